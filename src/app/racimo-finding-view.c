/* racimo-finding-view.c: the checks panel's findings, drawn as one list
 *
 * One widget draws the rows of a RacimoFindingsModel that are in view, the
 * way the grid draws its cells.  GTK 4.8's list view made and styled a
 * row of widgets whenever an edit brought a finding, and laid out the
 * whole window for it, several times what the edit itself cost; here an
 * edit that adds or takes out a finding moves the rows under it and draws
 * the new one.
 *
 * Rows have a height by their kind alone (a finding's message takes two
 * lines, its reason two more), so the list knows where each row is
 * without laying out its text.  Each row in view is drawn once into a
 * render node and kept until it changes.
 *
 * The selection is a GtkSingleSelection, as for a list view.  Up and
 * Down move it from finding to finding, Enter activates it, the Menu key
 * or Shift+F10 asks for its menu, and the selected finding is what the
 * widget says to a screen reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "racimo-compat.h"
#include "racimo-drawn-text.h"
#include "racimo-finding-view.h"
#include "racimo-scrollable.h"

#define MESSAGE_LINES 2
#define REASON_LINES 2
#define ICON_SIZE 16
#define MORE_SIZE 34  /* the finding's menu button, as a flat circular button */

typedef enum
{
  SHAPE_SECTION,
  SHAPE_CHECK,
  SHAPE_FINDING,
  SHAPE_WAIVED_FINDING,  /* with the reason under the message */
  N_SHAPES
} Shape;

/* A row in view as drawn, kept until the row says it changed.  A heading's
 * count is drawn apart: an edit changes it, and draws nothing else again. */
typedef struct
{
  RacimoFindingView *view;
  RacimoFindingRow  *row;
  gulong             notify_handler;
  GskRenderNode     *body;   /* all but the count */
  GskRenderNode     *count;  /* a heading's count, or NULL */
  GskRenderNode     *node;   /* both */
  RacimoPlacedNode   placed; /* where the last frame put it */
  int                width;
  gboolean           in_view;
} DrawnFinding;

struct _RacimoFindingView
{
  GtkWidget           parent_instance;

  GtkSingleSelection *model;
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;

  /* Geometry */
  gboolean            metrics_dirty;
  int                 heights[N_SHAPES];
  int                 line_height;
  int                 small_line_height;
  GArray             *tops;  /* int: where each row starts, and where the last ends */

  /* Drawing */
  GdkRGBA             fg;
  GdkRGBA             error;
  GdkRGBA             warning;
  GdkRGBA             focus;
  GdkRGBA             selection;
  GdkRGBA             hover;
  GdkPaintable       *section_icons[RACIMO_FINDING_N_SECTIONS];
  GdkPaintable       *more_icon;
  GHashTable         *drawn;  /* RacimoFindingRow -> DrawnFinding, for the rows in view */
  GHashTable         *counts; /* "s12" or "c3" (a section's or a check's) -> RacimoDrawnText */
  GHashTable         *gone;   /* what a finding that left the view showed -> its body */
  gboolean            images; /* rows' bodies are drawn as images: see draw_body() */
  int                 hovered;       /* the finding under the pointer, or -1 */
  gboolean            hovered_more;  /* and the pointer on its menu button */

  char               *a11y_label;
};

static void racimo_finding_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RacimoFindingView, racimo_finding_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      racimo_finding_view_scrollable_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  ROW_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_accessible (RacimoFindingView *self);

/* Rows */

