/* test-document.c: opening, saving and watching a project's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "racimo-csv.h"
#include "racimo-document.h"
#include "racimo-file.h"
#include "racimo-templates.h"
#include "racimo-test.h"

/* Helpers */

static char *
good_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", "good", name, NULL);
}

/* Copies a file of tests/files into @folder under @name. */
static GFile *
copy_into (const char *folder,
           const char *source,
           const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static char *
read_text (GFile *file)
{
  return racimo_test_read_text (g_file_peek_path (file));
}

typedef struct
{
  gpointer    object;
  const char *property;
  gboolean    value;
} BooleanState;

static gboolean
boolean_is (gpointer data)
{
  BooleanState *state = data;
  gboolean value;

  g_object_get (state->object, state->property, &value, NULL);
  return value == state->value;
}

static void
wait_for_boolean (gpointer    object,
                  const char *property,
                  gboolean    value)
{
  BooleanState state = { object, property, value };

  racimo_test_wait_until (boolean_is, &state, property);
}

/* Work under way (a draft being written, a callback not yet run) holds
 * the document until it is done; after that nothing may keep it alive. */
static void
finalize_document (RacimoDocument *document)
{
  racimo_test_wait_finalized (document, "the document to be finalized");
}

static RacimoDocument *
load (GFile   *file,
      GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  racimo_document_load_async (file, NULL, racimo_test_store_result, &result);
  return racimo_document_load_finish (racimo_test_await (&result, "a load"), error);
}

static RacimoDocument *
load_ok (GFile *file)
{
  g_autoptr(GError) error = NULL;
  RacimoDocument *document = load (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static gboolean
save (RacimoDocument  *document,
      gboolean         force,
      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  racimo_document_save_async (document, force, NULL, racimo_test_store_result, &result);
  return racimo_document_save_finish (document, racimo_test_await (&result, "a save"), error);
}

static gboolean
save_as (RacimoDocument  *document,
         GFile           *file,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  racimo_document_save_as_async (document, file, NULL, racimo_test_store_result, &result);
  return racimo_document_save_as_finish (document, racimo_test_await (&result, "a save as"),
                                         error);
}

static gboolean
reload (RacimoDocument  *document,
        GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  racimo_document_reload_async (document, NULL, racimo_test_store_result, &result);
  return racimo_document_reload_finish (document, racimo_test_await (&result, "a reload"), error);
}

static gboolean
check_on_disk (RacimoDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed;

  racimo_document_check_on_disk_async (document, NULL, racimo_test_store_result, &result);
  changed = racimo_document_check_on_disk_finish (document,
                                                  racimo_test_await (&result, "a check"), &error);
  g_assert_no_error (error);
  return changed;
}

/* What a colleague's program does: writes the file anew (here through a
 * temporary file renamed over it, as editors do). */
static void
write_as_colleague (GFile      *file,
                    const char *contents)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) before = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                   G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInfo) after = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  /* On a file system with coarse times, two writes within a tick look
   * the same; a colleague's would come later anyway. */
  after = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                             &error);
  g_assert_no_error (error);
  if (before != NULL && g_strcmp0 (g_file_info_get_etag (before),
                                   g_file_info_get_etag (after)) == 0)
    {
      guint64 mtime = g_file_info_get_attribute_uint64 (before, G_FILE_ATTRIBUTE_TIME_MODIFIED);

      g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime + 2,
                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
      g_assert_no_error (error);
    }
}

static char *
colleague_version (void)
{
  g_autofree char *path = good_path ("format-example.raci");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "<title>ML system deployment</title>",
                                      "<title>The colleague's version</title>", 1), ==, 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
edit (RacimoDocument *document,
      const char     *name)
{
  racimo_test_rename_first_activity (racimo_document_get_project (document), name);
}

/* A copy of format-example.raci, Plan.raci, in a folder of its own, and
 * the document loaded from it */
typedef struct
{
  char           *folder;
  GFile          *file;
  RacimoDocument *document;
} Plan;

