/* racimo-ui-test.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-matrix-view.h"
#include "racimo-project.h"
#include "racimo-test.h"
#include "racimo-window.h"

G_BEGIN_DECLS

/* Starts a UI test program: gives it a folder of its own as
 * XDG_DATA_HOME (the recent files list and the drafts go there, not to
 * the user's; G_TEST_OPTION_ISOLATE_DIRS would hide the system's icons),
 * calls g_test_init (), opens the display and starts libadwaita.  Without
 * a display, says that the tests are skipped and returns FALSE: main ()
 * then returns 0. */
gboolean racimo_ui_test_display_required (void);
gboolean racimo_ui_test_init        (int    *argc,
                                     char ***argv);
/* The same, for tests that open no display themselves */
void racimo_ui_test_init_without_display (int    *argc,
                                          char ***argv);
/* Runs the tests, removes the folder of racimo_ui_test_init (), and
 * returns what main () returns. */
int  racimo_ui_test_run             (void);

/* Runs the main loop until nothing is pending. */
void racimo_ui_test_spin            (void);
/* Waits until @widget has been drawn twice: laid out, then painted. */
void racimo_ui_test_wait_for_frames (GtkWidget  *widget);
/* The first of @widget and the widgets inside it, depth first, for which
 * @match returns TRUE, or %NULL */
GtkWidget *racimo_ui_test_find_widget (GtkWidget  *widget,
                                       gboolean  (*match) (GtkWidget *widget,
                                                           gpointer   data),
                                       gpointer    data);
/* The event controller of @type on @widget, or %NULL */
GtkEventController *racimo_ui_test_find_controller (GtkWidget *widget,
                                                    GType      type);
/* The event controller of @widget named @name, or %NULL */
GtkEventController *racimo_ui_test_find_named_controller (GtkWidget  *widget,
                                                          const char *name);
/* Presses @keyval with @state on @widget, as GTK would: its shortcut
 * controllers (the class's key bindings among them) and its key
 * controllers, in order, until one takes the key.  Returns whether one did. */
gboolean racimo_ui_test_press_key (GtkWidget       *widget,
                                   guint            keyval,
                                   GdkModifierType  state);
/* Loads tests/files/@name, which must open. */
RacimoProject *racimo_ui_test_load_project (const char *name);

/* What @widget shows after @what equals what it draws from nothing: the
 * drawing it keeps from frame to frame is never out of date. */
void racimo_ui_test_assert_drawn_afresh (GtkWidget  *widget,
                                         const char *what);
/* The render node that @widget keeps from its last frame */
GskRenderNode *racimo_ui_test_widget_node (GtkWidget *widget);
/* The nodes right under @node: a container's, or the child of a transform,
 * clip, rounded clip or opacity node */
GPtrArray *racimo_ui_test_child_nodes (GskRenderNode *node);

/* The cursor of @view is on @row, @column. */
void racimo_ui_test_assert_cursor    (RacimoMatrixView *view,
                                      int               row,
                                      int               column);
/* The cursor of @view is on the row of the item @id of @project, in
 * @column. */
void racimo_ui_test_assert_cursor_on (RacimoMatrixView *view,
                                      RacimoProject    *project,
                                      const char       *id,
                                      int               column);

/* A window showing a new project made from the template @template_id */
RacimoWindow *racimo_ui_test_window_with_template (const char *template_id);
/* A window of @width x @height showing @project, drawn */
RacimoWindow *racimo_ui_test_show_project (RacimoProject *project,
                                           int            width,
                                           int            height);
/* Runs the main loop until @window has no work under way. */
void racimo_ui_test_wait_idle       (RacimoWindow *window);
/* The widget named @name (gtk_widget_set_name (), or "name" in a .ui file)
 * in @root or under it, or NULL. */
GtkWidget *racimo_ui_test_find_named (GtkWidget  *root,
                                      const char *name);
/* Closes @window, which nothing else may keep alive. */
void racimo_ui_test_destroy_window  (RacimoWindow *window);
/* Makes the draft of @id look like one of a process that is gone, as after
 * a crash, so that racimo_drafts_list () lists it. */
void racimo_ui_test_orphan_draft    (const char   *id);

/* The print dialog shown over @window, or NULL; the second waits for it
 * to show, ten seconds at most. */
GtkWindow *racimo_ui_test_find_print_dialog_now (RacimoWindow *window);
GtkWindow *racimo_ui_test_find_print_dialog     (RacimoWindow *window);

G_END_DECLS
