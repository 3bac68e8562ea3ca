/* racimo-role-details.c: one role's workload, what it owns, and its findings
 *
 * Shown when a role's header is selected: how many of each code the role
 * holds, the activities where it holds the owner code, and what the checks
 * say about it (idle, overloaded).  It follows the project while it shows a
 * role; a cell edit costs two passes over the activities (tens of
 * microseconds for 2,000) and the owned list changes only where it differs,
 * so the list view keeps its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "racimo-role-details.h"

#define N_LETTERS 26

struct _RacimoRoleDetails
{
  GtkWidget      parent_instance;

  RacimoChecks  *checks;
  RacimoProject *project;
  RacimoRole    *role;
  gulong         dark_handler;

  RacimoWorkload workload;    /* as racimo-workload.c counts it */
  GPtrArray     *owned;       /* RacimoActivity, unowned, as in owned_store */
  GListStore    *owned_store; /* RacimoActivity */

  /* Template widgets */
  GtkWidget     *box;
  GtkLabel      *name_label;
  GtkLabel      *person_label;
  GtkGrid       *workload_grid;
  GtkWidget     *findings_box;
  GtkLabel      *owned_label;
  GtkListView   *owned_view;
};

G_DEFINE_FINAL_TYPE (RacimoRoleDetails, racimo_role_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

enum {
  ACTIVITY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_name (RacimoItem *item,
          const char *unnamed)
{
  const char *name = racimo_item_get_name (item);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_strdup (*stripped != '\0' ? name : unnamed);
}

/* The header */

static void
update_header (RacimoRoleDetails *self)
{
  g_autofree char *name = NULL;
  const char *abbrev, *person;

  if (self->role == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->person_label), FALSE);
      return;
    }

  name = dup_name (RACIMO_ITEM (self->role), _("Unnamed role"));
  abbrev = racimo_role_get_abbrev (self->role);
  if (abbrev != NULL && *abbrev != '\0')
    {
      /* Translators: a role's name and its abbreviation: "ML engineer (MLE)" */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), name, abbrev);

      gtk_label_set_text (self->name_label, text);
    }
  else
    gtk_label_set_text (self->name_label, name);

  person = racimo_role_get_person (self->role);
  gtk_label_set_text (self->person_label, person != NULL ? person : "");
  gtk_widget_set_visible (GTK_WIDGET (self->person_label), person != NULL && *person != '\0');
}

/* Workload */

static gboolean
use_dark_colors (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
add_workload_row (RacimoRoleDetails *self,
                  int                row,
                  char               letter,
                  const char        *color,
                  const char        *name,
                  guint              count)
{
  g_autofree char *markup = NULL;
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *description = NULL;
  GtkWidget *letter_label = gtk_label_new (NULL);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *count_label = gtk_label_new (number);

  if (color != NULL)
    markup = g_markup_printf_escaped ("<span foreground=\"%s\" weight=\"bold\">%c</span>",
                                      color, letter);
  else
    markup = g_markup_printf_escaped ("<span weight=\"bold\">%c</span>", letter);
  gtk_label_set_markup (GTK_LABEL (letter_label), markup);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count_label), 1);
  gtk_widget_add_css_class (count_label, "numeric");
  if (count == 0)
    {
      gtk_widget_add_css_class (name_label, "dim-label");
      gtk_widget_add_css_class (count_label, "dim-label");
    }

  /* Read as one line: "Responsible: 5". */
  /* Translators: a line of a role's workload: "Responsible: 5" */
  description = g_strdup_printf (_("%s: %u"), name, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  gtk_grid_attach (self->workload_grid, letter_label, 0, row, 1, 1);
  gtk_grid_attach (self->workload_grid, name_label, 1, row, 1, 1);
  gtk_grid_attach (self->workload_grid, count_label, 2, row, 1, 1);
}

