/* test-editing.c: editing the matrix as a project manager expects, keys
 * and clicks as a user gives them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "racimo-compat.h"
#include "racimo-start-page.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-ui-test.h"
#include "racimo-waiver-popover.h"

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

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
focus_of (Editing *e)
{
  racimo_ui_test_spin ();
  return gtk_root_get_focus (GTK_ROOT (e->window));
}

typedef struct
{
  Editing   *e;
  GtkWidget *widget;
} FocusWait;

static gboolean
has_focus (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->e->window)) == wait->widget;
}

/* The keyboard goes back to @widget once a popover has closed. */
static void
wait_for_focus (Editing   *e,
                GtkWidget *widget)
{
  FocusWait wait = { e, widget };

  racimo_test_wait_until (has_focus, &wait, "the focus to come back");
}

/* 4. After a scheme chosen from the main menu, the grid has the keyboard
 * again: arrows and Ctrl+Z work without a click. */
static void
test_focus_after_scheme (Editing       *e,
                         gconstpointer  data)
{
  GtkWidget *button = find_primary_menu_button (GTK_WIDGET (e->window));
  GtkPopover *menu;

  g_assert_true (focus_of (e) == GTK_WIDGET (e->view));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  racimo_ui_test_spin ();
  menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  gtk_widget_activate_action (GTK_WIDGET (menu), "win.scheme", "s", "RASCI");
  gtk_popover_popdown (menu);
  g_assert_cmpstr (racimo_project_get_scheme_id (e->project), ==, "RASCI");
  wait_for_focus (e, GTK_WIDGET (e->view));
}

static GtkWidget *
panel_child (Editing    *e,
             const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (_racimo_window_get_checks_panel (e->window)), RACIMO_TYPE_CHECKS_PANEL, name));
}

/* Opens the menu of the selected finding from the keyboard, and goes into
 * it as the arrows do. */
static GtkPopover *
open_finding_menu (Editing    *e,
                   const char *item_id,
                   RacimoCheck check)
{
  RacimoChecksPanel *panel = _racimo_window_get_checks_panel (e->window);
  GtkWidget *list = panel_child (e, "list_view");
  GtkPopover *menu = NULL;
  gboolean handled = FALSE;

  racimo_checks_panel_select (panel, racimo_project_lookup (e->project, item_id),
                              check);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (e->window));
  gtk_widget_grab_focus (list);
  g_signal_emit_by_name (racimo_ui_test_find_controller (list, GTK_TYPE_EVENT_CONTROLLER_KEY),
                         "key-pressed", GDK_KEY_Menu, 0, 0, &handled);
  racimo_ui_test_spin ();
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (panel)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_POPOVER_MENU (w) && gtk_widget_get_visible (w))
      menu = GTK_POPOVER (w);
  g_assert_nonnull (menu);
  gtk_widget_child_focus (GTK_WIDGET (menu), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_is_ancestor (focus_of (e), GTK_WIDGET (menu)));

  return menu;
}

/* 4. After a quick fix or a waiver, the findings list has the keyboard
 * again, not the header bar's first button. */
static void
test_focus_after_fix (Editing       *e,
                      gconstpointer  data)
{
  GtkWidget *list = panel_child (e, "list_view");
  GtkWidget *waive = panel_child (e, "waive_popover");
  GtkPopover *menu;
  GtkWidget *entry;

  menu = open_finding_menu (e, "retraining", RACIMO_CHECK_NO_OWNER);
  gtk_widget_activate_action (focus_of (e), "checks.make-owner", "(ss)", "retraining",
                              "mlops-engineer");
  gtk_popover_popdown (menu);
  wait_for_focus (e, list);

  menu = open_finding_menu (e, "monitor", RACIMO_CHECK_NO_DOER);
  gtk_widget_activate_action (focus_of (e), "checks.waive", "(ss)", "monitor", "no-doer");
  gtk_popover_popdown (menu);
  racimo_ui_test_spin ();
  entry = GTK_WIDGET (gtk_widget_get_template_child (waive, RACIMO_TYPE_WAIVER_POPOVER, "entry"));
  g_assert_true (gtk_widget_is_ancestor (focus_of (e), entry) || focus_of (e) == entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "The vendor monitors it.");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (racimo_item_get_waiver_reason (racimo_project_lookup (e->project, "monitor"),
                                                   "no-doer"));
  wait_for_focus (e, list);
}

/* Types @text in the rename popover that is open, and Enter. */
static void
type_name (Editing    *e,
           const char *text)
{
  GtkEditable *entry = rename_entry (e);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  racimo_ui_test_spin ();
}

/* 8. The first phase added to a blank matrix is the only one: no
 * "Unnamed phase" appears beside it, and no warning. */
