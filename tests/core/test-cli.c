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

/* What the program printed and how it ended; %NULL for an output that is
 * not looked at. */
static void
assert_result (const Result *result,
               const char   *out,
               const char   *err,
               int           status)
{
  if (out != NULL)
    g_assert_cmpstr (result->out, ==, out);
  if (err != NULL)
    g_assert_cmpstr (result->err, ==, err);
  g_assert_cmpint (result->status, ==, status);
}

/* Runs the racimo program in the test's folder, with no display and the
 * variables @environment sets ("NAME=VALUE", or NULL), and returns its
 * exit status and everything it printed in @result, replacing what a
 * former run left there. */
static void
run_racimo_with (Fixture            *fixture,
                 Result             *result,
                 guint               seconds,
                 const char * const *environment,
                 const char * const *args)
{
  const char *binary = g_getenv ("RACIMO_BINARY");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_strdup_printf ("%u", seconds);

  g_assert_nonnull (binary);
  result_clear (result);

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
  for (guint i = 0; environment != NULL && environment[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (environment[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

#define RUN(fixture, result, ...) \
  run_racimo_with ((fixture), (result), 0, NULL, (const char * const[]) { __VA_ARGS__, NULL })
#define RUN_WITHIN(fixture, result, seconds, ...) \
  run_racimo_with ((fixture), (result), (seconds), NULL, \
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

  assert_result (&result, "", "", 0);
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

  assert_result (&result, findings_out, "", 1);
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

  assert_result (&result,
                 "waived.raci:18: warning: no-doer: Activity \"Choose the model family\" "
                 "has no one responsible (R)\n",
                 "", 0);
}

/* Version 1.1: a person's finding names the line of the person, a
 * conflict is an error until it is resolved. */
static const char people_raci[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.1\">\n"
  "  <title>People</title>\n"
  "  <scheme>RACI</scheme>\n"
  "  <people>\n"
  "    <person id=\"sato\">\n"
  "      <name>Sato Hanako</name>\n"
  "    </person>\n"
  "  </people>\n"
  "  <roles>\n"
  "    <role id=\"lead\">\n"
  "      <name>Lead</name>\n"
  "      <member person=\"sato\"/>\n"
  "    </role>\n"
  "    <role id=\"qa\">\n"
  "      <name>QA</name>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"p\">\n"
  "      <name/>\n"
  "      <activity id=\"a1\">\n"
  "        <name>One</name>\n"
  "        <assign role=\"lead\" code=\"R\"/>\n"
  "        <assign role=\"lead\" code=\"A\"/>\n"
  "        <assign role=\"qa\" code=\"C\"/>\n"
  "        <conflict role=\"qa\" base=\"\" ours=\"C\" theirs=\"I\"/>\n"
  "      </activity>\n"
  "      <activity id=\"a2\">\n"
  "        <name>Two</name>\n"
  "        <assign role=\"lead\" code=\"R\"/>\n"
  "        <assign role=\"lead\" code=\"A\"/>\n"
  "      </activity>\n"
  "      <activity id=\"a3\">\n"
  "        <name>Three</name>\n"
  "        <assign role=\"lead\" code=\"R\"/>\n"
  "        <assign role=\"lead\" code=\"A\"/>\n"
  "      </activity>\n"
  "      <activity id=\"a4\">\n"
  "        <name>Four</name>\n"
  "        <assign role=\"lead\" code=\"R\"/>\n"
  "        <assign role=\"lead\" code=\"A\"/>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

static void
test_check_people (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "people.raci", people_raci);
  RUN (fixture, &result, "--check", "people.raci");

  g_assert_cmpstr (result.out, ==,
                   "people.raci:6: warning: overloaded-person: Person \"Sato Hanako\" is "
                   "responsible or accountable for 4 of 4 activities through their roles\n"
                   "people.raci:11: warning: overloaded-role: Role \"Lead\" is responsible or "
                   "accountable for 4 of 4 activities\n"
                   "people.raci:15: warning: unstaffed-role: Role \"QA\" holds codes but no one "
                   "holds the role\n"
                   "people.raci:22: error: merge-conflict: Activity \"One\" has 1 merge "
                   "conflict to resolve\n");
  assert_result (&result, NULL, "", 1);
}

/* People go out to a sheet and a workbook and come back with the same
 * findings of people and roles, each at its row; the conflict does not
 * go out (docs/file-format.md, "Spreadsheets"). */
static void
test_export_people (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const formats[] = { "csv", "xlsx" };

  if (!have_binary ())
    return;

  write_file (fixture, "people.raci", people_raci);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Result) result = { 0 };
      g_autofree char *name = g_strconcat ("people.", formats[i], NULL);
      g_autofree char *expected = NULL;

      RUN (fixture, &result, "--export", name, "people.raci");
      assert_result (&result, "", "", 0);

      RUN (fixture, &result, "--check", "--strict", name);
      /* The roles at the header, the person at the row of people */
      expected = g_strdup_printf ("%s:2: warning: overloaded-role: Role \"Lead\" is responsible "
                                  "or accountable for 4 of 4 activities\n"
                                  "%s:2: warning: unstaffed-role: Role \"QA\" holds codes but "
                                  "no one holds the role\n"
                                  "%s:4: warning: overloaded-person: Person \"Sato Hanako\" is "
                                  "responsible or accountable for 4 of 4 activities through "
                                  "their roles\n",
                                  name, name, name);
      assert_result (&result, expected, "", 0);
    }
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

  assert_result (&result,
                 "lines.raci:12: error: no-owner: Activity \"Deploy  model\" has no owner (A)\n",
                 "", 1);
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

  assert_result (&result, "",
                 "racimo: broken.raci:6:13: </phase> does not close <activity> from line 5\n", 2);
}

static void
test_check_missing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  RUN (fixture, &result, "--check", "missing.raci");

  assert_result (&result, "", "racimo: missing.raci: the file does not exist\n", 2);
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

  RUN (fixture, &result, "--check", "clean.raci", "findings.raci", "sub/waived.raci");
  g_assert_cmpint (result.status, ==, 1);

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

  if (!have_binary ())
    return;

  write_file (fixture, "messy.raci", messy_raci);
  RUN (fixture, &result, "--export", "tidy.raci", "messy.raci");

  assert_result (&result, "", "", 0);

  written = read_file (fixture, "tidy.raci");
  g_assert_cmpstr (written, ==, messy_canonical);
  racimo_test_assert_folder (fixture->dir, "messy.raci tidy.raci");
}

static void
test_export_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *written = NULL;

  if (!have_binary ())
    return;

  /* Over an older export, and over the input itself. */
  write_file (fixture, "messy.raci", messy_raci);
  write_file (fixture, "tidy.raci", "an older export\n");
  RUN (fixture, &result, "--export", "tidy.raci", "messy.raci");
  g_assert_cmpint (result.status, ==, 0);
  written = read_file (fixture, "tidy.raci");
  g_assert_cmpstr (written, ==, messy_canonical);

  g_clear_pointer (&written, g_free);
  RUN (fixture, &result, "--export", "messy.raci", "messy.raci");
  assert_result (&result, NULL, "", 0);
  written = read_file (fixture, "messy.raci");
  g_assert_cmpstr (written, ==, messy_canonical);

  racimo_test_assert_folder (fixture->dir, "messy.raci tidy.raci");
}

/* Sheets saved as .tsv, or as .txt by Excel's "Unicode Text" (UTF-16),
 * are read by their content; findings name the rows of the sheet;
 * --strict refuses a sheet that is not read whole. */
static void
test_check_sheets (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  static const char tsv[] = "Phase\tActivity\tLead\n"
                            "Plan\tScope\tR\n"
                            "Plan\tBudget\tA\n";
  /* "Activity\tLead\r\nShip\tR\r\n" in UTF-16LE with its mark */
  static const char utf16[] = "\xff\xfe" "A\0c\0t\0i\0v\0i\0t\0y\0\t\0L\0e\0a\0d\0\r\0\n\0"
                              "S\0h\0i\0p\0\t\0R\0\r\0\n\0";
  g_autofree char *txt_path = NULL;
  g_autofree char *raci_path = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "team.tsv", tsv);
  txt_path = fixture_path (fixture, "unicode.txt");
  g_assert_true (g_file_set_contents (txt_path, utf16, sizeof utf16 - 1, NULL));

  RUN (fixture, &result, "--check", "team.tsv", "unicode.txt");
  assert_result (&result, NULL, "", 1);
  g_assert_cmpstr (result.out, ==,
                   "team.tsv:2: error: no-owner: Activity \"Scope\" has no owner (A)\n"
                   "team.tsv:3: warning: no-doer: Activity \"Budget\" has no one responsible (R)\n"
                   "unicode.txt:2: error: no-owner: Activity \"Ship\" has no owner (A)\n");

  write_file (fixture, "dates.csv", "Activity,Lead,Due date\nShip,A/R,2026-03-01\n");
  RUN (fixture, &result, "--check", "dates.csv");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.err, "Column C (“Due date”) was ignored"));

  RUN (fixture, &result, "--check", "--strict", "dates.csv");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "not imported, as strict mode asks"));

  RUN (fixture, &result, "--export", "dates.raci", "--strict", "dates.csv");
  g_assert_cmpint (result.status, ==, 2);
  raci_path = fixture_path (fixture, "dates.raci");
  g_assert_false (g_file_test (raci_path, G_FILE_TEST_EXISTS));
}

