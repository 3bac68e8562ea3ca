/* racimo-project.c: the project model and its undoable edits
 *
 * Each edit function builds a command, applies it through the same
 * function that undo and redo use, and records it in the history.  Only
 * those apply functions change the model after loading, and each one emits
 * the fine-grained signal that views and checks follow.
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

G_DEFINE_FINAL_TYPE (RacimoProject, racimo_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SCHEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _racimo_project_signals[N_SIGNALS];

static void
racimo_project_dispose (GObject *object)
{
  RacimoProject *self = RACIMO_PROJECT (object);

  /* Commands hold items; drop them before the items' owners go. */
  g_clear_object (&self->history);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->next_suffix, g_hash_table_unref);

  G_OBJECT_CLASS (racimo_project_parent_class)->dispose (object);
}

static void
racimo_project_finalize (GObject *object)
{
  RacimoProject *self = RACIMO_PROJECT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->scheme_id, g_free);
  g_clear_pointer (&self->foreign, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (racimo_project_parent_class)->finalize (object);
}

static void
racimo_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RacimoProject *self = RACIMO_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SCHEME:
      g_value_set_string (value, self->scheme_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_project_class_init (RacimoProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = racimo_project_dispose;
  object_class->finalize = racimo_project_finalize;
  object_class->get_property = racimo_project_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCHEME] =
    g_param_spec_string ("scheme", NULL, NULL, "RACI",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RacimoProject::cell-changed:
   * @activity: the activity
   * @role: the role
   * @old_codes: the codes before
   * @new_codes: the codes now
   */
  _racimo_project_signals[CELL_CHANGED] =
    g_signal_new ("cell-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  RACIMO_TYPE_ACTIVITY, RACIMO_TYPE_ROLE, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * RacimoProject::item-added:
   * @item: a role, phase or activity, now in the project; its position is
   *   found with racimo_project_index_of_role() and the like
   */
  _racimo_project_signals[ITEM_ADDED] =
    g_signal_new ("item-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RACIMO_TYPE_ITEM);

  /**
   * RacimoProject::item-removed:
   * @item: the role, phase or activity, no longer in the project; a
   *   removed phase keeps its activities
   * @parent: (nullable): the phase an activity was in, %NULL otherwise
   * @position: where it was
   */
  _racimo_project_signals[ITEM_REMOVED] =
    g_signal_new ("item-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RACIMO_TYPE_ITEM, RACIMO_TYPE_ITEM, G_TYPE_UINT);

  /**
   * RacimoProject::item-moved:
   * @item: the role, phase or activity, at its new position
   * @old_parent: (nullable): the phase an activity was in, %NULL otherwise
   * @old_position: where it was
   */
  _racimo_project_signals[ITEM_MOVED] =
    g_signal_new ("item-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RACIMO_TYPE_ITEM, RACIMO_TYPE_ITEM, G_TYPE_UINT);

  /**
   * RacimoProject::item-changed:
   * @item: the role, phase or activity
   * @change: a #RacimoChange saying what changed
   */
  _racimo_project_signals[ITEM_CHANGED] =
    g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RACIMO_TYPE_ITEM, G_TYPE_UINT);

  /**
   * RacimoProject::person-added:
   * @person: the person, now in the project's list of people, with the
   *   memberships it had when it was removed
   */
  _racimo_project_signals[PERSON_ADDED] =
    g_signal_new ("person-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RACIMO_TYPE_PERSON);

  /**
   * RacimoProject::person-removed:
   * @person: the person, no longer in the project nor a member of a role
   * @position: where it was in the list of people
   */
  _racimo_project_signals[PERSON_REMOVED] =
    g_signal_new ("person-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RACIMO_TYPE_PERSON, G_TYPE_UINT);

  /**
   * RacimoProject::person-moved:
   * @person: the person, at its new position
   * @old_position: where it was
   */
  _racimo_project_signals[PERSON_MOVED] =
    g_signal_new ("person-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RACIMO_TYPE_PERSON, G_TYPE_UINT);

  /**
   * RacimoProject::person-changed:
   * @person: the person
   * @change: a #RacimoChange: its name, e-mail address or waivers
   *
   * Persons are items, but their changes are told here and not with
   * #RacimoProject::item-changed, which is about the matrix's items.
   */
  _racimo_project_signals[PERSON_CHANGED] =
    g_signal_new ("person-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RACIMO_TYPE_PERSON, G_TYPE_UINT);

  /**
   * RacimoProject::note-changed:
   * @activity: the activity
   * @role: the role whose cell's note was added, changed or removed
   */
  _racimo_project_signals[NOTE_CHANGED] =
    g_signal_new ("note-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RACIMO_TYPE_ACTIVITY, RACIMO_TYPE_ROLE);

  /**
   * RacimoProject::conflicts-changed:
   * @item: (nullable): the item whose recorded merge conflicts changed, or
   *   %NULL for the project's own
   */
  _racimo_project_signals[CONFLICTS_CHANGED] =
    g_signal_new ("conflicts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RACIMO_TYPE_ITEM);
}

static void
racimo_project_init (RacimoProject *self)
{
  self->title = g_strdup ("");
  self->scheme_id = g_strdup ("RACI");
  self->scheme = racimo_scheme_get_default ();
  self->roles = g_ptr_array_new_with_free_func (g_object_unref);
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->phases = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->next_suffix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->history = _racimo_history_new (self);
}

/**
 * racimo_project_new:
 *
 * Returns: (transfer full): an empty, unmodified RACI project
 */
RacimoProject *
racimo_project_new (void)
{
  return g_object_new (RACIMO_TYPE_PROJECT, NULL);
}

const char *
racimo_project_get_title (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);

  return self->title;
}

/**
 * racimo_project_get_description:
 *
 * Returns: (nullable): the project's description
 */
const char *
racimo_project_get_description (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);

  return self->description;
}

/**
 * racimo_project_get_scheme:
 *
 * Returns: the scheme the checks and views use; RACI when the file names a
 *   scheme that this version of Racimo does not know
 */
const RacimoScheme *
racimo_project_get_scheme (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);

  return self->scheme;
}

/**
 * racimo_project_get_scheme_id:
 *
 * Returns: the scheme as written in the file
 */
const char *
racimo_project_get_scheme_id (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);

  return self->scheme_id;
}

/**
 * racimo_project_get_version_minor:
 *
 * Returns: the minor format version to write: 0, or the higher minor
 *   version the file was read with
 */
guint
racimo_project_get_version_minor (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), 0);

  return self->version_minor;
}

/**
 * racimo_project_get_history:
 *
 * Returns: (transfer none): the project's undo history
 */
RacimoHistory *
racimo_project_get_history (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);

  return self->history;
}

guint
racimo_project_get_n_roles (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), 0);

  return self->roles->len;
}

/**
 * racimo_project_get_role:
 *
 * Returns: (transfer none): the @n-th role, in column order
 */
RacimoRole *
racimo_project_get_role (RacimoProject *self,
                         guint          n)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (n < self->roles->len, NULL);

  return g_ptr_array_index (self->roles, n);
}

