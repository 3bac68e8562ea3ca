/* test-csv.c: CSV import and export, and the clipboard's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "racimo-checks.h"
#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-test.h"
#include "racimo-xlsx.h"

#define BIT RACIMO_CODE_BIT
/* A string literal and its length, which may hold NUL bytes */
#define TEXT(literal) literal, sizeof (literal) - 1

/* Spreadsheet exports and the matrix each must give, in
 * files/csv/NAME.csv and files/csv/NAME.expected. */
static const char * const corpus[] = {
  "excel-semicolon-bom",
  "excel-sep-line",
  "excel-unicode-text",
  "google-sheets",
  "windows-1252",
  "japanese",
  "japanese-cp932",
  "quoted-line-breaks",
  "messy-cells",
  "mac-cr",
  "rasci-tabs",
  "libreoffice-comma",
  "libreoffice-tab",
  "libreoffice-semicolon-1252",
  "libreoffice-default",
  "gnumeric-ssconvert",
  "gnumeric-semicolon-crlf",
  "people-by-hand",
  "people-japanese",
};

/* Spreadsheets trim the spaces around a cell's text, and so does the
 * import: the lossless test compares texts without them. */
static gboolean trim_texts;

static void
append_quoted (GString    *out,
               const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_string_append_c (out, '"');
  for (const char *p = trim_texts ? trimmed : text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* The matrix as a user sees it, one line a role, phase and activity.  The
 * full form adds what an import makes up: the title, ids, abbreviations
 * and problems; the short form is what a round trip must keep. */
static char *
dump_project (RacimoProject *project,
              GPtrArray     *problems,
              gboolean       full)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (project);
  GString *out = g_string_new (NULL);
  guint n_roles = racimo_project_get_n_roles (project);

  if (full)
    {
      g_string_append (out, "title ");
      append_quoted (out, racimo_project_get_title (project));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "scheme %s\n", racimo_project_get_scheme_id (project));

  for (guint r = 0; r < n_roles; r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);

      g_string_append (out, "role ");
      if (full)
        g_string_append_printf (out, "%s %s ", racimo_item_get_id (RACIMO_ITEM (role)),
                                racimo_role_get_abbrev (role) != NULL
                                ? racimo_role_get_abbrev (role) : "-");
      append_quoted (out, racimo_item_get_name (RACIMO_ITEM (role)));
      g_string_append_c (out, '\n');
    }

  /* People, when there are: name, e-mail address, the roles they hold */
  for (guint i = 0; i < racimo_project_get_n_people (project); i++)
    {
      RacimoPerson *person = racimo_project_get_person (project, i);
      g_autoptr(GPtrArray) roles = racimo_project_dup_roles_of (project, person);

      g_string_append (out, "person ");
      append_quoted (out, racimo_item_get_name (RACIMO_ITEM (person)));
      if (racimo_person_get_email (person) != NULL)
        g_string_append_printf (out, " <%s>", racimo_person_get_email (person));
      for (guint r = 0; r < roles->len; r++)
        g_string_append_printf (out, " %d", racimo_project_index_of_role (project,
                                                                          g_ptr_array_index (roles, r)) + 1);
      g_string_append_c (out, '\n');
    }

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      g_string_append (out, "phase ");
      if (full)
        g_string_append_printf (out, "%s ", racimo_item_get_id (RACIMO_ITEM (phase)));
      append_quoted (out, racimo_item_get_name (RACIMO_ITEM (phase)));
      g_string_append_c (out, '\n');

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          g_string_append (out, "  activity ");
          if (full)
            g_string_append_printf (out, "%s ", racimo_item_get_id (RACIMO_ITEM (activity)));
          append_quoted (out, racimo_item_get_name (RACIMO_ITEM (activity)));

          for (guint r = 0; r < n_roles; r++)
            {
              RacimoRole *role = racimo_project_get_role (project, r);
              RacimoCodes codes = racimo_activity_get_codes (activity, role);
              g_autofree char *letters = NULL;

              if (codes == 0)
                continue;

              letters = racimo_scheme_format_codes (scheme, codes, "/");
              if (full && racimo_role_get_abbrev (role) != NULL)
                g_string_append_printf (out, " %s=%s", racimo_role_get_abbrev (role), letters);
              else
                g_string_append_printf (out, " %u=%s", r + 1, letters);
            }
          for (guint r = 0; r < n_roles; r++)
            {
              const char *note = racimo_activity_get_note (activity,
                                                           racimo_project_get_role (project, r));

              if (note == NULL)
                continue;
              g_string_append_printf (out, " note %u ", r + 1);
              append_quoted (out, note);
            }
          g_string_append_c (out, '\n');
        }
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const RacimoCsvProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (out, "problem row %u column %u line %u ", problem->row,
                              problem->column, problem->line);
      append_quoted (out, problem->text);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static RacimoProject *
import_text (const char  *text,
             gssize       length,
             const char  *display_name,
             GPtrArray  **problems,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return racimo_csv_import_bytes (bytes, display_name, problems, error);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_csv_corpus (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *csv_name = g_strconcat (corpus[i], ".csv", NULL);
      g_autofree char *expected_name = g_strconcat (corpus[i], ".expected", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "files",
                                                                        "csv", csv_name, NULL));
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(RacimoProject) project = NULL;
      g_autofree char *dump = NULL;
      RacimoHistory *history;

      g_test_message ("%s", csv_name);

      g_file_get_contents (g_test_get_filename (G_TEST_DIST, "files", "csv", expected_name,
                                                NULL),
                           &expected, NULL, &error);
      g_assert_no_error (error);

      project = racimo_csv_import_file (file, &problems, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (project);
      g_assert_nonnull (problems);

      dump = dump_project (project, problems, TRUE);
      g_assert_cmpstr (dump, ==, expected);

      /* An import is one new, unsaved project with nothing to undo. */
      history = racimo_project_get_history (project);
      g_assert_false (racimo_history_get_can_undo (history));
      g_assert_false (racimo_history_get_can_redo (history));
      g_assert_true (racimo_history_get_modified (history));

      g_assert_finalize_object (g_steal_pointer (&project));
    }
}

static const RacimoCsvOptions all_options[] = {
  { RACIMO_CSV_COMMA, FALSE },
  { RACIMO_CSV_COMMA, TRUE },
  { RACIMO_CSV_SEMICOLON, FALSE },
  { RACIMO_CSV_SEMICOLON, TRUE },
  { RACIMO_CSV_TAB, FALSE },
  { RACIMO_CSV_TAB, TRUE },
};

/* Export then import gives back the same matrix: names, phases, codes. */
static void
assert_round_trip (RacimoProject *project)
{
  g_autofree char *before = dump_project (project, NULL, FALSE);

  for (guint o = 0; o < G_N_ELEMENTS (all_options); o++)
    {
      g_autoptr(GBytes) bytes = racimo_csv_export (project, &all_options[o]);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RacimoProject) again = NULL;
      g_autofree char *after = NULL;

      again = racimo_csv_import_bytes (bytes, "again.csv", &problems, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);

      after = dump_project (again, NULL, FALSE);
      g_assert_cmpstr (after, ==, before);
    }
}


/* Everything of a project that a CSV keeps: the model, not the ids nor
 * the content of newer versions. */
static void
dump_item_extras (GString    *out,
                  RacimoItem *item)
{
  if (racimo_item_get_description (item) != NULL)
    {
      g_string_append (out, " description ");
      append_quoted (out, racimo_item_get_description (item));
    }
  for (guint i = 0; i < racimo_item_get_n_waivers (item); i++)
    {
      const RacimoWaiver *waiver = racimo_item_get_waiver (item, i);

      g_string_append_printf (out, " waiver %s ", waiver->check);
      append_quoted (out, waiver->reason);
    }
  g_string_append_c (out, '\n');
}

