/* racimo-document.c: a project and the file it lives in
 *
 * The window shows a document; the document knows where its project was
 * read from, whether it changed since, whether someone else changed the
 * file meanwhile, and keeps a draft of unsaved changes for after a crash.
 * Reading and writing run off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-csv.h"
#include "racimo-document-private.h"
#include "racimo-document.h"
#include "racimo-drafts-private.h"
#include "racimo-file-private.h"
#include "racimo-file.h"
#include "racimo-replace-private.h"
#include "racimo-task-private.h"

G_DEFINE_FINAL_TYPE (RacimoDocument, racimo_document, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RacimoDocumentSource, racimo_document_source,
  G_DEFINE_ENUM_VALUE (RACIMO_DOCUMENT_SOURCE_NEW, "new"),
  G_DEFINE_ENUM_VALUE (RACIMO_DOCUMENT_SOURCE_RACI, "raci"),
  G_DEFINE_ENUM_VALUE (RACIMO_DOCUMENT_SOURCE_CSV, "csv"),
  G_DEFINE_ENUM_VALUE (RACIMO_DOCUMENT_SOURCE_DRAFT, "draft"))

G_DEFINE_QUARK (racimo-document-error-quark, racimo_document_error)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_SOURCE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_CHANGED_ON_DISK,
  PROP_DELETED_ON_DISK,
  PROP_BUSY,
  PROP_NEWER_MINOR_VERSION,
  PROP_NEEDS_SAVE_AS,
  PROP_DRAFTS,
  PROP_DRAFT_DELAY,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void check_on_disk (RacimoDocument *self);

/* Small helpers */

static gboolean
file_has_extension (GFile      *file,
                    const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);

  return _racimo_name_has_extension (name, extension);
}

static void
set_boolean (RacimoDocument *self,
             gboolean       *field,
             gboolean        value,
             guint           prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_racimo_document_set_has_draft (RacimoDocument *self,
                                gboolean        has_draft)
{
  set_boolean (self, &self->has_draft, has_draft, PROP_HAS_DRAFT);
}

static void
set_busy (RacimoDocument *self,
          gboolean        busy)
{
  set_boolean (self, &self->busy, busy, PROP_BUSY);
}

void
_racimo_document_set_disk_state (RacimoDocument *self,
                                 gboolean        changed,
                                 gboolean        deleted)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_boolean (self, &self->changed_on_disk, changed, PROP_CHANGED_ON_DISK);
  set_boolean (self, &self->deleted_on_disk, deleted, PROP_DELETED_ON_DISK);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_source (RacimoDocument       *self,
            RacimoDocumentSource  source)
{
  if (self->source == source)
    return;

  self->source = source;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

static char *
compute_title (RacimoDocument *self)
{
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (basename != NULL)
        return g_filename_display_name (basename);
    }

  if (self->repaired_from != NULL)
    return _racimo_document_repaired_title (self);

  if (self->project != NULL)
    {
      g_autofree char *title = g_strstrip (g_strdup (racimo_project_get_title (self->project)));

      if (title[0] != '\0')
        return g_steal_pointer (&title);
    }

  return g_strdup (_("Untitled"));
}

static void
update_title (RacimoDocument *self)
{
  g_autofree char *title = compute_title (self);

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Changed on disk */

static void
finish_checks (RacimoDocument *self)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->check_tasks);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    g_task_return_boolean (g_ptr_array_index (tasks, i), self->changed_on_disk);
}

