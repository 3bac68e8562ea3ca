/* racimo-csv-private.h: what the CSV import and export share with the
 * reading of records and cells (racimo-csv-records.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-csv.h"

G_BEGIN_DECLS

#define UTF8_BOM "\xef\xbb\xbf"

/* A row of the export (docs/file-format.md, "Spreadsheets"), before CSV
 * or .xlsx writes it. */
typedef enum
{
  RACIMO_CSV_ROW_TITLE,
  RACIMO_CSV_ROW_HEADER,
  RACIMO_CSV_ROW_PROPERTY,
  RACIMO_CSV_ROW_PHASE,
  RACIMO_CSV_ROW_ACTIVITY,
} RacimoCsvRowKind;

typedef struct
{
  RacimoCsvRowKind  kind;
  RacimoItem       *item;  /* the phase or activity, unowned; NULL for others */
  GPtrArray        *cells; /* char *, as the cell holds it, not protected */
} RacimoCsvRow;

GPtrArray *
_racimo_csv_export_rows (RacimoProject *project,
                         guint         *first_role);

/* Where a field of a record is, for messages. */
typedef struct
{
  guint row;    /* 1-based */
  guint column; /* 1-based */
  guint line;   /* 1-based */
} RacimoCsvPosition;

void
_racimo_csv_add_problem (GPtrArray  *problems,
                         RacimoCsvProblemKind kind,
                         guint       row,
                         guint       column,
                         guint       line,
                         const char *text,
                         char       *message);

void
_racimo_csv_append_codes (GString            *out,
                          const RacimoScheme *scheme,
                          RacimoCodes         codes);

const RacimoScheme *
_racimo_csv_choose_scheme (RacimoCodes used);

char *
_racimo_csv_clean_text (const char *text);



char *
_racimo_csv_decode_text (const guint8  *data,
                         gsize          size,
                         const char    *display_name,
                         GPtrArray     *problems,
                         GError       **error);

char
_racimo_csv_detect_delimiter (const char *text,
                              gsize       length);

const char *
_racimo_csv_field (char  **fields,
                   guint   width,
                   guint   column);

RacimoCodes
_racimo_csv_get_all_codes (void);

gboolean
_racimo_csv_is_blank (const char *text);

gboolean
_racimo_csv_is_blank_record (char **fields);

gboolean
_racimo_csv_is_phase_header (const char *text);

gboolean
_racimo_csv_key_matches (const char         *text,
                         const char * const *words,
                         const char         *translated);

void
_racimo_csv_set_error (GError **error,
GQuark domain,
int code,
const char *name,
guint line,
const char *format,
...) G_GNUC_PRINTF (6, 7);

GPtrArray *
_racimo_csv_split_records (const char        *text,
                           gsize              length,
                           char               delimiter,
                           guint              max_records,
                           guint              first_line,
                           GArray            *lines,
                           RacimoCsvPosition *unclosed);

gboolean
_racimo_csv_needs_protection (const char *text);

gboolean
_racimo_csv_fails_strict (const RacimoCsvImportOptions  *options,
                          GPtrArray                     *problems,
                          const char                    *display_name,
                          GError                       **error);

RacimoProject *
_racimo_csv_import_records (GPtrArray                    *records,
                            GArray                       *lines,
                            const char                   *display_name,
                            const RacimoCsvImportOptions *options,
                            GPtrArray                    *problems,
                            GPtrArray                   **columns,
                            GError                      **error);

gboolean
_racimo_sheet_is_workbook (const guint8 *data,
                           gsize         size);

RacimoProject *
_racimo_sheet_import_bytes (GBytes                       *bytes,
                            const char                   *display_name,
                            const char                   *sheet_name,
                            const RacimoCsvImportOptions *options,
                            GPtrArray                    *problems,
                            GPtrArray                   **columns,
                            GError                      **error);

G_END_DECLS
