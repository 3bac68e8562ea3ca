/* racimo-checks-findings.c: the findings of one item of version 1.0: roles, phases
 * and activities, each check in the order of the check table
 * (docs/file-format.md, "Checks")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-checks-private.h"
#include "racimo-checks.h"
#include "racimo-model-private.h"
#include "racimo-workload.h"

/* Building findings */

gboolean
_racimo_checks_findings_equal (GPtrArray *a,
                               GPtrArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      RacimoFinding *fa = g_ptr_array_index (a, i);
      RacimoFinding *fb = g_ptr_array_index (b, i);

      if (fa->check != fb->check ||
          fa->item != fb->item ||
          strcmp (fa->message, fb->message) != 0 ||
          g_strcmp0 (fa->waiver_reason, fb->waiver_reason) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Takes @message. */
void
_racimo_checks_add_finding (GPtrArray   **findings,
                            RacimoItem   *item,
                            RacimoCheck   check,
                            char         *message)
{
  RacimoFinding *finding = g_new0 (RacimoFinding, 1);

  finding->check = check;
  finding->item = item;
  finding->message = message;
  /* A copy: the item's own string goes when the waiver is edited, before
   * the checks hear of it. */
  finding->waiver_reason = g_strdup (racimo_item_get_waiver_reason (item, racimo_check_get_id (check)));

  if (*findings == NULL)
    *findings = g_ptr_array_new_with_free_func (_racimo_checks_finding_free);
  g_ptr_array_add (*findings, finding);
}

gboolean
_racimo_checks_name_is_empty (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

char *
_racimo_checks_dup_trimmed (const char *name)
{
  return g_strstrip (g_strdup (name));
}

RacimoCodes
_racimo_checks_code_bit (char code)
{
  return RACIMO_CODE_IS_VALID (code) ? RACIMO_CODE_BIT (code) : 0;
}

/* The codes that make a role busy for the overloaded-role check. */
RacimoCodes
_racimo_checks_busy_mask (const RacimoScheme *scheme)
{
  return _racimo_checks_code_bit (scheme->doer) | _racimo_checks_code_bit (scheme->owner);
}

/* How messages name an item: 'Role "ML engineer"', or by its position when
 * it has no name: "Role 2", 'Activity 3 of phase "Data"'. */
char *
_racimo_checks_dup_role_subject (RacimoChecks *self,
                                 RacimoRole   *role)
{
  const char *name = racimo_item_get_name (RACIMO_ITEM (role));

  if (!_racimo_checks_name_is_empty (name))
    /* Translators: how a message names a role: 'Role "ML engineer" has no name' */
    return g_strdup_printf (_("Role \"%s\""), name);

  /* Translators: how a message names a role that has no name, by its column */
  return g_strdup_printf (_("Role %d"), racimo_project_index_of_role (self->project, role) + 1);
}

char *
_racimo_checks_dup_phase_subject (RacimoChecks *self,
                                  RacimoPhase  *phase)
{
  const char *name = racimo_item_get_name (RACIMO_ITEM (phase));

  if (!_racimo_checks_name_is_empty (name))
    /* Translators: how a message names a phase */
    return g_strdup_printf (_("Phase \"%s\""), name);

  /* Translators: how a message names a phase that has no name, by its position */
  return g_strdup_printf (_("Phase %d"), racimo_project_index_of_phase (self->project, phase) + 1);
}

char *
_racimo_checks_dup_activity_subject (RacimoChecks   *self,
                                     RacimoActivity *activity)
{
  const char *name = racimo_item_get_name (RACIMO_ITEM (activity));
  RacimoPhase *phase = racimo_activity_get_phase (activity);
  const char *phase_name;
  int position;

  if (!_racimo_checks_name_is_empty (name))
    /* Translators: how a message names an activity: 'Activity "Deploy model"' */
    return g_strdup_printf (_("Activity \"%s\""), name);

  position = racimo_phase_index_of (phase, activity) + 1;
  phase_name = racimo_item_get_name (RACIMO_ITEM (phase));

  if (racimo_project_get_n_phases (self->project) > 1 && !_racimo_checks_name_is_empty (phase_name))
    /* Translators: how a message names an activity that has no name, by its
     * position in its phase */
    return g_strdup_printf (_("Activity %d of phase \"%s\""), position, phase_name);

  /* Translators: how a message names an activity that has no name, by its
   * position */
  return g_strdup_printf (_("Activity %d"), position);
}

static char *
dup_duplicate_message (const char *subject,
                       guint       count,
                       const char *phase_name)
{
  if (phase_name != NULL && *phase_name != '\0')
    {
      if (count == 2)
        /* Translators: 'Activity "Deploy model" appears twice in phase "MLOps"' */
        return g_strdup_printf (_("%s appears twice in phase \"%s\""), subject, phase_name);

      /* Translators: 'Activity "Deploy model" appears 3 times in phase "MLOps"' */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s appears %u time in phase \"%s\"",
                                           "%s appears %u times in phase \"%s\"",
                                           count),
                              subject, count, phase_name);
    }

  if (count == 2)
    /* Translators: 'Role "Data scientist" appears twice' */
    return g_strdup_printf (_("%s appears twice"), subject);

  /* Translators: 'Role "Data scientist" appears 3 times' */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s appears %u time",
                                       "%s appears %u times",
                                       count),
                          subject, count);
}

