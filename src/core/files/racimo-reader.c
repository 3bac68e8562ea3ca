/* racimo-reader.c: loading .raci files (docs/file-format.md)
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
#include "racimo-task-private.h"
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

          _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (child), 0,
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
                  || _racimo_xml_is_blank ((const char *) node->content,
                               strlen ((const char *) node->content))))
    return TRUE;

  if (b->strict && is_text)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 _("<%s> holds text where only elements belong"), container->name);
      return FALSE;
    }

  if (b->strict && is_ours (node))
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
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
          g_autofree char *shown = _racimo_xml_excerpt (qname);

          _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
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

static gboolean
check_order (Builder     *b,
             Order       *order,
             const Child *children,
             xmlNode     *node,
             guint        rank)
{
  if (b->strict && order->first[rank] != NULL && !children[rank].repeats)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 _("there is a second <%s> (the first is on line %ld)"),
                 node->name, _racimo_xml_line_of (order->first[rank]));
      return FALSE;
    }

  if (b->strict && order->last != NULL && rank < order->rank)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
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
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 /* Translators: %s is "role", "phase" or "activity", an element name */
                 _("a <%s> has no id"), node->name);
      return FALSE;
    }

  if (xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    {
      g_autofree char *shown = _racimo_xml_excerpt (id);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 _("\"%s\" is not an id: an id is made of letters, digits, \"-\", \"_\" and "
                   "\".\", and starts with a letter or \"_\""), shown);
      return FALSE;
    }

  if (g_hash_table_lookup_extended (b->ids, id, NULL, &first_line))
    {
      g_autofree char *shown = _racimo_xml_excerpt (id);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_DUPLICATE_ID, b->name, _racimo_xml_line_of (node), 0,
                 _("the id \"%s\" is used twice (first on line %u)"),
                 shown, GPOINTER_TO_UINT (first_line));
      return FALSE;
    }

  g_hash_table_insert (b->ids, (gpointer) id, GUINT_TO_POINTER ((guint) _racimo_xml_line_of (node)));

  _racimo_item_set_id (item, id);
  _racimo_item_set_line (item, (guint) _racimo_xml_line_of (node));

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

  if (check == NULL)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 _("<waiver> has no check attribute"));
      return FALSE;
    }

  if (b->strict && (!racimo_check_from_id (check, &known)
                    || racimo_check_get_since_minor (known) > b->minor))
    {
      g_autofree char *ids = list_check_ids (b->minor);
      g_autofree char *shown = _racimo_xml_excerpt (check);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
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
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 _("<assign> has no role attribute"));
      return FALSE;
    }

  if (code == NULL)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 _("<assign> has no code attribute"));
      return FALSE;
    }

  if (code[0] == '\0')
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_BAD_CODE, b->name, _racimo_xml_line_of (node), 0,
                 _("<assign> has an empty code: a code is one upper-case letter"));
      return FALSE;
    }

  if (!RACIMO_CODE_IS_VALID (code[0]) || code[1] != '\0')
    {
      g_autofree char *shown = _racimo_xml_excerpt (code);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_BAD_CODE, b->name, _racimo_xml_line_of (node), 0,
                 _("\"%s\" is not a code: a code is one upper-case letter"), shown);
      return FALSE;
    }

  role = g_hash_table_lookup (b->roles, role_id);
  if (role == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_UNKNOWN_ROLE, b->name, _racimo_xml_line_of (node), 0,
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
  guint       line;
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

static gboolean
add_member (Builder    *b,
            RacimoRole *role,
            const char *person_id,
            guint       line)
{
  RacimoPerson *person = g_hash_table_lookup (b->people, person_id);

  if (person == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (person_id);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, line, 0,
                             _("<member> names the person \"%s\", which is not in <people>"),
                             shown);
      return FALSE;
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
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                             _("<member> has no person attribute"));
      return FALSE;
    }

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
      pending->line = (guint) _racimo_xml_line_of (node);
      g_ptr_array_add (b->members, pending);
      return TRUE;
    }

  return add_member (b, role, person_id, (guint) _racimo_xml_line_of (node));
}

static gboolean
read_note (Builder        *b,
           RacimoActivity *activity,
           GPtrArray      *foreign,
           xmlNode        *node)
{
  const char *role_id = attribute (node, "role");
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  RacimoRole *role;
  static const char * const attributes[] = { "role", NULL };

  if (role_id == NULL)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                             _("<note> has no role attribute"));
      return FALSE;
    }

  role = g_hash_table_lookup (b->roles, role_id);
  if (role == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_UNKNOWN_ROLE, b->name, _racimo_xml_line_of (node), 0,
                             _("<note> names the role \"%s\", which is not in <roles>"), shown);
      return FALSE;
    }

  if (racimo_activity_get_note (activity, role) != NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                             _("a second <note> on the cell of the role \"%s\": a cell has at "
                               "most one note"), shown);
      return FALSE;
    }

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

