/* racimo-sheet.c: the first sheet of an .xlsx or .ods workbook, as rows
 *
 * A workbook is a zip of XML files.  libarchive reads the zip, libxml2
 * the XML; nothing is written to disk, and only the entries a sheet needs
 * are unpacked.  What a hostile workbook could do is bounded as for a
 * .raci file (docs/file-format.md, "Limits"): the number of entries, the
 * unpacked size of each entry and of all, the ratio of unpacked to packed
 * bytes (zip bombs), entry names that climb out of the archive, and XML
 * with a document type (entities) or deeper than libxml2 allows.  The
 * rows then go through the same mapping as a CSV file's
 * (racimo-csv-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "racimo-csv-private.h"
#include "racimo-file.h"

/* Bounds on what a workbook may unpack to, see docs/file-format.md,
 * "Spreadsheets". */
#define SHEET_MAX_ENTRIES 2000
#define SHEET_MAX_ENTRY_SIZE ((gsize) 64 * 1024 * 1024)
#define SHEET_MAX_TOTAL_SIZE ((gsize) 128 * 1024 * 1024)
#define SHEET_MAX_RATIO 200
#define SHEET_MAX_ROWS 1048576
#define SHEET_MAX_COLUMNS 16384

static const guint8 zip_magic[] = { 'P', 'K', 3, 4 };

/**
 * _racimo_sheet_is_workbook:
 *
 * Returns: whether @data starts as a zip file does: an .xlsx or .ods
 */
gboolean
_racimo_sheet_is_workbook (const guint8 *data,
                           gsize         size)
{
  return size >= sizeof zip_magic && memcmp (data, zip_magic, sizeof zip_magic) == 0;
}

static void
set_error (GError     **error,
           const char  *display_name,
           const char  *message)
{
  _racimo_csv_set_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_WORKBOOK, display_name, 0,
                         "%s", message);
}

static void
set_no_sheet_error (GError     **error,
                    const char  *display_name,
                    const char  *sheet_name)
{
  g_autofree char *message = NULL;

  if (sheet_name == NULL)
    {
      set_error (error, display_name, _("the workbook has no sheet that can be read"));
      return;
    }

  /* Translators: %s is the name of a sheet, as the user typed it */
  message = g_strdup_printf (_("the workbook has no sheet named “%s”"), sheet_name);
  set_error (error, display_name, message);
}

/* The zip */

typedef struct
{
  const char *name;     /* the entry wanted */
  GBytes     *contents; /* filled when found */
} Wanted;

/* A name that would climb out of a folder it was unpacked into. */
static gboolean
is_unsafe_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '/' || name[0] == '\\' || strchr (name, ':') != NULL)
    return TRUE;

  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (strcmp (parts[i], "..") == 0)
        return TRUE;
    }

  return FALSE;
}

/* Unpacks the entries of @wanted that the archive has.  Every entry is
 * looked at (its name, its count), only the wanted ones are unpacked. */
static gboolean
unpack (GBytes      *bytes,
        Wanted      *wanted,
        guint        n_wanted,
        const char  *display_name,
        GError     **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize packed = g_bytes_get_size (bytes);
  gsize total = 0;
  guint n_entries = 0;
  gboolean ok = TRUE;
  int status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, g_bytes_get_data (bytes, NULL), packed) != ARCHIVE_OK)
    {
      set_error (error, display_name, _("the workbook is not a zip file that can be read"));
      archive_read_free (archive);
      return FALSE;
    }

  while (ok && (status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      Wanted *want = NULL;
      GByteArray *buffer;
      guint8 chunk[16384];
      la_ssize_t n;

      if (++n_entries > SHEET_MAX_ENTRIES)
        {
          set_error (error, display_name, _("the workbook holds too many files"));
          ok = FALSE;
          break;
        }
      if (name == NULL || is_unsafe_name (name))
        {
          set_error (error, display_name,
                     _("the workbook names a file outside of it; it was not read"));
          ok = FALSE;
          break;
        }

      for (guint i = 0; i < n_wanted; i++)
        {
          if (wanted[i].contents == NULL && strcmp (wanted[i].name, name) == 0)
            want = &wanted[i];
        }
      if (want == NULL)
        continue;

      buffer = g_byte_array_new ();
      while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
        {
          total += (gsize) n;
          if (buffer->len + (gsize) n > SHEET_MAX_ENTRY_SIZE || total > SHEET_MAX_TOTAL_SIZE
              || total > packed * SHEET_MAX_RATIO + 1024 * 1024)
            {
              set_error (error, display_name,
                         _("the workbook unpacks to more than Racimo reads; it was not read"));
              n = -1;
              break;
            }
          g_byte_array_append (buffer, chunk, (guint) n);
        }
      if (n < 0)
        {
          if (ok && error != NULL && *error == NULL)
            set_error (error, display_name, _("a file inside the workbook is damaged"));
          g_byte_array_unref (buffer);
          ok = FALSE;
          break;
        }
      want->contents = g_byte_array_free_to_bytes (buffer);
    }

  if (ok && status != ARCHIVE_EOF)
    {
      set_error (error, display_name, _("the workbook is not a zip file that can be read"));
      ok = FALSE;
    }

  archive_read_free (archive);

  /* Nothing of a workbook that failed is kept */
  for (guint i = 0; !ok && i < n_wanted; i++)
    g_clear_pointer (&wanted[i].contents, g_bytes_unref);

  return ok;
}

