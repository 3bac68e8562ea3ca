/* racimo-matrix-view-compare.c: the changes of another copy, marked in the
 * grid while the window compares
 *
 * Each mark is a colour and a shape, so that it reads without colour and
 * on paper: a changed cell is outlined with a square in its lower left
 * corner; a row that changed has a bar before its name and a sign after
 * it: a square (changed), two bars (moved) or a line through the name
 * (removed by the other copy).  A frame looks up only the rows it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-matrix-view-private.h"

#define BAR_WIDTH 4
#define SIGN_SIZE 8

typedef struct
{
  guint       kinds;  /* 1 << RacimoDifferenceKind, of the row itself */
  GHashTable *cells;  /* RacimoRole *, owned -> GUINT_TO_POINTER (1 << RacimoDifferenceKind) */
} MarkedRow;

static void
marked_row_free (gpointer data)
{
  MarkedRow *marked = data;

  g_clear_pointer (&marked->cells, g_hash_table_unref);
  g_free (marked);
}

/**
 * racimo_matrix_view_set_changes:
 * @changes: (nullable) (element-type RacimoDifference): what another copy
 *   changed (racimo_differences_compare ()), or %NULL to mark nothing
 *
 * Marks the rows and cells of @changes in the grid.  Items and roles are
 * looked up by id in the grid's project.
 */
void
racimo_matrix_view_set_changes (RacimoMatrixView *self,
                                GPtrArray        *changes)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  g_clear_pointer (&self->compare_rows, g_hash_table_unref);
  if (changes != NULL && self->project != NULL)
    {
      self->compare_rows = g_hash_table_new_full (NULL, NULL, g_object_unref, marked_row_free);
      for (guint i = 0; i < changes->len; i++)
        {
          const RacimoDifference *change = g_ptr_array_index (changes, i);
          RacimoItem *item = racimo_project_lookup (self->project, change->activity_id);
          RacimoItem *role = change->role_id != NULL
                               ? racimo_project_lookup (self->project, change->role_id)
                               : NULL;
          MarkedRow *marked;

          if (!RACIMO_IS_ACTIVITY (item) || (change->role_id != NULL && !RACIMO_IS_ROLE (role)))
            continue;

          marked = g_hash_table_lookup (self->compare_rows, item);
          if (marked == NULL)
            {
              marked = g_new0 (MarkedRow, 1);
              g_hash_table_insert (self->compare_rows, g_object_ref (item), marked);
            }
          if (role == NULL)
            marked->kinds |= 1u << change->kind;
          else
            {
              if (marked->cells == NULL)
                marked->cells = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
              g_hash_table_insert (marked->cells, g_object_ref (role),
                                   GUINT_TO_POINTER (1u << change->kind));
            }
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * racimo_matrix_view_get_change_marks:
 * @role: (nullable): a cell's role, or %NULL for the row itself
 *
 * Returns: the kinds of change marked on the row or cell, one bit
 *   (`1 << RacimoDifferenceKind`) each; 0 when it is not marked
 */
guint
racimo_matrix_view_get_change_marks (RacimoMatrixView *self,
                                     RacimoItem       *activity,
                                     RacimoRole       *role)
{
  MarkedRow *marked;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);

  if (self->compare_rows == NULL ||
      (marked = g_hash_table_lookup (self->compare_rows, activity)) == NULL)
    return 0;
  if (role == NULL)
    return marked->kinds;

  return marked->cells != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (marked->cells, role)) : 0;
}

static const GdkRGBA *
kind_color (RacimoMatrixView *self,
            RacimoDifferenceKind  kind)
{
  /* GNOME's palette: darker on light, lighter on dark */
  static const GdkRGBA light[] = {
    { 0.15f, 0.64f, 0.41f, 1.f },  /* added: green */
    { 0.75f, 0.11f, 0.16f, 1.f },  /* removed: red */
    { 0.11f, 0.44f, 0.85f, 1.f },  /* moved: blue */
    { 0.78f, 0.27f, 0.f, 1.f },    /* changed: orange */
  };
  static const GdkRGBA dark[] = {
    { 0.56f, 0.94f, 0.64f, 1.f },
    { 1.f, 0.48f, 0.39f, 1.f },
    { 0.47f, 0.68f, 0.93f, 1.f },
    { 1.f, 0.64f, 0.28f, 1.f },
  };

  return self->dark ? &dark[kind] : &light[kind];
}