static void
on_disk_checked (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(RacimoDocument) self = g_weak_ref_get (weak);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  info = g_file_query_info_finish (G_FILE (source), result, &error);

  /* Cancelled by a newer check, a save, a new file or dispose: whoever
   * cancelled looks again. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->check_cancellable);

  /* Our own atomic save arrives as an event too: the entity tag of what
   * we wrote tells it apart from someone else's write. */
  if (info != NULL)
    {
      const char *etag = g_file_info_get_etag (info);

      _racimo_document_set_disk_state (self, g_strcmp0 (etag, self->etag) != 0, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    _racimo_document_set_disk_state (self, TRUE, TRUE);
  else
    g_debug ("Could not check %s on disk: %s", self->title, error->message);

  finish_checks (self);
}

static void
cancel_check (RacimoDocument *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
}

static void
check_on_disk (RacimoDocument *self)
{
  GWeakRef *weak;

  cancel_check (self);

  /* A save or a reload checks once it is done. */
  if (self->busy)
    return;

  if (self->file == NULL)
    {
      finish_checks (self);
      return;
    }

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->check_cancellable = g_cancellable_new ();
  g_file_query_info_async (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->check_cancellable, on_disk_checked, weak);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  /* Any event may be a change: a write in place, a rename over the file,
   * a deletion, a move away.  The entity tag says which it was. */
  check_on_disk (user_data);
}

static void
stop_monitor (RacimoDocument *self)
{
  cancel_check (self);

  if (self->monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
start_monitor (RacimoDocument *self)
{
  g_autoptr(GError) error = NULL;

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Some file systems cannot be watched; the entity tag check on
       * save still keeps a colleague's changes from being overwritten. */
      g_debug ("Cannot watch %s: %s", self->title, error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

static void
set_file (RacimoDocument *self,
          GFile          *file,
          gboolean        is_csv)
{
  gboolean needs_save_as = racimo_document_get_needs_save_as (self);

  g_object_freeze_notify (G_OBJECT (self));

  self->file_is_csv = file != NULL && is_csv;

  if (self->file != file
      && (self->file == NULL || file == NULL || !g_file_equal (self->file, file)))
    {
      stop_monitor (self);
      g_set_object (&self->file, file);
      start_monitor (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  if (needs_save_as != racimo_document_get_needs_save_as (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVE_AS]);

  update_title (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The project */

static void
on_modified_changed (RacimoHistory *history,
                     GParamSpec    *pspec,
                     gpointer       user_data)
{
  RacimoDocument *self = user_data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_project_title_changed (RacimoProject *project,
                          GParamSpec    *pspec,
                          gpointer       user_data)
{
  update_title (user_data);
}

static gboolean
on_draft_timeout (gpointer user_data)
{
  RacimoDocument *self = user_data;

  self->draft_source_id = 0;
  _racimo_document_draft_sync (self);

  return G_SOURCE_REMOVE;
}

static void
project_edited (RacimoDocument *self)
{
  self->n_edits++;
  self->draft_dirty = TRUE;

  /* Not restarted by later edits: someone editing without a pause still
   * gets a draft every few seconds. */
  if (self->drafts != NULL && self->draft_source_id == 0)
    {
      self->draft_source_id = g_timeout_add (self->draft_delay, on_draft_timeout, self);
      g_source_set_name_by_id (self->draft_source_id, "[racimo] draft");
    }
}

/* One closure for every kind of edit, whatever the signal's arguments:
 * cells, items added, removed, moved or changed, and the project's own
 * properties.  Undo and redo emit the same signals. */
static void
edit_marshal (GClosure     *closure,
              GValue       *return_value,
              guint         n_param_values,
              const GValue *param_values,
              gpointer      invocation_hint,
              gpointer      marshal_data)
{
  project_edited (closure->data);
}

static void
connect_project (RacimoDocument *self)
{
  static const char * const edit_signals[] = {
    "cell-changed", "item-added", "item-removed", "item-moved", "item-changed", "notify",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edit_signals); i++)
    {
      GClosure *closure = g_closure_new_simple (sizeof (GClosure), self);

      g_closure_set_marshal (closure, edit_marshal);
      g_signal_connect_closure (self->project, edit_signals[i], closure, FALSE);
    }

  g_signal_connect (self->project, "notify::title", G_CALLBACK (on_project_title_changed), self);
  g_signal_connect (racimo_project_get_history (self->project), "notify::modified",
                    G_CALLBACK (on_modified_changed), self);
}

static void
disconnect_project (RacimoDocument *self)
{
  if (self->project == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->project, self);
  g_signal_handlers_disconnect_by_data (racimo_project_get_history (self->project), self);
}

static void
set_project (RacimoDocument *self,
             RacimoProject  *project,
             GPtrArray      *import_problems)
{
  gboolean modified = racimo_document_get_modified (self);

  g_assert (RACIMO_IS_PROJECT (project));

  g_object_freeze_notify (G_OBJECT (self));

  disconnect_project (self);
  g_set_object (&self->project, project);
  connect_project (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  g_clear_pointer (&self->import_problems, g_ptr_array_unref);
  if (import_problems != NULL && import_problems->len > 0)
    self->import_problems = g_ptr_array_ref (import_problems);

  if (modified != racimo_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  set_boolean (self, &self->newer_minor_version,
               racimo_project_get_version_minor (project) > RACIMO_FILE_VERSION_MINOR,
               PROP_NEWER_MINOR_VERSION);
  update_title (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/* GObject */

static void
racimo_document_dispose (GObject *object)
{
  RacimoDocument *self = RACIMO_DOCUMENT (object);

  /* Edits that no draft holds yet are written now: a window closed
   * without asking, or a session ending, must not lose them.  (Discard
   * and save leave nothing to write.) */
  if (self->drafts != NULL && self->project != NULL && self->draft_dirty
      && self->draft_cancellable == NULL && racimo_document_get_modified (self))
    {
      g_autoptr(GError) error = NULL;

      self->draft_dirty = FALSE;
      if (!_racimo_document_write_draft (self, &error))
        g_warning ("Could not write a draft of %s: %s", self->title, error->message);
    }

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);

  stop_monitor (self);
  disconnect_project (self);
  g_clear_object (&self->project);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (racimo_document_parent_class)->dispose (object);
}

static void
racimo_document_finalize (GObject *object)
{
  RacimoDocument *self = RACIMO_DOCUMENT (object);

  g_assert (self->check_tasks == NULL);

  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->import_problems, g_ptr_array_unref);
  g_clear_object (&self->repaired_from);
  g_clear_pointer (&self->repairs, racimo_repairs_unref);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (racimo_document_parent_class)->finalize (object);
}

static void
racimo_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RacimoDocument *self = RACIMO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, racimo_document_get_modified (self));
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_DELETED_ON_DISK:
      g_value_set_boolean (value, self->deleted_on_disk);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_NEWER_MINOR_VERSION:
      g_value_set_boolean (value, self->newer_minor_version);
      break;
    case PROP_NEEDS_SAVE_AS:
      g_value_set_boolean (value, racimo_document_get_needs_save_as (self));
      break;
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;
    case PROP_DRAFT_DELAY:
      g_value_set_uint (value, self->draft_delay);
      break;
    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->has_draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RacimoDocument *self = RACIMO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      racimo_document_set_drafts (self, g_value_get_object (value));
      break;
    case PROP_DRAFT_DELAY:
      racimo_document_set_draft_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_document_class_init (RacimoDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = racimo_document_dispose;
  object_class->finalize = racimo_document_finalize;
  object_class->get_property = racimo_document_get_property;
  object_class->set_property = racimo_document_set_property;

  /**
   * RacimoDocument:project:
   *
   * The project.  Replaced by a reload: views bind to it again on
   * notify::project.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RACIMO_TYPE_PROJECT, read_only);

  /**
   * RacimoDocument:file: (nullable)
   *
   * The file the project was read from or last saved to; %NULL for a new
   * project.  For a spreadsheet it is the .csv file, which Save never
   * writes (see #RacimoDocument:needs-save-as).
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, read_only);

  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, RACIMO_TYPE_DOCUMENT_SOURCE,
                       RACIMO_DOCUMENT_SOURCE_NEW, read_only);

  /**
   * RacimoDocument:title:
   *
   * What the window calls the document: the file's name, else the
   * project's title, else "Untitled".
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, read_only);

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, read_only);

  /**
   * RacimoDocument:changed-on-disk:
   *
   * Someone else changed, replaced or deleted the file since it was read
   * or saved: the window offers Reload or Keep mine.
   */
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, read_only);

  properties[PROP_DELETED_ON_DISK] =
    g_param_spec_boolean ("deleted-on-disk", NULL, NULL, FALSE, read_only);

  /**
   * RacimoDocument:busy:
   *
   * A save or a reload is under way.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);

  /**
   * RacimoDocument:newer-minor-version:
   *
   * The file was written by a newer Racimo; what this one does not know
   * is kept and written back.
   */
  properties[PROP_NEWER_MINOR_VERSION] =
    g_param_spec_boolean ("newer-minor-version", NULL, NULL, FALSE, read_only);

  /**
   * RacimoDocument:needs-save-as:
   *
   * There is no .raci file to save to: the project is new, or was
   * imported from a spreadsheet.  Save then means Save As.
   */
  properties[PROP_NEEDS_SAVE_AS] =
    g_param_spec_boolean ("needs-save-as", NULL, NULL, TRUE, read_only);

  /**
   * RacimoDocument:drafts: (nullable)
   *
   * Where drafts of unsaved changes go; %NULL for none.  The application
   * sets racimo_drafts_get_default() on the documents it shows.
   */
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, RACIMO_TYPE_DRAFTS, read_write);

  /**
   * RacimoDocument:draft-delay:
   *
   * Milliseconds from an edit to the draft that holds it.
   */
  properties[PROP_DRAFT_DELAY] =
    g_param_spec_uint ("draft-delay", NULL, NULL, 1, G_MAXUINT,
                       RACIMO_DOCUMENT_DEFAULT_DRAFT_DELAY, read_write);

  properties[PROP_HAS_DRAFT] =
    g_param_spec_boolean ("has-draft", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
racimo_document_init (RacimoDocument *self)
{
  self->draft_id = g_uuid_string_random ();
  self->draft_delay = RACIMO_DOCUMENT_DEFAULT_DRAFT_DELAY;
  self->title = g_strdup (_("Untitled"));
}

RacimoDocument *
_racimo_document_new (RacimoProject        *project,
                      GFile                *file,
                      gboolean              is_csv,
                      const char           *etag,
                      const char           *checksum,
                      RacimoDocumentSource  source,
                      GPtrArray            *import_problems)
{
  RacimoDocument *self = g_object_new (RACIMO_TYPE_DOCUMENT, NULL);

  self->source = source;
  self->etag = g_strdup (etag);
  self->checksum = g_strdup (checksum);
  set_project (self, project, import_problems);
  set_file (self, file, is_csv);

  return self;
}

/**
 * racimo_document_new_from_project:
 * @project: a project, from a template for instance
 * @file: (nullable): where it is saved; the first save replaces what is
 *   there
 *
 * Returns: (transfer full): a document
 */
RacimoDocument *
racimo_document_new_from_project (RacimoProject *project,
                                  GFile         *file)
{
  gboolean is_csv;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  is_csv = file != NULL && file_has_extension (file, ".csv");

  return _racimo_document_new (project, file, is_csv, NULL, NULL,
                       file == NULL ? RACIMO_DOCUMENT_SOURCE_NEW
                                    : is_csv ? RACIMO_DOCUMENT_SOURCE_CSV
                                             : RACIMO_DOCUMENT_SOURCE_RACI,
                       NULL);
}

/**
 * racimo_document_new_for_import:
 * @project: a project imported from @file
 * @file: the spreadsheet it was imported from
 * @bytes: @file's content, as imported
 * @problems: (nullable) (element-type RacimoCsvProblem): what the import
 *   did not read
 *
 * A document as racimo_document_load_async() makes one for a spreadsheet:
 * it needs Save As, which never replaces the sheet, and it follows @file
 * on disk from the version of it that was read.  Blocks a moment, to ask
 * @file's entity tag.
 *
 * Returns: (transfer full): a document
 */
RacimoDocument *
racimo_document_new_for_import (RacimoProject *project,
                                GFile         *file,
                                GBytes        *bytes,
                                GPtrArray     *problems)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return _racimo_document_new (project, file, TRUE,
                               info != NULL ? g_file_info_get_etag (info) : NULL, checksum,
                               RACIMO_DOCUMENT_SOURCE_CSV, problems);
}

/**
 * racimo_document_new_repaired:
 * @project: the project racimo_file_repair () built from @original
 * @original: the file it was repaired from
 * @repairs: (nullable): what was repaired
 *
 * A new document that is not saved yet, titled after @original ("plan
 * (repaired)"): saving it asks for a name, so that the original is
 * never replaced unless the user picks it.  It is modified from the
 * start, as unsaved work.
 *
 * Returns: (transfer full): a document
 */
RacimoDocument *
racimo_document_new_repaired (RacimoProject  *project,
                              GFile          *original,
                              RacimoRepairs  *repairs)
{
  RacimoDocument *self;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (original), NULL);

  self = g_object_new (RACIMO_TYPE_DOCUMENT, NULL);
  self->source = RACIMO_DOCUMENT_SOURCE_NEW;
  self->repaired_from = g_object_ref (original);
  self->repairs = repairs != NULL ? racimo_repairs_ref (repairs) : NULL;
  /* The repairs are work that exists nowhere on disk: closing or
   * quitting asks, and a draft keeps it, as for an edit. */
  racimo_history_mark_modified (racimo_project_get_history (project));
  self->draft_dirty = TRUE;
  set_project (self, project, NULL);
  set_file (self, NULL, FALSE);

  return self;
}

/**
 * racimo_document_get_repaired_from:
 *
 * Returns: (transfer none) (nullable): the file a repaired copy was
 *   repaired from
 */
GFile *
racimo_document_get_repaired_from (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->repaired_from;
}

/**
 * racimo_document_get_repairs:
 *
 * Returns: (transfer none) (nullable): what was repaired in a repaired copy
 */
RacimoRepairs *
racimo_document_get_repairs (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->repairs;
}

/* Loading */

typedef struct
{
  GFile         *file;
  RacimoProject *project;
  char          *etag;
  char          *checksum;
  GPtrArray     *problems;
  gboolean       is_csv;
  gboolean       guessed;
} LoadData;

static void
load_data_free (gpointer user_data)
{
  LoadData *data = user_data;

  g_clear_object (&data->file);
  g_clear_object (&data->project);
  g_clear_pointer (&data->etag, g_free);
  g_clear_pointer (&data->checksum, g_free);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static gboolean
load_in_thread (gpointer       source_object,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadData *data = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_parse_name (data->file);

  data->is_csv = racimo_csv_file_is_spreadsheet (data->file, cancellable);

  /* The entity tag is taken as the file is opened, before reading: a
   * change made while reading then shows as a change on disk, never the
   * other way round.  The checksum of the bytes lets a draft tell later
   * whether the file is still the version it was made from. */
  bytes = _racimo_file_read (data->file, &data->etag, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  data->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (data->is_csv)
    {
      g_autoptr(GPtrArray) columns = NULL;
      g_auto(GStrv) sheets = racimo_csv_list_sheets (bytes, name, NULL);

      data->project = racimo_csv_import_bytes_full (bytes, name, NULL, &data->problems, &columns,
                                                    error);
      data->guessed = sheets != NULL && g_strv_length (sheets) > 1;
      for (guint i = 0; columns != NULL && i < columns->len; i++)
        data->guessed |= ((RacimoCsvColumn *) g_ptr_array_index (columns, i))->guessed;
    }
  else
    data->project = racimo_file_load_bytes (bytes, name, error);

  return data->project != NULL;
}

/* Reads @file in a thread; the task's tag is racimo_document_load_async
 * (also for a reload) and its data a LoadData. */
static void
load_in_background (GFile               *file,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_object_ref (file);
  _racimo_task_run_in_thread (NULL, racimo_document_load_async, load_in_thread,
                              data, load_data_free, cancellable, callback, user_data);
}

/**
 * racimo_document_load_async:
 * @file: a .raci file, or a spreadsheet saved as CSV
 *
 * Reads @file in a thread.  A .csv file (or one whose text does not
 * start like XML) is imported as a spreadsheet: the document then needs
 * Save As, and keeps what the import did not understand in
 * racimo_document_get_import_problems().
 */
void
racimo_document_load_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load_in_background (file, cancellable, callback, user_data);
}

/**
 * racimo_document_load_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set: the
 *   reader's message names the file, and the line and column where known
 */
RacimoDocument *
racimo_document_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  LoadData *data = _racimo_task_finish (result, racimo_document_load_async, error);
  RacimoDocument *document;

  if (data == NULL)
    return NULL;

  /* Built here, on the caller's thread, where the file monitor has to
   * deliver its events. */
  document = _racimo_document_new (data->project, data->file, data->is_csv, data->etag,
                                   data->checksum,
                                   data->is_csv ? RACIMO_DOCUMENT_SOURCE_CSV
                                                : RACIMO_DOCUMENT_SOURCE_RACI,
                                   data->problems);
  document->import_guessed = data->guessed;

  return document;
}

/* Properties */

/**
 * racimo_document_get_project:
 *
 * Returns: (transfer none): the project
 */
RacimoProject *
racimo_document_get_project (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->project;
}

/**
 * racimo_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file
 */
GFile *
racimo_document_get_file (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->file;
}

RacimoDocumentSource
racimo_document_get_source (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), RACIMO_DOCUMENT_SOURCE_NEW);

  return self->source;
}

const char *
racimo_document_get_title (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->title;
}

gboolean
racimo_document_get_modified (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);

  return self->project != NULL
         && racimo_history_get_modified (racimo_project_get_history (self->project));
}

gboolean
racimo_document_get_changed_on_disk (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);

  return self->changed_on_disk;
}

gboolean
racimo_document_get_deleted_on_disk (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);

  return self->deleted_on_disk;
}

gboolean
racimo_document_get_busy (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);

  return self->busy;
}

gboolean
racimo_document_get_newer_minor_version (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);

  return self->newer_minor_version;
}

gboolean
racimo_document_get_needs_save_as (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), TRUE);

  return self->file == NULL || self->file_is_csv;
}

