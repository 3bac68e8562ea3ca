/* racimo-bench.c: what the benchmarks share: the figures of repeated runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>

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

double
racimo_bench_thread_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* The benchmarks that compare a size n with 2n measure how the work grows,
 * not how the caches hold it: data of 10 MB at n stays in a 32 MB cache
 * between runs, data of 20 MB at 2n, beside the other programs of a shared
 * machine, does not, and a run at 2n then took 2.3 to 2.7 times as long
 * for exactly twice the instructions (callgrind).  Both sizes start each
 * run with caches full of other data, as after other work. */
void
racimo_bench_evict_caches (void)
{
  static guint8 *other = NULL;
  static gsize size = 0;
  const volatile guint8 *line;
  guint sum = 0;

  if (other == NULL)
    {
#ifdef _SC_LEVEL3_CACHE_SIZE
      long cache = sysconf (_SC_LEVEL3_CACHE_SIZE);
#else
      long cache = 0;
#endif

      size = MAX ((gsize) 64 << 20, 2 * (gsize) MAX (cache, 0));
      /* Written once, so that each page is memory of its own, not the one
       * page of zeros that the kernel maps for pages never written. */
      other = g_malloc (size);
      memset (other, 1, size);
    }

  /* Read, not written: the caches are left holding clean lines, which the
   * measured run replaces without writing them back first. */
  line = other;
  for (gsize i = 0; i < size; i += 64)
    sum += line[i];
  g_assert (sum > 0);
}

/* Runs @argv to its end, its output thrown away; returns how long in ms. */
double
racimo_bench_time_process (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                     | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}
