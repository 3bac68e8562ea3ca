/* racimo-scheme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-scheme.h"

/* Colours pass WCAG AA as text on white (light) and on #242424 (dark).
 * Each code keeps its colour across schemes so a switch does not repaint. */
#define CODE_R { 'R', N_("Responsible"), "#1c71d8", "#78aeed" }
#define CODE_A { 'A', N_("Accountable"), "#c01c28", "#f66151" }
#define CODE_C { 'C', N_("Consulted"),   "#26803e", "#8ff0a4" }
#define CODE_I { 'I', N_("Informed"),    "#865e3c", "#cdab8f" }

static const RacimoCodeInfo raci_codes[] = { CODE_R, CODE_A, CODE_C, CODE_I };

static const RacimoCodeInfo rasci_codes[] = {
  CODE_R, CODE_A,
  { 'S', N_("Supportive"), "#813d9c", "#dc8add" },
  CODE_C, CODE_I,
};

static const RacimoCodeInfo raci_vs_codes[] = {
  CODE_R, CODE_A, CODE_C, CODE_I,
  { 'V', N_("Verifier"),  "#0b7a75", "#5ed4cf" },
  { 'S', N_("Signatory"), "#813d9c", "#dc8add" },
};

static const RacimoCodeInfo cairo_codes[] = {
  CODE_R, CODE_A, CODE_C, CODE_I,
  { 'O', N_("Out of the loop"), "#5e5c64", "#c0bfbc" },
};

static const RacimoCodeInfo daci_codes[] = {
  { 'D', N_("Driver"),      "#1c71d8", "#78aeed" },
  { 'A', N_("Approver"),    "#c01c28", "#f66151" },
  { 'C', N_("Contributor"), "#26803e", "#8ff0a4" },
  { 'I', N_("Informed"),    "#865e3c", "#cdab8f" },
};

static const RacimoScheme schemes[] = {
  { "RACI",    N_("RACI"),    G_N_ELEMENTS (raci_codes),    raci_codes,    'A', 'R', FALSE },
  { "RASCI",   N_("RASCI"),   G_N_ELEMENTS (rasci_codes),   rasci_codes,   'A', 'R', FALSE },
  { "RACI-VS", N_("RACI-VS"), G_N_ELEMENTS (raci_vs_codes), raci_vs_codes, 'A', 'R', FALSE },
  { "CAIRO",   N_("CAIRO"),   G_N_ELEMENTS (cairo_codes),   cairo_codes,   'A', 'R', FALSE },
  { "DACI",    N_("DACI"),    G_N_ELEMENTS (daci_codes),    daci_codes,    'A', 'D', TRUE },
};

/**
 * racimo_scheme_get_default:
 *
 * Returns: the RACI scheme, used when a file names none
 */
const RacimoScheme *
racimo_scheme_get_default (void)
{
  return &schemes[0];
}

/**
 * racimo_scheme_lookup:
 * @id: a scheme id as written in a file, such as "RASCI"
 *
 * Returns: (nullable): the scheme, or %NULL when @id names none
 */
const RacimoScheme *
racimo_scheme_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (strcmp (schemes[i].id, id) == 0)
      return &schemes[i];

  return NULL;
}

guint
racimo_scheme_get_n_schemes (void)
{
  return G_N_ELEMENTS (schemes);
}

const RacimoScheme *
racimo_scheme_get_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (schemes), NULL);

  return &schemes[n];
}

/**
 * racimo_scheme_get_mask:
 *
 * Returns: the set of codes that @scheme defines
 */
RacimoCodes
racimo_scheme_get_mask (const RacimoScheme *scheme)
{
  RacimoCodes mask = 0;

  g_return_val_if_fail (scheme != NULL, 0);

  for (guint i = 0; i < scheme->n_codes; i++)
    mask |= RACIMO_CODE_BIT (scheme->codes[i].letter);

  return mask;
}

/**
 * racimo_scheme_code_index:
 *
 * Returns: the position of @letter in the scheme's order, or -1 when the
 *   scheme does not define it
 */
int
racimo_scheme_code_index (const RacimoScheme *scheme,
                          char                letter)
{
  g_return_val_if_fail (scheme != NULL, -1);

  for (guint i = 0; i < scheme->n_codes; i++)
    if (scheme->codes[i].letter == letter)
      return (int) i;

  return -1;
}

const RacimoCodeInfo *
racimo_scheme_get_code (const RacimoScheme *scheme,
                        char                letter)
{
  int i = racimo_scheme_code_index (scheme, letter);

  return i < 0 ? NULL : &scheme->codes[i];
}

/**
 * racimo_scheme_order_codes:
 * @out: room for 26 letters and a nul
 *
 * Writes the letters of @codes in canonical order: the scheme's codes in
 * its order, then codes it does not define, alphabetically.
 *
 * Returns: the number of letters written
 */
guint
racimo_scheme_order_codes (const RacimoScheme *scheme,
                           RacimoCodes         codes,
                           char                out[27])
{
  guint n = 0;

  g_return_val_if_fail (scheme != NULL, 0);

  for (guint i = 0; i < scheme->n_codes; i++)
    {
      char c = scheme->codes[i].letter;

      if (codes & RACIMO_CODE_BIT (c))
        {
          out[n++] = c;
          codes &= ~RACIMO_CODE_BIT (c);
        }
    }

  for (char c = 'A'; c <= 'Z'; c++)
    if (codes & RACIMO_CODE_BIT (c))
      out[n++] = c;

  out[n] = '\0';

  return n;
}

/**
 * racimo_scheme_format_codes:
 * @separator: put between two letters, such as "/"
 *
 * Returns: (transfer full): the letters of @codes in canonical order
 */
char *
racimo_scheme_format_codes (const RacimoScheme *scheme,
                            RacimoCodes         codes,
                            const char         *separator)
{
  char letters[27];
  GString *s = g_string_new (NULL);
  guint n = racimo_scheme_order_codes (scheme, codes, letters);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && separator != NULL)
        g_string_append (s, separator);
      g_string_append_c (s, letters[i]);
    }

  return g_string_free (s, FALSE);
}

/**
 * racimo_scheme_describe_codes:
 *
 * Returns: (transfer full): the translated names of @codes in canonical
 *   order, such as "Accountable, Responsible", for screen readers and
 *   tooltips; a code the scheme does not define is named by its letter
 */
char *
racimo_scheme_describe_codes (const RacimoScheme *scheme,
                              RacimoCodes         codes)
{
  char letters[27];
  guint n = racimo_scheme_order_codes (scheme, codes, letters);
  GString *s;

  if (n == 0)
    return g_strdup (_("No code"));

  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      const RacimoCodeInfo *info = racimo_scheme_get_code (scheme, letters[i]);

      if (i > 0)
        /* Translators: separates code names, as in "Responsible, Informed" */
        g_string_append (s, _(", "));

      if (info != NULL)
        g_string_append (s, _(info->name));
      else
        /* Translators: a code that the project's scheme does not define */
        g_string_append_printf (s, _("unknown code %c"), letters[i]);
    }

  return g_string_free (s, FALSE);
}

guint
racimo_codes_count (RacimoCodes codes)
{
  return (guint) __builtin_popcount (codes);
}
