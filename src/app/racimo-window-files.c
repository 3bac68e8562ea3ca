/* racimo-window-files.c: the window's file: open, save, unsaved changes,
 * reload, drafts
 *
 * A file is opened into the window that shows the start page, or the
 * window of a file comes forward when it is open already.  Saving asks
 * before it replaces a file someone else changed since it was read; a
 * project read from a spreadsheet, or new, is saved as a new file.
 * Closing or opening another file with unsaved changes asks first, and
 * goes on once they are saved or let go (the "pending" action).  A file
 * changed on disk shows a banner that offers to reload it, and a draft a
 * crash left is offered back in a window of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "racimo-import-report.h"
#include "racimo-window-private.h"

#define RACI_MIME_TYPE "application/x-raci+xml"

static void ask_about_changes (RacimoWindow        *self,
                               RacimoWindowPending  action,
                               GFile               *file);

/* Opening */

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { NULL, NULL, (char *) RACI_MIME_TYPE, (char *) "racimo",
                         (char *) "racimo %u", NULL, FALSE };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* The spinner turns only while its page shows: turning out of sight, it
 * would still have the window laid out anew sixty times a second. */
static void
on_page_changed (RacimoWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_spinner_set_spinning (self->loading_spinner, g_strcmp0 (page, "loading") == 0);
}

/* After a failed open the window shows what it showed before. */
static void
end_loading (RacimoWindow *self)
{
  g_clear_object (&self->loading);
  g_clear_object (&self->loading_file);

  if (self->project != NULL)
    gtk_stack_set_visible_child_name (self->stack, "matrix");
  else
    _racimo_window_show_start_page (self);
  _racimo_window_update_actions (self);
}

/* "Could Not Open “plan.raci”" */
static char *
open_error_heading (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = _racimo_window_heading_name (basename);

  /* Translators: %s is a file name */
  return g_strdup_printf (_("Could Not Open “%s”"), name);
}

/* The reader's message, "NAME:LINE:COLUMN: what is wrong", as the window
 * says it: the heading names the file, the body says where in it. */
static char *
describe_open_error (GFile        *file,
                     const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  gsize len = strlen (name);
  const char *rest = error->message;
  guint64 line = 0;
  char *end;

  if (strncmp (rest, name, len) != 0 || rest[len] != ':')
    return g_strdup (error->message);

  rest += len + 1;
  if (g_ascii_isdigit (*rest))
    {
      line = g_ascii_strtoull (rest, &end, 10);
      rest = end;
      /* The column: the line is plain enough. */
      if (rest[0] == ':' && g_ascii_isdigit (rest[1]))
        {
          g_ascii_strtoull (rest + 1, &end, 10);
          rest = end;
        }
      if (*rest == ':')
        rest++;
    }
  while (*rest == ' ')
    rest++;

  /* Without a line, the path says where Racimo looked. */
  if (line == 0)
    return g_strdup (error->message);

  /* Translators: %u is a line of the file, %s what is wrong there */
  return g_strdup_printf (_("Line %u: %s"), (guint) line, rest);
}

static void
show_open_error (RacimoWindow *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *heading = open_error_heading (file);
  g_autofree char *body = describe_open_error (file, error);

  _racimo_window_show_error (self, heading, body);
}

/* Repairing a refused file */

static void
on_repair_offer_response (GObject    *owner,
                          const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);
  g_autoptr(RacimoDocument) document = g_steal_pointer (&self->offered_repair);

  if (document != NULL && g_str_equal (response, "repair"))
    racimo_window_set_document (self, document);
}

typedef struct
{
  RacimoWindow *window;
  GFile        *file;
  GError       *error;
} RepairOffer;

