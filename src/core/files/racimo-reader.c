/* racimo-reader.c: loading .raci files (docs/file-format.md)
 *
 * In repair mode (racimo_file_repair ()), each rule break that the
 * builder would refuse is repaired and recorded instead, at the place that
 * refuses it (_racimo_reader_repair_or_refuse ()); the safety gates are not relaxed.
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
#include "racimo-reader-private.h"
#include "racimo-xml-gate-private.h"

gboolean
_racimo_reader_is_ours (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE
         && node->ns != NULL
         && strcmp ((const char *) node->ns->href, RACIMO_FILE_NAMESPACE) == 0;
}

gboolean
_racimo_reader_is_named (xmlNode    *node,
                         const char *name)
{
  return strcmp ((const char *) node->name, name) == 0;
}

/* The value of our attribute @name, owned by the tree, or NULL.  Without a
 * DTD, libxml2 holds a value as one text node. */
const char *
_racimo_reader_attribute (xmlNode    *node,
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

gboolean
_racimo_reader_repair_or_refuse (Builder         *b,
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
 * out whole holds no rule break.  Removed later, by _racimo_reader_bury_doomed (): the
 * builder may still be walking their siblings. */
void
_racimo_reader_doom_node (Builder *b,
                          xmlNode *node)
{
  g_ptr_array_add (b->doomed_nodes, node);
}

void
_racimo_reader_doom_attribute (Builder *b,
                               xmlAttr *attr)
{
  g_ptr_array_add (b->doomed_attributes, attr);
}

void
_racimo_reader_bury_doomed (Builder *b)
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
const char *
_racimo_reader_describe_element (xmlNode *node)
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
    if (_racimo_reader_is_named (node, words[i].element))
      return _(words[i].words);

  return (const char *) node->name;
}

static const char * const no_attributes[] = { NULL };

/* The text of a Racimo element that holds text, as it is: line breaks and
 * white space included.  Foreign content inside, and attributes other than
 * @known, are kept under @key. */
char *
_racimo_reader_read_text (Builder            *b,
                          GPtrArray          *foreign,
                          const char         *key,
                          xmlNode            *node,
                          const char * const *known)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!_racimo_reader_keep_attributes (b, foreign, key, node, known))
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint n_kept = foreign->len;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            g_string_append (text, (const char *) child->content);
        }
      else if (!_racimo_reader_keep_other (b, foreign, key, NULL, node, child))
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
  gboolean is_list = _racimo_reader_is_named (node, "roles") || _racimo_reader_is_named (node, "phases");

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

  if (!_racimo_reader_is_ours (node))
    return NULL;

  for (guint i = 0; i < n_children; i++)
    if (children[i].since <= b->minor && _racimo_reader_is_named (node, children[i].name))
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
      gboolean is_list = _racimo_reader_is_named (node, "roles") || _racimo_reader_is_named (node, "phases");

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL,
                                            is_list ? _("read it after the first one")
                                                    : _("kept the first one and removed this one"),
                                            /* Translators: %s is "the title", "a name"... */
                                            _("%s appears a second time (the first is on line %ld)"),
                                            _racimo_reader_describe_element (node), _racimo_xml_line_of (order->first[rank])))
        return FALSE;
      if (!is_list)
        {
          _racimo_reader_doom_node (b, node);
          *skip = TRUE;
          return TRUE;
        }
    }

  if (b->strict && order->last != NULL && rank < order->rank)
    {
      g_autofree char *before = g_strdup (_racimo_reader_describe_element (order->last));

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, _("put it in its place"),
                                            /* Translators: both %s are "the title", "a name"... */
                                            _("%s is out of order: it goes before %s"),
                                            _racimo_reader_describe_element (node), before))
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

/* What @child of @parent is among @children, in the order they come. One
 * the format does not know, or a second of a kind that comes once, is kept
 * as it is, after @anchor (a second one after the first: its key is the
 * same, so it is written after it and stays the second); one a repair
 * removed is passed over: both leave *@known %NULL. */
