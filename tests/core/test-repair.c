/* test-repair.c: building a file that breaks rules of the format
 *
 * Every file of tests/files/bad/ either repairs into the project of
 * tests/files/repaired/ with the repairs of its .repairs file, or is a
 * safety gate that repairing still refuses, as loading does.  Repaired
 * projects load strictly, and the file itself is never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "racimo-core-private.h"
#include "racimo-document.h"
#include "racimo-file.h"
#include "racimo-test.h"

/* The safety gates (docs/file-format.md, "Repairing a file"): refused by
 * racimo_file_repair () as by racimo_file_load (). */
static const char * const gate_files[] = {
  "bare-ampersand.raci",
  "billion-laughs.raci",
  "binary.raci",
  "blank.raci",
  "bom-utf16-declared-utf8.raci",
  "bom-utf8-declared-latin1.raci",
  "control-character.raci",
  "deep-nesting.raci",
  "doctype-entities.raci",
  "empty.raci",
  "external-dtd.raci",
  "external-entity.raci",
  "html5.raci",
  "malformed.raci",
  "no-namespace.raci",
  "not-utf8.raci",
  "truncated.raci",
  "undeclared-prefix.raci",
  "undefined-entity.raci",
  "version-2.raci",
  "version-abc.raci",
  "wrong-namespace.raci",
  "wrong-root-xhtml.raci",
  "wrong-root.raci",
};

static gboolean
is_gate (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (gate_files); i++)
    if (strcmp (gate_files[i], name) == 0)
      return TRUE;

  return FALSE;
}

/* The repairs as the .repairs files list them: "LINE: problem; action". */
static char *
format_repairs (RacimoRepairs *repairs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < racimo_repairs_get_n_repairs (repairs); i++)
    g_string_append_printf (text, "%u: %s; %s\n", racimo_repairs_get_line (repairs, i),
                            racimo_repairs_get_problem (repairs, i),
                            racimo_repairs_get_action (repairs, i));

  return g_string_free (text, FALSE);
}

static char *
read_expected (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "repaired", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_bad_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "bad", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) strict_error = NULL;
  g_autoptr(RacimoRepairs) repairs = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoProject) strict = NULL;

  g_assert_nonnull (before);
  strict = racimo_file_load (file, NULL, NULL, &strict_error);
  g_assert_null (strict);
  project = racimo_file_repair (file, &repairs, NULL, &error);

  if (is_gate (name))
    {
      /* Refused exactly as loading refuses it */
      g_assert_null (project);
      g_assert_null (repairs);
      g_assert_error (error, RACIMO_FILE_ERROR, strict_error->code);
      g_assert_cmpstr (error->message, ==, strict_error->message);
    }
  else
    {
      g_autofree char *base = g_strndup (name, strlen (name) - strlen (".raci"));
      g_autofree char *repairs_name = g_strconcat (base, ".repairs", NULL);
      g_autofree char *expected_repairs = read_expected (repairs_name);
      g_autofree char *expected_project = read_expected (name);
      g_autofree char *listed = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GBytes) expected_bytes = NULL;
      g_autoptr(RacimoProject) reread = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (project);
      g_assert_nonnull (repairs);
      g_assert_cmpuint (racimo_repairs_get_n_repairs (repairs), >, 0);
      listed = format_repairs (repairs);
      g_assert_cmpstr (listed, ==, expected_repairs);

      /* The first repair is what loading refused, in the same words. */
      g_assert_nonnull (strstr (strict_error->message, racimo_repairs_get_problem (repairs, 0)));

      saved = racimo_file_serialize (project);
      g_assert_cmpstr (g_bytes_get_data (saved, NULL), ==, expected_project);

      /* The repaired project opens without repairs. */
      expected_bytes = g_bytes_new (expected_project, strlen (expected_project));
      reread = racimo_file_load_bytes (expected_bytes, "repaired.raci", &error);
      g_assert_no_error (error);
      g_assert_nonnull (reread);
    }

  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));
}

/* Every file of bad/ is a gate or has its repaired project, and every
 * repaired project its file. */
