/* test-window.c: the editor window and its matrix, driven as a user would
 *
 * Keys go through the matrix view's own key controller, actions through
 * the window's actions, so what is tested is what a key press does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "racimo-compat.h"
#include "racimo-text-line.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-ui-test.h"
#include "racimo-waiver-popover.h"

typedef struct
{
  RacimoWindow     *window;
  RacimoProject    *project;
  RacimoMatrixView *view;
} Fixture;

/* Helpers */

static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  state)
{
  gboolean handled = racimo_ui_test_press_key (GTK_WIDGET (f->view), keyval, state);

  racimo_ui_test_spin ();
  return handled;
}

static void
assert_cursor (Fixture *f,
               int      row,
               int      column)
{
  racimo_ui_test_assert_cursor (f->view, row, column);
}

static RacimoActivity *
activity_at (Fixture *f,
             int      row)
{
  RacimoItem *item = racimo_matrix_view_get_row_item (f->view, (guint) row);

  g_assert_true (RACIMO_IS_ACTIVITY (item));
  return RACIMO_ACTIVITY (item);
}

static RacimoCodes
codes_at (Fixture *f,
          int      row,
          int      column)
{
  return racimo_activity_get_codes (activity_at (f, row),
                                    racimo_project_get_role (f->project, (guint) column));
}

/* The visible popover among the view's children, holding a @type. */
static GtkWidget *
find_in_popover (Fixture *f,
                 GType    type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner;

      if (!GTK_IS_POPOVER (child) || !gtk_widget_get_visible (child))
        continue;

      inner = gtk_popover_get_child (GTK_POPOVER (child));
      if (inner != NULL && G_TYPE_CHECK_INSTANCE_TYPE (inner, type))
        return inner;

      for (GtkWidget *w = inner ? gtk_widget_get_first_child (inner) : NULL; w != NULL;
           w = gtk_widget_get_next_sibling (w))
        if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
          return w;
    }

  return NULL;
}

static gboolean
any_popover_visible (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return TRUE;

  return FALSE;
}

static const char *
title_of (Fixture *f)
{
  return gtk_window_get_title (GTK_WINDOW (f->window));
}

/* Fixture: the ML system deployment template in a window */

/* @data: a template's id, or "file:" and a file of tests/files */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *template_id = data != NULL ? data : "ml-system-deployment";
  g_autoptr(GError) error = NULL;

  if (g_str_has_prefix (template_id, "file:"))
    f->project = racimo_ui_test_load_project (template_id + strlen ("file:"));
  else
    f->project = racimo_templates_create (template_id, &error);
  g_assert_no_error (error);

  f->window = racimo_ui_test_show_project (f->project, 1024, 600);
  f->view = racimo_window_get_matrix_view (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  RacimoChecks *checks = g_object_ref (racimo_window_get_checks (f->window));

  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  racimo_ui_test_spin ();

  /* Nothing keeps the window, its checks or the project alive. */
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (checks);
  g_assert_finalize_object (f->project);
}

/* Tests */

static void
test_template_shown (Fixture       *f,
                     gconstpointer  data)
{
  RacimoPhase *first_phase = racimo_project_get_phase (f->project, 0);

  /* A header row per phase, then its activities. */
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (f->view), ==,
                    racimo_project_get_n_phases (f->project)
                    + racimo_project_get_n_activities (f->project));
  g_assert_true (racimo_matrix_view_get_row_item (f->view, 0) == RACIMO_ITEM (first_phase));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (activity_at (f, 1))), ==,
                   "Define the business case and KPIs");

  /* The cursor starts on the first cell, and says so. */
  assert_cursor (f, 1, 0);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Define the business case and KPIs, Account manager: "
                   "Responsible, Accountable");
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (f->view), ==, "");

  /* The title names the project, unmodified. */
  g_assert_cmpstr (title_of (f), ==, "ML system deployment — Racimo");
}

static void
test_keyboard_moves (Fixture       *f,
                     gconstpointer  data)
{
  int last_row = (int) racimo_matrix_view_get_n_rows (f->view) - 1;
  int last_column = (int) racimo_project_get_n_roles (f->project) - 1;

  g_assert_true (press (f, GDK_KEY_Down, 0));
  assert_cursor (f, 2, 0);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Map the customer journey, Account manager: Accountable");

  press (f, GDK_KEY_Right, 0);
  press (f, GDK_KEY_Right, 0);
  assert_cursor (f, 2, 2);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Map the customer journey, Data scientist: Consulted");

  press (f, GDK_KEY_End, 0);
  assert_cursor (f, 2, last_column);
  press (f, GDK_KEY_Home, 0);
  assert_cursor (f, 2, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Activity Map the customer journey");

  press (f, GDK_KEY_End, GDK_CONTROL_MASK);
  assert_cursor (f, last_row, RACIMO_MATRIX_NAME_COLUMN);
  press (f, GDK_KEY_Page_Up, 0);
  {
    int row;

    racimo_matrix_view_get_cursor (f->view, &row, NULL);
    g_assert_cmpint (row, <, last_row);
  }
  press (f, GDK_KEY_Home, GDK_CONTROL_MASK);
  assert_cursor (f, 0, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Phase Requirements, 3 activities");

  /* Nothing is above the names; above a cell are the role headers. */
  press (f, GDK_KEY_Up, 0);
  assert_cursor (f, 0, RACIMO_MATRIX_NAME_COLUMN);
  press (f, GDK_KEY_Right, 0);
  press (f, GDK_KEY_Up, 0);
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 0);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Role Account manager, AM");
  press (f, GDK_KEY_Left, 0);
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 0);

  /* Page Down moves by what fits in the window. */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  press (f, GDK_KEY_Page_Down, 0);
  {
    int row;

    racimo_matrix_view_get_cursor (f->view, &row, NULL);
    g_assert_cmpint (row, >, 2);
  }
}

