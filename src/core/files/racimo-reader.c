/* racimo-reader.c: loading .raci files (docs/file-format.md)
 *
 * A file comes from a colleague and is not trusted.  It is read with GIO
 * under a size cap, parsed by libxml2 from memory with no network and no
 * entity expansion, and refused at the first sign of a DOCTYPE or of
 * nesting deeper than the format allows.  The tree is built into a project
 * without history, checking what the RELAX NG schema cannot say (and,
 * in plain words, most of what it can), then a file of version 1.0 is
 * validated against the schema.  What Racimo does not understand is kept
 * as RacimoForeign entries (racimo-core-private.h) so that saving writes
 * it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "racimo-check.h"
#include "racimo-data-resources.h"
#include "racimo-file-private.h"
#include "racimo-foreign-private.h"
#include "racimo-model-private.h"
#include "racimo-reader.h"

#define MAX_DEPTH 64
#define SCHEMA_RESOURCE RESOURCE_BASE "/raci-1.rng"

/* libxml2 2.9 parses the attributes of one element in time that grows with
 * the square of their number (duplicates are looked for one by one, and
 * each new attribute walks the list to its end): 200,000 of them on the
 * root, 2.4 MB, take nearly two minutes.  No file of Racimo's or of a
 * colleague's tool needs more than a few; a file with more is refused
 * before libxml2 reads it. */
#define MAX_ATTRIBUTES 256

/* Its RELAX NG validator is quadratic too, in the attributes of an element
 * and in the children of one parent (100,000 roles: 6 s).  A file with an
 * element beyond these bounds is checked by the builder alone, whose checks
 * cover everything the schema says (tests/test-reader.c compares both on
 * every file of the test corpus). */
#define SCHEMA_MAX_ATTRIBUTES 32
#define SCHEMA_MAX_CHILDREN 1000

/* A value quoted in a message is cut to this many characters: a 5 MB
 * abbreviation must not make a 5 MB message. */
#define EXCERPT_MAX 40

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* libxml2 2.12 made the error passed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError RacimoXmlError;
#else
typedef xmlError RacimoXmlError;
#endif

G_DEFINE_QUARK (racimo-file-error-quark, racimo_file_error)

/* The first error libxml2 reported, copied: later ones are mostly
 * consequences of it ("premature end of data" after a mismatched tag). */
typedef struct
{
  gboolean set;
  int      code;
  int      line;
  int      column;
  int      int1;
  char    *str1;
  char    *str2;
  char    *message;
} FirstError;

static void
first_error_clear (FirstError *first)
{
  g_clear_pointer (&first->str1, g_free);
  g_clear_pointer (&first->str2, g_free);
  g_clear_pointer (&first->message, g_free);
  first->set = FALSE;
}

static void
first_error_take (FirstError     *first,
                  RacimoXmlError *error)
{
  if (first->set || error == NULL || error->level < XML_ERR_ERROR)
    return;

  first->set = TRUE;
  first->code = error->code;
  first->line = error->line;
  first->column = error->int2;
  first->int1 = error->int1;
  first->str1 = g_strdup (error->str1);
  first->str2 = g_strdup (error->str2);
  first->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
}

/* Error messages */

static void set_error (GError          **error,
                       RacimoFileError   code,
                       const char       *name,
                       long              line,
                       long              column,
                       const char       *format,
                       ...) G_GNUC_PRINTF (6, 7);

/* Sets @error to "NAME:LINE:COLUMN: what", leaving out the line or column
 * where they are not known, as compilers do. */
static void
set_error (GError          **error,
           RacimoFileError   code,
           const char       *name,
           long              line,
           long              column,
           const char       *format,
           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0 && column > 0)
    g_set_error (error, RACIMO_FILE_ERROR, code, "%s:%ld:%ld: %s", name, line, column, what);
  else if (line > 0)
    g_set_error (error, RACIMO_FILE_ERROR, code, "%s:%ld: %s", name, line, what);
  else
    g_set_error (error, RACIMO_FILE_ERROR, code, "%s: %s", name, what);
}

/* @value as a message quotes it: at most EXCERPT_MAX characters, cut on
 * a character boundary and followed by an ellipsis when it is longer. */
static char *
excerpt (const char *value)
{
  const char *end = value;
  guint n = 0;

  if (value == NULL)
    return g_strdup ("");

  while (*end != '\0' && n < EXCERPT_MAX)
    {
      end = g_utf8_find_next_char (end, NULL);
      n++;
    }

  if (*end == '\0')
    return g_strdup (value);

  /* One character fewer, for the ellipsis. */
  end = g_utf8_find_prev_char (value, end);

  {
    g_autofree char *start = g_strndup (value, (gsize) (end - value));

    return g_strconcat (start, "…", NULL);
  }
}

/* GIO's errors keep their domain and code (callers look for
 * G_IO_ERROR_CANCELLED or NOT_FOUND) with a message that names the file. */
