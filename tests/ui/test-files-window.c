/* test-files-window.c: opening, importing, saving and reloading files in
 * the window, as a user does it
 *
 * File dialogs are not shown: the tests call what a dialog's answer calls.
 * Alerts are shown, read, and answered as a click on a button would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "racimo-application.h"
#include "racimo-compat.h"
#include "racimo-import-report.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-test.h"
#include "racimo-ui-test.h"

/* Helpers */

static char *
test_file_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", name, NULL);
}

static GFile *
test_file (const char *name)
{
  g_autofree char *path = test_file_path (name);

  return g_file_new_for_path (path);
}

static void
wait_for_project (RacimoWindow *window)
{
  while (racimo_window_get_project (window) == NULL || !racimo_window_is_idle (window))
    g_main_context_iteration (NULL, TRUE);
}

/* One application for the tests that need one: a second could not
 * register on the bus beside it in the same process. */
static RacimoApplication *
get_application (void)
{
  static RacimoApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = racimo_application_new ();
      /* Not the one instance of the session: a test must not meet another. */
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return app;
}

/* Tests: opening */

static void
test_open_good (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  g_autoptr(GFile) file = test_file ("window-no-owner.raci");

  /* A project of the window is replaced by the one opened. */
  racimo_window_open_file (window, file);
  g_assert_false (racimo_window_is_idle (window));
  racimo_ui_test_wait_idle (window);
  g_assert_cmpstr (racimo_project_get_title (racimo_window_get_project (window)), ==,
                   "ML system deployment");
  g_assert_true (g_file_equal (racimo_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "ML system deployment — Racimo");
  g_assert_null (_racimo_window_get_alert (window));
  g_assert_null (_racimo_window_get_toast (window));

  racimo_ui_test_destroy_window (window);
}

static void
test_open_bad (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  RacimoProject *project = racimo_window_get_project (window);
  g_autofree char *path = test_file_path ("window-malformed.raci");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  GtkWidget *alert;

  racimo_window_open_file (window, file);
  racimo_ui_test_wait_idle (window);

  /* The window is as it was... */
  g_assert_true (racimo_window_get_project (window) == project);
  g_assert_null (racimo_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "ML system deployment — Racimo");

  /* ... and an alert names the file, the line, the column, the problem. */
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  /* The file's name is not broken at its hyphen (a word joiner follows
   * it); the heading says which file, the body where in it. */
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==,
                   "Could Not Open “window-\u2060malformed.raci”");
  expected = g_strdup ("Line 6: </nmae> does not close <name> from line 6");
  g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==, expected);
  /* The heading, a word wider than the alert, still fits in it: broken
   * where it must be, not cut off. */
  {
    GtkWidget *message = racimo_compat_alert_get_message_widget (alert);
    GtkWidget *heading = gtk_widget_get_first_child (message);
    GtkWidget *body = gtk_widget_get_next_sibling (heading);
    int minimum;

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==,
                     "Could Not Open “window-\u2060malformed.raci”");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (body)), ==, expected);
    gtk_widget_measure (message, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <, 200);
  }
  racimo_compat_alert_respond (alert, "close");
  racimo_ui_test_spin ();
  g_assert_null (_racimo_window_get_alert (window));

  racimo_ui_test_destroy_window (window);
}

static void
test_open_newer_minor (void)
{
  RacimoWindow *window = racimo_window_new (NULL);
  g_autoptr(GFile) file = test_file ("window-newer-minor.raci");
  AdwToast *toast;

  gtk_window_present (GTK_WINDOW (window));
  racimo_window_open_file (window, file);
  wait_for_project (window);

  g_assert_cmpstr (racimo_project_get_title (racimo_window_get_project (window)), ==,
                   "Made by Racimo 1.3");
  toast = _racimo_window_get_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "Made by a newer version of Racimo: what this version does not know "
                   "is kept as it is");

  racimo_ui_test_destroy_window (window);
}

static void
test_open_twice (void)
{
  RacimoApplication *app = get_application ();
  g_autoptr(GFile) file = test_file ("window-no-owner.raci");
  RacimoWindow *first, *second;
  RacimoProject *project;

  first = racimo_window_new (GTK_APPLICATION (app));
  racimo_window_open_file (first, file);
  wait_for_project (first);

  second = racimo_window_new (GTK_APPLICATION (app));
  racimo_application_new_from_template (app, GTK_WINDOW (second), "blank-raci");
  project = racimo_window_get_project (second);

  /* Opening it from the other window brings its window forward. */
  racimo_window_open_file (second, file);
  g_assert_true (racimo_window_is_idle (second));
  g_assert_true (racimo_window_get_project (second) == project);
  g_assert_null (racimo_window_get_file (second));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
  racimo_ui_test_spin ();
}

