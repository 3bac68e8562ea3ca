/* racimo-matrix-view-private.h: what the files of the grid share
 *
 * RacimoMatrixView is one widget in several files, each with one job:
 * racimo-matrix-view.c (the widget and its model binding), -rows.c (the
 * rows it flattens the project into), -sizes.c (names' width, zoom,
 * hidden roles, collapsed phases), -drawing.c (text caches, drawing,
 * tooltips), -cursor.c (the cursor and what a screen reader hears),
 * -editing.c (changes through the project's history, the clipboard),
 * -popovers.c (the popovers over a cell) and -input.c (the matrix.*
 * actions, key bindings, mouse and drag).  They share the instance struct
 * and the _racimo_matrix_view_*() functions below; nothing outside these
 * files includes this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-drawn-text.h"
#include "racimo-matrix-view.h"

G_BEGIN_DECLS

#define PROBLEM_DIRTY 0xff
#define DIMMED_TEXT (1u << 31)  /* in code_texts' keys: codes shown dimmed */
#define N_LETTERS 26

typedef struct
{
  RacimoItem *item;  /* a phase or an activity, owned by the project */
  gboolean    is_phase;
} Row;

typedef enum
{
  HIT_NONE,
  HIT_CORNER,
  HIT_HEADER,
  HIT_NAME,
  HIT_CELL,
  HIT_FOOTER,
} HitArea;

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,   /* pressed on something that can move, not yet moved */
  DRAG_ACTIVITY,
  DRAG_PHASE,
  DRAG_ROLE,
  DRAG_SELECT,
  DRAG_NAMES_WIDTH,  /* the edge between the names and the codes */
} DragMode;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA line;
  GdkRGBA header_bg;
  GdkRGBA view_bg;
  GdkRGBA phase_bg;
  GdkRGBA error_bg;
  GdkRGBA warning_bg;
  GdkRGBA error;
  GdkRGBA warning;
  GdkRGBA accent;
  GdkRGBA selection;
} Colors;

/* A row as the last frame drew it, with what it was drawn from.  A frame
 * draws again only the rows whose codes, background or name changed, and
 * the renderer finds every other row's node the same as before: an edit
 * costs one row, and a scroll by whole rows re-draws none of them. */
typedef struct
{
  gboolean       is_phase;
  gboolean       applicable;
  guint8         problem;
  const GdkRGBA *background;
  RacimoCodes   *codes;        /* of the columns drawn */
  PangoLayout   *name_layout;  /* held, so that no new layout takes its address */
  GskRenderNode *cells;        /* from the top of the row */
  GskRenderNode *name;
  RacimoPlacedNode placed_cells;  /* where the last frame put them */
  RacimoPlacedNode placed_name;
} DrawnRow;

/* What every part of a frame is drawn from */
typedef struct
{
  int      width;
  int      height;
  int      nr;
  int      nc;
  int      first_row;
  int      last_row;
  int      first_column;
  int      last_column;
  int      sel_r0;
  int      sel_c0;
  int      sel_r1;
  int      sel_c1;
  double   hv;
  double   fy;          /* the top of the workload row */
  double   grid_right;
  double   bw;          /* the width of the cells in view */
  double   body_top;
  GdkRGBA  dim;
  gboolean focused;
} Frame;

/* What every row of a frame is drawn in */
typedef struct
{
  int    first_column;
  int    last_column;
  int    name_width;
  int    row_height;
  int    column_width;
  double hvalue;
  double grid_right;
} DrawnGeometry;

struct _RacimoMatrixView
{
  GtkWidget      parent_instance;

  RacimoProject *project;
  RacimoChecks  *checks;
  RacimoFilter  *filter;
  gulong         project_handlers[6];
  gulong         note_handler;
  gulong         checks_handler;
  gulong         filter_handler;
  gulong         dark_handler;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  /* The model, flattened (see the top of this file) */
  gboolean       rows_dirty;
  gboolean       codes_valid;  /* the codes of the rows shown are up to date */
  gboolean       rows_rebuilt; /* since the last allocation, which sizes the scrolling */
  gboolean       scroll_pending;
  GArray        *rows;        /* Row */
  GHashTable    *row_of;      /* RacimoItem * -> row + 1 */
  GHashTable    *phase_shown; /* RacimoPhase * -> activities shown, while filtering */
  GHashTable    *collapsed;   /* RacimoPhase *, unowned: their activities not shown */
  GHashTable    *hidden_roles; /* RacimoRole *, unowned: their columns not shown */
  GPtrArray     *roles;       /* RacimoRole *, unowned, in column order */
  GHashTable    *column_of;   /* RacimoRole * -> column + 1 */
  RacimoCodes   *codes;       /* rows x roles */
  guint8        *problems;    /* per row, a RacimoRowProblem or PROBLEM_DIRTY */
  guint         *workload;    /* roles x 26 letters */
  gboolean       workload_dirty;

