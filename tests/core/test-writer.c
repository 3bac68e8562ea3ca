/* test-writer.c: the bytes Racimo writes, and saving them safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "racimo-checks.h"
#include "racimo-core-private.h"
#include "racimo-file.h"
#include "racimo-test.h"

static char *
good_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", "good", name, NULL);
}

static GBytes *
read_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static RacimoProject *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_file_load_bytes (bytes, "test.raci", &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* tests/files/good/@name, which must load */
static RacimoProject *
load_good (const char *name)
{
  g_autofree char *path = good_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) original = read_bytes (file);

  return load_bytes (original);
}

static char *
text_of (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_same_bytes (GBytes *expected,
                   GBytes *actual)
{
  gsize expected_size, actual_size;
  const char *expected_data = g_bytes_get_data (expected, &expected_size);
  const char *actual_data = g_bytes_get_data (actual, &actual_size);
  g_autofree char *expected_text = g_strndup (expected_data, expected_size);
  g_autofree char *actual_text = g_strndup (actual_data, actual_size);

  /* As text first, for a readable difference when they are not equal. */
  g_assert_cmpstr (actual_text, ==, expected_text);
  g_assert_cmpmem (actual_data, actual_size, expected_data, expected_size);
}

/* A temporary folder, removed with what is in it. */
typedef struct
{
  char *path;
} Folder;

static void
folder_setup (Folder        *folder,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  folder->path = g_dir_make_tmp ("racimo-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
folder_teardown (Folder        *folder,
                 gconstpointer  data)
{
  racimo_test_remove_tree (folder->path);
  g_free (folder->path);
}

static GFile *
folder_file (Folder     *folder,
             const char *name)
{
  g_autofree char *path = g_build_filename (folder->path, name, NULL);

  return g_file_new_for_path (path);
}

/* Equality of two projects, down to what was not understood */

static void
assert_same_foreign (GPtrArray *a,
                     GPtrArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;
  g_autoptr(GHashTable) parents = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer parent;

  g_assert_cmpuint (len_a, ==, len_b);

  /* The same entries in the same order for each element; the order
   * between elements does not matter. */
  for (guint i = 0; i < len_a; i++)
    {
      RacimoForeign *entry = g_ptr_array_index (a, i);

      g_hash_table_add (parents, entry->parent != NULL ? entry->parent : (char *) "");
    }

  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &parent, NULL))
    {
      guint j = 0;

      for (guint i = 0; i < len_a; i++)
        {
          RacimoForeign *x = g_ptr_array_index (a, i);
          RacimoForeign *y = NULL;

          if (g_strcmp0 (x->parent != NULL ? x->parent : "", parent) != 0)
            continue;

          for (; j < len_b && y == NULL; j++)
            {
              RacimoForeign *candidate = g_ptr_array_index (b, j);

              if (g_strcmp0 (candidate->parent != NULL ? candidate->parent : "", parent) == 0)
                y = candidate;
            }

          g_assert_nonnull (y);
          g_assert_cmpstr (x->anchor, ==, y->anchor);
          g_assert_cmpstr (x->qname, ==, y->qname);
          g_assert_cmpstr (x->value, ==, y->value);
        }
    }
}

static void
assert_same_item (RacimoItem *a,
                  RacimoItem *b)
{
  guint n = racimo_item_get_n_waivers (a);

  g_assert_cmpstr (racimo_item_get_id (a), ==, racimo_item_get_id (b));
  g_assert_cmpstr (racimo_item_get_name (a), ==, racimo_item_get_name (b));
  g_assert_cmpstr (racimo_item_get_description (a), ==, racimo_item_get_description (b));

  g_assert_cmpuint (n, ==, racimo_item_get_n_waivers (b));
  for (guint i = 0; i < n; i++)
    {
      const RacimoWaiver *waiver = racimo_item_get_waiver (a, i);

      g_assert_cmpstr (waiver->reason, ==, racimo_item_get_waiver_reason (b, waiver->check));
    }

  assert_same_foreign (_racimo_item_get_foreign (a), _racimo_item_get_foreign (b));
}

static void
assert_same_project (RacimoProject *a,
                     RacimoProject *b)
{
  guint n_roles = racimo_project_get_n_roles (a);

  g_assert_cmpstr (racimo_project_get_title (a), ==, racimo_project_get_title (b));
  g_assert_cmpstr (racimo_project_get_description (a), ==, racimo_project_get_description (b));
  g_assert_cmpstr (racimo_project_get_scheme_id (a), ==, racimo_project_get_scheme_id (b));
  g_assert_cmpuint (racimo_project_get_version_minor (a), ==,
                    racimo_project_get_version_minor (b));
  assert_same_foreign (_racimo_project_get_foreign (a), _racimo_project_get_foreign (b));

  g_assert_cmpuint (n_roles, ==, racimo_project_get_n_roles (b));
  for (guint i = 0; i < n_roles; i++)
    {
      RacimoRole *x = racimo_project_get_role (a, i);
      RacimoRole *y = racimo_project_get_role (b, i);

      assert_same_item (RACIMO_ITEM (x), RACIMO_ITEM (y));
      g_assert_cmpstr (racimo_role_get_abbrev (x), ==, racimo_role_get_abbrev (y));
      g_assert_cmpstr (racimo_role_get_person (x), ==, racimo_role_get_person (y));
      g_assert_cmpuint (racimo_item_get_n_conflicts (RACIMO_ITEM (x)), ==,
                        racimo_item_get_n_conflicts (RACIMO_ITEM (y)));
    }

  g_assert_cmpuint (racimo_project_get_n_people (a), ==, racimo_project_get_n_people (b));
  for (guint i = 0; i < racimo_project_get_n_people (a); i++)
    {
      RacimoPerson *x = racimo_project_get_person (a, i);
      RacimoPerson *y = racimo_project_get_person (b, i);

      assert_same_item (RACIMO_ITEM (x), RACIMO_ITEM (y));
      g_assert_cmpstr (racimo_person_get_email (x), ==, racimo_person_get_email (y));
    }

  g_assert_cmpuint (racimo_project_get_n_phases (a), ==, racimo_project_get_n_phases (b));
  for (guint i = 0; i < racimo_project_get_n_phases (a); i++)
    {
      RacimoPhase *x = racimo_project_get_phase (a, i);
      RacimoPhase *y = racimo_project_get_phase (b, i);

      assert_same_item (RACIMO_ITEM (x), RACIMO_ITEM (y));
      g_assert_cmpuint (racimo_phase_get_n_activities (x), ==, racimo_phase_get_n_activities (y));

      for (guint j = 0; j < racimo_phase_get_n_activities (x); j++)
        {
          RacimoActivity *s = racimo_phase_get_activity (x, j);
          RacimoActivity *t = racimo_phase_get_activity (y, j);

          assert_same_item (RACIMO_ITEM (s), RACIMO_ITEM (t));
          g_assert_cmpint (racimo_activity_get_applicable (s), ==,
                           racimo_activity_get_applicable (t));

          for (guint k = 0; k < n_roles; k++)
            {
              g_assert_cmpuint (racimo_activity_get_codes (s, racimo_project_get_role (a, k)), ==,
                                racimo_activity_get_codes (t, racimo_project_get_role (b, k)));
              g_assert_cmpstr (racimo_activity_get_note (s, racimo_project_get_role (a, k)), ==,
                               racimo_activity_get_note (t, racimo_project_get_role (b, k)));
            }
        }
    }
}

/* Loading a canonical file and saving it unchanged gives back its bytes. */
static void
test_canonical (Folder        *folder,
                gconstpointer  data)
{
  static const char * const names[] = {
    "canonical.raci", "canonical-foreign.raci", "format-example.raci",
    "canonical-foreign-in-text.raci", "people.raci", "people-foreign.raci",
    "people-foreign-moved.raci",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = good_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) copy = folder_file (folder, names[i]);
      g_autoptr(GBytes) original = read_bytes (file);
      g_autoptr(RacimoProject) project = load_bytes (original);
      g_autoptr(GBytes) serialized = racimo_file_serialize (project);
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", names[i]);
      assert_same_bytes (original, serialized);

      g_assert_true (racimo_file_save (project, copy, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      saved = read_bytes (copy);
      assert_same_bytes (original, saved);
    }
}

/* The writer writes the lowest version that holds the project: people
 * as 1.0 person texts while that says everything, and back to 1.0 when
 * what needed 1.1 is gone. */
static void
test_version_written (void)
{
  g_autofree char *path = good_path ("format-example.raci");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) original = read_bytes (file);
  g_autoptr(RacimoProject) project = load_bytes (original);
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoRole *manager = racimo_project_get_role (project, 0);
  RacimoRole *scientist = racimo_project_get_role (project, 1);
  RacimoActivity *kpis = RACIMO_ACTIVITY (racimo_project_lookup (project, "define-kpis"));
  RacimoPerson *sato = racimo_project_get_person (project, 0);
  RacimoPerson *lee;
  g_autoptr(GBytes) bytes = NULL;
  const char *text;

  bytes = racimo_file_serialize (project);
  assert_same_bytes (original, bytes);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* An e-mail address needs <people> */
  racimo_project_set_person_email (project, sato, "hanako.sato@example.com");
  bytes = racimo_file_serialize (project);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "version=\"1.1\""));
  g_assert_nonnull (strstr (text, "  <people>\n"
                                  "    <person id=\"sato-hanako\" "
                                  "email=\"hanako.sato@example.com\">\n"
                                  "      <name>Sato Hanako</name>\n"
                                  "    </person>\n"
                                  "  </people>\n"));
  g_assert_nonnull (strstr (text, "      <member person=\"sato-hanako\"/>\n"));
  g_assert_null (strstr (text, "<person>"));
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_true (racimo_history_undo (history));
  bytes = racimo_file_serialize (project);
  assert_same_bytes (original, bytes);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A second member of one role, and a person with no role */
  lee = racimo_project_add_person (project, -1, "Lee Min", NULL);
  bytes = racimo_file_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<person id=\"lee-min\">"));
  g_clear_pointer (&bytes, g_bytes_unref);
  racimo_project_add_member (project, scientist, lee);
  racimo_project_add_member (project, manager, lee);
  bytes = racimo_file_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "      <member person=\"sato-hanako\"/>\n"
                            "      <member person=\"lee-min\"/>\n"));
  g_clear_pointer (&bytes, g_bytes_unref);
  racimo_project_remove_member (project, manager, lee);
  bytes = racimo_file_serialize (project);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "version=\"1.0\""));
  g_assert_nonnull (strstr (text, "      <person>Lee Min</person>\n"));
  g_clear_pointer (&bytes, g_bytes_unref);
  for (guint i = 0; i < 4; i++)
    g_assert_true (racimo_history_undo (history));

  /* A note, after the assign elements */
  racimo_project_set_note (project, kpis, scientist, "Ask the\ndata team.");
  bytes = racimo_file_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "        <assign role=\"data-scientist\" code=\"C\"/>\n"
                            "        <note role=\"data-scientist\">Ask the\ndata team.</note>\n"
                            "      </activity>\n"));
  g_clear_pointer (&bytes, g_bytes_unref);
  racimo_project_set_note (project, kpis, scientist, NULL);
  bytes = racimo_file_serialize (project);
  assert_same_bytes (original, bytes);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A person's waiver: only <people> holds it */
  racimo_project_set_waiver (project, RACIMO_ITEM (sato), "overloaded-person", "Small team.");
  bytes = racimo_file_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "      <waiver check=\"overloaded-person\">Small team.</waiver>\n"
                            "    </person>\n"));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_true (racimo_history_undo (history));

  /* A waiver of a 1.1 check */
  racimo_project_set_waiver (project, RACIMO_ITEM (manager), "unstaffed-role", "Soon.");
  bytes = racimo_file_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "version=\"1.1\""));
}

