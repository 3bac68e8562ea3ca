/* test-compare-window.c: compare mode, driven through the window's
 * actions: another copy compared, its changes marked in the grid and
 * listed, stepped through, taken, kept, undone, and compare mode left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "racimo-compare-panel.h"
#include "racimo-compat.h"
#include "racimo-drafts-private.h"
#include "racimo-print-operation.h"
#include "racimo-test-pdf.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-ui-test.h"

#define CHANGED (1u << RACIMO_DIFFERENCE_CHANGED)
#define MOVED (1u << RACIMO_DIFFERENCE_MOVED)
#define REMOVED (1u << RACIMO_DIFFERENCE_REMOVED)

typedef struct
{
  RacimoWindow  *window;
  RacimoProject *project;
} Fixture;

static gboolean
comparing (gpointer data)
{
  return _racimo_window_get_compare_panel (data) != NULL;
}

/* @data: the pair of files compared, "mine.raci" and "theirs.raci" or,
 * with "-project", those that change the project, roles, phases, people */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *suffix = data != NULL ? data : "";
  g_autofree char *theirs_name = g_strdup_printf ("theirs%s.raci", suffix);
  g_autofree char *mine_name = g_strdup_printf ("compare/mine%s.raci", suffix);
  g_autoptr(GFile) theirs = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "files",
                                                                      "compare", theirs_name,
                                                                      NULL));

  f->project = racimo_ui_test_load_project (mine_name);
  f->window = racimo_ui_test_show_project (f->project, 1100, 720);

  g_assert_null (_racimo_window_get_compare_panel (f->window));
  _racimo_window_compare_with_file (f->window, theirs);
  racimo_test_wait_until (comparing, f->window, "compare mode");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (f->window->matrix_view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  racimo_ui_test_destroy_window (f->window);
  g_assert_finalize_object (f->project);
}

static RacimoItem *
item (Fixture    *f,
      const char *id)
{
  RacimoItem *found = racimo_project_lookup (f->project, id);

  g_assert_nonnull (found);
  return found;
}

static guint
marks (Fixture    *f,
       const char *activity,
       const char *role)
{
  return racimo_matrix_view_get_change_marks (f->window->matrix_view, item (f, activity),
                                              role != NULL ? RACIMO_ROLE (item (f, role)) : NULL);
}

static RacimoComparePanel *
panel (Fixture *f)
{
  return RACIMO_COMPARE_PANEL (_racimo_window_get_compare_panel (f->window));
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  racimo_ui_test_spin ();
}

static RacimoCodes
codes (Fixture    *f,
       const char *activity,
       const char *role)
{
  return racimo_activity_get_codes (RACIMO_ACTIVITY (item (f, activity)),
                                    RACIMO_ROLE (item (f, role)));
}

/* The grid marks each change of the other copy; the panel lists them */
static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  GPtrArray *changes = _racimo_window_get_changes (f->window);

  g_assert_cmpuint (changes->len, ==, 5);
  g_assert_cmpstr (racimo_compare_panel_get_summary (panel (f)), ==, "theirs.raci: 5 changes");
  g_assert_cmpuint (marks (f, "a1", "ds"), ==, CHANGED);
  g_assert_cmpuint (marks (f, "a1", "mle"), ==, 0);
  g_assert_cmpuint (marks (f, "a1", NULL), ==, 0);
  g_assert_cmpuint (marks (f, "a2", NULL), ==, CHANGED);
  g_assert_cmpuint (marks (f, "a3", NULL), ==, MOVED);
  g_assert_cmpuint (marks (f, "a4", NULL), ==, REMOVED);

  /* The first change is shown: the cursor on its cell */
  g_assert_cmpint (racimo_compare_panel_get_selected (panel (f)), ==, 0);
  racimo_ui_test_assert_cursor_on (f->window->matrix_view, f->project, "a1", 0);

}

static void
test_step (Fixture       *f,
           gconstpointer  data)
{
  activate (f, "win.next-change", NULL);
  g_assert_cmpint (racimo_compare_panel_get_selected (panel (f)), ==, 1);
  racimo_ui_test_assert_cursor_on (f->window->matrix_view, f->project, "a2",
                                   RACIMO_MATRIX_NAME_COLUMN);

  activate (f, "win.previous-change", NULL);
  activate (f, "win.previous-change", NULL);
  /* From the first, back to the last: Retire, which theirs removed */
  g_assert_cmpint (racimo_compare_panel_get_selected (panel (f)), ==, 4);
  racimo_ui_test_assert_cursor_on (f->window->matrix_view, f->project, "a4",
                                   RACIMO_MATRIX_NAME_COLUMN);
}

