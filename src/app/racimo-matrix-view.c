/* racimo-matrix-view.c: the RACI grid
 *
 * One widget draws the whole matrix: only the rows and columns in view,
 * with the role headers, the activity names and the workload footer at
 * fixed places while the cells scroll under them.  Text is laid out and
 * drawn once into render nodes, and each row's nodes are kept from frame
 * to frame until what the row shows changes (see DrawnRow).  GTK 4.8's
 * list widgets make a widget per cell, which is too slow for 2,000
 * activities by 40 roles (see docs/platform-notes.md, "The grid"), and a drawn grid cannot
 * expose one accessible per cell before GTK 4.10, so the widget names the
 * cell under its cursor instead.
 *
 * Rows are a flat list: a header row for each phase (left out when the
 * project has a single phase without a name) followed by its activities.
 * The view keeps a copy of every cell's codes in that order, and the
 * workload counts, and updates both from the project's signals, so that
 * an edit costs the same however large the project is.  The project is
 * only ever changed through racimo_project_*(), which records history.
 *
 * A RacimoFilter, when set, leaves out the activities it does not match,
 * and the headers of phases left with none.  The cursor remembers the
 * item the user put it on: hidden by a search, it waits on a neighbour and
 * comes back when the item shows again.  The workload row counts the whole
 * project, shown or not: a search does not change who does the work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "racimo-compat.h"
#include "racimo-drawn-text.h"
#include "racimo-matrix-view.h"
#include "racimo-scrollable.h"
#include "racimo-ui-resources.h"

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
} DragMode;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA line;
  GdkRGBA header_bg;
  GdkRGBA view_bg;
  GdkRGBA phase_bg;
  GdkRGBA no_owner_bg;
  GdkRGBA many_owners_bg;
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
  GdkPaintable  *problem_icon;
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
  GtkWidget     *codes_popover;
  GtkWidget     *codes_box;
  GPtrArray     *code_buttons;
  gboolean       syncing_codes;
  int            codes_row;
  int            codes_column;

  GtkWidget     *rename_popover;
  GtkWidget     *rename_entry;
  RacimoItem    *rename_item;

  GtkWidget     *props_popover;
  GtkWidget     *props_grid;
  GtkWidget     *props_name;
  GtkWidget     *props_abbrev;
  GtkWidget     *props_abbrev_label;
  GtkWidget     *props_person;
  GtkWidget     *props_person_label;
  GtkWidget     *props_description;
  RacimoItem    *props_item;

  GtkWidget     *waive_popover;
  GtkWidget     *waive_label;
  GtkWidget     *waive_entry;
  GtkWidget     *waive_button;
  RacimoItem    *waive_item;
  char          *waive_check;

  GtkWidget     *context_menu;
  RacimoItem    *menu_item;

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
};

static void racimo_matrix_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RacimoMatrixView, racimo_matrix_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      racimo_matrix_view_scrollable_init))

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  PASTE_NOT_UNDERSTOOD,
  CURSOR_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_accessible    (RacimoMatrixView *self);
static void queue_accessible     (RacimoMatrixView *self);
static void sync_codes_popover   (RacimoMatrixView *self);
static void popdown_all          (RacimoMatrixView *self);
static void set_cursor_full      (RacimoMatrixView *self,
                                  int               row,
                                  int               column,
                                  gboolean          extend);

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

static int
lookup_row (RacimoMatrixView *self,
            gpointer          item)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->row_of, item)) - 1;
}

static int
lookup_column (RacimoMatrixView *self,
               gpointer          role)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->column_of, role)) - 1;
}

/* A project of one phase without a name does not group its activities. */
static gboolean
shows_phase_rows (RacimoProject *project)
{
  const char *name;

  if (racimo_project_get_n_phases (project) != 1)
    return TRUE;

  name = racimo_item_get_name (RACIMO_ITEM (racimo_project_get_phase (project, 0)));
  return name != NULL && *name != '\0';
}

static gboolean
is_filtering (RacimoMatrixView *self)
{
  return self->filter != NULL && racimo_filter_is_active (self->filter);
}

static void
count_codes (RacimoMatrixView *self,
             guint             column,
             RacimoCodes       codes)
{
  for (guint l = 0; codes != 0; l++, codes >>= 1)
    if (codes & 1)
      self->workload[column * N_LETTERS + l]++;
}

/* The workload of every role over the whole project: from the view's copy
 * of the codes when every activity is shown, from the project otherwise. */
static void
recount_workload (RacimoMatrixView *self)
{
  guint nc = n_columns (self);

  g_free (self->workload);
  self->workload = g_new0 (guint, MAX (nc, 1) * N_LETTERS);

  if (is_filtering (self))
    {
      guint n_phases = racimo_project_get_n_phases (self->project);

      for (guint p = 0; p < n_phases; p++)
        {
          RacimoPhase *phase = racimo_project_get_phase (self->project, p);
          guint n = racimo_phase_get_n_activities (phase);

          for (guint a = 0; a < n; a++)
            {
              RacimoActivity *activity = racimo_phase_get_activity (phase, a);

              if (!racimo_activity_get_applicable (activity)
                  || racimo_activity_get_all_codes (activity) == 0)
                continue;

              for (guint c = 0; c < nc; c++)
                count_codes (self, c, racimo_activity_get_codes (activity,
                                                                 column_role (self, (int) c)));
            }
        }
    }
  else
    {
      for (guint r = 0; r < n_rows (self); r++)
        {
          RacimoActivity *activity = row_activity (self, (int) r);

          if (activity == NULL || !racimo_activity_get_applicable (activity))
            continue;

          for (guint c = 0; c < nc; c++)
            count_codes (self, c, self->codes[r * nc + c]);
        }
    }

  g_hash_table_remove_all (self->footer_texts);
  self->workload_dirty = FALSE;
}

static void
ensure_rows (RacimoMatrixView *self)
{
  g_autoptr(GArray) old_rows = NULL;
  g_autoptr(GHashTable) old_row_of = NULL;
  g_autofree RacimoCodes *old_codes = NULL;
  g_autofree guint8 *old_problems = NULL;
  guint n_phases, nr, nc;
  gboolean headers, filtering, reuse, home_passed = FALSE;
  int row, home = -1;

  if (!self->rows_dirty)
    return;

  /* Only the filter changed: the codes of rows shown before are still
   * right, and copying them is cheaper than asking the project again. */
  reuse = self->codes_valid && self->project != NULL;
  if (reuse)
    {
      old_rows = g_steal_pointer (&self->rows);
      old_row_of = g_steal_pointer (&self->row_of);
      old_codes = g_steal_pointer (&self->codes);
      old_problems = g_steal_pointer (&self->problems);
      self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
      self->row_of = g_hash_table_new (NULL, NULL);
    }

  self->rows_dirty = FALSE;
  self->codes_valid = TRUE;
  self->rows_rebuilt = TRUE;
  g_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->row_of);
  g_hash_table_remove_all (self->phase_shown);
  g_hash_table_remove_all (self->column_of);
  g_ptr_array_set_size (self->roles, 0);
  g_clear_pointer (&self->codes, g_free);
  g_clear_pointer (&self->problems, g_free);

  if (self->project == NULL)
    {
      self->codes = g_new0 (RacimoCodes, 1);
      self->problems = g_new0 (guint8, 1);
      recount_workload (self);
      return;
    }

  nc = racimo_project_get_n_roles (self->project);
  for (guint c = 0; c < nc; c++)
    {
      RacimoRole *role = racimo_project_get_role (self->project, c);

      g_ptr_array_add (self->roles, role);
      g_hash_table_insert (self->column_of, role, GINT_TO_POINTER (c + 1));
    }

  headers = shows_phase_rows (self->project);
  filtering = is_filtering (self);
  n_phases = racimo_project_get_n_phases (self->project);
  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (self->project, p);
      guint n = racimo_phase_get_n_activities (phase);
      gboolean header_added = FALSE;

      /* Filtered, a phase shows only above an activity it still has. */
      if (headers && !filtering)
        {
          Row r = { RACIMO_ITEM (phase), TRUE };

          g_array_append_val (self->rows, r);
          header_added = TRUE;
        }
      if (!filtering)
        g_hash_table_insert (self->row_of, phase, GINT_TO_POINTER (self->rows->len));

      for (guint a = 0; a < n; a++)
        {
          Row r = { RACIMO_ITEM (racimo_phase_get_activity (phase, a)), FALSE };

          if (filtering && !racimo_filter_matches (self->filter, RACIMO_ACTIVITY (r.item)))
            {
              /* The cursor's item is hidden: it waits on the next activity. */
              if (r.item == self->cursor_item)
                home_passed = TRUE;
              continue;
            }

          if (filtering && !header_added)
            {
              Row h = { RACIMO_ITEM (phase), TRUE };

              if (headers)
                g_array_append_val (self->rows, h);
              g_hash_table_insert (self->row_of, phase, GINT_TO_POINTER (self->rows->len));
              header_added = TRUE;
            }

          if (home_passed && home < 0)
            home = (int) self->rows->len;
          g_array_append_val (self->rows, r);
          g_hash_table_insert (self->row_of, r.item, GINT_TO_POINTER (self->rows->len));
          if (filtering)
            g_hash_table_insert (self->phase_shown, phase,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                   g_hash_table_lookup (self->phase_shown, phase)) + 1));
        }

      if (filtering && !header_added && RACIMO_ITEM (phase) == self->cursor_item)
        home_passed = TRUE;
    }
  /* Or on the last, when nothing follows it. */
  if (home_passed && home < 0)
    home = (int) self->rows->len - 1;

  nr = n_rows (self);
  self->codes = g_new0 (RacimoCodes, MAX (nr * nc, 1));
  self->problems = g_malloc (MAX (nr, 1));
  memset (self->problems, PROBLEM_DIRTY, MAX (nr, 1));

  for (guint r = 0; r < nr; r++)
    {
      RacimoActivity *activity = row_activity (self, (int) r);
      int old = -1;

      if (activity == NULL || racimo_activity_get_all_codes (activity) == 0)
        continue;

      if (reuse)
        {
          old = GPOINTER_TO_INT (g_hash_table_lookup (old_row_of, activity)) - 1;
          if (old >= 0 && g_array_index (old_rows, Row, old).item != RACIMO_ITEM (activity))
            old = -1;
        }

      if (old >= 0)
        {
          memcpy (self->codes + r * nc, old_codes + (guint) old * nc, nc * sizeof (RacimoCodes));
          self->problems[r] = old_problems[old];
        }
      else
        for (guint c = 0; c < nc; c++)
          self->codes[r * nc + c] = racimo_activity_get_codes (activity,
                                                               column_role (self, (int) c));
    }

  /* The workload counts the whole project: a search changes nothing of it. */
  if (!reuse || self->workload == NULL)
    recount_workload (self);

  /* Find the cursor again: on the same activity and role when they are
   * still there; beside the item when the filter hides it; at the same
   * place otherwise. */
  if (self->cursor_item != NULL)
    {
      row = lookup_row (self, self->cursor_item);
      if (row >= 0 && get_row (self, row)->item == self->cursor_item)
        self->cursor_row = row;
      else if (home >= 0)
        self->cursor_row = home;
    }
  if (self->cursor_role != NULL && lookup_column (self, self->cursor_role) >= 0)
    self->cursor_column = lookup_column (self, self->cursor_role);

  self->cursor_row = CLAMP (self->cursor_row, -1, (int) nr - 1);
  self->cursor_column = CLAMP (self->cursor_column, -1, (int) nc - 1);
  if (self->cursor_row == RACIMO_MATRIX_HEADER_ROW && (nc == 0 || self->cursor_column < 0))
    {
      if (nc == 0)
        self->cursor_row = 0;
      else
        self->cursor_column = 0;
    }
  self->anchor_row = self->cursor_row;
  self->anchor_column = self->cursor_column;

  g_clear_pointer (&self->corner_text, racimo_drawn_text_free);
  self->metrics_dirty = TRUE;
}

static RacimoRowProblem
compute_problem (RacimoMatrixView *self,
                 guint             row)
{
  RacimoItem *item = get_row (self, row)->item;
  GPtrArray *findings;
  gboolean waived = FALSE;

  if (get_row (self, row)->is_phase || self->checks == NULL)
    return RACIMO_ROW_PROBLEM_NONE;

  findings = racimo_checks_get_item_findings (self->checks, item);
  if (findings == NULL)
    return RACIMO_ROW_PROBLEM_NONE;

  /* No owner is the worse problem, and shows when both are there. */
  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);

      if (finding->check == RACIMO_CHECK_NO_OWNER && finding->waiver_reason == NULL)
        return RACIMO_ROW_PROBLEM_NO_OWNER;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);

      if (finding->check != RACIMO_CHECK_NO_OWNER && finding->check != RACIMO_CHECK_MANY_OWNERS)
        continue;
      if (finding->waiver_reason == NULL)
        return RACIMO_ROW_PROBLEM_MANY_OWNERS;
      waived = TRUE;
    }

  return waived ? RACIMO_ROW_PROBLEM_WAIVED : RACIMO_ROW_PROBLEM_NONE;
}

static RacimoRowProblem
row_problem (RacimoMatrixView *self,
             guint             row)
{
  if (self->problems[row] == PROBLEM_DIRTY)
    self->problems[row] = (guint8) compute_problem (self, row);

  return self->problems[row];
}

/* Following the project */

