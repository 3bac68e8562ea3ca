/* racimo-random-edit.c: random edits of a project, through its history
 *
 * Every kind of edit a user can make, with g_test_rand_*: the checks'
 * incremental findings and the merge's properties are tested with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-random-edit.h"

static const char *const names[] = {
  "", " ", "Deploy", "Deploy ", "deploy", "Train", "Data scientist", "ML engineer", "Ops",
};

static const char *const waiver_checks[] = {
  "no-owner", "many-owners", "no-doer", "idle-role", "overloaded-role", "unnamed",
  "duplicate-name", "unknown-code", "merge-conflict", "overloaded-person", "unstaffed-role",
};

const char *
racimo_random_name (void)
{
  return names[g_test_rand_int_range (0, G_N_ELEMENTS (names))];
}

static RacimoPhase *
random_phase (RacimoProject *project)
{
  guint n = racimo_project_get_n_phases (project);

  return n > 0 ? racimo_project_get_phase (project, (guint) g_test_rand_int_range (0, (int) n))
               : NULL;
}

static RacimoRole *
random_role (RacimoProject *project)
{
  guint n = racimo_project_get_n_roles (project);

  return n > 0 ? racimo_project_get_role (project, (guint) g_test_rand_int_range (0, (int) n))
               : NULL;
}

static RacimoPerson *
random_person (RacimoProject *project)
{
  guint n = racimo_project_get_n_people (project);

  return n > 0 ? racimo_project_get_person (project, (guint) g_test_rand_int_range (0, (int) n))
               : NULL;
}

static RacimoActivity *
random_activity (RacimoProject *project)
{
  RacimoPhase *phase = random_phase (project);
  guint n;

  if (phase == NULL)
    return NULL;

  n = racimo_phase_get_n_activities (phase);
  return n > 0 ? racimo_phase_get_activity (phase, (guint) g_test_rand_int_range (0, (int) n))
               : NULL;
}

static RacimoItem *
random_item (RacimoProject *project)
{
  switch (g_test_rand_int_range (0, 4))
    {
    case 3:
      return RACIMO_ITEM (random_person (project));
    case 0:
      return RACIMO_ITEM (random_role (project));
    case 1:
      return RACIMO_ITEM (random_phase (project));
    default:
      return RACIMO_ITEM (random_activity (project));
    }
}

RacimoCodes
racimo_random_codes (void)
{
  static const char letters[] = "RRRAAACCIIDSVOX";
  RacimoCodes codes = 0;
  int n = g_test_rand_int_range (0, 3);

  for (int i = 0; i < n; i++)
    codes |= RACIMO_CODE_BIT (letters[g_test_rand_int_range (0, sizeof letters - 1)]);

  return codes;
}

void
racimo_random_edit (RacimoProject *project)
{
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoRole *role = random_role (project);
  RacimoPhase *phase = random_phase (project);
  RacimoActivity *activity = random_activity (project);
  RacimoItem *item = random_item (project);
  RacimoPerson *person = random_person (project);
  RacimoPerson *other = random_person (project);
  guint n_roles = racimo_project_get_n_roles (project);
  guint n_phases = racimo_project_get_n_phases (project);
  guint n_people = racimo_project_get_n_people (project);

  switch (g_test_rand_int_range (0, 36))
    {
    case 28:
      if (n_people < 4)
        racimo_project_add_person (project, g_test_rand_int_range (-1, (int) n_people + 1),
                                   racimo_random_name (), NULL);
      break;
    case 29:
      if (person != NULL && g_test_rand_bit ())
        racimo_project_remove_person (project, person);
      break;
    case 30:
    case 31:
      if (person != NULL && role != NULL)
        racimo_project_add_member (project, role, person);
      break;
    case 32:
      if (person != NULL && role != NULL)
        racimo_project_remove_member (project, role, person);
      break;
    case 33:
      if (person != NULL && other != NULL && person != other && g_test_rand_bit ())
        racimo_project_merge_people (project, person, other);
      else if (person != NULL)
        racimo_project_move_person (project, person,
                                    (guint) g_test_rand_int_range (0, (int) n_people));
      break;
    case 34:
      if (item != NULL && racimo_item_get_n_conflicts (item) > 0)
        racimo_project_resolve_conflict (project, item, 0);
      break;
    case 35:
      if (role != NULL)
        racimo_project_set_role_person (project, role, g_test_rand_bit () ? racimo_random_name () : NULL);
      break;
    case 0:
      if (n_roles < 6)
        racimo_project_add_role (project, g_test_rand_int_range (-1, (int) n_roles + 1),
                                 racimo_random_name (), NULL);
      break;
    case 1:
      if (role != NULL && g_test_rand_bit ())
        racimo_project_remove_role (project, role);
      break;
    case 2:
      if (role != NULL)
        racimo_project_move_role (project, role,
                                  (guint) g_test_rand_int_range (0, (int) n_roles));
      break;
    case 3:
      if (n_phases < 5)
        racimo_project_add_phase (project, g_test_rand_int_range (-1, (int) n_phases + 1),
                                  racimo_random_name ());
      break;
    case 4:
      if (phase != NULL && g_test_rand_int_range (0, 4) == 0)
        racimo_project_remove_phase (project, phase);
      break;
    case 5:
      if (phase != NULL)
        racimo_project_move_phase (project, phase,
                                   (guint) g_test_rand_int_range (0, (int) n_phases));
      break;
    case 6:
    case 7:
      if (phase != NULL && racimo_project_get_n_activities (project) < 16)
        {
          int n = (int) racimo_phase_get_n_activities (phase);

          racimo_project_add_activity (project, phase, g_test_rand_int_range (-1, n + 1),
                                       racimo_random_name ());
        }
      break;
    case 8:
      if (activity != NULL)
        racimo_project_remove_activity (project, activity);
      break;
    case 9:
      if (activity != NULL && phase != NULL)
        {
          guint n = racimo_phase_get_n_activities (phase);

          if (racimo_activity_get_phase (activity) == phase)
            n--;
          racimo_project_move_activity (project, activity, phase,
                                        (guint) g_test_rand_int_range (0, (int) n + 1));
        }
      break;
    case 10:
      if (activity != NULL)
        racimo_project_set_applicable (project, activity, g_test_rand_int_range (0, 4) != 0);
      break;
    case 11:
      if (item != NULL)
        racimo_project_rename (project, item, racimo_random_name ());
      break;
    case 12:
    case 13:
    case 14:
    case 15:
      if (activity != NULL && role != NULL)
        racimo_project_set_codes (project, activity, role, racimo_random_codes ());
      break;
    case 16:
    case 17:
    case 18:
    case 19:
      if (activity != NULL && role != NULL)
        racimo_project_toggle_code (project, activity, role,
                                    "RAAC"[g_test_rand_int_range (0, 4)]);
      break;
    case 20:
      if (item != NULL)
        {
          int check = g_test_rand_int_range (0, G_N_ELEMENTS (waiver_checks));

          racimo_project_set_waiver (project, item, waiver_checks[check],
                                     g_test_rand_bit () ? "Accepted." : NULL);
        }
      break;
    case 21:
      if (g_test_rand_int_range (0, 4) == 0)
        {
          int n = g_test_rand_int_range (0, (int) racimo_scheme_get_n_schemes ());

          racimo_project_set_scheme (project, racimo_scheme_get_nth ((guint) n)->id);
        }
      break;
    case 24:
    case 25:
      /* One undoable step that makes a role busy across a phase, so that
       * overloaded-role comes and goes. */
      if (phase != NULL && role != NULL)
        {
          RacimoCodes code = g_test_rand_bit () ? RACIMO_CODE_BIT ('R') : RACIMO_CODE_BIT ('A');

          racimo_history_begin (history, "Fill");
          for (guint i = 0; i < racimo_phase_get_n_activities (phase); i++)
            {
              RacimoActivity *each = racimo_phase_get_activity (phase, i);

              racimo_project_set_codes (project, each, role,
                                        racimo_activity_get_codes (each, role) | code);
            }
          racimo_history_end (history);
        }
      break;
    case 22:
    case 23:
      racimo_history_undo (history);
      break;
    default:
      racimo_history_redo (history);
      break;
    }
}

