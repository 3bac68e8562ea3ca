/* racimo-pagination.c: the matrix on paper, split into pages
 *
 * A pagination takes a snapshot of the project when it is made: names, codes
 * and findings are shaped once, and drawing a page only places them.  What
 * the export of 2,000 activities x 40 roles spends its time on, and how it
 * is kept near a tenth of a second:
 * - shaping names: each distinct word is shaped once (add_words_text() in
 *   racimo-pagination-text.c);
 * - every drawing call costs when cairo writes the page, more than the
 *   glyphs it draws: the letters of all cells of a page go in one call per
 *   letter (_racimo_pagination_queue_codes()); texts are drawn as glyph
 *   runs worked out once, and the runs that follow each other in one font
 *   and colour (the names down a page) in one call
 *   (_racimo_pagination_show_text()); what each page repeats (title,
 *   legend, column headers and lines) is recorded once and painted, which
 *   a PDF holds once (paint_recording() in racimo-pagination-draw.c).
 *
 * The matrix is laid out at its base font size in "table units" and drawn
 * through cairo_scale(): fitting to the page width changes only that
 * scale, never the shaping, so the print dialog and the PDF give the same
 * pages.  The page's title, legend and footer are drawn at their own size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-checks.h"
#include "racimo-model-private.h"
#include "racimo-pagination-private.h"
#include "racimo-workload.h"

static void
summary_item_clear (gpointer data)
{
  SummaryItem *item = data;

  g_clear_pointer (&item->numbers, g_ptr_array_unref);
}


G_DEFINE_FINAL_TYPE (RacimoPagination, racimo_pagination, G_TYPE_OBJECT)

static void
racimo_pagination_finalize (GObject *object)
{
  RacimoPagination *self = RACIMO_PAGINATION (object);

  g_clear_pointer (&self->options, racimo_pagination_options_free);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->name_cache, g_hash_table_unref);
  g_clear_pointer (&self->word_cache, g_hash_table_unref);
  g_clear_pointer (&self->words, g_array_unref);
  g_clear_pointer (&self->batch_glyphs, g_array_unref);
  g_clear_pointer (&self->batch_clusters, g_array_unref);
  if (self->batch_text != NULL)
    g_string_free (g_steal_pointer (&self->batch_text), TRUE);
  g_clear_object (&self->word_analysis.font);
  g_clear_pointer (&self->code_cache, g_hash_table_unref);
  g_clear_pointer (&self->cell_cache, g_hash_table_unref);
  for (guint i = 0; i < 2; i++)
    for (guint c = 0; c < 26; c++)
      {
        g_clear_pointer (&self->letters[i][c].font, cairo_scaled_font_destroy);
        g_clear_pointer (&self->letters[i][c].batch, g_array_unref);
      }
  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->note_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->hatch, cairo_pattern_destroy);
  g_clear_pointer (&self->roles, g_free);
  g_clear_pointer (&self->role_index, g_hash_table_unref);
  g_clear_pointer (&self->phases, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->codes, g_array_unref);
  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->compare, _racimo_pagination_compare_free);
  g_clear_pointer (&self->summary, g_array_unref);
  g_clear_pointer (&self->summary_bands, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->title_surface, cairo_surface_destroy);
  g_clear_pointer (&self->legend_surface, cairo_surface_destroy);
  for (guint i = 0; self->column_headers != NULL && i < self->n_across; i++)
    g_clear_pointer (&self->column_headers[i], cairo_surface_destroy);
  g_clear_pointer (&self->column_headers, g_free);

  G_OBJECT_CLASS (racimo_pagination_parent_class)->finalize (object);
}

static void
racimo_pagination_class_init (RacimoPaginationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = racimo_pagination_finalize;
}

static void
racimo_pagination_init (RacimoPagination *self)
{
  static const struct { double size; PangoWeight weight; } font_styles[N_FONTS] = {
    [FONT_BODY]    = { BASE_SIZE,    PANGO_WEIGHT_NORMAL },
    [FONT_BOLD]    = { BASE_SIZE,    PANGO_WEIGHT_BOLD },
    [FONT_SMALL]   = { SMALL_SIZE,   PANGO_WEIGHT_NORMAL },
    [FONT_HEADING] = { HEADING_SIZE, PANGO_WEIGHT_BOLD },
    [FONT_TITLE]   = { TITLE_SIZE,   PANGO_WEIGHT_BOLD },
  };

  self->context = _racimo_pagination_context_new ();

  for (guint i = 0; i < N_FONTS; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (self->fonts[i],
                                       (int) (font_styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], font_styles[i].weight);
    }

  self->texts = g_ptr_array_new_with_free_func (_racimo_text_free);
  self->name_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) pango_glyph_string_free);
  self->words = g_array_new (FALSE, FALSE, sizeof (Word));
  self->batch_glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  self->batch_clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  self->batch_text = g_string_new (NULL);
  self->code_cache = g_hash_table_new (NULL, NULL);
  self->cell_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->phases = g_array_new (FALSE, TRUE, sizeof (PhaseInfo));
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->codes = g_array_new (FALSE, TRUE, sizeof (RacimoCodes));
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  self->summary = g_array_new (FALSE, TRUE, sizeof (SummaryItem));
  g_array_set_clear_func (self->summary, summary_item_clear);
  self->summary_bands = g_array_new (FALSE, TRUE, sizeof (Band));
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
  self->scale = 1.0;
  self->n_across = 1;
}

static gboolean
phase_is_printed (RacimoPagination *self,
                  RacimoPhase      *phase)
{
  return self->options->phases == NULL
         || g_strv_contains ((const char * const *) self->options->phases,
                             racimo_item_get_id (RACIMO_ITEM (phase)));
}

/* Whether @item has a finding that was not waived: what "only problems"
 * prints. */
/* A phase collapsed in the grid, printed as its header only. */
static gboolean
phase_is_collapsed (RacimoPagination *self,
                    RacimoPhase      *phase)
{
  return self->options->collapsed != NULL
         && g_strv_contains ((const char * const *) self->options->collapsed,
                             racimo_item_get_id (RACIMO_ITEM (phase)));
}

static gboolean
has_problem (RacimoChecks *checks,
             RacimoItem   *item)
{
  GPtrArray *findings = racimo_checks_get_item_findings (checks, item);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (((RacimoFinding *) g_ptr_array_index (findings, i))->waiver_reason == NULL)
      return TRUE;

  return FALSE;
}

static gboolean
activity_is_printed (RacimoPagination *self,
                     RacimoChecks     *checks,
                     RacimoActivity   *activity)
{
  return !self->options->only_problems || has_problem (checks, RACIMO_ITEM (activity));
}

static Mark
find_waived_mark (RacimoChecks *checks,
                  RacimoItem   *item)
{
  GPtrArray *findings = racimo_checks_get_item_findings (checks, item);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);

      if (finding->waiver_reason == NULL)
        continue;
      if (finding->check == RACIMO_CHECK_NO_OWNER)
        return MARK_NO_OWNER;
      if (finding->check == RACIMO_CHECK_MANY_OWNERS)
        return MARK_MANY_OWNERS;
    }

  return MARK_NONE;
}

