/* racimo-cli.h: the commands that need no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses, as README.md lists them under "Command line". */
#define RACIMO_EXIT_OK 0
#define RACIMO_EXIT_FINDINGS 1
#define RACIMO_EXIT_UNREADABLE 2

/* racimo --check FILE...: prints findings to standard output, errors
 * reading a file to standard error. */
int racimo_cli_check  (const char * const *paths);
/* The same with "strict" in @options (nullable): a sheet that is not
 * read whole counts as unreadable; and "sheet", the sheet of a workbook. */
int racimo_cli_check_with_options (const char * const *paths,
                                   GVariantDict       *options);
/* racimo --export OUT FILE, with the layout options of a PDF in
 * @options (nullable): "paper" and "orientation" strings, "fit" and "tile";
 * and "repair": FILE is repaired, each repair listed on standard error. */
int racimo_cli_export (const char         *out_path,
                       const char         *in_path,
                       GVariantDict       *options);

/* The options of the racimo program, for the GApplication that parses
 * them: the command line's own, and the window's application. */
void racimo_cli_add_main_options (GApplication       *app);
/* --version, --check or --export: does it and returns the exit status;
 * -1 when @options ask for none of them. */
int  racimo_cli_handle_options   (GVariantDict       *options);
/* The command line of the racimo program: runs what racimo-cli.c does
 * (and --help) and returns the exit status, or -1 when the command line
 * asks for the window. */
int  racimo_cli_run              (int                 argc,
                                  char               *argv[]);

G_END_DECLS
