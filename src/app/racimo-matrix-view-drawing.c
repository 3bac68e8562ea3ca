/* racimo-matrix-view-drawing.c: the grid drawn: colours, text shaped once, rows kept
 * as render nodes from frame to frame, and tooltips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-compat.h"
#include "racimo-matrix-view-private.h"

/* Colours, sizes and shaped text */

static void
lookup_color (RacimoMatrixView *self,
              const char       *name,
              const GdkRGBA    *fallback,
              GdkRGBA          *color)
{
  if (!racimo_compat_lookup_color (GTK_WIDGET (self), name, color))
    *color = *fallback;
}

static void
update_colors (RacimoMatrixView *self)
{
  Colors *c = &self->colors;
  GdkRGBA fallback;

  racimo_compat_widget_get_color (GTK_WIDGET (self), &c->fg);

  fallback = c->fg;
  fallback.alpha = 0.15f;
  lookup_color (self, "racimo_grid_line", &fallback, &c->line);
  lookup_color (self, "view_bg_color", &(GdkRGBA) { 1, 1, 1, 1 }, &c->view_bg);
  lookup_color (self, "racimo_header_bg", &c->view_bg, &c->header_bg);
  fallback.alpha = 0.06f;
  lookup_color (self, "racimo_phase_bg", &fallback, &c->phase_bg);
  lookup_color (self, "racimo_error_bg", &(GdkRGBA) { 0.88f, 0.11f, 0.14f, 0.15f },
                &c->error_bg);
  lookup_color (self, "racimo_warning_bg", &(GdkRGBA) { 0.9f, 0.6f, 0.0f, 0.2f },
                &c->warning_bg);
  lookup_color (self, "racimo_problem_fg", &(GdkRGBA) { 0.75f, 0.11f, 0.16f, 1 }, &c->error);
  lookup_color (self, "racimo_warning_fg", &(GdkRGBA) { 0.6f, 0.4f, 0.0f, 1 }, &c->warning);
  lookup_color (self, "accent_color", &(GdkRGBA) { 0.11f, 0.44f, 0.85f, 1 }, &c->accent);
  lookup_color (self, "racimo_selection_bg", &(GdkRGBA) { 0.21f, 0.52f, 0.89f, 0.2f },
                &c->selection);
}

void
_racimo_matrix_view_drawn_row_clear (gpointer data)
{
  DrawnRow *row = data;

  g_clear_pointer (&row->codes, g_free);
  g_clear_object (&row->name_layout);
  g_clear_pointer (&row->cells, gsk_render_node_unref);
  g_clear_pointer (&row->name, gsk_render_node_unref);
  racimo_placed_node_clear (&row->placed_cells);
  racimo_placed_node_clear (&row->placed_name);
}

/* Colours, fonts or sizes changed: no row drawn so far can be kept. */
static void
forget_drawn_rows (RacimoMatrixView *self)
{
  g_array_set_size (self->drawn_rows, 0);
}

static void
clear_text_caches (RacimoMatrixView *self)
{
  forget_drawn_rows (self);
  g_hash_table_remove_all (self->name_layouts);
  g_hash_table_remove_all (self->header_texts);
  g_hash_table_remove_all (self->footer_texts);
  g_hash_table_remove_all (self->footer_pieces);
  g_hash_table_remove_all (self->code_texts);
  g_hash_table_remove_all (self->compare_counts);
  g_clear_pointer (&self->corner_text, racimo_drawn_text_free);
  g_clear_pointer (&self->workload_text, racimo_drawn_text_free);
}

static void
load_icons (RacimoMatrixView *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (display);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GtkTextDirection dir = gtk_widget_get_direction (GTK_WIDGET (self));

  g_clear_object (&self->error_icon);
  g_clear_object (&self->warning_icon);
  g_clear_object (&self->waived_icon);
  /* The icons of the checks panel, for the same severities */
  self->error_icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, "dialog-error-symbolic",
                                                                NULL, self->icon_size, scale,
                                                                dir, 0));
  self->warning_icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, "dialog-warning-symbolic",
                                                                  NULL, self->icon_size, scale,
                                                                  dir, 0));
  self->waived_icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, "object-select-symbolic",
                                                                 NULL, self->icon_size, scale,
                                                                 dir, 0));
}

const RacimoScheme *
_racimo_matrix_view_get_scheme (RacimoMatrixView *self)
{
  return self->project != NULL ? racimo_project_get_scheme (self->project)
                               : racimo_scheme_get_default ();
}

static PangoLayout *
make_layout (RacimoMatrixView *self,
             const char       *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  /* Zoomed: the desktop's font, scaled */
  if (self->zoom != 1.0)
    {
      PangoContext *context = pango_layout_get_context (layout);
      g_autoptr(PangoFontDescription) font =
        pango_font_description_copy (pango_context_get_font_description (context));
      int size = pango_font_description_get_size (font);

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * self->zoom);
      else
        pango_font_description_set_size (font, (int) (size * self->zoom));
      pango_layout_set_font_description (layout, font);
    }

  return layout;
}

PangoLayout *
_racimo_matrix_view_make_layout (RacimoMatrixView *self,
                                 const char       *text)
{
  return make_layout (self, text);
}

static void
set_bold (PangoLayout *layout,
          double       scale)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static const char *
code_color (RacimoMatrixView     *self,
            const RacimoCodeInfo *info)
{
  if (info == NULL)
    return self->dark ? "#c0bfbc" : "#5e5c64";

  return self->dark ? info->color_dark : info->color_light;
}

/* The letters of @codes in the scheme's order, each in its colour, faded
 * when @dimmed: drawn once, and placed in every cell that holds the same
 * codes.  Faded in the text itself, as a group made transparent would be
 * drawn apart in every frame. */
