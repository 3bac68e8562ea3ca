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

/* The processor time of this thread in ms: what the work costs, whatever
 * else the shared machine runs meanwhile */
double racimo_bench_thread_ms       (void);

/* Leaves the processor's caches as a long run of other work would: a run
 * measured after it does not find the last run's data there */
void   racimo_bench_evict_caches    (void);

/* Runs @argv to its end, its output thrown away; returns how long in ms */
double racimo_bench_time_process    (const char * const *argv);

G_END_DECLS
