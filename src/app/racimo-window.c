/* racimo-window.c: one project's window, and what coordinates its parts
 *
 * Shows the start page until a project is opened or made from a template,
 * then the matrix.  The header bar says which project this is and whether
 * it has changes since it was opened or saved; undo and redo go through
 * the project's history, like every edit.  The window shows a
 * RacimoDocument, which reads, saves, watches the file on disk and keeps
 * drafts; the window asks the user what to do when that takes a decision.
 *
 * Beside the matrix, the checks panel lists the findings; choosing one
 * moves the grid's cursor to it, and the cursor on a role's header shows
 * that role's details there.  The search bar above the matrix sets the
 * RacimoFilter that the matrix shows; closing it shows every activity.
 *
 * This file holds what ties the parts together: the project and its
 * signals, the header bar, the checks panel and the search, the alerts
 * and notices every part shows, and the enabled state of every action in
 * _racimo_window_update_actions ().  Opening, saving and drafts are in
 * racimo-window-files.c, export and printing in racimo-window-export.c
 * (see racimo-window-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-focus.h"
#include "racimo-window-private.h"

G_DEFINE_FINAL_TYPE (RacimoWindow, racimo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SCHEME,
  PROP_SHOW_CHECKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * racimo_window_new:
 * @application: (nullable): the application the window belongs to; a
 *   window without one (a test's, a benchmark's) keeps no drafts
 */
RacimoWindow *
racimo_window_new (GtkApplication *application)
{
  return g_object_new (RACIMO_TYPE_WINDOW, "application", application, NULL);
}

static void
update_history_actions (RacimoWindow *self)
{
  RacimoHistory *history = self->project != NULL ? racimo_project_get_history (self->project)
                                                 : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && racimo_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && racimo_history_get_can_redo (history));
  /* An import can be read again until its first edit */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-mapping",
                                 _racimo_window_can_change_mapping (self));
}

void
_racimo_window_update_actions (RacimoWindow *self)
{
  gboolean editing = self->project != NULL;
  gboolean busy = self->document != NULL && racimo_document_get_busy (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editing && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", editing && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 editing && !busy
                                 && racimo_document_get_changed_on_disk (self->document)
                                 && !racimo_document_get_deleted_on_disk (self->document));
  update_history_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-activity", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-phase", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-role", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.scheme", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as-template", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.project-properties", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.people", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.staff-role", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 editing && self->printing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-checks", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-finding", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-finding", editing);
  _racimo_window_compare_update_actions (self);

  /* On the start page there is nothing to undo, add to, search or check. */
  gtk_widget_set_visible (self->undo_button, editing);
  gtk_widget_set_visible (self->redo_button, editing);
  gtk_widget_set_visible (self->add_button, editing);
  gtk_widget_set_visible (self->search_button, editing);
  gtk_widget_set_visible (self->checks_button, editing);
}

