/* racimo-start-page.c: what an empty window shows
 *
 * The templates a project starts from and the projects opened lately.
 * The page knows nothing of the window it is in: each row activates an
 * action ("win.new-from-template" with the template's id, "win.open-recent"
 * with the file's URI) and the Open button "win.open", so that the window
 * decides what opening means (the file's own window when it is open
 * already, a question about unsaved changes, ...).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-core.h"
#include "racimo-start-page.h"

#define MAX_RECENT 8
#define RACI_MIME_TYPE "application/x-raci+xml"

struct _RacimoStartPage
{
  AdwBin parent_instance;

  gulong recent_handler;

  /* Template widgets */
  AdwStatusPage       *status_page;
  AdwPreferencesGroup *templates_group;
  AdwPreferencesGroup *recent_group;
  GtkWidget           *recent_list;
  AdwPreferencesGroup *user_group;
  GtkWidget           *user_list;
};

G_DEFINE_FINAL_TYPE (RacimoStartPage, racimo_start_page, ADW_TYPE_BIN)

/* A row that activates @action_name with @target, with an arrow that says
 * so, and @button, if any, before it. */
static GtkWidget *
new_action_row (const char *title,
                const char *subtitle,
                const char *action_name,
                const char *target,
                GtkWidget  *button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (button != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
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

/* The projects of the recent list that still exist, newest first */
static GPtrArray *
list_recent_projects (void)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);

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

  return infos;
}

static void
fill_recent (RacimoStartPage *self)
{
  g_autoptr(GPtrArray) infos = list_recent_projects ();
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->recent_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->recent_list), child);

  for (guint i = 0; i < infos->len && shown < MAX_RECENT; i++, shown++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? display_folder (parent) : NULL;
      GtkWidget *row = new_action_row (gtk_recent_info_get_display_name (info),
                                       folder != NULL ? folder : "",
                                       "win.open-recent", uri, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->recent_list), row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
fill_templates (RacimoStartPage *self)
{
  for (guint i = 0; i < racimo_templates_get_n (); i++)
    {
      const RacimoTemplate *template = racimo_templates_get_nth (i);

      adw_preferences_group_add (self->templates_group,
                                 new_action_row (_(template->title), _(template->summary),
                                                 "win.new-from-template", template->id, NULL));
    }
}

/**
 * racimo_start_page_update_user_templates:
 *
 * Lists the user's own templates again, after one was saved or removed:
 * each starts a project ("win.new-from-user-template") or goes away
 * ("win.remove-user-template"), with the file's URI.
 */
void
racimo_start_page_update_user_templates (RacimoStartPage *self)
{
  g_autoptr(GPtrArray) files = racimo_templates_list_user ();
  GtkWidget *child;

  g_return_if_fail (RACIMO_IS_START_PAGE (self));

  while ((child = gtk_widget_get_first_child (self->user_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->user_list), child);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *row, *remove;

      name[strlen (name) - strlen (".raci")] = '\0';
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Template"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Template"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-user-template");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", uri);
      row = new_action_row (name, "", "win.new-from-user-template", uri, remove);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->user_list), row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->user_group), files->len > 0);
}

static void
racimo_start_page_dispose (GObject *object)
{
  RacimoStartPage *self = RACIMO_START_PAGE (object);

  g_clear_signal_handler (&self->recent_handler, gtk_recent_manager_get_default ());
  /* AdwBin unparents its child in its own dispose: the template's child
   * goes first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_START_PAGE);

  G_OBJECT_CLASS (racimo_start_page_parent_class)->dispose (object);
}

static void
racimo_start_page_class_init (RacimoStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoStartPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RacimoStartPage, templates_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoStartPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RacimoStartPage, user_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoStartPage, user_list);
}

static void
racimo_start_page_init (RacimoStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APP_ID "-symbolic");
  fill_templates (self);
  racimo_start_page_update_user_templates (self);
  fill_recent (self);
  self->recent_handler = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                                   G_CALLBACK (fill_recent), self);
}