static void
repair_offer_free (RepairOffer *offer)
{
  g_object_unref (offer->window);
  g_object_unref (offer->file);
  g_error_free (offer->error);
  g_free (offer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RepairOffer, repair_offer_free)

static void
on_repair_tried (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RepairOffer) offer = user_data;
  RacimoWindow *self = offer->window;
  g_autoptr(RacimoRepairs) repairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = racimo_file_repair_finish (result, &repairs, &error);
  g_autofree char *heading = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *body = NULL;
  RacimoAlertResponse responses[] = {
    { "close", _("_Close"), RACIMO_RESPONSE_DEFAULT },
    { "repair", _("Open a _Repaired Copy"), RACIMO_RESPONSE_SUGGESTED },
  };

  /* The window closed meanwhile */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (project == NULL)
    {
      show_open_error (self, offer->file, offer->error);
      return;
    }

  g_clear_object (&self->offered_repair);
  self->offered_repair = racimo_document_new_repaired (project, offer->file, repairs);

  heading = open_error_heading (offer->file);
  problem = describe_open_error (offer->file, offer->error);
  /* Translators: %s is what is wrong in the file, "Line 11: …" */
  body = g_strdup_printf (_("%s\n\nRacimo can open a repaired copy as a new project, and list "
                            "what it repaired. The file itself is not changed."), problem);
  _racimo_window_show_alert (self, heading, body, responses, G_N_ELEMENTS (responses), "repair",
                             "close", on_repair_offer_response);
}

/* A refused file: said so, with a repaired copy offered when it can be
 * made. */
static void
refuse_file (RacimoWindow *self,
             GFile        *file,
             const GError *error)
{
  RepairOffer *offer;

  if (!racimo_file_error_may_repair (error))
    {
      show_open_error (self, file, error);
      return;
    }

  offer = g_new0 (RepairOffer, 1);
  offer->window = g_object_ref (self);
  offer->file = g_object_ref (file);
  offer->error = g_error_copy (error);
  racimo_file_repair_async (file, self->cancellable, on_repair_tried, offer);
}

static void
on_repair_activated (RacimoWindow *self,
                     guint         n)
{
  RacimoRepairs *repairs = self->document != NULL ? racimo_document_get_repairs (self->document)
                                                  : NULL;
  const char *id;
  RacimoItem *item;

  if (repairs == NULL || n >= racimo_repairs_get_n_repairs (repairs))
    return;

  id = racimo_repairs_get_item_id (repairs, n);
  item = id != NULL ? racimo_project_lookup (self->project, id) : NULL;
  if (item != NULL)
    _racimo_window_go_to_item (self, item);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

RacimoRepairBanner *
_racimo_window_get_repair_banner (RacimoWindow *self)
{
  return self->repair_banner;
}

void
_racimo_window_update_repair_banner (RacimoWindow *self)
{
  racimo_repair_banner_set_repairs (self->repair_banner,
                                    self->document != NULL
                                    ? racimo_document_get_repairs (self->document) : NULL);
}

static void
on_import_report_open (RacimoWindow       *self,
                       RacimoImportReport *report)
{
  g_autoptr(RacimoDocument) document = NULL;

  document = racimo_document_new_for_import (racimo_import_report_get_project (report),
                                             racimo_import_report_get_file (report),
                                             racimo_import_report_get_bytes (report),
                                             racimo_import_report_get_problems (report));
  racimo_window_set_document (self, document);
  gtk_window_destroy (GTK_WINDOW (report));
}

/* Reads the sheet again for the report: a sheet is at most
 * RACIMO_FILE_MAX_SIZE, and was just read.  FALSE when it cannot be
 * read any more, and the window opens what it loaded. */
static gboolean
show_import_report (RacimoWindow *self,
                    GFile        *file)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  RacimoImportReport *report;

  if (bytes == NULL || g_bytes_get_size (bytes) > RACIMO_FILE_MAX_SIZE)
    return FALSE;

  if (self->import_report != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_report));

  report = racimo_import_report_new (GTK_WINDOW (self), file, bytes);
  self->import_report = GTK_WIDGET (report);
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &self->import_report);
  g_signal_connect_object (report, "open", G_CALLBACK (on_import_report_open), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (report));

  return TRUE;
}

/* An imported sheet, as the import read it (an import is modified from
 * the start, as it is no project file yet: nothing to undo says it is
 * unedited), can be read again with another mapping; once edited, the
 * edits would be lost. */
gboolean
_racimo_window_can_change_mapping (RacimoWindow *self)
{
  return self->document != NULL
         && racimo_document_get_source (self->document) == RACIMO_DOCUMENT_SOURCE_CSV
         && racimo_document_get_needs_save_as (self->document)
         && racimo_document_get_file (self->document) != NULL
         && !racimo_history_get_can_undo (racimo_project_get_history (self->project))
         && !racimo_document_get_busy (self->document);
}

static void
change_mapping_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (_racimo_window_can_change_mapping (self))
    show_import_report (self, racimo_document_get_file (self->document));
}

