/* racimo-history-private.h: how the project records its commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

typedef void (*RacimoCommandFunc) (RacimoProject *project,
                                   gpointer       data,
                                   gboolean       undo);

RacimoHistory *_racimo_history_new             (RacimoProject    *project);
/* Records a command that has just been applied. */
void           _racimo_history_push            (RacimoHistory    *self,
                                                const char       *label,
                                                RacimoCommandFunc func,
                                                gpointer          data,
                                                GDestroyNotify    free_data);

G_END_DECLS
