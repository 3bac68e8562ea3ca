/* racimo-large-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-large-project.h"

RacimoProject *
racimo_large_project_new (guint   n_activities,
                          guint   n_phases,
                          guint   n_roles,
                          guint32 seed)
{
  static const char * const verbs[] = {
    "Define", "Review", "Collect", "Label", "Train", "Evaluate", "Deploy", "Monitor",
    "Document", "Approve", "Integrate", "Secure",
  };
  static const char * const things[] = {
    "business goal", "customer journey", "training data", "feature pipeline", "baseline model",
    "retraining pipeline", "drift alerts", "serving endpoint", "access control", "KPI report",
  };
  static const char others[] = "RCI";
  RacimoProject *project = racimo_project_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  RacimoHistory *history = racimo_project_get_history (project);
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();

  racimo_history_begin (history, NULL);

  racimo_project_set_title (project, "Generated project");

  for (guint r = 0; r < n_roles; r++)
    {
      g_autofree char *name = g_strdup_printf ("Role number %u", r + 1);
      g_autofree char *abbrev = g_strdup_printf ("R%u", r + 1);

      g_ptr_array_add (roles, racimo_project_add_role (project, -1, name, abbrev));
    }

  for (guint p = 0; p < n_phases; p++)
    {
      g_autofree char *phase_name = g_strdup_printf ("Phase %u", p + 1);
      RacimoPhase *phase = racimo_project_add_phase (project, -1, phase_name);
      guint first = p * n_activities / n_phases;
      guint last = (p + 1) * n_activities / n_phases;

      for (guint a = first; a < last; a++)
        {
          g_autofree char *name = g_strdup_printf ("%s the %s, step %u",
                                                   verbs[a % G_N_ELEMENTS (verbs)],
                                                   things[(a / 7) % G_N_ELEMENTS (things)],
                                                   a + 1);
          RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, name);
          guint owner = g_rand_int_range (rand, 0, (gint32) n_roles);

          /* About a third of the cells hold a code; one owner per activity
           * except every 50th, so that some rows are highlighted. */
          for (guint r = 0; r < n_roles; r++)
            {
              RacimoCodes set = 0;

              if (r == owner && a % 50 != 0)
                set |= RACIMO_CODE_BIT ('A');
              else if (g_rand_int_range (rand, 0, 3) == 0)
                set |= RACIMO_CODE_BIT (others[g_rand_int_range (rand, 0, 3)]);
              if (set != 0)
                racimo_project_set_codes (project, activity, g_ptr_array_index (roles, r), set);
            }
        }
    }

  racimo_history_end (history);
  racimo_history_clear (history);
  racimo_history_mark_saved (history);

  return project;
}
