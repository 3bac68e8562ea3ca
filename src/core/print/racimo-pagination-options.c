/* racimo-pagination-options.c: the paper, margins and choices of a print
 *
 * Paper sizes by name, the locale's default paper (A4 or Letter), the
 * orientation, and how the matrix fits the page width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include <glib/gi18n-lib.h>

#include "racimo-pagination-options.h"

#define MM (72.0 / 25.4)

static gboolean
locale_prefers_letter (void)
{
#ifdef __GLIBC__
  /* What GTK's default paper size reads: LC_PAPER's width in mm. */
  union { unsigned int word; char *string; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  return width.word == 216;
#else
  static const char * const letter_territories[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "CR", "GT", "PA", "SV", "DO", "NI",
  };
  const char *locale = g_getenv ("LC_ALL");

  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LC_PAPER");
  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LANG");
  if (locale == NULL || (locale = strchr (locale, '_')) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (letter_territories); i++)
    if (strncmp (locale + 1, letter_territories[i], 2) == 0)
      return TRUE;

  return FALSE;
#endif
}

typedef struct
{
  const char *name;
  double      width;
  double      height;
} Paper;

static const Paper papers[] = {
  { "a4",     210.0 * MM, 297.0 * MM },
  { "a3",     297.0 * MM, 420.0 * MM },
  { "letter", 612.0,      792.0 },
  { "legal",  612.0,      1008.0 },
  /* 11 x 17 inches: called Tabloid upright and Ledger across; the
   * orientation says which way it is read. */
  { "tabloid", 792.0,     1224.0 },
  { "ledger",  792.0,     1224.0 },
};

G_DEFINE_BOXED_TYPE (RacimoPaginationOptions, racimo_pagination_options,
                     racimo_pagination_options_copy, racimo_pagination_options_free)

/**
 * racimo_pagination_options_new:
 *
 * The defaults: A4, or Letter where the locale's paper is Letter;
 * landscape; 10 mm margins; fit to page width; every phase; no
 * descriptions and no summary.
 *
 * Returns: (transfer full): new options
 */
RacimoPaginationOptions *
racimo_pagination_options_new (void)
{
  RacimoPaginationOptions *self = g_new0 (RacimoPaginationOptions, 1);
  const Paper *paper = &papers[locale_prefers_letter () ? 2 : 0];

  self->paper_width = paper->width;
  self->paper_height = paper->height;
  self->orientation = RACIMO_PAGINATION_LANDSCAPE;
  self->margin_top = self->margin_bottom = 10.0 * MM;
  self->margin_left = self->margin_right = 10.0 * MM;
  self->fit = RACIMO_PAGINATION_FIT_WIDTH;

  return self;
}

RacimoPaginationOptions *
racimo_pagination_options_copy (const RacimoPaginationOptions *self)
{
  RacimoPaginationOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->phases = g_strdupv (self->phases);
  copy->header = g_strdup (self->header);
  copy->footer = g_strdup (self->footer);

  return copy;
}

void
racimo_pagination_options_free (RacimoPaginationOptions *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->phases);
  g_free (self->header);
  g_free (self->footer);
  g_free (self);
}

/**
 * racimo_pagination_options_parse_paper:
 * @name: "a4", "a3", "letter", "legal", "tabloid" or "ledger", in any case
 *
 * Sets the paper size from its name, as given on the command line.
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE saying which
 *   names are known
 */
gboolean
racimo_pagination_options_parse_paper (RacimoPaginationOptions  *self,
                                       const char               *name,
                                       GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        self->paper_width = papers[i].width;
        self->paper_height = papers[i].height;
        return TRUE;
      }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown paper size “%s”: use a4, a3, letter, legal, tabloid or ledger"),
               name);
  return FALSE;
}

/**
 * racimo_pagination_options_parse_orientation:
 * @name: "landscape" or "portrait", in any case
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE
 */
