/* test-application.c: the racimo program's command line, and one window
 * per project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "racimo-application.h"
#include "racimo-compare-panel.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-ui-test.h"

/* Runs the real program with no display at all (and one that does not
 * exist, which GTK would fail to open): --check and --export must not need
 * one, as in CI. */
static char *
run_without_display (const char  *display,
                      const char **args,
                      int         *status,
                      char       **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "DISPLAY");

  g_ptr_array_add (argv, (gpointer) g_getenv ("RACIMO_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  *status = g_subprocess_get_exit_status (process);

  return out;
}

static void
test_cli_no_display (void)
{
  g_autofree char *no_owner = g_test_build_filename (G_TEST_DIST, "files",
                                                     "window-no-owner.raci", NULL);
  g_autofree char *template = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                     "ml-system-deployment.raci", NULL);
  const char *displays[] = { NULL, ":999" };

  if (g_getenv ("RACIMO_BINARY") == NULL)
    {
      g_test_skip ("RACIMO_BINARY is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (displays); i++)
    {
      const char *version[] = { "--version", NULL };
      const char *check_bad[] = { "--check", no_owner, NULL };
      const char *check_good[] = { "--check", template, NULL };
      const char *check_none[] = { "--check", NULL };
      const char *export_two[] = { "--export", "out.csv", template, no_owner, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *expected = NULL;
      int status;

      out = run_without_display (displays[i], version, &status, &err);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (out, ==, "racimo " PACKAGE_VERSION "\n");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      /* An activity without owner: one line like a compiler's, status 1. */
      out = run_without_display (displays[i], check_bad, &status, &err);
      g_assert_cmpint (status, ==, 1);
      expected = g_strdup_printf ("%s:43: error: no-owner: Activity \"Define the business case "
                                  "and KPIs\" has no owner (A)\n", no_owner);
      g_assert_cmpstr (out, ==, expected);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      out = run_without_display (displays[i], check_good, &status, &err);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (out, ==, "");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      out = run_without_display (displays[i], check_none, &status, &err);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (err, ==, "racimo: --check needs at least one FILE\n");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      out = run_without_display (displays[i], export_two, &status, &err);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (err, ==, "racimo: --export OUT needs exactly one FILE\n");
    }
}

static gboolean
has_project (RacimoWindow *window)
{
  return racimo_window_get_project (window) != NULL;
}

/* Opens the display, which this program does in its tests, not in main ():
 * without one, a test fails where a display is required, and is skipped
 * elsewhere. */
static gboolean
open_display (void)
{
  if (gtk_init_check ())
    return TRUE;

  if (racimo_ui_test_display_required ())
    g_test_fail_printf ("no display, and RACIMO_TEST_NEED_DISPLAY is set");
  else
    g_test_skip ("no display");
  return FALSE;
}

static void
test_one_window_per_file (void)
{
  g_autoptr(RacimoApplication) app = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files",
                                                 "window-no-owner.raci", NULL);
  g_autofree char *other_path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                       "ml-system-deployment.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  RacimoWindow *first;

  if (!open_display ())
    return;

  app = racimo_application_new ();
  /* Not the one instance of the session: a test must not meet another. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  first = RACIMO_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  while (!has_project (first))
    g_main_context_iteration (NULL, TRUE);

  /* Opening it again presents its window. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* Another project gets a window of its own. */
  g_application_open (G_APPLICATION (app), &other, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  /* A template replaces the start page of an empty window, or opens one. */
  racimo_application_new_from_template (app, GTK_WINDOW (first), "blank-rasci");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 3);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      while (!has_project (l->data))
        g_main_context_iteration (NULL, TRUE);
      gtk_window_destroy (l->data);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static gboolean
is_comparing (gpointer window)
{
  return _racimo_window_get_compare_panel (window) != NULL;
}

/* Ctrl+. and Ctrl+, go to the next and previous finding, and while the
 * window compares, to the next and previous change: the application's
 * accelerators reach whichever of the two actions is enabled. */
static void
test_change_keys (void)
{
  g_autoptr(RacimoApplication) app = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "compare", "mine.raci",
                                                 NULL);
  g_autofree char *theirs_path = g_test_build_filename (G_TEST_DIST, "files", "compare",
                                                        "theirs.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) theirs = g_file_new_for_path (theirs_path);
  g_autoptr(GError) error = NULL;
  RacimoComparePanel *panel;
  RacimoWindow *window;

  if (!open_display ())
    return;

  app = racimo_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  /* Another id than the test before's, which stays exported on the bus */
  g_application_set_application_id (G_APPLICATION (app), "io.github.racimo.Racimo.ChangeKeys");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = RACIMO_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  while (!has_project (window))
    g_main_context_iteration (NULL, TRUE);

  _racimo_window_compare_with_file (window, theirs);
  racimo_test_wait_until (is_comparing, window, "compare mode");
  panel = RACIMO_COMPARE_PANEL (_racimo_window_get_compare_panel (window));
  g_assert_cmpint (racimo_compare_panel_get_selected (panel), ==, 0);

  g_assert_true (racimo_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_period,
                                           GDK_CONTROL_MASK));
  g_assert_cmpint (racimo_compare_panel_get_selected (panel), ==, 1);
  g_assert_true (racimo_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_comma,
                                           GDK_CONTROL_MASK));
  g_assert_true (racimo_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_comma,
                                           GDK_CONTROL_MASK));
  g_assert_cmpint (racimo_compare_panel_get_selected (panel), ==, 4);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-compare", NULL);
  g_assert_null (_racimo_window_get_compare_panel (window));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The icon names in @path: in a template's icon-name properties, or the
 * symbolic icons named in code. */
static void
add_icon_names (GHashTable *names,
                const char *path,
                GRegex     *regex)
{
  g_autofree char *contents = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (g_regex_match (regex, contents, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    g_hash_table_add (names, g_match_info_fetch (match, 1));
}

static void
add_icon_names_in (GHashTable *names,
                   const char *dir_path,
                   const char *suffix,
                   GRegex     *regex)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        add_icon_names (names, path, regex);
      }
}

/* Every icon the windows show is in the icon theme and can be read.  In a
 * minimal Debian 13, Adwaita's symbolic icons are SVG files only (Debian
 * 12's theme also had PNG copies), which GTK reads through gdk-pixbuf's
 * SVG loader: without it, the undo button and the checks panel's picture
 * show GTK's "missing image" icon. */
static void
test_icons_load (void)
{
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "..", "ui", NULL);
  g_autofree char *code_dir = g_test_build_filename (G_TEST_DIST, "..", "src", "app", NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) in_template = NULL;
  g_autoptr(GRegex) in_code = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  GtkIconTheme *theme;
  GHashTableIter iter;
  const char *name;

  if (!open_display ())
    return;

  in_template = g_regex_new ("<property name=\"icon-name\">([^<]+)</property>", 0, 0, NULL);
  in_code = g_regex_new ("\"([a-z][a-z-]*-symbolic)\"", 0, 0, NULL);
  add_icon_names_in (names, ui_dir, ".ui", in_template);
  add_icon_names_in (names, code_dir, ".c", in_code);
  g_hash_table_add (names, g_strdup (APP_ID "-symbolic"));
  /* What the templates and the code show, at least */
  g_assert_true (g_hash_table_contains (names, "edit-undo-symbolic"));
  g_assert_true (g_hash_table_contains (names, "object-select-symbolic"));

  /* As AdwApplication does for the application's own icons */
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gtk_icon_theme_add_resource_path (theme, "/io/github/racimo/Racimo/icons");

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      if (!gtk_icon_theme_has_icon (theme, name))
        {
          g_string_append_printf (missing, "\n%s: not in the icon theme %s", name,
                                  gtk_icon_theme_get_theme_name (theme));
          continue;
        }
      icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      /* GTK 4.18 passes over files it has no loader for: the name is in
       * the theme, and the lookup gives "image-missing". */
      {
        g_autofree char *basename = g_file_get_basename (file);

        if (!g_str_has_prefix (basename, name))
          {
            g_string_append_printf (missing, "\n%s: the icon theme gives %s", name, basename);
            continue;
          }
      }
      texture = gdk_texture_new_from_file (file, &error);
      if (texture == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_string_append_printf (missing, "\n%s: %s cannot be read: %s", name, uri,
                                  error->message);
        }
    }
  if (missing->len > 0)
    g_error ("icons the windows show that users would see as missing images:%s",
             missing->str);
}

int
main (int   argc,
      char *argv[])
{
  racimo_ui_test_init_without_display (&argc, &argv);

  g_test_add_func ("/application/cli-without-display", test_cli_no_display);
  g_test_add_func ("/application/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/application/icons-load", test_icons_load);
  g_test_add_func ("/application/change-keys", test_change_keys);

  return racimo_ui_test_run ();
}
