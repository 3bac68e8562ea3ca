/* racimo-pagination-text.c: names, codes and marks shaped for paper
 *
 * Text is shaped once when a pagination is made; drawing only places it.
 * Names in Latin letters are shaped a word at a time, since names repeat
 * their words; the letters of the cells are queued per page and drawn
 * with one call per letter (see racimo-pagination.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-pagination-private.h"

void
_racimo_text_free (gpointer data)
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
void
_racimo_text_wrap (Text   *text,
                   double  width)
{
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  text_measure (text);
}

void
_racimo_text_ellipsize (Text   *text,
                        double  width)
{
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
  text_measure (text);
}

/* The width of its longest word: the narrowest it wraps to. */
double
_racimo_text_get_min_width (Text *text)
{
  g_autoptr(PangoLayout) copy = pango_layout_copy (text->layout);
  PangoRectangle logical;

  pango_layout_set_width (copy, 1);
  pango_layout_set_wrap (copy, PANGO_WRAP_WORD);
  pango_layout_get_extents (copy, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

void
_racimo_text_show (cairo_t    *cr,
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

void
_racimo_pagination_set_source_color (cairo_t    *cr,
                                     const char *spec)
{
  PangoColor color = { 0, 0, 0 };

  pango_color_parse (&color, spec);
  cairo_set_source_rgb (cr, color.red / 65535.0, color.green / 65535.0, color.blue / 65535.0);
}

Text *
_racimo_pagination_add_text (RacimoPagination *self,
                             FontStyle         style,
                             const char       *string,
                             PangoAttrList    *attrs)
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

static void
append_word (RacimoPagination *self,
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
add_words_text (RacimoPagination *self,
                const char       *string)
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
void
_racimo_text_make_layout (RacimoPagination *self,
                          Text             *text)
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
      text = _racimo_pagination_add_text (self, FONT_BODY, name, attrs);
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

      if (!applicable)
        _racimo_pagination_attrs_add (attrs, pango_attr_foreground_new (0x7000, 0x7000, 0x7000), i, i + 1);
      else if (info != NULL)
        _racimo_pagination_attrs_add (attrs, _racimo_pagination_color_attr_new (info->color_light), i, i + 1);
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
    pango_color_parse (&letter->color, info->color_light);

  return letter;
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

        cairo_set_scaled_font (cr, letter->font);
        cairo_set_source_rgb (cr, letter->color.red / 65535.0, letter->color.green / 65535.0,
                              letter->color.blue / 65535.0);
        cairo_show_glyphs (cr, (cairo_glyph_t *) (gpointer) letter->batch->data,
                           (int) letter->batch->len);
        g_array_set_size (letter->batch, 0);
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
        pango_attr_list_insert (attrs, _racimo_pagination_color_attr_new (MARK_COLOR));
      *slot = _racimo_pagination_add_text (self, FONT_BOLD, string, attrs);
    }

  return *slot;
}