/**
 * racimo_project_index_of_role:
 *
 * Returns: the column of @role, or -1 when it is not in the project
 */
int
racimo_project_index_of_role (RacimoProject *self,
                              RacimoRole    *role)
{
  guint index;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), -1);

  if (!g_ptr_array_find (self->roles, role, &index))
    return -1;

  return (int) index;
}

guint
racimo_project_get_n_phases (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), 0);

  return self->phases->len;
}

/**
 * racimo_project_get_phase:
 *
 * Returns: (transfer none): the @n-th phase
 */
RacimoPhase *
racimo_project_get_phase (RacimoProject *self,
                          guint          n)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (n < self->phases->len, NULL);

  return g_ptr_array_index (self->phases, n);
}

/**
 * racimo_project_index_of_phase:
 *
 * Returns: the position of @phase, or -1 when it is not in the project
 */
int
racimo_project_index_of_phase (RacimoProject *self,
                               RacimoPhase   *phase)
{
  guint index;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), -1);

  if (!g_ptr_array_find (self->phases, phase, &index))
    return -1;

  return (int) index;
}

/**
 * racimo_project_get_n_activities:
 *
 * Returns: the number of activities in all phases
 */
guint
racimo_project_get_n_activities (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), 0);

  return self->n_activities;
}

/**
 * racimo_project_lookup:
 *
 * Returns: (transfer none) (nullable): the role, phase or activity with @id
 */
