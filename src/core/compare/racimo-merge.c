/* racimo-merge.c: the three-way merge of two copies of a project, by id
 *
 * "Ours" becomes the merged project: what only "theirs" changed since the
 * base is taken, the same change on both sides is taken once, and where
 * the two sides changed one thing differently ours stays in place and a
 * `conflict` records the base and theirs (docs/file-format.md,
 * "Conflicts").  Changes to what ours has go through the project's
 * setters; items taken from theirs and the conflicts are added as the
 * reader adds them, without history: the merged project is one to write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-compare-private.h"
#include "racimo-compare.h"
#include "racimo-model-private.h"

typedef struct
{
  RacimoProject *base;
  RacimoProject *ours;   /* becomes the merged project */
  RacimoProject *theirs;
  guint          n_conflicts;

  /* What ours held before the merge changed it. */
  GHashTable    *ours_ids;      /* id -> RacimoItem, ref */
  GHashTable    *ours_phase_of; /* activity id -> phase id */
  GHashTable    *ours_members;  /* role id -> GPtrArray of person ids */
  GPtrArray     *ours_lists[3]; /* RacimoCompareList -> its items, ref */
  GHashTable    *ours_activities; /* phase id -> its activities, ref */

  GPtrArray     *removals;      /* items of ours to remove, ref */
  GHashTable    *removed;       /* the same, as a set */
  GHashTable    *added;         /* ids of items taken from theirs */
  GHashTable    *merged_phase;  /* activity id -> the id of its merged phase */
  GHashTable    *ours_placed;   /* phase id -> what ours moved in it, made when needed */
  GArray        *cell_roles;    /* CellRole of each role of ours, made when needed */
} Merge;

/* A cell in the base or in theirs: both NULL where that copy lacks the
 * activity or the role. */
typedef struct
{
  RacimoActivity *activity;
  RacimoRole     *role;
} Cell;

/* A role of ours as every activity's cells see it, found once rather than
 * by id in each cell: 80,000 cells in a large project. */
typedef struct
{
  RacimoRole *role;
  RacimoRole *base;
  RacimoRole *theirs;
  gboolean    in_ours;
} CellRole;

static void
record (Merge      *merge,
        RacimoItem *item,
        const char *role,
        const char *field,
        const char *base,
        const char *ours,
        const char *theirs)
{
  RacimoConflict *conflict = g_new0 (RacimoConflict, 1);

  conflict->role = g_strdup (role);
  conflict->field = g_strdup (field);
  conflict->base = g_strdup (base != NULL ? base : "");
  conflict->ours = g_strdup (ours != NULL ? ours : "");
  conflict->theirs = g_strdup (theirs != NULL ? theirs : "");

  g_ptr_array_add (item != NULL ? _racimo_item_get_conflicts (item)
                                : _racimo_project_get_conflicts (merge->ours),
                   conflict);
  merge->n_conflicts++;
}

/* The three-way rule.  Returns the side to keep: 'o' or 't', or 'c' for a
 * conflict (ours is kept). */
static char
choose (gboolean ours_is_base,
        gboolean theirs_is_base,
        gboolean ours_is_theirs)
{
  if (theirs_is_base || ours_is_theirs)
    return 'o';
  if (ours_is_base)
    return 't';
  return 'c';
}

static char
choose_text (const char *base,
             const char *ours,
             const char *theirs)
{
  return choose (_racimo_compare_text_equal (ours, base), _racimo_compare_text_equal (theirs, base),
                 _racimo_compare_text_equal (ours, theirs));
}

static void
remove_later (Merge      *merge,
              RacimoItem *item)
{
  if (g_hash_table_add (merge->removed, item))
    g_ptr_array_add (merge->removals, g_object_ref (item));
}

static RacimoItem *
ours_before (Merge      *merge,
             const char *id)
{
  return g_hash_table_lookup (merge->ours_ids, id);
}

/* The project's title or description: a conflict is the root's. */
static void
merge_project_text (Merge      *merge,
                    const char *field,
                    const char *(*get) (RacimoProject *),
                    void        (*set) (RacimoProject *, const char *))
{
  const char *base = get (merge->base);
  const char *ours = get (merge->ours);
  const char *theirs = get (merge->theirs);

  switch (choose_text (base, ours, theirs))
    {
    case 't':
      set (merge->ours, theirs);
      break;
    case 'c':
      record (merge, NULL, NULL, field, base, ours, theirs);
      break;
    default:
      break;
    }
}

/* Title, description, scheme. */
static void
merge_project (Merge *merge)
{
  const char *base, *ours, *theirs;

  /* The title is the project's name. */
  merge_project_text (merge, "name", racimo_project_get_title, racimo_project_set_title);
  merge_project_text (merge, "description", racimo_project_get_description,
                      racimo_project_set_description);

  /* The format has no conflict field for the scheme: when both sides
   * chose a different one, ours stays. */
  base = racimo_project_get_scheme_id (merge->base);
  ours = racimo_project_get_scheme_id (merge->ours);
  theirs = racimo_project_get_scheme_id (merge->theirs);
  if (choose_text (base, ours, theirs) == 't')
    racimo_project_set_scheme (merge->ours, theirs);
}

/* Each item of ours is held twice: by its list and by the id table, so
 * that what the merge removes from ours can still be looked at. */
