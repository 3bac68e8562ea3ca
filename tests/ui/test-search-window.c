/* test-search-window.c: the search bar over the matrix, driven as a user
 * would: the rows it leaves, the count it shows, each filter, edits while
 * it filters, and the cursor coming back when it closes
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
} Fixture;

/* Helpers */

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->window), RACIMO_TYPE_WINDOW,
                                                   name);

  g_assert_nonnull (object);
  return object;
}

static RacimoItem *
item (Fixture    *f,
      const char *id)
{
  return racimo_test_item (f->project, id);
}

static RacimoFilter *
filter (Fixture *f)
{
  return _racimo_window_get_filter (f->window);
}

/* The rows the matrix shows: "[Phase]" for a header, then the names. */
static char *
shown_rows (Fixture *f)
{
  GString *s = g_string_new (NULL);

  for (guint r = 0; r < racimo_matrix_view_get_n_rows (f->view); r++)
    {
      RacimoItem *row = racimo_matrix_view_get_row_item (f->view, r);
      const char *name = racimo_item_get_name (row);

      if (r > 0)
        g_string_append (s, " | ");
      if (RACIMO_IS_PHASE (row))
        g_string_append_printf (s, "[%s]", name);
      else
        g_string_append (s, name != NULL && *name != '\0' ? name : "(unnamed)");
    }

  return g_string_free (s, FALSE);
}

#define assert_rows(f, expected) racimo_test_assert_text (shown_rows (f), expected)

static const char *
count_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (child (f, "shown_label")));
}

static void
assert_cursor (Fixture *f,
               int      row,
               int      column)
{
  racimo_ui_test_assert_cursor (f->view, row, column);
}

static void
assert_cursor_on (Fixture    *f,
                  const char *id,
                  int         column)
{
  racimo_ui_test_assert_cursor_on (f->view, f->project, id, column);
}

static gboolean
searching (Fixture *f)
{
  return gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child (f, "search_bar")));
}

/* Types @text into the search entry, and waits for the search to run, as
 * the entry waits for the typing to pause. */
