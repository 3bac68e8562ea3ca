/* racimo-filter.c: which activities of a project a search shows
 *
 * The filter keeps, for every activity, whether it is shown, and the
 * count of those that are, so that asking costs a hash lookup.  A change
 * of the filter's own properties looks at every activity again; an edit
 * of the project looks again only at what it touched, and "changed" says
 * which activity that was.
 *
 * Searching compares folded text: case folded, accents taken off,
 * compatibility forms (full-width letters, ligatures) made plain.  The
 * folded names and descriptions are made the first time a search needs
 * them and dropped when the text changes, so typing into the search costs
 * a substring search per activity and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-filter.h"
#include "racimo-model-private.h"

typedef struct
{
  char     *name_key;        /* folded; NULL until a search needs it */
  char     *description_key; /* likewise */
  char     *notes_key;       /* likewise: the notes on its cells */
  gboolean  shown;
} ActivityState;

static void
activity_state_free (gpointer data)
{
  ActivityState *state = data;

  g_free (state->name_key);
  g_free (state->description_key);
  g_free (state->notes_key);
  g_free (state);
}

struct _RacimoFilter
{
  GObject        parent_instance;

  RacimoChecks  *checks;
  RacimoProject *project;

  char          *search_text;
  GStrv          tokens;      /* folded words of search_text, NULL when it has none */
  gboolean       only_findings;
  RacimoRole    *role;
  RacimoPerson  *person;
  gboolean       hide_not_applicable;

  GHashTable    *activities;  /* RacimoActivity (strong) -> ActivityState */
  GHashTable    *phase_keys;  /* RacimoPhase (strong) -> folded name */
  guint          n_shown;
};

G_DEFINE_FINAL_TYPE (RacimoFilter, racimo_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECKS,
  PROP_SEARCH_TEXT,
  PROP_ONLY_FINDINGS,
  PROP_ROLE,
  PROP_PERSON,
  PROP_HIDE_NOT_APPLICABLE,
  PROP_ACTIVE,
  PROP_N_SHOWN,
  PROP_N_TOTAL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Folding */

static gboolean
is_accent (gunichar c)
{
  /* The combining blocks of Latin, Greek and Cyrillic accents.  Japanese
   * voicing marks (U+3099, U+309A) are left alone: they make another
   * letter, not an accented one. */
  return (c >= 0x0300 && c <= 0x036f)
         || (c >= 0x1ab0 && c <= 0x1aff)
         || (c >= 0x1dc0 && c <= 0x1dff)
         || (c >= 0x20d0 && c <= 0x20ff)
         || (c >= 0xfe20 && c <= 0xfe2f);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

/**
 * racimo_filter_fold_text:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text the way the search compares it: "Éléphant" and "ｅｌｅｐｈａｎｔ"
 * both give "elephant".  Case is folded (so "ß" gives "ss"), accents are
 * taken off, and compatibility forms become plain letters.
 *
 * Returns: (transfer full): the folded text, "" for %NULL
 */
char *
racimo_filter_fold_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *stripped;

  if (text == NULL)
    return g_strdup ("");

  /* Most names are plain ASCII, and lowering them is all folding does. */
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (decomposed, -1);

  stripped = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_accent (c))
        g_string_append_unichar (stripped, c);
    }

  /* Composed again, so that a kana without its voicing mark does not match
   * the voiced one as a substring. */
  {
    g_autofree char *plain = g_string_free (stripped, FALSE);

    return g_utf8_normalize (plain, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  }
}

