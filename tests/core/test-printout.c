/* test-printout.c: the printout's language, and the PDF as a reader takes
 * it: tagged, its text in reading order
 *
 * The PDF is made by the racimo program, as a user makes it, and read back
 * with poppler's pdfinfo and pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <cairo-pdf.h>

#include "racimo-file.h"
#include "racimo-large-project.h"
#include "racimo-pagination-private.h"
#include "racimo-test.h"
#include "racimo-test-pdf.h"

static void
assert_catalog_language (const char *header,
                         const char *expected)
{
  g_autofree char *language = _racimo_pagination_language_of_catalog (header);

  g_assert_cmpstr (language, ==, expected);
}

/* The page's language is the translation's, from its catalog's header. */
static void
test_catalog_language (void)
{
  assert_catalog_language (NULL, "en");
  assert_catalog_language ("", "en");
  assert_catalog_language ("Project-Id-Version: racimo\nLanguage: ja\nMIME-Version: 1.0\n", "ja");
  assert_catalog_language ("Language: pt_BR\n", "pt-br");
  assert_catalog_language ("Project-Id-Version: racimo\nLanguage: \n", "en");
  assert_catalog_language ("X-Language: fr\n", "en");
  assert_catalog_language ("X-Language: fr\nLanguage-Team: Japanese\nLanguage: ja\n", "ja");

  /* The tests run untranslated: the page is English, whatever the locale. */
  g_assert_cmpstr (_racimo_pagination_get_language (), ==, "en");
}

static void
assert_date (const char *format,
             const char *page_language,
             const char *time_language,
             const char *expected)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 7, 10, 0, 0);
  g_autofree char *string = _racimo_pagination_format_date (date, format, page_language,
                                                            time_language);

  g_assert_cmpstr (string, ==, expected);
}

/* The date follows the language of the page, not LC_TIME's. */
static void
test_date_language (void)
{
  /* An English page in a German locale: English names, not "Dezember" */
  assert_date ("%-d %B %Y", "en", "de_DE.UTF-8", "7 December 2026");
  assert_date ("%-d %B %Y", "en", "de", "7 December 2026");
  /* The tests' own locale, C, names months in English: the same language */
  assert_date ("%-d %B %Y", "en", "C.UTF-8", "7 December 2026");
  assert_date ("%-d %b %Y", "en", "POSIX", "7 Dec 2026");
  /* A format in numbers says the same in every language */
  assert_date ("%Y年%-m月%-d日", "ja", "de_DE.UTF-8", "2026年12月7日");
  /* Names in a third language: numbers, ISO 8601 */
  assert_date ("%-d %B %Y", "fr", "de_DE.UTF-8", "2026-12-07");
  assert_date ("%A %-d", "pt-br", "en_US.UTF-8", "2026-12-07");
}

/* The language the attributes of @text's layout give all of it; NULL
 * for none. */
static void
assert_language (Text       *text,
                 const char *expected)
{
  PangoAttrList *attrs = pango_layout_get_attributes (text->layout);
  g_autoptr(PangoAttrIterator) iter = NULL;
  PangoAttrLanguage *language;

  if (attrs == NULL)
    {
      g_assert_null (expected);
      return;
    }
  iter = pango_attr_list_get_iterator (attrs);
  language = (PangoAttrLanguage *) pango_attr_iterator_get (iter, PANGO_ATTR_LANGUAGE);
  if (expected == NULL)
    g_assert_null (language);
  else
    {
      g_assert_nonnull (language);
      g_assert_cmpuint (language->attr.start_index, ==, 0);
      g_assert_cmpuint (language->attr.end_index, >=, strlen (pango_layout_get_text (text->layout)));
      g_assert_cmpstr (pango_language_to_string (language->value), ==, expected);
    }
}

/* Japanese wraps at the break points of Japanese: no line starts with
 * what may not start one (small kana, the long vowel mark, closing
 * punctuation), in Pango's own rules; every text of the pagination is
 * shaped in the page's language. */
