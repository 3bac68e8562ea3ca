/* racimo-xlsx.h: the matrix as an .xlsx workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-project.h"

G_BEGIN_DECLS

GBytes   *racimo_xlsx_export (RacimoProject  *project,
                              GError        **error);
gboolean  racimo_xlsx_save   (RacimoProject  *project,
                              GFile          *file,
                              GCancellable   *cancellable,
                              GError        **error);

void      racimo_xlsx_save_async  (RacimoProject        *project,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  racimo_xlsx_save_finish (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
