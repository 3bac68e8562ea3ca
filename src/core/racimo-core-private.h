/* racimo-core-private.h: internals shared by the files of src/core
 *
 * Only the reader, the writer, history commands and the checks use these:
 * they change the model without recording history or emitting signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

/* The reader: for tests of its validation */
typedef enum
{
  RACIMO_SCHEMA_AUTO,   /* as the shape of the tree allows */
  RACIMO_SCHEMA_ALWAYS,
  RACIMO_SCHEMA_NEVER,
} RacimoSchemaUse;

void           _racimo_file_set_schema_use     (RacimoSchemaUse use);
guint          _racimo_file_get_n_validations  (void);

/* Content of a file that Racimo does not understand (other namespaces,
 * comments, and what a newer minor version added), kept to be written back
 * in place.
 *
 * @parent says on which element it sits: NULL for the item's (or the
 * project's) own element, otherwise the key of a sub-element:
 *   "title", "description", "scheme", "name", "person", "roles", "phases",
 *   "assign ROLE-ID CODE", "waiver CHECK".
 * For an attribute, @qname is its name as written ("x:prio", "xmlns:x",
 * "xml:lang") and @value its unescaped value.
 * For a node (element, comment, processing instruction), @qname is NULL,
 * @value is the node serialised as in the file, and @anchor is the key of
 * the known child element it follows inside @parent ("" when it comes
 * first): "title", "description", "scheme", "roles", "phases", "name",
 * "person", "role ID", "phase ID", "activity ID", "assign ROLE-ID CODE",
 * "waiver CHECK"; inside the text of an element that holds text
 * ("title", "name", "waiver CHECK"...), "@N": after the first N bytes of
 * the text.  A node whose anchor is gone (or whose place an edit of the
 * text took away) is written at the end of its parent, so nothing is
 * lost. */
typedef struct
{
  char *parent;
  char *anchor;
  char *qname;
  char *value;
} RacimoForeign;

void           _racimo_foreign_free            (RacimoForeign *foreign);

/* Items */
void           _racimo_item_set_id             (RacimoItem  *self,
                                                const char  *id);
void           _racimo_item_set_name           (RacimoItem  *self,
                                                const char  *name);
void           _racimo_item_set_description    (RacimoItem  *self,
                                                const char  *description);
void           _racimo_item_set_line           (RacimoItem  *self,
                                                guint        line);
/* Sets, replaces (@reason non-NULL) or removes (@reason NULL) a waiver;
 * a new one goes after the others. */
void           _racimo_item_set_waiver         (RacimoItem  *self,
                                                const char  *check,
                                                const char  *reason);
void           _racimo_item_append_waiver      (RacimoItem  *self,
                                                const char  *check,
                                                const char  *reason);
GPtrArray     *_racimo_item_get_foreign        (RacimoItem  *self);

void           _racimo_role_set_abbrev         (RacimoRole  *self,
                                                const char  *abbrev);
void           _racimo_role_set_person         (RacimoRole  *self,
                                                const char  *person);

void           _racimo_phase_insert_activity   (RacimoPhase    *self,
                                                guint           position,
                                                RacimoActivity *activity);
void           _racimo_phase_remove_activity   (RacimoPhase    *self,
                                                RacimoActivity *activity);

void           _racimo_activity_set_codes      (RacimoActivity *self,
                                                RacimoRole     *role,
                                                RacimoCodes     codes);
void           _racimo_activity_set_applicable (RacimoActivity *self,
                                                gboolean        applicable);
void           _racimo_activity_set_phase      (RacimoActivity *self,
                                                RacimoPhase    *phase);
/* Every (role, codes) pair with codes set, in no particular order. */
GHashTable    *_racimo_activity_get_cells      (RacimoActivity *self);

/* Building a project without history, as the reader does.  Ids must be
 * unique: these return FALSE when @id is already taken. */
gboolean       _racimo_project_append_role     (RacimoProject  *self,
                                                RacimoRole     *role);
gboolean       _racimo_project_append_phase    (RacimoProject  *self,
                                                RacimoPhase    *phase);
gboolean       _racimo_project_append_activity (RacimoProject  *self,
                                                RacimoPhase    *phase,
                                                RacimoActivity *activity);
void           _racimo_project_set_title       (RacimoProject  *self,
                                                const char     *title);
void           _racimo_project_set_description (RacimoProject  *self,
                                                const char     *description);
/* An id that names no scheme of Racimo (a newer minor version's) is kept
 * and written back; checks then use RACI. */
void           _racimo_project_set_scheme_id   (RacimoProject  *self,
                                                const char     *scheme_id);
void           _racimo_project_set_version_minor (RacimoProject *self,
                                                  guint          minor);
GPtrArray     *_racimo_project_get_foreign     (RacimoProject  *self);

/* Whether the reader would open @project, serialised as @bytes, again:
 * FALSE when the file would be over RACIMO_FILE_MAX_SIZE (@long_text set
 * to NULL) or a text is over libxml2's 10,000,000 bytes (@long_text set
 * to that text).  The writer and the drafts write nothing then. */
gboolean       _racimo_file_within_limits      (RacimoProject       *project,
                                                GBytes              *bytes,
                                                const char         **long_text);

/* Reads all of @file, refusing one over RACIMO_FILE_MAX_SIZE; errors
 * name the file in plain words and keep GIO's domain and code. */
GBytes        *_racimo_file_read               (GFile               *file,
                                                char               **etag,
                                                GCancellable        *cancellable,
                                                GError             **error);

/* Writes @bytes to @file whole or not at all (racimo-replace.c): a
 * symlink is written through to its target, replaced by a temporary file
 * renamed over it; a pipe or a device is refused.  With @etag, fails with
 * G_IO_ERROR_WRONG_ETAG when @file changed since it was read.  Errors
 * name the file and say that it was left as it was; GIO's domain and
 * code are kept where there is one, else RACIMO_SAVE_ERROR.  The async
 * version runs in a thread and takes a reference on @bytes. */
gboolean       _racimo_replace_contents        (GFile               *file,
                                                GBytes              *bytes,
                                                const char          *etag,
                                                char               **new_etag,
                                                GCancellable        *cancellable,
                                                GError             **error);
void           _racimo_replace_contents_async  (GFile               *file,
                                                GBytes              *bytes,
                                                const char          *etag,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       _racimo_replace_contents_finish (GFile               *file,
                                                GAsyncResult        *result,
                                                char               **new_etag,
                                                GError             **error);

/* History */
typedef void (*RacimoCommandFunc) (RacimoProject *project,
                                   gpointer       data,
                                   gboolean       undo);

RacimoHistory *_racimo_history_new             (RacimoProject    *project);
/* Records a command that has just been applied. */
void           _racimo_history_push            (RacimoHistory    *self,
                                                const char       *label,
                                                RacimoCommandFunc func,
                                                gpointer          data,
                                                GDestroyNotify    free_data);

G_END_DECLS
