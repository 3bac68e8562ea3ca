/* racimo-document-drafts.c: a document's drafts, and a document restored from one
 *
 * After each edit the document writes a draft of its unsaved project
 * (after a delay, one write at a time, never while saving) and removes it
 * when nothing is left unsaved.  After a crash, a draft becomes a
 * document again.  The drafts store (racimo-drafts.c) does the writing
 * and reading and knows nothing of documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-document-private.h"
#include "racimo-drafts-private.h"
#include "racimo-task-private.h"

/* Writing drafts */

/* What the draft records, as the document is now. */
static void
get_state (RacimoDocument   *self,
           RacimoDraftState *state)
{
  state->id = self->draft_id;
  state->project = self->project;
  state->file = self->file;
  if (self->file == NULL)
    state->source = RACIMO_DOCUMENT_SOURCE_NEW;
  else if (racimo_document_get_needs_save_as (self))
    state->source = RACIMO_DOCUMENT_SOURCE_CSV;
  else
    state->source = RACIMO_DOCUMENT_SOURCE_RACI;
  /* The version of the file that the project started from, as last read
   * or saved. */
  state->base_etag = self->file != NULL ? self->etag : NULL;
  state->title = racimo_document_get_title (self);
  state->base_checksum = self->file != NULL ? self->checksum : NULL;
}

/* Blocking, for dispose: edits must not be lost when a window closes. */
gboolean
_racimo_document_write_draft (RacimoDocument  *self,
                              GError         **error)
{
  RacimoDraftState state;

  get_state (self, &state);

  return _racimo_drafts_write (self->drafts, &state, error);
}

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RacimoDocument) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = _racimo_drafts_write_finish (RACIMO_DRAFTS (source), result, &error);

  /* A write that was called off (the draft was removed or discarded
   * since) says nothing about the draft now. */
  if (g_task_get_cancellable (G_TASK (result)) != self->draft_cancellable)
    return;

  g_clear_object (&self->draft_cancellable);

  if (written)
    _racimo_document_set_has_draft (self, TRUE);
  else
    {
      g_warning ("Could not write a draft of %s: %s", self->title, error->message);
      /* Try again with the next edit. */
      self->draft_dirty = TRUE;
    }

  if (self->draft_again)
    {
      self->draft_again = FALSE;
      _racimo_document_draft_sync (self);
    }
}

void
_racimo_document_remove_draft (RacimoDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  self->draft_again = FALSE;

  if (self->drafts == NULL)
    return;

  /* The drafts store holds a write back once it sees the cancellation,
   * and removes only after a write under way is complete, so the draft
   * cannot come back. */
  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);

  if (!racimo_drafts_remove (self->drafts, self->draft_id, &error))
    g_warning ("Could not remove the draft of %s: %s", self->title, error->message);

  _racimo_document_set_has_draft (self, FALSE);
}

/* Brings the draft in line with the project: written when there are
 * unsaved edits that no draft holds, removed when nothing is unsaved. */
void
_racimo_document_draft_sync (RacimoDocument *self)
{
  RacimoDraftState state;

  if (self->drafts == NULL)
    return;

  /* One write at a time, so that an older draft never lands after a newer
   * one; and nothing while saving: if the save fails, the draft is what
   * is left. */
  if (self->busy || self->draft_cancellable != NULL)
    {
      self->draft_again = TRUE;
      return;
    }

  if (!racimo_document_get_modified (self))
    {
      self->draft_dirty = FALSE;
      if (self->has_draft)
        _racimo_document_remove_draft (self);
      return;
    }

  if (!self->draft_dirty)
    return;

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  self->draft_dirty = FALSE;
  self->draft_cancellable = g_cancellable_new ();
  get_state (self, &state);
  _racimo_drafts_write_async (self->drafts, &state, self->draft_cancellable, on_draft_written,
                              g_object_ref (self));
}

/* Restoring */

