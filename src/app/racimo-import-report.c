/* racimo-import-report.c: what an import read, before the project opens
 *
 * A sheet whose import left something out, guessed what a column holds,
 * or is one of several in a workbook opens here first, and any imported
 * sheet comes back here from "Change Column Mapping…": the sheet of the
 * workbook to read, what was not read, what each column was read as (a
 * row per column, whose kind can be changed: a role taken for notes, a
 * column of dates that is a role after all), and strict mode.  Each
 * change imports the sheet again from the bytes read once, so what the
 * report says is what will open.  Open (the default widget, so Enter)
 * emits ::open; Cancel and Escape close the report and nothing opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-import-report.h"

struct _RacimoImportReport
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *sheet_group;
  AdwComboRow         *sheet_row;
  GtkLabel            *problems_label;
  GtkSwitch           *strict_switch;
  GtkWidget           *open_button;

  GFile               *file;
  GBytes              *bytes;
  char               **sheets;   /* of a workbook, or NULL */
  char                *sheet;    /* the one read; NULL for the first */
  GArray              *kinds;    /* RacimoCsvColumnKind the user chose, by column */
  gboolean             strict;
  RacimoProject       *project;  /* the last import, or NULL when it failed */
  GPtrArray           *problems;
  GPtrArray           *columns;
  char                *message;  /* why the last import failed */
  GPtrArray           *rows;     /* AdwComboRow of each column, as guint-indexed */
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (RacimoImportReport, racimo_import_report, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds a user can choose, in the order of the rows' lists */
static const RacimoCsvColumnKind choices[] = {
  RACIMO_CSV_COLUMN_PHASE,
  RACIMO_CSV_COLUMN_ACTIVITY,
  RACIMO_CSV_COLUMN_DESCRIPTION,
  RACIMO_CSV_COLUMN_APPLIES,
  RACIMO_CSV_COLUMN_WAIVERS,
  RACIMO_CSV_COLUMN_ROLE,
  RACIMO_CSV_COLUMN_IGNORED,
};

static guint
choice_of (RacimoCsvColumnKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      if (choices[i] == kind)
        return i;
    }

  return G_N_ELEMENTS (choices) - 1;
}

static void
show_problems (RacimoImportReport *self)
{
  g_autofree char *summary = NULL;

  if (self->message != NULL)
    gtk_label_set_text (self->problems_label, self->message);
  else if ((summary = racimo_csv_summarize_problems (self->problems, 20)) != NULL)
    gtk_label_set_text (self->problems_label, summary);
  else
    gtk_label_set_text (self->problems_label, _("Everything in the sheet was read."));

  gtk_widget_set_sensitive (self->open_button, self->project != NULL);
}

/* The rows follow what the import read, without reading it again. */
static void
sync_rows (RacimoImportReport *self)
{
  self->updating = TRUE;
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      const RacimoCsvColumn *column = g_ptr_array_index (self->columns, i);

      if (column->column - 1 < self->rows->len)
        {
          AdwComboRow *row = g_ptr_array_index (self->rows, column->column - 1);

          if (row != NULL)
            adw_combo_row_set_selected (row, choice_of (column->kind));
        }
    }
  self->updating = FALSE;
}

static void
import (RacimoImportReport *self)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autoptr(GError) error = NULL;
  RacimoCsvImportOptions options = {
    .strict = self->strict,
    .n_columns = self->kinds->len,
    .columns = (RacimoCsvColumnKind *) (void *) self->kinds->data,
    .sheet = self->sheet,
  };

  g_clear_object (&self->project);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  self->project = racimo_csv_import_bytes_full (self->bytes, name, &options, &self->problems,
                                                &self->columns, &error);
  if (self->project == NULL)
    self->message = g_strdup (error->message);

  sync_rows (self);
  show_problems (self);
}

static void
on_row_selected (AdwComboRow        *row,
                 GParamSpec         *pspec,
                 RacimoImportReport *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "racimo-column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= G_N_ELEMENTS (choices))
    return;

  racimo_import_report_set_column_kind (self, column, choices[selected]);
}

