/* test-differences.c: what another copy changed, row by row and cell by
 * cell, and taking it (the window's compare mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
  g_test_add_func ("/differences/take-all-random", test_take_all_random);

  return g_test_run ();
}