static void
test_first_phase (Editing       *e,
                  gconstpointer  data)
{
  RacimoChecks *checks = racimo_window_get_checks (e->window);
  RacimoHistory *history = racimo_project_get_history (e->project);
  RacimoPhase *phase;

  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.add-activity", NULL);
  type_name (e, "Kick-off meeting");
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.add-phase", NULL);
  g_assert_cmpstr (gtk_editable_get_text (rename_entry (e)), ==, "New phase");
  type_name (e, "Start");

  g_assert_cmpuint (racimo_project_get_n_phases (e->project), ==, 1);
  phase = racimo_project_get_phase (e->project, 0);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (phase)), ==, "Start");
  g_assert_cmpuint (racimo_phase_get_n_activities (phase), ==, 1);
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (e->view), ==, 2);
  g_assert_true (racimo_matrix_view_get_row_item (e->view, 0) == RACIMO_ITEM (phase));
  g_assert_false (racimo_checks_item_has (checks, RACIMO_ITEM (phase), RACIMO_CHECK_UNNAMED));

  /* A second phase is a phase of its own. */
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.add-phase", NULL);
  type_name (e, "Build");
  g_assert_cmpuint (racimo_project_get_n_phases (e->project), ==, 2);

  /* Undone (the names, the second phase, the first), the matrix is as it
   * was: no phase shown. */
  for (guint i = 0; i < 4; i++)
    racimo_history_undo (history);
  g_assert_cmpuint (racimo_project_get_n_phases (e->project), ==, 1);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (phase)), ==, "");
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (e->view), ==, 1);
}

typedef struct
{
  RacimoMatrixView *view;
  int               row;
} RowWait;

static gboolean
row_has_problem (gpointer data)
{
  RowWait *wait = data;

  return racimo_matrix_view_get_row_problem (wait->view, (guint) wait->row)
         != RACIMO_ROW_PROBLEM_NONE;
}

/* 7. A new activity is no problem while the user names it and types its
 * codes: its findings come when the cursor leaves the row, or after a
 * pause. */
static void
test_new_row_quiet (Editing       *e,
                    gconstpointer  data)
{
  RacimoChecks *checks = racimo_window_get_checks (e->window);
  guint n_errors = racimo_checks_get_n_errors (checks);
  guint n_warnings = racimo_checks_get_n_warnings (checks);
  RowWait wait = { e->view, 2 };

  /* Insert adds an activity below the cursor, and names it. */
  g_assert_true (key (e, GDK_KEY_Insert, 0));
  type_name (e, "Write the data contract");
  racimo_ui_test_assert_cursor (e->view, 2, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_true (key (e, GDK_KEY_Tab, 0));
  g_assert_true (key (e, GDK_KEY_c, 0));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (e->view, 2), ==, RACIMO_ROW_PROBLEM_NONE);
  g_assert_cmpuint (racimo_checks_get_n_errors (checks), ==, n_errors);
  g_assert_cmpuint (racimo_checks_get_n_warnings (checks), ==, n_warnings);

  /* Left, it says what is wrong. */
  g_assert_true (key (e, GDK_KEY_Return, 0));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (e->view, 2), ==,
                   RACIMO_ROW_PROBLEM_NO_OWNER);
  g_assert_cmpuint (racimo_checks_get_n_errors (checks), ==, n_errors + 1);

  /* Another, named, then a pause: its findings come by themselves. */
  racimo_matrix_view_set_cursor (e->view, 1, 0);
  g_assert_true (key (e, GDK_KEY_Insert, 0));
  type_name (e, "Sign the data contract");
  g_assert_cmpint (racimo_matrix_view_get_row_problem (e->view, 2), ==, RACIMO_ROW_PROBLEM_NONE);
  racimo_test_wait_until (row_has_problem, &wait, "the findings of a new row after a pause");
  g_assert_cmpuint (racimo_checks_get_n_errors (checks), ==, n_errors + 2);
}

/* The colour the view drew at @x, @y of its own */
static guint32
pixel_at (Editing *e,
          int      x,
          int      y)
{
  g_autoptr(GskRenderNode) node = racimo_ui_test_widget_node (GTK_WIDGET (e->view));
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  guint32 pixel = 0;

  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT ((float) x, (float) y, 1, 1));
  gdk_texture_download (texture, (guchar *) &pixel, 4);
  gsk_renderer_unrealize (renderer);

  return pixel;
}

/* The colour behind the name of @row, above its text */
static guint32
name_background (Editing *e,
                 int      row)
{
  graphene_rect_t area;

  racimo_matrix_view_set_cursor (e->view, RACIMO_MATRIX_HEADER_ROW, 0);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (e->view));
  g_assert_true (racimo_matrix_view_get_cell_area (e->view, row, RACIMO_MATRIX_NAME_COLUMN,
                                                   &area));
  return pixel_at (e, (int) (area.origin.x + area.size.width / 2), (int) area.origin.y + 2);
}

/* 5. One look per severity: "Several owners" is an error, in the panel
 * and in the grid alike, and so is an unknown code. */
