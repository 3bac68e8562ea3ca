/* test-checks-panel.c: the checks panel beside the grid, driven as a user
 * would: the findings it lists and counts, going to one, the quick fix,
 * waiving and unwaiving with undo, following edits, and a role's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "racimo-checks-panel.h"
#include "racimo-drawn-text.h"
#include "racimo-finding-view.h"
#include "racimo-matrix-view.h"
#include "racimo-role-details.h"
#include "racimo-text-line.h"
#include "racimo-ui-test.h"
#include "racimo-waiver-popover.h"

#define BIT RACIMO_CODE_BIT

/* How long the findings list keeps its scroll bar (racimo-checks-panel.c) */
#define SCROLL_BAR_SECONDS 2

typedef struct
{
  RacimoProject     *project;
  RacimoChecks      *checks;
  GtkWidget         *window;
  RacimoChecksPanel *panel;
  RacimoMatrixView  *view;

  /* The rows as items-changed said them, to check that it said them right */
  GPtrArray         *mirror;
  GListModel        *mirrored;

  guint              n_activated;
  RacimoItem        *activated_item;
  RacimoCheck        activated_check;
} Fixture;

/* Helpers */

static void
on_mirror_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Fixture    *f)
{
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->mirror, (int) (position + i),
                        g_list_model_get_item (model, position + i));
}

static void
mirror_rows (Fixture *f)
{
  GListModel *rows = racimo_checks_panel_get_rows (f->panel);

  if (f->mirrored != NULL)
    g_signal_handlers_disconnect_by_data (f->mirrored, f);
  g_clear_object (&f->mirrored);
  g_ptr_array_set_size (f->mirror, 0);

  if (rows == NULL)
    return;

  f->mirrored = g_object_ref (rows);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_ptr_array_add (f->mirror, g_list_model_get_item (rows, i));
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_mirror_changed), f);
}

/* Moves the grid's cursor to what a finding is on, as the window does. */
static void
on_finding_activated (RacimoChecksPanel *panel,
                      RacimoItem        *item,
                      guint              check,
                      Fixture           *f)
{
  f->n_activated++;
  f->activated_item = item;
  f->activated_check = (RacimoCheck) check;

  if (RACIMO_IS_ROLE (item))
    racimo_matrix_view_set_cursor (f->view, RACIMO_MATRIX_HEADER_ROW,
                                   racimo_project_index_of_role (f->project, RACIMO_ROLE (item)));
  else
    racimo_matrix_view_set_cursor (f->view, racimo_matrix_view_find_row (f->view, item),
                                   RACIMO_MATRIX_NAME_COLUMN);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *file = data != NULL ? data : "panel-problems.raci";
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  f->project = racimo_ui_test_load_project (file);
  f->checks = racimo_checks_new (f->project);
  f->mirror = g_ptr_array_new_with_free_func (g_object_unref);

  f->view = RACIMO_MATRIX_VIEW (racimo_matrix_view_new ());
  racimo_matrix_view_set_project (f->view, f->project, f->checks);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->view));
  gtk_widget_set_hexpand (scroller, TRUE);

  f->panel = RACIMO_CHECKS_PANEL (racimo_checks_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->panel), 340, -1);
  racimo_checks_panel_set_checks (f->panel, f->checks);
  g_signal_connect (f->panel, "finding-activated", G_CALLBACK (on_finding_activated), f);
  mirror_rows (f);

  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->panel));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  racimo_ui_test_wait_for_frames (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->mirrored != NULL)
    g_signal_handlers_disconnect_by_data (f->mirrored, f);
  g_clear_object (&f->mirrored);
  g_clear_pointer (&f->mirror, g_ptr_array_unref);

  gtk_window_destroy (GTK_WINDOW (f->window));
  racimo_ui_test_spin ();

  g_assert_finalize_object (f->checks);
  g_assert_finalize_object (f->project);
}

/* The rows, one a line: "# Errors 3" for a section, "## No owner 1" for a
 * check, "- NAME: MESSAGE" for a finding, its reason after it. */
static char *
dump_model (GListModel *rows)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RacimoFindingRow) row = g_list_model_get_item (rows, i);

      switch (racimo_finding_row_get_kind (row))
        {
        case RACIMO_FINDING_ROW_SECTION:
          g_string_append_printf (s, "# %s %u\n", racimo_finding_row_get_title (row),
                                  racimo_finding_row_get_count (row));
          break;
        case RACIMO_FINDING_ROW_CHECK:
          g_string_append_printf (s, "## %s %u\n", racimo_finding_row_get_title (row),
                                  racimo_finding_row_get_count (row));
          break;
        case RACIMO_FINDING_ROW_FINDING:
        default:
          g_string_append_printf (s, "- %s: %s", racimo_finding_row_get_title (row),
                                  racimo_finding_row_get_message (row));
          if (racimo_finding_row_get_reason (row) != NULL)
            g_string_append_printf (s, " (%s)", racimo_finding_row_get_reason (row));
          g_string_append_c (s, '\n');
          break;
        }
    }

  return g_string_free (s, FALSE);
}

/* The panel's list, kept up to date edit by edit, is the list a fresh
 * panel would show, and its signals said every change. */
static void
assert_consistent (Fixture *f)
{
  GListModel *rows = racimo_checks_panel_get_rows (f->panel);
  g_autoptr(RacimoFindingsModel) fresh = racimo_findings_model_new (f->checks);
  g_autofree char *got = dump_model (rows);
  g_autofree char *expected = dump_model (G_LIST_MODEL (fresh));

  g_assert_cmpstr (got, ==, expected);

  g_assert_cmpuint (f->mirror->len, ==, g_list_model_get_n_items (rows));
  for (guint i = 0; i < f->mirror->len; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      g_assert_true (g_ptr_array_index (f->mirror, i) == row);
    }
}

#define assert_rows(f, expected) \
  G_STMT_START { \
    racimo_test_assert_text (dump_model (racimo_checks_panel_get_rows ((f)->panel)), expected); \
    assert_consistent (f); \
  } G_STMT_END

static RacimoItem *
item (Fixture    *f,
      const char *id)
{
  return racimo_test_item (f->project, id);
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

/* The label or text line showing @text in @root, mapped */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  find_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return label;
    }

  find_widgets (root, RACIMO_TYPE_TEXT_LINE, lines);
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *line = g_ptr_array_index (lines, i);

      if (gtk_widget_get_mapped (line)
          && g_strcmp0 (racimo_text_line_get_text (RACIMO_TEXT_LINE (line)), text) == 0)
        return line;
    }

  return NULL;
}

static gpointer
template_child (Fixture    *f,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->panel),
                                                  RACIMO_TYPE_CHECKS_PANEL, name);

  g_assert_nonnull (child);
  return child;
}