/* XML */

/* Parses an entry with neither network nor entities: a document type,
 * which is where entities are declared, is refused outright. */
static xmlDoc *
parse_xml (GBytes      *bytes,
           const char  *display_name,
           GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc;

  if (size > G_MAXINT)
    {
      set_error (error, display_name, _("the workbook unpacks to more than Racimo reads; it was not read"));
      return NULL;
    }

  doc = xmlReadMemory (data != NULL ? data : "", (int) size, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                       | XML_PARSE_COMPACT);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      set_error (error, display_name, _("a file inside the workbook is not well-formed XML"));
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      xmlFreeDoc (doc);
      set_error (error, display_name,
                 _("a file inside the workbook declares a document type; it was not read"));
      return NULL;
    }

  return doc;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    {
      if (is_element (child, name))
        return child;
    }

  return NULL;
}

/* A string of libxml2's as a string of GLib's */
static char *
take_xml_string (xmlChar *value)
{
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  return take_xml_string (xmlGetProp (node, (const xmlChar *) name));
}

static char *
get_ns_prop (xmlNode    *node,
             const char *name,
             const char *ns)
{
  return take_xml_string (xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns));
}

/* Rows being built: a GPtrArray of GPtrArray of char* */

typedef struct
{
  GPtrArray *rows;   /* GPtrArray of cell texts (nullable), by row */
} Grid;

static GPtrArray *
grid_row (Grid  *grid,
          guint  row)
{
  while (grid->rows->len <= row)
    g_ptr_array_add (grid->rows, NULL);

  if (g_ptr_array_index (grid->rows, row) == NULL)
    g_ptr_array_index (grid->rows, row) = g_ptr_array_new_with_free_func (g_free);

  return g_ptr_array_index (grid->rows, row);
}

static void
grid_set (Grid       *grid,
          guint       row,
          guint       column,
          const char *text)
{
  GPtrArray *cells;

  if (text == NULL || *text == '\0')
    return;

  cells = grid_row (grid, row);
  while (cells->len <= column)
    g_ptr_array_add (cells, NULL);
  g_free (g_ptr_array_index (cells, column));
  g_ptr_array_index (cells, column) = g_strdup (text);
}

static const char *
grid_get (Grid  *grid,
          guint  row,
          guint  column)
{
  GPtrArray *cells = row < grid->rows->len ? g_ptr_array_index (grid->rows, row) : NULL;

  return cells != NULL && column < cells->len ? g_ptr_array_index (cells, column) : NULL;
}

/* Merged cells: the value of the top cell goes down the first column of
 * the range, as a phase cell merged over its activities means. */
static void
grid_merge_down (Grid  *grid,
                 guint  row,
                 guint  column,
                 guint  last_row)
{
  g_autofree char *text = g_strdup (grid_get (grid, row, column));

  if (text == NULL)
    return;

  for (guint r = row + 1; r <= last_row && r < SHEET_MAX_ROWS; r++)
    grid_set (grid, r, column, text);
}

