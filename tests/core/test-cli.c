/* test-cli.c: racimo --check, --export and --version, as a script sees them
 *
 * Most tests run the built program with no display, in a folder of their
 * own, and compare what it prints and its exit status with what a user
 * would expect; a few call racimo_cli_*() in a subprocess of this test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "racimo-cli.h"
#include "racimo-test-pdf.h"
#include "racimo-test.h"

/* Every kind of finding, on the lines that the expected output names. */
static const char findings_raci[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Every finding</title>\n"
  "  <scheme>RACI</scheme>\n"
  "  <roles>\n"
  "    <role id=\"ds\" abbrev=\"DS\">\n"                         /* 6 */
  "      <name>Data scientist</name>\n"
  "    </role>\n"
  "    <role id=\"mle\" abbrev=\"MLE\">\n"                       /* 9 */
  "      <name>ML engineer</name>\n"
  "    </role>\n"
  "    <role id=\"ux\" abbrev=\"UX\">\n"                         /* 12 */
  "      <name>UX designer</name>\n"
  "    </role>\n"
  "    <role id=\"r4\">\n"                                       /* 15 */
  "      <name></name>\n"
  "    </role>\n"
  "    <role id=\"r5\">\n"                                       /* 18 */
  "      <name>ML engineer</name>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"build\">\n"
  "      <name>Build</name>\n"
  "      <activity id=\"train\">\n"                              /* 25 */
  "        <name>Train model</name>\n"
  "        <assign role=\"ds\" code=\"R\"/>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "        <assign role=\"r4\" code=\"I\"/>\n"
  "      </activity>\n"
  "      <activity id=\"deploy\">\n"                             /* 31 */
  "        <name>Deploy model</name>\n"
  "        <assign role=\"ds\" code=\"R\"/>\n"
  "      </activity>\n"
  "      <activity id=\"review\">\n"                             /* 35 */
  "        <name>Review</name>\n"
  "        <assign role=\"ds\" code=\"R\"/>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "        <assign role=\"mle\" code=\"A\"/>\n"
  "      </activity>\n"
  "      <activity id=\"monitor\">\n"                            /* 41 */
  "        <name>Monitor drift</name>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "        <assign role=\"r5\" code=\"C\"/>\n"
  "      </activity>\n"
  "      <activity id=\"nameless\">\n"                           /* 46 */
  "        <name></name>\n"
  "        <assign role=\"ds\" code=\"R\"/>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "      </activity>\n"
  "      <activity id=\"train-again\">\n"                        /* 51 */
  "        <name>Train model</name>\n"
  "        <assign role=\"mle\" code=\"R\"/>\n"
  "        <assign role=\"mle\" code=\"A\"/>\n"
  "      </activity>\n"
  "      <activity id=\"sign-off\">\n"                           /* 56 */
  "        <name>Sign off</name>\n"
  "        <assign role=\"mle\" code=\"R\"/>\n"
  "        <assign role=\"mle\" code=\"A\"/>\n"
  "        <assign role=\"ds\" code=\"S\"/>\n"
  "      </activity>\n"
  "    </phase>\n"
  "    <phase id=\"later\">\n"                                   /* 63 */
  "      <name></name>\n"
  "      <activity id=\"retire\">\n"
  "        <name>Retire</name>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "        <assign role=\"mle\" code=\"R\"/>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

static const char findings_out[] =
  "findings.raci:6: warning: overloaded-role: Role \"Data scientist\" is responsible or "
  "accountable for 6 of 8 activities\n"
  "findings.raci:9: warning: duplicate-name: Role \"ML engineer\" appears twice\n"
  "findings.raci:12: warning: idle-role: Role \"UX designer\" holds no code in any activity\n"
  "findings.raci:15: warning: unnamed: Role 4 has no name\n"
  "findings.raci:18: warning: duplicate-name: Role \"ML engineer\" appears twice\n"
  "findings.raci:25: warning: duplicate-name: Activity \"Train model\" appears twice in "
  "phase \"Build\"\n"
  "findings.raci:31: error: no-owner: Activity \"Deploy model\" has no owner (A)\n"
  "findings.raci:35: error: many-owners: Activity \"Review\" has 2 owners (A): "
  "Data scientist, ML engineer\n"
  "findings.raci:41: warning: no-doer: Activity \"Monitor drift\" has no one responsible (R)\n"
  "findings.raci:46: warning: unnamed: Activity 5 of phase \"Build\" has no name\n"
  "findings.raci:51: warning: duplicate-name: Activity \"Train model\" appears twice in "
  "phase \"Build\"\n"
  "findings.raci:56: error: unknown-code: Activity \"Sign off\" uses S, which the RACI "
  "scheme does not define\n"
  "findings.raci:63: warning: unnamed: Phase 2 has no name\n";

static const char clean_raci[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Clean</title>\n"
  "  <scheme>RACI</scheme>\n"
  "  <roles>\n"
  "    <role id=\"ds\" abbrev=\"DS\">\n"
  "      <name>Data scientist</name>\n"
  "    </role>\n"
  "    <role id=\"mle\" abbrev=\"MLE\">\n"
  "      <name>ML engineer</name>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"build\">\n"
  "      <name>Build</name>\n"
  "      <activity id=\"train\">\n"
  "        <name>Train model</name>\n"
  "        <assign role=\"ds\" code=\"R\"/>\n"
  "        <assign role=\"mle\" code=\"A\"/>\n"
  "      </activity>\n"
  "      <activity id=\"deploy\">\n"
  "        <name>Deploy model</name>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "        <assign role=\"mle\" code=\"R\"/>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

/* An error and a warning that were looked at and accepted, and one
 * warning that was not. */
static const char waived_raci[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Waived</title>\n"
  "  <scheme>RACI</scheme>\n"
  "  <roles>\n"
  "    <role id=\"ds\" abbrev=\"DS\">\n"
  "      <name>Data scientist</name>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"build\">\n"
  "      <name>Build</name>\n"
  "      <activity id=\"explore\">\n"
  "        <name>Explore the data</name>\n"
  "        <assign role=\"ds\" code=\"R\"/>\n"
  "        <waiver check=\"no-owner\">Exploration needs no sign-off.</waiver>\n"
  "      </activity>\n"
  "      <activity id=\"pick-model\">\n"                         /* 18 */
  "        <name>Choose the model family</name>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "      </activity>\n"
  "      <activity id=\"tune\">\n"
  "        <name>Tune</name>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "        <waiver check=\"no-doer\">The data scientist does this alone.</waiver>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

/* <activity> on line 5 is never closed. */
static const char broken_raci[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Broken</title>\n"
  "  <phases>\n"
  "    <phase id=\"p\"><name>P</name><activity id=\"a\">\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

/* A colleague's hand-written file: another layout, attributes in another
 * order, assignments in no particular order, no <scheme>, entities for
 * characters that need none. */
static const char messy_raci[] =
  "<?xml version='1.0'?>\n"
  "<raci-project version='1.0' xmlns='urn:x-racimo:raci:1'><title>Messy &amp; \"real\"</title>\n"
  "<roles>\n"
  "\t<role abbrev='MLE' id='mle'><name>ML engineer</name></role>\n"
  "\t<role id='ds'><name>Data &#115;cientist</name><person>Sato Hanako</person></role>\n"
  "</roles>\n"
  "<phases><phase id='ship'><name>Ship</name>\n"
  "<activity id='deploy'><name>Deploy model</name>\n"
  "<assign code='I' role='ds'/><assign code='R' role='mle'/><assign code='A' role='ds'/>\n"
  "<assign code='A' role='mle'/>\n"
  "</activity>\n"
  "<activity id='legal' applicable='no'><name>Legal review</name></activity>\n"
  "</phase></phases>\n"
  "</raci-project>\n";

static const char messy_canonical[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Messy &amp; \"real\"</title>\n"
  "  <scheme>RACI</scheme>\n"
  "  <roles>\n"
  "    <role id=\"mle\" abbrev=\"MLE\">\n"
  "      <name>ML engineer</name>\n"
  "    </role>\n"
  "    <role id=\"ds\">\n"
  "      <name>Data scientist</name>\n"
  "      <person>Sato Hanako</person>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"ship\">\n"
  "      <name>Ship</name>\n"
  "      <activity id=\"deploy\">\n"
  "        <name>Deploy model</name>\n"
  "        <assign role=\"mle\" code=\"R\"/>\n"
  "        <assign role=\"mle\" code=\"A\"/>\n"
  "        <assign role=\"ds\" code=\"A\"/>\n"
  "        <assign role=\"ds\" code=\"I\"/>\n"
  "      </activity>\n"
  "      <activity id=\"legal\" applicable=\"no\">\n"
  "        <name>Legal review</name>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

typedef struct
{
  char *dir; /* a new, empty folder for the test's files */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = racimo_test_make_folder ("racimo-cli");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  racimo_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);

  return racimo_test_read_text (path);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs the racimo program in the test's folder, with no display, and
 * returns its exit status and everything it printed. */
static void
run_racimo_within (Fixture            *fixture,
                   Result             *result,
                   guint               seconds,
                   const char * const *args)
{
  const char *binary = g_getenv ("RACIMO_BINARY");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_strdup_printf ("%u", seconds);

  g_assert_nonnull (binary);

  /* A program that would hang is stopped, and fails the test with the
   * status of timeout(1), 124, instead of blocking the suite. */
  if (seconds > 0)
    {
      g_ptr_array_add (argv, (char *) "timeout");
      g_ptr_array_add (argv, limit);
    }
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Both commands are made for scripts and CI, where there is no screen. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

#define RUN(fixture, result, ...) \
  run_racimo_within ((fixture), (result), 0, (const char * const[]) { __VA_ARGS__, NULL })
#define RUN_WITHIN(fixture, result, seconds, ...) \
  run_racimo_within ((fixture), (result), (seconds), \
                     (const char * const[]) { __VA_ARGS__, NULL })

static gboolean
have_binary (void)
{
  if (g_getenv ("RACIMO_BINARY") == NULL)
    {
      g_test_skip ("RACIMO_BINARY is not set: run the tests with meson test");
      return FALSE;
    }

  return TRUE;
}

/* --check */

static void
test_check_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--check", "clean.raci");

  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_check_findings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "findings.raci", findings_raci);
  RUN (fixture, &result, "--check", "findings.raci");

  g_assert_cmpstr (result.out, ==, findings_out);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 1);
}

static void
test_check_waived (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  /* A waived error does not fail the check; warnings never do. */
  write_file (fixture, "waived.raci", waived_raci);
  RUN (fixture, &result, "--check", "waived.raci");

  g_assert_cmpstr (result.out, ==,
                   "waived.raci:18: warning: no-doer: Activity \"Choose the model family\" "
                   "has no one responsible (R)\n");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_check_line_break (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  /* A name written over two lines still gives one line per finding. */
  write_file (fixture, "lines.raci",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
              "  <title>Lines</title>\n"
              "  <roles>\n"
              "    <role id=\"ds\">\n"
              "      <name>Data scientist</name>\n"
              "    </role>\n"
              "  </roles>\n"
              "  <phases>\n"
              "    <phase id=\"p\">\n"
              "      <name></name>\n"
              "      <activity id=\"deploy\">\n"
              "        <name>Deploy\n\tmodel</name>\n"
              "        <assign role=\"ds\" code=\"R\"/>\n"
              "      </activity>\n"
              "    </phase>\n"
              "  </phases>\n"
              "</raci-project>\n");
  RUN (fixture, &result, "--check", "lines.raci");

  g_assert_cmpstr (result.out, ==,
                   "lines.raci:12: error: no-owner: Activity \"Deploy  model\" has no owner (A)\n");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 1);
}

static void
test_check_unreadable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "broken.raci", broken_raci);
  RUN (fixture, &result, "--check", "broken.raci");

  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "racimo: broken.raci:6:13: </phase> does not close <activity> from line 5\n");
  g_assert_cmpint (result.status, ==, 2);
}

