/* racimo-rename-popover.h: an entry over a name, Enter renames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_RENAME_POPOVER (racimo_rename_popover_get_type ())

G_DECLARE_FINAL_TYPE (RacimoRenamePopover, racimo_rename_popover, RACIMO, RENAME_POPOVER,
                      GtkPopover)

GtkWidget  *racimo_rename_popover_new      (void);

void        racimo_rename_popover_set_item (RacimoRenamePopover *self,
                                            RacimoProject       *project,
                                            RacimoItem          *item,
                                            const char          *initial_text);
RacimoItem *racimo_rename_popover_get_item (RacimoRenamePopover *self);
void        racimo_rename_popover_focus    (RacimoRenamePopover *self);

G_END_DECLS