/* A matrix goes out as a workbook and comes back from it with the same
 * findings; a sheet is picked by its name. */
static void
test_export_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *findings = NULL;
  g_autofree char *sheet_path = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--export", "matrix.xlsx", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--check", "clean.raci");
  findings = g_steal_pointer (&result.out);

  RUN (fixture, &result, "--check", "--strict", "matrix.xlsx");
  assert_result (&result, NULL, "", 0);
  g_assert_cmpstr (result.out, ==, findings);

  RUN (fixture, &result, "--export", "back.raci", "--sheet", "Matrix", "matrix.xlsx");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--check", "--sheet", "Budget", "matrix.xlsx");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==,
                   "racimo: matrix.xlsx: the workbook has no sheet named “Budget”\n");

  /* The legend sheet holds no matrix: its codes column is a role */
  RUN (fixture, &result, "--export", "legend.csv", "--sheet", "Legend", "matrix.xlsx");
  g_assert_cmpint (result.status, ==, 0);
  sheet_path = fixture_path (fixture, "legend.csv");
  g_assert_true (g_file_test (sheet_path, G_FILE_TEST_EXISTS));
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
  assert_result (&result, NULL, "", 0);
  csv = read_file (fixture, "matrix.csv");
  g_assert_true (g_str_has_prefix (csv, "Clean\r\nPhase,Activity,"));

  RUN (fixture, &result, "--export", "back.raci", "matrix.csv");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "again.csv", "back.raci");
  g_assert_cmpint (result.status, ==, 0);
  back = read_file (fixture, "again.csv");
  g_assert_cmpstr (back, ==, csv);

  write_file (fixture, "sheet.csv",
              "Activity,Data scientist,ML engineer\n"
              "Train the model,A/R,maybe later\n");
  RUN (fixture, &result, "--export", "sheet.raci", "sheet.csv");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.err, "sheet.csv: warning: "));
  g_assert_nonnull (strstr (result.err, "Column C (“ML engineer”) was ignored: there are no codes in it"));
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
  double width, height;

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--export", "matrix.pdf", "clean.raci");
  assert_result (&result, NULL, "", 0);
  path = fixture_path (fixture, "matrix.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  g_assert_cmpfloat (width, >, height);

  RUN (fixture, &result, "--export", "a3.pdf", "--paper", "a3", "--orientation", "portrait",
       "--tile", "clean.raci");
  assert_result (&result, NULL, "", 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "a3.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), >=, 1);
  /* A3 upright: 297 x 420 mm */
  g_assert_cmpfloat_with_epsilon (width, 297 / 25.4 * 72, 1);
  g_assert_cmpfloat_with_epsilon (height, 420 / 25.4 * 72, 1);

  RUN (fixture, &result, "--export", "ledger.pdf", "--paper", "ledger", "clean.raci");
  assert_result (&result, NULL, "", 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "ledger.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  /* Ledger: 17 x 11 inches across, the default orientation */
  g_assert_cmpfloat_with_epsilon (width, 17 * 72, 1);
  g_assert_cmpfloat_with_epsilon (height, 11 * 72, 1);

  /* The summary before the matrix: two pages */
  RUN (fixture, &result, "--export", "summary.pdf", "--summary", "first", "clean.raci");
  assert_result (&result, NULL, "", 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "summary.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 2);

  RUN (fixture, &result, "--export", "middle.pdf", "--summary", "middle", "clean.raci");
  assert_result (&result, NULL,
                   "racimo: Unknown summary place “middle”: use first, last or none\n", 2);

  RUN (fixture, &result, "--export", "b5.pdf", "--paper", "b5", "clean.raci");
  assert_result (&result, NULL,
                   "racimo: Unknown paper size “b5”: use a4, a3, letter, legal, tabloid or "
                   "ledger\n", 2);

  RUN (fixture, &result, "--export", "both.pdf", "--fit", "--tile", "clean.raci");
  assert_result (&result, NULL, "racimo: --fit and --tile cannot be used together\n", 2);

  RUN (fixture, &result, "--export", "x.csv", "--tile", "clean.raci");
  assert_result (&result, NULL, "racimo: --tile applies to .pdf files only\n", 2);

  RUN (fixture, &result, "--export", "x.csv", "--summary", "last", "clean.raci");
  assert_result (&result, NULL, "racimo: --summary applies to .pdf files only\n", 2);

  RUN (fixture, &result, "--export", "mono.pdf", "--mono", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "problems.pdf", "--only-problems", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "x.csv", "--only-problems", "clean.raci");
  assert_result (&result, NULL, "racimo: --only-problems applies to .pdf files only\n", 2);

  RUN (fixture, &result, "--export", "framed.pdf", "--header", "Steering committee",
       "--footer", "Confidential", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "x.csv", "--footer", "Confidential", "clean.raci");
  assert_result (&result, NULL, "racimo: --footer applies to .pdf files only\n", 2);

  RUN (fixture, &result, "--export", "x.csv", "--mono", "clean.raci");
  assert_result (&result, NULL, "racimo: --mono applies to .pdf files only\n", 2);

  /* Only some phases: ids the project has, checked once it is read */
  RUN (fixture, &result, "--export", "phase.pdf", "--phases", " build ", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "nophase.pdf", "--phases", "build,launch", "clean.raci");
  assert_result (&result, NULL,
                   "racimo: clean.raci: The project has no phase with the id “launch”\n", 2);

  RUN (fixture, &result, "--export", "empty.pdf", "--phases", "build,,", "clean.raci");
  assert_result (&result, NULL,
                   "racimo: An empty phase id in “build,,”: give phase ids separated by "
                   "commas\n", 2);

  /* Only some roles, the same way */
  RUN (fixture, &result, "--export", "role.pdf", "--roles", "mle, ds", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "norole.pdf", "--roles", "ds,cfo", "clean.raci");
  assert_result (&result, NULL,
                   "racimo: clean.raci: The project has no role with the id “cfo”\n", 2);

  RUN (fixture, &result, "--export", "empty.pdf", "--roles", " ", "clean.raci");
  assert_result (&result, NULL,
                   "racimo: An empty role id in “ ”: give role ids separated by commas\n", 2);

  RUN (fixture, &result, "--export", "x.csv", "--roles", "ds", "clean.raci");
  assert_result (&result, NULL, "racimo: --roles applies to .pdf files only\n", 2);

  /* Row numbers */
  RUN (fixture, &result, "--export", "numbered.pdf", "--row-numbers", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "x.csv", "--row-numbers", "clean.raci");
  assert_result (&result, NULL, "racimo: --row-numbers applies to .pdf files only\n", 2);

  /* One page, N pages wide: scaled down, to a legible size at most */
  RUN (fixture, &result, "--export", "onepage.pdf", "--one-page", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "wide.pdf", "--pages-wide", "2", "clean.raci");
  assert_result (&result, NULL, "", 0);

  RUN (fixture, &result, "--export", "x.pdf", "--pages-wide", "0", "clean.raci");
  assert_result (&result, NULL,
                 "racimo: Pages wide “0” is not a whole number from 1 to 100\n", 2);

  RUN (fixture, &result, "--export", "x.pdf", "--pages-wide", "two", "clean.raci");
  assert_result (&result, NULL,
                 "racimo: Pages wide “two” is not a whole number from 1 to 100\n", 2);

  RUN (fixture, &result, "--export", "x.pdf", "--one-page", "--tile", "clean.raci");
  assert_result (&result, NULL, "racimo: --one-page and --tile cannot be used together\n", 2);

  RUN (fixture, &result, "--export", "x.pdf", "--pages-wide", "2", "--tile", "clean.raci");
  assert_result (&result, NULL, "racimo: --pages-wide and --tile cannot be used together\n", 2);

  RUN (fixture, &result, "--export", "x.pdf", "--one-page", "--pages-wide", "2", "clean.raci");
  assert_result (&result, NULL,
                 "racimo: --one-page and --pages-wide cannot be used together\n", 2);

  RUN (fixture, &result, "--export", "x.csv", "--one-page", "clean.raci");
  assert_result (&result, NULL, "racimo: --one-page applies to .pdf files only\n", 2);

  RUN (fixture, &result, "--export", "x.csv", "--pages-wide", "2", "clean.raci");
  assert_result (&result, NULL, "racimo: --pages-wide applies to .pdf files only\n", 2);

  /* Sixty roles do not go on one upright page: written, and said */
  {
    g_autoptr(GString) wide = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                            "<raci-project xmlns=\"urn:x-racimo:raci:1\" "
                                            "version=\"1.0\">\n<title>Wide</title>\n"
                                            "<scheme>RACI</scheme>\n<roles>\n");

    for (guint r = 0; r < 60; r++)
      g_string_append_printf (wide, "<role id=\"r%u\"><name>Role %u</name></role>\n", r, r);
    g_string_append (wide, "</roles>\n<phases><phase id=\"p\"><name/>"
                           "<activity id=\"a\"><name>Only</name>"
                           "<assign role=\"r0\" code=\"A\"/></activity>"
                           "</phase></phases>\n</raci-project>\n");
    write_file (fixture, "wide.raci", wide->str);
  }
  RUN (fixture, &result, "--export", "wide-one.pdf", "--one-page", "--orientation", "portrait",
       "wide.raci");
  assert_result (&result, NULL,
                 "racimo: The matrix does not fit on one page at a legible size; it is "
                 "printed on 2 pages\n", 0);

  RUN (fixture, &result, "--export", "wide-across.pdf", "--pages-wide", "1", "--orientation",
       "portrait", "wide.raci");
  assert_result (&result, NULL,
                 "racimo: The roles do not fit on 1 page across at a legible size; they "
                 "take 2\n", 0);

  racimo_test_assert_folder (fixture->dir,
                             "a3.pdf clean.raci framed.pdf ledger.pdf matrix.pdf mono.pdf "
                             "numbered.pdf onepage.pdf phase.pdf problems.pdf role.pdf summary.pdf "
                             "wide-across.pdf wide-one.pdf wide.pdf wide.raci");
}

/* --per-person: a page for each person, upright unless asked otherwise;
 * what it cannot do is refused before anything is written. */
static void
test_export_per_person (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *path = NULL;
  double width, height;

  if (!have_binary ())
    return;

  write_file (fixture, "people.raci", people_raci);
  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--export", "people.pdf", "--per-person", "people.raci");
  assert_result (&result, "", "", 0);
  path = fixture_path (fixture, "people.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  g_assert_cmpfloat (width, <, height);

  RUN (fixture, &result, "--export", "across.pdf", "--per-person", "--orientation", "landscape",
       "--paper", "letter", "--header", "Kick-off", "people.raci");
  assert_result (&result, "", "", 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "across.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);
  g_assert_cmpfloat_with_epsilon (width, 11 * 72, 1);
  g_assert_cmpfloat_with_epsilon (height, 8.5 * 72, 1);

  /* A 1.0 project without any person text lists no people */
  RUN (fixture, &result, "--export", "nobody.pdf", "--per-person", "clean.raci");
  assert_result (&result, "",
                 "racimo: clean.raci lists no people, so --per-person has no page to print\n", 2);

  RUN (fixture, &result, "--export", "tiled.pdf", "--per-person", "--tile", "people.raci");
  assert_result (&result, "", "racimo: --tile cannot be used with --per-person\n", 2);

  RUN (fixture, &result, "--export", "summary.pdf", "--summary", "first", "--per-person",
       "people.raci");
  assert_result (&result, "", "racimo: --summary cannot be used with --per-person\n", 2);

  /* Nor the matrix's own choices of this change */
  RUN (fixture, &result, "--export", "onepage.pdf", "--one-page", "--per-person",
       "people.raci");
  assert_result (&result, "", "racimo: --one-page cannot be used with --per-person\n", 2);

  RUN (fixture, &result, "--export", "numbered.pdf", "--row-numbers", "--per-person",
       "people.raci");
  assert_result (&result, "", "racimo: --row-numbers cannot be used with --per-person\n", 2);

  RUN (fixture, &result, "--export", "described.pdf", "--descriptions", "--per-person",
       "people.raci");
  assert_result (&result, "", "racimo: --descriptions cannot be used with --per-person\n", 2);

  RUN (fixture, &result, "--export", "x.csv", "--per-person", "people.raci");
  assert_result (&result, "", "racimo: --per-person applies to .pdf files only\n", 2);

  RUN (fixture, &result, "--export", "b5.pdf", "--per-person", "--paper", "b5", "people.raci");
  assert_result (&result, "",
                 "racimo: Unknown paper size “b5”: use a4, a3, letter, legal, tabloid or "
                 "ledger\n", 2);

  racimo_test_assert_folder (fixture->dir, "across.pdf clean.raci people.pdf people.raci");
}

/* --per-role: a page for each role, or for each role --roles names,
 * upright unless asked otherwise; what it cannot do is refused before
 * anything is written. */
static void
test_export_per_role (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double width, height;

  if (!have_binary ())
    return;

  write_file (fixture, "people.raci", people_raci);
  write_file (fixture, "empty.raci",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">"
              "<title>Empty</title></raci-project>\n");
  RUN (fixture, &result, "--export", "roles.pdf", "--per-role", "people.raci");
  assert_result (&result, "", "", 0);
  path = fixture_path (fixture, "roles.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 2);
  g_assert_cmpfloat (width, <, height);
  text = racimo_test_pdf_get_text (path);
  g_assert_nonnull (strstr (text, "Other roles"));

  RUN (fixture, &result, "--export", "qa.pdf", "--per-role", "--roles", "qa", "--header",
       "Kick-off", "people.raci");
  assert_result (&result, "", "", 0);
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "qa.pdf");
  g_assert_cmpuint (racimo_test_pdf_read (path, &width, &height), ==, 1);

  RUN (fixture, &result, "--export", "x.pdf", "--per-role", "--roles", "cfo", "people.raci");
  assert_result (&result, "",
                 "racimo: people.raci: The project has no role with the id “cfo”\n", 2);

  RUN (fixture, &result, "--export", "none.pdf", "--per-role", "empty.raci");
  assert_result (&result, "",
                 "racimo: empty.raci has no roles, so --per-role has no page to print\n", 2);

  RUN (fixture, &result, "--export", "tiled.pdf", "--per-role", "--tile", "people.raci");
  assert_result (&result, "", "racimo: --tile cannot be used with --per-role\n", 2);

  RUN (fixture, &result, "--export", "both.pdf", "--per-role", "--per-person", "people.raci");
  assert_result (&result, "", "racimo: --per-person and --per-role cannot be used together\n",
                 2);

  RUN (fixture, &result, "--export", "x.csv", "--per-role", "people.raci");
  assert_result (&result, "", "racimo: --per-role applies to .pdf files only\n", 2);

  racimo_test_assert_folder (fixture->dir, "empty.raci people.raci qa.pdf roles.pdf");
}

/* --descriptions: an activity whose description is taller than a page
 * goes on over the next pages, under "Name (continued)", and every word
 * of it is printed once. */
static void
test_export_tall_row (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(GString) raci = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double width, height;
  guint n_pages;

  if (!have_binary ())
    return;

  g_string_append (raci, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
                         "<title>Tall</title>\n<roles>\n");
  for (guint r = 0; r < 8; r++)
    g_string_append_printf (raci, "<role id=\"r%u\"><name>Role %u</name></role>\n", r, r);
  g_string_append (raci, "</roles>\n<phases><phase id=\"p\"><name/>"
                         "<activity id=\"a\"><name>Long story</name><description>");
  for (guint w = 1; w <= 900; w++)
    g_string_append_printf (raci, "word%03u%s", w, w % 12 == 0 ? ". " : " ");
  g_string_append (raci, "</description><assign role=\"r0\" code=\"A\"/></activity>"
                         "<activity id=\"b\"><name>Short story</name>"
                         "<assign role=\"r1\" code=\"A\"/></activity>"
                         "</phase></phases>\n</raci-project>\n");
  write_file (fixture, "tall.raci", raci->str);

  RUN (fixture, &result, "--export", "tall.pdf", "--descriptions", "--orientation", "portrait",
       "tall.raci");
  assert_result (&result, "", "", 0);
  path = fixture_path (fixture, "tall.pdf");
  n_pages = racimo_test_pdf_read (path, &width, &height);
  g_assert_cmpuint (n_pages, >=, 2);

  text = racimo_test_pdf_get_text (path);
  racimo_test_assert_numbered_once (text, "word", "", 1, 900);
  {
    g_auto(GStrv) pages = racimo_test_pdf_get_pages (path);

    g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
    for (guint i = 1; i < n_pages; i++)
      {
        g_assert_nonnull (strstr (pages[i], "Long story (continued)"));
        g_assert_nonnull (strstr (pages[i], "Role 7"));
      }
    g_assert_nonnull (strstr (pages[n_pages - 1], "Short story"));
  }

  /* Only for the matrix's PDF */
  RUN (fixture, &result, "--export", "tall.csv", "--descriptions", "tall.raci");
  assert_result (&result, "", "racimo: --descriptions applies to .pdf files only\n", 2);

  racimo_test_assert_folder (fixture->dir, "tall.pdf tall.raci");
}

static void
test_export_unknown_extension (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  RUN (fixture, &result, "--export", "x.txt", "clean.raci");

  assert_result (&result, "",
                 "racimo: cannot export to \"x.txt\": use a .raci, .csv, .xlsx or .pdf file name\n", 2);

  racimo_test_assert_folder (fixture->dir, "clean.raci");
}

static void
test_export_unreadable_input (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "broken.raci", broken_raci);
  RUN (fixture, &result, "--export", "out.raci", "broken.raci");
  assert_result (&result, "",
                 "racimo: broken.raci:6:13: </phase> does not close <activity> from line 5\n", 2);

  RUN (fixture, &result, "--export", "out.raci", "missing.raci");
  assert_result (&result, NULL, "racimo: missing.raci: the file does not exist\n", 2);

  racimo_test_assert_folder (fixture->dir, "broken.raci");
}

/* A project that the reader would refuse is not written (issue 17): a
 * spreadsheet's cell of 11 MB becomes a name over libxml2's limit. */
static void
test_export_over_limits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(GString) csv = g_string_new ("Activity,");

  if (!have_binary ())
    return;

  while (csv->len < 11 * 1000 * 1000)
    g_string_append (csv, "Data scientist ");
  g_string_append (csv, "\r\nTrain the model,R\r\n");
  write_file (fixture, "big.csv", csv->str);

  RUN (fixture, &result, "--export", "out.raci", "big.csv");
  assert_result (&result, "",
                 "racimo: out.raci: not saved: a text of the project (\"Data scientist Data "
                 "scientist …\") is longer than the 10 million bytes that Racimo can open "
                 "again; the file was not changed\n", 2);

  racimo_test_assert_folder (fixture->dir, "big.csv");
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Result) result = { 0 };
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
  assert_result (&result, "", "racimo: folder.raci: this is a folder, not a file\n", 2);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* OUT is in a folder that does not exist. */
  RUN (fixture, &result, "--export", "no-such-folder/out.raci", "clean.raci");
  missing_folder = fixture_path (fixture, "no-such-folder");
  expected = g_strdup_printf ("racimo: no-such-folder/out.raci: the folder \"%s\" does not exist\n",
                              missing_folder);
  assert_result (&result, "", expected, 2);

  racimo_test_assert_folder (fixture->dir, "clean.raci folder.raci");
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
      assert_result (&result, "", expected, 2);

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
      assert_result (&result, "", expected, 2);
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
      assert_result (&result, "", expected, 2);
      g_assert_cmpint (g_unlink (link), ==, 0);
    }

  racimo_test_assert_folder (fixture->dir, "clean.raci notes.txt sub");
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

  assert_result (&result, "racimo 0.1.0\n", "", 0);
}