static char *
dump_everything (RacimoProject *project)
{
  g_autoptr(RacimoChecks) checks = racimo_checks_new (project);
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);
  g_autofree char *matrix = dump_project (project, NULL, FALSE);
  GString *out = g_string_new (matrix);

  g_string_append (out, "title ");
  append_quoted (out, racimo_project_get_title (project));
  g_string_append (out, "\ndescription ");
  append_quoted (out, racimo_project_get_description (project) != NULL
                      ? racimo_project_get_description (project) : "(none)");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < racimo_project_get_n_people (project); i++)
    {
      RacimoPerson *person = racimo_project_get_person (project, i);

      g_string_append_printf (out, "person %u ", i + 1);
      append_quoted (out, racimo_item_get_name (RACIMO_ITEM (person)));
      g_string_append (out, " email ");
      append_quoted (out, racimo_person_get_email (person) != NULL
                          ? racimo_person_get_email (person) : "(none)");
      dump_item_extras (out, RACIMO_ITEM (person));
    }

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    {
      RacimoRole *role = racimo_project_get_role (project, r);

      /* The role's person text is its members' names */
      g_string_append_printf (out, "role %u abbrev %s members", r + 1,
                              racimo_role_get_abbrev (role) != NULL
                              ? racimo_role_get_abbrev (role) : "(none)");
      for (guint m = 0; m < racimo_role_get_n_members (role); m++)
        g_string_append_printf (out, " %d", racimo_project_index_of_person (project,
                                                                            racimo_role_get_member (role, m)) + 1);
      dump_item_extras (out, RACIMO_ITEM (role));
    }

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      g_string_append_printf (out, "phase %u", p + 1);
      dump_item_extras (out, RACIMO_ITEM (phase));
      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          g_string_append_printf (out, "  activity %u%s", a + 1,
                                  racimo_activity_get_applicable (activity) ? "" : " not-applicable");
          dump_item_extras (out, RACIMO_ITEM (activity));
        }
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const RacimoFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "finding %s %s%s\n", racimo_check_get_id (finding->check),
                              finding->message, finding->waiver_reason != NULL ? " (waived)" : "");
    }

  return g_string_free (out, FALSE);
}

static RacimoProject *make_tricky_project (void);
static void add_people_and_notes (RacimoProject *project);
static char *import_and_dump (const char *text);

static void
resolve_conflicts_of (RacimoProject *project,
                      RacimoItem    *item)
{
  while (racimo_item_get_n_conflicts (item) > 0)
    racimo_project_resolve_conflict (project, item, 0);
}

/* Merge conflicts are not exported (docs/file-format.md, "Spreadsheets"):
 * a sheet holds the values of the file, "ours", as when each conflict is
 * resolved. */
static void
resolve_conflicts (RacimoProject *project)
{
  while (racimo_project_get_n_conflicts (project) > 0)
    racimo_project_resolve_conflict (project, NULL, 0);

  for (guint i = 0; i < racimo_project_get_n_people (project); i++)
    resolve_conflicts_of (project, RACIMO_ITEM (racimo_project_get_person (project, i)));
  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    resolve_conflicts_of (project, RACIMO_ITEM (racimo_project_get_role (project, r)));
  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      resolve_conflicts_of (project, RACIMO_ITEM (phase));
      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        resolve_conflicts_of (project, RACIMO_ITEM (racimo_phase_get_activity (phase, a)));
    }
}

/* The CSV files of a project, one for each delimiter and mark */
static GPtrArray *
export_csv_files (RacimoProject *project)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint o = 0; o < G_N_ELEMENTS (all_options); o++)
    g_ptr_array_add (files, racimo_csv_export (project, &all_options[o]));

  return files;
}

static GPtrArray *
export_xlsx_file (RacimoProject *project)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_ptr_array_add (files, racimo_test_export_xlsx (project));

  return files;
}

/* Every project of the file corpus goes out and back as the same
 * project, with the same check results: "does not apply", waivers,
 * descriptions, abbreviations, people, the title and the scheme. */
static void
assert_lossless (GPtrArray *(*export_files) (RacimoProject *project))
{
  const char *folder = g_test_get_filename (G_TEST_DIST, "files", "good", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  trim_texts = TRUE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(RacimoProject) project = NULL;
      g_autoptr(GPtrArray) files = NULL;
      g_autofree char *before = NULL;

      if (!g_str_has_suffix (name, ".raci"))
        continue;

      g_test_message ("%s", name);
      project = racimo_file_load (file, NULL, NULL, &error);
      g_assert_no_error (error);

      resolve_conflicts (project);

      /* A sheet has no way to write a phase without a name after the
       * first phase: an empty phase cell continues the phase above
       * (docs/file-format.md, "Spreadsheets").  canonical.raci ends
       * with one. */
      if (g_str_equal (name, "canonical.raci"))
        racimo_project_remove_phase (project, racimo_project_get_phase (project, 2));
      /* And an import always has a phase. */
      if (racimo_project_get_n_phases (project) == 0)
        racimo_project_add_phase (project, -1, "");
      before = dump_everything (project);

      files = export_files (project);
      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(GPtrArray) problems = NULL;
          g_autoptr(RacimoProject) again = NULL;
          g_autofree char *after = NULL;

          g_autofree char *summary = NULL;

          again = racimo_csv_import_bytes (g_ptr_array_index (files, i), "again", &problems,
                                           &error);
          g_assert_no_error (error);
          summary = racimo_csv_summarize_problems (problems, 5);
          g_assert_cmpstr (summary, ==, NULL);
          after = dump_everything (again);
          g_assert_cmpstr (after, ==, before);
        }
      n++;
    }

  g_assert_cmpuint (n, >, 15);
  trim_texts = FALSE;
}

static void
test_csv_lossless (void)
{
  assert_lossless (export_csv_files);
}

static void
test_xlsx_lossless (void)
{
  assert_lossless (export_xlsx_file);
}

/* The workbook opens in a spreadsheet program: Gnumeric's ssconvert, or
 * LibreOffice, reads its first sheet back as the same matrix. */
static void
test_xlsx_opens (void)
{
  g_autoptr(RacimoProject) project = make_tricky_project ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GFile) file = NULL;
  g_autoptr(RacimoProject) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status = -1;

  if (ssconvert == NULL && soffice == NULL)
    {
      g_test_skip ("neither ssconvert (Gnumeric) nor soffice (LibreOffice) is installed");
      return;
    }

  /* Their rows survive the spreadsheet program, whatever it makes of
   * the notes' comments */
  add_people_and_notes (project);
  before = dump_project (project, NULL, FALSE);
  dir = racimo_test_make_folder ("xlsx");
  xlsx = g_build_filename (dir, "matrix.xlsx", NULL);
  bytes = racimo_test_export_xlsx (project);
  g_assert_true (g_file_set_contents (xlsx, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));

  if (ssconvert != NULL)
    {
      const char *argv[] = { ssconvert, "--export-type=Gnumeric_stf:stf_csv", xlsx, "matrix.csv",
                             NULL };

      csv = g_build_filename (dir, "matrix.csv", NULL);
      g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL
                    | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    }
  else
    {
      const char *argv[] = { soffice, "--headless", "--convert-to", "csv", "--outdir", dir, xlsx,
                             NULL };

      csv = g_build_filename (dir, "matrix.csv", NULL);
      g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL
                    | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  file = g_file_new_for_path (csv);
  again = racimo_csv_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  after = dump_project (again, NULL, FALSE);
  g_assert_cmpstr (after, ==, before);

  racimo_test_remove_tree (dir);
}

static void
test_csv_corpus_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *csv_name = g_strconcat (corpus[i], ".csv", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "files",
                                                                        "csv", csv_name, NULL));
      g_autoptr(GError) error = NULL;
      g_autoptr(RacimoProject) project = NULL;

      g_test_message ("%s", csv_name);

      project = racimo_csv_import_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      assert_round_trip (project);
    }
}

static RacimoProject *
make_tricky_project (void)
{
  RacimoProject *project = racimo_project_new ();
  RacimoRole *lead, *quote, *ja, *semi;
  RacimoPhase *plan, *empty, *build;
  RacimoActivity *a;

  racimo_project_set_scheme (project, "RASCI");
  lead = racimo_project_add_role (project, -1, "Lead, data", "LD");
  quote = racimo_project_add_role (project, -1, "The \"QA\" team", NULL);
  ja = racimo_project_add_role (project, -1, "データサイエンティスト", "DS");
  semi = racimo_project_add_role (project, -1, "Ops; infra\tteam", NULL);

  plan = racimo_project_add_phase (project, -1, "Plan; scope");
  a = racimo_project_add_activity (project, plan, -1, "Write the plan,\nthen sign it");
  racimo_project_set_codes (project, a, lead, BIT ('A') | BIT ('R'));
  racimo_project_set_codes (project, a, quote, BIT ('S'));
  racimo_project_set_codes (project, a, ja, BIT ('C') | BIT ('I'));
  a = racimo_project_add_activity (project, plan, -1, "");
  racimo_project_set_codes (project, a, semi, BIT ('X'));

  empty = racimo_project_add_phase (project, -1, "Nothing yet");
  g_assert_nonnull (empty);

  build = racimo_project_add_phase (project, -1, "\"Build\"");
  a = racimo_project_add_activity (project, build, -1, "モデルの学習");
  racimo_project_set_codes (project, a, ja, BIT ('A') | BIT ('R') | BIT ('S') | BIT ('C')
                                            | BIT ('I'));
  racimo_project_add_activity (project, build, -1, "No codes at all");

  return project;
}

