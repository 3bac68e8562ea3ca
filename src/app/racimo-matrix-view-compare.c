/* racimo-matrix-view-compare.c: the changes of another copy, marked in the
 * grid while the window compares
 *
 * Each mark is a colour and a shape, so that it reads without colour and
 * on paper: a changed cell is outlined with a square in its lower left
 * corner; a row that changed, an activity's or a phase's, has a bar before
 * its name and signs after it: a square (changed), two bars (moved) or a
 * cross with a line through the name (removed by the other copy).  A
 * role's header has the same bar along its top and the same signs in its
 * corner.  An activity only the other copy has has no row: a line in the
 * colour of additions, with a "+" in the gutter, shows where taking it
 * puts it, under the row it would follow (a phase's row: at the top of the
 * phase), and how many go there when more than one does.  What a mark
 * says is told to screen readers with the row, cell or header under the
 * cursor, and in their tooltips.  A frame looks up only the rows and
 * columns it shows, and the few places where activities are added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"

#define BAR_WIDTH 4
#define SIGN_SIZE 8
#define SIGN_GAP 4
#define LINE_WIDTH 2
#define BADGE_SIZE (SIGN_SIZE + 6)

#define KIND(k) (1u << RACIMO_DIFFERENCE_##k)

/* What is marked on an activity, a phase or a role */
typedef struct
{
  guint       kinds;  /* KIND () of the item itself */
  GHashTable *cells;  /* an activity's: RacimoRole *, owned -> GUINT_TO_POINTER (KIND ()) */
  GPtrArray  *added;  /* the names of the activities only the other copy has that go
                       * right after this one (a phase: at its top); NULL for none */
} Marked;

static void
marked_free (gpointer data)
{
  Marked *marked = data;

  g_clear_pointer (&marked->cells, g_hash_table_unref);
  g_clear_pointer (&marked->added, g_ptr_array_unref);
  g_free (marked);
}

static Marked *
ensure_marked (RacimoMatrixView *self,
               RacimoItem       *item)
{
  Marked *marked = g_hash_table_lookup (self->compare_marks, item);

  if (marked == NULL)
    {
      marked = g_new0 (Marked, 1);
      g_hash_table_insert (self->compare_marks, g_object_ref (item), marked);
    }

  return marked;
}

/**
 * racimo_matrix_view_get_added_anchor:
 * @theirs: the other copy
 * @change: an activity only @theirs has
 *
 * Returns: (nullable) (transfer none): the item of the grid's project
 *   under whose row taking @change puts the activity: the activity it
 *   follows, or its phase when it goes to the top; %NULL when the project
 *   cannot take it (racimo_difference_get_place ())
 */
RacimoItem *
racimo_matrix_view_get_added_anchor (RacimoMatrixView       *self,
                                     RacimoProject          *theirs,
                                     const RacimoDifference *change)
{
  RacimoPhase *phase;
  guint position;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);
  g_return_val_if_fail (RACIMO_IS_PROJECT (theirs), NULL);
  g_return_val_if_fail (change != NULL, NULL);

  if (self->project == NULL ||
      !racimo_difference_get_place (self->project, theirs, change, &phase, &position))
    return NULL;

  return position > 0 ? RACIMO_ITEM (racimo_phase_get_activity (phase, position - 1))
                      : RACIMO_ITEM (phase);
}

