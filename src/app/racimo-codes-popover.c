/* racimo-codes-popover.c: the codes of one cell, as check buttons
 *
 * Space on a cell of the grid opens it: the activity and the role on top,
 * then a check button for each code of the scheme (and for any code the
 * cell holds that the scheme does not define), then Clear Cell.  Toggling
 * a button, or typing a code's letter, changes the cell through the
 * project; the grid calls racimo_codes_popover_set_codes() when the cell
 * changes, an undo among the ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-codes-popover.h"
#include "racimo-ui-resources.h"

struct _RacimoCodesPopover
{
  GtkPopover      parent_instance;

  RacimoProject  *project;
  RacimoActivity *activity;
  RacimoRole     *role;
  GPtrArray      *buttons;  /* GtkCheckButton, each with its letter as "code" */
  gboolean        syncing;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *title;
  GtkLabel       *subtitle;
};

G_DEFINE_FINAL_TYPE (RacimoCodesPopover, racimo_codes_popover, GTK_TYPE_POPOVER)

static char
button_code (GtkWidget *button)
{
  return (char) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "code"));
}

static void
on_code_toggled (GtkCheckButton     *button,
                 RacimoCodesPopover *self)
{
  if (self->syncing || self->activity == NULL || self->role == NULL)
    return;

  racimo_project_toggle_code (self->project, self->activity, self->role,
                              button_code (GTK_WIDGET (button)));
}

static void
on_clear (RacimoCodesPopover *self,
          GtkButton          *button)
{
  if (self->activity != NULL && self->role != NULL)
    racimo_project_set_codes (self->project, self->activity, self->role, 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* In the popover too, a code's letter toggles it. */
static gboolean
on_key_pressed (RacimoCodesPopover    *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gunichar c = g_unichar_toupper (gdk_keyval_to_unicode (keyval));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || self->activity == NULL
      || self->role == NULL)
    return FALSE;

  if (c < 128 && RACIMO_CODE_IS_VALID ((char) c)
      && racimo_scheme_code_index (racimo_project_get_scheme (self->project), (char) c) >= 0)
    {
      racimo_project_toggle_code (self->project, self->activity, self->role, (char) c);
      return TRUE;
    }

  return FALSE;
}

static void
add_code_button (RacimoCodesPopover   *self,
                 char                  letter,
                 const RacimoCodeInfo *info,
                 gboolean              dark)
{
  g_autofree char *markup = NULL;
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *code, *name;
  GtkWidget *after = self->buttons->len > 0 ? g_ptr_array_index (self->buttons,
                                                                 self->buttons->len - 1)
                                            : GTK_WIDGET (self->subtitle);

  if (info != NULL)
    markup = g_markup_printf_escaped ("<span foreground=\"%s\"><b>%c</b></span>",
                                      dark ? info->color_dark : info->color_light, letter);
  else
    markup = g_markup_printf_escaped ("<b>%c</b>", letter);

  /* The letters in a column of their own, centred, so that a narrow I
   * lines up with R, A and C, and the names after them. */
  code = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (code), markup);
  gtk_label_set_width_chars (GTK_LABEL (code), 2);
  gtk_label_set_xalign (GTK_LABEL (code), 0.5f);
  name = gtk_label_new (info != NULL ? _(info->name) : _("not in this scheme"));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), name);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
  g_object_set_data (G_OBJECT (button), "code", GINT_TO_POINTER (letter));
  g_signal_connect (button, "toggled", G_CALLBACK (on_code_toggled), self);
  gtk_box_insert_child_after (GTK_BOX (self->box), button, after);
  g_ptr_array_add (self->buttons, button);
}

static const char *
name_or (RacimoItem *item,
         const char *fallback)
{
  const char *name = racimo_item_get_name (item);

  return name != NULL && *name != '\0' ? name : fallback;
}

/**
 * racimo_codes_popover_set_cell:
 * @codes: what the cell holds
 * @dark: whether the codes' colours are for a dark background
 *
 * Shows the codes of @activity for @role, a button for each code of the
 * project's scheme and for any code in @codes the scheme does not define.
 */
