/* racimo-csv.c: exchange with spreadsheets: CSV files
 *
 * The export is RFC 4180: a header row "Phase,Activity,<role names>", one
 * row per activity, each cell the codes joined with "/" in the scheme's
 * order, CRLF between rows.  The import reads what spreadsheets write
 * instead, which is rarely that: semicolons or tabs, a byte order mark, a
 * legacy code page, merged phase cells exported as empty ones, and cells
 * typed by hand ("a, r", "R+A", "Accountable"); racimo-csv-records.c
 * splits and decodes the text and reads the cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-csv-private.h"
#include "racimo-csv.h"
#include "racimo-file-private.h"
#include "racimo-file.h"
#include "racimo-replace-private.h"
#include "racimo-task-private.h"

/* Cell text quoted in a message is cut here, so one odd cell does not
 * fill the summary. */
#define QUOTED_TEXT_MAX 40

#define ABBREV_MAX 8

/* Problems */

void
racimo_csv_problem_free (RacimoCsvProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->text);
  g_free (problem->message);
  g_free (problem);
}

/* Spreadsheets name columns A, B, ..., Z, AA, AB, ... */
static char *
column_letters (guint column)
{
  char buffer[16];
  guint n = sizeof buffer - 1;

  g_assert (column > 0);

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
static char *
quote_for_message (const char *text)
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
  g_autofree char *letters = column_letters (column);
  g_autofree char *quoted = quote_for_message (text);
  char *message;

  if (role_name != NULL && *role_name != '\0')
    {
      g_autofree char *role = quote_for_message (role_name);

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

  _racimo_csv_add_problem (problems, row, column, line, text, message);
}

/**
 * racimo_csv_summarize_problems:
 * @problems: (element-type RacimoCsvProblem): from an import
 * @max_listed: how many problems to name; the others are counted
 *
 * Returns: (transfer full) (nullable): a translated summary of what an
 *   import did not understand, one problem a line, or %NULL when there
 *   was nothing
 */
char *
racimo_csv_summarize_problems (GPtrArray *problems,
                               guint      max_listed)
{
  GString *summary;

  if (problems == NULL || problems->len == 0)
    return NULL;

  summary = g_string_new (NULL);
  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u part of the file was not understood:",
                                       "%u parts of the file were not understood:",
                                       problems->len),
                          problems->len);

  for (guint i = 0; i < problems->len && i < max_listed; i++)
    {
      const RacimoCsvProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_c (summary, '\n');
      g_string_append (summary, problem->message);
    }

  if (problems->len > max_listed)
    {
      guint more = problems->len - max_listed;

      g_string_append_c (summary, '\n');
      g_string_append_printf (summary,
                              /* Translators: after a list of problems, the
                               * number of those not listed */
                              g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                           more),
                              more);
    }

  return g_string_free (summary, FALSE);
}

/* Export */

static char
delimiter_char (const RacimoCsvOptions *options)
{
  if (options == NULL)
    return ',';

  switch (options->delimiter)
    {
    case RACIMO_CSV_COMMA:
      return ',';
    case RACIMO_CSV_SEMICOLON:
      return ';';
    case RACIMO_CSV_TAB:
      return '\t';
    default:
      g_return_val_if_reached (',');
    }
}

