/* racimo-diff.c: every difference between two copies of a project, in
 * plain words
 *
 * Items are matched by id, so a rename is one line and not a removal and
 * an addition.  Lines come in the document order of the new copy; what
 * the old copy had and the new one lacks comes after the list it was in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-compare-private.h"
#include "racimo-compare.h"

typedef struct
{
  RacimoProject *old;
  RacimoProject *new;
  GPtrArray     *lines;  /* RacimoDiffLine */
  gboolean       cells;  /* the lines of cells and notes too */
} Diff;

void
_racimo_diff_line_free (RacimoDiffLine *line)
{
  g_free (line->text);
  g_free (line->key);
  g_free (line);
}

/* One line about @item (NULL: the project itself); @key is the check of a
 * waiver, the person of a membership, the role of a cell. */
G_GNUC_PRINTF (6, 7)
static void
say (Diff                  *diff,
     RacimoItem            *item,
     RacimoDifferenceKind   kind,
     RacimoDifferenceField  field,
     const char            *key,
     const char            *format,
     ...)
{
  RacimoDiffLine *line = g_new0 (RacimoDiffLine, 1);
  va_list args;

  va_start (args, format);
  line->text = g_strdup_vprintf (format, args);
  va_end (args);
  line->item = item;
  line->kind = kind;
  line->field = field;
  line->key = g_strdup (key);
  g_ptr_array_add (diff->lines, line);
}

#define CHANGED RACIMO_DIFFERENCE_CHANGED

/* "Role “Lead”": how every line names an item. */
char *
_racimo_compare_label (RacimoItem *item)
{
  const char *name = racimo_item_get_name (item);

  if (name == NULL || name[0] == '\0')
    name = racimo_item_get_id (item);

  if (RACIMO_IS_PERSON (item))
    return g_strdup_printf (_("Person “%s”"), name);
  if (RACIMO_IS_ROLE (item))
    return g_strdup_printf (_("Role “%s”"), name);
  if (RACIMO_IS_PHASE (item))
    return g_strdup_printf (_("Phase “%s”"), name);

  {
    RacimoPhase *phase = racimo_activity_get_phase (RACIMO_ACTIVITY (item));
    const char *phase_name = phase != NULL ? racimo_item_get_name (RACIMO_ITEM (phase)) : NULL;

    if (phase_name == NULL || phase_name[0] == '\0')
      return g_strdup_printf (_("Activity “%s”"), name);
    return g_strdup_printf (_("Activity “%s” (%s)"), name, phase_name);
  }
}

static const char *
phase_name_of (RacimoItem *activity)
{
  RacimoPhase *phase = racimo_activity_get_phase (RACIMO_ACTIVITY (activity));

  return _racimo_compare_name_of (RACIMO_ITEM (phase));
}

static void
diff_waivers (Diff       *diff,
              const char *who,
              RacimoItem *old_item,
              RacimoItem *new_item)
{
  g_autoptr(GPtrArray) checks = _racimo_compare_waived_checks (new_item, old_item);

  for (guint i = 0; i < checks->len; i++)
    {
      const char *check = g_ptr_array_index (checks, i);
      const char *was = _racimo_compare_waiver (old_item, check);
      const char *is = _racimo_compare_waiver (new_item, check);

      if (g_strcmp0 (was, is) == 0)
        continue;
      if (was == NULL)
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_WAIVER, check,
             _("%s: finding %s waived"), who, check);
      else if (is == NULL)
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_WAIVER, check,
             _("%s: waiver of %s taken back"), who, check);
      else
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_WAIVER, check,
             _("%s: reason for waiving %s changed"), who, check);
    }
}

