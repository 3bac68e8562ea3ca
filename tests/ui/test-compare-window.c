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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) theirs = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "files",
                                                                      "compare", "theirs.raci",
                                                                      NULL));

  f->project = racimo_ui_test_load_project ("compare/mine.raci");
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
#undef ADD

  return racimo_ui_test_run ();
}