static guint
n_rows (RacimoFindingView *self)
{
  return self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

/* A borrowed row: the list keeps its rows. */
static RacimoFindingRow *
row_at (RacimoFindingView *self,
        guint              position)
{
  g_autoptr(RacimoFindingRow) row = NULL;

  if (self->model == NULL)
    return NULL;

  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return row;
}

static Shape
shape_of (RacimoFindingRow *row)
{
  switch (racimo_finding_row_get_kind (row))
    {
    case RACIMO_FINDING_ROW_SECTION:
      return SHAPE_SECTION;
    case RACIMO_FINDING_ROW_CHECK:
      return SHAPE_CHECK;
    case RACIMO_FINDING_ROW_FINDING:
    default:
      return racimo_finding_row_get_reason (row) != NULL ? SHAPE_WAIVED_FINDING : SHAPE_FINDING;
    }
}

static gboolean
is_finding (RacimoFindingRow *row)
{
  return row != NULL && racimo_finding_row_get_kind (row) == RACIMO_FINDING_ROW_FINDING;
}

/**
 * racimo_finding_view_describe_row:
 *
 * Says @row as a screen reader should: "No owner: Retraining pipeline.
 * Activity "Retraining pipeline" has no owner (A)", or a heading with its
 * count, "Errors, 3".
 *
 * Returns: (transfer full): the translated text
 */
char *
racimo_finding_view_describe_row (RacimoFindingRow *row)
{
  const char *reason = racimo_finding_row_get_reason (row);

  if (!is_finding (row))
    /* Translators: a heading of the checks panel read aloud, with how
     * many findings it has: "Errors, 3" */
    return g_strdup_printf (C_("checks heading", "%s, %u"), racimo_finding_row_get_title (row),
                            racimo_finding_row_get_count (row));

  if (reason != NULL)
    /* Translators: a waived finding read aloud: check, item, message, reason */
    return g_strdup_printf (_("%s: %s. %s Waived: %s"),
                            racimo_check_get_title (racimo_finding_row_get_check (row)),
                            racimo_finding_row_get_title (row),
                            racimo_finding_row_get_message (row), reason);

  /* Translators: a finding read aloud: check, item, then the message */
  return g_strdup_printf (_("%s: %s. %s"),
                          racimo_check_get_title (racimo_finding_row_get_check (row)),
                          racimo_finding_row_get_title (row),
                          racimo_finding_row_get_message (row));
}

/* Geometry */

static int
line_height_of (RacimoFindingView *self,
                double             scale)
{
  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  PangoAttrList *attrs = pango_attr_list_new ();
  int height;

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (probe, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (probe, NULL, &height);
  return height;
}

static void
forget_drawn (RacimoFindingView *self)
{
  g_hash_table_remove_all (self->drawn);
  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->gone);
}

static GdkPaintable *
load_icon (RacimoFindingView *self,
           const char        *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

  return GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, name, NULL, ICON_SIZE,
                                                    gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                                    gtk_widget_get_direction (GTK_WIDGET (self)),
                                                    0));
}

static void
ensure_metrics (RacimoFindingView *self)
{
  static const char * const section_icons[] = {
    "dialog-error-symbolic", "dialog-warning-symbolic", "object-select-symbolic"
  };
  int finding;

  if (!self->metrics_dirty)
    return;

  self->metrics_dirty = FALSE;
  forget_drawn (self);

  racimo_compat_widget_get_color (GTK_WIDGET (self), &self->fg);
  if (!racimo_compat_lookup_color (GTK_WIDGET (self), "error_color", &self->error))
    self->error = (GdkRGBA) { 0.75f, 0.11f, 0.16f, 1 };
  if (!racimo_compat_lookup_color (GTK_WIDGET (self), "warning_color", &self->warning))
    self->warning = (GdkRGBA) { 0.6f, 0.4f, 0.0f, 1 };
  if (!racimo_compat_lookup_color (GTK_WIDGET (self), "accent_color", &self->focus))
    self->focus = (GdkRGBA) { 0.11f, 0.44f, 0.85f, 1 };
  self->focus.alpha *= 0.5f;  /* as Adwaita draws a focus ring */
  self->selection = self->fg;
  self->selection.alpha = 0.1f;
  self->hover = self->fg;
  self->hover.alpha = 0.04f;

  for (guint i = 0; i < RACIMO_FINDING_N_SECTIONS; i++)
    {
      g_clear_object (&self->section_icons[i]);
      self->section_icons[i] = load_icon (self, section_icons[i]);
    }
  g_clear_object (&self->more_icon);
  self->more_icon = load_icon (self, "view-more-symbolic");

  /* The paddings of the list's rows in Adwaita, as the panel had them */
  self->line_height = line_height_of (self, 1.0);
  self->small_line_height = line_height_of (self, PANGO_SCALE_SMALL);
  self->heights[SHAPE_SECTION] = 14 + MAX (self->line_height, ICON_SIZE) + 4;
  self->heights[SHAPE_CHECK] = 8 + self->small_line_height + 2;
  finding = 4 + self->line_height + MESSAGE_LINES * self->small_line_height + 4;
  self->heights[SHAPE_FINDING] = MAX (finding, MORE_SIZE + 8);
  self->heights[SHAPE_WAIVED_FINDING] = finding + REASON_LINES * self->small_line_height;

  g_array_set_size (self->tops, 0);
}

/* Where each row starts, made again when the shapes changed */
static void
ensure_tops (RacimoFindingView *self)
{
  guint n = n_rows (self);
  int top = 0;

  ensure_metrics (self);
  if (self->tops->len == n + 1)
    return;

  g_array_set_size (self->tops, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_array_index (self->tops, int, i) = top;
      top += self->heights[shape_of (row_at (self, i))];
    }
  g_array_index (self->tops, int, n) = top;
}