/**
 * racimo_document_get_import_problems:
 *
 * Returns: (transfer none) (nullable) (element-type RacimoCsvProblem):
 *   what the spreadsheet import did not understand, for
 *   racimo_csv_summarize_problems(); %NULL when nothing
 */
GPtrArray *
racimo_document_get_import_problems (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->import_problems;
}

/**
 * racimo_document_get_import_guessed:
 *
 * Returns: whether the spreadsheet import had to guess: a column's kind
 *   that its header did not say (#RacimoCsvColumn's @guessed), or the
 *   sheet to read of a workbook that has several
 */
gboolean
racimo_document_get_import_guessed (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);

  return self->import_guessed;
}

/* Saving */

typedef struct
{
  GFile   *file;
  gboolean save_as;
  guint64  n_edits;  /* when the project was serialised */
  char    *checksum; /* of what is written */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->checksum);
  g_free (data);
}

/* The task of a save or a reload; %NULL while another one is under way,
 * and the caller's callback is told so. */
static GTask *
new_task_unless_busy (RacimoDocument      *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data,
                      gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (!self->busy)
    return g_steal_pointer (&task);

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("%s is being saved or read; try again when that is done"),
                           self->title);
  return NULL;
}

/* What a save and a reload do when they end, whether they worked or not:
 * notifications flow again (the caller froze them), the draft follows, the
 * file on disk is looked at again, and @task returns @error (taken) or
 * success. */
