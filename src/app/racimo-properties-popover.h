/* racimo-properties-popover.h: name, abbreviation, person and description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PROPERTIES_POPOVER (racimo_properties_popover_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPropertiesPopover, racimo_properties_popover, RACIMO,
                      PROPERTIES_POPOVER, GtkPopover)

GtkWidget  *racimo_properties_popover_new      (void);

void        racimo_properties_popover_set_item (RacimoPropertiesPopover *self,
                                                RacimoProject           *project,
                                                RacimoItem              *item);
RacimoItem *racimo_properties_popover_get_item (RacimoPropertiesPopover *self);
void        racimo_properties_popover_focus    (RacimoPropertiesPopover *self);

G_END_DECLS
