/* racimo-csv-records.c: records and cells of spreadsheet text
 *
 * Splitting text into records as RFC 4180 says and as spreadsheets
 * write it, finding the delimiter, decoding legacy code pages, reading a
 * cell's codes as people type them, and the clipboard's tab-separated
 * blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-csv-private.h"
#include "racimo-file-private.h"
#include "racimo-csv.h"

/* Enough rows to tell the delimiter apart, few enough to be instant. */
#define DETECT_ROWS 50

struct _RacimoCsvBlock
{
  guint        n_rows;
  guint        n_columns;
  char       **texts;      /* n_rows * n_columns, row by row */
  RacimoCodes *codes;
  gboolean    *understood;
};

G_DEFINE_QUARK (racimo-csv-error-quark, racimo_csv_error)

/* Messages and problems */

/* "NAME:LINE: what is wrong", as the .raci reader and compilers say it. */
void
_racimo_csv_set_error (GError     **error,
                       GQuark       domain,
                       int          code,
                       const char  *name,
                       guint        line,
                       const char  *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  _racimo_file_set_error_valist (error, domain, code, name, line, 0, format, args);
  va_end (args);
}

void
_racimo_csv_add_problem (GPtrArray  *problems,
                         RacimoCsvProblemKind kind,
                         guint       row,
                         guint       column,
                         guint       line,
                         const char *text,
                         char       *message)
{
  RacimoCsvProblem *problem = g_new0 (RacimoCsvProblem, 1);

  problem->kind = kind;
  problem->row = row;
  problem->column = column;
  problem->line = line;
  problem->text = g_strdup (text != NULL ? text : "");
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* Words */

/* Text compared without regard to case or width: "Ａ" is "a". */
static char *
normalize_key (const char *text,
               gssize      length)
{
  g_autofree char *normalized = g_utf8_normalize (text, length, G_NORMALIZE_ALL_COMPOSE);

  if (normalized == NULL)
    return NULL;

  return g_utf8_casefold (normalized, -1);
}

/* A header as it is compared: also without spaces, "-", "_", "." and a
 * final ":", so that "Work stream", "work-stream" and "Workstream:" are one. */
static char *
normalize_header (const char *text)
{
  g_autofree char *key = normalize_key (text, -1);
  GString *out;

  if (key == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '_' || c == '.')
        continue;
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == ':')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* @words normalized as headers, once per list: a sheet of 20,000 columns
 * compares each header with every list.  Imports run in threads. */
G_LOCK_DEFINE_STATIC (normalized_words);

static GStrv
get_normalized_words (const char * const *words)
{
  static GHashTable *lists;
  GStrv normalized;

  G_LOCK (normalized_words);
  if (lists == NULL)
    lists = g_hash_table_new (NULL, NULL);
  normalized = g_hash_table_lookup (lists, words);
  if (normalized == NULL)
    {
      guint n = g_strv_length ((char **) words);

      normalized = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        normalized[i] = normalize_header (words[i]);
      g_hash_table_insert (lists, (gpointer) words, normalized);
    }
  G_UNLOCK (normalized_words);

  return normalized;
}

/* Whether @text is one of @words (or @translated, the word in the
 * user's language), compared without regard to case, width or spacing:
 * "Due  date", "due-date" and "ＤＵＥ＿ＤＡＴＥ" are "Due date".  A colon
 * after a header ("Phase:") does not count either.  @words is a static
 * list: its normalized form is kept. */
gboolean
_racimo_csv_key_matches (const char         *text,
                         const char * const *words,
                         const char         *translated)
{
  g_autofree char *key = normalize_header (text);
  GStrv normalized;

  if (key == NULL || *key == '\0')
    return FALSE;

  normalized = get_normalized_words (words);
  for (guint i = 0; normalized[i] != NULL; i++)
    {
      if (g_strcmp0 (key, normalized[i]) == 0)
        return TRUE;
    }

  if (translated != NULL)
    {
      g_autofree char *word = normalize_header (translated);

      return word != NULL && strcmp (key, word) == 0;
    }

  return FALSE;
}

/* The header of the grouping column.  Besides English and the user's
 * language, the translations that Racimo ships: a file that a colleague
 * exported in Japanese opens the same for an English user.  The other
 * words are those of docs/file-format.md, "Spreadsheets". */
gboolean
_racimo_csv_is_phase_header (const char *text)
{
  static const char * const words[] = {
    "phase", "phases", "stage", "stages", "workstream", "milestone",
    "フェーズ", "フェイズ", "工程", "段階", NULL
  };

  return _racimo_csv_key_matches (text, words, _("Phase"));
}

/* Reading records */

/* A field of a record of @width fields, "" past its end.  The width is
 * counted once per record: counting it on each call made 5,000 roles x
 * 1,000 rows quadratic. */
const char *
_racimo_csv_field (char  **fields,
                   guint   width,
                   guint   column)
{
  return column < width ? fields[column] : "";
}

/* Splits @text into records of fields as RFC 4180 says, and as
 * spreadsheets write beyond it: CRLF, LF or a lone CR (old Mac Excel) end
 * a record; a line break inside quotes is kept as LF; text after a
 * closing quote is kept rather than refused.  A quote that is never
 * closed takes the rest of the text, and @unclosed says where it opened.
 * Stops after @max_records.  @lines receives the line each record starts
 * on, counting from @first_line.
 *
 * Returns: (element-type GStrv): the records */
GPtrArray *
_racimo_csv_split_records (const char        *text,
                           gsize              length,
                           char               delimiter,
                           guint              max_records,
                           guint              first_line,
                           GArray            *lines,
                           RacimoCsvPosition *unclosed)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *p = text;
  const char *end = text + length;
  GString *field = g_string_new (NULL);
  guint line = first_line;

  if (unclosed != NULL)
    *unclosed = (RacimoCsvPosition) { 0, 0, 0 };

  while (p < end && records->len < max_records)
    {
      GPtrArray *fields = g_ptr_array_new ();
      gboolean record_done = FALSE;

      if (lines != NULL)
        g_array_append_val (lines, line);

      while (!record_done)
        {
          g_string_truncate (field, 0);

          if (p < end && *p == '"')
            {
              gboolean closed = FALSE;
              guint quote_line = line;

              p++;
              while (p < end)
                {
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      closed = TRUE;
                      break;
                    }
                  if (*p == '\r' || *p == '\n')
                    {
                      if (*p == '\r' && p + 1 < end && p[1] == '\n')
                        p++;
                      g_string_append_c (field, '\n');
                      line++;
                      p++;
                      continue;
                    }
                  g_string_append_c (field, *p++);
                }

              if (!closed && unclosed != NULL && unclosed->row == 0)
                *unclosed = (RacimoCsvPosition) { records->len + 1, fields->len + 1, quote_line };
            }

          while (p < end && *p != delimiter && *p != '\r' && *p != '\n')
            g_string_append_c (field, *p++);

          g_ptr_array_add (fields, g_strndup (field->str, field->len));

          if (p >= end)
            record_done = TRUE;
          else if (*p == delimiter)
            p++;
          else
            {
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              line++;
              record_done = TRUE;
            }
        }

      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_ptr_array_free (fields, FALSE));
    }

  g_string_free (field, TRUE);

  return records;
}