static void
test_japanese_wrap (void)
{
  static const char * const not_starting[] = {
    "ー", "ッ", "ャ", "ュ", "ョ", "ァ", "ィ", "ゥ", "ェ", "ォ", "っ", "ゃ", "ゅ", "ょ", "、", "。", "）",
  };
  static const char * const names[] = {
    "プロジェクトマネージャーとデータサイエンティストのレビュー",
    "モデルを本番環境にデプロイする、ユーザーテストでの予測を確認する。",
    "ジュニアエンジニア（インフラストラクチャー）",
  };
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoPagination) pagination = racimo_pagination_new (project, NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  g_assert_true (pango_context_get_language (pagination->context)
                 == pango_language_from_string (_racimo_pagination_get_language ()));

  /* A name in kana is Japanese on an English page; a Latin one is not
   * given a language of its own */
  assert_language (_racimo_pagination_add_text (pagination, FONT_BODY, names[0], NULL), "ja");
  assert_language (_racimo_pagination_add_text (pagination, FONT_BODY, "Data scientist", NULL),
                   NULL);

  /* As a Japanese page shapes it */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("ja")));
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      Text *text = _racimo_pagination_add_text (pagination, FONT_BODY, names[n], attrs);

      /* From the widest run that may not be broken ("チャー）", four
       * characters: narrower, Pango breaks it anywhere) to the whole name
       * on two lines */
      for (double width = 4.5 * BASE_SIZE; width < text->width / 2 + BASE_SIZE; width += 4.0)
        {
          GSList *lines;

          _racimo_text_wrap (text, width);
          lines = pango_layout_get_lines_readonly (text->layout);
          g_assert_cmpuint (g_slist_length (lines), >, 1);
          for (GSList *l = lines->next; l != NULL; l = l->next)
            {
              const PangoLayoutLine *line = l->data;

              for (guint c = 0; c < G_N_ELEMENTS (not_starting); c++)
                if (g_str_has_prefix (names[n] + line->start_index, not_starting[c]))
                  g_error ("“%s” wrapped at %g pt starts a line with “%s”", names[n], width,
                           not_starting[c]);
            }
        }
    }
}

/* The roles of the Japanese translation of the template "ml-system-
 * deployment" (po/ja.po), with their abbreviations, and names the
 * template lacks: katakana beside kanji, "・", parentheses that may not be
 * parted from the word they hold, half-width katakana. */
static const char * const ja_roles[][2] = {
  { "アカウントマネージャー", "AM" },
  { "UX デザイナー", "UX" },
  { "データサイエンティスト", "DS" },
  { "プロジェクトエンジニアリングマネージャー", "PEM" },
  { "ML エンジニア", "MLE" },
  { "MLOps エンジニア", "MLOps" },
  { "アプリケーションエンジニア", "AE" },
  { "インフラエンジニア", "IE" },
  { "品質保証マネージャー", "QA" },
  { "データ・サイエンティスト", "" },
  { "ジュニアエンジニア（インフラストラクチャー）", "" },
  { "ﾃﾞｰﾀｻｲｴﾝﾃｨｽﾄ", "" },
};

static gboolean
is_katakana (gunichar c)
{
  return (c >= 0x30a1 && c <= 0x30ff && c != 0x30fb) || (c >= 0x31f0 && c <= 0x31ff)
         || (c >= 0xff66 && c <= 0xff9f);
}

/* The width of @layout's text from @start to @end on one line */
static double
width_on_one_line (PangoLayout *layout,
                   const char  *start,
                   const char  *end)
{
  g_autoptr(PangoLayout) copy = pango_layout_copy (layout);
  const char *text = pango_layout_get_text (layout);
  PangoRectangle first, last;

  pango_layout_set_width (copy, -1);
  pango_layout_set_height (copy, -1);
  pango_layout_set_ellipsize (copy, PANGO_ELLIPSIZE_NONE);
  pango_layout_index_to_pos (copy, (int) (start - text), &first);
  pango_layout_index_to_pos (copy, (int) (g_utf8_prev_char (end) - text), &last);

  return (double) (last.x + last.width - first.x) / PANGO_SCALE;
}

/* No line of @text, wrapped, is wider than its width, and none starts
 * inside a word in katakana but one that is wider than that alone. */
static void
assert_kana_words_whole (const Text *text)
{
  PangoLayout *layout = text->layout;
  const char *string = pango_layout_get_text (layout);
  double width = (double) pango_layout_get_width (layout) / PANGO_SCALE;

  g_assert_cmpfloat (width, >, 0.0);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      const char *start = string + line->start_index;
      const char *before, *end;
      PangoRectangle logical;

      pango_layout_line_get_extents ((PangoLayoutLine *) line, NULL, &logical);
      if ((double) logical.width / PANGO_SCALE > width + 0.01)
        g_error ("“%s” wrapped at %g pt has a line %g pt wide", string, width,
                 (double) logical.width / PANGO_SCALE);

      if (line->is_paragraph_start || !is_katakana (g_utf8_get_char (start))
          || !is_katakana (g_utf8_get_char (g_utf8_prev_char (start))))
        continue;
      /* A word broken: it must be wider than the lines, with the brackets
       * that may not be parted from it */
      for (before = start; before > string && is_katakana (g_utf8_get_char (g_utf8_prev_char (before)));)
        before = g_utf8_prev_char (before);
      while (before > string && g_unichar_type (g_utf8_get_char (g_utf8_prev_char (before)))
                                == G_UNICODE_OPEN_PUNCTUATION)
        before = g_utf8_prev_char (before);
      for (end = start; *end != '\0' && is_katakana (g_utf8_get_char (end));)
        end = g_utf8_next_char (end);
      while (*end != '\0' && g_unichar_type (g_utf8_get_char (end)) == G_UNICODE_CLOSE_PUNCTUATION)
        end = g_utf8_next_char (end);
      if (width_on_one_line (layout, before, end) <= width)
        g_error ("“%s” wrapped at %g pt breaks “%.*s” before “%.*s”", string, width,
                 (int) (end - before), before, (int) (end - start), start);
    }
}