static gboolean
read_child_kind (Builder      *b,
                 const Child  *children,
                 guint         n_children,
                 Order        *order,
                 GPtrArray    *foreign,
                 xmlNode      *anchor,
                 xmlNode      *parent,
                 xmlNode      *child,
                 const Child **known)
{
  guint rank = 0;
  gboolean repeated, skip;

  *known = find_child (b, children, n_children, order, child, &rank, &repeated);
  if (*known == NULL)
    return _racimo_reader_keep_other (b, foreign, NULL, repeated ? child : anchor, parent, child);

  if (!check_order (b, order, children, child, rank, &skip))
    return FALSE;
  if (skip)
    *known = NULL;

  return TRUE;
}

/* A new id for a repaired item, made from @from as for a new item, that
 * nothing in the file uses so far; owned by the builder. */
const char *
_racimo_reader_make_repair_id (Builder    *b,
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
    if (_racimo_reader_is_ours (child) && _racimo_reader_is_named (child, "name"))
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
  const char *id = _racimo_reader_attribute (node, "id");
  gpointer first_line;

  if (id == NULL)
    {
      g_autofree char *name = name_text (node);
      const char *made = b->repairs != NULL
                         ? _racimo_reader_make_repair_id (b, name != NULL && *name != '\0'
                                                               ? name : (const char *) node->name)
                         : NULL;
      g_autofree char *action = id_action (made);

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, made, action,
                                            /* Translators: %s is "a role", "a phase" or "an activity" */
                                            _("%s has no id"), _racimo_reader_describe_element (node)))
        return FALSE;
      id = made;
    }
  else if (xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    {
      g_autofree char *shown = _racimo_xml_excerpt (id);
      const char *made = b->repairs != NULL ? _racimo_reader_make_repair_id (b, id) : NULL;
      g_autofree char *action = id_action (made);

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, made, action,
                                            _("“%s” is not an id: an id is made of letters, digits, “-”, “_” and "
                                              "“.”, and starts with a letter or “_”"), shown))
        return FALSE;
      id = made;
    }
  else if (g_hash_table_lookup_extended (b->ids, id, NULL, &first_line))
    {
      g_autofree char *shown = _racimo_xml_excerpt (id);
      const char *made = b->repairs != NULL ? _racimo_reader_make_repair_id (b, id) : NULL;
      g_autofree char *action = id_action (made);

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_DUPLICATE_ID, node, made, action,
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

static gboolean
set_text (Builder    *b,
          RacimoItem *item,
          GPtrArray  *foreign,
          xmlNode    *node,
          Kind        kind)
{
  g_autofree char *text = _racimo_reader_read_text (b, foreign, (const char *) node->name, node,
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
      _racimo_reader_keep_person_text (b, RACIMO_ROLE (item), node, text);
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
      const Child *known;
      gboolean kept = FALSE;

      if (!read_child_kind (b, children, n_children, &order, foreign, anchor, node, child,
                            &known))
        return FALSE;
      if (known == NULL)
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
          if (!_racimo_reader_read_assign (b, RACIMO_ACTIVITY (item), foreign, child))
            return FALSE;
          break;

        case KIND_WAIVER:
          if (!_racimo_reader_read_waiver (b, item, foreign, child, &kept))
            return FALSE;
          break;

        case KIND_ACTIVITY:
          if (!read_activity (b, RACIMO_PHASE (item), child))
            return FALSE;
          break;

        case KIND_MEMBER:
          if (!_racimo_reader_read_member (b, RACIMO_ROLE (item), foreign, child))
            return FALSE;
          break;

        case KIND_NOTE:
          if (!_racimo_reader_read_note (b, RACIMO_ACTIVITY (item), foreign, child))
            return FALSE;
          break;

        case KIND_CONFLICT:
          if (!_racimo_reader_read_conflict (b, item, _racimo_item_get_conflicts (item), foreign, child))
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

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, id, _("gave it an empty name"),
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

  applicable = _racimo_reader_attribute (node, "applicable");
  if (applicable != NULL && strcmp (applicable, "no") == 0)
    _racimo_activity_set_applicable (activity, FALSE);
  else if (applicable != NULL && strcmp (applicable, "yes") != 0)
    {
      g_autofree char *shown = _racimo_xml_excerpt (applicable);
      gboolean no = g_ascii_strcasecmp (applicable, "no") == 0
                    || g_ascii_strcasecmp (applicable, "false") == 0
                    || strcmp (applicable, "0") == 0;

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
                                            no ? _("took it as not applying") : _("took it as applying"),
                                            _("“%s” does not say whether the activity applies: it is “yes” or "
                                              "“no”"), shown))
        return FALSE;
      _racimo_activity_set_applicable (activity, !no);
    }

  if (!_racimo_reader_keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
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

  return _racimo_reader_keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
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

  abbrev = _racimo_reader_attribute (node, "abbrev");
  if (abbrev != NULL && g_utf8_strlen (abbrev, -1) > 8)
    {
      g_autofree char *shown = _racimo_xml_excerpt (abbrev);
      g_autofree char *shortened = g_utf8_substring (abbrev, 0, 8);
      g_autofree char *action = g_strdup_printf (_("shortened it to “%s”"), shortened);

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item), action,
                                            _("the abbreviation “%s” is longer than 8 characters"), shown))
        return FALSE;
      _racimo_role_set_abbrev (role, shortened);
    }
  else
    _racimo_role_set_abbrev (role, abbrev);

  if (!_racimo_reader_keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
      || !read_item_content (b, item, node, children, G_N_ELEMENTS (children)))
    return FALSE;

  if (!_racimo_project_append_role (b->project, role))
    g_return_val_if_reached (FALSE);

  /* The key is the role's own copy of its id, kept while the project holds
   * the role. */
  g_hash_table_insert (b->roles, (gpointer) racimo_item_get_id (item), role);

  /* A repaired id: cells still name the role as the file did. */
  if (_racimo_reader_attribute (node, "id") != NULL && !g_hash_table_contains (b->roles, _racimo_reader_attribute (node, "id")))
    g_hash_table_insert (b->roles, (gpointer) _racimo_reader_attribute (node, "id"), role);

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

  _racimo_person_set_email (person, _racimo_reader_attribute (node, "email"));

  if (!_racimo_reader_keep_attributes (b, _racimo_item_get_foreign (item), NULL, node, attributes)
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

  if (!_racimo_reader_keep_attributes (b, foreign, key, node, no_attributes))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!_racimo_reader_is_ours (child) || !_racimo_reader_is_named (child, item_name))
        {
          if (!_racimo_reader_keep_other (b, foreign, key, anchor, node, child))
            return FALSE;
          continue;
        }

      if (_racimo_reader_is_named (child, "role") ? !read_role (b, child)
          : _racimo_reader_is_named (child, "person") ? !read_person (b, child)
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
  g_autofree char *text = _racimo_reader_read_text (b, foreign, "scheme", node, no_attributes);

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

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, NULL, action,
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
      _racimo_reader_keep_node (b, foreign, NULL, anchor, node);
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

  if (!_racimo_reader_keep_attributes (b, foreign, NULL, root, attributes))
    return FALSE;

  keep_outside (b, root, FALSE, NULL);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      const Child *known;
      g_autofree char *text = NULL;

      if (!read_child_kind (b, children, G_N_ELEMENTS (children), &order, foreign, anchor, root,
                            child, &known))
        return FALSE;
      if (known == NULL)
        continue;

      switch (known->kind)
        {
        case KIND_TITLE:
        case KIND_DESCRIPTION:
          text = _racimo_reader_read_text (b, foreign, known->name, child, no_attributes);
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
          if (!_racimo_reader_read_conflict (b, NULL, _racimo_project_get_conflicts (b->project), foreign,
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
      && !_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, root, NULL, _("gave it an empty title"),
                                           _("the project has no title")))
    return FALSE;

  for (guint i = 0; i < phases->len; i++)
    if (!read_list (b, g_ptr_array_index (phases, i), "phase"))
      return FALSE;

  return _racimo_reader_finish_people (b);
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
RacimoProject *
_racimo_reader_build (xmlDoc                *doc,
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

  if (!_racimo_reader_is_named (root, "raci-project"))
    {
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_NOT_RACI, name, _racimo_xml_line_of (root), 0,
                 _("the file is not a Racimo project: the root element is <%s>"), root->name);
      return NULL;
    }

  if (!_racimo_reader_is_ours (root))
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

  version = _racimo_reader_attribute (root, "version");
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
  person_texts = g_ptr_array_new_with_free_func (_racimo_reader_person_text_free);
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
  _racimo_reader_bury_doomed (&b);
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

      if (!_racimo_xml_validate (doc, shape, &invalid))
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
