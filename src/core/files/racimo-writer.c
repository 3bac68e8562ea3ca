/* racimo-writer.c: saving .raci files in canonical form (docs/file-format.md, "Canonical output")
 *
 * One form only, so that saving a file unchanged gives back its bytes and
 * two colleagues' changes merge cleanly: fixed indentation and order,
 * nothing escaped but what XML requires.  Content that Racimo does not
 * understand (racimo-core-private.h) goes back where it was read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-check.h"
#include "racimo-file-private.h"
#include "racimo-foreign-private.h"
#include "racimo-model-private.h"
#include "racimo-reader.h"
#include "racimo-replace-private.h"
#include "racimo-writer.h"

typedef struct
{
  GString            *out;
  RacimoProject      *project;
  const RacimoScheme *scheme;
  GHashTable         *role_index; /* RacimoRole -> its position + 1, made when first needed */
  GArray             *cells;      /* Cell: one activity's, reused */
  gboolean            people;     /* people as <people> and <member>, not <person> texts */
} Writer;

/* A role's codes in one activity, with the role's position. */
typedef struct
{
  guint        index;
  RacimoRole  *role;
  RacimoCodes  codes;
} Cell;

/* The foreign content of one item (or of the project), and which of its
 * nodes are written already. */
typedef struct
{
  GPtrArray  *entries; /* NULL when there are none, the common case */
  gboolean   *written;
  GHashTable *places;  /* Place -> GArray of positions in entries, made when first needed */
} Foreign;

/* Where entries sit: with @anchor NULL, all the entries of @parent (its
 * attributes and its nodes); otherwise the nodes of @parent that follow
 * @anchor.  The strings are the entries'. */
typedef struct
{
  const char *parent;
  const char *anchor;
} Place;

static guint
place_hash (gconstpointer key)
{
  const Place *place = key;

  return (place->parent != NULL ? g_str_hash (place->parent) : 0) * 31
         + (place->anchor != NULL ? g_str_hash (place->anchor) : 1);
}

static gboolean
place_equal (gconstpointer a,
             gconstpointer b)
{
  const Place *place_a = a;
  const Place *place_b = b;

  return g_strcmp0 (place_a->parent, place_b->parent) == 0
         && g_strcmp0 (place_a->anchor, place_b->anchor) == 0;
}

static void
foreign_init (Foreign   *f,
              GPtrArray *entries)
{
  f->entries = entries != NULL && entries->len > 0 ? entries : NULL;
  f->written = f->entries != NULL ? g_new0 (gboolean, entries->len) : NULL;
  f->places = NULL;
}

static void
foreign_clear (Foreign *f)
{
  g_clear_pointer (&f->written, g_free);
  g_clear_pointer (&f->places, g_hash_table_unref);
  f->entries = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Foreign, foreign_clear)

static inline RacimoForeign *
foreign_at (Foreign *f,
            guint    i)
{
  return g_ptr_array_index (f->entries, i);
}

static void
foreign_add_place (Foreign    *f,
                   const char *parent,
                   const char *anchor,
                   guint       i)
{
  Place key = { parent, anchor };
  GArray *positions = g_hash_table_lookup (f->places, &key);

  if (positions == NULL)
    {
      positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (f->places, g_memdup2 (&key, sizeof key), positions);
    }
  g_array_append_val (positions, i);
}

/* The positions in f->entries, in the order the entries were read, of all
 * the entries of @parent (@anchor NULL), or of its nodes that follow
 * @anchor; NULL when there are none.  Looking through every entry each
 * time would make saving grow with the items of a list times the nodes
 * kept between them: the entries are sorted by place once. */
static GArray *
foreign_find (Foreign    *f,
              const char *parent,
              const char *anchor)
{
  Place key = { parent, anchor };

  if (f->entries == NULL)
    return NULL;

  if (f->places == NULL)
    {
      f->places = g_hash_table_new_full (place_hash, place_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
      for (guint i = 0; i < f->entries->len; i++)
        {
          RacimoForeign *entry = foreign_at (f, i);

          foreign_add_place (f, entry->parent, NULL, i);
          if (entry->qname == NULL && entry->anchor != NULL)
            foreign_add_place (f, entry->parent, entry->anchor, i);
        }
    }

  return g_hash_table_lookup (f->places, &key);
}

/* Characters that XML 1.0 does not allow in a document, even escaped: a
 * project holding one (pasted into a name) must still save to a file that
 * opens, so they are left out. */
static inline gboolean
is_forbidden (const guchar *p)
{
  if (p[0] < 0x20)
    return p[0] != '\t' && p[0] != '\n' && p[0] != '\r';

  /* U+FFFE and U+FFFF */
  return p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf);
}