gboolean
_racimo_csv_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

gboolean
_racimo_csv_is_blank_record (char **fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (!_racimo_csv_is_blank (fields[i]))
        return FALSE;
    }

  return TRUE;
}

/* The delimiter that splits the first rows into the same number of
 * fields, more than one.  A semicolon file from Excel holds commas in its
 * cells ("A,R"), and a comma file may hold semicolons in names, so the
 * count of characters alone would mislead; consistent rows do not.  When
 * two delimiters split as consistently (a file with few rows), the one
 * that leaves "Phase" alone in the first field wins, as Racimo writes it,
 * then the one that makes more columns. */
char
_racimo_csv_detect_delimiter (const char *text,
                              gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_score = 0;
  gboolean best_phase = FALSE;
  guint best_fields = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      g_autoptr(GPtrArray) records = _racimo_csv_split_records (text, length, candidates[c],
                                                    DETECT_ROWS, 1, NULL, NULL);
      char **header = NULL;
      char **title = NULL;
      guint header_fields = 0;
      guint total = 0;
      guint consistent = 0;
      guint score;
      gboolean phase;

      for (guint i = 0; i < records->len; i++)
        {
          char **fields = g_ptr_array_index (records, i);
          guint n = g_strv_length (fields);

          if (_racimo_csv_is_blank_record (fields))
            continue;

          /* A title row of one cell above the header does not count. */
          if (header == NULL && n < 2)
            {
              if (title == NULL)
                title = fields;
              continue;
            }

          if (header == NULL)
            {
              header = fields;
              header_fields = n;
            }
          total++;
          if (n == header_fields)
            consistent++;
        }

      if (header == NULL && title != NULL)
        {
          header = title;
          header_fields = 1;
          total = consistent = 1;
        }

      /* A file of nothing but delimiters is empty under the right one. */
      if (total == 0 && best_fields == 0)
        best = candidates[c];

      if (header_fields < 2)
        continue;

      score = consistent * 1000 / total;
      phase = _racimo_csv_is_phase_header (header[0]);
      if (score > best_score
          || (score == best_score && phase && !best_phase)
          || (score == best_score && phase == best_phase && header_fields > best_fields))
        {
          best = candidates[c];
          best_score = score;
          best_phase = phase;
          best_fields = header_fields;
        }
    }

  return best;
}

