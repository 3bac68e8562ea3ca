/* racimo-compat.h: one place for what differs between GTK 4.8 / libadwaita
 * 1.2 (Debian 12) and the newer GNOME runtime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     racimo_compat_show_about        (GtkWindow   *parent);
void     racimo_compat_widget_get_color  (GtkWidget   *widget,
                                          GdkRGBA     *color);
gboolean racimo_compat_lookup_color      (GtkWidget   *widget,
                                          const char  *name,
                                          GdkRGBA     *color);

/* Opening a URI: GtkUriLauncher from GTK 4.10, gtk_show_uri_full() before. */

void        racimo_compat_show_uri         (GtkWindow              *parent,
                                            const char             *uri,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
gboolean    racimo_compat_show_uri_finish  (GAsyncResult           *result,
                                            GError                **error);

/* File dialogs: GtkFileDialog from GTK 4.10, GtkFileChooserNative before. */

typedef enum
{
  RACIMO_FILE_FILTER_RACI = 1 << 0,
  RACIMO_FILE_FILTER_CSV  = 1 << 1,
  RACIMO_FILE_FILTER_PDF  = 1 << 2,
  RACIMO_FILE_FILTER_ALL  = 1 << 3,
  RACIMO_FILE_FILTER_SHEETS = 1 << 4, /* workbooks and sheets saved as text, to import */
} RacimoFileFilters;

void        racimo_compat_open_file        (GtkWindow              *parent,
                                            const char             *title,
                                            RacimoFileFilters       filters,
                                            GFile                  *folder,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
GFile      *racimo_compat_open_file_finish (GAsyncResult           *result,
                                            GError                **error);
void        racimo_compat_save_file        (GtkWindow              *parent,
                                            const char             *title,
                                            RacimoFileFilters       filters,
                                            GFile                  *folder,
                                            const char             *name,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
GFile      *racimo_compat_save_file_finish (GAsyncResult           *result,
                                            GError                **error);

/* Alerts: AdwAlertDialog from libadwaita 1.5, AdwMessageDialog before. */

typedef enum
{
  RACIMO_RESPONSE_DEFAULT,
  RACIMO_RESPONSE_SUGGESTED,
  RACIMO_RESPONSE_DESTRUCTIVE,
} RacimoResponseAppearance;

typedef struct
{
  const char               *id;
  const char               *label;
  RacimoResponseAppearance  appearance;
} RacimoAlertResponse;

/* Called once, with the id of the response chosen, or the close response
 * when the alert was dismissed. */
typedef void (*RacimoAlertFunc) (GObject    *owner,
                                 const char *response);

GtkWidget  *racimo_compat_alert_show        (GtkWindow                 *parent,
                                             const char                *heading,
                                             const char                *body,
                                             const RacimoAlertResponse *responses,
                                             guint                      n_responses,
                                             const char                *default_response,
                                             const char                *close_response,
                                             RacimoAlertFunc            callback,
                                             GObject                   *owner);
const char *racimo_compat_alert_get_heading (GtkWidget                 *alert);
const char *racimo_compat_alert_get_body    (GtkWidget                 *alert);
GtkWidget  *racimo_compat_alert_get_message_widget (GtkWidget          *alert);
void        racimo_compat_alert_respond     (GtkWidget                 *alert,
                                             const char                *response);

/* A narrow window: an AdwBreakpoint from libadwaita 1.4, the window's
 * width followed by hand before.  Called with TRUE when @window becomes
 * narrower than @width pixels, FALSE when it is as wide again. */

typedef void (*RacimoNarrowFunc) (GtkWidget *window,
                                  gboolean   narrow);

void        racimo_compat_watch_narrow      (AdwApplicationWindow      *window,
                                             int                        width,
                                             RacimoNarrowFunc           callback);

G_END_DECLS