static void
invalidate_structure (RacimoMatrixView *self)
{
  self->rows_dirty = TRUE;
  self->codes_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
update_workload (RacimoMatrixView *self,
                 int               column,
                 RacimoCodes       old_codes,
                 RacimoCodes       new_codes)
{
  for (guint l = 0; l < N_LETTERS; l++)
    {
      RacimoCodes bit = 1u << l;

      if ((old_codes & bit) && !(new_codes & bit))
        self->workload[column * N_LETTERS + l]--;
      else if (!(old_codes & bit) && (new_codes & bit))
        self->workload[column * N_LETTERS + l]++;
    }
  g_hash_table_remove (self->footer_texts, column_role (self, column));
}

static void
on_cell_changed (RacimoProject    *project,
                 RacimoActivity   *activity,
                 RacimoRole       *role,
                 guint             old_codes,
                 guint             new_codes,
                 RacimoMatrixView *self)
{
  guint nc = n_columns (self);
  int row, column;

  /* The rows are made again from the project, codes and all. */
  if (self->rows_dirty)
    {
      self->codes_valid = FALSE;
      return;
    }

  row = lookup_row (self, activity);
  column = lookup_column (self, role);
  if (column < 0)
    return;

  /* Hidden by the filter: counted in the workload all the same. */
  if (row < 0 || get_row (self, row)->item != RACIMO_ITEM (activity))
    {
      if (!self->workload_dirty && racimo_activity_get_applicable (activity))
        {
          update_workload (self, column, old_codes, new_codes);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      return;
    }

  old_codes = self->codes[row * nc + column];
  self->codes[row * nc + column] = new_codes;

  if (!self->workload_dirty && racimo_activity_get_applicable (activity))
    update_workload (self, column, old_codes, new_codes);

  if (row == self->cursor_row || row == self->codes_row)
    {
      queue_accessible (self);
      sync_codes_popover (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
forget_item (RacimoMatrixView *self,
             RacimoItem       *item)
{
  g_hash_table_remove (self->name_layouts, item);
  g_hash_table_remove (self->header_texts, item);
  g_hash_table_remove (self->footer_texts, item);
}

static void
on_item_added (RacimoProject    *project,
               RacimoItem       *item,
               RacimoMatrixView *self)
{
  invalidate_structure (self);
}

static void
on_item_removed (RacimoProject    *project,
                 RacimoItem       *item,
                 RacimoItem       *parent,
                 guint             position,
                 RacimoMatrixView *self)
{
  forget_item (self, item);

  /* A removed phase keeps its activities, which leave the view with it. */
  if (RACIMO_IS_PHASE (item))
    for (guint i = 0; i < racimo_phase_get_n_activities (RACIMO_PHASE (item)); i++)
      forget_item (self, RACIMO_ITEM (racimo_phase_get_activity (RACIMO_PHASE (item), i)));

  if (self->cursor_item == item)
    self->cursor_item = NULL;
  if (self->cursor_role == (RacimoRole *) item)
    self->cursor_role = NULL;
  if (self->menu_item == item || self->rename_item == item
      || self->props_item == item || self->waive_item == item)
    popdown_all (self);

  invalidate_structure (self);
}

static void
on_item_moved (RacimoProject    *project,
               RacimoItem       *item,
               RacimoItem       *old_parent,
               guint             old_position,
               RacimoMatrixView *self)
{
  invalidate_structure (self);
}

static void
on_item_changed (RacimoProject    *project,
                 RacimoItem       *item,
                 guint             change,
                 RacimoMatrixView *self)
{
  switch ((RacimoChange) change)
    {
    case RACIMO_CHANGE_NAME:
    case RACIMO_CHANGE_ABBREV:
      forget_item (self, item);
      /* The first phase's name decides whether phases show as rows. */
      if (RACIMO_IS_PHASE (item) || RACIMO_IS_ROLE (item))
        invalidate_structure (self);
      break;

    case RACIMO_CHANGE_APPLICABLE:
      forget_item (self, item);
      self->workload_dirty = TRUE;
      break;

    case RACIMO_CHANGE_WAIVERS:
      if (!self->rows_dirty && lookup_row (self, item) >= 0)
        self->problems[lookup_row (self, item)] = PROBLEM_DIRTY;
      break;

    case RACIMO_CHANGE_PERSON:
    case RACIMO_CHANGE_DESCRIPTION:
    default:
      break;
    }

  queue_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_scheme_changed (RacimoProject    *project,
                   GParamSpec       *pspec,
                   RacimoMatrixView *self)
{
  g_hash_table_remove_all (self->code_texts);
  g_hash_table_remove_all (self->footer_texts);
  self->metrics_dirty = TRUE;
  queue_accessible (self);
  sync_codes_popover (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_findings_changed (RacimoChecks     *checks,
                     RacimoItem       *item,
                     RacimoMatrixView *self)
{
  int row;

  /* Cheap: the row is looked at again only when it is drawn. */
  if (self->rows_dirty)
    return;

  row = lookup_row (self, item);
  if (row >= 0 && get_row (self, row)->item == item)
    self->problems[row] = PROBLEM_DIRTY;

  if (row >= 0 && row == self->cursor_row)
    queue_accessible (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_filter_changed (RacimoFilter     *filter,
                   RacimoActivity   *activity,
                   RacimoMatrixView *self)
{
  /* One activity: nothing to do when the view shows it as it should (an
   * activity added or removed made the rows dirty already). */
  if (activity != NULL && !self->rows_dirty)
    {
      int row = lookup_row (self, activity);
      gboolean shown = row >= 0 && get_row (self, row)->item == RACIMO_ITEM (activity);

      if (shown == racimo_filter_matches (filter, activity))
        return;
    }

  /* The codes of the rows stay right: ensure_rows() copies them over. */
  self->rows_dirty = TRUE;
  self->scroll_pending = TRUE;
  popdown_all (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
disconnect_filter (RacimoMatrixView *self)
{
  if (self->filter != NULL)
    g_clear_signal_handler (&self->filter_handler, self->filter);
  g_clear_object (&self->filter);
}

static void
disconnect_project (RacimoMatrixView *self)
{
  disconnect_filter (self);

  if (self->project != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->project_handlers); i++)
      g_clear_signal_handler (&self->project_handlers[i], self->project);
  if (self->checks != NULL)
    g_clear_signal_handler (&self->checks_handler, self->checks);

  g_clear_object (&self->project);
  g_clear_object (&self->checks);
}

/**
 * racimo_matrix_view_set_project:
 * @project: (nullable): the project to show and edit
 * @checks: (nullable): the findings on @project, for the highlights
 */
void
racimo_matrix_view_set_project (RacimoMatrixView *self,
                                RacimoProject    *project,
                                RacimoChecks     *checks)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));
  g_return_if_fail (project == NULL || RACIMO_IS_PROJECT (project));
  g_return_if_fail (checks == NULL || RACIMO_IS_CHECKS (checks));

  if (self->project == project && self->checks == checks)
    return;

  popdown_all (self);
  disconnect_project (self);

  if (project != NULL)
    {
      self->project = g_object_ref (project);
      self->project_handlers[0] =
        g_signal_connect (project, "cell-changed", G_CALLBACK (on_cell_changed), self);
      self->project_handlers[1] =
        g_signal_connect (project, "item-added", G_CALLBACK (on_item_added), self);
      self->project_handlers[2] =
        g_signal_connect (project, "item-removed", G_CALLBACK (on_item_removed), self);
      self->project_handlers[3] =
        g_signal_connect (project, "item-moved", G_CALLBACK (on_item_moved), self);
      self->project_handlers[4] =
        g_signal_connect (project, "item-changed", G_CALLBACK (on_item_changed), self);
      self->project_handlers[5] =
        g_signal_connect (project, "notify::scheme", G_CALLBACK (on_scheme_changed), self);
    }

  if (checks != NULL)
    {
      self->checks = g_object_ref (checks);
      self->checks_handler =
        g_signal_connect (checks, "findings-changed", G_CALLBACK (on_findings_changed), self);
    }

  g_hash_table_remove_all (self->name_layouts);
  g_hash_table_remove_all (self->header_texts);
  g_hash_table_remove_all (self->footer_texts);
  g_hash_table_remove_all (self->code_texts);

  self->cursor_row = self->anchor_row = 0;
  self->cursor_column = self->anchor_column = 0;
  self->cursor_item = NULL;
  self->cursor_role = NULL;
  self->rows_dirty = TRUE;
  self->codes_valid = FALSE;
  self->metrics_dirty = TRUE;
  ensure_rows (self);
  set_cursor_full (self, n_rows (self) > 0 && get_row (self, 0)->is_phase ? 1 : 0, 0, FALSE);

  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * racimo_matrix_view_set_filter:
 * @filter: (nullable): which activities of the project to show, or %NULL
 *   for all of them
 *
 * Shows only the activities @filter matches, and follows it as it
 * changes.  The filter must be of the project shown; setting another
 * project drops it.
 */
void
racimo_matrix_view_set_filter (RacimoMatrixView *self,
                               RacimoFilter     *filter)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));
  g_return_if_fail (filter == NULL || RACIMO_IS_FILTER (filter));
  g_return_if_fail (filter == NULL || racimo_filter_get_project (filter) == self->project);

  if (self->filter == filter)
    return;

  disconnect_filter (self);
  if (filter != NULL)
    {
      self->filter = g_object_ref (filter);
      self->filter_handler =
        g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
    }

  on_filter_changed (filter, NULL, self);
  self->workload_dirty = TRUE;
}

/**
 * racimo_matrix_view_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter of the activities shown
 */
RacimoFilter *
racimo_matrix_view_get_filter (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  return self->filter;
}

/**
 * racimo_matrix_view_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
RacimoProject *
racimo_matrix_view_get_project (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  return self->project;
}

/* Colours, sizes and shaped text */

static void
lookup_color (RacimoMatrixView *self,
              const char       *name,
              const GdkRGBA    *fallback,
              GdkRGBA          *color)
{
  if (!racimo_compat_lookup_color (GTK_WIDGET (self), name, color))
    *color = *fallback;
}

static void
update_colors (RacimoMatrixView *self)
{
  Colors *c = &self->colors;
  GdkRGBA fallback;

  racimo_compat_widget_get_color (GTK_WIDGET (self), &c->fg);

  fallback = c->fg;
  fallback.alpha = 0.15f;
  lookup_color (self, "racimo_grid_line", &fallback, &c->line);
  lookup_color (self, "view_bg_color", &(GdkRGBA) { 1, 1, 1, 1 }, &c->view_bg);
  lookup_color (self, "racimo_header_bg", &c->view_bg, &c->header_bg);
  fallback.alpha = 0.06f;
  lookup_color (self, "racimo_phase_bg", &fallback, &c->phase_bg);
  lookup_color (self, "racimo_no_owner_bg", &(GdkRGBA) { 0.88f, 0.11f, 0.14f, 0.15f },
                &c->no_owner_bg);
  lookup_color (self, "racimo_many_owners_bg", &(GdkRGBA) { 0.9f, 0.6f, 0.0f, 0.2f },
                &c->many_owners_bg);
  lookup_color (self, "racimo_problem_fg", &(GdkRGBA) { 0.75f, 0.11f, 0.16f, 1 }, &c->error);
  lookup_color (self, "racimo_warning_fg", &(GdkRGBA) { 0.6f, 0.4f, 0.0f, 1 }, &c->warning);
  lookup_color (self, "accent_color", &(GdkRGBA) { 0.11f, 0.44f, 0.85f, 1 }, &c->accent);
  lookup_color (self, "racimo_selection_bg", &(GdkRGBA) { 0.21f, 0.52f, 0.89f, 0.2f },
                &c->selection);
}

static void
drawn_row_clear (gpointer data)
{
  DrawnRow *row = data;

  g_clear_pointer (&row->codes, g_free);
  g_clear_object (&row->name_layout);
  g_clear_pointer (&row->cells, gsk_render_node_unref);
  g_clear_pointer (&row->name, gsk_render_node_unref);
  racimo_placed_node_clear (&row->placed_cells);
  racimo_placed_node_clear (&row->placed_name);
}

/* Colours, fonts or sizes changed: no row drawn so far can be kept. */
static void
forget_drawn_rows (RacimoMatrixView *self)
{
  g_array_set_size (self->drawn_rows, 0);
}

static void
clear_text_caches (RacimoMatrixView *self)
{
  forget_drawn_rows (self);
  g_hash_table_remove_all (self->name_layouts);
  g_hash_table_remove_all (self->header_texts);
  g_hash_table_remove_all (self->footer_texts);
  g_hash_table_remove_all (self->footer_pieces);
  g_hash_table_remove_all (self->code_texts);
  g_clear_pointer (&self->corner_text, racimo_drawn_text_free);
  g_clear_pointer (&self->workload_text, racimo_drawn_text_free);
}

static void
load_icons (RacimoMatrixView *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (display);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GtkTextDirection dir = gtk_widget_get_direction (GTK_WIDGET (self));

  g_clear_object (&self->problem_icon);
  g_clear_object (&self->waived_icon);
  self->problem_icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, "dialog-warning-symbolic",
                                                                  NULL, self->icon_size, scale,
                                                                  dir, 0));
  self->waived_icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, "object-select-symbolic",
                                                                 NULL, self->icon_size, scale,
                                                                 dir, 0));
}

static const RacimoScheme *
get_scheme (RacimoMatrixView *self)
{
  return self->project != NULL ? racimo_project_get_scheme (self->project)
                               : racimo_scheme_get_default ();
}

static PangoLayout *
make_layout (RacimoMatrixView *self,
             const char       *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static void
set_bold (PangoLayout *layout,
          double       scale)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static const char *
code_color (RacimoMatrixView     *self,
            const RacimoCodeInfo *info)
{
  if (info == NULL)
    return self->dark ? "#c0bfbc" : "#5e5c64";

  return self->dark ? info->color_dark : info->color_light;
}

/* The letters of @codes in the scheme's order, each in its colour, faded
 * when @dimmed: drawn once, and placed in every cell that holds the same
 * codes.  Faded in the text itself, as a group made transparent would be
 * drawn apart in every frame. */
static const RacimoDrawnText *
get_codes_text (RacimoMatrixView *self,
                RacimoCodes       codes,
                gboolean          dimmed)
{
  const RacimoScheme *scheme = get_scheme (self);
  g_autoptr(PangoLayout) layout = NULL;
  RacimoDrawnText *text;
  GString *markup;
  char letters[27];
  guint n;

  text = g_hash_table_lookup (self->code_texts,
                              GUINT_TO_POINTER (codes | (dimmed ? DIMMED_TEXT : 0)));
  if (text != NULL)
    return text;

  n = racimo_scheme_order_codes (scheme, codes, letters);
  markup = g_string_new (dimmed ? "<b><span fgalpha=\"45%\">" : "<b>");
  for (guint i = 0; i < n; i++)
    {
      const RacimoCodeInfo *info = racimo_scheme_get_code (scheme, letters[i]);

      /* A code the scheme does not define is shown, in grey and italic. */
      g_string_append_printf (markup, "%s<span foreground=\"%s\"%s>%c</span>",
                              i > 0 ? "\u2009" : "", code_color (self, info),
                              info == NULL ? " style=\"italic\"" : "", letters[i]);
    }
  g_string_append (markup, dimmed ? "</span></b>" : "</b>");

  layout = make_layout (self, NULL);
  pango_layout_set_markup (layout, markup->str, -1);
  g_string_free (markup, TRUE);

  text = racimo_drawn_text_new (layout, &self->colors.fg);
  g_hash_table_insert (self->code_texts, GUINT_TO_POINTER (codes | (dimmed ? DIMMED_TEXT : 0)),
                       text);
  return text;
}

static int
name_text_width (RacimoMatrixView *self)
{
  return MAX (self->name_width - self->icon_size - 3 * self->pad, 20);
}

static PangoLayout *
get_name_layout (RacimoMatrixView *self,
                 Row              *row)
{
  PangoLayout *layout = g_hash_table_lookup (self->name_layouts, row->item);
  const char *name;

  if (layout != NULL)
    return layout;

  name = racimo_item_get_name (row->item);
  layout = make_layout (self, NULL);

  if (name == NULL || *name == '\0')
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_layout_set_text (layout, row->is_phase ? _("Unnamed phase") : _("Unnamed activity"),
                             -1);
      pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      if (row->is_phase)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else if (row->is_phase)
    {
      guint n = racimo_phase_get_n_activities (RACIMO_PHASE (row->item));
      guint shown = GPOINTER_TO_UINT (g_hash_table_lookup (self->phase_shown, row->item));
      g_autofree char *text = NULL;

      if (shown > 0 && shown < n)
        /* Translators: a phase's header while a search hides some of its
         * activities: its name, how many are shown, how many it has */
        text = g_strdup_printf (_("%s  (%u of %u)"), name, shown, n);
      else
        /* Translators: a phase's header: its name and how many activities it has */
        text = g_strdup_printf (_("%s  (%u)"), name, n);

      pango_layout_set_text (layout, text, -1);
      set_bold (layout, 1.0);
    }
  else
    {
      pango_layout_set_text (layout, name, -1);

      if (!racimo_activity_get_applicable (RACIMO_ACTIVITY (row->item)))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }

  pango_layout_set_width (layout, (row->is_phase ? self->name_width + 8 * self->column_width
                                                 : name_text_width (self)) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  g_hash_table_insert (self->name_layouts, row->item, layout);
  return layout;
}

static const RacimoDrawnText *
get_header_text (RacimoMatrixView *self,
                 RacimoRole       *role)
{
  RacimoDrawnText *text = g_hash_table_lookup (self->header_texts, role);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *name = NULL;

  if (text != NULL)
    return text;

  name = racimo_role_dup_short_name (role);
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup ("?");
    }

  layout = make_layout (self, name);
  set_bold (layout, 1.0);
  pango_layout_set_width (layout, (self->column_width - self->pad) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  text = racimo_drawn_text_new (layout, &self->colors.fg);
  g_hash_table_insert (self->header_texts, role, text);
  return text;
}

/* A footer piece's key: a code's letter, or a count */
static gpointer
footer_piece_key (const RacimoCodeInfo *info,
                  guint                 count)
{
  return GUINT_TO_POINTER (info != NULL ? 0x80000000u | (guint) info->letter
                                        : MIN (count, 0x7fffffffu));
}

/* A piece of the workload row, in small type: a code's letter, bold in
 * its colour, or a count after a thin space.  Each is drawn once: an edit
 * changes a count, and lays out no text for it. */
static const RacimoDrawnText *
get_footer_piece (RacimoMatrixView     *self,
                  const RacimoCodeInfo *info,
                  guint                 count)
{
  gpointer key = footer_piece_key (info, count);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *markup = NULL;
  RacimoDrawnText *text = g_hash_table_lookup (self->footer_pieces, key);

  if (text != NULL)
    return text;

  if (info != NULL)
    markup = g_strdup_printf ("<small><span foreground=\"%s\"><b>%c</b></span></small>",
                              code_color (self, info), info->letter);
  else
    markup = g_strdup_printf ("<small>\u2009%u</small>", count);

  layout = make_layout (self, NULL);
  pango_layout_set_markup (layout, markup, -1);
  text = racimo_drawn_text_new (layout, &self->colors.fg);
  g_hash_table_insert (self->footer_pieces, key, text);
  return text;
}

/* The workload of a role: how many of each code it holds, two codes a
 * line, each line centred in the column. */
static const RacimoDrawnText *
get_footer_text (RacimoMatrixView *self,
                 int               column)
{
  RacimoRole *role = column_role (self, column);
  const RacimoScheme *scheme = get_scheme (self);
  RacimoDrawnText *text = g_hash_table_lookup (self->footer_texts, role);
  GtkSnapshot *snapshot;
  int gap = self->pad, y = 0;

  if (text != NULL)
    return text;

  snapshot = gtk_snapshot_new ();
  for (guint first = 0; first < scheme->n_codes; first += 2)
    {
      guint last = MIN (first + 2, scheme->n_codes);
      const RacimoDrawnText *pieces[4];
      int width = 0, height = 0, x;

      for (guint i = first; i < last; i++)
        {
          const RacimoCodeInfo *info = &scheme->codes[i];
          const RacimoDrawnText *letter = get_footer_piece (self, info, 0);
          const RacimoDrawnText *count = get_footer_piece (self, NULL,
                                                           self->workload[column * N_LETTERS
                                                                          + (info->letter - 'A')]);

          pieces[2 * (i - first)] = letter;
          pieces[2 * (i - first) + 1] = count;
          width += letter->width + count->width + (i > first ? gap : 0);
          height = MAX (height, MAX (letter->height, count->height));
        }

      x = (self->column_width - width) / 2;
      for (guint i = 0; i < 2 * (last - first); i++)
        {
          racimo_drawn_text_append (pieces[i], snapshot, x,
                                    y + (height - pieces[i]->height) / 2, NULL);
          x += pieces[i]->width + (i % 2 == 1 ? gap : 0);
        }
      y += height;
    }

  text = g_new0 (RacimoDrawnText, 1);
  text->node = gtk_snapshot_free_to_node (snapshot);
  text->width = self->column_width;
  text->height = y;
  g_hash_table_insert (self->footer_texts, role, text);
  return text;
}

static void
ensure_metrics (RacimoMatrixView *self)
{
  g_autoptr(PangoLayout) probe = NULL;
  const RacimoScheme *scheme;
  int text_height, digit_width, widest = 0;

  if (!self->metrics_dirty)
    return;

  self->metrics_dirty = FALSE;
  clear_text_caches (self);
  update_colors (self);
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  probe = make_layout (self, "Ag");
  pango_layout_get_pixel_size (probe, NULL, &text_height);
  pango_layout_set_text (probe, "0", -1);
  pango_layout_get_pixel_size (probe, &digit_width, NULL);

  self->pad = MAX (text_height / 3, 4);
  self->icon_size = 16;
  self->row_height = text_height + 2 * self->pad + 1;
  self->header_height = 2 * text_height + 2 * self->pad + 1;

  scheme = get_scheme (self);
  self->footer_height = (int) ((scheme->n_codes + 1) / 2) * (int) (text_height * 0.9)
                        + 2 * self->pad;

  /* Columns are as wide as the widest header needs, within reason: room
   * for an eight-letter abbreviation and the workload counts. */
  for (guint c = 0; c < n_columns (self); c++)
    {
      g_autofree char *text = racimo_role_dup_short_name (column_role (self, (int) c));
      int width;

      pango_layout_set_text (probe, text != NULL ? text : "", -1);
      set_bold (probe, 1.0);
      pango_layout_get_pixel_size (probe, &width, NULL);
      widest = MAX (widest, width);
    }
  widest = MAX (widest, 9 * digit_width);
  self->column_width = CLAMP (widest + 2 * self->pad, 6 * digit_width, 14 * digit_width);

  load_icons (self);
}

static int
content_width (RacimoMatrixView *self)
{
  return (int) n_columns (self) * self->column_width;
}

static int
content_height (RacimoMatrixView *self)
{
  return (int) n_rows (self) * self->row_height;
}

static int
body_width (RacimoMatrixView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->name_width, 0);
}

static int
body_height (RacimoMatrixView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self))
              - self->header_height - self->footer_height, 0);
}

