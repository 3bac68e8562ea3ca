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
 * The other files of the widget are listed in racimo-matrix-view-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"
#include "racimo-note-popover.h"
#include "racimo-scrollable.h"
#include "racimo-ui-resources.h"

static void racimo_matrix_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RacimoMatrixView, racimo_matrix_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      racimo_matrix_view_scrollable_init))

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_NAMES_WIDTH,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

guint _racimo_matrix_view_signals[N_SIGNALS];

int
_racimo_matrix_view_lookup_row (RacimoMatrixView *self,
                                gpointer          item)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->row_of, item)) - 1;
}

int
_racimo_matrix_view_lookup_column (RacimoMatrixView *self,
                                   gpointer          role)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->column_of, role)) - 1;
}

/* A project of one phase without a name does not group its activities. */
gboolean
_racimo_matrix_view_shows_phase_rows (RacimoProject *project)
{
  const char *name;

  if (racimo_project_get_n_phases (project) != 1)
    return TRUE;

  name = racimo_item_get_name (RACIMO_ITEM (racimo_project_get_phase (project, 0)));
  return name != NULL && *name != '\0';
}

gboolean
_racimo_matrix_view_is_filtering (RacimoMatrixView *self)
{
  return self->filter != NULL && racimo_filter_is_active (self->filter);
}

/* Following the project */

