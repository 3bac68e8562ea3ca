/* racimo-compat.c
 *
 * GTK 4.10 deprecated GtkStyleContext and GtkFileChooserNative (for
 * GtkFileDialog), and libadwaita 1.5 replaced AdwAboutWindow and
 * AdwMessageDialog with AdwAboutDialog and AdwAlertDialog.  Debian 12 has
 * none of the replacements, so each call is branched here and nowhere
 * else.  Debian 12 builds and tests the older branches, Debian 13 (GTK
 * 4.18, libadwaita 1.7, as the Flatpak's runtime) the newer ones:
 * tests/test-compat.c drives every function of this file on both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-compat.h"

/* AdwAboutDialog (libadwaita 1.5) and AdwAboutWindow have the same
 * properties. */
static void
set_about_properties (GObject *about)
{
  const char *developers[] = { _("The Racimo authors"), NULL };

  g_object_set (about,
                "application-name", _("Racimo"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developers", developers,
                "copyright", "\u00a9 2026 The Racimo authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "website", "https://github.com/racimo/racimo",
                "issue-url", "https://github.com/racimo/racimo/issues",
                "comments", _("Who is Responsible, Accountable, Consulted and Informed, "
                              "activity by activity"),
                "translator-credits", _("translator-credits"),
                NULL);
}

void
racimo_compat_show_about (GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();

  set_about_properties (G_OBJECT (about));
  adw_dialog_present (about, parent ? GTK_WIDGET (parent) : NULL);
#else
  GtkWidget *about = adw_about_window_new ();

  set_about_properties (G_OBJECT (about));
  g_object_set (about,
                "transient-for", parent,
                "modal", parent != NULL,
                NULL);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

/**
 * racimo_compat_widget_get_color:
 *
 * The foreground colour of @widget's CSS style.
 */
void
racimo_compat_widget_get_color (GtkWidget *widget,
                                GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/**
 * racimo_compat_lookup_color:
 * @name: a colour named with `@define-color` in a style sheet
 *
 * Returns: %TRUE when @name is defined for @widget
 */
gboolean
racimo_compat_lookup_color (GtkWidget  *widget,
                            const char *name,
                            GdkRGBA    *color)
{
  /* GTK has no replacement for named colours yet; the call is only
   * deprecated, and the deprecation is silenced here, in one place. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Opening a URI */

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean shown;

#if GTK_CHECK_VERSION (4, 10, 0)
  shown = gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
#else
  shown = gtk_show_uri_full_finish (g_task_get_source_object (task), result, &error);
#endif

  if (shown)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * racimo_compat_show_uri:
 * @parent: (nullable): the window the request comes from
 * @uri: what to open, such as "help:racimo" for the user guide
 *
 * Opens @uri with the program the desktop has for it.
 */
void
racimo_compat_show_uri (GtkWindow           *parent,
                        const char          *uri,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, racimo_compat_show_uri);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, cancellable, on_uri_shown, task);
  }
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, cancellable, on_uri_shown, task);
#endif
}

/**
 * racimo_compat_show_uri_finish:
 *
 * Returns: %TRUE when a program opened the URI
 */
gboolean
racimo_compat_show_uri_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* File dialogs */

static void
add_filter (GListStore         *store,
            const char         *name,
            const char * const *patterns,
            const char * const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  g_list_store_append (store, filter);
}

static GListModel *
make_filters (RacimoFileFilters filters)
{
  static const char * const raci_patterns[] = { "*.raci", NULL };
  static const char * const raci_types[] = { "application/x-raci+xml", NULL };
  static const char * const csv_patterns[] = { "*.csv", "*.tsv", NULL };
  static const char * const csv_types[] = { "text/csv", "text/tab-separated-values", NULL };
  static const char * const sheet_patterns[] = { "*.xlsx", "*.ods", "*.csv", "*.tsv", "*.txt",
                                                 NULL };
  static const char * const sheet_types[] = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet", "text/csv", "text/tab-separated-values",
    NULL
  };
  static const char * const pdf_patterns[] = { "*.pdf", NULL };
  static const char * const pdf_types[] = { "application/pdf", NULL };
  static const char * const all_patterns[] = { "*", NULL };
  GListStore *store = g_list_store_new (GTK_TYPE_FILE_FILTER);

  if (filters & RACIMO_FILE_FILTER_RACI)
    add_filter (store, _("RACI projects"), raci_patterns, raci_types);
  if (filters & RACIMO_FILE_FILTER_SHEETS)
    add_filter (store, _("Spreadsheets"), sheet_patterns, sheet_types);
  if (filters & RACIMO_FILE_FILTER_CSV)
    add_filter (store, _("CSV files"), csv_patterns, csv_types);
  if (filters & RACIMO_FILE_FILTER_PDF)
    add_filter (store, _("PDF documents"), pdf_patterns, pdf_types);
  if (filters & RACIMO_FILE_FILTER_ALL)
    add_filter (store, _("All files"), all_patterns, NULL);

  return G_LIST_MODEL (store);
}