static void
snapshot (Merge *merge)
{
  for (guint list = 0; list < G_N_ELEMENTS (merge->ours_lists); list++)
    {
      GPtrArray *items = _racimo_compare_items (merge->ours, list, NULL);

      g_ptr_array_set_free_func (items, g_object_unref);
      for (guint i = 0; i < items->len; i++)
        {
          RacimoItem *item = g_object_ref (g_ptr_array_index (items, i));

          g_hash_table_insert (merge->ours_ids, (gpointer) racimo_item_get_id (item),
                               g_object_ref (item));

          if (RACIMO_IS_ROLE (item))
            g_hash_table_insert (merge->ours_members, (gpointer) racimo_item_get_id (item),
                                 _racimo_compare_members (RACIMO_ROLE (item)));

          if (RACIMO_IS_PHASE (item))
            {
              GPtrArray *activities = _racimo_compare_items (NULL, 0, RACIMO_PHASE (item));

              g_ptr_array_set_free_func (activities, g_object_unref);
              for (guint j = 0; j < activities->len; j++)
                {
                  RacimoItem *activity = g_object_ref (g_ptr_array_index (activities, j));

                  g_hash_table_insert (merge->ours_ids, (gpointer) racimo_item_get_id (activity),
                                       g_object_ref (activity));
                  g_hash_table_insert (merge->ours_phase_of,
                                       (gpointer) racimo_item_get_id (activity),
                                       (gpointer) racimo_item_get_id (item));
                }
              g_hash_table_insert (merge->ours_activities, (gpointer) racimo_item_get_id (item),
                                   activities);
            }
        }
      merge->ours_lists[list] = items;
    }
}

static gboolean
activity_changed (RacimoProject *base,
                  RacimoProject *side,
                  RacimoItem    *before,
                  RacimoItem    *after)
{
  return !_racimo_compare_own_equal (before, after) ||
         !_racimo_compare_row_equal (base, side, racimo_item_get_id (after));
}

/* Whether @side changed @before into @after, counting for a role its column
 * and for a phase its activities. */
static gboolean
changed (RacimoProject *base,
         RacimoProject *side,
         RacimoItem    *before,
         RacimoItem    *after)
{
  if (RACIMO_IS_ACTIVITY (after))
    return activity_changed (base, side, before, after);

  if (!_racimo_compare_own_equal (before, after))
    return TRUE;

  if (RACIMO_IS_ROLE (after))
    return !_racimo_compare_column_equal (base, side, racimo_item_get_id (after));

  if (RACIMO_IS_PHASE (after))
    {
      g_autoptr(GPtrArray) was = _racimo_compare_items (NULL, 0, RACIMO_PHASE (before));
      g_autoptr(GPtrArray) is = _racimo_compare_items (NULL, 0, RACIMO_PHASE (after));

      if (was->len != is->len)
        return TRUE;

      for (guint i = 0; i < is->len; i++)
        {
          RacimoItem *activity = g_ptr_array_index (is, i);
          RacimoItem *old_activity = g_ptr_array_index (was, i);

          if (g_strcmp0 (racimo_item_get_id (activity), racimo_item_get_id (old_activity)) != 0 ||
              activity_changed (base, side, old_activity, activity))
            return TRUE;
        }
    }

  return FALSE;
}

/* Adds theirs' @item to the merged project; an activity goes at the end of
 * its phase of theirs, or of the first phase, until it is put in place. */
static RacimoItem *
take_theirs (Merge      *merge,
             RacimoItem *item)
{
  g_autoptr(RacimoItem) copy = NULL;
  gboolean added = FALSE;

  /* The same id for another kind of item on the other side: ours keeps it. */
  if (racimo_project_lookup (merge->ours, racimo_item_get_id (item)) != NULL)
    return NULL;

  copy = _racimo_compare_copy_item (item);
  if (RACIMO_IS_PERSON (item))
    added = _racimo_project_append_person (merge->ours, RACIMO_PERSON (copy));
  else if (RACIMO_IS_ROLE (item))
    added = _racimo_project_append_role (merge->ours, RACIMO_ROLE (copy));
  else if (RACIMO_IS_PHASE (item))
    added = _racimo_project_append_phase (merge->ours, RACIMO_PHASE (copy));
  else
    {
      RacimoItem *phase = _racimo_compare_find (merge->ours,
                                                RACIMO_ITEM (racimo_activity_get_phase (RACIMO_ACTIVITY (item))));

      if (phase == NULL && racimo_project_get_n_phases (merge->ours) > 0)
        phase = RACIMO_ITEM (racimo_project_get_phase (merge->ours, 0));
      if (phase != NULL)
        added = _racimo_project_append_activity (merge->ours, RACIMO_PHASE (phase),
                                                 RACIMO_ACTIVITY (copy));
    }

  if (!added)
    return NULL;

  g_hash_table_add (merge->added, (gpointer) racimo_item_get_id (copy));
  return copy;
}

/* Whether the item stays, goes, or comes from theirs: a removal on one side
 * of what the other side changed is a conflict, and the item stays. */