static GStrv
make_tokens (const char *text)
{
  g_autofree char *folded = racimo_filter_fold_text (text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;
  gboolean any = FALSE;

  /* Folding made every kind of space (tabs, the ideographic space) a plain
   * one or left it a control character. */
  g_strdelimit (folded, "\t\n\r\f\v", ' ');
  words = g_strsplit (folded, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        g_strv_builder_add (builder, words[i]);
        any = TRUE;
      }

  return any ? g_strv_builder_end (builder) : NULL;
}

static gboolean
tokens_equal (GStrv a,
              GStrv b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Matching */

static const char *
phase_key (RacimoFilter *self,
           RacimoPhase  *phase)
{
  char *key;

  if (phase == NULL)
    return "";

  key = g_hash_table_lookup (self->phase_keys, phase);
  if (key == NULL)
    {
      key = racimo_filter_fold_text (racimo_item_get_name (RACIMO_ITEM (phase)));
      g_hash_table_insert (self->phase_keys, g_object_ref (phase), key);
    }

  return key;
}

/* The notes of @activity's cells, of the roles of the project, folded. */
static char *
make_notes_key (RacimoFilter   *self,
                RacimoActivity *activity)
{
  GHashTable *notes = _racimo_activity_get_notes (activity);
  g_autoptr(GString) key = g_string_new (NULL);
  GHashTableIter iter;
  gpointer role, note;

  if (notes == NULL)
    return g_string_free (g_steal_pointer (&key), FALSE);

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &role, &note))
    {
      g_autofree char *folded = NULL;

      if (racimo_project_index_of_role (self->project, role) < 0)
        continue;
      folded = racimo_filter_fold_text (note);
      g_string_append (key, folded);
      g_string_append_c (key, '\n');
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
matches_search (RacimoFilter   *self,
                RacimoActivity *activity,
                ActivityState  *state)
{
  const char *phase;

  if (state->name_key == NULL)
    state->name_key = racimo_filter_fold_text (racimo_item_get_name (RACIMO_ITEM (activity)));
  if (state->description_key == NULL)
    state->description_key =
      racimo_filter_fold_text (racimo_item_get_description (RACIMO_ITEM (activity)));
  if (state->notes_key == NULL)
    state->notes_key = make_notes_key (self, activity);
  phase = phase_key (self, racimo_activity_get_phase (activity));

  /* Every word somewhere: "deploy mlops" finds "Deploy the model" in the
   * phase "MLOps". */
  for (guint i = 0; self->tokens[i] != NULL; i++)
    {
      const char *token = self->tokens[i];

      if (strstr (state->name_key, token) == NULL
          && strstr (state->description_key, token) == NULL
          && strstr (state->notes_key, token) == NULL
          && strstr (phase, token) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_open_finding (RacimoFilter   *self,
                  RacimoActivity *activity)
{
  GPtrArray *findings = racimo_checks_get_item_findings (self->checks, RACIMO_ITEM (activity));

  if (findings == NULL)
    return FALSE;

  for (guint i = 0; i < findings->len; i++)
    if (((RacimoFinding *) g_ptr_array_index (findings, i))->waiver_reason == NULL)
      return TRUE;

  return FALSE;
}

/* Whether one of the roles of the person of the filter holds a code on
 * @activity. */
static gboolean
person_holds_code (RacimoFilter   *self,
                   RacimoActivity *activity)
{
  GHashTable *cells = _racimo_activity_get_cells (activity);
  GHashTableIter iter;
  gpointer role;

  /* An activity holds a few cells, whatever the number of roles. */
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &role, NULL))
    if (racimo_role_index_of_member (role, self->person) >= 0
        && racimo_project_index_of_role (self->project, role) >= 0)
      return TRUE;

  return FALSE;
}

static gboolean
compute_shown (RacimoFilter   *self,
               RacimoActivity *activity,
               ActivityState  *state)
{
  if (self->hide_not_applicable && !racimo_activity_get_applicable (activity))
    return FALSE;

  if (self->role != NULL && racimo_activity_get_codes (activity, self->role) == 0)
    return FALSE;

  if (self->person != NULL && !person_holds_code (self, activity))
    return FALSE;

  if (self->only_findings && !has_open_finding (self, activity))
    return FALSE;

  if (self->tokens != NULL && !matches_search (self, activity, state))
    return FALSE;

  return TRUE;
}

/* Looks at @activity again.  Returns TRUE when whether it is shown changed. */
static gboolean
update_activity (RacimoFilter   *self,
                 RacimoActivity *activity,
                 ActivityState  *state)
{
  gboolean shown = compute_shown (self, activity, state);

  if (shown == state->shown)
    return FALSE;

  state->shown = shown;
  if (shown)
    self->n_shown++;
  else
    self->n_shown--;

  return TRUE;
}

static ActivityState *
add_activity (RacimoFilter   *self,
              RacimoActivity *activity)
{
  ActivityState *state = g_new0 (ActivityState, 1);

  state->shown = compute_shown (self, activity, state);
  if (state->shown)
    self->n_shown++;
  g_hash_table_insert (self->activities, g_object_ref (activity), state);

  return state;
}

static void
remove_activity (RacimoFilter   *self,
                 RacimoActivity *activity)
{
  ActivityState *state = g_hash_table_lookup (self->activities, activity);

  if (state == NULL)
    return;

  if (state->shown)
    self->n_shown--;
  g_hash_table_remove (self->activities, activity);
}

/* The activity's state, made when the project's signal that brought it has
 * not reached the filter yet (a view asking from its own handler). */
static ActivityState *
lookup_state (RacimoFilter   *self,
              RacimoActivity *activity)
{
  ActivityState *state = g_hash_table_lookup (self->activities, activity);
  RacimoItem *item = RACIMO_ITEM (activity);

  if (state == NULL
      && racimo_project_lookup (self->project, racimo_item_get_id (item)) == item)
    state = add_activity (self, activity);

  return state;
}

/* Changes, and what they tell listeners */

typedef struct
{
  guint         n_shown;
  guint         n_total;
  gboolean      active;
  guint         n_changed; /* activities whose visibility changed */
  RacimoActivity *last;    /* the last of them */
} Batch;

static void
batch_begin (RacimoFilter *self,
             Batch        *batch)
{
  batch->n_shown = self->n_shown;
  batch->n_total = g_hash_table_size (self->activities);
  batch->active = racimo_filter_is_active (self);
  batch->n_changed = 0;
  batch->last = NULL;
}

static void
batch_note (Batch          *batch,
            RacimoActivity *activity,
            gboolean        changed)
{
  if (!changed)
    return;

  batch->n_changed++;
  batch->last = activity;
}

static void
batch_end (RacimoFilter *self,
           Batch        *batch)
{
  gboolean active = racimo_filter_is_active (self);
  guint n_total = g_hash_table_size (self->activities);

  if (batch->n_changed > 0 || n_total != batch->n_total || active != batch->active)
    g_signal_emit (self, signals[CHANGED], 0, batch->n_changed == 1 ? batch->last : NULL);

  if (self->n_shown != batch->n_shown)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
  if (n_total != batch->n_total)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  if (active != batch->active)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
refilter (RacimoFilter *self,
          Batch        *batch)
{
  guint n_phases = racimo_project_get_n_phases (self->project);

  for (guint p = 0; p < n_phases; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (self->project, p);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint i = 0; i < n; i++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, i);
          ActivityState *state = g_hash_table_lookup (self->activities, activity);

          if (state == NULL)
            batch_note (batch, activity, add_activity (self, activity)->shown);
          else
            batch_note (batch, activity, update_activity (self, activity, state));
        }
    }
}

static void
update_phase_activities (RacimoFilter *self,
                         RacimoPhase  *phase,
                         Batch        *batch)
{
  guint n = racimo_phase_get_n_activities (phase);

  for (guint i = 0; i < n; i++)
    {
      RacimoActivity *activity = racimo_phase_get_activity (phase, i);
      ActivityState *state = lookup_state (self, activity);

      if (state != NULL)
        batch_note (batch, activity, update_activity (self, activity, state));
    }
}

static void
update_one (RacimoFilter   *self,
            RacimoActivity *activity,
            Batch          *batch)
{
  ActivityState *state = lookup_state (self, activity);

  if (state != NULL)
    batch_note (batch, activity, update_activity (self, activity, state));
}

/* The project's and the checks' signals */

static void
on_cell_changed (RacimoProject  *project,
                 RacimoActivity *activity,
                 RacimoRole     *role,
                 guint           old_codes,
                 guint           new_codes,
                 RacimoFilter   *self)
{
  Batch batch;

  if ((old_codes == 0) == (new_codes == 0)
      || (role != self->role
          && (self->person == NULL || racimo_role_index_of_member (role, self->person) < 0)))
    return;

  batch_begin (self, &batch);
  update_one (self, activity, &batch);
  batch_end (self, &batch);
}

static void
on_item_changed (RacimoProject *project,
                 RacimoItem    *item,
                 guint          change,
                 RacimoFilter  *self)
{
  Batch batch;

  batch_begin (self, &batch);

  switch ((RacimoChange) change)
    {
    case RACIMO_CHANGE_NAME:
      if (RACIMO_IS_PHASE (item))
        {
          g_hash_table_remove (self->phase_keys, item);
          if (self->tokens != NULL)
            update_phase_activities (self, RACIMO_PHASE (item), &batch);
        }
      else if (RACIMO_IS_ACTIVITY (item))
        {
          ActivityState *state = lookup_state (self, RACIMO_ACTIVITY (item));

          if (state != NULL)
            g_clear_pointer (&state->name_key, g_free);
          if (self->tokens != NULL)
            update_one (self, RACIMO_ACTIVITY (item), &batch);
        }
      break;

    case RACIMO_CHANGE_DESCRIPTION:
      if (RACIMO_IS_ACTIVITY (item))
        {
          ActivityState *state = lookup_state (self, RACIMO_ACTIVITY (item));

          if (state != NULL)
            g_clear_pointer (&state->description_key, g_free);
          if (self->tokens != NULL)
            update_one (self, RACIMO_ACTIVITY (item), &batch);
        }
      break;

    case RACIMO_CHANGE_APPLICABLE:
      if (self->hide_not_applicable && RACIMO_IS_ACTIVITY (item))
        update_one (self, RACIMO_ACTIVITY (item), &batch);
      break;

    case RACIMO_CHANGE_PERSON:
      /* A role's members: the person of the filter may hold it, or no more */
      if (self->person != NULL && RACIMO_IS_ROLE (item))
        refilter (self, &batch);
      break;

    case RACIMO_CHANGE_ABBREV:
    case RACIMO_CHANGE_EMAIL:
    case RACIMO_CHANGE_WAIVERS:
    default:
      /* A waiver changes findings, which the checks tell of. */
      break;
    }

  batch_end (self, &batch);
}

static void
note_added (RacimoFilter   *self,
            RacimoActivity *activity,
            Batch          *batch)
{
  ActivityState *state = g_hash_table_lookup (self->activities, activity);

  if (state == NULL)
    add_activity (self, activity);
  else
    {
      /* A view asked about it before the filter heard of it: counted
       * already, but listeners have not been told. */
      batch->n_total--;
      if (state->shown)
        batch->n_shown--;
    }

  /* Listeners learn of it even when it is hidden: the count changed. */
  batch_note (batch, activity, TRUE);
}

/* The notes of a role that came or went are searched, or no more. */
static void
forget_notes (RacimoFilter *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->activities);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_clear_pointer (&((ActivityState *) value)->notes_key, g_free);
}

static void
roles_changed (RacimoFilter *self,
               Batch        *batch)
{
  forget_notes (self);
  if (self->tokens != NULL || self->person != NULL)
    refilter (self, batch);
}

static void
on_note_changed (RacimoProject  *project,
                 RacimoActivity *activity,
                 RacimoRole     *role,
                 RacimoFilter   *self)
{
  ActivityState *state = lookup_state (self, activity);
  Batch batch;

  if (state != NULL)
    g_clear_pointer (&state->notes_key, g_free);
  if (self->tokens == NULL)
    return;

  batch_begin (self, &batch);
  update_one (self, activity, &batch);
  batch_end (self, &batch);
}

static void
on_person_removed (RacimoProject *project,
                   RacimoPerson  *person,
                   guint          position,
                   RacimoFilter  *self)
{
  Batch batch;

  if (person != self->person)
    return;

  /* Filtering on a person who is gone would show nothing. */
  batch_begin (self, &batch);
  g_clear_object (&self->person);
  refilter (self, &batch);
  batch_end (self, &batch);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

static void
on_item_added (RacimoProject *project,
               RacimoItem    *item,
               RacimoFilter  *self)
{
  Batch batch;

  batch_begin (self, &batch);

  if (RACIMO_IS_ACTIVITY (item))
    note_added (self, RACIMO_ACTIVITY (item), &batch);
  else if (RACIMO_IS_ROLE (item))
    roles_changed (self, &batch);
  else if (RACIMO_IS_PHASE (item))
    {
      /* A phase comes back with its activities. */
      RacimoPhase *phase = RACIMO_PHASE (item);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint i = 0; i < n; i++)
        note_added (self, racimo_phase_get_activity (phase, i), &batch);
    }

  batch_end (self, &batch);
}

static void
on_item_removed (RacimoProject *project,
                 RacimoItem    *item,
                 RacimoItem    *parent,
                 guint          position,
                 RacimoFilter  *self)
{
  Batch batch;

  batch_begin (self, &batch);

  if (RACIMO_IS_ACTIVITY (item))
    {
      remove_activity (self, RACIMO_ACTIVITY (item));
      batch_note (&batch, RACIMO_ACTIVITY (item), TRUE);
    }
  else if (RACIMO_IS_PHASE (item))
    {
      /* A removed phase keeps its activities, out of the project. */
      RacimoPhase *phase = RACIMO_PHASE (item);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint i = 0; i < n; i++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, i);

          remove_activity (self, activity);
          batch_note (&batch, activity, TRUE);
        }
      g_hash_table_remove (self->phase_keys, phase);
    }
  else if (RACIMO_IS_ROLE (item) && RACIMO_ROLE (item) == self->role)
    {
      /* Filtering on a role that is gone would show nothing. */
      g_clear_object (&self->role);
      forget_notes (self);
      refilter (self, &batch);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  else if (RACIMO_IS_ROLE (item))
    roles_changed (self, &batch);

  batch_end (self, &batch);
}

