/* racimo-document-private.h: what the files of RacimoDocument share
 *
 * racimo-document.c is the document and its file; racimo-document-drafts.c
 * keeps its drafts and restores one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-document.h"

G_BEGIN_DECLS

struct _RacimoDocument
{
  GObject parent_instance;

  RacimoProject        *project;
  GFile                *file;
  char                 *etag;     /* of the file as last read or written */
  char                 *checksum; /* SHA-256 of its bytes then, for drafts */
  char                 *title;
  GPtrArray            *import_problems;
  gboolean              import_guessed;
  /* A repaired copy (racimo-document-repaired.c): the file it was
   * repaired from, which it never saves to, and what was repaired. */
  GFile                *repaired_from;
  RacimoRepairs        *repairs;
  RacimoDocumentSource  source;
  gboolean              file_is_csv;

  /* Changed on disk */
  GFileMonitor         *monitor;
  GCancellable         *check_cancellable;
  GPtrArray            *check_tasks; /* GTask: racimo_document_check_on_disk_async () */
  gboolean              changed_on_disk;
  gboolean              deleted_on_disk;

  /* Every edit, undo and redo; tells whether the project changed while
   * a save was under way. */
  guint64               n_edits;
  gboolean              busy;
  gboolean              newer_minor_version;

  /* Drafts */
  RacimoDrafts         *drafts;
  char                 *draft_id;
  guint                 draft_delay;
  guint                 draft_source_id;
  GCancellable         *draft_cancellable; /* the draft being written */
  gboolean              draft_dirty;       /* edits that no draft holds yet */
  gboolean              draft_again;       /* look again once the write or save is done */
  gboolean              has_draft;
};

RacimoDocument *_racimo_document_new            (RacimoProject         *project,
                                                 GFile                 *file,
                                                 gboolean               is_csv,
                                                 const char            *etag,
                                                 const char            *checksum,
                                                 RacimoDocumentSource   source,
                                                 GPtrArray             *import_problems);
void            _racimo_document_set_disk_state (RacimoDocument        *self,
                                                 gboolean               changed,
                                                 gboolean               deleted);
void            _racimo_document_set_has_draft  (RacimoDocument        *self,
                                                 gboolean               has_draft);

/* racimo-document-names.c */
char           *_racimo_document_repaired_title (RacimoDocument        *self);
gboolean        _racimo_name_has_extension      (const char            *name,
                                                 const char            *extension);

/* racimo-document-drafts.c */
void            _racimo_document_draft_sync     (RacimoDocument        *self);
void            _racimo_document_remove_draft   (RacimoDocument        *self);
gboolean        _racimo_document_write_draft    (RacimoDocument        *self,
                                                 GError               **error);

G_END_DECLS
