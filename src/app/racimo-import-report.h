/* racimo-import-report.h: what an import read, shown before the project
 * opens, with the columns to change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_IMPORT_REPORT (racimo_import_report_get_type ())

G_DECLARE_FINAL_TYPE (RacimoImportReport, racimo_import_report, RACIMO, IMPORT_REPORT, AdwWindow)

RacimoImportReport *racimo_import_report_new             (GtkWindow           *parent,
                                                          GFile               *file,
                                                          GBytes              *bytes);
GFile              *racimo_import_report_get_file        (RacimoImportReport  *self);
GBytes             *racimo_import_report_get_bytes       (RacimoImportReport  *self);
RacimoProject      *racimo_import_report_get_project     (RacimoImportReport  *self);
GPtrArray          *racimo_import_report_get_problems    (RacimoImportReport  *self);
GPtrArray          *racimo_import_report_get_columns     (RacimoImportReport  *self);
const char         *racimo_import_report_get_message     (RacimoImportReport  *self);
void                racimo_import_report_set_column_kind (RacimoImportReport  *self,
                                                          guint                column,
                                                          RacimoCsvColumnKind  kind);
void                racimo_import_report_set_strict      (RacimoImportReport  *self,
                                                          gboolean             strict);
const char * const *racimo_import_report_get_sheets      (RacimoImportReport  *self);
void                racimo_import_report_set_sheet       (RacimoImportReport  *self,
                                                          const char          *sheet);

G_END_DECLS
