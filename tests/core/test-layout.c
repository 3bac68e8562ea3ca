/* test-layout.c: the matrix on paper, read back from the PDF
 *
 * The PDFs are read back with pdftotext (poppler-utils): what a user can
 * select and search in them is what these tests see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "racimo-checks.h"
#include "racimo-differences.h"
#include "racimo-pagination.h"
#include "racimo-pagination-private.h"
#include "racimo-person-pages.h"
#include "racimo-templates.h"
#include "racimo-test-pdf.h"
#include "racimo-workload.h"

#define BIT RACIMO_CODE_BIT

/* For LeakSanitizer: fontconfig keeps its configuration until exit by
 * design, and cairo 1.16 loses an array each time it embeds a CFF font
 * (Noto Sans CJK, for the Japanese names) while finishing a PDF.  What
 * leaks in Racimo's own code, cairo objects included, is still reported:
 * those are allocated when they are made, not in cairo_surface_finish(). */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

/* Without frame pointers in cairo, the fast unwinder stops inside it and
 * the suppression above could not see cairo_surface_finish(). */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n"
         "leak:cairo_surface_finish\n";
}

static const char * const ml_activities[] = {
  "Define the business case and KPIs", "Map the customer journey", "Plan the project and the team",
  "Sign the data access agreement", "Collect and label the data",
  "Build the data pipeline and quality checks", "Implement the first model",
  "Make training reproducible", "Evaluate the model against the KPIs",
  "Test the predictions with users", "Build the retraining pipeline",
  "Version models in a registry", "Set up monitoring and drift detection",
  "Serve the model behind an API", "Integrate the model into the application",
  "Set up infrastructure and access control", "Release to production",
  "Respond to incidents and drift alerts", "Review the results with the customer",
};

static const char * const ml_roles[][2] = {
  { "AM", "Account manager" }, { "UX", "UX designer" }, { "DS", "Data scientist" },
  { "PEM", "Project engineering manager" }, { "MLE", "ML engineer" },
  { "MLOps", "MLOps engineer" }, { "AE", "Application engineer" },
  { "IE", "Infrastructure engineer" },
};

#define JA_ROLE "データサイエンティスト"
#define JA_PERSON "佐藤花子"
#define JA_ACTIVITY "モデルを本番環境にデプロイする"

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext is not installed (apt-get install poppler-utils)");

  return path != NULL;
}

/* One space for every run of white space: a name that wraps onto two
 * lines on paper is still found. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static void
export_to (RacimoProject             *project,
           const RacimoPaginationOptions *options,
           const char                *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (racimo_pagination_export_pdf (project, path, options, NULL, &error));
  g_assert_no_error (error);
}

static GStrv
export_pages (RacimoProject             *project,
              const RacimoPaginationOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-layout-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  GStrv pages;

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "matrix.pdf", NULL);
  export_to (project, options, pdf);
  pages = racimo_test_pdf_get_pages (pdf);
  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return pages;
}

#define assert_has(text, needle) \
  assert_has_impl (__FILE__, __LINE__, G_STRFUNC, (text), (needle), TRUE)
#define assert_has_not(text, needle) \
  assert_has_impl (__FILE__, __LINE__, G_STRFUNC, (text), (needle), FALSE)

static void
assert_has_impl (const char *file,
                 int         line,
                 const char *func,
                 const char *text,
                 const char *needle,
                 gboolean    present)
{
  g_autofree char *squeezed = squeeze (needle);

  if ((strstr (text, squeezed) != NULL) != present)
    {
      g_autofree char *message = g_strdup_printf ("“%s” is %s the text: %s", squeezed,
                                                  present ? "not in" : "in", text);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }
}

static char *
join_pages (GStrv pages)
{
  return g_strjoinv (" ", pages);
}

/* An option refused with @message, as the command line shows it; clears
 * @error for the next call. */
static void
assert_bad_value (GError    **error,
                  const char *message)
{
  g_assert_error (*error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
}

static RacimoPaginationOptions *
options_new (const char *paper,
             const char *orientation,
             const char *fit)
{
  g_autoptr(GError) error = NULL;
  RacimoPaginationOptions *options = racimo_pagination_options_new ();

  racimo_pagination_options_parse_paper (options, paper, &error);
  g_assert_no_error (error);
  racimo_pagination_options_parse_orientation (options, orientation, &error);
  g_assert_no_error (error);
  racimo_pagination_options_parse_fit (options, fit, &error);
  g_assert_no_error (error);

  return options;
}

static RacimoProject *
ml_template_new (void)
{
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_templates_create ("ml-system-deployment", &error);

  g_assert_no_error (error);

  return project;
}

/* 40 roles (the third one Japanese), @n_phases phases of @per_phase
 * activities, about a third of the cells set, one owner per activity but
 * for a few: one with none, one with two, one that does not apply. */
static RacimoProject *
wide_project_new (guint n_phases,
                  guint per_phase)
{
  RacimoProject *project = racimo_project_new ();
  RacimoHistory *history = racimo_project_get_history (project);
  static const char others[] = "RCI";
  guint a = 0;

  racimo_history_begin (history, NULL);
  racimo_project_set_title (project, "Forty roles");
  for (guint r = 0; r < 40; r++)
    {
      g_autofree char *name = g_strdup_printf ("Specialist number %u", r + 1);
      g_autofree char *abbrev = g_strdup_printf ("S%u", r + 1);

      if (r == 2)
        {
          RacimoRole *role = racimo_project_add_role (project, -1, JA_ROLE, "DS");

          racimo_project_set_role_person (project, role, JA_PERSON);
        }
      else
        racimo_project_add_role (project, -1, name, abbrev);
    }

  for (guint p = 0; p < n_phases; p++)
    {
      g_autofree char *phase_name = g_strdup_printf ("Stage %u", p + 1);
      RacimoPhase *phase = racimo_project_add_phase (project, -1, phase_name);

      for (guint i = 0; i < per_phase; i++, a++)
        {
          g_autofree char *name = a == 3 ? g_strdup (JA_ACTIVITY)
                                         : g_strdup_printf ("Review the design of part %u", a + 1);
          RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, name);

          for (guint r = 0; r < 40; r++)
            {
              RacimoCodes codes = 0;

              if (r == a % 40 && a != 5)
                codes |= BIT ('A');
              if (r == (a + 7) % 40 && a == 6)
                codes |= BIT ('A');
              if ((a + r) % 3 == 0)
                codes |= BIT (others[(a * r) % 3]);
              if (codes != 0)
                racimo_project_set_codes (project, activity, racimo_project_get_role (project, r),
                                          codes);
            }
          if (a == 8)
            racimo_project_set_applicable (project, activity, FALSE);
        }
    }
  racimo_history_end (history);

  return project;
}

static void
test_options_parse (void)
{
  g_autoptr(RacimoPaginationOptions) options = racimo_pagination_options_new ();
  g_autoptr(RacimoPaginationOptions) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *phases[] = { "data", "mlops", NULL };
  double width, height;

  /* Landscape, fit to width, by default */
  g_assert_cmpint (options->orientation, ==, RACIMO_PAGINATION_LANDSCAPE);
  g_assert_cmpint (options->fit, ==, RACIMO_PAGINATION_FIT_WIDTH);
  g_assert_false (options->summary);
  g_assert_false (options->descriptions);
  g_assert_null (options->phases);

  g_assert_true (racimo_pagination_options_parse_paper (options, "A3", &error));
  g_assert_no_error (error);
  racimo_pagination_options_get_page_size (options, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 420 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 297 * 72 / 25.4, 0.01);

  g_assert_true (racimo_pagination_options_parse_orientation (options, "portrait", &error));
  g_assert_true (racimo_pagination_options_parse_paper (options, "letter", &error));
  racimo_pagination_options_get_page_size (options, &width, &height);
  g_assert_cmpfloat (width, ==, 612.0);
  g_assert_cmpfloat (height, ==, 792.0);
  g_assert_true (racimo_pagination_options_parse_paper (options, "legal", &error));
  /* 11 x 17 inches, by either name */
  g_assert_true (racimo_pagination_options_parse_paper (options, "Tabloid", &error));
  racimo_pagination_options_get_page_size (options, &width, &height);
  g_assert_cmpfloat (width, ==, 792.0);
  g_assert_cmpfloat (height, ==, 1224.0);
  g_assert_true (racimo_pagination_options_parse_paper (options, "ledger", &error));
  racimo_pagination_options_get_page_size (options, &width, &height);
  g_assert_cmpfloat (width, ==, 792.0);
  g_assert_cmpfloat (height, ==, 1224.0);
  g_assert_cmpstr (racimo_pagination_options_get_paper_name (options), ==, "tabloid");
  g_assert_true (racimo_pagination_options_parse_paper (options, "a4", &error));
  g_assert_cmpstr (racimo_pagination_options_get_paper_name (options), ==, "a4");
  /* What the print dialog's page setup gives, in points rounded */
  options->paper_width = 595.0;
  options->paper_height = 842.0;
  g_assert_cmpstr (racimo_pagination_options_get_paper_name (options), ==, "a4");
  options->paper_width = 420.0;
  g_assert_null (racimo_pagination_options_get_paper_name (options));
  g_assert_true (racimo_pagination_options_parse_paper (options, "a4", &error));
  g_assert_true (racimo_pagination_options_parse_fit (options, "tile", &error));
  g_assert_cmpint (options->fit, ==, RACIMO_PAGINATION_TILE);
  g_assert_true (racimo_pagination_options_parse_fit (options, "fit", &error));
  g_assert_cmpint (options->fit, ==, RACIMO_PAGINATION_FIT_WIDTH);
  g_assert_no_error (error);

  g_assert_false (racimo_pagination_options_parse_paper (options, "b5", &error));
  assert_bad_value (&error,
                    "Unknown paper size “b5”: use a4, a3, letter, legal, tabloid or ledger");
  g_assert_false (racimo_pagination_options_parse_orientation (options, "sideways", &error));
  g_assert_cmpstr (error->message, ==,
                   "Unknown orientation “sideways”: use landscape or portrait");
  g_clear_error (&error);
  g_assert_false (racimo_pagination_options_parse_fit (options, "shrink", &error));
  g_assert_cmpstr (error->message, ==, "Unknown page fitting “shrink”: use fit or tile");
  g_clear_error (&error);

  /* A failed parse changes nothing */
  racimo_pagination_options_get_page_size (options, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 210 * 72 / 25.4, 0.01);

  options->phases = g_strdupv ((char **) phases);
  copy = racimo_pagination_options_copy (options);
  g_assert_true (copy->phases != options->phases);
  g_assert_cmpstrv (copy->phases, phases);
  g_assert_cmpint (copy->orientation, ==, RACIMO_PAGINATION_PORTRAIT);
}