static void
test_csv_round_trip (void)
{
  g_autoptr(RacimoProject) project = make_tricky_project ();
  g_autoptr(RacimoProject) daci = racimo_project_new ();
  g_autoptr(RacimoProject) unnamed = racimo_project_new ();
  g_autoptr(RacimoProject) header_only = racimo_project_new ();
  RacimoRole *role;
  RacimoPhase *phase;
  RacimoActivity *activity;

  assert_round_trip (project);

  /* The scheme comes back from the codes used. */
  racimo_project_set_scheme (daci, "DACI");
  role = racimo_project_add_role (daci, -1, "Driver", NULL);
  phase = racimo_project_add_phase (daci, -1, "Decide");
  activity = racimo_project_add_activity (daci, phase, -1, "Pick a vendor");
  racimo_project_set_codes (daci, activity, role, BIT ('D') | BIT ('A'));
  assert_round_trip (daci);

  /* A header alone splits as well on commas as on the semicolons of a
   * name; Racimo's "Phase" in the first field tells. */
  racimo_project_add_role (header_only, -1, "Lead; data; and; more", NULL);
  racimo_project_add_phase (header_only, -1, "");
  assert_round_trip (header_only);

  /* One unnamed phase, as a blank RACI has. */
  role = racimo_project_add_role (unnamed, -1, "Owner", NULL);
  phase = racimo_project_add_phase (unnamed, -1, "");
  activity = racimo_project_add_activity (unnamed, phase, -1, "Do it");
  racimo_project_set_codes (unnamed, activity, role, BIT ('A'));
  assert_round_trip (unnamed);
}

/* The tricky project with the people and notes of version 1.1: people
 * in several roles, a role with two, an e-mail address, a person with a
 * waiver and one with no role, notes with a delimiter, a line break,
 * Japanese and a formula in them. */
static void
add_people_and_notes (RacimoProject *project)
{
  RacimoRole *lead = racimo_project_get_role (project, 0);
  RacimoRole *ja = racimo_project_get_role (project, 2);
  RacimoPhase *plan = racimo_project_get_phase (project, 0);
  RacimoPhase *build = racimo_project_get_phase (project, 2);
  RacimoPerson *kimura = racimo_project_add_person (project, -1, "Kimura Aoi",
                                                    "aoi.kimura@example.com");
  RacimoPerson *marta = racimo_project_add_person (project, -1, "Marta Ruiz", NULL);

  racimo_project_add_person (project, -1, "Sato; on leave", NULL);
  racimo_project_add_member (project, lead, kimura);
  racimo_project_add_member (project, ja, marta);
  racimo_project_add_member (project, ja, kimura);
  racimo_project_set_waiver (project, RACIMO_ITEM (kimura), "overloaded-person", "For now.");
  racimo_project_set_note (project, racimo_phase_get_activity (plan, 0), lead,
                           "Sign-off in the steering meeting;\nnot by mail");
  racimo_project_set_note (project, racimo_phase_get_activity (plan, 0), ja, "=SUM(A1:A3)");
  racimo_project_set_note (project, racimo_phase_get_activity (build, 0), ja,
                           "精度が基準を下回ったら差し戻す。");
}

/* People and notes have their rows (docs/file-format.md, "Spreadsheets"):
 * a row a person, one of members, the notes below their activity. */
static void
test_csv_people (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoProject) tricky = make_tricky_project ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  RacimoRole *lead = racimo_project_add_role (project, -1, "Lead", "LD");
  RacimoRole *qa = racimo_project_add_role (project, -1, "QA", NULL);
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Plan");
  RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, "Write");
  RacimoPerson *ana = racimo_project_add_person (project, -1, "Ana", "ana@example.com");
  RacimoPerson *bo = racimo_project_add_person (project, -1, "Bo", NULL);

  racimo_project_add_member (project, lead, ana);
  racimo_project_add_member (project, lead, bo);
  racimo_project_add_member (project, qa, bo);
  racimo_project_set_codes (project, activity, lead, BIT ('R') | BIT ('A'));
  racimo_project_set_note (project, activity, qa, "Ask, then\nwait");
  racimo_project_add_activity (project, phase, -1, "Review");

  bytes = racimo_csv_export (project, NULL);
  text = bytes_to_string (bytes);
  g_assert_cmpstr (text, ==,
                   "Phase,Activity,Lead,QA\r\n"
                   ",Abbreviation,LD,\r\n"
                   ",People,Ana,ana@example.com,\r\n"
                   ",People,Bo,,\r\n"
                   ",Members,\"Ana\nBo\",Bo\r\n"
                   "Plan,Write,R/A,\r\n"
                   ",Cell notes,,\"Ask, then\nwait\"\r\n"
                   "Plan,Review,,\r\n");
  assert_round_trip (project);

  /* One member a role, no e-mail: the "Person" row as for version 1.0 */
  racimo_project_remove_member (project, lead, bo);
  racimo_project_set_person_email (project, ana, NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  bytes = racimo_csv_export (project, NULL);
  text = bytes_to_string (bytes);
  g_assert_nonnull (strstr (text, ",Person,Ana,Bo\r\n"));
  g_assert_null (strstr (text, "People"));
  assert_round_trip (project);

  /* Every delimiter, and a note that a spreadsheet would compute */
  add_people_and_notes (tricky);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  bytes = racimo_csv_export (tricky, NULL);
  text = bytes_to_string (bytes);
  g_assert_nonnull (strstr (text, ",'=SUM(A1:A3),"));
  assert_round_trip (tricky);
}

/* Merge conflicts are not exported: the sheet holds "ours", and the
 * import has no conflict, so no merge-conflict finding. */
static void
test_csv_conflicts (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "files", "good",
                                                                    "people-foreign.raci", NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = racimo_file_load (file, NULL, NULL, &error);
  g_autoptr(RacimoChecks) checks = NULL;
  g_autoptr(RacimoChecks) checks_again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RacimoProject) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RacimoPhase *phase;

  g_assert_no_error (error);
  checks = racimo_checks_new (project);
  g_assert_cmpuint (racimo_project_get_n_conflicts (project), >, 0);
  g_assert_true (racimo_checks_item_has (checks, RACIMO_ITEM (racimo_project_get_role (project, 0)),
                                         RACIMO_CHECK_MERGE_CONFLICT));

  bytes = racimo_csv_export (project, NULL);
  again = racimo_csv_import_bytes (bytes, "again.csv", &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpuint (racimo_project_get_n_conflicts (again), ==, 0);
  g_assert_cmpuint (racimo_item_get_n_conflicts (RACIMO_ITEM (racimo_project_get_role (again, 0))),
                    ==, 0);
  phase = racimo_project_get_phase (again, 0);
  g_assert_cmpuint (racimo_item_get_n_conflicts (RACIMO_ITEM (racimo_phase_get_activity (phase, 0))),
                    ==, 0);
  checks_again = racimo_checks_new (again);
  g_assert_false (racimo_checks_item_has (checks_again,
                                          RACIMO_ITEM (racimo_project_get_role (again, 0)),
                                          RACIMO_CHECK_MERGE_CONFLICT));

  /* The rest is the values of the file */
  trim_texts = TRUE;
  resolve_conflicts (project);
  before = dump_everything (project);
  after = dump_everything (again);
  trim_texts = FALSE;
  g_assert_cmpstr (after, ==, before);
}

/* The findings sheet lists the findings the caller gives, in their
 * order: the writer runs no checks of its own. */
