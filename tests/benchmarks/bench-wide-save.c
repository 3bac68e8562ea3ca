/* bench-wide-save.c: saving grows with the file, not with roles x activities
 *
 * Projects with as many roles as activities and two cells per activity
 * (the shape of issue 17: 20,000 x 20,000 saved in 6.5 s against a 0.9 s
 * load).  Bounds, measured in the same run, best of RUNS:
 *   save (serialise, write, sync)            < 2 x load (docs/design-targets.md)
 *   serialising 2N x 2N against N x N        at most 2.5 x the time
 * The second is measured without the disk, whose sync time on a shared
 * machine says nothing about how the writer grows, in the processor time
 * of this thread, and from caches full of other data: serialising runs
 * exactly twice the instructions at 2N (callgrind), but 10,000 x 10,000
 * stayed in the processor's cache between runs and 20,000 x 20,000 did
 * not, which made 2N take 2.3 to 2.8 times as long
 * (racimo_bench_evict_caches ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "racimo-bench.h"
#include "racimo-file.h"

#define RUNS 7
/* Serialising is cheap beside loading: more runs of it after each load */
#define SERIALIZE_RUNS 3

/* The file as a colleague's tool would write it. */
static GBytes *
wide_project (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
                               "  <title>Wide</title>\n"
                               "  <scheme>RACI</scheme>\n"
                               "  <roles>\n");

  for (guint r = 0; r < n; r++)
    g_string_append_printf (out,
                            "    <role id=\"r%u\" abbrev=\"R%u\">\n"
                            "      <name>Role %u</name>\n"
                            "    </role>\n", r, r % 1000, r);

  g_string_append (out, "  </roles>\n  <phases>\n    <phase id=\"p\">\n      <name>P</name>\n");
  for (guint a = 0; a < n; a++)
    {
      guint owner = (guint) g_rand_int_range (rand, 0, (gint32) n);
      guint doer = (owner + 1 + (guint) g_rand_int_range (rand, 0, (gint32) n - 1)) % n;

      g_string_append_printf (out,
                              "      <activity id=\"a%u\">\n"
                              "        <name>Activity %u</name>\n"
                              "        <assign role=\"r%u\" code=\"%c\"/>\n"
                              "        <assign role=\"r%u\" code=\"%c\"/>\n"
                              "      </activity>\n",
                              a, a,
                              MIN (owner, doer), owner < doer ? 'A' : 'R',
                              MAX (owner, doer), owner < doer ? 'R' : 'A');
    }
  g_string_append (out, "    </phase>\n  </phases>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

/* Times of loading @n x @n from memory, serialising it and saving it
 * to @file. */
static void
measure (guint   n,
         GFile  *file,
         double *load_ms,
         double *serialize_ms,
         double *save_ms)
{
  g_autoptr(GBytes) bytes = wide_project (n);
  double loads[RUNS], serializes[RUNS], saves[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(RacimoProject) project = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      project = racimo_file_load_bytes (bytes, "wide.raci", &error);
      g_assert_no_error (error);
      loads[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      racimo_file_save (project, file, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      saves[i] = (g_get_monotonic_time () - start) / 1000.0;

      /* After the save, which faulted in the memory this takes too. */
      serializes[i] = G_MAXDOUBLE;
      for (guint k = 0; k < SERIALIZE_RUNS; k++)
        {
          double cpu_start;

          racimo_bench_evict_caches ();
          cpu_start = racimo_bench_thread_ms ();
          g_bytes_unref (racimo_file_serialize (project));
          serializes[i] = MIN (serializes[i], racimo_bench_thread_ms () - cpu_start);
        }

      /* The file was canonical: saved unchanged, the same bytes. */
      saved = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (saved, bytes));
    }

  /* The best of the runs: on a shared machine the others measure the
   * neighbours. */
  qsort (loads, RUNS, sizeof (double), racimo_bench_compare_doubles);
  qsort (serializes, RUNS, sizeof (double), racimo_bench_compare_doubles);
  qsort (saves, RUNS, sizeof (double), racimo_bench_compare_doubles);
  *load_ms = loads[0];
  *serialize_ms = serializes[0];
  *save_ms = saves[0];

  g_print ("%5u roles x %5u activities: load %8.1f ms, serialise %6.1f ms, save %8.1f ms\n",
           n, n, *load_ms, *serialize_ms, *save_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  double load_small, serialize_small, save_small, load_large, serialize_large, save_large;
  double ratio;
  gboolean ok = TRUE;

  g_assert_no_error (error);
  path = g_build_filename (dir, "wide.raci", NULL);
  file = g_file_new_for_path (path);

  measure (10000, file, &load_small, &serialize_small, &save_small);
  measure (20000, file, &load_large, &serialize_large, &save_large);

  ratio = save_large / load_large;
  g_print ("save / load at 20,000:     %5.2f (bound < 2.0)  %s\n", ratio,
           ratio < 2.0 ? "ok" : "MISSED");
  ok &= ratio < 2.0;

  ratio = serialize_large / serialize_small;
  g_print ("serialise 20,000 / 10,000: %5.2f (bound <= 2.5)  %s\n", ratio,
           ratio <= 2.5 ? "ok" : "MISSED");
  ok &= ratio <= 2.5;

  g_unlink (path);
  g_rmdir (dir);

  return ok ? 0 : 1;
}
