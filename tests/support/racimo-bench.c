/* racimo-bench.c: what the benchmarks share: the figures of repeated runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "racimo-bench.h"

int
racimo_bench_compare_doubles (gconstpointer a,
                              gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
racimo_bench_median (double *values,
                     guint   n)
{
  g_assert (n > 0);

  qsort (values, n, sizeof (double), racimo_bench_compare_doubles);
  return values[n / 2];
}

double
racimo_bench_median_of (GArray *values)
{
  g_assert (values->len > 0);

  g_array_sort (values, racimo_bench_compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

double
racimo_bench_max_of (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));

  return max;
}

gboolean
racimo_bench_report_ratio (const char *what,
                           double      value,
                           double      reference,
                           double      bound,
                           const char *reference_name)
{
  double ratio = value / reference;
  gboolean ok = ratio < bound;

  g_print ("%-40s %8.2f ms = %5.2f x %s (bound < %.1f x)  %s\n",
           what, value, ratio, reference_name, bound, ok ? "ok" : "MISSED");
  return ok;
}
