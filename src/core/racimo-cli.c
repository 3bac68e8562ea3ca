/* racimo-cli.c: the commands that need no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "racimo-checks.h"
#include "racimo-cli-private.h"
#include "racimo-cli.h"
#include "racimo-csv.h"
#include "racimo-file.h"
#include "racimo-pagination.h"
#include "racimo-person-pages.h"
#include "racimo-xlsx.h"

/* Reading a project from a file, chosen by the file's extension or its
 * content, with the options of the command line (nullable): "strict"
 * refuses a sheet that is not read whole, "sheet" names the sheet of a
 * workbook. */
typedef RacimoProject *(*RacimoImportFunc) (GFile         *file,
                                            GVariantDict  *options,
                                            GError       **error);
/* Writing a project to a file.  Must be atomic: on failure nothing is left
 * at @file (or what was there stays untouched).  @layout is set for PDF. */
typedef gboolean       (*RacimoExportFunc) (RacimoProject             *project,
                                            GFile                     *file,
                                            const RacimoPaginationOptions *layout,
                                            GError                   **error);

typedef struct
{
  const char       *extension; /* with the dot, compared without case */
  RacimoImportFunc  import;
} RacimoImporter;

typedef struct
{
  const char       *extension;
  RacimoExportFunc  export;
} RacimoExporter;

static RacimoProject *
import_raci (GFile         *file,
             GVariantDict  *options,
             GError       **error)
{
  return racimo_file_load (file, NULL, NULL, error);
}

static gboolean
export_raci (RacimoProject             *project,
             GFile                     *file,
             const RacimoPaginationOptions *layout,
             GError                   **error)
{
  /* No etag: the command line replaces whatever is there, and
   * racimo_file_save () renames a complete temporary file over it. */
  return racimo_file_save (project, file, NULL, NULL, NULL, error);
}

static RacimoProject *
import_csv (GFile         *file,
            GVariantDict  *command_options,
            GError       **error)
{
  RacimoCsvImportOptions options = { 0 };
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *summary = NULL;
  RacimoProject *project;

  if (command_options != NULL)
    {
      options.strict = g_variant_dict_contains (command_options, "strict");
      g_variant_dict_lookup (command_options, "sheet", "&s", &options.sheet);
    }
  project = racimo_csv_import_file_full (file, &options, &problems, NULL, NULL, error);

  /* The import goes on past cells it cannot read; say which they were. */
  summary = racimo_csv_summarize_problems (problems, 20);
  if (summary != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_printerr (_("racimo: %s: warning: %s\n"), name, summary);
    }

  return project;
}

static gboolean
export_csv (RacimoProject             *project,
            GFile                     *file,
            const RacimoPaginationOptions *layout,
            GError                   **error)
{
  return racimo_csv_save (project, file, NULL, NULL, error);
}

static gboolean
export_xlsx (RacimoProject                 *project,
             GFile                         *file,
             const RacimoPaginationOptions *layout,
             GError                       **error)
{
  g_autoptr(RacimoChecks) checks = racimo_checks_new (project);
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);

  return racimo_xlsx_save (project, findings, file, NULL, error);
}

/* The path of @file, where cairo can write a PDF, or NULL and @error. */
static char *
pdf_path (GFile   *file,
          GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: a PDF can only be written to a local file"), name);
    }

  return path;
}

static gboolean
export_pdf (RacimoProject             *project,
            GFile                     *file,
            const RacimoPaginationOptions *layout,
            GError                   **error)
{
  g_autofree char *path = pdf_path (file, error);
  g_autoptr(RacimoPagination) pagination = NULL;
  g_autofree char *notice = NULL;

  if (path == NULL)
    return FALSE;

  pagination = racimo_pagination_new (project, layout);
  /* Not an error: the matrix is printed whole, on more pages. */
  notice = racimo_pagination_dup_fit_notice (pagination);
  if (notice != NULL)
    g_printerr ("racimo: %s\n", notice);

  return racimo_pagination_write_pdf (pagination, racimo_project_get_title (project), path,
                                      NULL, error);
}

/* --per-person or --per-role: one page per person or per role instead of
 * the matrix */
static gboolean
export_handouts (RacimoProject                 *project,
                 GFile                         *file,
                 const RacimoPaginationOptions *layout,
                 GError                       **error)
{
  g_autofree char *path = pdf_path (file, error);

  if (path == NULL)
    return FALSE;
  if (layout->per_role)
    return racimo_person_pages_export_roles_pdf (project, NULL, path, layout, NULL, error);
  return racimo_person_pages_export_pdf (project, NULL, path, layout, NULL, error);
}

