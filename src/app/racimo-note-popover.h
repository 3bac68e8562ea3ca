/* racimo-note-popover.h: the note on a cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_NOTE_POPOVER (racimo_note_popover_get_type ())

G_DECLARE_FINAL_TYPE (RacimoNotePopover, racimo_note_popover, RACIMO, NOTE_POPOVER, GtkPopover)

GtkWidget      *racimo_note_popover_new          (void);

void            racimo_note_popover_set_cell     (RacimoNotePopover *self,
                                                  RacimoProject     *project,
                                                  RacimoActivity    *activity,
                                                  RacimoRole        *role);
RacimoActivity *racimo_note_popover_get_activity (RacimoNotePopover *self);
RacimoRole     *racimo_note_popover_get_role     (RacimoNotePopover *self);
void            racimo_note_popover_focus        (RacimoNotePopover *self);

G_END_DECLS
