/* racimo-pagination-compare.c: the changes of compare mode on paper
 *
 * When the options carry what another copy changed (the window's compare
 * mode, or `racimo --export OUT.pdf --compare OTHER FILE`), the pages mark
 * each changed cell and row as the grid does, with a shape as well as a
 * colour, so that a review on paper reads in black and white: a changed
 * cell is outlined, with a square in its lower left corner; a changed row
 * has a bar at its left edge and a sign before its name, a square
 * (changed), two bars (moved) or a cross with a line through the name
 * (removed by the other copy).  A line over the title says what was
 * compared, and the legend explains each mark used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-differences.h"
#include "racimo-pagination-private.h"

#define BAR_WIDTH  1.8
#define SIGN_SIZE  5.0
#define SIGN_GAP   2.0
#define CELL_INSET 1.0
#define CELL_LINE  1.2
#define CORNER     3.0

/* A change of a cell, before the role has its column */
typedef struct
{
  RacimoDifferenceKind  kind;
  RacimoRole           *role;  /* unowned; NULL for the row itself */
} Pending;

typedef struct
{
  guint  role;  /* into self->roles */
  RacimoDifferenceKind kind;
} CellMark;

typedef struct
{
  guint   kinds;  /* 1 << RacimoDifferenceKind, of the row itself */
  GArray *cells;  /* CellMark; nullable */
} RowMarks;

struct _RacimoPaginationCompare
{
  GHashTable *pending;   /* activity id -> GArray of Pending; until the rows are built */
  GHashTable *rows;      /* row index -> RowMarks */
  Text       *line;      /* "Changes from ..." */
  double      sign_x;    /* where the rows' signs start, in table units */
  guint       max_signs; /* the most signs a row has */
};

/* The order of a row's signs, and which kind gives its bar the colour:
 * the first one it has. */
static const RacimoDifferenceKind row_kinds[] = {
  RACIMO_DIFFERENCE_REMOVED, RACIMO_DIFFERENCE_MOVED, RACIMO_DIFFERENCE_CHANGED,
};

static void
row_marks_free (gpointer data)
{
  RowMarks *marks = data;

  g_clear_pointer (&marks->cells, g_array_unref);
  g_free (marks);
}

void
_racimo_pagination_compare_free (RacimoPaginationCompare *compare)
{
  g_clear_pointer (&compare->pending, g_hash_table_unref);
  g_clear_pointer (&compare->rows, g_hash_table_unref);
  g_free (compare);
}

/* GNOME's palette, as the grid draws the marks on a light background */
static const char *
kind_ink (RacimoPagination     *self,
          RacimoDifferenceKind  kind)
{
  static const char * const colors[] = {
    [RACIMO_DIFFERENCE_ADDED] = "#26a269",
    [RACIMO_DIFFERENCE_REMOVED] = "#c01c28",
    [RACIMO_DIFFERENCE_MOVED] = "#1c71d8",
    [RACIMO_DIFFERENCE_CHANGED] = "#c64600",
  };

  return _racimo_pagination_ink (self, colors[kind]);
}

/**
 * _racimo_pagination_compare_build_title:
 *
 * In compare mode, sorts the changes by activity and makes the line over
 * the title, which takes its height from the title's block.
 */
