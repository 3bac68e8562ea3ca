/* racimo-matrix-view.h: the RACI grid, drawn rather than built of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_MATRIX_VIEW (racimo_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (RacimoMatrixView, racimo_matrix_view, RACIMO, MATRIX_VIEW, GtkWidget)

/* The column of the activity names, left of the roles. */
#define RACIMO_MATRIX_NAME_COLUMN (-1)
/* The row of the role headers, above the activities. */
#define RACIMO_MATRIX_HEADER_ROW (-1)

#define RACIMO_MATRIX_ZOOM_MIN 0.5
#define RACIMO_MATRIX_ZOOM_MAX 2.5

/* How a row is highlighted. */
typedef enum
{
  RACIMO_ROW_PROBLEM_NONE,
  RACIMO_ROW_PROBLEM_NO_OWNER,
  RACIMO_ROW_PROBLEM_MANY_OWNERS,
  RACIMO_ROW_PROBLEM_WAIVED,
  RACIMO_ROW_PROBLEM_UNKNOWN_CODE,
  RACIMO_ROW_PROBLEM_WARNING,     /* a warning of a check on the activity */
} RacimoRowProblem;

/* Whether @problem is an error of a check, shown as the errors are */
static inline gboolean
racimo_row_problem_is_error (RacimoRowProblem problem)
{
  return problem == RACIMO_ROW_PROBLEM_NO_OWNER || problem == RACIMO_ROW_PROBLEM_MANY_OWNERS
         || problem == RACIMO_ROW_PROBLEM_UNKNOWN_CODE;
}

GtkWidget        *racimo_matrix_view_new              (void);

void              racimo_matrix_view_set_project      (RacimoMatrixView *self,
                                                       RacimoProject    *project,
                                                       RacimoChecks     *checks);
RacimoProject    *racimo_matrix_view_get_project      (RacimoMatrixView *self);
void              racimo_matrix_view_set_filter       (RacimoMatrixView *self,
                                                       RacimoFilter     *filter);
RacimoFilter     *racimo_matrix_view_get_filter       (RacimoMatrixView *self);

guint             racimo_matrix_view_get_n_rows       (RacimoMatrixView *self);
RacimoItem       *racimo_matrix_view_get_row_item     (RacimoMatrixView *self,
                                                       guint             row);
int               racimo_matrix_view_find_row         (RacimoMatrixView *self,
                                                       RacimoItem       *item);
RacimoRowProblem  racimo_matrix_view_get_row_problem  (RacimoMatrixView *self,
                                                       guint             row);
guint             racimo_matrix_view_get_workload     (RacimoMatrixView *self,
                                                       RacimoRole       *role,
                                                       char              code);

void              racimo_matrix_view_set_changes      (RacimoMatrixView *self,
                                                       GPtrArray        *changes,
                                                       RacimoProject    *theirs);
guint             racimo_matrix_view_get_change_marks (RacimoMatrixView *self,
                                                       RacimoItem       *item,
                                                       RacimoRole       *role);
guint             racimo_matrix_view_get_added_marks  (RacimoMatrixView *self,
                                                       int               row);
RacimoItem       *racimo_matrix_view_get_added_anchor (RacimoMatrixView       *self,
                                                       RacimoProject          *theirs,
                                                       const RacimoDifference *change);
gboolean          racimo_matrix_view_show_cell        (RacimoMatrixView *self,
                                                       RacimoItem       *activity,
                                                       RacimoRole       *role);

void              racimo_matrix_view_set_cursor       (RacimoMatrixView *self,
                                                       int               row,
                                                       int               column);
gboolean          racimo_matrix_view_show_item        (RacimoMatrixView *self,
                                                       RacimoItem       *item);
void              racimo_matrix_view_get_cursor       (RacimoMatrixView *self,
                                                       int              *row,
                                                       int              *column);
void              racimo_matrix_view_get_selection    (RacimoMatrixView *self,
                                                       int              *first_row,
                                                       int              *first_column,
                                                       int              *last_row,
                                                       int              *last_column);
gboolean          racimo_matrix_view_get_cell_area    (RacimoMatrixView *self,
                                                       int               row,
                                                       int               column,
                                                       graphene_rect_t  *area);
const char       *racimo_matrix_view_get_cursor_label (RacimoMatrixView *self);
const char       *racimo_matrix_view_get_cursor_description (RacimoMatrixView *self);

void              racimo_matrix_view_add_activity     (RacimoMatrixView *self);
void              racimo_matrix_view_add_phase        (RacimoMatrixView *self);
void              racimo_matrix_view_add_role         (RacimoMatrixView *self);
void              racimo_matrix_view_start_rename     (RacimoMatrixView *self,
                                                       const char       *initial_text);
void              racimo_matrix_view_set_names_width  (RacimoMatrixView *self,
                                                       int               width);
int               racimo_matrix_view_get_names_width  (RacimoMatrixView *self);
int               racimo_matrix_view_get_names_width_drawn (RacimoMatrixView *self);
void              racimo_matrix_view_set_zoom         (RacimoMatrixView *self,
                                                       double            zoom);
double            racimo_matrix_view_get_zoom         (RacimoMatrixView *self);
char             *racimo_matrix_view_copy_text        (RacimoMatrixView *self);
char             *racimo_matrix_view_copy_text_with_headers (RacimoMatrixView *self);
guint             racimo_matrix_view_paste_text       (RacimoMatrixView *self,
                                                       const char       *text);

G_END_DECLS
