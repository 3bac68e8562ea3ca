/* racimo-resolve.c: Keep Mine and Take Theirs, for a conflict a merge
 * recorded (docs/file-format.md, "Conflicts")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-compare-private.h"
#include "racimo-compare.h"

static RacimoCodes
parse_codes (const char *letters)
{
  RacimoCodes codes = 0;

  for (const char *p = letters; p != NULL && *p != '\0'; p++)
    if (RACIMO_CODE_IS_VALID (*p))
      codes |= RACIMO_CODE_BIT (*p);

  return codes;
}

/* Puts @item where theirs had it: @place is a phase (an activity moved to
 * another phase), the item it follows, or "" for the top of its list. */
static void
take_place (RacimoProject *project,
            RacimoItem    *item,
            const char    *place)
{
  RacimoItem *after = place[0] != '\0' ? racimo_project_lookup (project, place) : NULL;

  if (RACIMO_IS_ACTIVITY (item))
    {
      RacimoActivity *activity = RACIMO_ACTIVITY (item);
      RacimoPhase *phase = racimo_activity_get_phase (activity);
      guint position = 0;

      if (RACIMO_IS_PHASE (after))
        {
          phase = RACIMO_PHASE (after);
          position = racimo_phase_get_n_activities (phase) -
                     (racimo_activity_get_phase (activity) == phase ? 1 : 0);
        }
      else if (RACIMO_IS_ACTIVITY (after) && after != item)
        {
          phase = racimo_activity_get_phase (RACIMO_ACTIVITY (after));
          position = (guint) racimo_phase_index_of (phase, RACIMO_ACTIVITY (after)) + 1;
          if (racimo_activity_get_phase (activity) == phase &&
              racimo_phase_index_of (phase, activity) < (int) position)
            position--;
        }
      racimo_project_move_activity (project, activity, phase, position);
      return;
    }

  {
    int from, to = 0;

    if (RACIMO_IS_PERSON (item))
      {
        from = racimo_project_index_of_person (project, RACIMO_PERSON (item));
        if (RACIMO_IS_PERSON (after))
          to = racimo_project_index_of_person (project, RACIMO_PERSON (after)) + 1;
      }
    else if (RACIMO_IS_ROLE (item))
      {
        from = racimo_project_index_of_role (project, RACIMO_ROLE (item));
        if (RACIMO_IS_ROLE (after))
          to = racimo_project_index_of_role (project, RACIMO_ROLE (after)) + 1;
      }
    else
      {
        from = racimo_project_index_of_phase (project, RACIMO_PHASE (item));
        if (RACIMO_IS_PHASE (after))
          to = racimo_project_index_of_phase (project, RACIMO_PHASE (after)) + 1;
      }

    if (from < to)
      to--;

    if (RACIMO_IS_PERSON (item))
      racimo_project_move_person (project, RACIMO_PERSON (item), (guint) to);
    else if (RACIMO_IS_ROLE (item))
      racimo_project_move_role (project, RACIMO_ROLE (item), (guint) to);
    else
      racimo_project_move_phase (project, RACIMO_PHASE (item), (guint) to);
  }
}

/**
 * racimo_merge_take_theirs:
 * @project: the merged project
 * @item: (nullable): the item holding the conflict, %NULL for the project's own
 * @n: which of its conflicts
 *
 * Resolves a recorded conflict with what theirs had: the cell's codes, the
 * note, the name or other text, the place, or the removal; one undoable
 * step.  racimo_project_resolve_conflict () keeps ours.
 */
void
racimo_merge_take_theirs (RacimoProject *project,
                          RacimoItem    *item,
                          guint          n)
{
  RacimoHistory *history;
  g_autoptr(RacimoConflict) conflict = NULL;
  RacimoItem *role;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (n < (item != NULL ? racimo_item_get_n_conflicts (item)
                                      : racimo_project_get_n_conflicts (project)));

  conflict = racimo_conflict_copy (item != NULL ? racimo_item_get_conflict (item, n)
                                                : racimo_project_get_conflict (project, n));
  role = conflict->role != NULL ? racimo_project_lookup (project, conflict->role) : NULL;
  history = racimo_project_get_history (project);

  racimo_history_begin (history, _("Take Theirs"));
  racimo_project_resolve_conflict (project, item, n);

  if (item == NULL)
    {
      if (g_strcmp0 (conflict->field, "name") == 0)
        racimo_project_set_title (project, conflict->theirs);
      else if (g_strcmp0 (conflict->field, "description") == 0)
        racimo_project_set_description (project, conflict->theirs);
    }
  else if (RACIMO_IS_ACTIVITY (item) && RACIMO_IS_ROLE (role) && conflict->field == NULL)
    racimo_project_set_codes (project, RACIMO_ACTIVITY (item), RACIMO_ROLE (role),
                              parse_codes (conflict->theirs));
  else if (RACIMO_IS_ACTIVITY (item) && RACIMO_IS_ROLE (role))
    racimo_project_set_note (project, RACIMO_ACTIVITY (item), RACIMO_ROLE (role),
                             conflict->theirs);
  else if (g_strcmp0 (conflict->field, "name") == 0)
    racimo_project_rename (project, item, conflict->theirs);
  else if (g_strcmp0 (conflict->field, "description") == 0)
    racimo_project_set_item_description (project, item, conflict->theirs);
  else if (g_strcmp0 (conflict->field, "applicable") == 0 && RACIMO_IS_ACTIVITY (item))
    racimo_project_set_applicable (project, RACIMO_ACTIVITY (item),
                                   g_strcmp0 (conflict->theirs, "no") != 0);
  else if (g_strcmp0 (conflict->field, "abbrev") == 0 && RACIMO_IS_ROLE (item))
    racimo_project_set_role_abbrev (project, RACIMO_ROLE (item), conflict->theirs);
  else if (g_strcmp0 (conflict->field, "email") == 0 && RACIMO_IS_PERSON (item))
    racimo_project_set_person_email (project, RACIMO_PERSON (item), conflict->theirs);
  else if (g_strcmp0 (conflict->field, "removed") == 0 && conflict->theirs[0] == '\0')
    _racimo_compare_remove (project, item);
  else if (g_strcmp0 (conflict->field, "position") == 0)
    take_place (project, item, conflict->theirs);

  racimo_history_end (history);
}

/**
 * racimo_merge_keep_mine:
 * @project: the merged project
 * @item: (nullable): the item holding the conflict, %NULL for the project's own
 * @n: which of its conflicts
 *
 * Resolves a recorded conflict with what ours had, which the file holds,
 * except when ours had removed the item: then it goes.  One undoable step.
 */
void
racimo_merge_keep_mine (RacimoProject *project,
                        RacimoItem    *item,
                        guint          n)
{
  RacimoHistory *history;
  const RacimoConflict *conflict;
  gboolean removed;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (n < (item != NULL ? racimo_item_get_n_conflicts (item)
                                      : racimo_project_get_n_conflicts (project)));

  conflict = item != NULL ? racimo_item_get_conflict (item, n)
                          : racimo_project_get_conflict (project, n);
  removed = item != NULL && g_strcmp0 (conflict->field, "removed") == 0 &&
            conflict->ours[0] == '\0';
  history = racimo_project_get_history (project);

  racimo_history_begin (history, _("Keep Mine"));
  racimo_project_resolve_conflict (project, item, n);
  if (removed)
    _racimo_compare_remove (project, item);
  racimo_history_end (history);
}