/* Telling a sheet from a project */

/**
 * racimo_csv_looks_like_text:
 * @head: the first bytes of a file
 * @length: how many
 *
 * Whether a file whose name says nothing is a sheet rather than a
 * project: XML starts with '<' and a sheet with text, in UTF-8 or in the
 * UTF-16 of Excel's "Unicode Text"; a workbook starts as a zip file.
 *
 * Returns: %TRUE for a sheet
 */
gboolean
racimo_csv_looks_like_text (const guint8 *head,
                            gsize         length)
{
  gsize i = 0;
  gsize step = 1;
  gsize low = 0;

  if (_racimo_sheet_is_workbook (head, length))
    return TRUE;

  if (length >= 2 && head[0] == 0xff && head[1] == 0xfe)
    i = 2, step = 2, low = 0;
  else if (length >= 2 && head[0] == 0xfe && head[1] == 0xff)
    i = 2, step = 2, low = 1;
  else if (length >= 3 && memcmp (head, UTF8_BOM, 3) == 0)
    i = 3;

  for (; i + step <= length; i += step)
    {
      guint8 c = head[i + low];

      if (step == 2 && head[i + 1 - low] != 0)
        return TRUE;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\0')
        return c != '<';
    }

  return FALSE;
}

static gboolean
has_extension (const char *name,
               const char *extension)
{
  gsize length = strlen (name);
  gsize ext_length = strlen (extension);

  return length > ext_length && g_ascii_strcasecmp (name + length - ext_length, extension) == 0;
}

/**
 * racimo_csv_file_is_spreadsheet:
 *
 * A .csv, .tsv, .xlsx or .ods is a sheet and a .raci a project; colleagues also send
 * projects renamed .xml, and sheets as .txt, so for any other name the
 * content decides (racimo_csv_looks_like_text()).  Blocks.
 *
 * Returns: %TRUE when @file should be imported as a sheet
 */
gboolean
racimo_csv_file_is_spreadsheet (GFile        *file,
                                GCancellable *cancellable)
{
  static const char * const extensions[] = { ".csv", ".tsv", ".xlsx", ".ods" };
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[512];
  gssize n;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      if (has_extension (name, extensions[i]))
        return TRUE;
    }
  if (has_extension (name, ".raci"))
    return FALSE;

  /* On errors, the reader says what is wrong with the file. */
  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return FALSE;

  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, cancellable, NULL);

  return n > 0 && racimo_csv_looks_like_text (head, (gsize) n);
}

/* Decoding */

/* Text decoded from CP932 that holds kana, and hardly anything outside
 * Japanese, is Japanese: Western text decoded that way gives scattered
 * kanji, half-width katakana and private-use characters, and kana only
 * from the rare bytes 0x82 and 0x83 followed by a matching byte. */