/* Taking a change is one edit, undone as any other */
static void
test_take_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  RacimoCodes r = RACIMO_CODE_BIT ('R'), a = RACIMO_CODE_BIT ('A');

  activate (f, "win.take-change", g_variant_new_uint32 (0));
  g_assert_cmpuint (codes (f, "a1", "ds"), ==, r | a);
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 4);
  g_assert_cmpuint (marks (f, "a1", "ds"), ==, 0);
  /* The next change is shown in its place */
  g_assert_cmpint (racimo_compare_panel_get_selected (panel (f)), ==, 0);
  racimo_ui_test_assert_cursor_on (f->window->matrix_view, f->project, "a2",
                                   RACIMO_MATRIX_NAME_COLUMN);

  activate (f, "win.undo", NULL);
  g_assert_cmpuint (codes (f, "a1", "ds"), ==, r);
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 5);
  g_assert_cmpuint (marks (f, "a1", "ds"), ==, CHANGED);

  /* The removal theirs made */
  activate (f, "win.take-change", g_variant_new_uint32 (4));
  g_assert_null (racimo_project_lookup (f->project, "a4"));
  activate (f, "win.undo", NULL);
  g_assert_nonnull (racimo_project_lookup (f->project, "a4"));
  g_assert_cmpuint (marks (f, "a4", NULL), ==, REMOVED);
}

/* Take All Theirs of a phase: every change of Build, one step */
static void
test_take_group (Fixture       *f,
                 gconstpointer  data)
{
  RacimoPhase *build = RACIMO_PHASE (item (f, "p1"));

  activate (f, "win.take-group", g_variant_new_string ("p1"));
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 2);
  g_assert_cmpstr (racimo_item_get_name (item (f, "a2")), ==, "Ship");
  g_assert_cmpuint (racimo_phase_get_n_activities (build), ==, 3);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (racimo_phase_get_activity (build, 1))), ==,
                   "a5");
  g_assert_cmpuint (codes (f, "a5", "ds"), ==, RACIMO_CODE_BIT ('C'));

  activate (f, "win.undo", NULL);
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 5);
  g_assert_cmpstr (racimo_item_get_name (item (f, "a2")), ==, "Deploy");
  g_assert_null (racimo_project_lookup (f->project, "a5"));
}

/* Keep Mine drops the change from the list and changes nothing */
static void
test_keep (Fixture       *f,
           gconstpointer  data)
{
  activate (f, "win.keep-change", g_variant_new_uint32 (1));
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 4);
  g_assert_cmpstr (racimo_item_get_name (item (f, "a2")), ==, "Deploy");
  g_assert_cmpuint (marks (f, "a2", NULL), ==, 0);
  g_assert_false (racimo_history_get_can_undo (racimo_project_get_history (f->project)));
}

/* Exports @f's window as a PDF, as Export PDF does once a name is chosen,
 * and returns its text. */
static char *
export_text (Fixture *f)
{
  g_autofree char *dir = g_dir_make_tmp ("racimo-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *text;

  racimo_window_export_pdf (f->window, file);
  racimo_ui_test_wait_idle (f->window);
  text = racimo_test_pdf_get_text (path);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return text;
}

/* Printing and the PDF export in compare mode mark the changes listed:
 * not those kept, and none once compare mode is left */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = export_text (f);
  const RacimoPaginationOptions *options;
  GtkWindow *dialog;

  /* a5 is only in theirs: it has no row to be marked in */
  g_assert_nonnull (strstr (text, "Changes from “theirs.raci” (1 change is not shown: it is in "
                                  "an activity or a role that only that copy has) Release"));
  g_assert_nonnull (strstr (text, "Changed cell"));
  g_assert_nonnull (strstr (text, "Changed activity"));
  g_assert_nonnull (strstr (text, "Moved activity"));
  g_assert_nonnull (strstr (text, "Removed activity"));

  /* The print dialog lays out the same changes */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL);
  dialog = racimo_ui_test_find_print_dialog (f->window);
  g_assert_nonnull (dialog);
  options = racimo_print_operation_get_options (f->window->printing);
  g_assert_cmpuint (options->changes->len, ==, 5);
  g_assert_cmpstr (options->compared_with, ==, "theirs.raci");
  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_CANCEL);
  racimo_ui_test_spin ();
  g_assert_null (racimo_ui_test_find_print_dialog_now (f->window));

  /* The move kept: no longer marked on paper */
  for (guint i = 0; i < _racimo_window_get_changes (f->window)->len; i++)
    {
      const RacimoDifference *change = g_ptr_array_index (_racimo_window_get_changes (f->window),
                                                          i);

      if (change->kind == RACIMO_DIFFERENCE_MOVED)
        {
          activate (f, "win.keep-change", g_variant_new_uint32 (i));
          break;
        }
    }
  g_clear_pointer (&text, g_free);
  text = export_text (f);
  g_assert_null (strstr (text, "Moved activity"));
  g_assert_nonnull (strstr (text, "Removed activity"));

  activate (f, "win.leave-compare", NULL);
  g_clear_pointer (&text, g_free);
  text = export_text (f);
  g_assert_null (strstr (text, "theirs.raci"));
  g_assert_null (strstr (text, "Changed cell"));
}

