/* racimo-xlsx.c: the matrix as an .xlsx workbook, with libxlsxwriter
 *
 * The first sheet holds the rows of the CSV export (docs/file-format.md,
 * "Spreadsheets"), so that the workbook imports back to the same
 * project; it adds what a sheet can show and CSV cannot: the header row
 * and the activity column frozen, phase rows in bold, codes in the
 * colours of the grid, activities without an owner marked, column widths.
 * A second sheet explains the codes, a third lists the findings.  Cells
 * are written as text, never as formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "racimo-checks.h"
#include "racimo-csv-private.h"
#include "racimo-file-private.h"
#include "racimo-file.h"
#include "racimo-replace-private.h"
#include "racimo-xlsx.h"

/* The width of columns, in characters */
#define PHASE_WIDTH 20
#define ACTIVITY_WIDTH 40
#define TEXT_WIDTH 30
#define ROLE_WIDTH 12

/* The colour of a code's letters: "#rrggbb" as the grid draws it on a
 * light background. */
static lxw_color_t
parse_color (const char *color)
{
  return (lxw_color_t) g_ascii_strtoull (color + 1, NULL, 16);
}

typedef struct
{
  lxw_format *header;
  lxw_format *title;
  lxw_format *phase;
  lxw_format *wrap;
  lxw_format *no_owner;      /* the name of an activity without an owner */
  lxw_format *not_applicable;
  GHashTable *codes;         /* first letter -> lxw_format */
} Formats;

static void
add_formats (lxw_workbook       *workbook,
             const RacimoScheme *scheme,
             Formats            *formats)
{
  formats->header = workbook_add_format (workbook);
  format_set_bold (formats->header);
  format_set_bottom (formats->header, LXW_BORDER_THIN);
  format_set_text_wrap (formats->header);

  formats->title = workbook_add_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 14);

  formats->phase = workbook_add_format (workbook);
  format_set_bold (formats->phase);
  format_set_bg_color (formats->phase, 0xEDEDED);

  formats->wrap = workbook_add_format (workbook);
  format_set_text_wrap (formats->wrap);

  formats->no_owner = workbook_add_format (workbook);
  format_set_text_wrap (formats->no_owner);
  format_set_bg_color (formats->no_owner, 0xF8D7DA);
  format_set_font_color (formats->no_owner, 0xA51D2D);

  formats->not_applicable = workbook_add_format (workbook);
  format_set_text_wrap (formats->not_applicable);
  format_set_font_strikeout (formats->not_applicable);

  formats->codes = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < scheme->n_codes; i++)
    {
      lxw_format *format = workbook_add_format (workbook);

      format_set_bold (format);
      format_set_align (format, LXW_ALIGN_CENTER);
      format_set_font_color (format, parse_color (scheme->codes[i].color_light));
      g_hash_table_insert (formats->codes, GINT_TO_POINTER (scheme->codes[i].letter), format);
    }
}

static lxw_format *
cell_format (const Formats      *formats,
             const RacimoCsvRow *row,
             guint               column,
             guint               first_role,
             gboolean            no_owner)
{
  const char *text = g_ptr_array_index (row->cells, column);

  switch (row->kind)
    {
    case RACIMO_CSV_ROW_TITLE:
      return formats->title;
    case RACIMO_CSV_ROW_HEADER:
      return formats->header;
    case RACIMO_CSV_ROW_PHASE:
      return formats->phase;
    case RACIMO_CSV_ROW_ACTIVITY:
      if (column >= first_role)
        return g_hash_table_lookup (formats->codes, GINT_TO_POINTER (text[0]));
      if (column == 1 && !racimo_activity_get_applicable (RACIMO_ACTIVITY (row->item)))
        return formats->not_applicable;
      if (column == 1 && no_owner)
        return formats->no_owner;
      return formats->wrap;
    case RACIMO_CSV_ROW_PROPERTY:
    default:
      return formats->wrap;
    }
}

static void
write_matrix (lxw_workbook  *workbook,
              RacimoProject *project,
              RacimoChecks  *checks)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Matrix"));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);
  g_autoptr(GHashTable) no_owner = g_hash_table_new (NULL, NULL);
  Formats formats;
  guint first_role;
  guint header = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const RacimoFinding *finding = g_ptr_array_index (findings, i);

      if (finding->check == RACIMO_CHECK_NO_OWNER && finding->waiver_reason == NULL)
        g_hash_table_add (no_owner, finding->item);
    }

  add_formats (workbook, racimo_project_get_scheme (project), &formats);
  rows = _racimo_csv_export_rows (project, &first_role);

  for (guint r = 0; r < rows->len; r++)
    {
      const RacimoCsvRow *row = g_ptr_array_index (rows, r);
      gboolean marked = row->item != NULL && g_hash_table_contains (no_owner, row->item);

      if (row->kind == RACIMO_CSV_ROW_HEADER)
        header = r;

      for (guint c = 0; c < row->cells->len; c++)
        {
          const char *text = g_ptr_array_index (row->cells, c);
          lxw_format *format = cell_format (&formats, row, c, first_role, marked);

          if (*text != '\0')
            worksheet_write_string (sheet, (lxw_row_t) r, (lxw_col_t) c, text, format);
          else if (row->kind == RACIMO_CSV_ROW_PHASE || row->kind == RACIMO_CSV_ROW_HEADER)
            worksheet_write_blank (sheet, (lxw_row_t) r, (lxw_col_t) c, format);
        }
    }

  worksheet_freeze_panes (sheet, (lxw_row_t) header + 1, 2);
  worksheet_set_column (sheet, 0, 0, PHASE_WIDTH, NULL);
  worksheet_set_column (sheet, 1, 1, ACTIVITY_WIDTH, NULL);
  if (first_role > 2)
    worksheet_set_column (sheet, 2, (lxw_col_t) first_role - 1, TEXT_WIDTH, NULL);
  if (racimo_project_get_n_roles (project) > 0)
    worksheet_set_column (sheet, (lxw_col_t) first_role,
                          (lxw_col_t) (first_role + racimo_project_get_n_roles (project) - 1),
                          ROLE_WIDTH, NULL);

  g_hash_table_unref (formats.codes);
}

