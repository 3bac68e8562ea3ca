/* racimo-text-line.h: a line of text that keeps what it drew
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RACIMO_TYPE_TEXT_LINE (racimo_text_line_get_type ())
G_DECLARE_FINAL_TYPE (RacimoTextLine, racimo_text_line, RACIMO, TEXT_LINE, GtkWidget)

GtkWidget  *racimo_text_line_new       (void);
const char *racimo_text_line_get_text  (RacimoTextLine *self);
void        racimo_text_line_set_text  (RacimoTextLine *self,
                                        const char     *text);
void        racimo_text_line_set_count (RacimoTextLine *self,
                                        guint           count);

G_END_DECLS
