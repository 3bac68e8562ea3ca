/* racimo-checks.c: the findings of the checks on a project (docs/file-format.md, "Checks")
 *
 * The checks follow the project's signals and recompute only what an edit
 * can change: a cell edit re-checks its activity and its role (from
 * per-role counters kept up to date with the old and new codes), a rename
 * re-checks the names it can collide with, an activity added, removed or
 * moved re-checks its phase and the roles.  Changes of roles, phases and
 * the scheme recompute everything, which on 2,000 activities x 40 roles
 * takes about 5 ms.  Every change is compared with what was there
 * before, so "findings-changed" fires only for items whose findings did
 * change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-checks.h"
#include "racimo-model-private.h"
#include "racimo-workload.h"
#include "racimo-checks-private.h"

void
_racimo_checks_finding_free (gpointer data)
{
  RacimoFinding *finding = data;

  g_free (finding->message);
  g_free ((char *) finding->waiver_reason);
  g_free (finding);
}

static void
item_state_free (gpointer data)
{
  ItemState *state = data;

  g_clear_pointer (&state->findings, g_ptr_array_unref);
  g_clear_pointer (&state->members, g_ptr_array_unref);
  g_clear_object (&state->item);
  g_free (state);
}

static ItemState *
item_state_new (RacimoItem *item)
{
  ItemState *state = g_new0 (ItemState, 1);

  state->item = g_object_ref (item);
  if (RACIMO_IS_ACTIVITY (item))
    state->applicable = racimo_workload_counts_activity (RACIMO_ACTIVITY (item));

  return state;
}

G_DEFINE_FINAL_TYPE (RacimoChecks, racimo_checks, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_WAIVED,
  N_PROPS
};

enum {
  FINDINGS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Counts and emissions */

typedef struct
{
  guint n_errors;
  guint n_warnings;
  guint n_waived;
} Counts;

static void
count_findings (GPtrArray *findings,
                Counts    *counts,
                int        sign)
{
  if (findings == NULL)
    return;

  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);
      guint *counter;

      if (finding->waiver_reason != NULL)
        counter = &counts->n_waived;
      else if (racimo_check_get_severity (finding->check) == RACIMO_SEVERITY_ERROR)
        counter = &counts->n_errors;
      else
        counter = &counts->n_warnings;

      *counter = (guint) ((int) *counter + sign);
    }
}

static void
add_counts (RacimoChecks *self,
            GPtrArray    *findings,
            int           sign)
{
  Counts counts = { self->n_errors, self->n_warnings, self->n_waived };

  count_findings (findings, &counts, sign);
  self->n_errors = counts.n_errors;
  self->n_warnings = counts.n_warnings;
  self->n_waived = counts.n_waived;
}

static void
queue_changed (RacimoChecks *self,
               RacimoItem   *item)
{
  if (g_hash_table_add (self->pending_set, item))
    g_ptr_array_add (self->pending, g_object_ref (item));
}

/* Every handler of a project signal runs between begin() and end(), so
 * that listeners hear of changes only once every finding is up to date. */
static void
begin (RacimoChecks *self,
       Counts       *before)
{
  before->n_errors = self->n_errors;
  before->n_warnings = self->n_warnings;
  before->n_waived = self->n_waived;
}

static void
end (RacimoChecks *self,
     const Counts *before)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GObject) keep = g_object_ref (G_OBJECT (self));

  /* A listener may edit the project, which brings us back here with a
   * list of its own. */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->pending_set);

  for (guint i = 0; i < pending->len; i++)
    g_signal_emit (self, signals[FINDINGS_CHANGED], 0, g_ptr_array_index (pending, i));

  if (self->n_errors != before->n_errors)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  if (self->n_warnings != before->n_warnings)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
  if (self->n_waived != before->n_waived)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAIVED]);
}

/* Re-checks one item, and queues it when its findings changed. */
static void
refresh (RacimoChecks *self,
         ItemState    *state)
{
  g_autoptr(GPtrArray) findings = _racimo_checks_compute_findings (self, state);

  if (_racimo_checks_findings_equal (state->findings, findings))
    return;

  add_counts (self, state->findings, -1);
  add_counts (self, findings, +1);
  g_clear_pointer (&state->findings, g_ptr_array_unref);
  state->findings = g_steal_pointer (&findings);
  queue_changed (self, state->item);
}