/* The dialog lives as long as the request: GtkFileChooserNative and
 * GtkFileDialog are not kept alive by being shown. */
typedef struct
{
  GObject      *dialog;
  /* GtkFileChooserNative knows nothing of the cancellable */
  GCancellable *cancellable;
  gulong        cancelled_id;
  gboolean      answered;
} FileRequest;

static void
file_request_free (FileRequest *request)
{
  if (request->cancelled_id != 0)
    g_cancellable_disconnect (request->cancellable, request->cancelled_id);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->dialog);
  g_free (request);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_file_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (g_task_get_source_tag (task) == racimo_compat_open_file)
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
           || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
show_file_dialog (GtkWindow              *parent,
                  GTask                  *task,
                  const char             *title,
                  RacimoFileFilters       filters,
                  GFile                  *folder,
                  const char             *name)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filter_list = make_filters (filters);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, filter_list);
  if (folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, folder);

  ((FileRequest *) g_task_get_task_data (task))->dialog = G_OBJECT (dialog);

  if (name == NULL)
    gtk_file_dialog_open (dialog, parent, g_task_get_cancellable (task),
                          on_file_dialog_done, task);
  else
    {
      gtk_file_dialog_set_initial_name (dialog, name);
      gtk_file_dialog_save (dialog, parent, g_task_get_cancellable (task),
                            on_file_dialog_done, task);
    }
}

#else /* GTK < 4.10 */

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  FileRequest *request = g_task_get_task_data (task);
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) file = NULL;

  request->answered = TRUE;
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (chooser);

  if (file == NULL || g_task_return_error_if_cancelled (task))
    {
      if (!g_task_had_error (task))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 "The file dialog was dismissed");
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

/* Cancelled: the dialog goes away unanswered, as GtkFileDialog's does. */
static gboolean
dismiss_native (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  FileRequest *request = g_task_get_task_data (task);

  if (request->answered)
    return G_SOURCE_REMOVE;
  request->answered = TRUE;

  /* The response will not come: drop the reference its handler held. */
  g_signal_handlers_disconnect_by_func (request->dialog, on_native_response, task);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (request->dialog));
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
on_native_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  /* Later: the dialog's request cannot be disconnected from the
   * cancellable while it emits ::cancelled. */
  g_idle_add (dismiss_native, g_object_ref (user_data));
}

static void
show_file_dialog (GtkWindow              *parent,
                  GTask                  *task,
                  const char             *title,
                  RacimoFileFilters       filters,
                  GFile                  *folder,
                  const char             *name)
{
  FileRequest *request = g_task_get_task_data (task);
  g_autoptr(GListModel) filter_list = make_filters (filters);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent,
                                        name == NULL ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                     : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        name == NULL ? _("_Open") : _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (filter_list); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filter_list, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  request->dialog = G_OBJECT (native);
  g_signal_connect (native, "response", G_CALLBACK (on_native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));

  if (g_task_get_cancellable (task) != NULL)
    {
      request->cancellable = g_object_ref (g_task_get_cancellable (task));
      request->cancelled_id = g_cancellable_connect (request->cancellable,
                                                     G_CALLBACK (on_native_cancelled),
                                                     task, NULL);
    }
}

#endif /* GTK < 4.10 */

/* What opening and saving share: the task that the dialog, whichever one
 * this GTK has, completes with the file chosen.  @name is %NULL to open. */
static void
request_file (GtkWindow           *parent,
              const char          *title,
              RacimoFileFilters    filters,
              GFile               *folder,
              const char          *name,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data,
              gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_new0 (FileRequest, 1), (GDestroyNotify) file_request_free);
  show_file_dialog (parent, task, title, filters, folder, name);
}

static GFile *
finish_file_request (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * racimo_compat_open_file:
 * @filters: the filters offered, the first one selected
 * @folder: (nullable): the folder shown first
 *
 * Asks for a file to open.  The finish function fails with
 * %G_IO_ERROR_CANCELLED when the user cancels.
 */
void
racimo_compat_open_file (GtkWindow           *parent,
                         const char          *title,
                         RacimoFileFilters    filters,
                         GFile               *folder,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);

  request_file (parent, title, filters, folder, NULL, cancellable, callback, user_data,
                racimo_compat_open_file);
}

