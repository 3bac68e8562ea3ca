/* racimo-test-pdf.c: PDFs read back as a reader sees them
 *
 * A PDF's bytes say little without a reader: cairo 1.18 writes PDF 1.7
 * with compressed object streams, where the page dictionaries cannot be
 * found by searching the file.  Poppler's pdfinfo reads any of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "racimo-test-pdf.h"

/* pdfinfo's lines about @path, in the C locale: "Pages:" and "Page size:",
 * with a point before decimals. */
static GStrv
run_pdfinfo (const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "env", "LC_ALL=C", "pdfinfo", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("pdfinfo could not read %s: %s", path, err);

  return g_strsplit (out, "\n", -1);
}

guint
racimo_test_pdf_read (const char *path,
                      double     *width,
                      double     *height)
{
  g_auto(GStrv) lines = run_pdfinfo (path);
  gboolean have_pages = FALSE, have_size = FALSE;
  guint pages = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        have_pages = sscanf (lines[i], "Pages: %u", &pages) == 1;
      else if (g_str_has_prefix (lines[i], "Page size:"))
        have_size = sscanf (lines[i], "Page size: %lf x %lf", width, height) == 2;
    }
  if (!have_pages || !have_size)
    g_error ("pdfinfo did not give the pages and page size of %s", path);

  return pages;
}

char *
racimo_test_pdf_get_title (const char *path)
{
  g_auto(GStrv) lines = run_pdfinfo (path);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Title:"))
      return g_strstrip (g_strdup (lines[i] + strlen ("Title:")));

  return NULL;
}

/* What pdftotext reads of @path with @mode: "-raw" in the order it was
 * drawn, "-layout" where it is on the page; each page ended by a form
 * feed */
static char *
run_pdftotext (const char *path,
               const char *mode)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "pdftotext", mode, "-enc", "UTF-8", path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("pdftotext could not read %s: %s", path, err);

  return g_steal_pointer (&out);
}

/* One space for every run of white space, form feeds included */
static char *
squeeze (const char *raw)
{
  GString *text = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (text, *p);
    else if (text->len > 0 && text->str[text->len - 1] != ' ')
      g_string_append_c (text, ' ');
  if (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

char *
racimo_test_pdf_get_text (const char *path)
{
  g_autofree char *out = run_pdftotext (path, "-raw");

  return squeeze (out);
}

char *
racimo_test_pdf_get_layout (const char *path)
{
  return run_pdftotext (path, "-layout");
}

gboolean
racimo_test_pdf_is_tagged (const char *path)
{
  g_auto(GStrv) lines = run_pdfinfo (path);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Tagged:"))
      return g_str_equal (g_strstrip (lines[i] + strlen ("Tagged:")), "yes");

  return FALSE;
}

GStrv
racimo_test_pdf_get_pages (const char *path)
{
  g_autofree char *out = run_pdftotext (path, "-raw");
  g_auto(GStrv) raw = g_strsplit (out, "\f", -1);
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  /* Every page ends with a form feed: nothing is after the last one */
  for (guint i = 0; raw[i] != NULL && raw[i + 1] != NULL; i++)
    g_ptr_array_add (pages, squeeze (raw[i]));
  g_ptr_array_add (pages, NULL);

  return (GStrv) g_ptr_array_steal (pages, NULL);
}

void
racimo_test_assert_numbered_once (const char *text,
                                  const char *prefix,
                                  const char *suffix,
                                  guint       first,
                                  guint       last)
{
  for (guint i = first; i <= last; i++)
    {
      g_autofree char *needle = g_strdup_printf ("%s%03u%s", prefix, i, suffix);
      const char *found = strstr (text, needle);

      if (found == NULL)
        g_error ("“%s” is not in the text", needle);
      if (strstr (found + 1, needle) != NULL)
        g_error ("“%s” is in the text more than once", needle);
    }
}

/* qpdf's output for @path: its check, or with @qdf every object
 * uncompressed, NULs made spaces.  Fails the test when qpdf finds the
 * file damaged, even where it could repair it. */
static char *
run_qpdf (const char *path,
          gboolean    qdf)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  const char *data;
  char *text;
  gsize length;

  if (qdf)
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                &error, "qpdf", "--qdf", "--object-streams=disable", path, "-",
                                NULL);
  else
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                &error, "qpdf", "--check", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("qpdf finds %s damaged: %.*s", path, (int) g_bytes_get_size (err),
             (const char *) g_bytes_get_data (err, NULL));

  data = g_bytes_get_data (out, &length);
  text = g_malloc (length + 1);
  for (gsize i = 0; i < length; i++)
    text[i] = data[i] != '\0' ? data[i] : ' ';
  text[length] = '\0';

  return text;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
racimo_test_pdf_get_structure (const char *path)
{
  g_autofree char *check = run_qpdf (path, FALSE);
  g_autofree char *qdf = run_qpdf (path, TRUE);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gpointer *names = NULL;
  GString *structure = g_string_new (NULL);
  guint n_names;

  /* qpdf writes one key a line, in order: an element's "/S /TD" comes
   * before its "/Type /StructElem", in the same object */
  for (const char *p = strstr (qdf, "/Type /StructElem"); p != NULL;
       p = strstr (p + 1, "/Type /StructElem"))
    {
      const char *object = g_strrstr_len (qdf, p - qdf, " obj\n");
      const char *s = object != NULL ? g_strstr_len (object, p - object, "/S /") : NULL;
      g_autofree char *name = NULL;

      g_assert_nonnull (s);
      s += strlen ("/S /");
      name = g_strndup (s, strcspn (s, " \n/>"));
      g_hash_table_insert (counts, g_strdup (name),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name))
                                             + 1));
    }

  names = g_hash_table_get_keys_as_array (counts, &n_names);
  qsort (names, n_names, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (structure, "%s%s %u", i > 0 ? ", " : "", (char *) names[i],
                            GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[i])));

  return g_string_free (structure, FALSE);
}

/* qpdf's text of object @object of @path ("trailer", "12") */
static char *
show_object (const char *path,
             const char *object)
{
  g_autofree char *option = g_strdup_printf ("--show-object=%s", object);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "qpdf", option, path,
                              NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return out;
}

char *
racimo_test_pdf_get_language (const char *path)
{
  g_autofree char *trailer = show_object (path, "trailer");
  g_autofree char *root = NULL;
  g_autofree char *catalog = NULL;
  const char *found = strstr (trailer, "/Root ");
  const char *lang;

  g_assert_nonnull (found);
  root = g_strndup (found + strlen ("/Root "), strcspn (found + strlen ("/Root "), " "));
  catalog = show_object (path, root);
  g_assert_nonnull (strstr (catalog, "/Type /Catalog"));
  lang = strstr (catalog, "/Lang (");
  if (lang == NULL)
    return NULL;
  lang += strlen ("/Lang (");

  return g_strndup (lang, strcspn (lang, ")"));
}

void
racimo_test_pdf_compress_objects (const char *path,
                                  const char *compressed)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "qpdf",
                              "--object-streams=generate", path, compressed, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}
