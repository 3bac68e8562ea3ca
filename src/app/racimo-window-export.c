/* racimo-window-export.c: the window's project on paper and in other
 * programs' files: CSV, Excel workbooks, PDF and printing
 *
 * A CSV export asks how to write the file (RacimoCsvExportDialog), then
 * where.  PDF export and printing lay the matrix out with core's print
 * pagination; the PDF export's dialog (RacimoPdfExportDialog) and the
 * print dialog's Matrix tab set the same options, remembered for each file
 * in the settings, and the page setup is kept there too.
 * A PDF is written in a thread from a snapshot of the project, with a
 * notice while a large one takes its time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-csv-export-dialog.h"
#include "racimo-matrix-view-private.h"
#include "racimo-pdf-export-dialog.h"
#include "racimo-window-private.h"

/* A file name made from the project's title, safe on every system. */
static char *
name_for_export (RacimoWindow *self,
                 const char   *extension)
{
  const char *title = self->project != NULL ? racimo_project_get_title (self->project) : NULL;
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title
                                                                   : _("Untitled Project"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  g_strstrip (base);

  return g_strconcat (base, extension, NULL);
}

/* @file, or when its name has no extension, the same name with
 * @extension: what the user typed in the file dialog, made whole. */
GFile *
_racimo_window_add_missing_extension (GFile      *file,
                                      const char *extension)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *full = NULL;
  g_autoptr(GFile) parent = NULL;

  if (strrchr (basename, '.') != NULL)
    return g_object_ref (file);

  full = g_strconcat (basename, extension, NULL);
  parent = g_file_get_parent (file);

  return g_file_get_child (parent, full);
}

static GFile *
get_export_folder (RacimoWindow *self)
{
  g_autofree char *uri = NULL;
  const char *documents;

  if (self->settings != NULL)
    uri = g_settings_get_string (self->settings, "last-export-folder");
  if (uri != NULL && *uri != '\0')
    return g_file_new_for_uri (uri);

  if (racimo_window_get_file (self) != NULL)
    return g_file_get_parent (racimo_window_get_file (self));

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  return documents != NULL ? g_file_new_for_path (documents) : NULL;
}

static void
remember_export_folder (RacimoWindow *self,
                        GFile        *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = folder != NULL ? g_file_get_uri (folder) : NULL;

  if (self->settings != NULL && uri != NULL)
    g_settings_set_string (self->settings, "last-export-folder", uri);
}

void
_racimo_window_show_exported (RacimoWindow *self,
                              GFile        *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), basename);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.launch-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  _racimo_window_show_toast (self, toast);
}

static void
launch_uri_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL, NULL, NULL);
}

void
_racimo_window_show_export_error (RacimoWindow *self,
                                  GFile        *file,
                                  const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = _racimo_window_heading_name (basename);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);
  g_autofree char *body = _racimo_window_describe_write_error (file, error);

  _racimo_window_show_error (self, heading, body);
}

/* The matrix did not fit the pages asked for (one page, N pages wide):
 * said after "Exported", and longer, since it takes longer to read.  Not
 * before it with a high priority: libadwaita 1.2 aborts when a toast
 * shown is pushed back by one of a higher priority. */
void
_racimo_window_show_fit_notice (RacimoWindow *self,
                                const char   *notice)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (notice);

  /* On lines of its own: a toast's title is cut to one line. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 10);
  _racimo_window_show_toast (self, toast);
}

/* The start of a PDF export, to the local @path of its file: counted with
 * the writes until _racimo_window_end_export(). A file with no such path
 * ends @task at once, with why, and FALSE is returned. */
gboolean
_racimo_window_begin_pdf_export (RacimoWindow *self,
                                 GTask        *task,
                                 const char   *path)
{
  self->writing++;
  if (path != NULL)
    return TRUE;

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A PDF can only be written to a folder of this computer."));
  return FALSE;
}

/* The end of an export to @file (a spreadsheet, a PDF, person pages):
 * one write less, and says it is done, or why not; nothing when it was
 * cancelled. */
void
_racimo_window_end_export (RacimoWindow *self,
                           GFile        *file,
                           gboolean      done,
                           const GError *error)
{
  self->writing--;
  if (done)
    _racimo_window_show_exported (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _racimo_window_show_export_error (self, file, error);
}

static void
on_csv_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RacimoWindowWrite) write = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = racimo_csv_save_finish (result, &error);

  _racimo_window_end_export (write->window, write->file, saved, error);
}

