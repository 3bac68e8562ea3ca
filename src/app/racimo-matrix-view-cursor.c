/* racimo-matrix-view-cursor.c: the cursor and the selection, and what a screen
 * reader hears of the cell under the cursor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"

/* The cursor, and what a screen reader hears */

const char *
_racimo_matrix_view_problem_text (RacimoRowProblem problem)
{
  switch (problem)
    {
    case RACIMO_ROW_PROBLEM_NO_OWNER:
      return _("No owner: no role is Accountable for this activity");
    case RACIMO_ROW_PROBLEM_MANY_OWNERS:
      return _("Several owners: more than one role is Accountable for this activity");
    case RACIMO_ROW_PROBLEM_UNKNOWN_CODE:
      return _("Unknown code: a code of this activity is not one of the scheme's");
    case RACIMO_ROW_PROBLEM_WARNING:
      return _("Warning: the checks found something to look at in this activity");
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

const char *
_racimo_matrix_view_item_name_or (RacimoItem *item,
                                  const char *fallback)
{
  const char *name = racimo_item_get_name (item);

  return name != NULL && *name != '\0' ? name : fallback;
}

/* Tells assistive technologies about the cell under the cursor, now. */
void
_racimo_matrix_view_update_accessible (RacimoMatrixView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *change = NULL;  /* what compare mode marks there */
  int row = self->cursor_row, column = self->cursor_column;

  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  if (self->project != NULL && !self->rows_dirty)
    change = _racimo_matrix_view_describe_change (self, row, column);

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
      _racimo_matrix_view_add_sentence (&description, change);
    }
  else if (row >= 0 && (guint) row < n_rows (self))
    {
      Row *r = get_row (self, (guint) row);

      if (r->is_phase)
        {
          guint n = racimo_phase_get_n_activities (RACIMO_PHASE (r->item));

          if (_racimo_matrix_view_is_collapsed (self, r->item))
            label = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "Phase %s, collapsed, %u activity hidden",
                           "Phase %s, collapsed, %u activities hidden", n),
              _racimo_matrix_view_item_name_or (r->item, _("Unnamed phase")), n);
          else
            label = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "Phase %s, %u activity", "Phase %s, %u activities",
                           n),
              _racimo_matrix_view_item_name_or (r->item, _("Unnamed phase")), n);
          description = g_steal_pointer (&change);
        }
      else
        {
          const char *name = _racimo_matrix_view_item_name_or (r->item, _("Unnamed activity"));
          RacimoRole *role = column_role (self, column);
          const char *problem = _racimo_matrix_view_problem_text (
            _racimo_matrix_view_row_problem (self, (guint) row));
          gboolean applicable = racimo_activity_get_applicable (RACIMO_ACTIVITY (r->item));

          if (role != NULL)
            {
              RacimoCodes codes = self->codes[row * n_columns (self) + column];
              g_autofree char *said
                = racimo_scheme_describe_codes (_racimo_matrix_view_get_scheme (self), codes);

              /* Translators: a cell: activity, role: codes, as in
               * "Retraining pipeline, MLOps engineer: Accountable, Responsible" */
              label = g_strdup_printf (_("%s, %s: %s"), name,
                _racimo_matrix_view_item_name_or (RACIMO_ITEM (role), _("Unnamed role")), said);
            }
          else
            label = g_strdup_printf (_("Activity %s"), name);

          if (!applicable)
            description = g_strdup (_("Does not apply to this project"));
          else if (problem != NULL)
            description = g_strdup (problem);
          _racimo_matrix_view_add_sentence (&description, change);

          /* A screen reader tells the note with the cell. */
          if (role != NULL && racimo_activity_get_note (RACIMO_ACTIVITY (r->item), role) != NULL)
            {
              const char *note = racimo_activity_get_note (RACIMO_ACTIVITY (r->item), role);
              char *with_note = description != NULL
                /* Translators: what is said of a cell, then its note */
                ? g_strdup_printf (_("%s. Note: %s"), description, note)
                /* Translators: the note on a cell, told to screen readers */
                : g_strdup_printf (_("Note: %s"), note);

              g_free (description);
              description = with_note;
            }
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
  _racimo_matrix_view_update_accessible (self);

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
void
_racimo_matrix_view_queue_accessible (RacimoMatrixView *self)
{
  if (self->a11y_idle != 0)
    return;

  self->a11y_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_accessible_idle, self, NULL);
  g_source_set_name_by_id (self->a11y_idle, "[racimo] matrix view accessible");
}

