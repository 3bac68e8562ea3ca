/* racimo-start-page.h: what an empty window shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RACIMO_TYPE_START_PAGE (racimo_start_page_get_type ())

G_DECLARE_FINAL_TYPE (RacimoStartPage, racimo_start_page, RACIMO, START_PAGE, AdwBin)

void racimo_start_page_update_user_templates (RacimoStartPage *self);

G_END_DECLS