static double
hvalue (RacimoMatrixView *self)
{
  return self->hadjustment != NULL ? floor (gtk_adjustment_get_value (self->hadjustment)) : 0;
}

static double
vvalue (RacimoMatrixView *self)
{
  return self->vadjustment != NULL ? floor (gtk_adjustment_get_value (self->vadjustment)) : 0;
}

/* Where things are, in widget coordinates */

static double
row_y (RacimoMatrixView *self,
       int               row)
{
  return self->header_height + (double) row * self->row_height - vvalue (self);
}

static double
column_x (RacimoMatrixView *self,
          int               column)
{
  return self->name_width + (double) column * self->column_width - hvalue (self);
}

static double
footer_y (RacimoMatrixView *self)
{
  return MIN (self->header_height + content_height (self) - vvalue (self),
              gtk_widget_get_height (GTK_WIDGET (self)) - self->footer_height);
}

static HitArea
hit_test (RacimoMatrixView *self,
          double            x,
          double            y,
          int              *row,
          int              *column)
{
  double fy = footer_y (self);
  gboolean in_names = x < self->name_width;
  gboolean in_header = y < self->header_height;

  *row = -1;
  *column = -1;

  if (!in_names)
    {
      *column = (int) floor ((x - self->name_width + hvalue (self)) / self->column_width);
      if (*column >= (int) n_columns (self))
        return HIT_NONE;
    }

  if (in_header)
    return in_names ? HIT_CORNER : HIT_HEADER;

  if (y >= fy)
    return y < fy + self->footer_height && !in_names ? HIT_FOOTER : HIT_NONE;

  *row = (int) floor ((y - self->header_height + vvalue (self)) / self->row_height);
  if (*row < 0 || *row >= (int) n_rows (self))
    return HIT_NONE;

  return in_names ? HIT_NAME : HIT_CELL;
}

/* The rectangle of a cell, a name (@column -1) or a header (@row -1). */
static void
get_cell_rect (RacimoMatrixView *self,
               int               row,
               int               column,
               graphene_rect_t  *rect)
{
  double x = column < 0 ? 0 : column_x (self, column);
  double y = row < 0 ? 0 : row_y (self, row);
  double w = column < 0 ? self->name_width : self->column_width;
  double h = row < 0 ? self->header_height : self->row_height;

  graphene_rect_init (rect, (float) x, (float) y, (float) w, (float) h);
}

/* Drawing */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  if (w <= 0 || h <= 0)
    return;

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) w, (float) h));
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  const GdkRGBA *color,
                  double         x,
                  double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const GdkRGBA         *color,
                const graphene_rect_t *r,
                double                 width)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  append_rect (snapshot, color, x, y, w, width);
  append_rect (snapshot, color, x, y + h - width, w, width);
  append_rect (snapshot, color, x, y + width, width, h - 2 * width);
  append_rect (snapshot, color, x + w - width, y + width, width, h - 2 * width);
}

static const GdkRGBA *
row_background (RacimoMatrixView *self,
                guint             row)
{
  if (get_row (self, row)->is_phase)
    return &self->colors.phase_bg;

  switch (row_problem (self, row))
    {
    case RACIMO_ROW_PROBLEM_NO_OWNER:
      return &self->colors.no_owner_bg;
    case RACIMO_ROW_PROBLEM_MANY_OWNERS:
      return &self->colors.many_owners_bg;
    case RACIMO_ROW_PROBLEM_WAIVED:
    case RACIMO_ROW_PROBLEM_NONE:
    default:
      return NULL;
    }
}

static void
append_icon (RacimoMatrixView *self,
             GtkSnapshot      *snapshot,
             GdkPaintable     *icon,
             const GdkRGBA    *color,
             double            x,
             double            y)
{
  GdkRGBA colors[4] = { *color, *color, self->colors.warning, self->colors.error };

  if (icon == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  if (GTK_IS_SYMBOLIC_PAINTABLE (icon))
    gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                              self->icon_size, self->icon_size,
                                              colors, G_N_ELEMENTS (colors));
  else
    gdk_paintable_snapshot (icon, snapshot, self->icon_size, self->icon_size);
  gtk_snapshot_restore (snapshot);
}

static void
get_selection (RacimoMatrixView *self,
               int              *r0,
               int              *c0,
               int              *r1,
               int              *c1)
{
  *r0 = MIN (self->cursor_row, self->anchor_row);
  *r1 = MAX (self->cursor_row, self->anchor_row);
  *c0 = MIN (self->cursor_column, self->anchor_column);
  *c1 = MAX (self->cursor_column, self->anchor_column);
}

static gboolean
has_multiple_selection (RacimoMatrixView *self)
{
  return self->cursor_row != self->anchor_row || self->cursor_column != self->anchor_column;
}

/* The cells of a row, from the top of the row */
static GskRenderNode *
draw_row_cells (RacimoMatrixView    *self,
                const DrawnRow      *drawn,
                const DrawnGeometry *geometry)
{
  const Colors *colors = &self->colors;
  double left = self->name_width, width = geometry->grid_right - self->name_width;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  if (drawn->is_phase)
    {
      /* A phase's header spans the row, over the grid lines. */
      append_rect (snapshot, &colors->view_bg, left, 0, width, self->row_height - 1);
      append_rect (snapshot, drawn->background, left, 0, width, self->row_height - 1);
      return gtk_snapshot_free_to_node (snapshot);
    }

  if (drawn->background != NULL)
    append_rect (snapshot, drawn->background, left, 0, width, self->row_height);

  for (int c = geometry->first_column; c <= geometry->last_column; c++)
    {
      RacimoCodes codes = drawn->codes[c - geometry->first_column];
      const RacimoDrawnText *text;

      if (codes == 0)
        continue;

      text = get_codes_text (self, codes, !drawn->applicable);
      racimo_drawn_text_append (text, snapshot,
                                column_x (self, c) + (self->column_width - text->width) / 2,
                                (self->row_height - text->height) / 2, NULL);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

/* A row's name @layout drawn, as it shows in rows that apply or not.  It
 * is kept with the layout: a row is drawn again when its highlight
 * changes, its name seldom. */
static const RacimoDrawnText *
get_name_text (RacimoMatrixView *self,
               PangoLayout      *layout,
               gboolean          dimmed)
{
  const char *key = dimmed ? "racimo-name-dimmed" : "racimo-name";
  RacimoDrawnText *text = g_object_get_data (G_OBJECT (layout), key);

  if (text == NULL)
    {
      GdkRGBA color = self->colors.fg;

      if (dimmed)
        color.alpha *= 0.6f;
      text = racimo_drawn_text_new (layout, &color);
      g_object_set_data_full (G_OBJECT (layout), key, text, racimo_drawn_text_free);
    }

  return text;
}

/* The name of a row, with its problem's icon, from the top of the row */
static GskRenderNode *
draw_row_name (RacimoMatrixView *self,
               const DrawnRow   *drawn)
{
  const Colors *colors = &self->colors;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  const RacimoDrawnText *name = get_name_text (self, drawn->name_layout,
                                               !drawn->is_phase && !drawn->applicable);
  double text_y = (self->row_height - name->height) / 2;
  double icon_y = (self->row_height - self->icon_size) / 2;
  GdkRGBA dim = colors->fg;

  dim.alpha *= 0.6f;
  if (drawn->background != NULL)
    append_rect (snapshot, drawn->background, 0, 0, self->name_width, self->row_height);

  if (drawn->is_phase)
    racimo_drawn_text_append (name, snapshot, self->pad, text_y, NULL);
  else
    {
      if (drawn->problem == RACIMO_ROW_PROBLEM_NO_OWNER)
        append_icon (self, snapshot, self->problem_icon, &colors->error, self->pad, icon_y);
      else if (drawn->problem == RACIMO_ROW_PROBLEM_MANY_OWNERS)
        append_icon (self, snapshot, self->problem_icon, &colors->warning, self->pad, icon_y);
      else if (drawn->problem == RACIMO_ROW_PROBLEM_WAIVED)
        append_icon (self, snapshot, self->waived_icon, &dim, self->pad, icon_y);

      racimo_drawn_text_append (name, snapshot, 2 * self->pad + self->icon_size, text_y, NULL);
    }

  append_rect (snapshot, &colors->line, 0, self->row_height - 1, self->name_width, 1);
  return gtk_snapshot_free_to_node (snapshot);
}

static inline DrawnRow *
drawn_row (RacimoMatrixView *self,
           int               r)
{
  return &g_array_index (self->drawn_rows, DrawnRow, r - self->drawn_first);
}

static gboolean
same_geometry (const DrawnGeometry *a,
               const DrawnGeometry *b)
{
  return a->first_column == b->first_column && a->last_column == b->last_column
         && a->name_width == b->name_width && a->row_height == b->row_height
         && a->column_width == b->column_width
         && a->hvalue == b->hvalue && a->grid_right == b->grid_right;
}

/* Brings the drawn rows to rows @first_row to @last_row of this frame,
 * keeping each part of a row that would be drawn the same. */
static void
update_drawn_rows (RacimoMatrixView    *self,
                   int                  first_row,
                   int                  last_row,
                   const DrawnGeometry *geometry)
{
  g_autoptr(GArray) last = self->drawn_rows;
  int last_first = self->drawn_first;
  guint n_drawn = (guint) (geometry->last_column - geometry->first_column + 1);

  if (!same_geometry (geometry, &self->drawn_geometry))
    g_array_set_size (last, 0);

  self->drawn_geometry = *geometry;
  self->drawn_first = first_row;
  self->drawn_rows = g_array_sized_new (FALSE, TRUE, sizeof (DrawnRow),
                                        (guint) MAX (last_row - first_row + 1, 0));
  g_array_set_clear_func (self->drawn_rows, drawn_row_clear);

  for (int r = first_row; r <= last_row; r++)
    {
      Row *row = get_row (self, (guint) r);
      int first_cell = r * (int) n_columns (self) + geometry->first_column;
      const RacimoCodes *codes = row->is_phase || n_drawn == 0 ? NULL : &self->codes[first_cell];
      DrawnRow drawn = { 0 };
      DrawnRow *was = NULL;
      PangoLayout *name_layout = get_name_layout (self, row);
      gboolean same_cells, same_name;

      if (r - last_first >= 0 && (guint) (r - last_first) < last->len)
        was = &g_array_index (last, DrawnRow, r - last_first);

      drawn.is_phase = row->is_phase;
      drawn.applicable = row->is_phase
                         || racimo_activity_get_applicable (RACIMO_ACTIVITY (row->item));
      drawn.problem = row->is_phase ? RACIMO_ROW_PROBLEM_NONE
                                    : (guint8) row_problem (self, (guint) r);
      drawn.background = row_background (self, (guint) r);

      same_cells = was != NULL && was->cells != NULL
                   && was->is_phase == drawn.is_phase && was->applicable == drawn.applicable
                   && was->background == drawn.background
                   && (codes == NULL
                       || (was->codes != NULL
                           && memcmp (was->codes, codes, n_drawn * sizeof *codes) == 0));
      same_name = was != NULL && was->name != NULL
                  && was->name_layout == name_layout && was->is_phase == drawn.is_phase
                  && was->applicable == drawn.applicable && was->problem == drawn.problem
                  && was->background == drawn.background;

      if (was != NULL)
        {
          drawn.codes = g_steal_pointer (&was->codes);
          drawn.name_layout = g_steal_pointer (&was->name_layout);
          drawn.placed_cells = was->placed_cells;
          drawn.placed_name = was->placed_name;
          was->placed_cells = (RacimoPlacedNode) { 0 };
          was->placed_name = (RacimoPlacedNode) { 0 };
        }
      if (codes != NULL && drawn.codes == NULL)
        drawn.codes = g_new (RacimoCodes, n_drawn);
      if (codes != NULL && !same_cells)
        memcpy (drawn.codes, codes, n_drawn * sizeof *codes);
      g_set_object (&drawn.name_layout, name_layout);

      drawn.cells = same_cells ? g_steal_pointer (&was->cells)
                               : draw_row_cells (self, &drawn, geometry);
      drawn.name = same_name ? g_steal_pointer (&was->name) : draw_row_name (self, &drawn);
      g_array_append_val (self->drawn_rows, drawn);
    }
}

static void
racimo_matrix_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  const Colors *colors = &self->colors;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int nr, nc, first_row, last_row, first_column, last_column;
  int sel_r0, sel_c0, sel_r1, sel_c1;
  double hv, vv, fy, grid_right, bw, body_top;
  GdkRGBA dim;
  gboolean focused = gtk_widget_has_focus (widget);
  DrawnGeometry geometry;

  ensure_rows (self);
  ensure_metrics (self);
  if (self->workload_dirty)
    recount_workload (self);

  nr = (int) n_rows (self);
  nc = (int) n_columns (self);
  hv = hvalue (self);
  vv = vvalue (self);
  bw = body_width (self);
  body_top = self->header_height;
  fy = footer_y (self);
  grid_right = MIN (self->name_width + content_width (self) - hv, width);

  first_row = MAX (0, (int) (vv / self->row_height));
  last_row = MIN (nr - 1, (int) ((vv + fy - body_top) / self->row_height));
  first_column = MAX (0, (int) (hv / self->column_width));
  last_column = MIN (nc - 1, (int) ((hv + bw) / self->column_width));
  get_selection (self, &sel_r0, &sel_c0, &sel_r1, &sel_c1);

  geometry.first_column = first_column;
  geometry.last_column = last_column;
  geometry.name_width = self->name_width;
  geometry.row_height = self->row_height;
  geometry.column_width = self->column_width;
  geometry.hvalue = hv;
  geometry.grid_right = grid_right;
  update_drawn_rows (self, first_row, last_row, &geometry);

  dim = colors->fg;
  dim.alpha *= 0.6f;

  /* The cells: grid lines first, so that phase headers can cover them */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_width,
                                                         (float) body_top, (float) bw,
                                                         (float) (fy - body_top)));
  for (int r = first_row; r <= last_row; r++)
    append_rect (snapshot, &colors->line, self->name_width, row_y (self, r + 1) - 1,
                 grid_right - self->name_width, 1);
  for (int c = first_column; c <= last_column; c++)
    append_rect (snapshot, &colors->line, column_x (self, c + 1) - 1, body_top,
                 1, fy - body_top);

  for (int r = first_row; r <= last_row; r++)
    {
      DrawnRow *drawn = drawn_row (self, r);

      racimo_placed_node_append (&drawn->placed_cells, snapshot, drawn->cells, 0, row_y (self, r),
                                 &GRAPHENE_RECT_INIT ((float) self->name_width,
                                                      (float) row_y (self, r), (float) bw,
                                                      (float) self->row_height));
    }

  if (has_multiple_selection (self) && sel_r1 >= 0 && sel_c1 >= 0)
    {
      double x0 = column_x (self, MAX (sel_c0, 0));
      double y0 = row_y (self, MAX (sel_r0, 0));

      append_rect (snapshot, &colors->selection, x0, y0,
                   column_x (self, sel_c1 + 1) - x0, row_y (self, sel_r1 + 1) - y0);
    }

  /* What is being dragged */
  if (self->drag_mode == DRAG_ACTIVITY || self->drag_mode == DRAG_PHASE)
    {
      int end = self->drag_row + 1;

      if (self->drag_mode == DRAG_PHASE)
        while (end < nr && !get_row (self, (guint) end)->is_phase)
          end++;
      append_rect (snapshot, &colors->selection, 0, row_y (self, self->drag_row), width,
                   row_y (self, end) - row_y (self, self->drag_row));
    }
  else if (self->drag_mode == DRAG_ROLE)
    append_rect (snapshot, &colors->selection, column_x (self, self->drag_column), body_top,
                 self->column_width, fy - body_top);
  gtk_snapshot_pop (snapshot);

  /* The activity names, which stay in place when scrolling sideways */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, (float) body_top,
                                                         (float) self->name_width,
                                                         (float) (fy - body_top)));
  append_rect (snapshot, &colors->view_bg, 0, body_top, self->name_width, fy - body_top);
  for (int r = first_row; r <= last_row; r++)
    {
      DrawnRow *drawn = drawn_row (self, r);

      racimo_placed_node_append (&drawn->placed_name, snapshot, drawn->name, 0, row_y (self, r),
                                 &GRAPHENE_RECT_INIT (0, (float) row_y (self, r),
                                                      (float) self->name_width,
                                                      (float) self->row_height));
    }
  if (has_multiple_selection (self) && sel_c0 < 0 && sel_r1 >= 0)
    {
      double y0 = row_y (self, MAX (sel_r0, 0));

      append_rect (snapshot, &colors->selection, 0, y0, self->name_width,
                   row_y (self, sel_r1 + 1) - y0);
    }
  gtk_snapshot_pop (snapshot);

  /* The role headers, which stay in place when scrolling down */
  append_rect (snapshot, &colors->header_bg, 0, 0, width, self->header_height);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_width, 0,
                                                         (float) bw,
                                                         (float) self->header_height));
  for (int c = first_column; c <= last_column; c++)
    {
      const RacimoDrawnText *text = get_header_text (self, column_role (self, c));

      racimo_drawn_text_append (text, snapshot, column_x (self, c) + self->pad / 2,
                                (self->header_height - text->height) / 2,
                                &GRAPHENE_RECT_INIT ((float) column_x (self, c), 0,
                                                     (float) self->column_width,
                                                     (float) self->header_height));
      append_rect (snapshot, &colors->line, column_x (self, c + 1) - 1, 0, 1,
                   self->header_height);
    }
  if (has_multiple_selection (self) && sel_r0 < 0 && sel_c1 >= 0)
    {
      double x0 = column_x (self, MAX (sel_c0, 0));

      append_rect (snapshot, &colors->selection, x0, 0, column_x (self, sel_c1 + 1) - x0,
                   self->header_height);
    }
  gtk_snapshot_pop (snapshot);

  if (self->corner_text == NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, nr > 0 || nc > 0 ? _("Activity") : "");

      set_bold (layout, 1.0);
      self->corner_text = racimo_drawn_text_new (layout, &dim);
    }
  racimo_drawn_text_append (self->corner_text, snapshot, self->pad,
                            self->header_height - self->corner_text->height - self->pad, NULL);
  append_rect (snapshot, &colors->line, 0, self->header_height - 1, width, 1);
  append_rect (snapshot, &colors->line, self->name_width - 1, 0, 1, fy + self->footer_height);

  /* The workload of each role, at the foot */
  if (nc > 0)
    {
      append_rect (snapshot, &colors->header_bg, 0, fy, width, self->footer_height);
      append_rect (snapshot, &colors->line, 0, fy, width, 1);

      if (self->workload_text == NULL)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, _("Workload"));

          set_bold (layout, 1.0);
          self->workload_text = racimo_drawn_text_new (layout, &dim);
        }
      racimo_drawn_text_append (self->workload_text, snapshot, self->pad,
                                fy + (self->footer_height - self->workload_text->height) / 2,
                                NULL);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_width,
                                                             (float) fy, (float) bw,
                                                             (float) self->footer_height));
      for (int c = first_column; c <= last_column; c++)
        {
          const RacimoDrawnText *text = get_footer_text (self, c);

          racimo_drawn_text_append (text, snapshot, column_x (self, c),
                                    fy + (self->footer_height - text->height) / 2,
                                    &GRAPHENE_RECT_INIT ((float) column_x (self, c), (float) fy,
                                                         (float) self->column_width,
                                                         (float) self->footer_height));
          append_rect (snapshot, &colors->line, column_x (self, c + 1) - 1, fy, 1,
                       self->footer_height);
        }
      gtk_snapshot_pop (snapshot);
      append_rect (snapshot, &colors->line, self->name_width - 1, fy, 1, self->footer_height);
    }

  if (nr == 0 && nc == 0 && self->project != NULL)
    {
      g_autoptr(PangoLayout) hint =
        make_layout (self, _("No roles and no activities yet: add them from the “+” menu."));
      int w, h;

      pango_layout_set_width (hint, (width - 4 * self->pad) * PANGO_SCALE);
      pango_layout_set_alignment (hint, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (hint, PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (hint, &w, &h);
      append_layout_at (snapshot, hint, &dim, 2 * self->pad, (height - h) / 2);
    }
  else if (nr == 0 && is_filtering (self))
    {
      g_autoptr(PangoLayout) hint = make_layout (self, _("No activity matches the search"));
      int w, h;

      pango_layout_set_width (hint, (width - 4 * self->pad) * PANGO_SCALE);
      pango_layout_set_alignment (hint, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (hint, PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (hint, &w, &h);
      /* Under the workload row, which follows the last row shown. */
      append_layout_at (snapshot, hint, &dim, 2 * self->pad,
                        fy + self->footer_height + 4 * self->pad);
    }

  /* The cursor */
  if (self->project != NULL && self->cursor_row < nr
      && (self->cursor_row >= 0 || self->cursor_column >= 0))
    {
      graphene_rect_t rect, clip;
      GdkRGBA color = colors->accent;

      get_cell_rect (self, self->cursor_row, self->cursor_column, &rect);
      graphene_rect_init (&clip,
                          self->cursor_column < 0 ? 0 : (float) self->name_width,
                          self->cursor_row < 0 ? 0 : (float) body_top,
                          self->cursor_column < 0 ? (float) self->name_width : (float) bw,
                          self->cursor_row < 0 ? (float) self->header_height
                                               : (float) (fy - body_top));
      if (!focused)
        color.alpha *= 0.5f;

      gtk_snapshot_push_clip (snapshot, &clip);
      append_outline (snapshot, &color, &rect, focused ? 2 : 1);
      gtk_snapshot_pop (snapshot);
    }

  /* Where a dragged row or column would land */
  if (self->drag_mode == DRAG_ACTIVITY || self->drag_mode == DRAG_PHASE)
    {
      double y = MAX (row_y (self, self->drop_index) - 1, body_top);

      append_rect (snapshot, &colors->accent, 0, MIN (y, fy - 2), width, 3);
    }
  else if (self->drag_mode == DRAG_ROLE)
    {
      double x = MAX (column_x (self, self->drop_index) - 1, self->name_width);

      append_rect (snapshot, &colors->accent, MIN (x, width - 3), 0, 3, fy + self->footer_height);
    }
}

/* Scrolling */

static void
on_adjustment_value_changed (GtkAdjustment    *adjustment,
                             RacimoMatrixView *self)
{
  /* Popovers point at a cell: follow it. */
  if (self->codes_popover != NULL || self->rename_popover != NULL
      || self->props_popover != NULL || self->waive_popover != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page,
                      double         step)
{
  double value;

  if (adjustment == NULL)
    return;

  page = MAX (page, 0);
  upper = MAX (upper, page);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page);
  gtk_adjustment_configure (adjustment, value, 0, upper, step, MAX (page - step, step), page);
}

static gboolean
racimo_matrix_view_get_border (GtkScrollable *scrollable,
                               GtkBorder     *border)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (scrollable);

  border->top = (gint16) self->header_height;
  border->bottom = (gint16) self->footer_height;
  border->left = (gint16) self->name_width;
  border->right = 0;

  return TRUE;
}

static void
racimo_matrix_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = racimo_matrix_view_get_border;
}

/* Keeps @row and @column in view, scrolling as little as possible. */
static void
scroll_to_cell (RacimoMatrixView *self,
                int               row,
                int               column)
{
  if (row >= 0 && self->vadjustment != NULL)
    {
      double top = (double) row * self->row_height;
      double page = body_height (self);
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + self->row_height > value + page)
        gtk_adjustment_set_value (self->vadjustment, top + self->row_height - page);
    }

  if (column >= 0 && self->hadjustment != NULL)
    {
      double left = (double) column * self->column_width;
      double page = body_width (self);
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (left < value)
        gtk_adjustment_set_value (self->hadjustment, left);
      else if (left + self->column_width > value + page)
        gtk_adjustment_set_value (self->hadjustment, left + self->column_width - page);
    }
}

