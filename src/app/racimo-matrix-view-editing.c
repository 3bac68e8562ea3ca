/* racimo-matrix-view-editing.c: changes from the grid, always through the project's
 * history: codes, copy and paste, adding, removing and moving rows and
 * columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"

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

  _racimo_matrix_view_get_selection (self, &r0, &c0, &r1, &c1);

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
gboolean
_racimo_matrix_view_toggle_code (RacimoMatrixView *self,
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

gboolean
_racimo_matrix_view_clear_selection (RacimoMatrixView *self)
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

/* The selection's corners, once the rows are up to date; FALSE when there
 * is no project to copy from */
static gboolean
get_selection_to_copy (RacimoMatrixView *self,
                       int              *r0,
                       int              *c0,
                       int              *r1,
                       int              *c1)
{
  _racimo_matrix_view_ensure_rows (self);
  if (self->project == NULL)
    return FALSE;

  _racimo_matrix_view_get_selection (self, r0, c0, r1, c1);
  return TRUE;
}

/* The codes of a cell, as "R/A" */
static void
append_codes (RacimoMatrixView *self,
              GString          *text,
              int               row,
              int               column)
{
  g_autofree char *codes = racimo_scheme_format_codes (
    _racimo_matrix_view_get_scheme (self), self->codes[row * n_columns (self) + column], "/");

  g_string_append (text, codes);
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
  GString *text;
  int r0, c0, r1, c1;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  if (!get_selection_to_copy (self, &r0, &c0, &r1, &c1))
    return g_strdup ("");

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
            append_codes (self, text, r, c);
        }

      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/**
 * racimo_matrix_view_copy_text_with_headers:
 *
 * Returns: (transfer full): the selected cells as tab-separated text, with
 *   the names of their roles on a first line and the name of its activity
 *   at the start of each line, so that a table pasted in a mail or a slide
 *   reads on its own
 */
