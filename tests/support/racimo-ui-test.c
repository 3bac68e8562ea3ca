/* racimo-ui-test.c: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "racimo-file.h"
#include "racimo-templates.h"
#include "racimo-ui-test.h"

/* The test program's XDG_DATA_HOME */
static char *data_home;

void
racimo_ui_test_init_without_display (int    *argc,
                                     char ***argv)
{
  data_home = racimo_test_make_folder ("racimo-test");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (argc, argv, NULL);
}

static void
remove_data_home (void)
{
  if (data_home != NULL)
    racimo_test_remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}

/* Without a display a UI test skips, unless RACIMO_TEST_NEED_DISPLAY is
 * set: build-aux's scripts run the tests under Xvfb and set it, so that a
 * display that could not be opened fails the run instead of passing it
 * with nothing tested. */
gboolean
racimo_ui_test_display_required (void)
{
  const char *need = g_getenv ("RACIMO_TEST_NEED_DISPLAY");

  return need != NULL && *need != '\0' && g_strcmp0 (need, "0") != 0;
}

gboolean
racimo_ui_test_init (int    *argc,
                     char ***argv)
{
  racimo_ui_test_init_without_display (argc, argv);
  if (!gtk_init_check ())
    {
      remove_data_home ();
      if (racimo_ui_test_display_required ())
        {
          g_print ("Bail out! no display, and RACIMO_TEST_NEED_DISPLAY is set\n");
          exit (1);
        }
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

int
racimo_ui_test_run (void)
{
  int status = g_test_run ();

  remove_data_home ();
  return status;
}

void
racimo_ui_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* The first controller of @widget of @type, named @name unless NULL */
static GtkEventController *
find_controller (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* The widget keeps its controllers: a borrowed pointer stays valid. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type)
          && (name == NULL || g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0))
        return controller;
    }

  return NULL;
}

GtkWidget *
racimo_ui_test_find_widget (GtkWidget  *widget,
                            gboolean  (*match) (GtkWidget *widget,
                                                gpointer   data),
                            gpointer    data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = racimo_ui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkEventController *
racimo_ui_test_find_controller (GtkWidget *widget,
                                GType      type)
{
  return find_controller (widget, type, NULL);
}

GtkEventController *
racimo_ui_test_find_named_controller (GtkWidget  *widget,
                                      const char *name)
{
  return find_controller (widget, GTK_TYPE_EVENT_CONTROLLER, name);
}

/* Whether a shortcut of @controller for @keyval with exactly @state took
 * the key, as GTK matches a key press against a GtkKeyvalTrigger */
static gboolean
activate_shortcut (GtkShortcutController *controller,
                   GtkWidget             *widget,
                   guint                  keyval,
                   GdkModifierType        state)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger)
          && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))
               == gdk_keyval_to_lower (keyval)
          && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state
          && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                           gtk_shortcut_get_arguments (shortcut)))
        return TRUE;
    }

  return FALSE;
}