/* The records that _racimo_csv_import_records() reads; the cells'
 * texts move into them. */
static GPtrArray *
grid_to_records (Grid   *grid,
                 GArray *lines)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < grid->rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (grid->rows, r);
      guint line = r + 1;
      char **fields;

      g_ptr_array_index (grid->rows, r) = NULL;
      if (cells == NULL)
        fields = g_new0 (char *, 1);
      else
        {
          for (guint c = 0; c < cells->len; c++)
            {
              if (g_ptr_array_index (cells, c) == NULL)
                g_ptr_array_index (cells, c) = g_strdup ("");
            }
          g_ptr_array_set_free_func (cells, NULL);
          g_ptr_array_add (cells, NULL);
          fields = (char **) g_ptr_array_free (cells, FALSE);
        }
      g_ptr_array_add (records, fields);
      g_array_append_val (lines, line);
    }

  return records;
}

/* xlsx */

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* The text of a shared or inline string: its <t>, or the <t> of its runs;
 * the phonetic guides of Japanese (<rPh>) are not the text. */
static void
append_string_text (GString *out,
                    xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "t"))
        {
          xmlChar *text = xmlNodeGetContent (child);

          g_string_append (out, (const char *) text);
          xmlFree (text);
        }
      else if (is_element (child, "r"))
        append_string_text (out, child);
    }
}

static GPtrArray *
read_shared_strings (xmlDoc *doc)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *si = root->children; si != NULL; si = si->next)
    {
      GString *text;

      if (!is_element (si, "si"))
        continue;
      text = g_string_new (NULL);
      append_string_text (text, si);
      g_ptr_array_add (strings, g_string_free (text, FALSE));
    }

  return strings;
}

/* "BC12" as 0-based column 54 and row 11. */
static gboolean
parse_reference (const char *ref,
                 guint      *row,
                 guint      *column)
{
  guint64 c = 0;
  guint64 r = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > SHEET_MAX_COLUMNS)
        return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > SHEET_MAX_ROWS)
        return FALSE;
    }

  if (c == 0 || r == 0 || *p != '\0')
    return FALSE;

  *column = (guint) (c - 1);
  *row = (guint) (r - 1);
  return TRUE;
}

/* The text of a cell of type @type whose <v> or inline string is
 * @value. */
