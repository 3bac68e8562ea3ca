/* racimo-pagination-draw.c: the pages of a pagination drawn with cairo; PDF
 *
 * What every page repeats (title, legend, column headers) is recorded once
 * and painted, which a PDF holds once; the text goes out in reading order,
 * tagged as a document's structure.  The export writes every page of a
 * pagination to a PDF surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "racimo-pagination-private.h"
#include "racimo-replace-private.h"

/* Drawing */

static cairo_surface_t *
recording_surface_new (double x,
                       double y,
                       double width,
                       double height)
{
  cairo_rectangle_t extents = { x, y, width, height };

  return cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
}

static void
paint_recording (cairo_t         *cr,
                 cairo_surface_t *surface)
{
  cairo_rectangle_t extents;

  cairo_recording_surface_get_extents (surface, &extents);
  cairo_set_source_surface (cr, surface, 0.0, 0.0);
  cairo_rectangle (cr, extents.x, extents.y, extents.width, extents.height);
  cairo_fill (cr);
}

/* Structure
 *
 * A PDF's text is tagged (docs/platform-notes.md, "Tagged PDF"): cairo
 * marks what is drawn between _racimo_pagination_tag_begin () and
 * _racimo_pagination_tag_end () as the content of a structure element,
 * which screen readers read in the order of the structure.  What every
 * page repeats (the header and footer lines, the title, the date, the
 * legend) is part of the structure once, on the first page that has it,
 * and the page numbers never: on later pages they are what PDF calls
 * artifacts, which cairo has no tag for, and are left out of the
 * structure.  Text kept back to be drawn in one call goes out before a
 * tag starts or ends, in the element it was shown in.  On other surfaces
 * than a PDF tags do nothing.  No tag goes into a recording surface:
 * cairo 1.16 cannot replay one when it writes the recording as a form,
 * so a recording is tagged where it is painted. */
void
_racimo_pagination_tag_begin (RacimoPagination *self,
                              cairo_t          *cr,
                              const char       *tag)
{
  _racimo_pagination_flush_text (self, cr);
  cairo_tag_begin (cr, tag, NULL);
}

void
_racimo_pagination_tag_end (RacimoPagination *self,
                            cairo_t          *cr,
                            const char       *tag)
{
  _racimo_pagination_flush_text (self, cr);
  cairo_tag_end (cr, tag);
}

/* A text of its own, drawn now, as the structure element @tag, or
 * outside the structure for no tag. */
static void
show_tagged_text (RacimoPagination *self,
                  cairo_t          *cr,
                  const char       *tag,
                  Text             *text,
                  double            x,
                  double            y)
{
  if (tag != NULL)
    _racimo_pagination_tag_begin (self, cr, tag);
  _racimo_pagination_show_text (self, cr, text, x, y);
  if (tag != NULL)
    _racimo_pagination_tag_end (self, cr, tag);
  else
    _racimo_pagination_flush_text (self, cr);
}

/* _racimo_pagination_tag_begin () and _racimo_pagination_tag_end () for
 * a tag, nothing for none: a table's cell where the matrix is tagged as a
 * table (see "The matrix's structure" below), or not. */
static void
begin_cell (RacimoPagination *self,
            cairo_t          *cr,
            const char       *tag)
{
  if (tag != NULL)
    _racimo_pagination_tag_begin (self, cr, tag);
}

static void
end_cell (RacimoPagination *self,
          cairo_t          *cr,
          const char       *tag)
{
  if (tag != NULL)
    _racimo_pagination_tag_end (self, cr, tag);
}

/* The project's title, the heading of the document, then the date; tagged
 * or not. */
static void
draw_title (RacimoPagination *self,
            cairo_t          *cr,
            gboolean          tagged)
{
  double y = self->content_y + self->title_height;

  /* Compare mode's line, which names the copy compared with */
  if (tagged && self->compare != NULL)
    _racimo_pagination_tag_begin (self, cr, "P");
  _racimo_pagination_compare_draw_title (self, cr);
  if (tagged && self->compare != NULL)
    _racimo_pagination_tag_end (self, cr, "P");
  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  show_tagged_text (self, cr, tagged ? "H1" : NULL, self->title, self->content_x,
                    y - self->title->height);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_tagged_text (self, cr, tagged ? "P" : NULL, self->date,
                    self->content_x + self->content_width - self->date->width,
                    y - self->title->height + self->title->baseline - self->date->baseline);

  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, self->content_x, y + GAP / 2);
  cairo_line_to (cr, self->content_x + self->content_width, y + GAP / 2);
  cairo_stroke (cr);
}

