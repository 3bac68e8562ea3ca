/* racimo-note-popover.c: the note on a cell
 *
 * The grid opens it over a cell (Shift+F2, or Note… in the cell's
 * popover).  A note may span lines: Enter makes a new line, Ctrl+Enter
 * or Save saves it through the project (an empty note is no note), Delete
 * Note takes it away, and Escape leaves it as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-note-popover.h"
#include "racimo-ui-resources.h"

struct _RacimoNotePopover
{
  GtkPopover      parent_instance;

  RacimoProject  *project;
  RacimoActivity *activity;
  RacimoRole     *role;

  /* Template widgets */
  GtkLabel       *title;
  GtkLabel       *subtitle;
  GtkWidget      *text_view;
  GtkWidget      *delete_button;
};

G_DEFINE_FINAL_TYPE (RacimoNotePopover, racimo_note_popover, GTK_TYPE_POPOVER)

static const char *
name_or (RacimoItem *item,
         const char *fallback)
{
  const char *name = racimo_item_get_name (item);

  return name != NULL && *name != '\0' ? name : fallback;
}

static void
set_note (RacimoNotePopover *self,
          const char        *note)
{
  if (self->project != NULL && self->activity != NULL && self->role != NULL)
    racimo_project_set_note (self->project, self->activity, self->role, note);

  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoNotePopover *self = RACIMO_NOTE_POPOVER (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  set_note (self, text);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_note (RACIMO_NOTE_POPOVER (widget), NULL);
}

/**
 * racimo_note_popover_set_cell:
 *
 * Shows the note of the cell of @activity and @role, to edit.
 */
void
racimo_note_popover_set_cell (RacimoNotePopover *self,
                              RacimoProject     *project,
                              RacimoActivity    *activity,
                              RacimoRole        *role)
{
  const char *note;

  g_return_if_fail (RACIMO_IS_NOTE_POPOVER (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));
  g_return_if_fail (RACIMO_IS_ROLE (role));

  g_set_weak_pointer (&self->project, project);
  g_set_weak_pointer (&self->activity, activity);
  g_set_weak_pointer (&self->role, role);

  note = racimo_activity_get_note (activity, role);
  gtk_label_set_text (self->title, name_or (RACIMO_ITEM (activity), _("Unnamed activity")));
  gtk_label_set_text (self->subtitle, name_or (RACIMO_ITEM (role), _("Unnamed role")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                            note != NULL ? note : "", -1);
  gtk_widget_set_visible (self->delete_button, note != NULL);
}

RacimoActivity *
racimo_note_popover_get_activity (RacimoNotePopover *self)
{
  g_return_val_if_fail (RACIMO_IS_NOTE_POPOVER (self), NULL);

  return self->activity;
}

RacimoRole *
racimo_note_popover_get_role (RacimoNotePopover *self)
{
  g_return_val_if_fail (RACIMO_IS_NOTE_POPOVER (self), NULL);

  return self->role;
}

/**
 * racimo_note_popover_focus:
 *
 * Puts the keyboard focus in the note, at its end.
 */
void
racimo_note_popover_focus (RacimoNotePopover *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (RACIMO_IS_NOTE_POPOVER (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (self->text_view);
}

static void
racimo_note_popover_closed (GtkPopover *popover)
{
  RacimoNotePopover *self = RACIMO_NOTE_POPOVER (popover);

  g_clear_weak_pointer (&self->activity);
  g_clear_weak_pointer (&self->role);
  g_clear_weak_pointer (&self->project);
}

static void
racimo_note_popover_dispose (GObject *object)
{
  RacimoNotePopover *self = RACIMO_NOTE_POPOVER (object);

  racimo_note_popover_closed (GTK_POPOVER (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_NOTE_POPOVER);

  G_OBJECT_CLASS (racimo_note_popover_parent_class)->dispose (object);
}

static void
racimo_note_popover_class_init (RacimoNotePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_note_popover_dispose;
  GTK_POPOVER_CLASS (klass)->closed = racimo_note_popover_closed;

  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-note-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoNotePopover, title);
  gtk_widget_class_bind_template_child (widget_class, RacimoNotePopover, subtitle);
  gtk_widget_class_bind_template_child (widget_class, RacimoNotePopover, text_view);
  gtk_widget_class_bind_template_child (widget_class, RacimoNotePopover, delete_button);

  gtk_widget_class_install_action (widget_class, "note.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "note.delete", NULL, delete_action);
}

static void
racimo_note_popover_init (RacimoNotePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
racimo_note_popover_new (void)
{
  return g_object_new (RACIMO_TYPE_NOTE_POPOVER, NULL);
}