static int
row_top (RacimoFindingView *self,
         guint              position)
{
  return g_array_index (self->tops, int, position);
}

static double
scrolled (RacimoFindingView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* The row at @y in the widget, or -1 */
static int
row_at_y (RacimoFindingView *self,
          double             y)
{
  guint n = n_rows (self), low = 0, high = n;
  double content_y = y + scrolled (self);

  ensure_tops (self);
  if (n == 0 || content_y < 0 || content_y >= row_top (self, n))
    return -1;

  /* The last row starting at or above content_y */
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (row_top (self, middle) <= content_y)
        low = middle;
      else
        high = middle;
    }

  return (int) low;
}

static void
configure_adjustments (RacimoFindingView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double upper, value;

  ensure_tops (self);
  upper = MAX (row_top (self, n_rows (self)), height);
  value = CLAMP (scrolled (self), 0, upper - height);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, value, 0, upper, self->line_height,
                              MAX (height - self->line_height, 1), height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, 1, width, width);
}

/* The model */

static void
on_items_changed (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  RacimoFindingView *self)
{
  guint n = g_list_model_get_n_items (model);
  int start, old_end, new_end, shift;

  /* The pointer is over another row now, if any: known when it moves. */
  self->hovered = -1;

  /* Out of view, the rows are placed again when next shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self))
      || self->tops->len != n - added + removed + 1)
    {
      g_array_set_size (self->tops, 0);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        configure_adjustments (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  /* Only the rows that changed are measured; those under them move. */
  start = row_top (self, position);
  old_end = row_top (self, position + removed);
  g_array_remove_range (self->tops, position, removed);
  new_end = start;
  for (guint i = position; i < position + added; i++)
    {
      g_array_insert_val (self->tops, i, new_end);
      new_end += self->heights[shape_of (row_at (self, i))];
    }
  shift = new_end - old_end;
  for (guint i = position + added; i < self->tops->len; i++)
    g_array_index (self->tops, int, i) += shift;

  configure_adjustments (self);

  /* Rows that come or go above the view push what it shows: the view
   * follows, as a list view keeps its rows in place. */
  if (shift != 0 && start < scrolled (self) && self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, scrolled (self) + shift);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      RacimoFindingView *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
selected (RacimoFindingView *self)
{
  guint position;

  if (self->model == NULL)
    return -1;

  position = gtk_single_selection_get_selected (self->model);
  return position == GTK_INVALID_LIST_POSITION ? -1 : (int) position;
}

/* Drawing */

static PangoLayout *
make_text (RacimoFindingView *self,
           const char        *text,
           int                width,
           int                lines,
           double             scale,
           PangoWeight        weight,
           PangoStyle         style)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  if (style != PANGO_STYLE_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_style_new (style));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (lines > 1)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -lines);
    }
  else
    pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

static void
append_icon (GtkSnapshot   *snapshot,
             GdkPaintable  *icon,
             const GdkRGBA *color,
             double         x,
             double         y)
{
  racimo_snapshot_append_icon (snapshot, icon, ICON_SIZE, color, 1, x, y);
}

/* A heading's count, at the right of a row @width wide.  Counts are drawn
 * once each: an edit and its undo change a count back and forth. */
