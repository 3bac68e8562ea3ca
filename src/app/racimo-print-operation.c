/* racimo-print-operation.c: printing the matrix through core's layout
 *
 * The print dialog's pages are the PDF export's: "begin-print" makes a
 * RacimoPagination from the page setup the user chose, and "draw-page" has it
 * draw each page.  The layout takes its snapshot of the project when it is
 * made, so edits while the pages are sent do not change them.  A tab of
 * the dialog holds what only a matrix has, the PDF export's choices but
 * the paper: fit or tile, the summary, what to print, black and white, a
 * header and a footer (RacimoPrintOptionsPanel).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "racimo-print-operation.h"
#include "racimo-print-options-panel.h"

struct _RacimoPrintOperation
{
  GtkPrintOperation    parent_instance;

  RacimoProject       *project;
  RacimoPaginationOptions *options;
  RacimoPagination        *layout;
  GtkPageSetup        *used_page_setup;
  char                *fit_notice;

  /* The custom tab, while the dialog shows it (weak) */
  RacimoPrintOptionsPanel *panel;
  /* What the grid shows, offered in the tab */
  GStrv                shown_roles;
  GStrv                collapsed;
};

G_DEFINE_FINAL_TYPE (RacimoPrintOperation, racimo_print_operation, GTK_TYPE_PRINT_OPERATION)

/**
 * racimo_print_operation_apply_page_setup:
 *
 * Sets the paper, orientation and margins of @options from @setup.
 */
void
racimo_print_operation_apply_page_setup (RacimoPaginationOptions *options,
                                         GtkPageSetup        *setup)
{
  GtkPaperSize *paper;

  g_return_if_fail (options != NULL);
  g_return_if_fail (GTK_IS_PAGE_SETUP (setup));

  paper = gtk_page_setup_get_paper_size (setup);
  options->paper_width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  options->paper_height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);

  switch (gtk_page_setup_get_orientation (setup))
    {
    case GTK_PAGE_ORIENTATION_LANDSCAPE:
    case GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE:
      options->orientation = RACIMO_PAGINATION_LANDSCAPE;
      break;
    case GTK_PAGE_ORIENTATION_PORTRAIT:
    case GTK_PAGE_ORIENTATION_REVERSE_PORTRAIT:
    default:
      options->orientation = RACIMO_PAGINATION_PORTRAIT;
      break;
    }

  /* GtkPageSetup gives the margins of the page as it is read, as the
   * layout takes them. */
  options->margin_top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  options->margin_bottom = gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS);
  options->margin_left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
  options->margin_right = gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS);
}

static void
racimo_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  RacimoPrintOperation *self = RACIMO_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  cairo_surface_t *target = cairo_get_target (gtk_print_context_get_cairo_context (context));
  const char *title = racimo_project_get_title (self->project);

  racimo_print_operation_apply_page_setup (self->options, setup);
  g_set_object (&self->used_page_setup, setup);

  /* Print to File as PDF: the title in the document's properties, as the
   * PDF export writes it. */
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF && *title != '\0')
    cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_TITLE, title);

  g_clear_object (&self->layout);
  self->layout = racimo_pagination_new (self->project, self->options);
  g_free (self->fit_notice);
  self->fit_notice = racimo_pagination_dup_fit_notice (self->layout);
  gtk_print_operation_set_n_pages (operation, (int) racimo_pagination_get_n_pages (self->layout));
}

static void
racimo_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  RacimoPrintOperation *self = RACIMO_PRINT_OPERATION (operation);

  racimo_pagination_draw_page (self->layout, gtk_print_context_get_cairo_context (context),
                           (guint) page_nr);
}

static void
racimo_print_operation_end_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  RacimoPrintOperation *self = RACIMO_PRINT_OPERATION (operation);

  /* What it took of memory goes now, not with the operation. */
  g_clear_object (&self->layout);
}

static GtkWidget *
racimo_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  RacimoPrintOperation *self = RACIMO_PRINT_OPERATION (operation);
  RacimoPrintOptionsPanel *panel = racimo_print_options_panel_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* The dialog's own tabs set the paper. */
  racimo_print_options_panel_set (panel, self->project, self->options, FALSE);
  if (self->shown_roles != NULL)
    racimo_print_options_panel_set_grid (panel, self->shown_roles, self->collapsed);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (panel));
  self->panel = panel;
  g_object_add_weak_pointer (G_OBJECT (self->panel), (gpointer *) &self->panel);

  return scrolled;
}