/* The choices the window remembers per file, there and back. */
static void
test_options_variant (void)
{
  g_autoptr(RacimoPaginationOptions) options = racimo_pagination_options_new ();
  g_autoptr(RacimoPaginationOptions) back = racimo_pagination_options_new ();
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) bad = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (racimo_pagination_options_parse_paper (options, "a3", &error));
  g_assert_true (racimo_pagination_options_parse_orientation (options, "portrait", &error));
  g_assert_true (racimo_pagination_options_parse_fit (options, "tile", &error));
  g_assert_true (racimo_pagination_options_parse_summary (options, "first", &error));
  g_assert_true (racimo_pagination_options_parse_phases (options, "data,mlops", &error));
  g_assert_true (racimo_pagination_options_parse_roles (options, "ux-designer", &error));
  g_assert_no_error (error);
  options->mono = options->only_problems = options->descriptions = TRUE;
  options->header = g_strdup ("Steering committee");
  options->pages_wide = 3;

  back->footer = g_strdup ("Left from before");
  variant = g_variant_ref_sink (racimo_pagination_options_to_variant (options));
  racimo_pagination_options_apply_variant (back, variant);
  g_assert_cmpfloat (back->paper_width, ==, options->paper_width);
  g_assert_cmpfloat (back->paper_height, ==, options->paper_height);
  g_assert_cmpint (back->orientation, ==, RACIMO_PAGINATION_PORTRAIT);
  g_assert_cmpint (back->fit, ==, RACIMO_PAGINATION_TILE);
  g_assert_true (back->summary && back->summary_first);
  g_assert_cmpstrv (back->phases, ((const char *[]) { "data", "mlops", NULL }));
  g_assert_cmpstrv (back->roles, ((const char *[]) { "ux-designer", NULL }));
  g_assert_true (back->mono && back->only_problems && back->descriptions);
  g_assert_cmpstr (back->header, ==, "Steering committee");
  g_assert_cmpuint (back->pages_wide, ==, 3);
  /* No footer chosen: none, whatever there was */
  g_assert_null (back->footer);

  /* What a settings file edited by hand may hold: the wrong types and a
   * paper no printer has change nothing */
  bad = g_variant_ref_sink (g_variant_new_parsed ("{'paper-width': <1.0>, "
                                                  "'paper-height': <1.0>, "
                                                  "'tile': <'yes'>, 'summary': <'middle'>}"));
  racimo_pagination_options_apply_variant (back, bad);
  g_assert_cmpfloat (back->paper_width, ==, options->paper_width);
  g_assert_cmpint (back->fit, ==, RACIMO_PAGINATION_TILE);
  g_assert_true (back->summary && back->summary_first);
  /* ... but without a list of phases or roles, every one */
  g_assert_null (back->phases);
  g_assert_null (back->roles);
}

/* The ML template on one landscape A4 page, with everything a reader
 * needs to read it. */
static void
test_ml_template (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPagination) layout = NULL;
  g_auto(GStrv) pages = NULL;

  layout = racimo_pagination_new (project, options);
  g_assert_cmpuint (racimo_pagination_get_n_pages (layout), ==, 1);
  g_assert_cmpuint (racimo_pagination_get_n_across (layout), ==, 1);
  g_assert_cmpfloat (racimo_pagination_get_scale (layout), ==, 1.0);

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "ML system deployment");
  assert_has (pages[0], "Activity");
  for (guint i = 0; i < G_N_ELEMENTS (ml_activities); i++)
    assert_has (pages[0], ml_activities[i]);
  for (guint i = 0; i < G_N_ELEMENTS (ml_roles); i++)
    {
      assert_has (pages[0], ml_roles[i][0]);
      assert_has (pages[0], ml_roles[i][1]);
    }
  for (const char *phase = "Requirements\0Data\0Modeling\0Evaluation\0MLOps\0Integration\0"
                           "Operations\0"; *phase != '\0'; phase += strlen (phase) + 1)
    assert_has (pages[0], phase);
  /* The legend: the scheme's codes with their names */
  assert_has (pages[0], "R Responsible");
  assert_has (pages[0], "A Accountable");
  assert_has (pages[0], "C Consulted");
  assert_has (pages[0], "I Informed");
  assert_has (pages[0], "Page 1 of 1");
  /* Every activity has one owner: nothing to mark, nothing in the legend */
  assert_has_not (pages[0], "No owner");
  assert_has_not (pages[0], "(continued)");
}

/* Each option's page count for the ML template. */
static void
test_ml_template_options (void)
{
  static const struct
  {
    const char *paper;
    const char *orientation;
    const char *fit;
    gboolean    summary;
    guint       n_pages;
  } cases[] = {
    { "a4",     "landscape", "fit",  FALSE, 1 },
    { "a4",     "portrait",  "fit",  FALSE, 1 },
    { "a4",     "landscape", "tile", FALSE, 1 },
    { "a3",     "landscape", "fit",  FALSE, 1 },
    { "letter", "landscape", "fit",  FALSE, 1 },
    { "legal",  "portrait",  "tile", FALSE, 1 },
    { "a4",     "landscape", "fit",  TRUE,  2 },
  };
  g_autoptr(RacimoProject) project = ml_template_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RacimoPaginationOptions) options = options_new (cases[i].paper,
                                                            cases[i].orientation, cases[i].fit);
      g_autoptr(RacimoPagination) layout = NULL;

      g_test_message ("%s %s %s%s", cases[i].paper, cases[i].orientation, cases[i].fit,
                      cases[i].summary ? " with summary" : "");
      options->summary = cases[i].summary;
      layout = racimo_pagination_new (project, options);
      g_assert_cmpuint (racimo_pagination_get_n_pages (layout), ==, cases[i].n_pages);

      if (have_pdftotext ())
        {
          g_auto(GStrv) pages = export_pages (project, options);
          g_autofree char *all = join_pages (pages);

          g_assert_cmpuint (g_strv_length (pages), ==, cases[i].n_pages);
          for (guint a = 0; a < G_N_ELEMENTS (ml_activities); a++)
            assert_has (all, ml_activities[a]);
        }
    }
}

/* --summary first: the summary's page before the matrix's, numbered in
 * that order; none: no summary at all. */
static void
test_summary_place (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;

  g_assert_true (racimo_pagination_options_parse_summary (options, "First", &error));
  g_assert_no_error (error);
  g_assert_true (options->summary);
  g_assert_true (options->summary_first);
  g_assert_false (racimo_pagination_options_parse_summary (options, "middle", &error));
  assert_bad_value (&error, "Unknown summary place “middle”: use first, last or none");
  /* A bad value changes nothing */
  g_assert_true (options->summary_first);

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  assert_has (pages[0], "Summary");
  assert_has (pages[0], "Workload per role");
  assert_has (pages[0], "Page 1 of 2");
  assert_has_not (pages[0], "R Responsible");
  assert_has (pages[1], "Define the business case and KPIs");
  assert_has (pages[1], "R Responsible");
  assert_has (pages[1], "Page 2 of 2");
  assert_has_not (pages[1], "Workload per role");

  g_assert_true (racimo_pagination_options_parse_summary (options, "last", &error));
  g_strfreev (pages);
  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  assert_has (pages[0], "Define the business case and KPIs");
  assert_has (pages[1], "Workload per role");

  g_assert_true (racimo_pagination_options_parse_summary (options, "none", &error));
  g_assert_false (options->summary);
  g_strfreev (pages);
  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has_not (pages[0], "Workload per role");
}

static void
test_ml_template_summary (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_auto(GStrv) pages = NULL;

  if (!have_pdftotext ())
    return;

  options->summary = TRUE;
  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  assert_has (pages[1], "ML system deployment");
  assert_has (pages[1], "Summary");
  assert_has (pages[1], "Errors: 0 · Warnings: 0 · Waived: 0");
  assert_has (pages[1], "No problems found.");
  assert_has (pages[1], "Workload per role");
  assert_has (pages[1], "Role R A C I Activities");
  /* The account manager is R on 2 activities, A on 4, C on 3, I on 6, and
   * holds a code in 13 */
  assert_has (pages[1], "AM Account manager 2 4 3 6 13");
  for (guint i = 0; i < G_N_ELEMENTS (ml_roles); i++)
    assert_has (pages[1], ml_roles[i][1]);
  assert_has (pages[1], "Page 2 of 2");
  assert_has (pages[0], "Page 1 of 2");
  /* No legend on the summary */
  assert_has_not (pages[1], "Consulted");
}

/* The summary counts a role's workload as racimo-workload.c does, which
 * the role details and the matrix's workload row show too: an activity
 * that does not apply leaves the account manager's numbers. */
static void
test_ml_template_summary_not_applicable (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  RacimoRole *am = racimo_project_get_role (project, 0);
  g_auto(GStrv) pages = NULL;
  g_autofree char *line = NULL;
  RacimoWorkload workload;
  gboolean marked = FALSE;

  if (!have_pdftotext ())
    return;

  g_assert_cmpstr (racimo_role_get_abbrev (am), ==, "AM");
  for (guint p = 0; p < racimo_project_get_n_phases (project) && !marked; p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      for (guint a = 0; a < racimo_phase_get_n_activities (phase) && !marked; a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);

          if (racimo_activity_get_codes (activity, am) & BIT ('I'))
            {
              racimo_project_set_applicable (project, activity, FALSE);
              marked = TRUE;
            }
        }
    }
  racimo_workload_count_role (project, am, &workload);
  g_assert_cmpuint (racimo_workload_get_count (&workload, 'I'), ==, 5);
  g_assert_cmpuint (workload.n_activities, ==, 12);

  options->summary = TRUE;
  pages = export_pages (project, options);
  line = g_strdup_printf ("AM Account manager %u %u %u %u %u",
                          racimo_workload_get_count (&workload, 'R'),
                          racimo_workload_get_count (&workload, 'A'),
                          racimo_workload_get_count (&workload, 'C'),
                          racimo_workload_get_count (&workload, 'I'),
                          workload.n_activities);
  assert_has (pages[g_strv_length (pages) - 1], line);
}

static void
test_ml_template_descriptions (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  const char *description = "Agree with the customer on the problem, the expected value and how "
                            "success is measured.";

  if (!have_pdftotext ())
    return;

  {
    g_auto(GStrv) pages = export_pages (project, options);
    g_autofree char *all = join_pages (pages);

    assert_has_not (all, description);
  }

  options->descriptions = TRUE;
  {
    g_auto(GStrv) pages = export_pages (project, options);
    g_autofree char *all = join_pages (pages);

    assert_has (all, description);
    assert_has (all, "Page 1 of");
    for (guint a = 0; a < G_N_ELEMENTS (ml_activities); a++)
      assert_has (all, ml_activities[a]);
  }
}

