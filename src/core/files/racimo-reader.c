/* racimo-reader.c: loading .raci files (docs/file-format.md)
 *
 * In repair mode (racimo_file_repair ()), each rule break that the
 * builder would refuse is repaired and recorded instead, at the place that
 * refuses it (repair_or_refuse ()); the safety gates are not relaxed.
 *
 * The bytes pass racimo-xml-gate.c first (size, encoding, parsing without
 * DTD or network).  The tree is then built into a project without
 * history, checking what the RELAX NG schema cannot say (and, in plain
 * words, most of what it can), then a file of version 1.0 is validated
 * against the schema.  What Racimo does not understand is kept as
 * RacimoForeign entries (racimo-foreign-private.h) so that saving writes
 * it back.
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
#include "racimo-reader.h"
#include "racimo-repairs.h"
#include "racimo-task-private.h"
#include "racimo-writer.h"
#include "racimo-xml-gate-private.h"

/* Building the project */

typedef struct
{
  RacimoProject *project;
  const char    *name;     /* the file, for messages */
  xmlDoc        *doc;
  /* Version 1.0: what is unknown in our namespace is an error.  A newer
   * minor version may have added it: it is kept, as foreign content. */
  gboolean       strict;
  guint          minor;    /* the file's minor version: which elements it may hold */
  GHashTable    *ids;      /* id -> line where it was first used */
  GHashTable    *roles;    /* id -> RacimoRole, unowned */
  GHashTable    *people;   /* id -> RacimoPerson, unowned */
  GPtrArray     *person_texts; /* PersonText: 1.0 person texts, made people at the end */
  GPtrArray     *members;  /* PendingMember: members read before their person */
  /* The checks waived so far on @waived_item: a newer minor version may
   * put any number of waivers on one item. */
  RacimoItem    *waived_item;
  GHashTable    *waived_checks;
  xmlBuffer     *buffer;
  GError       **error;
  /* Repair mode (racimo_file_repair ()): each rule break is repaired and
   * recorded here instead of refused; NULL otherwise.  What is removed
   * from the tree goes only when foreign content is next written out. */
  RacimoRepairs *repairs;
  RacimoItem    *item;     /* being read, the place of its repairs; unowned */
  GPtrArray     *doomed_nodes;
  GPtrArray     *doomed_attributes;
  GPtrArray     *made_ids;
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
  KIND_PEOPLE,
  KIND_MEMBER,
  KIND_NOTE,
  KIND_CONFLICT,
} Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  gboolean    repeats;
  guint       since;   /* the minor version that brought it */
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

/* A rule of the format is broken at @node, as @format says in plain words.
 * Refused, this sets the error and returns FALSE.  In repair mode it
 * records what was wrong and @action, what the caller then does, and
 * returns TRUE. */
static gboolean repair_or_refuse (Builder         *b,
                                  RacimoFileError  code,
                                  xmlNode         *node,
                                  const char      *item_id,
                                  const char      *action,
                                  const char      *format,
                                  ...) G_GNUC_PRINTF (6, 7);

static gboolean
repair_or_refuse (Builder         *b,
                  RacimoFileError  code,
                  xmlNode         *node,
                  const char      *item_id,
                  const char      *action,
                  const char      *format,
                  ...)
{
  g_autofree char *problem = NULL;
  long line = node != NULL ? _racimo_xml_line_of (node) : 0;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (b->repairs == NULL)
    {
      _racimo_xml_set_error (b->error, code, b->name, line, 0, "%s", problem);
      return FALSE;
    }

  if (item_id == NULL && b->item != NULL)
    item_id = racimo_item_get_id (b->item);
  racimo_repairs_add (b->repairs, (guint) MAX (line, 0), item_id, problem, action);
  return TRUE;
}

/* What a repair removes from the tree, so that foreign content written
 * out whole holds no rule break.  Removed later, by bury_doomed (): the
 * builder may still be walking their siblings. */
static void
doom_node (Builder *b,
           xmlNode *node)
{
  g_ptr_array_add (b->doomed_nodes, node);
}

static void
doom_attribute (Builder *b,
                xmlAttr *attr)
{
  g_ptr_array_add (b->doomed_attributes, attr);
}

static void
bury_doomed (Builder *b)
{
  if (b->doomed_nodes == NULL)
    return;

  for (guint i = 0; i < b->doomed_attributes->len; i++)
    xmlRemoveProp (g_ptr_array_index (b->doomed_attributes, i));
  g_ptr_array_set_size (b->doomed_attributes, 0);

  /* All unlinked first: one may be inside another. */
  for (guint i = 0; i < b->doomed_nodes->len; i++)
    xmlUnlinkNode (g_ptr_array_index (b->doomed_nodes, i));
  for (guint i = 0; i < b->doomed_nodes->len; i++)
    xmlFreeNode (g_ptr_array_index (b->doomed_nodes, i));
  g_ptr_array_set_size (b->doomed_nodes, 0);
}

