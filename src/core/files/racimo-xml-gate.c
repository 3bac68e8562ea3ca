/* racimo-xml-gate.c: what a .raci file must pass before it is built
 *
 * A file comes from a colleague and is not trusted.  It is read with GIO
 * under a size cap, checked for what libxml2 would read wrongly (an
 * encoding declaration that contradicts the bytes) or take too long over
 * (thousands of attributes on one element), parsed by libxml2 from memory
 * with no network and no entity expansion, and refused at the first sign
 * of a DOCTYPE or of nesting deeper than the format allows.  A tree built
 * by racimo-reader.c from a file of version 1.0 is then validated here
 * against the RELAX NG schema.  Errors name the file, the line and the
 * column in plain words (docs/file-format.md).
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

#include "racimo-data-resources.h"
#include "racimo-file-private.h"
#include "racimo-reader.h"
#include "racimo-xml-gate-private.h"

static gint schema_use = RACIMO_SCHEMA_AUTO;
static gint n_validations = 0;

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

/* libxml2 2.12 made the error passed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError RacimoXmlError;
#else
typedef xmlError RacimoXmlError;
#endif

G_DEFINE_QUARK (racimo-file-error-quark, racimo_file_error)

long
_racimo_xml_line_of (xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE && node->line == G_MAXUINT16 && node->_private != NULL)
    return GPOINTER_TO_INT (node->_private);

  return xmlGetLineNo (node);
}


void
_racimo_xml_first_error_clear (RacimoXmlFirstError *first)
{
  g_clear_pointer (&first->str1, g_free);
  g_clear_pointer (&first->str2, g_free);
  g_clear_pointer (&first->message, g_free);
  first->set = FALSE;
}

static void
first_error_take (RacimoXmlFirstError *first,
                  RacimoXmlError      *error)
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

/* Sets @error to "NAME:LINE:COLUMN: what", leaving out the line or column
 * where they are not known, as compilers do. */
void
_racimo_file_set_error_valist (GError     **error,
                               GQuark       domain,
                               int          code,
                               const char  *name,
                               long         line,
                               long         column,
                               const char  *format,
                               va_list      args)
{
  g_autofree char *what = g_strdup_vprintf (format, args);

  if (line > 0 && column > 0)
    g_set_error (error, domain, code, "%s:%ld:%ld: %s", name, line, column, what);
  else if (line > 0)
    g_set_error (error, domain, code, "%s:%ld: %s", name, line, what);
  else
    g_set_error (error, domain, code, "%s: %s", name, what);
}

void
_racimo_xml_set_error (GError          **error,
                       RacimoFileError   code,
                       const char       *name,
                       long              line,
                       long              column,
                       const char       *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  _racimo_file_set_error_valist (error, RACIMO_FILE_ERROR, code, name, line, column,
                                 format, args);
  va_end (args);
}

/* @value as a message quotes it: at most EXCERPT_MAX characters, cut on
 * a character boundary and followed by an ellipsis when it is longer. */
char *
_racimo_xml_excerpt (const char *value)
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
set_read_error (GError **error,
                GError  *io_error,
                GFile   *file)
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
    g_autofree char *shown = _racimo_xml_excerpt (declared);

    _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 1, 0,
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
      shown = _racimo_xml_excerpt (element);

      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_INVALID, name, line, 0,
                 _("<%s> has more than %d attributes; Racimo reads at most %d on one element"),
                 shown, MAX_ATTRIBUTES, MAX_ATTRIBUTES);
      return FALSE;
    }

  return TRUE;
}

/* Parsing */