static void
refresh_item (RacimoChecks *self,
              gpointer      item)
{
  ItemState *state = g_hash_table_lookup (self->states, item);

  if (state != NULL)
    refresh (self, state);
}

static void
refresh_people (RacimoChecks *self)
{
  guint n_people = racimo_project_get_n_people (self->project);

  for (guint i = 0; i < n_people; i++)
    refresh_item (self, racimo_project_get_person (self->project, i));
}

static void
refresh_roles (RacimoChecks *self)
{
  guint n_roles = racimo_project_get_n_roles (self->project);

  for (guint i = 0; i < n_roles; i++)
    refresh_item (self, racimo_project_get_role (self->project, i));

  /* The share of activities in overloaded-person changes with theirs. */
  refresh_people (self);
}

/* Duplicate names */

/* Sets dup_count of every item of a group: the roles, or the activities of
 * one phase. */
static void
count_duplicates (GHashTable  *states,
                  RacimoItem **items,
                  guint        n_items)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char **names = g_new0 (char *, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      const char *name = racimo_item_get_name (items[i]);
      gpointer count;

      if (_racimo_checks_name_is_empty (name))
        continue;

      names[i] = _racimo_checks_dup_trimmed (name);
      count = g_hash_table_lookup (counts, names[i]);
      g_hash_table_insert (counts, g_strdup (names[i]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }

  for (guint i = 0; i < n_items; i++)
    {
      ItemState *state = g_hash_table_lookup (states, items[i]);

      if (state != NULL)
        state->dup_count = names[i] != NULL
          ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[i]))
          : 0;
      g_free (names[i]);
    }
}

static void
count_role_duplicates (RacimoChecks *self,
                       GHashTable   *states)
{
  guint n = racimo_project_get_n_roles (self->project);
  g_autofree RacimoItem **items = g_new (RacimoItem *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    items[i] = RACIMO_ITEM (racimo_project_get_role (self->project, i));

  count_duplicates (states, items, n);
}

static void
count_phase_duplicates (GHashTable  *states,
                        RacimoPhase *phase)
{
  guint n = racimo_phase_get_n_activities (phase);
  g_autofree RacimoItem **items = g_new (RacimoItem *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    items[i] = RACIMO_ITEM (racimo_phase_get_activity (phase, i));

  count_duplicates (states, items, n);
}

/* Names and positions of a phase's activities show in their messages:
 * re-checks every activity of @phase. */
static void
refresh_phase_activities (RacimoChecks *self,
                          RacimoPhase  *phase)
{
  guint n = racimo_phase_get_n_activities (phase);

  count_phase_duplicates (self->states, phase);

  for (guint i = 0; i < n; i++)
    refresh_item (self, racimo_phase_get_activity (phase, i));
}

/* Per-role counters, from the cells of one activity. */
static void
count_cells (RacimoChecks   *self,
             GHashTable     *states,
             RacimoActivity *activity,
             gboolean        applicable,
             int             sign)
{
  RacimoCodes busy = _racimo_checks_busy_mask (racimo_project_get_scheme (self->project));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, _racimo_activity_get_cells (activity));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ItemState *role_state = g_hash_table_lookup (states, key);
      RacimoCodes codes = GPOINTER_TO_UINT (value);

      if (role_state == NULL || codes == 0)
        continue;

      role_state->n_cells = (guint) ((int) role_state->n_cells + sign);
      if (applicable && (codes & busy) != 0)
        role_state->n_busy = (guint) ((int) role_state->n_busy + sign);
    }
}

/* Everything from scratch */

static void
add_state (GHashTable *states,
           gpointer    item)
{
  g_hash_table_insert (states, item, item_state_new (item));
}