static RacimoDocument *
document_from_draft (RacimoDrafts        *drafts,
                     RacimoDraftContents *contents)
{
  RacimoDraft *draft = contents->draft;
  GFile *file = racimo_draft_get_file (draft);
  gboolean is_csv = racimo_draft_get_source (draft) == RACIMO_DOCUMENT_SOURCE_CSV;
  RacimoDocument *self;

  /* A draft differs from any file, and no undo may pretend otherwise. */
  racimo_history_mark_modified (racimo_project_get_history (contents->project));

  self = _racimo_document_new (contents->project, file, is_csv, contents->etag,
                               contents->checksum, RACIMO_DOCUMENT_SOURCE_DRAFT, NULL);
  /* The file is not the version the draft was made from: saving asks
   * first (the entity tag is that version's), and the window says so. */
  _racimo_document_set_disk_state (self, file != NULL && (contents->changed || contents->deleted),
                                   file != NULL && contents->deleted);
  self->drafts = g_object_ref (drafts);
  g_free (self->draft_id);
  self->draft_id = g_strdup (racimo_draft_get_id (draft));
  self->has_draft = TRUE;

  return self;
}

/**
 * racimo_document_new_from_draft:
 * @drafts: where @draft is
 * @draft: one of racimo_drafts_list()
 *
 * Reads the draft, blocking.  The document holds the unsaved project,
 * modified, with the draft's file and the draft itself, which goes on
 * being updated and is removed by a save or a discard.  When the file is
 * no longer the version the changes were made to (a colleague saved it
 * since), the document is changed on disk and its save fails with
 * %G_IO_ERROR_WRONG_ETAG until the user chooses to overwrite.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RacimoDocument *
racimo_document_new_from_draft (RacimoDrafts  *drafts,
                                RacimoDraft   *draft,
                                GCancellable  *cancellable,
                                GError       **error)
{
  RacimoDraftContents *contents;
  RacimoDocument *self;

  g_return_val_if_fail (RACIMO_IS_DRAFTS (drafts), NULL);
  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contents = _racimo_draft_contents_new (draft);
  self = _racimo_drafts_read (drafts, contents, cancellable, error)
         ? document_from_draft (drafts, contents) : NULL;
  _racimo_draft_contents_free (contents);

  return self;
}

static gboolean
read_in_thread (gpointer       source_object,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return _racimo_drafts_read (source_object, data, cancellable, error);
}

/**
 * racimo_document_new_from_draft_async:
 *
 * racimo_document_new_from_draft() in a thread.
 */
void
racimo_document_new_from_draft_async (RacimoDrafts        *drafts,
                                      RacimoDraft         *draft,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (RACIMO_IS_DRAFTS (drafts));
  g_return_if_fail (draft != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _racimo_task_run_in_thread (drafts, racimo_document_new_from_draft_async, read_in_thread,
                              _racimo_draft_contents_new (draft), _racimo_draft_contents_free,
                              cancellable, callback, user_data);
}

/**
 * racimo_document_new_from_draft_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RacimoDocument *
racimo_document_new_from_draft_finish (RacimoDrafts  *drafts,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  RacimoDraftContents *contents;

  g_return_val_if_fail (RACIMO_IS_DRAFTS (drafts), NULL);
  g_return_val_if_fail (g_task_is_valid (result, drafts), NULL);

  contents = _racimo_task_finish (result, racimo_document_new_from_draft_async, error);
  if (contents == NULL)
    return NULL;

  /* Made here: the document watches its file from the caller's thread. */
  return document_from_draft (drafts, contents);
}

/* Properties */

gboolean
racimo_document_get_has_draft (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);

  return self->has_draft;
}

/**
 * racimo_document_get_draft_id:
 *
 * Returns: the name of this document's draft in its drafts store
 */
const char *
racimo_document_get_draft_id (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->draft_id;
}

/**
 * racimo_document_discard_draft:
 *
 * The user chose to drop the unsaved changes (closing without saving):
 * removes the draft now, so it is not offered at the next start.  Later
 * edits are drafted again.
 */
void
racimo_document_discard_draft (RacimoDocument *self)
{
  g_return_if_fail (RACIMO_IS_DOCUMENT (self));

  self->draft_dirty = FALSE;
  _racimo_document_remove_draft (self);
}