static void
snapshot_row (RacimoMatrixView *self,
              GtkSnapshot      *snapshot,
              guint             kinds,
              double            top)
{
  double middle = top + self->row_height / 2.0;
  double x = self->name_width - self->pad - SIGN_SIZE;
  RacimoDifferenceKind first = (kinds & (1u << RACIMO_DIFFERENCE_REMOVED)) ? RACIMO_DIFFERENCE_REMOVED
                           : (kinds & (1u << RACIMO_DIFFERENCE_MOVED)) ? RACIMO_DIFFERENCE_MOVED
                                                                    : RACIMO_DIFFERENCE_CHANGED;

  _racimo_matrix_view_append_rect (snapshot, kind_color (self, first), 0, top, BAR_WIDTH,
                                   self->row_height - 1);

  if (kinds & (1u << RACIMO_DIFFERENCE_REMOVED))
    _racimo_matrix_view_append_rect (snapshot, kind_color (self, RACIMO_DIFFERENCE_REMOVED),
                                     BAR_WIDTH + self->pad, middle - 1,
                                     self->name_width - BAR_WIDTH - 2 * self->pad, 2);
  if (kinds & (1u << RACIMO_DIFFERENCE_CHANGED))
    {
      _racimo_matrix_view_append_rect (snapshot, kind_color (self, RACIMO_DIFFERENCE_CHANGED), x,
                                       middle - SIGN_SIZE / 2.0, SIGN_SIZE, SIGN_SIZE);
      x -= SIGN_SIZE + 4;
    }
  if (kinds & (1u << RACIMO_DIFFERENCE_MOVED))
    {
      _racimo_matrix_view_append_rect (snapshot, kind_color (self, RACIMO_DIFFERENCE_MOVED), x,
                                       middle - 4, SIGN_SIZE, 2);
      _racimo_matrix_view_append_rect (snapshot, kind_color (self, RACIMO_DIFFERENCE_MOVED), x,
                                       middle + 2, SIGN_SIZE, 2);
    }
}

static void
snapshot_cells (RacimoMatrixView *self,
                GtkSnapshot      *snapshot,
                GHashTable       *cells,
                double            top,
                int               first_column,
                int               last_column)
{
  GHashTableIter iter;
  gpointer role, kinds;

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &role, &kinds))
    {
      int column = _racimo_matrix_view_lookup_column (self, role);
      const GdkRGBA *color = kind_color (self, RACIMO_DIFFERENCE_CHANGED);
      double left, w = self->column_width - 1, h = self->row_height - 1;

      if (column < first_column || column > last_column)
        continue;

      left = self->name_width + (double) column * self->column_width
             - _racimo_matrix_view_hvalue (self);
      _racimo_matrix_view_append_outline (snapshot, color,
                                          &GRAPHENE_RECT_INIT ((float) left, (float) top,
                                                               (float) w, (float) h),
                                          2);
      _racimo_matrix_view_append_rect (snapshot, color, left + 2,
                                       top + h - 2 - SIGN_SIZE / 2.0 - 2, SIGN_SIZE / 2.0 + 2,
                                       SIGN_SIZE / 2.0 + 2);
    }
}

/* Draws the marks of rows @first_row to @last_row over the frame's cells
 * and names, clipped to the body between @body_top and @body_bottom. */
void
_racimo_matrix_view_snapshot_compare (RacimoMatrixView *self,
                                      GtkSnapshot      *snapshot,
                                      int               first_row,
                                      int               last_row,
                                      int               first_column,
                                      int               last_column,
                                      double            body_top,
                                      double            body_bottom)
{
  double vv;
  int width;

  if (self->compare_rows == NULL)
    return;

  vv = _racimo_matrix_view_vvalue (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  /* Cells first, clipped to the cells' part, then the names' marks */
  for (int pass = 0; pass < 2; pass++)
    {
      double left = pass == 0 ? self->name_width : 0;

      gtk_snapshot_push_clip (snapshot,
                              &GRAPHENE_RECT_INIT ((float) left, (float) body_top,
                                                   (float) (width - left),
                                                   (float) (body_bottom - body_top)));
      for (int r = first_row; r <= last_row; r++)
        {
          RacimoActivity *activity = row_activity (self, r);
          MarkedRow *marked;
          double top;

          if (activity == NULL ||
              (marked = g_hash_table_lookup (self->compare_rows, activity)) == NULL)
            continue;

          top = self->header_height + (double) r * self->row_height - vv;
          if (pass == 0 && marked->cells != NULL)
            snapshot_cells (self, snapshot, marked->cells, top, first_column, last_column);
          else if (pass == 1 && marked->kinds != 0)
            snapshot_row (self, snapshot, marked->kinds, top);
        }
      gtk_snapshot_pop (snapshot);
    }
}

/**
 * racimo_matrix_view_show_cell:
 * @activity: an activity of the grid's project
 * @role: (nullable): a role, or %NULL for the activity's name
 *
 * Puts the cursor on the cell (or the name) and scrolls to it, opening a
 * collapsed phase and showing a hidden role.
 *
 * Returns: whether the grid shows the cell
 */
gboolean
racimo_matrix_view_show_cell (RacimoMatrixView *self,
                              RacimoItem       *activity,
                              RacimoRole       *role)
{
  int row, column;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), FALSE);

  if (!racimo_matrix_view_show_item (self, activity))
    return FALSE;
  if (role == NULL)
    {
      row = racimo_matrix_view_find_row (self, activity);
      racimo_matrix_view_set_cursor (self, row, RACIMO_MATRIX_NAME_COLUMN);
      return TRUE;
    }

  _racimo_matrix_view_set_role_hidden (self, role, FALSE);
  _racimo_matrix_view_ensure_rows (self);
  row = racimo_matrix_view_find_row (self, activity);
  column = _racimo_matrix_view_lookup_column (self, role);
  if (row < 0 || column < 0)
    return FALSE;

  racimo_matrix_view_set_cursor (self, row, column);
  return TRUE;
}
