/* racimo-reader.h: reading .raci files (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-project.h"
#include "racimo-repairs.h"

G_BEGIN_DECLS

#define RACIMO_FILE_ERROR (racimo_file_error_quark ())

typedef enum
{
  RACIMO_FILE_ERROR_IO,           /* could not be read; see the message */
  RACIMO_FILE_ERROR_TOO_LARGE,    /* over RACIMO_FILE_MAX_SIZE */
  RACIMO_FILE_ERROR_MALFORMED,    /* not well-formed XML, empty, binary */
  RACIMO_FILE_ERROR_DOCTYPE,      /* has a DTD */
  RACIMO_FILE_ERROR_NOT_RACI,     /* wrong root element or namespace */
  RACIMO_FILE_ERROR_NEWER_MAJOR,  /* version 2.0 or later */
  RACIMO_FILE_ERROR_INVALID,      /* does not follow the format */
  RACIMO_FILE_ERROR_DUPLICATE_ID,
  RACIMO_FILE_ERROR_UNKNOWN_ROLE, /* an assign names no role */
  RACIMO_FILE_ERROR_BAD_CODE,     /* a code that is not one upper-case letter */
  RACIMO_FILE_ERROR_TOO_DEEP,
} RacimoFileError;

#define RACIMO_FILE_MAX_SIZE (64 * 1024 * 1024)
#define RACIMO_FILE_VERSION_MAJOR 1
#define RACIMO_FILE_VERSION_MINOR 1
#define RACIMO_FILE_NAMESPACE "urn:x-racimo:raci:1"

GQuark          racimo_file_error_quark      (void);

/* Reading.  @display_name names the file in error messages.  Errors are
 * RACIMO_FILE_ERROR (or G_IO_ERROR from GIO) with a translated message of
 * the form "NAME:LINE:COLUMN: what is wrong". */
RacimoProject  *racimo_file_load_bytes       (GBytes              *bytes,
                                              const char          *display_name,
                                              GError             **error);
RacimoProject  *racimo_file_load             (GFile               *file,
                                              char               **etag,
                                              GCancellable        *cancellable,
                                              GError             **error);
void            racimo_file_load_async       (GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RacimoProject  *racimo_file_load_finish      (GAsyncResult        *result,
                                              char               **etag,
                                              GError             **error);

/* Repairing (docs/file-format.md, "Repairing a file"): a file that passes
 * every safety gate is built even when it breaks rules of the format;
 * each repair is recorded in @repairs. */
gboolean        racimo_file_error_may_repair (const GError        *error);
RacimoProject  *racimo_file_repair_bytes     (GBytes              *bytes,
                                              const char          *display_name,
                                              RacimoRepairs      **repairs,
                                              GError             **error);
RacimoProject  *racimo_file_repair           (GFile               *file,
                                              RacimoRepairs      **repairs,
                                              GCancellable        *cancellable,
                                              GError             **error);
void            racimo_file_repair_async     (GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RacimoProject  *racimo_file_repair_finish    (GAsyncResult        *result,
                                              RacimoRepairs      **repairs,
                                              GError             **error);

G_END_DECLS
