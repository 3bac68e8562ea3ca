/* bench-compare.c: racimo --diff and --merge of the large project
 * (docs/design-targets.md)
 *
 * Two copies of the large project each get a few hundred changes (codes,
 * names, moves, additions and removals), then each bound is a ratio to one
 * load of the large project (read, parse, validate, build, check) measured
 * in the same run:
 *   `racimo --diff BASE OURS` as a whole process            < 3 x load
 *   `racimo --merge BASE OURS THEIRS --output OUT` (process) < 3 x load
 * The diff and the merge alone, without reading or writing, are printed too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "racimo-bench.h"
#include "racimo-checks.h"
#include "racimo-compare.h"
#include "racimo-file.h"
#include "racimo-large-project.h"

#define RUNS 5
#define N_CHANGES 300

static RacimoActivity *
pick_activity (RacimoProject *project,
               GRand         *rand)
{
  RacimoPhase *phase;

  do
    phase = racimo_project_get_phase (project, g_rand_int_range (rand, 0,
                                                                 racimo_project_get_n_phases (project)));
  while (racimo_phase_get_n_activities (phase) == 0);

  return racimo_phase_get_activity (phase, g_rand_int_range (rand, 0,
                                                             racimo_phase_get_n_activities (phase)));
}

/* A few hundred changes of every kind a colleague makes. */
static void
change (RacimoProject *project,
        guint32        seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  static const char letters[] = "RACI";

  for (guint i = 0; i < N_CHANGES; i++)
    {
      RacimoActivity *activity = pick_activity (project, rand);
      RacimoRole *role = racimo_project_get_role (project, g_rand_int_range (rand, 0,
                                                                             racimo_project_get_n_roles (project)));
      RacimoPhase *phase = racimo_project_get_phase (project, g_rand_int_range (rand, 0,
                                                                                racimo_project_get_n_phases (project)));

      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0:
          racimo_project_rename (project, RACIMO_ITEM (activity), "Renamed");
          break;
        case 1:
          racimo_project_move_activity (project, activity, phase, 0);
          break;
        case 2:
          racimo_project_add_activity (project, phase, 0, "Added");
          break;
        case 3:
          racimo_project_remove_activity (project, activity);
          break;
        default:
          racimo_project_toggle_code (project, activity, role,
                                      letters[g_rand_int_range (rand, 0, 4)]);
        }
    }
}

static char *
save_copy (RacimoProject *project,
           const char    *dir,
           const char    *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  racimo_file_save (project, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static RacimoProject *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return project;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RacimoProject) base = racimo_large_project_new (2000, 20, 40, 42);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-bench-XXXXXX", &error);
  g_autofree char *base_path = NULL;
  g_autofree char *ours_path = NULL;
  g_autofree char *theirs_path = NULL;
  g_autofree char *out_path = NULL;
  const char *racimo = g_getenv ("RACIMO_BINARY");
  double load_ms[RUNS], diff_ms[RUNS], merge_ms[RUNS], diff_process_ms[RUNS];
  double merge_process_ms[RUNS];
  double load_median;
  gboolean ok = TRUE;

  g_assert_no_error (error);
  base_path = save_copy (base, dir, "base.raci");
  {
    g_autoptr(RacimoProject) ours = load (base_path);
    g_autoptr(RacimoProject) theirs = load (base_path);

    change (ours, 1);
    change (theirs, 2);
    ours_path = save_copy (ours, dir, "ours.raci");
    theirs_path = save_copy (theirs, dir, "theirs.raci");
  }
  out_path = g_build_filename (dir, "out.raci", NULL);

  if (racimo == NULL)
    {
      g_print ("SKIP: RACIMO_BINARY is not set: run with meson test --benchmark\n");
      return 77;
    }

  /* Warm the page cache and the schema. */
  g_clear_object (&base);
  base = load (base_path);

  for (guint i = 0; i < RUNS; i++)
    {
      const char *diff_argv[] = { racimo, "--diff", base_path, ours_path, NULL };
      const char *merge_argv[] = { racimo, "--merge", base_path, ours_path, theirs_path,
                                   "--output", out_path, NULL };
      g_autoptr(RacimoProject) loaded = NULL;
      g_autoptr(RacimoChecks) checks = NULL;
      g_autoptr(RacimoProject) ours = load (ours_path);
      g_autoptr(RacimoProject) theirs = load (theirs_path);
      g_autoptr(GPtrArray) lines = NULL;
      gint64 start;
      guint n_conflicts;

      start = g_get_monotonic_time ();
      loaded = load (base_path);
      checks = racimo_checks_new (loaded);
      load_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      lines = racimo_diff (base, ours);
      diff_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      n_conflicts = racimo_merge (base, ours, theirs);
      merge_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      if (i == 0)
        g_print ("%u lines of diff, %u conflicts in the merge\n", lines->len, n_conflicts);

      diff_process_ms[i] = racimo_bench_time_process (diff_argv);
      merge_process_ms[i] = racimo_bench_time_process (merge_argv);
    }

  load_median = racimo_bench_median (load_ms, RUNS);
  g_print ("load + check of the large project: %.1f ms\n", load_median);
  g_print ("racimo_diff () alone: %.1f ms; racimo_merge () alone: %.1f ms\n",
           racimo_bench_median (diff_ms, RUNS), racimo_bench_median (merge_ms, RUNS));
  ok &= racimo_bench_report_ratio ("racimo --diff (process)",
                                   racimo_bench_median (diff_process_ms, RUNS), load_median, 3.0,
                                   "load");
  ok &= racimo_bench_report_ratio ("racimo --merge (process)",
                                   racimo_bench_median (merge_process_ms, RUNS), load_median, 3.0,
                                   "load");

  g_unlink (base_path);
  g_unlink (ours_path);
  g_unlink (theirs_path);
  g_unlink (out_path);
  g_rmdir (dir);

  return ok ? 0 : 1;
}