static const RacimoImporter importers[] = {
  { ".raci", import_raci },
  { ".csv", import_csv },
  { ".tsv", import_csv },
  { ".xlsx", import_csv },
  { ".ods", import_csv },
};

static const RacimoExporter exporters[] = {
  { ".raci", export_raci },
  { ".csv", export_csv },
  { ".xlsx", export_xlsx },
  { ".pdf", export_pdf },
};

static gboolean
has_extension (const char *path,
               const char *extension)
{
  gsize path_len = strlen (path);
  gsize ext_len = strlen (extension);

  return path_len > ext_len
         && g_ascii_strcasecmp (path + path_len - ext_len, extension) == 0;
}

/* A file whose extension is in neither table is read by its content:
 * colleagues send .raci files renamed .xml or with no extension, and
 * sheets as .txt (Excel's "Unicode Text"). */
static RacimoImportFunc
find_importer (const char *path,
               GFile      *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    {
      if (has_extension (path, importers[i].extension))
        return importers[i].import;
    }

  return racimo_csv_file_is_spreadsheet (file, NULL) ? import_csv : import_raci;
}

static RacimoExportFunc
find_exporter (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      if (has_extension (path, exporters[i].extension))
        return exporters[i].export;
    }

  return NULL;
}

/* One finding per line is what editors and CI logs parse, so line breaks
 * and tabs that a colleague put in a name must not split it. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
    }

  return copy;
}

/* The reader and the writer name a file by its full path, as the window
 * shows it.  On the command line it is named as it was typed, as compilers
 * do, so that a script sees the same name on standard error as in the
 * findings and can match them. */
static void
print_file_error (GFile        *file,
                  const char   *path,
                  const GError *error)
{
  g_autofree char *full_name = g_file_get_parse_name (file);
  gsize len = strlen (full_name);
  g_autofree char *hint = NULL;

  /* A file that --repair opens says so at the end of its message. */
  if (racimo_file_error_may_repair (error) && find_importer (path, file) == import_raci)
    {
      g_autoptr(RacimoProject) repaired = racimo_file_repair (file, NULL, NULL, NULL);

      if (repaired != NULL)
        hint = g_strdup_printf (_(" (racimo --export COPY.raci --repair %s writes a repaired copy)"),
                                path);
    }

  if (strncmp (error->message, full_name, len) == 0 && error->message[len] == ':')
    g_printerr ("racimo: %s%s%s\n", path, error->message + len, hint != NULL ? hint : "");
  else
    g_printerr ("racimo: %s: %s%s\n", path, error->message, hint != NULL ? hint : "");
}

typedef struct
{
  const char    *path;
  GFile         *file;
  RacimoProject *project;
  GError        *error;
} Load;

static gpointer
load_in_thread (gpointer data)
{
  Load *load = data;

  load->file = g_file_new_for_commandline_arg (load->path);
  load->project = find_importer (load->path, load->file) (load->file, NULL, &load->error);

  return NULL;
}

/* The @n_paths projects read as _racimo_cli_load () reads each, at the
 * same time, each in a thread of its own: reading is most of the time of
 * --diff and --merge (docs/design-targets.md, "Targets and their
 * benchmarks").  Only the error of the first that could not be read is
 * printed, as when they were read one after the other; then no project
 * is kept. */
gboolean
_racimo_cli_load_all (const char * const  *paths,
                      RacimoProject      **projects,
                      guint                n_paths)
{
  Load loads[3] = { { 0 } };
  GThread *threads[G_N_ELEMENTS (loads)] = { NULL };
  gboolean ok = TRUE;

  g_return_val_if_fail (n_paths <= G_N_ELEMENTS (loads), FALSE);

  /* GLib 2.74 makes the C locale of g_ascii_strtoull () on its first call;
   * a thread that waits for another to make it can come back with errno
   * set, and g_ascii_string_to_unsigned () then refuses "1": "1.0" was
   * not a format version in 2% of runs.  main () makes it first; so does
   * this, for the tests that call it in their own process. */
  g_ascii_strtoull ("0", NULL, 10);

  for (guint i = 0; i < n_paths; i++)
    {
      loads[i].path = paths[i];
      if (i > 0)
        threads[i] = g_thread_new ("racimo-load", load_in_thread, &loads[i]);
    }
  load_in_thread (&loads[0]);

  for (guint i = 0; i < n_paths; i++)
    {
      if (threads[i] != NULL)
        g_thread_join (threads[i]);
      if (ok && loads[i].project == NULL)
        {
          print_file_error (loads[i].file, loads[i].path, loads[i].error);
          ok = FALSE;
        }
    }

  for (guint i = 0; i < n_paths; i++)
    {
      projects[i] = ok ? g_steal_pointer (&loads[i].project) : NULL;
      g_clear_object (&loads[i].project);
      g_clear_object (&loads[i].file);
      g_clear_error (&loads[i].error);
    }

  return ok;
}

