/* racimo-differences.c: what another copy of the project changed, activity by
 * activity and cell by cell, and taking each change into the copy shown
 *
 * The window's compare mode marks these in the grid and lists them by
 * phase.  Items are matched by id (docs/file-format.md, "Identifiers"), as
 * racimo_diff () matches them.  The changes of the project itself, its
 * roles, phases and people, and the waivers of activities, are racimo_diff
 * ()'s lines, in its words (_racimo_diff_lines ()), listed under "Project",
 * "Roles", "People" or their phase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-differences.h"
#include "racimo-check.h"
#include "racimo-compare-private.h"
#include "racimo-model-private.h"

typedef struct
{
  RacimoProject *mine;
  RacimoProject *theirs;
  GPtrArray     *changes;
  GHashTable    *lines;  /* id of a phase or an activity -> GPtrArray of RacimoDiffLine */
} Changes;

void
racimo_difference_free (RacimoDifference *change)
{
  if (change == NULL)
    return;

  g_free (change->activity_id);
  g_free (change->role_id);
  g_free (change->phase_id);
  g_free (change->phase_name);
  g_free (change->title);
  g_free (change->detail);
  g_free (change->item_id);
  g_free (change->key);
  g_free (change);
}

/**
 * racimo_difference_copy:
 *
 * Returns: (transfer full): a copy of @change, which the copy shown
 *   and its changes may outlive (a PDF made in a thread)
 */
RacimoDifference *
racimo_difference_copy (const RacimoDifference *change)
{
  RacimoDifference *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_memdup2 (change, sizeof *change);
  copy->activity_id = g_strdup (change->activity_id);
  copy->role_id = g_strdup (change->role_id);
  copy->phase_id = g_strdup (change->phase_id);
  copy->phase_name = g_strdup (change->phase_name);
  copy->title = g_strdup (change->title);
  copy->detail = g_strdup (change->detail);
  copy->item_id = g_strdup (change->item_id);
  copy->key = g_strdup (change->key);

  return copy;
}

static void
add (Changes          *changes,
     RacimoDifferenceKind  kind,
     RacimoItem       *activity,
     RacimoRole       *role,
     RacimoPhase      *phase,
     char             *detail)
{
  RacimoDifference *change = g_new0 (RacimoDifference, 1);

  change->kind = kind;
  change->activity_id = g_strdup (racimo_item_get_id (activity));
  change->role_id = role != NULL ? g_strdup (racimo_item_get_id (RACIMO_ITEM (role))) : NULL;
  change->phase_id = g_strdup (racimo_item_get_id (RACIMO_ITEM (phase)));
  change->phase_name = g_strdup (_racimo_compare_name_of (RACIMO_ITEM (phase)));
  change->title = g_strdup (_racimo_compare_name_of (activity));
  change->detail = detail;
  change->field = kind == RACIMO_DIFFERENCE_MOVED ? RACIMO_DIFFERENCE_FIELD_PLACE
                  : kind == RACIMO_DIFFERENCE_CHANGED ? (role != NULL ? RACIMO_DIFFERENCE_FIELD_CELL
                                                                      : RACIMO_DIFFERENCE_FIELD_NAME)
                                                      : RACIMO_DIFFERENCE_FIELD_EXISTS;
  g_ptr_array_add (changes->changes, change);
}

/* A line of racimo_diff () as a change of @group; @phase (of mine, else
 * theirs) for the group of a phase or an activity's waiver. */
static void
add_line (Changes               *changes,
          const RacimoDiffLine  *line,
          RacimoDifferenceGroup  group,
          RacimoPhase           *phase)
{
  RacimoDifference *change = g_new0 (RacimoDifference, 1);
  static const char *headings[] = { NULL, N_("Project"), N_("Roles"), N_("People") };

  change->kind = line->kind;
  change->group = group;
  change->field = line->field;
  change->key = g_strdup (line->key);
  change->detail = g_strdup (line->text);
  change->role_id = NULL;
  if (line->item != NULL)
    {
      change->item_id = g_strdup (racimo_item_get_id (line->item));
      change->title = g_strdup (_racimo_compare_name_of (line->item));
    }
  else
    {
      const char *title = racimo_project_get_title (changes->mine);

      change->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Project"));
    }
  change->activity_id = g_strdup (RACIMO_IS_ACTIVITY (line->item) ? change->item_id : "");
  if (phase != NULL)
    {
      change->phase_id = g_strdup (racimo_item_get_id (RACIMO_ITEM (phase)));
      change->phase_name = g_strdup (_racimo_compare_name_of (RACIMO_ITEM (phase)));
    }
  else
    {
      change->phase_id = g_strdup ("");
      change->phase_name = g_strdup (_(headings[group]));
    }
  g_ptr_array_add (changes->changes, change);
}