static void
test_severity_looks (Editing       *e,
                     gconstpointer  data)
{
  RacimoRole *first = racimo_project_get_role (e->project, 0);
  RacimoRole *second = racimo_project_get_role (e->project, 1);
  RacimoActivity *a1 = RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 1));
  RacimoActivity *a2 = RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 2));
  RacimoActivity *a3 = RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 3));
  guint32 clean;

  clean = name_background (e, 3);
  for (guint i = 0; i < racimo_project_get_n_roles (e->project); i++)
    {
      racimo_project_set_codes (e->project, a2, racimo_project_get_role (e->project, i), 0);
      racimo_project_set_codes (e->project, a3, racimo_project_get_role (e->project, i), 0);
    }
  racimo_project_set_codes (e->project, a3, second, RACIMO_CODE_BIT ('R'));
  racimo_project_set_codes (e->project, a1, first, 0);
  racimo_project_set_codes (e->project, a1, second, RACIMO_CODE_BIT ('R'));
  racimo_project_set_codes (e->project, a2, first, RACIMO_CODE_BIT ('A'));
  racimo_project_set_codes (e->project, a2, second, RACIMO_CODE_BIT ('A') | RACIMO_CODE_BIT ('R'));
  racimo_project_set_codes (e->project, a3, first, RACIMO_CODE_BIT ('A') | RACIMO_CODE_BIT ('X'));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (e->view, 1), ==,
                   RACIMO_ROW_PROBLEM_NO_OWNER);
  g_assert_cmpint (racimo_matrix_view_get_row_problem (e->view, 2), ==,
                   RACIMO_ROW_PROBLEM_MANY_OWNERS);
  g_assert_cmpint (racimo_matrix_view_get_row_problem (e->view, 3), ==,
                   RACIMO_ROW_PROBLEM_UNKNOWN_CODE);
  g_assert_cmpint (racimo_check_get_severity (RACIMO_CHECK_MANY_OWNERS), ==,
                   RACIMO_SEVERITY_ERROR);

  /* Drawn alike, and unlike a row with nothing wrong. */
  g_assert_cmpuint (name_background (e, 1), !=, clean);
  g_assert_cmpuint (name_background (e, 2), ==, name_background (e, 1));
  g_assert_cmpuint (name_background (e, 3), ==, name_background (e, 1));

  /* A warning is marked as a warning: nobody responsible. */
  racimo_project_set_codes (e->project, a3, first, RACIMO_CODE_BIT ('A'));
  racimo_project_set_codes (e->project, a3, second, 0);
  g_assert_cmpint (racimo_matrix_view_get_row_problem (e->view, 3), ==,
                   RACIMO_ROW_PROBLEM_WARNING);
  g_assert_cmpuint (name_background (e, 3), ==, clean);
}

/* The label under @widget showing @text, if any */
static gboolean
is_label (GtkWidget *widget,
          gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  return GTK_LABEL (racimo_ui_test_find_widget (widget, is_label, (gpointer) text));
}

static gboolean
label_shown_whole (GtkLabel *label)
{
  return label != NULL && gtk_widget_get_mapped (GTK_WIDGET (label))
         && !pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* 10. The role filter lists roles whose names begin alike in full. */
static void
test_role_filter_names (Editing       *e,
                        gconstpointer  data)
{
  static const char *names[] = {
    "Executive sponsor of the programme", "Executive sponsor of the product",
  };
  RacimoWindow *window = e->window;
  GtkWidget *dropdown = GTK_WIDGET (window->role_dropdown);
  GtkWidget *popover = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    racimo_project_rename (e->project, RACIMO_ITEM (racimo_project_get_role (e->project, i)),
                           names[i]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (dropdown));

  g_signal_emit_by_name (dropdown, "activate");
  for (GtkWidget *w = gtk_widget_get_first_child (dropdown); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_POPOVER (w))
      popover = w;
  g_assert_nonnull (popover);
  racimo_ui_test_wait_for_frames (popover);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (label_shown_whole (find_label (popover, names[i])));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* 10. The cell popover shows a long Japanese role name whole, its Clear
 * Cell button inside it, and the names of the codes in one column. */
static void
test_codes_popover_names (Editing       *e,
                          gconstpointer  data)
{
  const char *role_name = "プロジェクトエンジニアリングマネージャー兼品質保証責任者";
  RacimoRole *role = racimo_project_get_role (e->project, 1);
  GtkPopover *popover;
  GtkWidget *button = NULL;
  graphene_rect_t bounds;
  float names_x = -1;
  guint n_codes = 0;

  racimo_project_rename (e->project, RACIMO_ITEM (role), role_name);
  racimo_project_rename (e->project, racimo_matrix_view_get_row_item (e->view, 1),
                         "データ基盤の要件定義とキックオフミーティングの準備と実施と議事録の共有");
  racimo_matrix_view_set_cursor (e->view, 1, 1);
  g_assert_true (key (e, GDK_KEY_space, 0));
  popover = open_popover (e);
  g_assert_nonnull (popover);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (popover));

  g_assert_true (label_shown_whole (find_label (GTK_WIDGET (popover), role_name)));

  for (GtkWidget *w = gtk_widget_get_first_child (gtk_popover_get_child (popover)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w))
      button = w;
    else if (GTK_IS_CHECK_BUTTON (w))
      {
        /* R, A, C, I: each name starts where the others do. */
        GtkWidget *name = gtk_widget_get_last_child (gtk_check_button_get_child (
          GTK_CHECK_BUTTON (w)));

        g_assert_true (gtk_widget_compute_bounds (name, GTK_WIDGET (popover), &bounds));
        if (names_x < 0)
          names_x = bounds.origin.x;
        g_assert_cmpfloat (bounds.origin.x, ==, names_x);
        n_codes++;
      }
  g_assert_cmpuint (n_codes, ==, 4);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_bounds (button, gtk_popover_get_child (popover), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (gtk_popover_get_child (popover)));
  g_assert_cmpint (gtk_widget_get_height (button), >=, 20);
  close_popovers (e);
}

/* 10. A letter that is no code, or a code typed on a phase's row, is left
 * out with a word, once: not at every key. */
static void
test_letter_left_out (Editing       *e,
                      gconstpointer  data)
{
  RacimoActivity *activity = RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (e->view, 1));
  RacimoCodes before = racimo_activity_get_codes (activity,
                                                  racimo_project_get_role (e->project, 0));
  AdwToast *toast;

  g_assert_true (key (e, GDK_KEY_x, 0));
  g_assert_cmpuint (racimo_activity_get_codes (activity, racimo_project_get_role (e->project, 0)),
                    ==, before);
  toast = _racimo_window_get_toast (e->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "“X” is not a code of RACI: the letter was left out");

  /* Once is enough. */
  g_assert_true (key (e, GDK_KEY_z, 0));
  g_assert_true (_racimo_window_get_toast (e->window) == toast);

  /* On a phase's row, codes are left out too, and said so once. */
  racimo_matrix_view_set_cursor (e->view, 0, 1);
  g_assert_true (key (e, GDK_KEY_r, 0));
  toast = _racimo_window_get_toast (e->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "A phase’s row holds no codes: type them in the rows of its activities");
  g_assert_true (key (e, GDK_KEY_a, 0));
  g_assert_true (_racimo_window_get_toast (e->window) == toast);
}

