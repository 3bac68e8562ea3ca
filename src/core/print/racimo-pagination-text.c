/* racimo-pagination-text.c: names, codes and marks shaped for paper
 *
 * Text is shaped once when a pagination is made; drawing only places it.
 * Names in Latin letters are shaped a word at a time, since names repeat
 * their words; every text is drawn as the glyph runs Pango would draw,
 * worked out once and drawn in as few calls as keep the page's order; the
 * letters of the cells are queued per page and drawn with one call per
 * letter (see racimo-pagination.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-pagination-private.h"

void
_racimo_text_free (gpointer data)
{
  Text *text = data;

  g_clear_object (&text->layout);
  g_clear_pointer (&text->runs, g_array_unref);
  g_clear_pointer (&text->words, g_array_unref);
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

/* Katakana words
 *
 * Pango breaks Japanese between any two kana or kanji, as UAX #14 allows
 * it, so a role "データサイエンティスト" wrapped in a narrow column can
 * end with a lone "ト" on the next line.  Names and headers keep each word
 * written in katakana whole: a run of katakana (with the long vowel mark
 * "ー", and half-width katakana) breaks only where it starts and ends, at
 * "・", a space, or next to kanji, hiragana or Latin letters.  A word wider
 * than the width it is wrapped to breaks where Pango breaks it: Pango
 * neither breaks nor cuts a run whose breaks are taken away, it runs over
 * the edge of its cell.  Kanji compounds are left to Pango: without a
 * dictionary, one break between two kanji is as good as another; but the
 * last line of a paragraph of several lines is not left with a single
 * letter ("インフラエンジニ" over "ア") where a break before it fits. */

typedef struct
{
  guint    start;  /* bytes of the layout's text */
  guint    end;
  double   width;  /* on one line, as the text is laid out */
  gboolean kept;   /* whole at the last width the text was wrapped to */
  gboolean guard;  /* not a word: a lone last letter and the one before it */
} KanaWord;

static gboolean
is_katakana (gunichar c)
{
  /* Not "゠" (U+30A0) nor "・" (U+30FB): they stand between words */
  return (c >= 0x30a1 && c <= 0x30ff && c != 0x30fb) || (c >= 0x31f0 && c <= 0x31ff)
         || (c >= 0xff66 && c <= 0xff9f);
}

/* The katakana words of @text, of two letters or more, and their widths,
 * while it is laid out on one line a paragraph; an empty array where it
 * has none. */
static void
find_kana_words (Text *text)
{
  const char *string = pango_layout_get_text (text->layout);
  const char *p = string;

  text->words = g_array_new (FALSE, FALSE, sizeof (KanaWord));
  while (*p != '\0')
    {
      const char *start = p;
      guint n = 0;
      KanaWord word = { 0, };
      PangoRectangle first, last;

      for (; *p != '\0' && is_katakana (g_utf8_get_char (p)); p = g_utf8_next_char (p))
        n++;
      if (n == 0)
        p = g_utf8_next_char (p);
      if (n < 2)
        continue;

      word.start = (guint) (start - string);
      word.end = (guint) (p - string);
      pango_layout_index_to_pos (text->layout, (int) word.start, &first);
      pango_layout_index_to_pos (text->layout, (int) (g_utf8_prev_char (p) - string), &last);
      word.width = (double) (last.x + last.width - first.x) / PANGO_SCALE;
      g_array_append_val (text->words, word);
    }
}

static gboolean
is_allow_breaks (PangoAttribute *attr,
                 gpointer        data)
{
  return attr->klass->type == PANGO_ATTR_ALLOW_BREAKS;
}

/* The attributes of @layout but the words kept whole */
static PangoAttrList *
attrs_without_kept_words (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));

  if (attrs != NULL)
    {
      PangoAttrList *removed = pango_attr_list_filter (attrs, is_allow_breaks, NULL);

      g_clear_pointer (&removed, pango_attr_list_unref);
    }

  return attrs;
}

static void
set_kept_words (Text *text)
{
  g_autoptr(PangoAttrList) attrs = attrs_without_kept_words (text->layout);

  if (attrs == NULL)
    attrs = pango_attr_list_new ();
  for (guint i = 0; i < text->words->len; i++)
    {
      const KanaWord *word = &g_array_index (text->words, KanaWord, i);

      if (word->kept)
        _racimo_pagination_attrs_add (attrs, pango_attr_allow_breaks_new (FALSE), word->start,
                                      word->end);
    }
  pango_layout_set_attributes (text->layout, attrs);
}

/* A word that fits alone may still not fit with what may not be parted
 * from it ("（インフラストラクチャー）"), nor two letters kept together:
 * what is kept together in a line wider than @width breaks again, until no
 * line is. */