static void
on_item_moved (RacimoProject *project,
               RacimoItem    *item,
               RacimoItem    *old_parent,
               guint          old_position,
               RacimoFilter  *self)
{
  Batch batch;

  /* Only an activity that changes phase can match differently. */
  if (self->tokens == NULL || !RACIMO_IS_ACTIVITY (item) || old_parent == NULL
      || old_parent == RACIMO_ITEM (racimo_activity_get_phase (RACIMO_ACTIVITY (item))))
    return;

  batch_begin (self, &batch);
  update_one (self, RACIMO_ACTIVITY (item), &batch);
  batch_end (self, &batch);
}

static void
on_findings_changed (RacimoChecks *checks,
                     RacimoItem   *item,
                     RacimoFilter *self)
{
  Batch batch;

  if (!self->only_findings || !RACIMO_IS_ACTIVITY (item)
      || g_hash_table_lookup (self->activities, item) == NULL)
    return;

  batch_begin (self, &batch);
  update_one (self, RACIMO_ACTIVITY (item), &batch);
  batch_end (self, &batch);
}

/* GObject */

static void
racimo_filter_constructed (GObject *object)
{
  RacimoFilter *self = RACIMO_FILTER (object);
  Batch batch;

  G_OBJECT_CLASS (racimo_filter_parent_class)->constructed (object);

  g_assert (RACIMO_IS_CHECKS (self->checks));
  self->project = g_object_ref (racimo_checks_get_project (self->checks));

  batch_begin (self, &batch);
  refilter (self, &batch);

  /* After the checks, which connected first: an edit reaches the filter
   * once the findings are up to date. */
  g_signal_connect (self->project, "cell-changed", G_CALLBACK (on_cell_changed), self);
  g_signal_connect (self->project, "item-changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect (self->project, "item-added", G_CALLBACK (on_item_added), self);
  g_signal_connect (self->project, "item-removed", G_CALLBACK (on_item_removed), self);
  g_signal_connect (self->project, "item-moved", G_CALLBACK (on_item_moved), self);
  g_signal_connect (self->project, "note-changed", G_CALLBACK (on_note_changed), self);
  g_signal_connect (self->project, "person-removed", G_CALLBACK (on_person_removed), self);
  g_signal_connect (self->checks, "findings-changed", G_CALLBACK (on_findings_changed), self);
}

static void
racimo_filter_dispose (GObject *object)
{
  RacimoFilter *self = RACIMO_FILTER (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->checks != NULL)
    g_signal_handlers_disconnect_by_data (self->checks, self);
  g_clear_object (&self->role);
  g_clear_object (&self->person);
  g_clear_object (&self->checks);
  g_clear_object (&self->project);
  if (self->activities != NULL)
    g_hash_table_remove_all (self->activities);
  if (self->phase_keys != NULL)
    g_hash_table_remove_all (self->phase_keys);

  G_OBJECT_CLASS (racimo_filter_parent_class)->dispose (object);
}

static void
racimo_filter_finalize (GObject *object)
{
  RacimoFilter *self = RACIMO_FILTER (object);

  g_clear_pointer (&self->activities, g_hash_table_unref);
  g_clear_pointer (&self->phase_keys, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->tokens, g_strfreev);

  G_OBJECT_CLASS (racimo_filter_parent_class)->finalize (object);
}

static void
racimo_filter_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RacimoFilter *self = RACIMO_FILTER (object);

  switch (prop_id)
    {
    case PROP_CHECKS:
      g_value_set_object (value, self->checks);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_ONLY_FINDINGS:
      g_value_set_boolean (value, self->only_findings);
      break;
    case PROP_ROLE:
      g_value_set_object (value, self->role);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_HIDE_NOT_APPLICABLE:
      g_value_set_boolean (value, self->hide_not_applicable);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, racimo_filter_is_active (self));
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, racimo_filter_get_n_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_filter_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RacimoFilter *self = RACIMO_FILTER (object);

  switch (prop_id)
    {
    case PROP_CHECKS:
      self->checks = g_value_dup_object (value);
      break;
    case PROP_SEARCH_TEXT:
      racimo_filter_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_ONLY_FINDINGS:
      racimo_filter_set_only_findings (self, g_value_get_boolean (value));
      break;
    case PROP_ROLE:
      racimo_filter_set_role (self, g_value_get_object (value));
      break;
    case PROP_PERSON:
      racimo_filter_set_person (self, g_value_get_object (value));
      break;
    case PROP_HIDE_NOT_APPLICABLE:
      racimo_filter_set_hide_not_applicable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_filter_class_init (RacimoFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = racimo_filter_constructed;
  object_class->dispose = racimo_filter_dispose;
  object_class->finalize = racimo_filter_finalize;
  object_class->get_property = racimo_filter_get_property;
  object_class->set_property = racimo_filter_set_property;

  properties[PROP_CHECKS] =
    g_param_spec_object ("checks", NULL, NULL, RACIMO_TYPE_CHECKS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RacimoFilter:search-text:
   *
   * Words that an activity's name, description or phase name must each
   * contain, in any case and with or without accents; "" matches all.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "", rw);
  /**
   * RacimoFilter:only-findings:
   *
   * Shows only activities with a finding that is not waived.
   */
  properties[PROP_ONLY_FINDINGS] =
    g_param_spec_boolean ("only-findings", NULL, NULL, FALSE, rw);
  /**
   * RacimoFilter:role:
   *
   * When set, shows only activities where this role holds a code.
   */
  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, RACIMO_TYPE_ROLE, rw);
  /**
   * RacimoFilter:person:
   *
   * When set, shows only activities where one of this person's roles
   * holds a code.
   */
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, RACIMO_TYPE_PERSON, rw);
  properties[PROP_HIDE_NOT_APPLICABLE] =
    g_param_spec_boolean ("hide-not-applicable", NULL, NULL, FALSE, rw);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE, ro);
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RacimoFilter::changed:
   * @activity: (nullable): the one activity concerned, or %NULL when
   *   several may be
   *
   * Emitted when racimo_filter_matches() may answer differently than
   * before (for @activity, or for any activity when it is %NULL), when an
   * activity came or went, or when the filter started or stopped hiding
   * anything.  The counts are up to date when it is emitted.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RACIMO_TYPE_ACTIVITY);
}

