/* racimo-workload.c: a role's workload, counted under one rule
 *
 * The rule: only activities that apply count.  An activity marked as not
 * applying keeps its codes (so that marking it back restores them), but
 * no one works on it: the matrix's workload row, the role details, the
 * printed summary and the overloaded-role check all leave it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "racimo-workload.h"

/**
 * racimo_workload_counts_activity:
 * @activity: an activity
 *
 * The rule of every workload count: whether the codes of @activity count
 * in the workload of the roles that hold them.
 *
 * Returns: %TRUE when @activity applies
 */
gboolean
racimo_workload_counts_activity (RacimoActivity *activity)
{
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (activity), FALSE);

  return racimo_activity_get_applicable (activity);
}

/**
 * racimo_workload_count_role:
 * @project: a project
 * @role: a role of @project
 * @workload: (out caller-allocates): the counts
 *
 * Counts the codes that @role holds over the whole of @project, in the
 * activities that count (racimo_workload_counts_activity()).
 */
void
racimo_workload_count_role (RacimoProject  *project,
                            RacimoRole     *role,
                            RacimoWorkload *workload)
{
  guint n_phases;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ROLE (role));
  g_return_if_fail (workload != NULL);

  memset (workload, 0, sizeof *workload);
  n_phases = racimo_project_get_n_phases (project);

  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint a = 0; a < n; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          if (racimo_workload_counts_activity (activity))
            racimo_workload_update (workload, 0, racimo_activity_get_codes (activity, role));
        }
    }
}

/**
 * racimo_workload_count_person:
 * @project: a project
 * @person: a person of @project
 * @workload: (out caller-allocates): the counts
 *
 * Counts the codes that @person holds through all of their roles, in the
 * activities that count: an activity counts once for a code, whichever of
 * the person's roles holds it.
 */
void
racimo_workload_count_person (RacimoProject  *project,
                              RacimoPerson   *person,
                              RacimoWorkload *workload)
{
  g_autoptr(GPtrArray) roles = NULL;
  guint n_phases;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_PERSON (person));
  g_return_if_fail (workload != NULL);

  memset (workload, 0, sizeof *workload);

  roles = racimo_project_dup_roles_of (project, person);
  if (roles->len == 0)
    return;

  n_phases = racimo_project_get_n_phases (project);
  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint a = 0; a < n; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);
          RacimoCodes codes = 0;

          if (!racimo_workload_counts_activity (activity))
            continue;
          for (guint r = 0; r < roles->len; r++)
            codes |= racimo_activity_get_codes (activity, g_ptr_array_index (roles, r));
          racimo_workload_update (workload, 0, codes);
        }
    }
}

/**
 * racimo_workload_update:
 * @workload: the counts of one role
 * @old_codes: what the role held in one activity that counts
 * @new_codes: what it holds there now
 *
 * Follows one cell's change, so that a view keeps its counts without
 * counting again: 0 to @codes adds an activity, @codes to 0 takes it away.
 */
void
racimo_workload_update (RacimoWorkload *workload,
                        RacimoCodes     old_codes,
                        RacimoCodes     new_codes)
{
  g_return_if_fail (workload != NULL);

  for (guint l = 0; l < G_N_ELEMENTS (workload->per_code); l++)
    {
      RacimoCodes bit = 1u << l;

      if ((old_codes & bit) && !(new_codes & bit))
        workload->per_code[l]--;
      else if (!(old_codes & bit) && (new_codes & bit))
        workload->per_code[l]++;
    }

  if (old_codes != 0 && new_codes == 0)
    workload->n_activities--;
  else if (old_codes == 0 && new_codes != 0)
    workload->n_activities++;
}

/**
 * racimo_workload_get_count:
 * @workload: the counts of one role
 * @code: a code letter, 'A' to 'Z'
 *
 * Returns: in how many activities that count the role holds @code
 */
guint
racimo_workload_get_count (const RacimoWorkload *workload,
                           char                  code)
{
  g_return_val_if_fail (workload != NULL, 0);
  g_return_val_if_fail (RACIMO_CODE_IS_VALID (code), 0);

  return workload->per_code[code - 'A'];
}