static GskRenderNode *
draw_count (RacimoFindingView *self,
            RacimoFindingRow  *row,
            int                width)
{
  gboolean section = racimo_finding_row_get_kind (row) == RACIMO_FINDING_ROW_SECTION;
  int height = section ? MAX (self->line_height, ICON_SIZE) : self->small_line_height;
  double y = section ? 14 : 8;
  g_autofree char *key = g_strdup_printf ("%c%u", section ? 's' : 'c',
                                          racimo_finding_row_get_count (row));
  RacimoDrawnText *drawn = g_hash_table_lookup (self->counts, key);
  GtkSnapshot *snapshot;

  if (drawn == NULL)
    {
      g_autoptr(PangoLayout) layout = NULL;
      GdkRGBA dim = self->fg;

      /* Headings are few; their counts many only over a long session. */
      if (g_hash_table_size (self->counts) >= 64)
        g_hash_table_remove_all (self->counts);

      layout = make_text (self, key + 1, 200, 1, section ? 1.0 : PANGO_SCALE_SMALL,
                          section ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
      dim.alpha *= 0.7f;
      drawn = racimo_drawn_text_new (layout, &dim);
      g_hash_table_insert (self->counts, g_steal_pointer (&key), drawn);
    }

  snapshot = gtk_snapshot_new ();
  racimo_drawn_text_append (drawn, snapshot, width - 12 - drawn->width,
                            y + (height - drawn->height) / 2.0, NULL);
  return gtk_snapshot_free_to_node (snapshot);
}

/* @row but a heading's count, from its top left, @width wide: an image
 * with the cairo renderer, for when rows move */
static GskRenderNode *
draw_body (RacimoFindingView *self,
           RacimoFindingRow  *row,
           int                width)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  RacimoFindingSection section = racimo_finding_row_get_section (row);
  const char *title = racimo_finding_row_get_title (row);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color = self->fg;
  GskRenderNode *body;

  switch (racimo_finding_row_get_kind (row))
    {
    case RACIMO_FINDING_ROW_SECTION:
      {
        const GdkRGBA *icon_color = section == RACIMO_FINDING_SECTION_ERRORS ? &self->error
                                    : section == RACIMO_FINDING_SECTION_WARNINGS ? &self->warning
                                    : &self->fg;
        int line = MAX (self->line_height, ICON_SIZE);

        append_icon (snapshot, self->section_icons[section], icon_color, 12,
                     14 + (line - ICON_SIZE) / 2.0);
        layout = make_text (self, title, width - 12 - ICON_SIZE - 8 - 48, 1, 1.0,
                            PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
        racimo_snapshot_append_layout (snapshot, layout, &self->fg, 12 + ICON_SIZE + 8,
                                       14 + (line - self->line_height) / 2.0);
      }
      break;

    case RACIMO_FINDING_ROW_CHECK:
      color.alpha *= 0.7f;
      layout = make_text (self, title, width - 36 - 12 - 48, 1, PANGO_SCALE_SMALL,
                          PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
      racimo_snapshot_append_layout (snapshot, layout, &color, 36, 8);
      break;

    case RACIMO_FINDING_ROW_FINDING:
    default:
      {
        const char *reason = racimo_finding_row_get_reason (row);
        int text_width = width - 36 - 6 - MORE_SIZE - 6;
        int height = self->heights[shape_of (row)];
        double y = 4;

        layout = make_text (self, title, text_width, 1, 1.0, PANGO_WEIGHT_NORMAL,
                            PANGO_STYLE_NORMAL);
        racimo_snapshot_append_layout (snapshot, layout, &self->fg, 36, y);
        g_clear_object (&layout);
        y += self->line_height;

        color.alpha *= 0.75f;
        layout = make_text (self, racimo_finding_row_get_message (row), text_width,
                            MESSAGE_LINES, PANGO_SCALE_SMALL, PANGO_WEIGHT_NORMAL,
                            PANGO_STYLE_NORMAL);
        racimo_snapshot_append_layout (snapshot, layout, &color, 36, y);
        g_clear_object (&layout);
        y += MESSAGE_LINES * self->small_line_height;

        if (reason != NULL)
          {
            /* Translators: the reason a finding was waived, quoted */
            g_autofree char *quoted = g_strdup_printf (_("“%s”"), reason);

            layout = make_text (self, quoted, text_width, REASON_LINES, PANGO_SCALE_SMALL,
                                PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
            racimo_snapshot_append_layout (snapshot, layout, &self->fg, 36, y);
          }

        append_icon (snapshot, self->more_icon, &self->fg,
                     width - 6 - (MORE_SIZE + ICON_SIZE) / 2.0, (height - ICON_SIZE) / 2.0);
      }
      break;
    }

  body = gtk_snapshot_free_to_node (snapshot);
  if (self->images && body != NULL)
    {
      GskRenderNode *image = racimo_flatten_node (body, width, self->heights[shape_of (row)],
                                                  gtk_widget_get_scale_factor (GTK_WIDGET (self)));

      gsk_render_node_unref (body);
      body = image;
    }

  return body;
}

/* What a finding's row shows, @width wide */
static char *
shown_of (RacimoFindingRow *row,
          int               width)
{
  const char *reason = racimo_finding_row_get_reason (row);

  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s", width, racimo_finding_row_get_title (row),
                          racimo_finding_row_get_message (row), reason != NULL ? reason : "");
}

static void
on_drawn_row_notify (RacimoFindingRow *row,
                     GParamSpec       *pspec,
                     DrawnFinding     *drawn)
{
  if (g_strcmp0 (g_param_spec_get_name (pspec), "count") == 0)
    g_clear_pointer (&drawn->count, gsk_render_node_unref);
  else
    g_clear_pointer (&drawn->body, gsk_render_node_unref);
  g_clear_pointer (&drawn->node, gsk_render_node_unref);

  gtk_widget_queue_draw (GTK_WIDGET (drawn->view));
}

/* @row as drawn, drawn again only when the row changed */
static DrawnFinding *
drawn_row (RacimoFindingView *self,
           RacimoFindingRow  *row,
           int                width)
{
  DrawnFinding *drawn = g_hash_table_lookup (self->drawn, row);

  if (drawn == NULL)
    {
      drawn = g_new0 (DrawnFinding, 1);
      drawn->view = self;
      drawn->row = g_object_ref (row);
      drawn->notify_handler = g_signal_connect (row, "notify",
                                                G_CALLBACK (on_drawn_row_notify), drawn);
      g_hash_table_insert (self->drawn, row, drawn);
    }

  if (drawn->width != width)
    {
      g_clear_pointer (&drawn->body, gsk_render_node_unref);
      g_clear_pointer (&drawn->count, gsk_render_node_unref);
      g_clear_pointer (&drawn->node, gsk_render_node_unref);
      drawn->width = width;
    }

  if (drawn->node == NULL)
    {
      if (drawn->body == NULL && is_finding (row))
        {
          g_autofree char *shown = shown_of (row, width);
          g_autofree char *key = NULL;

          g_hash_table_steal_extended (self->gone, shown, (gpointer *) &key,
                                       (gpointer *) &drawn->body);
        }
      if (drawn->body == NULL)
        drawn->body = draw_body (self, row, width);
      if (drawn->count == NULL && !is_finding (row))
        drawn->count = draw_count (self, row, width);
      drawn->node = drawn->count != NULL
                    ? gsk_container_node_new ((GskRenderNode *[]) { drawn->body, drawn->count }, 2)
                    : gsk_render_node_ref (drawn->body);
    }

  drawn->in_view = TRUE;
  return drawn;
}

static void
drawn_finding_free (gpointer data)
{
  DrawnFinding *drawn = data;

  g_clear_signal_handler (&drawn->notify_handler, drawn->row);
  g_clear_object (&drawn->row);
  g_clear_pointer (&drawn->body, gsk_render_node_unref);
  g_clear_pointer (&drawn->count, gsk_render_node_unref);
  g_clear_pointer (&drawn->node, gsk_render_node_unref);
  racimo_placed_node_clear (&drawn->placed);
  g_free (drawn);
}

/* A finding that leaves the view keeps its drawing a while, by what it
 * shows: a finding that an edit settles and its undo brings back is a
 * row anew, and finds its drawing there. */
static gboolean
out_of_view (gpointer key,
             gpointer value,
             gpointer user_data)
{
  RacimoFindingView *self = user_data;
  DrawnFinding *drawn = value;
  gboolean out = !drawn->in_view;

  drawn->in_view = FALSE;
  if (out && drawn->body != NULL && is_finding (drawn->row))
    {
      if (g_hash_table_size (self->gone) >= 32)
        g_hash_table_remove_all (self->gone);
      g_hash_table_replace (self->gone, shown_of (drawn->row, drawn->width),
                            gsk_render_node_ref (drawn->body));
    }

  return out;
}

/* @y on the screen's pixel grid, @scale pixels to the unit: a row's image
 * drawn between two pixels would be blurred, where text is drawn on whole
 * pixels anyway.  Scrolling with a touchpad stops anywhere. */
static double
on_pixel (double y,
          int    scale)
{
  return round (y * scale) / scale;
}

static gboolean
renders_with_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

static void
append_focus_ring (RacimoFindingView     *self,
                   GtkSnapshot           *snapshot,
                   const graphene_rect_t *area)
{
  const GdkRGBA colors[4] = { self->focus, self->focus, self->focus, self->focus };
  const float widths[4] = { 2, 2, 2, 2 };
  GskRoundedRect ring;

  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (area->origin.x + 1,
                                                               area->origin.y + 1,
                                                               area->size.width - 2,
                                                               area->size.height - 2), 6);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

static void
racimo_finding_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  RacimoFindingView *self = RACIMO_FINDING_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double value = scrolled (self);
  int first = row_at_y (self, 0);
  int chosen = selected (self);
  int scale = gtk_widget_get_scale_factor (widget);
  guint n = n_rows (self);

  if (first < 0)
    first = 0;

  if (renders_with_cairo (widget) != self->images)
    {
      self->images = !self->images;
      forget_drawn (self);
    }

  for (guint i = (guint) first; i < n && row_top (self, i) - value < height; i++)
    {
      RacimoFindingRow *row = row_at (self, i);
      double y = on_pixel (row_top (self, i) - value, scale);
      int row_height = row_top (self, i + 1) - row_top (self, i);
      DrawnFinding *drawn;

      if ((int) i == self->hovered && (int) i != chosen)
        gtk_snapshot_append_color (snapshot, &self->hover,
                                   &GRAPHENE_RECT_INIT (0, (float) y, (float) width,
                                                        (float) row_height));
      if ((int) i == self->hovered && self->hovered_more)
        {
          /* The row's menu button, as a flat button shows the pointer */
          graphene_rect_t button = GRAPHENE_RECT_INIT ((float) (width - 6 - MORE_SIZE),
                                                       (float) (y + (row_height - MORE_SIZE) / 2.0),
                                                       MORE_SIZE, MORE_SIZE);
          GskRoundedRect circle;

          gsk_rounded_rect_init_from_rect (&circle, &button, MORE_SIZE / 2.0f);
          gtk_snapshot_push_rounded_clip (snapshot, &circle);
          gtk_snapshot_append_color (snapshot, &self->selection, &circle.bounds);
          gtk_snapshot_pop (snapshot);
        }

      if ((int) i == chosen)
        {
          graphene_rect_t area = GRAPHENE_RECT_INIT (0, (float) y, (float) width,
                                                     (float) row_height);

          gtk_snapshot_append_color (snapshot, &self->selection, &area);
          if (gtk_widget_has_focus (widget))
            append_focus_ring (self, snapshot, &area);
        }

      drawn = drawn_row (self, row, width);
      racimo_placed_node_append (&drawn->placed, snapshot, drawn->node, 0, y,
                                 &GRAPHENE_RECT_INIT (0, (float) y, (float) width,
                                                      (float) row_height));
    }

  /* Focused with nothing selected: the list as a whole shows it. */
  if (chosen < 0 && gtk_widget_has_focus (widget))
    append_focus_ring (self, snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));

  /* Only the rows in view are kept. */
  g_hash_table_foreach_remove (self->drawn, out_of_view, self);
}

