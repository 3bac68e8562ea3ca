/* racimo-csv-import-roles.c: the roles of an imported sheet: the columns that hold
 * codes, and the rows of properties under the header (abbreviations,
 * people, members, descriptions, waivers) (docs/file-format.md,
 * "Spreadsheets")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-check.h"
#include "racimo-csv-import-private.h"
#include "racimo-csv-private.h"
#include "racimo-csv.h"
#include "racimo-file-private.h"
#include "racimo-file.h"
#include "racimo-model-private.h"
#include "racimo-task-private.h"

/* Roles */

gboolean
_racimo_csv_import_is_data_row (Import *import,
                                guint   record)
{
  return !import->skipped[record] && !import->notes[record]
         && !_racimo_csv_is_blank_record (g_ptr_array_index (import->records, record));
}

typedef struct
{
  guint codes;   /* cells with codes */
  guint empty;   /* cells that say "no code": "-", "n/a" */
  guint other;   /* cells that are not codes */
} CellCounts;

/* The codes of each cell of @column, read once: deciding whether the
 * column is a role and filling the matrix both need them.  They are kept
 * beside the fields of each record, so that the memory they take grows
 * with the cells of the file, not with its rows times its columns. */
void
_racimo_csv_import_parse_column (Import *import,
                                 guint   column)
{
  if (import->column_read[column])
    return;

  for (guint i = import->first_data; i < import->records->len; i++)
    {
      const char *text;
      RacimoCodes codes;

      if (!_racimo_csv_import_is_data_row (import, i))
        continue;

      text = _racimo_csv_import_field (import, i, (int) column);
      if (_racimo_csv_is_blank (text))
        continue;
      if (import->parsed[i] == NULL)
        import->parsed[i] = g_new0 (gint32, import->widths[i]);
      import->parsed[i][column] = racimo_csv_parse_cell (NULL, text, &codes) ? (gint32) codes
                                                                              : NOT_CODES;
    }

  import->column_read[column] = TRUE;
}

/* The codes of a cell that _racimo_csv_import_parse_column() read; 0 for a blank one. */
gint32
_racimo_csv_import_parsed_codes (Import *import,
                                 guint   record,
                                 guint   column)
{
  const gint32 *row = import->parsed[record];

  return row != NULL && column < import->widths[record] ? row[column] : 0;
}

static CellCounts
count_cells (Import *import,
             guint   column)
{
  CellCounts counts = { 0, 0, 0 };

  _racimo_csv_import_parse_column (import, column);
  for (guint i = import->first_data; i < import->records->len; i++)
    {
      gint32 parsed;

      if (!_racimo_csv_import_is_data_row (import, i) || _racimo_csv_is_blank (_racimo_csv_import_field (import, i, (int) column)))
        continue;
      parsed = _racimo_csv_import_parsed_codes (import, i, column);
      if (parsed == NOT_CODES)
        counts.other++;
      else if (parsed != 0)
        counts.codes++;
      else
        counts.empty++;
    }

  return counts;
}

static gboolean
holds_codes (const CellCounts *counts)
{
  return counts->codes >= counts->other && (counts->codes > 0 || counts->other == 0);
}

static RacimoCsvColumn *
add_column_report (Import              *import,
                   guint                column,
                   RacimoCsvColumnKind  kind)
{
  RacimoCsvColumn *report = g_new0 (RacimoCsvColumn, 1);

  report->column = column + 1;
  report->kind = kind;
  report->header = _racimo_csv_clean_text (_racimo_csv_field (import->header,
                                                             import->widths[import->header_row],
                                                             column));
  g_ptr_array_add (import->columns, report);

  return report;
}

static void
add_ignored_problem (Import     *import,
                     guint       column,
                     const char *header,
                     gboolean    by_header)
{
  g_autofree char *letters = racimo_csv_column_letters (column + 1);
  g_autofree char *quoted = _racimo_csv_import_quote_for_message (header);
  char *message;

  if (by_header)
    /* Translators: %s is a column such as "D", then its header, such as
     * "Status" or "Due date" */
    message = g_strdup_printf (_("Column %s (“%s”) was ignored: a column of that name "
                                 "is not a role"),
                               letters, quoted);
  else if (*header != '\0')
    /* Translators: %s is a column such as "D", then its header */
    message = g_strdup_printf (_("Column %s (“%s”) was ignored: there are no codes in it"),
                               letters, quoted);
  else
    /* Translators: %s is a column such as "D" */
    message = g_strdup_printf (_("Column %s was ignored: there are no codes in it"), letters);

  _racimo_csv_add_problem (import->problems, RACIMO_CSV_PROBLEM_COLUMN, import->header_row + 1,
                           column + 1, _racimo_csv_import_line_of (import, import->header_row), header, message);
}

/* Decides what the columns without a header word hold: roles when their
 * cells hold codes, ignored otherwise.  An applies or waivers column
 * full of codes is a role of that name after all; a description or notes
 * column and the columns of non_role_words never are. */
