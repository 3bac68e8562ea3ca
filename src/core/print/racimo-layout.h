/* racimo-layout.h: the matrix on paper, paginated and drawn with cairo
 *
 * One layout serves the print dialog and the PDF export alike, so both
 * give the same pages.  With GtkPrintOperation:
 * - gtk_print_operation_set_use_full_page (op, TRUE) and
 *   gtk_print_operation_set_unit (op, GTK_UNIT_POINTS): the cairo_t of
 *   "draw-page" is then the whole sheet in points, turned for landscape;
 * - in "begin-print", fill RacimoLayoutOptions from the GtkPageSetup:
 *   paper_width and paper_height from gtk_page_setup_get_paper_width() and
 *   _height() in GTK_UNIT_POINTS (either way round: the longer side is
 *   taken as the height), orientation from gtk_page_setup_get_orientation(),
 *   the margins from gtk_page_setup_get_top_margin() and the others; make
 *   the layout, and pass racimo_layout_get_n_pages() to
 *   gtk_print_operation_set_n_pages();
 * - in "draw-page", racimo_layout_draw_page (layout,
 *   gtk_print_context_get_cairo_context (context), page_nr).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "racimo-project.h"

G_BEGIN_DECLS

typedef enum
{
  RACIMO_LAYOUT_LANDSCAPE,
  RACIMO_LAYOUT_PORTRAIT,
} RacimoLayoutOrientation;

typedef enum
{
  /* Scale the matrix down to fit the page width, no smaller than a readable
   * font size; past that, split the role columns over pages as TILE does. */
  RACIMO_LAYOUT_FIT_WIDTH,
  /* Full-size text; the role columns are split over as many pages across
   * as they need, each repeating the activity column. */
  RACIMO_LAYOUT_TILE,
} RacimoLayoutFit;

/* Lengths are in points (1/72 inch). */
typedef struct
{
  double                   paper_width;   /* of the sheet, either way round */
  double                   paper_height;
  RacimoLayoutOrientation  orientation;
  double                   margin_top;    /* on the page as it is read */
  double                   margin_bottom;
  double                   margin_left;
  double                   margin_right;
  RacimoLayoutFit          fit;
  char                   **phases;        /* ids of the phases to print; NULL: all */
  gboolean                 descriptions;  /* phase and activity descriptions */
  gboolean                 summary;       /* a last page or more: findings, workload */
} RacimoLayoutOptions;

#define RACIMO_TYPE_LAYOUT_OPTIONS (racimo_layout_options_get_type ())

GType                racimo_layout_options_get_type          (void) G_GNUC_CONST;
RacimoLayoutOptions *racimo_layout_options_new               (void);
RacimoLayoutOptions *racimo_layout_options_copy              (const RacimoLayoutOptions *self);
void                 racimo_layout_options_free              (RacimoLayoutOptions       *self);
gboolean             racimo_layout_options_parse_paper       (RacimoLayoutOptions       *self,
                                                              const char                *name,
                                                              GError                   **error);
gboolean             racimo_layout_options_parse_orientation (RacimoLayoutOptions       *self,
                                                              const char                *name,
                                                              GError                   **error);
gboolean             racimo_layout_options_parse_fit         (RacimoLayoutOptions       *self,
                                                              const char                *name,
                                                              GError                   **error);
void                 racimo_layout_options_get_page_size     (const RacimoLayoutOptions *self,
                                                              double                    *width,
                                                              double                    *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoLayoutOptions, racimo_layout_options_free)

#define RACIMO_TYPE_LAYOUT (racimo_layout_get_type ())

G_DECLARE_FINAL_TYPE (RacimoLayout, racimo_layout, RACIMO, LAYOUT, GObject)

RacimoLayout *racimo_layout_new           (RacimoProject             *project,
                                           const RacimoLayoutOptions *options);
guint         racimo_layout_get_n_pages   (RacimoLayout              *self);
guint         racimo_layout_get_n_across  (RacimoLayout              *self);
double        racimo_layout_get_scale     (RacimoLayout              *self);
void          racimo_layout_get_page_size (RacimoLayout              *self,
                                           double                    *width,
                                           double                    *height);
void          racimo_layout_draw_page     (RacimoLayout              *self,
                                           cairo_t                   *cr,
                                           guint                      page);

gboolean      racimo_layout_export_pdf    (RacimoProject             *project,
                                           const char                *path,
                                           const RacimoLayoutOptions *options,
                                           GCancellable              *cancellable,
                                           GError                   **error);

G_END_DECLS