static void
diff_members (Diff       *diff,
              const char *who,
              RacimoRole *old_role,
              RacimoRole *new_role)
{
  g_autoptr(GPtrArray) was = _racimo_compare_members (old_role);
  g_autoptr(GPtrArray) is = _racimo_compare_members (new_role);

  for (guint i = 0; i < is->len; i++)
    if (!g_ptr_array_find_with_equal_func (was, g_ptr_array_index (is, i), g_str_equal, NULL))
      say (diff, RACIMO_ITEM (new_role), CHANGED, RACIMO_DIFFERENCE_FIELD_MEMBER,
           g_ptr_array_index (is, i), _("%s: “%s” added as a member"), who,
           _racimo_compare_name_of (racimo_project_lookup (diff->new, g_ptr_array_index (is, i))));

  for (guint i = 0; i < was->len; i++)
    if (!g_ptr_array_find_with_equal_func (is, g_ptr_array_index (was, i), g_str_equal, NULL))
      say (diff, RACIMO_ITEM (new_role), CHANGED, RACIMO_DIFFERENCE_FIELD_MEMBER,
           g_ptr_array_index (was, i), _("%s: “%s” no longer a member"), who,
           _racimo_compare_name_of (racimo_project_lookup (diff->old, g_ptr_array_index (was, i))));
}

/* What an item says of itself: name, description, and what its kind adds. */
static void
diff_own (Diff       *diff,
          RacimoItem *old_item,
          RacimoItem *new_item)
{
  g_autofree char *who = _racimo_compare_label (new_item);

  if (!_racimo_compare_text_equal (racimo_item_get_name (old_item),
                                   racimo_item_get_name (new_item)))
    {
      g_autofree char *was = _racimo_compare_label (old_item);

      say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_NAME, NULL, _("%s renamed to “%s”"),
           was, racimo_item_get_name (new_item));
    }

  if (RACIMO_IS_PERSON (new_item))
    {
      const char *was = racimo_person_get_email (RACIMO_PERSON (old_item));
      const char *is = racimo_person_get_email (RACIMO_PERSON (new_item));

      if (_racimo_compare_text_equal (was, is))
        {
          /* the same */
        }
      else if (_racimo_compare_text_equal (was, NULL))
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_EMAIL, NULL,
             _("%s: e-mail address set to “%s”"), who, is);
      else if (_racimo_compare_text_equal (is, NULL))
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_EMAIL, NULL,
             _("%s: e-mail address “%s” removed"), who, was);
      else
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_EMAIL, NULL,
             _("%s: e-mail address changed from “%s” to “%s”"), who, was, is);
    }

  if (RACIMO_IS_ROLE (new_item))
    {
      const char *was = racimo_role_get_abbrev (RACIMO_ROLE (old_item));
      const char *is = racimo_role_get_abbrev (RACIMO_ROLE (new_item));

      if (_racimo_compare_text_equal (was, is))
        {
          /* the same */
        }
      else if (_racimo_compare_text_equal (was, NULL))
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_ABBREV, NULL,
             _("%s: abbreviation set to “%s”"), who, is);
      else if (_racimo_compare_text_equal (is, NULL))
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_ABBREV, NULL,
             _("%s: abbreviation “%s” removed"), who, was);
      else
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_ABBREV, NULL,
             _("%s: abbreviation changed from “%s” to “%s”"), who, was, is);
      diff_members (diff, who, RACIMO_ROLE (old_item), RACIMO_ROLE (new_item));
    }

  if (!_racimo_compare_text_equal (racimo_item_get_description (old_item),
                                   racimo_item_get_description (new_item)))
    say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_DESCRIPTION, NULL,
         _("%s: description changed"), who);

  if (RACIMO_IS_ACTIVITY (new_item) &&
      racimo_activity_get_applicable (RACIMO_ACTIVITY (old_item)) !=
        racimo_activity_get_applicable (RACIMO_ACTIVITY (new_item)))
    {
      if (racimo_activity_get_applicable (RACIMO_ACTIVITY (new_item)))
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_APPLICABLE, NULL,
             _("%s applies again"), who);
      else
        say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_APPLICABLE, NULL,
             _("%s marked as not applicable"), who);
    }

  diff_waivers (diff, who, old_item, new_item);

  if (!_racimo_compare_conflicts_equal (old_item, new_item))
    say (diff, new_item, CHANGED, RACIMO_DIFFERENCE_FIELD_CONFLICTS, NULL,
         _("%s: recorded merge conflicts changed"), who);
}