static void
end_busy_task (RacimoDocument *self,
               GTask          *task,
               GError         *error)
{
  set_busy (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  _racimo_document_draft_sync (self);
  check_on_disk (self);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RacimoDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (_racimo_replace_contents_finish (G_FILE (source), result, &etag, &error))
    {
      /* Stored before anything looks at the file again, so that our own
       * write is not taken for someone else's. */
      g_free (self->etag);
      self->etag = g_steal_pointer (&etag);
      g_free (self->checksum);
      self->checksum = g_steal_pointer (&data->checksum);

      if (data->save_as)
        set_file (self, data->file, FALSE);
      set_source (self, RACIMO_DOCUMENT_SOURCE_RACI);
      _racimo_document_set_disk_state (self, FALSE, FALSE);

      /* Edits made while the file was written are not in it. */
      if (self->n_edits == data->n_edits)
        racimo_history_mark_saved (racimo_project_get_history (self->project));
    }

  /* Saved: the draft goes.  Not saved: the draft is what is left, so it
   * is brought up to date. */
  end_busy_task (self, task, g_steal_pointer (&error));
}

static void
start_save (RacimoDocument *self,
            GTask          *task,
            GFile          *file,
            const char     *etag,
            gboolean        save_as)
{
  SaveData *data = g_new0 (SaveData, 1);
  g_autoptr(GBytes) bytes = NULL;

  /* Serialised here: the model is not thread-safe.  Only the writing
   * runs in the background. */
  bytes = racimo_file_serialize (self->project);

  data->file = g_object_ref (file);
  data->save_as = save_as;
  data->n_edits = self->n_edits;
  data->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  /* The monitor's event for our own write is looked at once the new
   * entity tag is known. */
  cancel_check (self);
  set_busy (self, TRUE);

  _racimo_replace_contents_async (file, bytes, etag, g_task_get_cancellable (task),
                                  on_saved, g_object_ref (task));
}

/**
 * racimo_document_save_async:
 * @force: overwrite the file even when someone changed it since it was
 *   read; only after asking the user
 *
 * Saves to the document's own file, atomically, in the background.
 *
 * Fails with %G_IO_ERROR_WRONG_ETAG, leaving the file as it is, when it
 * changed on disk since it was read or saved (unless @force); with
 * %RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS when there is no .raci file to
 * save to: a new project, or one imported from a spreadsheet, whose .csv
 * is never written over with a project.  On failure the project stays as
 * it is, modified; the message says why in plain words.
 */
void
racimo_document_save_async (RacimoDocument      *self,
                            gboolean             force,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RACIMO_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task_unless_busy (self, cancellable, callback, user_data,
                               racimo_document_save_async);
  if (task == NULL)
    return;

  if (racimo_document_get_needs_save_as (self))
    {
      if (self->file != NULL)
        g_task_return_new_error (task, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS,
                                 _("%s was imported from a spreadsheet; save the project as a "
                                   ".raci file with Save As"),
                                 self->title);
      else
        g_task_return_new_error (task, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NEEDS_SAVE_AS,
                                 _("%s has not been saved yet; choose a file with Save As"),
                                 self->title);
      return;
    }

  start_save (self, task, self->file, force ? NULL : self->etag, FALSE);
}

gboolean
racimo_document_save_finish (RacimoDocument  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == racimo_document_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * racimo_document_save_as_async:
 * @file: the new file, which the user agreed to replace if it exists
 *
 * Saves to @file, which becomes the document's file.  A .csv name is
 * refused with %RACIMO_DOCUMENT_ERROR_NOT_RACI_NAME: a project written
 * there would no longer open in a spreadsheet.
 */
void
racimo_document_save_as_async (RacimoDocument      *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RACIMO_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task_unless_busy (self, cancellable, callback, user_data,
                               racimo_document_save_as_async);
  if (task == NULL)
    return;

  if (file_has_extension (file, ".csv"))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, RACIMO_DOCUMENT_ERROR, RACIMO_DOCUMENT_ERROR_NOT_RACI_NAME,
                               _("%s: a project is saved as a .raci file; to make a spreadsheet, "
                                 "export it as CSV"),
                               name);
      return;
    }

  start_save (self, task, file, NULL, TRUE);
}

