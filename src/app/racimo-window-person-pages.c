/* racimo-window-person-pages.c: "What does this person own?" as a PDF
 *
 * win.export-person-pages, with a person's id (or "" for everyone): asks
 * where, then writes the person's pages of core's RacimoPersonPages in a
 * thread, from a snapshot of the project, as the PDF export of the matrix
 * does.  The people editor offers it on each person's workload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-compat.h"
#include "racimo-window-private.h"

typedef struct
{
  GBytes *bytes;     /* the project when asked */
  char   *person_id; /* NULL: everyone */
  char   *path;
  GFile  *file;
} PersonPagesJob;

static void
person_pages_job_free (PersonPagesJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->person_id, g_free);
  g_clear_pointer (&job->path, g_free);
  g_clear_object (&job->file);
  g_free (job);
}

/* A handout is read upright, on the paper of the locale. */
static RacimoPaginationOptions *
handout_options_new (void)
{
  RacimoPaginationOptions *options = racimo_pagination_options_new ();

  options->orientation = RACIMO_PAGINATION_PORTRAIT;

  return options;
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PersonPagesJob *job = task_data;
  g_autoptr(RacimoPaginationOptions) options = handout_options_new ();
  g_autoptr(RacimoProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  RacimoItem *person = NULL;

  copy = racimo_file_load_bytes (job->bytes, "", &error);
  if (copy != NULL && job->person_id != NULL)
    person = racimo_project_lookup (copy, job->person_id);
  if (copy == NULL
      || !racimo_person_pages_export_pdf (copy, RACIMO_IS_PERSON (person) ? RACIMO_PERSON (person)
                                                                           : NULL,
                                          job->path, options, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RacimoWindow *self = RACIMO_WINDOW (source);
  PersonPagesJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean done = g_task_propagate_boolean (G_TASK (result), &error);

  _racimo_window_end_export (self, job->file, done, error);
}

/**
 * _racimo_window_export_person_pages:
 * @person: (nullable): whose page, or %NULL for a page per person
 * @file: the PDF to write
 *
 * Writes the pages in a thread; the window says when it is done, or why
 * it failed.  Edits made meanwhile are not in the PDF.
 */
void
_racimo_window_export_person_pages (RacimoWindow *self,
                                    RacimoPerson *person,
                                    GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  PersonPagesJob *job;

  g_return_if_fail (RACIMO_IS_WINDOW (self));
  g_return_if_fail (person == NULL || RACIMO_IS_PERSON (person));
  g_return_if_fail (G_IS_FILE (file));

  if (self->project == NULL)
    return;

  task = g_task_new (self, self->cancellable, on_exported, NULL);
  g_task_set_source_tag (task, _racimo_window_export_person_pages);
  job = g_new0 (PersonPagesJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  if (person != NULL)
    job->person_id = g_strdup (racimo_item_get_id (RACIMO_ITEM (person)));
  g_task_set_task_data (task, job, (GDestroyNotify) person_pages_job_free);

  if (!_racimo_window_begin_pdf_export (self, task, job->path))
    return;

  job->bytes = racimo_file_serialize (self->project);
  g_task_run_in_thread (task, export_in_thread);
}

typedef struct
{
  RacimoWindow *window;
  char         *person_id;
} Chosen;

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Chosen *chosen = user_data;
  g_autoptr(RacimoWindow) self = chosen->window;
  g_autofree char *person_id = chosen->person_id;
  g_autoptr(GFile) chosen_file = racimo_compat_save_file_finish (result, NULL);
  g_autoptr(GFile) file = NULL;
  RacimoItem *person;

  g_free (chosen);
  if (chosen_file == NULL || self->project == NULL)
    return;

  file = _racimo_window_add_missing_extension (chosen_file, ".pdf");
  /* The person may be gone while the dialog was open. */
  person = racimo_project_lookup (self->project, person_id);
  if (person_id[0] != '\0' && !RACIMO_IS_PERSON (person))
    return;
  _racimo_window_export_person_pages (self, RACIMO_IS_PERSON (person) ? RACIMO_PERSON (person)
                                                                      : NULL, file);
}

/* win.export-person-pages: the id of a person, or "" for everyone */
static void
export_person_pages_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  const char *person_id = g_variant_get_string (parameter, NULL);
  RacimoItem *person;
  g_autofree char *name = NULL;
  Chosen *chosen;

  if (self->project == NULL)
    return;

  person = racimo_project_lookup (self->project, person_id);
  if (RACIMO_IS_PERSON (person) && racimo_item_get_name (person)[0] != '\0')
    name = g_strdup_printf ("%s.pdf", racimo_item_get_name (person));
  else
    /* Translators: the file name offered for the pages of every person */
    name = g_strdup_printf ("%s.pdf", _("People"));
  /* Safe on every system, as the names of the other exports */
  g_strdelimit (name, "/\\:*?\"<>|", '-');

  chosen = g_new0 (Chosen, 1);
  chosen->window = g_object_ref (self);
  chosen->person_id = g_strdup (person_id);
  racimo_compat_save_file (GTK_WINDOW (self), _("Export Person’s Page"),
                           RACIMO_FILE_FILTER_PDF | RACIMO_FILE_FILTER_ALL,
                           NULL, name, self->cancellable, on_file_chosen, chosen);
}

void
_racimo_window_person_pages_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-person-pages", "s",
                                   export_person_pages_action);
}