static void
test_ml_template_phases (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;

  /* As --phases gives them; ids the project lacks are found once it is
   * read */
  g_assert_false (racimo_pagination_options_parse_phases (options, "data,", &error));
  assert_bad_value (&error, "An empty phase id in “data,”: give phase ids separated by commas");
  g_assert_false (racimo_pagination_options_parse_phases (options, "", &error));
  g_clear_error (&error);
  g_assert_null (options->phases);
  g_assert_true (racimo_pagination_options_parse_phases (options, "data,later", &error));
  g_assert_false (racimo_pagination_options_check_project (options, project, &error));
  assert_bad_value (&error, "The project has no phase with the id “later”");
  g_assert_true (racimo_pagination_options_parse_phases (options, "data, operations", &error));
  g_assert_true (racimo_pagination_options_check_project (options, project, &error));
  g_assert_no_error (error);

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "Data Sign the data access agreement");
  assert_has (pages[0], "Build the data pipeline and quality checks");
  assert_has (pages[0], "Operations Release to production");
  assert_has_not (pages[0], "Requirements");
  assert_has_not (pages[0], "Define the business case and KPIs");
  assert_has_not (pages[0], "Serve the model behind an API");
  /* Still every role */
  for (guint i = 0; i < G_N_ELEMENTS (ml_roles); i++)
    assert_has (pages[0], ml_roles[i][1]);
}

static void
test_ml_template_roles (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPaginationOptions) copy = NULL;
  g_autoptr(RacimoPagination) all = NULL;
  g_autoptr(RacimoPagination) two = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;

  /* As --roles gives them; ids the project lacks are found once it is
   * read */
  g_assert_false (racimo_pagination_options_parse_roles (options, ",ux-designer", &error));
  assert_bad_value (&error,
                    "An empty role id in “,ux-designer”: give role ids separated by commas");
  g_assert_false (racimo_pagination_options_parse_roles (options, "", &error));
  g_clear_error (&error);
  g_assert_null (options->roles);
  g_assert_true (racimo_pagination_options_parse_roles (options, "ux-designer,cfo", &error));
  g_assert_false (racimo_pagination_options_check_project (options, project, &error));
  assert_bad_value (&error, "The project has no role with the id “cfo”");
  /* In the project's order, whatever the order given */
  g_assert_true (racimo_pagination_options_parse_roles (options, "ml-engineer, ux-designer",
                                                        &error));
  g_assert_true (racimo_pagination_options_check_project (options, project, &error));
  g_assert_no_error (error);
  copy = racimo_pagination_options_copy (options);
  g_assert_true (copy->roles != options->roles);
  g_assert_cmpstrv (copy->roles, ((const char *[]) { "ml-engineer", "ux-designer", NULL }));

  /* Two columns are wider than eight: the matrix grows back to full size */
  all = racimo_pagination_new (project, NULL);
  two = racimo_pagination_new (project, options);
  g_assert_cmpfloat (racimo_pagination_get_scale (two), >=, racimo_pagination_get_scale (all));
  g_assert_cmpuint (racimo_pagination_get_n_across (two), ==, 1);

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "UX designer");
  assert_has (pages[0], "ML engineer");
  assert_has_not (pages[0], "Account manager");
  assert_has_not (pages[0], "Infrastructure engineer");
  assert_has_not (pages[0], "MLOps engineer");
  /* Still every activity */
  for (guint a = 0; a < G_N_ELEMENTS (ml_activities); a++)
    assert_has (pages[0], ml_activities[a]);
}

/* Row numbers: each activity printed, counted, before its name */
static void
test_row_numbers (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPagination) plain = racimo_pagination_new (project, options);
  g_autoptr(RacimoPagination) numbered = NULL;
  g_auto(GStrv) pages = NULL;

  options->row_numbers = TRUE;
  numbered = racimo_pagination_new (project, options);
  g_assert_cmpfloat (numbered->gutter, >, plain->gutter);

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "1 Define the business case and KPIs");
  assert_has (pages[0], "2 Map the customer journey");
  assert_has (pages[0], "4 Sign the data access agreement");
  {
    guint n = G_N_ELEMENTS (ml_activities);
    g_autofree char *last = g_strdup_printf ("%u %s", n, ml_activities[n - 1]);

    assert_has (pages[0], last);
  }
}

/* As the grid shows it: a collapsed phase prints its header, saying how
 * many activities it leaves out. */
static void
test_ml_template_collapsed (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPaginationOptions) copy = NULL;
  g_auto(GStrv) pages = NULL;

  options->collapsed = g_strdupv ((char **) (const char *[]) { "data", NULL });
  copy = racimo_pagination_options_copy (options);
  g_assert_cmpstrv (copy->collapsed, ((const char *[]) { "data", NULL }));

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "Data (3 activities not shown)");
  assert_has_not (pages[0], "Sign the data access agreement");
  assert_has_not (pages[0], "Build the data pipeline and quality checks");
  assert_has (pages[0], "Requirements");
  assert_has (pages[0], "Define the business case and KPIs");
  assert_has (pages[0], "Operations Release to production");
}

/* The PDF of the wide project as text: @n pages, each with its number,
 * the title, the header and the legend. */
static GStrv
export_wide_pages (RacimoProject                 *project,
                   const RacimoPaginationOptions *options,
                   guint                          n)
{
  GStrv pages = export_pages (project, options);

  g_assert_cmpuint (g_strv_length (pages), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n);

      assert_has (pages[i], number);
      assert_has (pages[i], "Forty roles");
      assert_has (pages[i], "Activity");
      assert_has (pages[i], "R Responsible");
    }

  return pages;
}

/* 40 roles on A3: all of them on every page, at full size. */
/* Grown to fill the page's width, no more than 1.5 times full size */
static void
assert_grown (RacimoPagination *layout)
{
  double used = (layout->activity_width + layout->roles_per_page * layout->column_width)
                * layout->scale / layout->content_width;

  g_test_message ("scale %.3f, %.1f%% of the width", layout->scale, 100 * used);
  g_assert_cmpfloat (racimo_pagination_get_scale (layout), >, 1.0);
  g_assert_cmpfloat (racimo_pagination_get_scale (layout), <=, 1.5);
  g_assert_cmpfloat (used, >, 0.95);
  g_assert_cmpfloat (used, <=, 1.0 + 1e-6);
}

/* On larger paper than A4 the matrix grows to fill the width, fitted to
 * the width or to one page; on A4, tiled or on smaller paper it does not. */
static void
test_grow (void)
{
  g_autoptr(RacimoProject) ml = ml_template_new ();
  g_autoptr(RacimoProject) wide = wide_project_new (1, 12);
  const char *papers[] = { "a3", "tabloid", "ledger" };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    for (guint one_page = 0; one_page <= 1; one_page++)
      {
        g_autoptr(RacimoPaginationOptions) options = options_new (papers[i], "landscape", "fit");
        g_autoptr(RacimoPagination) layout = NULL;

        g_test_message ("%s%s", papers[i], one_page ? ", one page" : "");
        options->one_page = one_page;
        layout = racimo_pagination_new (wide, options);
        assert_grown (layout);
        g_assert_cmpuint (racimo_pagination_get_n_pages (layout), ==, 1);
        g_clear_object (&layout);
        layout = racimo_pagination_new (ml, options);
        assert_grown (layout);
      }

  {
    g_autoptr(RacimoProject) tall = wide_project_new (2, 16);
    g_autoptr(RacimoPaginationOptions) a3 = options_new ("a3", "landscape", "fit");
    g_autoptr(RacimoPaginationOptions) a4 = options_new ("a4", "landscape", "fit");
    g_autoptr(RacimoPaginationOptions) tile = options_new ("a3", "landscape", "tile");
    g_autoptr(RacimoPaginationOptions) letter = options_new ("letter", "landscape", "fit");
    g_autoptr(RacimoPagination) layout = racimo_pagination_new (ml, a4);

    g_assert_cmpfloat (racimo_pagination_get_scale (layout), ==, 1.0);
    g_clear_object (&layout);

    /* Grown, then smaller again until the rows fit one page */
    a3->one_page = TRUE;
    layout = racimo_pagination_new (tall, a3);
    g_test_message ("tall on one page: %u pages at %.3f", racimo_pagination_get_n_pages (layout),
                    racimo_pagination_get_scale (layout));
    g_assert_cmpuint (racimo_pagination_get_n_pages (layout), ==, 1);
    g_assert_true (racimo_pagination_get_fitted (layout));
    g_assert_cmpfloat (racimo_pagination_get_scale (layout), >, 1.0);
    g_assert_cmpfloat (racimo_pagination_get_scale (layout), <, 1.18);
    g_clear_object (&layout);

    layout = racimo_pagination_new (ml, tile);
    g_assert_cmpfloat (racimo_pagination_get_scale (layout), ==, 1.0);
    g_clear_object (&layout);
    layout = racimo_pagination_new (ml, letter);
    g_assert_cmpfloat (racimo_pagination_get_scale (layout), ==, 1.0);
  }
}

static void
test_wide_a3 (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (6, 20);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a3", "landscape", "fit");
  g_autoptr(RacimoPagination) layout = racimo_pagination_new (project, options);
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;

  g_assert_cmpuint (racimo_pagination_get_n_across (layout), ==, 1);
  g_assert_cmpuint (racimo_pagination_get_n_pages (layout), >=, 2);
  assert_grown (layout);

  if (!have_pdftotext ())
    return;

  pages = export_wide_pages (project, options, racimo_pagination_get_n_pages (layout));
  for (guint i = 0; pages[i] != NULL; i++)
    {
      /* The header row on every page */
      for (guint r = 0; r < 40; r++)
        {
          g_autofree char *name = g_strdup_printf ("S%u Specialist number %u", r + 1, r + 1);

          if (r == 2)
            assert_has (pages[i], "DS " JA_ROLE " · " JA_PERSON);
          else
            assert_has (pages[i], name);
        }
    }

  all = join_pages (pages);
  for (guint a = 0; a < 120; a++)
    {
      g_autofree char *name = g_strdup_printf ("Review the design of part %u ", a + 1);

      if (a == 3)
        assert_has (all, JA_ACTIVITY);
      else
        assert_has (all, name);
    }
  /* The marks, and what they mean */
  assert_has (all, "⚠ Review the design of part 6 ");
  assert_has (all, "‼ Review the design of part 7 ");
  assert_has (all, "⚠ No owner");
  assert_has (all, "‼ Several owners");
  assert_has (all, "Does not apply");
  /* A phase cut by a page break goes on under its header */
  assert_has (pages[1], "(continued)");
}

/* The same on A4 landscape fits by scaling down, not tiling. */
static void
test_wide_a4_fit (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (6, 20);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPagination) layout = racimo_pagination_new (project, options);
  g_auto(GStrv) pages = NULL;

  g_assert_cmpuint (racimo_pagination_get_n_across (layout), ==, 1);
  g_assert_cmpfloat (racimo_pagination_get_scale (layout), <, 1.0);
  g_assert_cmpfloat (racimo_pagination_get_scale (layout), >=, 6.0 / 9.0);

  if (!have_pdftotext ())
    return;

  pages = export_wide_pages (project, options, racimo_pagination_get_n_pages (layout));
  for (guint i = 0; pages[i] != NULL; i++)
    {
      assert_has (pages[i], "S1 Specialist number 1");
      assert_has (pages[i], "S40 Specialist number 40");
      assert_has_not (pages[i], "Roles 1–");
    }
}

