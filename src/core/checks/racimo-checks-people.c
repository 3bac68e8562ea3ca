/* racimo-checks-people.c: the checks of version 1.1 on people, and each person's
 * workload (docs/file-format.md, "Checks")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-checks-private.h"
#include "racimo-checks.h"
#include "racimo-model-private.h"
#include "racimo-workload.h"

/* Version 1.1 checks */

static char *
dup_person_subject (RacimoChecks *self,
                    RacimoPerson *person)
{
  const char *name = racimo_item_get_name (RACIMO_ITEM (person));

  if (!_racimo_checks_name_is_empty (name))
    /* Translators: how a message names a person: 'Sato Hanako is responsible...' */
    return g_strdup_printf (_("Person \"%s\""), name);

  /* Translators: how a message names a person who has no name, by their
   * position in the list of people */
  return g_strdup_printf (_("Person %d"),
                          racimo_project_index_of_person (self->project, person) + 1);
}

static char *
dup_subject (RacimoChecks *self,
             RacimoItem   *item)
{
  if (RACIMO_IS_ACTIVITY (item))
    return _racimo_checks_dup_activity_subject (self, RACIMO_ACTIVITY (item));
  else if (RACIMO_IS_ROLE (item))
    return _racimo_checks_dup_role_subject (self, RACIMO_ROLE (item));
  else if (RACIMO_IS_PERSON (item))
    return dup_person_subject (self, RACIMO_PERSON (item));
  else
    return _racimo_checks_dup_phase_subject (self, RACIMO_PHASE (item));
}

/* After the item's findings of version 1.0, in the order of the check
 * table. */
void
_racimo_checks_add_findings_1_1 (RacimoChecks  *self,
                                 ItemState     *state,
                                 GPtrArray    **findings)
{
  guint n_conflicts = racimo_item_get_n_conflicts (state->item);
  g_autofree char *subject = NULL;

  if (n_conflicts == 0 && !RACIMO_IS_PERSON (state->item) && !RACIMO_IS_ROLE (state->item))
    return;

  subject = dup_subject (self, state->item);

  if (n_conflicts > 0)
    _racimo_checks_add_finding (findings, state->item, RACIMO_CHECK_MERGE_CONFLICT,
                                /* Translators: 'Activity "Deploy" has 2 merge conflicts to resolve' */
                                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s has %u merge conflict to resolve",
                                                              "%s has %u merge conflicts to resolve",
                                                              n_conflicts),
                                                 subject, n_conflicts));

  if (RACIMO_IS_PERSON (state->item)
      && state->n_busy >= OVERLOAD_MIN && 2 * state->n_busy > self->n_applicable)
    {
      const RacimoScheme *scheme = racimo_project_get_scheme (self->project);
      char *message;

      if (scheme->doer_exactly_one)
        /* Translators: DACI; 'Person "Sato Hanako" drives or approves 12 of
         * 18 activities through their roles' */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s drives or approves %u of %u activity "
                                                "through their roles",
                                                "%s drives or approves %u of %u activities "
                                                "through their roles",
                                                self->n_applicable),
                                   subject, state->n_busy, self->n_applicable);
      else
        /* Translators: 'Person "Sato Hanako" is responsible or accountable
         * for 12 of 18 activities through their roles' */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s is responsible or accountable for %u of "
                                                "%u activity through their roles",
                                                "%s is responsible or accountable for %u of "
                                                "%u activities through their roles",
                                                self->n_applicable),
                                   subject, state->n_busy, self->n_applicable);

      _racimo_checks_add_finding (findings, state->item, RACIMO_CHECK_OVERLOADED_PERSON, message);
    }

  if (RACIMO_IS_ROLE (state->item)
      && racimo_project_get_n_people (self->project) > 0
      && state->n_cells > 0
      && racimo_role_get_n_members (RACIMO_ROLE (state->item)) == 0)
    _racimo_checks_add_finding (findings, state->item, RACIMO_CHECK_UNSTAFFED_ROLE,
                                /* Translators: 'Role "Auditor" holds codes but no one holds the role' */
                                g_strdup_printf (_("%s holds codes but no one holds the role"), subject));
}

/* A person's workload: the activities where one of their roles holds the
 * doer or owner code, each once. */

/* Whether a role of @person other than @except is busy on @activity. */
gboolean
_racimo_checks_person_busy_on (RacimoChecks   *self,
                               RacimoPerson   *person,
                               RacimoActivity *activity,
                               RacimoRole     *except)
{
  RacimoCodes busy = _racimo_checks_busy_mask (racimo_project_get_scheme (self->project));
  guint n_roles = racimo_project_get_n_roles (self->project);

  for (guint i = 0; i < n_roles; i++)
    {
      RacimoRole *role = racimo_project_get_role (self->project, i);

      if (role != except && racimo_role_index_of_member (role, person) >= 0
          && (racimo_activity_get_codes (activity, role) & busy) != 0)
        return TRUE;
    }

  return FALSE;
}

/* From scratch, after a change of the person's roles: one pass over the
 * activities with the person's roles at hand. */
void
_racimo_checks_count_person (RacimoChecks *self,
                             ItemState    *state)
{
  RacimoCodes busy = _racimo_checks_busy_mask (racimo_project_get_scheme (self->project));
  g_autoptr(GPtrArray) roles = racimo_project_dup_roles_of (self->project,
                                                            RACIMO_PERSON (state->item));
  guint n_phases = racimo_project_get_n_phases (self->project);

  state->n_busy = 0;
  if (roles->len == 0)
    return;

  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (self->project, p);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint a = 0; a < n; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          if (!racimo_workload_counts_activity (activity))
            continue;

          for (guint r = 0; r < roles->len; r++)
            if (racimo_activity_get_codes (activity, g_ptr_array_index (roles, r)) & busy)
              {
                state->n_busy++;
                break;
              }
        }
    }
}

/* An activity that starts or stops counting (added, removed, applicable
 * or not): the people busy on it gain or lose it. */
void
_racimo_checks_count_people (RacimoChecks   *self,
                             RacimoActivity *activity,
                             int             sign)
{
  guint n_people = racimo_project_get_n_people (self->project);

  for (guint i = 0; i < n_people; i++)
    {
      RacimoPerson *person = racimo_project_get_person (self->project, i);
      ItemState *state = g_hash_table_lookup (self->states, person);

      if (state != NULL && _racimo_checks_person_busy_on (self, person, activity, NULL))
        state->n_busy = (guint) ((int) state->n_busy + sign);
    }
}

GPtrArray *
_racimo_checks_copy_members (RacimoRole *role)
{
  GPtrArray *members = g_ptr_array_new ();

  for (guint i = 0; i < racimo_role_get_n_members (role); i++)
    g_ptr_array_add (members, racimo_role_get_member (role, i));

  return members;
}
