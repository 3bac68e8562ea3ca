/* racimo-application.c: startup, the command line, one window per project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-application.h"
#include "racimo-compat.h"
#include "racimo-ui-resources.h"
#include "racimo-window.h"

struct _RacimoApplication
{
  AdwApplication parent_instance;

  gboolean drafts_offered;
};

G_DEFINE_FINAL_TYPE (RacimoApplication, racimo_application, ADW_TYPE_APPLICATION)

RacimoApplication *
racimo_application_new (void)
{
  return g_object_new (RACIMO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* --version, --check and --export are done by racimo-cli.c; src/main.c
 * does them before it loads this code, and so GTK.  Here: opening the
 * files named, in this process or in the instance already running. */
static int
racimo_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  g_autofree const char **files = NULL;
  guint n_files;
  int status = racimo_cli_handle_options (options);

  if (status >= 0)
    return status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  n_files = files != NULL ? g_strv_length ((char **) files) : 0;

  if (n_files > 0)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      /* The file names were taken out of argv by G_OPTION_REMAINING, so
       * GApplication would only activate: open them ourselves, in this
       * process or in the instance already running. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("racimo: %s\n", error->message);
          return 1;
        }

      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));

      g_application_open (app, (GFile **) gfiles->pdata, (int) gfiles->len, "");

      if (g_application_get_is_remote (app))
        return 0;
    }

  return -1;
}

/* A window that shows the start page can take a project instead of
 * opening a second window beside it. */
static RacimoWindow *
find_empty_window (RacimoApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RACIMO_IS_WINDOW (l->data) && racimo_window_is_empty (l->data))
      return l->data;

  return NULL;
}

/**
 * racimo_application_offer_draft:
 * @draft: unsaved changes kept before Racimo stopped, from racimo_drafts_list()
 *
 * Offers @draft back in the window that shows (or is opening) the file it
 * was made from, so that a file opened from the command line and its
 * draft share one window; otherwise in a window that shows the start
 * page, or in a new one.
 */
void
racimo_application_offer_draft (RacimoApplication *self,
                                RacimoDraft       *draft)
{
  GFile *file;
  RacimoWindow *window = NULL;

  g_return_if_fail (RACIMO_IS_APPLICATION (self));
  g_return_if_fail (draft != NULL);

  file = racimo_draft_get_file (draft);
  if (file != NULL)
    window = racimo_window_find (GTK_APPLICATION (self), file);
  if (window == NULL || racimo_window_get_offered_draft (window) != NULL)
    window = find_empty_window (self);
  if (window == NULL)
    window = racimo_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  racimo_window_offer_draft (window, draft);
}

/**
 * racimo_application_offer_drafts:
 *
 * Offers back the unsaved changes that Racimo kept as drafts before it
 * stopped without saving them, each as racimo_application_offer_draft()
 * does.  Done once, at start-up.
 */
void
racimo_application_offer_drafts (RacimoApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_if_fail (RACIMO_IS_APPLICATION (self));

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  drafts = racimo_drafts_list (racimo_drafts_get_default ());
  for (guint i = 0; i < drafts->len; i++)
    racimo_application_offer_draft (self, g_ptr_array_index (drafts, i));
}

static void
racimo_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  RacimoApplication *self = RACIMO_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      RacimoWindow *window = racimo_window_find (GTK_APPLICATION (self), files[i]);

      if (window == NULL)
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = racimo_window_new (GTK_APPLICATION (self));
          racimo_window_load_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }

  racimo_application_offer_drafts (self);
}

static void
racimo_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (racimo_window_new (GTK_APPLICATION (app)));

  gtk_window_present (window);
  racimo_application_offer_drafts (RACIMO_APPLICATION (app));
}

/**
 * racimo_application_new_from_template:
 * @parent: (nullable): the window the request came from
 *
 * Opens a new project made from the template @template_id, in @parent when
 * it shows the start page and in a new window otherwise.
 */
void
racimo_application_new_from_template (RacimoApplication *self,
                                      GtkWindow         *parent,
                                      const char        *template_id)
{
  RacimoWindow *window;

  g_return_if_fail (RACIMO_IS_APPLICATION (self));
  g_return_if_fail (template_id != NULL);

  if (RACIMO_IS_WINDOW (parent) && racimo_window_is_empty (RACIMO_WINDOW (parent)))
    window = RACIMO_WINDOW (parent);
  else
    window = racimo_window_new (GTK_APPLICATION (self));

  /* The window makes the project, as from its start page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", "s", template_id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_from_template_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RacimoApplication *self = user_data;

  racimo_application_new_from_template (self,
                                        gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        g_variant_get_string (parameter, NULL));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (racimo_window_new (GTK_APPLICATION (user_data))));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RacimoApplication *self = user_data;

  racimo_compat_show_about (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = GTK_IS_WINDOW (source) ? GTK_WINDOW (source) : NULL;
  RacimoAlertResponse responses[] = {
    { "close", _("_Close"), RACIMO_RESPONSE_DEFAULT },
  };

  if (racimo_compat_show_uri_finish (result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without a help browser (Yelp), there is nothing to show the guide. */
  if (parent == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  racimo_compat_alert_show (parent, _("Could Not Open the Help"), error->message,
                            responses, G_N_ELEMENTS (responses), "close", "close",
                            NULL, NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RacimoApplication *self = user_data;

  racimo_compat_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                          "help:racimo", NULL, on_help_shown, NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RacimoApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window lets it decide about unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new-from-template", new_from_template_action, "s" },
  { "new-window", new_window_action },
  { "help", help_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* Every accelerator of the application and its windows, in one place.  The
 * matrix view's own keys (arrows, code letters, copy and paste) are
 * bindings of its class. */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new-window", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.export-pdf", { "<Control><Shift>e", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.show-checks", { "F9", NULL } },
  { "win.next-finding", { "<Control>period", NULL } },
  { "win.previous-finding", { "<Control>comma", NULL } },
  /* While comparing, the same keys step through the changes instead */
  { "win.next-change", { "<Control>period", NULL } },
  { "win.previous-change", { "<Control>comma", NULL } },
};

static void
racimo_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (racimo_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
racimo_application_class_init (RacimoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = racimo_application_handle_local_options;
  app_class->startup = racimo_application_startup;
  app_class->activate = racimo_application_activate;
  app_class->open = racimo_application_open;
}

static void
racimo_application_init (RacimoApplication *self)
{
  /* Referencing the resources keeps their object file, and so the
   * constructor that registers them, in the link of the static library.
   * The core's resources are the core's: its templates and its schema
   * reference them, and the program links the core whole. */
  (void) racimo_ui_get_resource ();

  racimo_cli_add_main_options (G_APPLICATION (self));
}

/**
 * racimo_application_main:
 *
 * Runs the application on the command line @argv: what src/main.c calls
 * once it has loaded the module that holds the windows, after it has
 * found that the command line asks for no command of racimo-cli.c.
 *
 * Returns: the exit status of the program
 */
int
racimo_application_main (int   argc,
                         char *argv[])
{
  g_autoptr(RacimoApplication) app = racimo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