static void
racimo_filter_init (RacimoFilter *self)
{
  self->search_text = g_strdup ("");
  self->activities = g_hash_table_new_full (NULL, NULL, g_object_unref, activity_state_free);
  self->phase_keys = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
}

/**
 * racimo_filter_new:
 * @checks: the findings on the project to filter, for
 *   #RacimoFilter:only-findings
 *
 * Makes a filter that shows every activity of the checks' project until
 * told otherwise, and follows the project's changes.
 *
 * Returns: (transfer full): the filter
 */
RacimoFilter *
racimo_filter_new (RacimoChecks *checks)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS (checks), NULL);

  return g_object_new (RACIMO_TYPE_FILTER, "checks", checks, NULL);
}

/**
 * racimo_filter_get_project:
 *
 * Returns: (transfer none): the project filtered
 */
RacimoProject *
racimo_filter_get_project (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), NULL);

  return self->project;
}

/**
 * racimo_filter_get_checks:
 *
 * Returns: (transfer none): the checks the filter reads findings from
 */
RacimoChecks *
racimo_filter_get_checks (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), NULL);

  return self->checks;
}

const char *
racimo_filter_get_search_text (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), NULL);

  return self->search_text;
}

/**
 * racimo_filter_set_search_text:
 * @text: (nullable): what to search for; %NULL or "" shows every activity
 */
