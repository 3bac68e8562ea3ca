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

#include <signal.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

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

typedef struct
{
  gint64  frame_start;
  GArray *frame_ms;  /* double */
  guint   frames;
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  double ms = (g_get_monotonic_time () - frames->frame_start) / 1000.0;

  if (frames->frame_ms != NULL)
    g_array_append_val (frames->frame_ms, ms);
  frames->frames++;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits until @widget's window has drawn no frame for 300 ms (at most
 * 5 s): the scroll bars that showed on a jump fade out, and what follows
 * is measured on a window at rest. */
static void
wait_for_rest (Frames *frames)
{
  guint last = frames->frames;
  gint64 quiet_since = g_get_monotonic_time ();
  gint64 deadline = quiet_since + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () - quiet_since < 300 * 1000
         && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      if (frames->frames != last)
        {
          last = frames->frames;
          quiet_since = g_get_monotonic_time ();
        }
      g_usleep (1000);
    }
}

/* Waits for the next frame of @widget's window to be painted. */
static void
wait_for_frame (GtkWidget *widget,
                Frames    *frames)
{
  guint before = frames->frames;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (frames->frames == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (frames->frames, >, before);
}

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

/* A window showing @project, drawn once; its frames are counted in @frames. */
static RacimoWindow *
open_window (RacimoProject *project,
             Frames        *frames,
             double        *first_frame_ms)
{
  RacimoWindow *window = racimo_window_new (NULL);
  gint64 start;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (on_before_paint), frames);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), frames);

  start = g_get_monotonic_time ();
  racimo_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window), frames);
  if (first_frame_ms != NULL)
    *first_frame_ms = (g_get_monotonic_time () - start) / 1000.0;

  return window;
}

static void
close_window (RacimoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static double
first_frame (RacimoProject *project)
{
  Frames frames = { 0 };
  double ms;
  RacimoWindow *window = open_window (project, &frames, &ms);

  close_window (window);
  return ms;
}

#ifdef GDK_WINDOWING_X11
static gboolean
window_manager_runs (GdkX11Screen *screen)
{
  return g_strcmp0 (gdk_x11_screen_get_window_manager_name (screen), "unknown") != 0;
}
#endif

/* Starts Openbox when the X display has no window manager; returns it, to
 * be stopped at the end, or NULL when there is nothing to stop. */
static GSubprocess *
start_window_manager (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();
  GdkX11Screen *screen;
  g_autoptr(GSubprocess) manager = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  screen = gdk_x11_display_get_screen (display);
  if (window_manager_runs (screen))
    return NULL;

  manager = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, "openbox", "--sm-disable", NULL);
  if (manager == NULL)
    {
      g_print ("no window manager, and Openbox could not start (%s): "
               "each frame pays GDK's asking for one (apt-get install openbox)\n",
               error->message);
      return NULL;
    }

  while (!window_manager_runs (screen) && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  g_print ("window manager: %s\n", gdk_x11_screen_get_window_manager_name (screen));

  return g_steal_pointer (&manager);
#else
  return NULL;
#endif
}

static void
stop_window_manager (GSubprocess *manager)
{
  if (manager == NULL)
    return;

  g_subprocess_send_signal (manager, SIGTERM);
  g_subprocess_wait (manager, NULL, NULL);
  g_object_unref (manager);
}

static gboolean
report_ms (const char *what,
           double      value,
           double      bound)
{
  gboolean ok = value < bound;

  g_print ("%-40s %8.2f ms (bound < %.0f ms)  %s\n", what, value, bound, ok ? "ok" : "MISSED");
  return ok;
}

/* Scrolls to @value and waits for the frame that shows it; a window with
 * nothing to scroll, a blank project's, draws no frame for it. */
static void
scroll_to (RacimoWindow  *window,
           GtkAdjustment *vadjustment,
           double         value,
           Frames        *frames)
{
  double before = gtk_adjustment_get_value (vadjustment);

  gtk_adjustment_set_value (vadjustment, value);
  if (gtk_adjustment_get_value (vadjustment) != before)
    wait_for_frame (GTK_WIDGET (window), frames);
}

static void
scroll_frames (RacimoWindow *window,
               Frames       *frames,
               GArray       *page_ms,
               GArray       *jump_ms)
{
  RacimoMatrixView *view = racimo_window_get_matrix_view (window);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GRand *rand = g_rand_new_with_seed (SEED);

  for (guint i = 0; i < N_SCROLLS; i++)
    {
      double page = gtk_adjustment_get_page_size (vadjustment);
      double value = gtk_adjustment_get_value (vadjustment) + page;

      frames->frame_ms = page_ms;
      scroll_to (window, vadjustment, value, frames);
    }

  for (guint i = 0; i < N_SCROLLS; i++)
    {
      double upper = gtk_adjustment_get_upper (vadjustment)
                     - gtk_adjustment_get_page_size (vadjustment);

      frames->frame_ms = jump_ms;
      scroll_to (window, vadjustment, g_rand_double_range (rand, 0, upper), frames);
    }

  frames->frame_ms = NULL;
  g_rand_free (rand);
}

/* A copy of @project with a few hundred changes of every kind compare
 * mode marks: cells, names, activities removed and moved. */
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
        default:
          racimo_project_toggle_code (copy, activity, role, 'C');
          break;
        }
    }

  return copy;
}

