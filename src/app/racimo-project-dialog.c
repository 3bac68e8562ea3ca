/* racimo-project-dialog.c: the project's title, description, scheme and people
 *
 * Two pages: the project (its title, which the header bar shows, its
 * description and its scheme) and its people.  Each person is a row that
 * opens on their name, e-mail address and roles, with buttons to move
 * them in the list, merge them into another person (the same person
 * entered twice) and remove them.  Every change goes through the
 * project's history; the rows are made again from the project after each
 * one, so that undo in the window shows here too.
 *
 * The people.* actions are what the rows' buttons activate, and what the
 * tests drive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-project-dialog.h"
#include "racimo-ui-resources.h"

struct _RacimoProjectDialog
{
  AdwPreferencesWindow parent_instance;

  RacimoProject *project;
  /* People whose rows are open, kept when the rows are made again */
  GHashTable    *expanded;
  guint          rebuild_id;
  gboolean       syncing;

  /* Template widgets */
  AdwPreferencesPage *people_page;
  AdwEntryRow        *title_row;
  AdwEntryRow        *description_row;
  AdwComboRow        *scheme_row;
  GtkStringList      *scheme_list;
  GtkListBox         *people_list;
};

G_DEFINE_FINAL_TYPE (RacimoProjectDialog, racimo_project_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static RacimoPerson *
lookup_person (RacimoProjectDialog *self,
               const char          *id)
{
  RacimoItem *item = racimo_project_lookup (self->project, id);

  return RACIMO_IS_PERSON (item) ? RACIMO_PERSON (item) : NULL;
}

/* The project page */

static void
sync_project (RacimoProjectDialog *self)
{
  const char *scheme_id = racimo_project_get_scheme_id (self->project);
  guint selected = GTK_INVALID_LIST_POSITION;

  self->syncing = TRUE;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->title_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                           racimo_project_get_title (self->project));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->description_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                           racimo_project_get_description (self->project) ?: "");

  for (guint i = 0; i < racimo_scheme_get_n_schemes (); i++)
    if (g_strcmp0 (racimo_scheme_get_nth (i)->id, scheme_id) == 0)
      selected = i;
  adw_combo_row_set_selected (self->scheme_row, selected);

  self->syncing = FALSE;
}