static void
draw_page_number (RacimoPagination *self,
                  cairo_t          *cr,
                  guint             page,
                  guint             first_role,
                  guint             end_role)
{
  g_autofree char *string = NULL;
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  double right = self->content_x + self->content_width;
  double bottom = self->content_y + self->content_height;
  PangoRectangle logical;

  pango_layout_set_font_description (layout, self->fonts[FONT_SMALL]);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  string = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  if (self->n_across > 1 && end_role > first_role)
    {
      /* Translators: on a page that holds some of the role columns */
      g_autofree char *roles = g_strdup_printf (_("Roles %u–%u of %u"),
                                                first_role + 1, end_role, self->n_roles);
      g_autofree char *both = g_strconcat (roles, "\n", string, NULL);

      g_free (string);
      string = g_steal_pointer (&both);
    }
  pango_layout_set_text (layout, string, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  cairo_move_to (cr, right - (double) logical.width / PANGO_SCALE,
                 bottom - (double) logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (RacimoPagination *self,
             cairo_t          *cr)
{
  double x0 = self->content_x;
  double y0 = self->content_y + self->content_height - self->legend_height;

  for (guint i = 0; i < self->chips->len; i++)
    {
      const Chip *chip = &g_array_index (self->chips, Chip, i);
      double x = x0 + chip->x;
      double y = y0 + chip->y;
      double middle = y + chip->text->height / 2;

      if (chip->kind != CHIP_PLAIN)
        _racimo_pagination_flush_text (self, cr);
      switch (chip->kind)
        {
        case CHIP_HATCHED:
          _racimo_pagination_fill_hatched (self, cr, x, middle - 4.5, SWATCH_WIDTH, 9.0);
          x += SWATCH_WIDTH + 3.0;
          break;
        case CHIP_STRUCK:
          cairo_set_source_rgb (cr, 0.44, 0.44, 0.44);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, x, middle);
          cairo_line_to (cr, x + SWATCH_WIDTH, middle);
          cairo_stroke (cr);
          x += SWATCH_WIDTH + 3.0;
          break;
        case CHIP_CHANGED_CELL:
        case CHIP_CHANGED_ROW:
        case CHIP_MOVED_ROW:
        case CHIP_REMOVED_ROW:
          x += _racimo_pagination_compare_draw_chip (self, cr, chip->kind, x, middle);
          break;
        case CHIP_PLAIN:
        default:
          break;
        }
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      _racimo_pagination_show_text (self, cr, chip->text, x, y);
    }
  _racimo_pagination_flush_text (self, cr);
}

static void
draw_grid_columns (RacimoPagination *self,
                   cairo_t          *cr,
                   guint             n_columns,
                   double            top,
                   double            bottom)
{
  if (bottom <= top)
    return;

  for (guint c = 0; c <= n_columns; c++)
    {
      double x = self->activity_width + c * self->column_width;

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
}

/* The headers' text: in a TR of one @cell each, or none */
static void
draw_header_text (RacimoPagination *self,
                  cairo_t          *cr,
                  guint             first_role,
                  guint             end_role,
                  const char       *cell)
{
  double bottom = self->header_height - VPAD;

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  begin_cell (self, cr, cell != NULL ? "TR" : NULL);
  begin_cell (self, cr, cell);
  _racimo_pagination_show_text (self, cr, self->activity_header, self->gutter + PAD,
                                bottom - self->activity_header->height);
  end_cell (self, cr, cell);

  /* Rotated headers read from bottom to top, centred on their column:
   * drawn in one turned space, where the header that starts at (x, y) on
   * the page starts at (-y, x), so that they go out together. */
  if (self->rotated)
    {
      _racimo_pagination_flush_text (self, cr);
      cairo_save (cr);
      cairo_rotate (cr, -G_PI / 2);
    }
  for (guint r = first_role; r < end_role; r++)
    {
      RoleInfo *info = &self->roles[r];
      double x = self->activity_width + (r - first_role) * self->column_width;

      begin_cell (self, cr, cell);
      if (self->rotated)
        _racimo_pagination_show_text (self, cr, info->rotated, -bottom,
                                      x + (self->column_width - info->rotated->height) / 2);
      else
        _racimo_pagination_show_text (self, cr, info->horizontal, x + PAD,
                                      bottom - info->horizontal->height);
      end_cell (self, cr, cell);
    }
  _racimo_pagination_flush_text (self, cr);
  if (self->rotated)
    cairo_restore (cr);
  end_cell (self, cr, cell != NULL ? "TR" : NULL);
}

/* What the top of the table is made of, drawn in this order */
typedef enum
{
  HEADER_BACKGROUND = 1 << 0,
  HEADER_TEXT       = 1 << 1,
  HEADER_COLUMNS    = 1 << 2, /* the column lines, down the whole table */
  HEADER_ALL        = HEADER_BACKGROUND | HEADER_TEXT | HEADER_COLUMNS,
} HeaderParts;

/* The row of role headers and the column lines, in table units from the
 * table's top left, or some @parts of them, out of the structure. */
static void
draw_column_header (RacimoPagination *self,
                    cairo_t          *cr,
                    guint             first_role,
                    guint             end_role,
                    HeaderParts       parts)
{
  double width = self->activity_width + (end_role - first_role) * self->column_width;

  if (parts & HEADER_BACKGROUND)
    {
      cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
      cairo_rectangle (cr, 0.0, 0.0, width, self->header_height);
      cairo_fill (cr);
    }
  if (parts & HEADER_TEXT)
    draw_header_text (self, cr, first_role, end_role, NULL);
  if (parts & HEADER_COLUMNS)
    {
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, GRID_LINE);
      draw_grid_columns (self, cr, end_role - first_role, 0.0, self->table_height / self->scale);
      cairo_stroke (cr);
    }
}

/* The line through the cells of an activity that does not apply, as
 * through its name. */
static void
strike_cells (RacimoPagination *self,
              cairo_t          *cr,
              const Row        *row,
              double            y,
              guint             n_columns)
{
  int n_lines = 1;
  double middle;

  if (row->name->layout != NULL)
    n_lines = pango_layout_get_line_count (row->name->layout);
  middle = y + VPAD + row->name->height / (2 * n_lines);

  cairo_set_source_rgb (cr, 0.44, 0.44, 0.44);
  cairo_set_line_width (cr, 0.7);
  cairo_move_to (cr, self->activity_width + PAD, middle);
  cairo_line_to (cr, self->activity_width + n_columns * self->column_width - PAD, middle);
  cairo_stroke (cr);
}

/* An activity's row: as a TR of the structure for @tagged, its name a TH
 * and each of its cells a TD, empty or not, with its codes drawn in it;
 * else its codes are queued, to be drawn with the page's. */
static void
draw_activity (RacimoPagination *self,
               cairo_t          *cr,
               const Row        *row,
               double            y,
               guint             first_role,
               guint             end_role,
               gboolean          tagged)
{
  const RacimoCodes *codes = &g_array_index (self->codes, RacimoCodes, row->codes);
  double name_x = self->gutter + PAD;
  double baseline = y + VPAD + row->name->baseline;
  gboolean struck = !row->applicable && end_role > first_role;

  /* The line under the codes, which are drawn after it either way */
  if (tagged)
    {
      if (struck)
        strike_cells (self, cr, row, y, end_role - first_role);
      _racimo_pagination_tag_begin (self, cr, "TR");
      _racimo_pagination_tag_begin (self, cr, "TH");
    }

  if (row->mark != MARK_NONE)
    {
      Text *mark = _racimo_pagination_get_mark_text (self, row->mark, row->waived);

      _racimo_pagination_show_text (self, cr, mark, PAD, baseline - mark->baseline);
    }

  if (row->number != NULL)
    _racimo_pagination_show_text (self, cr, row->number, self->gutter - row->number->width,
                                  baseline - row->number->baseline);

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  _racimo_pagination_show_text (self, cr, row->name, name_x, y + VPAD);
  if (row->description != NULL)
    _racimo_pagination_show_text (self, cr, row->description, name_x,
                                  y + VPAD + row->name->height + 1.0);

  if (tagged)
    {
      _racimo_pagination_tag_end (self, cr, "TH");
      for (guint r = first_role; r < end_role; r++)
        {
          _racimo_pagination_tag_begin (self, cr, "TD");
          if (codes[r] != 0)
            _racimo_pagination_show_codes (self, cr, codes[r], row->applicable,
                                           self->activity_width
                                           + (r - first_role) * self->column_width,
                                           self->column_width, baseline);
          _racimo_pagination_tag_end (self, cr, "TD");
        }
      _racimo_pagination_tag_end (self, cr, "TR");
      return;
    }

  for (guint r = first_role; r < end_role; r++)
    if (codes[r] != 0)
      _racimo_pagination_queue_codes (self, codes[r], row->applicable,
                   self->activity_width + (r - first_role) * self->column_width,
                   self->column_width, baseline);
  if (struck)
    {
      _racimo_pagination_flush_text (self, cr);
      strike_cells (self, cr, row, y, end_role - first_role);
    }
}

/* A line of text across the table, a phase's name: as a TR of one TH for
 * @tagged. */
static void
draw_spanning_row (RacimoPagination *self,
                   cairo_t          *cr,
                   Text             *text,
                   double            y,
                   gboolean          tagged)
{
  begin_cell (self, cr, tagged ? "TR" : NULL);
  begin_cell (self, cr, tagged ? "TH" : NULL);
  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  _racimo_pagination_show_text (self, cr, text, PAD, y + VPAD);
  end_cell (self, cr, tagged ? "TH" : NULL);
  end_cell (self, cr, tagged ? "TR" : NULL);
}

/* @parts of the top of the table recorded, as the pages paint it */
static cairo_surface_t *
record_header (RacimoPagination *self,
               guint             first_role,
               guint             end_role,
               HeaderParts       parts)
{
  double width = self->activity_width + (end_role - first_role) * self->column_width;
  cairo_surface_t *header = recording_surface_new (0.0, 0.0, width,
                                                   self->table_height / self->scale);
  cairo_t *header_cr = cairo_create (header);

  draw_column_header (self, header_cr, first_role, end_role, parts);
  cairo_destroy (header_cr);

  return header;
}

/* A recording of the top of the table, cut at @bottom, this page's last
 * row */
static void
paint_table_top (cairo_t         *cr,
                 cairo_surface_t *header,
                 double           width,
                 double           bottom)
{
  cairo_set_source_surface (cr, header, 0.0, 0.0);
  cairo_rectangle (cr, 0.0, 0.0, width, bottom);
  cairo_fill (cr);
}

/* @parts of the top of the table, recorded for this page alone */
static void
paint_header (RacimoPagination *self,
              cairo_t          *cr,
              guint             first_role,
              guint             end_role,
              HeaderParts       parts,
              double            bottom)
{
  cairo_surface_t *header = record_header (self, first_role, end_role, parts);

  paint_table_top (cr, header, self->activity_width + (end_role - first_role) * self->column_width,
                   bottom);
  cairo_surface_destroy (header);
}

/* The matrix of one page, in the table's structure for @tagged (see
 * "The matrix's structure" below): the row of headers is part of it on
 * the first page of its roles, and drawn from its recording on the
 * others as the title is. */
static void
draw_table (RacimoPagination *self,
            cairo_t          *cr,
            guint             band_index,
            guint             first_role,
            guint             end_role,
            gboolean          tagged)
{
  const Band *band = &g_array_index (self->bands, Band, band_index);
  guint n_columns = end_role - first_role;
  guint across = first_role / MAX (self->roles_per_page, 1);
  double width = self->activity_width + n_columns * self->column_width;
  double y, top;

  cairo_save (cr);
  cairo_rectangle (cr, self->content_x, self->table_y, self->content_width, self->table_height);
  cairo_clip (cr);
  cairo_translate (cr, self->content_x, self->table_y);
  cairo_scale (cr, self->scale, self->scale);

  /* Hatching first; then the header row and the column lines, recorded
   * once down the whole height of the table and cut at this page's last
   * row; the row lines; phase headers over them, since they span the
   * table; then the text. */
  top = self->header_height;
  if (band->continued >= 0)
    top += _racimo_pagination_continued_height (self, band->continued);
  y = top;
  for (guint i = band->first; i < band->end; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (!row->is_phase && row->mark != MARK_NONE && !row->waived)
        _racimo_pagination_fill_hatched (self, cr, 0.0, y, width, row->height);
      y += row->height;
    }

  if (tagged && band_index == 0)
    {
      /* The headers in the structure, on the first page of their roles:
       * drawn here between the recordings of what is under and over them,
       * as the other pages paint them together. */
      paint_header (self, cr, first_role, end_role, HEADER_BACKGROUND, y);
      draw_header_text (self, cr, first_role, end_role, "TH");
      paint_header (self, cr, first_role, end_role, HEADER_COLUMNS, y);
    }
  else
    {
      if (self->column_headers[across] == NULL)
        self->column_headers[across] = record_header (self, first_role, end_role, HEADER_ALL);
      paint_table_top (cr, self->column_headers[across], width, y);
    }

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, GRID_LINE);
  y = top;
  for (guint i = band->first; i < band->end; i++)
    {
      y += g_array_index (self->rows, Row, i).height;
      cairo_move_to (cr, 0.0, y);
      cairo_line_to (cr, width, y);
    }
  cairo_stroke (cr);

  /* Between the row lines, which stay. */
  cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
  y = self->header_height;
  if (band->continued >= 0)
    cairo_rectangle (cr, 0.0, y + GRID_LINE / 2, width, top - y - GRID_LINE);
  y = top;
  for (guint i = band->first; i < band->end; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->is_phase)
        cairo_rectangle (cr, 0.0, y + GRID_LINE / 2, width, row->height - GRID_LINE);
      y += row->height;
    }
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, 0.0, 0.0, width, y);
  cairo_move_to (cr, 0.0, self->header_height);
  cairo_line_to (cr, width, self->header_height);
  cairo_stroke (cr);

  y = self->header_height;
  if (band->continued >= 0)
    {
      const PhaseInfo *info = &g_array_index (self->phases, PhaseInfo, band->continued);

      draw_spanning_row (self, cr, info->continued, y, tagged);
      y += _racimo_pagination_continued_height (self, band->continued);
    }
  for (guint i = band->first; i < band->end; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->is_phase)
        draw_spanning_row (self, cr, row->name, y, tagged);
      else
        draw_activity (self, cr, row, y, first_role, end_role, tagged);
      y += row->height;
    }
  _racimo_pagination_flush_text (self, cr);
  _racimo_pagination_show_queued_codes (self, cr);
  _racimo_pagination_compare_draw_band (self, cr, band_index, first_role, end_role);

  cairo_restore (cr);
}