/* @project saved and read back: the same people, in the same order, with
 * the same names and e-mail addresses, and each role the same members. */
static void
assert_people_kept (RacimoProject *project)
{
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);
  g_autoptr(RacimoProject) copy = load_bytes (bytes);
  guint n = racimo_project_get_n_people (project);

  g_test_message ("%s", (const char *) g_bytes_get_data (bytes, NULL));
  g_assert_cmpuint (racimo_project_get_n_people (copy), ==, n);
  for (guint i = 0; i < n; i++)
    {
      RacimoPerson *x = racimo_project_get_person (project, i);
      RacimoPerson *y = racimo_project_get_person (copy, i);

      g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (x)), ==,
                       racimo_item_get_name (RACIMO_ITEM (y)));
      g_assert_cmpstr (racimo_person_get_email (x), ==, racimo_person_get_email (y));
    }

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    {
      RacimoRole *x = racimo_project_get_role (project, r);
      RacimoRole *y = racimo_project_get_role (copy, r);

      g_assert_cmpuint (racimo_role_get_n_members (x), ==, racimo_role_get_n_members (y));
      for (guint i = 0; i < racimo_role_get_n_members (x); i++)
        g_assert_cmpint (racimo_project_index_of_person (project, racimo_role_get_member (x, i)),
                         ==,
                         racimo_project_index_of_person (copy, racimo_role_get_member (y, i)));
    }
}