static void
break_overflowing_words (Text   *text,
                         double  width)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (GSList *l = pango_layout_get_lines_readonly (text->layout); l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          PangoRectangle logical;

          pango_layout_line_get_extents (line, NULL, &logical);
          if ((double) logical.width / PANGO_SCALE <= width)
            continue;
          for (guint i = 0; i < text->words->len; i++)
            {
              KanaWord *word = &g_array_index (text->words, KanaWord, i);

              if (word->kept && word->start < (guint) (line->start_index + line->length)
                  && word->end > (guint) line->start_index)
                {
                  word->kept = FALSE;
                  changed = TRUE;
                }
            }
        }
      if (changed)
        set_kept_words (text);
    }
}

/* Keeps the letter alone on the last line of a paragraph of several lines
 * together with the one before it.  Returns whether there was one. */
static gboolean
guard_lone_letters (Text *text)
{
  const char *string = pango_layout_get_text (text->layout);
  gboolean guarded = FALSE;

  for (GSList *l = pango_layout_get_lines_readonly (text->layout); l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      const PangoLayoutLine *next = l->next != NULL ? l->next->data : NULL;
      const char *start = string + line->start_index;
      const char *end = start + line->length;
      KanaWord guard = { 0, };

      if (line->is_paragraph_start || (next != NULL && !next->is_paragraph_start))
        continue;
      while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
      if (end == start || g_utf8_next_char (start) != end)
        continue;

      guard.start = (guint) (g_utf8_prev_char (start) - string);
      guard.end = (guint) (end - string);
      guard.kept = guard.guard = TRUE;
      g_array_append_val (text->words, guard);
      guarded = TRUE;
    }

  return guarded;
}

/* Keeps the katakana words of @text whole in lines @width wide, those
 * that fit it, and no letter alone on a last line. */
static void
keep_kana_words (Text   *text,
                 double  width)
{
  if (text->words == NULL)
    return;

  for (guint i = text->words->len; i > 0; i--)
    {
      KanaWord *word = &g_array_index (text->words, KanaWord, i - 1);

      if (word->guard)
        g_array_remove_index (text->words, i - 1);
      else
        word->kept = word->width <= width;
    }
  set_kept_words (text);
  break_overflowing_words (text, width);
  if (guard_lone_letters (text))
    {
      set_kept_words (text);
      break_overflowing_words (text, width);
    }
}

/* Breaks lines at @width; a word longer than that breaks between letters. */
void
_racimo_text_wrap (Text   *text,
                   double  width)
{
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  keep_kana_words (text, width);
  g_clear_pointer (&text->runs, g_array_unref);
  text_measure (text);
}

void
_racimo_text_ellipsize (Text   *text,
                        double  width)
{
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
  keep_kana_words (text, width);
  g_clear_pointer (&text->runs, g_array_unref);
  text_measure (text);
}

/* The width of its longest word: the narrowest it wraps to.  A katakana
 * word too wide for a width breaks there (see keep_kana_words ()): it
 * counts for no more than its letters. */
double
_racimo_text_get_min_width (Text *text)
{
  g_autoptr(PangoLayout) copy = pango_layout_copy (text->layout);
  PangoRectangle logical;

  if (text->words != NULL)
    {
      g_autoptr(PangoAttrList) attrs = attrs_without_kept_words (copy);

      pango_layout_set_attributes (copy, attrs);
    }
  pango_layout_set_width (copy, 1);
  pango_layout_set_wrap (copy, PANGO_WRAP_WORD);
  pango_layout_get_extents (copy, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* Glyph runs
 *
 * What Pango would hand cairo to draw a text, worked out once: each run's
 * font, colour, glyphs and clusters, with the positions that
 * pango_cairo_show_layout () would give them.  Drawing a text then only
 * adds its runs to the batch of the page, and one cairo_show_text_glyphs ()
 * draws as many runs in a row as share a font and a colour: a PDF surface
 * pays for every call when it writes the page, more than for the glyphs.
 * Runs are drawn in the order they come, so the PDF's text stays in the
 * order of the page. */

static void
text_run_clear (gpointer data)
{
  TextRun *run = data;

  g_clear_pointer (&run->font, cairo_scaled_font_destroy);
  g_free (run->glyphs);
  g_free (run->clusters);
}

/* As pango_cairo_show_glyph_item () would draw @glyph_item at @x, @y
 * (Pango units from the text's origin).  FALSE for what a plain run of
 * glyphs cannot show: right-to-left text, unknown glyphs (Pango draws
 * boxes), a font cairo cannot use. */
static gboolean
text_run_init (TextRun          *run,
               const char       *text,
               PangoGlyphItem   *glyph_item,
               int               x,
               int               y,
               const PangoColor *color)
{
  PangoGlyphString *glyphs = glyph_item->glyphs;
  PangoItem *item = glyph_item->item;
  cairo_scaled_font_t *font;
  PangoGlyphItemIter iter;
  int x_position = 0;

  if (text == NULL || item->analysis.level % 2 != 0 || !PANGO_IS_CAIRO_FONT (item->analysis.font))
    return FALSE;
  font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (item->analysis.font));
  if (font == NULL || cairo_scaled_font_status (font) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
      return FALSE;

  run->font = cairo_scaled_font_reference (font);
  run->has_color = color != NULL;
  if (color != NULL)
    {
      run->red = color->red / 65535.;
      run->green = color->green / 65535.;
      run->blue = color->blue / 65535.;
    }
  run->x = (double) x / PANGO_SCALE;
  run->y = (double) y / PANGO_SCALE;
  run->text = text + item->offset;
  run->text_len = item->length;

  run->glyphs = g_new (cairo_glyph_t, glyphs->num_glyphs);
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];

      if (info->glyph != PANGO_GLYPH_EMPTY)
        {
          cairo_glyph_t *glyph = &run->glyphs[run->n_glyphs++];

          glyph->index = info->glyph;
          glyph->x = (double) (x_position + info->geometry.x_offset) / PANGO_SCALE;
          glyph->y = (double) info->geometry.y_offset / PANGO_SCALE;
        }
      x_position += info->geometry.width;
    }

  run->clusters = g_new (cairo_text_cluster_t, MAX (glyphs->num_glyphs, 1));
  if (pango_glyph_item_iter_init_start (&iter, glyph_item, text))
    do
      {
        cairo_text_cluster_t *cluster = &run->clusters[run->n_clusters++];

        cluster->num_bytes = iter.end_index - iter.start_index;
        cluster->num_glyphs = iter.end_glyph - iter.start_glyph;
        for (int i = iter.start_glyph; i < iter.end_glyph; i++)
          if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
            cluster->num_glyphs--;
      }
    while (pango_glyph_item_iter_next_cluster (&iter));

  return TRUE;
}