/* A widget of the waiver popover, which the grid opens too */
static GtkWidget *
waiver_child (GtkWidget  *popover,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (popover, RACIMO_TYPE_WAIVER_POPOVER, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The row of the findings list in view that shows @text as its title, its
 * message or its reason, or -1 */
static int
find_row (Fixture    *f,
          const char *text)
{
  RacimoFindingView *list = template_child (f, "list_view");
  GListModel *rows = racimo_checks_panel_get_rows (f->panel);

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RacimoFindingRow) row = g_list_model_get_item (rows, i);
      const char *reason = racimo_finding_row_get_reason (row);
      g_autofree char *quoted = reason != NULL ? g_strdup_printf ("“%s”", reason) : NULL;
      graphene_rect_t area;

      if (!racimo_finding_view_get_row_area (list, i, &area))
        continue;

      if (g_strcmp0 (racimo_finding_row_get_title (row), text) == 0
          || (racimo_finding_row_get_kind (row) == RACIMO_FINDING_ROW_FINDING
              && g_strcmp0 (racimo_finding_row_get_message (row), text) == 0)
          || g_strcmp0 (quoted, text) == 0)
        return (int) i;
    }

  return -1;
}

/* The findings list places its rows one under the other, each as tall as
 * the others of its kind: what it keeps up to date edit by edit, without
 * measuring again the rows that did not change. */
static void
assert_rows_placed (Fixture *f)
{
  RacimoFindingView *list = template_child (f, "list_view");
  GListModel *rows = racimo_checks_panel_get_rows (f->panel);
  float heights[4] = { -1, -1, -1, -1 };
  float next = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RacimoFindingRow) row = g_list_model_get_item (rows, i);
      guint shape = racimo_finding_row_get_kind (row)
                    + (racimo_finding_row_get_reason (row) != NULL ? 1 : 0);
      graphene_rect_t area;

      racimo_finding_view_get_row_area (list, i, &area);
      if (i > 0)
        g_assert_cmpfloat (area.origin.y, ==, next);
      if (heights[shape] < 0)
        heights[shape] = area.size.height;
      g_assert_cmpfloat (area.size.height, ==, heights[shape]);
      next = area.origin.y + area.size.height;
    }
}

/* Clicks the menu button at the end of the row showing @text. */
static void
click_row_button (Fixture    *f,
                  const char *text)
{
  RacimoFindingView *list = template_child (f, "list_view");
  int position = find_row (f, text);
  graphene_rect_t area;

  g_assert_cmpint (position, >=, 0);
  g_assert_true (racimo_finding_view_get_row_area (list, (guint) position, &area));

  g_signal_emit_by_name (racimo_ui_test_find_controller (GTK_WIDGET (list),
                                                         GTK_TYPE_GESTURE_CLICK),
                         "pressed", 1, (double) (area.size.width - 20),
                         (double) (area.origin.y + area.size.height / 2));
  racimo_ui_test_spin ();
}

/* Presses @keyval in the findings list. */
static gboolean
press_in_list (Fixture         *f,
               guint            keyval,
               GdkModifierType  state)
{
  RacimoFindingView *list = template_child (f, "list_view");
  gboolean handled = FALSE;

  g_signal_emit_by_name (racimo_ui_test_find_controller (GTK_WIDGET (list),
                                                         GTK_TYPE_EVENT_CONTROLLER_KEY),
                         "key-pressed", keyval, 0, state, &handled);
  racimo_ui_test_spin ();
  return handled;
}

static GtkPopoverMenu *
row_menu (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->panel)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return GTK_POPOVER_MENU (child);

  g_assert_not_reached ();
}

/* The labels of a menu, sections flattened, one a line. */
static void
dump_menu (GMenuModel *model,
           GString    *s)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *label = NULL;

      if (section != NULL)
        {
          dump_menu (section, s);
          continue;
        }
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_string_append_printf (s, "%s\n", label);
    }
}

static void
assert_cursor (Fixture *f,
               int      row,
               int      column)
{
  racimo_ui_test_assert_cursor (f->view, row, column);
}

#define PROBLEMS \
  "# Errors 3\n" \
  "## No owner 1\n" \
  "- Retraining pipeline: Activity \"Retraining pipeline\" has no owner (A)\n" \
  "## Several owners 1\n" \
  "- Déployer le modèle: Activity \"Déployer le modèle\" has 2 owners (A): ML engineer, " \
  "MLOps engineer\n" \
  "## Unknown code 1\n" \
  "- Label the data: Activity \"Label the data\" uses S, which the RACI scheme does not " \
  "define\n" \
  "# Warnings 6\n" \
  "## No one responsible 1\n" \
  "- Monitor drift: Activity \"Monitor drift\" has no one responsible (R)\n" \
  "## Idle role 1\n" \
  "- UX designer: Role \"UX designer\" holds no code in any activity\n" \
  "## Overloaded role 1\n" \
  "- ML engineer: Role \"ML engineer\" is responsible or accountable for 7 of 10 " \
  "activities\n" \
  "## Unnamed 1\n" \
  "- Unnamed activity: Activity 4 of phase \"MLOps\" has no name\n" \
  "## Duplicate name 2\n" \
  "- Clean the data: Activity \"Clean the data\" appears twice in phase \"Data\"\n" \
  "- Clean the data: Activity \"Clean the data\" appears twice in phase \"Data\"\n" \
  "# Waived 1\n" \
  "## No one responsible 1\n" \
  "- Choose the model family: Activity \"Choose the model family\" has no one " \
  "responsible (R) (The data scientist does this alone.)\n"

/* Tests */

static void
test_listed (Fixture       *f,
             gconstpointer  data)
{
  GtkStack *list_stack = GTK_STACK (template_child (f, "list_stack"));

  assert_rows (f, PROBLEMS);
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "3 errors, 6 warnings");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  /* On screen: the summary, the headings and the first findings. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->panel), "3 errors, 6 warnings"));
  g_assert_cmpint (find_row (f, "Errors"), ==, 0);
  g_assert_cmpint (find_row (f, "No owner"), ==, 1);
  g_assert_cmpint (find_row (f, "Retraining pipeline"), ==, 2);
  g_assert_cmpint (find_row (f, "Activity \"Retraining pipeline\" has no owner (A)"), ==, 2);

  /* Scrolled to, the waived finding shows its reason. */
  g_assert_true (racimo_checks_panel_select (f->panel, item (f, "model-family"),
                                             RACIMO_CHECK_NO_DOER));
  racimo_ui_test_wait_for_frames (f->window);
  g_assert_cmpint (find_row (f, "“The data scientist does this alone.”"), >=, 0);

  g_assert_cmpint (racimo_findings_model_find (RACIMO_FINDINGS_MODEL (
                                               racimo_checks_panel_get_rows (f->panel)),
                                             item (f, "retraining"), RACIMO_CHECK_NO_OWNER),
                   ==, 2);
  g_assert_cmpint (racimo_findings_model_find (RACIMO_FINDINGS_MODEL (
                                               racimo_checks_panel_get_rows (f->panel)),
                                             item (f, "retraining"), RACIMO_CHECK_NO_DOER),
                   ==, -1);
}

