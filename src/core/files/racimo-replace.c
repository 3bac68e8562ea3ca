/* racimo-replace.c: writing a whole file, or nothing
 *
 * g_file_replace () is not enough.  In GLib 2.74 it renames a temporary
 * file over the target only when it can: for a symlink, a file with
 * several hard links or one in a folder the user cannot write to, it
 * truncates the target and writes in place, so a full disk destroys the
 * user's file.  And a failed write still renames its temporary file over
 * the target when the stream closes.
 *
 * So a local file is written here with plain system calls, after looking
 * at what it is:
 *
 * - a symlink is followed to the file it points at, which is then
 *   replaced (a temporary file beside the target, renamed over it), so
 *   the link stays a link;
 * - a pipe, a device or a socket is refused before anything is opened:
 *   opening a pipe to write blocks until someone reads it;
 * - a file whose other hard links must see the new contents, or whose
 *   folder cannot take a temporary file, is written in place, but only
 *   after room for all of the new contents is reserved (fallocate) and
 *   a complete copy of the old contents is held in memory, so that a
 *   failure puts the old bytes back; where the file system cannot reserve
 *   room it is refused, untouched.
 *
 * Every error names the file in plain words and says whether the file
 * was left as it was.  Files that are not local (GVfs) go through GIO.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* fallocate () */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "racimo-replace-private.h"
#include "racimo-replace.h"
#include "racimo-task-private.h"

G_DEFINE_QUARK (racimo-save-error-quark, racimo_save_error)

/* Symlinks followed before giving up, as the kernel does (MAXSYMLINKS). */
#define MAX_LINKS 40

/* Errors */

/* What went wrong, for an errno from a system call on @name's file,
 * which is as it was (@existed) or was not made. */
static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *name,
                 gboolean     existed)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);
  g_autofree char *what = NULL;

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      code = G_IO_ERROR_NO_SPACE;
      what = g_strdup (_("there is no space left on the disk"));
      break;
    case EACCES:
    case EPERM:
      what = g_strdup (_("you do not have permission to write here"));
      break;
    case EROFS:
      what = g_strdup (_("the disk is read-only"));
      break;
    case EISDIR:
      what = g_strdup (_("this is a folder, not a file"));
      break;
    case ENAMETOOLONG:
      what = g_strdup (_("the name is too long for this disk"));
      break;
    case ELOOP:
      what = g_strdup (_("the file is a link that leads back to itself"));
      break;
    default:
      /* Translators: %s is the system's description of an error */
      what = g_strdup_printf (_("the file could not be written: %s"), g_strerror (saved_errno));
      break;
    }

  if (existed)
    /* Translators: the first %s is a file name, the second what went wrong */
    g_set_error (error, G_IO_ERROR, code, _("%s: %s; the file was left as it was"), name, what);
  else
    /* Translators: the first %s is a file name, the second what went wrong */
    g_set_error (error, G_IO_ERROR, code, _("%s: %s; nothing was written"), name, what);
}

/* The parent of @path that stops it: a folder that does not exist, or a
 * file where a folder should be. */
static void
set_parent_error (GError     **error,
                  const char  *path,
                  const char  *name)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *ancestor = g_strdup (parent);
  GStatBuf st;

  /* The nearest ancestor that is there says which case it is. */
  while (g_stat (ancestor, &st) != 0)
    {
      char *up = g_path_get_dirname (ancestor);

      if (strcmp (up, ancestor) == 0)
        {
          g_free (up);
          break;
        }
      g_free (ancestor);
      ancestor = up;
    }

  if (g_stat (ancestor, &st) == 0 && !S_ISDIR (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (ancestor);

      g_set_error (error, RACIMO_SAVE_ERROR, RACIMO_SAVE_ERROR_NOT_A_FOLDER,
                   _("%s: \"%s\" is a file, not a folder"), name, display);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (parent);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: the folder \"%s\" does not exist"), name, display);
    }
}

static gboolean
set_wrong_etag_error (GError     **error,
                      const char  *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("%s: the file was changed by another program since it was opened; "
                 "saving would overwrite those changes"), name);
  return FALSE;
}

/* Looking at the target */