void
_racimo_pagination_compare_build_title (RacimoPagination *self,
                                        RacimoProject    *project)
{
  GPtrArray *changes = self->options->changes;
  const char *name = self->options->compared_with;
  RacimoPaginationCompare *compare;
  g_autofree char *line = NULL;
  guint n_unshown = 0;

  if (changes == NULL)
    return;
  if (name == NULL)
    name = _("the other copy");

  compare = self->compare = g_new0 (RacimoPaginationCompare, 1);
  compare->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_array_unref);
  compare->rows = g_hash_table_new_full (NULL, NULL, NULL, row_marks_free);

  for (guint i = 0; i < changes->len; i++)
    {
      const RacimoDifference *change = g_ptr_array_index (changes, i);
      RacimoItem *activity = racimo_project_lookup (project, change->activity_id);
      RacimoItem *role = change->role_id != NULL ? racimo_project_lookup (project, change->role_id)
                                                 : NULL;
      Pending pending = { change->kind, NULL };
      GArray *list;

      /* The project's, a role's, a phase's or a person's own change: no
       * activity's row to mark (racimo-differences.h) */
      if (change->activity_id[0] == '\0')
        continue;
      /* What only the other copy has, an activity or a role, has no row
       * or column here to be marked in. */
      if (!RACIMO_IS_ACTIVITY (activity) || (change->role_id != NULL && !RACIMO_IS_ROLE (role)))
        {
          n_unshown++;
          continue;
        }
      pending.role = change->role_id != NULL ? RACIMO_ROLE (role) : NULL;
      list = g_hash_table_lookup (compare->pending, change->activity_id);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Pending));
          g_hash_table_insert (compare->pending, change->activity_id, list);
        }
      g_array_append_val (list, pending);
    }

  if (changes->len == 0)
    /* Translators: on top of every printed page in compare mode; %s is
     * the name of the file compared with */
    line = g_strdup_printf (_("No changes from “%s”"), name);
  else if (n_unshown == 0)
    /* Translators: on top of every printed page in compare mode; %s is
     * the name of the file compared with */
    line = g_strdup_printf (_("Changes from “%s”"), name);
  else
    /* Translators: on top of every printed page in compare mode; %s is
     * the name of the file compared with, %u a number of changes */
    line = g_strdup_printf (ngettext ("Changes from “%s” (%u change is not shown: it is in an "
                                      "activity or a role that only that copy has)",
                                      "Changes from “%s” (%u changes are not shown: they are in "
                                      "activities or roles that only that copy has)",
                                      n_unshown),
                            name, n_unshown);

  compare->line = _racimo_pagination_add_text (self, FONT_BOLD, line, NULL);
  pango_layout_set_single_paragraph_mode (compare->line->layout, TRUE);
  _racimo_text_ellipsize (compare->line, self->content_width);
  self->title_height += compare->line->height + GAP / 2;
}

/**
 * _racimo_pagination_compare_insert_row:
 * @index: where a row was put into self->rows: the rest of an activity
 *   that a page cut (racimo-pagination.c, split_row ())
 *
 * The marks of the rows from @index on go with their rows, one further
 * down; the rest of the activity has none, its first part keeps them.
 */
void
_racimo_pagination_compare_insert_row (RacimoPagination *self,
                                       guint             index)
{
  RacimoPaginationCompare *compare = self->compare;
  GHashTable *rows;
  GHashTableIter iter;
  gpointer key, value;

  if (compare == NULL || compare->rows == NULL)
    return;

  rows = g_hash_table_new_full (NULL, NULL, NULL, row_marks_free);
  g_hash_table_iter_init (&iter, compare->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint row = GPOINTER_TO_UINT (key);

      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (rows, GUINT_TO_POINTER (row >= index ? row + 1 : row), value);
    }
  g_hash_table_unref (compare->rows);
  compare->rows = rows;
}

/**
 * _racimo_pagination_compare_add_row:
 * @activity: the activity of the row just added to self->rows
 *
 * Keeps the marks of the row, in the columns printed.
 */
void
_racimo_pagination_compare_add_row (RacimoPagination *self,
                                    RacimoActivity   *activity)
{
  RacimoPaginationCompare *compare = self->compare;
  GArray *pending;
  RowMarks *marks;
  guint n_signs = 0;

  if (compare == NULL || compare->pending == NULL ||
      (pending = g_hash_table_lookup (compare->pending,
                                      racimo_item_get_id (RACIMO_ITEM (activity)))) == NULL)
    return;

  marks = g_new0 (RowMarks, 1);
  for (guint i = 0; i < pending->len; i++)
    {
      const Pending *change = &g_array_index (pending, Pending, i);
      CellMark cell = { 0, change->kind };
      gpointer index;

      if (change->role == NULL)
        marks->kinds |= 1u << change->kind;
      else if (g_hash_table_lookup_extended (self->role_index, change->role, NULL, &index))
        {
          cell.role = GPOINTER_TO_UINT (index);
          if (marks->cells == NULL)
            marks->cells = g_array_new (FALSE, FALSE, sizeof (CellMark));
          g_array_append_val (marks->cells, cell);
        }
    }
  for (guint k = 0; k < G_N_ELEMENTS (row_kinds); k++)
    n_signs += (marks->kinds & (1u << row_kinds[k])) != 0;
  compare->max_signs = MAX (compare->max_signs, n_signs);

  g_hash_table_insert (compare->rows, GUINT_TO_POINTER (self->rows->len - 1), marks);
}

