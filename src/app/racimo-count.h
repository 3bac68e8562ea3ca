/* racimo-count.h: a count shown in an inscription
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void racimo_count_show (GtkInscription *inscription,
                        guint           count);

G_END_DECLS
