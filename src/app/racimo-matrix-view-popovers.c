/* racimo-matrix-view-popovers.c: the popovers over a cell: its codes, its note,
 * renaming, properties and waivers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"
#include "racimo-codes-popover.h"
#include "racimo-note-popover.h"
#include "racimo-properties-popover.h"
#include "racimo-rename-popover.h"
#include "racimo-waiver-popover.h"

/* Popovers: codes of a cell, renaming, properties, waivers.  Each is its
 * own widget with a template; the grid places them over their cell. */

void
_racimo_matrix_view_item_cell (RacimoMatrixView *self,
                               RacimoItem       *item,
                               int              *row,
                               int              *column)
{
  if (RACIMO_IS_ROLE (item))
    {
      *row = RACIMO_MATRIX_HEADER_ROW;
      *column = _racimo_matrix_view_lookup_column (self, item);
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

  _racimo_matrix_view_get_cell_rect (self, row, column, &rect);
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

  _racimo_matrix_view_item_cell (self, item, &row, &column);
  if (row < 0 && column < 0)
    gtk_popover_popdown (GTK_POPOVER (popover));
  else
    present_at_cell (self, popover, row, column);
}

static void
popup_at_cell (RacimoMatrixView *self,
               GtkWidget        *popover,
               int               row,
               int               column)
{
  gtk_widget_set_visible (popover, TRUE);
  present_at_cell (self, popover, row, column);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
popup_at_item (RacimoMatrixView *self,
               GtkWidget        *popover,
               RacimoItem       *item)
{
  gtk_widget_set_visible (popover, TRUE);
  present_at_item (self, popover, item);
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
_racimo_matrix_view_present_popovers (RacimoMatrixView *self)
{
  present_at_cell (self, self->codes_popover, self->codes_row, self->codes_column);
  present_at_item (self, self->rename_popover,
                   _racimo_matrix_view_popover_item (self, self->rename_popover));
  present_at_item (self, self->props_popover,
                   _racimo_matrix_view_popover_item (self, self->props_popover));
  present_at_item (self, self->waive_popover,
                   _racimo_matrix_view_popover_item (self, self->waive_popover));
  if (self->note_popover != NULL && gtk_widget_get_visible (self->note_popover))
    {
      RacimoNotePopover *note = RACIMO_NOTE_POPOVER (self->note_popover);
      RacimoActivity *activity = racimo_note_popover_get_activity (note);
      RacimoRole *role = racimo_note_popover_get_role (note);

      if (activity != NULL && role != NULL)
        present_at_cell (self, self->note_popover,
                         racimo_matrix_view_find_row (self, RACIMO_ITEM (activity)),
                         _racimo_matrix_view_lookup_column (self, RACIMO_ITEM (role)));
    }
  if (self->context_menu != NULL && gtk_widget_get_visible (self->context_menu))
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

void
_racimo_matrix_view_popdown_all (RacimoMatrixView *self)
{
  GtkWidget *popovers[] = {
    self->codes_popover, self->rename_popover, self->props_popover,
    self->waive_popover, self->note_popover, self->context_menu,
  };

  for (guint i = 0; i < G_N_ELEMENTS (popovers); i++)
    if (popovers[i] != NULL && gtk_widget_get_visible (popovers[i]))
      gtk_popover_popdown (GTK_POPOVER (popovers[i]));
}

void
_racimo_matrix_view_on_popover_closed (GtkPopover       *popover,
                                       RacimoMatrixView *self)
{
  if (GTK_WIDGET (popover) == self->codes_popover)
    self->codes_row = self->codes_column = -2;

  /* Editing goes on from the keyboard where it left off. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Closes the popovers open, before *@popover opens; the first time, makes
 * it with @new_popover and gives it to the view. */
static void
prepare_popover (RacimoMatrixView *self,
                 GtkWidget       **popover,
                 GtkWidget      *(*new_popover) (void))
{
  _racimo_matrix_view_popdown_all (self);
  if (*popover != NULL)
    return;

  *popover = new_popover ();
  gtk_widget_set_parent (*popover, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (*popover), GTK_POS_BOTTOM);
  g_signal_connect (*popover, "closed", G_CALLBACK (_racimo_matrix_view_on_popover_closed), self);
}

void
_racimo_matrix_view_sync_codes_popover (RacimoMatrixView *self)
{
  if (self->codes_popover == NULL || !gtk_widget_get_visible (self->codes_popover)
      || self->rows_dirty || row_activity (self, self->codes_row) == NULL
      || column_role (self, self->codes_column) == NULL)
    return;

  racimo_codes_popover_set_codes (RACIMO_CODES_POPOVER (self->codes_popover),
                                  self->codes[self->codes_row * n_columns (self)
                                              + self->codes_column]);
}

/* The activity and the role of the cell at @row, @column; FALSE where
 * there is no such cell (a phase's row, a row or column past the end). */
static gboolean
get_cell (RacimoMatrixView  *self,
          int                row,
          int                column,
          RacimoActivity   **activity,
          RacimoRole       **role)
{
  _racimo_matrix_view_ensure_rows (self);
  *activity = row_activity (self, row);
  *role = column_role (self, column);

  return *activity != NULL && *role != NULL;
}

void
_racimo_matrix_view_open_codes_popover (RacimoMatrixView *self,
                                        int               row,
                                        int               column)
{
  RacimoActivity *activity;
  RacimoRole *role;

  if (!get_cell (self, row, column, &activity, &role))
    return;

  prepare_popover (self, &self->codes_popover, racimo_codes_popover_new);

  racimo_codes_popover_set_cell (RACIMO_CODES_POPOVER (self->codes_popover), self->project,
                                 activity, role, self->codes[row * n_columns (self) + column],
                                 self->dark);
  self->codes_row = row;
  self->codes_column = column;
  popup_at_cell (self, self->codes_popover, row, column);
  racimo_codes_popover_focus (RACIMO_CODES_POPOVER (self->codes_popover));
}

/* The note on a cell */

void
_racimo_matrix_view_open_note (RacimoMatrixView *self,
                               int               row,
                               int               column)
{
  RacimoActivity *activity;
  RacimoRole *role;

  if (!get_cell (self, row, column, &activity, &role))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  prepare_popover (self, &self->note_popover, racimo_note_popover_new);
  racimo_note_popover_set_cell (RACIMO_NOTE_POPOVER (self->note_popover), self->project,
                                activity, role);
  popup_at_cell (self, self->note_popover, row, column);
  racimo_note_popover_focus (RACIMO_NOTE_POPOVER (self->note_popover));
}

/* Renaming */

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

  _racimo_matrix_view_ensure_rows (self);
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

  prepare_popover (self, &self->rename_popover, racimo_rename_popover_new);

  racimo_rename_popover_set_item (RACIMO_RENAME_POPOVER (self->rename_popover), self->project,
                                  item, initial_text);
  popup_at_item (self, self->rename_popover, item);
  racimo_rename_popover_focus (RACIMO_RENAME_POPOVER (self->rename_popover));
}

/* Properties: name, abbreviation, person, description */

void
_racimo_matrix_view_open_properties (RacimoMatrixView *self,
                                     RacimoItem       *item)
{
  prepare_popover (self, &self->props_popover, racimo_properties_popover_new);

  racimo_properties_popover_set_item (RACIMO_PROPERTIES_POPOVER (self->props_popover),
                                      self->project, item);
  popup_at_item (self, self->props_popover, item);
  racimo_properties_popover_focus (RACIMO_PROPERTIES_POPOVER (self->props_popover));
}

/* The item a popover other than the codes' is about, while it is open */
RacimoItem *
_racimo_matrix_view_popover_item (RacimoMatrixView *self,
                                  GtkWidget        *popover)
{
  if (popover == NULL)
    return NULL;
  if (RACIMO_IS_RENAME_POPOVER (popover))
    return racimo_rename_popover_get_item (RACIMO_RENAME_POPOVER (popover));
  if (RACIMO_IS_PROPERTIES_POPOVER (popover))
    return racimo_properties_popover_get_item (RACIMO_PROPERTIES_POPOVER (popover));
  if (RACIMO_IS_WAIVER_POPOVER (popover))
    return racimo_waiver_popover_get_item (RACIMO_WAIVER_POPOVER (popover));
  return NULL;
}

/* Waivers */

void
_racimo_matrix_view_open_waive (RacimoMatrixView *self,
                                RacimoItem       *item,
                                const char       *check_id)
{
  RacimoCheck check;

  if (!racimo_check_from_id (check_id, &check))
    return;

  prepare_popover (self, &self->waive_popover, racimo_waiver_popover_new);

  racimo_waiver_popover_set_finding (RACIMO_WAIVER_POPOVER (self->waive_popover), self->project,
                                     item, check);
  popup_at_item (self, self->waive_popover, item);
  racimo_waiver_popover_focus (RACIMO_WAIVER_POPOVER (self->waive_popover));
}
