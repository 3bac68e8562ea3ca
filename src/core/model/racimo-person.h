/* racimo-person.h: someone who holds roles (docs/file-format.md, "People")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-item.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PERSON (racimo_person_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPerson, racimo_person, RACIMO, PERSON, RacimoItem)

const char *racimo_person_get_email (RacimoPerson *self);

G_END_DECLS