/**
 * racimo_window_export_csv:
 * @options: the delimiter and the byte order mark
 *
 * Writes the project shown to @file as a spreadsheet's CSV, without
 * blocking the window; says when it is done, or why it failed.
 */
void
racimo_window_export_csv (RacimoWindow           *self,
                          GFile                  *file,
                          const RacimoCsvOptions *options)
{
  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  if (self->project == NULL)
    return;

  self->csv_delimiter = options->delimiter;
  self->csv_bom = options->bom;

  self->writing++;
  racimo_csv_save_async (self->project, file, options, self->cancellable, on_csv_saved,
                         _racimo_window_write_new (self, file));
}

static void
on_export_csv_chosen (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(GFile) chosen = racimo_compat_save_file_finish (result, NULL);
  g_autoptr(GFile) file = NULL;
  RacimoCsvOptions options = { self->csv_delimiter, self->csv_bom };

  if (chosen == NULL)
    return;

  /* A name typed without an extension gets the one of its delimiter. */
  file = _racimo_window_add_missing_extension (chosen, options.delimiter == RACIMO_CSV_TAB ? ".tsv"
                                                                                        : ".csv");
  remember_export_folder (self, file);
  racimo_window_export_csv (self, file, &options);
}

static void
on_csv_options_chosen (RacimoWindow          *self,
                       RacimoCsvExportDialog *dialog)
{
  RacimoCsvOptions options;
  g_autoptr(GFile) folder = get_export_folder (self);
  g_autofree char *name = NULL;

  /* Kept even when the file dialog is cancelled: offered again next time. */
  racimo_csv_export_dialog_get_options (dialog, &options);
  self->csv_delimiter = options.delimiter;
  self->csv_bom = options.bom;
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (self->project == NULL)
    return;

  name = name_for_export (self, options.delimiter == RACIMO_CSV_TAB ? ".tsv" : ".csv");
  racimo_compat_save_file (GTK_WINDOW (self), _("Export CSV"),
                           RACIMO_FILE_FILTER_CSV | RACIMO_FILE_FILTER_ALL,
                           folder, name, self->cancellable,
                           on_export_csv_chosen, g_object_ref (self));
}

/* How to write the file is asked first, in a dialog of ours; the file
 * dialog then asks only where: GtkFileDialog has no room for choices. */
static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  RacimoCsvOptions options = { self->csv_delimiter, self->csv_bom };
  RacimoCsvExportDialog *dialog;

  if (self->project == NULL || self->csv_dialog != NULL)
    return;

  dialog = racimo_csv_export_dialog_new (GTK_WINDOW (self), &options);
  self->csv_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->csv_dialog);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_csv_options_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Excel workbooks */

static void
on_xlsx_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RacimoWindowWrite) write = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = racimo_xlsx_save_finish (result, &error);

  _racimo_window_end_export (write->window, write->file, saved, error);
}

/**
 * racimo_window_export_xlsx:
 *
 * Writes the project shown to @file as an Excel workbook (the matrix,
 * the legend of the codes, the findings), without blocking the window;
 * says when it is done, or why it failed.
 */
void
racimo_window_export_xlsx (RacimoWindow *self,
                           GFile        *file)
{
  g_autoptr(GPtrArray) findings = NULL;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->project == NULL)
    return;

  findings = racimo_checks_list_findings (self->checks);
  self->writing++;
  racimo_xlsx_save_async (self->project, findings, file, self->cancellable, on_xlsx_saved,
                          _racimo_window_write_new (self, file));
}

static void
on_export_xlsx_chosen (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(GFile) chosen = racimo_compat_save_file_finish (result, NULL);
  g_autoptr(GFile) file = NULL;

  if (chosen == NULL)
    return;

  file = _racimo_window_add_missing_extension (chosen, ".xlsx");
  remember_export_folder (self, file);
  racimo_window_export_xlsx (self, file);
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GFile) folder = get_export_folder (self);
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;

  name = name_for_export (self, ".xlsx");
  racimo_compat_save_file (GTK_WINDOW (self), _("Export Excel Workbook"),
                           RACIMO_FILE_FILTER_SHEETS | RACIMO_FILE_FILTER_ALL,
                           folder, name, self->cancellable,
                           on_export_xlsx_chosen, g_object_ref (self));
}

/* Printing and PDF */

