/* racimo-csv-export-dialog.h: how to write a CSV export, asked before
 * where to write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_CSV_EXPORT_DIALOG (racimo_csv_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RacimoCsvExportDialog, racimo_csv_export_dialog,
                      RACIMO, CSV_EXPORT_DIALOG, AdwWindow)

RacimoCsvExportDialog *racimo_csv_export_dialog_new         (GtkWindow              *parent,
                                                             const RacimoCsvOptions *options);
void                   racimo_csv_export_dialog_get_options (RacimoCsvExportDialog  *self,
                                                             RacimoCsvOptions       *options);

G_END_DECLS