void
_racimo_window_update_title (RacimoWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *name;
  GFile *file;

  if (self->project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Racimo"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Racimo"));
      return;
    }

  name = racimo_project_get_title (self->project);
  if (name == NULL || *name == '\0')
    name = _("Untitled Project");

  /* The marker goes first, where a shortened title still shows it. */
  if (racimo_history_get_modified (racimo_project_get_history (self->project)))
    /* Translators: the title of a project with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  file = racimo_document_get_file (self->document);
  if (file == NULL && racimo_document_get_repaired_from (self->document) != NULL)
    /* Translators: the subtitle of a repaired copy; %s is "plan (repaired)" */
    subtitle = g_strdup_printf (_("%s, not saved"), racimo_document_get_title (self->document));
  else if (file != NULL && racimo_document_get_needs_save_as (self->document))
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* Translators: the subtitle of a project read from a spreadsheet */
      subtitle = g_strdup_printf (_("Imported from %s"), basename);
    }
  else if (file != NULL)
    subtitle = g_file_get_basename (file);
  else
    subtitle = g_strdup (_("Not saved"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window's title: the project's, then the program's */
  window_title = g_strdup_printf (_("%s — Racimo"), title);
  /* Set anew, the title would go to the display on every edit. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), window_title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* What undo or redo would do, "Undo “Set Code”", or just "Undo".  Shown
 * as the button's tooltip when asked for, and told to screen readers as
 * its description. */
static char *
history_text (RacimoWindow *self,
              gboolean      redo)
{
  RacimoHistory *history = self->project != NULL ? racimo_project_get_history (self->project)
                                                 : NULL;
  const char *label = NULL;

  if (history != NULL)
    label = redo ? racimo_history_get_redo_label (history)
                 : racimo_history_get_undo_label (history);

  if (redo)
    /* Translators: %s says what would be redone, such as "Add Role" */
    return label != NULL ? g_strdup_printf (_("Redo “%s”"), label) : g_strdup (_("Redo"));

  /* Translators: %s says what would be undone, such as "Add Role" */
  return label != NULL ? g_strdup_printf (_("Undo “%s”"), label) : g_strdup (_("Undo"));
}

/* The text is made when the tooltip shows: a tooltip text set anew makes
 * GTK ask the display where the pointer is, three round trips on an edit
 * that changes what undo would do. */
static gboolean
on_history_tooltip (GtkWidget  *button,
                    int         x,
                    int         y,
                    gboolean    keyboard_mode,
                    GtkTooltip *tooltip,
                    gpointer    user_data)
{
  RacimoWindow *self = RACIMO_WINDOW (gtk_widget_get_root (button));
  g_autofree char *text = history_text (self, button == self->redo_button);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
describe_history_button (GtkWidget  *button,
                         char      **described,
                         char       *text)
{
  if (g_strcmp0 (*described, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (*described);
  *described = text;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
describe_history_buttons (RacimoWindow *self)
{
  describe_history_button (self->undo_button, &self->undo_description,
                           history_text (self, FALSE));
  describe_history_button (self->redo_button, &self->redo_description,
                           history_text (self, TRUE));
}

/* Every edit changes some of what the history says (what undo would do,
 * always): each part of the window follows only what it shows.  With no
 * @pspec, all of it. */
static void
on_history_notify (RacimoWindow *self,
                   GParamSpec   *pspec)
{
  const char *name = pspec != NULL ? g_param_spec_get_name (pspec) : NULL;

  if (name == NULL || g_str_has_prefix (name, "can-"))
    update_history_actions (self);
  if (name == NULL || g_strcmp0 (name, "modified") == 0)
    _racimo_window_update_title (self);
  if (name == NULL || g_str_has_suffix (name, "-label"))
    describe_history_buttons (self);
}

static void
on_scheme_notify (RacimoWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
}

/* The project */

static void
disconnect_project (RacimoWindow *self)
{
  _racimo_window_compare_leave (self);

  /* The dialog edits the project that goes. */
  if (self->project_dialog != NULL)
    {
      GtkWidget *dialog = self->project_dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->project_dialog);
      self->project_dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->history_handler, racimo_project_get_history (self->project));
      g_clear_signal_handler (&self->title_handler, self->project);
      g_clear_signal_handler (&self->scheme_handler, self->project);
      for (guint i = 0; i < G_N_ELEMENTS (self->role_handlers); i++)
        g_clear_signal_handler (&self->role_handlers[i], self->project);
      for (guint i = 0; i < G_N_ELEMENTS (self->person_handlers); i++)
        g_clear_signal_handler (&self->person_handlers[i], self->project);
    }

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_pointer (&self->only_problems_binding, g_binding_unbind);
  g_clear_pointer (&self->hide_not_applicable_binding, g_binding_unbind);
  g_clear_object (&self->filter);
  g_clear_object (&self->checks);
  g_clear_object (&self->project);
}

/* The width of the names, which the user gave a file's matrix, is kept in
 * the user's settings, not in the file: it is the user's screen, not the
 * project's. */

#define MAX_NAMES_WIDTHS 100

static void
restore_names_width (RacimoWindow *self)
{
  GFile *file = racimo_window_get_file (self);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  g_autoptr(GVariant) widths = NULL;
  int width = 0;

  if (self->settings != NULL && uri != NULL)
    {
      widths = g_settings_get_value (self->settings, "names-widths");
      if (!g_variant_lookup (widths, uri, "i", &width))
        width = 0;
    }

  self->restoring_names_width = TRUE;
  racimo_matrix_view_set_names_width (self->matrix_view, width);
  self->restoring_names_width = FALSE;
}

static gboolean
save_names_width (gpointer data)
{
  RacimoWindow *self = data;
  GFile *file = racimo_window_get_file (self);
  g_autofree char *uri = NULL;
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  gsize n_old;

  self->names_width_save = 0;
  if (file == NULL)
    return G_SOURCE_REMOVE;

  uri = g_file_get_uri (file);
  old = g_settings_get_value (self->settings, "names-widths");
  n_old = g_variant_n_children (old);

  /* The newest last; the oldest go when there are too many. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  for (gsize i = 0; i < n_old; i++)
    {
      const char *key;
      int value;

      g_variant_get_child (old, i, "{&si}", &key, &value);
      if (!g_str_equal (key, uri) && n_old - i < MAX_NAMES_WIDTHS)
        g_variant_builder_add (&builder, "{si}", key, value);
    }
  g_variant_builder_add (&builder, "{si}", uri,
                         racimo_matrix_view_get_names_width (self->matrix_view));
  g_settings_set_value (self->settings, "names-widths", g_variant_builder_end (&builder));

  return G_SOURCE_REMOVE;
}

/* Saved once the user stops dragging the edge */
static void
on_names_width (RacimoWindow *self)
{
  if (self->restoring_names_width || self->settings == NULL)
    return;

  g_clear_handle_id (&self->names_width_save, g_source_remove);
  self->names_width_save = g_timeout_add (300, save_names_width, self);
}

/* The document's project, in the matrix: when the document is set, and
 * again when it reloads its file. */
static void
bind_project (RacimoWindow *self)
{
  RacimoProject *project = racimo_document_get_project (self->document);

  if (project == self->project)
    return;

  /* A search of another project: closed. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  disconnect_project (self);
  self->project = g_object_ref (project);
  self->checks = racimo_checks_new (project);

  self->history_handler =
    g_signal_connect_swapped (racimo_project_get_history (project), "notify",
                              G_CALLBACK (on_history_notify), self);
  self->title_handler =
    g_signal_connect_swapped (project, "notify::title",
                              G_CALLBACK (_racimo_window_update_title), self);
  self->scheme_handler =
    g_signal_connect_swapped (project, "notify::scheme", G_CALLBACK (on_scheme_notify), self);

  racimo_matrix_view_set_project (self->matrix_view, project, self->checks);

  /* Made after the view and the checks listen to the project: an edit
   * reaches the filter once the findings and the view's rows are up to
   * date. */
  self->filter = racimo_filter_new (self->checks);
  racimo_matrix_view_set_filter (self->matrix_view, self->filter);
  g_signal_connect_swapped (self->filter, "notify::search-text",
                            G_CALLBACK (_racimo_window_on_filter_text), self);
  g_signal_connect_swapped (self->filter, "notify::role", G_CALLBACK (_racimo_window_on_filter_role), self);
  g_signal_connect_swapped (self->filter, "notify::person", G_CALLBACK (_racimo_window_fill_person_names),
                            self);
  g_signal_connect_swapped (self->filter, "notify::n-shown",
                            G_CALLBACK (_racimo_window_update_shown_label), self);
  g_signal_connect_swapped (self->filter, "notify::n-total",
                            G_CALLBACK (_racimo_window_update_shown_label), self);
  self->only_problems_binding =
    g_object_bind_property (self->filter, "only-findings", self->only_problems_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->hide_not_applicable_binding =
    g_object_bind_property (self->filter, "hide-not-applicable",
                            self->hide_not_applicable_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* The role list of the search follows the roles. */
  self->role_handlers[0] =
    g_signal_connect_swapped (project, "item-added", G_CALLBACK (_racimo_window_on_role_changed), self);
  self->role_handlers[1] =
    g_signal_connect_swapped (project, "item-removed", G_CALLBACK (_racimo_window_on_role_changed), self);
  self->role_handlers[2] =
    g_signal_connect_swapped (project, "item-moved", G_CALLBACK (_racimo_window_on_role_changed), self);
  self->role_handlers[3] =
    g_signal_connect_swapped (project, "item-changed", G_CALLBACK (_racimo_window_on_role_changed), self);
  _racimo_window_fill_role_names (self);
  /* The person list of the search follows the people. */
  self->person_handlers[0] =
    g_signal_connect_swapped (project, "person-added", G_CALLBACK (_racimo_window_fill_person_names), self);
  self->person_handlers[1] =
    g_signal_connect_swapped (project, "person-removed", G_CALLBACK (_racimo_window_fill_person_names), self);
  self->person_handlers[2] =
    g_signal_connect_swapped (project, "person-moved", G_CALLBACK (_racimo_window_fill_person_names), self);
  self->person_handlers[3] =
    g_signal_connect_swapped (project, "person-changed", G_CALLBACK (_racimo_window_fill_person_names), self);
  _racimo_window_fill_person_names (self);
  _racimo_window_update_shown_label (self);

  restore_names_width (self);
  _racimo_window_update_empty_matrix (self);

  racimo_checks_panel_set_checks (self->checks_panel, self->checks);
  /* A project with nothing to show opens with the panel closed. */
  self->seen_findings = racimo_checks_get_n_errors (self->checks)
                        + racimo_checks_get_n_warnings (self->checks);
  _racimo_window_set_show_checks (self, self->checks_choice && self->seen_findings > 0);
  _racimo_window_update_checks_button (self);
  _racimo_window_sync_role_details (self);

  on_history_notify (self, NULL);
  on_scheme_notify (self);
}

static void
on_document_notify (RacimoWindow *self,
                    GParamSpec   *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "project"))
    bind_project (self);
  else if (g_str_equal (name, "changed-on-disk") || g_str_equal (name, "deleted-on-disk"))
    {
      /* Each new change on disk is news, even after "Keep Mine". */
      if (racimo_document_get_changed_on_disk (self->document))
        self->banner_dismissed = FALSE;
      _racimo_window_update_banner (self);
    }
  else if (g_str_equal (name, "file") || g_str_equal (name, "needs-save-as"))
    _racimo_window_update_title (self);

  _racimo_window_update_actions (self);
}

static void
disconnect_document (RacimoWindow *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_notify, self);

  disconnect_project (self);
  g_clear_object (&self->document);
}

/**
 * racimo_window_set_document:
 * @document: the document to show, which the window keeps a reference to
 *
 * Shows @document's project.  Its unsaved changes are kept as drafts
 * while the window belongs to the application.
 */
void
racimo_window_set_document (RacimoWindow   *self,
                            RacimoDocument *document)
{
  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (RACIMO_IS_DOCUMENT (document));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->loading_file);

  g_object_ref (document);
  disconnect_document (self);
  self->document = document;
  self->banner_dismissed = FALSE;

  /* Drafts of a real session's windows only: a window made by a test or
   * a benchmark has no application, and leaves nothing to restore. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      if (racimo_document_get_drafts (document) == NULL)
        racimo_document_set_drafts (document, racimo_drafts_get_default ());
      if (self->settings != NULL)
        racimo_document_set_draft_delay (document,
                                         1000 * g_settings_get_uint (self->settings,
                                                                     "draft-delay"));
    }

  g_signal_connect_swapped (document, "notify", G_CALLBACK (on_document_notify), self);
  bind_project (self);

  gtk_stack_set_visible_child_name (self->stack, "matrix");
  _racimo_window_update_banner (self);
  _racimo_window_update_repair_banner (self);
  _racimo_window_update_title (self);
  _racimo_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

/**
 * racimo_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
RacimoDocument *
racimo_window_get_document (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * racimo_window_set_project:
 * @project: the project to show, as a new document with no file yet (a
 *   template's; a file's document comes from racimo_window_load_file())
 *
 * Shows @project's matrix.
 */
void
racimo_window_set_project (RacimoWindow  *self,
                           RacimoProject *project)
{
  g_autoptr(RacimoDocument) document = NULL;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));

  document = racimo_document_new_from_project (project, NULL);
  racimo_window_set_document (self, document);
}

void
_racimo_window_show_start_page (RacimoWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "start");
  _racimo_window_update_title (self);
  _racimo_window_update_actions (self);
}

/* Alerts and notices */

GtkWidget *
_racimo_window_show_alert (RacimoWindow              *self,
                           const char                *heading,
                           const char                *body,
                           const RacimoAlertResponse *responses,
                           guint                      n_responses,
                           const char                *default_response,
                           const char                *close_response,
                           RacimoAlertFunc            callback)
{
  if (self->alert != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->alert), (gpointer *) &self->alert);

  self->alert = racimo_compat_alert_show (GTK_WINDOW (self), heading, body,
                                          responses, n_responses, default_response,
                                          close_response, callback, G_OBJECT (self));
  g_object_add_weak_pointer (G_OBJECT (self->alert), (gpointer *) &self->alert);

  return self->alert;
}

