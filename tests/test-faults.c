/* test-faults.c: saving when the disk says no
 *
 * Whatever goes wrong while saving, the file on disk stays byte for byte
 * what it was, nothing half-written is left beside it, the error says what
 * happened, and the project stays modified in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-large-project.h"
#include "racimo-layout.h"

typedef struct
{
  char          *dir;
  char          *path;
  GFile         *file;
  char          *original;
  gsize          original_length;
  RacimoProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RacimoProject) small = racimo_large_project_new (20, 2, 5, 7);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("racimo-faults-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.raci", NULL);
  f->file = g_file_new_for_path (f->path);

  racimo_file_save (small, f->file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (f->path, &f->original, &f->original_length, &error);
  g_assert_no_error (error);

  /* What the user is trying to save: much larger than the file. */
  f->project = racimo_large_project_new (2000, 20, 40, 42);
  racimo_project_set_title (f->project, "Edited");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      if (g_rmdir (child) != 0)
        g_unlink (child);
    }
  g_rmdir (f->dir);

  g_clear_object (&f->project);
  g_clear_object (&f->file);
  g_free (f->original);
  g_free (f->path);
  g_free (f->dir);
}

/* The folder holds exactly @expected (names joined by spaces, sorted). */
static void
assert_folder (Fixture    *f,
               const char *expected)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (" ", (char **) names->pdata);

  g_assert_cmpstr (joined, ==, expected);
}

static void
assert_original_untouched (Fixture *f)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, f->original, f->original_length);
}

/* The disk fills up in the middle of the write: the process may write no
 * more than a few kilobytes (RLIMIT_FSIZE fails the write with EFBIG, as
 * a full disk fails it with ENOSPC). */
static void
test_faults_disk_full (Fixture       *f,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 8192, 8192 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) csv = NULL;
      g_autofree char *csv_path = g_build_filename (f->dir, "plan.csv", NULL);
      g_autofree char *pdf_path = g_build_filename (f->dir, "plan.pdf", NULL);
      g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (racimo_file_save (f->project, f->file, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "plan.raci"));
      g_test_message ("error: %s", error->message);
      g_clear_error (&error);
      g_assert_true (racimo_history_get_modified (racimo_project_get_history (f->project)));
      assert_original_untouched (f);

      g_assert_false (racimo_csv_save (f->project, csv_file, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      g_assert_false (racimo_layout_export_pdf (f->project, pdf_path, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      /* Nothing half-written beside the file, under any name. */
      assert_folder (f, "plan.raci");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  assert_original_untouched (f);
  assert_folder (f, "plan.raci");
}

/* Someone replaced the file by a folder of the same name. */
static void
test_faults_replaced_by_folder (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_cmpint (g_mkdir (f->path, 0755), ==, 0);

  g_assert_false (racimo_file_save (f->project, f->file, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "plan.raci"));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
  g_assert_true (racimo_history_get_modified (racimo_project_get_history (f->project)));
  assert_folder (f, "plan.raci");
}

/* A read-only folder; root writes anyway, so the test needs a user. */
static void
test_faults_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }

  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  g_assert_false (racimo_file_save (f->project, f->file, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  assert_original_untouched (f);
  assert_folder (f, "plan.raci");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/faults/disk-full", test_faults_disk_full);
  ADD ("/faults/replaced-by-folder", test_faults_replaced_by_folder);
  ADD ("/faults/read-only", test_faults_read_only);

#undef ADD

  return g_test_run ();
}
