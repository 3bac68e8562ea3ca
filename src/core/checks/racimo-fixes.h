/* racimo-fixes.h: quick fixes of findings, each one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-check.h"
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

void  racimo_fixes_apply              (RacimoProject  *project,
                                      const char     *action,
                                      GVariant       *target);
void  racimo_fixes_append_items      (GMenu          *menu,
                                      RacimoProject  *project,
                                      RacimoActivity *activity,
                                      RacimoCheck     check,
                                      const char     *group);

G_END_DECLS
