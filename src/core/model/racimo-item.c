/* racimo-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-foreign-private.h"
#include "racimo-item.h"
#include "racimo-model-private.h"

typedef struct
{
  char      *id;
  char      *name;
  char      *description;
  guint      line;
  GArray    *waivers; /* RacimoWaiver */
  GPtrArray *foreign; /* RacimoForeign */
  GPtrArray *conflicts; /* RacimoConflict, NULL when there are none */
} RacimoItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RacimoItem, racimo_item, G_TYPE_OBJECT)

void
_racimo_foreign_free (RacimoForeign *foreign)
{
  if (foreign == NULL)
    return;

  g_free (foreign->parent);
  g_free (foreign->anchor);
  g_free (foreign->qname);
  g_free (foreign->value);
  g_free (foreign);
}

static void
clear_waiver (gpointer data)
{
  RacimoWaiver *waiver = data;

  g_clear_pointer (&waiver->check, g_free);
  g_clear_pointer (&waiver->reason, g_free);
}

static void
racimo_item_finalize (GObject *object)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (RACIMO_ITEM (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->description, g_free);
  g_clear_pointer (&priv->waivers, g_array_unref);
  g_clear_pointer (&priv->foreign, g_ptr_array_unref);
  g_clear_pointer (&priv->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (racimo_item_parent_class)->finalize (object);
}

static void
racimo_item_class_init (RacimoItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = racimo_item_finalize;
}

static void
racimo_item_init (RacimoItem *self)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);

  priv->name = g_strdup ("");
  priv->waivers = g_array_new (FALSE, TRUE, sizeof (RacimoWaiver));
  g_array_set_clear_func (priv->waivers, clear_waiver);
}

/**
 * racimo_item_get_id:
 *
 * Returns: the item's id, unique in its project and never changed by a rename
 */
const char *
racimo_item_get_id (RacimoItem *self)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), NULL);

  priv = racimo_item_get_instance_private (self);
  return priv->id;
}

/**
 * racimo_item_get_name:
 *
 * Returns: the name, possibly empty, never %NULL
 */
const char *
racimo_item_get_name (RacimoItem *self)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), NULL);

  priv = racimo_item_get_instance_private (self);
  return priv->name;
}

/**
 * racimo_item_get_description:
 *
 * Returns: (nullable): the description, %NULL when there is none
 */
const char *
racimo_item_get_description (RacimoItem *self)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), NULL);

  priv = racimo_item_get_instance_private (self);
  return priv->description;
}

/**
 * racimo_item_get_line:
 *
 * Returns: the line of the item's element in the file it was read from, or 0
 */
guint
racimo_item_get_line (RacimoItem *self)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), 0);

  priv = racimo_item_get_instance_private (self);
  return priv->line;
}

guint
racimo_item_get_n_waivers (RacimoItem *self)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), 0);

  priv = racimo_item_get_instance_private (self);
  return priv->waivers->len;
}

/**
 * racimo_item_get_waiver:
 * @n: less than racimo_item_get_n_waivers()
 *
 * Returns: (transfer none): the @n-th waiver, in the order they were set
 */
const RacimoWaiver *
racimo_item_get_waiver (RacimoItem *self,
                        guint       n)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), NULL);

  priv = racimo_item_get_instance_private (self);
  g_return_val_if_fail (n < priv->waivers->len, NULL);

  return &g_array_index (priv->waivers, RacimoWaiver, n);
}

/**
 * racimo_item_get_waiver_reason:
 * @check: a check id such as "no-owner"
 *
 * Returns: (nullable): the reason the finding of @check was waived, or
 *   %NULL when it is not waived
 */
const char *
racimo_item_get_waiver_reason (RacimoItem *self,
                               const char *check)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), NULL);
  g_return_val_if_fail (check != NULL, NULL);

  priv = racimo_item_get_instance_private (self);

  for (guint i = 0; i < priv->waivers->len; i++)
    {
      RacimoWaiver *waiver = &g_array_index (priv->waivers, RacimoWaiver, i);

      if (strcmp (waiver->check, check) == 0)
        return waiver->reason;
    }

  return NULL;
}

