/* test-limits.c: pathological but valid projects stay usable
 *
 * Each project opens, takes an edit, saves, and exports to CSV and PDF,
 * and what is saved reads back the same: 10,000 activities, 200 roles, a
 * name of 10,000 characters, a name of combining characters only, and
 * right-to-left text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "racimo-checks.h"
#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-layout.h"

static RacimoProject *
make_project (guint       n_activities,
              guint       n_roles,
              const char *name)
{
  RacimoProject *project = racimo_project_new ();
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoPhase *phase = NULL;

  racimo_history_begin (history, NULL);
  racimo_project_set_title (project, name);

  for (guint r = 0; r < n_roles; r++)
    {
      g_autofree char *role_name = g_strdup_printf ("%s %u", name, r + 1);

      racimo_project_add_role (project, -1, role_name, NULL);
    }

  for (guint a = 0; a < n_activities; a++)
    {
      g_autofree char *activity_name = g_strdup_printf ("%s %u", name, a + 1);
      RacimoActivity *activity;

      if (a % 200 == 0)
        phase = racimo_project_add_phase (project, -1, name);

      activity = racimo_project_add_activity (project, phase, -1, activity_name);
      racimo_project_set_codes (project, activity,
                                racimo_project_get_role (project, a % n_roles),
                                RACIMO_CODE_BIT ('A') | RACIMO_CODE_BIT ('R'));
      racimo_project_set_codes (project, activity,
                                racimo_project_get_role (project, (a * 7 + 3) % n_roles),
                                RACIMO_CODE_BIT ('C'));
    }

  racimo_history_end (history);
  racimo_history_clear (history);
  racimo_history_mark_saved (history);

  return project;
}

/* Opens, edits, saves, exports; every step must succeed and keep the
 * content. */
static void
exercise (RacimoProject *original)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = racimo_file_serialize (original);
  g_autoptr(RacimoProject) project = racimo_file_load_bytes (saved, "limits.raci", &error);
  g_autoptr(RacimoChecks) checks = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(RacimoProject) reopened = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(RacimoProject) imported = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RacimoLayoutOptions) options = racimo_layout_options_new ();
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  RacimoPhase *phase;
  RacimoActivity *first;
  RacimoRole *role;

  g_assert_no_error (error);
  checks = racimo_checks_new (project);

  /* An edit: the last role takes the owner code of the first activity. */
  phase = racimo_project_get_phase (project, 0);
  first = racimo_phase_get_activity (phase, 0);
  role = racimo_project_get_role (project, racimo_project_get_n_roles (project) - 1);
  racimo_project_toggle_code (project, first, role, 'I');
  g_assert_true (racimo_history_get_modified (racimo_project_get_history (project)));

  edited = racimo_file_serialize (project);
  reopened = racimo_file_load_bytes (edited, "limits.raci", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racimo_project_get_n_activities (reopened), ==,
                    racimo_project_get_n_activities (original));
  g_assert_cmpuint (racimo_project_get_n_roles (reopened), ==,
                    racimo_project_get_n_roles (original));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (reopened, 0))),
                   ==, racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (original, 0))));
  {
    RacimoActivity *again = racimo_phase_get_activity (racimo_project_get_phase (reopened, 0), 0);
    RacimoRole *last = racimo_project_get_role (reopened, racimo_project_get_n_roles (reopened) - 1);

    g_assert_true (racimo_activity_get_codes (again, last) & RACIMO_CODE_BIT ('I'));
  }

  csv = racimo_csv_export (project, NULL);
  imported = racimo_csv_import_bytes (csv, "limits.csv", &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racimo_project_get_n_activities (imported), ==,
                    racimo_project_get_n_activities (project));

  dir = g_dir_make_tmp ("racimo-limits-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "limits.pdf", NULL);
  g_assert_true (racimo_layout_options_parse_fit (options, "tile", &error));
  g_assert_true (racimo_layout_export_pdf (project, pdf, options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_limits_many_activities (void)
{
  g_autoptr(RacimoProject) project = make_project (10000, 8, "Activity");

  exercise (project);
}

static void
test_limits_many_roles (void)
{
  g_autoptr(RacimoProject) project = make_project (60, 200, "Role");

  exercise (project);
}

static void
test_limits_long_name (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(RacimoProject) project = NULL;

  while (name->len < 10000)
    g_string_append (name, "Retraining pipeline ");
  g_string_truncate (name, 10000);

  project = make_project (30, 6, name->str);
  exercise (project);
}

static void
test_limits_combining (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(RacimoProject) project = NULL;

  /* Combining marks with nothing to combine with. */
  for (guint i = 0; i < 40; i++)
    g_string_append (name, "\xcc\x81\xcc\x88\xe2\x83\x9d");

  project = make_project (30, 6, name->str);
  exercise (project);
}

static void
test_limits_right_to_left (void)
{
  /* Arabic and Hebrew, with Latin inside. */
  g_autoptr(RacimoProject) project =
    make_project (30, 6, "نشر النموذج MLOps פריסת המודל");

  exercise (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/many-activities", test_limits_many_activities);
  g_test_add_func ("/limits/many-roles", test_limits_many_roles);
  g_test_add_func ("/limits/long-name", test_limits_long_name);
  g_test_add_func ("/limits/combining", test_limits_combining);
  g_test_add_func ("/limits/right-to-left", test_limits_right_to_left);

  return g_test_run ();
}
