/* racimo-compare-panel.c: the sidebar of compare mode
 *
 * Lists the changes of racimo_differences_compare () under a heading per
 * group: the project, roles, people, then each phase.  Its buttons only
 * activate the window's actions (win.take-change, win.keep-change,
 * win.take-group, win.next-change, win.previous-change,
 * win.leave-compare); choosing a row tells the window, which shows the
 * change in the grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "racimo-compare-panel.h"

struct _RacimoComparePanel
{
  GtkWidget   parent_instance;

  GPtrArray  *rows;     /* GtkListBoxRow *, unowned, one per change */
  char       *summary;
  gboolean    selecting;

  GtkLabel   *summary_label;
  GtkStack   *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (RacimoComparePanel, racimo_compare_panel, GTK_TYPE_WIDGET)

enum {
  CHANGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a change is, in words beside its colour */
static const char *
kind_text (RacimoDifferenceKind kind)
{
  switch (kind)
    {
    case RACIMO_DIFFERENCE_ADDED:
      /* TRANSLATORS: compare mode: an activity only the other copy has */
      return C_("change", "Added");
    case RACIMO_DIFFERENCE_REMOVED:
      /* TRANSLATORS: compare mode: an activity the other copy lacks */
      return C_("change", "Removed");
    case RACIMO_DIFFERENCE_MOVED:
      return C_("change", "Moved");
    case RACIMO_DIFFERENCE_CHANGED:
      return C_("change", "Changed");
    default:
      g_assert_not_reached ();
    }
}

static const char *
kind_class (RacimoDifferenceKind kind)
{
  static const char *classes[] = { "compare-added", "compare-removed", "compare-moved",
                                   "compare-changed" };

  return classes[kind];
}

static GtkWidget *
make_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
make_button (const char *label,
             const char *action,
             GVariant   *target,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  /* An action's enabled state would make the button sensitive again */
  if (sensitive)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
    }
  else
    {
      g_variant_unref (g_variant_ref_sink (target));
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (
        button, _("Take first what this change needs, such as its phase or person"));
    }
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
make_group_row (const RacimoDifference *change)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = make_label (change->phase_name, "heading");

  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box),
                  make_button (_("Take _All Theirs"), "win.take-group",
                               g_variant_new_string (racimo_difference_get_group_key (change)),
                               TRUE));
  gtk_widget_set_margin_top (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static GtkWidget *
make_change_row (const RacimoDifference *change,
                 guint               index,
                 gboolean            can_take)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind = make_label (kind_text (change->kind), "caption-heading");
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (kind, kind_class (change->kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), make_label (change->title, "heading"));
  gtk_box_append (GTK_BOX (box), make_label (change->detail, NULL));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons),
                  make_button (_("Keep _Mine"), "win.keep-change", g_variant_new_uint32 (index),
                               TRUE));
  gtk_box_append (GTK_BOX (buttons),
                  make_button (_("Take _Theirs"), "win.take-change",
                               g_variant_new_uint32 (index), can_take));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* TRANSLATORS: what a screen reader says of a change: its kind, the
   * activity, what changed */
  accessible = g_strdup_printf (_("%s: %s, %s"), kind_text (change->kind), change->title,
                                change->detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (row), "racimo-change", GUINT_TO_POINTER (index + 1));

  return row;
}

/**
 * racimo_compare_panel_set_changes:
 * @name: the other copy's name, as the panel's heading says it
 * @changes: (element-type RacimoDifference): the changes to list, in order
 *
 * Lists @changes under a heading per group (the project, roles, people,
 * each phase).  Each row's buttons take or keep the change of its index in
 * @changes.
 */