/* An element of ours in plain words, for messages. */
static const char *
describe_element (xmlNode *node)
{
  static const struct
  {
    const char *element;
    const char *words;
  } words[] = {
    { "raci-project", N_("the project") },
    { "title", N_("the title") },
    { "description", N_("a description") },
    { "scheme", N_("the scheme") },
    { "roles", N_("the list of roles") },
    { "phases", N_("the list of phases") },
    { "role", N_("a role") },
    { "phase", N_("a phase") },
    { "activity", N_("an activity") },
    { "name", N_("a name") },
    { "person", N_("a person") },
    { "assign", N_("a cell") },
    { "waiver", N_("a waiver") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (is_named (node, words[i].element))
      return _(words[i].words);

  return (const char *) node->name;
}

static char *key_of_1_1 (xmlNode *node);

/* The key of a known element, as racimo-core-private.h spells it, for the
 * foreign content that follows it: "" for none. */
static char *
key_of (xmlNode *node)
{
  char *key;

  if (node == NULL)
    return g_strdup ("");

  if (is_named (node, "role") || is_named (node, "phase") || is_named (node, "activity"))
    return g_strconcat ((const char *) node->name, " ", attribute (node, "id"), NULL);

  if (is_named (node, "assign"))
    return g_strconcat ("assign ", attribute (node, "role"), " ", attribute (node, "code"), NULL);

  if (is_named (node, "waiver"))
    return g_strconcat ("waiver ", attribute (node, "check"), NULL);

  key = key_of_1_1 (node);
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
static void
keep_node (Builder    *b,
           GPtrArray  *foreign,
           const char *parent,
           xmlNode    *anchor,
           xmlNode    *node)
{
  g_autofree char *key = key_of (anchor);

  bury_doomed (b);

  /* A newer minor version keeps the root's declarations of our prefixes
   * (see keep_attributes ()). */
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

          if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, child, NULL, _("removed it from there"),
                                 /* Translators: the first %s is "a role", "a cell"..., the second an element name */
                                 _("%s is inside content that belongs to another program (“%s”), "
                                   "where Racimo does not read it"),
                                 describe_element (child), qname))
            return FALSE;
          doom_node (b, child);
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
                  || _racimo_xml_is_blank ((const char *) node->content,
                               strlen ((const char *) node->content))))
    return TRUE;

  if (b->strict && is_text)
    {
      g_autofree char *text = g_strstrip (g_strdup ((const char *) node->content));
      g_autofree char *shown = _racimo_xml_excerpt (text);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, _("removed the text"),
                             /* Translators: the first %s is "the list of roles", "a cell"... */
                             _("%s holds the text “%s” where only its parts belong"),
                             describe_element (container), shown))
        return FALSE;
      doom_node (b, node);
      return TRUE;
    }

  if (b->strict && is_ours (node))
    {
      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, _("removed it"),
                             /* Translators: the first %s is an element name such as "team", the
                              * second "a role", "the project"... */
                             _("“%s” is not part of a Racimo project and has no place in %s"),
                             node->name, describe_element (container)))
        return FALSE;
      doom_node (b, node);
      return TRUE;
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
          g_autofree char *shown = _racimo_xml_excerpt (qname);

          if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL,
                                 _("removed the attribute"),
                                 /* Translators: %s is "a role", "the title"... */
                                 _("%s has an attribute “%s” that Racimo does not know"),
                                 describe_element (node), shown))
            return FALSE;
          doom_attribute (b, attr);
          continue;
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

#define MAX_CHILDREN 8

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
        || !_racimo_xml_is_blank ((const char *) child->content, strlen ((const char *) child->content)))
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
    if (children[i].since <= b->minor && is_named (node, children[i].name))
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

/* *@skip is set when a repair removed @node: it is not read. */
static gboolean
check_order (Builder     *b,
             Order       *order,
             const Child *children,
             xmlNode     *node,
             guint        rank,
             gboolean    *skip)
{
  *skip = FALSE;

  if (b->strict && order->first[rank] != NULL && !children[rank].repeats)
    {
      /* A second list of roles or phases is read after the first. */
      gboolean is_list = is_named (node, "roles") || is_named (node, "phases");

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL,
                             is_list ? _("read it after the first one")
                                     : _("kept the first one and removed this one"),
                             /* Translators: %s is "the title", "a name"... */
                             _("%s appears a second time (the first is on line %ld)"),
                             describe_element (node), _racimo_xml_line_of (order->first[rank])))
        return FALSE;
      if (!is_list)
        {
          doom_node (b, node);
          *skip = TRUE;
          return TRUE;
        }
    }

  if (b->strict && order->last != NULL && rank < order->rank)
    {
      g_autofree char *before = g_strdup (describe_element (order->last));

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, _("put it in its place"),
                             /* Translators: both %s are "the title", "a name"... */
                             _("%s is out of order: it goes before %s"),
                             describe_element (node), before))
        return FALSE;
      /* The rank stays that of the furthest child, so the next one is
       * compared with it. */
      if (order->first[rank] == NULL)
        order->first[rank] = node;
      return TRUE;
    }

  if (order->first[rank] == NULL)
    order->first[rank] = node;
  order->last = node;
  order->rank = rank;

  return TRUE;
}

/* A new id for a repaired item, made from @from as for a new item, that
 * nothing in the file uses so far; owned by the builder. */
static const char *
make_repair_id (Builder    *b,
                const char *from)
{
  g_autofree char *base = racimo_project_make_id (b->project, from);
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (b->ids, id)
                    || racimo_project_lookup (b->project, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  g_ptr_array_add (b->made_ids, id);

  return id;
}

static char *
id_action (const char *made)
{
  return made != NULL ? g_strdup_printf (_("gave it the id “%s”"), made) : NULL;
}

/* The text of the <name> of @node, to make an id from; NULL when none. */
static char *
name_text (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_ours (child) && is_named (child, "name"))
      {
        xmlChar *content = xmlNodeGetContent (child);
        char *text = g_strdup ((const char *) content);

        xmlFree (content);
        return text;
      }

  return NULL;
}

/* The id every role, phase and activity starts with, checked and given
 * to @item with the line it stands on. */
static gboolean
read_id (Builder    *b,
         RacimoItem *item,
         xmlNode    *node)
{
  const char *id = attribute (node, "id");
  gpointer first_line;

  if (id == NULL)
    {
      g_autofree char *name = name_text (node);
      const char *made = b->repairs != NULL
                         ? make_repair_id (b, name != NULL && *name != '\0'
                                                ? name : (const char *) node->name)
                         : NULL;
      g_autofree char *action = id_action (made);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, made, action,
                             /* Translators: %s is "a role", "a phase" or "an activity" */
                             _("%s has no id"), describe_element (node)))
        return FALSE;
      id = made;
    }
  else if (xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    {
      g_autofree char *shown = _racimo_xml_excerpt (id);
      const char *made = b->repairs != NULL ? make_repair_id (b, id) : NULL;
      g_autofree char *action = id_action (made);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, made, action,
                             _("“%s” is not an id: an id is made of letters, digits, “-”, “_” and "
                               "“.”, and starts with a letter or “_”"), shown))
        return FALSE;
      id = made;
    }
  else if (g_hash_table_lookup_extended (b->ids, id, NULL, &first_line))
    {
      g_autofree char *shown = _racimo_xml_excerpt (id);
      const char *made = b->repairs != NULL ? make_repair_id (b, id) : NULL;
      g_autofree char *action = id_action (made);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_DUPLICATE_ID, node, made, action,
                             _("the id “%s” is used twice (first on line %u)"),
                             shown, GPOINTER_TO_UINT (first_line)))
        return FALSE;
      id = made;
    }

  g_hash_table_insert (b->ids, (gpointer) id, GUINT_TO_POINTER ((guint) _racimo_xml_line_of (node)));

  _racimo_item_set_id (item, id);
  _racimo_item_set_line (item, (guint) _racimo_xml_line_of (node));
  b->item = item;

  return TRUE;
}

