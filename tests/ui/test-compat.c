/* test-compat.c: every function of racimo-compat.c, shown and answered
 *
 * racimo-compat.c branches on the GTK and libadwaita it is built with:
 * on Debian 12 (GTK 4.8, libadwaita 1.2) these tests run the older branch
 * of each function (GtkFileChooserNative, AdwMessageDialog, AdwAboutWindow,
 * gtk_show_uri_full(), GtkStyleContext), on Debian 13 and the GNOME
 * runtime (GTK 4.18, libadwaita 1.7) the newer one (GtkFileDialog,
 * AdwAlertDialog, AdwAboutDialog, GtkUriLauncher, gtk_widget_get_color()).
 *
 * The file dialogs are really shown.  Without a portal on the session bus
 * both GtkFileChooserNative and GtkFileDialog show GTK's own file chooser
 * window; the tests find it among the toplevels, fill it in and answer it
 * as its buttons would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "racimo-compat.h"
#include "racimo-csv-export-dialog.h"
#include "racimo-pdf-export-dialog.h"
#include "racimo-test-pdf.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-ui-test.h"

/* What a user waits for at most before calling it hung */
#define TIMEOUT_S 20

/* GtkFileChooser and GtkFileChooserDialog are deprecated since GTK 4.10,
 * in favour of GtkFileDialog: which has no API for a test to answer it.
 * The window it shows is still GtkFileChooserDialog. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Helpers */

static char *
test_file_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", name, NULL);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("Waited %d s for %s", TIMEOUT_S, (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@done, failing after TIMEOUT_S. */
static void
wait_for (const gboolean *done,
          const char     *what)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_S, on_timeout, (gpointer) what);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* The file chooser window shown, or NULL */
static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* GTK's file chooser reads folders and file information in threads.  GTK
 * 4.18 can crash when the chooser is answered, and so destroyed, while
 * one of them is under way (a callback into its path bar's freed box);
 * a user takes longer than a test.  So: wait until nothing has happened
 * for a moment (at most a few seconds). */
static void
wait_until_quiet (void)
{
  gint64 start = g_get_monotonic_time ();
  gint64 last = start;

  while (g_get_monotonic_time () - last < 300 * G_TIME_SPAN_MILLISECOND
         && g_get_monotonic_time () - start < 5 * G_TIME_SPAN_SECOND)
    {
      if (g_main_context_iteration (NULL, FALSE))
        last = g_get_monotonic_time ();
      else
        g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
}

/* Waits for the file chooser to be shown, and checks what it asks. */
static GtkWindow *
wait_for_file_chooser (const char           *title,
                       GtkFileChooserAction  action)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_S, on_timeout, (gpointer) "a file chooser");
  GtkWindow *chooser;

  while ((chooser = find_file_chooser ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  wait_until_quiet ();

  g_assert_cmpstr (gtk_window_get_title (chooser), ==, title);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, action);
  g_assert_true (gtk_window_get_modal (chooser));

  return chooser;
}

/* Waits until the file chooser is not only hidden but gone, with the
 * work it started (reading folders) done. */
static void
wait_for_file_chooser_gone (GtkWindow *chooser)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_S, on_timeout,
                                         (gpointer) "the file chooser to be destroyed");

  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  while (chooser != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  racimo_ui_test_spin ();
  g_assert_null (find_file_chooser ());
}

/* Answers the file chooser as its Cancel button does. */
static void
cancel_file_chooser (GtkWindow *chooser)
{
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_for_file_chooser_gone (chooser);
}

/* Chooses @file in the file chooser, as a user does: for saving, the
 * folder and a typed name; for opening, the file selected.  Then Save or
 * Open. */
static void
accept_file_chooser (GtkWindow *chooser,
                     GFile     *file)
{
  GtkFileChooser *fc = GTK_FILE_CHOOSER (chooser);
  g_autoptr(GError) error = NULL;

  if (gtk_file_chooser_get_action (fc) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      gtk_file_chooser_set_current_folder (fc, folder, &error);
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (fc, name);
    }
  else
    {
      guint timeout = g_timeout_add_seconds (TIMEOUT_S, on_timeout,
                                             (gpointer) "the file to be selected");

      gtk_file_chooser_set_file (fc, file, &error);
      g_assert_no_error (error);
      /* Selected once its folder is read */
      for (;;)
        {
          g_autoptr(GFile) selected = gtk_file_chooser_get_file (fc);

          if (selected != NULL && g_file_equal (selected, file))
            break;
          g_main_context_iteration (NULL, TRUE);
        }
      g_source_remove (timeout);
    }

  wait_until_quiet ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for_file_chooser_gone (chooser);
}