static void
test_select (Fixture       *f,
             gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (template_child (f, "selection"));
  RacimoFindingView *list_view = template_child (f, "list_view");
  GListModel *rows = racimo_checks_panel_get_rows (f->panel);
  RacimoCheck check;

  /* Selecting the idle role moves the cursor to its column's header. */
  gtk_single_selection_set_selected (selection, 11);
  racimo_ui_test_spin ();
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_true (f->activated_item == item (f, "ux-designer"));
  g_assert_cmpint (f->activated_check, ==, RACIMO_CHECK_IDLE_ROLE);
  assert_cursor (f, RACIMO_MATRIX_HEADER_ROW, 1);
  g_assert_true (racimo_checks_panel_get_selected (f->panel, &check) == item (f, "ux-designer"));
  g_assert_cmpint (check, ==, RACIMO_CHECK_IDLE_ROLE);

  /* Selecting "No owner: Retraining pipeline" moves it to that row. */
  gtk_single_selection_set_selected (selection, 2);
  racimo_ui_test_spin ();
  g_assert_cmpuint (f->n_activated, ==, 2);
  g_assert_true (f->activated_item == item (f, "retraining"));
  g_assert_cmpint (f->activated_check, ==, RACIMO_CHECK_NO_OWNER);
  assert_cursor (f, racimo_matrix_view_find_row (f->view, item (f, "retraining")),
                 RACIMO_MATRIX_NAME_COLUMN);

  /* Enter on the selected finding goes there again. */
  racimo_matrix_view_set_cursor (f->view, 0, 0);
  g_signal_emit_by_name (list_view, "activate", 2);
  g_assert_cmpuint (f->n_activated, ==, 3);
  assert_cursor (f, racimo_matrix_view_find_row (f->view, item (f, "retraining")),
                 RACIMO_MATRIX_NAME_COLUMN);

  /* Headers go nowhere. */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (f->n_activated, ==, 3);

  /* Selecting from the window's side does not bounce back. */
  g_assert_true (racimo_checks_panel_select (f->panel, item (f, "monitor"),
                                             RACIMO_CHECK_NO_DOER));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 9);
  g_assert_cmpuint (f->n_activated, ==, 3);
  g_assert_false (racimo_checks_panel_select (f->panel, item (f, "monitor"),
                                              RACIMO_CHECK_NO_OWNER));

  /* The keyboard goes from finding to finding, over the headings. */
  gtk_single_selection_set_selected (selection, 2);
  racimo_ui_test_spin ();
  g_assert_cmpuint (f->n_activated, ==, 4);
  g_assert_true (press_in_list (f, GDK_KEY_Down, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 4);
  g_assert_true (f->activated_item == item (f, "deploy"));
  g_assert_true (press_in_list (f, GDK_KEY_Up, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_true (press_in_list (f, GDK_KEY_Up, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_true (press_in_list (f, GDK_KEY_End, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    g_list_model_get_n_items (rows) - 1);
  g_assert_true (press_in_list (f, GDK_KEY_Home, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_cmpuint (f->n_activated, ==, 8);

  /* Enter goes to the finding again; a screen reader hears which it is. */
  racimo_matrix_view_set_cursor (f->view, 0, 0);
  g_assert_true (press_in_list (f, GDK_KEY_Return, 0));
  g_assert_cmpuint (f->n_activated, ==, 9);
  assert_cursor (f, racimo_matrix_view_find_row (f->view, item (f, "retraining")),
                 RACIMO_MATRIX_NAME_COLUMN);
  {
    g_autoptr(RacimoFindingRow) row = g_list_model_get_item (rows, 2);
    g_autofree char *said = racimo_finding_view_describe_row (row);

    g_assert_cmpstr (said, ==, "No owner: Retraining pipeline. "
                               "Activity \"Retraining pipeline\" has no owner (A)");
  }
}

static void
test_next_previous (Fixture       *f,
                    gconstpointer  data)
{
  static const struct
  {
    const char  *id;
    RacimoCheck  check;
  } order[] = {
    { "retraining", RACIMO_CHECK_NO_OWNER },
    { "deploy", RACIMO_CHECK_MANY_OWNERS },
    { "label", RACIMO_CHECK_UNKNOWN_CODE },
    { "monitor", RACIMO_CHECK_NO_DOER },
    { "ux-designer", RACIMO_CHECK_IDLE_ROLE },
    { "ml-engineer", RACIMO_CHECK_OVERLOADED_ROLE },
    { "unnamed", RACIMO_CHECK_UNNAMED },
    { "clean", RACIMO_CHECK_DUPLICATE_NAME },
    { "clean-again", RACIMO_CHECK_DUPLICATE_NAME },
  };
  guint n = G_N_ELEMENTS (order);
  RacimoCheck check;

  /* Ctrl+. from nothing selected: the first problem, then each in turn,
   * the waived one skipped, round to the first again. */
  for (guint i = 0; i <= n; i++)
    {
      RacimoItem *next = racimo_checks_panel_select_next (f->panel, &check);

      g_assert_true (next == item (f, order[i % n].id));
      g_assert_cmpint (check, ==, order[i % n].check);
    }

  /* Ctrl+, goes back, round to the last. */
  g_assert_true (racimo_checks_panel_select_previous (f->panel, &check)
                 == item (f, "clean-again"));
  g_assert_true (racimo_checks_panel_select_previous (f->panel, NULL)
                 == item (f, "clean"));

  /* The window moves the cursor: the panel did not ask. */
  g_assert_cmpuint (f->n_activated, ==, 0);
  g_assert_true (racimo_checks_panel_get_selected (f->panel, NULL) == item (f, "clean"));
}

static void
test_quick_fix (Fixture       *f,
                gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoActivity *retraining = RACIMO_ACTIVITY (item (f, "retraining"));
  RacimoRole *ops = RACIMO_ROLE (item (f, "mlops-engineer"));
  g_autoptr(GString) menu = g_string_new (NULL);

  /* The row's menu button offers the roles that do the work. */
  click_row_button (f, "Retraining pipeline");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row_menu (f))));
  dump_menu (gtk_popover_menu_get_menu_model (row_menu (f)), menu);
  g_assert_cmpstr (menu->str, ==,
                   "Make Data scientist Accountable\n"
                   "Make MLOps engineer Accountable\n"
                   "_Waive…\n");
  gtk_popover_popdown (GTK_POPOVER (row_menu (f)));

  /* Chosen: the MLOps engineer is accountable, the finding is gone. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "checks.make-owner", "(ss)",
                              "retraining", "mlops-engineer");
  g_assert_cmpuint (racimo_activity_get_codes (retraining, ops), ==, BIT ('R') | BIT ('A'));
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==,
                   "Make MLOps engineer Accountable");
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "2 errors, 6 warnings");
  g_assert_cmpint (racimo_findings_model_find (RACIMO_FINDINGS_MODEL (
                                               racimo_checks_panel_get_rows (f->panel)),
                                             RACIMO_ITEM (retraining), RACIMO_CHECK_NO_OWNER),
                   ==, -1);
  assert_consistent (f);
  racimo_ui_test_spin ();
  g_assert_cmpint (find_row (f, "Retraining pipeline"), <, 0);

  /* One undo brings it all back. */
  racimo_history_undo (history);
  g_assert_cmpuint (racimo_activity_get_codes (retraining, ops), ==, BIT ('R'));
  assert_rows (f, PROBLEMS);
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "3 errors, 6 warnings");

  racimo_history_redo (history);
  g_assert_cmpuint (racimo_activity_get_codes (retraining, ops), ==, BIT ('R') | BIT ('A'));
  assert_consistent (f);
}

static void
test_waive (Fixture       *f,
            gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoItem *retraining = item (f, "retraining");
  GtkWidget *popover = template_child (f, "waive_popover");
  GtkWidget *entry = waiver_child (popover, "entry");
  GtkWidget *button = waiver_child (popover, "button");
  GtkWidget *label = waiver_child (popover, "label");

  /* Waive…: the question, and no waiver without a reason. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "checks.waive", "(ss)",
                              "retraining", "no-owner");
  racimo_ui_test_spin ();
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Why is “No owner” acceptable for “Retraining pipeline”?");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (racimo_item_get_waiver_reason (retraining, "no-owner"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "The pipeline team owns it together. ");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (entry, "activate");
  racimo_ui_test_spin ();
  g_assert_false (gtk_widget_get_visible (popover));

  /* Stored as docs/file-format.md, "Waivers", says, listed apart with its reason, not counted. */
  g_assert_cmpstr (racimo_item_get_waiver_reason (retraining, "no-owner"), ==,
                   "The pipeline team owns it together.");
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Waive Finding");
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "2 errors, 6 warnings");
  g_assert_cmpuint (racimo_checks_get_n_waived (f->checks), ==, 2);
  {
    g_autoptr(GBytes) bytes = racimo_file_serialize (f->project);
    const char *xml = g_bytes_get_data (bytes, NULL);

    g_assert_nonnull (g_strstr_len (xml, (gssize) g_bytes_get_size (bytes),
                                    "<waiver check=\"no-owner\">The pipeline team owns it "
                                    "together.</waiver>"));
  }
  assert_rows (f,
               "# Errors 2\n"
               "## Several owners 1\n"
               "- Déployer le modèle: Activity \"Déployer le modèle\" has 2 owners (A): "
               "ML engineer, MLOps engineer\n"
               "## Unknown code 1\n"
               "- Label the data: Activity \"Label the data\" uses S, which the RACI scheme "
               "does not define\n"
               "# Warnings 6\n"
               "## No one responsible 1\n"
               "- Monitor drift: Activity \"Monitor drift\" has no one responsible (R)\n"
               "## Idle role 1\n"
               "- UX designer: Role \"UX designer\" holds no code in any activity\n"
               "## Overloaded role 1\n"
               "- ML engineer: Role \"ML engineer\" is responsible or accountable for 7 of 10 "
               "activities\n"
               "## Unnamed 1\n"
               "- Unnamed activity: Activity 4 of phase \"MLOps\" has no name\n"
               "## Duplicate name 2\n"
               "- Clean the data: Activity \"Clean the data\" appears twice in phase \"Data\"\n"
               "- Clean the data: Activity \"Clean the data\" appears twice in phase \"Data\"\n"
               "# Waived 2\n"
               "## No owner 1\n"
               "- Retraining pipeline: Activity \"Retraining pipeline\" has no owner (A) "
               "(The pipeline team owns it together.)\n"
               "## No one responsible 1\n"
               "- Choose the model family: Activity \"Choose the model family\" has no one "
               "responsible (R) (The data scientist does this alone.)\n");

  /* Undone: a problem again. */
  racimo_history_undo (history);
  g_assert_null (racimo_item_get_waiver_reason (retraining, "no-owner"));
  assert_rows (f, PROBLEMS);
  racimo_history_redo (history);
  g_assert_cmpuint (racimo_checks_get_n_waived (f->checks), ==, 2);

  /* The waived row's menu: change the reason, or remove the waiver. */
  {
    g_autoptr(GString) menu = g_string_new (NULL);

    /* From the keyboard, on the selected finding */
    racimo_checks_panel_select (f->panel, retraining, RACIMO_CHECK_NO_OWNER);
    racimo_ui_test_wait_for_frames (f->window);
    g_assert_cmpint (find_row (f, "“The pipeline team owns it together.”"), >=, 0);
    g_assert_true (press_in_list (f, GDK_KEY_Menu, 0));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row_menu (f))));
    dump_menu (gtk_popover_menu_get_menu_model (row_menu (f)), menu);
    g_assert_cmpstr (menu->str, ==, "Change _Reason…\n_Remove Waiver\n");
    gtk_popover_popdown (GTK_POPOVER (row_menu (f)));
  }

  /* Changing the reason starts from the old one. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "checks.waive", "(ss)",
                              "retraining", "no-owner");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                   "The pipeline team owns it together.");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Agreed at the kick-off.");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (racimo_item_get_waiver_reason (retraining, "no-owner"), ==,
                   "Agreed at the kick-off.");
  assert_consistent (f);

  /* Remove Waiver, and undo it. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "checks.unwaive", "(ss)",
                              "retraining", "no-owner");
  g_assert_null (racimo_item_get_waiver_reason (retraining, "no-owner"));
  g_assert_cmpstr (racimo_history_get_undo_label (history), ==, "Remove Waiver");
  assert_rows (f, PROBLEMS);
  racimo_history_undo (history);
  g_assert_cmpstr (racimo_item_get_waiver_reason (retraining, "no-owner"), ==,
                   "Agreed at the kick-off.");
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "2 errors, 6 warnings");
  assert_consistent (f);

  /* The waiver that came with the file can go too. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "checks.unwaive", "(ss)",
                              "model-family", "no-doer");
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "2 errors, 7 warnings");
  assert_consistent (f);
}

static void
test_updates (Fixture       *f,
              gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoPhase *data_phase = RACIMO_PHASE (item (f, "data"));
  RacimoPhase *mlops = RACIMO_PHASE (item (f, "mlops"));
  RacimoRole *ux = RACIMO_ROLE (item (f, "ux-designer"));
  guint n_steps = 0;

#define STEP(edit) \
  G_STMT_START { edit; n_steps++; assert_consistent (f); } G_STMT_END

  /* The UX designer gets work: no longer idle. */
  STEP (racimo_project_set_codes (f->project, RACIMO_ACTIVITY (item (f, "monitor")), ux,
                                  BIT ('R')));
  g_assert_cmpint (racimo_findings_model_find (RACIMO_FINDINGS_MODEL (
                                               racimo_checks_panel_get_rows (f->panel)),
                                             RACIMO_ITEM (ux), RACIMO_CHECK_IDLE_ROLE), ==, -1);
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "3 errors, 4 warnings");

  /* A rename: the duplicate goes, the message follows the name. */
  STEP (racimo_project_rename (f->project, item (f, "clean-again"), "Clean the labels"));
  STEP (racimo_project_rename (f->project, item (f, "retraining"), "Retrain the model"));
  g_assert_cmpint (racimo_findings_model_find (RACIMO_FINDINGS_MODEL (
                                               racimo_checks_panel_get_rows (f->panel)),
                                             item (f, "retraining"), RACIMO_CHECK_NO_OWNER),
                   ==, 2);
  racimo_ui_test_spin ();
  g_assert_cmpint (find_row (f, "Retrain the model"), ==, 2);
  g_assert_cmpint (find_row (f, "Activity \"Retrain the model\" has no owner (A)"), ==, 2);

  /* Moves reorder the rows of a check: the unnamed activity before the
   * others, an activity into another phase. */
  STEP (racimo_project_rename (f->project, item (f, "collect"), ""));
  STEP (racimo_project_move_activity (f->project, RACIMO_ACTIVITY (item (f, "unnamed")),
                                      data_phase, 0));
  STEP (racimo_project_move_activity (f->project, RACIMO_ACTIVITY (item (f, "label")),
                                      mlops, 3));
  STEP (racimo_project_move_phase (f->project, mlops, 0));
  STEP (racimo_project_move_role (f->project, ux, 4));

  /* Added and removed. */
  STEP (racimo_project_add_role (f->project, 2, "Legal counsel", "LC"));
  STEP (racimo_project_add_activity (f->project, mlops, -1, "Write the runbook"));
  STEP (racimo_project_remove_activity (f->project, RACIMO_ACTIVITY (item (f, "deploy"))));
  STEP (racimo_project_remove_role (f->project, RACIMO_ROLE (item (f, "ml-engineer"))));
  STEP (racimo_project_set_applicable (f->project, RACIMO_ACTIVITY (item (f, "monitor")),
                                       FALSE));
  STEP (racimo_project_remove_phase (f->project, data_phase));

  /* Another scheme: codes it does not define. */
  STEP (racimo_project_set_scheme (f->project, "DACI"));

  /* Everything undone, one step at a time, and redone. */
  for (guint i = 0; i < n_steps; i++)
    {
      g_assert_true (racimo_history_undo (history));
      assert_consistent (f);
    }
  assert_rows (f, PROBLEMS);
  for (guint i = 0; i < n_steps; i++)
    {
      g_assert_true (racimo_history_redo (history));
      assert_consistent (f);
    }
  racimo_ui_test_wait_for_frames (f->window);
