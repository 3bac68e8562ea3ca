/* test-drafts.c: unsaved changes survive a crash
 *
 * The crash tests run this program a second time as a helper
 * ("--crash-helper MODE FILE FOLDER") that opens FILE, edits it, writes
 * drafts to FOLDER and is then killed with SIGKILL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "racimo-document.h"
#include "racimo-drafts-private.h"
#include "racimo-drafts.h"
#include "racimo-file.h"
#include "racimo-templates.h"
#include "racimo-test.h"

/* Helpers */

static char *
draft_files (const char *id)
{
  return g_strdup_printf ("%s.draft %s.raci", id, id);
}

static char *
draft_path (const char *folder,
            const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (folder, name, NULL);
}

/* A project folder with Plan.raci, and a drafts folder, side by side. */
typedef struct
{
  char         *root;
  char         *projects;
  char         *drafts_folder;
  char         *original;   /* the bytes of Plan.raci as copied */
  GFile        *file;
  RacimoDrafts *drafts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "files", "good",
                                                   "format-example.raci", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->root = racimo_test_make_folder ("racimo-drafts");
  fixture->projects = g_build_filename (fixture->root, "projects", NULL);
  fixture->drafts_folder = g_build_filename (fixture->root, "drafts", NULL);
  g_assert_cmpint (g_mkdir (fixture->projects, 0700), ==, 0);

  fixture->original = racimo_test_read_text (source);
  path = g_build_filename (fixture->projects, "Plan.raci", NULL);
  g_file_set_contents (path, fixture->original, -1, &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (path);

  fixture->drafts = racimo_drafts_new (fixture->drafts_folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A thread that wrote a draft may let go of the store a moment after
   * its callback has run. */
  racimo_test_wait_finalized (fixture->drafts, "the drafts store to be finalized");

  g_clear_object (&fixture->file);
  racimo_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->projects);
  g_free (fixture->drafts_folder);
  g_free (fixture->original);
}

static void
assert_original_untouched (Fixture *fixture)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *contents = racimo_test_read_text (path);
  g_autofree char *names = racimo_test_list_folder (fixture->projects);

  g_assert_cmpstr (contents, ==, fixture->original);
  /* No temporary file, no backup, nothing half-written beside it. */
  g_assert_cmpstr (names, ==, "Plan.raci");
}

/* Work under way (a draft being written, a callback not yet run) holds
 * the document until it is done; after that nothing may keep it alive. */
static void
finalize_document (RacimoDocument *document)
{
  racimo_test_wait_finalized (document, "the document to be finalized");
}

typedef struct
{
  RacimoDocument *document;
  gboolean        value;
} DraftState;

static gboolean
has_draft_is (gpointer data)
{
  DraftState *state = data;

  return racimo_document_get_has_draft (state->document) == state->value;
}

static void
wait_for_draft (RacimoDocument *document,
                gboolean        value)
{
  DraftState state = { document, value };

  racimo_test_wait_until (has_draft_is, &state, value ? "a draft" : "the draft to go");
}

static RacimoDocument *
load_ok (GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RacimoDocument *document;

  racimo_document_load_async (file, NULL, racimo_test_store_result, &result);
  racimo_test_await (&result, "a load");
  document = racimo_document_load_finish (result, &error);
  g_assert_no_error (error);

  return document;
}

static gboolean
save (RacimoDocument  *document,
      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  racimo_document_save_async (document, FALSE, NULL, racimo_test_store_result, &result);
  racimo_test_await (&result, "a save");
  return racimo_document_save_finish (document, result, error);
}

static const char *
first_activity_name (RacimoDocument *document)
{
  return racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (
                                 racimo_document_get_project (document))));
}

static void
edit (RacimoDocument *document,
      const char     *name)
{
  racimo_test_rename_first_activity (racimo_document_get_project (document), name);
}

/* Makes a draft of this process look like one of a process that is gone:
 * the same pid, started at another time, as after the pid was reused. */
