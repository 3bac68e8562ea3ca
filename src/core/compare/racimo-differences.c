/* racimo-differences.c: what another copy of the project changed, activity by
 * activity and cell by cell, and taking each change into the copy shown
 *
 * The window's compare mode marks these in the grid and lists them by
 * phase.  Items are matched by id (docs/file-format.md, "Identifiers"), as
 * racimo_diff () matches them; the changes of roles, phases, people and the
 * project itself are racimo_diff ()'s lines and not rows of the grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-differences.h"
#include "racimo-compare-private.h"
#include "racimo-model-private.h"

typedef struct
{
  RacimoProject *mine;
  RacimoProject *theirs;
  GPtrArray     *changes;
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
  g_ptr_array_add (changes->changes, change);
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
 * What @theirs changed of @mine's activities and cells, grouped by phase in
 * the order of @mine (phases only @theirs has last); in each phase, each
 * activity of @mine (moved, changed, then each changed cell in the order of
 * the roles), then the activities only @theirs has.
 *
 * Returns: (transfer container) (element-type RacimoDifference): the changes
 */
GPtrArray *
racimo_differences_compare (RacimoProject *mine,
                        RacimoProject *theirs)
{
  Changes changes = { mine, theirs,
                      g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_difference_free) };
  guint n;

  g_return_val_if_fail (RACIMO_IS_PROJECT (mine), NULL);
  g_return_val_if_fail (RACIMO_IS_PROJECT (theirs), NULL);

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
        add_added (&changes, phase, phase);
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

/**
 * racimo_difference_can_take:
 *
 * Whether @mine can take the change: an activity added or moved to a phase
 * that @mine lacks cannot.
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

  if (change->kind != RACIMO_DIFFERENCE_ADDED && change->kind != RACIMO_DIFFERENCE_MOVED)
    return TRUE;

  theirs_activity = find_activity (theirs, change->activity_id);
  return theirs_activity != NULL && place_of (mine, theirs_activity, NULL, &phase, &position);
}

static void
take_added (RacimoProject  *mine,
            RacimoProject  *theirs,
            RacimoActivity *theirs_activity)
{
  g_autoptr(RacimoActivity) copy = g_object_new (RACIMO_TYPE_ACTIVITY, NULL);
  RacimoItem *item = RACIMO_ITEM (theirs_activity);
  RacimoPhase *phase;
  guint position, n;

  if (!place_of (mine, theirs_activity, NULL, &phase, &position))
    return;

  _racimo_item_set_id (RACIMO_ITEM (copy), racimo_item_get_id (item));
  _racimo_item_set_name (RACIMO_ITEM (copy), racimo_item_get_name (item));
  _racimo_item_set_description (RACIMO_ITEM (copy), racimo_item_get_description (item));
  _racimo_activity_set_applicable (copy, racimo_activity_get_applicable (theirs_activity));
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

/* Where theirs has the activity of @difference: its phase, then its index */
static gint64
theirs_order (RacimoProject          *theirs,
              const RacimoDifference *difference)
{
  RacimoActivity *activity = find_activity (theirs, difference->activity_id);
  RacimoPhase *phase;

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
 * @mine's history ("Take All Theirs" of a phase).  Activities added and
 * moved are placed last, in theirs' order, so that each goes after an
 * activity already where theirs has it.
 *
 * Returns: how many differences were taken
 */
guint
racimo_differences_take_theirs (RacimoProject *mine,
                                RacimoProject *theirs,
                                GPtrArray     *changes)
{
  g_autoptr(GPtrArray) placed = g_ptr_array_new ();
  RacimoHistory *history;
  guint taken = 0;

  g_return_val_if_fail (RACIMO_IS_PROJECT (mine), 0);
  g_return_val_if_fail (RACIMO_IS_PROJECT (theirs), 0);
  g_return_val_if_fail (changes != NULL, 0);

  history = racimo_project_get_history (mine);
  racimo_history_begin (history, _("Take Theirs"));
  for (guint i = 0; i < changes->len; i++)
    {
      RacimoDifference *difference = g_ptr_array_index (changes, i);

      if (difference->kind == RACIMO_DIFFERENCE_ADDED ||
          difference->kind == RACIMO_DIFFERENCE_MOVED)
        g_ptr_array_add (placed, difference);
      else if (racimo_difference_can_take (mine, theirs, difference))
        {
          take (mine, theirs, difference);
          taken++;
        }
    }
  g_ptr_array_sort_with_data (placed, compare_theirs_order, theirs);
  for (guint i = 0; i < placed->len; i++)
    if (racimo_difference_can_take (mine, theirs, g_ptr_array_index (placed, i)))
      {
        take (mine, theirs, g_ptr_array_index (placed, i));
        taken++;
      }
  racimo_history_end (history);

  return taken;
}
