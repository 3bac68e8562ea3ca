/* racimo-window.c: one project's window
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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-checks-panel.h"
#include "racimo-compat.h"
#include "racimo-csv-export-dialog.h"
#include "racimo-print-operation.h"
#include "racimo-text-line.h"
#include "racimo-window-private.h"
#include "racimo-window.h"

#define MAX_RECENT 8
#define RACI_MIME_TYPE "application/x-raci+xml"

typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_OPEN,
} PendingAction;

struct _RacimoWindow
{
  AdwApplicationWindow parent_instance;

  RacimoDocument *document;
  /* The document's project, as the matrix shows it */
  RacimoProject  *project;
  RacimoChecks   *checks;
  /* Which activities the matrix shows, as the search bar sets it */
  RacimoFilter   *filter;
  GBinding       *only_problems_binding;
  GBinding       *hide_not_applicable_binding;
  gulong          role_handlers[4];
  gboolean        syncing_search;
  /* The checks panel: shown or not, and while the window moves the cursor
   * for it, how the role details follow */
  gboolean        show_checks;
  gboolean        moving_cursor;
  gboolean        keep_role;
  /* The file being opened, and the work to cancel when another is asked
   * for or the window closes. */
  GFile          *loading_file;
  GCancellable   *loading;
  GCancellable   *cancellable;
  GSettings      *settings;
  /* What the window shows the user right now, weak: for the tests. */
  GtkWidget      *alert;
  AdwToast       *toast;
  /* Files being written: saves and exports. */
  guint           writing;
  /* What to do once unsaved changes are saved or discarded; set while
   * the user is asked, or the save is under way. */
  PendingAction   pending;
  GFile          *pending_file;
  gboolean        close_confirmed;
  gboolean        banner_dismissed;
  /* A crash's draft, while the user is asked whether to restore it */
  RacimoDraft    *offered_draft;
  /* The choices of the last CSV export, offered again, and the dialog
   * that asks for them while it is shown (weak) */
  RacimoCsvDelimiter csv_delimiter;
  gboolean           csv_bom;
  GtkWidget         *csv_dialog;
  /* Printing and PDF: the options of the print dialog's Matrix tab, the
   * operation while its dialog is open, the notice of a long export. */
  RacimoPaginationOptions  *layout_options;
  RacimoPrintOperation *printing;
  AdwToast             *progress_toast;
  guint                 progress_id;
  char                 *exporting_name;
  gulong          history_handler;
  gulong          title_handler;
  gulong          scheme_handler;
  gulong          recent_handler;
  gulong          active_handler;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *open_button;
  GtkWidget        *undo_button;
  GtkWidget        *redo_button;
  char             *undo_description;
  char             *redo_description;
  GtkWidget        *add_button;
  GtkRevealer      *banner;
  GtkLabel         *banner_label;
  GtkWidget        *reload_button;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  AdwStatusPage    *start_page;
  AdwPreferencesGroup *templates_group;
  AdwPreferencesGroup *recent_group;
  GtkWidget        *recent_list;
  GtkLabel         *loading_label;
  GtkSpinner       *loading_spinner;
  RacimoMatrixView *matrix_view;
  GMenu            *template_menu;
  GMenu            *scheme_menu;
  GtkWidget        *checks_button;
  GtkWidget        *errors_icon;
  RacimoTextLine   *errors_label;
  GtkWidget        *warnings_icon;
  RacimoTextLine   *warnings_label;
  GtkWidget        *no_problems_icon;
  GtkWidget        *no_problems_label;
  GtkWidget        *search_button;
  GtkSearchBar     *search_bar;
  GtkWidget        *search_entry;
  GtkWidget        *only_problems_button;
  GtkWidget        *hide_not_applicable_button;
  GtkDropDown      *role_dropdown;
  GtkStringList    *role_names;
  GtkLabel         *shown_label;
  GtkRevealer      *checks_revealer;
  RacimoChecksPanel *checks_panel;
};

G_DEFINE_FINAL_TYPE (RacimoWindow, racimo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SCHEME,
  PROP_SHOW_CHECKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RacimoWindow *
racimo_window_new (RacimoApplication *application)
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
}

static void
update_actions (RacimoWindow *self)
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 editing && self->printing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-checks", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-finding", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-finding", editing);

  /* On the start page there is nothing to undo, add to, search or check. */
  gtk_widget_set_visible (self->undo_button, editing);
  gtk_widget_set_visible (self->redo_button, editing);
  gtk_widget_set_visible (self->add_button, editing);
  gtk_widget_set_visible (self->search_button, editing);
  gtk_widget_set_visible (self->checks_button, editing);
}