static void
decide (Merge      *merge,
        const char *id)
{
  RacimoItem *ours = ours_before (merge, id);
  RacimoItem *theirs = racimo_project_lookup (merge->theirs, id);
  RacimoItem *base = racimo_project_lookup (merge->base, id);

  if ((ours == NULL && theirs == NULL) ||
      (ours != NULL && theirs != NULL && G_OBJECT_TYPE (ours) != G_OBJECT_TYPE (theirs)))
    return;
  if (base != NULL && G_OBJECT_TYPE (base) != G_OBJECT_TYPE (ours != NULL ? ours : theirs))
    base = NULL;

  if (ours != NULL && theirs == NULL && base != NULL)
    {
      if (changed (merge->base, merge->ours, base, ours))
        record (merge, ours, NULL, "removed", racimo_item_get_name (base),
                racimo_item_get_name (ours), NULL);
      else
        remove_later (merge, ours);
    }
  else if (ours == NULL && theirs != NULL)
    {
      RacimoItem *copy;

      if (base != NULL && !changed (merge->base, merge->theirs, base, theirs))
        return;

      copy = take_theirs (merge, theirs);
      if (copy != NULL && base != NULL)
        record (merge, copy, NULL, "removed", racimo_item_get_name (base), NULL,
                racimo_item_get_name (theirs));
    }
}

static void
decide_all (Merge *merge)
{
  RacimoProject *sides[] = { merge->base, merge->ours, merge->theirs };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Phases before activities, so that an activity of theirs finds its phase. */
  for (guint list = 0; list <= RACIMO_COMPARE_PHASES; list++)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        g_autoptr(GPtrArray) items = _racimo_compare_items (sides[s], list, NULL);

        for (guint i = 0; i < items->len; i++)
          {
            const char *id = racimo_item_get_id (g_ptr_array_index (items, i));

            if (g_hash_table_add (seen, (gpointer) id))
              decide (merge, id);
          }
      }

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autoptr(GPtrArray) phases = _racimo_compare_items (sides[s], RACIMO_COMPARE_PHASES, NULL);

      for (guint i = 0; i < phases->len; i++)
        {
          g_autoptr(GPtrArray) items = _racimo_compare_items (NULL, 0,
                                                              g_ptr_array_index (phases, i));

          for (guint j = 0; j < items->len; j++)
            {
              const char *id = racimo_item_get_id (g_ptr_array_index (items, j));

              if (g_hash_table_add (seen, (gpointer) id))
                decide (merge, id);
            }
        }
    }
}

static void
merge_text (Merge      *merge,
            RacimoItem *item,
            const char *field,
            const char *base,
            const char *ours,
            const char *theirs)
{
  switch (choose_text (base, ours, theirs))
    {
    case 'o':
      return;
    case 'c':
      record (merge, item, NULL, field, base, ours, theirs);
      return;
    default:
      break;
    }

  if (g_str_equal (field, "name"))
    racimo_project_rename (merge->ours, item, theirs != NULL ? theirs : "");
  else if (g_str_equal (field, "description"))
    racimo_project_set_item_description (merge->ours, item, theirs);
  else if (g_str_equal (field, "abbrev"))
    racimo_project_set_role_abbrev (merge->ours, RACIMO_ROLE (item), theirs);
  else if (g_str_equal (field, "email"))
    racimo_project_set_person_email (merge->ours, RACIMO_PERSON (item), theirs);
  else if (g_str_equal (field, "applicable"))
    racimo_project_set_applicable (merge->ours, RACIMO_ACTIVITY (item),
                                   g_strcmp0 (theirs, "no") != 0);
  else
    g_assert_not_reached ();
}

static const char *
applicable_text (RacimoItem *item)
{
  if (item == NULL)
    return NULL;
  return racimo_activity_get_applicable (RACIMO_ACTIVITY (item)) ? "yes" : "no";
}

/* What the item says of itself, for an item both sides have. */
static void
merge_own (Merge      *merge,
           RacimoItem *item)
{
  const char *id = racimo_item_get_id (item);
  RacimoItem *theirs = _racimo_compare_find (merge->theirs, item);
  RacimoItem *base = _racimo_compare_find (merge->base, item);
  g_autoptr(GPtrArray) checks = NULL;

  if (theirs == NULL || g_hash_table_contains (merge->added, id))
    return;

  merge_text (merge, item, "name", base != NULL ? racimo_item_get_name (base) : NULL,
              racimo_item_get_name (item), racimo_item_get_name (theirs));
  merge_text (merge, item, "description", base != NULL ? racimo_item_get_description (base) : NULL,
              racimo_item_get_description (item), racimo_item_get_description (theirs));

  if (RACIMO_IS_PERSON (item))
    merge_text (merge, item, "email",
                base != NULL ? racimo_person_get_email (RACIMO_PERSON (base)) : NULL,
                racimo_person_get_email (RACIMO_PERSON (item)),
                racimo_person_get_email (RACIMO_PERSON (theirs)));
  else if (RACIMO_IS_ROLE (item))
    merge_text (merge, item, "abbrev",
                base != NULL ? racimo_role_get_abbrev (RACIMO_ROLE (base)) : NULL,
                racimo_role_get_abbrev (RACIMO_ROLE (item)),
                racimo_role_get_abbrev (RACIMO_ROLE (theirs)));
  else if (RACIMO_IS_ACTIVITY (item))
    merge_text (merge, item, "applicable", applicable_text (base) != NULL ? applicable_text (base)
                                                                          : "yes",
                applicable_text (item), applicable_text (theirs));

  /* The format has no conflict field for a waiver: ours stays. */
  checks = _racimo_compare_waived_checks (item, theirs);
  for (guint i = 0; i < checks->len; i++)
    {
      const char *check = g_ptr_array_index (checks, i);
      const char *b = _racimo_compare_waiver (base, check);
      const char *o = _racimo_compare_waiver (item, check);
      const char *t = _racimo_compare_waiver (theirs, check);

      if (g_strcmp0 (o, b) == 0 && g_strcmp0 (t, b) != 0)
        racimo_project_set_waiver (merge->ours, item, check, t);
    }
}

