/* racimo-history.c: undoable commands, grouped into steps
 *
 * Every edit function of RacimoProject applies a command and pushes it
 * here.  Commands pushed between racimo_history_begin() and
 * racimo_history_end() form one step, undone and redone together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-history-private.h"
#include "racimo-history.h"

typedef struct
{
  RacimoCommandFunc func;
  gpointer          data;
  GDestroyNotify    free_data;
} Command;

typedef struct
{
  char   *label;
  GArray *commands; /* Command */
} Step;

struct _RacimoHistory
{
  GObject parent_instance;

  RacimoProject *project; /* unowned: the project owns its history */
  GPtrArray     *steps;   /* Step */
  guint          position; /* steps before it are done, from it on undone */
  /* The position at which the project matched its file, or -1 when no
   * position does any more (the saved state was undone, then replaced). */
  gint64         saved_position;

  Step          *open_step;
  guint          open_depth;
  gboolean       replaying;
};

G_DEFINE_FINAL_TYPE (RacimoHistory, racimo_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_command (gpointer data)
{
  Command *command = data;

  if (command->free_data != NULL)
    command->free_data (command->data);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_array_unref (step->commands);
  g_free (step);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->commands = g_array_new (FALSE, FALSE, sizeof (Command));
  g_array_set_clear_func (step->commands, clear_command);

  return step;
}

typedef struct
{
  gboolean    can_undo;
  gboolean    can_redo;
  gboolean    modified;
  const char *undo_label;
  const char *redo_label;
} State;

static void
get_state (RacimoHistory *self,
           State         *state)
{
  state->can_undo = racimo_history_get_can_undo (self);
  state->can_redo = racimo_history_get_can_redo (self);
  state->modified = racimo_history_get_modified (self);
  state->undo_label = racimo_history_get_undo_label (self);
  state->redo_label = racimo_history_get_redo_label (self);
}

static void
notify_changes (RacimoHistory *self,
                const State   *before)
{
  State after;

  get_state (self, &after);

  g_object_freeze_notify (G_OBJECT (self));
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
racimo_history_finalize (GObject *object)
{
  RacimoHistory *self = RACIMO_HISTORY (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->open_step, step_free);

  G_OBJECT_CLASS (racimo_history_parent_class)->finalize (object);
}

static void
racimo_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RacimoHistory *self = RACIMO_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, racimo_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, racimo_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, racimo_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, racimo_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, racimo_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_history_class_init (RacimoHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = racimo_history_finalize;
  object_class->get_property = racimo_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
racimo_history_init (RacimoHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

RacimoHistory *
_racimo_history_new (RacimoProject *project)
{
  RacimoHistory *self = g_object_new (RACIMO_TYPE_HISTORY, NULL);

  self->project = project;

  return self;
}

gboolean
racimo_history_get_can_undo (RacimoHistory *self)
{
  g_return_val_if_fail (RACIMO_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
racimo_history_get_can_redo (RacimoHistory *self)
{
  g_return_val_if_fail (RACIMO_IS_HISTORY (self), FALSE);

  return self->position < self->steps->len;
}

/**
 * racimo_history_get_undo_label:
 *
 * Returns: (nullable): what undo would undo, translated ("Rename Activity")
 */
const char *
racimo_history_get_undo_label (RacimoHistory *self)
{
  g_return_val_if_fail (RACIMO_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

/**
 * racimo_history_get_redo_label:
 *
 * Returns: (nullable): what redo would redo
 */
const char *
racimo_history_get_redo_label (RacimoHistory *self)
{
  g_return_val_if_fail (RACIMO_IS_HISTORY (self), NULL);

  if (self->position >= self->steps->len)
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position))->label;
}

/**
 * racimo_history_get_modified:
 *
 * Returns: whether the project differs from what was last saved (or
 *   loaded); undoing back to that state makes it unmodified again
 */
gboolean
racimo_history_get_modified (RacimoHistory *self)
{
  g_return_val_if_fail (RACIMO_IS_HISTORY (self), FALSE);

  return self->saved_position != (gint64) self->position;
}

static void
replay (RacimoHistory *self,
        Step          *step,
        gboolean       undo)
{
  self->replaying = TRUE;

  if (undo)
    {
      for (guint i = step->commands->len; i > 0; i--)
        {
          Command *command = &g_array_index (step->commands, Command, i - 1);
          command->func (self->project, command->data, TRUE);
        }
    }
  else
    {
      for (guint i = 0; i < step->commands->len; i++)
        {
          Command *command = &g_array_index (step->commands, Command, i);
          command->func (self->project, command->data, FALSE);
        }
    }

  self->replaying = FALSE;
}

/**
 * racimo_history_undo:
 *
 * Undoes the last step.
 *
 * Returns: %FALSE when there was nothing to undo
 */
gboolean
racimo_history_undo (RacimoHistory *self)
{
  State before;

  g_return_val_if_fail (RACIMO_IS_HISTORY (self), FALSE);

  g_return_val_if_fail (self->open_step == NULL, FALSE);

  if (!racimo_history_get_can_undo (self))
    return FALSE;

  get_state (self, &before);
  self->position--;
  replay (self, g_ptr_array_index (self->steps, self->position), TRUE);
  notify_changes (self, &before);

  return TRUE;
}

/**
 * racimo_history_redo:
 *
 * Redoes the last undone step.
 *
 * Returns: %FALSE when there was nothing to redo
 */
gboolean
racimo_history_redo (RacimoHistory *self)
{
  State before;

  g_return_val_if_fail (RACIMO_IS_HISTORY (self), FALSE);

  g_return_val_if_fail (self->open_step == NULL, FALSE);

  if (!racimo_history_get_can_redo (self))
    return FALSE;

  get_state (self, &before);
  replay (self, g_ptr_array_index (self->steps, self->position), FALSE);
  self->position++;
  notify_changes (self, &before);

  return TRUE;
}

/**
 * racimo_history_begin:
 * @label: (nullable): what the step does, translated ("Paste Cells"); the
 *   label of the first command is used when %NULL
 *
 * Starts a step: the edits until the matching racimo_history_end() are
 * undone and redone as one.  Steps nest; only the outermost counts.
 */
void
racimo_history_begin (RacimoHistory *self,
                      const char    *label)
{
  g_return_if_fail (RACIMO_IS_HISTORY (self));
  g_return_if_fail (!self->replaying);

  if (self->open_depth++ == 0)
    self->open_step = step_new (label);
}

static void
add_step (RacimoHistory *self,
          Step          *step)
{
  State before;

  get_state (self, &before);

  /* A new step discards what could have been redone; if the saved state
   * was among it, no position matches the file any more. */
  if (self->position < self->steps->len)
    {
      if (self->saved_position > (gint64) self->position)
        self->saved_position = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }

  g_ptr_array_add (self->steps, step);
  self->position++;

  notify_changes (self, &before);
}

/**
 * racimo_history_end:
 *
 * Ends the step started by racimo_history_begin().  A step with no edit
 * leaves no trace.
 */
void
racimo_history_end (RacimoHistory *self)
{
  Step *step;

  g_return_if_fail (RACIMO_IS_HISTORY (self));
  g_return_if_fail (self->open_depth > 0);

  if (--self->open_depth > 0)
    return;

  step = g_steal_pointer (&self->open_step);

  if (step->commands->len == 0)
    {
      step_free (step);
      return;
    }

  add_step (self, step);
}

/**
 * racimo_history_mark_saved:
 *
 * Records that the project now matches its file.
 */
void
racimo_history_mark_saved (RacimoHistory *self)
{
  State before;

  g_return_if_fail (RACIMO_IS_HISTORY (self));

  get_state (self, &before);
  self->saved_position = self->position;
  notify_changes (self, &before);
}

/**
 * racimo_history_mark_modified:
 *
 * Records that the project matches no file, as after an import or a
 * restored draft, so that no undo makes it unmodified.
 */
void
racimo_history_mark_modified (RacimoHistory *self)
{
  State before;

  g_return_if_fail (RACIMO_IS_HISTORY (self));

  get_state (self, &before);
  self->saved_position = -1;
  notify_changes (self, &before);
}

/**
 * racimo_history_clear:
 *
 * Forgets every step, keeping the modified state.
 */
void
racimo_history_clear (RacimoHistory *self)
{
  State before;
  gboolean modified;

  g_return_if_fail (RACIMO_IS_HISTORY (self));
  g_return_if_fail (self->open_step == NULL);

  get_state (self, &before);
  modified = racimo_history_get_modified (self);
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->saved_position = modified ? -1 : 0;
  notify_changes (self, &before);
}

void
_racimo_history_push (RacimoHistory    *self,
                      const char       *label,
                      RacimoCommandFunc func,
                      gpointer          data,
                      GDestroyNotify    free_data)
{
  Command command = { func, data, free_data };

  g_assert (!self->replaying);

  if (self->open_step != NULL)
    {
      if (self->open_step->label == NULL)
        self->open_step->label = g_strdup (label);
      g_array_append_val (self->open_step->commands, command);
      return;
    }

  {
    Step *step = step_new (label);

    g_array_append_val (step->commands, command);
    add_step (self, step);
  }
}
