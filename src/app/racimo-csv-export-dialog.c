/* racimo-csv-export-dialog.c: the choices of a CSV export
 *
 * Which character separates the cells, and whether the file starts with
 * the byte order mark that Excel needs to read UTF-8.  They were choices
 * inside GtkFileChooserNative's save dialog; GtkFileDialog (GTK 4.10) has
 * no room for choices, so they are asked here first, on every version,
 * and the file dialog only asks where.
 *
 * Escape and Cancel close the dialog and nothing else happens; Export (the
 * default widget, so Enter) emits ::export, and the caller closes the
 * dialog once it has read the options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-csv-export-dialog.h"

struct _RacimoCsvExportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwComboRow *delimiter_row;
  GtkSwitch   *bom_switch;
};

G_DEFINE_FINAL_TYPE (RacimoCsvExportDialog, racimo_csv_export_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_export_clicked (RacimoCsvExportDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_EXPORT], 0);
}

static void
racimo_csv_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RACIMO_TYPE_CSV_EXPORT_DIALOG);

  G_OBJECT_CLASS (racimo_csv_export_dialog_parent_class)->dispose (object);
}

static void
racimo_csv_export_dialog_class_init (RacimoCsvExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_csv_export_dialog_dispose;

  /**
   * RacimoCsvExportDialog::export:
   *
   * The user chose the options and asks where to write the file.
   */
  signals[SIGNAL_EXPORT] =
    g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-csv-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoCsvExportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoCsvExportDialog, bom_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  /* A plain window does not close on Escape as a dialog does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
racimo_csv_export_dialog_init (RacimoCsvExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * racimo_csv_export_dialog_new:
 * @parent: the window of the project exported
 * @options: the choices shown first: the last export's
 *
 * Returns: (transfer none): a dialog over @parent, not shown yet; it is
 *   destroyed when closed
 */
RacimoCsvExportDialog *
racimo_csv_export_dialog_new (GtkWindow              *parent,
                              const RacimoCsvOptions *options)
{
  RacimoCsvExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (RACIMO_TYPE_CSV_EXPORT_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  adw_combo_row_set_selected (self->delimiter_row, (guint) options->delimiter);
  gtk_switch_set_active (self->bom_switch, options->bom);

  return self;
}

/**
 * racimo_csv_export_dialog_get_options:
 * @options: (out): the choices shown
 */
void
racimo_csv_export_dialog_get_options (RacimoCsvExportDialog *self,
                                      RacimoCsvOptions      *options)
{
  guint selected;

  g_return_if_fail (RACIMO_IS_CSV_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  selected = adw_combo_row_get_selected (self->delimiter_row);
  options->delimiter = selected <= RACIMO_CSV_TAB ? (RacimoCsvDelimiter) selected
                                                  : RACIMO_CSV_COMMA;
  options->bom = gtk_switch_get_active (self->bom_switch);
}