  /* Geometry in pixels */
  gboolean       metrics_dirty;
  int            row_height;
  int            header_height;
  int            footer_height;
  int            name_width;
  int            column_width;
  int            pad;
  int            icon_size;
  int            names_width_set;  /* what the user chose, unzoomed; 0: automatic */
  double         zoom;

  /* Drawing caches, each shaped once */
  GHashTable    *name_layouts;    /* RacimoItem * -> PangoLayout */
  GHashTable    *header_texts;    /* RacimoRole * -> RacimoDrawnText */
  GHashTable    *footer_texts;    /* RacimoRole * -> RacimoDrawnText */
  GHashTable    *footer_pieces;   /* a letter or a count (see footer_piece_key()) -> RacimoDrawnText */
  GHashTable    *code_texts;      /* RacimoCodes -> RacimoDrawnText */
  RacimoDrawnText *corner_text;
  RacimoDrawnText *workload_text;
  gboolean       dark;
  Colors         colors;
  GdkPaintable  *error_icon;
  GdkPaintable  *warning_icon;
  GdkPaintable  *waived_icon;

  /* The rows drawn in the last frame, from drawn_first on, and the
   * geometry they were drawn in (see DrawnRow) */
  GArray        *drawn_rows;
  int            drawn_first;
  DrawnGeometry  drawn_geometry;

  /* The cursor, and the corner of the selection that stays put */
  int            cursor_row;
  int            cursor_column;
  int            anchor_row;
  int            anchor_column;
  /* What the user put the cursor on, to find it again when rows move or
   * a search hides it for a while */
  RacimoItem    *cursor_item;
  RacimoRole    *cursor_role;
  char          *a11y_label;
  char          *a11y_description;
  guint          a11y_idle;

  /* Popovers, made when first needed */
  GtkWidget     *codes_popover;   /* a RacimoCodesPopover */
  int            codes_row;
  int            codes_column;
  GtkWidget     *rename_popover;  /* a RacimoRenamePopover */
  GtkWidget     *props_popover;   /* a RacimoPropertiesPopover */
  GtkWidget     *waive_popover;   /* a RacimoWaiverPopover */
  GtkWidget     *note_popover;    /* a RacimoNotePopover */

  GtkWidget     *context_menu;
  RacimoItem    *menu_item;

  /* The changes of another copy, marked (racimo-matrix-view-compare.c) */
  GHashTable    *compare_marks;   /* RacimoItem * (activity, phase, role), owned -> its marks */
  GPtrArray     *compare_added;   /* RacimoItem *, keys of compare_marks that activities
                                   * only the other copy has go after */
  GHashTable    *compare_counts;  /* a count -> RacimoDrawnText, in an addition's badge */

  /* The activity being created, whose findings the checks hold until the
   * cursor leaves it or the user pauses (see racimo_checks_hold()) */
  RacimoItem    *fresh_item;
  guint          fresh_timeout;

  /* From the template */
  GMenuModel    *activity_menu;
  GMenuModel    *phase_menu;
  GMenuModel    *role_menu;
  GMenu         *activity_section;
  GMenu         *phase_section;
  GMenu         *role_section;

  /* Dragging */
  DragMode       drag_mode;
  HitArea        drag_area;
  int            drag_row;
  int            drag_column;
  double         drag_start_x;
  double         drag_start_y;
  double         drag_x;
  double         drag_y;
  int            drop_index;
  guint          autoscroll_id;
  gboolean       edge_pressed;  /* the press was on the names' edge: no click */
};

enum {
  PASTE_NOT_UNDERSTOOD,
  CURSOR_MOVED,
  LETTER_NOT_TYPED,
  N_SIGNALS
};

extern guint _racimo_matrix_view_signals[N_SIGNALS];

/* The model, flattened */

static inline Row *
get_row (RacimoMatrixView *self,
         guint             row)
{
  return &g_array_index (self->rows, Row, row);
}

static inline guint
n_rows (RacimoMatrixView *self)
{
  return self->rows->len;
}

static inline guint
n_columns (RacimoMatrixView *self)
{
  return self->roles->len;
}