/* The matrix's structure
 *
 * Up to TABLE_MAX_CELLS cells (a row's name and each of its codes, see
 * racimo-pagination-private.h), the matrix is a Table on each page: a row
 * of headers (TH) on the first page of its roles, a TR of one TH per
 * phase, and per activity a TR of a TH (its mark, number, name and
 * description) and a TD per role, empty or not, so that the columns line
 * up.  Each cell's text is drawn inside its element, so a row reads in
 * order, its name then its codes in the order of the roles.  A cell costs
 * cairo 1.16 about 43,000 instructions (docs/platform-notes.md, "Tagged
 * PDF"): at the limit, an export runs about 10% more than the large
 * project's of docs/design-targets.md untagged, whose 82,000 cells are
 * far over it; a real matrix (200 activities by 20 roles, 4,410 cells) is
 * far under.
 * Above it, the matrix of each page is one Div, its codes drawn a call per
 * letter. */
gboolean
_racimo_pagination_is_table (RacimoPagination *self)
{
  return (guint64) self->rows->len * (self->n_roles + 1) <= TABLE_MAX_CELLS;
}

/* Only a PDF has a structure: other surfaces draw the codes by letter. */
static gboolean
is_tagged_as_table (RacimoPagination *self,
                    cairo_t          *cr)
{
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF
         && _racimo_pagination_is_table (self);
}

