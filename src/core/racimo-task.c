/* racimo-task.c: blocking work of an _async () function, in a thread
 *
 * Loading, importing, restoring a draft and writing a file all follow
 * one pattern: data made on the caller's thread (the model is not
 * thread-safe), filled in a thread, read back by the _finish ()
 * function.  This is that pattern once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-task-private.h"

typedef struct
{
  RacimoThreadFunc func;
  gpointer         data;
  GDestroyNotify   data_free;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work);
}

static void
run_work (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (work->func (source_object, work->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs @func on @data in a thread, for the _async () function
 * @source_tag; @data is freed with @data_free with the task.  With a
 * source object, the caller keeps a reference to it until the task is
 * done, so that it is not finalised in the thread. */
void
_racimo_task_run_in_thread (gpointer             source_object,
                            gpointer             source_tag,
                            RacimoThreadFunc     func,
                            gpointer             data,
                            GDestroyNotify       data_free,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  Work *work = g_new0 (Work, 1);

  work->func = func;
  work->data = data;
  work->data_free = data_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, run_work);
}

/* Returns: (transfer none): the data that the thread filled, owned by
 * @result, or %NULL with @error set.  A task made by
 * g_task_report_error () with @source_tag gives its error. */
gpointer
_racimo_task_finish (GAsyncResult  *result,
                     gpointer       source_tag,
                     GError       **error)
{
  Work *work;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  work = g_task_get_task_data (G_TASK (result));

  return work->data;
}