/* A file's name as a heading shows it: not broken at its hyphens or
 * spaces (a word joiner after each hyphen, no-break spaces), so that
 * "bad-code.raci" does not end one line with "bad-".  Still broken between
 * any two characters when it is wider than the alert. */
char *
_racimo_window_heading_name (const char *basename)
{
  g_autofree char *display = g_filename_display_name (basename != NULL ? basename : "");
  GString *name = g_string_new (display);

  g_string_replace (name, "-", "-\u2060", 0);
  g_string_replace (name, " ", "\u00a0", 0);

  return g_string_free (name, FALSE);
}

/* An alert that only informs: what went wrong, and a button to go on. */
void
_racimo_window_show_error (RacimoWindow *self,
                           const char   *heading,
                           const char   *body)
{
  RacimoAlertResponse responses[] = {
    { "close", _("_Close"), RACIMO_RESPONSE_DEFAULT },
  };

  _racimo_window_show_alert (self, heading, body, responses, G_N_ELEMENTS (responses),
                             "close", "close", NULL);
}

/* A failed write in plain words; GIO's own message only for the rare
 * cases without any. */
char *
_racimo_window_describe_write_error (GFile        *file,
                                     const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("You may not write “%s”: it or its folder is protected, "
                              "or on a disk that cannot be written."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("There is no space left on the disk to write “%s”."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("The folder of “%s” does not exist any more."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("“%s” is a folder."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("“%s” is not a name this disk can take."), name);

  /* The core's message names the file and says what became of it. */
  return g_strdup (error->message);
}

RacimoWindowWrite *
_racimo_window_write_new (RacimoWindow *self,
                          GFile        *file)
{
  RacimoWindowWrite *write = g_new0 (RacimoWindowWrite, 1);

  write->window = g_object_ref (self);
  write->file = g_object_ref (file);

  return write;
}

void
_racimo_window_write_free (RacimoWindowWrite *write)
{
  g_object_unref (write->window);
  g_object_unref (write->file);
  g_free (write);
}

void
_racimo_window_show_toast (RacimoWindow *self,
                           AdwToast     *toast)
{
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);

  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
/**
 * racimo_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
RacimoProject *
racimo_window_get_project (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->project;
}

/**
 * racimo_window_get_checks:
 *
 * Returns: (transfer none) (nullable): the findings on the project shown
 */
RacimoChecks *
racimo_window_get_checks (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->checks;
}

/**
 * racimo_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file shown or being opened
 */
GFile *
racimo_window_get_file (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  if (self->loading_file != NULL)
    return self->loading_file;

  return self->document != NULL ? racimo_document_get_file (self->document) : NULL;
}

/**
 * racimo_window_get_matrix_view:
 *
 * Returns: (transfer none): the window's matrix
 */
RacimoMatrixView *
racimo_window_get_matrix_view (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->matrix_view;
}

/**
 * racimo_window_is_empty:
 *
 * Returns: %TRUE when the window shows the start page: no project, none
 *   being opened, and no unsaved changes of a crash being offered back
 */
gboolean
racimo_window_is_empty (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), FALSE);

  return self->project == NULL && self->loading == NULL && self->offered_draft == NULL;
}

/**
 * racimo_window_is_idle:
 *
 * Returns: %TRUE when no file is being read or written for the window
 */
gboolean
racimo_window_is_idle (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), FALSE);

  return self->loading == NULL && self->writing == 0;
}