void
racimo_filter_set_search_text (RacimoFilter *self,
                               const char   *text)
{
  g_auto(GStrv) tokens = NULL;
  Batch batch;

  g_return_if_fail (RACIMO_IS_FILTER (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  /* A change of case or of spaces finds the same activities. */
  tokens = make_tokens (text);
  if (!tokens_equal (tokens, self->tokens))
    {
      batch_begin (self, &batch);
      g_strfreev (self->tokens);
      self->tokens = g_steal_pointer (&tokens);
      refilter (self, &batch);
      batch_end (self, &batch);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

gboolean
racimo_filter_get_only_findings (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), FALSE);

  return self->only_findings;
}

void
racimo_filter_set_only_findings (RacimoFilter *self,
                                 gboolean      only_findings)
{
  Batch batch;

  g_return_if_fail (RACIMO_IS_FILTER (self));

  only_findings = !!only_findings;
  if (self->only_findings == only_findings)
    return;

  batch_begin (self, &batch);
  self->only_findings = only_findings;
  refilter (self, &batch);
  batch_end (self, &batch);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_FINDINGS]);
}

/**
 * racimo_filter_get_role:
 *
 * Returns: (transfer none) (nullable): the role that shown activities
 *   must give a code to
 */
RacimoRole *
racimo_filter_get_role (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), NULL);

  return self->role;
}