void
racimo_codes_popover_set_cell (RacimoCodesPopover *self,
                               RacimoProject      *project,
                               RacimoActivity     *activity,
                               RacimoRole         *role,
                               RacimoCodes         codes,
                               gboolean            dark)
{
  const RacimoScheme *scheme;
  RacimoCodes unknown;

  g_return_if_fail (RACIMO_IS_CODES_POPOVER (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (RACIMO_IS_ACTIVITY (activity));
  g_return_if_fail (RACIMO_IS_ROLE (role));

  g_set_weak_pointer (&self->project, project);
  g_set_weak_pointer (&self->activity, activity);
  g_set_weak_pointer (&self->role, role);

  /* Which cell: the activity, and below it the role. */
  gtk_label_set_text (self->title, name_or (RACIMO_ITEM (activity), _("Unnamed activity")));
  gtk_label_set_text (self->subtitle, name_or (RACIMO_ITEM (role), _("Unnamed role")));

  /* Made afresh each time: the scheme, and so the codes offered, may change. */
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_box_remove (GTK_BOX (self->box), g_ptr_array_index (self->buttons, i));
  g_ptr_array_set_size (self->buttons, 0);

  scheme = racimo_project_get_scheme (project);
  for (guint i = 0; i < scheme->n_codes; i++)
    add_code_button (self, scheme->codes[i].letter, &scheme->codes[i], dark);
  unknown = codes & ~racimo_scheme_get_mask (scheme);
  for (char c = 'A'; c <= 'Z'; c++)
    if (unknown & RACIMO_CODE_BIT (c))
      add_code_button (self, c, NULL, dark);

  racimo_codes_popover_set_codes (self, codes);
}

/**
 * racimo_codes_popover_set_codes:
 *
 * Shows @codes in the buttons, changing nothing in the project.
 */
void
racimo_codes_popover_set_codes (RacimoCodesPopover *self,
                                RacimoCodes         codes)
{
  g_return_if_fail (RACIMO_IS_CODES_POPOVER (self));

  self->syncing = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   (codes & RACIMO_CODE_BIT (button_code (button))) != 0);
    }
  self->syncing = FALSE;
}

/**
 * racimo_codes_popover_focus:
 *
 * Puts the keyboard focus on the first code, once the popover is up.
 */
void
racimo_codes_popover_focus (RacimoCodesPopover *self)
{
  g_return_if_fail (RACIMO_IS_CODES_POPOVER (self));

  if (self->buttons->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->buttons, 0));
}

static void
racimo_codes_popover_closed (GtkPopover *popover)
{
  RacimoCodesPopover *self = RACIMO_CODES_POPOVER (popover);

  g_clear_weak_pointer (&self->activity);
  g_clear_weak_pointer (&self->role);
  g_clear_weak_pointer (&self->project);
}

static void
racimo_codes_popover_dispose (GObject *object)
{
  RacimoCodesPopover *self = RACIMO_CODES_POPOVER (object);

  racimo_codes_popover_closed (GTK_POPOVER (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_CODES_POPOVER);

  G_OBJECT_CLASS (racimo_codes_popover_parent_class)->dispose (object);
}

static void
racimo_codes_popover_finalize (GObject *object)
{
  RacimoCodesPopover *self = RACIMO_CODES_POPOVER (object);

  g_ptr_array_unref (self->buttons);

  G_OBJECT_CLASS (racimo_codes_popover_parent_class)->finalize (object);
}

static void
racimo_codes_popover_class_init (RacimoCodesPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_codes_popover_dispose;
  object_class->finalize = racimo_codes_popover_finalize;
  GTK_POPOVER_CLASS (klass)->closed = racimo_codes_popover_closed;

  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-codes-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoCodesPopover, box);
  gtk_widget_class_bind_template_child (widget_class, RacimoCodesPopover, title);
  gtk_widget_class_bind_template_child (widget_class, RacimoCodesPopover, subtitle);
  gtk_widget_class_bind_template_callback (widget_class, on_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);
}

static void
racimo_codes_popover_init (RacimoCodesPopover *self)
{
  self->buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
racimo_codes_popover_new (void)
{
  return g_object_new (RACIMO_TYPE_CODES_POPOVER, NULL);
}
