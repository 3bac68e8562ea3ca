/* racimo-findings-model.c: the checks panel's rows, findings grouped by
 * severity then check, as a list model kept up to date edit by edit
 *
 * The list is flat, as GTK 4.8's list view wanted it (section headers
 * came in 4.12).  It stays flat on newer GTK: the checks panel now draws
 * it with RacimoFindingView, which needs no section model, and a flat
 * list keeps the positions of an edit's changes simple:
 *
 *   Errors                  section header, when it has findings
 *     No owner              check header, when it has findings
 *       Retraining pipeline one row per finding, in document order
 *     ...
 *   Warnings
 *   Waived                  accepted findings of any severity
 *
 * Each (section, check) group keeps its rows in an array.  When the checks
 * say an item's findings changed, only that item's rows are updated in
 * place, taken out or put in at their place (found by bisection), and
 * the model says exactly which positions changed, so a list view keeps
 * its scroll position and only rebinds what it shows.  Five thousand
 * findings cost a few microseconds an edit, never a rebuild.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-findings-model.h"

/* Rows */

struct _RacimoFindingRow
{
  GObject               parent_instance;

  RacimoFindingRowKind  kind;
  RacimoFindingSection  section;
  RacimoCheck           check;
  RacimoItem           *item;
  char                 *title;
  char                 *message;
  char                 *reason;
  guint                 count;
};

G_DEFINE_FINAL_TYPE (RacimoFindingRow, racimo_finding_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_TITLE,
  ROW_PROP_MESSAGE,
  ROW_PROP_REASON,
  ROW_PROP_COUNT,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
racimo_finding_row_finalize (GObject *object)
{
  RacimoFindingRow *self = RACIMO_FINDING_ROW (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (racimo_finding_row_parent_class)->finalize (object);
}

static void
racimo_finding_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RacimoFindingRow *self = RACIMO_FINDING_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ROW_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case ROW_PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case ROW_PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_finding_row_class_init (RacimoFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = racimo_finding_row_finalize;
  object_class->get_property = racimo_finding_row_get_property;

  /* Rows are recycled by the list view but not by the model: a finding
   * whose message changes keeps its row, and the row says so. */
  row_properties[ROW_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                                                      flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
racimo_finding_row_init (RacimoFindingRow *self)
{
}

static RacimoFindingRow *
row_new (RacimoFindingRowKind  kind,
         RacimoFindingSection  section,
         RacimoCheck           check,
         const char           *title)
{
  RacimoFindingRow *self = g_object_new (RACIMO_TYPE_FINDING_ROW, NULL);

  self->kind = kind;
  self->section = section;
  self->check = check;
  self->title = g_strdup (title);

  return self;
}

static void
row_set_string (RacimoFindingRow *self,
                char            **field,
                const char       *value,
                guint             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[prop_id]);
}

static void
row_set_count (RacimoFindingRow *self,
               guint             count)
{
  if (self->count == count)
    return;

  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_COUNT]);
}

RacimoFindingRowKind
racimo_finding_row_get_kind (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), RACIMO_FINDING_ROW_FINDING);

  return self->kind;
}

RacimoFindingSection
racimo_finding_row_get_section (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), RACIMO_FINDING_SECTION_ERRORS);

  return self->section;
}

/**
 * racimo_finding_row_get_check:
 *
 * Returns: the check of a finding or check header; meaningless for a
 *   section header
 */
RacimoCheck
racimo_finding_row_get_check (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), RACIMO_CHECK_NO_OWNER);

  return self->check;
}

/**
 * racimo_finding_row_get_item:
 *
 * Returns: (transfer none) (nullable): the role, phase or activity a
 *   finding is on; %NULL for headers
 */
RacimoItem *
racimo_finding_row_get_item (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), NULL);

  return self->item;
}

/**
 * racimo_finding_row_get_title:
 *
 * Returns: what the row shows first: "Errors", "No owner", or the name of
 *   the item a finding is on ("Retraining pipeline")
 */
const char *
racimo_finding_row_get_title (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), NULL);

  return self->title;
}

/**
 * racimo_finding_row_get_message:
 *
 * Returns: (nullable): a finding's sentence, as `racimo --check` prints it
 */
