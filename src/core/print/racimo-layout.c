/* racimo-layout.c: the matrix on paper, paginated and drawn with cairo
 *
 * A layout takes a snapshot of the project when it is made: names, codes
 * and findings are shaped once, and drawing a page only places them.  What
 * the export of 2,000 activities x 40 roles spends its time on, and how it
 * is kept near a tenth of a second:
 * - shaping names: each distinct word is shaped once (add_words_text());
 * - every drawing call costs when cairo writes the page: the letters of
 *   all cells of a page go in one call per letter (queue_codes()), and
 *   what each page repeats (title, legend, column headers and lines) is
 *   recorded once and painted, which a PDF holds once (paint_recording()).
 *
 * The matrix is laid out at its base font size in "table units" and drawn
 * through cairo_scale(): fitting to the page width changes only that
 * scale, never the shaping, so the print dialog and the PDF give the same
 * pages.  The page's title, legend and footer are drawn at their own size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "racimo-checks.h"
#include "racimo-core-private.h"
#include "racimo-layout.h"

#define MM (72.0 / 25.4)

/* Latin from Noto Sans or DejaVu Sans, whichever is installed; Japanese
 * from Noto Sans CJK JP before any other CJK font, so that kanji take
 * their Japanese forms; then whatever fontconfig has for the rest. */
#define FONT_FAMILY "Noto Sans, DejaVu Sans, Noto Sans CJK JP, sans-serif"

#define BASE_SIZE     9.0   /* matrix text at scale 1 */
#define MIN_SIZE      6.0   /* the smallest "fit to page width" goes before tiling */
#define SMALL_SIZE    7.5   /* descriptions, role names, the legend, the footer */
#define HEADING_SIZE 10.5
#define TITLE_SIZE   13.0

#define PAD            3.0  /* inside a cell, left and right */
#define VPAD           2.5  /* inside a cell, above and below */
#define GAP            8.0  /* between the page's title, the table and the footer */
#define CHIP_GAP      12.0  /* between two entries of the legend */
#define SWATCH_WIDTH  16.0
#define ACTIVITY_MIN 160.0  /* the narrowest activity column, before scaling */
#define ACTIVITY_WANT 260.0 /* what holds most names on one line */
#define ACTIVITY_SHARE 0.45 /* the widest it grows, as a share of the table */
#define COLUMN_MIN    16.0
#define COLUMN_MAX    90.0
#define HEADER_SHARE   0.4  /* the tallest rotated role headers grow, of the table */
#define NUMBER_WIDTH  44.0  /* a count in the workload table */
#define GRID_LINE      0.4

/* A code set drawn in a row that does not apply: same letters, in grey. */
#define NOT_APPLICABLE_BIT (1u << 31)

#define MARK_COLOR   "#a51d2d"
#define NO_OWNER_SYMBOL "\342\232\240"     /* U+26A0 WARNING SIGN */
#define MANY_OWNERS_SYMBOL "\342\200\274"  /* U+203C DOUBLE EXCLAMATION MARK */

/* Options */

static gboolean
locale_prefers_letter (void)
{
#ifdef __GLIBC__
  /* What GTK's default paper size reads: LC_PAPER's width in mm. */
  union { unsigned int word; char *string; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  return width.word == 216;
#else
  static const char * const letter_territories[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "CR", "GT", "PA", "SV", "DO", "NI",
  };
  const char *locale = g_getenv ("LC_ALL");

  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LC_PAPER");
  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LANG");
  if (locale == NULL || (locale = strchr (locale, '_')) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (letter_territories); i++)
    if (strncmp (locale + 1, letter_territories[i], 2) == 0)
      return TRUE;

  return FALSE;
#endif
}

typedef struct
{
  const char *name;
  double      width;
  double      height;
} Paper;

static const Paper papers[] = {
  { "a4",     210.0 * MM, 297.0 * MM },
  { "a3",     297.0 * MM, 420.0 * MM },
  { "letter", 612.0,      792.0 },
  { "legal",  612.0,      1008.0 },
};

G_DEFINE_BOXED_TYPE (RacimoLayoutOptions, racimo_layout_options,
                     racimo_layout_options_copy, racimo_layout_options_free)

/**
 * racimo_layout_options_new:
 *
 * The defaults: A4, or Letter where the locale's paper is Letter;
 * landscape; 10 mm margins; fit to page width; every phase; no
 * descriptions and no summary.
 *
 * Returns: (transfer full): new options
 */
RacimoLayoutOptions *
racimo_layout_options_new (void)
{
  RacimoLayoutOptions *self = g_new0 (RacimoLayoutOptions, 1);
  const Paper *paper = &papers[locale_prefers_letter () ? 2 : 0];

  self->paper_width = paper->width;
  self->paper_height = paper->height;
  self->orientation = RACIMO_LAYOUT_LANDSCAPE;
  self->margin_top = self->margin_bottom = 10.0 * MM;
  self->margin_left = self->margin_right = 10.0 * MM;
  self->fit = RACIMO_LAYOUT_FIT_WIDTH;

  return self;
}

RacimoLayoutOptions *
racimo_layout_options_copy (const RacimoLayoutOptions *self)
{
  RacimoLayoutOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->phases = g_strdupv (self->phases);

  return copy;
}

void
racimo_layout_options_free (RacimoLayoutOptions *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->phases);
  g_free (self);
}

/**
 * racimo_layout_options_parse_paper:
 * @name: "a4", "a3", "letter" or "legal", in any case
 *
 * Sets the paper size from its name, as given on the command line.
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE saying which
 *   names are known
 */
gboolean
racimo_layout_options_parse_paper (RacimoLayoutOptions  *self,
                                   const char           *name,
                                   GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        self->paper_width = papers[i].width;
        self->paper_height = papers[i].height;
        return TRUE;
      }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown paper size “%s”: use a4, a3, letter or legal"), name);
  return FALSE;
}

/**
 * racimo_layout_options_parse_orientation:
 * @name: "landscape" or "portrait", in any case
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE
 */
gboolean
racimo_layout_options_parse_orientation (RacimoLayoutOptions  *self,
                                         const char           *name,
                                         GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_ascii_strcasecmp (name, "landscape") == 0)
    self->orientation = RACIMO_LAYOUT_LANDSCAPE;
  else if (g_ascii_strcasecmp (name, "portrait") == 0)
    self->orientation = RACIMO_LAYOUT_PORTRAIT;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown orientation “%s”: use landscape or portrait"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * racimo_layout_options_parse_fit:
 * @name: "fit" (to page width) or "tile" (across pages), in any case
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE
 */
gboolean
racimo_layout_options_parse_fit (RacimoLayoutOptions  *self,
                                 const char           *name,
                                 GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_ascii_strcasecmp (name, "fit") == 0)
    self->fit = RACIMO_LAYOUT_FIT_WIDTH;
  else if (g_ascii_strcasecmp (name, "tile") == 0)
    self->fit = RACIMO_LAYOUT_TILE;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown page fitting “%s”: use fit or tile"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * racimo_layout_options_get_page_size:
 * @width: (out): the page's width as it is read, in points
 * @height: (out): its height
 */