static void
say_moved (Diff       *diff,
           RacimoItem *item,
           GPtrArray  *items,
           guint       index)
{
  g_autofree char *who = _racimo_compare_label (item);

  if (index == 0)
    say (diff, item, RACIMO_DIFFERENCE_MOVED, RACIMO_DIFFERENCE_FIELD_PLACE, NULL,
         _("%s moved to the top"), who);
  else
    say (diff, item, RACIMO_DIFFERENCE_MOVED, RACIMO_DIFFERENCE_FIELD_PLACE, NULL,
         _("%s moved after “%s”"), who,
         _racimo_compare_name_of (g_ptr_array_index (items, index - 1)));
}

static void
diff_cells (Diff           *diff,
            RacimoActivity *old_activity,
            RacimoActivity *new_activity)
{
  const char *id = racimo_item_get_id (RACIMO_ITEM (new_activity));
  g_autofree char *who = _racimo_compare_label (RACIMO_ITEM (new_activity));
  guint n = racimo_project_get_n_roles (diff->new);

  for (guint i = 0; i < n; i++)
    {
      RacimoRole *role = racimo_project_get_role (diff->new, i);
      const char *role_id = racimo_item_get_id (RACIMO_ITEM (role));
      RacimoCodes was = old_activity != NULL ? _racimo_compare_codes (diff->old, id, role_id) : 0;
      RacimoCodes is = racimo_activity_get_codes (new_activity, role);
      const char *old_note = old_activity != NULL ? _racimo_compare_note (diff->old, id, role_id)
                                                  : NULL;
      const char *new_note = racimo_activity_get_note (new_activity, role);

      if (was != is)
        {
          g_autofree char *was_text = _racimo_compare_codes_text (diff->old, was);
          g_autofree char *is_text = _racimo_compare_codes_text (diff->new, is);

          say (diff, RACIMO_ITEM (new_activity), CHANGED, RACIMO_DIFFERENCE_FIELD_CELL, role_id,
               /* TRANSLATORS: an activity, a role's name, its codes before and
                * after, as in: Activity “Deploy” (MLOps): ML engineer R → R A */
               _("%s: %s %s → %s"), who, _racimo_compare_name_of (RACIMO_ITEM (role)),
               was_text, is_text);
        }

      if (_racimo_compare_text_equal (old_note, new_note))
        continue;
      if (old_note == NULL || old_note[0] == '\0')
        say (diff, RACIMO_ITEM (new_activity), CHANGED, RACIMO_DIFFERENCE_FIELD_NOTE, role_id,
             _("%s: note for %s added"), who, _racimo_compare_name_of (RACIMO_ITEM (role)));
      else if (new_note == NULL || new_note[0] == '\0')
        say (diff, RACIMO_ITEM (new_activity), CHANGED, RACIMO_DIFFERENCE_FIELD_NOTE, role_id,
             _("%s: note for %s removed"), who, _racimo_compare_name_of (RACIMO_ITEM (role)));
      else
        say (diff, RACIMO_ITEM (new_activity), CHANGED, RACIMO_DIFFERENCE_FIELD_NOTE, role_id,
             _("%s: note for %s changed"), who, _racimo_compare_name_of (RACIMO_ITEM (role)));
    }
}

static void
diff_list (Diff              *diff,
           RacimoCompareList  list,
           RacimoPhase       *old_phase,
           RacimoPhase       *new_phase);