static void
test_check_missing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  RUN (fixture, &result, "--check", "missing.raci");

  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "racimo: missing.raci: the file does not exist\n");
  g_assert_cmpint (result.status, ==, 2);
}

static void
test_check_several (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *sub = NULL;
  g_autofree char *expected = NULL;

  if (!have_binary ())
    return;

  sub = fixture_path (fixture, "sub");
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_file (fixture, "clean.raci", clean_raci);
  write_file (fixture, "sub/waived.raci", waived_raci);
  write_file (fixture, "findings.raci", findings_raci);
  write_file (fixture, "broken.raci", broken_raci);

  /* Every file is checked, whatever comes before it; each finding names
   * its file as it was given. */
  RUN (fixture, &result, "--check", "./clean.raci", "broken.raci", "sub/waived.raci",
       "missing.raci", "findings.raci");

  expected = g_strconcat ("sub/waived.raci:18: warning: no-doer: Activity \"Choose the model "
                          "family\" has no one responsible (R)\n",
                          findings_out, NULL);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_cmpstr (result.err, ==,
                   "racimo: broken.raci:6:13: </phase> does not close <activity> from line 5\n"
                   "racimo: missing.raci: the file does not exist\n");
  /* Unreadable wins over findings. */
  g_assert_cmpint (result.status, ==, 2);

  g_clear_pointer (&result.out, g_free);
  g_clear_pointer (&result.err, g_free);
  RUN (fixture, &result, "--check", "clean.raci", "findings.raci", "sub/waived.raci");
  g_assert_cmpint (result.status, ==, 1);

  g_clear_pointer (&result.out, g_free);
  g_clear_pointer (&result.err, g_free);
  RUN (fixture, &result, "--check", "clean.raci", "sub/waived.raci");
  g_assert_cmpint (result.status, ==, 0);
}