static void
build_phase (RacimoPagination *self,
             RacimoPhase      *phase)
{
  const char *name = racimo_item_get_name (RACIMO_ITEM (phase));
  const char *description = racimo_item_get_description (RACIMO_ITEM (phase));
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *continued = NULL;
  PhaseInfo info = { NULL, NULL };
  gsize name_end;

  if (*name == '\0')
    name = _("Unnamed phase");
  g_string_append (header, name);
  if (phase_is_collapsed (self, phase))
    {
      guint n = racimo_phase_get_n_activities (phase);

      /* Translators: after a phase's name, when it is printed collapsed */
      g_string_append_printf (header, ngettext (" (%u activity not shown)",
                                                " (%u activities not shown)", n), n);
    }
  name_end = header->len;
  if (self->options->descriptions && description != NULL && *description != '\0')
    {
      g_string_append_c (header, '\n');
      g_string_append (header, description);
      _racimo_pagination_attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL), name_end, header->len);
      _racimo_pagination_attrs_add (attrs, pango_attr_size_new ((int) (SMALL_SIZE * PANGO_SCALE)),
                 name_end, header->len);
    }
  info.header = _racimo_pagination_add_name_text (self, FONT_BOLD, header->str, attrs);

  /* Translators: a phase's header repeated at the top of a page, when the
   * phase began on an earlier one */
  continued = g_strdup_printf (_("%s (continued)"), name);
  info.continued = _racimo_pagination_add_name_text (self, FONT_BOLD, continued, NULL);

  g_array_append_val (self->phases, info);
}

/* The next activity's number, for referring to rows in a meeting:
 * counted over the activities printed. */
static Text *
add_row_number (RacimoPagination *self)
{
  g_autofree char *string = g_strdup_printf ("%u", ++self->n_numbered);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_foreground_new (0x5000, 0x5000, 0x5000));
  return _racimo_pagination_add_text (self, FONT_SMALL, string, attrs);
}

/* An activity's description, or a part of it, in small grey type. */
static Text *
add_description_text (RacimoPagination *self,
                      const char       *string)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_foreground_new (0x5000, 0x5000, 0x5000));
  return _racimo_pagination_add_text (self, FONT_SMALL, string, attrs);
}

/* Returns the codes of the cells printed. */
static RacimoCodes
build_activity (RacimoPagination *self,
                RacimoChecks     *checks,
                RacimoActivity   *activity)
{
  RacimoItem *item = RACIMO_ITEM (activity);
  const char *description = racimo_item_get_description (item);
  Row row = { 0, };
  GHashTableIter iter;
  gpointer role, value;
  RacimoCodes printed = 0;

  row.phase = self->phases->len - 1;
  row.applicable = racimo_activity_get_applicable (activity);
  if (self->options->row_numbers)
    row.number = add_row_number (self);
  row.name = _racimo_pagination_get_name_text (self, racimo_item_get_name (item), row.applicable);
  if (self->options->descriptions && description != NULL && *description != '\0')
    row.description = add_description_text (self, description);

  if (racimo_checks_item_has (checks, item, RACIMO_CHECK_NO_OWNER))
    row.mark = MARK_NO_OWNER;
  else if (racimo_checks_item_has (checks, item, RACIMO_CHECK_MANY_OWNERS))
    row.mark = MARK_MANY_OWNERS;
  else if ((row.mark = find_waived_mark (checks, item)) != MARK_NONE)
    row.waived = TRUE;
  self->any_mark |= row.mark != MARK_NONE;

  /* The cells that hold codes, rather than every role's: a third of them
   * in a large project. */
  row.codes = self->codes->len;
  g_array_set_size (self->codes, row.codes + self->n_roles);
  g_hash_table_iter_init (&iter, _racimo_activity_get_cells (activity));
  while (g_hash_table_iter_next (&iter, &role, &value))
    {
      RacimoCodes codes = GPOINTER_TO_UINT (value);
      gpointer r;

      if (!g_hash_table_lookup_extended (self->role_index, role, NULL, &r))
        continue;
      g_array_index (self->codes, RacimoCodes, row.codes + GPOINTER_TO_UINT (r)) = codes;
      printed |= codes;
      _racimo_pagination_get_code_text (self, codes, row.applicable);
    }
  row.notes = self->notes != NULL ? self->notes->len : 0;
  row.n_notes = _racimo_pagination_add_notes (self, activity);

  g_array_append_val (self->rows, row);
  _racimo_pagination_compare_add_row (self, activity);
  return printed;
}

static void
build_role (RacimoPagination *self,
            RacimoRole       *role,
            RoleInfo         *info)
{
  const char *abbrev = racimo_role_get_abbrev (role);
  const char *name = racimo_item_get_name (RACIMO_ITEM (role));
  const char *person = racimo_role_get_person (role);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(PangoAttrList) lines_attrs = pango_attr_list_new ();
  g_autoptr(PangoAttrList) line_attrs = pango_attr_list_new ();
  gsize bold_end;

  if (abbrev == NULL || *abbrev == '\0')
    {
      abbrev = *name != '\0' ? name : _("(unnamed)");
      name = NULL;
    }

  /* The abbreviation in bold at the matrix's size, the rest smaller. */
  g_string_append (lines, abbrev);
  g_string_append (line, abbrev);
  bold_end = lines->len;
  _racimo_pagination_attrs_add (lines_attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, bold_end);
  _racimo_pagination_attrs_add (lines_attrs, pango_attr_size_new ((int) (BASE_SIZE * PANGO_SCALE)), 0, bold_end);
  _racimo_pagination_attrs_add (line_attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, bold_end);
  _racimo_pagination_attrs_add (line_attrs, pango_attr_size_new ((int) (BASE_SIZE * PANGO_SCALE)), 0, bold_end);

  if (name != NULL && *name != '\0')
    {
      g_string_append_c (lines, '\n');
      g_string_append (lines, name);
      g_string_append (line, "  ");
      g_string_append (line, name);
    }
  if (person != NULL && *person != '\0')
    {
      gsize start = lines->len + 1;
      gsize line_start;

      g_string_append_c (lines, '\n');
      g_string_append (lines, person);
      _racimo_pagination_attrs_add (lines_attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, lines->len);
      g_string_append (line, " · ");
      line_start = line->len;
      g_string_append (line, person);
      _racimo_pagination_attrs_add (line_attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), line_start, line->len);
    }

  info->horizontal = _racimo_pagination_add_name_text (self, FONT_SMALL, lines->str, lines_attrs);
  pango_layout_set_alignment (info->horizontal->layout, PANGO_ALIGN_CENTER);
  info->min_width = _racimo_text_get_min_width (info->horizontal);
  info->rotated = _racimo_pagination_add_name_text (self, FONT_SMALL, line->str, line_attrs);
}