gboolean
racimo_ui_test_press_key (GtkWidget       *widget,
                          guint            keyval,
                          GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  /* In the order GTK offers the key to them: the class's bindings first. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        handled = activate_shortcut (GTK_SHORTCUT_CONTROLLER (controller), widget, keyval, state);
      else if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);

      if (handled)
        return TRUE;
    }

  return FALSE;
}

void
racimo_ui_test_wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (frames < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (widget, id);
  g_assert_cmpuint (frames, >=, 2);
}

void
racimo_ui_test_assert_cursor (RacimoMatrixView *view,
                              int               row,
                              int               column)
{
  int r, c;

  racimo_matrix_view_get_cursor (view, &r, &c);
  g_assert_cmpint (r, ==, row);
  g_assert_cmpint (c, ==, column);
}

void
racimo_ui_test_assert_cursor_on (RacimoMatrixView *view,
                                 RacimoProject    *project,
                                 const char       *id,
                                 int               column)
{
  RacimoItem *item = racimo_test_item (project, id);

  racimo_ui_test_assert_cursor (view, racimo_matrix_view_find_row (view, item), column);
}

RacimoWindow *
racimo_ui_test_window_with_template (const char *template_id)
{
  g_autoptr(RacimoProject) project = racimo_templates_create (template_id, NULL);
  RacimoWindow *window = racimo_window_new (NULL);

  racimo_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  racimo_ui_test_spin ();

  return window;
}

RacimoWindow *
racimo_ui_test_show_project (RacimoProject *project,
                             int            width,
                             int            height)
{
  RacimoWindow *window = racimo_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  racimo_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (racimo_window_get_matrix_view (window)));

  return window;
}

GtkWidget *
racimo_ui_test_find_named (GtkWidget  *root,
                           const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = racimo_ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
racimo_ui_test_wait_idle (RacimoWindow *window)
{
  while (!racimo_window_is_idle (window))
    g_main_context_iteration (NULL, TRUE);
  racimo_ui_test_spin ();
}

void
racimo_ui_test_destroy_window (RacimoWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  g_assert_finalize_object (window);
}

RacimoProject *
racimo_ui_test_load_project (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RacimoProject *project;
  gsize length;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "files", name, NULL),
                       &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  project = racimo_file_load_bytes (bytes, name, &error);
  g_assert_no_error (error);

  return project;
}

GskRenderNode *
racimo_ui_test_widget_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

GPtrArray *
racimo_ui_test_child_nodes (GskRenderNode *node)
{
  GPtrArray *children = g_ptr_array_new ();
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      g_ptr_array_add (children, gsk_container_node_get_child (node, i));
  else if (type == GSK_TRANSFORM_NODE)
    g_ptr_array_add (children, gsk_transform_node_get_child (node));
  else if (type == GSK_CLIP_NODE)
    g_ptr_array_add (children, gsk_clip_node_get_child (node));
  else if (type == GSK_ROUNDED_CLIP_NODE)
    g_ptr_array_add (children, gsk_rounded_clip_node_get_child (node));
  else if (type == GSK_OPACITY_NODE)
    g_ptr_array_add (children, gsk_opacity_node_get_child (node));

  return children;
}

/* @widget's pixels, drawn from the render nodes it keeps */
static GBytes *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = racimo_ui_test_widget_node (widget);
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = (gsize) width * 4;
  guchar *pixels = g_malloc (stride * (gsize) height);

  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  gdk_texture_download (texture, pixels, stride);
  gsk_renderer_unrealize (renderer);

  return g_bytes_new_take (pixels, stride * (gsize) height);
}

/* Gives @widget a new style, or its old one back: either way it forgets
 * what it had drawn, and draws everything anew. */
static void
restyle (GtkWidget *widget,
         gboolean   redrawn)
{
  static GtkCssProvider *provider;

  /* A style that changes nothing drawn: a class that no style sheet
   * names would not be a new style at all. */
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_data (provider, ".racimo-test-redrawn { caret-color: #010203; }",
                                       -1);
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  if (redrawn)
    gtk_widget_add_css_class (widget, "racimo-test-redrawn");
  else
    gtk_widget_remove_css_class (widget, "racimo-test-redrawn");
  racimo_ui_test_wait_for_frames (widget);
}

void
racimo_ui_test_assert_drawn_afresh (GtkWidget  *widget,
                                    const char *what)
{
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) afresh = NULL;

  racimo_ui_test_wait_for_frames (widget);
  kept = render_widget (widget);
  restyle (widget, TRUE);
  afresh = render_widget (widget);

  /* Back to its style, drawn in full before the next change. */
  restyle (widget, FALSE);

  if (!g_bytes_equal (kept, afresh))
    g_error ("after %s, the view shows other pixels than it draws afresh", what);
}

/* Makes the draft look like one of a process that is gone, as after a
 * crash: the same pid, started at another time. */
void
racimo_ui_test_orphan_draft (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".draft", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "racimo", "drafts", name,
                                            NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (info, path, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);
  g_key_file_set_uint64 (info, "Draft", "ProcessStart",
                         g_key_file_get_uint64 (info, "Draft", "ProcessStart", NULL) + 1);
  g_key_file_save_to_file (info, path, &error);
  g_assert_no_error (error);
}

GtkWindow *
racimo_ui_test_find_print_dialog_now (RacimoWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint t = 0; t < g_list_model_get_n_items (toplevels); t++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, t);

      /* GtkPrintUnixDialog, without the header of gtk4-unix-print */
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "GtkPrintUnixDialog")
          && gtk_widget_get_visible (GTK_WIDGET (w))
          && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        return w;
    }

  return NULL;
}

GtkWindow *
racimo_ui_test_find_print_dialog (RacimoWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *dialog;

  while ((dialog = racimo_ui_test_find_print_dialog_now (window)) == NULL
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return dialog;
}