static void
draw_summary_item (RacimoPagination  *self,
                   cairo_t           *cr,
                   const SummaryItem *item,
                   double             y)
{
  double x = self->content_x;
  const char *cell = item->kind == ITEM_WORKLOAD ? "TD" : "TH";

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  if (item->numbers == NULL)
    {
      show_tagged_text (self, cr, item->kind == ITEM_HEADING ? "H2" : "P", item->text, x, y);
      return;
    }

  /* A row of the workload table: the role, then the counts right-aligned
   * under their code */
  _racimo_pagination_tag_begin (self, cr, "TR");
  show_tagged_text (self, cr, "TH", item->text, x, y);
  x += self->workload_width;
  for (guint c = 0; c < item->numbers->len; c++)
    {
      Text *number = g_ptr_array_index (item->numbers, c);

      x += c + 1 < item->numbers->len ? NUMBER_WIDTH : self->workload_last_width;
      show_tagged_text (self, cr, cell, number, x - PAD - number->width,
                        y + item->text->baseline - number->baseline);
    }
  _racimo_pagination_tag_end (self, cr, "TR");

  if (item->kind == ITEM_WORKLOAD_HEADER)
    {
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      cairo_set_line_width (cr, 0.8);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (cr, GRID_LINE);
    }
  cairo_move_to (cr, self->content_x, y + item->height);
  cairo_line_to (cr, x, y + item->height);
  cairo_stroke (cr);
}