static gboolean
looks_japanese (const char *text)
{
  guint non_ascii = 0;
  guint japanese = 0;
  guint kana = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;

      non_ascii++;
      if (c >= 0x3040 && c <= 0x30ff)
        {
          kana++;
          japanese++;
        }
      else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff)
               || (c >= 0xff01 && c <= 0xff5e))
        japanese++;
    }

  return kana > 0 && japanese * 10 >= non_ascii * 9;
}

/* Returns: (transfer full): the text of a CSV file in UTF-8, without a
 * byte order mark.  A file that is not UTF-8 comes from a spreadsheet's
 * "CSV" on Windows: Windows-1252 in the West, CP932 in Japan. */
char *
_racimo_csv_decode_text (const guint8  *data,
                         gsize          size,
                         const char    *display_name,
                         GPtrArray     *problems,
                         GError       **error)
{
  g_autofree char *converted = NULL;
  const char *from = NULL;

  if (size >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      const char *invalid = NULL;

      data += 3;
      size -= 3;
      if (memchr (data, '\0', size) != NULL)
        ;
      else if (g_utf8_validate_len ((const char *) data, size, &invalid))
        return g_strndup ((const char *) data, size);
      else
        {
          /* The mark says UTF-8, so the file is not read in another
           * encoding; but the bytes that are not UTF-8 become "�", and
           * the user is told where the first one is. */
          guint line = 1;

          for (const char *p = (const char *) data; p < invalid; p++)
            if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
              line++;

          _racimo_csv_add_problem (problems, RACIMO_CSV_PROBLEM_CELL, 0, 0, line, NULL,
                       /* Translators: %u is a line number; “�” is U+FFFD */
                       g_strdup_printf (_("Line %u: the file starts with the byte order mark "
                                          "of UTF-8 but holds bytes that are not UTF-8; they "
                                          "were replaced with “�”"), line));
          return g_utf8_make_valid ((const char *) data, (gssize) size);
        }
    }
  else if (size >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      gsize written = 0;

      /* Excel's "Unicode Text" */
      from = data[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
      converted = g_convert ((const char *) data + 2, (gssize) size - 2, "UTF-8", from,
                             NULL, &written, NULL);
      if (converted != NULL && memchr (converted, '\0', written) == NULL)
        return g_steal_pointer (&converted);
    }

  if (from != NULL || memchr (data, '\0', size) != NULL)
    {
      _racimo_csv_set_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_BINARY, display_name, 0,
                 _("this is not a text file; save it from the spreadsheet as CSV"));
      return NULL;
    }

  if (g_utf8_validate_len ((const char *) data, size, NULL))
    return g_strndup ((const char *) data, size);

  converted = g_convert ((const char *) data, (gssize) size, "UTF-8", "CP932",
                         NULL, NULL, NULL);
  if (converted != NULL && looks_japanese (converted))
    return g_steal_pointer (&converted);
  g_clear_pointer (&converted, g_free);

  /* Windows-1252 leaves five bytes undefined, which Latin-1 reads. */
  converted = g_convert ((const char *) data, (gssize) size, "UTF-8", "WINDOWS-1252",
                         NULL, NULL, NULL);
  if (converted == NULL)
    converted = g_convert ((const char *) data, (gssize) size, "UTF-8", "ISO-8859-1",
                           NULL, NULL, NULL);
  if (converted == NULL)
    converted = g_utf8_make_valid ((const char *) data, (gssize) size);

  return g_steal_pointer (&converted);
}

/* A name as it goes into the model: no surrounding spaces, and none of
 * the characters that XML 1.0 cannot hold, so that it saves. */
char *
_racimo_csv_clean_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xfffe || c == 0xffff)
        continue;
      g_string_append_unichar (out, c);
    }

  g_strstrip (out->str);

  return g_string_free (out, FALSE);
}

/* Cells */

void
_racimo_csv_append_codes (GString            *out,
                          const RacimoScheme *scheme,
                          RacimoCodes         codes)
{
  char letters[27];
  guint n = racimo_scheme_order_codes (scheme, codes, letters);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append_c (out, letters[i]);
    }
}

