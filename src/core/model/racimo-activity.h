/* racimo-activity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-item.h"
#include "racimo-scheme.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_ACTIVITY (racimo_activity_get_type ())

G_DECLARE_FINAL_TYPE (RacimoActivity, racimo_activity, RACIMO, ACTIVITY, RacimoItem)

RacimoPhase *racimo_activity_get_phase      (RacimoActivity *self);
gboolean     racimo_activity_get_applicable (RacimoActivity *self);
RacimoCodes  racimo_activity_get_codes      (RacimoActivity *self,
                                             RacimoRole     *role);
RacimoCodes  racimo_activity_get_all_codes  (RacimoActivity *self);
const char  *racimo_activity_get_note       (RacimoActivity *self,
                                             RacimoRole     *role);
guint        racimo_activity_get_n_notes    (RacimoActivity *self);

G_END_DECLS