static const RacimoDrawnText *
get_codes_text (RacimoMatrixView *self,
                RacimoCodes       codes,
                gboolean          dimmed)
{
  const RacimoScheme *scheme = _racimo_matrix_view_get_scheme (self);
  g_autoptr(PangoLayout) layout = NULL;
  RacimoDrawnText *text;
  GString *markup;
  char letters[27];
  guint n;

  text = g_hash_table_lookup (self->code_texts,
                              GUINT_TO_POINTER (codes | (dimmed ? DIMMED_TEXT : 0)));
  if (text != NULL)
    return text;

  n = racimo_scheme_order_codes (scheme, codes, letters);
  markup = g_string_new (dimmed ? "<b><span fgalpha=\"45%\">" : "<b>");
  for (guint i = 0; i < n; i++)
    {
      const RacimoCodeInfo *info = racimo_scheme_get_code (scheme, letters[i]);

      /* A code the scheme does not define is shown, in grey and italic. */
      g_string_append_printf (markup, "%s<span foreground=\"%s\"%s>%c</span>",
                              i > 0 ? "\u2009" : "", code_color (self, info),
                              info == NULL ? " style=\"italic\"" : "", letters[i]);
    }
  g_string_append (markup, dimmed ? "</span></b>" : "</b>");

  layout = make_layout (self, NULL);
  pango_layout_set_markup (layout, markup->str, -1);
  g_string_free (markup, TRUE);

  text = racimo_drawn_text_new (layout, &self->colors.fg);
  g_hash_table_insert (self->code_texts, GUINT_TO_POINTER (codes | (dimmed ? DIMMED_TEXT : 0)),
                       text);
  return text;
}

static int
name_text_width (RacimoMatrixView *self)
{
  return MAX (self->name_width - self->icon_size - 3 * self->pad, 20);
}

static PangoLayout *
get_name_layout (RacimoMatrixView *self,
                 Row              *row)
{
  PangoLayout *layout = g_hash_table_lookup (self->name_layouts, row->item);
  const char *name;

  if (layout != NULL)
    return layout;

  name = racimo_item_get_name (row->item);
  layout = make_layout (self, NULL);

  if (row->is_phase && _racimo_matrix_view_is_collapsed (self, row->item))
    {
      guint n = racimo_phase_get_n_activities (RACIMO_PHASE (row->item));
      g_autofree char *text = NULL;

      /* Translators: the header of a collapsed phase: its name and how many
       * activities it hides; the triangle says it can be expanded */
      text = g_strdup_printf (_("▸ %s  (%u hidden)"),
                              _racimo_matrix_view_item_name_or (row->item, _("Unnamed phase")), n);
      pango_layout_set_text (layout, text, -1);
      set_bold (layout, 1.0);
    }
  else if (name == NULL || *name == '\0')
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_layout_set_text (layout, row->is_phase ? _("Unnamed phase") : _("Unnamed activity"),
                             -1);
      pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      if (row->is_phase)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else if (row->is_phase)
    {
      guint n = racimo_phase_get_n_activities (RACIMO_PHASE (row->item));
      guint shown = GPOINTER_TO_UINT (g_hash_table_lookup (self->phase_shown, row->item));
      g_autofree char *text = NULL;

      if (shown > 0 && shown < n)
        /* Translators: a phase's header while a search hides some of its
         * activities: its name, how many are shown, how many it has */
        text = g_strdup_printf (_("%s  (%u of %u)"), name, shown, n);
      else
        /* Translators: a phase's header: its name and how many activities it has */
        text = g_strdup_printf (_("%s  (%u)"), name, n);

      pango_layout_set_text (layout, text, -1);
      set_bold (layout, 1.0);
    }
  else
    {
      pango_layout_set_text (layout, name, -1);

      if (!racimo_activity_get_applicable (RACIMO_ACTIVITY (row->item)))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }

  pango_layout_set_width (layout, (row->is_phase ? self->name_width + 8 * self->column_width
                                                 : name_text_width (self)) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  g_hash_table_insert (self->name_layouts, row->item, layout);
  return layout;
}

static const RacimoDrawnText *
get_header_text (RacimoMatrixView *self,
                 RacimoRole       *role)
{
  RacimoDrawnText *text = g_hash_table_lookup (self->header_texts, role);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *name = NULL;

  if (text != NULL)
    return text;

  name = racimo_role_dup_short_name (role);
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup ("?");
    }

  layout = make_layout (self, name);
  set_bold (layout, 1.0);
  pango_layout_set_width (layout, (self->column_width - self->pad) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  text = racimo_drawn_text_new (layout, &self->colors.fg);
  g_hash_table_insert (self->header_texts, role, text);
  return text;
}

/* A footer piece's key: a code's letter, or a count */
static gpointer
footer_piece_key (const RacimoCodeInfo *info,
                  guint                 count)
{
  return GUINT_TO_POINTER (info != NULL ? 0x80000000u | (guint) info->letter
                                        : MIN (count, 0x7fffffffu));
}

/* A piece of the workload row, in small type: a code's letter, bold in
 * its colour, or a count after a thin space.  Each is drawn once: an edit
 * changes a count, and lays out no text for it. */
static const RacimoDrawnText *
get_footer_piece (RacimoMatrixView     *self,
                  const RacimoCodeInfo *info,
                  guint                 count)
{
  gpointer key = footer_piece_key (info, count);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *markup = NULL;
  RacimoDrawnText *text = g_hash_table_lookup (self->footer_pieces, key);

  if (text != NULL)
    return text;

  if (info != NULL)
    markup = g_strdup_printf ("<small><span foreground=\"%s\"><b>%c</b></span></small>",
                              code_color (self, info), info->letter);
  else
    markup = g_strdup_printf ("<small>\u2009%u</small>", count);

  layout = make_layout (self, NULL);
  pango_layout_set_markup (layout, markup, -1);
  text = racimo_drawn_text_new (layout, &self->colors.fg);
  g_hash_table_insert (self->footer_pieces, key, text);
  return text;
}

/* The workload of a role: how many of each code it holds, two codes a
 * line, each line centred in the column. */
static const RacimoDrawnText *
get_footer_text (RacimoMatrixView *self,
                 int               column)
{
  RacimoRole *role = column_role (self, column);
  const RacimoScheme *scheme = _racimo_matrix_view_get_scheme (self);
  RacimoDrawnText *text = g_hash_table_lookup (self->footer_texts, role);
  GtkSnapshot *snapshot;
  int gap = self->pad, y = 0;

  if (text != NULL)
    return text;

  snapshot = gtk_snapshot_new ();
  for (guint first = 0; first < scheme->n_codes; first += 2)
    {
      guint last = MIN (first + 2, scheme->n_codes);
      const RacimoDrawnText *pieces[4];
      int width = 0, height = 0, x;

      for (guint i = first; i < last; i++)
        {
          const RacimoCodeInfo *info = &scheme->codes[i];
          const RacimoDrawnText *letter = get_footer_piece (self, info, 0);
          const RacimoDrawnText *count = get_footer_piece (self, NULL,
                                                           self->workload[column * N_LETTERS
                                                                          + (info->letter - 'A')]);

          pieces[2 * (i - first)] = letter;
          pieces[2 * (i - first) + 1] = count;
          width += letter->width + count->width + (i > first ? gap : 0);
          height = MAX (height, MAX (letter->height, count->height));
        }

      x = (self->column_width - width) / 2;
      for (guint i = 0; i < 2 * (last - first); i++)
        {
          racimo_drawn_text_append (pieces[i], snapshot, x,
                                    y + (height - pieces[i]->height) / 2, NULL);
          x += pieces[i]->width + (i % 2 == 1 ? gap : 0);
        }
      y += height;
    }

  text = g_new0 (RacimoDrawnText, 1);
  text->node = gtk_snapshot_free_to_node (snapshot);
  text->width = self->column_width;
  text->height = y;
  g_hash_table_insert (self->footer_texts, role, text);
  return text;
}

void
_racimo_matrix_view_ensure_metrics (RacimoMatrixView *self)
{
  g_autoptr(PangoLayout) probe = NULL;
  const RacimoScheme *scheme;
  int text_height, digit_width, widest = 0;

  if (!self->metrics_dirty)
    return;

  self->metrics_dirty = FALSE;
  clear_text_caches (self);
  update_colors (self);
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  probe = make_layout (self, "Ag");
  pango_layout_get_pixel_size (probe, NULL, &text_height);
  pango_layout_set_text (probe, "0", -1);
  pango_layout_get_pixel_size (probe, &digit_width, NULL);

  self->pad = MAX (text_height / 3, 4);
  self->icon_size = 16;
  self->row_height = text_height + 2 * self->pad + 1;
  self->header_height = 2 * text_height + 2 * self->pad + 1;

  scheme = _racimo_matrix_view_get_scheme (self);
  self->footer_height = (int) ((scheme->n_codes + 1) / 2) * (int) (text_height * 0.9)
                        + 2 * self->pad;

  /* Columns are as wide as the widest header needs, within reason: room
   * for an eight-letter abbreviation and the workload counts. */
  for (guint c = 0; c < n_columns (self); c++)
    {
      g_autofree char *text = racimo_role_dup_short_name (column_role (self, (int) c));
      int width;

      pango_layout_set_text (probe, text != NULL ? text : "", -1);
      set_bold (probe, 1.0);
      pango_layout_get_pixel_size (probe, &width, NULL);
      widest = MAX (widest, width);
    }
  widest = MAX (widest, 9 * digit_width);
  self->column_width = CLAMP (widest + 2 * self->pad, 6 * digit_width, 14 * digit_width);

  load_icons (self);
}

int
_racimo_matrix_view_content_width (RacimoMatrixView *self)
{
  return (int) n_columns (self) * self->column_width;
}

int
_racimo_matrix_view_content_height (RacimoMatrixView *self)
{
  return (int) n_rows (self) * self->row_height;
}

int
_racimo_matrix_view_body_width (RacimoMatrixView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->name_width, 0);
}