/* No GTK */

/* The shared libraries that the program mapped, as the dynamic loader
 * reports them with LD_DEBUG=libs in the files LD_DEBUG_OUTPUT names. */
static char *
run_racimo_libraries (Fixture            *fixture,
                      int                 expected_status,
                      const char * const *args)
{
  g_autofree char *log_dir = fixture_path (fixture, "loader");
  g_autofree char *log_output = g_strconcat ("LD_DEBUG_OUTPUT=", log_dir, "/ld", NULL);
  const char * const environment[] = { "LD_DEBUG=libs", log_output, NULL };
  g_auto(Result) result = { 0 };
  g_autoptr(GString) loaded = g_string_new ("");
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir (log_dir, 0700), ==, 0);
  run_racimo_with (fixture, &result, 60, environment, args);
  assert_result (&result, NULL, NULL, expected_status);

  /* One file per process: ld.PID */
  dir = g_dir_open (log_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (log_dir, name, NULL);
      g_autofree char *text = racimo_test_read_text (path);

      g_string_append (loaded, text);
    }
  racimo_test_remove_tree (log_dir);

  return g_string_free (g_steal_pointer (&loaded), FALSE);
}

/* The command line maps neither GTK nor libadwaita: with their hundred
 * libraries, starting the program would cost more than checking a large
 * project (docs/design-targets.md, "Targets and their benchmarks"). */