static void
test_codes_and_highlight (Fixture       *f,
                          gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);

  /* "Define the business case" is owned by the account manager (R, A). */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  g_assert_cmpuint (codes_at (f, 1, 0), ==, racimo_test_codes ("RA"));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==, RACIMO_ROW_PROBLEM_NONE);

  /* Typing "a" takes the A away: the row has no owner and says why. */
  g_assert_true (press (f, GDK_KEY_a, 0));
  g_assert_cmpuint (codes_at (f, 1, 0), ==, racimo_test_codes ("R"));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==,
                   RACIMO_ROW_PROBLEM_NO_OWNER);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Define the business case and KPIs, Account manager: Responsible");
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (f->view), ==,
                   "No owner: no role is Accountable for this activity");
  g_assert_true (g_str_has_prefix (title_of (f), "• ML system deployment"));

  /* The UX designer takes it: one owner again. */
  press (f, GDK_KEY_Right, 0);
  press (f, GDK_KEY_A, GDK_SHIFT_MASK);
  g_assert_cmpuint (codes_at (f, 1, 1), ==, racimo_test_codes ("AI"));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==, RACIMO_ROW_PROBLEM_NONE);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (f->view), ==, "");

  /* Two owners are highlighted too, in their own words. */
  press (f, GDK_KEY_Left, 0);
  press (f, GDK_KEY_a, 0);
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==,
                   RACIMO_ROW_PROBLEM_MANY_OWNERS);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (f->view), ==,
                   "Several owners: more than one role is Accountable for this activity");

  /* A letter that is not a code of the scheme changes nothing. */
  press (f, GDK_KEY_s, 0);
  g_assert_cmpuint (codes_at (f, 1, 0), ==, racimo_test_codes ("RA"));

  /* Delete clears the cell. */
  press (f, GDK_KEY_Delete, 0);
  g_assert_cmpuint (codes_at (f, 1, 0), ==, 0);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Define the business case and KPIs, Account manager: No code");

  /* Undo goes back through every edit, to the unmodified template. */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (racimo_history_get_can_undo (history));
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
      racimo_ui_test_spin ();
    }
  g_assert_false (racimo_history_get_can_undo (history));
  g_assert_cmpuint (codes_at (f, 1, 0), ==, racimo_test_codes ("RA"));
  g_assert_cmpuint (codes_at (f, 1, 1), ==, racimo_test_codes ("I"));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==, RACIMO_ROW_PROBLEM_NONE);
  g_assert_cmpstr (title_of (f), ==, "ML system deployment — Racimo");

  /* And redo forward again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  racimo_ui_test_spin ();
  g_assert_cmpuint (codes_at (f, 1, 0), ==, racimo_test_codes ("R"));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==,
                   RACIMO_ROW_PROBLEM_NO_OWNER);
  g_assert_true (g_str_has_prefix (title_of (f), "• "));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}


static gboolean
checks_panel_revealed (gpointer data)
{
  Fixture *f = data;
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (
    GTK_WIDGET (f->window), RACIMO_TYPE_WINDOW, "checks_revealer"));

  return gtk_revealer_get_child_revealed (revealer);
}

/* The checks panel open beside the grid, as when there are findings: an
 * edit that brings the first finding then leaves the grid's width as it
 * is. */
static void
open_checks_panel (Fixture *f)
{
  g_object_set (f->window, "show-checks", TRUE, NULL);
  racimo_test_wait_until (checks_panel_revealed, f, "the checks panel to open");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

static void
assert_drawn_afresh (Fixture    *f,
                     const char *what)
{
  racimo_ui_test_assert_drawn_afresh (GTK_WIDGET (f->view), what);
}

static void
test_drawn_rows (Fixture       *f,
                 gconstpointer  data)
{
  RacimoActivity *first = activity_at (f, 1);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));

  open_checks_panel (f);
  assert_drawn_afresh (f, "opening");

  /* A code, and the owner-less highlight it brings */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  press (f, GDK_KEY_a, 0);
  assert_drawn_afresh (f, "taking away an A");
  /* A waiver changes the highlight and no code */
  racimo_project_set_waiver (f->project, RACIMO_ITEM (first),
                             racimo_check_get_id (RACIMO_CHECK_NO_OWNER), "Agreed");
  assert_drawn_afresh (f, "a waiver");
  press (f, GDK_KEY_r, 0);
  assert_drawn_afresh (f, "taking away an R");

  /* A name, a row that no longer applies, undo */
  racimo_project_rename (f->project, RACIMO_ITEM (first), "Agree on the goal");
  assert_drawn_afresh (f, "a rename");
  racimo_project_set_applicable (f->project, first, FALSE);
  assert_drawn_afresh (f, "marking an activity not applicable");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_drawn_afresh (f, "undo");

  /* Rows that move: scrolling, an activity added above the others */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 100);
  assert_drawn_afresh (f, "scrolling down");
  gtk_adjustment_set_value (vadjustment, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-activity", NULL);
  assert_drawn_afresh (f, "adding an activity");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-role", NULL);
  assert_drawn_afresh (f, "adding a role");
}

/* Every node under @node, into @nodes */
static void
collect_nodes (GskRenderNode *node,
               GHashTable    *nodes)
{
  g_autoptr(GPtrArray) children = racimo_ui_test_child_nodes (node);

  g_hash_table_add (nodes, node);
  for (guint i = 0; i < children->len; i++)
    collect_nodes (g_ptr_array_index (children, i), nodes);
}

/* How many nodes under @node were placed (moved, and clipped) as in the
 * frame that drew @earlier, and kept */
static guint
count_kept_placings (GskRenderNode *node,
                     GHashTable    *earlier)
{
  g_autoptr(GPtrArray) children = NULL;
  guint n = 0;

  if (g_hash_table_contains (earlier, node))
    return gsk_render_node_get_node_type (node) == GSK_TRANSFORM_NODE
           && gsk_render_node_get_node_type (gsk_transform_node_get_child (node)) == GSK_CLIP_NODE;

  children = racimo_ui_test_child_nodes (node);
  for (guint i = 0; i < children->len; i++)
    n += count_kept_placings (g_ptr_array_index (children, i), earlier);

  return n;
}

/* A frame after an edit appends the rows that did not change as the last
 * frame placed them: the same nodes, which the renderer passes over. */
static void
test_placed_rows (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GskRenderNode) before = NULL;
  g_autoptr(GskRenderNode) after = NULL;
  g_autoptr(GHashTable) earlier = g_hash_table_new (NULL, NULL);

  open_checks_panel (f);
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
  before = racimo_ui_test_widget_node (GTK_WIDGET (f->view));
  press (f, GDK_KEY_a, 0);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
  after = racimo_ui_test_widget_node (GTK_WIDGET (f->view));
  g_assert_true (before != after);

  /* The names and the cells of each row in view but the edited one */
  collect_nodes (before, earlier);
  g_assert_cmpuint (count_kept_placings (after, earlier), >=, 2 * 10);
}