static void
set_read_error (GError       **error,
                GError        *io_error,
                GFile         *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    message = g_strdup_printf (_("%s: the file does not exist"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    message = g_strdup_printf (_("%s: this is a folder, not a file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    message = g_strdup_printf (_("%s: you do not have permission to read this file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (io_error->message);
  else
    message = g_strdup_printf (_("%s: the file could not be read: %s"), name, io_error->message);

  g_set_error_literal (error, io_error->domain, io_error->code, message);
}

/* Before libxml2: what it would take too long over, or read wrongly */

/* The text of a file as units: bytes, or the 16-bit units of UTF-16, in
 * which the characters of markup are the same numbers as in ASCII. */
typedef struct
{
  const guint8 *data;
  gsize         n_units;
  guint         step;       /* bytes per unit: 1, or 2 for UTF-16 */
  gboolean      big_endian;
  gsize         start;      /* the first unit after a byte order mark */
  const char   *bom;        /* the encoding a byte order mark names, or NULL */
} Units;

static inline guint
unit_at (const Units *u,
         gsize        i)
{
  const guint8 *p;

  if (i >= u->n_units)
    return 0;

  if (u->step == 1)
    return u->data[i];

  p = u->data + i * 2;

  return u->big_endian ? (guint) (p[0] << 8 | p[1]) : (guint) (p[1] << 8 | p[0]);
}

static void
units_init (Units        *u,
            const guint8 *data,
            gsize         size)
{
  *u = (Units) { data, size, 1, FALSE, 0, NULL };

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      u->start = 3;
      u->bom = "UTF-8";
    }
  else if (size >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      u->step = 2;
      u->big_endian = data[0] == 0xfe;
      u->start = 1;
      u->bom = u->big_endian ? "UTF-16BE" : "UTF-16LE";
    }
  else if (size >= 4 && (memcmp (data, "<\0?\0", 4) == 0 || memcmp (data, "\0<\0?", 4) == 0))
    {
      u->step = 2;
      u->big_endian = data[0] == '\0';
    }

  u->n_units = size / u->step;
}

/* Whether the units at @i spell the ASCII @word. */
static gboolean
units_match (const Units *u,
             gsize        i,
             const char  *word)
{
  for (gsize k = 0; word[k] != '\0'; k++)
    if (unit_at (u, i + k) != (guchar) word[k])
      return FALSE;

  return TRUE;
}

/* The encoding that the XML declaration names, or NULL. */
static char *
declared_encoding (const Units *u)
{
  char declaration[512];
  gsize n = 0;
  const char *p;
  char quote;
  const char *end;

  if (!units_match (u, u->start, "<?xml"))
    return NULL;

  for (gsize i = u->start; i < u->n_units && n < sizeof declaration - 1; i++)
    {
      guint c = unit_at (u, i);

      if (c == '>')
        break;
      declaration[n++] = c < 0x80 && c != 0 ? (char) c : '?';
    }
  declaration[n] = '\0';

  p = strstr (declaration, "encoding");
  if (p == NULL)
    return NULL;

  for (p += strlen ("encoding"); g_ascii_isspace (*p); p++)
    ;
  if (*p++ != '=')
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  quote = *p++;
  if (quote != '"' && quote != '\'')
    return NULL;
  end = strchr (p, quote);
  if (end == NULL)
    return NULL;

  return g_strndup (p, (gsize) (end - p));
}

static gboolean
is_one_of (const char         *name,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

/* XML 1.0, appendix F: a byte order mark and an encoding declaration that
 * disagree are an error.  libxml2 2.9 believes the declaration and reads
 * UTF-8 as Latin-1 ("Café" becomes "CafÃ©"), which the next save would
 * make permanent. */
static gboolean
check_encoding (const Units  *u,
                const char   *name,
                GError      **error)
{
  static const char * const utf8[] = { "UTF-8", "UTF8", NULL };
  static const char * const utf16le[] = { "UTF-16", "UTF16", "UTF-16LE", "ISO-10646-UCS-2",
                                          "UCS-2", NULL };
  static const char * const utf16be[] = { "UTF-16", "UTF16", "UTF-16BE", "ISO-10646-UCS-2",
                                          "UCS-2", NULL };
  g_autofree char *declared = NULL;
  const char * const *agreeing;

  if (u->bom == NULL)
    return TRUE;

  declared = declared_encoding (u);
  if (declared == NULL)
    return TRUE;

  agreeing = strcmp (u->bom, "UTF-8") == 0 ? utf8
             : strcmp (u->bom, "UTF-16LE") == 0 ? utf16le : utf16be;
  if (is_one_of (declared, agreeing))
    return TRUE;

  {
    g_autofree char *shown = excerpt (declared);

    set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 1, 0,
               /* Translators: the first %s is an encoding such as "UTF-8", the
                * second the one the file declares, such as "ISO-8859-1" */
               _("the file starts with the byte order mark of %s but declares "
                 "encoding=\"%s\"; the two contradict each other, and Racimo does not "
                 "guess which is right (XML 1.0, appendix F)"),
               strcmp (u->bom, "UTF-8") == 0 ? "UTF-8" : "UTF-16", shown);
  }

  return FALSE;
}

/* The end of the first @terminator at or after @p, or NULL. */
static const char *
find_end (const char *p,
          const char *end,
          const char *terminator)
{
  gsize length = strlen (terminator);

  while (p < end && (p = memchr (p, terminator[0], (gsize) (end - p))) != NULL)
    {
      if ((gsize) (end - p) >= length && memcmp (p, terminator, length) == 0)
        return p + length;
      p++;
    }

  return NULL;
}

/* The first start tag in @text with more than MAX_ATTRIBUTES attributes
 * (namespace declarations included), or NULL.  One pass that follows
 * comments, CDATA sections, processing instructions and quoted values;
 * what is not well-formed is left to libxml2, which stops at it, and so
 * is a DOCTYPE, which the parser refuses. */
static const char *
find_wide_tag (const char *text,
               gsize       size)
{
  const char *end = text + size;
  const char *p = text;

  while (p != NULL && p < end && (p = memchr (p, '<', (gsize) (end - p))) != NULL)
    {
      const char *tag = p;
      guint n_attributes = 0;
      char next = p + 1 < end ? p[1] : '\0';

      if (next == '!' && end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = find_end (p + 4, end, "-->");
      else if (next == '!' && end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = find_end (p + 9, end, "]]>");
      else if (next == '!')
        return NULL;
      else if (next == '?')
        p = find_end (p + 2, end, "?>");
      else if (next == '/')
        p = find_end (p + 2, end, ">");
      else
        {
          for (p++; p < end && *p != '>'; p++)
            {
              if (*p == '"' || *p == '\'')
                {
                  p = memchr (p + 1, *p, (gsize) (end - p - 1));
                  if (p == NULL)
                    return NULL;
                }
              else if (*p == '=' && ++n_attributes > MAX_ATTRIBUTES)
                return tag;
            }
          if (p < end)
            p++;
        }
    }

  return NULL;
}

/* libxml2 2.9 parses the attributes of one element in quadratic time: an
 * element with too many is refused before it reads the file.  The text is
 * scanned as bytes, which in every encoding that libxml2 reads without a
 * byte order mark or "<?" in UTF-16 keep the characters of markup as in
 * ASCII; UTF-16 is scanned as UTF-8. */
static gboolean
check_attributes (const Units  *u,
                  const char   *name,
                  GError      **error)
{
  g_autofree char *converted = NULL;
  const char *text;
  gsize size;
  const char *tag;

  /* Empty: the parser says so. */
  if (u->data == NULL || u->n_units <= u->start)
    return TRUE;

  text = (const char *) u->data + u->start * u->step;
  size = (u->n_units - u->start) * u->step;

  if (u->step == 2)
    {
      gsize written = 0;

      converted = g_convert (text, (gssize) size, "UTF-8",
                             u->big_endian ? "UTF-16BE" : "UTF-16LE", NULL, &written, NULL);
      /* Not UTF-16 after all: libxml2 stops at the first bad unit. */
      if (converted == NULL)
        return TRUE;
      text = converted;
      size = written;
    }

  tag = find_wide_tag (text, size);
  if (tag != NULL)
    {
      const char *tag_end = tag + 1;
      g_autofree char *element = NULL;
      g_autofree char *shown = NULL;
      long line = 1;

      for (const char *p = text; (p = memchr (p, '\n', (gsize) (tag - p))) != NULL; p++)
        line++;
      while (tag_end < text + size && tag_end - tag < 200 && !g_ascii_isspace (*tag_end)
             && *tag_end != '/' && *tag_end != '>')
        tag_end++;
      element = g_utf8_make_valid (tag + 1, tag_end - tag - 1);
      shown = excerpt (element);

      set_error (error, RACIMO_FILE_ERROR_INVALID, name, line, 0,
                 _("<%s> has more than %d attributes; Racimo reads at most %d on one element"),
                 shown, MAX_ATTRIBUTES, MAX_ATTRIBUTES);
      return FALSE;
    }

  return TRUE;
}

/* Parsing */

typedef struct
{
  FirstError             first;
  long                   doctype_line;
  long                   deep_line;
  guint                  depth;
  /* The children seen so far of each open element, by depth, and the most
   * that one element had, children or attributes: whether the schema can
   * be asked in linear time. */
  guint                  n_children[MAX_DEPTH + 1];
  guint                  most_children;
  guint                  most_attributes;
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func   end_element;
} ParseState;

static void
on_parse_error (void           *user_data,
                RacimoXmlError *error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  first_error_take (&state->first, error);
}

/* A DOCTYPE can declare entities that expand a few bytes into gigabytes, or
 * that pull in local files or URLs; a .raci file never has one.  Stopping
 * here, before the internal subset is read, means no declaration in it is
 * ever parsed. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->doctype_line = ctxt->input != NULL ? ctxt->input->line : 0;
  xmlStopParser (ctxt);
}

/* Counted while parsing so that a file nested thousands deep is refused
 * before its tree is built. */
static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (++state->depth > MAX_DEPTH)
    {
      state->deep_line = ctxt->input != NULL ? ctxt->input->line : 0;
      xmlStopParser (ctxt);
      return;
    }

  state->n_children[state->depth] = 0;
  state->n_children[state->depth - 1]++;
  state->most_children = MAX (state->most_children, state->n_children[state->depth - 1]);
  state->most_attributes = MAX (state->most_attributes,
                                (guint) MAX (n_attributes, 0) + (guint) MAX (n_namespaces, 0));

  state->start_element (user_data, localname, prefix, uri, n_namespaces, namespaces,
                        n_attributes, n_defaulted, attributes);

  /* A node of libxml2 2.9 holds a line up to 65,535; past it,
   * xmlGetLineNo() gives the line of the element's first child, where
   * its start tag ended: one line too many.  line_of() reads the true
   * line from here. */
  if (ctxt->node != NULL && ctxt->input != NULL && ctxt->input->line >= G_MAXUINT16)
    ctxt->node->_private = GINT_TO_POINTER (ctxt->input->line);
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->depth--;
  state->end_element (user_data, localname, prefix, uri);
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

static void ignore_message (void       *user_data,
                            const char *format,
                            ...) G_GNUC_PRINTF (2, 3);

static void
ignore_message (void       *user_data,
                const char *format,
                ...)
{
}

/* Plain words for the errors that people make by hand; libxml2's own text
 * for the rest. */
static void
set_parse_error (GError           **error,
                 const char        *name,
                 const FirstError  *first,
                 GBytes            *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  long line = first->line;
  long column = first->column;

  switch (first->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      if (is_blank (data, size))
        set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 0, 0, _("the file is empty"));
      else
        set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                   _("the file is not XML: it does not start with an element"));
      return;

    case XML_ERR_TAG_NOT_FINISHED:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("the file ends before <%s> from line %d is closed; it may have been cut short"),
                 first->str1, first->int1);
      return;

    case XML_ERR_TAG_NAME_MISMATCH:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("</%s> does not close <%s> from line %d"),
                 first->str2, first->str1, first->int1);
      return;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("\"&%s;\" is not defined; a plain \"&\" is written \"&amp;\""), first->str1);
      return;

    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("a plain \"&\" is written \"&amp;\""));
      return;

    case XML_ERR_LT_IN_ATTRIBUTE:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("a \"<\" in an attribute is written \"&lt;\""));
      return;

    case XML_ERR_ATTRIBUTE_REDEFINED:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("the attribute \"%s\" is written twice"), first->str1);
      return;

    case XML_ERR_DOCUMENT_END:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("there is more after the end of the root element"));
      return;

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      /* A file saved in Latin-1 or Windows-1252 by an editor that does not
       * say so: libxml2 only tells it by its message. */
      if (first->code == XML_ERR_INVALID_ENCODING
          || g_str_has_prefix (first->message, "Input is not proper UTF-8"))
        set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                   _("the text is not UTF-8, and the XML declaration names no other "
                     "encoding"));
      else if (first->int1 > 0)
        set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                   _("the character U+%04X cannot be in an XML file"), (guint) first->int1);
      else
        set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column, "%s",
                   first->message);
      return;

    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("the prefix \"%s\" of <%s:%s> is not declared"),
                 first->str1, first->str1, first->str2);
      return;

    default:
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column, "%s", first->message);
      return;
    }
}

