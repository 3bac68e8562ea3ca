/* racimo-csv-import-header.c: reading the layout of an imported sheet: each column's
 * kind by its header, the rows of properties and of notes, and the legends
 * left out (docs/file-format.md, "Spreadsheets")
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

/* The header words of each kind of column and of each row of role
 * properties, besides the word in the user's language.  Keep them in
 * docs/file-format.md, "Spreadsheets". */
static const char * const activity_words[] = {
  "activity", "activities", "task", "tasks", "step", "steps", "deliverable",
  "deliverables", "work item", "action", "decision",
  "アクティビティ", "タスク", "作業", "作業項目", "活動", "成果物", NULL
};
static const char * const description_words[] = {
  "description", "notes", "note", "details", "comment", "comments", "remarks",
  "説明", "備考", "詳細", "メモ", "コメント", NULL
};
static const char * const applies_words[] = {
  "applies", "applicable", "applicability", "in scope", "適用", "対象", NULL
};
static const char * const waivers_words[] = {
  "waivers", "waiver", "許容", NULL
};
/* Columns that a colleague's sheet keeps beside the matrix and that are
 * never roles, whatever their cells hold: an "x" in a status column is
 * not the code X. */
static const char * const non_role_words[] = {
  "#", "no", "number", "id", "ref", "reference", "status", "state", "progress",
  "done", "%", "% complete", "percent complete", "priority", "due", "due date",
  "deadline", "date", "start", "start date", "end", "end date", "finish",
  "duration", "effort", "hours",
  "番号", "状態", "ステータス", "進捗", "完了", "優先度", "期限", "期日", "締切",
  "締め切り", "日付", "開始日", "終了日", "工数", NULL
};
static const char * const legend_words[] = {
  "legend", "key", "凡例", NULL
};

/* The mapping of columns */

static RacimoCsvColumnKind
kind_from_header (const char *header)
{
  if (_racimo_csv_is_phase_header (header))
    return RACIMO_CSV_COLUMN_PHASE;
  if (_racimo_csv_key_matches (header, activity_words, _("Activity")))
    return RACIMO_CSV_COLUMN_ACTIVITY;
  if (_racimo_csv_key_matches (header, description_words, _("Description")))
    return RACIMO_CSV_COLUMN_DESCRIPTION;
  if (_racimo_csv_key_matches (header, applies_words, _("Applies")))
    return RACIMO_CSV_COLUMN_APPLIES;
  if (_racimo_csv_key_matches (header, waivers_words, _("Waivers")))
    return RACIMO_CSV_COLUMN_WAIVERS;
  if (_racimo_csv_key_matches (header, non_role_words, NULL))
    return RACIMO_CSV_COLUMN_IGNORED;

  return RACIMO_CSV_COLUMN_AUTO;
}

int *
_racimo_csv_import_column_slot (Import              *import,
                                RacimoCsvColumnKind  kind)
{
  switch (kind)
    {
    case RACIMO_CSV_COLUMN_PHASE:
      return &import->phase_column;
    case RACIMO_CSV_COLUMN_ACTIVITY:
      return &import->activity_column;
    case RACIMO_CSV_COLUMN_DESCRIPTION:
      return &import->description_column;
    case RACIMO_CSV_COLUMN_APPLIES:
      return &import->applies_column;
    case RACIMO_CSV_COLUMN_WAIVERS:
      return &import->waivers_column;
    case RACIMO_CSV_COLUMN_AUTO:
    case RACIMO_CSV_COLUMN_ROLE:
    case RACIMO_CSV_COLUMN_IGNORED:
    default:
      return NULL;
    }
}

/* Each column's kind by its header, or as the user chose it; the first
 * column of a kind takes it.  Without an activity header, the column
 * after the phase column or the first one left is the activity, as it
 * was before headers were read. */
gboolean
_racimo_csv_import_map_columns (Import                       *import,
                                const RacimoCsvImportOptions *options,
                                GError                      **error)
{
  guint header_width = import->widths[import->header_row];

  import->kinds = g_new0 (RacimoCsvColumnKind, MAX (import->n_columns, 1));

  for (guint c = 0; c < import->n_columns; c++)
    {
      RacimoCsvColumnKind kind = RACIMO_CSV_COLUMN_AUTO;
      int *slot;

      if (options != NULL && options->columns != NULL && c < options->n_columns)
        kind = options->columns[c];
      if (kind == RACIMO_CSV_COLUMN_AUTO)
        kind = kind_from_header (_racimo_csv_field (import->header, header_width, c));

      /* A second notes or comments column adds to the description */
      slot = _racimo_csv_import_column_slot (import, kind);
      if (slot != NULL && *slot >= 0 && kind != RACIMO_CSV_COLUMN_DESCRIPTION)
        kind = RACIMO_CSV_COLUMN_AUTO;
      else if (slot != NULL && *slot < 0)
        *slot = (int) c;

      import->kinds[c] = kind;
    }

  if (import->activity_column < 0)
    {
      guint after = import->phase_column >= 0 ? (guint) import->phase_column + 1 : 0;

      if (after < import->n_columns && import->kinds[after] == RACIMO_CSV_COLUMN_AUTO)
        import->activity_column = (int) after;
      for (guint c = 0; import->activity_column < 0 && c < import->n_columns; c++)
        {
          if (import->kinds[c] == RACIMO_CSV_COLUMN_AUTO)
            import->activity_column = (int) c;
        }

      if (import->activity_column < 0)
        {
          _racimo_csv_set_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_NO_ACTIVITY_COLUMN,
                                 import->display_name, _racimo_csv_import_line_of (import, import->header_row),
                                 _("there is no activity column after the phase column"));
          return FALSE;
        }
      import->kinds[import->activity_column] = RACIMO_CSV_COLUMN_ACTIVITY;
      import->activity_guessed = TRUE;
    }

  return TRUE;
}

