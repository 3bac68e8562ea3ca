/* racimo-csv-import-private.h: what the files of the CSV import share: the
 * import under way, and the steps racimo-csv-import.c takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-csv.h"

G_BEGIN_DECLS

typedef enum
{
  PROPERTY_NONE,
  PROPERTY_ABBREV,
  PROPERTY_PERSON,
  PROPERTY_PEOPLE,
  PROPERTY_MEMBERS,
  PROPERTY_ROLE_DESCRIPTION,
  PROPERTY_ROLE_WAIVERS,
  PROPERTY_PROJECT_DESCRIPTION,
  PROPERTY_SCHEME,
} Property;

typedef struct
{
  RacimoProject       *project;
  const char          *display_name;
  GPtrArray           *problems;
  GPtrArray           *records;
  GArray              *lines;        /* the line each record starts on */
  char               **header;
  guint               *widths;       /* the number of fields of each record */
  guint                header_row;   /* 0-based index of the header record */
  guint                first_data;   /* after the header and the property rows */
  guint                n_columns;
  RacimoCsvColumnKind *kinds;        /* of each column */
  gboolean            *skipped;      /* of each record: a legend */
  gboolean            *notes;        /* of each record: the notes of the activity above */
  int                  phase_column; /* 0-based, -1 when there is none */
  int                  activity_column;
  int                  description_column;
  int                  applies_column;
  int                  waivers_column;
  gboolean             activity_guessed; /* found by its place, not its header */
  GPtrArray           *role_columns; /* 0-based column of each role, as guint */
  GPtrArray           *roles;        /* RacimoRole, in the same order */
  GPtrArray           *columns;      /* RacimoCsvColumn, for the report */
  gint32             **parsed;       /* of each record: each field's codes, -1 when not
                                      * codes; NULL for a record with no cell read */
  gboolean            *column_read;  /* of each column: its cells are in parsed */
} Import;

#define NOT_CODES (-1)

#define ABBREV_MAX 8

/* racimo-csv-import-header.c */
int *
_racimo_csv_import_column_slot (Import              *import,
                                RacimoCsvColumnKind  kind);
void
_racimo_csv_import_find_notes_rows (Import *import);
void
_racimo_csv_import_find_property_rows (Import *import);
gboolean
_racimo_csv_import_map_columns (Import                       *import,
                                const RacimoCsvImportOptions *options,
                                GError                      **error);
char *
_racimo_csv_import_project_value (Import *import,
                                  guint   record);
Property
_racimo_csv_import_property_of_row (Import *import,
                                    guint   record);
void
_racimo_csv_import_skip_legends (Import *import);

/* racimo-csv-import-roles.c */
void
_racimo_csv_import_add_roles (Import                       *import,
                              const RacimoCsvImportOptions *options);
void
_racimo_csv_import_add_waivers (Import     *import,
                                RacimoItem *item,
                                guint       record,
                                guint       column);
char *
_racimo_csv_import_apply_property_rows (Import *import);
gboolean
_racimo_csv_import_is_data_row (Import *import,
                                guint   record);
void
_racimo_csv_import_parse_column (Import *import,
                                 guint   column);
gint32
_racimo_csv_import_parsed_codes (Import *import,
                                 guint   record,
                                 guint   column);

/* racimo-csv-import.c */
gboolean
_racimo_csv_import_applies (Import *import,
                            guint   record);
char *
_racimo_csv_import_cell_text (const char *field);
const char *
_racimo_csv_import_field (Import *import,
                          guint   record,
                          int     column);
guint
_racimo_csv_import_line_of (Import *import,
                            guint   record);
char *
_racimo_csv_import_make_abbrev (const char *name);
char *
_racimo_csv_import_make_unique_abbrev (GHashTable *taken,
                                       GHashTable *next,
                                       const char *abbrev);
char *
_racimo_csv_import_quote_for_message (const char *text);

G_END_DECLS