void
racimo_layout_options_get_page_size (const RacimoLayoutOptions *self,
                                     double                    *width,
                                     double                    *height)
{
  double short_side, long_side;

  g_return_if_fail (self != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  short_side = MIN (self->paper_width, self->paper_height);
  long_side = MAX (self->paper_width, self->paper_height);

  if (self->orientation == RACIMO_LAYOUT_LANDSCAPE)
    {
      *width = long_side;
      *height = short_side;
    }
  else
    {
      *width = short_side;
      *height = long_side;
    }
}

/* Shaped text */

typedef struct
{
  PangoLayout    *layout;   /* NULL for a line shaped a word at a time: */
  PangoGlyphItem *line;     /* that line, in one font */
  char           *string;   /* and its text */
  double          width;    /* logical extents, in the units it is drawn in */
  double          height;
  double          baseline; /* of the first line, from the top */
} Text;

static void
text_free (gpointer data)
{
  Text *text = data;

  g_clear_object (&text->layout);
  g_clear_pointer (&text->line, pango_glyph_item_free);
  g_free (text->string);
  g_free (text);
}

static void
text_measure (Text *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->width = (double) logical.width / PANGO_SCALE;
  text->height = (double) logical.height / PANGO_SCALE;
  text->baseline = (double) pango_layout_get_baseline (text->layout) / PANGO_SCALE;
}

/* Breaks lines at @width; a word longer than that breaks between letters. */
static void
text_wrap (Text   *text,
           double  width)
{
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  text_measure (text);
}

static void
text_ellipsize (Text   *text,
                double  width)
{
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
  text_measure (text);
}

/* The width of its longest word: the narrowest it wraps to. */
static double
text_get_min_width (Text *text)
{
  g_autoptr(PangoLayout) copy = pango_layout_copy (text->layout);
  PangoRectangle logical;

  pango_layout_set_width (copy, 1);
  pango_layout_set_wrap (copy, PANGO_WRAP_WORD);
  pango_layout_get_extents (copy, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

static void
text_show (cairo_t    *cr,
           const Text *text,
           double      x,
           double      y)
{
  if (text->layout != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, text->layout);
    }
  else
    {
      cairo_move_to (cr, x, y + text->baseline);
      pango_cairo_show_glyph_item (cr, text->string, text->line);
    }
}

static void
attrs_add (PangoAttrList  *attrs,
           PangoAttribute *attr,
           gsize           start,
           gsize           end)
{
  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

static PangoAttribute *
color_attr_new (const char *spec)
{
  PangoColor color = { 0, 0, 0 };

  pango_color_parse (&color, spec);

  return pango_attr_foreground_new (color.red, color.green, color.blue);
}

static void
set_source_color (cairo_t    *cr,
                  const char *spec)
{
  PangoColor color = { 0, 0, 0 };

  pango_color_parse (&color, spec);
  cairo_set_source_rgb (cr, color.red / 65535.0, color.green / 65535.0, color.blue / 65535.0);
}

/* The layout */

typedef enum
{
  FONT_BODY,    /* activity names, the summary */
  FONT_BOLD,    /* codes, phase names, role abbreviations */
  FONT_SMALL,   /* descriptions, role names, the legend, the footer */
  FONT_HEADING, /* the summary's sections */
  FONT_TITLE,   /* the project's title on every page */
  N_FONTS
} FontStyle;

typedef enum
{
  MARK_NONE,
  MARK_NO_OWNER,
  MARK_MANY_OWNERS,
} Mark;

typedef struct
{
  gboolean  is_phase;
  guint     phase;       /* into self->phases */
  Text     *name;        /* unowned, like every Text below: self->texts owns them */
  Text     *description; /* activities; nullable */
  Mark      mark;
  gboolean  waived;      /* the mark's finding was waived: no hatching */
  gboolean  applicable;
  guint     codes;       /* activities: index of the first role's codes in self->codes */
  double    height;      /* in table units */
} Row;

typedef struct
{
  Text   *header;     /* the name, and the description when asked for */
  Text   *continued;  /* "Name (continued)", at the top of the next page */
} PhaseInfo;

typedef struct
{
  Text   *horizontal; /* abbreviation over name over person, centred */
  Text   *rotated;    /* the same on one line */
  double  min_width;  /* of horizontal: its longest word */
} RoleInfo;

/* A run of rows on one page, or of summary items. */
typedef struct
{
  guint first;
  guint end;
  int   continued; /* -1, or what repeats on top: a phase's header, or
                    * the summary item that heads the workload table */
} Band;

typedef enum
{
  CHIP_PLAIN,
  CHIP_HATCHED,
  CHIP_STRUCK,
} ChipKind;

/* One entry of the legend. */
typedef struct
{
  ChipKind  kind;
  Text     *text;
  double    x;      /* from the legend's top left */
  double    y;
} Chip;

typedef enum
{
  ITEM_HEADING,
  ITEM_PARAGRAPH,
  ITEM_WORKLOAD_HEADER,
  ITEM_WORKLOAD,
} ItemKind;

/* A line of the summary pages. */
typedef struct
{
  ItemKind   kind;
  Text      *text;
  GPtrArray *numbers; /* workload: Text, one per code then the total; unowned */
  double     space_before;
  double     height;
} SummaryItem;

/* A code letter as a glyph.  The cells of a page are drawn with one
 * cairo_show_glyphs() per letter rather than one text per cell: a PDF
 * surface pays for every drawing call when it writes the page. */
typedef struct
{
  cairo_scaled_font_t *font;
  unsigned long        glyph;
  double               advance;
  PangoColor           color;
  GArray              *batch; /* cairo_glyph_t of the page being drawn */
} Letter;

static void
summary_item_clear (gpointer data)
{
  SummaryItem *item = data;

  g_clear_pointer (&item->numbers, g_ptr_array_unref);
}

struct _RacimoLayout
{
  GObject               parent_instance;

  RacimoLayoutOptions  *options;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  GPtrArray            *texts;      /* Text, owned */
  GHashTable           *name_cache; /* string -> Text */
  GHashTable           *word_cache; /* word -> PangoGlyphString */
  PangoAnalysis         word_analysis;
  guint8                word_coverage[0x250]; /* 0: unknown, 1: covered, 2: not */
  double                word_height;
  double                word_baseline;
  GHashTable           *code_cache; /* RacimoCodes (| NOT_APPLICABLE_BIT) -> Text */
  Letter                letters[2][26]; /* [not applicable][letter - 'A'] */
  cairo_pattern_t      *hatch;

  const RacimoScheme   *scheme;
  Text                 *title;
  Text                 *date;
  Text                 *activity_header;
  Text                 *marks[3];            /* by Mark, in the gutter */
  Text                 *waived_marks[3];

  guint                 n_roles;
  RoleInfo             *roles;
  GArray               *phases;    /* PhaseInfo */
  GArray               *rows;      /* Row */
  GArray               *codes;     /* RacimoCodes, n_roles per activity */
  gboolean              show_phases;
  gboolean              any_mark;

  GArray               *chips;     /* Chip */
  double                legend_height;

  GArray               *summary;   /* SummaryItem */
  GArray               *summary_bands;
  double                workload_width;      /* the role column */
  double                workload_last_width; /* the "Activities" column */

  /* On the page, in points */
  double                page_width;
  double                page_height;
  double                content_x;
  double                content_y;
  double                content_width;
  double                content_height;
  double                title_height;
  double                footer_height;  /* matrix pages: the legend and the page number */
  double                number_height;  /* the page number block alone */
  double                table_y;
  double                table_height;

  /* The matrix, in table units */
  double                scale;
  double                gutter;
  double                activity_width;
  double                column_width;
  double                header_height;
  gboolean              rotated;
  guint                 roles_per_page;
  guint                 n_across;
  GArray               *bands;     /* Band */
  guint                 n_pages;

  /* What every page repeats, recorded once: a PDF then holds it once */
  cairo_surface_t      *title_surface;
  cairo_surface_t      *legend_surface;
  cairo_surface_t     **column_headers;  /* per page across, in table units */
};

G_DEFINE_FINAL_TYPE (RacimoLayout, racimo_layout, G_TYPE_OBJECT)

static void
racimo_layout_finalize (GObject *object)
{
  RacimoLayout *self = RACIMO_LAYOUT (object);

  g_clear_pointer (&self->options, racimo_layout_options_free);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->name_cache, g_hash_table_unref);
  g_clear_pointer (&self->word_cache, g_hash_table_unref);
  g_clear_object (&self->word_analysis.font);
  g_clear_pointer (&self->code_cache, g_hash_table_unref);
  for (guint i = 0; i < 2; i++)
    for (guint c = 0; c < 26; c++)
      {
        g_clear_pointer (&self->letters[i][c].font, cairo_scaled_font_destroy);
        g_clear_pointer (&self->letters[i][c].batch, g_array_unref);
      }
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->hatch, cairo_pattern_destroy);
  g_clear_pointer (&self->roles, g_free);
  g_clear_pointer (&self->phases, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->codes, g_array_unref);
  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->summary, g_array_unref);
  g_clear_pointer (&self->summary_bands, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->title_surface, cairo_surface_destroy);
  g_clear_pointer (&self->legend_surface, cairo_surface_destroy);
  for (guint i = 0; self->column_headers != NULL && i < self->n_across; i++)
    g_clear_pointer (&self->column_headers[i], cairo_surface_destroy);
  g_clear_pointer (&self->column_headers, g_free);

  G_OBJECT_CLASS (racimo_layout_parent_class)->finalize (object);
}

