/* racimo-window-search.c: the search bar: the filter's text, role and person,
 * and what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-focus.h"
#include "racimo-window-private.h"

/* The search bar */

void
_racimo_window_update_shown_label (RacimoWindow *self)
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

void
_racimo_window_fill_role_names (RacimoWindow *self)
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

/* A matrix with no role and no activity says what to add first, with the
 * buttons that add it. */
void
_racimo_window_update_empty_matrix (RacimoWindow *self)
{
  gboolean empty = self->project != NULL && racimo_project_get_n_roles (self->project) == 0
                   && racimo_project_get_n_activities (self->project) == 0;

  gtk_widget_set_visible (self->empty_matrix, empty);
}

void
_racimo_window_on_role_changed (RacimoWindow *self,
                                RacimoItem   *item)
{
  _racimo_window_update_empty_matrix (self);
  if (RACIMO_IS_ROLE (item))
    _racimo_window_fill_role_names (self);
}

/* "Any Person" first, then the people; the list shows only when the
 * project has people. */
void
_racimo_window_fill_person_names (RacimoWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n = self->project != NULL ? racimo_project_get_n_people (self->project) : 0;
  RacimoPerson *person = self->filter != NULL ? racimo_filter_get_person (self->filter) : NULL;
  int index = person != NULL ? racimo_project_index_of_person (self->project, person) : -1;

  g_strv_builder_add (builder, _("Any Person"));
  for (guint i = 0; i < n; i++)
    {
      RacimoPerson *person_i = racimo_project_get_person (self->project, i);
      const char *name = racimo_item_get_name (RACIMO_ITEM (person_i));
      /* Translators: in the person filter: whose activities are shown */
      g_autofree char *label = g_strdup_printf (_("Person: %s"),
                                                name[0] != '\0' ? name : _("Unnamed person"));

      g_strv_builder_add (builder, label);
    }
  names = g_strv_builder_end (builder);

  self->syncing_search = TRUE;
  gtk_string_list_splice (self->person_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->person_names)),
                          (const char * const *) names);
  gtk_drop_down_set_selected (self->person_dropdown, (guint) (index + 1));
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), n > 0);
  self->syncing_search = FALSE;
}

static void
on_person_selected (RacimoWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);
  RacimoPerson *person = NULL;

  if (self->syncing_search || self->filter == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0
      && selected <= racimo_project_get_n_people (self->project))
    person = racimo_project_get_person (self->project, selected - 1);

  racimo_filter_set_person (self->filter, person);
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

void
_racimo_window_on_filter_role (RacimoWindow *self)
{
  self->syncing_search = TRUE;
  gtk_drop_down_set_selected (self->role_dropdown,
                              (guint) role_position (self, racimo_filter_get_role (self->filter)));
  self->syncing_search = FALSE;
}

/* The filter's text, cleared from elsewhere, in the entry. */
void
_racimo_window_on_filter_text (RacimoWindow *self)
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
  _racimo_window_focus_grid_if_lost (self, GTK_WIDGET (self->search_bar));
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

void
_racimo_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  /* Escape, when nothing under the focus uses it. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_search, NULL);
}