/* Escapes &, < and > (and " in attribute values), and nothing else but
 * the characters that an XML reader would not read back as they are
 * written: a carriage return anywhere, and a tab or a line break in an
 * attribute value, which would come back as a line feed or a space. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *valid = NULL;
  const guchar *p;
  const guchar *run;

  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  run = p = (const guchar *) text;
  for (; *p != '\0'; p++)
    {
      const char *entity = NULL;
      guint extra = 0; /* bytes left out after *p */

      switch (*p)
        {
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '"':
          if (!attribute)
            continue;
          entity = "&quot;";
          break;
        case '\t':
          if (!attribute)
            continue;
          entity = "&#9;";
          break;
        case '\n':
          if (!attribute)
            continue;
          entity = "&#10;";
          break;
        case '\r':
          entity = "&#13;";
          break;
        default:
          if ((*p >= 0x20 && *p != 0xef) || !is_forbidden (p))
            continue;
          /* left out: a control character, or U+FFFE or U+FFFF */
          extra = *p == 0xef ? 2 : 0;
          break;
        }

      g_string_append_len (out, (const char *) run, p - run);
      if (entity != NULL)
        g_string_append (out, entity);
      p += extra;
      run = p + 1;
    }

  g_string_append_len (out, (const char *) run, p - run);
}

static void
indent (Writer *w,
        guint   level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (w->out, "  ");
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* Foreign content */

static gboolean
has_foreign (Foreign    *f,
             const char *parent,
             gboolean    nodes_only)
{
  GArray *positions = foreign_find (f, parent, NULL);

  for (guint k = 0; positions != NULL && k < positions->len; k++)
    {
      RacimoForeign *entry = foreign_at (f, g_array_index (positions, guint, k));

      if (!nodes_only || entry->qname == NULL)
        return TRUE;
    }

  return FALSE;
}

/* The key that tells an element from the others of its name in the same
 * parent (a waiver by its check, an assign by its role and code), and
 * whether foreign nodes go inside it.  Most files have no foreign
 * content: the key is then not even made, and is %NULL. */
static char * G_GNUC_PRINTF (3, 4)
foreign_key (Foreign    *f,
             gboolean   *has_nodes,
             const char *format,
             ...)
{
  va_list args;
  char *key;

  *has_nodes = FALSE;
  if (f->entries == NULL)
    return NULL;

  va_start (args, format);
  key = g_strdup_vprintf (format, args);
  va_end (args);
  *has_nodes = has_foreign (f, key, TRUE);

  return key;
}

/* The foreign attribute @qname kept under @parent, if any. */
static RacimoForeign *
find_foreign_attribute (Foreign    *f,
                        const char *parent,
                        const char *qname)
{
  GArray *positions = foreign_find (f, parent, NULL);

  for (guint k = 0; positions != NULL && k < positions->len; k++)
    {
      RacimoForeign *entry = foreign_at (f, g_array_index (positions, guint, k));

      if (g_strcmp0 (entry->qname, qname) == 0)
        return entry;
    }

  return NULL;
}

/* Foreign attributes go after ours, in the order they were read; those
 * already written from under @written (when not %NULL) are left out, as
 * an element may have an attribute once. */
static void
write_foreign_attributes_but (Writer     *w,
                              Foreign    *f,
                              const char *parent,
                              const char *written)
{
  GArray *positions = foreign_find (f, parent, NULL);

  for (guint k = 0; positions != NULL && k < positions->len; k++)
    {
      RacimoForeign *entry = foreign_at (f, g_array_index (positions, guint, k));

      if (entry->qname == NULL
          || (written != NULL && find_foreign_attribute (f, written, entry->qname) != NULL))
        continue;

      g_string_append_c (w->out, ' ');
      g_string_append (w->out, entry->qname);
      g_string_append (w->out, "=\"");
      append_escaped (w->out, entry->value, TRUE);
      g_string_append_c (w->out, '"');
    }
}

static void
write_foreign_attributes (Writer     *w,
                          Foreign    *f,
                          const char *parent)
{
  write_foreign_attributes_but (w, f, parent, NULL);
}

/* Writes the nodes of @parent that follow @anchor, or all those not written
 * yet when @anchor is NULL.  At @level 0 they go inline, inside text;
 * otherwise each on its own line, as it was read. */
static void
write_foreign_nodes (Writer     *w,
                     Foreign    *f,
                     const char *parent,
                     const char *anchor,
                     guint       level)
{
  GArray *positions = foreign_find (f, parent, anchor);

  for (guint k = 0; positions != NULL && k < positions->len; k++)
    {
      guint i = g_array_index (positions, guint, k);
      RacimoForeign *entry = foreign_at (f, i);

      if (entry->qname != NULL || f->written[i])
        continue;

      f->written[i] = TRUE;
      if (level > 0)
        indent (w, level);
      g_string_append (w->out, entry->value);
      if (level > 0)
        g_string_append_c (w->out, '\n');
    }
}

/* Text with the foreign nodes that were read inside it, each at its
 * place ("@N": after the first N bytes of the text).  Nodes whose place
 * the text no longer has (it was edited shorter, or the place is inside
 * a character now) go at the end, as do nodes kept without a place. */
static void
write_mixed_text (Writer     *w,
                  Foreign    *f,
                  const char *key,
                  const char *text)
{
  GArray *positions = foreign_find (f, key, NULL);
  gsize length = text != NULL ? strlen (text) : 0;
  gsize done = 0;

  for (guint k = 0; positions != NULL && k < positions->len; k++)
    {
      guint i = g_array_index (positions, guint, k);
      RacimoForeign *entry = foreign_at (f, i);
      g_autofree char *before = NULL;
      guint64 offset;
      char *end;

      if (entry->qname != NULL || f->written[i]
          || entry->anchor == NULL || entry->anchor[0] != '@')
        continue;

      offset = g_ascii_strtoull (entry->anchor + 1, &end, 10);
      if (*end != '\0' || offset < done || offset > length
          || (offset < length && (text[offset] & 0xc0) == 0x80))
        continue;

      before = g_strndup (text + done, offset - done);
      append_escaped (w->out, before, FALSE);
      done = offset;

      f->written[i] = TRUE;
      g_string_append (w->out, entry->value);
    }

  if (text != NULL)
    append_escaped (w->out, text + done, FALSE);
  write_foreign_nodes (w, f, key, NULL, 0);
}

/* Elements */

/* <tag>text</tag>, or <tag/>, with the foreign content kept under its
 * name, in the element of @f's item.  Left out when @optional and there is
 * nothing to write. */
static void
write_text_element (Writer     *w,
                    Foreign    *f,
                    guint       level,
                    const char *tag,
                    const char *text,
                    gboolean    optional)
{
  const char *key = tag;

  if (optional && is_empty (text) && !has_foreign (f, key, FALSE))
    return;

  indent (w, level);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, tag);
  write_foreign_attributes (w, f, key);

  if (is_empty (text) && !has_foreign (f, key, TRUE))
    {
      g_string_append (w->out, "/>\n");
    }
  else
    {
      g_string_append_c (w->out, '>');
      write_mixed_text (w, f, key, text);
      g_string_append (w->out, "</");
      g_string_append (w->out, tag);
      g_string_append (w->out, ">\n");
    }

  write_foreign_nodes (w, f, NULL, key, level);
}

