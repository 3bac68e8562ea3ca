/* bench-hostile.c: loading, importing and saving take time linear in size
 *
 * Inputs shaped to find what grows faster than the input (issue 17): wide
 * elements, too many attributes at the end of a large file, one parent
 * with many children, one activity with many codes, long texts of
 * entities, names in Japanese (whose ids all fall back to "activity-N"),
 * many waivers on one item; CSV files with thousands of columns of one
 * name, many roles or many rows.  Each is generated at a size n and 2n;
 * the time at 2n must stay under 2.5 x the time at n.  Times are the
 * processor time of the thread that does the work, the best of a few runs
 * with the two sizes in turn: these machines are shared and noisy.  Each
 * run starts with the caches full of other data, so that the size at
 * which the input stops fitting in them does not pass for a cost that
 * grows faster than the input (racimo_bench_evict_caches ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "racimo-bench.h"
#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-test.h"

/* At least RUNS runs of each size, more for the quick ones, whose best
 * time the noise of a shared machine moves most: until the runs at 2n
 * took MIN_TOTAL_MS, at most MAX_RUNS. */
#define RUNS 5
#define MAX_RUNS 25
#define MIN_TOTAL_MS 500.0
#define BOUND 2.5

static const char head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" xmlns:x=\"urn:example:x\" version=\"1.0\">\n"
  "  <title>Hostile</title>\n";

static const char * const kana[] = {
  "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ",
  "サ", "シ", "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト",
};

/* A name in Japanese with no ASCII in it, different for each @n. */
static void
append_japanese (GString *out,
                 guint    n)
{
  g_string_append (out, "データ整備");
  do
    {
      g_string_append (out, kana[n % G_N_ELEMENTS (kana)]);
      n /= G_N_ELEMENTS (kana);
    }
  while (n > 0);
}

static void
append_roles (GString *out,
              guint    n,
              guint    n_foreign)
{
  g_string_append (out, "  <roles>\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "    <role id=\"r%u\"", i);
      for (guint k = 0; k < n_foreign; k++)
        g_string_append_printf (out, " x:a%u=\"%u\"", k, i);
      g_string_append_printf (out, ">\n      <name>Role %u</name>\n    </role>\n", i);
    }
  g_string_append (out, "  </roles>\n");
}

/* Generators of .raci files */