/* A PangoRenderer that draws nothing: it keeps the glyph items that
 * pango_renderer_draw_layout () hands it, as runs.  Whatever else a
 * layout asks for (underlines, strikethrough, shapes, backgrounds) it
 * cannot keep, and says so. */
typedef struct
{
  PangoRenderer  parent_instance;
  GArray        *runs;
  gboolean       failed;
} RunCollector;

typedef struct
{
  PangoRendererClass parent_class;
} RunCollectorClass;

static GType run_collector_get_type (void);
G_DEFINE_TYPE (RunCollector, run_collector, PANGO_TYPE_RENDERER)

static void
run_collector_draw_glyph_item (PangoRenderer  *renderer,
                               const char     *text,
                               PangoGlyphItem *glyph_item,
                               int             x,
                               int             y)
{
  RunCollector *self = (RunCollector *) renderer;
  TextRun run = { 0, };

  if (self->failed || pango_renderer_get_alpha (renderer, PANGO_RENDER_PART_FOREGROUND) != 0
      || !text_run_init (&run, text, glyph_item, x, y,
                         pango_renderer_get_color (renderer, PANGO_RENDER_PART_FOREGROUND)))
    {
      text_run_clear (&run);
      self->failed = TRUE;
      return;
    }
  g_array_append_val (self->runs, run);
}

static void
run_collector_draw_glyphs (PangoRenderer    *renderer,
                           PangoFont        *font,
                           PangoGlyphString *glyphs,
                           int               x,
                           int               y)
{
  ((RunCollector *) renderer)->failed = TRUE;
}

static void
run_collector_draw_rectangle (PangoRenderer   *renderer,
                              PangoRenderPart  part,
                              int              x,
                              int              y,
                              int              width,
                              int              height)
{
  ((RunCollector *) renderer)->failed = TRUE;
}

static void
run_collector_draw_error_underline (PangoRenderer *renderer,
                                    int            x,
                                    int            y,
                                    int            width,
                                    int            height)
{
  ((RunCollector *) renderer)->failed = TRUE;
}

static void
run_collector_draw_shape (PangoRenderer  *renderer,
                          PangoAttrShape *attr,
                          int             x,
                          int             y)
{
  ((RunCollector *) renderer)->failed = TRUE;
}

static void
run_collector_class_init (RunCollectorClass *klass)
{
  PangoRendererClass *renderer_class = PANGO_RENDERER_CLASS (klass);

  renderer_class->draw_glyph_item = run_collector_draw_glyph_item;
  renderer_class->draw_glyphs = run_collector_draw_glyphs;
  renderer_class->draw_rectangle = run_collector_draw_rectangle;
  renderer_class->draw_error_underline = run_collector_draw_error_underline;
  renderer_class->draw_shape = run_collector_draw_shape;
}

static void
run_collector_init (RunCollector *self)
{
}

/* The runs of a layout, or NULL when it must be drawn by Pango itself. */
static GArray *
collect_runs (PangoLayout *layout)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (TextRun));
  RunCollector *collector = g_object_new (run_collector_get_type (), NULL);
  gboolean failed;

  g_array_set_clear_func (runs, text_run_clear);
  collector->runs = runs;
  pango_renderer_draw_layout (PANGO_RENDERER (collector), layout, 0, 0);
  failed = collector->failed;
  g_object_unref (collector);

  return failed ? NULL : g_steal_pointer (&runs);
}