static void
on_document_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(RacimoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  document = racimo_document_load_finish (result, &error);

  /* Cancelled: another file was asked for, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  end_loading (self);

  if (document == NULL)
    {
      refuse_file (self, file, error);
      return;
    }

  /* A sheet of which something was not read or guessed, or one of
   * several, opens through its report, where the user sees what and can
   * change how its columns are read. */
  if ((racimo_document_get_import_problems (document) != NULL
       || racimo_document_get_import_guessed (document))
      && show_import_report (self, file))
    return;

  racimo_window_set_document (self, document);

  /* A spreadsheet is imported as a new project, which is saved as a .raci
   * file: only projects go to the recent list. */
  if (!racimo_document_get_needs_save_as (document))
    add_to_recent (file);

  if (racimo_document_get_newer_minor_version (document))
    {
      AdwToast *toast =
        adw_toast_new (_("Made by a newer version of Racimo: what this version does not "
                         "know is kept as it is"));

      adw_toast_set_timeout (toast, 10);
      _racimo_window_show_toast (self, toast);
    }
}

/**
 * racimo_window_load_file:
 *
 * Reads @file without blocking the window, then shows it in place of what
 * the window showed: a .raci project, or a spreadsheet's .csv or .tsv
 * file imported as a new project.  When it cannot be read, the window
 * stays as it was, and an alert says why.
 */
void
racimo_window_load_file (RacimoWindow *self,
                         GFile        *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  g_set_object (&self->loading_file, file);

  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Opening “%s”…"), basename);
  gtk_label_set_text (self->loading_label, text);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  _racimo_window_update_actions (self);

  racimo_document_load_async (file, self->loading, on_document_loaded, g_object_ref (self));
}

/**
 * racimo_window_open_file:
 *
 * Opens @file as the user asked for it: its window comes forward when it
 * is open already, otherwise it is read into this window.
 */
void
racimo_window_open_file (RacimoWindow *self,
                         GFile        *file)
{
  RacimoWindow *other;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  other = racimo_window_find (gtk_window_get_application (GTK_WINDOW (self)), file);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  if (self->document != NULL && racimo_document_get_modified (self->document))
    {
      ask_about_changes (self, RACIMO_WINDOW_PENDING_OPEN, file);
      return;
    }

  racimo_window_load_file (self, file);
}

static void
on_open_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(GFile) file = racimo_compat_open_file_finish (result, NULL);

  if (file != NULL)
    racimo_window_open_file (self, file);
}

/* The folder of the file shown, or of the file a repaired copy came
 * from: the colleague's file sits among the others. */
static GFile *
get_folder (RacimoWindow *self)
{
  GFile *file = racimo_window_get_file (self);

  if (file == NULL && self->document != NULL)
    file = racimo_document_get_repaired_from (self->document);

  return file != NULL ? g_file_get_parent (file) : NULL;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GFile) folder = get_folder (self);
  gboolean import = g_str_equal (action_name, "win.import-csv");

  racimo_compat_open_file (GTK_WINDOW (self),
                           import ? _("Import a Spreadsheet") : _("Open a Project"),
                           import ? RACIMO_FILE_FILTER_SHEETS | RACIMO_FILE_FILTER_ALL
                                  : RACIMO_FILE_FILTER_RACI | RACIMO_FILE_FILTER_SHEETS
                                    | RACIMO_FILE_FILTER_ALL,
                           folder, self->cancellable, on_open_chosen, g_object_ref (self));
}

/* Files dropped on the window: the first opens here, any others in
 * windows of their own. */
static gboolean
on_drop (RacimoWindow *self,
         const GValue *value,
         double        x,
         double        y)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GSList) list = gdk_file_list_get_files (g_value_get_boxed (value));

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, g_object_ref (l->data));
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    g_ptr_array_add (files, g_value_dup_object (value));

  if (files->len == 0)
    return FALSE;

  racimo_window_open_file (self, g_ptr_array_index (files, 0));
  if (files->len > 1 && app != NULL)
    g_application_open (app, (GFile **) files->pdata + 1, (int) files->len - 1, "");

  return TRUE;
}


/* A row of the start page's recent projects: through the application,
 * which presents the file's window if it is open already. */
static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (app != NULL)
    g_application_open (app, &file, 1, "");
  else
    racimo_window_load_file (self, file);
}

/* A template's new project, in this window while it shows the start page;
 * otherwise the application finds it one. */
