/* racimo-pdf-export-dialog.h: how to lay out a PDF export, asked before
 * where to write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"
#include "racimo-print-options-panel.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PDF_EXPORT_DIALOG (racimo_pdf_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPdfExportDialog, racimo_pdf_export_dialog,
                      RACIMO, PDF_EXPORT_DIALOG, AdwWindow)

RacimoPdfExportDialog   *racimo_pdf_export_dialog_new       (GtkWindow                     *parent,
                                                             RacimoProject                 *project,
                                                             const RacimoPaginationOptions *options);
RacimoPrintOptionsPanel *racimo_pdf_export_dialog_get_panel (RacimoPdfExportDialog         *self);

G_END_DECLS
