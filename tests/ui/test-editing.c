/* test-editing.c: editing the matrix as a project manager expects, keys
 * and clicks as a user gives them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-ui-test.h"

typedef struct
{
  RacimoWindow     *window;
  RacimoProject    *project;
  RacimoMatrixView *view;
} Editing;

/* @data: a template's id, or "file:" and a file of tests/files */
static void
editing_set_up (Editing       *e,
                gconstpointer  data)
{
  const char *source = data != NULL ? data : "ml-system-deployment";

  if (g_str_has_prefix (source, "file:"))
    e->project = racimo_ui_test_load_project (source + strlen ("file:"));
  else
    e->project = racimo_templates_create (source, NULL);
  g_assert_nonnull (e->project);

  e->window = racimo_ui_test_show_project (e->project, 1100, 640);
  e->view = racimo_window_get_matrix_view (e->window);
  gtk_widget_grab_focus (GTK_WIDGET (e->view));
}

static void
editing_tear_down (Editing       *e,
                   gconstpointer  data)
{
  racimo_ui_test_destroy_window (e->window);
  g_assert_finalize_object (e->project);
}

static gboolean
key (Editing         *e,
     guint            keyval,
     GdkModifierType  state)
{
  gboolean handled = racimo_ui_test_press_key (GTK_WIDGET (e->view), keyval, state);

  racimo_ui_test_spin ();
  return handled;
}

static const char *
name_at (Editing *e,
         int      row)
{
  return racimo_item_get_name (racimo_matrix_view_get_row_item (e->view, (guint) row));
}

/* The entry of the rename popover, when it is open */
static GtkEditable *
rename_entry (Editing *e)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (e->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner;

      if (!GTK_IS_POPOVER (child) || !gtk_widget_get_visible (child))
        continue;
      inner = gtk_popover_get_child (GTK_POPOVER (child));
      for (GtkWidget *w = inner; w != NULL; w = gtk_widget_get_first_child (w))
        if (GTK_IS_ENTRY (w))
          return GTK_EDITABLE (w);
    }

  return NULL;
}

/* The popover of the view that is open, if any */
static GtkPopover *
open_popover (Editing *e)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (e->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return GTK_POPOVER (child);

  return NULL;
}

static void
close_popovers (Editing *e)
{
  for (GtkPopover *popover; (popover = open_popover (e)) != NULL;)
    {
      gtk_popover_popdown (popover);
      racimo_ui_test_spin ();
    }
}

/* 1. Enter goes down, Shift+Enter up, Tab right: typing "c Enter a Enter"
 * fills two cells and renames nothing.  Renaming is F2 or Enter on a
 * name. */
