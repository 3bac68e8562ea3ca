/* racimo-findings-model.h: the checks panel's rows, findings grouped by
 * severity then check, as a list model kept up to date edit by edit (a
 * GListModel, not a widget: RacimoFindingView draws it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-core.h"

G_BEGIN_DECLS

typedef enum
{
  RACIMO_FINDING_ROW_SECTION, /* "Errors", "Warnings", "Waived" */
  RACIMO_FINDING_ROW_CHECK,   /* a check's title, under its section */
  RACIMO_FINDING_ROW_FINDING, /* one finding on one item */
} RacimoFindingRowKind;

/* In the order the list shows them. */
typedef enum
{
  RACIMO_FINDING_SECTION_ERRORS,
  RACIMO_FINDING_SECTION_WARNINGS,
  RACIMO_FINDING_SECTION_WAIVED,
  RACIMO_FINDING_N_SECTIONS
} RacimoFindingSection;

#define RACIMO_TYPE_FINDING_ROW (racimo_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (RacimoFindingRow, racimo_finding_row, RACIMO, FINDING_ROW, GObject)

RacimoFindingRowKind  racimo_finding_row_get_kind    (RacimoFindingRow *self);
RacimoFindingSection  racimo_finding_row_get_section (RacimoFindingRow *self);
RacimoCheck           racimo_finding_row_get_check   (RacimoFindingRow *self);
RacimoItem           *racimo_finding_row_get_item    (RacimoFindingRow *self);
const char           *racimo_finding_row_get_title   (RacimoFindingRow *self);
const char           *racimo_finding_row_get_message (RacimoFindingRow *self);
const char           *racimo_finding_row_get_reason  (RacimoFindingRow *self);
guint                 racimo_finding_row_get_count   (RacimoFindingRow *self);

#define RACIMO_TYPE_FINDINGS_MODEL (racimo_findings_model_get_type ())

G_DECLARE_FINAL_TYPE (RacimoFindingsModel, racimo_findings_model, RACIMO, FINDINGS_MODEL, GObject)

RacimoFindingsModel *racimo_findings_model_new        (RacimoChecks        *checks);
RacimoChecks        *racimo_findings_model_get_checks (RacimoFindingsModel *self);
int                  racimo_findings_model_find       (RacimoFindingsModel *self,
                                                       RacimoItem          *item,
                                                       RacimoCheck          check);

G_END_DECLS