void
_racimo_matrix_view_invalidate_structure (RacimoMatrixView *self)
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

  row = _racimo_matrix_view_lookup_row (self, activity);
  column = _racimo_matrix_view_lookup_column (self, role);
  if (column < 0)
    return;

  /* Hidden by the filter: counted in the workload all the same. */
  if (row < 0 || get_row (self, row)->item != RACIMO_ITEM (activity))
    {
      if (!self->workload_dirty && racimo_workload_counts_activity (activity))
        {
          update_workload (self, column, old_codes, new_codes);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      return;
    }

  old_codes = self->codes[row * nc + column];
  self->codes[row * nc + column] = new_codes;
  _racimo_matrix_view_fresh_edited (self, RACIMO_ITEM (activity));

  if (!self->workload_dirty && racimo_workload_counts_activity (activity))
    update_workload (self, column, old_codes, new_codes);

  if (row == self->cursor_row || row == self->codes_row)
    {
      _racimo_matrix_view_queue_accessible (self);
      _racimo_matrix_view_sync_codes_popover (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_racimo_matrix_view_forget_item (RacimoMatrixView *self,
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
  _racimo_matrix_view_invalidate_structure (self);
}

static void
on_item_removed (RacimoProject    *project,
                 RacimoItem       *item,
                 RacimoItem       *parent,
                 guint             position,
                 RacimoMatrixView *self)
{
  _racimo_matrix_view_forget_item (self, item);
  g_hash_table_remove (self->collapsed, item);
  g_hash_table_remove (self->hidden_roles, item);

  /* A removed phase keeps its activities, which leave the view with it. */
  if (RACIMO_IS_PHASE (item))
    for (guint i = 0; i < racimo_phase_get_n_activities (RACIMO_PHASE (item)); i++)
      _racimo_matrix_view_forget_item (self, RACIMO_ITEM (racimo_phase_get_activity (RACIMO_PHASE (item), i)));

  if (self->cursor_item == item)
    self->cursor_item = NULL;
  if (self->cursor_role == (RacimoRole *) item)
    self->cursor_role = NULL;
  if (self->menu_item == item
      || _racimo_matrix_view_popover_item (self, self->rename_popover) == item
      || _racimo_matrix_view_popover_item (self, self->props_popover) == item
      || _racimo_matrix_view_popover_item (self, self->waive_popover) == item
      || (self->note_popover != NULL
          && (RACIMO_ITEM (racimo_note_popover_get_activity (
                RACIMO_NOTE_POPOVER (self->note_popover))) == item
              || RACIMO_ITEM (racimo_note_popover_get_role (
                   RACIMO_NOTE_POPOVER (self->note_popover))) == item)))
    _racimo_matrix_view_popdown_all (self);

  _racimo_matrix_view_invalidate_structure (self);
}

static void
on_item_moved (RacimoProject    *project,
               RacimoItem       *item,
               RacimoItem       *old_parent,
               guint             old_position,
               RacimoMatrixView *self)
{
  _racimo_matrix_view_invalidate_structure (self);
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
      _racimo_matrix_view_forget_item (self, item);
      /* The first phase's name decides whether phases show as rows. */
      if (RACIMO_IS_PHASE (item) || RACIMO_IS_ROLE (item))
        _racimo_matrix_view_invalidate_structure (self);
      break;

    case RACIMO_CHANGE_APPLICABLE:
      _racimo_matrix_view_forget_item (self, item);
      self->workload_dirty = TRUE;
      break;

    case RACIMO_CHANGE_WAIVERS:
      if (!self->rows_dirty && _racimo_matrix_view_lookup_row (self, item) >= 0)
        self->problems[_racimo_matrix_view_lookup_row (self, item)] = PROBLEM_DIRTY;
      break;

    case RACIMO_CHANGE_PERSON:
    case RACIMO_CHANGE_EMAIL:
    case RACIMO_CHANGE_DESCRIPTION:
    default:
      break;
    }

  _racimo_matrix_view_fresh_edited (self, item);
  _racimo_matrix_view_queue_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The mark of a note is drawn over the cells, not kept with them: a
 * redraw shows it, and the cursor's cell tells of it again. */
static void
on_note_changed (RacimoProject    *project,
                 RacimoActivity   *activity,
                 RacimoRole       *role,
                 RacimoMatrixView *self)
{
  _racimo_matrix_view_queue_accessible (self);
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
  _racimo_matrix_view_queue_accessible (self);
  _racimo_matrix_view_sync_codes_popover (self);
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

  row = _racimo_matrix_view_lookup_row (self, item);
  if (row >= 0 && get_row (self, row)->item == item)
    self->problems[row] = PROBLEM_DIRTY;

  if (row >= 0 && row == self->cursor_row)
    _racimo_matrix_view_queue_accessible (self);

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
      int row = _racimo_matrix_view_lookup_row (self, activity);
      gboolean shown = row >= 0 && get_row (self, row)->item == RACIMO_ITEM (activity);

      if (shown == racimo_filter_matches (filter, activity))
        return;
    }

  /* The codes of the rows stay right: _racimo_matrix_view_ensure_rows() copies them over. */
  self->rows_dirty = TRUE;
  self->scroll_pending = TRUE;
  _racimo_matrix_view_popdown_all (self);
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
  g_hash_table_remove_all (self->collapsed);
  g_hash_table_remove_all (self->hidden_roles);
  _racimo_matrix_view_release_fresh (self);

  if (self->project != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->project_handlers); i++)
        g_clear_signal_handler (&self->project_handlers[i], self->project);
      g_clear_signal_handler (&self->note_handler, self->project);
    }
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

  _racimo_matrix_view_popdown_all (self);
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
      self->note_handler =
        g_signal_connect (project, "note-changed", G_CALLBACK (on_note_changed), self);
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
  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_set_cursor_full (
    self, n_rows (self) > 0 && get_row (self, 0)->is_phase ? 1 : 0, 0, FALSE);

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

/* Scrolling */

static void
on_adjustment_value_changed (GtkAdjustment    *adjustment,
                             RacimoMatrixView *self)
{
  /* Popovers point at a cell: follow it. */
  if (self->codes_popover != NULL || self->rename_popover != NULL
      || self->props_popover != NULL || self->waive_popover != NULL
      || self->note_popover != NULL)
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
void
_racimo_matrix_view_scroll_to_cell (RacimoMatrixView *self,
                                    int               row,
                                    int               column)
{
  if (row >= 0 && self->vadjustment != NULL)
    {
      double top = (double) row * self->row_height;
      double page = _racimo_matrix_view_body_height (self);
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + self->row_height > value + page)
        gtk_adjustment_set_value (self->vadjustment, top + self->row_height - page);
    }

  if (column >= 0 && self->hadjustment != NULL)
    {
      double left = (double) column * self->column_width;
      double page = _racimo_matrix_view_body_width (self);
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

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 12 * self->pad + self->column_width;
      *natural = MAX (*minimum, MIN (360 + _racimo_matrix_view_content_width (self), 1600));
    }
  else
    {
      *minimum = self->header_height + self->footer_height + 2 * self->row_height;
      *natural = MAX (*minimum, MIN (self->header_height + self->footer_height
                                     + _racimo_matrix_view_content_height (self), 1000));
    }
}

static void
racimo_matrix_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  int name_width;

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_ensure_metrics (self);

  /* The names take about a third of the width, within what reads well,
   * or what the user chose, zoomed; room is left for a column. */
  if (self->names_width_set > 0)
    name_width = MAX ((int) (self->names_width_set * self->zoom), 8 * self->pad);
  else
    name_width = CLAMP (width * 3 / 10, 14 * self->pad * 2, 44 * self->pad * 2);
  name_width = MIN (name_width, MAX (width - self->column_width, 8 * self->pad));
  if (name_width != self->name_width)
    {
      self->name_width = name_width;
      g_hash_table_remove_all (self->name_layouts);
    }

  configure_adjustment (self->hadjustment, _racimo_matrix_view_content_width (self),
                        _racimo_matrix_view_body_width (self), self->column_width);
  configure_adjustment (self->vadjustment, _racimo_matrix_view_content_height (self),
                        _racimo_matrix_view_body_height (self), self->row_height);

  /* After a search, or a jump to rows just shown again: the cursor in view. */
  self->rows_rebuilt = FALSE;
  if (self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      _racimo_matrix_view_scroll_to_cell (self, self->cursor_row, self->cursor_column);
    }

  _racimo_matrix_view_present_popovers (self);
}

