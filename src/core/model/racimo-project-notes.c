/* racimo-project-notes.c: notes and merge conflicts of a project's items, as
 * commands of its history (docs/file-format.md, "Notes" and "Conflicts")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-check.h"
#include "racimo-history-private.h"
#include "racimo-model-private.h"
#include "racimo-project-private.h"
#include "racimo-project.h"

/* Notes (docs/file-format.md, "Notes") */

typedef struct
{
  RacimoActivity *activity;
  RacimoRole     *role;
  char           *old_note;
  char           *new_note;
} NoteCommand;

static void
note_command_free (gpointer data)
{
  NoteCommand *command = data;

  g_object_unref (command->activity);
  g_object_unref (command->role);
  g_free (command->old_note);
  g_free (command->new_note);
  g_free (command);
}

static void
apply_note (RacimoProject *self,
            gpointer       data,
            gboolean       undo)
{
  NoteCommand *command = data;

  _racimo_activity_set_note (command->activity, command->role,
                             undo ? command->old_note : command->new_note);
  g_signal_emit (self, _racimo_project_signals[NOTE_CHANGED], 0, command->activity, command->role);
}

/**
 * racimo_project_set_note:
 * @note: (nullable): the note on the cell of @activity and @role; empty or
 *   %NULL removes it
 */
void
racimo_project_set_note (RacimoProject  *self,
                         RacimoActivity *activity,
                         RacimoRole     *role,
                         const char     *note)
{
  const char *old_note;
  NoteCommand *command;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity) && _racimo_project_owns_item (self, RACIMO_ITEM (activity)));
  g_return_if_fail (RACIMO_IS_ROLE (role) && _racimo_project_owns_item (self, RACIMO_ITEM (role)));

  note = _racimo_project_empty_to_null (note);
  old_note = racimo_activity_get_note (activity, role);
  if (g_strcmp0 (old_note, note) == 0)
    return;

  command = g_new0 (NoteCommand, 1);
  command->activity = g_object_ref (activity);
  command->role = g_object_ref (role);
  command->old_note = g_strdup (old_note);
  command->new_note = g_strdup (note);
  _racimo_project_push (self,
                        note == NULL ? _("Delete Note") : old_note == NULL ? _("Add Note") : _("Edit Note"),
                        apply_note, command, note_command_free);
}

/* Merge conflicts (docs/file-format.md, "Conflicts") */

guint
racimo_project_get_n_conflicts (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), 0);

  return self->conflicts != NULL ? self->conflicts->len : 0;
}

/**
 * racimo_project_get_conflict:
 *
 * Returns: (transfer none): the @n-th conflict recorded on the project
 *   itself (its title, description or scheme)
 */
const RacimoConflict *
racimo_project_get_conflict (RacimoProject *self,
                             guint          n)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (n < racimo_project_get_n_conflicts (self), NULL);

  return g_ptr_array_index (self->conflicts, n);
}

typedef struct
{
  RacimoItem     *item; /* NULL for the project */
  guint           position;
  RacimoConflict *conflict;
} ConflictCommand;

static void
conflict_command_free (gpointer data)
{
  ConflictCommand *command = data;

  g_clear_object (&command->item);
  racimo_conflict_free (command->conflict);
  g_free (command);
}

static void
apply_conflict (RacimoProject *self,
                gpointer       data,
                gboolean       undo)
{
  ConflictCommand *command = data;
  GPtrArray *conflicts = command->item != NULL ? _racimo_item_get_conflicts (command->item)
                                               : _racimo_project_get_conflicts (self);

  if (undo)
    g_ptr_array_insert (conflicts, (int) command->position,
                        racimo_conflict_copy (command->conflict));
  else
    g_ptr_array_remove_index (conflicts, command->position);

  g_signal_emit (self, _racimo_project_signals[CONFLICTS_CHANGED], 0, command->item);
}

/**
 * racimo_project_resolve_conflict:
 * @item: (nullable): the item holding the conflict, or %NULL for the
 *   project's own
 * @n: which of its conflicts
 *
 * Marks a recorded merge conflict as resolved: it is removed, and with it
 * its `merge-conflict` finding.  The value the file holds ("ours") stays;
 * to take another, change it as any other edit.
 */
void
racimo_project_resolve_conflict (RacimoProject *self,
                                 RacimoItem    *item,
                                 guint          n)
{
  ConflictCommand *command;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (item == NULL || (RACIMO_IS_ITEM (item) && _racimo_project_owns_item (self, item)));
  g_return_if_fail (n < (item != NULL ? racimo_item_get_n_conflicts (item)
                                      : racimo_project_get_n_conflicts (self)));

  command = g_new0 (ConflictCommand, 1);
  command->item = item != NULL ? g_object_ref (item) : NULL;
  command->position = n;
  command->conflict = racimo_conflict_copy (item != NULL ? racimo_item_get_conflict (item, n)
                                                         : racimo_project_get_conflict (self, n));
  _racimo_project_push (self, _("Resolve Conflict"), apply_conflict, command, conflict_command_free);
}
