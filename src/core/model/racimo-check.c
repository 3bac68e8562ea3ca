/* racimo-check.c: the check table (docs/file-format.md, "Checks")
 *
 * Model data rather than checking: the file format names checks in
 * waivers, so the reader, the writer and the project's waiver setter need
 * the table without the checks themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-check.h"

typedef struct
{
  const char     *id;
  RacimoSeverity  severity;
  const char     *title;
  guint           since; /* the minor format version that brought it */
} CheckInfo;

static const CheckInfo check_info[RACIMO_N_CHECKS] = {
  [RACIMO_CHECK_NO_OWNER] = { "no-owner", RACIMO_SEVERITY_ERROR, N_("No owner") },
  [RACIMO_CHECK_MANY_OWNERS] = { "many-owners", RACIMO_SEVERITY_ERROR, N_("Several owners") },
  [RACIMO_CHECK_NO_DOER] = { "no-doer", RACIMO_SEVERITY_WARNING, N_("No one responsible") },
  [RACIMO_CHECK_IDLE_ROLE] = { "idle-role", RACIMO_SEVERITY_WARNING, N_("Idle role") },
  [RACIMO_CHECK_OVERLOADED_ROLE] = {
    "overloaded-role", RACIMO_SEVERITY_WARNING, N_("Overloaded role")
  },
  [RACIMO_CHECK_UNNAMED] = { "unnamed", RACIMO_SEVERITY_WARNING, N_("Unnamed") },
  [RACIMO_CHECK_DUPLICATE_NAME] = {
    "duplicate-name", RACIMO_SEVERITY_WARNING, N_("Duplicate name")
  },
  [RACIMO_CHECK_UNKNOWN_CODE] = { "unknown-code", RACIMO_SEVERITY_ERROR, N_("Unknown code") },
  [RACIMO_CHECK_MERGE_CONFLICT] = {
    "merge-conflict", RACIMO_SEVERITY_ERROR, N_("Merge conflict"), 1
  },
  [RACIMO_CHECK_OVERLOADED_PERSON] = {
    "overloaded-person", RACIMO_SEVERITY_WARNING, N_("Overloaded person"), 1
  },
  [RACIMO_CHECK_UNSTAFFED_ROLE] = {
    "unstaffed-role", RACIMO_SEVERITY_WARNING, N_("Unstaffed role"), 1
  },
};

/**
 * racimo_check_get_id:
 *
 * Returns: the stable id of @check, such as "no-owner"
 */
const char *
racimo_check_get_id (RacimoCheck check)
{
  g_return_val_if_fail (check < RACIMO_N_CHECKS, NULL);

  return check_info[check].id;
}

/**
 * racimo_check_from_id:
 * @id: a check id, such as "no-owner"
 * @check: (out): the check
 *
 * Returns: %TRUE when @id names a check
 */
gboolean
racimo_check_from_id (const char  *id,
                      RacimoCheck *check)
{
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  for (guint i = 0; i < RACIMO_N_CHECKS; i++)
    if (strcmp (check_info[i].id, id) == 0)
      {
        *check = (RacimoCheck) i;
        return TRUE;
      }

  return FALSE;
}

RacimoSeverity
racimo_check_get_severity (RacimoCheck check)
{
  g_return_val_if_fail (check < RACIMO_N_CHECKS, RACIMO_SEVERITY_WARNING);

  return check_info[check].severity;
}

/**
 * racimo_check_get_title:
 *
 * Returns: the translated short title of @check, such as "No owner"
 */
const char *
racimo_check_get_title (RacimoCheck check)
{
  g_return_val_if_fail (check < RACIMO_N_CHECKS, NULL);

  return _(check_info[check].title);
}

/**
 * racimo_check_get_since_minor:
 *
 * Returns: the minor format version that brought @check: a file of an
 *   older one cannot waive it (docs/file-format.md, "New checks")
 */
guint
racimo_check_get_since_minor (RacimoCheck check)
{
  g_return_val_if_fail (check < RACIMO_N_CHECKS, 0);

  return check_info[check].since;
}

/**
 * racimo_severity_get_id:
 *
 * Returns: "error" or "warning", as the command line prints them
 */
const char *
racimo_severity_get_id (RacimoSeverity severity)
{
  switch (severity)
    {
    case RACIMO_SEVERITY_ERROR:
      return "error";
    case RACIMO_SEVERITY_WARNING:
      return "warning";
    default:
      g_return_val_if_reached (NULL);
    }
}