static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  const char *template_id = g_variant_get_string (parameter, NULL);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (!racimo_window_is_empty (self))
    {
      if (app != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (app), "new-from-template", parameter);
      return;
    }

  project = racimo_templates_create (template_id, &error);
  if (project == NULL)
    {
      /* The templates are compiled in: this is a build error. */
      g_critical ("Template %s: %s", template_id, error->message);
      return;
    }

  racimo_window_set_project (self, project);
}

/* Saving */

static void save_document (RacimoWindow *self,
                           gboolean      force);
static void save_as_dialog (RacimoWindow *self);

static void
close_now (gpointer user_data)
{
  g_autoptr(RacimoWindow) self = user_data;

  gtk_window_close (GTK_WINDOW (self));
}

/* Once the changes are saved, or the user let them go: what was asked. */
static void
run_pending (RacimoWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  RacimoWindowPending action = self->pending;

  self->pending = RACIMO_WINDOW_PENDING_NONE;

  switch (action)
    {
    case RACIMO_WINDOW_PENDING_CLOSE:
      /* Not from inside the alert's response: the alert goes first. */
      self->close_confirmed = TRUE;
      g_idle_add_once (close_now, g_object_ref (self));
      break;
    case RACIMO_WINDOW_PENDING_OPEN:
      racimo_window_load_file (self, file);
      break;
    case RACIMO_WINDOW_PENDING_NONE:
    default:
      break;
    }
}

/* The save failed or the user cancelled: the window stays as it is. */
static void
drop_pending (RacimoWindow *self)
{
  self->pending = RACIMO_WINDOW_PENDING_NONE;
  g_clear_object (&self->pending_file);
}

static void
show_save_error (RacimoWindow *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (basename != NULL)
    {
      g_autofree char *name = _racimo_window_heading_name (basename);

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
    }
  else
    heading = g_strdup (_("Could Not Save the Project"));

  /* GIO's words for a failed write are a programmer's; Racimo's own
   * errors are written for the user already. */
  if (error->domain == G_IO_ERROR && file != NULL)
    body = _racimo_window_describe_write_error (file, error);
  else
    body = g_strdup (error->message);

  _racimo_window_show_error (self, heading, body);
}

static void
on_overwrite_response (GObject    *owner,
                       const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);

  if (g_str_equal (response, "overwrite"))
    save_document (self, TRUE);
  else
    drop_pending (self);
}

/* Someone wrote the file since it was read: replacing their work is the
 * user's decision, never a silent one. */
static void
ask_to_overwrite (RacimoWindow *self)
{
  GFile *file = racimo_document_get_file (self->document);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *body = NULL;
  RacimoAlertResponse responses[] = {
    { "cancel", _("_Cancel"), RACIMO_RESPONSE_DEFAULT },
    { "overwrite", _("_Overwrite"), RACIMO_RESPONSE_DESTRUCTIVE },
  };

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Another program changed “%s” since it was opened here. "
                            "Saving replaces those changes with this window’s."), basename);
  _racimo_window_show_alert (self, _("Overwrite the Changed File?"), body, responses,
                             G_N_ELEMENTS (responses), "cancel", "cancel", on_overwrite_response);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  RacimoDocument *document = RACIMO_DOCUMENT (source);
  g_autoptr(GError) error = NULL;

  self->writing--;
  _racimo_window_update_actions (self);

  if (racimo_document_save_finish (document, result, &error))
    {
      add_to_recent (racimo_document_get_file (document));
      if (document == self->document)
        run_pending (self);
      return;
    }

  if (document != self->document || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    drop_pending (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    ask_to_overwrite (self);
  else if (g_error_matches (error, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS))
    save_as_dialog (self);
  else
    {
      show_save_error (self, racimo_document_get_file (document), error);
      drop_pending (self);
    }
}

static void
save_document (RacimoWindow *self,
               gboolean      force)
{
  if (self->document == NULL)
    {
      drop_pending (self);
      return;
    }

  /* New, or read from a spreadsheet: there is no project file yet. */
  if (racimo_document_get_needs_save_as (self->document))
    {
      save_as_dialog (self);
      return;
    }

  self->writing++;
  racimo_document_save_async (self->document, force, self->cancellable, on_saved,
                              g_object_ref (self));
  _racimo_window_update_actions (self);
}

static void
on_saved_as (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RacimoWindowWrite) write = user_data;
  RacimoWindow *self = write->window;
  RacimoDocument *document = RACIMO_DOCUMENT (source);
  GFile *file = write->file;
  g_autoptr(GError) error = NULL;

  self->writing--;
  _racimo_window_update_actions (self);

  if (racimo_document_save_as_finish (document, result, &error))
    {
      add_to_recent (file);
      if (document == self->document)
        run_pending (self);
      return;
    }

  drop_pending (self);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_save_error (self, file, error);
}

