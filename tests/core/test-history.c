/* test-history.c: undo, redo, steps and the modified state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-project.h"
#include "racimo-test.h"

#define BIT RACIMO_CODE_BIT

typedef struct
{
  RacimoProject  *project;
  RacimoHistory  *history;
  RacimoRole     *role;
  RacimoPhase    *phase;
  RacimoActivity *activity;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = racimo_project_new ();
  f->history = racimo_project_get_history (f->project);
  f->role = racimo_project_add_role (f->project, -1, "MLOps engineer", "MLOps");
  f->phase = racimo_project_add_phase (f->project, -1, "MLOps");
  f->activity = racimo_project_add_activity (f->project, f->phase, -1, "Retraining pipeline");
  racimo_history_clear (f->history);
  racimo_history_mark_saved (f->history);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
}

static void
test_history_undo_redo (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_false (racimo_history_get_can_undo (f->history));
  g_assert_false (racimo_history_get_can_redo (f->history));
  g_assert_null (racimo_history_get_undo_label (f->history));
  g_assert_false (racimo_history_undo (f->history));

  racimo_project_toggle_code (f->project, f->activity, f->role, 'A');
  g_assert_true (racimo_history_get_can_undo (f->history));
  g_assert_cmpstr (racimo_history_get_undo_label (f->history), ==, "Set Code");
  g_assert_true (racimo_history_get_modified (f->history));

  racimo_project_rename (f->project, RACIMO_ITEM (f->activity), "Retrain");
  g_assert_cmpstr (racimo_history_get_undo_label (f->history), ==, "Rename Activity");

  g_assert_true (racimo_history_undo (f->history));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (f->activity)), ==, "Retraining pipeline");
  g_assert_cmpstr (racimo_history_get_redo_label (f->history), ==, "Rename Activity");
  g_assert_true (racimo_history_undo (f->history));
  g_assert_cmpuint (racimo_activity_get_codes (f->activity, f->role), ==, 0);
  g_assert_false (racimo_history_get_modified (f->history));
  g_assert_false (racimo_history_get_can_undo (f->history));

  g_assert_true (racimo_history_redo (f->history));
  g_assert_true (racimo_history_redo (f->history));
  g_assert_false (racimo_history_redo (f->history));
  g_assert_cmpuint (racimo_activity_get_codes (f->activity, f->role), ==, BIT ('A'));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (f->activity)), ==, "Retrain");
}

static void
test_history_unlimited (Fixture       *f,
                        gconstpointer  data)
{
  const guint n = 10000;

  for (guint i = 0; i < n; i++)
    racimo_project_toggle_code (f->project, f->activity, f->role, (char) ('A' + i % 26));

  for (guint i = 0; i < n; i++)
    g_assert_true (racimo_history_undo (f->history));

  g_assert_false (racimo_history_get_can_undo (f->history));
  g_assert_cmpuint (racimo_activity_get_codes (f->activity, f->role), ==, 0);
  g_assert_false (racimo_history_get_modified (f->history));
}

static void
test_history_steps (Fixture       *f,
                    gconstpointer  data)
{
  RacimoActivity *added;

  /* "Add activity" with its codes is one step. */
  racimo_history_begin (f->history, "Add Activity");
  added = racimo_project_add_activity (f->project, f->phase, -1, "Monitoring");
  racimo_history_begin (f->history, NULL); /* nested: part of the outer step */
  racimo_project_toggle_code (f->project, added, f->role, 'A');
  racimo_project_toggle_code (f->project, added, f->role, 'R');
  racimo_history_end (f->history);
  racimo_history_end (f->history);

  g_assert_cmpuint (racimo_project_get_n_activities (f->project), ==, 2);
  g_assert_cmpstr (racimo_history_get_undo_label (f->history), ==, "Add Activity");

  g_assert_true (racimo_history_undo (f->history));
  g_assert_cmpuint (racimo_project_get_n_activities (f->project), ==, 1);
  g_assert_false (racimo_history_get_can_undo (f->history));
  g_assert_false (racimo_history_get_modified (f->history));

  g_assert_true (racimo_history_redo (f->history));
  g_assert_cmpuint (racimo_project_get_n_activities (f->project), ==, 2);
  g_assert_cmpuint (racimo_activity_get_codes (added, f->role), ==, BIT ('A') | BIT ('R'));

  /* A step with no edit leaves no trace; a NULL label takes the first edit's. */
  racimo_history_begin (f->history, NULL);
  racimo_history_end (f->history);
  g_assert_cmpstr (racimo_history_get_undo_label (f->history), ==, "Add Activity");
  racimo_history_begin (f->history, NULL);
  racimo_project_set_applicable (f->project, added, FALSE);
  racimo_history_end (f->history);
  g_assert_cmpstr (racimo_history_get_undo_label (f->history), ==, "Mark Not Applicable");
}