/* The edge cases of "the lowest version that holds the project": the
 * 1.0 person texts are written only when they give back every person. */
static void
test_people_kept (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoRole *lead = racimo_project_add_role (project, -1, "Lead", "L");
  RacimoRole *owner = racimo_project_add_role (project, -1, "Owner", "O");
  RacimoPerson *nameless, *ann, *other_ann, *bob;
  g_autoptr(GBytes) bytes = NULL;

  /* A person with an empty name, a role's only member */
  nameless = racimo_project_add_person (project, -1, "", NULL);
  racimo_project_add_member (project, lead, nameless);
  assert_people_kept (project);
  /* ... and in two roles */
  racimo_project_add_member (project, owner, nameless);
  assert_people_kept (project);
  racimo_project_remove_person (project, nameless);
  g_assert_cmpuint (racimo_project_get_n_people (project), ==, 0);

  /* Names with white space around them, or inside on two lines */
  {
    RacimoPerson *spaced = racimo_project_add_person (project, -1, "  Spaced  ", NULL);
    RacimoPerson *lines = racimo_project_add_person (project, -1, "Two\nlines", NULL);

    racimo_project_add_member (project, lead, spaced);
    racimo_project_add_member (project, owner, lines);
    assert_people_kept (project);
    racimo_project_remove_person (project, spaced);
    racimo_project_remove_person (project, lines);
  }

  /* One person in two roles stays one person, in the 1.0 form */
  ann = racimo_project_add_person (project, -1, "Ann", NULL);
  racimo_project_add_member (project, lead, ann);
  racimo_project_add_member (project, owner, ann);
  bytes = racimo_file_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "version=\"1.0\""));
  g_clear_pointer (&bytes, g_bytes_unref);
  assert_people_kept (project);

  /* A person with an e-mail address and one role */
  racimo_project_remove_member (project, owner, ann);
  racimo_project_set_person_email (project, ann, "ann@example.com");
  assert_people_kept (project);
  g_assert_true (racimo_history_undo (history));

  /* Two people of one name, one role each */
  other_ann = racimo_project_add_person (project, -1, "Ann", NULL);
  racimo_project_add_member (project, owner, other_ann);
  assert_people_kept (project);
  racimo_project_remove_person (project, other_ann);

  /* A person who holds no role */
  bob = racimo_project_add_person (project, -1, "Bob", NULL);
  assert_people_kept (project);

  /* People in another order than the roles name them: Bob first, but
   * Ann's role comes first */
  racimo_project_add_member (project, owner, bob);
  racimo_project_move_person (project, bob, 0);
  assert_people_kept (project);
  g_assert_true (racimo_history_undo (history));
  bytes = racimo_file_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "version=\"1.0\""));
  assert_people_kept (project);
}

