/* racimo-document-disk.c: following a document's file on disk
 *
 * A file monitor, and the entity tag asked on each of its events and when
 * the window comes back to the front, tell whether someone else changed,
 * replaced or deleted the file since it was read or saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-document-private.h"
#include "racimo-document.h"

static void
finish_checks (RacimoDocument *self)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->check_tasks);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    g_task_return_boolean (g_ptr_array_index (tasks, i), self->changed_on_disk);
}

static void
on_disk_checked (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(RacimoDocument) self = g_weak_ref_get (weak);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  info = g_file_query_info_finish (G_FILE (source), result, &error);

  /* Cancelled by a newer check, a save, a new file or dispose: whoever
   * cancelled looks again. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->check_cancellable);

  /* Our own atomic save arrives as an event too: the entity tag of what
   * we wrote tells it apart from someone else's write. */
  if (info != NULL)
    {
      const char *etag = g_file_info_get_etag (info);

      _racimo_document_set_disk_state (self, g_strcmp0 (etag, self->etag) != 0, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    _racimo_document_set_disk_state (self, TRUE, TRUE);
  else
    g_debug ("Could not check %s on disk: %s", self->title, error->message);

  finish_checks (self);
}

void
_racimo_document_cancel_check (RacimoDocument *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
}

void
_racimo_document_check_on_disk (RacimoDocument *self)
{
  GWeakRef *weak;

  _racimo_document_cancel_check (self);

  /* A save or a reload checks once it is done. */
  if (self->busy)
    return;

  if (self->file == NULL)
    {
      finish_checks (self);
      return;
    }

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->check_cancellable = g_cancellable_new ();
  g_file_query_info_async (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->check_cancellable, on_disk_checked, weak);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  /* Any event may be a change: a write in place, a rename over the file,
   * a deletion, a move away.  The entity tag says which it was. */
  _racimo_document_check_on_disk (user_data);
}

void
_racimo_document_stop_monitor (RacimoDocument *self)
{
  _racimo_document_cancel_check (self);

  if (self->monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

void
_racimo_document_start_monitor (RacimoDocument *self)
{
  g_autoptr(GError) error = NULL;

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Some file systems cannot be watched; the entity tag check on
       * save still keeps a colleague's changes from being overwritten. */
      g_debug ("Cannot watch %s: %s", self->title, error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

/**
 * racimo_document_check_on_disk_async:
 *
 * Compares the file on disk with what was last read or saved, as the
 * file monitor does on each event; for when the window comes back to the
 * front, since a file on a network share may change without an event.
 * Updates #RacimoDocument:changed-on-disk and
 * #RacimoDocument:deleted-on-disk before it completes.
 */
void
racimo_document_check_on_disk_async (RacimoDocument      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RACIMO_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, racimo_document_check_on_disk_async);

  if (self->check_tasks == NULL)
    self->check_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->check_tasks, task);

  _racimo_document_check_on_disk (self);
}

/**
 * racimo_document_check_on_disk_finish:
 *
 * Returns: whether the file changed on disk
 */
gboolean
racimo_document_check_on_disk_finish (RacimoDocument  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == racimo_document_check_on_disk_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