static gboolean
shows_checks (Editing *e)
{
  gboolean shown;

  g_object_get (e->window, "show-checks", &shown, NULL);
  return shown;
}

/* 3. The checks panel takes no room while there is nothing to show; it
 * opens by itself for a finding the user has not seen, and stays closed
 * once the user closed it. */
static void
test_checks_panel_opens (Editing       *e,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RacimoChecks *checks = racimo_window_get_checks (e->window);

  g_assert_true (g_settings_get_boolean (settings, "show-checks"));
  g_assert_cmpuint (racimo_checks_get_n_errors (checks) + racimo_checks_get_n_warnings (checks),
                    ==, 0);
  g_assert_false (shows_checks (e));

  /* A role that holds no code yet: a warning, news. */
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.add-role", NULL);
  type_name (e, "Sponsor");
  g_assert_cmpuint (racimo_checks_get_n_warnings (checks), ==, 1);
  g_assert_true (shows_checks (e));

  /* Closed by the user, it stays closed, and the next windows too. */
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.show-checks", NULL);
  g_assert_false (shows_checks (e));
  g_assert_false (g_settings_get_boolean (settings, "show-checks"));
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.add-role", NULL);
  type_name (e, "Team");
  g_assert_cmpuint (racimo_checks_get_n_warnings (checks), ==, 2);
  g_assert_false (shows_checks (e));

  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.show-checks", NULL);
  g_assert_true (shows_checks (e));
  g_assert_true (g_settings_get_boolean (settings, "show-checks"));
}

/* The items of the menu of the finding shown first for @item_id */
static char *
finding_menu_items (Editing    *e,
                    const char *item_id,
                    RacimoCheck check)
{
  GtkPopover *menu = open_finding_menu (e, item_id, check);
  GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  GString *items = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (items, "%s\n", label);
        }
    }
  gtk_popover_popdown (menu);

  return g_string_free (items, FALSE);
}

/* 6. Quick fixes beyond "Waive…": one owner kept of several, an owner for
 * an activity nobody does, codes carried over to a new scheme; each one
 * step to undo. */
static void
test_quick_fixes (Editing       *e,
                  gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (e->project);
  RacimoActivity *deploy = RACIMO_ACTIVITY (racimo_project_lookup (e->project, "deploy"));
  RacimoActivity *monitor = RACIMO_ACTIVITY (racimo_project_lookup (e->project, "monitor"));
  RacimoRole *mle = RACIMO_ROLE (racimo_project_lookup (e->project, "ml-engineer"));
  RacimoRole *ops = RACIMO_ROLE (racimo_project_lookup (e->project, "mlops-engineer"));
  g_autofree char *items = NULL;
  GtkWidget *alert;

  items = finding_menu_items (e, "deploy", RACIMO_CHECK_MANY_OWNERS);
  g_assert_cmpstr (items, ==,
                   "Keep Only ML engineer Accountable\n"
                   "Keep Only MLOps engineer Accountable\n"
                   "_Waive…\n");
  gtk_widget_activate_action (GTK_WIDGET (_racimo_window_get_checks_panel (e->window)),
                              "checks.keep-owner", "(ss)", "deploy", "mlops-engineer");
  g_assert_cmpuint (racimo_activity_get_codes (deploy, mle), ==, 0);
  g_assert_cmpuint (racimo_activity_get_codes (deploy, ops), ==,
                    RACIMO_CODE_BIT ('R') | RACIMO_CODE_BIT ('A'));
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==,
                   "Keep Only MLOps engineer Accountable");

  /* Nobody responsible and no owner: any role of the matrix may own it. */
  racimo_project_set_codes (e->project, monitor, mle, 0);
  racimo_ui_test_spin ();
  g_clear_pointer (&items, g_free);
  items = finding_menu_items (e, "monitor", RACIMO_CHECK_NO_OWNER);
  g_assert_true (g_str_has_prefix (items, "Make Account manager Accountable\n"));
  g_assert_true (g_str_has_suffix (items, "Make MLOps engineer Accountable\n_Waive…\n"));

  /* RACI to DACI: asked, each R becomes D in the same step. */
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.scheme", "s", "DACI");
  alert = _racimo_window_get_alert (e->window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Switch to DACI?");
  g_assert_cmpstr (racimo_project_get_scheme_id (e->project), ==, "RACI");
  racimo_compat_alert_respond (alert, "map");
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_project_get_scheme_id (e->project), ==, "DACI");
  g_assert_cmpuint (racimo_activity_get_codes (deploy, ops), ==,
                    RACIMO_CODE_BIT ('D') | RACIMO_CODE_BIT ('A'));
  g_assert_false (racimo_checks_item_has (racimo_window_get_checks (e->window),
                                          RACIMO_ITEM (deploy), RACIMO_CHECK_UNKNOWN_CODE));
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Switch to DACI");
  racimo_history_undo (history);
  g_assert_cmpstr (racimo_project_get_scheme_id (e->project), ==, "RACI");
  g_assert_cmpuint (racimo_activity_get_codes (deploy, ops), ==,
                    RACIMO_CODE_BIT ('R') | RACIMO_CODE_BIT ('A'));
}

