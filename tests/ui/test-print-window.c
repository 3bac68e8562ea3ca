/* test-print-window.c: printing and the PDF export from the window
 *
 * The print dialog needs a printer to finish; the same operation is run
 * here with GTK's export action, which draws the pages through the same
 * "begin-print" and "draw-page" into a PDF file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "racimo-compat.h"
#include "racimo-matrix-view-private.h"
#include "racimo-pdf-export-dialog.h"
#include "racimo-print-operation.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-test-pdf.h"
#include "racimo-ui-test.h"

/* A PDF ends with its end-of-file marker once written whole. */
static gboolean
pdf_is_complete (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 8
         && g_strstr_len (contents + length - 8, 8, "%%EOF") != NULL;
}

static void
test_export_pdf (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ML system deployment.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RacimoPaginationOptions) options = racimo_pagination_options_new ();
  g_autoptr(RacimoPagination) layout = NULL;
  g_autofree char *title = NULL;
  double width, height;
  guint pages;

  /* As Ctrl+Shift+E does once a name is chosen: in a thread. */
  racimo_window_export_pdf (window, file);
  g_assert_false (racimo_window_is_idle (window));
  racimo_ui_test_wait_idle (window);

  /* Landscape, with the pages the layout makes of the template. */
  layout = racimo_pagination_new (racimo_window_get_project (window), options);
  pages = racimo_test_pdf_read (path, &width, &height);
  g_assert_cmpuint (pages, >, 0);
  g_assert_cmpuint (pages, ==, racimo_pagination_get_n_pages (layout));
  g_assert_cmpfloat (width, >, height);
  title = racimo_test_pdf_get_title (path);
  g_assert_cmpstr (title, ==, "ML system deployment");
  g_assert_cmpstr (adw_toast_get_title (_racimo_window_get_toast (window)), ==,
                   "Exported “ML system deployment.pdf”");

  /* An edit after the export is not in it; a failed export says why. */
  {
    g_autofree char *missing = g_build_filename (dir, "gone", "x.pdf", NULL);
    g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
    GtkWidget *alert;

    racimo_window_export_pdf (window, nowhere);
    racimo_ui_test_wait_idle (window);
    alert = _racimo_window_get_alert (window);
    g_assert_nonnull (alert);
    g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Could Not Export “x.pdf”");
    racimo_compat_alert_respond (alert, "close");
  }

  racimo_ui_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_page_setup_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a5 = gtk_paper_size_new (GTK_PAPER_NAME_A5);
  g_autofree char *dir = g_dir_make_tmp ("racimo-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a5.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RacimoWindow *window;
  double width, height;

  /* The paper last chosen in the print dialog is the PDF's too. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a5);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));

  window = racimo_ui_test_window_with_template ("blank-raci");
  racimo_window_export_pdf (window, file);
  racimo_ui_test_wait_idle (window);
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  g_assert_cmpfloat_with_epsilon (width, gtk_paper_size_get_width (a5, GTK_UNIT_POINTS), 0.01);
  g_assert_cmpfloat_with_epsilon (height, gtk_paper_size_get_height (a5, GTK_UNIT_POINTS), 0.01);

  racimo_ui_test_destroy_window (window);
  g_settings_reset (settings, "page-setup");
  g_remove (path);
  g_rmdir (dir);
}

static void
test_print_operation (void)
{
  g_autoptr(RacimoProject) project = racimo_templates_create ("ml-system-deployment", NULL);
  g_autoptr(RacimoPrintOperation) operation = racimo_print_operation_new (project, NULL);
  g_autoptr(RacimoPaginationOptions) expected = NULL;
  g_autoptr(RacimoPagination) layout = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  GtkWidget *tab, *paper, *fit, *summary, *mono, *header, *role;
  const RacimoPaginationOptions *chosen;
  GObject *custom = NULL;
  GtkPrintOperationResult result;
  double width, height;

  /* The dialog's Matrix tab: the PDF export's choices but the paper,
   * which the dialog's own tabs set. */
  g_signal_emit_by_name (operation, "create-custom-widget", &custom);
  tab = GTK_WIDGET (custom);
  g_object_ref_sink (tab);
  paper = racimo_ui_test_find_named (tab, "paper");
  g_assert_nonnull (paper);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (paper,
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  fit = racimo_ui_test_find_named (tab, "fit");
  summary = racimo_ui_test_find_named (tab, "summary");
  mono = racimo_ui_test_find_named (tab, "mono");
  header = racimo_ui_test_find_named (tab, "header");
  role = racimo_ui_test_find_named (tab, "ux-designer");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (fit)), ==, 0);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (fit))),
                   ==, "Fit to the page width");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (summary)), ==, 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (mono)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (role)));

  /* Tiled, the summary after the matrix, in black and white, without the
   * UX designer, under a header */
  adw_combo_row_set_selected (ADW_COMBO_ROW (fit), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (summary), 2);
  gtk_switch_set_active (GTK_SWITCH (mono), TRUE);
  gtk_switch_set_active (GTK_SWITCH (racimo_ui_test_find_named (tab, "row-numbers")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (role), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (header), "Steering committee");
  adw_combo_row_set_selected (ADW_COMBO_ROW (fit), 2);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_true (racimo_print_operation_get_options (operation)->one_page);
  g_assert_cmpint (racimo_print_operation_get_options (operation)->fit, ==,
                   RACIMO_PAGINATION_FIT_WIDTH);
  adw_combo_row_set_selected (ADW_COMBO_ROW (fit), 1);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  chosen = racimo_print_operation_get_options (operation);
  g_assert_cmpint (chosen->fit, ==, RACIMO_PAGINATION_TILE);
  g_assert_false (chosen->one_page);
  g_assert_true (chosen->summary);
  g_assert_false (chosen->summary_first);
  g_assert_false (chosen->descriptions);
  g_assert_true (chosen->mono);
  g_assert_true (chosen->row_numbers);
  g_assert_cmpstr (chosen->header, ==, "Steering committee");
  g_assert_null (chosen->footer);
  g_assert_null (chosen->phases);
  g_assert_cmpuint (g_strv_length (chosen->roles), ==, 7);
  g_assert_false (g_strv_contains ((const char * const *) chosen->roles, "ux-designer"));
  g_object_unref (tab);

  /* The pages: the layout's, on the page setup given. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  racimo_pagination_options_free (expected);
  expected = racimo_pagination_options_copy (chosen);
  racimo_print_operation_apply_page_setup (expected, setup);
  layout = racimo_pagination_new (project, expected);
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==,
                    racimo_pagination_get_n_pages (layout));
  g_assert_cmpfloat (width, >, height);

  g_remove (path);
  g_rmdir (dir);
}

/* With roles hidden and phases collapsed in the grid, the PDF export and
 * the print dialog's tab offer to print as the grid shows it. */
static void
test_as_the_grid (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  RacimoProject *project = racimo_window_get_project (window);
  RacimoMatrixView *view = racimo_window_get_matrix_view (window);
  g_autoptr(RacimoPaginationOptions) options = racimo_pagination_options_new ();
  g_autoptr(RacimoPrintOperation) operation = racimo_print_operation_new (project, NULL);
  const char *shown[] = { "account-manager", "data-scientist", NULL };
  const char *collapsed[] = { "data", NULL };
  RacimoPrintOptionsPanel *panel;
  GtkWidget *dialog, *grid, *tab;
  GObject *custom = NULL;

  /* Nothing hidden: no such choice */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_pdf_export_dialog (window);
  panel = racimo_pdf_export_dialog_get_panel (RACIMO_PDF_EXPORT_DIALOG (dialog));
  grid = racimo_ui_test_find_named (GTK_WIDGET (panel), "as-the-grid");
  g_assert_false (gtk_widget_is_visible (grid));
  gtk_widget_activate_action (dialog, "window.close", NULL);
  racimo_ui_test_spin ();

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    if (r != 0 && r != 2)
      _racimo_matrix_view_set_role_hidden (view, racimo_project_get_role (project, r), TRUE);
  _racimo_matrix_view_set_collapsed (view, racimo_project_get_phase (project, 1), TRUE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_pdf_export_dialog (window);
  panel = racimo_pdf_export_dialog_get_panel (RACIMO_PDF_EXPORT_DIALOG (dialog));
  grid = racimo_ui_test_find_named (GTK_WIDGET (panel), "as-the-grid");
  g_assert_true (gtk_widget_is_visible (grid));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (grid)));
  /* Off at first: every role, no phase collapsed */
  racimo_print_options_panel_apply (panel, options);
  g_assert_null (options->roles);
  g_assert_null (options->collapsed);
  gtk_switch_set_active (GTK_SWITCH (grid), TRUE);
  racimo_print_options_panel_apply (panel, options);
  g_assert_cmpstrv (options->roles, shown);
  g_assert_cmpstrv (options->collapsed, collapsed);
  gtk_widget_activate_action (dialog, "window.close", NULL);
  racimo_ui_test_spin ();

  /* The print dialog's tab, the same */
  racimo_print_operation_set_grid (operation, (char **) shown, (char **) collapsed);
  g_signal_emit_by_name (operation, "create-custom-widget", &custom);
  tab = GTK_WIDGET (custom);
  g_object_ref_sink (tab);
  gtk_switch_set_active (GTK_SWITCH (racimo_ui_test_find_named (tab, "as-the-grid")), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_cmpstrv (racimo_print_operation_get_options (operation)->roles, shown);
  g_assert_cmpstrv (racimo_print_operation_get_options (operation)->collapsed, collapsed);
  g_object_unref (tab);

  racimo_ui_test_destroy_window (window);
}

static void
test_print_dialog (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  GtkWindow *dialog;

  /* Ctrl+P opens the print dialog over the window; cancelling it leaves
   * nothing behind. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  dialog = racimo_ui_test_find_print_dialog (window);
  g_assert_nonnull (dialog);

  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_CANCEL);
  racimo_ui_test_spin ();
  g_assert_null (racimo_ui_test_find_print_dialog_now (window));

  racimo_ui_test_destroy_window (window);
}

static void
test_print_to_file (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) remembered = NULL;
  g_autoptr(GVariant) page_setup = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-print-XXXXXX", NULL);
  g_autofree char *last_path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *last_uri = g_filename_to_uri (last_path, NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "ML system deployment.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *title = NULL;
  RacimoWindow *window;
  GtkWindow *dialog;
  GObject *printer = NULL;
  double width, height;

  /* Printed another project before to GTK's "Print to File": the dialog
   * chooses it again, in the same folder, under this project's name. */
  gtk_print_settings_set_printer (print_settings, "Print to File");
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, last_uri);
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  g_settings_set_value (settings, "print-settings",
                        gtk_print_settings_to_gvariant (print_settings));

  window = racimo_ui_test_window_with_template ("ml-system-deployment");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  dialog = racimo_ui_test_find_print_dialog (window);
  g_assert_nonnull (dialog);
  for (guint i = 0; i < 1000 && printer == NULL; i++)
    {
      g_object_get (dialog, "selected-printer", &printer, NULL);
      g_main_context_iteration (NULL, printer == NULL);
    }
  g_assert_nonnull (printer);
  g_object_unref (printer);

  /* Print: the pages go to the file, and the choices are remembered. */
  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_OK);
  for (;;)
    {
      page_setup = g_settings_get_value (settings, "page-setup");
      if (g_variant_n_children (page_setup) > 0)
        break;
      g_clear_pointer (&page_setup, g_variant_unref);
      g_main_context_iteration (NULL, TRUE);
    }

  /* GTK's file printer goes on writing the job after the operation is
   * done. */
  while (!pdf_is_complete (path))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  g_assert_cmpfloat (width, >, height);
  g_assert_false (g_file_test (last_path, G_FILE_TEST_EXISTS));
  /* The title in its properties, as the PDF export writes it */
  title = racimo_test_pdf_get_title (path);
  g_assert_cmpstr (title, ==, "ML system deployment");

  remembered = gtk_print_settings_new_from_gvariant (g_settings_get_value (settings,
                                                                          "print-settings"));
  g_assert_cmpstr (gtk_print_settings_get_printer (remembered), ==, "Print to File");
  g_assert_cmpstr (gtk_print_settings_get (remembered, GTK_PRINT_SETTINGS_OUTPUT_URI), ==, uri);

  racimo_ui_test_destroy_window (window);
  g_settings_reset (settings, "print-settings");
  g_settings_reset (settings, "page-setup");
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/print-window/export-pdf", test_export_pdf);
  g_test_add_func ("/print-window/page-setup-remembered", test_page_setup_remembered);
  g_test_add_func ("/print-window/print-operation", test_print_operation);
  g_test_add_func ("/print-window/print-dialog", test_print_dialog);
  g_test_add_func ("/print-window/print-to-file", test_print_to_file);
  g_test_add_func ("/print-window/as-the-grid", test_as_the_grid);

  return racimo_ui_test_run ();
}
