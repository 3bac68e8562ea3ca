/* racimo-window-private.h: what the window shows, for the tests to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-checks-panel.h"
#include "racimo-window.h"

G_BEGIN_DECLS

/* The alert shown over the window, or NULL; answer it with
 * racimo_compat_alert_respond(). */
GtkWidget *_racimo_window_get_alert (RacimoWindow *self);
/* The dialog of a CSV export's options while it is shown, or NULL */
GtkWidget *_racimo_window_get_csv_export_dialog (RacimoWindow *self);
/* The last notice shown, while it is shown. */
AdwToast  *_racimo_window_get_toast (RacimoWindow *self);
/* The text of the banner above the matrix, or NULL when it is hidden. */
const char *_racimo_window_get_banner (RacimoWindow *self);
/* The checks panel beside the matrix, shown or not. */
RacimoChecksPanel *_racimo_window_get_checks_panel (RacimoWindow *self);
/* What the search bar sets, or NULL without a project. */
RacimoFilter *_racimo_window_get_filter (RacimoWindow *self);

G_END_DECLS