static void
test_drop (void)
{
  RacimoWindow *window = racimo_window_new (NULL);
  g_autoptr(GFile) file = test_file ("window-no-owner.raci");
  GtkEventController *target;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  target = racimo_ui_test_find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);

  /* A file dragged from the file manager comes as a list of files. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_for_project (window);
  g_assert_true (g_file_equal (racimo_window_get_file (window), file));

  racimo_ui_test_destroy_window (window);
}

static RacimoImportReport *
wait_for_import_report (RacimoWindow *window)
{
  while (_racimo_window_get_import_report (window) == NULL)
    g_main_context_iteration (NULL, TRUE);

  return RACIMO_IMPORT_REPORT (_racimo_window_get_import_report (window));
}

/* Opens the sheet @file in a new @window, and waits for its report */
static RacimoImportReport *
open_report_in_new_window (GFile         *file,
                           RacimoWindow **window)
{
  *window = racimo_window_new (NULL);
  gtk_window_present (GTK_WINDOW (*window));
  racimo_window_open_file (*window, file);

  return wait_for_import_report (*window);
}

/* A sheet of which something was not read opens through its report:
 * what was not read, what each column was read as, a way to change it
 * and strict mode; the project opens as the report shows it. */
static void
test_import_csv (void)
{
  RacimoWindow *window = racimo_window_new (NULL);
  g_autoptr(GFile) file = test_file ("window-import.csv");
  RacimoImportReport *report;
  RacimoProject *project;
  GPtrArray *columns;
  const RacimoCsvColumn *column;
  g_autofree char *summary = NULL;

  gtk_window_present (GTK_WINDOW (window));
  racimo_window_open_file (window, file);
  report = wait_for_import_report (window);
  g_assert_null (racimo_window_get_project (window));

  /* What was not read, and how the columns were read */
  summary = racimo_csv_summarize_problems (racimo_import_report_get_problems (report), 20);
  g_assert_cmpstr (summary, ==,
                   "1 part of the file was not understood:\n"
                   "Row 3, column C (Data scientist): “maybe” is not a code; the cell was "
                   "left empty");
  columns = racimo_import_report_get_columns (report);
  g_assert_cmpuint (columns->len, ==, 4);
  column = g_ptr_array_index (columns, 2);
  g_assert_cmpuint (column->column, ==, 3);
  g_assert_cmpstr (column->header, ==, "Data scientist");
  g_assert_cmpint (column->kind, ==, RACIMO_CSV_COLUMN_ROLE);

  /* Strict mode refuses the sheet as it is */
  racimo_import_report_set_strict (report, TRUE);
  g_assert_null (racimo_import_report_get_project (report));
  g_assert_nonnull (strstr (racimo_import_report_get_message (report),
                            "not imported, as strict mode asks"));

  /* The column is left out: nothing is left unread, and strict mode
   * lets the sheet open */
  racimo_import_report_set_column_kind (report, 3, RACIMO_CSV_COLUMN_IGNORED);
  g_assert_nonnull (racimo_import_report_get_project (report));
  g_assert_null (racimo_import_report_get_message (report));
  g_assert_cmpuint (racimo_import_report_get_problems (report)->len, ==, 0);

  /* Open: a new project, titled after the file, not saved yet */
  gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (report)));
  wait_for_project (window);
  g_assert_null (_racimo_window_get_import_report (window));
  project = racimo_window_get_project (window);
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 1);
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, 2);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• window-import — Racimo");
  g_assert_null (_racimo_window_get_alert (window));

  /* Cancel opens nothing */
  racimo_ui_test_destroy_window (window);
  report = open_report_in_new_window (file, &window);
  gtk_widget_activate_action (GTK_WIDGET (report), "window.close", NULL);
  racimo_ui_test_spin ();
  g_assert_null (_racimo_window_get_import_report (window));
  g_assert_null (racimo_window_get_project (window));

  racimo_ui_test_destroy_window (window);
}

/* Whether @widget is the combo row titled @title */
static gboolean
is_combo_row (GtkWidget *widget,
              gpointer   title)
{
  return ADW_IS_COMBO_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Writes @contents to @name in @dir, and returns the file */
static GFile *
write_sheet (const char *dir,
             const char *name,
             GBytes     *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (contents, NULL),
                                      (gssize) g_bytes_get_size (contents), NULL));

  return g_file_new_for_path (path);
}

/* Issue 22: every imported sheet can show what was mapped to what.  A
 * sheet read whole by its headers opens at once, and "Change Column
 * Mapping…" brings its report back until it is edited; a column guessed
 * by its place, or a workbook of several sheets, opens through the
 * report, which picks the sheet. */
