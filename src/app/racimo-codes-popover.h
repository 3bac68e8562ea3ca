/* racimo-codes-popover.h: the codes of one cell, as check buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_CODES_POPOVER (racimo_codes_popover_get_type ())

G_DECLARE_FINAL_TYPE (RacimoCodesPopover, racimo_codes_popover, RACIMO, CODES_POPOVER,
                      GtkPopover)

GtkWidget *racimo_codes_popover_new       (void);

void       racimo_codes_popover_set_cell  (RacimoCodesPopover *self,
                                           RacimoProject      *project,
                                           RacimoActivity     *activity,
                                           RacimoRole         *role,
                                           RacimoCodes         codes,
                                           gboolean            dark);
void       racimo_codes_popover_set_codes (RacimoCodesPopover *self,
                                           RacimoCodes         codes);
void       racimo_codes_popover_focus     (RacimoCodesPopover *self);

G_END_DECLS
