/* bench-matrix.c: the editor window with the large project (docs/design-targets.md)
 *
 * Each bound is measured in the same run, against the same program:
 *   first frame of the large project     < 2 x that of a new blank project
 *   scrolling, per frame (page down, jump to any row):
 *                                         median < 16 ms, worst < 33 ms,
 *                                         and the same in compare mode
 *                                         against a copy with a few
 *                                         hundred changes
 *   one cell edit, with checks and redraw < 2 ms, for 2,000 activities as
 *                                         for 200 (ratio < 1.5), with the
 *                                         checks panel shown and hidden
 *   peak memory with the large project   < 1.5 x a blank project's + 40 MB
 *
 * A frame's time is the work of the frame, from the frame clock's
 * "before-paint" to its "after-paint": waiting for the next tick of the
 * (virtual) screen is not the program's time.  Run under Xvfb with
 * GSK_RENDERER=cairo, as `meson test --benchmark` does in the README.
 *
 * The windows are managed by a window manager, as on any X11 desktop:
 * Openbox is started for the run when none is there.  Without one, GDK 4.8
 * asks the X server twice a frame whether one has started, and waits for
 * the answer (and so for the server to take the frame's image): about
 * half a millisecond a frame that no user's desktop costs.  GDK 4.18
 * still does: without a window manager, median frames of a page down took
 * 4.89 against 1.94 ms there (3.88 against 1.73 ms with GDK 4.8), so
 * Openbox is started on both platforms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "racimo-bench-window.h"
#include "racimo-bench.h"
#include "racimo-large-project.h"
#include "racimo-window-private.h"
#include "racimo-window.h"

#define N_ACTIVITIES 2000
#define N_PHASES 20
#define N_ROLES 40
#define SEED 42
#define RUNS 5
#define N_SCROLLS 60
#define N_EDITS 101

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }

  g_assert_not_reached ();
}

static void
press (GtkEventController *keys,
       guint               keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

static double
first_frame (RacimoProject *project)
{
  RacimoBenchFrames frames = { 0 };
  double ms;
  RacimoWindow *window = racimo_bench_window_open (project, &frames, &ms);

  racimo_bench_window_close (window);
  return ms;
}

/* A copy of @project with a few hundred changes of every kind compare
 * mode marks: cells, names, activities removed, moved and added, and
 * roles and phases renamed, moved and removed. */
static RacimoProject *
changed_copy (RacimoProject *project)
{
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);
  g_autoptr(GError) error = NULL;
  RacimoProject *copy = racimo_file_load_bytes (bytes, "copy.raci", &error);
  guint n_roles = racimo_project_get_n_roles (copy);
  RacimoPhase *first = racimo_project_get_phase (copy, 0);

  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      RacimoPhase *phase = racimo_project_get_phase (copy, i % racimo_project_get_n_phases (copy));
      RacimoActivity *activity = racimo_phase_get_activity (
        phase, (i * 7) % racimo_phase_get_n_activities (phase));
      RacimoRole *role = racimo_project_get_role (copy, (i * 13) % n_roles);

      switch (i % 8)
        {
        case 0:
          racimo_project_rename (copy, RACIMO_ITEM (activity), "Renamed by a colleague");
          break;
        case 1:
          if (racimo_phase_get_n_activities (phase) > 1)
            racimo_project_remove_activity (copy, activity);
          break;
        case 2:
          if (phase != first)
            racimo_project_move_activity (copy, activity, first, 0);
          break;
        case 3:
          racimo_project_add_activity (copy, phase,
                                       (int) ((i * 11) % racimo_phase_get_n_activities (phase)),
                                       "Added by a colleague");
          break;
        default:
          racimo_project_toggle_code (copy, activity, role, 'C');
          break;
        }
    }

  for (guint i = 0; i < n_roles; i += 4)
    racimo_project_rename (copy, RACIMO_ITEM (racimo_project_get_role (copy, i)), "Renamed role");
  racimo_project_move_role (copy, racimo_project_get_role (copy, 1), n_roles - 1);
  racimo_project_remove_role (copy, racimo_project_get_role (copy, 2));
  for (guint i = 1; i < racimo_project_get_n_phases (copy); i += 3)
    racimo_project_rename (copy, RACIMO_ITEM (racimo_project_get_phase (copy, i)), "Renamed phase");
  racimo_project_move_phase (copy, racimo_project_get_phase (copy, 0), 1);

  return copy;
}

