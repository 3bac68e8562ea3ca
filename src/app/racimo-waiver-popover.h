/* racimo-waiver-popover.h: asks why a finding is acceptable, and waives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_WAIVER_POPOVER (racimo_waiver_popover_get_type ())

G_DECLARE_FINAL_TYPE (RacimoWaiverPopover, racimo_waiver_popover, RACIMO, WAIVER_POPOVER,
                      GtkPopover)

GtkWidget  *racimo_waiver_popover_new      (void);

void        racimo_waiver_popover_set_finding (RacimoWaiverPopover *self,
                                               RacimoProject       *project,
                                               RacimoItem          *item,
                                               RacimoCheck          check);
RacimoItem *racimo_waiver_popover_get_item    (RacimoWaiverPopover *self);
void        racimo_waiver_popover_focus       (RacimoWaiverPopover *self);

G_END_DECLS