typedef struct
{
  char  *key;    /* normalised with normalize_key() */
  gsize  length;
  char   letter;
} CodeName;

static void
add_code_name (GArray     *names,
               const char *name,
               char        letter)
{
  CodeName entry;

  entry.key = normalize_key (name, -1);
  if (entry.key == NULL || *entry.key == '\0')
    {
      g_free (entry.key);
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      if (strcmp (g_array_index (names, CodeName, i).key, entry.key) == 0)
        {
          g_free (entry.key);
          return;
        }
    }

  entry.length = strlen (entry.key);
  entry.letter = letter;
  g_array_append_val (names, entry);
}

static int
compare_longer_first (gconstpointer a,
                      gconstpointer b)
{
  const CodeName *name_a = a;
  const CodeName *name_b = b;

  if (name_a->length != name_b->length)
    return name_a->length > name_b->length ? -1 : 1;

  return strcmp (name_a->key, name_b->key);
}

/* The long forms of every scheme's codes, in English and in the user's
 * language.  Longer names come first, so that a name is never read as
 * the start of a longer one.  Built once: the language does not change
 * while Racimo runs. */
static const GArray *
get_code_names (void)
{
  static gsize initialized = 0;
  static GArray *names = NULL;

  if (g_once_init_enter (&initialized))
    {
      GArray *array = g_array_new (FALSE, FALSE, sizeof (CodeName));

      for (guint s = 0; s < racimo_scheme_get_n_schemes (); s++)
        {
          const RacimoScheme *scheme = racimo_scheme_get_nth (s);

          for (guint c = 0; c < scheme->n_codes; c++)
            {
              add_code_name (array, scheme->codes[c].name, scheme->codes[c].letter);
              add_code_name (array, g_dgettext (GETTEXT_PACKAGE, scheme->codes[c].name),
                             scheme->codes[c].letter);
            }
        }

      g_array_sort (array, compare_longer_first);
      names = array;
      g_once_init_leave (&initialized, 1);
    }

  return names;
}

RacimoCodes
_racimo_csv_get_all_codes (void)
{
  RacimoCodes mask = 0;

  for (guint s = 0; s < racimo_scheme_get_n_schemes (); s++)
    mask |= racimo_scheme_get_mask (racimo_scheme_get_nth (s));

  return mask;
}