/**
 * racimo_filter_set_role:
 * @role: (nullable): a role of the project, or %NULL for any
 *
 * Shows only activities where @role holds a code.  When @role leaves the
 * project, the filter stops filtering on it.
 */
void
racimo_filter_set_role (RacimoFilter *self,
                        RacimoRole   *role)
{
  Batch batch;

  g_return_if_fail (RACIMO_IS_FILTER (self));
  g_return_if_fail (role == NULL || RACIMO_IS_ROLE (role));

  if (self->role == role)
    return;

  batch_begin (self, &batch);
  g_set_object (&self->role, role);
  refilter (self, &batch);
  batch_end (self, &batch);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * racimo_filter_get_person:
 *
 * Returns: (transfer none) (nullable): the person whose activities alone
 *   are shown
 */
RacimoPerson *
racimo_filter_get_person (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), NULL);

  return self->person;
}

/**
 * racimo_filter_set_person:
 * @person: (nullable): shows only the activities where one of this
 *   person's roles holds a code; %NULL for any person
 */
void
racimo_filter_set_person (RacimoFilter *self,
                          RacimoPerson *person)
{
  Batch batch;

  g_return_if_fail (RACIMO_IS_FILTER (self));
  g_return_if_fail (person == NULL || RACIMO_IS_PERSON (person));

  if (self->person == person)
    return;

  batch_begin (self, &batch);
  g_set_object (&self->person, person);
  refilter (self, &batch);
  batch_end (self, &batch);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

gboolean
racimo_filter_get_hide_not_applicable (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), FALSE);

  return self->hide_not_applicable;
}