/* --export */

static void
test_export_raci (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "messy.raci", messy_raci);
  RUN (fixture, &result, "--export", "tidy.raci", "messy.raci");

  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);

  written = read_file (fixture, "tidy.raci");
  g_assert_cmpstr (written, ==, messy_canonical);
  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "messy.raci tidy.raci");
}

static void
test_export_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;

  if (!have_binary ())
    return;

  /* Over an older export, and over the input itself. */
  write_file (fixture, "messy.raci", messy_raci);
  write_file (fixture, "tidy.raci", "an older export\n");
  RUN (fixture, &result, "--export", "tidy.raci", "messy.raci");
  g_assert_cmpint (result.status, ==, 0);
  written = read_file (fixture, "tidy.raci");
  g_assert_cmpstr (written, ==, messy_canonical);

  g_clear_pointer (&result.out, g_free);
  g_clear_pointer (&result.err, g_free);
  g_clear_pointer (&written, g_free);
  RUN (fixture, &result, "--export", "messy.raci", "messy.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  written = read_file (fixture, "messy.raci");
  g_assert_cmpstr (written, ==, messy_canonical);

  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "messy.raci tidy.raci");
}

/* A matrix goes out to a spreadsheet and comes back as the same matrix;
 * a cell the import cannot read is named on standard error, and the rest
 * still comes through. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *csv = NULL;
  g_autofree char *back = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--export", "matrix.csv", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  csv = read_file (fixture, "matrix.csv");
  g_assert_true (g_str_has_prefix (csv, "Phase,Activity,"));

  result_clear (&result);
  RUN (fixture, &result, "--export", "back.raci", "matrix.csv");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);

  result_clear (&result);
  RUN (fixture, &result, "--export", "again.csv", "back.raci");
  g_assert_cmpint (result.status, ==, 0);
  back = read_file (fixture, "again.csv");
  g_assert_cmpstr (back, ==, csv);

  result_clear (&result);
  write_file (fixture, "sheet.csv",
              "Activity,Data scientist,ML engineer\n"
              "Train the model,A/R,maybe later\n");
  RUN (fixture, &result, "--export", "sheet.raci", "sheet.csv");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.err, "sheet.csv: warning: "));
  g_assert_nonnull (strstr (result.err, "maybe later"));
  g_clear_pointer (&back, g_free);
  back = read_file (fixture, "sheet.raci");
  g_assert_nonnull (strstr (back, "<name>Train the model</name>"));
  g_assert_nonnull (strstr (back, "<assign role=\"data-scientist\" code=\"R\"/>"));
}

/* PDF with and without layout options; the options are checked before
 * anything is read, and apply to PDF only. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  double width, height;

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--export", "matrix.pdf", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  path = fixture_path (fixture, "matrix.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  g_assert_cmpfloat (width, >, height);

  result_clear (&result);
  RUN (fixture, &result, "--export", "a3.pdf", "--paper", "a3", "--orientation", "portrait",
       "--tile", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "a3.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), >=, 1);
  /* A3 upright: 297 x 420 mm */
  g_assert_cmpfloat_with_epsilon (width, 297 / 25.4 * 72, 1);
  g_assert_cmpfloat_with_epsilon (height, 420 / 25.4 * 72, 1);

  result_clear (&result);
  RUN (fixture, &result, "--export", "ledger.pdf", "--paper", "ledger", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "ledger.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  /* Ledger: 17 x 11 inches across, the default orientation */
  g_assert_cmpfloat_with_epsilon (width, 17 * 72, 1);
  g_assert_cmpfloat_with_epsilon (height, 11 * 72, 1);

  /* The summary before the matrix: two pages */
  result_clear (&result);
  RUN (fixture, &result, "--export", "summary.pdf", "--summary", "first", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "summary.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 2);

  result_clear (&result);
  RUN (fixture, &result, "--export", "middle.pdf", "--summary", "middle", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==,
                   "racimo: Unknown summary place “middle”: use first, last or none\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "b5.pdf", "--paper", "b5", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==,
                   "racimo: Unknown paper size “b5”: use a4, a3, letter, legal, tabloid or "
                   "ledger\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "both.pdf", "--fit", "--tile", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==, "racimo: --fit and --tile cannot be used together\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "x.csv", "--tile", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==, "racimo: --tile applies to .pdf files only\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "x.csv", "--summary", "last", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==, "racimo: --summary applies to .pdf files only\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "mono.pdf", "--mono", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);

  result_clear (&result);
  RUN (fixture, &result, "--export", "problems.pdf", "--only-problems", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);

  result_clear (&result);
  RUN (fixture, &result, "--export", "x.csv", "--only-problems", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==, "racimo: --only-problems applies to .pdf files only\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "framed.pdf", "--header", "Steering committee",
       "--footer", "Confidential", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);

  result_clear (&result);
  RUN (fixture, &result, "--export", "x.csv", "--footer", "Confidential", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==, "racimo: --footer applies to .pdf files only\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "x.csv", "--mono", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==, "racimo: --mono applies to .pdf files only\n");

  /* Only some phases: ids the project has, checked once it is read */
  result_clear (&result);
  RUN (fixture, &result, "--export", "phase.pdf", "--phases", " build ", "clean.raci");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);

  result_clear (&result);
  RUN (fixture, &result, "--export", "nophase.pdf", "--phases", "build,launch", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==,
                   "racimo: clean.raci: The project has no phase with the id “launch”\n");

  result_clear (&result);
  RUN (fixture, &result, "--export", "empty.pdf", "--phases", "build,,", "clean.raci");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==,
                   "racimo: An empty phase id in “build,,”: give phase ids separated by "
                   "commas\n");

  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==,
                   "a3.pdf clean.raci framed.pdf ledger.pdf matrix.pdf mono.pdf phase.pdf "
                   "problems.pdf summary.pdf");
}