/* A project read as --check reads it, or NULL with the error printed. */
RacimoProject *
_racimo_cli_load (const char *path)
{
  RacimoProject *project = NULL;

  _racimo_cli_load_all (&path, &project, 1);

  return project;
}

/* racimo --export OUT --repair FILE: the repaired project, each repair on
 * standard error as a compiler's diagnostic, FILE:LINE first. */
static RacimoProject *
repair_file (GFile         *file,
             const char    *path,
             GVariantDict  *options,
             GError       **error)
{
  g_autoptr(RacimoRepairs) repairs = NULL;
  RacimoProject *project;

  /* Only the .raci format has rules to repair. */
  if (find_importer (path, file) != import_raci)
    return find_importer (path, file) (file, options, error);

  project = racimo_file_repair (file, &repairs, NULL, error);
  if (project == NULL)
    return NULL;

  for (guint i = 0; i < racimo_repairs_get_n_repairs (repairs); i++)
    {
      g_autofree char *problem = one_line (racimo_repairs_get_problem (repairs, i));
      g_autofree char *action = one_line (racimo_repairs_get_action (repairs, i));
      guint line = racimo_repairs_get_line (repairs, i);
      /* The layout of a compiler's diagnostics, which editors and CI
       * parse: not translated.  The words are. */
      g_autofree char *location = line > 0 ? g_strdup_printf ("%s:%u", path, line)
                                           : g_strdup (path);

      g_printerr ("%s: repaired: %s; %s\n", location, problem, action);
    }

  return project;
}

typedef struct
{
  guint                line;
  guint                index;
  const RacimoFinding *finding;
} SortedFinding;

static int
compare_sorted_findings (gconstpointer a,
                         gconstpointer b)
{
  const SortedFinding *fa = a;
  const SortedFinding *fb = b;

  if (fa->line != fb->line)
    return fa->line < fb->line ? -1 : 1;

  /* Same line: keep the order of the checks, so the output is stable. */
  return fa->index < fb->index ? -1 : (fa->index > fb->index ? 1 : 0);
}

/* Prints the unwaived findings of the project in @path and returns
 * RACIMO_EXIT_OK, RACIMO_EXIT_FINDINGS or RACIMO_EXIT_UNREADABLE. */
static int
check_file (const char   *path,
            GVariantDict *options)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoChecks) checks = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GArray) sorted = NULL;
  gboolean any_error = FALSE;

  project = find_importer (path, file) (file, options, &error);
  if (project == NULL)
    {
      print_file_error (file, path, error);
      return RACIMO_EXIT_UNREADABLE;
    }

  checks = racimo_checks_new (project);
  findings = racimo_checks_list_findings (checks);

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedFinding), findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      const RacimoFinding *finding = g_ptr_array_index (findings, i);
      SortedFinding entry;

      if (finding->waiver_reason != NULL)
        continue;

      entry.line = finding->item != NULL ? racimo_item_get_line (finding->item) : 0;
      entry.index = i;
      entry.finding = finding;
      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_sorted_findings);

  for (guint i = 0; i < sorted->len; i++)
    {
      const SortedFinding *entry = &g_array_index (sorted, SortedFinding, i);
      RacimoSeverity severity = racimo_check_get_severity (entry->finding->check);
      const char *severity_id = racimo_severity_get_id (severity);
      const char *check_id = racimo_check_get_id (entry->finding->check);
      g_autofree char *message = one_line (entry->finding->message);

      if (severity == RACIMO_SEVERITY_ERROR)
        any_error = TRUE;

      /* The layout of a compiler's diagnostics, which editors and CI
       * parse: not translated.  The message itself is. */
      if (entry->line > 0)
        g_print ("%s:%u: %s: %s: %s\n", path, entry->line, severity_id, check_id, message);
      else
        g_print ("%s: %s: %s: %s\n", path, severity_id, check_id, message);
    }

  return any_error ? RACIMO_EXIT_FINDINGS : RACIMO_EXIT_OK;
}