static void
flush_runs (RacimoPagination *self,
            cairo_t          *cr)
{
  if (self->batch_glyphs->len == 0)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, self->batch_red, self->batch_green, self->batch_blue);
  cairo_set_scaled_font (cr, self->batch_font);
  cairo_show_text_glyphs (cr, self->batch_text->str, (int) self->batch_text->len,
                          (cairo_glyph_t *) (gpointer) self->batch_glyphs->data,
                          (int) self->batch_glyphs->len,
                          (cairo_text_cluster_t *) (gpointer) self->batch_clusters->data,
                          (int) self->batch_clusters->len, 0);
  cairo_restore (cr);

  g_array_set_size (self->batch_glyphs, 0);
  g_array_set_size (self->batch_clusters, 0);
  g_string_truncate (self->batch_text, 0);
}

/**
 * _racimo_pagination_flush_text:
 *
 * Draws the runs that _racimo_pagination_show_text () has kept back.  Call
 * it before drawing anything that may cover them, and at the end.
 */
void
_racimo_pagination_flush_text (RacimoPagination *self,
                               cairo_t          *cr)
{
  flush_runs (self, cr);
}

/**
 * _racimo_pagination_show_text:
 * @x: (in user space): the text's top left corner
 *
 * Draws @text as _racimo_text_show () would, in the colour of the current
 * source where its attributes set none; the last runs may be kept back to
 * be drawn with the next (see _racimo_pagination_flush_text ()).
 */
void
_racimo_pagination_show_text (RacimoPagination *self,
                              cairo_t          *cr,
                              Text             *text,
                              double            x,
                              double            y)
{
  double red, green, blue, alpha, origin_x, origin_y;

  if (text->runs == NULL && text->layout != NULL && !text->unbatched)
    {
      text->runs = collect_runs (text->layout);
      text->unbatched = text->runs == NULL;
    }
  if (text->runs == NULL
      || cairo_pattern_get_rgba (cairo_get_source (cr), &red, &green, &blue, &alpha)
         != CAIRO_STATUS_SUCCESS
      || alpha != 1.0)
    {
      flush_runs (self, cr);
      _racimo_text_show (cr, text, x, y);
      return;
    }

  /* From the current point, which cairo keeps in fixed point, as Pango
   * does. */
  cairo_move_to (cr, x, y + (text->layout == NULL ? text->baseline : 0.0));
  cairo_get_current_point (cr, &origin_x, &origin_y);

  for (guint i = 0; i < text->runs->len; i++)
    {
      const TextRun *run = &g_array_index (text->runs, TextRun, i);
      double run_red = run->has_color ? run->red : red;
      double run_green = run->has_color ? run->green : green;
      double run_blue = run->has_color ? run->blue : blue;
      double base_x = origin_x + run->x;
      double base_y = origin_y + run->y;
      guint n = self->batch_glyphs->len;

      if (n > 0 && (run->font != self->batch_font || run_red != self->batch_red
                    || run_green != self->batch_green || run_blue != self->batch_blue))
        {
          flush_runs (self, cr);
          n = 0;
        }
      self->batch_font = run->font;
      self->batch_red = run_red;
      self->batch_green = run_green;
      self->batch_blue = run_blue;

      g_array_set_size (self->batch_glyphs, n + run->n_glyphs);
      for (int g = 0; g < run->n_glyphs; g++)
        {
          cairo_glyph_t *glyph = &g_array_index (self->batch_glyphs, cairo_glyph_t, n + g);

          glyph->index = run->glyphs[g].index;
          glyph->x = base_x + run->glyphs[g].x;
          glyph->y = run->glyphs[g].y == 0.0 ? base_y : base_y + run->glyphs[g].y;
        }
      g_array_append_vals (self->batch_clusters, run->clusters, run->n_clusters);
      g_string_append_len (self->batch_text, run->text, run->text_len);
    }
}

void
_racimo_text_show (cairo_t    *cr,
                   const Text *text,
                   double      x,
                   double      y)
{
  g_return_if_fail (text->layout != NULL);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text->layout);
}

