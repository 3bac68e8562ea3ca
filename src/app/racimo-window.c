/* racimo-window.c: one project's window
 *
 * Shows the start page until a project is opened or made from a template,
 * then the matrix.  The header bar says which project this is and whether
 * it has changes since it was opened or saved; undo and redo go through
 * the project's history, like every edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-window.h"

#define MAX_RECENT 8
#define RACI_MIME_TYPE "application/x-raci+xml"

struct _RacimoWindow
{
  AdwApplicationWindow parent_instance;

  RacimoProject  *project;
  RacimoChecks   *checks;
  GFile          *file;
  char           *etag;
  GCancellable   *loading;
  GSettings      *settings;
  gulong          history_handler;
  gulong          title_handler;
  gulong          scheme_handler;
  gulong          recent_handler;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *undo_button;
  GtkWidget        *redo_button;
  GtkWidget        *add_button;
  GtkStack         *stack;
  AdwStatusPage    *start_page;
  GtkWidget        *start_error;
  AdwPreferencesGroup *templates_group;
  AdwPreferencesGroup *recent_group;
  GtkWidget        *recent_list;
  GtkLabel         *loading_label;
  RacimoMatrixView *matrix_view;
  GMenu            *template_menu;
  GMenu            *scheme_menu;
};

G_DEFINE_FINAL_TYPE (RacimoWindow, racimo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SCHEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RacimoWindow *
racimo_window_new (RacimoApplication *application)
{
  return g_object_new (RACIMO_TYPE_WINDOW, "application", application, NULL);
}

static void
update_actions (RacimoWindow *self)
{
  RacimoHistory *history = self->project != NULL ? racimo_project_get_history (self->project)
                                                 : NULL;
  gboolean editing = self->project != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && racimo_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && racimo_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-activity", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-phase", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-role", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.scheme", editing);

  /* On the start page there is nothing to undo or add to. */
  gtk_widget_set_visible (self->undo_button, editing);
  gtk_widget_set_visible (self->redo_button, editing);
  gtk_widget_set_visible (self->add_button, editing);
}

