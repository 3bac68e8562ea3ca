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
  char *person;
};

G_DEFINE_FINAL_TYPE (RacimoRole, racimo_role, RACIMO_TYPE_ITEM)

static void
racimo_role_finalize (GObject *object)
{
  RacimoRole *self = RACIMO_ROLE (object);

  g_clear_pointer (&self->abbrev, g_free);
  g_clear_pointer (&self->person, g_free);

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
 * Returns: (nullable): who fills the role
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

void
_racimo_role_set_person (RacimoRole *self,
                         const char *person)
{
  g_free (self->person);
  self->person = (person != NULL && *person != '\0') ? g_strdup (person) : NULL;
}
