/* bench-sheets.c: the large project from a workbook (docs/design-targets.md)
 *
 * The bound is a ratio measured in the same run:
 *   import from .xlsx (unzip, parse, map, build) < 3 x load from .raci
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "racimo-bench.h"
#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-large-project.h"
#include "racimo-xlsx.h"

#define RUNS 7

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RacimoProject) project = racimo_large_project_new (2000, 20, 40, 42);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) raci = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  double load_ms[RUNS], import_ms[RUNS];
  double load, import;
  gboolean ok;

  raci = racimo_file_serialize (project);
  xlsx = racimo_xlsx_export (project, &error);
  g_assert_no_error (error);
  g_print ("large project: %u activities, %u roles; .raci %" G_GSIZE_FORMAT " bytes, "
           ".xlsx %" G_GSIZE_FORMAT " bytes\n",
           racimo_project_get_n_activities (project), racimo_project_get_n_roles (project),
           g_bytes_get_size (raci), g_bytes_get_size (xlsx));

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(RacimoProject) loaded = NULL;
      g_autoptr(RacimoProject) imported = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      loaded = racimo_file_load_bytes (raci, "large.raci", &error);
      g_assert_no_error (error);
      load_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      imported = racimo_csv_import_bytes (xlsx, "large.xlsx", NULL, &error);
      g_assert_no_error (error);
      import_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (racimo_project_get_n_activities (imported), ==,
                        racimo_project_get_n_activities (project));
    }

  load = racimo_bench_median (load_ms, RUNS);
  import = racimo_bench_median (import_ms, RUNS);
  ok = import < 3.0 * load;
  g_print ("%-28s %8.1f ms\n", "load .raci", load);
  g_print ("%-28s %8.1f ms  = %5.2f x load (bound < 3.0 x)  %s\n", "import .xlsx", import,
           import / load, ok ? "ok" : "MISSED");

  return ok ? 0 : 1;
}