static gboolean
is_separator (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace ((char) c) || strchr ("/,+&;|-()[]{}<>", (int) c) != NULL;

  switch (c)
    {
    case 0x2013: /* – en dash */
    case 0x2014: /* — em dash */
    case 0x3001: /* 、 ideographic comma */
    case 0x30fb: /* ・ katakana middle dot */
    case 0x300c: /* 「 */
    case 0x300d: /* 」 */
    case 0x3010: /* 【 */
    case 0x3011: /* 】 */
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

static gboolean
ends_token (const char *p)
{
  return *p == '\0' || is_separator (g_utf8_get_char (p));
}

/**
 * racimo_csv_parse_cell:
 * @scheme: (nullable): the project's scheme; %NULL while importing,
 *   before the scheme is known, for the codes of every scheme
 * @text: a cell as written in a spreadsheet
 * @codes: (out): the codes read
 *
 * Reads a cell the way people type them: letters separated by "/", ",",
 * "+", "&" or spaces, in either case ("A/R", "a, r", "R+A"), or written
 * together in upper case ("AR"); surrounding spaces and brackets ignored;
 * the long forms of every
 * scheme's codes ("Responsible", "Out of the loop"), in English and in
 * the user's language; full-width forms as a Japanese keyboard types
 * them.  An empty cell, "-" and "n/a" hold no code.
 *
 * A lone letter is always a code, kept even when the scheme does not
 * define it (the unknown-code check then says so).  Letters written
 * together ("AR") must be upper case and all codes of @scheme, so that a
 * word ("Docs", "radio") is not read as codes.
 *
 * Returns: %FALSE, with @codes 0, when the cell is not understood
 */
gboolean
racimo_csv_parse_cell (const RacimoScheme *scheme,
                       const char         *text,
                       RacimoCodes        *codes)
{
  static const char * const no_code[] = { "n/a", "n.a.", "n.a", "na" };
  const GArray *names;
  g_autofree char *key = NULL;
  g_autofree char *cased = NULL;
  g_autoptr(GPtrArray) upper = NULL;
  RacimoCodes allowed;
  RacimoCodes found = 0;
  const char *p;
  const char *counted;
  gboolean in_token = FALSE;
  guint n_tokens = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (codes != NULL, FALSE);

  *codes = 0;

  key = normalize_key (text, -1);
  if (key == NULL)
    return FALSE;
  g_strstrip (key);

  for (guint i = 0; i < G_N_ELEMENTS (no_code); i++)
    {
      if (strcmp (key, no_code[i]) == 0)
        return TRUE;
    }

  names = get_code_names ();
  allowed = scheme != NULL ? racimo_scheme_get_mask (scheme) : _racimo_csv_get_all_codes ();

  /* Whether each token is written in upper case, from the text before case
   * folding, which leaves the separators where they were: the n-th token
   * of one is the n-th of the other. */
  cased = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  upper = g_ptr_array_new ();
  for (const char *q = cased; q != NULL && *q != '\0';)
    {
      gboolean all_upper = TRUE;

      if (is_separator (g_utf8_get_char (q)))
        {
          q = g_utf8_next_char (q);
          continue;
        }
      for (; !ends_token (q); q = g_utf8_next_char (q))
        all_upper &= g_ascii_isupper (*q);
      g_ptr_array_add (upper, GINT_TO_POINTER (all_upper));
    }

  p = counted = key;
  while (*p != '\0')
    {
      const char *token_end;
      gboolean named = FALSE;

      if (is_separator (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      for (guint i = 0; i < names->len; i++)
        {
          const CodeName *name = &g_array_index (names, CodeName, i);

          if (strncmp (p, name->key, name->length) == 0 && ends_token (p + name->length))
            {
              found |= RACIMO_CODE_BIT (name->letter);
              p += name->length;
              named = TRUE;
              break;
            }
        }
      if (named)
        continue;

      /* The number of this token, counting those that names took */
      for (; counted <= p; counted = g_utf8_next_char (counted))
        {
          gboolean separator = is_separator (g_utf8_get_char (counted));

          if (!separator && !in_token)
            n_tokens++;
          in_token = !separator;
        }

      token_end = p;
      while (!ends_token (token_end))
        token_end = g_utf8_next_char (token_end);

      if (token_end - p == 1 && g_ascii_isalpha (*p))
        found |= RACIMO_CODE_BIT (g_ascii_toupper (*p));
      else
        {
          if (n_tokens > upper->len || !GPOINTER_TO_INT (g_ptr_array_index (upper, n_tokens - 1)))
            return FALSE;

          for (const char *q = p; q < token_end; q++)
            {
              char letter = g_ascii_toupper (*q);

              if (!g_ascii_isalpha (*q) || (allowed & RACIMO_CODE_BIT (letter)) == 0)
                return FALSE;
              found |= RACIMO_CODE_BIT (letter);
            }
        }

      p = token_end;
    }

  *codes = found;

  return TRUE;
}

/* The clipboard */

/**
 * racimo_csv_format_block:
 * @activities: (element-type RacimoActivity): the rows, in order
 * @roles: (element-type RacimoRole): the columns, in order
 *
 * Returns: (transfer full): the codes of those cells as spreadsheets put
 *   a copied range on the clipboard: a tab between cells, a line feed
 *   after each row, codes joined with "/" in the scheme's order
 */
char *
racimo_csv_format_block (RacimoProject *project,
                         GPtrArray     *activities,
                         GPtrArray     *roles)
{
  const RacimoScheme *scheme;
  GString *out;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (activities != NULL, NULL);
  g_return_val_if_fail (roles != NULL, NULL);

  scheme = racimo_project_get_scheme (project);
  out = g_string_new (NULL);

  for (guint a = 0; a < activities->len; a++)
    {
      RacimoActivity *activity = g_ptr_array_index (activities, a);

      for (guint r = 0; r < roles->len; r++)
        {
          if (r > 0)
            g_string_append_c (out, '\t');
          _racimo_csv_append_codes (out, scheme, racimo_activity_get_codes (activity,
                                                                g_ptr_array_index (roles, r)));
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * racimo_csv_parse_rows:
 * @text: text in UTF-8, as pasted or read
 * @delimiter: '\t' for the clipboard; ',' or ';' for CSV lines
 *
 * Splits @text into rows of cells, with the quoting of RFC 4180 that
 * spreadsheets also use on the clipboard (a cell holding a line break
 * comes in quotes).  A final line break does not make an empty row.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
racimo_csv_parse_rows (const char *text,
                       char        delimiter)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);

  return _racimo_csv_split_records (valid, strlen (valid), delimiter, G_MAXUINT, 1, NULL, NULL);
}

/**
 * racimo_csv_parse_block:
 * @scheme: the scheme of the project pasted into
 * @text: tab-separated text from the clipboard
 *
 * Reads pasted text as a rectangle of code sets, each cell as
 * racimo_csv_parse_cell() reads it.  Rows shorter than the longest one
 * are filled with empty cells.
 *
 * Returns: (transfer full): the cells
 */
RacimoCsvBlock *
racimo_csv_parse_block (const RacimoScheme *scheme,
                        const char         *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  RacimoCsvBlock *block;

  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  rows = racimo_csv_parse_rows (text, '\t');
  block = g_new0 (RacimoCsvBlock, 1);
  block->n_rows = rows->len;
  for (guint i = 0; i < rows->len; i++)
    block->n_columns = MAX (block->n_columns, g_strv_length (g_ptr_array_index (rows, i)));

  block->texts = g_new0 (char *, (gsize) block->n_rows * block->n_columns);
  block->codes = g_new0 (RacimoCodes, (gsize) block->n_rows * block->n_columns);
  block->understood = g_new0 (gboolean, (gsize) block->n_rows * block->n_columns);

  for (guint row = 0; row < block->n_rows; row++)
    {
      char **cells = g_ptr_array_index (rows, row);
      guint width = g_strv_length (cells);

      for (guint column = 0; column < block->n_columns; column++)
        {
          gsize i = (gsize) row * block->n_columns + column;

          block->texts[i] = g_strdup (_racimo_csv_field (cells, width, column));
          block->understood[i] = racimo_csv_parse_cell (scheme, block->texts[i],
                                                        &block->codes[i]);
        }
    }

  return block;
}

guint
racimo_csv_block_get_n_rows (const RacimoCsvBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->n_rows;
}

guint
racimo_csv_block_get_n_columns (const RacimoCsvBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->n_columns;
}

/**
 * racimo_csv_block_get_text:
 *
 * Returns: the cell as pasted, to name it when it was not understood
 */
const char *
racimo_csv_block_get_text (const RacimoCsvBlock *block,
                           guint                 row,
                           guint                 column)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (row < block->n_rows && column < block->n_columns, NULL);

  return block->texts[(gsize) row * block->n_columns + column];
}

/**
 * racimo_csv_block_get_codes:
 * @codes: (out): the codes of the cell; 0 when it was not understood
 *
 * Returns: %FALSE when the cell was not understood
 */
gboolean
racimo_csv_block_get_codes (const RacimoCsvBlock *block,
                            guint                 row,
                            guint                 column,
                            RacimoCodes          *codes)
{
  gsize i;

  g_return_val_if_fail (block != NULL, FALSE);
  g_return_val_if_fail (row < block->n_rows && column < block->n_columns, FALSE);
  g_return_val_if_fail (codes != NULL, FALSE);

  i = (gsize) row * block->n_columns + column;
  *codes = block->codes[i];

  return block->understood[i];
}

void
racimo_csv_block_free (RacimoCsvBlock *block)
{
  if (block == NULL)
    return;

  for (gsize i = 0; i < (gsize) block->n_rows * block->n_columns; i++)
    g_free (block->texts[i]);
  g_free (block->texts);
  g_free (block->codes);
  g_free (block->understood);
  g_free (block);
}
