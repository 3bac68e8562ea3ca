/* test-people-window.c: the project's properties and its people, driven
 * through the window's and the dialog's actions and keys: the title in the
 * header bar, the people editor, members, merging two people, all undone
 * from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>

#include "racimo-compat.h"
#include "racimo-matrix-view-private.h"
#include "racimo-note-popover.h"
#include "racimo-project-dialog.h"
#include "racimo-properties-popover.h"
#include "racimo-window-private.h"
#include "racimo-window.h"
#include "racimo-test-pdf.h"
#include "racimo-ui-test.h"

typedef struct
{
  RacimoWindow  *window;
  RacimoProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = racimo_ui_test_load_project ("good/people.raci");
  f->window = racimo_ui_test_show_project (f->project, 1100, 720);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  racimo_ui_test_spin ();

  /* Nothing keeps the window or the project alive: the dialog went. */
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->project);
}

static gpointer
dialog_child (RacimoProjectDialog *dialog,
              const char          *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                   RACIMO_TYPE_PROJECT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static RacimoProjectDialog *
open_dialog (Fixture    *f,
             const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  racimo_ui_test_spin ();
  g_assert_nonnull (f->window->project_dialog);
  g_assert_true (gtk_widget_get_visible (f->window->project_dialog));

  return RACIMO_PROJECT_DIALOG (f->window->project_dialog);
}

static void
undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  racimo_ui_test_spin ();
}

static RacimoPerson *
person (Fixture    *f,
        const char *id)
{
  RacimoItem *item = racimo_test_item (f->project, id);

  g_assert_true (RACIMO_IS_PERSON (item));
  return RACIMO_PERSON (item);
}

/* The header bar shows the title; a click on it opens the properties,
 * where the title, description and scheme change, each undoable. */