static void
recompute_all (RacimoChecks *self)
{
  g_autoptr(GHashTable) old_states = g_steal_pointer (&self->states);
  guint n_roles = racimo_project_get_n_roles (self->project);
  guint n_phases = racimo_project_get_n_phases (self->project);
  GHashTableIter iter;
  gpointer key, value;

  self->states = g_hash_table_new_full (NULL, NULL, NULL, item_state_free);
  self->n_applicable = 0;
  self->n_errors = self->n_warnings = self->n_waived = 0;

  for (guint i = 0; i < n_roles; i++)
    {
      RacimoRole *role = racimo_project_get_role (self->project, i);

      add_state (self->states, role);
      ((ItemState *) g_hash_table_lookup (self->states, role))->members = _racimo_checks_copy_members (role);
    }
  count_role_duplicates (self, self->states);

  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (self->project, p);
      guint n = racimo_phase_get_n_activities (phase);

      add_state (self->states, phase);

      for (guint i = 0; i < n; i++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, i);
          gboolean applicable = racimo_workload_counts_activity (activity);

          add_state (self->states, activity);
          if (applicable)
            self->n_applicable++;
          count_cells (self, self->states, activity, applicable, +1);
        }

      count_phase_duplicates (self->states, phase);
    }

  for (guint i = 0; i < racimo_project_get_n_people (self->project); i++)
    {
      RacimoPerson *person = racimo_project_get_person (self->project, i);

      add_state (self->states, person);
      _racimo_checks_count_person (self, g_hash_table_lookup (self->states, person));
    }

  g_hash_table_iter_init (&iter, self->states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ItemState *state = value;
      ItemState *old_state = old_states != NULL ? g_hash_table_lookup (old_states, key) : NULL;

      state->findings = _racimo_checks_compute_findings (self, state);
      add_counts (self, state->findings, +1);

      if (!_racimo_checks_findings_equal (old_state != NULL ? old_state->findings : NULL, state->findings))
        queue_changed (self, state->item);
    }

  /* Items that left the project lose their findings. */
  if (old_states != NULL)
    {
      g_hash_table_iter_init (&iter, old_states);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ItemState *old_state = value;

          if (!g_hash_table_contains (self->states, key) &&
              old_state->findings != NULL && old_state->findings->len > 0)
            queue_changed (self, old_state->item);
        }
    }
}

/* Signal handlers */

static void
on_cell_changed (RacimoProject  *project,
                 RacimoActivity *activity,
                 RacimoRole     *role,
                 guint           old_codes,
                 guint           new_codes,
                 RacimoChecks   *self)
{
  ItemState *activity_state = g_hash_table_lookup (self->states, activity);
  ItemState *role_state = g_hash_table_lookup (self->states, role);
  RacimoCodes busy = _racimo_checks_busy_mask (racimo_project_get_scheme (project));
  Counts before;

  begin (self, &before);

  /* Cells of activities outside the project are counted when they come
   * back. */
  if (activity_state != NULL && role_state != NULL)
    {
      int change = ((new_codes & busy) != 0) - ((old_codes & busy) != 0);

      role_state->n_cells += (new_codes != 0) - (old_codes != 0);
      if (activity_state->applicable)
        role_state->n_busy += change;

      /* Only the role's members, and only when no other role of theirs
       * is busy on the activity. */
      if (activity_state->applicable && change != 0)
        for (guint i = 0; i < racimo_role_get_n_members (role); i++)
          {
            RacimoPerson *person = racimo_role_get_member (role, i);
            ItemState *person_state = g_hash_table_lookup (self->states, person);

            if (person_state == NULL || _racimo_checks_person_busy_on (self, person, activity, role))
              continue;

            person_state->n_busy = (guint) ((int) person_state->n_busy + change);
            refresh (self, person_state);
          }
    }

  if (activity_state != NULL)
    refresh (self, activity_state);
  if (role_state != NULL)
    refresh (self, role_state);

  end (self, &before);
}

static void
refresh_owner_lists (RacimoChecks *self,
                     RacimoRole   *role)
{
  RacimoCodes owner = _racimo_checks_code_bit (racimo_project_get_scheme (self->project)->owner);
  GHashTableIter iter;
  gpointer key, value;

  /* An activity with several owners has a finding, so those without any
   * are skipped.  refresh() changes values only, which iterating allows. */
  g_hash_table_iter_init (&iter, self->states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ItemState *state = value;

      if (RACIMO_IS_ACTIVITY (key) && state->findings != NULL &&
          (racimo_activity_get_codes (RACIMO_ACTIVITY (key), role) & owner) != 0)
        refresh (self, state);
    }
}

static void
on_renamed (RacimoChecks *self,
            RacimoItem   *item)
{
  if (RACIMO_IS_ROLE (item))
    {
      count_role_duplicates (self, self->states);
      refresh_roles (self);
      /* Lists of several owners name the role. */
      refresh_owner_lists (self, RACIMO_ROLE (item));
    }
  else if (RACIMO_IS_PHASE (item))
    {
      refresh_item (self, item);
      refresh_phase_activities (self, RACIMO_PHASE (item));
    }
  else if (RACIMO_IS_ACTIVITY (item))
    {
      RacimoPhase *phase = racimo_activity_get_phase (RACIMO_ACTIVITY (item));

      if (phase != NULL)
        refresh_phase_activities (self, phase);
    }
}

