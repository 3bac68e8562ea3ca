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
 * of the codes when every activity is shown, from the project otherwise.
 * Which activities count is core's one rule, racimo_workload_counts_activity ();
 * the view keeps its own counters, all roles in one pass, and follows
 * each cell edit. */
void
_racimo_matrix_view_recount_workload (RacimoMatrixView *self)
{
  guint nc = n_columns (self);

  g_free (self->workload);
  self->workload = g_new0 (guint, MAX (nc, 1) * N_LETTERS);

  if (_racimo_matrix_view_is_filtering (self))
    {
      guint n_phases = racimo_project_get_n_phases (self->project);

      for (guint p = 0; p < n_phases; p++)
        {
          RacimoPhase *phase = racimo_project_get_phase (self->project, p);
          guint n = racimo_phase_get_n_activities (phase);

          for (guint a = 0; a < n; a++)
            {
              RacimoActivity *activity = racimo_phase_get_activity (phase, a);

              if (!racimo_workload_counts_activity (activity)
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

          if (activity == NULL || !racimo_workload_counts_activity (activity))
            continue;

          for (guint c = 0; c < nc; c++)
            count_codes (self, c, self->codes[r * nc + c]);
        }
    }

  g_hash_table_remove_all (self->footer_texts);
  self->workload_dirty = FALSE;
}

/* Lays the phases and their activities out in rows, leaving out what the
 * filter hides.  Returns the row the cursor waits on while the filter
 * hides its item, or -1. */
static int
flatten_rows (RacimoMatrixView *self,
              gboolean          headers,
              gboolean          filtering)
{
  guint n_phases;
  gboolean home_passed = FALSE;
  int home = -1;

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

      /* Collapsed, a phase shows its header only; a search shows what
       * matches all the same. */
      if (headers && !filtering && g_hash_table_contains (self->collapsed, phase))
        continue;

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

  return home;
}

/* The codes of every row, copied from @old_* for the rows shown before
 * when @reuse, else asked of the project */
static void
fill_codes (RacimoMatrixView *self,
            gboolean          reuse,
            GArray           *old_rows,
            GHashTable       *old_row_of,
            RacimoCodes      *old_codes,
            guint8           *old_problems,
            guint             nc)
{
  guint nr = n_rows (self);

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
}

/* Find the cursor again: on the same activity and role when they are
 * still there; beside the item when the filter hides it (@home); at the
 * same place otherwise. */
static void
find_cursor (RacimoMatrixView *self,
             int               home,
             guint             nr,
             guint             nc)
{
  int row;

  if (self->cursor_item != NULL)
    {
      row = _racimo_matrix_view_lookup_row (self, self->cursor_item);
      if (row >= 0 && get_row (self, row)->item == self->cursor_item)
        self->cursor_row = row;
      else if (home >= 0)
        self->cursor_row = home;
    }
  if (self->cursor_role != NULL
      && _racimo_matrix_view_lookup_column (self, self->cursor_role) >= 0)
    self->cursor_column = _racimo_matrix_view_lookup_column (self, self->cursor_role);

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
}

void
_racimo_matrix_view_ensure_rows (RacimoMatrixView *self)
{
  g_autoptr(GArray) old_rows = NULL;
  g_autoptr(GHashTable) old_row_of = NULL;
  g_autofree RacimoCodes *old_codes = NULL;
  g_autofree guint8 *old_problems = NULL;
  guint nr, nc;
  gboolean headers, filtering, reuse;
  int home;

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
      _racimo_matrix_view_recount_workload (self);
      return;
    }

  /* The columns of the roles not hidden */
  for (guint i = 0; i < racimo_project_get_n_roles (self->project); i++)
    {
      RacimoRole *role = racimo_project_get_role (self->project, i);

      if (g_hash_table_contains (self->hidden_roles, role))
        continue;
      g_ptr_array_add (self->roles, role);
      g_hash_table_insert (self->column_of, role, GINT_TO_POINTER (self->roles->len));
    }
  nc = n_columns (self);

  headers = _racimo_matrix_view_shows_phase_rows (self->project);
  filtering = _racimo_matrix_view_is_filtering (self);
  home = flatten_rows (self, headers, filtering);

  fill_codes (self, reuse, old_rows, old_row_of, old_codes, old_problems, nc);
  nr = n_rows (self);

  /* The workload counts the whole project: a search changes nothing of it. */
  if (!reuse || self->workload == NULL)
    _racimo_matrix_view_recount_workload (self);

  find_cursor (self, home, nr, nc);

  g_clear_pointer (&self->corner_text, racimo_drawn_text_free);
  self->metrics_dirty = TRUE;
}

/* Lower is worse */
static int
problem_rank (RacimoRowProblem problem)
{
  switch (problem)
    {
    case RACIMO_ROW_PROBLEM_NO_OWNER:
      return 0;
    case RACIMO_ROW_PROBLEM_MANY_OWNERS:
      return 1;
    case RACIMO_ROW_PROBLEM_UNKNOWN_CODE:
      return 2;
    case RACIMO_ROW_PROBLEM_WARNING:
      return 3;
    case RACIMO_ROW_PROBLEM_WAIVED:
    case RACIMO_ROW_PROBLEM_NONE:
    default:
      return 4;
    }
}

static RacimoRowProblem
compute_problem (RacimoMatrixView *self,
                 guint             row)
{
  RacimoItem *item = get_row (self, row)->item;
  RacimoRowProblem worst = RACIMO_ROW_PROBLEM_NONE;
  GPtrArray *findings;
  gboolean waived = FALSE;

  if (get_row (self, row)->is_phase || self->checks == NULL)
    return RACIMO_ROW_PROBLEM_NONE;

  findings = racimo_checks_get_item_findings (self->checks, item);
  if (findings == NULL)
    return RACIMO_ROW_PROBLEM_NONE;

  /* The worst finding shows: no owner, several owners, an unknown code
   * (errors all), then any warning, then a waived owner finding. */
  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);
      RacimoRowProblem problem;

      if (finding->waiver_reason != NULL)
        {
          waived |= finding->check == RACIMO_CHECK_NO_OWNER
                    || finding->check == RACIMO_CHECK_MANY_OWNERS;
          continue;
        }

      if (finding->check == RACIMO_CHECK_NO_OWNER)
        problem = RACIMO_ROW_PROBLEM_NO_OWNER;
      else if (finding->check == RACIMO_CHECK_MANY_OWNERS)
        problem = RACIMO_ROW_PROBLEM_MANY_OWNERS;
      else if (finding->check == RACIMO_CHECK_UNKNOWN_CODE)
        problem = RACIMO_ROW_PROBLEM_UNKNOWN_CODE;
      else
        problem = RACIMO_ROW_PROBLEM_WARNING;

      if (worst == RACIMO_ROW_PROBLEM_NONE || problem_rank (problem) < problem_rank (worst))
        worst = problem;
    }

  if (worst != RACIMO_ROW_PROBLEM_NONE)
    return worst;
  return waived ? RACIMO_ROW_PROBLEM_WAIVED : RACIMO_ROW_PROBLEM_NONE;
}

