/* racimo-scrollable.h: the adjustments of a widget that scrolls itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void racimo_scrollable_set_adjustment   (GtkWidget      *widget,
                                         GtkAdjustment **slot,
                                         GtkAdjustment  *adjustment,
                                         GCallback       on_value_changed);
void racimo_scrollable_clear_adjustment (GtkWidget      *widget,
                                         GtkAdjustment **slot,
                                         GCallback       on_value_changed);

G_END_DECLS
