/* racimo-file-private.h: reading files, inside src/core
 *
 * The bounded read that every file format shares, and for tests, the
 * reader's use of the schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-types.h"

G_BEGIN_DECLS

/* The reader: for tests of its validation */
typedef enum
{
  RACIMO_SCHEMA_AUTO,   /* as the shape of the tree allows */
  RACIMO_SCHEMA_ALWAYS,
  RACIMO_SCHEMA_NEVER,
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

G_END_DECLS
