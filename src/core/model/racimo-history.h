/* racimo-history.h: undo and redo of a project's edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "racimo-types.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_HISTORY (racimo_history_get_type ())

G_DECLARE_FINAL_TYPE (RacimoHistory, racimo_history, RACIMO, HISTORY, GObject)

gboolean    racimo_history_get_can_undo   (RacimoHistory *self);
gboolean    racimo_history_get_can_redo   (RacimoHistory *self);
const char *racimo_history_get_undo_label (RacimoHistory *self);
const char *racimo_history_get_redo_label (RacimoHistory *self);
gboolean    racimo_history_get_modified   (RacimoHistory *self);

gboolean    racimo_history_undo           (RacimoHistory *self);
gboolean    racimo_history_redo           (RacimoHistory *self);

void        racimo_history_begin          (RacimoHistory *self,
                                           const char    *label);
void        racimo_history_end            (RacimoHistory *self);

void        racimo_history_mark_saved     (RacimoHistory *self);
void        racimo_history_mark_modified  (RacimoHistory *self);
void        racimo_history_clear          (RacimoHistory *self);

G_END_DECLS