/**
 * racimo_cli_check:
 * @paths: (array zero-terminated=1): the files to check, as given on the
 *   command line
 *
 * Runs the checks of docs/file-format.md, "Checks", on each file, as `racimo --check` does: every
 * finding that is not waived goes to standard output as
 * `FILE:LINE: SEVERITY: CHECK-ID: MESSAGE`, sorted by line; a file that
 * cannot be read is reported on standard error and the others are still
 * checked.
 *
 * Returns: %RACIMO_EXIT_UNREADABLE when a file could not be read, otherwise
 *   %RACIMO_EXIT_FINDINGS when there are error findings, otherwise
 *   %RACIMO_EXIT_OK
 */
int
racimo_cli_check (const char * const *paths)
{
  return racimo_cli_check_with_options (paths, NULL);
}

/**
 * racimo_cli_check_with_options:
 * @options: (nullable): "strict" (a boolean): a sheet that is not read
 *   whole is unreadable; "sheet" (a string): the sheet of a workbook
 *
 * racimo_cli_check() with the options of the command line.
 *
 * Returns: as racimo_cli_check()
 */
int
racimo_cli_check_with_options (const char * const *paths,
                               GVariantDict       *options)
{
  int status = RACIMO_EXIT_OK;

  g_return_val_if_fail (paths != NULL, RACIMO_EXIT_UNREADABLE);

  if (paths[0] == NULL)
    {
      g_printerr (_("racimo: no file to check\n"));
      return RACIMO_EXIT_UNREADABLE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      /* The statuses are ordered: unreadable wins over findings. */
      int file_status = check_file (paths[i], options);

      status = MAX (status, file_status);
    }

  return status;
}

/**
 * racimo_cli_export:
 * @out_path: the file to write; its extension says in which format
 * @in_path: the project to read
 * @options: (nullable): "paper" (a4, a3, letter, legal, tabloid, ledger),
 *   "orientation" (landscape, portrait), "fit", "tile" or "one-page"
 *   (booleans), "pages-wide" (a number from 1 to 100),
 *   "summary" (first, last, none), "phases" and "roles" (ids separated
 *   by commas), "descriptions", "mono", "only-problems", "row-numbers",
 *   "per-person" and "per-role" (booleans), "header" and "footer" (text),
 *   "compare" (a file name),
 *   for PDF only; "strict" and "sheet", for a spreadsheet read; "repair"
 *   (boolean): FILE is built as racimo_file_repair () does
 *
 * Converts a project as `racimo --export OUT FILE` does.  @out_path is
 * written whole or not at all; a reason for failing goes to standard error.
 *
 * Returns: %RACIMO_EXIT_OK, or %RACIMO_EXIT_UNREADABLE when @in_path cannot
 *   be read or @out_path cannot be written
 */
/* The layout options of the command line, or NULL and a message on
 * standard error when one is wrong. */