typedef struct
{
  gboolean  done;
  GFile    *file;
  GError   *error;
} FileAnswer;

static void
file_answer_clear (FileAnswer *answer)
{
  g_clear_object (&answer->file);
  g_clear_error (&answer->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileAnswer, file_answer_clear)

static void
on_open_answered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FileAnswer *answer = user_data;

  answer->file = racimo_compat_open_file_finish (result, &answer->error);
  answer->done = TRUE;
}

static void
on_save_answered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FileAnswer *answer = user_data;

  answer->file = racimo_compat_save_file_finish (result, &answer->error);
  answer->done = TRUE;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A button activated shows itself pressed for a moment, then is clicked. */
static void
wait_for_csv_dialog_gone (RacimoWindow *window)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_S, on_timeout,
                                         (gpointer) "the CSV options to close");

  while (_racimo_window_get_csv_export_dialog (window) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* Tests: file dialogs */

static void
test_open_file_cancel (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  g_auto(FileAnswer) answer = { 0 };
  GtkWindow *chooser;

  racimo_compat_open_file (GTK_WINDOW (window), "Open Something",
                           RACIMO_FILE_FILTER_RACI | RACIMO_FILE_FILTER_ALL,
                           NULL, NULL, on_open_answered, &answer);
  chooser = wait_for_file_chooser ("Open Something", GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (window));
  g_assert_false (answer.done);

  /* Cancelling is G_IO_ERROR_CANCELLED on both: GtkFileDialog's own
   * "dismissed" does not reach the window. */
  cancel_file_chooser (chooser);
  wait_for (&answer.done, "the open dialog's answer");
  g_assert_null (answer.file);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  racimo_ui_test_destroy_window (window);
}

/* Activates @action of @window and answers its file dialog, @title, with
 * @file; waits until the window has a file and nothing under way. */
static void
choose_window_file (RacimoWindow         *window,
                    const char           *action,
                    const char           *title,
                    GtkFileChooserAction  mode,
                    GFile                *file)
{
  GtkWindow *chooser;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  chooser = wait_for_file_chooser (title, mode);
  accept_file_chooser (chooser, file);
  while (racimo_window_get_file (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  racimo_ui_test_wait_idle (window);
}

static void
test_open_file_window (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  g_autofree char *path = test_file_path ("window-no-owner.raci");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* The Open button of the window, and the file chosen opens. */
  choose_window_file (window, "win.open", "Open a Project", GTK_FILE_CHOOSER_ACTION_OPEN, file);

  g_assert_true (g_file_equal (racimo_window_get_file (window), file));
  g_assert_cmpstr (racimo_project_get_title (racimo_window_get_project (window)), ==,
                   "ML system deployment");
  g_assert_null (_racimo_window_get_alert (window));
  g_assert_null (find_file_chooser ());

  racimo_ui_test_destroy_window (window);
}

static void
test_save_file (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  g_autofree char *dir = g_dir_make_tmp ("racimo-test-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) target = g_file_get_child (folder, "chosen.raci");
  GtkWindow *chooser;

  /* The name proposed is in the dialog; cancelling is an error. */
  {
    g_auto(FileAnswer) answer = { 0 };

    racimo_compat_save_file (GTK_WINDOW (window), "Save Something",
                             RACIMO_FILE_FILTER_RACI, folder, "proposed.raci",
                             NULL, on_save_answered, &answer);
    chooser = wait_for_file_chooser ("Save Something", GTK_FILE_CHOOSER_ACTION_SAVE);
    g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                     "proposed.raci");
    cancel_file_chooser (chooser);
    wait_for (&answer.done, "the save dialog's answer");
    g_assert_null (answer.file);
    g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  /* The name typed is the file returned. */
  {
    g_auto(FileAnswer) answer = { 0 };

    racimo_compat_save_file (GTK_WINDOW (window), "Save Something",
                             RACIMO_FILE_FILTER_RACI, folder, "proposed.raci",
                             NULL, on_save_answered, &answer);
    chooser = wait_for_file_chooser ("Save Something", GTK_FILE_CHOOSER_ACTION_SAVE);
    accept_file_chooser (chooser, target);
    wait_for (&answer.done, "the save dialog's answer");
    g_assert_no_error (answer.error);
    g_assert_true (g_file_equal (answer.file, target));
  }

  /* A cancellable cancelled takes the dialog away. */
  {
    g_auto(FileAnswer) answer = { 0 };
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    racimo_compat_save_file (GTK_WINDOW (window), "Save Something",
                             RACIMO_FILE_FILTER_RACI, folder, "proposed.raci",
                             cancellable, on_save_answered, &answer);
    wait_for_file_chooser ("Save Something", GTK_FILE_CHOOSER_ACTION_SAVE);
    g_cancellable_cancel (cancellable);
    wait_for (&answer.done, "the save dialog's answer");
    g_assert_null (answer.file);
    g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    racimo_ui_test_spin ();
    g_assert_null (find_file_chooser ());
  }

  racimo_ui_test_destroy_window (window);
  racimo_test_remove_tree (dir);
}

static void
test_save_as_window (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deployment", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "deployment.raci", NULL);
  g_autoptr(GFile) typed = g_file_new_for_path (path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  GtkWindow *chooser;

  /* Save As, a name typed without ".raci": the project is saved there. */
  choose_window_file (window, "win.save-as", "Save As", GTK_FILE_CHOOSER_ACTION_SAVE, typed);

  g_assert_true (g_file_equal (racimo_window_get_file (window), saved));
  g_assert_true (g_file_test (saved_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (racimo_document_get_modified (racimo_window_get_document (window)));

  /* Export PDF, its options taken as they are, then cancelled: nothing
   * written, nothing said. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  racimo_ui_test_spin ();
  gtk_widget_activate (gtk_window_get_default_widget (
                         GTK_WINDOW (_racimo_window_get_pdf_export_dialog (window))));
  chooser = wait_for_file_chooser ("Export PDF", GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "ML system deployment.pdf");
  cancel_file_chooser (chooser);
  racimo_ui_test_wait_idle (window);
  g_assert_null (_racimo_window_get_alert (window));
  g_assert_null (_racimo_window_get_toast (window));

  racimo_ui_test_destroy_window (window);
  racimo_test_remove_tree (dir);
}

/* Tests: the PDF export's options, asked before the file dialog and
 * remembered for the file */

static void
test_export_pdf_options (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("racimo-test-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "plan.raci", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix", NULL);
  g_autofree char *written_path = g_build_filename (dir, "matrix.pdf", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GFile) typed = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (project_file);
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GVariant) remembered = NULL;
  GtkWidget *dialog, *panel;
  GtkWindow *chooser;
  gboolean mono = FALSE;
  double width, height;

  /* Remembered for a file: the project is saved first. */
  racimo_window_save_as (window, project_file);
  racimo_ui_test_wait_idle (window);
  g_assert_true (g_file_equal (racimo_window_get_file (window), project_file));

  /* Export PDF asks how first, the paper included */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_pdf_export_dialog (window);
  g_assert_true (RACIMO_IS_PDF_EXPORT_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export PDF");
  panel = GTK_WIDGET (racimo_pdf_export_dialog_get_panel (RACIMO_PDF_EXPORT_DIALOG (dialog)));
  g_assert_true (gtk_widget_is_visible (racimo_ui_test_find_named (panel, "paper")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (racimo_ui_test_find_named (panel, "orientation"))),
                    ==, 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (racimo_ui_test_find_named (panel, "mono"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (racimo_ui_test_find_named (panel, "ux-designer"))));

  /* Escape: no file dialog, no file. */
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  racimo_ui_test_spin ();
  g_assert_null (_racimo_window_get_pdf_export_dialog (window));
  g_assert_null (find_file_chooser ());

  /* A3 upright, in black and white, without the UX designer, with a
   * footer; then Enter: the file dialog proposes the project's name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_pdf_export_dialog (window);
  panel = GTK_WIDGET (racimo_pdf_export_dialog_get_panel (RACIMO_PDF_EXPORT_DIALOG (dialog)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (racimo_ui_test_find_named (panel, "paper")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (racimo_ui_test_find_named (panel, "orientation")), 1);
  gtk_switch_set_active (GTK_SWITCH (racimo_ui_test_find_named (panel, "mono")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (racimo_ui_test_find_named (panel, "ux-designer")),
                               FALSE);
  gtk_editable_set_text (GTK_EDITABLE (racimo_ui_test_find_named (panel, "footer")),
                         "Confidential");
  gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  while (_racimo_window_get_pdf_export_dialog (window) != NULL)
    g_main_context_iteration (NULL, TRUE);

  chooser = wait_for_file_chooser ("Export PDF", GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "ML system deployment.pdf");
  accept_file_chooser (chooser, typed);
  while (!g_file_test (written_path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  racimo_ui_test_wait_idle (window);

  /* The PDF is as chosen: A3 upright */
  g_assert_cmpuint (racimo_test_pdf_read (written_path, &width, &height), >=, 1);
  g_assert_cmpfloat_with_epsilon (width, 297 * 72 / 25.4, 1.0);
  g_assert_cmpfloat_with_epsilon (height, 420 * 72 / 25.4, 1.0);

  /* Remembered for this file, and offered again */
  all = g_settings_get_value (settings, "print-options");
  remembered = g_variant_lookup_value (all, uri, G_VARIANT_TYPE_VARDICT);
  g_assert_nonnull (remembered);
  g_assert_true (g_variant_lookup (remembered, "mono", "b", &mono));
  g_assert_true (mono);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_pdf_export_dialog (window);
  panel = GTK_WIDGET (racimo_pdf_export_dialog_get_panel (RACIMO_PDF_EXPORT_DIALOG (dialog)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (racimo_ui_test_find_named (panel, "paper"))),
                    ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (racimo_ui_test_find_named (panel, "orientation"))),
                    ==, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (racimo_ui_test_find_named (panel, "mono"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (racimo_ui_test_find_named (panel, "ux-designer"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (racimo_ui_test_find_named (panel, "footer"))),
                   ==, "Confidential");

  /* Closing the window takes a dialog shown with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  racimo_ui_test_destroy_window (window);
  g_assert_null (dialog);

  g_settings_reset (settings, "print-options");
  racimo_test_remove_tree (dir);
}

/* Tests: the CSV export's options, asked before the file dialog */

static void
test_export_csv_options (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("ml-system-deployment");
  g_autofree char *dir = g_dir_make_tmp ("racimo-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix", NULL);
  g_autofree char *written_path = g_build_filename (dir, "matrix.csv", NULL);
  g_autoptr(GFile) typed = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *first_line = NULL;
  GtkWidget *dialog;
  AdwComboRow *delimiter_row;
  GtkSwitch *bom_switch;
  GtkWidget *export_button;
  GtkWindow *chooser;
  gsize length;

  /* Export CSV asks how first: comma and no byte order mark, unless the
   * last export said otherwise. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_csv_export_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (RACIMO_IS_CSV_EXPORT_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export CSV");
  g_assert_null (find_file_chooser ());

  delimiter_row = ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW));
  bom_switch = GTK_SWITCH (find_descendant (dialog, GTK_TYPE_SWITCH));
  g_assert_cmpuint (adw_combo_row_get_selected (delimiter_row), ==, RACIMO_CSV_COMMA);
  g_assert_false (gtk_switch_get_active (bom_switch));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (delimiter_row)), ==,
                   "_Separate cells by");

  /* Escape: no file dialog, no file. */
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  racimo_ui_test_spin ();
  g_assert_null (_racimo_window_get_csv_export_dialog (window));
  g_assert_null (find_file_chooser ());

  /* Semicolons and the mark, then Enter (the default button): the file
   * dialog proposes the project's name and asks where. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_csv_export_dialog (window);
  delimiter_row = ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW));
  bom_switch = GTK_SWITCH (find_descendant (dialog, GTK_TYPE_SWITCH));
  adw_combo_row_set_selected (delimiter_row, RACIMO_CSV_SEMICOLON);
  gtk_switch_set_active (bom_switch, TRUE);
  export_button = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_nonnull (export_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (export_button)), ==, "_Export…");
  gtk_widget_activate (export_button);
  wait_for_csv_dialog_gone (window);

  chooser = wait_for_file_chooser ("Export CSV", GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "ML system deployment.csv");
  accept_file_chooser (chooser, typed);
  while (!g_file_test (written_path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  racimo_ui_test_wait_idle (window);

  /* The file is as chosen: the mark, the title row, then cells separated
   * by semicolons. */
  g_assert_true (g_file_get_contents (written_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfML system deployment\r\n"));
  first_line = g_strndup (strchr (contents, '\n') + 1, strcspn (strchr (contents, '\n') + 1, "\r\n"));
  g_assert_nonnull (strchr (first_line, ';'));
  g_assert_null (strchr (first_line, ','));
  g_assert_nonnull (_racimo_window_get_toast (window));
  g_assert_null (_racimo_window_get_alert (window));

  /* The next export offers the same choices; Tab proposes ".tsv". */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_csv_export_dialog (window);
  delimiter_row = ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW));
  bom_switch = GTK_SWITCH (find_descendant (dialog, GTK_TYPE_SWITCH));
  g_assert_cmpuint (adw_combo_row_get_selected (delimiter_row), ==, RACIMO_CSV_SEMICOLON);
  g_assert_true (gtk_switch_get_active (bom_switch));
  adw_combo_row_set_selected (delimiter_row, RACIMO_CSV_TAB);
  gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  wait_for_csv_dialog_gone (window);
  chooser = wait_for_file_chooser ("Export CSV", GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "ML system deployment.tsv");
  cancel_file_chooser (chooser);

  /* Closing the window takes a dialog shown with it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL);
  racimo_ui_test_spin ();
  dialog = _racimo_window_get_csv_export_dialog (window);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  racimo_ui_test_destroy_window (window);
  g_assert_null (dialog);

  racimo_test_remove_tree (dir);
}

/* Tests: alerts */

typedef struct
{
  guint  calls;
  char  *response;
} AlertAnswer;

static void
on_alert_answered (GObject    *owner,
                   const char *response)
{
  AlertAnswer *answer = g_object_get_data (owner, "answer");

  answer->calls++;
  g_free (answer->response);
  answer->response = g_strdup (response);
}

static void
test_alert (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  AlertAnswer answer = { 0 };
  const RacimoAlertResponse responses[] = {
    { "cancel", "_Cancel", RACIMO_RESPONSE_DEFAULT },
    { "keep", "_Keep", RACIMO_RESPONSE_SUGGESTED },
    { "drop", "_Drop", RACIMO_RESPONSE_DESTRUCTIVE },
  };
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  GtkWidget *alert;

  g_object_set_data (owner, "answer", &answer);

  /* Shown over the window, with its texts; a response, once. */
  alert = racimo_compat_alert_show (GTK_WINDOW (window), "The Heading", "The body.",
                                    responses, G_N_ELEMENTS (responses), "keep", "cancel",
                                    on_alert_answered, owner);
  racimo_ui_test_spin ();
  g_assert_nonnull (alert);
  g_assert_true (gtk_widget_get_visible (alert));
#if ADW_CHECK_VERSION (1, 5, 0)
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_true (gtk_widget_get_root (alert) == GTK_ROOT (window));
#else
  g_assert_true (ADW_IS_MESSAGE_DIALOG (alert));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (alert)) == GTK_WINDOW (window));
#endif
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "The Heading");
  g_assert_cmpstr (racimo_compat_alert_get_body (alert), ==, "The body.");
  racimo_compat_alert_respond (alert, "drop");
  racimo_ui_test_spin ();
  g_assert_cmpuint (answer.calls, ==, 1);
  g_assert_cmpstr (answer.response, ==, "drop");

  /* Closed as Escape does: the close response. */
  alert = racimo_compat_alert_show (GTK_WINDOW (window), "Again", NULL,
                                    responses, G_N_ELEMENTS (responses), "keep", "cancel",
                                    on_alert_answered, owner);
  racimo_ui_test_spin ();
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_close (ADW_DIALOG (alert));
#else
  gtk_window_close (GTK_WINDOW (alert));
#endif
  racimo_ui_test_spin ();
  g_assert_cmpuint (answer.calls, ==, 2);
  g_assert_cmpstr (answer.response, ==, "cancel");

  /* Its owner gone, the answer goes nowhere. */
  alert = racimo_compat_alert_show (GTK_WINDOW (window), "Orphan", NULL,
                                    responses, G_N_ELEMENTS (responses), "keep", "cancel",
                                    on_alert_answered, owner);
  racimo_ui_test_spin ();
  g_clear_object (&owner);
  racimo_compat_alert_respond (alert, "keep");
  racimo_ui_test_spin ();
  g_assert_cmpuint (answer.calls, ==, 2);

  g_free (answer.response);
  racimo_ui_test_destroy_window (window);
}

/* Tests: the about dialog, opening a URI, colours */

static void
test_about (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  GtkWidget *about = NULL;
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;

  racimo_compat_show_about (GTK_WINDOW (window));
  racimo_ui_test_spin ();

#if ADW_CHECK_VERSION (1, 5, 0)
  about = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (ADW_IS_ABOUT_DIALOG (about));
#else
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (toplevel))
          about = GTK_WIDGET (toplevel);
      }
    g_assert_nonnull (about);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  }
#endif
  g_assert_true (gtk_widget_get_visible (about));
  g_object_get (about, "application-name", &name, "version", &version, NULL);
  g_assert_cmpstr (name, ==, "Racimo");
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (about));
#else
  gtk_window_destroy (GTK_WINDOW (about));
#endif
  racimo_ui_test_spin ();

  racimo_ui_test_destroy_window (window);
}

typedef struct
{
  gboolean  done;
  gboolean  shown;
  GError   *error;
} UriAnswer;

static void
on_uri_answered (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UriAnswer *answer = user_data;

  answer->shown = racimo_compat_show_uri_finish (result, &answer->error);
  answer->done = TRUE;
}

static void
test_show_uri (void)
{
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  UriAnswer answer = { 0 };

  /* No program handles the scheme: an error, which the window shows in
   * an alert (as for the help without a help viewer). */
  racimo_compat_show_uri (GTK_WINDOW (window), "x-racimo-test-no-handler:nothing",
                          NULL, on_uri_answered, &answer);
  wait_for (&answer.done, "the URI to be opened or refused");
  g_assert_false (answer.shown);
  g_assert_nonnull (answer.error);
  g_assert_nonnull (answer.error->message);
  g_clear_error (&answer.error);

  racimo_ui_test_destroy_window (window);
}

static void
test_colors (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Colour");
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkRGBA color, accent;

  /* The label's colour is the one its style sheet gives it. */
  gtk_css_provider_load_from_data (provider, "label.racimo-test-color { color: #336699; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (label, "racimo-test-color");
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  racimo_ui_test_wait_for_frames (label);

  racimo_compat_widget_get_color (label, &color);
  g_assert_cmpfloat_with_epsilon (color.red, 0x33 / 255.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (color.green, 0x66 / 255.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (color.blue, 0x99 / 255.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (color.alpha, 1.0, 1e-3);

  /* libadwaita's named colours are found; others are not. */
  g_assert_true (racimo_compat_lookup_color (label, "accent_color", &accent));
  g_assert_cmpfloat_with_epsilon (accent.alpha, 1.0, 1e-3);
  g_assert_false (racimo_compat_lookup_color (label, "racimo_no_such_color", &accent));

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (GTK_WINDOW (window));
  racimo_ui_test_spin ();
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

  /* A blinking cursor draws frames all the time: never quiet. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  /* Which branches this build takes, for the log */
  g_test_message ("GTK %u.%u.%u, libadwaita %u.%u.%u: %s, %s, %s, %s, %s",
                  gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                  adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
#if GTK_CHECK_VERSION (4, 10, 0)
                  "GtkFileDialog", "GtkUriLauncher", "gtk_widget_get_color",
#else
                  "GtkFileChooserNative", "gtk_show_uri_full", "gtk_style_context_get_color",
#endif
#if ADW_CHECK_VERSION (1, 5, 0)
                  "AdwAlertDialog", "AdwAboutDialog"
#else
                  "AdwMessageDialog", "AdwAboutWindow"
#endif
                  );

  g_test_add_func ("/compat/open-file/cancel", test_open_file_cancel);
  g_test_add_func ("/compat/open-file/window", test_open_file_window);
  g_test_add_func ("/compat/save-file", test_save_file);
  g_test_add_func ("/compat/save-file/window", test_save_as_window);
  g_test_add_func ("/compat/export-csv-options", test_export_csv_options);
  g_test_add_func ("/compat/export-pdf-options", test_export_pdf_options);
  g_test_add_func ("/compat/alert", test_alert);
  g_test_add_func ("/compat/about", test_about);
  g_test_add_func ("/compat/show-uri", test_show_uri);
  g_test_add_func ("/compat/colors", test_colors);

  return racimo_ui_test_run ();
}