void
racimo_filter_set_hide_not_applicable (RacimoFilter *self,
                                       gboolean      hide)
{
  Batch batch;

  g_return_if_fail (RACIMO_IS_FILTER (self));

  hide = !!hide;
  if (self->hide_not_applicable == hide)
    return;

  batch_begin (self, &batch);
  self->hide_not_applicable = hide;
  refilter (self, &batch);
  batch_end (self, &batch);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_NOT_APPLICABLE]);
}

/**
 * racimo_filter_clear:
 *
 * Shows every activity again: no search text, no role, and neither
 * "only findings" nor "hide not applicable".  Listeners hear one
 * "changed".
 */
void
racimo_filter_clear (RacimoFilter *self)
{
  gboolean had_text, had_findings, had_role, had_person, had_hide;
  Batch batch;

  g_return_if_fail (RACIMO_IS_FILTER (self));

  had_text = self->search_text[0] != '\0';
  had_findings = self->only_findings;
  had_role = self->role != NULL;
  had_hide = self->hide_not_applicable;

  batch_begin (self, &batch);
  g_free (self->search_text);
  self->search_text = g_strdup ("");
  g_clear_pointer (&self->tokens, g_strfreev);
  self->only_findings = FALSE;
  g_clear_object (&self->role);
  had_person = self->person != NULL;
  g_clear_object (&self->person);
  self->hide_not_applicable = FALSE;
  refilter (self, &batch);
  batch_end (self, &batch);

  if (had_text)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
  if (had_findings)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_FINDINGS]);
  if (had_role)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  if (had_person)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
  if (had_hide)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_NOT_APPLICABLE]);
}