static void
type_search (Fixture    *f,
             const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), text);
  while (g_strcmp0 (racimo_filter_get_search_text (filter (f)), text) != 0
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (racimo_filter_get_search_text (filter (f)), ==, text);
  racimo_ui_test_spin ();
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_in (Fixture   *f,
          GtkWidget *widget)
{
  GtkWidget *focus = focus_of (f);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
open_search (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  racimo_ui_test_spin ();
  g_assert_true (searching (f));
}

/* Fixture: a project with one of each problem, in a window */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = racimo_ui_test_load_project ("panel-problems.raci");
  f->window = racimo_ui_test_show_project (f->project, 1100, 720);
  f->view = racimo_window_get_matrix_view (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  RacimoChecks *checks = g_object_ref (racimo_window_get_checks (f->window));
  RacimoFilter *window_filter = g_object_ref (filter (f));

  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  racimo_ui_test_spin ();

  /* Nothing keeps the window, its filter, checks or project alive. */
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (window_filter);
  g_assert_finalize_object (checks);
  g_assert_finalize_object (f->project);
}

#define ALL_ROWS \
  "[Data] | Collect the data | Build the data pipeline | Label the data | Clean the data | " \
  "Clean the data | [MLOps] | Retraining pipeline | Déployer le modèle | Monitor drift | " \
  "(unnamed) | Legal review of the training data | Choose the model family"

/* Tests */

static void
test_search_text (Fixture       *f,
                  gconstpointer  data)
{
  RacimoRole *mle = RACIMO_ROLE (item (f, "ml-engineer"));
  GtkWidget *entry = child (f, "search_entry");

  assert_rows (f, ALL_ROWS);
  g_assert_false (searching (f));

  /* The cursor on "Déployer le modèle", in the ML engineer's column. */
  racimo_matrix_view_set_cursor (f->view, 8, 3);
  assert_cursor_on (f, "deploy", 3);

  /* Ctrl+F: the bar opens, the typing goes to it, every activity counted. */
  open_search (f);
  g_assert_true (focus_in (f, entry));
  g_assert_cmpstr (count_text (f), ==, "11 of 11 activities shown");

  /* Names: the matches, under their phases. The cursor's activity is
   * hidden: the cursor waits beside it, in the same column. */
  type_search (f, "pipeline");
  assert_rows (f, "[Data] | Build the data pipeline | [MLOps] | Retraining pipeline");
  g_assert_cmpstr (count_text (f), ==, "2 of 11 activities shown");
  assert_cursor_on (f, "retraining", 3);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  /* Any case, with or without accents; a phase without a match goes. */
  type_search (f, "DEPLOYER");
  assert_rows (f, "[MLOps] | Déployer le modèle");
  g_assert_cmpstr (count_text (f), ==, "1 of 11 activities shown");
  assert_cursor_on (f, "deploy", 3);

  /* Descriptions, and every word somewhere. */
  type_search (f, "versioned api");
  assert_rows (f, "[MLOps] | Déployer le modèle");
  type_search (f, "schema");
  assert_rows (f, "[Data] | Build the data pipeline");

  /* The phase's name finds all its activities. */
  type_search (f, "mlops");
  assert_rows (f, "[MLOps] | Retraining pipeline | Déployer le modèle | Monitor drift | "
                  "(unnamed) | Legal review of the training data | Choose the model family");
  g_assert_cmpstr (count_text (f), ==, "6 of 11 activities shown");

  /* Nothing found: no rows, and the count says so. */
  type_search (f, "blockchain");
  assert_rows (f, "");
  g_assert_cmpuint (racimo_matrix_view_get_n_rows (f->view), ==, 0);
  g_assert_cmpstr (count_text (f), ==, "0 of 11 activities shown");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  /* The workload row counts the whole project all the same. */
  g_assert_cmpuint (racimo_matrix_view_get_workload (f->view, mle, 'A'), ==, 7);

  /* Enter goes to the grid, on what was found. */
  type_search (f, "drift");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (focus_of (f) == GTK_WIDGET (f->view));
  assert_cursor_on (f, "monitor", 3);
  g_assert_true (searching (f));

  /* Back in the entry, Escape closes the bar: every activity again, the
   * cursor where the user left it, the grid focused. */
  racimo_matrix_view_set_cursor (f->view, 1, 3);
  gtk_widget_grab_focus (entry);
  g_signal_emit_by_name (entry, "stop-search");
  racimo_ui_test_spin ();
  g_assert_false (searching (f));
  g_assert_false (racimo_filter_is_active (filter (f)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  assert_rows (f, ALL_ROWS);
  assert_cursor_on (f, "monitor", 3);
  g_assert_true (focus_of (f) == GTK_WIDGET (f->view));
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

static void
test_cursor_comes_back (Fixture       *f,
                        gconstpointer  data)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));

  /* The last activity, at the bottom. */
  racimo_matrix_view_set_cursor (f->view, 12, 2);
  assert_cursor_on (f, "model-family", 2);

  /* A search that hides it and another that shows it again: back on it. */
  open_search (f);
  type_search (f, "data");
  assert_rows (f, "[Data] | Collect the data | Build the data pipeline | Label the data | "
                  "Clean the data | Clean the data | [MLOps] | "
                  "Legal review of the training data");
  assert_cursor_on (f, "legal", 2);
  type_search (f, "model");
  assert_rows (f, "[MLOps] | Retraining pipeline | Déployer le modèle | "
                  "Choose the model family");
  assert_cursor_on (f, "model-family", 2);

  /* Closed from the header bar's button: the grid scrolled to the cursor. */
  gtk_adjustment_set_value (vadjustment, 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (f, "search_button")), FALSE);
  racimo_ui_test_spin ();
  g_assert_false (searching (f));
  assert_rows (f, ALL_ROWS);
  assert_cursor_on (f, "model-family", 2);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
  {
    /* Rows are all as high: the cursor's, the last of 13, is in view. */
    double row_top = 12 * (gtk_adjustment_get_upper (vadjustment) / 13);

    g_assert_cmpfloat (row_top, >=, gtk_adjustment_get_value (vadjustment));
    g_assert_cmpfloat (row_top, <, gtk_adjustment_get_value (vadjustment)
                                    + gtk_adjustment_get_page_size (vadjustment));
  }
}

static void
test_only_problems (Fixture       *f,
                    gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  GtkWidget *button = child (f, "only_problems_button");
  RacimoActivity *retraining = RACIMO_ACTIVITY (item (f, "retraining"));
  RacimoRole *ops = RACIMO_ROLE (item (f, "mlops-engineer"));

  open_search (f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (racimo_filter_get_only_findings (filter (f)));

  /* Activities with a problem not waived: the waived one is not shown. */
  assert_rows (f, "[Data] | Label the data | Clean the data | Clean the data | [MLOps] | "
                  "Retraining pipeline | Déployer le modèle | Monitor drift | (unnamed)");
  g_assert_cmpstr (count_text (f), ==, "7 of 11 activities shown");

  /* Fixed, a row goes; undone, it comes back. */
  racimo_project_toggle_code (f->project, retraining, ops, 'A');
  assert_rows (f, "[Data] | Label the data | Clean the data | Clean the data | [MLOps] | "
                  "Déployer le modèle | Monitor drift | (unnamed)");
  g_assert_cmpstr (count_text (f), ==, "6 of 11 activities shown");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
  racimo_history_undo (history);
  g_assert_cmpstr (count_text (f), ==, "7 of 11 activities shown");
  g_assert_cmpint (racimo_matrix_view_find_row (f->view, RACIMO_ITEM (retraining)), ==, 5);

  /* A waiver is not a problem any more. */
  racimo_project_set_waiver (f->project, RACIMO_ITEM (retraining), "no-owner", "Shared.");
  g_assert_cmpint (racimo_matrix_view_find_row (f->view, RACIMO_ITEM (retraining)), ==, -1);
  g_assert_cmpstr (count_text (f), ==, "6 of 11 activities shown");
  racimo_history_undo (history);

  /* With a search: both at once. */
  type_search (f, "clean");
  assert_rows (f, "[Data] | Clean the data | Clean the data");
  g_assert_cmpstr (count_text (f), ==, "2 of 11 activities shown");

  /* Off again: the search alone. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  g_assert_false (racimo_filter_get_only_findings (filter (f)));
  assert_rows (f, "[Data] | Clean the data | Clean the data");

  /* Closing the bar puts the button back up. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (child (f, "search_bar")), FALSE);
  racimo_ui_test_spin ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  assert_rows (f, ALL_ROWS);
}

static const char *
dropdown_text (GtkDropDown *dropdown,
               guint        position)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autoptr(GtkStringObject) string = g_list_model_get_item (model, position);

  g_assert_nonnull (string);
  /* The list keeps the object; its string lives as long. */
  return gtk_string_object_get_string (string);
}

static char *
dropdown_items (GtkDropDown *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", dropdown_text (dropdown, i));

  return g_string_free (s, FALSE);
}

#define assert_dropdown(dropdown, expected) \
  racimo_test_assert_text (dropdown_items (dropdown), expected)

static void
test_role (Fixture       *f,
           gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (f, "role_dropdown"));
  RacimoRole *mle = RACIMO_ROLE (item (f, "ml-engineer"));

  open_search (f);
  assert_dropdown (dropdown, "Any Role, Account manager, UX designer, Data scientist, "
                             "ML engineer, MLOps engineer");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* The ML engineer: the activities where the role holds a code. */
  gtk_drop_down_set_selected (dropdown, 4);
  g_assert_true (racimo_filter_get_role (filter (f)) == mle);
  assert_rows (f, "[Data] | Collect the data | Build the data pipeline | Clean the data | "
                  "Clean the data | [MLOps] | Déployer le modèle | Monitor drift | (unnamed)");
  g_assert_cmpstr (count_text (f), ==, "7 of 11 activities shown");

  /* The workload row counts the activities the filter hides, edits and
   * all: the UX designer's I on an activity not shown. */
  g_assert_cmpint (racimo_matrix_view_find_row (f->view, item (f, "label")), ==, -1);
  racimo_project_toggle_code (f->project, RACIMO_ACTIVITY (item (f, "label")),
                              RACIMO_ROLE (item (f, "ux-designer")), 'I');
  g_assert_cmpuint (racimo_matrix_view_get_workload (f->view,
                                                     RACIMO_ROLE (item (f, "ux-designer")), 'I'),
                    ==, 1);
  racimo_history_undo (history);
  g_assert_cmpuint (racimo_matrix_view_get_workload (f->view,
                                                     RACIMO_ROLE (item (f, "ux-designer")), 'I'),
                    ==, 0);
  g_assert_cmpuint (racimo_matrix_view_get_workload (f->view, mle, 'A'), ==, 7);

  /* A code given shows its activity; taken away, it goes. */
  racimo_project_toggle_code (f->project, RACIMO_ACTIVITY (item (f, "retraining")), mle, 'C');
  g_assert_cmpstr (count_text (f), ==, "8 of 11 activities shown");
  g_assert_cmpint (racimo_matrix_view_find_row (f->view, item (f, "retraining")), ==, 6);
  racimo_history_undo (history);
  g_assert_cmpstr (count_text (f), ==, "7 of 11 activities shown");

  /* The list follows the roles: renamed, added, moved. */
  racimo_project_rename (f->project, RACIMO_ITEM (mle), "Machine learning engineer");
  assert_dropdown (dropdown, "Any Role, Account manager, UX designer, Data scientist, "
                             "Machine learning engineer, MLOps engineer");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 4);
  racimo_project_add_role (f->project, 0, "Legal counsel", "LC");
  assert_dropdown (dropdown, "Any Role, Legal counsel, Account manager, UX designer, "
                             "Data scientist, Machine learning engineer, MLOps engineer");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 5);
  racimo_project_move_role (f->project, mle, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  g_assert_cmpstr (count_text (f), ==, "7 of 11 activities shown");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  /* The role removed: every activity again, and "Any Role". */
  racimo_project_remove_role (f->project, mle);
  g_assert_null (racimo_filter_get_role (filter (f)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  assert_dropdown (dropdown, "Any Role, Legal counsel, Account manager, UX designer, "
                             "Data scientist, MLOps engineer");
  g_assert_cmpstr (count_text (f), ==, "11 of 11 activities shown");
  racimo_history_undo (history);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));

  /* The account manager, after the ML engineer back in first place and
   * the legal counsel; then "Any Role". */
  gtk_drop_down_set_selected (dropdown, 3);
  g_assert_true (racimo_filter_get_role (filter (f))
                 == RACIMO_ROLE (item (f, "account-manager")));
  assert_rows (f, "[Data] | Label the data");
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_null (racimo_filter_get_role (filter (f)));
  assert_rows (f, ALL_ROWS);
}