/* What the parser saw of the tree's shape. */
typedef struct
{
  guint most_children;
  guint most_attributes;
} Shape;

static xmlDoc *
parse (GBytes      *bytes,
       const char  *name,
       Shape       *shape,
       GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  ParseState state = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 0, 0, _("the file is empty"));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("libxml2 could not allocate a parser");

  /* Hooks on this parser alone, so that threads loading other files at the
   * same time are not affected. */
  ctxt->_private = &state;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->internalSubset = on_internal_subset;
  state.start_element = ctxt->sax->startElementNs;
  state.end_element = ctxt->sax->endElementNs;
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->endElementNs = on_end_element;

  /* libxml2 2.9 reports some errors, such as bytes that are not text in
   * the file's encoding, out of the parser's context too: to this thread's
   * generic handler, which prints on standard error.  The parser's own
   * report of them is what the user reads. */
  xmlSetGenericErrorFunc (NULL, ignore_message);

  /* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE: those expand
   * entities, fetch files and lift the limits on what a file can make
   * libxml2 allocate.  Not NOBLANKS either: it guesses which white space
   * matters and could drop that of a name or a description. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  xmlSetGenericErrorFunc (NULL, NULL);

  shape->most_children = state.most_children;
  shape->most_attributes = state.most_attributes;

  if (state.doctype_line > 0)
    {
      set_error (error, RACIMO_FILE_ERROR_DOCTYPE, name, state.doctype_line, 0,
                 _("the file has a document type declaration (<!DOCTYPE>), which Racimo "
                   "refuses: it can expand entities or fetch other files"));
      first_error_clear (&state.first);
      return NULL;
    }

  if (state.deep_line > 0)
    {
      set_error (error, RACIMO_FILE_ERROR_TOO_DEEP, name, state.deep_line, 0,
                 _("the elements are nested more than %d levels deep, deeper than a "
                   "Racimo file can be"), MAX_DEPTH);
      first_error_clear (&state.first);
      return NULL;
    }

  if (!state.first.set)
    {
      RacimoXmlError *last = xmlCtxtGetLastError (ctxt);

      if (last != NULL && last->code != XML_ERR_OK)
        first_error_take (&state.first, last);
    }

  if (doc == NULL || state.first.set)
    {
      if (!state.first.set)
        {
          state.first.set = TRUE;
          state.first.message = g_strdup (_("the file is not well-formed XML"));
        }
      set_parse_error (error, name, &state.first, bytes);
      first_error_clear (&state.first);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/* The schema, compiled once per process: it is the same for every file. */
static gpointer
compile_schema (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlRelaxNGParserCtxt *ctxt;
  xmlRelaxNG *schema;
  gsize size;
  const char *text;

  /* From the data resource itself: a program that links the core library
   * statically does not register it unless it refers to it. */
  bytes = g_resource_lookup_data (racimo_data_get_resource (), SCHEMA_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The schema of .raci files is missing: %s", error->message);

  /* The builder has already checked that ids are unique and that every
   * assign names a role, with plainer messages, before validation runs;
   * the XSD ID and IDREF types would check it again and cost 40% of the
   * validation.  The shipped schema keeps them for other tools. */
  {
    g_autoptr(GString) relaxed = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                                  (gssize) g_bytes_get_size (bytes));

    g_string_replace (relaxed, "<data type=\"ID\"/>", "<data type=\"NCName\"/>", 0);
    g_string_replace (relaxed, "<data type=\"IDREF\"/>", "<data type=\"NCName\"/>", 0);
    g_bytes_unref (bytes);
    bytes = g_string_free_to_bytes (g_steal_pointer (&relaxed));
  }

  text = g_bytes_get_data (bytes, &size);
  ctxt = xmlRelaxNGNewMemParserCtxt (text, (int) size);
  schema = xmlRelaxNGParse (ctxt);
  xmlRelaxNGFreeParserCtxt (ctxt);

  if (schema == NULL)
    g_error ("The schema of .raci files does not compile");

  return schema;
}

static xmlRelaxNG *
get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_schema, NULL);
}

static long line_of (xmlNode *node);

static void
on_validity_error (void           *user_data,
                   RacimoXmlError *error)
{
  FirstError *first = user_data;
  gboolean had_one = first->set;

  first_error_take (first, error);

  if (!had_one && first->set && error->node != NULL
      && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    first->line = (int) line_of (error->node);
}

/* libxml2 does not say that a compiled schema may be used by several
 * threads at once; files loaded at the same time take turns here. */
G_LOCK_DEFINE_STATIC (validation);

static gboolean
validate (xmlDoc     *doc,
          FirstError *first)
{
  xmlRelaxNG *schema = get_schema ();
  xmlRelaxNGValidCtxt *ctxt;
  int status;

  G_LOCK (validation);
  ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (ctxt, on_validity_error, first);
  status = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);
  G_UNLOCK (validation);

  if (status != 0 && !first->set)
    {
      first->set = TRUE;
      first->line = xmlGetLineNo (xmlDocGetRootElement (doc));
      first->message = g_strdup (_("the schema refuses it"));
    }

  return status == 0;
}

/* Building the project */

typedef struct
{
  RacimoProject *project;
  const char    *name;     /* the file, for messages */
  xmlDoc        *doc;
  /* Version 1.0: what is unknown in our namespace is an error.  A newer
   * minor version may have added it: it is kept, as foreign content. */
  gboolean       strict;
  GHashTable    *ids;      /* id -> line where it was first used */
  GHashTable    *roles;    /* id -> RacimoRole, unowned */
  /* The checks waived so far on @waived_item: a newer minor version may
   * put any number of waivers on one item. */
  RacimoItem    *waived_item;
  GHashTable    *waived_checks;
  xmlBuffer     *buffer;
  GError       **error;
} Builder;

/* The known children of an element, in the order of version 1.0. */
typedef enum
{
  KIND_TITLE,
  KIND_DESCRIPTION,
  KIND_SCHEME,
  KIND_ROLES,
  KIND_PHASES,
  KIND_NAME,
  KIND_PERSON,
  KIND_ASSIGN,
  KIND_WAIVER,
  KIND_ACTIVITY,
} Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  gboolean    repeats;
} Child;

static gboolean
is_ours (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE
         && node->ns != NULL
         && strcmp ((const char *) node->ns->href, RACIMO_FILE_NAMESPACE) == 0;
}

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return strcmp ((const char *) node->name, name) == 0;
}

