/* racimo-project-people.c: the people of a project and the members of its roles,
 * as commands of its history (docs/file-format.md, "People")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-check.h"
#include "racimo-history-private.h"
#include "racimo-model-private.h"
#include "racimo-project-private.h"
#include "racimo-project.h"

/* People (docs/file-format.md, "People") */

guint
racimo_project_get_n_people (RacimoProject *self)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), 0);

  return self->people->len;
}

/**
 * racimo_project_get_person:
 *
 * Returns: (transfer none): the @n-th person, in the order the user gave
 */
RacimoPerson *
racimo_project_get_person (RacimoProject *self,
                           guint          n)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (n < self->people->len, NULL);

  return g_ptr_array_index (self->people, n);
}

/**
 * racimo_project_index_of_person:
 *
 * Returns: the position of @person, or -1 when it is not in the project
 */
int
racimo_project_index_of_person (RacimoProject *self,
                                RacimoPerson  *person)
{
  guint index;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), -1);

  if (!g_ptr_array_find (self->people, person, &index))
    return -1;

  return (int) index;
}

/**
 * racimo_project_find_person:
 *
 * Returns: (transfer none) (nullable): the first person named exactly @name
 */
RacimoPerson *
racimo_project_find_person (RacimoProject *self,
                            const char    *name)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->people->len; i++)
    {
      RacimoItem *person = g_ptr_array_index (self->people, i);

      if (strcmp (racimo_item_get_name (person), name) == 0)
        return RACIMO_PERSON (person);
    }

  return NULL;
}

/**
 * racimo_project_dup_roles_of:
 *
 * Returns: (transfer container) (element-type RacimoRole): the roles that
 *   @person holds, in column order
 */
GPtrArray *
racimo_project_dup_roles_of (RacimoProject *self,
                             RacimoPerson  *person)
{
  GPtrArray *roles;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (RACIMO_IS_PERSON (person), NULL);

  roles = g_ptr_array_new ();
  for (guint i = 0; i < self->roles->len; i++)
    {
      RacimoRole *role = g_ptr_array_index (self->roles, i);

      if (racimo_role_index_of_member (role, person) >= 0)
        g_ptr_array_add (roles, role);
    }

  return roles;
}

/* Whether the people are in the order in which the roles first name
 * them, the order person texts give them back in.  Every person holds a
 * role here, and each role has at most one member. */
static gboolean
people_in_role_order (RacimoProject *self)
{
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);
  guint next = 0;

  for (guint i = 0; i < self->people->len; i++)
    g_hash_table_insert (index_of, g_ptr_array_index (self->people, i), GUINT_TO_POINTER (i));

  for (guint i = 0; i < self->roles->len; i++)
    {
      RacimoRole *role = g_ptr_array_index (self->roles, i);
      guint index;

      if (racimo_role_get_n_members (role) == 0)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, racimo_role_get_member (role, 0)));
      if (index > next)
        return FALSE;
      if (index == next)
        next++;
    }

  return TRUE;
}

/**
 * racimo_project_needs_people:
 *
 * Whether the project's people need the 1.1 form of the file (`people`
 * and `member`): a role with several members, a person with an e-mail
 * address, a waiver, a conflict or foreign content, one who holds no
 * role, one with an empty name, two people of one name, or people in
 * another order than the roles name them.  Otherwise one `person` text per role
 * says everything (docs/file-format.md, "People").
 */
gboolean
racimo_project_needs_people (RacimoProject *self)
{
  g_autoptr(GHashTable) holding = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), FALSE);

  if (self->people->len == 0)
    return FALSE;

  holding = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->roles->len; i++)
    {
      RacimoRole *role = g_ptr_array_index (self->roles, i);
      guint n = racimo_role_get_n_members (role);

      if (n > 1)
        return TRUE;
      if (n == 1)
        g_hash_table_add (holding, racimo_role_get_member (role, 0));
    }

  /* What only a <person> element of <people> can hold */
  for (guint i = 0; i < self->people->len; i++)
    {
      RacimoPerson *person = g_ptr_array_index (self->people, i);
      RacimoItem *item = RACIMO_ITEM (person);

      if (racimo_person_get_email (person) != NULL || !g_hash_table_contains (holding, person)
          || racimo_item_get_n_waivers (item) > 0 || racimo_item_get_n_conflicts (item) > 0
          || _racimo_item_get_foreign (item)->len > 0)
        return TRUE;
    }

  /* Two people of one name would come back as one from person texts, and
   * an empty text is no person at all. */
  for (guint i = 0; i < self->people->len; i++)
    {
      RacimoPerson *person = g_ptr_array_index (self->people, i);
      const char *name = racimo_item_get_name (RACIMO_ITEM (person));

      if (*name == '\0' || racimo_project_find_person (self, name) != person)
        return TRUE;
    }

  return !people_in_role_order (self);
}

