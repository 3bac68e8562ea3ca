/* racimo-repair-banner.h: what was repaired to open a file, over the grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_REPAIR_BANNER (racimo_repair_banner_get_type ())

G_DECLARE_FINAL_TYPE (RacimoRepairBanner, racimo_repair_banner, RACIMO, REPAIR_BANNER, AdwBin)

void        racimo_repair_banner_set_repairs  (RacimoRepairBanner *self,
                                               RacimoRepairs      *repairs);
gboolean    racimo_repair_banner_is_shown     (RacimoRepairBanner *self);
const char *racimo_repair_banner_get_text     (RacimoRepairBanner *self);
GtkListBox *racimo_repair_banner_get_list     (RacimoRepairBanner *self);
GtkWidget  *racimo_repair_banner_get_popover  (RacimoRepairBanner *self);

G_END_DECLS