static void
racimo_layout_class_init (RacimoLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = racimo_layout_finalize;
}

static void
racimo_layout_init (RacimoLayout *self)
{
  static const struct { double size; PangoWeight weight; } font_styles[N_FONTS] = {
    [FONT_BODY]    = { BASE_SIZE,    PANGO_WEIGHT_NORMAL },
    [FONT_BOLD]    = { BASE_SIZE,    PANGO_WEIGHT_BOLD },
    [FONT_SMALL]   = { SMALL_SIZE,   PANGO_WEIGHT_NORMAL },
    [FONT_HEADING] = { HEADING_SIZE, PANGO_WEIGHT_BOLD },
    [FONT_TITLE]   = { TITLE_SIZE,   PANGO_WEIGHT_BOLD },
  };
  cairo_font_options_t *font_options;

  /* Points as units, and no hinting: the same metrics on paper, in the
   * PDF and on a printer whatever its resolution. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  for (guint i = 0; i < N_FONTS; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (self->fonts[i],
                                       (int) (font_styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], font_styles[i].weight);
    }

  self->texts = g_ptr_array_new_with_free_func (text_free);
  self->name_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) pango_glyph_string_free);
  self->code_cache = g_hash_table_new (NULL, NULL);
  self->phases = g_array_new (FALSE, TRUE, sizeof (PhaseInfo));
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->codes = g_array_new (FALSE, FALSE, sizeof (RacimoCodes));
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  self->summary = g_array_new (FALSE, TRUE, sizeof (SummaryItem));
  g_array_set_clear_func (self->summary, summary_item_clear);
  self->summary_bands = g_array_new (FALSE, TRUE, sizeof (Band));
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
  self->scale = 1.0;
  self->n_across = 1;
}

static Text *
add_text (RacimoLayout  *self,
          FontStyle      style,
          const char    *string,
          PangoAttrList *attrs)
{
  Text *text = g_new0 (Text, 1);

  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[style]);
  pango_layout_set_text (text->layout, string, -1);
  if (attrs != NULL)
    pango_layout_set_attributes (text->layout, attrs);
  text_measure (text);
  g_ptr_array_add (self->texts, text);

  return text;
}

/* Names in Latin letters, shaped a word at a time: names repeat their
 * words ("Review the", "pipeline") far more than whole names repeat, and
 * shaping is most of the time it takes to lay out a large project.  Glyphs
 * do not interact across a space in Latin text, so the result is the same
 * as shaping the whole name; anything else (another script, a letter the
 * first font lacks) goes through a PangoLayout. */
static gboolean
can_shape_words (RacimoLayout *self,
                 const char   *string)
{
  if (!g_utf8_validate (string, -1, NULL))
    return FALSE;

  if (self->word_analysis.font == NULL)
    {
      PangoGlyphString *space = pango_glyph_string_new ();
      PangoRectangle logical;

      self->word_analysis.font = pango_context_load_font (self->context,
                                                          self->fonts[FONT_BODY]);
      if (self->word_analysis.font == NULL)
        return FALSE;
      self->word_analysis.level = 0;
      self->word_analysis.gravity = PANGO_GRAVITY_SOUTH;
      self->word_analysis.script = PANGO_SCRIPT_LATIN;
      self->word_analysis.language = pango_context_get_language (self->context);

      pango_shape_with_flags (" ", 1, " ", 1, &self->word_analysis, space, PANGO_SHAPE_NONE);
      pango_glyph_string_extents (space, self->word_analysis.font, NULL, &logical);
      self->word_baseline = (double) -logical.y / PANGO_SCALE;
      self->word_height = (double) logical.height / PANGO_SCALE;
      g_hash_table_insert (self->word_cache, g_strdup (" "), space);
    }

  for (const char *p = string; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Controls, combining marks and other scripts start at U+0250 */
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c >= 0x250)
        return FALSE;
      /* pango_font_has_char() is slow enough to matter, once per letter */
      if (self->word_coverage[c] == 0)
        self->word_coverage[c] = pango_font_has_char (self->word_analysis.font, c) ? 1 : 2;
      if (self->word_coverage[c] != 1)
        return FALSE;
    }

  return TRUE;
}

static void
append_word (RacimoLayout     *self,
             PangoGlyphString *glyphs,
             const char       *string,
             gsize             start,
             gsize             end)
{
  g_autofree char *word = NULL;
  PangoGlyphString *shaped;
  int n = glyphs->num_glyphs;

  /* Between two spaces, or after a trailing one: nothing to shape, and
   * Pango warns when asked to. */
  if (start == end)
    return;

  word = g_strndup (string + start, end - start);
  shaped = g_hash_table_lookup (self->word_cache, word);
  if (shaped == NULL)
    {
      shaped = pango_glyph_string_new ();
      pango_shape_with_flags (word, (int) (end - start), word, (int) (end - start),
                              &self->word_analysis, shaped, PANGO_SHAPE_NONE);
      g_hash_table_insert (self->word_cache, g_steal_pointer (&word), shaped);
    }

  pango_glyph_string_set_size (glyphs, n + shaped->num_glyphs);
  memcpy (glyphs->glyphs + n, shaped->glyphs, shaped->num_glyphs * sizeof (PangoGlyphInfo));
  for (int i = 0; i < shaped->num_glyphs; i++)
    glyphs->log_clusters[n + i] = shaped->log_clusters[i] + (int) start;
}

static Text *
add_words_text (RacimoLayout *self,
                const char   *string)
{
  Text *text = g_new0 (Text, 1);
  PangoGlyphString *glyphs = pango_glyph_string_new ();
  gsize start = 0, end;

  for (end = 0; string[end] != '\0'; end++)
    if (string[end] == ' ')
      {
        append_word (self, glyphs, string, start, end);
        append_word (self, glyphs, string, end, end + 1);
        start = end + 1;
      }
  append_word (self, glyphs, string, start, end);

  text->string = g_strdup (string);
  text->line = g_slice_new0 (PangoGlyphItem);
  text->line->glyphs = glyphs;
  text->line->item = pango_item_new ();
  text->line->item->offset = 0;
  text->line->item->length = (int) end;
  text->line->item->num_chars = (int) g_utf8_strlen (string, -1);
  text->line->item->analysis = self->word_analysis;
  g_object_ref (text->line->item->analysis.font);

  text->width = (double) pango_glyph_string_get_width (glyphs) / PANGO_SCALE;
  text->height = self->word_height;
  text->baseline = self->word_baseline;
  g_ptr_array_add (self->texts, text);

  return text;
}