static void
on_applicable_changed (RacimoChecks   *self,
                       RacimoActivity *activity)
{
  ItemState *state = g_hash_table_lookup (self->states, activity);
  gboolean applicable = racimo_workload_counts_activity (activity);

  if (state == NULL)
    return;

  if (state->applicable != applicable)
    {
      RacimoCodes busy = _racimo_checks_busy_mask (racimo_project_get_scheme (self->project));
      GHashTableIter iter;
      gpointer key, value;

      state->applicable = applicable;
      self->n_applicable += applicable ? 1 : -1;

      g_hash_table_iter_init (&iter, _racimo_activity_get_cells (activity));
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ItemState *role_state = g_hash_table_lookup (self->states, key);

          if (role_state != NULL && (GPOINTER_TO_UINT (value) & busy) != 0)
            role_state->n_busy += applicable ? 1 : -1;
        }
      _racimo_checks_count_people (self, activity, applicable ? 1 : -1);

      /* The share of activities in overloaded-role changed for every role. */
      refresh_roles (self);
    }

  refresh (self, state);
}

/* The members of @role changed: the people who came or went are counted
 * again, and the role is checked again. */
static void
on_members_changed (RacimoChecks *self,
                    RacimoRole   *role)
{
  ItemState *state = g_hash_table_lookup (self->states, role);
  g_autoptr(GPtrArray) members = NULL;

  if (state == NULL)
    return;

  members = _racimo_checks_copy_members (role);
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *from = pass == 0 ? state->members : members;
      GPtrArray *to = pass == 0 ? members : state->members;

      for (guint i = 0; i < from->len; i++)
        {
          ItemState *person_state = g_hash_table_lookup (self->states,
                                                         g_ptr_array_index (from, i));

          if (person_state == NULL || g_ptr_array_find (to, person_state->item, NULL))
            continue;

          _racimo_checks_count_person (self, person_state);
          refresh (self, person_state);
        }
    }

  g_ptr_array_unref (state->members);
  state->members = g_steal_pointer (&members);
  refresh (self, state);
}

static void
on_item_changed (RacimoProject *project,
                 RacimoItem    *item,
                 guint          change,
                 RacimoChecks  *self)
{
  Counts before;

  begin (self, &before);

  switch ((RacimoChange) change)
    {
    case RACIMO_CHANGE_NAME:
      on_renamed (self, item);
      break;
    case RACIMO_CHANGE_APPLICABLE:
      on_applicable_changed (self, RACIMO_ACTIVITY (item));
      break;
    case RACIMO_CHANGE_WAIVERS:
      refresh_item (self, item);
      break;
    case RACIMO_CHANGE_PERSON:
      on_members_changed (self, RACIMO_ROLE (item));
      break;
    case RACIMO_CHANGE_ABBREV:
    case RACIMO_CHANGE_EMAIL:
    case RACIMO_CHANGE_DESCRIPTION:
    default:
      break;
    }

  end (self, &before);
}

static void
on_person_added (RacimoProject *project,
                 RacimoPerson  *person,
                 RacimoChecks  *self)
{
  ItemState *state = item_state_new (RACIMO_ITEM (person));
  Counts before;

  begin (self, &before);

  g_hash_table_insert (self->states, person, state);
  _racimo_checks_count_person (self, state);
  /* Unnamed people are named by their position. */
  refresh_people (self);
  /* The first person makes unstaffed roles a finding. */
  if (racimo_project_get_n_people (project) == 1)
    refresh_roles (self);

  end (self, &before);
}

static void
on_person_removed (RacimoProject *project,
                   RacimoPerson  *person,
                   guint          position,
                   RacimoChecks  *self)
{
  ItemState *state = g_hash_table_lookup (self->states, person);
  Counts before;

  if (state == NULL)
    return;

  begin (self, &before);

  if (state->findings != NULL && state->findings->len > 0)
    {
      add_counts (self, state->findings, -1);
      queue_changed (self, state->item);
    }
  g_hash_table_remove (self->states, person);
  /* Unnamed people are named by their position; with no one left, no
   * role is unstaffed. */
  refresh_people (self);
  if (racimo_project_get_n_people (project) == 0)
    refresh_roles (self);

  end (self, &before);
}