static void
rebuild_workload (RacimoRoleDetails *self)
{
  const RacimoScheme *scheme;
  RacimoCodes known;
  gboolean dark = use_dark_colors ();
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->workload_grid))) != NULL)
    gtk_grid_remove (self->workload_grid, child);

  if (self->role == NULL)
    return;

  scheme = racimo_project_get_scheme (self->project);
  known = racimo_scheme_get_mask (scheme);

  for (guint i = 0; i < scheme->n_codes; i++)
    {
      const RacimoCodeInfo *info = &scheme->codes[i];

      add_workload_row (self, row++, info->letter,
                        dark ? info->color_dark : info->color_light,
                        _(info->name),
                        racimo_workload_get_count (&self->workload, info->letter));
    }

  /* Codes a colleague wrote that the scheme does not define, when held. */
  for (guint i = 0; i < N_LETTERS; i++)
    if (self->workload.per_code[i] > 0 && (known & RACIMO_CODE_BIT ('A' + i)) == 0)
      add_workload_row (self, row++, (char) ('A' + i), NULL,
                        _("Not in this scheme"), self->workload.per_code[i]);
}

/* Owned activities and counts */

static void
update_owned_label (RacimoRoleDetails *self)
{
  g_autofree char *text = NULL;
  guint n = self->owned->len;

  if (n == 0)
    text = g_strdup (_("Owns no activity"));
  else
    /* Translators: how many activities a role holds the owner code (A) for */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Owns %u activity",
                                         "Owns %u activities", n), n);

  gtk_label_set_text (self->owned_label, text);
}

/* Recounts and refreshes the owned list where it differs.  With @rebind,
 * every owned activity is shown again (a phase was renamed). */
static void
refresh (RacimoRoleDetails *self,
         gboolean           rebind)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new ();
  RacimoWorkload workload = { { 0, }, 0 };
  guint prefix = 0, suffix = 0, n_phases;
  RacimoCodes owner;

  if (self->role != NULL)
    {
      racimo_workload_count_role (self->project, self->role, &workload);
      owner = RACIMO_CODE_BIT (racimo_project_get_scheme (self->project)->owner);
      n_phases = racimo_project_get_n_phases (self->project);

      for (guint p = 0; p < n_phases; p++)
        {
          RacimoPhase *phase = racimo_project_get_phase (self->project, p);
          guint n = racimo_phase_get_n_activities (phase);

          for (guint i = 0; i < n; i++)
            {
              RacimoActivity *activity = racimo_phase_get_activity (phase, i);
              RacimoCodes codes = racimo_activity_get_codes (activity, self->role);

              if (codes & owner)
                g_ptr_array_add (owned, activity);
            }
        }
    }

  if (memcmp (&workload, &self->workload, sizeof workload) != 0)
    {
      self->workload = workload;
      rebuild_workload (self);
    }

  /* The list changes only between what stayed the same at both ends. */
  if (!rebind)
    {
      while (prefix < owned->len && prefix < self->owned->len
             && g_ptr_array_index (owned, prefix) == g_ptr_array_index (self->owned, prefix))
        prefix++;
      while (suffix < owned->len - prefix && suffix < self->owned->len - prefix
             && g_ptr_array_index (owned, owned->len - 1 - suffix)
                == g_ptr_array_index (self->owned, self->owned->len - 1 - suffix))
        suffix++;
    }

  if (prefix + suffix < owned->len || prefix + suffix < self->owned->len)
    {
      guint removed = self->owned->len - prefix - suffix;
      guint added = owned->len - prefix - suffix;

      g_ptr_array_remove_range (self->owned, prefix, removed);
      for (guint i = 0; i < added; i++)
        g_ptr_array_insert (self->owned, (int) (prefix + i),
                            g_ptr_array_index (owned, prefix + i));
      g_list_store_splice (self->owned_store, prefix, removed,
                           (gpointer *) owned->pdata + prefix, added);
    }

  update_owned_label (self);
}

/* Shows @activity again: the list view reuses the row of an item that is
 * put back in the same change, so it goes out, then in. */
static void
rebind_activity (RacimoRoleDetails *self,
                 RacimoActivity    *activity)
{
  guint position;

  if (!g_ptr_array_find (self->owned, activity, &position))
    return;

  g_list_store_remove (self->owned_store, position);
  g_list_store_insert (self->owned_store, position, activity);
}

/* Findings */