static char *
xlsx_cell_text (const char *type,
                const char *value,
                GPtrArray  *strings)
{
  if (value == NULL)
    return NULL;

  if (g_strcmp0 (type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (value, &end, 10);

      return strings != NULL && end != NULL && *end == '\0' && end != value
             && index < strings->len ? g_strdup (g_ptr_array_index (strings, index)) : NULL;
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (strcmp (value, "1") == 0 ? "TRUE" : "FALSE");

  return g_strdup (value);
}

static void
end_xlsx_cell (Grid       *grid,
               guint       row,
               guint       column,
               const char *type,
               const char *value,
               GPtrArray  *strings)
{
  g_autofree char *text = xlsx_cell_text (type, value, strings);

  grid_set (grid, row, column, text);
}

static gboolean
reader_name_is (xmlTextReader *reader,
                const char    *name)
{
  const xmlChar *local = xmlTextReaderConstLocalName (reader);

  return local != NULL && strcmp ((const char *) local, name) == 0;
}

static char *
reader_attribute (xmlTextReader *reader,
                  const char    *name)
{
  return take_xml_string (xmlTextReaderGetAttribute (reader, (const xmlChar *) name));
}

/* A worksheet read as a stream, not as a tree: a sheet of thousands of
 * cells would otherwise cost more in nodes than in reading.  The value
 * of a formula is the one cached in <v>, as saved; the phonetic guides of
 * Japanese (<rPh>) are not the text. */
static gboolean
read_xlsx_sheet (GBytes      *bytes,
                 GPtrArray   *strings,
                 Grid        *grid,
                 const char  *display_name,
                 GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlTextReader *reader;
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  g_autofree char *type = NULL;
  GString *value = g_string_new (NULL);
  gboolean in_cell = FALSE;
  gboolean has_value = FALSE;
  guint row_index = 0;
  guint next_row = 0;
  guint column = 0;
  guint next_column = 0;
  const char *message = NULL;
  int status;

  if (size > G_MAXINT)
    message = _("the workbook unpacks to more than Racimo reads; it was not read");
  reader = message == NULL ? xmlReaderForMemory (data != NULL ? data : "", (int) size, NULL, NULL,
                                                 XML_PARSE_NONET | XML_PARSE_NOERROR
                                                 | XML_PARSE_NOWARNING | XML_PARSE_COMPACT)
                           : NULL;

  while (message == NULL && reader != NULL && (status = xmlTextReaderRead (reader)) == 1)
    {
      int node = xmlTextReaderNodeType (reader);

      if (node == XML_READER_TYPE_DOCUMENT_TYPE)
        message = _("a file inside the workbook declares a document type; it was not read");
      else if (node == XML_READER_TYPE_ELEMENT && reader_name_is (reader, "row"))
        {
          g_autofree char *r = reader_attribute (reader, "r");

          row_index = next_row;
          if (r != NULL)
            {
              guint64 n = g_ascii_strtoull (r, NULL, 10);

              if (n == 0 || n > SHEET_MAX_ROWS)
                message = _("the sheet has a row beyond the last one a sheet can have");
              row_index = (guint) n - 1;
            }
          next_row = row_index + 1;
          next_column = 0;
        }
      else if (node == XML_READER_TYPE_ELEMENT && reader_name_is (reader, "c"))
        {
          g_autofree char *ref = reader_attribute (reader, "r");
          guint cell_row;

          column = next_column;
          if (ref != NULL && (!parse_reference (ref, &cell_row, &column) || cell_row != row_index))
            message = _("the sheet has a cell beyond the last one a sheet can have");
          next_column = column + 1;

          g_free (type);
          type = reader_attribute (reader, "t");
          g_string_truncate (value, 0);
          has_value = FALSE;
          in_cell = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (node == XML_READER_TYPE_ELEMENT && in_cell && reader_name_is (reader, "rPh"))
        {
          if (xmlTextReaderNext (reader) != 1)
            break;
          /* Next lands on the node after the guide: look at it again */
          if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT
              && reader_name_is (reader, "c"))
            {
              end_xlsx_cell (grid, row_index, column, type, has_value ? value->str : NULL,
                             strings);
              in_cell = FALSE;
            }
        }
      else if (node == XML_READER_TYPE_ELEMENT && in_cell
               && (reader_name_is (reader, "v") || reader_name_is (reader, "t")))
        {
          xmlChar *text = xmlTextReaderReadString (reader);

          g_string_append (value, (const char *) text);
          has_value = TRUE;
          xmlFree (text);
        }
      else if (node == XML_READER_TYPE_END_ELEMENT && in_cell && reader_name_is (reader, "c"))
        {
          end_xlsx_cell (grid, row_index, column, type, has_value ? value->str : NULL, strings);
          in_cell = FALSE;
        }
      else if (node == XML_READER_TYPE_ELEMENT && reader_name_is (reader, "mergeCell"))
        {
          g_autofree char *ref = reader_attribute (reader, "ref");
          g_auto(GStrv) corners = ref != NULL ? g_strsplit (ref, ":", 2) : NULL;
          guint merge[3], right;

          if (corners != NULL && corners[0] != NULL && corners[1] != NULL
              && parse_reference (corners[0], &merge[0], &merge[1])
              && parse_reference (corners[1], &merge[2], &right))
            g_array_append_vals (merges, merge, 1);
        }
    }

  if (message == NULL && (reader == NULL || status != 0))
    message = _("a file inside the workbook is not well-formed XML");

  g_string_free (value, TRUE);
  g_clear_pointer (&reader, xmlFreeTextReader);

  if (message != NULL)
    {
      set_error (error, display_name, message);
      return FALSE;
    }

  /* Merged cells: after every value is in place */
  for (guint i = 0; i < merges->len; i++)
    {
      const guint *merge = (const guint *) (void *) (merges->data + i * sizeof (guint) * 3);

      grid_merge_down (grid, merge[0], merge[1], merge[2]);
    }

  return TRUE;
}

/* The path of the first sheet (or the one named @sheet_name) inside the
 * workbook, from xl/workbook.xml and its relationships. */
static char *
find_xlsx_sheet (xmlDoc      *workbook,
                 xmlDoc      *rels,
                 const char  *sheet_name)
{
  xmlNode *sheets = first_child (xmlDocGetRootElement (workbook), "sheets");
  g_autofree char *id = NULL;

  for (xmlNode *sheet = sheets != NULL ? sheets->children : NULL; sheet != NULL; sheet = sheet->next)
    {
      g_autofree char *name = NULL;

      if (!is_element (sheet, "sheet"))
        continue;
      name = get_prop (sheet, "name");
      if (sheet_name == NULL || g_strcmp0 (name, sheet_name) == 0)
        {
          id = get_ns_prop (sheet, "id", NS_REL);
          break;
        }
    }
  if (id == NULL)
    return NULL;

  for (xmlNode *rel = xmlDocGetRootElement (rels)->children; rel != NULL; rel = rel->next)
    {
      g_autofree char *rel_id = NULL;
      g_autofree char *target = NULL;

      if (!is_element (rel, "Relationship"))
        continue;
      rel_id = get_prop (rel, "Id");
      if (g_strcmp0 (rel_id, id) != 0)
        continue;

      target = get_prop (rel, "Target");
      if (target == NULL)
        return NULL;
      if (target[0] == '/')
        return g_strdup (target + 1);
      return g_strconcat ("xl/", target, NULL);
    }

  return NULL;
}

static gboolean
read_xlsx (GBytes      *bytes,
           const char  *sheet_name,
           Grid        *grid,
           const char  *display_name,
           GError     **error)
{
  Wanted first[] = {
    { "xl/workbook.xml", NULL },
    { "xl/_rels/workbook.xml.rels", NULL },
    { "xl/sharedStrings.xml", NULL },
  };
  Wanted sheet[] = { { NULL, NULL } };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  xmlDoc *workbook = NULL;
  xmlDoc *rels = NULL;
  gboolean ok = FALSE;

  if (!unpack (bytes, first, G_N_ELEMENTS (first), display_name, error))
    goto out;
  if (first[0].contents == NULL || first[1].contents == NULL)
    {
      set_error (error, display_name, _("this zip file is neither an .xlsx nor an .ods workbook"));
      goto out;
    }

  if ((workbook = parse_xml (first[0].contents, display_name, error)) == NULL
      || (rels = parse_xml (first[1].contents, display_name, error)) == NULL)
    goto out;

  path = find_xlsx_sheet (workbook, rels, sheet_name);
  if (path == NULL || is_unsafe_name (path))
    {
      set_no_sheet_error (error, display_name, sheet_name);
      goto out;
    }

  if (first[2].contents != NULL)
    {
      xmlDoc *shared = parse_xml (first[2].contents, display_name, error);

      if (shared == NULL)
        goto out;
      strings = read_shared_strings (shared);
      xmlFreeDoc (shared);
    }

  sheet[0].name = path;
  if (!unpack (bytes, sheet, 1, display_name, error))
    goto out;
  if (sheet[0].contents == NULL)
    {
      set_error (error, display_name, _("the workbook has no sheet that can be read"));
      goto out;
    }
  ok = read_xlsx_sheet (sheet[0].contents, strings, grid, display_name, error);

out:
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_clear_pointer (&first[i].contents, g_bytes_unref);
  g_clear_pointer (&sheet[0].contents, g_bytes_unref);
  g_clear_pointer (&workbook, xmlFreeDoc);
  g_clear_pointer (&rels, xmlFreeDoc);

  return ok;
}

/* ods */

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

static guint
repeat_count (xmlNode    *node,
              const char *name)
{
  g_autofree char *value = get_ns_prop (node, name, NS_TABLE);
  guint64 n = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 1;

  return (guint) CLAMP (n, 1, SHEET_MAX_ROWS);
}

/* The text of a paragraph as shown: <text:s/> spaces, tabs, line breaks,
 * spans and links. */
static void
append_ods_text (GString *out,
                 xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (is_element (child, "s"))
        {
          g_autofree char *c = get_ns_prop (child, "c", NS_TEXT);
          guint n = c != NULL ? (guint) CLAMP (g_ascii_strtoull (c, NULL, 10), 1, 1000) : 1;

          for (guint i = 0; i < n; i++)
            g_string_append_c (out, ' ');
        }
      else if (is_element (child, "tab"))
        g_string_append_c (out, '\t');
      else if (is_element (child, "line-break"))
        g_string_append_c (out, '\n');
      else if (child->type == XML_ELEMENT_NODE && !is_element (child, "annotation"))
        append_ods_text (out, child);
    }
}

static char *
ods_cell_text (xmlNode *cell)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  for (xmlNode *p = cell->children; p != NULL; p = p->next)
    {
      if (!is_element (p, "p"))
        continue;
      if (!first)
        g_string_append_c (out, '\n');
      append_ods_text (out, p);
      first = FALSE;
    }

  return g_string_free (out, FALSE);
}