static gboolean
read_conflict (Builder   *b,
               GPtrArray *conflicts,
               GPtrArray *foreign,
               xmlNode   *node)
{
  const char *role_id = attribute (node, "role");
  const char *field = attribute (node, "field");
  g_autofree char *key = NULL;
  RacimoConflict *conflict;
  static const char * const attributes[] = {
    "role", "field", "base", "ours", "theirs", NULL
  };

  if (role_id == NULL && field == NULL)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                             _("<conflict> has neither a role nor a field attribute"));
      return FALSE;
    }

  if (role_id != NULL && !g_hash_table_contains (b->roles, role_id))
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_UNKNOWN_ROLE, b->name, _racimo_xml_line_of (node), 0,
                             _("<conflict> names the role \"%s\", which is not in <roles>"),
                             shown);
      return FALSE;
    }

  if (b->strict && field != NULL && !is_known (field, conflict_fields))
    {
      g_autofree char *shown = _racimo_xml_excerpt (field);
      g_autofree char *fields = g_strjoinv (", ", (char **) conflict_fields);

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                             _("field=\"%s\" is not allowed: it is one of %s"), shown, fields);
      return FALSE;
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

      if (!add_member (b, pending->role, pending->person_id, pending->line))
        return FALSE;

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

        case KIND_MEMBER:
          if (!read_member (b, RACIMO_ROLE (item), foreign, child))
            return FALSE;
          break;

        case KIND_NOTE:
          if (!read_note (b, RACIMO_ACTIVITY (item), foreign, child))
            return FALSE;
          break;

        case KIND_CONFLICT:
          if (!read_conflict (b, _racimo_item_get_conflicts (item), foreign, child))
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
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
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

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
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

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
                 _("the abbreviation \"%s\" is longer than 8 characters"), shown);
      return FALSE;
    }
  _racimo_role_set_abbrev (role, abbrev);

  if (!keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
      || !read_item_content (b, item, node, children, G_N_ELEMENTS (children)))
    return FALSE;

  if (!_racimo_project_append_role (b->project, role))
    g_return_val_if_reached (FALSE);

  /* The key is the role's own copy of its id, kept while the project holds
   * the role. */
  g_hash_table_insert (b->roles, (gpointer) racimo_item_get_id (item), role);

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

      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (node), 0,
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

        case KIND_PEOPLE:
          if (!read_people (b, child))
            return FALSE;
          break;

        case KIND_CONFLICT:
          if (!read_conflict (b, _racimo_project_get_conflicts (b->project), foreign, child))
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

  if (!has_title)
    {
      _racimo_xml_set_error (b->error, RACIMO_FILE_ERROR_INVALID, b->name, _racimo_xml_line_of (root), 0,
                 _("the project has no <title>"));
      return FALSE;
    }

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

static RacimoProject *
build (xmlDoc                *doc,
       const char            *name,
       const RacimoXmlShape  *shape,
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
  if (version == NULL)
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_INVALID, name, _racimo_xml_line_of (root), 0,
                 _("<raci-project> has no version attribute"));
      return NULL;
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

  if (minor > RACIMO_FILE_VERSION_MINOR)
    _racimo_project_set_version_minor (project, minor);

  if (!read_project (&b, root))
    return NULL;

  /* The schema after the builder, whose checks cover all but odd corners
   * of the schema and say what is wrong in plainer words than libxml2's
   * validator.  It also means that every id reference is known to be good
   * here: libxml2 2.9 prints the errors of that check on standard error
   * whatever the handler. */
  if (b.strict && _racimo_xml_is_shape_for_schema (shape))
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

  project = build (doc, display_name, &shape, error);
  _racimo_xml_release_doc (doc, g_bytes_get_size (bytes));

  return project;
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
  GFile         *file;
  RacimoProject *project;
  char          *etag;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->file);
  g_clear_object (&load->project);
  g_free (load->etag);
  g_free (load);
}

static gboolean
load_in_thread (gpointer       source_object,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadData *load = data;

  load->project = racimo_file_load (load->file, &load->etag, cancellable, error);

  return load->project != NULL;
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
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  _racimo_task_run_in_thread (NULL, racimo_file_load_async, load_in_thread, load, load_data_free,
                              cancellable, callback, user_data);
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