char *
racimo_matrix_view_copy_text_with_headers (RacimoMatrixView *self)
{
  GString *text;
  int r0, c0, r1, c1;

  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), NULL);

  if (!get_selection_to_copy (self, &r0, &c0, &r1, &c1))
    return g_strdup ("");

  /* The corner above the names is left empty, as a spreadsheet's. */
  text = g_string_new (NULL);
  for (int c = MAX (c0, 0); c <= c1; c++)
    {
      g_string_append_c (text, '\t');
      append_field (text, racimo_item_get_name (RACIMO_ITEM (column_role (self, c))));
    }
  g_string_append_c (text, '\n');

  for (int r = MAX (r0, 0); r <= r1; r++)
    {
      RacimoActivity *activity = row_activity (self, r);

      if (activity == NULL)
        continue;

      append_field (text, racimo_item_get_name (RACIMO_ITEM (activity)));
      for (int c = MAX (c0, 0); c <= c1; c++)
        {
          g_string_append_c (text, '\t');
          append_codes (self, text, r, c);
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

  _racimo_matrix_view_ensure_rows (self);
  if (self->project == NULL)
    return 0;

  block = racimo_csv_parse_block (_racimo_matrix_view_get_scheme (self), text);
  n_block_rows = racimo_csv_block_get_n_rows (block);
  n_block_columns = racimo_csv_block_get_n_columns (block);
  if (n_block_rows == 0 || n_block_columns == 0)
    return 0;

  _racimo_matrix_view_get_selection (self, &r0, &c0, &r1, &c1);
  row = r0;
  if (row >= 0 && get_row (self, (guint) row)->is_phase)
    row = next_paste_row (self, row);

  racimo_history_begin (get_history (self), _("Paste"));

  if (n_block_rows == 1 && n_block_columns == 1
      && _racimo_matrix_view_has_multiple_selection (self))
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
    g_signal_emit (self, _racimo_matrix_view_signals[PASTE_NOT_UNDERSTOOD], 0,
                   result.not_understood, result.example);

  return result.not_understood;
}

void
_racimo_matrix_view_copy_to_clipboard (RacimoMatrixView *self,
                                       gboolean          headers)
{
  g_autofree char *text = headers ? racimo_matrix_view_copy_text_with_headers (self)
                                  : racimo_matrix_view_copy_text (self);

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

void
_racimo_matrix_view_paste_from_clipboard (RacimoMatrixView *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_clipboard_text, g_object_ref (self));
}

/* Adding, removing and moving rows and columns */

RacimoPhase *
_racimo_matrix_view_phase_of_row (RacimoMatrixView *self,
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

  if (row < 0 && _racimo_matrix_view_is_filtering (self))
    {
      racimo_filter_clear (self->filter);
      row = racimo_matrix_view_find_row (self, item);
    }

  return row;
}

void
_racimo_matrix_view_insert_activity (RacimoMatrixView *self,
                                     RacimoPhase      *phase,
                                     int               position)
{
  RacimoActivity *activity;

  racimo_history_begin (get_history (self), _("Add Activity"));
  if (phase == NULL)
    phase = racimo_project_add_phase (self->project, -1, NULL);
  activity = racimo_project_add_activity (self->project, phase, position, _("New activity"));
  racimo_history_end (get_history (self));
  /* Added to a collapsed phase, it is in view all the same. */
  _racimo_matrix_view_set_collapsed (self, phase, FALSE);

  _racimo_matrix_view_set_cursor_full (self, row_of_new_item (self, RACIMO_ITEM (activity)),
                                       RACIMO_MATRIX_NAME_COLUMN, FALSE);
  _racimo_matrix_view_hold_fresh (self, RACIMO_ITEM (activity));
  racimo_matrix_view_start_rename (self, NULL);
}

/* A new activity: its findings wait while the user names it and types its
 * codes, until the cursor leaves the row or the user pauses for a few
 * seconds (an open popover over it is no pause). */

#define FRESH_PAUSE_SECONDS 4

static gboolean
fresh_paused (gpointer data)
{
  RacimoMatrixView *self = data;

  self->fresh_timeout = 0;
  if (_racimo_matrix_view_popover_item (self, self->rename_popover) == self->fresh_item
      && gtk_widget_get_visible (self->rename_popover))
    {
      _racimo_matrix_view_fresh_edited (self, self->fresh_item);
      return G_SOURCE_REMOVE;
    }

  _racimo_matrix_view_release_fresh (self);
  return G_SOURCE_REMOVE;
}

void
_racimo_matrix_view_hold_fresh (RacimoMatrixView *self,
                                RacimoItem       *item)
{
  _racimo_matrix_view_release_fresh (self);
  if (self->checks == NULL)
    return;

  self->fresh_item = item;
  racimo_checks_hold (self->checks, item);
  _racimo_matrix_view_fresh_edited (self, item);
}

/* Each edit of the new activity starts the pause again. */
void
_racimo_matrix_view_fresh_edited (RacimoMatrixView *self,
                                  RacimoItem       *item)
{
  if (item == NULL || item != self->fresh_item)
    return;

  g_clear_handle_id (&self->fresh_timeout, g_source_remove);
  self->fresh_timeout = g_timeout_add_seconds (FRESH_PAUSE_SECONDS, fresh_paused, self);
}

void
_racimo_matrix_view_release_fresh (RacimoMatrixView *self)
{
  g_clear_handle_id (&self->fresh_timeout, g_source_remove);
  if (self->fresh_item == NULL)
    return;

  /* Removed with an undo, the checks have let it go already. */
  if (self->checks != NULL && racimo_checks_get_held (self->checks) == self->fresh_item)
    racimo_checks_hold (self->checks, NULL);
  self->fresh_item = NULL;
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

  _racimo_matrix_view_ensure_rows (self);
  if (self->project == NULL)
    return;

  phase = _racimo_matrix_view_phase_of_row (self, self->cursor_row);
  activity = row_activity (self, self->cursor_row);
  if (activity != NULL)
    position = racimo_phase_index_of (phase, activity) + 1;
  else if (phase != NULL)
    position = 0;
  else if (racimo_project_get_n_phases (self->project) > 0)
    phase = racimo_project_get_phase (self->project,
                                      racimo_project_get_n_phases (self->project) - 1);

  _racimo_matrix_view_insert_activity (self, phase, position);
}

void
_racimo_matrix_view_insert_phase (RacimoMatrixView *self,
                                  int               position)
{
  RacimoPhase *phase;

  /* A project whose activities are not grouped has one phase with no name
   * (see docs/file-format.md, "Checks"), which the grid does not show:
   * the first phase the user adds is that one, named, holding the
   * activities there are, not a second phase beside an "Unnamed phase". */
  if (!_racimo_matrix_view_shows_phase_rows (self->project))
    {
      phase = racimo_project_get_phase (self->project, 0);
      racimo_history_begin (get_history (self), _("Add Phase"));
      racimo_project_rename (self->project, RACIMO_ITEM (phase), _("New phase"));
      racimo_history_end (get_history (self));
    }
  else
    phase = racimo_project_add_phase (self->project, position, _("New phase"));

  _racimo_matrix_view_set_cursor_full (self, row_of_new_item (self, RACIMO_ITEM (phase)),
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

  _racimo_matrix_view_ensure_rows (self);
  if (self->project == NULL)
    return;

  phase = _racimo_matrix_view_phase_of_row (self, self->cursor_row);
  _racimo_matrix_view_insert_phase (
    self, phase != NULL ? racimo_project_index_of_phase (self->project, phase) + 1 : -1);
}

void
_racimo_matrix_view_insert_role (RacimoMatrixView *self,
                                 int               position)
{
  RacimoRole *role = racimo_project_add_role (self->project, position, _("New role"), NULL);

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_set_cursor_full (self, RACIMO_MATRIX_HEADER_ROW,
                                       _racimo_matrix_view_lookup_column (self, role), FALSE);
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

  _racimo_matrix_view_ensure_rows (self);
  if (self->project == NULL)
    return;

  _racimo_matrix_view_insert_role (self, self->cursor_column >= 0 ? self->cursor_column + 1 : -1);
}

void
_racimo_matrix_view_delete_item (RacimoMatrixView *self,
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
gboolean
_racimo_matrix_view_move_under_cursor (RacimoMatrixView *self,
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
      _racimo_matrix_view_ensure_rows (self);
      _racimo_matrix_view_set_cursor_full (self, self->cursor_row, to, FALSE);
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
    _racimo_matrix_view_set_cursor_full (self, racimo_matrix_view_find_row (self, item),
                                         self->cursor_column, FALSE);

  return moved;
}