static void
test_selection_toggle (Fixture       *f,
                       gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);

  /* Shift+arrows select; a letter then sets the code in every cell. */
  racimo_matrix_view_set_cursor (f->view, 1, 5);
  press (f, GDK_KEY_Down, GDK_SHIFT_MASK);
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  press (f, GDK_KEY_i, 0);
  for (int r = 1; r <= 2; r++)
    for (int c = 5; c <= 6; c++)
      g_assert_true (codes_at (f, r, c) & RACIMO_CODE_BIT ('I'));

  /* As one step of history. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (racimo_history_get_can_undo (history));
  g_assert_cmpuint (codes_at (f, 1, 5), ==, 0);
  g_assert_cmpuint (codes_at (f, 2, 6), ==, racimo_test_codes ("C"));

  /* Escape leaves a single cell selected. */
  press (f, GDK_KEY_Escape, 0);
  {
    int r0, c0, r1, c1;

    racimo_matrix_view_get_selection (f->view, &r0, &c0, &r1, &c1);
    g_assert_cmpint (r0, ==, r1);
    g_assert_cmpint (c0, ==, c1);
  }
}

static void
test_workload (Fixture       *f,
               gconstpointer  data)
{
  RacimoRole *am = racimo_project_get_role (f->project, 0);
  guint accountable = racimo_matrix_view_get_workload (f->view, am, 'A');
  guint consulted = racimo_matrix_view_get_workload (f->view, am, 'C');
  guint count = 0;

  for (guint r = 0; r < racimo_matrix_view_get_n_rows (f->view); r++)
    {
      RacimoItem *item = racimo_matrix_view_get_row_item (f->view, r);

      if (RACIMO_IS_ACTIVITY (item)
          && (racimo_activity_get_codes (RACIMO_ACTIVITY (item), am) & RACIMO_CODE_BIT ('A')))
        count++;
    }
  g_assert_cmpuint (accountable, ==, count);

  /* An edit shows in the workload at once. */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  press (f, GDK_KEY_c, 0);
  g_assert_cmpuint (racimo_matrix_view_get_workload (f->view, am, 'C'), ==, consulted + 1);

  /* An activity that does not apply is not counted. */
  press (f, GDK_KEY_Menu, 0);
  g_assert_true (any_popover_visible (f));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "matrix.toggle-applicable", NULL);
  racimo_ui_test_spin ();
  g_assert_false (racimo_activity_get_applicable (activity_at (f, 1)));
  g_assert_cmpuint (racimo_matrix_view_get_workload (f->view, am, 'C'), ==, consulted);
  g_assert_cmpuint (racimo_matrix_view_get_workload (f->view, am, 'A'), ==, accountable - 1);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (f->view), ==,
                   "Does not apply to this project");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  RacimoRole *am = racimo_project_get_role (f->project, 0);
  RacimoRole *ux = racimo_project_get_role (f->project, 1);
  RacimoActivity *first = activity_at (f, 1);
  RacimoPhase *requirements = racimo_project_get_phase (f->project, 0);
  RacimoPhase *data_phase = racimo_project_get_phase (f->project, 1);

  /* Alt+Right on a role's header moves the role, and the cursor with it. */
  racimo_matrix_view_set_cursor (f->view, RACIMO_MATRIX_HEADER_ROW, 0);
  g_assert_true (press (f, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (racimo_project_get_role (f->project, 0) == ux);
  g_assert_true (racimo_project_get_role (f->project, 1) == am);
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 1);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "Role Account manager, AM");
  /* The cells went with it. */
  g_assert_cmpuint (codes_at (f, 1, 1), ==, racimo_test_codes ("RA"));

  /* Alt+Down moves an activity; past its phase's end, into the next. */
  racimo_matrix_view_set_cursor (f->view, 1, RACIMO_MATRIX_NAME_COLUMN);
  press (f, GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_cmpint (racimo_phase_index_of (requirements, first), ==, 1);
  press (f, GDK_KEY_Down, GDK_ALT_MASK);
  press (f, GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_true (racimo_activity_get_phase (first) == data_phase);
  g_assert_cmpint (racimo_phase_index_of (data_phase, first), ==, 0);
  assert_cursor (f, racimo_matrix_view_find_row (f->view, RACIMO_ITEM (first)),
                 RACIMO_MATRIX_NAME_COLUMN);

  /* A phase moves with Alt+Up, its activities with it. */
  racimo_matrix_view_set_cursor (f->view,
                                 racimo_matrix_view_find_row (f->view, RACIMO_ITEM (data_phase)),
                                 RACIMO_MATRIX_NAME_COLUMN);
  press (f, GDK_KEY_Up, GDK_ALT_MASK);
  g_assert_cmpint (racimo_project_index_of_phase (f->project, data_phase), ==, 0);
  g_assert_cmpint (racimo_matrix_view_find_row (f->view, RACIMO_ITEM (first)), ==, 1);

  /* Every move is undone, one by one. */
  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (racimo_project_get_role (f->project, 0) == am);
  g_assert_true (activity_at (f, 1) == first);
  g_assert_false (racimo_history_get_modified (racimo_project_get_history (f->project)));
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry;

  /* F2 on an activity's cell opens an entry with its name. */
  racimo_matrix_view_set_cursor (f->view, 1, 3);
  g_assert_true (press (f, GDK_KEY_F2, 0));
  entry = find_in_popover (f, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                   "Define the business case and KPIs");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Agree the business case");
  g_signal_emit_by_name (entry, "activate");
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (activity_at (f, 1))), ==,
                   "Agree the business case");
  g_assert_false (any_popover_visible (f));

  /* Typing on a name starts renaming with what was typed. */
  racimo_matrix_view_set_cursor (f->view, 2, RACIMO_MATRIX_NAME_COLUMN);
  press (f, GDK_KEY_D, GDK_SHIFT_MASK);
  entry = find_in_popover (f, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "D");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Draw the customer journey");
  g_signal_emit_by_name (entry, "activate");
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (activity_at (f, 2))), ==,
                   "Draw the customer journey");

  /* Enter on a role's header renames the role. */
  racimo_matrix_view_set_cursor (f->view, RACIMO_MATRIX_HEADER_ROW, 5);
  press (f, GDK_KEY_Return, 0);
  entry = find_in_popover (f, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "MLOps engineer");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Platform engineer");
  g_signal_emit_by_name (entry, "activate");
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (f->project, 5))),
                   ==, "Platform engineer");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (f->project, 5))),
                   ==, "MLOps engineer");
}