/* The lines of @text's layout, one a string, joined by "|" */
static char *
get_lines (const Text *text)
{
  const char *string = pango_layout_get_text (text->layout);
  g_autoptr(GString) lines = g_string_new (NULL);

  for (GSList *l = pango_layout_get_lines_readonly (text->layout); l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;

      if (lines->len > 0)
        g_string_append_c (lines, '|');
      g_string_append_len (lines, string + line->start_index, line->length);
    }

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static char *
wrap_name (RacimoPagination *pagination,
           const char       *name,
           double            width)
{
  Text *text = _racimo_pagination_add_name_text (pagination, FONT_SMALL, name, NULL);

  _racimo_text_wrap (text, width);
  assert_kana_words_whole (text);

  return get_lines (text);
}

/* @name wrapped a little wider than @fits: as the printout does, and
 * otherwise than Pango alone would (@by_pango is Pango 1.50's: newer
 * versions may break elsewhere, but not as the printout does) */
static void
assert_wraps (RacimoPagination *pagination,
              const char       *name,
              const char       *fits,
              const char       *by_pango,
              const char       *printed)
{
  double width = _racimo_pagination_add_text (pagination, FONT_SMALL, fits, NULL)->width + 0.5;
  Text *text = _racimo_pagination_add_text (pagination, FONT_SMALL, name, NULL);
  g_autofree char *pango_lines = NULL;
  g_autofree char *lines = wrap_name (pagination, name, width);

  _racimo_text_wrap (text, width);
  pango_lines = get_lines (text);
  if (pango_version () < PANGO_VERSION_ENCODE (1, 51, 0))
    g_assert_cmpstr (pango_lines, ==, by_pango);
  g_assert_cmpstr (pango_lines, !=, printed);
  g_assert_cmpstr (lines, ==, printed);
}

/* Words in katakana stay whole where a name wraps, at every width from two
 * letters to the whole name; one wider than the lines breaks rather than
 * run over them, and leaves no letter alone on the last line. */
static void
test_katakana_words (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoPagination) pagination = racimo_pagination_new (project, NULL);
  /* A letter of FONT_SMALL, full width */
  double em = _racimo_pagination_add_text (pagination, FONT_SMALL, "ア", NULL)->width;

  for (guint n = 0; n < G_N_ELEMENTS (ja_roles); n++)
    {
      double whole = _racimo_pagination_add_text (pagination, FONT_SMALL, ja_roles[n][0],
                                                  NULL)->width;

      for (double width = 2.5 * em; width < whole + 1.0; width += 0.5)
        g_free (wrap_name (pagination, ja_roles[n][0], width));
    }

  /* Between kanji and katakana, not in "マネージャー" */
  assert_wraps (pagination, "品質保証マネージャー", "品質保証マネー", "品質保証マネー|ジャー",
                "品質保証|マネージャー");
  /* After "・" */
  assert_wraps (pagination, "データ・サイエンティスト", "サイエンティスト", "データ・サイエン|ティスト",
                "データ・|サイエンティスト");
  /* Not the lone "ト" of a word wider than the lines */
  assert_wraps (pagination, "データサイエンティスト", "データサイエンティス",
                "データサイエンティス|ト", "データサイエンティ|スト");
  assert_wraps (pagination, "インフラエンジニア", "インフラ", "インフラ|エンジニ|ア",
                "インフラ|エンジ|ニア");
  /* A name in Latin letters wraps as before */
  g_assert_null (_racimo_pagination_add_name_text (pagination, FONT_SMALL, "Data scientist",
                                                   NULL)->words);
}

/* The role headers of the Japanese template as the printout lays them out
 * on each paper, across or read sideways on several lines when tiled. */