static void
write_waiver (Writer     *w,
              Foreign    *f,
              guint       level,
              const char *check,
              const char *reason)
{
  gboolean has_nodes;
  g_autofree char *key = foreign_key (f, &has_nodes, "waiver %s", check);

  indent (w, level);
  g_string_append (w->out, "<waiver check=\"");
  append_escaped (w->out, check, TRUE);
  g_string_append_c (w->out, '"');
  write_foreign_attributes (w, f, key);

  if (is_empty (reason) && !has_nodes)
    {
      g_string_append (w->out, "/>\n");
    }
  else
    {
      g_string_append_c (w->out, '>');
      write_mixed_text (w, f, key, reason);
      g_string_append (w->out, "</waiver>\n");
    }

  if (key != NULL)
    write_foreign_nodes (w, f, NULL, key, level);
}

static int
compare_waivers (gconstpointer a,
                 gconstpointer b)
{
  const RacimoWaiver *waiver_a = *(const RacimoWaiver * const *) a;
  const RacimoWaiver *waiver_b = *(const RacimoWaiver * const *) b;

  return strcmp (waiver_a->check, waiver_b->check);
}

/* In the order of the check table, then the checks of a newer version,
 * alphabetically. */
static void
write_waivers (Writer     *w,
               Foreign    *f,
               guint       level,
               RacimoItem *item)
{
  guint n = racimo_item_get_n_waivers (item);
  g_autoptr(GPtrArray) unknown = NULL;

  if (n == 0)
    return;

  for (RacimoCheck check = 0; check < RACIMO_N_CHECKS; check++)
    {
      const char *id = racimo_check_get_id (check);
      const char *reason = racimo_item_get_waiver_reason (item, id);

      if (reason != NULL)
        write_waiver (w, f, level, id, reason);
    }

  for (guint i = 0; i < n; i++)
    {
      const RacimoWaiver *waiver = racimo_item_get_waiver (item, i);
      RacimoCheck check;

      if (racimo_check_from_id (waiver->check, &check))
        continue;

      if (unknown == NULL)
        unknown = g_ptr_array_new ();
      g_ptr_array_add (unknown, (gpointer) waiver);
    }

  if (unknown == NULL)
    return;

  g_ptr_array_sort (unknown, compare_waivers);
  for (guint i = 0; i < unknown->len; i++)
    {
      const RacimoWaiver *waiver = g_ptr_array_index (unknown, i);

      write_waiver (w, f, level, waiver->check, waiver->reason);
    }
}

/* <tag id="ID"; the caller adds the other attributes. */
static void
open_item (Writer     *w,
           guint       level,
           const char *tag,
           RacimoItem *item)
{
  indent (w, level);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, tag);
  g_string_append (w->out, " id=\"");
  append_escaped (w->out, racimo_item_get_id (item), TRUE);
  g_string_append_c (w->out, '"');
}

/* Ends the start tag of the element of @f's item, then writes what comes
 * first in it. */
static void
end_start_tag (Writer  *w,
               Foreign *f,
               guint    level)
{
  write_foreign_attributes (w, f, NULL);
  g_string_append (w->out, ">\n");
  write_foreign_nodes (w, f, NULL, "", level + 1);
}