/* Scrolling */

static void
on_adjustment_value_changed (GtkAdjustment     *adjustment,
                             RacimoFindingView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
racimo_finding_view_scrollable_init (GtkScrollableInterface *iface)
{
}

/**
 * racimo_finding_view_get_row_area:
 * @area: (out): where row @position is in the view
 *
 * Returns: %TRUE when the row is at least partly in view
 */
gboolean
racimo_finding_view_get_row_area (RacimoFindingView *self,
                                  guint              position,
                                  graphene_rect_t   *area)
{
  double y;
  int height;

  g_return_val_if_fail (RACIMO_IS_FINDING_VIEW (self), FALSE);

  ensure_tops (self);
  if (position >= n_rows (self))
    return FALSE;

  y = row_top (self, position) - scrolled (self);
  height = row_top (self, position + 1) - row_top (self, position);
  graphene_rect_init (area, 0, (float) y, (float) gtk_widget_get_width (GTK_WIDGET (self)),
                      (float) height);

  return y + height > 0 && y < gtk_widget_get_height (GTK_WIDGET (self));
}

/**
 * racimo_finding_view_scroll_to:
 *
 * Scrolls as little as brings row @position into view.
 */
void
racimo_finding_view_scroll_to (RacimoFindingView *self,
                               guint              position)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double value, top, bottom;

  g_return_if_fail (RACIMO_IS_FINDING_VIEW (self));

  ensure_tops (self);
  if (position >= n_rows (self) || self->vadjustment == NULL)
    return;

  configure_adjustments (self);
  value = scrolled (self);
  top = row_top (self, position);
  bottom = row_top (self, position + 1);

  if (top < value)
    value = top;
  else if (bottom > value + height)
    value = bottom - height;

  gtk_adjustment_set_value (self->vadjustment, value);
}