static gboolean
has_member (GPtrArray  *members,
            const char *id)
{
  return members != NULL && g_ptr_array_find_with_equal_func (members, id, g_str_equal, NULL);
}

static void
merge_members (Merge      *merge,
               RacimoRole *role)
{
  const char *id = racimo_item_get_id (RACIMO_ITEM (role));
  RacimoItem *theirs = _racimo_compare_find (merge->theirs, RACIMO_ITEM (role));
  RacimoItem *base = _racimo_compare_find (merge->base, RACIMO_ITEM (role));
  g_autoptr(GPtrArray) b = _racimo_compare_members (RACIMO_ROLE (base));
  g_autoptr(GPtrArray) t = theirs != NULL ? _racimo_compare_members (RACIMO_ROLE (theirs))
                                          : g_ptr_array_ref (b);
  GPtrArray *o = g_hash_table_lookup (merge->ours_members, id);
  g_autoptr(GPtrArray) everyone = g_ptr_array_new ();

  if (o == NULL)
    o = b;

  g_ptr_array_extend (everyone, o, NULL, NULL);
  g_ptr_array_extend (everyone, t, NULL, NULL);

  for (guint i = 0; i < everyone->len; i++)
    {
      const char *person_id = g_ptr_array_index (everyone, i);
      gboolean in_b = has_member (b, person_id);
      gboolean in_o = has_member (o, person_id);
      gboolean wanted = in_o == in_b ? has_member (t, person_id) : in_o;
      RacimoItem *person = racimo_project_lookup (merge->ours, person_id);

      if (!RACIMO_IS_PERSON (person))
        continue;

      if (wanted)
        racimo_project_add_member (merge->ours, role, RACIMO_PERSON (person));
      else if (racimo_role_index_of_member (role, RACIMO_PERSON (person)) >= 0)
        racimo_project_remove_member (merge->ours, role, RACIMO_PERSON (person));
    }
}

static RacimoCodes
cell_codes (const Cell *cell)
{
  return cell->activity != NULL ? racimo_activity_get_codes (cell->activity, cell->role) : 0;
}

static const char *
cell_note (const Cell *cell)
{
  return cell->activity != NULL ? racimo_activity_get_note (cell->activity, cell->role) : NULL;
}

/* One cell: its codes and its note.  A side that lacks the activity or the
 * role stands for the base, so that the other side's change is taken. */
static void
merge_cell (Merge          *merge,
            RacimoActivity *activity,
            RacimoRole     *role,
            gboolean        in_ours,
            const Cell     *base,
            const Cell     *theirs)
{
  const char *role_id = racimo_item_get_id (RACIMO_ITEM (role));
  gboolean in_theirs = theirs->activity != NULL;
  RacimoCodes b = cell_codes (base);
  RacimoCodes o = in_ours ? racimo_activity_get_codes (activity, role) : b;
  RacimoCodes t = in_theirs ? cell_codes (theirs) : b;
  const char *note_b = cell_note (base);
  const char *note_o = in_ours ? racimo_activity_get_note (activity, role) : note_b;
  const char *note_t = in_theirs ? cell_note (theirs) : note_b;

  switch (choose (o == b, t == b, o == t))
    {
    case 'o':
      if (o != racimo_activity_get_codes (activity, role))
        racimo_project_set_codes (merge->ours, activity, role, o);
      break;
    case 't':
      if (t != racimo_activity_get_codes (activity, role))
        racimo_project_set_codes (merge->ours, activity, role, t);
      break;
    default:
      {
        const RacimoScheme *scheme = racimo_project_get_scheme (merge->ours);
        g_autofree char *base_text = racimo_scheme_format_codes (scheme, b, NULL);
        g_autofree char *ours_text = racimo_scheme_format_codes (scheme, o, NULL);
        g_autofree char *theirs_text = racimo_scheme_format_codes (scheme, t, NULL);

        if (o != racimo_activity_get_codes (activity, role))
          racimo_project_set_codes (merge->ours, activity, role, o);
        record (merge, RACIMO_ITEM (activity), role_id, NULL, base_text, ours_text, theirs_text);
      }
    }

  switch (choose_text (note_b, note_o, note_t))
    {
    case 'c':
      record (merge, RACIMO_ITEM (activity), role_id, "note", note_b, note_o, note_t);
      G_GNUC_FALLTHROUGH;
    case 'o':
      if (!_racimo_compare_text_equal (note_o, racimo_activity_get_note (activity, role)))
        racimo_project_set_note (merge->ours, activity, role, note_o);
      break;
    default:
      if (!_racimo_compare_text_equal (note_t, racimo_activity_get_note (activity, role)))
        racimo_project_set_note (merge->ours, activity, role, note_t);
    }
}

static gboolean
was_in_ours (Merge      *merge,
             RacimoItem *item)
{
  return !g_hash_table_contains (merge->added, racimo_item_get_id (item)) &&
         ours_before (merge, racimo_item_get_id (item)) == item;
}