static void
orphan (Fixture    *fixture,
        const char *id)
{
  g_autofree char *path = draft_path (fixture->drafts_folder, id, ".draft");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  guint64 start;

  g_key_file_load_from_file (info, path, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_key_file_get_int64 (info, "Draft", "Pid", NULL), ==, getpid ());
  start = g_key_file_get_uint64 (info, "Draft", "ProcessStart", NULL);
  g_assert_cmpuint (start, >, 0);
  g_key_file_set_uint64 (info, "Draft", "ProcessStart", start + 1);
  g_key_file_save_to_file (info, path, &error);
  g_assert_no_error (error);
}

/* Edits @document and lets it go without saving, as a window closed by a
 * crash would; returns its draft id. */
static char *
leave_unsaved (Fixture        *fixture,
               RacimoDocument *document,
               const char     *name)
{
  char *id = g_strdup (racimo_document_get_draft_id (document));

  racimo_document_set_drafts (document, fixture->drafts);
  racimo_document_set_draft_delay (document, 20);
  edit (document, name);
  wait_for_draft (document, TRUE);
  finalize_document (document);
  orphan (fixture, id);

  return id;
}

static RacimoDocument *
restore_only_draft (Fixture  *fixture,
                    char    **display_name)
{
  g_autoptr(GPtrArray) listed = racimo_drafts_list (fixture->drafts);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RacimoDraft *draft;
  RacimoDocument *document;

  g_assert_cmpuint (listed->len, ==, 1);
  draft = g_ptr_array_index (listed, 0);
  if (display_name != NULL)
    *display_name = racimo_draft_get_display_name (draft);

  racimo_document_new_from_draft_async (fixture->drafts, draft, NULL, racimo_test_store_result, &result);
  racimo_test_await (&result, "a restore");
  document = racimo_document_new_from_draft_finish (fixture->drafts, result, &error);
  g_assert_no_error (error);

  return document;
}

/* Writing and removing */

typedef struct
{
  const char *path;
  const char *expected;
} FileState;

static gboolean
file_holds (gpointer data)
{
  FileState *state = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (state->path, &contents, NULL, NULL)
         && g_strcmp0 (contents, state->expected) == 0;
}

static void
assert_key (GKeyFile   *info,
            const char *key,
            const char *expected)
{
  g_autofree char *value = g_key_file_get_string (info, "Draft", key, NULL);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_after_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  RacimoDocument *document = load_ok (fixture->file);
  const char *id = racimo_document_get_draft_id (document);
  g_autofree char *project_path = draft_path (fixture->drafts_folder, id, ".raci");
  g_autofree char *info_path = draft_path (fixture->drafts_folder, id, ".draft");
  g_autofree char *expected = NULL;
  g_autofree char *names = NULL;
  g_autofree char *files = draft_files (id);
  g_autofree char *uri = g_file_get_uri (fixture->file);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  FileState state;

  racimo_document_set_drafts (document, fixture->drafts);
  racimo_document_set_draft_delay (document, 50);

  /* Nothing unsaved, no draft. */
  g_assert_false (racimo_document_get_has_draft (document));
  g_assert_false (g_file_test (fixture->drafts_folder, G_FILE_TEST_EXISTS));

  edit (document, "Edited");
  wait_for_draft (document, TRUE);

  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, files);
  expected = racimo_test_serialize (racimo_document_get_project (document));
  state = (FileState) { project_path, expected };
  g_assert_true (file_holds (&state));

  g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  assert_key (info, "File", uri);
  assert_key (info, "Title", "ML system deployment");
  assert_key (info, "Source", "raci");
  g_assert_cmpint (g_key_file_get_int64 (info, "Draft", "Pid", NULL), ==, getpid ());

  /* This process is alive: its drafts are not offered. */
  listed = racimo_drafts_list (fixture->drafts);
  g_assert_cmpuint (listed->len, ==, 0);

  /* Later edits reach the draft too. */
  edit (document, "Edited again");
  g_clear_pointer (&expected, g_free);
  expected = racimo_test_serialize (racimo_document_get_project (document));
  state = (FileState) { project_path, expected };
  racimo_test_wait_until (file_holds, &state, "the second draft");

  assert_original_untouched (fixture);
  finalize_document (document);
}