/* The checks a file of minor version @minor may waive. */
static char *
list_check_ids (guint minor)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (RacimoCheck check = 0; check < RACIMO_N_CHECKS; check++)
    {
      if (racimo_check_get_since_minor (check) > minor)
        continue;
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

  /* A waiver left out is not the anchor of what follows. */
  if (check == NULL)
    {
      *kept = TRUE;
      return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
                               _("left the waiver out"),
                               _("a waiver does not say which check it waives"));
    }

  if (b->strict && !racimo_check_from_id (check, &known))
    {
      g_autofree char *ids = list_check_ids (b->minor);
      g_autofree char *shown = _racimo_xml_excerpt (check);

      *kept = TRUE;
      return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
                               _("left the waiver out"),
                               _("a waiver names “%s”, which is not a check; the checks are %s"),
                               shown, ids);
    }

  /* A check of a later minor version than the file's own */
  if (b->strict && racimo_check_get_since_minor (known) > b->minor)
    {
      g_autofree char *ids = list_check_ids (b->minor);

      *kept = TRUE;
      return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
                               _("left the waiver out"),
                               _("a waiver names “%s”, a check of format %u.%u, in a file of "
                                 "format %u.%u; its checks are %s"),
                               check, RACIMO_FILE_VERSION_MAJOR,
                               racimo_check_get_since_minor (known), RACIMO_FILE_VERSION_MAJOR,
                               b->minor, ids);
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

/* The codes that @code, which is not one, stands for, and in *@action
 * what was made of it: letters that are all codes of the scheme, in either
 * case and between separators ("ar", "A/R"), are those codes; a single
 * other letter is kept as a code the scheme does not define; anything
 * else is left out (0). */
static RacimoCodes
repair_code (Builder     *b,
             const char  *code,
             char       **action)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (b->project);
  RacimoCodes mask = racimo_scheme_get_mask (scheme);
  RacimoCodes codes = 0;
  guint n_letters = 0;
  g_autofree char *letters = NULL;

  for (const char *p = code; *p != '\0'; p++)
    {
      char letter = g_ascii_toupper (*p);

      if (strchr (" /,;+&-", *p) != NULL)
        continue;
      if (!RACIMO_CODE_IS_VALID (letter))
        {
          n_letters = 0;
          codes = 0;
          break;
        }
      codes |= RACIMO_CODE_BIT (letter);
      n_letters++;
    }

  if (n_letters == 0 || ((codes & ~mask) != 0 && n_letters > 1))
    {
      *action = g_strdup (_("left the code out"));
      return 0;
    }

  letters = racimo_scheme_format_codes (scheme, codes, ", ");
  if ((codes & ~mask) != 0)
    *action = g_strdup_printf (_("kept it as the code %s, which the scheme does not define"),
                               letters);
  else if (racimo_codes_count (codes) > 1)
    *action = g_strdup_printf (_("read it as the codes %s"), letters);
  else
    *action = g_strdup_printf (_("read it as the code %s"), letters);

  return codes;
}

/* A role that cells name and the file does not list: made, named after
 * the id, after the others, with a description that asks for a review. */
static RacimoRole *
add_missing_role (Builder    *b,
                  const char *role_id)
{
  g_autoptr(RacimoRole) role = g_object_new (RACIMO_TYPE_ROLE, NULL);
  RacimoItem *item = RACIMO_ITEM (role);
  const char *id = xmlValidateNCName ((const xmlChar *) role_id, 0) == 0
                   && !g_hash_table_contains (b->ids, role_id)
                   && racimo_project_lookup (b->project, role_id) == NULL
                   ? role_id : make_repair_id (b, role_id);

  _racimo_item_set_id (item, id);
  _racimo_item_set_name (item, role_id);
  _racimo_item_set_description (item, _("Added when the file was repaired: cells named this "
                                        "role, but the file did not list it. Check its name."));
  g_hash_table_insert (b->ids, (gpointer) id, GUINT_TO_POINTER (0));
  if (!_racimo_project_append_role (b->project, role))
    g_return_val_if_reached (NULL);
  g_hash_table_insert (b->roles, (gpointer) role_id, role);

  return role;
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
  const char *activity_id = racimo_item_get_id (RACIMO_ITEM (activity));
  /* An activity with no name yet is named by its id. */
  const char *activity_name = *racimo_item_get_name (RACIMO_ITEM (activity)) != '\0'
                              ? racimo_item_get_name (RACIMO_ITEM (activity)) : activity_id;
  RacimoCodes repaired = 0;
  gboolean fixed = FALSE;
  static const char * const attributes[] = { "role", "code", NULL };

  if (role_id == NULL)
    return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, activity_id,
                             _("left the code out"),
                             _("a cell of the activity “%s” does not say which role it is for"),
                             activity_name);

  if (code == NULL || code[0] == '\0')
    return repair_or_refuse (b, RACIMO_FILE_ERROR_BAD_CODE, node, activity_id,
                             _("left the cell out"),
                             _("the cell of the role “%s” in the activity “%s” has no code"),
                             role_id, activity_name);

  role = g_hash_table_lookup (b->roles, role_id);
  if (role == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);
      g_autofree char *action = g_strdup_printf (_("added a role “%s” for you to review"), shown);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_UNKNOWN_ROLE, node, activity_id, action,
                             _("a cell of the activity “%s” names the role “%s”, which the file "
                               "does not list"), activity_name, shown))
        return FALSE;
      role = add_missing_role (b, role_id);
      fixed = TRUE;
    }

  if (!RACIMO_CODE_IS_VALID (code[0]) || code[1] != '\0')
    {
      g_autofree char *shown = _racimo_xml_excerpt (code);
      g_autofree char *action = NULL;

      repaired = repair_code (b, code, &action);
      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_BAD_CODE, node, activity_id, action,
                             _("the cell of the role “%s” in the activity “%s” holds “%s”, which is "
                               "not a code (codes are single capital letters such as R or A)"),
                             racimo_item_get_name (RACIMO_ITEM (role)), activity_name, shown))
        return FALSE;
      fixed = TRUE;
    }

  codes = racimo_activity_get_codes (activity, role);

  /* A repaired cell keeps nothing of the other programs' content it held:
   * it is not the cell the file wrote. */
  if (fixed)
    {
      if (repaired == 0 && RACIMO_CODE_IS_VALID (code[0]) && code[1] == '\0')
        repaired = RACIMO_CODE_BIT (code[0]);
      _racimo_activity_set_codes (activity, role, codes | repaired);
      return TRUE;
    }

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