static void
on_person_moved (RacimoProject *project,
                 RacimoPerson  *person,
                 guint          old_position,
                 RacimoChecks  *self)
{
  Counts before;

  begin (self, &before);
  refresh_people (self);
  end (self, &before);
}

static void
on_person_changed (RacimoProject *project,
                   RacimoPerson  *person,
                   guint          change,
                   RacimoChecks  *self)
{
  Counts before;

  begin (self, &before);
  refresh_item (self, person);
  end (self, &before);
}

static void
on_conflicts_changed (RacimoProject *project,
                      RacimoItem    *item,
                      RacimoChecks  *self)
{
  Counts before;

  if (item == NULL)
    return;

  begin (self, &before);
  refresh_item (self, item);
  end (self, &before);
}

static void
activity_added (RacimoChecks   *self,
                RacimoActivity *activity)
{
  ItemState *state = item_state_new (RACIMO_ITEM (activity));

  g_hash_table_insert (self->states, activity, state);
  if (state->applicable)
    {
      self->n_applicable++;
      _racimo_checks_count_people (self, activity, +1);
    }
  count_cells (self, self->states, activity, state->applicable, +1);

  refresh_phase_activities (self, racimo_activity_get_phase (activity));
  refresh_roles (self);
}

static void
activity_removed (RacimoChecks   *self,
                  RacimoActivity *activity,
                  RacimoPhase    *phase)
{
  ItemState *state = g_hash_table_lookup (self->states, activity);

  if (state == NULL)
    return;

  if (RACIMO_ITEM (activity) == self->held)
    self->held = NULL;
  if (state->applicable)
    {
      self->n_applicable--;
      _racimo_checks_count_people (self, activity, -1);
    }
  count_cells (self, self->states, activity, state->applicable, -1);

  if (state->findings != NULL && state->findings->len > 0)
    {
      add_counts (self, state->findings, -1);
      queue_changed (self, state->item);
    }
  g_hash_table_remove (self->states, activity);

  if (phase != NULL && g_hash_table_contains (self->states, phase))
    refresh_phase_activities (self, phase);
  refresh_roles (self);
}

static void
on_item_added (RacimoProject *project,
               RacimoItem    *item,
               RacimoChecks  *self)
{
  Counts before;

  begin (self, &before);

  if (RACIMO_IS_ACTIVITY (item))
    activity_added (self, RACIMO_ACTIVITY (item));
  else
    /* A role changes the labels of the roles after it and brings back its
     * codes; a phase changes what counts as unnamed and brings back its
     * activities: both touch much of the matrix. */
    recompute_all (self);

  end (self, &before);
}

static void
on_item_removed (RacimoProject *project,
                 RacimoItem    *item,
                 RacimoItem    *parent,
                 guint          position,
                 RacimoChecks  *self)
{
  Counts before;

  begin (self, &before);

  if (RACIMO_IS_ACTIVITY (item))
    activity_removed (self, RACIMO_ACTIVITY (item), RACIMO_PHASE (parent));
  else
    recompute_all (self);

  end (self, &before);
}

static void
on_item_moved (RacimoProject *project,
               RacimoItem    *item,
               RacimoItem    *old_parent,
               guint          old_position,
               RacimoChecks  *self)
{
  Counts before;

  begin (self, &before);

  if (RACIMO_IS_ACTIVITY (item))
    {
      RacimoPhase *phase = racimo_activity_get_phase (RACIMO_ACTIVITY (item));

      if (old_parent != NULL && old_parent != RACIMO_ITEM (phase))
        refresh_phase_activities (self, RACIMO_PHASE (old_parent));
      refresh_phase_activities (self, phase);
    }
  else
    {
      /* Positions name unnamed roles and phases, and lists of owners
       * follow the role order. */
      recompute_all (self);
    }

  end (self, &before);
}

static void
on_scheme_changed (RacimoProject *project,
                   GParamSpec    *pspec,
                   RacimoChecks  *self)
{
  Counts before;

  begin (self, &before);
  recompute_all (self);
  end (self, &before);
}

