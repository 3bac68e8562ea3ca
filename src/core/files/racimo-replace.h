/* racimo-replace.h: errors of writing a whole file or nothing
 *
 * Every save (.raci, CSV, PDF) goes through racimo-replace.c, whose
 * internals are in racimo-replace-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writing refused before anything was touched, or that could not be
 * done safely.  Other write errors are G_IO_ERROR, with a message that
 * names the file. */
#define RACIMO_SAVE_ERROR (racimo_save_error_quark ())

typedef enum
{
  RACIMO_SAVE_ERROR_NOT_REGULAR,  /* a pipe, a device, a socket */
  RACIMO_SAVE_ERROR_NOT_A_FOLDER, /* a parent in the path is a file */
  RACIMO_SAVE_ERROR_UNSAFE,       /* cannot be replaced whole nor written safely in place */
} RacimoSaveError;

GQuark          racimo_save_error_quark      (void);

G_END_DECLS