/* Version 1.1: people, members, notes and conflicts (docs/file-format.md,
 * "Version 1.1"). */

typedef struct
{
  RacimoRole *role;
  char       *name;
  guint       line;
} PersonText;

static void
person_text_free (gpointer data)
{
  PersonText *text = data;

  g_free (text->name);
  g_free (text);
}

typedef struct
{
  RacimoRole *role;
  const char *person_id; /* a string of the tree */
  guint       position;
  xmlNode    *node;
} PendingMember;

static char *
key_of_1_1 (xmlNode *node)
{
  if (is_named (node, "person") && attribute (node, "id") != NULL)
    return g_strconcat ("person ", attribute (node, "id"), NULL);

  if (is_named (node, "member"))
    return g_strconcat ("member ", attribute (node, "person"), NULL);

  if (is_named (node, "note"))
    return g_strconcat ("note ", attribute (node, "role"), NULL);

  if (is_named (node, "conflict"))
    return g_strdup_printf ("conflict %s %s", attribute (node, "role") ?: "",
                            attribute (node, "field") ?: "");

  return NULL;
}

/* A 1.0 person text is one member of that name; the people are made once
 * every id of the file is known, so that theirs take no id of the file. */
static void
keep_person_text (Builder    *b,
                  RacimoRole *role,
                  xmlNode    *node,
                  const char *text)
{
  PersonText *person_text;

  if (text[0] == '\0')
    return;

  person_text = g_new0 (PersonText, 1);
  person_text->role = role;
  person_text->name = g_strdup (text);
  person_text->line = (guint) _racimo_xml_line_of (node);
  g_ptr_array_add (b->person_texts, person_text);
}

/* Foreign attributes and nodes inside an empty element of ours (an
 * assign, a member, a conflict), kept under @key. */
static gboolean
keep_inside (Builder            *b,
             GPtrArray          *foreign,
             const char         *key,
             xmlNode            *node,
             const char * const *known)
{
  if (!keep_attributes (b, foreign, key, node, known))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!keep_other (b, foreign, key, NULL, node, child))
      return FALSE;

  return TRUE;
}

/* An item with no name yet is named by its id. */
static const char *
name_or_id (RacimoItem *item)
{
  const char *name = racimo_item_get_name (item);

  return *name != '\0' ? name : racimo_item_get_id (item);
}

/* Returns FALSE when refused; a member left out in repair mode is not
 * added. */
static gboolean
add_member (Builder    *b,
            RacimoRole *role,
            const char *person_id,
            xmlNode    *node)
{
  RacimoPerson *person = g_hash_table_lookup (b->people, person_id);

  if (person == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (person_id);

      return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node,
                               racimo_item_get_id (RACIMO_ITEM (role)),
                               _("left the member out"),
                               _("the role “%s” names the person “%s”, which the file does not "
                                 "list"), name_or_id (RACIMO_ITEM (role)), shown);
    }

  /* The same person twice in one role is one member. */
  if (racimo_role_index_of_member (role, person) < 0)
    _racimo_role_insert_member (role, racimo_role_get_n_members (role), person);

  return TRUE;
}

static gboolean
read_member (Builder    *b,
             RacimoRole *role,
             GPtrArray  *foreign,
             xmlNode    *node)
{
  const char *person_id = attribute (node, "person");
  g_autofree char *key = NULL;
  static const char * const attributes[] = { "person", NULL };

  if (person_id == NULL)
    return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node,
                             racimo_item_get_id (RACIMO_ITEM (role)),
                             _("left the member out"),
                             _("a member of the role “%s” does not say which person it is"),
                             name_or_id (RACIMO_ITEM (role)));

  key = key_of (node);
  if (!keep_inside (b, foreign, key, node, attributes))
    return FALSE;

  /* A newer minor version may list its people after the roles. */
  if (!b->strict && !g_hash_table_contains (b->people, person_id))
    {
      PendingMember *pending = g_new0 (PendingMember, 1);

      pending->role = role;
      pending->person_id = person_id;
      pending->position = racimo_role_get_n_members (role);
      pending->node = node;
      g_ptr_array_add (b->members, pending);
      return TRUE;
    }

  return add_member (b, role, person_id, node);
}

static gboolean
read_note (Builder        *b,
           RacimoActivity *activity,
           GPtrArray      *foreign,
           xmlNode        *node)
{
  const char *role_id = attribute (node, "role");
  const char *activity_id = racimo_item_get_id (RACIMO_ITEM (activity));
  const char *activity_name = name_or_id (RACIMO_ITEM (activity));
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  RacimoRole *role;
  static const char * const attributes[] = { "role", NULL };

  if (role_id == NULL)
    return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, activity_id,
                             _("left the note out"),
                             _("a note of the activity “%s” does not say which role’s cell it is "
                               "on"), activity_name);

  role = g_hash_table_lookup (b->roles, role_id);
  if (role == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      return repair_or_refuse (b, RACIMO_FILE_ERROR_UNKNOWN_ROLE, node, activity_id,
                               _("left the note out"),
                               _("a note of the activity “%s” names the role “%s”, which the "
                                 "file does not list"), activity_name, shown);
    }

  if (racimo_activity_get_note (activity, role) != NULL)
    return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, activity_id,
                             _("kept the first note and left this one out"),
                             _("the cell of the role “%s” in the activity “%s” has a second note, "
                               "and a cell has at most one"),
                             name_or_id (RACIMO_ITEM (role)), activity_name);

  key = key_of (node);
  text = read_text (b, foreign, key, node, attributes);
  if (text == NULL)
    return FALSE;

  /* An empty note is no note; it is not written back. */
  if (text[0] != '\0')
    _racimo_activity_set_note (activity, role, text);

  return TRUE;
}

