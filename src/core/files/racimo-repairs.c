/* racimo-repairs.c: what was repaired in a file that almost opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-repairs.h"

typedef struct
{
  guint  line;
  char  *item_id;
  char  *problem;
  char  *action;
} Repair;

struct _RacimoRepairs
{
  gatomicrefcount  ref_count;
  GArray          *repairs;
};

G_DEFINE_BOXED_TYPE (RacimoRepairs, racimo_repairs, racimo_repairs_ref, racimo_repairs_unref)

static void
repair_clear (gpointer data)
{
  Repair *repair = data;

  g_free (repair->item_id);
  g_free (repair->problem);
  g_free (repair->action);
}

/**
 * racimo_repairs_new:
 *
 * Returns: (transfer full): an empty list of repairs
 */
RacimoRepairs *
racimo_repairs_new (void)
{
  RacimoRepairs *self = g_new0 (RacimoRepairs, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->repairs = g_array_new (FALSE, FALSE, sizeof (Repair));
  g_array_set_clear_func (self->repairs, repair_clear);

  return self;
}

RacimoRepairs *
racimo_repairs_ref (RacimoRepairs *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
racimo_repairs_unref (RacimoRepairs *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->repairs);
      g_free (self);
    }
}

/**
 * racimo_repairs_add:
 * @line: the line in the file, or 0 when it is not known
 * @item_id: (nullable): the id, in the repaired project, of the role,
 *   phase or activity the repair is about
 * @problem: what was wrong, in plain words
 * @action: what was done about it, in plain words
 *
 * Records one repair, after the others.
 */
void
racimo_repairs_add (RacimoRepairs *self,
                    guint          line,
                    const char    *item_id,
                    const char    *problem,
                    const char    *action)
{
  Repair repair;

  g_return_if_fail (self != NULL);
  g_return_if_fail (problem != NULL);
  g_return_if_fail (action != NULL);

  repair.line = line;
  repair.item_id = g_strdup (item_id);
  repair.problem = g_strdup (problem);
  repair.action = g_strdup (action);
  g_array_append_val (self->repairs, repair);
}

guint
racimo_repairs_get_n_repairs (RacimoRepairs *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->repairs->len;
}

static Repair *
nth (RacimoRepairs *self,
     guint          n)
{
  return &g_array_index (self->repairs, Repair, n);
}

/**
 * racimo_repairs_get_line:
 *
 * Returns: the line of the @n-th repair in the original file, or 0
 */
guint
racimo_repairs_get_line (RacimoRepairs *self,
                         guint          n)
{
  g_return_val_if_fail (self != NULL && n < self->repairs->len, 0);

  return nth (self, n)->line;
}

/**
 * racimo_repairs_get_item_id:
 *
 * Returns: (nullable): the id of the item the @n-th repair is about, in
 *   the repaired project
 */
const char *
racimo_repairs_get_item_id (RacimoRepairs *self,
                            guint          n)
{
  g_return_val_if_fail (self != NULL && n < self->repairs->len, NULL);

  return nth (self, n)->item_id;
}

/**
 * racimo_repairs_get_problem:
 *
 * Returns: what was wrong, as a sentence without a final stop
 */
const char *
racimo_repairs_get_problem (RacimoRepairs *self,
                            guint          n)
{
  g_return_val_if_fail (self != NULL && n < self->repairs->len, NULL);

  return nth (self, n)->problem;
}

/**
 * racimo_repairs_get_action:
 *
 * Returns: what was done, as a sentence without a final stop
 */
const char *
racimo_repairs_get_action (RacimoRepairs *self,
                           guint          n)
{
  g_return_val_if_fail (self != NULL && n < self->repairs->len, NULL);

  return nth (self, n)->action;
}
