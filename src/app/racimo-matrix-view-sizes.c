/* racimo-matrix-view-sizes.c: the room the grid takes: the names' width and the zoom,
 * hidden roles and collapsed phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"
#include "racimo-note-popover.h"
#include "racimo-scrollable.h"
#include "racimo-ui-resources.h"

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
  g_object_notify (G_OBJECT (self), "names-width");
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
  g_object_notify (G_OBJECT (self), "zoom");
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
  _racimo_matrix_view_invalidate_structure (self);
  _racimo_matrix_view_queue_accessible (self);
}

void
_racimo_matrix_view_show_all_roles (RacimoMatrixView *self)
{
  if (g_hash_table_size (self->hidden_roles) == 0)
    return;

  g_hash_table_remove_all (self->hidden_roles);
  _racimo_matrix_view_invalidate_structure (self);
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

  _racimo_matrix_view_forget_item (self, RACIMO_ITEM (phase));
  _racimo_matrix_view_invalidate_structure (self);
  _racimo_matrix_view_ensure_rows (self);

  /* The cursor in a phase that folds goes to its header. */
  if (collapsed && cursor_inside)
    _racimo_matrix_view_set_cursor_full (self, _racimo_matrix_view_lookup_row (self, phase),
                                         RACIMO_MATRIX_NAME_COLUMN, FALSE);
  _racimo_matrix_view_queue_accessible (self);
}