/* The roles of ours do not change while the activities are merged. */
static GArray *
get_cell_roles (Merge *merge)
{
  guint n = racimo_project_get_n_roles (merge->ours);

  if (merge->cell_roles == NULL)
    {
      merge->cell_roles = g_array_sized_new (FALSE, FALSE, sizeof (CellRole), n);
      for (guint i = 0; i < n; i++)
        {
          RacimoRole *role = racimo_project_get_role (merge->ours, i);
          CellRole cell_role = {
            role,
            (RacimoRole *) _racimo_compare_find (merge->base, RACIMO_ITEM (role)),
            (RacimoRole *) _racimo_compare_find (merge->theirs, RACIMO_ITEM (role)),
            was_in_ours (merge, RACIMO_ITEM (role)),
          };

          g_array_append_val (merge->cell_roles, cell_role);
        }
    }

  g_assert (merge->cell_roles->len == n);
  return merge->cell_roles;
}

static void
merge_cells (Merge          *merge,
             RacimoActivity *activity)
{
  GArray *roles = get_cell_roles (merge);
  gboolean activity_in_ours = was_in_ours (merge, RACIMO_ITEM (activity));
  RacimoItem *base = _racimo_compare_find (merge->base, RACIMO_ITEM (activity));
  RacimoItem *theirs = _racimo_compare_find (merge->theirs, RACIMO_ITEM (activity));

  for (guint i = 0; i < roles->len; i++)
    {
      const CellRole *r = &g_array_index (roles, CellRole, i);
      Cell base_cell = { NULL, NULL };
      Cell theirs_cell = { NULL, NULL };

      if (base != NULL && r->base != NULL)
        base_cell = (Cell) { RACIMO_ACTIVITY (base), r->base };
      if (theirs != NULL && r->theirs != NULL)
        theirs_cell = (Cell) { RACIMO_ACTIVITY (theirs), r->theirs };

      merge_cell (merge, activity, r->role, activity_in_ours && r->in_ours, &base_cell,
                  &theirs_cell);
    }
}

static const char *
phase_id_of (RacimoItem *activity)
{
  if (activity == NULL)
    return NULL;
  return racimo_item_get_id (RACIMO_ITEM (racimo_activity_get_phase (RACIMO_ACTIVITY (activity))));
}

static gboolean
is_removed (Merge      *merge,
            RacimoItem *item)
{
  return g_hash_table_contains (merge->removed, item);
}

static gboolean
moved_by_ours (Merge      *merge,
               const char *phase_id,
               const char *activity_id)
{
  GHashTable *placed = g_hash_table_lookup (merge->ours_placed, phase_id);

  if (placed == NULL)
    {
      RacimoItem *base_phase = racimo_project_lookup (merge->base, phase_id);
      GPtrArray *ours = g_hash_table_lookup (merge->ours_activities, phase_id);
      g_autoptr(GPtrArray) base = _racimo_compare_items (NULL, 0, RACIMO_PHASE (base_phase));
      g_autoptr(GPtrArray) empty = g_ptr_array_new ();

      placed = _racimo_compare_placed (base, ours != NULL ? ours : empty);
      g_hash_table_insert (merge->ours_placed, (gpointer) phase_id, placed);
    }

  return g_hash_table_contains (placed, activity_id);
}

/* The phase an activity ends in: the three-way rule on its phase's id,
 * then the first of the candidates the merged project keeps. */
static void
merge_phase_of (Merge      *merge,
                RacimoItem *activity)
{
  const char *id = racimo_item_get_id (activity);
  const char *b = phase_id_of (_racimo_compare_find (merge->base, activity));
  const char *o = was_in_ours (merge, activity) ? g_hash_table_lookup (merge->ours_phase_of, id) : b;
  RacimoItem *theirs = _racimo_compare_find (merge->theirs, activity);
  const char *t = theirs != NULL ? phase_id_of (theirs) : b;
  const char *candidates[4] = { NULL, o, t, b };

  switch (choose (g_strcmp0 (o, b) == 0, g_strcmp0 (t, b) == 0, g_strcmp0 (o, t) == 0))
    {
    case 't':
      /* Theirs moved it to another phase while ours moved it in its own. */
      if (b != NULL && moved_by_ours (merge, b, id))
        {
          record (merge, activity, NULL, "position", b, o, t);
          candidates[0] = o;
          break;
        }
      candidates[0] = t;
      break;
    case 'c':
      record (merge, activity, NULL, "position", b, o, t);
      G_GNUC_FALLTHROUGH;
    default:
      candidates[0] = o;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      RacimoItem *phase = candidates[i] != NULL ? racimo_project_lookup (merge->ours, candidates[i])
                                                : NULL;

      if (RACIMO_IS_PHASE (phase) && !is_removed (merge, phase))
        {
          g_hash_table_insert (merge->merged_phase, (gpointer) id,
                               (gpointer) racimo_item_get_id (phase));
          return;
        }
    }

  /* Every phase it could go in is gone: it goes with them. */
  remove_later (merge, activity);
}

static const char *
id_before (GPtrArray *items,
           guint      index)
{
  return index > 0 ? racimo_item_get_id (g_ptr_array_index (items, index - 1)) : "";
}

static gboolean
index_of_id (GPtrArray  *items,
             const char *id,
             guint      *index)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (racimo_item_get_id (g_ptr_array_index (items, i)), id))
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

