/* test-filter.c: which activities the search bar's filters show, and the
 * count it gives, as edits come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-checks.h"
#include "racimo-file.h"
#include "racimo-filter.h"
#include "racimo-test.h"

#define BIT RACIMO_CODE_BIT

typedef struct
{
  RacimoProject *project;
  RacimoChecks  *checks;
  RacimoFilter  *filter;
  guint          n_changed;      /* "changed" emissions */
  RacimoActivity *last_changed;  /* the activity of the last one, or NULL */
} Fixture;

static void
on_changed (RacimoFilter   *filter,
            RacimoActivity *activity,
            Fixture        *f)
{
  f->n_changed++;
  f->last_changed = activity;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  const char *path = g_test_get_filename (G_TEST_DIST, "files", "panel-problems.raci", NULL);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  f->project = racimo_file_load_bytes (bytes, "panel-problems.raci", &error);
  g_assert_no_error (error);
  f->checks = racimo_checks_new (f->project);
  f->filter = racimo_filter_new (f->checks);
  g_signal_connect (f->filter, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->filter);
  g_assert_finalize_object (f->checks);
  g_assert_finalize_object (f->project);
}

static RacimoActivity *
activity (Fixture    *f,
          const char *id)
{
  RacimoItem *item = racimo_project_lookup (f->project, id);

  g_assert_true (RACIMO_IS_ACTIVITY (item));
  return RACIMO_ACTIVITY (item);
}

static RacimoRole *
role (Fixture    *f,
      const char *id)
{
  RacimoItem *item = racimo_project_lookup (f->project, id);

  g_assert_true (RACIMO_IS_ROLE (item));
  return RACIMO_ROLE (item);
}

/* The ids of the activities shown, in document order, separated by spaces. */
static char *
shown (Fixture *f)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (guint p = 0; p < racimo_project_get_n_phases (f->project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (f->project, p);

      for (guint i = 0; i < racimo_phase_get_n_activities (phase); i++)
        {
          RacimoActivity *a = racimo_phase_get_activity (phase, i);

          if (!racimo_filter_matches (f->filter, a))
            continue;
          if (s->len > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, racimo_item_get_id (RACIMO_ITEM (a)));
          n++;
        }
    }

  /* The count said matches what is shown. */
  g_assert_cmpuint (racimo_filter_get_n_shown (f->filter), ==, n);
  g_assert_cmpuint (racimo_filter_get_n_total (f->filter), ==,
                    racimo_project_get_n_activities (f->project));

  return g_string_free (s, FALSE);
}

#define assert_shown(f, expected) racimo_test_assert_text (shown (f), expected)

/* Searching for @text shows the activities @expected. */
#define assert_search(f, text, expected) \
  G_STMT_START { \
    racimo_filter_set_search_text ((f)->filter, (text)); \
    assert_shown (f, expected); \
  } G_STMT_END

#define ALL "collect data-pipeline label clean clean-again retraining deploy monitor unnamed " \
            "legal model-family"

static void
assert_summary (Fixture    *f,
                const char *expected)
{
  g_autofree char *summary = racimo_filter_dup_summary (f->filter);

  g_assert_cmpstr (summary, ==, expected);
}

/* Tests */

static void
test_fold (void)
{
  static const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Deploy Model", "deploy model" },
    { "Déployer le modèle", "deployer le modele" },
    { "ÉLÉPHANT", "elephant" },
    { "Ｍｏｎｉｔｏｒ", "monitor" },       /* full-width letters */
    { "Straße", "strasse" },
    { "ﬁle", "file" },                    /* a ligature */
    { "Ørsted Ångström", "ørsted angstrom" }, /* Ø is a letter, not O with an accent */
    { "モデルをデプロイ", "モデルをデプロイ" },   /* voiced kana stay voiced */
    { "ﾃﾞﾌﾟﾛｲ", "デプロイ" },              /* half-width kana become full-width */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = racimo_filter_fold_text (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }

  {
    g_autofree char *null = racimo_filter_fold_text (NULL);
    g_autofree char *ka = racimo_filter_fold_text ("カ");
    g_autofree char *ga = racimo_filter_fold_text ("ガ");

    g_assert_cmpstr (null, ==, "");
    /* Searching "カ" (ka) does not find "ガ" (ga). */
    g_assert_null (strstr (ga, ka));
  }
}