static void
write_legend (lxw_workbook  *workbook,
              RacimoProject *project)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Legend"));
  const RacimoScheme *scheme = racimo_project_get_scheme (project);
  lxw_format *bold = workbook_add_format (workbook);

  format_set_bold (bold);
  worksheet_write_string (sheet, 0, 0, _("Code"), bold);
  worksheet_write_string (sheet, 0, 1, _("Meaning"), bold);
  for (guint i = 0; i < scheme->n_codes; i++)
    {
      char letter[2] = { scheme->codes[i].letter, '\0' };
      lxw_format *format = workbook_add_format (workbook);

      format_set_bold (format);
      format_set_font_color (format, parse_color (scheme->codes[i].color_light));
      worksheet_write_string (sheet, (lxw_row_t) i + 1, 0, letter, format);
      worksheet_write_string (sheet, (lxw_row_t) i + 1, 1, _(scheme->codes[i].name), NULL);
    }
  worksheet_set_column (sheet, 1, 1, TEXT_WIDTH, NULL);
}

static void
write_findings (lxw_workbook *workbook,
                RacimoChecks *checks)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Findings"));
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_format *wrap = workbook_add_format (workbook);

  format_set_bold (bold);
  format_set_text_wrap (wrap);
  worksheet_write_string (sheet, 0, 0, _("Severity"), bold);
  worksheet_write_string (sheet, 0, 1, _("Check"), bold);
  worksheet_write_string (sheet, 0, 2, _("Finding"), bold);
  worksheet_write_string (sheet, 0, 3, _("Waived because"), bold);

  for (guint i = 0; i < findings->len; i++)
    {
      const RacimoFinding *finding = g_ptr_array_index (findings, i);
      lxw_row_t row = (lxw_row_t) i + 1;

      worksheet_write_string (sheet, row, 0,
                              racimo_severity_get_id (racimo_check_get_severity (finding->check)),
                              NULL);
      worksheet_write_string (sheet, row, 1, racimo_check_get_id (finding->check), NULL);
      worksheet_write_string (sheet, row, 2, finding->message, wrap);
      if (finding->waiver_reason != NULL && *finding->waiver_reason != '\0')
        worksheet_write_string (sheet, row, 3, finding->waiver_reason, wrap);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_set_column (sheet, 0, 1, 16, NULL);
  worksheet_set_column (sheet, 2, 3, 60, NULL);
}

/**
 * racimo_xlsx_export:
 *
 * The workbook of @project: the matrix (which imports back to the same
 * project), the legend of its scheme's codes and its findings.
 *
 * Returns: (transfer full) (nullable): the .xlsx file, or %NULL with
 *   @error set when no temporary file could be written
 */
GBytes *
racimo_xlsx_export (RacimoProject  *project,
                    GError        **error)
{
  g_autoptr(RacimoChecks) checks = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  lxw_workbook *workbook;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_error status;
  gsize length;
  int fd;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* libxlsxwriter writes a file by its name; this one is private and
   * short-lived, and the caller writes the bytes where they belong. */
  fd = g_file_open_tmp ("racimo-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the workbook could not be made"));
      g_unlink (path);
      return NULL;
    }

  checks = racimo_checks_new (project);
  write_matrix (workbook, project, checks);
  write_legend (workbook, project);
  write_findings (workbook, checks);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR || !g_file_get_contents (path, &contents, &length, error))
    {
      if (status != LXW_NO_ERROR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: %s is the reason, in English */
                     _("the workbook could not be written: %s"), lxw_strerror (status));
      g_unlink (path);
      return NULL;
    }
  g_unlink (path);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * racimo_xlsx_save:
 *
 * Writes racimo_xlsx_export() of @project atomically: a complete file
 * replaces @file, or @file stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
racimo_xlsx_save (RacimoProject  *project,
                  GFile          *file,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = racimo_xlsx_export (project, error);
  if (bytes == NULL)
    return FALSE;

  return _racimo_replace_contents (file, bytes, NULL, NULL, cancellable, error);
}

/**
 * racimo_xlsx_save_async:
 *
 * The workbook is made at once, on the calling thread, so the project may
 * be edited again as soon as this returns; only the writing runs in the
 * background.
 */
void
racimo_xlsx_save_async (RacimoProject       *project,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  bytes = racimo_xlsx_export (project, &error);
  _racimo_replace_save_async (NULL, racimo_xlsx_save_async, file, bytes, NULL, error,
                              cancellable, callback, user_data);
}

gboolean
racimo_xlsx_save_finish (GAsyncResult  *result,
                         GError       **error)
{
  return _racimo_replace_save_finish (result, racimo_xlsx_save_async, NULL, error);
}
