/* racimo-pagination-options.c: the paper, margins and choices of a print
 *
 * Paper sizes by name, the locale's default paper (A4 or Letter), the
 * orientation, and how the matrix fits the page width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
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
  copy->roles = g_strdupv (self->roles);
  copy->collapsed = g_strdupv (self->collapsed);
  copy->header = g_strdup (self->header);
  copy->footer = g_strdup (self->footer);
  copy->changes = self->changes != NULL ? g_ptr_array_ref (self->changes) : NULL;
  copy->compared_with = g_strdup (self->compared_with);

  return copy;
}

void
racimo_pagination_options_free (RacimoPaginationOptions *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->phases);
  g_strfreev (self->roles);
  g_strfreev (self->collapsed);
  g_free (self->header);
  g_free (self->footer);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self->compared_with);
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
 * racimo_pagination_options_get_paper_name:
 *
 * Returns: (nullable): the name racimo_pagination_options_parse_paper ()
 *   takes for the paper set ("tabloid" for the 11 x 17 inch sheet), or
 *   %NULL for a size it does not know
 */
const char *
racimo_pagination_options_get_paper_name (const RacimoPaginationOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (fabs (MIN (self->paper_width, self->paper_height) - papers[i].width) < 1.0
        && fabs (MAX (self->paper_width, self->paper_height) - papers[i].height) < 1.0)
      return papers[i].name;

  return NULL;
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
 * racimo_pagination_options_parse_pages_wide:
 * @number: a whole number from 1 to 100, as given on the command line
 *
 * Scales the matrix down, to a legible size at most, so that its role
 * columns take no more than @number pages across.
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE
 */
gboolean
racimo_pagination_options_parse_pages_wide (RacimoPaginationOptions  *self,
                                            const char               *number,
                                            GError                  **error)
{
  guint64 value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_ascii_string_to_unsigned (number, 10, 1, 100, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: --pages-wide on the command line */
                   _("Pages wide “%s” is not a whole number from 1 to 100"), number);
      return FALSE;
    }

  self->pages_wide = (guint) value;
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

/* Ids separated by commas, spaces around each trimmed, or NULL when one
 * is empty. */
static GStrv
split_ids (const char *list)
{
  g_auto(GStrv) ids = g_strsplit (list, ",", -1);

  if (ids[0] == NULL)
    return NULL;
  for (guint i = 0; ids[i] != NULL; i++)
    if (*g_strstrip (ids[i]) == '\0')
      return NULL;

  return g_steal_pointer (&ids);
}

/* Sets @field to the ids of @list, or returns FALSE when one is empty. */
static gboolean
set_ids (char       ***field,
         const char   *list)
{
  GStrv ids = split_ids (list);

  if (ids == NULL)
    return FALSE;

  g_strfreev (*field);
  *field = ids;
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
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (set_ids (&self->phases, list))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: --phases on the command line */
               _("An empty phase id in “%s”: give phase ids separated by commas"), list);
  return FALSE;
}

/**
 * racimo_pagination_options_parse_roles:
 * @list: role ids separated by commas, such as "pm,dev"
 *
 * Prints only these roles' columns, in the project's order; which ids a
 * project has is checked with racimo_pagination_options_check_project ()
 * once it is read.
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE when an id is
 *   empty
 */
gboolean
racimo_pagination_options_parse_roles (RacimoPaginationOptions  *self,
                                       const char               *list,
                                       GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (set_ids (&self->roles, list))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: --roles on the command line */
               _("An empty role id in “%s”: give role ids separated by commas"), list);
  return FALSE;
}

/* The first of @ids that no item of @items has, or NULL. */
static const char *
find_missing_id (char * const *ids,
                 GPtrArray    *items)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint p = 0; !found && p < items->len; p++)
        found = g_strcmp0 (racimo_item_get_id (g_ptr_array_index (items, p)), ids[i]) == 0;
      if (!found)
        return ids[i];
    }

  return NULL;
}

/**
 * racimo_pagination_options_check_project:
 *
 * Whether @project has every phase and role that the options ask for.
 *
 * Returns: %TRUE, or %FALSE with a G_OPTION_ERROR_BAD_VALUE naming the
 *   first phase or role id it lacks
 */
gboolean
racimo_pagination_options_check_project (const RacimoPaginationOptions  *self,
                                         RacimoProject                  *project,
                                         GError                        **error)
{
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  const char *missing;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  phases = g_ptr_array_new ();
  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    g_ptr_array_add (phases, racimo_project_get_phase (project, p));
  if ((missing = find_missing_id (self->phases, phases)) != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The project has no phase with the id “%s”"), missing);
      return FALSE;
    }

  roles = g_ptr_array_new ();
  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    g_ptr_array_add (roles, racimo_project_get_role (project, r));
  if ((missing = find_missing_id (self->roles, roles)) != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The project has no role with the id “%s”"), missing);
      return FALSE;
    }

  return TRUE;
}

