/* test-print-window.c: printing and the PDF export from the window
 *
 * The print dialog needs a printer to finish; the same operation is run
 * here with GTK's export action, which draws the pages through the same
 * "begin-print" and "draw-page" into a PDF file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

/* Prints @window's project with GTK's "Print to File", chosen in the
 * settings, to @path, as the user's OK in the print dialog does: the
 * pages go to the file, and the choices are remembered. */
static void
print_to_file (RacimoWindow *window,
               const char   *path)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GObject *printer = NULL;
  GtkWindow *dialog;

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

  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_OK);
  for (;;)
    {
      g_autoptr(GVariant) page_setup = g_settings_get_value (settings, "page-setup");

      if (g_variant_n_children (page_setup) > 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  /* GTK's file printer goes on writing the job after the operation is
   * done. */
  while (!pdf_is_complete (path))
    g_main_context_iteration (NULL, TRUE);
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
  double width, height;

  /* Printed another project before to GTK's "Print to File": the dialog
   * chooses it again, in the same folder, under this project's name. */
  gtk_print_settings_set_printer (print_settings, "Print to File");
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, last_uri);
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  g_settings_set_value (settings, "print-settings",
                        gtk_print_settings_to_gvariant (print_settings));

  window = racimo_ui_test_window_with_template ("ml-system-deployment");
  print_to_file (window, path);
  page_setup = g_settings_get_value (settings, "page-setup");
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

/* The panel of the PDF export's dialog, opened as Export PDF opens it */
static RacimoPrintOptionsPanel *
open_export_dialog (RacimoWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_pdf_export_dialog (window);
  g_assert_nonnull (dialog);

  return racimo_pdf_export_dialog_get_panel (RACIMO_PDF_EXPORT_DIALOG (dialog));
}

/* Closed as Escape closes it, with nothing else done */
static void
close_export_dialog (RacimoWindow *window)
{
  gtk_widget_activate_action (_racimo_window_get_pdf_export_dialog (window), "window.close", NULL);
  racimo_ui_test_spin ();
}

/* Fit to one page, with more roles than one page holds at a legible
 * size: the PDF export and the print dialog say that the matrix is
 * printed on more pages. */
static void
test_fit_notice (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("racimo-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "one.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "ML system deployment.pdf", NULL);
  g_autofree char *printed_uri = g_filename_to_uri (printed, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  RacimoWindow *window;
  RacimoProject *project;
  AdwToast *toast;
  double width, height;
  guint n_pages;

  gtk_print_settings_set_printer (print_settings, "Print to File");
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, printed_uri);
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  g_settings_set_value (settings, "print-settings",
                        gtk_print_settings_to_gvariant (print_settings));

  window = racimo_ui_test_window_with_template ("ml-system-deployment");
  project = racimo_window_get_project (window);
  for (guint r = 0; r < 100; r++)
    {
      g_autofree char *name = g_strdup_printf ("Reviewer %u", r + 1);

      racimo_project_add_role (project, -1, name, NULL);
    }

  /* Fit to one page, as the export dialog sets it */
  {
    RacimoPrintOptionsPanel *panel = open_export_dialog (window);

    adw_combo_row_set_selected (ADW_COMBO_ROW (racimo_ui_test_find_named (GTK_WIDGET (panel),
                                                                          "fit")), 2);
    racimo_print_options_panel_apply (panel, window->layout_options);
    close_export_dialog (window);
    g_assert_true (window->layout_options->one_page);
  }

  racimo_window_export_pdf (window, file);
  racimo_ui_test_wait_idle (window);
  n_pages = racimo_test_pdf_read (path, &width, &height);
  g_assert_cmpuint (n_pages, >, 1);
  expected = g_strdup_printf ("The matrix does not fit on one page at a legible size; it is "
                              "printed on %u pages", n_pages);
  toast = _racimo_window_get_toast (window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (adw_toast_get_custom_title (toast))), ==,
                   expected);

  /* The print dialog, the same */
  adw_toast_dismiss (toast);
  print_to_file (window, printed);
  g_assert_cmpuint (racimo_test_pdf_read (printed, &width, &height), ==, n_pages);
  toast = _racimo_window_get_toast (window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (adw_toast_get_custom_title (toast))), ==,
                   expected);

  racimo_ui_test_destroy_window (window);
  g_settings_reset (settings, "print-settings");
  g_settings_reset (settings, "page-setup");
  g_settings_reset (settings, "print-options");
  g_remove (path);
  g_remove (printed);
  g_rmdir (dir);
}

/* Fit to pages across: the PDF export's dialog and the
 * print dialog's tab ask how many, and offer the number chosen again. */