static void
test_save_removes (Fixture       *fixture,
                   gconstpointer  data)
{
  RacimoDocument *document = load_ok (fixture->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  racimo_document_set_drafts (document, fixture->drafts);
  racimo_document_set_draft_delay (document, 20);
  edit (document, "Edited");
  wait_for_draft (document, TRUE);

  g_assert_true (save (document, &error));
  g_assert_no_error (error);
  g_assert_false (racimo_document_get_has_draft (document));
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, "");

  finalize_document (document);
}

static void
test_discard_removes (Fixture       *fixture,
                      gconstpointer  data)
{
  RacimoDocument *document = load_ok (fixture->file);
  const char *id = racimo_document_get_draft_id (document);
  g_autofree char *files = draft_files (id);
  g_autofree char *names = NULL;

  racimo_document_set_drafts (document, fixture->drafts);
  racimo_document_set_draft_delay (document, 20);
  edit (document, "Edited");
  wait_for_draft (document, TRUE);

  /* Closing without saving. */
  racimo_document_discard_draft (document);
  g_assert_false (racimo_document_get_has_draft (document));
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, "");

  /* Going on editing instead: drafts resume. */
  edit (document, "Edited again");
  wait_for_draft (document, TRUE);
  g_clear_pointer (&names, g_free);
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, files);

  /* Undoing everything leaves nothing unsaved, and no draft. */
  racimo_history_undo (racimo_project_get_history (racimo_document_get_project (document)));
  racimo_history_undo (racimo_project_get_history (racimo_document_get_project (document)));
  g_assert_false (racimo_document_get_modified (document));
  wait_for_draft (document, FALSE);
  g_clear_pointer (&names, g_free);
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, "");

  /* And letting it go unmodified writes nothing. */
  finalize_document (document);
  g_clear_pointer (&names, g_free);
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, "");
}

/* Restoring */

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *names = NULL;
  g_autofree char *files = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  RacimoDocument *document;

  id = leave_unsaved (fixture, load_ok (fixture->file), "Edited before the crash");
  assert_original_untouched (fixture);

  document = restore_only_draft (fixture, &display_name);
  g_assert_cmpstr (display_name, ==, "Plan.raci");
  g_assert_cmpstr (racimo_document_get_draft_id (document), ==, id);
  g_assert_cmpint (racimo_document_get_source (document), ==, RACIMO_DOCUMENT_SOURCE_DRAFT);
  g_assert_true (g_file_equal (racimo_document_get_file (document), fixture->file));
  g_assert_cmpstr (racimo_document_get_title (document), ==, "Plan.raci");
  g_assert_true (racimo_document_get_modified (document));
  g_assert_false (racimo_document_get_needs_save_as (document));
  g_assert_true (racimo_document_get_has_draft (document));
  g_assert_true (racimo_document_get_drafts (document) == fixture->drafts);
  g_assert_cmpstr (first_activity_name (document), ==, "Edited before the crash");

  /* Undo cannot pretend it is the file. */
  g_assert_false (racimo_history_get_can_undo (
                    racimo_project_get_history (racimo_document_get_project (document))));

  /* Offered once: it is this process's now. */
  listed = racimo_drafts_list (fixture->drafts);
  g_assert_cmpuint (listed->len, ==, 0);
  files = draft_files (id);
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, files);

  /* Saving puts the changes in the file and removes the draft. */
  g_assert_true (save (document, &error));
  g_assert_no_error (error);
  expected = racimo_test_serialize (racimo_document_get_project (document));
  on_disk = racimo_test_read_text (path);
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_false (racimo_document_get_has_draft (document));
  g_clear_pointer (&names, g_free);
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, "");

  finalize_document (document);
}