static void
close_element (Writer     *w,
               Foreign    *f,
               const char *parent,
               guint       level,
               const char *tag)
{
  /* Nodes whose anchor is gone go at the end, so that nothing is lost. */
  write_foreign_nodes (w, f, parent, NULL, level + 1);
  indent (w, level);
  g_string_append (w->out, "</");
  g_string_append (w->out, tag);
  g_string_append (w->out, ">\n");
}

/* Writes the nodes of <roles> or <phases> that follow the item. */
static void
write_after_item (Writer     *w,
                  Foreign    *f,
                  const char *list,
                  const char *tag,
                  RacimoItem *item,
                  guint       level)
{
  g_autofree char *anchor = NULL;

  if (f->entries == NULL)
    return;

  anchor = g_strconcat (tag, " ", racimo_item_get_id (item), NULL);
  write_foreign_nodes (w, f, list, anchor, level);
}

/* Version 1.1: people, members, notes and conflicts */

/* Whether the project holds what only version 1.1 says, other than
 * people: a note, a conflict, or a waiver of a 1.1 check. */
static gboolean
uses_1_1_item (RacimoItem *item)
{
  if (racimo_item_get_n_conflicts (item) > 0)
    return TRUE;

  for (guint i = 0; i < racimo_item_get_n_waivers (item); i++)
    {
      RacimoCheck check;

      if (racimo_check_from_id (racimo_item_get_waiver (item, i)->check, &check)
          && racimo_check_get_since_minor (check) > 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_note (RacimoProject  *project,
          RacimoActivity *activity)
{
  GHashTable *notes = _racimo_activity_get_notes (activity);
  GHashTableIter iter;
  gpointer role;

  if (notes == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &role, NULL))
    if (racimo_project_index_of_role (project, role) >= 0)
      return TRUE;

  return FALSE;
}

static gboolean
uses_1_1 (RacimoProject *project)
{
  if (racimo_project_get_n_conflicts (project) > 0)
    return TRUE;

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    if (uses_1_1_item (RACIMO_ITEM (racimo_project_get_role (project, r))))
      return TRUE;

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      if (uses_1_1_item (RACIMO_ITEM (phase)))
        return TRUE;

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          if (uses_1_1_item (RACIMO_ITEM (activity)) || has_note (project, activity))
            return TRUE;
        }
    }

  return FALSE;
}

static void
append_attribute (Writer     *w,
                  const char *name,
                  const char *value)
{
  g_string_append_c (w->out, ' ');
  g_string_append (w->out, name);
  g_string_append (w->out, "=\"");
  append_escaped (w->out, value, TRUE);
  g_string_append_c (w->out, '"');
}

/* An element with no text of ours, whose start tag the caller has begun:
 * foreign attributes, then foreign nodes inside it when there are any. */
static void
end_empty_element (Writer     *w,
                   Foreign    *f,
                   const char *key,
                   gboolean    has_nodes,
                   guint       level,
                   const char *tag)
{
  write_foreign_attributes (w, f, key);
  if (has_nodes)
    {
      g_string_append (w->out, ">\n");
      close_element (w, f, key, level, tag);
    }
  else
    {
      g_string_append (w->out, "/>\n");
    }
  if (key != NULL)
    write_foreign_nodes (w, f, NULL, key, level);
}

static void
write_conflict (Writer               *w,
                Foreign              *f,
                guint                 level,
                const RacimoConflict *conflict)
{
  gboolean has_nodes;
  g_autofree char *key = foreign_key (f, &has_nodes, "conflict %s %s",
                                      conflict->role != NULL ? conflict->role : "",
                                      conflict->field != NULL ? conflict->field : "");

  indent (w, level);
  g_string_append (w->out, "<conflict");
  if (conflict->role != NULL)
    append_attribute (w, "role", conflict->role);
  if (conflict->field != NULL)
    append_attribute (w, "field", conflict->field);
  append_attribute (w, "base", conflict->base);
  append_attribute (w, "ours", conflict->ours);
  append_attribute (w, "theirs", conflict->theirs);
  end_empty_element (w, f, key, has_nodes, level, "conflict");
}

static void
write_conflicts (Writer     *w,
                 Foreign    *f,
                 guint       level,
                 RacimoItem *item)
{
  for (guint i = 0; i < racimo_item_get_n_conflicts (item); i++)
    write_conflict (w, f, level, racimo_item_get_conflict (item, i));
}

static void
write_project_conflicts (Writer  *w,
                         Foreign *f)
{
  for (guint i = 0; i < racimo_project_get_n_conflicts (w->project); i++)
    write_conflict (w, f, 1, racimo_project_get_conflict (w->project, i));
}

/* A <member> with the foreign content kept on and in it and after it;
 * with @person_text ("person"), also that of the 1.0 person text the
 * member was read from, after the member's own (a file that had both). */
