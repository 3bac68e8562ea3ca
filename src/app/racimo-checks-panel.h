/* racimo-checks-panel.h: the sidebar that lists every finding of the checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"
#include "racimo-findings-model.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_CHECKS_PANEL (racimo_checks_panel_get_type ())

G_DECLARE_FINAL_TYPE (RacimoChecksPanel, racimo_checks_panel, RACIMO, CHECKS_PANEL, GtkWidget)

GtkWidget    *racimo_checks_panel_new                  (void);

void          racimo_checks_panel_set_checks           (RacimoChecksPanel *self,
                                                        RacimoChecks      *checks);
RacimoChecks *racimo_checks_panel_get_checks           (RacimoChecksPanel *self);
GListModel   *racimo_checks_panel_get_rows             (RacimoChecksPanel *self);
const char   *racimo_checks_panel_get_summary          (RacimoChecksPanel *self);

RacimoItem   *racimo_checks_panel_get_selected         (RacimoChecksPanel *self,
                                                        RacimoCheck       *check);
gboolean      racimo_checks_panel_select               (RacimoChecksPanel *self,
                                                        RacimoItem        *item,
                                                        RacimoCheck        check);
RacimoItem   *racimo_checks_panel_select_next          (RacimoChecksPanel *self,
                                                        RacimoCheck       *check);
RacimoItem   *racimo_checks_panel_select_previous      (RacimoChecksPanel *self,
                                                        RacimoCheck       *check);

void          racimo_checks_panel_show_role            (RacimoChecksPanel *self,
                                                        RacimoRole        *role);
RacimoRole   *racimo_checks_panel_get_role             (RacimoChecksPanel *self);

char         *racimo_checks_panel_format_summary       (guint              n_errors,
                                                        guint              n_warnings);

G_END_DECLS