typedef struct
{
  RacimoRole *role;
  guint       position;
} Membership;

static void
clear_membership (gpointer data)
{
  Membership *membership = data;

  g_clear_object (&membership->role);
}

typedef struct
{
  RacimoPerson *person;
  guint         position;
  gboolean      insert;
  GArray       *memberships; /* Membership: what a removed person held */
} PersonCommand;

static void
person_command_free (gpointer data)
{
  PersonCommand *command = data;

  g_object_unref (command->person);
  g_array_unref (command->memberships);
  g_free (command);
}

static void
apply_person (RacimoProject *self,
              gpointer       data,
              gboolean       undo)
{
  PersonCommand *command = data;

  if (command->insert != undo)
    {
      g_ptr_array_insert (self->people, (int) command->position, g_object_ref (command->person));
      _racimo_project_register_id (self, RACIMO_ITEM (command->person));
      g_signal_emit (self, _racimo_project_signals[PERSON_ADDED], 0, command->person);

      for (guint i = command->memberships->len; i > 0; i--)
        {
          Membership *membership = &g_array_index (command->memberships, Membership, i - 1);

          _racimo_role_insert_member (membership->role, membership->position, command->person);
          g_signal_emit (self, _racimo_project_signals[ITEM_CHANGED], 0, membership->role,
                         (guint) RACIMO_CHANGE_PERSON);
        }
      g_array_set_size (command->memberships, 0);
    }
  else
    {
      g_autoptr(RacimoPerson) person = g_object_ref (command->person);

      g_array_set_size (command->memberships, 0);
      for (guint i = 0; i < self->roles->len; i++)
        {
          RacimoRole *role = g_ptr_array_index (self->roles, i);
          int position = racimo_role_index_of_member (role, person);
          Membership membership;

          if (position < 0)
            continue;

          membership.role = g_object_ref (role);
          membership.position = (guint) position;
          g_array_append_val (command->memberships, membership);
          _racimo_role_remove_member (role, person);
          g_signal_emit (self, _racimo_project_signals[ITEM_CHANGED], 0, role, (guint) RACIMO_CHANGE_PERSON);
        }

      _racimo_project_unregister_id (self, RACIMO_ITEM (person));
      g_ptr_array_remove_index (self->people, command->position);
      g_signal_emit (self, _racimo_project_signals[PERSON_REMOVED], 0, person, command->position);
    }
}

static PersonCommand *
person_command_new (RacimoPerson *person,
                    guint         position,
                    gboolean      insert)
{
  PersonCommand *command = g_new0 (PersonCommand, 1);

  command->person = g_object_ref (person);
  command->position = position;
  command->insert = insert;
  command->memberships = g_array_new (FALSE, FALSE, sizeof (Membership));
  g_array_set_clear_func (command->memberships, clear_membership);

  return command;
}

/**
 * racimo_project_add_person:
 * @position: where in the list of people, or -1 to append
 * @name: (nullable): the person's name
 * @email: (nullable): an e-mail address
 *
 * Returns: (transfer none): the new person, who holds no role yet
 */
