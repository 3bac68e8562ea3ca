/* racimo-properties-popover.c: name, abbreviation, person and description
 *
 * The properties of an activity, a phase or a role (which alone has an
 * abbreviation and a person), from the grid's context menu.  Apply (the
 * default widget, so Enter in an entry) changes what differs as one step
 * of the project's history, and closes the popover.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-properties-popover.h"
#include "racimo-ui-resources.h"

struct _RacimoPropertiesPopover
{
  GtkPopover     parent_instance;

  RacimoProject *project;
  RacimoItem    *item;

  /* Template widgets */
  GtkWidget     *name;
  GtkWidget     *abbrev;
  GtkWidget     *abbrev_label;
  GtkWidget     *person;
  GtkWidget     *person_label;
  GtkWidget     *description;
};

G_DEFINE_FINAL_TYPE (RacimoPropertiesPopover, racimo_properties_popover, GTK_TYPE_POPOVER)

static char *
get_text_view_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_apply (RacimoPropertiesPopover *self,
          GtkButton               *button)
{
  RacimoItem *item = self->item;
  RacimoHistory *history;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name));
  g_autofree char *description = get_text_view_text (self->description);

  if (item == NULL)
    return;

  history = racimo_project_get_history (self->project);
  racimo_history_begin (history, _("Change Properties"));

  if (g_strcmp0 (name, racimo_item_get_name (item)) != 0)
    racimo_project_rename (self->project, item, name);

  if (g_strcmp0 (description, racimo_item_get_description (item) ?: "") != 0)
    racimo_project_set_item_description (self->project, item, description);

  if (RACIMO_IS_ROLE (item))
    {
      RacimoRole *role = RACIMO_ROLE (item);
      const char *abbrev = gtk_editable_get_text (GTK_EDITABLE (self->abbrev));
      const char *person = gtk_editable_get_text (GTK_EDITABLE (self->person));

      if (g_strcmp0 (abbrev, racimo_role_get_abbrev (role) ?: "") != 0)
        racimo_project_set_role_abbrev (self->project, role, *abbrev ? abbrev : NULL);
      /* Several people are changed under People, not here. */
      if (racimo_role_get_n_members (role) <= 1
          && g_strcmp0 (person, racimo_role_get_person (role) ?: "") != 0)
        racimo_project_set_role_person (self->project, role, *person ? person : NULL);
    }

  racimo_history_end (history);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/**
 * racimo_properties_popover_set_item:
 *
 * Shows the properties of @item, ready to change.
 */
void
racimo_properties_popover_set_item (RacimoPropertiesPopover *self,
                                    RacimoProject           *project,
                                    RacimoItem              *item)
{
  gboolean is_role;
  const char *description;

  g_return_if_fail (RACIMO_IS_PROPERTIES_POPOVER (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ITEM (item));

  g_set_weak_pointer (&self->project, project);
  g_set_weak_pointer (&self->item, item);

  is_role = RACIMO_IS_ROLE (item);
  description = racimo_item_get_description (item);
  gtk_editable_set_text (GTK_EDITABLE (self->name), racimo_item_get_name (item) ?: "");
  gtk_widget_set_visible (self->abbrev, is_role);
  gtk_widget_set_visible (self->abbrev_label, is_role);
  gtk_widget_set_visible (self->person, is_role);
  gtk_widget_set_visible (self->person_label, is_role);
  if (is_role)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->abbrev),
                             racimo_role_get_abbrev (RACIMO_ROLE (item)) ?: "");
      gboolean several = racimo_role_get_n_members (RACIMO_ROLE (item)) > 1;

      gtk_editable_set_text (GTK_EDITABLE (self->person),
                             racimo_role_get_person (RACIMO_ROLE (item)) ?: "");
      /* One name picks that person, or adds them; several people are
       * changed in the people editor. */
      gtk_editable_set_editable (GTK_EDITABLE (self->person), !several);
      gtk_widget_set_tooltip_text (self->person,
                                   several
                                   ? _("Several people hold this role: change them under "
                                       "Main Menu, People")
                                   : _("The name of a person of the project, or of a new one"));
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description)),
                            description != NULL ? description : "", -1);
}

/**
 * racimo_properties_popover_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown, until the popover
 *   closes
 */
RacimoItem *
racimo_properties_popover_get_item (RacimoPropertiesPopover *self)
{
  g_return_val_if_fail (RACIMO_IS_PROPERTIES_POPOVER (self), NULL);

  return self->item;
}

/**
 * racimo_properties_popover_focus:
 *
 * Puts the keyboard focus on the name, once the popover is up.
 */
void
racimo_properties_popover_focus (RacimoPropertiesPopover *self)
{
  g_return_if_fail (RACIMO_IS_PROPERTIES_POPOVER (self));

  gtk_widget_grab_focus (self->name);
}

static void
racimo_properties_popover_closed (GtkPopover *popover)
{
  RacimoPropertiesPopover *self = RACIMO_PROPERTIES_POPOVER (popover);

  g_clear_weak_pointer (&self->item);
  g_clear_weak_pointer (&self->project);
}

static void
racimo_properties_popover_dispose (GObject *object)
{
  RacimoPropertiesPopover *self = RACIMO_PROPERTIES_POPOVER (object);

  g_clear_weak_pointer (&self->item);
  g_clear_weak_pointer (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_PROPERTIES_POPOVER);

  G_OBJECT_CLASS (racimo_properties_popover_parent_class)->dispose (object);
}

static void
racimo_properties_popover_class_init (RacimoPropertiesPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_properties_popover_dispose;
  GTK_POPOVER_CLASS (klass)->closed = racimo_properties_popover_closed;

  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-properties-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoPropertiesPopover, name);
  gtk_widget_class_bind_template_child (widget_class, RacimoPropertiesPopover, abbrev);
  gtk_widget_class_bind_template_child (widget_class, RacimoPropertiesPopover, abbrev_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoPropertiesPopover, person);
  gtk_widget_class_bind_template_child (widget_class, RacimoPropertiesPopover, person_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoPropertiesPopover, description);
  gtk_widget_class_bind_template_callback (widget_class, on_apply);
}

static void
racimo_properties_popover_init (RacimoPropertiesPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
racimo_properties_popover_new (void)
{
  return g_object_new (RACIMO_TYPE_PROPERTIES_POPOVER, NULL);
}