static void
test_import_report_review (void)
{
  RacimoWindow *window = racimo_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("racimo-import-XXXXXX", NULL);
  g_autoptr(GBytes) clean = g_bytes_new_static ("Phase,Activity,Lead,QA\nPlan,Scope,A,R\n", 38);
  g_autoptr(GBytes) guessed = g_bytes_new_static ("Phase,Name,Lead\nPlan,Scope,A\n", 29);
  g_autoptr(GFile) clean_file = write_sheet (dir, "clean.csv", clean);
  g_autoptr(GFile) guessed_file = write_sheet (dir, "guessed.csv", guessed);
  g_autoptr(GFile) workbook_file = NULL;
  g_autoptr(RacimoProject) template = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(GError) error = NULL;
  RacimoImportReport *report;
  RacimoProject *project;
  const RacimoCsvColumn *column;
  const char * const *sheets;
  AdwComboRow *sheet_row;
  GtkWidget *sheet_group;

  /* Read whole by its headers: it opens, and its mapping can be changed */
  gtk_window_present (GTK_WINDOW (window));
  racimo_window_open_file (window, clean_file);
  wait_for_project (window);
  g_assert_null (_racimo_window_get_import_report (window));
  g_assert_cmpuint (racimo_project_get_n_roles (racimo_window_get_project (window)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.change-mapping", NULL));
  report = wait_for_import_report (window);
  g_assert_cmpstr (racimo_import_report_get_message (report), ==, NULL);
  racimo_import_report_set_column_kind (report, 4, RACIMO_CSV_COLUMN_IGNORED);
  /* A button activated by a key clicks a moment later, as it shows */
  gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (report)));
  while (_racimo_window_get_import_report (window) != NULL)
    g_main_context_iteration (NULL, TRUE);
  project = racimo_window_get_project (window);
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 1);
  g_assert_true (g_file_equal (racimo_document_get_file (racimo_window_get_document (window)),
                               clean_file));

  /* Once edited, reading it again would lose the edit */
  racimo_test_rename_first_activity (project, "Scope it");
  racimo_ui_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.change-mapping", NULL);
  racimo_ui_test_spin ();
  g_assert_null (_racimo_window_get_import_report (window));
  racimo_ui_test_destroy_window (window);

  /* The activity column found by its place, not its header: the report
   * says so before the project opens */
  report = open_report_in_new_window (guessed_file, &window);
  g_assert_null (racimo_window_get_project (window));
  g_assert_cmpuint (racimo_import_report_get_problems (report)->len, ==, 0);
  column = g_ptr_array_index (racimo_import_report_get_columns (report), 1);
  g_assert_cmpint (column->kind, ==, RACIMO_CSV_COLUMN_ACTIVITY);
  g_assert_true (column->guessed);
  gtk_widget_activate_action (GTK_WIDGET (report), "window.close", NULL);
  racimo_ui_test_spin ();
  racimo_ui_test_destroy_window (window);

  /* A workbook of three sheets: the report picks one */
  template = racimo_templates_create ("ml-system-deployment", NULL);
  workbook = racimo_xlsx_export (template, findings, &error);
  g_assert_no_error (error);
  workbook_file = write_sheet (dir, "matrix.xlsx", workbook);
  report = open_report_in_new_window (workbook_file, &window);
  sheets = racimo_import_report_get_sheets (report);
  g_assert_cmpstrv (sheets, ((const char *[]) { "Matrix", "Legend", "Findings", NULL }));
  sheet_row = ADW_COMBO_ROW (racimo_ui_test_find_widget (GTK_WIDGET (report), is_combo_row,
                                                         (gpointer) "S_heet"));
  sheet_group = gtk_widget_get_ancestor (GTK_WIDGET (sheet_row), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (sheet_group));
  g_assert_cmpuint (adw_combo_row_get_selected (sheet_row), ==, 0);
  g_assert_cmpuint (racimo_project_get_n_roles (racimo_import_report_get_project (report)), ==,
                    racimo_project_get_n_roles (template));

  /* The legend sheet has other columns: Code and Meaning */
  adw_combo_row_set_selected (sheet_row, 1);
  g_assert_cmpuint (racimo_import_report_get_columns (report)->len, !=,
                    racimo_project_get_n_roles (template) + 2);
  adw_combo_row_set_selected (sheet_row, 0);
  g_assert_cmpuint (racimo_project_get_n_roles (racimo_import_report_get_project (report)), ==,
                    racimo_project_get_n_roles (template));
  gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (report)));
  wait_for_project (window);
  g_assert_cmpuint (racimo_project_get_n_activities (racimo_window_get_project (window)), ==,
                    racimo_project_get_n_activities (template));

  racimo_ui_test_destroy_window (window);
  g_remove (g_file_peek_path (workbook_file));
  g_remove (g_file_peek_path (clean_file));
  g_remove (g_file_peek_path (guessed_file));
  g_rmdir (dir);
}

/* The workbook export writes a file that imports back to the project
 * shown, and says so. */