RacimoItem *
racimo_project_lookup (RacimoProject *self,
                       const char    *id)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->ids, id);
}

/* Commands */

void
_racimo_project_push (RacimoProject    *self,
                      const char       *label,
                      RacimoCommandFunc func,
                      gpointer          data,
                      GDestroyNotify    free_data)
{
  func (self, data, FALSE);
  _racimo_history_push (self->history, label, func, data, free_data);
}

/* Title, description and scheme of the project */

typedef enum { PROJECT_TITLE, PROJECT_DESCRIPTION, PROJECT_SCHEME } ProjectField;

typedef struct
{
  ProjectField field;
  char        *old_value;
  char        *new_value;
} ProjectFieldCommand;

static void
project_field_command_free (gpointer data)
{
  ProjectFieldCommand *command = data;

  g_free (command->old_value);
  g_free (command->new_value);
  g_free (command);
}

static void
apply_project_field (RacimoProject *self,
                     gpointer       data,
                     gboolean       undo)
{
  ProjectFieldCommand *command = data;
  const char *value = undo ? command->old_value : command->new_value;

  switch (command->field)
    {
    case PROJECT_TITLE:
      _racimo_project_set_title (self, value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      break;
    case PROJECT_DESCRIPTION:
      _racimo_project_set_description (self, value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
      break;
    case PROJECT_SCHEME:
      _racimo_project_set_scheme_id (self, value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_project_field (RacimoProject *self,
                   ProjectField   field,
                   const char    *old_value,
                   const char    *new_value,
                   const char    *label)
{
  ProjectFieldCommand *command;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  command = g_new0 (ProjectFieldCommand, 1);
  command->field = field;
  command->old_value = g_strdup (old_value);
  command->new_value = g_strdup (new_value);
  _racimo_project_push (self, label, apply_project_field, command, project_field_command_free);
}

void
racimo_project_set_title (RacimoProject *self,
                          const char    *title)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));

  set_project_field (self, PROJECT_TITLE, self->title, title != NULL ? title : "",
                     _("Change Title"));
}

void
racimo_project_set_description (RacimoProject *self,
                                const char    *description)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));

  if (description != NULL && *description == '\0')
    description = NULL;

  set_project_field (self, PROJECT_DESCRIPTION, self->description, description,
                     _("Change Description"));
}

/**
 * racimo_project_set_scheme:
 * @scheme_id: one of the scheme ids of racimo_scheme_lookup()
 *
 * Switches the scheme.  Every code is kept; the checks report those the
 * new scheme does not define.
 */
void
racimo_project_set_scheme (RacimoProject *self,
                           const char    *scheme_id)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (scheme_id != NULL && racimo_scheme_lookup (scheme_id) != NULL);

  set_project_field (self, PROJECT_SCHEME, self->scheme_id, scheme_id, _("Change Scheme"));
}

/* Properties of roles, phases and activities */

typedef struct
{
  RacimoItem  *item;
  RacimoChange change;
  char        *check; /* RACIMO_CHANGE_WAIVERS */
  char        *old_value;
  char        *new_value;
} ItemFieldCommand;

static void
item_field_command_free (gpointer data)
{
  ItemFieldCommand *command = data;

  g_object_unref (command->item);
  g_free (command->check);
  g_free (command->old_value);
  g_free (command->new_value);
  g_free (command);
}

