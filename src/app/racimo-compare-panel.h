/* racimo-compare-panel.h: the sidebar of compare mode, the changes of
 * another copy grouped by phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_COMPARE_PANEL (racimo_compare_panel_get_type ())

G_DECLARE_FINAL_TYPE (RacimoComparePanel, racimo_compare_panel, RACIMO, COMPARE_PANEL, GtkWidget)

GtkWidget  *racimo_compare_panel_new          (void);
void        racimo_compare_panel_set_changes  (RacimoComparePanel *self,
                                               const char         *name,
                                               GPtrArray          *changes,
                                               RacimoProject      *mine,
                                               RacimoProject      *theirs);
void        racimo_compare_panel_select       (RacimoComparePanel *self,
                                               int                 index);
int         racimo_compare_panel_get_selected (RacimoComparePanel *self);
const char *racimo_compare_panel_get_summary  (RacimoComparePanel *self);

G_END_DECLS