/* A line shaped a word at a time made into a layout, to wrap it. */
static void
text_make_layout (RacimoLayout *self,
                  Text         *text)
{
  if (text->layout != NULL)
    return;

  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[FONT_BODY]);
  pango_layout_set_text (text->layout, text->string, -1);
  g_clear_pointer (&text->line, pango_glyph_item_free);
  g_clear_pointer (&text->string, g_free);
  text_measure (text);
}

/* Grey and struck through, for what does not apply. */
static PangoAttrList *
not_applicable_attrs_new (void)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_foreground_new (0x7000, 0x7000, 0x7000));
  pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));

  return attrs;
}

/* Names repeat in large projects ("Review", "Deploy"): one shaping each. */
static Text *
get_name_text (RacimoLayout *self,
               const char   *name,
               gboolean      applicable)
{
  g_autofree char *key = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  Text *text;

  if (name == NULL || *name == '\0')
    name = _("(unnamed)");

  key = g_strconcat (applicable ? "+" : "-", name, NULL);
  text = g_hash_table_lookup (self->name_cache, key);
  if (text != NULL)
    return text;

  if (applicable && can_shape_words (self, name))
    text = add_words_text (self, name);
  else
    {
      if (!applicable)
        attrs = not_applicable_attrs_new ();
      text = add_text (self, FONT_BODY, name, attrs);
    }
  g_hash_table_insert (self->name_cache, g_steal_pointer (&key), text);

  return text;
}

/* The letters of a cell, each in its code's colour. */
static Text *
get_code_text (RacimoLayout *self,
               RacimoCodes   codes,
               gboolean      applicable)
{
  guint key = codes | (applicable ? 0 : NOT_APPLICABLE_BIT);
  g_autoptr(PangoAttrList) attrs = NULL;
  char letters[27];
  guint n;
  Text *text;

  text = g_hash_table_lookup (self->code_cache, GUINT_TO_POINTER (key));
  if (text != NULL)
    return text;

  attrs = pango_attr_list_new ();
  n = racimo_scheme_order_codes (self->scheme, codes, letters);
  letters[n] = '\0';
  for (guint i = 0; i < n; i++)
    {
      const RacimoCodeInfo *info = racimo_scheme_get_code (self->scheme, letters[i]);

      if (!applicable)
        attrs_add (attrs, pango_attr_foreground_new (0x7000, 0x7000, 0x7000), i, i + 1);
      else if (info != NULL)
        attrs_add (attrs, color_attr_new (info->color_light), i, i + 1);
    }

  text = add_text (self, FONT_BOLD, letters, attrs);
  g_hash_table_insert (self->code_cache, GUINT_TO_POINTER (key), text);

  return text;
}

static Letter *
get_letter (RacimoLayout *self,
            char          c,
            gboolean      applicable)
{
  Letter *letter = &self->letters[applicable ? 0 : 1][c - 'A'];
  g_autoptr(PangoLayout) layout = NULL;
  const RacimoCodeInfo *info;
  char string[2] = { c, '\0' };
  PangoLayoutLine *line;
  PangoGlyphItem *run;

  if (letter->batch != NULL)
    return letter;

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, self->fonts[FONT_BOLD]);
  pango_layout_set_text (layout, string, 1);
  line = pango_layout_get_line_readonly (layout, 0);
  run = line->runs->data;
  letter->font = cairo_scaled_font_reference (
    pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
  letter->glyph = run->glyphs->glyphs[0].glyph;
  letter->advance = (double) run->glyphs->glyphs[0].geometry.width / PANGO_SCALE;
  letter->batch = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));

  info = racimo_scheme_get_code (self->scheme, c);
  if (!applicable)
    letter->color = (PangoColor) { 0x7000, 0x7000, 0x7000 };
  else if (info != NULL)
    pango_color_parse (&letter->color, info->color_light);

  return letter;
}

/* Queues the letters of a cell, centred between @x and @x + @width. */
static void
queue_codes (RacimoLayout *self,
             RacimoCodes   codes,
             gboolean      applicable,
             double        x,
             double        width,
             double        baseline)
{
  char order[27];
  guint n = racimo_scheme_order_codes (self->scheme, codes, order);
  Letter *letters[26];
  double total = 0.0;

  for (guint i = 0; i < n; i++)
    {
      letters[i] = get_letter (self, order[i], applicable);
      total += letters[i]->advance;
    }

  x += (width - total) / 2;
  for (guint i = 0; i < n; i++)
    {
      cairo_glyph_t glyph = { letters[i]->glyph, x, baseline };

      g_array_append_val (letters[i]->batch, glyph);
      x += letters[i]->advance;
    }
}

static void
show_queued_codes (RacimoLayout *self,
                   cairo_t      *cr)
{
  for (guint i = 0; i < 2; i++)
    for (guint c = 0; c < 26; c++)
      {
        Letter *letter = &self->letters[i][c];

        if (letter->batch == NULL || letter->batch->len == 0)
          continue;

        cairo_set_scaled_font (cr, letter->font);
        cairo_set_source_rgb (cr, letter->color.red / 65535.0, letter->color.green / 65535.0,
                              letter->color.blue / 65535.0);
        cairo_show_glyphs (cr, (cairo_glyph_t *) (gpointer) letter->batch->data,
                           (int) letter->batch->len);
        g_array_set_size (letter->batch, 0);
      }
}

static Text *
get_mark_text (RacimoLayout *self,
               Mark          mark,
               gboolean      waived)
{
  Text **slot = waived ? &self->waived_marks[mark] : &self->marks[mark];

  if (*slot == NULL)
    {
      const char *symbol = mark == MARK_NO_OWNER ? NO_OWNER_SYMBOL : MANY_OWNERS_SYMBOL;
      g_autofree char *string = waived ? g_strdup_printf ("(%s)", symbol) : g_strdup (symbol);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      if (waived)
        pango_attr_list_insert (attrs, pango_attr_foreground_new (0x7000, 0x7000, 0x7000));
      else
        pango_attr_list_insert (attrs, color_attr_new (MARK_COLOR));
      *slot = add_text (self, FONT_BOLD, string, attrs);
    }

  return *slot;
}

static gboolean
phase_is_printed (RacimoLayout *self,
                  RacimoPhase  *phase)
{
  return self->options->phases == NULL
         || g_strv_contains ((const char * const *) self->options->phases,
                             racimo_item_get_id (RACIMO_ITEM (phase)));
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
build_phase (RacimoLayout *self,
             RacimoPhase  *phase)
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
  name_end = header->len;
  if (self->options->descriptions && description != NULL && *description != '\0')
    {
      g_string_append_c (header, '\n');
      g_string_append (header, description);
      attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL), name_end, header->len);
      attrs_add (attrs, pango_attr_size_new ((int) (SMALL_SIZE * PANGO_SCALE)),
                 name_end, header->len);
    }
  info.header = add_text (self, FONT_BOLD, header->str, attrs);

  /* Translators: a phase's header repeated at the top of a page, when the
   * phase began on an earlier one */
  continued = g_strdup_printf (_("%s (continued)"), name);
  info.continued = add_text (self, FONT_BOLD, continued, NULL);

  g_array_append_val (self->phases, info);
}

static void
build_activity (RacimoLayout   *self,
                RacimoProject  *project,
                RacimoChecks   *checks,
                RacimoActivity *activity)
{
  RacimoItem *item = RACIMO_ITEM (activity);
  const char *description = racimo_item_get_description (item);
  Row row = { 0, };

  row.phase = self->phases->len - 1;
  row.applicable = racimo_activity_get_applicable (activity);
  row.name = get_name_text (self, racimo_item_get_name (item), row.applicable);
  if (self->options->descriptions && description != NULL && *description != '\0')
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_foreground_new (0x5000, 0x5000, 0x5000));
      row.description = add_text (self, FONT_SMALL, description, attrs);
    }

  if (racimo_checks_item_has (checks, item, RACIMO_CHECK_NO_OWNER))
    row.mark = MARK_NO_OWNER;
  else if (racimo_checks_item_has (checks, item, RACIMO_CHECK_MANY_OWNERS))
    row.mark = MARK_MANY_OWNERS;
  else if ((row.mark = find_waived_mark (checks, item)) != MARK_NONE)
    row.waived = TRUE;
  self->any_mark |= row.mark != MARK_NONE;

  row.codes = self->codes->len;
  g_array_set_size (self->codes, row.codes + self->n_roles);
  for (guint r = 0; r < self->n_roles; r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);
      RacimoCodes codes = racimo_activity_get_codes (activity, role);

      g_array_index (self->codes, RacimoCodes, row.codes + r) = codes;
      if (codes != 0)
        get_code_text (self, codes, row.applicable);
    }

  g_array_append_val (self->rows, row);
}