/* Rows of role properties */

/* The value of a row of the project's own: the first cell after the
 * label, or NULL. */
char *
_racimo_csv_import_project_value (Import *import,
                                  guint   record)
{
  for (guint c = (guint) import->activity_column + 1; c < import->widths[record]; c++)
    {
      if (!_racimo_csv_is_blank (_racimo_csv_import_field (import, record, (int) c)))
        return _racimo_csv_import_cell_text (_racimo_csv_import_field (import, record, (int) c));
    }

  return NULL;
}

/* A scheme Racimo knows, or one of a newer version as ids are written:
 * upper-case letters, digits and "-", at least three. */
static gboolean
is_scheme_id (const char *value)
{
  gsize length = strlen (value);

  if (racimo_scheme_lookup (value) != NULL)
    return TRUE;
  if (length < 3 || length > 32 || !g_ascii_isupper (value[0]))
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

Property
_racimo_csv_import_property_of_row (Import *import,
                                    guint   record)
{
  static const char * const abbrev_words[] = { "abbreviation", "abbreviations", "abbrev", "略称", NULL };
  static const char * const person_words[] = { "person", "担当者", "人", NULL };
  static const char * const people_words[] = { "people", "人の一覧", "担当者一覧", NULL };
  static const char * const members_words[] = { "members", "メンバー", NULL };
  static const char * const role_description_words[] = { "role description", "ロールの説明", NULL };
  static const char * const role_waivers_words[] = { "role waivers", "ロールの許容", NULL };
  static const char * const project_description_words[] = { "project description",
                                                            "プロジェクトの説明", NULL };
  static const char * const scheme_words[] = { "scheme", "方式", NULL };
  const char *label;

  if (!_racimo_csv_is_blank (_racimo_csv_import_field (import, record, import->phase_column)))
    return PROPERTY_NONE;

  label = _racimo_csv_import_field (import, record, import->activity_column);
  if (_racimo_csv_key_matches (label, abbrev_words, _("Abbreviation")))
    return PROPERTY_ABBREV;
  if (_racimo_csv_key_matches (label, person_words, _("Person")))
    return PROPERTY_PERSON;
  if (_racimo_csv_key_matches (label, people_words, C_("spreadsheet row", "People")))
    return PROPERTY_PEOPLE;
  if (_racimo_csv_key_matches (label, members_words, _("Members")))
    return PROPERTY_MEMBERS;
  if (_racimo_csv_key_matches (label, role_description_words, _("Role description")))
    return PROPERTY_ROLE_DESCRIPTION;
  if (_racimo_csv_key_matches (label, role_waivers_words, _("Role waivers")))
    return PROPERTY_ROLE_WAIVERS;
  if (_racimo_csv_key_matches (label, project_description_words, _("Project description")))
    return PROPERTY_PROJECT_DESCRIPTION;
  if (_racimo_csv_key_matches (label, scheme_words, _("Scheme")))
    {
      g_autofree char *value = _racimo_csv_import_project_value (import, record);

      /* An activity named "Scheme" with codes is not a scheme "R" */
      return value != NULL && is_scheme_id (value) ? PROPERTY_SCHEME : PROPERTY_NONE;
    }

  return PROPERTY_NONE;
}

/* The rows of properties right below the header; the data starts after
 * them. */
void
_racimo_csv_import_find_property_rows (Import *import)
{
  guint i = import->header_row + 1;

  import->first_data = i;
  for (; i < import->records->len; i++)
    {
      if (_racimo_csv_is_blank_record (g_ptr_array_index (import->records, i)))
        continue;
      if (_racimo_csv_import_property_of_row (import, i) == PROPERTY_NONE)
        break;
      import->first_data = i + 1;
    }
}

/* Rows of notes: below an activity's row, an empty phase cell and the
 * label "Cell notes" (docs/file-format.md, "Spreadsheets").  They are
 * not rows of the matrix, and their cells are not codes. */
void
_racimo_csv_import_find_notes_rows (Import *import)
{
  static const char * const notes_words[] = { "cell notes", "セルのメモ", NULL };

  import->notes = g_new0 (gboolean, MAX (import->records->len, 1));
  for (guint i = import->first_data; i < import->records->len; i++)
    {
      import->notes[i] = _racimo_csv_is_blank (_racimo_csv_import_field (import, i, import->phase_column))
                         && _racimo_csv_key_matches (_racimo_csv_import_field (import, i, import->activity_column),
                                                     notes_words, _("Cell notes"));
    }
}

/* Legends */

static gboolean
is_single_code (const char  *text,
                RacimoCodes *code)
{
  g_autofree char *clean = _racimo_csv_clean_text (text);

  return g_utf8_strlen (clean, -1) <= 3
         && racimo_csv_parse_cell (NULL, clean, code)
         && *code != 0 && (*code & (*code - 1)) == 0;
}

/* The long form of @code at the start of @text: "Responsible" or
 * "Accountable (signs off)" for A. */
static gboolean
is_long_form (const char  *text,
              RacimoCodes  code)
{
  g_autofree char *clean = _racimo_csv_clean_text (text);
  RacimoCodes found;
  gsize end = strcspn (clean, "(,;:=");

  clean[end] = '\0';
  g_strstrip (clean);

  return g_utf8_strlen (clean, -1) >= 3 && racimo_csv_parse_cell (NULL, clean, &found)
         && found == code;
}

/* One cell that explains a code: "R = Responsible", "A: Accountable". */
static gboolean
is_legend_cell (const char *text)
{
  static const char * const separators[] = { "=", "＝", ":", "：", " - ", " – ", " — " };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *at = strstr (text, separators[i]);
      g_autofree char *left = NULL;
      RacimoCodes code;

      if (at == NULL)
        continue;

      left = g_strndup (text, (gsize) (at - text));

      return is_single_code (left, &code) && is_long_form (at + strlen (separators[i]), code);
    }

  return FALSE;
}

