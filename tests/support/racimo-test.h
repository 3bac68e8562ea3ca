/* racimo-test.h: what the tests share, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-project.h"

G_BEGIN_DECLS

/* Compares the string @text_expr returns with @expected, and frees it; a
 * macro, so that a failure names the line of the test. */
#define racimo_test_assert_text(text_expr, expected) \
  G_STMT_START { \
    g_autofree char *racimo_text_ = (text_expr); \
    g_assert_cmpstr (racimo_text_, ==, (expected)); \
  } G_STMT_END

/* Runs the main loop until @done (@data) says so, failing the test after
 * 10 s with "Timed out after 10 s waiting for @what".  A tick wakes the
 * loop now and then, for what no event announces (a file's contents). */
void            racimo_test_wait_until             (gboolean  (*done) (gpointer),
                                                    gpointer    data,
                                                    const char *what);
/* Drops the caller's reference to @object and waits until nothing else
 * keeps it alive: work under way (a draft being written, a callback not
 * yet run) may hold it until that work is done. */
void            racimo_test_wait_finalized         (gpointer    object,
                                                    const char *what);

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult * that
 * @user_data points to */
void            racimo_test_store_result           (GObject      *source,
                                                    GAsyncResult *result,
                                                    gpointer      user_data);
/* Waits until racimo_test_store_result () has filled @slot; returns it. */
GAsyncResult   *racimo_test_await                  (GAsyncResult **slot,
                                                    const char    *what);

/* The number of GTasks finalized without ever returning a result, from
 * the first call on.  GLib 2.76 and later warn about each ("GTask
 * finalized without ever returning"); 2.74 says nothing, so the tests
 * count them on both. */
guint           racimo_test_count_unreturned_tasks (void);

/* A GObject::notify handler that counts, in the guint @user_data points to */
void            racimo_test_count_notify           (GObject    *object,
                                                    GParamSpec *pspec,
                                                    gpointer    user_data);

/* The set of codes of @letters, "RA" for R and A */
RacimoCodes     racimo_test_codes                  (const char *letters);

/* The item of @project with the id @id, which must exist */
RacimoItem     *racimo_test_item                   (RacimoProject *project,
                                                    const char    *id);

/* The first activity of the first phase of @project, which must have one */
RacimoActivity *racimo_test_first_activity         (RacimoProject *project);
/* Renames that activity, as a user does (with history) */
void            racimo_test_rename_first_activity  (RacimoProject *project,
                                                    const char    *name);

/* A new, empty folder in the temporary folder, named after @prefix */
char           *racimo_test_make_folder            (const char *prefix);
/* Removes @path and everything below it, even what a test made
 * read-only; links are removed, not followed. */
void            racimo_test_remove_tree            (const char *path);
/* The names in the folder @path, sorted; none when it does not exist */
GStrv           racimo_test_folder_names           (const char *path);
/* Those names joined with spaces: what a user would see listing it */
char           *racimo_test_list_folder            (const char *path);
/* The folder @path holds exactly @expected, names sorted and joined with
 * spaces */
#define racimo_test_assert_folder(path, expected) \
  racimo_test_assert_text (racimo_test_list_folder (path), (expected))
/* The contents of the file at @path, which must be readable */
char           *racimo_test_read_text              (const char *path);
/* @project in the canonical form of the file format, as a string */
char           *racimo_test_serialize              (RacimoProject *project);

G_END_DECLS