static void
test_katakana_headers (void)
{
  static const char * const papers[][3] = {
    { "a4", "landscape", "fit" }, { "a4", "portrait", "fit" }, { "a3", "landscape", "fit" },
    { "letter", "portrait", "fit" }, { "a4", "landscape", "tile" },
  };
  g_autoptr(RacimoProject) project = racimo_project_new ();
  RacimoHistory *history = racimo_project_get_history (project);
  RacimoPhase *phase;
  guint n_tested = 0;

  racimo_history_begin (history, NULL);
  /* Twice over: enough roles for the headers to be read sideways */
  for (guint r = 0; r < 2 * G_N_ELEMENTS (ja_roles); r++)
    racimo_project_add_role (project, -1, ja_roles[r % G_N_ELEMENTS (ja_roles)][0],
                             r < G_N_ELEMENTS (ja_roles) ? ja_roles[r][1] : "");
  phase = racimo_project_add_phase (project, -1, "要件定義");
  racimo_project_add_activity (project, phase, -1, "ビジネスケースと KPI を定義する");
  racimo_history_end (history);

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    for (guint n_roles = 4; n_roles <= 2 * G_N_ELEMENTS (ja_roles); n_roles *= 2)
      {
        g_autoptr(RacimoPaginationOptions) options = racimo_pagination_options_new ();
        g_autoptr(RacimoPagination) pagination = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GString) roles = g_string_new (NULL);

        for (guint r = 0; r < n_roles; r++)
          g_string_append_printf (roles, "%s%s", r > 0 ? "," : "",
                                  racimo_item_get_id (RACIMO_ITEM (racimo_project_get_role (project, r))));
        g_assert_true (racimo_pagination_options_parse_paper (options, papers[p][0], &error));
        g_assert_true (racimo_pagination_options_parse_orientation (options, papers[p][1], &error));
        g_assert_true (racimo_pagination_options_parse_fit (options, papers[p][2], &error));
        g_assert_true (racimo_pagination_options_parse_roles (options, roles->str, &error));
        g_assert_no_error (error);
        pagination = racimo_pagination_new (project, options);
        g_assert_cmpuint (pagination->n_roles, ==, n_roles);

        for (guint r = 0; r < pagination->n_roles; r++)
          {
            const Text *text = pagination->rotated ? pagination->roles[r].rotated
                                                   : pagination->roles[r].horizontal;

            if (pango_layout_get_width (text->layout) < 0
                || (pagination->rotated && pango_layout_get_height (text->layout) >= 0))
              continue;
            assert_kana_words_whole (text);
            n_tested++;
          }
      }
  /* Headers across, and read sideways on several lines */
  g_assert_cmpuint (n_tested, >, 40);
}

/* Names with numbers, shaped a word at a time and their numbers put
 * together from their digits, come out as Pango lays the whole name out:
 * the same glyphs at the same places. */
static void
test_numbers (void)
{
  static const char * const names[] = {
    "Review the design of part 1234", "Step 7171, then 1111 and 2048", "Plan 10 of 99",
    "Deploy 0", "Release 2.3.17", "Sprint 42 review",
  };
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoPagination) pagination = racimo_pagination_new (project, NULL);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      Text *text = _racimo_pagination_get_name_text (pagination, names[n], TRUE);
      g_autoptr(PangoLayout) layout = pango_layout_new (pagination->context);
      PangoLayoutLine *line;
      const TextRun *run;
      double x = 0.0;
      int g = 0;

      /* Shaped a word at a time, not as a layout */
      g_assert_null (text->layout);
      g_assert_nonnull (text->runs);
      g_assert_cmpuint (text->runs->len, ==, 1);
      run = &g_array_index (text->runs, TextRun, 0);

      pango_layout_set_font_description (layout, pagination->fonts[FONT_BODY]);
      pango_layout_set_text (layout, names[n], -1);
      line = pango_layout_get_line_readonly (layout, 0);
      for (GSList *l = line->runs; l != NULL; l = l->next)
        {
          const PangoGlyphItem *item = l->data;

          for (int i = 0; i < item->glyphs->num_glyphs; i++)
            {
              const PangoGlyphInfo *info = &item->glyphs->glyphs[i];

              if (info->glyph != PANGO_GLYPH_EMPTY)
                {
                  g_assert_cmpint (g, <, run->n_glyphs);
                  g_assert_cmpuint (run->glyphs[g].index, ==, info->glyph);
                  g_assert_cmpfloat_with_epsilon (run->glyphs[g].x,
                                                  x + (double) info->geometry.x_offset / PANGO_SCALE,
                                                  1e-6);
                  g++;
                }
              x += (double) info->geometry.width / PANGO_SCALE;
            }
        }
      g_assert_cmpint (g, ==, run->n_glyphs);
      g_assert_cmpfloat_with_epsilon (text->width, x, 1e-6);
    }

  /* The fonts of the tests' machines shape digits apart: numbers were put
   * together, not shaped */
  if (pagination->digits_apart != 1)
    g_test_message ("digits kern or join in this font: numbers were shaped");
}