static void
build_role (RacimoLayout *self,
            RacimoRole   *role,
            RoleInfo     *info)
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
  attrs_add (lines_attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, bold_end);
  attrs_add (lines_attrs, pango_attr_size_new ((int) (BASE_SIZE * PANGO_SCALE)), 0, bold_end);
  attrs_add (line_attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, bold_end);
  attrs_add (line_attrs, pango_attr_size_new ((int) (BASE_SIZE * PANGO_SCALE)), 0, bold_end);

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
      attrs_add (lines_attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, lines->len);
      g_string_append (line, " · ");
      line_start = line->len;
      g_string_append (line, person);
      attrs_add (line_attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), line_start, line->len);
    }

  info->horizontal = add_text (self, FONT_SMALL, lines->str, lines_attrs);
  pango_layout_set_alignment (info->horizontal->layout, PANGO_ALIGN_CENTER);
  info->min_width = text_get_min_width (info->horizontal);
  info->rotated = add_text (self, FONT_SMALL, line->str, line_attrs);
}

static Text *
add_legend_text (RacimoLayout *self,
                 const char   *symbol,
                 const char   *symbol_color,
                 const char   *label)
{
  g_autofree char *string = *symbol != '\0' ? g_strdup_printf ("%s %s", symbol, label)
                                             : g_strdup (label);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  gsize end = strlen (symbol);

  attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, end);
  if (symbol_color != NULL)
    attrs_add (attrs, color_attr_new (symbol_color), 0, end);

  return add_text (self, FONT_SMALL, string, attrs);
}

static void
add_chip (RacimoLayout *self,
          ChipKind      kind,
          Text         *text)
{
  Chip chip = { kind, text, 0.0, 0.0 };

  g_array_append_val (self->chips, chip);
}

/* The scheme's codes with their names, then the marks that the printed
 * rows use, flowed into lines of @width. */
static void
build_legend (RacimoLayout *self,
              RacimoCodes   unknown_codes,
              double        width)
{
  gboolean marks[3] = { FALSE, FALSE, FALSE };
  gboolean waived = FALSE, not_applicable = FALSE;
  double x = 0.0, y = 0.0, line_height = 0.0;

  for (guint i = 0; i < self->scheme->n_codes; i++)
    {
      const RacimoCodeInfo *info = &self->scheme->codes[i];
      char letter[2] = { info->letter, '\0' };

      add_chip (self, CHIP_PLAIN,
                add_legend_text (self, letter, info->color_light, _(info->name)));
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
        waived = TRUE;
      else
        marks[row->mark] = TRUE;
      not_applicable |= !row->applicable;
    }
  if (marks[MARK_NO_OWNER])
    add_chip (self, CHIP_HATCHED,
              add_legend_text (self, NO_OWNER_SYMBOL, MARK_COLOR,
                               racimo_check_get_title (RACIMO_CHECK_NO_OWNER)));
  if (marks[MARK_MANY_OWNERS])
    add_chip (self, CHIP_HATCHED,
              add_legend_text (self, MANY_OWNERS_SYMBOL, MARK_COLOR,
                               racimo_check_get_title (RACIMO_CHECK_MANY_OWNERS)));
  if (waived)
    add_chip (self, CHIP_PLAIN,
              add_legend_text (self, "(" NO_OWNER_SYMBOL ")", "#707070",
                               /* Translators: in the legend, a finding that was
                                * looked at and accepted */
                               _("Waived")));
  if (not_applicable)
    add_chip (self, CHIP_STRUCK, add_legend_text (self, "", NULL, _("Does not apply")));

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

static void
fill_hatched (RacimoLayout *self,
              cairo_t      *cr,
              double        x,
              double        y,
              double        width,
              double        height)
{
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, 0.99, 0.89, 0.89);
  cairo_fill_preserve (cr);
  cairo_set_source (cr, self->hatch);
  cairo_fill (cr);
  set_source_color (cr, MARK_COLOR);
  cairo_set_line_width (cr, 0.9);
  cairo_rectangle (cr, x + 0.45, y + 0.45, width - 0.9, height - 0.9);
  cairo_stroke (cr);
}

/* Column widths, the scale and the split of roles over pages across.
 *
 * The narrowest a role column can be is what its codes and its rotated
 * header need; the activity column wants its longest name.  When that is
 * wider than the page, "fit" scales everything down, to MIN_SIZE at most,
 * first keeping names on one line (wrapped names double the rows and the
 * pages), then with names wrapped in a narrower column; past that, and at
 * once with "tile", the roles are split over pages across.  Width left
 * over goes to the activity column, then to the role columns, enough for
 * their headers to be written across or else up to twice as wide, and
 * last to descriptions, so that they wrap less. */
static void
compute_columns (RacimoLayout *self,
                 double        code_width,
                 double        name_width,
                 double        description_width)
{
  double min_scale = self->options->fit == RACIMO_LAYOUT_TILE ? 1.0 : MIN_SIZE / BASE_SIZE;
  double column_min = MAX (COLUMN_MIN, code_width + 2 * PAD);
  double horizontal_min = 0.0, horizontal_wide = 0.0;
  double activity_natural, activity_min, activity_max, width, left;
  guint n = self->n_roles, m;

  for (guint r = 0; r < n; r++)
    {
      column_min = MAX (column_min, self->roles[r].rotated->height + 2 * PAD);
      horizontal_min = MAX (horizontal_min, self->roles[r].min_width + 2 * PAD);
      horizontal_wide = MAX (horizontal_wide, self->roles[r].horizontal->width + 2 * PAD);
    }

  activity_natural = self->gutter + 2 * PAD + MAX (name_width, self->activity_header->width);
  activity_min = MIN (activity_natural, ACTIVITY_WANT);
  if (self->content_width / (activity_min + n * column_min) < min_scale)
    activity_min = MIN (activity_natural, ACTIVITY_MIN);

  self->scale = CLAMP (self->content_width / (activity_min + n * column_min), min_scale, 1.0);
  width = self->content_width / self->scale;
  activity_max = MAX (activity_min, ACTIVITY_SHARE * width);

  if (activity_min + n * column_min <= width + 0.01)
    m = n;
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

/* Heights of the header row and of every row, now that widths are known. */
static void
measure_rows (RacimoLayout *self,
              double        table_height)
{
  double name_width = self->activity_width - self->gutter - 2 * PAD;
  double phase_width;
  double code_height = 0.0;
  GHashTableIter iter;
  gpointer value;
  guint last_page_roles;

  g_hash_table_iter_init (&iter, self->name_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Text *) value)->width > name_width)
      {
        text_make_layout (self, value);
        text_wrap (value, name_width);
      }

  g_hash_table_iter_init (&iter, self->code_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    code_height = MAX (code_height, ((Text *) value)->height);

  /* A phase header spans the page's table: the narrowest is the last
   * page across, which may hold fewer roles. */
  last_page_roles = self->n_roles - (self->n_across - 1) * self->roles_per_page;
  phase_width = self->activity_width + last_page_roles * self->column_width - 2 * PAD;
  for (guint p = 0; p < self->phases->len; p++)
    {
      PhaseInfo *info = &g_array_index (self->phases, PhaseInfo, p);

      if (info->header->width > phase_width)
        text_wrap (info->header, phase_width);
      if (info->continued->width > phase_width)
        text_wrap (info->continued, phase_width);
    }

  self->header_height = self->activity_header->height;
  for (guint r = 0; r < self->n_roles; r++)
    {
      RoleInfo *info = &self->roles[r];

      if (self->rotated)
        {
          double max_length = MAX (HEADER_SHARE * table_height, 4 * BASE_SIZE);

          if (info->rotated->width > max_length)
            text_ellipsize (info->rotated, max_length);
          self->header_height = MAX (self->header_height, info->rotated->width);
        }
      else
        {
          text_wrap (info->horizontal, self->column_width - 2 * PAD);
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
          double height = row->name->height;

          if (row->description != NULL)
            {
              text_wrap (row->description, name_width);
              height += 1.0 + row->description->height;
            }
          row->height = MAX (height, code_height) + 2 * VPAD;
        }
    }
}