const char *
racimo_finding_row_get_message (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), NULL);

  return self->message;
}

/**
 * racimo_finding_row_get_reason:
 *
 * Returns: (nullable): why a waived finding was accepted
 */
const char *
racimo_finding_row_get_reason (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), NULL);

  return self->reason;
}

/**
 * racimo_finding_row_get_count:
 *
 * Returns: how many findings a header has under it; 0 for a finding
 */
guint
racimo_finding_row_get_count (RacimoFindingRow *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDING_ROW (self), 0);

  return self->count;
}

/* The list */

typedef struct
{
  RacimoFindingRow *header;
  GPtrArray        *rows;   /* RacimoFindingRow, strong, in document order */
} Group;

struct _RacimoFindingsModel
{
  GObject           parent_instance;

  RacimoChecks     *checks;
  RacimoProject    *project;

  RacimoFindingRow *section_headers[RACIMO_FINDING_N_SECTIONS];
  Group             groups[RACIMO_FINDING_N_SECTIONS][RACIMO_N_CHECKS];
  guint             section_count[RACIMO_FINDING_N_SECTIONS];
  GHashTable       *item_rows; /* RacimoItem -> GPtrArray of its rows (unowned) */
};

static void racimo_findings_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RacimoFindingsModel, racimo_findings_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      racimo_findings_model_list_model_init))

