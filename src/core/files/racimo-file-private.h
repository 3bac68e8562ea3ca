/* racimo-file-private.h: reading files, inside src/core
 *
 * The bounded read and the error messages that every file format shares,
 * and for tests, the reader's use of the schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <gio/gio.h>

#include "racimo-types.h"

G_BEGIN_DECLS

/* The reader: for tests of its validation */
typedef enum
{
  RACIMO_SCHEMA_AUTO,   /* as the shape of the tree allows */
  RACIMO_SCHEMA_ALWAYS,
  RACIMO_SCHEMA_NEVER,
  RACIMO_SCHEMA_FULL,   /* always, and in the full form even without foreign content */
} RacimoSchemaUse;

void           _racimo_file_set_schema_use     (RacimoSchemaUse use);
guint          _racimo_file_get_n_validations  (void);

/* Reads all of @file, refusing one over RACIMO_FILE_MAX_SIZE; errors
 * name the file in plain words and keep GIO's domain and code. */
GBytes        *_racimo_file_read               (GFile               *file,
                                                char               **etag,
                                                GCancellable        *cancellable,
                                                GError             **error);

/* Whether the reader would open @project, serialised as @bytes, again:
 * FALSE when the file would be over RACIMO_FILE_MAX_SIZE (@long_text set
 * to NULL) or a text is over libxml2's 10,000,000 bytes (@long_text set
 * to that text).  The writer and the drafts write nothing then. */
gboolean       _racimo_file_within_limits      (RacimoProject       *project,
                                                GBytes              *bytes,
                                                const char         **long_text);

/* Sets @error to "NAME:LINE:COLUMN: what" for the .raci reader and the
 * CSV import alike; a line or column of 0 is left out. */
void           _racimo_file_set_error_valist   (GError             **error,
                                                GQuark               domain,
                                                int                  code,
                                                const char          *name,
                                                long                 line,
                                                long                 column,
                                                const char          *format,
                                                va_list              args)
                                                G_GNUC_PRINTF (7, 0);

G_END_DECLS
