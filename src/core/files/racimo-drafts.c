/* racimo-drafts.c: unsaved changes kept on disk, for crash recovery
 *
 * A draft is two files in the drafts folder, named after the document's
 * draft id: ID.raci, the project as it would be saved, and ID.draft, a
 * key file saying which file it belongs to, which version of that file
 * the changes were made to (its entity tag and the SHA-256 of its bytes),
 * and which process wrote it.
 * Each is written to ID.raci.tmp (ID.draft.tmp) and renamed over, so a
 * crash leaves either the old draft or the new one, and any temporary
 * file left behind is known by name and removed with its draft.  The
 * key file is written first: a project file never stands without one.
 *
 * At start-up, the drafts whose process is gone are the unsaved work of a
 * crash, offered back to the user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "racimo-drafts-private.h"
#include "racimo-drafts.h"
#include "racimo-file-private.h"
#include "racimo-file.h"
#include "racimo-task-private.h"

#define INFO_GROUP "Draft"
#define INFO_VERSION 1
#define PROJECT_SUFFIX ".raci"
#define INFO_SUFFIX ".draft"
#define TEMP_SUFFIX ".tmp"

/* RacimoDraft */

struct _RacimoDraft
{
  char                 *id;
  char                 *title;
  GFile                *file;
  RacimoDocumentSource  source;
  GDateTime            *time;
  /* The version of the file the changes were made to; NULL in a draft
   * written before Racimo recorded it. */
  char                 *base_etag;
  char                 *base_checksum;
};

G_DEFINE_BOXED_TYPE (RacimoDraft, racimo_draft, racimo_draft_ref, racimo_draft_unref)

static void
racimo_draft_clear (RacimoDraft *draft)
{
  g_free (draft->id);
  g_free (draft->title);
  g_clear_object (&draft->file);
  g_clear_pointer (&draft->time, g_date_time_unref);
  g_free (draft->base_etag);
  g_free (draft->base_checksum);
}

RacimoDraft *
racimo_draft_ref (RacimoDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return g_atomic_rc_box_acquire (draft);
}

void
racimo_draft_unref (RacimoDraft *draft)
{
  g_return_if_fail (draft != NULL);

  g_atomic_rc_box_release_full (draft, (GDestroyNotify) racimo_draft_clear);
}

const char *
racimo_draft_get_id (RacimoDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->id;
}

/**
 * racimo_draft_get_title:
 *
 * Returns: the project's title, which may be empty
 */
const char *
racimo_draft_get_title (RacimoDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->title;
}

/**
 * racimo_draft_get_file:
 *
 * Returns: (transfer none) (nullable): the file the unsaved changes
 *   belong to; %NULL for a project never saved
 */
GFile *
racimo_draft_get_file (RacimoDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->file;
}

/**
 * racimo_draft_get_source:
 *
 * Returns: what the file is: %RACIMO_DOCUMENT_SOURCE_RACI,
 *   %RACIMO_DOCUMENT_SOURCE_CSV (an imported spreadsheet), or
 *   %RACIMO_DOCUMENT_SOURCE_NEW when there is none
 */
RacimoDocumentSource
racimo_draft_get_source (RacimoDraft *draft)
{
  g_return_val_if_fail (draft != NULL, RACIMO_DOCUMENT_SOURCE_NEW);

  return draft->source;
}

/**
 * racimo_draft_get_time:
 *
 * Returns: (transfer none): when the draft was written, in UTC
 */
GDateTime *
racimo_draft_get_time (RacimoDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->time;
}

/**
 * racimo_draft_get_display_name:
 *
 * The name to offer it under: "Restore unsaved changes to Foo.raci?"
 *
 * Returns: (transfer full): the file's name, else the project's title,
 *   else "Untitled"
 */
char *
racimo_draft_get_display_name (RacimoDraft *draft)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  if (draft->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (draft->file);

      if (basename != NULL)
        return g_filename_display_name (basename);
    }

  title = g_strstrip (g_strdup (draft->title));
  if (title[0] != '\0')
    return g_steal_pointer (&title);

  return g_strdup (_("Untitled"));
}

/* RacimoDrafts */