static gboolean
read_ods_rows (xmlNode     *parent,
               Grid        *grid,
               guint       *row_index,
               const char  *display_name,
               GError     **error)
{
  for (xmlNode *row = parent->children; row != NULL; row = row->next)
    {
      guint rows;

      if (is_element (row, "table-row-group") || is_element (row, "table-header-rows")
          || is_element (row, "table-rows"))
        {
          if (!read_ods_rows (row, grid, row_index, display_name, error))
            return FALSE;
          continue;
        }
      if (!is_element (row, "table-row"))
        continue;

      rows = repeat_count (row, "number-rows-repeated");
      for (guint copy = 0; copy < rows; copy++)
        {
          guint column = 0;
          gboolean any = FALSE;

          if (*row_index >= SHEET_MAX_ROWS)
            return TRUE;

          for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
            {
              g_autofree char *text = NULL;
              guint columns;
              guint spanned;

              if (!is_element (cell, "table-cell") && !is_element (cell, "covered-table-cell"))
                continue;

              columns = repeat_count (cell, "number-columns-repeated");
              text = ods_cell_text (cell);
              if (*text != '\0')
                {
                  if (column + columns > SHEET_MAX_COLUMNS)
                    {
                      set_error (error, display_name,
                                 _("the sheet has a cell beyond the last one a sheet can have"));
                      return FALSE;
                    }
                  for (guint c = 0; c < columns; c++)
                    grid_set (grid, *row_index, column + c, text);
                  any = TRUE;

                  spanned = repeat_count (cell, "number-rows-spanned");
                  if (spanned > 1)
                    grid_merge_down (grid, *row_index, column, *row_index + spanned - 1);
                }
              column += MIN (columns, SHEET_MAX_COLUMNS);
            }

          (*row_index)++;

          /* Empty rows repeated a million times pad the end of a sheet:
           * they add nothing, so the rest of the copies are skipped. */
          if (!any)
            {
              *row_index += rows - copy - 1;
              break;
            }
        }
    }

  return TRUE;
}

