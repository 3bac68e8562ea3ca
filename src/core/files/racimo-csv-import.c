/* racimo-csv-import.c: a matrix from the rows of a spreadsheet
 *
 * The rows come from a CSV file (racimo-csv-records.c splits and decodes
 * it) or from a sheet of a workbook; either way the columns are found by
 * their header names, in any order, as docs/file-format.md,
 * "Spreadsheets", lists them: phase, activity, description, applies,
 * waivers; the other columns are roles when their cells hold codes, and
 * are reported as ignored otherwise.  Rows of role properties below the
 * header (abbreviations, people, descriptions, waivers) and a legend of
 * the codes below the table are recognised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-check.h"
#include "racimo-csv-private.h"
#include "racimo-csv.h"
#include "racimo-file-private.h"
#include "racimo-file.h"
#include "racimo-model-private.h"
#include "racimo-task-private.h"
#include "racimo-csv-import-private.h"

/* Cell text quoted in a message is cut here, so one odd cell does not
 * fill the summary. */
#define QUOTED_TEXT_MAX 40

/* Problems */

/**
 * racimo_csv_column_letters:
 * @column: 1-based
 *
 * Returns: (transfer full): the column's name as spreadsheets write it:
 *   A, B, ..., Z, AA, AB, ...
 */
char *
racimo_csv_column_letters (guint column)
{
  char buffer[16];
  guint n = sizeof buffer - 1;

  g_return_val_if_fail (column > 0, NULL);

  buffer[n] = '\0';
  while (column > 0 && n > 0)
    {
      column--;
      buffer[--n] = (char) ('A' + column % 26);
      column /= 26;
    }

  return g_strdup (buffer + n);
}

/* A cell's text as it can be shown inside a one-line message. */
char *
_racimo_csv_import_quote_for_message (const char *text)
{
  g_autofree char *one_line = g_strdup (text);

  for (char *p = one_line; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
    }

  if (g_utf8_strlen (one_line, -1) > QUOTED_TEXT_MAX)
    {
      g_autofree char *start = g_utf8_substring (one_line, 0, QUOTED_TEXT_MAX - 1);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&one_line);
}

static void
add_cell_problem (GPtrArray  *problems,
                  guint       row,
                  guint       column,
                  guint       line,
                  const char *role_name,
                  const char *text)
{
  g_autofree char *letters = racimo_csv_column_letters (column);
  g_autofree char *quoted = _racimo_csv_import_quote_for_message (text);
  char *message;

  if (role_name != NULL && *role_name != '\0')
    {
      g_autofree char *role = _racimo_csv_import_quote_for_message (role_name);

      /* Translators: the first %s is a column such as "D", the second a
       * role name, the third what the cell holds */
      message = g_strdup_printf (_("Row %u, column %s (%s): “%s” is not a code; "
                                   "the cell was left empty"),
                                 row, letters, role, quoted);
    }
  else
    {
      /* Translators: %s is a column such as "D", then what the cell holds */
      message = g_strdup_printf (_("Row %u, column %s: “%s” is not a code; "
                                   "the cell was left empty"),
                                 row, letters, quoted);
    }

  _racimo_csv_add_problem (problems, RACIMO_CSV_PROBLEM_CELL, row, column, line, text, message);
}

void
racimo_csv_column_free (RacimoCsvColumn *column)
{
  if (column == NULL)
    return;

  g_free (column->header);
  g_free (column);
}

/**
 * racimo_csv_column_kind_get_label:
 *
 * Returns: what a column of that kind holds, translated, for the import
 *   report
 */