static void
test_export_xlsx (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RacimoProject) again = NULL;
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_window_get_project (window);

  racimo_window_export_xlsx (window, file);
  g_assert_false (racimo_window_is_idle (window));
  racimo_ui_test_wait_idle (window);

  again = racimo_csv_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racimo_project_get_n_roles (again), ==, racimo_project_get_n_roles (project));
  g_assert_cmpuint (racimo_project_get_n_activities (again), ==,
                    racimo_project_get_n_activities (project));
  g_assert_cmpstr (racimo_project_get_title (again), ==, racimo_project_get_title (project));
  g_assert_cmpstr (adw_toast_get_title (_racimo_window_get_toast (window)), ==,
                   "Exported “matrix.xlsx”");

  racimo_ui_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_export_csv (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  RacimoCsvOptions options = { RACIMO_CSV_TAB, TRUE };
  guint unreturned = racimo_test_count_unreturned_tasks ();

  racimo_window_export_csv (window, file, &options);
  g_assert_false (racimo_window_is_idle (window));
  racimo_ui_test_wait_idle (window);
  /* What the export kept for its end is freed, and no GTask was left
   * without a result (GLib 2.76 and later would warn). */
  g_assert_cmpuint (racimo_test_count_unreturned_tasks (), ==, unreturned);

  /* The file holds what the CSV export makes, and the window says so. */
  expected = racimo_csv_export (racimo_window_get_project (window), &options);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length,
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  g_assert_nonnull (strchr (contents, '\t'));
  g_assert_cmpstr (adw_toast_get_title (_racimo_window_get_toast (window)), ==,
                   "Exported “matrix.tsv”");

  /* A folder that is not there: the alert says so in plain words. */
  {
    g_autofree char *missing = g_build_filename (dir, "gone", "matrix.csv", NULL);
    g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
    g_autofree char *body = g_strdup_printf ("The folder of “%s” does not exist any more.",
                                             missing);
    GtkWidget *alert;

    racimo_window_export_csv (window, nowhere, &options);
    racimo_ui_test_wait_idle (window);
    alert = _racimo_window_get_alert (window);
    g_assert_nonnull (alert);
    g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==,
                     "Could Not Export “matrix.csv”");
    g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==, body);
    racimo_compat_alert_respond (alert, "close");
  }

  /* A named pipe: refused at once, where opening it would wait for a
   * reader for ever. */
  {
    g_autofree char *pipe_path = g_build_filename (dir, "pipe.csv", NULL);
    g_autoptr(GFile) pipe_file = g_file_new_for_path (pipe_path);
    g_autofree char *body = g_strdup_printf ("%s: this is not a regular file (a pipe, a device "
                                             "or a socket); Racimo writes only to files, and "
                                             "wrote nothing", pipe_path);
    GtkWidget *alert;

    g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
    racimo_window_export_csv (window, pipe_file, &options);
    racimo_ui_test_wait_idle (window);
    alert = _racimo_window_get_alert (window);
    g_assert_nonnull (alert);
    g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==,
                     "Could Not Export “pipe.csv”");
    g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==, body);
    racimo_compat_alert_respond (alert, "close");
    g_assert_true (g_file_test (pipe_path, G_FILE_TEST_EXISTS)
                   && !g_file_test (pipe_path, G_FILE_TEST_IS_REGULAR));
    g_remove (pipe_path);
  }

  racimo_ui_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* Tests: saving */

static void
edit (RacimoWindow *window,
      const char   *name)
{
  racimo_test_rename_first_activity (racimo_window_get_project (window), name);
  racimo_ui_test_spin ();
}

static void
assert_file_holds (const char    *path,
                   RacimoProject *project)
{
  g_autoptr(GBytes) expected = racimo_file_serialize (project);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
}

/* Waits for what the file monitor reports, at most ten seconds. */
static void
wait_for_banner (RacimoWindow *window,
                 gboolean      shown)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((_racimo_window_get_banner (window) != NULL) != shown
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (_racimo_window_get_banner (window) != NULL, ==, shown);
}

/* Someone else's program writes the file: another project altogether.
 * Its time is set a minute on, as a colleague's later write would have
 * it: the entity tag is the time of the last write, and the kernel's
 * clock may not tick between our save and this write. */