static void
append_field (GString    *out,
              const char *text,
              char        delimiter)
{
  if (text == NULL)
    return;

  if (strchr (text, delimiter) == NULL && strpbrk (text, "\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * racimo_csv_quote_field:
 * @text: a cell's text
 * @delimiter: ',', ';' or '\t'
 *
 * Returns: (transfer full): @text as one field of RFC 4180, in quotes
 *   only when it holds @delimiter, a quote or a line break
 */
char *
racimo_csv_quote_field (const char *text,
                        char        delimiter)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  append_field (out, text, delimiter);

  return g_string_free (out, FALSE);
}

/**
 * racimo_csv_export:
 * @options: (nullable): the delimiter and byte order mark; %NULL for
 *   commas and no mark
 *
 * The header row is "Phase", "Activity" (translated) and the role names;
 * each activity is a row that repeats its phase's name, so that sorting
 * or filtering in the spreadsheet keeps it.  A phase without activities
 * is a row with only its name, so that it comes back on import.  Rows end
 * in CRLF; line breaks inside names stay LF, as Excel writes them.
 *
 * Returns: (transfer full): the CSV file, in UTF-8
 */
GBytes *
racimo_csv_export (RacimoProject          *project,
                   const RacimoCsvOptions *options)
{
  const RacimoScheme *scheme;
  GString *out;
  guint n_roles;
  char delimiter;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  scheme = racimo_project_get_scheme (project);
  n_roles = racimo_project_get_n_roles (project);
  delimiter = delimiter_char (options);
  out = g_string_new (NULL);

  if (options != NULL && options->bom)
    g_string_append (out, UTF8_BOM);

  append_field (out, _("Phase"), delimiter);
  g_string_append_c (out, delimiter);
  append_field (out, _("Activity"), delimiter);
  for (guint r = 0; r < n_roles; r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);

      g_string_append_c (out, delimiter);
      append_field (out, racimo_item_get_name (RACIMO_ITEM (role)), delimiter);
    }
  g_string_append (out, "\r\n");

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);
      const char *phase_name = racimo_item_get_name (RACIMO_ITEM (phase));
      guint n_activities = racimo_phase_get_n_activities (phase);

      if (n_activities == 0 && phase_name != NULL && *phase_name != '\0')
        {
          append_field (out, phase_name, delimiter);
          for (guint r = 0; r <= n_roles; r++)
            g_string_append_c (out, delimiter);
          g_string_append (out, "\r\n");
        }

      for (guint a = 0; a < n_activities; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          append_field (out, phase_name, delimiter);
          g_string_append_c (out, delimiter);
          append_field (out, racimo_item_get_name (RACIMO_ITEM (activity)), delimiter);
          for (guint r = 0; r < n_roles; r++)
            {
              RacimoRole *role = racimo_project_get_role (project, r);

              g_string_append_c (out, delimiter);
              _racimo_csv_append_codes (out, scheme, racimo_activity_get_codes (activity, role));
            }
          g_string_append (out, "\r\n");
        }
    }

  return g_string_free_to_bytes (out);
}

/* A CSV file that the importer would refuse is not written: one over
 * RACIMO_FILE_MAX_SIZE.  (It always has its header row, and never a zero
 * byte, so nothing else of it is refused.)  The file is not touched. */
static gboolean
check_limits (GBytes  *bytes,
              GFile   *file,
              GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *size = NULL;

  if (g_bytes_get_size (bytes) <= RACIMO_FILE_MAX_SIZE)
    return TRUE;

  name = g_file_get_parse_name (file);
  size = g_format_size (g_bytes_get_size (bytes));
  g_set_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE,
               /* Translators: the second %s is a size such as "70.2 MB" */
               _("%s: not exported: the CSV file would be %s, and Racimo imports CSV "
                 "files of at most 64 MiB; the file was not changed"),
               name, size);
  return FALSE;
}

/**
 * racimo_csv_save:
 * @options: (nullable): as for racimo_csv_export()
 *
 * Writes the CSV export of @project atomically: a complete file replaces
 * @file, or @file stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
racimo_csv_save (RacimoProject           *project,
                 GFile                   *file,
                 const RacimoCsvOptions  *options,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = racimo_csv_export (project, options);
  if (!check_limits (bytes, file, error))
    return FALSE;

  return _racimo_replace_contents (file, bytes, NULL, NULL, cancellable, error);
}

/**
 * racimo_csv_save_async:
 *
 * The project is serialised at once, on the calling thread, so it may be
 * edited again as soon as this returns; only the writing runs in the
 * background.
 */
void
racimo_csv_save_async (RacimoProject          *project,
                       GFile                  *file,
                       const RacimoCsvOptions *options,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  bytes = racimo_csv_export (project, options);
  check_limits (bytes, file, &error);
  _racimo_replace_save_async (NULL, racimo_csv_save_async, file, bytes, NULL, error,
                              cancellable, callback, user_data);
}

gboolean
racimo_csv_save_finish (GAsyncResult  *result,
                        GError       **error)
{
  return _racimo_replace_save_finish (result, racimo_csv_save_async, NULL, error);
}

/* Import */

static gboolean
is_word_break (gunichar c)
{
  return g_unichar_isspace (c) || (c < 0x80 && strchr ("-/&_.,;:()", (int) c) != NULL);
}

/* An abbreviation for column headers: a short one-word name as it is, the
 * initials of several words ("Data scientist": "DS") keeping acronyms
 * whole ("ML engineer": "MLE"), or the start of a long word. */
static char *
make_abbrev (const char *name)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *abbrev;
  const char *p = name;

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

      if (upper >= 2)
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
 * "DS", "DS2". */