/* Every good file loads, writes, loads again to the same project, and
 * writes the same bytes again. */
static void
test_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", NULL);
  g_auto(GStrv) names = racimo_test_folder_names (path);
  guint n = 0;

  for (guint k = 0; names[k] != NULL; k++)
    {
      const char *name = names[k];
      g_autofree char *file_path = good_path (name);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(GBytes) original = read_bytes (file);
      g_autoptr(RacimoProject) first = load_bytes (original);
      g_autoptr(GBytes) once = racimo_file_serialize (first);
      g_autoptr(RacimoProject) second = load_bytes (once);
      g_autoptr(GBytes) twice = racimo_file_serialize (second);

      g_test_message ("%s", name);
      /* Foreign content that an earlier Racimo kept on an empty person
       * text moves to a member: /writer/people-never-both checks where */
      if (!g_str_equal (name, "people-foreign-person-text.raci"))
        assert_same_project (first, second);
      assert_same_bytes (once, twice);
      n++;
    }

  g_assert_cmpuint (n, >=, 25);
}

static void
test_foreign_placement (void)
{
  g_autoptr(RacimoProject) project = load_good ("foreign.raci");
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);
  g_autofree char *text = text_of (bytes);

  g_assert_cmpstr (text, ==,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\" "
    "xmlns:pt=\"urn:example:plantool\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:q=\"http://example.org/ns?a=1&amp;b=2\" pt:revision=\"17\">\n"
    "  <!-- Exported by PlanTool 4.2 -->\n"
    "  <?plantool mode=\"sync\"?>\n"
    "  <pt:sync last=\"2024-05-01T10:00:00Z\" by=\"sato\">\n"
    "    <pt:source>shared drive</pt:source>\n"
    "  </pt:sync>\n"
    "  <title xml:lang=\"en\">Foreign content everywhere</title>\n"
    "  <dc:creator>Sato Hanako</dc:creator>\n"
    "  <description>Text <!-- a comment inside text -->kept.</description>\n"
    "  <scheme pt:locked=\"yes\">RACI</scheme>\n"
    "  <!-- before the roles -->\n"
    "  <roles pt:sorted=\"no\">\n"
    "    <pt:group name=\"business\"/>\n"
    "    <role id=\"am\" abbrev=\"AM\" pt:color=\"#c01c28\">\n"
    "      <pt:avatar href=\"am.png\"/>\n"
    "      <name>Account manager</name>\n"
    "      <pt:hours>20</pt:hours>\n"
    "      <person pt:email=\"sato@example.com\">Sato Hanako</person>\n"
    "      <description>Wins the go-ahead.</description>\n"
    "      <waiver check=\"idle-role\" pt:by=\"lead\">Reads only.</waiver>\n"
    "      <pt:end/>\n"
    "    </role>\n"
    "    <pt:group name=\"engineering\"/>\n"
    "    <role id=\"ds\">\n"
    "      <name>Data scientist</name>\n"
    "    </role>\n"
    "    <!-- after the last role -->\n"
    "  </roles>\n"
    "  <phases>\n"
    "    <phase id=\"requirements\" pt:weeks=\"3\">\n"
    "      <name>Requirements</name>\n"
    "      <pt:milestone date=\"2024-06-01\"/>\n"
    "      <activity id=\"kpis\">\n"
    "        <name>Define the KPIs</name>\n"
    "        <assign role=\"am\" code=\"A\" pt:confirmed=\"yes\"/>\n"
    "        <assign role=\"ds\" code=\"R\">\n"
    "          <pt:note>Needs the data first.</pt:note>\n"
    "        </assign>\n"
    "        <note xmlns=\"urn:example:notes\" level=\"2\">Default namespace of another tool, "
    "<b>bold</b> and 日本語.</note>\n"
    "        <pt:raw><![CDATA[a < b && c > d]]></pt:raw>\n"
    "      </activity>\n"
    "      <!-- between activities -->\n"
    "      <activity id=\"data\" pt:note=\"two&#10;lines&#9;and a tab\">\n"
    "        <name>Collect the data</name>\n"
    "        <assign role=\"ds\" code=\"A\" pt:by=\"first\"/>\n"
    "        <assign role=\"ds\" code=\"A\" pt:by=\"second\"/>\n"
    "      </activity>\n"
    "    </phase>\n"
    "  </phases>\n"
    "  <pt:footer q:kind=\"query &amp; more\"/>\n"
    "  <!-- end of export -->\n"
    "</raci-project>\n");
}