static void
test_corpus_complete (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "files", "bad", NULL);
  g_autofree char *repaired = g_test_build_filename (G_TEST_DIST, "files", "repaired", NULL);
  g_autoptr(GDir) dir = g_dir_open (repaired, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *base = g_strndup (name, strcspn (name, "."));
      g_autofree char *source = g_strconcat (bad, G_DIR_SEPARATOR_S, base, ".raci", NULL);

      g_assert_true (g_file_test (source, G_FILE_TEST_EXISTS));
      if (g_str_has_suffix (name, ".raci"))
        g_assert_false (is_gate (name));
    }

  for (guint i = 0; i < G_N_ELEMENTS (gate_files); i++)
    {
      g_autofree char *source = g_build_filename (bad, gate_files[i], NULL);

      g_assert_true (g_file_test (source, G_FILE_TEST_EXISTS));
    }
}

/* A file that breaks no rule repairs into what it loads as, with no
 * repair. */
static void
test_good_files (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "files", "good", NULL);
  g_autoptr(GDir) dir = g_dir_open (good, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (good, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(RacimoRepairs) repairs = NULL;
      g_autoptr(RacimoProject) loaded = racimo_file_load (file, NULL, NULL, &error);
      g_autoptr(RacimoProject) repaired = racimo_file_repair (file, &repairs, NULL, &error);
      g_autoptr(GBytes) loaded_bytes = NULL;
      g_autoptr(GBytes) repaired_bytes = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (racimo_repairs_get_n_repairs (repairs), ==, 0);
      loaded_bytes = racimo_file_serialize (loaded);
      repaired_bytes = racimo_file_serialize (repaired);
      g_assert_true (g_bytes_equal (loaded_bytes, repaired_bytes));
    }
}

static RacimoProject *
repair_text (const char     *text,
             RacimoRepairs **repairs)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_file_repair_bytes (bytes, "plan.raci", repairs, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static RacimoCodes
codes_of (RacimoProject *project,
          const char    *activity,
          const char    *role)
{
  return racimo_activity_get_codes (RACIMO_ACTIVITY (racimo_project_lookup (project, activity)),
                                    RACIMO_ROLE (racimo_project_lookup (project, role)));
}

/* "ad" in DACI spells the codes of the scheme; in RACI "D" is no code. */
static void
test_codes_follow_scheme (void)
{
  static const char daci[] =
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\"><title>t</title>"
    "<scheme>DACI</scheme><roles><role id=\"r\"><name>R</name></role></roles>"
    "<phases><phase id=\"p\"><name/><activity id=\"a\"><name>A</name>"
    "<assign role=\"r\" code=\"ad\"/></activity></phase></phases></raci-project>";
  static const char raci[] =
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\"><title>t</title>"
    "<roles><role id=\"r\"><name>R</name></role></roles>"
    "<phases><phase id=\"p\"><name/><activity id=\"a\"><name>A</name>"
    "<assign role=\"r\" code=\"ad\"/></activity></phase></phases></raci-project>";
  g_autoptr(RacimoRepairs) daci_repairs = NULL;
  g_autoptr(RacimoRepairs) raci_repairs = NULL;
  g_autoptr(RacimoProject) daci_project = repair_text (daci, &daci_repairs);
  g_autoptr(RacimoProject) raci_project = repair_text (raci, &raci_repairs);

  g_assert_cmpuint (codes_of (daci_project, "a", "r"), ==,
                    RACIMO_CODE_BIT ('A') | RACIMO_CODE_BIT ('D'));
  g_assert_cmpstr (racimo_repairs_get_action (daci_repairs, 0), ==, "read it as the codes D, A");
  g_assert_cmpuint (codes_of (raci_project, "a", "r"), ==, 0);
  g_assert_cmpstr (racimo_repairs_get_action (raci_repairs, 0), ==, "left the code out");
}

/* Cells that name a role by an id the repair changed still find it; a
 * missing role named by two cells is made once. */
static void
test_roles_found_again (void)
{
  static const char text[] =
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\"><title>t</title>"
    "<roles><role id=\"2nd role\"><name>Second</name></role></roles>"
    "<phases><phase id=\"p\"><name/>"
    "<activity id=\"a\"><name>A</name><assign role=\"2nd role\" code=\"R\"/>"
    "<assign role=\"qa\" code=\"A\"/></activity>"
    "<activity id=\"b\"><name>B</name><assign role=\"qa\" code=\"C\"/></activity>"
    "</phase></phases></raci-project>";
  g_autoptr(RacimoRepairs) repairs = NULL;
  g_autoptr(RacimoProject) project = repair_text (text, &repairs);

  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 2);
  g_assert_cmpuint (codes_of (project, "a", "item-2nd-role"), ==, RACIMO_CODE_BIT ('R'));
  g_assert_cmpuint (codes_of (project, "a", "qa"), ==, RACIMO_CODE_BIT ('A'));
  g_assert_cmpuint (codes_of (project, "b", "qa"), ==, RACIMO_CODE_BIT ('C'));
  g_assert_cmpuint (racimo_repairs_get_n_repairs (repairs), ==, 2);
  g_assert_cmpstr (racimo_repairs_get_item_id (repairs, 1), ==, "a");
}