#define LONG_ROLE \
  "Quality Marketing Support officer (EMEA and Asia-Pacific regions, all product lines and " \
  "services)"

/* Tiled, a long role name without an abbreviation, read sideways, goes on
 * more lines across a wider column instead of being cut; fitted to the
 * width it is cut, as before. */
static void
test_tile_long_role (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (1, 5);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "tile");
  g_autoptr(RacimoPaginationOptions) fit = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPagination) tiled = NULL;
  g_autoptr(RacimoPagination) fitted = NULL;
  RacimoRole *role = racimo_project_get_role (project, 5);
  PangoLayout *layout;

  racimo_project_set_role_abbrev (project, role, "");
  racimo_project_rename (project, RACIMO_ITEM (role), LONG_ROLE);

  /* A PDF's text holds the whole name even where it is cut (the ellipsis
   * stands for the rest), so the laid out header is what tells. */
  tiled = racimo_pagination_new (project, options);
  g_assert_true (tiled->rotated);
  layout = tiled->roles[5].rotated->layout;
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
  g_assert_cmpint (pango_layout_get_line_count (layout), <=, 3);
  g_assert_cmpfloat (tiled->column_width, >=, tiled->roles[5].rotated->height);

  fitted = racimo_pagination_new (project, fit);
  g_assert_true (fitted->rotated);
  layout = fitted->roles[5].rotated->layout;
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
}

/* One page: smaller until the rows fit too, no smaller than 6 pt; past
 * that, said, and on as many pages as the matrix needs. */
static void
test_one_page (void)
{
  g_autoptr(RacimoProject) some = wide_project_new (2, 14);
  g_autoptr(RacimoProject) many = wide_project_new (6, 20);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPagination) plain = racimo_pagination_new (some, options);
  g_autoptr(RacimoPagination) one = NULL;
  g_autoptr(RacimoPagination) too_many = NULL;
  g_autoptr(GVariant) variant = NULL;

  g_test_message ("plain: %u pages at %.3f", racimo_pagination_get_n_pages (plain),
                  racimo_pagination_get_scale (plain));
  g_assert_cmpuint (racimo_pagination_get_n_pages (plain), >, 1);
  g_assert_true (racimo_pagination_get_fitted (plain));

  options->one_page = TRUE;
  one = racimo_pagination_new (some, options);
  g_test_message ("one page: %u pages at %.3f", racimo_pagination_get_n_pages (one),
                  racimo_pagination_get_scale (one));
  g_assert_cmpuint (racimo_pagination_get_n_pages (one), ==, 1);
  g_assert_true (racimo_pagination_get_fitted (one));
  g_assert_cmpfloat (racimo_pagination_get_scale (one), <, racimo_pagination_get_scale (plain));
  g_assert_cmpfloat (racimo_pagination_get_scale (one), >=, 6.0 / 9.0 - 1e-9);

  too_many = racimo_pagination_new (many, options);
  g_test_message ("too many: %u pages at %.3f", racimo_pagination_get_n_pages (too_many),
                  racimo_pagination_get_scale (too_many));
  g_assert_false (racimo_pagination_get_fitted (too_many));
  g_assert_cmpuint (racimo_pagination_get_n_pages (too_many), >, 1);
  {
    g_autofree char *notice = racimo_pagination_dup_fit_notice (too_many);
    g_autofree char *expected = g_strdup_printf ("The matrix does not fit on one page at a "
                                                 "legible size; it is printed on %u pages",
                                                 racimo_pagination_get_n_pages (too_many));

    g_assert_cmpstr (notice, ==, expected);
    g_clear_pointer (&notice, g_free);
    notice = racimo_pagination_dup_fit_notice (one);
    g_assert_null (notice);
  }
  g_assert_cmpfloat_with_epsilon (racimo_pagination_get_scale (too_many), 6.0 / 9.0, 1e-6);

  /* Tiling asked for too: one page wins */
  options->fit = RACIMO_PAGINATION_TILE;
  g_clear_object (&one);
  one = racimo_pagination_new (some, options);
  g_assert_cmpuint (racimo_pagination_get_n_pages (one), ==, 1);

  variant = g_variant_ref_sink (racimo_pagination_options_to_variant (options));
  options->one_page = FALSE;
  racimo_pagination_options_apply_variant (options, variant);
  g_assert_true (options->one_page);

  if (!have_pdftotext ())
    return;

  {
    g_auto(GStrv) pages = export_pages (some, options);

    g_assert_cmpuint (g_strv_length (pages), ==, 1);
    assert_has (pages[0], "Page 1 of 1");
    assert_has (pages[0], "S40 Specialist number 40");
  }
}

/* N pages wide: the roles scaled down to take no more pages across. */
static void
test_pages_wide (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (2, 5);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "tile");
  g_autoptr(RacimoPagination) tiled = racimo_pagination_new (project, options);
  g_autoptr(RacimoPagination) two = NULL;
  g_autoptr(RacimoPagination) one = NULL;
  g_autoptr(RacimoPagination) landscape = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("tiled: %u across", racimo_pagination_get_n_across (tiled));
  g_assert_cmpuint (racimo_pagination_get_n_across (tiled), >, 2);

  g_assert_false (racimo_pagination_options_parse_pages_wide (options, "0", &error));
  assert_bad_value (&error, "Pages wide “0” is not a whole number from 1 to 100");
  g_assert_false (racimo_pagination_options_parse_pages_wide (options, "two", &error));
  g_clear_error (&error);
  g_assert_false (racimo_pagination_options_parse_pages_wide (options, "-1", &error));
  g_clear_error (&error);
  g_assert_cmpuint (options->pages_wide, ==, 0);

  g_assert_true (racimo_pagination_options_parse_pages_wide (options, "2", &error));
  g_assert_no_error (error);
  two = racimo_pagination_new (project, options);
  g_test_message ("two: %u across at %.3f", racimo_pagination_get_n_across (two),
                  racimo_pagination_get_scale (two));
  g_assert_cmpuint (racimo_pagination_get_n_across (two), ==, 2);
  g_assert_true (racimo_pagination_get_fitted (two));
  g_assert_cmpfloat (racimo_pagination_get_scale (two), <, 1.0);

  /* Forty roles do not go on one upright A4 page at 6 pt: said, and tiled */
  g_assert_true (racimo_pagination_options_parse_pages_wide (options, "1", &error));
  one = racimo_pagination_new (project, options);
  g_test_message ("one: %u across at %.3f", racimo_pagination_get_n_across (one),
                  racimo_pagination_get_scale (one));
  g_assert_false (racimo_pagination_get_fitted (one));
  g_assert_cmpuint (racimo_pagination_get_n_across (one), >, 1);
  {
    g_autofree char *notice = racimo_pagination_dup_fit_notice (one);
    g_autofree char *expected = g_strdup_printf ("The roles do not fit on 1 page across at a "
                                                 "legible size; they take %u",
                                                 racimo_pagination_get_n_across (one));

    g_assert_cmpstr (notice, ==, expected);
  }

  /* Across, they do */
  g_assert_true (racimo_pagination_options_parse_orientation (options, "landscape", &error));
  landscape = racimo_pagination_new (project, options);
  g_assert_cmpuint (racimo_pagination_get_n_across (landscape), ==, 1);
  g_assert_true (racimo_pagination_get_fitted (landscape));
  g_assert_cmpfloat (racimo_pagination_get_scale (landscape), <, 1.0);
}

/* Tiled on A4: the roles split over two pages across, each repeating the
 * activity column; the second page of a pair shows the same activities. */
static void
test_wide_a4_tile (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (6, 20);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "tile");
  g_autoptr(RacimoPaginationOptions) fit = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPagination) layout = racimo_pagination_new (project, options);
  g_autoptr(RacimoPagination) fit_layout = racimo_pagination_new (project, fit);
  g_auto(GStrv) pages = NULL;
  guint n;

  g_assert_cmpuint (racimo_pagination_get_n_across (layout), ==, 2);
  g_assert_cmpfloat (racimo_pagination_get_scale (layout), ==, 1.0);
  n = racimo_pagination_get_n_pages (layout);
  g_assert_cmpuint (n % 2, ==, 0);
  /* Full-size text takes more pages than the fitted matrix */
  g_assert_cmpuint (n, >, racimo_pagination_get_n_pages (fit_layout));

  if (!have_pdftotext ())
    return;

  pages = export_wide_pages (project, options, n);
  for (guint i = 0; i < n; i += 2)
    {
      assert_has (pages[i], "Roles 1–20 of 40");
      assert_has (pages[i], "S1 Specialist number 1");
      assert_has (pages[i], "S20 Specialist number 20");
      assert_has_not (pages[i], "S21 Specialist number 21");
      assert_has (pages[i + 1], "Roles 21–40 of 40");
      assert_has (pages[i + 1], "S21 Specialist number 21");
      assert_has (pages[i + 1], "S40 Specialist number 40");
      assert_has_not (pages[i + 1], "S1 Specialist number 1 ");
    }
  for (guint a = 0; a < 120; a++)
    {
      g_autofree char *name = g_strdup_printf ("Review the design of part %u ", a + 1);

      if (a == 3)
        continue;
      for (guint i = 0; i < n; i += 2)
        if (strstr (pages[i], name) != NULL)
          {
            assert_has (pages[i + 1], name);
            break;
          }
    }
}

/* Portrait A4 cannot hold 40 roles at a readable size: fit scales down
 * to its minimum, then tiles. */
static void
test_wide_a4_portrait (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (6, 20);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  g_autoptr(RacimoPagination) layout = racimo_pagination_new (project, options);
  g_auto(GStrv) pages = NULL;

  g_assert_cmpuint (racimo_pagination_get_n_across (layout), ==, 2);
  g_assert_cmpfloat_with_epsilon (racimo_pagination_get_scale (layout), 6.0 / 9.0, 1e-9);

  if (!have_pdftotext ())
    return;

  pages = export_wide_pages (project, options, racimo_pagination_get_n_pages (layout));
  assert_has (pages[0], JA_ACTIVITY);
  assert_has (pages[1], JA_ACTIVITY);
  assert_has (pages[0], JA_ROLE);
}

/* A project with the roles Lead (L) and Developer (D), for rows added
 * with add_row (). */
static RacimoProject *
two_roles_project_new (const char  *title,
                       RacimoRole **lead,
                       RacimoRole **dev)
{
  RacimoProject *project = racimo_project_new ();

  racimo_project_set_title (project, title);
  *lead = racimo_project_add_role (project, -1, "Lead", "L");
  *dev = racimo_project_add_role (project, -1, "Developer", "D");

  return project;
}