static void
test_inactive (Fixture       *f,
               gconstpointer  data)
{
  g_assert_false (racimo_filter_is_active (f->filter));
  assert_shown (f, ALL);
  assert_summary (f, "11 of 11 activities shown");
  g_assert_cmpstr (racimo_filter_get_search_text (f->filter), ==, "");

  /* Spaces alone search for nothing. */
  racimo_filter_set_search_text (f->filter, "   ");
  g_assert_false (racimo_filter_is_active (f->filter));
  g_assert_cmpuint (f->n_changed, ==, 0);
  assert_shown (f, ALL);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  /* Name, any case. */
  racimo_filter_set_search_text (f->filter, "PIPELINE");
  g_assert_true (racimo_filter_is_active (f->filter));
  assert_shown (f, "data-pipeline retraining");
  assert_summary (f, "2 of 11 activities shown");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_null (f->last_changed);

  /* A substring, not only the start of a word. */
  assert_search (f, "ipeli", "data-pipeline retraining");

  /* Without the accents a keyboard may not have, and with them. */
  assert_search (f, "deployer le modele", "deploy");
  assert_search (f, "MODÈLE", "deploy");

  /* The description. */
  assert_search (f, "versioned api", "deploy");

  /* The phase's name: every activity of MLOps. */
  assert_search (f, "mlops", "retraining deploy monitor unnamed legal model-family");

  /* Every word somewhere: one in the name, one in the phase. */
  assert_search (f, "training mlops", "retraining legal");
  assert_search (f, "  Training   MLOps ", "retraining legal");

  /* Nothing found. */
  assert_search (f, "kubernetes", "");
  assert_summary (f, "0 of 11 activities shown");

  /* Cleared, everything is back. */
  racimo_filter_set_search_text (f->filter, NULL);
  g_assert_false (racimo_filter_is_active (f->filter));
  assert_shown (f, ALL);
}

static void
test_search_same_words (Fixture       *f,
                        gconstpointer  data)
{
  racimo_filter_set_search_text (f->filter, "clean");
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* Another case, or more spaces, find the same: the text changes, the
   * activities shown do not. */
  racimo_filter_set_search_text (f->filter, "CLEAN ");
  g_assert_cmpstr (racimo_filter_get_search_text (f->filter), ==, "CLEAN ");
  g_assert_cmpuint (f->n_changed, ==, 1);
  assert_shown (f, "clean clean-again");
}

