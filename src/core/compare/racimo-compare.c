/* racimo-compare.c: what the diff and the merge share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-compare-private.h"
#include "racimo-model-private.h"

GPtrArray *
_racimo_compare_items (RacimoProject     *project,
                       RacimoCompareList  list,
                       RacimoPhase       *phase)
{
  GPtrArray *items = g_ptr_array_new ();
  guint n;

  if (phase != NULL)
    {
      n = racimo_phase_get_n_activities (phase);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, racimo_phase_get_activity (phase, i));
      return items;
    }

  if (project == NULL)
    return items;

  switch (list)
    {
    case RACIMO_COMPARE_PEOPLE:
      n = racimo_project_get_n_people (project);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, racimo_project_get_person (project, i));
      break;
    case RACIMO_COMPARE_ROLES:
      n = racimo_project_get_n_roles (project);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, racimo_project_get_role (project, i));
      break;
    case RACIMO_COMPARE_PHASES:
      n = racimo_project_get_n_phases (project);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, racimo_project_get_phase (project, i));
      break;
    default:
      g_assert_not_reached ();
    }

  return items;
}

/* The longest increasing run of base positions, in O(n log n): the items
 * in it stayed, the others moved.  A move is then one item, not all the
 * items it jumped over. */
GHashTable *
_racimo_compare_placed (GPtrArray *base,
                        GPtrArray *side)
{
  g_autoptr(GHashTable) base_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *positions = g_new (guint, side->len + 1);  /* base index per common item */
  g_autofree guint *which = g_new (guint, side->len + 1);      /* its index in side */
  g_autofree guint *tails = g_new (guint, side->len + 1);      /* index into positions */
  g_autofree int *previous = g_new (int, side->len + 1);
  GHashTable *placed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_common = 0;
  guint length = 0;
  int k;

  for (guint i = 0; i < base->len; i++)
    g_hash_table_insert (base_index,
                         (gpointer) racimo_item_get_id (g_ptr_array_index (base, i)),
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < side->len; i++)
    {
      const char *id = racimo_item_get_id (g_ptr_array_index (side, i));
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (base_index, id));

      g_hash_table_add (placed, (gpointer) id);
      if (at == 0)
        continue;

      positions[n_common] = at;
      which[n_common] = i;
      n_common++;
    }

  for (guint i = 0; i < n_common; i++)
    {
      guint low = 0, high = length;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (positions[tails[middle]] < positions[i])
            low = middle + 1;
          else
            high = middle;
        }

      previous[i] = low > 0 ? (int) tails[low - 1] : -1;
      tails[low] = i;
      if (low == length)
        length++;
    }

  for (k = length > 0 ? (int) tails[length - 1] : -1; k >= 0; k = previous[k])
    g_hash_table_remove (placed, racimo_item_get_id (g_ptr_array_index (side, which[k])));

  return placed;
}

gboolean
_racimo_compare_text_equal (const char *a,
                            const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

RacimoItem *
_racimo_compare_find (RacimoProject *project,
                      RacimoItem    *item)
{
  RacimoItem *found;

  if (project == NULL || item == NULL)
    return NULL;

  found = racimo_project_lookup (project, racimo_item_get_id (item));
  if (found == NULL || G_OBJECT_TYPE (found) != G_OBJECT_TYPE (item))
    return NULL;

  return found;
}

static gboolean
find_cell (RacimoProject   *project,
           const char      *activity_id,
           const char      *role_id,
           RacimoActivity **activity,
           RacimoRole     **role)
{
  RacimoItem *a, *r;

  if (project == NULL)
    return FALSE;

  a = racimo_project_lookup (project, activity_id);
  r = racimo_project_lookup (project, role_id);
  if (!RACIMO_IS_ACTIVITY (a) || !RACIMO_IS_ROLE (r))
    return FALSE;

  *activity = RACIMO_ACTIVITY (a);
  *role = RACIMO_ROLE (r);
  return TRUE;
}

RacimoCodes
_racimo_compare_codes (RacimoProject *project,
                       const char    *activity_id,
                       const char    *role_id)
{
  RacimoActivity *activity;
  RacimoRole *role;

  if (!find_cell (project, activity_id, role_id, &activity, &role))
    return 0;

  return racimo_activity_get_codes (activity, role);
}

const char *
_racimo_compare_note (RacimoProject *project,
                      const char    *activity_id,
                      const char    *role_id)
{
  RacimoActivity *activity;
  RacimoRole *role;

  if (!find_cell (project, activity_id, role_id, &activity, &role))
    return NULL;

  return racimo_activity_get_note (activity, role);
}

const char *
_racimo_compare_waiver (RacimoItem *item,
                        const char *check)
{
  return item != NULL ? racimo_item_get_waiver_reason (item, check) : NULL;
}

static void
add_waived (GPtrArray  *checks,
            RacimoItem *item)
{
  guint n = item != NULL ? racimo_item_get_n_waivers (item) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *check = racimo_item_get_waiver (item, i)->check;

      if (!g_ptr_array_find_with_equal_func (checks, check, g_str_equal, NULL))
        g_ptr_array_add (checks, (gpointer) check);
    }
}