/* An activity at the end of @phase with these codes (0: none). */
static RacimoActivity *
add_row (RacimoProject *project,
         RacimoPhase   *phase,
         const char    *name,
         RacimoRole    *lead,
         RacimoCodes    lead_codes,
         RacimoRole    *dev,
         RacimoCodes    dev_codes)
{
  RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, name);

  if (lead_codes != 0)
    racimo_project_set_codes (project, activity, lead, lead_codes);
  if (dev_codes != 0)
    racimo_project_set_codes (project, activity, dev, dev_codes);

  return activity;
}

/* Marks that survive black and white printing: a symbol, and a legend
 * that says what it means. */
static void
test_marks (void)
{
  RacimoRole *lead, *dev;
  g_autoptr(RacimoProject) project = two_roles_project_new ("Marks", &lead, &dev);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  RacimoPhase *phase;
  RacimoActivity *activity;
  g_auto(GStrv) pages = NULL;

  if (!have_pdftotext ())
    return;

  phase = racimo_project_add_phase (project, -1, "");
  add_row (project, phase, "Owned", lead, BIT ('A'), dev, BIT ('R'));
  add_row (project, phase, "Nobody owns this", lead, 0, dev, BIT ('R'));
  add_row (project, phase, "Two owners", lead, BIT ('A'), dev, BIT ('A') | BIT ('R'));
  activity = add_row (project, phase, "Skipped step", lead, 0, dev, 0);
  racimo_project_set_applicable (project, activity, FALSE);
  activity = add_row (project, phase, "Accepted without owner", lead, 0, dev,
                      BIT ('R') | BIT ('S'));
  racimo_project_set_waiver (project, RACIMO_ITEM (activity), "no-owner", "Agreed in review");

  options->summary = TRUE;
  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  assert_has (pages[0], "Owned");
  assert_has (pages[0], "⚠ Nobody owns this");
  assert_has (pages[0], "‼ Two owners");
  assert_has (pages[0], "Skipped step");
  assert_has (pages[0], "(⚠) Accepted without owner");
  /* One phase with no name: no phase header */
  assert_has_not (pages[0], "Unnamed phase");
  /* The legend */
  assert_has (pages[0], "⚠ No owner");
  assert_has (pages[0], "‼ Several owners");
  assert_has (pages[0], "(⚠) Waived");
  assert_has (pages[0], "Does not apply");
  assert_has (pages[0], "S not in the RACI scheme");

  /* The developer is R on all four applicable activities: overloaded */
  assert_has (pages[1], "Errors: 3 · Warnings: 1 · Waived: 1");
  assert_has (pages[1], "Error: Activity \"Nobody owns this\" has no owner (A)");
  assert_has (pages[1], "Error: Activity \"Accepted without owner\" has no owner (A) "
                        "Waived: Agreed in review");
  assert_has (pages[1], "Warning: Role \"Developer\" is responsible or accountable");
  assert_has (pages[1], "L Lead 0 2 0 0 2");
  assert_has (pages[1], "D Developer 4 1 0 0 4");
}

/* The legend explains each waived mark as the rows print it: a waived
 * row with two owners shows "(‼)", and the legend says what that is. */
static void
test_waived_marks (void)
{
  RacimoRole *lead, *dev;
  g_autoptr(RacimoProject) project = two_roles_project_new ("Waived", &lead, &dev);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  RacimoPhase *phase;
  RacimoActivity *activity;
  g_auto(GStrv) pages = NULL;

  if (!have_pdftotext ())
    return;

  phase = racimo_project_add_phase (project, -1, "");
  activity = add_row (project, phase, "Two owners, agreed", lead, BIT ('A'), dev,
                      BIT ('A') | BIT ('R'));
  racimo_project_set_waiver (project, RACIMO_ITEM (activity), "many-owners", "Shared sign-off");

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "(‼) Two owners, agreed");
  assert_has (pages[0], "(‼) Waived");
  assert_has_not (pages[0], "(⚠) Waived");
  assert_has_not (pages[0], "‼ Several owners");

  /* Both kinds waived: both explained */
  activity = add_row (project, phase, "No owner, agreed", lead, 0, dev, BIT ('R'));
  racimo_project_set_waiver (project, RACIMO_ITEM (activity), "no-owner", "Owner named later");
  g_strfreev (pages);
  pages = export_pages (project, options);
  assert_has (pages[0], "(⚠) No owner, agreed");
  assert_has (pages[0], "(‼) Waived");
  assert_has (pages[0], "(⚠) Waived");
}

/* Whether any pixel of every page of @project, drawn on an image, has a
 * colour that is not grey. */
static gboolean
pages_have_colour (RacimoProject           *project,
                   RacimoPaginationOptions *options)
{
  g_autoptr(RacimoPagination) layout = racimo_pagination_new (project, options);
  double width, height;
  gboolean colour = FALSE;

  racimo_pagination_get_page_size (layout, &width, &height);
  for (guint page = 0; page < racimo_pagination_get_n_pages (layout); page++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width * 2,
                                                           (int) height * 2);
      cairo_t *cr = cairo_create (image);
      const guint8 *data;
      int stride;

      cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
      cairo_paint (cr);
      cairo_scale (cr, 2.0, 2.0);
      racimo_pagination_draw_page (layout, cr, page);
      cairo_destroy (cr);
      cairo_surface_flush (image);

      data = cairo_image_surface_get_data (image);
      stride = cairo_image_surface_get_stride (image);
      for (int y = 0; y < cairo_image_surface_get_height (image); y++)
        for (int x = 0; x < cairo_image_surface_get_width (image); x++)
          {
            guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
            guint8 r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

            colour |= r != g || g != b;
          }
      cairo_surface_destroy (image);
    }

  return colour;
}

/* --mono: nothing on any page in colour, and the marks still there: the
 * symbols, the hatching, the legend that explains them. */
static void
test_mono (void)
{
  RacimoRole *lead, *dev;
  g_autoptr(RacimoProject) project = two_roles_project_new ("Black and white", &lead, &dev);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Build");
  g_auto(GStrv) pages = NULL;

  add_row (project, phase, "Owned", lead, BIT ('A'), dev, BIT ('R') | BIT ('C') | BIT ('I'));
  add_row (project, phase, "Nobody owns this", lead, 0, dev, BIT ('R'));
  add_row (project, phase, "Two owners", lead, BIT ('A'), dev, BIT ('A'));
  options->summary = TRUE;

  g_assert_true (pages_have_colour (project, options));
  options->mono = TRUE;
  g_assert_false (pages_have_colour (project, options));

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  assert_has (pages[0], "⚠ Nobody owns this");
  assert_has (pages[0], "‼ Two owners");
  assert_has (pages[0], "⚠ No owner");
  assert_has (pages[0], "R Responsible");
  assert_has (pages[1], "Error: Activity \"Nobody owns this\" has no owner (A)");
}

/* The four rows of the compare tests, in a project of their own. */
static RacimoProject *
review_project_new (RacimoRole **lead,
                    RacimoRole **dev)
{
  RacimoProject *project = two_roles_project_new ("Review", lead, dev);
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "");

  add_row (project, phase, "Owned", *lead, BIT ('A'), *dev, BIT ('R'));
  add_row (project, phase, "Built", *lead, BIT ('A'), *dev, BIT ('R'));
  add_row (project, phase, "Renamed", *lead, BIT ('A'), *dev, BIT ('R'));
  add_row (project, phase, "Retired", *lead, BIT ('A'), *dev, BIT ('R'));

  return project;
}

/* The colour of the page's pixel at @x, @y (points), drawn at twice the
 * size, as 0xRRGGBB. */
static guint32
page_pixel (RacimoPagination *layout,
            guint             page,
            double            x,
            double            y)
{
  double width, height;
  cairo_surface_t *image;
  cairo_t *cr;
  guint32 pixel;

  racimo_pagination_get_page_size (layout, &width, &height);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width * 2, (int) height * 2);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_scale (cr, 2.0, 2.0);
  racimo_pagination_draw_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  pixel = *(const guint32 *) (gconstpointer) (cairo_image_surface_get_data (image)
                                               + (int) (y * 2) * cairo_image_surface_get_stride (image)
                                               + (int) (x * 2) * 4);
  cairo_surface_destroy (image);

  return pixel & 0xffffff;
}

/* The pixel in the middle of the square a changed cell has in its lower
 * left corner, or where it would be in the column of @role. */
static guint32
corner_pixel (RacimoPagination          *layout,
              const RacimoPrintedChange *mark,
              int                        role)
{
  double corner = 2.5 * layout->scale;

  return page_pixel (layout, 0,
                     mark->x + (role - mark->role) * layout->column_width * layout->scale + corner,
                     mark->y + mark->height - corner);
}

/* Compare mode on paper: a mark on each changed cell and row, where the
 * cell is, in colour or in black; the line that says what was compared;
 * the legend of the marks used. */
