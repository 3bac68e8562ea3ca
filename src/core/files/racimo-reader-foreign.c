/* racimo-reader-foreign.c: keeping what Racimo does not understand: other programs'
 * elements and attributes, and elements of newer minor versions, kept as
 * RacimoForeign entries (racimo-foreign-private.h) with their namespaces so
 * that saving writes them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "racimo-check.h"
#include "racimo-file-private.h"
#include "racimo-foreign-private.h"
#include "racimo-model-private.h"
#include "racimo-reader-private.h"
#include "racimo-reader.h"
#include "racimo-repairs.h"
#include "racimo-task-private.h"
#include "racimo-writer.h"
#include "racimo-xml-gate-private.h"

/* The key of a known element, as racimo-core-private.h spells it, for the
 * foreign content that follows it: "" for none. */
char *
_racimo_reader_key_of (xmlNode *node)
{
  char *key;

  if (node == NULL)
    return g_strdup ("");

  if (_racimo_reader_is_named (node, "role") || _racimo_reader_is_named (node, "phase") || _racimo_reader_is_named (node, "activity"))
    return g_strconcat ((const char *) node->name, " ", _racimo_reader_attribute (node, "id"), NULL);

  if (_racimo_reader_is_named (node, "assign"))
    return g_strconcat ("assign ", _racimo_reader_attribute (node, "role"), " ", _racimo_reader_attribute (node, "code"), NULL);

  if (_racimo_reader_is_named (node, "waiver"))
    return g_strconcat ("waiver ", _racimo_reader_attribute (node, "check"), NULL);

  key = _racimo_reader_key_of_1_1 (node);
  if (key != NULL)
    return key;

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

/* Whether @ns is declared on @node or between it and @top. */
static gboolean
is_declared_within (xmlNs   *ns,
                    xmlNode *node,
                    xmlNode *top)
{
  for (; node != NULL; node = node != top ? node->parent : NULL)
    for (xmlNs *def = node->nsDef; def != NULL; def = def->next)
      if (def == ns)
        return TRUE;

  return FALSE;
}

/* Our namespace under a prefix, used inside @top and declared outside it
 * (its declaration on a Racimo element is not kept): declared on @top,
 * for @node and what it holds. */
static xmlNs *
declared_on_top (xmlNode *top,
                 xmlNode *node,
                 xmlNs   *ns)
{
  if (ns == NULL || ns->prefix == NULL
      || strcmp ((const char *) ns->href, RACIMO_FILE_NAMESPACE) != 0
      || is_declared_within (ns, node, top))
    return ns;

  for (xmlNs *def = top->nsDef; def != NULL; def = def->next)
    if (def->prefix != NULL && strcmp ((const char *) def->prefix, (const char *) ns->prefix) == 0)
      return def;

  return xmlNewNs (top, ns->href, ns->prefix);
}

static void
declare_our_prefixes (xmlNode *top,
                      xmlNode *node)
{
  node->ns = declared_on_top (top, node, node->ns);
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    attr->ns = declared_on_top (top, node, attr->ns);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      declare_our_prefixes (top, child);
}

/* An element in no namespace is written with xmlns="" inside ours; the
 * other content of a file whose default namespace was none needs none. */
static gboolean
has_element_in_no_namespace (xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (node->ns == NULL)
    return TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (has_element_in_no_namespace (child))
      return TRUE;

  return FALSE;
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
    {
      if (has_element_in_no_namespace (node))
        xmlNewNs (node, (const xmlChar *) "", NULL);
    }
  else if (strcmp ((const char *) in_scope->href, RACIMO_FILE_NAMESPACE) != 0)
    xmlNewNs (node, in_scope->href, NULL);
}

/* Keeps @node as it is in the file, to be written after @anchor, the known
 * element before it. */
void
_racimo_reader_keep_node (Builder    *b,
                          GPtrArray  *foreign,
                          const char *parent,
                          xmlNode    *anchor,
                          xmlNode    *node)
{
  g_autofree char *key = _racimo_reader_key_of (anchor);

  _racimo_reader_bury_doomed (b);

  /* A newer minor version keeps the root's declarations of our prefixes
   * (see _racimo_reader_keep_attributes ()). */
  if (node->type == XML_ELEMENT_NODE && b->strict)
    declare_our_prefixes (node, node);
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

      if (_racimo_reader_is_ours (child)
          && (_racimo_reader_is_named (child, "role") || _racimo_reader_is_named (child, "phase")
              || _racimo_reader_is_named (child, "activity") || _racimo_reader_is_named (child, "assign")))
        {
          g_autofree char *qname = NULL;

          if (foreign->ns != NULL && foreign->ns->prefix != NULL)
            qname = g_strconcat ((const char *) foreign->ns->prefix, ":",
                                 (const char *) foreign->name, NULL);
          else
            qname = g_strdup ((const char *) foreign->name);

          if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, child, NULL, _("removed it from there"),
                                                /* Translators: the first %s is "a role", "a cell"..., the second an element name */
                                                _("%s is inside content that belongs to another program (“%s”), "
                                                  "where Racimo does not read it"),
                                                _racimo_reader_describe_element (child), qname))
            return FALSE;
          _racimo_reader_doom_node (b, child);
          continue;
        }

      if (!check_inside_foreign (b, foreign, child))
        return FALSE;
    }

  return TRUE;
}