static void
racimo_matrix_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  ensure_rows (self);
  ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 12 * self->pad + self->column_width;
      *natural = MAX (*minimum, MIN (360 + content_width (self), 1600));
    }
  else
    {
      *minimum = self->header_height + self->footer_height + 2 * self->row_height;
      *natural = MAX (*minimum, MIN (self->header_height + self->footer_height
                                     + content_height (self), 1000));
    }
}

static void present_popovers (RacimoMatrixView *self);

static void
racimo_matrix_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  int name_width;

  ensure_rows (self);
  ensure_metrics (self);

  /* The names take about a third of the width, within what reads well. */
  name_width = CLAMP (width * 3 / 10, 14 * self->pad * 2, 44 * self->pad * 2);
  name_width = MIN (name_width, MAX (width - self->column_width, 8 * self->pad));
  if (name_width != self->name_width)
    {
      self->name_width = name_width;
      g_hash_table_remove_all (self->name_layouts);
    }

  configure_adjustment (self->hadjustment, content_width (self), body_width (self),
                        self->column_width);
  configure_adjustment (self->vadjustment, content_height (self), body_height (self),
                        self->row_height);

  /* After a search, or a jump to rows just shown again: the cursor in view. */
  self->rows_rebuilt = FALSE;
  if (self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      scroll_to_cell (self, self->cursor_row, self->cursor_column);
    }

  present_popovers (self);
}

static void
racimo_matrix_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  GTK_WIDGET_CLASS (racimo_matrix_view_parent_class)->css_changed (widget, change);

  /* Fonts, colours and the dark style all arrive through CSS. */
  self->metrics_dirty = TRUE;
  gtk_widget_queue_resize (widget);
}

static void
on_dark_changed (RacimoMatrixView *self)
{
  self->metrics_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The cursor, and what a screen reader hears */

static const char *
problem_text (RacimoRowProblem problem)
{
  switch (problem)
    {
    case RACIMO_ROW_PROBLEM_NO_OWNER:
      return _("No owner: no role is Accountable for this activity");
    case RACIMO_ROW_PROBLEM_MANY_OWNERS:
      return _("Several owners: more than one role is Accountable for this activity");
    case RACIMO_ROW_PROBLEM_WAIVED:
      return _("A finding on this activity was waived");
    case RACIMO_ROW_PROBLEM_NONE:
    default:
      return NULL;
    }
}

static char *
describe_role (RacimoRole *role)
{
  const char *name = racimo_item_get_name (RACIMO_ITEM (role));
  const char *person = racimo_role_get_person (role);

  if (name == NULL || *name == '\0')
    name = _("Unnamed role");

  if (person != NULL && *person != '\0')
    /* Translators: a role and the person who fills it */
    return g_strdup_printf (_("%s (%s)"), name, person);

  return g_strdup (name);
}

static const char *
item_name_or (RacimoItem *item,
              const char *fallback)
{
  const char *name = racimo_item_get_name (item);

  return name != NULL && *name != '\0' ? name : fallback;
}

/* Tells assistive technologies about the cell under the cursor, now. */
static void
update_accessible (RacimoMatrixView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  int row = self->cursor_row, column = self->cursor_column;

  g_clear_handle_id (&self->a11y_idle, g_source_remove);

  if (self->project == NULL || self->rows_dirty)
    {
      if (self->project == NULL)
        label = g_strdup (_("No project"));
      else
        return;
    }
  else if (row == RACIMO_MATRIX_HEADER_ROW && column_role (self, column) != NULL)
    {
      RacimoRole *role = column_role (self, column);
      g_autofree char *who = describe_role (role);
      const char *abbrev = racimo_role_get_abbrev (role);

      if (abbrev != NULL && *abbrev != '\0')
        /* Translators: a column header: the role, then its abbreviation */
        label = g_strdup_printf (_("Role %s, %s"), who, abbrev);
      else
        label = g_strdup_printf (_("Role %s"), who);
      description = g_strdup (racimo_item_get_description (RACIMO_ITEM (role)));
    }
  else if (row >= 0 && (guint) row < n_rows (self))
    {
      Row *r = get_row (self, (guint) row);

      if (r->is_phase)
        {
          guint n = racimo_phase_get_n_activities (RACIMO_PHASE (r->item));

          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Phase %s, %u activity",
                                                "Phase %s, %u activities", n),
                                   item_name_or (r->item, _("Unnamed phase")), n);
        }
      else
        {
          const char *name = item_name_or (r->item, _("Unnamed activity"));
          RacimoRole *role = column_role (self, column);
          const char *problem = problem_text (row_problem (self, (guint) row));
          gboolean applicable = racimo_activity_get_applicable (RACIMO_ACTIVITY (r->item));

          if (role != NULL)
            {
              RacimoCodes codes = self->codes[row * n_columns (self) + column];
              g_autofree char *said = racimo_scheme_describe_codes (get_scheme (self), codes);

              /* Translators: a cell: activity, role: codes, as in
               * "Retraining pipeline, MLOps engineer: Accountable, Responsible" */
              label = g_strdup_printf (_("%s, %s: %s"), name,
                                       item_name_or (RACIMO_ITEM (role), _("Unnamed role")),
                                       said);
            }
          else
            label = g_strdup_printf (_("Activity %s"), name);

          if (!applicable)
            description = g_strdup (_("Does not apply to this project"));
          else if (problem != NULL)
            description = g_strdup (problem);
        }
    }
  else
    label = g_strdup (_("Empty matrix"));

  if (g_strcmp0 (label, self->a11y_label) != 0)
    {
      g_free (self->a11y_label);
      self->a11y_label = g_steal_pointer (&label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->a11y_label,
                                      -1);
    }

  if (description == NULL)
    description = g_strdup ("");
  if (g_strcmp0 (description, self->a11y_description) != 0)
    {
      g_free (self->a11y_description);
      self->a11y_description = g_steal_pointer (&description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->a11y_description,
                                      -1);
    }
}

static gboolean
on_accessible_idle (gpointer data)
{
  RacimoMatrixView *self = data;

  self->a11y_idle = 0;
  update_accessible (self);

  return G_SOURCE_REMOVE;
}

/* Tells assistive technologies about the cursor's cell once GTK has laid
 * out and drawn what is due.  GTK 4.8 sends each change of an accessible
 * property to the accessibility bus as it is made, about a tenth of a
 * millisecond each, and an edit changes the cell's label and often its
 * description: that would come before the frame showing the edit.  Queued,
 * a burst of changes (a key held down, a paste, a move then an edit) is
 * said once, as it ends.  GTK 4.18 still sends each change as it is made:
 * without the queue, an edit with the checks panel took 1.15 against
 * 1.00 ms there, and 1.22 against 0.93 ms on 4.8 (the matrix benchmark's
 * medians), so it stays for both. */
static void
queue_accessible (RacimoMatrixView *self)
{
  if (self->a11y_idle != 0)
    return;

  self->a11y_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_accessible_idle, self, NULL);
  g_source_set_name_by_id (self->a11y_idle, "[racimo] matrix view accessible");
}

static void
set_cursor_full (RacimoMatrixView *self,
                 int               row,
                 int               column,
                 gboolean          extend)
{
  RacimoItem *old_item = self->cursor_item;
  int old_row = self->cursor_row, old_column = self->cursor_column;
  int nr, nc;

  ensure_rows (self);
  nr = (int) n_rows (self);
  nc = (int) n_columns (self);

  row = CLAMP (row, nc > 0 ? -1 : 0, MAX (nr - 1, 0));
  column = CLAMP (column, -1, nc - 1);
  /* The corner above the names holds nothing. */
  if (row == RACIMO_MATRIX_HEADER_ROW && column < 0)
    column = 0;

  if (self->cursor_row != row || self->cursor_column != column)
    popdown_all (self);

  self->cursor_row = row;
  self->cursor_column = column;
  if (!extend)
    {
      self->anchor_row = row;
      self->anchor_column = column;
    }

  self->cursor_item = row >= 0 && row < nr ? get_row (self, (guint) row)->item : NULL;
  self->cursor_role = column_role (self, column);

  /* Rows made again since the last allocation: the scrolling is sized
   * for the old ones, and scrolls once more when it knows the new. */
  if (self->rows_rebuilt)
    {
      self->scroll_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  scroll_to_cell (self, row, column);
  queue_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (old_row != row || old_column != column || old_item != self->cursor_item)
    g_signal_emit (self, signals[CURSOR_MOVED], 0);
}

/**
 * racimo_matrix_view_set_cursor:
 * @row: a row, or %RACIMO_MATRIX_HEADER_ROW for the role headers
 * @column: a role's column, or %RACIMO_MATRIX_NAME_COLUMN for the names
 *
 * Moves the cell cursor, scrolling it into view, and collapses the
 * selection to it.
 */
void
racimo_matrix_view_set_cursor (RacimoMatrixView *self,
                               int               row,
                               int               column)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  set_cursor_full (self, row, column, FALSE);
}

/**
 * racimo_matrix_view_show_item:
 * @item: a role, a phase or an activity of the project
 *
 * Moves the cursor to @item and scrolls it into view: to a role's header,
 * or to the row of a phase or an activity, in the cursor's column.  The
 * keyboard focus stays where it is.
 *
 * Returns: %FALSE when @item has no row or column shown: the filter hides
 *   it, or it is the single phase of a project that shows no phases
 */
