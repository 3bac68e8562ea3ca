/* racimo-print-options-panel.c: the choices of a printout
 *
 * One panel for the PDF export's dialog and the print dialog's Matrix tab,
 * showing and setting the same RacimoPaginationOptions as the command
 * line's flags: the paper (only where no page setup asks for it), the
 * matrix or one page per role (the PDF export's), fit to the width, tile,
 * fit to one page or to a number of pages across, the summary,
 * descriptions, only problems, black and white, a header and a footer, and
 * which phases and roles are printed, or those the grid shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-print-options-panel.h"

struct _RacimoPrintOptionsPanel
{
  GtkBox parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *paper_group;
  AdwComboRow         *paper_row;
  AdwComboRow         *orientation_row;
  AdwComboRow         *handout_row;
  AdwComboRow         *fit_row;
  AdwActionRow        *pages_wide_row;
  GtkSpinButton       *pages_wide_spin;
  AdwComboRow         *summary_row;
  GtkSwitch           *descriptions_switch;
  GtkSwitch           *only_problems_switch;
  GtkSwitch           *mono_switch;
  GtkSwitch           *row_numbers_switch;
  AdwEntryRow         *header_row;
  AdwEntryRow         *footer_row;
  AdwExpanderRow      *phases_row;
  AdwExpanderRow      *roles_row;
  AdwActionRow        *grid_row;
  GtkSwitch           *grid_switch;

  /* What the grid shows, when it hides roles or collapses phases */
  GStrv                shown_roles;
  GStrv                collapsed;

  /* The check buttons of the phases and the roles, and their ids */
  GPtrArray           *phase_checks;
  GPtrArray           *role_checks;
  /* The paper shown is one the user chose: a size that is not in the
   * list is kept until another is chosen. */
  guint                paper_shown;
  gboolean             paper_known;
};

G_DEFINE_FINAL_TYPE (RacimoPrintOptionsPanel, racimo_print_options_panel, GTK_TYPE_BOX)

/* In the order of the paper row's list */
static const char * const paper_names[] = { "a4", "a3", "letter", "legal", "tabloid" };

/* The items of the width row, in its order */
enum
{
  FIT_WIDTH,
  FIT_TILE,
  FIT_ONE_PAGE,
  FIT_PAGES_WIDE,
};

/* How many pages across, asked only when chosen */
static void
on_fit_selected (RacimoPrintOptionsPanel *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->pages_wide_row),
                          adw_combo_row_get_selected (self->fit_row) == FIT_PAGES_WIDE);
}

/* One page per role has no use for the matrix's own choices. */
static void
on_handout_selected (RacimoPrintOptionsPanel *self)
{
  gboolean matrix = adw_combo_row_get_selected (self->handout_row) == 0;
  GtkWidget *matrix_only[] = {
    GTK_WIDGET (self->fit_row), GTK_WIDGET (self->pages_wide_row),
    GTK_WIDGET (self->summary_row), GTK_WIDGET (self->descriptions_switch),
    GTK_WIDGET (self->only_problems_switch), GTK_WIDGET (self->row_numbers_switch),
    GTK_WIDGET (self->mono_switch), GTK_WIDGET (self->grid_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (matrix_only); i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (matrix_only[i], ADW_TYPE_PREFERENCES_ROW);

      gtk_widget_set_sensitive (row != NULL ? row : matrix_only[i], matrix);
    }
}

static void
racimo_print_options_panel_dispose (GObject *object)
{
  RacimoPrintOptionsPanel *self = RACIMO_PRINT_OPTIONS_PANEL (object);

  g_clear_pointer (&self->phase_checks, g_ptr_array_unref);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);
  g_clear_pointer (&self->shown_roles, g_strfreev);
  g_clear_pointer (&self->collapsed, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (object), RACIMO_TYPE_PRINT_OPTIONS_PANEL);

  G_OBJECT_CLASS (racimo_print_options_panel_parent_class)->dispose (object);
}

static void
racimo_print_options_panel_class_init (RacimoPrintOptionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_print_options_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-print-options-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, paper_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, handout_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, fit_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, pages_wide_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, pages_wide_spin);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, descriptions_switch);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, only_problems_switch);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, mono_switch);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, row_numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, header_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, footer_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, phases_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, roles_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, grid_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoPrintOptionsPanel, grid_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_fit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_handout_selected);
}