enum {
  PROP_0,
  PROP_CHECKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
section_title (RacimoFindingSection section)
{
  switch (section)
    {
    case RACIMO_FINDING_SECTION_ERRORS:
      return _("Errors");
    case RACIMO_FINDING_SECTION_WARNINGS:
      return _("Warnings");
    case RACIMO_FINDING_SECTION_WAIVED:
      return _("Waived");
    case RACIMO_FINDING_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static RacimoFindingSection
finding_section (const RacimoFinding *finding)
{
  if (finding->waiver_reason != NULL)
    return RACIMO_FINDING_SECTION_WAIVED;
  if (racimo_check_get_severity (finding->check) == RACIMO_SEVERITY_ERROR)
    return RACIMO_FINDING_SECTION_ERRORS;

  return RACIMO_FINDING_SECTION_WARNINGS;
}

/* How a row names the item its finding is on. */
static char *
dup_item_title (RacimoItem *item)
{
  const char *name = racimo_item_get_name (item);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped != '\0')
    return g_strdup (name);

  if (RACIMO_IS_ROLE (item))
    return g_strdup (_("Unnamed role"));
  if (RACIMO_IS_PHASE (item))
    return g_strdup (_("Unnamed phase"));
  if (RACIMO_IS_PERSON (item))
    return g_strdup (_("Unnamed person"));

  return g_strdup (_("Unnamed activity"));
}

/* Positions */

/* The rows the groups of @section before @check take: each group that has
 * findings, its check header and its findings. */
static guint
groups_size (RacimoFindingsModel *self,
             RacimoFindingSection section,
             RacimoCheck          check)
{
  guint size = 0;

  for (guint c = 0; c < check; c++)
    {
      guint len = self->groups[section][c].rows->len;

      if (len > 0)
        size += 1 + len;
    }

  return size;
}

static guint
section_size (RacimoFindingsModel *self,
              RacimoFindingSection section)
{
  if (self->section_count[section] == 0)
    return 0;

  return 1 + groups_size (self, section, RACIMO_N_CHECKS);
}

static guint
section_start (RacimoFindingsModel *self,
               RacimoFindingSection section)
{
  guint position = 0;

  for (guint s = 0; s < section; s++)
    position += section_size (self, (RacimoFindingSection) s);

  return position;
}

/* Where the check header of a group is, or would go. */
static guint
group_start (RacimoFindingsModel *self,
             RacimoFindingSection section,
             RacimoCheck          check)
{
  guint position = section_start (self, section);

  if (self->section_count[section] > 0)
    position++;

  return position + groups_size (self, section, check);
}

/* Document order: roles in column order, then each phase followed by its
 * activities, as racimo_checks_list_findings() lists them. */
typedef struct
{
  int group;
  int major;
  int minor;
} DocKey;

static void
doc_key (RacimoFindingsModel *self,
         RacimoItem          *item,
         DocKey              *key)
{
  /* People come first in the file, then roles, then phases. */
  if (RACIMO_IS_PERSON (item))
    {
      key->group = -1;
      key->major = racimo_project_index_of_person (self->project, RACIMO_PERSON (item));
      key->minor = 0;
    }
  else if (RACIMO_IS_ROLE (item))
    {
      key->group = 0;
      key->major = racimo_project_index_of_role (self->project, RACIMO_ROLE (item));
      key->minor = 0;
    }
  else if (RACIMO_IS_PHASE (item))
    {
      key->group = 1;
      key->major = racimo_project_index_of_phase (self->project, RACIMO_PHASE (item));
      key->minor = 0;
    }
  else
    {
      RacimoActivity *activity = RACIMO_ACTIVITY (item);
      RacimoPhase *phase = racimo_activity_get_phase (activity);

      key->group = 1;
      key->major = phase != NULL ? racimo_project_index_of_phase (self->project, phase) : -1;
      key->minor = phase != NULL ? racimo_phase_index_of (phase, activity) + 1 : 0;
    }
}

static int
compare_keys (const DocKey *a,
              const DocKey *b)
{
  if (a->group != b->group)
    return a->group < b->group ? -1 : 1;
  if (a->major != b->major)
    return a->major < b->major ? -1 : 1;
  if (a->minor != b->minor)
    return a->minor < b->minor ? -1 : 1;

  return 0;
}

static guint
sorted_index (RacimoFindingsModel *self,
              GPtrArray           *rows,
              RacimoItem          *item)
{
  DocKey key;
  guint low = 0, high = rows->len;

  doc_key (self, item, &key);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      RacimoFindingRow *row = g_ptr_array_index (rows, middle);
      DocKey other;

      doc_key (self, row->item, &other);
      if (compare_keys (&other, &key) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
update_counts (RacimoFindingsModel *self,
               RacimoFindingSection section,
               RacimoCheck          check)
{
  row_set_count (self->groups[section][check].header, self->groups[section][check].rows->len);
  row_set_count (self->section_headers[section], self->section_count[section]);
}

/* Adding and taking out rows, each step said to listeners as it is made */

static void
insert_row (RacimoFindingsModel *self,
            RacimoFindingRow    *row)
{
  Group *group = &self->groups[row->section][row->check];
  gboolean new_section = self->section_count[row->section] == 0;
  gboolean new_group = group->rows->len == 0;
  guint start = group_start (self, row->section, row->check);
  guint index = sorted_index (self, group->rows, row->item);
  guint position, added;

  g_ptr_array_insert (group->rows, (int) index, g_object_ref (row));
  self->section_count[row->section]++;
  update_counts (self, row->section, row->check);

  if (new_section)
    {
      position = start;  /* the section header goes where the group would have */
      added = 3;
    }
  else if (new_group)
    {
      position = start;
      added = 2;
    }
  else
    {
      position = start + 1 + index;
      added = 1;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
}

static void
remove_row (RacimoFindingsModel *self,
            RacimoFindingRow    *row)
{
  Group *group = &self->groups[row->section][row->check];
  guint start = group_start (self, row->section, row->check);
  gboolean last_in_section = self->section_count[row->section] == 1;
  gboolean last_in_group = group->rows->len == 1;
  guint index, position, removed;
  g_autoptr(RacimoFindingRow) keep = g_object_ref (row);

  if (!g_ptr_array_find (group->rows, row, &index))
    g_return_if_reached ();

  if (last_in_section)
    {
      position = start - 1;  /* the section header */
      removed = 3;
    }
  else if (last_in_group)
    {
      position = start;
      removed = 2;
    }
  else
    {
      position = start + 1 + index;
      removed = 1;
    }

  g_ptr_array_remove_index (group->rows, index);
  self->section_count[row->section]--;
  update_counts (self, row->section, row->check);

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
}

static RacimoFindingRow *
finding_row_new (RacimoFindingsModel *self,
                 const RacimoFinding *finding)
{
  g_autofree char *title = dup_item_title (finding->item);
  RacimoFindingRow *row = row_new (RACIMO_FINDING_ROW_FINDING, finding_section (finding),
                                   finding->check, title);

  row->item = g_object_ref (finding->item);
  row->message = g_strdup (finding->message);
  row->reason = g_strdup (finding->waiver_reason);

  return row;
}

/* Brings @item's rows in line with its findings now. */
static void
update_item (RacimoFindingsModel *self,
             RacimoItem          *item)
{
  GPtrArray *findings = racimo_checks_get_item_findings (self->checks, item);
  GPtrArray *rows = g_hash_table_lookup (self->item_rows, item);
  g_autoptr(GPtrArray) new_rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = dup_item_title (item);
  gboolean kept[RACIMO_N_CHECKS] = { FALSE, };

  /* Rows whose finding is still there, in the same section, are updated in
   * place; the others go. */
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RacimoFindingRow *row = g_ptr_array_index (rows, i);
      const RacimoFinding *match = NULL;

      for (guint j = 0; findings != NULL && j < findings->len; j++)
        {
          const RacimoFinding *finding = g_ptr_array_index (findings, j);

          if (finding->check == row->check && finding_section (finding) == row->section)
            match = finding;
        }

      if (match != NULL)
        {
          row_set_string (row, &row->title, title, ROW_PROP_TITLE);
          row_set_string (row, &row->message, match->message, ROW_PROP_MESSAGE);
          row_set_string (row, &row->reason, match->waiver_reason, ROW_PROP_REASON);
          kept[row->check] = TRUE;
          g_ptr_array_add (new_rows, row);
        }
      else
        remove_row (self, row);
    }

  for (guint j = 0; findings != NULL && j < findings->len; j++)
    {
      const RacimoFinding *finding = g_ptr_array_index (findings, j);

      if (!kept[finding->check])
        {
          RacimoFindingRow *row = finding_row_new (self, finding);

          g_ptr_array_add (added, row);
          g_ptr_array_add (new_rows, row);
        }
    }

  /* The item's rows are known before they are shown, for listeners that
   * look them up from items-changed. */
  if (new_rows->len > 0)
    g_hash_table_insert (self->item_rows, item, g_steal_pointer (&new_rows));
  else
    g_hash_table_remove (self->item_rows, item);

  for (guint i = 0; i < added->len; i++)
    insert_row (self, g_ptr_array_index (added, i));
}

/* Puts @item's rows where its new place in the document says. */
static void
reposition_item (RacimoFindingsModel *self,
                 RacimoItem          *item)
{
  GPtrArray *rows = g_hash_table_lookup (self->item_rows, item);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RacimoFindingRow *row = g_ptr_array_index (rows, i);
      GPtrArray *group = self->groups[row->section][row->check].rows;
      guint index = 0, target;

      g_ptr_array_find (group, row, &index);
      /* Its place among the others, without it. */
      g_ptr_array_steal_index (group, index);
      target = sorted_index (self, group, item);
      g_ptr_array_insert (group, (int) index, row);

      if (target != index)
        {
          g_autoptr(RacimoFindingRow) keep = g_object_ref (row);

          remove_row (self, row);
          insert_row (self, row);
        }
    }
}

/* The project's and the checks' signals */

static void
on_findings_changed (RacimoChecks        *checks,
                     RacimoItem          *item,
                     RacimoFindingsModel *self)
{
  update_item (self, item);
}

static void
on_item_moved (RacimoProject       *project,
               RacimoItem          *item,
               RacimoItem          *old_parent,
               guint                old_position,
               RacimoFindingsModel *self)
{
  reposition_item (self, item);

  if (RACIMO_IS_PHASE (item))
    {
      RacimoPhase *phase = RACIMO_PHASE (item);
      guint n = racimo_phase_get_n_activities (phase);

      for (guint i = 0; i < n; i++)
        reposition_item (self, RACIMO_ITEM (racimo_phase_get_activity (phase, i)));
    }
}

static void
on_person_moved (RacimoProject       *project,
                 RacimoPerson        *person,
                 guint                old_position,
                 RacimoFindingsModel *self)
{
  reposition_item (self, RACIMO_ITEM (person));
}

static void
on_item_changed (RacimoProject       *project,
                 RacimoItem          *item,
                 guint                change,
                 RacimoFindingsModel *self)
{
  GPtrArray *rows;
  g_autofree char *title = NULL;

  /* Messages name the item, so the checks tell of most renames; this
   * catches a rename that changes no message. */
  if ((RacimoChange) change != RACIMO_CHANGE_NAME)
    return;

  rows = g_hash_table_lookup (self->item_rows, item);
  if (rows == NULL)
    return;

  title = dup_item_title (item);
  for (guint i = 0; i < rows->len; i++)
    {
      RacimoFindingRow *row = g_ptr_array_index (rows, i);

      row_set_string (row, &row->title, title, ROW_PROP_TITLE);
    }
}

/* GListModel */

static GType
racimo_findings_model_get_item_type (GListModel *model)
{
  return RACIMO_TYPE_FINDING_ROW;
}

static guint
racimo_findings_model_get_n_items (GListModel *model)
{
  RacimoFindingsModel *self = RACIMO_FINDINGS_MODEL (model);
  guint n = 0;

  for (guint s = 0; s < RACIMO_FINDING_N_SECTIONS; s++)
    n += section_size (self, (RacimoFindingSection) s);

  return n;
}

static gpointer
racimo_findings_model_get_item (GListModel *model,
                                guint       position)
{
  RacimoFindingsModel *self = RACIMO_FINDINGS_MODEL (model);

  for (guint s = 0; s < RACIMO_FINDING_N_SECTIONS; s++)
    {
      guint size = section_size (self, (RacimoFindingSection) s);

      if (position >= size)
        {
          position -= size;
          continue;
        }

      if (position == 0)
        return g_object_ref (self->section_headers[s]);
      position--;

      for (guint c = 0; c < RACIMO_N_CHECKS; c++)
        {
          Group *group = &self->groups[s][c];

          if (group->rows->len == 0)
            continue;
          if (position == 0)
            return g_object_ref (group->header);
          position--;
          if (position < group->rows->len)
            return g_object_ref (g_ptr_array_index (group->rows, position));
          position -= group->rows->len;
        }
    }

  return NULL;
}

static void
racimo_findings_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = racimo_findings_model_get_item_type;
  iface->get_n_items = racimo_findings_model_get_n_items;
  iface->get_item = racimo_findings_model_get_item;
}

/* GObject */

static void
racimo_findings_model_constructed (GObject *object)
{
  RacimoFindingsModel *self = RACIMO_FINDINGS_MODEL (object);
  g_autoptr(GPtrArray) findings = NULL;

  G_OBJECT_CLASS (racimo_findings_model_parent_class)->constructed (object);

  g_assert (RACIMO_IS_CHECKS (self->checks));
  self->project = g_object_ref (racimo_checks_get_project (self->checks));

  /* Listed in document order, so every row is appended to its group. */
  findings = racimo_checks_list_findings (self->checks);
  for (guint i = 0; i < findings->len; i++)
    {
      const RacimoFinding *finding = g_ptr_array_index (findings, i);
      RacimoFindingRow *row = finding_row_new (self, finding);
      GPtrArray *rows = g_hash_table_lookup (self->item_rows, finding->item);

      if (rows == NULL)
        {
          rows = g_ptr_array_new ();
          g_hash_table_insert (self->item_rows, finding->item, rows);
        }
      g_ptr_array_add (rows, row);
      g_ptr_array_add (self->groups[row->section][row->check].rows, row);
      self->section_count[row->section]++;
    }

  for (guint s = 0; s < RACIMO_FINDING_N_SECTIONS; s++)
    for (guint c = 0; c < RACIMO_N_CHECKS; c++)
      update_counts (self, (RacimoFindingSection) s, (RacimoCheck) c);

  g_signal_connect (self->checks, "findings-changed", G_CALLBACK (on_findings_changed), self);
  g_signal_connect (self->project, "item-moved", G_CALLBACK (on_item_moved), self);
  g_signal_connect (self->project, "item-changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect (self->project, "person-changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect (self->project, "person-moved", G_CALLBACK (on_person_moved), self);
}

static void
racimo_findings_model_dispose (GObject *object)
{
  RacimoFindingsModel *self = RACIMO_FINDINGS_MODEL (object);

  if (self->checks != NULL)
    g_signal_handlers_disconnect_by_data (self->checks, self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->checks);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (racimo_findings_model_parent_class)->dispose (object);
}

static void
racimo_findings_model_finalize (GObject *object)
{
  RacimoFindingsModel *self = RACIMO_FINDINGS_MODEL (object);

  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  for (guint s = 0; s < RACIMO_FINDING_N_SECTIONS; s++)
    {
      g_clear_object (&self->section_headers[s]);
      for (guint c = 0; c < RACIMO_N_CHECKS; c++)
        {
          g_clear_object (&self->groups[s][c].header);
          g_clear_pointer (&self->groups[s][c].rows, g_ptr_array_unref);
        }
    }

  G_OBJECT_CLASS (racimo_findings_model_parent_class)->finalize (object);
}

static void
racimo_findings_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RacimoFindingsModel *self = RACIMO_FINDINGS_MODEL (object);

  switch (prop_id)
    {
    case PROP_CHECKS:
      g_value_set_object (value, self->checks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_findings_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RacimoFindingsModel *self = RACIMO_FINDINGS_MODEL (object);

  switch (prop_id)
    {
    case PROP_CHECKS:
      self->checks = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_findings_model_class_init (RacimoFindingsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = racimo_findings_model_constructed;
  object_class->dispose = racimo_findings_model_dispose;
  object_class->finalize = racimo_findings_model_finalize;
  object_class->get_property = racimo_findings_model_get_property;
  object_class->set_property = racimo_findings_model_set_property;

  properties[PROP_CHECKS] =
    g_param_spec_object ("checks", NULL, NULL, RACIMO_TYPE_CHECKS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
racimo_findings_model_init (RacimoFindingsModel *self)
{
  self->item_rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint s = 0; s < RACIMO_FINDING_N_SECTIONS; s++)
    {
      self->section_headers[s] = row_new (RACIMO_FINDING_ROW_SECTION, (RacimoFindingSection) s,
                                          RACIMO_CHECK_NO_OWNER,
                                          section_title ((RacimoFindingSection) s));
      for (guint c = 0; c < RACIMO_N_CHECKS; c++)
        {
          self->groups[s][c].header = row_new (RACIMO_FINDING_ROW_CHECK, (RacimoFindingSection) s,
                                               (RacimoCheck) c,
                                               racimo_check_get_title ((RacimoCheck) c));
          self->groups[s][c].rows = g_ptr_array_new_with_free_func (g_object_unref);
        }
    }
}

/**
 * racimo_findings_model_new:
 * @checks: the findings to list
 *
 * Returns: (transfer full): a list of #RacimoFindingRow that follows
 *   @checks
 */
RacimoFindingsModel *
racimo_findings_model_new (RacimoChecks *checks)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS (checks), NULL);

  return g_object_new (RACIMO_TYPE_FINDINGS_MODEL, "checks", checks, NULL);
}

/**
 * racimo_findings_model_get_checks:
 *
 * Returns: (transfer none): the checks listed
 */
RacimoChecks *
racimo_findings_model_get_checks (RacimoFindingsModel *self)
{
  g_return_val_if_fail (RACIMO_IS_FINDINGS_MODEL (self), NULL);

  return self->checks;
}

/**
 * racimo_findings_model_find:
 * @item: a role, phase or activity
 * @check: a check
 *
 * Returns: the position of the row of @check's finding on @item, waived
 *   or not, or -1 when there is none
 */
int
racimo_findings_model_find (RacimoFindingsModel *self,
                            RacimoItem          *item,
                            RacimoCheck          check)
{
  GPtrArray *rows;

  g_return_val_if_fail (RACIMO_IS_FINDINGS_MODEL (self), -1);
  g_return_val_if_fail (RACIMO_IS_ITEM (item), -1);

  rows = g_hash_table_lookup (self->item_rows, item);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RacimoFindingRow *row = g_ptr_array_index (rows, i);
      GPtrArray *group;
      guint index;

      if (row->check != check)
        continue;

      group = self->groups[row->section][row->check].rows;
      if (!g_ptr_array_find (group, row, &index))
        return -1;

      return (int) (group_start (self, row->section, row->check) + 1 + index);
    }

  return -1;
}