static gboolean
read_ods (GBytes      *bytes,
          const char  *sheet_name,
          Grid        *grid,
          const char  *display_name,
          GError     **error)
{
  Wanted content[] = { { "content.xml", NULL } };
  xmlDoc *doc = NULL;
  xmlNode *body;
  xmlNode *spreadsheet;
  gboolean ok = FALSE;
  guint row_index = 0;

  if (!unpack (bytes, content, 1, display_name, error))
    return FALSE;
  if (content[0].contents == NULL)
    {
      set_error (error, display_name, _("this zip file is neither an .xlsx nor an .ods workbook"));
      return FALSE;
    }

  doc = parse_xml (content[0].contents, display_name, error);
  g_bytes_unref (content[0].contents);
  if (doc == NULL)
    return FALSE;

  body = first_child (xmlDocGetRootElement (doc), "body");
  spreadsheet = first_child (body, "spreadsheet");
  for (xmlNode *table = spreadsheet != NULL ? spreadsheet->children : NULL; table != NULL;
       table = table->next)
    {
      g_autofree char *name = NULL;

      if (!is_element (table, "table"))
        continue;
      name = get_ns_prop (table, "name", NS_TABLE);
      if (sheet_name != NULL && g_strcmp0 (name, sheet_name) != 0)
        continue;

      ok = read_ods_rows (table, grid, &row_index, display_name, error);
      xmlFreeDoc (doc);
      return ok;
    }

  set_no_sheet_error (error, display_name, sheet_name);
  xmlFreeDoc (doc);

  return FALSE;
}