static double
continued_height (RacimoLayout *self,
                  guint         phase)
{
  return g_array_index (self->phases, PhaseInfo, phase).continued->height + 2 * VPAD;
}

/* Rows into pages.  A phase header never ends a page (it goes with its
 * first activity), and a page that starts inside a phase repeats the
 * phase's header, marked "continued". */
static void
paginate_rows (RacimoLayout *self,
               double        height)
{
  guint n = self->rows->len;
  guint i = 0;

  do
    {
      Band band = { i, i, -1 };
      double y = 0.0;

      if (i < n && self->show_phases && !g_array_index (self->rows, Row, i).is_phase)
        {
          band.continued = (int) g_array_index (self->rows, Row, i).phase;
          y += continued_height (self, band.continued);
        }

      for (; i < n; i++)
        {
          const Row *row = &g_array_index (self->rows, Row, i);
          double needed = row->height;

          if (row->is_phase && i + 1 < n && !g_array_index (self->rows, Row, i + 1).is_phase)
            needed += g_array_index (self->rows, Row, i + 1).height;
          /* A row taller than a page still gets one, clipped; it stays
           * with its phase's header if that starts the page. */
          if (i > band.first && y + needed > height
              && !g_array_index (self->rows, Row, i - 1).is_phase)
            break;
          y += row->height;
        }
      band.end = i;
      g_array_append_val (self->bands, band);
    }
  while (i < n);
}

static void
add_summary_item (RacimoLayout *self,
                  ItemKind      kind,
                  Text         *text,
                  double        space_before)
{
  SummaryItem item = { kind, text, NULL, space_before, 0.0 };

  if (text != NULL)
    item.height = text->height;
  g_array_append_val (self->summary, item);
}

static Text *
add_number (RacimoLayout *self,
            guint         number)
{
  g_autofree char *string = g_strdup_printf ("%u", number);

  return add_text (self, FONT_BODY, string, NULL);
}

/* The findings, as the checks panel lists them, and per role the number
 * of applicable activities where it holds each code. */
static void
build_summary (RacimoLayout  *self,
               RacimoProject *project,
               RacimoChecks  *checks)
{
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);
  double role_width;
  g_autofree char *counts = NULL;
  Text *last;
  guint n_roles = racimo_project_get_n_roles (project);
  guint n_phases = racimo_project_get_n_phases (project);
  g_autofree guint *workload = g_new0 (guint, (gsize) n_roles * (self->scheme->n_codes + 1));
  SummaryItem header = { ITEM_WORKLOAD_HEADER, NULL, NULL, 6.0, 0.0 };

  add_summary_item (self, ITEM_HEADING, add_text (self, FONT_TITLE, _("Summary"), NULL), 0.0);

  counts = g_strdup_printf (_("Errors: %u · Warnings: %u · Waived: %u"),
                            racimo_checks_get_n_errors (checks),
                            racimo_checks_get_n_warnings (checks),
                            racimo_checks_get_n_waived (checks));
  add_summary_item (self, ITEM_PARAGRAPH, add_text (self, FONT_BODY, counts, NULL), 4.0);

  add_summary_item (self, ITEM_HEADING, add_text (self, FONT_HEADING, _("Findings"), NULL), 10.0);
  if (findings->len == 0)
    add_summary_item (self, ITEM_PARAGRAPH,
                      add_text (self, FONT_BODY, _("No problems found."), NULL), 2.0);
  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);
      gboolean error = racimo_check_get_severity (finding->check) == RACIMO_SEVERITY_ERROR;
      const char *severity = error ? _("Error:") : _("Warning:");
      g_autoptr(GString) string = g_string_new (severity);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      Text *text;

      attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, string->len);
      if (error && finding->waiver_reason == NULL)
        attrs_add (attrs, color_attr_new (MARK_COLOR), 0, string->len);
      g_string_append_c (string, ' ');
      g_string_append (string, finding->message);
      if (finding->waiver_reason != NULL)
        {
          gsize start = string->len;

          g_string_append (string, "  ");
          /* Translators: after a finding on the summary page; %s is the
           * reason given for accepting it */
          g_string_append_printf (string, _("Waived: %s"), finding->waiver_reason);
          attrs_add (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, string->len);
          attrs_add (attrs, pango_attr_foreground_new (0x5000, 0x5000, 0x5000),
                     start, string->len);
        }
      text = add_text (self, FONT_BODY, string->str, attrs);
      text_wrap (text, self->content_width);
      add_summary_item (self, ITEM_PARAGRAPH, text, 2.0);
    }

  /* Workload over the whole project, as the editor's workload row. */
  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          if (!racimo_activity_get_applicable (activity))
            continue;
          for (guint r = 0; r < n_roles; r++)
            {
              RacimoCodes codes = racimo_activity_get_codes (activity,
                                                             racimo_project_get_role (project, r));
              guint *counts_row = &workload[r * (self->scheme->n_codes + 1)];

              for (guint c = 0; c < self->scheme->n_codes; c++)
                if (codes & RACIMO_CODE_BIT (self->scheme->codes[c].letter))
                  counts_row[c]++;
              if (codes != 0)
                counts_row[self->scheme->n_codes]++;
            }
        }
    }

  add_summary_item (self, ITEM_HEADING,
                    add_text (self, FONT_HEADING, _("Workload per role"), NULL), 12.0);
  header.text = add_text (self, FONT_BOLD, _("Role"), NULL);
  header.numbers = g_ptr_array_new ();
  for (guint c = 0; c < self->scheme->n_codes; c++)
    {
      RacimoCodes code = RACIMO_CODE_BIT (self->scheme->codes[c].letter);

      g_ptr_array_add (header.numbers, get_code_text (self, code, TRUE));
    }
  /* Translators: the last column of the workload table: in how many
   * activities the role holds any code */
  last = add_text (self, FONT_BOLD, _("Activities"), NULL);
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
          attrs_add (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, string->len);
          g_string_append (string, "  ");
        }
      g_string_append (string, racimo_item_get_name (RACIMO_ITEM (role)));
      if (person != NULL)
        g_string_append_printf (string, " · %s", person);

      item.text = add_text (self, FONT_BODY, string->str, attrs);
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
        text_wrap (item->text, self->workload_width - GAP);
      item->height = item->text->height + 2.0;
    }
}

static void
paginate_summary (RacimoLayout *self,
                  double        height)
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
measure_number_block (RacimoLayout *self,
                      double       *width,
                      double       *height)
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

/**
 * racimo_layout_new:
 * @project: the project to print
 * @options: (nullable): how, or %NULL for racimo_layout_options_new()'s
 *
 * Lays the project out in pages.  The layout is a snapshot: later changes
 * of @project do not show in it.
 *
 * Returns: (transfer full): the layout
 */