static void
update_title (RacimoWindow *self)
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
  if (file != NULL && racimo_document_get_needs_save_as (self->document))
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
    update_title (self);
  if (name == NULL || g_str_has_suffix (name, "-label"))
    describe_history_buttons (self);
}

static void
on_scheme_notify (RacimoWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
}

static void update_banner     (RacimoWindow  *self);
static void ask_about_changes (RacimoWindow  *self,
                               PendingAction  action,
                               GFile         *file);

/* The checks panel */

/* The summary, asked for when the tooltip shows: the counts change with
 * most edits, and a tooltip set anew costs a round trip to the display. */
static gboolean
on_checks_tooltip (RacimoWindow *self,
                   int           x,
                   int           y,
                   gboolean      keyboard_mode,
                   GtkTooltip   *tooltip)
{
  gtk_tooltip_set_text (tooltip, racimo_checks_panel_get_summary (self->checks_panel));
  return TRUE;
}

/* The header bar's button of the panel: the counts of errors and
 * warnings, each by its icon, or that there is no problem; the panel's
 * summary, "2 errors, 3 warnings", as its tooltip and what a screen
 * reader says. */
static void
update_checks_button (RacimoWindow *self)
{
  guint n_errors = self->checks != NULL ? racimo_checks_get_n_errors (self->checks) : 0;
  guint n_warnings = self->checks != NULL ? racimo_checks_get_n_warnings (self->checks) : 0;
  const char *summary = racimo_checks_panel_get_summary (self->checks_panel);

  racimo_text_line_set_count (self->errors_label, n_errors);
  racimo_text_line_set_count (self->warnings_label, n_warnings);
  gtk_widget_set_visible (self->errors_icon, n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), n_errors > 0);
  gtk_widget_set_visible (self->warnings_icon, n_warnings > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), n_warnings > 0);
  gtk_widget_set_margin_start (self->warnings_icon, n_errors > 0 ? 6 : 0);
  gtk_widget_set_visible (self->no_problems_icon, n_errors == 0 && n_warnings == 0);
  gtk_widget_set_visible (self->no_problems_label, n_errors == 0 && n_warnings == 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
}

/* The role whose header the cursor is on, in the panel; the findings when
 * it is anywhere else.  Nothing to do while the panel is hidden: it is
 * brought up to date when it shows. */
static void
sync_role_details (RacimoWindow *self)
{
  RacimoRole *role = NULL;
  int row, column;

  if (!self->show_checks || self->project == NULL)
    return;

  racimo_matrix_view_get_cursor (self->matrix_view, &row, &column);
  if (row == RACIMO_MATRIX_HEADER_ROW && column >= 0
      && (guint) column < racimo_project_get_n_roles (self->project))
    role = racimo_project_get_role (self->project, (guint) column);

  if (role != racimo_checks_panel_get_role (self->checks_panel))
    racimo_checks_panel_show_role (self->checks_panel, role);
}

static void
on_cursor_moved (RacimoWindow *self)
{
  /* Going to an activity from a role's details keeps them in view; and
   * the window going away has nothing to show. */
  if (self->keep_role || self->checks_panel == NULL)
    return;

  /* Going to a finding, the panel shows the findings, where it is
   * selected, even when it is on a role. */
  if (self->moving_cursor)
    {
      if (racimo_checks_panel_get_role (self->checks_panel) != NULL)
        racimo_checks_panel_show_role (self->checks_panel, NULL);
      return;
    }

  sync_role_details (self);
}

/* Where the grid is focused, it stays; otherwise a widget being hidden
 * had it, and the grid takes it back. */
static void
focus_grid_if_lost (RacimoWindow *self,
                    GtkWidget    *hidden)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->matrix_view == NULL)
    return;

  if (focus == NULL || focus == hidden || gtk_widget_is_ancestor (focus, hidden))
    gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

static void
set_show_checks (RacimoWindow *self,
                 gboolean      show)
{
  show = !!show;
  if (self->show_checks == show)
    return;

  self->show_checks = show;
  if (show)
    gtk_widget_set_visible (gtk_revealer_get_child (self->checks_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->checks_revealer, show);
  if (show)
    sync_role_details (self);
  else
    focus_grid_if_lost (self, GTK_WIDGET (self->checks_revealer));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CHECKS]);
}

/* Hidden, the panel is left out of the layout: a revealer still measures
 * a child it does not show, and the list of findings costs most of an
 * edit's frame. */