static RacimoPaginationOptions *
parse_layout_options (GVariantDict *options)
{
  static const char * const exclusive[][2] = {
    { "one-page", "tile" }, { "pages-wide", "tile" }, { "one-page", "pages-wide" },
    { "per-person", "per-role" },
  };
  g_autoptr(RacimoPaginationOptions) layout = racimo_pagination_options_new ();
  g_autoptr(GError) error = NULL;
  const char *value;

  if (options == NULL)
    return g_steal_pointer (&layout);

  if (g_variant_dict_contains (options, "fit") && g_variant_dict_contains (options, "tile"))
    {
      g_printerr (_("racimo: --fit and --tile cannot be used together\n"));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (exclusive); i++)
    if (g_variant_dict_contains (options, exclusive[i][0])
        && g_variant_dict_contains (options, exclusive[i][1]))
      {
        /* Translators: two options such as --one-page and --tile */
        g_printerr (_("racimo: --%s and --%s cannot be used together\n"),
                    exclusive[i][0], exclusive[i][1]);
        return NULL;
      }

  if ((g_variant_dict_lookup (options, "paper", "&s", &value)
       && !racimo_pagination_options_parse_paper (layout, value, &error))
      || (g_variant_dict_lookup (options, "orientation", "&s", &value)
          && !racimo_pagination_options_parse_orientation (layout, value, &error))
      || (g_variant_dict_contains (options, "fit")
          && !racimo_pagination_options_parse_fit (layout, "fit", &error))
      || (g_variant_dict_contains (options, "tile")
          && !racimo_pagination_options_parse_fit (layout, "tile", &error))
      || (g_variant_dict_lookup (options, "summary", "&s", &value)
          && !racimo_pagination_options_parse_summary (layout, value, &error))
      || (g_variant_dict_lookup (options, "phases", "&s", &value)
          && !racimo_pagination_options_parse_phases (layout, value, &error))
      || (g_variant_dict_lookup (options, "roles", "&s", &value)
          && !racimo_pagination_options_parse_roles (layout, value, &error))
      || (g_variant_dict_lookup (options, "pages-wide", "&s", &value)
          && !racimo_pagination_options_parse_pages_wide (layout, value, &error)))
    {
      g_printerr ("racimo: %s\n", error->message);
      return NULL;
    }
  layout->one_page = g_variant_dict_contains (options, "one-page");
  layout->descriptions = g_variant_dict_contains (options, "descriptions");
  layout->mono = g_variant_dict_contains (options, "mono");
  layout->only_problems = g_variant_dict_contains (options, "only-problems");
  layout->row_numbers = g_variant_dict_contains (options, "row-numbers");
  layout->per_role = g_variant_dict_contains (options, "per-role");
  if (g_variant_dict_lookup (options, "header", "&s", &value))
    layout->header = g_strdup (value);
  if (g_variant_dict_lookup (options, "footer", "&s", &value))
    layout->footer = g_strdup (value);

  return g_steal_pointer (&layout);
}