/**
 * racimo_checks_hold:
 * @item: (nullable): an activity of the project, or %NULL
 *
 * Leaves out the findings of @item, an activity the user is creating, until
 * it is held no more: a row being created is not a problem yet.  Holding
 * another item, or %NULL, brings back the findings of the one held before.
 */
void
racimo_checks_hold (RacimoChecks *self,
                    RacimoItem   *item)
{
  RacimoItem *old;
  Counts before;

  g_return_if_fail (RACIMO_IS_CHECKS (self));
  g_return_if_fail (item == NULL || RACIMO_IS_ACTIVITY (item));

  if (item == self->held)
    return;

  begin (self, &before);
  old = self->held;
  self->held = item;
  if (old != NULL)
    refresh_item (self, old);
  if (item != NULL)
    refresh_item (self, item);
  end (self, &before);
}

/**
 * racimo_checks_get_held:
 *
 * Returns: (nullable) (transfer none): the activity held by
 *   racimo_checks_hold (), if any
 */
RacimoItem *
racimo_checks_get_held (RacimoChecks *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS (self), NULL);

  return self->held;
}

/* GObject */

static void
racimo_checks_constructed (GObject *object)
{
  RacimoChecks *self = RACIMO_CHECKS (object);

  G_OBJECT_CLASS (racimo_checks_parent_class)->constructed (object);

  g_assert (RACIMO_IS_PROJECT (self->project));

  recompute_all (self);
  /* Nobody listens yet. */
  g_ptr_array_set_size (self->pending, 0);
  g_hash_table_remove_all (self->pending_set);

  g_signal_connect (self->project, "cell-changed", G_CALLBACK (on_cell_changed), self);
  g_signal_connect (self->project, "item-changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect (self->project, "item-added", G_CALLBACK (on_item_added), self);
  g_signal_connect (self->project, "item-removed", G_CALLBACK (on_item_removed), self);
  g_signal_connect (self->project, "item-moved", G_CALLBACK (on_item_moved), self);
  g_signal_connect (self->project, "notify::scheme", G_CALLBACK (on_scheme_changed), self);
  g_signal_connect (self->project, "person-added", G_CALLBACK (on_person_added), self);
  g_signal_connect (self->project, "person-removed", G_CALLBACK (on_person_removed), self);
  g_signal_connect (self->project, "person-moved", G_CALLBACK (on_person_moved), self);
  g_signal_connect (self->project, "person-changed", G_CALLBACK (on_person_changed), self);
  g_signal_connect (self->project, "conflicts-changed", G_CALLBACK (on_conflicts_changed), self);
}

static void
racimo_checks_dispose (GObject *object)
{
  RacimoChecks *self = RACIMO_CHECKS (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->states, g_hash_table_unref);
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);
  if (self->pending_set != NULL)
    g_hash_table_remove_all (self->pending_set);

  G_OBJECT_CLASS (racimo_checks_parent_class)->dispose (object);
}

static void
racimo_checks_finalize (GObject *object)
{
  RacimoChecks *self = RACIMO_CHECKS (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_set, g_hash_table_unref);

  G_OBJECT_CLASS (racimo_checks_parent_class)->finalize (object);
}

static void
racimo_checks_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RacimoChecks *self = RACIMO_CHECKS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_N_WAIVED:
      g_value_set_uint (value, self->n_waived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_checks_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RacimoChecks *self = RACIMO_CHECKS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_checks_class_init (RacimoChecksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = racimo_checks_constructed;
  object_class->dispose = racimo_checks_dispose;
  object_class->finalize = racimo_checks_finalize;
  object_class->get_property = racimo_checks_get_property;
  object_class->set_property = racimo_checks_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RACIMO_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_WAIVED] =
    g_param_spec_uint ("n-waived", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RacimoChecks::findings-changed:
   * @item: the role, phase or activity whose findings changed, possibly
   *   one that has just left the project
   *
   * Emitted once per item whose findings changed, after every finding is
   * up to date.
   */
  signals[FINDINGS_CHANGED] =
    g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RACIMO_TYPE_ITEM);
}

static void
racimo_checks_init (RacimoChecks *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_set = g_hash_table_new (NULL, NULL);
}

/**
 * racimo_checks_new:
 * @project: the project to check
 *
 * Checks @project and follows its changes.
 *
 * Returns: (transfer full): the checks
 */
