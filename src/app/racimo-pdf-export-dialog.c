/* racimo-pdf-export-dialog.c: the choices of a PDF export
 *
 * The paper and the layout of the pages, as the command line's flags set
 * them, asked before the file dialog asks where (GtkFileDialog has no
 * room for choices).  Escape and Cancel close the dialog and nothing else
 * happens; Export (the default widget, so Enter) emits ::export, and the
 * caller reads the panel's options and closes the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-pdf-export-dialog.h"

struct _RacimoPdfExportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  RacimoPrintOptionsPanel *panel;
};

G_DEFINE_FINAL_TYPE (RacimoPdfExportDialog, racimo_pdf_export_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_export_clicked (RacimoPdfExportDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_EXPORT], 0);
}

static void
racimo_pdf_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RACIMO_TYPE_PDF_EXPORT_DIALOG);

  G_OBJECT_CLASS (racimo_pdf_export_dialog_parent_class)->dispose (object);
}

static void
racimo_pdf_export_dialog_class_init (RacimoPdfExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_pdf_export_dialog_dispose;

  /**
   * RacimoPdfExportDialog::export:
   *
   * The user chose the options and asks where to write the file.
   */
  signals[SIGNAL_EXPORT] =
    g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RACIMO_TYPE_PRINT_OPTIONS_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-pdf-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoPdfExportDialog, panel);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  /* A plain window does not close on Escape as a dialog does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
racimo_pdf_export_dialog_init (RacimoPdfExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * racimo_pdf_export_dialog_new:
 * @parent: the window of the project exported
 * @project: that project, whose phases and roles are offered
 * @options: the choices shown first: the last ones for this file
 *
 * Returns: (transfer none): a dialog over @parent, not shown yet; it is
 *   destroyed when closed
 */
RacimoPdfExportDialog *
racimo_pdf_export_dialog_new (GtkWindow                     *parent,
                              RacimoProject                 *project,
                              const RacimoPaginationOptions *options)
{
  RacimoPdfExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (RACIMO_TYPE_PDF_EXPORT_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  racimo_print_options_panel_set (self->panel, project, options, TRUE);

  return self;
}

/**
 * racimo_pdf_export_dialog_get_panel:
 *
 * Returns: (transfer none): the panel of the choices
 */
RacimoPrintOptionsPanel *
racimo_pdf_export_dialog_get_panel (RacimoPdfExportDialog *self)
{
  g_return_val_if_fail (RACIMO_IS_PDF_EXPORT_DIALOG (self), NULL);

  return self->panel;
}