int
_racimo_matrix_view_body_height (RacimoMatrixView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self))
              - self->header_height - self->footer_height, 0);
}

double
_racimo_matrix_view_hvalue (RacimoMatrixView *self)
{
  return self->hadjustment != NULL ? floor (gtk_adjustment_get_value (self->hadjustment)) : 0;
}

double
_racimo_matrix_view_vvalue (RacimoMatrixView *self)
{
  return self->vadjustment != NULL ? floor (gtk_adjustment_get_value (self->vadjustment)) : 0;
}

/* Where things are, in widget coordinates */

static double
row_y (RacimoMatrixView *self,
       int               row)
{
  return self->header_height + (double) row * self->row_height - _racimo_matrix_view_vvalue (self);
}

static double
column_x (RacimoMatrixView *self,
          int               column)
{
  return self->name_width + (double) column * self->column_width
         - _racimo_matrix_view_hvalue (self);
}

double
_racimo_matrix_view_footer_y (RacimoMatrixView *self)
{
  return MIN (self->header_height + _racimo_matrix_view_content_height (self)
                - _racimo_matrix_view_vvalue (self),
              gtk_widget_get_height (GTK_WIDGET (self)) - self->footer_height);
}

HitArea
_racimo_matrix_view_hit_test (RacimoMatrixView *self,
                              double            x,
                              double            y,
                              int              *row,
                              int              *column)
{
  double fy = _racimo_matrix_view_footer_y (self);
  gboolean in_names = x < self->name_width;
  gboolean in_header = y < self->header_height;

  *row = -1;
  *column = -1;

  if (!in_names)
    {
      *column = (int) floor ((x - self->name_width + _racimo_matrix_view_hvalue (self))
                             / self->column_width);
      if (*column >= (int) n_columns (self))
        return HIT_NONE;
    }

  if (in_header)
    return in_names ? HIT_CORNER : HIT_HEADER;

  if (y >= fy)
    return y < fy + self->footer_height && !in_names ? HIT_FOOTER : HIT_NONE;

  *row = (int) floor ((y - self->header_height + _racimo_matrix_view_vvalue (self))
                      / self->row_height);
  if (*row < 0 || *row >= (int) n_rows (self))
    return HIT_NONE;

  return in_names ? HIT_NAME : HIT_CELL;
}

/* The rectangle of a cell, a name (@column -1) or a header (@row -1). */
void
_racimo_matrix_view_get_cell_rect (RacimoMatrixView *self,
                                   int               row,
                                   int               column,
                                   graphene_rect_t  *rect)
{
  double x = column < 0 ? 0 : column_x (self, column);
  double y = row < 0 ? 0 : row_y (self, row);
  double w = column < 0 ? self->name_width : self->column_width;
  double h = row < 0 ? self->header_height : self->row_height;

  graphene_rect_init (rect, (float) x, (float) y, (float) w, (float) h);
}

/* Drawing */

/* A filled rectangle; one of no width or height draws nothing. */
void
_racimo_matrix_view_append_rect (GtkSnapshot   *snapshot,
                                 const GdkRGBA *color,
                                 double         x,
                                 double         y,
                                 double         w,
                                 double         h)
{
  if (w <= 0 || h <= 0)
    return;

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) w, (float) h));
}