static GPtrArray *
compute_role_findings (RacimoChecks *self,
                       ItemState    *state)
{
  RacimoRole *role = RACIMO_ROLE (state->item);
  const RacimoScheme *scheme = racimo_project_get_scheme (self->project);
  GPtrArray *findings = NULL;
  g_autofree char *subject = _racimo_checks_dup_role_subject (self, role);

  if (state->n_cells == 0)
    _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_IDLE_ROLE,
                                /* Translators: 'Role "UX designer" holds no code in any activity' */
                                g_strdup_printf (_("%s holds no code in any activity"), subject));

  if (state->n_busy >= OVERLOAD_MIN && 2 * state->n_busy > self->n_applicable)
    {
      char *message;

      if (scheme->doer_exactly_one)
        /* Translators: DACI; 'Role "ML engineer" drives or approves 12 of 18
         * activities' */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s drives or approves %u of %u activity",
                                                "%s drives or approves %u of %u activities",
                                                self->n_applicable),
                                   subject, state->n_busy, self->n_applicable);
      else
        /* Translators: 'Role "ML engineer" is responsible or accountable for 12
         * of 18 activities' */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s is responsible or accountable "
                                                "for %u of %u activity",
                                                "%s is responsible or accountable "
                                                "for %u of %u activities",
                                                self->n_applicable),
                                   subject, state->n_busy, self->n_applicable);

      _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_OVERLOADED_ROLE, message);
    }

  if (_racimo_checks_name_is_empty (racimo_item_get_name (state->item)))
    _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_UNNAMED,
                                /* Translators: 'Role 2 has no name' */
                                g_strdup_printf (_("%s has no name"), subject));
  else if (state->dup_count > 1)
    _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_DUPLICATE_NAME,
                                dup_duplicate_message (subject, state->dup_count, NULL));

  return findings;
}

static GPtrArray *
compute_phase_findings (RacimoChecks *self,
                        ItemState    *state)
{
  GPtrArray *findings = NULL;

  /* A single phase with no name is how a project says it does not group
   * its activities. */
  if (racimo_project_get_n_phases (self->project) > 1 &&
      _racimo_checks_name_is_empty (racimo_item_get_name (state->item)))
    {
      g_autofree char *subject = _racimo_checks_dup_phase_subject (self, RACIMO_PHASE (state->item));

      _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_UNNAMED,
                                  g_strdup_printf (_("%s has no name"), subject));
    }

  return findings;
}