static long
line_of (xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE && node->line == G_MAXUINT16 && node->_private != NULL)
    return GPOINTER_TO_INT (node->_private);

  return xmlGetLineNo (node);
}

/* The value of our attribute @name, owned by the tree, or NULL.  Without a
 * DTD, libxml2 holds a value as one text node. */
static const char *
attribute (xmlNode    *node,
           const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && strcmp ((const char *) attr->name, name) == 0)
      {
        if (attr->children == NULL || attr->children->content == NULL)
          return "";
        return (const char *) attr->children->content;
      }

  return NULL;
}

/* The key of a known element, as racimo-core-private.h spells it, for the
 * foreign content that follows it: "" for none. */
static char *
key_of (xmlNode *node)
{
  if (node == NULL)
    return g_strdup ("");

  if (is_named (node, "role") || is_named (node, "phase") || is_named (node, "activity"))
    return g_strconcat ((const char *) node->name, " ", attribute (node, "id"), NULL);

  if (is_named (node, "assign"))
    return g_strconcat ("assign ", attribute (node, "role"), " ", attribute (node, "code"), NULL);

  if (is_named (node, "waiver"))
    return g_strconcat ("waiver ", attribute (node, "check"), NULL);

  return g_strdup ((const char *) node->name);
}

static void
add_foreign (GPtrArray  *foreign,
             const char *parent,
             const char *anchor,
             const char *qname,
             const char *value)
{
  RacimoForeign *entry = g_new0 (RacimoForeign, 1);

  entry->parent = g_strdup (parent);
  entry->anchor = g_strdup (anchor);
  entry->qname = g_strdup (qname);
  entry->value = g_strdup (value);
  g_ptr_array_add (foreign, entry);
}

/* libxml2 2.9 keeps an "&" in a namespace name as the text "&#38;", its
 * form for "&" in attribute values before they become nodes, and writes
 * namespace declarations without escaping: inside foreign content, which
 * it writes, that round-trips.  A declaration kept from a Racimo element
 * is written by the writer, which escapes: it needs the real name.
 * Whether this libxml2 does so is asked once. */
static gboolean
keeps_char_refs_in_namespaces (void)
{
  static gsize answer = 0;

  if (g_once_init_enter (&answer))
    {
      static const char probe[] = "<r xmlns:x=\"a&amp;b\"/>";
      xmlParserCtxt *ctxt = xmlNewParserCtxt ();
      xmlDoc *doc = xmlCtxtReadMemory (ctxt, probe, sizeof probe - 1, NULL, NULL,
                                       XML_PARSE_NONET);
      xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
      gboolean keeps = root != NULL && root->nsDef != NULL
                       && strcmp ((const char *) root->nsDef->href, "a&#38;b") == 0;

      xmlFreeDoc (doc);
      xmlFreeParserCtxt (ctxt);
      g_once_init_leave (&answer, keeps ? 2 : 1);
    }

  return answer == 2;
}

static char *
namespace_name (xmlNs *ns)
{
  GString *name = g_string_new ((const char *) ns->href);

  if (strstr (name->str, "&#38;") != NULL && keeps_char_refs_in_namespaces ())
    g_string_replace (name, "&#38;", "&", 0);

  return g_string_free (name, FALSE);
}

/* The node is written back inside elements of our default namespace.
 * When the default namespace around it in the file was another one, or
 * none (declared on a Racimo element, which does not keep it, or with our
 * namespace under a prefix), the node declares it, for itself and for the
 * unprefixed elements inside it. */
static void
make_self_contained (xmlDoc  *doc,
                     xmlNode *node)
{
  xmlNs *in_scope;

  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    if (ns->prefix == NULL)
      return;

  in_scope = xmlSearchNs (doc, node, NULL);
  if (in_scope == NULL)
    xmlNewNs (node, (const xmlChar *) "", NULL);
  else if (strcmp ((const char *) in_scope->href, RACIMO_FILE_NAMESPACE) != 0)
    xmlNewNs (node, in_scope->href, NULL);
}

/* Keeps @node as it is in the file, to be written after @anchor, the known
 * element before it. */
static void
keep_node (Builder    *b,
           GPtrArray  *foreign,
           const char *parent,
           xmlNode    *anchor,
           xmlNode    *node)
{
  g_autofree char *key = key_of (anchor);

  if (node->type == XML_ELEMENT_NODE)
    make_self_contained (b->doc, node);

  xmlBufferEmpty (b->buffer);
  xmlNodeDump (b->buffer, b->doc, node, 0, 0);

  /* Text between elements (which a newer version may have put there) is
   * written back on a line of its own: the white space around it is the
   * layout, which the writer makes. */
  if (node->type == XML_TEXT_NODE)
    {
      g_autofree char *text = g_strdup ((const char *) xmlBufferContent (b->buffer));

      add_foreign (foreign, parent, key, NULL, g_strstrip (text));
      return;
    }

  add_foreign (foreign, parent, key, NULL, (const char *) xmlBufferContent (b->buffer));
}

/* The schema lets foreign content hold anything but Racimo's elements
 * that carry ids or name a role: they would be mistaken for the real ones
 * by other tools. */
static gboolean
check_inside_foreign (Builder *b,
                      xmlNode *foreign,
                      xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_ours (child)
          && (is_named (child, "role") || is_named (child, "phase")
              || is_named (child, "activity") || is_named (child, "assign")))
        {
          g_autofree char *qname = NULL;

          if (foreign->ns != NULL && foreign->ns->prefix != NULL)
            qname = g_strconcat ((const char *) foreign->ns->prefix, ":",
                                 (const char *) foreign->name, NULL);
          else
            qname = g_strdup ((const char *) foreign->name);

          set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (child), 0,
                     _("<%s> is inside <%s>, which belongs to another program: Racimo "
                       "does not read it there"), child->name, qname);
          return FALSE;
        }

      if (!check_inside_foreign (b, foreign, child))
        return FALSE;
    }

  return TRUE;
}

/* A child of a Racimo element that is not a known child there: foreign
 * content is kept, and so is what a newer minor version added; in a
 * version 1.0 file our namespace has nothing else to offer. */
static gboolean
keep_other (Builder    *b,
            GPtrArray  *foreign,
            const char *parent,
            xmlNode    *anchor,
            xmlNode    *container,
            xmlNode    *node)
{
  gboolean is_text = node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;

  /* Without a DTD there are no entity references, and no other kind of
   * node can be the child of an element. */
  if (!is_text && node->type != XML_ELEMENT_NODE
      && node->type != XML_COMMENT_NODE && node->type != XML_PI_NODE)
    return TRUE;

  if (is_text && (node->content == NULL
                  || is_blank ((const char *) node->content,
                               strlen ((const char *) node->content))))
    return TRUE;

  if (b->strict && is_text)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("<%s> holds text where only elements belong"), container->name);
      return FALSE;
    }

  if (b->strict && is_ours (node))
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("<%s> has no place in <%s>"), node->name, container->name);
      return FALSE;
    }

  if (b->strict && node->type == XML_ELEMENT_NODE && !check_inside_foreign (b, node, node))
    return FALSE;

  keep_node (b, foreign, parent, anchor, node);
  return TRUE;
}