#undef STEP
}

/* How many nodes of @type are in @node */
static guint
count_nodes (GskRenderNode     *node,
             GskRenderNodeType  type)
{
  g_autoptr(GPtrArray) children = racimo_ui_test_child_nodes (node);
  guint n = gsk_render_node_get_node_type (node) == type;

  for (guint i = 0; i < children->len; i++)
    n += count_nodes (g_ptr_array_index (children, i), type);

  return n;
}

/* @node's pixels, @width x @height at @scale, as the cairo renderer draws them */
static guchar *
render_pixels (GskRenderNode *node,
               int            width,
               int            height,
               int            scale)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) scaled = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = (gsize) (width * scale) * 4;
  guchar *pixels = g_malloc (stride * (gsize) (height * scale));

  if (scale == 1)
    scaled = gsk_render_node_ref (node);
  else
    scaled = gsk_transform_node_new (node, gsk_transform_scale (NULL, (float) scale,
                                                                (float) scale));
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, scaled,
                                         &GRAPHENE_RECT_INIT (0, 0, (float) (width * scale),
                                                              (float) (height * scale)));
  gdk_texture_download (texture, pixels, stride);
  gsk_renderer_unrealize (renderer);

  return pixels;
}

/* A drawing flattened into an image shows the same pixels, within
 * rounding, at the scale it was made for. */