/**
 * racimo_window_save_as:
 * @file: where to save; a name without ".raci", or a spreadsheet's, gets
 *   ".raci"
 *
 * Saves the project shown to @file, which it is then saved to, without
 * blocking the window; says so when it fails, and the project stays
 * modified.
 */
void
racimo_window_save_as (RacimoWindow *self,
                       GFile        *file)
{
  g_autoptr(GFile) target = NULL;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  target = racimo_document_add_extension (file);
  self->writing++;
  racimo_document_save_as_async (self->document, target, self->cancellable, on_saved_as,
                                 _racimo_window_write_new (self, target));
  _racimo_window_update_actions (self);
}

static void
on_replace_response (GObject    *owner,
                     const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);
  g_autoptr(GFile) file = g_steal_pointer (&self->replace_file);

  if (g_str_equal (response, "replace") && file != NULL)
    racimo_window_save_as (self, file);
  else
    drop_pending (self);
}

static void
on_save_as_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(GFile) chosen = racimo_compat_save_file_finish (result, NULL);
  g_autoptr(GFile) file = NULL;

  if (chosen == NULL)
    {
      drop_pending (self);
      return;
    }

  /* The dialog asked about replacing the name typed; when ".raci" makes
   * it another file that exists, that one is asked about here. */
  file = racimo_document_add_extension (chosen);
  if (!g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = _racimo_window_heading_name (basename);
      g_autofree char *heading = NULL;
      RacimoAlertResponse responses[] = {
        { "cancel", _("_Cancel"), RACIMO_RESPONSE_DEFAULT },
        { "replace", _("_Replace"), RACIMO_RESPONSE_DESTRUCTIVE },
      };

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Replace “%s”?"), name);
      g_set_object (&self->replace_file, file);
      _racimo_window_show_alert (self, heading, _("A project file with this name already exists. "
                                                  "Saving replaces what it holds."),
                                 responses, G_N_ELEMENTS (responses), "cancel", "cancel",
                                 on_replace_response);
      return;
    }

  racimo_window_save_as (self, file);
}

static void
save_as_dialog (RacimoWindow *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->document == NULL)
    {
      drop_pending (self);
      return;
    }

  name = racimo_document_suggest_file_name (self->document);
  folder = get_folder (self);
  if (folder == NULL && documents != NULL)
    folder = g_file_new_for_path (documents);

  racimo_compat_save_file (GTK_WINDOW (self), _("Save As"),
                           RACIMO_FILE_FILTER_RACI | RACIMO_FILE_FILTER_ALL,
                           folder, name, self->cancellable,
                           on_save_as_chosen, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (self->document == NULL || self->pending != RACIMO_WINDOW_PENDING_NONE)
    return;

  if (g_str_equal (action_name, "win.save-as"))
    save_as_dialog (self);
  else
    save_document (self, FALSE);
}

static void
on_changes_response (GObject    *owner,
                     const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);

  if (g_str_equal (response, "save"))
    save_document (self, FALSE);
  else if (g_str_equal (response, "discard"))
    {
      /* Let go for good: no draft to offer at the next start. */
      if (self->document != NULL)
        racimo_document_discard_draft (self->document);
      run_pending (self);
    }
  else
    drop_pending (self);
}

/* Unsaved changes, and the user wants to close or open another file. */
static void
ask_about_changes (RacimoWindow  *self,
                   RacimoWindowPending  action,
                   GFile         *file)
{
  const char *title = racimo_project_get_title (self->project);
  g_autofree char *body = NULL;
  RacimoAlertResponse responses[] = {
    { "cancel", _("_Cancel"), RACIMO_RESPONSE_DEFAULT },
    { "discard", _("_Discard"), RACIMO_RESPONSE_DESTRUCTIVE },
    { "save", racimo_document_get_needs_save_as (self->document) ? _("_Save As…") : _("_Save"),
      RACIMO_RESPONSE_SUGGESTED },
  };

  if (self->pending != RACIMO_WINDOW_PENDING_NONE)
    return;

  self->pending = action;
  g_set_object (&self->pending_file, file);

  if (title == NULL || *title == '\0')
    title = _("Untitled Project");
  /* Translators: %s is the project's title */
  body = g_strdup_printf (_("“%s” has changes that are not saved. "
                            "If you do not save them, they are lost."), title);
  _racimo_window_show_alert (self, _("Save Changes?"), body, responses, G_N_ELEMENTS (responses),
                             "save", "cancel", on_changes_response);
}