static void
racimo_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                            GtkWidget         *widget)
{
  RacimoPrintOperation *self = RACIMO_PRINT_OPERATION (operation);

  if (self->panel != NULL)
    racimo_print_options_panel_apply (self->panel, self->options);
}

static void
racimo_print_operation_dispose (GObject *object)
{
  RacimoPrintOperation *self = RACIMO_PRINT_OPERATION (object);

  if (self->panel != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->panel), (gpointer *) &self->panel);
  self->panel = NULL;
  g_clear_object (&self->layout);
  g_clear_object (&self->used_page_setup);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (racimo_print_operation_parent_class)->dispose (object);
}

static void
racimo_print_operation_finalize (GObject *object)
{
  RacimoPrintOperation *self = RACIMO_PRINT_OPERATION (object);

  g_clear_pointer (&self->options, racimo_pagination_options_free);
  g_clear_pointer (&self->fit_notice, g_free);
  g_clear_pointer (&self->shown_roles, g_strfreev);
  g_clear_pointer (&self->collapsed, g_strfreev);

  G_OBJECT_CLASS (racimo_print_operation_parent_class)->finalize (object);
}

static void
racimo_print_operation_class_init (RacimoPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = racimo_print_operation_dispose;
  object_class->finalize = racimo_print_operation_finalize;

  operation_class->begin_print = racimo_print_operation_begin_print;
  operation_class->draw_page = racimo_print_operation_draw_page;
  operation_class->end_print = racimo_print_operation_end_print;
  operation_class->create_custom_widget = racimo_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = racimo_print_operation_custom_widget_apply;
}

static void
racimo_print_operation_init (RacimoPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The layout places everything itself, margins included, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the tab of the print dialog with the matrix's options */
  gtk_print_operation_set_custom_tab_label (operation, _("Matrix"));
}

/**
 * racimo_print_operation_new:
 * @options: (nullable): the layout's options to start from; the page
 *   setup chosen in the dialog sets the paper, orientation and margins
 *
 * Returns: (transfer full): an operation that prints @project
 */
RacimoPrintOperation *
racimo_print_operation_new (RacimoProject             *project,
                            const RacimoPaginationOptions *options)
{
  RacimoPrintOperation *self;
  const char *title;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);

  self = g_object_new (RACIMO_TYPE_PRINT_OPERATION, NULL);
  self->project = g_object_ref (project);
  self->options = options != NULL ? racimo_pagination_options_copy (options)
                                  : racimo_pagination_options_new ();

  title = racimo_project_get_title (project);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title != NULL && *title != '\0' ? title
                                                                    : _("Untitled Project"));

  return self;
}

/**
 * racimo_print_operation_get_options:
 *
 * Returns: (transfer none): the layout's options, as the dialog left them
 */
const RacimoPaginationOptions *
racimo_print_operation_get_options (RacimoPrintOperation *self)
{
  g_return_val_if_fail (RACIMO_IS_PRINT_OPERATION (self), NULL);

  return self->options;
}

/**
 * racimo_print_operation_set_grid:
 * @shown_roles: the ids of the roles the grid shows
 * @collapsed: (nullable): the ids of the phases it shows collapsed
 *
 * Lets the Matrix tab offer to print as the grid shows the matrix.
 */
void
racimo_print_operation_set_grid (RacimoPrintOperation *self,
                                 char * const         *shown_roles,
                                 char * const         *collapsed)
{
  g_return_if_fail (RACIMO_IS_PRINT_OPERATION (self));
  g_return_if_fail (shown_roles != NULL);

  g_strfreev (self->shown_roles);
  self->shown_roles = g_strdupv ((char **) shown_roles);
  g_strfreev (self->collapsed);
  self->collapsed = g_strdupv ((char **) collapsed);
}

/**
 * racimo_print_operation_get_used_page_setup:
 *
 * Returns: (transfer none) (nullable): the page setup the pages were laid
 *   out for, once printing began
 */
GtkPageSetup *
racimo_print_operation_get_used_page_setup (RacimoPrintOperation *self)
{
  g_return_val_if_fail (RACIMO_IS_PRINT_OPERATION (self), NULL);

  return self->used_page_setup;
}

/**
 * racimo_print_operation_get_fit_notice:
 *
 * Returns: (nullable): once printing began, what to tell the user when
 *   the matrix did not fit the pages asked for (see
 *   racimo_pagination_dup_fit_notice ()), or %NULL
 */
const char *
racimo_print_operation_get_fit_notice (RacimoPrintOperation *self)
{
  g_return_val_if_fail (RACIMO_IS_PRINT_OPERATION (self), NULL);

  return self->fit_notice;
}
