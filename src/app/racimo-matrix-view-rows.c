/* racimo-matrix-view-rows.c: the rows of the grid: the project's phases and activities
 * flattened into rows, their codes, the cursor found again after a change,
 * each row's problem, and the workload of each role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"
#include "racimo-note-popover.h"
#include "racimo-scrollable.h"
#include "racimo-ui-resources.h"

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
