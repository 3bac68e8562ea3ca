/* racimo-scrollable.c: the adjustments of a widget that scrolls itself
 *
 * The matrix and the findings list are GtkScrollables that draw only what
 * is in view: each keeps the adjustments its scrolled window gives it, and
 * hears when they move, in the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-scrollable.h"

/**
 * racimo_scrollable_clear_adjustment:
 * @slot: where @widget keeps the adjustment
 * @on_value_changed: what @widget connected to its "value-changed"
 *
 * Lets go of the adjustment in @slot, if any.
 */
void
racimo_scrollable_clear_adjustment (GtkWidget      *widget,
                                    GtkAdjustment **slot,
                                    GCallback       on_value_changed)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (slot != NULL);

  if (*slot == NULL)
    return;

  g_signal_handlers_disconnect_by_func (*slot, on_value_changed, widget);
  g_clear_object (slot);
}

/**
 * racimo_scrollable_set_adjustment:
 * @slot: where @widget keeps the adjustment
 * @adjustment: (nullable): the new adjustment, or %NULL for one of its own
 * @on_value_changed: called with @widget when the adjustment moves
 *
 * Keeps @adjustment in @slot in place of the one there, for a
 * GtkScrollable's "hadjustment" or "vadjustment" property.
 */
void
racimo_scrollable_set_adjustment (GtkWidget      *widget,
                                  GtkAdjustment **slot,
                                  GtkAdjustment  *adjustment,
                                  GCallback       on_value_changed)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (slot != NULL);

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  racimo_scrollable_clear_adjustment (widget, slot, on_value_changed);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", on_value_changed, widget);
  gtk_widget_queue_allocate (widget);
}