RacimoLayout *
racimo_layout_new (RacimoProject             *project,
                   const RacimoLayoutOptions *options)
{
  g_autoptr(RacimoLayout) self = NULL;
  g_autoptr(RacimoChecks) checks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  const char *title;
  RacimoCodes unknown_codes = 0;
  double code_width = 0.0, name_width = 0.0, description_width = 0.0;
  double number_width, rows_height;
  guint n_phases;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  self = g_object_new (RACIMO_TYPE_LAYOUT, NULL);
  self->options = options != NULL ? racimo_layout_options_copy (options)
                                  : racimo_layout_options_new ();
  racimo_layout_options_get_page_size (self->options, &self->page_width, &self->page_height);
  self->content_x = self->options->margin_left;
  self->content_y = self->options->margin_top;
  self->content_width = MAX (self->page_width - self->options->margin_left
                             - self->options->margin_right, 72.0);
  self->content_height = MAX (self->page_height - self->options->margin_top
                              - self->options->margin_bottom, 72.0);
  self->hatch = create_hatch ();

  self->scheme = racimo_project_get_scheme (project);
  checks = racimo_checks_new (project);

  /* The page's title line. */
  /* Translators: the date on every printed page, in g_date_time_format()'s
   * notation */
  date = g_date_time_format (now, _("%-d %B %Y"));
  self->date = add_text (self, FONT_SMALL, date != NULL ? date : "", NULL);
  title = racimo_project_get_title (project);
  self->title = add_text (self, FONT_TITLE, *title != '\0' ? title : _("Untitled project"), NULL);
  if (self->title->width > self->content_width - self->date->width - GAP)
    text_ellipsize (self->title, MAX (self->content_width - self->date->width - GAP, 72.0));
  self->title_height = MAX (self->title->height, self->date->height);
  self->activity_header = add_text (self, FONT_BOLD, _("Activity"), NULL);

  /* The snapshot. */
  self->n_roles = racimo_project_get_n_roles (project);
  self->roles = g_new0 (RoleInfo, self->n_roles);
  for (guint r = 0; r < self->n_roles; r++)
    build_role (self, racimo_project_get_role (project, r), &self->roles[r]);

  n_phases = racimo_project_get_n_phases (project);
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

      if (!phase_is_printed (self, phase))
        continue;

      build_phase (self, phase);
      if (self->show_phases)
        {
          Row row = { 0, };

          row.is_phase = TRUE;
          row.phase = self->phases->len - 1;
          row.name = g_array_index (self->phases, PhaseInfo, row.phase).header;
          row.applicable = TRUE;
          g_array_append_val (self->rows, row);
        }
      for (guint a = 0; a < n_activities; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          build_activity (self, project, checks, activity);
          unknown_codes |= racimo_activity_get_all_codes (activity);
        }
    }
  unknown_codes &= ~racimo_scheme_get_mask (self->scheme);

  g_hash_table_iter_init (&iter, self->code_cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    code_width = MAX (code_width, ((Text *) value)->width);
  g_hash_table_iter_init (&iter, self->name_cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    name_width = MAX (name_width, ((Text *) value)->width);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->description != NULL)
        description_width = MAX (description_width, row->description->width);
    }

  if (self->any_mark)
    {
      for (Mark mark = MARK_NO_OWNER; mark <= MARK_MANY_OWNERS; mark++)
        self->gutter = MAX (self->gutter, MAX (get_mark_text (self, mark, FALSE)->width,
                                               get_mark_text (self, mark, TRUE)->width));
      self->gutter += PAD;
    }

  /* The footer: the legend beside the page number. */
  measure_number_block (self, &number_width, &self->number_height);
  self->number_height = 2 * self->number_height;
  build_legend (self, unknown_codes, self->content_width - number_width - GAP);
  self->footer_height = MAX (self->legend_height, self->number_height);

  self->table_y = self->content_y + self->title_height + GAP;
  self->table_height = MAX (self->content_height - self->title_height - self->footer_height
                            - 2 * GAP, 36.0);

  compute_columns (self, code_width, name_width, description_width);
  measure_rows (self, self->table_height / self->scale);
  rows_height = MAX (self->table_height / self->scale - self->header_height, BASE_SIZE);
  paginate_rows (self, rows_height);
  self->n_pages = self->bands->len * self->n_across;
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

/**
 * racimo_layout_get_n_pages:
 *
 * Returns: the number of pages, the summary's included
 */
guint
racimo_layout_get_n_pages (RacimoLayout *self)
{
  g_return_val_if_fail (RACIMO_IS_LAYOUT (self), 0);

  return self->n_pages;
}

/**
 * racimo_layout_get_n_across:
 *
 * Returns: over how many pages across the role columns are split; 1 when
 *   every page holds all of them
 */
guint
racimo_layout_get_n_across (RacimoLayout *self)
{
  g_return_val_if_fail (RACIMO_IS_LAYOUT (self), 1);

  return self->n_across;
}

/**
 * racimo_layout_get_scale:
 *
 * Returns: the size the matrix is printed at, 1.0 for full size; below 1
 *   when fitted to the page width
 */
double
racimo_layout_get_scale (RacimoLayout *self)
{
  g_return_val_if_fail (RACIMO_IS_LAYOUT (self), 1.0);

  return self->scale;
}