static Text *
add_legend_text (RacimoPagination *self,
                 const char       *symbol,
                 const char       *symbol_color,
                 const char       *label)
{
  g_autofree char *string = *symbol != '\0' ? g_strdup_printf ("%s %s", symbol, label)
                                             : g_strdup (label);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  gsize end = strlen (symbol);

  _racimo_pagination_attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, end);
  if (symbol_color != NULL)
    _racimo_pagination_attrs_add (attrs, _racimo_pagination_color_attr_new (symbol_color), 0, end);

  return _racimo_pagination_add_text (self, FONT_SMALL, string, attrs);
}

static void
add_chip (RacimoPagination *self,
          ChipKind          kind,
          Text             *text)
{
  Chip chip = { kind, text, 0.0, 0.0 };

  g_array_append_val (self->chips, chip);
}

/* The scheme's codes with their names, then the marks that the printed
 * rows use, flowed into lines of @width. */
static void
build_legend (RacimoPagination *self,
              RacimoCodes       unknown_codes,
              double            width)
{
  gboolean marks[3] = { FALSE, FALSE, FALSE };
  gboolean waived[3] = { FALSE, FALSE, FALSE };
  gboolean not_applicable = FALSE;
  double x = 0.0, y = 0.0, line_height = 0.0;

  for (guint i = 0; i < self->scheme->n_codes; i++)
    {
      const RacimoCodeInfo *info = &self->scheme->codes[i];
      char letter[2] = { info->letter, '\0' };

      add_chip (self, CHIP_PLAIN,
                add_legend_text (self, letter, _racimo_pagination_ink (self, info->color_light),
                                 _(info->name)));
    }
  for (char c = 'A'; c <= 'Z'; c++)
    if (unknown_codes & RACIMO_CODE_BIT (c))
      {
        char letter[2] = { c, '\0' };
        /* Translators: in the legend, after a code letter that the
         * project's scheme (%s, such as "RACI") does not define */
        g_autofree char *label = g_strdup_printf (_("not in the %s scheme"),
                                                  _(self->scheme->title));

        add_chip (self, CHIP_PLAIN, add_legend_text (self, letter, NULL, label));
      }

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->is_phase)
        continue;
      if (row->waived)
        waived[row->mark] = TRUE;
      else
        marks[row->mark] = TRUE;
      not_applicable |= !row->applicable;
    }
  if (marks[MARK_NO_OWNER])
    add_chip (self, CHIP_HATCHED,
              add_legend_text (self, NO_OWNER_SYMBOL, _racimo_pagination_ink (self, MARK_COLOR),
                               racimo_check_get_title (RACIMO_CHECK_NO_OWNER)));
  if (marks[MARK_MANY_OWNERS])
    add_chip (self, CHIP_HATCHED,
              add_legend_text (self, MANY_OWNERS_SYMBOL, _racimo_pagination_ink (self, MARK_COLOR),
                               racimo_check_get_title (RACIMO_CHECK_MANY_OWNERS)));
  /* Each waived mark as the rows show it: a waived row with two owners
   * prints "(‼)", not "(⚠)". */
  for (Mark mark = MARK_NO_OWNER; mark <= MARK_MANY_OWNERS; mark++)
    if (waived[mark])
      add_chip (self, CHIP_PLAIN,
                add_legend_text (self, mark == MARK_NO_OWNER ? "(" NO_OWNER_SYMBOL ")"
                                                             : "(" MANY_OWNERS_SYMBOL ")",
                                 "#707070",
                                 /* Translators: in the legend, a finding that was
                                  * looked at and accepted */
                                 _("Waived")));
  if (not_applicable)
    add_chip (self, CHIP_STRUCK, add_legend_text (self, "", NULL, _("Does not apply")));
  _racimo_pagination_compare_add_chips (self);

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      double chip_width = chip->text->width;

      if (chip->kind != CHIP_PLAIN)
        chip_width += SWATCH_WIDTH + 3.0;

      if (x > 0.0 && x + chip_width > width)
        {
          x = 0.0;
          y += line_height + 2.0;
          line_height = 0.0;
        }
      chip->x = x;
      chip->y = y;
      x += chip_width + CHIP_GAP;
      line_height = MAX (line_height, chip->text->height);
    }

  self->legend_height = y + line_height;
}

static cairo_pattern_t *
create_hatch (void)
{
  cairo_rectangle_t extents = { 0.0, 0.0, 5.0, 5.0 };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  /* Diagonals that join across tiles, dark enough to survive a grey
   * photocopy, thin enough to read text over. */
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.45);
  cairo_move_to (cr, -1.0, 6.0);
  cairo_line_to (cr, 6.0, -1.0);
  cairo_move_to (cr, -1.0, 1.0);
  cairo_line_to (cr, 1.0, -1.0);
  cairo_move_to (cr, 4.0, 6.0);
  cairo_line_to (cr, 6.0, 4.0);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

void
_racimo_pagination_fill_hatched (RacimoPagination *self,
                                 cairo_t          *cr,
                                 double            x,
                                 double            y,
                                 double            width,
                                 double            height)
{
  /* In black and white the hatching alone, with no tint behind it. */
  cairo_rectangle (cr, x, y, width, height);
  if (!self->options->mono)
    {
      cairo_set_source_rgb (cr, 0.99, 0.89, 0.89);
      cairo_fill_preserve (cr);
    }
  cairo_set_source (cr, self->hatch);
  cairo_fill (cr);
  _racimo_pagination_set_source_color (cr, _racimo_pagination_ink (self, MARK_COLOR));
  cairo_set_line_width (cr, 0.9);
  cairo_rectangle (cr, x + 0.45, y + 0.45, width - 0.9, height - 0.9);
  cairo_stroke (cr);
}

/* How many pages across the options ask for at most; 0 for no bound. */
static guint
get_pages_wide (RacimoPagination *self)
{
  return self->options->one_page ? 1 : self->options->pages_wide;
}

/* The smallest the matrix is printed at: full size when tiling, unless
 * the options ask for a number of pages. */
static double
get_min_scale (RacimoPagination *self)
{
  if (self->options->fit == RACIMO_PAGINATION_TILE && get_pages_wide (self) == 0)
    return 1.0;
  return MIN_SIZE / BASE_SIZE;
}

/* The sheet the base size is made for, as it is read either way */
#define A4_SHORT (210.0 * 72.0 / 25.4)
#define A4_LONG  (297.0 * 72.0 / 25.4)
#define MAX_GROWTH 1.5

/* How much larger than full size the matrix may grow to fill the width of
 * a paper larger than A4, such as A3 or Ledger: as much as the page is
 * wider than A4 read the same way, to 1.5 at most, and no more than the
 * rounds that fit one page allow; 1 on A4 and smaller papers, and when
 * tiling or spreading over pages across. */
static double
get_max_growth (RacimoPagination *self)
{
  double a4_width = self->page_width >= self->page_height ? A4_LONG : A4_SHORT;
  double growth = self->page_width / a4_width;

  if (get_min_scale (self) >= 1.0 || self->options->pages_wide > 1 || growth < 1.01)
    return 1.0;

  return MAX (MIN (MIN (growth, MAX_GROWTH), self->max_growth), 1.0);
}