RacimoRowProblem
_racimo_matrix_view_row_problem (RacimoMatrixView *self,
                                 guint             row)
{
  if (self->problems[row] == PROBLEM_DIRTY)
    self->problems[row] = (guint8) compute_problem (self, row);

  return self->problems[row];
}

/* Room for the matrix: the names' width and the zoom */

/**
 * racimo_matrix_view_set_names_width:
 * @width: the width of the names in pixels at the normal size, or 0 for
 *   about a third of the view
 */
void
racimo_matrix_view_set_names_width (RacimoMatrixView *self,
                                    int               width)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  width = MAX (width, 0);
  if (width == self->names_width_set)
    return;

  self->names_width_set = width;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAMES_WIDTH]);
}

/**
 * racimo_matrix_view_get_names_width:
 *
 * Returns: the width of the names the user chose, 0 when automatic
 */
int
racimo_matrix_view_get_names_width (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);

  return self->names_width_set;
}

/**
 * racimo_matrix_view_get_names_width_drawn:
 *
 * Returns: the width of the names as drawn now, in pixels
 */
int
racimo_matrix_view_get_names_width_drawn (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 0);

  return self->name_width;
}

/* Sets the names' width to @drawn pixels as drawn now, at this zoom */
void
_racimo_matrix_view_resize_names (RacimoMatrixView *self,
                                  int               drawn)
{
  racimo_matrix_view_set_names_width (self, MAX ((int) (drawn / self->zoom), 1));
}