void
_racimo_pagination_attrs_add (PangoAttrList  *attrs,
                              PangoAttribute *attr,
                              gsize           start,
                              gsize           end)
{
  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

PangoAttribute *
_racimo_pagination_color_attr_new (const char *spec)
{
  PangoColor color = { 0, 0, 0 };

  pango_color_parse (&color, spec);

  return pango_attr_foreground_new (color.red, color.green, color.blue);
}

/* The colour to print @spec in: itself, or black when the options ask
 * for black and white, which a copier or a laser printer gives as it is. */
const char *
_racimo_pagination_ink (RacimoPagination *self,
                        const char       *spec)
{
  return self->options->mono ? "#000000" : spec;
}

void
_racimo_pagination_set_source_color (cairo_t    *cr,
                                     const char *spec)
{
  PangoColor color = { 0, 0, 0 };

  pango_color_parse (&color, spec);
  cairo_set_source_rgb (cr, color.red / 65535.0, color.green / 65535.0, color.blue / 65535.0);
}

/* The page's language
 *
 * A project names no language of its own (docs/file-format.md has none:
 * an xml:lang on its elements is foreign content), so a page is in the
 * language its own strings are printed in: that of the translation
 * gettext actually found, and English, the language of the source
 * strings, where none was found.  That is not the user's locale: in a
 * German locale without a German translation, the page is English. */

/* The language of a catalog from its header (the translation of ""), as
 * a language tag: "ja", "pt-br"; "en" for no catalog. */
char *
_racimo_pagination_language_of_catalog (const char *header)
{
  const char *line = header != NULL ? strstr (header, "Language:") : NULL;
  g_autofree char *tag = NULL;

  /* At the start of a line: not "X-Language:" */
  while (line != NULL && line != header && line[-1] != '\n')
    line = strstr (line + 1, "Language:");
  if (line == NULL)
    return g_strdup ("en");

  line += strlen ("Language:");
  tag = g_strstrip (g_strndup (line, strcspn (line, "\n")));
  if (*tag == '\0')
    return g_strdup ("en");

  return g_strdup (pango_language_to_string (pango_language_from_string (tag)));
}

/* The language the strings of a page are printed in: "en" or the
 * translation's, the same whatever the thread. */
const char *
_racimo_pagination_get_language (void)
{
  static char *language;

  if (g_once_init_enter (&language))
    g_once_init_leave (&language, _racimo_pagination_language_of_catalog (
                                            g_dgettext (GETTEXT_PACKAGE, "")));

  return language;
}

/* "ja" of "ja_JP.UTF-8" or "ja-jp"; the C locale's names are English. */
static gboolean
same_language (const char *a,
               const char *b)
{
  gsize length_a = strcspn (a, "_-.@");
  gsize length_b = strcspn (b, "_-.@");

  return length_a == length_b && g_ascii_strncasecmp (a, b, length_a) == 0;
}

static gboolean
format_has_names (const char *format)
{
  for (const char *p = strchr (format, '%'); p != NULL; p = strchr (p + 1, '%'))
    {
      p++;
      /* Flags and widths of g_date_time_format () */
      while (*p != '\0' && strchr ("-_0:O1234567890", *p) != NULL)
        p++;
      if (*p == '\0')
        break;
      if (strchr ("aAbBhcpPxXr", *p) != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * _racimo_pagination_format_date:
 * @format: g_date_time_format ()'s notation, as the page's translation
 *   gives it
 * @page_language: what _racimo_pagination_get_language () says
 * @time_language: the locale of LC_TIME, as setlocale () names it
 *
 * @date in the page's language.  g_date_time_format () names months and
 * days in the language of LC_TIME, which is not always the page's ("7
 * Dezember 2026" on an English page in a German locale): a format that
 * names them is used as it is only where the two languages are the same;
 * an English page takes the names of the C locale, which are English;
 * any other page gets its date in numbers, as ISO 8601 writes them.
 */
char *
_racimo_pagination_format_date (GDateTime  *date,
                                const char *format,
                                const char *page_language,
                                const char *time_language)
{
  locale_t c_time, previous;
  char *string;

  if (!format_has_names (format)
      || same_language (page_language, g_str_equal (time_language, "C")
                                       || g_str_equal (time_language, "POSIX")
                                       || g_str_has_prefix (time_language, "C.")
                                       ? "en" : time_language))
    return g_date_time_format (date, format);

  if (!same_language (page_language, "en"))
    return g_date_time_format (date, "%Y-%m-%d");

  c_time = newlocale (LC_TIME_MASK, "C", (locale_t) 0);
  if (c_time == (locale_t) 0)
    return g_date_time_format (date, "%Y-%m-%d");
  previous = uselocale (c_time);
  string = g_date_time_format (date, format);
  uselocale (previous);
  freelocale (c_time);

  return string;
}

/* Points as units, and no hinting: the same metrics on paper, in the
 * PDF and on a printer whatever its resolution; text in the page's
 * language, which Pango shapes and breaks by (Japanese glyph forms of
 * kanji, a Japanese font for them before a Chinese one). */
PangoContext *
_racimo_pagination_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  pango_context_set_language (context,
                              pango_language_from_string (_racimo_pagination_get_language ()));

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/* Kana are Japanese: a name written with them is, whatever the page's
 * language (a Japanese project printed by an English Racimo). */
static gboolean
has_kana (const char *string)
{
  for (const char *p = string; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)
          || (c >= 0xff66 && c <= 0xff9f))
        return TRUE;
    }

  return FALSE;
}

static Text *
add_text (RacimoPagination *self,
          FontStyle         style,
          const char       *string,
          PangoAttrList    *attrs,
          gboolean          name)
{
  static PangoLanguage *japanese;
  Text *text = g_new0 (Text, 1);
  gboolean kana = has_kana (string);

  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[style]);
  pango_layout_set_text (text->layout, string, -1);
  if (japanese == NULL)
    japanese = pango_language_from_string ("ja");
  if (pango_context_get_language (self->context) != japanese && kana)
    {
      /* Pango shapes (the Japanese forms of a pan-CJK font) and breaks
       * it as Japanese; what @attrs say of the language comes after */
      g_autoptr(PangoAttrList) own = attrs != NULL ? pango_attr_list_copy (attrs)
                                                   : pango_attr_list_new ();

      pango_attr_list_insert_before (own, pango_attr_language_new (japanese));
      pango_layout_set_attributes (text->layout, own);
    }
  else if (attrs != NULL)
    pango_layout_set_attributes (text->layout, attrs);
  text_measure (text);
  if (name && kana)
    find_kana_words (text);
  g_ptr_array_add (self->texts, text);

  return text;
}

Text *
_racimo_pagination_add_text (RacimoPagination *self,
                             FontStyle         style,
                             const char       *string,
                             PangoAttrList    *attrs)
{
  return add_text (self, style, string, attrs, FALSE);
}

/* A name or a header: as _racimo_pagination_add_text (), its katakana
 * words kept whole where it wraps (see keep_kana_words ()). */
Text *
_racimo_pagination_add_name_text (RacimoPagination *self,
                                  FontStyle         style,
                                  const char       *string,
                                  PangoAttrList    *attrs)
{
  return add_text (self, style, string, attrs, TRUE);
}

/* Names in Latin letters, shaped a word at a time: names repeat their
 * words ("Review the", "pipeline") far more than whole names repeat, and
 * shaping is most of the time it takes to lay out a large project.  Glyphs
 * do not interact across a space in Latin text, so the result is the same
 * as shaping the whole name; anything else (another script, a letter the
 * first font lacks) goes through a PangoLayout. */
static gboolean
can_shape_words (RacimoPagination *self,
                 const char       *string)
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

static gboolean digits_apart (RacimoPagination *self);

static gboolean
is_number (const char *word)
{
  if (word[0] == '\0' || word[1] == '\0')
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static PangoGlyphString *
shape_word (RacimoPagination *self,
            const char       *string,
            gsize             start,
            gsize             end)
{
  char buffer[64];
  g_autofree char *copy = NULL;
  char *word = buffer;
  PangoGlyphString *shaped;

  if (end - start >= sizeof buffer)
    word = copy = g_malloc (end - start + 1);
  memcpy (word, string + start, end - start);
  word[end - start] = '\0';

  shaped = g_hash_table_lookup (self->word_cache, word);
  if (shaped != NULL)
    return shaped;

  shaped = pango_glyph_string_new ();
  if (is_number (word) && digits_apart (self))
    {
      /* Its digits one after the other (see digits_apart ()) */
      pango_glyph_string_set_size (shaped, (int) (end - start));
      for (gsize i = 0; i < end - start; i++)
        {
          const PangoGlyphString *digit = shape_word (self, "0123456789", word[i] - '0',
                                                      word[i] - '0' + 1);

          shaped->glyphs[i] = digit->glyphs[0];
          shaped->log_clusters[i] = (int) i;
        }
    }
  else
    pango_shape_with_flags (word, (int) (end - start), word, (int) (end - start),
                            &self->word_analysis, shaped, PANGO_SHAPE_NONE);
  g_hash_table_insert (self->word_cache, g_strdup (word), shaped);

  return shaped;
}

/* Names repeat their words, but not their numbers ("step 1234"): a number
 * is put together from its digits shaped alone where the font shapes
 * every pair of digits as the two digits alone, a glyph each, with no
 * kerning or ligature between them, which is what Pango would make of
 * the number. */
static gboolean
digits_apart (RacimoPagination *self)
{
  if (self->digits_apart == 0)
    {
      char pairs[201];
      PangoGlyphString *whole = pango_glyph_string_new ();
      gboolean apart;

      /* "00010203...9899": every pair of digits, side by side */
      for (guint i = 0; i < 100; i++)
        {
          pairs[2 * i] = (char) ('0' + i / 10);
          pairs[2 * i + 1] = (char) ('0' + i % 10);
        }
      pairs[200] = '\0';
      pango_shape_with_flags (pairs, 200, pairs, 200, &self->word_analysis, whole,
                              PANGO_SHAPE_NONE);
      apart = whole->num_glyphs == 200;
      for (int i = 0; apart && i < 200; i++)
        {
          const PangoGlyphString *digit = shape_word (self, "0123456789", pairs[i] - '0',
                                                      pairs[i] - '0' + 1);

          apart = digit->num_glyphs == 1 && whole->log_clusters[i] == i
                  && digit->glyphs[0].glyph == whole->glyphs[i].glyph
                  && digit->glyphs[0].geometry.width == whole->glyphs[i].geometry.width
                  && digit->glyphs[0].geometry.x_offset == whole->glyphs[i].geometry.x_offset
                  && digit->glyphs[0].geometry.y_offset == whole->glyphs[i].geometry.y_offset;
        }
      pango_glyph_string_free (whole);
      self->digits_apart = apart ? 1 : 2;
    }

  return self->digits_apart == 1;
}

static void
add_word (RacimoPagination *self,
          const char       *string,
          gsize             start,
          gsize             end)
{
  Word word;

  /* Between two spaces, or after a trailing one: nothing to shape, and
   * Pango warns when asked to. */
  if (start == end)
    return;

  word.glyphs = shape_word (self, string, start, end);
  word.start = start;
  g_array_append_val (self->words, word);
}

static Text *
add_words_text (RacimoPagination *self,
                const char       *string)
{
  Text *text = g_new0 (Text, 1);
  TextRun *run;
  gsize start = 0, end;
  gsize cluster_start = 0;
  int x_position = 0, n = 0;

  g_array_set_size (self->words, 0);
  for (end = 0; string[end] != '\0'; end++)
    if (string[end] == ' ')
      {
        add_word (self, string, start, end);
        add_word (self, string, end, end + 1);
        start = end + 1;
      }
  add_word (self, string, start, end);

  text->string = g_strdup (string);
  text->height = self->word_height;
  text->baseline = self->word_baseline;
  g_ptr_array_add (self->texts, text);

  text->runs = g_array_sized_new (FALSE, TRUE, sizeof (TextRun), 1);
  g_array_set_clear_func (text->runs, text_run_clear);
  g_array_set_size (text->runs, 1);
  run = &g_array_index (text->runs, TextRun, 0);
  run->font = cairo_scaled_font_reference (
    pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (self->word_analysis.font)));
  run->text = text->string;
  run->text_len = (int) end;

  /* The words' glyphs one after the other, and their clusters, as
   * text_run_init () makes them of a line shaped whole. */
  for (guint i = 0; i < self->words->len; i++)
    n += g_array_index (self->words, Word, i).glyphs->num_glyphs;
  run->glyphs = g_new (cairo_glyph_t, MAX (n, 1));
  run->clusters = g_new (cairo_text_cluster_t, MAX (n, 1));
  for (guint i = 0; i < self->words->len; i++)
    {
      const Word *word = &g_array_index (self->words, Word, i);

      for (int g = 0; g < word->glyphs->num_glyphs; g++)
        {
          const PangoGlyphInfo *info = &word->glyphs->glyphs[g];
          gsize cluster = word->start + (gsize) word->glyphs->log_clusters[g];

          /* can_shape_words () lets in only what the font covers */
          if (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            {
              _racimo_text_make_layout (self, text);
              return text;
            }
          if (run->n_clusters == 0 || cluster != cluster_start)
            {
              if (run->n_clusters > 0)
                run->clusters[run->n_clusters - 1].num_bytes = (int) (cluster - cluster_start);
              run->clusters[run->n_clusters++] = (cairo_text_cluster_t) { 0, 0 };
              cluster_start = cluster;
            }
          if (info->glyph != PANGO_GLYPH_EMPTY)
            {
              run->glyphs[run->n_glyphs++] = (cairo_glyph_t) {
                info->glyph,
                (double) (x_position + info->geometry.x_offset) / PANGO_SCALE,
                (double) info->geometry.y_offset / PANGO_SCALE,
              };
              run->clusters[run->n_clusters - 1].num_glyphs++;
            }
          x_position += info->geometry.width;
        }
    }
  if (run->n_clusters > 0)
    run->clusters[run->n_clusters - 1].num_bytes = (int) (end - cluster_start);
  text->width = (double) x_position / PANGO_SCALE;

  return text;
}

/* A line shaped a word at a time made into a layout, to wrap it. */
void
_racimo_text_make_layout (RacimoPagination *self,
                          Text             *text)
{
  if (text->layout != NULL)
    return;

  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[FONT_BODY]);
  pango_layout_set_text (text->layout, text->string, -1);
  g_clear_pointer (&text->runs, g_array_unref);
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
Text *
_racimo_pagination_get_name_text (RacimoPagination *self,
                                  const char       *name,
                                  gboolean          applicable)
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
      text = _racimo_pagination_add_name_text (self, FONT_BODY, name, attrs);
    }
  g_hash_table_insert (self->name_cache, g_steal_pointer (&key), text);

  return text;
}