static void
on_checks_revealed (RacimoWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->checks_revealer) && !self->show_checks)
    gtk_widget_set_visible (gtk_revealer_get_child (self->checks_revealer), FALSE);
}

/* A search that hides @item is closed, which shows every activity. */
static void
unhide_item (RacimoWindow *self,
             RacimoItem   *item)
{
  if (RACIMO_IS_ROLE (item) || self->filter == NULL || !racimo_filter_is_active (self->filter)
      || racimo_matrix_view_find_row (self->matrix_view, item) >= 0)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* The grid's cursor to what a finding is on, the keyboard focus left
 * where it is: the user may be going through the findings. */
static void
go_to_item (RacimoWindow *self,
            RacimoItem   *item)
{
  unhide_item (self, item);

  if (racimo_checks_panel_get_role (self->checks_panel) != NULL)
    racimo_checks_panel_show_role (self->checks_panel, NULL);

  self->moving_cursor = TRUE;
  if (!racimo_matrix_view_show_item (self->matrix_view, item))
    gtk_widget_error_bell (GTK_WIDGET (self));
  self->moving_cursor = FALSE;
}

static void
on_finding_activated (RacimoWindow *self,
                      RacimoItem   *item,
                      guint         check)
{
  go_to_item (self, item);
}

static void
on_finding_entered (RacimoWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

/* An activity the role owns, picked in its details: the cell where it
 * holds the A, with the details still shown. */
static void
on_owned_activated (RacimoWindow *self,
                    RacimoItem   *activity)
{
  RacimoRole *role = racimo_checks_panel_get_role (self->checks_panel);
  int row;

  if (self->project == NULL)
    return;

  unhide_item (self, activity);
  row = racimo_matrix_view_find_row (self->matrix_view, activity);
  if (row < 0)
    return;

  self->keep_role = TRUE;
  racimo_matrix_view_set_cursor (self->matrix_view, row,
                                 role != NULL ? racimo_project_index_of_role (self->project, role)
                                              : RACIMO_MATRIX_NAME_COLUMN);
  self->keep_role = FALSE;
}

static void
step_finding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  RacimoItem *item;

  if (self->project == NULL)
    return;

  if (g_str_equal (action_name, "win.next-finding"))
    item = racimo_checks_panel_select_next (self->checks_panel, NULL);
  else
    item = racimo_checks_panel_select_previous (self->checks_panel, NULL);

  if (item == NULL)
    {
      /* No problem to go to. */
      gtk_widget_error_bell (widget);
      return;
    }

  go_to_item (self, item);
}

/* The search bar */

static void
update_shown_label (RacimoWindow *self)
{
  g_autofree char *summary = self->filter != NULL ? racimo_filter_dup_summary (self->filter)
                                                  : NULL;

  gtk_label_set_text (self->shown_label, summary != NULL ? summary : "");
}

static int
role_position (RacimoWindow *self,
               RacimoRole   *role)
{
  int index = role != NULL ? racimo_project_index_of_role (self->project, role) : -1;

  /* "Any Role" comes first. */
  return index >= 0 ? index + 1 : 0;
}

static void
fill_role_names (RacimoWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n = self->project != NULL ? racimo_project_get_n_roles (self->project) : 0;

  g_strv_builder_add (builder, _("Any Role"));
  for (guint i = 0; i < n; i++)
    {
      const char *name = racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (self->project,
                                                                                      i)));

      g_strv_builder_add (builder, name != NULL && *name != '\0' ? name : _("Unnamed role"));
    }
  names = g_strv_builder_end (builder);

  self->syncing_search = TRUE;
  gtk_string_list_splice (self->role_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->role_names)),
                          (const char * const *) names);
  gtk_drop_down_set_selected (self->role_dropdown,
                              self->filter != NULL
                              ? (guint) role_position (self, racimo_filter_get_role (self->filter))
                              : 0);
  self->syncing_search = FALSE;
}

static void
on_role_changed (RacimoWindow *self,
                 RacimoItem   *item)
{
  if (RACIMO_IS_ROLE (item))
    fill_role_names (self);
}

static void
on_role_selected (RacimoWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);
  RacimoRole *role = NULL;

  if (self->syncing_search || self->filter == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0
      && selected <= racimo_project_get_n_roles (self->project))
    role = racimo_project_get_role (self->project, selected - 1);

  racimo_filter_set_role (self->filter, role);
}