static void
on_title_apply (RacimoProjectDialog *self)
{
  racimo_project_set_title (self->project,
                            gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_description_apply (RacimoProjectDialog *self)
{
  racimo_project_set_description (self->project,
                                  gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
}

static void
on_scheme_selected (RacimoProjectDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->scheme_row);

  /* Filling the list selects its first item, before there is a project. */
  if (self->project == NULL || self->syncing || selected >= racimo_scheme_get_n_schemes ())
    return;

  racimo_project_set_scheme (self->project, racimo_scheme_get_nth (selected)->id);
}

/* The people page */

static void rebuild_people (RacimoProjectDialog *self);

static gboolean
rebuild_in_idle (gpointer data)
{
  RacimoProjectDialog *self = data;

  self->rebuild_id = 0;
  rebuild_people (self);

  return G_SOURCE_REMOVE;
}

/* After the signal that told of the change: the row whose button made it
 * is still handling it. */
static void
queue_rebuild (RacimoProjectDialog *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_in_idle, self);
}

static char *
dup_roles_text (RacimoProjectDialog *self,
                RacimoPerson        *person)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) roles = racimo_project_dup_roles_of (self->project, person);

  for (guint i = 0; i < roles->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of a person's roles */
        g_string_append (text, _(", "));
      g_string_append (text, racimo_item_get_name (g_ptr_array_index (roles, i)));
    }

  if (text->len == 0)
    return g_strdup (_("No role"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_name_apply (AdwEntryRow         *row,
               RacimoProjectDialog *self)
{
  RacimoPerson *person = g_object_get_data (G_OBJECT (row), "person");

  racimo_project_rename (self->project, RACIMO_ITEM (person),
                         gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_email_apply (AdwEntryRow         *row,
                RacimoProjectDialog *self)
{
  RacimoPerson *person = g_object_get_data (G_OBJECT (row), "person");

  racimo_project_set_person_email (self->project, person,
                                   gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_role_toggled (GtkCheckButton      *check,
                 RacimoProjectDialog *self)
{
  RacimoPerson *person = g_object_get_data (G_OBJECT (check), "person");
  RacimoRole *role = g_object_get_data (G_OBJECT (check), "role");
  gboolean member = racimo_role_index_of_member (role, person) >= 0;

  if (gtk_check_button_get_active (check) == member)
    return;

  if (member)
    racimo_project_remove_member (self->project, role, person);
  else
    racimo_project_add_member (self->project, role, person);
}

static void
on_expanded (AdwExpanderRow      *row,
             GParamSpec          *pspec,
             RacimoProjectDialog *self)
{
  RacimoPerson *person = g_object_get_data (G_OBJECT (row), "person");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, person);
  else
    g_hash_table_remove (self->expanded, person);
}

static GtkWidget *
make_entry_row (RacimoProjectDialog *self,
                RacimoPerson        *person,
                const char          *title,
                const char          *text,
                GCallback            apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "person", person);
  g_signal_connect (row, "apply", apply, self);
  g_signal_connect (row, "entry-activated", apply, self);

  return row;
}

static GtkWidget *
make_button (const char *icon,
             const char *tooltip,
             const char *action,
             const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* What the person holds through all of their roles, code by code of the
 * scheme: "Responsible 2, Accountable 1, Consulted 0, Informed 3". */
static GtkWidget *
make_workload_row (RacimoProjectDialog *self,
                   RacimoPerson        *person)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (self->project);
  g_autoptr(GString) counts = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  RacimoWorkload workload;

  racimo_workload_count_person (self->project, person, &workload);
  for (guint i = 0; i < scheme->n_codes; i++)
    {
      if (i > 0)
        g_string_append (counts, _(", "));
      /* Translators: in a person's workload: a code's name and in how many
       * activities the person holds it, "Responsible 3" */
      g_string_append_printf (counts, _("%s %u"), _(scheme->codes[i].name),
                              racimo_workload_get_count (&workload, scheme->codes[i].letter));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Workload"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts->str);
  /* "What does this person own?", on paper for a meeting */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button ("document-print-symbolic",
                                          _("Export This Person’s Page as PDF…"),
                                          "people.export-page",
                                          racimo_item_get_id (RACIMO_ITEM (person))));
  g_object_set_data (G_OBJECT (row), "workload", GINT_TO_POINTER (TRUE));

  return row;
}

static GtkWidget *
make_person_row (RacimoProjectDialog *self,
                 RacimoPerson        *person,
                 guint                position)
{
  RacimoItem *item = RACIMO_ITEM (person);
  const char *id = racimo_item_get_id (item);
  const char *name = racimo_item_get_name (item);
  const char *email = racimo_person_get_email (person);
  guint n_people = racimo_project_get_n_people (self->project);
  g_autofree char *roles = dup_roles_text (self, person);
  g_autofree char *subtitle = NULL;
  g_autoptr(GMenu) merge_menu = g_menu_new ();
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *actions = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name[0] != '\0' ? name : _("Unnamed person"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  subtitle = email != NULL ? g_strdup_printf ("%s — %s", email, roles) : g_strdup (roles);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "person", person);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_entry_row (self, person, _("_Name"), name,
                                            G_CALLBACK (on_name_apply)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_entry_row (self, person, _("_E-mail Address"), email,
                                            G_CALLBACK (on_email_apply)));

  for (guint i = 0; i < racimo_project_get_n_roles (self->project); i++)
    {
      RacimoRole *role = racimo_project_get_role (self->project, i);
      const char *role_name = racimo_item_get_name (RACIMO_ITEM (role));
      GtkWidget *role_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row),
                                     role_name[0] != '\0' ? role_name : _("Unnamed role"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (role_row), FALSE);
      /* Translators: the subtitle of a role among a person's roles */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (role_row), _("Role"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   racimo_role_index_of_member (role, person) >= 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "person", person);
      g_object_set_data (G_OBJECT (check), "role", role);
      g_signal_connect (check, "toggled", G_CALLBACK (on_role_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (role_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (role_row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), role_row);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_workload_row (self, person));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (actions), _("Order and Duplicates"));

  /* The action decides whether an actionable button is sensitive: the
   * first person has no Move Up, the last no Move Down. */
  button = make_button ("go-up-symbolic", _("Move Up"), "people.move-up", id);
  gtk_widget_set_visible (button, position > 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), button);
  button = make_button ("go-down-symbolic", _("Move Down"), "people.move-down", id);
  gtk_widget_set_visible (button, position + 1 < n_people);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), button);

  for (guint i = 0; i < n_people; i++)
    {
      RacimoItem *other = RACIMO_ITEM (racimo_project_get_person (self->project, i));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) menu_item = NULL;

      if (other == item)
        continue;

      /* Translators: merges this person into another, who stays */
      label = g_strdup_printf (_("Same Person as “%s”"), racimo_item_get_name (other));
      menu_item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (menu_item, "people.merge", "(ss)",
                                         racimo_item_get_id (other), id);
      g_menu_append_item (merge_menu, menu_item);
    }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (merge_menu));
  gtk_widget_set_tooltip_text (button, _("Merge Into Another Person"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (button, n_people > 1);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), button);

  button = make_button ("user-trash-symbolic", _("Remove Person"), "people.remove", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, person));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_expanded), self);

  return row;
}