typedef struct
{
  const char *name;     /* the file as the user named it, for messages */
  char       *target;   /* the path written: links followed */
  gboolean    exists;
  GStatBuf    st;       /* of the target, when it exists */
} Target;

static void
target_clear (Target *t)
{
  g_clear_pointer (&t->target, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* Follows @path's symlinks to the file they lead to, which may not exist
 * yet (a dangling link is written through, as a shell's > would). */
static gboolean
resolve_target (Target      *t,
                const char  *path,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i <= MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;

      if (g_lstat (current, &t->st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOENT || saved_errno == ENOTDIR)
            {
              g_autofree char *parent = g_path_get_dirname (current);
              GStatBuf st;

              if (g_stat (parent, &st) != 0 || !S_ISDIR (st.st_mode))
                {
                  set_parent_error (error, current, t->name);
                  return FALSE;
                }

              t->exists = FALSE;
              t->target = g_steal_pointer (&current);
              return TRUE;
            }

          set_errno_error (error, saved_errno, t->name, TRUE);
          return FALSE;
        }

      if (!S_ISLNK (t->st.st_mode))
        {
          t->exists = TRUE;
          t->target = g_steal_pointer (&current);
          return TRUE;
        }

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        {
          set_errno_error (error, errno, t->name, TRUE);
          return FALSE;
        }

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (dir, link, NULL);
    }

  set_errno_error (error, ELOOP, t->name, TRUE);
  return FALSE;
}

/* Refuses what cannot be replaced by a file, before anything is opened. */
static gboolean
check_target (Target  *t,
              GError **error)
{
  if (!t->exists)
    return TRUE;

  if (S_ISDIR (t->st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: this is a folder, not a file"), t->name);
      return FALSE;
    }

  if (!S_ISREG (t->st.st_mode))
    {
      g_set_error (error, RACIMO_SAVE_ERROR, RACIMO_SAVE_ERROR_NOT_REGULAR,
                   _("%s: this is not a regular file (a pipe, a device or a socket); "
                     "Racimo writes only to files, and wrote nothing"), t->name);
      return FALSE;
    }

  return TRUE;
}

static char *
query_etag (const char   *path,
            GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* Writing */

static gboolean
write_all (int            fd,
           const char    *data,
           gsize          size,
           goffset        offset,
           GCancellable  *cancellable,
           int           *saved_errno)
{
  while (size > 0)
    {
      /* At most 1 MiB at a time, so that a cancel is heard. */
      gssize n = pwrite (fd, data, MIN (size, 1024 * 1024), offset);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }

      if (g_cancellable_is_cancelled (cancellable))
        {
          *saved_errno = ECANCELED;
          return FALSE;
        }

      data += n;
      size -= (gsize) n;
      offset += n;
    }

  return TRUE;
}

static gboolean
set_cancelled_or_errno (GError     **error,
                        int          saved_errno,
                        const char  *name,
                        gboolean     existed,
                        GCancellable *cancellable)
{
  if (saved_errno == ECANCELED && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  set_errno_error (error, saved_errno, name, existed);
  return FALSE;
}

/* Outcome of replace_by_rename () */
typedef enum
{
  RENAME_DONE,
  RENAME_FAILED,
  RENAME_NEEDS_IN_PLACE, /* the temporary file cannot keep the owner */
} RenameResult;

/* A temporary file beside the target, renamed over it. */
static RenameResult
replace_by_rename (Target        *t,
                   const char    *data,
                   gsize          size,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (t->target);
  g_autofree char *temp = g_build_filename (dir, ".racimo-XXXXXX", NULL);
  int saved_errno = 0;
  int fd;

  /* A new file gets what the umask allows of 0666, as any other. */
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, t->name, t->exists);
      return RENAME_FAILED;
    }

  if (t->exists)
    {
      /* The new file is the old one to everyone else: same owner, group
       * and permissions.  Where that cannot be, the old one is written
       * in place instead. */
      if ((t->st.st_uid != geteuid () || t->st.st_gid != getegid ())
          && fchown (fd, t->st.st_uid, t->st.st_gid) != 0)
        {
          close (fd);
          g_unlink (temp);
          return RENAME_NEEDS_IN_PLACE;
        }

      if (fchmod (fd, t->st.st_mode & 07777) != 0)
        {
          saved_errno = errno;
          goto failed;
        }
    }

  if (!write_all (fd, data, size, 0, cancellable, &saved_errno))
    goto failed;

  /* On disk before the rename, or a power cut could leave an empty file
   * in place of the user's. */
  if (t->exists && fsync (fd) != 0)
    {
      saved_errno = errno;
      goto failed;
    }

  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      goto failed;
    }
  fd = -1;

  if (g_rename (temp, t->target) != 0)
    {
      saved_errno = errno;
      goto failed;
    }

  return RENAME_DONE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  set_cancelled_or_errno (error, saved_errno, t->name, t->exists, cancellable);
  return RENAME_FAILED;
}

/* Writes over the target's own bytes: for a file whose hard links must
 * all see the new contents, or in a folder that takes no new file.
 * Room for the new contents is reserved first and the old contents kept,
 * so that no failure leaves part of one and part of the other. */
static gboolean
replace_in_place (Target        *t,
                  const char    *data,
                  gsize          size,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *old = NULL;
  GStatBuf st;
  gsize old_size;
  int saved_errno = 0;
  int fd;

  fd = g_open (t->target, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, t->name, TRUE);
      return FALSE;
    }

  /* Looked at again through the open file: it may have been swapped. */
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, RACIMO_SAVE_ERROR, RACIMO_SAVE_ERROR_NOT_REGULAR,
                   _("%s: this is not a regular file (a pipe, a device or a socket); "
                     "Racimo writes only to files, and wrote nothing"), t->name);
      return FALSE;
    }

  /* The complete copy of the old contents, to put back on failure. */
  old_size = (gsize) st.st_size;
  old = g_malloc (MAX (old_size, 1));
  for (gsize done = 0; done < old_size;)
    {
      gssize n = pread (fd, old + done, old_size - done, (off_t) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : EIO;
          close (fd);
          set_errno_error (error, saved_errno, t->name, TRUE);
          return FALSE;
        }
      done += (gsize) n;
    }

  /* Reserved without changing the size: when there is no room, nothing
   * of the file has changed. */
  if (size > 0 && fallocate (fd, FALLOC_FL_KEEP_SIZE, 0, (off_t) size) != 0)
    {
      saved_errno = errno;
      close (fd);

      if (saved_errno == EOPNOTSUPP || saved_errno == ENOSYS)
        {
          g_set_error (error, RACIMO_SAVE_ERROR, RACIMO_SAVE_ERROR_UNSAFE,
                       _("%s: the file has other hard links, or its folder cannot be written "
                         "to, and this disk cannot reserve room to write it safely in place; "
                         "the file was left as it was"), t->name);
          return FALSE;
        }

      set_errno_error (error, saved_errno, t->name, TRUE);
      return FALSE;
    }

  if (write_all (fd, data, size, 0, cancellable, &saved_errno))
    {
      /* Shortened only once all of the new contents are there. */
      if (size < old_size && ftruncate (fd, (off_t) size) != 0)
        saved_errno = errno;
      else if (fsync (fd) != 0)
        saved_errno = errno;
    }

  if (saved_errno != 0)
    {
      int restore_errno = 0;

      /* Put back what was there. */
      if (!write_all (fd, old, old_size, 0, NULL, &restore_errno)
          || ftruncate (fd, (off_t) old_size) != 0)
        {
          close (fd);
          /* Translators: the first %s is a file name, the second what went wrong */
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: the file could not be written (%s), and its old contents could "
                         "not be put back"), t->name, g_strerror (saved_errno));
          return FALSE;
        }

      close (fd);
      return set_cancelled_or_errno (error, saved_errno, t->name, TRUE, cancellable);
    }

  if (close (fd) != 0)
    {
      set_errno_error (error, errno, t->name, TRUE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
replace_local (GFile         *file,
               const char    *path,
               GBytes        *bytes,
               const char    *etag,
               char         **new_etag,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_auto(Target) t = { name, NULL, FALSE, { 0 } };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean in_place = FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!resolve_target (&t, path, error) || !check_target (&t, error))
    return FALSE;

  if (t.exists && etag != NULL)
    {
      g_autofree char *current = query_etag (t.target, cancellable);

      if (g_strcmp0 (current, etag) != 0)
        return set_wrong_etag_error (error, name);
    }

  if (t.exists)
    {
      g_autofree char *dir = g_path_get_dirname (t.target);

      in_place = t.st.st_nlink > 1 || g_access (dir, W_OK) != 0;
    }

  if (!in_place)
    {
      switch (replace_by_rename (&t, data, size, cancellable, error))
        {
        case RENAME_DONE:
          break;
        case RENAME_FAILED:
          return FALSE;
        case RENAME_NEEDS_IN_PLACE:
          in_place = TRUE;
          break;
        }
    }

  if (in_place && !replace_in_place (&t, data, size, cancellable, error))
    return FALSE;

  if (new_etag != NULL)
    *new_etag = query_etag (t.target, NULL);

  return TRUE;
}

/* Not a local file: GIO, with its temporary file abandoned on failure. */
static gboolean
replace_with_gio (GFile         *file,
                  GBytes        *bytes,
                  const char    *etag,
                  char         **new_etag,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean existed = g_file_query_exists (file, cancellable);

  /* No backup: "file~" beside it may not be allowed (a document portal),
   * and the rename over the file is atomic anyway. */
  out = g_file_replace (file, etag, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (out == NULL)
    goto failed;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, cancellable,
                                  &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      goto failed;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    goto failed;

  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (out);

  return TRUE;

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    return set_wrong_etag_error (error, name);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_error (error, local_error->domain, local_error->code,
               existed ? _("%s: %s; the file was left as it was")
                       : _("%s: %s; nothing was written"),
               name, local_error->message);
  return FALSE;
}

gboolean
_racimo_replace_contents (GFile         *file,
                          GBytes        *bytes,
                          const char    *etag,
                          char         **new_etag,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return replace_local (file, path, bytes, etag, new_etag, cancellable, error);

  return replace_with_gio (file, bytes, etag, new_etag, cancellable, error);
}

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  char   *etag;
  char   *new_etag;
} ReplaceData;

static void
replace_data_free (gpointer data)
{
  ReplaceData *replace = data;

  g_object_unref (replace->file);
  g_bytes_unref (replace->bytes);
  g_free (replace->etag);
  g_free (replace->new_etag);
  g_free (replace);
}

static gboolean
replace_in_thread (gpointer       source_object,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ReplaceData *replace = data;

  return _racimo_replace_contents (replace->file, replace->bytes, replace->etag,
                                   &replace->new_etag, cancellable, error);
}

/* The one asynchronous save: every _save_async () of a file format
 * serialises on its own thread, then hands the bytes here with its own
 * source object and tag. */
void
_racimo_replace_save_async (gpointer             source_object,
                            gpointer             source_tag,
                            GFile               *file,
                            GBytes              *bytes,
                            const char          *etag,
                            GError              *refusal,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ReplaceData *replace;

  if (refusal != NULL)
    {
      g_task_report_error (source_object, callback, user_data, source_tag, refusal);
      return;
    }

  replace = g_new0 (ReplaceData, 1);
  replace->file = g_object_ref (file);
  replace->bytes = g_bytes_ref (bytes);
  replace->etag = g_strdup (etag);
  _racimo_task_run_in_thread (source_object, source_tag, replace_in_thread,
                              replace, replace_data_free, cancellable, callback, user_data);
}

gboolean
_racimo_replace_save_finish (GAsyncResult  *result,
                             gpointer       source_tag,
                             char         **new_etag,
                             GError       **error)
{
  ReplaceData *replace = _racimo_task_finish (result, source_tag, error);

  if (replace == NULL)
    return FALSE;

  /* A file with no entity tag (some GVfs back ends) is saved too. */
  if (new_etag != NULL)
    *new_etag = g_steal_pointer (&replace->new_etag);

  return TRUE;
}

void
_racimo_replace_contents_async (GFile               *file,
                                GBytes              *bytes,
                                const char          *etag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  _racimo_replace_save_async (file, _racimo_replace_contents_async, file, bytes, etag, NULL,
                              cancellable, callback, user_data);
}

gboolean
_racimo_replace_contents_finish (GFile         *file,
                                 GAsyncResult  *result,
                                 char         **new_etag,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return _racimo_replace_save_finish (result, _racimo_replace_contents_async, new_etag, error);
}