/* The lines kept for the phase or activity of @id, in their group. */
static void
add_lines_of (Changes     *changes,
              const char  *id,
              RacimoPhase *phase)
{
  GPtrArray *lines = g_hash_table_lookup (changes->lines, id);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    add_line (changes, g_ptr_array_index (lines, i), RACIMO_DIFFERENCE_GROUP_PHASE, phase);
}

/* The lines of racimo_diff () that compare mode lists in words: those of
 * the project, roles and people (each group added now, in that order),
 * and of phases and activities' waivers (kept by id for their phase's
 * group).  The rest, an activity's row and cells, compare_activity () says
 * its own way, as rows and cells of the grid. */
static void
sort_lines (Changes   *changes,
            GPtrArray *lines)
{
  static const RacimoDifferenceGroup groups[] = { RACIMO_DIFFERENCE_GROUP_PROJECT,
                                                  RACIMO_DIFFERENCE_GROUP_ROLES,
                                                  RACIMO_DIFFERENCE_GROUP_PEOPLE };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < lines->len; i++)
      {
        RacimoDiffLine *line = g_ptr_array_index (lines, i);
        RacimoDifferenceGroup group = RACIMO_DIFFERENCE_GROUP_PHASE;

        if (line->item == NULL)
          group = RACIMO_DIFFERENCE_GROUP_PROJECT;
        else if (RACIMO_IS_ROLE (line->item))
          group = RACIMO_DIFFERENCE_GROUP_ROLES;
        else if (RACIMO_IS_PERSON (line->item))
          group = RACIMO_DIFFERENCE_GROUP_PEOPLE;

        if (group == groups[g])
          add_line (changes, line, group, NULL);
      }

  for (guint i = 0; i < lines->len; i++)
    {
      RacimoDiffLine *line = g_ptr_array_index (lines, i);
      GPtrArray *kept;

      if (!RACIMO_IS_PHASE (line->item) &&
          !(RACIMO_IS_ACTIVITY (line->item) && (line->field == RACIMO_DIFFERENCE_FIELD_WAIVER ||
                                                line->field == RACIMO_DIFFERENCE_FIELD_CONFLICTS)))
        continue;

      kept = g_hash_table_lookup (changes->lines, racimo_item_get_id (line->item));
      if (kept == NULL)
        {
          kept = g_ptr_array_new ();
          g_hash_table_insert (changes->lines, (gpointer) racimo_item_get_id (line->item), kept);
        }
      g_ptr_array_add (kept, line);
    }
}

static RacimoActivity *
find_activity (RacimoProject *project,
               const char    *id)
{
  RacimoItem *item = racimo_project_lookup (project, id);

  return RACIMO_IS_ACTIVITY (item) ? RACIMO_ACTIVITY (item) : NULL;
}

/* Where theirs put @theirs_activity, in words. */
static char *
place_text (RacimoActivity *mine_activity,
            RacimoActivity *theirs_activity)
{
  RacimoPhase *phase = racimo_activity_get_phase (theirs_activity);
  int index = racimo_phase_index_of (phase, theirs_activity);

  if (g_strcmp0 (racimo_item_get_id (RACIMO_ITEM (phase)),
                 racimo_item_get_id (RACIMO_ITEM (racimo_activity_get_phase (mine_activity)))) != 0)
    return g_strdup_printf (_("Moved to phase “%s”"), _racimo_compare_name_of (RACIMO_ITEM (phase)));
  if (index == 0)
    return g_strdup (_("Moved to the top of the phase"));
  return g_strdup_printf (_("Moved after “%s”"),
                          _racimo_compare_name_of (RACIMO_ITEM (racimo_phase_get_activity (phase, (guint) index - 1))));
}