static void
test_project_properties (Fixture       *f,
                         gconstpointer  data)
{
  RacimoProjectDialog *dialog;
  AdwEntryRow *title_row;
  AdwComboRow *scheme_row;

  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "Model release");
  /* A click on the title opens the properties */
  g_signal_emit_by_name (racimo_ui_test_find_controller (GTK_WIDGET (f->window->window_title),
                                                         GTK_TYPE_GESTURE_CLICK),
                         "released", 1, 10.0, 10.0);
  racimo_ui_test_spin ();
  g_assert_nonnull (f->window->project_dialog);
  gtk_window_destroy (GTK_WINDOW (f->window->project_dialog));
  racimo_ui_test_spin ();

  dialog = open_dialog (f, "win.project-properties");
  title_row = dialog_child (dialog, "title_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Model release");

  /* Typed, then Enter */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Model release, second try");
  g_signal_emit_by_name (title_row, "entry-activated");
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_project_get_title (f->project), ==, "Model release, second try");
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==,
                   "• Model release, second try");

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "description_row")),
                         "From notebook to production.");
  g_signal_emit_by_name (dialog_child (dialog, "description_row"), "apply");
  g_assert_cmpstr (racimo_project_get_description (f->project), ==,
                   "From notebook to production.");

  scheme_row = dialog_child (dialog, "scheme_row");
  g_assert_cmpuint (adw_combo_row_get_selected (scheme_row), ==, 0);
  adw_combo_row_set_selected (scheme_row, 4);
  g_assert_cmpstr (racimo_project_get_scheme_id (f->project), ==, "DACI");

  /* Undone from the window, shown in the dialog */
  undo (f);
  g_assert_cmpstr (racimo_project_get_scheme_id (f->project), ==, "RACI");
  g_assert_cmpuint (adw_combo_row_get_selected (scheme_row), ==, 0);
  undo (f);
  undo (f);
  g_assert_cmpstr (racimo_project_get_title (f->project), ==, "Model release");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Model release");
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "Model release");

  /* Escape closes it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  racimo_ui_test_spin ();
  g_assert_null (f->window->project_dialog);
}

/* The people editor: add, rename, e-mail, roles, reorder, merge, remove. */
static void
test_people_editor (Fixture       *f,
                    gconstpointer  data)
{
  RacimoProjectDialog *dialog = open_dialog (f, "win.people");
  RacimoRole *auditor = RACIMO_ROLE (racimo_test_item (f->project, "auditor"));
  RacimoPerson *added;
  GtkWidget *row;
  GtkWidget *name_row = NULL;
  GtkWidget *email_row = NULL;
  GtkWidget *auditor_check = NULL;

  g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (dialog))
                 == dialog_child (dialog, "people_page"));
  g_assert_nonnull (racimo_project_dialog_get_person_row (dialog, person (f, "lee-min")));

  /* Add: a new person, whose row opens */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.add", NULL));
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_people (f->project), ==, 5);
  added = racimo_project_get_person (f->project, 4);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (added)), ==, "New Person");
  row = racimo_project_dialog_get_person_row (dialog, added);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* Its name, its e-mail address, a role: the widgets of the row */
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; )
    {
      if (ADW_IS_ENTRY_ROW (w) && name_row == NULL)
        name_row = w;
      else if (ADW_IS_ENTRY_ROW (w))
        email_row = w;
      else if (GTK_IS_CHECK_BUTTON (w) && g_object_get_data (G_OBJECT (w), "role") == auditor)
        auditor_check = w;

      /* Depth first */
      if (gtk_widget_get_first_child (w) != NULL && !ADW_IS_ENTRY_ROW (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (name_row);
  g_assert_nonnull (email_row);
  g_assert_nonnull (auditor_check);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ana Souza");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (added)), ==, "Ana Souza");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ana@example.com");
  g_signal_emit_by_name (email_row, "entry-activated");
  g_assert_cmpstr (racimo_person_get_email (added), ==, "ana@example.com");

  /* The auditor role, unstaffed until now */
  g_assert_true (racimo_checks_item_has (racimo_window_get_checks (f->window),
                                         RACIMO_ITEM (auditor), RACIMO_CHECK_UNSTAFFED_ROLE));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (auditor_check), TRUE);
  g_assert_cmpstr (racimo_role_get_person (auditor), ==, "Ana Souza");
  g_assert_false (racimo_checks_item_has (racimo_window_get_checks (f->window),
                                          RACIMO_ITEM (auditor), RACIMO_CHECK_UNSTAFFED_ROLE));
  racimo_ui_test_spin ();

  /* Reorder */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.move-up", "s",
                                             racimo_item_get_id (RACIMO_ITEM (added))));
  racimo_ui_test_spin ();
  g_assert_cmpint (racimo_project_index_of_person (f->project, added), ==, 3);

  /* Merge: the new person is Marta Ruiz, entered twice */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.merge", "(ss)",
                                             "ruiz-marta",
                                             racimo_item_get_id (RACIMO_ITEM (added))));
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_people (f->project), ==, 4);
  g_assert_cmpstr (racimo_role_get_person (auditor), ==, "Marta Ruiz");
  g_assert_cmpstr (racimo_person_get_email (person (f, "ruiz-marta")), ==, "ana@example.com");
  g_assert_null (racimo_project_dialog_get_person_row (dialog, added));

  /* Remove Lee Min: the ML engineer keeps its other members */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.remove", "s",
                                             "lee-min"));
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_role_get_person (RACIMO_ROLE (racimo_test_item (f->project,
                                                                           "ml-engineer"))),
                   ==, "Sato Hanako, 木村 葵");

  /* Every step undone from the window: add, name, e-mail, role, move,
   * merge, remove */
  for (guint i = 0; i < 7; i++)
    undo (f);
  g_assert_cmpuint (racimo_project_get_n_people (f->project), ==, 4);
  g_assert_null (racimo_role_get_person (auditor));
  g_assert_null (racimo_person_get_email (person (f, "ruiz-marta")));
  g_assert_nonnull (racimo_project_dialog_get_person_row (dialog, person (f, "lee-min")));
}

/* The quick fix of an unstaffed role adds a person who holds it, in one
 * step, and opens them to be named; a person's finding opens them too. */
