/* racimo-role.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-item.h"
#include "racimo-person.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_ROLE (racimo_role_get_type ())

G_DECLARE_FINAL_TYPE (RacimoRole, racimo_role, RACIMO, ROLE, RacimoItem)

const char *racimo_role_get_abbrev       (RacimoRole *self);
const char *racimo_role_get_person       (RacimoRole *self);
char       *racimo_role_dup_short_name   (RacimoRole *self);
guint         racimo_role_get_n_members  (RacimoRole   *self);
RacimoPerson *racimo_role_get_member     (RacimoRole   *self,
                                          guint         n);
int           racimo_role_index_of_member (RacimoRole  *self,
                                           RacimoPerson *person);

G_END_DECLS
