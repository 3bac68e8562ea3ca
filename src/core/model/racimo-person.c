/* racimo-person.c
 *
 * A person has an id, a name, waivers and foreign content as roles do
 * (RacimoItem), and an e-mail address.  Which roles a person holds is
 * said by the roles (racimo_role_get_member ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-model-private.h"
#include "racimo-person.h"

struct _RacimoPerson
{
  RacimoItem parent_instance;

  char *email;
};

G_DEFINE_FINAL_TYPE (RacimoPerson, racimo_person, RACIMO_TYPE_ITEM)

static void
racimo_person_finalize (GObject *object)
{
  RacimoPerson *self = RACIMO_PERSON (object);

  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (racimo_person_parent_class)->finalize (object);
}

static void
racimo_person_class_init (RacimoPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = racimo_person_finalize;
}

static void
racimo_person_init (RacimoPerson *self)
{
}

/**
 * racimo_person_get_email:
 *
 * Returns: (nullable): the person's e-mail address
 */
const char *
racimo_person_get_email (RacimoPerson *self)
{
  g_return_val_if_fail (RACIMO_IS_PERSON (self), NULL);

  return self->email;
}

void
_racimo_person_set_email (RacimoPerson *self,
                          const char   *email)
{
  g_free (self->email);
  self->email = (email != NULL && *email != '\0') ? g_strdup (email) : NULL;
}
