/* racimo-reader-people.c: reading the elements of version 1.1: people, members,
 * notes and conflicts (docs/file-format.md, "Version 1.1")
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

/* Version 1.1: people, members, notes and conflicts (docs/file-format.md,
 * "Version 1.1"). */

typedef struct
{
  RacimoRole *role;
  char       *name;
  guint       line;
} PersonText;

void
_racimo_reader_person_text_free (gpointer data)
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

char *
_racimo_reader_key_of_1_1 (xmlNode *node)
{
  if (_racimo_reader_is_named (node, "person") && _racimo_reader_attribute (node, "id") != NULL)
    return g_strconcat ("person ", _racimo_reader_attribute (node, "id"), NULL);

  if (_racimo_reader_is_named (node, "member"))
    return g_strconcat ("member ", _racimo_reader_attribute (node, "person"), NULL);

  if (_racimo_reader_is_named (node, "note"))
    return g_strconcat ("note ", _racimo_reader_attribute (node, "role"), NULL);

  if (_racimo_reader_is_named (node, "conflict"))
    return g_strdup_printf ("conflict %s %s", _racimo_reader_attribute (node, "role") ?: "",
                            _racimo_reader_attribute (node, "field") ?: "");

  return NULL;
}

/* A 1.0 person text is one member of that name; the people are made once
 * every id of the file is known, so that theirs take no id of the file. */
void
_racimo_reader_keep_person_text (Builder    *b,
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
  if (!_racimo_reader_keep_attributes (b, foreign, key, node, known))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!_racimo_reader_keep_other (b, foreign, key, NULL, node, child))
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

      return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node,
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

gboolean
_racimo_reader_read_member (Builder    *b,
                            RacimoRole *role,
                            GPtrArray  *foreign,
                            xmlNode    *node)
{
  const char *person_id = _racimo_reader_attribute (node, "person");
  g_autofree char *key = NULL;
  static const char * const attributes[] = { "person", NULL };

  if (person_id == NULL)
    return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node,
                                            racimo_item_get_id (RACIMO_ITEM (role)),
                                            _("left the member out"),
                                            _("a member of the role “%s” does not say which person it is"),
                                            name_or_id (RACIMO_ITEM (role)));

  key = _racimo_reader_key_of (node);
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

gboolean
_racimo_reader_read_note (Builder        *b,
                          RacimoActivity *activity,
                          GPtrArray      *foreign,
                          xmlNode        *node)
{
  const char *role_id = _racimo_reader_attribute (node, "role");
  const char *activity_id = racimo_item_get_id (RACIMO_ITEM (activity));
  const char *activity_name = name_or_id (RACIMO_ITEM (activity));
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  RacimoRole *role;
  static const char * const attributes[] = { "role", NULL };

  if (role_id == NULL)
    return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, activity_id,
                                            _("left the note out"),
                                            _("a note of the activity “%s” does not say which role’s cell it is "
                                              "on"), activity_name);

  role = g_hash_table_lookup (b->roles, role_id);
  if (role == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_UNKNOWN_ROLE, node, activity_id,
                                              _("left the note out"),
                                              _("a note of the activity “%s” names the role “%s”, which the "
                                                "file does not list"), activity_name, shown);
    }

  if (racimo_activity_get_note (activity, role) != NULL)
    return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, activity_id,
                                            _("kept the first note and left this one out"),
                                            _("the cell of the role “%s” in the activity “%s” has a second note, "
                                              "and a cell has at most one"),
                                            name_or_id (RACIMO_ITEM (role)), activity_name);

  key = _racimo_reader_key_of (node);
  text = _racimo_reader_read_text (b, foreign, key, node, attributes);
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
gboolean
_racimo_reader_read_conflict (Builder    *b,
                              RacimoItem *item,
                              GPtrArray  *conflicts,
                              GPtrArray  *foreign,
                              xmlNode    *node)
{
  const char *role_id = _racimo_reader_attribute (node, "role");
  const char *field = _racimo_reader_attribute (node, "field");
  const char *item_id = item != NULL ? racimo_item_get_id (item) : NULL;
  g_autofree char *key = NULL;
  RacimoConflict *conflict;
  static const char * const attributes[] = {
    "role", "field", "base", "ours", "theirs", NULL
  };

  if (role_id == NULL && field == NULL)
    return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, item_id,
                                            _("left the conflict out"),
                                            _("a merge conflict does not say what it is about (a role or a "
                                              "field)"));

  if (role_id != NULL && !g_hash_table_contains (b->roles, role_id))
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);

      return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_UNKNOWN_ROLE, node, item_id,
                                              _("left the conflict out"),
                                              _("a merge conflict names the role “%s”, which the file does not "
                                                "list"), shown);
    }

  if (b->strict && field != NULL && !_racimo_reader_is_known (field, conflict_fields))
    {
      g_autofree char *shown = _racimo_xml_excerpt (field);
      g_autofree char *fields = g_strjoinv (", ", (char **) conflict_fields);

      return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, item_id,
                                              _("left the conflict out"),
                                              _("a merge conflict is about “%s”, which is not a field; the "
                                                "fields are %s"), shown, fields);
    }

  key = _racimo_reader_key_of (node);
  if (!keep_inside (b, foreign, key, node, attributes))
    return FALSE;

  conflict = g_new0 (RacimoConflict, 1);
  conflict->role = g_strdup (role_id);
  conflict->field = g_strdup (field);
  conflict->base = g_strdup (_racimo_reader_attribute (node, "base") ?: "");
  conflict->ours = g_strdup (_racimo_reader_attribute (node, "ours") ?: "");
  conflict->theirs = g_strdup (_racimo_reader_attribute (node, "theirs") ?: "");
  g_ptr_array_add (conflicts, conflict);

  return TRUE;
}

/* After the whole file: members of people listed after their role (newer
 * minor versions), and the people of 1.0 person texts, one per name. */
gboolean
_racimo_reader_finish_people (Builder *b)
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