/* Changed on disk */

void
_racimo_window_update_banner (RacimoWindow *self)
{
  gboolean changed = self->document != NULL
                     && racimo_document_get_changed_on_disk (self->document);
  gboolean deleted = changed && racimo_document_get_deleted_on_disk (self->document);

  if (changed && !self->banner_dismissed)
    {
      g_autofree char *basename = g_file_get_basename (racimo_document_get_file (self->document));
      g_autofree char *text = NULL;

      if (deleted)
        /* Translators: %s is a file name */
        text = g_strdup_printf (_("“%s” was deleted or moved by another program"), basename);
      else
        /* Translators: %s is a file name */
        text = g_strdup_printf (_("“%s” was changed by another program"), basename);

      gtk_label_set_text (self->banner_label, text);
      gtk_widget_set_visible (self->reload_button, !deleted);
      gtk_revealer_set_reveal_child (self->banner, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->banner, FALSE);
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  RacimoDocument *document = RACIMO_DOCUMENT (source);
  g_autoptr(GError) error = NULL;

  self->writing--;
  _racimo_window_update_actions (self);

  if (!racimo_document_reload_finish (document, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && document == self->document)
    show_open_error (self, racimo_document_get_file (document), error);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (self->document == NULL)
    return;

  /* Counted with the writes: the window is busy with its file. */
  self->writing++;
  racimo_document_reload_async (self->document, self->cancellable, on_reloaded,
                                g_object_ref (self));
  _racimo_window_update_actions (self);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  /* The next save still asks before it overwrites the other version. */
  self->banner_dismissed = TRUE;
  _racimo_window_update_banner (self);
}

/* Back to the window: a file on a network share may have changed without
 * the monitor hearing of it. */
static void
on_active_changed (RacimoWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->document != NULL
      && racimo_document_get_file (self->document) != NULL)
    racimo_document_check_on_disk_async (self->document, self->cancellable, NULL, NULL);
}

/* Drafts left by a crash */

static void
on_restored_onto_changed_response (GObject    *owner,
                                   const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);

  if (g_str_equal (response, "save-as"))
    save_as_dialog (self);
}

/* The file is not the version the restored changes were made to: a
 * colleague saved it since.  Saving to it would replace their work (the
 * save asks first, as for any change on disk); Save As keeps both. */
static void
offer_to_keep_both (RacimoWindow *self)
{
  g_autofree char *basename = g_file_get_basename (racimo_document_get_file (self->document));
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  RacimoAlertResponse responses[] = {
    { "keep-editing", _("_Keep Editing"), RACIMO_RESPONSE_DEFAULT },
    { "save-as", _("_Save As…"), RACIMO_RESPONSE_SUGGESTED },
  };

  name = _racimo_window_heading_name (basename);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("“%s” Changed Since These Changes Were Kept"), name);
  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Another program saved “%s” after Racimo kept these unsaved "
                            "changes. Saving them to it would replace that version; save them "
                            "as a new file to keep both."), basename);
  _racimo_window_show_alert (self, heading, body, responses, G_N_ELEMENTS (responses), "save-as",
                             "keep-editing", on_restored_onto_changed_response);
}

