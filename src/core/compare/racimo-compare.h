/* racimo-compare.h: what changed between two copies of a project, and
 * bringing two changed copies together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

GPtrArray *racimo_diff  (RacimoProject *old_project,
                         RacimoProject *new_project);
guint      racimo_merge (RacimoProject *base,
                         RacimoProject *ours,
                         RacimoProject *theirs);
GPtrArray *racimo_merge_unrecorded (RacimoProject *base,
                                    RacimoProject *ours,
                                    RacimoProject *theirs);
void       racimo_merge_take_theirs (RacimoProject *project,
                                     RacimoItem    *item,
                                     guint          n);
void       racimo_merge_keep_mine   (RacimoProject *project,
                                     RacimoItem    *item,
                                     guint          n);

G_END_DECLS