RacimoPerson *
racimo_project_add_person (RacimoProject *self,
                           int            position,
                           const char    *name,
                           const char    *email)
{
  g_autoptr(RacimoPerson) person = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (self), NULL);
  g_return_val_if_fail (position <= (int) self->people->len, NULL);

  if (position < 0)
    position = (int) self->people->len;

  id = _racimo_project_make_id (self, name, "person");
  person = g_object_new (RACIMO_TYPE_PERSON, NULL);
  _racimo_item_set_id (RACIMO_ITEM (person), id);
  _racimo_item_set_name (RACIMO_ITEM (person), name);
  _racimo_person_set_email (person, email);
  _racimo_project_insert_person (self, (guint) position, person);

  return person;
}

/* Adds @person, made outside with an id the project does not use yet, with
 * history, as _racimo_project_insert_role (). */
void
_racimo_project_insert_person (RacimoProject *self,
                               guint          position,
                               RacimoPerson  *person)
{
  g_return_if_fail (position <= self->people->len);
  g_return_if_fail (racimo_project_lookup (self, racimo_item_get_id (RACIMO_ITEM (person))) == NULL);

  _racimo_project_push (self, _("Add Person"), apply_person, person_command_new (person, position, TRUE),
                        person_command_free);
}

/**
 * racimo_project_remove_person:
 *
 * Removes a person from the project and from every role; undo brings the
 * memberships back too.
 */
void
racimo_project_remove_person (RacimoProject *self,
                              RacimoPerson  *person)
{
  int position;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_PERSON (person));

  position = racimo_project_index_of_person (self, person);
  g_return_if_fail (position >= 0);

  _racimo_project_push (self, _("Delete Person"), apply_person,
                        person_command_new (person, (guint) position, FALSE), person_command_free);
}

/**
 * racimo_project_move_person:
 * @position: the position the person ends up at in the list of people
 */
void
racimo_project_move_person (RacimoProject *self,
                            RacimoPerson  *person,
                            guint          position)
{
  int from;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  from = racimo_project_index_of_person (self, person);
  g_return_if_fail (from >= 0);
  g_return_if_fail (position < self->people->len);

  _racimo_project_move_item (self, RACIMO_ITEM (person), (guint) from, position, _("Move Person"));
}

/**
 * racimo_project_set_person_email:
 * @email: (nullable): the address; empty or %NULL removes it
 */
void
racimo_project_set_person_email (RacimoProject *self,
                                 RacimoPerson  *person,
                                 const char    *email)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_PERSON (person) && _racimo_project_owns_item (self, RACIMO_ITEM (person)));

  _racimo_project_set_item_field (self, RACIMO_ITEM (person), RACIMO_CHANGE_EMAIL, NULL,
                                  racimo_person_get_email (person), _racimo_project_empty_to_null (email),
                                  _("Change E-mail Address"));
}

typedef struct
{
  RacimoRole   *role;
  RacimoPerson *person;
  guint         position;
  gboolean      insert;
} MemberCommand;

static void
member_command_free (gpointer data)
{
  MemberCommand *command = data;

  g_object_unref (command->role);
  g_object_unref (command->person);
  g_free (command);
}

static void
apply_member (RacimoProject *self,
              gpointer       data,
              gboolean       undo)
{
  MemberCommand *command = data;

  if (command->insert != undo)
    _racimo_role_insert_member (command->role, command->position, command->person);
  else
    _racimo_role_remove_member (command->role, command->person);

  g_signal_emit (self, _racimo_project_signals[ITEM_CHANGED], 0, command->role, (guint) RACIMO_CHANGE_PERSON);
}

static void
push_member (RacimoProject *self,
             RacimoRole    *role,
             RacimoPerson  *person,
             guint          position,
             gboolean       insert,
             const char    *label)
{
  MemberCommand *command = g_new0 (MemberCommand, 1);

  command->role = g_object_ref (role);
  command->person = g_object_ref (person);
  command->position = position;
  command->insert = insert;
  _racimo_project_push (self, label, apply_member, command, member_command_free);
}

/**
 * racimo_project_add_member:
 *
 * Makes @person a member of @role, after its other members.  Nothing
 * happens when it is one already.
 */
void
racimo_project_add_member (RacimoProject *self,
                           RacimoRole    *role,
                           RacimoPerson  *person)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ROLE (role) && _racimo_project_owns_item (self, RACIMO_ITEM (role)));
  g_return_if_fail (RACIMO_IS_PERSON (person) && _racimo_project_owns_item (self, RACIMO_ITEM (person)));

  if (racimo_role_index_of_member (role, person) >= 0)
    return;

  push_member (self, role, person, racimo_role_get_n_members (role), TRUE, _("Add Member"));
}

