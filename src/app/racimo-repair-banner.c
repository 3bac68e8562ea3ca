/* racimo-repair-banner.c: what was repaired to open a file, over the grid
 *
 * A repaired copy of a colleague's file (racimo_file_repair ()) opens
 * with this banner: how many repairs were made, and a button that lists
 * them, one row each with its line, what was wrong and what was done.
 * Activating a row emits "repair-activated" with its index, and the
 * window moves the grid's cursor to the place.  The banner stays until
 * it is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-repair-banner.h"
#include "racimo-ui-resources.h"

struct _RacimoRepairBanner
{
  AdwBin         parent_instance;

  RacimoRepairs *repairs;

  /* Template widgets */
  GtkRevealer   *revealer;
  GtkLabel      *label;
  GtkWidget     *list_button;
  GtkPopover    *popover;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (RacimoRepairBanner, racimo_repair_banner, ADW_TYPE_BIN)

enum
{
  REPAIR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wrapped labels ask for no width: the popover would be a column. */
  gtk_label_set_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

/* The core's words start a clause; a row starts a sentence. */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char start[8] = { 0 };

  if (first == 0)
    return g_strdup (text);

  g_unichar_to_utf8 (g_unichar_totitle (first), start);

  return g_strconcat (start, g_utf8_next_char (text), NULL);
}

static GtkWidget *
make_row (RacimoRepairs *repairs,
          guint          n)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *row = gtk_list_box_row_new ();
  guint line = racimo_repairs_get_line (repairs, n);
  g_autofree char *where = NULL;
  g_autofree char *done = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *problem = capitalize (racimo_repairs_get_problem (repairs, n));

  if (line > 0)
    /* Translators: a line of the repaired file */
    where = g_strdup_printf (_("Line %u"), line);
  else
    where = g_strdup (_("The whole file"));
  /* Translators: %s is what was done to repair the file, "read it as the
   * codes R, A" */
  done = g_strdup_printf (_("Repaired: %s"), racimo_repairs_get_action (repairs, n));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), make_label (where, "heading"));
  gtk_box_append (GTK_BOX (box), make_label (problem, NULL));
  gtk_box_append (GTK_BOX (box), make_label (done, "dim-label"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  accessible = g_strdup_printf ("%s: %s. %s", where, problem, done);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

/**
 * racimo_repair_banner_set_repairs:
 * @repairs: (nullable): what was repaired; %NULL or none hides the banner
 */
void
racimo_repair_banner_set_repairs (RacimoRepairBanner *self,
                                  RacimoRepairs      *repairs)
{
  GtkWidget *child;
  guint n;
  g_autofree char *text = NULL;

  g_return_if_fail (RACIMO_IS_REPAIR_BANNER (self));

  if (repairs != NULL)
    racimo_repairs_ref (repairs);
  g_clear_pointer (&self->repairs, racimo_repairs_unref);
  self->repairs = repairs;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  n = repairs != NULL ? racimo_repairs_get_n_repairs (repairs) : 0;
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (repairs, i));

  text = g_strdup_printf (ngettext ("This is a repaired copy: %u repair was made to open the file",
                                    "This is a repaired copy: %u repairs were made to open the file",
                                    n), n);
  gtk_label_set_text (self->label, text);
  gtk_revealer_set_reveal_child (self->revealer, n > 0);
}

/**
 * racimo_repair_banner_is_shown:
 *
 * Returns: whether the banner shows (it may still be sliding in)
 */
gboolean
racimo_repair_banner_is_shown (RacimoRepairBanner *self)
{
  g_return_val_if_fail (RACIMO_IS_REPAIR_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
racimo_repair_banner_get_text (RacimoRepairBanner *self)
{
  g_return_val_if_fail (RACIMO_IS_REPAIR_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}

/**
 * racimo_repair_banner_get_list:
 *
 * Returns: (transfer none): the list of repairs, one row each
 */
GtkListBox *
racimo_repair_banner_get_list (RacimoRepairBanner *self)
{
  g_return_val_if_fail (RACIMO_IS_REPAIR_BANNER (self), NULL);

  return self->list;
}

/**
 * racimo_repair_banner_get_popover:
 *
 * Returns: (transfer none): the popover that holds the list
 */
GtkWidget *
racimo_repair_banner_get_popover (RacimoRepairBanner *self)
{
  g_return_val_if_fail (RACIMO_IS_REPAIR_BANNER (self), NULL);

  return GTK_WIDGET (self->popover);
}

static void
on_row_activated (RacimoRepairBanner *self,
                  GtkListBoxRow      *row)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[REPAIR_ACTIVATED], 0, (guint) gtk_list_box_row_get_index (row));
}

static void
on_close_clicked (RacimoRepairBanner *self)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
racimo_repair_banner_dispose (GObject *object)
{
  RacimoRepairBanner *self = RACIMO_REPAIR_BANNER (object);

  /* AdwBin unparents its child, the template's root. */
  g_clear_pointer (&self->repairs, racimo_repairs_unref);

  G_OBJECT_CLASS (racimo_repair_banner_parent_class)->dispose (object);
}

static void
racimo_repair_banner_class_init (RacimoRepairBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_repair_banner_dispose;

  /**
   * RacimoRepairBanner::repair-activated:
   * @index: the repair's index in the list
   *
   * A repair was picked in the list: the window shows its place.
   */
  signals[REPAIR_ACTIVATED] = g_signal_new ("repair-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_UINT);

  (void) racimo_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-repair-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoRepairBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, RacimoRepairBanner, label);
  gtk_widget_class_bind_template_child (widget_class, RacimoRepairBanner, list_button);
  gtk_widget_class_bind_template_child (widget_class, RacimoRepairBanner, popover);
  gtk_widget_class_bind_template_child (widget_class, RacimoRepairBanner, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
}

static void
racimo_repair_banner_init (RacimoRepairBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