const char *
racimo_csv_column_kind_get_label (RacimoCsvColumnKind kind)
{
  switch (kind)
    {
    case RACIMO_CSV_COLUMN_AUTO:
      return _("Automatic");
    case RACIMO_CSV_COLUMN_PHASE:
      return _("Phase");
    case RACIMO_CSV_COLUMN_ACTIVITY:
      return _("Activity");
    case RACIMO_CSV_COLUMN_DESCRIPTION:
      return _("Description");
    case RACIMO_CSV_COLUMN_APPLIES:
      return _("Applies");
    case RACIMO_CSV_COLUMN_WAIVERS:
      return _("Waivers");
    case RACIMO_CSV_COLUMN_ROLE:
      return _("Role");
    case RACIMO_CSV_COLUMN_IGNORED:
      return _("Ignored");
    default:
      g_return_val_if_reached ("");
    }
}

/* Formulas */

static gboolean
is_formula_start (char c)
{
  return c != '\0' && strchr ("=+-@\t\r", c) != NULL;
}

/* Whether a spreadsheet would read @text as a formula, or it starts with
 * quotes before such a character (so that reading it back, which takes
 * one quote away, gives @text). */
gboolean
_racimo_csv_needs_protection (const char *text)
{
  while (*text == '\'')
    text++;

  return is_formula_start (*text);
}

/* Takes away the quote that the export put before a cell that starts like
 * a formula: "'=1+1" reads back as "=1+1".  See docs/file-format.md,
 * "Spreadsheets". */
static char *
unprotect (char *text)
{
  const char *p = text;

  while (*p == '\'')
    p++;
  if (p > text && is_formula_start (*p))
    memmove (text, text + 1, strlen (text));

  return text;
}

/* A cell as it goes into the model: clean, and unprotected. */
char *
_racimo_csv_import_cell_text (const char *field)
{
  return unprotect (_racimo_csv_clean_text (field));
}

/* Abbreviations */

static gboolean
is_word_break (gunichar c)
{
  return g_unichar_isspace (c) || (c < 0x80 && strchr ("-/&_.,;:()", (int) c) != NULL);
}

static gboolean
is_number (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return *word != '\0';
}

/* The abbreviation that a name states at its end: "Account manager (AM)"
 * says AM.  Only a short word without spaces, with a letter in it. */
static char *
stated_abbrev (const char *name)
{
  const char *open = strrchr (name, '(');
  const char *close;
  g_autofree char *inside = NULL;
  gboolean letter = FALSE;

  if (open == NULL || open == name)
    return NULL;
  close = strchr (open, ')');
  if (close == NULL || !_racimo_csv_is_blank (close + 1))
    return NULL;

  inside = g_strstrip (g_strndup (open + 1, (gsize) (close - open - 1)));
  if (*inside == '\0' || g_utf8_strlen (inside, -1) > ABBREV_MAX)
    return NULL;

  for (const char *p = inside; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        return NULL;
      letter |= g_unichar_isalpha (c);
    }

  return letter ? g_steal_pointer (&inside) : NULL;
}

/* An abbreviation for column headers: what the name states in
 * parentheses, a short one-word name as it is, the initials of several
 * words ("Data scientist": "DS") keeping acronyms and numbers whole ("ML
 * engineer": "MLE", "Team 10": "T10"), or the start of a long word. */
char *
_racimo_csv_import_make_abbrev (const char *name)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *abbrev;
  const char *p = name;
  char *stated = stated_abbrev (name);

  if (stated != NULL)
    return stated;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && is_word_break (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !is_word_break (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
    }

  if (words->len == 0)
    return NULL;

  if (words->len == 1)
    {
      const char *word = g_ptr_array_index (words, 0);

      if (g_utf8_strlen (word, -1) <= ABBREV_MAX)
        return g_strdup (word);

      return g_utf8_substring (word, 0, 3);
    }

  abbrev = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      guint upper = 0;

      for (const char *q = word; *q != '\0'; q++)
        {
          if (g_ascii_isupper (*q))
            upper++;
        }

      if (is_number (word))
        g_string_append (abbrev, word);
      else if (upper >= 2)
        {
          for (const char *q = word; *q != '\0'; q++)
            {
              if (g_ascii_isupper (*q))
                g_string_append_c (abbrev, *q);
            }
        }
      else
        g_string_append_unichar (abbrev, g_unichar_toupper (g_utf8_get_char (word)));
    }

  if (g_utf8_strlen (abbrev->str, -1) > ABBREV_MAX)
    {
      g_autofree char *cut = g_utf8_substring (abbrev->str, 0, ABBREV_MAX);

      g_string_assign (abbrev, cut);
    }

  return g_string_free (abbrev, FALSE);
}