static void
test_flattened (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label,
                                                                  "No owner: Retraining pipeline");
  const int width = 240, height = 40;

  for (int scale = 1; scale <= 2; scale++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GskRenderNode) flat = NULL;
      g_autofree guchar *drawn = NULL;
      g_autofree guchar *copied = NULL;
      gsize size = (gsize) (width * scale) * (gsize) (height * scale) * 4;
      guint inked = 0;

      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.2f, 0.4f, 0.6f, 0.5f },
                                 &GRAPHENE_RECT_INIT (3, 2, 20, 10));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (6, 11));
      gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 0.1f, 0.1f, 0.1f, 0.8f });
      node = gtk_snapshot_free_to_node (snapshot);

      flat = racimo_flatten_node (node, width, height, scale);
      g_assert_cmpint (gsk_render_node_get_node_type (flat), ==, GSK_CAIRO_NODE);

      drawn = render_pixels (node, width, height, scale);
      copied = render_pixels (flat, width, height, scale);
      for (gsize i = 0; i < size; i++)
        {
          if (ABS ((int) drawn[i] - (int) copied[i]) > 2)
            g_error ("at scale %d, byte %" G_GSIZE_FORMAT " is %u drawn, %u flattened",
                     scale, i, drawn[i], copied[i]);
          inked += drawn[i] != 0;
        }
      g_assert_cmpuint (inked, >, 100U * (guint) (scale * scale));
    }

  g_object_unref (label);
}

/* Whether every image under @node is placed on whole pixels, @x and @y
 * being where @node is */
static gboolean
images_on_pixels (GskRenderNode *node,
                  float          x,
                  float          y)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  g_autoptr(GPtrArray) children = NULL;

  if (type == GSK_CAIRO_NODE)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (node, &bounds);
      return x + bounds.origin.x == floorf (x + bounds.origin.x)
             && y + bounds.origin.y == floorf (y + bounds.origin.y);
    }
  if (type == GSK_TRANSFORM_NODE)
    {
      GskTransform *transform = gsk_transform_node_get_transform (node);
      float dx, dy;

      g_assert_cmpint (gsk_transform_get_category (transform), >=,
                       GSK_TRANSFORM_CATEGORY_2D_TRANSLATE);
      gsk_transform_to_translate (transform, &dx, &dy);
      return images_on_pixels (gsk_transform_node_get_child (node), x + dx, y + dy);
    }

  children = racimo_ui_test_child_nodes (node);
  for (guint i = 0; i < children->len; i++)
    if (!images_on_pixels (g_ptr_array_index (children, i), x, y))
      return FALSE;

  return TRUE;
}

/* With the cairo renderer, the findings list keeps its rows as images:
 * rows that move when a finding comes or goes are copied, not drawn.  They
 * are drawn on whole pixels, where a touchpad may leave the list between
 * two. */