static void
test_search_follows_edits (Fixture       *f,
                           gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoActivity *monitor = activity (f, "monitor");
  RacimoActivity *collect = activity (f, "collect");
  RacimoPhase *mlops = RACIMO_PHASE (racimo_project_lookup (f->project, "mlops"));
  RacimoPhase *data_phase = RACIMO_PHASE (racimo_project_lookup (f->project, "data"));

  assert_search (f, "drift", "monitor");

  /* Renamed out of the search, and one activity said. */
  f->n_changed = 0;
  racimo_project_rename (f->project, RACIMO_ITEM (monitor), "Watch the model");
  assert_shown (f, "");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (f->last_changed == monitor);

  /* A description brings it back. */
  racimo_project_set_item_description (f->project, RACIMO_ITEM (monitor), "Alerts on drift");
  assert_shown (f, "monitor");

  racimo_history_undo (history);
  racimo_history_undo (history);
  assert_shown (f, "monitor");

  /* A phase renamed: its activities match its new name. */
  assert_search (f, "operations", "");
  f->n_changed = 0;
  racimo_project_rename (f->project, RACIMO_ITEM (mlops), "Operations");
  assert_shown (f, "retraining deploy monitor unnamed legal model-family");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_null (f->last_changed);

  /* An activity moved into that phase matches too; moved out, not. */
  racimo_project_move_activity (f->project, collect, mlops, 0);
  assert_shown (f, "collect retraining deploy monitor unnamed legal model-family");
  racimo_project_move_activity (f->project, collect, data_phase, 0);
  assert_shown (f, "retraining deploy monitor unnamed legal model-family");

  /* A change the search does not look at says nothing. */
  f->n_changed = 0;
  racimo_project_set_codes (f->project, monitor, role (f, "ux-designer"), BIT ('R'));
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
test_only_findings (Fixture       *f,
                    gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoActivity *retraining = activity (f, "retraining");

  /* Findings that are not waived: not "model-family", whose finding was
   * accepted, nor "legal", which does not apply. */
  racimo_filter_set_only_findings (f->filter, TRUE);
  g_assert_true (racimo_filter_get_only_findings (f->filter));
  g_assert_true (racimo_filter_is_active (f->filter));
  assert_shown (f, "label clean clean-again retraining deploy monitor unnamed");
  assert_summary (f, "7 of 11 activities shown");

  /* Given an owner, the retraining pipeline has no problem left. */
  f->n_changed = 0;
  racimo_project_toggle_code (f->project, retraining, role (f, "mlops-engineer"), 'A');
  assert_shown (f, "label clean clean-again deploy monitor unnamed");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (f->last_changed == retraining);

  racimo_history_undo (history);
  assert_shown (f, "label clean clean-again retraining deploy monitor unnamed");

  /* A waiver hides it too. */
  racimo_project_set_waiver (f->project, RACIMO_ITEM (retraining), "no-owner", "Shared duty.");
  assert_shown (f, "label clean clean-again deploy monitor unnamed");
  racimo_history_undo (history);

  /* A rename can make two activities findings-free at once. */
  racimo_project_rename (f->project, RACIMO_ITEM (activity (f, "clean-again")),
                         "Clean the data again");
  assert_shown (f, "label retraining deploy monitor unnamed");

  racimo_filter_set_only_findings (f->filter, FALSE);
  assert_shown (f, ALL);
}

static void
test_role (Fixture       *f,
           gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoRole *ds = role (f, "data-scientist");
  RacimoActivity *monitor = activity (f, "monitor");

  racimo_filter_set_role (f->filter, ds);
  g_assert_true (racimo_filter_get_role (f->filter) == ds);
  assert_shown (f, "collect label retraining model-family");

  /* A code given shows the activity; a second code changes nothing. */
  f->n_changed = 0;
  racimo_project_toggle_code (f->project, monitor, ds, 'C');
  assert_shown (f, "collect label retraining monitor model-family");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (f->last_changed == monitor);
  racimo_project_toggle_code (f->project, monitor, ds, 'I');
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* Another role's codes do not matter. */
  racimo_project_toggle_code (f->project, monitor, role (f, "ux-designer"), 'I');
  g_assert_cmpuint (f->n_changed, ==, 1);

  racimo_history_undo (history);
  racimo_history_undo (history);
  racimo_history_undo (history);
  assert_shown (f, "collect label retraining model-family");

  /* The role removed: the filter lets go of it, rather than show nothing. */
  racimo_project_remove_role (f->project, ds);
  g_assert_null (racimo_filter_get_role (f->filter));
  g_assert_false (racimo_filter_is_active (f->filter));
  assert_shown (f, ALL);
  racimo_history_undo (history);
  assert_shown (f, ALL);

  /* An idle role holds a code nowhere. */
  racimo_filter_set_role (f->filter, role (f, "ux-designer"));
  assert_shown (f, "");
  racimo_filter_set_role (f->filter, NULL);
  assert_shown (f, ALL);
}

/* "Person: ..." shows the activities where one of the person's roles
 * holds a code, and follows codes, members and the person's removal. */
static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoPerson *sato = racimo_project_add_person (f->project, -1, "Sato Hanako", NULL);
  RacimoActivity *monitor = activity (f, "monitor");

  racimo_project_add_member (f->project, role (f, "data-scientist"), sato);
  racimo_project_add_member (f->project, role (f, "account-manager"), sato);

  racimo_filter_set_person (f->filter, sato);
  g_assert_true (racimo_filter_get_person (f->filter) == sato);
  g_assert_true (racimo_filter_is_active (f->filter));
  assert_shown (f, "collect label retraining model-family");

  /* A code of one of Sato's roles */
  f->n_changed = 0;
  racimo_project_toggle_code (f->project, monitor, role (f, "account-manager"), 'I');
  assert_shown (f, "collect label retraining monitor model-family");
  g_assert_cmpuint (f->n_changed, ==, 1);
  racimo_history_undo (history);

  /* Another role of Sato's */
  racimo_project_add_member (f->project, role (f, "mlops-engineer"), sato);
  assert_shown (f, "collect label clean clean-again retraining deploy unnamed model-family");
  racimo_history_undo (history);
  assert_shown (f, "collect label retraining model-family");

  /* Sato removed: the filter lets go */
  racimo_project_remove_person (f->project, sato);
  g_assert_null (racimo_filter_get_person (f->filter));
  assert_shown (f, ALL);
  racimo_history_undo (history);
  racimo_filter_clear (f->filter);
  g_assert_null (racimo_filter_get_person (f->filter));
}