static void
mark_change (RacimoMatrixView       *self,
             RacimoProject          *theirs,
             const RacimoDifference *change)
{
  const char *id = change->item_id != NULL ? change->item_id : change->activity_id;
  RacimoItem *item, *role = NULL;
  Marked *marked;

  if (change->kind == RACIMO_DIFFERENCE_ADDED)
    {
      /* Only activities have a place in the grid; an item only theirs
       * has is listed in the panel only */
      item = theirs != NULL ? racimo_matrix_view_get_added_anchor (self, theirs, change) : NULL;
      if (item == NULL)
        return;

      marked = ensure_marked (self, item);
      if (marked->added == NULL)
        {
          marked->added = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (self->compare_added, item);
        }
      g_ptr_array_add (marked->added, g_strdup (change->title));
      return;
    }

  item = racimo_project_lookup (self->project, id);
  if (change->role_id != NULL)
    {
      role = racimo_project_lookup (self->project, change->role_id);
      if (!RACIMO_IS_ACTIVITY (item) || !RACIMO_IS_ROLE (role))
        return;
    }
  else if (!RACIMO_IS_ACTIVITY (item) && !RACIMO_IS_PHASE (item) && !RACIMO_IS_ROLE (item))
    return;

  marked = ensure_marked (self, item);
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

/**
 * racimo_matrix_view_set_changes:
 * @changes: (nullable) (element-type RacimoDifference): what another copy
 *   changed (racimo_differences_compare ()), or %NULL to mark nothing
 * @theirs: (nullable): the other copy, where the activities only it has
 *   are found a place
 *
 * Marks the rows, cells and role headers of @changes in the grid, and
 * where the activities only @theirs has would go.  Items and roles are
 * looked up by id in the grid's project.
 */
void
racimo_matrix_view_set_changes (RacimoMatrixView *self,
                                GPtrArray        *changes,
                                RacimoProject    *theirs)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));
  g_return_if_fail (theirs == NULL || RACIMO_IS_PROJECT (theirs));

  g_clear_pointer (&self->compare_added, g_ptr_array_unref);
  g_clear_pointer (&self->compare_marks, g_hash_table_unref);
  if (changes != NULL && self->project != NULL)
    {
      self->compare_marks = g_hash_table_new_full (NULL, NULL, g_object_unref, marked_free);
      self->compare_added = g_ptr_array_new ();
      for (guint i = 0; i < changes->len; i++)
        mark_change (self, theirs, g_ptr_array_index (changes, i));
    }

  _racimo_matrix_view_queue_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * racimo_matrix_view_get_change_marks:
 * @item: an activity, a phase or a role
 * @role: (nullable): a cell's role (with an activity), or %NULL for the
 *   item itself
 *
 * Returns: the kinds of change marked on the row, cell or role header,
 *   one bit (`1 << RacimoDifferenceKind`) each; 0 when it is not marked
 */
guint
racimo_matrix_view_get_change_marks (RacimoMatrixView *self,
                                     RacimoItem       *item,
                                     RacimoRole       *role)
{
  Marked *marked;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);

  if (self->compare_marks == NULL ||
      (marked = g_hash_table_lookup (self->compare_marks, item)) == NULL)
    return 0;
  if (role == NULL)
    return marked->kinds;

  return marked->cells != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (marked->cells, role)) : 0;
}

/* The row under which the activities added after @anchor are marked: its
 * own, or its phase's while the phase is collapsed (-1: above the first
 * row, a phase with no row of its own).  FALSE when neither shows. */
static gboolean
anchor_row (RacimoMatrixView *self,
            RacimoItem       *anchor,
            int              *row)
{
  RacimoPhase *phase;

  if (!g_hash_table_contains (self->row_of, anchor))
    {
      if (!RACIMO_IS_ACTIVITY (anchor))
        return FALSE;
      phase = racimo_activity_get_phase (RACIMO_ACTIVITY (anchor));
      if (phase == NULL || !_racimo_matrix_view_is_collapsed (self, phase) ||
          !g_hash_table_contains (self->row_of, phase))
        return FALSE;
      anchor = RACIMO_ITEM (phase);
    }

  *row = _racimo_matrix_view_lookup_row (self, anchor);
  return TRUE;
}

/* How many activities only the other copy has are marked under @row, and
 * their names added to @names when not NULL */
static guint
added_under (RacimoMatrixView *self,
             int               row,
             GPtrArray        *names)
{
  guint n = 0;

  for (guint i = 0; self->compare_added != NULL && i < self->compare_added->len; i++)
    {
      RacimoItem *anchor = g_ptr_array_index (self->compare_added, i);
      Marked *marked = g_hash_table_lookup (self->compare_marks, anchor);
      int at;

      if (!anchor_row (self, anchor, &at) || at != row)
        continue;
      n += marked->added->len;
      for (guint j = 0; names != NULL && j < marked->added->len; j++)
        g_ptr_array_add (names, g_ptr_array_index (marked->added, j));
    }

  return n;
}

/**
 * racimo_matrix_view_get_added_marks:
 * @row: a row of the grid, or -1 for above the first row
 *
 * Returns: how many activities only the other copy has are marked as going
 *   right under @row
 */
guint
racimo_matrix_view_get_added_marks (RacimoMatrixView *self,
                                    int               row)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);

  if (self->compare_marks == NULL || self->project == NULL)
    return 0;

  _racimo_matrix_view_ensure_rows (self);
  return added_under (self, row, NULL);
}

/* Joins @sentence to what is said in @text, which may be NULL */
void
_racimo_matrix_view_add_sentence (char       **text,
                                  const char  *sentence)
{
  char *joined;

  if (sentence == NULL || *sentence == '\0')
    return;

  /* Translators: two things said of a row or a cell of the grid, one
   * after the other, to screen readers and in tooltips */
  joined = *text != NULL ? g_strdup_printf (_("%s. %s"), *text, sentence) : g_strdup (sentence);
  g_free (*text);
  *text = joined;
}

