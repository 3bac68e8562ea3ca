/* racimo-reader-cells.c: reading cells and waivers: the codes of <assign>, repaired
 * or refused, and the <waiver> elements (docs/file-format.md)
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

/* Returns FALSE on error; *@kept is TRUE when the waiver went into the
 * foreign content and is not the anchor of what follows. */
gboolean
_racimo_reader_read_waiver (Builder    *b,
                            RacimoItem *item,
                            GPtrArray  *foreign,
                            xmlNode    *node,
                            gboolean   *kept)
{
  const char *check = _racimo_reader_attribute (node, "check");
  g_autofree char *key = NULL;
  g_autofree char *reason = NULL;
  RacimoCheck known;
  static const char * const attributes[] = { "check", NULL };

  /* A waiver left out is not the anchor of what follows. */
  if (check == NULL)
    {
      *kept = TRUE;
      return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
                                              _("left the waiver out"),
                                              _("a waiver does not say which check it waives"));
    }

  if (b->strict && !racimo_check_from_id (check, &known))
    {
      g_autofree char *ids = list_check_ids (b->minor);
      g_autofree char *shown = _racimo_xml_excerpt (check);

      *kept = TRUE;
      return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
                                              _("left the waiver out"),
                                              _("a waiver names “%s”, which is not a check; the checks are %s"),
                                              shown, ids);
    }

  /* A check of a later minor version than the file's own */
  if (b->strict && racimo_check_get_since_minor (known) > b->minor)
    {
      g_autofree char *ids = list_check_ids (b->minor);

      *kept = TRUE;
      return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, racimo_item_get_id (item),
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
          g_autofree char *text = _racimo_reader_read_text (b, scratch, "waiver", node, attributes);

          if (text == NULL)
            return FALSE;
        }

      _racimo_reader_keep_node (b, foreign, NULL, node, node);
      return TRUE;
    }

  key = g_strconcat ("waiver ", check, NULL);
  reason = _racimo_reader_read_text (b, foreign, key, node, attributes);
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
                   ? role_id : _racimo_reader_make_repair_id (b, role_id);

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

gboolean
_racimo_reader_read_assign (Builder        *b,
                            RacimoActivity *activity,
                            GPtrArray      *foreign,
                            xmlNode        *node)
{
  const char *role_id = _racimo_reader_attribute (node, "role");
  const char *code = _racimo_reader_attribute (node, "code");
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
    return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_INVALID, node, activity_id,
                                            _("left the code out"),
                                            _("a cell of the activity “%s” does not say which role it is for"),
                                            activity_name);

  if (code == NULL || code[0] == '\0')
    return _racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_BAD_CODE, node, activity_id,
                                            _("left the cell out"),
                                            _("the cell of the role “%s” in the activity “%s” has no code"),
                                            role_id, activity_name);

  role = g_hash_table_lookup (b->roles, role_id);
  if (role == NULL)
    {
      g_autofree char *shown = _racimo_xml_excerpt (role_id);
      g_autofree char *action = g_strdup_printf (_("added a role “%s” for you to review"), shown);

      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_UNKNOWN_ROLE, node, activity_id, action,
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
      if (!_racimo_reader_repair_or_refuse (b, RACIMO_FILE_ERROR_BAD_CODE, node, activity_id, action,
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
  if (node->children == NULL && !_racimo_reader_has_other_attributes (node, attributes))
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

          if (!_racimo_reader_keep_attributes (b, scratch, "assign", node, attributes))
            return FALSE;
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            if (!_racimo_reader_keep_other (b, scratch, "assign", NULL, node, child))
              return FALSE;
        }

      _racimo_reader_keep_node (b, foreign, NULL, node, node);
      return TRUE;
    }

  key = _racimo_reader_key_of (node);
  if (!_racimo_reader_keep_attributes (b, foreign, key, node, attributes))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!_racimo_reader_keep_other (b, foreign, key, NULL, node, child))
      return FALSE;

  return TRUE;
}