static void
test_no_gtk (Fixture       *fixture,
             gconstpointer  data)
{
  const struct
  {
    int         status;
    const char *args[5];
  } commands[] = {
    { RACIMO_EXIT_OK, { "--version" } },
    { RACIMO_EXIT_OK, { "--help" } },
    { RACIMO_EXIT_OK, { "--check", "clean.raci" } },
    { RACIMO_EXIT_FINDINGS, { "--check", "findings.raci" } },
    { RACIMO_EXIT_OK, { "--export", "out.csv", "clean.raci" } },
    { RACIMO_EXIT_OK, { "--export", "out.pdf", "clean.raci" } },
  };

  if (!have_binary ())
    return;

  write_file (fixture, "clean.raci", clean_raci);
  write_file (fixture, "findings.raci", findings_raci);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *loaded = run_racimo_libraries (fixture, commands[i].status,
                                                      commands[i].args);

      g_test_message ("racimo %s", commands[i].args[0]);
      /* The loader did report, or the test would prove nothing. */
      g_assert_nonnull (strstr (loaded, "libglib-2.0.so"));
      g_assert_null (strstr (loaded, "libgtk-4.so"));
      g_assert_null (strstr (loaded, "libadwaita-1.so"));
    }
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
  g_test_trap_assert_stderr ("racimo: cannot export to \".raci\": use a .raci, .csv, .xlsx or .pdf "
                             "file name\n"
                             "racimo: cannot export to \"messy.raci.bak\": use a .raci, .csv, .xlsx "
                             "or .pdf file name\n"
                             "racimo: missing.raci: the file does not exist\n");
}