static char *
dup_owner_names (RacimoChecks   *self,
                 RacimoActivity *activity,
                 RacimoCodes     owner)
{
  GString *names = g_string_new (NULL);
  guint n_roles = racimo_project_get_n_roles (self->project);

  for (guint i = 0; i < n_roles; i++)
    {
      RacimoRole *role = racimo_project_get_role (self->project, i);
      g_autofree char *name = NULL;

      if ((racimo_activity_get_codes (activity, role) & owner) == 0)
        continue;

      if (_racimo_checks_name_is_empty (racimo_item_get_name (RACIMO_ITEM (role))))
        /* Translators: a role with no name in a list of role names */
        name = g_strdup_printf (_("role %u"), i + 1);
      else
        name = g_strdup (racimo_item_get_name (RACIMO_ITEM (role)));

      if (names->len > 0)
        /* Translators: separates role names, as in "Data scientist, ML engineer" */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  return g_string_free (names, FALSE);
}

static GPtrArray *
compute_activity_findings (RacimoChecks *self,
                           ItemState    *state)
{
  RacimoActivity *activity = RACIMO_ACTIVITY (state->item);
  const RacimoScheme *scheme = racimo_project_get_scheme (self->project);
  RacimoCodes owner = _racimo_checks_code_bit (scheme->owner);
  RacimoCodes doer = _racimo_checks_code_bit (scheme->doer);
  RacimoCodes all = 0;
  RacimoCodes unknown;
  guint n_owners = 0;
  guint n_doers = 0;
  GPtrArray *findings = NULL;
  g_autofree char *subject = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* Nothing is wrong yet with a row being created. */
  if (state->item == self->held)
    return NULL;

  if (!state->applicable)
    return NULL;

  /* Only roles of the project count, as in the per-role counters. */
  g_hash_table_iter_init (&iter, _racimo_activity_get_cells (activity));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RacimoCodes codes = GPOINTER_TO_UINT (value);

      if (!g_hash_table_contains (self->states, key))
        continue;

      all |= codes;
      if (codes & owner)
        n_owners++;
      if (codes & doer)
        n_doers++;
    }

  subject = _racimo_checks_dup_activity_subject (self, activity);

  if (n_owners == 0)
    _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_NO_OWNER,
                                /* Translators: 'Activity "Deploy model" has no owner (A)' */
                                g_strdup_printf (_("%s has no owner (%c)"), subject, scheme->owner));
  else if (n_owners > 1)
    {
      g_autofree char *names = dup_owner_names (self, activity, owner);
      char *message;

      /* Translators: 'Activity "X" has 2 owners (A): Data scientist, ML engineer' */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s has %u owner (%c): %s",
                                              "%s has %u owners (%c): %s",
                                              n_owners),
                                 subject, n_owners, scheme->owner, names);
      _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_MANY_OWNERS, message);
    }

  if (scheme->doer_exactly_one)
    {
      if (n_doers == 0)
        _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_NO_DOER,
                                    /* Translators: DACI; 'Activity "Deploy model" has no driver (D)' */
                                    g_strdup_printf (_("%s has no driver (%c)"), subject, scheme->doer));
      else if (n_doers > 1)
        {
          char *message;

          /* Translators: DACI; 'Activity "X" has 2 drivers (D); it needs exactly one' */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s has %u driver (%c); it needs exactly one",
                                                  "%s has %u drivers (%c); it needs exactly one",
                                                  n_doers),
                                     subject, n_doers, scheme->doer);
          _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_NO_DOER, message);
        }
    }
  else if (n_doers == 0)
    {
      _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_NO_DOER,
                                  /* Translators: 'Activity "Deploy model" has no one responsible (R)' */
                                  g_strdup_printf (_("%s has no one responsible (%c)"), subject, scheme->doer));
    }

  if (_racimo_checks_name_is_empty (racimo_item_get_name (state->item)))
    {
      _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_UNNAMED,
                                  g_strdup_printf (_("%s has no name"), subject));
    }
  else if (state->dup_count > 1)
    {
      RacimoPhase *phase = racimo_activity_get_phase (activity);
      const char *phase_name = racimo_item_get_name (RACIMO_ITEM (phase));

      _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_DUPLICATE_NAME,
                                  dup_duplicate_message (subject, state->dup_count,
                                                         _racimo_checks_name_is_empty (phase_name) ? NULL : phase_name));
    }

  unknown = all & ~racimo_scheme_get_mask (scheme);
  if (unknown != 0)
    {
      g_autofree char *codes = racimo_scheme_format_codes (scheme, unknown, _(", "));
      char *message;

      /* Translators: 'Activity "X" uses S, which the RACI scheme does not
       * define'; the second %s lists one code or several ("S, V") */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s uses %s, which the %s scheme does not define",
                                              "%s uses %s, which the %s scheme does not define",
                                              racimo_codes_count (unknown)),
                                 subject, codes, _(scheme->title));
      _racimo_checks_add_finding (&findings, state->item, RACIMO_CHECK_UNKNOWN_CODE, message);
    }

  return findings;
}

GPtrArray *
_racimo_checks_compute_findings (RacimoChecks *self,
                                 ItemState    *state)
{
  GPtrArray *findings;

  if (RACIMO_IS_ACTIVITY (state->item))
    findings = compute_activity_findings (self, state);
  else if (RACIMO_IS_ROLE (state->item))
    findings = compute_role_findings (self, state);
  else if (RACIMO_IS_PERSON (state->item))
    findings = NULL; /* a person has only checks of version 1.1 */
  else
    findings = compute_phase_findings (self, state);

  _racimo_checks_add_findings_1_1 (self, state, &findings);

  return findings;
}
