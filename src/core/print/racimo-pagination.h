/* racimo-pagination.h: the matrix on paper, paginated and drawn with cairo
 *
 * One pagination serves the print dialog and the PDF export alike, so both
 * give the same pages.  With GtkPrintOperation:
 * - gtk_print_operation_set_use_full_page (op, TRUE) and
 *   gtk_print_operation_set_unit (op, GTK_UNIT_POINTS): the cairo_t of
 *   "draw-page" is then the whole sheet in points, turned for landscape;
 * - in "begin-print", fill RacimoPaginationOptions from the GtkPageSetup:
 *   paper_width and paper_height from gtk_page_setup_get_paper_width() and
 *   _height() in GTK_UNIT_POINTS (either way round: the longer side is
 *   taken as the height), orientation from gtk_page_setup_get_orientation(),
 *   the margins from gtk_page_setup_get_top_margin() and the others; make
 *   the pagination, and pass racimo_pagination_get_n_pages() to
 *   gtk_print_operation_set_n_pages();
 * - in "draw-page", racimo_pagination_draw_page (pagination,
 *   gtk_print_context_get_cairo_context (context), page_nr).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "racimo-pagination-options.h"
#include "racimo-project.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PAGINATION (racimo_pagination_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPagination, racimo_pagination, RACIMO, PAGINATION, GObject)

RacimoPagination *racimo_pagination_new           (RacimoProject                 *project,
                                                   const RacimoPaginationOptions *options);
guint             racimo_pagination_get_n_pages   (RacimoPagination               *self);
guint             racimo_pagination_get_n_across  (RacimoPagination               *self);
double            racimo_pagination_get_scale     (RacimoPagination               *self);
gboolean          racimo_pagination_get_fitted    (RacimoPagination               *self);
char             *racimo_pagination_dup_fit_notice (RacimoPagination              *self);
void              racimo_pagination_get_page_size (RacimoPagination *self,
                                                   double           *width,
                                                   double           *height);
void              racimo_pagination_draw_page     (RacimoPagination *self,
                                                   cairo_t          *cr,
                                                   guint             page);

gboolean          racimo_pagination_export_pdf    (RacimoProject                  *project,
                                                   const char                     *path,
                                                   const RacimoPaginationOptions  *options,
                                                   GCancellable                   *cancellable,
                                                   GError                        **error);
gboolean          racimo_pagination_write_pdf     (RacimoPagination               *pagination,
                                                   const char                     *title,
                                                   const char                     *path,
                                                   GCancellable                   *cancellable,
                                                   GError                        **error);

G_END_DECLS
