/* racimo-bench.h: what the benchmarks share: the figures of repeated runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Orders doubles from the smallest, for qsort () and g_array_sort () */
int    racimo_bench_compare_doubles (gconstpointer a,
                                     gconstpointer b);
/* The median of the @n times in @values, which it sorts */
double racimo_bench_median          (double *values,
                                     guint   n);
/* The median of the doubles in @values, which it sorts */
double racimo_bench_median_of       (GArray *values);
/* The largest of the doubles in @values, 0 when there are none */
double racimo_bench_max_of          (GArray *values);

/* Prints @value in ms against @bound times @reference (named
 * @reference_name), one line; returns whether the bound holds */
gboolean racimo_bench_report_ratio  (const char *what,
                                     double      value,
                                     double      reference,
                                     double      bound,
                                     const char *reference_name);

G_END_DECLS