static void
update_findings (RacimoRoleDetails *self)
{
  GPtrArray *findings = NULL;
  GtkWidget *child;
  guint shown = 0;

  /* The first child is the heading. */
  child = gtk_widget_get_first_child (self->findings_box);
  while (child != NULL && gtk_widget_get_next_sibling (child) != NULL)
    gtk_box_remove (GTK_BOX (self->findings_box), gtk_widget_get_next_sibling (child));

  if (self->role != NULL && self->checks != NULL)
    findings = racimo_checks_get_item_findings (self->checks, RACIMO_ITEM (self->role));

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const RacimoFinding *finding = g_ptr_array_index (findings, i);
      gboolean waived = finding->waiver_reason != NULL;
      gboolean error = racimo_check_get_severity (finding->check) == RACIMO_SEVERITY_ERROR;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *icon = gtk_image_new_from_icon_name (waived ? "object-select-symbolic"
                                                      : error ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");
      GtkWidget *title = gtk_label_new (racimo_check_get_title (finding->check));
      GtkWidget *message = gtk_label_new (finding->message);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_add_css_class (icon, waived ? "dim-label" : error ? "error" : "warning");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
      /* Wrapped to the sidebar's width rather than widening it. */
      gtk_label_set_max_width_chars (GTK_LABEL (message), 30);
      gtk_box_append (GTK_BOX (text), title);
      gtk_box_append (GTK_BOX (text), message);

      if (waived)
        {
          /* Translators: why a finding was accepted, under the finding */
          g_autofree char *reason = g_strdup_printf (_("Waived: %s"), finding->waiver_reason);
          GtkWidget *label = gtk_label_new (reason);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
          gtk_widget_add_css_class (label, "finding-reason");
          gtk_box_append (GTK_BOX (text), label);
        }

      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (GTK_BOX (self->findings_box), row);
      shown++;
    }

  gtk_widget_set_visible (self->findings_box, shown > 0);
}

/* The project's and the checks' signals */

static void
on_cell_changed (RacimoProject     *project,
                 RacimoActivity    *activity,
                 RacimoRole        *role,
                 guint              old_codes,
                 guint              new_codes,
                 RacimoRoleDetails *self)
{
  if (role == self->role)
    refresh (self, FALSE);
}

static void
on_item_changed (RacimoProject     *project,
                 RacimoItem        *item,
                 guint              change,
                 RacimoRoleDetails *self)
{
  if (item == RACIMO_ITEM (self->role))
    update_header (self);
  else if ((RacimoChange) change == RACIMO_CHANGE_NAME && RACIMO_IS_ACTIVITY (item))
    rebind_activity (self, RACIMO_ACTIVITY (item));
  else if ((RacimoChange) change == RACIMO_CHANGE_NAME && RACIMO_IS_PHASE (item))
    refresh (self, TRUE);
  else if ((RacimoChange) change == RACIMO_CHANGE_APPLICABLE && self->role != NULL)
    refresh (self, FALSE);
}

static void
on_item_added (RacimoProject     *project,
               RacimoItem        *item,
               RacimoRoleDetails *self)
{
  if (self->role != NULL && !RACIMO_IS_ROLE (item))
    refresh (self, FALSE);
}

static void
on_item_removed (RacimoProject     *project,
                 RacimoItem        *item,
                 RacimoItem        *parent,
                 guint              position,
                 RacimoRoleDetails *self)
{
  if (item == RACIMO_ITEM (self->role))
    racimo_role_details_set_role (self, NULL);
  else if (self->role != NULL && !RACIMO_IS_ROLE (item))
    refresh (self, FALSE);
}

static void
on_item_moved (RacimoProject     *project,
               RacimoItem        *item,
               RacimoItem        *old_parent,
               guint              old_position,
               RacimoRoleDetails *self)
{
  if (self->role != NULL && !RACIMO_IS_ROLE (item))
    refresh (self, FALSE);
}

static void
on_scheme_changed (RacimoRoleDetails *self)
{
  refresh (self, TRUE);
  rebuild_workload (self);
}

static void
on_findings_changed (RacimoChecks      *checks,
                     RacimoItem        *item,
                     RacimoRoleDetails *self)
{
  if (item == RACIMO_ITEM (self->role))
    update_findings (self);
}

/* The owned list */