/* Runs the racimo program in @dir; fails on an error. */
static void
run_racimo (const char         *dir,
            const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("RACIMO_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* Each of @needles found in @text after the one before. */
static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *from = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (from, needles[i]);

      if (found == NULL)
        g_error ("“%s” is not after “%s” in: %s", needles[i], i > 0 ? needles[i - 1] : "",
                 text);
      from = found + strlen (needles[i]);
    }
}

/* An activity's row as it reads: its name, then the codes of its cells
 * in the order of the roles, one space apart. */
static GString *
row_text (RacimoProject  *project,
          RacimoActivity *activity)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (project);
  GString *text = g_string_new (racimo_item_get_name (RACIMO_ITEM (activity)));

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    {
      RacimoCodes codes = racimo_activity_get_codes (activity,
                                                     racimo_project_get_role (project, r));
      char letters[27];
      guint n = racimo_scheme_order_codes (scheme, codes, letters);

      letters[n] = '\0';
      if (n > 0)
        g_string_append_printf (text, " %s", letters);
    }

  return text;
}

/* The codes of each activity, in the order of the roles, after its name
 * on its line of pdftotext -layout. */
static void
assert_rows (RacimoProject *project,
             const char    *layout)
{
  g_auto(GStrv) lines = g_strsplit (layout, "\n", -1);

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);
          const char *name = racimo_item_get_name (RACIMO_ITEM (activity));
          g_autoptr(GString) expected = row_text (project, activity);
          g_autoptr(GString) found = g_string_new (NULL);

          for (guint i = 0; lines[i] != NULL && found->len == 0; i++)
            {
              const char *start = strstr (lines[i], name);
              g_auto(GStrv) words = NULL;

              if (start == NULL)
                continue;
              g_string_append (found, name);
              words = g_strsplit_set (start + strlen (name), " ", -1);
              for (guint w = 0; words[w] != NULL; w++)
                if (*words[w] != '\0')
                  g_string_append_printf (found, " %s", words[w]);
            }
          g_assert_cmpstr (found->str, ==, expected->str);
        }
    }
}

/* The machine learning template, its path in @path */
static RacimoProject *
load_template (char **path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RacimoProject *project;

  *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                 "ml-system-deployment.raci", NULL);
  file = g_file_new_for_path (*path);
  project = racimo_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return project;
}

/* `racimo --export`: a tagged PDF in the page's language, read in the
 * order of the page. */
