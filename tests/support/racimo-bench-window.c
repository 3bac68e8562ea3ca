/* racimo-bench-window.c: what the benchmarks of windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "racimo-bench-window.h"

static void
on_before_paint (GdkFrameClock     *clock,
                 RacimoBenchFrames *frames)
{
  frames->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock     *clock,
                RacimoBenchFrames *frames)
{
  double ms = (g_get_monotonic_time () - frames->frame_start) / 1000.0;

  if (frames->frame_ms != NULL)
    g_array_append_val (frames->frame_ms, ms);
  frames->frames++;
}

void
racimo_bench_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits until @widget's window has drawn no frame for 300 ms (at most
 * 5 s): the scroll bars that showed on a jump fade out, and what follows
 * is measured on a window at rest. */
void
racimo_bench_wait_for_rest (RacimoBenchFrames *frames)
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
void
racimo_bench_wait_for_frame (GtkWidget         *widget,
                             RacimoBenchFrames *frames)
{
  guint before = frames->frames;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (frames->frames == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (frames->frames, >, before);
}


/* A window showing @project, drawn once; its frames are counted in @frames. */
RacimoWindow *
racimo_bench_window_open (RacimoProject     *project,
                          RacimoBenchFrames *frames,
                          double            *first_frame_ms)
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
  racimo_bench_wait_for_frame (GTK_WIDGET (window), frames);
  if (first_frame_ms != NULL)
    *first_frame_ms = (g_get_monotonic_time () - start) / 1000.0;

  return window;
}

void
racimo_bench_window_close (RacimoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  racimo_bench_spin ();
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
GSubprocess *
racimo_bench_start_window_manager (void)
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

void
racimo_bench_stop_window_manager (GSubprocess *manager)
{
  if (manager == NULL)
    return;

  g_subprocess_send_signal (manager, SIGTERM);
  g_subprocess_wait (manager, NULL, NULL);
  g_object_unref (manager);
}

gboolean
racimo_bench_report_ms (const char *what,
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
scroll_to (RacimoWindow      *window,
           GtkAdjustment     *vadjustment,
           double             value,
           RacimoBenchFrames *frames)
{
  double before = gtk_adjustment_get_value (vadjustment);

  gtk_adjustment_set_value (vadjustment, value);
  if (gtk_adjustment_get_value (vadjustment) != before)
    racimo_bench_wait_for_frame (GTK_WIDGET (window), frames);
}

void
racimo_bench_scroll_frames (RacimoWindow      *window,
                            RacimoBenchFrames *frames,
                            guint              n,
                            guint32            seed,
                            GArray            *page_ms,
                            GArray            *jump_ms)
{
  RacimoMatrixView *view = racimo_window_get_matrix_view (window);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      double page = gtk_adjustment_get_page_size (vadjustment);
      double value = gtk_adjustment_get_value (vadjustment) + page;

      frames->frame_ms = page_ms;
      scroll_to (window, vadjustment, value, frames);
    }

  for (guint i = 0; i < n; i++)
    {
      double upper = gtk_adjustment_get_upper (vadjustment)
                     - gtk_adjustment_get_page_size (vadjustment);

      frames->frame_ms = jump_ms;
      scroll_to (window, vadjustment, g_rand_double_range (rand, 0, upper), frames);
    }

  frames->frame_ms = NULL;
  g_rand_free (rand);
}