/* 2. The names' column widens and narrows from the keyboard (Alt with
 * Right or Left on a name), and each file keeps its width in the user's
 * settings, not in the file. */
static void
test_names_width (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "panel-clean.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GVariant) widths = NULL;
  RacimoWindow *window = racimo_ui_test_window_with_template ("blank-raci");
  RacimoMatrixView *view = racimo_window_get_matrix_view (window);
  int automatic, width = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  racimo_window_open_file (window, file);
  racimo_ui_test_wait_idle (window);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpint (racimo_matrix_view_get_names_width (view), ==, 0);
  automatic = racimo_matrix_view_get_names_width_drawn (view);

  racimo_matrix_view_set_cursor (view, 1, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_true (racimo_ui_test_press_key (GTK_WIDGET (view), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (racimo_ui_test_press_key (GTK_WIDGET (view), GDK_KEY_Right, GDK_ALT_MASK));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpint (racimo_matrix_view_get_names_width_drawn (view), >, automatic);
  g_assert_cmpint (racimo_matrix_view_get_names_width (view), ==,
                   racimo_matrix_view_get_names_width_drawn (view));
  /* Nothing moved, and the file is as it was. */
  g_assert_false (racimo_history_get_can_undo (
    racimo_project_get_history (racimo_window_get_project (window))));

  width = racimo_matrix_view_get_names_width (view);
  racimo_ui_test_destroy_window (window);
  widths = g_settings_get_value (settings, "names-widths");
  g_assert_true (g_variant_lookup (widths, uri, "i", &width));
  g_assert_cmpint (width, >, automatic);

  /* The file opened again: as the user left it. */
  window = racimo_ui_test_window_with_template ("blank-raci");
  racimo_window_open_file (window, file);
  racimo_ui_test_wait_idle (window);
  g_assert_cmpint (racimo_matrix_view_get_names_width (racimo_window_get_matrix_view (window)),
                   ==, width);
  racimo_ui_test_destroy_window (window);
}

/* 2. Zoom: Control with plus, minus and 0, as in a browser. */
static void
test_zoom (Editing       *e,
           gconstpointer  data)
{
  graphene_rect_t normal, larger, smaller;

  g_assert_true (racimo_matrix_view_get_cell_area (e->view, 1, 0, &normal));
  g_assert_true (key (e, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (key (e, GDK_KEY_equal, GDK_CONTROL_MASK));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (e->view));
  g_assert_cmpfloat (racimo_matrix_view_get_zoom (e->view), >, 1.0);
  g_assert_true (racimo_matrix_view_get_cell_area (e->view, 1, 0, &larger));
  g_assert_cmpfloat (larger.size.height, >, normal.size.height);
  g_assert_cmpfloat (larger.size.width, >, normal.size.width);

  g_assert_true (key (e, GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat (racimo_matrix_view_get_zoom (e->view), ==, 1.0);
  for (guint i = 0; i < 4; i++)
    g_assert_true (key (e, GDK_KEY_minus, GDK_CONTROL_MASK));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (e->view));
  g_assert_true (racimo_matrix_view_get_cell_area (e->view, 1, 0, &smaller));
  g_assert_cmpfloat (smaller.size.height, <, normal.size.height);
  racimo_ui_test_assert_drawn_afresh (GTK_WIDGET (e->view), "zooming out");

  g_assert_true (key (e, GDK_KEY_KP_0, GDK_CONTROL_MASK));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (e->view));
  g_assert_true (racimo_matrix_view_get_cell_area (e->view, 1, 0, &larger));
  g_assert_cmpfloat (larger.size.height, ==, normal.size.height);
}

typedef struct
{
  GdkClipboard *clipboard;
  char         *text;
} ClipboardWait;

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardWait *wait = data;

  wait->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (wait->text == NULL)
    wait->text = g_strdup ("");
}

static gboolean
clipboard_read (gpointer data)
{
  return ((ClipboardWait *) data)->text != NULL;
}

/* 12. Copied with headers, a selection pastes into a mail or a slide as a
 * table that reads on its own: role names above, activity names in front. */
static void
test_copy_with_headers (Editing       *e,
                        gconstpointer  data)
{
  ClipboardWait wait = { gtk_widget_get_clipboard (GTK_WIDGET (e->view)), NULL };
  g_autofree char *text = NULL;

  racimo_matrix_view_set_cursor (e->view, 1, 0);
  key (e, GDK_KEY_Down, GDK_SHIFT_MASK);
  key (e, GDK_KEY_Right, GDK_SHIFT_MASK);
  text = racimo_matrix_view_copy_text_with_headers (e->view);
  g_assert_cmpstr (text, ==,
                   "\tAccount manager\tUX designer\n"
                   "Define the business case and KPIs\tR/A\tI\n"
                   "Map the customer journey\tA\tR\n");

  /* From the keyboard, to the clipboard */
  g_assert_true (key (e, GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK));
  gdk_clipboard_read_text_async (wait.clipboard, NULL, on_clipboard_text, &wait);
  racimo_test_wait_until (clipboard_read, &wait, "the clipboard");
  g_assert_cmpstr (wait.text, ==, text);
  g_free (wait.text);
}

/* 9. A matrix with nothing in it says what to add, with the buttons that
 * add it. */
static void
test_empty_matrix (Editing       *e,
                   gconstpointer  data)
{
  GtkWidget *empty = e->window->empty_matrix;
  GtkWidget *add_role = GTK_WIDGET (find_label (empty, "Add Role"));

  g_assert_nonnull (add_role);
  add_role = gtk_widget_get_ancestor (add_role, GTK_TYPE_BUTTON);

  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_true (gtk_widget_get_mapped (add_role));
  g_signal_emit_by_name (add_role, "clicked");
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_roles (e->project), ==, 1);
  g_assert_nonnull (rename_entry (e));
  type_name (e, "Sponsor");
  g_assert_false (gtk_widget_get_visible (empty));

  /* Undone, the matrix is empty again, and says so. */
  racimo_history_undo (racimo_project_get_history (e->project));
  racimo_history_undo (racimo_project_get_history (e->project));
  g_assert_true (gtk_widget_get_visible (empty));
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* 9. Recent projects come first on the start page, above the templates. */
static void
test_recent_first (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "panel-clean.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  RacimoWindow *window = racimo_window_new (NULL);
  GtkWidget *page = GTK_WIDGET (window->start_page);
  GtkWidget *recent = GTK_WIDGET (gtk_widget_get_template_child (page, RACIMO_TYPE_START_PAGE,
                                                                 "recent_group"));
  GtkWidget *templates = GTK_WIDGET (gtk_widget_get_template_child (page, RACIMO_TYPE_START_PAGE,
                                                                    "templates_group"));
  graphene_rect_t recent_bounds, templates_bounds;
  GtkRecentData recent_data = { NULL, NULL, (char *) "application/x-raci", (char *) "racimo",
                                (char *) "racimo %u", NULL, FALSE };

  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri,
                                              &recent_data));
  gtk_window_present (GTK_WINDOW (window));
  racimo_test_wait_until (widget_mapped, recent, "the recent projects to show");
  racimo_ui_test_wait_for_frames (page);
  g_assert_true (gtk_widget_compute_bounds (recent, page, &recent_bounds));
  g_assert_true (gtk_widget_compute_bounds (templates, page, &templates_bounds));
  g_assert_cmpfloat (recent_bounds.origin.y, <, templates_bounds.origin.y);

  racimo_ui_test_destroy_window (window);
}

/* 11. A user's own matrix as a template: kept in the user's data folder,
 * offered on the start page, removable. */
static void
test_user_template (Editing       *e,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *uri = NULL;
  RacimoWindow *other;
  GtkWidget *group;
  RacimoProject *copy;

  racimo_project_set_title (e->project, "Vendor onboarding");
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.save-as-template", NULL);
  g_assert_cmpstr (adw_toast_get_title (_racimo_window_get_toast (e->window)), ==,
                   "Saved as the template “Vendor onboarding”, on the start page");
  files = racimo_templates_list_user ();
  g_assert_cmpuint (files->len, ==, 1);
  uri = g_file_get_uri (g_ptr_array_index (files, 0));

  /* On the start page of a new window, with its name */
  other = racimo_window_new (NULL);
  gtk_window_present (GTK_WINDOW (other));
  racimo_ui_test_spin ();
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (other->start_page),
                                                     RACIMO_TYPE_START_PAGE, "user_group"));
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (find_label (group, "Vendor onboarding"));

  /* A project from it: the same matrix, new and unmodified */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.new-from-user-template", "s", uri);
  copy = racimo_window_get_project (other);
  g_assert_nonnull (copy);
  g_assert_cmpstr (racimo_project_get_title (copy), ==, "Vendor onboarding");
  g_assert_cmpuint (racimo_project_get_n_roles (copy), ==,
                    racimo_project_get_n_roles (e->project));
  g_assert_cmpuint (racimo_project_get_n_activities (copy), ==,
                    racimo_project_get_n_activities (e->project));
  g_assert_null (racimo_window_get_file (other));
  g_assert_false (racimo_history_get_modified (racimo_project_get_history (copy)));
  racimo_ui_test_destroy_window (other);

  /* Removed from the start page */
  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.remove-user-template", "s", uri);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = racimo_templates_list_user ();
  g_assert_cmpuint (files->len, ==, 0);
}