/* The letters of a cell, each in its code's colour. */
Text *
_racimo_pagination_get_code_text (RacimoPagination *self,
                                  RacimoCodes       codes,
                                  gboolean          applicable)
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
      const char *ink = info != NULL ? _racimo_pagination_ink (self, info->color_light) : NULL;

      if (!applicable)
        _racimo_pagination_attrs_add (attrs, pango_attr_foreground_new (0x7000, 0x7000, 0x7000), i, i + 1);
      else if (info != NULL)
        _racimo_pagination_attrs_add (attrs, _racimo_pagination_color_attr_new (ink), i, i + 1);
    }

  text = _racimo_pagination_add_text (self, FONT_BOLD, letters, attrs);
  g_hash_table_insert (self->code_cache, GUINT_TO_POINTER (key), text);

  return text;
}

static Letter *
get_letter (RacimoPagination *self,
            char              c,
            gboolean          applicable)
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
    pango_color_parse (&letter->color, _racimo_pagination_ink (self, info->color_light));

  return letter;
}

/* The letters of a set of codes in their order, and their width: looked
 * up once per set rather than once per cell. */
G_ALWAYS_INLINE static inline const Cell *
get_cell (RacimoPagination *self,
          RacimoCodes       codes,
          gboolean          applicable)
{
  guint key = codes | (applicable ? 0 : NOT_APPLICABLE_BIT);
  Cell *cell = g_hash_table_lookup (self->cell_cache, GUINT_TO_POINTER (key));
  char order[27];

  if (cell != NULL)
    return cell;

  cell = g_new0 (Cell, 1);
  cell->n = racimo_scheme_order_codes (self->scheme, codes, order);
  for (guint i = 0; i < cell->n; i++)
    {
      cell->letters[i] = get_letter (self, order[i], applicable);
      cell->width += cell->letters[i]->advance;
    }
  g_hash_table_insert (self->cell_cache, GUINT_TO_POINTER (key), cell);

  return cell;
}