/* The median time of one cell edit from the keyboard: the model, the
 * checks, the view's own bookkeeping, the checks panel when shown, the
 * header bar's counts, and the frame that shows it all. */
static double
edit_time (RacimoProject *project,
           gboolean       show_checks)
{
  RacimoBenchFrames frames = { 0 };
  RacimoWindow *window = racimo_bench_window_open (project, &frames, NULL);
  GtkWidget *view = GTK_WIDGET (racimo_window_get_matrix_view (window));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RacimoMatrixView *matrix = RACIMO_MATRIX_VIEW (view);
  GtkEventController *keys = key_controller (view);  /* found before, not timed */
  RacimoRole *role = racimo_project_get_role (project, 3);
  RacimoItem *item = NULL;
  guint middle;

  /* In the middle of the project, where checks have the most around, on
   * an activity's row: a key on a phase header would edit nothing. */
  for (middle = racimo_matrix_view_get_n_rows (matrix) / 2;
       middle < racimo_matrix_view_get_n_rows (matrix);
       middle++)
    {
      item = racimo_matrix_view_get_row_item (matrix, middle);
      if (RACIMO_IS_ACTIVITY (item))
        break;
    }
  g_assert (RACIMO_IS_ACTIVITY (item));
  g_object_set (window, "show-checks", show_checks, NULL);
  racimo_matrix_view_set_cursor (matrix, (int) middle, 3);
  racimo_bench_wait_for_frame (view, &frames);
  racimo_bench_wait_for_rest (&frames);

  for (guint i = 0; i < N_EDITS; i++)
    {
      RacimoCodes before = racimo_activity_get_codes (RACIMO_ACTIVITY (item), role);
      gint64 start;
      double edit_ms, ms;

      frames.frame_ms = frame_ms;
      start = g_get_monotonic_time ();
      press (keys, i % 2 == 0 ? GDK_KEY_a : GDK_KEY_A);
      edit_ms = (g_get_monotonic_time () - start) / 1000.0;
      racimo_bench_wait_for_frame (view, &frames);

      /* Each key really toggled the owner code of the cell. */
      g_assert (racimo_activity_get_codes (RACIMO_ACTIVITY (item), role)
                == (before ^ RACIMO_CODE_BIT ('A')));

      ms = edit_ms + g_array_index (frame_ms, double, frame_ms->len - 1);
      g_array_append_val (times, ms);
    }

  racimo_bench_window_close (window);
  return racimo_bench_median_of (times);
}

static guint
peak_memory_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmHWM:");
  return line != NULL ? (guint) g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

/* In a process of its own: the peak memory of a window with the project. */
static int
run_memory (const char *which)
{
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RacimoBenchFrames frames = { 0 };
  RacimoWindow *window;

  if (g_str_equal (which, "large"))
    project = racimo_large_project_new (N_ACTIVITIES, N_PHASES, N_ROLES, SEED);
  else
    project = racimo_templates_create ("blank-raci", NULL);

  window = racimo_bench_window_open (project, &frames, NULL);
  racimo_bench_scroll_frames (window, &frames, N_SCROLLS, SEED, page_ms, jump_ms);
  g_print ("%u\n", peak_memory_kb ());
  racimo_bench_window_close (window);

  return 0;
}