static void
write_elsewhere (const char *path)
{
  g_autofree char *other = test_file_path ("window-no-owner.raci");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (other, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                               (guint64) (g_get_real_time () / G_USEC_PER_SEC + 60),
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_save_and_reopen (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  RacimoWindow *again;
  g_autofree char *dir = g_dir_make_tmp ("racimo-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.raci", NULL);
  g_autofree char *typed = g_build_filename (dir, "plan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (typed);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) reread = NULL;
  guint unreturned;

  edit (window, "Agree the business case");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "• ML system deployment — Racimo");

  unreturned = racimo_test_count_unreturned_tasks ();
  /* Save As a name typed without the extension: it gets ".raci". */
  racimo_window_save_as (window, file);
  g_assert_false (racimo_window_is_idle (window));
  racimo_ui_test_wait_idle (window);
  g_assert_cmpuint (racimo_test_count_unreturned_tasks (), ==, unreturned);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "ML system deployment — Racimo");
  g_assert_null (_racimo_window_get_alert (window));
  assert_file_holds (path, racimo_window_get_project (window));
  g_assert_cmpstr (g_file_peek_path (racimo_window_get_file (window)), ==, path);

  /* Opened again, it is the same project. */
  again = racimo_window_new (NULL);
  gtk_window_present (GTK_WINDOW (again));
  racimo_window_load_file (again, racimo_window_get_file (window));
  wait_for_project (again);
  saved = racimo_file_serialize (racimo_window_get_project (window));
  reread = racimo_file_serialize (racimo_window_get_project (again));
  g_assert_true (g_bytes_equal (saved, reread));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                     racimo_window_get_project (again)))), ==, "Agree the business case");
  racimo_ui_test_destroy_window (again);

  /* Ctrl+S writes the next edit to the same file. */
  edit (window, "Agree the business case and KPIs");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  racimo_ui_test_wait_idle (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "ML system deployment — Racimo");
  assert_file_holds (path, racimo_window_get_project (window));

  racimo_ui_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_save_as_from_csv (void)
{
  RacimoWindow *window = racimo_window_new (NULL);
  g_autoptr(GFile) csv = test_file ("window-import.csv");
  g_autofree char *dir = g_dir_make_tmp ("racimo-save-XXXXXX", NULL);
  g_autofree char *typed = g_build_filename (dir, "window-import.csv", NULL);
  g_autofree char *path = g_build_filename (dir, "window-import.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (typed);

  gtk_window_present (GTK_WINDOW (window));
  racimo_window_open_file (window, csv);
  g_signal_emit_by_name (wait_for_import_report (window), "open");
  wait_for_project (window);

  /* A project from a spreadsheet is saved as a project, never over a
   * spreadsheet's file. */
  racimo_window_save_as (window, file);
  racimo_ui_test_wait_idle (window);
  g_assert_null (_racimo_window_get_alert (window));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
  assert_file_holds (path, racimo_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "window-import — Racimo");
  g_assert_cmpstr (g_file_peek_path (racimo_window_get_file (window)), ==, path);

  racimo_ui_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_save_error (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gone", "plan.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *body = g_strdup_printf ("The folder of “%s” does not exist any more.",
                                           path);
  GtkWidget *alert;

  edit (window, "Agree the business case");
  racimo_window_save_as (window, file);
  racimo_ui_test_wait_idle (window);

  /* Plain words, and the changes are still there, unsaved. */
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Could Not Save “plan.raci”");
  g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==, body);
  racimo_compat_alert_respond (alert, "close");
  g_assert_true (racimo_document_get_modified (racimo_window_get_document (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "• ML system deployment — Racimo");
  g_assert_null (racimo_window_get_file (window));

  racimo_ui_test_destroy_window (window);
  g_rmdir (dir);
}

static void
test_close_prompt (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *alert;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* Closing with unsaved changes asks; Cancel keeps the window. */
  edit (window, "Agree the business case");
  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  g_assert_nonnull (window);
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Save Changes?");
  g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==,
                   "“ML system deployment” has changes that are not saved. "
                   "If you do not save them, they are lost.");
  racimo_compat_alert_respond (alert, "cancel");
  racimo_ui_test_spin ();
  g_assert_nonnull (window);
  g_assert_true (racimo_document_get_modified (racimo_window_get_document (window)));

  /* Save: the window closes once the file is written. */
  racimo_window_save_as (window, file);
  racimo_ui_test_wait_idle (window);
  edit (window, "Agree the business case, again");
  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "save");
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(RacimoProject) saved = racimo_file_load (file, NULL, NULL, NULL);

    g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (saved))), ==,
                     "Agree the business case, again");
  }

  /* Discard: it closes, and the file stays as it was. */
  window = racimo_ui_test_window_with_template ("blank-raci");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-role", NULL);
  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "discard");
  racimo_ui_test_spin ();
  g_assert_null (window);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_open_into_modified (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autoptr(GFile) file = test_file ("window-no-owner.raci");
  GtkWidget *alert;

  /* Opening another file into a window with unsaved changes asks too. */
  edit (window, "Agree the business case");
  racimo_window_open_file (window, file);
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Save Changes?");
  g_assert_true (racimo_window_is_idle (window));

  racimo_compat_alert_respond (alert, "discard");
  racimo_ui_test_wait_idle (window);
  g_assert_true (g_file_equal (racimo_window_get_file (window), file));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                     racimo_window_get_project (window)))), ==,
                   "Define the business case and KPIs");

  racimo_ui_test_destroy_window (window);
}

static void
test_changed_on_disk (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-disk-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.raci", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *alert;

  racimo_window_save_as (window, file);
  racimo_ui_test_wait_idle (window);
  g_assert_null (_racimo_window_get_banner (window));

  /* A colleague's program writes the file: the banner says so. */
  write_elsewhere (path);
  wait_for_banner (window, TRUE);
  g_assert_cmpstr (_racimo_window_get_banner (window), ==,
                   "“plan.raci” was changed by another program");

  /* Keep Mine: the banner goes, and saving still asks first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL);
  g_assert_null (_racimo_window_get_banner (window));
  edit (window, "Agree the business case");
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  racimo_ui_test_wait_idle (window);
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Overwrite the Changed File?");
  g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==,
                   "Another program changed “plan.raci” since it was opened here. "
                   "Saving replaces those changes with this window’s.");

  /* Cancel: their file is untouched, the edit is still unsaved. */
  racimo_compat_alert_respond (alert, "cancel");
  racimo_ui_test_wait_idle (window);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);
  g_assert_true (racimo_document_get_modified (racimo_window_get_document (window)));

  /* Overwrite: only when the user says so. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  racimo_ui_test_wait_idle (window);
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "overwrite");
  racimo_ui_test_wait_idle (window);
  assert_file_holds (path, racimo_window_get_project (window));
  g_assert_false (racimo_document_get_modified (racimo_window_get_document (window)));

  /* Reload shows their version instead. */
  write_elsewhere (path);
  wait_for_banner (window, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  racimo_ui_test_wait_idle (window);
  wait_for_banner (window, FALSE);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                     racimo_window_get_project (window)))), ==,
                   "Define the business case and KPIs");
  g_assert_true (racimo_matrix_view_get_project (racimo_window_get_matrix_view (window))
                 == racimo_window_get_project (window));

  racimo_ui_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* Edits the project of @window and waits for its draft, then goes as a
 * crash would, leaving the draft behind. */