static void
draw_summary (RacimoPagination *self,
              cairo_t          *cr,
              guint             band_index)
{
  const Band *band = &g_array_index (self->summary_bands, Band, band_index);
  double y = self->table_y;
  gboolean in_table = FALSE;

  if (band->continued >= 0)
    {
      const SummaryItem *header = &g_array_index (self->summary, SummaryItem, band->continued);

      _racimo_pagination_tag_begin (self, cr, "Table");
      in_table = TRUE;
      draw_summary_item (self, cr, header, y);
      y += header->height;
    }

  for (guint i = band->first; i < band->end; i++)
    {
      const SummaryItem *item = &g_array_index (self->summary, SummaryItem, i);

      /* The workload rows, as one table on each page */
      if (in_table != (item->numbers != NULL))
        {
          if (in_table)
            _racimo_pagination_tag_end (self, cr, "Table");
          else
            _racimo_pagination_tag_begin (self, cr, "Table");
          in_table = !in_table;
        }
      if (i > band->first)
        y += item->space_before;
      draw_summary_item (self, cr, item, y);
      y += item->height;
    }
  if (in_table)
    _racimo_pagination_tag_end (self, cr, "Table");
}

/**
 * racimo_pagination_draw_page:
 * @cr: a context whose user space is the page, in points, from its top
 *   left corner: a page of racimo_pagination_get_page_size()
 * @page: from 0 to racimo_pagination_get_n_pages() - 1
 *
 * Draws one page.  Pages are independent: any may be drawn in any order,
 * on any cairo surface (a PDF, a printer's, an image for a preview), from
 * the thread that made the pagination.
 */