void
_racimo_matrix_view_set_cursor_full (RacimoMatrixView *self,
                                     int               row,
                                     int               column,
                                     gboolean          extend)
{
  RacimoItem *old_item = self->cursor_item;
  int old_row = self->cursor_row, old_column = self->cursor_column;
  int nr, nc;

  _racimo_matrix_view_ensure_rows (self);
  nr = (int) n_rows (self);
  nc = (int) n_columns (self);

  row = CLAMP (row, nc > 0 ? -1 : 0, MAX (nr - 1, 0));
  column = CLAMP (column, -1, nc - 1);
  /* The corner above the names holds nothing. */
  if (row == RACIMO_MATRIX_HEADER_ROW && column < 0)
    column = 0;

  if (self->cursor_row != row || self->cursor_column != column)
    _racimo_matrix_view_popdown_all (self);

  self->cursor_row = row;
  self->cursor_column = column;
  if (!extend)
    {
      self->anchor_row = row;
      self->anchor_column = column;
    }

  self->cursor_item = row >= 0 && row < nr ? get_row (self, (guint) row)->item : NULL;
  self->cursor_role = column_role (self, column);
  if (self->fresh_item != NULL && self->cursor_item != self->fresh_item)
    _racimo_matrix_view_release_fresh (self);

  /* Rows made again since the last allocation: the scrolling is sized
   * for the old ones, and scrolls once more when it knows the new. */
  if (self->rows_rebuilt)
    {
      self->scroll_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  _racimo_matrix_view_scroll_to_cell (self, row, column);
  _racimo_matrix_view_queue_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (old_row != row || old_column != column || old_item != self->cursor_item)
    g_signal_emit (self, _racimo_matrix_view_signals[CURSOR_MOVED], 0);
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

  _racimo_matrix_view_set_cursor_full (self, row, column, FALSE);
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

  _racimo_matrix_view_ensure_rows (self);

  if (RACIMO_IS_ROLE (item))
    {
      /* A hidden role is shown again. */
      _racimo_matrix_view_set_role_hidden (self, RACIMO_ROLE (item), FALSE);
      _racimo_matrix_view_ensure_rows (self);
      row = RACIMO_MATRIX_HEADER_ROW;
      column = _racimo_matrix_view_lookup_column (self, item);
      if (column < 0)
        return FALSE;
    }
  else
    {
      /* An activity of a collapsed phase: the phase opens to show it. */
      if (RACIMO_IS_ACTIVITY (item))
        _racimo_matrix_view_set_collapsed (self, racimo_activity_get_phase (RACIMO_ACTIVITY (item)),
                                           FALSE);
      row = racimo_matrix_view_find_row (self, item);
      if (row < 0)
        return FALSE;
      column = self->cursor_column;
    }

  _racimo_matrix_view_set_cursor_full (self, row, column, FALSE);
  return TRUE;
}

void
racimo_matrix_view_get_cursor (RacimoMatrixView *self,
                               int              *row,
                               int              *column)
{
  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  _racimo_matrix_view_ensure_rows (self);
  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
}

/**
 * racimo_matrix_view_get_cell_area:
 * @row: a row, or %RACIMO_MATRIX_HEADER_ROW for the role headers
 * @column: a role's column, or %RACIMO_MATRIX_NAME_COLUMN for the names
 * @area: (out): where the cell is, in the view's coordinates
 *
 * Returns: whether the view has such a cell
 */
gboolean
racimo_matrix_view_get_cell_area (RacimoMatrixView *self,
                                  int               row,
                                  int               column,
                                  graphene_rect_t  *area)
{
  g_return_val_if_fail (RACIMO_IS_MATRIX_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_ensure_metrics (self);
  if (row >= (int) n_rows (self) || column >= (int) n_columns (self)
      || (row < 0 && column < 0))
    return FALSE;

  _racimo_matrix_view_get_cell_rect (self, row, column, area);
  return TRUE;
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

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_get_selection (self, &r0, &c0, &r1, &c1);
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

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_update_accessible (self);
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

  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_update_accessible (self);
  return self->a11y_description;
}