/* The median time of one cell edit from the keyboard: the model, the
 * checks, the view's own bookkeeping, the checks panel when shown, the
 * header bar's counts, and the frame that shows it all. */
static double
edit_time (RacimoProject *project,
           gboolean       show_checks)
{
  Frames frames = { 0 };
  RacimoWindow *window = open_window (project, &frames, NULL);
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
  wait_for_frame (view, &frames);
  wait_for_rest (&frames);

  for (guint i = 0; i < N_EDITS; i++)
    {
      RacimoCodes before = racimo_activity_get_codes (RACIMO_ACTIVITY (item), role);
      gint64 start;
      double edit_ms, ms;

      frames.frame_ms = frame_ms;
      start = g_get_monotonic_time ();
      press (keys, i % 2 == 0 ? GDK_KEY_a : GDK_KEY_A);
      edit_ms = (g_get_monotonic_time () - start) / 1000.0;
      wait_for_frame (view, &frames);

      /* Each key really toggled the owner code of the cell. */
      g_assert (racimo_activity_get_codes (RACIMO_ACTIVITY (item), role)
                == (before ^ RACIMO_CODE_BIT ('A')));

      ms = edit_ms + g_array_index (frame_ms, double, frame_ms->len - 1);
      g_array_append_val (times, ms);
    }

  close_window (window);
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
  Frames frames = { 0 };
  RacimoWindow *window;

  if (g_str_equal (which, "large"))
    project = racimo_large_project_new (N_ACTIVITIES, N_PHASES, N_ROLES, SEED);
  else
    project = racimo_templates_create ("blank-raci", NULL);

  window = open_window (project, &frames, NULL);
  scroll_frames (window, &frames, page_ms, jump_ms);
  g_print ("%u\n", peak_memory_kb ());
  close_window (window);

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
  Frames frames = { 0 };
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

  manager = start_window_manager ();
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

  window = open_window (large, &frames, NULL);
  scroll_frames (window, &frames, page_ms, jump_ms);
  close_window (window);
  ok &= report_ms ("scroll a page down, median frame", racimo_bench_median_of (page_ms), 16);
  ok &= report_ms ("scroll a page down, worst frame", racimo_bench_max_of (page_ms), 33);
  ok &= report_ms ("jump to any row, median frame", racimo_bench_median_of (jump_ms), 16);
  ok &= report_ms ("jump to any row, worst frame", racimo_bench_max_of (jump_ms), 33);

  /* Compare mode: every change of the copy marked in the grid */
  {
    g_autoptr(RacimoProject) theirs = changed_copy (large);
    g_autoptr(GArray) compare_page_ms = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) compare_jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
    gint64 start;

    window = open_window (large, &frames, NULL);
    start = g_get_monotonic_time ();
    _racimo_window_compare_start (window, theirs, "copy.raci");
    g_print ("compare mode: %u changes, entered in %.1f ms\n",
             _racimo_window_get_changes (window)->len,
             (g_get_monotonic_time () - start) / 1000.0);
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (
                                GTK_SCROLLABLE (racimo_window_get_matrix_view (window))), 0);
    wait_for_rest (&frames);
    scroll_frames (window, &frames, compare_page_ms, compare_jump_ms);
    close_window (window);
    ok &= report_ms ("compare mode, page down, median frame",
                     racimo_bench_median_of (compare_page_ms), 16);
    ok &= report_ms ("compare mode, page down, worst frame",
                     racimo_bench_max_of (compare_page_ms), 33);
    ok &= report_ms ("compare mode, jump to any row, median",
                     racimo_bench_median_of (compare_jump_ms), 16);
    ok &= report_ms ("compare mode, jump to any row, worst",
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

      ok &= report_ms (large_name, edit_large, 2);
      ok &= report_ms (small_name, edit_small, 2);
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

  stop_window_manager (manager);
  return ok ? 0 : 1;
}