/**
 * racimo_pagination_options_to_variant:
 *
 * The choices a user makes for one project, as the window remembers them
 * per file: everything but the margins, which the page setup keeps.
 *
 * Returns: (transfer floating): an a{sv} dictionary
 */
GVariant *
racimo_pagination_options_to_variant (const RacimoPaginationOptions *self)
{
  GVariantDict dict;

  g_return_val_if_fail (self != NULL, NULL);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "paper-width", "d", self->paper_width);
  g_variant_dict_insert (&dict, "paper-height", "d", self->paper_height);
  g_variant_dict_insert (&dict, "portrait", "b",
                         self->orientation == RACIMO_PAGINATION_PORTRAIT);
  g_variant_dict_insert (&dict, "tile", "b", self->fit == RACIMO_PAGINATION_TILE);
  g_variant_dict_insert (&dict, "pages-wide", "u", self->pages_wide);
  g_variant_dict_insert (&dict, "one-page", "b", self->one_page);
  if (self->phases != NULL)
    g_variant_dict_insert_value (&dict, "phases",
                                 g_variant_new_strv ((const char * const *) self->phases, -1));
  if (self->roles != NULL)
    g_variant_dict_insert_value (&dict, "roles",
                                 g_variant_new_strv ((const char * const *) self->roles, -1));
  g_variant_dict_insert (&dict, "descriptions", "b", self->descriptions);
  g_variant_dict_insert (&dict, "summary", "s",
                         !self->summary ? "none" : self->summary_first ? "first" : "last");
  g_variant_dict_insert (&dict, "mono", "b", self->mono);
  g_variant_dict_insert (&dict, "only-problems", "b", self->only_problems);
  g_variant_dict_insert (&dict, "row-numbers", "b", self->row_numbers);
  g_variant_dict_insert (&dict, "per-role", "b", self->per_role);
  g_variant_dict_insert (&dict, "header", "s", self->header != NULL ? self->header : "");
  g_variant_dict_insert (&dict, "footer", "s", self->footer != NULL ? self->footer : "");

  return g_variant_dict_end (&dict);
}

/* An empty header or footer is none. */
static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = *text != '\0' ? g_strdup (text) : NULL;
}

/**
 * racimo_pagination_options_apply_variant:
 * @variant: an a{sv} dictionary from racimo_pagination_options_to_variant ()
 *
 * Sets the choices @variant holds; what it lacks, or holds with the wrong
 * type or a size no paper has, is left as it was, but for the phases and
 * the roles: without a list, every one is printed.
 */
void
racimo_pagination_options_apply_variant (RacimoPaginationOptions *self,
                                         GVariant                *variant)
{
  GVariantDict dict;
  const char *text;
  double width, height;
  gboolean flag;
  guint32 number;

  g_return_if_fail (self != NULL);
  g_return_if_fail (variant != NULL && g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT));

  g_variant_dict_init (&dict, variant);
  if (g_variant_dict_lookup (&dict, "paper-width", "d", &width)
      && g_variant_dict_lookup (&dict, "paper-height", "d", &height)
      && width >= 72.0 && height >= 72.0 && width <= 14400.0 && height <= 14400.0)
    {
      self->paper_width = width;
      self->paper_height = height;
    }
  if (g_variant_dict_lookup (&dict, "portrait", "b", &flag))
    self->orientation = flag ? RACIMO_PAGINATION_PORTRAIT : RACIMO_PAGINATION_LANDSCAPE;
  if (g_variant_dict_lookup (&dict, "tile", "b", &flag))
    self->fit = flag ? RACIMO_PAGINATION_TILE : RACIMO_PAGINATION_FIT_WIDTH;
  if (g_variant_dict_lookup (&dict, "pages-wide", "u", &number) && number <= 100)
    self->pages_wide = number;
  g_variant_dict_lookup (&dict, "one-page", "b", &self->one_page);
  /* No list of phases or roles is every one, as written. */
  g_strfreev (self->phases);
  if (!g_variant_dict_lookup (&dict, "phases", "^as", &self->phases))
    self->phases = NULL;
  g_strfreev (self->roles);
  if (!g_variant_dict_lookup (&dict, "roles", "^as", &self->roles))
    self->roles = NULL;
  g_variant_dict_lookup (&dict, "descriptions", "b", &self->descriptions);
  if (g_variant_dict_lookup (&dict, "summary", "&s", &text))
    racimo_pagination_options_parse_summary (self, text, NULL);
  g_variant_dict_lookup (&dict, "mono", "b", &self->mono);
  g_variant_dict_lookup (&dict, "only-problems", "b", &self->only_problems);
  g_variant_dict_lookup (&dict, "row-numbers", "b", &self->row_numbers);
  g_variant_dict_lookup (&dict, "per-role", "b", &self->per_role);
  if (g_variant_dict_lookup (&dict, "header", "&s", &text))
    set_text (&self->header, text);
  if (g_variant_dict_lookup (&dict, "footer", "&s", &text))
    set_text (&self->footer, text);
  g_variant_dict_clear (&dict);
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
