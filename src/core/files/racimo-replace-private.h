/* racimo-replace-private.h: writing a whole file or nothing (racimo-replace.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @bytes to @file whole or not at all (racimo-replace.c): a
 * symlink is written through to its target, replaced by a temporary file
 * renamed over it; a pipe or a device is refused.  With @etag, fails with
 * G_IO_ERROR_WRONG_ETAG when @file changed since it was read.  Errors
 * name the file and say that it was left as it was; GIO's domain and
 * code are kept where there is one, else RACIMO_SAVE_ERROR.  The async
 * version runs in a thread and takes a reference on @bytes. */
gboolean       _racimo_replace_contents        (GFile               *file,
                                                GBytes              *bytes,
                                                const char          *etag,
                                                char               **new_etag,
                                                GCancellable        *cancellable,
                                                GError             **error);
void           _racimo_replace_contents_async  (GFile               *file,
                                                GBytes              *bytes,
                                                const char          *etag,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       _racimo_replace_contents_finish (GFile               *file,
                                                GAsyncResult        *result,
                                                char               **new_etag,
                                                GError             **error);

/* For a _save_async () of a file format: @bytes written to @file as
 * _racimo_replace_contents () does, in a thread, for a task of
 * @source_object and @source_tag; the _finish () gives the new entity tag.
 * @refusal (nullable, transfer full) is why the format's own checks will
 * not have @bytes written: the task then fails with it, file untouched. */
void           _racimo_replace_save_async      (gpointer             source_object,
                                                gpointer             source_tag,
                                                GFile               *file,
                                                GBytes              *bytes,
                                                const char          *etag,
                                                GError              *refusal,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       _racimo_replace_save_finish     (GAsyncResult        *result,
                                                gpointer             source_tag,
                                                char               **new_etag,
                                                GError             **error);

G_END_DECLS
