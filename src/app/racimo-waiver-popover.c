/* racimo-waiver-popover.c: asks why a finding is acceptable, and waives it
 *
 * The grid's context menu and the checks panel both open this popover.
 * The reason is stored stripped of spaces at both ends, and a reason that
 * is blank cannot waive: a file may hold an empty reason (see
 * docs/file-format.md, "Waivers"), but a user who waives says why.  Waive
 * (or Enter in the entry) records the waiver through the project, so that
 * it can be undone, and closes the popover; the caller places it and pops
 * it up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-ui-resources.h"
#include "racimo-waiver-popover.h"

struct _RacimoWaiverPopover
{
  GtkPopover     parent_instance;

  RacimoProject *project;
  RacimoItem    *item;
  RacimoCheck    check;

  /* Template widgets */
  GtkLabel      *label;
  GtkWidget     *entry;
  GtkWidget     *button;
};

G_DEFINE_FINAL_TYPE (RacimoWaiverPopover, racimo_waiver_popover, GTK_TYPE_POPOVER)

/* The reason as it would be stored: NULL when it is blank. */
static char *
get_reason (RacimoWaiverPopover *self)
{
  g_autofree char *reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  g_strstrip (reason);
  return *reason != '\0' ? g_steal_pointer (&reason) : NULL;
}

static void
on_entry_changed (RacimoWaiverPopover *self,
                  GtkEditable         *entry)
{
  g_autofree char *reason = get_reason (self);

  gtk_widget_set_sensitive (self->button, reason != NULL);
}

static void
on_apply (RacimoWaiverPopover *self,
          GtkWidget           *widget)
{
  g_autofree char *reason = get_reason (self);
  g_autoptr(RacimoItem) item = NULL;
  g_autoptr(RacimoProject) project = NULL;

  if (self->item == NULL || self->project == NULL || reason == NULL)
    return;

  /* Closing lets go of both. */
  item = g_object_ref (self->item);
  project = g_object_ref (self->project);
  gtk_popover_popdown (GTK_POPOVER (self));
  racimo_project_set_waiver (project, item, racimo_check_get_id (self->check), reason);
}

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "_", -1);

  return g_strjoinv ("__", parts);
}

/**
 * racimo_waiver_popover_set_finding:
 * @project: the project that holds @item
 * @item: the activity, phase or role the finding is about
 * @check: the check that found it
 *
 * Asks for the reason of waiving @check on @item, starting from the reason
 * of its waiver if it has one.
 */
void
racimo_waiver_popover_set_finding (RacimoWaiverPopover *self,
                                   RacimoProject       *project,
                                   RacimoItem          *item,
                                   RacimoCheck          check)
{
  const char *old_reason;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (RACIMO_IS_WAIVER_POPOVER (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ITEM (item));

  g_set_weak_pointer (&self->project, project);
  g_set_weak_pointer (&self->item, item);
  self->check = check;

  title = escape_underscores (racimo_check_get_title (check));
  name = escape_underscores (racimo_item_get_name (item));
  /* Translators: asks for the reason of a waiver; the first %s is the title
   * of a check ("No owner"), the second the name of an activity or role */
  text = g_strdup_printf (_("_Why is “%s” acceptable for “%s”?"), title, name);
  gtk_label_set_text_with_mnemonic (self->label, text);

  old_reason = racimo_item_get_waiver_reason (item, racimo_check_get_id (check));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), old_reason != NULL ? old_reason : "");
  on_entry_changed (self, GTK_EDITABLE (self->entry));
}

/**
 * racimo_waiver_popover_get_item:
 *
 * Returns: (transfer none) (nullable): the item whose finding the popover
 *   asks about, until it closes
 */
RacimoItem *
racimo_waiver_popover_get_item (RacimoWaiverPopover *self)
{
  g_return_val_if_fail (RACIMO_IS_WAIVER_POPOVER (self), NULL);

  return self->item;
}

/**
 * racimo_waiver_popover_focus:
 *
 * Puts the keyboard focus in the reason, once the popover is up.
 */
void
racimo_waiver_popover_focus (RacimoWaiverPopover *self)
{
  g_return_if_fail (RACIMO_IS_WAIVER_POPOVER (self));

  gtk_widget_grab_focus (self->entry);
}

static void
racimo_waiver_popover_closed (GtkPopover *popover)
{
  RacimoWaiverPopover *self = RACIMO_WAIVER_POPOVER (popover);

  g_clear_weak_pointer (&self->item);
  g_clear_weak_pointer (&self->project);
}

static void
racimo_waiver_popover_dispose (GObject *object)
{
  RacimoWaiverPopover *self = RACIMO_WAIVER_POPOVER (object);

  g_clear_weak_pointer (&self->item);
  g_clear_weak_pointer (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_WAIVER_POPOVER);

  G_OBJECT_CLASS (racimo_waiver_popover_parent_class)->dispose (object);
}

static void
racimo_waiver_popover_class_init (RacimoWaiverPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkPopoverClass *popover_class = GTK_POPOVER_CLASS (klass);

  object_class->dispose = racimo_waiver_popover_dispose;
  popover_class->closed = racimo_waiver_popover_closed;

  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-waiver-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoWaiverPopover, label);
  gtk_widget_class_bind_template_child (widget_class, RacimoWaiverPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, RacimoWaiverPopover, button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_apply);
}

static void
racimo_waiver_popover_init (RacimoWaiverPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
racimo_waiver_popover_new (void)
{
  return g_object_new (RACIMO_TYPE_WAIVER_POPOVER, NULL);
}