struct _RacimoDrafts
{
  GObject parent_instance;

  char   *directory;
  /* One write or removal at a time, so that a write under way cannot
   * bring back a draft that was just removed. */
  GMutex  mutex;
};

G_DEFINE_FINAL_TYPE (RacimoDrafts, racimo_drafts, G_TYPE_OBJECT)

static void
racimo_drafts_finalize (GObject *object)
{
  RacimoDrafts *self = RACIMO_DRAFTS (object);

  g_free (self->directory);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (racimo_drafts_parent_class)->finalize (object);
}

static void
racimo_drafts_class_init (RacimoDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = racimo_drafts_finalize;
}

static void
racimo_drafts_init (RacimoDrafts *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * racimo_drafts_new:
 * @directory: the folder that holds the drafts; made when first needed
 *
 * Returns: (transfer full): a drafts store
 */
RacimoDrafts *
racimo_drafts_new (const char *directory)
{
  RacimoDrafts *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (RACIMO_TYPE_DRAFTS, NULL);
  self->directory = g_strdup (directory);

  return self;
}

/**
 * racimo_drafts_get_default:
 *
 * Returns: (transfer none): the store in the user's data folder,
 *   `$XDG_DATA_HOME/racimo/drafts`
 */
RacimoDrafts *
racimo_drafts_get_default (void)
{
  static RacimoDrafts *drafts;

  if (g_once_init_enter (&drafts))
    {
      g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "racimo", "drafts",
                                                     NULL);

      g_once_init_leave (&drafts, racimo_drafts_new (directory));
    }

  return drafts;
}

const char *
racimo_drafts_get_directory (RacimoDrafts *self)
{
  g_return_val_if_fail (RACIMO_IS_DRAFTS (self), NULL);

  return self->directory;
}

/* Ids are made by g_uuid_string_random(); anything else in the folder
 * is not ours, and must not reach a path. */
static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static char *
draft_path (RacimoDrafts *self,
            const char   *id,
            const char   *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->directory, name, NULL);
}

/* The process that owns a draft.  A pid alone is reused; with the time
 * the process started and the boot it started in, it names one process
 * for good. */

static char *
read_boot_id (void)
{
  char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return NULL;

  return g_strstrip (contents);
}

/* Field 22 of /proc/PID/stat: when the process started, in clock ticks
 * since boot.  0 when it cannot be read. */
static guint64
read_start_time (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;

  /* The command name, in parentheses, may itself hold spaces and
   * parentheses: the fields start after the last ')'. */
  end = strrchr (contents, ')');
  if (end == NULL)
    return 0;

  /* " S PPID ...": field 3 is at index 1, so field 22 at index 20. */
  fields = g_strsplit (end + 1, " ", 22);
  if (g_strv_length (fields) < 21)
    return 0;

  return g_ascii_strtoull (fields[20], NULL, 10);
}

static void
set_owner (GKeyFile *info)
{
  g_autofree char *boot_id = read_boot_id ();
  gint64 pid = getpid ();

  g_key_file_set_int64 (info, INFO_GROUP, "Pid", pid);
  g_key_file_set_uint64 (info, INFO_GROUP, "ProcessStart", read_start_time (pid));
  if (boot_id != NULL)
    g_key_file_set_string (info, INFO_GROUP, "BootId", boot_id);
}

static gboolean
owner_is_alive (GKeyFile *info)
{
  gint64 pid = g_key_file_get_int64 (info, INFO_GROUP, "Pid", NULL);
  guint64 start_time = g_key_file_get_uint64 (info, INFO_GROUP, "ProcessStart", NULL);
  g_autofree char *boot_id = g_key_file_get_string (info, INFO_GROUP, "BootId", NULL);
  g_autofree char *current_boot_id = read_boot_id ();
  guint64 current_start_time;

  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;

  if (boot_id != NULL && current_boot_id != NULL && strcmp (boot_id, current_boot_id) != 0)
    return FALSE;

  /* No such process; or another user's, so not the one that wrote to
   * this user's folder. */
  if (kill ((pid_t) pid, 0) != 0)
    return FALSE;

  current_start_time = read_start_time (pid);
  if (start_time != 0 && current_start_time != 0 && start_time != current_start_time)
    return FALSE;

  return TRUE;
}