static void
test_export_reading_order (void)
{
  g_autofree char *source = NULL;
  g_autofree char *dir = racimo_test_make_folder ("racimo-printout-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *title = NULL;
  g_autofree char *structure = NULL;
  g_autofree char *language = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *layout = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = _racimo_pagination_format_date (now, "%-d %B %Y", "en", "C");
  g_autoptr(RacimoProject) project = NULL;

  if (g_getenv ("RACIMO_BINARY") == NULL)
    {
      g_test_skip ("RACIMO_BINARY is not set: run the tests with meson test");
      return;
    }

  project = load_template (&source);
  run_racimo (dir, (const char * const[]) { "--export", "matrix.pdf", "--summary", "last",
                                             "--header", "Steering committee",
                                             "--footer", "Draft for review", source, NULL });
  g_assert_true (racimo_test_pdf_is_tagged (pdf));
  /* The title, and the date, the header and footer lines and the legend
   * as paragraphs, once, on the first page (not the page numbers); the
   * matrix as a table (27 rows, 35 header cells, 152 cells: see
   * test_export_table ()); the summary's three headings, its two
   * paragraphs, and the workload as a table of a header row (six header
   * cells) and a row per role (8), each of a header cell and five
   * numbers */
  structure = racimo_test_pdf_get_structure (pdf);
  g_assert_cmpstr (structure, ==, "Document 1, H1 1, H2 3, P 6, TD 192, TH 49, TR 36, "
                                  "Table 2");
  title = racimo_test_pdf_get_title (pdf);
  g_assert_cmpstr (title, ==, racimo_project_get_title (project));

  /* The page's language in the catalog, added by an update that qpdf
   * finds sound (racimo_test_pdf_get_structure () checked it), whether
   * cairo wrote a plain cross-reference table (1.16) or object streams
   * (1.18) */
  language = racimo_test_pdf_get_language (pdf);
  g_assert_cmpstr (language, ==, "en");

  /* In the order the page is read: the header line, the title, the date,
   * the column headers left to right, the rows (their names, then their
   * codes), the legend, the footer line and the page number; then the
   * summary. */
  raw = racimo_test_pdf_get_text (pdf);
  assert_in_order (raw, (const char * const[]) {
    "Steering committee", "ML system deployment", today, "Activity", "Account manager",
    "UX designer", "Data scientist", "Infrastructure", "Requirements",
    "Define the business case and KPIs", "Map the customer journey", "Operations",
    "Review the results with the customer", "Responsible", "Draft for review", "Page 1 of 2",
    "Steering committee", "ML system deployment", "Draft for review", "Page 2 of 2", NULL });

  /* Each row's name, then its codes in the order of the roles */
  layout = racimo_test_pdf_get_layout (pdf);
  assert_rows (project, layout);

  /* Compare mode's line first, in the structure too */
  run_racimo (dir, (const char * const[]) { "--export", "compared.pdf", "--compare", source,
                                             source, NULL });
  g_free (pdf);
  pdf = g_build_filename (dir, "compared.pdf", NULL);
  g_assert_true (racimo_test_pdf_is_tagged (pdf));
  g_free (structure);
  structure = racimo_test_pdf_get_structure (pdf);
  g_assert_cmpstr (structure, ==, "Document 1, H1 1, P 3, TD 152, TH 35, TR 27, Table 1");
  g_free (raw);
  raw = racimo_test_pdf_get_text (pdf);
  assert_in_order (raw, (const char * const[]) {
    "No changes from", "ML system deployment", today, "Activity", "Responsible", "Page 1 of 1",
    NULL });

  racimo_test_remove_tree (dir);
}

/* The matrix of an ordinary size is a table: a row of headers, a row for
 * each phase and for each activity, a header cell for the activity's
 * name and a cell for each role, empty or not; each row is drawn in
 * order, its name then its codes in the order of the roles.  In tile
 * mode, each page across has its own table and row of headers. */
static void
test_export_table (void)
{
  g_autofree char *source = NULL;
  g_autofree char *dir = racimo_test_make_folder ("racimo-printout-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *structure = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint n_phases, n_roles, n_activities = 0;
  double width, height;

  if (g_getenv ("RACIMO_BINARY") == NULL)
    {
      g_test_skip ("RACIMO_BINARY is not set: run the tests with meson test");
      return;
    }

  project = load_template (&source);
  n_phases = racimo_project_get_n_phases (project);
  n_roles = racimo_project_get_n_roles (project);
  for (guint p = 0; p < n_phases; p++)
    n_activities += racimo_phase_get_n_activities (racimo_project_get_phase (project, p));
  g_assert_cmpuint (n_phases, ==, 7);
  g_assert_cmpuint (n_roles, ==, 8);
  g_assert_cmpuint (n_activities, ==, 19);

  run_racimo (dir, (const char * const[]) { "--export", "matrix.pdf", source, NULL });
  g_assert_cmpuint (racimo_test_pdf_read (pdf, &width, &height), ==, 1);
  structure = racimo_test_pdf_get_structure (pdf);
  expected = g_strdup_printf ("Document 1, H1 1, P 2, TD %u, TH %u, TR %u, Table 1",
                              n_activities * n_roles, 1 + n_roles + n_phases + n_activities,
                              1 + n_phases + n_activities);
  g_assert_cmpstr (structure, ==, expected);

  raw = racimo_test_pdf_get_text (pdf);
  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          g_autoptr(GString) row = row_text (project, racimo_phase_get_activity (phase, a));

          if (strstr (raw, row->str) == NULL)
            g_error ("“%s” is not in: %s", row->str, raw);
        }
    }

  /* Roles over pages across: a table on each, whose row of headers has
   * the activity's column and the roles of its page */
  {
    g_autoptr(RacimoProject) wide = racimo_large_project_new (10, 2, 30, 42);
    g_autoptr(RacimoPaginationOptions) options = racimo_pagination_options_new ();
    g_autoptr(RacimoPagination) tiled = NULL;
    guint n_across, n_rows;

    options->fit = RACIMO_PAGINATION_TILE;
    options->orientation = RACIMO_PAGINATION_PORTRAIT;
    tiled = racimo_pagination_new (wide, options);
    n_across = racimo_pagination_get_n_across (tiled);
    n_rows = tiled->rows->len;
    g_assert_cmpuint (n_across, >=, 2);
    g_assert_cmpuint (racimo_pagination_get_n_pages (tiled), ==, n_across);
    g_free (pdf);
    pdf = g_build_filename (dir, "tiled.pdf", NULL);
    racimo_pagination_write_pdf (tiled, racimo_project_get_title (wide), pdf, NULL, &error);
    g_assert_no_error (error);
    g_free (structure);
    structure = racimo_test_pdf_get_structure (pdf);
    g_free (expected);
    expected = g_strdup_printf ("Document 1, H1 1, P 2, TD %u, TH %u, TR %u, Table %u",
                                10 * 30, n_across + 30 + n_across * n_rows,
                                n_across * (1 + n_rows), n_across);
    g_assert_cmpstr (structure, ==, expected);
  }

  racimo_test_remove_tree (dir);
}