/**
 * racimo_filter_is_active:
 *
 * Returns: %TRUE when the filter may hide something: a search, a role,
 *   "only findings" or "hide not applicable" is set
 */
gboolean
racimo_filter_is_active (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), FALSE);

  return self->tokens != NULL || self->only_findings || self->role != NULL
         || self->person != NULL || self->hide_not_applicable;
}

/**
 * racimo_filter_matches:
 * @activity: an activity of the project
 *
 * Returns: %TRUE when @activity is shown; %FALSE also for an activity
 *   that is not in the project
 */
gboolean
racimo_filter_matches (RacimoFilter   *self,
                       RacimoActivity *activity)
{
  ActivityState *state;

  g_return_val_if_fail (RACIMO_IS_FILTER (self), FALSE);
  g_return_val_if_fail (RACIMO_IS_ACTIVITY (activity), FALSE);

  if (self->project == NULL)
    return FALSE;

  state = lookup_state (self, activity);

  return state != NULL && state->shown;
}

/**
 * racimo_filter_get_n_shown:
 *
 * Returns: how many activities are shown
 */
guint
racimo_filter_get_n_shown (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), 0);

  return self->n_shown;
}

/**
 * racimo_filter_get_n_total:
 *
 * Returns: how many activities the project has, shown or not
 */
guint
racimo_filter_get_n_total (RacimoFilter *self)
{
  g_return_val_if_fail (RACIMO_IS_FILTER (self), 0);

  return g_hash_table_size (self->activities);
}

/**
 * racimo_filter_dup_summary:
 *
 * Says how many activities are shown, for the search bar:
 * "12 of 60 activities shown".
 *
 * Returns: (transfer full): the translated text
 */
char *
racimo_filter_dup_summary (RacimoFilter *self)
{
  guint n_total;

  g_return_val_if_fail (RACIMO_IS_FILTER (self), NULL);

  n_total = racimo_filter_get_n_total (self);

  /* Translators: how many activities a search shows, of how many there are:
   * "12 of 60 activities shown"; the plural follows the second number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u activity shown",
                                       "%u of %u activities shown",
                                       n_total),
                          self->n_shown, n_total);
}
