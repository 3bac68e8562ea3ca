/* racimo-rename-popover.c: an entry over a name, Enter renames
 *
 * The grid opens it over an activity, phase or role: on Enter and F2 with
 * the whole name selected, or when a letter is typed on a name, starting
 * from that letter.  Enter renames through the project and closes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-rename-popover.h"
#include "racimo-ui-resources.h"

struct _RacimoRenamePopover
{
  GtkPopover     parent_instance;

  RacimoProject *project;
  RacimoItem    *item;
  gboolean       from_initial_text;

  /* Template widgets */
  GtkWidget     *entry;
};

G_DEFINE_FINAL_TYPE (RacimoRenamePopover, racimo_rename_popover, GTK_TYPE_POPOVER)

static void
on_activate (RacimoRenamePopover *self,
             GtkEntry            *entry)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->item != NULL && g_strcmp0 (name, racimo_item_get_name (self->item)) != 0)
    racimo_project_rename (self->project, self->item, name);

  gtk_popover_popdown (GTK_POPOVER (self));
}

/**
 * racimo_rename_popover_set_item:
 * @initial_text: (nullable): text to start from instead of the name, such
 *   as the letter that was typed
 *
 * Asks for a new name of @item.
 */
void
racimo_rename_popover_set_item (RacimoRenamePopover *self,
                                RacimoProject       *project,
                                RacimoItem          *item,
                                const char          *initial_text)
{
  g_return_if_fail (RACIMO_IS_RENAME_POPOVER (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ITEM (item));

  g_set_weak_pointer (&self->project, project);
  g_set_weak_pointer (&self->item, item);
  self->from_initial_text = initial_text != NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  RACIMO_IS_ROLE (item) ? _("Role name")
                                  : RACIMO_IS_PHASE (item) ? _("Phase name")
                                  : _("Activity name"),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry),
                         initial_text != NULL ? initial_text : racimo_item_get_name (item));
}

/**
 * racimo_rename_popover_get_item:
 *
 * Returns: (transfer none) (nullable): the item being renamed, until the
 *   popover closes
 */
RacimoItem *
racimo_rename_popover_get_item (RacimoRenamePopover *self)
{
  g_return_val_if_fail (RACIMO_IS_RENAME_POPOVER (self), NULL);

  return self->item;
}

/**
 * racimo_rename_popover_focus:
 *
 * Puts the keyboard focus in the entry, once the popover is up: after the
 * text typed, or on the whole name, selected.
 */
void
racimo_rename_popover_focus (RacimoRenamePopover *self)
{
  g_return_if_fail (RACIMO_IS_RENAME_POPOVER (self));

  gtk_widget_grab_focus (self->entry);
  if (self->from_initial_text)
    gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
racimo_rename_popover_closed (GtkPopover *popover)
{
  RacimoRenamePopover *self = RACIMO_RENAME_POPOVER (popover);

  g_clear_weak_pointer (&self->item);
  g_clear_weak_pointer (&self->project);
}

static void
racimo_rename_popover_dispose (GObject *object)
{
  RacimoRenamePopover *self = RACIMO_RENAME_POPOVER (object);

  g_clear_weak_pointer (&self->item);
  g_clear_weak_pointer (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_RENAME_POPOVER);

  G_OBJECT_CLASS (racimo_rename_popover_parent_class)->dispose (object);
}

static void
racimo_rename_popover_class_init (RacimoRenamePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_rename_popover_dispose;
  GTK_POPOVER_CLASS (klass)->closed = racimo_rename_popover_closed;

  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-rename-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoRenamePopover, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
racimo_rename_popover_init (RacimoRenamePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
racimo_rename_popover_new (void)
{
  return g_object_new (RACIMO_TYPE_RENAME_POPOVER, NULL);
}