/* Column widths, the scale and the split of roles over pages across.
 *
 * The narrowest a role column can be is what its codes and its rotated
 * header need; the activity column wants its longest name.  When that is
 * wider than the page, "fit" scales everything down, to MIN_SIZE at most,
 * first keeping names on one line (wrapped names double the rows and the
 * pages), then with names wrapped in a narrower column; past that, and at
 * once with "tile", the roles are split over pages across.  On paper
 * larger than A4, it grows instead, as far as names stay on one line.
 * Width left over goes to the activity column, then to the role columns,
 * enough for their headers to be written across or else up to twice as
 * wide, and last to descriptions, so that they wrap less. */
static void
compute_columns (RacimoPagination *self,
                 double            code_width,
                 double            name_width,
                 double            description_width)
{
  double min_scale = get_min_scale (self);
  double column_min = MAX (COLUMN_MIN, code_width + 2 * PAD);
  double horizontal_min = 0.0, horizontal_wide = 0.0;
  double activity_natural, activity_min, activity_max, width, left;
  guint n = self->n_roles, m;
  /* The roles a page should hold: every one, or enough for the pages
   * across asked for */
  guint n_fit = get_pages_wide (self) > 0 ? (n + get_pages_wide (self) - 1) / get_pages_wide (self) : n;

  for (guint r = 0; r < n; r++)
    {
      column_min = MAX (column_min, self->roles[r].rotated->height + 2 * PAD);
      horizontal_min = MAX (horizontal_min, self->roles[r].min_width + 2 * PAD);
      horizontal_wide = MAX (horizontal_wide, self->roles[r].horizontal->width + 2 * PAD);
    }

  activity_natural = self->gutter + 2 * PAD + MAX (name_width, self->activity_header->width);
  activity_min = MIN (activity_natural, ACTIVITY_WANT);
  if (self->content_width / (activity_min + n_fit * column_min) < min_scale)
    activity_min = MIN (activity_natural, ACTIVITY_MIN);

  self->scale = CLAMP (self->content_width / (activity_min + n_fit * column_min), min_scale,
                       MAX (self->max_scale, min_scale));
  /* On larger paper, larger, as far as names stay on one line */
  if (self->scale >= 1.0)
    self->scale = MAX (self->scale, MIN (get_max_growth (self),
                                         self->content_width / (activity_natural + n * column_min)));
  width = self->content_width / self->scale;
  activity_max = MAX (activity_min, ACTIVITY_SHARE * width);

  if (activity_min + n * column_min <= width + 0.01)
    m = n;
  else if (activity_min + n_fit * column_min <= width + 0.01)
    m = n_fit;
  else
    {
      /* Tiling: a narrower activity column leaves more roles per page. */
      double activity_width = MIN (activity_natural, MAX (activity_min, 0.3 * width));
      guint per_page = (guint) MAX (1.0, (width - activity_width) / column_min);
      guint n_across = (n + per_page - 1) / per_page;

      m = (n + n_across - 1) / n_across;
    }
  self->roles_per_page = m;
  self->n_across = m > 0 ? (n + m - 1) / m : 1;

  left = width - activity_min - m * column_min;
  self->activity_width = activity_min + CLAMP (MIN (activity_natural, activity_max) - activity_min,
                                               0.0, MAX (left, 0.0));
  left = width - self->activity_width - m * column_min;

  self->column_width = column_min;
  self->rotated = TRUE;
  if (m > 0 && horizontal_min <= column_min + left / m)
    {
      double wanted = MAX (horizontal_min, MIN (horizontal_wide, COLUMN_MAX));

      self->rotated = FALSE;
      self->column_width = MAX (column_min, MIN (wanted, column_min + left / m));
    }
  else if (m > 0 && left > 0.0)
    self->column_width += MIN (left / m, column_min);

  left = width - self->activity_width - m * self->column_width;
  activity_natural = MAX (activity_natural, self->gutter + 2 * PAD + description_width);
  if (left > 0.0 && self->activity_width < activity_natural)
    self->activity_width += MIN (left, activity_natural - self->activity_width);
}

/* Lines a role's name takes, at most, in a header read sideways */
#define ROLE_HEADER_LINES 3

/* At full size, tiled, a role's name read sideways goes on up to three
 * lines across its column, which widens to hold them, rather than being
 * cut at the header row's height: tiling is for reading every name.
 * Fitted to the width, the columns stay narrow and the name is cut. */
static void
wrap_role_headers (RacimoPagination *self,
                   double            table_height)
{
  double max_length = MAX (HEADER_SHARE * table_height, 4 * BASE_SIZE);

  if (get_min_scale (self) < 1.0)
    return;

  for (guint r = 0; r < self->n_roles; r++)
    {
      Text *text = self->roles[r].rotated;

      if (text->width <= max_length)
        continue;
      pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (text->layout, -ROLE_HEADER_LINES);
      _racimo_text_ellipsize (text, max_length);
    }
}

/* Where an activity's description starts, from the top of its row */
static double
description_top (const Row *row)
{
  return VPAD + row->name->height + 1.0;
}

/* An activity's height: its name over its description, or its tallest
 * cell. */
static void
measure_activity (RacimoPagination *self,
                  Row              *row)
{
  double height = row->name->height;

  if (row->description != NULL)
    height = description_top (row) - VPAD + row->description->height;
  row->height = MAX (height, self->code_height) + 2 * VPAD;
}

/* Heights of the header row and of every row, now that widths are known. */
static void
measure_rows (RacimoPagination *self,
              double            table_height)
{
  double name_width = self->activity_width - self->gutter - 2 * PAD;
  double phase_width;
  GHashTableIter iter;
  gpointer value;
  guint last_page_roles;

  g_hash_table_iter_init (&iter, self->name_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Text *) value)->width > name_width)
      {
        _racimo_text_make_layout (self, value);
        _racimo_text_wrap (value, name_width);
      }

  g_hash_table_iter_init (&iter, self->code_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    self->code_height = MAX (self->code_height, ((Text *) value)->height);

  /* A phase header spans the page's table: the narrowest is the last
   * page across, which may hold fewer roles. */
  last_page_roles = self->n_roles - (self->n_across - 1) * self->roles_per_page;
  phase_width = self->activity_width + last_page_roles * self->column_width - 2 * PAD;
  for (guint p = 0; p < self->phases->len; p++)
    {
      PhaseInfo *info = &g_array_index (self->phases, PhaseInfo, p);

      if (info->header->width > phase_width)
        _racimo_text_wrap (info->header, phase_width);
      if (info->continued->width > phase_width)
        _racimo_text_wrap (info->continued, phase_width);
    }

  self->header_height = self->activity_header->height;
  for (guint r = 0; r < self->n_roles; r++)
    {
      RoleInfo *info = &self->roles[r];

      if (self->rotated)
        {
          double max_length = MAX (HEADER_SHARE * table_height, 4 * BASE_SIZE);

          if (info->rotated->width > max_length)
            _racimo_text_ellipsize (info->rotated, max_length);
          self->header_height = MAX (self->header_height, info->rotated->width);
        }
      else
        {
          _racimo_text_wrap (info->horizontal, self->column_width - 2 * PAD);
          self->header_height = MAX (self->header_height, info->horizontal->height);
        }
    }
  self->header_height += 2 * VPAD;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (row->is_phase)
        row->height = row->name->height + 2 * VPAD;
      else
        {
          if (row->description != NULL)
            _racimo_text_wrap (row->description, name_width);
          measure_activity (self, row);
        }
    }
}