gboolean
racimo_document_save_as_finish (RacimoDocument  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == racimo_document_save_as_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reloading and checking */

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RacimoDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  LoadData *data = _racimo_task_finish (result, racimo_document_load_async, &error);

  g_object_freeze_notify (G_OBJECT (self));

  if (data != NULL)
    {
      /* The user chose the file over the unsaved changes: their draft
       * goes too. */
      _racimo_document_remove_draft (self);
      self->draft_dirty = FALSE;

      g_free (self->etag);
      self->etag = g_steal_pointer (&data->etag);
      g_free (self->checksum);
      self->checksum = g_steal_pointer (&data->checksum);
      set_project (self, data->project, data->problems);
      set_file (self, self->file, data->is_csv);
      set_source (self, data->is_csv ? RACIMO_DOCUMENT_SOURCE_CSV : RACIMO_DOCUMENT_SOURCE_RACI);
      _racimo_document_set_disk_state (self, FALSE, FALSE);
    }

  end_busy_task (self, task, g_steal_pointer (&error));
}

/**
 * racimo_document_reload_async:
 *
 * Reads the file again, replacing the project (and dropping its unsaved
 * changes and their draft): views bind to the new one on
 * notify::project.  On failure the document stays as it was.
 */
void
racimo_document_reload_async (RacimoDocument      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RACIMO_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task_unless_busy (self, cancellable, callback, user_data,
                               racimo_document_reload_async);
  if (task == NULL)
    return;

  if (self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("%s has not been saved, so it cannot be reloaded"),
                               self->title);
      return;
    }

  cancel_check (self);
  set_busy (self, TRUE);

  /* No source object: the thread may drop the last reference to the
   * task, and the document must not be finalised there. */
  load_in_background (self->file, cancellable, on_reloaded, g_object_ref (task));
}

