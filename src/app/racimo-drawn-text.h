/* racimo-drawn-text.h: text drawn once, placed wherever it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A layout drawn as a render node at (0, 0), with its size in pixels.  A
 * widget that shows the same texts frame after frame keeps these, and a
 * frame lays out and draws no text of its own. */
typedef struct
{
  GskRenderNode *node;
  int            width;
  int            height;
} RacimoDrawnText;

RacimoDrawnText *racimo_drawn_text_new    (PangoLayout           *layout,
                                           const GdkRGBA         *color);
void             racimo_drawn_text_free   (gpointer               text);
void             racimo_drawn_text_append (const RacimoDrawnText *text,
                                           GtkSnapshot           *snapshot,
                                           double                 x,
                                           double                 y,
                                           const graphene_rect_t *area);

void             racimo_snapshot_append_layout (GtkSnapshot   *snapshot,
                                                PangoLayout   *layout,
                                                const GdkRGBA *color,
                                                double         x,
                                                double         y);

void             racimo_snapshot_append_icon (GtkSnapshot   *snapshot,
                                              GdkPaintable  *icon,
                                              double         size,
                                              const GdkRGBA *colors,
                                              gsize          n_colors,
                                              double         x,
                                              double         y);

void             racimo_snapshot_append_at (GtkSnapshot           *snapshot,
                                            GskRenderNode         *node,
                                            double                 x,
                                            double                 y,
                                            const graphene_rect_t *area);

/* A node placed at (x, y) and kept to an area, as racimo_snapshot_append_at()
 * does it, kept from frame to frame while they stay the same. */
typedef struct
{
  GskRenderNode   *placed;
  GskRenderNode   *node;  /* held by @placed */
  double           x;
  double           y;
  graphene_rect_t  area;
} RacimoPlacedNode;

void             racimo_placed_node_append (RacimoPlacedNode      *self,
                                            GtkSnapshot           *snapshot,
                                            GskRenderNode         *node,
                                            double                 x,
                                            double                 y,
                                            const graphene_rect_t *area);
void             racimo_placed_node_clear  (RacimoPlacedNode      *self);

GskRenderNode   *racimo_flatten_node       (GskRenderNode         *node,
                                            int                    width,
                                            int                    height,
                                            int                    scale);

G_END_DECLS