/* Name, description and applicability, in words; NULL when all agree. */
static char *
own_text (RacimoActivity *mine_activity,
          RacimoActivity *theirs_activity)
{
  RacimoItem *mine = RACIMO_ITEM (mine_activity), *theirs = RACIMO_ITEM (theirs_activity);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (!_racimo_compare_text_equal (racimo_item_get_name (mine), racimo_item_get_name (theirs)))
    g_ptr_array_add (parts, g_strdup_printf (_("Renamed to “%s”"), _racimo_compare_name_of (theirs)));
  if (!_racimo_compare_text_equal (racimo_item_get_description (mine),
                                   racimo_item_get_description (theirs)))
    g_ptr_array_add (parts, g_strdup (_("Description changed")));
  if (racimo_activity_get_applicable (mine_activity) !=
      racimo_activity_get_applicable (theirs_activity))
    g_ptr_array_add (parts, g_strdup (racimo_activity_get_applicable (theirs_activity)
                                        ? _("Applies again")
                                        : _("Marked as not applicable")));
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the changes of one activity */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

/* The codes and note of a cell, in words; NULL when both agree. */
static char *
cell_text (Changes        *changes,
           RacimoActivity *mine_activity,
           RacimoActivity *theirs_activity,
           RacimoRole     *role)
{
  const char *role_id = racimo_item_get_id (RACIMO_ITEM (role));
  const char *id = racimo_item_get_id (RACIMO_ITEM (mine_activity));
  RacimoCodes is = racimo_activity_get_codes (mine_activity, role);
  RacimoCodes was = _racimo_compare_codes (changes->theirs, id, role_id);
  const char *name = _racimo_compare_name_of (RACIMO_ITEM (role));
  gboolean same_note = _racimo_compare_text_equal (racimo_activity_get_note (mine_activity, role),
                                                   _racimo_compare_note (changes->theirs, id,
                                                                         role_id));

  (void) theirs_activity;
  if (is != was)
    {
      g_autofree char *mine_text = _racimo_compare_codes_text (changes->mine, is);
      g_autofree char *theirs_text = _racimo_compare_codes_text (changes->theirs, was);

      /* TRANSLATORS: a role, the codes of the copy shown and of the other
       * copy, as in: ML engineer: R → R A */
      return same_note ? g_strdup_printf (_("%s: %s → %s"), name, mine_text, theirs_text)
                       /* TRANSLATORS: as above, when the cell's note changed too */
                       : g_strdup_printf (_("%s: %s → %s, note changed"), name, mine_text,
                                          theirs_text);
    }
  if (!same_note)
    return g_strdup_printf (_("%s: note changed"), name);

  return NULL;
}

static void
compare_activity (Changes        *changes,
                  RacimoActivity *mine_activity,
                  GHashTable     *placed)
{
  RacimoItem *item = RACIMO_ITEM (mine_activity);
  RacimoPhase *phase = racimo_activity_get_phase (mine_activity);
  RacimoActivity *theirs_activity = find_activity (changes->theirs, racimo_item_get_id (item));
  char *text;
  guint n;

  if (theirs_activity == NULL)
    {
      add (changes, RACIMO_DIFFERENCE_REMOVED, item, NULL, phase,
           g_strdup (_("Only in this copy: taking theirs removes it")));
      return;
    }

  if (g_hash_table_contains (placed, racimo_item_get_id (item)) ||
      g_strcmp0 (racimo_item_get_id (RACIMO_ITEM (phase)),
                 racimo_item_get_id (RACIMO_ITEM (racimo_activity_get_phase (theirs_activity)))) != 0)
    add (changes, RACIMO_DIFFERENCE_MOVED, item, NULL, phase,
         place_text (mine_activity, theirs_activity));

  if ((text = own_text (mine_activity, theirs_activity)) != NULL)
    add (changes, RACIMO_DIFFERENCE_CHANGED, item, NULL, phase, text);
  add_lines_of (changes, racimo_item_get_id (item), phase);

  n = racimo_project_get_n_roles (changes->mine);
  for (guint i = 0; i < n; i++)
    {
      RacimoRole *role = racimo_project_get_role (changes->mine, i);

      if (_racimo_compare_find (changes->theirs, RACIMO_ITEM (role)) == NULL)
        continue;
      if ((text = cell_text (changes, mine_activity, theirs_activity, role)) != NULL)
        add (changes, RACIMO_DIFFERENCE_CHANGED, item, role, phase, text);
    }
}

static void
add_added (Changes     *changes,
           RacimoPhase *theirs_phase,
           RacimoPhase *group)
{
  guint n = racimo_phase_get_n_activities (theirs_phase);

  for (guint i = 0; i < n; i++)
    {
      RacimoActivity *activity = racimo_phase_get_activity (theirs_phase, i);

      if (find_activity (changes->mine, racimo_item_get_id (RACIMO_ITEM (activity))) == NULL)
        add (changes, RACIMO_DIFFERENCE_ADDED, RACIMO_ITEM (activity), NULL, group,
             g_strdup (_("Only in the other copy: taking theirs adds it")));
    }
}

/**
 * racimo_differences_compare:
 * @mine: the copy shown
 * @theirs: the other copy
 *
 * What @theirs changed: first the project's own changes, the roles' and
 * the people's, each group in racimo_diff ()'s order and words; then by
 * phase in the order of @mine (phases only @theirs has last): the phase's
 * own changes, each activity of @mine (moved, changed, its waivers, then
 * each changed cell in the order of the roles), then the activities only
 * @theirs has.
 *
 * Returns: (transfer container) (element-type RacimoDifference): the changes
 */
GPtrArray *
racimo_differences_compare (RacimoProject *mine,
                        RacimoProject *theirs)
{
  Changes changes = { mine, theirs,
                      g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_difference_free),
                      NULL };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) kept = NULL;
  guint n;

  g_return_val_if_fail (RACIMO_IS_PROJECT (mine), NULL);
  g_return_val_if_fail (RACIMO_IS_PROJECT (theirs), NULL);

  lines = _racimo_diff_lines (mine, theirs, FALSE);
  kept = changes.lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  sort_lines (&changes, lines);

  n = racimo_project_get_n_phases (mine);
  for (guint i = 0; i < n; i++)
    {
      RacimoPhase *phase = racimo_project_get_phase (mine, i);
      RacimoItem *theirs_phase = _racimo_compare_find (theirs, RACIMO_ITEM (phase));
      g_autoptr(GPtrArray) mine_items = _racimo_compare_items (mine, RACIMO_COMPARE_PHASES, phase);
      g_autoptr(GPtrArray) theirs_items =
        theirs_phase != NULL ? _racimo_compare_items (theirs, RACIMO_COMPARE_PHASES,
                                                      RACIMO_PHASE (theirs_phase))
                             : g_ptr_array_new ();
      g_autoptr(GHashTable) placed = _racimo_compare_placed (mine_items, theirs_items);

      add_lines_of (&changes, racimo_item_get_id (RACIMO_ITEM (phase)), phase);
      for (guint j = 0; j < mine_items->len; j++)
        compare_activity (&changes, g_ptr_array_index (mine_items, j), placed);
      if (theirs_phase != NULL)
        add_added (&changes, RACIMO_PHASE (theirs_phase), phase);
    }

  n = racimo_project_get_n_phases (theirs);
  for (guint i = 0; i < n; i++)
    {
      RacimoPhase *phase = racimo_project_get_phase (theirs, i);

      if (_racimo_compare_find (mine, RACIMO_ITEM (phase)) == NULL)
        {
          add_lines_of (&changes, racimo_item_get_id (RACIMO_ITEM (phase)), phase);
          add_added (&changes, phase, phase);
        }
    }

  return changes.changes;
}

