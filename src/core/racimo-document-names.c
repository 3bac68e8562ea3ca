/* racimo-document-names.c: the names a document suggests for its file
 *
 * A file name from the project's title that every system accepts, and
 * the extension added to a name typed without one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-document-private.h"

gboolean
_racimo_name_has_extension (const char *name,
                            const char *extension)
{
  gsize name_len, ext_len;

  if (name == NULL)
    return FALSE;

  name_len = strlen (name);
  ext_len = strlen (extension);

  return name_len > ext_len
         && g_ascii_strcasecmp (name + name_len - ext_len, extension) == 0;
}

/* Characters that Windows, macOS or a shared drive refuse in a name
 * become '-'; line breaks, tabs and runs of spaces become one space.
 * Returns NULL when nothing is left. */
static char *
file_name_from_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean space = FALSE;
  const char *start;
  gsize len;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = TRUE;
          continue;
        }

      if (space && name->len > 0)
        g_string_append_c (name, ' ');
      space = FALSE;

      if (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }

  /* No hidden file, and no trailing dot, which Windows drops. */
  start = name->str;
  while (*start == '.' || *start == ' ')
    start++;
  len = strlen (start);

  /* Names are limited to 255 bytes: leave room for ".raci" and the
   * " (2)" that some file dialogs add. */
  if (len > 200)
    len = g_utf8_find_prev_char (start, start + 201) - start;

  while (len > 0 && (start[len - 1] == '.' || start[len - 1] == ' '))
    len--;

  return len > 0 ? g_strndup (start, len) : NULL;
}

/* "plan (repaired)" for a copy repaired from plan.raci */
char *
_racimo_document_repaired_title (RacimoDocument *self)
{
  g_autofree char *basename = g_file_get_basename (self->repaired_from);
  g_autofree char *display = g_filename_display_name (basename != NULL ? basename : "");

  if (_racimo_name_has_extension (display, ".raci"))
    display[strlen (display) - strlen (".raci")] = '\0';

  /* Translators: the title of a repaired copy of a file; %s is the file's
   * name without its extension */
  return g_strdup_printf (_("%s (repaired)"), display);
}

/**
 * racimo_document_suggest_file_name:
 *
 * The name Save As offers: the file's own name with ".raci", or the
 * project's title made into a file name ("ML system deployment.raci").
 *
 * Returns: (transfer full): a file name, in UTF-8
 */
char *
racimo_document_suggest_file_name (RacimoDocument *self)
{
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RACIMO_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autofree char *display = basename != NULL ? g_filename_display_name (basename) : NULL;

      if (display != NULL)
        {
          if (_racimo_name_has_extension (display, ".raci"))
            display[strlen (display) - strlen (".raci")] = '\0';
          else if (_racimo_name_has_extension (display, ".csv"))
            display[strlen (display) - strlen (".csv")] = '\0';
          stem = file_name_from_text (display);
        }
    }

  if (stem == NULL && self->repaired_from != NULL)
    {
      g_autofree char *title = _racimo_document_repaired_title (self);

      stem = file_name_from_text (title);
    }
  if (stem == NULL)
    stem = file_name_from_text (racimo_project_get_title (self->project));
  if (stem == NULL)
    stem = file_name_from_text (_("Untitled"));

  return g_strconcat (stem, ".raci", NULL);
}

/**
 * racimo_document_add_extension:
 * @file: the file a user chose in the Save As dialog
 *
 * Projects are .raci files: a name without the extension gets it, and a
 * .csv name has it replaced.
 *
 * Returns: (transfer full): @file, or a file beside it with ".raci"
 */
GFile *
racimo_document_add_extension (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (basename == NULL || parent == NULL || _racimo_name_has_extension (basename, ".raci"))
    return g_object_ref (file);

  if (_racimo_name_has_extension (basename, ".csv"))
    basename[strlen (basename) - strlen (".csv")] = '\0';
  name = g_strconcat (basename, ".raci", NULL);

  return g_file_get_child (parent, name);
}