static void
racimo_print_options_panel_init (RacimoPrintOptionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->phase_checks = g_ptr_array_new ();
  self->role_checks = g_ptr_array_new ();
}

/**
 * racimo_print_options_panel_new:
 *
 * Returns: (transfer floating): an empty panel; racimo_print_options_panel_set ()
 *   fills it
 */
RacimoPrintOptionsPanel *
racimo_print_options_panel_new (void)
{
  return g_object_new (RACIMO_TYPE_PRINT_OPTIONS_PANEL, NULL);
}

/* A row with a check button for one phase or role, its id on the button;
 * every item is printed when @ids is NULL. */
static void
add_item_check (AdwExpanderRow *expander,
                GPtrArray      *checks,
                RacimoItem     *item,
                char * const   *ids)
{
  const char *id = racimo_item_get_id (item);
  const char *name = racimo_item_get_name (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               ids == NULL || g_strv_contains ((const char * const *) ids, id));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_name (check, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name != '\0' ? name : id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (expander, row);
  g_ptr_array_add (checks, check);
}

/* NULL when every item is checked: what the command line does without
 * --phases or --roles, and what a project given more phases later should
 * print. */
static GStrv
checked_ids (GPtrArray *checks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_strv_builder_add (builder, gtk_widget_get_name (check));
      else
        all = FALSE;
    }

  return all ? NULL : g_strv_builder_end (builder);
}

/**
 * racimo_print_options_panel_set:
 * @project: the project printed, whose phases and roles are listed
 * @options: the choices shown
 * @with_paper: whether to show the paper and orientation; the print
 *   dialog has its own
 */
void
racimo_print_options_panel_set (RacimoPrintOptionsPanel       *self,
                                RacimoProject                 *project,
                                const RacimoPaginationOptions *options,
                                gboolean                       with_paper)
{
  const char *paper;

  g_return_if_fail (RACIMO_IS_PRINT_OPTIONS_PANEL (self));
  g_return_if_fail (RACIMO_IS_PROJECT (project));
  g_return_if_fail (options != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->paper_group), with_paper);
  /* Pages per role are the PDF export's: the print dialog prints the matrix */
  gtk_widget_set_visible (GTK_WIDGET (self->handout_row), with_paper);
  adw_combo_row_set_selected (self->handout_row, with_paper && options->per_role);
  paper = racimo_pagination_options_get_paper_name (options);
  self->paper_known = paper != NULL;
  self->paper_shown = 0;
  for (guint i = 0; paper != NULL && i < G_N_ELEMENTS (paper_names); i++)
    if (g_str_equal (paper, paper_names[i]) || (g_str_equal (paper, "ledger") && i == 4))
      self->paper_shown = i;
  adw_combo_row_set_selected (self->paper_row, self->paper_shown);
  adw_combo_row_set_selected (self->orientation_row,
                              options->orientation == RACIMO_PAGINATION_PORTRAIT);
  adw_combo_row_set_selected (self->fit_row, options->one_page ? FIT_ONE_PAGE
                                             : options->pages_wide > 0 ? FIT_PAGES_WIDE
                                             : options->fit == RACIMO_PAGINATION_TILE ? FIT_TILE
                                             : FIT_WIDTH);
  gtk_spin_button_set_value (self->pages_wide_spin,
                             options->pages_wide > 0 ? options->pages_wide : 2);
  adw_combo_row_set_selected (self->summary_row,
                              !options->summary ? 0 : options->summary_first ? 1 : 2);
  gtk_switch_set_active (self->descriptions_switch, options->descriptions);
  gtk_switch_set_active (self->only_problems_switch, options->only_problems);
  gtk_switch_set_active (self->mono_switch, options->mono);
  gtk_switch_set_active (self->row_numbers_switch, options->row_numbers);
  gtk_editable_set_text (GTK_EDITABLE (self->header_row),
                         options->header != NULL ? options->header : "");
  gtk_editable_set_text (GTK_EDITABLE (self->footer_row),
                         options->footer != NULL ? options->footer : "");

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    add_item_check (self->phases_row, self->phase_checks,
                    RACIMO_ITEM (racimo_project_get_phase (project, p)), options->phases);
  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    add_item_check (self->roles_row, self->role_checks,
                    RACIMO_ITEM (racimo_project_get_role (project, r)), options->roles);
  /* One phase without a name is no choice at all. */
  gtk_widget_set_visible (GTK_WIDGET (self->phases_row), self->phase_checks->len > 1);
}