/* A row of a legend: one cell as above, or a code and its long form in
 * two cells side by side ("R", "Responsible"). */
static gboolean
is_legend_entry (Import *import,
                 guint   record)
{
  char **fields = g_ptr_array_index (import->records, record);
  guint width = import->widths[record];
  int first = -1;
  guint filled = 0;
  RacimoCodes code;

  for (guint c = 0; c < width; c++)
    {
      if (_racimo_csv_is_blank (fields[c]))
        continue;
      if (filled++ == 0)
        first = (int) c;
    }

  if (filled == 1)
    return is_legend_cell (fields[first]);

  return filled == 2 && (guint) first + 1 < width && !_racimo_csv_is_blank (fields[first + 1])
         && is_single_code (fields[first], &code) && is_long_form (fields[first + 1], code);
}

static gboolean
is_legend_heading (Import *import,
                   guint   record)
{
  char **fields = g_ptr_array_index (import->records, record);
  const char *text = NULL;

  for (guint c = 0; c < import->widths[record]; c++)
    {
      if (_racimo_csv_is_blank (fields[c]))
        continue;
      if (text != NULL)
        return FALSE;
      text = fields[c];
    }

  return text != NULL && _racimo_csv_key_matches (text, legend_words, _("Legend"));
}

static void
add_legend_problem (Import *import,
                    guint   first,
                    guint   last)
{
  char *message;

  if (first == last)
    /* Translators: %u is a row number */
    message = g_strdup_printf (_("Row %u explains a code; it was read as a legend and skipped"),
                               first + 1);
  else
    /* Translators: the rows of a table, such as "Rows 12 to 16" */
    message = g_strdup_printf (_("Rows %u to %u explain the codes; they were read as a legend "
                                 "and skipped"),
                               first + 1, last + 1);

  _racimo_csv_add_problem (import->problems, RACIMO_CSV_PROBLEM_LEGEND, first + 1, 0,
                           _racimo_csv_import_line_of (import, first), NULL, message);
}

/* Marks the rows of legends below (or between) the rows of the matrix,
 * with their heading, and says which rows they were. */
void
_racimo_csv_import_skip_legends (Import *import)
{
  guint n = import->records->len;
  int block_start = -1;
  guint block_end = 0;

  import->skipped = g_new0 (gboolean, MAX (n, 1));

  for (guint i = import->first_data; i < n; i++)
    {
      if (_racimo_csv_is_blank_record (g_ptr_array_index (import->records, i)) || import->notes[i])
        continue;

      if (is_legend_entry (import, i))
        import->skipped[i] = TRUE;
      else if (is_legend_heading (import, i))
        {
          guint next = i + 1;

          while (next < n && _racimo_csv_is_blank_record (g_ptr_array_index (import->records, next)))
            next++;
          import->skipped[i] = next < n && is_legend_entry (import, next);
        }

      if (import->skipped[i])
        {
          if (block_start < 0)
            block_start = (int) i;
          block_end = i;
        }
      else if (block_start >= 0)
        {
          add_legend_problem (import, (guint) block_start, block_end);
          block_start = -1;
        }
    }

  if (block_start >= 0)
    add_legend_problem (import, (guint) block_start, block_end);
}
