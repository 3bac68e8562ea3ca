/* racimo-cli.h: the commands that need no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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
 * @options (nullable): "paper" and "orientation" strings, "fit" and "tile". */
int racimo_cli_export (const char         *out_path,
                       const char         *in_path,
                       GVariantDict       *options);

G_END_DECLS