static void
assert_rows_are_images (Fixture *f)
{
  RacimoFindingView *list = template_child (f, "list_view");
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  double value = gtk_adjustment_get_value (vadjustment);
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t area;
  guint in_view = 0;

  g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (f->window))));
  gtk_adjustment_set_value (vadjustment, 10.4);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 10.4);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (list));

  for (guint i = 0; racimo_finding_view_get_row_area (list, i, &area) || area.origin.y < 0; i++)
    in_view += area.origin.y + area.size.height > 0;

  node = racimo_ui_test_widget_node (GTK_WIDGET (list));
  g_assert_cmpuint (in_view, >, 3);
  g_assert_cmpuint (count_nodes (node, GSK_CAIRO_NODE), ==, in_view);
  g_assert_true (images_on_pixels (node, 0, 0));

  gtk_adjustment_set_value (vadjustment, value);
  racimo_ui_test_wait_for_frames (GTK_WIDGET (list));
}

/* The findings list keeps each row's drawing, and a heading's count apart:
 * what it shows is always what it would draw from nothing. */
static void
test_drawn_rows (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *list = template_child (f, "list_view");
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoActivity *retraining = RACIMO_ACTIVITY (item (f, "retraining"));
  RacimoRole *ops = RACIMO_ROLE (item (f, "mlops-engineer"));
  RacimoActivity *deploy = RACIMO_ACTIVITY (item (f, "deploy"));
  RacimoRole *ml = RACIMO_ROLE (item (f, "ml-engineer"));
  RacimoCodes codes = racimo_activity_get_codes (retraining, ops);

  racimo_ui_test_assert_drawn_afresh (list, "opening");
  assert_rows_are_images (f);

  /* A finding goes: the counts of its section and check change. */
  racimo_project_set_codes (f->project, retraining, ops, codes | BIT ('A'));
  racimo_ui_test_assert_drawn_afresh (list, "an owner for Retraining");
  g_assert_true (racimo_history_undo (history));
  racimo_ui_test_assert_drawn_afresh (list, "undo");

  /* Two go, one frame after the other, and the first comes back: it is
   * drawn as itself, not as the other that left the view after it. */
  racimo_project_set_codes (f->project, retraining, ops, codes | BIT ('A'));
  racimo_ui_test_wait_for_frames (list);
  racimo_project_set_codes (f->project, deploy, ml, BIT ('R'));
  racimo_ui_test_wait_for_frames (list);
  racimo_project_set_codes (f->project, retraining, ops, codes);
  racimo_ui_test_assert_drawn_afresh (list, "two findings gone, the first back");
  g_assert_true (racimo_history_undo (history));
  g_assert_true (racimo_history_undo (history));
  g_assert_true (racimo_history_undo (history));
  racimo_ui_test_assert_drawn_afresh (list, "undoing the three");

  /* A finding's title and message follow a rename; a waiver moves it. */
  racimo_project_rename (f->project, RACIMO_ITEM (retraining), "Retrain the model");
  racimo_ui_test_assert_drawn_afresh (list, "a rename");
  racimo_project_set_waiver (f->project, RACIMO_ITEM (retraining), "no-owner", "Shared ownership");
  racimo_ui_test_assert_drawn_afresh (list, "a waiver");
  g_assert_true (racimo_history_undo (history));
  racimo_ui_test_assert_drawn_afresh (list, "undoing the waiver");
  assert_rows_are_images (f);
}

static GtkPolicyType
list_scroll_bar (Fixture *f)
{
  GtkPolicyType vertical;

  gtk_scrolled_window_get_policy (template_child (f, "list_scroller"), NULL, &vertical);
  return vertical;
}

static void
on_surface_layout (GdkSurface *surface,
                   int         width,
                   int         height,
                   guint      *n_layouts)
{
  (*n_layouts)++;
}

/* The findings list has its scroll bar while the pointer moves over it,
 * and none a moment after; without one, an edit that adds or settles a
 * finding does not lay out the window again. */
static void
test_scroll_bar (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *scroller = template_child (f, "list_scroller");
  GtkEventController *motion;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  RacimoActivity *retraining = RACIMO_ACTIVITY (item (f, "retraining"));
  RacimoRole *ops = RACIMO_ROLE (item (f, "mlops-engineer"));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_layouts = 0;
  RacimoCodes codes;

  motion = racimo_ui_test_find_named_controller (scroller, "racimo-scroll-bar-motion");
  g_assert_nonnull (motion);

  /* The pointer moves over the list: the scroll bar is there. */
  g_signal_emit_by_name (motion, "motion", 10.0, 10.0);
  g_assert_cmpint (list_scroll_bar (f), ==, GTK_POLICY_AUTOMATIC);

  /* And gone a moment later, the list's range still kept for scrolling. */
  while (list_scroll_bar (f) != GTK_POLICY_EXTERNAL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (list_scroll_bar (f), ==, GTK_POLICY_EXTERNAL);
  racimo_ui_test_wait_for_frames (f->window);

  /* Retraining gets an owner, and loses it again: its finding goes and
   * comes back, and the list's length with it.  The window is drawn
   * again, not laid out (but once, the first time GTK sees the hidden
   * scroll bar's range change). */
  g_signal_connect (surface, "layout", G_CALLBACK (on_surface_layout), &n_layouts);
  codes = racimo_activity_get_codes (retraining, ops);
  racimo_project_set_codes (f->project, retraining, ops, codes | BIT ('A'));
  racimo_ui_test_wait_for_frames (f->window);
  g_assert_cmpuint (n_layouts, <=, 1);
  n_layouts = 0;
  for (guint i = 0; i < 4; i++)
    {
      racimo_project_set_codes (f->project, retraining, ops, codes ^ (i % 2 == 0 ? 0 : BIT ('A')));
      racimo_ui_test_wait_for_frames (f->window);
    }
  g_assert_cmpuint (n_layouts, ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (
                                                 GTK_SCROLLED_WINDOW (scroller))),
                     >=, gtk_widget_get_height (template_child (f, "list_view")));
  g_signal_handlers_disconnect_by_func (surface, on_surface_layout, &n_layouts);

  /* Scroll bars that always show (overlay scrolling off, here for the
   * list alone) come at once, and stay.  The desktop's setting does the
   * same, but GTK 4.8 cannot have it changed in a process that has closed
   * scrolled windows: it calls them still. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  g_assert_cmpint (list_scroll_bar (f), ==, GTK_POLICY_AUTOMATIC);
  g_signal_emit_by_name (motion, "motion", 10.0, 10.0);
  deadline = g_get_monotonic_time () + (SCROLL_BAR_SECONDS + 1) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (list_scroll_bar (f), ==, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), TRUE);
}

/* The list's controllers may outlive the panel a moment, and the pointer
 * cross into the list as its widgets go: no scroll bar timeout is started
 * then for a panel that is gone. */
static void
test_scroll_bar_gone (void)
{
  g_autoptr(RacimoProject) project = racimo_ui_test_load_project ("panel-problems.raci");
  g_autoptr(RacimoChecks) checks = racimo_checks_new (project);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = racimo_checks_panel_new ();
  GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (panel,
                                                                   RACIMO_TYPE_CHECKS_PANEL,
                                                                   "list_scroller"));
  /* Kept past the panel, as GTK may keep a controller a moment. */
  g_autoptr(GtkEventController) motion =
    g_object_ref (racimo_ui_test_find_named_controller (scroller, "racimo-scroll-bar-motion"));

  racimo_checks_panel_set_checks (RACIMO_CHECKS_PANEL (panel), checks);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  racimo_ui_test_wait_for_frames (window);
  g_signal_emit_by_name (motion, "motion", 10.0, 10.0);

  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *) &panel);
  gtk_window_destroy (GTK_WINDOW (window));
  racimo_ui_test_spin ();
  g_assert_null (panel);

  /* Nothing listens any more. */
  g_signal_emit_by_name (motion, "enter", 10.0, 10.0);
  g_signal_emit_by_name (motion, "motion", 10.0, 10.0);
  racimo_ui_test_spin ();
}