/**
 * _racimo_pagination_compare_reserve:
 *
 * Returns: the width the rows' signs take in the gutter before the names,
 *   in table units, from where the gutter has come to
 */
double
_racimo_pagination_compare_reserve (RacimoPagination *self)
{
  RacimoPaginationCompare *compare = self->compare;

  if (compare == NULL)
    return 0.0;

  /* The cells' roles are known: what is pending is no longer needed. */
  g_clear_pointer (&compare->pending, g_hash_table_unref);
  if (compare->max_signs == 0)
    return 0.0;

  compare->sign_x = MAX (self->gutter, BAR_WIDTH + PAD);
  return compare->sign_x - self->gutter + compare->max_signs * (SIGN_SIZE + SIGN_GAP);
}

static void
add_chip (RacimoPagination *self,
          ChipKind          kind,
          const char       *label)
{
  Chip chip = { kind, _racimo_pagination_add_text (self, FONT_SMALL, label, NULL), 0.0, 0.0 };

  g_array_append_val (self->chips, chip);
}

/**
 * _racimo_pagination_compare_add_chips:
 *
 * A legend entry for each kind of mark the rows use.
 */
void
_racimo_pagination_compare_add_chips (RacimoPagination *self)
{
  GHashTableIter iter;
  gpointer value;
  guint kinds = 0;
  gboolean cells = FALSE;

  if (self->compare == NULL)
    return;

  g_hash_table_iter_init (&iter, self->compare->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const RowMarks *marks = value;

      kinds |= marks->kinds;
      cells |= marks->cells != NULL;
    }

  if (cells)
    /* Translators: in the legend of a printout in compare mode */
    add_chip (self, CHIP_CHANGED_CELL, _("Changed cell"));
  if (kinds & (1u << RACIMO_DIFFERENCE_CHANGED))
    /* Translators: in the legend of a printout in compare mode */
    add_chip (self, CHIP_CHANGED_ROW, _("Changed activity"));
  if (kinds & (1u << RACIMO_DIFFERENCE_MOVED))
    /* Translators: in the legend of a printout in compare mode */
    add_chip (self, CHIP_MOVED_ROW, _("Moved activity"));
  if (kinds & (1u << RACIMO_DIFFERENCE_REMOVED))
    /* Translators: in the legend of a printout in compare mode: an
     * activity that the other copy removed */
    add_chip (self, CHIP_REMOVED_ROW, _("Removed activity"));
}

void
_racimo_pagination_compare_draw_title (RacimoPagination *self,
                                       cairo_t          *cr)
{
  if (self->compare == NULL)
    return;

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  _racimo_pagination_show_text (self, cr, self->compare->line, self->content_x, self->content_y);
  _racimo_pagination_flush_text (self, cr);
}

/* A row's sign in the box at @x, @y of SIGN_SIZE. */
static void
draw_sign (RacimoPagination     *self,
           cairo_t              *cr,
           RacimoDifferenceKind  kind,
           double                x,
           double                y)
{
  _racimo_pagination_set_source_color (cr, kind_ink (self, kind));
  switch (kind)
    {
    case RACIMO_DIFFERENCE_MOVED:
      cairo_rectangle (cr, x, y + 0.5, SIGN_SIZE, 1.4);
      cairo_rectangle (cr, x, y + SIGN_SIZE - 1.9, SIGN_SIZE, 1.4);
      cairo_fill (cr);
      break;
    case RACIMO_DIFFERENCE_REMOVED:
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + SIGN_SIZE, y + SIGN_SIZE);
      cairo_move_to (cr, x + SIGN_SIZE, y);
      cairo_line_to (cr, x, y + SIGN_SIZE);
      cairo_stroke (cr);
      break;
    case RACIMO_DIFFERENCE_ADDED:
    case RACIMO_DIFFERENCE_CHANGED:
    default:
      cairo_rectangle (cr, x, y, SIGN_SIZE, SIGN_SIZE);
      cairo_fill (cr);
      break;
    }
}

