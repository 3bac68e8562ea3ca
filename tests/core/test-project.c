/* test-project.c: the model, its ids and its signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-project.h"
#include "racimo-test.h"

#define BIT RACIMO_CODE_BIT

typedef struct
{
  GString *log;
} SignalLog;

static void
on_cell_changed (RacimoProject  *project,
                 RacimoActivity *activity,
                 RacimoRole     *role,
                 guint           old_codes,
                 guint           new_codes,
                 SignalLog      *log)
{
  g_string_append_printf (log->log, "cell %s %s %x>%x;",
                          racimo_item_get_id (RACIMO_ITEM (activity)),
                          racimo_item_get_id (RACIMO_ITEM (role)), old_codes, new_codes);
}

static void
on_item_added (RacimoProject *project,
               RacimoItem    *item,
               SignalLog     *log)
{
  g_string_append_printf (log->log, "added %s;", racimo_item_get_id (item));
}

static void
on_item_removed (RacimoProject *project,
                 RacimoItem    *item,
                 RacimoItem    *parent,
                 guint          position,
                 SignalLog     *log)
{
  g_string_append_printf (log->log, "removed %s from %s@%u;", racimo_item_get_id (item),
                          parent != NULL ? racimo_item_get_id (parent) : "-", position);
}

static void
on_item_moved (RacimoProject *project,
               RacimoItem    *item,
               RacimoItem    *old_parent,
               guint          old_position,
               SignalLog     *log)
{
  g_string_append_printf (log->log, "moved %s from %s@%u;", racimo_item_get_id (item),
                          old_parent != NULL ? racimo_item_get_id (old_parent) : "-",
                          old_position);
}

static void
on_item_changed (RacimoProject *project,
                 RacimoItem    *item,
                 guint          change,
                 SignalLog     *log)
{
  g_string_append_printf (log->log, "changed %s %u;", racimo_item_get_id (item), change);
}

static SignalLog *
watch (RacimoProject *project)
{
  SignalLog *log = g_new0 (SignalLog, 1);

  log->log = g_string_new (NULL);
  g_signal_connect (project, "cell-changed", G_CALLBACK (on_cell_changed), log);
  g_signal_connect (project, "item-added", G_CALLBACK (on_item_added), log);
  g_signal_connect (project, "item-removed", G_CALLBACK (on_item_removed), log);
  g_signal_connect (project, "item-moved", G_CALLBACK (on_item_moved), log);
  g_signal_connect (project, "item-changed", G_CALLBACK (on_item_changed), log);

  return log;
}

static char *
take_log (SignalLog *log)
{
  char *text = g_strdup (log->log->str);

  g_string_truncate (log->log, 0);
  return text;
}

static void
signal_log_free (SignalLog *log)
{
  g_string_free (log->log, TRUE);
  g_free (log);
}

static void
test_project_new (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();

  g_assert_cmpstr (racimo_project_get_title (project), ==, "");
  g_assert_null (racimo_project_get_description (project));
  g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, "RACI");
  g_assert_true (racimo_project_get_scheme (project) == racimo_scheme_get_default ());
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 0);
  g_assert_cmpuint (racimo_project_get_n_phases (project), ==, 0);
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, 0);
  g_assert_cmpuint (racimo_project_get_version_minor (project), ==, 0);
  g_assert_false (racimo_history_get_modified (racimo_project_get_history (project)));

  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_project_ids (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  RacimoRole *ml, *ml2, *ja, *digit;
  RacimoPhase *phase, *unnamed;
  RacimoActivity *activity;

  ml = racimo_project_add_role (project, -1, "ML Engineer", "MLE");
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (ml)), ==, "ml-engineer");
  ml2 = racimo_project_add_role (project, -1, "ML engineer", NULL);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (ml2)), ==, "ml-engineer-2");
  ja = racimo_project_add_role (project, -1, "データサイエンティスト", NULL);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (ja)), ==, "role");
  digit = racimo_project_add_role (project, -1, "  2nd -- reviewer! ", NULL);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (digit)), ==, "role-2nd-reviewer");

  phase = racimo_project_add_phase (project, -1, "Requirements");
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (phase)), ==, "requirements");
  unnamed = racimo_project_add_phase (project, -1, "");
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (unnamed)), ==, "phase");

  /* Roles, phases and activities share one id space. */
  activity = racimo_project_add_activity (project, phase, -1, "Requirements");
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (activity)), ==, "requirements-2");

  /* A rename keeps the id. */
  racimo_project_rename (project, RACIMO_ITEM (ml), "Machine-learning engineer");
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (ml)), ==, "ml-engineer");
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (ml)), ==, "Machine-learning engineer");
  g_assert_true (racimo_project_lookup (project, "ml-engineer") == RACIMO_ITEM (ml));
  g_assert_true (racimo_project_lookup (project, "requirements-2") == RACIMO_ITEM (activity));
  g_assert_null (racimo_project_lookup (project, "machine-learning-engineer"));

  /* A removed item frees its id; undo takes it back. */
  racimo_project_remove_role (project, ml2);
  g_assert_null (racimo_project_lookup (project, "ml-engineer-2"));
  racimo_history_undo (racimo_project_get_history (project));
  g_assert_true (racimo_project_lookup (project, "ml-engineer-2") == RACIMO_ITEM (ml2));

  {
    g_autofree char *id = racimo_project_make_id (project, "ML engineer");
    g_assert_cmpstr (id, ==, "ml-engineer-3");
  }
}