static void
test_enter_moves (Editing       *e,
                  gconstpointer  data)
{
  g_autofree char *first = g_strdup (name_at (e, 1));
  g_autofree char *second = g_strdup (name_at (e, 2));
  RacimoRole *role = racimo_project_get_role (e->project, 0);
  RacimoCodes before = racimo_activity_get_codes (
    RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 2)), role);

  racimo_ui_test_assert_cursor (e->view, 1, 0);
  g_assert_true (key (e, GDK_KEY_c, 0));
  g_assert_true (key (e, GDK_KEY_Return, 0));
  racimo_ui_test_assert_cursor (e->view, 2, 0);
  g_assert_null (rename_entry (e));
  g_assert_true (key (e, GDK_KEY_a, 0));
  g_assert_true (key (e, GDK_KEY_Return, 0));
  racimo_ui_test_assert_cursor (e->view, 3, 0);
  g_assert_null (rename_entry (e));

  g_assert_cmpstr (name_at (e, 1), ==, first);
  g_assert_cmpstr (name_at (e, 2), ==, second);
  g_assert_true (racimo_activity_get_codes (
                   RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 1)), role)
                 & RACIMO_CODE_BIT ('C'));
  g_assert_cmpuint (racimo_activity_get_codes (
                      RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 2)), role),
                    ==, before ^ RACIMO_CODE_BIT ('A'));

  /* Shift+Enter goes up, the keypad's Enter down. */
  g_assert_true (key (e, GDK_KEY_Return, GDK_SHIFT_MASK));
  racimo_ui_test_assert_cursor (e->view, 2, 0);
  g_assert_true (key (e, GDK_KEY_KP_Enter, 0));
  racimo_ui_test_assert_cursor (e->view, 3, 0);

  /* Tab goes right, Shift+Tab left; from the name Tab goes to the codes. */
  g_assert_true (key (e, GDK_KEY_Tab, 0));
  racimo_ui_test_assert_cursor (e->view, 3, 1);
  g_assert_true (key (e, GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_true (key (e, GDK_KEY_Tab, GDK_SHIFT_MASK));
  racimo_ui_test_assert_cursor (e->view, 3, RACIMO_MATRIX_NAME_COLUMN);
  /* Left of the name, Shift+Tab leaves the grid. */
  g_assert_false (key (e, GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_true (key (e, GDK_KEY_Tab, 0));
  racimo_ui_test_assert_cursor (e->view, 3, 0);

  /* Nothing typed on a code cell opens the name: a letter that is no code
   * neither. */
  key (e, GDK_KEY_x, 0);
  g_assert_null (rename_entry (e));

  /* Enter on the name renames. */
  racimo_matrix_view_set_cursor (e->view, 2, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_true (key (e, GDK_KEY_Return, 0));
  g_assert_nonnull (rename_entry (e));
  g_assert_cmpstr (gtk_editable_get_text (rename_entry (e)), ==, second);
  close_popovers (e);

  /* F2 renames from a code cell. */
  racimo_matrix_view_set_cursor (e->view, 2, 1);
  g_assert_true (key (e, GDK_KEY_F2, 0));
  g_assert_cmpstr (gtk_editable_get_text (rename_entry (e)), ==, second);
  close_popovers (e);
}

/* The keys the grid's old key handler took, with the modifiers it
 * ignored: Control with Alt and an arrow moves the cursor, Control with
 * Menu or Shift+F10 opens the context menu, Control+Shift with C, V and A
 * copies, pastes and selects everything. */
static void
test_old_keys (Editing       *e,
               gconstpointer  data)
{
  RacimoRole *role = racimo_project_get_role (e->project, 3);
  RacimoActivity *first = RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 1));
  RacimoActivity *second = RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 2));
  int r0, c0, r1, c1;

  g_assert_true (key (e, GDK_KEY_Down, GDK_CONTROL_MASK | GDK_ALT_MASK));
  racimo_ui_test_assert_cursor (e->view, 2, 0);
  g_assert_true (key (e, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK));
  racimo_matrix_view_get_selection (e->view, &r0, &c0, &r1, &c1);
  g_assert_cmpint (c1 - c0, ==, 1);

  g_assert_true (key (e, GDK_KEY_Menu, GDK_CONTROL_MASK));
  g_assert_true (GTK_IS_POPOVER_MENU (open_popover (e)));
  close_popovers (e);
  g_assert_true (key (e, GDK_KEY_F10, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (GTK_IS_POPOVER_MENU (open_popover (e)));
  close_popovers (e);

  g_assert_true (key (e, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  racimo_matrix_view_get_selection (e->view, &r0, &c0, &r1, &c1);
  g_assert_cmpint (r1, ==, (int) racimo_matrix_view_get_n_rows (e->view) - 1);
  g_assert_cmpint (c1, ==, (int) racimo_project_get_n_roles (e->project) - 1);

  g_assert_cmpuint (racimo_activity_get_codes (second, role), !=,
                    racimo_activity_get_codes (first, role));
  racimo_matrix_view_set_cursor (e->view, 1, 3);
  g_assert_true (key (e, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  racimo_matrix_view_set_cursor (e->view, 2, 3);
  g_assert_true (key (e, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  for (guint i = 0; i < 100 && racimo_activity_get_codes (second, role)
                                 != racimo_activity_get_codes (first, role); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (racimo_activity_get_codes (second, role), ==,
                    racimo_activity_get_codes (first, role));
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

#define ADD(name, func, source) \
  g_test_add ("/editing/" name, Editing, source, editing_set_up, func, editing_tear_down)

  ADD ("enter-moves", test_enter_moves, NULL);
  ADD ("old-keys", test_old_keys, NULL);

  return racimo_ui_test_run ();
}