void
_racimo_item_set_id (RacimoItem *self,
                     const char *id)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);

  g_free (priv->id);
  priv->id = g_strdup (id);
}

void
_racimo_item_set_name (RacimoItem *self,
                       const char *name)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);

  g_free (priv->name);
  priv->name = g_strdup (name != NULL ? name : "");
}

void
_racimo_item_set_description (RacimoItem *self,
                              const char *description)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);

  g_free (priv->description);
  priv->description = (description != NULL && *description != '\0') ? g_strdup (description) : NULL;
}

void
_racimo_item_set_line (RacimoItem *self,
                       guint       line)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);

  priv->line = line;
}

void
_racimo_item_set_waiver (RacimoItem *self,
                         const char *check,
                         const char *reason)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);
  RacimoWaiver waiver;

  for (guint i = 0; i < priv->waivers->len; i++)
    {
      RacimoWaiver *w = &g_array_index (priv->waivers, RacimoWaiver, i);

      if (strcmp (w->check, check) != 0)
        continue;

      if (reason == NULL)
        {
          g_array_remove_index (priv->waivers, i);
        }
      else
        {
          g_free (w->reason);
          w->reason = g_strdup (reason);
        }
      return;
    }

  if (reason == NULL)
    return;

  waiver.check = g_strdup (check);
  waiver.reason = g_strdup (reason);
  g_array_append_val (priv->waivers, waiver);
}

/* For the reader, which knows that @check has no waiver yet: a newer
 * minor version's item may hold many, and looking for each is quadratic. */
void
_racimo_item_append_waiver (RacimoItem *self,
                            const char *check,
                            const char *reason)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);
  RacimoWaiver waiver;

  waiver.check = g_strdup (check);
  waiver.reason = g_strdup (reason);
  g_array_append_val (priv->waivers, waiver);
}

GPtrArray *
_racimo_item_get_foreign (RacimoItem *self)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);

  if (priv->foreign == NULL)
    priv->foreign = g_ptr_array_new_with_free_func ((GDestroyNotify) _racimo_foreign_free);

  return priv->foreign;
}

/**
 * racimo_conflict_copy:
 *
 * Returns: (transfer full): a copy of @conflict
 */
RacimoConflict *
racimo_conflict_copy (const RacimoConflict *conflict)
{
  RacimoConflict *copy;

  g_return_val_if_fail (conflict != NULL, NULL);

  copy = g_new0 (RacimoConflict, 1);
  copy->role = g_strdup (conflict->role);
  copy->field = g_strdup (conflict->field);
  copy->base = g_strdup (conflict->base);
  copy->ours = g_strdup (conflict->ours);
  copy->theirs = g_strdup (conflict->theirs);

  return copy;
}

void
racimo_conflict_free (RacimoConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->role);
  g_free (conflict->field);
  g_free (conflict->base);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

guint
racimo_item_get_n_conflicts (RacimoItem *self)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), 0);

  priv = racimo_item_get_instance_private (self);
  return priv->conflicts != NULL ? priv->conflicts->len : 0;
}

/**
 * racimo_item_get_conflict:
 * @n: less than racimo_item_get_n_conflicts()
 *
 * Returns: (transfer none): the @n-th conflict recorded on the item, in
 *   file order
 */
const RacimoConflict *
racimo_item_get_conflict (RacimoItem *self,
                          guint       n)
{
  RacimoItemPrivate *priv;

  g_return_val_if_fail (RACIMO_IS_ITEM (self), NULL);

  priv = racimo_item_get_instance_private (self);
  g_return_val_if_fail (priv->conflicts != NULL && n < priv->conflicts->len, NULL);

  return g_ptr_array_index (priv->conflicts, n);
}

/* The item's conflicts, made when first needed: the reader appends to it,
 * resolving removes from it. */
GPtrArray *
_racimo_item_get_conflicts (RacimoItem *self)
{
  RacimoItemPrivate *priv = racimo_item_get_instance_private (self);

  if (priv->conflicts == NULL)
    priv->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_conflict_free);

  return priv->conflicts;
}