gboolean
racimo_matrix_view_show_item (RacimoMatrixView *self,
                              RacimoItem       *item)
{
  int row, column;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), FALSE);
  g_return_val_if_fail (RACIMO_IS_ITEM (item), FALSE);

  ensure_rows (self);

  if (RACIMO_IS_ROLE (item))
    {
      row = RACIMO_MATRIX_HEADER_ROW;
      column = lookup_column (self, item);
      if (column < 0)
        return FALSE;
    }
  else
    {
      row = racimo_matrix_view_find_row (self, item);
      if (row < 0)
        return FALSE;
      column = self->cursor_column;
    }

  set_cursor_full (self, row, column, FALSE);
  return TRUE;
}

void
racimo_matrix_view_get_cursor (RacimoMatrixView *self,
                               int              *row,
                               int              *column)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  ensure_rows (self);
  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
}

void
racimo_matrix_view_get_selection (RacimoMatrixView *self,
                                  int              *first_row,
                                  int              *first_column,
                                  int              *last_row,
                                  int              *last_column)
{
  int r0, c0, r1, c1;

  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  ensure_rows (self);
  get_selection (self, &r0, &c0, &r1, &c1);
  if (first_row != NULL)
    *first_row = r0;
  if (first_column != NULL)
    *first_column = c0;
  if (last_row != NULL)
    *last_row = r1;
  if (last_column != NULL)
    *last_column = c1;
}

/**
 * racimo_matrix_view_get_cursor_label:
 *
 * Returns: what the view tells assistive technologies about the cell
 *   under the cursor, such as "Deploy model, MLOps engineer: Responsible"
 */
const char *
racimo_matrix_view_get_cursor_label (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  ensure_rows (self);
  update_accessible (self);
  return self->a11y_label;
}

/**
 * racimo_matrix_view_get_cursor_description:
 *
 * Returns: the accessible description of the cursor's cell: why its row
 *   is highlighted, or an empty string
 */
const char *
racimo_matrix_view_get_cursor_description (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  ensure_rows (self);
  update_accessible (self);
  return self->a11y_description;
}

guint
racimo_matrix_view_get_n_rows (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);

  ensure_rows (self);
  return n_rows (self);
}

/**
 * racimo_matrix_view_get_row_item:
 *
 * Returns: (transfer none): the phase or activity shown in @row
 */
RacimoItem *
racimo_matrix_view_get_row_item (RacimoMatrixView *self,
                                 guint             row)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  ensure_rows (self);
  g_return_val_if_fail (row < n_rows (self), NULL);

  return get_row (self, row)->item;
}

/**
 * racimo_matrix_view_find_row:
 *
 * Returns: the row of an activity or a phase, or -1
 */
int
racimo_matrix_view_find_row (RacimoMatrixView *self,
                             RacimoItem       *item)
{
  int row;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), -1);

  ensure_rows (self);
  row = lookup_row (self, item);
  return row >= 0 && get_row (self, row)->item == item ? row : -1;
}

/**
 * racimo_matrix_view_get_row_problem:
 *
 * Returns: how @row is highlighted
 */
RacimoRowProblem
racimo_matrix_view_get_row_problem (RacimoMatrixView *self,
                                    guint             row)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), RACIMO_ROW_PROBLEM_NONE);

  ensure_rows (self);
  g_return_val_if_fail (row < n_rows (self), RACIMO_ROW_PROBLEM_NONE);

  return row_problem (self, row);
}

/**
 * racimo_matrix_view_get_workload:
 *
 * Returns: on how many activities that apply @role holds @code, as the
 *   workload row shows
 */
guint
racimo_matrix_view_get_workload (RacimoMatrixView *self,
                                 RacimoRole       *role,
                                 char              code)
{
  int column;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);
  g_return_val_if_fail (RACIMO_CODE_IS_VALID (code), 0);

  ensure_rows (self);
  if (self->workload_dirty)
    recount_workload (self);

  column = lookup_column (self, role);
  g_return_val_if_fail (column >= 0, 0);

  return self->workload[column * N_LETTERS + (code - 'A')];
}

/* Editing, always through the project's history */

static RacimoHistory *
get_history (RacimoMatrixView *self)
{
  return racimo_project_get_history (self->project);
}

/* Calls @func on every cell of the selection (or the cursor's cell). */
typedef void (*CellFunc) (RacimoMatrixView *self,
                          RacimoActivity   *activity,
                          RacimoRole       *role,
                          RacimoCodes       codes,
                          gpointer          data);

static guint
foreach_selected_cell (RacimoMatrixView *self,
                       CellFunc          func,
                       gpointer          data)
{
  int r0, c0, r1, c1;
  guint n = 0;

  get_selection (self, &r0, &c0, &r1, &c1);

  for (int r = MAX (r0, 0); r <= r1; r++)
    {
      RacimoActivity *activity = row_activity (self, r);

      if (activity == NULL)
        continue;

      for (int c = MAX (c0, 0); c <= c1 && c < (int) n_columns (self); c++)
        {
          if (func != NULL)
            func (self, activity, column_role (self, c),
                  self->codes[r * n_columns (self) + c], data);
          n++;
        }
    }

  return n;
}

typedef struct
{
  RacimoCodes bit;
  gboolean    all_have;
} ToggleData;

static void
check_all_have (RacimoMatrixView *self,
                RacimoActivity   *activity,
                RacimoRole       *role,
                RacimoCodes       codes,
                gpointer          data)
{
  ToggleData *toggle = data;

  if (!(codes & toggle->bit))
    toggle->all_have = FALSE;
}

static void
apply_toggle (RacimoMatrixView *self,
              RacimoActivity   *activity,
              RacimoRole       *role,
              RacimoCodes       codes,
              gpointer          data)
{
  ToggleData *toggle = data;
  RacimoCodes new_codes = toggle->all_have ? codes & ~toggle->bit : codes | toggle->bit;

  if (new_codes != codes)
    racimo_project_set_codes (self->project, activity, role, new_codes);
}

/* Toggles @code in the selected cells: every cell gets it unless all of
 * them have it already, as a spreadsheet's bold button does. */
static gboolean
toggle_code (RacimoMatrixView *self,
             char              code)
{
  ToggleData toggle = { RACIMO_CODE_BIT (code), TRUE };
  guint n = foreach_selected_cell (self, NULL, NULL);

  if (n == 0)
    return FALSE;

  if (n == 1)
    {
      racimo_project_toggle_code (self->project, row_activity (self, self->cursor_row),
                                  column_role (self, self->cursor_column), code);
      return TRUE;
    }

  foreach_selected_cell (self, check_all_have, &toggle);
  racimo_history_begin (get_history (self), _("Change Codes"));
  foreach_selected_cell (self, apply_toggle, &toggle);
  racimo_history_end (get_history (self));

  return TRUE;
}

static void
apply_clear (RacimoMatrixView *self,
             RacimoActivity   *activity,
             RacimoRole       *role,
             RacimoCodes       codes,
             gpointer          data)
{
  if (codes != 0)
    racimo_project_set_codes (self->project, activity, role, 0);
}

static gboolean
clear_selection (RacimoMatrixView *self)
{
  if (foreach_selected_cell (self, NULL, NULL) == 0)
    return FALSE;

  racimo_history_begin (get_history (self), _("Clear Cells"));
  foreach_selected_cell (self, apply_clear, NULL);
  racimo_history_end (get_history (self));

  return TRUE;
}

/* Copy and paste as tab-separated text, which spreadsheets read and
 * write: one line per activity, codes written "A/R".  Both go through
 * core's CSV code, so a pasted cell is read exactly as an imported one. */

static void
append_field (GString    *line,
              const char *text)
{
  g_autofree char *quoted = racimo_csv_quote_field (text != NULL ? text : "", '\t');

  g_string_append (line, quoted);
}

/**
 * racimo_matrix_view_copy_text:
 *
 * Returns: (transfer full): the selected cells as tab-separated text: a
 *   line per activity (the role headers first when they are selected),
 *   codes as "R/A", activity names when the name column is selected
 */
char *
racimo_matrix_view_copy_text (RacimoMatrixView *self)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  const RacimoScheme *scheme;
  GString *text;
  int r0, c0, r1, c1;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  ensure_rows (self);
  if (self->project == NULL)
    return g_strdup ("");

  scheme = get_scheme (self);
  get_selection (self, &r0, &c0, &r1, &c1);

  for (int r = MAX (r0, 0); r <= r1; r++)
    if (row_activity (self, r) != NULL)
      g_ptr_array_add (activities, row_activity (self, r));
  for (int c = MAX (c0, 0); c <= c1; c++)
    g_ptr_array_add (roles, column_role (self, c));

  /* Cells only: as the CSV code formats a block. */
  if (r0 >= 0 && c0 >= 0)
    return racimo_csv_format_block (self->project, activities, roles);

  text = g_string_new (NULL);
  for (int r = r0; r <= r1; r++)
    {
      RacimoActivity *activity = row_activity (self, r);

      if (r >= 0 && activity == NULL)
        continue;

      for (int c = c0; c <= c1; c++)
        {
          if (c > c0)
            g_string_append_c (text, '\t');

          if (r < 0 && c >= 0)
            append_field (text, racimo_item_get_name (RACIMO_ITEM (column_role (self, c))));
          else if (r >= 0 && c < 0)
            append_field (text, racimo_item_get_name (RACIMO_ITEM (activity)));
          else if (r >= 0)
            {
              g_autofree char *codes =
                racimo_scheme_format_codes (scheme, self->codes[r * n_columns (self) + c], "/");

              g_string_append (text, codes);
            }
        }

      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  guint       not_understood;
  const char *example;
} PasteResult;

static void
paste_cell (RacimoMatrixView     *self,
            int                   row,
            int                   column,
            const RacimoCsvBlock *block,
            guint                 block_row,
            guint                 block_column,
            PasteResult          *result)
{
  RacimoActivity *activity = row_activity (self, row);
  const char *text = racimo_csv_block_get_text (block, block_row, block_column);
  g_autofree char *name = g_strstrip (g_strdup (text));
  RacimoCodes codes;

  if (row < 0 && column >= 0)
    {
      RacimoRole *role = column_role (self, column);

      if (*name != '\0' && g_strcmp0 (name, racimo_item_get_name (RACIMO_ITEM (role))) != 0)
        racimo_project_rename (self->project, RACIMO_ITEM (role), name);
    }
  else if (activity != NULL && column < 0)
    {
      if (*name != '\0' && g_strcmp0 (name, racimo_item_get_name (RACIMO_ITEM (activity))) != 0)
        racimo_project_rename (self->project, RACIMO_ITEM (activity), name);
    }
  else if (activity != NULL)
    {
      /* A cell that is not codes ("yes", "maybe") is left as it was. */
      if (!racimo_csv_block_get_codes (block, block_row, block_column, &codes))
        {
          if (result->not_understood++ == 0)
            result->example = text;
          return;
        }

      if (codes != self->codes[row * n_columns (self) + column])
        racimo_project_set_codes (self->project, activity, column_role (self, column), codes);
    }
}

/* The next row to paste into: activities only, as phases have no cells. */
static int
next_paste_row (RacimoMatrixView *self,
                int               row)
{
  do
    row++;
  while (row < (int) n_rows (self) && row >= 0 && get_row (self, (guint) row)->is_phase);

  return row;
}

/**
 * racimo_matrix_view_paste_text:
 * @text: tab-separated text, as from a spreadsheet
 *
 * Pastes @text at the top left of the selection, as one undoable step.  A
 * single value fills the whole selection.  Each cell is read as
 * racimo_csv_parse_cell() reads an imported one; those that are not codes
 * leave their cell as it was, and #RacimoMatrixView::paste-not-understood
 * says so.
 *
 * Returns: how many cells were not understood
 */
guint
racimo_matrix_view_paste_text (RacimoMatrixView *self,
                               const char       *text)
{
  g_autoptr(RacimoCsvBlock) block = NULL;
  PasteResult result = { 0, NULL };
  guint n_block_rows, n_block_columns;
  int r0, c0, r1, c1, row;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  ensure_rows (self);
  if (self->project == NULL)
    return 0;

  block = racimo_csv_parse_block (get_scheme (self), text);
  n_block_rows = racimo_csv_block_get_n_rows (block);
  n_block_columns = racimo_csv_block_get_n_columns (block);
  if (n_block_rows == 0 || n_block_columns == 0)
    return 0;

  get_selection (self, &r0, &c0, &r1, &c1);
  row = r0;
  if (row >= 0 && get_row (self, (guint) row)->is_phase)
    row = next_paste_row (self, row);

  racimo_history_begin (get_history (self), _("Paste"));

  if (n_block_rows == 1 && n_block_columns == 1 && has_multiple_selection (self))
    {
      for (int r = MAX (r0, 0); r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          if (row_activity (self, r) != NULL)
            paste_cell (self, r, c, block, 0, 0, &result);
    }
  else
    {
      for (guint br = 0; br < n_block_rows && row < (int) n_rows (self); br++)
        {
          for (guint bc = 0; bc < n_block_columns && c0 + (int) bc < (int) n_columns (self); bc++)
            paste_cell (self, row, c0 + (int) bc, block, br, bc, &result);

          row = next_paste_row (self, row);
        }
    }

  racimo_history_end (get_history (self));

  if (result.not_understood > 0)
    g_signal_emit (self, signals[PASTE_NOT_UNDERSTOOD], 0, result.not_understood,
                   result.example);

  return result.not_understood;
}

static void
copy_to_clipboard (RacimoMatrixView *self)
{
  g_autofree char *text = racimo_matrix_view_copy_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RacimoMatrixView) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  racimo_matrix_view_paste_text (self, text);
}

static void
paste_from_clipboard (RacimoMatrixView *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_clipboard_text, g_object_ref (self));
}

/* Adding, removing and moving rows and columns */

static RacimoPhase *
phase_of_row (RacimoMatrixView *self,
              int               row)
{
  Row *r;

  if (row < 0 || (guint) row >= n_rows (self))
    return NULL;

  r = get_row (self, (guint) row);
  if (r->is_phase)
    return RACIMO_PHASE (r->item);

  return racimo_activity_get_phase (RACIMO_ACTIVITY (r->item));
}

/* A new item is shown to be named: a search that would hide it is
 * cleared. */
static int
row_of_new_item (RacimoMatrixView *self,
                 RacimoItem       *item)
{
  int row = racimo_matrix_view_find_row (self, item);

  if (row < 0 && is_filtering (self))
    {
      racimo_filter_clear (self->filter);
      row = racimo_matrix_view_find_row (self, item);
    }

  return row;
}

static void
insert_activity (RacimoMatrixView *self,
                 RacimoPhase      *phase,
                 int               position)
{
  RacimoActivity *activity;

  racimo_history_begin (get_history (self), _("Add Activity"));
  if (phase == NULL)
    phase = racimo_project_add_phase (self->project, -1, NULL);
  activity = racimo_project_add_activity (self->project, phase, position, _("New activity"));
  racimo_history_end (get_history (self));

  set_cursor_full (self, row_of_new_item (self, RACIMO_ITEM (activity)),
                   RACIMO_MATRIX_NAME_COLUMN, FALSE);
  racimo_matrix_view_start_rename (self, NULL);
}

/**
 * racimo_matrix_view_add_activity:
 *
 * Adds an activity below the cursor (at the start of a phase when the
 * cursor is on the phase's header) and starts naming it.
 */
void
racimo_matrix_view_add_activity (RacimoMatrixView *self)
{
  RacimoPhase *phase;
  RacimoActivity *activity;
  int position = -1;

  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  ensure_rows (self);
  if (self->project == NULL)
    return;

  phase = phase_of_row (self, self->cursor_row);
  activity = row_activity (self, self->cursor_row);
  if (activity != NULL)
    position = racimo_phase_index_of (phase, activity) + 1;
  else if (phase != NULL)
    position = 0;
  else if (racimo_project_get_n_phases (self->project) > 0)
    phase = racimo_project_get_phase (self->project,
                                      racimo_project_get_n_phases (self->project) - 1);

  insert_activity (self, phase, position);
}

static void
insert_phase (RacimoMatrixView *self,
              int               position)
{
  RacimoPhase *phase = racimo_project_add_phase (self->project, position, _("New phase"));

  set_cursor_full (self, row_of_new_item (self, RACIMO_ITEM (phase)),
                   RACIMO_MATRIX_NAME_COLUMN, FALSE);
  racimo_matrix_view_start_rename (self, NULL);
}

/**
 * racimo_matrix_view_add_phase:
 *
 * Adds a phase after the cursor's and starts naming it.
 */
void
racimo_matrix_view_add_phase (RacimoMatrixView *self)
{
  RacimoPhase *phase;

  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  ensure_rows (self);
  if (self->project == NULL)
    return;

  phase = phase_of_row (self, self->cursor_row);
  insert_phase (self, phase != NULL ? racimo_project_index_of_phase (self->project, phase) + 1
                                    : -1);
}

static void
insert_role (RacimoMatrixView *self,
             int               position)
{
  RacimoRole *role = racimo_project_add_role (self->project, position, _("New role"), NULL);

  ensure_rows (self);
  set_cursor_full (self, RACIMO_MATRIX_HEADER_ROW, lookup_column (self, role), FALSE);
  racimo_matrix_view_start_rename (self, NULL);
}

/**
 * racimo_matrix_view_add_role:
 *
 * Adds a role right of the cursor's column and starts naming it.
 */