static void
on_draft_restored (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(RacimoDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = racimo_document_new_from_draft_finish (RACIMO_DRAFTS (source), result, &error);
  end_loading (self);

  if (document != NULL)
    {
      racimo_window_set_document (self, document);
      if (racimo_document_get_changed_on_disk (document)
          && !racimo_document_get_deleted_on_disk (document))
        offer_to_keep_both (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _racimo_window_show_error (self, _("Could Not Restore the Unsaved Changes"), error->message);
}

static void
on_draft_response (GObject    *owner,
                   const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);
  g_autoptr(RacimoDraft) draft = g_steal_pointer (&self->offered_draft);
  RacimoDrafts *drafts = racimo_drafts_get_default ();
  g_autoptr(GError) error = NULL;

  if (draft == NULL)
    return;

  if (g_str_equal (response, "restore"))
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
      self->loading = g_cancellable_new ();
      gtk_label_set_text (self->loading_label, _("Restoring unsaved changes…"));
      gtk_stack_set_visible_child_name (self->stack, "loading");
      racimo_document_new_from_draft_async (drafts, draft, self->loading, on_draft_restored,
                                   g_object_ref (self));
    }
  else if (g_str_equal (response, "discard")
           && !racimo_drafts_discard (drafts, draft, &error))
    _racimo_window_show_error (self, _("Could Not Discard the Unsaved Changes"), error->message);

  /* Dismissed: the draft stays, and is offered again at the next start. */
}

/**
 * racimo_window_offer_draft:
 * @draft: unsaved changes that a crash left, from racimo_drafts_list()
 *
 * Asks whether to restore @draft, in this window, or to discard it.
 */
void
racimo_window_offer_draft (RacimoWindow *self,
                           RacimoDraft  *draft)
{
  g_autofree char *display_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GDateTime) local = NULL;
  RacimoAlertResponse responses[] = {
    { "discard", _("_Discard"), RACIMO_RESPONSE_DESTRUCTIVE },
    { "restore", _("_Restore"), RACIMO_RESPONSE_SUGGESTED },
  };

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (draft != NULL);

  g_clear_pointer (&self->offered_draft, racimo_draft_unref);
  self->offered_draft = racimo_draft_ref (draft);

  display_name = racimo_draft_get_display_name (draft);
  name = _racimo_window_heading_name (display_name);
  /* Translators: %s is a file name, or a project's title */
  heading = g_strdup_printf (_("Restore Unsaved Changes to “%s”?"), name);
  local = g_date_time_to_local (racimo_draft_get_time (draft));
  /* Translators: a date and time, in g_date_time_format()'s words */
  when = g_date_time_format (local, _("%-d %B %Y at %H:%M"));
  /* Translators: %s is a date and time */
  body = g_strdup_printf (_("Racimo stopped before these changes were saved. "
                            "They were last kept on %s."), when);
  _racimo_window_show_alert (self, heading, body, responses, G_N_ELEMENTS (responses),
                             "restore", "later", on_draft_response);
}

/**
 * racimo_window_get_offered_draft:
 *
 * Returns: (transfer none) (nullable): the draft this window asks about
 *   restoring, while it asks
 */
RacimoDraft *
racimo_window_get_offered_draft (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->offered_draft;
}

/**
 * racimo_window_find:
 * @application: (nullable): the application whose windows to look through
 *
 * Returns: (transfer none) (nullable): the window of @application that
 *   shows @file, or is opening it
 */
RacimoWindow *
racimo_window_find (GtkApplication *application,
                    GFile          *file)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (application == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      GFile *other;

      if (!RACIMO_IS_WINDOW (l->data))
        continue;

      other = racimo_window_get_file (l->data);
      if (other != NULL && g_file_equal (other, file))
        return l->data;
    }

  return NULL;
}

/* Closing */

/* Whether the window stays open for now: a save under way finishes first,
 * unsaved changes are asked about. */
gboolean
_racimo_window_files_close_request (RacimoWindow *self)
{
  if (self->close_confirmed || self->document == NULL)
    return FALSE;

  /* The window closes once the save is done, or stays with the reason
   * it failed. */
  if (racimo_document_get_busy (self->document))
    {
      if (self->pending == RACIMO_WINDOW_PENDING_NONE)
        self->pending = RACIMO_WINDOW_PENDING_CLOSE;
      return TRUE;
    }

  if (racimo_document_get_modified (self->document))
    {
      ask_about_changes (self, RACIMO_WINDOW_PENDING_CLOSE, NULL);
      return TRUE;
    }

  return FALSE;
}

void
_racimo_window_files_dispose (RacimoWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_signal_handler (&self->active_handler, self);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->replace_file);
  if (self->import_report != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->import_report),
                                    (gpointer *) &self->import_report);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->import_report)));
    }
  g_clear_object (&self->offered_repair);
}

void
_racimo_window_files_init (RacimoWindow *self)
{
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *drop;

  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (on_page_changed), self);
  self->active_handler = g_signal_connect (self, "notify::is-active",
                                           G_CALLBACK (on_active_changed), NULL);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_racimo_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, repair_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_repair_activated);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.change-mapping", NULL,
                                   change_mapping_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s",
                                   new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
}