void
_racimo_csv_import_add_roles (Import                       *import,
                              const RacimoCsvImportOptions *options)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint header_width = import->widths[import->header_row];
  for (guint column = 0; column < import->n_columns; column++)
    {
      RacimoCsvColumnKind kind = import->kinds[column];
      gboolean by_user = options != NULL && options->columns != NULL
                         && column < options->n_columns
                         && options->columns[column] != RACIMO_CSV_COLUMN_AUTO;
      g_autofree char *name = NULL;
      g_autofree char *abbrev = NULL;
      g_autofree char *unique = NULL;
      CellCounts counts;
      RacimoRole *role;
      gboolean by_content = FALSE;

      if (kind == RACIMO_CSV_COLUMN_PHASE || kind == RACIMO_CSV_COLUMN_ACTIVITY
          || kind == RACIMO_CSV_COLUMN_DESCRIPTION
          || (by_user && kind != RACIMO_CSV_COLUMN_ROLE))
        {
          add_column_report (import, column, kind)->guessed =
            !by_user && (int) column == import->activity_column && import->activity_guessed;
          continue;
        }

      name = _racimo_csv_import_cell_text (_racimo_csv_field (import->header, header_width, column));
      counts = count_cells (import, column);

      if (kind == RACIMO_CSV_COLUMN_IGNORED)
        {
          add_ignored_problem (import, column, name, holds_codes (&counts) && counts.codes > 0);
          add_column_report (import, column, kind);
          continue;
        }

      if (kind != RACIMO_CSV_COLUMN_AUTO && kind != RACIMO_CSV_COLUMN_ROLE)
        {
          int *slot = _racimo_csv_import_column_slot (import, kind);

          if (counts.codes == 0 || !holds_codes (&counts))
            {
              add_column_report (import, column, kind);
              continue;
            }
          *slot = -1;
          by_content = TRUE;
        }

      /* Columns with neither a header nor a cell are the empty columns
       * that spreadsheets export after the last one, or between. */
      if (*name == '\0' && counts.codes + counts.empty + counts.other == 0)
        continue;

      if (kind != RACIMO_CSV_COLUMN_ROLE && !holds_codes (&counts))
        {
          add_ignored_problem (import, column, name, FALSE);
          import->kinds[column] = RACIMO_CSV_COLUMN_IGNORED;
          add_column_report (import, column, RACIMO_CSV_COLUMN_IGNORED);
          continue;
        }

      abbrev = _racimo_csv_import_make_abbrev (name);
      if (abbrev != NULL)
        unique = _racimo_csv_import_make_unique_abbrev (taken, next, abbrev);

      role = racimo_project_add_role (import->project, -1, name, unique);
      _racimo_item_set_line (RACIMO_ITEM (role), _racimo_csv_import_line_of (import, import->header_row));
      import->kinds[column] = RACIMO_CSV_COLUMN_ROLE;
      g_ptr_array_add (import->role_columns, GUINT_TO_POINTER (column));
      g_ptr_array_add (import->roles, role);
      add_column_report (import, column, RACIMO_CSV_COLUMN_ROLE)->guessed = by_content;
    }
}

/* A check id as docs/file-format.md, "Checks", spells them: lower-case
 * words joined by "-".  Ids of checks that this version does not know
 * come from newer versions, and are kept as the reader keeps them. */
static gboolean
is_check_id (const char *id)
{
  if (!g_ascii_islower (*id))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static void
set_waiver (Import     *import,
            RacimoItem *item,
            const char *check,
            GString    *reason)
{
  RacimoCheck known;

  if (racimo_check_from_id (check, &known))
    racimo_project_set_waiver (import->project, item, check, reason->str);
  else
    _racimo_item_append_waiver (item, check, reason->str);
}

/* Waivers: one a line, "check-id: reason"; the lines that follow one
 * without a check id of their own continue its reason. */
void
_racimo_csv_import_add_waivers (Import     *import,
                                RacimoItem *item,
                                guint       record,
                                guint       column)
{
  g_autofree char *text = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, record, (int) column));
  g_auto(GStrv) lines = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GString) reason = NULL;

  if (*text == '\0')
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');
      g_autofree char *id = colon != NULL ? g_strstrip (g_strndup (lines[i], (gsize) (colon - lines[i])))
                                          : NULL;

      if (id != NULL && is_check_id (id))
        {
          if (check != NULL)
            set_waiver (import, item, check, reason);
          g_free (check);
          check = g_steal_pointer (&id);
          if (reason != NULL)
            g_string_free (reason, TRUE);
          reason = g_string_new (colon + 1);
          g_strstrip (reason->str);
          g_string_set_size (reason, strlen (reason->str));
        }
      else if (reason != NULL)
        {
          g_string_append_c (reason, '\n');
          g_string_append (reason, lines[i]);
        }
      else
        {
          g_autofree char *letters = racimo_csv_column_letters (column + 1);
          g_autofree char *quoted = _racimo_csv_import_quote_for_message (lines[i]);

          _racimo_csv_add_problem (import->problems, RACIMO_CSV_PROBLEM_CELL, record + 1,
                                   column + 1, _racimo_csv_import_line_of (import, record), lines[i],
                                   /* Translators: %s is a column such as "D", then a line of
                                    * the cell */
                                   g_strdup_printf (_("Row %u, column %s: “%s” does not start "
                                                      "with the id of a check; the line was "
                                                      "left out"),
                                                    record + 1, letters, quoted));
        }
    }

  if (check != NULL)
    set_waiver (import, item, check, reason);
}