static void
add_rows (RacimoImportReport *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        adw_preferences_group_remove (self->columns_group, row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_string_list_append (labels, racimo_csv_column_kind_get_label (choices[i]));

  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      const RacimoCsvColumn *column = g_ptr_array_index (self->columns, i);
      g_autofree char *letters = NULL;
      g_autofree char *subtitle = NULL;
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      guint n = column->column;

      letters = racimo_csv_column_letters (n);
      /* Translators: %s is a column of a sheet such as "D" */
      subtitle = g_strdup_printf (_("Column %s"), letters);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *column->header != '\0' ? column->header : subtitle);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (row, G_LIST_MODEL (labels));
      adw_combo_row_set_selected (row, choice_of (column->kind));
      g_object_set_data (G_OBJECT (row), "racimo-column", GUINT_TO_POINTER (n));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_row_selected), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));

      while (self->rows->len < n)
        g_ptr_array_add (self->rows, NULL);
      g_ptr_array_index (self->rows, n - 1) = row;
    }
}

static void
on_sheet_selected (RacimoImportReport *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (self->sheets != NULL && selected < g_strv_length (self->sheets))
    racimo_import_report_set_sheet (self, self->sheets[selected]);
}

/* The sheet picker, for a workbook of several sheets */
static void
add_sheets (RacimoImportReport *self)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autoptr(GtkStringList) names = NULL;

  /* A workbook that cannot be read says why in the report already */
  self->sheets = racimo_csv_list_sheets (self->bytes, name, NULL);
  if (self->sheets == NULL || g_strv_length (self->sheets) < 2)
    return;

  names = gtk_string_list_new ((const char * const *) self->sheets);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_group), TRUE);
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_selected),
                            self);
}

static void
on_strict_changed (RacimoImportReport *self)
{
  racimo_import_report_set_strict (self, gtk_switch_get_active (self->strict_switch));
}

static void
on_open_clicked (RacimoImportReport *self)
{
  if (self->project != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN], 0);
}

static void
racimo_import_report_dispose (GObject *object)
{
  RacimoImportReport *self = RACIMO_IMPORT_REPORT (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RACIMO_TYPE_IMPORT_REPORT);
  g_clear_object (&self->project);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (racimo_import_report_parent_class)->dispose (object);
}

static void
racimo_import_report_finalize (GObject *object)
{
  RacimoImportReport *self = RACIMO_IMPORT_REPORT (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sheets, g_strfreev);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (racimo_import_report_parent_class)->finalize (object);
}