/* The next suffix of each base is remembered (issue 17: 10,000 columns of
 * one name were quadratic), and a freed one is found again. */
static void
test_project_id_suffixes (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  RacimoRole *third = NULL;

  for (guint i = 1; i <= 1000; i++)
    {
      RacimoRole *role = racimo_project_add_role (project, -1, "Data scientist", NULL);
      g_autofree char *expected = i == 1 ? g_strdup ("data-scientist")
                                         : g_strdup_printf ("data-scientist-%u", i);

      g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (role)), ==, expected);
      if (i == 3)
        third = role;
    }

  racimo_project_remove_role (project, third);
  {
    g_autofree char *id = racimo_project_make_id (project, "Data scientist");

    g_assert_cmpstr (id, ==, "data-scientist-3");
  }
  racimo_history_undo (racimo_project_get_history (project));
  {
    g_autofree char *id = racimo_project_make_id (project, "Data scientist");

    g_assert_cmpstr (id, ==, "data-scientist-1001");
  }
  {
    /* Names in other scripts fall back to the kind of item. */
    RacimoPhase *phase = racimo_project_add_phase (project, -1, "");

    for (guint i = 1; i <= 3; i++)
      racimo_project_add_activity (project, phase, -1, "データ整備");
    g_assert_nonnull (racimo_project_lookup (project, "activity-3"));
  }
}

static void
test_project_cells (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  RacimoRole *ds = racimo_project_add_role (project, -1, "Data scientist", "DS");
  RacimoRole *mle = racimo_project_add_role (project, -1, "ML engineer", "MLE");
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Modeling");
  RacimoActivity *train = racimo_project_add_activity (project, phase, -1, "Train");
  SignalLog *log = watch (project);
  g_autofree char *text = NULL;

  racimo_project_toggle_code (project, train, ds, 'A');
  racimo_project_toggle_code (project, train, ds, 'R');
  racimo_project_set_codes (project, train, mle, BIT ('C') | BIT ('S'));
  /* Setting what is there changes nothing, and records nothing. */
  racimo_project_set_codes (project, train, mle, BIT ('C') | BIT ('S'));
  racimo_project_toggle_code (project, train, ds, 'A');

  g_assert_cmpuint (racimo_activity_get_codes (train, ds), ==, BIT ('R'));
  g_assert_cmpuint (racimo_activity_get_codes (train, mle), ==, BIT ('C') | BIT ('S'));
  g_assert_cmpuint (racimo_activity_get_all_codes (train), ==, BIT ('R') | BIT ('C') | BIT ('S'));

  text = take_log (log);
  g_assert_cmpstr (text, ==,
                   "cell train data-scientist 0>1;"
                   "cell train data-scientist 1>20001;"
                   "cell train ml-engineer 0>40004;"
                   "cell train data-scientist 20001>20000;");

  signal_log_free (log);
}

/* People, members, notes and conflicts: every edit is one step of
 * history, tells its signal, and undo and redo bring the model back. */
static void
count_signal (GString    *log,
              const char *what)
{
  g_string_append (log, what);
  g_string_append_c (log, ';');
}

static void
on_person_added (RacimoProject *project,
                 RacimoPerson  *person,
                 GString       *log)
{
  count_signal (log, "person-added");
}

static void
on_person_removed (RacimoProject *project,
                   RacimoPerson  *person,
                   guint          position,
                   GString       *log)
{
  count_signal (log, "person-removed");
}