/* Up to TABLE_MAX_CELLS cells, a row's name and each of its codes, the
 * matrix is a table; the large project of docs/design-targets.md, far
 * over it, keeps one Div per page, as cheap as untagged. */
static void
test_export_large_div (void)
{
  g_autoptr(RacimoProject) at_most = racimo_large_project_new (490, 10, 39, 42);
  g_autoptr(RacimoProject) over = racimo_large_project_new (491, 10, 39, 42);
  g_autoptr(RacimoProject) large = racimo_large_project_new (2000, 20, 40, 42);
  g_autoptr(RacimoPagination) pagination = racimo_pagination_new (at_most, NULL);
  g_autofree char *dir = racimo_test_make_folder ("racimo-printout-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "large.pdf", NULL);
  g_autofree char *structure = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;
  guint n_pages;

  /* 500 rows (10 phases, 490 activities) of 40 cells */
  g_assert_cmpuint (pagination->rows->len * (pagination->n_roles + 1), ==, TABLE_MAX_CELLS);
  g_assert_true (_racimo_pagination_is_table (pagination));
  g_object_unref (pagination);
  pagination = racimo_pagination_new (over, NULL);
  g_assert_cmpuint (pagination->rows->len * (pagination->n_roles + 1), >, TABLE_MAX_CELLS);
  g_assert_false (_racimo_pagination_is_table (pagination));
  g_object_unref (pagination);

  pagination = racimo_pagination_new (large, NULL);
  g_assert_false (_racimo_pagination_is_table (pagination));
  racimo_pagination_write_pdf (pagination, racimo_project_get_title (large), pdf, NULL, &error);
  g_assert_no_error (error);
  n_pages = racimo_test_pdf_read (pdf, &width, &height);
  g_assert_cmpuint (n_pages, ==, racimo_pagination_get_n_pages (pagination));
  structure = racimo_test_pdf_get_structure (pdf);
  expected = g_strdup_printf ("Div %u, Document 1, H1 1, P 2", n_pages);
  g_assert_cmpstr (structure, ==, expected);

  racimo_test_remove_tree (dir);
}

/* _racimo_pagination_add_language () on the file @path: whether it added
 * to it. */
static gboolean
add_language_to_file (const char *path,
                      const char *language)
{
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) contents, (guint) length);
  _racimo_pagination_add_language (bytes, language);
  if (bytes->len == length)
    return FALSE;
  g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);

  return TRUE;
}

/* The language goes into a catalog in an object stream too, as cairo 1.18
 * writes it: qpdf makes such a PDF of a tagged one cairo writes here. */
static void
test_language_in_object_stream (void)
{
  g_autofree char *dir = racimo_test_make_folder ("racimo-printout-XXXXXX");
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *compressed = g_build_filename (dir, "compressed.pdf", NULL);
  g_autofree char *language = NULL;
  g_autofree char *structure = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *xref = NULL;

  {
    cairo_surface_t *surface = cairo_pdf_surface_create (plain, 595.0, 842.0);
    cairo_t *cr = cairo_create (surface);

    cairo_tag_begin (cr, "Document", NULL);
    cairo_tag_begin (cr, "H1", NULL);
    cairo_move_to (cr, 72.0, 72.0);
    cairo_show_text (cr, "Compressed");
    cairo_tag_end (cr, "H1");
    cairo_tag_begin (cr, "P", NULL);
    cairo_move_to (cr, 72.0, 144.0);
    cairo_show_text (cr, "A paragraph");
    cairo_tag_end (cr, "P");
    cairo_tag_end (cr, "Document");
    cairo_destroy (cr);
    cairo_surface_finish (surface);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
  racimo_test_pdf_compress_objects (plain, compressed);
  g_assert_null (racimo_test_pdf_get_language (compressed));
  before = racimo_test_pdf_get_text (compressed);
  /* Objects in object streams, listed in a cross-reference stream */
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "qpdf", (char *) "--show-xref",
                                                  compressed, NULL },
                               NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &xref, NULL, NULL, NULL));
  g_assert_nonnull (strstr (xref, ": compressed; stream = "));
  g_assert_true (add_language_to_file (compressed, "ja"));

  language = racimo_test_pdf_get_language (compressed);
  g_assert_cmpstr (language, ==, "ja");
  structure = racimo_test_pdf_get_structure (compressed);
  g_assert_cmpstr (structure, ==, "Document 1, H1 1, P 1");
  after = racimo_test_pdf_get_text (compressed);
  g_assert_cmpstr (after, ==, before);

  /* A catalog with a language keeps it */
  g_assert_false (add_language_to_file (compressed, "fr"));

  racimo_test_remove_tree (dir);
}