double
_racimo_pagination_continued_height (RacimoPagination *self,
                                     guint             phase)
{
  return g_array_index (self->phases, PhaseInfo, phase).continued->height + 2 * VPAD;
}

static const char *
text_get_string (const Text *text)
{
  return text->layout != NULL ? pango_layout_get_text (text->layout) : text->string;
}

/* Cuts activity @i, too tall for a page, after the last line of its
 * description that ends within @room: its name, codes, notes and those
 * lines stay; a row "Name (continued)" with the rest of the description
 * goes after it, with the same codes.  Returns FALSE when not one line of
 * the description fits in @room. */
static gboolean
split_row (RacimoPagination *self,
           guint             i,
           double            room)
{
  Row *row = &g_array_index (self->rows, Row, i);
  Row rest;
  PangoLayout *layout;
  PangoLayoutIter *iter;
  const char *string;
  g_autofree char *first = NULL;
  double name_width = self->activity_width - self->gutter - 2 * PAD;
  int n_fit = 0;
  gsize split, end;

  if (row->is_phase || row->description == NULL)
    return FALSE;

  layout = row->description->layout;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (description_top (row) + (double) (logical.y + logical.height) / PANGO_SCALE + VPAD
          > room)
        break;
      n_fit++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (n_fit == 0 || n_fit >= pango_layout_get_line_count (layout))
    return FALSE;

  string = pango_layout_get_text (layout);
  split = (gsize) pango_layout_get_line_readonly (layout, n_fit)->start_index;
  /* A paragraph that ends at the cut ends the part: no empty line under it */
  end = split;
  if (end > 0 && string[end - 1] == '\n')
    end--;
  if (end > 0 && string[end - 1] == '\r')
    end--;

  rest = *row;
  rest.continued = TRUE;
  rest.number = NULL;
  rest.n_notes = 0;
  rest.description = add_description_text (self, string + split);
  _racimo_text_wrap (rest.description, name_width);
  if (!row->continued)
    {
      /* Translators: an activity's name at the top of a page, when its
       * description began on an earlier one */
      g_autofree char *name = g_strdup_printf (_("%s (continued)"), text_get_string (row->name));

      rest.name = _racimo_pagination_get_name_text (self, name, row->applicable);
      if (rest.name->width > name_width)
        {
          _racimo_text_make_layout (self, rest.name);
          _racimo_text_wrap (rest.name, name_width);
        }
    }
  measure_activity (self, &rest);

  first = g_strndup (string, end);
  row->description = add_description_text (self, first);
  _racimo_text_wrap (row->description, name_width);
  measure_activity (self, row);

  g_array_insert_val (self->rows, i + 1, rest);
  _racimo_pagination_compare_insert_row (self, i + 1);
  return TRUE;
}

/* The height of a page's rows for row @row at its top, with its phase's
 * header repeated. */
static double
get_page_room (RacimoPagination *self,
               const Row        *row,
               double            height)
{
  if (self->show_phases && !row->is_phase)
    height -= _racimo_pagination_continued_height (self, row->phase);

  return height;
}

/* Rows into pages.  A phase header never ends a page (it goes with its
 * first activity), and a page that starts inside a phase repeats the
 * phase's header, marked "continued".  An activity taller than a page is
 * cut into parts that each take the rest of a page (split_row ()). */
static void
paginate_rows (RacimoPagination *self,
               double            height)
{
  guint n = self->rows->len;
  guint i = 0;

  do
    {
      Band band = { i, i, -1 };
      double y = 0.0;
      double notes = 0.0; /* the footnotes under the rows, in points */

      if (i < n && self->show_phases && !g_array_index (self->rows, Row, i).is_phase)
        {
          band.continued = (int) g_array_index (self->rows, Row, i).phase;
          y += _racimo_pagination_continued_height (self, band.continued);
        }

      for (; i < n; i++)
        {
          const Row *row = &g_array_index (self->rows, Row, i);
          double needed;
          double row_notes = _racimo_pagination_notes_height (self, row);

          /* Too tall for any page: what fits here stays, the rest goes on */
          if (!row->is_phase && row->height > get_page_room (self, row, height))
            {
              double room = height - y;

              if (notes + row_notes > 0)
                room -= (notes + row_notes + GAP) / self->scale;
              if (split_row (self, i, room))
                row = &g_array_index (self->rows, Row, i);
              n = self->rows->len;
            }
          needed = row->height;

          if (row->is_phase && i + 1 < n && !g_array_index (self->rows, Row, i + 1).is_phase)
            {
              needed += g_array_index (self->rows, Row, i + 1).height;
              row_notes += _racimo_pagination_notes_height (self,
                                                            &g_array_index (self->rows, Row, i + 1));
            }
          /* The notes of a cell go on the page of its row, under the table. */
          if (notes + row_notes > 0)
            needed += (notes + row_notes + GAP) / self->scale;
          /* A row taller than a page that cannot be cut (a phase's
           * header, a name) still gets one, clipped; it stays with its
           * phase's header if that starts the page. */
          if (i > band.first && y + needed > height
              && !g_array_index (self->rows, Row, i - 1).is_phase)
            break;
          y += row->height;
          notes += _racimo_pagination_notes_height (self, row);
        }
      band.end = i;
      g_array_append_val (self->bands, band);
    }
  while (i < n);
}

static void
add_summary_item (RacimoPagination *self,
                  ItemKind          kind,
                  Text             *text,
                  double            space_before)
{
  SummaryItem item = { kind, text, NULL, space_before, 0.0 };

  if (text != NULL)
    item.height = text->height;
  g_array_append_val (self->summary, item);
}

static Text *
add_number (RacimoPagination *self,
            guint             number)
{
  g_autofree char *string = g_strdup_printf ("%u", number);

  return _racimo_pagination_add_text (self, FONT_BODY, string, NULL);
}

/* The findings, as the checks panel lists them, and per role the number
 * of applicable activities where it holds each code. */