static void
test_codes_popover (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *box, *button = NULL;
  guint n_checks = 0;

  /* Space (as a click) offers the scheme's codes for the cell. */
  racimo_matrix_view_set_cursor (f->view, 2, 1);
  g_assert_true (press (f, GDK_KEY_space, 0));
  box = find_in_popover (f, GTK_TYPE_BOX);
  g_assert_nonnull (box);
  for (GtkWidget *w = gtk_widget_get_first_child (box); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_CHECK_BUTTON (w))
      {
        n_checks++;
        /* R, A, C, I: the second is Accountable. */
        if (n_checks == 2)
          button = w;
        if (n_checks == 1)
          g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (w)));
      }
  g_assert_cmpuint (n_checks, ==, 4);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
  racimo_ui_test_spin ();
  g_assert_cmpuint (codes_at (f, 2, 1), ==, racimo_test_codes ("RA"));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 2), ==,
                   RACIMO_ROW_PROBLEM_MANY_OWNERS);

  /* An undo while it is open shows in it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  racimo_ui_test_spin ();
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)));
  g_assert_cmpuint (codes_at (f, 2, 1), ==, racimo_test_codes ("R"));

  /* In the popover too, a code's letter toggles it. */
  g_assert_true (racimo_ui_test_press_key (gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER),
                                           GDK_KEY_c, 0));
  racimo_ui_test_spin ();
  g_assert_cmpuint (codes_at (f, 2, 1), ==, racimo_test_codes ("RC"));
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (gtk_widget_get_next_sibling (button))));
}

static void
test_copy_paste (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoCodes before;

  /* Copy: tab-separated, one line per activity, codes as "R/A". */
  racimo_matrix_view_set_cursor (f->view, 1, RACIMO_MATRIX_NAME_COLUMN);
  press (f, GDK_KEY_Down, GDK_SHIFT_MASK);
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  text = racimo_matrix_view_copy_text (f->view);
  g_assert_cmpstr (text, ==,
                   "Define the business case and KPIs\tR/A\tI\n"
                   "Map the customer journey\tA\tR\n");

  /* Paste at the cursor, skipping the phase's header row, as one step.
   * A cell that is not codes is left as it was, and the window says so. */
  racimo_matrix_view_set_cursor (f->view, 3, 6);
  before = codes_at (f, 5, 7);
  g_assert_cmpuint (racimo_matrix_view_paste_text (f->view, "a/r\tC\r\nI\tyes\n"), ==, 1);
  g_assert_cmpuint (codes_at (f, 3, 6), ==, racimo_test_codes ("RA"));
  g_assert_cmpuint (codes_at (f, 3, 7), ==, racimo_test_codes ("C"));
  g_assert_cmpuint (codes_at (f, 5, 6), ==, racimo_test_codes ("I"));
  g_assert_cmpuint (codes_at (f, 5, 7), ==, before);
  g_assert_cmpstr (adw_toast_get_title (_racimo_window_get_toast (f->window)), ==,
                   "“yes” is not a code: the cell was left as it was");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (racimo_history_get_can_undo (history));

  /* From a spreadsheet: cells read as an import reads them ("R+A" with
   * spaces, "Accountable" in full, lower case), in one undoable step. */
  racimo_matrix_view_set_cursor (f->view, 1, 2);
  before = codes_at (f, 1, 2);
  g_assert_cmpuint (racimo_matrix_view_paste_text (f->view,
                                                   "A/R\tc\n R+A \tAccountable"), ==, 0);
  g_assert_cmpuint (codes_at (f, 1, 2), ==, racimo_test_codes ("RA"));
  g_assert_cmpuint (codes_at (f, 1, 3), ==, racimo_test_codes ("C"));
  g_assert_cmpuint (codes_at (f, 2, 2), ==, racimo_test_codes ("RA"));
  g_assert_cmpuint (codes_at (f, 2, 3), ==, racimo_test_codes ("A"));
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Paste");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (racimo_history_get_can_undo (history));
  g_assert_cmpuint (codes_at (f, 1, 2), ==, before);

  /* Names copied with a tab in them come back whole, in quotes. */
  {
    g_autofree char *names = NULL;

    racimo_project_rename (f->project, RACIMO_ITEM (activity_at (f, 1)), "Plan\tand agree");
    racimo_matrix_view_set_cursor (f->view, 1, RACIMO_MATRIX_NAME_COLUMN);
    names = racimo_matrix_view_copy_text (f->view);
    g_assert_cmpstr (names, ==, "\"Plan\tand agree\"\n");
    racimo_matrix_view_set_cursor (f->view, 2, RACIMO_MATRIX_NAME_COLUMN);
    racimo_matrix_view_paste_text (f->view, names);
    g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (activity_at (f, 2))), ==,
                     "Plan\tand agree");
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
    g_assert_false (racimo_history_get_can_undo (history));
  }

  /* A single value fills the selection. */
  racimo_matrix_view_set_cursor (f->view, 1, 6);
  press (f, GDK_KEY_Down, GDK_SHIFT_MASK);
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  racimo_matrix_view_paste_text (f->view, "C\n");
  for (int r = 1; r <= 2; r++)
    for (int c = 6; c <= 7; c++)
      g_assert_cmpuint (codes_at (f, r, c), ==, racimo_test_codes ("C"));

  /* Through the clipboard too. */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  press (f, GDK_KEY_c, GDK_CONTROL_MASK);
  racimo_matrix_view_set_cursor (f->view, 2, 7);
  press (f, GDK_KEY_v, GDK_CONTROL_MASK);
  for (guint i = 0; i < 100 && codes_at (f, 2, 7) != racimo_test_codes ("RA"); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (codes_at (f, 2, 7), ==, racimo_test_codes ("RA"));
}

