/* racimo-focus.h: the keyboard focus back where the user works
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void racimo_focus_return_after (GtkPopover *popover,
                                GtkWidget  *target);

G_END_DECLS
