/* racimo-scheme.h: the responsibility schemes of docs/file-format.md, "Schemes and codes"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A set of codes: bit (c - 'A') for every upper-case letter c held.  Codes are
 * single upper-case ASCII letters, so any code a colleague writes fits,
 * including those the project's scheme does not define. */
typedef guint32 RacimoCodes;

#define RACIMO_CODE_BIT(c) ((RacimoCodes) 1u << ((c) - 'A'))
#define RACIMO_CODE_IS_VALID(c) ((c) >= 'A' && (c) <= 'Z')

typedef struct
{
  char        letter;
  const char *name;        /* untranslated; pass through _() to show */
  const char *color_light; /* "#rrggbb", readable on a light background */
  const char *color_dark;  /* "#rrggbb", readable on a dark background */
} RacimoCodeInfo;

typedef struct
{
  const char           *id;    /* as written in the file: "RACI" */
  const char           *title; /* untranslated, for menus */
  guint                 n_codes;
  const RacimoCodeInfo *codes; /* in the scheme's order */
  char                  owner; /* the owner code, 'A' in every scheme */
  char                  doer;  /* 'R', or 'D' for DACI */
  gboolean              doer_exactly_one; /* DACI: exactly one D */
} RacimoScheme;

const RacimoScheme   *racimo_scheme_get_default   (void);
const RacimoScheme   *racimo_scheme_lookup        (const char         *id);
const RacimoScheme   *racimo_scheme_get_nth       (guint               n);
guint                 racimo_scheme_get_n_schemes (void);
RacimoCodes           racimo_scheme_get_mask      (const RacimoScheme *scheme);
int                   racimo_scheme_code_index    (const RacimoScheme *scheme,
                                                   char                letter);
const RacimoCodeInfo *racimo_scheme_get_code      (const RacimoScheme *scheme,
                                                   char                letter);
guint                 racimo_scheme_order_codes   (const RacimoScheme *scheme,
                                                   RacimoCodes         codes,
                                                   char                out[27]);
char                 *racimo_scheme_format_codes  (const RacimoScheme *scheme,
                                                   RacimoCodes         codes,
                                                   const char         *separator);
char                 *racimo_scheme_describe_codes (const RacimoScheme *scheme,
                                                    RacimoCodes         codes);
guint                 racimo_codes_count          (RacimoCodes         codes);

G_END_DECLS