typedef struct
{
  GtkWidget *widget;
  GtkWidget *parent;
} ParentWait;

static gboolean
has_parent (gpointer data)
{
  ParentWait *wait = data;

  return gtk_widget_get_parent (wait->widget) == wait->parent;
}

/* 3. In a narrow window the checks panel slides over the matrix, which
 * keeps its width; wide again, the panel is beside it. */
static void
test_narrow_window (Editing       *e,
                    gconstpointer  data)
{
  GtkWidget *revealer = GTK_WIDGET (e->window->checks_revealer);
  ParentWait wait = { revealer, e->window->matrix_overlay };

  g_assert_true (shows_checks (e));
  g_assert_true (gtk_widget_get_parent (revealer) == e->window->content_box);

  gtk_window_set_default_size (GTK_WINDOW (e->window), 700, 600);
  racimo_test_wait_until (has_parent, &wait, "the panel over the matrix");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (e->view));
  g_assert_cmpint (gtk_widget_get_width (e->window->matrix_overlay), >=,
                   gtk_widget_get_width (GTK_WIDGET (e->window)) - 20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_racimo_window_get_checks_panel (e->window))));

  gtk_window_set_default_size (GTK_WINDOW (e->window), 1200, 600);
  wait.parent = e->window->content_box;
  racimo_test_wait_until (has_parent, &wait, "the panel beside the matrix");
}