static void
crash_after_edit (RacimoWindow *window,
                  const char   *name)
{
  RacimoDocument *document = racimo_window_get_document (window);
  g_autofree char *id = NULL;

  edit (window, name);
  while (!racimo_document_get_has_draft (document))
    g_main_context_iteration (NULL, TRUE);
  id = g_strdup (racimo_document_get_draft_id (document));
  gtk_window_destroy (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  racimo_ui_test_orphan_draft (id);
}

/* A new project saved as @file, edited, then left as a crash leaves it:
 * its window gone, its draft behind. */
static void
save_then_crash (RacimoApplication *app,
                 GFile             *file)
{
  RacimoWindow *window = racimo_window_new (GTK_APPLICATION (app));

  racimo_application_new_from_template (app, GTK_WINDOW (window), "ml-system-deployment");
  gtk_window_present (GTK_WINDOW (window));
  racimo_window_save_as (window, file);
  racimo_ui_test_wait_idle (window);
  crash_after_edit (window, "Edited before the crash");
}

/* The last window of @app is closed, and no draft is left. */
static void
assert_all_gone (RacimoApplication *app)
{
  g_autoptr(GPtrArray) left = racimo_drafts_list (racimo_drafts_get_default ());

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpuint (left->len, ==, 0);
}

static void
test_drafts (void)
{
  RacimoApplication *app = get_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RacimoWindow *window;
  GtkWidget *alert = NULL;
  GList *windows;

  g_settings_set_uint (settings, "draft-delay", 1);

  /* An edit in an application's window is kept as a draft... */
  window = racimo_window_new (GTK_APPLICATION (app));
  racimo_application_new_from_template (app, GTK_WINDOW (window), "ml-system-deployment");
  crash_after_edit (window, "Edited before the crash");

  /* ... which the next start offers back, after a crash. */
  racimo_application_offer_drafts (app);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = windows->data;
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==,
                   "Restore Unsaved Changes to “ML\u00a0system\u00a0deployment”?");
  /* The date reads as written, "kept on 8 December": %e would pad a day
   * before the 10th with a figure space (U+2007). */
  g_assert_true (g_str_has_prefix (racimo_compat_alert_get_body (alert),
                                   "Racimo stopped before these changes were saved. "
                                   "They were last kept on "));
  g_assert_null (strstr (racimo_compat_alert_get_body (alert), "\u2007"));
  g_assert_null (strstr (racimo_compat_alert_get_body (alert), "  "));

  racimo_compat_alert_respond (alert, "restore");
  wait_for_project (window);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                     racimo_window_get_project (window)))), ==, "Edited before the crash");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "• ML system deployment — Racimo");

  /* Closing without saving lets it go for good. */
  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "discard");
  racimo_ui_test_spin ();
  assert_all_gone (app);
  g_settings_reset (settings, "draft-delay");
}

/* Edit a saved file, crash, a colleague saves it, restart and restore:
 * the window says the file changed since, offers to keep both, and
 * Ctrl+S does not replace the colleague's version without asking. */
static void
test_draft_onto_changed_file (void)
{
  RacimoApplication *app = get_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("racimo-restore-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.raci", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "plan (mine).raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *theirs = NULL;
  g_autofree char *contents = NULL;
  RacimoWindow *window;
  GtkWidget *alert;

  g_settings_set_uint (settings, "draft-delay", 1);
  save_then_crash (app, file);

  /* While Racimo was down, a colleague saved the file. */
  write_elsewhere (path);
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

  /* As the application offers it at start-up (which this test's
   * application did already, in /files-window/drafts). */
  {
    g_autoptr(GPtrArray) drafts = racimo_drafts_list (racimo_drafts_get_default ());

    g_assert_cmpuint (drafts->len, ==, 1);
    window = racimo_window_new (GTK_APPLICATION (app));
    gtk_window_present (GTK_WINDOW (window));
    racimo_window_offer_draft (window, g_ptr_array_index (drafts, 0));
  }
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "restore");
  wait_for_project (window);
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                     racimo_window_get_project (window)))), ==, "Edited before the crash");

  /* Said at once, in an alert and in the banner. */
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==,
                   "“plan.raci” Changed Since These Changes Were Kept");
  g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==,
                   "Another program saved “plan.raci” after Racimo kept these unsaved changes. "
                   "Saving them to it would replace that version; save them as a new file to "
                   "keep both.");
  g_assert_cmpstr (_racimo_window_get_banner (window), ==,
                   "“plan.raci” was changed by another program");
  racimo_compat_alert_respond (alert, "keep-editing");
  racimo_ui_test_spin ();

  /* Ctrl+S asks before it overwrites; cancelled, their file stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  racimo_ui_test_wait_idle (window);
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Overwrite the Changed File?");
  racimo_compat_alert_respond (alert, "cancel");
  racimo_ui_test_wait_idle (window);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);
  g_assert_true (racimo_document_get_modified (racimo_window_get_document (window)));

  /* Save As keeps both. */
  racimo_window_save_as (window, copy);
  racimo_ui_test_wait_idle (window);
  assert_file_holds (copy_path, racimo_window_get_project (window));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);
  g_assert_false (racimo_document_get_modified (racimo_window_get_document (window)));

  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  assert_all_gone (app);
  g_settings_reset (settings, "draft-delay");
  g_remove (path);
  g_remove (copy_path);
  g_rmdir (dir);
}