/* @abbrev, or with a number after it when another role has it already:
 * "DS", "DS2".  An abbreviation that ends in a digit gets "-2", so that
 * "T1" taken does not make "T12", which reads as team 12. */
char *
_racimo_csv_import_make_unique_abbrev (GHashTable *taken,
                                       GHashTable *next,
                                       const char *abbrev)
{
  g_autofree char *abbrev_key = g_utf8_casefold (abbrev, -1);
  glong length = g_utf8_strlen (abbrev, -1);
  gboolean ends_in_digit = g_ascii_isdigit (abbrev[strlen (abbrev) - 1]);
  gpointer hint;
  guint n;

  if (!g_hash_table_contains (taken, abbrev_key))
    {
      g_hash_table_add (taken, g_strdup (abbrev_key));
      return g_strdup (abbrev);
    }

  /* The number to try next for this abbreviation: 10,000 columns of one
   * name would otherwise try 2, 3, ... each time. */
  n = g_hash_table_lookup_extended (next, abbrev_key, NULL, &hint) ? GPOINTER_TO_UINT (hint) : 2;
  for (;; n++)
    {
      g_autofree char *suffix = g_strdup_printf (ends_in_digit ? "-%u" : "%u", n);
      glong kept = MAX (0, MIN (length, ABBREV_MAX - (glong) strlen (suffix)));
      g_autofree char *base = g_utf8_substring (abbrev, 0, kept);
      g_autofree char *candidate = g_strconcat (base, suffix, NULL);
      g_autofree char *key = g_utf8_casefold (candidate, -1);

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, g_steal_pointer (&key));
          g_hash_table_insert (next, g_steal_pointer (&abbrev_key), GUINT_TO_POINTER (n + 1));
          return g_steal_pointer (&candidate);
        }
    }
}

/* The import */

const char *
_racimo_csv_import_field (Import *import,
                          guint   record,
                          int     column)
{
  if (column < 0)
    return "";

  return _racimo_csv_field (g_ptr_array_index (import->records, record), import->widths[record],
                            (guint) column);
}

guint
_racimo_csv_import_line_of (Import *import,
                            guint   record)
{
  return g_array_index (import->lines, guint, record);
}

/* A title row above the header, as people put in their sheets: one cell
 * in the first column, and a next row that fills several. */
static gboolean
is_title_row (char **fields,
              char **next)
{
  guint filled = 0;

  if (next == NULL || _racimo_csv_is_blank (fields[0]) || _racimo_csv_is_phase_header (fields[0]))
    return FALSE;

  for (guint i = 1; fields[i] != NULL; i++)
    {
      if (!_racimo_csv_is_blank (fields[i]))
        return FALSE;
    }

  for (guint i = 0; next[i] != NULL; i++)
    {
      if (!_racimo_csv_is_blank (next[i]))
        filled++;
    }

  return filled >= 2;
}

/**
 * _racimo_csv_choose_scheme:
 *
 * The first scheme that defines every code used, so that a RASCI or a
 * DACI matrix comes back as one; RACI when none does.  Letters that no
 * scheme defines do not count: they are unknown in any of them.
 */
const RacimoScheme *
_racimo_csv_choose_scheme (RacimoCodes used)
{
  used &= _racimo_csv_get_all_codes ();

  for (guint s = 0; s < racimo_scheme_get_n_schemes (); s++)
    {
      const RacimoScheme *scheme = racimo_scheme_get_nth (s);

      if ((used & ~racimo_scheme_get_mask (scheme)) == 0)
        return scheme;
    }

  return racimo_scheme_get_default ();
}