static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  guint n_rows = racimo_matrix_view_get_n_rows (f->view);
  guint n_roles = racimo_project_get_n_roles (f->project);
  RacimoActivity *second = activity_at (f, 2);

  /* Delete from the menu asks nothing; undo brings the activity back. */
  racimo_matrix_view_set_cursor (f->view, 1, 2);
  press (f, GDK_KEY_Menu, 0);
  g_assert_true (any_popover_visible (f));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "matrix.delete", NULL);
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (f->view), ==, n_rows - 1);
  g_assert_true (activity_at (f, 1) == second);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (f->view), ==, n_rows);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (activity_at (f, 1))), ==,
                   "Define the business case and KPIs");

  /* Insert a role after the one under the cursor, named at once. */
  racimo_matrix_view_set_cursor (f->view, RACIMO_MATRIX_HEADER_ROW, 2);
  press (f, GDK_KEY_F10, GDK_SHIFT_MASK);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "matrix.insert-after", NULL);
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_roles (f->project), ==, n_roles + 1);
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 3);
  g_assert_nonnull (find_in_popover (f, GTK_TYPE_ENTRY));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (f->project, 3))),
                   ==, "New role");

  /* Properties of a role: abbreviation and person, in one step. */
  press (f, GDK_KEY_Menu, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "matrix.properties", NULL);
  racimo_ui_test_spin ();
  {
    GtkWidget *grid = find_in_popover (f, GTK_TYPE_GRID);
    GtkWidget *abbrev = gtk_grid_get_child_at (GTK_GRID (grid), 1, 1);
    GtkWidget *person = gtk_grid_get_child_at (GTK_GRID (grid), 1, 2);
    GtkWidget *apply = gtk_widget_get_next_sibling (grid);
    RacimoRole *role = racimo_project_get_role (f->project, 3);

    gtk_editable_set_text (GTK_EDITABLE (abbrev), "SEC");
    gtk_editable_set_text (GTK_EDITABLE (person), "Ana Souza");
    g_signal_emit_by_name (apply, "clicked");
    racimo_ui_test_spin ();
    g_assert_cmpstr (racimo_role_get_abbrev (role), ==, "SEC");
    g_assert_cmpstr (racimo_role_get_person (role), ==, "Ana Souza");
    g_assert_cmpstr (racimo_history_get_undo_label (racimo_project_get_history (f->project)),
                     ==, "Change Properties");
  }

  /* Waive a finding with a reason: the row shows it as waived. */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  press (f, GDK_KEY_a, 0);
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==,
                   RACIMO_ROW_PROBLEM_NO_OWNER);
  press (f, GDK_KEY_Menu, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "matrix.waive", "s", "no-owner");
  racimo_ui_test_spin ();
  {
    GtkWidget *entry = find_in_popover (f, GTK_TYPE_ENTRY);
    GtkWidget *label = find_in_popover (f, GTK_TYPE_LABEL);
    GtkWidget *button = find_in_popover (f, GTK_TYPE_BUTTON);
    g_autofree char *question =
      g_strdup_printf ("Why is “No owner” acceptable for “%s”?",
                       racimo_item_get_name (RACIMO_ITEM (activity_at (f, 1))));

    g_assert_nonnull (entry);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, question);

    /* Spaces are no reason: Waive stays off, and Enter waives nothing. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
    g_assert_false (gtk_widget_get_sensitive (button));
    g_signal_emit_by_name (entry, "activate");
    g_assert_null (racimo_item_get_waiver_reason (RACIMO_ITEM (activity_at (f, 1)), "no-owner"));
    g_assert_true (any_popover_visible (f));

    gtk_editable_set_text (GTK_EDITABLE (entry), "The customer decides");
    g_signal_emit_by_name (entry, "activate");
    racimo_ui_test_spin ();
  }
  g_assert_cmpstr (racimo_item_get_waiver_reason (RACIMO_ITEM (activity_at (f, 1)), "no-owner"),
                   ==, "The customer decides");
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==,
                   RACIMO_ROW_PROBLEM_WAIVED);
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (f->view), ==,
                   "A finding on this activity was waived");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  press (f, GDK_KEY_Menu, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "matrix.unwaive", "s", "no-owner");
  racimo_ui_test_spin ();
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 1), ==,
                   RACIMO_ROW_PROBLEM_NO_OWNER);
}

static void
test_add_and_scheme (Fixture       *f,
                     gconstpointer  data)
{
  RacimoRole *role;
  RacimoActivity *activity;

  /* A blank project: add a role and an activity from the window. */
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (f->view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-role", NULL);
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_roles (f->project), ==, 1);
  role = racimo_project_get_role (f->project, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-activity", NULL);
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_activities (f->project), ==, 1);
  activity = RACIMO_ACTIVITY (racimo_matrix_view_get_row_item (f->view, 0));
  /* Being created, it is not a problem yet. */
  g_assert_cmpint (racimo_matrix_view_get_row_problem (f->view, 0), ==,
                   RACIMO_ROW_PROBLEM_NONE);

  /* Switching the scheme keeps the codes and offers the new letters. */
  racimo_matrix_view_set_cursor (f->view, 0, 0);
  press (f, GDK_KEY_a, 0);
  press (f, GDK_KEY_r, 0);
  g_assert_cmpuint (racimo_activity_get_codes (activity, role), ==, racimo_test_codes ("RA"));
  press (f, GDK_KEY_s, 0);
  g_assert_cmpuint (racimo_activity_get_codes (activity, role), ==, racimo_test_codes ("RA"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.scheme", "s", "RASCI");
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_project_get_scheme_id (f->project), ==, "RASCI");
  g_assert_cmpuint (racimo_activity_get_codes (activity, role), ==, racimo_test_codes ("RA"));
  press (f, GDK_KEY_s, 0);
  g_assert_cmpuint (racimo_activity_get_codes (activity, role), ==, racimo_test_codes ("RAS"));
  g_assert_cmpstr (racimo_matrix_view_get_cursor_label (f->view), ==,
                   "New activity, New role: Responsible, Accountable, Supportive");

  /* A phase: the activities are grouped under its header from now on. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-phase", NULL);
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_phases (f->project), ==, 1);
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (f->view), ==, 2);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

/* The checks panel, beside the matrix */

static gpointer
window_child (Fixture    *f,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->window), RACIMO_TYPE_WINDOW,
                                                   name);

  g_assert_nonnull (object);
  return object;
}

static gpointer
panel_child (Fixture    *f,
             const char *name)
{
  GObject *object = gtk_widget_get_template_child (
    GTK_WIDGET (_racimo_window_get_checks_panel (f->window)), RACIMO_TYPE_CHECKS_PANEL, name);

  g_assert_nonnull (object);
  return object;
}

static RacimoItem *
item (Fixture    *f,
      const char *id)
{
  return racimo_test_item (f->project, id);
}

static void
assert_cursor_on (Fixture    *f,
                  const char *id,
                  int         column)
{
  racimo_ui_test_assert_cursor_on (f->view, f->project, id, column);
}

static gboolean
shows_checks (Fixture *f)
{
  gboolean shown;

  g_object_get (f->window, "show-checks", &shown, NULL);
  g_assert_cmpint (shown, ==, gtk_revealer_get_reveal_child (window_child (f, "checks_revealer")));
  return shown;
}

