/* test-faults.c: saving when the disk says no
 *
 * Whatever goes wrong while saving, the file on disk stays byte for byte
 * what it was, nothing half-written is left beside it, the error says what
 * happened, and the project stays modified in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* unshare () */

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-large-project.h"
#include "racimo-test.h"
#include "racimo-pagination.h"

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
  racimo_test_remove_tree (f->dir);
  g_clear_object (&f->project);
  g_clear_object (&f->file);
  g_free (f->original);
  g_free (f->path);
  g_free (f->dir);
}

/* @error says that the disk was full and nothing was written to @path;
 * then clears it. */
static void
assert_nothing_written (GError     **error,
                        const char  *path)
{
  g_autofree char *message = g_strdup_printf ("%s: there is no space left on the disk; "
                                              "nothing was written", path);

  g_assert_error (*error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
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

      /* The message names the file and says nothing was written, in
       * words, not GIO's "Error writing to file". */
      g_assert_false (racimo_csv_save (f->project, csv_file, NULL, NULL, &error));
      assert_nothing_written (&error, csv_path);

      g_assert_false (racimo_pagination_export_pdf (f->project, pdf_path, NULL, NULL, &error));
      assert_nothing_written (&error, pdf_path);

      /* Nothing half-written beside the file, under any name. */
      racimo_test_assert_folder (f->dir, "plan.raci");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  assert_original_untouched (f);
  racimo_test_assert_folder (f->dir, "plan.raci");
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
  racimo_test_assert_folder (f->dir, "plan.raci");
}

/* A read-only folder holding a file the user may write: the file is
 * written in place, nothing is put beside it; a new file cannot be made.
 * Root writes anyway, so the test needs a user (as root,
 * /faults/tmpfs/read-only-folder runs the same as nobody). */
static void
test_faults_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = racimo_file_serialize (f->project);
  g_autofree char *other_path = g_build_filename (f->dir, "other.raci", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autofree char *contents = NULL;
  gsize length;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }

  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  g_assert_false (racimo_file_save (f->project, other, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (racimo_file_save (f->project, f->file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
  racimo_test_assert_folder (f->dir, "plan.raci");
}

/* Links, on a disk that is full: a small tmpfs, mounted where the test
 * runs as root (as CI does), skipped with the reason otherwise. */

typedef struct
{
  char          *dir;      /* the mount point */
  char          *original; /* the bytes of every file put there */
  gsize          original_length;
  RacimoProject *project;  /* too large for what is left */
  gboolean       mounted;
} Disk;

static gboolean in_own_namespace;

static void
disk_set_up (Disk          *d,
             gconstpointer  data)
{
  g_autoptr(RacimoProject) small = racimo_large_project_new (10, 1, 4, 7);
  g_autoptr(GBytes) bytes = racimo_file_serialize (small);
  g_autoptr(GError) error = NULL;

  d->original = g_memdup2 (g_bytes_get_data (bytes, &d->original_length),
                           g_bytes_get_size (bytes));
  d->project = racimo_large_project_new (400, 4, 20, 42);
  racimo_project_set_title (d->project, "Edited");

  /* A subprocess works on its parent's disk. */
  if (g_test_subprocess ())
    return;

  d->dir = g_dir_make_tmp ("racimo-disk-XXXXXX", &error);
  g_assert_no_error (error);

  if (geteuid () != 0)
    return;

  /* Mounts of this process's own, gone with it even when a test aborts. */
  if (!in_own_namespace)
    {
      if (unshare (CLONE_NEWNS) != 0
          || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        {
          g_test_message ("unshare: %s", g_strerror (errno));
          return;
        }
      in_own_namespace = TRUE;
    }

  if (mount ("tmpfs", d->dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755") != 0)
    {
      g_test_message ("mount: %s", g_strerror (errno));
      return;
    }
  d->mounted = TRUE;
}

static void
disk_tear_down (Disk          *d,
                gconstpointer  data)
{
  if (d->mounted)
    g_assert_cmpint (umount (d->dir), ==, 0);
  if (d->dir != NULL)
    g_assert_cmpint (g_rmdir (d->dir), ==, 0);

  g_clear_object (&d->project);
  g_free (d->original);
  g_free (d->dir);
}

static gboolean
disk_ready (Disk *d)
{
  if (geteuid () != 0)
    {
      g_test_skip ("mounting a small tmpfs to fill needs root (CI runs the tests as root)");
      return FALSE;
    }
  if (!d->mounted)
    {
      g_test_skip ("a tmpfs could not be mounted here");
      return FALSE;
    }
  return TRUE;
}

static char *
disk_path (Disk       *d,
           const char *name)
{
  return g_build_filename (d->dir, name, NULL);
}

static void
disk_write (Disk       *d,
            const char *name)
{
  g_autofree char *path = disk_path (d, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, d->original, d->original_length, &error);
  g_assert_no_error (error);
}

/* Takes every byte that is left. */
static void
disk_fill (Disk *d)
{
  g_autofree char *path = disk_path (d, "filler");
  char block[1024] = { 0 };
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  /* The last part of a block, too. */
  while (write (fd, block, 1) > 0)
    ;
  g_assert_cmpint (close (fd), ==, 0);
}

static void
disk_assert_untouched (Disk       *d,
                       const char *name)
{
  g_autofree char *path = disk_path (d, name);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, d->original, d->original_length);
}

static void
assert_no_space (const GError *error,
                 const char   *name)
{
  g_autofree char *expected = g_strdup_printf ("%s: there is no space left on the disk; "
                                               "the file was left as it was", name);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, expected);
}

static gboolean
is_symlink (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

/* Saving through a symlink writes the file it points at, atomically:
 * with the disk full, the target keeps its bytes and the link stays. */
static void
test_disk_full_symlink (Disk          *d,
                        gconstpointer  data)
{
  static const char * const kinds[] = { "raci", "csv", "pdf" };

  if (!disk_ready (d))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *real = g_strdup_printf ("real.%s", kinds[i]);
      g_autofree char *link = g_strdup_printf ("link.%s", kinds[i]);
      g_autofree char *link_path = disk_path (d, link);

      disk_write (d, real);
      g_assert_cmpint (symlink (real, link_path), ==, 0);
    }
  disk_fill (d);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *real = g_strdup_printf ("real.%s", kinds[i]);
      g_autofree char *link = g_strdup_printf ("link.%s", kinds[i]);
      g_autofree char *link_path = disk_path (d, link);
      g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
      g_autofree char *name = g_file_get_parse_name (link_file);
      g_autoptr(GError) error = NULL;
      gboolean saved;

      if (i == 0)
        saved = racimo_file_save (d->project, link_file, NULL, NULL, NULL, &error);
      else if (i == 1)
        saved = racimo_csv_save (d->project, link_file, NULL, NULL, &error);
      else
        saved = racimo_pagination_export_pdf (d->project, link_path, NULL, NULL, &error);

      g_assert_false (saved);
      g_test_message ("%s", error->message);
      disk_assert_untouched (d, real);
      g_assert_true (is_symlink (link_path));
      assert_no_space (error, name);
    }

  racimo_test_assert_folder (d->dir,
                             "filler link.csv link.pdf link.raci real.csv real.pdf real.raci");
}

/* The same from the command line, as the issue reported it. */
static void
test_disk_full_symlink_cli (Disk          *d,
                            gconstpointer  data)
{
  const char *binary = g_getenv ("RACIMO_BINARY");
  g_autofree char *link_path = NULL;
  g_autofree char *input = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (binary == NULL)
    {
      g_test_skip ("RACIMO_BINARY is not set: run the tests with meson test");
      return;
    }
  if (!disk_ready (d))
    return;

  input = g_build_filename (g_get_tmp_dir (), "racimo-disk-input.raci", NULL);
  {
    g_autoptr(GFile) input_file = g_file_new_for_path (input);

    racimo_file_save (d->project, input_file, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  disk_write (d, "real.raci");
  link_path = disk_path (d, "link.raci");
  g_assert_cmpint (symlink ("real.raci", link_path), ==, 0);
  disk_fill (d);

  {
    const char *argv[] = { binary, "--export", link_path, input, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  &err, &status, &error);
    g_assert_no_error (error);
  }
  g_unlink (input);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  disk_assert_untouched (d, "real.raci");
  g_assert_true (is_symlink (link_path));
  racimo_test_assert_folder (d->dir, "filler link.raci real.raci");
  expected = g_strdup_printf ("racimo: %s: there is no space left on the disk; "
                              "the file was left as it was\n", link_path);
  g_assert_cmpstr (err, ==, expected);
}

/* A file with a second hard link is written in place, so that both names
 * see the new contents; with no room for them, neither changes. */
static void
test_disk_full_hard_link (Disk          *d,
                          gconstpointer  data)
{
  g_autofree char *real = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (!disk_ready (d))
    return;

  disk_write (d, "real.raci");
  real = disk_path (d, "real.raci");
  other = disk_path (d, "other.raci");
  g_assert_cmpint (link (real, other), ==, 0);
  disk_fill (d);

  file = g_file_new_for_path (other);
  name = g_file_get_parse_name (file);
  g_assert_false (racimo_file_save (d->project, file, NULL, NULL, NULL, &error));
  disk_assert_untouched (d, "real.raci");
  disk_assert_untouched (d, "other.raci");
  racimo_test_assert_folder (d->dir, "filler other.raci real.raci");
  assert_no_space (error, name);
}

/* A folder the user cannot write to takes no temporary file: the file is
 * written in place, only once room for all of it is reserved.  Run as
 * nobody, in a subprocess: root writes anywhere. */
static void
test_disk_full_read_only_folder (Disk          *d,
                                 gconstpointer  data)
{
  const char *dir = g_getenv ("RACIMO_TEST_DISK");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "plan.raci", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(RacimoProject) small = racimo_large_project_new (10, 1, 4, 8);

      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);

      if (g_strcmp0 (g_getenv ("RACIMO_TEST_DISK_FULL"), "1") == 0)
        {
          g_assert_false (racimo_file_save (d->project, file, NULL, NULL, NULL, &error));
          assert_no_space (error, name);
        }
      else
        {
          g_assert_true (racimo_file_save (small, file, NULL, NULL, NULL, &error));
          g_assert_no_error (error);
        }
      return;
    }

  if (!disk_ready (d))
    return;

  disk_write (d, "plan.raci");
  disk_fill (d);
  {
    g_autofree char *path = disk_path (d, "plan.raci");

    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
    g_assert_cmpint (chmod (d->dir, 0555), ==, 0);
  }

  g_setenv ("RACIMO_TEST_DISK", d->dir, TRUE);
  g_setenv ("RACIMO_TEST_DISK_FULL", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  disk_assert_untouched (d, "plan.raci");
  racimo_test_assert_folder (d->dir, "filler plan.raci");

  /* With room, the save goes through, in place. */
  {
    g_autofree char *filler = disk_path (d, "filler");
    g_autofree char *path = disk_path (d, "plan.raci");
    g_autoptr(RacimoProject) small = racimo_large_project_new (10, 1, 4, 8);
    g_autoptr(GBytes) expected = racimo_file_serialize (small);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_cmpint (chmod (d->dir, 0755), ==, 0);
    g_assert_cmpint (g_unlink (filler), ==, 0);
    g_assert_cmpint (chmod (d->dir, 0555), ==, 0);
    g_setenv ("RACIMO_TEST_DISK_FULL", "0", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                     g_bytes_get_size (expected));
    racimo_test_assert_folder (d->dir, "plan.raci");
  }
  g_assert_cmpint (chmod (d->dir, 0755), ==, 0);
}

/* Links on an ordinary disk: saved through, and still links. */
static void
test_symlink_kept (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (f->dir, "link.raci", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(GBytes) expected = racimo_file_serialize (f->project);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  gsize length;

  g_assert_cmpint (symlink ("plan.raci", link_path), ==, 0);
  g_assert_true (racimo_file_save (f->project, link_file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  g_assert_true (is_symlink (link_path));
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
  racimo_test_assert_folder (f->dir, "link.raci plan.raci");

  /* The entity tag is the target's, as a load through the link reads it. */
  g_assert_true (racimo_file_save (f->project, link_file, etag, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_hard_link_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.raci", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GBytes) expected = racimo_file_serialize (f->project);
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_cmpint (link (f->path, other), ==, 0);
  g_assert_cmpint (g_stat (f->path, &before), ==, 0);
  g_assert_true (racimo_file_save (f->project, other_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* One file under two names, both with the new contents. */
  g_assert_cmpint (g_stat (other, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpuint (after.st_nlink, ==, 2);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                     g_bytes_get_size (expected));
  }
  racimo_test_assert_folder (f->dir, "other.raci plan.raci");

  /* Shorter contents: the end of the old ones goes. */
  {
    g_autoptr(RacimoProject) small = racimo_large_project_new (3, 1, 2, 9);
    g_autoptr(GBytes) shorter = racimo_file_serialize (small);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (racimo_file_save (small, other_file, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, g_bytes_get_data (shorter, NULL),
                     g_bytes_get_size (shorter));
  }
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
  ADD ("/faults/symlink-kept", test_symlink_kept);
  ADD ("/faults/hard-link-kept", test_hard_link_kept);

#define ADD_DISK(path, func) \
  g_test_add (path, Disk, NULL, disk_set_up, func, disk_tear_down)

  ADD_DISK ("/faults/tmpfs/symlink", test_disk_full_symlink);
  ADD_DISK ("/faults/tmpfs/symlink-cli", test_disk_full_symlink_cli);
  ADD_DISK ("/faults/tmpfs/hard-link", test_disk_full_hard_link);
  ADD_DISK ("/faults/tmpfs/read-only-folder", test_disk_full_read_only_folder);

#undef ADD

  return g_test_run ();
}