static GtkPageSetup *
load_page_setup (RacimoWindow *self)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(RacimoPaginationOptions) defaults = NULL;
  GtkPageSetup *setup = NULL;

  if (self->settings != NULL)
    value = g_settings_get_value (self->settings, "page-setup");
  if (value != NULL && g_variant_n_children (value) > 0)
    setup = gtk_page_setup_new_from_gvariant (value);
  if (setup != NULL)
    return setup;

  /* A matrix is wider than tall: landscape, on the locale's paper, with
   * the layout's own margins. */
  defaults = racimo_pagination_options_new ();
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (setup, defaults->margin_top, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, defaults->margin_bottom, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, defaults->margin_left, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, defaults->margin_right, GTK_UNIT_POINTS);

  return setup;
}

static GtkPrintSettings *
load_print_settings (RacimoWindow *self)
{
  g_autoptr(GVariant) value = NULL;

  if (self->settings != NULL)
    value = g_settings_get_value (self->settings, "print-settings");
  if (value != NULL && g_variant_n_children (value) > 0)
    return gtk_print_settings_new_from_gvariant (value);

  return NULL;
}

/* Files whose printout choices the settings keep; the oldest go first. */
#define MAX_PRINT_OPTIONS 100

/* The choices last made for the window's file, or NULL. */
static GVariant *
lookup_file_options (RacimoWindow *self)
{
  GFile *file = racimo_window_get_file (self);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  g_autoptr(GVariant) all = NULL;

  if (self->settings == NULL || uri == NULL)
    return NULL;

  all = g_settings_get_value (self->settings, "print-options");
  return g_variant_lookup_value (all, uri, G_VARIANT_TYPE_VARDICT);
}

/* Keeps @options as the window's choices and, for a file, as that file's. */
static void
remember_layout_options (RacimoWindow                  *self,
                         const RacimoPaginationOptions *options)
{
  GFile *file = racimo_window_get_file (self);
  g_autofree char *uri = NULL;
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  gsize n_old;

  racimo_pagination_options_free (self->layout_options);
  self->layout_options = racimo_pagination_options_copy (options);

  if (self->settings == NULL || file == NULL)
    return;

  uri = g_file_get_uri (file);
  old = g_settings_get_value (self->settings, "print-options");
  n_old = g_variant_n_children (old);

  /* The newest last, as the names' widths are kept. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  for (gsize i = 0; i < n_old; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (old, i);
      const char *key;

      g_variant_get_child (entry, 0, "&s", &key);
      if (!g_str_equal (key, uri) && n_old - i < MAX_PRINT_OPTIONS)
        g_variant_builder_add_value (&builder, entry);
    }
  g_variant_builder_add (&builder, "{s@a{sv}}", uri,
                         racimo_pagination_options_to_variant (options));
  g_settings_set_value (self->settings, "print-options", g_variant_builder_end (&builder));
}

/* What the PDF and the print dialog start from: the options as last left
 * in the window, on the paper last used, then the choices last made for
 * this file. */
static RacimoPaginationOptions *
get_layout_options (RacimoWindow *self)
{
  g_autoptr(GtkPageSetup) setup = load_page_setup (self);
  g_autoptr(GVariant) remembered = lookup_file_options (self);
  RacimoPaginationOptions *options = racimo_pagination_options_copy (self->layout_options);

  racimo_print_operation_apply_page_setup (options, setup);
  if (remembered != NULL)
    racimo_pagination_options_apply_variant (options, remembered);
  /* Phases or roles chosen for another project, or deleted since: all. */
  if (self->project != NULL
      && !racimo_pagination_options_check_project (options, self->project, NULL))
    {
      g_clear_pointer (&options->phases, g_strfreev);
      g_clear_pointer (&options->roles, g_strfreev);
    }
  _racimo_window_compare_print_options (self, options);

  return options;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               RacimoWindow            *self)
{
  RacimoPrintOperation *print = RACIMO_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPageSetup *setup = racimo_print_operation_get_used_page_setup (print);
      const RacimoPaginationOptions *chosen = racimo_print_operation_get_options (print);
      const char *notice = racimo_print_operation_get_fit_notice (print);

      remember_layout_options (self, chosen);
      if (notice != NULL)
        _racimo_window_show_fit_notice (self, notice);

      if (self->settings != NULL)
        {
          g_settings_set_value (self->settings, "print-settings",
                                gtk_print_settings_to_gvariant (
                                  gtk_print_operation_get_print_settings (operation)));
          if (setup != NULL)
            g_settings_set_value (self->settings, "page-setup",
                                  gtk_page_setup_to_gvariant (setup));
        }
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _racimo_window_show_error (self, _("Could Not Print"),
                                 error != NULL ? error->message
                                               : _("The printer gave no reason."));
    }

  /* Done: the window prints no more.  print_action () reads this to know
   * whether "done" ran for an operation that failed at once. */
  if (self->printing == print)
    g_clear_object (&self->printing);
  _racimo_window_update_actions (self);
}