/* The merged order of a list: ours' order, where theirs moved or added an
 * item it goes after the item theirs put it after.  @keeps says which
 * items of the merged project the list holds; those of @rest it holds
 * that neither side placed go last. */
static GPtrArray *
merge_order (Merge      *merge,
             GPtrArray  *base,
             GPtrArray  *ours,
             GPtrArray  *theirs,
             GPtrArray  *rest,
             gboolean  (*keeps) (Merge *, RacimoItem *, gpointer),
             gpointer    data)
{
  g_autoptr(GHashTable) placed_ours = _racimo_compare_placed (base, ours);
  g_autoptr(GHashTable) placed_theirs = _racimo_compare_placed (base, theirs);
  g_autoptr(GHashTable) in_order = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order = g_ptr_array_new ();

  for (guint i = 0; i < ours->len; i++)
    {
      const char *id = racimo_item_get_id (g_ptr_array_index (ours, i));
      RacimoItem *item = racimo_project_lookup (merge->ours, id);
      guint j;

      if (item == NULL || !keeps (merge, item, data))
        continue;

      if (g_hash_table_contains (placed_theirs, id))
        {
          if (!g_hash_table_contains (placed_ours, id))
            continue;
          if (index_of_id (theirs, id, &j) &&
              !g_str_equal (id_before (ours, i), id_before (theirs, j)))
            {
              guint k;
              const char *b = index_of_id (base, id, &k) ? id_before (base, k) : NULL;

              record (merge, item, NULL, "position", b, id_before (ours, i), id_before (theirs, j));
            }
        }

      g_ptr_array_add (order, item);
      g_hash_table_add (in_order, (gpointer) id);
    }

  for (guint j = 0; j < theirs->len; j++)
    {
      const char *id = racimo_item_get_id (g_ptr_array_index (theirs, j));
      RacimoItem *item = racimo_project_lookup (merge->ours, id);
      guint at = 0;

      if (item == NULL || g_hash_table_contains (in_order, id) || !keeps (merge, item, data))
        continue;

      for (guint k = j; k > 0; k--)
        {
          const char *before = racimo_item_get_id (g_ptr_array_index (theirs, k - 1));

          if (g_hash_table_contains (in_order, before))
            {
              index_of_id (order, before, &at);
              at++;
              break;
            }
        }

      g_ptr_array_insert (order, at, item);
      g_hash_table_add (in_order, (gpointer) id);
    }

  for (guint i = 0; i < rest->len; i++)
    {
      RacimoItem *item = g_ptr_array_index (rest, i);

      if (keeps (merge, item, data) &&
          g_hash_table_add (in_order, (gpointer) racimo_item_get_id (item)))
        g_ptr_array_add (order, item);
    }

  return order;
}

static gboolean
keeps_item (Merge      *merge,
            RacimoItem *item,
            gpointer    data)
{
  return G_OBJECT_TYPE (item) == GPOINTER_TO_SIZE (data) && !is_removed (merge, item);
}

static gboolean
keeps_activity (Merge      *merge,
                RacimoItem *item,
                gpointer    data)
{
  return RACIMO_IS_ACTIVITY (item) && !is_removed (merge, item) &&
         g_strcmp0 (g_hash_table_lookup (merge->merged_phase, racimo_item_get_id (item)),
                    data) == 0;
}

static void
place_activities (Merge *merge)
{
  g_autoptr(GPtrArray) phases = _racimo_compare_items (merge->ours, RACIMO_COMPARE_PHASES, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < phases->len; i++)
    {
      g_autoptr(GPtrArray) activities = _racimo_compare_items (NULL, 0,
                                                               g_ptr_array_index (phases, i));

      g_ptr_array_extend (all, activities, NULL, NULL);
    }

  for (guint i = 0; i < phases->len; i++)
    {
      RacimoPhase *phase = g_ptr_array_index (phases, i);
      const char *id = racimo_item_get_id (RACIMO_ITEM (phase));
      RacimoItem *base_phase = _racimo_compare_find (merge->base, RACIMO_ITEM (phase));
      RacimoItem *theirs_phase = _racimo_compare_find (merge->theirs, RACIMO_ITEM (phase));
      GPtrArray *ours = g_hash_table_lookup (merge->ours_activities, id);
      g_autoptr(GPtrArray) empty = g_ptr_array_new ();
      g_autoptr(GPtrArray) base = base_phase != NULL ? _racimo_compare_items (NULL, 0, RACIMO_PHASE (base_phase))
                                                     : g_ptr_array_new ();
      g_autoptr(GPtrArray) theirs = theirs_phase != NULL ? _racimo_compare_items (NULL, 0, RACIMO_PHASE (theirs_phase))
                                                         : g_ptr_array_new ();
      g_autoptr(GPtrArray) order = NULL;

      if (is_removed (merge, RACIMO_ITEM (phase)))
        continue;

      order = merge_order (merge, base, ours != NULL ? ours : empty, theirs, all,
                           keeps_activity, (gpointer) id);

      for (guint j = 0; j < order->len; j++)
        {
          RacimoActivity *activity = g_ptr_array_index (order, j);

          if (racimo_activity_get_phase (activity) != phase ||
              racimo_phase_index_of (phase, activity) != (int) j)
            racimo_project_move_activity (merge->ours, activity, phase, j);
        }
    }
}