static void
add_kinds (char  **text,
           guint   kinds)
{
  if (kinds & KIND (REMOVED))
    _racimo_matrix_view_add_sentence (text, _("Removed in the other copy"));
  if (kinds & KIND (MOVED))
    _racimo_matrix_view_add_sentence (text, _("Moved in the other copy"));
  if (kinds & KIND (CHANGED))
    _racimo_matrix_view_add_sentence (text, _("Changed in the other copy"));
}

/**
 * _racimo_matrix_view_describe_change:
 * @row: a row, or %RACIMO_MATRIX_HEADER_ROW for the role headers
 * @column: a column, or %RACIMO_MATRIX_NAME_COLUMN for the row's name
 *
 * Returns: (nullable): what the marks of compare mode say of a role's
 *   header, a row (its own change, the activities added under it) or a
 *   cell, in sentences; %NULL when nothing is marked there
 */
char *
_racimo_matrix_view_describe_change (RacimoMatrixView *self,
                                     int               row,
                                     int               column)
{
  g_autoptr(GPtrArray) names = NULL;
  RacimoItem *item;
  char *text = NULL;
  guint n;

  if (self->compare_marks == NULL)
    return NULL;

  if (row == RACIMO_MATRIX_HEADER_ROW)
    {
      add_kinds (&text, racimo_matrix_view_get_change_marks (
                          self, RACIMO_ITEM (column_role (self, column)), NULL));
      return text;
    }
  if (row < 0 || (guint) row >= n_rows (self))
    return NULL;

  item = get_row (self, (guint) row)->item;
  if (column != RACIMO_MATRIX_NAME_COLUMN)
    {
      if (RACIMO_IS_ACTIVITY (item))
        add_kinds (&text, racimo_matrix_view_get_change_marks (self, item,
                                                               column_role (self, column)));
      return text;
    }

  add_kinds (&text, racimo_matrix_view_get_change_marks (self, item, NULL));
  names = g_ptr_array_new ();  /* the marks' own names */
  n = added_under (self, row, names);
  if (n > 0)
    {
      GString *list = g_string_new (NULL);
      g_autofree char *sentence = NULL;

      for (guint i = 0; i < names->len; i++)
        {
          if (i > 0)
            /* Translators: between the names of activities in a list */
            g_string_append (list, _(", "));
          /* Translators: an activity's name, quoted in a list */
          g_string_append_printf (list, _("“%s”"), (const char *) g_ptr_array_index (names, i));
        }
      /* Translators: told of a row in compare mode: the activities that
       * only the other copy has, which taking theirs puts under this row */
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "The other copy adds %u activity below this "
                                               "row: %s",
                                               "The other copy adds %u activities below this "
                                               "row: %s", n),
                                  n, list->str);
      g_string_free (list, TRUE);
      _racimo_matrix_view_add_sentence (&text, sentence);
    }

  return text;
}