/* An item of the new copy, and what the old copy had of it. */
static void
diff_item (Diff       *diff,
           RacimoItem *item,
           GPtrArray  *items,
           guint       index,
           GHashTable *placed)
{
  RacimoItem *old_item = _racimo_compare_find (diff->old, item);

  if (old_item == NULL)
    {
      g_autofree char *who = _racimo_compare_label (item);

      if (RACIMO_IS_ACTIVITY (item))
        say (diff, item, RACIMO_DIFFERENCE_ADDED, RACIMO_DIFFERENCE_FIELD_EXISTS, NULL,
             _("Activity “%s” added to phase “%s”"), _racimo_compare_name_of (item),
             phase_name_of (item));
      else
        say (diff, item, RACIMO_DIFFERENCE_ADDED, RACIMO_DIFFERENCE_FIELD_EXISTS, NULL,
             _("%s added"), who);
    }
  else
    {
      if (RACIMO_IS_ACTIVITY (item) &&
          g_strcmp0 (racimo_item_get_id (RACIMO_ITEM (racimo_activity_get_phase (RACIMO_ACTIVITY (old_item)))),
                     racimo_item_get_id (RACIMO_ITEM (racimo_activity_get_phase (RACIMO_ACTIVITY (item))))) != 0)
        say (diff, item, RACIMO_DIFFERENCE_MOVED, RACIMO_DIFFERENCE_FIELD_PLACE, NULL,
             _("Activity “%s” moved to phase “%s”"), _racimo_compare_name_of (item),
             phase_name_of (item));
      else if (g_hash_table_contains (placed, racimo_item_get_id (item)))
        say_moved (diff, item, items, index);

      diff_own (diff, old_item, item);
    }

  if (RACIMO_IS_ACTIVITY (item))
    {
      if (diff->cells)
        diff_cells (diff, RACIMO_ACTIVITY (old_item), RACIMO_ACTIVITY (item));
    }
  else if (RACIMO_IS_PHASE (item))
    diff_list (diff, RACIMO_COMPARE_PHASES, RACIMO_PHASE (old_item), RACIMO_PHASE (item));
}

static void
say_removed (Diff       *diff,
             RacimoItem *item)
{
  if (RACIMO_IS_ACTIVITY (item))
    say (diff, item, RACIMO_DIFFERENCE_REMOVED, RACIMO_DIFFERENCE_FIELD_EXISTS, NULL,
         _("Activity “%s” removed from phase “%s”"), _racimo_compare_name_of (item),
         phase_name_of (item));
  else
    {
      g_autofree char *who = _racimo_compare_label (item);

      say (diff, item, RACIMO_DIFFERENCE_REMOVED, RACIMO_DIFFERENCE_FIELD_EXISTS, NULL,
           _("%s removed"), who);
    }
}

/* A list of the new copy (with @new_phase, that phase's activities), then
 * what the old list had that the new copy has nowhere. */
static void
diff_list (Diff              *diff,
           RacimoCompareList  list,
           RacimoPhase       *old_phase,
           RacimoPhase       *new_phase)
{
  g_autoptr(GPtrArray) items = _racimo_compare_items (diff->new, list, new_phase);
  g_autoptr(GPtrArray) old_items = NULL;
  g_autoptr(GHashTable) placed = NULL;

  if (new_phase != NULL)
    old_items = old_phase != NULL ? _racimo_compare_items (diff->old, list, old_phase)
                                  : g_ptr_array_new ();
  else
    old_items = _racimo_compare_items (diff->old, list, NULL);

  placed = _racimo_compare_placed (old_items, items);

  for (guint i = 0; i < items->len; i++)
    diff_item (diff, g_ptr_array_index (items, i), items, i, placed);

  for (guint i = 0; i < old_items->len; i++)
    {
      RacimoItem *old_item = g_ptr_array_index (old_items, i);

      if (_racimo_compare_find (diff->new, old_item) == NULL)
        {
          say_removed (diff, old_item);
          /* The activities of a phase that is gone are gone with it, unless
           * the new copy moved them elsewhere. */
          if (RACIMO_IS_PHASE (old_item))
            {
              g_autoptr(GPtrArray) activities = _racimo_compare_items (diff->old, list,
                                                                       RACIMO_PHASE (old_item));

              for (guint j = 0; j < activities->len; j++)
                if (_racimo_compare_find (diff->new, g_ptr_array_index (activities, j)) == NULL)
                  say_removed (diff, g_ptr_array_index (activities, j));
            }
        }
    }
}