void
racimo_project_remove_member (RacimoProject *self,
                              RacimoRole    *role,
                              RacimoPerson  *person)
{
  int position;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ROLE (role) && _racimo_project_owns_item (self, RACIMO_ITEM (role)));

  position = racimo_role_index_of_member (role, person);
  if (position < 0)
    return;

  push_member (self, role, person, (guint) position, FALSE, _("Remove Member"));
}

/**
 * racimo_project_set_role_person:
 * @person: (nullable): the name of who fills the role; empty or %NULL
 *   leaves the role with no member
 *
 * The one-person form of a role, as the 1.0 `person` text says it: the
 * role's members become the person of that name (a new one when no person
 * has it).  A person it leaves holding no role and with no e-mail address
 * goes from the list of people, as a 1.0 person text would.  One step of
 * history.
 */
void
racimo_project_set_role_person (RacimoProject *self,
                                RacimoRole    *role,
                                const char    *person)
{
  g_autoptr(GPtrArray) old = NULL;
  RacimoPerson *wanted = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_ROLE (role) && _racimo_project_owns_item (self, RACIMO_ITEM (role)));

  if (g_strcmp0 (racimo_role_get_person (role), _racimo_project_empty_to_null (person)) == 0)
    return;

  racimo_history_begin (self->history, _("Change Person"));

  if (_racimo_project_empty_to_null (person) != NULL)
    {
      wanted = racimo_project_find_person (self, person);
      if (wanted == NULL)
        wanted = racimo_project_add_person (self, -1, person, NULL);
    }

  old = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < racimo_role_get_n_members (role); i++)
    if (racimo_role_get_member (role, i) != wanted)
      g_ptr_array_add (old, g_object_ref (racimo_role_get_member (role, i)));

  for (guint i = 0; i < old->len; i++)
    {
      RacimoPerson *gone = g_ptr_array_index (old, i);
      gboolean holds_other = FALSE;

      racimo_project_remove_member (self, role, gone);
      for (guint r = 0; r < self->roles->len && !holds_other; r++)
        holds_other = racimo_role_index_of_member (g_ptr_array_index (self->roles, r), gone) >= 0;
      if (!holds_other && racimo_person_get_email (gone) == NULL)
        racimo_project_remove_person (self, gone);
    }

  if (wanted != NULL)
    racimo_project_add_member (self, role, wanted);

  racimo_history_end (self->history);
}

/**
 * racimo_project_merge_people:
 * @keep: the person who stays
 * @other: the same person entered twice, who goes
 *
 * @keep takes @other's roles (in @other's place among their members) and,
 * when it has none, @other's e-mail address; @other is removed.  One step
 * of history.
 */
void
racimo_project_merge_people (RacimoProject *self,
                             RacimoPerson  *keep,
                             RacimoPerson  *other)
{
  g_return_if_fail (RACIMO_IS_PROJECT (self));
  g_return_if_fail (RACIMO_IS_PERSON (keep) && _racimo_project_owns_item (self, RACIMO_ITEM (keep)));
  g_return_if_fail (RACIMO_IS_PERSON (other) && _racimo_project_owns_item (self, RACIMO_ITEM (other)));
  g_return_if_fail (keep != other);

  racimo_history_begin (self->history, _("Merge People"));

  for (guint i = 0; i < self->roles->len; i++)
    {
      RacimoRole *role = g_ptr_array_index (self->roles, i);
      int position = racimo_role_index_of_member (role, other);

      if (position < 0)
        continue;

      if (racimo_role_index_of_member (role, keep) < 0)
        push_member (self, role, keep, (guint) position, TRUE, _("Add Member"));
    }

  if (racimo_person_get_email (keep) == NULL && racimo_person_get_email (other) != NULL)
    racimo_project_set_person_email (self, keep, racimo_person_get_email (other));

  racimo_project_remove_person (self, other);

  racimo_history_end (self->history);
}