/* Racimo started with a file that has a draft (racimo plan.raci, after a
 * crash): the draft is offered in the window that opens the file, not in
 * a second window beside it. */
static void
test_draft_of_opened_file (void)
{
  RacimoApplication *app = get_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("racimo-reopen-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) drafts = NULL;
  RacimoWindow *window;
  GList *windows;

  g_settings_set_uint (settings, "draft-delay", 1);
  save_then_crash (app, file);

  /* The next start opens the file, then offers the drafts. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  drafts = racimo_drafts_list (racimo_drafts_get_default ());
  g_assert_cmpuint (drafts->len, ==, 1);
  racimo_application_offer_draft (app, g_ptr_array_index (drafts, 0));

  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = windows->data;
  g_assert_true (racimo_window_find (GTK_APPLICATION (app), file) == window);
  g_assert_nonnull (_racimo_window_get_alert (window));

  /* Restored there, over the file it was opening. */
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "restore");
  wait_for_project (window);
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                     racimo_window_get_project (window)))), ==, "Edited before the crash");
  g_assert_true (racimo_document_get_modified (racimo_window_get_document (window)));

  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "discard");
  racimo_ui_test_spin ();
  assert_all_gone (app);
  g_settings_reset (settings, "draft-delay");
  g_remove (path);
  g_rmdir (dir);
}

static void
test_window_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RacimoWindow *window = racimo_window_new (NULL);

  /* The size a window is closed at is the next one's. */
  gtk_window_set_default_size (GTK_WINDOW (window), 812, 514);
  gtk_window_present (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 514);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = racimo_window_new (NULL);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 812);
    g_assert_cmpint (height, ==, 514);
  }
  racimo_ui_test_destroy_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Tests: a repaired copy */

static gboolean
has_alert (gpointer data)
{
  return _racimo_window_get_alert (data) != NULL;
}

/* A colleague's file that breaks rules of the format: the refusal offers
 * a repaired copy, which opens unsaved with a banner listing the repairs,
 * each going to its place, and saves under a new name; the original is
 * never touched. */
static void
test_open_repaired_copy (void)
{
  RacimoWindow *window = racimo_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("racimo-repair-XXXXXX", NULL);
  g_autofree char *source = test_file_path ("window-repairable.raci");
  g_autofree char *path = g_build_filename (dir, "team-plan.raci", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "team-plan (repaired).raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *suggested = NULL;
  RacimoRepairBanner *banner;
  RacimoProject *project;
  RacimoDocument *document;
  GtkListBox *list;
  GtkWidget *alert;
  GtkWidget *row;

  g_assert_true (g_file_get_contents (source, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (path, original, -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  racimo_window_open_file (window, file);
  racimo_test_wait_until (has_alert, window, "the refusal");

  /* The first rule break in plain words, and the offer. */
  alert = _racimo_window_get_alert (window);
  g_assert_null (racimo_window_get_project (window));
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Could Not Open “team-\u2060plan.raci”");
  g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==,
                   "Line 23: the cell of the role “ML engineer” in the activity “Deploy model” "
                   "holds “ar”, which is not a code (codes are single capital letters such as R "
                   "or A)\n\nRacimo can open a repaired copy as a new project, and list what it "
                   "repaired. The file itself is not changed.");
  racimo_compat_alert_respond (alert, "repair");
  racimo_ui_test_spin ();

  /* A new document, not saved, named after the file */
  project = racimo_window_get_project (window);
  document = racimo_window_get_document (window);
  g_assert_nonnull (project);
  g_assert_null (racimo_window_get_file (window));
  g_assert_true (racimo_document_get_needs_save_as (document));
  g_assert_true (g_file_equal (racimo_document_get_repaired_from (document), file));
  g_assert_cmpstr (racimo_document_get_title (document), ==, "team-plan (repaired)");
  suggested = racimo_document_suggest_file_name (document);
  g_assert_cmpstr (suggested, ==, "team-plan (repaired).raci");

  /* What was repaired: "ar" is R and A, the role "ghost" was made. */
  g_assert_cmpuint (racimo_activity_get_codes (
                      RACIMO_ACTIVITY (racimo_project_lookup (project, "deploy-model")),
                      RACIMO_ROLE (racimo_project_lookup (project, "ml-engineer"))),
                    ==, RACIMO_CODE_BIT ('R') | RACIMO_CODE_BIT ('A'));
  g_assert_cmpstr (racimo_item_get_name (racimo_project_lookup (project, "ghost")), ==, "ghost");
  g_assert_nonnull (racimo_project_lookup (project, "first-model-2"));

  /* The banner and its list */
  banner = _racimo_window_get_repair_banner (window);
  g_assert_true (racimo_repair_banner_is_shown (banner));
  g_assert_cmpstr (racimo_repair_banner_get_text (banner), ==,
                   "This is a repaired copy: 4 repairs were made to open the file");
  list = racimo_repair_banner_get_list (banner);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 3));
  g_assert_null (gtk_list_box_get_row_at_index (list, 4));

  /* Picking the last repair, the activity with no name, goes there. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3));
  g_signal_emit_by_name (list, "row-activated", row);
  racimo_ui_test_spin ();
  racimo_ui_test_assert_cursor_on (racimo_window_get_matrix_view (window), project, "retrain",
                                   0);

  /* Saved under a new name; the colleague's file is as it was. */
  racimo_window_save_as (window, copy);
  racimo_ui_test_wait_idle (window);
  g_assert_null (_racimo_window_get_alert (window));
  assert_file_holds (copy_path, project);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);

  racimo_ui_test_destroy_window (window);
  g_remove (copy_path);
  g_remove (path);
  g_rmdir (dir);
}