static char *
title_from_name (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/* Activities */

gboolean
_racimo_csv_import_applies (Import *import,
                            guint   record)
{
  static const char * const no_words[] = {
    "no", "n", "false", "0", "not applicable", "does not apply", "いいえ", "対象外", "不要", "×",
    NULL
  };
  static const char * const yes_words[] = {
    "yes", "y", "true", "1", "applies", "はい", "対象", "○", "〇", NULL
  };
  const char *text = _racimo_csv_import_field (import, record, import->applies_column);

  if (_racimo_csv_is_blank (text) || _racimo_csv_key_matches (text, yes_words, _("yes")))
    return TRUE;
  if (_racimo_csv_key_matches (text, no_words, _("no")))
    return FALSE;

  {
    g_autofree char *letters = racimo_csv_column_letters ((guint) import->applies_column + 1);
    g_autofree char *quoted = _racimo_csv_import_quote_for_message (text);

    _racimo_csv_add_problem (import->problems, RACIMO_CSV_PROBLEM_CELL, record + 1,
                             (guint) import->applies_column + 1, _racimo_csv_import_line_of (import, record), text,
                             /* Translators: %s is a column such as "D", then the cell */
                             g_strdup_printf (_("Row %u, column %s: “%s” is neither yes nor no; "
                                                "the activity was kept as applying"),
                                              record + 1, letters, quoted));
  }

  return TRUE;
}

/* The description column's text, then that of each other description
 * or notes column, in the order of the sheet, a paragraph each. */
static void
set_description (Import     *import,
                 RacimoItem *item,
                 guint       record)
{
  g_autoptr(GString) description = g_string_new (NULL);

  for (int c = -1; c < (int) import->n_columns; c++)
    {
      int column = c < 0 ? import->description_column : c;
      g_autofree char *text = NULL;

      if (column < 0 || (c >= 0 && (column == import->description_column
                                    || import->kinds[column] != RACIMO_CSV_COLUMN_DESCRIPTION)))
        continue;
      text = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, record, column));
      if (*text == '\0')
        continue;
      if (description->len > 0)
        g_string_append (description, "\n\n");
      g_string_append (description, text);
    }

  if (description->len > 0)
    racimo_project_set_item_description (import->project, item, description->str);
}

/* A row of notes: each role's cell is the note on that cell of the
 * activity above; with no activity above, the row says nothing. */
static void
add_notes (Import         *import,
           RacimoActivity *activity,
           guint           record)
{
  if (activity == NULL)
    return;

  for (guint r = 0; r < import->roles->len; r++)
    {
      guint column = GPOINTER_TO_UINT (g_ptr_array_index (import->role_columns, r));
      g_autofree char *note = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, record, (int) column));

      /* As for codes: nothing listens to a project being built */
      if (*note != '\0')
        _racimo_activity_set_note (activity, g_ptr_array_index (import->roles, r), note);
    }
}

