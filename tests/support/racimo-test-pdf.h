/* racimo-test-pdf.h: PDFs read back as a reader sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads @path with poppler's pdfinfo (poppler-utils): the number of pages
 * and the size of the first one in points.  Fails the test when pdfinfo
 * cannot read the file. */
guint racimo_test_pdf_read (const char *path,
                            double     *width,
                            double     *height);

/* The title in @path's document properties, as pdfinfo gives it, or NULL
 * when it has none. */
char *racimo_test_pdf_get_title (const char *path);

/* Whether pdfinfo says @path is a tagged PDF (a structure tree, marked
 * content). */
gboolean racimo_test_pdf_is_tagged (const char *path);

/* The text of @path as pdftotext gives it with @mode ("-layout", "-raw"),
 * in UTF-8; a form feed ends each page. */
char *racimo_test_pdf_get_text (const char *path,
                                const char *mode);

G_END_DECLS