RacimoChecks *
racimo_checks_new (RacimoProject *project)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  return g_object_new (RACIMO_TYPE_CHECKS, "project", project, NULL);
}

/**
 * racimo_checks_get_project:
 *
 * Returns: (transfer none): the project being checked
 */
RacimoProject *
racimo_checks_get_project (RacimoChecks *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS (self), NULL);

  return self->project;
}

/**
 * racimo_checks_get_n_errors:
 *
 * Returns: the number of error findings that are not waived
 */
guint
racimo_checks_get_n_errors (RacimoChecks *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS (self), 0);

  return self->n_errors;
}

/**
 * racimo_checks_get_n_warnings:
 *
 * Returns: the number of warning findings that are not waived
 */
guint
racimo_checks_get_n_warnings (RacimoChecks *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS (self), 0);

  return self->n_warnings;
}

/**
 * racimo_checks_get_n_waived:
 *
 * Returns: the number of waived findings, errors and warnings alike
 */
guint
racimo_checks_get_n_waived (RacimoChecks *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS (self), 0);

  return self->n_waived;
}

/**
 * racimo_checks_get_item_findings:
 * @item: a role, phase or activity of the project
 *
 * Returns: (transfer none) (nullable) (element-type RacimoFinding): the
 *   findings on @item in the order of the check table (docs/file-format.md, "Checks"), waived ones
 *   included; %NULL or empty when there are none.  Valid until the project
 *   changes.
 */
GPtrArray *
racimo_checks_get_item_findings (RacimoChecks *self,
                                 RacimoItem   *item)
{
  ItemState *state;

  g_return_val_if_fail (RACIMO_IS_CHECKS (self), NULL);
  g_return_val_if_fail (RACIMO_IS_ITEM (item), NULL);

  if (self->states == NULL)
    return NULL;

  state = g_hash_table_lookup (self->states, item);

  return state != NULL ? state->findings : NULL;
}

/**
 * racimo_checks_item_has:
 *
 * Tells whether @item has a finding of @check that is not waived: what the
 * grid and the printout highlight.
 *
 * Returns: %TRUE when it has
 */
gboolean
racimo_checks_item_has (RacimoChecks *self,
                        RacimoItem   *item,
                        RacimoCheck   check)
{
  GPtrArray *findings;

  g_return_val_if_fail (RACIMO_IS_CHECKS (self), FALSE);
  g_return_val_if_fail (RACIMO_IS_ITEM (item), FALSE);
  g_return_val_if_fail (check < RACIMO_N_CHECKS, FALSE);

  findings = racimo_checks_get_item_findings (self, item);
  if (findings == NULL)
    return FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);

      if (finding->check == check && finding->waiver_reason == NULL)
        return TRUE;
    }

  return FALSE;
}

static void
append_findings (RacimoChecks *self,
                 GPtrArray    *all,
                 gpointer      item)
{
  GPtrArray *findings = racimo_checks_get_item_findings (self, item);

  if (findings != NULL)
    for (guint i = 0; i < findings->len; i++)
      g_ptr_array_add (all, g_ptr_array_index (findings, i));
}

/**
 * racimo_checks_list_findings:
 *
 * Lists every finding in document order: the people, the roles in column order, then
 * each phase followed by its activities, and each item's findings in the
 * order of the check table (docs/file-format.md, "Checks").
 *
 * Returns: (transfer container) (element-type RacimoFinding): the findings,
 *   waived ones included; valid until the project changes
 */
GPtrArray *
racimo_checks_list_findings (RacimoChecks *self)
{
  GPtrArray *all;
  guint n_roles, n_phases;

  g_return_val_if_fail (RACIMO_IS_CHECKS (self), NULL);

  all = g_ptr_array_new ();
  if (self->project == NULL)
    return all;

  for (guint i = 0; i < racimo_project_get_n_people (self->project); i++)
    append_findings (self, all, racimo_project_get_person (self->project, i));

  n_roles = racimo_project_get_n_roles (self->project);
  for (guint i = 0; i < n_roles; i++)
    append_findings (self, all, racimo_project_get_role (self->project, i));

  n_phases = racimo_project_get_n_phases (self->project);
  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (self->project, p);
      guint n = racimo_phase_get_n_activities (phase);

      append_findings (self, all, phase);
      for (guint i = 0; i < n; i++)
        append_findings (self, all, racimo_phase_get_activity (phase, i));
    }

  return all;
}