/* A frame @width wide drawn inside @r. */
void
_racimo_matrix_view_append_outline (GtkSnapshot           *snapshot,
                                    const GdkRGBA         *color,
                                    const graphene_rect_t *r,
                                    double                 width)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  _racimo_matrix_view_append_rect (snapshot, color, x, y, w, width);
  _racimo_matrix_view_append_rect (snapshot, color, x, y + h - width, w, width);
  _racimo_matrix_view_append_rect (snapshot, color, x, y + width, width, h - 2 * width);
  _racimo_matrix_view_append_rect (snapshot, color, x + w - width, y + width, width,
                                   h - 2 * width);
}

static const GdkRGBA *
row_background (RacimoMatrixView *self,
                guint             row)
{
  if (get_row (self, row)->is_phase)
    return &self->colors.phase_bg;

  switch (_racimo_matrix_view_row_problem (self, row))
    {
    /* One look per severity, the panel's: errors tinted red, warnings
     * only marked. */
    case RACIMO_ROW_PROBLEM_NO_OWNER:
    case RACIMO_ROW_PROBLEM_MANY_OWNERS:
    case RACIMO_ROW_PROBLEM_UNKNOWN_CODE:
      return &self->colors.error_bg;
    case RACIMO_ROW_PROBLEM_WARNING:
    case RACIMO_ROW_PROBLEM_WAIVED:
    case RACIMO_ROW_PROBLEM_NONE:
    default:
      return NULL;
    }
}

static void
append_icon (RacimoMatrixView *self,
             GtkSnapshot      *snapshot,
             GdkPaintable     *icon,
             const GdkRGBA    *color,
             double            x,
             double            y)
{
  GdkRGBA colors[4] = { *color, *color, self->colors.warning, self->colors.error };

  racimo_snapshot_append_icon (snapshot, icon, self->icon_size, colors, G_N_ELEMENTS (colors),
                               x, y);
}

void
_racimo_matrix_view_get_selection (RacimoMatrixView *self,
                                   int              *r0,
                                   int              *c0,
                                   int              *r1,
                                   int              *c1)
{
  *r0 = MIN (self->cursor_row, self->anchor_row);
  *r1 = MAX (self->cursor_row, self->anchor_row);
  *c0 = MIN (self->cursor_column, self->anchor_column);
  *c1 = MAX (self->cursor_column, self->anchor_column);
}

gboolean
_racimo_matrix_view_has_multiple_selection (RacimoMatrixView *self)
{
  return self->cursor_row != self->anchor_row || self->cursor_column != self->anchor_column;
}