void
racimo_compare_panel_set_changes (RacimoComparePanel *self,
                                  const char         *name,
                                  GPtrArray          *changes,
                                  RacimoProject      *mine,
                                  RacimoProject      *theirs)
{
  const char *group = NULL;
  GtkWidget *child;

  g_return_if_fail (RACIMO_IS_COMPARE_PANEL (self));
  g_return_if_fail (changes != NULL);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < changes->len; i++)
    {
      const RacimoDifference *change = g_ptr_array_index (changes, i);
      GtkWidget *row;

      if (g_strcmp0 (group, racimo_difference_get_group_key (change)) != 0)
        {
          gtk_list_box_append (self->list, make_group_row (change));
          group = racimo_difference_get_group_key (change);
        }
      row = make_change_row (change, i, racimo_difference_can_take (mine, theirs, change));
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  self->selecting = FALSE;

  g_free (self->summary);
  /* TRANSLATORS: compare mode's heading: the other file, how many changes */
  self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u change",
                                                "%s: %u changes", changes->len),
                                   name, changes->len);
  gtk_label_set_label (self->summary_label, self->summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), self->summary);
  gtk_stack_set_visible_child_name (self->stack, changes->len > 0 ? "changes" : "none");
}

/**
 * racimo_compare_panel_select:
 * @index: a change's index, or -1 for none
 *
 * Selects the change's row and scrolls to it, without telling the window.
 */
void
racimo_compare_panel_select (RacimoComparePanel *self,
                             int                 index)
{
  g_return_if_fail (RACIMO_IS_COMPARE_PANEL (self));

  self->selecting = TRUE;
  if (index < 0 || (guint) index >= self->rows->len)
    gtk_list_box_unselect_all (self->list);
  else
    {
      GtkWidget *row = g_ptr_array_index (self->rows, index);

      gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
      /* Scroll to it through the focus adjustment, as GTK 4.8 has no
       * gtk_list_box_row_scroll_to () */
      if (gtk_widget_get_mapped (row))
        {
          graphene_rect_t bounds;
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
            GTK_SCROLLED_WINDOW (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->list)))));

          if (gtk_widget_compute_bounds (row, GTK_WIDGET (self->list), &bounds))
            gtk_adjustment_clamp_page (adjustment, bounds.origin.y,
                                       bounds.origin.y + bounds.size.height);
        }
    }
  self->selecting = FALSE;
}

/**
 * racimo_compare_panel_get_selected:
 *
 * Returns: the index of the change selected, or -1
 */
int
racimo_compare_panel_get_selected (RacimoComparePanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RACIMO_IS_COMPARE_PANEL (self), -1);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "racimo-change")) - 1
                     : -1;
}

/**
 * racimo_compare_panel_get_summary:
 *
 * Returns: (nullable): the heading's line: the other copy and the count
 */
const char *
racimo_compare_panel_get_summary (RacimoComparePanel *self)
{
  g_return_val_if_fail (RACIMO_IS_COMPARE_PANEL (self), NULL);

  return self->summary;
}

static void
on_row_activated (RacimoComparePanel *self,
                  GtkListBoxRow      *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "racimo-change"));

  if (index > 0 && !self->selecting)
    g_signal_emit (self, signals[CHANGE_ACTIVATED], 0, (int) index - 1);
}

static void
racimo_compare_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RACIMO_TYPE_COMPARE_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (racimo_compare_panel_parent_class)->dispose (object);
}

static void
racimo_compare_panel_finalize (GObject *object)
{
  RacimoComparePanel *self = RACIMO_COMPARE_PANEL (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (racimo_compare_panel_parent_class)->finalize (object);
}

static void
racimo_compare_panel_class_init (RacimoComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_compare_panel_dispose;
  object_class->finalize = racimo_compare_panel_finalize;

  /**
   * RacimoComparePanel::change-activated:
   * @index: the change's index
   *
   * The user chose a change in the list.
   */
  signals[CHANGE_ACTIVATED] =
    g_signal_new ("change-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/racimo/Racimo/racimo-compare-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoComparePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoComparePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RacimoComparePanel, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
racimo_compare_panel_init (RacimoComparePanel *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
racimo_compare_panel_new (void)
{
  return g_object_new (RACIMO_TYPE_COMPARE_PANEL, NULL);
}