static void
plan_set_up (Plan          *plan,
             gconstpointer  data)
{
  g_autofree char *source = good_path ("format-example.raci");

  plan->folder = racimo_test_make_folder ("racimo-document");
  plan->file = copy_into (plan->folder, source, "Plan.raci");
  plan->document = load_ok (plan->file);
}

static void
plan_tear_down (Plan          *plan,
                gconstpointer  data)
{
  finalize_document (plan->document);
  g_clear_object (&plan->file);
  racimo_test_remove_tree (plan->folder);
  g_free (plan->folder);
}

/* Opening */

static void
test_load (Plan          *plan,
           gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  g_autofree char *source = good_path ("format-example.raci");
  RacimoProject *project = racimo_document_get_project (document);

  g_assert_true (g_file_equal (racimo_document_get_file (document), file));
  g_assert_cmpstr (racimo_document_get_title (document), ==, "Plan.raci");
  g_assert_cmpstr (racimo_project_get_title (project), ==, "ML system deployment");
  g_assert_cmpint (racimo_document_get_source (document), ==, RACIMO_DOCUMENT_SOURCE_RACI);
  g_assert_false (racimo_document_get_modified (document));
  g_assert_false (racimo_document_get_needs_save_as (document));
  g_assert_false (racimo_document_get_newer_minor_version (document));
  g_assert_false (racimo_document_get_changed_on_disk (document));
  g_assert_false (racimo_document_get_deleted_on_disk (document));
  g_assert_false (racimo_document_get_busy (document));
  g_assert_null (racimo_document_get_import_problems (document));
  g_assert_false (racimo_document_get_has_draft (document));
  g_assert_null (racimo_document_get_drafts (document));

  /* A colleague's project renamed .xml is still a project. */
  {
    g_autoptr(GFile) renamed = copy_into (plan->folder, source, "Plan from Anna.xml");
    RacimoDocument *other = load_ok (renamed);

    g_assert_cmpint (racimo_document_get_source (other), ==, RACIMO_DOCUMENT_SOURCE_RACI);
    g_assert_false (racimo_document_get_needs_save_as (other));
    finalize_document (other);
  }
}

static void
test_load_errors (void)
{
  g_autofree char *folder = racimo_test_make_folder ("racimo-document");
  g_autofree char *malformed = g_test_build_filename (G_TEST_DIST, "files", "bad",
                                                      "malformed.raci", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (malformed);
  g_autoptr(GFile) missing = g_file_new_build_filename (folder, "Missing.raci", NULL);
  g_autofree char *bad_name = g_file_get_parse_name (bad);
  g_autofree char *missing_name = g_file_get_parse_name (missing);
  g_autoptr(GError) error = NULL;
  RacimoDocument *document;

  document = load (bad, &error);
  g_assert_null (document);
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, bad_name));
  g_clear_error (&error);

  document = load (missing, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, missing_name));
  g_assert_nonnull (strstr (error->message, "does not exist"));

  racimo_test_remove_tree (folder);
}

static void
test_load_newer_minor (void)
{
  g_autofree char *path = good_path ("newer-minor.raci");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RacimoDocument *document = load_ok (file);

  g_assert_true (racimo_document_get_newer_minor_version (document));
  g_assert_false (racimo_document_get_modified (document));
  finalize_document (document);
}