static void
write_member (Writer     *w,
              Foreign    *f,
              guint       level,
              const char *id,
              const char *person_text)
{
  gboolean has_nodes;
  g_autofree char *key = foreign_key (f, &has_nodes, "member %s", id);

  indent (w, level);
  g_string_append (w->out, "<member");
  append_attribute (w, "person", id);
  if (person_text == NULL)
    {
      end_empty_element (w, f, key, has_nodes, level, "member");
      return;
    }

  /* The person text's foreign content is among @f's entries, so @key is made */
  write_foreign_attributes (w, f, key);
  write_foreign_attributes_but (w, f, person_text, key);
  if (has_nodes || has_foreign (f, person_text, TRUE))
    {
      g_string_append (w->out, ">\n");
      write_foreign_nodes (w, f, key, NULL, level + 1);
      close_element (w, f, person_text, level, "member");
    }
  else
    {
      g_string_append (w->out, "/>\n");
    }
  write_foreign_nodes (w, f, NULL, key, level);
  write_foreign_nodes (w, f, NULL, person_text, level);
}

/* The people of a role: <member> elements, or the one person's name as
 * a 1.0 <person> text while that says everything. */
static void
write_members (Writer     *w,
               Foreign    *f,
               guint       level,
               RacimoRole *role)
{
  guint n = racimo_role_get_n_members (role);

  if (!w->people)
    {
      RacimoItem *only = n > 0 ? RACIMO_ITEM (racimo_role_get_member (role, 0)) : NULL;

      write_text_element (w, f, level, "person",
                          only != NULL ? racimo_item_get_name (only) : NULL, TRUE);
      return;
    }

  /* A role holds person texts or members, never both: foreign content
   * kept on or in a 1.0 person text moves to the member that text named,
   * the first (docs/file-format.md, "People").  Only a role left without
   * members keeps it on an empty person text, which names no member. */
  if (n == 0)
    {
      write_text_element (w, f, level, "person", NULL, TRUE);
      return;
    }

  for (guint i = 0; i < n; i++)
    write_member (w, f, level, racimo_item_get_id (RACIMO_ITEM (racimo_role_get_member (role, i))),
                  i == 0 && has_foreign (f, "person", FALSE) ? "person" : NULL);
}

/* Whether foreign content sits on or in <people> or on or in a member:
 * only the 1.1 form of people has a place for it (docs/file-format.md,
 * "People"). */
static gboolean
people_hold_foreign (RacimoProject *project,
                     Foreign       *f)
{
  if (has_foreign (f, "people", FALSE))
    return TRUE;

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);
      g_auto(Foreign) role_f = { NULL, NULL, NULL };

      foreign_init (&role_f, _racimo_item_get_foreign (RACIMO_ITEM (role)));
      for (guint i = 0; role_f.entries != NULL && i < racimo_role_get_n_members (role); i++)
        {
          const char *id = racimo_item_get_id (RACIMO_ITEM (racimo_role_get_member (role, i)));
          g_autofree char *key = g_strconcat ("member ", id, NULL);

          if (has_foreign (&role_f, key, FALSE))
            return TRUE;
        }
    }

  return FALSE;
}

static void
write_person (Writer       *w,
              guint         level,
              RacimoPerson *person)
{
  g_auto(Foreign) f = { NULL, NULL, NULL };
  RacimoItem *item = RACIMO_ITEM (person);
  const char *email = racimo_person_get_email (person);

  foreign_init (&f, _racimo_item_get_foreign (item));

  open_item (w, level, "person", item);
  if (!is_empty (email))
    append_attribute (w, "email", email);
  end_start_tag (w, &f, level);
  write_text_element (w, &f, level + 1, "name", racimo_item_get_name (item), FALSE);
  write_waivers (w, &f, level + 1, item);
  write_conflicts (w, &f, level + 1, item);
  close_element (w, &f, NULL, level, "person");
}

/* In role order, after the assign elements (w->cells is filled with the
 * role order already when the activity has codes). */
static void
write_notes (Writer         *w,
             Foreign        *f,
             guint           level,
             RacimoActivity *activity)
{
  GHashTable *notes = _racimo_activity_get_notes (activity);
  guint n_roles = racimo_project_get_n_roles (w->project);

  if (notes == NULL || g_hash_table_size (notes) == 0)
    return;

  for (guint r = 0; r < n_roles; r++)
    {
      RacimoRole *role = racimo_project_get_role (w->project, r);
      const char *note = g_hash_table_lookup (notes, role);
      const char *role_id;
      g_autofree char *key = NULL;

      if (note == NULL)
        continue;

      role_id = racimo_item_get_id (RACIMO_ITEM (role));
      key = g_strconcat ("note ", role_id, NULL);
      indent (w, level);
      g_string_append (w->out, "<note");
      append_attribute (w, "role", role_id);
      write_foreign_attributes (w, f, key);
      g_string_append_c (w->out, '>');
      write_mixed_text (w, f, key, note);
      g_string_append (w->out, "</note>\n");
      write_foreign_nodes (w, f, NULL, key, level);
    }
}

static void
write_role (Writer     *w,
            guint       level,
            RacimoRole *role)
{
  g_auto(Foreign) f = { NULL, NULL, NULL };
  RacimoItem *item = RACIMO_ITEM (role);
  const char *abbrev = racimo_role_get_abbrev (role);

  foreign_init (&f, _racimo_item_get_foreign (item));

  open_item (w, level, "role", item);
  if (!is_empty (abbrev))
    {
      g_string_append (w->out, " abbrev=\"");
      append_escaped (w->out, abbrev, TRUE);
      g_string_append_c (w->out, '"');
    }
  end_start_tag (w, &f, level);

  write_text_element (w, &f, level + 1, "name", racimo_item_get_name (item), FALSE);
  write_members (w, &f, level + 1, role);
  write_text_element (w, &f, level + 1, "description",
                      racimo_item_get_description (item), TRUE);
  write_waivers (w, &f, level + 1, item);
  write_conflicts (w, &f, level + 1, item);

  close_element (w, &f, NULL, level, "role");
}