static void
build_summary (RacimoPagination *self,
               RacimoProject    *project,
               RacimoChecks     *checks)
{
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);
  double role_width;
  g_autofree char *counts = NULL;
  Text *last;
  guint n_roles = racimo_project_get_n_roles (project);
  g_autofree guint *workload = g_new0 (guint, (gsize) n_roles * (self->scheme->n_codes + 1));
  SummaryItem header = { ITEM_WORKLOAD_HEADER, NULL, NULL, 6.0, 0.0 };

  add_summary_item (self, ITEM_HEADING, _racimo_pagination_add_text (self, FONT_TITLE, _("Summary"), NULL), 0.0);

  counts = g_strdup_printf (_("Errors: %u · Warnings: %u · Waived: %u"),
                            racimo_checks_get_n_errors (checks),
                            racimo_checks_get_n_warnings (checks),
                            racimo_checks_get_n_waived (checks));
  add_summary_item (self, ITEM_PARAGRAPH, _racimo_pagination_add_text (self, FONT_BODY, counts, NULL), 4.0);

  add_summary_item (self, ITEM_HEADING, _racimo_pagination_add_text (self, FONT_HEADING, _("Findings"), NULL), 10.0);
  if (findings->len == 0)
    add_summary_item (self, ITEM_PARAGRAPH,
                      _racimo_pagination_add_text (self, FONT_BODY, _("No problems found."), NULL), 2.0);
  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);
      gboolean error = racimo_check_get_severity (finding->check) == RACIMO_SEVERITY_ERROR;
      const char *severity = error ? _("Error:") : _("Warning:");
      g_autoptr(GString) string = g_string_new (severity);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      Text *text;

      _racimo_pagination_attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, string->len);
      if (error && finding->waiver_reason == NULL)
        _racimo_pagination_attrs_add (attrs,
                                      _racimo_pagination_color_attr_new (
                                        _racimo_pagination_ink (self, MARK_COLOR)),
                                      0, string->len);
      g_string_append_c (string, ' ');
      g_string_append (string, finding->message);
      if (finding->waiver_reason != NULL)
        {
          gsize start = string->len;

          g_string_append (string, "  ");
          /* Translators: after a finding on the summary page; %s is the
           * reason given for accepting it */
          g_string_append_printf (string, _("Waived: %s"), finding->waiver_reason);
          _racimo_pagination_attrs_add (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, string->len);
          _racimo_pagination_attrs_add (attrs, pango_attr_foreground_new (0x5000, 0x5000, 0x5000),
                     start, string->len);
        }
      text = _racimo_pagination_add_text (self, FONT_BODY, string->str, attrs);
      _racimo_text_wrap (text, self->content_width);
      add_summary_item (self, ITEM_PARAGRAPH, text, 2.0);
    }

  /* Workload over the whole project, as the editor's workload row. */
  for (guint r = 0; r < n_roles; r++)
    {
      guint *counts_row = &workload[r * (self->scheme->n_codes + 1)];
      RacimoWorkload role_workload;

      racimo_workload_count_role (project, racimo_project_get_role (project, r), &role_workload);
      for (guint c = 0; c < self->scheme->n_codes; c++)
        counts_row[c] = racimo_workload_get_count (&role_workload, self->scheme->codes[c].letter);
      counts_row[self->scheme->n_codes] = role_workload.n_activities;
    }

  add_summary_item (self, ITEM_HEADING,
                    _racimo_pagination_add_text (self, FONT_HEADING, _("Workload per role"), NULL), 12.0);
  header.text = _racimo_pagination_add_text (self, FONT_BOLD, _("Role"), NULL);
  header.numbers = g_ptr_array_new ();
  for (guint c = 0; c < self->scheme->n_codes; c++)
    {
      RacimoCodes code = RACIMO_CODE_BIT (self->scheme->codes[c].letter);

      g_ptr_array_add (header.numbers, _racimo_pagination_get_code_text (self, code, TRUE));
    }
  /* Translators: the last column of the workload table: in how many
   * activities the role holds any code */
  last = _racimo_pagination_add_text (self, FONT_BOLD, _("Activities"), NULL);
  g_ptr_array_add (header.numbers, last);
  header.height = header.text->height + 2.0;
  g_array_append_val (self->summary, header);

  self->workload_last_width = MAX (NUMBER_WIDTH, last->width + 2 * PAD);
  role_width = header.text->width;

  for (guint r = 0; r < n_roles; r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);
      const char *abbrev = racimo_role_get_abbrev (role);
      const char *person = racimo_role_get_person (role);
      g_autoptr(GString) string = g_string_new (NULL);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      SummaryItem item = { ITEM_WORKLOAD, NULL, NULL, 0.0, 0.0 };

      if (abbrev != NULL)
        {
          g_string_append (string, abbrev);
          _racimo_pagination_attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, string->len);
          g_string_append (string, "  ");
        }
      g_string_append (string, racimo_item_get_name (RACIMO_ITEM (role)));
      if (person != NULL)
        g_string_append_printf (string, " · %s", person);

      item.text = _racimo_pagination_add_text (self, FONT_BODY, string->str, attrs);
      role_width = MAX (role_width, item.text->width);
      item.numbers = g_ptr_array_new ();
      for (guint c = 0; c <= self->scheme->n_codes; c++)
        g_ptr_array_add (item.numbers,
                         add_number (self, workload[r * (self->scheme->n_codes + 1) + c]));
      g_array_append_val (self->summary, item);
    }

  /* As wide as the longest role, with the counts right after it. */
  self->workload_width = MIN (role_width + 3 * GAP,
                              self->content_width - self->scheme->n_codes * NUMBER_WIDTH
                              - self->workload_last_width);
  for (guint i = 0; i < self->summary->len; i++)
    {
      SummaryItem *item = &g_array_index (self->summary, SummaryItem, i);

      if (item->kind != ITEM_WORKLOAD)
        continue;
      if (item->text->width > self->workload_width - GAP)
        _racimo_text_wrap (item->text, self->workload_width - GAP);
      item->height = item->text->height + 2.0;
    }
}

static void
paginate_summary (RacimoPagination *self,
                  double            height)
{
  guint n = self->summary->len;
  guint header = 0;
  guint i = 0;

  while (i < n)
    {
      Band band = { i, i, -1 };
      double y = 0.0;

      /* A workload table that goes on repeats its header row. */
      if (g_array_index (self->summary, SummaryItem, i).kind == ITEM_WORKLOAD)
        {
          band.continued = (int) header;
          y += g_array_index (self->summary, SummaryItem, header).height;
        }

      for (; i < n; i++)
        {
          const SummaryItem *item = &g_array_index (self->summary, SummaryItem, i);
          double needed = item->height + (i > band.first ? item->space_before : 0.0);

          if (item->kind == ITEM_WORKLOAD_HEADER)
            header = i;

          /* Headings go with what follows them. */
          if (item->kind == ITEM_HEADING && i + 1 < n)
            needed += g_array_index (self->summary, SummaryItem, i + 1).height;
          if (i > band.first && y + needed > height)
            break;
          y += item->height + (i > band.first ? item->space_before : 0.0);
        }
      band.end = i;
      g_array_append_val (self->summary_bands, band);
    }
}

/* The widest the page number block gets, so that the legend leaves room. */
static void
measure_number_block (RacimoPagination *self,
                      double           *width,
                      double           *height)
{
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), 888u, 888u);
  g_autofree char *roles = g_strdup_printf (_("Roles %u–%u of %u"), 888u, 888u, 888u);
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoRectangle page_rect, roles_rect;

  pango_layout_set_font_description (layout, self->fonts[FONT_SMALL]);
  pango_layout_set_text (layout, page, -1);
  pango_layout_get_extents (layout, NULL, &page_rect);
  pango_layout_set_text (layout, roles, -1);
  pango_layout_get_extents (layout, NULL, &roles_rect);

  *width = (double) MAX (page_rect.width, roles_rect.width) / PANGO_SCALE;
  *height = (double) page_rect.height / PANGO_SCALE;
}