/* The cells of a row, from the top of the row */
static GskRenderNode *
draw_row_cells (RacimoMatrixView    *self,
                const DrawnRow      *drawn,
                const DrawnGeometry *geometry)
{
  const Colors *colors = &self->colors;
  double left = self->name_width, width = geometry->grid_right - self->name_width;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  if (drawn->is_phase)
    {
      /* A phase's header spans the row, over the grid lines. */
      _racimo_matrix_view_append_rect (snapshot, &colors->view_bg, left, 0, width,
                                       self->row_height - 1);
      _racimo_matrix_view_append_rect (snapshot, drawn->background, left, 0, width,
                                       self->row_height - 1);
      return gtk_snapshot_free_to_node (snapshot);
    }

  if (drawn->background != NULL)
    _racimo_matrix_view_append_rect (snapshot, drawn->background, left, 0, width,
                                     self->row_height);

  for (int c = geometry->first_column; c <= geometry->last_column; c++)
    {
      RacimoCodes codes = drawn->codes[c - geometry->first_column];
      const RacimoDrawnText *text;

      if (codes == 0)
        continue;

      text = get_codes_text (self, codes, !drawn->applicable);
      racimo_drawn_text_append (text, snapshot,
                                column_x (self, c) + (self->column_width - text->width) / 2,
                                (self->row_height - text->height) / 2, NULL);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

/* A row's name @layout drawn, as it shows in rows that apply or not.  It
 * is kept with the layout: a row is drawn again when its highlight
 * changes, its name seldom. */
static const RacimoDrawnText *
get_name_text (RacimoMatrixView *self,
               PangoLayout      *layout,
               gboolean          dimmed)
{
  const char *key = dimmed ? "racimo-name-dimmed" : "racimo-name";
  RacimoDrawnText *text = g_object_get_data (G_OBJECT (layout), key);

  if (text == NULL)
    {
      GdkRGBA color = self->colors.fg;

      if (dimmed)
        color.alpha *= 0.6f;
      text = racimo_drawn_text_new (layout, &color);
      g_object_set_data_full (G_OBJECT (layout), key, text, racimo_drawn_text_free);
    }

  return text;
}

/* The name of a row, with its problem's icon, from the top of the row */
static GskRenderNode *
draw_row_name (RacimoMatrixView *self,
               const DrawnRow   *drawn)
{
  const Colors *colors = &self->colors;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  const RacimoDrawnText *name = get_name_text (self, drawn->name_layout,
                                               !drawn->is_phase && !drawn->applicable);
  double text_y = (self->row_height - name->height) / 2;
  double icon_y = (self->row_height - self->icon_size) / 2;
  GdkRGBA dim = colors->fg;

  dim.alpha *= 0.6f;
  if (drawn->background != NULL)
    _racimo_matrix_view_append_rect (snapshot, drawn->background, 0, 0, self->name_width,
                                     self->row_height);

  if (drawn->is_phase)
    racimo_drawn_text_append (name, snapshot, self->pad, text_y, NULL);
  else
    {
      if (racimo_row_problem_is_error (drawn->problem))
        append_icon (self, snapshot, self->error_icon, &colors->error, self->pad, icon_y);
      else if (drawn->problem == RACIMO_ROW_PROBLEM_WARNING)
        append_icon (self, snapshot, self->warning_icon, &colors->warning, self->pad, icon_y);
      else if (drawn->problem == RACIMO_ROW_PROBLEM_WAIVED)
        append_icon (self, snapshot, self->waived_icon, &dim, self->pad, icon_y);

      racimo_drawn_text_append (name, snapshot, 2 * self->pad + self->icon_size, text_y, NULL);
    }

  _racimo_matrix_view_append_rect (snapshot, &colors->line, 0, self->row_height - 1,
                                   self->name_width, 1);
  return gtk_snapshot_free_to_node (snapshot);
}

static inline DrawnRow *
drawn_row (RacimoMatrixView *self,
           int               r)
{
  return &g_array_index (self->drawn_rows, DrawnRow, r - self->drawn_first);
}

static gboolean
same_geometry (const DrawnGeometry *a,
               const DrawnGeometry *b)
{
  return a->first_column == b->first_column && a->last_column == b->last_column
         && a->name_width == b->name_width && a->row_height == b->row_height
         && a->column_width == b->column_width
         && a->hvalue == b->hvalue && a->grid_right == b->grid_right;
}

/* Brings the drawn rows to rows @first_row to @last_row of this frame,
 * keeping each part of a row that would be drawn the same. */
static void
update_drawn_rows (RacimoMatrixView    *self,
                   int                  first_row,
                   int                  last_row,
                   const DrawnGeometry *geometry)
{
  g_autoptr(GArray) last = self->drawn_rows;
  int last_first = self->drawn_first;
  guint n_drawn = (guint) (geometry->last_column - geometry->first_column + 1);

  if (!same_geometry (geometry, &self->drawn_geometry))
    g_array_set_size (last, 0);

  self->drawn_geometry = *geometry;
  self->drawn_first = first_row;
  self->drawn_rows = g_array_sized_new (FALSE, TRUE, sizeof (DrawnRow),
                                        (guint) MAX (last_row - first_row + 1, 0));
  g_array_set_clear_func (self->drawn_rows, _racimo_matrix_view_drawn_row_clear);

  for (int r = first_row; r <= last_row; r++)
    {
      Row *row = get_row (self, (guint) r);
      int first_cell = r * (int) n_columns (self) + geometry->first_column;
      const RacimoCodes *codes = row->is_phase || n_drawn == 0 ? NULL : &self->codes[first_cell];
      DrawnRow drawn = { 0 };
      DrawnRow *was = NULL;
      PangoLayout *name_layout = get_name_layout (self, row);
      gboolean same_cells, same_name;

      if (r - last_first >= 0 && (guint) (r - last_first) < last->len)
        was = &g_array_index (last, DrawnRow, r - last_first);

      drawn.is_phase = row->is_phase;
      drawn.applicable = row->is_phase
                         || racimo_activity_get_applicable (RACIMO_ACTIVITY (row->item));
      drawn.problem = row->is_phase ? RACIMO_ROW_PROBLEM_NONE
                                    : (guint8) _racimo_matrix_view_row_problem (self, (guint) r);
      drawn.background = row_background (self, (guint) r);

      same_cells = was != NULL && was->cells != NULL
                   && was->is_phase == drawn.is_phase && was->applicable == drawn.applicable
                   && was->background == drawn.background
                   && (codes == NULL
                       || (was->codes != NULL
                           && memcmp (was->codes, codes, n_drawn * sizeof *codes) == 0));
      same_name = was != NULL && was->name != NULL
                  && was->name_layout == name_layout && was->is_phase == drawn.is_phase
                  && was->applicable == drawn.applicable && was->problem == drawn.problem
                  && was->background == drawn.background;

      if (was != NULL)
        {
          drawn.codes = g_steal_pointer (&was->codes);
          drawn.name_layout = g_steal_pointer (&was->name_layout);
          drawn.placed_cells = was->placed_cells;
          drawn.placed_name = was->placed_name;
          was->placed_cells = (RacimoPlacedNode) { 0 };
          was->placed_name = (RacimoPlacedNode) { 0 };
        }
      if (codes != NULL && drawn.codes == NULL)
        drawn.codes = g_new (RacimoCodes, n_drawn);
      if (codes != NULL && !same_cells)
        memcpy (drawn.codes, codes, n_drawn * sizeof *codes);
      g_set_object (&drawn.name_layout, name_layout);

      drawn.cells = same_cells ? g_steal_pointer (&was->cells)
                               : draw_row_cells (self, &drawn, geometry);
      drawn.name = same_name ? g_steal_pointer (&was->name) : draw_row_name (self, &drawn);
      g_array_append_val (self->drawn_rows, drawn);
    }
}

/* A cell with a note has a small triangle in its top right corner, as a
 * spreadsheet's comment.  Drawn over the rows kept from frame to frame
 * rather than with them: few cells have notes, and a note changes no
 * codes. */
#define NOTE_MARK_SIZE 7

static void
snapshot_note_marks (RacimoMatrixView *self,
                     GtkSnapshot      *snapshot,
                     const Frame      *f)
{
  for (int r = f->first_row; r <= f->last_row; r++)
    {
      RacimoActivity *activity = row_activity (self, r);

      if (activity == NULL || racimo_activity_get_n_notes (activity) == 0)
        continue;

      for (int c = f->first_column; c <= f->last_column; c++)
        {
          RacimoRole *role = column_role (self, c);
          double right = column_x (self, c + 1) - 1;
          double top = row_y (self, r);
          cairo_t *cr;

          if (role == NULL || racimo_activity_get_note (activity, role) == NULL)
            continue;

          cr = gtk_snapshot_append_cairo (snapshot,
                                          &GRAPHENE_RECT_INIT ((float) (right - NOTE_MARK_SIZE),
                                                               (float) top,
                                                               NOTE_MARK_SIZE,
                                                               NOTE_MARK_SIZE));
          gdk_cairo_set_source_rgba (cr, &self->colors.accent);
          cairo_move_to (cr, right - NOTE_MARK_SIZE, top);
          cairo_line_to (cr, right, top);
          cairo_line_to (cr, right, top + NOTE_MARK_SIZE);
          cairo_close_path (cr);
          cairo_fill (cr);
          cairo_destroy (cr);
        }
    }
}

static void
snapshot_cells (RacimoMatrixView *self,
                GtkSnapshot      *snapshot,
                const Frame      *f)
{
  const Colors *colors = &self->colors;

  /* The cells: grid lines first, so that phase headers can cover them */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_width,
                                                         (float) f->body_top, (float) f->bw,
                                                         (float) (f->fy - f->body_top)));
  for (int r = f->first_row; r <= f->last_row; r++)
    _racimo_matrix_view_append_rect (snapshot, &colors->line, self->name_width,
                                     row_y (self, r + 1) - 1, f->grid_right - self->name_width, 1);
  for (int c = f->first_column; c <= f->last_column; c++)
    _racimo_matrix_view_append_rect (snapshot, &colors->line, column_x (self, c + 1) - 1,
                                     f->body_top, 1, f->fy - f->body_top);

  for (int r = f->first_row; r <= f->last_row; r++)
    {
      DrawnRow *drawn = drawn_row (self, r);

      racimo_placed_node_append (&drawn->placed_cells, snapshot, drawn->cells, 0, row_y (self, r),
                                 &GRAPHENE_RECT_INIT ((float) self->name_width,
                                                      (float) row_y (self, r), (float) f->bw,
                                                      (float) self->row_height));
    }

  snapshot_note_marks (self, snapshot, f);

  if (_racimo_matrix_view_has_multiple_selection (self) && f->sel_r1 >= 0 && f->sel_c1 >= 0)
    {
      double x0 = column_x (self, MAX (f->sel_c0, 0));
      double y0 = row_y (self, MAX (f->sel_r0, 0));

      _racimo_matrix_view_append_rect (snapshot, &colors->selection, x0, y0,
                                       column_x (self, f->sel_c1 + 1) - x0,
                                       row_y (self, f->sel_r1 + 1) - y0);
    }

  /* What is being dragged */
  if (self->drag_mode == DRAG_ACTIVITY || self->drag_mode == DRAG_PHASE)
    {
      int end = self->drag_row + 1;

      if (self->drag_mode == DRAG_PHASE)
        while (end < f->nr && !get_row (self, (guint) end)->is_phase)
          end++;
      _racimo_matrix_view_append_rect (snapshot, &colors->selection, 0,
                                       row_y (self, self->drag_row), f->width,
                                       row_y (self, end) - row_y (self, self->drag_row));
    }
  else if (self->drag_mode == DRAG_ROLE)
    _racimo_matrix_view_append_rect (snapshot, &colors->selection,
                                     column_x (self, self->drag_column), f->body_top,
                                     self->column_width, f->fy - f->body_top);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_names (RacimoMatrixView *self,
                GtkSnapshot      *snapshot,
                const Frame      *f)
{
  const Colors *colors = &self->colors;

  /* The activity names, which stay in place when scrolling sideways */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, (float) f->body_top,
                                                         (float) self->name_width,
                                                         (float) (f->fy - f->body_top)));
  _racimo_matrix_view_append_rect (snapshot, &colors->view_bg, 0, f->body_top, self->name_width,
                                   f->fy - f->body_top);
  for (int r = f->first_row; r <= f->last_row; r++)
    {
      DrawnRow *drawn = drawn_row (self, r);

      racimo_placed_node_append (&drawn->placed_name, snapshot, drawn->name, 0, row_y (self, r),
                                 &GRAPHENE_RECT_INIT (0, (float) row_y (self, r),
                                                      (float) self->name_width,
                                                      (float) self->row_height));
    }
  if (_racimo_matrix_view_has_multiple_selection (self) && f->sel_c0 < 0 && f->sel_r1 >= 0)
    {
      double y0 = row_y (self, MAX (f->sel_r0, 0));

      _racimo_matrix_view_append_rect (snapshot, &colors->selection, 0, y0, self->name_width,
                                       row_y (self, f->sel_r1 + 1) - y0);
    }
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_headers (RacimoMatrixView *self,
                  GtkSnapshot      *snapshot,
                  const Frame      *f)
{
  const Colors *colors = &self->colors;

  /* The role headers, which stay in place when scrolling down */
  _racimo_matrix_view_append_rect (snapshot, &colors->header_bg, 0, 0, f->width,
                                   self->header_height);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_width, 0,
                                                         (float) f->bw,
                                                         (float) self->header_height));
  for (int c = f->first_column; c <= f->last_column; c++)
    {
      const RacimoDrawnText *text = get_header_text (self, column_role (self, c));

      racimo_drawn_text_append (text, snapshot, column_x (self, c) + self->pad / 2,
                                (self->header_height - text->height) / 2,
                                &GRAPHENE_RECT_INIT ((float) column_x (self, c), 0,
                                                     (float) self->column_width,
                                                     (float) self->header_height));
      _racimo_matrix_view_append_rect (snapshot, &colors->line, column_x (self, c + 1) - 1, 0, 1,
                                       self->header_height);
    }
  if (_racimo_matrix_view_has_multiple_selection (self) && f->sel_r0 < 0 && f->sel_c1 >= 0)
    {
      double x0 = column_x (self, MAX (f->sel_c0, 0));

      _racimo_matrix_view_append_rect (snapshot, &colors->selection, x0, 0,
                                       column_x (self, f->sel_c1 + 1) - x0, self->header_height);
    }
  gtk_snapshot_pop (snapshot);

  if (self->corner_text == NULL)
    {
      guint n_hidden = g_hash_table_size (self->hidden_roles);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;

      /* Hidden roles do not go unnoticed: the corner says how many. */
      if (n_hidden > 0)
        text = g_strdup_printf (ngettext ("%u role hidden\n%s", "%u roles hidden\n%s", n_hidden),
                                n_hidden, _("Activity"));
      else
        text = g_strdup (f->nr > 0 || f->nc > 0 ? _("Activity") : "");
      layout = make_layout (self, text);

      set_bold (layout, 1.0);
      self->corner_text = racimo_drawn_text_new (layout, &f->dim);
    }
  racimo_drawn_text_append (self->corner_text, snapshot, self->pad,
                            self->header_height - self->corner_text->height - self->pad, NULL);
  _racimo_matrix_view_append_rect (snapshot, &colors->line, 0, self->header_height - 1, f->width,
                                   1);
  _racimo_matrix_view_append_rect (snapshot, &colors->line, self->name_width - 1, 0, 1,
                                   f->fy + self->footer_height);
}