static void
test_export_unknown_extension (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *listing = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--export", "x.txt", "clean.raci");

  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "racimo: cannot export to \"x.txt\": use a .raci, .csv or .pdf file name\n");
  g_assert_cmpint (result.status, ==, 2);

  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "clean.raci");
}

static void
test_export_unreadable_input (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *listing = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "broken.raci", broken_raci);
  RUN (fixture, &result, "--export", "out.raci", "broken.raci");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "racimo: broken.raci:6:13: </phase> does not close <activity> from line 5\n");
  g_assert_cmpint (result.status, ==, 2);

  g_clear_pointer (&result.out, g_free);
  g_clear_pointer (&result.err, g_free);
  RUN (fixture, &result, "--export", "out.raci", "missing.raci");
  g_assert_cmpstr (result.err, ==, "racimo: missing.raci: the file does not exist\n");
  g_assert_cmpint (result.status, ==, 2);

  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "broken.raci");
}

/* A project that the reader would refuse is not written (issue 17): a
 * spreadsheet's cell of 11 MB becomes a name over libxml2's limit. */
static void
test_export_over_limits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(GString) csv = g_string_new ("Activity,");
  g_autofree char *listing = NULL;

  if (!have_binary ())
    return;

  while (csv->len < 11 * 1000 * 1000)
    g_string_append (csv, "Data scientist ");
  g_string_append (csv, "\r\nTrain the model,R\r\n");
  write_file (fixture, "big.csv", csv->str);

  RUN (fixture, &result, "--export", "out.raci", "big.csv");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "racimo: out.raci: not saved: a text of the project (\"Data scientist Data "
                   "scientist …\") is longer than the 10 million bytes that Racimo can open "
                   "again; the file was not changed\n");
  g_assert_cmpint (result.status, ==, 2);

  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "big.csv");
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *listing = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *missing_folder = NULL;
  g_autofree char *expected = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);

  /* OUT is a folder. */
  folder = fixture_path (fixture, "folder.raci");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  RUN (fixture, &result, "--export", "folder.raci", "clean.raci");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "racimo: folder.raci: this is a folder, not a file\n");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* OUT is in a folder that does not exist. */
  g_clear_pointer (&result.out, g_free);
  g_clear_pointer (&result.err, g_free);
  RUN (fixture, &result, "--export", "no-such-folder/out.raci", "clean.raci");
  missing_folder = fixture_path (fixture, "no-such-folder");
  expected = g_strdup_printf ("racimo: no-such-folder/out.raci: the folder \"%s\" does not exist\n",
                              missing_folder);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, expected);
  g_assert_cmpint (result.status, ==, 2);

  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "clean.raci folder.raci");
}

