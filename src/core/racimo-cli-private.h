/* racimo-cli-private.h: what the files of the command line share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-pagination-options.h"
#include "racimo-project.h"

G_BEGIN_DECLS

/* racimo-cli.c */
RacimoProject *_racimo_cli_load            (const char         *path);
gboolean       _racimo_cli_load_all        (const char * const *paths,
                                            RacimoProject     **projects,
                                            guint               n_paths);

/* racimo-cli-compare.c: --diff OLD NEW and --merge BASE OURS THEIRS */
int            _racimo_cli_handle_compare  (GVariantDict       *options,
                                            const char * const *files);
gboolean       _racimo_cli_compare_layout  (GVariantDict            *options,
                                            RacimoProject           *project,
                                            RacimoPaginationOptions *layout);

G_END_DECLS