void
racimo_matrix_view_add_role (RacimoMatrixView *self)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  ensure_rows (self);
  if (self->project == NULL)
    return;

  insert_role (self, self->cursor_column >= 0 ? self->cursor_column + 1 : -1);
}

static void
delete_item (RacimoMatrixView *self,
             RacimoItem       *item)
{
  if (RACIMO_IS_ACTIVITY (item))
    racimo_project_remove_activity (self->project, RACIMO_ACTIVITY (item));
  else if (RACIMO_IS_PHASE (item))
    racimo_project_remove_phase (self->project, RACIMO_PHASE (item));
  else if (RACIMO_IS_ROLE (item))
    racimo_project_remove_role (self->project, RACIMO_ROLE (item));
}

/* Moves an activity one place up or down, into the next phase at its end. */
static gboolean
step_activity (RacimoMatrixView *self,
               RacimoActivity   *activity,
               int               delta)
{
  RacimoPhase *phase = racimo_activity_get_phase (activity);
  int position = racimo_phase_index_of (phase, activity) + delta;
  int p = racimo_project_index_of_phase (self->project, phase);

  if (position >= 0 && position < (int) racimo_phase_get_n_activities (phase))
    {
      racimo_project_move_activity (self->project, activity, phase, (guint) position);
      return TRUE;
    }

  p += delta;
  if (p < 0 || p >= (int) racimo_project_get_n_phases (self->project))
    return FALSE;

  phase = racimo_project_get_phase (self->project, (guint) p);
  racimo_project_move_activity (self->project, activity, phase,
                                delta < 0 ? racimo_phase_get_n_activities (phase) : 0);
  return TRUE;
}

/* Alt+arrows move what is under the cursor: the keyboard's drag and drop. */
static gboolean
move_under_cursor (RacimoMatrixView *self,
                   int               drow,
                   int               dcolumn)
{
  RacimoItem *item = self->cursor_row >= 0 && (guint) self->cursor_row < n_rows (self)
                     ? get_row (self, (guint) self->cursor_row)->item : NULL;
  gboolean moved = FALSE;

  if (dcolumn != 0)
    {
      RacimoRole *role = column_role (self, self->cursor_column);
      int to = self->cursor_column + dcolumn;

      if (role == NULL || to < 0 || to >= (int) n_columns (self))
        return FALSE;

      racimo_project_move_role (self->project, role, (guint) to);
      ensure_rows (self);
      set_cursor_full (self, self->cursor_row, to, FALSE);
      return TRUE;
    }

  if (RACIMO_IS_ACTIVITY (item))
    moved = step_activity (self, RACIMO_ACTIVITY (item), drow);
  else if (RACIMO_IS_PHASE (item))
    {
      int to = racimo_project_index_of_phase (self->project, RACIMO_PHASE (item)) + drow;

      if (to >= 0 && to < (int) racimo_project_get_n_phases (self->project))
        {
          racimo_project_move_phase (self->project, RACIMO_PHASE (item), (guint) to);
          moved = TRUE;
        }
    }

  /* Into a phase a search hides, the item leaves the cursor where the
   * view put it. */
  if (moved && racimo_matrix_view_find_row (self, item) >= 0)
    set_cursor_full (self, racimo_matrix_view_find_row (self, item), self->cursor_column,
                     FALSE);

  return moved;
}

/* Popovers: codes of a cell, renaming, properties, waivers */

static void
item_cell (RacimoMatrixView *self,
           RacimoItem       *item,
           int              *row,
           int              *column)
{
  if (RACIMO_IS_ROLE (item))
    {
      *row = RACIMO_MATRIX_HEADER_ROW;
      *column = lookup_column (self, item);
    }
  else
    {
      *row = racimo_matrix_view_find_row (self, item);
      *column = RACIMO_MATRIX_NAME_COLUMN;
    }
}

static void
present_at_cell (RacimoMatrixView *self,
                 GtkWidget        *popover,
                 int               row,
                 int               column)
{
  graphene_rect_t rect;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRectangle area;

  if (popover == NULL || !gtk_widget_get_visible (popover))
    return;

  if (row >= (int) n_rows (self) || column >= (int) n_columns (self))
    {
      gtk_popover_popdown (GTK_POPOVER (popover));
      return;
    }

  get_cell_rect (self, row, column, &rect);
  area.x = CLAMP ((int) rect.origin.x, 0, MAX (width - 1, 0));
  area.y = CLAMP ((int) rect.origin.y, 0, MAX (height - 1, 0));
  area.width = MAX (MIN ((int) rect.size.width, width - area.x), 1);
  area.height = MAX (MIN ((int) rect.size.height, height - area.y), 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &area);
  gtk_popover_present (GTK_POPOVER (popover));
}

static void
present_at_item (RacimoMatrixView *self,
                 GtkWidget        *popover,
                 RacimoItem       *item)
{
  int row, column;

  if (popover == NULL || !gtk_widget_get_visible (popover) || item == NULL)
    return;

  item_cell (self, item, &row, &column);
  if (row < 0 && column < 0)
    gtk_popover_popdown (GTK_POPOVER (popover));
  else
    present_at_cell (self, popover, row, column);
}

static void
present_popovers (RacimoMatrixView *self)
{
  present_at_cell (self, self->codes_popover, self->codes_row, self->codes_column);
  present_at_item (self, self->rename_popover, self->rename_item);
  present_at_item (self, self->props_popover, self->props_item);
  present_at_item (self, self->waive_popover, self->waive_item);
  if (self->context_menu != NULL && gtk_widget_get_visible (self->context_menu))
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
popdown_all (RacimoMatrixView *self)
{
  GtkWidget *popovers[] = {
    self->codes_popover, self->rename_popover, self->props_popover,
    self->waive_popover, self->context_menu,
  };

  for (guint i = 0; i < G_N_ELEMENTS (popovers); i++)
    if (popovers[i] != NULL && gtk_widget_get_visible (popovers[i]))
      gtk_popover_popdown (GTK_POPOVER (popovers[i]));
}

static void
on_popover_closed (GtkPopover       *popover,
                   RacimoMatrixView *self)
{
  if (GTK_WIDGET (popover) == self->codes_popover)
    self->codes_row = self->codes_column = -2;

  /* Editing goes on from the keyboard where it left off. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
new_popover (RacimoMatrixView *self)
{
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), self);

  return popover;
}

static void
sync_codes_popover (RacimoMatrixView *self)
{
  RacimoCodes codes;

  if (self->codes_popover == NULL || !gtk_widget_get_visible (self->codes_popover)
      || self->rows_dirty || row_activity (self, self->codes_row) == NULL
      || column_role (self, self->codes_column) == NULL)
    return;

  codes = self->codes[self->codes_row * n_columns (self) + self->codes_column];

  self->syncing_codes = TRUE;
  for (guint i = 0; i < self->code_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->code_buttons, i);
      char letter = (char) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "code"));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   (codes & RACIMO_CODE_BIT (letter)) != 0);
    }
  self->syncing_codes = FALSE;
}

static void
on_code_toggled (GtkCheckButton   *button,
                 RacimoMatrixView *self)
{
  char letter = (char) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "code"));
  RacimoActivity *activity = row_activity (self, self->codes_row);
  RacimoRole *role = column_role (self, self->codes_column);

  if (self->syncing_codes || activity == NULL || role == NULL)
    return;

  racimo_project_toggle_code (self->project, activity, role, letter);
}

static void
on_codes_clear (GtkButton        *button,
                RacimoMatrixView *self)
{
  RacimoActivity *activity = row_activity (self, self->codes_row);
  RacimoRole *role = column_role (self, self->codes_column);

  if (activity != NULL && role != NULL)
    racimo_project_set_codes (self->project, activity, role, 0);
  gtk_popover_popdown (GTK_POPOVER (self->codes_popover));
}

/* In the popover too, a code's letter toggles it. */
static gboolean
on_codes_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      RacimoMatrixView      *self)
{
  gunichar c = g_unichar_toupper (gdk_keyval_to_unicode (keyval));
  RacimoActivity *activity = row_activity (self, self->codes_row);
  RacimoRole *role = column_role (self, self->codes_column);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || activity == NULL || role == NULL)
    return FALSE;

  if (c < 128 && RACIMO_CODE_IS_VALID ((char) c)
      && racimo_scheme_code_index (get_scheme (self), (char) c) >= 0)
    {
      racimo_project_toggle_code (self->project, activity, role, (char) c);
      return TRUE;
    }

  return FALSE;
}

static void
add_code_button (RacimoMatrixView     *self,
                 char                  letter,
                 const RacimoCodeInfo *info)
{
  g_autofree char *markup = NULL;
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label;

  if (info != NULL)
    markup = g_markup_printf_escaped ("<span foreground=\"%s\"><b>%c</b></span>  %s",
                                      code_color (self, info), letter, _(info->name));
  else
    markup = g_markup_printf_escaped (_("<b>%c</b>  not in this scheme"), letter);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  g_object_set_data (G_OBJECT (button), "code", GINT_TO_POINTER (letter));
  g_signal_connect (button, "toggled", G_CALLBACK (on_code_toggled), self);
  gtk_box_append (GTK_BOX (self->codes_box), button);
  g_ptr_array_add (self->code_buttons, button);
}

static void
open_codes_popover (RacimoMatrixView *self,
                    int               row,
                    int               column)
{
  RacimoActivity *activity;
  RacimoRole *role;
  const RacimoScheme *scheme = get_scheme (self);
  RacimoCodes codes, unknown;
  GtkWidget *child, *title, *subtitle, *clear;

  ensure_rows (self);
  activity = row_activity (self, row);
  role = column_role (self, column);
  if (activity == NULL || role == NULL)
    return;

  popdown_all (self);

  if (self->codes_popover == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      self->codes_popover = new_popover (self);
      gtk_widget_add_css_class (self->codes_popover, "codes-popover");
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_codes_key_pressed), self);
      gtk_widget_add_controller (self->codes_popover, keys);
    }

  /* Rebuilt each time: the scheme, and so the codes offered, may change. */
  self->codes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_ptr_array_set_size (self->code_buttons, 0);

  /* Which cell: the activity, and below it the role. */
  title = gtk_label_new (item_name_or (RACIMO_ITEM (activity), _("Unnamed activity")));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self->codes_box), title);

  subtitle = gtk_label_new (item_name_or (RACIMO_ITEM (role), _("Unnamed role")));
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 28);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_bottom (subtitle, 6);
  gtk_box_append (GTK_BOX (self->codes_box), subtitle);

  codes = self->codes[row * n_columns (self) + column];
  for (guint i = 0; i < scheme->n_codes; i++)
    add_code_button (self, scheme->codes[i].letter, &scheme->codes[i]);
  unknown = codes & ~racimo_scheme_get_mask (scheme);
  for (char c = 'A'; c <= 'Z'; c++)
    if (unknown & RACIMO_CODE_BIT (c))
      add_code_button (self, c, NULL);

  clear = gtk_button_new_with_mnemonic (_("C_lear Cell"));
  gtk_widget_set_margin_top (clear, 6);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_codes_clear), self);
  gtk_box_append (GTK_BOX (self->codes_box), clear);

  child = self->codes_box;
  gtk_popover_set_child (GTK_POPOVER (self->codes_popover), child);

  self->codes_row = row;
  self->codes_column = column;
  gtk_widget_set_visible (self->codes_popover, TRUE);
  sync_codes_popover (self);
  present_at_cell (self, self->codes_popover, row, column);
  gtk_popover_popup (GTK_POPOVER (self->codes_popover));
  if (self->code_buttons->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->code_buttons, 0));
}

/* Renaming */

static void
on_rename_activate (GtkEntry         *entry,
                    RacimoMatrixView *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));
  RacimoItem *item = self->rename_item;

  if (item != NULL && g_strcmp0 (name, racimo_item_get_name (item)) != 0)
    racimo_project_rename (self->project, item, name);

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
}

/**
 * racimo_matrix_view_start_rename:
 * @initial_text: (nullable): text to start from instead of the name, such
 *   as the letter that was typed
 *
 * Opens an entry over the name of the activity, phase or role under the
 * cursor; Enter renames it.
 */
void
racimo_matrix_view_start_rename (RacimoMatrixView *self,
                                 const char       *initial_text)
{
  RacimoItem *item;

  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  ensure_rows (self);
  if (self->project == NULL)
    return;

  if (self->cursor_row == RACIMO_MATRIX_HEADER_ROW)
    item = RACIMO_ITEM (column_role (self, self->cursor_column));
  else if (self->cursor_row >= 0 && (guint) self->cursor_row < n_rows (self))
    item = get_row (self, (guint) self->cursor_row)->item;
  else
    item = NULL;

  if (item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  popdown_all (self);

  if (self->rename_popover == NULL)
    {
      self->rename_popover = new_popover (self);
      self->rename_entry = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (self->rename_entry), 32);
      g_signal_connect (self->rename_entry, "activate", G_CALLBACK (on_rename_activate), self);
      gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
    }

  self->rename_item = item;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  RACIMO_IS_ROLE (item) ? _("Role name")
                                  : RACIMO_IS_PHASE (item) ? _("Phase name")
                                  : _("Activity name"),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry),
                         initial_text != NULL ? initial_text : racimo_item_get_name (item));

  gtk_widget_set_visible (self->rename_popover, TRUE);
  present_at_item (self, self->rename_popover, item);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  if (initial_text != NULL)
    gtk_editable_set_position (GTK_EDITABLE (self->rename_entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
}

/* Properties: name, abbreviation, person, description */

static char *
get_text_view_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_props_apply (GtkButton        *button,
                RacimoMatrixView *self)
{
  RacimoItem *item = self->props_item;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->props_name));
  g_autofree char *description = get_text_view_text (self->props_description);

  if (item == NULL)
    return;

  racimo_history_begin (get_history (self), _("Change Properties"));

  if (g_strcmp0 (name, racimo_item_get_name (item)) != 0)
    racimo_project_rename (self->project, item, name);

  if (g_strcmp0 (description, racimo_item_get_description (item) ?: "") != 0)
    racimo_project_set_item_description (self->project, item, description);

  if (RACIMO_IS_ROLE (item))
    {
      RacimoRole *role = RACIMO_ROLE (item);
      const char *abbrev = gtk_editable_get_text (GTK_EDITABLE (self->props_abbrev));
      const char *person = gtk_editable_get_text (GTK_EDITABLE (self->props_person));

      if (g_strcmp0 (abbrev, racimo_role_get_abbrev (role) ?: "") != 0)
        racimo_project_set_role_abbrev (self->project, role, *abbrev ? abbrev : NULL);
      if (g_strcmp0 (person, racimo_role_get_person (role) ?: "") != 0)
        racimo_project_set_role_person (self->project, role, *person ? person : NULL);
    }

  racimo_history_end (get_history (self));
  gtk_popover_popdown (GTK_POPOVER (self->props_popover));
}

static GtkWidget *
add_props_row (RacimoMatrixView *self,
               int               row,
               const char       *mnemonic,
               GtkWidget        *field,
               GtkWidget       **label_out)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (self->props_grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->props_grid), field, 1, row, 1, 1);

  if (label_out != NULL)
    *label_out = label;

  return field;
}

static void
ensure_props_popover (RacimoMatrixView *self)
{
  GtkWidget *box, *scroller, *apply;

  if (self->props_popover != NULL)
    return;

  self->props_popover = new_popover (self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->props_grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->props_grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->props_grid), 12);

  self->props_name = add_props_row (self, 0, _("_Name"), gtk_entry_new (), NULL);
  self->props_abbrev = add_props_row (self, 1, _("_Abbreviation"), gtk_entry_new (),
                                      &self->props_abbrev_label);
  gtk_entry_set_max_length (GTK_ENTRY (self->props_abbrev), 8);
  self->props_person = add_props_row (self, 2, _("_Person"), gtk_entry_new (),
                                      &self->props_person_label);

  self->props_description = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->props_description), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->props_description), FALSE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->props_description);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 280, 90);
  gtk_widget_add_css_class (scroller, "card");
  add_props_row (self, 3, _("_Description"), scroller, NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (self->props_grid),
                                                                   0, 3)),
                                 self->props_description);

  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_props_apply), self);

  for (GtkWidget *entry = self->props_name; entry != NULL;
       entry = entry == self->props_name ? self->props_abbrev
               : entry == self->props_abbrev ? self->props_person : NULL)
    gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);

  gtk_box_append (GTK_BOX (box), self->props_grid);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (GTK_POPOVER (self->props_popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->props_popover), apply);
}

static void
open_properties (RacimoMatrixView *self,
                 RacimoItem       *item)
{
  gboolean is_role = RACIMO_IS_ROLE (item);
  const char *description = racimo_item_get_description (item);

  popdown_all (self);
  ensure_props_popover (self);

  self->props_item = item;
  gtk_editable_set_text (GTK_EDITABLE (self->props_name), racimo_item_get_name (item) ?: "");
  gtk_widget_set_visible (self->props_abbrev, is_role);
  gtk_widget_set_visible (self->props_abbrev_label, is_role);
  gtk_widget_set_visible (self->props_person, is_role);
  gtk_widget_set_visible (self->props_person_label, is_role);
  if (is_role)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->props_abbrev),
                             racimo_role_get_abbrev (RACIMO_ROLE (item)) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->props_person),
                             racimo_role_get_person (RACIMO_ROLE (item)) ?: "");
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->props_description)),
                            description != NULL ? description : "", -1);

  gtk_widget_set_visible (self->props_popover, TRUE);
  present_at_item (self, self->props_popover, item);
  gtk_popover_popup (GTK_POPOVER (self->props_popover));
  gtk_widget_grab_focus (self->props_name);
}

