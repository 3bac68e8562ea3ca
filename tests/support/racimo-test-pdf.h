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

/* Every page's text as pdftotext reads it, in the order it was drawn,
 * with one space for each run of white space.  Fails the test when
 * pdftotext (poppler-utils) cannot read the file. */
char *racimo_test_pdf_get_text  (const char *path);

/* The text of @path as pdftotext -layout places it on the page, in
 * UTF-8, each page ended by a form feed. */
char *racimo_test_pdf_get_layout (const char *path);

/* Whether pdfinfo says @path is a tagged PDF: a structure tree over
 * marked content. */
gboolean racimo_test_pdf_is_tagged (const char *path);

/* The structure elements of @path, as qpdf reads them, counted by type:
 * "Document 1, H1 1, P 3" in the order of their names.  Fails the test
 * when qpdf finds the file damaged. */
char *racimo_test_pdf_get_structure (const char *path);

/* The language in @path's catalog (/Lang), as qpdf reads it; NULL for
 * none. */
char *racimo_test_pdf_get_language (const char *path);

/* @path rewritten by qpdf to @compressed with its objects in object
 * streams and its cross-references in a stream, as cairo 1.18 writes. */
void racimo_test_pdf_compress_objects (const char *path,
                                       const char *compressed);

/* The text of each page, as racimo_test_pdf_get_text () gives it */
GStrv racimo_test_pdf_get_pages (const char *path);

/* Fails the test unless each of "@prefix@first@suffix" to
 * "@prefix@last@suffix", the numbers in three digits, is in @text exactly
 * once: every line printed, none twice. */
void racimo_test_assert_numbered_once (const char *text,
                                       const char *prefix,
                                       const char *suffix,
                                       guint       first,
                                       guint       last);

G_END_DECLS
