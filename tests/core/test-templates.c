/* test-templates.c: the projects a user can start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "racimo-checks.h"
#include "racimo-file.h"
#include "racimo-templates.h"

static void
assert_fresh (RacimoProject *project)
{
  RacimoHistory *history = racimo_project_get_history (project);

  /* Closing a project made from a template asks nothing. */
  g_assert_false (racimo_history_get_modified (history));
  g_assert_false (racimo_history_get_can_undo (history));
  g_assert_false (racimo_history_get_can_redo (history));
}

static void
assert_no_findings (RacimoProject *project)
{
  g_autoptr(RacimoChecks) checks = racimo_checks_new (project);
  g_autoptr(GPtrArray) findings = racimo_checks_list_findings (checks);

  for (guint i = 0; i < findings->len; i++)
    {
      RacimoFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%s: %s", racimo_check_get_id (finding->check), finding->message);
    }

  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpuint (racimo_checks_get_n_errors (checks), ==, 0);
  g_assert_cmpuint (racimo_checks_get_n_warnings (checks), ==, 0);
  g_assert_cmpuint (racimo_checks_get_n_waived (checks), ==, 0);
}

static void
test_templates_table (void)
{
  static const char *ids[] = { "ml-system-deployment", "blank-raci", "blank-rasci" };

  g_assert_cmpuint (racimo_templates_get_n (), ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const RacimoTemplate *template = racimo_templates_get_nth (i);

      g_assert_cmpstr (template->id, ==, ids[i]);
      g_assert_cmpstr (template->title, !=, "");
      g_assert_cmpstr (template->summary, !=, "");
    }
}

static void
test_templates_ml (void)
{
  static const char *abbrevs[] = { "AM", "UX", "DS", "PEM", "MLE", "MLOps", "AE", "IE" };
  static const char *roles[] = {
    "Account manager", "UX designer", "Data scientist", "Project engineering manager",
    "ML engineer", "MLOps engineer", "Application engineer", "Infrastructure engineer",
  };
  static const char *phases[] = {
    "Requirements", "Data", "Modeling", "Evaluation", "MLOps", "Integration", "Operations",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = racimo_templates_create ("ml-system-deployment", &error);
  guint n_activities = 0;

  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_cmpstr (racimo_project_get_title (project), ==, "ML system deployment");
  g_assert_nonnull (racimo_project_get_description (project));
  g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, "RACI");

  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, G_N_ELEMENTS (roles));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      RacimoRole *role = racimo_project_get_role (project, i);
      const char *description = racimo_item_get_description (RACIMO_ITEM (role));

      g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (role)), ==, roles[i]);
      g_assert_cmpstr (racimo_role_get_abbrev (role), ==, abbrevs[i]);
      /* One line on what the role does. */
      g_assert_nonnull (description);
      g_assert_null (strchr (description, '\n'));
    }

  g_assert_cmpuint (racimo_project_get_n_phases (project), ==, G_N_ELEMENTS (phases));
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);

      g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (phase)), ==, phases[p]);
      g_assert_cmpuint (racimo_phase_get_n_activities (phase), >, 0);

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);
          guint n_owners = 0, n_responsible = 0, n_consulted = 0, n_informed = 0;

          g_assert_true (racimo_activity_get_applicable (activity));
          g_assert_nonnull (racimo_item_get_description (RACIMO_ITEM (activity)));
          g_assert_cmpuint (racimo_item_get_n_waivers (RACIMO_ITEM (activity)), ==, 0);

          for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
            {
              RacimoCodes codes =
                racimo_activity_get_codes (activity, racimo_project_get_role (project, r));

              n_owners += (codes & RACIMO_CODE_BIT ('A')) != 0;
              n_responsible += (codes & RACIMO_CODE_BIT ('R')) != 0;
              n_consulted += (codes & RACIMO_CODE_BIT ('C')) != 0;
              n_informed += (codes & RACIMO_CODE_BIT ('I')) != 0;
            }

          g_assert_cmpuint (n_owners, ==, 1);
          g_assert_cmpuint (n_responsible, >=, 1);
          g_assert_cmpuint (n_consulted, >=, 1);
          g_assert_cmpuint (n_informed, >=, 1);
          n_activities++;
        }
    }

  g_assert_cmpuint (n_activities, >=, 15);
  g_assert_cmpuint (n_activities, <=, 20);
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, n_activities);

  /* A few of the activities a project manager looks for. */
  g_assert_true (RACIMO_IS_ACTIVITY (racimo_project_lookup (project, "business-case")));
  g_assert_true (RACIMO_IS_ACTIVITY (racimo_project_lookup (project, "data-access-agreement")));
  g_assert_true (RACIMO_IS_ACTIVITY (racimo_project_lookup (project, "retraining-pipeline")));
  g_assert_true (RACIMO_IS_ACTIVITY (racimo_project_lookup (project, "monitoring")));
  g_assert_true (RACIMO_IS_ACTIVITY (racimo_project_lookup (project, "model-serving")));

  assert_no_findings (project);
  assert_fresh (project);
}

static void
test_templates_blank (gconstpointer data)
{
  const char *scheme = data;
  g_autofree char *id = g_ascii_strdown (scheme, -1);
  g_autofree char *template_id = g_strconcat ("blank-", id, NULL);
  g_autofree char *title = g_strdup_printf ("Untitled %s matrix", scheme);
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = racimo_templates_create (template_id, &error);
  RacimoPhase *phase;

  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_cmpstr (racimo_project_get_title (project), ==, title);
  g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, scheme);
  g_assert_cmpstr (racimo_project_get_scheme (project)->id, ==, scheme);

  /* A clean sheet: one ungrouped phase ready for the first activity, and
   * nothing the checks could complain about. */
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 0);
  g_assert_cmpuint (racimo_project_get_n_phases (project), ==, 1);
  phase = racimo_project_get_phase (project, 0);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (phase)), ==, "");
  g_assert_cmpuint (racimo_phase_get_n_activities (phase), ==, 0);

  assert_no_findings (project);
  assert_fresh (project);

  /* The first activity goes straight in. */
  racimo_project_add_activity (project, phase, -1, "Kick-off");
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, 1);
}

/* Each template is stored in the canonical form that saving writes. */
static void
test_templates_canonical (void)
{
  for (guint i = 0; i < racimo_templates_get_n (); i++)
    {
      const char *id = racimo_templates_get_nth (i)->id;
      g_autofree char *path = g_strdup_printf ("/io/github/racimo/Racimo/templates/%s.raci", id);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) stored = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                          &error);
      g_autoptr(RacimoProject) project = NULL;
      g_autoptr(GBytes) saved = NULL;

      g_assert_no_error (error);

      /* The tests run untranslated, so the project is the file as stored. */
      project = racimo_templates_create (id, &error);
      g_assert_no_error (error);
      saved = racimo_file_serialize (project);

      g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                       g_bytes_get_data (stored, NULL), g_bytes_get_size (stored));
    }
}

static void
test_templates_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = racimo_templates_create ("no-such-template", &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no template named “no-such-template”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/table", test_templates_table);
  g_test_add_func ("/templates/ml-system-deployment", test_templates_ml);
  g_test_add_data_func ("/templates/blank-raci", "RACI", test_templates_blank);
  g_test_add_data_func ("/templates/blank-rasci", "RASCI", test_templates_blank);
  g_test_add_func ("/templates/canonical", test_templates_canonical);
  g_test_add_func ("/templates/unknown", test_templates_unknown);

  return g_test_run ();
}
