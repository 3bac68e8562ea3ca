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

/* What the export needs besides names and codes, to be lossless: the
 * columns and rows of docs/file-format.md, "Spreadsheets". */
typedef struct
{
  gboolean applies;       /* an activity does not apply, or is bare */
  gboolean descriptions;  /* a phase or an activity has a description */
  gboolean waivers;       /* a phase or an activity has a waiver */
  gboolean abbrevs;       /* there are roles: an empty cell says "none" */
  gboolean people;
  gboolean role_descriptions;
  gboolean role_waivers;
  RacimoCodes used;
} Extras;

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
item_has_extras (RacimoItem *item)
{
  return has_text (racimo_item_get_description (item)) || racimo_item_get_n_waivers (item) > 0;
}

/* An activity with neither a name nor codes, whose row would read as
 * its phase's: its applies cell says "yes". */
static gboolean
is_bare (RacimoActivity *activity)
{
  return !has_text (racimo_item_get_name (RACIMO_ITEM (activity)))
         && racimo_activity_get_all_codes (activity) == 0;
}

static Extras
find_extras (RacimoProject *project)
{
  Extras extras = { 0 };

  extras.abbrevs = racimo_project_get_n_roles (project) > 0;

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);

      extras.people |= has_text (racimo_role_get_person (role));
      extras.role_descriptions |= has_text (racimo_item_get_description (RACIMO_ITEM (role)));
      extras.role_waivers |= racimo_item_get_n_waivers (RACIMO_ITEM (role)) > 0;
    }

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      extras.descriptions |= has_text (racimo_item_get_description (RACIMO_ITEM (phase)));
      extras.waivers |= racimo_item_get_n_waivers (RACIMO_ITEM (phase)) > 0;

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);
          RacimoItem *item = RACIMO_ITEM (activity);

          extras.applies |= !racimo_activity_get_applicable (activity) || is_bare (activity);
          extras.descriptions |= has_text (racimo_item_get_description (item));
          extras.waivers |= racimo_item_get_n_waivers (item) > 0;
          extras.used |= racimo_activity_get_all_codes (activity);
        }
    }

  return extras;
}

/* Waivers as the import reads them: "check-id: reason", one a line. */
static char *
format_waivers (RacimoItem *item)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < racimo_item_get_n_waivers (item); i++)
    {
      const RacimoWaiver *waiver = racimo_item_get_waiver (item, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s: %s", waiver->check, waiver->reason);
    }

  return g_string_free (out, FALSE);
}

static RacimoCsvRow *
row_new (RacimoCsvRowKind  kind,
         RacimoItem       *item)
{
  RacimoCsvRow *row = g_new0 (RacimoCsvRow, 1);

  row->kind = kind;
  row->item = item;
  row->cells = g_ptr_array_new_with_free_func (g_free);

  return row;
}

static void
row_free (gpointer data)
{
  RacimoCsvRow *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
add_cell (RacimoCsvRow *row,
          const char   *text)
{
  g_ptr_array_add (row->cells, g_strdup (text != NULL ? text : ""));
}

/* The cells between the activity and the roles: applies, description,
 * waivers, each when the project needs it. */
static void
add_item_extras (RacimoCsvRow *row,
                 const Extras *extras,
                 RacimoItem   *item)
{
  if (extras->applies)
    {
      if (RACIMO_IS_ACTIVITY (item) && !racimo_activity_get_applicable (RACIMO_ACTIVITY (item)))
        add_cell (row, _("no"));
      else if (RACIMO_IS_ACTIVITY (item) && is_bare (RACIMO_ACTIVITY (item)))
        add_cell (row, _("yes"));
      else
        add_cell (row, NULL);
    }
  if (extras->descriptions)
    add_cell (row, racimo_item_get_description (item));
  if (extras->waivers)
    g_ptr_array_add (row->cells, format_waivers (item));
}

static guint
n_extra_columns (const Extras *extras)
{
  return (extras->applies ? 1 : 0) + (extras->descriptions ? 1 : 0) + (extras->waivers ? 1 : 0);
}

typedef enum
{
  ROLE_ABBREV,
  ROLE_PERSON,
  ROLE_DESCRIPTION,
  ROLE_WAIVERS,
} RoleProperty;

/* A row of one property of every role, below the header. */
static RacimoCsvRow *
role_row (RacimoProject *project,
          const Extras  *extras,
          const char    *label,
          RoleProperty   property)
{
  RacimoCsvRow *row = row_new (RACIMO_CSV_ROW_PROPERTY, NULL);

  add_cell (row, NULL);
  add_cell (row, label);
  for (guint i = 0; i < n_extra_columns (extras); i++)
    add_cell (row, NULL);

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);

      switch (property)
        {
        case ROLE_ABBREV:
          add_cell (row, racimo_role_get_abbrev (role));
          break;
        case ROLE_PERSON:
          add_cell (row, racimo_role_get_person (role));
          break;
        case ROLE_DESCRIPTION:
          add_cell (row, racimo_item_get_description (RACIMO_ITEM (role)));
          break;
        case ROLE_WAIVERS:
          g_ptr_array_add (row->cells, format_waivers (RACIMO_ITEM (role)));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return row;
}

/* A row of a property of the project: its label and its value. */
static RacimoCsvRow *
project_row (const char *label,
             const char *value)
{
  RacimoCsvRow *row = row_new (RACIMO_CSV_ROW_PROPERTY, NULL);

  add_cell (row, NULL);
  add_cell (row, label);
  add_cell (row, value);

  return row;
}

static void
add_header_rows (GPtrArray     *rows,
                 RacimoProject *project,
                 const Extras  *extras)
{
  const char *title = racimo_project_get_title (project);
  const char *description = racimo_project_get_description (project);
  const char *scheme_id = racimo_project_get_scheme_id (project);
  RacimoCsvRow *row;

  /* A title row: one cell, which the import takes for the title */
  if (has_text (title))
    {
      row = row_new (RACIMO_CSV_ROW_TITLE, NULL);
      add_cell (row, title);
      g_ptr_array_add (rows, row);
    }

  row = row_new (RACIMO_CSV_ROW_HEADER, NULL);
  add_cell (row, _("Phase"));
  add_cell (row, _("Activity"));
  if (extras->applies)
    add_cell (row, _("Applies"));
  if (extras->descriptions)
    add_cell (row, _("Description"));
  if (extras->waivers)
    add_cell (row, _("Waivers"));
  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    add_cell (row, racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (project, r))));
  g_ptr_array_add (rows, row);

  if (g_strcmp0 (scheme_id, _racimo_csv_choose_scheme (extras->used)->id) != 0)
    g_ptr_array_add (rows, project_row (_("Scheme"), scheme_id));
  if (has_text (description))
    g_ptr_array_add (rows, project_row (_("Project description"), description));
  if (extras->abbrevs)
    g_ptr_array_add (rows, role_row (project, extras, _("Abbreviation"), ROLE_ABBREV));
  if (extras->people)
    g_ptr_array_add (rows, role_row (project, extras, _("Person"), ROLE_PERSON));
  if (extras->role_descriptions)
    g_ptr_array_add (rows, role_row (project, extras, _("Role description"), ROLE_DESCRIPTION));
  if (extras->role_waivers)
    g_ptr_array_add (rows, role_row (project, extras, _("Role waivers"), ROLE_WAIVERS));
}