gboolean
racimo_pagination_options_parse_orientation (RacimoPaginationOptions  *self,
                                             const char               *name,
                                             GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_ascii_strcasecmp (name, "landscape") == 0)
    self->orientation = RACIMO_PAGINATION_LANDSCAPE;
  else if (g_ascii_strcasecmp (name, "portrait") == 0)
    self->orientation = RACIMO_PAGINATION_PORTRAIT;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown orientation “%s”: use landscape or portrait"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * racimo_pagination_options_parse_fit:
 * @name: "fit" (to page width) or "tile" (across pages), in any case
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE
 */
gboolean
racimo_pagination_options_parse_fit (RacimoPaginationOptions  *self,
                                     const char               *name,
                                     GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_ascii_strcasecmp (name, "fit") == 0)
    self->fit = RACIMO_PAGINATION_FIT_WIDTH;
  else if (g_ascii_strcasecmp (name, "tile") == 0)
    self->fit = RACIMO_PAGINATION_TILE;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown page fitting “%s”: use fit or tile"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * racimo_pagination_options_parse_summary:
 * @name: "first", "last" or "none", in any case: where the summary pages
 *   (findings, workload per role) go, or no summary
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE
 */
gboolean
racimo_pagination_options_parse_summary (RacimoPaginationOptions  *self,
                                         const char               *name,
                                         GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_ascii_strcasecmp (name, "first") == 0 || g_ascii_strcasecmp (name, "last") == 0)
    {
      self->summary = TRUE;
      self->summary_first = g_ascii_strcasecmp (name, "first") == 0;
    }
  else if (g_ascii_strcasecmp (name, "none") == 0)
    self->summary = self->summary_first = FALSE;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: --summary on the command line */
                   _("Unknown summary place “%s”: use first, last or none"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * racimo_pagination_options_parse_phases:
 * @list: phase ids separated by commas, such as "design,build"
 *
 * Prints only these phases; which ids a project has is checked with
 * racimo_pagination_options_check_project () once it is read.
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE when an id is
 *   empty
 */
gboolean
racimo_pagination_options_parse_phases (RacimoPaginationOptions  *self,
                                        const char               *list,
                                        GError                  **error)
{
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ids = g_strsplit (list, ",", -1);
  for (guint i = 0; ids[0] == NULL || ids[i] != NULL; i++)
    if (ids[0] == NULL || *g_strstrip (ids[i]) == '\0')
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     /* Translators: --phases on the command line */
                     _("An empty phase id in “%s”: give phase ids separated by commas"),
                     list);
        return FALSE;
      }

  g_strfreev (self->phases);
  self->phases = g_steal_pointer (&ids);
  return TRUE;
}

/**
 * racimo_pagination_options_check_project:
 *
 * Whether @project has every phase that the options ask for.
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE naming the
 *   first phase id it lacks
 */
gboolean
racimo_pagination_options_check_project (const RacimoPaginationOptions  *self,
                                         RacimoProject                  *project,
                                         GError                        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; self->phases != NULL && self->phases[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint p = 0; !found && p < racimo_project_get_n_phases (project); p++)
        {
          RacimoItem *phase = RACIMO_ITEM (racimo_project_get_phase (project, p));

          found = g_strcmp0 (racimo_item_get_id (phase), self->phases[i]) == 0;
        }
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The project has no phase with the id “%s”"), self->phases[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * racimo_pagination_options_get_page_size:
 * @width: (out): the page's width as it is read, in points
 * @height: (out): its height
 */
void
racimo_pagination_options_get_page_size (const RacimoPaginationOptions *self,
                                         double                        *width,
                                         double                        *height)
{
  double short_side, long_side;

  g_return_if_fail (self != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  short_side = MIN (self->paper_width, self->paper_height);
  long_side = MAX (self->paper_width, self->paper_height);

  if (self->orientation == RACIMO_PAGINATION_LANDSCAPE)
    {
      *width = long_side;
      *height = short_side;
    }
  else
    {
      *width = short_side;
      *height = long_side;
    }
}
