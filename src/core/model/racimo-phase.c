/* racimo-phase.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-model-private.h"
#include "racimo-phase.h"

struct _RacimoPhase
{
  RacimoItem parent_instance;

  GPtrArray *activities; /* RacimoActivity, strong */
};

G_DEFINE_FINAL_TYPE (RacimoPhase, racimo_phase, RACIMO_TYPE_ITEM)

static void
racimo_phase_dispose (GObject *object)
{
  RacimoPhase *self = RACIMO_PHASE (object);

  if (self->activities != NULL)
    for (guint i = 0; i < self->activities->len; i++)
      _racimo_activity_set_phase (g_ptr_array_index (self->activities, i), NULL);

  g_clear_pointer (&self->activities, g_ptr_array_unref);

  G_OBJECT_CLASS (racimo_phase_parent_class)->dispose (object);
}

static void
racimo_phase_class_init (RacimoPhaseClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = racimo_phase_dispose;
}

static void
racimo_phase_init (RacimoPhase *self)
{
  self->activities = g_ptr_array_new_with_free_func (g_object_unref);
}

guint
racimo_phase_get_n_activities (RacimoPhase *self)
{
  g_return_val_if_fail (RACIMO_IS_PHASE (self), 0);

  return self->activities->len;
}

/**
 * racimo_phase_get_activity:
 *
 * Returns: (transfer none): the @n-th activity of the phase
 */
RacimoActivity *
racimo_phase_get_activity (RacimoPhase *self,
                           guint        n)
{
  g_return_val_if_fail (RACIMO_IS_PHASE (self), NULL);
  g_return_val_if_fail (n < self->activities->len, NULL);

  return g_ptr_array_index (self->activities, n);
}

/**
 * racimo_phase_index_of:
 *
 * Returns: the position of @activity in the phase, or -1
 */
int
racimo_phase_index_of (RacimoPhase    *self,
                       RacimoActivity *activity)
{
  guint index;

  g_return_val_if_fail (RACIMO_IS_PHASE (self), -1);

  if (!g_ptr_array_find (self->activities, activity, &index))
    return -1;

  return (int) index;
}

void
_racimo_phase_insert_activity (RacimoPhase    *self,
                               guint           position,
                               RacimoActivity *activity)
{
  g_assert (position <= self->activities->len);

  g_ptr_array_insert (self->activities, (int) position, g_object_ref (activity));
  _racimo_activity_set_phase (activity, self);
}

void
_racimo_phase_remove_activity (RacimoPhase    *self,
                               RacimoActivity *activity)
{
  g_autoptr(RacimoActivity) keep = g_object_ref (activity);

  _racimo_activity_set_phase (activity, NULL);
  g_ptr_array_remove (self->activities, activity);
}
