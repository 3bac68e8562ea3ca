/* racimo-fixes.c: quick fixes of findings, each one undoable step
 *
 * What the checks panel and the scheme menu offer beside waiving a
 * finding: keeping one owner of several, and switching scheme with the
 * doer's code carried over (RACI's R is DACI's D).  Each goes through the
 * project's setters between racimo_history_begin () and
 * racimo_history_end (), named for what the user chose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-fixes.h"
#include "racimo-history.h"

/**
 * racimo_fixes_make_owner:
 * @role: a role of the project
 *
 * Gives @role the owner's code for @activity: the fix of "No owner".
 */
void
racimo_fixes_make_owner (RacimoProject  *project,
                         RacimoActivity *activity,
                         RacimoRole     *role)
{
  const RacimoScheme *scheme;
  RacimoHistory *history;
  g_autofree char *label = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));
  g_return_if_fail (RACIMO_IS_ROLE (role));

  scheme = racimo_project_get_scheme (project);
  history = racimo_project_get_history (project);
  if (scheme->doer_exactly_one)
    /* Translators: what Undo undoes after the DACI quick fix */
    label = g_strdup_printf (_("Make %s the Approver"), racimo_item_get_name (RACIMO_ITEM (role)));
  else
    /* Translators: what Undo undoes after the quick fix */
    label = g_strdup_printf (_("Make %s Accountable"), racimo_item_get_name (RACIMO_ITEM (role)));

  /* One step, named for what the user chose. */
  racimo_history_begin (history, label);
  racimo_project_set_codes (project, activity, role,
                            racimo_activity_get_codes (activity, role)
                            | RACIMO_CODE_BIT (scheme->owner));
  racimo_history_end (history);
}

/**
 * racimo_fixes_keep_only_owner:
 * @owner: one of the roles that own @activity
 *
 * Takes the owner's code away from every other role of @activity: the fix
 * of "Several owners".
 */
void
racimo_fixes_keep_only_owner (RacimoProject  *project,
                              RacimoActivity *activity,
                              RacimoRole     *owner)
{
  RacimoCodes bit;
  RacimoHistory *history;
  g_autofree char *label = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));
  g_return_if_fail (RACIMO_IS_ROLE (owner));

  bit = RACIMO_CODE_BIT (racimo_project_get_scheme (project)->owner);
  history = racimo_project_get_history (project);
  /* Translators: what Undo undoes after the quick fix of "Several
   * owners"; %s is the role kept as the owner */
  label = g_strdup_printf (_("Keep Only %s Accountable"),
                           racimo_item_get_name (RACIMO_ITEM (owner)));

  racimo_history_begin (history, label);
  for (guint i = 0; i < racimo_project_get_n_roles (project); i++)
    {
      RacimoRole *role = racimo_project_get_role (project, i);
      RacimoCodes codes = racimo_activity_get_codes (activity, role);

      if (role != owner && (codes & bit) != 0)
        racimo_project_set_codes (project, activity, role, codes & ~bit);
    }
  racimo_history_end (history);
}

/* Calls @func on every activity of @project */
static void
foreach_activity (RacimoProject *project,
                  void         (*func) (RacimoProject  *project,
                                        RacimoActivity *activity,
                                        gpointer        data),
                  gpointer       data)
{
  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        func (project, racimo_phase_get_activity (phase, a), data);
    }
}

typedef struct
{
  RacimoCodes from;   /* the doer's code now */
  RacimoCodes to;     /* in the new scheme */
  gboolean    apply;  /* change the cells, or only count them */
  guint       n;
} Mapping;

/* The doer's code of the project's scheme, and of @scheme_id's, when the
 * two differ; FALSE when there is nothing to carry over */
static gboolean
mapping_init (RacimoProject *project,
              const char    *scheme_id,
              gboolean       apply,
              Mapping       *mapping)
{
  const RacimoScheme *now = racimo_project_get_scheme (project);
  const RacimoScheme *next = racimo_scheme_lookup (scheme_id);

  *mapping = (Mapping) { 0, 0, apply, 0 };
  if (next == NULL || next == now || now->doer == next->doer
      || racimo_scheme_code_index (next, now->doer) >= 0)
    return FALSE;

  mapping->from = RACIMO_CODE_BIT (now->doer);
  mapping->to = RACIMO_CODE_BIT (next->doer);
  return TRUE;
}

static void
map_cells (RacimoProject  *project,
           RacimoActivity *activity,
           gpointer        data)
{
  Mapping *mapping = data;

  for (guint i = 0; i < racimo_project_get_n_roles (project); i++)
    {
      RacimoRole *role = racimo_project_get_role (project, i);
      RacimoCodes codes = racimo_activity_get_codes (activity, role);

      if ((codes & mapping->from) == 0)
        continue;

      mapping->n++;
      if (mapping->apply)
        racimo_project_set_codes (project, activity, role,
                                  (codes & ~mapping->from) | mapping->to);
    }
}

/**
 * racimo_fixes_count_unmapped:
 * @scheme_id: the scheme the user is switching to
 *
 * Returns: how many cells hold the doer's code of the project's scheme
 *   that @scheme_id does not define and names with another letter (RACI's
 *   R in DACI, where D is the doer); 0 when there is nothing to carry over
 */
guint
racimo_fixes_count_unmapped (RacimoProject *project,
                             const char    *scheme_id)
{
  Mapping mapping;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), 0);
  g_return_val_if_fail (scheme_id != NULL, 0);

  if (!mapping_init (project, scheme_id, FALSE, &mapping))
    return 0;

  foreach_activity (project, map_cells, &mapping);
  return mapping.n;
}