static void
test_load_csv (void)
{
  g_autofree char *folder = racimo_test_make_folder ("racimo-document");
  g_autofree char *comma = g_test_build_filename (G_TEST_DIST, "files", "csv",
                                                  "libreoffice-comma.csv", NULL);
  g_autofree char *messy = g_test_build_filename (G_TEST_DIST, "files", "csv",
                                                  "messy-cells.csv", NULL);
  g_autoptr(GFile) file = copy_into (folder, comma, "Plan.csv");
  g_autoptr(GFile) text = copy_into (folder, comma, "Plan exported.txt");
  g_autoptr(GFile) problems_file = copy_into (folder, messy, "Messy.csv");
  RacimoDocument *document = load_ok (file);
  GPtrArray *problems;

  g_assert_cmpint (racimo_document_get_source (document), ==, RACIMO_DOCUMENT_SOURCE_CSV);
  g_assert_cmpstr (racimo_document_get_title (document), ==, "Plan.csv");
  g_assert_true (racimo_document_get_needs_save_as (document));
  /* Imported: it matches no .raci file yet. */
  g_assert_true (racimo_document_get_modified (document));
  g_assert_cmpuint (racimo_project_get_n_roles (racimo_document_get_project (document)), ==, 8);
  /* Every column found by its header: nothing guessed */
  g_assert_false (racimo_document_get_import_guessed (document));
  finalize_document (document);

  /* A sheet saved as .txt is read as a sheet. */
  document = load_ok (text);
  g_assert_cmpint (racimo_document_get_source (document), ==, RACIMO_DOCUMENT_SOURCE_CSV);
  g_assert_true (racimo_document_get_needs_save_as (document));
  finalize_document (document);

  /* What the import did not understand is kept, for the window to show. */
  document = load_ok (problems_file);
  problems = racimo_document_get_import_problems (document);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 5);
  g_assert_cmpstr (((RacimoCsvProblem *) g_ptr_array_index (problems, 0))->text, ==, "yes");
  finalize_document (document);

  /* An activity column found by its place, with nothing left out: the
   * window still shows what was guessed */
  {
    g_autofree char *path = g_build_filename (folder, "Guessed.csv", NULL);
    g_autoptr(GFile) guessed = g_file_new_for_path (path);

    g_assert_true (g_file_set_contents (path, "Phase,Name,Lead\nPlan,Scope,A\n", -1, NULL));
    document = load_ok (guessed);
    g_assert_null (racimo_document_get_import_problems (document));
    g_assert_true (racimo_document_get_import_guessed (document));
    finalize_document (document);
  }

  racimo_test_remove_tree (folder);
}

/* Saving */

static void
test_save_reopen (Plan          *plan,
                  gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  RacimoDocument *reopened;
  RacimoProject *project = racimo_document_get_project (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  guint modified_notifies = 0;

  g_signal_connect (document, "notify::modified", G_CALLBACK (racimo_test_count_notify),
                    &modified_notifies);

  edit (document, "Agree on the business goal");
  racimo_project_toggle_code (project, racimo_test_first_activity (project),
                              racimo_project_get_role (project, 1), 'I');
  g_assert_true (racimo_document_get_modified (document));
  g_assert_cmpuint (modified_notifies, ==, 1);

  g_assert_true (save (document, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (racimo_document_get_modified (document));
  g_assert_false (racimo_document_get_busy (document));
  g_assert_cmpuint (modified_notifies, ==, 2);

  /* The bytes on disk are the canonical form of the edited project, and
   * read back as the same project. */
  expected = racimo_test_serialize (project);
  on_disk = read_text (file);
  g_assert_cmpstr (on_disk, ==, expected);

  reopened = load_ok (file);
  saved = racimo_test_serialize (racimo_document_get_project (reopened));
  g_assert_cmpstr (saved, ==, expected);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                     racimo_document_get_project (reopened)))), ==, "Agree on the business goal");

  /* Undoing back past the save makes it modified again. */
  racimo_history_undo (racimo_project_get_history (project));
  g_assert_true (racimo_document_get_modified (document));
  g_assert_false (racimo_document_get_changed_on_disk (document));

  finalize_document (reopened);
}