/* The roles that @person holds show the new name. */
static void
person_renamed (RacimoProject *self,
                RacimoPerson  *person)
{
  for (guint i = 0; i < self->roles->len; i++)
    {
      RacimoRole *role = g_ptr_array_index (self->roles, i);

      if (racimo_role_index_of_member (role, person) < 0)
        continue;

      _racimo_role_update_person (role);
      g_signal_emit (self, _racimo_project_signals[ITEM_CHANGED], 0, role, (guint) RACIMO_CHANGE_PERSON);
    }
}

static void
apply_item_field (RacimoProject *self,
                  gpointer       data,
                  gboolean       undo)
{
  ItemFieldCommand *command = data;
  const char *value = undo ? command->old_value : command->new_value;

  switch (command->change)
    {
    case RACIMO_CHANGE_NAME:
      _racimo_item_set_name (command->item, value);
      break;
    case RACIMO_CHANGE_ABBREV:
      _racimo_role_set_abbrev (RACIMO_ROLE (command->item), value);
      break;
    case RACIMO_CHANGE_EMAIL:
      _racimo_person_set_email (RACIMO_PERSON (command->item), value);
      break;
    case RACIMO_CHANGE_DESCRIPTION:
      _racimo_item_set_description (command->item, value);
      break;
    case RACIMO_CHANGE_APPLICABLE:
      _racimo_activity_set_applicable (RACIMO_ACTIVITY (command->item), value != NULL);
      break;
    case RACIMO_CHANGE_WAIVERS:
      _racimo_item_set_waiver (command->item, command->check, value);
      break;
    case RACIMO_CHANGE_PERSON:
    default:
      g_assert_not_reached ();
    }

  if (RACIMO_IS_PERSON (command->item))
    {
      if (command->change == RACIMO_CHANGE_NAME)
        person_renamed (self, RACIMO_PERSON (command->item));
      g_signal_emit (self, _racimo_project_signals[PERSON_CHANGED], 0, command->item, (guint) command->change);
      return;
    }

  g_signal_emit (self, _racimo_project_signals[ITEM_CHANGED], 0, command->item, (guint) command->change);
}

void
_racimo_project_set_item_field (RacimoProject *self,
                                RacimoItem    *item,
                                RacimoChange   change,
                                const char    *check,
                                const char    *old_value,
                                const char    *new_value,
                                const char    *label)
{
  ItemFieldCommand *command;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  command = g_new0 (ItemFieldCommand, 1);
  command->item = g_object_ref (item);
  command->change = change;
  command->check = g_strdup (check);
  command->old_value = g_strdup (old_value);
  command->new_value = g_strdup (new_value);
  _racimo_project_push (self, label, apply_item_field, command, item_field_command_free);
}

gboolean
_racimo_project_owns_item (RacimoProject *self,
                           RacimoItem    *item)
{
  const char *id = racimo_item_get_id (item);

  return id != NULL && g_hash_table_lookup (self->ids, id) == item;
}

const char *
_racimo_project_empty_to_null (const char *s)
{
  return (s != NULL && *s != '\0') ? s : NULL;
}

/**
 * racimo_project_rename:
 * @name: the new name; may be empty
 *
 * Renames a person, role, phase or activity.  Its id does not change.
 */
void
racimo_project_rename (RacimoProject *self,
                       RacimoItem    *item,
                       const char    *name)
{
  const char *label;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ITEM (item) && _racimo_project_owns_item (self, item));

  if (RACIMO_IS_PERSON (item))
    label = _("Rename Person");
  else if (RACIMO_IS_ROLE (item))
    label = _("Rename Role");
  else if (RACIMO_IS_PHASE (item))
    label = _("Rename Phase");
  else
    label = _("Rename Activity");

  _racimo_project_set_item_field (self, item, RACIMO_CHANGE_NAME, NULL,
                                  racimo_item_get_name (item), name != NULL ? name : "", label);
}

/**
 * racimo_project_set_item_description:
 * @description: (nullable): the new description; empty or %NULL removes it
 */