static void
test_xlsx_findings (void)
{
  g_autoptr(RacimoProject) project = make_tricky_project ();
  g_autoptr(RacimoChecks) checks = racimo_checks_new (project);
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  RacimoCsvColumnKind kinds[] = {
    RACIMO_CSV_COLUMN_IGNORED, RACIMO_CSV_COLUMN_IGNORED, RACIMO_CSV_COLUMN_ACTIVITY,
    RACIMO_CSV_COLUMN_IGNORED,
  };
  RacimoCsvImportOptions options = { FALSE, G_N_ELEMENTS (kinds), kinds, "Findings" };
  g_autofree char *message = g_strdup ("Nobody does the made-up thing.");
  RacimoFinding made_up = { RACIMO_CHECK_NO_DOER, NULL, message, NULL };
  GPtrArray *lists[] = { findings, own };

  g_assert_cmpuint (findings->len, >, 1);
  g_ptr_array_add (own, &made_up);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = racimo_xlsx_export (project, lists[l], &error);
      g_autoptr(RacimoProject) sheet = NULL;
      RacimoPhase *phase;

      g_assert_no_error (error);
      sheet = racimo_csv_import_bytes_full (bytes, "findings.xlsx", &options, NULL, NULL, &error);
      g_assert_no_error (error);
      phase = racimo_project_get_phase (sheet, 0);
      g_assert_cmpuint (racimo_phase_get_n_activities (phase), ==, lists[l]->len);
      for (guint i = 0; i < lists[l]->len; i++)
        {
          const RacimoFinding *finding = g_ptr_array_index (lists[l], i);
          RacimoActivity *activity = racimo_phase_get_activity (phase, i);

          g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (activity)), ==, finding->message);
        }
    }
}

static void
test_csv_export (void)
{
  g_autoptr(RacimoProject) project = make_tricky_project ();
  g_autoptr(GBytes) comma = racimo_csv_export (project, NULL);
  g_autoptr(GBytes) semicolon = NULL;
  g_autoptr(GBytes) tab = NULL;
  g_autofree char *comma_text = bytes_to_string (comma);
  g_autofree char *semicolon_text = NULL;
  g_autofree char *tab_text = NULL;
  RacimoCsvOptions options = { RACIMO_CSV_SEMICOLON, TRUE };

  g_assert_cmpstr (comma_text, ==,
                   "Phase,Activity,\"Lead, data\",\"The \"\"QA\"\" team\","
                   "データサイエンティスト,Ops; infra\tteam\r\n"
                   ",Abbreviation,LD,,DS,\r\n"
                   "Plan; scope,\"Write the plan,\nthen sign it\",R/A,S,C/I,\r\n"
                   "Plan; scope,,,,,X\r\n"
                   "Nothing yet,,,,,\r\n"
                   "\"\"\"Build\"\"\",モデルの学習,,,R/A/S/C/I,\r\n"
                   "\"\"\"Build\"\"\",No codes at all,,,,\r\n");

  semicolon = racimo_csv_export (project, &options);
  semicolon_text = bytes_to_string (semicolon);
  g_assert_cmpstr (semicolon_text, ==,
                   "\xef\xbb\xbf"
                   "Phase;Activity;Lead, data;\"The \"\"QA\"\" team\";"
                   "データサイエンティスト;\"Ops; infra\tteam\"\r\n"
                   ";Abbreviation;LD;;DS;\r\n"
                   "\"Plan; scope\";\"Write the plan,\nthen sign it\";R/A;S;C/I;\r\n"
                   "\"Plan; scope\";;;;;X\r\n"
                   "Nothing yet;;;;;\r\n"
                   "\"\"\"Build\"\"\";モデルの学習;;;R/A/S/C/I;\r\n"
                   "\"\"\"Build\"\"\";No codes at all;;;;\r\n");

  options = (RacimoCsvOptions) { RACIMO_CSV_TAB, FALSE };
  tab = racimo_csv_export (project, &options);
  tab_text = bytes_to_string (tab);
  g_assert_cmpstr (tab_text, ==,
                   "Phase\tActivity\tLead, data\t\"The \"\"QA\"\" team\"\t"
                   "データサイエンティスト\t\"Ops; infra\tteam\"\r\n"
                   "\tAbbreviation\tLD\t\tDS\t\r\n"
                   "Plan; scope\t\"Write the plan,\nthen sign it\"\tR/A\tS\tC/I\t\r\n"
                   "Plan; scope\t\t\t\t\tX\r\n"
                   "Nothing yet\t\t\t\t\t\r\n"
                   "\"\"\"Build\"\"\"\tモデルの学習\t\t\tR/A/S/C/I\t\r\n"
                   "\"\"\"Build\"\"\"\tNo codes at all\t\t\t\t\r\n");

  {
    g_autofree char *plain = racimo_csv_quote_field ("A/R", ',');
    g_autofree char *quoted = racimo_csv_quote_field ("say \"hi\"", ';');

    g_assert_cmpstr (plain, ==, "A/R");
    g_assert_cmpstr (quoted, ==, "\"say \"\"hi\"\"\"");
  }
}

static void
test_csv_cells (void)
{
  static const struct { const char *text; const char *codes; } cells[] = {
    { "", "" },
    { "   ", "" },
    { "-", "" },
    { "n/a", "" },
    { "N/A", "" },
    { "A/R", "RA" },
    { "a, r", "RA" },
    { "AR", "RA" },
    { "R+A", "RA" },
    { "r & a", "RA" },
    { "A R", "RA" },
    { "A;R", "RA" },
    { " ( A ) ", "A" },
    { "[r]", "R" },
    { "{C}", "C" },
    { "<I>", "I" },
    { "Responsible", "R" },
    { "accountable / RESPONSIBLE", "RA" },
    { "Consulted, Informed", "CI" },
    { "Out of the loop", "O" },
    { "out of the loop/R", "RO" },
    { "Supportive", "S" },
    { "Verifier & Signatory", "VS" },
    { "Driver", "D" },
    { "Approver", "A" },
    { "Contributor", "C" },
    { "Ａ／Ｒ", "RA" },
    { "Ａ、Ｒ", "RA" },
    { "ＲＡ", "RA" },
    { "\xc2\xa0" "A\xc2\xa0", "A" },
    { "A/R\n", "RA" },
    /* One letter is a code, kept even when no scheme defines it. */
    { "x", "X" },
    { "A/S", "AS" },
    { "A/Q", "AQ" },
    /* Letters written together are codes only when they are all codes. */
    { "DAS", "ADS" },
    { "yes", NULL },
    { "OK", NULL },
    { "AXE", NULL },
    { "maybe later", NULL },
    { "✓", NULL },
    { "?", NULL },
    { "R.", NULL },
    { "1", NULL },
    { "Responsibles", NULL },
    { "\xff\xfe", NULL },
    /* Letters written together are codes only in upper case: words made
     * of code letters are not (issue 17). */
    { "ra", NULL },
    { "ｒａ", NULL },
    { "Docs", NULL },
    { "docs", NULL },
    { "radio", NULL },
    { "Radio", NULL },
    { "R/radio", NULL },
    { "Responsible radio", NULL },
    { "RA/c", "RAC" },
    { "Out of the loop RA", "RAO" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      RacimoCodes codes = 0xdead;
      gboolean understood = racimo_csv_parse_cell (NULL, cells[i].text, &codes);

      g_autofree char *escaped = g_strescape (cells[i].text, NULL);

      g_test_message ("cell “%s”", escaped);
      if (cells[i].codes == NULL)
        {
          g_assert_false (understood);
          g_assert_cmpuint (codes, ==, 0);
        }
      else
        {
          RacimoCodes expected = 0;

          for (const char *c = cells[i].codes; *c != '\0'; c++)
            expected |= BIT (*c);
          g_assert_true (understood);
          g_assert_cmphex (codes, ==, expected);
        }
    }
}

/* Words in role columns are reported, not read as codes; bytes that are
 * not UTF-8 after a UTF-8 mark are reported with their line. */
static void
test_csv_words_and_bad_bytes (void)
{
  static const char words[] = "Activity,Writer,Tester\r\nWrite the guide,Docs,R\r\n"
                              "Test,RA,radio\r\n";
  static const char bad_bytes[] = "\xef\xbb\xbf" "Activity,Dev\r\nBuild,R\r\n"
                                  "Caf\xe9 break,A\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (words, sizeof words - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  const RacimoCsvProblem *problem;
  RacimoPhase *phase;

  project = racimo_csv_import_bytes (bytes, "words.csv", &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->message, ==,
                   "Row 2, column B (Writer): “Docs” is not a code; the cell was left empty");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->message, ==,
                   "Row 3, column C (Tester): “radio” is not a code; the cell was left empty");
  phase = racimo_project_get_phase (project, 0);
  g_assert_cmpuint (racimo_activity_get_codes (racimo_phase_get_activity (phase, 0),
                                               racimo_project_get_role (project, 0)), ==, 0);
  g_assert_cmphex (racimo_activity_get_codes (racimo_phase_get_activity (phase, 1),
                                              racimo_project_get_role (project, 0)), ==,
                   BIT ('R') | BIT ('A'));

  g_clear_object (&project);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_bytes_unref (bytes);
  bytes = g_bytes_new_static (bad_bytes, sizeof bad_bytes - 1);
  project = racimo_csv_import_bytes (bytes, "bad-bytes.csv", &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->message, ==,
                   "Line 3: the file starts with the byte order mark of UTF-8 but holds bytes "
                   "that are not UTF-8; they were replaced with “\xef\xbf\xbd”");
  phase = racimo_project_get_phase (project, 0);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_phase_get_activity (phase, 1))), ==,
                   "Caf\xef\xbf\xbd break");
}