typedef struct
{
  RacimoXmlFirstError             first;
  long                   doctype_line;
  long                   deep_line;
  guint                  depth;
  /* The children seen so far of each open element, by depth, and the most
   * that one element had, children or attributes: whether the schema can
   * be asked in linear time. */
  guint                  n_children[MAX_DEPTH + 1];
  guint                  most_children;
  guint                  most_attributes;
  /* Whether an element or an attribute is outside the format's namespace,
   * and the parser's copy of the namespace's name, once seen. */
  gboolean               foreign;
  const xmlChar         *ours;
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

  /* Any attribute with a namespace counts, even the format's own, which no
   * pattern matches: the full schema refuses it as the plain one would. */
  if (!state->foreign)
    {
      if (uri != NULL
          && (uri == state->ours || strcmp ((const char *) uri, RACIMO_FILE_NAMESPACE) == 0))
        state->ours = uri;
      else
        state->foreign = TRUE;

      for (int i = 0; i < n_attributes && !state->foreign; i++)
        if (attributes[i * 5 + 2] != NULL)
          state->foreign = TRUE;
    }

  state->start_element (user_data, localname, prefix, uri, n_namespaces, namespaces,
                        n_attributes, n_defaulted, attributes);

  /* A node of libxml2 2.9 holds a line up to 65,535; past it,
   * xmlGetLineNo() gives the line of the element's first child, where
   * its start tag ended: one line too many.  _racimo_xml_line_of() reads the true
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

gboolean
_racimo_xml_is_blank (const char *text,
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
set_parse_error (GError                    **error,
                 const char                 *name,
                 const RacimoXmlFirstError  *first,
                 GBytes                     *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  long line = first->line;
  long column = first->column;

  switch (first->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      if (_racimo_xml_is_blank (data, size))
        _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 0, 0, _("the file is empty"));
      else
        _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                   _("the file is not XML: it does not start with an element"));
      return;

    case XML_ERR_TAG_NOT_FINISHED:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("the file ends before <%s> from line %d is closed; it may have been cut short"),
                 first->str1, first->int1);
      return;

    case XML_ERR_TAG_NAME_MISMATCH:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("</%s> does not close <%s> from line %d"),
                 first->str2, first->str1, first->int1);
      return;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("\"&%s;\" is not defined; a plain \"&\" is written \"&amp;\""), first->str1);
      return;

    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("a plain \"&\" is written \"&amp;\""));
      return;

    case XML_ERR_LT_IN_ATTRIBUTE:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("a \"<\" in an attribute is written \"&lt;\""));
      return;

    case XML_ERR_ATTRIBUTE_REDEFINED:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("the attribute \"%s\" is written twice"), first->str1);
      return;

    case XML_ERR_DOCUMENT_END:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("there is more after the end of the root element"));
      return;

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      /* A file saved in Latin-1 or Windows-1252 by an editor that does not
       * say so: libxml2 only tells it by its message. */
      if (first->code == XML_ERR_INVALID_ENCODING
          || g_str_has_prefix (first->message, "Input is not proper UTF-8"))
        _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                   _("the text is not UTF-8, and the XML declaration names no other "
                     "encoding"));
      else if (first->int1 > 0)
        _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                   _("the character U+%04X cannot be in an XML file"), (guint) first->int1);
      else
        _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column, "%s",
                   first->message);
      return;

    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column,
                 _("the prefix \"%s\" of <%s:%s> is not declared"),
                 first->str1, first->str1, first->str2);
      return;

    default:
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, line, column, "%s", first->message);
      return;
    }
}


