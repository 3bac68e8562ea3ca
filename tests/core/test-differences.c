/* test-differences.c: what another copy changed, row by row and cell by
 * cell, and taking it (the window's compare mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "racimo-compare.h"
#include "racimo-differences.h"
#include "racimo-file.h"
#include "racimo-large-project.h"
#include "racimo-random-edit.h"
#include "racimo-test.h"

#define HEAD "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\"><title>Release</title>" \
             "<roles><role id=\"ds\"><name>Data scientist</name></role>" \
             "<role id=\"mle\"><name>ML engineer</name></role></roles><phases>"
#define TAIL "</phases></raci-project>"

/* Mine: Build (Train, Deploy), Run (Watch, Retire) */
static const char mine_raci[] =
  HEAD
  "<phase id=\"p1\"><name>Build</name>"
  "<activity id=\"a1\"><name>Train</name><assign role=\"ds\" code=\"R\"/></activity>"
  "<activity id=\"a2\"><name>Deploy</name><assign role=\"mle\" code=\"R\"/></activity>"
  "</phase><phase id=\"p2\"><name>Run</name>"
  "<activity id=\"a3\"><name>Watch</name><assign role=\"mle\" code=\"A\"/></activity>"
  "<activity id=\"a4\"><name>Retire</name></activity>"
  "</phase>" TAIL;

/* Theirs: Train's cell changed, Deploy renamed, Watch moved to Build,
 * Retire removed, Label added in Build */
static const char theirs_raci[] =
  HEAD
  "<phase id=\"p1\"><name>Build</name>"
  "<activity id=\"a1\"><name>Train</name><assign role=\"ds\" code=\"R\"/>"
  "<assign role=\"ds\" code=\"A\"/></activity>"
  "<activity id=\"a5\"><name>Label</name><assign role=\"ds\" code=\"C\"/></activity>"
  "<activity id=\"a2\"><name>Ship</name><assign role=\"mle\" code=\"R\"/></activity>"
  "<activity id=\"a3\"><name>Watch</name><assign role=\"mle\" code=\"A\"/></activity>"
  "</phase><phase id=\"p2\"><name>Run</name>"
  "</phase>" TAIL;

static RacimoProject *
load (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_file_load_bytes (bytes, "test.raci", &error);

  g_assert_no_error (error);
  return project;
}

static RacimoProject *
copy (RacimoProject *project)
{
  g_autofree char *text = racimo_test_serialize (project);

  return load (text);
}

static char *
describe (GPtrArray *differences)
{
  GString *text = g_string_new (NULL);
  static const char *kinds[] = { "added", "removed", "moved", "changed" };

  for (guint i = 0; i < differences->len; i++)
    {
      RacimoDifference *difference = g_ptr_array_index (differences, i);

      g_string_append_printf (text, "%s | %s | %s %s | %s\n", difference->phase_name,
                              kinds[difference->kind], difference->title,
                              difference->role_id != NULL ? difference->role_id : "-",
                              difference->detail);
    }

  return g_string_free (text, FALSE);
}

static void
test_list (void)
{
  g_autoptr(RacimoProject) mine = load (mine_raci);
  g_autoptr(RacimoProject) theirs = load (theirs_raci);
  g_autoptr(GPtrArray) differences = racimo_differences_compare (mine, theirs);
  g_autoptr(GPtrArray) none = racimo_differences_compare (mine, mine);
  g_autofree char *text = describe (differences);

  g_assert_cmpstr (text, ==,
                   "Build | changed | Train ds | Data scientist: R → R A\n"
                   "Build | changed | Deploy - | Renamed to “Ship”\n"
                   "Build | added | Label - | Only in the other copy: taking theirs adds it\n"
                   "Run | moved | Watch - | Moved to phase “Build”\n"
                   "Run | removed | Retire - | Only in this copy: taking theirs removes it\n");
  g_assert_cmpuint (none->len, ==, 0);
}

static RacimoProject *
load_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "compare", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return load (text);
}

static const char *groups[] = { "phase", "project", "roles", "people" };