static gboolean
is_known (const char         *name,
          const char * const *known)
{
  for (guint i = 0; known[i] != NULL; i++)
    if (strcmp (name, known[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Whether @node has namespace declarations or attributes other than
 * @known, our attribute names. */
static gboolean
has_other_attributes (xmlNode            *node,
                      const char * const *known)
{
  if (node->nsDef != NULL)
    return TRUE;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns != NULL || !is_known ((const char *) attr->name, known))
      return TRUE;

  return FALSE;
}

/* Keeps the namespace declarations and the attributes of @node that are
 * not in @known. */
static gboolean
keep_attributes (Builder            *b,
                 GPtrArray          *foreign,
                 const char         *parent,
                 xmlNode            *node,
                 const char * const *known)
{
  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      g_autofree char *qname = NULL;
      g_autofree char *name = NULL;

      /* The writer declares our namespace as the default one on the root;
       * a foreign element that used another default gets it back in
       * make_self_contained(). */
      if (ns->prefix == NULL)
        continue;

      qname = g_strconcat ("xmlns:", (const char *) ns->prefix, NULL);
      name = namespace_name (ns);
      add_foreign (foreign, parent, NULL, qname, name);
    }

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *value = NULL;
      g_autofree char *qname = NULL;

      if (attr->ns == NULL && is_known ((const char *) attr->name, known))
        continue;

      if (attr->ns != NULL && attr->ns->prefix != NULL)
        qname = g_strconcat ((const char *) attr->ns->prefix, ":",
                             (const char *) attr->name, NULL);
      else
        qname = g_strdup ((const char *) attr->name);

      /* Ours: unprefixed, or prefixed with our namespace */
      if (b->strict
          && (attr->ns == NULL
              || strcmp ((const char *) attr->ns->href, RACIMO_FILE_NAMESPACE) == 0))
        {
          g_autofree char *shown = excerpt (qname);

          set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                     _("<%s> has an attribute \"%s\" that Racimo does not know"),
                     node->name, shown);
          return FALSE;
        }

      value = (char *) xmlNodeGetContent ((xmlNode *) attr);
      add_foreign (foreign, parent, NULL, qname, value != NULL ? value : "");
      xmlFree (g_steal_pointer (&value));
    }

  return TRUE;
}

static const char * const no_attributes[] = { NULL };

/* The text of a Racimo element that holds text, as it is: line breaks and
 * white space included.  Foreign content inside, and attributes other than
 * @known, are kept under @key. */
static char *
read_text (Builder            *b,
           GPtrArray          *foreign,
           const char         *key,
           xmlNode            *node,
           const char * const *known)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!keep_attributes (b, foreign, key, node, known))
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint n_kept = foreign->len;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            g_string_append (text, (const char *) child->content);
        }
      else if (!keep_other (b, foreign, key, NULL, node, child))
        return NULL;

      /* Kept with its place in the text, to be written back there. */
      if (foreign->len > n_kept)
        {
          RacimoForeign *kept = g_ptr_array_index (foreign, foreign->len - 1);

          g_free (kept->anchor);
          kept->anchor = g_strdup_printf ("@%" G_GSIZE_FORMAT, text->len);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define MAX_CHILDREN 5

/* The known children of an element seen so far, to check their order in
 * version 1.0 files and to keep a second one of those that come once. */
typedef struct
{
  xmlNode *first[MAX_CHILDREN]; /* the first of each, by its rank */
  xmlNode *last;                /* the last known child seen, or NULL */
  guint    rank;                /* its rank: its position in the table */
} Order;

/* Whether the writer would leave @node out: nothing in it but white space
 * between elements (for <roles> and <phases>), and no attributes. */
static gboolean
is_empty_element (xmlNode *node)
{
  gboolean is_list = is_named (node, "roles") || is_named (node, "phases");

  if (node->properties != NULL || node->nsDef != NULL)
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!is_list
        || child->type != XML_TEXT_NODE
        || !is_blank ((const char *) child->content, strlen ((const char *) child->content)))
      return FALSE;

  return TRUE;
}

/* The known child that @node is, or NULL when it is foreign content, an
 * element a newer version added or, in a newer minor version, a second one
 * of a child that comes once (*@repeated is then TRUE), which is kept as
 * it is.  A second one after an empty first one is taken instead: saving
 * leaves the empty one out, and the second would be taken when the file
 * is read again. */
static const Child *
find_child (Builder     *b,
            const Child *children,
            guint        n_children,
            Order       *order,
            xmlNode     *node,
            guint       *rank,
            gboolean    *repeated)
{
  g_assert (n_children <= MAX_CHILDREN);

  *repeated = FALSE;

  if (!is_ours (node))
    return NULL;

  for (guint i = 0; i < n_children; i++)
    if (is_named (node, children[i].name))
      {
        if (!b->strict && order->first[i] != NULL && !children[i].repeats)
          {
            *repeated = !is_empty_element (order->first[i]);
            if (*repeated)
              return NULL;
            order->first[i] = NULL;
          }

        *rank = i;
        return &children[i];
      }

  return NULL;
}

static gboolean
check_order (Builder     *b,
             Order       *order,
             const Child *children,
             xmlNode     *node,
             guint        rank)
{
  if (b->strict && order->first[rank] != NULL && !children[rank].repeats)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("there is a second <%s> (the first is on line %ld)"),
                 node->name, line_of (order->first[rank]));
      return FALSE;
    }

  if (b->strict && order->last != NULL && rank < order->rank)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("<%s> is out of order: it goes before <%s>"),
                 node->name, order->last->name);
      return FALSE;
    }

  if (order->first[rank] == NULL)
    order->first[rank] = node;
  order->last = node;
  order->rank = rank;

  return TRUE;
}

static const char *
check_id (Builder    *b,
          xmlNode    *node)
{
  const char *id = attribute (node, "id");
  gpointer first_line;

  if (id == NULL)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 /* Translators: %s is "role", "phase" or "activity", an element name */
                 _("a <%s> has no id"), node->name);
      return NULL;
    }

  if (xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    {
      g_autofree char *shown = excerpt (id);

      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("\"%s\" is not an id: an id is made of letters, digits, \"-\", \"_\" and "
                   "\".\", and starts with a letter or \"_\""), shown);
      return NULL;
    }

  if (g_hash_table_lookup_extended (b->ids, id, NULL, &first_line))
    {
      g_autofree char *shown = excerpt (id);

      set_error (b->error, RACIMO_FILE_ERROR_DUPLICATE_ID, b->name, line_of (node), 0,
                 _("the id \"%s\" is used twice (first on line %u)"),
                 shown, GPOINTER_TO_UINT (first_line));
      return NULL;
    }

  g_hash_table_insert (b->ids, (gpointer) id, GUINT_TO_POINTER ((guint) line_of (node)));

  return id;
}

static char *
list_check_ids (void)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (RacimoCheck check = 0; check < RACIMO_N_CHECKS; check++)
    {
      if (check > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, racimo_check_get_id (check));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
list_scheme_ids (void)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < racimo_scheme_get_n_schemes (); i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, racimo_scheme_get_nth (i)->id);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Returns FALSE on error; *@kept is TRUE when the waiver went into the
 * foreign content and is not the anchor of what follows. */
static gboolean
read_waiver (Builder    *b,
             RacimoItem *item,
             GPtrArray  *foreign,
             xmlNode    *node,
             gboolean   *kept)
{
  const char *check = attribute (node, "check");
  g_autofree char *key = NULL;
  g_autofree char *reason = NULL;
  RacimoCheck known;
  static const char * const attributes[] = { "check", NULL };

  if (check == NULL)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("<waiver> has no check attribute"));
      return FALSE;
    }

  if (b->strict && !racimo_check_from_id (check, &known))
    {
      g_autofree char *ids = list_check_ids ();
      g_autofree char *shown = excerpt (check);

      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("\"%s\" is not a check; the checks are %s"), shown, ids);
      return FALSE;
    }

  /* Two waivers of one check: the model holds one reason, and the other
   * is kept as it is, so that nothing is lost.  Anchored at the first (its
   * key is the same), it is written after it and stays the second. */
  if (b->waived_item != item)
    {
      g_hash_table_remove_all (b->waived_checks);
      b->waived_item = item;
    }

  /* Keys are strings of the tree, which outlives the builder. */
  *kept = !g_hash_table_add (b->waived_checks, (gpointer) check);
  if (*kept)
    {
      /* Kept as it is, but checked as the first one was: the schema
       * would. */
      if (b->strict)
        {
          g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (
            (GDestroyNotify) _racimo_foreign_free);
          g_autofree char *text = read_text (b, scratch, "waiver", node, attributes);

          if (text == NULL)
            return FALSE;
        }

      keep_node (b, foreign, NULL, node, node);
      return TRUE;
    }

  key = g_strconcat ("waiver ", check, NULL);
  reason = read_text (b, foreign, key, node, attributes);
  if (reason == NULL)
    return FALSE;

  _racimo_item_append_waiver (item, check, reason);

  return TRUE;
}