/* Where @theirs_activity goes in mine: after the activity theirs has before
 * it, when mine has that one in the same phase, else at theirs' index. */
static gboolean
place_of (RacimoProject  *mine,
          RacimoActivity *theirs_activity,
          RacimoActivity *moving,
          RacimoPhase   **phase,
          guint          *position)
{
  RacimoPhase *theirs_phase = racimo_activity_get_phase (theirs_activity);
  int index = racimo_phase_index_of (theirs_phase, theirs_activity);
  RacimoItem *found = _racimo_compare_find (mine, RACIMO_ITEM (theirs_phase));
  RacimoActivity *before;
  guint n;

  if (found == NULL)
    return FALSE;
  *phase = RACIMO_PHASE (found);
  n = racimo_phase_get_n_activities (*phase);
  if (moving != NULL && racimo_activity_get_phase (moving) == *phase)
    n--;

  before = index > 0 ? find_activity (mine, racimo_item_get_id (RACIMO_ITEM (
                         racimo_phase_get_activity (theirs_phase, (guint) index - 1))))
                     : NULL;
  if (before != NULL && before != moving && racimo_activity_get_phase (before) == *phase)
    {
      int after = racimo_phase_index_of (*phase, before) + 1;

      if (moving != NULL && racimo_activity_get_phase (moving) == *phase &&
          racimo_phase_index_of (*phase, moving) < after)
        after--;
      *position = (guint) after;
    }
  else
    *position = MIN ((guint) index, n);

  return TRUE;
}

/* A change of the project itself, or of a line of racimo_diff () about a
 * role, phase, person or an activity's waiver, which takes its own way. */
static gboolean
is_item_change (const RacimoDifference *change)
{
  return change->item_id != NULL || change->group == RACIMO_DIFFERENCE_GROUP_PROJECT;
}

/* Where theirs' @item goes in mine's list of its kind (@moving, mine's copy
 * of it when it moves, out of the list): after the nearest item before it
 * in theirs that mine has, else first. */
static guint
list_place (RacimoProject *mine,
            RacimoProject *theirs,
            RacimoItem    *item,
            RacimoItem    *moving)
{
  RacimoCompareList list = RACIMO_IS_PERSON (item) ? RACIMO_COMPARE_PEOPLE
                           : RACIMO_IS_ROLE (item) ? RACIMO_COMPARE_ROLES
                                                   : RACIMO_COMPARE_PHASES;
  g_autoptr(GPtrArray) theirs_items = _racimo_compare_items (theirs, list, NULL);
  g_autoptr(GPtrArray) mine_items = _racimo_compare_items (mine, list, NULL);
  guint index = 0, at;

  g_ptr_array_find (theirs_items, item, &index);
  if (moving != NULL)
    g_ptr_array_remove (mine_items, moving);
  for (guint i = index; i > 0; i--)
    {
      RacimoItem *found = _racimo_compare_find (mine, g_ptr_array_index (theirs_items, i - 1));

      if (found != NULL && g_ptr_array_find (mine_items, found, &at))
        return at + 1;
    }

  return 0;
}

/* The item of @change in @project, or NULL (the project itself, or an item
 * @project lacks) */
