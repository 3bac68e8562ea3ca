/* bench-people.c: a change of a role's members re-checks in 2 ms
 *
 * The large project of docs/design-targets.md ("Test projects") with 20
 * people, each in two roles, and its checks.  A member added to a role and
 * taken away again re-checks only that person and that role
 * (docs/design-targets.md, "Targets and their benchmarks"):
 *   one member change, with the checks     < 2 ms (median)
 * The same on 200 activities is printed beside it: counting a person's
 * workload again walks the activities once, so it grows with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-bench.h"
#include "racimo-checks.h"
#include "racimo-large-project.h"

#define EDITS 200
#define N_PEOPLE 20

static double
measure (guint n_activities)
{
  g_autoptr(RacimoProject) project = racimo_large_project_new (n_activities, 20, 40, 7);
  g_autoptr(RacimoChecks) checks = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_roles = racimo_project_get_n_roles (project);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);
      RacimoPerson *person = racimo_project_add_person (project, -1, name, NULL);

      racimo_project_add_member (project, racimo_project_get_role (project, (2 * i) % n_roles),
                                 person);
      racimo_project_add_member (project,
                                 racimo_project_get_role (project, (2 * i + 1) % n_roles),
                                 person);
    }

  checks = racimo_checks_new (project);

  for (guint i = 0; i < EDITS; i++)
    {
      RacimoPerson *person = racimo_project_get_person (project, i % N_PEOPLE);
      RacimoRole *role = racimo_project_get_role (project, (i * 7 + 3) % n_roles);
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      if (racimo_role_index_of_member (role, person) >= 0)
        racimo_project_remove_member (project, role, person);
      else
        racimo_project_add_member (project, role, person);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_assert_cmpuint (racimo_checks_get_n_warnings (checks), >, 0);

  return racimo_bench_median_of (times);
}

int
main (int   argc,
      char *argv[])
{
  double large = measure (2000);
  double small = measure (200);
  gboolean ok = large < 2.0;

  g_print ("member change, 2,000 activities: %.3f ms (bound 2 ms) %s\n", large,
           ok ? "ok" : "MISSED");
  g_print ("member change, 200 activities: %.3f ms\n", small);

  return ok ? 0 : 1;
}