/* Waivers */

static void
on_waive_changed (GtkEditable      *entry,
                  RacimoMatrixView *self)
{
  const char *reason = gtk_editable_get_text (entry);

  gtk_widget_set_sensitive (self->waive_button, *reason != '\0');
}

static void
on_waive_apply (GtkWidget        *widget,
                RacimoMatrixView *self)
{
  g_autofree char *reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->waive_entry)));

  g_strstrip (reason);
  if (self->waive_item == NULL || *reason == '\0')
    return;

  racimo_project_set_waiver (self->project, self->waive_item, self->waive_check, reason);
  gtk_popover_popdown (GTK_POPOVER (self->waive_popover));
}

static void
open_waive (RacimoMatrixView *self,
            RacimoItem       *item,
            const char       *check_id)
{
  g_autofree char *text = NULL;
  const char *old_reason;
  RacimoCheck check;
  GtkWidget *box;

  if (!racimo_check_from_id (check_id, &check))
    return;

  popdown_all (self);

  if (self->waive_popover == NULL)
    {
      self->waive_popover = new_popover (self);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      self->waive_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->waive_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (self->waive_label), 40);
      gtk_label_set_xalign (GTK_LABEL (self->waive_label), 0);
      self->waive_entry = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (self->waive_entry), 36);
      gtk_label_set_mnemonic_widget (GTK_LABEL (self->waive_label), self->waive_entry);
      self->waive_button = gtk_button_new_with_mnemonic (_("_Waive"));
      gtk_widget_add_css_class (self->waive_button, "suggested-action");
      gtk_widget_set_halign (self->waive_button, GTK_ALIGN_END);
      g_signal_connect (self->waive_entry, "changed", G_CALLBACK (on_waive_changed), self);
      g_signal_connect (self->waive_entry, "activate", G_CALLBACK (on_waive_apply), self);
      g_signal_connect (self->waive_button, "clicked", G_CALLBACK (on_waive_apply), self);
      gtk_box_append (GTK_BOX (box), self->waive_label);
      gtk_box_append (GTK_BOX (box), self->waive_entry);
      gtk_box_append (GTK_BOX (box), self->waive_button);
      gtk_popover_set_child (GTK_POPOVER (self->waive_popover), box);
    }

  self->waive_item = item;
  g_free (self->waive_check);
  self->waive_check = g_strdup (check_id);

  /* Translators: %s is the title of a check, such as "No owner" */
  text = g_strdup_printf (_("Why is “%s” acceptable _here?"),
                          _(racimo_check_get_title (check)));
  gtk_label_set_text_with_mnemonic (GTK_LABEL (self->waive_label), text);
  old_reason = racimo_item_get_waiver_reason (item, check_id);
  gtk_editable_set_text (GTK_EDITABLE (self->waive_entry), old_reason != NULL ? old_reason : "");
  on_waive_changed (GTK_EDITABLE (self->waive_entry), self);

  gtk_widget_set_visible (self->waive_popover, TRUE);
  present_at_item (self, self->waive_popover, item);
  gtk_popover_popup (GTK_POPOVER (self->waive_popover));
  gtk_widget_grab_focus (self->waive_entry);
}

/* Context menus and the view's actions */

static void
fill_dynamic_section (RacimoMatrixView *self,
                      GMenu            *section,
                      RacimoItem       *item)
{
  g_menu_remove_all (section);

  if (RACIMO_IS_ACTIVITY (item))
    g_menu_append (section,
                   racimo_activity_get_applicable (RACIMO_ACTIVITY (item))
                   ? _("Mark _Not Applicable") : _("Mark _Applicable"),
                   "matrix.toggle-applicable");

  for (guint i = 0; i < RACIMO_N_CHECKS; i++)
    {
      const char *id = racimo_check_get_id ((RacimoCheck) i);
      const char *title = _(racimo_check_get_title ((RacimoCheck) i));
      gboolean waived = racimo_item_get_waiver_reason (item, id) != NULL;
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      if (waived)
        {
          /* Translators: %s is the title of a check, such as "No owner" */
          label = g_strdup_printf (_("Remove Waiver of “%s”"), title);
          action = g_strdup_printf ("matrix.unwaive::%s", id);
        }
      else if (self->checks != NULL
               && racimo_checks_item_has (self->checks, item, (RacimoCheck) i))
        {
          /* Translators: %s is the title of a check, such as "No owner" */
          label = g_strdup_printf (_("Waive “%s”…"), title);
          action = g_strdup_printf ("matrix.waive::%s", id);
        }
      else
        continue;

      g_menu_append (section, label, action);
    }
}

static void
open_context_menu (RacimoMatrixView   *self,
                   RacimoItem         *item,
                   const GdkRectangle *area)
{
  GMenuModel *model;
  GMenu *section;

  if (item == NULL)
    return;

  if (RACIMO_IS_ACTIVITY (item))
    {
      model = self->activity_menu;
      section = self->activity_section;
    }
  else if (RACIMO_IS_PHASE (item))
    {
      model = self->phase_menu;
      section = self->phase_section;
    }
  else
    {
      model = self->role_menu;
      section = self->role_section;
    }

  popdown_all (self);
  self->menu_item = item;
  fill_dynamic_section (self, section, item);

  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      g_signal_connect (self->context_menu, "closed", G_CALLBACK (on_popover_closed), self);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), area);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* The item a keyboard command or a menu applies to. */
static RacimoItem *
cursor_item (RacimoMatrixView *self)
{
  if (self->cursor_row == RACIMO_MATRIX_HEADER_ROW)
    return RACIMO_ITEM (column_role (self, self->cursor_column));
  if (self->cursor_row >= 0 && (guint) self->cursor_row < n_rows (self))
    return get_row (self, (guint) self->cursor_row)->item;
  return NULL;
}

static void
open_context_menu_at_cursor (RacimoMatrixView *self)
{
  RacimoItem *item = cursor_item (self);
  graphene_rect_t rect;
  GdkRectangle area;

  if (item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  get_cell_rect (self, self->cursor_row, self->cursor_row < 0 ? self->cursor_column : -1, &rect);
  area = (GdkRectangle) { (int) rect.origin.x + self->pad,
                          (int) (rect.origin.y + rect.size.height), 1, 1 };
  open_context_menu (self, item, &area);
}

static RacimoItem *
menu_target (RacimoMatrixView *self)
{
  /* The item may have gone since the menu opened, with an undo. */
  if (self->menu_item == NULL || self->project == NULL)
    return NULL;

  ensure_rows (self);
  if (RACIMO_IS_ROLE (self->menu_item) ? lookup_column (self, self->menu_item) < 0
                                       : lookup_row (self, self->menu_item) < 0)
    return NULL;

  return self->menu_item;
}

static void
focus_item (RacimoMatrixView *self,
            RacimoItem       *item)
{
  int row, column;

  item_cell (self, item, &row, &column);
  if (row >= 0 || column >= 0)
    set_cursor_full (self, row, column, FALSE);
}

static void
insert_next_to (RacimoMatrixView *self,
                RacimoItem       *item,
                int               after)
{
  if (RACIMO_IS_ACTIVITY (item))
    {
      RacimoPhase *phase = racimo_activity_get_phase (RACIMO_ACTIVITY (item));

      insert_activity (self, phase, racimo_phase_index_of (phase, RACIMO_ACTIVITY (item)) + after);
    }
  else if (RACIMO_IS_PHASE (item))
    insert_phase (self,
                  racimo_project_index_of_phase (self->project, RACIMO_PHASE (item)) + after);
  else if (RACIMO_IS_ROLE (item))
    insert_role (self, racimo_project_index_of_role (self->project, RACIMO_ROLE (item)) + after);
}

static void
action_insert (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (item != NULL)
    insert_next_to (self, item, g_str_equal (action_name, "matrix.insert-after") ? 1 : 0);
}

static void
action_add_to_phase (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (RACIMO_IS_PHASE (item))
    insert_activity (self, RACIMO_PHASE (item), -1);
}

static void
action_rename (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (item == NULL)
    return;

  focus_item (self, item);
  racimo_matrix_view_start_rename (self, NULL);
}

static void
action_properties (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (item == NULL)
    return;

  focus_item (self, item);
  open_properties (self, item);
}

static void
action_toggle_applicable (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (RACIMO_IS_ACTIVITY (item))
    racimo_project_set_applicable (self->project, RACIMO_ACTIVITY (item),
                                   !racimo_activity_get_applicable (RACIMO_ACTIVITY (item)));
}

static void
action_waive (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (item != NULL)
    open_waive (self, item, g_variant_get_string (parameter, NULL));
}

static void
action_unwaive (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (item != NULL)
    racimo_project_set_waiver (self->project, item, g_variant_get_string (parameter, NULL), NULL);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  /* No question asked: undo brings it back. */
  if (item != NULL)
    delete_item (self, item);
}

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_to_clipboard (RACIMO_MATRIX_VIEW (widget));
}

static void
action_paste (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  paste_from_clipboard (RACIMO_MATRIX_VIEW (widget));
}

static void
action_edit_codes (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  open_codes_popover (self, self->cursor_row, self->cursor_column);
}

/* The keyboard */

static void
select_all (RacimoMatrixView *self)
{
  int nr = (int) n_rows (self), nc = (int) n_columns (self);

  if (nr == 0 && nc == 0)
    return;

  set_cursor_full (self, MAX (nr - 1, 0), nc - 1, FALSE);
  self->anchor_row = nc > 0 ? RACIMO_MATRIX_HEADER_ROW : 0;
  self->anchor_column = RACIMO_MATRIX_NAME_COLUMN;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_cursor (RacimoMatrixView *self,
             int               row,
             int               column,
             gboolean          extend)
{
  /* Nothing sits above the names: stay in the first row. */
  if (row == RACIMO_MATRIX_HEADER_ROW && column < 0)
    row = 0;
  if (row < RACIMO_MATRIX_HEADER_ROW)
    row = RACIMO_MATRIX_HEADER_ROW;

  set_cursor_full (self, row, column, extend);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RacimoMatrixView      *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  int row = self->cursor_row, column = self->cursor_column;
  int last_row, last_column, page;
  gunichar c;

  if (self->project == NULL)
    return FALSE;

  ensure_rows (self);
  last_row = (int) n_rows (self) - 1;
  last_column = (int) n_columns (self) - 1;
  page = MAX (body_height (self) / MAX (self->row_height, 1) - 1, 1);

  if (alt && !ctrl)
    {
      int drow = 0, dcolumn = 0;

      switch (keyval)
        {
        case GDK_KEY_Up: case GDK_KEY_KP_Up: drow = -1; break;
        case GDK_KEY_Down: case GDK_KEY_KP_Down: drow = 1; break;
        case GDK_KEY_Left: case GDK_KEY_KP_Left: dcolumn = -1; break;
        case GDK_KEY_Right: case GDK_KEY_KP_Right: dcolumn = 1; break;
        default: return FALSE;
        }

      if (!move_under_cursor (self, drow, dcolumn))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_cursor (self, row - 1, column, shift);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_cursor (self, MIN (row + 1, last_row), column, shift);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_cursor (self, row, MAX (column - 1, row < 0 ? 0 : -1), shift);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_cursor (self, row, MIN (column + 1, last_column), shift);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (ctrl)
        move_cursor (self, 0, column, shift);
      else
        move_cursor (self, row, row < 0 ? 0 : RACIMO_MATRIX_NAME_COLUMN, shift);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (ctrl)
        move_cursor (self, last_row, column, shift);
      else
        move_cursor (self, row, last_column, shift);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_cursor (self, MAX (row - page, 0), column, shift);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_cursor (self, MIN (row + page, last_row), column, shift);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (ctrl || alt)
        return FALSE;
      racimo_matrix_view_start_rename (self, NULL);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (ctrl || alt)
        return FALSE;
      if (!clear_selection (self))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;

    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (ctrl || alt || row_activity (self, row) == NULL || column < 0)
        return FALSE;
      open_codes_popover (self, row, column);
      return TRUE;

    case GDK_KEY_Menu:
      open_context_menu_at_cursor (self);
      return TRUE;

    case GDK_KEY_F10:
      if (!shift)
        return FALSE;
      open_context_menu_at_cursor (self);
      return TRUE;

    case GDK_KEY_Insert:
    case GDK_KEY_KP_Insert:
      if (ctrl || alt || shift)
        return FALSE;
      if (row == RACIMO_MATRIX_HEADER_ROW)
        racimo_matrix_view_add_role (self);
      else
        racimo_matrix_view_add_activity (self);
      return TRUE;

    case GDK_KEY_Escape:
      if (!has_multiple_selection (self))
        return FALSE;
      set_cursor_full (self, row, column, FALSE);
      return TRUE;

    default:
      break;
    }

  if (ctrl && !alt)
    {
      switch (gdk_keyval_to_lower (keyval))
        {
        case GDK_KEY_c:
          copy_to_clipboard (self);
          return TRUE;
        case GDK_KEY_v:
          paste_from_clipboard (self);
          return TRUE;
        case GDK_KEY_a:
          select_all (self);
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (ctrl || alt)
    return FALSE;

  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || !g_unichar_isprint (c))
    return FALSE;

  /* A code's letter toggles it in the cell; typing on a name renames. */
  if (row >= 0 && column >= 0)
    {
      char code = (char) g_unichar_toupper (c);

      if (c < 128 && RACIMO_CODE_IS_VALID (code)
          && racimo_scheme_code_index (get_scheme (self), code) >= 0
          && toggle_code (self, code))
        return TRUE;

      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  else
    {
      char text[7] = { 0 };

      g_unichar_to_utf8 (c, text);
      racimo_matrix_view_start_rename (self, text);
      return TRUE;
    }
}

/* The mouse */

static gboolean
in_selection (RacimoMatrixView *self,
              int               row,
              int               column)
{
  int r0, c0, r1, c1;

  get_selection (self, &r0, &c0, &r1, &c1);
  return row >= r0 && row <= r1 && column >= c0 && column <= c1;
}

static void
on_click_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  RacimoMatrixView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  int row, column;
  HitArea area;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (self->project == NULL)
    return;

  ensure_rows (self);
  area = hit_test (self, x, y, &row, &column);
  if (area != HIT_CELL && area != HIT_NAME && area != HIT_HEADER)
    return;

  if (button == GDK_BUTTON_SECONDARY)
    {
      GdkRectangle point = { (int) x, (int) y, 1, 1 };

      if (!in_selection (self, row, column))
        set_cursor_full (self, row, column, FALSE);
      open_context_menu (self, area == HIT_HEADER ? RACIMO_ITEM (column_role (self, column))
                                                  : get_row (self, (guint) row)->item,
                         &point);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  set_cursor_full (self, row, column, (state & GDK_SHIFT_MASK) != 0);

  if (n_press == 2 && (area == HIT_NAME || area == HIT_HEADER))
    racimo_matrix_view_start_rename (self, NULL);
}

static void
on_click_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   RacimoMatrixView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  int row, column;

  if (self->project == NULL || button != GDK_BUTTON_PRIMARY || n_press != 1
      || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0
      || (self->drag_mode != DRAG_NONE && self->drag_mode != DRAG_PENDING))
    return;

  /* A click on a cell offers its codes. */
  if (hit_test (self, x, y, &row, &column) == HIT_CELL && row_activity (self, row) != NULL)
    open_codes_popover (self, row, column);
}

/* Dragging: activities, phases and roles move; over cells, it selects. */

static int
activity_drop_index (RacimoMatrixView *self,
                     double            y)
{
  double rows = (y - self->header_height + vvalue (self)) / self->row_height;
  int index = (int) floor (rows + 0.5);

  /* Below a phase's header is the start of that phase. */
  index = CLAMP (index, 0, (int) n_rows (self));
  if (index == 0 && n_rows (self) > 0 && get_row (self, 0)->is_phase)
    index = 1;

  return index;
}

/* The row of the phase header a phase would be dropped before, or the
 * end: the phase boundary nearest to @y. */
static int
phase_drop_index (RacimoMatrixView *self,
                  double            y)
{
  int row = (int) floor ((y - self->header_height + vvalue (self)) / self->row_height);
  int start, end;

  row = CLAMP (row, 0, (int) n_rows (self) - 1);
  start = row;
  while (start > 0 && !get_row (self, (guint) start)->is_phase)
    start--;
  end = row + 1;
  while (end < (int) n_rows (self) && !get_row (self, (guint) end)->is_phase)
    end++;

  return (double) (row - start) < (double) (end - start) / 2 ? start : end;
}

static int
role_drop_index (RacimoMatrixView *self,
                 double            x)
{
  double columns = (x - self->name_width + hvalue (self)) / self->column_width;

  return CLAMP ((int) floor (columns + 0.5), 0, (int) n_columns (self));
}

static void
update_drop (RacimoMatrixView *self)
{
  switch (self->drag_mode)
    {
    case DRAG_ACTIVITY:
      self->drop_index = activity_drop_index (self, self->drag_y);
      break;
    case DRAG_PHASE:
      self->drop_index = phase_drop_index (self, self->drag_y);
      break;
    case DRAG_ROLE:
      self->drop_index = role_drop_index (self, self->drag_x);
      break;
    case DRAG_SELECT:
      {
        int row, column;
        HitArea area = hit_test (self, CLAMP (self->drag_x, self->name_width,
                                              gtk_widget_get_width (GTK_WIDGET (self)) - 1),
                                 CLAMP (self->drag_y, self->header_height,
                                        footer_y (self) - 1),
                                 &row, &column);

        if (area == HIT_CELL)
          set_cursor_full (self, row, column, TRUE);
      }
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
autoscroll_tick (gpointer data)
{
  RacimoMatrixView *self = data;
  double dy = 0, dx = 0;
  double edge_top = self->header_height + self->row_height / 2.0;
  double edge_bottom = footer_y (self) - self->row_height / 2.0;
  double edge_left = self->name_width + self->column_width / 2.0;
  double edge_right = gtk_widget_get_width (GTK_WIDGET (self)) - self->column_width / 2.0;

  if (self->drag_mode != DRAG_ROLE)
    {
      if (self->drag_y < edge_top)
        dy = -(edge_top - self->drag_y) / 2 - 2;
      else if (self->drag_y > edge_bottom)
        dy = (self->drag_y - edge_bottom) / 2 + 2;
    }
  if (self->drag_mode == DRAG_ROLE || self->drag_mode == DRAG_SELECT)
    {
      if (self->drag_x < edge_left && self->drag_mode == DRAG_ROLE)
        dx = -(edge_left - self->drag_x) / 2 - 2;
      else if (self->drag_x > edge_right)
        dx = (self->drag_x - edge_right) / 2 + 2;
    }

  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment) + dy);
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) + dx);
  if (dx != 0 || dy != 0)
    update_drop (self);

  return G_SOURCE_CONTINUE;
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               RacimoMatrixView *self)
{
  int row, column;

  self->drag_mode = DRAG_NONE;
  if (self->project == NULL
      || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture))
         != GDK_BUTTON_PRIMARY)
    return;

  ensure_rows (self);
  self->drag_area = hit_test (self, x, y, &row, &column);
  self->drag_row = row;
  self->drag_column = column;
  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;

  if (self->drag_area == HIT_NAME || self->drag_area == HIT_HEADER || self->drag_area == HIT_CELL)
    self->drag_mode = DRAG_PENDING;
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                RacimoMatrixView *self)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  self->drag_x = self->drag_start_x + dx;
  self->drag_y = self->drag_start_y + dy;

  if (self->drag_mode == DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_start_x,
                                     (int) self->drag_start_y, (int) self->drag_x,
                                     (int) self->drag_y))
        return;

      if (self->drag_area == HIT_HEADER)
        self->drag_mode = DRAG_ROLE;
      else if (self->drag_area == HIT_CELL)
        self->drag_mode = DRAG_SELECT;
      else if (get_row (self, (guint) self->drag_row)->is_phase)
        self->drag_mode = DRAG_PHASE;
      else
        self->drag_mode = DRAG_ACTIVITY;

      popdown_all (self);
      if (self->autoscroll_id == 0)
        self->autoscroll_id = g_timeout_add (30, autoscroll_tick, self);
    }

  update_drop (self);
}