/* Issue 19: a repaired copy exists nowhere on disk.  Quitting or closing
 * without saving asks as for any unsaved change, and a draft keeps it
 * until then; discarding lets it go. */
static void
test_repaired_copy_is_unsaved (void)
{
  RacimoApplication *app = get_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RacimoWindow *window = racimo_window_new (GTK_APPLICATION (app));
  g_autofree char *dir = g_dir_make_tmp ("racimo-repair-XXXXXX", NULL);
  g_autofree char *source = test_file_path ("window-repairable.raci");
  g_autofree char *path = g_build_filename (dir, "team-plan.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *original = NULL;
  RacimoDocument *document;
  GtkWidget *alert;

  g_settings_set_uint (settings, "draft-delay", 1);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (g_file_get_contents (source, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (path, original, -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  racimo_window_open_file (window, file);
  racimo_test_wait_until (has_alert, window, "the refusal");
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "repair");
  racimo_ui_test_spin ();

  /* Unsaved from the start, with nothing edited yet, and kept as a draft */
  document = racimo_window_get_document (window);
  g_assert_true (racimo_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  while (!racimo_document_get_has_draft (document))
    g_main_context_iteration (NULL, TRUE);

  /* Quitting asks; Cancel keeps it */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  racimo_ui_test_spin ();
  g_assert_nonnull (window);
  alert = _racimo_window_get_alert (window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Save Changes?");
  racimo_compat_alert_respond (alert, "cancel");
  racimo_ui_test_spin ();
  g_assert_nonnull (window);
  g_assert_true (racimo_window_get_document (window) == document);

  /* Closing asks too; Discard closes, and no draft is left */
  gtk_window_close (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  g_assert_nonnull (window);
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "discard");
  racimo_ui_test_spin ();
  g_assert_null (window);
  assert_all_gone (app);

  {
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, original);
  }
  g_settings_reset (settings, "draft-delay");
  g_remove (path);
  g_rmdir (dir);
}

/* The refusal of a safety gate offers no repaired copy. */
static void
test_open_bad_offers_no_repair (void)
{
  RacimoWindow *window = racimo_window_new (NULL);
  g_autoptr(GFile) file = test_file ("window-malformed.raci");

  racimo_window_open_file (window, file);
  racimo_test_wait_until (has_alert, window, "the refusal");
  g_assert_null (strstr (racimo_compat_alert_get_body (_racimo_window_get_alert (window)),
                         "repaired copy"));
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "close");
  racimo_ui_test_spin ();
  g_assert_null (racimo_window_get_project (window));

  racimo_ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/files-window/open-good", test_open_good);
  g_test_add_func ("/files-window/open-bad", test_open_bad);
  g_test_add_func ("/files-window/open-bad-offers-no-repair", test_open_bad_offers_no_repair);
  g_test_add_func ("/files-window/open-repaired-copy", test_open_repaired_copy);
  g_test_add_func ("/files-window/open-newer-minor", test_open_newer_minor);
  g_test_add_func ("/files-window/open-twice", test_open_twice);
  g_test_add_func ("/files-window/drop", test_drop);
  g_test_add_func ("/files-window/import-csv", test_import_csv);
  g_test_add_func ("/files-window/export-csv", test_export_csv);
  g_test_add_func ("/files-window/export-xlsx", test_export_xlsx);
  g_test_add_func ("/files-window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/files-window/save-as-from-csv", test_save_as_from_csv);
  g_test_add_func ("/files-window/save-error", test_save_error);
  g_test_add_func ("/files-window/close-prompt", test_close_prompt);
  g_test_add_func ("/files-window/open-into-modified", test_open_into_modified);
  g_test_add_func ("/files-window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/files-window/drafts", test_drafts);
  g_test_add_func ("/files-window/import-report-review", test_import_report_review);
  g_test_add_func ("/files-window/repaired-copy-is-unsaved", test_repaired_copy_is_unsaved);
  g_test_add_func ("/files-window/draft-onto-changed-file", test_draft_onto_changed_file);
  g_test_add_func ("/files-window/draft-of-opened-file", test_draft_of_opened_file);
  g_test_add_func ("/files-window/window-size", test_window_size);

  return racimo_ui_test_run ();
}