/* The letters of a cell in @glyphs, centred between @x and @x + @width;
 * inlined with get_cell (), as they were in _racimo_pagination_queue_codes
 * (), which the large project calls for each of its 28,000 cells that
 * hold codes. */
G_ALWAYS_INLINE static inline const Cell *
place_cell (RacimoPagination *self,
            RacimoCodes       codes,
            gboolean          applicable,
            double            x,
            double            width,
            double            baseline,
            cairo_glyph_t    *glyphs)
{
  const Cell *cell = get_cell (self, codes, applicable);

  x += (width - cell->width) / 2;
  for (guint i = 0; i < cell->n; i++)
    {
      glyphs[i] = (cairo_glyph_t) { cell->letters[i]->glyph, x, baseline };
      x += cell->letters[i]->advance;
    }

  return cell;
}

/* Queues the letters of a cell, centred between @x and @x + @width. */
void
_racimo_pagination_queue_codes (RacimoPagination *self,
                                RacimoCodes       codes,
                                gboolean          applicable,
                                double            x,
                                double            width,
                                double            baseline)
{
  cairo_glyph_t glyphs[26];
  const Cell *cell = place_cell (self, codes, applicable, x, width, baseline, glyphs);

  for (guint i = 0; i < cell->n; i++)
    g_array_append_val (cell->letters[i]->batch, glyphs[i]);
}

