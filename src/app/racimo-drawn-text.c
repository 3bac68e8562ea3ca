/* racimo-drawn-text.c: text drawn once, placed wherever it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-drawn-text.h"

/**
 * racimo_drawn_text_new:
 *
 * Draws @layout in @color.
 *
 * Returns: (transfer full): the drawing, for racimo_drawn_text_free()
 */
RacimoDrawnText *
racimo_drawn_text_new (PangoLayout   *layout,
                       const GdkRGBA *color)
{
  RacimoDrawnText *text = g_new0 (RacimoDrawnText, 1);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  pango_layout_get_pixel_size (layout, &text->width, &text->height);
  gtk_snapshot_append_layout (snapshot, layout, color);
  text->node = gtk_snapshot_free_to_node (snapshot);
  return text;
}

/* A GDestroyNotify, for the tables that keep drawn texts */
void
racimo_drawn_text_free (gpointer text)
{
  RacimoDrawnText *self = text;

  if (self == NULL)
    return;

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_free (self);
}

/**
 * racimo_drawn_text_append:
 *
 * Appends @text to @snapshot with its top left at (@x, @y).
 */
void
racimo_drawn_text_append (const RacimoDrawnText *text,
                          GtkSnapshot           *snapshot,
                          double                 x,
                          double                 y)
{
  if (text->node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_node (snapshot, text->node);
  gtk_snapshot_restore (snapshot);
}