static void
free_row (gpointer row)
{
  if (row != NULL)
    g_ptr_array_unref (row);
}

/**
 * _racimo_sheet_import_bytes:
 * @sheet_name: (nullable): the sheet to read; %NULL for the first
 *
 * Reads a sheet of an .xlsx or .ods workbook with the mapping of a CSV
 * file.  Problems name rows as the sheet numbers them.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
RacimoProject *
_racimo_sheet_import_bytes (GBytes                       *bytes,
                            const char                   *display_name,
                            const char                   *sheet_name,
                            const RacimoCsvImportOptions *options,
                            GPtrArray                    *problems,
                            GPtrArray                   **columns,
                            GError                      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  Wanted probe[] = { { "xl/workbook.xml", NULL }, { "content.xml", NULL } };
  Grid grid = { rows };
  gboolean ok;

  /* Which kind of workbook: the entries tell, not the file name */
  probe[0].name = "[Content_Types].xml";
  probe[1].name = "mimetype";
  if (!unpack (bytes, probe, G_N_ELEMENTS (probe), display_name, error))
    return NULL;

  if (probe[0].contents != NULL)
    ok = read_xlsx (bytes, sheet_name, &grid, display_name, error);
  else if (probe[1].contents != NULL)
    ok = read_ods (bytes, sheet_name, &grid, display_name, error);
  else
    {
      set_error (error, display_name, _("this zip file is neither an .xlsx nor an .ods workbook"));
      ok = FALSE;
    }

  g_clear_pointer (&probe[0].contents, g_bytes_unref);
  g_clear_pointer (&probe[1].contents, g_bytes_unref);
  if (!ok)
    return NULL;

  records = grid_to_records (&grid, lines);

  return _racimo_csv_import_records (records, lines, display_name, options, problems, columns,
                                     error);
}

/* The names of the children @element of @parent that carry @attribute */
static void
add_names (GPtrArray  *names,
           xmlNode    *parent,
           const char *element,
           const char *attribute,
           const char *ns)
{
  for (xmlNode *child = parent != NULL ? parent->children : NULL; child != NULL;
       child = child->next)
    {
      char *name;

      if (!is_element (child, element))
        continue;
      name = ns != NULL ? get_ns_prop (child, attribute, ns) : get_prop (child, attribute);
      if (name != NULL)
        g_ptr_array_add (names, name);
    }
}

/**
 * racimo_csv_list_sheets:
 * @bytes: a file's content, as racimo_csv_import_bytes_full() takes it
 * @display_name: the file's name, for messages
 *
 * The sheets a user can pick for #RacimoCsvImportOptions's @sheet, in the
 * workbook's order; the first is the one read by default.
 *
 * Returns: (transfer full) (nullable): the names of the sheets of an
 *   .xlsx or .ods workbook; %NULL for text, which has one sheet, or with
 *   @error set when the workbook cannot be read
 */
char **
racimo_csv_list_sheets (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Wanted entries[] = { { "xl/workbook.xml", NULL }, { "content.xml", NULL } };
  g_autoptr(GError) local = NULL;
  xmlDoc *doc = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!_racimo_sheet_is_workbook (data, size))
    return NULL;
  if (!unpack (bytes, entries, G_N_ELEMENTS (entries), display_name, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  if (entries[0].contents != NULL)
    {
      if ((doc = parse_xml (entries[0].contents, display_name, &local)) != NULL)
        add_names (names, first_child (xmlDocGetRootElement (doc), "sheets"), "sheet", "name",
                   NULL);
    }
  else if (entries[1].contents != NULL)
    {
      if ((doc = parse_xml (entries[1].contents, display_name, &local)) != NULL)
        add_names (names,
                   first_child (first_child (xmlDocGetRootElement (doc), "body"), "spreadsheet"),
                   "table", "name", NS_TABLE);
    }
  else
    set_error (&local, display_name, _("this zip file is neither an .xlsx nor an .ods workbook"));

  g_clear_pointer (&entries[0].contents, g_bytes_unref);
  g_clear_pointer (&entries[1].contents, g_bytes_unref);
  g_clear_pointer (&doc, xmlFreeDoc);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
