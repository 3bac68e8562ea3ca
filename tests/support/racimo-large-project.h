/* racimo-large-project.h: the generated projects of docs/design-targets.md, "Test projects"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

/* "Large" is 2,000 activities in 20 phases x 40 roles with about a third
 * of the cells set; "typical" is 60 activities x 10 roles.  The same seed
 * gives the same project. */
RacimoProject *racimo_large_project_new (guint   n_activities,
                                         guint   n_phases,
                                         guint   n_roles,
                                         guint32 seed);

G_END_DECLS