static RacimoCodes
add_activities (Import *import)
{
  RacimoPhase *phase = NULL;
  RacimoActivity *last = NULL;
  RacimoCodes used = 0;
  g_autofree RacimoCodes *codes = g_new0 (RacimoCodes, MAX (import->roles->len, 1));

  if (import->phase_column < 0)
    phase = racimo_project_add_phase (import->project, -1, "");

  for (guint i = import->first_data; i < import->records->len; i++)
    {
      g_autofree char *name = NULL;
      RacimoActivity *activity;
      RacimoCodes row_codes = 0;
      gboolean started_phase = FALSE;
      gboolean applicable;
      guint row = i + 1;

      if (import->notes[i])
        {
          add_notes (import, last, i);
          continue;
        }
      if (!_racimo_csv_import_is_data_row (import, i))
        continue;

      if (import->phase_column >= 0)
        {
          g_autofree char *phase_name = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, i, import->phase_column));

          if (*phase_name != '\0'
              && (phase == NULL
                  || strcmp (racimo_item_get_name (RACIMO_ITEM (phase)), phase_name) != 0))
            {
              phase = racimo_project_add_phase (import->project, -1, phase_name);
              _racimo_item_set_line (RACIMO_ITEM (phase), _racimo_csv_import_line_of (import, i));
            }
          started_phase = *phase_name != '\0';
        }

      for (guint r = 0; r < import->roles->len; r++)
        {
          guint column = GPOINTER_TO_UINT (g_ptr_array_index (import->role_columns, r));
          gint32 parsed;

          _racimo_csv_import_parse_column (import, column);
          parsed = _racimo_csv_import_parsed_codes (import, i, column);

          codes[r] = parsed != NOT_CODES ? (RacimoCodes) parsed : 0;
          if (parsed == NOT_CODES)
            {
              RacimoRole *role = g_ptr_array_index (import->roles, r);

              add_cell_problem (import->problems, row, column + 1, _racimo_csv_import_line_of (import, i),
                                racimo_item_get_name (RACIMO_ITEM (role)),
                                _racimo_csv_import_field (import, i, (int) column));
            }
          row_codes |= codes[r];
        }

      name = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, i, import->activity_column));
      applicable = _racimo_csv_import_applies (import, i);
      if (*name == '\0' && row_codes == 0
          && _racimo_csv_is_blank (_racimo_csv_import_field (import, i, import->applies_column)))
        {
          /* A row of the phase alone: its description and waivers; with
           * no phase name, those of the unnamed phase at the start */
          last = NULL;
          gboolean extras = !_racimo_csv_is_blank (_racimo_csv_import_field (import, i, import->description_column))
                            || !_racimo_csv_is_blank (_racimo_csv_import_field (import, i, import->waivers_column));

          if (phase == NULL && extras)
            phase = racimo_project_add_phase (import->project, -1, "");
          if (started_phase || extras)
            {
              set_description (import, RACIMO_ITEM (phase), i);
              if (import->waivers_column >= 0)
                _racimo_csv_import_add_waivers (import, RACIMO_ITEM (phase), i, (guint) import->waivers_column);
            }
          continue;
        }

      if (phase == NULL)
        phase = racimo_project_add_phase (import->project, -1, "");

      activity = racimo_project_add_activity (import->project, phase, -1, name);
      last = activity;
      _racimo_item_set_line (RACIMO_ITEM (activity), _racimo_csv_import_line_of (import, i));
      /* As the reader does: nothing listens to a project being built,
       * and its history is cleared at the end. */
      for (guint r = 0; r < import->roles->len; r++)
        {
          if (codes[r] != 0)
            _racimo_activity_set_codes (activity, g_ptr_array_index (import->roles, r), codes[r]);
        }
      if (!applicable)
        racimo_project_set_applicable (import->project, activity, FALSE);
      set_description (import, RACIMO_ITEM (activity), i);
      if (import->waivers_column >= 0)
        _racimo_csv_import_add_waivers (import, RACIMO_ITEM (activity), i, (guint) import->waivers_column);
      used |= row_codes;
    }

  if (racimo_project_get_n_phases (import->project) == 0)
    racimo_project_add_phase (import->project, -1, "");

  return used;
}

/**
 * _racimo_csv_fails_strict:
 *
 * Returns: %TRUE, with @error set, when @options ask for strict mode and
 *   something was not read: anything in @problems but a legend
 */
gboolean
_racimo_csv_fails_strict (const RacimoCsvImportOptions  *options,
                          GPtrArray                     *problems,
                          const char                    *display_name,
                          GError                       **error)
{
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();
  g_autofree char *summary = NULL;

  if (options == NULL || !options->strict)
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      RacimoCsvProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind != RACIMO_CSV_PROBLEM_LEGEND)
        g_ptr_array_add (counted, problem);
    }

  if (counted->len == 0)
    return FALSE;

  summary = racimo_csv_summarize_problems (counted, 10);
  _racimo_csv_set_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_STRICT, display_name, 0,
                         /* Translators: %s is a list of problems, one a line */
                         _("not imported, as strict mode asks: %s"), summary);
  return TRUE;
}