static const char * const conflict_fields[] = {
  "name", "description", "note", "applicable", "abbrev", "email", "removed", "position", NULL
};

/* @item is NULL for the project's own conflicts. */
static gboolean
read_conflict (Builder    *b,
               RacimoItem *item,
               GPtrArray  *conflicts,
               GPtrArray  *foreign,
               xmlNode    *node)
{
  const char *role_id = attribute (node, "role");
  const char *field = attribute (node, "field");
  const char *item_id = item != NULL ? racimo_item_get_id (item) : NULL;
  g_autofree char *key = NULL;
  RacimoConflict *conflict;
  static const char * const attributes[] = {
    "role", "field", "base", "ours", "theirs", NULL
  };

  if (role_id == NULL && field == NULL)
    return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, item_id,
                             _("left the conflict out"),
                             _("a merge conflict does not say what it is about (a role or a "
                               "field)"));

  if (role_id != NULL && !g_hash_table_contains (b->roles, role_id))
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      return repair_or_refuse (b, RACIMO_FILE_ERROR_UNKNOWN_ROLE, node, item_id,
                               _("left the conflict out"),
                               _("a merge conflict names the role “%s”, which the file does not "
                                 "list"), shown);
    }

  if (b->strict && field != NULL && !is_known (field, conflict_fields))
    {
      g_autofree char *shown = _racimo_xml_excerpt (field);
      g_autofree char *fields = g_strjoinv (", ", (char **) conflict_fields);

      return repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, item_id,
                               _("left the conflict out"),
                               _("a merge conflict is about “%s”, which is not a field; the "
                                 "fields are %s"), shown, fields);
    }

  key = key_of (node);
  if (!keep_inside (b, foreign, key, node, attributes))
    return FALSE;

  conflict = g_new0 (RacimoConflict, 1);
  conflict->role = g_strdup (role_id);
  conflict->field = g_strdup (field);
  conflict->base = g_strdup (attribute (node, "base") ?: "");
  conflict->ours = g_strdup (attribute (node, "ours") ?: "");
  conflict->theirs = g_strdup (attribute (node, "theirs") ?: "");
  g_ptr_array_add (conflicts, conflict);

  return TRUE;
}

/* After the whole file: members of people listed after their role (newer
 * minor versions), and the people of 1.0 person texts, one per name. */
static gboolean
finish_people (Builder *b)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < b->members->len; i++)
    {
      PendingMember *pending = g_ptr_array_index (b->members, i);
      RacimoPerson *person = g_hash_table_lookup (b->people, pending->person_id);

      if (!add_member (b, pending->role, pending->person_id, pending->node))
        return FALSE;
      /* Left out in repair mode */
      if (person == NULL)
        continue;

      /* In its place among the role's members */
      _racimo_role_remove_member (pending->role, person);
      _racimo_role_insert_member (pending->role,
                                  MIN (pending->position,
                                       racimo_role_get_n_members (pending->role)),
                                  person);
    }

  for (guint i = 0; i < b->person_texts->len; i++)
    {
      PersonText *text = g_ptr_array_index (b->person_texts, i);
      RacimoPerson *person = g_hash_table_lookup (by_name, text->name);

      if (person == NULL)
        {
          person = _racimo_project_append_new_person (b->project, text->name);
          _racimo_item_set_line (RACIMO_ITEM (person), text->line);
          /* The key is the person's own copy of its name. */
          g_hash_table_insert (by_name, (gpointer) racimo_item_get_name (RACIMO_ITEM (person)),
                               person);
        }

      if (racimo_role_index_of_member (text->role, person) < 0)
        _racimo_role_insert_member (text->role, 0, person);
    }

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
      keep_person_text (b, RACIMO_ROLE (item), node, text);
      break;
    case KIND_TITLE:
    case KIND_SCHEME:
    case KIND_ROLES:
    case KIND_PHASES:
    case KIND_ASSIGN:
    case KIND_WAIVER:
    case KIND_ACTIVITY:
    case KIND_PEOPLE:
    case KIND_MEMBER:
    case KIND_NOTE:
    case KIND_CONFLICT:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gboolean read_activity (Builder     *b,
                               RacimoPhase *phase,
                               xmlNode     *node);
static gboolean read_list     (Builder     *b,
                               xmlNode     *node,
                               const char  *item_name);

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
      gboolean repeated, skip;
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

      if (!check_order (b, &order, children, child, rank, &skip))
        return FALSE;
      if (skip)
        continue;

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

        case KIND_MEMBER:
          if (!read_member (b, RACIMO_ROLE (item), foreign, child))
            return FALSE;
          break;

        case KIND_NOTE:
          if (!read_note (b, RACIMO_ACTIVITY (item), foreign, child))
            return FALSE;
          break;

        case KIND_CONFLICT:
          if (!read_conflict (b, item, _racimo_item_get_conflicts (item), foreign, child))
            return FALSE;
          break;

        case KIND_TITLE:
        case KIND_SCHEME:
        case KIND_ROLES:
        case KIND_PHASES:
        case KIND_PEOPLE:
        default:
          g_assert_not_reached ();
        }

      if (!kept)
        anchor = child;
    }

  if (!has_name)
    {
      const char *id = racimo_item_get_id (item);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, id, _("gave it an empty name"),
                             RACIMO_IS_ROLE (item) ? _("the role “%s” has no name")
                             : RACIMO_IS_PHASE (item) ? _("the phase “%s” has no name")
                             : _("the activity “%s” has no name"), id))
        return FALSE;
      _racimo_item_set_name (item, "");
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
  RacimoItem *phase_item = b->item;
  const char *applicable;
  static const char * const attributes[] = { "id", "applicable", NULL };
  static const Child children[] = {
    { "name", KIND_NAME, FALSE },
    { "description", KIND_DESCRIPTION, FALSE },
    { "assign", KIND_ASSIGN, TRUE },
    { "note", KIND_NOTE, TRUE, 1 },
    { "waiver", KIND_WAIVER, TRUE },
    { "conflict", KIND_CONFLICT, TRUE, 1 },
  };

  if (!read_id (b, item, node))
    return FALSE;

  applicable = attribute (node, "applicable");
  if (applicable != NULL && strcmp (applicable, "no") == 0)
    _racimo_activity_set_applicable (activity, FALSE);
  else if (applicable != NULL && strcmp (applicable, "yes") != 0)
    {
      g_autofree char *shown = _racimo_xml_excerpt (applicable);
      gboolean no = g_ascii_strcasecmp (applicable, "no") == 0
                    || g_ascii_strcasecmp (applicable, "false") == 0
                    || strcmp (applicable, "0") == 0;

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
                             no ? _("took it as not applying") : _("took it as applying"),
                             _("“%s” does not say whether the activity applies: it is “yes” or "
                               "“no”"), shown))
        return FALSE;
      _racimo_activity_set_applicable (activity, !no);
    }

  if (!keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
      || !read_item_content (b, item, node, children, G_N_ELEMENTS (children)))
    return FALSE;

  if (!_racimo_project_append_activity (b->project, phase, activity))
    g_return_val_if_reached (FALSE);
  b->item = phase_item;

  return TRUE;
}