static void
test_save_as (void)
{
  g_autofree char *folder = racimo_test_make_folder ("racimo-document");
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;
  RacimoDocument *document;
  guint file_notifies = 0;

  project = racimo_templates_create ("ml-system-deployment", &error);
  g_assert_no_error (error);
  document = racimo_document_new_from_project (project, NULL);
  g_signal_connect (document, "notify::file", G_CALLBACK (racimo_test_count_notify),
                    &file_notifies);

  g_assert_null (racimo_document_get_file (document));
  g_assert_cmpint (racimo_document_get_source (document), ==, RACIMO_DOCUMENT_SOURCE_NEW);
  g_assert_cmpstr (racimo_document_get_title (document), ==, "ML system deployment");
  g_assert_true (racimo_document_get_needs_save_as (document));

  /* Save has nowhere to go. */
  g_assert_false (save (document, FALSE, &error));
  g_assert_error (error, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS);
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_clear_error (&error);

  edit (document, "Define the goal");
  name = racimo_document_suggest_file_name (document);
  g_assert_cmpstr (name, ==, "ML system deployment.raci");

  file = g_file_new_build_filename (folder, name, NULL);
  g_assert_true (save_as (document, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_equal (racimo_document_get_file (document), file));
  g_assert_cmpuint (file_notifies, ==, 1);
  g_assert_cmpstr (racimo_document_get_title (document), ==, "ML system deployment.raci");
  g_assert_cmpint (racimo_document_get_source (document), ==, RACIMO_DOCUMENT_SOURCE_RACI);
  g_assert_false (racimo_document_get_needs_save_as (document));
  g_assert_false (racimo_document_get_modified (document));

  expected = racimo_test_serialize (project);
  on_disk = read_text (file);
  g_assert_cmpstr (on_disk, ==, expected);

  /* From now on Save writes there. */
  edit (document, "Define the business goal");
  g_assert_true (save (document, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_text (file);
  g_assert_nonnull (strstr (on_disk, "<name>Define the business goal</name>"));

  finalize_document (document);
  racimo_test_remove_tree (folder);
}

static void
assert_suggestion (const char *title,
                   const char *expected)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoDocument) document = NULL;
  g_autofree char *name = NULL;

  racimo_project_set_title (project, title);
  document = racimo_document_new_from_project (project, NULL);
  name = racimo_document_suggest_file_name (document);
  g_assert_cmpstr (name, ==, expected);
}

static void
assert_extension (const char *name,
                  const char *expected)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GFile) completed = racimo_document_add_extension (file);
  g_autofree char *basename = g_file_get_basename (completed);

  g_assert_cmpstr (basename, ==, expected);
  g_assert_true (g_file_has_parent (completed, folder));
}

static void
test_suggest_file_name (void)
{
  g_autofree char *long_title = g_strnfill (300, 'a');
  g_autofree char *long_name = NULL;
  g_autofree char *cut = g_strnfill (200, 'a');

  assert_suggestion ("ML system deployment", "ML system deployment.raci");
  assert_suggestion ("Q3: roll-out / ML <pilot>?", "Q3- roll-out - ML -pilot--.raci");
  assert_suggestion ("C:\\plans\\\"big\" | small*", "C--plans--big- - small-.raci");
  assert_suggestion ("Two\nlines\tand   spaces", "Two lines and spaces.raci");
  assert_suggestion ("  ..hidden. ", "hidden.raci");
  assert_suggestion ("機械学習の導入", "機械学習の導入.raci");
  assert_suggestion ("", "Untitled.raci");
  assert_suggestion ("/", "-.raci");
  assert_suggestion ("...", "Untitled.raci");

  long_name = g_strconcat (cut, ".raci", NULL);
  assert_suggestion (long_title, long_name);

  /* A file keeps its name; a spreadsheet's becomes a project's. */
  {
    g_autoptr(RacimoProject) project = racimo_project_new ();
    g_autoptr(GFile) file = g_file_new_build_filename (g_get_tmp_dir (), "Budget 2025.csv",
                                                       NULL);
    g_autoptr(RacimoDocument) document = racimo_document_new_from_project (project, file);
    g_autofree char *name = racimo_document_suggest_file_name (document);

    g_assert_cmpstr (name, ==, "Budget 2025.raci");
    g_assert_true (racimo_document_get_needs_save_as (document));
  }

  assert_extension ("plan", "plan.raci");
  assert_extension ("plan.raci", "plan.raci");
  assert_extension ("plan.RACI", "plan.RACI");
  assert_extension ("plan.csv", "plan.raci");
  assert_extension ("plan.CSV", "plan.raci");
  assert_extension ("plan.xml", "plan.xml.raci");
}

