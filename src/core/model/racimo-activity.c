/* racimo-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-activity.h"
#include "racimo-model-private.h"

struct _RacimoActivity
{
  RacimoItem parent_instance;

  RacimoPhase *phase;     /* unowned: the phase owns its activities */
  GHashTable  *cells;     /* RacimoRole (unowned) -> RacimoCodes, only codes != 0 */
  RacimoCodes  all_codes; /* union of the cells, kept up to date */
  gboolean     applicable;
  /* RacimoRole (strong: a note outlives its role's removal, for undo, and
   * is written only while the role is in the project) -> text; NULL when
   * there are none, as in most activities */
  GHashTable  *notes;
};

G_DEFINE_FINAL_TYPE (RacimoActivity, racimo_activity, RACIMO_TYPE_ITEM)

static void
racimo_activity_finalize (GObject *object)
{
  RacimoActivity *self = RACIMO_ACTIVITY (object);

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);

  G_OBJECT_CLASS (racimo_activity_parent_class)->finalize (object);
}

static void
racimo_activity_class_init (RacimoActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = racimo_activity_finalize;
}

static void
racimo_activity_init (RacimoActivity *self)
{
  self->cells = g_hash_table_new (NULL, NULL);
  self->applicable = TRUE;
}

/**
 * racimo_activity_get_phase:
 *
 * Returns: (transfer none) (nullable): the phase holding the activity,
 *   %NULL once removed from its project
 */
RacimoPhase *
racimo_activity_get_phase (RacimoActivity *self)
{
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (self), NULL);

  return self->phase;
}

/**
 * racimo_activity_get_applicable:
 *
 * Returns: %FALSE when the activity was reviewed and does not apply
 */
gboolean
racimo_activity_get_applicable (RacimoActivity *self)
{
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (self), TRUE);

  return self->applicable;
}

/**
 * racimo_activity_get_codes:
 *
 * Returns: the codes that @role holds for the activity
 */
RacimoCodes
racimo_activity_get_codes (RacimoActivity *self,
                           RacimoRole     *role)
{
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->cells, role));
}

/**
 * racimo_activity_get_all_codes:
 *
 * Returns: every code that some role holds for the activity
 */
RacimoCodes
racimo_activity_get_all_codes (RacimoActivity *self)
{
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (self), 0);

  return self->all_codes;
}

void
_racimo_activity_set_codes (RacimoActivity *self,
                            RacimoRole     *role,
                            RacimoCodes     codes)
{
  RacimoCodes old_codes = GPOINTER_TO_UINT (g_hash_table_lookup (self->cells, role));
  GHashTableIter iter;
  gpointer value;

  if (codes == 0)
    g_hash_table_remove (self->cells, role);
  else
    g_hash_table_insert (self->cells, role, GUINT_TO_POINTER (codes));

  /* Loading only adds codes: the union then needs no walk of the row. */
  if ((old_codes & ~codes) == 0)
    {
      self->all_codes |= codes;
      return;
    }

  self->all_codes = 0;
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    self->all_codes |= GPOINTER_TO_UINT (value);
}

void
_racimo_activity_set_applicable (RacimoActivity *self,
                                 gboolean        applicable)
{
  self->applicable = !!applicable;
}

void
_racimo_activity_set_phase (RacimoActivity *self,
                            RacimoPhase    *phase)
{
  self->phase = phase;
}

GHashTable *
_racimo_activity_get_cells (RacimoActivity *self)
{
  return self->cells;
}

/**
 * racimo_activity_get_note:
 *
 * Returns: (nullable): the note on the cell of @role, or %NULL
 */
const char *
racimo_activity_get_note (RacimoActivity *self,
                          RacimoRole     *role)
{
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (self), NULL);

  return self->notes != NULL ? g_hash_table_lookup (self->notes, role) : NULL;
}

/**
 * racimo_activity_get_n_notes:
 *
 * Returns: how many cells of the activity have a note, counting those of
 *   roles no longer in the project
 */
guint
racimo_activity_get_n_notes (RacimoActivity *self)
{
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (self), 0);

  return self->notes != NULL ? g_hash_table_size (self->notes) : 0;
}

void
_racimo_activity_set_note (RacimoActivity *self,
                           RacimoRole     *role,
                           const char     *note)
{
  if (note == NULL)
    {
      if (self->notes != NULL)
        g_hash_table_remove (self->notes, role);
      return;
    }

  if (self->notes == NULL)
    self->notes = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  g_hash_table_replace (self->notes, g_object_ref (role), g_strdup (note));
}

GHashTable *
_racimo_activity_get_notes (RacimoActivity *self)
{
  return self->notes;
}