static void
drop_activity (RacimoMatrixView *self,
               RacimoActivity   *activity,
               int               index)
{
  RacimoPhase *phase;
  RacimoPhase *old_phase = racimo_activity_get_phase (activity);
  int position;

  if (index > 0 && get_row (self, (guint) index - 1)->is_phase)
    {
      phase = RACIMO_PHASE (get_row (self, (guint) index - 1)->item);
      position = 0;
    }
  else if (index > 0)
    {
      RacimoActivity *before = RACIMO_ACTIVITY (get_row (self, (guint) index - 1)->item);

      if (before == activity)
        return;
      phase = racimo_activity_get_phase (before);
      position = racimo_phase_index_of (phase, before) + 1;
    }
  else
    {
      phase = racimo_project_get_phase (self->project, 0);
      position = 0;
    }

  /* Positions count without the activity in its old place. */
  if (phase == old_phase && position > racimo_phase_index_of (phase, activity))
    position--;

  racimo_project_move_activity (self->project, activity, phase, (guint) position);
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             RacimoMatrixView *self)
{
  DragMode mode = self->drag_mode;
  RacimoItem *item = NULL;

  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (mode == DRAG_ACTIVITY || mode == DRAG_PHASE)
    item = get_row (self, (guint) self->drag_row)->item;
  else if (mode == DRAG_ROLE)
    item = RACIMO_ITEM (column_role (self, self->drag_column));

  switch (mode)
    {
    case DRAG_ACTIVITY:
      drop_activity (self, RACIMO_ACTIVITY (item), self->drop_index);
      break;

    case DRAG_PHASE:
      {
        int from = racimo_project_index_of_phase (self->project, RACIMO_PHASE (item));
        int to = (int) racimo_project_get_n_phases (self->project);

        /* Before the phase whose header is there: phases a search hides
         * have no header to count. */
        if (self->drop_index < (int) n_rows (self))
          to = racimo_project_index_of_phase (self->project,
                                              phase_of_row (self, self->drop_index));
        if (to > from)
          to--;
        racimo_project_move_phase (self->project, RACIMO_PHASE (item), (guint) to);
      }
      break;

    case DRAG_ROLE:
      {
        int to = self->drop_index > self->drag_column ? self->drop_index - 1 : self->drop_index;

        racimo_project_move_role (self->project, RACIMO_ROLE (item), (guint) to);
      }
      break;

    case DRAG_SELECT:
    case DRAG_PENDING:
    case DRAG_NONE:
    default:
      return;
    }

  ensure_rows (self);
  focus_item (self, item);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                RacimoMatrixView *self)
{
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tooltips */

static void append_markup (GString    *markup,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

/* Names and descriptions are the users' own text: escaped for markup. */
static void
append_markup (GString    *markup,
               const char *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);

  g_string_append (markup, text);
}

static gboolean
racimo_matrix_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  g_autoptr(GString) markup = g_string_new (NULL);
  graphene_rect_t rect;
  int row, column;
  HitArea area;

  if (self->project == NULL || self->drag_mode != DRAG_NONE)
    return FALSE;

  /* A tooltip would cover the menu or popover just opened. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return FALSE;

  ensure_rows (self);
  if (keyboard_mode)
    {
      row = self->cursor_row;
      column = self->cursor_column;
      area = row < 0 ? HIT_HEADER : column < 0 ? HIT_NAME : HIT_CELL;
    }
  else
    area = hit_test (self, x, y, &row, &column);

  if (area == HIT_HEADER && column_role (self, column) != NULL)
    {
      RacimoRole *role = column_role (self, column);
      const char *abbrev = racimo_role_get_abbrev (role);
      const char *person = racimo_role_get_person (role);
      const char *description = racimo_item_get_description (RACIMO_ITEM (role));

      append_markup (markup, "<b>%s</b>",
                              item_name_or (RACIMO_ITEM (role), _("Unnamed role")));
      if (abbrev != NULL && *abbrev != '\0')
        append_markup (markup, " (%s)", abbrev);
      if (person != NULL && *person != '\0')
        /* Translators: in a role's tooltip: the person who fills the role */
        append_markup (markup, _("\nPerson: %s"), person);
      if (description != NULL && *description != '\0')
        append_markup (markup, "\n\n%s", description);
      get_cell_rect (self, RACIMO_MATRIX_HEADER_ROW, column, &rect);
    }
  else if (area == HIT_NAME && row >= 0 && (guint) row < n_rows (self))
    {
      Row *r = get_row (self, (guint) row);
      const char *description = racimo_item_get_description (r->item);

      append_markup (markup, "<b>%s</b>",
                              item_name_or (r->item, r->is_phase ? _("Unnamed phase")
                                                                 : _("Unnamed activity")));
      if (!r->is_phase)
        {
          RacimoRowProblem problem = row_problem (self, (guint) row);

          if (!racimo_activity_get_applicable (RACIMO_ACTIVITY (r->item)))
            append_markup (markup, "\n%s", _("Does not apply to this project"));
          else if (problem == RACIMO_ROW_PROBLEM_WAIVED)
            {
              const char *reason =
                racimo_item_get_waiver_reason (r->item,
                                               racimo_check_get_id (RACIMO_CHECK_NO_OWNER));

              if (reason == NULL)
                reason = racimo_item_get_waiver_reason (
                  r->item, racimo_check_get_id (RACIMO_CHECK_MANY_OWNERS));
              append_markup (markup, "\n%s\n", problem_text (problem));
              /* Translators: %s is the reason a user gave for a waiver */
              append_markup (markup, _("Reason: %s"), reason != NULL ? reason : "");
            }
          else if (problem != RACIMO_ROW_PROBLEM_NONE)
            append_markup (markup, "\n%s", problem_text (problem));
        }
      if (description != NULL && *description != '\0')
        append_markup (markup, "\n\n%s", description);
      get_cell_rect (self, row, RACIMO_MATRIX_NAME_COLUMN, &rect);
    }
  else if (area == HIT_CELL && row_activity (self, row) != NULL)
    {
      g_autofree char *said = NULL;
      RacimoCodes codes = self->codes[row * n_columns (self) + column];

      said = racimo_scheme_describe_codes (get_scheme (self), codes);
      append_markup (markup, "<b>%s</b>\n%s: %s",
                              item_name_or (get_row (self, (guint) row)->item,
                                            _("Unnamed activity")),
                              item_name_or (RACIMO_ITEM (column_role (self, column)),
                                            _("Unnamed role")),
                              said);
      get_cell_rect (self, row, column, &rect);
    }
  else if (area == HIT_FOOTER && column_role (self, column) != NULL)
    {
      const RacimoScheme *scheme = get_scheme (self);

      if (self->workload_dirty)
        recount_workload (self);

      append_markup (markup, "<b>%s</b>",
                              item_name_or (RACIMO_ITEM (column_role (self, column)),
                                            _("Unnamed role")));
      for (guint i = 0; i < scheme->n_codes; i++)
        {
          guint n = self->workload[column * N_LETTERS + (scheme->codes[i].letter - 'A')];

          /* Translators: in the workload tooltip: "Responsible: 3 activities" */
          append_markup (markup, "\n%s: ", _(scheme->codes[i].name));
          append_markup (markup, g_dngettext (GETTEXT_PACKAGE, "%u activity",
                                              "%u activities", n), n);
        }
      append_markup (markup, "\n<small>%s</small>",
                              _("Activities that do not apply are not counted."));
      if (is_filtering (self))
        append_markup (markup, "\n<small>%s</small>",
                       _("Activities the search hides are counted too."));
      graphene_rect_init (&rect, (float) column_x (self, column), (float) footer_y (self),
                          (float) self->column_width, (float) self->footer_height);
    }
  else
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup->str);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                       (int) rect.size.width,
                                                       (int) rect.size.height });
  return TRUE;
}

/* GObject */

static void
racimo_matrix_view_focus_changed (RacimoMatrixView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
racimo_matrix_view_dispose (GObject *object)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (object);

  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  disconnect_project (self);

  g_clear_pointer (&self->codes_popover, gtk_widget_unparent);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_pointer (&self->props_popover, gtk_widget_unparent);
  g_clear_pointer (&self->waive_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  racimo_scrollable_clear_adjustment (GTK_WIDGET (self), &self->hadjustment,
                                      G_CALLBACK (on_adjustment_value_changed));
  racimo_scrollable_clear_adjustment (GTK_WIDGET (self), &self->vadjustment,
                                      G_CALLBACK (on_adjustment_value_changed));

  g_clear_object (&self->problem_icon);
  g_clear_object (&self->waived_icon);

  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_MATRIX_VIEW);

  G_OBJECT_CLASS (racimo_matrix_view_parent_class)->dispose (object);
}

static void
racimo_matrix_view_finalize (GObject *object)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->row_of, g_hash_table_unref);
  g_clear_pointer (&self->phase_shown, g_hash_table_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->column_of, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_free);
  g_clear_pointer (&self->problems, g_free);
  g_clear_pointer (&self->workload, g_free);
  g_clear_pointer (&self->name_layouts, g_hash_table_unref);
  g_clear_pointer (&self->header_texts, g_hash_table_unref);
  g_clear_pointer (&self->footer_texts, g_hash_table_unref);
  g_clear_pointer (&self->footer_pieces, g_hash_table_unref);
  g_clear_pointer (&self->code_texts, g_hash_table_unref);
  g_clear_pointer (&self->drawn_rows, g_array_unref);
  g_clear_pointer (&self->corner_text, racimo_drawn_text_free);
  g_clear_pointer (&self->workload_text, racimo_drawn_text_free);
  g_clear_pointer (&self->code_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->a11y_label, g_free);
  g_clear_pointer (&self->a11y_description, g_free);
  g_clear_pointer (&self->waive_check, g_free);

  G_OBJECT_CLASS (racimo_matrix_view_parent_class)->finalize (object);
}

static void
racimo_matrix_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_matrix_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      racimo_scrollable_set_adjustment (GTK_WIDGET (self), &self->hadjustment,
                                        g_value_get_object (value),
                                        G_CALLBACK (on_adjustment_value_changed));
      break;
    case PROP_VADJUSTMENT:
      racimo_scrollable_set_adjustment (GTK_WIDGET (self), &self->vadjustment,
                                        g_value_get_object (value),
                                        G_CALLBACK (on_adjustment_value_changed));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_matrix_view_class_init (RacimoMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_matrix_view_dispose;
  object_class->finalize = racimo_matrix_view_finalize;
  object_class->get_property = racimo_matrix_view_get_property;
  object_class->set_property = racimo_matrix_view_set_property;

  widget_class->snapshot = racimo_matrix_view_snapshot;
  widget_class->measure = racimo_matrix_view_measure;
  widget_class->size_allocate = racimo_matrix_view_size_allocate;
  widget_class->css_changed = racimo_matrix_view_css_changed;
  widget_class->query_tooltip = racimo_matrix_view_query_tooltip;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RACIMO_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RacimoMatrixView::paste-not-understood:
   * @n_cells: how many pasted cells were not codes
   * @example: the text of the first of them
   *
   * Emitted after a paste that left cells as they were, because what was
   * pasted into them could not be read as codes.
   */
  signals[PASTE_NOT_UNDERSTOOD] =
    g_signal_new ("paste-not-understood", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * RacimoMatrixView::cursor-moved:
   *
   * Emitted when the cursor was moved to another cell, header or name, by
   * the user or by racimo_matrix_view_set_cursor() and the like.  Not
   * emitted when the rows change under it.
   */
  signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* Referencing the resource keeps its object file, and so the
   * constructor that registers it, in the link of any program or test. */
  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoMatrixView, activity_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoMatrixView, phase_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoMatrixView, role_menu);
  gtk_widget_class_bind_template_child (widget_class, RacimoMatrixView, activity_section);
  gtk_widget_class_bind_template_child (widget_class, RacimoMatrixView, phase_section);
  gtk_widget_class_bind_template_child (widget_class, RacimoMatrixView, role_section);

  gtk_widget_class_install_action (widget_class, "matrix.insert-before", NULL, action_insert);
  gtk_widget_class_install_action (widget_class, "matrix.insert-after", NULL, action_insert);
  gtk_widget_class_install_action (widget_class, "matrix.add-to-phase", NULL,
                                   action_add_to_phase);
  gtk_widget_class_install_action (widget_class, "matrix.rename", NULL, action_rename);
  gtk_widget_class_install_action (widget_class, "matrix.properties", NULL, action_properties);
  gtk_widget_class_install_action (widget_class, "matrix.toggle-applicable", NULL,
                                   action_toggle_applicable);
  gtk_widget_class_install_action (widget_class, "matrix.waive", "s", action_waive);
  gtk_widget_class_install_action (widget_class, "matrix.unwaive", "s", action_unwaive);
  gtk_widget_class_install_action (widget_class, "matrix.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "matrix.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "matrix.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "matrix.edit-codes", NULL, action_edit_codes);

  gtk_widget_class_set_css_name (widget_class, "matrixview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
racimo_matrix_view_init (RacimoMatrixView *self)
{
  GtkEventController *keys;
  GtkGesture *click, *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->row_of = g_hash_table_new (NULL, NULL);
  self->phase_shown = g_hash_table_new (NULL, NULL);
  self->roles = g_ptr_array_new ();
  self->column_of = g_hash_table_new (NULL, NULL);
  self->name_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->header_texts = g_hash_table_new_full (NULL, NULL, NULL, racimo_drawn_text_free);
  self->footer_texts = g_hash_table_new_full (NULL, NULL, NULL, racimo_drawn_text_free);
  self->footer_pieces = g_hash_table_new_full (NULL, NULL, NULL,
                                               racimo_drawn_text_free);
  self->code_texts = g_hash_table_new_full (NULL, NULL, NULL, racimo_drawn_text_free);
  self->drawn_rows = g_array_new (FALSE, TRUE, sizeof (DrawnRow));
  g_array_set_clear_func (self->drawn_rows, drawn_row_clear);
  self->code_buttons = g_ptr_array_new ();
  self->codes_row = self->codes_column = -2;
  self->rows_dirty = TRUE;
  self->metrics_dirty = TRUE;
  self->row_height = self->column_width = 1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_group (click, drag);

  g_signal_connect_swapped (self, "notify::has-focus",
                            G_CALLBACK (racimo_matrix_view_focus_changed), self);
  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                                 G_CALLBACK (on_dark_changed), self);

  ensure_rows (self);
  update_accessible (self);
}

GtkWidget *
racimo_matrix_view_new (void)
{
  return g_object_new (RACIMO_TYPE_MATRIX_VIEW, NULL);
}
