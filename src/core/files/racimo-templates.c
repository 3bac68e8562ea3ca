/* racimo-templates.c: the projects a user can start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-data-resources.h"
#include "racimo-file.h"
#include "racimo-model-private.h"
#include "racimo-templates.h"

/* The templates are .raci files in the data resource, written in English;
 * their names and descriptions are translated when a project is made. */
static const RacimoTemplate templates[] = {
  {
    "ml-system-deployment",
    N_("ML system deployment"),
    N_("Eight roles, from account manager to infrastructure engineer, across the life of a "
       "machine-learning system: requirements, data, modeling, evaluation, MLOps, "
       "integration and operations"),
  },
  {
    "blank-raci",
    N_("Blank RACI matrix"),
    N_("Responsible, Accountable, Consulted and Informed, with no roles or activities yet"),
  },
  {
    "blank-rasci",
    N_("Blank RASCI matrix"),
    N_("RACI with Supportive for those who help the responsible role, with no roles or "
       "activities yet"),
  },
};

guint
racimo_templates_get_n (void)
{
  return G_N_ELEMENTS (templates);
}

/**
 * racimo_templates_get_nth:
 * @n: less than racimo_templates_get_n()
 *
 * Returns: (transfer none): the @n-th template, in the order a user is
 *   offered them
 */
const RacimoTemplate *
racimo_templates_get_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (templates), NULL);

  return &templates[n];
}

static const RacimoTemplate *
lookup_template (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (strcmp (templates[i].id, id) == 0)
      return &templates[i];

  return NULL;
}

/* gettext maps "" to the catalog's header, so empty strings stay as they
 * are.  Without a translation g_dgettext() returns @text itself, which the
 * setters would free before copying it: only a real translation is set. */
static const char *
translate (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, text);
}

static void
translate_item (RacimoItem *item)
{
  const char *name = racimo_item_get_name (item);
  const char *description = racimo_item_get_description (item);
  const char *translated;

  translated = translate (name);
  if (translated != NULL && translated != name)
    _racimo_item_set_name (item, translated);

  translated = translate (description);
  if (translated != NULL && translated != description)
    _racimo_item_set_description (item, translated);
}

static void
translate_project (RacimoProject *project)
{
  const char *text;
  const char *translated;

  text = racimo_project_get_title (project);
  translated = translate (text);
  if (translated != NULL && translated != text)
    _racimo_project_set_title (project, translated);

  text = racimo_project_get_description (project);
  translated = translate (text);
  if (translated != NULL && translated != text)
    _racimo_project_set_description (project, translated);

  for (guint i = 0; i < racimo_project_get_n_roles (project); i++)
    {
      RacimoRole *role = racimo_project_get_role (project, i);

      translate_item (RACIMO_ITEM (role));

      /* Abbreviations are translated too: a Japanese team may head the
       * columns with its own short names. */
      text = racimo_role_get_abbrev (role);
      translated = translate (text);
      if (translated != NULL && translated != text)
        _racimo_role_set_abbrev (role, translated);
    }

  for (guint i = 0; i < racimo_project_get_n_phases (project); i++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, i);

      translate_item (RACIMO_ITEM (phase));

      for (guint j = 0; j < racimo_phase_get_n_activities (phase); j++)
        translate_item (RACIMO_ITEM (racimo_phase_get_activity (phase, j)));
    }
}

/**
 * racimo_templates_create:
 * @id: the id of a template, such as "blank-raci"
 * @error: return location for a #GError
 *
 * Makes a new project from a template, with its title, names and
 * descriptions in the user's language.  The project has an empty history
 * and is not modified, so closing it right away asks nothing.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
RacimoProject *
racimo_templates_create (const char  *id,
                         GError     **error)
{
  const RacimoTemplate *template;
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RacimoProject) project = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template = lookup_template (id);
  if (template == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no template named “%s”"), id);
      return NULL;
    }

  /* Asking the data resource itself, rather than every registered one,
   * also keeps its object file in programs that link the static core
   * library: the linker drops what nothing refers to. */
  path = g_strdup_printf (RESOURCE_BASE "/templates/%s.raci", template->id);
  bytes = g_resource_lookup_data (racimo_data_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  display_name = g_strdup_printf ("%s.raci", template->id);
  project = racimo_file_load_bytes (bytes, display_name, error);
  if (project == NULL)
    return NULL;

  translate_project (project);

  return g_steal_pointer (&project);
}

/* The user's own templates */

/**
 * racimo_templates_get_user_folder:
 *
 * Returns: (transfer full): the folder of the user's own templates,
 *   "racimo/templates" in the user's data folder
 */
GFile *
racimo_templates_get_user_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "racimo", "templates", NULL);

  return g_file_new_for_path (path);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **) a);
  g_autofree char *nb = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (na, nb);
}

/**
 * racimo_templates_list_user:
 *
 * Returns: (transfer full) (element-type GFile): the user's templates, by
 *   name; none when the folder does not exist
 */
GPtrArray *
racimo_templates_list_user (void)
{
  g_autoptr(GFile) folder = racimo_templates_get_user_folder ();
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL)
         && info != NULL)
    if (g_str_has_suffix (g_file_info_get_name (info), ".raci"))
      g_ptr_array_add (files, g_object_ref (child));

  g_ptr_array_sort (files, compare_files);
  return files;
}

/**
 * racimo_templates_save_user:
 *
 * Keeps @project as one of the user's templates, in a file named after its
 * title ("Vendor onboarding.raci", "Vendor onboarding 2.raci", ...).
 *
 * Returns: (transfer full): the template's file, or %NULL with @error set
 */
GFile *
racimo_templates_save_user (RacimoProject  *project,
                            GError        **error)
{
  g_autoptr(GFile) folder = racimo_templates_get_user_folder ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* A title is a file name once its slashes are gone. */
  title = g_strdup (racimo_project_get_title (project));
  g_strdelimit (title, "/\\", '-');
  g_strstrip (title);
  if (*title == '\0' || *title == '.')
    {
      g_free (title);
      title = g_strdup (_("Template"));
    }

  for (guint i = 1; file == NULL || g_file_query_exists (file, NULL); i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s.raci", title)
                                     : g_strdup_printf ("%s %u.raci", title, i);

      g_clear_object (&file);
      file = g_file_get_child (folder, name);
    }

  if (!racimo_file_save (project, file, NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&file);
}

/**
 * racimo_templates_create_from_user:
 * @file: one of racimo_templates_list_user ()
 *
 * Returns: (transfer full): a new project from the user's template in
 *   @file, or %NULL with @error set
 */
RacimoProject *
racimo_templates_create_from_user (GFile   *file,
                                   GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return racimo_file_load (file, NULL, NULL, error);
}
