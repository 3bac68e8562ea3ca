/* racimo-phase.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-item.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PHASE (racimo_phase_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPhase, racimo_phase, RACIMO, PHASE, RacimoItem)

guint           racimo_phase_get_n_activities (RacimoPhase    *self);
RacimoActivity *racimo_phase_get_activity     (RacimoPhase    *self,
                                               guint           n);
int             racimo_phase_index_of         (RacimoPhase    *self,
                                               RacimoActivity *activity);

G_END_DECLS