void
racimo_project_set_item_description (RacimoProject *self,
                                     RacimoItem    *item,
                                     const char    *description)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ITEM (item) && _racimo_project_owns_item (self, item));

  _racimo_project_set_item_field (self, item, RACIMO_CHANGE_DESCRIPTION, NULL,
                                  racimo_item_get_description (item), _racimo_project_empty_to_null (description),
                                  _("Change Description"));
}

/**
 * racimo_project_set_role_abbrev:
 * @abbrev: (nullable): at most 8 characters; empty or %NULL removes it
 */
void
racimo_project_set_role_abbrev (RacimoProject *self,
                                RacimoRole    *role,
                                const char    *abbrev)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ROLE (role) && _racimo_project_owns_item (self, RACIMO_ITEM (role)));
  g_return_if_fail (abbrev == NULL || g_utf8_strlen (abbrev, -1) <= 8);

  _racimo_project_set_item_field (self, RACIMO_ITEM (role), RACIMO_CHANGE_ABBREV, NULL,
                                  racimo_role_get_abbrev (role), _racimo_project_empty_to_null (abbrev),
                                  _("Change Abbreviation"));
}

/**
 * racimo_project_set_applicable:
 *
 * Marks an activity as applying to the project, or as reviewed and not
 * applying: it stays in the matrix and no check fires on it.
 */
void
racimo_project_set_applicable (RacimoProject  *self,
                               RacimoActivity *activity,
                               gboolean        applicable)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity) && _racimo_project_owns_item (self, RACIMO_ITEM (activity)));

  /* Any non-NULL string stands for TRUE. */
  _racimo_project_set_item_field (self, RACIMO_ITEM (activity), RACIMO_CHANGE_APPLICABLE, NULL,
                                  racimo_activity_get_applicable (activity) ? "yes" : NULL,
                                  applicable ? "yes" : NULL,
                                  applicable ? _("Mark Applicable") : _("Mark Not Applicable"));
}

/**
 * racimo_project_set_waiver:
 * @check: a check id of docs/file-format.md, "Checks", such as "no-doer"; a file of format
 *   1.0 holding another would be refused on load
 * @reason: (nullable): why the finding is accepted; %NULL removes the waiver
 */
void
racimo_project_set_waiver (RacimoProject *self,
                           RacimoItem    *item,
                           const char    *check,
                           const char    *reason)
{
  RacimoCheck known;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ITEM (item) && _racimo_project_owns_item (self, item));
  g_return_if_fail (check != NULL && racimo_check_from_id (check, &known));

  _racimo_project_set_item_field (self, item, RACIMO_CHANGE_WAIVERS, check,
                                  racimo_item_get_waiver_reason (item, check), reason,
                                  reason != NULL ? _("Waive Finding") : _("Remove Waiver"));
}

/* Cells */

typedef struct
{
  RacimoActivity *activity;
  RacimoRole     *role;
  RacimoCodes     old_codes;
  RacimoCodes     new_codes;
} CellCommand;

static void
cell_command_free (gpointer data)
{
  CellCommand *command = data;

  g_object_unref (command->activity);
  g_object_unref (command->role);
  g_free (command);
}

static void
apply_cell (RacimoProject *self,
            gpointer       data,
            gboolean       undo)
{
  CellCommand *command = data;
  RacimoCodes old_codes = undo ? command->new_codes : command->old_codes;
  RacimoCodes new_codes = undo ? command->old_codes : command->new_codes;

  _racimo_activity_set_codes (command->activity, command->role, new_codes);
  g_signal_emit (self, _racimo_project_signals[CELL_CHANGED], 0,
                 command->activity, command->role, (guint) old_codes, (guint) new_codes);
}

/**
 * racimo_project_set_codes:
 *
 * Sets the codes that @role holds for @activity.
 */