/* A changed cell: its box outlined, a square in its lower left corner. */
static void
draw_cell (RacimoPagination     *self,
           cairo_t              *cr,
           RacimoDifferenceKind  kind,
           double                x,
           double                y,
           double                width,
           double                height)
{
  _racimo_pagination_set_source_color (cr, kind_ink (self, kind));
  cairo_set_line_width (cr, CELL_LINE);
  cairo_rectangle (cr, x + CELL_INSET, y + CELL_INSET, width - 2 * CELL_INSET,
                   height - 2 * CELL_INSET);
  cairo_stroke (cr);
  cairo_rectangle (cr, x + CELL_INSET, y + height - CELL_INSET - CORNER, CORNER, CORNER);
  cairo_fill (cr);
}

/**
 * _racimo_pagination_compare_draw_chip:
 * @middle: the middle of the entry's text
 *
 * Draws the swatch of a legend entry of compare mode at @x.
 *
 * Returns: its width, with the space after it
 */
double
_racimo_pagination_compare_draw_chip (RacimoPagination *self,
                                      cairo_t          *cr,
                                      ChipKind          kind,
                                      double            x,
                                      double            middle)
{
  double top = middle - SIGN_SIZE / 2;

  switch (kind)
    {
    case CHIP_CHANGED_CELL:
      draw_cell (self, cr, RACIMO_DIFFERENCE_CHANGED, x, middle - 5.0, SWATCH_WIDTH, 10.0);
      break;
    case CHIP_CHANGED_ROW:
    case CHIP_MOVED_ROW:
    case CHIP_REMOVED_ROW:
      {
        RacimoDifferenceKind change = kind == CHIP_MOVED_ROW     ? RACIMO_DIFFERENCE_MOVED
                                      : kind == CHIP_REMOVED_ROW ? RACIMO_DIFFERENCE_REMOVED
                                                                 : RACIMO_DIFFERENCE_CHANGED;

        _racimo_pagination_set_source_color (cr, kind_ink (self, change));
        cairo_rectangle (cr, x, middle - 5.0, BAR_WIDTH, 10.0);
        cairo_fill (cr);
        draw_sign (self, cr, change, x + BAR_WIDTH + 3.0, top);
      }
      break;
    case CHIP_PLAIN:
    case CHIP_HATCHED:
    case CHIP_STRUCK:
    default:
      return 0.0;
    }

  return SWATCH_WIDTH + 3.0;
}

typedef void (*PlaceFunc) (RacimoPagination          *self,
                           const RacimoPrintedChange *mark,
                           double                     row_y,
                           gpointer                   data);

/* Each mark of a page's rows, in table units; a row's signs first, in the
 * order of row_kinds, then its cells. */
static void
place_band (RacimoPagination *self,
            guint             band_index,
            guint             first_role,
            guint             end_role,
            PlaceFunc         func,
            gpointer          data)
{
  const Band *band = &g_array_index (self->bands, Band, band_index);
  double y = self->header_height;

  if (band->continued >= 0)
    y += _racimo_pagination_continued_height (self, band->continued);

  for (guint i = band->first; i < band->end; y += g_array_index (self->rows, Row, i).height, i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      const RowMarks *marks = g_hash_table_lookup (self->compare->rows, GUINT_TO_POINTER (i));
      int n_lines = 1;
      double middle;
      guint slot = 0;

      if (marks == NULL)
        continue;

      if (row->name->layout != NULL)
        n_lines = pango_layout_get_line_count (row->name->layout);
      middle = y + VPAD + row->name->height / (2 * n_lines);
      for (guint k = 0; k < G_N_ELEMENTS (row_kinds); k++)
        if (marks->kinds & (1u << row_kinds[k]))
          {
            RacimoPrintedChange mark = { row_kinds[k], i, -1,
                                         self->compare->sign_x + slot++ * (SIGN_SIZE + SIGN_GAP),
                                         middle - SIGN_SIZE / 2, SIGN_SIZE, SIGN_SIZE };

            func (self, &mark, y, data);
          }

      for (guint c = 0; marks->cells != NULL && c < marks->cells->len; c++)
        {
          const CellMark *cell = &g_array_index (marks->cells, CellMark, c);
          RacimoPrintedChange mark = { cell->kind, i, (int) cell->role,
                                       self->activity_width
                                       + (cell->role - first_role) * self->column_width,
                                       y, self->column_width, row->height };

          if (cell->role >= first_role && cell->role < end_role)
            func (self, &mark, y, data);
        }
    }
}

