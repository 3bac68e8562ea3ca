/* racimo-focus.c: the keyboard focus back where the user works
 *
 * A popover menu that closes after one of its items was chosen leaves the
 * window's focus on that item, hidden: no widget takes the keys, and GTK
 * gives the next one to the first button of the header bar (Space then
 * opens the file dialog), or the menu's button keeps it.  The focus goes back to the widget the popover
 * was opened from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "racimo-focus.h"

typedef struct
{
  GWeakRef target;
  guint    idle;
} FocusReturn;

static void
focus_return_free (gpointer data)
{
  FocusReturn *ret = data;

  g_clear_handle_id (&ret->idle, g_source_remove);
  g_weak_ref_clear (&ret->target);
  g_free (ret);
}

/* Whether @focus is where a choice in the popover put it: in a popover it
 * opened, or an entry it showed.  Nowhere, hidden, or on a button of the
 * header bar (where GTK puts it, at times, as the popover hides), it is
 * lost. */
static gboolean
focus_in_use (GtkWidget *focus)
{
  return focus != NULL && gtk_widget_get_mapped (focus)
         && gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR) == NULL;
}

/* After the popover has closed, and what was chosen in it has run: a
 * choice that opens another popover, or moves the focus itself, keeps
 * it. */
static gboolean
return_focus (gpointer data)
{
  FocusReturn *ret = data;
  g_autoptr(GtkWidget) target = g_weak_ref_get (&ret->target);
  GtkRoot *root;
  GtkWidget *focus;

  ret->idle = 0;
  if (target == NULL || (root = gtk_widget_get_root (target)) == NULL)
    return G_SOURCE_REMOVE;

  focus = gtk_root_get_focus (root);
  if (gtk_widget_get_mapped (target) && !focus_in_use (focus))
    gtk_widget_grab_focus (target);

  return G_SOURCE_REMOVE;
}

static void
on_closed (GtkPopover  *popover,
           FocusReturn *ret)
{
  if (ret->idle == 0)
    ret->idle = g_idle_add_full (G_PRIORITY_LOW, return_focus, ret, NULL);
}

/**
 * racimo_focus_return_after:
 * @popover: a popover, often a menu
 * @target: the widget to give the keyboard back to
 *
 * Each time @popover closes leaving the focus nowhere a user can see, gives
 * it to @target.
 */
void
racimo_focus_return_after (GtkPopover *popover,
                           GtkWidget  *target)
{
  FocusReturn *ret;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (GTK_IS_WIDGET (target));

  ret = g_new0 (FocusReturn, 1);
  g_weak_ref_init (&ret->target, target);
  g_object_set_data_full (G_OBJECT (popover), "racimo-focus-return", ret, focus_return_free);
  g_signal_connect (popover, "closed", G_CALLBACK (on_closed), ret);
}
