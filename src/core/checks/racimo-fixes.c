/* racimo-fixes.c: quick fixes of findings, each one undoable step
 *
 * What the checks panel and the scheme menu offer beside waiving a
 * finding: keeping one owner of several, and switching scheme with the
 * doer's code carried over (RACI's R is DACI's D).  Each goes through the
 * project's setters between racimo_history_begin () and
 * racimo_history_end (), named for what the user chose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-fixes.h"
#include "racimo-history.h"

/**
 * racimo_fixes_make_owner:
 * @role: a role of the project
 *
 * Gives @role the owner's code for @activity: the fix of "No owner".
 */
void
racimo_fixes_make_owner (RacimoProject  *project,
                         RacimoActivity *activity,
                         RacimoRole     *role)
{
  const RacimoScheme *scheme;
  RacimoHistory *history;
  g_autofree char *label = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));
  g_return_if_fail (RACIMO_IS_ROLE (role));

  scheme = racimo_project_get_scheme (project);
  history = racimo_project_get_history (project);
  if (scheme->doer_exactly_one)
    /* Translators: what Undo undoes after the DACI quick fix */
    label = g_strdup_printf (_("Make %s the Approver"), racimo_item_get_name (RACIMO_ITEM (role)));
  else
    /* Translators: what Undo undoes after the quick fix */
    label = g_strdup_printf (_("Make %s Accountable"), racimo_item_get_name (RACIMO_ITEM (role)));

  /* One step, named for what the user chose. */
  racimo_history_begin (history, label);
  racimo_project_set_codes (project, activity, role,
                            racimo_activity_get_codes (activity, role)
                            | RACIMO_CODE_BIT (scheme->owner));
  racimo_history_end (history);
}

/**
 * racimo_fixes_keep_only_owner:
 * @owner: one of the roles that own @activity
 *
 * Takes the owner's code away from every other role of @activity: the fix
 * of "Several owners".
 */
void
racimo_fixes_keep_only_owner (RacimoProject  *project,
                              RacimoActivity *activity,
                              RacimoRole     *owner)
{
  RacimoCodes bit;
  RacimoHistory *history;
  g_autofree char *label = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));
  g_return_if_fail (RACIMO_IS_ROLE (owner));

  bit = RACIMO_CODE_BIT (racimo_project_get_scheme (project)->owner);
  history = racimo_project_get_history (project);
  /* Translators: what Undo undoes after the quick fix of "Several
   * owners"; %s is the role kept as the owner */
  label = g_strdup_printf (_("Keep Only %s Accountable"),
                           racimo_item_get_name (RACIMO_ITEM (owner)));

  racimo_history_begin (history, label);
  for (guint i = 0; i < racimo_project_get_n_roles (project); i++)
    {
      RacimoRole *role = racimo_project_get_role (project, i);
      RacimoCodes codes = racimo_activity_get_codes (activity, role);

      if (role != owner && (codes & bit) != 0)
        racimo_project_set_codes (project, activity, role, codes & ~bit);
    }
  racimo_history_end (history);
}

/* Calls @func on every activity of @project */
static void
foreach_activity (RacimoProject *project,
                  void         (*func) (RacimoProject  *project,
                                        RacimoActivity *activity,
                                        gpointer        data),
                  gpointer       data)
{
  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        func (project, racimo_phase_get_activity (phase, a), data);
    }
}

typedef struct
{
  RacimoCodes from;   /* the doer's code now */
  RacimoCodes to;     /* in the new scheme */
  gboolean    apply;  /* change the cells, or only count them */
  guint       n;
} Mapping;

/* The doer's code of the project's scheme, and of @scheme_id's, when the
 * two differ; FALSE when there is nothing to carry over */
static gboolean
mapping_init (RacimoProject *project,
              const char    *scheme_id,
              gboolean       apply,
              Mapping       *mapping)
{
  const RacimoScheme *now = racimo_project_get_scheme (project);
  const RacimoScheme *next = racimo_scheme_lookup (scheme_id);

  *mapping = (Mapping) { 0, 0, apply, 0 };
  if (next == NULL || next == now || now->doer == next->doer
      || racimo_scheme_code_index (next, now->doer) >= 0)
    return FALSE;

  mapping->from = RACIMO_CODE_BIT (now->doer);
  mapping->to = RACIMO_CODE_BIT (next->doer);
  return TRUE;
}

static void
map_cells (RacimoProject  *project,
           RacimoActivity *activity,
           gpointer        data)
{
  Mapping *mapping = data;

  for (guint i = 0; i < racimo_project_get_n_roles (project); i++)
    {
      RacimoRole *role = racimo_project_get_role (project, i);
      RacimoCodes codes = racimo_activity_get_codes (activity, role);

      if ((codes & mapping->from) == 0)
        continue;

      mapping->n++;
      if (mapping->apply)
        racimo_project_set_codes (project, activity, role,
                                  (codes & ~mapping->from) | mapping->to);
    }
}

/**
 * racimo_fixes_count_unmapped:
 * @scheme_id: the scheme the user is switching to
 *
 * Returns: how many cells hold the doer's code of the project's scheme
 *   that @scheme_id does not define and names with another letter (RACI's
 *   R in DACI, where D is the doer); 0 when there is nothing to carry over
 */
guint
racimo_fixes_count_unmapped (RacimoProject *project,
                             const char    *scheme_id)
{
  Mapping mapping;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), 0);
  g_return_val_if_fail (scheme_id != NULL, 0);

  if (!mapping_init (project, scheme_id, FALSE, &mapping))
    return 0;

  foreach_activity (project, map_cells, &mapping);
  return mapping.n;
}

/**
 * racimo_fixes_switch_scheme:
 * @scheme_id: the scheme to switch to
 *
 * Switches the project to @scheme_id and gives the doer's code of the old
 * scheme the new scheme's letter in every cell, in one step.
 */
void
racimo_fixes_switch_scheme (RacimoProject *project,
                            const char    *scheme_id)
{
  RacimoHistory *history;
  Mapping mapping;
  g_autofree char *label = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (racimo_scheme_lookup (scheme_id) != NULL);

  if (!mapping_init (project, scheme_id, TRUE, &mapping))
    {
      racimo_project_set_scheme (project, scheme_id);
      return;
    }

  history = racimo_project_get_history (project);
  /* Translators: what Undo undoes after switching scheme with the codes
   * carried over; %s is a scheme, such as "DACI" */
  label = g_strdup_printf (_("Switch to %s"), scheme_id);
  racimo_history_begin (history, label);
  foreach_activity (project, map_cells, &mapping);
  racimo_project_set_scheme (project, scheme_id);
  racimo_history_end (history);
}