static void
rebuild_people (RacimoProjectDialog *self)
{
  GtkListBoxRow *row;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  while ((row = gtk_list_box_get_row_at_index (self->people_list, 0)) != NULL)
    gtk_list_box_remove (self->people_list, GTK_WIDGET (row));

  for (guint i = 0; i < racimo_project_get_n_people (self->project); i++)
    gtk_list_box_append (self->people_list,
                         make_person_row (self, racimo_project_get_person (self->project, i), i));
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RacimoProjectDialog *self = RACIMO_PROJECT_DIALOG (widget);
  RacimoPerson *person = racimo_project_add_person (self->project, -1, _("New Person"), NULL);

  g_hash_table_add (self->expanded, person);
  rebuild_people (self);
}

static void
person_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RacimoProjectDialog *self = RACIMO_PROJECT_DIALOG (widget);
  RacimoPerson *person = lookup_person (self, g_variant_get_string (parameter, NULL));
  int position;

  if (person == NULL)
    return;

  position = racimo_project_index_of_person (self->project, person);

  if (g_str_equal (action_name, "people.remove"))
    racimo_project_remove_person (self->project, person);
  else if (g_str_equal (action_name, "people.move-up") && position > 0)
    racimo_project_move_person (self->project, person, (guint) position - 1);
  else if (g_str_equal (action_name, "people.move-down")
           && (guint) position + 1 < racimo_project_get_n_people (self->project))
    racimo_project_move_person (self->project, person, (guint) position + 1);
}

/* The window writes files: the dialog hands it the person. */
static void
export_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.export-person-pages",
                                        parameter);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RacimoProjectDialog *self = RACIMO_PROJECT_DIALOG (widget);
  const char *keep_id, *other_id;
  RacimoPerson *keep, *other;

  g_variant_get (parameter, "(&s&s)", &keep_id, &other_id);
  keep = lookup_person (self, keep_id);
  other = lookup_person (self, other_id);

  if (keep != NULL && other != NULL && keep != other)
    racimo_project_merge_people (self->project, keep, other);
}

/* The project */

static void
on_item_changed (RacimoProjectDialog *self)
{
  queue_rebuild (self);
}

