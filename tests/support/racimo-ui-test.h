/* racimo-ui-test.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-project.h"

G_BEGIN_DECLS

/* Runs the main loop until nothing is pending. */
void racimo_ui_test_spin            (void);
/* Waits until @widget has been drawn twice: laid out, then painted. */
void racimo_ui_test_wait_for_frames (GtkWidget  *widget);
/* The event controller of @type on @widget, or %NULL */
GtkEventController *racimo_ui_test_find_controller (GtkWidget *widget,
                                                    GType      type);
/* The event controller of @widget named @name, or %NULL */
GtkEventController *racimo_ui_test_find_named_controller (GtkWidget  *widget,
                                                          const char *name);
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

/* Removes @path and everything below it. */
void racimo_ui_test_remove_tree     (const char *path);

G_END_DECLS