/* A line of @string in small type, cut to the page's width; NULL for no
 * string. */
static Text *
add_margin_line (RacimoPagination *self,
                 const char       *string)
{
  Text *text;

  if (string == NULL || *string == '\0')
    return NULL;

  text = _racimo_pagination_add_text (self, FONT_SMALL, string, NULL);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  _racimo_text_ellipsize (text, self->content_width);

  return text;
}

/* The page's box inside the margins; the header and the footer take a
 * line of it, above the title and below the legend, and everything else
 * is laid out in what is left. */
static void
layout_page (RacimoPagination *self)
{
  racimo_pagination_options_get_page_size (self->options, &self->page_width, &self->page_height);
  self->content_x = self->options->margin_left;
  self->content_y = self->options->margin_top;
  self->content_width = MAX (self->page_width - self->options->margin_left
                             - self->options->margin_right, 72.0);
  self->content_height = MAX (self->page_height - self->options->margin_top
                              - self->options->margin_bottom, 72.0);

  self->header = add_margin_line (self, self->options->header);
  if (self->header != NULL)
    {
      self->content_y += self->header->height + GAP / 2;
      self->content_height -= self->header->height + GAP / 2;
    }
  self->footer = add_margin_line (self, self->options->footer);
  if (self->footer != NULL)
    self->content_height -= self->footer->height + GAP / 2;
  self->content_height = MAX (self->content_height, 72.0);
}

/* The page's title line: the project's title and the date. */
static void
build_title (RacimoPagination *self,
             RacimoProject    *project)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  const char *title;

  /* Translators: the date on every printed page, in g_date_time_format()'s
   * notation */
  date = _racimo_pagination_format_date (now, _("%-d %B %Y"), _racimo_pagination_get_language (),
                                         setlocale (LC_TIME, NULL));
  self->date = _racimo_pagination_add_text (self, FONT_SMALL, date != NULL ? date : "", NULL);
  title = racimo_project_get_title (project);
  self->title = _racimo_pagination_add_text (self, FONT_TITLE, *title != '\0' ? title : _("Untitled project"), NULL);
  if (self->title->width > self->content_width - self->date->width - GAP)
    _racimo_text_ellipsize (self->title, MAX (self->content_width - self->date->width - GAP, 72.0));
  self->title_height = MAX (self->title->height, self->date->height);
  self->activity_header = _racimo_pagination_add_text (self, FONT_BOLD, _("Activity"), NULL);
  _racimo_pagination_compare_build_title (self, project);
}

static gboolean
role_is_printed (RacimoPagination *self,
                 RacimoRole       *role)
{
  return self->options->roles == NULL
         || g_strv_contains ((const char * const *) self->options->roles,
                             racimo_item_get_id (RACIMO_ITEM (role)));
}

/* The role columns, in the project's order: every role, or those the
 * options name. */
static void
build_roles (RacimoPagination *self,
             RacimoProject    *project)
{
  guint n_roles = racimo_project_get_n_roles (project);

  self->roles = g_new0 (RoleInfo, n_roles);
  self->role_index = g_hash_table_new (NULL, NULL);
  for (guint r = 0; r < n_roles; r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);

      if (!role_is_printed (self, role))
        continue;
      build_role (self, role, &self->roles[self->n_roles]);
      g_hash_table_insert (self->role_index, role, GUINT_TO_POINTER (self->n_roles));
      self->n_roles++;
    }
}

/* The rows of the phases and activities printed; returns the codes they
 * hold that the scheme does not define. */
static RacimoCodes
build_rows (RacimoPagination *self,
            RacimoProject    *project,
            RacimoChecks     *checks)
{
  guint n_phases = racimo_project_get_n_phases (project);
  RacimoCodes unknown_codes = 0;

  /* As in the editor: a project that does not group its activities has
   * one phase with no name, and no header for it. */
  self->show_phases = n_phases > 1;
  if (n_phases == 1)
    self->show_phases = *racimo_item_get_name (RACIMO_ITEM (racimo_project_get_phase (project, 0)))
                        != '\0';
  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);
      guint n_activities = racimo_phase_get_n_activities (phase);
      guint n_printed = 0;

      if (!phase_is_printed (self, phase))
        continue;
      /* With only problems, a phase without any is left out, header and
       * all. */
      for (guint a = 0; a < n_activities && n_printed == 0; a++)
        n_printed += activity_is_printed (self, checks, racimo_phase_get_activity (phase, a));
      if (self->options->only_problems && n_printed == 0)
        continue;

      build_phase (self, phase);
      if (self->show_phases || phase_is_collapsed (self, phase))
        {
          Row row = { 0, };

          row.is_phase = TRUE;
          row.phase = self->phases->len - 1;
          row.name = g_array_index (self->phases, PhaseInfo, row.phase).header;
          row.applicable = TRUE;
          g_array_append_val (self->rows, row);
        }
      if (phase_is_collapsed (self, phase))
        continue;
      for (guint a = 0; a < n_activities; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          if (!activity_is_printed (self, checks, activity))
            continue;
          unknown_codes |= build_activity (self, checks, activity);
        }
    }

  return unknown_codes & ~racimo_scheme_get_mask (self->scheme);
}

/* The widest code, activity name and description, at full size. */
static void
measure_widths (RacimoPagination *self,
                double           *code_width,
                double           *name_width,
                double           *description_width)
{
  GHashTableIter iter;
  gpointer key, value;

  *code_width = *name_width = *description_width = 0.0;
  g_hash_table_iter_init (&iter, self->code_cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    *code_width = MAX (*code_width, ((Text *) value)->width);
  g_hash_table_iter_init (&iter, self->name_cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    *name_width = MAX (*name_width, ((Text *) value)->width);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->description != NULL)
        *description_width = MAX (*description_width, row->description->width);
    }

  if (self->any_mark)
    {
      for (Mark mark = MARK_NO_OWNER; mark <= MARK_MANY_OWNERS; mark++)
        self->gutter = MAX (self->gutter, MAX (_racimo_pagination_get_mark_text (self, mark, FALSE)->width,
                                               _racimo_pagination_get_mark_text (self, mark, TRUE)->width));
      self->gutter += PAD;
    }
  self->gutter += _racimo_pagination_compare_reserve (self);
  /* Row numbers, right-aligned before the names: the widest is the last */
  if (self->n_numbered > 0)
    {
      const Row *last = NULL;

      for (guint i = self->rows->len; last == NULL && i > 0; i--)
        if (g_array_index (self->rows, Row, i - 1).number != NULL)
          last = &g_array_index (self->rows, Row, i - 1);
      self->gutter += last->number->width + PAD;
    }
}

/* @max_scale: 1, or less to fit one page; @max_growth: the most the
 * matrix may grow on larger paper */