static void
test_pages_wide (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autoptr(RacimoPrintOperation) operation = NULL;
  RacimoPrintOptionsPanel *panel = open_export_dialog (window);
  GtkWidget *fit, *spin, *tab;
  GObject *custom = NULL;

  fit = racimo_ui_test_find_named (GTK_WIDGET (panel), "fit");
  spin = racimo_ui_test_find_named (GTK_WIDGET (panel), "pages-wide");
  /* Asked only when chosen */
  g_assert_false (gtk_widget_is_visible (spin));
  adw_combo_row_set_selected (ADW_COMBO_ROW (fit), 3);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (fit))),
                   ==, "Fit to pages across");
  g_assert_true (gtk_widget_is_visible (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  racimo_print_options_panel_apply (panel, window->layout_options);
  g_assert_cmpuint (window->layout_options->pages_wide, ==, 3);
  g_assert_false (window->layout_options->one_page);
  g_assert_cmpint (window->layout_options->fit, ==, RACIMO_PAGINATION_FIT_WIDTH);
  close_export_dialog (window);

  /* Offered again */
  panel = open_export_dialog (window);
  fit = racimo_ui_test_find_named (GTK_WIDGET (panel), "fit");
  spin = racimo_ui_test_find_named (GTK_WIDGET (panel), "pages-wide");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (fit)), ==, 3);
  g_assert_true (gtk_widget_is_visible (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 3);
  /* Another width: no pages across */
  adw_combo_row_set_selected (ADW_COMBO_ROW (fit), 1);
  g_assert_false (gtk_widget_is_visible (spin));
  racimo_print_options_panel_apply (panel, window->layout_options);
  g_assert_cmpuint (window->layout_options->pages_wide, ==, 0);
  g_assert_cmpint (window->layout_options->fit, ==, RACIMO_PAGINATION_TILE);
  close_export_dialog (window);

  /* The print dialog's tab, the same */
  window->layout_options->fit = RACIMO_PAGINATION_FIT_WIDTH;
  window->layout_options->pages_wide = 4;
  operation = racimo_print_operation_new (racimo_window_get_project (window),
                                          window->layout_options);
  g_signal_emit_by_name (operation, "create-custom-widget", &custom);
  tab = GTK_WIDGET (custom);
  g_object_ref_sink (tab);
  fit = racimo_ui_test_find_named (tab, "fit");
  spin = racimo_ui_test_find_named (tab, "pages-wide");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (fit)), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_cmpuint (racimo_print_operation_get_options (operation)->pages_wide, ==, 1);
  g_object_unref (tab);

  racimo_ui_test_destroy_window (window);
}

/* One page per role, chosen in the PDF export's dialog: the matrix's own
 * choices are off, and the PDF has a page for each role; the print
 * dialog prints the matrix and does not offer it. */
static void
test_per_role (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  RacimoProject *project = racimo_window_get_project (window);
  g_autoptr(RacimoPrintOperation) operation = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roles.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RacimoPrintOptionsPanel *panel = open_export_dialog (window);
  GtkWidget *handout, *fit, *mono, *tab;
  GObject *custom = NULL;
  double width, height;

  handout = racimo_ui_test_find_named (GTK_WIDGET (panel), "handout");
  fit = racimo_ui_test_find_named (GTK_WIDGET (panel), "fit");
  mono = racimo_ui_test_find_named (GTK_WIDGET (panel), "mono");
  g_assert_true (gtk_widget_is_visible (handout));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (handout)), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (fit));
  adw_combo_row_set_selected (ADW_COMBO_ROW (handout), 1);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (handout))),
                   ==, "One page per role");
  g_assert_false (gtk_widget_is_sensitive (fit));
  g_assert_false (gtk_widget_is_sensitive (mono));
  g_assert_true (gtk_widget_is_sensitive (racimo_ui_test_find_named (GTK_WIDGET (panel),
                                                                     "header")));
  racimo_print_options_panel_apply (panel, window->layout_options);
  g_assert_true (window->layout_options->per_role);
  close_export_dialog (window);

  racimo_window_export_pdf (window, file);
  racimo_ui_test_wait_idle (window);
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==,
                    racimo_project_get_n_roles (project));
  text = racimo_test_pdf_get_text (path);
  g_assert_nonnull (strstr (text, "Account manager (AM)"));
  g_assert_nonnull (strstr (text, "Other roles"));
  g_assert_cmpstr (adw_toast_get_title (_racimo_window_get_toast (window)), ==,
                   "Exported “roles.pdf”");

  /* Offered again, and not in the print dialog */
  panel = open_export_dialog (window);
  handout = racimo_ui_test_find_named (GTK_WIDGET (panel), "handout");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (handout)), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (racimo_ui_test_find_named (GTK_WIDGET (panel), "fit")));
  close_export_dialog (window);

  operation = racimo_print_operation_new (project, window->layout_options);
  g_signal_emit_by_name (operation, "create-custom-widget", &custom);
  tab = GTK_WIDGET (custom);
  g_object_ref_sink (tab);
  g_assert_false (gtk_widget_get_visible (racimo_ui_test_find_named (tab, "handout")));
  g_assert_true (gtk_widget_is_sensitive (racimo_ui_test_find_named (tab, "fit")));
  g_object_unref (tab);

  racimo_ui_test_destroy_window (window);
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
  g_test_add_func ("/print-window/fit-notice", test_fit_notice);
  g_test_add_func ("/print-window/pages-wide", test_pages_wide);
  g_test_add_func ("/print-window/per-role", test_per_role);

  return racimo_ui_test_run ();
}