static void
owned_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RacimoRoleDetails        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *phase = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (phase), 0);
  gtk_label_set_ellipsize (GTK_LABEL (phase), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (phase, "caption");
  gtk_widget_add_css_class (phase, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), phase);
  gtk_list_item_set_child (list_item, box);
}

static void
owned_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RacimoRoleDetails        *self)
{
  RacimoActivity *activity = gtk_list_item_get_item (list_item);
  RacimoPhase *phase = racimo_activity_get_phase (activity);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name_label = gtk_widget_get_first_child (box);
  GtkWidget *phase_label = gtk_widget_get_next_sibling (name_label);
  g_autofree char *name = dup_name (RACIMO_ITEM (activity), _("Unnamed activity"));
  const char *phase_name = phase != NULL ? racimo_item_get_name (RACIMO_ITEM (phase)) : NULL;

  gtk_label_set_text (GTK_LABEL (name_label), name);
  gtk_label_set_text (GTK_LABEL (phase_label), phase_name != NULL ? phase_name : "");
  gtk_widget_set_visible (phase_label, phase_name != NULL && *phase_name != '\0');
}

static void
owned_activate (RacimoRoleDetails *self,
                guint              position,
                GtkListView       *view)
{
  if (position < self->owned->len)
    g_signal_emit (self, signals[ACTIVITY_ACTIVATED], 0,
                   g_ptr_array_index (self->owned, position));
}

/* GObject */

static void
disconnect (RacimoRoleDetails *self)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->checks != NULL)
    g_signal_handlers_disconnect_by_data (self->checks, self);
  g_clear_object (&self->role);
  g_clear_object (&self->project);
  g_clear_object (&self->checks);
}

static void
racimo_role_details_dispose (GObject *object)
{
  RacimoRoleDetails *self = RACIMO_ROLE_DETAILS (object);
  GtkWidget *child;

  disconnect (self);
  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  if (self->owned_store != NULL)
    g_list_store_remove_all (self->owned_store);
  if (self->owned != NULL)
    g_ptr_array_set_size (self->owned, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_ROLE_DETAILS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (racimo_role_details_parent_class)->dispose (object);
}

static void
racimo_role_details_finalize (GObject *object)
{
  RacimoRoleDetails *self = RACIMO_ROLE_DETAILS (object);

  g_clear_pointer (&self->owned, g_ptr_array_unref);
  g_clear_object (&self->owned_store);

  G_OBJECT_CLASS (racimo_role_details_parent_class)->finalize (object);
}

static void
racimo_role_details_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RacimoRoleDetails *self = RACIMO_ROLE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_object (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_role_details_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RacimoRoleDetails *self = RACIMO_ROLE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      racimo_role_details_set_role (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_role_details_class_init (RacimoRoleDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_role_details_dispose;
  object_class->finalize = racimo_role_details_finalize;
  object_class->get_property = racimo_role_details_get_property;
  object_class->set_property = racimo_role_details_set_property;

  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, RACIMO_TYPE_ROLE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RacimoRoleDetails::activity-activated:
   * @activity: an activity the role owns
   *
   * Emitted when the user picks an activity in the list, for the window to
   * move the cursor to it.
   */
  signals[ACTIVITY_ACTIVATED] =
    g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RACIMO_TYPE_ACTIVITY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "roledetails");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-role-details.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoRoleDetails, box);
  gtk_widget_class_bind_template_child (widget_class, RacimoRoleDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoRoleDetails, person_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoRoleDetails, workload_grid);
  gtk_widget_class_bind_template_child (widget_class, RacimoRoleDetails, findings_box);
  gtk_widget_class_bind_template_child (widget_class, RacimoRoleDetails, owned_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoRoleDetails, owned_view);
  gtk_widget_class_bind_template_callback (widget_class, owned_setup);
  gtk_widget_class_bind_template_callback (widget_class, owned_bind);
  gtk_widget_class_bind_template_callback (widget_class, owned_activate);
}

static void
racimo_role_details_init (RacimoRoleDetails *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owned = g_ptr_array_new ();
  self->owned_store = g_list_store_new (RACIMO_TYPE_ACTIVITY);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->owned_store)));
  gtk_list_view_set_model (self->owned_view, GTK_SELECTION_MODEL (selection));

  /* The code letters take the colours of the grid, which differ in the
   * dark style. */
  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                                 G_CALLBACK (rebuild_workload), self);

  update_header (self);
  update_findings (self);
  update_owned_label (self);
}