static inline RacimoActivity *
row_activity (RacimoMatrixView *self,
              int               row)
{
  Row *r;

  if (row < 0 || (guint) row >= n_rows (self))
    return NULL;

  r = get_row (self, row);
  return r->is_phase ? NULL : RACIMO_ACTIVITY (r->item);
}

static inline RacimoRole *
column_role (RacimoMatrixView *self,
             int               column)
{
  if (column < 0 || (guint) column >= n_columns (self))
    return NULL;

  return g_ptr_array_index (self->roles, column);
}

/* racimo-matrix-view.c */
gboolean           _racimo_matrix_view_shows_phase_rows      (RacimoProject    *project);
int                _racimo_matrix_view_lookup_row            (RacimoMatrixView *self,
                                                              gpointer          item);
int                _racimo_matrix_view_lookup_column         (RacimoMatrixView *self,
                                                              gpointer          role);
gboolean           _racimo_matrix_view_is_filtering          (RacimoMatrixView *self);
void               _racimo_matrix_view_scroll_to_cell        (RacimoMatrixView *self,
                                                              int               row,
                                                              int               column);
void               _racimo_matrix_view_forget_item           (RacimoMatrixView *self,
                                                              RacimoItem       *item);
void               _racimo_matrix_view_invalidate_structure  (RacimoMatrixView *self);

/* racimo-matrix-view-rows.c: the model, flattened */
void               _racimo_matrix_view_recount_workload      (RacimoMatrixView *self);
void               _racimo_matrix_view_ensure_rows           (RacimoMatrixView *self);
RacimoRowProblem   _racimo_matrix_view_row_problem           (RacimoMatrixView *self,
                                                              guint             row);

/* racimo-matrix-view-sizes.c: names' width, zoom, hidden roles, collapsed phases */
gboolean           _racimo_matrix_view_is_collapsed          (RacimoMatrixView *self,
                                                              gpointer          phase);
void               _racimo_matrix_view_set_collapsed         (RacimoMatrixView *self,
                                                              RacimoPhase      *phase,
                                                              gboolean          collapsed);
void               _racimo_matrix_view_set_role_hidden       (RacimoMatrixView *self,
                                                              RacimoRole       *role,
                                                              gboolean          hidden);
void               _racimo_matrix_view_show_all_roles        (RacimoMatrixView *self);
void               _racimo_matrix_view_resize_names          (RacimoMatrixView *self,
                                                              int               drawn);

/* racimo-matrix-view-drawing.c */
void               _racimo_matrix_view_drawn_row_clear       (gpointer data);
const RacimoScheme *_racimo_matrix_view_get_scheme            (RacimoMatrixView *self);
void               _racimo_matrix_view_ensure_metrics        (RacimoMatrixView *self);
int                _racimo_matrix_view_content_width         (RacimoMatrixView *self);
int                _racimo_matrix_view_content_height        (RacimoMatrixView *self);
int                _racimo_matrix_view_body_width            (RacimoMatrixView *self);
int                _racimo_matrix_view_body_height           (RacimoMatrixView *self);
double             _racimo_matrix_view_hvalue                (RacimoMatrixView *self);
double             _racimo_matrix_view_vvalue                (RacimoMatrixView *self);
double             _racimo_matrix_view_footer_y              (RacimoMatrixView *self);
HitArea            _racimo_matrix_view_hit_test              (RacimoMatrixView *self,
                                                              double            x,
                                                              double            y,
                                                              int              *row,
                                                              int              *column);
void               _racimo_matrix_view_get_cell_rect         (RacimoMatrixView *self,
                                                              int               row,
                                                              int               column,
                                                              graphene_rect_t  *rect);
void               _racimo_matrix_view_get_selection         (RacimoMatrixView *self,
                                                              int              *r0,
                                                              int              *c0,
                                                              int              *r1,
                                                              int              *c1);
gboolean           _racimo_matrix_view_has_multiple_selection (RacimoMatrixView *self);
PangoLayout       *_racimo_matrix_view_make_layout           (RacimoMatrixView *self,
                                                              const char       *text);
void               _racimo_matrix_view_snapshot              (GtkWidget   *widget,
                                                              GtkSnapshot *snapshot);
void               _racimo_matrix_view_append_rect           (GtkSnapshot           *snapshot,
                                                              const GdkRGBA         *color,
                                                              double                 x,
                                                              double                 y,
                                                              double                 w,
                                                              double                 h);
void               _racimo_matrix_view_append_outline        (GtkSnapshot           *snapshot,
                                                              const GdkRGBA         *color,
                                                              const graphene_rect_t *r,
                                                              double                 width);