/**
 * racimo_print_options_panel_set_grid:
 * @shown_roles: the ids of the roles the grid shows, in order
 * @collapsed: (nullable): the ids of the phases it shows collapsed
 *
 * Offers to print as the grid shows the matrix, when it hides roles or
 * collapses phases: the choice is off at first.
 */
void
racimo_print_options_panel_set_grid (RacimoPrintOptionsPanel *self,
                                     char * const            *shown_roles,
                                     char * const            *collapsed)
{
  g_return_if_fail (RACIMO_IS_PRINT_OPTIONS_PANEL (self));
  g_return_if_fail (shown_roles != NULL);

  g_strfreev (self->shown_roles);
  self->shown_roles = g_strdupv ((char **) shown_roles);
  g_strfreev (self->collapsed);
  self->collapsed = collapsed != NULL && collapsed[0] != NULL ? g_strdupv ((char **) collapsed)
                                                              : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->grid_row),
                          self->collapsed != NULL
                          || g_strv_length (self->shown_roles) < self->role_checks->len);
}

/**
 * racimo_print_options_panel_apply:
 * @options: the options to set from what the panel shows
 */
void
racimo_print_options_panel_apply (RacimoPrintOptionsPanel *self,
                                  RacimoPaginationOptions *options)
{
  guint paper = adw_combo_row_get_selected (self->paper_row);
  guint fit = adw_combo_row_get_selected (self->fit_row);
  guint summary = adw_combo_row_get_selected (self->summary_row);

  g_return_if_fail (RACIMO_IS_PRINT_OPTIONS_PANEL (self));
  g_return_if_fail (options != NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->paper_group)))
    {
      if (paper < G_N_ELEMENTS (paper_names) && (self->paper_known || paper != self->paper_shown))
        racimo_pagination_options_parse_paper (options, paper_names[paper], NULL);
      options->orientation = adw_combo_row_get_selected (self->orientation_row) == 1
                             ? RACIMO_PAGINATION_PORTRAIT : RACIMO_PAGINATION_LANDSCAPE;
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->handout_row)))
    options->per_role = adw_combo_row_get_selected (self->handout_row) == 1;
  options->fit = fit == FIT_TILE ? RACIMO_PAGINATION_TILE : RACIMO_PAGINATION_FIT_WIDTH;
  options->one_page = fit == FIT_ONE_PAGE;
  /* A number typed and not yet entered counts */
  gtk_spin_button_update (self->pages_wide_spin);
  options->pages_wide = fit == FIT_PAGES_WIDE
                        ? (guint) gtk_spin_button_get_value_as_int (self->pages_wide_spin) : 0;
  options->summary = summary == 1 || summary == 2;
  options->summary_first = summary == 1;
  options->descriptions = gtk_switch_get_active (self->descriptions_switch);
  options->only_problems = gtk_switch_get_active (self->only_problems_switch);
  options->mono = gtk_switch_get_active (self->mono_switch);
  options->row_numbers = gtk_switch_get_active (self->row_numbers_switch);
  g_free (options->header);
  options->header = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->header_row)));
  g_free (options->footer);
  options->footer = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->footer_row)));
  /* An empty line is none. */
  if (*options->header == '\0')
    g_clear_pointer (&options->header, g_free);
  if (*options->footer == '\0')
    g_clear_pointer (&options->footer, g_free);

  g_strfreev (options->phases);
  options->phases = checked_ids (self->phase_checks);
  g_strfreev (options->roles);
  options->roles = checked_ids (self->role_checks);
  g_clear_pointer (&options->collapsed, g_strfreev);

  /* As the grid shows it: its roles rather than the ones checked */
  if (gtk_widget_get_visible (GTK_WIDGET (self->grid_row))
      && gtk_switch_get_active (self->grid_switch))
    {
      g_strfreev (options->roles);
      options->roles = g_strdupv (self->shown_roles);
      options->collapsed = g_strdupv (self->collapsed);
    }
}
