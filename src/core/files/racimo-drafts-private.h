/* racimo-drafts-private.h: what RacimoDocument asks of its drafts
 *
 * The drafts store knows nothing of documents: a document hands it the
 * state to record, and reads a draft back through these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-drafts.h"

G_BEGIN_DECLS

/* What a draft records of a document (unowned, read on the caller's
 * thread). */
typedef struct
{
  const char           *id;
  const char           *title;         /* the document's, for messages */
  RacimoProject        *project;
  GFile                *file;          /* nullable */
  RacimoDocumentSource  source;
  const char           *base_etag;     /* of the file the project was read from */
  const char           *base_checksum;
} RacimoDraftState;

gboolean _racimo_drafts_write        (RacimoDrafts            *self,
                                      const RacimoDraftState  *state,
                                      GError                 **error);
void     _racimo_drafts_write_async  (RacimoDrafts            *self,
                                      const RacimoDraftState  *state,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data);
gboolean _racimo_drafts_write_finish (RacimoDrafts            *self,
                                      GAsyncResult            *result,
                                      GError                 **error);

/* A draft read back: the project, and what saves are checked against. */
typedef struct
{
  RacimoDraft   *draft;
  RacimoProject *project;
  char          *etag;     /* what saves are checked against */
  char          *checksum;
  gboolean       changed;  /* the file is not the draft's base any more */
  gboolean       deleted;
} RacimoDraftContents;

RacimoDraftContents *_racimo_draft_contents_new  (RacimoDraft          *draft);
void                 _racimo_draft_contents_free (gpointer              contents);
/* Blocks; any thread. */
gboolean             _racimo_drafts_read         (RacimoDrafts         *self,
                                                  RacimoDraftContents  *contents,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

G_END_DECLS
