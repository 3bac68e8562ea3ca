/* racimo-check.h: the check table (docs/file-format.md, "Checks")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RACIMO_SEVERITY_WARNING,
  RACIMO_SEVERITY_ERROR,
} RacimoSeverity;

/* In the order of the check table (docs/file-format.md, "Checks"), which is also the order of
 * waivers in a saved file. */
typedef enum
{
  RACIMO_CHECK_NO_OWNER,
  RACIMO_CHECK_MANY_OWNERS,
  RACIMO_CHECK_NO_DOER,
  RACIMO_CHECK_IDLE_ROLE,
  RACIMO_CHECK_OVERLOADED_ROLE,
  RACIMO_CHECK_UNNAMED,
  RACIMO_CHECK_DUPLICATE_NAME,
  RACIMO_CHECK_UNKNOWN_CODE,
  /* Version 1.1 */
  RACIMO_CHECK_MERGE_CONFLICT,
  RACIMO_CHECK_OVERLOADED_PERSON,
  RACIMO_CHECK_UNSTAFFED_ROLE,
  RACIMO_N_CHECKS
} RacimoCheck;

const char     *racimo_check_get_id       (RacimoCheck  check);
gboolean        racimo_check_from_id      (const char  *id,
                                           RacimoCheck *check);
RacimoSeverity  racimo_check_get_severity (RacimoCheck  check);
const char     *racimo_check_get_title    (RacimoCheck  check);
guint           racimo_check_get_since_minor (RacimoCheck check);
const char     *racimo_severity_get_id    (RacimoSeverity severity);

G_END_DECLS