static void
test_restore_checks_etag (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  RacimoDocument *document;
  guint64 mtime;

  id = leave_unsaved (fixture, load_ok (fixture->file), "Mine");
  document = restore_only_draft (fixture, NULL);

  /* A colleague saves after the draft was restored (a second later, for
   * file systems with coarse times). */
  info = g_file_query_info (fixture->file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  g_file_set_contents (path, "the colleague's", -1, &error);
  g_assert_no_error (error);
  g_file_set_attribute_uint64 (fixture->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime + 2,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (save (document, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  on_disk = racimo_test_read_text (path);
  g_assert_cmpstr (on_disk, ==, "the colleague's");

  /* The draft is still all there is of the changes. */
  g_assert_true (racimo_document_get_has_draft (document));
  g_assert_true (racimo_document_get_modified (document));

  racimo_document_discard_draft (document);
  finalize_document (document);
}

/* Writes @contents into the fixture's file as another program would,
 * with a modification time two seconds later (coarse file systems). */
static void
colleague_writes (Fixture    *fixture,
                  const char *contents)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint64 mtime;

  info = g_file_query_info (fixture->file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_file_set_attribute_uint64 (fixture->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime + 2,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

/* The draft says which version of the file the changes were made to. */
static void
test_remembers_base (Fixture       *fixture,
                     gconstpointer  data)
{
  RacimoDocument *document = load_ok (fixture->file);
  g_autofree char *id = g_strdup (racimo_document_get_draft_id (document));
  g_autofree char *info_path = draft_path (fixture->drafts_folder, id, ".draft");
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             fixture->original, -1);
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  racimo_document_set_drafts (document, fixture->drafts);
  racimo_document_set_draft_delay (document, 20);
  edit (document, "Edited");
  wait_for_draft (document, TRUE);

  file_info = g_file_query_info (fixture->file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                 G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  assert_key (info, "BaseEtag", g_file_info_get_etag (file_info));
  assert_key (info, "BaseChecksum", checksum);

  racimo_document_discard_draft (document);
  finalize_document (document);
}

/* Edit, crash, a colleague saves the file, restore, save: the save must
 * not replace the colleague's version without asking. */
static void
test_restore_onto_changed_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *copy_path = g_build_filename (fixture->projects, "Plan (mine).raci", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *on_disk = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RacimoDocument *document;

  id = leave_unsaved (fixture, load_ok (fixture->file), "Mine");
  colleague_writes (fixture, "the colleague's");

  document = restore_only_draft (fixture, NULL);
  g_assert_cmpstr (first_activity_name (document), ==, "Mine");

  /* The document says so at once, before any save... */
  g_assert_true (racimo_document_get_changed_on_disk (document));
  g_assert_false (racimo_document_get_deleted_on_disk (document));

  /* ... and saving does not overwrite their version. */
  g_assert_false (save (document, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  on_disk = racimo_test_read_text (path);
  g_assert_cmpstr (on_disk, ==, "the colleague's");
  g_assert_true (racimo_document_get_has_draft (document));
  g_assert_true (racimo_document_get_modified (document));

  /* A check on disk agrees: the file is not the one the draft was made
   * from. */
  racimo_document_check_on_disk_async (document, NULL, racimo_test_store_result, &result);
  racimo_test_await (&result, "a check on disk");
  g_assert_true (racimo_document_check_on_disk_finish (document, result, &error));
  g_assert_no_error (error);

  /* Keeping both: Save As writes the changes beside theirs. */
  g_clear_object (&result);
  racimo_document_save_as_async (document, copy, NULL, racimo_test_store_result, &result);
  racimo_test_await (&result, "a save as");
  g_assert_true (racimo_document_save_as_finish (document, result, &error));
  g_assert_no_error (error);
  mine = racimo_test_read_text (copy_path);
  expected = racimo_test_serialize (racimo_document_get_project (document));
  g_assert_cmpstr (mine, ==, expected);
  g_clear_pointer (&on_disk, g_free);
  on_disk = racimo_test_read_text (path);
  g_assert_cmpstr (on_disk, ==, "the colleague's");
  g_assert_false (racimo_document_get_changed_on_disk (document));

  g_clear_object (&result);
  finalize_document (document);
  g_assert_cmpint (g_unlink (copy_path), ==, 0);
}

/* The file's entity tag changed but not its bytes (copied back, touched):
 * it is still the draft's base, and saving goes through. */
static void
test_restore_onto_touched_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  RacimoDocument *document;

  id = leave_unsaved (fixture, load_ok (fixture->file), "Mine");
  colleague_writes (fixture, fixture->original);

  document = restore_only_draft (fixture, NULL);
  g_assert_false (racimo_document_get_changed_on_disk (document));
  g_assert_true (save (document, &error));
  g_assert_no_error (error);
  on_disk = racimo_test_read_text (path);
  expected = racimo_test_serialize (racimo_document_get_project (document));
  g_assert_cmpstr (on_disk, ==, expected);

  finalize_document (document);
}

/* A draft from before drafts recorded their base cannot tell: saving
 * asks first. */
static void
test_restore_without_base (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *info_path = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  RacimoDocument *document;

  id = leave_unsaved (fixture, load_ok (fixture->file), "Mine");
  info_path = draft_path (fixture->drafts_folder, id, ".draft");
  g_key_file_load_from_file (info, info_path, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);
  g_key_file_remove_key (info, "Draft", "BaseEtag", NULL);
  g_key_file_remove_key (info, "Draft", "BaseChecksum", NULL);
  g_key_file_save_to_file (info, info_path, &error);
  g_assert_no_error (error);

  document = restore_only_draft (fixture, NULL);
  g_assert_true (racimo_document_get_changed_on_disk (document));
  g_assert_false (save (document, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  on_disk = racimo_test_read_text (path);
  g_assert_cmpstr (on_disk, ==, fixture->original);

  racimo_document_discard_draft (document);
  finalize_document (document);
}

static void
test_discard_listed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  id = leave_unsaved (fixture, load_ok (fixture->file), "Edited");

  listed = racimo_drafts_list (fixture->drafts);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (racimo_draft_get_id (g_ptr_array_index (listed, 0)), ==, id);
  g_assert_true (racimo_drafts_discard (fixture->drafts, g_ptr_array_index (listed, 0), &error));
  g_assert_no_error (error);

  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, "");
  again = racimo_drafts_list (fixture->drafts);
  g_assert_cmpuint (again->len, ==, 0);
  assert_original_untouched (fixture);
}

/* Compare mode reads a draft's project from its file: the draft stays
 * listed, offered after the crash as before */
static void
test_project_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = leave_unsaved (fixture, load_ok (fixture->file), "Edited");
  g_autoptr(GPtrArray) listed = racimo_drafts_list (fixture->drafts);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (listed->len, ==, 1);
  file = racimo_drafts_get_project_file (fixture->drafts, g_ptr_array_index (listed, 0));
  project = racimo_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_test_first_activity (project))), ==,
                   "Edited");

  again = racimo_drafts_list (fixture->drafts);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (racimo_draft_get_id (g_ptr_array_index (again, 0)), ==, id);
}

static void
test_new_project (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *display_name = NULL;
  RacimoDocument *document;

  project = racimo_templates_create ("ml-system-deployment", &error);
  g_assert_no_error (error);
  document = racimo_document_new_from_project (project, NULL);
  g_clear_object (&project);

  id = leave_unsaved (fixture, document, "Never saved");

  document = restore_only_draft (fixture, &display_name);
  g_assert_cmpstr (display_name, ==, "ML system deployment");
  g_assert_null (racimo_document_get_file (document));
  g_assert_true (racimo_document_get_needs_save_as (document));
  g_assert_true (racimo_document_get_modified (document));
  g_assert_cmpstr (first_activity_name (document), ==, "Never saved");

  racimo_document_discard_draft (document);
  finalize_document (document);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "files", "csv",
                                                   "libreoffice-comma.csv", NULL);
  g_autofree char *path = g_build_filename (fixture->projects, "Sheet.csv", NULL);
  g_autofree char *contents = racimo_test_read_text (source);
  g_autofree char *id = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) csv = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RacimoDocument *document;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  id = leave_unsaved (fixture, load_ok (csv), "Edited in the sheet");

  document = restore_only_draft (fixture, &display_name);
  g_assert_cmpstr (display_name, ==, "Sheet.csv");
  g_assert_true (g_file_equal (racimo_document_get_file (document), csv));
  /* Still never written over with a project. */
  g_assert_true (racimo_document_get_needs_save_as (document));
  g_assert_false (save (document, &error));
  g_assert_error (error, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS);
  after = racimo_test_read_text (path);
  g_assert_cmpstr (after, ==, contents);

  racimo_document_discard_draft (document);
  finalize_document (document);
}

/* What the document hands its drafts store (a new document: no file). */
static RacimoDraftState
state_of (RacimoDocument *document)
{
  RacimoDraftState state = {
    .id = racimo_document_get_draft_id (document),
    .title = racimo_document_get_title (document),
    .project = racimo_document_get_project (document),
    .file = NULL,
    .source = RACIMO_DOCUMENT_SOURCE_NEW,
  };

  return state;
}

static gboolean
write_sync (Fixture         *fixture,
            RacimoDocument  *document,
            GError         **error)
{
  RacimoDraftState state = state_of (document);

  return _racimo_drafts_write (fixture->drafts, &state, error);
}

/* Writes a draft of @document, in a thread as the document does, and
 * returns whether it was written. */
static gboolean
write_async (Fixture         *fixture,
             RacimoDocument  *document,
             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  RacimoDraftState state = state_of (document);

  _racimo_drafts_write_async (fixture->drafts, &state, NULL, racimo_test_store_result, &result);
  racimo_test_await (&result, "the draft to be written");

  return _racimo_drafts_write_finish (fixture->drafts, result, error);
}

/* A draft is a .raci file that the reader restores: one that the reader
 * would refuse (a text over 10,000,000 bytes, a file over 64 MiB) is not
 * written, with a message that says why, and the draft before it stays. */
static void
test_over_limits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *before = NULL;
  RacimoDocument *document;
  RacimoRole *role;

  racimo_project_set_title (project, "Plan");
  role = racimo_project_add_role (project, -1, "Data scientist", NULL);
  document = racimo_document_new_from_project (project, NULL);
  project_path = draft_path (fixture->drafts_folder,
                             racimo_document_get_draft_id (document), ".raci");

  g_assert_true (write_sync (fixture, document, &error));
  g_assert_no_error (error);
  before = racimo_test_serialize (project);

  while (text->len < 10000001)
    g_string_append (text, "Data scientist ");
  g_string_truncate (text, 10000001);
  racimo_project_rename (project, RACIMO_ITEM (role), text->str);

#define TEXT_REFUSED "No draft of Plan was written: a text of the project (\"Data " \
                     "scientist Data scientist …\") is longer than the 10 million bytes " \
                     "that Racimo can open again"
  g_assert_false (write_sync (fixture, document, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, TEXT_REFUSED);
  g_clear_error (&error);
  g_assert_false (write_async (fixture, document, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, TEXT_REFUSED);
  g_clear_error (&error);
#undef TEXT_REFUSED

  /* Seven descriptions of 9.9 MB: each is allowed, the file is not. */
  racimo_project_rename (project, RACIMO_ITEM (role), "Data scientist");
  g_string_truncate (text, 9900000);
  for (guint i = 0; i < 7; i++)
    {
      role = racimo_project_add_role (project, -1, "Engineer", NULL);
      racimo_project_set_item_description (project, RACIMO_ITEM (role), text->str);
    }

#define SIZE_REFUSED "No draft of Plan was written: the project would make a file of " \
                     "69.3\u00a0MB, and Racimo opens files of at most 64 MiB"
  g_assert_false (write_sync (fixture, document, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, SIZE_REFUSED);
  g_clear_error (&error);
  g_assert_false (write_async (fixture, document, &error));
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, SIZE_REFUSED);
  g_clear_error (&error);
#undef SIZE_REFUSED

  /* The draft that could be read again is still there, whole. */
  {
    FileState state = { project_path, before };

    g_assert_true (file_holds (&state));
  }

  g_assert_true (racimo_drafts_remove (fixture->drafts,
                                       racimo_document_get_draft_id (document), &error));
  g_assert_no_error (error);
  finalize_document (document);
}

/* A window closed (or a session ended) without a save or a discard: the
 * edits of the last few seconds are written on the way out. */
static void
test_dispose_writes (Fixture       *fixture,
                     gconstpointer  data)
{
  RacimoDocument *document = load_ok (fixture->file);
  g_autofree char *id = g_strdup (racimo_document_get_draft_id (document));
  g_autofree char *files = draft_files (id);
  g_autofree char *names = NULL;

  racimo_document_set_drafts (document, fixture->drafts);
  racimo_document_set_draft_delay (document, 600000);
  edit (document, "Just typed");
  g_assert_false (racimo_document_get_has_draft (document));
  finalize_document (document);

  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, files);
  orphan (fixture, id);
  document = restore_only_draft (fixture, NULL);
  g_assert_cmpstr (first_activity_name (document), ==, "Just typed");

  racimo_document_discard_draft (document);
  finalize_document (document);
}

/* What a crash can leave: a key file whose project file never made it,
 * and temporary files. */
static void
test_leftovers (Fixture       *fixture,
                gconstpointer  data)
{
  const char *id = "0b5e2f5c-2d1b-4a6e-9b44-6f1c2d3e4f50";
  g_autofree char *info_path = draft_path (fixture->drafts_folder, id, ".draft");
  g_autofree char *temp_path = draft_path (fixture->drafts_folder, id, ".raci.tmp");
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->drafts_folder, 0700), ==, 0);
  /* pid 1 never ran Racimo since that boot... as far as this test knows:
   * an unknown boot id settles it. */
  g_file_set_contents (info_path,
                       "[Draft]\nVersion=1\nTitle=Lost\nSource=new\nPid=1\nProcessStart=1\n"
                       "BootId=00000000-0000-0000-0000-000000000000\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (temp_path, "<?xml version=\"1.0\"?>\n<raci-pro", -1, &error);
  g_assert_no_error (error);

  listed = racimo_drafts_list (fixture->drafts);
  g_assert_cmpuint (listed->len, ==, 0);
  names = racimo_test_list_folder (fixture->drafts_folder);
  g_assert_cmpstr (names, ==, "");
}