/* An activity only theirs has: the grid shows where taking it puts it,
 * after Train; taking it adds it there */
static void
test_added_place (Fixture       *f,
                  gconstpointer  data)
{
  RacimoPhase *build = RACIMO_PHASE (item (f, "p1"));

  activate (f, "win.next-change", NULL);
  activate (f, "win.next-change", NULL);
  g_assert_cmpint (racimo_compare_panel_get_selected (panel (f)), ==, 2);
  racimo_ui_test_assert_cursor_on (f->window->matrix_view, f->project, "a1",
                                   RACIMO_MATRIX_NAME_COLUMN);

  activate (f, "win.take-change", g_variant_new_uint32 (2));
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (racimo_phase_get_activity (build, 1))), ==,
                   "a5");
  activate (f, "win.undo", NULL);
  g_assert_null (racimo_project_lookup (f->project, "a5"));
}

/* The widgets of the panel that @wanted accepts, depth first */
static GPtrArray *
find_widgets (Fixture *f,
              gboolean (*wanted) (GtkWidget *widget))
{
  GPtrArray *found = g_ptr_array_new ();
  GtkWidget *widget = GTK_WIDGET (panel (f));

  while (widget != NULL)
    {
      GtkWidget *next;

      if (wanted (widget))
        g_ptr_array_add (found, widget);

      next = gtk_widget_get_first_child (widget);
      while (next == NULL && widget != GTK_WIDGET (panel (f)))
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }

  return found;
}

/* A group's heading: a heading beside its Take All Theirs */
static gboolean
is_heading (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading") &&
         GTK_IS_BOX (parent) &&
         gtk_orientable_get_orientation (GTK_ORIENTABLE (parent)) == GTK_ORIENTATION_HORIZONTAL;
}

static gboolean
is_take_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Take _Theirs") == 0;
}

/* The headings of the panel's groups, joined by "|" */
static char *
headings (Fixture *f)
{
  g_autoptr(GPtrArray) labels = find_widgets (f, is_heading);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (text, "%s|", gtk_label_get_label (g_ptr_array_index (labels, i)));

  return g_string_free (text, FALSE);
}

/* Project, roles, people and phases each in a group of their own */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  GPtrArray *changes = _racimo_window_get_changes (f->window);
  g_autofree char *groups = headings (f);
  RacimoDifference *rename = g_ptr_array_index (changes, 4);

  g_assert_cmpuint (changes->len, ==, 20);
  g_assert_cmpstr (groups, ==, "Project|Roles|People|Build|Run|Old|Launch|");
  g_assert_cmpstr (rename->detail, ==, "Role “Data scientist” renamed to “Data lead”");

  /* The first change, the title: nothing to show in the grid */
  g_assert_cmpint (racimo_compare_panel_get_selected (panel (f)), ==, 0);

  /* A role's change shows its column */
  activate (f, "win.next-change", NULL);
  activate (f, "win.next-change", NULL);
  g_assert_cmpint (racimo_compare_panel_get_selected (panel (f)), ==, 2);
  racimo_ui_test_assert_cursor (f->window->matrix_view, RACIMO_MATRIX_HEADER_ROW,
                                racimo_project_index_of_role (f->project,
                                                              RACIMO_ROLE (item (f, "mle"))));
}

/* The Take Theirs buttons of the panel, one per change, in order */
static GPtrArray *
take_buttons (Fixture *f)
{
  return find_widgets (f, is_take_button);
}

