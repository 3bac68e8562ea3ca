/* fuzz-csv.c: bytes -> imported project -> CSV -> imported again
 *
 * Whatever the importer makes of a file, it must save as .raci, and the
 * round trip through CSV must settle: the import drops columns with
 * neither a header nor a code, so the first export may lose unnamed empty
 * roles, but exporting what that export imports gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) problems_again = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoProject) again = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) csv_again = NULL;
  g_autoptr(GBytes) csv_third = NULL;
  g_autoptr(RacimoProject) third = NULL;
  g_autoptr(GPtrArray) problems_third = NULL;
  g_autoptr(GBytes) raci = NULL;
  g_autoptr(RacimoProject) from_raci = NULL;

  project = racimo_csv_import_bytes (bytes, "fuzz.csv", &problems, &error);
  if (project == NULL)
    {
      racimo_fuzz_assert_refusal (error, "fuzz.csv");
      return 0;
    }

  csv = racimo_csv_export (project, NULL);
  again = racimo_csv_import_bytes (csv, "again.csv", &problems_again, &error);
  if (again == NULL)
    g_error ("the importer refused what the exporter wrote: %s", error->message);

  csv_again = racimo_csv_export (again, NULL);
  third = racimo_csv_import_bytes (csv_again, "third.csv", &problems_third, &error);
  if (third == NULL)
    g_error ("the importer refused what the exporter wrote: %s", error->message);
  csv_third = racimo_csv_export (third, NULL);
  g_assert_true (g_bytes_equal (csv_again, csv_third));

  /* Whatever came in from a spreadsheet saves as a project file. */
  raci = racimo_file_serialize (project);
  from_raci = racimo_file_load_bytes (raci, "imported.raci", &error);
  if (from_raci == NULL)
    g_error ("the reader refused an imported project: %s", error->message);

  return 0;
}