static char *
make_unique_abbrev (GHashTable *taken,
                    GHashTable *next,
                    const char *abbrev)
{
  g_autofree char *abbrev_key = g_utf8_casefold (abbrev, -1);
  glong length = g_utf8_strlen (abbrev, -1);
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
      g_autofree char *suffix = g_strdup_printf ("%u", n);
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

typedef struct
{
  RacimoProject *project;
  GPtrArray     *problems;
  GArray        *lines;        /* the line each record starts on */
  char         **header;
  guint         *widths;       /* the number of fields of each record */
  gboolean       has_phases;
  guint          activity_column; /* 0-based */
  GPtrArray     *role_columns; /* 0-based column of each role, as guint */
  GPtrArray     *roles;        /* RacimoRole, in the same order */
} Import;

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

/* The first scheme that defines every code used, so that a RASCI or a
 * DACI matrix comes back as one; RACI when none does.  Letters that no
 * scheme defines do not count: they are unknown in any of them. */
static const char *
choose_scheme (RacimoCodes used)
{
  used &= _racimo_csv_get_all_codes ();

  for (guint s = 0; s < racimo_scheme_get_n_schemes (); s++)
    {
      const RacimoScheme *scheme = racimo_scheme_get_nth (s);

      if ((used & ~racimo_scheme_get_mask (scheme)) == 0)
        return scheme->id;
    }

  return racimo_scheme_get_default ()->id;
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

static void
add_roles (Import    *import,
           GPtrArray *records,
           guint      first_data)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint header_width = g_strv_length (import->header);
  guint n_columns = header_width;

  for (guint i = first_data; i < records->len; i++)
    n_columns = MAX (n_columns, import->widths[i]);

  for (guint column = import->activity_column + 1; column < n_columns; column++)
    {
      g_autofree char *name = _racimo_csv_clean_text (_racimo_csv_field (import->header, header_width, column));
      g_autofree char *abbrev = NULL;
      g_autofree char *unique = NULL;
      RacimoRole *role;
      gboolean used = *name != '\0';

      /* Columns with neither a header nor a cell are the empty columns
       * that spreadsheets export after the last one, or between. */
      for (guint i = first_data; !used && i < records->len; i++)
        used = !_racimo_csv_is_blank (_racimo_csv_field (g_ptr_array_index (records, i), import->widths[i], column));
      if (!used)
        continue;

      abbrev = make_abbrev (name);
      if (abbrev != NULL)
        unique = make_unique_abbrev (taken, next, abbrev);

      role = racimo_project_add_role (import->project, -1, name, unique);
      g_ptr_array_add (import->role_columns, GUINT_TO_POINTER (column));
      g_ptr_array_add (import->roles, role);
    }
}

static RacimoCodes
add_activities (Import    *import,
                GPtrArray *records,
                guint      first_data)
{
  RacimoPhase *phase = NULL;
  RacimoCodes used = 0;
  g_autofree RacimoCodes *codes = g_new0 (RacimoCodes, MAX (import->roles->len, 1));

  if (!import->has_phases)
    phase = racimo_project_add_phase (import->project, -1, "");

  for (guint i = first_data; i < records->len; i++)
    {
      char **fields = g_ptr_array_index (records, i);
      g_autofree char *name = NULL;
      RacimoActivity *activity;
      RacimoCodes row_codes = 0;
      guint row = i + 1;

      if (_racimo_csv_is_blank_record (fields))
        continue;

      if (import->has_phases)
        {
          g_autofree char *phase_name = _racimo_csv_clean_text (_racimo_csv_field (fields, import->widths[i], 0));

          if (*phase_name != '\0'
              && (phase == NULL
                  || strcmp (racimo_item_get_name (RACIMO_ITEM (phase)), phase_name) != 0))
            phase = racimo_project_add_phase (import->project, -1, phase_name);
        }

      for (guint r = 0; r < import->roles->len; r++)
        {
          guint column = GPOINTER_TO_UINT (g_ptr_array_index (import->role_columns, r));
          const char *text = _racimo_csv_field (fields, import->widths[i], column);

          if (!racimo_csv_parse_cell (NULL, text, &codes[r]))
            {
              RacimoRole *role = g_ptr_array_index (import->roles, r);

              add_cell_problem (import->problems, row, column + 1,
                                g_array_index (import->lines, guint, i),
                                racimo_item_get_name (RACIMO_ITEM (role)), text);
            }
          row_codes |= codes[r];
        }

      name = _racimo_csv_clean_text (_racimo_csv_field (fields, import->widths[i], import->activity_column));
      if (*name == '\0' && row_codes == 0)
        continue;

      if (phase == NULL)
        phase = racimo_project_add_phase (import->project, -1, "");

      activity = racimo_project_add_activity (import->project, phase, -1, name);
      for (guint r = 0; r < import->roles->len; r++)
        {
          if (codes[r] != 0)
            racimo_project_set_codes (import->project, activity,
                                      g_ptr_array_index (import->roles, r), codes[r]);
        }
      used |= row_codes;
    }

  if (racimo_project_get_n_phases (import->project) == 0)
    racimo_project_add_phase (import->project, -1, "");

  return used;
}

/**
 * racimo_csv_import_bytes:
 * @bytes: the content of a CSV file
 * @display_name: names the file in messages; its base name without the
 *   extension becomes the project's title
 * @problems: (out) (optional) (element-type RacimoCsvProblem): on
 *   success, what was not understood (maybe nothing); show it to the user
 *
 * Reads a matrix from a spreadsheet's CSV: the delimiter (comma,
 * semicolon, tab, or Excel's "sep=" line) and the encoding (UTF-8 with or
 * without BOM, UTF-16 with BOM, CP932 Japanese, else Windows-1252 or
 * Latin-1) are detected.  The first row is the header, unless it holds
 * only a title in its first cell, which then becomes the project's
 * title.  A first column headed "Phase" (or its translation) groups the
 * activities: a row with a new value starts a phase, an empty cell
 * continues the one before, as merged cells export.  Without it, the
 * first column is the activity and the project has one phase with an
 * empty name.  Every other column with a header or a cell is a role.
 *
 * Returns: (transfer full) (nullable): a project with nothing to undo and
 *   not saved, or %NULL with @error set
 */
RacimoProject *
racimo_csv_import_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GPtrArray  **problems,
                         GError     **error)
{
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) role_columns = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree guint *widths = NULL;
  const guint8 *data;
  const char *start;
  gsize size;
  char delimiter = '\0';
  guint first_line = 1;
  guint header = 0;
  guint next;
  RacimoCsvPosition unclosed;
  Import import;
  RacimoHistory *history;
  RacimoCodes used;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (problems == NULL || *problems == NULL, NULL);
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
  records = _racimo_csv_split_records (start, strlen (start), delimiter, G_MAXUINT, first_line, lines,
                           &unclosed);

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
      title = _racimo_csv_clean_text (((char **) g_ptr_array_index (records, header))[0]);
      header = next;
    }
  else
    title = title_from_name (display_name);

  widths = g_new (guint, MAX (records->len, 1));
  for (guint i = 0; i < records->len; i++)
    widths[i] = g_strv_length (g_ptr_array_index (records, i));

  role_columns = g_ptr_array_new ();
  roles = g_ptr_array_new ();
  import = (Import) {
    .project = project,
    .problems = found,
    .lines = lines,
    .header = g_ptr_array_index (records, header),
    .widths = widths,
    .role_columns = role_columns,
    .roles = roles,
  };
  import.has_phases = _racimo_csv_is_phase_header (import.header[0]);
  import.activity_column = import.has_phases ? 1 : 0;

  if (import.has_phases)
    {
      guint n_columns = 0;

      for (guint i = header; i < records->len; i++)
        n_columns = MAX (n_columns, widths[i]);

      if (n_columns < 2)
        {
          _racimo_csv_set_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_NO_ACTIVITY_COLUMN, display_name,
                     g_array_index (lines, guint, header),
                     _("there is no activity column after the phase column"));
          return NULL;
        }
    }

  add_roles (&import, records, header + 1);
  used = add_activities (&import, records, header + 1);

  if (unclosed.row != 0)
    {
      g_autofree char *letters = column_letters (unclosed.column);

      _racimo_csv_add_problem (found, unclosed.row, unclosed.column, unclosed.line, NULL,
                   /* Translators: %u is a row number, %s a column such as "D" */
                   g_strdup_printf (_("Row %u, column %s: a quote is not closed; "
                                      "the rest of the file was read into this cell"),
                                    unclosed.row, letters));
    }

  racimo_project_set_title (project, title);
  racimo_project_set_scheme (project, choose_scheme (used));

  history = racimo_project_get_history (project);
  racimo_history_clear (history);
  racimo_history_mark_modified (history);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return g_steal_pointer (&project);
}

/**
 * racimo_csv_import_file:
 * @problems: (out) (optional) (element-type RacimoCsvProblem): as for
 *   racimo_csv_import_bytes()
 *
 * Reads @file, at most RACIMO_FILE_MAX_SIZE bytes of it, and imports it
 * with racimo_csv_import_bytes(), naming it as a .raci file is named in
 * messages: by its parse name.  Blocks: run it in a thread, or use
 * racimo_csv_import_file_async().
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
RacimoProject *
racimo_csv_import_file (GFile         *file,
                        GPtrArray    **problems,
                        GCancellable  *cancellable,
                        GError       **error)
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

  return racimo_csv_import_bytes (bytes, name, problems, error);
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