/* Making Cy a member waits for Cy: its Take Theirs is off until then */
static void
test_take_needs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = take_buttons (f);
  g_autoptr(GPtrArray) after = NULL;
  RacimoDifference *member = g_ptr_array_index (_racimo_window_get_changes (f->window), 6);

  g_assert_cmpuint (buttons->len, ==, 20);
  g_assert_cmpstr (member->detail, ==, "Role “Data lead”: “Cy” added as a member");
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (buttons, 6)));
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (buttons, 4)));
  /* Announce, in a phase mine lacks */
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (buttons, 19)));

  activate (f, "win.take-change", g_variant_new_uint32 (11));
  g_assert_true (RACIMO_IS_PERSON (racimo_project_lookup (f->project, "cy")));
  after = take_buttons (f);
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (after, 6)));
  activate (f, "win.take-change", g_variant_new_uint32 (6));
  g_assert_cmpint (racimo_role_index_of_member (RACIMO_ROLE (item (f, "ds")),
                                                RACIMO_PERSON (item (f, "cy"))), ==, 1);
}

/* Taking a role's rename, undone */
static void
test_take_role (Fixture       *f,
                gconstpointer  data)
{
  activate (f, "win.take-change", g_variant_new_uint32 (4));
  g_assert_cmpstr (racimo_item_get_name (item (f, "ds")), ==, "Data lead");
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 19);

  activate (f, "win.undo", NULL);
  g_assert_cmpstr (racimo_item_get_name (item (f, "ds")), ==, "Data scientist");
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 20);
}

/* Take All Theirs of People and of the project: each one step */
static void
test_take_people (Fixture       *f,
                  gconstpointer  data)
{
  activate (f, "win.take-group", g_variant_new_string ("#people"));
  g_assert_cmpstr (racimo_person_get_email (RACIMO_PERSON (item (f, "ana"))), ==,
                   "ana@example.org");
  g_assert_true (RACIMO_IS_PERSON (racimo_project_lookup (f->project, "cy")));
  g_assert_null (racimo_project_lookup (f->project, "bo"));
  /* The roles' changes stay; Cy can be made a member now */
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 17);
  g_assert_cmpstr (racimo_project_get_title (f->project), ==, "Release");

  activate (f, "win.take-group", g_variant_new_string ("#project"));
  g_assert_cmpstr (racimo_project_get_title (f->project), ==, "Release 2");
  g_assert_cmpstr (racimo_project_get_scheme_id (f->project), ==, "RASCI");

  activate (f, "win.undo", NULL);
  g_assert_cmpstr (racimo_project_get_title (f->project), ==, "Release");
  g_assert_true (RACIMO_IS_PERSON (racimo_project_lookup (f->project, "cy")));
  activate (f, "win.undo", NULL);
  g_assert_nonnull (racimo_project_lookup (f->project, "bo"));
  g_assert_null (racimo_project_lookup (f->project, "cy"));
  g_assert_cmpuint (_racimo_window_get_changes (f->window)->len, ==, 20);
}

/* On paper, the changes of the project, roles, people and phases have no
 * row to mark, and are not counted as changes of what only theirs has:
 * Announce is; Train, whose waiver theirs added, is a changed activity */
static void
test_print_groups (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = export_text (f);

  g_assert_nonnull (strstr (text, "Changes from “theirs-project.raci” (1 change is not shown: "
                                  "it is in an activity or a role that only that copy has)"));
  g_assert_nonnull (strstr (text, "Changed activity"));
}

/* Leaving restores the normal view */
static void
test_leave (Fixture       *f,
            gconstpointer  data)
{
  activate (f, "win.leave-compare", NULL);
  g_assert_null (_racimo_window_get_compare_panel (f->window));
  g_assert_null (_racimo_window_get_changes (f->window));
  g_assert_cmpuint (marks (f, "a1", "ds"), ==, 0);
  g_assert_cmpuint (marks (f, "a4", NULL), ==, 0);
  racimo_ui_test_assert_drawn_afresh (GTK_WIDGET (f->window->matrix_view), "leaving compare mode");
}

static gboolean
has_alert (gpointer data)
{
  return _racimo_window_get_alert (data) != NULL;
}

/* A copy that cannot be read is an alert naming it; compare mode does not
 * start */
static void
test_unreadable (void)
{
  g_autoptr(RacimoProject) project = racimo_ui_test_load_project ("compare/mine.raci");
  RacimoWindow *window = racimo_ui_test_show_project (project, 1100, 720);
  g_autoptr(GFile) bad = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "files", "bad",
                                                                   "empty.raci", NULL));

  _racimo_window_compare_with_file (window, bad);
  racimo_test_wait_until (has_alert, window, "the alert");
  g_assert_cmpstr (racimo_compat_alert_get_heading (_racimo_window_get_alert (window)), ==,
                   "Could Not Compare With “empty.raci”");
  g_assert_null (_racimo_window_get_compare_panel (window));

  racimo_compat_alert_respond (_racimo_window_get_alert (window), "close");
  racimo_ui_test_destroy_window (window);
}