static void
place_list (Merge             *merge,
            RacimoCompareList  list)
{
  g_autoptr(GPtrArray) base = _racimo_compare_items (merge->base, list, NULL);
  g_autoptr(GPtrArray) theirs = _racimo_compare_items (merge->theirs, list, NULL);
  GType type = list == RACIMO_COMPARE_PEOPLE ? RACIMO_TYPE_PERSON
               : list == RACIMO_COMPARE_ROLES ? RACIMO_TYPE_ROLE
                                              : RACIMO_TYPE_PHASE;
  g_autoptr(GPtrArray) rest = _racimo_compare_items (merge->ours, list, NULL);
  g_autoptr(GPtrArray) order = merge_order (merge, base, merge->ours_lists[list], theirs, rest,
                                            keeps_item, GSIZE_TO_POINTER (type));

  for (guint i = 0; i < order->len; i++)
    {
      RacimoItem *item = g_ptr_array_index (order, i);

      if (RACIMO_IS_PERSON (item) &&
          racimo_project_index_of_person (merge->ours, RACIMO_PERSON (item)) != (int) i)
        racimo_project_move_person (merge->ours, RACIMO_PERSON (item), i);
      else if (RACIMO_IS_ROLE (item) &&
               racimo_project_index_of_role (merge->ours, RACIMO_ROLE (item)) != (int) i)
        racimo_project_move_role (merge->ours, RACIMO_ROLE (item), i);
      else if (RACIMO_IS_PHASE (item) &&
               racimo_project_index_of_phase (merge->ours, RACIMO_PHASE (item)) != (int) i)
        racimo_project_move_phase (merge->ours, RACIMO_PHASE (item), i);
    }
}

static void
remove_items (Merge *merge,
              GType  type)
{
  for (guint i = 0; i < merge->removals->len; i++)
    {
      RacimoItem *item = g_ptr_array_index (merge->removals, i);

      if (G_OBJECT_TYPE (item) == type)
        _racimo_compare_remove (merge->ours, item);
    }
}

static void
for_each_activity (Merge *merge,
                   void (*func) (Merge *, RacimoItem *))
{
  g_autoptr(GPtrArray) phases = _racimo_compare_items (merge->ours, RACIMO_COMPARE_PHASES, NULL);

  for (guint i = 0; i < phases->len; i++)
    {
      g_autoptr(GPtrArray) activities = _racimo_compare_items (NULL, 0,
                                                               g_ptr_array_index (phases, i));

      for (guint j = 0; j < activities->len; j++)
        func (merge, g_ptr_array_index (activities, j));
    }
}

static void
merge_activity (Merge      *merge,
                RacimoItem *activity)
{
  merge_own (merge, activity);
  merge_cells (merge, RACIMO_ACTIVITY (activity));
}

/**
 * racimo_merge:
 * @base: the copy both sides started from
 * @ours: our copy; it becomes the merged project
 * @theirs: their copy
 *
 * Merges, item by item by id (docs/file-format.md, "Conflicts"): a change
 * of one side is taken; the same change on both sides is taken once;
 * different changes to one cell, name, description, note or place, or an
 * edit on one side of what the other side removed, leave ours in place
 * and record a conflict.  Additions of both sides are both kept.  @ours
 * is then a project to write, not to undo: what comes from theirs has no
 * history.
 *
 * Returns: the number of conflicts recorded
 */
guint
racimo_merge (RacimoProject *base,
              RacimoProject *ours,
              RacimoProject *theirs)
{
  RacimoHistory *history;
  Merge merge = { base, ours, theirs, 0 };
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (base), 0);
  g_return_val_if_fail (RACIMO_IS_PROJECT (ours), 0);
  g_return_val_if_fail (RACIMO_IS_PROJECT (theirs), 0);

  merge.ours_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  merge.ours_phase_of = g_hash_table_new (g_str_hash, g_str_equal);
  merge.ours_members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);
  merge.ours_activities = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  merge.removals = g_ptr_array_new_with_free_func (g_object_unref);
  merge.removed = g_hash_table_new (NULL, NULL);
  merge.added = g_hash_table_new (g_str_hash, g_str_equal);
  merge.merged_phase = g_hash_table_new (g_str_hash, g_str_equal);
  merge.ours_placed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_hash_table_unref);

  history = racimo_project_get_history (ours);
  racimo_history_begin (history, _("Merge"));

  snapshot (&merge);
  merge_project (&merge);
  decide_all (&merge);

  people = _racimo_compare_items (ours, RACIMO_COMPARE_PEOPLE, NULL);
  for (guint i = 0; i < people->len; i++)
    merge_own (&merge, g_ptr_array_index (people, i));
  roles = _racimo_compare_items (ours, RACIMO_COMPARE_ROLES, NULL);
  for (guint i = 0; i < roles->len; i++)
    {
      merge_own (&merge, g_ptr_array_index (roles, i));
      merge_members (&merge, g_ptr_array_index (roles, i));
    }
  {
    g_autoptr(GPtrArray) phases = _racimo_compare_items (ours, RACIMO_COMPARE_PHASES, NULL);

    for (guint i = 0; i < phases->len; i++)
      merge_own (&merge, g_ptr_array_index (phases, i));
  }
  for_each_activity (&merge, merge_activity);
  for_each_activity (&merge, merge_phase_of);

  remove_items (&merge, RACIMO_TYPE_ACTIVITY);
  place_activities (&merge);
  remove_items (&merge, RACIMO_TYPE_PHASE);
  remove_items (&merge, RACIMO_TYPE_ROLE);
  remove_items (&merge, RACIMO_TYPE_PERSON);
  place_list (&merge, RACIMO_COMPARE_PEOPLE);
  place_list (&merge, RACIMO_COMPARE_ROLES);
  place_list (&merge, RACIMO_COMPARE_PHASES);

  racimo_history_end (history);

  for (guint i = 0; i < G_N_ELEMENTS (merge.ours_lists); i++)
    g_ptr_array_unref (merge.ours_lists[i]);
  g_hash_table_unref (merge.ours_ids);
  g_hash_table_unref (merge.ours_phase_of);
  g_hash_table_unref (merge.ours_members);
  g_hash_table_unref (merge.ours_activities);
  g_ptr_array_unref (merge.removals);
  g_hash_table_unref (merge.removed);
  g_hash_table_unref (merge.added);
  g_hash_table_unref (merge.merged_phase);
  g_hash_table_unref (merge.ours_placed);
  g_clear_pointer (&merge.cell_roles, g_array_unref);

  return merge.n_conflicts;
}