/* A person's findings name the first row that names the person. */
static void
set_person_line (Import       *import,
                 RacimoPerson *person,
                 guint         record)
{
  if (racimo_item_get_line (RACIMO_ITEM (person)) == 0)
    _racimo_item_set_line (RACIMO_ITEM (person), _racimo_csv_import_line_of (import, record));
}

/* Members: a name a line, the first person of that name, or a new one
 * when no "People" row lists it. */
static void
add_members (Import     *import,
             RacimoRole *role,
             const char *text,
             guint       record)
{
  g_auto(GStrv) names = g_strsplit (text, "\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      RacimoPerson *person;

      if (*name == '\0')
        continue;
      person = racimo_project_find_person (import->project, name);
      if (person == NULL)
        person = racimo_project_add_person (import->project, -1, name, NULL);
      set_person_line (import, person, record);
      racimo_project_add_member (import->project, role, person);
    }
}

/* A row of the "People" rows: the name, e-mail address and waivers of
 * one person, in the cells after the label. */
static void
add_person (Import *import,
            guint   record)
{
  guint column = (guint) import->activity_column + 1;
  g_autofree char *name = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, record, (int) column));
  g_autofree char *email = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, record, (int) column + 1));
  RacimoPerson *person;

  if (*name == '\0')
    return;

  person = racimo_project_add_person (import->project, -1, name, *email != '\0' ? email : NULL);
  set_person_line (import, person, record);
  _racimo_csv_import_add_waivers (import, RACIMO_ITEM (person), record, column + 2);
}

static void
apply_property_row (Import   *import,
                    guint     record,
                    Property  property)
{
  for (guint r = 0; r < import->roles->len; r++)
    {
      RacimoRole *role = g_ptr_array_index (import->roles, r);
      guint column = GPOINTER_TO_UINT (g_ptr_array_index (import->role_columns, r));
      g_autofree char *text = _racimo_csv_import_cell_text (_racimo_csv_import_field (import, record, (int) column));

      switch (property)
        {
        case PROPERTY_ABBREV:
          if (g_utf8_strlen (text, -1) > ABBREV_MAX)
            {
              g_autofree char *cut = g_utf8_substring (text, 0, ABBREV_MAX);

              g_free (text);
              text = g_steal_pointer (&cut);
            }
          racimo_project_set_role_abbrev (import->project, role, *text != '\0' ? text : NULL);
          break;
        case PROPERTY_PERSON:
          racimo_project_set_role_person (import->project, role, *text != '\0' ? text : NULL);
          if (racimo_role_get_n_members (role) > 0)
            set_person_line (import, racimo_role_get_member (role, 0), record);
          break;
        case PROPERTY_ROLE_DESCRIPTION:
          racimo_project_set_item_description (import->project, RACIMO_ITEM (role),
                                               *text != '\0' ? text : NULL);
          break;
        case PROPERTY_ROLE_WAIVERS:
          _racimo_csv_import_add_waivers (import, RACIMO_ITEM (role), record, column);
          break;
        case PROPERTY_MEMBERS:
          add_members (import, role, text, record);
          break;
        case PROPERTY_NONE:
        case PROPERTY_PEOPLE:
        case PROPERTY_PROJECT_DESCRIPTION:
        case PROPERTY_SCHEME:
        default:
          g_assert_not_reached ();
        }
    }
}

/* The properties of the roles and of the project; returns the scheme the
 * file names, or NULL.  A scheme of a newer version is kept by its id, as
 * the reader keeps it. */
char *
_racimo_csv_import_apply_property_rows (Import *import)
{
  char *scheme = NULL;

  /* The people first, so that members name them wherever their rows are */
  for (guint i = import->header_row + 1; i < import->first_data; i++)
    {
      if (!_racimo_csv_is_blank_record (g_ptr_array_index (import->records, i))
          && _racimo_csv_import_property_of_row (import, i) == PROPERTY_PEOPLE)
        add_person (import, i);
    }

  for (guint i = import->header_row + 1; i < import->first_data; i++)
    {
      Property property;
      g_autofree char *value = NULL;

      if (_racimo_csv_is_blank_record (g_ptr_array_index (import->records, i)))
        continue;

      property = _racimo_csv_import_property_of_row (import, i);
      if (property == PROPERTY_PEOPLE)
        continue;
      if (property != PROPERTY_PROJECT_DESCRIPTION && property != PROPERTY_SCHEME)
        {
          apply_property_row (import, i, property);
          continue;
        }

      value = _racimo_csv_import_project_value (import, i);
      if (value == NULL)
        continue;

      if (property == PROPERTY_SCHEME)
        {
          g_free (scheme);
          scheme = g_steal_pointer (&value);
        }
      else
        racimo_project_set_description (import->project, value);
    }

  return scheme;
}