void
racimo_project_set_codes (RacimoProject  *self,
                          RacimoActivity *activity,
                          RacimoRole     *role,
                          RacimoCodes     codes)
{
  CellCommand *command;
  RacimoCodes old_codes;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity) && _racimo_project_owns_item (self, RACIMO_ITEM (activity)));
  g_return_if_fail (RACIMO_IS_ROLE (role) && _racimo_project_owns_item (self, RACIMO_ITEM (role)));
  g_return_if_fail ((codes & ~(RacimoCodes) 0x3ffffff) == 0);

  old_codes = racimo_activity_get_codes (activity, role);
  if (old_codes == codes)
    return;

  command = g_new0 (CellCommand, 1);
  command->activity = g_object_ref (activity);
  command->role = g_object_ref (role);
  command->old_codes = old_codes;
  command->new_codes = codes;
  _racimo_project_push (self, codes != 0 ? _("Set Code") : _("Clear Cell"), apply_cell, command, cell_command_free);
}

/**
 * racimo_project_toggle_code:
 * @code: an upper-case letter
 *
 * Gives @role the @code for @activity, or takes it away when it holds it.
 */
void
racimo_project_toggle_code (RacimoProject  *self,
                            RacimoActivity *activity,
                            RacimoRole     *role,
                            char            code)
{
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));
  g_return_if_fail (RACIMO_CODE_IS_VALID (code));

  racimo_project_set_codes (self, activity, role,
                            racimo_activity_get_codes (activity, role) ^ RACIMO_CODE_BIT (code));
}

/* Roles */

typedef struct
{
  RacimoActivity *activity;
  RacimoCodes     codes;
} SavedCell;

typedef struct
{
  RacimoRole *role;
  guint       position;
  gboolean    insert;   /* TRUE: adds the role; FALSE: removes it */
  GArray     *cells;    /* SavedCell: what the role held, to restore */
} RoleCommand;

static void
clear_saved_cell (gpointer data)
{
  g_object_unref (((SavedCell *) data)->activity);
}

static void
role_command_free (gpointer data)
{
  RoleCommand *command = data;

  g_object_unref (command->role);
  g_array_unref (command->cells);
  g_free (command);
}

static void
apply_role (RacimoProject *self,
            gpointer       data,
            gboolean       undo)
{
  RoleCommand *command = data;

  if (command->insert != undo)
    {
      g_ptr_array_insert (self->roles, (int) command->position, g_object_ref (command->role));
      _racimo_project_register_id (self, RACIMO_ITEM (command->role));

      for (guint i = 0; i < command->cells->len; i++)
        {
          SavedCell *cell = &g_array_index (command->cells, SavedCell, i);
          _racimo_activity_set_codes (cell->activity, command->role, cell->codes);
        }
      g_array_set_size (command->cells, 0);

      g_signal_emit (self, _racimo_project_signals[ITEM_ADDED], 0, command->role);
    }
  else
    {
      g_autoptr(RacimoRole) role = g_object_ref (command->role);

      g_array_set_size (command->cells, 0);
      for (guint p = 0; p < self->phases->len; p++)
        {
          RacimoPhase *phase = g_ptr_array_index (self->phases, p);

          for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
            {
              RacimoActivity *activity = racimo_phase_get_activity (phase, a);
              SavedCell cell = { activity, racimo_activity_get_codes (activity, role) };

              if (cell.codes == 0)
                continue;

              g_object_ref (activity);
              g_array_append_val (command->cells, cell);
              _racimo_activity_set_codes (activity, role, 0);
            }
        }

      _racimo_project_unregister_id (self, RACIMO_ITEM (role));
      g_ptr_array_remove_index (self->roles, command->position);

      g_signal_emit (self, _racimo_project_signals[ITEM_REMOVED], 0, role, NULL, command->position);
    }
}

static RoleCommand *
role_command_new (RacimoRole *role,
                  guint       position,
                  gboolean    insert)
{
  RoleCommand *command = g_new0 (RoleCommand, 1);

  command->role = g_object_ref (role);
  command->position = position;
  command->insert = insert;
  command->cells = g_array_new (FALSE, FALSE, sizeof (SavedCell));
  g_array_set_clear_func (command->cells, clear_saved_cell);

  return command;
}

/**
 * racimo_project_add_role:
 * @position: the column to insert at, or -1 to append
 * @name: (nullable): the role's name
 * @abbrev: (nullable): its abbreviation, at most 8 characters
 *
 * Returns: (transfer none): the new role, with an id made from @name
 */