guint
racimo_matrix_view_get_n_rows (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);

  _racimo_matrix_view_ensure_rows (self);
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

  _racimo_matrix_view_ensure_rows (self);
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

  _racimo_matrix_view_ensure_rows (self);
  row = _racimo_matrix_view_lookup_row (self, item);
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

  _racimo_matrix_view_ensure_rows (self);
  g_return_val_if_fail (row < n_rows (self), RACIMO_ROW_PROBLEM_NONE);

  return _racimo_matrix_view_row_problem (self, row);
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

  _racimo_matrix_view_ensure_rows (self);
  if (self->workload_dirty)
    _racimo_matrix_view_recount_workload (self);

  column = _racimo_matrix_view_lookup_column (self, role);
  g_return_val_if_fail (column >= 0, 0);

  return self->workload[column * N_LETTERS + (code - 'A')];
}

/* Colours, fonts and sizes arrive through CSS and the style manager */

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
  /* Going away with the window: nobody is left to hear of its findings. */
  g_clear_handle_id (&self->fresh_timeout, g_source_remove);
  self->fresh_item = NULL;
  disconnect_project (self);

  g_clear_pointer (&self->codes_popover, gtk_widget_unparent);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_pointer (&self->props_popover, gtk_widget_unparent);
  g_clear_pointer (&self->waive_popover, gtk_widget_unparent);
  g_clear_pointer (&self->note_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  racimo_scrollable_clear_adjustment (GTK_WIDGET (self), &self->hadjustment,
                                      G_CALLBACK (on_adjustment_value_changed));
  racimo_scrollable_clear_adjustment (GTK_WIDGET (self), &self->vadjustment,
                                      G_CALLBACK (on_adjustment_value_changed));

  g_clear_object (&self->error_icon);
  g_clear_object (&self->warning_icon);
  g_clear_object (&self->waived_icon);

  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_MATRIX_VIEW);

  G_OBJECT_CLASS (racimo_matrix_view_parent_class)->dispose (object);
}