/* 2. A phase collapses to its header, which says how many activities it
 * hides, and opens again; going to a hidden activity opens it. */
static void
test_collapse_phase (Editing       *e,
                     gconstpointer  data)
{
  guint n_rows = racimo_matrix_view_get_n_rows (e->view);
  RacimoPhase *first = racimo_project_get_phase (e->project, 0);
  RacimoPhase *second = racimo_project_get_phase (e->project, 1);
  guint n = racimo_phase_get_n_activities (first);
  RacimoItem *activity = RACIMO_ITEM (racimo_phase_get_activity (first, 1));
  g_autofree char *label = NULL;

  /* Space on the phase's header, the cursor in one of its activities
   * before: it goes to the header. */
  racimo_matrix_view_set_cursor (e->view, 0, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_true (key (e, GDK_KEY_space, 0));
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (e->view), ==, n_rows - n);
  g_assert_true (racimo_matrix_view_get_row_item (e->view, 1) == RACIMO_ITEM (second));
  label = g_strdup_printf ("Phase %s, collapsed, %u activities hidden",
                           racimo_item_get_name (RACIMO_ITEM (first)), n);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (e->view), ==, label);
  racimo_ui_test_assert_drawn_afresh (GTK_WIDGET (e->view), "collapsing a phase");

  g_assert_true (key (e, GDK_KEY_space, 0));
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (e->view), ==, n_rows);

  /* From the phase's context menu; then a finding's activity shown again
   * opens the phase. */
  racimo_matrix_view_set_cursor (e->view, 0, RACIMO_MATRIX_NAME_COLUMN);
  gtk_widget_activate_action (GTK_WIDGET (e->view), "matrix.context-menu", NULL);
  g_assert_nonnull (open_popover (e));
  gtk_widget_activate_action (GTK_WIDGET (e->view), "matrix.toggle-collapsed", NULL);
  close_popovers (e);
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (e->view), ==, n_rows - n);
  g_assert_true (racimo_matrix_view_show_item (e->view, activity));
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (e->view), ==, n_rows);
  g_assert_true (racimo_matrix_view_get_row_item (e->view, 2) == activity);
  racimo_ui_test_assert_cursor (e->view, 2, RACIMO_MATRIX_NAME_COLUMN);
}

/* The role under the cursor, through its context menu */
static void
role_menu_action (Editing    *e,
                  int         column,
                  const char *action)
{
  racimo_matrix_view_set_cursor (e->view, RACIMO_MATRIX_HEADER_ROW, column);
  gtk_widget_activate_action (GTK_WIDGET (e->view), "matrix.context-menu", NULL);
  g_assert_nonnull (open_popover (e));
  gtk_widget_activate_action (GTK_WIDGET (e->view), action, NULL);
  close_popovers (e);
}

/* 2. A role hidden from its header's menu leaves the matrix, and the
 * corner says so; shown again from the menu, or when a finding is about
 * it. */