static void
draw_mark (RacimoPagination          *self,
           const RacimoPrintedChange *mark,
           double                     row_y,
           gpointer                   data)
{
  cairo_t *cr = data;
  const Row *row = &g_array_index (self->rows, Row, mark->row);

  if (mark->role >= 0)
    {
      draw_cell (self, cr, mark->kind, mark->x, mark->y, mark->width, mark->height);
      return;
    }

  /* The row's first sign gives its bar the colour. */
  if (mark->x == self->compare->sign_x)
    {
      _racimo_pagination_set_source_color (cr, kind_ink (self, mark->kind));
      cairo_rectangle (cr, 0.0, row_y + GRID_LINE, BAR_WIDTH, row->height - 2 * GRID_LINE);
      cairo_fill (cr);
    }
  draw_sign (self, cr, mark->kind, mark->x, mark->y);

  if (mark->kind == RACIMO_DIFFERENCE_REMOVED)
    {
      double name_x = self->gutter + PAD;
      double middle = mark->y + mark->height / 2;

      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, name_x, middle);
      cairo_line_to (cr, name_x + MIN (row->name->width, self->activity_width - name_x - PAD),
                     middle);
      cairo_stroke (cr);
    }
}

/**
 * _racimo_pagination_compare_draw_band:
 * @cr: in table units, from the table's top left
 *
 * Draws the marks of the rows of a page, over the table.
 */
void
_racimo_pagination_compare_draw_band (RacimoPagination *self,
                                      cairo_t          *cr,
                                      guint             band_index,
                                      guint             first_role,
                                      guint             end_role)
{
  if (self->compare == NULL)
    return;

  cairo_save (cr);
  place_band (self, band_index, first_role, end_role, draw_mark, cr);
  cairo_restore (cr);
}

static void
add_mark (RacimoPagination          *self,
          const RacimoPrintedChange *mark,
          double                     row_y,
          gpointer                   data)
{
  RacimoPrintedChange on_page = *mark;

  on_page.x = self->content_x + mark->x * self->scale;
  on_page.y = self->table_y + mark->y * self->scale;
  on_page.width = mark->width * self->scale;
  on_page.height = mark->height * self->scale;
  g_array_append_val (data, on_page);
}

/**
 * _racimo_pagination_compare_get_marks:
 * @page: a page of the pagination
 *
 * For the tests: where the marks of compare mode are on @page, as
 * racimo_pagination_draw_page () draws them.
 *
 * Returns: (transfer full) (element-type RacimoPrintedChange): the marks,
 *   none on a page of the summary or outside compare mode
 */
GArray *
_racimo_pagination_compare_get_marks (RacimoPagination *self,
                                      guint             page)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (RacimoPrintedChange));
  guint n_matrix_pages = self->bands->len * self->n_across;
  guint n_summary_pages = self->n_pages - n_matrix_pages;
  guint matrix_page, first_role;

  if (self->options->summary_first)
    {
      if (page < n_summary_pages)
        return marks;
      matrix_page = page - n_summary_pages;
    }
  else
    matrix_page = page;

  if (self->compare == NULL || matrix_page >= n_matrix_pages)
    return marks;

  first_role = (matrix_page % self->n_across) * self->roles_per_page;
  place_band (self, matrix_page / self->n_across, first_role,
              MIN (first_role + self->roles_per_page, self->n_roles), add_mark, marks);

  return marks;
}