static double
memory_of (const char *self_path,
           const char *which)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, self_path, "--memory", which, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return g_ascii_strtod (out, NULL) / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RacimoProject) large = NULL;
  g_autoptr(RacimoProject) small = NULL;
  g_autoptr(GArray) blank_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) large_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RacimoBenchFrames frames = { 0 };
  RacimoWindow *window;
  GSubprocess *manager;
  double blank_mb, large_mb;
  gboolean ok = TRUE;

  if (!gtk_init_check ())
    {
      g_print ("SKIP: no display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  if (argc == 3 && g_str_equal (argv[1], "--memory"))
    return run_memory (argv[2]);

  manager = racimo_bench_start_window_manager ();
  large = racimo_large_project_new (N_ACTIVITIES, N_PHASES, N_ROLES, SEED);
  small = racimo_large_project_new (N_ACTIVITIES / 10, N_PHASES, N_ROLES, SEED);
  g_print ("large project: %u activities in %u phases, %u roles\n",
           racimo_project_get_n_activities (large), racimo_project_get_n_phases (large),
           racimo_project_get_n_roles (large));

  /* A first window pays once for what every later window shares (styles,
   * fonts, icons): it is left out of both sides of the ratio. */
  {
    g_autoptr(RacimoProject) warm = racimo_templates_create ("blank-raci", NULL);

    first_frame (warm);
  }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(RacimoProject) blank = racimo_templates_create ("blank-raci", NULL);
      double ms = first_frame (blank);

      g_array_append_val (blank_ms, ms);
      ms = first_frame (large);
      g_array_append_val (large_ms, ms);
    }
  ok &= racimo_bench_report_ratio ("first frame, large project",
                                   racimo_bench_median_of (large_ms),
                                   racimo_bench_median_of (blank_ms), 2.0, "blank");

  window = racimo_bench_window_open (large, &frames, NULL);
  racimo_bench_scroll_frames (window, &frames, N_SCROLLS, SEED, page_ms, jump_ms);
  racimo_bench_window_close (window);
  ok &= racimo_bench_report_ms ("scroll a page down, median frame", racimo_bench_median_of (page_ms), 16);
  ok &= racimo_bench_report_ms ("scroll a page down, worst frame", racimo_bench_max_of (page_ms), 33);
  ok &= racimo_bench_report_ms ("jump to any row, median frame", racimo_bench_median_of (jump_ms), 16);
  ok &= racimo_bench_report_ms ("jump to any row, worst frame", racimo_bench_max_of (jump_ms), 33);

  /* Compare mode: every change of the copy marked in the grid */
  {
    g_autoptr(RacimoProject) theirs = changed_copy (large);
    g_autoptr(GArray) compare_page_ms = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) compare_jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
    gint64 start;

    window = racimo_bench_window_open (large, &frames, NULL);
    start = g_get_monotonic_time ();
    _racimo_window_compare_start (window, theirs, "copy.raci");
    g_print ("compare mode: %u changes, entered in %.1f ms\n",
             _racimo_window_get_changes (window)->len,
             (g_get_monotonic_time () - start) / 1000.0);
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (
                                GTK_SCROLLABLE (racimo_window_get_matrix_view (window))), 0);
    racimo_bench_wait_for_rest (&frames);
    racimo_bench_scroll_frames (window, &frames, N_SCROLLS, SEED, compare_page_ms, compare_jump_ms);
    racimo_bench_window_close (window);
    ok &= racimo_bench_report_ms ("compare mode, page down, median frame",
                                  racimo_bench_median_of (compare_page_ms), 16);
    ok &= racimo_bench_report_ms ("compare mode, page down, worst frame",
                                  racimo_bench_max_of (compare_page_ms), 33);
    ok &= racimo_bench_report_ms ("compare mode, jump to any row, median",
                                  racimo_bench_median_of (compare_jump_ms), 16);
    ok &= racimo_bench_report_ms ("compare mode, jump to any row, worst",
                                  racimo_bench_max_of (compare_jump_ms), 33);
  }

  for (guint panel = 0; panel < 2; panel++)
    {
      gboolean shown = panel == 0;
      double edit_large = edit_time (large, shown);
      double edit_small = edit_time (small, shown);
      g_autofree char *large_name = g_strdup_printf ("cell edit, 2,000 activities, %s",
                                                     shown ? "panel" : "no panel");
      g_autofree char *small_name = g_strdup_printf ("cell edit, 200 activities, %s",
                                                     shown ? "panel" : "no panel");
      g_autofree char *ratio_name = g_strdup_printf ("cell edit, 2,000 vs 200, %s",
                                                     shown ? "panel" : "no panel");

      ok &= racimo_bench_report_ms (large_name, edit_large, 2);
      ok &= racimo_bench_report_ms (small_name, edit_small, 2);
      ok &= racimo_bench_report_ratio (ratio_name, edit_large, edit_small, 1.5, "200");
    }

  blank_mb = memory_of (argv[0], "blank");
  large_mb = memory_of (argv[0], "large");
  {
    double bound = 1.5 * blank_mb + 40;
    gboolean fits = large_mb < bound;

    g_print ("%-40s %8.1f MB (blank %.1f MB; bound < 1.5 x blank + 40 = %.1f MB)  %s\n",
             "peak memory, large project", large_mb, blank_mb, bound, fits ? "ok" : "MISSED");
    ok &= fits;
  }

  racimo_bench_stop_window_manager (manager);
  return ok ? 0 : 1;
}