/* Crashes */

typedef struct
{
  RacimoDocument *document;
  guint           n;
} Storm;

static gboolean
edit_again (gpointer user_data)
{
  Storm *storm = user_data;
  g_autofree char *name = g_strdup_printf ("Edit %u", ++storm->n);

  edit (storm->document, name);

  /* Killed once drafts are being written one after the other. */
  if (storm->n == 50)
    {
      printf ("ready\n");
      fflush (stdout);
    }

  return G_SOURCE_CONTINUE;
}

/* The helper: opens FILE, edits, waits for the draft, then (mid-edit)
 * edits once more and waits to be killed; or (storm) goes on editing and
 * drafting as fast as it can until killed. */
static int
run_crash_helper (int   argc,
                  char *argv[])
{
  g_autoptr(RacimoDrafts) drafts = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  RacimoDocument *document;
  Storm storm = { NULL, 0 };

  g_assert_cmpint (argc, ==, 5);

  drafts = racimo_drafts_new (argv[4]);
  file = g_file_new_for_path (argv[3]);
  document = load_ok (file);
  racimo_document_set_drafts (document, drafts);
  racimo_document_set_draft_delay (document, 200);

  edit (document, "Edited before the crash");
  wait_for_draft (document, TRUE);

  if (strcmp (argv[2], "mid-edit") == 0)
    {
      racimo_document_set_draft_delay (document, 600000);
      edit (document, "Edited after the last draft");
    }
  else
    {
      g_assert_cmpstr (argv[2], ==, "storm");
      racimo_document_set_draft_delay (document, 1);
      storm.document = document;
      g_timeout_add (1, edit_again, &storm);
    }

  if (storm.document == NULL)
    {
      printf ("ready\n");
      fflush (stdout);
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);

  return 1;
}