/* The header bar's button: "E3 W6" for 3 errors and 6 warnings, each
 * count by its icon, "ok" for none; the summary as its tooltip and its
 * accessible label. */
static char *
checks_button_text (Fixture *f)
{
  GString *s = g_string_new (NULL);
  const char *summary = racimo_checks_panel_get_summary (_racimo_window_get_checks_panel (f->window));

  if (gtk_widget_get_visible (window_child (f, "errors_icon")))
    g_string_append_printf (s, "E%s ",
                            racimo_text_line_get_text (window_child (f, "errors_label")));
  if (gtk_widget_get_visible (window_child (f, "warnings_icon")))
    g_string_append_printf (s, "W%s ",
                            racimo_text_line_get_text (window_child (f, "warnings_label")));
  if (gtk_widget_get_visible (window_child (f, "no_problems_icon")))
    g_string_append_printf (s, "ok %s ",
                            gtk_label_get_text (window_child (f, "no_problems_label")));
  /* The tooltip is the panel's summary, asked for when it shows. */
  g_assert_true (gtk_widget_get_has_tooltip (window_child (f, "checks_button")));
  g_string_append_printf (s, "(%s)", summary);
  /* Screen readers hear the summary, and what the button does. */
  gtk_test_accessible_assert_property (window_child (f, "checks_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, summary);
  gtk_test_accessible_assert_property (window_child (f, "checks_button"),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Shows or hides the checks panel");

  return g_string_free (s, FALSE);
}

#define assert_checks_button(f, expected) \
  racimo_test_assert_text (checks_button_text (f), expected)

/* Undo and redo say what they would do, as their tooltip (made when it
 * shows) and to screen readers, and are named for what they are. */
static void
assert_history_button (Fixture    *f,
                       const char *name,
                       const char *label,
                       const char *description)
{
  GtkWidget *button = window_child (f, name);
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  /* Made when it shows: a text set on every edit would cost round trips
   * to the display. */
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_signal_emit_by_name (button, "query-tooltip", 0, 0, FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_object_unref (tooltip);
}

/* What a screen reader is told follows the cursor's cell once the main
 * loop has drawn what is due: not in the middle of an edit's key press, and
 * once for a burst of changes, in their final state. */
static void
test_announced (Fixture       *f,
                gconstpointer  data)
{
  GtkAccessible *view = GTK_ACCESSIBLE (f->view);
  GtkWidget *keys = GTK_WIDGET (f->view);
  const char *owned = "Define the business case and KPIs, Account manager: "
                      "Responsible, Accountable";
  const char *taken = "Define the business case and KPIs, UX designer: "
                      "Accountable, Informed";
  g_autofree char *told_early = NULL;

  racimo_matrix_view_set_cursor (f->view, 1, 0);
  racimo_ui_test_spin ();
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, owned);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");

  /* "a" leaves the activity without an owner, Right moves to the UX
   * designer, "A" makes the UX designer its owner: three changes at once. */
  g_assert_true (racimo_ui_test_press_key (keys, GDK_KEY_a, 0));
  told_early = gtk_test_accessible_check_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                   "No owner: no role is Accountable "
                                                   "for this activity");
  g_assert_nonnull (told_early);
  g_assert_true (racimo_ui_test_press_key (keys, GDK_KEY_Right, 0));
  g_assert_true (racimo_ui_test_press_key (keys, GDK_KEY_A, GDK_SHIFT_MASK));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, owned);

  racimo_ui_test_spin ();
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, taken);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");

  /* Undo brings the problem back, and the description says it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "win.undo", NULL));
  racimo_ui_test_spin ();
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Define the business case and KPIs, UX designer: "
                                       "Informed");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No owner: no role is Accountable for this activity");
}

static void
test_history_buttons (Fixture       *f,
                      gconstpointer  data)
{
  assert_history_button (f, "undo_button", "Undo", "Undo");
  assert_history_button (f, "redo_button", "Redo", "Redo");

  /* The account manager's R and A on "Define the business case": one
   * code taken away, then the other, which leaves the cell empty. */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  press (f, GDK_KEY_a, 0);
  assert_history_button (f, "undo_button", "Undo", "Undo “Set Code”");
  press (f, GDK_KEY_r, 0);
  assert_history_button (f, "undo_button", "Undo", "Undo “Clear Cell”");
  assert_history_button (f, "redo_button", "Redo", "Redo");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_history_button (f, "undo_button", "Undo", "Undo “Set Code”");
  assert_history_button (f, "redo_button", "Redo", "Redo “Clear Cell”");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_history_button (f, "undo_button", "Undo", "Undo");
}

