/* racimo-csv.h: exchange with spreadsheets: CSV files and the clipboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-project.h"

G_BEGIN_DECLS

#define RACIMO_CSV_ERROR (racimo_csv_error_quark ())

/* Errors that stop an import.  A file over RACIMO_FILE_MAX_SIZE fails with
 * RACIMO_FILE_ERROR_TOO_LARGE, as a .raci file does; reading fails with
 * G_IO_ERROR. */
typedef enum
{
  RACIMO_CSV_ERROR_EMPTY,              /* no row with any text */
  RACIMO_CSV_ERROR_BINARY,             /* not text: an .xlsx or .ods, an image */
  RACIMO_CSV_ERROR_NO_ACTIVITY_COLUMN, /* the header has a Phase column and nothing after it */
  RACIMO_CSV_ERROR_STRICT,             /* strict mode: something could not be read */
  RACIMO_CSV_ERROR_WORKBOOK,           /* an .xlsx or .ods that cannot be read, or a hostile one */
} RacimoCsvError;

/* What a column of an imported sheet holds; see docs/file-format.md,
 * "Spreadsheets". */
typedef enum
{
  RACIMO_CSV_COLUMN_AUTO,        /* in options: let the import decide */
  RACIMO_CSV_COLUMN_PHASE,
  RACIMO_CSV_COLUMN_ACTIVITY,
  RACIMO_CSV_COLUMN_DESCRIPTION,
  RACIMO_CSV_COLUMN_APPLIES,
  RACIMO_CSV_COLUMN_WAIVERS,
  RACIMO_CSV_COLUMN_ROLE,
  RACIMO_CSV_COLUMN_IGNORED,
} RacimoCsvColumnKind;

/* How an import read one column of the sheet. */
typedef struct
{
  guint                column; /* 1-based (A is 1) */
  RacimoCsvColumnKind  kind;
  char                *header; /* the header cell, or "" */
  gboolean             guessed; /* its header did not say it: an activity column found
                                 * by its place, an applies or waivers column read
                                 * as a role for its codes */
} RacimoCsvColumn;

typedef struct
{
  gboolean             strict;    /* fail rather than leave anything out */
  guint                n_columns; /* the length of @columns */
  RacimoCsvColumnKind *columns;   /* nullable: what column N + 1 holds, as the user chose */
  const char          *sheet;     /* nullable: the sheet of a workbook to read; the first */
} RacimoCsvImportOptions;

/* What a problem is about. */
typedef enum
{
  RACIMO_CSV_PROBLEM_CELL,     /* a cell that is not a code, or a waiver of no check */
  RACIMO_CSV_PROBLEM_COLUMN,   /* a column ignored: no codes in it */
  RACIMO_CSV_PROBLEM_LEGEND,   /* rows read as a legend of the codes and skipped */
  RACIMO_CSV_PROBLEM_QUOTE,    /* a quote never closed */
} RacimoCsvProblemKind;

typedef enum
{
  RACIMO_CSV_COMMA,
  RACIMO_CSV_SEMICOLON,
  RACIMO_CSV_TAB,
} RacimoCsvDelimiter;

typedef struct
{
  RacimoCsvDelimiter delimiter;
  gboolean           bom;       /* start with a UTF-8 byte order mark, for Excel */
} RacimoCsvOptions;

/* Something in an imported file that was not understood; the import went
 * on without it. */
typedef struct
{
  guint  row;     /* 1-based, as the spreadsheet numbers its rows */
  guint  column;  /* 1-based (A is 1); 0 when the problem is not one cell's */
  guint  line;    /* 1-based, in the file: rows can hold line breaks */
  char  *text;    /* the cell as written, or "" */
  char  *message; /* translated, naming the row and column */
  RacimoCsvProblemKind kind;
} RacimoCsvProblem;

/* A rectangle of pasted cells, read as code sets. */
typedef struct _RacimoCsvBlock RacimoCsvBlock;