static void
on_paste_not_understood (RacimoWindow *self,
                         guint         n_cells,
                         const char   *example)
{
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;

  /* The cell as pasted, shortened to fit a notice. */
  if (g_utf8_strlen (example, -1) > 24)
    {
      g_autofree char *start = g_utf8_substring (example, 0, 23);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (example);

  if (n_cells == 1)
    /* Translators: %s is what was pasted into a cell */
    title = g_strdup_printf (_("“%s” is not a code: the cell was left as it was"), shown);
  else
    /* Translators: %u is a number of cells, %s what was pasted into one */
    title = g_strdup_printf (ngettext ("%u pasted cell is not a code, such as “%s”: "
                                       "it was left as it was",
                                       "%u pasted cells are not codes, such as “%s”: "
                                       "they were left as they were", n_cells),
                             n_cells, shown);

  _racimo_window_show_toast (self, adw_toast_new (title));
}

/* A letter typed on a cell and left out: said once, not at every key. */
static void
on_letter_not_typed (RacimoWindow *self,
                     guint         letter,
                     gboolean      on_phase)
{
  g_autofree char *title = NULL;
  char text[7] = { 0 };

  if (self->project == NULL || (on_phase ? self->told_phase_codes : self->told_not_code))
    return;

  if (on_phase)
    {
      self->told_phase_codes = TRUE;
      title = g_strdup (_("A phase’s row holds no codes: type them in the rows of its "
                          "activities"));
    }
  else
    {
      self->told_not_code = TRUE;
      g_unichar_to_utf8 (letter, text);
      /* Translators: the first %s is a letter, the second a scheme, such
       * as "RACI" */
      title = g_strdup_printf (_("“%s” is not a code of %s: the letter was left out"), text,
                               racimo_project_get_scheme_id (self->project));
    }

  _racimo_window_show_toast (self, adw_toast_new (title));
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (self->project != NULL)
    racimo_history_undo (racimo_project_get_history (self->project));
}

/* A click on the title in the header bar: the project's properties, as
 * the main menu's Project Properties… */
static void
on_title_clicked (RacimoWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.project-properties", NULL);
}

/* win.project-properties and win.people: the project's dialog, on its
 * first page or on its people. */
static void
project_dialog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (self->project == NULL)
    return;

  _racimo_window_ensure_project_dialog (self);
  if (g_str_equal (action_name, "win.people"))
    racimo_project_dialog_show_people (RACIMO_PROJECT_DIALOG (self->project_dialog));

  gtk_window_present (GTK_WINDOW (self->project_dialog));
}