GtkWidget *
racimo_role_details_new (void)
{
  return g_object_new (RACIMO_TYPE_ROLE_DETAILS, NULL);
}

/**
 * racimo_role_details_set_checks:
 * @checks: (nullable): the findings on the project whose roles are shown
 *
 * Shows no role until racimo_role_details_set_role() is called.
 */
void
racimo_role_details_set_checks (RacimoRoleDetails *self,
                                RacimoChecks      *checks)
{
  g_return_if_fail (RACIMO_IS_ROLE_DETAILS (self));
  g_return_if_fail (checks == NULL || RACIMO_IS_CHECKS (checks));

  if (self->checks == checks)
    return;

  racimo_role_details_set_role (self, NULL);
  disconnect (self);

  if (checks == NULL)
    return;

  self->checks = g_object_ref (checks);
  self->project = g_object_ref (racimo_checks_get_project (checks));

  g_signal_connect (self->project, "cell-changed", G_CALLBACK (on_cell_changed), self);
  g_signal_connect (self->project, "item-changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect (self->project, "item-added", G_CALLBACK (on_item_added), self);
  g_signal_connect (self->project, "item-removed", G_CALLBACK (on_item_removed), self);
  g_signal_connect (self->project, "item-moved", G_CALLBACK (on_item_moved), self);
  g_signal_connect_swapped (self->project, "notify::scheme", G_CALLBACK (on_scheme_changed),
                            self);
  g_signal_connect (self->checks, "findings-changed", G_CALLBACK (on_findings_changed), self);
}

/**
 * racimo_role_details_get_checks:
 *
 * Returns: (transfer none) (nullable): the checks followed
 */
RacimoChecks *
racimo_role_details_get_checks (RacimoRoleDetails *self)
{
  g_return_val_if_fail (RACIMO_IS_ROLE_DETAILS (self), NULL);

  return self->checks;
}

/**
 * racimo_role_details_set_role:
 * @role: (nullable): a role of the checks' project, or %NULL to show none
 *
 * When the role leaves the project, the details show none and notify
 * #RacimoRoleDetails:role.
 */
void
racimo_role_details_set_role (RacimoRoleDetails *self,
                              RacimoRole        *role)
{
  g_return_if_fail (RACIMO_IS_ROLE_DETAILS (self));
  g_return_if_fail (role == NULL || RACIMO_IS_ROLE (role));
  g_return_if_fail (role == NULL || self->checks != NULL);

  if (self->role == role)
    return;

  g_set_object (&self->role, role);

  update_header (self);
  refresh (self, TRUE);
  rebuild_workload (self);
  update_findings (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * racimo_role_details_get_role:
 *
 * Returns: (transfer none) (nullable): the role shown
 */
RacimoRole *
racimo_role_details_get_role (RacimoRoleDetails *self)
{
  g_return_val_if_fail (RACIMO_IS_ROLE_DETAILS (self), NULL);

  return self->role;
}

/**
 * racimo_role_details_get_count:
 * @code: an upper-case letter
 *
 * Returns: how many activities the role shown holds @code for, among
 *   those that count in its workload (racimo_workload_counts_activity())
 */
guint
racimo_role_details_get_count (RacimoRoleDetails *self,
                               char               code)
{
  g_return_val_if_fail (RACIMO_IS_ROLE_DETAILS (self), 0);
  g_return_val_if_fail (RACIMO_CODE_IS_VALID (code), 0);

  return racimo_workload_get_count (&self->workload, code);
}

/**
 * racimo_role_details_get_owned:
 *
 * Returns: (transfer none): the #RacimoActivity list of what the role
 *   shown owns, in document order, as the details list them
 */
GListModel *
racimo_role_details_get_owned (RacimoRoleDetails *self)
{
  g_return_val_if_fail (RACIMO_IS_ROLE_DETAILS (self), NULL);

  return G_LIST_MODEL (self->owned_store);
}