gboolean           _racimo_matrix_view_query_tooltip         (GtkWidget  *widget,
                                                              int         x,
                                                              int         y,
                                                              gboolean    keyboard_mode,
                                                              GtkTooltip *tooltip);

/* racimo-matrix-view-cursor.c */
const char        *_racimo_matrix_view_problem_text          (RacimoRowProblem problem);
const char        *_racimo_matrix_view_item_name_or          (RacimoItem *item,
                                                              const char *fallback);
void               _racimo_matrix_view_update_accessible     (RacimoMatrixView *self);
void               _racimo_matrix_view_queue_accessible      (RacimoMatrixView *self);
void               _racimo_matrix_view_set_cursor_full       (RacimoMatrixView *self,
                                                              int               row,
                                                              int               column,
                                                              gboolean          extend);

/* racimo-matrix-view-editing.c */
gboolean           _racimo_matrix_view_toggle_code           (RacimoMatrixView *self,
                                                              char              code);
gboolean           _racimo_matrix_view_clear_selection       (RacimoMatrixView *self);
void               _racimo_matrix_view_copy_to_clipboard     (RacimoMatrixView *self,
                                                              gboolean          headers);
void               _racimo_matrix_view_paste_from_clipboard  (RacimoMatrixView *self);
RacimoPhase       *_racimo_matrix_view_phase_of_row          (RacimoMatrixView *self,
                                                              int               row);
void               _racimo_matrix_view_insert_activity       (RacimoMatrixView *self,
                                                              RacimoPhase      *phase,
                                                              int               position);
void               _racimo_matrix_view_insert_phase          (RacimoMatrixView *self,
                                                              int               position);
void               _racimo_matrix_view_insert_role           (RacimoMatrixView *self,
                                                              int               position);
void               _racimo_matrix_view_delete_item           (RacimoMatrixView *self,
                                                              RacimoItem       *item);
gboolean           _racimo_matrix_view_move_under_cursor     (RacimoMatrixView *self,
                                                              int               drow,
                                                              int               dcolumn);
void               _racimo_matrix_view_hold_fresh            (RacimoMatrixView *self,
                                                              RacimoItem       *item);
void               _racimo_matrix_view_release_fresh         (RacimoMatrixView *self);
void               _racimo_matrix_view_fresh_edited          (RacimoMatrixView *self,
                                                              RacimoItem       *item);

/* racimo-matrix-view-popovers.c */
void               _racimo_matrix_view_item_cell             (RacimoMatrixView *self,
                                                              RacimoItem       *item,
                                                              int              *row,
                                                              int              *column);
void               _racimo_matrix_view_present_popovers      (RacimoMatrixView *self);
void               _racimo_matrix_view_popdown_all           (RacimoMatrixView *self);
void               _racimo_matrix_view_on_popover_closed     (GtkPopover       *popover,
                                                              RacimoMatrixView *self);
void               _racimo_matrix_view_sync_codes_popover    (RacimoMatrixView *self);
void               _racimo_matrix_view_open_codes_popover    (RacimoMatrixView *self,
                                                              int               row,
                                                              int               column);
void               _racimo_matrix_view_open_note             (RacimoMatrixView *self,
                                                              int               row,
                                                              int               column);
void               _racimo_matrix_view_open_properties       (RacimoMatrixView *self,
                                                              RacimoItem       *item);
RacimoItem        *_racimo_matrix_view_popover_item          (RacimoMatrixView *self,
                                                              GtkWidget        *popover);
void               _racimo_matrix_view_open_waive            (RacimoMatrixView *self,
                                                              RacimoItem       *item,
                                                              const char       *check_id);

/* racimo-matrix-view-compare.c */
void               _racimo_matrix_view_snapshot_compare      (RacimoMatrixView *self,
                                                              GtkSnapshot      *snapshot,
                                                              const Frame      *f);
void               _racimo_matrix_view_snapshot_compare_over (RacimoMatrixView *self,
                                                              GtkSnapshot      *snapshot,
                                                              const Frame      *f);
char              *_racimo_matrix_view_describe_change       (RacimoMatrixView *self,
                                                              int               row,
                                                              int               column);
void               _racimo_matrix_view_add_sentence          (char            **text,
                                                              const char       *sentence);

/* racimo-matrix-view-input.c */
void               _racimo_matrix_view_class_init_input      (GtkWidgetClass   *widget_class);
void               _racimo_matrix_view_init_input            (RacimoMatrixView *self);

G_END_DECLS
