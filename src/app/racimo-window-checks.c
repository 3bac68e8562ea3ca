/* racimo-window-checks.c: the checks panel beside the matrix: showing and
 * hiding it, its button, going to findings, and the people editor opened from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-focus.h"
#include "racimo-window-private.h"

/* The checks panel */

/* The summary, asked for when the tooltip shows: the counts change with
 * most edits, and a tooltip set anew costs a round trip to the display. */
gboolean
_racimo_window_on_checks_tooltip (RacimoWindow *self,
                                  int           x,
                                  int           y,
                                  gboolean      keyboard_mode,
                                  GtkTooltip   *tooltip)
{
  gtk_tooltip_set_text (tooltip, racimo_checks_panel_get_summary (self->checks_panel));
  return TRUE;
}

/* The panel is closed while there is nothing to show, and opens by itself
 * when findings the user has not seen appear, unless the user closed it;
 * in a narrow window, where it would cover the matrix, the header bar's
 * counts say it. */
static void
open_checks_for_news (RacimoWindow *self,
                      guint         n_findings)
{
  if (self->show_checks || n_findings < self->seen_findings)
    self->seen_findings = n_findings;
  else if (n_findings > self->seen_findings && self->checks_choice && !self->narrow)
    {
      self->seen_findings = n_findings;
      _racimo_window_set_show_checks (self, TRUE);
    }
}

/* The header bar's button of the panel: the counts of errors and
 * warnings, each by its icon, or that there is no problem; the panel's
 * summary, "2 errors, 3 warnings", as its tooltip and what a screen
 * reader says. */
void
_racimo_window_update_checks_button (RacimoWindow *self)
{
  guint n_errors = self->checks != NULL ? racimo_checks_get_n_errors (self->checks) : 0;
  guint n_warnings = self->checks != NULL ? racimo_checks_get_n_warnings (self->checks) : 0;
  const char *summary = racimo_checks_panel_get_summary (self->checks_panel);

  if (self->checks != NULL)
    open_checks_for_news (self, n_errors + n_warnings);

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
void
_racimo_window_sync_role_details (RacimoWindow *self)
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

  _racimo_window_sync_role_details (self);
}

/* Where the grid is focused, it stays; otherwise a widget being hidden
 * had it, and the grid takes it back. */
void
_racimo_window_focus_grid_if_lost (RacimoWindow *self,
                                   GtkWidget    *hidden)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->matrix_view == NULL)
    return;

  if (focus == NULL || focus == hidden || gtk_widget_is_ancestor (focus, hidden))
    gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

void
_racimo_window_set_show_checks (RacimoWindow *self,
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
    _racimo_window_sync_role_details (self);
  else
    _racimo_window_focus_grid_if_lost (self, GTK_WIDGET (self->checks_revealer));

  g_object_notify (G_OBJECT (self), "show-checks");
}

/* A narrow window: the panel slides over the matrix, as a sheet, instead
 * of taking its width away; wide again, it is beside the matrix. */
void
_racimo_window_on_narrow (GtkWidget *window,
                          gboolean   narrow)
{
  RacimoWindow *self = RACIMO_WINDOW (window);
  GtkWidget *revealer = GTK_WIDGET (self->checks_revealer);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, revealer);

  self->narrow = narrow;
  g_object_ref (revealer);
  if (narrow)
    {
      gtk_box_remove (GTK_BOX (self->content_box), revealer);
      gtk_widget_set_halign (revealer, GTK_ALIGN_END);
      gtk_widget_add_css_class (revealer, "checks-sheet");
      gtk_overlay_add_overlay (GTK_OVERLAY (self->matrix_overlay), revealer);
    }
  else
    {
      gtk_overlay_remove_overlay (GTK_OVERLAY (self->matrix_overlay), revealer);
      gtk_widget_set_halign (revealer, GTK_ALIGN_FILL);
      gtk_widget_remove_css_class (revealer, "checks-sheet");
      gtk_box_append (GTK_BOX (self->content_box), revealer);
    }
  g_object_unref (revealer);

  if (had_focus)
    gtk_widget_grab_focus (revealer);
}

/* Hidden, the panel is left out of the layout: a revealer still measures
 * a child it does not show, and the list of findings costs most of an
 * edit's frame. */
void
_racimo_window_on_checks_revealed (RacimoWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->checks_revealer) && !self->show_checks)
    gtk_widget_set_visible (gtk_revealer_get_child (self->checks_revealer), FALSE);
}

RacimoProjectDialog *
_racimo_window_ensure_project_dialog (RacimoWindow *self)
{
  if (self->project_dialog == NULL)
    {
      self->project_dialog = GTK_WIDGET (racimo_project_dialog_new (GTK_WINDOW (self),
                                                                    self->project));
      g_object_add_weak_pointer (G_OBJECT (self->project_dialog),
                                 (gpointer *) &self->project_dialog);
    }

  return RACIMO_PROJECT_DIALOG (self->project_dialog);
}

/* The people editor, with @person open */
void
_racimo_window_show_person (RacimoWindow *self,
                            RacimoPerson *person)
{
  racimo_project_dialog_show_person (_racimo_window_ensure_project_dialog (self), person);
  gtk_window_present (GTK_WINDOW (self->project_dialog));
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
void
_racimo_window_go_to_item (RacimoWindow *self,
                           RacimoItem   *item)
{
  /* A person has no row: their finding opens them among the people. */
  if (RACIMO_IS_PERSON (item))
    {
      _racimo_window_show_person (self, RACIMO_PERSON (item));
      return;
    }

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
  _racimo_window_go_to_item (self, item);
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

  _racimo_window_go_to_item (self, item);
}

void
_racimo_window_checks_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "update_checks_button",
                                                G_CALLBACK (_racimo_window_update_checks_button));
  gtk_widget_class_bind_template_callback (widget_class, on_cursor_moved);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_entered);
  gtk_widget_class_bind_template_callback (widget_class, on_owned_activated);
  gtk_widget_class_install_action (widget_class, "win.next-finding", NULL, step_finding_action);
  gtk_widget_class_install_action (widget_class, "win.previous-finding", NULL,
                                   step_finding_action);
}