void
racimo_pagination_draw_page (RacimoPagination *self,
                             cairo_t          *cr,
                             guint             page)
{
  guint n_matrix_pages, n_summary_pages, matrix_page;
  guint first_role = 0, end_role = 0;

  g_return_if_fail (RACIMO_IS_PAGINATION (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  /* The summary's pages come after the matrix's, or before them. */
  n_matrix_pages = self->bands->len * self->n_across;
  n_summary_pages = self->n_pages - n_matrix_pages;
  matrix_page = self->options->summary_first ? page - n_summary_pages : page;

  /* In reading order: the header line, the title and the date, the
   * table (its column headers, then the rows), the notes, the legend,
   * the footer line and the page number. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  if (self->header != NULL)
    show_tagged_text (self, cr, page == 0 ? "P" : NULL, self->header, self->content_x,
                      self->options->margin_top);
  if (page == 0)
    draw_title (self, cr, TRUE);
  else
    {
      if (self->title_surface == NULL)
        {
          cairo_t *title_cr;

          self->title_surface = recording_surface_new (self->content_x, self->content_y,
                                                       self->content_width,
                                                       self->title_height + GAP);
          title_cr = cairo_create (self->title_surface);
          draw_title (self, title_cr, FALSE);
          cairo_destroy (title_cr);
        }
      paint_recording (cr, self->title_surface);
    }

  if (self->options->summary_first ? page >= n_summary_pages : page < n_matrix_pages)
    {
      guint across = matrix_page % self->n_across;
      gboolean table = is_tagged_as_table (self, cr);

      first_role = across * self->roles_per_page;
      end_role = MIN (first_role + self->roles_per_page, self->n_roles);
      _racimo_pagination_tag_begin (self, cr, table ? "Table" : "Div");
      draw_table (self, cr, matrix_page / self->n_across, first_role, end_role, table);
      _racimo_pagination_tag_end (self, cr, table ? "Table" : "Div");
      _racimo_pagination_draw_notes (self, cr, matrix_page / self->n_across, first_role, end_role);

      if (self->legend_surface == NULL)
        {
          cairo_t *legend_cr;

          self->legend_surface = recording_surface_new (self->content_x,
                                                        self->content_y + self->content_height
                                                        - self->legend_height,
                                                        self->content_width,
                                                        self->legend_height);
          legend_cr = cairo_create (self->legend_surface);
          draw_legend (self, legend_cr);
          cairo_destroy (legend_cr);
        }
      if (matrix_page == 0)
        _racimo_pagination_tag_begin (self, cr, "P");
      paint_recording (cr, self->legend_surface);
      if (matrix_page == 0)
        _racimo_pagination_tag_end (self, cr, "P");
    }
  else
    draw_summary (self, cr, self->options->summary_first ? page : page - n_matrix_pages);
  if (self->footer != NULL)
    {
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_tagged_text (self, cr, page == 0 ? "P" : NULL, self->footer, self->content_x,
                        self->content_y + self->content_height + GAP / 2);
    }
  draw_page_number (self, cr, page, first_role, end_role);
  cairo_restore (cr);
}

/* Export */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* The language of the document
 *
 * cairo has no API for the catalog's /Lang, the language a screen reader
 * reads a PDF in (docs/platform-notes.md, "Tagged PDF").  The PDF gets
 * an incremental update, which PDF made for changes to a finished file:
 * the catalog again with /Lang, a cross-reference table of that one
 * object and a trailer that points to the former cross-references.
 * cairo 1.16 writes its catalog as plain text with a plain table; cairo
 * 1.18 compresses it in an object stream, found through a cross-reference
 * stream.  Whatever is not as expected leaves the PDF as cairo wrote it. */

/* @needle in the bytes from @from to @end, which may hold NULs (binary
 * streams); NULL where it is not. */
static const char *
find_bytes (const char *from,
            const char *end,
            const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = from; p != NULL && end - p >= (gssize) length; p++)
    {
      p = memchr (p, needle[0], end - p - length + 1);
      if (p == NULL || memcmp (p, needle, length) == 0)
        return p;
    }

  return NULL;
}

/* The number after @key in @text up to @end, as "/Size 119"; FALSE where
 * there is none. */
static gboolean
scan_number (const char *text,
             const char *end,
             const char *key,
             guint64    *number)
{
  const char *found = find_bytes (text, end, key);
  char *after;

  if (found == NULL)
    return FALSE;
  found += strlen (key);
  while (found < end && (*found == ' ' || *found == '[' || *found == '\n'))
    found++;
  *number = g_ascii_strtoull (found, &after, 10);

  return after != found && after <= end;
}

/* The numbers after @key, as "/W [1 2 1]": up to @max of them. */
static guint
scan_numbers (const char *text,
              const char *end,
              const char *key,
              guint64    *numbers,
              guint       max)
{
  const char *p = find_bytes (text, end, key);
  guint n = 0;

  if (p == NULL)
    return 0;
  p += strlen (key);
  while (p < end && (*p == ' ' || *p == '\n'))
    p++;
  if (p == end || *p != '[')
    return 0;
  for (p++; n < max; n++)
    {
      char *after;

      while (p < end && (*p == ' ' || *p == '\n'))
        p++;
      numbers[n] = g_ascii_strtoull (p, &after, 10);
      if (after == p || after > end)
        break;
      p = after;
    }

  return n;
}

/* The data of the stream whose dictionary starts at @dict, decoded
 * (FlateDecode, and the PNG predictors "None" and "Up" of a
 * cross-reference stream); NULL for anything else. */
static GBytes *
decode_stream (const char *dict,
               const char *end)
{
  const char *data = find_bytes (dict, end, ">>\nstream");
  g_autoptr(GConverter) inflater = NULL;
  g_autoptr(GByteArray) out = NULL;
  guint64 length, predictor = 0, columns = 1;
  gsize read = 0;

  if (data == NULL || !scan_number (dict, data, "/Length", &length)
      || find_bytes (dict, data, "/Filter /FlateDecode") == NULL)
    return NULL;
  /* An indirect length, "/Length 12 0 R", is in object 12, which cairo
   * writes after the stream: "12 0 obj 345 endobj" */
  {
    g_autofree char *indirect = g_strdup_printf ("/Length %" G_GUINT64_FORMAT " 0 R", length);
    g_autofree char *object = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj", length);

    if (find_bytes (dict, data, indirect) != NULL
        && !scan_number (data, end, object, &length))
      return NULL;
  }
  data += strlen (">>\nstream");
  if (data < end && *data == '\r')
    data++;
  if (data >= end || *data != '\n' || (guint64) (end - data - 1) < length)
    return NULL;
  data++;

  inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  out = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[16384];
      gsize bytes_read = 0, written = 0;
      GConverterResult result;

      result = g_converter_convert (inflater, data + read, length - read, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &written, NULL);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      read += bytes_read;
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }

  scan_number (dict, data, "/Predictor", &predictor);
  scan_number (dict, data, "/Columns", &columns);
  if (predictor >= 10)
    {
      /* PNG rows: a filter byte, then the row */
      gsize row = columns + 1, n = 0;
      g_autoptr(GByteArray) rows = g_byte_array_new ();

      if (columns == 0 || out->len % row != 0)
        return NULL;
      for (gsize r = 0; r < out->len / row; r++)
        {
          const guint8 *in = out->data + r * row;

          if (in[0] > 2 || in[0] == 1)
            return NULL;
          for (gsize c = 0; c < columns; c++, n++)
            {
              guint8 up = r > 0 ? rows->data[n - columns] : 0;
              guint8 value = in[0] == 2 ? (guint8) (in[1 + c] + up) : in[1 + c];

              g_byte_array_append (rows, &value, 1);
            }
        }
      return g_byte_array_free_to_bytes (g_steal_pointer (&rows));
    }
  else if (predictor > 1)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Object @number's entry in a decoded cross-reference stream: its type,
 * and the two fields after it.  FALSE where it has none. */
static gboolean
get_xref_entry (GBytes        *entries,
                const guint64 *widths,
                const guint64 *index,
                guint          n_index,
                guint64        number,
                guint64        fields[3])
{
  gsize size;
  const guint8 *data = g_bytes_get_data (entries, &size);
  guint64 row = widths[0] + widths[1] + widths[2], before = 0;

  for (guint i = 0; i + 1 < n_index; i += 2)
    {
      if (number >= index[i] && number < index[i] + index[i + 1])
        {
          const guint8 *p = data + (before + number - index[i]) * row;

          if ((before + number - index[i] + 1) * row > size)
            return FALSE;
          for (guint f = 0; f < 3; f++)
            {
              fields[f] = f == 0 && widths[0] == 0 ? 1 : 0;
              for (guint64 b = 0; b < widths[f]; b++)
                fields[f] = fields[f] << 8 | *p++;
            }
          return TRUE;
        }
      before += index[i + 1];
    }

  return FALSE;
}

/* "<< ... >>" of the plain object @number at @offset */
static char *
plain_object (const char *data,
              const char *end,
              guint64     offset,
              guint64     number)
{
  g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", number);
  const char *object = data + offset;
  const char *close;

  if (offset >= (guint64) (end - data) || !g_str_has_prefix (object, start))
    return NULL;
  object += strlen (start);
  close = find_bytes (object, end, "endobj");
  if (close == NULL)
    return NULL;

  return g_strstrip (g_strndup (object, close - object));
}

/* The dictionary of object @number, through the cross-reference stream
 * at @xref: plain, or in an object stream. */
static char *
object_from_xref_stream (const char *data,
                         const char *end,
                         const char *xref,
                         guint64     number)
{
  const char *xref_end = find_bytes (xref, end, "stream");
  g_autoptr(GBytes) entries = decode_stream (xref, end);
  g_autoptr(GBytes) objects = NULL;
  g_autofree char *text = NULL;
  guint64 widths[3], index[64], size, fields[3], pairs[2], first, count;
  guint n_index;
  const char *dict, *stream_start;
  gsize length;
  char *after;

  if (entries == NULL || xref_end == NULL || scan_numbers (xref, xref_end, "/W", widths, 3) != 3
      || widths[0] > 4 || widths[1] > 8 || widths[2] > 8
      || !scan_number (xref, xref_end, "/Size", &size))
    return NULL;
  n_index = scan_numbers (xref, xref_end, "/Index", index, G_N_ELEMENTS (index));
  if (n_index == 0)
    {
      index[0] = 0;
      index[1] = size;
      n_index = 2;
    }

  if (!get_xref_entry (entries, widths, index, n_index, number, fields))
    return NULL;
  if (fields[0] == 1)
    return plain_object (data, end, fields[1], number);
  if (fields[0] != 2)
    return NULL;

  /* In object stream fields[1], the fields[2]th: its header lists "number
   * offset" pairs, offsets from /First */
  pairs[0] = fields[1];
  pairs[1] = fields[2];
  if (!get_xref_entry (entries, widths, index, n_index, pairs[0], fields) || fields[0] != 1
      || fields[1] >= (guint64) (end - data))
    return NULL;
  dict = data + fields[1];
  stream_start = find_bytes (dict, end, "stream");
  if (stream_start == NULL || find_bytes (dict, stream_start, "/Type /ObjStm") == NULL
      || !scan_number (dict, stream_start, "/First", &first)
      || !scan_number (dict, stream_start, "/N ", &count) || pairs[1] >= count)
    return NULL;
  objects = decode_stream (dict, end);
  if (objects == NULL)
    return NULL;

  {
    const char *bytes = g_bytes_get_data (objects, &length);
    const char *p;
    guint64 offset = 0, next = length - MIN (first, length);

    text = g_strndup (bytes, length);
    p = text;
    for (guint64 i = 0; i <= pairs[1] + 1 && i < count; i++)
      {
        guint64 object_number = g_ascii_strtoull (p, &after, 10);
        guint64 object_offset;

        if (after == p)
          return NULL;
        p = after;
        object_offset = g_ascii_strtoull (p, &after, 10);
        if (after == p)
          return NULL;
        p = after;
        if (i == pairs[1])
          {
            if (object_number != number)
              return NULL;
            offset = object_offset;
          }
        else if (i == pairs[1] + 1)
          next = object_offset;
      }
    if (first + next > length || offset > next)
      return NULL;

    return g_strstrip (g_strndup (text + first + offset, next - offset));
  }
}

/**
 * _racimo_pagination_add_language:
 * @pdf: a whole PDF, as cairo wrote it
 * @language: a language tag, "en", "pt-br"
 *
 * Adds /Lang @language to the catalog of @pdf, by an incremental update;
 * leaves @pdf as it is where its cross-references or its catalog are not
 * as cairo writes them, or the catalog has a language.
 */
void
_racimo_pagination_add_language (GByteArray *pdf,
                                 const char *language)
{
  const char *data = (const char *) pdf->data;
  const char *end = data + pdf->len;
  const char *startxref, *trailer, *tail;
  g_autofree char *catalog = NULL;
  g_autoptr(GString) update = NULL;
  guint64 size, root, info = 0, previous;
  gsize offset, xref;

  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return;

  /* The last "startxref N %%EOF", near the end */
  tail = data + (pdf->len > 64 ? pdf->len - 64 : 0);
  startxref = NULL;
  for (const char *p = tail; (p = find_bytes (p, end, "startxref")) != NULL; p++)
    startxref = p;
  if (startxref == NULL || !scan_number (startxref, end, "startxref", &previous)
      || previous >= pdf->len)
    return;

  if (g_str_has_prefix (data + previous, "xref"))
    {
      /* A plain table, then "trailer << /Size N /Root R 0 R ... >>" */
      trailer = find_bytes (data + previous, end, "trailer");
      if (trailer == NULL
          || !scan_number (trailer, startxref, "/Size", &size)
          || !scan_number (trailer, startxref, "/Root", &root))
        return;
      scan_number (trailer, startxref, "/Info", &info);
      {
        g_autofree char *start = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj\n", root);
        const char *object = find_bytes (data, data + previous, start);

        if (object != NULL)
          catalog = plain_object (data, end, object + 1 - data, root);
      }
    }
  else
    {
      /* A cross-reference stream, whose dictionary is the trailer's */
      const char *dict = find_bytes (data + previous, end, "<<");

      if (dict == NULL || find_bytes (dict, end, "/Type /XRef") == NULL
          || !scan_number (dict, end, "/Size", &size)
          || !scan_number (dict, end, "/Root", &root))
        return;
      scan_number (dict, find_bytes (dict, end, "stream"), "/Info", &info);
      catalog = object_from_xref_stream (data, end, dict, root);
    }

  if (catalog == NULL || !g_str_has_prefix (catalog, "<<") || !g_str_has_suffix (catalog, ">>")
      || strstr (catalog, "/Type /Catalog") == NULL || strstr (catalog, "/Lang") != NULL)
    return;

  offset = pdf->len;
  update = g_string_new (NULL);
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n", root);
  g_string_append_len (update, catalog, strlen (catalog) - 2);
  if (update->str[update->len - 1] != '\n')
    g_string_append_c (update, '\n');
  g_string_append_printf (update, "   /Lang (%s)\n>>\nendobj\n", language);
  xref = offset + update->len;
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                          root, offset);
  g_string_append_printf (update, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n"
                          "   /Root %" G_GUINT64_FORMAT " 0 R\n", size, root);
  if (info != 0)
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (update, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", previous, xref);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
}

/* Draws the @n_pages pages of @source with @draw_page on a PDF of
 * @width by @height points, made in memory, then writes it to a
 * temporary file beside @path, which replaces @path: @path is never left
 * half-written, and stays as it was on failure.  @cancellable is checked
 * between pages. */
gboolean
_racimo_pagination_write_pdf (const char             *title,
                              double                  width,
                              double                  height,
                              guint                   n_pages,
                              RacimoDrawPageFunc      draw_page,
                              gpointer                source,
                              const char             *path,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, width, height);
  if (*title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Racimo " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return FALSE;
        }
      draw_page (source, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF “%s”: %s"), display_name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  _racimo_pagination_add_language (pdf, _racimo_pagination_get_language ());
  file = g_file_new_for_path (path);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
  return _racimo_replace_contents (file, bytes, NULL, NULL, cancellable, error);
}

/* The pages as one "Document", the root of the structure that makes a
 * tagged PDF. */
static void
draw_matrix_page (gpointer  source,
                  cairo_t  *cr,
                  guint     page)
{
  RacimoPagination *self = source;

  if (page == 0)
    cairo_tag_begin (cr, "Document", NULL);
  racimo_pagination_draw_page (self, cr, page);
  /* Before the last page is shown: after it, the tag would start a page
   * of its own. */
  if (page + 1 == self->n_pages)
    cairo_tag_end (cr, "Document");
}

/**
 * racimo_pagination_export_pdf:
 * @project: the project
 * @path: the PDF file to write, in the file system's encoding
 * @options: (nullable): how, or %NULL for the defaults
 * @cancellable: (nullable): checked between pages
 * @error: a G_IO_ERROR
 *
 * Writes the pages of racimo_pagination_new() as a PDF, with the text as text
 * and the fonts embedded.  The PDF is made in memory and written to a
 * temporary file beside @path, which then replaces @path: @path is never
 * left half-written, and stays as it was on failure.
 *
 * Returns: %TRUE on success
 */
gboolean
racimo_pagination_export_pdf (RacimoProject                  *project,
                              const char                     *path,
                              const RacimoPaginationOptions  *options,
                              GCancellable                   *cancellable,
                              GError                        **error)
{
  g_autoptr(RacimoPagination) pagination = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pagination = racimo_pagination_new (project, options);
  return racimo_pagination_write_pdf (pagination, racimo_project_get_title (project), path,
                                      cancellable, error);
}

/**
 * racimo_pagination_write_pdf:
 * @title: the project's title, for the PDF's properties
 * @path: the PDF file to write, in the file system's encoding
 * @cancellable: (nullable): checked between pages
 * @error: a G_IO_ERROR
 *
 * Writes the pages of @self as racimo_pagination_export_pdf () does, for
 * a caller that asks the pagination something first.
 *
 * Returns: %TRUE on success
 */
gboolean
racimo_pagination_write_pdf (RacimoPagination  *pagination,
                             const char        *title,
                             const char        *path,
                             GCancellable      *cancellable,
                             GError           **error)
{
  double width, height;

  g_return_val_if_fail (RACIMO_IS_PAGINATION (pagination), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  racimo_pagination_get_page_size (pagination, &width, &height);

  return _racimo_pagination_write_pdf (title, width, height, pagination->n_pages,
                                       draw_matrix_page, pagination, path, cancellable, error);
}
