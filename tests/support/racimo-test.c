/* racimo-test.c: what the tests share, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "racimo-file.h"
#include "racimo-test.h"

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("Timed out after 10 s waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
racimo_test_wait_until (gboolean  (*done) (gpointer),
                        gpointer    data,
                        const char *what)
{
  guint timeout = g_timeout_add_seconds (10, on_timeout, (gpointer) what);
  guint tick = g_timeout_add (10, on_tick, NULL);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  g_source_remove (timeout);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
racimo_test_wait_finalized (gpointer    object,
                            const char *what)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  racimo_test_wait_until (is_null, &weak, what);
}

void
racimo_test_store_result (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
racimo_test_await (GAsyncResult **slot,
                   const char    *what)
{
  racimo_test_wait_until (has_result, slot, what);
  return *slot;
}

void
racimo_test_count_notify (GObject    *object,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

RacimoCodes
racimo_test_codes (const char *letters)
{
  RacimoCodes set = 0;

  for (const char *c = letters; *c != '\0'; c++)
    set |= RACIMO_CODE_BIT (*c);

  return set;
}

RacimoItem *
racimo_test_item (RacimoProject *project,
                  const char    *id)
{
  RacimoItem *found = racimo_project_lookup (project, id);

  g_assert_nonnull (found);
  return found;
}

RacimoActivity *
racimo_test_first_activity (RacimoProject *project)
{
  return racimo_phase_get_activity (racimo_project_get_phase (project, 0), 0);
}

void
racimo_test_rename_first_activity (RacimoProject *project,
                                   const char    *name)
{
  racimo_project_rename (project, RACIMO_ITEM (racimo_test_first_activity (project)), name);
}

char *
racimo_test_make_folder (const char *prefix)
{
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return folder;
}

void
racimo_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      racimo_test_remove_tree (child);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
racimo_test_folder_names (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (names, FALSE);
}

char *
racimo_test_list_folder (const char *path)
{
  g_auto(GStrv) names = racimo_test_folder_names (path);

  return g_strjoinv (" ", names);
}

char *
racimo_test_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

char *
racimo_test_serialize (RacimoProject *project)
{
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void (*task_finalize) (GObject *object);
static guint unreturned_tasks;

/* GTask:completed turns TRUE once the task has returned (and its callback,
 * if any, ran), the synchronous way included. */
static void
count_unreturned_task (GObject *object)
{
  if (!g_task_get_completed (G_TASK (object)))
    g_atomic_int_inc (&unreturned_tasks);

  task_finalize (object);
}

guint
racimo_test_count_unreturned_tasks (void)
{
  /* The class's finalize is wrapped, once: GLib has no other hook on the
   * end of a task. */
  if (task_finalize == NULL)
    {
      GObjectClass *task_class = g_type_class_ref (G_TYPE_TASK);

      task_finalize = task_class->finalize;
      task_class->finalize = count_unreturned_task;
    }

  return (guint) g_atomic_int_get (&unreturned_tasks);
}