/**
 * racimo_fixes_switch_scheme:
 * @scheme_id: the scheme to switch to
 *
 * Switches the project to @scheme_id and gives the doer's code of the old
 * scheme the new scheme's letter in every cell, in one step.
 */
void
racimo_fixes_switch_scheme (RacimoProject *project,
                            const char    *scheme_id)
{
  RacimoHistory *history;
  Mapping mapping;
  g_autofree char *label = NULL;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (racimo_scheme_lookup (scheme_id) != NULL);

  if (!mapping_init (project, scheme_id, TRUE, &mapping))
    {
      racimo_project_set_scheme (project, scheme_id);
      return;
    }

  history = racimo_project_get_history (project);
  /* Translators: what Undo undoes after switching scheme with the codes
   * carried over; %s is a scheme, such as "DACI" */
  label = g_strdup_printf (_("Switch to %s"), scheme_id);
  racimo_history_begin (history, label);
  foreach_activity (project, map_cells, &mapping);
  racimo_project_set_scheme (project, scheme_id);
  racimo_history_end (history);
}

/* Menu labels take underscores as mnemonics; a name keeps its own. */
static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "_", -1);

  return g_strjoinv ("__", parts);
}

/**
 * racimo_fixes_append_items:
 * @menu: where the items go
 * @check: the finding's check
 * @group: the action group whose "make-owner" and "keep-owner" actions,
 *   with the activity's and the role's ids, run the fixes
 *
 * Appends the quick fixes of @check on @activity, one per role: for no
 * owner, one of those who do the work becomes the owner (with nobody doing
 * it, one of those with a say in it; with nobody at all, any role); for
 * several owners, one of them is kept.  Other checks have none.
 */
void
racimo_fixes_append_items (GMenu          *menu,
                           RacimoProject  *project,
                           RacimoActivity *activity,
                           RacimoCheck     check,
                           const char     *group)
{
  const RacimoScheme *scheme;
  guint n_roles;
  gboolean keep = check == RACIMO_CHECK_MANY_OWNERS;
  g_autofree char *action = NULL;
  RacimoCodes wanted, held = 0;

  g_return_if_fail (G_IS_MENU (menu));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));

  if (check != RACIMO_CHECK_NO_OWNER && check != RACIMO_CHECK_MANY_OWNERS)
    return;

  scheme = racimo_project_get_scheme (project);
  n_roles = racimo_project_get_n_roles (project);
  action = g_strconcat (group, keep ? ".keep-owner" : ".make-owner", NULL);
  wanted = RACIMO_CODE_BIT (keep ? scheme->owner : scheme->doer);
  for (guint i = 0; i < n_roles; i++)
    held |= racimo_activity_get_codes (activity, racimo_project_get_role (project, i));
  if ((held & wanted) == 0)
    wanted = held;

  for (guint i = 0; i < n_roles; i++)
    {
      RacimoRole *role = racimo_project_get_role (project, i);
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) fix = NULL;

      /* A role that holds nothing is a candidate only when none holds
       * anything. */
      if ((racimo_activity_get_codes (activity, role) & wanted) == 0 && held != 0)
        continue;

      name = escape_underscores (racimo_item_get_name (RACIMO_ITEM (role)));
      if (keep)
        /* Translators: a quick fix of "Several owners": the role stays
         * accountable (A), the others are not any more */
        label = g_strdup_printf (_("Keep Only %s Accountable"), name);
      else if (scheme->doer_exactly_one)
        /* Translators: a quick fix in the DACI scheme: the role becomes
         * the approver (A) of the activity */
        label = g_strdup_printf (_("Make %s the Approver"), name);
      else
        /* Translators: a quick fix: the role becomes accountable (A) for
         * the activity */
        label = g_strdup_printf (_("Make %s Accountable"), name);

      fix = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (fix, action, "(ss)",
                                         racimo_item_get_id (RACIMO_ITEM (activity)),
                                         racimo_item_get_id (RACIMO_ITEM (role)));
      g_menu_append_item (menu, fix);
    }
}

/**
 * racimo_fixes_apply:
 * @action: the name of an action of racimo_fixes_append_items (), such as
 *   "checks.keep-owner"
 * @target: its target, the activity's and the role's ids
 *
 * Runs the fix a menu item of racimo_fixes_append_items () stands for; an
 * activity or role gone since the menu opened (an undo) leaves nothing to
 * do.
 */
void
racimo_fixes_apply (RacimoProject *project,
                    const char    *action,
                    GVariant      *target)
{
  const char *activity_id, *role_id;
  RacimoItem *activity, *role;

  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (g_variant_is_of_type (target, G_VARIANT_TYPE ("(ss)")));

  g_variant_get (target, "(&s&s)", &activity_id, &role_id);
  activity = racimo_project_lookup (project, activity_id);
  role = racimo_project_lookup (project, role_id);
  if (!RACIMO_IS_ACTIVITY (activity) || !RACIMO_IS_ROLE (role))
    return;

  if (g_str_has_suffix (action, ".keep-owner"))
    racimo_fixes_keep_only_owner (project, RACIMO_ACTIVITY (activity), RACIMO_ROLE (role));
  else
    racimo_fixes_make_owner (project, RACIMO_ACTIVITY (activity), RACIMO_ROLE (role));
}