/* win.staff-role, the quick fix of an unstaffed role: a new person who
 * holds it, to be named in the people editor. */
static void
staff_role_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  RacimoHistory *history;
  RacimoPerson *person;
  RacimoItem *role;

  if (self->project == NULL)
    return;

  role = racimo_project_lookup (self->project, g_variant_get_string (parameter, NULL));
  if (!RACIMO_IS_ROLE (role))
    return;

  history = racimo_project_get_history (self->project);
  racimo_history_begin (history, _("Add a Person"));
  person = racimo_project_add_person (self->project, -1, _("New Person"), NULL);
  racimo_project_add_member (self->project, RACIMO_ROLE (role), person);
  racimo_history_end (history);

  _racimo_window_show_person (self, person);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (self->project != NULL)
    racimo_history_redo (racimo_project_get_history (self->project));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (self->project == NULL)
    return;

  if (g_str_equal (action_name, "win.add-activity"))
    racimo_matrix_view_add_activity (self->matrix_view);
  else if (g_str_equal (action_name, "win.add-phase"))
    racimo_matrix_view_add_phase (self->matrix_view);
  else
    racimo_matrix_view_add_role (self->matrix_view);
}

/* GObject */

static void
racimo_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RacimoWindow *self = RACIMO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SCHEME:
      g_value_set_string (value, self->project != NULL
                                 ? racimo_project_get_scheme_id (self->project) : "RACI");
      break;
    case PROP_SHOW_CHECKS:
      g_value_set_boolean (value, self->show_checks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RacimoWindow *self = RACIMO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SCHEME:
      {
        const char *id = g_value_get_string (value);

        /* The project notifies, and so does the window, through it. */
        if (self->project != NULL && id != NULL && racimo_scheme_lookup (id) != NULL
            && g_strcmp0 (id, racimo_project_get_scheme_id (self->project)) != 0)
          _racimo_window_switch_scheme (self, id);
      }
      break;
    case PROP_SHOW_CHECKS:
      /* The user's choice, which the next windows start with */
      _racimo_window_set_show_checks (self, g_value_get_boolean (value));
      self->checks_choice = self->show_checks;
      if (self->settings != NULL)
        g_settings_set_boolean (self->settings, "show-checks", self->checks_choice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
save_window_size (RacimoWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
racimo_window_close_request (GtkWindow *window)
{
  RacimoWindow *self = RACIMO_WINDOW (window);

  if (_racimo_window_files_close_request (self))
    return TRUE;

  save_window_size (self);

  return GTK_WINDOW_CLASS (racimo_window_parent_class)->close_request (window);
}

static void
racimo_window_dispose (GObject *object)
{
  RacimoWindow *self = RACIMO_WINDOW (object);

  if (self->names_width_save != 0)
    {
      g_clear_handle_id (&self->names_width_save, g_source_remove);
      save_names_width (self);
    }
  _racimo_window_files_dispose (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _racimo_window_export_dispose (self);
  if (self->alert != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->alert), (gpointer *) &self->alert);
  self->alert = NULL;
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  disconnect_document (self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_WINDOW);

  G_OBJECT_CLASS (racimo_window_parent_class)->dispose (object);
}

static void
racimo_window_finalize (GObject *object)
{
  RacimoWindow *self = RACIMO_WINDOW (object);

  g_clear_object (&self->loading_file);
  g_clear_pointer (&self->offered_draft, racimo_draft_unref);
  g_clear_pointer (&self->layout_options, racimo_pagination_options_free);
  g_clear_pointer (&self->exporting_name, g_free);
  g_clear_pointer (&self->undo_description, g_free);
  g_clear_pointer (&self->pending_scheme, g_free);
  g_clear_pointer (&self->redo_description, g_free);

  G_OBJECT_CLASS (racimo_window_parent_class)->finalize (object);
}

static void
racimo_window_class_init (RacimoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = racimo_window_dispose;
  object_class->finalize = racimo_window_finalize;
  object_class->get_property = racimo_window_get_property;
  object_class->set_property = racimo_window_set_property;
  window_class->close_request = racimo_window_close_request;

  properties[PROP_SCHEME] =
    g_param_spec_string ("scheme", NULL, NULL, "RACI",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RacimoWindow:show-checks:
   *
   * Whether the checks panel shows beside the matrix (F9).
   */
  properties[PROP_SHOW_CHECKS] =
    g_param_spec_boolean ("show-checks", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RACIMO_TYPE_MATRIX_VIEW);
  g_type_ensure (RACIMO_TYPE_TEXT_LINE);
  g_type_ensure (RACIMO_TYPE_CHECKS_PANEL);
  g_type_ensure (RACIMO_TYPE_START_PAGE);
  g_type_ensure (RACIMO_TYPE_REPAIR_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/racimo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, template_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, scheme_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, compare_drafts_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, empty_matrix);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, matrix_overlay);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, errors_icon);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, errors_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, warnings_icon);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, no_problems_icon);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, no_problems_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, only_problems_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, hide_not_applicable_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, role_names);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, person_names);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, shown_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, checks_revealer);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, checks_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_title_clicked);

  /* Accelerators for these are set in one place, by the application. */
  _racimo_window_files_class_init (widget_class);
  _racimo_window_export_class_init (widget_class);
  _racimo_window_checks_class_init (widget_class);
  _racimo_window_search_class_init (widget_class);
  _racimo_window_menus_class_init (widget_class);
  _racimo_window_compare_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-activity", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-phase", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-role", NULL, add_action);
  gtk_widget_class_install_property_action (widget_class, "win.scheme", "scheme");
  gtk_widget_class_install_action (widget_class, "win.project-properties", NULL,
                                   project_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.people", NULL, project_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.staff-role", "s", staff_role_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-checks", "show-checks");
}