/* A repair inside a role, phase or activity names it, for the window to
 * go there. */
static void
test_repair_names_its_item (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "bad",
                                                 "unknown-element.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RacimoRepairs) repairs = NULL;
  g_autoptr(RacimoProject) project = racimo_file_repair (file, &repairs, NULL, NULL);
  const char *id = racimo_repairs_get_item_id (repairs, 0);

  g_assert_nonnull (id);
  g_assert_true (RACIMO_IS_ROLE (racimo_project_lookup (project, id)));
}

/* In a thread, for the window: the project and its repairs */
static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "bad",
                                                 "unknown-role.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RacimoRepairs) repairs = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;

  racimo_file_repair_async (file, NULL, racimo_test_store_result, &result);
  project = racimo_file_repair_finish (racimo_test_await (&result, "the repair"), &repairs,
                                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (racimo_project_lookup (project, "qa"));
  g_assert_cmpuint (racimo_repairs_get_n_repairs (repairs), ==, 1);
  g_assert_cmpuint (racimo_repairs_get_line (repairs, 0), ==, 15);
}

/* A repaired copy is a new document: saving it needs a name, and the file
 * it was repaired from is not written. */
static void
test_document_needs_save_as (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "bad",
                                                 "duplicate-id.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RacimoRepairs) repairs = NULL;
  g_autoptr(RacimoProject) project = racimo_file_repair (file, &repairs, NULL, NULL);
  g_autoptr(RacimoDocument) document = racimo_document_new_repaired (project, file, repairs);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = racimo_document_suggest_file_name (document);

  g_assert_null (racimo_document_get_file (document));
  g_assert_true (racimo_document_get_needs_save_as (document));
  g_assert_true (racimo_document_get_repairs (document) == repairs);
  g_assert_cmpstr (racimo_document_get_title (document), ==, "duplicate-id (repaired)");
  g_assert_cmpstr (name, ==, "duplicate-id (repaired).raci");

  racimo_document_save_async (document, FALSE, NULL, racimo_test_store_result, &result);
  g_assert_false (racimo_document_save_finish (document, racimo_test_await (&result, "the save"),
                                               &error));
  g_assert_error (error, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS);

  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bad = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/repair/corpus-complete", test_corpus_complete);
  g_test_add_func ("/repair/good-files", test_good_files);
  g_test_add_func ("/repair/codes-follow-scheme", test_codes_follow_scheme);
  g_test_add_func ("/repair/roles-found-again", test_roles_found_again);
  g_test_add_func ("/repair/async", test_async);
  g_test_add_func ("/repair/names-its-item", test_repair_names_its_item);
  g_test_add_func ("/repair/document-needs-save-as", test_document_needs_save_as);

  bad = g_test_build_filename (G_TEST_DIST, "files", "bad", NULL);
  dir = g_dir_open (bad, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".raci"))
      g_ptr_array_add (names, g_strdup (name));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/repair/bad/%s",
                                               (char *) g_ptr_array_index (names, i));

      g_test_add_data_func (test, g_ptr_array_index (names, i), test_bad_file);
    }

  return g_test_run ();
}