/* Removing what foreign content follows moves it to the end of its parent
 * rather than losing it. */
static void
test_foreign_anchor_gone (void)
{
  g_autoptr(RacimoProject) project = load_good ("canonical-foreign.raci");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RacimoProject) reloaded = NULL;
  g_autofree char *text = NULL;
  RacimoPhase *phase = racimo_project_get_phase (project, 0);
  RacimoActivity *activity = racimo_phase_get_activity (phase, 0);
  RacimoRole *role = racimo_project_get_role (project, 0);

  racimo_project_remove_role (project, role);
  racimo_project_remove_activity (project, activity);
  bytes = racimo_file_serialize (project);
  text = text_of (bytes);

  g_assert_nonnull (strstr (text,
    "  <roles pt:sorted=\"no\">\n"
    "    <pt:group name=\"first\"/>\n"
    "    <pt:group name=\"last\"/>\n"
    "  </roles>\n"));
  g_assert_nonnull (strstr (text,
    "    <phase id=\"p\" pt:weeks=\"3\">\n"
    "      <name>Phase</name>\n"
    "      <pt:milestone date=\"2024-06-01\">\n"
    "        <pt:check>multi-line\n"
    "  content kept</pt:check>\n"
    "      </pt:milestone>\n"
    "      <!-- between activities -->\n"
    "    </phase>\n"));

  reloaded = load_bytes (bytes);
  g_assert_cmpuint (racimo_project_get_n_roles (reloaded), ==, 0);
}

/* Foreign content inside text keeps its place in it; when the text was
 * edited so that the place is gone, it goes at the end, not lost. */
static void
test_foreign_in_text_edited (void)
{
  g_autoptr(RacimoProject) project = load_good ("canonical-foreign-in-text.raci");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  /* What the program shows is the text alone. */
  g_assert_cmpstr (racimo_project_get_title (project), ==, "Hello  world");

  racimo_project_set_title (project, "Hi");
  bytes = racimo_file_serialize (project);
  text = text_of (bytes);
  g_assert_nonnull (strstr (text, "  <title>Hi<x:b>bold</x:b></title>\n"));
}

static void
test_version (void)
{
  g_autoptr(RacimoProject) project = load_good ("newer-minor.raci");
  g_autoptr(RacimoProject) fresh = racimo_project_new ();
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);
  g_autoptr(GBytes) fresh_bytes = racimo_file_serialize (fresh);
  g_autofree char *text = text_of (bytes);
  g_autofree char *fresh_text = text_of (fresh_bytes);
  g_autoptr(RacimoProject) reloaded = load_bytes (fresh_bytes);

  /* Written back with the minor version it was read with */
  g_assert_true (g_str_has_prefix (text,
                                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<raci-project xmlns=\"urn:x-racimo:raci:1\" "
                                   "version=\"1.3\">\n"));
  /* A new project: an empty title, the scheme, nothing else */
  g_assert_cmpstr (fresh_text, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
                   "  <title/>\n"
                   "  <scheme>RACI</scheme>\n"
                   "</raci-project>\n");
  assert_same_project (fresh, reloaded);
}