static void
on_filter_role (RacimoWindow *self)
{
  self->syncing_search = TRUE;
  gtk_drop_down_set_selected (self->role_dropdown,
                              (guint) role_position (self, racimo_filter_get_role (self->filter)));
  self->syncing_search = FALSE;
}

/* The filter's text, cleared from elsewhere, in the entry. */
static void
on_filter_text (RacimoWindow *self)
{
  const char *text = racimo_filter_get_search_text (self->filter);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) == 0)
    return;

  self->syncing_search = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  self->syncing_search = FALSE;
}

static void
on_search_changed (RacimoWindow *self)
{
  if (self->syncing_search || self->filter == NULL)
    return;

  racimo_filter_set_search_text (self->filter,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter: on to the grid, where the cursor is on what was found. */
static void
on_search_activate (RacimoWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

static void
on_search_mode (RacimoWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  /* Closed: every activity shows again, the cursor on what it was on. */
  if (self->filter != NULL)
    racimo_filter_clear (self->filter);
  focus_grid_if_lost (self, GTK_WIDGET (self->search_bar));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (self->project == NULL)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Escape from the grid, or anywhere in the window, closes the search. */
static gboolean
close_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  return TRUE;
}

/* The project */

static void
disconnect_project (RacimoWindow *self)
{
  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->history_handler, racimo_project_get_history (self->project));
      g_clear_signal_handler (&self->title_handler, self->project);
      g_clear_signal_handler (&self->scheme_handler, self->project);
      for (guint i = 0; i < G_N_ELEMENTS (self->role_handlers); i++)
        g_clear_signal_handler (&self->role_handlers[i], self->project);
    }

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_pointer (&self->only_problems_binding, g_binding_unbind);
  g_clear_pointer (&self->hide_not_applicable_binding, g_binding_unbind);
  g_clear_object (&self->filter);
  g_clear_object (&self->checks);
  g_clear_object (&self->project);
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
    g_signal_connect_swapped (project, "notify::title", G_CALLBACK (update_title), self);
  self->scheme_handler =
    g_signal_connect_swapped (project, "notify::scheme", G_CALLBACK (on_scheme_notify), self);

  racimo_matrix_view_set_project (self->matrix_view, project, self->checks);

  /* Made after the view and the checks listen to the project: an edit
   * reaches the filter once the findings and the view's rows are up to
   * date. */
  self->filter = racimo_filter_new (self->checks);
  racimo_matrix_view_set_filter (self->matrix_view, self->filter);
  g_signal_connect_swapped (self->filter, "notify::search-text",
                            G_CALLBACK (on_filter_text), self);
  g_signal_connect_swapped (self->filter, "notify::role", G_CALLBACK (on_filter_role), self);
  g_signal_connect_swapped (self->filter, "notify::n-shown",
                            G_CALLBACK (update_shown_label), self);
  g_signal_connect_swapped (self->filter, "notify::n-total",
                            G_CALLBACK (update_shown_label), self);
  self->only_problems_binding =
    g_object_bind_property (self->filter, "only-findings", self->only_problems_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->hide_not_applicable_binding =
    g_object_bind_property (self->filter, "hide-not-applicable",
                            self->hide_not_applicable_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* The role list of the search follows the roles. */
  self->role_handlers[0] =
    g_signal_connect_swapped (project, "item-added", G_CALLBACK (on_role_changed), self);
  self->role_handlers[1] =
    g_signal_connect_swapped (project, "item-removed", G_CALLBACK (on_role_changed), self);
  self->role_handlers[2] =
    g_signal_connect_swapped (project, "item-moved", G_CALLBACK (on_role_changed), self);
  self->role_handlers[3] =
    g_signal_connect_swapped (project, "item-changed", G_CALLBACK (on_role_changed), self);
  fill_role_names (self);
  update_shown_label (self);

  racimo_checks_panel_set_checks (self->checks_panel, self->checks);
  update_checks_button (self);
  sync_role_details (self);

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
      update_banner (self);
    }
  else if (g_str_equal (name, "file") || g_str_equal (name, "needs-save-as"))
    update_title (self);

  update_actions (self);
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
  update_banner (self);
  update_title (self);
  update_actions (self);
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

static void
show_start_page (RacimoWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "start");
  update_title (self);
  update_actions (self);
}

/* Alerts and notices */

static GtkWidget *
show_alert (RacimoWindow              *self,
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

/* An alert that only informs: what went wrong, and a button to go on. */
static void
show_error (RacimoWindow *self,
            const char   *heading,
            const char   *body)
{
  RacimoAlertResponse responses[] = {
    { "close", _("_Close"), RACIMO_RESPONSE_DEFAULT },
  };

  show_alert (self, heading, body, responses, G_N_ELEMENTS (responses), "close", "close", NULL);
}

static void
show_toast (RacimoWindow *self,
            AdwToast     *toast)
{
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);

  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

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
    show_start_page (self);
  update_actions (self);
}

static void
show_open_error (RacimoWindow *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), basename);

  /* The message names the file, the line and the column, and what is
   * wrong there. */
  show_error (self, heading, error->message);
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
  g_autofree char *summary = NULL;

  document = racimo_document_load_finish (result, &error);

  /* Cancelled: another file was asked for, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  end_loading (self);

  if (document == NULL)
    {
      show_open_error (self, file, error);
      return;
    }

  racimo_window_set_document (self, document);

  /* A spreadsheet is imported as a new project, which is saved as a .raci
   * file: only projects go to the recent list. */
  if (!racimo_document_get_needs_save_as (document))
    add_to_recent (file);

  summary = racimo_csv_summarize_problems (racimo_document_get_import_problems (document), 8);
  if (summary != NULL)
    show_error (self, _("Some Cells Were Not Understood"), summary);

  if (racimo_document_get_newer_minor_version (document))
    {
      AdwToast *toast =
        adw_toast_new (_("Made by a newer version of Racimo: what this version does not "
                         "know is kept as it is"));

      adw_toast_set_timeout (toast, 10);
      show_toast (self, toast);
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
  update_actions (self);

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
  GtkApplication *app;
  GtkWindow *other = NULL;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (RACIMO_IS_APPLICATION (app))
    other = racimo_application_find_window (RACIMO_APPLICATION (app), file);

  if (other != NULL)
    {
      gtk_window_present (other);
      return;
    }

  if (self->document != NULL && racimo_document_get_modified (self->document))
    {
      ask_about_changes (self, PENDING_OPEN, file);
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

static GFile *
get_folder (RacimoWindow *self)
{
  GFile *file = racimo_window_get_file (self);

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
                           import ? RACIMO_FILE_FILTER_CSV | RACIMO_FILE_FILTER_ALL
                                  : RACIMO_FILE_FILTER_RACI | RACIMO_FILE_FILTER_CSV
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

/* The start page */

static void
on_recent_activated (AdwActionRow *row,
                     RacimoWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  /* Through the application, which presents the file's window if it is
   * open already. */
  if (app != NULL)
    g_application_open (app, &file, 1, "");
  else
    racimo_window_load_file (self, file);
}

/* A folder as people write it: "~/Documents" for one in the home folder. */
static char *
display_folder (GFile *folder)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, folder);

  if (g_file_equal (home, folder))
    return g_strdup ("~");
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (folder);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return -g_date_time_compare (ta, tb);
}

static void
fill_recent (RacimoWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos =
    g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint shown = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *mime = gtk_recent_info_get_mime_type (info);

      gboolean raci = g_strcmp0 (mime, RACI_MIME_TYPE) == 0
                      || g_str_has_suffix (gtk_recent_info_get_uri (info), ".raci");

      if (raci && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent);

  while ((child = gtk_widget_get_first_child (self->recent_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->recent_list), child);

  for (guint i = 0; i < infos->len && shown < MAX_RECENT; i++, shown++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? display_folder (parent) : NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_recent_info_get_display_name (info));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder != NULL ? folder : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri",
                              g_strdup (gtk_recent_info_get_uri (info)), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_recent_activated), self);
      gtk_list_box_append (GTK_LIST_BOX (self->recent_list), row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
fill_templates (RacimoWindow *self)
{
  for (guint i = 0; i < racimo_templates_get_n (); i++)
    {
      const RacimoTemplate *template = racimo_templates_get_nth (i);
      g_autoptr(GMenuItem) item = g_menu_item_new (_(template->title), NULL);
      GtkWidget *row = adw_action_row_new ();

      g_menu_item_set_action_and_target (item, "app.new-from-template", "s", template->id);
      g_menu_append_item (self->template_menu, item);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(template->title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(template->summary));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.new-from-template");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", template->id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (self->templates_group, row);
    }

  for (guint i = 0; i < racimo_scheme_get_n_schemes (); i++)
    {
      const RacimoScheme *scheme = racimo_scheme_get_nth (i);
      g_autoptr(GMenuItem) item = g_menu_item_new (_(scheme->title), NULL);

      g_menu_item_set_action_and_target (item, "win.scheme", "s", scheme->id);
      g_menu_append_item (self->scheme_menu, item);
    }
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

  show_toast (self, adw_toast_new (title));
}

/* Exporting */

/* A failed write in plain words; GIO's own message only for the rare
 * cases without any. */
static char *
describe_write_error (GFile        *file,
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

static void
show_exported (RacimoWindow *self,
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
  show_toast (self, toast);
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

static void
show_export_error (RacimoWindow *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), basename);
  g_autofree char *body = describe_write_error (file, error);

  show_error (self, heading, body);
}

static void
on_csv_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RacimoWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  self->writing--;
  if (racimo_csv_save_finish (result, &error))
    show_exported (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_export_error (self, file, error);
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
  GTask *task;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  if (self->project == NULL)
    return;

  self->csv_delimiter = options->delimiter;
  self->csv_bom = options->bom;

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  self->writing++;
  racimo_csv_save_async (self->project, file, options, self->cancellable, on_csv_saved, task);
}

static void
on_export_csv_chosen (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(GFile) file = racimo_compat_save_file_finish (result, NULL);
  g_autofree char *basename = NULL;
  RacimoCsvOptions options = { self->csv_delimiter, self->csv_bom };

  if (file == NULL)
    return;

  /* A name typed without an extension gets the one of its delimiter. */
  basename = g_file_get_basename (file);
  if (strrchr (basename, '.') == NULL)
    {
      g_autofree char *full = g_strconcat (basename, options.delimiter == RACIMO_CSV_TAB
                                                     ? ".tsv" : ".csv", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_set_object (&file, g_file_get_child (parent, full));
    }

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

/* What the PDF and the print dialog start from: the Matrix tab's options
 * as last left, on the paper last used. */
static RacimoPaginationOptions *
get_layout_options (RacimoWindow *self)
{
  g_autoptr(GtkPageSetup) setup = load_page_setup (self);
  RacimoPaginationOptions *options = racimo_pagination_options_copy (self->layout_options);

  racimo_print_operation_apply_page_setup (options, setup);

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

      racimo_pagination_options_free (self->layout_options);
      self->layout_options = racimo_pagination_options_copy (chosen);

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
      show_error (self, _("Could Not Print"),
                  error != NULL ? error->message : _("The printer gave no reason."));
    }

  g_object_set_data (G_OBJECT (operation), "racimo-done", GINT_TO_POINTER (TRUE));
  if (self->printing == print)
    g_clear_object (&self->printing);
  update_actions (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GtkPrintOperation *operation;

  if (self->project == NULL || self->printing != NULL)
    return;

  setup = load_page_setup (self);
  settings = load_print_settings (self);

  self->printing = racimo_print_operation_new (self->project, self->layout_options);
  operation = GTK_PRINT_OPERATION (self->printing);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  update_actions (self);

  g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR
      && g_object_get_data (G_OBJECT (operation), "racimo-done") == NULL)
    {
      show_error (self, _("Could Not Print"), error->message);
      if (self->printing == RACIMO_PRINT_OPERATION (operation))
        g_clear_object (&self->printing);
      update_actions (self);
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
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->name, g_free);
  g_clear_pointer (&job->path, g_free);
  g_clear_pointer (&job->options, racimo_pagination_options_free);
  g_clear_object (&job->file);
  g_free (job);
}

/* In a thread of its own: the model is not thread-safe, so the thread
 * reads its own copy of the project from the bytes the main thread wrote,
 * then lays it out and draws it. */
static void
export_pdf_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  PdfJob *job = task_data;
  g_autoptr(RacimoProject) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = racimo_file_load_bytes (job->bytes, job->name, &error);
  if (copy == NULL
      || !racimo_pagination_export_pdf (copy, job->path, job->options, cancellable, &error))
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
  show_toast (self, self->progress_toast);

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

  self->writing--;
  end_export_progress (self);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    show_exported (self, job->file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_export_error (self, job->file, error);
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

  self->writing++;

  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A PDF can only be written to a folder of this computer."));
      return;
    }

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
  g_autoptr(GFile) file = racimo_compat_save_file_finish (result, NULL);
  g_autofree char *basename = NULL;

  if (file == NULL)
    return;

  /* A name typed without an extension gets ".pdf". */
  basename = g_file_get_basename (file);
  if (strrchr (basename, '.') == NULL)
    {
      g_autofree char *full = g_strconcat (basename, ".pdf", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_set_object (&file, g_file_get_child (parent, full));
    }

  remember_export_folder (self, file);
  racimo_window_export_pdf (self, file);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GFile) folder = get_export_folder (self);
  g_autofree char *name = name_for_export (self, ".pdf");

  if (self->project == NULL)
    return;

  racimo_compat_save_file (GTK_WINDOW (self), _("Export PDF"),
                           RACIMO_FILE_FILTER_PDF | RACIMO_FILE_FILTER_ALL,
                           folder, name, self->cancellable,
                           on_export_pdf_chosen, g_object_ref (self));
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
  PendingAction action = self->pending;

  self->pending = PENDING_NONE;

  switch (action)
    {
    case PENDING_CLOSE:
      /* Not from inside the alert's response: the alert goes first. */
      self->close_confirmed = TRUE;
      g_idle_add_once (close_now, g_object_ref (self));
      break;
    case PENDING_OPEN:
      racimo_window_load_file (self, file);
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

/* The save failed or the user cancelled: the window stays as it is. */
static void
drop_pending (RacimoWindow *self)
{
  self->pending = PENDING_NONE;
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
    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("Could Not Save “%s”"), basename);
  else
    heading = g_strdup (_("Could Not Save the Project"));

  /* GIO's words for a failed write are a programmer's; Racimo's own
   * errors are written for the user already. */
  if (error->domain == G_IO_ERROR && file != NULL)
    body = describe_write_error (file, error);
  else
    body = g_strdup (error->message);

  show_error (self, heading, body);
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
  show_alert (self, _("Overwrite the Changed File?"), body, responses,
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
  update_actions (self);

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
  update_actions (self);
}

static void
on_saved_as (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RacimoWindow *self = g_task_get_source_object (task);
  RacimoDocument *document = RACIMO_DOCUMENT (source);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  self->writing--;
  update_actions (self);

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
  GTask *task;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  target = racimo_document_add_extension (file);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (target), g_object_unref);

  self->writing++;
  racimo_document_save_as_async (self->document, target, self->cancellable, on_saved_as, task);
  update_actions (self);
}

static void
on_replace_response (GObject    *owner,
                     const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);
  GFile *file = g_object_get_data (G_OBJECT (self), "racimo-replace-file");

  if (g_str_equal (response, "replace") && file != NULL)
    racimo_window_save_as (self, file);
  else
    drop_pending (self);
  g_object_set_data (G_OBJECT (self), "racimo-replace-file", NULL);
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
      g_autofree char *heading = NULL;
      RacimoAlertResponse responses[] = {
        { "cancel", _("_Cancel"), RACIMO_RESPONSE_DEFAULT },
        { "replace", _("_Replace"), RACIMO_RESPONSE_DESTRUCTIVE },
      };

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Replace “%s”?"), basename);
      g_object_set_data_full (G_OBJECT (self), "racimo-replace-file", g_steal_pointer (&file),
                              g_object_unref);
      show_alert (self, heading, _("A project file with this name already exists. "
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

  if (self->document == NULL || self->pending != PENDING_NONE)
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
                   PendingAction  action,
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

  if (self->pending != PENDING_NONE)
    return;

  self->pending = action;
  g_set_object (&self->pending_file, file);

  if (title == NULL || *title == '\0')
    title = _("Untitled Project");
  /* Translators: %s is the project's title */
  body = g_strdup_printf (_("“%s” has changes that are not saved. "
                            "If you do not save them, they are lost."), title);
  show_alert (self, _("Save Changes?"), body, responses, G_N_ELEMENTS (responses),
              "save", "cancel", on_changes_response);
}

/* Changed on disk */

static void
update_banner (RacimoWindow *self)
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
  update_actions (self);

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
  update_actions (self);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  /* The next save still asks before it overwrites the other version. */
  self->banner_dismissed = TRUE;
  update_banner (self);
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
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  RacimoAlertResponse responses[] = {
    { "keep-editing", _("_Keep Editing"), RACIMO_RESPONSE_DEFAULT },
    { "save-as", _("_Save As…"), RACIMO_RESPONSE_SUGGESTED },
  };

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("“%s” Changed Since These Changes Were Kept"), basename);
  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Another program saved “%s” after Racimo kept these unsaved "
                            "changes. Saving them to it would replace that version; save them "
                            "as a new file to keep both."), basename);
  show_alert (self, heading, body, responses, G_N_ELEMENTS (responses), "save-as",
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
    show_error (self, _("Could Not Restore the Unsaved Changes"), error->message);
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
    show_error (self, _("Could Not Discard the Unsaved Changes"), error->message);

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

  name = racimo_draft_get_display_name (draft);
  /* Translators: %s is a file name, or a project's title */
  heading = g_strdup_printf (_("Restore Unsaved Changes to “%s”?"), name);
  local = g_date_time_to_local (racimo_draft_get_time (draft));
  /* Translators: a date and time, in g_date_time_format()'s words */
  when = g_date_time_format (local, _("%e %B %Y at %H:%M"));
  /* Translators: %s is a date and time */
  body = g_strdup_printf (_("Racimo stopped before these changes were saved. "
                            "They were last kept on %s."), when);
  show_alert (self, heading, body, responses, G_N_ELEMENTS (responses), "restore", "later",
              on_draft_response);
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
          racimo_project_set_scheme (self->project, id);
      }
      break;
    case PROP_SHOW_CHECKS:
      set_show_checks (self, g_value_get_boolean (value));
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

  /* A save under way finishes first; then the window closes, or stays
   * with the reason the save failed. */
  if (!self->close_confirmed && self->document != NULL
      && racimo_document_get_busy (self->document))
    {
      if (self->pending == PENDING_NONE)
        self->pending = PENDING_CLOSE;
      return TRUE;
    }

  if (!self->close_confirmed && self->document != NULL
      && racimo_document_get_modified (self->document))
    {
      ask_about_changes (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  save_window_size (self);

  return GTK_WINDOW_CLASS (racimo_window_parent_class)->close_request (window);
}

static void
racimo_window_dispose (GObject *object)
{
  RacimoWindow *self = RACIMO_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  end_export_progress (self);
  g_clear_object (&self->printing);
  if (self->alert != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->alert), (gpointer *) &self->alert);
  self->alert = NULL;
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  if (self->csv_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->csv_dialog), (gpointer *) &self->csv_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->csv_dialog)));
    }
  g_clear_signal_handler (&self->recent_handler, gtk_recent_manager_get_default ());
  g_clear_signal_handler (&self->active_handler, self);
  disconnect_document (self);
  g_clear_object (&self->pending_file);
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
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, templates_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, template_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, scheme_menu);
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
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, shown_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, checks_revealer);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, checks_panel);
  gtk_widget_class_bind_template_callback (widget_class, update_checks_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cursor_moved);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_entered);
  gtk_widget_class_bind_template_callback (widget_class, on_owned_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);

  /* Accelerators for these are set in one place, by the application. */
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.launch-uri", "s", launch_uri_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-activity", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-phase", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-role", NULL, add_action);
  gtk_widget_class_install_property_action (widget_class, "win.scheme", "scheme");
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-checks", "show-checks");
  gtk_widget_class_install_action (widget_class, "win.next-finding", NULL, step_finding_action);
  gtk_widget_class_install_action (widget_class, "win.previous-finding", NULL,
                                   step_finding_action);

  /* Escape, when nothing under the focus uses it. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_search, NULL);
}

static void
racimo_window_init (RacimoWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->layout_options = racimo_pagination_options_new ();
  self->show_checks = TRUE;
  gtk_revealer_set_reveal_child (self->checks_revealer, TRUE);

  g_signal_connect_swapped (self->checks_revealer, "notify::child-revealed",
                            G_CALLBACK (on_checks_revealed), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (on_page_changed), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_widget_set_has_tooltip (self->checks_button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Shows or hides the checks panel"),
                                  -1);
  g_signal_connect_swapped (self->checks_button, "query-tooltip",
                            G_CALLBACK (on_checks_tooltip), self);
  gtk_widget_set_has_tooltip (self->undo_button, TRUE);
  g_signal_connect (self->undo_button, "query-tooltip", G_CALLBACK (on_history_tooltip), NULL);
  gtk_widget_set_has_tooltip (self->redo_button, TRUE);
  g_signal_connect (self->redo_button, "query-tooltip", G_CALLBACK (on_history_tooltip), NULL);
  g_object_bind_property (self->search_bar, "search-mode-enabled",
                          self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->active_handler = g_signal_connect (self, "notify::is-active",
                                           G_CALLBACK (on_active_changed), NULL);
  g_signal_connect_swapped (self->matrix_view, "paste-not-understood",
                            G_CALLBACK (on_paste_not_understood), self);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

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

      /* Each window starts as the last one was left, and goes its own way. */
      g_settings_bind (self->settings, "show-checks", self, "show-checks",
                       G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET
                       | G_SETTINGS_BIND_GET_NO_CHANGES);
    }

  adw_status_page_set_icon_name (self->start_page, APP_ID "-symbolic");
  fill_templates (self);
  fill_recent (self);
  self->recent_handler = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                                   G_CALLBACK (fill_recent), self);

  show_start_page (self);
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