static RacimoItem *
item_of (RacimoProject          *project,
         const RacimoDifference *change)
{
  return change->item_id != NULL ? racimo_project_lookup (project, change->item_id) : NULL;
}

static gboolean
can_take_item (RacimoProject          *mine,
               RacimoProject          *theirs,
               const RacimoDifference *change)
{
  RacimoItem *item = item_of (mine, change);
  RacimoItem *theirs_item = item_of (theirs, change);
  RacimoCheck check;

  if (change->kind == RACIMO_DIFFERENCE_ADDED)
    return item == NULL && theirs_item != NULL;
  if (change->item_id != NULL && item == NULL)
    return FALSE;

  switch (change->field)
    {
    case RACIMO_DIFFERENCE_FIELD_CONFLICTS:
      return FALSE;
    case RACIMO_DIFFERENCE_FIELD_SCHEME:
      return racimo_scheme_lookup (racimo_project_get_scheme_id (theirs)) != NULL;
    case RACIMO_DIFFERENCE_FIELD_WAIVER:
      return racimo_check_from_id (change->key, &check);
    case RACIMO_DIFFERENCE_FIELD_MEMBER:
      return RACIMO_IS_PERSON (racimo_project_lookup (mine, change->key));
    case RACIMO_DIFFERENCE_FIELD_PLACE:
      return theirs_item != NULL;
    case RACIMO_DIFFERENCE_FIELD_EXISTS:
    case RACIMO_DIFFERENCE_FIELD_NAME:
    case RACIMO_DIFFERENCE_FIELD_DESCRIPTION:
    case RACIMO_DIFFERENCE_FIELD_ABBREV:
    case RACIMO_DIFFERENCE_FIELD_EMAIL:
    case RACIMO_DIFFERENCE_FIELD_TITLE:
      return TRUE;
    case RACIMO_DIFFERENCE_FIELD_APPLICABLE:
    case RACIMO_DIFFERENCE_FIELD_CELL:
    case RACIMO_DIFFERENCE_FIELD_NOTE:
    default:
      return FALSE;
    }
}

/* Theirs' role, phase or person, added to mine where theirs has it; a role
 * with its members and cells that mine has people and activities for. */
static void
take_added_item (RacimoProject *mine,
                 RacimoProject *theirs,
                 RacimoItem    *theirs_item)
{
  g_autoptr(RacimoItem) copy = _racimo_compare_copy_item (theirs_item);
  guint position = list_place (mine, theirs, theirs_item, NULL);
  guint n;

  if (RACIMO_IS_PERSON (copy))
    {
      _racimo_project_insert_person (mine, position, RACIMO_PERSON (copy));
      return;
    }
  if (RACIMO_IS_PHASE (copy))
    {
      _racimo_project_insert_phase (mine, position, RACIMO_PHASE (copy));
      return;
    }

  _racimo_project_insert_role (mine, position, RACIMO_ROLE (copy));
  n = racimo_role_get_n_members (RACIMO_ROLE (theirs_item));
  for (guint i = 0; i < n; i++)
    {
      RacimoItem *person = _racimo_compare_find (mine, RACIMO_ITEM (racimo_role_get_member (
                                                   RACIMO_ROLE (theirs_item), i)));

      if (person != NULL)
        racimo_project_add_member (mine, RACIMO_ROLE (copy), RACIMO_PERSON (person));
    }

  n = racimo_project_get_n_phases (mine);
  for (guint i = 0; i < n; i++)
    {
      RacimoPhase *phase = racimo_project_get_phase (mine, i);
      guint n_activities = racimo_phase_get_n_activities (phase);

      for (guint j = 0; j < n_activities; j++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, j);
          const char *id = racimo_item_get_id (RACIMO_ITEM (activity));
          RacimoCodes codes = _racimo_compare_codes (theirs, id, racimo_item_get_id (copy));
          const char *note = _racimo_compare_note (theirs, id, racimo_item_get_id (copy));

          if (codes != 0)
            racimo_project_set_codes (mine, activity, RACIMO_ROLE (copy), codes);
          if (note != NULL && note[0] != '\0')
            racimo_project_set_note (mine, activity, RACIMO_ROLE (copy), note);
        }
    }
}

static void
move_item (RacimoProject *mine,
           RacimoItem    *item,
           guint          position)
{
  if (RACIMO_IS_PERSON (item))
    racimo_project_move_person (mine, RACIMO_PERSON (item), position);
  else if (RACIMO_IS_ROLE (item))
    racimo_project_move_role (mine, RACIMO_ROLE (item), position);
  else if (RACIMO_IS_PHASE (item))
    racimo_project_move_phase (mine, RACIMO_PHASE (item), position);
}