static void
snapshot_footer (RacimoMatrixView *self,
                 GtkSnapshot      *snapshot,
                 const Frame      *f)
{
  const Colors *colors = &self->colors;

  /* The workload of each role, at the foot */
  if (f->nc > 0)
    {
      _racimo_matrix_view_append_rect (snapshot, &colors->header_bg, 0, f->fy, f->width,
                                       self->footer_height);
      _racimo_matrix_view_append_rect (snapshot, &colors->line, 0, f->fy, f->width, 1);

      if (self->workload_text == NULL)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, _("Workload"));

          set_bold (layout, 1.0);
          self->workload_text = racimo_drawn_text_new (layout, &f->dim);
        }
      racimo_drawn_text_append (self->workload_text, snapshot, self->pad,
                                f->fy + (self->footer_height - self->workload_text->height) / 2,
                                NULL);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_width,
                                                             (float) f->fy, (float) f->bw,
                                                             (float) self->footer_height));
      for (int c = f->first_column; c <= f->last_column; c++)
        {
          const RacimoDrawnText *text = get_footer_text (self, c);

          racimo_drawn_text_append (text, snapshot, column_x (self, c),
                                    f->fy + (self->footer_height - text->height) / 2,
                                    &GRAPHENE_RECT_INIT ((float) column_x (self, c), (float) f->fy,
                                                         (float) self->column_width,
                                                         (float) self->footer_height));
          _racimo_matrix_view_append_rect (snapshot, &colors->line, column_x (self, c + 1) - 1,
                                           f->fy, 1, self->footer_height);
        }
      gtk_snapshot_pop (snapshot);
      _racimo_matrix_view_append_rect (snapshot, &colors->line, self->name_width - 1, f->fy, 1,
                                       self->footer_height);
    }
}