static gboolean
read_phase (Builder *b,
            xmlNode *node)
{
  g_autoptr(RacimoPhase) phase = g_object_new (RACIMO_TYPE_PHASE, NULL);
  RacimoItem *item = RACIMO_ITEM (phase);
  static const char * const attributes[] = { "id", NULL };
  static const Child children[] = {
    { "name", KIND_NAME, FALSE },
    { "description", KIND_DESCRIPTION, FALSE },
    { "waiver", KIND_WAIVER, TRUE },
    { "conflict", KIND_CONFLICT, TRUE, 1 },
    { "activity", KIND_ACTIVITY, TRUE },
  };

  if (!read_id (b, item, node))
    return FALSE;

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
  const char *abbrev;
  static const char * const attributes[] = { "id", "abbrev", NULL };
  static const Child children[] = {
    { "name", KIND_NAME, FALSE },
    { "person", KIND_PERSON, FALSE },
    { "member", KIND_MEMBER, TRUE, 1 },
    { "description", KIND_DESCRIPTION, FALSE },
    { "waiver", KIND_WAIVER, TRUE },
    { "conflict", KIND_CONFLICT, TRUE, 1 },
  };

  if (!read_id (b, item, node))
    return FALSE;

  abbrev = attribute (node, "abbrev");
  if (abbrev != NULL && g_utf8_strlen (abbrev, -1) > 8)
    {
      g_autofree char *shown = _racimo_xml_excerpt (abbrev);
      g_autofree char *shortened = g_utf8_substring (abbrev, 0, 8);
      g_autofree char *action = g_strdup_printf (_("shortened it to “%s”"), shortened);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item), action,
                             _("the abbreviation “%s” is longer than 8 characters"), shown))
        return FALSE;
      _racimo_role_set_abbrev (role, shortened);
    }
  else
    _racimo_role_set_abbrev (role, abbrev);

  if (!keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
      || !read_item_content (b, item, node, children, G_N_ELEMENTS (children)))
    return FALSE;

  if (!_racimo_project_append_role (b->project, role))
    g_return_val_if_reached (FALSE);

  /* The key is the role's own copy of its id, kept while the project holds
   * the role. */
  g_hash_table_insert (b->roles, (gpointer) racimo_item_get_id (item), role);

  /* A repaired id: cells still name the role as the file did. */
  if (attribute (node, "id") != NULL && !g_hash_table_contains (b->roles, attribute (node, "id")))
    g_hash_table_insert (b->roles, (gpointer) attribute (node, "id"), role);

  return TRUE;
}

/* A person of <people> (version 1.1). */
static gboolean
read_person (Builder *b,
             xmlNode *node)
{
  g_autoptr(RacimoPerson) person = g_object_new (RACIMO_TYPE_PERSON, NULL);
  RacimoItem *item = RACIMO_ITEM (person);
  static const char * const attributes[] = { "id", "email", NULL };
  static const Child children[] = {
    { "name", KIND_NAME, FALSE },
    { "waiver", KIND_WAIVER, TRUE },
    { "conflict", KIND_CONFLICT, TRUE, 1 },
  };

  if (!read_id (b, item, node))
    return FALSE;

  _racimo_person_set_email (person, attribute (node, "email"));

  if (!keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
      || !read_item_content (b, item, node, children, G_N_ELEMENTS (children)))
    return FALSE;

  if (!_racimo_project_append_person (b->project, person))
    g_return_val_if_reached (FALSE);

  /* The key is the person's own copy of its id. */
  g_hash_table_insert (b->people, (gpointer) racimo_item_get_id (item), person);

  return TRUE;
}

static gboolean
read_people (Builder *b,
             xmlNode *node)
{
  return read_list (b, node, "person");
}

/* <roles>, <phases> or <people>: their items, and foreign content between
 * them. */
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

      if (is_named (child, "role") ? !read_role (b, child)
          : is_named (child, "person") ? !read_person (b, child)
          : !read_phase (b, child))
        return FALSE;

      b->item = NULL;
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
      g_autofree char *shown = _racimo_xml_excerpt (text);
      const RacimoScheme *scheme = racimo_scheme_get_default ();
      g_autofree char *action = NULL;

      /* "raci" is RACI */
      for (guint i = 0; i < racimo_scheme_get_n_schemes (); i++)
        if (g_ascii_strcasecmp (text, racimo_scheme_get_nth (i)->id) == 0)
          scheme = racimo_scheme_get_nth (i);
      action = g_strdup_printf (_("used the scheme %s"), scheme->id);

      if (!repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, action,
                             _("“%s” is not a scheme; the schemes are %s"), shown, ids))
        return FALSE;
      g_free (text);
      text = g_strdup (scheme->id);
    }

  _racimo_project_set_scheme_id (b->project, text);

  return TRUE;
}

/* Comments and processing instructions before the root element are kept
 * at its start, those after it at its end: racimo-core-private.h has no
 * place outside it. */
