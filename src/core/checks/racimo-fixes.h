/* racimo-fixes.h: quick fixes of findings, each one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

void  racimo_fixes_make_owner        (RacimoProject  *project,
                                      RacimoActivity *activity,
                                      RacimoRole     *role);
void  racimo_fixes_keep_only_owner   (RacimoProject  *project,
                                      RacimoActivity *activity,
                                      RacimoRole     *owner);
guint racimo_fixes_count_unmapped    (RacimoProject  *project,
                                      const char     *scheme_id);
void  racimo_fixes_switch_scheme     (RacimoProject  *project,
                                      const char     *scheme_id);

G_END_DECLS