static xmlDoc *
parse (GBytes          *bytes,
       const char      *name,
       RacimoXmlShape  *shape,
       GError         **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  ParseState state = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 0, 0, _("the file is empty"));
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
  shape->foreign = state.foreign;

  if (state.doctype_line > 0)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_DOCTYPE, name, state.doctype_line, 0,
                 _("this file contains a document type declaration, which Racimo never "
                   "reads, for safety: it can expand entities or fetch other files"));
      _racimo_xml_first_error_clear (&state.first);
      return NULL;
    }

  if (state.deep_line > 0)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_TOO_DEEP, name, state.deep_line, 0,
                 _("the elements are nested more than %d levels deep, deeper than a "
                   "Racimo file can be"), MAX_DEPTH);
      _racimo_xml_first_error_clear (&state.first);
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
      _racimo_xml_first_error_clear (&state.first);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/* The schema as Racimo validates with it, derived from the shipped one
 * (data/raci-1.rng) by rewriting its tree, and compiled once per process.
 *
 * Both forms leave out what the builder has already checked, exactly, before
 * validation runs (racimo-reader.c): that an id is an NCName (read_id ()
 * refuses any other, with no white space around it), that a reference
 * names an id read before it (a role or a person, looked up as written),
 * and that a code is one capital letter.  The XSD ID, IDREF and NCName
 * types and the choice of 26 codes cost half of the validation of a large
 * file; the shipped schema keeps them for other tools.
 *
 * The plain form also says that there is no foreign content: the patterns
 * of other tools' attributes and elements match nothing in it.  For a file
 * in which no element and no attribute is outside the format's namespace,
 * those patterns can only match nothing in the full form too, so both
 * forms accept exactly the same such files; without the patterns, libxml2
 * compiles most elements' content to automata instead of trying each
 * pattern in turn (tests/core/test-reader.c compares both forms on the
 * test corpus).  Validating the large project took 286 M instructions
 * with the types and the codes (ID and IDREF read as NCName), 123 M with
 * the full form and 82 M with the plain one (docs/platform-notes.md,
 * "libxml2 2.9 on untrusted files"). */
typedef enum
{
  SCHEMA_FULL,
  SCHEMA_PLAIN,
  N_SCHEMAS
} SchemaForm;

/* Replaces the content of @node by one empty RELAX NG element @name. */
static void
replace_content (xmlNode    *node,
                 const char *name)
{
  while (node->children != NULL)
    {
      xmlNode *child = node->children;

      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }

  xmlNewChild (node, node->ns, (const xmlChar *) name, NULL);
}

/* Whether @node is the schema's element @element with @attribute="@value". */
static gboolean
schema_node_is (xmlNode    *node,
                const char *element,
                const char *attribute,
                const char *value)
{
  if (node->type != XML_ELEMENT_NODE || strcmp ((const char *) node->name, element) != 0)
    return FALSE;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (strcmp ((const char *) attr->name, attribute) == 0)
      return attr->children != NULL && attr->children->content != NULL
             && strcmp ((const char *) attr->children->content, value) == 0;

  return FALSE;
}

/* Rewrites the schema under @node as the comment above says; counts the
 * rewrites in @n_done, so that a change of the shipped schema that they no
 * longer fit does not go unnoticed. */
static void
relax_schema (xmlNode    *node,
              SchemaForm  form,
              guint      *n_done)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (schema_node_is (child, "data", "type", "ID")
          || schema_node_is (child, "data", "type", "IDREF"))
        {
          xmlNodeSetName (child, (const xmlChar *) "text");
          xmlUnsetProp (child, (const xmlChar *) "type");
          n_done[0]++;
        }
      else if (schema_node_is (child, "attribute", "name", "code"))
        {
          replace_content (child, "text");
          n_done[1]++;
        }
      else if (form == SCHEMA_PLAIN
               && (schema_node_is (child, "define", "name", "foreign-attributes")
                   || schema_node_is (child, "define", "name", "foreign-elements")))
        {
          replace_content (child, "empty");
          n_done[2]++;
        }
      else if (form == SCHEMA_PLAIN && schema_node_is (child, "define", "name", "foreign-element"))
        {
          replace_content (child, "notAllowed");
          n_done[2]++;
        }
      else
        relax_schema (child, form, n_done);
    }
}