/* "Compare With" offers the unsaved changes of the same file that a crash
 * left, and compares with them */
static void
test_draft (void)
{
  g_autofree char *dir = g_dir_make_tmp ("racimo-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.raci", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *mine_text = NULL;
  g_autoptr(RacimoProject) theirs = racimo_ui_test_load_project ("compare/theirs.raci");
  g_autofree char *id = g_uuid_string_random ();
  RacimoDraftState state = { id, "Release", theirs, file, RACIMO_DOCUMENT_SOURCE_RACI, NULL,
                             NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenuItem) item = NULL;
  g_autoptr(GVariant) target = NULL;
  RacimoWindow *window;
  GMenuModel *menu;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "files", "compare",
                                                           "mine.raci", NULL),
                                      &mine_text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, mine_text, -1, NULL));
  g_assert_true (_racimo_drafts_write (racimo_drafts_get_default (), &state, &error));
  g_assert_no_error (error);
  racimo_ui_test_orphan_draft (id);

  window = racimo_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  racimo_window_open_file (window, file);
  while (racimo_window_get_project (window) == NULL || !racimo_window_is_idle (window))
    g_main_context_iteration (NULL, TRUE);
  racimo_ui_test_spin ();

  /* The project menu offers it, below "Compare With…" */
  menu = G_MENU_MODEL (window->compare_drafts_menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, id);
  {
    g_autoptr(GVariant) label = g_menu_model_get_item_attribute_value (menu, 0,
                                                                       G_MENU_ATTRIBUTE_LABEL,
                                                                       G_VARIANT_TYPE_STRING);

    /* The day unpadded, as in "of 8 Dec 04:27" */
    g_assert_true (g_regex_match_simple ("^Compare With Unsaved Changes of [1-9][0-9]? \\S+ "
                                         "[0-9][0-9]:[0-9][0-9]$",
                                         g_variant_get_string (label, NULL), 0, 0));
  }

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window),
                                                     "win.compare-with-draft", target));
  racimo_test_wait_until (comparing, window, "compare mode");
  g_assert_cmpuint (_racimo_window_get_changes (window)->len, ==, 5);
  g_assert_cmpstr (racimo_compare_panel_get_summary (
                     RACIMO_COMPARE_PANEL (_racimo_window_get_compare_panel (window))), ==,
                   "Unsaved changes: 5 changes");

  /* Restored, the draft is the window's own: no longer offered */
  {
    g_autoptr(GPtrArray) drafts = racimo_drafts_list (racimo_drafts_get_default ());

    g_assert_cmpuint (drafts->len, ==, 1);
    racimo_window_offer_draft (window, g_ptr_array_index (drafts, 0));
  }
  racimo_compat_alert_respond (_racimo_window_get_alert (window), "restore");
  while (racimo_window_get_document (window) == NULL ||
         g_strcmp0 (racimo_document_get_draft_id (racimo_window_get_document (window)), id) != 0 ||
         !racimo_window_is_idle (window))
    g_main_context_iteration (NULL, TRUE);
  racimo_ui_test_spin ();
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 0);

  racimo_ui_test_destroy_window (window);
  g_assert_true (racimo_drafts_remove (racimo_drafts_get_default (), id, NULL));
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/compare-window/marks", test_marks);
  ADD ("/compare-window/step", test_step);
  ADD ("/compare-window/take-and-undo", test_take_and_undo);
  ADD ("/compare-window/take-group", test_take_group);
  ADD ("/compare-window/keep", test_keep);
  ADD ("/compare-window/leave", test_leave);
  ADD ("/compare-window/print", test_print);
  ADD ("/compare-window/added-place", test_added_place);
#undef ADD
#define ADD(path, func) \
  g_test_add (path, Fixture, "-project", fixture_set_up, func, fixture_tear_down)
  ADD ("/compare-window/groups", test_groups);
  ADD ("/compare-window/take-role", test_take_role);
  ADD ("/compare-window/take-needs", test_take_needs);
  ADD ("/compare-window/take-people", test_take_people);
  ADD ("/compare-window/print-groups", test_print_groups);
#undef ADD
  g_test_add_func ("/compare-window/draft", test_draft);
  g_test_add_func ("/compare-window/unreadable", test_unreadable);

  return racimo_ui_test_run ();
}