static void
test_csv_cells_scheme (void)
{
  const RacimoScheme *raci = racimo_scheme_lookup ("RACI");
  const RacimoScheme *rasci = racimo_scheme_lookup ("RASCI");
  const RacimoScheme *daci = racimo_scheme_lookup ("DACI");
  RacimoCodes codes;

  /* With a scheme, letters together must be that scheme's... */
  g_assert_false (racimo_csv_parse_cell (raci, "AS", &codes));
  g_assert_true (racimo_csv_parse_cell (rasci, "AS", &codes));
  g_assert_cmphex (codes, ==, BIT ('A') | BIT ('S'));
  g_assert_false (racimo_csv_parse_cell (raci, "DA", &codes));
  g_assert_true (racimo_csv_parse_cell (daci, "DA", &codes));
  g_assert_cmphex (codes, ==, BIT ('A') | BIT ('D'));

  /* ...while a lone letter and the long forms of any scheme are kept. */
  g_assert_true (racimo_csv_parse_cell (raci, "A/S", &codes));
  g_assert_cmphex (codes, ==, BIT ('A') | BIT ('S'));
  g_assert_true (racimo_csv_parse_cell (raci, "Driver", &codes));
  g_assert_cmphex (codes, ==, BIT ('D'));
}

static void
test_csv_errors (void)
{
  static const struct
  {
    const char *text;
    gsize       length;
    int         code;
    const char *message;
  } cases[] = {
    { TEXT (""), RACIMO_CSV_ERROR_EMPTY,
      "team.csv: the file is empty: there is no header row" },
    { TEXT ("\xef\xbb\xbf"), RACIMO_CSV_ERROR_EMPTY,
      "team.csv: the file is empty: there is no header row" },
    { TEXT ("\r\n;;;\r\n \t\r\n"), RACIMO_CSV_ERROR_EMPTY,
      "team.csv: the file is empty: there is no header row" },
    { TEXT ("PK\x03\x04\x14\x00\x06\x00"), RACIMO_CSV_ERROR_WORKBOOK,
      "team.csv: the workbook is not a zip file that can be read" },
    { TEXT ("\xef\xbb\xbfPhase\0"), RACIMO_CSV_ERROR_BINARY,
      "team.csv: this is not a text file; save it from the spreadsheet as CSV" },
    { TEXT ("\xff\xfeP\0\0\0"), RACIMO_CSV_ERROR_BINARY,
      "team.csv: this is not a text file; save it from the spreadsheet as CSV" },
    { TEXT ("\n\nPhase\nPlan\nBuild\n"), RACIMO_CSV_ERROR_NO_ACTIVITY_COLUMN,
      "team.csv:3: there is no activity column after the phase column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(RacimoProject) project = NULL;

      g_test_message ("case %u", i);
      project = import_text (cases[i].text, (gssize) cases[i].length, "team.csv", &problems,
                             &error);
      g_assert_null (project);
      g_assert_null (problems);
      g_assert_error (error, RACIMO_CSV_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_csv_too_large (void)
{
  gsize size = RACIMO_FILE_MAX_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  memset (data, 'A', size);
  bytes = g_bytes_new_take (data, size);
  project = racimo_csv_import_bytes (bytes, "huge.csv", NULL, &error);
  g_assert_null (project);
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "huge.csv: the file is larger than 64 MiB");
  g_clear_error (&error);

  /* The same from a file, which is not read past the limit. */
  dir = g_dir_make_tmp ("racimo-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.csv", NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) size, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *message = g_strdup_printf ("%s: the file is larger than 64 MiB", path);

    project = racimo_csv_import_file (file, NULL, NULL, &error);
    g_assert_null (project);
    g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, message);
    g_clear_error (&error);
  }
  g_assert_cmpint (g_remove (path), ==, 0);

  missing = g_file_new_for_path (path);
  project = racimo_csv_import_file (missing, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  {
    g_autofree char *message = g_strdup_printf ("%s: the file does not exist", path);

    g_assert_cmpstr (error->message, ==, message);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static char *
import_and_dump (const char *text)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;

  project = import_text (text, -1, "inline.csv", &problems, &error);
  g_assert_no_error (error);

  return dump_project (project, problems, TRUE);
}

static void
test_csv_shapes (void)
{
  g_autofree char *delimiters = NULL;
  g_autofree char *only_header = NULL;
  g_autofree char *phases = NULL;
  g_autofree char *unclosed = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *title = NULL;

  /* Commas inside the cells of a semicolon file do not fool the detection. */
  delimiters = import_and_dump ("Activity;Lead, data;QA\nPlan;A,R;C\nBuild;R;A,C\n");
  g_assert_cmpstr (delimiters, ==,
                   "title \"inline\"\n"
                   "scheme RACI\n"
                   "role lead-data LD \"Lead, data\"\n"
                   "role qa QA \"QA\"\n"
                   "phase phase \"\"\n"
                   "  activity plan \"Plan\" LD=R/A QA=C\n"
                   "  activity build \"Build\" LD=R QA=A/C\n");

  /* A header alone is a project with roles and nothing else. */
  only_header = import_and_dump ("Phase,Activity,Data scientist,Data Scientist,DS,"
                                 "Infrastructure,UX designer,ML engineer,"
                                 "A very long role name for nine initials here\r\n");
  g_assert_cmpstr (only_header, ==,
                   "title \"inline\"\n"
                   "scheme RACI\n"
                   "role data-scientist DS \"Data scientist\"\n"
                   "role data-scientist-2 DS2 \"Data Scientist\"\n"
                   "role ds DS3 \"DS\"\n"
                   "role infrastructure Inf \"Infrastructure\"\n"
                   "role ux-designer UXD \"UX designer\"\n"
                   "role ml-engineer MLE \"ML engineer\"\n"
                   "role a-very-long-role-name-for-nine-initials-here AVLRNFNI "
                   "\"A very long role name for nine initials here\"\n"
                   "phase phase \"\"\n");

  /* Phases: a new value starts one, the same or an empty value continues
   * it, a value seen before starts another; a row with only a phase makes
   * an empty one. */
  phases = import_and_dump ("Phase,Activity,Owner\n"
                            ",Before any phase,A\n"
                            "Plan,One,A\n"
                            "Plan,Two,A\n"
                            ",Three,A\n"
                            "Empty,,\n"
                            "Build,Four,A\n"
                            "Plan,Five,A\n");
  g_assert_cmpstr (phases, ==,
                   "title \"inline\"\n"
                   "scheme RACI\n"
                   "role owner Owner \"Owner\"\n"
                   "phase phase \"\"\n"
                   "  activity before-any-phase \"Before any phase\" Owner=A\n"
                   "phase plan \"Plan\"\n"
                   "  activity one \"One\" Owner=A\n"
                   "  activity two \"Two\" Owner=A\n"
                   "  activity three \"Three\" Owner=A\n"
                   "phase empty \"Empty\"\n"
                   "phase build \"Build\"\n"
                   "  activity four \"Four\" Owner=A\n"
                   "phase plan-2 \"Plan\"\n"
                   "  activity five \"Five\" Owner=A\n");

  /* A quote never closed takes the rest of the file, and says so. */
  unclosed = import_and_dump ("Activity,Owner\nPlan,A\n\"Build,R\nTest,A\n");
  g_assert_cmpstr (unclosed, ==,
                   "title \"inline\"\n"
                   "scheme RACI\n"
                   "role owner Owner \"Owner\"\n"
                   "phase phase \"\"\n"
                   "  activity plan \"Plan\" Owner=A\n"
                   "  activity build-r-test-a \"Build,R\\nTest,A\"\n"
                   "problem row 3 column 1 line 3 \"\"\n");

  /* Empty columns are dropped; a column with cells but no header is a
   * role without a name; a ragged row is filled with empty cells. */
  columns = import_and_dump ("Activity,,Owner,,,\n"
                             "Plan,,A,,R,\n"
                             "Build,,\n");
  g_assert_cmpstr (columns, ==,
                   "title \"inline\"\n"
                   "scheme RACI\n"
                   "role owner Owner \"Owner\"\n"
                   "role role - \"\"\n"
                   "phase phase \"\"\n"
                   "  activity plan \"Plan\" Owner=A 2=R\n"
                   "  activity build \"Build\"\n");

  /* A title above the header becomes the project's title; control
   * characters do not reach names. */
  title = import_and_dump ("\n  Team matrix \x01 ,,\n\n"
                           "Activity,Owner,Helper\n"
                           "Plan\x7f\xef\xbf\xbf,A,R\n");
  g_assert_cmpstr (title, ==,
                   "title \"Team matrix\"\n"
                   "scheme RACI\n"
                   "role owner Owner \"Owner\"\n"
                   "role helper Helper \"Helper\"\n"
                   "phase phase \"\"\n"
                   "  activity plan \"Plan\" Owner=A Helper=R\n");
}


/* The sheets a user can pick: those of an .xlsx or .ods workbook, in
 * its order; none for CSV text; an error for a hostile workbook. */
static void
test_csv_list_sheets (void)
{
  g_autoptr(RacimoProject) project = make_tricky_project ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xlsx = racimo_xlsx_export (project, findings, &error);
  g_autoptr(GBytes) csv = racimo_csv_export (project, NULL);
  g_autofree char *ods_path = g_test_build_filename (G_TEST_DIST, "files", "sheets",
                                                     "gnumeric-colleague.ods", NULL);
  g_autofree char *hostile_path = g_test_build_filename (G_TEST_DIST, "files", "sheets",
                                                      "hostile-entries.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) ods = NULL;
  g_autoptr(GBytes) hostile = NULL;
  g_auto(GStrv) names = NULL;
  gsize length;

  g_assert_no_error (error);
  names = racimo_csv_list_sheets (xlsx, "matrix.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (names, ((const char *[]) { "Matrix", "Legend", "Findings", NULL }));
  g_clear_pointer (&names, g_strfreev);

  g_assert_true (g_file_get_contents (ods_path, &contents, &length, NULL));
  ods = g_bytes_new_take (g_steal_pointer (&contents), length);
  names = racimo_csv_list_sheets (ods, "colleague.ods", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (names, ((const char *[]) { "sheets-colleague.csv", NULL }));
  g_clear_pointer (&names, g_strfreev);

  g_assert_null (racimo_csv_list_sheets (csv, "matrix.csv", &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (hostile_path, &contents, &length, NULL));
  hostile = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_null (racimo_csv_list_sheets (hostile, "entries.xlsx", &error));
  g_assert_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_WORKBOOK);
}

/* Issue 22: a colleague's sheet keeps numbers, notes, dates and status
 * beside the matrix.  None of them is a role, even when a cell holds "x";
 * a notes column adds to the description. */
static void
test_csv_non_role_columns (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dump = NULL;
  RacimoPhase *phase;
  static const char sheet[] =
    "#,Activity,Description,Notes,Due date,Status,Lead,QA\n"
    "1,Plan,Scope it,x,2026-01-10,x,A,R\n"
    "2,Build,,Ask Bo,,Done,R,A\n"
    "3,Ship,Release,,,,A/R,\n";
  static const char notes_only[] =
    "No.,Activity,Notes,Lead\n"
    "1,Plan,x,A\n"
    "2,Build,,R\n";

  bytes = g_bytes_new_static (sheet, sizeof sheet - 1);
  project = racimo_csv_import_bytes_full (bytes, "colleague.csv", NULL, &problems, NULL, &error);
  g_assert_no_error (error);
  dump = dump_project (project, problems, TRUE);
  g_assert_cmpstr (dump, ==,
                   "title \"colleague\"\n"
                   "scheme RACI\n"
                   "role lead Lead \"Lead\"\n"
                   "role qa QA \"QA\"\n"
                   "phase phase \"\"\n"
                   "  activity plan \"Plan\" Lead=A QA=R\n"
                   "  activity build \"Build\" Lead=R QA=A\n"
                   "  activity ship \"Ship\" Lead=R/A\n"
                   "problem row 1 column 1 line 1 \"#\"\n"
                   "problem row 1 column 5 line 1 \"Due date\"\n"
                   "problem row 1 column 6 line 1 \"Status\"\n");
  g_assert_cmpstr (((RacimoCsvProblem *) g_ptr_array_index (problems, 2))->message, ==,
                   "Column F (“Status”) was ignored: a column of that name is not a role");
  phase = racimo_project_get_phase (project, 0);
  g_assert_cmpstr (racimo_item_get_description (RACIMO_ITEM (racimo_phase_get_activity (phase, 0))),
                   ==, "Scope it\n\nx");
  g_assert_cmpstr (racimo_item_get_description (RACIMO_ITEM (racimo_phase_get_activity (phase, 1))),
                   ==, "Ask Bo");
  g_assert_cmpstr (racimo_item_get_description (RACIMO_ITEM (racimo_phase_get_activity (phase, 2))),
                   ==, "Release");

  /* A notes column alone is the description */
  g_clear_object (&project);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static (notes_only, sizeof notes_only - 1);
  project = racimo_csv_import_bytes_full (bytes, "colleague.csv", NULL, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 1);
  phase = racimo_project_get_phase (project, 0);
  g_assert_cmpstr (racimo_item_get_description (RACIMO_ITEM (racimo_phase_get_activity (phase, 0))),
                   ==, "x");
}

/* Columns are found by their headers, in any order; a column with no
 * codes is ignored and named; a legend below the table is skipped. */
static void
test_csv_mapping (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dump = NULL;
  RacimoCsvImportOptions strict = { .strict = TRUE };
  static const char sheet[] =
    "#,Task,Description,Due date,Stage,Account manager (AM),Team 1,Team 10,Team 11\n"
    "1,Kick-off,First meeting,2026-01-10,Plan,A,R,,\n"
    "2,Budget,,2026-01-20,,A/R,,C,I\n"
    "3,Build it,Code and tests,2026-02-01,Build,A,,R,R\n"
    "\n"
    "Legend\n"
    "R = Responsible\n"
    "A: Accountable (signs off)\n"
    "C,Consulted\n";
  const RacimoCsvColumn *column;

  bytes = g_bytes_new_static (sheet, sizeof sheet - 1);
  project = racimo_csv_import_bytes_full (bytes, "colleague.csv", NULL, &problems, &columns, &error);
  g_assert_no_error (error);
  dump = dump_project (project, problems, TRUE);
  g_assert_cmpstr (dump, ==,
                   "title \"colleague\"\n"
                   "scheme RACI\n"
                   "role account-manager-am AM \"Account manager (AM)\"\n"
                   "role team-1 T1 \"Team 1\"\n"
                   "role team-10 T10 \"Team 10\"\n"
                   "role team-11 T11 \"Team 11\"\n"
                   "phase plan \"Plan\"\n"
                   "  activity kick-off \"Kick-off\" AM=A T1=R\n"
                   "  activity budget \"Budget\" AM=R/A T10=C T11=I\n"
                   "phase build \"Build\"\n"
                   "  activity build-it \"Build it\" AM=A T10=R T11=R\n"
                   "problem row 6 column 0 line 6 \"\"\n"
                   "problem row 1 column 1 line 1 \"#\"\n"
                   "problem row 1 column 4 line 1 \"Due date\"\n");
  g_assert_cmpstr (((RacimoCsvProblem *) g_ptr_array_index (problems, 2))->message, ==,
                   "Column D (“Due date”) was ignored: there are no codes in it");
  g_assert_cmpstr (((RacimoCsvProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Rows 6 to 9 explain the codes; they were read as a legend and skipped");
  g_assert_cmpstr (racimo_item_get_description (
                     RACIMO_ITEM (racimo_phase_get_activity (racimo_project_get_phase (project, 0), 0))),
                   ==, "First meeting");

  /* The report: what each column was read as */
  g_assert_cmpuint (columns->len, ==, 9);
  column = g_ptr_array_index (columns, 1);
  g_assert_cmpuint (column->column, ==, 2);
  g_assert_cmpint (column->kind, ==, RACIMO_CSV_COLUMN_ACTIVITY);
  g_assert_cmpstr (column->header, ==, "Task");
  column = g_ptr_array_index (columns, 3);
  g_assert_cmpint (column->kind, ==, RACIMO_CSV_COLUMN_IGNORED);
  column = g_ptr_array_index (columns, 4);
  g_assert_cmpint (column->kind, ==, RACIMO_CSV_COLUMN_PHASE);

  /* Strict mode refuses what was left out, and not a legend */
  g_clear_object (&project);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&columns, g_ptr_array_unref);
  project = racimo_csv_import_bytes_full (bytes, "colleague.csv", &strict, &problems, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_STRICT);
  g_assert_true (g_str_has_prefix (error->message,
                                   "colleague.csv: not imported, as strict mode asks: "
                                   "2 parts of the file were not understood:\n"
                                   "Column A (“#”) was ignored"));
  g_clear_error (&error);

  /* An activity named as a row of properties is still an activity when
   * its cells cannot be that property's */
  {
    g_autofree char *scheme_activity = import_and_dump ("Activity,Lead\nScheme,R\nShip,A\n");

    g_assert_cmpstr (scheme_activity, ==,
                     "title \"inline\"\n"
                     "scheme RACI\n"
                     "role lead Lead \"Lead\"\n"
                     "phase phase \"\"\n"
                     "  activity scheme \"Scheme\" Lead=R\n"
                     "  activity ship \"Ship\" Lead=A\n");
  }

  /* The user's choice of columns wins over the headers */
  {
    RacimoCsvColumnKind kinds[] = { RACIMO_CSV_COLUMN_IGNORED, RACIMO_CSV_COLUMN_AUTO,
                                    RACIMO_CSV_COLUMN_AUTO, RACIMO_CSV_COLUMN_IGNORED };
    RacimoCsvImportOptions chosen = { TRUE, G_N_ELEMENTS (kinds), kinds };

    project = racimo_csv_import_bytes_full (bytes, "colleague.csv", &chosen, &problems, NULL,
                                            &error);
    g_assert_no_error (error);
    g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 4);
    g_assert_cmpuint (problems->len, ==, 1);
  }
}

/* A name a spreadsheet would compute goes out with a quote before it
 * and comes back as it was. */
static void
test_csv_formulas (void)
{
  g_autoptr(RacimoProject) project = racimo_project_new ();
  g_autoptr(RacimoProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RacimoPhase *phase;
  RacimoRole *role;
  RacimoActivity *activity;
  static const char * const names[] = { "=1+1", "+49 30 1234", "-x", "@SUM(A1:A2)", "'=quoted",
                                        "plain" };

  role = racimo_project_add_role (project, -1, "=HYPERLINK(\"http://x\")", NULL);
  phase = racimo_project_add_phase (project, -1, "@phase");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      activity = racimo_project_add_activity (project, phase, -1, names[i]);
      racimo_project_set_codes (project, activity, role, BIT ('A'));
    }

  bytes = racimo_csv_export (project, NULL);
  text = bytes_to_string (bytes);
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"));
  g_assert_nonnull (strstr (text, "'@phase,'=1+1,A\r\n"));
  g_assert_nonnull (strstr (text, "'@phase,'+49 30 1234,A\r\n"));
  g_assert_nonnull (strstr (text, "'@phase,'-x,A\r\n"));
  g_assert_nonnull (strstr (text, "'@phase,''=quoted,A\r\n"));
  g_assert_nonnull (strstr (text, "'@phase,plain,A\r\n"));

  again = racimo_csv_import_bytes (bytes, "formulas.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_project_get_role (again, 0))), ==,
                   "=HYPERLINK(\"http://x\")");
  phase = racimo_project_get_phase (again, 0);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (phase)), ==, "@phase");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (racimo_phase_get_activity (phase, i))),
                     ==, names[i]);
}


/* Workbooks as LibreOffice, Gnumeric and Excel save them, each with the
 * matrix it must give in files/sheets/NAME.expected. */
static void
test_csv_workbooks (void)
{
  static const char * const workbooks[] = {
    "gnumeric-colleague.xlsx", "gnumeric-colleague.ods", "merged-formulas.xlsx",
    "merged-repeated.ods", "gnumeric-people.xlsx", "gnumeric-people.ods",
  };

  for (guint i = 0; i < G_N_ELEMENTS (workbooks); i++)
    {
      g_autofree char *expected_name = g_strconcat (workbooks[i], ".expected", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "files",
                                                                        "sheets", workbooks[i],
                                                                        NULL));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(RacimoProject) project = NULL;
      g_autofree char *dump = NULL;
      g_autofree char *expected = NULL;

      g_test_message ("%s", workbooks[i]);
      project = racimo_csv_import_file (file, &problems, NULL, &error);
      g_assert_no_error (error);
      dump = dump_project (project, problems, TRUE);
      g_file_get_contents (g_test_get_filename (G_TEST_DIST, "files", "sheets", expected_name,
                                                NULL),
                           &expected, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dump, ==, expected);
      assert_round_trip (project);
    }
}

/* Workbooks made to attack the reader are refused, each with its reason,
 * without unpacking more than the limits allow. */
static void
test_csv_hostile_workbooks (void)
{
  static const struct { const char *name; const char *message; } hostile[] = {
    { "hostile-bomb.xlsx", "the workbook unpacks to more than Racimo reads; it was not read" },
    { "hostile-entries.xlsx", "the workbook holds too many files" },
    { "hostile-traversal.xlsx", "the workbook names a file outside of it; it was not read" },
    { "hostile-entities.xlsx",
      "a file inside the workbook declares a document type; it was not read" },
    { "hostile-external.xlsx",
      "a file inside the workbook declares a document type; it was not read" },
    { "hostile-far-cell.xlsx", "the sheet has a cell beyond the last one a sheet can have" },
    { "hostile-truncated.xlsx", "the workbook is not a zip file that can be read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      const char *path = g_test_get_filename (G_TEST_DIST, "files", "sheets", hostile[i].name,
                                              NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(RacimoProject) project = NULL;
      g_autofree char *message = NULL;

      g_test_message ("%s", hostile[i].name);
      project = racimo_csv_import_file (file, NULL, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, RACIMO_CSV_ERROR, RACIMO_CSV_ERROR_WORKBOOK);
      message = g_strconcat (path, ": ", hostile[i].message, NULL);
      g_assert_cmpstr (error->message, ==, message);
    }
}

static void
test_csv_problems (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *short_summary = NULL;
  const RacimoCsvProblem *problem;

  project = import_text ("Phase,Activity,Data scientist,,QA\n"
                         "Plan,\"Scope\nand plan\",yes,x,"
                         "\"a very, very long cell that goes on and on and on\"\n"
                         "Plan,Build,A,\"multi\nline\",R\n",
                         -1, "team.csv", &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->row, ==, 2);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->text, ==, "yes");
  g_assert_cmpstr (problem->message, ==,
                   "Row 2, column C (Data scientist): “yes” is not a code; "
                   "the cell was left empty");

  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->message, ==,
                   "Row 2, column E (QA): “a very, very long cell that goes on and…” "
                   "is not a code; the cell was left empty");

  /* Rows are counted as the spreadsheet counts them, not as lines. */
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpuint (problem->row, ==, 3);
  g_assert_cmpuint (problem->column, ==, 4);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->text, ==, "multi\nline");
  g_assert_cmpstr (problem->message, ==,
                   "Row 3, column D: “multi line” is not a code; the cell was left empty");

  summary = racimo_csv_summarize_problems (problems, 10);
  g_assert_cmpstr (summary, ==,
                   "3 parts of the file were not understood:\n"
                   "Row 2, column C (Data scientist): “yes” is not a code; "
                   "the cell was left empty\n"
                   "Row 2, column E (QA): “a very, very long cell that goes on and…” "
                   "is not a code; the cell was left empty\n"
                   "Row 3, column D: “multi line” is not a code; the cell was left empty");

  short_summary = racimo_csv_summarize_problems (problems, 1);
  g_assert_cmpstr (short_summary, ==,
                   "3 parts of the file were not understood:\n"
                   "Row 2, column C (Data scientist): “yes” is not a code; "
                   "the cell was left empty\n"
                   "and 2 more");

  g_assert_null (racimo_csv_summarize_problems (NULL, 10));
  g_ptr_array_set_size (problems, 0);
  g_assert_null (racimo_csv_summarize_problems (problems, 10));

  /* The lone x is kept, as an unknown code; the row with "yes" stays. */
  {
    g_autofree char *dump = dump_project (project, NULL, TRUE);

    g_assert_cmpstr (dump, ==,
                     "title \"team\"\n"
                     "scheme RACI\n"
                     "role data-scientist DS \"Data scientist\"\n"
                     "role role - \"\"\n"
                     "role qa QA \"QA\"\n"
                     "phase plan \"Plan\"\n"
                     "  activity scope-and-plan \"Scope\\nand plan\" 2=X\n"
                     "  activity build \"Build\" DS=A QA=R\n");
  }
}