static void
racimo_matrix_view_finalize (GObject *object)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->compare_added, g_ptr_array_unref);
  g_clear_pointer (&self->compare_marks, g_hash_table_unref);
  g_clear_pointer (&self->compare_counts, g_hash_table_unref);
  g_clear_pointer (&self->row_of, g_hash_table_unref);
  g_clear_pointer (&self->phase_shown, g_hash_table_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->hidden_roles, g_hash_table_unref);
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
  g_clear_pointer (&self->a11y_label, g_free);
  g_clear_pointer (&self->a11y_description, g_free);

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
    case PROP_NAMES_WIDTH:
      g_value_set_int (value, self->names_width_set);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
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
    case PROP_NAMES_WIDTH:
      racimo_matrix_view_set_names_width (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      racimo_matrix_view_set_zoom (self, g_value_get_double (value));
      break;
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

  widget_class->snapshot = _racimo_matrix_view_snapshot;
  widget_class->measure = racimo_matrix_view_measure;
  widget_class->size_allocate = racimo_matrix_view_size_allocate;
  widget_class->css_changed = racimo_matrix_view_css_changed;
  widget_class->query_tooltip = _racimo_matrix_view_query_tooltip;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RACIMO_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RacimoMatrixView:names-width:
   *
   * The width of the activities' names that the user chose, in pixels at
   * the normal size; 0 for about a third of the view.
   */
  properties[PROP_NAMES_WIDTH] =
    g_param_spec_int ("names-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RacimoMatrixView:zoom:
   *
   * How large the matrix is drawn, 1 being the size of the desktop's text.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, RACIMO_MATRIX_ZOOM_MIN, RACIMO_MATRIX_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RacimoMatrixView::paste-not-understood:
   * @n_cells: how many pasted cells were not codes
   * @example: the text of the first of them
   *
   * Emitted after a paste that left cells as they were, because what was
   * pasted into them could not be read as codes.
   */
  _racimo_matrix_view_signals[PASTE_NOT_UNDERSTOOD] =
    g_signal_new ("paste-not-understood", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * RacimoMatrixView::cursor-moved:
   *
   * Emitted when the cursor was moved to another cell, header or name, by
   * the user or by racimo_matrix_view_set_cursor() and the like.  Not
   * emitted when the rows change under it.
   */
  _racimo_matrix_view_signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RacimoMatrixView::letter-not-typed:
   * @letter: the character typed, in upper case
   * @on_phase: whether it was typed on a phase's row, which holds no codes
   *
   * Emitted when a letter typed on a cell was left out: it is not a code of
   * the scheme, or the row is a phase's.
   */
  _racimo_matrix_view_signals[LETTER_NOT_TYPED] =
    g_signal_new ("letter-not-typed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

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

  _racimo_matrix_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "matrixview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
racimo_matrix_view_init (RacimoMatrixView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->row_of = g_hash_table_new (NULL, NULL);
  self->phase_shown = g_hash_table_new (NULL, NULL);
  self->collapsed = g_hash_table_new (NULL, NULL);
  self->hidden_roles = g_hash_table_new (NULL, NULL);
  self->roles = g_ptr_array_new ();
  self->column_of = g_hash_table_new (NULL, NULL);
  self->name_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->header_texts = g_hash_table_new_full (NULL, NULL, NULL, racimo_drawn_text_free);
  self->footer_texts = g_hash_table_new_full (NULL, NULL, NULL, racimo_drawn_text_free);
  self->footer_pieces = g_hash_table_new_full (NULL, NULL, NULL,
                                               racimo_drawn_text_free);
  self->code_texts = g_hash_table_new_full (NULL, NULL, NULL, racimo_drawn_text_free);
  self->compare_counts = g_hash_table_new_full (NULL, NULL, NULL, racimo_drawn_text_free);
  self->drawn_rows = g_array_new (FALSE, TRUE, sizeof (DrawnRow));
  g_array_set_clear_func (self->drawn_rows, _racimo_matrix_view_drawn_row_clear);
  self->codes_row = self->codes_column = -2;
  self->rows_dirty = TRUE;
  self->metrics_dirty = TRUE;
  self->row_height = self->column_width = 1;
  self->zoom = 1.0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  _racimo_matrix_view_init_input (self);

  g_signal_connect_swapped (self, "notify::has-focus",
                            G_CALLBACK (racimo_matrix_view_focus_changed), self);
  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                                 G_CALLBACK (on_dark_changed), self);

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_update_accessible (self);
}

GtkWidget *
racimo_matrix_view_new (void)
{
  return g_object_new (RACIMO_TYPE_MATRIX_VIEW, NULL);
}