static void
test_history_modified (Fixture       *f,
                       gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->history, "notify::modified", G_CALLBACK (racimo_test_count_notify),
                    &notified);

  racimo_project_toggle_code (f->project, f->activity, f->role, 'A');
  racimo_project_toggle_code (f->project, f->activity, f->role, 'R');
  g_assert_cmpuint (notified, ==, 1);

  /* Saved after two edits: undoing away from it and back. */
  racimo_history_mark_saved (f->history);
  g_assert_false (racimo_history_get_modified (f->history));
  racimo_history_undo (f->history);
  g_assert_true (racimo_history_get_modified (f->history));
  racimo_history_redo (f->history);
  g_assert_false (racimo_history_get_modified (f->history));

  /* Undo past the save, then a new edit: no state matches the file now. */
  racimo_history_undo (f->history);
  racimo_project_toggle_code (f->project, f->activity, f->role, 'C');
  g_assert_true (racimo_history_get_modified (f->history));
  g_assert_false (racimo_history_get_can_redo (f->history));
  racimo_history_undo (f->history);
  g_assert_true (racimo_history_get_modified (f->history));
  racimo_history_undo (f->history);
  g_assert_true (racimo_history_get_modified (f->history));

  /* An imported project matches no file, even with nothing to undo. */
  racimo_history_mark_saved (f->history);
  racimo_history_mark_modified (f->history);
  g_assert_true (racimo_history_get_modified (f->history));
  racimo_history_clear (f->history);
  g_assert_true (racimo_history_get_modified (f->history));
  g_assert_false (racimo_history_get_can_undo (f->history));
}

static void
test_history_everything_undoable (Fixture       *f,
                                  gconstpointer  data)
{
  RacimoPhase *second;
  RacimoRole *other;
  RacimoActivity *extra;
  guint steps = 0;

  /* Every edit function records exactly one step, and undoing them all
   * gives back the project as it was. */
  racimo_project_set_title (f->project, "T");
  steps++;
  racimo_project_set_description (f->project, "D");
  steps++;
  racimo_project_set_scheme (f->project, "DACI");
  steps++;
  other = racimo_project_add_role (f->project, 0, "Other", NULL);
  steps++;
  racimo_project_move_role (f->project, other, 1);
  steps++;
  racimo_project_set_role_abbrev (f->project, other, "OT");
  steps++;
  racimo_project_set_role_person (f->project, other, "Someone");
  steps++;
  second = racimo_project_add_phase (f->project, 0, "Second");
  steps++;
  racimo_project_move_phase (f->project, second, 1);
  steps++;
  extra = racimo_project_add_activity (f->project, second, 0, "Extra");
  steps++;
  racimo_project_move_activity (f->project, extra, f->phase, 0);
  steps++;
  racimo_project_set_codes (f->project, extra, other, BIT ('D'));
  steps++;
  racimo_project_set_applicable (f->project, extra, FALSE);
  steps++;
  racimo_project_rename (f->project, RACIMO_ITEM (second), "Later");
  steps++;
  racimo_project_set_item_description (f->project, RACIMO_ITEM (other), "Does it");
  steps++;
  racimo_project_set_waiver (f->project, RACIMO_ITEM (extra), "no-doer", "Why");
  steps++;
  racimo_project_remove_activity (f->project, extra);
  steps++;
  racimo_project_remove_role (f->project, other);
  steps++;
  racimo_project_remove_phase (f->project, second);
  steps++;

  for (guint i = 0; i < steps; i++)
    g_assert_true (racimo_history_undo (f->history));
  g_assert_false (racimo_history_undo (f->history));

  g_assert_cmpstr (racimo_project_get_title (f->project), ==, "");
  g_assert_null (racimo_project_get_description (f->project));
  g_assert_cmpstr (racimo_project_get_scheme_id (f->project), ==, "RACI");
  g_assert_cmpuint (racimo_project_get_n_roles (f->project), ==, 1);
  g_assert_cmpuint (racimo_project_get_n_phases (f->project), ==, 1);
  g_assert_cmpuint (racimo_project_get_n_activities (f->project), ==, 1);
  g_assert_false (racimo_history_get_modified (f->history));

  for (guint i = 0; i < steps; i++)
    g_assert_true (racimo_history_redo (f->history));
  g_assert_cmpuint (racimo_project_get_n_roles (f->project), ==, 1);
  g_assert_cmpuint (racimo_project_get_n_phases (f->project), ==, 1);
  g_assert_cmpstr (racimo_project_get_scheme_id (f->project), ==, "DACI");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/history/undo-redo", test_history_undo_redo);
  ADD ("/history/unlimited", test_history_unlimited);
  ADD ("/history/steps", test_history_steps);
  ADD ("/history/modified", test_history_modified);
  ADD ("/history/everything-undoable", test_history_everything_undoable);

#undef ADD

  return g_test_run ();
}