GPtrArray *
_racimo_compare_waived_checks (RacimoItem *a,
                               RacimoItem *b)
{
  GPtrArray *checks = g_ptr_array_new ();

  add_waived (checks, a);
  add_waived (checks, b);
  return checks;
}

GPtrArray *
_racimo_compare_members (RacimoRole *role)
{
  GPtrArray *ids = g_ptr_array_new ();
  guint n = role != NULL ? racimo_role_get_n_members (role) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, (gpointer) racimo_item_get_id (RACIMO_ITEM (racimo_role_get_member (role, i))));

  return ids;
}

gboolean
_racimo_compare_conflict_equal (const RacimoConflict *a,
                                const RacimoConflict *b)
{
  return g_strcmp0 (a->role, b->role) == 0 && g_strcmp0 (a->field, b->field) == 0 &&
         _racimo_compare_text_equal (a->base, b->base) &&
         _racimo_compare_text_equal (a->ours, b->ours) &&
         _racimo_compare_text_equal (a->theirs, b->theirs);
}

gboolean
_racimo_compare_conflicts_equal (RacimoItem *a,
                                 RacimoItem *b)
{
  guint n = racimo_item_get_n_conflicts (a);

  if (n != racimo_item_get_n_conflicts (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!_racimo_compare_conflict_equal (racimo_item_get_conflict (a, i), racimo_item_get_conflict (b, i)))
      return FALSE;

  return TRUE;
}

static gboolean
waivers_equal (RacimoItem *a,
               RacimoItem *b)
{
  guint n = racimo_item_get_n_waivers (a);

  if (n != racimo_item_get_n_waivers (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const RacimoWaiver *w = racimo_item_get_waiver (a, i);

      if (g_strcmp0 (w->reason, racimo_item_get_waiver_reason (b, w->check)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
members_equal (RacimoRole *a,
               RacimoRole *b)
{
  g_autoptr(GPtrArray) ma = _racimo_compare_members (a);
  g_autoptr(GPtrArray) mb = _racimo_compare_members (b);

  if (ma->len != mb->len)
    return FALSE;

  for (guint i = 0; i < ma->len; i++)
    if (strcmp (g_ptr_array_index (ma, i), g_ptr_array_index (mb, i)) != 0)
      return FALSE;

  return TRUE;
}

gboolean
_racimo_compare_own_equal (RacimoItem *a,
                           RacimoItem *b)
{
  if (!_racimo_compare_text_equal (racimo_item_get_name (a), racimo_item_get_name (b)) ||
      !_racimo_compare_text_equal (racimo_item_get_description (a),
                                   racimo_item_get_description (b)) ||
      !waivers_equal (a, b) || !_racimo_compare_conflicts_equal (a, b))
    return FALSE;

  if (RACIMO_IS_PERSON (a))
    return _racimo_compare_text_equal (racimo_person_get_email (RACIMO_PERSON (a)),
                                       racimo_person_get_email (RACIMO_PERSON (b)));
  if (RACIMO_IS_ROLE (a))
    return _racimo_compare_text_equal (racimo_role_get_abbrev (RACIMO_ROLE (a)),
                                       racimo_role_get_abbrev (RACIMO_ROLE (b))) &&
           members_equal (RACIMO_ROLE (a), RACIMO_ROLE (b));
  if (RACIMO_IS_ACTIVITY (a))
    return racimo_activity_get_applicable (RACIMO_ACTIVITY (a)) ==
             racimo_activity_get_applicable (RACIMO_ACTIVITY (b)) &&
           g_strcmp0 (racimo_item_get_id (RACIMO_ITEM (racimo_activity_get_phase (RACIMO_ACTIVITY (a)))),
                      racimo_item_get_id (RACIMO_ITEM (racimo_activity_get_phase (RACIMO_ACTIVITY (b))))) == 0;

  return TRUE;
}

static gboolean
cell_equal (RacimoProject *a,
            RacimoProject *b,
            const char    *activity_id,
            const char    *role_id)
{
  return _racimo_compare_codes (a, activity_id, role_id) ==
           _racimo_compare_codes (b, activity_id, role_id) &&
         _racimo_compare_text_equal (_racimo_compare_note (a, activity_id, role_id),
                                     _racimo_compare_note (b, activity_id, role_id));
}

gboolean
_racimo_compare_row_equal (RacimoProject *a,
                           RacimoProject *b,
                           const char    *activity_id)
{
  RacimoProject *projects[] = { a, b };

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    {
      guint n = projects[p] != NULL ? racimo_project_get_n_roles (projects[p]) : 0;

      for (guint i = 0; i < n; i++)
        {
          RacimoItem *role = RACIMO_ITEM (racimo_project_get_role (projects[p], i));

          if (!cell_equal (a, b, activity_id, racimo_item_get_id (role)))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
_racimo_compare_column_equal (RacimoProject *a,
                              RacimoProject *b,
                              const char    *role_id)
{
  RacimoProject *projects[] = { a, b };

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    {
      guint n_phases = projects[p] != NULL ? racimo_project_get_n_phases (projects[p]) : 0;

      for (guint i = 0; i < n_phases; i++)
        {
          RacimoPhase *phase = racimo_project_get_phase (projects[p], i);
          guint n = racimo_phase_get_n_activities (phase);

          for (guint j = 0; j < n; j++)
            {
              RacimoItem *activity = RACIMO_ITEM (racimo_phase_get_activity (phase, j));

              if (!cell_equal (a, b, racimo_item_get_id (activity), role_id))
                return FALSE;
            }
        }
    }

  return TRUE;
}

void
_racimo_compare_remove (RacimoProject *project,
                        RacimoItem    *item)
{
  if (RACIMO_IS_ACTIVITY (item))
    racimo_project_remove_activity (project, RACIMO_ACTIVITY (item));
  else if (RACIMO_IS_PHASE (item))
    racimo_project_remove_phase (project, RACIMO_PHASE (item));
  else if (RACIMO_IS_ROLE (item))
    racimo_project_remove_role (project, RACIMO_ROLE (item));
  else
    racimo_project_remove_person (project, RACIMO_PERSON (item));
}

const char *
_racimo_compare_name_of (RacimoItem *item)
{
  const char *name = racimo_item_get_name (item);

  return name != NULL && name[0] != '\0' ? name : racimo_item_get_id (item);
}

char *
_racimo_compare_codes_text (RacimoProject *project,
                            RacimoCodes    codes)
{
  if (codes == 0)
    return g_strdup (_("nothing"));

  return racimo_scheme_format_codes (racimo_project_get_scheme (project), codes, " ");
}

RacimoItem *
_racimo_compare_copy_item (RacimoItem *item)
{
  RacimoItem *copy = g_object_new (G_OBJECT_TYPE (item), NULL);
  guint n;

  _racimo_item_set_id (copy, racimo_item_get_id (item));
  _racimo_item_set_name (copy, racimo_item_get_name (item));
  _racimo_item_set_description (copy, racimo_item_get_description (item));

  n = racimo_item_get_n_waivers (item);
  for (guint i = 0; i < n; i++)
    _racimo_item_append_waiver (copy, racimo_item_get_waiver (item, i)->check,
                                racimo_item_get_waiver (item, i)->reason);

  n = racimo_item_get_n_conflicts (item);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (_racimo_item_get_conflicts (copy),
                     racimo_conflict_copy (racimo_item_get_conflict (item, i)));

  if (RACIMO_IS_PERSON (item))
    _racimo_person_set_email (RACIMO_PERSON (copy), racimo_person_get_email (RACIMO_PERSON (item)));
  else if (RACIMO_IS_ROLE (item))
    _racimo_role_set_abbrev (RACIMO_ROLE (copy), racimo_role_get_abbrev (RACIMO_ROLE (item)));
  else if (RACIMO_IS_ACTIVITY (item))
    _racimo_activity_set_applicable (RACIMO_ACTIVITY (copy),
                                     racimo_activity_get_applicable (RACIMO_ACTIVITY (item)));

  return copy;
}