/* Input */

static void
select_row (RacimoFindingView *self,
            guint              position)
{
  gtk_single_selection_set_selected (self->model, position);
  racimo_finding_view_scroll_to (self, position);
}

/* The finding @step findings from the selected one, or the first or last
 * one when none is selected */
static int
finding_after (RacimoFindingView *self,
               int                from,
               int                step)
{
  int n = (int) n_rows (self);

  for (int i = from + step; i >= 0 && i < n; i += step)
    if (is_finding (row_at (self, (guint) i)))
      return i;

  return -1;
}

static void
move_selection (RacimoFindingView *self,
                int                step,
                gboolean           page)
{
  int current = selected (self);
  int n = (int) n_rows (self);
  int target = -1;

  if (current < 0)
    target = step > 0 ? finding_after (self, -1, 1) : finding_after (self, n, -1);
  else if (page)
    {
      /* About a page, then the nearest finding on the way */
      int row = row_at_y (self, (row_top (self, (guint) current) - scrolled (self))
                                + step * gtk_widget_get_height (GTK_WIDGET (self)));

      if (row < 0)
        row = step > 0 ? n : -1;
      target = finding_after (self, row - step, step);
      if (target < 0)
        target = finding_after (self, row, -step);
    }
  else
    target = finding_after (self, current, step);

  if (target >= 0)
    select_row (self, (guint) target);
}

