/* racimo-reader-load.c: loading and repairing .raci files: the public entry points
 * of the reader, in this thread or in a worker thread (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "racimo-check.h"
#include "racimo-file-private.h"
#include "racimo-foreign-private.h"
#include "racimo-model-private.h"
#include "racimo-reader-private.h"
#include "racimo-reader.h"
#include "racimo-repairs.h"
#include "racimo-task-private.h"
#include "racimo-writer.h"
#include "racimo-xml-gate-private.h"

RacimoProject *
racimo_file_load_bytes (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  xmlDoc *doc;
  RacimoProject *project;
  RacimoXmlShape shape = { 0, 0, FALSE };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _racimo_xml_read (bytes, display_name, &shape, error);
  if (doc == NULL)
    return NULL;

  project = _racimo_reader_build (doc, display_name, &shape, NULL, error);
  _racimo_xml_release_doc (doc, g_bytes_get_size (bytes));

  return project;
}

/* Reads @file and builds it, strictly or (@repair) repaired. */
static RacimoProject *
read_and_build (GFile          *file,
                char          **etag,
                gboolean        repair,
                RacimoRepairs **repairs,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *read_etag = NULL;
  g_autofree char *name = NULL;
  RacimoProject *project;

  bytes = _racimo_file_read (file, &read_etag, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  if (repair)
    project = racimo_file_repair_bytes (bytes, name, repairs, error);
  else
    project = racimo_file_load_bytes (bytes, name, error);

  if (project != NULL && etag != NULL)
    *etag = g_steal_pointer (&read_etag);

  return project;
}

/**
 * racimo_file_error_may_repair:
 * @error: an error of racimo_file_load () or its kin
 *
 * Whether @error refuses a rule of the format rather than a safety gate,
 * so that racimo_file_repair () may open the file: only an attempt tells
 * for sure (a version that is no version is refused either way).
 */
gboolean
racimo_file_error_may_repair (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return error->domain == RACIMO_FILE_ERROR
         && (error->code == RACIMO_FILE_ERROR_INVALID
             || error->code == RACIMO_FILE_ERROR_DUPLICATE_ID
             || error->code == RACIMO_FILE_ERROR_UNKNOWN_ROLE
             || error->code == RACIMO_FILE_ERROR_BAD_CODE);
}

/**
 * racimo_file_repair_bytes:
 * @repairs: (out) (optional): what was repaired, in the order of the file
 *
 * Builds a project from a file that breaks rules of the format, as
 * docs/file-format.md, "Repairing a file", says: the file must pass every
 * safety gate, as for racimo_file_load_bytes (); each rule break after
 * them is repaired and recorded instead of refused.  The project saves
 * into a file that racimo_file_load_bytes () reads; when it would not,
 * the file is refused as racimo_file_load_bytes () refuses it.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
RacimoProject *
racimo_file_repair_bytes (GBytes         *bytes,
                          const char     *display_name,
                          RacimoRepairs **repairs,
                          GError        **error)
{
  g_autoptr(RacimoRepairs) made = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoProject) reread = NULL;
  g_autoptr(GBytes) saved = NULL;
  RacimoXmlShape shape = { 0, 0, FALSE };
  xmlDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _racimo_xml_read (bytes, display_name, &shape, error);
  if (doc == NULL)
    return NULL;

  made = racimo_repairs_new ();
  project = _racimo_reader_build (doc, display_name, &shape, made, error);
  _racimo_xml_release_doc (doc, g_bytes_get_size (bytes));
  if (project == NULL)
    return NULL;

  /* What the builder does not check, the schema does: a repair that the
   * schema would still refuse is no repair. */
  saved = racimo_file_serialize (project);
  reread = racimo_file_load_bytes (saved, display_name, NULL);
  if (reread == NULL)
    {
      RacimoProject *strict = racimo_file_load_bytes (bytes, display_name, error);

      if (strict == NULL)
        return NULL;

      /* The file itself was fine, its repaired copy not: say so. */
      g_object_unref (strict);
      _racimo_xml_set_error (error, RACIMO_FILE_ERROR_INVALID, display_name, 0, 0,
                             _("Racimo could not repair the file"));
      return NULL;
    }

  if (repairs != NULL)
    *repairs = g_steal_pointer (&made);

  return g_steal_pointer (&project);
}

/**
 * racimo_file_repair:
 * @repairs: (out) (optional): what was repaired
 *
 * Reads @file as racimo_file_repair_bytes () builds it; blocks.
 *
 * Returns: (transfer full): the project
 */
RacimoProject *
racimo_file_repair (GFile          *file,
                    RacimoRepairs **repairs,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_and_build (file, NULL, TRUE, repairs, cancellable, error);
}

/**
 * racimo_file_load:
 * @file: a .raci file
 * @etag: (out) (optional): the entity tag of what was read, to pass to
 *   racimo_file_save() so that it notices a change on disk
 *
 * Reads a project from @file; blocks, so runs in a thread or a tool.
 *
 * Returns: (transfer full): the project, with an empty history
 */
RacimoProject *
racimo_file_load (GFile         *file,
                  char         **etag,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_and_build (file, etag, FALSE, NULL, cancellable, error);
}

typedef struct
{
  GFile         *file;
  RacimoProject *project;
  char          *etag;
  gboolean       repair;
  RacimoRepairs *repairs;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->file);
  g_clear_object (&load->project);
  g_free (load->etag);
  g_clear_pointer (&load->repairs, racimo_repairs_unref);
  g_free (load);
}

static gboolean
load_in_thread (gpointer       source_object,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadData *load = data;

  load->project = read_and_build (load->file, &load->etag, load->repair, &load->repairs,
                                  cancellable, error);

  return load->project != NULL;
}

static void
start_load (GFile               *file,
            gboolean             repair,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  LoadData *load = g_new0 (LoadData, 1);

  load->file = g_object_ref (file);
  load->repair = repair;
  _racimo_task_run_in_thread (NULL, source_tag, load_in_thread, load, load_data_free,
                              cancellable, callback, user_data);
}

/**
 * racimo_file_load_async:
 *
 * Reads, parses and builds the project in a thread.
 */
void
racimo_file_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (file, FALSE, racimo_file_load_async, cancellable, callback, user_data);
}

/**
 * racimo_file_load_finish:
 * @etag: (out) (optional): as for racimo_file_load()
 *
 * Returns: (transfer full): the project
 */
RacimoProject *
racimo_file_load_finish (GAsyncResult  *result,
                         char         **etag,
                         GError       **error)
{
  LoadData *load = _racimo_task_finish (result, racimo_file_load_async, error);

  if (load == NULL)
    return NULL;

  if (etag != NULL)
    *etag = g_steal_pointer (&load->etag);

  return g_steal_pointer (&load->project);
}

/**
 * racimo_file_repair_async:
 *
 * Reads and repairs the project in a thread, as racimo_file_repair ().
 */
void
racimo_file_repair_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (file, TRUE, racimo_file_repair_async, cancellable, callback, user_data);
}

/**
 * racimo_file_repair_finish:
 * @repairs: (out) (optional): what was repaired
 *
 * Returns: (transfer full): the project
 */
RacimoProject *
racimo_file_repair_finish (GAsyncResult   *result,
                           RacimoRepairs **repairs,
                           GError        **error)
{
  LoadData *load = _racimo_task_finish (result, racimo_file_repair_async, error);

  if (load == NULL)
    return NULL;

  if (repairs != NULL)
    *repairs = g_steal_pointer (&load->repairs);

  return g_steal_pointer (&load->project);
}
