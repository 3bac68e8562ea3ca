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
 * @area: (nullable): the part of the widget @text belongs to
 *
 * Appends @text to @snapshot with its top left at (@x, @y), as
 * racimo_snapshot_append_at() does.
 */
void
racimo_drawn_text_append (const RacimoDrawnText *text,
                          GtkSnapshot           *snapshot,
                          double                 x,
                          double                 y,
                          const graphene_rect_t *area)
{
  racimo_snapshot_append_at (snapshot, text->node, x, y, area);
}

/* @node moved to (@x, @y), and kept to @area if there is one (in the
 * coordinates @node is placed in) */
static GskRenderNode *
place_node (GskRenderNode         *node,
            double                 x,
            double                 y,
            const graphene_rect_t *area)
{
  g_autoptr(GskRenderNode) clip = NULL;
  g_autoptr(GskTransform) transform = NULL;

  if (area != NULL)
    {
      graphene_rect_t local;

      graphene_rect_offset_r (area, (float) -x, (float) -y, &local);
      clip = gsk_clip_node_new (node, &local);
    }
  else
    clip = gsk_render_node_ref (node);

  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  if (transform == NULL)
    return g_steal_pointer (&clip);

  return gsk_transform_node_new (clip, transform);
}

/**
 * racimo_snapshot_append_layout:
 *
 * Appends @layout in @color with its top left at (@x, @y): for text laid
 * out anew in each frame, which has no #RacimoDrawnText to keep.
 */
void
racimo_snapshot_append_layout (GtkSnapshot   *snapshot,
                               PangoLayout   *layout,
                               const GdkRGBA *color,
                               double         x,
                               double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/**
 * racimo_snapshot_append_icon:
 * @icon: (nullable): drawn in a square of @size; nothing when %NULL
 * @colors: (array length=n_colors): the colours for a symbolic @icon, in
 *   the order gtk_symbolic_paintable_snapshot_symbolic() takes them
 *
 * Appends @icon with its top left at (@x, @y), recoloured when it is
 * symbolic.
 */
void
racimo_snapshot_append_icon (GtkSnapshot   *snapshot,
                             GdkPaintable  *icon,
                             double         size,
                             const GdkRGBA *colors,
                             gsize          n_colors,
                             double         x,
                             double         y)
{
  if (icon == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  if (GTK_IS_SYMBOLIC_PAINTABLE (icon))
    gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                              size, size, colors, n_colors);
  else
    gdk_paintable_snapshot (icon, snapshot, size, size);
  gtk_snapshot_restore (snapshot);
}

/**
 * racimo_snapshot_append_at:
 * @node: (nullable): drawn for (0, 0)
 * @area: (nullable): the part of the widget @node belongs to, a row or a
 *   column, in @snapshot's coordinates
 *
 * Appends @node at (@x, @y), kept to @area when one is given.
 *
 * The clip changes nothing drawn: @node lies inside @area.  It is for the
 * cairo renderer of GTK 4.8, which draws every node of the window in every
 * frame, clipped to what changed.  Where a clip node misses all of that,
 * cairo passes over each text under it at once; otherwise it measures
 * every glyph first.  A frame that changes one cell or count then costs
 * far less for the rows and columns around it.  GtkSnapshot leaves out a
 * clip that clips nothing, so the node is made here.
 *
 * Measured with the matrix benchmark (medians of six runs), it pays on
 * GTK 4.18's cairo renderer (Debian 13) as on 4.8's: without it, frames
 * of jumps to any row took a fifth longer there (1.96 against 1.65 ms),
 * and on 4.8 a cell edit with the checks panel took a tenth longer (1.04
 * against 0.93 ms).  Kept for both; other renderers pay one node for it.
 */
void
racimo_snapshot_append_at (GtkSnapshot           *snapshot,
                           GskRenderNode         *node,
                           double                 x,
                           double                 y,
                           const graphene_rect_t *area)
{
  g_autoptr(GskRenderNode) placed = NULL;

  if (node == NULL)
    return;

  placed = place_node (node, x, y, area);
  gtk_snapshot_append_node (snapshot, placed);
}

/**
 * racimo_placed_node_append:
 * @self: what was placed there in the last frame
 * @node: (nullable): drawn for (0, 0)
 * @area: the part of the widget @node belongs to
 *
 * Appends @node at (@x, @y), kept to @area, as racimo_snapshot_append_at()
 * does.  When the last frame placed the same node in the same place, its
 * placing is appended again: the snapshot makes no node, and the renderer
 * finds that part of the frame unchanged at once, without comparing it.
 *
 * Not tied to one GTK version: GTK 4.8 and 4.18 both compare two frames
 * node by node and stop at the same node.  Without it, the matrix
 * benchmark's scrolling frames took about a tenth longer on both (medians
 * of six runs: 1.94 against 1.73 ms on 4.8, 2.09 against 1.94 on 4.18).
 */
void
racimo_placed_node_append (RacimoPlacedNode      *self,
                           GtkSnapshot           *snapshot,
                           GskRenderNode         *node,
                           double                 x,
                           double                 y,
                           const graphene_rect_t *area)
{
  if (node == NULL)
    return;

  /* @self->node is held by @self->placed: no other node can have its
   * address while it is compared. */
  if (self->placed == NULL || self->node != node || self->x != x || self->y != y
      || !graphene_rect_equal (&self->area, area))
    {
      g_clear_pointer (&self->placed, gsk_render_node_unref);
      self->placed = place_node (node, x, y, area);
      self->node = node;
      self->x = x;
      self->y = y;
      self->area = *area;
    }

  gtk_snapshot_append_node (snapshot, self->placed);
}

void
racimo_placed_node_clear (RacimoPlacedNode *self)
{
  g_clear_pointer (&self->placed, gsk_render_node_unref);
  self->node = NULL;
}

/**
 * racimo_flatten_node:
 * @node: drawn for (0, 0), inside @width x @height
 * @scale: the widget's scale factor
 *
 * Draws @node once into an image, at @scale pixels to the unit.
 *
 * For the cairo renderer, which draws glyph by glyph each text in what a
 * frame changed: a row that moves (the rows under one that a finding adds)
 * is drawn again, all of its text.  Flattened, it is copied.  The pixels are
 * the same within rounding.  Other renderers keep their glyphs and should
 * not be given images: they could scale them.
 *
 * For the cairo renderer of GTK 4.8 and of 4.18 alike (it still draws
 * text glyph by glyph): without the images, a cell edit in the
 * 200-activity project with the checks panel shown took 1.43 against
 * 1.17 ms on 4.8 and 1.61 against 1.06 ms on 4.18 (medians of six runs of
 * the matrix benchmark).
 *
 * Returns: (transfer full): the image, as a render node of @width x @height
 */
GskRenderNode *
racimo_flatten_node (GskRenderNode *node,
                     int            width,
                     int            height,
                     int            scale)
{
  cairo_surface_t *image;
  GskRenderNode *flat;
  cairo_t *cr;

  width = MAX (width, 1);
  height = MAX (height, 1);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  /* Painted into the node's recording: the frame replays one copy. */
  flat = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  cr = gsk_cairo_node_get_draw_context (flat);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  return flat;
}