/* The ids of the roles the grid shows and of the phases it collapses */
static void
get_grid (RacimoWindow  *self,
          GStrv         *shown_roles,
          GStrv         *collapsed)
{
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) phases = g_strv_builder_new ();

  for (guint r = 0; r < racimo_project_get_n_roles (self->project); r++)
    {
      RacimoRole *role = racimo_project_get_role (self->project, r);

      if (!g_hash_table_contains (self->matrix_view->hidden_roles, role))
        g_strv_builder_add (roles, racimo_item_get_id (RACIMO_ITEM (role)));
    }
  for (guint p = 0; p < racimo_project_get_n_phases (self->project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (self->project, p);

      if (_racimo_matrix_view_is_collapsed (self->matrix_view, phase))
        g_strv_builder_add (phases, racimo_item_get_id (RACIMO_ITEM (phase)));
    }

  *shown_roles = g_strv_builder_end (roles);
  *collapsed = g_strv_builder_end (phases);
}

/* Print to File writes to the folder it last wrote to, under this
 * project's name rather than the last project's or GTK's "output". */
static GtkPrintSettings *
name_print_to_file (RacimoWindow     *self,
                    GtkPrintSettings *settings)
{
  g_autofree char *name = name_for_export (self, "");
  const char *uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  const char *format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *child_name = g_strconcat (name, ".", format != NULL ? format : "pdf",
                                                 NULL);
      g_autoptr(GFile) child = NULL;
      g_autofree char *child_uri = NULL;

      if (parent != NULL)
        child = g_file_get_child_for_display_name (parent, child_name, NULL);
      if (child != NULL)
        {
          child_uri = g_file_get_uri (child);
          gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, child_uri);
        }
    }

  return settings;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(RacimoPaginationOptions) options = NULL;
  g_auto(GStrv) shown_roles = NULL;
  g_auto(GStrv) collapsed = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GtkPrintOperation *operation;

  if (self->project == NULL || self->printing != NULL)
    return;

  setup = load_page_setup (self);
  settings = load_print_settings (self);
  if (settings == NULL)
    settings = gtk_print_settings_new ();
  name_print_to_file (self, settings);

  options = get_layout_options (self);
  get_grid (self, &shown_roles, &collapsed);
  self->printing = racimo_print_operation_new (self->project, options);
  racimo_print_operation_set_grid (self->printing, shown_roles, collapsed);
  operation = GTK_PRINT_OPERATION (self->printing);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  _racimo_window_update_actions (self);

  g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* A run that fails at once may or may not emit "done" (depending on
   * where GTK's print backend fails); when it did, on_print_done () said
   * why and the window prints no more (self->printing is cleared).  When
   * it did not, the error is shown here, once. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR
      && self->printing == RACIMO_PRINT_OPERATION (operation))
    {
      _racimo_window_show_error (self, _("Could Not Print"), error->message);
      g_clear_object (&self->printing);
      _racimo_window_update_actions (self);
    }
  g_object_unref (operation);
}

typedef struct
{
  GBytes              *bytes;
  char                *name;
  char                *path;
  RacimoPaginationOptions *options;
  GFile               *file;
  char                *notice; /* the pages asked for were not reached: why */
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->name, g_free);
  g_clear_pointer (&job->path, g_free);
  g_clear_pointer (&job->options, racimo_pagination_options_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->notice, g_free);
  g_free (job);
}

/* In a thread of its own: the model is not thread-safe, so the thread
 * reads its own copy of the project from the bytes the main thread wrote,
 * then lays it out and draws it: the matrix, or a page per role. */