static const GdkRGBA *
kind_color (RacimoMatrixView     *self,
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

/* The kind whose colour a bar takes: the first a row's signs show */
static RacimoDifferenceKind
first_kind (guint kinds)
{
  return (kinds & KIND (REMOVED)) ? RACIMO_DIFFERENCE_REMOVED
         : (kinds & KIND (MOVED)) ? RACIMO_DIFFERENCE_MOVED
                                  : RACIMO_DIFFERENCE_CHANGED;
}

/* A cross of two bars, in the box of SIGN_SIZE around (@x, @y) */
static void
append_cross (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              double         x,
              double         y)
{
  double length = SIGN_SIZE * G_SQRT2;

  for (int i = 0; i < 2; i++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
      gtk_snapshot_rotate (snapshot, i == 0 ? 45.f : -45.f);
      _racimo_matrix_view_append_rect (snapshot, color, -length / 2, -1, length, 2);
      gtk_snapshot_restore (snapshot);
    }
}

/* The signs of @kinds, from @right leftwards, centred on @middle: a square
 * (changed), then two bars (moved), then a cross (removed) */
static void
append_signs (RacimoMatrixView *self,
              GtkSnapshot      *snapshot,
              guint             kinds,
              double            right,
              double            middle)
{
  double x = right - SIGN_SIZE;

  if (kinds & KIND (CHANGED))
    {
      _racimo_matrix_view_append_rect (snapshot, kind_color (self, RACIMO_DIFFERENCE_CHANGED), x,
                                       middle - SIGN_SIZE / 2.0, SIGN_SIZE, SIGN_SIZE);
      x -= SIGN_SIZE + SIGN_GAP;
    }
  if (kinds & KIND (MOVED))
    {
      const GdkRGBA *color = kind_color (self, RACIMO_DIFFERENCE_MOVED);

      _racimo_matrix_view_append_rect (snapshot, color, x, middle - 4, SIGN_SIZE, 2);
      _racimo_matrix_view_append_rect (snapshot, color, x, middle + 2, SIGN_SIZE, 2);
      x -= SIGN_SIZE + SIGN_GAP;
    }
  if (kinds & KIND (REMOVED))
    append_cross (snapshot, kind_color (self, RACIMO_DIFFERENCE_REMOVED), x + SIGN_SIZE / 2.0,
                  middle);
}

static void
snapshot_row (RacimoMatrixView *self,
              GtkSnapshot      *snapshot,
              guint             kinds,
              double            top)
{
  double middle = top + self->row_height / 2.0;

  _racimo_matrix_view_append_rect (snapshot, kind_color (self, first_kind (kinds)), 0, top,
                                   BAR_WIDTH, self->row_height - 1);
  if (kinds & KIND (REMOVED))
    _racimo_matrix_view_append_rect (snapshot, kind_color (self, RACIMO_DIFFERENCE_REMOVED),
                                     BAR_WIDTH + self->pad, middle - 1,
                                     self->name_width - BAR_WIDTH - 2 * self->pad, 2);
  append_signs (self, snapshot, kinds, self->name_width - self->pad, middle);
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

/* Draws the marks of the rows of frame @f over its cells and names,
 * clipped to the body. */
void
_racimo_matrix_view_snapshot_compare (RacimoMatrixView *self,
                                      GtkSnapshot      *snapshot,
                                      const Frame      *f)
{
  double vv;

  if (self->compare_marks == NULL)
    return;

  vv = _racimo_matrix_view_vvalue (self);
  /* Cells first, clipped to the cells' part, then the names' marks */
  for (int pass = 0; pass < 2; pass++)
    {
      double left = pass == 0 ? self->name_width : 0;

      gtk_snapshot_push_clip (snapshot,
                              &GRAPHENE_RECT_INIT ((float) left, (float) f->body_top,
                                                   (float) (f->width - left),
                                                   (float) (f->fy - f->body_top)));
      for (int r = f->first_row; r <= f->last_row; r++)
        {
          Row *row = get_row (self, (guint) r);
          Marked *marked = g_hash_table_lookup (self->compare_marks, row->item);
          double top;

          if (marked == NULL)
            continue;

          top = self->header_height + (double) r * self->row_height - vv;
          if (pass == 0 && marked->cells != NULL)
            snapshot_cells (self, snapshot, marked->cells, top, f->first_column, f->last_column);
          else if (pass == 1 && marked->kinds != 0)
            snapshot_row (self, snapshot, marked->kinds, top);
        }
      gtk_snapshot_pop (snapshot);
    }
}

/* The count in an addition's badge, drawn once per count */
static const RacimoDrawnText *
get_count_text (RacimoMatrixView *self,
                guint             count)
{
  RacimoDrawnText *text = g_hash_table_lookup (self->compare_counts, GUINT_TO_POINTER (count));
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *markup = NULL;

  if (text != NULL)
    return text;

  markup = g_strdup_printf ("<small><b>%u</b></small>", count);
  layout = _racimo_matrix_view_make_layout (self, NULL);
  pango_layout_set_markup (layout, markup, -1);
  text = racimo_drawn_text_new (layout, &self->colors.view_bg);
  g_hash_table_insert (self->compare_counts, GUINT_TO_POINTER (count), text);
  return text;
}

/* Where @count activities only the other copy has go: a line on the lower
 * edge of a row, across @y, a badge with a "+" at its left end, and the
 * count beside the "+" when more than one go there.  Both stay whole
 * between @body_top and @body_bottom: the edge of the last row is the
 * workload row's. */
static void
snapshot_added (RacimoMatrixView *self,
                GtkSnapshot      *snapshot,
                guint             count,
                double            y,
                double            right,
                double            body_top,
                double            body_bottom)
{
  const GdkRGBA *color = kind_color (self, RACIMO_DIFFERENCE_ADDED);
  const GdkRGBA *ink = &self->colors.view_bg;
  const RacimoDrawnText *text = count > 1 ? get_count_text (self, count) : NULL;
  double width = BADGE_SIZE + (text != NULL ? text->width + 2 : 0);
  double top = CLAMP (y - BADGE_SIZE / 2.0, body_top, body_bottom - BADGE_SIZE);
  double middle = top + BADGE_SIZE / 2.0;
  graphene_rect_t badge = GRAPHENE_RECT_INIT (1.f, (float) top, (float) width,
                                              (float) BADGE_SIZE);
  GskRoundedRect rounded;

  _racimo_matrix_view_append_rect (snapshot, color, 0,
                                   CLAMP (y - LINE_WIDTH / 2.0, body_top,
                                          body_bottom - LINE_WIDTH),
                                   right, LINE_WIDTH);
  gsk_rounded_rect_init_from_rect (&rounded, &badge, 3.f);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &badge);
  gtk_snapshot_pop (snapshot);
  _racimo_matrix_view_append_rect (snapshot, ink, 1 + (BADGE_SIZE - SIGN_SIZE) / 2.0,
                                   middle - 1, SIGN_SIZE, 2);
  _racimo_matrix_view_append_rect (snapshot, ink, 1 + BADGE_SIZE / 2.0 - 1,
                                   middle - SIGN_SIZE / 2.0, 2, SIGN_SIZE);
  if (text != NULL)
    racimo_drawn_text_append (text, snapshot, 1 + BADGE_SIZE - 2,
                              middle - text->height / 2.0, NULL);
}

static void
snapshot_headers (RacimoMatrixView *self,
                  GtkSnapshot      *snapshot,
                  int               first_column,
                  int               last_column)
{
  double hv = _racimo_matrix_view_hvalue (self);

  for (int c = first_column; c <= last_column; c++)
    {
      Marked *marked = g_hash_table_lookup (self->compare_marks, column_role (self, c));
      double left = self->name_width + (double) c * self->column_width - hv;
      double right = left + self->column_width - 1;

      if (marked == NULL || marked->kinds == 0)
        continue;

      _racimo_matrix_view_append_rect (snapshot, kind_color (self, first_kind (marked->kinds)),
                                       left, 0, self->column_width - 1, BAR_WIDTH);
      if (marked->kinds & KIND (REMOVED))
        _racimo_matrix_view_append_rect (snapshot, kind_color (self, RACIMO_DIFFERENCE_REMOVED),
                                         left + self->pad / 2.0, self->header_height / 2.0 - 1,
                                         self->column_width - self->pad - 1, 2);
      append_signs (self, snapshot, marked->kinds, right - 3,
                    BAR_WIDTH + 3 + SIGN_SIZE / 2.0);
    }
}

/* Draws what goes over the cursor and the headers of frame @f: the role
 * headers' marks, and the places of the activities only the other copy
 * has under its rows (and the row before the first, whose lower edge may
 * show), clipped to the body. */
void
_racimo_matrix_view_snapshot_compare_over (RacimoMatrixView *self,
                                           GtkSnapshot      *snapshot,
                                           const Frame      *f)
{
  g_autofree guint *counts = NULL;
  double vv;

  if (self->compare_marks == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_width, 0,
                                                         (float) (f->width - self->name_width),
                                                         (float) self->header_height));
  snapshot_headers (self, snapshot, f->first_column, f->last_column);
  gtk_snapshot_pop (snapshot);

  if (self->compare_added->len == 0 || f->last_row < f->first_row - 1)
    return;

  /* Each row's count, from the row before the first on */
  counts = g_new0 (guint, (gsize) (f->last_row - f->first_row + 2));
  for (guint i = 0; i < self->compare_added->len; i++)
    {
      RacimoItem *anchor = g_ptr_array_index (self->compare_added, i);
      Marked *marked = g_hash_table_lookup (self->compare_marks, anchor);
      int row;

      if (anchor_row (self, anchor, &row) && row >= f->first_row - 1 && row <= f->last_row)
        counts[row - f->first_row + 1] += marked->added->len;
    }

  vv = _racimo_matrix_view_vvalue (self);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, (float) f->body_top, (float) f->width,
                                                         (float) (f->fy - f->body_top)));
  for (int r = f->first_row - 1; r <= f->last_row; r++)
    {
      double y = self->header_height + (double) (r + 1) * self->row_height - vv;

      /* An edge scrolled out of the body has its mark out of it too */
      if (counts[r - f->first_row + 1] > 0 && y >= f->body_top && y <= f->fy)
        snapshot_added (self, snapshot, counts[r - f->first_row + 1], y, f->grid_right,
                        f->body_top, f->fy);
    }
  gtk_snapshot_pop (snapshot);
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