static void
racimo_project_dialog_dispose (GObject *object)
{
  RacimoProjectDialog *self = RACIMO_PROJECT_DIALOG (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (object), RACIMO_TYPE_PROJECT_DIALOG);

  G_OBJECT_CLASS (racimo_project_dialog_parent_class)->dispose (object);
}

static void
racimo_project_dialog_finalize (GObject *object)
{
  RacimoProjectDialog *self = RACIMO_PROJECT_DIALOG (object);

  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (racimo_project_dialog_parent_class)->finalize (object);
}

static void
racimo_project_dialog_class_init (RacimoProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_project_dialog_dispose;
  object_class->finalize = racimo_project_dialog_finalize;

  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoProjectDialog, people_page);
  gtk_widget_class_bind_template_child (widget_class, RacimoProjectDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoProjectDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoProjectDialog, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoProjectDialog, scheme_list);
  gtk_widget_class_bind_template_child (widget_class, RacimoProjectDialog, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_description_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_scheme_selected);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.remove", "s", person_action);
  gtk_widget_class_install_action (widget_class, "people.move-up", "s", person_action);
  gtk_widget_class_install_action (widget_class, "people.move-down", "s", person_action);
  gtk_widget_class_install_action (widget_class, "people.merge", "(ss)", merge_action);
  gtk_widget_class_install_action (widget_class, "people.export-page", "s", export_page_action);
}

static void
racimo_project_dialog_init (RacimoProjectDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < racimo_scheme_get_n_schemes (); i++)
    gtk_string_list_append (self->scheme_list, _(racimo_scheme_get_nth (i)->title));

  placeholder = gtk_label_new (_("No people yet: add the people who hold the roles."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->people_list, placeholder);
}

/**
 * racimo_project_dialog_new:
 *
 * Returns: (transfer floating): the dialog, on the project page
 */
RacimoProjectDialog *
racimo_project_dialog_new (GtkWindow     *parent,
                           RacimoProject *project)
{
  RacimoProjectDialog *self;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  self = g_object_new (RACIMO_TYPE_PROJECT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);

  g_signal_connect_swapped (project, "notify::title", G_CALLBACK (sync_project), self);
  g_signal_connect_swapped (project, "notify::description", G_CALLBACK (sync_project), self);
  g_signal_connect_swapped (project, "notify::scheme", G_CALLBACK (sync_project), self);
  g_signal_connect_swapped (project, "person-added", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "person-removed", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "person-moved", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "person-changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "item-added", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "item-removed", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "item-moved", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "item-changed", G_CALLBACK (on_item_changed), self);
  /* Workloads and the scheme's codes */
  g_signal_connect_swapped (project, "cell-changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect_swapped (project, "notify::scheme", G_CALLBACK (on_item_changed), self);

  sync_project (self);
  rebuild_people (self);

  return self;
}

void
racimo_project_dialog_show_people (RacimoProjectDialog *self)
{
  g_return_if_fail (RACIMO_IS_PROJECT_DIALOG (self));

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           self->people_page);
}

GtkWidget *
racimo_project_dialog_get_person_row (RacimoProjectDialog *self,
                                      RacimoPerson        *person)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT_DIALOG (self), NULL);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->people_list, i);

      if (row == NULL)
        return NULL;
      if (g_object_get_data (G_OBJECT (row), "person") == person)
        return GTK_WIDGET (row);
    }
}

/**
 * racimo_project_dialog_show_person:
 *
 * Shows the people, with the row of @person open.
 */
void
racimo_project_dialog_show_person (RacimoProjectDialog *self,
                                   RacimoPerson        *person)
{
  g_return_if_fail (RACIMO_IS_PROJECT_DIALOG (self));
  g_return_if_fail (RACIMO_IS_PERSON (person));

  g_hash_table_add (self->expanded, person);
  rebuild_people (self);
  racimo_project_dialog_show_people (self);
}