static void
test_quick_fixes (Fixture       *f,
                  gconstpointer  data)
{
  RacimoRole *auditor = RACIMO_ROLE (racimo_test_item (f->project, "auditor"));
  RacimoChecks *checks = racimo_window_get_checks (f->window);
  RacimoPerson *added;
  RacimoProjectDialog *dialog;

  g_assert_true (racimo_checks_item_has (checks, RACIMO_ITEM (auditor),
                                         RACIMO_CHECK_UNSTAFFED_ROLE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.staff-role", "s",
                                             "auditor"));
  racimo_ui_test_spin ();
  g_assert_cmpuint (racimo_project_get_n_people (f->project), ==, 5);
  added = racimo_project_get_person (f->project, 4);
  g_assert_cmpint (racimo_role_index_of_member (auditor, added), ==, 0);
  g_assert_false (racimo_checks_item_has (checks, RACIMO_ITEM (auditor),
                                          RACIMO_CHECK_UNSTAFFED_ROLE));
  g_assert_cmpstr (racimo_history_get_undo_label (racimo_project_get_history (f->project)), ==,
                   "Add a Person");
  dialog = RACIMO_PROJECT_DIALOG (f->window->project_dialog);
  g_assert_nonnull (dialog);
  g_assert_true (adw_expander_row_get_expanded (
                   ADW_EXPANDER_ROW (racimo_project_dialog_get_person_row (dialog, added))));

  undo (f);
  g_assert_cmpuint (racimo_project_get_n_people (f->project), ==, 4);
  g_assert_true (racimo_checks_item_has (checks, RACIMO_ITEM (auditor),
                                         RACIMO_CHECK_UNSTAFFED_ROLE));

  /* Kimura's waived finding, picked in the checks panel */
  gtk_window_destroy (GTK_WINDOW (dialog));
  racimo_ui_test_spin ();
  g_signal_emit_by_name (_racimo_window_get_checks_panel (f->window), "finding-activated",
                         racimo_test_item (f->project, "kimura-aoi"),
                         (guint) RACIMO_CHECK_OVERLOADED_PERSON);
  racimo_ui_test_spin ();
  dialog = RACIMO_PROJECT_DIALOG (f->window->project_dialog);
  g_assert_nonnull (dialog);
  g_assert_true (adw_expander_row_get_expanded (
                   ADW_EXPANDER_ROW (racimo_project_dialog_get_person_row (
                     dialog, person (f, "kimura-aoi")))));
}

static void
put_cursor (Fixture    *f,
            const char *activity_id,
            const char *role_id)
{
  RacimoMatrixView *view = racimo_window_get_matrix_view (f->window);
  int row = racimo_matrix_view_find_row (view, racimo_test_item (f->project, activity_id));
  int column = racimo_project_index_of_role (f->project,
                                             RACIMO_ROLE (racimo_test_item (f->project, role_id)));

  g_assert_cmpint (row, >=, 0);
  racimo_matrix_view_set_cursor (view, row, column);
  racimo_ui_test_spin ();
}

/* Notes from the keyboard: Shift+F2 opens the cell's note, Save (Ctrl+Enter)
 * keeps it, undo takes it back; a screen reader hears the note with the
 * cell, and the search finds it. */
static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  RacimoMatrixView *view = racimo_window_get_matrix_view (f->window);
  RacimoActivity *first = RACIMO_ACTIVITY (racimo_test_item (f->project, "first-model"));
  RacimoRole *manager = RACIMO_ROLE (racimo_test_item (f->project, "account-manager"));
  RacimoFilter *filter = _racimo_window_get_filter (f->window);
  GtkTextBuffer *buffer;
  GtkWidget *text_view;

  gtk_widget_grab_focus (GTK_WIDGET (view));

  /* The note read from the file, told with its cell */
  put_cursor (f, "first-model", "reviewer");
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (view), ==,
                   "Note: 精度が基準を下回ったら差し戻す。");

  /* A new note, from the keyboard */
  put_cursor (f, "first-model", "account-manager");
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (view), ==, "");
  g_assert_true (racimo_ui_test_press_key (GTK_WIDGET (view), GDK_KEY_F2, GDK_SHIFT_MASK));
  racimo_ui_test_spin ();
  g_assert_nonnull (view->note_popover);
  g_assert_true (gtk_widget_get_visible (view->note_popover));
  text_view = GTK_WIDGET (gtk_widget_get_template_child (view->note_popover,
                                                        RACIMO_TYPE_NOTE_POPOVER, "text_view"));
  g_assert_nonnull (text_view);
  g_assert_true (gtk_widget_has_focus (text_view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (buffer, "Ask the sponsor\nbefore the kick-off.", -1);
  g_assert_true (gtk_widget_activate_action (view->note_popover, "note.save", NULL));
  racimo_ui_test_spin ();
  g_assert_false (gtk_widget_get_visible (view->note_popover));
  g_assert_cmpstr (racimo_activity_get_note (first, manager), ==,
                   "Ask the sponsor\nbefore the kick-off.");
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (view), ==,
                   "Note: Ask the sponsor\nbefore the kick-off.");
  racimo_ui_test_wait_for_frames (GTK_WIDGET (view));

  /* Found by the search */
  racimo_filter_set_search_text (filter, "sponsor");
  g_assert_cmpuint (racimo_filter_get_n_shown (filter), ==, 1);
  g_assert_true (racimo_filter_matches (filter, first));
  racimo_filter_set_search_text (filter, "");

  /* Opened again, it shows the note; Delete Note takes it away */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "matrix.edit-note", NULL));
  racimo_ui_test_spin ();
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Ask the sponsor\nbefore the kick-off.");
  }
  g_assert_true (gtk_widget_activate_action (view->note_popover, "note.delete", NULL));
  racimo_ui_test_spin ();
  g_assert_null (racimo_activity_get_note (first, manager));

  /* Both undone from the window */
  undo (f);
  g_assert_nonnull (racimo_activity_get_note (first, manager));
  undo (f);
  g_assert_null (racimo_activity_get_note (first, manager));
  g_assert_cmpstr (racimo_matrix_view_get_cursor_description (view), ==, "");

  /* A row's header has no note */
  racimo_matrix_view_set_cursor (view, 0, RACIMO_MATRIX_NAME_COLUMN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "matrix.edit-note", NULL));
  racimo_ui_test_spin ();
  g_assert_false (gtk_widget_get_visible (view->note_popover));
}