static void
test_hide_role (Editing       *e,
                gconstpointer  data)
{
  int n_roles = (int) racimo_project_get_n_roles (e->project);
  RacimoItem *ds = RACIMO_ITEM (racimo_project_get_role (e->project, 2));
  graphene_rect_t area;

  role_menu_action (e, 2, "matrix.hide-role");
  g_assert_false (racimo_matrix_view_get_cell_area (e->view, RACIMO_MATRIX_HEADER_ROW,
                                                    n_roles - 1, &area));
  racimo_matrix_view_set_cursor (e->view, RACIMO_MATRIX_HEADER_ROW, 2);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (e->view), ==,
                   "Role Project engineering manager, PEM");
  racimo_ui_test_assert_drawn_afresh (GTK_WIDGET (e->view), "hiding a role");

  /* Going to it shows it again. */
  g_assert_true (racimo_matrix_view_show_item (e->view, ds));
  racimo_ui_test_assert_cursor (e->view, RACIMO_MATRIX_HEADER_ROW, 2);
  g_assert_true (racimo_matrix_view_get_cell_area (e->view, RACIMO_MATRIX_HEADER_ROW,
                                                   n_roles - 1, &area));

  /* Two hidden, all shown again from the menu */
  role_menu_action (e, 0, "matrix.hide-role");
  role_menu_action (e, 0, "matrix.hide-role");
  g_assert_false (racimo_matrix_view_get_cell_area (e->view, RACIMO_MATRIX_HEADER_ROW,
                                                    n_roles - 2, &area));
  role_menu_action (e, 0, "matrix.show-all-roles");
  g_assert_true (racimo_matrix_view_get_cell_area (e->view, RACIMO_MATRIX_HEADER_ROW,
                                                   n_roles - 1, &area));
  /* Nothing of it is in the file. */
  g_assert_false (racimo_history_get_modified (racimo_project_get_history (e->project)));
}

/* 3. In a narrow window, a new finding does not cover the matrix by
 * itself: the header bar's counts say it. */
static void
test_narrow_news (Editing       *e,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ParentWait wait = { GTK_WIDGET (e->window->checks_revealer), e->window->matrix_overlay };

  /* The user wants the panel: wide, it would open. */
  g_assert_true (g_settings_get_boolean (settings, "show-checks"));
  gtk_window_set_default_size (GTK_WINDOW (e->window), 700, 600);
  racimo_test_wait_until (has_parent, &wait, "a narrow window");
  g_assert_false (shows_checks (e));

  gtk_widget_activate_action (GTK_WIDGET (e->window), "win.add-role", NULL);
  type_name (e, "Sponsor");
  g_assert_cmpuint (racimo_checks_get_n_warnings (racimo_window_get_checks (e->window)), ==, 1);
  g_assert_false (shows_checks (e));
}

/* The labels of @model and its sections, one a line */
static void
dump_labels (GMenuModel *model,
             GString    *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *label = NULL;

      if (section != NULL)
        dump_labels (section, labels);
      else if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (labels, "%s\n", label);
    }
}

/* 6. The grid's context menu offers the same quick fixes as the panel. */
static void
test_grid_quick_fixes (Editing       *e,
                       gconstpointer  data)
{
  RacimoActivity *deploy = RACIMO_ACTIVITY (racimo_project_lookup (e->project, "deploy"));
  RacimoRole *mle = RACIMO_ROLE (racimo_project_lookup (e->project, "ml-engineer"));
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkPopover *menu;

  g_assert_true (racimo_matrix_view_show_item (e->view, RACIMO_ITEM (deploy)));
  gtk_widget_activate_action (GTK_WIDGET (e->view), "matrix.context-menu", NULL);
  menu = open_popover (e);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  dump_labels (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), labels);
  g_assert_nonnull (strstr (labels->str, "Keep Only ML engineer Accountable\n"
                                         "Keep Only MLOps engineer Accountable\n"));
  gtk_widget_activate_action (GTK_WIDGET (e->view), "matrix.keep-owner", "(ss)", "deploy",
                              "ml-engineer");
  close_popovers (e);
  g_assert_cmpuint (racimo_activity_get_codes (deploy, mle), ==, RACIMO_CODE_BIT ('A'));
  g_assert_false (racimo_checks_item_has (racimo_window_get_checks (e->window),
                                          RACIMO_ITEM (deploy), RACIMO_CHECK_MANY_OWNERS));
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
  ADD ("focus-after-scheme", test_focus_after_scheme, NULL);
  ADD ("new-row-quiet", test_new_row_quiet, NULL);
  ADD ("severity-looks", test_severity_looks, NULL);
  ADD ("role-filter-names", test_role_filter_names, NULL);
  ADD ("codes-popover-names", test_codes_popover_names, NULL);
  ADD ("letter-left-out", test_letter_left_out, NULL);
  ADD ("checks-panel-opens", test_checks_panel_opens, "blank-raci");
  ADD ("quick-fixes", test_quick_fixes, "file:panel-problems.raci");
  ADD ("zoom", test_zoom, NULL);
  g_test_add_func ("/editing/names-width", test_names_width);
  ADD ("copy-with-headers", test_copy_with_headers, NULL);
  ADD ("empty-matrix", test_empty_matrix, "blank-raci");
  g_test_add_func ("/editing/recent-first", test_recent_first);
  ADD ("user-template", test_user_template, NULL);
  ADD ("narrow-window", test_narrow_window, "file:panel-problems.raci");
  ADD ("narrow-news", test_narrow_news, "blank-raci");
  ADD ("collapse-phase", test_collapse_phase, NULL);
  ADD ("hide-role", test_hide_role, NULL);
  ADD ("grid-quick-fixes", test_grid_quick_fixes, "file:panel-problems.raci");
  ADD ("first-phase", test_first_phase, "blank-raci");
  ADD ("focus-after-fix", test_focus_after_fix, "file:panel-problems.raci");

  return racimo_ui_test_run ();
}