/* A child of a Racimo element that is not a known child there: foreign
 * content is kept, and so is what a newer minor version added; in a
 * version 1.0 file our namespace has nothing else to offer. */
gboolean
_racimo_reader_keep_other (Builder    *b,
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
                  || _racimo_xml_is_blank ((const char *) node->content,
                               strlen ((const char *) node->content))))
    return TRUE;

  if (b->strict && is_text)
    {
      g_autofree char *text = g_strstrip (g_strdup ((const char *) node->content));
      g_autofree char *shown = _racimo_xml_excerpt (text);

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, _("removed the text"),
                                            /* Translators: the first %s is "the list of roles", "a cell"... */
                                            _("%s holds the text “%s” where only its parts belong"),
                                            _racimo_reader_describe_element (container), shown))
        return FALSE;
      _racimo_reader_doom_node (b, node);
      return TRUE;
    }

  if (b->strict && _racimo_reader_is_ours (node))
    {
      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, _("removed it"),
                                            /* Translators: the first %s is an element name such as "team", the
                                             * second "a role", "the project"... */
                                            _("“%s” is not part of a Racimo project and has no place in %s"),
                                            node->name, _racimo_reader_describe_element (container)))
        return FALSE;
      _racimo_reader_doom_node (b, node);
      return TRUE;
    }

  if (b->strict && node->type == XML_ELEMENT_NODE && !check_inside_foreign (b, node, node))
    return FALSE;

  _racimo_reader_keep_node (b, foreign, parent, anchor, node);
  return TRUE;
}

gboolean
_racimo_reader_is_known (const char         *name,
                         const char * const *known)
{
  for (guint i = 0; known[i] != NULL; i++)
    if (strcmp (name, known[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Whether @node has namespace declarations or attributes other than
 * @known, our attribute names. */
gboolean
_racimo_reader_has_other_attributes (xmlNode            *node,
                                     const char * const *known)
{
  if (node->nsDef != NULL)
    return TRUE;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns != NULL || !_racimo_reader_is_known ((const char *) attr->name, known))
      return TRUE;

  return FALSE;
}

/* Keeps the namespace declarations and the attributes of @node that are
 * not in @known. */
gboolean
_racimo_reader_keep_attributes (Builder            *b,
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
       * make_self_contained().  Nor is our namespace declared under a
       * prefix: the canonical form does not depend on the prefixes of the
       * file (docs/file-format.md, "Canonical output"); foreign content
       * that uses one declares it itself.  A newer minor version may have
       * attributes of ours under it: kept there. */
      if (ns->prefix == NULL
          || (b->strict && strcmp ((const char *) ns->href, RACIMO_FILE_NAMESPACE) == 0))
        continue;

      qname = g_strconcat ("xmlns:", (const char *) ns->prefix, NULL);
      name = namespace_name (ns);
      add_foreign (foreign, parent, NULL, qname, name);
    }

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *value = NULL;
      g_autofree char *qname = NULL;

      if (attr->ns == NULL && _racimo_reader_is_known ((const char *) attr->name, known))
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
          g_autofree char *shown = _racimo_xml_excerpt (qname);

          if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL,
                                                _("removed the attribute"),
                                                /* Translators: %s is "a role", "the title"... */
                                                _("%s has an attribute “%s” that Racimo does not know"),
                                                _racimo_reader_describe_element (node), shown))
            return FALSE;
          _racimo_reader_doom_attribute (b, attr);
          continue;
        }

      value = (char *) xmlNodeGetContent ((xmlNode *) attr);
      add_foreign (foreign, parent, NULL, qname, value != NULL ? value : "");
      xmlFree (g_steal_pointer (&value));
    }

  return TRUE;
}