gboolean
racimo_document_reload_finish (RacimoDocument  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == racimo_document_reload_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * racimo_document_check_on_disk_async:
 *
 * Compares the file on disk with what was last read or saved, as the
 * file monitor does on each event; for when the window comes back to the
 * front, since a file on a network share may change without an event.
 * Updates #RacimoDocument:changed-on-disk and
 * #RacimoDocument:deleted-on-disk before it completes.
 */
void
racimo_document_check_on_disk_async (RacimoDocument      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RACIMO_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, racimo_document_check_on_disk_async);

  if (self->check_tasks == NULL)
    self->check_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->check_tasks, task);

  check_on_disk (self);
}

/**
 * racimo_document_check_on_disk_finish:
 *
 * Returns: whether the file changed on disk
 */
gboolean
racimo_document_check_on_disk_finish (RacimoDocument  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == racimo_document_check_on_disk_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Drafts */

/**
 * racimo_document_get_drafts:
 *
 * Returns: (transfer none) (nullable): where drafts are written
 */
RacimoDrafts *
racimo_document_get_drafts (RacimoDocument *self)
{
  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  return self->drafts;
}

/**
 * racimo_document_set_drafts:
 * @drafts: (nullable): where drafts go, or %NULL to keep none
 *
 * A draft already written to the previous store is removed from it.
 */
void
racimo_document_set_drafts (RacimoDocument *self,
                            RacimoDrafts   *drafts)
{
  g_return_if_fail (RACIMO_IS_DOCUMENT (self));
  g_return_if_fail (drafts == NULL || RACIMO_IS_DRAFTS (drafts));

  if (self->drafts == drafts)
    return;

  if (self->has_draft)
    {
      _racimo_document_remove_draft (self);
      self->draft_dirty = TRUE;
    }
  else
    {
      g_clear_handle_id (&self->draft_source_id, g_source_remove);
      g_cancellable_cancel (self->draft_cancellable);
      g_clear_object (&self->draft_cancellable);
    }

  g_set_object (&self->drafts, drafts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFTS]);

  if (self->drafts != NULL && self->draft_dirty && racimo_document_get_modified (self))
    _racimo_document_draft_sync (self);
}

/**
 * racimo_document_set_draft_delay:
 * @delay_ms: milliseconds from an edit to its draft; the "draft-delay"
 *   setting holds it in seconds
 *
 * Applies from the next edit on.
 */
void
racimo_document_set_draft_delay (RacimoDocument *self,
                                 guint           delay_ms)
{
  g_return_if_fail (RACIMO_IS_DOCUMENT (self));
  g_return_if_fail (delay_ms > 0);

  if (self->draft_delay == delay_ms)
    return;

  self->draft_delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_DELAY]);
}