static void
test_checks_panel (Fixture       *f,
                   gconstpointer  data)
{
  RacimoChecksPanel *panel = _racimo_window_get_checks_panel (f->window);
  GtkSingleSelection *selection = panel_child (f, "selection");
  RacimoActivity *retraining = RACIMO_ACTIVITY (item (f, "retraining"));
  RacimoRole *ops = RACIMO_ROLE (item (f, "mlops-engineer"));
  GtkWidget *list_view = panel_child (f, "list_view");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int errors_width;

  /* Shown, with the counts in the header bar. */
  g_assert_true (shows_checks (f));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  assert_checks_button (f, "E3 W6 (3 errors, 6 warnings)");
  g_assert_cmpstr (racimo_checks_panel_get_summary (panel), ==, "3 errors, 6 warnings");

  /* Arrowing onto a finding moves the grid's cursor to its row, in the
   * cursor's column; the keyboard stays in the list. */
  racimo_matrix_view_set_cursor (f->view, 1, 2);
  gtk_widget_grab_focus (list_view);
  gtk_single_selection_set_selected (selection, 2);
  racimo_ui_test_spin ();
  assert_cursor_on (f, "retraining", 2);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (panel)));
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (f->view), ==,
                   "No owner: no role is Accountable for this activity");

  /* A role's finding: its column's header. */
  gtk_single_selection_set_selected (selection, 11);
  racimo_ui_test_spin ();
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 1);
  /* The panel still lists the findings, not the role's details. */
  g_assert_null (racimo_checks_panel_get_role (panel));

  /* Enter on a finding: there, with the keyboard in the grid. */
  gtk_single_selection_set_selected (selection, 6);
  g_signal_emit_by_name (list_view, "activate", 6);
  racimo_ui_test_spin ();
  assert_cursor_on (f, "label", 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->view));

  /* Ctrl+. and Ctrl+, from the grid: the next and previous problem. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-finding", NULL);
  assert_cursor_on (f, "monitor", 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-finding", NULL);
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-finding", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-finding", NULL);
  assert_cursor_on (f, "label", 1);
  g_assert_true (racimo_checks_panel_get_selected (panel, NULL) == item (f, "label"));

  /* The quick fix in the panel: the row's highlight goes, so does the
   * error in the header bar; one undo brings both back. */
  g_assert_cmpint (racimo_matrix_view_get_row_problem (
                     f->view, (guint) racimo_matrix_view_find_row (f->view,
                                                                   RACIMO_ITEM (retraining))),
                   ==, RACIMO_ROW_PROBLEM_NO_OWNER);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->window));
  errors_width = gtk_widget_get_width (window_child (f, "errors_label"));
  gtk_widget_activate_action (GTK_WIDGET (panel), "checks.make-owner", "(ss)",
                              "retraining", "mlops-engineer");
  g_assert_cmpuint (racimo_activity_get_codes (retraining, ops), ==,
                    RACIMO_CODE_BIT ('R') | RACIMO_CODE_BIT ('A'));
  g_assert_cmpint (racimo_matrix_view_get_row_problem (
                     f->view, (guint) racimo_matrix_view_find_row (f->view,
                                                                   RACIMO_ITEM (retraining))),
                   ==, RACIMO_ROW_PROBLEM_NONE);
  assert_checks_button (f, "E2 W6 (2 errors, 6 warnings)");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "• Model to production, with problems — Racimo");
  racimo_ui_test_assert_drawn_afresh (window_child (f, "errors_label"), "2 errors");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_checks_button (f, "E3 W6 (3 errors, 6 warnings)");

  /* The counts and the summary keep their width, and what they drew for
   * the texts they showed before is still right. */
  racimo_ui_test_assert_drawn_afresh (window_child (f, "errors_label"), "3 errors again");
  racimo_ui_test_assert_drawn_afresh (panel_child (f, "summary_label"), "the summary again");
  gtk_test_accessible_assert_property (panel_child (f, "summary_label"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "3 errors, 6 warnings");
  g_assert_cmpint (gtk_widget_get_width (window_child (f, "errors_label")), ==, errors_width);

  /* Waived in the panel: the row shows the waiver; undone, the problem. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "checks.waive", "(ss)",
                              "retraining", "no-owner");
  racimo_ui_test_spin ();
  {
    GObject *entry = gtk_widget_get_template_child (panel_child (f, "waive_popover"),
                                                    RACIMO_TYPE_WAIVER_POPOVER, "entry");

    gtk_editable_set_text (GTK_EDITABLE (entry), "Shared by the team.");
    g_signal_emit_by_name (entry, "activate");
  }
  racimo_ui_test_spin ();
  g_assert_cmpint (racimo_matrix_view_get_row_problem (
                     f->view, (guint) racimo_matrix_view_find_row (f->view,
                                                                   RACIMO_ITEM (retraining))),
                   ==, RACIMO_ROW_PROBLEM_WAIVED);
  assert_checks_button (f, "E2 W6 (2 errors, 6 warnings)");
  /* ... and the waiver removed from the panel, then that undone. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "checks.unwaive", "(ss)",
                              "retraining", "no-owner");
  assert_checks_button (f, "E3 W6 (3 errors, 6 warnings)");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_checks_button (f, "E2 W6 (2 errors, 6 warnings)");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_checks_button (f, "E3 W6 (3 errors, 6 warnings)");
  g_assert_null (racimo_item_get_waiver_reason (RACIMO_ITEM (retraining), "no-owner"));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  /* F9 hides the panel, and the next window starts without it; F9 again
   * shows it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-checks", NULL);
  g_assert_false (shows_checks (f));
  g_assert_false (g_settings_get_boolean (settings, "show-checks"));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
  {
    RacimoWindow *other = racimo_window_new (NULL);
    gboolean shown;

    g_object_get (other, "show-checks", &shown, NULL);
    g_assert_false (shown);
    g_object_ref_sink (other);
    gtk_window_destroy (GTK_WINDOW (other));
    g_assert_finalize_object (other);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-checks", NULL);
  g_assert_true (shows_checks (f));
  g_assert_true (g_settings_get_boolean (settings, "show-checks"));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

static void
test_checks_follow_edits (Fixture       *f,
                          gconstpointer  data)
{
  RacimoChecksPanel *panel = _racimo_window_get_checks_panel (f->window);
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoPhase *phase = racimo_project_get_phase (f->project, 0);

  /* A blank project has no problem, and says so. */
  assert_checks_button (f, "ok No problems (No problems found)");

  /* Edits from the keyboard: a role, an activity with an R and no A. */
  racimo_project_add_role (f->project, -1, "Data scientist", "DS");
  assert_checks_button (f, "W1 (1 warning)");
  racimo_project_add_activity (f->project, phase, -1, "Train the model");
  assert_checks_button (f, "E1 W2 (1 error, 2 warnings)");
  racimo_matrix_view_set_cursor (f->view, racimo_matrix_view_get_n_rows (f->view) - 1, 0);
  press (f, GDK_KEY_r, 0);
  assert_checks_button (f, "E1 (1 error)");
  press (f, GDK_KEY_a, 0);
  assert_checks_button (f, "ok No problems (No problems found)");
  g_assert_cmpuint (g_list_model_get_n_items (racimo_checks_panel_get_rows (panel)), ==, 0);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  while (racimo_history_get_can_undo (history))
    racimo_history_undo (history);
  assert_checks_button (f, "ok No problems (No problems found)");
}