static void
take_member (RacimoProject          *mine,
             RacimoItem             *role,
             RacimoItem             *theirs_role,
             const RacimoDifference *change)
{
  g_autoptr(GPtrArray) members = _racimo_compare_members (RACIMO_ROLE (theirs_role));
  RacimoPerson *person = RACIMO_PERSON (racimo_project_lookup (mine, change->key));
  gboolean is = g_ptr_array_find_with_equal_func (members, change->key, g_str_equal, NULL);

  if (is && racimo_role_index_of_member (RACIMO_ROLE (role), person) < 0)
    racimo_project_add_member (mine, RACIMO_ROLE (role), person);
  else if (!is && racimo_role_index_of_member (RACIMO_ROLE (role), person) >= 0)
    racimo_project_remove_member (mine, RACIMO_ROLE (role), person);
}

static void
take_item (RacimoProject          *mine,
           RacimoProject          *theirs,
           const RacimoDifference *change)
{
  RacimoItem *item = item_of (mine, change);
  RacimoItem *theirs_item = item_of (theirs, change);

  switch (change->field)
    {
    case RACIMO_DIFFERENCE_FIELD_EXISTS:
      if (change->kind == RACIMO_DIFFERENCE_ADDED)
        take_added_item (mine, theirs, theirs_item);
      else
        _racimo_compare_remove (mine, item);
      break;
    case RACIMO_DIFFERENCE_FIELD_PLACE:
      move_item (mine, item, list_place (mine, theirs, theirs_item, item));
      break;
    case RACIMO_DIFFERENCE_FIELD_NAME:
      racimo_project_rename (mine, item, racimo_item_get_name (theirs_item));
      break;
    case RACIMO_DIFFERENCE_FIELD_DESCRIPTION:
      if (item != NULL)
        racimo_project_set_item_description (mine, item, racimo_item_get_description (theirs_item));
      else
        racimo_project_set_description (mine, racimo_project_get_description (theirs));
      break;
    case RACIMO_DIFFERENCE_FIELD_ABBREV:
      racimo_project_set_role_abbrev (mine, RACIMO_ROLE (item),
                                      racimo_role_get_abbrev (RACIMO_ROLE (theirs_item)));
      break;
    case RACIMO_DIFFERENCE_FIELD_EMAIL:
      racimo_project_set_person_email (mine, RACIMO_PERSON (item),
                                       racimo_person_get_email (RACIMO_PERSON (theirs_item)));
      break;
    case RACIMO_DIFFERENCE_FIELD_MEMBER:
      take_member (mine, item, theirs_item, change);
      break;
    case RACIMO_DIFFERENCE_FIELD_WAIVER:
      racimo_project_set_waiver (mine, item, change->key,
                                 racimo_item_get_waiver_reason (theirs_item, change->key));
      break;
    case RACIMO_DIFFERENCE_FIELD_TITLE:
      racimo_project_set_title (mine, racimo_project_get_title (theirs));
      break;
    case RACIMO_DIFFERENCE_FIELD_SCHEME:
      racimo_project_set_scheme (mine, racimo_project_get_scheme_id (theirs));
      break;
    case RACIMO_DIFFERENCE_FIELD_CONFLICTS:
    case RACIMO_DIFFERENCE_FIELD_APPLICABLE:
    case RACIMO_DIFFERENCE_FIELD_CELL:
    case RACIMO_DIFFERENCE_FIELD_NOTE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * racimo_difference_can_take:
 *
 * Whether @mine can take the change: an activity added or moved to a phase
 * that @mine lacks cannot, nor a person made a member whom @mine lacks,
 * nor recorded merge conflicts (resolved in the checks panel instead).
 */
gboolean
racimo_difference_can_take (RacimoProject      *mine,
                        RacimoProject      *theirs,
                        const RacimoDifference *change)
{
  RacimoActivity *theirs_activity;
  RacimoPhase *phase;
  guint position;

  g_return_val_if_fail (change != NULL, FALSE);

  if (is_item_change (change))
    return can_take_item (mine, theirs, change);
  if (change->kind != RACIMO_DIFFERENCE_ADDED && change->kind != RACIMO_DIFFERENCE_MOVED)
    return TRUE;

  theirs_activity = find_activity (theirs, change->activity_id);
  return theirs_activity != NULL && place_of (mine, theirs_activity, NULL, &phase, &position);
}

/**
 * racimo_difference_get_place:
 * @change: an activity only @theirs has (%RACIMO_DIFFERENCE_ADDED)
 * @phase: (out): the phase of @mine it goes to
 * @position: (out): its index there
 *
 * Where taking @change puts the activity in @mine, for the grid to show.
 *
 * Returns: %FALSE when @mine cannot take it
 */
gboolean
racimo_difference_get_place (RacimoProject           *mine,
                             RacimoProject           *theirs,
                             const RacimoDifference  *change,
                             RacimoPhase            **phase,
                             guint                   *position)
{
  RacimoActivity *theirs_activity;

  g_return_val_if_fail (change != NULL, FALSE);

  theirs_activity = find_activity (theirs, change->activity_id);
  return change->kind == RACIMO_DIFFERENCE_ADDED && !is_item_change (change) &&
         theirs_activity != NULL && place_of (mine, theirs_activity, NULL, phase, position);
}

static void
take_added (RacimoProject  *mine,
            RacimoProject  *theirs,
            RacimoActivity *theirs_activity)
{
  g_autoptr(RacimoActivity) copy = NULL;
  RacimoPhase *phase;
  guint position, n;

  if (!place_of (mine, theirs_activity, NULL, &phase, &position))
    return;

  /* With its waivers too */
  copy = RACIMO_ACTIVITY (_racimo_compare_copy_item (RACIMO_ITEM (theirs_activity)));
  _racimo_project_insert_activity (mine, phase, position, copy);

  n = racimo_project_get_n_roles (mine);
  for (guint i = 0; i < n; i++)
    {
      RacimoRole *role = racimo_project_get_role (mine, i);
      RacimoItem *theirs_role = _racimo_compare_find (theirs, RACIMO_ITEM (role));
      RacimoCodes codes;
      const char *note;

      if (theirs_role == NULL)
        continue;
      codes = racimo_activity_get_codes (theirs_activity, RACIMO_ROLE (theirs_role));
      note = racimo_activity_get_note (theirs_activity, RACIMO_ROLE (theirs_role));
      if (codes != 0)
        racimo_project_set_codes (mine, copy, role, codes);
      if (note != NULL && note[0] != '\0')
        racimo_project_set_note (mine, copy, role, note);
    }
}

static void
take_own (RacimoProject  *mine,
          RacimoActivity *activity,
          RacimoActivity *theirs_activity)
{
  RacimoItem *item = RACIMO_ITEM (activity), *theirs = RACIMO_ITEM (theirs_activity);

  if (!_racimo_compare_text_equal (racimo_item_get_name (item), racimo_item_get_name (theirs)))
    racimo_project_rename (mine, item, racimo_item_get_name (theirs));
  if (!_racimo_compare_text_equal (racimo_item_get_description (item),
                                   racimo_item_get_description (theirs)))
    racimo_project_set_item_description (mine, item, racimo_item_get_description (theirs));
  if (racimo_activity_get_applicable (activity) != racimo_activity_get_applicable (theirs_activity))
    racimo_project_set_applicable (mine, activity,
                                   racimo_activity_get_applicable (theirs_activity));
}

static void
take_cell (RacimoProject  *mine,
           RacimoProject  *theirs,
           RacimoActivity *activity,
           const char     *role_id)
{
  RacimoItem *role = racimo_project_lookup (mine, role_id);
  const char *id = racimo_item_get_id (RACIMO_ITEM (activity));
  RacimoCodes codes = _racimo_compare_codes (theirs, id, role_id);
  const char *note = _racimo_compare_note (theirs, id, role_id);

  if (!RACIMO_IS_ROLE (role))
    return;
  if (racimo_activity_get_codes (activity, RACIMO_ROLE (role)) != codes)
    racimo_project_set_codes (mine, activity, RACIMO_ROLE (role), codes);
  if (!_racimo_compare_text_equal (racimo_activity_get_note (activity, RACIMO_ROLE (role)), note))
    racimo_project_set_note (mine, activity, RACIMO_ROLE (role), note);
}

static void
take (RacimoProject      *mine,
      RacimoProject      *theirs,
      const RacimoDifference *change)
{
  RacimoActivity *activity = find_activity (mine, change->activity_id);
  RacimoActivity *theirs_activity = find_activity (theirs, change->activity_id);
  RacimoPhase *phase;
  guint position;

  if (is_item_change (change))
    {
      take_item (mine, theirs, change);
      return;
    }

  switch (change->kind)
    {
    case RACIMO_DIFFERENCE_ADDED:
      if (activity == NULL && theirs_activity != NULL)
        take_added (mine, theirs, theirs_activity);
      break;
    case RACIMO_DIFFERENCE_REMOVED:
      if (activity != NULL)
        racimo_project_remove_activity (mine, activity);
      break;
    case RACIMO_DIFFERENCE_MOVED:
      if (activity != NULL && theirs_activity != NULL &&
          place_of (mine, theirs_activity, activity, &phase, &position))
        racimo_project_move_activity (mine, activity, phase, position);
      break;
    case RACIMO_DIFFERENCE_CHANGED:
      if (activity == NULL || theirs_activity == NULL)
        break;
      if (change->role_id == NULL)
        take_own (mine, activity, theirs_activity);
      else
        take_cell (mine, theirs, activity, change->role_id);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * racimo_difference_take_theirs:
 * @mine: the copy shown, which takes the change
 * @theirs: the copy the change comes from
 *
 * Makes @mine say what @theirs says of the row or cell of @change, as one
 * step of @mine's history.
 *
 * Returns: whether @mine could take it (see racimo_difference_can_take ())
 */
gboolean
racimo_difference_take_theirs (RacimoProject      *mine,
                           RacimoProject      *theirs,
                           const RacimoDifference *change)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, (gpointer) change);
  return racimo_differences_take_theirs (mine, theirs, one) == 1;
}

/* Where theirs has the item of @difference: people, then roles, then
 * phases, each by index; an activity by its phase, then its index */
static gint64
theirs_order (RacimoProject          *theirs,
              const RacimoDifference *difference)
{
  RacimoActivity *activity = find_activity (theirs, difference->activity_id);
  RacimoItem *item = item_of (theirs, difference);
  RacimoPhase *phase;

  if (RACIMO_IS_PERSON (item))
    return racimo_project_index_of_person (theirs, RACIMO_PERSON (item));
  if (RACIMO_IS_ROLE (item))
    return G_MAXINT32 + (gint64) racimo_project_index_of_role (theirs, RACIMO_ROLE (item));
  if (RACIMO_IS_PHASE (item))
    return 2 * (gint64) G_MAXINT32 + racimo_project_index_of_phase (theirs, RACIMO_PHASE (item));
  if (activity == NULL)
    return G_MAXINT64;
  phase = racimo_activity_get_phase (activity);
  return (gint64) racimo_project_index_of_phase (theirs, phase) * G_MAXINT32
         + racimo_phase_index_of (phase, activity);
}

static int
compare_theirs_order (gconstpointer a,
                      gconstpointer b,
                      gpointer      theirs)
{
  gint64 x = theirs_order (theirs, *(RacimoDifference **) a);
  gint64 y = theirs_order (theirs, *(RacimoDifference **) b);

  return x < y ? -1 : x > y;
}

/**
 * racimo_differences_take_theirs:
 * @changes: (element-type RacimoDifference): differences of
 *   racimo_differences_compare ()
 *
 * Takes every difference of @changes that @mine can take as one step of
 * @mine's history ("Take All Theirs" of a group).  People, roles and
 * phases added or moved come first, as members, cells and activities may
 * need them; activities added and moved after the other changes, and
 * roles, phases and people removed last, once the activities theirs moved
 * out of a phase are out.  What is placed goes in theirs' order, so that
 * each goes after one already where theirs has it.
 *
 * Returns: how many differences were taken
 */
guint
racimo_differences_take_theirs (RacimoProject *mine,
                                RacimoProject *theirs,
                                GPtrArray     *changes)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();   /* items placed, then the rest */
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GPtrArray) placed = g_ptr_array_new ();    /* activities */
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();   /* items */
  RacimoHistory *history;
  guint taken = 0;

  g_return_val_if_fail (RACIMO_IS_PROJECT (mine), 0);
  g_return_val_if_fail (RACIMO_IS_PROJECT (theirs), 0);
  g_return_val_if_fail (changes != NULL, 0);

  for (guint i = 0; i < changes->len; i++)
    {
      RacimoDifference *difference = g_ptr_array_index (changes, i);
      gboolean placing = difference->kind == RACIMO_DIFFERENCE_ADDED ||
                         difference->kind == RACIMO_DIFFERENCE_MOVED;

      if (is_item_change (difference))
        g_ptr_array_add (placing ? ordered
                         : difference->kind == RACIMO_DIFFERENCE_REMOVED ? removed
                                                                         : others,
                         difference);
      else
        g_ptr_array_add (placing ? placed : others, difference);
    }
  /* In theirs' order, so that each goes after one already where theirs has it */
  g_ptr_array_sort_with_data (ordered, compare_theirs_order, theirs);
  g_ptr_array_sort_with_data (placed, compare_theirs_order, theirs);
  g_ptr_array_extend (ordered, others, NULL, NULL);
  g_ptr_array_extend (ordered, placed, NULL, NULL);
  g_ptr_array_extend (ordered, removed, NULL, NULL);

  history = racimo_project_get_history (mine);
  racimo_history_begin (history, _("Take Theirs"));
  for (guint i = 0; i < ordered->len; i++)
    if (racimo_difference_can_take (mine, theirs, g_ptr_array_index (ordered, i)))
      {
        take (mine, theirs, g_ptr_array_index (ordered, i));
        taken++;
      }
  racimo_history_end (history);

  return taken;
}

/**
 * racimo_difference_get_group_key:
 *
 * Returns: what the changes of one group share: the phase's id, or a key
 *   that is no id ("#project", "#roles", "#people") for the other groups
 */
const char *
racimo_difference_get_group_key (const RacimoDifference *change)
{
  static const char *keys[] = { NULL, "#project", "#roles", "#people" };

  g_return_val_if_fail (change != NULL, NULL);

  return change->group == RACIMO_DIFFERENCE_GROUP_PHASE ? change->phase_id : keys[change->group];
}
