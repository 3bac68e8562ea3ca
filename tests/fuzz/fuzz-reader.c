/* fuzz-reader.c: bytes -> model -> canonical bytes -> model again
 *
 * Whatever the reader accepts, the writer must write, and the reader must
 * accept what the writer wrote, giving back the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-checks.h"
#include "racimo-file.h"
#include "racimo-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoProject) again = NULL;
  g_autoptr(RacimoChecks) checks = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  project = racimo_file_load_bytes (bytes, "fuzz.raci", &error);
  if (project == NULL)
    {
      racimo_fuzz_assert_refusal (error, "fuzz.raci");
      return 0;
    }

  checks = racimo_checks_new (project);
  g_ptr_array_unref (racimo_checks_list_findings (checks));

  written = racimo_file_serialize (project);
  again = racimo_file_load_bytes (written, "written.raci", &error);
  if (again == NULL)
    g_error ("the reader refused what the writer wrote: %s\n%.*s", error->message,
             (int) g_bytes_get_size (written), (const char *) g_bytes_get_data (written, NULL));

  rewritten = racimo_file_serialize (again);
  g_assert_true (g_bytes_equal (written, rewritten));

  return 0;
}