/* The first layout option given, or NULL. */
static const char *
find_layout_option (GVariantDict *options)
{
  static const char * const names[] = {
    "paper", "orientation", "fit", "tile", "one-page", "pages-wide", "summary", "phases",
    "roles", "descriptions", "mono", "only-problems", "row-numbers", "header", "footer",
    "per-person", "per-role", "compare",
  };

  if (options == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return names[i];

  return NULL;
}

/* The options of the matrix's layout that one page per person or per
 * role (@handout, "per-person" or "per-role") has no use for are refused
 * with it, rather than silently ignored.  A role's pages are of the roles
 * that --roles names. */
static gboolean
check_handout_options (GVariantDict *options,
                       const char   *handout)
{
  static const char * const matrix_only[] = {
    "fit", "tile", "summary", "only-problems", "one-page", "pages-wide", "roles", "row-numbers",
    "descriptions", "compare",
  };
  gboolean per_role = g_str_equal (handout, "per-role");

  for (guint i = 0; i < G_N_ELEMENTS (matrix_only); i++)
    if (g_variant_dict_contains (options, matrix_only[i])
        && !(per_role && g_str_equal (matrix_only[i], "roles")))
      {
        /* Translators: two options, such as "tile" and "per-person" */
        g_printerr (_("racimo: --%s cannot be used with --%s\n"), matrix_only[i], handout);
        return FALSE;
      }

  return TRUE;
}

int
racimo_cli_export (const char   *out_path,
                   const char   *in_path,
                   GVariantDict *options)
{
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(RacimoPaginationOptions) layout = NULL;
  g_autoptr(GError) error = NULL;
  RacimoExportFunc export_func;

  g_return_val_if_fail (out_path != NULL, RACIMO_EXIT_UNREADABLE);
  g_return_val_if_fail (in_path != NULL, RACIMO_EXIT_UNREADABLE);

  /* Before reading anything: a mistyped name should not wait for a large
   * project to load. */
  export_func = find_exporter (out_path);
  if (export_func == NULL)
    {
      g_printerr (_("racimo: cannot export to \"%s\": use a .raci, .csv, .xlsx or .pdf file name\n"),
                  out_path);
      return RACIMO_EXIT_UNREADABLE;
    }

  if (export_func == export_pdf)
    {
      layout = parse_layout_options (options);
      if (layout == NULL)
        return RACIMO_EXIT_UNREADABLE;
    }
  else if (find_layout_option (options) != NULL)
    {
      /* Translators: %s is an option such as "paper" */
      g_printerr (_("racimo: --%s applies to .pdf files only\n"), find_layout_option (options));
      return RACIMO_EXIT_UNREADABLE;
    }

  if (layout != NULL && (layout->per_role || g_variant_dict_contains (options, "per-person")))
    {
      if (!check_handout_options (options, layout->per_role ? "per-role" : "per-person"))
        return RACIMO_EXIT_UNREADABLE;
      /* A handout is read upright, unless asked otherwise. */
      if (!g_variant_dict_contains (options, "orientation"))
        layout->orientation = RACIMO_PAGINATION_PORTRAIT;
      export_func = export_handouts;
    }

  in_file = g_file_new_for_commandline_arg (in_path);
  if (options != NULL && g_variant_dict_contains (options, "repair"))
    project = repair_file (in_file, in_path, options, &error);
  else
    project = find_importer (in_path, in_file) (in_file, options, &error);
  if (project == NULL)
    {
      print_file_error (in_file, in_path, error);
      return RACIMO_EXIT_UNREADABLE;
    }

  if (layout != NULL && !racimo_pagination_options_check_project (layout, project, &error))
    {
      g_printerr ("racimo: %s: %s\n", in_path, error->message);
      return RACIMO_EXIT_UNREADABLE;
    }
  if (layout != NULL && !_racimo_cli_compare_layout (options, project, layout))
    return RACIMO_EXIT_UNREADABLE;

  if (export_func == export_handouts && !layout->per_role
      && racimo_project_get_n_people (project) == 0)
    {
      g_printerr (_("racimo: %s lists no people, so --per-person has no page to print\n"),
                  in_path);
      return RACIMO_EXIT_UNREADABLE;
    }
  if (export_func == export_handouts && layout->per_role
      && racimo_project_get_n_roles (project) == 0)
    {
      g_printerr (_("racimo: %s has no roles, so --per-role has no page to print\n"), in_path);
      return RACIMO_EXIT_UNREADABLE;
    }

  out_file = g_file_new_for_commandline_arg (out_path);
  if (!export_func (project, out_file, layout, &error))
    {
      print_file_error (out_file, out_path, error);
      return RACIMO_EXIT_UNREADABLE;
    }

  return RACIMO_EXIT_OK;
}

static const GOptionEntry main_entries[] = {
  { "check", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check FILE... and print one line per finding, then exit"), NULL },
  { "export", 'e', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Convert FILE to OUT (.raci, .csv, .xlsx or .pdf), then exit"), N_("OUT") },
  { "paper", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: the paper size, a4, a3, letter, legal, tabloid or ledger"),
    N_("SIZE") },
  { "orientation", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: landscape (the default) or portrait"), N_("ORIENTATION") },
  { "fit", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: scale the matrix to the page width (the default)"), NULL },
  { "tile", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: split the role columns over pages"), NULL },
  { "one-page", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: scale the matrix down to fit one page, to a legible size at most"),
    NULL },
  { "pages-wide", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: scale the matrix down so that the roles take N pages across at "
       "most"), N_("N") },
  { "summary", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: the findings and the workload per role on pages of their own, "
       "first, last or none (the default)"), N_("PLACE") },
  { "descriptions", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: the descriptions of the phases and activities under their names"),
    NULL },
  { "mono", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: black and white, for printers and copiers without colour"), NULL },
  { "only-problems", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: only the activities with a finding that was not waived"), NULL },
  { "row-numbers", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: a number before each activity, to refer to rows by"), NULL },
  { "header", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: a line of text on top of every page"), N_("TEXT") },
  { "footer", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: a line of text at the foot of every page"), N_("TEXT") },
  { "phases", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: only these phases, by id, separated by commas"), N_("ID,…") },
  { "roles", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: only these roles, by id, separated by commas"), N_("ID,…") },
  { "per-person", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: one page per person, their activities, codes and roles, "
       "instead of the matrix"), NULL },
  { "per-role", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to PDF: one page per role, who holds it and its activities, with the "
       "other roles' codes, instead of the matrix"), NULL },
  { "compare", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export to PDF: mark each cell and activity that OTHER changes, for a review "
       "on paper"), N_("OTHER") },
  { "repair", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export: repair what breaks the rules of the format in FILE, and list the repairs"),
    NULL },
  { "strict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --check or --export: fail on a spreadsheet that cannot be read whole"), NULL },
  { "sheet", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --check or --export: the sheet of an .xlsx or .ods workbook to read"), N_("NAME") },
  { "diff", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print every difference between OLD and NEW, one per line, then exit"), NULL },
  { "merge", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Merge BASE, OURS and THEIRS into OURS (or --output), recording conflicts, then exit"),
    NULL },
  { "output", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("With --merge: write the merged project to OUT instead of OURS"), N_("OUT") },
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

/**
 * racimo_cli_add_main_options:
 * @app: the application that parses the command line
 *
 * Adds the options of the racimo program, and the summary that `--help`
 * prints, to @app.  The command line (racimo_cli_run ()) and the window's
 * application parse the same options, so that both accept what the other
 * does.
 */
void
racimo_cli_add_main_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, main_entries);
  g_application_set_option_context_summary (app,
                                            _("Edit RACI matrices: who is Responsible, "
                                              "Accountable, Consulted and Informed."));
}

/**
 * racimo_cli_handle_options:
 * @options: the options parsed by an application to which
 *   racimo_cli_add_main_options () added them
 *
 * Does what `--version`, `--check` or `--export` ask for, with the files
 * named after the options.
 *
 * Returns: the exit status, or -1 when @options ask for none of them and
 *   the program goes on to the window
 */
int
racimo_cli_handle_options (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *export_out = NULL;
  guint n_files;

  g_return_val_if_fail (options != NULL, RACIMO_EXIT_UNREADABLE);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("racimo %s\n", PACKAGE_VERSION);
      return RACIMO_EXIT_OK;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  n_files = files != NULL ? g_strv_length ((char **) files) : 0;
  g_variant_dict_lookup (options, "export", "^&ay", &export_out);

  if (export_out == NULL && g_variant_dict_contains (options, "repair"))
    {
      g_printerr (_("racimo: --repair goes with --export OUT\n"));
      return RACIMO_EXIT_UNREADABLE;
    }

  if (export_out == NULL && g_variant_dict_contains (options, "compare"))
    {
      g_printerr (_("racimo: --compare goes with --export OUT.pdf\n"));
      return RACIMO_EXIT_UNREADABLE;
    }

  if (g_variant_dict_contains (options, "diff") || g_variant_dict_contains (options, "merge"))
    return _racimo_cli_handle_compare (options, files);

  if (g_variant_dict_contains (options, "check"))
    {
      if (export_out != NULL)
        {
          g_printerr (_("racimo: --check and --export cannot be used together\n"));
          return RACIMO_EXIT_UNREADABLE;
        }
      if (n_files == 0)
        {
          g_printerr (_("racimo: --check needs at least one FILE\n"));
          return RACIMO_EXIT_UNREADABLE;
        }
      return racimo_cli_check_with_options (files, options);
    }

  if (export_out != NULL)
    {
      if (n_files != 1)
        {
          g_printerr (_("racimo: --export OUT needs exactly one FILE\n"));
          return RACIMO_EXIT_UNREADABLE;
        }
      return racimo_cli_export (export_out, files[0], options);
    }

  return -1;
}

typedef struct
{
  gboolean wants_window;
} CommandLine;

static int
on_handle_local_options (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  CommandLine *command_line = user_data;
  int status = racimo_cli_handle_options (options);

  if (status >= 0)
    return status;

  /* 0 ends g_application_run () here, before it registers on the session
   * bus: the window's application parses the command line again and does
   * the rest. */
  command_line->wants_window = TRUE;
  return 0;
}

/**
 * racimo_cli_run:
 * @argv: (array length=argc): the program's arguments
 *
 * Parses the command line as the window's application does, with a plain
 * #GApplication, and does `--help`, `--version`, `--check` and `--export`
 * with no display and without GTK: src/main.c loads the window's code only
 * when this returns -1 (see docs/design-targets.md, "Targets and their
 * benchmarks": `racimo --check` as a whole process).
 *
 * Returns: the exit status, or -1 when the command line asks for the
 *   window (no option of racimo-cli.c, files to open, or GApplication's
 *   own options such as `--gapplication-service`)
 */
int
racimo_cli_run (int   argc,
                char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  CommandLine command_line = { FALSE };
  int status;

  /* The same id and flags as the window's application, so that both
   * parse (and print in --help) the same options. */
  app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  racimo_cli_add_main_options (app);
  g_signal_connect (app, "handle-local-options",
                    G_CALLBACK (on_handle_local_options), &command_line);

  status = g_application_run (app, argc, argv);

  return command_line.wants_window ? -1 : status;
}