static void
test_csv_never_overwritten (void)
{
  g_autofree char *folder = racimo_test_make_folder ("racimo-document");
  g_autofree char *comma = g_test_build_filename (G_TEST_DIST, "files", "csv",
                                                  "libreoffice-comma.csv", NULL);
  g_autoptr(GFile) csv = copy_into (folder, comma, "Plan.csv");
  g_autoptr(GFile) other_csv = g_file_new_build_filename (folder, "Plan 2.csv", NULL);
  g_autoptr(GFile) raci = NULL;
  g_autofree char *csv_before = read_text (csv);
  g_autofree char *csv_after = NULL;
  g_autofree char *name = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  RacimoDocument *document = load_ok (csv);

  edit (document, "Define the goal");

  g_assert_false (save (document, FALSE, &error));
  g_assert_error (error, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS);
  g_assert_cmpstr (error->message, ==,
                   "Plan.csv was imported from a spreadsheet; save the project as a .raci file "
                   "with Save As");
  g_clear_error (&error);

  /* Not even when forced. */
  g_assert_false (save (document, TRUE, &error));
  g_assert_error (error, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS);
  g_clear_error (&error);

  /* Nor to another .csv name. */
  g_assert_false (save_as (document, other_csv, &error));
  g_assert_error (error, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NOT_RACI_NAME);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (other_csv, NULL));

  csv_after = read_text (csv);
  g_assert_cmpstr (csv_after, ==, csv_before);
  g_assert_true (racimo_document_get_modified (document));

  name = racimo_document_suggest_file_name (document);
  g_assert_cmpstr (name, ==, "Plan.raci");
  raci = g_file_new_build_filename (folder, name, NULL);
  g_assert_true (save_as (document, raci, &error));
  g_assert_no_error (error);
  g_assert_false (racimo_document_get_needs_save_as (document));
  g_assert_cmpint (racimo_document_get_source (document), ==, RACIMO_DOCUMENT_SOURCE_RACI);

  edit (document, "Define the business goal");
  g_assert_true (save (document, FALSE, &error));
  g_assert_no_error (error);

  expected = racimo_test_serialize (racimo_document_get_project (document));
  on_disk = read_text (raci);
  g_assert_cmpstr (on_disk, ==, expected);
  g_clear_pointer (&csv_after, g_free);
  csv_after = read_text (csv);
  g_assert_cmpstr (csv_after, ==, csv_before);

  finalize_document (document);
  racimo_test_remove_tree (folder);
}

static void
test_save_stale_etag (Plan          *plan,
                      gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  g_autofree char *colleague = colleague_version ();
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_document_get_project (document);

  edit (document, "Mine");
  write_as_colleague (file, colleague);

  g_assert_false (save (document, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "changed by another program"));
  g_assert_nonnull (strstr (error->message, "Plan.raci"));
  g_clear_error (&error);

  /* Nothing lost on either side. */
  on_disk = read_text (file);
  g_assert_cmpstr (on_disk, ==, colleague);
  g_assert_true (racimo_document_get_project (document) == project);
  g_assert_true (racimo_document_get_modified (document));
  g_assert_true (racimo_document_get_changed_on_disk (document) || check_on_disk (document));

  /* The user said to overwrite. */
  g_assert_true (save (document, TRUE, &error));
  g_assert_no_error (error);
  expected = racimo_test_serialize (project);
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_text (file);
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_false (racimo_document_get_modified (document));
  g_assert_false (racimo_document_get_changed_on_disk (document));
  g_assert_false (check_on_disk (document));
}

/* Changed on disk */

static void
test_external_change (Plan          *plan,
                      gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  g_autofree char *colleague = colleague_version ();

  g_assert_false (racimo_document_get_changed_on_disk (document));
  write_as_colleague (file, colleague);

  /* The file monitor notices, without anyone asking. */
  wait_for_boolean (document, "changed-on-disk", TRUE);
  g_assert_false (racimo_document_get_deleted_on_disk (document));
  g_assert_false (racimo_document_get_modified (document));
}

static void
on_monitor_event (GFileMonitor      *monitor,
                  GFile             *file,
                  GFile             *other_file,
                  GFileMonitorEvent  event,
                  gpointer           user_data)
{
  guint *events = user_data;

  (*events)++;
}

static gboolean
has_events (gpointer user_data)
{
  return *(guint *) user_data > 0;
}