/**
 * _racimo_csv_export_rows:
 * @first_role: (out) (optional): the 0-based column of the first role
 *
 * The rows of the layout of docs/file-format.md, "Spreadsheets", as
 * texts that a spreadsheet cell holds: CSV writes them with quotes and
 * delimiters, the .xlsx export into cells.
 *
 * Returns: (transfer full) (element-type RacimoCsvRow): the rows
 */
GPtrArray *
_racimo_csv_export_rows (RacimoProject *project,
                         guint         *first_role)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (project);
  guint n_roles = racimo_project_get_n_roles (project);
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  Extras extras = find_extras (project);

  if (first_role != NULL)
    *first_role = 2 + n_extra_columns (&extras);

  add_header_rows (rows, project, &extras);

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);
      const char *phase_name = racimo_item_get_name (RACIMO_ITEM (phase));
      guint n_activities = racimo_phase_get_n_activities (phase);
      RacimoCsvRow *row;

      if ((has_text (phase_name) && n_activities == 0) || item_has_extras (RACIMO_ITEM (phase)))
        {
          row = row_new (RACIMO_CSV_ROW_PHASE, RACIMO_ITEM (phase));
          add_cell (row, phase_name);
          add_cell (row, NULL);
          add_item_extras (row, &extras, RACIMO_ITEM (phase));
          for (guint r = 0; r < n_roles; r++)
            add_cell (row, NULL);
          g_ptr_array_add (rows, row);
        }

      for (guint a = 0; a < n_activities; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          row = row_new (RACIMO_CSV_ROW_ACTIVITY, RACIMO_ITEM (activity));
          add_cell (row, phase_name);
          add_cell (row, racimo_item_get_name (RACIMO_ITEM (activity)));
          add_item_extras (row, &extras, RACIMO_ITEM (activity));
          for (guint r = 0; r < n_roles; r++)
            {
              RacimoRole *role = racimo_project_get_role (project, r);
              GString *codes = g_string_new (NULL);

              _racimo_csv_append_codes (codes, scheme, racimo_activity_get_codes (activity, role));
              g_ptr_array_add (row->cells, g_string_free (codes, FALSE));
            }
          g_ptr_array_add (rows, row);
        }
    }

  return rows;
}

/**
 * racimo_csv_export:
 * @options: (nullable): the delimiter and byte order mark; %NULL for
 *   commas and no mark
 *
 * Writes the layout of docs/file-format.md, "Spreadsheets": the title
 * row, the header row "Phase", "Activity" (translated), the columns that
 * the project needs (applies, description, waivers) and the role names;
 * the rows of role properties that the project needs; each activity a row
 * that repeats its phase's name, so that sorting or filtering in the
 * spreadsheet keeps it.  A phase without activities, or with a
 * description or waivers, has a row of its own before its activities.
 * Rows end in CRLF; line breaks inside names stay LF, as Excel writes
 * them.  A cell that a spreadsheet would compute ("=1+1", "+49 30",
 * "@SUM(...)", "-x") gets a quote before it, as spreadsheet security
 * guidance says, which the import takes away.
 *
 * Returns: (transfer full): the CSV file, in UTF-8
 */
GBytes *
racimo_csv_export (RacimoProject          *project,
                   const RacimoCsvOptions *options)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out;
  char delimiter;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  delimiter = delimiter_char (options);
  rows = _racimo_csv_export_rows (project, NULL);
  out = g_string_new (NULL);

  if (options != NULL && options->bom)
    g_string_append (out, UTF8_BOM);

  for (guint i = 0; i < rows->len; i++)
    {
      RacimoCsvRow *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < row->cells->len; c++)
        {
          const char *text = g_ptr_array_index (row->cells, c);
          g_autofree char *protected = NULL;

          if (_racimo_csv_needs_protection (text))
            text = protected = g_strconcat ("'", text, NULL);
          if (c > 0)
            g_string_append_c (out, delimiter);
          append_field (out, text, delimiter);
        }
      g_string_append (out, "\r\n");
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