/* What src/main.c does first: the command line's commands end there, and
 * anything else is for the window (-1), before any registration. */
static void
test_in_process_run (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      char *version[] = { (char *) "racimo", (char *) "--version", NULL };
      char *nothing[] = { (char *) "racimo", NULL };
      char *open[] = { (char *) "racimo", (char *) "plan.raci", NULL };
      char *service[] = { (char *) "racimo", (char *) "--gapplication-service", NULL };
      char *check_none[] = { (char *) "racimo", (char *) "--check", NULL };
      char *unknown[] = { (char *) "racimo", (char *) "--bogus", NULL };

      g_assert_cmpint (racimo_cli_run (2, version), ==, RACIMO_EXIT_OK);
      g_assert_cmpint (racimo_cli_run (1, nothing), ==, -1);
      g_assert_cmpint (racimo_cli_run (2, open), ==, -1);
      g_assert_cmpint (racimo_cli_run (2, service), ==, -1);
      g_assert_cmpint (racimo_cli_run (2, check_none), ==, RACIMO_EXIT_UNREADABLE);
      g_assert_cmpint (racimo_cli_run (2, unknown), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("racimo 0.1.0\n");
  g_test_trap_assert_stderr ("racimo: --check needs at least one FILE\n"
                             "Unknown option --bogus\n");
}

/* --export OUT --repair FILE */

static const char repairable_raci[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Plan</title>\n"
  "  <roles>\n"
  "    <role id=\"mle\">\n"
  "      <name>ML engineer</name>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"p\">\n"
  "      <name/>\n"
  "      <activity id=\"deploy\">\n"
  "        <name>Deploy model</name>\n"
  "        <assign role=\"mle\" code=\"ar\"/>\n"
  "        <assign role=\"ghost\" code=\"C\"/>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

static const char repaired_raci[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
  "  <title>Plan</title>\n"
  "  <scheme>RACI</scheme>\n"
  "  <roles>\n"
  "    <role id=\"mle\">\n"
  "      <name>ML engineer</name>\n"
  "    </role>\n"
  "    <role id=\"ghost\">\n"
  "      <name>ghost</name>\n"
  "      <description>Added when the file was repaired: cells named this role, but the file "
  "did not list it. Check its name.</description>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <phases>\n"
  "    <phase id=\"p\">\n"
  "      <name/>\n"
  "      <activity id=\"deploy\">\n"
  "        <name>Deploy model</name>\n"
  "        <assign role=\"mle\" code=\"R\"/>\n"
  "        <assign role=\"mle\" code=\"A\"/>\n"
  "        <assign role=\"ghost\" code=\"C\"/>\n"
  "      </activity>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</raci-project>\n";

static void
test_repair_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *written = NULL;
  g_autofree char *original = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "plan.raci", repairable_raci);
  RUN (fixture, &result, "--export", "fixed.raci", "--repair", "plan.raci");

  /* Each repair as a compiler's diagnostic, the file and line first */
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "plan.raci:14: repaired: the cell of the role “ML engineer” in the activity "
                   "“Deploy model” holds “ar”, which is not a code (codes are single capital "
                   "letters such as R or A); read it as the codes R, A\n"
                   "plan.raci:15: repaired: a cell of the activity “Deploy model” names the role "
                   "“ghost”, which the file does not list; added a role “ghost” for you to "
                   "review\n");
  g_assert_cmpint (result.status, ==, 0);
  written = read_file (fixture, "fixed.raci");
  g_assert_cmpstr (written, ==, repaired_raci);
  original = read_file (fixture, "plan.raci");
  g_assert_cmpstr (original, ==, repairable_raci);

  /* The repaired copy checks without a word about repairs. */
  RUN (fixture, &result, "--check", "fixed.raci");
  g_assert_cmpstr (result.err, ==, "");

  /* Any format: CSV too */
  RUN (fixture, &result, "--export", "fixed.csv", "--repair", "plan.raci");
  g_assert_cmpint (result.status, ==, 0);
  g_clear_pointer (&written, g_free);
  written = read_file (fixture, "fixed.csv");
  g_assert_nonnull (strstr (written, "ghost"));
}