/* The search finds the notes on the cells, and follows them. */
static void
test_search_notes (Fixture       *f,
                   gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoRole *ux = role (f, "ux-designer");

  racimo_project_set_note (f->project, activity (f, "deploy"), role (f, "ml-engineer"),
                           "Blue-green only;\nno canary yet.");
  racimo_filter_set_search_text (f->filter, "canary");
  assert_shown (f, "deploy");

  racimo_project_set_note (f->project, activity (f, "label"), ux, "Canary words");
  assert_shown (f, "label deploy");
  racimo_history_undo (history);
  assert_shown (f, "deploy");

  /* The note of a removed role is not searched */
  racimo_project_set_note (f->project, activity (f, "label"), ux, "Canary words");
  racimo_project_remove_role (f->project, ux);
  assert_shown (f, "deploy");
  racimo_history_undo (history);
  assert_shown (f, "label deploy");
}

static void
test_hide_not_applicable (Fixture       *f,
                          gconstpointer  data)
{
  RacimoActivity *monitor = activity (f, "monitor");

  racimo_filter_set_hide_not_applicable (f->filter, TRUE);
  g_assert_true (racimo_filter_get_hide_not_applicable (f->filter));
  assert_shown (f, "collect data-pipeline label clean clean-again retraining deploy monitor "
                "unnamed model-family");
  assert_summary (f, "10 of 11 activities shown");

  racimo_project_set_applicable (f->project, monitor, FALSE);
  assert_shown (f, "collect data-pipeline label clean clean-again retraining deploy unnamed "
                "model-family");
  racimo_project_set_applicable (f->project, activity (f, "legal"), TRUE);
  assert_shown (f, "collect data-pipeline label clean clean-again retraining deploy unnamed "
                "legal model-family");
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_combined_and_clear (Fixture       *f,
                         gconstpointer  data)
{
  guint notified = 0;

  racimo_filter_set_search_text (f->filter, "data");
  racimo_filter_set_only_findings (f->filter, TRUE);
  racimo_filter_set_role (f->filter, role (f, "mlops-engineer"));
  racimo_filter_set_hide_not_applicable (f->filter, TRUE);
  assert_shown (f, "clean clean-again");
  assert_summary (f, "2 of 11 activities shown");

  f->n_changed = 0;
  {
    gulong id = g_signal_connect_swapped (f->filter, "notify", G_CALLBACK (count_notify),
                                          &notified);

    racimo_filter_clear (f->filter);
    g_signal_handler_disconnect (f->filter, id);
  }

  /* One "changed"; the four filters, n-shown and active notified. */
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (notified, ==, 6);
  g_assert_false (racimo_filter_is_active (f->filter));
  g_assert_cmpstr (racimo_filter_get_search_text (f->filter), ==, "");
  g_assert_false (racimo_filter_get_only_findings (f->filter));
  g_assert_null (racimo_filter_get_role (f->filter));
  g_assert_false (racimo_filter_get_hide_not_applicable (f->filter));
  assert_shown (f, ALL);
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  RacimoChecks *checks = NULL;
  guint n_shown, n_total;
  gboolean active;

  g_object_set (f->filter, "search-text", "clean", "hide-not-applicable", TRUE, NULL);
  g_object_get (f->filter,
                "search-text", &text,
                "n-shown", &n_shown,
                "n-total", &n_total,
                "active", &active,
                "checks", &checks,
                NULL);
  g_assert_cmpstr (text, ==, "clean");
  g_assert_cmpuint (n_shown, ==, 2);
  g_assert_cmpuint (n_total, ==, 11);
  g_assert_true (active);
  g_assert_true (checks == f->checks);
  g_assert_true (racimo_filter_get_checks (f->filter) == f->checks);
  g_assert_true (racimo_filter_get_project (f->filter) == f->project);
  g_object_unref (checks);
}

static void
test_add_remove (Fixture       *f,
                 gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoPhase *data_phase = RACIMO_PHASE (racimo_project_lookup (f->project, "data"));
  RacimoPhase *mlops = RACIMO_PHASE (racimo_project_lookup (f->project, "mlops"));
  RacimoActivity *added;

  assert_search (f, "clean", "clean clean-again");

  /* An activity added, named to match: counted and shown. */
  f->n_changed = 0;
  added = racimo_project_add_activity (f->project, data_phase, 0, "Clean the labels");
  assert_summary (f, "3 of 12 activities shown");
  g_assert_true (racimo_filter_matches (f->filter, added));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (f->last_changed == added);

  /* One that does not match is counted, not shown, and still said. */
  f->n_changed = 0;
  racimo_project_add_activity (f->project, mlops, -1, "Write the runbook");
  assert_summary (f, "3 of 13 activities shown");
  g_assert_cmpuint (f->n_changed, ==, 1);

  racimo_history_undo (history);
  racimo_history_undo (history);
  assert_summary (f, "2 of 11 activities shown");
  g_assert_false (racimo_filter_matches (f->filter, added));

  /* A phase removed takes its activities out of the count; undone, they
   * come back. */
  racimo_project_remove_phase (f->project, data_phase);
  assert_shown (f, "");
  assert_summary (f, "0 of 6 activities shown");
  racimo_history_undo (history);
  assert_shown (f, "clean clean-again");
  assert_summary (f, "2 of 11 activities shown");

  /* A phase added empty changes nothing. */
  f->n_changed = 0;
  racimo_project_add_phase (f->project, -1, "Clean-up");
  g_assert_cmpuint (f->n_changed, ==, 0);
}

/* Random edits and filters on a generated project: the filter's answer
 * and count always agree with what its definition says. */
static gboolean
expected_match (Fixture        *f,
                RacimoActivity *a,
                GStrv           words)
{
  RacimoRole *r = racimo_filter_get_role (f->filter);
  GPtrArray *findings = racimo_checks_get_item_findings (f->checks, RACIMO_ITEM (a));
  g_autofree char *name = racimo_filter_fold_text (racimo_item_get_name (RACIMO_ITEM (a)));
  g_autofree char *desc = racimo_filter_fold_text (racimo_item_get_description (RACIMO_ITEM (a)));
  g_autofree char *phase =
    racimo_filter_fold_text (racimo_item_get_name (RACIMO_ITEM (racimo_activity_get_phase (a))));

  if (racimo_filter_get_hide_not_applicable (f->filter) && !racimo_activity_get_applicable (a))
    return FALSE;
  if (r != NULL && racimo_activity_get_codes (a, r) == 0)
    return FALSE;
  if (racimo_filter_get_only_findings (f->filter))
    {
      gboolean open = FALSE;

      for (guint i = 0; findings != NULL && i < findings->len; i++)
        open |= ((RacimoFinding *) g_ptr_array_index (findings, i))->waiver_reason == NULL;
      if (!open)
        return FALSE;
    }
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (name, words[i]) == NULL && strstr (desc, words[i]) == NULL
        && strstr (phase, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
assert_consistent (Fixture *f)
{
  g_autofree char *folded = racimo_filter_fold_text (racimo_filter_get_search_text (f->filter));
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  guint n = 0;

  /* g_strsplit leaves "" between spaces; they match everything. */
  for (guint p = 0; p < racimo_project_get_n_phases (f->project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (f->project, p);

      for (guint i = 0; i < racimo_phase_get_n_activities (phase); i++)
        {
          RacimoActivity *a = racimo_phase_get_activity (phase, i);
          gboolean expected = expected_match (f, a, words);

          g_assert_cmpint (racimo_filter_matches (f->filter, a), ==, expected);
          n += expected;
        }
    }

  g_assert_cmpuint (racimo_filter_get_n_shown (f->filter), ==, n);
  g_assert_cmpuint (racimo_filter_get_n_total (f->filter), ==,
                    racimo_project_get_n_activities (f->project));
}

static RacimoActivity *
random_activity (Fixture *f,
                 GRand   *rand)
{
  guint n_phases = racimo_project_get_n_phases (f->project);

  for (;;)
    {
      RacimoPhase *phase =
        racimo_project_get_phase (f->project, (guint) g_rand_int_range (rand, 0, (int) n_phases));
      guint n = racimo_phase_get_n_activities (phase);

      if (n > 0)
        return racimo_phase_get_activity (phase, (guint) g_rand_int_range (rand, 0, (int) n));
    }
}

static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  static const char * const searches[] = {
    "", "data", "clean", "pipeline mlops", "é", "model", "the", "zz",
  };
  static const char * const names[] = {
    "Clean the data", "Deploy the model", "Évaluer", "Pipeline", "", "Monitor drift",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  RacimoHistory *history = racimo_project_get_history (f->project);
  guint n_roles = racimo_project_get_n_roles (f->project);

  for (guint step = 0; step < 600; step++)
    {
      RacimoActivity *a = random_activity (f, rand);
      RacimoRole *r = racimo_project_get_role (f->project,
                                               (guint) g_rand_int_range (rand, 0, (int) n_roles));

      switch (g_rand_int_range (rand, 0, 11))
        {
        case 0:
          racimo_filter_set_search_text (f->filter,
                                         searches[g_rand_int_range (rand, 0,
                                                                    G_N_ELEMENTS (searches))]);
          break;
        case 1:
          racimo_filter_set_only_findings (f->filter, g_rand_boolean (rand));
          break;
        case 2:
          racimo_filter_set_role (f->filter, g_rand_boolean (rand) ? r : NULL);
          break;
        case 3:
          racimo_filter_set_hide_not_applicable (f->filter, g_rand_boolean (rand));
          break;
        case 4:
        case 5:
          racimo_project_toggle_code (f->project, a, r, "RACIS"[g_rand_int_range (rand, 0, 5)]);
          break;
        case 6:
          racimo_project_rename (f->project, RACIMO_ITEM (a),
                                 names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
          break;
        case 7:
          racimo_project_set_applicable (f->project, a, !racimo_activity_get_applicable (a));
          break;
        case 8:
          racimo_project_move_activity (f->project, a,
                                        racimo_project_get_phase (f->project,
                                                                  (guint) g_rand_int_range (
                                                                    rand, 0, 2)),
                                        0);
          break;
        case 9:
          racimo_project_set_waiver (f->project, RACIMO_ITEM (a), "no-owner",
                                     g_rand_boolean (rand) ? "Accepted." : NULL);
          break;
        case 10:
        default:
          if (racimo_history_get_can_undo (history))
            racimo_history_undo (history);
          break;
        }

      assert_consistent (f);
    }
}

/* A view that hears of a new activity before the filter does, and asks. */
static void
on_added_ask (RacimoProject *project,
              RacimoItem    *item,
              RacimoFilter **filter)
{
  if (RACIMO_IS_ACTIVITY (item))
    g_assert_true (racimo_filter_matches (*filter, RACIMO_ACTIVITY (item)));
}

static void
test_asked_early (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoChecks) checks = racimo_checks_new (project);
  g_autoptr(RacimoFilter) filter = NULL;
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Phase");
  guint n_total_notified = 0, n_shown_notified = 0;

  g_signal_connect (project, "item-added", G_CALLBACK (on_added_ask), &filter);
  filter = racimo_filter_new (checks);
  g_signal_connect_swapped (filter, "notify::n-total", G_CALLBACK (count_notify),
                            &n_total_notified);
  g_signal_connect_swapped (filter, "notify::n-shown", G_CALLBACK (count_notify),
                            &n_shown_notified);

  racimo_project_add_activity (project, phase, -1, "Activity");
  g_assert_cmpuint (racimo_filter_get_n_total (filter), ==, 1);
  g_assert_cmpuint (racimo_filter_get_n_shown (filter), ==, 1);
  g_assert_cmpuint (n_total_notified, ==, 1);
  g_assert_cmpuint (n_shown_notified, ==, 1);

  g_signal_handlers_disconnect_by_data (project, &filter);
}

static void
test_no_leak (void)
{
  RacimoProject *project = racimo_project_new ();
  RacimoChecks *checks = racimo_checks_new (project);
  RacimoFilter *filter = racimo_filter_new (checks);
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Phase");
  RacimoRole *r = racimo_project_add_role (project, -1, "Role", NULL);
  RacimoActivity *a = racimo_project_add_activity (project, phase, -1, "Activity");

  racimo_filter_set_role (filter, r);
  racimo_filter_set_search_text (filter, "act");
  g_assert_false (racimo_filter_matches (filter, a));
  racimo_project_set_codes (project, a, r, BIT ('A'));
  g_assert_true (racimo_filter_matches (filter, a));

  /* The filter lets go of the project and checks when it goes. */
  g_assert_finalize_object (filter);
  g_assert_finalize_object (checks);
  g_assert_finalize_object (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/filter/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/filter/fold", test_fold);
  ADD ("inactive", test_inactive);
  ADD ("search", test_search);
  ADD ("search-same-words", test_search_same_words);
  ADD ("search-follows-edits", test_search_follows_edits);
  ADD ("only-findings", test_only_findings);
  ADD ("role", test_role);
  ADD ("hide-not-applicable", test_hide_not_applicable);
  ADD ("person", test_person);
  ADD ("search-notes", test_search_notes);
  ADD ("combined-and-clear", test_combined_and_clear);
  ADD ("properties", test_properties);
  ADD ("add-remove", test_add_remove);
  ADD ("random", test_random);
  g_test_add_func ("/filter/asked-early", test_asked_early);
  g_test_add_func ("/filter/no-leak", test_no_leak);

  return g_test_run ();
}