static void
write_assign (Writer     *w,
              Foreign    *f,
              guint       level,
              const char *role_id,
              char        code)
{
  gboolean has_nodes;
  g_autofree char *key = foreign_key (f, &has_nodes, "assign %s %c", role_id, code);

  indent (w, level);
  g_string_append (w->out, "<assign role=\"");
  append_escaped (w->out, role_id, TRUE);
  g_string_append (w->out, "\" code=\"");
  g_string_append_c (w->out, code);
  g_string_append_c (w->out, '"');
  write_foreign_attributes (w, f, key);

  if (has_nodes)
    {
      g_string_append (w->out, ">\n");
      close_element (w, f, key, level, "assign");
    }
  else
    {
      g_string_append (w->out, "/>\n");
    }

  if (key != NULL)
    write_foreign_nodes (w, f, NULL, key, level);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *cell_a = a;
  const Cell *cell_b = b;

  return (cell_a->index > cell_b->index) - (cell_a->index < cell_b->index);
}

/* Fills w->cells with @activity's cells in role order.  Looking up each
 * role of the project in every activity would make saving grow with
 * roles x activities; an activity holds a few cells, whatever the number
 * of roles. */
static void
sort_cells (Writer         *w,
            RacimoActivity *activity)
{
  GHashTableIter iter;
  gpointer role, codes;

  if (w->role_index == NULL)
    {
      guint n_roles = racimo_project_get_n_roles (w->project);

      w->role_index = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n_roles; i++)
        g_hash_table_insert (w->role_index, racimo_project_get_role (w->project, i),
                             GUINT_TO_POINTER (i + 1));
      w->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
    }

  g_array_set_size (w->cells, 0);
  g_hash_table_iter_init (&iter, _racimo_activity_get_cells (activity));
  while (g_hash_table_iter_next (&iter, &role, &codes))
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (w->role_index, role));
      Cell cell = { index, role, GPOINTER_TO_UINT (codes) };

      /* A role no longer in the project has no column, and is not written. */
      if (index == 0 || cell.codes == 0)
        continue;
      g_array_append_val (w->cells, cell);
    }

  g_array_sort (w->cells, compare_cells);
}

static void
write_activity (Writer         *w,
                guint           level,
                RacimoActivity *activity)
{
  g_auto(Foreign) f = { NULL, NULL, NULL };
  RacimoItem *item = RACIMO_ITEM (activity);

  foreign_init (&f, _racimo_item_get_foreign (item));

  open_item (w, level, "activity", item);
  if (!racimo_activity_get_applicable (activity))
    g_string_append (w->out, " applicable=\"no\"");
  end_start_tag (w, &f, level);

  write_text_element (w, &f, level + 1, "name", racimo_item_get_name (item), FALSE);
  write_text_element (w, &f, level + 1, "description",
                      racimo_item_get_description (item), TRUE);

  /* By role order, then by the scheme's code order, unknown codes last. */
  if (racimo_activity_get_all_codes (activity) != 0)
    {
      sort_cells (w, activity);

      for (guint i = 0; i < w->cells->len; i++)
        {
          Cell *cell = &g_array_index (w->cells, Cell, i);
          const char *role_id = racimo_item_get_id (RACIMO_ITEM (cell->role));
          char letters[27];
          guint n = racimo_scheme_order_codes (w->scheme, cell->codes, letters);

          for (guint j = 0; j < n; j++)
            write_assign (w, &f, level + 1, role_id, letters[j]);
        }
    }

  write_notes (w, &f, level + 1, activity);
  write_waivers (w, &f, level + 1, item);
  write_conflicts (w, &f, level + 1, item);

  close_element (w, &f, NULL, level, "activity");
}

static void
write_phase (Writer      *w,
             guint        level,
             RacimoPhase *phase)
{
  g_auto(Foreign) f = { NULL, NULL, NULL };
  RacimoItem *item = RACIMO_ITEM (phase);
  guint n = racimo_phase_get_n_activities (phase);

  foreign_init (&f, _racimo_item_get_foreign (item));

  open_item (w, level, "phase", item);
  end_start_tag (w, &f, level);

  write_text_element (w, &f, level + 1, "name", racimo_item_get_name (item), FALSE);
  write_text_element (w, &f, level + 1, "description",
                      racimo_item_get_description (item), TRUE);
  write_waivers (w, &f, level + 1, item);
  write_conflicts (w, &f, level + 1, item);

  for (guint i = 0; i < n; i++)
    {
      RacimoActivity *activity = racimo_phase_get_activity (phase, i);

      write_activity (w, level + 1, activity);
      write_after_item (w, &f, NULL, "activity", RACIMO_ITEM (activity), level + 1);
    }

  close_element (w, &f, NULL, level, "phase");
}