static void
test_hide_not_applicable (Fixture       *f,
                          gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  GtkWidget *button = child (f, "hide_not_applicable_button");
  RacimoActivity *monitor = RACIMO_ACTIVITY (item (f, "monitor"));

  open_search (f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (racimo_filter_get_hide_not_applicable (filter (f)));
  g_assert_cmpint (racimo_matrix_view_find_row (f->view, item (f, "legal")), ==, -1);
  g_assert_cmpstr (count_text (f), ==, "10 of 11 activities shown");

  /* Marked not applicable from the matrix's menu: gone; undone: back. */
  racimo_matrix_view_set_cursor (f->view, racimo_matrix_view_find_row (f->view,
                                                                       RACIMO_ITEM (monitor)),
                                 RACIMO_MATRIX_NAME_COLUMN);
  racimo_project_set_applicable (f->project, monitor, FALSE);
  g_assert_cmpint (racimo_matrix_view_find_row (f->view, RACIMO_ITEM (monitor)), ==, -1);
  g_assert_cmpstr (count_text (f), ==, "9 of 11 activities shown");
  assert_cursor_on (f, "unnamed", RACIMO_MATRIX_NAME_COLUMN);
  racimo_history_undo (history);
  g_assert_cmpstr (count_text (f), ==, "10 of 11 activities shown");
  assert_cursor_on (f, "monitor", RACIMO_MATRIX_NAME_COLUMN);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  assert_rows (f, ALL_ROWS);
}

static void
test_edit_while_searching (Fixture       *f,
                           gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoActivity *pipeline = RACIMO_ACTIVITY (item (f, "data-pipeline"));
  RacimoRole *ds = RACIMO_ROLE (item (f, "data-scientist"));
  RacimoItem *added;

  open_search (f);
  type_search (f, "pipeline");
  assert_rows (f, "[Data] | Build the data pipeline | [MLOps] | Retraining pipeline");

  /* Cells of the rows shown are edited as ever. */
  racimo_matrix_view_set_cursor (f->view, 1, 2);
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (racimo_ui_test_find_controller (GTK_WIDGET (f->view),
                                                           GTK_TYPE_EVENT_CONTROLLER_KEY),
                           "key-pressed", GDK_KEY_c, 0, 0, &handled);
    g_assert_true (handled);
  }
  g_assert_cmpuint (racimo_activity_get_codes (pipeline, ds), ==, RACIMO_CODE_BIT ('C'));

  /* A rename that no longer matches: the row goes. */
  racimo_project_rename (f->project, RACIMO_ITEM (pipeline), "Build the data feed");
  assert_rows (f, "[MLOps] | Retraining pipeline");
  racimo_history_undo (history);
  assert_rows (f, "[Data] | Build the data pipeline | [MLOps] | Retraining pipeline");

  /* A new activity would not match: the search is cleared so that it
   * shows, under the cursor, being named. */
  racimo_matrix_view_set_cursor (f->view, 1, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-activity", NULL);
  racimo_ui_test_spin ();
  g_assert_false (racimo_filter_is_active (filter (f)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "search_entry"))), ==, "");
  added = racimo_matrix_view_get_row_item (f->view, 3);
  g_assert_cmpstr (racimo_item_get_name (added), ==, "New activity");
  assert_cursor (f, 3, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_cmpstr (count_text (f), ==, "12 of 12 activities shown");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

static void
test_finding_hidden (Fixture       *f,
                     gconstpointer  data)
{
  RacimoChecksPanel *panel = _racimo_window_get_checks_panel (f->window);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                         RACIMO_TYPE_CHECKS_PANEL,
                                                         "selection"));

  open_search (f);
  type_search (f, "collect");
  assert_rows (f, "[Data] | Collect the data");

  /* A finding on an activity the search hides: the search closes, and
   * the cursor goes to it. */
  gtk_single_selection_set_selected (selection, 2);
  racimo_ui_test_spin ();
  g_assert_false (searching (f));
  assert_rows (f, ALL_ROWS);
  assert_cursor_on (f, "retraining", 0);

  /* Ctrl+. the same way. */
  open_search (f);
  type_search (f, "collect");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-finding", NULL);
  racimo_ui_test_spin ();
  g_assert_false (searching (f));
  assert_cursor_on (f, "deploy", 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

#define ADD(name, func) \
  g_test_add ("/search-window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("search-text", test_search_text);
  ADD ("cursor-comes-back", test_cursor_comes_back);
  ADD ("only-problems", test_only_problems);
  ADD ("role", test_role);
  ADD ("hide-not-applicable", test_hide_not_applicable);
  ADD ("edit-while-searching", test_edit_while_searching);
  ADD ("finding-hidden", test_finding_hidden);

  return racimo_ui_test_run ();
}