static gboolean
read_assign (Builder        *b,
             RacimoActivity *activity,
             GPtrArray      *foreign,
             xmlNode        *node)
{
  const char *role_id = attribute (node, "role");
  const char *code = attribute (node, "code");
  g_autofree char *key = NULL;
  RacimoRole *role;
  RacimoCodes codes;
  static const char * const attributes[] = { "role", "code", NULL };

  if (role_id == NULL)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("<assign> has no role attribute"));
      return FALSE;
    }

  if (code == NULL)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("<assign> has no code attribute"));
      return FALSE;
    }

  if (code[0] == '\0')
    {
      set_error (b->error, RACIMO_FILE_ERROR_BAD_CODE, b->name, line_of (node), 0,
                 _("<assign> has an empty code: a code is one upper-case letter"));
      return FALSE;
    }

  if (!RACIMO_CODE_IS_VALID (code[0]) || code[1] != '\0')
    {
      g_autofree char *shown = excerpt (code);

      set_error (b->error, RACIMO_FILE_ERROR_BAD_CODE, b->name, line_of (node), 0,
                 _("\"%s\" is not a code: a code is one upper-case letter"), shown);
      return FALSE;
    }

  role = g_hash_table_lookup (b->roles, role_id);
  if (role == NULL)
    {
      g_autofree char *shown = excerpt (role_id);

      set_error (b->error, RACIMO_FILE_ERROR_UNKNOWN_ROLE, b->name, line_of (node), 0,
                 _("<assign> names the role \"%s\", which is not in <roles>"), shown);
      return FALSE;
    }

  codes = racimo_activity_get_codes (activity, role);
  _racimo_activity_set_codes (activity, role, codes | RACIMO_CODE_BIT (code[0]));

  /* Tens of thousands of these in a large matrix: the key is made only for
   * the rare one that holds foreign content. */
  if (node->children == NULL && !has_other_attributes (node, attributes))
    return TRUE;

  /* The same code twice is one code, but the foreign content of both
   * cannot go on one element: the second is kept as it is, after the first
   * (its key is the same). */
  if (codes & RACIMO_CODE_BIT (code[0]))
    {
      /* Kept as it is, but checked as the first one was: the schema
       * would. */
      if (b->strict)
        {
          g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (
            (GDestroyNotify) _racimo_foreign_free);

          if (!keep_attributes (b, scratch, "assign", node, attributes))
            return FALSE;
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            if (!keep_other (b, scratch, "assign", NULL, node, child))
              return FALSE;
        }

      keep_node (b, foreign, NULL, node, node);
      return TRUE;
    }

  key = key_of (node);
  if (!keep_attributes (b, foreign, key, node, attributes))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!keep_other (b, foreign, key, NULL, node, child))
      return FALSE;

  return TRUE;
}

static gboolean
set_text (Builder    *b,
          RacimoItem *item,
          GPtrArray  *foreign,
          xmlNode    *node,
          Kind        kind)
{
  g_autofree char *text = read_text (b, foreign, (const char *) node->name, node,
                                     no_attributes);

  if (text == NULL)
    return FALSE;

  switch (kind)
    {
    case KIND_NAME:
      _racimo_item_set_name (item, text);
      break;
    case KIND_DESCRIPTION:
      _racimo_item_set_description (item, text);
      break;
    case KIND_PERSON:
      _racimo_role_set_person (RACIMO_ROLE (item), text);
      break;
    case KIND_TITLE:
    case KIND_SCHEME:
    case KIND_ROLES:
    case KIND_PHASES:
    case KIND_ASSIGN:
    case KIND_WAIVER:
    case KIND_ACTIVITY:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gboolean read_activity (Builder     *b,
                               RacimoPhase *phase,
                               xmlNode     *node);

/* The content of a role, a phase or an activity, which are read alike. */
static gboolean
read_item_content (Builder     *b,
                   RacimoItem  *item,
                   xmlNode     *node,
                   const Child *children,
                   guint        n_children)
{
  GPtrArray *foreign = _racimo_item_get_foreign (item);
  xmlNode *anchor = NULL;
  gboolean has_name = FALSE;
  Order order = { { NULL, }, NULL, 0 };

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint rank = 0;
      gboolean repeated;
      const Child *known = find_child (b, children, n_children, &order, child, &rank,
                                       &repeated);
      gboolean kept = FALSE;

      /* A second one is anchored at the first (its key is the same): it is
       * written after it, and stays the second. */
      if (known == NULL)
        {
          if (!keep_other (b, foreign, NULL, repeated ? child : anchor, node, child))
            return FALSE;
          continue;
        }

      if (!check_order (b, &order, children, child, rank))
        return FALSE;

      switch (known->kind)
        {
        case KIND_NAME:
          has_name = TRUE;
          G_GNUC_FALLTHROUGH;
        case KIND_DESCRIPTION:
        case KIND_PERSON:
          if (!set_text (b, item, foreign, child, known->kind))
            return FALSE;
          break;

        case KIND_ASSIGN:
          if (!read_assign (b, RACIMO_ACTIVITY (item), foreign, child))
            return FALSE;
          break;

        case KIND_WAIVER:
          if (!read_waiver (b, item, foreign, child, &kept))
            return FALSE;
          break;

        case KIND_ACTIVITY:
          if (!read_activity (b, RACIMO_PHASE (item), child))
            return FALSE;
          break;

        case KIND_TITLE:
        case KIND_SCHEME:
        case KIND_ROLES:
        case KIND_PHASES:
        default:
          g_assert_not_reached ();
        }

      if (!kept)
        anchor = child;
    }

  if (!has_name)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 /* Translators: the first %s is "role", "phase" or "activity" */
                 _("the %s \"%s\" has no <name>"), node->name, racimo_item_get_id (item));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_activity (Builder     *b,
               RacimoPhase *phase,
               xmlNode     *node)
{
  g_autoptr(RacimoActivity) activity = g_object_new (RACIMO_TYPE_ACTIVITY, NULL);
  RacimoItem *item = RACIMO_ITEM (activity);
  const char *id;
  const char *applicable;
  static const char * const attributes[] = { "id", "applicable", NULL };
  static const Child children[] = {
    { "name", KIND_NAME, FALSE },
    { "description", KIND_DESCRIPTION, FALSE },
    { "assign", KIND_ASSIGN, TRUE },
    { "waiver", KIND_WAIVER, TRUE },
  };

  id = check_id (b, node);
  if (id == NULL)
    return FALSE;

  _racimo_item_set_id (item, id);
  _racimo_item_set_line (item, (guint) line_of (node));

  applicable = attribute (node, "applicable");
  if (applicable != NULL && strcmp (applicable, "no") == 0)
    _racimo_activity_set_applicable (activity, FALSE);
  else if (applicable != NULL && strcmp (applicable, "yes") != 0)
    {
      g_autofree char *shown = excerpt (applicable);

      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("applicable=\"%s\" is not allowed: it is \"yes\" or \"no\""), shown);
      return FALSE;
    }

  if (!keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
      || !read_item_content (b, item, node, children, G_N_ELEMENTS (children)))
    return FALSE;

  if (!_racimo_project_append_activity (b->project, phase, activity))
    g_return_val_if_reached (FALSE);

  return TRUE;
}

static gboolean
read_phase (Builder *b,
            xmlNode *node)
{
  g_autoptr(RacimoPhase) phase = g_object_new (RACIMO_TYPE_PHASE, NULL);
  RacimoItem *item = RACIMO_ITEM (phase);
  const char *id;
  static const char * const attributes[] = { "id", NULL };
  static const Child children[] = {
    { "name", KIND_NAME, FALSE },
    { "description", KIND_DESCRIPTION, FALSE },
    { "waiver", KIND_WAIVER, TRUE },
    { "activity", KIND_ACTIVITY, TRUE },
  };

  id = check_id (b, node);
  if (id == NULL)
    return FALSE;

  _racimo_item_set_id (item, id);
  _racimo_item_set_line (item, (guint) line_of (node));

  /* In the project before its activities, which go into it. */
  if (!_racimo_project_append_phase (b->project, phase))
    g_return_val_if_reached (FALSE);

  return keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
         && read_item_content (b, item, node, children, G_N_ELEMENTS (children));
}

