/* racimo-role.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-model-private.h"
#include "racimo-role.h"

struct _RacimoRole
{
  RacimoItem parent_instance;

  char *abbrev;
  /* The names of the members, for headers and tooltips, made again when
   * the members or their names change (_racimo_role_update_person ()). */
  char *person;
  GPtrArray *members; /* RacimoPerson, strong, in the order of the file */
};

G_DEFINE_FINAL_TYPE (RacimoRole, racimo_role, RACIMO_TYPE_ITEM)

static void
racimo_role_finalize (GObject *object)
{
  RacimoRole *self = RACIMO_ROLE (object);

  g_clear_pointer (&self->abbrev, g_free);
  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (racimo_role_parent_class)->finalize (object);
}

static void
racimo_role_class_init (RacimoRoleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = racimo_role_finalize;
}

static void
racimo_role_init (RacimoRole *self)
{
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * racimo_role_get_abbrev:
 *
 * Returns: (nullable): the abbreviation shown in narrow column headers
 */
const char *
racimo_role_get_abbrev (RacimoRole *self)
{
  g_return_val_if_fail (RACIMO_IS_ROLE (self), NULL);

  return self->abbrev;
}

/**
 * racimo_role_get_person:
 *
 * Returns: (nullable): who fills the role: the names of its members,
 *   separated by commas, or %NULL when it has none
 */
const char *
racimo_role_get_person (RacimoRole *self)
{
  g_return_val_if_fail (RACIMO_IS_ROLE (self), NULL);

  return self->person;
}

/**
 * racimo_role_dup_short_name:
 *
 * Returns: (transfer full): the abbreviation, or when there is none the
 *   name, for column headers
 */
char *
racimo_role_dup_short_name (RacimoRole *self)
{
  g_return_val_if_fail (RACIMO_IS_ROLE (self), NULL);

  if (self->abbrev != NULL)
    return g_strdup (self->abbrev);

  return g_strdup (racimo_item_get_name (RACIMO_ITEM (self)));
}

void
_racimo_role_set_abbrev (RacimoRole *self,
                         const char *abbrev)
{
  g_free (self->abbrev);
  self->abbrev = (abbrev != NULL && *abbrev != '\0') ? g_strdup (abbrev) : NULL;
}

guint
racimo_role_get_n_members (RacimoRole *self)
{
  g_return_val_if_fail (RACIMO_IS_ROLE (self), 0);

  return self->members->len;
}

/**
 * racimo_role_get_member:
 * @n: less than racimo_role_get_n_members()
 *
 * Returns: (transfer none): the @n-th person who holds the role
 */
RacimoPerson *
racimo_role_get_member (RacimoRole *self,
                        guint       n)
{
  g_return_val_if_fail (RACIMO_IS_ROLE (self), NULL);
  g_return_val_if_fail (n < self->members->len, NULL);

  return g_ptr_array_index (self->members, n);
}

/**
 * racimo_role_index_of_member:
 *
 * Returns: the position of @person among the role's members, or -1
 */
int
racimo_role_index_of_member (RacimoRole   *self,
                             RacimoPerson *person)
{
  guint index;

  g_return_val_if_fail (RACIMO_IS_ROLE (self), -1);

  if (!g_ptr_array_find (self->members, person, &index))
    return -1;

  return (int) index;
}

void
_racimo_role_insert_member (RacimoRole   *self,
                            guint         position,
                            RacimoPerson *person)
{
  g_ptr_array_insert (self->members, (int) position, g_object_ref (person));
  _racimo_role_update_person (self);
}

void
_racimo_role_remove_member (RacimoRole   *self,
                            RacimoPerson *person)
{
  g_ptr_array_remove (self->members, person);
  _racimo_role_update_person (self);
}

void
_racimo_role_update_person (RacimoRole *self)
{
  g_autoptr(GString) names = NULL;

  g_clear_pointer (&self->person, g_free);
  if (self->members->len == 0)
    return;

  names = g_string_new (NULL);
  for (guint i = 0; i < self->members->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, racimo_item_get_name (g_ptr_array_index (self->members, i)));
    }

  self->person = g_string_free (g_steal_pointer (&names), FALSE);
}