/**
 * _racimo_csv_import_records:
 * @records: (element-type GStrv): the rows of a sheet
 * @lines: the line (or row) each record starts on, for messages
 * @problems: (element-type RacimoCsvProblem): what was not understood is
 *   added here
 * @columns: (out) (optional) (element-type RacimoCsvColumn): how each
 *   column was read
 *
 * The matrix of a sheet's rows, CSV's or a workbook's alike.
 *
 * Returns: (transfer full) (nullable): a project with nothing to undo and
 *   not saved, or %NULL with @error set
 */
RacimoProject *
_racimo_csv_import_records (GPtrArray                    *records,
                            GArray                       *lines,
                            const char                   *display_name,
                            const RacimoCsvImportOptions *options,
                            GPtrArray                    *problems,
                            GPtrArray                   **columns,
                            GError                      **error)
{
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GPtrArray) role_columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_csv_column_free);
  g_autofree char *title = NULL;
  g_autofree guint *widths = NULL;
  g_autofree RacimoCsvColumnKind *kinds = NULL;
  g_autofree gboolean *skipped = NULL;
  g_autofree gboolean *notes = NULL;
  g_autofree char *scheme = NULL;
  guint header = 0;
  guint next;
  Import import;
  RacimoHistory *history;
  RacimoCodes used;

  while (header < records->len && _racimo_csv_is_blank_record (g_ptr_array_index (records, header)))
    header++;
  if (header == records->len)
    {
      _racimo_csv_set_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_EMPTY, display_name, 0,
                             _("the file is empty: there is no header row"));
      return NULL;
    }

  project = racimo_project_new ();

  next = header + 1;
  while (next < records->len && _racimo_csv_is_blank_record (g_ptr_array_index (records, next)))
    next++;
  if (next < records->len
      && is_title_row (g_ptr_array_index (records, header), g_ptr_array_index (records, next)))
    {
      title = _racimo_csv_import_cell_text (((char **) g_ptr_array_index (records, header))[0]);
      header = next;
    }
  else
    title = title_from_name (display_name);

  widths = g_new (guint, MAX (records->len, 1));
  for (guint i = 0; i < records->len; i++)
    widths[i] = g_strv_length (g_ptr_array_index (records, i));

  import = (Import) {
    .project = project,
    .display_name = display_name,
    .problems = problems,
    .records = records,
    .lines = lines,
    .header = g_ptr_array_index (records, header),
    .widths = widths,
    .header_row = header,
    .phase_column = -1,
    .activity_column = -1,
    .description_column = -1,
    .applies_column = -1,
    .waivers_column = -1,
    .role_columns = role_columns,
    .roles = roles,
    .columns = report,
  };
  for (guint i = header; i < records->len; i++)
    import.n_columns = MAX (import.n_columns, widths[i]);
  import.parsed = g_new0 (gint32 *, MAX (records->len, 1));
  import.column_read = g_new0 (gboolean, MAX (import.n_columns, 1));

  if (!_racimo_csv_import_map_columns (&import, options, error))
    {
      g_free (import.kinds);
      g_free (import.parsed);
      g_free (import.column_read);
      return NULL;
    }
  kinds = import.kinds;

  _racimo_csv_import_find_property_rows (&import);
  _racimo_csv_import_find_notes_rows (&import);
  _racimo_csv_import_skip_legends (&import);
  skipped = import.skipped;
  notes = import.notes;
  _racimo_csv_import_add_roles (&import, options);
  scheme = _racimo_csv_import_apply_property_rows (&import);
  used = add_activities (&import);
  for (guint i = 0; i < records->len; i++)
    g_free (import.parsed[i]);
  g_free (import.parsed);
  g_free (import.column_read);

  racimo_project_set_title (project, title);
  if (scheme != NULL)
    _racimo_project_set_scheme_id (project, scheme);
  else
    racimo_project_set_scheme (project, _racimo_csv_choose_scheme (used)->id);

  history = racimo_project_get_history (project);
  racimo_history_clear (history);
  racimo_history_mark_modified (history);

  if (columns != NULL)
    *columns = g_steal_pointer (&report);

  return g_steal_pointer (&project);
}

