/* fuzz-replay.c: runs a fuzz target on every saved input, as a plain test
 *
 * So that a crash found once by the fuzzer stays fixed, every `meson test`
 * replays the corpus (no fuzzing, just the inputs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "racimo-fuzz.h"

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
}

static void
add_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *base = g_path_get_basename (folder);
      g_autofree char *test_path = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      test_path = g_strdup_printf ("/replay/%s/%s", base,
                                   (const char *) g_ptr_array_index (names, i));
      g_test_add_data_func_full (test_path, g_steal_pointer (&path), replay_file, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Folders of inputs, relative to the source tree's tests/ */
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, argv[i], NULL);
      add_folder (folder);
    }

  return g_test_run ();
}