static void
test_csv_block (void)
{
  g_autoptr(RacimoProject) project = make_tricky_project ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RacimoCsvBlock) block = NULL;
  g_autoptr(RacimoCsvBlock) pasted = NULL;
  g_autofree char *text = NULL;
  RacimoPhase *plan = racimo_project_get_phase (project, 0);
  RacimoPhase *build = racimo_project_get_phase (project, 2);
  RacimoCodes codes;

  g_ptr_array_add (activities, racimo_phase_get_activity (plan, 0));
  g_ptr_array_add (activities, racimo_phase_get_activity (plan, 1));
  g_ptr_array_add (activities, racimo_phase_get_activity (build, 0));
  g_ptr_array_add (roles, racimo_project_get_role (project, 0));
  g_ptr_array_add (roles, racimo_project_get_role (project, 2));
  g_ptr_array_add (roles, racimo_project_get_role (project, 3));

  text = racimo_csv_format_block (project, activities, roles);
  g_assert_cmpstr (text, ==,
                   "R/A\tC/I\t\n"
                   "\t\tX\n"
                   "\tR/A/S/C/I\t\n");

  /* What was copied pastes back as the same codes. */
  block = racimo_csv_parse_block (racimo_project_get_scheme (project), text);
  g_assert_cmpuint (racimo_csv_block_get_n_rows (block), ==, 3);
  g_assert_cmpuint (racimo_csv_block_get_n_columns (block), ==, 3);
  for (guint a = 0; a < activities->len; a++)
    for (guint r = 0; r < roles->len; r++)
      {
        g_assert_true (racimo_csv_block_get_codes (block, a, r, &codes));
        g_assert_cmphex (codes, ==,
                         racimo_activity_get_codes (g_ptr_array_index (activities, a),
                                                    g_ptr_array_index (roles, r)));
      }

  /* Text from a spreadsheet: CRLF, hand-typed cells, a quoted cell with a
   * line break, a short row, no final line break. */
  pasted = racimo_csv_parse_block (racimo_scheme_lookup ("RACI"),
                                   "a, r\tResponsible\t\"yes\nno\"\r\nAR\r\nRS\t x ");
  g_assert_cmpuint (racimo_csv_block_get_n_rows (pasted), ==, 3);
  g_assert_cmpuint (racimo_csv_block_get_n_columns (pasted), ==, 3);
  g_assert_true (racimo_csv_block_get_codes (pasted, 0, 0, &codes));
  g_assert_cmphex (codes, ==, BIT ('A') | BIT ('R'));
  g_assert_true (racimo_csv_block_get_codes (pasted, 0, 1, &codes));
  g_assert_cmphex (codes, ==, BIT ('R'));
  g_assert_false (racimo_csv_block_get_codes (pasted, 0, 2, &codes));
  g_assert_cmpstr (racimo_csv_block_get_text (pasted, 0, 2), ==, "yes\nno");
  g_assert_true (racimo_csv_block_get_codes (pasted, 1, 0, &codes));
  g_assert_cmphex (codes, ==, BIT ('A') | BIT ('R'));
  g_assert_true (racimo_csv_block_get_codes (pasted, 1, 1, &codes));
  g_assert_cmphex (codes, ==, 0);
  g_assert_cmpstr (racimo_csv_block_get_text (pasted, 1, 2), ==, "");
  /* S is not a RACI code, so "RS" is not read as letters. */
  g_assert_false (racimo_csv_block_get_codes (pasted, 2, 0, &codes));
  g_assert_cmpstr (racimo_csv_block_get_text (pasted, 2, 0), ==, "RS");
  g_assert_true (racimo_csv_block_get_codes (pasted, 2, 1, &codes));
  g_assert_cmphex (codes, ==, BIT ('X'));

  rows = racimo_csv_parse_rows ("Plan;\"A;R\"\nBuild\n\n", ';');
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), ((const char * const[]) { "Plan", "A;R", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), ((const char * const[]) { "Build", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (rows, 2), ((const char * const[]) { "", NULL }));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = racimo_csv_parse_rows ("", '\t');
  g_assert_cmpuint (rows->len, ==, 0);
}

typedef struct
{
  GMainLoop     *loop;
  GAsyncResult  *result;
} AsyncData;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncData *data = user_data;

  data->result = g_object_ref (result);
  g_main_loop_quit (data->loop);
}