static gpointer
compile_schema (gpointer data)
{
  SchemaForm form = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlRelaxNGParserCtxt *ctxt;
  xmlRelaxNG *schema;
  guint n_done[3] = { 0, 0, 0 };
  gsize size;
  const char *text;

  /* From the data resource itself: a program that links the core library
   * statically does not register it unless it refers to it. */
  bytes = g_resource_lookup_data (racimo_data_get_resource (), SCHEMA_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The schema of .raci files is missing: %s", error->message);

  text = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (text, (int) size, SCHEMA_RESOURCE, NULL, XML_PARSE_NONET);
  if (doc == NULL)
    g_error ("The schema of .raci files is not XML");

  relax_schema (xmlDocGetRootElement (doc), form, n_done);
  /* The id, four references, the codes, and the three patterns of foreign
   * content. */
  if (n_done[0] != 5 || n_done[1] != 1 || n_done[2] != (form == SCHEMA_PLAIN ? 3 : 0))
    g_error ("The schema of .raci files no longer has the form that Racimo rewrites "
             "(%u, %u, %u)", n_done[0], n_done[1], n_done[2]);

  ctxt = xmlRelaxNGNewDocParserCtxt (doc);
  schema = xmlRelaxNGParse (ctxt);
  xmlRelaxNGFreeParserCtxt (ctxt);

  if (schema == NULL)
    g_error ("The schema of .raci files does not compile");

  return schema;
}

static xmlRelaxNG *
get_schema (SchemaForm form)
{
  static GOnce once[N_SCHEMAS] = { G_ONCE_INIT, G_ONCE_INIT };

  return g_once (&once[form], compile_schema, GINT_TO_POINTER (form));
}


static void
on_validity_error (void           *user_data,
                   RacimoXmlError *error)
{
  RacimoXmlFirstError *first = user_data;
  gboolean had_one = first->set;

  first_error_take (first, error);

  if (!had_one && first->set && error->node != NULL
      && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    first->line = (int) _racimo_xml_line_of (error->node);
}

/* libxml2 does not say that a compiled schema may be used by several
 * threads at once; files loaded at the same time take turns here. */
G_LOCK_DEFINE_STATIC (validation);

gboolean
_racimo_xml_validate_as (xmlDoc              *doc,
                         gboolean             plain,
                         RacimoXmlFirstError *first)
{
  xmlRelaxNG *schema = get_schema (plain ? SCHEMA_PLAIN : SCHEMA_FULL);
  xmlRelaxNGValidCtxt *ctxt;
  int status;

  g_atomic_int_inc (&n_validations);
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

/* The plain form of the schema for a file with no foreign content. */
gboolean
_racimo_xml_validate (xmlDoc               *doc,
                      const RacimoXmlShape *shape,
                      RacimoXmlFirstError  *first)
{
  return _racimo_xml_validate_as (doc,
                                  !shape->foreign
                                  && g_atomic_int_get (&schema_use) != RACIMO_SCHEMA_FULL,
                                  first);
}


/* For tests: whether files are validated against the schema always (in
 * the full form even where the plain one would do, with
 * RACIMO_SCHEMA_FULL), never, or as the shape of their tree allows. */
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

gboolean
_racimo_xml_is_shape_for_schema (const RacimoXmlShape *shape)
{
  switch (g_atomic_int_get (&schema_use))
    {
    case RACIMO_SCHEMA_ALWAYS:
    case RACIMO_SCHEMA_FULL:
      return TRUE;
    case RACIMO_SCHEMA_NEVER:
      return FALSE;
    case RACIMO_SCHEMA_AUTO:
    default:
      return shape->most_attributes <= SCHEMA_MAX_ATTRIBUTES
             && shape->most_children <= SCHEMA_MAX_CHILDREN;
    }
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
void
_racimo_xml_release_doc (xmlDoc *doc,
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

      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_TOO_LARGE, name, 0, 0,
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

          _racimo_xml_set_error (error, RACIMO_FILE_ERROR_TOO_LARGE, name, 0, 0,
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

/* Everything before building the project: the size, the encoding, the
 * attributes that would take libxml2 too long, then the parse. */
xmlDoc *
_racimo_xml_read (GBytes          *bytes,
                      const char      *display_name,
                      RacimoXmlShape  *shape,
                      GError         **error)
{
  Units units;

  if (g_bytes_get_size (bytes) > RACIMO_FILE_MAX_SIZE)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_TOO_LARGE, display_name, 0, 0,
                 _("the file is larger than 64 MiB"));
      return NULL;
    }

  units_init (&units, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!check_encoding (&units, display_name, error)
      || !check_attributes (&units, display_name, error))
    return NULL;

  init_libxml ();

  return parse (bytes, display_name, shape, error);
}