static void
test_compare_marks (void)
{
  RacimoRole *lead, *dev, *their_lead, *their_dev;
  g_autoptr(RacimoProject) mine = review_project_new (&lead, &dev);
  g_autoptr(RacimoProject) theirs = review_project_new (&their_lead, &their_dev);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_autoptr(RacimoPagination) layout = NULL;
  g_autoptr(GArray) marks = NULL;
  RacimoPhase *their_phase = racimo_project_get_phase (theirs, 0);
  guint n_cells = 0;
  g_auto(GStrv) pages = NULL;

  /* Theirs: two cells, a name, an activity gone, one more */
  racimo_project_set_codes (theirs, racimo_phase_get_activity (their_phase, 0), their_dev,
                            BIT ('R') | BIT ('C'));
  racimo_project_set_codes (theirs, racimo_phase_get_activity (their_phase, 1), their_lead,
                            BIT ('I'));
  racimo_project_rename (theirs, RACIMO_ITEM (racimo_phase_get_activity (their_phase, 2)),
                           "Renamed twice");
  racimo_project_remove_activity (theirs, racimo_phase_get_activity (their_phase, 3));
  add_row (theirs, their_phase, "Only theirs", their_lead, BIT ('A'), their_dev, 0);

  options->changes = racimo_differences_compare (mine, theirs);
  options->compared_with = g_strdup ("theirs.raci");
  layout = racimo_pagination_new (mine, options);
  marks = _racimo_pagination_compare_get_marks (layout, 0);

  /* Each change of a cell of mine: one mark, on its row, in its column */
  for (guint i = 0; i < options->changes->len; i++)
    {
      const RacimoDifference *change = g_ptr_array_index (options->changes, i);
      RacimoItem *activity = racimo_project_lookup (mine, change->activity_id);
      guint found = 0;

      if (change->role_id == NULL || activity == NULL)
        continue;
      n_cells++;
      for (guint m = 0; m < marks->len; m++)
        {
          const RacimoPrintedChange *mark = &g_array_index (marks, RacimoPrintedChange, m);
          RacimoRole *role;

          if (mark->role < 0)
            continue;
          role = racimo_project_get_role (mine, (guint) mark->role);
          if (mark->row == (guint) racimo_phase_index_of (
                             racimo_activity_get_phase (RACIMO_ACTIVITY (activity)),
                             RACIMO_ACTIVITY (activity))
              && g_str_equal (racimo_item_get_id (RACIMO_ITEM (role)), change->role_id))
            {
              found++;
              g_assert_cmpint (mark->kind, ==, RACIMO_DIFFERENCE_CHANGED);
              g_assert_cmpfloat_with_epsilon (mark->x, layout->content_x
                                              + (layout->activity_width + mark->role
                                                 * layout->column_width) * layout->scale, 0.01);
              g_assert_cmpfloat_with_epsilon (mark->width, layout->column_width * layout->scale,
                                              0.01);
              /* Drawn there, in the grid's colour for a change, and not in
               * the cell of the other role */
              g_assert_cmphex (corner_pixel (layout, mark, mark->role), ==, 0xc64600);
              g_assert_cmphex (corner_pixel (layout, mark, 1 - mark->role), ==,
                               0xffffff);
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }
  g_assert_cmpuint (n_cells, ==, 2);

  /* The rows: a sign for the one renamed, and for the one theirs removed */
  {
    guint kinds[4] = { 0, };
    guint n_rows = 0;

    for (guint m = 0; m < marks->len; m++)
      {
        const RacimoPrintedChange *mark = &g_array_index (marks, RacimoPrintedChange, m);

        if (mark->role >= 0)
          continue;
        n_rows++;
        kinds[mark->kind] = mark->row;
        g_assert_cmpuint (page_pixel (layout, 0, mark->x + mark->width / 2,
                                      mark->y + mark->height / 2 + 0.5) & 0xff, <, 0x80);
      }
    g_assert_cmpuint (n_rows, ==, 2);
    g_assert_cmpuint (kinds[RACIMO_DIFFERENCE_CHANGED], ==, 2);
    g_assert_cmpuint (kinds[RACIMO_DIFFERENCE_REMOVED], ==, 3);
  }

  /* In black and white: the same marks, in black, and no colour */
  options->mono = TRUE;
  g_clear_object (&layout);
  layout = racimo_pagination_new (mine, options);
  g_assert_false (pages_have_colour (mine, options));
  for (guint m = 0; m < marks->len; m++)
    {
      const RacimoPrintedChange *mark = &g_array_index (marks, RacimoPrintedChange, m);

      if (mark->role >= 0)
        g_assert_cmphex (corner_pixel (layout, mark, mark->role), ==, 0);
    }

  if (!have_pdftotext ())
    return;

  pages = export_pages (mine, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "Changes from “theirs.raci” (1 change is not shown: it is in an "
                        "activity or a role that only that copy has)");
  assert_has (pages[0], "Changed cell");
  assert_has (pages[0], "Changed activity");
  assert_has (pages[0], "Removed activity");
  assert_has_not (pages[0], "Moved activity");
  assert_has (pages[0], "Retired");
  assert_has_not (pages[0], "Only theirs");

  /* The same copy: nothing marked, and the line says so */
  g_clear_pointer (&options->changes, g_ptr_array_unref);
  options->changes = racimo_differences_compare (mine, mine);
  g_strfreev (pages);
  pages = export_pages (mine, options);
  assert_has (pages[0], "No changes from “theirs.raci”");
  assert_has_not (pages[0], "Changed cell");

  /* Outside compare mode: no line */
  g_clear_pointer (&options->changes, g_ptr_array_unref);
  g_strfreev (pages);
  pages = export_pages (mine, options);
  assert_has_not (pages[0], "theirs.raci");
}

/* Only problems: the activities with a finding not waived, and the
 * headers of their phases; a phase with none is left out. */
static void
test_only_problems (void)
{
  RacimoRole *lead, *dev;
  g_autoptr(RacimoProject) project = two_roles_project_new ("Problems", &lead, &dev);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  RacimoPhase *build, *ship;
  RacimoActivity *activity;
  g_auto(GStrv) pages = NULL;

  if (!have_pdftotext ())
    return;

  build = racimo_project_add_phase (project, -1, "Build phase");
  ship = racimo_project_add_phase (project, -1, "Ship phase");
  add_row (project, build, "Owned", lead, BIT ('A'), dev, BIT ('R'));
  add_row (project, build, "Nobody owns this", lead, 0, dev, BIT ('R'));
  activity = add_row (project, build, "Accepted without owner", lead, 0, dev, BIT ('R'));
  racimo_project_set_waiver (project, RACIMO_ITEM (activity), "no-owner", "Agreed");
  add_row (project, ship, "Released", lead, BIT ('A'), dev, BIT ('R'));

  options->only_problems = TRUE;
  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "Build phase ⚠ Nobody owns this");
  assert_has_not (pages[0], "Owned");
  assert_has_not (pages[0], "Accepted without owner");
  assert_has_not (pages[0], "Ship phase");
  assert_has_not (pages[0], "Released");
}

/* A header and a footer on every page, matrix and summary alike; the
 * matrix makes room for them. */
static void
test_header_footer (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (2, 30);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "tile");
  g_autoptr(RacimoPagination) plain = racimo_pagination_new (project, options);
  g_autoptr(RacimoPagination) framed = NULL;
  g_auto(GStrv) pages = NULL;
  guint n;

  options->summary = TRUE;
  options->header = g_strdup ("Steering committee, 12 December");
  options->footer = g_strdup ("Confidential: do not forward");
  framed = racimo_pagination_new (project, options);
  /* Less room for rows: never fewer pages */
  g_assert_cmpuint (racimo_pagination_get_n_pages (framed), >=,
                    racimo_pagination_get_n_pages (plain));

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, ==, racimo_pagination_get_n_pages (framed));
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n);

      assert_has (pages[i], "Steering committee, 12 December");
      assert_has (pages[i], "Confidential: do not forward");
      assert_has (pages[i], number);
    }
  /* The summary's workload table, on the last page */
  assert_has (pages[n - 1], "Role R A C I Activities");
}

/* The print dialog draws pages one at a time, in any order, on its own
 * surfaces; so does a preview on an image. */
static void
test_draw_pages (void)
{
  g_autoptr(RacimoProject) project = wide_project_new (2, 30);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "tile");
  g_autoptr(RacimoPagination) layout = NULL;
  double width, height;
  guint n;

  options->summary = TRUE;
  options->descriptions = TRUE;
  layout = racimo_pagination_new (project, options);
  racimo_pagination_get_page_size (layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 297 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 210 * 72 / 25.4, 0.01);
  n = racimo_pagination_get_n_pages (layout);
  g_assert_cmpuint (n, >=, 3);

  for (guint i = n; i > 0; i--)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width / 2,
                                                             (int) height / 2);
      cairo_t *cr = cairo_create (surface);
      const guint32 *pixels;
      gboolean inked = FALSE;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      racimo_pagination_draw_page (layout, cr, i - 1);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);

      cairo_surface_flush (surface);
      pixels = (const guint32 *) cairo_image_surface_get_data (surface);
      for (int p = 0; p < (int) width / 2 * ((int) height / 2) && !inked; p++)
        inked = (pixels[p] & 0xffffff) != 0xffffff;
      g_assert_true (inked);
      cairo_surface_destroy (surface);
    }
}

/* Nothing to print still gives a page with the title, the legend and the
 * page number; a row taller than a page goes on over the next ones. */
static void
test_edge_cases (void)
{
  const char *nothing[] = { "no-such-phase", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) blank = racimo_templates_create ("blank-rasci", &error);
  g_autoptr(RacimoProject) ml = ml_template_new ();
  g_autoptr(RacimoProject) tall = racimo_project_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(RacimoPagination) layout = NULL;
  RacimoPhase *phase;
  RacimoActivity *activity;

  g_assert_no_error (error);
  layout = racimo_pagination_new (blank, options);
  g_assert_cmpuint (racimo_pagination_get_n_pages (layout), ==, 1);
  g_clear_object (&layout);

  /* A row taller than a page */
  racimo_project_add_role (tall, -1, "Writer", "W");
  phase = racimo_project_add_phase (tall, -1, "Long");
  for (guint i = 0; i < 400; i++)
    g_string_append (description, "A description that goes on and on. ");
  activity = racimo_project_add_activity (tall, phase, -1, "Tall");
  racimo_project_set_item_description (tall, RACIMO_ITEM (activity), description->str);
  racimo_project_add_activity (tall, phase, -1, "Short");
  options->descriptions = TRUE;
  layout = racimo_pagination_new (tall, options);
  g_assert_cmpuint (racimo_pagination_get_n_pages (layout), ==, 2);
  options->descriptions = FALSE;

  if (!have_pdftotext ())
    return;

  {
    g_auto(GStrv) pages = export_pages (blank, options);

    g_assert_cmpuint (g_strv_length (pages), ==, 1);
    assert_has (pages[0], "Untitled RASCI matrix");
    assert_has (pages[0], "S Supportive");
    assert_has (pages[0], "Page 1 of 1");
  }

  options->phases = g_strdupv ((char **) nothing);
  {
    g_auto(GStrv) pages = export_pages (ml, options);

    g_assert_cmpuint (g_strv_length (pages), ==, 1);
    assert_has (pages[0], "Account manager");
    assert_has_not (pages[0], "Requirements");
    assert_has (pages[0], "Page 1 of 1");
  }
}

/* An activity whose description is "w001 w002 ... w@n_words", in
 * sentences of twelve words and paragraphs of five sentences, between two
 * short ones, and eight roles. */
static RacimoProject *
tall_project_new (guint n_words)
{
  RacimoProject *project = racimo_project_new ();
  g_autoptr(GString) description = g_string_new (NULL);
  RacimoPhase *phase;
  RacimoActivity *activity;

  racimo_project_set_title (project, "Tall rows");
  racimo_project_add_role (project, -1, "Writer", "W");
  racimo_project_add_role (project, -1, "Reviewer", "RV");
  /* Enough columns to leave the activities a column of their own */
  for (guint r = 3; r <= 8; r++)
    {
      g_autofree char *name = g_strdup_printf ("Specialist %u", r);
      g_autofree char *abbrev = g_strdup_printf ("S%u", r);

      racimo_project_add_role (project, -1, name, abbrev);
    }
  phase = racimo_project_add_phase (project, -1, "Drafting");
  racimo_project_add_activity (project, phase, -1, "Before");
  for (guint w = 1; w <= n_words; w++)
    g_string_append_printf (description, "w%03u%s", w,
                            w % 60 == 0 ? ".\n" : w % 12 == 0 ? ". " : " ");
  activity = racimo_project_add_activity (project, phase, -1, "Tall");
  racimo_project_set_item_description (project, RACIMO_ITEM (activity), description->str);
  racimo_project_set_codes (project, activity, racimo_project_get_role (project, 0), BIT ('R'));
  racimo_project_set_codes (project, activity, racimo_project_get_role (project, 1), BIT ('A'));
  racimo_project_add_activity (project, phase, -1, "After");

  return project;
}

