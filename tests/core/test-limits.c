/* test-limits.c: pathological but valid projects stay usable
 *
 * Each project opens, takes an edit, saves, and exports to CSV and PDF,
 * and what is saved reads back the same: 10,000 activities, 200 roles, a
 * name of 10,000 characters, a name of combining characters only, and
 * right-to-left text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "racimo-checks.h"
#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-pagination.h"
#include "racimo-test.h"

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
  g_autoptr(RacimoPaginationOptions) options = racimo_pagination_options_new ();
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
  g_assert_true (racimo_pagination_options_parse_fit (options, "tile", &error));
  g_assert_true (racimo_pagination_export_pdf (project, pdf, options, NULL, &error));
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

/* The file at @path holds "before" still; then it goes, and its folder @dir. */
static void
assert_still_before (const char *dir,
                     const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before");
  g_unlink (path);
  g_rmdir (dir);
}

/* Saving @project to a file that holds "before" is refused with a message
 * starting "PATH: @what", sync and async, and the file is unchanged. */
static void
assert_save_refused (RacimoProject *project,
                     const char    *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-limits-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "over.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = g_strconcat (path, ": ", what, NULL);
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "before", -1, NULL));

  g_assert_false (racimo_file_save (project, file, NULL, NULL, NULL, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (strlen (error->message), <, strlen (path) + 300);
  g_clear_error (&error);

  /* The window saves this way. */
  racimo_file_save_async (project, file, NULL, NULL, racimo_test_store_result, &result);
  /* No time limit: refusing the largest projects takes a while under the
   * sanitizers. */
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (racimo_file_save_finish (result, NULL, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  assert_still_before (dir, path);
}

/* The writer never writes what the reader refuses (issue 17): a text
 * over libxml2's 10,000,000 bytes, a file over 64 MiB.  Ids made from a
 * huge name stay short. */
static void
test_limits_save_refused (void)
{
  g_autoptr(RacimoProject) long_name = racimo_project_new ();
  g_autoptr(RacimoProject) large = racimo_project_new ();
  g_autoptr(RacimoProject) reopened = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RacimoRole *role;

  while (text->len < 10000000)
    g_string_append (text, "Data scientist ");
  g_string_truncate (text, 10000000);

  /* At the limit: it saves and opens again. */
  role = racimo_project_add_role (long_name, -1, text->str, NULL);
  g_assert_cmpuint (strlen (racimo_item_get_id (RACIMO_ITEM (role))), <=, 48);
  bytes = racimo_file_serialize (long_name);
  reopened = racimo_file_load_bytes (bytes, "limit.raci", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (reopened, 0)))),
                    ==, 10000000);

  /* One byte over */
  g_string_append_c (text, 'x');
  racimo_project_rename (long_name, RACIMO_ITEM (role), text->str);
  assert_save_refused (long_name, "not saved: a text of the project (\"Data scientist Data "
                                  "scientist …\") is longer than the 10 million bytes that "
                                  "Racimo can open again; the file was not changed");

  /* Seven descriptions of 9.9 MB: each is allowed, the file is not. */
  g_string_truncate (text, 9900000);
  for (guint i = 0; i < 7; i++)
    {
      role = racimo_project_add_role (large, -1, "Data scientist", NULL);
      racimo_project_set_item_description (large, RACIMO_ITEM (role), text->str);
    }
  assert_save_refused (large, "not saved: the project would make a file of 69.3\u00a0MB, and Racimo "
                              "opens files of at most 64 MiB; the file was not changed");
}

static void
on_csv_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The CSV export never writes what the CSV import refuses: a file over
 * 64 MiB.  Refused with a message that names the file, sync and async
 * (the window exports this way), and the file is unchanged. */
static void
test_limits_csv_export_refused (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-limits-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "over.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  RacimoPhase *phase;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "before", -1, NULL));

  /* Seven names of 9.9 MB: a .raci file may hold each, the CSV file is
   * 69.3 MB. */
  while (text->len < 9900000)
    g_string_append (text, "Train the model ");
  g_string_truncate (text, 9900000);
  racimo_project_add_role (project, -1, "Data scientist", NULL);
  phase = racimo_project_add_phase (project, -1, "Build");
  for (guint i = 0; i < 7; i++)
    racimo_project_add_activity (project, phase, -1, text->str);

  expected = g_strconcat (path, ": not exported: the CSV file would be 69.3\u00a0MB, and "
                          "Racimo imports CSV files of at most 64 MiB; the file was not "
                          "changed", NULL);

  g_assert_false (racimo_csv_save (project, file, NULL, NULL, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  racimo_csv_save_async (project, file, NULL, NULL, on_csv_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (racimo_csv_save_finish (result, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  assert_still_before (dir, path);
}

/* A cell of a spreadsheet becomes a name, never a huge id. */
static void
test_limits_csv_huge_cell (void)
{
  g_autoptr(GString) csv = g_string_new ("Activity,");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (csv, "Data scientist ");
  g_string_append (csv, "\r\nTrain the model,R\r\n");
  bytes = g_bytes_new (csv->str, csv->len);

  project = racimo_csv_import_bytes (bytes, "huge.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (racimo_item_get_id (RACIMO_ITEM (racimo_project_get_role (project, 0)))),
                    <=, 48);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (racimo_project_get_role (project, 0))), ==,
                   "data-scientist-data-scientist-data-scientist-dat");
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
  g_test_add_func ("/limits/save-refused", test_limits_save_refused);
  g_test_add_func ("/limits/csv-huge-cell", test_limits_csv_huge_cell);
  g_test_add_func ("/limits/csv-export-refused", test_limits_csv_export_refused);

  return g_test_run ();
}