/* --check still refuses the file, and says that --repair opens it. */
static void
test_repair_check_points_to_repair (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "plan.raci", repairable_raci);
  RUN (fixture, &result, "--check", "plan.raci");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "racimo: plan.raci:14: the cell of the role “ML engineer” in the activity "
                   "“Deploy model” holds “ar”, which is not a code (codes are single capital "
                   "letters such as R or A) (racimo --export COPY.raci --repair plan.raci writes "
                   "a repaired copy)\n");
  g_assert_cmpint (result.status, ==, 2);
}

/* Every safety gate: refused by --repair as by --export, nothing
 * written, the file as it was. */
static void
test_repair_gates (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const gates[] = {
    "billion-laughs.raci", "deep-nesting.raci", "external-entity.raci", "malformed.raci",
    "wrong-namespace.raci", "version-2.raci", "not-utf8.raci", "empty.raci",
  };

  if (!have_binary ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (gates); i++)
    {
      g_auto(Result) result = { 0 };
      g_auto(Result) plain = { 0 };
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "bad", gates[i], NULL);
      g_autofree char *before = racimo_test_read_text (path);
      g_autofree char *after = NULL;
      g_autofree char *listing = NULL;

      RUN (fixture, &result, "--export", "out.raci", "--repair", path);
      RUN (fixture, &plain, "--export", "out.raci", path);
      assert_result (&result, NULL, plain.err, 2);
      g_assert_null (strstr (result.err, "repaired"));
      listing = racimo_test_list_folder (fixture->dir);
      g_assert_cmpstr (listing, ==, "");
      after = racimo_test_read_text (path);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_repair_needs_export (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "plan.raci", repairable_raci);
  RUN (fixture, &result, "--repair", "plan.raci");
  assert_result (&result, NULL, "racimo: --repair goes with --export OUT\n", 2);

  RUN (fixture, &result, "--check", "--repair", "plan.raci");
  assert_result (&result, NULL, "racimo: --repair goes with --export OUT\n", 2);
}

/* --diff and --merge */

#define CANON(version, roles, phases) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"" version "\">\n" \
  "  <title>Release</title>\n" \
  "  <scheme>RACI</scheme>\n" \
  "  <roles>\n" roles "  </roles>\n" \
  "  <phases>\n" \
  "    <phase id=\"build\">\n" \
  "      <name>Build</name>\n" phases \
  "    </phase>\n" \
  "  </phases>\n" \
  "</raci-project>\n"
#define ROLE(id, name) \
  "    <role id=\"" id "\">\n      <name>" name "</name>\n    </role>\n"
#define TWO_ROLES ROLE ("ds", "Data scientist") ROLE ("mle", "ML engineer")
#define ACTIVITY(id, name, inner) \
  "      <activity id=\"" id "\">\n        <name>" name "</name>\n" inner "      </activity>\n"
#define ASSIGN(role, code) "        <assign role=\"" role "\" code=\"" code "\"/>\n"

static const char merge_base[] =
  CANON ("1.0", TWO_ROLES, ACTIVITY ("train", "Train", ASSIGN ("ds", "R"))
                           ACTIVITY ("deploy", "Deploy", ""));
/* Ours: the ML engineer is accountable for training. */
static const char merge_ours[] =
  CANON ("1.0", TWO_ROLES, ACTIVITY ("train", "Train", ASSIGN ("ds", "R") ASSIGN ("mle", "A"))
                           ACTIVITY ("deploy", "Deploy", ""));
/* Theirs: "Deploy" renamed, a UX designer added and consulted on it. */
static const char merge_theirs[] =
  CANON ("1.0", TWO_ROLES ROLE ("ux", "UX designer"),
         ACTIVITY ("train", "Train", ASSIGN ("ds", "R"))
         ACTIVITY ("deploy", "Deploy the model", ASSIGN ("ux", "C")));
static const char merge_clean[] =
  CANON ("1.0", TWO_ROLES ROLE ("ux", "UX designer"),
         ACTIVITY ("train", "Train", ASSIGN ("ds", "R") ASSIGN ("mle", "A"))
         ACTIVITY ("deploy", "Deploy the model", ASSIGN ("ux", "C")));
/* Theirs again, with the ML engineer consulted on training instead. */
static const char merge_theirs_conflicting[] =
  CANON ("1.0", TWO_ROLES, ACTIVITY ("train", "Train", ASSIGN ("ds", "R") ASSIGN ("mle", "C"))
                           ACTIVITY ("deploy", "Deploy", ""));
