/* racimo-pagination-options.h: the paper, margins and choices of a print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "racimo-project.h"

G_BEGIN_DECLS

typedef enum
{
  RACIMO_PAGINATION_LANDSCAPE,
  RACIMO_PAGINATION_PORTRAIT,
} RacimoPaginationOrientation;

typedef enum
{
  /* Scale the matrix down to fit the page width, no smaller than a readable
   * font size; past that, split the role columns over pages as TILE does. */
  RACIMO_PAGINATION_FIT_WIDTH,
  /* Full-size text; the role columns are split over as many pages across
   * as they need, each repeating the activity column. */
  RACIMO_PAGINATION_TILE,
} RacimoPaginationFit;

/* Lengths are in points (1/72 inch). */
typedef struct
{
  double                       paper_width;   /* of the sheet, either way round */
  double                       paper_height;
  RacimoPaginationOrientation  orientation;
  double                       margin_top;    /* on the page as it is read */
  double                       margin_bottom;
  double                       margin_left;
  double                       margin_right;
  RacimoPaginationFit          fit;
  guint                        pages_wide;    /* pages across at most; 0: as fit says */
  gboolean                     one_page;      /* smaller, to a legible size, to fit one page */
  char                       **phases;        /* ids of the phases to print; NULL: all */
  char                       **roles;         /* ids of the roles to print; NULL: all */
  char                       **collapsed;     /* ids of phases printed as their header only */
  gboolean                     descriptions;  /* phase and activity descriptions */
  gboolean                     summary;       /* a page or more: findings, workload */
  gboolean                     summary_first; /* the summary before the matrix, not after */
  gboolean                     mono;          /* black and white: no colour anywhere */
  gboolean                     only_problems; /* only activities with a finding not waived */
  gboolean                     row_numbers;   /* a number before each activity */
  gboolean                     per_role;      /* a PDF of one page per role, not the matrix */
  char                        *header;        /* a line on top of every page; NULL: none */
  char                        *footer;        /* a line at the foot of every page; NULL: none */
  /* Compare mode: what another copy changed (RacimoDifference, of
   * racimo_differences_compare ()), marked on the pages, and that copy's
   * name; NULL: none.  Shared between copies: not changed once set. */
  GPtrArray                   *changes;
  char                        *compared_with;
} RacimoPaginationOptions;

#define RACIMO_TYPE_PAGINATION_OPTIONS (racimo_pagination_options_get_type ())

GType                    racimo_pagination_options_get_type          (void) G_GNUC_CONST;
RacimoPaginationOptions *racimo_pagination_options_new               (void);
RacimoPaginationOptions *racimo_pagination_options_copy              (const RacimoPaginationOptions *self);
void                     racimo_pagination_options_free              (RacimoPaginationOptions       *self);
gboolean                 racimo_pagination_options_parse_paper       (RacimoPaginationOptions  *self,
                                                                      const char               *name,
                                                                      GError                  **error);
const char              *racimo_pagination_options_get_paper_name    (const RacimoPaginationOptions *self);
gboolean                 racimo_pagination_options_parse_orientation (RacimoPaginationOptions  *self,
                                                                      const char               *name,
                                                                      GError                  **error);
gboolean                 racimo_pagination_options_parse_fit         (RacimoPaginationOptions  *self,
                                                                      const char               *name,
                                                                      GError                  **error);
gboolean                 racimo_pagination_options_parse_pages_wide  (RacimoPaginationOptions  *self,
                                                                      const char               *number,
                                                                      GError                  **error);
gboolean                 racimo_pagination_options_parse_summary     (RacimoPaginationOptions  *self,
                                                                      const char               *name,
                                                                      GError                  **error);
gboolean                 racimo_pagination_options_parse_phases      (RacimoPaginationOptions  *self,
                                                                      const char               *list,
                                                                      GError                  **error);
gboolean                 racimo_pagination_options_parse_roles       (RacimoPaginationOptions  *self,
                                                                      const char               *list,
                                                                      GError                  **error);
gboolean                 racimo_pagination_options_check_project     (const RacimoPaginationOptions *self,
                                                                      RacimoProject                 *project,
                                                                      GError                       **error);
GVariant                *racimo_pagination_options_to_variant        (const RacimoPaginationOptions *self);
void                     racimo_pagination_options_apply_variant     (RacimoPaginationOptions       *self,
                                                                      GVariant                      *variant);
void                     racimo_pagination_options_get_page_size     (const RacimoPaginationOptions *self,
                                                                      double                        *width,
                                                                      double                        *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoPaginationOptions, racimo_pagination_options_free)

G_END_DECLS