/* An activity taller than a page goes on over the next pages: each part
 * fits its page, the first with the name, the next under "Name
 * (continued)", every line of the description once and in order. */
static void
test_tall_row (void)
{
  g_autoptr(RacimoProject) project = tall_project_new (900);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  g_autoptr(RacimoPagination) layout = NULL;
  g_autoptr(GString) placed = g_string_new (NULL);
  RacimoActivity *tall = racimo_phase_get_activity (racimo_project_get_phase (project, 0), 1);
  g_autofree char *whole = squeeze (racimo_item_get_description (RACIMO_ITEM (tall)));
  g_autofree char *found = NULL;
  double room;
  guint n_parts = 0;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;

  options->descriptions = TRUE;
  layout = racimo_pagination_new (project, options);
  g_test_message ("%u pages", racimo_pagination_get_n_pages (layout));
  g_assert_cmpuint (racimo_pagination_get_n_pages (layout), >=, 3);
  g_assert_cmpuint (racimo_pagination_get_n_pages (layout), ==, layout->bands->len);

  room = layout->table_height / layout->scale - layout->header_height;
  for (guint b = 0; b < layout->bands->len; b++)
    {
      const Band *band = &g_array_index (layout->bands, Band, b);
      double y = band->continued >= 0 ? _racimo_pagination_continued_height (layout, band->continued)
                                      : 0.0;

      for (guint i = band->first; i < band->end; i++)
        {
          const Row *row = &g_array_index (layout->rows, Row, i);
          const char *name = row->name->layout != NULL ? pango_layout_get_text (row->name->layout)
                                                       : row->name->string;

          y += row->height;
          if (row->description == NULL)
            continue;
          /* The first part starts its page's rows, or follows "Before" */
          g_assert_cmpstr (name, ==, row->continued ? "Tall (continued)" : "Tall");
          g_assert_true (row->continued == (n_parts > 0));
          g_assert_true (n_parts == 0 || i == band->first);
          g_assert_cmpuint (row->codes, ==, g_array_index (layout->rows, Row, 2).codes);
          g_string_append_printf (placed, "%s ",
                                  pango_layout_get_text (row->description->layout));
          n_parts++;
        }
      g_assert_cmpfloat (y, <=, room + 0.01);
    }
  g_assert_cmpuint (n_parts, ==, layout->bands->len);
  found = squeeze (placed->str);
  g_assert_cmpstr (found, ==, whole);

  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, racimo_pagination_get_n_pages (layout));
  for (guint i = 1; pages[i] != NULL; i++)
    {
      /* The column headers and the phase repeat on every page */
      assert_has (pages[i], "Activity W Writer RV Reviewer S3 Specialist 3");
      assert_has (pages[i], "Drafting (continued) Tall (continued) w");
      assert_has_not (pages[i], "Before");
    }
  all = join_pages (pages);
  racimo_test_assert_numbered_once (all, "w", "", 1, 900);
  /* The next activity after the last part */
  g_assert_nonnull (strstr (strstr (all, "w900."), "After"));
}

/* Compare mode: the marks of the rows after an activity cut by a page
 * stay on their rows */
static void
test_tall_row_compare (void)
{
  g_autoptr(RacimoProject) mine = tall_project_new (900);
  g_autoptr(RacimoProject) theirs = tall_project_new (900);
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  g_autoptr(RacimoPagination) layout = NULL;
  g_autoptr(GArray) marks = NULL;
  RacimoActivity *after = racimo_phase_get_activity (racimo_project_get_phase (theirs, 0), 2);
  guint last;

  racimo_project_set_codes (theirs, after, racimo_project_get_role (theirs, 0), BIT ('A'));
  options->descriptions = TRUE;
  options->changes = racimo_differences_compare (mine, theirs);
  options->compared_with = g_strdup ("theirs.raci");
  layout = racimo_pagination_new (mine, options);
  last = racimo_pagination_get_n_pages (layout) - 1;
  g_assert_cmpuint (last, >, 0);

  marks = _racimo_pagination_compare_get_marks (layout, last);
  g_assert_cmpuint (marks->len, >, 0);
  for (guint m = 0; m < marks->len; m++)
    {
      const RacimoPrintedChange *mark = &g_array_index (marks, RacimoPrintedChange, m);
      const Row *row = &g_array_index (layout->rows, Row, mark->row);

      g_assert_cmpstr (row->name->layout != NULL ? pango_layout_get_text (row->name->layout)
                                                 : row->name->string, ==, "After");
    }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* Never half-written: a failed or cancelled export leaves the file as it
 * was, and leaves nothing beside it. */
static void
test_export_atomic (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-layout-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "matrix.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf, "an older export", -1, &error));

  g_cancellable_cancel (cancellable);
  g_assert_false (racimo_pagination_export_pdf (project, pdf, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "an older export");
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_false (racimo_pagination_export_pdf (project, missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_true (racimo_pagination_export_pdf (project, pdf, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (contents + length - 16, 16, "%%EOF"));
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* One page per person */

/* The text of each page of one page per person: @person's, or everyone's. */
/* The pages of @person, of everyone, or with @per_role of every role */
static GStrv
export_handout_pages (RacimoProject                 *project,
                      RacimoPerson                  *person,
                      gboolean                       per_role,
                      const RacimoPaginationOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-layout-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  GStrv pages;

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "people.pdf", NULL);
  if (per_role)
    g_assert_true (racimo_person_pages_export_roles_pdf (project, NULL, pdf, options, NULL,
                                                         &error));
  else
    g_assert_true (racimo_person_pages_export_pdf (project, person, pdf, options, NULL, &error));
  g_assert_no_error (error);
  pages = racimo_test_pdf_get_pages (pdf);
  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return pages;
}

/* Three roles, three people: Sato holds two roles, Lee one, Kimura none. */
static RacimoProject *
people_project_new (void)
{
  RacimoProject *project = racimo_project_new ();
  RacimoRole *lead = racimo_project_add_role (project, -1, "Lead", "L");
  RacimoRole *qa = racimo_project_add_role (project, -1, "QA", NULL);
  RacimoRole *ops = racimo_project_add_role (project, -1, "Operations", "O");
  RacimoPerson *sato = racimo_project_add_person (project, -1, "Sato Hanako", NULL);
  RacimoPerson *lee = racimo_project_add_person (project, -1, "Lee Min", "lee@example.com");
  RacimoPhase *plan = racimo_project_add_phase (project, -1, "Plan");
  RacimoPhase *run = racimo_project_add_phase (project, -1, "Run");
  RacimoActivity *scope = racimo_project_add_activity (project, plan, -1, "Scope the work");
  RacimoActivity *budget = racimo_project_add_activity (project, plan, -1, "Set the budget");
  RacimoActivity *legal = racimo_project_add_activity (project, plan, -1, "Legal review");
  RacimoActivity *deploy = racimo_project_add_activity (project, run, -1, "Deploy");

  racimo_project_set_title (project, "Launch");
  racimo_project_add_person (project, -1, "Kimura Aoi", NULL);
  racimo_project_add_member (project, lead, sato);
  racimo_project_add_member (project, qa, sato);
  racimo_project_add_member (project, ops, lee);
  racimo_project_set_codes (project, scope, lead, BIT ('R') | BIT ('A'));
  racimo_project_set_codes (project, scope, qa, BIT ('C'));
  racimo_project_set_codes (project, scope, ops, BIT ('I'));
  racimo_project_set_codes (project, budget, lead, BIT ('A'));
  racimo_project_set_codes (project, legal, lead, BIT ('R'));
  racimo_project_set_applicable (project, legal, FALSE);
  racimo_project_set_codes (project, deploy, ops, BIT ('R'));
  racimo_project_set_codes (project, deploy, qa, BIT ('A'));
  racimo_project_set_note (project, deploy, qa, "Sign off\nin writing");

  return project;
}

/* Each person's page: their roles, workload, and each activity where they
 * hold a code, with the codes, the role and the cell's note. */
static void
test_person_pages (void)
{
  g_autoptr(RacimoProject) project = people_project_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  g_autoptr(RacimoPersonPages) layout = racimo_person_pages_new (project, NULL, options);
  RacimoPerson *lee = racimo_project_get_person (project, 1);

  g_assert_cmpuint (racimo_person_pages_get_n_pages (layout), ==, 3);
  g_clear_object (&layout);
  layout = racimo_person_pages_new (project, lee, options);
  g_assert_cmpuint (racimo_person_pages_get_n_pages (layout), ==, 1);

  if (!have_pdftotext ())
    return;

  {
    g_auto(GStrv) pages = export_handout_pages (project, NULL, FALSE, options);

    g_assert_cmpuint (g_strv_length (pages), ==, 3);
    assert_has (pages[0], "Launch Sato Hanako Roles: Lead (L), QA");
    /* An activity counts once per code, whichever role gives it */
    assert_has (pages[0], "Responsible: 1 · Accountable: 3 · Consulted: 1 · Informed: 0");
    assert_has (pages[0], "Plan Scope the work R A L · Lead C QA Set the budget A L · Lead");
    assert_has (pages[0], "Run Deploy A QA Sign off in writing");
    assert_has_not (pages[0], "Legal review");
    assert_has (pages[0], "Page 1 of 3");

    assert_has (pages[1], "Lee Min <lee@example.com> Role: Operations (O)");
    assert_has (pages[1], "Scope the work I O · Operations");
    assert_has (pages[1], "Deploy R O · Operations");
    assert_has_not (pages[1], "Set the budget");
    assert_has_not (pages[1], "Sign off");

    assert_has (pages[2], "Kimura Aoi Holds no role. Holds no code in an activity that applies.");
    assert_has_not (pages[2], "Activity Codes");
    assert_has (pages[2], "Page 3 of 3");
  }

  /* One person, only the phases asked for */
  {
    g_auto(GStrv) phase_ids = g_strsplit ("run", ",", -1);
    g_auto(GStrv) pages = NULL;

    g_clear_pointer (&options->phases, g_strfreev);
    options->phases = g_steal_pointer (&phase_ids);
    options->header = g_strdup ("Kick-off meeting");
    options->footer = g_strdup ("Confidential");
    pages = export_handout_pages (project, racimo_project_get_person (project, 0), FALSE, options);
    g_assert_cmpuint (g_strv_length (pages), ==, 1);
    assert_has (pages[0], "Kick-off meeting Launch Sato Hanako");
    assert_has (pages[0], "Confidential");
    assert_has (pages[0], "Run Deploy A QA");
    assert_has_not (pages[0], "Scope the work");
    assert_has_not (pages[0], "Lee Min");
    assert_has (pages[0], "Page 1 of 1");
  }
}

/* A person with more activities than a page holds goes on to the next
 * page under "(continued)", every activity once; the next person starts a
 * page of their own. */
static void
test_person_pages_long (void)
{
  g_autoptr(RacimoProject) project = people_project_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  RacimoRole *lead = racimo_project_get_role (project, 0);
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Many");
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  guint n;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task number %03u", i);
      RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, name);

      racimo_project_set_codes (project, activity, lead, BIT ('R'));
    }

  if (!have_pdftotext ())
    return;

  pages = export_handout_pages (project, NULL, FALSE, options);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >=, 4);
  assert_has (pages[1], "Sato Hanako (continued)");
  for (guint i = 0; i < n - 2; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n);

      assert_has (pages[i], number);
      g_string_append (all, pages[i]);
    }
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task number %03u R", i);
      const char *found = strstr (all->str, name);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, name));
    }
  assert_has (pages[n - 2], "Lee Min <lee@example.com>");
  assert_has_not (pages[n - 2], "Task number");
  assert_has (pages[n - 1], "Kimura Aoi");
}