static void
racimo_import_report_class_init (RacimoImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_import_report_dispose;
  object_class->finalize = racimo_import_report_finalize;

  /**
   * RacimoImportReport::open:
   *
   * The user asks for the project as the report shows it:
   * racimo_import_report_get_project().
   */
  signals[SIGNAL_OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-import-report.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoImportReport, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoImportReport, sheet_group);
  gtk_widget_class_bind_template_child (widget_class, RacimoImportReport, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, RacimoImportReport, problems_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoImportReport, strict_switch);
  gtk_widget_class_bind_template_child (widget_class, RacimoImportReport, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_strict_changed);

  /* A plain window does not close on Escape as a dialog does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
racimo_import_report_init (RacimoImportReport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kinds = g_array_new (FALSE, TRUE, sizeof (RacimoCsvColumnKind));
  self->rows = g_ptr_array_new ();
}

/**
 * racimo_import_report_new:
 * @file: the sheet, for its name
 * @bytes: its content, as read
 *
 * Imports @bytes and shows what was read.
 *
 * Returns: (transfer full): the report, not shown yet
 */
RacimoImportReport *
racimo_import_report_new (GtkWindow *parent,
                          GFile     *file,
                          GBytes    *bytes)
{
  RacimoImportReport *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (RACIMO_TYPE_IMPORT_REPORT, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->bytes = g_bytes_ref (bytes);
  add_sheets (self);
  import (self);
  add_rows (self);

  return self;
}

/**
 * racimo_import_report_get_bytes:
 *
 * Returns: (transfer none): the sheet's content, as imported
 */
GBytes *
racimo_import_report_get_bytes (RacimoImportReport *self)
{
  g_return_val_if_fail (RACIMO_IS_IMPORT_REPORT (self), NULL);

  return self->bytes;
}

GFile *
racimo_import_report_get_file (RacimoImportReport *self)
{
  g_return_val_if_fail (RACIMO_IS_IMPORT_REPORT (self), NULL);

  return self->file;
}

/**
 * racimo_import_report_get_project:
 *
 * Returns: (transfer none) (nullable): the project as the report shows
 *   it, or %NULL when strict mode refuses the sheet
 */
RacimoProject *
racimo_import_report_get_project (RacimoImportReport *self)
{
  g_return_val_if_fail (RACIMO_IS_IMPORT_REPORT (self), NULL);

  return self->project;
}

/**
 * racimo_import_report_get_problems:
 *
 * Returns: (transfer none) (nullable) (element-type RacimoCsvProblem):
 *   what the last import did not read
 */
GPtrArray *
racimo_import_report_get_problems (RacimoImportReport *self)
{
  g_return_val_if_fail (RACIMO_IS_IMPORT_REPORT (self), NULL);

  return self->problems;
}

/**
 * racimo_import_report_get_columns:
 *
 * Returns: (transfer none) (nullable) (element-type RacimoCsvColumn): what
 *   each column was read as
 */
GPtrArray *
racimo_import_report_get_columns (RacimoImportReport *self)
{
  g_return_val_if_fail (RACIMO_IS_IMPORT_REPORT (self), NULL);

  return self->columns;
}

/**
 * racimo_import_report_get_message:
 *
 * Returns: (nullable): why the sheet cannot open as the report is set
 */
const char *
racimo_import_report_get_message (RacimoImportReport *self)
{
  g_return_val_if_fail (RACIMO_IS_IMPORT_REPORT (self), NULL);

  return self->message;
}

/**
 * racimo_import_report_set_column_kind:
 * @column: 1-based, as RacimoCsvColumn numbers them
 *
 * Reads column @column as @kind, and the sheet again.
 */
void
racimo_import_report_set_column_kind (RacimoImportReport  *self,
                                      guint                column,
                                      RacimoCsvColumnKind  kind)
{
  g_return_if_fail (RACIMO_IS_IMPORT_REPORT (self));
  g_return_if_fail (column > 0);

  if (self->kinds->len < column)
    g_array_set_size (self->kinds, column);
  g_array_index (self->kinds, RacimoCsvColumnKind, column - 1) = kind;
  import (self);
}

void
racimo_import_report_set_strict (RacimoImportReport *self,
                                 gboolean            strict)
{
  g_return_if_fail (RACIMO_IS_IMPORT_REPORT (self));

  if (self->strict == !!strict)
    return;

  self->strict = !!strict;
  if (gtk_switch_get_active (self->strict_switch) != self->strict)
    gtk_switch_set_active (self->strict_switch, self->strict);
  import (self);
}

/**
 * racimo_import_report_get_sheets:
 *
 * Returns: (transfer none) (nullable): the sheets of a workbook, in its
 *   order, or %NULL for a CSV file
 */
const char * const *
racimo_import_report_get_sheets (RacimoImportReport *self)
{
  g_return_val_if_fail (RACIMO_IS_IMPORT_REPORT (self), NULL);

  return (const char * const *) self->sheets;
}

/**
 * racimo_import_report_set_sheet:
 * @sheet: a name of racimo_import_report_get_sheets()
 *
 * Reads @sheet of the workbook, with each column's kind automatic again:
 * another sheet has other columns.
 */
void
racimo_import_report_set_sheet (RacimoImportReport *self,
                                const char         *sheet)
{
  g_return_if_fail (RACIMO_IS_IMPORT_REPORT (self));
  g_return_if_fail (sheet != NULL);

  if (g_strcmp0 (self->sheet, sheet) == 0
      || (self->sheet == NULL && self->sheets != NULL && g_strcmp0 (self->sheets[0], sheet) == 0))
    return;

  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
  g_array_set_size (self->kinds, 0);
  import (self);
  add_rows (self);

  for (guint i = 0; self->sheets != NULL && self->sheets[i] != NULL; i++)
    {
      if (g_str_equal (self->sheets[i], sheet) && adw_combo_row_get_selected (self->sheet_row) != i)
        adw_combo_row_set_selected (self->sheet_row, i);
    }
}