static void
keep_outside (Builder  *b,
              xmlNode  *root,
              gboolean  after,
              xmlNode  *anchor)
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
    { "people", KIND_PEOPLE, FALSE, 1 },
    { "roles", KIND_ROLES, FALSE },
    { "phases", KIND_PHASES, FALSE },
    { "conflict", KIND_CONFLICT, TRUE, 1 },
  };

  if (!keep_attributes (b, foreign, NULL, root, attributes))
    return FALSE;

  keep_outside (b, root, FALSE, NULL);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      guint rank = 0;
      gboolean repeated, skip;
      const Child *known = find_child (b, children, G_N_ELEMENTS (children), &order, child,
                                       &rank, &repeated);
      g_autofree char *text = NULL;

      if (known == NULL)
        {
          if (!keep_other (b, foreign, NULL, repeated ? child : anchor, root, child))
            return FALSE;
          continue;
        }

      if (!check_order (b, &order, children, child, rank, &skip))
        return FALSE;
      if (skip)
        continue;

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

        case KIND_PEOPLE:
          if (!read_people (b, child))
            return FALSE;
          break;

        case KIND_CONFLICT:
          if (!read_conflict (b, NULL, _racimo_project_get_conflicts (b->project), foreign,
                              child))
            return FALSE;
          break;

        case KIND_NAME:
        case KIND_PERSON:
        case KIND_MEMBER:
        case KIND_NOTE:
        case KIND_ASSIGN:
        case KIND_WAIVER:
        case KIND_ACTIVITY:
        default:
          g_assert_not_reached ();
        }

      anchor = child;
    }

  keep_outside (b, root, TRUE, anchor);

  if (!has_title
      && !repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, root, NULL, _("gave it an empty title"),
                            _("the project has no title")))
    return FALSE;

  for (guint i = 0; i < phases->len; i++)
    if (!read_list (b, g_ptr_array_index (phases, i), "phase"))
      return FALSE;

  return finish_people (b);
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

/* With @repairs non-NULL, rule breaks are repaired and recorded there. */
static RacimoProject *
build (xmlDoc                *doc,
       const char            *name,
       const RacimoXmlShape  *shape,
       RacimoRepairs         *repairs,
       GError               **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GPtrArray) person_texts = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GHashTable) waived_checks = NULL;
  const char *version;
  guint major, minor;
  gboolean ok;
  Builder b;

  if (root == NULL)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_MALFORMED, name, 0, 0, _("the file is empty"));
      return NULL;
    }

  if (!is_named (root, "raci-project"))
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_NOT_RACI, name, _racimo_xml_line_of (root), 0,
                 _("the file is not a Racimo project: the root element is <%s>"), root->name);
      return NULL;
    }

  if (!is_ours (root))
    {
      if (root->ns == NULL)
        _racimo_xml_set_error (error, RACIMO_FILE_ERROR_NOT_RACI, name, _racimo_xml_line_of (root), 0,
                   _("the file is not a Racimo project: <raci-project> is not in the "
                     "namespace \"%s\""), RACIMO_FILE_NAMESPACE);
      else
        {
          g_autofree char *shown = _racimo_xml_excerpt ((const char *) root->ns->href);

          _racimo_xml_set_error (error, RACIMO_FILE_ERROR_NOT_RACI, name, _racimo_xml_line_of (root), 0,
                     _("the file is not a Racimo project: <raci-project> is in the namespace "
                       "\"%s\" instead of \"%s\""), shown, RACIMO_FILE_NAMESPACE);
        }
      return NULL;
    }

  version = attribute (root, "version");
  if (version == NULL && repairs == NULL)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_INVALID, name, _racimo_xml_line_of (root), 0,
                 _("the file does not say which version of the format it follows"));
      return NULL;
    }
  else if (version == NULL)
    {
      racimo_repairs_add (repairs, (guint) _racimo_xml_line_of (root), NULL,
                          _("the file does not say which version of the format it follows"),
                          _("read it as version 1.0"));
      version = "1.0";
    }

  if (!parse_version (version, &major, &minor) || major == 0)
    {
      g_autofree char *shown = _racimo_xml_excerpt (version);

      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_INVALID, name, _racimo_xml_line_of (root), 0,
                 _("\"%s\" is not a format version; Racimo writes version=\"1.0\""), shown);
      return NULL;
    }

  if (major > RACIMO_FILE_VERSION_MAJOR)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_NEWER_MAJOR, name, 0, 0,
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
  people = g_hash_table_new (g_str_hash, g_str_equal);
  person_texts = g_ptr_array_new_with_free_func (person_text_free);
  members = g_ptr_array_new_with_free_func (g_free);
  waived_checks = g_hash_table_new (g_str_hash, g_str_equal);

  b.strict = minor <= RACIMO_FILE_VERSION_MINOR;
  b.minor = minor;
  b.people = people;
  b.person_texts = person_texts;
  b.members = members;
  b.project = project;
  b.name = name;
  b.doc = doc;
  b.ids = ids;
  b.roles = roles;
  b.waived_item = NULL;
  b.waived_checks = waived_checks;
  b.buffer = buffer;
  b.error = error;
  b.repairs = repairs;
  b.item = NULL;
  b.doomed_nodes = repairs != NULL ? g_ptr_array_new () : NULL;
  b.doomed_attributes = repairs != NULL ? g_ptr_array_new () : NULL;
  b.made_ids = g_ptr_array_new_with_free_func (g_free);

  if (minor > RACIMO_FILE_VERSION_MINOR)
    _racimo_project_set_version_minor (project, minor);

  ok = read_project (&b, root);
  bury_doomed (&b);
  g_clear_pointer (&b.doomed_nodes, g_ptr_array_unref);
  g_clear_pointer (&b.doomed_attributes, g_ptr_array_unref);
  g_clear_pointer (&b.made_ids, g_ptr_array_unref);
  if (!ok)
    return NULL;

  /* The schema after the builder, whose checks cover all but odd corners
   * of the schema and say what is wrong in plainer words than libxml2's
   * validator.  It also means that every id reference is known to be good
   * here: libxml2 2.9 prints the errors of that check on standard error
   * whatever the handler. */
  if (b.strict && repairs == NULL && _racimo_xml_is_shape_for_schema (shape))
    {
      RacimoXmlFirstError invalid = { 0 };

      if (!_racimo_xml_validate (doc, &invalid))
        {
          _racimo_xml_set_error (error, RACIMO_FILE_ERROR_INVALID, name, invalid.line, 0,
                     _("the file does not follow the Racimo format here (%s)"),
                     invalid.message);
          _racimo_xml_first_error_clear (&invalid);
          return NULL;
        }
    }

  return g_steal_pointer (&project);
}