static gboolean
read_role (Builder *b,
           xmlNode *node)
{
  g_autoptr(RacimoRole) role = g_object_new (RACIMO_TYPE_ROLE, NULL);
  RacimoItem *item = RACIMO_ITEM (role);
  const char *id;
  const char *abbrev;
  static const char * const attributes[] = { "id", "abbrev", NULL };
  static const Child children[] = {
    { "name", KIND_NAME, FALSE },
    { "person", KIND_PERSON, FALSE },
    { "description", KIND_DESCRIPTION, FALSE },
    { "waiver", KIND_WAIVER, TRUE },
  };

  id = check_id (b, node);
  if (id == NULL)
    return FALSE;

  _racimo_item_set_id (item, id);
  _racimo_item_set_line (item, (guint) line_of (node));

  abbrev = attribute (node, "abbrev");
  if (abbrev != NULL && g_utf8_strlen (abbrev, -1) > 8)
    {
      g_autofree char *shown = excerpt (abbrev);

      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("the abbreviation \"%s\" is longer than 8 characters"), shown);
      return FALSE;
    }
  _racimo_role_set_abbrev (role, abbrev);

  if (!keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
      || !read_item_content (b, item, node, children, G_N_ELEMENTS (children)))
    return FALSE;

  if (!_racimo_project_append_role (b->project, role))
    g_return_val_if_reached (FALSE);

  g_hash_table_insert (b->roles, (gpointer) id, role);

  return TRUE;
}

/* <roles> or <phases>: their items, and foreign content between them. */
static gboolean
read_list (Builder    *b,
           xmlNode    *node,
           const char *item_name)
{
  GPtrArray *foreign = _racimo_project_get_foreign (b->project);
  const char *key = (const char *) node->name;
  xmlNode *anchor = NULL;

  if (!keep_attributes (b, foreign, key, node, no_attributes))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!is_ours (child) || !is_named (child, item_name))
        {
          if (!keep_other (b, foreign, key, anchor, node, child))
            return FALSE;
          continue;
        }

      if (is_named (child, "role") ? !read_role (b, child) : !read_phase (b, child))
        return FALSE;

      anchor = child;
    }

  return TRUE;
}

static gboolean
read_scheme (Builder *b,
             xmlNode *node)
{
  GPtrArray *foreign = _racimo_project_get_foreign (b->project);
  g_autofree char *text = read_text (b, foreign, "scheme", node, no_attributes);

  if (text == NULL)
    return FALSE;

  /* The schema compares the name as a token; so does the loader. */
  g_strstrip (text);

  if (b->strict && racimo_scheme_lookup (text) == NULL)
    {
      g_autofree char *ids = list_scheme_ids ();
      g_autofree char *shown = excerpt (text);

      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (node), 0,
                 _("\"%s\" is not a scheme; the schemes are %s"), shown, ids);
      return FALSE;
    }

  _racimo_project_set_scheme_id (b->project, text);

  return TRUE;
}

/* Comments and processing instructions before the root element are kept
 * at its start, those after it at its end: racimo-core-private.h has no
 * place outside it. */
static void
keep_outside (Builder *b,
              xmlNode *root,
              gboolean after,
              xmlNode *anchor)
{
  GPtrArray *foreign = _racimo_project_get_foreign (b->project);

  for (xmlNode *node = after ? root->next : root->doc->children;
       node != NULL && node != root;
       node = node->next)
    if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
      keep_node (b, foreign, NULL, anchor, node);
}

static gboolean
read_project (Builder *b,
              xmlNode *root)
{
  GPtrArray *foreign = _racimo_project_get_foreign (b->project);
  g_autoptr(GPtrArray) phases = g_ptr_array_new ();
  xmlNode *anchor = NULL;
  gboolean has_title = FALSE;
  Order order = { { NULL, }, NULL, 0 };
  static const char * const attributes[] = { "version", NULL };
  static const Child children[] = {
    { "title", KIND_TITLE, FALSE },
    { "description", KIND_DESCRIPTION, FALSE },
    { "scheme", KIND_SCHEME, FALSE },
    { "roles", KIND_ROLES, FALSE },
    { "phases", KIND_PHASES, FALSE },
  };

  if (!keep_attributes (b, foreign, NULL, root, attributes))
    return FALSE;

  keep_outside (b, root, FALSE, NULL);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      guint rank = 0;
      gboolean repeated;
      const Child *known = find_child (b, children, G_N_ELEMENTS (children), &order, child,
                                       &rank, &repeated);
      g_autofree char *text = NULL;

      if (known == NULL)
        {
          if (!keep_other (b, foreign, NULL, repeated ? child : anchor, root, child))
            return FALSE;
          continue;
        }

      if (!check_order (b, &order, children, child, rank))
        return FALSE;

      switch (known->kind)
        {
        case KIND_TITLE:
        case KIND_DESCRIPTION:
          text = read_text (b, foreign, known->name, child, no_attributes);
          if (text == NULL)
            return FALSE;

          if (known->kind == KIND_TITLE)
            {
              _racimo_project_set_title (b->project, text);
              has_title = TRUE;
            }
          else
            _racimo_project_set_description (b->project, text);
          break;

        case KIND_SCHEME:
          if (!read_scheme (b, child))
            return FALSE;
          break;

        case KIND_ROLES:
          if (!read_list (b, child, "role"))
            return FALSE;
          break;

        case KIND_PHASES:
          /* Read once every role is known, in case a newer version wrote
           * the phases first. */
          g_ptr_array_add (phases, child);
          break;

        case KIND_NAME:
        case KIND_PERSON:
        case KIND_ASSIGN:
        case KIND_WAIVER:
        case KIND_ACTIVITY:
        default:
          g_assert_not_reached ();
        }

      anchor = child;
    }

  keep_outside (b, root, TRUE, anchor);

  if (!has_title)
    {
      set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line_of (root), 0,
                 _("the project has no <title>"));
      return FALSE;
    }

  for (guint i = 0; i < phases->len; i++)
    if (!read_list (b, g_ptr_array_index (phases, i), "phase"))
      return FALSE;

  return TRUE;
}

static gboolean
parse_version (const char *version,
               guint      *major,
               guint      *minor)
{
  g_auto(GStrv) parts = g_strsplit (version, ".", -1);
  guint64 numbers[2];

  /* The schema's pattern is 1\.[0-9]+: no zero before the major. */
  if (g_strv_length (parts) != 2 || parts[0][0] == '0')
    return FALSE;

  for (guint i = 0; i < 2; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &numbers[i], NULL)
        || !g_ascii_isdigit (parts[i][0]))
      return FALSE;

  *major = (guint) numbers[0];
  *minor = (guint) numbers[1];

  return TRUE;
}

static gint schema_use = RACIMO_SCHEMA_AUTO;
static gint n_validations = 0;

/* For tests: whether files are validated against the schema always, never,
 * or as the shape of their tree allows. */
void
_racimo_file_set_schema_use (RacimoSchemaUse use)
{
  g_atomic_int_set (&schema_use, use);
}

/* For tests: how many files went through the RELAX NG validator. */
guint
_racimo_file_get_n_validations (void)
{
  return (guint) g_atomic_int_get (&n_validations);
}

static gboolean
is_shape_for_schema (const Shape *shape)
{
  switch (g_atomic_int_get (&schema_use))
    {
    case RACIMO_SCHEMA_ALWAYS:
      return TRUE;
    case RACIMO_SCHEMA_NEVER:
      return FALSE;
    case RACIMO_SCHEMA_AUTO:
    default:
      return shape->most_attributes <= SCHEMA_MAX_ATTRIBUTES
             && shape->most_children <= SCHEMA_MAX_CHILDREN;
    }
}