/**
 * racimo_layout_get_page_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
racimo_layout_get_page_size (RacimoLayout *self,
                             double       *width,
                             double       *height)
{
  g_return_if_fail (RACIMO_IS_LAYOUT (self));
  g_return_if_fail (width != NULL && height != NULL);

  *width = self->page_width;
  *height = self->page_height;
}

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

static void
draw_title (RacimoLayout *self,
            cairo_t      *cr)
{
  double y = self->content_y + self->title_height;

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  text_show (cr, self->title, self->content_x, y - self->title->height);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  text_show (cr, self->date, self->content_x + self->content_width - self->date->width,
             y - self->title->height + self->title->baseline - self->date->baseline);

  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, self->content_x, y + GAP / 2);
  cairo_line_to (cr, self->content_x + self->content_width, y + GAP / 2);
  cairo_stroke (cr);
}

static void
draw_page_number (RacimoLayout *self,
                  cairo_t      *cr,
                  guint         page,
                  guint         first_role,
                  guint         end_role)
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
draw_legend (RacimoLayout *self,
             cairo_t      *cr)
{
  double x0 = self->content_x;
  double y0 = self->content_y + self->content_height - self->legend_height;

  for (guint i = 0; i < self->chips->len; i++)
    {
      const Chip *chip = &g_array_index (self->chips, Chip, i);
      double x = x0 + chip->x;
      double y = y0 + chip->y;
      double middle = y + chip->text->height / 2;

      switch (chip->kind)
        {
        case CHIP_HATCHED:
          fill_hatched (self, cr, x, middle - 4.5, SWATCH_WIDTH, 9.0);
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
        case CHIP_PLAIN:
        default:
          break;
        }
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      text_show (cr, chip->text, x, y);
    }
}

/* The row of role headers, in table units from the table's top left. */
static void
draw_column_header (RacimoLayout *self,
                    cairo_t      *cr,
                    guint         first_role,
                    guint         end_role)
{
  double width = self->activity_width + (end_role - first_role) * self->column_width;
  double bottom = self->header_height - VPAD;

  cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  cairo_rectangle (cr, 0.0, 0.0, width, self->header_height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  text_show (cr, self->activity_header, self->gutter + PAD,
             bottom - self->activity_header->height);

  for (guint r = first_role; r < end_role; r++)
    {
      const RoleInfo *info = &self->roles[r];
      double x = self->activity_width + (r - first_role) * self->column_width;

      if (self->rotated)
        {
          /* Read from bottom to top, centred on the column. */
          cairo_save (cr);
          cairo_translate (cr, x + (self->column_width - info->rotated->height) / 2, bottom);
          cairo_rotate (cr, -G_PI / 2);
          text_show (cr, info->rotated, 0.0, 0.0);
          cairo_restore (cr);
        }
      else
        text_show (cr, info->horizontal, x + PAD, bottom - info->horizontal->height);
    }
}

static void
draw_activity (RacimoLayout *self,
               cairo_t      *cr,
               const Row    *row,
               double        y,
               guint         first_role,
               guint         end_role)
{
  const RacimoCodes *codes = &g_array_index (self->codes, RacimoCodes, row->codes);
  double name_x = self->gutter + PAD;
  double baseline = y + VPAD + row->name->baseline;

  if (row->mark != MARK_NONE)
    {
      Text *mark = get_mark_text (self, row->mark, row->waived);

      text_show (cr, mark, PAD, baseline - mark->baseline);
    }

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  text_show (cr, row->name, name_x, y + VPAD);
  if (row->description != NULL)
    text_show (cr, row->description, name_x, y + VPAD + row->name->height + 1.0);

  for (guint r = first_role; r < end_role; r++)
    if (codes[r] != 0)
      queue_codes (self, codes[r], row->applicable,
                   self->activity_width + (r - first_role) * self->column_width,
                   self->column_width, baseline);

  if (!row->applicable && end_role > first_role)
    {
      /* Struck through the cells as the name is. */
      int n_lines = 1;
      double middle;

      if (row->name->layout != NULL)
        n_lines = pango_layout_get_line_count (row->name->layout);
      middle = y + VPAD + row->name->height / (2 * n_lines);

      cairo_set_source_rgb (cr, 0.44, 0.44, 0.44);
      cairo_set_line_width (cr, 0.7);
      cairo_move_to (cr, self->activity_width + PAD, middle);
      cairo_line_to (cr, self->activity_width + (end_role - first_role) * self->column_width - PAD,
                     middle);
      cairo_stroke (cr);
    }
}

static void
draw_grid_columns (RacimoLayout *self,
                   cairo_t      *cr,
                   guint         n_columns,
                   double        top,
                   double        bottom)
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

static void
draw_table (RacimoLayout *self,
            cairo_t      *cr,
            guint         band_index,
            guint         first_role,
            guint         end_role)
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
    top += continued_height (self, band->continued);
  y = top;
  for (guint i = band->first; i < band->end; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (!row->is_phase && row->mark != MARK_NONE && !row->waived)
        fill_hatched (self, cr, 0.0, y, width, row->height);
      y += row->height;
    }

  if (self->column_headers[across] == NULL)
    {
      double height = self->table_height / self->scale;
      cairo_surface_t *header = recording_surface_new (0.0, 0.0, width, height);
      cairo_t *header_cr = cairo_create (header);

      draw_column_header (self, header_cr, first_role, end_role);
      cairo_set_source_rgb (header_cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (header_cr, GRID_LINE);
      draw_grid_columns (self, header_cr, n_columns, 0.0, height);
      cairo_stroke (header_cr);
      cairo_destroy (header_cr);
      self->column_headers[across] = header;
    }
  cairo_set_source_surface (cr, self->column_headers[across], 0.0, 0.0);
  cairo_rectangle (cr, 0.0, 0.0, width, y);
  cairo_fill (cr);

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
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      text_show (cr, g_array_index (self->phases, PhaseInfo, band->continued).continued,
                 PAD, y + VPAD);
      y += continued_height (self, band->continued);
    }
  for (guint i = band->first; i < band->end; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->is_phase)
        {
          cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
          text_show (cr, row->name, PAD, y + VPAD);
        }
      else
        draw_activity (self, cr, row, y, first_role, end_role);
      y += row->height;
    }
  show_queued_codes (self, cr);

  cairo_restore (cr);
}

static void
draw_summary_item (RacimoLayout      *self,
                   cairo_t           *cr,
                   const SummaryItem *item,
                   double             y)
{
  double x = self->content_x;

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  text_show (cr, item->text, x, y);
  if (item->numbers == NULL)
    return;

  /* Counts right-aligned under their code */
  x += self->workload_width;
  for (guint c = 0; c < item->numbers->len; c++)
    {
      Text *number = g_ptr_array_index (item->numbers, c);

      x += c + 1 < item->numbers->len ? NUMBER_WIDTH : self->workload_last_width;
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      text_show (cr, number, x - PAD - number->width, y + item->text->baseline - number->baseline);
    }

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
draw_summary (RacimoLayout *self,
              cairo_t      *cr,
              guint         band_index)
{
  const Band *band = &g_array_index (self->summary_bands, Band, band_index);
  double y = self->table_y;

  if (band->continued >= 0)
    {
      const SummaryItem *header = &g_array_index (self->summary, SummaryItem, band->continued);

      draw_summary_item (self, cr, header, y);
      y += header->height;
    }

  for (guint i = band->first; i < band->end; i++)
    {
      const SummaryItem *item = &g_array_index (self->summary, SummaryItem, i);

      if (i > band->first)
        y += item->space_before;
      draw_summary_item (self, cr, item, y);
      y += item->height;
    }
}

/**
 * racimo_layout_draw_page:
 * @cr: a context whose user space is the page, in points, from its top
 *   left corner: a page of racimo_layout_get_page_size()
 * @page: from 0 to racimo_layout_get_n_pages() - 1
 *
 * Draws one page.  Pages are independent: any may be drawn in any order,
 * on any cairo surface (a PDF, a printer's, an image for a preview), from
 * the thread that made the layout.
 */
void
racimo_layout_draw_page (RacimoLayout *self,
                         cairo_t      *cr,
                         guint         page)
{
  guint n_matrix_pages;
  guint first_role = 0, end_role = 0;

  g_return_if_fail (RACIMO_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  n_matrix_pages = self->bands->len * self->n_across;

  cairo_save (cr);
  if (self->title_surface == NULL)
    {
      cairo_t *title_cr;

      self->title_surface = recording_surface_new (self->content_x, self->content_y,
                                                   self->content_width,
                                                   self->title_height + GAP);
      title_cr = cairo_create (self->title_surface);
      draw_title (self, title_cr);
      cairo_destroy (title_cr);
    }
  paint_recording (cr, self->title_surface);

  if (page < n_matrix_pages)
    {
      guint across = page % self->n_across;

      first_role = across * self->roles_per_page;
      end_role = MIN (first_role + self->roles_per_page, self->n_roles);
      draw_table (self, cr, page / self->n_across, first_role, end_role);

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
      paint_recording (cr, self->legend_surface);
    }
  else
    draw_summary (self, cr, page - n_matrix_pages);
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

/**
 * racimo_layout_export_pdf:
 * @project: the project
 * @path: the PDF file to write, in the file system's encoding
 * @options: (nullable): how, or %NULL for the defaults
 * @cancellable: (nullable): checked between pages
 * @error: a G_IO_ERROR
 *
 * Writes the pages of racimo_layout_new() as a PDF, with the text as text
 * and the fonts embedded.  The PDF is made in memory and written to a
 * temporary file beside @path, which then replaces @path: @path is never
 * left half-written, and stays as it was on failure.
 *
 * Returns: %TRUE on success
 */
gboolean
racimo_layout_export_pdf (RacimoProject              *project,
                          const char                 *path,
                          const RacimoLayoutOptions  *options,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(RacimoLayout) layout = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;
  const char *title;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = racimo_layout_new (project, options);
  racimo_layout_get_page_size (layout, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, width, height);
  title = racimo_project_get_title (project);
  if (*title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Racimo " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint page = 0; page < layout->n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return FALSE;
        }
      racimo_layout_draw_page (layout, cr, page);
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

  file = g_file_new_for_path (path);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
  return _racimo_replace_contents (file, bytes, NULL, NULL, cancellable, error);
}