static void
test_own_save (Plan          *plan,
               gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  g_autofree char *colleague = colleague_version ();
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  guint events = 0;
  guint changed_notifies = 0;

  g_signal_connect (document, "notify::changed-on-disk", G_CALLBACK (racimo_test_count_notify),
                    &changed_notifies);
  monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (monitor, "changed", G_CALLBACK (on_monitor_event), &events);

  edit (document, "Mine");
  g_assert_true (save (document, FALSE, &error));
  g_assert_no_error (error);

  /* Our own save reaches the monitors as a rename over the file, like
   * anyone's: wait until it has arrived. */
  racimo_test_wait_until (has_events, &events, "the monitor's event");

  g_assert_false (check_on_disk (document));
  g_assert_false (racimo_document_get_changed_on_disk (document));
  g_assert_cmpuint (changed_notifies, ==, 0);

  /* A second save, as the user goes on working. */
  edit (document, "Mine, again");
  g_assert_true (save (document, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (check_on_disk (document));
  g_assert_cmpuint (changed_notifies, ==, 0);

  /* Whereas a colleague's write raises the banner. */
  write_as_colleague (file, colleague);
  wait_for_boolean (document, "changed-on-disk", TRUE);
  g_assert_cmpuint (changed_notifies, ==, 1);

  g_file_monitor_cancel (monitor);
}

static void
test_deleted (Plan          *plan,
              gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);

  wait_for_boolean (document, "deleted-on-disk", TRUE);
  g_assert_true (racimo_document_get_changed_on_disk (document));

  /* Saving puts it back: there is nothing of anyone's to overwrite. */
  g_assert_true (save (document, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (racimo_document_get_deleted_on_disk (document));
  g_assert_false (racimo_document_get_changed_on_disk (document));
  expected = racimo_test_serialize (racimo_document_get_project (document));
  on_disk = read_text (file);
  g_assert_cmpstr (on_disk, ==, expected);
}

static void
test_reload (Plan          *plan,
             gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  g_autofree char *colleague = colleague_version ();
  g_autoptr(GError) error = NULL;
  RacimoProject *old_project = racimo_document_get_project (document);
  guint project_notifies = 0;

  g_object_add_weak_pointer (G_OBJECT (old_project), (gpointer *) &old_project);
  g_signal_connect (document, "notify::project", G_CALLBACK (racimo_test_count_notify),
                    &project_notifies);

  edit (document, "Mine");
  write_as_colleague (file, colleague);
  wait_for_boolean (document, "changed-on-disk", TRUE);

  g_assert_true (reload (document, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (project_notifies, ==, 1);
  g_assert_null (old_project);
  g_assert_cmpstr (racimo_project_get_title (racimo_document_get_project (document)), ==,
                   "The colleague's version");
  g_assert_false (racimo_document_get_modified (document));
  g_assert_false (racimo_document_get_changed_on_disk (document));
  g_assert_false (check_on_disk (document));

  /* Edits go on being noticed on the new project. */
  edit (document, "Mine, on theirs");
  g_assert_true (racimo_document_get_modified (document));

  /* A file that can no longer be read leaves the document as it was. */
  write_as_colleague (file, "<raci-project");
  g_assert_false (reload (document, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_MALFORMED);
  g_assert_cmpuint (project_notifies, ==, 1);
  g_assert_true (racimo_document_get_modified (document));
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *locked = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  RacimoDocument *document;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }

  folder = racimo_test_make_folder ("racimo-document");
  locked = g_build_filename (folder, "Shared", NULL);
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);

  project = racimo_templates_create ("blank-raci", &error);
  g_assert_no_error (error);
  document = racimo_document_new_from_project (project, NULL);
  racimo_project_set_title (project, "Budget");
  g_assert_true (racimo_document_get_modified (document));

  file = g_file_new_build_filename (locked, "Budget.raci", NULL);
  g_assert_false (save_as (document, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "you do not have permission to write here"));
  g_test_message ("%s", error->message);

  /* Still here, still unsaved, still new. */
  g_assert_true (racimo_document_get_project (document) == project);
  g_assert_true (racimo_document_get_modified (document));
  g_assert_null (racimo_document_get_file (document));
  g_assert_false (racimo_document_get_busy (document));
  g_assert_false (g_file_query_exists (file, NULL));

  finalize_document (document);
  racimo_test_remove_tree (folder);
}

static void
test_save_missing_folder (void)
{
  g_autofree char *folder = racimo_test_make_folder ("racimo-document");
  g_autofree char *gone = g_build_filename (folder, "Gone", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (gone, "Plan.raci", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  RacimoDocument *document;

  project = racimo_templates_create ("ml-system-deployment", &error);
  g_assert_no_error (error);
  document = racimo_document_new_from_project (project, file);
  edit (document, "Mine");

  /* The folder was there when the file was chosen, and is not now. */
  g_assert_false (save (document, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_true (racimo_document_get_modified (document));
  g_assert_true (racimo_document_get_project (document) == project);

  finalize_document (document);
  racimo_test_remove_tree (folder);
}

static void
test_busy (Plan          *plan,
           gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) third = NULL;
  g_autoptr(GError) error = NULL;

  edit (document, "Mine");
  racimo_document_save_async (document, FALSE, NULL, racimo_test_store_result, &first);
  g_assert_true (racimo_document_get_busy (document));

  /* A second save, or a reload, asked for while the first runs, is
   * refused.  Both are asked for before the main loop runs again, so the
   * first save cannot have finished in between, however slow the machine. */
  racimo_document_save_async (document, FALSE, NULL, racimo_test_store_result, &second);
  racimo_document_reload_async (document, NULL, racimo_test_store_result, &third);
  g_assert_false (racimo_document_save_finish (document, racimo_test_await (&second, "a save"),
                                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_false (racimo_document_reload_finish (document, racimo_test_await (&third, "a reload"),
                                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  g_assert_true (racimo_document_save_finish (document, racimo_test_await (&first, "a save"),
                                              &error));
  g_assert_no_error (error);
  g_assert_false (racimo_document_get_busy (document));
  g_assert_false (racimo_document_get_modified (document));
}

/* Edits made while the file is being written are not in it: the project
 * stays modified. */
static void
test_edit_while_saving (Plan          *plan,
                        gconstpointer  data)
{
  RacimoDocument *document = plan->document;
  GFile *file = plan->file;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;

  edit (document, "Saved");
  racimo_document_save_async (document, FALSE, NULL, racimo_test_store_result, &result);
  edit (document, "Not saved yet");

  g_assert_true (racimo_document_save_finish (document, racimo_test_await (&result, "a save"),
                                              &error));
  g_assert_no_error (error);
  g_assert_true (racimo_document_get_modified (document));
  on_disk = read_text (file);
  g_assert_nonnull (strstr (on_disk, "<name>Saved</name>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_PLAN(path, func) \
  g_test_add (path, Plan, NULL, plan_set_up, func, plan_tear_down)

  ADD_PLAN ("/document/load", test_load);
  g_test_add_func ("/document/load-errors", test_load_errors);
  g_test_add_func ("/document/load-newer-minor", test_load_newer_minor);
  g_test_add_func ("/document/load-csv", test_load_csv);
  ADD_PLAN ("/document/save-reopen", test_save_reopen);
  g_test_add_func ("/document/save-as", test_save_as);
  g_test_add_func ("/document/suggest-file-name", test_suggest_file_name);
  g_test_add_func ("/document/csv-never-overwritten", test_csv_never_overwritten);
  ADD_PLAN ("/document/save-stale-etag", test_save_stale_etag);
  ADD_PLAN ("/document/external-change", test_external_change);
  ADD_PLAN ("/document/own-save", test_own_save);
  ADD_PLAN ("/document/deleted", test_deleted);
  ADD_PLAN ("/document/reload", test_reload);
  g_test_add_func ("/document/save-read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/document/save-missing-folder", test_save_missing_folder);
  ADD_PLAN ("/document/busy", test_busy);
  ADD_PLAN ("/document/edit-while-saving", test_edit_while_saving);

#undef ADD_PLAN

  return g_test_run ();
}
