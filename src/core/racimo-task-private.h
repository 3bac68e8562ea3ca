/* racimo-task-private.h: blocking work of an _async () function, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs in a thread: fills @data, or sets @error and returns FALSE. */
typedef gboolean (*RacimoThreadFunc) (gpointer       source_object,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

void     _racimo_task_run_in_thread (gpointer             source_object,
                                     gpointer             source_tag,
                                     RacimoThreadFunc     func,
                                     gpointer             data,
                                     GDestroyNotify       data_free,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gpointer _racimo_task_finish        (GAsyncResult        *result,
                                     gpointer             source_tag,
                                     GError             **error);

G_END_DECLS