static void
on_person_changed (RacimoProject *project,
                   RacimoPerson  *person,
                   guint          change,
                   GString       *log)
{
  count_signal (log, change == RACIMO_CHANGE_EMAIL ? "email" : "person-changed");
}

static void
on_role_changed (RacimoProject *project,
                 RacimoItem    *item,
                 guint          change,
                 GString       *log)
{
  if (change == RACIMO_CHANGE_PERSON)
    count_signal (log, racimo_item_get_id (item));
}

static void
on_note_changed (RacimoProject  *project,
                 RacimoActivity *activity,
                 RacimoRole     *role,
                 GString        *log)
{
  count_signal (log, "note");
}

static void
test_project_people (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoRole *lead = racimo_project_add_role (project, -1, "Lead", NULL);
  RacimoRole *dev = racimo_project_add_role (project, -1, "Developer", NULL);
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "");
  RacimoActivity *plan = racimo_project_add_activity (project, phase, -1, "Plan");
  RacimoPerson *sato, *sato_again, *lee;

  g_signal_connect (project, "person-added", G_CALLBACK (on_person_added), log);
  g_signal_connect (project, "person-removed", G_CALLBACK (on_person_removed), log);
  g_signal_connect (project, "person-changed", G_CALLBACK (on_person_changed), log);
  g_signal_connect (project, "item-changed", G_CALLBACK (on_role_changed), log);
  g_signal_connect (project, "note-changed", G_CALLBACK (on_note_changed), log);

  sato = racimo_project_add_person (project, -1, "Sato Hanako", NULL);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (sato)), ==, "sato-hanako");
  g_assert_true (racimo_project_lookup (project, "sato-hanako") == RACIMO_ITEM (sato));
  lee = racimo_project_add_person (project, -1, "Lee Min", "lee@example.com");
  racimo_project_add_member (project, lead, sato);
  racimo_project_add_member (project, dev, sato);
  racimo_project_add_member (project, dev, lee);
  g_assert_cmpstr (racimo_role_get_person (dev), ==, "Sato Hanako, Lee Min");
  g_assert_cmpstr (log->str, ==, "person-added;person-added;lead;developer;developer;");
  g_string_truncate (log, 0);

  /* A rename shows in every role the person holds */
  racimo_project_rename (project, RACIMO_ITEM (sato), "Satō Hanako");
  g_assert_cmpstr (racimo_role_get_person (lead), ==, "Satō Hanako");
  g_assert_cmpstr (racimo_role_get_person (dev), ==, "Satō Hanako, Lee Min");
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Rename Person");
  g_assert_cmpstr (log->str, ==, "lead;developer;person-changed;");
  g_string_truncate (log, 0);

  racimo_project_set_person_email (project, sato, "hanako@example.com");
  g_assert_cmpstr (racimo_person_get_email (sato), ==, "hanako@example.com");
  g_assert_cmpstr (log->str, ==, "email;");
  g_string_truncate (log, 0);

  /* Removing a person takes it from its roles; undo puts it back in place */
  racimo_project_remove_person (project, sato);
  g_assert_cmpuint (racimo_project_get_n_people (project), ==, 1);
  g_assert_null (racimo_role_get_person (lead));
  g_assert_cmpstr (racimo_role_get_person (dev), ==, "Lee Min");
  g_assert_null (racimo_project_lookup (project, "sato-hanako"));
  g_assert_true (racimo_history_undo (history));
  g_assert_cmpstr (racimo_role_get_person (dev), ==, "Satō Hanako, Lee Min");
  g_assert_cmpint (racimo_project_index_of_person (project, sato), ==, 0);
  g_assert_true (racimo_history_redo (history));
  g_assert_true (racimo_history_undo (history));

  racimo_project_move_person (project, lee, 0);
  g_assert_true (racimo_project_get_person (project, 0) == lee);
  g_assert_true (racimo_history_undo (history));
  g_assert_true (racimo_project_get_person (project, 0) == sato);

  /* Merging: the same person entered twice */
  sato_again = racimo_project_add_person (project, -1, "Hanako Sato", NULL);
  racimo_project_add_member (project, dev, sato_again);
  racimo_project_remove_member (project, dev, sato);
  racimo_project_merge_people (project, sato, sato_again);
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Merge People");
  g_assert_cmpuint (racimo_project_get_n_people (project), ==, 2);
  g_assert_cmpstr (racimo_role_get_person (dev), ==, "Lee Min, Satō Hanako");
  g_assert_true (racimo_history_undo (history));
  g_assert_cmpuint (racimo_project_get_n_people (project), ==, 3);
  g_assert_cmpstr (racimo_role_get_person (dev), ==, "Lee Min, Hanako Sato");

  /* The 1.0 person field: one member; a person it leaves with no role
   * and no e-mail address goes */
  racimo_project_set_role_person (project, lead, "Kimura Aoi");
  g_assert_cmpstr (racimo_role_get_person (lead), ==, "Kimura Aoi");
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Change Person");
  g_assert_nonnull (racimo_project_find_person (project, "Satō Hanako"));
  racimo_project_set_role_person (project, lead, NULL);
  g_assert_null (racimo_project_find_person (project, "Kimura Aoi"));
  g_assert_true (racimo_history_undo (history));
  g_assert_true (racimo_history_undo (history));
  g_assert_cmpstr (racimo_role_get_person (lead), ==, "Satō Hanako");

  /* Notes */
  g_string_truncate (log, 0);
  racimo_project_set_note (project, plan, lead, "Ask first.");
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Add Note");
  racimo_project_set_note (project, plan, lead, "Ask first.");
  racimo_project_set_note (project, plan, lead, "Ask twice.");
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Edit Note");
  racimo_project_set_note (project, plan, lead, "");
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Delete Note");
  g_assert_null (racimo_activity_get_note (plan, lead));
  g_assert_true (racimo_history_undo (history));
  g_assert_cmpstr (racimo_activity_get_note (plan, lead), ==, "Ask twice.");
  g_assert_cmpstr (log->str, ==, "note;note;note;note;");
}

