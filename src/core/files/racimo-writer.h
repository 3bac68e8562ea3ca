/* racimo-writer.h: writing .raci files in the canonical form (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-project.h"

G_BEGIN_DECLS

/* Writing the canonical form (docs/file-format.md, "Canonical output"). */
GBytes         *racimo_file_serialize        (RacimoProject       *project);
/* Atomic: written beside @file, then renamed over it.  With @etag non-NULL,
 * fails with G_IO_ERROR_WRONG_ETAG when @file changed since it was read. */
gboolean        racimo_file_save             (RacimoProject       *project,
                                              GFile               *file,
                                              const char          *etag,
                                              char               **new_etag,
                                              GCancellable        *cancellable,
                                              GError             **error);
void            racimo_file_save_async       (RacimoProject       *project,
                                              GFile               *file,
                                              const char          *etag,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        racimo_file_save_finish      (GAsyncResult        *result,
                                              char               **new_etag,
                                              GError             **error);

G_END_DECLS