static GBytes *
many_roles (guint n)
{
  GString *out = g_string_new (head);

  append_roles (out, n, 0);
  g_string_append (out, "</raci-project>\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
wide_elements (guint n)
{
  GString *out = g_string_new (head);

  /* 200 foreign attributes on each role: more than the schema is asked
   * about, fewer than the limit. */
  append_roles (out, n, 200);
  g_string_append (out, "</raci-project>\n");

  return g_string_free_to_bytes (out);
}

/* Refused for the attributes of its last element: the scan that finds
 * them before libxml2 reads the file goes through all of it. */
static GBytes *
refused_at_the_end (guint n)
{
  GString *out = g_string_new (head);

  append_roles (out, n, 0);
  g_string_truncate (out, out->len - strlen ("  </roles>\n"));
  append_roles (out, 1, 300);
  g_string_append (out, "  </roles>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
activities_in_one_phase (guint n)
{
  GString *out = g_string_new (head);

  append_roles (out, 3, 0);
  g_string_append (out, "  <phases>\n    <phase id=\"p\">\n      <name>P</name>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "      <activity id=\"a%u\">\n        <name>A %u</name>\n"
                                 "        <assign role=\"r%u\" code=\"R\"/>\n"
                                 "      </activity>\n", i, i, i % 3);
  g_string_append (out, "    </phase>\n  </phases>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
codes_in_one_activity (guint n)
{
  GString *out = g_string_new (head);

  append_roles (out, n, 0);
  g_string_append (out, "  <phases>\n    <phase id=\"p\">\n      <name>P</name>\n"
                        "      <activity id=\"a\">\n        <name>A</name>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "        <assign role=\"r%u\" code=\"%c\"/>\n", i,
                            "RACI"[i % 4]);
  g_string_append (out, "      </activity>\n    </phase>\n  </phases>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
foreign_between_roles (guint n)
{
  GString *out = g_string_new (head);

  g_string_append (out, "  <roles>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "    <role id=\"r%u\">\n      <name>Role %u</name>\n"
                                 "    </role>\n    <x:note n=\"%u\"/>\n    <!-- %u -->\n",
                            i, i, i, i);
  g_string_append (out, "  </roles>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
entities_in_text (guint n)
{
  GString *out = g_string_new (head);

  g_string_append (out, "  <description>");
  for (guint i = 0; i < n; i++)
    g_string_append (out, "&amp;&#x3042;<x:b/>");
  g_string_append (out, "</description>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
japanese_activities (guint n)
{
  GString *out = g_string_new (head);

  append_roles (out, 3, 0);
  g_string_append (out, "  <phases>\n");
  for (guint i = 0; i < n; i++)
    {
      if (i % 100 == 0)
        g_string_append_printf (out, "%s    <phase id=\"p%u\">\n      <name>P</name>\n",
                                i > 0 ? "    </phase>\n" : "", i);
      g_string_append_printf (out, "      <activity id=\"a%u\">\n        <name>", i);
      append_japanese (out, i);
      g_string_append_printf (out, "</name>\n        <assign role=\"r%u\" code=\"A\"/>\n"
                                   "      </activity>\n", i % 3);
    }
  g_string_append (out, "    </phase>\n  </phases>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

/* A newer minor version may put waivers of checks this version does not
 * know on one item, any number of them.  The file's version is always one
 * above the reader's, which refuses unknown checks in its own. */
static GBytes *
waivers_on_one_item (guint n)
{
  GString *out = g_string_new (NULL);

  g_string_printf (out, "<?xml version=\"1.0\"?>\n"
                        "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"%d.%d\">\n"
                        "  <title>t</title>\n  <phases>\n    <phase id=\"p\">\n"
                        "      <name>P</name>\n      <activity id=\"a\">\n"
                        "        <name>A</name>\n",
                   RACIMO_FILE_VERSION_MAJOR, RACIMO_FILE_VERSION_MINOR + 1);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "        <waiver check=\"later-%u\">Reason %u</waiver>\n", i, i);
  g_string_append (out, "      </activity>\n    </phase>\n  </phases>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

/* Sparse: as many roles as activities, one code each.  Its file grows
 * linearly; a writer that visits every cell does not. */
static GBytes *
roles_by_activities (guint n)
{
  GString *out = g_string_new (head);

  append_roles (out, n, 0);
  g_string_append (out, "  <phases>\n    <phase id=\"p\">\n      <name>P</name>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "      <activity id=\"a%u\">\n        <name>A %u</name>\n"
                                 "        <assign role=\"r%u\" code=\"A\"/>\n"
                                 "      </activity>\n", i, i, i);
  g_string_append (out, "    </phase>\n  </phases>\n</raci-project>\n");

  return g_string_free_to_bytes (out);
}

/* Generators of CSV files */

static GBytes *
csv_duplicate_headers (guint n)
{
  GString *out = g_string_new ("Activity");

  for (guint i = 0; i < n; i++)
    g_string_append (out, ",Data scientist");
  g_string_append (out, "\r\nTrain the model");
  for (guint i = 0; i < n; i++)
    g_string_append (out, i % 2 ? ",R" : ",");
  g_string_append (out, "\r\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
csv_japanese_names (guint n)
{
  GString *out = g_string_new ("Activity,役割,担当\r\n");

  for (guint i = 0; i < n; i++)
    {
      append_japanese (out, i);
      g_string_append (out, ",R,A\r\n");
    }

  return g_string_free_to_bytes (out);
}

static GBytes *
csv_many_roles (guint n)
{
  GString *out = g_string_new ("Activity");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, ",Role %u", i);
  g_string_append (out, "\r\n");
  for (guint row = 0; row < 200; row++)
    {
      g_string_append_printf (out, "Activity %u", row);
      for (guint i = 0; i < n; i++)
        g_string_append (out, (i + row) % 7 == 0 ? ",R" : ",");
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

static GBytes *
csv_many_rows (guint n)
{
  GString *out = g_string_new ("Phase,Activity,A,B,C,D,E,F,G,H,I,J\r\n");

  for (guint row = 0; row < n; row++)
    g_string_append_printf (out, "%s,Activity %u,R,A/R,,C,I,,, a , r ,Accountable\r\n",
                            row % 50 == 0 ? "Phase" : "", row);

  return g_string_free_to_bytes (out);
}

/* The rows of csv_many_rows () in a workbook, and a sheet of as many
 * columns, merged phase cells among them */
static GBytes *
xlsx_from_csv (GBytes *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = racimo_csv_import_bytes (csv, "rows.csv", NULL, &error);
  GBytes *xlsx;

  g_assert_no_error (error);
  xlsx = racimo_test_export_xlsx (project);
  g_bytes_unref (csv);

  return xlsx;
}

static GBytes *
xlsx_many_rows (guint n)
{
  return xlsx_from_csv (csv_many_rows (n));
}

static GBytes *
xlsx_many_roles (guint n)
{
  return xlsx_from_csv (csv_many_roles (n));
}

/* Timing */

typedef enum
{
  LOAD,
  IMPORT,
  SAVE_LOADED,
  SAVE_IMPORTED,
} Operation;

static RacimoProject *
open_bytes (GBytes    *bytes,
            Operation  operation,
            gboolean   may_fail)
{
  g_autoptr(GError) error = NULL;
  RacimoProject *project;

  if (operation == LOAD || operation == SAVE_LOADED)
    project = racimo_file_load_bytes (bytes, "hostile.raci", &error);
  else
    project = racimo_csv_import_bytes (bytes, "hostile.csv", NULL, &error);

  if (!may_fail)
    g_assert_no_error (error);

  return project;
}

static void
open_and_close (GBytes    *bytes,
                Operation  operation,
                gboolean   may_fail)
{
  g_autoptr(RacimoProject) project = open_bytes (bytes, operation, may_fail);
}

static double
time_once (GBytes        *bytes,
           RacimoProject *project,
           Operation      operation,
           gboolean       may_fail)
{
  double start;

  racimo_bench_evict_caches ();
  start = racimo_bench_thread_ms ();

  if (project != NULL)
    g_bytes_unref (racimo_file_serialize (project));
  else
    open_and_close (bytes, operation, may_fail);

  return racimo_bench_thread_ms () - start;
}

/* The best of the runs at each size, in milliseconds.  The two sizes take
 * turns, so that the other work on a shared machine weighs on both. */
static void
time_both (GBytes    *small,
           GBytes    *large,
           Operation  operation,
           gboolean   may_fail,
           double    *t_small,
           double    *t_large)
{
  g_autoptr(RacimoProject) small_project = NULL;
  g_autoptr(RacimoProject) large_project = NULL;
  double total = 0;

  if (operation == SAVE_LOADED || operation == SAVE_IMPORTED)
    {
      small_project = open_bytes (small, operation, FALSE);
      large_project = open_bytes (large, operation, FALSE);
    }

  *t_small = *t_large = G_MAXDOUBLE;
  for (guint run = 0; run < MAX_RUNS && (run < RUNS || total < MIN_TOTAL_MS); run++)
    {
      double t;

      *t_small = MIN (*t_small, time_once (small, small_project, operation, may_fail));
      t = time_once (large, large_project, operation, may_fail);
      *t_large = MIN (*t_large, t);
      total += t;
    }
}

typedef struct
{
  const char *name;
  GBytes   *(*generate) (guint n);
  guint       n;
  Operation   operation;
  gboolean    refused;
} Case;

static const Case cases[] = {
  { "load: many roles", many_roles, 50000, LOAD, FALSE },
  { "load: wide elements", wide_elements, 1000, LOAD, FALSE },
  { "load: refused at the end", refused_at_the_end, 200000, LOAD, TRUE },
  { "load: activities in a phase", activities_in_one_phase, 40000, LOAD, FALSE },
  { "load: codes in an activity", codes_in_one_activity, 20000, LOAD, FALSE },
  { "load: foreign between roles", foreign_between_roles, 20000, LOAD, FALSE },
  { "load: entities in a text", entities_in_text, 100000, LOAD, FALSE },
  { "load: Japanese names", japanese_activities, 20000, LOAD, FALSE },
  { "load: roles x activities", roles_by_activities, 10000, LOAD, FALSE },
  { "load: waivers on one item", waivers_on_one_item, 100000, LOAD, FALSE },
  { "import: duplicate headers", csv_duplicate_headers, 20000, IMPORT, FALSE },
  { "import: Japanese names", csv_japanese_names, 20000, IMPORT, FALSE },
  { "import: many roles", csv_many_roles, 2000, IMPORT, FALSE },
  { "import: many rows", csv_many_rows, 20000, IMPORT, FALSE },
  { "import: workbook rows", xlsx_many_rows, 20000, IMPORT, FALSE },
  { "import: workbook roles", xlsx_many_roles, 2000, IMPORT, FALSE },
  { "save: many roles", many_roles, 50000, SAVE_LOADED, FALSE },
  { "save: wide elements", wide_elements, 1000, SAVE_LOADED, FALSE },
  { "save: activities in a phase", activities_in_one_phase, 40000, SAVE_LOADED, FALSE },
  { "save: codes in an activity", codes_in_one_activity, 20000, SAVE_LOADED, FALSE },
  { "save: foreign between roles", foreign_between_roles, 5000, SAVE_LOADED, FALSE },
  { "save: Japanese names", japanese_activities, 20000, SAVE_LOADED, FALSE },
  { "save: waivers on one item", waivers_on_one_item, 100000, SAVE_LOADED, FALSE },
  { "save: roles x activities", roles_by_activities, 4000, SAVE_LOADED, FALSE },
  { "save: duplicate headers", csv_duplicate_headers, 40000, SAVE_IMPORTED, FALSE },
  { "save: imported Japanese names", csv_japanese_names, 20000, SAVE_IMPORTED, FALSE },
};

int
main (int   argc,
      char *argv[])
{
  const char *only = argc > 1 ? argv[1] : NULL;
  guint missed = 0;

  g_print ("%-32s %9s %10s %10s %7s\n", "input (bound: 2n < 2.5 x n)", "n", "n (CPU ms)",
           "2n (CPU ms)", "ratio");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GBytes) small = NULL;
      g_autoptr(GBytes) large = NULL;
      double t1, t2, ratio;
      gboolean ok;

      if (only != NULL && strstr (c->name, only) == NULL)
        continue;

      small = c->generate (c->n);
      large = c->generate (2 * c->n);
      /* Once before measuring: the schema is compiled on the first load. */
      open_and_close (small, c->operation, c->refused);

      time_both (small, large, c->operation, c->refused, &t1, &t2);
      /* Under a millisecond the clock's noise decides: not a failure. */
      ratio = t2 / MAX (t1, 1.0);
      ok = ratio <= BOUND;
      missed += !ok;

      g_print ("%-32s %9u %10.1f %10.1f %6.2fx  %s (%.1f MB)\n", c->name, c->n, t1, t2, ratio,
               ok ? "ok" : "MISSED", g_bytes_get_size (large) / 1e6);
    }

  if (missed > 0)
    g_print ("%u of the inputs took more than %.1f x the time at twice the size\n", missed,
             BOUND);

  return missed > 0 ? 1 : 0;
}
