/* racimo-compat.h: one place for what differs between GTK 4.8 / libadwaita
 * 1.2 (Debian 12) and the newer GNOME runtime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     racimo_compat_show_about        (GtkWindow   *parent);
void     racimo_compat_widget_get_color  (GtkWidget   *widget,
                                          GdkRGBA     *color);
gboolean racimo_compat_lookup_color      (GtkWidget   *widget,
                                          const char  *name,
                                          GdkRGBA     *color);

G_END_DECLS
