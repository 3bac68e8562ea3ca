/* racimo-workload.h: a role's workload, counted under one rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

/* In how many activities a role holds each code (A to Z, a code that the
 * scheme does not define included), and in how many it holds any. */
typedef struct
{
  guint per_code[26];
  guint n_activities;
} RacimoWorkload;

gboolean racimo_workload_counts_activity (RacimoActivity *activity);
void     racimo_workload_count_role      (RacimoProject  *project,
                                          RacimoRole     *role,
                                          RacimoWorkload *workload);
void     racimo_workload_count_person    (RacimoProject  *project,
                                          RacimoPerson   *person,
                                          RacimoWorkload *workload);
void     racimo_workload_update          (RacimoWorkload *workload,
                                          RacimoCodes     old_codes,
                                          RacimoCodes     new_codes);
guint    racimo_workload_get_count       (const RacimoWorkload *workload,
                                          char                  code);

G_END_DECLS