static const char expected_ordered[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Q&amp;A &lt;\"team\"&gt; 'it's' &gt; all</title>\n"
  "  <scheme>RASCI</scheme>\n"
  "  <roles>\n"
  "    <role id=\"tester-qa\" abbrev=\"T&amp;&quot;&lt;&gt;&#9;&#10;\">\n"
  "      <name>Tester &amp; \"QA\"</name>\n"
  "    </role>\n"
  "    <role id=\"owner\">\n"
  "      <name>Owner</name>\n"
  "      <person>Line one\nLine two</person>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"phase\">\n"
  "      <name/>\n"
  "      <activity id=\"ship-it\" applicable=\"no\">\n"
  "        <name>Ship &lt;it&gt;</name>\n"
  "        <description>\n  indented\n\ttabbed &amp; done&#13;\n</description>\n"
  "        <assign role=\"tester-qa\" code=\"S\"/>\n"
  "        <assign role=\"tester-qa\" code=\"C\"/>\n"
  "        <assign role=\"tester-qa\" code=\"X\"/>\n"
  "        <assign role=\"owner\" code=\"R\"/>\n"
  "        <assign role=\"owner\" code=\"A\"/>\n"
  "        <assign role=\"owner\" code=\"I\"/>\n"
  "        <assign role=\"owner\" code=\"Z\"/>\n"
  "        <waiver check=\"no-owner\"/>\n"
  "        <waiver check=\"many-owners\">&lt;none&gt;</waiver>\n"
  "        <waiver check=\"unknown-code\">Z &amp; X: later</waiver>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

/* Edits through the model's public API, in any order, come out in the
 * canonical order and escaped as docs/file-format.md, "Canonical output", says. */
static void
test_order_and_escaping (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RacimoProject) reloaded = NULL;
  g_autofree char *text = NULL;
  RacimoRole *tester, *owner;
  RacimoPhase *phase;
  RacimoActivity *activity;

  racimo_project_set_title (project, "Q&A <\"team\"> 'it's' > all");
  racimo_project_set_scheme (project, "RASCI");
  tester = racimo_project_add_role (project, -1, "Tester & \"QA\"", "T&\"<>\t\n");
  owner = racimo_project_add_role (project, -1, "Owner", NULL);
  racimo_project_set_role_person (project, owner, "Line one\nLine two");
  phase = racimo_project_add_phase (project, -1, "");
  activity = racimo_project_add_activity (project, phase, -1, "Ship <it>");
  racimo_project_set_item_description (project, RACIMO_ITEM (activity),
                                       "\n  indented\n\ttabbed & done\r\n");
  racimo_project_set_codes (project, activity, owner, racimo_test_codes ("IZAR"));
  racimo_project_set_codes (project, activity, tester, racimo_test_codes ("CXS"));
  racimo_project_set_waiver (project, RACIMO_ITEM (activity), "unknown-code", "Z & X: later");
  racimo_project_set_waiver (project, RACIMO_ITEM (activity), "no-owner", "");
  racimo_project_set_waiver (project, RACIMO_ITEM (activity), "many-owners", "<none>");
  racimo_project_set_applicable (project, activity, FALSE);

  bytes = racimo_file_serialize (project);
  text = text_of (bytes);
  g_assert_cmpstr (text, ==, expected_ordered);

  reloaded = load_bytes (bytes);
  assert_same_project (project, reloaded);
}

/* A matrix large enough for the reader to free its tree in the background */
static void
test_large (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoProject) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  RacimoRole *roles[12];

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strdup_printf ("Role number %u", i);

      roles[i] = racimo_project_add_role (project, -1, name, NULL);
    }

  for (guint p = 0; p < 10; p++)
    {
      g_autofree char *phase_name = g_strdup_printf ("Phase %u", p);
      RacimoPhase *phase = racimo_project_add_phase (project, -1, phase_name);

      for (guint a = 0; a < 100; a++)
        {
          g_autofree char *name = g_strdup_printf ("Activity %u of phase %u", a, p);
          RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, name);

          for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
            if ((a + r) % 3 == 0)
              racimo_project_set_codes (project, activity, roles[r],
                                        racimo_test_codes (r % 4 == 0 ? "AR" : "CI"));
        }
    }

  bytes = racimo_file_serialize (project);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 256 * 1024);

  reloaded = load_bytes (bytes);
  assert_same_project (project, reloaded);
  again = racimo_file_serialize (reloaded);
  assert_same_bytes (bytes, again);
}