/**
 * racimo_compat_open_file_finish:
 *
 * Returns: (transfer full) (nullable): the file chosen
 */
GFile *
racimo_compat_open_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  return finish_file_request (result, error);
}

/**
 * racimo_compat_save_file:
 * @folder: (nullable): the folder shown first
 * @name: the file name proposed
 *
 * Asks where to save a file; the dialog itself asks before replacing one.
 */
void
racimo_compat_save_file (GtkWindow              *parent,
                         const char             *title,
                         RacimoFileFilters       filters,
                         GFile                  *folder,
                         const char             *name,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (name != NULL);

  request_file (parent, title, filters, folder, name, cancellable, callback, user_data,
                racimo_compat_save_file);
}

/**
 * racimo_compat_save_file_finish:
 *
 * Returns: (transfer full) (nullable): the file chosen
 */
GFile *
racimo_compat_save_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  return finish_file_request (result, error);
}

/* Alerts */

typedef struct
{
  GWeakRef        owner;
  RacimoAlertFunc callback;
  gboolean        done;
  gboolean        forcing_close;
  char           *heading;
  char           *body;
} AlertData;

static void
alert_data_free (AlertData *data)
{
  g_weak_ref_clear (&data->owner);
  g_free (data->heading);
  g_free (data->body);
  g_free (data);
}

static GtkWidget *
wrapped_label_new (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The heading and the body, in labels of the alert's own that break a
 * word too long for a line where they must.  Headings and bodies name
 * files, by name or by their whole path, and a name can be as long as
 * the user made it.  libadwaita 1.7's AdwAlertDialog, at most about 320
 * pixels wide, measures its one-line large heading at that width to
 * choose between it and a smaller one that wraps (GTK 4.18 then warns
 * that the label needs more), and its body breaks lines between words
 * only, so a long path is cut off; libadwaita 1.2's AdwMessageDialog grew
 * as wide as the longest word instead. */
static GtkWidget *
alert_message_new (const char *heading,
                   const char *body)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  gtk_box_append (GTK_BOX (box), wrapped_label_new (heading, "title-2"));
  if (body != NULL)
    gtk_box_append (GTK_BOX (box), wrapped_label_new (body, "body"));

  return box;
}

static void
on_alert_response (GtkWidget  *alert,
                   const char *response,
                   AlertData  *data)
{
  g_autoptr(GObject) owner = NULL;

  /* Once, even when closing after a response says so again; and not the
   * close response that libadwaita 1.7 gives while
   * racimo_compat_alert_respond() closes the alert for another. */
  if (data->done || data->forcing_close)
    return;
  data->done = TRUE;

  owner = g_weak_ref_get (&data->owner);
  if (owner != NULL)
    data->callback (owner, response);
}

/**
 * racimo_compat_alert_show:
 * @responses: (array length=n_responses): the buttons, in order
 * @close_response: the response of Escape or closing the alert
 * @callback: called once with the response; not when @owner is gone
 *
 * Shows an alert over @parent.
 *
 * Returns: (transfer none): the alert, to respond to it from a test
 */
GtkWidget *
racimo_compat_alert_show (GtkWindow                 *parent,
                          const char                *heading,
                          const char                *body,
                          const RacimoAlertResponse *responses,
                          guint                      n_responses,
                          const char                *default_response,
                          const char                *close_response,
                          RacimoAlertFunc            callback,
                          GObject                   *owner)
{
  AlertData *data;
  GtkWidget *alert;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (responses != NULL && n_responses > 0, NULL);
  g_return_val_if_fail (close_response != NULL, NULL);

  data = g_new0 (AlertData, 1);
  g_weak_ref_init (&data->owner, owner);
  data->callback = callback;
  data->heading = g_strdup (heading);
  data->body = g_strdup (body);

#if ADW_CHECK_VERSION (1, 5, 0)
  alert = GTK_WIDGET (adw_alert_dialog_new (NULL, NULL));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), alert_message_new (heading, body));
  for (guint i = 0; i < n_responses; i++)
    {
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), responses[i].id,
                                     responses[i].label);
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), responses[i].id,
                                                (AdwResponseAppearance) responses[i].appearance);
    }
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), default_response);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), close_response);
#else
  alert = adw_message_dialog_new (parent, NULL, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (alert),
                                      alert_message_new (heading, body));
  for (guint i = 0; i < n_responses; i++)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), responses[i].id,
                                       responses[i].label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), responses[i].id,
                                                  (AdwResponseAppearance) responses[i].appearance);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), default_response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), close_response);
  gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (alert), TRUE);