static RacimoProject *
build (xmlDoc      *doc,
       const char  *name,
       const Shape *shape,
       GError     **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GHashTable) waived_checks = NULL;
  const char *version;
  guint major, minor;
  Builder b;

  if (root == NULL)
    {
      set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 0, 0, _("the file is empty"));
      return NULL;
    }

  if (!is_named (root, "raci-project"))
    {
      set_error (error, RACIMO_FILE_ERROR_NOT_RACI, name, line_of (root), 0,
                 _("the file is not a Racimo project: the root element is <%s>"), root->name);
      return NULL;
    }

  if (!is_ours (root))
    {
      if (root->ns == NULL)
        set_error (error, RACIMO_FILE_ERROR_NOT_RACI, name, line_of (root), 0,
                   _("the file is not a Racimo project: <raci-project> is not in the "
                     "namespace \"%s\""), RACIMO_FILE_NAMESPACE);
      else
        {
          g_autofree char *shown = excerpt ((const char *) root->ns->href);

          set_error (error, RACIMO_FILE_ERROR_NOT_RACI, name, line_of (root), 0,
                     _("the file is not a Racimo project: <raci-project> is in the namespace "
                       "\"%s\" instead of \"%s\""), shown, RACIMO_FILE_NAMESPACE);
        }
      return NULL;
    }

  version = attribute (root, "version");
  if (version == NULL)
    {
      set_error (error, RACIMO_FILE_ERROR_INVALID, name, line_of (root), 0,
                 _("<raci-project> has no version attribute"));
      return NULL;
    }

  if (!parse_version (version, &major, &minor) || major == 0)
    {
      g_autofree char *shown = excerpt (version);

      set_error (error, RACIMO_FILE_ERROR_INVALID, name, line_of (root), 0,
                 _("\"%s\" is not a format version; Racimo writes version=\"1.0\""), shown);
      return NULL;
    }

  if (major > RACIMO_FILE_VERSION_MAJOR)
    {
      set_error (error, RACIMO_FILE_ERROR_NEWER_MAJOR, name, 0, 0,
                 _("made by a newer version of Racimo (format %u.%u); this version reads "
                   "format %u.x"), major, minor, RACIMO_FILE_VERSION_MAJOR);
      return NULL;
    }

  /* xmlNodeDump writes what is beyond ASCII as character references in a
   * document that declares no encoding.  The tree is UTF-8, whatever the
   * file was, and foreign content is kept as it was written. */
  if (doc->encoding == NULL)
    doc->encoding = xmlStrdup ((const xmlChar *) "UTF-8");

  project = racimo_project_new ();
  buffer = xmlBufferCreate ();
  /* Keys are strings of the tree, which outlives the builder. */
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  roles = g_hash_table_new (g_str_hash, g_str_equal);
  waived_checks = g_hash_table_new (g_str_hash, g_str_equal);

  b.strict = minor <= RACIMO_FILE_VERSION_MINOR;
  b.project = project;
  b.name = name;
  b.doc = doc;
  b.ids = ids;
  b.roles = roles;
  b.waived_item = NULL;
  b.waived_checks = waived_checks;
  b.buffer = buffer;
  b.error = error;

  if (minor > RACIMO_FILE_VERSION_MINOR)
    _racimo_project_set_version_minor (project, minor);

  if (!read_project (&b, root))
    return NULL;

  /* The schema after the builder, whose checks cover all but odd corners
   * of the schema and say what is wrong in plainer words than libxml2's
   * validator.  It also means that every id reference is known to be good
   * here: libxml2 2.9 prints the errors of that check on standard error
   * whatever the handler. */
  if (b.strict && is_shape_for_schema (shape))
    {
      FirstError invalid = { 0 };

      g_atomic_int_inc (&n_validations);
      if (!validate (doc, &invalid))
        {
          set_error (error, RACIMO_FILE_ERROR_INVALID, name, invalid.line, 0,
                     _("the file does not follow the Racimo format here (%s)"),
                     invalid.message);
          first_error_clear (&invalid);
          return NULL;
        }
    }

  return g_steal_pointer (&project);
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  /* libxml2 2.9 wants this called once before threads parse. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static void
free_doc (gpointer data,
          gpointer user_data)
{
  xmlFreeDoc (data);
}

/* Freeing the tree of a large file takes a fifth of the time of loading
 * it: a thread of its own does that while the caller goes on with the
 * project.  One thread, so that a burst of loads cannot start many. */
static void
release_doc (xmlDoc *doc,
             gsize   size)
{
  static GThreadPool *pool = NULL;

  if (size < 256 * 1024)
    {
      xmlFreeDoc (doc);
      return;
    }

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (free_doc, NULL, 1, FALSE, NULL));

  g_thread_pool_push (pool, doc, NULL);
}

/**
 * racimo_file_load_bytes:
 * @bytes: the content of a .raci file
 * @display_name: names the file in error messages
 *
 * Reads a project from @bytes.  Safe to call from any thread.
 *
 * Returns: (transfer full): the project, with an empty history
 */
RacimoProject *
racimo_file_load_bytes (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  xmlDoc *doc;
  RacimoProject *project;
  Shape shape = { 0, 0 };
  Units units;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) > RACIMO_FILE_MAX_SIZE)
    {
      set_error (error, RACIMO_FILE_ERROR_TOO_LARGE, display_name, 0, 0,
                 _("the file is larger than 64 MiB"));
      return NULL;
    }

  units_init (&units, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!check_encoding (&units, display_name, error)
      || !check_attributes (&units, display_name, error))
    return NULL;

  init_libxml ();

  doc = parse (bytes, display_name, &shape, error);
  if (doc == NULL)
    return NULL;

  project = build (doc, display_name, &shape, error);
  release_doc (doc, g_bytes_get_size (bytes));

  return project;
}

/* Reads @file under the size cap, which is checked against the size that
 * the file reports and again while reading, for files that grow or do not
 * know their size.  Also for the CSV importer. */
GBytes *
_racimo_file_read (GFile         *file,
                   char         **etag,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset size = -1;
  gsize chunk;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_read_error (error, local_error, file);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream,
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_ETAG_VALUE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  if (size > RACIMO_FILE_MAX_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      set_error (error, RACIMO_FILE_ERROR_TOO_LARGE, name, 0, 0,
                 _("the file is larger than 64 MiB"));
      return NULL;
    }

  /* One byte more than the size, to see the end of the file in one read. */
  chunk = size >= 0 ? (gsize) size + 1 : 65536;
  data = g_byte_array_sized_new ((guint) chunk);

  for (;;)
    {
      gsize old_len = data->len;
      gssize n;

      g_byte_array_set_size (data, old_len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + old_len, chunk,
                               cancellable, &local_error);
      if (n < 0)
        {
          set_read_error (error, local_error, file);
          return NULL;
        }

      g_byte_array_set_size (data, old_len + (gsize) n);

      if (data->len > RACIMO_FILE_MAX_SIZE)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          set_error (error, RACIMO_FILE_ERROR_TOO_LARGE, name, 0, 0,
                     _("the file is larger than 64 MiB"));
          return NULL;
        }

      if (n == 0)
        break;

      chunk = 65536;
    }

  if (etag != NULL)
    {
      const char *value = NULL;

      if (info != NULL)
        value = g_file_info_get_etag (info);

      *etag = g_strdup (value);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * racimo_file_load:
 * @file: a .raci file
 * @etag: (out) (optional): the entity tag of what was read, to pass to
 *   racimo_file_save() so that it notices a change on disk
 *
 * Reads a project from @file; blocks, so runs in a thread or a tool.
 *
 * Returns: (transfer full): the project, with an empty history
 */
RacimoProject *
racimo_file_load (GFile         *file,
                  char         **etag,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *read_etag = NULL;
  g_autofree char *name = NULL;
  RacimoProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _racimo_file_read (file, &read_etag, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  project = racimo_file_load_bytes (bytes, name, error);

  if (project != NULL && etag != NULL)
    *etag = g_steal_pointer (&read_etag);

  return project;
}

typedef struct
{
  RacimoProject *project;
  char          *etag;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->project);
  g_clear_pointer (&result->etag, g_free);
  g_free (result);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->project = racimo_file_load (file, &result->etag, cancellable, &error);
  if (result->project == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * racimo_file_load_async:
 *
 * Reads, parses and builds the project in a thread.
 */
void
racimo_file_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, racimo_file_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * racimo_file_load_finish:
 * @etag: (out) (optional): as for racimo_file_load()
 *
 * Returns: (transfer full): the project
 */
RacimoProject *
racimo_file_load_finish (GAsyncResult  *result,
                         char         **etag,
                         GError       **error)
{
  LoadResult *loaded;
  RacimoProject *project;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == racimo_file_load_async, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  project = g_steal_pointer (&loaded->project);
  if (etag != NULL)
    *etag = g_steal_pointer (&loaded->etag);
  load_result_free (loaded);

  return project;
}