/* OUT is a named pipe: opening it to write would wait for a reader for
 * ever, so it is refused before it is opened, for every format. */
static void
test_export_fifo (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const names[] = { "pipe.raci", "pipe.csv", "pipe.pdf" };

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(Result) result = { 0 };
      g_autofree char *path = fixture_path (fixture, names[i]);
      g_autofree char *expected = NULL;
      GStatBuf st;

      g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      RUN_WITHIN (fixture, &result, 20, "--export", names[i], "clean.raci");
      expected = g_strdup_printf ("racimo: %s: this is not a regular file (a pipe, a device or "
                                  "a socket); Racimo writes only to files, and wrote nothing\n",
                                  names[i]);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, ==, expected);
      g_assert_cmpint (result.status, ==, 2);

      /* Still the pipe, not a file put in its place. */
      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_assert_true (S_ISFIFO (st.st_mode));
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* What is wrong with OUT's path, in the user's words, for each format. */
static void
test_export_messages (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const extensions[] = { "raci", "csv", "pdf" };
  g_autofree char *listing = NULL;
  g_autofree char *a_file = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *link = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  write_file (fixture, "notes.txt", "a file, not a folder\n");
  a_file = fixture_path (fixture, "notes.txt");
  sub = fixture_path (fixture, "sub");
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_auto(Result) result = { 0 };
      g_autofree char *out = g_strdup_printf ("notes.txt/out.%s", extensions[i]);
      g_autofree char *expected = NULL;

      /* A parent of OUT is a file: said so, not "the folder does not
       * exist". */
      RUN (fixture, &result, "--export", out, "clean.raci");
      expected = g_strdup_printf ("racimo: %s: \"%s\" is a file, not a folder\n", out, a_file);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, ==, expected);
      g_assert_cmpint (result.status, ==, 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_auto(Result) result = { 0 };
      g_autofree char *out = g_strdup_printf ("folder-link.%s", extensions[i]);
      g_autofree char *expected = NULL;

      /* OUT is a symlink to a folder: a folder, not "too many levels of
       * symbolic links". */
      g_clear_pointer (&link, g_free);
      link = fixture_path (fixture, out);
      g_assert_cmpint (symlink ("sub", link), ==, 0);
      RUN (fixture, &result, "--export", out, "clean.raci");
      expected = g_strdup_printf ("racimo: %s: this is a folder, not a file\n", out);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, ==, expected);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpint (g_unlink (link), ==, 0);
    }

  listing = racimo_test_list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "clean.raci notes.txt sub");
  g_clear_pointer (&listing, g_free);
  {
    g_autoptr(GDir) dir = g_dir_open (sub, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }
}

