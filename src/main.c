/* main.c: the racimo program
 *
 * The command line (--help, --version, --check, --export) runs in this
 * program, which links only the core and so neither GTK nor libadwaita:
 * mapping them and their hundred libraries would cost a script more than
 * checking a large project does (docs/design-targets.md, "Targets and
 * their benchmarks").  The windows are in a module, loaded only when the
 * command line asks for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gmodule.h>

#include "racimo-cli.h"

/* racimo_application_main () in src/app/racimo-application.c */
typedef int (*RacimoAppMain) (int   argc,
                              char *argv[]);

/* Beside the program in the build tree, so that _build/src/racimo runs
 * the window built with it; in the package's library folder once
 * installed. */
static char *
find_app_module (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  if (program != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (program);
      g_autofree char *beside = g_build_filename (folder, RACIMO_APP_MODULE, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (RACIMO_MODULE_DIR, RACIMO_APP_MODULE, NULL);
}

static int
run_app_module (int   argc,
                char *argv[])
{
  g_autofree char *path = find_app_module ();
  GModule *module;
  RacimoAppMain app_main;

  /* Global, as the program linked it before: GtkBuilder may look up a type
   * function by name in the program. */
  module = g_module_open (path, G_MODULE_BIND_LAZY);
  if (module == NULL
      || !g_module_symbol (module, "racimo_application_main", (gpointer *) &app_main))
    {
      /* Translators: %s says why, in the words of the system's loader */
      g_printerr (_("racimo: cannot start the window: %s\n"), g_module_error ());
      g_clear_pointer (&module, g_module_close);
      return 1;
    }

  /* Never closed: the application's types live in it until the end. */
  g_module_make_resident (module);

  return app_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  /* GLib 2.74 makes the C locale of g_ascii_strtoull () on its first call,
   * and a thread that waits for another one making it can come back with
   * errno set, so that g_ascii_string_to_unsigned () refuses a number:
   * made here, before any thread reads a file. */
  g_ascii_strtoull ("0", NULL, 10);
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = racimo_cli_run (argc, argv);
  if (status >= 0)
    return status;

  return run_app_module (argc, argv);
}