static const char merge_conflicting[] =
  CANON ("1.1", TWO_ROLES,
         ACTIVITY ("train", "Train", ASSIGN ("ds", "R") ASSIGN ("mle", "A")
                   "        <conflict role=\"mle\" base=\"\" ours=\"A\" theirs=\"C\"/>\n")
         ACTIVITY ("deploy", "Deploy", ""));

static void
test_diff (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "old.raci", merge_base);
  write_file (fixture, "new.raci", merge_clean);
  RUN (fixture, &result, "--diff", "old.raci", "new.raci");
  assert_result (&result,
                 "Role “UX designer” added\n"
                 "Activity “Train” (Build): ML engineer nothing → A\n"
                 "Activity “Deploy” (Build) renamed to “Deploy the model”\n"
                 "Activity “Deploy the model” (Build): UX designer nothing → C\n",
                 "", 1);

  RUN (fixture, &result, "--diff", "new.raci", "new.raci");
  assert_result (&result, "", "", 0);

  /* Formatting is no difference. */
  write_file (fixture, "messy.raci", messy_raci);
  write_file (fixture, "tidy.raci", messy_canonical);
  RUN (fixture, &result, "--diff", "messy.raci", "tidy.raci");
  assert_result (&result, "", "", 0);
}

static void
test_diff_unreadable (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  if (!have_binary ())
    return;

  write_file (fixture, "old.raci", merge_base);
  write_file (fixture, "broken.raci", broken_raci);
  RUN (fixture, &result, "--diff", "old.raci", "missing.raci");
  assert_result (&result, "", "racimo: missing.raci: the file does not exist\n", 2);

  RUN (fixture, &result, "--diff", "old.raci", "broken.raci");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_str_has_prefix (result.err, "racimo: broken.raci:"));
  g_assert_cmpint (result.status, ==, 2);

  RUN (fixture, &result, "--diff", "missing.raci", "broken.raci");
  assert_result (&result, "", "racimo: missing.raci: the file does not exist\n", 2);

  RUN (fixture, &result, "--diff", "old.raci");
  assert_result (&result, "", "racimo: --diff needs two files: OLD NEW\n", 2);
}

static void
test_merge_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *merged = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "base.raci", merge_base);
  write_file (fixture, "ours.raci", merge_ours);
  write_file (fixture, "theirs.raci", merge_theirs);
  RUN (fixture, &result, "--merge", "base.raci", "ours.raci", "theirs.raci");
  assert_result (&result, "", "", 0);

  /* As git expects of a merge driver, the merge replaces ours. */
  merged = read_file (fixture, "ours.raci");
  g_assert_cmpstr (merged, ==, merge_clean);
  racimo_test_assert_folder (fixture->dir, "base.raci ours.raci theirs.raci");
}

static void
test_merge_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *merged = NULL;
  g_autofree char *ours = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "base.raci", merge_base);
  write_file (fixture, "ours.raci", merge_ours);
  write_file (fixture, "theirs.raci", merge_theirs_conflicting);
  RUN (fixture, &result, "--merge", "base.raci", "ours.raci", "theirs.raci",
       "--output", "merged.raci");
  assert_result (&result, "",
                 "racimo: merged.raci: 1 conflict written; open the file to resolve it\n", 1);

  merged = read_file (fixture, "merged.raci");
  g_assert_cmpstr (merged, ==, merge_conflicting);
  ours = read_file (fixture, "ours.raci");
  g_assert_cmpstr (ours, ==, merge_ours);
}

static void
test_merge_unreadable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *ours = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "base.raci", merge_base);
  write_file (fixture, "ours.raci", merge_ours);
  write_file (fixture, "theirs.raci", broken_raci);
  RUN (fixture, &result, "--merge", "base.raci", "ours.raci", "theirs.raci");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_str_has_prefix (result.err, "racimo: theirs.raci:"));
  g_assert_cmpint (result.status, ==, 2);

  /* Nothing written: ours is as it was, and no other file appeared. */
  ours = read_file (fixture, "ours.raci");
  g_assert_cmpstr (ours, ==, merge_ours);
  RUN (fixture, &result, "--merge", "base.raci", "ours.raci", "missing.raci",
       "--output", "out.raci");
  assert_result (&result, "", "racimo: missing.raci: the file does not exist\n", 2);
  racimo_test_assert_folder (fixture->dir, "base.raci ours.raci theirs.raci");

  /* The three are read at once; the error of the first unreadable one in
   * the order of the command line is the one said. */
  RUN (fixture, &result, "--merge", "base.raci", "gone.raci", "missing.raci");
  assert_result (&result, "", "racimo: gone.raci: the file does not exist\n", 2);
  RUN (fixture, &result, "--merge", "none.raci", "theirs.raci", "missing.raci");
  assert_result (&result, "", "racimo: none.raci: the file does not exist\n", 2);
  racimo_test_assert_folder (fixture->dir, "base.raci ours.raci theirs.raci");

  RUN (fixture, &result, "--merge", "base.raci", "ours.raci");
  assert_result (&result, "", "racimo: --merge needs three files: BASE OURS THEIRS\n", 2);
}

/* --export OUT.pdf --compare OTHER: the changes OTHER makes, marked on
 * paper for a review, and said on top of the page */
static void
test_export_compare (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_binary ())
    return;

  write_file (fixture, "old.raci", merge_base);
  write_file (fixture, "new.raci", merge_clean);
  RUN (fixture, &result, "--export", "review.pdf", "--mono", "--compare", "new.raci", "old.raci");
  assert_result (&result, "", "", 0);
  path = fixture_path (fixture, "review.pdf");
  text = racimo_test_pdf_get_text (path);
  g_assert_nonnull (strstr (text, "Changes from “new.raci” Release"));
  g_assert_nonnull (strstr (text, "Changed cell"));
  g_assert_nonnull (strstr (text, "Changed activity"));
  g_assert_null (strstr (text, "Removed activity"));

  RUN (fixture, &result, "--export", "same.pdf", "--compare", "old.raci", "old.raci");
  assert_result (&result, "", "", 0);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = fixture_path (fixture, "same.pdf");
  text = racimo_test_pdf_get_text (path);
  g_assert_nonnull (strstr (text, "No changes from “old.raci” Release"));

  /* Only with a PDF of the matrix, and OTHER must be read */
  RUN (fixture, &result, "--compare", "new.raci", "old.raci");
  assert_result (&result, "", "racimo: --compare goes with --export OUT.pdf\n", 2);
  RUN (fixture, &result, "--export", "out.csv", "--compare", "new.raci", "old.raci");
  assert_result (&result, "", "racimo: --compare applies to .pdf files only\n", 2);
  RUN (fixture, &result, "--export", "out.pdf", "--per-person", "--compare", "new.raci",
       "old.raci");
  assert_result (&result, "", "racimo: --compare cannot be used with --per-person\n", 2);
  RUN (fixture, &result, "--export", "out.pdf", "--compare", "missing.raci", "old.raci");
  assert_result (&result, "", "racimo: missing.raci: the file does not exist\n", 2);
  racimo_test_assert_folder (fixture->dir, "new.raci old.raci review.pdf same.pdf");
}

