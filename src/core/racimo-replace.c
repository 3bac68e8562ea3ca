/* racimo-replace.c: writing a whole file, or nothing
 *
 * g_file_replace_contents () is not enough: in GLib 2.74 the temporary
 * file is renamed over the target when the stream closes even after a
 * failed write, so a full disk leaves a truncated file where the user's
 * was.  Closing with a cancelled GCancellable removes the temporary file
 * instead, which is what this does when a write fails.  A file that did
 * not exist is written directly, without a temporary file; it is deleted
 * again when a write fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-core-private.h"

gboolean
_racimo_replace_contents (GFile             *file,
                          GBytes            *bytes,
                          const char        *etag,
                          GFileCreateFlags   flags,
                          char             **new_etag,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean existed = g_file_query_exists (file, cancellable);

  /* No backup: "file~" beside it may not be allowed (a document portal),
   * and the rename over the file is atomic anyway. */
  out = g_file_replace (file, etag, FALSE, flags, cancellable, error);
  if (out == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return FALSE;

  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (out);

  return TRUE;
}

typedef struct
{
  GBytes *bytes;
  char   *etag;
} ReplaceData;

static void
replace_data_free (gpointer data)
{
  ReplaceData *replace = data;

  g_bytes_unref (replace->bytes);
  g_free (replace->etag);
  g_free (replace);
}

static void
replace_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ReplaceData *replace = task_data;
  GError *error = NULL;
  char *new_etag = NULL;

  if (_racimo_replace_contents (G_FILE (source_object), replace->bytes, replace->etag,
                                G_FILE_CREATE_NONE, &new_etag, cancellable, &error))
    g_task_return_pointer (task, new_etag, g_free);
  else
    g_task_return_error (task, error);
}

void
_racimo_replace_contents_async (GFile               *file,
                                GBytes              *bytes,
                                const char          *etag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);
  ReplaceData *replace = g_new0 (ReplaceData, 1);

  replace->bytes = g_bytes_ref (bytes);
  replace->etag = g_strdup (etag);
  g_task_set_source_tag (task, _racimo_replace_contents_async);
  g_task_set_task_data (task, replace, replace_data_free);
  g_task_run_in_thread (task, replace_in_thread);
}

gboolean
_racimo_replace_contents_finish (GFile         *file,
                                 GAsyncResult  *result,
                                 char         **new_etag,
                                 GError       **error)
{
  char *etag;

  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  etag = g_task_propagate_pointer (G_TASK (result), error);
  if (etag == NULL)
    return FALSE;

  if (new_etag != NULL)
    *new_etag = etag;
  else
    g_free (etag);

  return TRUE;
}
