/* bench-file.c: loading and saving the large project (docs/design-targets.md)
 *
 * Each bound is a ratio measured in the same run:
 *   load (read, parse, validate, build, check) < 3 x `xmllint --noout`
 *   save                                       < 2 x load
 *   `racimo --check` as a whole process        < 3 x `xmllint --noout`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "racimo-bench.h"
#include "racimo-checks.h"
#include "racimo-file.h"
#include "racimo-large-project.h"

#define RUNS 7

static double
time_process (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                     | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RacimoProject) project = racimo_large_project_new (2000, 20, 40, 42);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *racimo = g_getenv ("RACIMO_BINARY");
  double xmllint_ms[RUNS], load_ms[RUNS], save_ms[RUNS], check_ms[RUNS];
  double load, xmllint_median;
  gboolean ok = TRUE;
  goffset size;

  g_assert_no_error (error);
  path = g_build_filename (dir, "large.raci", NULL);
  file = g_file_new_for_path (path);

  racimo_file_save (project, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    size = g_file_info_get_size (info);
  }
  g_print ("large project: %u activities, %u roles, %" G_GOFFSET_FORMAT " bytes\n",
           racimo_project_get_n_activities (project), racimo_project_get_n_roles (project),
           size);

  if (xmllint == NULL)
    {
      g_print ("SKIP: xmllint is not installed (apt-get install libxml2-utils)\n");
      return 77;
    }

  /* Warm the page cache and the schema, which is compiled once per process. */
  g_clear_object (&project);
  project = racimo_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < RUNS; i++)
    {
      const char *lint_argv[] = { xmllint, "--noout", path, NULL };
      g_autoptr(RacimoProject) loaded = NULL;
      g_autoptr(RacimoChecks) checks = NULL;
      gint64 start;

      xmllint_ms[i] = time_process (lint_argv);

      start = g_get_monotonic_time ();
      loaded = racimo_file_load (file, NULL, NULL, &error);
      g_assert_no_error (error);
      checks = racimo_checks_new (loaded);
      load_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      racimo_file_save (loaded, file, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      save_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      if (racimo != NULL)
        {
          const char *check_argv[] = { racimo, "--check", path, NULL };
          check_ms[i] = time_process (check_argv);
        }
    }

  load = racimo_bench_median (load_ms, RUNS);
  xmllint_median = racimo_bench_median (xmllint_ms, RUNS);
  ok &= racimo_bench_report_ratio ("load + check", load, xmllint_median, 3.0, "xmllint");
  ok &= racimo_bench_report_ratio ("save", racimo_bench_median (save_ms, RUNS), load, 2.0,
                                   "load");
  if (racimo != NULL)
    ok &= racimo_bench_report_ratio ("racimo --check (process)",
                                     racimo_bench_median (check_ms, RUNS), xmllint_median, 3.0,
                                     "xmllint");

  g_unlink (path);
  g_rmdir (dir);

  return ok ? 0 : 1;
}