static RacimoPagination *
paginate (RacimoProject                 *project,
          const RacimoPaginationOptions *options,
          double                         max_scale,
          double                         max_growth)
{
  g_autoptr(RacimoPagination) self = NULL;
  g_autoptr(RacimoChecks) checks = NULL;
  RacimoCodes unknown_codes;
  double code_width, name_width, description_width;
  double number_width, rows_height;

  self = g_object_new (RACIMO_TYPE_PAGINATION, NULL);
  self->options = options != NULL ? racimo_pagination_options_copy (options)
                                  : racimo_pagination_options_new ();
  self->max_scale = max_scale;
  self->max_growth = max_growth;
  layout_page (self);
  self->hatch = create_hatch ();

  self->scheme = racimo_project_get_scheme (project);
  checks = racimo_checks_new (project);

  build_title (self, project);
  /* The snapshot. */
  build_roles (self, project);
  unknown_codes = build_rows (self, project, checks);
  measure_widths (self, &code_width, &name_width, &description_width);

  /* The footer: the legend beside the page number. */
  measure_number_block (self, &number_width, &self->number_height);
  self->number_height = 2 * self->number_height;
  build_legend (self, unknown_codes, self->content_width - number_width - GAP);
  self->footer_height = MAX (self->legend_height, self->number_height);

  self->table_y = self->content_y + self->title_height + GAP;
  self->table_height = MAX (self->content_height - self->title_height - self->footer_height
                            - 2 * GAP, 36.0);

  wrap_role_headers (self, self->table_height);
  compute_columns (self, code_width, name_width, description_width);
  measure_rows (self, self->table_height / self->scale);
  rows_height = MAX (self->table_height / self->scale - self->header_height, BASE_SIZE);
  paginate_rows (self, rows_height);
  self->n_pages = self->bands->len * self->n_across;
  self->fitted = (get_pages_wide (self) == 0 || self->n_across <= get_pages_wide (self))
                 && (!self->options->one_page || self->bands->len == 1);
  self->column_headers = g_new0 (cairo_surface_t *, self->n_across);

  if (self->options->summary)
    {
      build_summary (self, project, checks);
      paginate_summary (self, MAX (self->content_height - self->title_height - GAP
                                   - self->number_height - GAP, 36.0));
      self->n_pages += self->summary_bands->len;
    }

  return g_steal_pointer (&self);
}

/* The height the rows of @self would take on one page, in table units,
 * with the header row and the legend's page furniture left out. */
static double
get_rows_height (RacimoPagination *self)
{
  double height = self->header_height;

  for (guint i = 0; i < self->rows->len; i++)
    height += g_array_index (self->rows, Row, i).height;

  return height;
}

/**
 * racimo_pagination_new:
 * @project: the project to print
 * @options: (nullable): how, or %NULL for racimo_pagination_options_new()'s
 *
 * Lays the project out in pages.  The pagination is a snapshot: later changes
 * of @project do not show in it.
 *
 * Returns: (transfer full): the pagination
 */
RacimoPagination *
racimo_pagination_new (RacimoProject                 *project,
                       const RacimoPaginationOptions *options)
{
  RacimoPagination *self;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  self = paginate (project, options, 1.0, MAX_GROWTH);

  /* One page down too: smaller until the rows fit, no smaller than the
   * legible minimum.  Text wraps less at a smaller size, so the scale the
   * rows ask for is enough or a little more than enough; a few rounds
   * settle it. */
  for (guint round = 0; round < 4 && self->options->one_page && !self->fitted
                        && self->scale > MIN_SIZE / BASE_SIZE + 0.001; round++)
    {
      double wanted = MAX (MIN (self->table_height / get_rows_height (self), 0.98 * self->scale),
                           MIN_SIZE / BASE_SIZE);

      g_object_unref (self);
      self = paginate (project, options, MIN (wanted, 1.0), wanted);
    }

  return self;
}

/**
 * racimo_pagination_get_fitted:
 *
 * Whether the pages asked for were reached: the role columns on the pages
 * across of #RacimoPaginationOptions.pages_wide, the whole matrix on one
 * page with #RacimoPaginationOptions.one_page.  When the matrix cannot at a
 * legible size, it goes on as many pages as it needs, and this says so.
 *
 * Returns: %FALSE when more pages were needed than asked for
 */
gboolean
racimo_pagination_get_fitted (RacimoPagination *self)
{
  g_return_val_if_fail (RACIMO_IS_PAGINATION (self), FALSE);

  return self->fitted;
}

/**
 * racimo_pagination_dup_fit_notice:
 *
 * What to tell the user when the pages asked for were not reached (see
 * racimo_pagination_get_fitted ()): not an error, the matrix is printed
 * whole on more pages.
 *
 * Returns: (transfer full) (nullable): a sentence, or %NULL when the
 *   matrix fits as asked
 */
char *
racimo_pagination_dup_fit_notice (RacimoPagination *self)
{
  guint pages_wide;

  g_return_val_if_fail (RACIMO_IS_PAGINATION (self), NULL);

  if (self->fitted)
    return NULL;

  if (self->options->one_page)
    return g_strdup_printf (ngettext ("The matrix does not fit on one page at a legible size; "
                                      "it is printed on %u page",
                                      "The matrix does not fit on one page at a legible size; "
                                      "it is printed on %u pages", self->n_pages),
                            self->n_pages);

  pages_wide = self->options->pages_wide;
  return g_strdup_printf (ngettext ("The roles do not fit on %u page across at a legible size; "
                                    "they take %u",
                                    "The roles do not fit on %u pages across at a legible size; "
                                    "they take %u", pages_wide),
                          pages_wide, self->n_across);
}

/**
 * racimo_pagination_get_n_pages:
 *
 * Returns: the number of pages, the summary's included
 */
guint
racimo_pagination_get_n_pages (RacimoPagination *self)
{
  g_return_val_if_fail (RACIMO_IS_PAGINATION (self), 0);

  return self->n_pages;
}

/**
 * racimo_pagination_get_n_across:
 *
 * Returns: over how many pages across the role columns are split; 1 when
 *   every page holds all of them
 */
guint
racimo_pagination_get_n_across (RacimoPagination *self)
{
  g_return_val_if_fail (RACIMO_IS_PAGINATION (self), 1);

  return self->n_across;
}

/**
 * racimo_pagination_get_scale:
 *
 * Returns: the size the matrix is printed at, 1.0 for full size; below 1
 *   when fitted to the page width, above 1 when grown to fill the width of
 *   a paper larger than A4
 */
double
racimo_pagination_get_scale (RacimoPagination *self)
{
  g_return_val_if_fail (RACIMO_IS_PAGINATION (self), 1.0);

  return self->scale;
}

/**
 * racimo_pagination_get_page_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
racimo_pagination_get_page_size (RacimoPagination *self,
                                 double           *width,
                                 double           *height)
{
  g_return_if_fail (RACIMO_IS_PAGINATION (self));
  g_return_if_fail (width != NULL && height != NULL);

  *width = self->page_width;
  *height = self->page_height;
}