/* Whatever is in a project, the file written opens again. */
static void
test_never_refused (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RacimoProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  RacimoRole *role;
  RacimoPhase *phase;
  RacimoActivity *activity;

  /* Control characters that XML cannot hold, even escaped, pasted into
   * names; names in scripts that make no id; empty names */
  racimo_project_set_title (project, "Bell\a, escape \x1b, form feed \f, end \xef\xbf\xbf.");
  racimo_project_set_description (project, "]]> and <![CDATA[ and &amp; written as text");
  role = racimo_project_add_role (project, -1, "データサイエンティスト", "データ分析担当者");
  racimo_project_add_role (project, -1, "", NULL);
  racimo_project_add_role (project, -1, "", "");
  phase = racimo_project_add_phase (project, -1, "");
  racimo_project_add_phase (project, -1, "");
  activity = racimo_project_add_activity (project, phase, -1, "");
  racimo_project_set_codes (project, activity, role,
                            racimo_test_codes ("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  racimo_project_set_scheme (project, "DACI");

  for (RacimoCheck check = 0; check < RACIMO_N_CHECKS; check++)
    racimo_project_set_waiver (project, RACIMO_ITEM (activity), racimo_check_get_id (check),
                               "\"'<>&");

  bytes = racimo_file_serialize (project);
  reloaded = racimo_file_load_bytes (bytes, "test.raci", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (racimo_project_get_title (reloaded), ==,
                   "Bell, escape , form feed , end .");
  g_assert_cmpstr (racimo_project_get_description (reloaded), ==,
                   racimo_project_get_description (project));
  g_assert_cmpstr (racimo_project_get_scheme_id (reloaded), ==, "DACI");
  g_assert_cmpuint (racimo_project_get_n_roles (reloaded), ==, 3);
  g_assert_cmpuint (racimo_project_get_n_phases (reloaded), ==, 2);
  g_assert_cmpuint (racimo_activity_get_codes (racimo_phase_get_activity (
                      racimo_project_get_phase (reloaded, 0), 0),
                      racimo_project_get_role (reloaded, 0)), ==,
                    racimo_test_codes ("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
}

static void
touch (GFile  *file,
       guint64 seconds)
{
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

/* A colleague saved the file while it was open here: saving refuses to
 * overwrite their work. */
static void
test_stale_etag (Folder        *folder,
                 gconstpointer  data)
{
  g_autofree char *path = good_path ("format-example.raci");
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) file = folder_file (folder, "shared.raci");
  g_autoptr(GBytes) original = read_bytes (source);
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  static const char colleague[] = "their version\n";

  g_file_replace_contents (file, g_bytes_get_data (original, NULL),
                           g_bytes_get_size (original), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  touch (file, 1700000000);

  project = racimo_file_load (file, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  /* Saving with the etag of what was read works, and gives the next one */
  racimo_project_set_title (project, "Changed here");
  g_assert_true (racimo_file_save (project, file, etag, &new_etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (new_etag);
  touch (file, 1700000100);
  g_clear_pointer (&new_etag, g_free);
  g_clear_pointer (&etag, g_free);
  g_clear_object (&project);
  project = racimo_file_load (file, &etag, NULL, &error);
  g_assert_no_error (error);

  /* The colleague writes */
  g_file_replace_contents (file, colleague, strlen (colleague), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  touch (file, 1700000200);

  g_assert_false (racimo_file_save (project, file, etag, &new_etag, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  message = g_strconcat (name, ": the file was changed by another program since it was opened; "
                         "saving would overwrite those changes", NULL);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (new_etag);
  g_clear_error (&error);

  after = read_bytes (file);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   colleague, strlen (colleague));

  /* Without an etag, the user chose to overwrite */
  g_assert_true (racimo_file_save (project, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_save_async (Folder        *folder,
                 gconstpointer  data)
{
  g_autofree char *path = good_path ("canonical.raci");
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) file = folder_file (folder, "async.raci");
  g_autoptr(GBytes) original = read_bytes (source);
  g_autoptr(RacimoProject) project = load_bytes (original);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  racimo_file_save_async (project, file, NULL, NULL, racimo_test_store_result,
                          &result);
  racimo_test_await (&result, "a save");

  g_assert_true (racimo_file_save_finish (result, &etag, &error));
  g_assert_no_error (error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (etag, ==, g_file_info_get_etag (info));

  saved = read_bytes (file);
  assert_same_bytes (original, saved);
}

static void
test_save_errors (Folder        *folder,
                  gconstpointer  data)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autofree char *missing_path = g_build_filename (folder->path, "missing", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) file = g_file_get_child (missing, "plan.raci");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = g_strdup_printf ("%s: the folder \"%s\" does not exist", name,
                                              missing_path);
  g_autofree char *etag = NULL;

  g_assert_false (racimo_file_save (project, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  racimo_file_save_async (project, file, NULL, NULL, racimo_test_store_result,
                          &result);
  racimo_test_await (&result, "a save");

  g_assert_false (racimo_file_save_finish (result, &etag, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (etag);
  g_assert_false (g_file_query_exists (missing, NULL));
}

/* Foreign content on and in a 1.0 person text, on and in the members of
 * 1.1 and on and in <people> survives the switch from one form of people
 * to the other, both ways (docs/file-format.md, "People"). */
static void
test_foreign_across_people_forms (void)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
    "  <title>T</title>\n"
    "  <scheme>RACI</scheme>\n"
    "  <roles>\n"
    "    <role id=\"lead\">\n"
    "      <name>Lead</name>\n"
    "      <person xmlns:x=\"urn:x-test\" x:src=\"hr\">Sato Hanako<x:note>HR</x:note></person>\n"
    "    </role>\n"
    "  </roles>\n"
    "</raci-project>\n";
  static const char * const forms_1_1[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.1\">\n"
    "  <title>T</title>\n"
    "  <scheme>RACI</scheme>\n"
    "  <people xmlns:x=\"urn:x-test\" x:list=\"staff\">\n"
    "    <person id=\"sato\">\n"
    "      <name>Sato</name>\n"
    "    </person>\n"
    "    <x:after-sato/>\n"
    "  </people>\n"
    "  <roles>\n"
    "    <role id=\"lead\">\n"
    "      <name>Lead</name>\n"
    "      <member person=\"sato\"/>\n"
    "    </role>\n"
    "  </roles>\n"
    "</raci-project>\n",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.1\">\n"
    "  <title>T</title>\n"
    "  <scheme>RACI</scheme>\n"
    "  <people>\n"
    "    <person id=\"sato\">\n"
    "      <name>Sato</name>\n"
    "    </person>\n"
    "  </people>\n"
    "  <roles>\n"
    "    <role id=\"lead\">\n"
    "      <name>Lead</name>\n"
    "      <member person=\"sato\" xmlns:x=\"urn:x-test\" x:share=\"50\">\n"
    "        <x:since>2024</x:since>\n"
    "      </member>\n"
    "    </role>\n"
    "  </roles>\n"
    "</raci-project>\n",
  };
  g_autoptr(GBytes) original = g_bytes_new_static (head, sizeof head - 1);
  g_autoptr(RacimoProject) project = load_bytes (original);
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoPerson *sato = racimo_project_get_person (project, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(RacimoProject) copy = NULL;
  g_autofree char *text = NULL;

  /* 1.0 to 1.1: what was on and in the person text moves to the member
   * it named, as a role has person texts or members, never both */
  racimo_project_set_person_email (project, sato, "sato@example.com");
  bytes = racimo_file_serialize (project);
  text = text_of (bytes);
  g_assert_nonnull (strstr (text, "version=\"1.1\""));
  g_assert_nonnull (strstr (text,
                            "      <name>Lead</name>\n"
                            "      <member person=\"sato-hanako\" xmlns:x=\"urn:x-test\" x:src=\"hr\">\n"
                            "        <x:note>HR</x:note>\n"
                            "      </member>\n"
                            "    </role>\n"));
  g_assert_null (strstr (text, "      <person"));
  /* It reads back as it is written, with no person more */
  copy = load_bytes (bytes);
  g_assert_cmpuint (racimo_project_get_n_people (copy), ==, 1);
  g_assert_cmpuint (racimo_role_get_n_members (racimo_project_get_role (copy, 0)), ==, 1);
  again = racimo_file_serialize (copy);
  assert_same_bytes (bytes, again);
  g_clear_pointer (&again, g_bytes_unref);
  /* Read back, the member holds that content: the 1.0 form, which has no
   * place for it on a member, is not written again */
  racimo_project_set_person_email (copy, racimo_project_get_person (copy, 0), NULL);
  again = racimo_file_serialize (copy);
  g_clear_pointer (&text, g_free);
  text = text_of (again);
  g_assert_nonnull (strstr (text, "version=\"1.1\""));
  g_assert_nonnull (strstr (text,
                            "      <member person=\"sato-hanako\" xmlns:x=\"urn:x-test\" x:src=\"hr\">\n"
                            "        <x:note>HR</x:note>\n"
                            "      </member>\n"));
  g_clear_pointer (&again, g_bytes_unref);
  g_clear_object (&copy);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* And back to 1.0: the person text again, with its foreign content in
   * its place */
  racimo_history_undo (history);
  bytes = racimo_file_serialize (project);
  assert_same_bytes (original, bytes);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&project);
  g_clear_pointer (&original, g_bytes_unref);

  /* Foreign content on and in <people>, or on and in a member, keeps the
   * 1.1 form, which alone has a place for it */
  for (guint i = 0; i < G_N_ELEMENTS (forms_1_1); i++)
    {
      original = g_bytes_new_static (forms_1_1[i], strlen (forms_1_1[i]));
      project = load_bytes (original);
      g_assert_false (racimo_project_needs_people (project));
      bytes = racimo_file_serialize (project);
      assert_same_bytes (original, bytes);
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_object (&project);
      g_clear_pointer (&original, g_bytes_unref);
    }
}

/* A role has person texts or members, never both: a file in which an
 * earlier Racimo kept foreign content on an empty person text beside the
 * members is saved with that content on the member it named
 * (docs/file-format.md, "People"). */
static void
test_people_never_both (void)
{
  g_autofree char *path = good_path ("people-foreign-person-text.raci");
  g_autofree char *moved_path = good_path ("people-foreign-moved.raci");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) moved_file = g_file_new_for_path (moved_path);
  g_autoptr(GBytes) original = read_bytes (file);
  g_autoptr(GBytes) moved = read_bytes (moved_file);
  g_autoptr(RacimoProject) project = load_bytes (original);
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);

  assert_same_bytes (moved, bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/writer/canonical", Folder, NULL, folder_setup, test_canonical, folder_teardown);
  g_test_add_func ("/writer/people-never-both", test_people_never_both);
  g_test_add_func ("/writer/round-trip", test_round_trip);
  g_test_add_func ("/writer/version-written", test_version_written);
  g_test_add_func ("/writer/people-kept", test_people_kept);
  g_test_add_func ("/writer/foreign-placement", test_foreign_placement);
  g_test_add_func ("/writer/foreign-anchor-gone", test_foreign_anchor_gone);
  g_test_add_func ("/writer/foreign-in-text-edited", test_foreign_in_text_edited);
  g_test_add_func ("/writer/version", test_version);
  g_test_add_func ("/writer/foreign-across-people-forms", test_foreign_across_people_forms);
  g_test_add_func ("/writer/order-and-escaping", test_order_and_escaping);
  g_test_add_func ("/writer/never-refused", test_never_refused);
  g_test_add_func ("/writer/large", test_large);
  g_test_add ("/writer/stale-etag", Folder, NULL, folder_setup, test_stale_etag,
              folder_teardown);
  g_test_add ("/writer/save-async", Folder, NULL, folder_setup, test_save_async,
              folder_teardown);
  g_test_add ("/writer/save-errors", Folder, NULL, folder_setup, test_save_errors,
              folder_teardown);

  return g_test_run ();
}