static GBytes *
deflate (const char *data,
         gsize       length)
{
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB,
                                                                          -1));
  guint8 out[4096];
  gsize read, written;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_converter_convert (compressor, data, length, out, sizeof out,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, &error),
                   ==, G_CONVERTER_FINISHED);
  g_assert_no_error (error);

  return g_bytes_new (out, written);
}

static void
append_stream (GByteArray *pdf,
               const char *dictionary,
               GBytes     *data)
{
  g_byte_array_append (pdf, (const guint8 *) dictionary, strlen (dictionary));
  g_byte_array_append (pdf, (const guint8 *) ">>\nstream\n", strlen (">>\nstream\n"));
  g_byte_array_append (pdf, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  g_byte_array_append (pdf, (const guint8 *) "\nendstream\nendobj\n",
                       strlen ("\nendstream\nendobj\n"));
}

/* An object stream whose length is an object of its own, and a
 * cross-reference stream without a predictor, made here byte by byte:
 * objects 2 (the pages) and 4 (the catalog) in object stream 1, whose
 * length is object 3; the cross-references are object 5. */
static void
test_language_indirect_length (void)
{
  static const char objects[] = "2 0 4 37 << /Type /Pages /Kids [] /Count 0 >> "
                                "<< /Type /Catalog /Pages 2 0 R >>";
  g_autofree char *dir = racimo_test_make_folder ("racimo-printout-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "made.pdf", NULL);
  g_autofree char *language = NULL;
  g_autofree char *structure = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GBytes) stream = deflate (objects, strlen (objects));
  g_autoptr(GBytes) xref = NULL;
  g_autoptr(GError) error = NULL;
  guint8 entries[6][7] = { { 0 } };
  guint offsets[6] = { 0 };

  g_byte_array_append (pdf, (const guint8 *) "%PDF-1.5\n", strlen ("%PDF-1.5\n"));
  offsets[1] = pdf->len;
  append_stream (pdf, "1 0 obj\n<< /Type /ObjStm /N 2 /First 9 /Length 3 0 R "
                      "/Filter /FlateDecode ", stream);
  offsets[3] = pdf->len;
  text = g_strdup_printf ("3 0 obj\n   %" G_GSIZE_FORMAT "\nendobj\n", g_bytes_get_size (stream));
  g_byte_array_append (pdf, (const guint8 *) text, strlen (text));
  offsets[5] = pdf->len;

  /* Type, then 4 bytes of offset or object stream, 2 of index */
  for (guint i = 1; i < 6; i++)
    {
      gboolean compressed = i == 2 || i == 4;

      entries[i][0] = compressed ? 2 : 1;
      for (guint b = 0; b < 4; b++)
        entries[i][1 + b] = (compressed ? 1 : offsets[i]) >> (8 * (3 - b)) & 0xff;
      entries[i][6] = i == 4 ? 1 : 0;
    }
  xref = deflate ((const char *) entries, sizeof entries);
  g_free (text);
  text = g_strdup_printf ("5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 4 0 R "
                          "/Length %" G_GSIZE_FORMAT " /Filter /FlateDecode ",
                          g_bytes_get_size (xref));
  append_stream (pdf, text, xref);
  g_free (text);
  text = g_strdup_printf ("startxref\n%u\n%%%%EOF\n", offsets[5]);
  g_byte_array_append (pdf, (const guint8 *) text, strlen (text));

  g_file_set_contents (path, (const char *) pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_assert_true (add_language_to_file (path, "ja"));
  structure = racimo_test_pdf_get_structure (path);
  g_assert_cmpstr (structure, ==, "");
  language = racimo_test_pdf_get_language (path);
  g_assert_cmpstr (language, ==, "ja");

  racimo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/printout/language/catalog", test_catalog_language);
  g_test_add_func ("/printout/language/date", test_date_language);
  g_test_add_func ("/printout/language/japanese-wrap", test_japanese_wrap);
  g_test_add_func ("/printout/language/katakana-words", test_katakana_words);
  g_test_add_func ("/printout/language/katakana-headers", test_katakana_headers);
  g_test_add_func ("/printout/text/numbers", test_numbers);
  g_test_add_func ("/printout/export/reading-order", test_export_reading_order);
  g_test_add_func ("/printout/export/table", test_export_table);
  g_test_add_func ("/printout/export/large-div", test_export_large_div);
  g_test_add_func ("/printout/export/language-in-object-stream", test_language_in_object_stream);
  g_test_add_func ("/printout/export/language-indirect-length", test_language_indirect_length);

  return g_test_run ();
}
