/* test-workload.c: a role's workload, as the matrix's workload row, the
 * role details and the printed summary show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "racimo-core.h"

#define BIT RACIMO_CODE_BIT

typedef struct
{
  RacimoProject  *project;
  RacimoRole     *lead;
  RacimoRole     *dev;
  RacimoActivity *plan;
  RacimoActivity *build;
  RacimoActivity *audit;
} Fixture;

/* Three activities; the lead is A on all three, R on one, and the audit
 * does not apply. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  RacimoPhase *phase;

  f->project = racimo_project_new ();
  f->lead = racimo_project_add_role (f->project, -1, "Lead", "L");
  f->dev = racimo_project_add_role (f->project, -1, "Developer", "D");
  phase = racimo_project_add_phase (f->project, -1, "Work");
  f->plan = racimo_project_add_activity (f->project, phase, -1, "Plan");
  f->build = racimo_project_add_activity (f->project, phase, -1, "Build");
  f->audit = racimo_project_add_activity (f->project, phase, -1, "Audit");

  racimo_project_set_codes (f->project, f->plan, f->lead, BIT ('A') | BIT ('R'));
  racimo_project_set_codes (f->project, f->build, f->lead, BIT ('A'));
  racimo_project_set_codes (f->project, f->build, f->dev, BIT ('R'));
  racimo_project_set_codes (f->project, f->audit, f->lead, BIT ('A') | BIT ('Z'));
  racimo_project_set_applicable (f->project, f->audit, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
}

/* An activity that does not apply keeps its codes but adds no work. */
static void
test_not_applicable (Fixture       *f,
                     gconstpointer  data)
{
  RacimoWorkload workload;

  g_assert_true (racimo_workload_counts_activity (f->plan));
  g_assert_false (racimo_workload_counts_activity (f->audit));
  g_assert_cmphex (racimo_activity_get_codes (f->audit, f->lead), ==, BIT ('A') | BIT ('Z'));

  racimo_workload_count_role (f->project, f->lead, &workload);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'A'), ==, 2);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'R'), ==, 1);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'Z'), ==, 0);
  g_assert_cmpuint (workload.n_activities, ==, 2);

  racimo_workload_count_role (f->project, f->dev, &workload);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'R'), ==, 1);
  g_assert_cmpuint (workload.n_activities, ==, 1);

  /* Applying again brings its codes back into the count. */
  racimo_project_set_applicable (f->project, f->audit, TRUE);
  racimo_workload_count_role (f->project, f->lead, &workload);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'A'), ==, 3);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'Z'), ==, 1);
  g_assert_cmpuint (workload.n_activities, ==, 3);
}

/* A view that follows cell edits with racimo_workload_update () ends
 * where a count from scratch does. */
static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  RacimoWorkload followed, counted;

  racimo_workload_count_role (f->project, f->dev, &followed);

  racimo_project_set_codes (f->project, f->plan, f->dev, BIT ('C'));
  racimo_workload_update (&followed, 0, BIT ('C'));
  racimo_project_set_codes (f->project, f->build, f->dev, BIT ('R') | BIT ('I'));
  racimo_workload_update (&followed, BIT ('R'), BIT ('R') | BIT ('I'));
  racimo_project_set_codes (f->project, f->plan, f->dev, 0);
  racimo_workload_update (&followed, BIT ('C'), 0);

  racimo_workload_count_role (f->project, f->dev, &counted);
  g_assert_cmpmem (&followed, sizeof followed, &counted, sizeof counted);
  g_assert_cmpuint (racimo_workload_get_count (&counted, 'I'), ==, 1);
  g_assert_cmpuint (racimo_workload_get_count (&counted, 'C'), ==, 0);
  g_assert_cmpuint (counted.n_activities, ==, 1);
}

/* The overloaded-role check counts the same activities: with two more
 * that apply and one more that does not, the lead holds A on 4 of the 4
 * activities that apply, which the check reports as 4 of 4. */
static void
test_checks_agree (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RacimoChecks) checks = racimo_checks_new (f->project);
  RacimoPhase *phase = racimo_activity_get_phase (f->plan);
  RacimoFinding *finding;
  GPtrArray *findings;
  RacimoWorkload workload;

  for (guint i = 0; i < 3; i++)
    {
      RacimoActivity *activity = racimo_project_add_activity (f->project, phase, -1, "More");

      racimo_project_set_codes (f->project, activity, f->lead, BIT ('A'));
      if (i == 2)
        racimo_project_set_applicable (f->project, activity, FALSE);
    }

  racimo_workload_count_role (f->project, f->lead, &workload);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'A'), ==, 4);

  findings = racimo_checks_get_item_findings (checks, RACIMO_ITEM (f->lead));
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (finding->check, ==, RACIMO_CHECK_OVERLOADED_ROLE);
  g_assert_nonnull (strstr (finding->message, " 4 of 4 "));
}

/* A person's workload through all of their roles: an activity counts
 * once for a code, whichever of their roles holds it, and only the
 * activities that count for a role count. */
static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  RacimoPerson *sato = racimo_project_add_person (f->project, -1, "Sato Hanako", NULL);
  RacimoWorkload workload;

  racimo_workload_count_person (f->project, sato, &workload);
  g_assert_cmpuint (workload.n_activities, ==, 0);

  racimo_project_add_member (f->project, f->lead, sato);
  racimo_project_add_member (f->project, f->dev, sato);
  racimo_workload_count_person (f->project, sato, &workload);
  /* R on Plan (lead) and Build (developer); A on both through the lead */
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'R'), ==, 2);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'A'), ==, 2);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'Z'), ==, 0);
  g_assert_cmpuint (workload.n_activities, ==, 2);

  /* Both roles R on Plan: still one activity */
  racimo_project_set_codes (f->project, f->plan, f->dev, BIT ('R'));
  racimo_workload_count_person (f->project, sato, &workload);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'R'), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/workload/not-applicable", Fixture, NULL,
              fixture_set_up, test_not_applicable, fixture_tear_down);
  g_test_add ("/workload/update", Fixture, NULL,
              fixture_set_up, test_update, fixture_tear_down);
  g_test_add ("/workload/checks-agree", Fixture, NULL,
              fixture_set_up, test_checks_agree, fixture_tear_down);
  g_test_add ("/workload/person", Fixture, NULL,
              fixture_set_up, test_person, fixture_tear_down);

  return g_test_run ();
}