static char *
describe_groups (GPtrArray *differences)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < differences->len; i++)
    {
      RacimoDifference *difference = g_ptr_array_index (differences, i);

      g_string_append_printf (text, "%s %s | %s | %s\n", groups[difference->group],
                              racimo_difference_get_group_key (difference), difference->title,
                              difference->detail);
    }

  return g_string_free (text, FALSE);
}

/* Roles, phases, people, the project and waivers, each in its group, in
 * the words of racimo --diff */
static void
test_groups (void)
{
  g_autoptr(RacimoProject) mine = load_file ("mine-project.raci");
  g_autoptr(RacimoProject) theirs = load_file ("theirs-project.raci");
  g_autoptr(GPtrArray) differences = racimo_differences_compare (mine, theirs);
  g_autoptr(GPtrArray) lines = racimo_diff (mine, theirs);
  g_autofree char *text = describe_groups (differences);

  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *before = racimo_test_serialize (mine);
  g_autofree char *undone = NULL;

  g_assert_cmpstr (text, ==,
                   "project #project | Release | Title changed from “Release” to “Release 2”\n"
                   "project #project | Release | Scheme changed from RACI to RASCI\n"
                   "roles #roles | ML engineer | Role “ML engineer” moved to the top\n"
                   "roles #roles | ML engineer | Role “ML engineer”: finding idle-role waived\n"
                   "roles #roles | Data lead | Role “Data scientist” renamed to “Data lead”\n"
                   "roles #roles | Data lead | Role “Data lead”: abbreviation changed from “DS” to “DL”\n"
                   "roles #roles | Data lead | Role “Data lead”: “Cy” added as a member\n"
                   "roles #roles | Data lead | Role “Data lead”: “Ana” no longer a member\n"
                   "roles #roles | Operations | Role “Operations” added\n"
                   "roles #roles | QA | Role “QA” removed\n"
                   "people #people | Ana | Person “Ana”: e-mail address changed from "
                   "“ana@example.com” to “ana@example.org”\n"
                   "people #people | Cy | Person “Cy” added\n"
                   "people #people | Bo | Person “Bo” removed\n"
                   "phase p1 | Make | Phase “Build” renamed to “Make”\n"
                   "phase p1 | Train | Activity “Train” (Make): finding no-doer waived\n"
                   "phase p2 | Run | Phase “Run” moved to the top\n"
                   "phase p3 | Old | Phase “Old” removed\n"
                   "phase p3 | Legacy | Only in this copy: taking theirs removes it\n"
                   "phase p4 | Launch | Phase “Launch” added\n"
                   "phase p4 | Announce | Only in the other copy: taking theirs adds it\n");

  /* One source of the sentences: each is a line of racimo --diff */
  for (guint i = 0; i < differences->len; i++)
    {
      RacimoDifference *difference = g_ptr_array_index (differences, i);

      if (difference->item_id != NULL || difference->group != RACIMO_DIFFERENCE_GROUP_PHASE)
        g_assert_true (g_ptr_array_find_with_equal_func (lines, difference->detail, g_str_equal,
                                                         NULL));
    }

  /* Cy must be in mine before being a member; the activity of Launch
   * needs the phase */
  g_assert_false (racimo_difference_can_take (mine, theirs, g_ptr_array_index (differences, 6)));
  g_assert_false (racimo_difference_can_take (mine, theirs, g_ptr_array_index (differences, 19)));

  /* Taking them all makes mine say what theirs says, in one step */
  g_assert_cmpuint (racimo_differences_take_theirs (mine, theirs, differences), ==,
                    differences->len);
  after = racimo_differences_compare (mine, theirs);
  g_assert_cmpuint (after->len, ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = racimo_diff (mine, theirs);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_true (racimo_history_undo (racimo_project_get_history (mine)));
  undone = racimo_test_serialize (mine);
  g_assert_cmpstr (undone, ==, before);
}

/* Each change of the project, a role, a phase or a person that mine can
 * take alone is one step, undone as any other */
static void
test_take_each_item (void)
{
  g_autoptr(RacimoProject) original = load_file ("mine-project.raci");
  g_autoptr(RacimoProject) theirs = load_file ("theirs-project.raci");
  g_autoptr(GPtrArray) differences = racimo_differences_compare (original, theirs);
  g_autofree char *before = racimo_test_serialize (original);
  guint n_taken = 0;

  for (guint i = 0; i < differences->len; i++)
    {
      g_autoptr(RacimoProject) mine = load_file ("mine-project.raci");
      RacimoDifference *difference = g_ptr_array_index (differences, i);
      g_autoptr(GPtrArray) after = NULL;
      g_autofree char *undone = NULL;

      if (!racimo_difference_can_take (mine, theirs, difference))
        continue;

      g_assert_true (racimo_difference_take_theirs (mine, theirs, difference));
      n_taken++;
      after = racimo_differences_compare (mine, theirs);
      /* That change is gone from the list (a role taken brings its cells) */
      for (guint j = 0; j < after->len; j++)
        g_assert_cmpstr (((RacimoDifference *) g_ptr_array_index (after, j))->detail, !=,
                         difference->detail);

      g_assert_true (racimo_history_undo (racimo_project_get_history (mine)));
      undone = racimo_test_serialize (mine);
      g_assert_cmpstr (undone, ==, before);
    }
  g_assert_cmpuint (n_taken, ==, differences->len - 2);
}

/* Each change taken alone is one step of history: it goes from the list,
 * and Undo brings mine back as it was. */
static void
test_take_each (void)
{
  g_autoptr(RacimoProject) theirs = load (theirs_raci);
  g_autoptr(RacimoProject) original = load (mine_raci);
  g_autoptr(GPtrArray) differences = racimo_differences_compare (original, theirs);
  g_autofree char *before = racimo_test_serialize (original);

  for (guint i = 0; i < differences->len; i++)
    {
      g_autoptr(RacimoProject) mine = load (mine_raci);
      RacimoDifference *difference = g_ptr_array_index (differences, i);
      g_autoptr(GPtrArray) after = NULL;
      g_autofree char *undone = NULL;

      g_assert_true (racimo_difference_can_take (mine, theirs, difference));
      g_assert_true (racimo_difference_take_theirs (mine, theirs, difference));
      after = racimo_differences_compare (mine, theirs);
      g_assert_cmpuint (after->len, ==, differences->len - 1);
      g_assert_cmpstr (racimo_history_get_undo_label (racimo_project_get_history (mine)), ==,
                       "Take Theirs");

      g_assert_true (racimo_history_undo (racimo_project_get_history (mine)));
      undone = racimo_test_serialize (mine);
      g_assert_cmpstr (undone, ==, before);
    }
}

/* Taking every change of a copy makes mine say what theirs says, in one
 * step; over random projects with random edits on theirs. */
static void
test_take_all_random (void)
{
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(RacimoProject) generated = racimo_large_project_new (
        (guint) g_test_rand_int_range (2, 12), (guint) g_test_rand_int_range (1, 4),
        (guint) g_test_rand_int_range (1, 5), (guint32) g_test_rand_int ());
      g_autoptr(RacimoProject) mine = copy (generated);
      g_autoptr(RacimoProject) theirs = copy (generated);
      g_autofree char *before = racimo_test_serialize (mine);
      g_autoptr(GPtrArray) differences = NULL;
      g_autoptr(GPtrArray) left = NULL;
      g_autofree char *undone = NULL;
      int n_edits = g_test_rand_int_range (1, 10);
      guint taken;

      for (int i = 0; i < n_edits; i++)
        racimo_random_edit (theirs);

      differences = racimo_differences_compare (mine, theirs);
      taken = racimo_differences_take_theirs (mine, theirs, differences);
      left = racimo_differences_compare (mine, theirs);
      /* What mine cannot take: activities of a phase mine lacks */
      for (guint i = 0; i < left->len; i++)
        g_assert_false (racimo_difference_can_take (mine, theirs, g_ptr_array_index (left, i)));

      if (taken > 0)
        {
          g_assert_true (racimo_history_undo (racimo_project_get_history (mine)));
          undone = racimo_test_serialize (mine);
          g_assert_cmpstr (undone, ==, before);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/differences/list", test_list);
  g_test_add_func ("/differences/take-each", test_take_each);
  g_test_add_func ("/differences/groups", test_groups);
  g_test_add_func ("/differences/take-each-item", test_take_each_item);
  g_test_add_func ("/differences/take-all-random", test_take_all_random);

  return g_test_run ();
}