RacimoRole *
racimo_project_add_role (RacimoProject *self,
                         int            position,
                         const char    *name,
                         const char    *abbrev)
{
  g_autoptr(RacimoRole) role = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (position <= (int) self->roles->len, NULL);
  g_return_val_if_fail (abbrev == NULL || g_utf8_strlen (abbrev, -1) <= 8, NULL);

  if (position < 0)
    position = (int) self->roles->len;

  id = _racimo_project_make_id (self, name, "role");
  role = g_object_new (RACIMO_TYPE_ROLE, NULL);
  _racimo_item_set_id (RACIMO_ITEM (role), id);
  _racimo_item_set_name (RACIMO_ITEM (role), name);
  _racimo_role_set_abbrev (role, abbrev);
  _racimo_project_insert_role (self, (guint) position, role);

  return role;
}

/* Adds @role, made outside with an id the project does not use yet, with
 * history: what taking another copy's role needs, its id kept. */
void
_racimo_project_insert_role (RacimoProject *self,
                             guint          position,
                             RacimoRole    *role)
{
  g_return_if_fail (position <= self->roles->len);
  g_return_if_fail (racimo_project_lookup (self, racimo_item_get_id (RACIMO_ITEM (role))) == NULL);

  _racimo_project_push (self, _("Add Role"), apply_role, role_command_new (role, position, TRUE),
                        role_command_free);
}

/**
 * racimo_project_remove_role:
 *
 * Removes a role and every code it holds; undo brings both back.
 */
void
racimo_project_remove_role (RacimoProject *self,
                            RacimoRole    *role)
{
  int position;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ROLE (role));

  position = racimo_project_index_of_role (self, role);
  g_return_if_fail (position >= 0);

  _racimo_project_push (self, _("Delete Role"), apply_role, role_command_new (role, (guint) position, FALSE),
                        role_command_free);
}

/* Moves of roles and phases */

typedef struct
{
  RacimoItem *item;
  guint       from;
  guint       to;
} MoveCommand;

static void
move_command_free (gpointer data)
{
  MoveCommand *command = data;

  g_object_unref (command->item);
  g_free (command);
}

static void
apply_move (RacimoProject *self,
            gpointer       data,
            gboolean       undo)
{
  MoveCommand *command = data;
  gboolean person = RACIMO_IS_PERSON (command->item);
  GPtrArray *array = person ? self->people
                     : RACIMO_IS_ROLE (command->item) ? self->roles : self->phases;
  guint from = undo ? command->to : command->from;
  guint to = undo ? command->from : command->to;
  gpointer item = g_ptr_array_steal_index (array, from);

  g_ptr_array_insert (array, (int) to, item);
  if (person)
    g_signal_emit (self, _racimo_project_signals[PERSON_MOVED], 0, command->item, from);
  else
    g_signal_emit (self, _racimo_project_signals[ITEM_MOVED], 0, command->item, NULL, from);
}

void
_racimo_project_move_item (RacimoProject *self,
                           RacimoItem    *item,
                           guint          from,
                           guint          to,
                           const char    *label)
{
  MoveCommand *command;

  if (from == to)
    return;

  command = g_new0 (MoveCommand, 1);
  command->item = g_object_ref (item);
  command->from = from;
  command->to = to;
  _racimo_project_push (self, label, apply_move, command, move_command_free);
}

/**
 * racimo_project_move_role:
 * @position: the column the role ends up in
 */
void
racimo_project_move_role (RacimoProject *self,
                          RacimoRole    *role,
                          guint          position)
{
  int from;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  from = racimo_project_index_of_role (self, role);
  g_return_if_fail (from >= 0);
  g_return_if_fail (position < self->roles->len);

  _racimo_project_move_item (self, RACIMO_ITEM (role), (guint) from, position, _("Move Role"));
}

/**
 * racimo_project_move_phase:
 * @position: the position the phase ends up at
 */
