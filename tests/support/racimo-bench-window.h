/* racimo-bench-window.h: what the benchmarks of windows share: frames
 * timed from the frame clock, a window manager, scrolling the grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-window.h"

G_BEGIN_DECLS

/* The frames of a window: a frame's time is the work of the frame, from
 * the frame clock's "before-paint" to its "after-paint". */
typedef struct
{
  gint64  frame_start;
  GArray *frame_ms;  /* double: each frame's time goes here when set */
  guint   frames;
} RacimoBenchFrames;

/* A window showing @project, drawn once; its frames are counted in
 * @frames, and the time to its first frame set in @first_frame_ms
 * (nullable). */
RacimoWindow *racimo_bench_window_open      (RacimoProject     *project,
                                             RacimoBenchFrames *frames,
                                             double            *first_frame_ms);
void          racimo_bench_window_close     (RacimoWindow      *window);
/* Runs the main loop until nothing is pending */
void          racimo_bench_spin             (void);
/* Waits for the next frame of @widget's window to be painted */
void          racimo_bench_wait_for_frame   (GtkWidget         *widget,
                                             RacimoBenchFrames *frames);
/* Waits until the window has drawn no frame for 300 ms (at most 5 s) */
void          racimo_bench_wait_for_rest    (RacimoBenchFrames *frames);
/* Page down @n times, then jump to @n rows chosen from @seed: each
 * frame's time in @page_ms and @jump_ms */
void          racimo_bench_scroll_frames    (RacimoWindow      *window,
                                             RacimoBenchFrames *frames,
                                             guint              n,
                                             guint32            seed,
                                             GArray            *page_ms,
                                             GArray            *jump_ms);
/* Prints @value in ms against @bound, one line; returns whether it holds */
gboolean      racimo_bench_report_ms        (const char        *what,
                                             double             value,
                                             double             bound);
/* Starts Openbox when the X display has no window manager (see
 * bench-matrix.c); returns it, to be given to
 * racimo_bench_stop_window_manager (), or NULL */
GSubprocess  *racimo_bench_start_window_manager (void);
void          racimo_bench_stop_window_manager  (GSubprocess *manager);

G_END_DECLS
