/* test-scheme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "racimo-scheme.h"

static void
test_scheme_table (void)
{
  static const struct { const char *id; const char *codes; char doer; } expected[] = {
    { "RACI", "RACI", 'R' },
    { "RASCI", "RASCI", 'R' },
    { "RACI-VS", "RACIVS", 'R' },
    { "CAIRO", "RACIO", 'R' },
    { "DACI", "DACI", 'D' },
  };

  g_assert_cmpuint (racimo_scheme_get_n_schemes (), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const RacimoScheme *scheme = racimo_scheme_lookup (expected[i].id);

      g_assert_nonnull (scheme);
      g_assert_true (scheme == racimo_scheme_get_nth (i));
      g_assert_cmpuint (scheme->n_codes, ==, strlen (expected[i].codes));
      for (guint c = 0; c < scheme->n_codes; c++)
        {
          g_assert_cmpint (scheme->codes[c].letter, ==, expected[i].codes[c]);
          g_assert_nonnull (scheme->codes[c].name);
          g_assert_cmpuint (strlen (scheme->codes[c].color_light), ==, 7);
          g_assert_cmpuint (strlen (scheme->codes[c].color_dark), ==, 7);
        }
      g_assert_cmpint (scheme->owner, ==, 'A');
      g_assert_cmpint (scheme->doer, ==, expected[i].doer);
    }

  g_assert_null (racimo_scheme_lookup ("raci"));
  g_assert_null (racimo_scheme_lookup ("RAPID"));
  g_assert_cmpstr (racimo_scheme_get_default ()->id, ==, "RACI");
  g_assert_true (racimo_scheme_lookup ("DACI")->doer_exactly_one);
}

static void
test_scheme_order (void)
{
  const RacimoScheme *raci = racimo_scheme_lookup ("RACI");
  const RacimoScheme *rasci = racimo_scheme_lookup ("RASCI");
  RacimoCodes codes = RACIMO_CODE_BIT ('I') | RACIMO_CODE_BIT ('A') | RACIMO_CODE_BIT ('R')
                      | RACIMO_CODE_BIT ('S') | RACIMO_CODE_BIT ('X') | RACIMO_CODE_BIT ('B');
  char letters[27];
  g_autofree char *raci_text = NULL;
  g_autofree char *rasci_text = NULL;

  /* The scheme's codes in its order, then unknown ones alphabetically. */
  g_assert_cmpuint (racimo_scheme_order_codes (raci, codes, letters), ==, 6);
  g_assert_cmpstr (letters, ==, "RAIBSX");
  raci_text = racimo_scheme_format_codes (raci, codes, "/");
  g_assert_cmpstr (raci_text, ==, "R/A/I/B/S/X");
  rasci_text = racimo_scheme_format_codes (rasci, codes, NULL);
  g_assert_cmpstr (rasci_text, ==, "RASIBX");

  g_assert_cmpuint (racimo_scheme_order_codes (raci, 0, letters), ==, 0);
  g_assert_cmpstr (letters, ==, "");

  g_assert_cmpuint (racimo_scheme_get_mask (raci), ==,
                    RACIMO_CODE_BIT ('R') | RACIMO_CODE_BIT ('A')
                    | RACIMO_CODE_BIT ('C') | RACIMO_CODE_BIT ('I'));
  g_assert_cmpint (racimo_scheme_code_index (rasci, 'S'), ==, 2);
  g_assert_cmpint (racimo_scheme_code_index (raci, 'S'), ==, -1);
  g_assert_null (racimo_scheme_get_code (raci, 'S'));
  g_assert_cmpuint (racimo_codes_count (codes), ==, 6);
}

static void
test_scheme_describe (void)
{
  const RacimoScheme *raci = racimo_scheme_lookup ("RACI");
  g_autofree char *none = racimo_scheme_describe_codes (raci, 0);
  g_autofree char *two = racimo_scheme_describe_codes (raci, RACIMO_CODE_BIT ('A')
                                                             | RACIMO_CODE_BIT ('R'));
  g_autofree char *unknown = racimo_scheme_describe_codes (raci, RACIMO_CODE_BIT ('S'));

  g_assert_cmpstr (none, ==, "No code");
  g_assert_cmpstr (two, ==, "Responsible, Accountable");
  g_assert_cmpstr (unknown, ==, "unknown code S");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheme/table", test_scheme_table);
  g_test_add_func ("/scheme/order", test_scheme_order);
  g_test_add_func ("/scheme/describe", test_scheme_describe);

  return g_test_run ();
}