static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  static const char * const names[] = { "Clean the data", "Deploy", "", "Monitor drift" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  RacimoHistory *history = racimo_project_get_history (f->project);

  for (guint step = 0; step < 300; step++)
    {
      guint n_roles = racimo_project_get_n_roles (f->project);
      guint n_phases = racimo_project_get_n_phases (f->project);
      RacimoPhase *phase = racimo_project_get_phase (f->project,
                                                     (guint) g_rand_int_range (rand, 0,
                                                                               (int) n_phases));
      guint n = racimo_phase_get_n_activities (phase);
      RacimoActivity *a = n > 0 ? racimo_phase_get_activity (phase, (guint) g_rand_int_range (
                                                                rand, 0, (int) n)) : NULL;
      RacimoRole *r = n_roles > 0 ? racimo_project_get_role (f->project, (guint) g_rand_int_range (
                                                               rand, 0, (int) n_roles)) : NULL;

      switch (g_rand_int_range (rand, 0, 9))
        {
        case 0:
        case 1:
          if (a != NULL && r != NULL)
            racimo_project_toggle_code (f->project, a, r, "RACIS"[g_rand_int_range (rand, 0, 5)]);
          break;
        case 2:
          if (a != NULL)
            racimo_project_rename (f->project, RACIMO_ITEM (a),
                                   names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
          break;
        case 3:
          if (a != NULL)
            racimo_project_move_activity (f->project, a, phase,
                                          (guint) g_rand_int_range (rand, 0, (int) n));
          break;
        case 4:
          if (a != NULL)
            racimo_project_set_waiver (f->project, RACIMO_ITEM (a), "no-owner",
                                       g_rand_boolean (rand) ? "Accepted." : NULL);
          break;
        case 5:
          if (r != NULL)
            racimo_project_move_role (f->project, r,
                                      (guint) g_rand_int_range (rand, 0, (int) n_roles));
          break;
        case 6:
          racimo_project_add_activity (f->project, phase, 0, names[step % 4]);
          break;
        case 7:
          if (a != NULL && g_rand_boolean (rand))
            racimo_project_remove_activity (f->project, a);
          break;
        case 8:
        default:
          if (racimo_history_get_can_undo (history))
            racimo_history_undo (history);
          break;
        }

      assert_consistent (f);
      if (step % 10 == 0)
        assert_rows_placed (f);
      if (step % 50 == 0)
        racimo_ui_test_spin ();
    }
  assert_rows_placed (f);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  GtkStack *list_stack = GTK_STACK (template_child (f, "list_stack"));
  g_autoptr(GPtrArray) status_pages = g_ptr_array_new ();
  GtkWidget *empty;

  find_widgets (GTK_WIDGET (f->panel), ADW_TYPE_STATUS_PAGE, status_pages);
  g_assert_cmpuint (status_pages->len, ==, 1);
  empty = g_ptr_array_index (status_pages, 0);

  /* A matrix everybody agrees on. */
  assert_rows (f, "");
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "No problems found");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_nonnull (find_label (empty, "No Problems Found"));
  g_assert_null (racimo_checks_panel_select_next (f->panel, NULL));

  /* An edit makes a problem: listed at once. */
  racimo_project_set_codes (f->project, RACIMO_ACTIVITY (item (f, "deploy")),
                            RACIMO_ROLE (item (f, "mle")), BIT ('R'));
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "1 error");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  assert_rows (f,
               "# Errors 1\n"
               "## No owner 1\n"
               "- Deploy model: Activity \"Deploy model\" has no owner (A)\n");

  /* Waived, it is listed apart, and there is no problem. */
  racimo_project_set_waiver (f->project, item (f, "deploy"), "no-owner", "Everyone's job.");
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "No problems found");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  assert_rows (f,
               "# Waived 1\n"
               "## No owner 1\n"
               "- Deploy model: Activity \"Deploy model\" has no owner (A) (Everyone's job.)\n");
  g_assert_null (racimo_checks_panel_select_next (f->panel, NULL));

  racimo_history_undo (history);
  racimo_history_undo (history);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");

  /* A warning alone. */
  racimo_project_set_codes (f->project, RACIMO_ACTIVITY (item (f, "train")),
                            RACIMO_ROLE (item (f, "ds")), BIT ('A'));
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "1 warning");

  /* No project at all. */
  racimo_checks_panel_set_checks (f->panel, NULL);
  mirror_rows (f);
  g_assert_null (racimo_checks_panel_get_rows (f->panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_cmpstr (racimo_checks_panel_get_summary (f->panel), ==, "No problems found");
}

static void
test_summary_text (void)
{
  static const struct
  {
    guint       errors;
    guint       warnings;
    const char *text;
  } cases[] = {
    { 0, 0, "No problems found" },
    { 1, 0, "1 error" },
    { 2, 0, "2 errors" },
    { 0, 1, "1 warning" },
    { 0, 5, "5 warnings" },
    { 2, 3, "2 errors, 3 warnings" },
    { 1, 1, "1 error, 1 warning" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = racimo_checks_panel_format_summary (cases[i].errors,
                                                                  cases[i].warnings);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
on_item_activated (RacimoChecksPanel *panel,
                   RacimoItem        *activity,
                   RacimoItem       **out)
{
  *out = activity;
}

static char *
owned_names (GListModel *owned)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (owned); i++)
    {
      g_autoptr(RacimoItem) a = g_list_model_get_item (owned, i);

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", racimo_item_get_id (a));
    }

  return g_string_free (s, FALSE);
}

#define assert_owned(details, expected) \
  racimo_test_assert_text (owned_names (racimo_role_details_get_owned (details)), expected)

static void
test_role_details (Fixture       *f,
                   gconstpointer  data)
{
  RacimoHistory *history = racimo_project_get_history (f->project);
  RacimoRole *mle = RACIMO_ROLE (item (f, "ml-engineer"));
  RacimoRoleDetails *details =
    RACIMO_ROLE_DETAILS (template_child (f, "role_details"));
  GtkStack *pages = GTK_STACK (template_child (f, "pages"));
  GtkWidget *owned_view =
    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (details), RACIMO_TYPE_ROLE_DETAILS,
                                               "owned_view"));
  RacimoItem *activated = NULL;

  g_signal_connect (f->panel, "item-activated", G_CALLBACK (on_item_activated), &activated);

  /* The role header selected: its workload, what it owns, its finding. */
  racimo_checks_panel_show_role (f->panel, mle);
  racimo_ui_test_wait_for_frames (f->window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "role");
  g_assert_true (racimo_checks_panel_get_role (f->panel) == mle);
  g_assert_cmpuint (racimo_role_details_get_count (details, 'R'), ==, 1);
  g_assert_cmpuint (racimo_role_details_get_count (details, 'A'), ==, 7);
  g_assert_cmpuint (racimo_role_details_get_count (details, 'C'), ==, 0);
  g_assert_cmpuint (racimo_role_details_get_count (details, 'I'), ==, 0);
  assert_owned (details, "collect, data-pipeline, clean, clean-again, deploy, monitor, unnamed");
  g_assert_nonnull (find_label (GTK_WIDGET (details), "ML engineer (MLE)"));
  g_assert_nonnull (find_label (GTK_WIDGET (details), "Owns 7 activities"));
  g_assert_nonnull (find_label (GTK_WIDGET (details), "Accountable"));
  g_assert_nonnull (find_label (GTK_WIDGET (details), "Overloaded role"));
  g_assert_nonnull (find_label (GTK_WIDGET (details),
                                "Role \"ML engineer\" is responsible or accountable for 7 of 10 "
                                "activities"));
  g_assert_nonnull (find_label (GTK_WIDGET (details), "Build the data pipeline"));

  /* Picking an owned activity goes there. */
  g_signal_emit_by_name (owned_view, "activate", 1);
  g_assert_true (activated == item (f, "data-pipeline"));

  /* Edits follow: an A taken away, given, the finding gone. */
  racimo_project_toggle_code (f->project, RACIMO_ACTIVITY (item (f, "monitor")), mle, 'A');
  racimo_project_toggle_code (f->project, RACIMO_ACTIVITY (item (f, "clean")), mle, 'A');
  racimo_project_toggle_code (f->project, RACIMO_ACTIVITY (item (f, "clean-again")), mle, 'A');
  g_assert_cmpuint (racimo_role_details_get_count (details, 'A'), ==, 4);
  assert_owned (details, "collect, data-pipeline, deploy, unnamed");
  g_assert_null (racimo_checks_get_item_findings (f->checks, RACIMO_ITEM (mle)));
  racimo_project_toggle_code (f->project, RACIMO_ACTIVITY (item (f, "retraining")), mle, 'A');
  racimo_project_toggle_code (f->project, RACIMO_ACTIVITY (item (f, "retraining")), mle, 'C');
  assert_owned (details, "collect, data-pipeline, retraining, deploy, unnamed");
  g_assert_cmpuint (racimo_role_details_get_count (details, 'C'), ==, 1);

  /* An activity that does not apply leaves the workload, as in the
   * matrix's workload row and the printed summary (racimo-workload.c). */
  g_assert_cmpuint (racimo_role_details_get_count (details, 'A'), ==, 5);
  racimo_project_set_applicable (f->project, RACIMO_ACTIVITY (item (f, "deploy")), FALSE);
  g_assert_cmpuint (racimo_role_details_get_count (details, 'A'), ==, 4);
  racimo_history_undo (history);
  g_assert_cmpuint (racimo_role_details_get_count (details, 'A'), ==, 5);

  racimo_ui_test_wait_for_frames (f->window);
  g_assert_nonnull (find_label (GTK_WIDGET (details), "Owns 5 activities"));
  g_assert_null (find_label (GTK_WIDGET (details), "Overloaded role"));

  /* A rename shows at once. */
  racimo_project_rename (f->project, item (f, "data-pipeline"), "Build the feature store");
  racimo_ui_test_wait_for_frames (f->window);
  g_assert_nonnull (find_label (GTK_WIDGET (details), "Build the feature store"));

  /* Moved: the list follows the document. */
  racimo_project_move_activity (f->project, RACIMO_ACTIVITY (item (f, "unnamed")),
                                RACIMO_PHASE (item (f, "data")), 0);
  assert_owned (details, "unnamed, collect, data-pipeline, retraining, deploy");

  /* A code the scheme does not define is counted apart. */
  racimo_checks_panel_show_role (f->panel, RACIMO_ROLE (item (f, "data-scientist")));
  g_assert_cmpuint (racimo_role_details_get_count (details, 'S'), ==, 1);
  racimo_ui_test_wait_for_frames (f->window);
  g_assert_nonnull (find_label (GTK_WIDGET (details), "Not in this scheme"));

  /* The role removed: back to the findings; undone, nothing breaks. */
  racimo_project_remove_role (f->project, RACIMO_ROLE (item (f, "data-scientist")));
  g_assert_null (racimo_checks_panel_get_role (f->panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "findings");
  racimo_history_undo (history);

  /* The back button. */
  racimo_checks_panel_show_role (f->panel, mle);
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "checks.show-findings", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "findings");
  g_assert_null (racimo_checks_panel_get_role (f->panel));
  assert_consistent (f);
}