static void
racimo_window_init (RacimoWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->layout_options = racimo_pagination_options_new ();
  self->show_checks = TRUE;
  self->checks_choice = TRUE;
  gtk_revealer_set_reveal_child (self->checks_revealer, TRUE);

  g_signal_connect_swapped (self->checks_revealer, "notify::child-revealed",
                            G_CALLBACK (_racimo_window_on_checks_revealed), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_widget_set_has_tooltip (self->checks_button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Shows or hides the checks panel"),
                                  -1);
  g_signal_connect_swapped (self->checks_button, "query-tooltip",
                            G_CALLBACK (_racimo_window_on_checks_tooltip), self);
  gtk_widget_set_has_tooltip (self->undo_button, TRUE);
  g_signal_connect (self->undo_button, "query-tooltip", G_CALLBACK (on_history_tooltip), NULL);
  gtk_widget_set_has_tooltip (self->redo_button, TRUE);
  g_signal_connect (self->redo_button, "query-tooltip", G_CALLBACK (on_history_tooltip), NULL);
  g_object_bind_property (self->search_bar, "search-mode-enabled",
                          self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_swapped (self->matrix_view, "paste-not-understood",
                            G_CALLBACK (on_paste_not_understood), self);
  g_signal_connect_swapped (self->matrix_view, "letter-not-typed",
                            G_CALLBACK (on_letter_not_typed), self);
  g_signal_connect_swapped (self->matrix_view, "notify::names-width",
                            G_CALLBACK (on_names_width), self);

  _racimo_window_files_init (self);

  /* Run from the build tree, the schema may not be installed: then the
   * window size is simply not remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      /* Each window starts as the user last left one, and goes its own way. */
      self->checks_choice = g_settings_get_boolean (self->settings, "show-checks");
      _racimo_window_set_show_checks (self, self->checks_choice);
    }

  racimo_compat_watch_narrow (ADW_APPLICATION_WINDOW (self), NARROW_WIDTH, _racimo_window_on_narrow);

  _racimo_window_fill_menus (self);
  /* A scheme or a new row chosen from the header bar's menus: editing
   * goes on in the grid. */
  racimo_focus_return_after (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->add_button)),
                             GTK_WIDGET (self->matrix_view));
  racimo_focus_return_after (
    gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->main_menu_button)),
    GTK_WIDGET (self->matrix_view));

  _racimo_window_show_start_page (self);
  describe_history_buttons (self);
}

/* For the tests: what the window shows the user */

GtkWidget *
_racimo_window_get_alert (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->alert;
}

GtkWidget *
_racimo_window_get_csv_export_dialog (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->csv_dialog;
}

GtkWidget *
_racimo_window_get_import_report (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->import_report;
}

AdwToast *
_racimo_window_get_toast (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->toast;
}

/* The banner's text while it is shown, else NULL. */
const char *
_racimo_window_get_banner (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label)
                                                      : NULL;
}

RacimoChecksPanel *
_racimo_window_get_checks_panel (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->checks_panel;
}

RacimoFilter *
_racimo_window_get_filter (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), NULL);

  return self->filter;
}