void
racimo_project_move_phase (RacimoProject *self,
                           RacimoPhase   *phase,
                           guint          position)
{
  int from;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  from = racimo_project_index_of_phase (self, phase);
  g_return_if_fail (from >= 0);
  g_return_if_fail (position < self->phases->len);

  _racimo_project_move_item (self, RACIMO_ITEM (phase), (guint) from, position, _("Move Phase"));
}

/* Phases */

typedef struct
{
  RacimoPhase *phase;
  guint        position;
  gboolean     insert;
} PhaseCommand;

static void
phase_command_free (gpointer data)
{
  PhaseCommand *command = data;

  g_object_unref (command->phase);
  g_free (command);
}

static void
apply_phase (RacimoProject *self,
             gpointer       data,
             gboolean       undo)
{
  PhaseCommand *command = data;
  guint n = racimo_phase_get_n_activities (command->phase);

  if (command->insert != undo)
    {
      g_ptr_array_insert (self->phases, (int) command->position, g_object_ref (command->phase));
      _racimo_project_register_id (self, RACIMO_ITEM (command->phase));
      for (guint i = 0; i < n; i++)
        _racimo_project_register_id (self, RACIMO_ITEM (racimo_phase_get_activity (command->phase, i)));
      self->n_activities += n;

      g_signal_emit (self, _racimo_project_signals[ITEM_ADDED], 0, command->phase);
    }
  else
    {
      g_autoptr(RacimoPhase) phase = g_object_ref (command->phase);

      for (guint i = 0; i < n; i++)
        _racimo_project_unregister_id (self, RACIMO_ITEM (racimo_phase_get_activity (phase, i)));
      _racimo_project_unregister_id (self, RACIMO_ITEM (phase));
      self->n_activities -= n;
      g_ptr_array_remove_index (self->phases, command->position);

      g_signal_emit (self, _racimo_project_signals[ITEM_REMOVED], 0, phase, NULL, command->position);
    }
}

/**
 * racimo_project_add_phase:
 * @position: where to insert, or -1 to append
 * @name: (nullable): the phase's name
 *
 * Returns: (transfer none): the new, empty phase
 */
RacimoPhase *
racimo_project_add_phase (RacimoProject *self,
                          int            position,
                          const char    *name)
{
  g_autoptr(RacimoPhase) phase = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (position <= (int) self->phases->len, NULL);

  if (position < 0)
    position = (int) self->phases->len;

  id = _racimo_project_make_id (self, name, "phase");
  phase = g_object_new (RACIMO_TYPE_PHASE, NULL);
  _racimo_item_set_id (RACIMO_ITEM (phase), id);
  _racimo_item_set_name (RACIMO_ITEM (phase), name);
  _racimo_project_insert_phase (self, (guint) position, phase);

  return phase;
}

/* Adds @phase, made outside with an id the project does not use yet (and
 * no activities), with history, as _racimo_project_insert_role (). */
void
_racimo_project_insert_phase (RacimoProject *self,
                              guint          position,
                              RacimoPhase   *phase)
{
  PhaseCommand *command;

  g_return_if_fail (position <= self->phases->len);
  g_return_if_fail (racimo_project_lookup (self, racimo_item_get_id (RACIMO_ITEM (phase))) == NULL);

  command = g_new0 (PhaseCommand, 1);
  command->phase = g_object_ref (phase);
  command->position = position;
  command->insert = TRUE;
  _racimo_project_push (self, _("Add Phase"), apply_phase, command, phase_command_free);
}

/**
 * racimo_project_remove_phase:
 *
 * Removes a phase with its activities; undo brings them back.
 */
void
racimo_project_remove_phase (RacimoProject *self,
                             RacimoPhase   *phase)
{
  PhaseCommand *command;
  int position;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  position = racimo_project_index_of_phase (self, phase);
  g_return_if_fail (position >= 0);

  command = g_new0 (PhaseCommand, 1);
  command->phase = g_object_ref (phase);
  command->position = (guint) position;
  command->insert = FALSE;
  _racimo_project_push (self, _("Delete Phase"), apply_phase, command, phase_command_free);
}