static void
test_no_leak (void)
{
  RacimoProject *project = racimo_ui_test_load_project ("panel-problems.raci");
  RacimoChecks *checks = racimo_checks_new (project);
  GtkWidget *panel = racimo_checks_panel_new ();

  g_object_ref_sink (panel);
  racimo_checks_panel_set_checks (RACIMO_CHECKS_PANEL (panel), checks);
  racimo_checks_panel_show_role (RACIMO_CHECKS_PANEL (panel),
                                 RACIMO_ROLE (racimo_project_lookup (project, "ml-engineer")));
  racimo_project_toggle_code (project,
                              RACIMO_ACTIVITY (racimo_project_lookup (project, "retraining")),
                              RACIMO_ROLE (racimo_project_lookup (project, "ml-engineer")), 'A');

  /* The panel lets go of the project when it goes. */
  g_assert_finalize_object (panel);
  g_assert_finalize_object (checks);
  g_assert_finalize_object (project);
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

#define ADD(name, func, file) \
  g_test_add ("/checks-panel/" name, Fixture, file, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/checks-panel/summary-text", test_summary_text);
  g_test_add_func ("/checks-panel/flattened", test_flattened);
  ADD ("listed", test_listed, NULL);
  ADD ("select", test_select, NULL);
  ADD ("next-previous", test_next_previous, NULL);
  ADD ("quick-fix", test_quick_fix, NULL);
  ADD ("waive", test_waive, NULL);
  ADD ("updates", test_updates, NULL);
  ADD ("drawn-rows", test_drawn_rows, NULL);
  ADD ("scroll-bar", test_scroll_bar, NULL);
  ADD ("random", test_random, NULL);
  ADD ("empty", test_empty, "panel-clean.raci");
  ADD ("role-details", test_role_details, NULL);
  g_test_add_func ("/checks-panel/scroll-bar-gone", test_scroll_bar_gone);
  g_test_add_func ("/checks-panel/no-leak", test_no_leak);

  return racimo_ui_test_run ();
}