/* A hint across the view, centred and wrapped; @height is its height. */
static PangoLayout *
make_hint (RacimoMatrixView *self,
           const Frame      *f,
           const char       *text,
           int              *height)
{
  PangoLayout *hint = make_layout (self, text);

  pango_layout_set_width (hint, (f->width - 4 * self->pad) * PANGO_SCALE);
  pango_layout_set_alignment (hint, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (hint, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (hint, NULL, height);

  return hint;
}

static void
snapshot_hint (RacimoMatrixView *self,
               GtkSnapshot      *snapshot,
               const Frame      *f)
{
  /* An empty matrix: the window says what to add, with buttons. */
  if (f->nr == 0 && _racimo_matrix_view_is_filtering (self))
    {
      g_autoptr(PangoLayout) hint =
        make_hint (self, f, _("No activity matches the search"), NULL);

      /* Under the workload row, which follows the last row shown. */
      racimo_snapshot_append_layout (snapshot, hint, &f->dim, 2 * self->pad,
                                     f->fy + self->footer_height + 4 * self->pad);
    }
}

static void
snapshot_cursor (RacimoMatrixView *self,
                 GtkSnapshot      *snapshot,
                 const Frame      *f)
{
  const Colors *colors = &self->colors;

  /* The cursor */
  if (self->project != NULL && self->cursor_row < f->nr
      && (self->cursor_row >= 0 || self->cursor_column >= 0))
    {
      graphene_rect_t rect, clip;
      GdkRGBA color = colors->accent;

      _racimo_matrix_view_get_cell_rect (self, self->cursor_row, self->cursor_column, &rect);
      graphene_rect_init (&clip,
                          self->cursor_column < 0 ? 0 : (float) self->name_width,
                          self->cursor_row < 0 ? 0 : (float) f->body_top,
                          self->cursor_column < 0 ? (float) self->name_width : (float) f->bw,
                          self->cursor_row < 0 ? (float) self->header_height
                                               : (float) (f->fy - f->body_top));
      if (!f->focused)
        color.alpha *= 0.5f;

      gtk_snapshot_push_clip (snapshot, &clip);
      _racimo_matrix_view_append_outline (snapshot, &color, &rect, f->focused ? 2 : 1);
      gtk_snapshot_pop (snapshot);
    }

  /* Where a dragged row or column would land */
  if (self->drag_mode == DRAG_ACTIVITY || self->drag_mode == DRAG_PHASE)
    {
      double y = MAX (row_y (self, self->drop_index) - 1, f->body_top);

      _racimo_matrix_view_append_rect (snapshot, &colors->accent, 0, MIN (y, f->fy - 2), f->width,
                                       3);
    }
  else if (self->drag_mode == DRAG_ROLE)
    {
      double x = MAX (column_x (self, self->drop_index) - 1, self->name_width);

      _racimo_matrix_view_append_rect (snapshot, &colors->accent, MIN (x, f->width - 3), 0, 3,
                                       f->fy + self->footer_height);
    }
}

void
_racimo_matrix_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  Frame frame = { 0 }, *f = &frame;
  double vv;
  DrawnGeometry geometry;

  f->width = gtk_widget_get_width (widget);
  f->height = gtk_widget_get_height (widget);
  f->focused = gtk_widget_has_focus (widget);
  _racimo_matrix_view_ensure_rows (self);
  _racimo_matrix_view_ensure_metrics (self);
  if (self->workload_dirty)
    _racimo_matrix_view_recount_workload (self);

  f->nr = (int) n_rows (self);
  f->nc = (int) n_columns (self);
  f->hv = _racimo_matrix_view_hvalue (self);
  vv = _racimo_matrix_view_vvalue (self);
  f->bw = _racimo_matrix_view_body_width (self);
  f->body_top = self->header_height;
  f->fy = _racimo_matrix_view_footer_y (self);
  f->grid_right
    = MIN (self->name_width + _racimo_matrix_view_content_width (self) - f->hv, f->width);

  f->first_row = MAX (0, (int) (vv / self->row_height));
  f->last_row = MIN (f->nr - 1, (int) ((vv + f->fy - f->body_top) / self->row_height));
  f->first_column = MAX (0, (int) (f->hv / self->column_width));
  f->last_column = MIN (f->nc - 1, (int) ((f->hv + f->bw) / self->column_width));
  _racimo_matrix_view_get_selection (self, &f->sel_r0, &f->sel_c0, &f->sel_r1, &f->sel_c1);

  geometry.first_column = f->first_column;
  geometry.last_column = f->last_column;
  geometry.name_width = self->name_width;
  geometry.row_height = self->row_height;
  geometry.column_width = self->column_width;
  geometry.hvalue = f->hv;
  geometry.grid_right = f->grid_right;
  update_drawn_rows (self, f->first_row, f->last_row, &geometry);

  f->dim = self->colors.fg;
  f->dim.alpha *= 0.6f;

  snapshot_cells (self, snapshot, f);
  snapshot_names (self, snapshot, f);
  _racimo_matrix_view_snapshot_compare (self, snapshot, f);
  snapshot_headers (self, snapshot, f);
  snapshot_footer (self, snapshot, f);
  snapshot_hint (self, snapshot, f);
  snapshot_cursor (self, snapshot, f);
  _racimo_matrix_view_snapshot_compare_over (self, snapshot, f);
}

/* Tooltips */

static void append_markup (GString    *markup,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

/* Names and descriptions are the users' own text: escaped for markup. */
static void
append_markup (GString    *markup,
               const char *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);

  g_string_append (markup, text);
}

gboolean
_racimo_matrix_view_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_mode,
                                   GtkTooltip *tooltip)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  g_autoptr(GString) markup = g_string_new (NULL);
  graphene_rect_t rect;
  int row, column;
  HitArea area;

  if (self->project == NULL || self->drag_mode != DRAG_NONE)
    return FALSE;

  /* A tooltip would cover the menu or popover just opened. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return FALSE;

  _racimo_matrix_view_ensure_rows (self);
  if (keyboard_mode)
    {
      row = self->cursor_row;
      column = self->cursor_column;
      area = row < 0 ? HIT_HEADER : column < 0 ? HIT_NAME : HIT_CELL;
    }
  else
    area = _racimo_matrix_view_hit_test (self, x, y, &row, &column);

  if (area == HIT_HEADER && column_role (self, column) != NULL)
    {
      RacimoRole *role = column_role (self, column);
      const char *abbrev = racimo_role_get_abbrev (role);
      const char *person = racimo_role_get_person (role);
      const char *description = racimo_item_get_description (RACIMO_ITEM (role));

      append_markup (markup, "<b>%s</b>",
                     _racimo_matrix_view_item_name_or (RACIMO_ITEM (role), _("Unnamed role")));
      if (abbrev != NULL && *abbrev != '\0')
        append_markup (markup, " (%s)", abbrev);
      if (racimo_role_get_n_members (role) > 1)
        /* Translators: in a role's tooltip: the people who hold the role */
        append_markup (markup, _("\nPeople: %s"), person);
      else if (person != NULL && *person != '\0')
        /* Translators: in a role's tooltip: the person who fills the role */
        append_markup (markup, _("\nPerson: %s"), person);
      if (description != NULL && *description != '\0')
        append_markup (markup, "\n\n%s", description);
      _racimo_matrix_view_get_cell_rect (self, RACIMO_MATRIX_HEADER_ROW, column, &rect);
    }
  else if (area == HIT_NAME && row >= 0 && (guint) row < n_rows (self))
    {
      Row *r = get_row (self, (guint) row);
      const char *description = racimo_item_get_description (r->item);

      append_markup (markup, "<b>%s</b>",
                     _racimo_matrix_view_item_name_or (
                       r->item, r->is_phase ? _("Unnamed phase") : _("Unnamed activity")));
      if (!r->is_phase)
        {
          RacimoRowProblem problem = _racimo_matrix_view_row_problem (self, (guint) row);

          if (!racimo_activity_get_applicable (RACIMO_ACTIVITY (r->item)))
            append_markup (markup, "\n%s", _("Does not apply to this project"));
          else if (problem == RACIMO_ROW_PROBLEM_WAIVED)
            {
              const char *reason =
                racimo_item_get_waiver_reason (r->item,
                                               racimo_check_get_id (RACIMO_CHECK_NO_OWNER));

              if (reason == NULL)
                reason = racimo_item_get_waiver_reason (
                  r->item, racimo_check_get_id (RACIMO_CHECK_MANY_OWNERS));
              append_markup (markup, "\n%s\n", _racimo_matrix_view_problem_text (problem));
              /* Translators: %s is the reason a user gave for a waiver */
              append_markup (markup, _("Reason: %s"), reason != NULL ? reason : "");
            }
          else if (problem != RACIMO_ROW_PROBLEM_NONE)
            append_markup (markup, "\n%s", _racimo_matrix_view_problem_text (problem));
        }
      if (description != NULL && *description != '\0')
        append_markup (markup, "\n\n%s", description);
      _racimo_matrix_view_get_cell_rect (self, row, RACIMO_MATRIX_NAME_COLUMN, &rect);
    }
  else if (area == HIT_CELL && row_activity (self, row) != NULL)
    {
      g_autofree char *said = NULL;
      RacimoCodes codes = self->codes[row * n_columns (self) + column];

      const char *note = racimo_activity_get_note (row_activity (self, row),
                                                   column_role (self, column));

      said = racimo_scheme_describe_codes (_racimo_matrix_view_get_scheme (self), codes);
      append_markup (markup, "<b>%s</b>\n%s: %s",
                     _racimo_matrix_view_item_name_or (
                       get_row (self, (guint) row)->item, _("Unnamed activity")),
                       _racimo_matrix_view_item_name_or (
                         RACIMO_ITEM (column_role (self, column)), _("Unnamed role")), said);
      if (note != NULL)
        /* Translators: in a cell's tooltip: the note on the cell */
        append_markup (markup, _("\n\nNote: %s"), note);
      _racimo_matrix_view_get_cell_rect (self, row, column, &rect);
    }
  else if (area == HIT_FOOTER && column_role (self, column) != NULL)
    {
      const RacimoScheme *scheme = _racimo_matrix_view_get_scheme (self);

      if (self->workload_dirty)
        _racimo_matrix_view_recount_workload (self);

      append_markup (markup, "<b>%s</b>",
                     _racimo_matrix_view_item_name_or (RACIMO_ITEM (column_role (self, column)),
                                                       _("Unnamed role")));
      for (guint i = 0; i < scheme->n_codes; i++)
        {
          guint n = self->workload[column * N_LETTERS + (scheme->codes[i].letter - 'A')];

          /* Translators: in the workload tooltip: "Responsible: 3 activities" */
          append_markup (markup, "\n%s: ", _(scheme->codes[i].name));
          append_markup (markup, g_dngettext (GETTEXT_PACKAGE, "%u activity",
                                              "%u activities", n), n);
        }
      append_markup (markup, "\n<small>%s</small>",
                              _("Activities that do not apply are not counted."));
      if (_racimo_matrix_view_is_filtering (self))
        append_markup (markup, "\n<small>%s</small>",
                       _("Activities the search hides are counted too."));
      graphene_rect_init (&rect, (float) column_x (self, column),
                          (float) _racimo_matrix_view_footer_y (self), (float) self->column_width,
                          (float) self->footer_height);
    }
  else
    return FALSE;

  /* What compare mode marks there, as a screen reader hears it */
  if (area != HIT_FOOTER)
    {
      g_autofree char *change = _racimo_matrix_view_describe_change (self, row, column);

      if (change != NULL)
        append_markup (markup, "\n\n%s", change);
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                       (int) rect.size.width,
                                                       (int) rect.size.height });
  return TRUE;
}