/* Unrecorded conflicts */

static gboolean
both_changed (const char *base,
              const char *ours,
              const char *theirs)
{
  return g_strcmp0 (ours, base) != 0 && g_strcmp0 (theirs, base) != 0
         && g_strcmp0 (ours, theirs) != 0;
}

/* The waivers of @item that the two sides changed differently: two new
 * reasons, or a new reason on one side and the waiver taken back on the
 * other. */
static void
add_unrecorded_waivers (GPtrArray     *lines,
                        RacimoProject *base,
                        RacimoProject *theirs,
                        RacimoItem    *item)
{
  RacimoItem *base_item = _racimo_compare_find (base, item);
  RacimoItem *their_item = _racimo_compare_find (theirs, item);
  g_autoptr(GPtrArray) checks = NULL;

  /* What one side removed is a "removed" conflict, or no conflict. */
  if (base_item == NULL || their_item == NULL
      || (racimo_item_get_n_waivers (item) == 0 && racimo_item_get_n_waivers (their_item) == 0))
    return;

  checks = _racimo_compare_waived_checks (item, their_item);
  for (guint i = 0; i < checks->len; i++)
    {
      const char *check = g_ptr_array_index (checks, i);

      if (both_changed (_racimo_compare_waiver (base_item, check),
                        _racimo_compare_waiver (item, check),
                        _racimo_compare_waiver (their_item, check)))
        {
          g_autofree char *who = _racimo_compare_label (item);

          /* Translators: %s is an item as the diff names it ("Activity
           * “Deploy” (Build)"), then a check id such as no-owner */
          g_ptr_array_add (lines, g_strdup_printf (_("%s: both sides changed the waiver of %s "
                                                     "differently; ours is kept"),
                                                   who, check));
        }
    }
}

/**
 * racimo_merge_unrecorded:
 * @base: the copy both sides started from
 * @ours: our copy, before racimo_merge () changes it
 * @theirs: their copy
 *
 * The places where the two sides made different changes that a
 * `conflict` element cannot record (docs/file-format.md, "Conflicts"): the
 * scheme, and the reason of a waiver.  racimo_merge () keeps ours there,
 * with nothing in the file to say so; the caller says it instead.
 *
 * Returns: (transfer full) (element-type utf8): one line in plain
 *   words for each, in the order of @ours; empty when there is none
 */
GPtrArray *
racimo_merge_unrecorded (RacimoProject *base,
                         RacimoProject *ours,
                         RacimoProject *theirs)
{
  GPtrArray *lines;
  const char *base_scheme, *our_scheme, *their_scheme;

  g_return_val_if_fail (RACIMO_IS_PROJECT (base), NULL);
  g_return_val_if_fail (RACIMO_IS_PROJECT (ours), NULL);
  g_return_val_if_fail (RACIMO_IS_PROJECT (theirs), NULL);

  lines = g_ptr_array_new_with_free_func (g_free);

  base_scheme = racimo_project_get_scheme_id (base);
  our_scheme = racimo_project_get_scheme_id (ours);
  their_scheme = racimo_project_get_scheme_id (theirs);
  if (both_changed (base_scheme, our_scheme, their_scheme))
    /* Translators: the three are schemes, such as RACI, RASCI and DACI */
    g_ptr_array_add (lines, g_strdup_printf (_("Scheme changed from %s to %s here and to %s "
                                               "there; %s is kept"),
                                             base_scheme, our_scheme, their_scheme,
                                             our_scheme));

  for (RacimoCompareList list = RACIMO_COMPARE_PEOPLE; list <= RACIMO_COMPARE_PHASES; list++)
    {
      g_autoptr(GPtrArray) items = _racimo_compare_items (ours, list, NULL);

      for (guint i = 0; i < items->len; i++)
        {
          RacimoItem *item = g_ptr_array_index (items, i);

          add_unrecorded_waivers (lines, base, theirs, item);
          if (list == RACIMO_COMPARE_PHASES)
            {
              g_autoptr(GPtrArray) activities = _racimo_compare_items (NULL, 0,
                                                                       RACIMO_PHASE (item));

              for (guint a = 0; a < activities->len; a++)
                add_unrecorded_waivers (lines, base, theirs, g_ptr_array_index (activities, a));
            }
        }
    }

  return lines;
}