static void
ask_menu (RacimoFindingView *self,
          guint              position,
          double             x,
          double             y)
{
  g_signal_emit (self, signals[ROW_MENU], 0, position, x, y);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RacimoFindingView     *self)
{
  int current = selected (self);
  int n = (int) n_rows (self);

  if (self->model == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1, FALSE);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, +1, FALSE);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_selection (self, -1, TRUE);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_selection (self, +1, TRUE);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (finding_after (self, -1, 1) >= 0)
        select_row (self, (guint) finding_after (self, -1, 1));
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (finding_after (self, n, -1) >= 0)
        select_row (self, (guint) finding_after (self, n, -1));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (current < 0)
        return FALSE;
      g_signal_emit (self, signals[ACTIVATE], 0, (guint) current);
      return TRUE;
    case GDK_KEY_Menu:
      if (current < 0)
        return FALSE;
      ask_menu (self, (guint) current, -1, -1);
      return TRUE;
    case GDK_KEY_F10:
      if (current < 0 || (state & GDK_SHIFT_MASK) == 0)
        return FALSE;
      ask_menu (self, (guint) current, -1, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
over_more (RacimoFindingView *self,
           RacimoFindingRow  *row,
           double             x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return is_finding (row) && x >= width - 6 - MORE_SIZE && x < width - 6;
}

static void
on_pressed (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            RacimoFindingView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int position = row_at_y (self, y);
  RacimoFindingRow *row = position >= 0 ? row_at (self, (guint) position) : NULL;

  /* A click anywhere gives the list the keyboard; only findings do more. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!is_finding (row))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (button == GDK_BUTTON_SECONDARY)
    {
      ask_menu (self, (guint) position, x, y);
      return;
    }

  select_row (self, (guint) position);
  if (over_more (self, row, x))
    ask_menu (self, (guint) position, -1, -1);
  else if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE], 0, (guint) position);
}

static void
set_hovered (RacimoFindingView *self,
             int                position,
             gboolean           on_more)
{
  if (self->hovered == position && self->hovered_more == on_more)
    return;

  self->hovered = position;
  self->hovered_more = on_more;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           RacimoFindingView        *self)
{
  int position = row_at_y (self, y);
  RacimoFindingRow *row = position >= 0 ? row_at (self, (guint) position) : NULL;

  if (!is_finding (row))
    set_hovered (self, -1, FALSE);
  else
    set_hovered (self, position, over_more (self, row, x));
}

static void
on_leave (GtkEventControllerMotion *motion,
          RacimoFindingView        *self)
{
  set_hovered (self, -1, FALSE);
}

static gboolean
on_query_tooltip (RacimoFindingView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard_mode,
                  GtkTooltip        *tooltip)
{
  int position = keyboard_mode ? -1 : row_at_y (self, y);
  graphene_rect_t area;

  if (position < 0 || !over_more (self, row_at (self, (guint) position), x)
      || !racimo_finding_view_get_row_area (self, (guint) position, &area))
    return FALSE;

  gtk_tooltip_set_text (tooltip, _("Finding Actions"));
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              gtk_widget_get_width (GTK_WIDGET (self)) - 6 - MORE_SIZE,
                              (int) area.origin.y, MORE_SIZE, (int) area.size.height });
  return TRUE;
}

/* Access */

static void
update_accessible (RacimoFindingView *self)
{
  int position = selected (self);
  g_autofree char *label = NULL;

  if (position >= 0)
    label = racimo_finding_view_describe_row (row_at (self, (guint) position));
  else
    label = g_strdup (_("Findings"));

  if (g_strcmp0 (label, self->a11y_label) == 0)
    return;

  g_free (self->a11y_label);
  self->a11y_label = g_steal_pointer (&label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->a11y_label, -1);
}

/* GtkWidget */

static void
racimo_finding_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  RacimoFindingView *self = RACIMO_FINDING_VIEW (widget);

  ensure_metrics (self);

  /* As tall and wide as a few rows: the scrolled window does the rest,
   * and an edit never asks the window to lay out again. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 36 + 120 + MORE_SIZE + 12;
  else
    *minimum = *natural = self->heights[SHAPE_WAIVED_FINDING];
}

static void
racimo_finding_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  configure_adjustments (RACIMO_FINDING_VIEW (widget));
}

static void
racimo_finding_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  RacimoFindingView *self = RACIMO_FINDING_VIEW (widget);

  GTK_WIDGET_CLASS (racimo_finding_view_parent_class)->css_changed (widget, change);

  self->metrics_dirty = TRUE;
  gtk_widget_queue_resize (widget);
}

/* Icons and row images are drawn for the scale */
static void
on_scale_factor_changed (RacimoFindingView *self,
                         GParamSpec        *pspec,
                         gpointer           user_data)
{
  self->metrics_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
racimo_finding_view_focus_changed (RacimoFindingView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
racimo_finding_view_dispose (GObject *object)
{
  RacimoFindingView *self = RACIMO_FINDING_VIEW (object);

  racimo_finding_view_set_model (self, NULL);
  racimo_scrollable_clear_adjustment (GTK_WIDGET (self), &self->hadjustment,
                                      G_CALLBACK (on_adjustment_value_changed));
  racimo_scrollable_clear_adjustment (GTK_WIDGET (self), &self->vadjustment,
                                      G_CALLBACK (on_adjustment_value_changed));
  for (guint i = 0; i < RACIMO_FINDING_N_SECTIONS; i++)
    g_clear_object (&self->section_icons[i]);
  g_clear_object (&self->more_icon);
  g_hash_table_remove_all (self->drawn);

  G_OBJECT_CLASS (racimo_finding_view_parent_class)->dispose (object);
}

static void
racimo_finding_view_finalize (GObject *object)
{
  RacimoFindingView *self = RACIMO_FINDING_VIEW (object);

  g_clear_pointer (&self->tops, g_array_unref);
  g_clear_pointer (&self->drawn, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->gone, g_hash_table_unref);
  g_clear_pointer (&self->a11y_label, g_free);

  G_OBJECT_CLASS (racimo_finding_view_parent_class)->finalize (object);
}

static void
racimo_finding_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RacimoFindingView *self = RACIMO_FINDING_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
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
racimo_finding_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RacimoFindingView *self = RACIMO_FINDING_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      racimo_finding_view_set_model (self, g_value_get_object (value));
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
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_finding_view_class_init (RacimoFindingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_finding_view_dispose;
  object_class->finalize = racimo_finding_view_finalize;
  object_class->get_property = racimo_finding_view_get_property;
  object_class->set_property = racimo_finding_view_set_property;
  widget_class->measure = racimo_finding_view_measure;
  widget_class->size_allocate = racimo_finding_view_size_allocate;
  widget_class->snapshot = racimo_finding_view_snapshot;
  widget_class->css_changed = racimo_finding_view_css_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SINGLE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * RacimoFindingView::activate:
   * @position: the row activated
   *
   * Emitted for Enter on the selected finding, or a double click on one.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * RacimoFindingView::row-menu:
   * @position: the finding's row
   * @x: where the pointer was, or -1 for the row as a whole
   * @y: where the pointer was, or -1
   *
   * Emitted when the user asks for a finding's menu: its button, a right
   * click, the Menu key or Shift+F10.
   */
  signals[ROW_MENU] =
    g_signal_new ("row-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE,
                  G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "findingview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
racimo_finding_view_init (RacimoFindingView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->metrics_dirty = TRUE;
  self->hovered = -1;
  self->tops = g_array_new (FALSE, FALSE, sizeof (int));
  self->drawn = g_hash_table_new_full (NULL, NULL, NULL, drawn_finding_free);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, racimo_drawn_text_free);
  self->gone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) gsk_render_node_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (racimo_finding_view_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (racimo_finding_view_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  update_accessible (self);
}

/**
 * racimo_finding_view_new:
 *
 * Returns: (transfer floating): a view of no findings until
 *   racimo_finding_view_set_model() is called
 */
GtkWidget *
racimo_finding_view_new (void)
{
  return g_object_new (RACIMO_TYPE_FINDING_VIEW, NULL);
}

/**
 * racimo_finding_view_set_model:
 * @model: (nullable): a selection over a #RacimoFindingsModel
 *
 * Shows @model's rows and its selection, and follows them.
 */
void
racimo_finding_view_set_model (RacimoFindingView  *self,
                               GtkSingleSelection *model)
{
  g_return_if_fail (RACIMO_IS_FINDING_VIEW (self));
  g_return_if_fail (model == NULL || GTK_IS_SINGLE_SELECTION (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
      g_signal_connect (model, "selection-changed", G_CALLBACK (on_selection_changed), self);
    }

  g_array_set_size (self->tops, 0);
  forget_drawn (self);
  update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * racimo_finding_view_get_model:
 *
 * Returns: (transfer none) (nullable): the selection shown
 */
GtkSingleSelection *
racimo_finding_view_get_model (RacimoFindingView *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_VIEW (self), NULL);

  return self->model;
}