RacimoProject *
racimo_file_load_bytes (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  xmlDoc *doc;
  RacimoProject *project;
  RacimoXmlShape shape = { 0, 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _racimo_xml_read (bytes, display_name, &shape, error);
  if (doc == NULL)
    return NULL;

  project = build (doc, display_name, &shape, NULL, error);
  _racimo_xml_release_doc (doc, g_bytes_get_size (bytes));

  return project;
}

/* Reads @file and builds it, strictly or (@repair) repaired. */
static RacimoProject *
read_and_build (GFile          *file,
                char          **etag,
                gboolean        repair,
                RacimoRepairs **repairs,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *read_etag = NULL;
  g_autofree char *name = NULL;
  RacimoProject *project;

  bytes = _racimo_file_read (file, &read_etag, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  if (repair)
    project = racimo_file_repair_bytes (bytes, name, repairs, error);
  else
    project = racimo_file_load_bytes (bytes, name, error);

  if (project != NULL && etag != NULL)
    *etag = g_steal_pointer (&read_etag);

  return project;
}

/**
 * racimo_file_error_may_repair:
 * @error: an error of racimo_file_load () or its kin
 *
 * Whether @error refuses a rule of the format rather than a safety gate,
 * so that racimo_file_repair () may open the file: only an attempt tells
 * for sure (a version that is no version is refused either way).
 */
gboolean
racimo_file_error_may_repair (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return error->domain == RACIMO_FILE_ERROR
         && (error->code == RACIMO_FILE_ERROR_INVALID
             || error->code == RACIMO_FILE_ERROR_DUPLICATE_ID
             || error->code == RACIMO_FILE_ERROR_UNKNOWN_ROLE
             || error->code == RACIMO_FILE_ERROR_BAD_CODE);
}

/**
 * racimo_file_repair_bytes:
 * @repairs: (out) (optional): what was repaired, in the order of the file
 *
 * Builds a project from a file that breaks rules of the format, as
 * docs/file-format.md, "Repairing a file", says: the file must pass every
 * safety gate, as for racimo_file_load_bytes (); each rule break after
 * them is repaired and recorded instead of refused.  The project saves
 * into a file that racimo_file_load_bytes () reads; when it would not,
 * the file is refused as racimo_file_load_bytes () refuses it.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
RacimoProject *
racimo_file_repair_bytes (GBytes         *bytes,
                          const char     *display_name,
                          RacimoRepairs **repairs,
                          GError        **error)
{
  g_autoptr(RacimoRepairs) made = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoProject) reread = NULL;
  g_autoptr(GBytes) saved = NULL;
  RacimoXmlShape shape = { 0, 0 };
  xmlDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _racimo_xml_read (bytes, display_name, &shape, error);
  if (doc == NULL)
    return NULL;

  made = racimo_repairs_new ();
  project = build (doc, display_name, &shape, made, error);
  _racimo_xml_release_doc (doc, g_bytes_get_size (bytes));
  if (project == NULL)
    return NULL;

  /* What the builder does not check, the schema does: a repair that the
   * schema would still refuse is no repair. */
  saved = racimo_file_serialize (project);
  reread = racimo_file_load_bytes (saved, display_name, NULL);
  if (reread == NULL)
    {
      RacimoProject *strict = racimo_file_load_bytes (bytes, display_name, error);

      if (strict == NULL)
        return NULL;

      /* The file itself was fine, its repaired copy not: say so. */
      g_object_unref (strict);
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_INVALID, display_name, 0, 0,
                             _("Racimo could not repair the file"));
      return NULL;
    }

  if (repairs != NULL)
    *repairs = g_steal_pointer (&made);

  return g_steal_pointer (&project);
}

/**
 * racimo_file_repair:
 * @repairs: (out) (optional): what was repaired
 *
 * Reads @file as racimo_file_repair_bytes () builds it; blocks.
 *
 * Returns: (transfer full): the project
 */
RacimoProject *
racimo_file_repair (GFile          *file,
                    RacimoRepairs **repairs,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_and_build (file, NULL, TRUE, repairs, cancellable, error);
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
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_and_build (file, etag, FALSE, NULL, cancellable, error);
}

typedef struct
{
  GFile         *file;
  RacimoProject *project;
  char          *etag;
  gboolean       repair;
  RacimoRepairs *repairs;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->file);
  g_clear_object (&load->project);
  g_free (load->etag);
  g_clear_pointer (&load->repairs, racimo_repairs_unref);
  g_free (load);
}

static gboolean
load_in_thread (gpointer       source_object,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadData *load = data;

  load->project = read_and_build (load->file, &load->etag, load->repair, &load->repairs,
                                  cancellable, error);

  return load->project != NULL;
}

static void
start_load (GFile               *file,
            gboolean             repair,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  LoadData *load = g_new0 (LoadData, 1);

  load->file = g_object_ref (file);
  load->repair = repair;
  _racimo_task_run_in_thread (NULL, source_tag, load_in_thread, load, load_data_free,
                              cancellable, callback, user_data);
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
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (file, FALSE, racimo_file_load_async, cancellable, callback, user_data);
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
  LoadData *load = _racimo_task_finish (result, racimo_file_load_async, error);

  if (load == NULL)
    return NULL;

  if (etag != NULL)
    *etag = g_steal_pointer (&load->etag);

  return g_steal_pointer (&load->project);
}

/**
 * racimo_file_repair_async:
 *
 * Reads and repairs the project in a thread, as racimo_file_repair ().
 */
void
racimo_file_repair_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (file, TRUE, racimo_file_repair_async, cancellable, callback, user_data);
}

/**
 * racimo_file_repair_finish:
 * @repairs: (out) (optional): what was repaired
 *
 * Returns: (transfer full): the project
 */
RacimoProject *
racimo_file_repair_finish (GAsyncResult   *result,
                           RacimoRepairs **repairs,
                           GError        **error)
{
  LoadData *load = _racimo_task_finish (result, racimo_file_repair_async, error);

  if (load == NULL)
    return NULL;

  if (repairs != NULL)
    *repairs = g_steal_pointer (&load->repairs);

  return g_steal_pointer (&load->project);
}