static gboolean
is_marked (GtkWidget *widget,
           gpointer   mark)
{
  return g_object_get_data (G_OBJECT (widget), mark) != NULL;
}

static GtkWidget *
find_marked (GtkWidget  *widget,
             const char *mark)
{
  return racimo_ui_test_find_widget (widget, is_marked, (gpointer) mark);
}

/* A person's workload through all of their roles, in their row, following
 * the codes. */
static void
test_person_workload (Fixture       *f,
                      gconstpointer  data)
{
  RacimoProjectDialog *dialog = open_dialog (f, "win.people");
  RacimoPerson *sato = person (f, "sato-hanako");
  GtkWidget *row = racimo_project_dialog_get_person_row (dialog, sato);
  GtkWidget *workload = find_marked (row, "workload");

  g_assert_nonnull (workload);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (workload)), ==,
                   "Responsible 2, Accountable 1, Consulted 0, Informed 1");

  racimo_project_set_codes (f->project,
                            RACIMO_ACTIVITY (racimo_test_item (f->project, "data-check")),
                            RACIMO_ROLE (racimo_test_item (f->project, "account-manager")),
                            RACIMO_CODE_BIT ('C'));
  racimo_ui_test_spin ();
  row = racimo_project_dialog_get_person_row (dialog, sato);
  workload = find_marked (row, "workload");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (workload)), ==,
                   "Responsible 2, Accountable 1, Consulted 1, Informed 0");
}

/* A role's properties: one person by name, picked or added; a role that
 * several people hold is not rewritten as one. */
static void
test_role_properties (Fixture       *f,
                      gconstpointer  data)
{
  RacimoMatrixView *view = racimo_window_get_matrix_view (f->window);
  RacimoRole *engineer = RACIMO_ROLE (racimo_test_item (f->project, "ml-engineer"));
  RacimoRole *auditor = RACIMO_ROLE (racimo_test_item (f->project, "auditor"));
  RacimoPerson *marta = person (f, "ruiz-marta");
  GtkWidget *person_entry, *abbrev, *apply;

  _racimo_matrix_view_open_properties (view, RACIMO_ITEM (engineer));
  racimo_ui_test_spin ();
  person_entry = GTK_WIDGET (gtk_widget_get_template_child (view->props_popover,
                                                      RACIMO_TYPE_PROPERTIES_POPOVER, "person"));
  abbrev = GTK_WIDGET (gtk_widget_get_template_child (view->props_popover,
                                                      RACIMO_TYPE_PROPERTIES_POPOVER, "abbrev"));
  apply = gtk_widget_get_next_sibling (gtk_widget_get_parent (person_entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (person_entry)), ==,
                   "Lee Min, Sato Hanako, 木村 葵");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (person_entry)));
  gtk_editable_set_text (GTK_EDITABLE (abbrev), "ML");
  g_signal_emit_by_name (apply, "clicked");
  racimo_ui_test_spin ();
  g_assert_cmpstr (racimo_role_get_abbrev (engineer), ==, "ML");
  g_assert_cmpuint (racimo_role_get_n_members (engineer), ==, 3);

  /* The auditor: Marta Ruiz, who is in the project already */
  _racimo_matrix_view_open_properties (view, RACIMO_ITEM (auditor));
  racimo_ui_test_spin ();
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (person_entry)));
  gtk_editable_set_text (GTK_EDITABLE (person_entry), "Marta Ruiz");
  g_signal_emit_by_name (apply, "clicked");
  racimo_ui_test_spin ();
  g_assert_true (racimo_role_get_member (auditor, 0) == marta);
  g_assert_cmpuint (racimo_project_get_n_people (f->project), ==, 4);
}