/* @n glyphs in the font and colour of @letter */
static void
show_letters (cairo_t             *cr,
              const Letter        *letter,
              const cairo_glyph_t *glyphs,
              guint                n)
{
  cairo_set_scaled_font (cr, letter->font);
  cairo_set_source_rgb (cr, letter->color.red / 65535.0, letter->color.green / 65535.0,
                        letter->color.blue / 65535.0);
  cairo_show_glyphs (cr, glyphs, (int) n);
}

void
_racimo_pagination_show_queued_codes (RacimoPagination *self,
                                      cairo_t          *cr)
{
  for (guint i = 0; i < 2; i++)
    for (guint c = 0; c < 26; c++)
      {
        Letter *letter = &self->letters[i][c];

        if (letter->batch == NULL || letter->batch->len == 0)
          continue;

        show_letters (cr, letter, (cairo_glyph_t *) (gpointer) letter->batch->data,
                      letter->batch->len);
        g_array_set_size (letter->batch, 0);
      }
}

/**
 * _racimo_pagination_show_codes:
 *
 * Draws the letters of a cell now, where _racimo_pagination_queue_codes ()
 * would place them, in their order: for a cell that is an element of the
 * structure, whose text must be drawn inside it.  Letters in a row of the
 * same font and colour go out in one call.
 */
void
_racimo_pagination_show_codes (RacimoPagination *self,
                               cairo_t          *cr,
                               RacimoCodes       codes,
                               gboolean          applicable,
                               double            x,
                               double            width,
                               double            baseline)
{
  cairo_glyph_t glyphs[26];
  const Cell *cell = place_cell (self, codes, applicable, x, width, baseline, glyphs);
  guint start = 0;

  for (guint i = 0; i < cell->n; i++)
    {
      const Letter *letter = cell->letters[i];
      const Letter *next = i + 1 < cell->n ? cell->letters[i + 1] : NULL;

      if (next == NULL || next->font != letter->font || next->color.red != letter->color.red
          || next->color.green != letter->color.green || next->color.blue != letter->color.blue)
        {
          show_letters (cr, letter, glyphs + start, i + 1 - start);
          start = i + 1;
        }
    }
}

Text *
_racimo_pagination_get_mark_text (RacimoPagination *self,
                                  Mark              mark,
                                  gboolean          waived)
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
        pango_attr_list_insert (attrs, _racimo_pagination_color_attr_new (
                                         _racimo_pagination_ink (self, MARK_COLOR)));
      *slot = _racimo_pagination_add_text (self, FONT_BOLD, string, attrs);
    }

  return *slot;
}
