/* racimo-project-activities.c: adding, removing and moving activities, as commands of
 * the project's history
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

/* Activities */

typedef struct
{
  RacimoActivity *activity;
  RacimoPhase    *phase;
  guint           position;
  gboolean        insert;
} ActivityCommand;

static void
activity_command_free (gpointer data)
{
  ActivityCommand *command = data;

  g_object_unref (command->activity);
  g_object_unref (command->phase);
  g_free (command);
}

static void
apply_activity (RacimoProject *self,
                gpointer       data,
                gboolean       undo)
{
  ActivityCommand *command = data;

  if (command->insert != undo)
    {
      _racimo_phase_insert_activity (command->phase, command->position, command->activity);
      _racimo_project_register_id (self, RACIMO_ITEM (command->activity));
      self->n_activities++;

      g_signal_emit (self, _racimo_project_signals[ITEM_ADDED], 0, command->activity);
    }
  else
    {
      _racimo_project_unregister_id (self, RACIMO_ITEM (command->activity));
      _racimo_phase_remove_activity (command->phase, command->activity);
      self->n_activities--;

      g_signal_emit (self, _racimo_project_signals[ITEM_REMOVED], 0,
                     command->activity, command->phase, command->position);
    }
}

static ActivityCommand *
activity_command_new (RacimoActivity *activity,
                      RacimoPhase    *phase,
                      guint           position,
                      gboolean        insert)
{
  ActivityCommand *command = g_new0 (ActivityCommand, 1);

  command->activity = g_object_ref (activity);
  command->phase = g_object_ref (phase);
  command->position = position;
  command->insert = insert;

  return command;
}

/**
 * racimo_project_add_activity:
 * @phase: the phase to add to
 * @position: where in the phase, or -1 to append
 * @name: (nullable): the activity's name
 *
 * Returns: (transfer none): the new activity, applicable, with no codes
 */
RacimoActivity *
racimo_project_add_activity (RacimoProject *self,
                             RacimoPhase   *phase,
                             int            position,
                             const char    *name)
{
  g_autoptr(RacimoActivity) activity = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (RACIMO_IS_PHASE (phase) && _racimo_project_owns_item (self, RACIMO_ITEM (phase)), NULL);
  g_return_val_if_fail (position <= (int) racimo_phase_get_n_activities (phase), NULL);

  if (position < 0)
    position = (int) racimo_phase_get_n_activities (phase);

  id = _racimo_project_make_id (self, name, "activity");
  activity = g_object_new (RACIMO_TYPE_ACTIVITY, NULL);
  _racimo_item_set_id (RACIMO_ITEM (activity), id);
  _racimo_item_set_name (RACIMO_ITEM (activity), name);

  _racimo_project_push (self, _("Add Activity"), apply_activity,
                        activity_command_new (activity, phase, (guint) position, TRUE),
                        activity_command_free);

  return activity;
}

/**
 * racimo_project_remove_activity:
 *
 * Removes an activity with its codes; undo brings it back.
 */
void
racimo_project_remove_activity (RacimoProject  *self,
                                RacimoActivity *activity)
{
  RacimoPhase *phase;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity) && _racimo_project_owns_item (self, RACIMO_ITEM (activity)));

  phase = racimo_activity_get_phase (activity);
  _racimo_project_push (self, _("Delete Activity"), apply_activity,
                        activity_command_new (activity, phase, (guint) racimo_phase_index_of (phase, activity),
                                              FALSE),
                        activity_command_free);
}

typedef struct
{
  RacimoActivity *activity;
  RacimoPhase    *from_phase;
  guint           from;
  RacimoPhase    *to_phase;
  guint           to;
} MoveActivityCommand;

static void
move_activity_command_free (gpointer data)
{
  MoveActivityCommand *command = data;

  g_object_unref (command->activity);
  g_object_unref (command->from_phase);
  g_object_unref (command->to_phase);
  g_free (command);
}

static void
apply_move_activity (RacimoProject *self,
                     gpointer       data,
                     gboolean       undo)
{
  MoveActivityCommand *command = data;
  RacimoPhase *from_phase = undo ? command->to_phase : command->from_phase;
  RacimoPhase *to_phase = undo ? command->from_phase : command->to_phase;
  guint from = undo ? command->to : command->from;
  guint to = undo ? command->from : command->to;

  _racimo_phase_remove_activity (from_phase, command->activity);
  _racimo_phase_insert_activity (to_phase, to, command->activity);

  g_signal_emit (self, _racimo_project_signals[ITEM_MOVED], 0, command->activity, from_phase, from);
}

/**
 * racimo_project_move_activity:
 * @phase: the phase the activity ends up in, its own or another
 * @position: its position there, counted after it left its old place
 */
void
racimo_project_move_activity (RacimoProject  *self,
                              RacimoActivity *activity,
                              RacimoPhase    *phase,
                              guint           position)
{
  MoveActivityCommand *command;
  RacimoPhase *from_phase;
  guint n;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity) && _racimo_project_owns_item (self, RACIMO_ITEM (activity)));
  g_return_if_fail (RACIMO_IS_PHASE (phase) && _racimo_project_owns_item (self, RACIMO_ITEM (phase)));

  from_phase = racimo_activity_get_phase (activity);
  n = racimo_phase_get_n_activities (phase) - (from_phase == phase ? 1 : 0);
  g_return_if_fail (position <= n);

  command = g_new0 (MoveActivityCommand, 1);
  command->activity = g_object_ref (activity);
  command->from_phase = g_object_ref (from_phase);
  command->from = (guint) racimo_phase_index_of (from_phase, activity);
  command->to_phase = g_object_ref (phase);
  command->to = position;

  if (command->from_phase == command->to_phase && command->from == command->to)
    {
      move_activity_command_free (command);
      return;
    }

  _racimo_project_push (self, _("Move Activity"), apply_move_activity, command, move_activity_command_free);
}