static void
test_project_structure (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoRole *am = racimo_project_add_role (project, -1, "Account manager", "AM");
  RacimoRole *ux = racimo_project_add_role (project, -1, "UX designer", "UX");
  RacimoRole *ds = racimo_project_add_role (project, 0, "Data scientist", "DS");
  RacimoPhase *req = racimo_project_add_phase (project, -1, "Requirements");
  RacimoPhase *data = racimo_project_add_phase (project, -1, "Data");
  RacimoActivity *kpis = racimo_project_add_activity (project, req, -1, "KPIs");
  RacimoActivity *journey = racimo_project_add_activity (project, req, -1, "Journey map");
  RacimoActivity *labels = racimo_project_add_activity (project, data, 0, "Labeling");
  SignalLog *log = watch (project);
  g_autofree char *text = NULL;

  g_assert_true (racimo_project_get_role (project, 0) == ds);
  g_assert_true (racimo_project_get_role (project, 1) == am);
  g_assert_true (racimo_project_get_role (project, 2) == ux);
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, 3);
  g_assert_cmpstr (racimo_role_get_abbrev (ux), ==, "UX");

  racimo_project_set_codes (project, kpis, am, BIT ('A') | BIT ('R'));
  racimo_project_set_codes (project, journey, am, BIT ('C'));
  racimo_project_set_codes (project, journey, ux, BIT ('A'));
  g_free (take_log (log));

  /* Moving a role */
  racimo_project_move_role (project, ux, 0);
  g_assert_true (racimo_project_get_role (project, 0) == ux);
  g_assert_cmpint (racimo_project_index_of_role (project, ds), ==, 1);

  /* Removing a role takes its codes, undo brings them back. */
  racimo_project_remove_role (project, am);
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 2);
  g_assert_cmpuint (racimo_activity_get_codes (kpis, am), ==, 0);
  g_assert_cmpuint (racimo_activity_get_all_codes (kpis), ==, 0);
  racimo_history_undo (history);
  g_assert_cmpint (racimo_project_index_of_role (project, am), ==, 2);
  g_assert_cmpuint (racimo_activity_get_codes (kpis, am), ==, BIT ('A') | BIT ('R'));
  g_assert_cmpuint (racimo_activity_get_codes (journey, am), ==, BIT ('C'));
  racimo_history_redo (history);
  g_assert_cmpint (racimo_project_index_of_role (project, am), ==, -1);
  racimo_history_undo (history);

  /* Moving an activity within its phase and across phases */
  racimo_project_move_activity (project, journey, req, 0);
  g_assert_true (racimo_phase_get_activity (req, 0) == journey);
  racimo_project_move_activity (project, kpis, data, 1);
  g_assert_true (racimo_activity_get_phase (kpis) == data);
  g_assert_true (racimo_phase_get_activity (data, 1) == kpis);
  g_assert_cmpuint (racimo_phase_get_n_activities (req), ==, 1);
  g_assert_cmpuint (racimo_activity_get_codes (kpis, am), ==, BIT ('A') | BIT ('R'));

  /* Removing a phase takes its activities along, undo brings them back. */
  racimo_project_remove_phase (project, data);
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, 1);
  g_assert_null (racimo_project_lookup (project, "labeling"));
  racimo_history_undo (history);
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, 3);
  g_assert_true (racimo_project_lookup (project, "labeling") == RACIMO_ITEM (labels));

  /* Other properties */
  racimo_project_set_applicable (project, labels, FALSE);
  g_assert_false (racimo_activity_get_applicable (labels));
  racimo_project_set_item_description (project, RACIMO_ITEM (labels), "Who labels.");
  racimo_project_set_role_person (project, ds, "Sato Hanako");
  racimo_project_set_role_abbrev (project, ds, "");
  g_assert_null (racimo_role_get_abbrev (ds));
  g_assert_cmpstr (racimo_role_get_person (ds), ==, "Sato Hanako");
  {
    g_autofree char *short_name = racimo_role_dup_short_name (ds);
    g_assert_cmpstr (short_name, ==, "Data scientist");
  }
  racimo_project_set_waiver (project, RACIMO_ITEM (labels), "no-doer", "Outsourced.");
  g_assert_cmpstr (racimo_item_get_waiver_reason (RACIMO_ITEM (labels), "no-doer"), ==,
                   "Outsourced.");
  racimo_project_set_waiver (project, RACIMO_ITEM (labels), "no-doer", NULL);
  g_assert_null (racimo_item_get_waiver_reason (RACIMO_ITEM (labels), "no-doer"));
  g_assert_cmpuint (racimo_item_get_n_waivers (RACIMO_ITEM (labels)), ==, 0);

  text = take_log (log);
  g_assert_cmpstr (text, ==,
                   "moved ux-designer from -@2;"
                   "removed account-manager from -@2;"
                   "added account-manager;"
                   "removed account-manager from -@2;"
                   "added account-manager;"
                   "moved journey-map from requirements@1;"
                   "moved kpis from requirements@1;"
                   "removed data from -@1;"
                   "added data;"
                   "changed labeling 4;"
                   "changed labeling 3;"
                   "changed data-scientist 2;"
                   "changed data-scientist 1;"
                   "changed labeling 5;"
                   "changed labeling 5;");

  signal_log_free (log);
}