static void
test_csv_save (void)
{
  g_autoptr(RacimoProject) project = make_tricky_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing_dir = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RacimoProject) imported = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RacimoCsvOptions options = { RACIMO_CSV_TAB, TRUE };
  AsyncData data = { loop, NULL };
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Team plan.v2.csv", NULL);
  file = g_file_new_for_path (path);

  /* Saving replaces what was there. */
  g_file_set_contents (path, "old content that is longer than nothing", -1, &error);
  g_assert_no_error (error);
  g_assert_true (racimo_csv_save (project, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = racimo_csv_export (project, NULL);
  expected = bytes_to_string (bytes);
  g_assert_cmpstr (contents, ==, expected);

  racimo_csv_save_async (project, file, &options, NULL, on_done, &data);
  g_main_loop_run (loop);
  g_assert_true (racimo_csv_save_finish (data.result, &error));
  g_assert_no_error (error);
  g_clear_object (&data.result);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfPhase\tActivity\t"));

  racimo_csv_import_file_async (file, NULL, on_done, &data);
  g_main_loop_run (loop);
  imported = racimo_csv_import_file_finish (data.result, &problems, &error);
  g_assert_no_error (error);
  g_clear_object (&data.result);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (racimo_project_get_title (imported), ==, "Team plan.v2");
  before = dump_project (project, NULL, FALSE);
  after = dump_project (imported, NULL, FALSE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_remove (path), ==, 0);

  /* A file that cannot be written leaves nothing behind. */
  missing_path = g_build_filename (dir, "missing", "team.csv", NULL);
  missing_dir = g_file_new_for_path (missing_path);
  g_assert_false (racimo_csv_save (project, missing_dir, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  racimo_csv_import_file_async (missing_dir, NULL, on_done, &data);
  g_main_loop_run (loop);
  g_assert_null (racimo_csv_import_file_finish (data.result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_object (&data.result);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/corpus", test_csv_corpus);
  g_test_add_func ("/csv/corpus-round-trip", test_csv_corpus_round_trip);
  g_test_add_func ("/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/csv/lossless", test_csv_lossless);
  g_test_add_func ("/xlsx/lossless", test_xlsx_lossless);
  g_test_add_func ("/xlsx/opens", test_xlsx_opens);
  g_test_add_func ("/xlsx/findings", test_xlsx_findings);
  g_test_add_func ("/csv/people", test_csv_people);
  g_test_add_func ("/csv/conflicts", test_csv_conflicts);
  g_test_add_func ("/csv/export", test_csv_export);
  g_test_add_func ("/csv/cells", test_csv_cells);
  g_test_add_func ("/csv/words-and-bad-bytes", test_csv_words_and_bad_bytes);
  g_test_add_func ("/csv/cells-scheme", test_csv_cells_scheme);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/too-large", test_csv_too_large);
  g_test_add_func ("/csv/shapes", test_csv_shapes);
  g_test_add_func ("/csv/problems", test_csv_problems);
  g_test_add_func ("/csv/mapping", test_csv_mapping);
  g_test_add_func ("/csv/non-role-columns", test_csv_non_role_columns);
  g_test_add_func ("/csv/list-sheets", test_csv_list_sheets);
  g_test_add_func ("/csv/formulas", test_csv_formulas);
  g_test_add_func ("/csv/workbooks", test_csv_workbooks);
  g_test_add_func ("/csv/hostile-workbooks", test_csv_hostile_workbooks);
  g_test_add_func ("/csv/block", test_csv_block);
  g_test_add_func ("/csv/save", test_csv_save);

  return g_test_run ();
}