/* "Person: ..." beside the role filter */
static void
test_person_filter (Fixture       *f,
                    gconstpointer  data)
{
  RacimoFilter *filter = _racimo_window_get_filter (f->window);
  GtkDropDown *dropdown = f->window->person_dropdown;
  GListModel *names = G_LIST_MODEL (f->window->person_names);
  RacimoPerson *marta = person (f, "ruiz-marta");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 5);
  g_assert_cmpstr (gtk_string_list_get_string (f->window->person_names, 4), ==,
                   "Person: Marta Ruiz");

  /* Marta holds no role: nothing shown */
  gtk_drop_down_set_selected (dropdown, 4);
  g_assert_true (racimo_filter_get_person (filter) == marta);
  g_assert_cmpuint (racimo_filter_get_n_shown (filter), ==, 0);

  /* As an auditor, the activity where the auditor is consulted */
  racimo_project_add_member (f->project, RACIMO_ROLE (racimo_test_item (f->project, "auditor")),
                             marta);
  g_assert_cmpuint (racimo_filter_get_n_shown (filter), ==, 1);
  g_assert_true (racimo_filter_matches (
                   filter, RACIMO_ACTIVITY (racimo_test_item (f->project, "data-check"))));

  /* Renamed, the list follows; removed, the filter lets go */
  racimo_project_rename (f->project, RACIMO_ITEM (marta), "Marta Ruiz López");
  g_assert_cmpstr (gtk_string_list_get_string (f->window->person_names, 4), ==,
                   "Person: Marta Ruiz López");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 4);
  racimo_project_remove_person (f->project, marta);
  g_assert_null (racimo_filter_get_person (filter));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
}

/* The actionable widget under @widget that activates @action with the
 * string @target, or NULL. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 const char *target)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* "What does this person own?": each person of the people editor offers
 * their page as a PDF, which the window writes in a thread, upright, one
 * page, with what the person holds and through which role. */
static void
test_person_page (Fixture       *f,
                  gconstpointer  data)
{
  RacimoProjectDialog *dialog = open_dialog (f, "win.people");
  RacimoPerson *lee = person (f, "lee-min");
  g_autofree char *dir = g_dir_make_tmp ("racimo-person-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Lee Min.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *missing = g_build_filename (dir, "gone", "x.pdf", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  GtkWidget *row = racimo_project_dialog_get_person_row (dialog, lee);
  GtkWidget *button;
  GtkWidget *alert;
  double width, height;

  /* The button on the person's workload, for the window's action */
  button = find_actionable (row, "people.export-page", "lee-min");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "Export This Person’s Page as PDF…");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_nonnull (find_actionable (racimo_project_dialog_get_person_row (dialog,
                                                                           person (f, "sato-hanako")),
                                     "people.export-page", "sato-hanako"));

  /* Once a file name is chosen */
  _racimo_window_export_person_pages (f->window, lee, file);
  g_assert_false (racimo_window_is_idle (f->window));
  racimo_ui_test_wait_idle (f->window);
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  g_assert_cmpfloat (width, <, height);
  g_assert_cmpstr (adw_toast_get_title (_racimo_window_get_toast (f->window)), ==,
                   "Exported “Lee Min.pdf”");

  /* Everyone: one page per person */
  _racimo_window_export_person_pages (f->window, NULL, file);
  racimo_ui_test_wait_idle (f->window);
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==,
                    racimo_project_get_n_people (f->project));

  /* A folder that is not there: the window says why */
  _racimo_window_export_person_pages (f->window, lee, nowhere);
  racimo_ui_test_wait_idle (f->window);
  alert = _racimo_window_get_alert (f->window);
  g_assert_nonnull (alert);
  g_assert_cmpstr (racimo_compat_alert_get_heading (alert), ==, "Could Not Export “x.pdf”");
  racimo_compat_alert_respond (alert, "close");
  racimo_ui_test_spin ();

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (f->window->project_dialog));
  racimo_ui_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  if (!racimo_ui_test_init (&argc, &argv))
    return 0;

#define ADD(name, func) \
  g_test_add ("/people-window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("project-properties", test_project_properties);
  ADD ("people-editor", test_people_editor);
  ADD ("person-page", test_person_page);
  ADD ("quick-fixes", test_quick_fixes);
  ADD ("notes", test_notes);
  ADD ("person-filter", test_person_filter);
  ADD ("role-properties", test_role_properties);
  ADD ("person-workload", test_person_workload);

  return racimo_ui_test_run ();
}