static void
crash_helper (Fixture    *fixture,
              const char *mode)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "test-drafts", NULL);
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  helper = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, "--crash-helper",
                             mode, path, fixture->drafts_folder, NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper));
  g_data_input_stream_read_line_async (output, G_PRIORITY_DEFAULT, NULL, racimo_test_store_result,
                                       &result);
  racimo_test_await (&result, "the helper to edit and write a draft");
  line = g_data_input_stream_read_line_finish_utf8 (output, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  /* kill -9: no handler runs, nothing is flushed. */
  g_subprocess_send_signal (helper, SIGKILL);
  g_subprocess_wait (helper, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (helper));
  g_assert_cmpint (g_subprocess_get_term_sig (helper), ==, SIGKILL);
}

/* After a crash, the drafts folder holds the draft restored and nothing
 * else; discarding it leaves the file as it was. */
static void
assert_only_draft_then_discard (Fixture        *fixture,
                                RacimoDocument *document)
{
  g_autofree char *files = draft_files (racimo_document_get_draft_id (document));
  g_autofree char *names = racimo_test_list_folder (fixture->drafts_folder);

  g_assert_cmpstr (names, ==, files);
  racimo_document_discard_draft (document);
  finalize_document (document);
  assert_original_untouched (fixture);
}

static void
test_crash_mid_edit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *display_name = NULL;
  RacimoDocument *document;

  crash_helper (fixture, "mid-edit");
  assert_original_untouched (fixture);

  document = restore_only_draft (fixture, &display_name);
  /* "Restore unsaved changes to Plan.raci?" */
  g_assert_cmpstr (display_name, ==, "Plan.raci");
  /* The edit the draft holds; the one made after it, within the delay,
   * is what a crash may cost. */
  g_assert_cmpstr (first_activity_name (document), ==, "Edited before the crash");
  g_assert_true (racimo_document_get_modified (document));
  g_assert_true (g_file_equal (racimo_document_get_file (document), fixture->file));

  assert_only_draft_then_discard (fixture, document);
}