static const char *
source_to_string (RacimoDocumentSource source)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RACIMO_TYPE_DOCUMENT_SOURCE);

  /* The class stays alive: the nick outlives this reference. */
  return g_enum_get_value (klass, source)->value_nick;
}

static RacimoDocumentSource
source_from_string (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RACIMO_TYPE_DOCUMENT_SOURCE);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (value == NULL || value->value == RACIMO_DOCUMENT_SOURCE_DRAFT)
    return RACIMO_DOCUMENT_SOURCE_RACI;

  return value->value;
}

static char *
info_to_data (const char            *title,
              GFile                 *file,
              RacimoDocumentSource   source,
              GDateTime             *time,
              const char            *base_etag,
              const char            *base_checksum,
              gsize                 *length)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *iso_time = g_date_time_format_iso8601 (time);

  g_key_file_set_integer (info, INFO_GROUP, "Version", INFO_VERSION);
  g_key_file_set_string (info, INFO_GROUP, "Title", title != NULL ? title : "");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, INFO_GROUP, "File", uri);
    }
  g_key_file_set_string (info, INFO_GROUP, "Source", source_to_string (source));
  if (base_etag != NULL)
    g_key_file_set_string (info, INFO_GROUP, "BaseEtag", base_etag);
  if (base_checksum != NULL)
    g_key_file_set_string (info, INFO_GROUP, "BaseChecksum", base_checksum);
  g_key_file_set_string (info, INFO_GROUP, "Time", iso_time);
  set_owner (info);

  return g_key_file_to_data (info, length, NULL);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The draft %s could not be written: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Written beside @path and renamed over it: @path holds the old
 * contents or the new, never a part. */
static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *temp = g_strconcat (path, TEMP_SUFFIX, NULL);
  int saved_errno;
  int fd;

  fd = g_open (temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, temp);

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          goto failed;
        }

      data += written;
      length -= written;
    }

  /* On disk before the rename, or a power cut could leave an empty
   * file in place of the draft. */
  if (fsync (fd) != 0)
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (temp, path) != 0)
    goto failed;

  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  return set_errno_error (error, saved_errno, path);
}

/* Writing */

typedef struct
{
  char   *id;
  GBytes *project;
  char   *info;
  gsize   info_length;
  GError *refused; /* why the draft is not written, or NULL */
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->id);
  g_clear_pointer (&data->project, g_bytes_unref);
  g_free (data->info);
  g_clear_error (&data->refused);
  g_free (data);
}

/* A draft is restored by the reader: one that it would refuse is not
 * written, and the draft before it, if any, stays. */
static GError *
check_limits (const RacimoDraftState *state,
              GBytes                 *bytes)
{
  RacimoProject *project = state->project;
  const char *title = state->title != NULL ? state->title : "";
  g_autofree char *name = NULL;
  const char *long_text;

  if (_racimo_file_within_limits (project, bytes, &long_text))
    return NULL;

  /* The title may be the project's, of any length. */
  if (g_utf8_strlen (title, 41) > 40)
    {
      g_autofree char *start = g_utf8_substring (title, 0, 39);

      name = g_strconcat (start, "…", NULL);
    }
  else
    name = g_strdup (title);

  if (long_text == NULL)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (bytes));

      return g_error_new (RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE,
                          /* Translators: the first %s is a document's name, the
                           * second a size such as "70.2 MB" */
                          _("No draft of %s was written: the project would make a file "
                            "of %s, and Racimo opens files of at most 64 MiB"),
                          name, size);
    }
  else
    {
      g_autofree char *start = g_utf8_substring (long_text, 0, 30);

      return g_error_new (RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE,
                          /* Translators: the first %s is a document's name, the
                           * second the start of a text of the project */
                          _("No draft of %s was written: a text of the project (\"%s…\") "
                            "is longer than the 10 million bytes that Racimo can open "
                            "again"),
                          name, start);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteData, write_data_free)