/* <roles> or <phases>, left out when it has nothing in it. */
static void
write_list (Writer     *w,
            Foreign    *f,
            const char *list,
            guint       n)
{
  const gboolean roles = strcmp (list, "roles") == 0;
  const gboolean people = strcmp (list, "people") == 0;

  if (n == 0 && !has_foreign (f, list, FALSE))
    return;

  indent (w, 1);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, list);
  write_foreign_attributes (w, f, list);

  if (n == 0 && !has_foreign (f, list, TRUE))
    {
      g_string_append (w->out, "/>\n");
      write_foreign_nodes (w, f, NULL, list, 1);
      return;
    }

  g_string_append (w->out, ">\n");
  write_foreign_nodes (w, f, list, "", 2);

  for (guint i = 0; i < n; i++)
    {
      RacimoItem *item;

      if (people)
        {
          item = RACIMO_ITEM (racimo_project_get_person (w->project, i));
          write_person (w, 2, RACIMO_PERSON (item));
        }
      else if (roles)
        {
          RacimoRole *role = racimo_project_get_role (w->project, i);

          write_role (w, 2, role);
          item = RACIMO_ITEM (role);
        }
      else
        {
          RacimoPhase *phase = racimo_project_get_phase (w->project, i);

          write_phase (w, 2, phase);
          item = RACIMO_ITEM (phase);
        }

      write_after_item (w, f, list, people ? "person" : roles ? "role" : "phase", item, 2);
    }

  close_element (w, f, list, 1, list);
  write_foreign_nodes (w, f, NULL, list, 1);
}

/* About the size of @project's file, so that the text is written into one
 * allocation: 160 bytes an activity and 45 a cell, 650 an activity in a
 * large matrix.  Not more: glibc gives an allocation of 32 MB or more
 * fresh pages of the kernel each time, which a save then faults in one by
 * one, where a smaller one reuses the pages of the last save.  At 700
 * bytes an activity whatever its cells, a project of 40,000 activities
 * with one cell each asked for 32 MB for a file of 5 MB, and saved in 2.7
 * times the time of one of 20,000 (16 MB) on Debian 13 for twice the
 * instructions. */
static gsize
estimate_size (RacimoProject *project)
{
  gsize size = 4096;

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint a = 0; a < n; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          size += 160 + 45 * g_hash_table_size (_racimo_activity_get_cells (activity));
        }
    }

  return size + 100 * racimo_project_get_n_roles (project);
}

/**
 * racimo_file_serialize:
 *
 * Writes @project in the canonical form of docs/file-format.md, "Canonical output".
 *
 * Returns: (transfer full): the bytes of the file
 */