static void
test_crash_while_writing (Fixture       *fixture,
                          gconstpointer  data)
{
  RacimoDocument *document;
  const char *name;

  crash_helper (fixture, "storm");
  assert_original_untouched (fixture);

  /* Killed at any moment of a write: the draft is whole, old or new. */
  document = restore_only_draft (fixture, NULL);
  name = first_activity_name (document);
  g_test_message ("restored \"%s\"", name);
  g_assert_true (g_str_has_prefix (name, "Edit "));

  /* And listing tidied up any temporary file the kill left. */
  assert_only_draft_then_discard (fixture, document);
}

/* The store */

static void
test_default (void)
{
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "racimo", "drafts",
                                                NULL);

  g_assert_true (racimo_drafts_get_default () == racimo_drafts_get_default ());
  g_assert_cmpstr (racimo_drafts_get_directory (racimo_drafts_get_default ()), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  if (argc > 1 && strcmp (argv[1], "--crash-helper") == 0)
    return run_crash_helper (argc, argv);

  /* The default store lives under the user's data folder: a folder of
   * this test's own, never the real one. */
  data_home = racimo_test_make_folder ("racimo-drafts");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/drafts/after-edit", test_after_edit);
  ADD ("/drafts/save-removes", test_save_removes);
  ADD ("/drafts/discard-removes", test_discard_removes);
  ADD ("/drafts/restore", test_restore);
  ADD ("/drafts/restore-checks-etag", test_restore_checks_etag);
  ADD ("/drafts/remembers-base", test_remembers_base);
  ADD ("/drafts/restore-onto-changed-file", test_restore_onto_changed_file);
  ADD ("/drafts/restore-onto-touched-file", test_restore_onto_touched_file);
  ADD ("/drafts/restore-without-base", test_restore_without_base);
  ADD ("/drafts/discard-listed", test_discard_listed);
  ADD ("/drafts/project-file", test_project_file);
  ADD ("/drafts/new-project", test_new_project);
  ADD ("/drafts/csv", test_csv);
  ADD ("/drafts/over-limits", test_over_limits);
  ADD ("/drafts/dispose-writes", test_dispose_writes);
  ADD ("/drafts/leftovers", test_leftovers);
  ADD ("/drafts/crash-mid-edit", test_crash_mid_edit);
  ADD ("/drafts/crash-while-writing", test_crash_while_writing);
  g_test_add_func ("/drafts/default", test_default);

#undef ADD

  status = g_test_run ();
  racimo_test_remove_tree (data_home);

  return status;
}