static void
test_project_notify (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  guint notified = 0;

  g_signal_connect (project, "notify", G_CALLBACK (racimo_test_count_notify), &notified);

  racimo_project_set_scheme (project, "RASCI");
  g_assert_cmpstr (racimo_project_get_scheme (project)->id, ==, "RASCI");
  racimo_project_set_scheme (project, "RASCI");
  racimo_project_set_title (project, "ML system deployment");
  racimo_project_set_description (project, "");
  racimo_project_set_description (project, "Who does what.");
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (racimo_project_get_title (project), ==, "ML system deployment");
  g_assert_cmpstr (racimo_project_get_description (project), ==, "Who does what.");

  racimo_history_undo (racimo_project_get_history (project));
  g_assert_null (racimo_project_get_description (project));
  g_assert_cmpuint (notified, ==, 4);
}

static void
test_project_no_leak (void)
{
  RacimoProject *project = racimo_project_new ();
  RacimoRole *role = racimo_project_add_role (project, -1, "Role", NULL);
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Phase");
  RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, "Activity");

  g_object_add_weak_pointer (G_OBJECT (role), (gpointer *) &role);
  g_object_add_weak_pointer (G_OBJECT (phase), (gpointer *) &phase);
  g_object_add_weak_pointer (G_OBJECT (activity), (gpointer *) &activity);

  racimo_project_set_codes (project, activity, role, BIT ('A'));
  racimo_project_remove_role (project, role);
  racimo_project_remove_phase (project, phase);

  g_assert_finalize_object (project);
  g_assert_null (role);
  g_assert_null (phase);
  g_assert_null (activity);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/new", test_project_new);
  g_test_add_func ("/project/ids", test_project_ids);
  g_test_add_func ("/project/cells", test_project_cells);
  g_test_add_func ("/project/structure", test_project_structure);
  g_test_add_func ("/project/notify", test_project_notify);
  g_test_add_func ("/project/id-suffixes", test_project_id_suffixes);
  g_test_add_func ("/project/no-leak", test_project_no_leak);
  g_test_add_func ("/project/people", test_project_people);

  return g_test_run ();
}