static void
test_role_details (Fixture       *f,
                   gconstpointer  data)
{
  RacimoChecksPanel *panel = _racimo_window_get_checks_panel (f->window);
  RacimoRole *mle = RACIMO_ROLE (item (f, "ml-engineer"));
  GtkStack *pages = panel_child (f, "pages");

  /* The cursor onto a role's header, up from the first phase's: its
   * details in the panel. */
  racimo_matrix_view_set_cursor (f->view, 0, 3);
  g_assert_null (racimo_checks_panel_get_role (panel));
  press (f, GDK_KEY_Up, 0);
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 3);
  g_assert_true (racimo_checks_panel_get_role (panel) == mle);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "role");
  press (f, GDK_KEY_Right, 0);
  g_assert_true (racimo_checks_panel_get_role (panel) == RACIMO_ROLE (item (f, "mlops-engineer")));
  press (f, GDK_KEY_Left, 0);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  /* An activity it owns, picked in the details: the cell where it holds
   * the A, and the details stay. */
  g_signal_emit_by_name (panel, "item-activated", item (f, "deploy"));
  assert_cursor_on (f, "deploy", 3);
  g_assert_true (racimo_checks_panel_get_role (panel) == mle);

  /* Off the header: the findings again. */
  press (f, GDK_KEY_Down, 0);
  g_assert_null (racimo_checks_panel_get_role (panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "findings");

  /* Ctrl+. from a role's details shows the finding it goes to. */
  racimo_matrix_view_set_cursor (f->view, RACIMO_MATRIX_HEADER_ROW, 3);
  g_assert_true (racimo_checks_panel_get_role (panel) == mle);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-finding", NULL);
  assert_cursor_on (f, "retraining", 3);
  g_assert_null (racimo_checks_panel_get_role (panel));

  /* Hidden, the panel does not follow; shown again, it catches up. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-checks", NULL);
  racimo_matrix_view_set_cursor (f->view, RACIMO_MATRIX_HEADER_ROW, 2);
  g_assert_null (racimo_checks_panel_get_role (panel));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-checks", NULL);
  g_assert_true (racimo_checks_panel_get_role (panel)
                 == RACIMO_ROLE (item (f, "data-scientist")));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

/* The first list box under @widget, or NULL */
static GtkWidget *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The start page's row @index of its templates, activated as a click or
 * Enter activates it: through its action. */
static void
activate_start_row (RacimoWindow *window,
                    int           index)
{
  GObject *page = gtk_widget_get_template_child (GTK_WIDGET (window), RACIMO_TYPE_WINDOW,
                                                 "start_page");
  GObject *group = gtk_widget_get_template_child (GTK_WIDGET (page), RACIMO_TYPE_START_PAGE,
                                                  "templates_group");
  GtkWidget *list = find_list_box (GTK_WIDGET (group));
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                   "win.new-from-template");
  gtk_widget_activate (GTK_WIDGET (row));
}

static void
test_start_page (void)
{
  RacimoWindow *window = racimo_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  g_assert_true (racimo_window_is_empty (window));
  g_assert_null (racimo_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Racimo");

  /* Nothing to search or check yet. */
  g_assert_false (gtk_widget_get_visible (
                    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                               RACIMO_TYPE_WINDOW,
                                                               "checks_button"))));
  g_assert_false (gtk_widget_get_visible (
                    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                               RACIMO_TYPE_WINDOW,
                                                               "search_button"))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_false (gtk_search_bar_get_search_mode (
                    GTK_SEARCH_BAR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   RACIMO_TYPE_WINDOW,
                                                                   "search_bar"))));

  /* A template's row makes its project in this window. */
  activate_start_row (window, 1);
  racimo_ui_test_spin ();
  g_assert_false (racimo_window_is_empty (window));
  g_assert_cmpstr (racimo_project_get_scheme_id (racimo_window_get_project (window)), ==,
                   "RACI");
  g_assert_cmpuint (racimo_project_get_n_roles (racimo_window_get_project (window)), ==, 0);

  racimo_ui_test_destroy_window (window);
}

static gboolean
loading_spinner_spins (RacimoWindow *window)
{
  GObject *spinner = gtk_widget_get_template_child (GTK_WIDGET (window), RACIMO_TYPE_WINDOW,
                                                    "loading_spinner");

  return gtk_spinner_get_spinning (GTK_SPINNER (spinner));
}

static void
test_open_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                 "ml-system-deployment.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("no-such-project.raci");
  RacimoWindow *window = racimo_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  racimo_window_load_file (window, file);
  g_assert_false (racimo_window_is_empty (window));
  /* The spinner turns while the file is read, and only then: turning out
   * of sight, it had the window laid out sixty times a second. */
  g_assert_true (loading_spinner_spins (window));
  while (racimo_window_get_project (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (loading_spinner_spins (window));
  g_assert_cmpstr (racimo_project_get_title (racimo_window_get_project (window)), ==,
                   "ML system deployment");
  g_assert_true (g_file_equal (racimo_window_get_file (window), file));
  g_assert_cmpstr (adw_window_title_get_subtitle (
                     ADW_WINDOW_TITLE (adw_header_bar_get_title_widget (
                       ADW_HEADER_BAR (gtk_widget_get_first_child (
                         GTK_WIDGET (adw_application_window_get_content (
                           ADW_APPLICATION_WINDOW (window)))))))),
                   ==, "ml-system-deployment.raci");

  racimo_ui_test_destroy_window (window);

  /* A file that cannot be read leaves the start page, and says why. */
  window = racimo_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  racimo_window_load_file (window, missing);
  while (!racimo_window_is_empty (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (loading_spinner_spins (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Racimo");
  g_assert_nonnull (_racimo_window_get_alert (window));
  {
    g_autofree char *expected = g_strdup_printf ("%s: the file does not exist",
                                                 g_file_peek_path (missing));

    g_assert_cmpstr (racimo_compat_alert_get_body (_racimo_window_get_alert (window)), ==,
                     expected);
  }

  racimo_ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

#define ADD(name, func, template) \
  g_test_add ("/window/" name, Fixture, template, fixture_set_up, func, fixture_tear_down)

  ADD ("template-shown", test_template_shown, NULL);
  ADD ("keyboard-moves", test_keyboard_moves, NULL);
  ADD ("codes-and-highlight", test_codes_and_highlight, NULL);
  ADD ("announced", test_announced, NULL);
  ADD ("history-buttons", test_history_buttons, NULL);
  ADD ("drawn-rows", test_drawn_rows, NULL);
  ADD ("placed-rows", test_placed_rows, NULL);
  ADD ("selection-toggle", test_selection_toggle, NULL);
  ADD ("workload", test_workload, NULL);
  ADD ("reorder", test_reorder, NULL);
  ADD ("rename", test_rename, NULL);
  ADD ("codes-popover", test_codes_popover, NULL);
  ADD ("copy-paste", test_copy_paste, NULL);
  ADD ("context-menu", test_context_menu, NULL);
  ADD ("add-and-scheme", test_add_and_scheme, "blank-raci");
  ADD ("checks-panel", test_checks_panel, "file:panel-problems.raci");
  ADD ("checks-follow-edits", test_checks_follow_edits, "blank-raci");
  ADD ("role-details", test_role_details, "file:panel-problems.raci");
  g_test_add_func ("/window/start-page", test_start_page);
  g_test_add_func ("/window/open-file", test_open_file);

  return racimo_ui_test_run ();
}