/**
 * racimo_csv_import_bytes_full:
 * @bytes: the content of a CSV file, or of an .xlsx or .ods workbook
 *   (its first sheet is read)
 * @display_name: names the file in messages; its base name without the
 *   extension becomes the project's title
 * @options: (nullable): strict mode, and the columns as the user chose
 *   them; %NULL to find every column by its header
 * @problems: (out) (optional) (element-type RacimoCsvProblem): on
 *   success, what was not understood (maybe nothing); show it to the user
 * @columns: (out) (optional) (element-type RacimoCsvColumn): on success,
 *   how each column was read, for the import report
 *
 * Reads a matrix from a spreadsheet's CSV: the delimiter (comma,
 * semicolon, tab, or Excel's "sep=" line) and the encoding (UTF-8 with or
 * without BOM, UTF-16 with BOM, CP932 Japanese, else Windows-1252 or
 * Latin-1) are detected.  The first row is the header, unless it holds
 * only a title in its first cell, which then becomes the project's
 * title.  The columns are found by their headers (docs/file-format.md,
 * "Spreadsheets"): a phase column groups the activities (a row with a new
 * value starts a phase, an empty cell continues the one before, as merged
 * cells export); without one, the project has one phase with an empty
 * name.  The other columns are roles when their cells hold codes.
 *
 * Returns: (transfer full) (nullable): a project with nothing to undo and
 *   not saved, or %NULL with @error set
 */
RacimoProject *
racimo_csv_import_bytes_full (GBytes                       *bytes,
                              const char                   *display_name,
                              const RacimoCsvImportOptions *options,
                              GPtrArray                   **problems,
                              GPtrArray                   **columns,
                              GError                      **error)
{
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  const guint8 *data;
  const char *start;
  gsize size;
  char delimiter = '\0';
  guint first_line = 1;
  RacimoCsvPosition unclosed;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (problems == NULL || *problems == NULL, NULL);
  g_return_val_if_fail (columns == NULL || *columns == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = (const guint8 *) "";
  if (size > RACIMO_FILE_MAX_SIZE)
    {
      _racimo_csv_set_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE, display_name, 0,
                             _("the file is larger than 64 MiB"));
      return NULL;
    }

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_csv_problem_free);

  /* An .xlsx or .ods workbook: its first sheet, read the same way */
  if (_racimo_sheet_is_workbook (data, size))
    {
      project = _racimo_sheet_import_bytes (bytes, display_name,
                                            options != NULL ? options->sheet : NULL, options,
                                            found, columns, error);
      if (project == NULL || _racimo_csv_fails_strict (options, found, display_name, error))
        return NULL;
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return g_steal_pointer (&project);
    }

  text = _racimo_csv_decode_text (data, size, display_name, found, error);
  if (text == NULL)
    return NULL;

  /* Excel's "sep=;" line names the delimiter and is not a row. */
  start = text;
  if (g_str_has_prefix (text, "sep=") && text[4] != '\0'
      && (text[5] == '\n' || text[5] == '\r' || text[5] == '\0'))
    {
      delimiter = text[4];
      start = text + 5;
      if (*start == '\r')
        start++;
      if (*start == '\n')
        start++;
      first_line = 2;
    }
  if (delimiter == '\0')
    delimiter = _racimo_csv_detect_delimiter (start, strlen (start));

  lines = g_array_new (FALSE, FALSE, sizeof (guint));
  records = _racimo_csv_split_records (start, strlen (start), delimiter, G_MAXUINT, first_line,
                                       lines, &unclosed);

  project = _racimo_csv_import_records (records, lines, display_name, options, found, columns,
                                        error);
  if (project == NULL)
    return NULL;

  if (unclosed.row != 0)
    {
      g_autofree char *letters = racimo_csv_column_letters (unclosed.column);

      _racimo_csv_add_problem (found, RACIMO_CSV_PROBLEM_QUOTE, unclosed.row, unclosed.column,
                               unclosed.line, NULL,
                               /* Translators: %u is a row number, %s a column such as "D" */
                               g_strdup_printf (_("Row %u, column %s: a quote is not closed; "
                                                  "the rest of the file was read into this cell"),
                                                unclosed.row, letters));
    }

  if (_racimo_csv_fails_strict (options, found, display_name, error))
    return NULL;

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return g_steal_pointer (&project);
}