/* --version */

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  RUN (fixture, &result, "--version");

  g_assert_cmpstr (result.out, ==, "racimo 0.1.0\n");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
}

/* racimo_cli_*() called directly, in a subprocess of this test that
 * works in the fixture's folder, so that what it prints can be compared. */

static void
test_in_process_check (Fixture       *fixture,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char * const clean[] = { "clean.raci", NULL };
      const char * const all[] = { "clean.raci", "missing.raci", "findings.raci", NULL };
      const char * const none[] = { NULL };

      g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
      write_file (fixture, "clean.raci", clean_raci);
      write_file (fixture, "findings.raci", findings_raci);

      g_assert_cmpint (racimo_cli_check (clean), ==, RACIMO_EXIT_OK);
      g_assert_cmpint (racimo_cli_check (all), ==, RACIMO_EXIT_UNREADABLE);
      g_assert_cmpint (racimo_cli_check (none), ==, RACIMO_EXIT_UNREADABLE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (findings_out);
  g_test_trap_assert_stderr ("racimo: missing.raci: the file does not exist\n"
                             "racimo: no file to check\n");
}

static void
test_in_process_export (Fixture       *fixture,
                        gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *written = NULL;

      g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
      write_file (fixture, "messy.raci", messy_raci);

      g_assert_cmpint (racimo_cli_export ("Tidy.RACI", "messy.raci", NULL), ==, RACIMO_EXIT_OK);
      written = read_file (fixture, "Tidy.RACI");
      g_assert_cmpstr (written, ==, messy_canonical);

      /* A name that is only an extension is not a .raci file name. */
      g_assert_cmpint (racimo_cli_export (".raci", "messy.raci", NULL), ==, RACIMO_EXIT_UNREADABLE);
      g_assert_cmpint (racimo_cli_export ("messy.raci.bak", "messy.raci", NULL), ==,
                       RACIMO_EXIT_UNREADABLE);
      g_assert_cmpint (racimo_cli_export ("out.raci", "missing.raci", NULL), ==,
                       RACIMO_EXIT_UNREADABLE);
      g_assert_false (g_file_test ("out.raci", G_FILE_TEST_EXISTS));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("racimo: cannot export to \".raci\": use a .raci, .csv or .pdf "
                             "file name\n"
                             "racimo: cannot export to \"messy.raci.bak\": use a .raci, .csv or "
                             ".pdf file name\n"
                             "racimo: missing.raci: the file does not exist\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/check/clean", test_check_clean);
  ADD ("/cli/check/findings", test_check_findings);
  ADD ("/cli/check/waived", test_check_waived);
  ADD ("/cli/check/line-break", test_check_line_break);
  ADD ("/cli/check/unreadable", test_check_unreadable);
  ADD ("/cli/check/missing", test_check_missing);
  ADD ("/cli/check/several", test_check_several);
  ADD ("/cli/export/raci", test_export_raci);
  ADD ("/cli/export/replace", test_export_replace);
  ADD ("/cli/export/csv", test_export_csv);
  ADD ("/cli/export/pdf", test_export_pdf);
  ADD ("/cli/export/unknown-extension", test_export_unknown_extension);
  ADD ("/cli/export/unreadable-input", test_export_unreadable_input);
  ADD ("/cli/export/unwritable", test_export_unwritable);
  ADD ("/cli/export/fifo", test_export_fifo);
  ADD ("/cli/export/messages", test_export_messages);
  ADD ("/cli/export/over-limits", test_export_over_limits);
  ADD ("/cli/version", test_version);
  ADD ("/cli/in-process/check", test_in_process_check);
  ADD ("/cli/in-process/export", test_in_process_export);

#undef ADD

  return g_test_run ();
}
