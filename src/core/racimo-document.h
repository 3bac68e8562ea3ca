/* racimo-document.h: a project and the file it lives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-drafts.h"
#include "racimo-project.h"
#include "racimo-repairs.h"

G_BEGIN_DECLS

#define RACIMO_DOCUMENT_ERROR (racimo_document_error_quark ())

typedef enum
{
  RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS, /* no .raci file to save to: new, or imported */
  RACIMO_DOCUMENT_ERROR_NOT_RACI_NAME, /* Save As given a .csv name */
} RacimoDocumentError;

GQuark racimo_document_error_quark (void);

#define RACIMO_DOCUMENT_DEFAULT_DRAFT_DELAY 3000

#define RACIMO_TYPE_DOCUMENT (racimo_document_get_type ())

G_DECLARE_FINAL_TYPE (RacimoDocument, racimo_document, RACIMO, DOCUMENT, GObject)

RacimoDocument      *racimo_document_new_from_project     (RacimoProject        *project,
                                                           GFile                *file);
RacimoDocument      *racimo_document_new_for_import       (RacimoProject        *project,
                                                           GFile                *file,
                                                           GBytes               *bytes,
                                                           GPtrArray            *problems);
RacimoDocument      *racimo_document_new_repaired         (RacimoProject        *project,
                                                           GFile                *original,
                                                           RacimoRepairs        *repairs);
GFile               *racimo_document_get_repaired_from    (RacimoDocument       *self);
RacimoRepairs       *racimo_document_get_repairs          (RacimoDocument       *self);
void                 racimo_document_load_async           (GFile                *file,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
RacimoDocument      *racimo_document_load_finish          (GAsyncResult         *result,
                                                           GError              **error);

RacimoProject       *racimo_document_get_project          (RacimoDocument       *self);
GFile               *racimo_document_get_file             (RacimoDocument       *self);
RacimoDocumentSource racimo_document_get_source           (RacimoDocument       *self);
const char          *racimo_document_get_title            (RacimoDocument       *self);
gboolean             racimo_document_get_modified         (RacimoDocument       *self);
gboolean             racimo_document_get_changed_on_disk  (RacimoDocument       *self);
gboolean             racimo_document_get_deleted_on_disk  (RacimoDocument       *self);
gboolean             racimo_document_get_busy             (RacimoDocument       *self);
gboolean             racimo_document_get_newer_minor_version (RacimoDocument    *self);
gboolean             racimo_document_get_needs_save_as    (RacimoDocument       *self);
GPtrArray           *racimo_document_get_import_problems  (RacimoDocument       *self);
gboolean             racimo_document_get_import_guessed   (RacimoDocument       *self);
char                *racimo_document_suggest_file_name    (RacimoDocument       *self);
GFile               *racimo_document_add_extension        (GFile                *file);

/* Saving */
void                 racimo_document_save_async           (RacimoDocument       *self,
                                                           gboolean              force,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             racimo_document_save_finish          (RacimoDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                 racimo_document_save_as_async        (RacimoDocument       *self,
                                                           GFile                *file,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             racimo_document_save_as_finish       (RacimoDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* The file on disk */
void                 racimo_document_reload_async         (RacimoDocument       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             racimo_document_reload_finish        (RacimoDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                 racimo_document_check_on_disk_async  (RacimoDocument       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             racimo_document_check_on_disk_finish (RacimoDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Drafts */
RacimoDrafts        *racimo_document_get_drafts           (RacimoDocument       *self);
void                 racimo_document_set_drafts           (RacimoDocument       *self,
                                                           RacimoDrafts         *drafts);
void                 racimo_document_set_draft_delay      (RacimoDocument       *self,
                                                           guint                 delay_ms);
gboolean             racimo_document_get_has_draft        (RacimoDocument       *self);
const char          *racimo_document_get_draft_id         (RacimoDocument       *self);
void                 racimo_document_discard_draft        (RacimoDocument       *self);

/* After a crash: the unsaved project of @draft, as
 * racimo_drafts_list () offers it. */
RacimoDocument      *racimo_document_new_from_draft        (RacimoDrafts         *drafts,
                                                            RacimoDraft          *draft,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void                 racimo_document_new_from_draft_async  (RacimoDrafts         *drafts,
                                                            RacimoDraft          *draft,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
RacimoDocument      *racimo_document_new_from_draft_finish (RacimoDrafts         *drafts,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