/**
 * racimo_csv_import_bytes:
 *
 * racimo_csv_import_bytes_full() with every column found by its header.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
RacimoProject *
racimo_csv_import_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GPtrArray  **problems,
                         GError     **error)
{
  return racimo_csv_import_bytes_full (bytes, display_name, NULL, problems, NULL, error);
}

/**
 * racimo_csv_import_file_full:
 * @options: (nullable): as for racimo_csv_import_bytes_full()
 * @problems: (out) (optional) (element-type RacimoCsvProblem): as for
 *   racimo_csv_import_bytes_full()
 * @columns: (out) (optional) (element-type RacimoCsvColumn): as for
 *   racimo_csv_import_bytes_full()
 *
 * Reads @file, at most RACIMO_FILE_MAX_SIZE bytes of it, and imports it
 * with racimo_csv_import_bytes_full(), naming it as a .raci file is named
 * in messages: by its parse name.  Blocks: run it in a thread, or use
 * racimo_csv_import_file_async().
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
RacimoProject *
racimo_csv_import_file_full (GFile                         *file,
                             const RacimoCsvImportOptions  *options,
                             GPtrArray                    **problems,
                             GPtrArray                    **columns,
                             GCancellable                  *cancellable,
                             GError                       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problems == NULL || *problems == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _racimo_file_read (file, NULL, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);

  return racimo_csv_import_bytes_full (bytes, name, options, problems, columns, error);
}

/**
 * racimo_csv_import_file:
 * @problems: (out) (optional) (element-type RacimoCsvProblem): as for
 *   racimo_csv_import_bytes()
 *
 * racimo_csv_import_file_full() with every column found by its header.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
RacimoProject *
racimo_csv_import_file (GFile         *file,
                        GPtrArray    **problems,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return racimo_csv_import_file_full (file, NULL, problems, NULL, cancellable, error);
}

typedef struct
{
  GFile         *file;
  RacimoProject *project;
  GPtrArray     *problems;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_object_unref (import->file);
  g_clear_object (&import->project);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

static gboolean
import_in_thread (gpointer       source_object,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ImportData *import = data;

  import->project = racimo_csv_import_file (import->file, &import->problems, cancellable, error);

  return import->project != NULL;
}

/**
 * racimo_csv_import_file_async:
 *
 * Reads and imports @file in a thread; the window stays responsive.
 */
void
racimo_csv_import_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ImportData *import;

  g_return_if_fail (G_IS_FILE (file));

  import = g_new0 (ImportData, 1);
  import->file = g_object_ref (file);
  _racimo_task_run_in_thread (NULL, racimo_csv_import_file_async, import_in_thread,
                              import, import_data_free, cancellable, callback, user_data);
}

/**
 * racimo_csv_import_file_finish:
 * @problems: (out) (optional) (element-type RacimoCsvProblem): as for
 *   racimo_csv_import_bytes()
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
RacimoProject *
racimo_csv_import_file_finish (GAsyncResult  *result,
                               GPtrArray    **problems,
                               GError       **error)
{
  ImportData *import;

  g_return_val_if_fail (problems == NULL || *problems == NULL, NULL);

  import = _racimo_task_finish (result, racimo_csv_import_file_async, error);
  if (import == NULL)
    return NULL;

  if (problems != NULL)
    *problems = g_steal_pointer (&import->problems);

  return g_steal_pointer (&import->project);
}