/* Each role's page: who holds it, its workload, and each activity where
 * it holds a code, with its codes, the other roles' and the cell's note;
 * only the roles that the options name. */
static void
test_role_pages (void)
{
  g_autoptr(RacimoProject) project = people_project_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  g_autoptr(RacimoPersonPages) layout = racimo_person_pages_new_per_role (project, NULL, options);
  RacimoRole *qa = racimo_project_get_role (project, 1);
  const char *ids[] = { racimo_item_get_id (RACIMO_ITEM (qa)), NULL };

  g_assert_cmpuint (racimo_person_pages_get_n_pages (layout), ==, 3);
  g_clear_object (&layout);
  layout = racimo_person_pages_new_per_role (project, qa, options);
  g_assert_cmpuint (racimo_person_pages_get_n_pages (layout), ==, 1);

  if (!have_pdftotext ())
    return;

  {
    g_auto(GStrv) pages = export_handout_pages (project, NULL, TRUE, options);

    g_assert_cmpuint (g_strv_length (pages), ==, 3);
    assert_has (pages[0], "Launch Lead (L) Held by: Sato Hanako");
    assert_has (pages[0], "Responsible: 1 · Accountable: 2 · Consulted: 0 · Informed: 0");
    assert_has (pages[0], "Activity Codes Other roles");
    assert_has (pages[0], "Plan Scope the work R A QA C · O I Set the budget A");
    /* Only what applies */
    assert_has_not (pages[0], "Legal review");
    assert_has (pages[0], "Page 1 of 3");

    assert_has (pages[1], "QA Held by: Sato Hanako");
    assert_has (pages[1], "Scope the work C L RA · O I");
    assert_has (pages[1], "Run Deploy A O R Sign off in writing");

    assert_has (pages[2], "Operations (O) Held by: Lee Min");
    assert_has (pages[2], "Deploy R QA A");
    assert_has (pages[2], "Page 3 of 3");
  }

  /* Only the roles asked for */
  {
    g_auto(GStrv) pages = NULL;

    options->roles = g_strdupv ((char **) ids);
    pages = export_handout_pages (project, NULL, TRUE, options);
    g_assert_cmpuint (g_strv_length (pages), ==, 1);
    assert_has (pages[0], "QA Held by: Sato Hanako");
    assert_has (pages[0], "Page 1 of 1");
  }
}

/* A role with more activities than a page holds goes on over the next
 * pages, every activity once; a role held by no one says so; a project
 * without roles has no page. */
static void
test_role_pages_long (void)
{
  g_autoptr(RacimoProject) project = people_project_new ();
  g_autoptr(RacimoProject) empty = racimo_project_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "portrait", "fit");
  RacimoRole *lead = racimo_project_get_role (project, 0);
  RacimoRole *nobody = racimo_project_add_role (project, -1, "Auditor", "AU");
  RacimoPhase *phase = racimo_project_add_phase (project, -1, "Many");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-layout-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "roles.pdf", NULL);
  g_autoptr(GString) lead_pages = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  guint n;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task number %03u", i);
      RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, name);

      racimo_project_set_codes (project, activity, lead, BIT ('R'));
      racimo_project_set_codes (project, activity, nobody, BIT ('A'));
    }

  g_assert_false (racimo_person_pages_export_roles_pdf (empty, NULL, pdf, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "The project has no roles, so there is no page per role");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  if (!have_pdftotext ())
    return;

  pages = export_handout_pages (project, NULL, TRUE, options);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >=, 6);
  assert_has (pages[1], "Lead (L) (continued)");
  for (guint i = 0; i < n && strstr (pages[i], "Lead (L)") != NULL; i++)
    g_string_append (lead_pages, pages[i]);
  racimo_test_assert_numbered_once (lead_pages->str, "Task number ", " R AU A", 0, 119);
  {
    g_autofree char *all = join_pages (pages);

    assert_has (all, "Auditor (AU) Held by no one named.");
    assert_has (pages[n - 1], "Auditor (AU) (continued)");
  }
}

/* No people, no page: the export says so and writes nothing. */
static void
test_person_pages_none (void)
{
  g_autoptr(RacimoProject) project = ml_template_new ();
  g_autoptr(RacimoPersonPages) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-layout-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "none.pdf", NULL);

  while (racimo_project_get_n_people (project) > 0)
    racimo_project_remove_person (project, racimo_project_get_person (project, 0));
  layout = racimo_person_pages_new (project, NULL, NULL);
  g_assert_cmpuint (racimo_person_pages_get_n_pages (layout), ==, 0);

  g_assert_false (racimo_person_pages_export_pdf (project, NULL, pdf, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "The project lists no people, so there is no page per person");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The notes on cells as footnotes: a number in the cell, the note after
 * the same number under the table, numbered from 1 on each page, and on
 * the page of its cell however many there are. */
static void
test_footnotes (void)
{
  g_autoptr(RacimoProject) project = people_project_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  RacimoRole *lead = racimo_project_get_role (project, 0);
  RacimoPhase *phase;
  g_auto(GStrv) pages = NULL;
  guint n;

  racimo_project_set_note (project,
                           racimo_phase_get_activity (racimo_project_get_phase (project, 0), 0),
                           lead, "Agree on it with the customer");
  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  /* In the order of rows: Scope the work's note before Deploy's */
  assert_has (pages[0], "1 L, Scope the work: Agree on it with the customer "
                        "2 QA, Deploy: Sign off in writing");
  g_clear_pointer (&pages, g_strfreev);

  /* Enough notes for several pages: each under its own page's table */
  phase = racimo_project_add_phase (project, -1, "Many");
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task number %03u", i);
      g_autofree char *note = g_strdup_printf ("Note for task %03u,\non two lines", i);
      RacimoActivity *activity = racimo_project_add_activity (project, phase, -1, name);

      racimo_project_set_codes (project, activity, lead, BIT ('R'));
      racimo_project_set_note (project, activity, lead, note);
    }
  pages = export_pages (project, options);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *row = g_strdup_printf ("Task number %03u ", i);
      g_autofree char *footnote = g_strdup_printf ("L, Task number %03u: Note for task %03u, "
                                                   "on two lines", i, i);
      guint found = 0;

      /* The table's text comes before the footnotes, the first of which
       * is a note of the role L on every page. */
      for (guint p = 0; p < n; p++)
        {
          const char *notes = strstr (pages[p], "1 L, ");
          const char *name = strstr (pages[p], row);

          g_assert_nonnull (notes);
          if (name != NULL && name < notes)
            {
              assert_has (notes, footnote);
              found++;
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }
  /* Numbers start again on each page */
  for (guint p = 1; p < n; p++)
    assert_has (pages[p], "1 L, Task number");
}

/* The matrix's role headers name every member of the role. */
static void
test_people_in_headers (void)
{
  g_autoptr(RacimoProject) project = people_project_new ();
  g_autoptr(RacimoPaginationOptions) options = options_new ("a4", "landscape", "fit");
  g_auto(GStrv) pages = NULL;

  racimo_project_add_member (project, racimo_project_get_role (project, 0),
                             racimo_project_get_person (project, 1));
  if (!have_pdftotext ())
    return;

  pages = export_pages (project, options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_has (pages[0], "Sato Hanako, Lee Min");
  assert_has (pages[0], "QA Sato Hanako");
  assert_has (pages[0], "Lee Min");
  assert_has_not (pages[0], "Kimura Aoi");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/options/parse", test_options_parse);
  g_test_add_func ("/layout/options/variant", test_options_variant);
  g_test_add_func ("/layout/ml-template/page", test_ml_template);
  g_test_add_func ("/layout/ml-template/options", test_ml_template_options);
  g_test_add_func ("/layout/ml-template/summary", test_ml_template_summary);
  g_test_add_func ("/layout/ml-template/summary-not-applicable",
                   test_ml_template_summary_not_applicable);
  g_test_add_func ("/layout/ml-template/descriptions", test_ml_template_descriptions);
  g_test_add_func ("/layout/ml-template/phases", test_ml_template_phases);
  g_test_add_func ("/layout/ml-template/roles", test_ml_template_roles);
  g_test_add_func ("/layout/ml-template/collapsed", test_ml_template_collapsed);
  g_test_add_func ("/layout/ml-template/row-numbers", test_row_numbers);
  g_test_add_func ("/layout/wide/a3", test_wide_a3);
  g_test_add_func ("/layout/grow", test_grow);
  g_test_add_func ("/layout/wide/a4-fit", test_wide_a4_fit);
  g_test_add_func ("/layout/wide/a4-tile", test_wide_a4_tile);
  g_test_add_func ("/layout/wide/a4-portrait", test_wide_a4_portrait);
  g_test_add_func ("/layout/one-page", test_one_page);
  g_test_add_func ("/layout/tile/long-role", test_tile_long_role);
  g_test_add_func ("/layout/pages-wide", test_pages_wide);
  g_test_add_func ("/layout/summary/place", test_summary_place);
  g_test_add_func ("/layout/marks", test_marks);
  g_test_add_func ("/layout/mono", test_mono);
  g_test_add_func ("/layout/compare/marks", test_compare_marks);
  g_test_add_func ("/layout/only-problems", test_only_problems);
  g_test_add_func ("/layout/header-footer", test_header_footer);
  g_test_add_func ("/layout/marks/waived", test_waived_marks);
  g_test_add_func ("/layout/draw-pages", test_draw_pages);
  g_test_add_func ("/layout/edge-cases", test_edge_cases);
  g_test_add_func ("/layout/tall-row", test_tall_row);
  g_test_add_func ("/layout/tall-row/compare", test_tall_row_compare);
  g_test_add_func ("/layout/export/atomic", test_export_atomic);
  g_test_add_func ("/layout/people/headers", test_people_in_headers);
  g_test_add_func ("/layout/people/footnotes", test_footnotes);
  g_test_add_func ("/layout/people/per-person", test_person_pages);
  g_test_add_func ("/layout/people/per-person-long", test_person_pages_long);
  g_test_add_func ("/layout/people/per-person-none", test_person_pages_none);
  g_test_add_func ("/layout/people/per-role", test_role_pages);
  g_test_add_func ("/layout/people/per-role-long", test_role_pages_long);

  return g_test_run ();
}