static void
export_pdf_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  PdfJob *job = task_data;
  g_autoptr(RacimoProject) copy = NULL;
  g_autoptr(RacimoPagination) pagination = NULL;
  g_autoptr(GError) error = NULL;

  copy = racimo_file_load_bytes (job->bytes, job->name, &error);
  if (copy != NULL && !job->options->per_role)
    {
      pagination = racimo_pagination_new (copy, job->options);
      job->notice = racimo_pagination_dup_fit_notice (pagination);
    }
  if (copy == NULL
      || (pagination != NULL
          ? !racimo_pagination_write_pdf (pagination, racimo_project_get_title (copy), job->path,
                                          cancellable, &error)
          : !racimo_person_pages_export_roles_pdf (copy, NULL, job->path, job->options,
                                                   cancellable, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
show_export_progress (gpointer user_data)
{
  RacimoWindow *self = user_data;
  g_autofree char *title = NULL;

  self->progress_id = 0;

  /* Translators: %s is the name of the PDF being written */
  title = g_strdup_printf (_("Exporting “%s”…"), self->exporting_name);
  self->progress_toast = g_object_ref (adw_toast_new (title));
  adw_toast_set_timeout (self->progress_toast, 0);
  _racimo_window_show_toast (self, self->progress_toast);

  return G_SOURCE_REMOVE;
}

static void
end_export_progress (RacimoWindow *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
}

static void
on_pdf_exported (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RacimoWindow *self = RACIMO_WINDOW (source);
  PdfJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean done = g_task_propagate_boolean (G_TASK (result), &error);

  end_export_progress (self);
  _racimo_window_end_export (self, job->file, done, error);
  if (done && job->notice != NULL)
    _racimo_window_show_fit_notice (self, job->notice);
}

/**
 * racimo_window_export_pdf:
 *
 * Writes the project shown to @file as a PDF, in a thread, laid out as
 * the print dialog last left the options; a notice shows while a large
 * project takes its time, and says when it is done or why it failed.
 */
void
racimo_window_export_pdf (RacimoWindow *self,
                          GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  PdfJob *job;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->project == NULL)
    return;

  task = g_task_new (self, self->cancellable, on_pdf_exported, NULL);
  g_task_set_source_tag (task, racimo_window_export_pdf);

  job = g_new0 (PdfJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  job->name = g_file_get_parse_name (file);
  job->options = get_layout_options (self);
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);

  if (!_racimo_window_begin_pdf_export (self, task, job->path))
    return;

  /* The snapshot, taken now: edits from here on are not in the PDF. */
  job->bytes = racimo_file_serialize (self->project);

  g_free (self->exporting_name);
  self->exporting_name = g_file_get_basename (file);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->progress_id = g_timeout_add (400, show_export_progress, self);

  g_task_run_in_thread (task, export_pdf_in_thread);
}

static void
on_export_pdf_chosen (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(GFile) chosen = racimo_compat_save_file_finish (result, NULL);
  g_autoptr(GFile) file = NULL;

  if (chosen == NULL)
    return;

  file = _racimo_window_add_missing_extension (chosen, ".pdf");
  remember_export_folder (self, file);
  racimo_window_export_pdf (self, file);
}

static void
on_pdf_options_chosen (RacimoWindow          *self,
                       RacimoPdfExportDialog *dialog)
{
  g_autoptr(RacimoPaginationOptions) options = get_layout_options (self);
  g_autoptr(GFile) folder = get_export_folder (self);
  g_autofree char *name = name_for_export (self, ".pdf");

  /* Kept even when the file dialog is cancelled: offered again next time. */
  racimo_print_options_panel_apply (racimo_pdf_export_dialog_get_panel (dialog), options);
  remember_layout_options (self, options);
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (self->project == NULL)
    return;

  racimo_compat_save_file (GTK_WINDOW (self), _("Export PDF"),
                           RACIMO_FILE_FILTER_PDF | RACIMO_FILE_FILTER_ALL,
                           folder, name, self->cancellable,
                           on_export_pdf_chosen, g_object_ref (self));
}

/* The paper and the layout are asked first, in a dialog of ours, as for
 * CSV; the file dialog then asks only where. */
static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(RacimoPaginationOptions) options = NULL;
  g_auto(GStrv) shown_roles = NULL;
  g_auto(GStrv) collapsed = NULL;
  RacimoPdfExportDialog *dialog;

  if (self->project == NULL || self->pdf_dialog != NULL)
    return;

  options = get_layout_options (self);
  get_grid (self, &shown_roles, &collapsed);
  dialog = racimo_pdf_export_dialog_new (GTK_WINDOW (self), self->project, options);
  racimo_print_options_panel_set_grid (racimo_pdf_export_dialog_get_panel (dialog), shown_roles,
                                       collapsed);
  self->pdf_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->pdf_dialog);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_pdf_options_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
_racimo_window_get_pdf_export_dialog (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->pdf_dialog;
}

/* A dialog shown over the window goes with it. */
static void
close_dialog (GtkWidget **dialog)
{
  if (*dialog == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (dialog)));
}

void
_racimo_window_export_dispose (RacimoWindow *self)
{
  end_export_progress (self);
  g_clear_object (&self->printing);
  close_dialog (&self->csv_dialog);
  close_dialog (&self->pdf_dialog);
}

void
_racimo_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.launch-uri", "s", launch_uri_action);
  _racimo_window_person_pages_class_init (widget_class);
}
