/* racimo-project-ids.c: the ids of a project's items, and building a
 * project without history
 *
 * Every role, phase and activity has an id unique in its project; new
 * ones are made from names.  The reader and the apply functions of the
 * history commands add and remove items through the raw functions here,
 * which record no command and emit no signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "racimo-foreign-private.h"
#include "racimo-model-private.h"
#include "racimo-project-private.h"
#include "racimo-project.h"

/* An id made from a name is at most this long (and its suffix): a name
 * pasted from a 30 MB cell must not make a 30 MB id, which no reader
 * would take back as an attribute. */
#define ID_BASE_MAX 48

char *
_racimo_project_make_id (RacimoProject *self,
                         const char    *name,
                         const char    *fallback)
{
  GString *base = g_string_new (NULL);
  gboolean dash = FALSE;
  g_autofree char *candidate = NULL;
  gpointer hint;
  guint n;

  for (const char *p = name != NULL ? name : ""; *p != '\0' && base->len < ID_BASE_MAX; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c))
        {
          if (dash && base->len > 0)
            g_string_append_c (base, '-');
          g_string_append_c (base, g_ascii_tolower (c));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  /* An NCName starts with a letter; names in other scripts leave nothing. */
  if (base->len == 0)
    g_string_assign (base, fallback);
  else if (!g_ascii_isalpha (base->str[0]))
    {
      g_string_prepend_c (base, '-');
      g_string_prepend (base, fallback);
    }

  if (!g_hash_table_contains (self->ids, base->str))
    return g_string_free (base, FALSE);

  n = g_hash_table_lookup_extended (self->next_suffix, base->str, NULL, &hint)
      ? GPOINTER_TO_UINT (hint) : 2;
  for (;; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base->str, n);
      if (!g_hash_table_contains (self->ids, candidate))
        break;
    }

  /* Not n + 1: the id is not registered yet, and may never be. */
  g_hash_table_insert (self->next_suffix, g_string_free (base, FALSE), GUINT_TO_POINTER (n));

  return g_steal_pointer (&candidate);
}

/**
 * racimo_project_make_id:
 * @name: (nullable): the name of a new role, phase or activity
 *
 * Makes an id as docs/file-format.md, "Identifiers", says: lower-case ASCII from @name with `-`,
 * and a numeric suffix when it is taken.
 *
 * Returns: (transfer full): an id no item of the project has
 */
char *
racimo_project_make_id (RacimoProject *self,
                        const char    *name)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);

  return _racimo_project_make_id (self, name, "item");
}

/* Raw changes, for the reader and the apply functions */

gboolean
_racimo_project_register_id (RacimoProject *self,
                             RacimoItem    *item)
{
  const char *id = racimo_item_get_id (item);

  g_assert (id != NULL);

  if (g_hash_table_contains (self->ids, id))
    return FALSE;

  g_hash_table_insert (self->ids, g_strdup (id), item);
  return TRUE;
}

void
_racimo_project_unregister_id (RacimoProject *self,
                               RacimoItem    *item)
{
  const char *id = racimo_item_get_id (item);
  const char *dash = strrchr (id, '-');
  guint64 n;

  /* "base-N" is free again: _racimo_project_make_id() must find it first, as before. */
  if (dash != NULL && dash > id
      && g_ascii_string_to_unsigned (dash + 1, 10, 2, G_MAXUINT, &n, NULL)
      && g_ascii_isdigit (dash[1]))
    {
      g_autofree char *base = g_strndup (id, (gsize) (dash - id));
      gpointer hint;

      if (g_hash_table_lookup_extended (self->next_suffix, base, NULL, &hint)
          && GPOINTER_TO_UINT (hint) > n)
        g_hash_table_insert (self->next_suffix, g_steal_pointer (&base), GUINT_TO_POINTER (n));
    }

  g_hash_table_remove (self->ids, id);
}

gboolean
_racimo_project_append_role (RacimoProject *self,
                             RacimoRole    *role)
{
  if (!_racimo_project_register_id (self, RACIMO_ITEM (role)))
    return FALSE;

  g_ptr_array_add (self->roles, g_object_ref (role));
  return TRUE;
}

gboolean
_racimo_project_append_person (RacimoProject *self,
                               RacimoPerson  *person)
{
  if (!_racimo_project_register_id (self, RACIMO_ITEM (person)))
    return FALSE;

  g_ptr_array_add (self->people, g_object_ref (person));
  return TRUE;
}

RacimoPerson *
_racimo_project_append_new_person (RacimoProject *self,
                                   const char    *name)
{
  g_autoptr(RacimoPerson) person = g_object_new (RACIMO_TYPE_PERSON, NULL);
  g_autofree char *id = _racimo_project_make_id (self, name, "person");

  _racimo_item_set_id (RACIMO_ITEM (person), id);
  _racimo_item_set_name (RACIMO_ITEM (person), name);
  if (!_racimo_project_append_person (self, person))
    g_return_val_if_reached (NULL);

  return person;
}

gboolean
_racimo_project_append_phase (RacimoProject *self,
                              RacimoPhase   *phase)
{
  if (!_racimo_project_register_id (self, RACIMO_ITEM (phase)))
    return FALSE;

  g_ptr_array_add (self->phases, g_object_ref (phase));
  return TRUE;
}

gboolean
_racimo_project_append_activity (RacimoProject  *self,
                                 RacimoPhase    *phase,
                                 RacimoActivity *activity)
{
  if (!_racimo_project_register_id (self, RACIMO_ITEM (activity)))
    return FALSE;

  _racimo_phase_insert_activity (phase, racimo_phase_get_n_activities (phase), activity);
  self->n_activities++;
  return TRUE;
}

void
_racimo_project_set_title (RacimoProject *self,
                           const char    *title)
{
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
}

void
_racimo_project_set_description (RacimoProject *self,
                                 const char    *description)
{
  g_free (self->description);
  self->description = (description != NULL && *description != '\0') ? g_strdup (description) : NULL;
}

void
_racimo_project_set_scheme_id (RacimoProject *self,
                               const char    *scheme_id)
{
  const RacimoScheme *scheme = racimo_scheme_lookup (scheme_id);

  g_free (self->scheme_id);
  self->scheme_id = g_strdup (scheme_id);
  self->scheme = scheme != NULL ? scheme : racimo_scheme_get_default ();
}

void
_racimo_project_set_version_minor (RacimoProject *self,
                                   guint          minor)
{
  self->version_minor = minor;
}

GPtrArray *
_racimo_project_get_foreign (RacimoProject *self)
{
  if (self->foreign == NULL)
    self->foreign = g_ptr_array_new_with_free_func ((GDestroyNotify) _racimo_foreign_free);

  return self->foreign;
}

GPtrArray *
_racimo_project_get_conflicts (RacimoProject *self)
{
  if (self->conflicts == NULL)
    self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_conflict_free);

  return self->conflicts;
}