/* Two schemes the file cannot record as a conflict: ours stays, and the
 * exit status and a message say that the merge is not clean. */
static void
test_merge_unrecorded (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *merged = NULL;
  g_autoptr(GString) ours = g_string_new (merge_base);
  g_autoptr(GString) theirs = g_string_new (merge_base);

  if (!have_binary ())
    return;

  g_string_replace (ours, "<scheme>RACI</scheme>", "<scheme>RASCI</scheme>", 1);
  g_string_replace (theirs, "<scheme>RACI</scheme>", "<scheme>DACI</scheme>", 1);
  write_file (fixture, "base.raci", merge_base);
  write_file (fixture, "ours.raci", ours->str);
  write_file (fixture, "theirs.raci", theirs->str);
  RUN (fixture, &result, "--merge", "base.raci", "ours.raci", "theirs.raci",
       "--output", "merged.raci");
  assert_result (&result, "",
                 "racimo: merged.raci: Scheme changed from RACI to RASCI here and to DACI "
                 "there; RASCI is kept (a conflict that the file cannot record)\n", 1);
  merged = read_file (fixture, "merged.raci");
  g_assert_cmpstr (merged, ==, ours->str);
}

/* Runs git in the test's folder, with no configuration but the test's. */
static int
git (Fixture            *fixture,
     const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) "git");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_AUTHOR_NAME", "Sato", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_AUTHOR_EMAIL", "sato@example.com", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_COMMITTER_NAME", "Sato", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_COMMITTER_EMAIL", "sato@example.com", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

#define GIT(fixture, ...) git ((fixture), (const char * const[]) { __VA_ARGS__, NULL })

/* Two branches edit the same matrix and `git merge` runs racimo as the
 * driver that README.md, "Keeping a matrix in git", sets up. */
static void
test_merge_git (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *driver = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *git_path = g_find_program_in_path ("git");

  if (!have_binary ())
    return;
  if (git_path == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }

  driver = g_strdup_printf ("'%s' --merge %%O %%A %%B", g_getenv ("RACIMO_BINARY"));
  g_assert_cmpint (GIT (fixture, "init", "-q", "-b", "main"), ==, 0);
  g_assert_cmpint (GIT (fixture, "config", "merge.raci.driver", driver), ==, 0);
  write_file (fixture, ".gitattributes", "*.raci merge=raci\n");
  write_file (fixture, "plan.raci", merge_base);
  g_assert_cmpint (GIT (fixture, "add", "."), ==, 0);
  g_assert_cmpint (GIT (fixture, "commit", "-q", "-m", "Plan"), ==, 0);

  /* A clean merge. */
  g_assert_cmpint (GIT (fixture, "checkout", "-q", "-b", "theirs"), ==, 0);
  write_file (fixture, "plan.raci", merge_theirs);
  g_assert_cmpint (GIT (fixture, "commit", "-q", "-a", "-m", "UX"), ==, 0);
  g_assert_cmpint (GIT (fixture, "checkout", "-q", "main"), ==, 0);
  write_file (fixture, "plan.raci", merge_ours);
  g_assert_cmpint (GIT (fixture, "commit", "-q", "-a", "-m", "MLE"), ==, 0);
  g_assert_cmpint (GIT (fixture, "merge", "-q", "--no-edit", "theirs"), ==, 0);
  merged = read_file (fixture, "plan.raci");
  g_assert_cmpstr (merged, ==, merge_clean);
  g_clear_pointer (&merged, g_free);

  /* A conflicting one: git stops, and the file holds the conflict. */
  g_assert_cmpint (GIT (fixture, "reset", "-q", "--hard", "HEAD~1"), ==, 0);
  g_assert_cmpint (GIT (fixture, "checkout", "-q", "-B", "theirs", "HEAD~1"), ==, 0);
  write_file (fixture, "plan.raci", merge_theirs_conflicting);
  g_assert_cmpint (GIT (fixture, "commit", "-q", "-a", "-m", "Consulted"), ==, 0);
  g_assert_cmpint (GIT (fixture, "checkout", "-q", "main"), ==, 0);
  g_assert_cmpint (GIT (fixture, "merge", "-q", "--no-edit", "theirs"), ==, 1);
  merged = read_file (fixture, "plan.raci");
  g_assert_cmpstr (merged, ==, merge_conflicting);
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
  ADD ("/cli/check/people", test_check_people);
  ADD ("/cli/export/people", test_export_people);
  ADD ("/cli/check/unreadable", test_check_unreadable);
  ADD ("/cli/check/missing", test_check_missing);
  ADD ("/cli/check/several", test_check_several);
  ADD ("/cli/check/sheets", test_check_sheets);
  ADD ("/cli/export/raci", test_export_raci);
  ADD ("/cli/export/replace", test_export_replace);
  ADD ("/cli/export/csv", test_export_csv);
  ADD ("/cli/export/xlsx", test_export_xlsx);
  ADD ("/cli/export/pdf", test_export_pdf);
  ADD ("/cli/export/per-person", test_export_per_person);
  ADD ("/cli/export/tall-row", test_export_tall_row);
  ADD ("/cli/export/per-role", test_export_per_role);
  ADD ("/cli/export/unknown-extension", test_export_unknown_extension);
  ADD ("/cli/export/unreadable-input", test_export_unreadable_input);
  ADD ("/cli/export/unwritable", test_export_unwritable);
  ADD ("/cli/export/fifo", test_export_fifo);
  ADD ("/cli/export/messages", test_export_messages);
  ADD ("/cli/export/over-limits", test_export_over_limits);
  ADD ("/cli/repair/export", test_repair_export);
  ADD ("/cli/repair/check-points-to-repair", test_repair_check_points_to_repair);
  ADD ("/cli/repair/gates", test_repair_gates);
  ADD ("/cli/repair/needs-export", test_repair_needs_export);
  ADD ("/cli/diff", test_diff);
  ADD ("/cli/diff/unreadable", test_diff_unreadable);
  ADD ("/cli/merge/clean", test_merge_clean);
  ADD ("/cli/merge/conflict", test_merge_conflict);
  ADD ("/cli/merge/unreadable", test_merge_unreadable);
  ADD ("/cli/merge/git", test_merge_git);
  ADD ("/cli/merge/unrecorded", test_merge_unrecorded);
  ADD ("/cli/export/compare", test_export_compare);
  ADD ("/cli/version", test_version);
  ADD ("/cli/no-gtk", test_no_gtk);
  ADD ("/cli/in-process/check", test_in_process_check);
  ADD ("/cli/in-process/export", test_in_process_export);
  ADD ("/cli/in-process/run", test_in_process_run);

#undef ADD

  return g_test_run ();
}