static void
update_title (RacimoWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *name;

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

  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else
    subtitle = g_strdup (_("Not saved"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window's title: the project's, then the program's */
  window_title = g_strdup_printf (_("%s — Racimo"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_undo_tooltips (RacimoWindow *self)
{
  RacimoHistory *history = self->project != NULL ? racimo_project_get_history (self->project)
                                                 : NULL;
  const char *undo = history != NULL ? racimo_history_get_undo_label (history) : NULL;
  const char *redo = history != NULL ? racimo_history_get_redo_label (history) : NULL;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;

  /* Translators: %s says what would be undone, such as "Add Role" */
  undo_text = undo != NULL ? g_strdup_printf (_("Undo “%s”"), undo) : g_strdup (_("Undo"));
  /* Translators: %s says what would be redone, such as "Add Role" */
  redo_text = redo != NULL ? g_strdup_printf (_("Redo “%s”"), redo) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_text);
  gtk_widget_set_tooltip_text (self->redo_button, redo_text);
}

static void
on_history_notify (RacimoWindow *self)
{
  update_actions (self);
  update_title (self);
  update_undo_tooltips (self);
}

static void
on_scheme_notify (RacimoWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
}

static void
disconnect_project (RacimoWindow *self)
{
  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->history_handler, racimo_project_get_history (self->project));
      g_clear_signal_handler (&self->title_handler, self->project);
      g_clear_signal_handler (&self->scheme_handler, self->project);
    }

  g_clear_object (&self->checks);
  g_clear_object (&self->project);
}

/**
 * racimo_window_set_project:
 * @project: the project to show, which the window keeps a reference to
 * @file: (nullable): where @project was read from
 * @etag: (nullable): the file's entity tag when it was read
 *
 * Shows @project's matrix.
 */
void
racimo_window_set_project (RacimoWindow  *self,
                           RacimoProject *project,
                           GFile         *file,
                           const char    *etag)
{
  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  disconnect_project (self);
  self->project = g_object_ref (project);
  self->checks = racimo_checks_new (project);
  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);

  self->history_handler =
    g_signal_connect_swapped (racimo_project_get_history (project), "notify",
                              G_CALLBACK (on_history_notify), self);
  self->title_handler =
    g_signal_connect_swapped (project, "notify::title", G_CALLBACK (update_title), self);
  self->scheme_handler =
    g_signal_connect_swapped (project, "notify::scheme", G_CALLBACK (on_scheme_notify), self);

  racimo_matrix_view_set_project (self->matrix_view, project, self->checks);
  gtk_stack_set_visible_child_name (self->stack, "matrix");
  gtk_widget_set_visible (self->start_error, FALSE);

  on_history_notify (self);
  on_scheme_notify (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

static void
show_start_page (RacimoWindow *self,
                 const char   *error_message)
{
  gtk_stack_set_visible_child_name (self->stack, "start");
  gtk_label_set_text (GTK_LABEL (self->start_error), error_message != NULL ? error_message : "");
  gtk_widget_set_visible (self->start_error, error_message != NULL);
  update_title (self);
  update_actions (self);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFile) file = NULL;

  project = racimo_file_load_finish (result, &etag, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The file being opened, as racimo_window_load_file() noted it. */
  file = g_object_ref (self->file);

  g_clear_object (&self->loading);

  if (project == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: %s is a file name, then the reason it cannot be opened */
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name,
                                                  error->message);

      show_start_page (self, message);
      return;
    }

  racimo_window_set_project (self, project, file, etag);

  {
    g_autofree char *uri = g_file_get_uri (file);
    GtkRecentData data = { NULL, NULL, (char *) RACI_MIME_TYPE, (char *) "racimo",
                           (char *) "racimo %u", NULL, FALSE };

    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  }
}

/**
 * racimo_window_load_file:
 *
 * Reads @file without blocking the window, then shows it; when it cannot
 * be read, the start page says why.
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
  g_set_object (&self->file, file);

  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Opening “%s”…"), basename);
  gtk_label_set_text (self->loading_label, text);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  racimo_file_load_async (file, self->loading, on_file_loaded, g_object_ref (self));
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

  return self->file;
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
 * Returns: %TRUE when the window shows the start page, neither a project
 *   nor one being opened
 */
gboolean
racimo_window_is_empty (RacimoWindow *self)
{
  g_return_val_if_fail (RACIMO_IS_WINDOW (self), FALSE);

  return self->project == NULL && self->loading == NULL;
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
  save_window_size (RACIMO_WINDOW (window));

  return GTK_WINDOW_CLASS (racimo_window_parent_class)->close_request (window);
}

static void
racimo_window_dispose (GObject *object)
{
  RacimoWindow *self = RACIMO_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_signal_handler (&self->recent_handler, gtk_recent_manager_get_default ());
  disconnect_project (self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_WINDOW);

  G_OBJECT_CLASS (racimo_window_parent_class)->dispose (object);
}

static void
racimo_window_finalize (GObject *object)
{
  RacimoWindow *self = RACIMO_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RACIMO_TYPE_MATRIX_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/racimo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, start_error);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, templates_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, template_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoWindow, scheme_menu);

  /* Accelerators for these are set in one place, by the application. */
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-activity", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-phase", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-role", NULL, add_action);
  gtk_widget_class_install_property_action (widget_class, "win.scheme", "scheme");
}

static void
racimo_window_init (RacimoWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

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
    }

  adw_status_page_set_icon_name (self->start_page, APP_ID "-symbolic");
  fill_templates (self);
  fill_recent (self);
  self->recent_handler = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                                   G_CALLBACK (fill_recent), self);

  show_start_page (self, NULL);
  update_undo_tooltips (self);
}
