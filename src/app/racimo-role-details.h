/* racimo-role-details.h: one role's workload, what it owns, and its findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_ROLE_DETAILS (racimo_role_details_get_type ())

G_DECLARE_FINAL_TYPE (RacimoRoleDetails, racimo_role_details, RACIMO, ROLE_DETAILS, GtkWidget)

GtkWidget    *racimo_role_details_new        (void);

void          racimo_role_details_set_checks (RacimoRoleDetails *self,
                                              RacimoChecks      *checks);
RacimoChecks *racimo_role_details_get_checks (RacimoRoleDetails *self);
void          racimo_role_details_set_role   (RacimoRoleDetails *self,
                                              RacimoRole        *role);
RacimoRole   *racimo_role_details_get_role   (RacimoRoleDetails *self);

guint         racimo_role_details_get_count  (RacimoRoleDetails *self,
                                              char               code);
GListModel   *racimo_role_details_get_owned  (RacimoRoleDetails *self);

G_END_DECLS