/* On the caller's thread: the model is not thread-safe. */
static WriteData *
write_data_new (const RacimoDraftState *state)
{
  WriteData *data = g_new0 (WriteData, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  data->id = g_strdup (state->id);
  data->project = racimo_file_serialize (state->project);
  data->refused = check_limits (state, data->project);
  if (data->refused != NULL)
    g_clear_pointer (&data->project, g_bytes_unref);
  data->info = info_to_data (racimo_project_get_title (state->project), state->file,
                             state->source, now, state->base_etag, state->base_checksum,
                             &data->info_length);

  return data;
}

static gboolean
write_draft (gpointer       source_object,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  RacimoDrafts *self = source_object;
  WriteData *data = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autofree char *info_path = draft_path (self, data->id, INFO_SUFFIX);
  g_autofree char *project_path = draft_path (self, data->id, PROJECT_SUFFIX);
  gsize size;
  const char *bytes;

  /* Looked at under the lock: a removal that called this write off has
   * either happened, and the draft must not come back, or waits. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (data->refused != NULL)
    {
      g_propagate_error (error, g_error_copy (data->refused));
      return FALSE;
    }

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (self->directory);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder for drafts, %s, could not be made: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  bytes = g_bytes_get_data (data->project, &size);

  return write_atomically (info_path, data->info, data->info_length, error)
         && write_atomically (project_path, bytes, size, error);
}

/* Writes a draft of @state now, blocking; see _racimo_drafts_write_async (). */
gboolean
_racimo_drafts_write (RacimoDrafts            *self,
                      const RacimoDraftState  *state,
                      GError                 **error)
{
  g_autoptr(WriteData) data = NULL;

  g_return_val_if_fail (RACIMO_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (state != NULL && RACIMO_IS_PROJECT (state->project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = write_data_new (state);

  return write_draft (self, data, NULL, error);
}

/* Serialises the project of @state now and writes the draft, replacing
 * the one before, in a thread.  Cancelling it before it starts writing
 * keeps it from writing at all. */
void
_racimo_drafts_write_async (RacimoDrafts            *self,
                            const RacimoDraftState  *state,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_return_if_fail (RACIMO_IS_DRAFTS (self));
  g_return_if_fail (state != NULL && RACIMO_IS_PROJECT (state->project));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _racimo_task_run_in_thread (self, _racimo_drafts_write_async, write_draft,
                              write_data_new (state), (GDestroyNotify) write_data_free,
                              cancellable, callback, user_data);
}

gboolean
_racimo_drafts_write_finish (RacimoDrafts  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (RACIMO_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return _racimo_task_finish (result, _racimo_drafts_write_async, error) != NULL;
}

/* With the lock held. */
static gboolean
remove_files (RacimoDrafts  *self,
              const char    *id,
              gboolean       only_temporary,
              GError       **error)
{
  /* The key file last: as long as anything of the draft is there, so is
   * the file that says whose it is. */
  static const char * const suffixes[] = {
    PROJECT_SUFFIX TEMP_SUFFIX, INFO_SUFFIX TEMP_SUFFIX, PROJECT_SUFFIX, INFO_SUFFIX,
  };
  gboolean removed = TRUE;

  for (guint i = 0; i < (only_temporary ? 2 : G_N_ELEMENTS (suffixes)); i++)
    {
      g_autofree char *path = draft_path (self, id, suffixes[i]);

      if (g_unlink (path) != 0 && errno != ENOENT && removed)
        {
          int saved_errno = errno;
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The draft %s could not be removed: %s"), name,
                       g_strerror (saved_errno));
          removed = FALSE;
        }
    }

  return removed;
}

/**
 * racimo_drafts_remove:
 * @id: a document's draft id
 *
 * Removes the draft, after a write of it that is under way, if any.
 * Removing a draft that is not there succeeds.
 *
 * Returns: %TRUE when no draft is left
 */
gboolean
racimo_drafts_remove (RacimoDrafts  *self,
                      const char    *id,
                      GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (RACIMO_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  return remove_files (self, id, FALSE, error);
}

/* Listing */

static GKeyFile *
read_info (RacimoDrafts *self,
           const char   *id)
{
  g_autofree char *path = draft_path (self, id, INFO_SUFFIX);
  g_autoptr(GKeyFile) info = g_key_file_new ();

  if (!g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, NULL)
      || !g_key_file_has_group (info, INFO_GROUP))
    return NULL;

  return g_steal_pointer (&info);
}

static RacimoDraft *
draft_new (const char *id,
           GKeyFile   *info)
{
  RacimoDraft *draft = g_atomic_rc_box_new0 (RacimoDraft);
  g_autofree char *uri = g_key_file_get_string (info, INFO_GROUP, "File", NULL);
  g_autofree char *source = g_key_file_get_string (info, INFO_GROUP, "Source", NULL);
  g_autofree char *time = g_key_file_get_string (info, INFO_GROUP, "Time", NULL);

  draft->id = g_strdup (id);
  draft->title = g_key_file_get_string (info, INFO_GROUP, "Title", NULL);
  if (draft->title == NULL)
    draft->title = g_strdup ("");
  if (uri != NULL && uri[0] != '\0')
    draft->file = g_file_new_for_uri (uri);
  draft->source = draft->file == NULL ? RACIMO_DOCUMENT_SOURCE_NEW : source_from_string (source);
  draft->base_etag = g_key_file_get_string (info, INFO_GROUP, "BaseEtag", NULL);
  draft->base_checksum = g_key_file_get_string (info, INFO_GROUP, "BaseChecksum", NULL);
  if (time != NULL)
    draft->time = g_date_time_new_from_iso8601 (time, NULL);
  if (draft->time == NULL)
    draft->time = g_date_time_new_from_unix_utc (0);

  return draft;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  RacimoDraft *draft_a = *(RacimoDraft **) a;
  RacimoDraft *draft_b = *(RacimoDraft **) b;

  return g_date_time_compare (draft_b->time, draft_a->time);
}

/**
 * racimo_drafts_list:
 *
 * The drafts to offer back at start-up: those whose process is gone, the
 * newest first.  Drafts of running processes (this one included) are
 * left alone.  What a crash left behind of a draft that cannot be
 * restored, and temporary files, are removed.
 *
 * Returns: (transfer container) (element-type RacimoDraft): the drafts
 */
GPtrArray *
racimo_drafts_list (RacimoDrafts *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (RACIMO_IS_DRAFTS (self), NULL);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_draft_unref);

  dir = g_dir_open (self->directory, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&drafts);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *project_path = NULL;
      g_autoptr(GKeyFile) info = NULL;
      g_autoptr(GMutexLocker) locker = NULL;

      if (!g_str_has_suffix (name, INFO_SUFFIX))
        continue;

      id = g_strndup (name, strlen (name) - strlen (INFO_SUFFIX));
      if (!id_is_valid (id))
        continue;

      info = read_info (self, id);
      if (info == NULL || owner_is_alive (info))
        continue;

      locker = g_mutex_locker_new (&self->mutex);
      project_path = draft_path (self, id, PROJECT_SUFFIX);

      /* A crash before the first project file was in place: nothing to
       * offer. */
      if (!g_file_test (project_path, G_FILE_TEST_IS_REGULAR))
        {
          remove_files (self, id, FALSE, NULL);
          continue;
        }

      remove_files (self, id, TRUE, NULL);
      g_ptr_array_add (drafts, draft_new (id, info));
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

/* Restoring */

RacimoDraftContents *
_racimo_draft_contents_new (RacimoDraft *draft)
{
  RacimoDraftContents *contents = g_new0 (RacimoDraftContents, 1);

  contents->draft = racimo_draft_ref (draft);

  return contents;
}

void
_racimo_draft_contents_free (gpointer data)
{
  RacimoDraftContents *contents = data;

  g_clear_pointer (&contents->draft, racimo_draft_unref);
  g_clear_object (&contents->project);
  g_free (contents->etag);
  g_free (contents->checksum);
  g_free (contents);
}

/* Is the draft's file still the version the changes were made to?  Same
 * entity tag, or (copied back, touched, on a file system whose tags
 * change) the same bytes: then saves are checked against the file as it
 * is.  Otherwise a colleague changed it since, and saving the restored
 * project must not silently replace their version: saves are checked
 * against the draft's base, which fails, and the document says the file
 * changed on disk. */
static void
compare_with_base (RacimoDraftContents  *data,
                   GCancellable *cancellable)
{
  RacimoDraft *draft = data->draft;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *checksum = NULL;

  /* The entity tag first: the same, and the bytes need no reading. */
  info = g_file_query_info (draft->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && draft->base_etag != NULL
      && g_strcmp0 (g_file_info_get_etag (info), draft->base_etag) == 0)
    {
      data->etag = g_strdup (draft->base_etag);
      data->checksum = g_strdup (draft->base_checksum);
      return;
    }

  bytes = _racimo_file_read (draft->file, &etag, cancellable, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          /* Gone since: saving makes it again.  A draft of a file that
           * was not there yet (no base) has nothing to compare with. */
          data->etag = g_strdup (draft->base_etag);
          data->checksum = g_strdup (draft->base_checksum);
          data->deleted = draft->base_etag != NULL || draft->base_checksum != NULL;
          return;
        }

      /* Unreadable now: not known to be the same. */
      g_debug ("%s", error->message);
    }
  else if (draft->base_checksum != NULL)
    {
      checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (g_strcmp0 (checksum, draft->base_checksum) == 0)
        {
          data->etag = g_steal_pointer (&etag);
          data->checksum = g_steal_pointer (&checksum);
          return;
        }
    }

  /* Changed, or a draft that does not say what it was made from: an
   * entity tag that matches no file ("" where there is none) makes the
   * next save ask before it writes. */
  data->etag = g_strdup (draft->base_etag != NULL ? draft->base_etag : "");
  data->checksum = g_strdup (draft->base_checksum);
  data->changed = TRUE;
}

gboolean
_racimo_drafts_read (RacimoDrafts         *self,
                     RacimoDraftContents  *data,
            GCancellable  *cancellable,
            GError       **error)
{
  RacimoDraft *draft = data->draft;
  g_autofree char *project_path = draft_path (self, draft->id, PROJECT_SUFFIX);
  g_autofree char *info_path = draft_path (self, draft->id, INFO_SUFFIX);
  g_autofree char *name = racimo_draft_get_display_name (draft);
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_get_contents (project_path, &contents, &length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The unsaved changes to %s could not be read: %s"),
                   name, local_error->message);
      return FALSE;
    }

  /* Translators: names a draft in error messages, as in
   * "Draft of Plan.raci:12:3: ..." */
  display_name = g_strdup_printf (_("Draft of %s"), name);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  data->project = racimo_file_load_bytes (bytes, display_name, error);
  if (data->project == NULL)
    return FALSE;

  if (draft->file != NULL)
    compare_with_base (data, cancellable);

  /* The draft is this process's from now on, so it is not offered again
   * while the restored document is open. */
  info = info_to_data (draft->title, draft->file, draft->source, draft->time,
                       draft->base_etag, draft->base_checksum, &length);
  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

    if (!write_atomically (info_path, info, length, &local_error))
      g_debug ("%s", local_error->message);
  }

  return TRUE;
}

/**
 * racimo_drafts_get_project_file:
 * @draft: one of racimo_drafts_list()
 *
 * The file of the draft's unsaved project, to read it without restoring
 * it (compare mode): the draft stays as it is, offered after a crash.
 *
 * Returns: (transfer full): the file
 */
GFile *
racimo_drafts_get_project_file (RacimoDrafts *self,
                                RacimoDraft  *draft)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RACIMO_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  path = draft_path (self, draft->id, PROJECT_SUFFIX);
  return g_file_new_for_path (path);
}

/**
 * racimo_drafts_discard:
 * @draft: one of racimo_drafts_list()
 *
 * The user declined to restore it: removes it for good.
 *
 * Returns: %TRUE when removed
 */
gboolean
racimo_drafts_discard (RacimoDrafts  *self,
                       RacimoDraft   *draft,
                       GError       **error)
{
  g_return_val_if_fail (RACIMO_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  return racimo_drafts_remove (self, draft->id, error);
}
