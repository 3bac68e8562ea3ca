/* fuzz-repair.c: bytes -> repaired model -> canonical bytes -> strict model
 *
 * Whatever racimo_file_repair_bytes () builds loads strictly once
 * written, and gives back the same bytes; a file it refuses is refused by
 * the strict reader too, and every repair says where and what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-file.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoRepairs) repairs = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoProject) strict = NULL;
  g_autoptr(RacimoProject) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  project = racimo_file_repair_bytes (bytes, "fuzz.raci", &repairs, &error);
  if (project == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.raci"));
      g_clear_error (&error);

      /* What cannot be repaired cannot be loaded either. */
      strict = racimo_file_load_bytes (bytes, "fuzz.raci", &error);
      g_assert_null (strict);
      return 0;
    }

  for (guint i = 0; i < racimo_repairs_get_n_repairs (repairs); i++)
    {
      g_assert_true (racimo_repairs_get_problem (repairs, i)[0] != '\0');
      g_assert_true (racimo_repairs_get_action (repairs, i)[0] != '\0');
    }

  written = racimo_file_serialize (project);
  again = racimo_file_load_bytes (written, "written.raci", &error);
  if (again == NULL)
    g_error ("the reader refused a repaired project: %s\n%.*s", error->message,
             (int) g_bytes_get_size (written), (const char *) g_bytes_get_data (written, NULL));

  rewritten = racimo_file_serialize (again);
  g_assert_true (g_bytes_equal (written, rewritten));

  return 0;
}