#endif

  /* What the dialogs' own labels would have told a screen reader */
  gtk_accessible_update_property (GTK_ACCESSIBLE (alert), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);
  if (body != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (alert), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    body, -1);
  g_object_set_data_full (G_OBJECT (alert), "racimo-alert-data", data,
                          (GDestroyNotify) alert_data_free);
  if (callback != NULL)
    g_signal_connect (alert, "response", G_CALLBACK (on_alert_response), data);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (alert), GTK_WIDGET (parent));
#else
  gtk_window_present (GTK_WINDOW (alert));
#endif

  return alert;
}

const char *
racimo_compat_alert_get_heading (GtkWidget *alert)
{
  AlertData *data = g_object_get_data (G_OBJECT (alert), "racimo-alert-data");

  g_return_val_if_fail (data != NULL, NULL);

  return data->heading;
}

const char *
racimo_compat_alert_get_body (GtkWidget *alert)
{
  AlertData *data = g_object_get_data (G_OBJECT (alert), "racimo-alert-data");

  g_return_val_if_fail (data != NULL, NULL);

  return data->body;
}

/* The widget that shows the heading and the body */
GtkWidget *
racimo_compat_alert_get_message_widget (GtkWidget *alert)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (alert));
#else
  return adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (alert));
#endif
}

/**
 * racimo_compat_alert_respond:
 *
 * Responds to @alert as a click on the button of @response would, and
 * closes it.
 */
void
racimo_compat_alert_respond (GtkWidget  *alert,
                             const char *response)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));
  g_return_if_fail (response != NULL);

  /* As a button does it: closed first, then the response, which may
   * close the window under the alert too. */
  g_object_ref (alert);
#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AlertData *data = g_object_get_data (G_OBJECT (alert), "racimo-alert-data");

    data->forcing_close = TRUE;
    adw_dialog_force_close (ADW_DIALOG (alert));
    data->forcing_close = FALSE;
  }
  g_signal_emit_by_name (alert, "response", response);
#else
  gtk_window_destroy (GTK_WINDOW (alert));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (alert), response);
#endif
  g_object_unref (alert);
}

/* Narrow windows */

typedef struct
{
  RacimoNarrowFunc callback;
  int              width;
  gboolean         narrow;
} NarrowWatch;

static void
narrow_changed (GtkWidget   *window,
                NarrowWatch *watch,
                gboolean     narrow)
{
  if (narrow == watch->narrow)
    return;

  watch->narrow = narrow;
  watch->callback (window, narrow);
}

#if ADW_CHECK_VERSION (1, 4, 0)
static void
on_breakpoint_apply (AdwBreakpoint *breakpoint,
                     GtkWidget     *window)
{
  narrow_changed (window, g_object_get_data (G_OBJECT (window), "racimo-narrow"), TRUE);
}

static void
on_breakpoint_unapply (AdwBreakpoint *breakpoint,
                       GtkWidget     *window)
{
  narrow_changed (window, g_object_get_data (G_OBJECT (window), "racimo-narrow"), FALSE);
}
#else
/* libadwaita 1.2 has no breakpoints: the window's size, which GTK keeps as
 * its default size as the user resizes it, says. */
static void
on_default_width (GtkWidget *window)
{
  NarrowWatch *watch = g_object_get_data (G_OBJECT (window), "racimo-narrow");
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  narrow_changed (window, watch, width > 0 && width < watch->width);
}
#endif

/**
 * racimo_compat_watch_narrow:
 * @width: the width in pixels below which @window is narrow
 * @callback: told when @window becomes narrow, and wide again
 */
void
racimo_compat_watch_narrow (AdwApplicationWindow *window,
                            int                   width,
                            RacimoNarrowFunc      callback)
{
  NarrowWatch *watch = g_new0 (NarrowWatch, 1);

  g_return_if_fail (ADW_IS_APPLICATION_WINDOW (window));

  watch->callback = callback;
  watch->width = width;
  g_object_set_data_full (G_OBJECT (window), "racimo-narrow", watch, g_free);

#if ADW_CHECK_VERSION (1, 4, 0)
  {
    AdwBreakpoint *breakpoint = adw_breakpoint_new (
      adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH, width - 1,
                                           ADW_LENGTH_UNIT_PX));

    g_signal_connect_object (breakpoint, "apply", G_CALLBACK (on_breakpoint_apply), window, 0);
    g_signal_connect_object (breakpoint, "unapply", G_CALLBACK (on_breakpoint_unapply), window,
                             0);
    adw_application_window_add_breakpoint (window, breakpoint);
  }
#else
  g_signal_connect (window, "notify::default-width", G_CALLBACK (on_default_width), NULL);
  on_default_width (GTK_WIDGET (window));
#endif
}
