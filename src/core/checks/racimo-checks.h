/* racimo-checks.h: the findings of the checks on a project (docs/file-format.md, "Checks")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-check.h"
#include "racimo-project.h"

G_BEGIN_DECLS

typedef struct
{
  RacimoCheck  check;
  RacimoItem  *item;          /* the activity, role, phase or person (unowned) */
  char        *message;       /* translated, one sentence */
  const char  *waiver_reason; /* non-NULL when waived (a copy owned by the checks) */
} RacimoFinding;

#define RACIMO_TYPE_CHECKS (racimo_checks_get_type ())

G_DECLARE_FINAL_TYPE (RacimoChecks, racimo_checks, RACIMO, CHECKS, GObject)

RacimoChecks *racimo_checks_new                (RacimoProject *project);
RacimoProject *racimo_checks_get_project       (RacimoChecks  *self);
guint         racimo_checks_get_n_errors       (RacimoChecks  *self);
guint         racimo_checks_get_n_warnings     (RacimoChecks  *self);
guint         racimo_checks_get_n_waived       (RacimoChecks  *self);
GPtrArray    *racimo_checks_get_item_findings  (RacimoChecks  *self,
                                                RacimoItem    *item);
gboolean      racimo_checks_item_has           (RacimoChecks  *self,
                                                RacimoItem    *item,
                                                RacimoCheck    check);
GPtrArray    *racimo_checks_list_findings      (RacimoChecks  *self);
void          racimo_checks_hold               (RacimoChecks  *self,
                                                RacimoItem    *item);
RacimoItem   *racimo_checks_get_held           (RacimoChecks  *self);

G_END_DECLS
