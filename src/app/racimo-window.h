/* racimo-window.h: one project's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"
#include "racimo-matrix-view.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_WINDOW (racimo_window_get_type ())

G_DECLARE_FINAL_TYPE (RacimoWindow, racimo_window, RACIMO, WINDOW, AdwApplicationWindow)

RacimoWindow     *racimo_window_new             (GtkApplication    *application);
RacimoWindow     *racimo_window_find            (GtkApplication    *application,
                                                 GFile             *file);

void              racimo_window_set_project     (RacimoWindow      *self,
                                                 RacimoProject     *project);
void              racimo_window_set_document    (RacimoWindow      *self,
                                                 RacimoDocument    *document);
RacimoDocument   *racimo_window_get_document    (RacimoWindow      *self);
void              racimo_window_save_as         (RacimoWindow      *self,
                                                 GFile             *file);
void              racimo_window_offer_draft     (RacimoWindow      *self,
                                                 RacimoDraft       *draft);
RacimoDraft      *racimo_window_get_offered_draft (RacimoWindow    *self);
void              racimo_window_load_file       (RacimoWindow      *self,
                                                 GFile             *file);
void              racimo_window_open_file       (RacimoWindow      *self,
                                                 GFile             *file);
void              racimo_window_export_pdf      (RacimoWindow      *self,
                                                 GFile             *file);
void              racimo_window_export_csv      (RacimoWindow      *self,
                                                 GFile             *file,
                                                 const RacimoCsvOptions *options);
void              racimo_window_export_xlsx     (RacimoWindow      *self,
                                                 GFile             *file);

RacimoProject    *racimo_window_get_project     (RacimoWindow      *self);
RacimoChecks     *racimo_window_get_checks      (RacimoWindow      *self);
GFile            *racimo_window_get_file        (RacimoWindow      *self);
RacimoMatrixView *racimo_window_get_matrix_view (RacimoWindow      *self);
gboolean          racimo_window_is_empty        (RacimoWindow      *self);
gboolean          racimo_window_is_idle         (RacimoWindow      *self);

G_END_DECLS
