/* racimo-count.c: a count shown in an inscription
 *
 * Counts change with most edits: the header bar's errors and warnings,
 * the checks panel's headings.  A label given new text lays out the
 * whole window again, a round trip to the display included; an
 * inscription is as wide as it is told, so a count that keeps its number
 * of digits only redraws itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-count.h"

/**
 * racimo_count_show:
 *
 * Shows @count in @inscription, which is made as wide as its digits.
 */
void
racimo_count_show (GtkInscription *inscription,
                   guint           count)
{
  char text[16];
  guint digits;

  g_return_if_fail (GTK_IS_INSCRIPTION (inscription));

  digits = (guint) g_snprintf (text, sizeof text, "%u", count);
  gtk_inscription_set_min_chars (inscription, digits);
  gtk_inscription_set_nat_chars (inscription, digits);
  gtk_inscription_set_text (inscription, text);
}