/**
 * racimo_matrix_view_set_zoom:
 * @zoom: 1 for the desktop's text size, within %RACIMO_MATRIX_ZOOM_MIN and
 *   %RACIMO_MATRIX_ZOOM_MAX
 */
void
racimo_matrix_view_set_zoom (RacimoMatrixView *self,
                             double            zoom)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  zoom = CLAMP (zoom, RACIMO_MATRIX_ZOOM_MIN, RACIMO_MATRIX_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  /* Every text shaped anew, every row drawn anew, at the new size */
  self->metrics_dirty = TRUE;
  g_hash_table_remove_all (self->name_layouts);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * racimo_matrix_view_get_zoom:
 *
 * Returns: how large the matrix is drawn, 1 for the desktop's text size
 */
double
racimo_matrix_view_get_zoom (RacimoMatrixView *self)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), 1.0);

  return self->zoom;
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

static void
forget_item (RacimoMatrixView *self,
             RacimoItem       *item)
{
  g_hash_table_remove (self->name_layouts, item);
  g_hash_table_remove (self->header_texts, item);
  g_hash_table_remove (self->footer_texts, item);
}

/* Hidden roles: their columns are not shown, and the corner above the
 * names says how many are hidden. */

void
_racimo_matrix_view_set_role_hidden (RacimoMatrixView *self,
                                     RacimoRole       *role,
                                     gboolean          hidden)
{
  if (hidden == g_hash_table_contains (self->hidden_roles, role))
    return;

  if (hidden)
    g_hash_table_add (self->hidden_roles, role);
  else
    g_hash_table_remove (self->hidden_roles, role);
  invalidate_structure (self);
  _racimo_matrix_view_queue_accessible (self);
}

void
_racimo_matrix_view_show_all_roles (RacimoMatrixView *self)
{
  if (g_hash_table_size (self->hidden_roles) == 0)
    return;

  g_hash_table_remove_all (self->hidden_roles);
  invalidate_structure (self);
  _racimo_matrix_view_queue_accessible (self);
}

/* Collapsed phases: the header stays, saying so, and its activities are
 * not shown until the phase is expanded again. */

gboolean
_racimo_matrix_view_is_collapsed (RacimoMatrixView *self,
                                  gpointer          phase)
{
  return g_hash_table_contains (self->collapsed, phase);
}

void
_racimo_matrix_view_set_collapsed (RacimoMatrixView *self,
                                   RacimoPhase      *phase,
                                   gboolean          collapsed)
{
  gboolean cursor_inside;

  if (collapsed == g_hash_table_contains (self->collapsed, phase))
    return;

  cursor_inside = RACIMO_IS_ACTIVITY (self->cursor_item)
                  && racimo_activity_get_phase (RACIMO_ACTIVITY (self->cursor_item)) == phase;
  if (collapsed)
    g_hash_table_add (self->collapsed, phase);
  else
    g_hash_table_remove (self->collapsed, phase);

  forget_item (self, RACIMO_ITEM (phase));
  invalidate_structure (self);
  _racimo_matrix_view_ensure_rows (self);

  /* The cursor in a phase that folds goes to its header. */
  if (collapsed && cursor_inside)
    _racimo_matrix_view_set_cursor_full (self, _racimo_matrix_view_lookup_row (self, phase),
                                         RACIMO_MATRIX_NAME_COLUMN, FALSE);
  _racimo_matrix_view_queue_accessible (self);
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
  g_hash_table_remove (self->collapsed, item);
  g_hash_table_remove (self->hidden_roles, item);

  /* A removed phase keeps its activities, which leave the view with it. */
  if (RACIMO_IS_PHASE (item))
    for (guint i = 0; i < racimo_phase_get_n_activities (RACIMO_PHASE (item)); i++)
      forget_item (self, RACIMO_ITEM (racimo_phase_get_activity (RACIMO_PHASE (item), i)));

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
  g_clear_pointer (&self->compare_rows, g_hash_table_unref);
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