GBytes *
racimo_file_serialize (RacimoProject *project)
{
  g_auto(Foreign) f = { NULL, NULL, NULL };
  Writer w;
  guint minor;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  w.project = project;
  w.scheme = racimo_project_get_scheme (project);
  w.role_index = NULL;
  w.cells = NULL;
  w.out = g_string_sized_new (estimate_size (project));

  foreign_init (&f, _racimo_project_get_foreign (project));
  w.people = racimo_project_needs_people (project) || people_hold_foreign (project, &f);

  /* The lowest version that holds the project (docs/file-format.md,
   * "Version written"). */
  minor = MAX (racimo_project_get_version_minor (project),
               w.people || uses_1_1 (project) ? 1 : 0);

  g_string_append (w.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (w.out, "<raci-project xmlns=\"%s\" version=\"%d.%u\"",
                          RACIMO_FILE_NAMESPACE, RACIMO_FILE_VERSION_MAJOR, minor);
  end_start_tag (&w, &f, 0);

  write_text_element (&w, &f, 1, "title", racimo_project_get_title (project), FALSE);
  write_text_element (&w, &f, 1, "description",
                      racimo_project_get_description (project), TRUE);
  write_text_element (&w, &f, 1, "scheme", racimo_project_get_scheme_id (project),
                      FALSE);
  write_list (&w, &f, "people", w.people ? racimo_project_get_n_people (project) : 0);
  write_list (&w, &f, "roles", racimo_project_get_n_roles (project));
  write_list (&w, &f, "phases", racimo_project_get_n_phases (project));
  write_project_conflicts (&w, &f);

  close_element (&w, &f, NULL, 0, "raci-project");

  g_clear_pointer (&w.role_index, g_hash_table_unref);
  g_clear_pointer (&w.cells, g_array_unref);

  return g_string_free_to_bytes (w.out);
}

/* Saving */

/* libxml2 refuses a text or an attribute value longer than this without
 * XML_PARSE_HUGE, which the reader never sets. */
#define MAX_TEXT_LENGTH 10000000

typedef struct
{
  const char *text;   /* the first text over the limit, or NULL */
} Longest;

static void
check_text (Longest    *longest,
            const char *text)
{
  if (longest->text == NULL && text != NULL && strlen (text) > MAX_TEXT_LENGTH)
    longest->text = text;
}

static void
check_item (Longest    *longest,
            RacimoItem *item)
{
  GPtrArray *foreign = _racimo_item_get_foreign (item);

  check_text (longest, racimo_item_get_id (item));
  check_text (longest, racimo_item_get_name (item));
  check_text (longest, racimo_item_get_description (item));
  for (guint i = 0; i < racimo_item_get_n_waivers (item); i++)
    check_text (longest, racimo_item_get_waiver (item, i)->reason);
  for (guint i = 0; foreign != NULL && i < foreign->len; i++)
    check_text (longest, ((RacimoForeign *) g_ptr_array_index (foreign, i))->value);
}

/* What the reader would refuse: a file over 64 MiB, or a text over
 * libxml2's limit (racimo-core-private.h). */
gboolean
_racimo_file_within_limits (RacimoProject  *project,
                            GBytes         *bytes,
                            const char    **long_text)
{
  GPtrArray *foreign = _racimo_project_get_foreign (project);
  Longest longest = { NULL };

  *long_text = NULL;
  if (g_bytes_get_size (bytes) > RACIMO_FILE_MAX_SIZE)
    return FALSE;
  /* No text of a file this small can be over the limit: the walk below is
   * for the rare large project, not for every save and draft. */
  if (g_bytes_get_size (bytes) <= MAX_TEXT_LENGTH)
    return TRUE;

  check_text (&longest, racimo_project_get_title (project));
  check_text (&longest, racimo_project_get_description (project));
  for (guint i = 0; foreign != NULL && i < foreign->len; i++)
    check_text (&longest, ((RacimoForeign *) g_ptr_array_index (foreign, i))->value);
  for (guint i = 0; i < racimo_project_get_n_people (project); i++)
    {
      RacimoPerson *person = racimo_project_get_person (project, i);

      check_item (&longest, RACIMO_ITEM (person));
      check_text (&longest, racimo_person_get_email (person));
    }
  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    check_item (&longest, RACIMO_ITEM (racimo_project_get_role (project, r)));
  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      check_item (&longest, RACIMO_ITEM (phase));
      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);
          GHashTable *notes = _racimo_activity_get_notes (activity);
          GHashTableIter iter;
          gpointer note;

          check_item (&longest, RACIMO_ITEM (activity));
          if (notes == NULL)
            continue;
          g_hash_table_iter_init (&iter, notes);
          while (g_hash_table_iter_next (&iter, NULL, &note))
            check_text (&longest, note);
        }
    }

  *long_text = longest.text;

  return longest.text == NULL;
}

/* What the reader would refuse is not written.  The file is not touched. */
static gboolean
check_limits (RacimoProject  *project,
              GBytes         *bytes,
              GFile          *file,
              GError        **error)
{
  g_autofree char *name = NULL;
  const char *long_text;

  if (_racimo_file_within_limits (project, bytes, &long_text))
    return TRUE;

  name = g_file_get_parse_name (file);
  if (long_text == NULL)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (bytes));

      g_set_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE,
                   /* Translators: the second %s is a size such as "70.2 MB" */
                   _("%s: not saved: the project would make a file of %s, and Racimo opens "
                     "files of at most 64 MiB; the file was not changed"),
                   name, size);
    }
  else
    {
      g_autofree char *start = g_utf8_substring (long_text, 0, 30);

      g_set_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE,
                   /* Translators: the second %s is the start of a text of the project */
                   _("%s: not saved: a text of the project (\"%s…\") is longer than the "
                     "10 million bytes that Racimo can open again; the file was not changed"),
                   name, start);
    }

  return FALSE;
}

/**
 * racimo_file_save:
 * @etag: (nullable): the entity tag from the last load or save, or %NULL
 *   to overwrite whatever is there
 * @new_etag: (out) (optional): the entity tag of what was written
 *
 * Writes @project to @file, atomically.  Blocks.
 *
 * Returns: %TRUE when saved
 */
gboolean
racimo_file_save (RacimoProject  *project,
                  GFile          *file,
                  const char     *etag,
                  char          **new_etag,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = racimo_file_serialize (project);
  if (!check_limits (project, bytes, file, error))
    return FALSE;

  /* The error names the file in plain words already. */
  return _racimo_replace_contents (file, bytes, etag, new_etag, cancellable, error);
}

/**
 * racimo_file_save_async:
 *
 * Serialises @project now, on the calling thread (the model is not
 * thread-safe), and writes it to @file in the background.
 */
void
racimo_file_save_async (RacimoProject       *project,
                        GFile               *file,
                        const char          *etag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  bytes = racimo_file_serialize (project);
  check_limits (project, bytes, file, &error);
  _racimo_replace_save_async (project, racimo_file_save_async, file, bytes, etag, error,
                              cancellable, callback, user_data);
}

/**
 * racimo_file_save_finish:
 * @new_etag: (out) (optional): the entity tag of what was written
 *
 * Returns: %TRUE when saved
 */
gboolean
racimo_file_save_finish (GAsyncResult  *result,
                         char         **new_etag,
                         GError       **error)
{
  /* The source object is the project, which the caller may no longer have
   * at hand. */
  return _racimo_replace_save_finish (result, racimo_file_save_async, new_etag, error);
}