static void
diff_project (Diff *diff)
{
  const char *was = racimo_project_get_title (diff->old);
  const char *is = racimo_project_get_title (diff->new);

  if (!_racimo_compare_text_equal (was, is))
    say (diff, NULL, CHANGED, RACIMO_DIFFERENCE_FIELD_TITLE, NULL,
         _("Title changed from “%s” to “%s”"), was, is);

  if (!_racimo_compare_text_equal (racimo_project_get_description (diff->old),
                                   racimo_project_get_description (diff->new)))
    say (diff, NULL, CHANGED, RACIMO_DIFFERENCE_FIELD_DESCRIPTION, NULL,
         _("Description of the project changed"));

  if (g_strcmp0 (racimo_project_get_scheme_id (diff->old),
                 racimo_project_get_scheme_id (diff->new)) != 0)
    say (diff, NULL, CHANGED, RACIMO_DIFFERENCE_FIELD_SCHEME, NULL,
         _("Scheme changed from %s to %s"), racimo_project_get_scheme_id (diff->old),
         racimo_project_get_scheme_id (diff->new));
}

static gboolean
project_conflicts_equal (RacimoProject *a,
                         RacimoProject *b)
{
  guint n = racimo_project_get_n_conflicts (a);

  if (n != racimo_project_get_n_conflicts (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!_racimo_compare_conflict_equal (racimo_project_get_conflict (a, i),
                                         racimo_project_get_conflict (b, i)))
      return FALSE;

  return TRUE;
}

GPtrArray *
_racimo_diff_lines (RacimoProject *old_project,
                    RacimoProject *new_project,
                    gboolean       cells)
{
  Diff diff = { old_project, new_project,
                g_ptr_array_new_with_free_func ((GDestroyNotify) _racimo_diff_line_free), cells };

  diff_project (&diff);
  diff_list (&diff, RACIMO_COMPARE_PEOPLE, NULL, NULL);
  diff_list (&diff, RACIMO_COMPARE_ROLES, NULL, NULL);
  diff_list (&diff, RACIMO_COMPARE_PHASES, NULL, NULL);

  if (!project_conflicts_equal (old_project, new_project))
    say (&diff, NULL, CHANGED, RACIMO_DIFFERENCE_FIELD_CONFLICTS, NULL,
         _("Recorded merge conflicts of the project changed"));

  return diff.lines;
}

/**
 * racimo_diff:
 * @old_project: the copy before
 * @new_project: the copy after
 *
 * Every difference between the two copies, one line each, in plain words
 * for a person, such as `Role “UX designer” renamed to “Product designer”`.
 * Formatting, lines and foreign content make no difference.
 *
 * Returns: (transfer container) (element-type utf8): the lines, empty when
 *   the two copies say the same
 */
GPtrArray *
racimo_diff (RacimoProject *old_project,
             RacimoProject *new_project)
{
  g_autoptr(GPtrArray) lines = NULL;
  GPtrArray *texts;

  g_return_val_if_fail (RACIMO_IS_PROJECT (old_project), NULL);
  g_return_val_if_fail (RACIMO_IS_PROJECT (new_project), NULL);

  lines = _racimo_diff_lines (old_project, new_project, TRUE);
  texts = g_ptr_array_new_full (lines->len, g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      RacimoDiffLine *line = g_ptr_array_index (lines, i);

      g_ptr_array_add (texts, g_steal_pointer (&line->text));
    }

  return texts;
}