GQuark          racimo_csv_error_quark        (void);

void            racimo_csv_problem_free       (RacimoCsvProblem    *problem);
void            racimo_csv_column_free        (RacimoCsvColumn     *column);
char           *racimo_csv_column_letters     (guint                column);
const char     *racimo_csv_column_kind_get_label (RacimoCsvColumnKind kind);
char           *racimo_csv_summarize_problems (GPtrArray           *problems,
                                               guint                max_listed);

/* Export */
GBytes         *racimo_csv_export             (RacimoProject       *project,
                                               const RacimoCsvOptions *options);
gboolean        racimo_csv_save               (RacimoProject       *project,
                                               GFile               *file,
                                               const RacimoCsvOptions *options,
                                               GCancellable        *cancellable,
                                               GError             **error);
void            racimo_csv_save_async         (RacimoProject       *project,
                                               GFile               *file,
                                               const RacimoCsvOptions *options,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        racimo_csv_save_finish        (GAsyncResult        *result,
                                               GError             **error);

/* Import */
char          **racimo_csv_list_sheets        (GBytes              *bytes,
                                               const char          *display_name,
                                               GError             **error);
RacimoProject  *racimo_csv_import_bytes       (GBytes              *bytes,
                                               const char          *display_name,
                                               GPtrArray          **problems,
                                               GError             **error);
RacimoProject  *racimo_csv_import_bytes_full  (GBytes              *bytes,
                                               const char          *display_name,
                                               const RacimoCsvImportOptions *options,
                                               GPtrArray          **problems,
                                               GPtrArray          **columns,
                                               GError             **error);
RacimoProject  *racimo_csv_import_file_full   (GFile               *file,
                                               const RacimoCsvImportOptions *options,
                                               GPtrArray          **problems,
                                               GPtrArray          **columns,
                                               GCancellable        *cancellable,
                                               GError             **error);
RacimoProject  *racimo_csv_import_file        (GFile               *file,
                                               GPtrArray          **problems,
                                               GCancellable        *cancellable,
                                               GError             **error);
void            racimo_csv_import_file_async  (GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
RacimoProject  *racimo_csv_import_file_finish (GAsyncResult        *result,
                                               GPtrArray          **problems,
                                               GError             **error);

gboolean        racimo_csv_looks_like_text    (const guint8        *head,
                                               gsize                length);
gboolean        racimo_csv_file_is_spreadsheet (GFile              *file,
                                               GCancellable        *cancellable);

/* Cells, for import and paste alike */
gboolean        racimo_csv_parse_cell         (const RacimoScheme  *scheme,
                                               const char          *text,
                                               RacimoCodes         *codes);
char           *racimo_csv_quote_field        (const char          *text,
                                               char                 delimiter);

/* The clipboard: tab-separated text, as spreadsheets copy and paste it */
char           *racimo_csv_format_block       (RacimoProject       *project,
                                               GPtrArray           *activities,
                                               GPtrArray           *roles);
GPtrArray      *racimo_csv_parse_rows         (const char          *text,
                                               char                 delimiter);
RacimoCsvBlock *racimo_csv_parse_block        (const RacimoScheme  *scheme,
                                               const char          *text);
guint           racimo_csv_block_get_n_rows   (const RacimoCsvBlock *block);
guint           racimo_csv_block_get_n_columns (const RacimoCsvBlock *block);
const char     *racimo_csv_block_get_text     (const RacimoCsvBlock *block,
                                               guint                row,
                                               guint                column);
gboolean        racimo_csv_block_get_codes    (const RacimoCsvBlock *block,
                                               guint                row,
                                               guint                column,
                                               RacimoCodes         *codes);
void            racimo_csv_block_free         (RacimoCsvBlock      *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoCsvProblem, racimo_csv_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoCsvColumn, racimo_csv_column_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoCsvBlock, racimo_csv_block_free)

G_END_DECLS
