/* racimo-matrix-view-popovers.c: the popovers over a cell: its codes, renaming,
 * properties and waivers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"
#include "racimo-waiver-popover.h"

/* Popovers: codes of a cell, renaming, properties, waivers */

void
_racimo_matrix_view_item_cell (RacimoMatrixView *self,
                               RacimoItem       *item,
                               int              *row,
                               int              *column)
{
  if (RACIMO_IS_ROLE (item))
    {
      *row = RACIMO_MATRIX_HEADER_ROW;
      *column = _racimo_matrix_view_lookup_column (self, item);
    }
  else
    {
      *row = racimo_matrix_view_find_row (self, item);
      *column = RACIMO_MATRIX_NAME_COLUMN;
    }
}

static void
present_at_cell (RacimoMatrixView *self,
                 GtkWidget        *popover,
                 int               row,
                 int               column)
{
  graphene_rect_t rect;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRectangle area;

  if (popover == NULL || !gtk_widget_get_visible (popover))
    return;

  if (row >= (int) n_rows (self) || column >= (int) n_columns (self))
    {
      gtk_popover_popdown (GTK_POPOVER (popover));
      return;
    }

  _racimo_matrix_view_get_cell_rect (self, row, column, &rect);
  area.x = CLAMP ((int) rect.origin.x, 0, MAX (width - 1, 0));
  area.y = CLAMP ((int) rect.origin.y, 0, MAX (height - 1, 0));
  area.width = MAX (MIN ((int) rect.size.width, width - area.x), 1);
  area.height = MAX (MIN ((int) rect.size.height, height - area.y), 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &area);
  gtk_popover_present (GTK_POPOVER (popover));
}

static void
present_at_item (RacimoMatrixView *self,
                 GtkWidget        *popover,
                 RacimoItem       *item)
{
  int row, column;

  if (popover == NULL || !gtk_widget_get_visible (popover) || item == NULL)
    return;

  _racimo_matrix_view_item_cell (self, item, &row, &column);
  if (row < 0 && column < 0)
    gtk_popover_popdown (GTK_POPOVER (popover));
  else
    present_at_cell (self, popover, row, column);
}

void
_racimo_matrix_view_present_popovers (RacimoMatrixView *self)
{
  present_at_cell (self, self->codes_popover, self->codes_row, self->codes_column);
  present_at_item (self, self->rename_popover, self->rename_item);
  present_at_item (self, self->props_popover, self->props_item);
  if (self->waive_popover != NULL)
    present_at_item (self, self->waive_popover,
                     racimo_waiver_popover_get_item (RACIMO_WAIVER_POPOVER (self->waive_popover)));
  if (self->context_menu != NULL && gtk_widget_get_visible (self->context_menu))
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

void
_racimo_matrix_view_popdown_all (RacimoMatrixView *self)
{
  GtkWidget *popovers[] = {
    self->codes_popover, self->rename_popover, self->props_popover,
    self->waive_popover, self->context_menu,
  };

  for (guint i = 0; i < G_N_ELEMENTS (popovers); i++)
    if (popovers[i] != NULL && gtk_widget_get_visible (popovers[i]))
      gtk_popover_popdown (GTK_POPOVER (popovers[i]));
}

void
_racimo_matrix_view_on_popover_closed (GtkPopover       *popover,
                                       RacimoMatrixView *self)
{
  if (GTK_WIDGET (popover) == self->codes_popover)
    self->codes_row = self->codes_column = -2;

  /* Editing goes on from the keyboard where it left off. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
adopt_popover (RacimoMatrixView *self,
               GtkWidget        *popover)
{
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect (popover, "closed", G_CALLBACK (_racimo_matrix_view_on_popover_closed), self);

  return popover;
}

static GtkWidget *
new_popover (RacimoMatrixView *self)
{
  return adopt_popover (self, gtk_popover_new ());
}

void
_racimo_matrix_view_sync_codes_popover (RacimoMatrixView *self)
{
  RacimoCodes codes;

  if (self->codes_popover == NULL || !gtk_widget_get_visible (self->codes_popover)
      || self->rows_dirty || row_activity (self, self->codes_row) == NULL
      || column_role (self, self->codes_column) == NULL)
    return;

  codes = self->codes[self->codes_row * n_columns (self) + self->codes_column];

  self->syncing_codes = TRUE;
  for (guint i = 0; i < self->code_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->code_buttons, i);
      char letter = (char) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "code"));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   (codes & RACIMO_CODE_BIT (letter)) != 0);
    }
  self->syncing_codes = FALSE;
}

static void
on_code_toggled (GtkCheckButton   *button,
                 RacimoMatrixView *self)
{
  char letter = (char) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "code"));
  RacimoActivity *activity = row_activity (self, self->codes_row);
  RacimoRole *role = column_role (self, self->codes_column);

  if (self->syncing_codes || activity == NULL || role == NULL)
    return;

  racimo_project_toggle_code (self->project, activity, role, letter);
}

static void
on_codes_clear (GtkButton        *button,
                RacimoMatrixView *self)
{
  RacimoActivity *activity = row_activity (self, self->codes_row);
  RacimoRole *role = column_role (self, self->codes_column);

  if (activity != NULL && role != NULL)
    racimo_project_set_codes (self->project, activity, role, 0);
  gtk_popover_popdown (GTK_POPOVER (self->codes_popover));
}

/* In the popover too, a code's letter toggles it. */
static gboolean
on_codes_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      RacimoMatrixView      *self)
{
  gunichar c = g_unichar_toupper (gdk_keyval_to_unicode (keyval));
  RacimoActivity *activity = row_activity (self, self->codes_row);
  RacimoRole *role = column_role (self, self->codes_column);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || activity == NULL || role == NULL)
    return FALSE;

  if (c < 128 && RACIMO_CODE_IS_VALID ((char) c)
      && racimo_scheme_code_index (_racimo_matrix_view_get_scheme (self), (char) c) >= 0)
    {
      racimo_project_toggle_code (self->project, activity, role, (char) c);
      return TRUE;
    }

  return FALSE;
}

static void
add_code_button (RacimoMatrixView     *self,
                 char                  letter,
                 const RacimoCodeInfo *info)
{
  g_autofree char *markup = NULL;
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label;

  if (info != NULL)
    markup = g_markup_printf_escaped ("<span foreground=\"%s\"><b>%c</b></span>  %s",
                                      _racimo_matrix_view_code_color (self, info), letter,
                                      _(info->name));
  else
    markup = g_markup_printf_escaped (_("<b>%c</b>  not in this scheme"), letter);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  g_object_set_data (G_OBJECT (button), "code", GINT_TO_POINTER (letter));
  g_signal_connect (button, "toggled", G_CALLBACK (on_code_toggled), self);
  gtk_box_append (GTK_BOX (self->codes_box), button);
  g_ptr_array_add (self->code_buttons, button);
}

void
_racimo_matrix_view_open_codes_popover (RacimoMatrixView *self,
                                        int               row,
                                        int               column)
{
  RacimoActivity *activity;
  RacimoRole *role;
  const RacimoScheme *scheme = _racimo_matrix_view_get_scheme (self);
  RacimoCodes codes, unknown;
  GtkWidget *child, *title, *subtitle, *clear;

  _racimo_matrix_view_ensure_rows (self);
  activity = row_activity (self, row);
  role = column_role (self, column);
  if (activity == NULL || role == NULL)
    return;

  _racimo_matrix_view_popdown_all (self);

  if (self->codes_popover == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      self->codes_popover = new_popover (self);
      gtk_widget_add_css_class (self->codes_popover, "codes-popover");
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_codes_key_pressed), self);
      gtk_widget_add_controller (self->codes_popover, keys);
    }

  /* Rebuilt each time: the scheme, and so the codes offered, may change. */
  self->codes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_ptr_array_set_size (self->code_buttons, 0);

  /* Which cell: the activity, and below it the role. */
  title = gtk_label_new (
    _racimo_matrix_view_item_name_or (RACIMO_ITEM (activity), _("Unnamed activity")));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self->codes_box), title);

  subtitle
    = gtk_label_new (_racimo_matrix_view_item_name_or (RACIMO_ITEM (role), _("Unnamed role")));
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 28);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_bottom (subtitle, 6);
  gtk_box_append (GTK_BOX (self->codes_box), subtitle);

  codes = self->codes[row * n_columns (self) + column];
  for (guint i = 0; i < scheme->n_codes; i++)
    add_code_button (self, scheme->codes[i].letter, &scheme->codes[i]);
  unknown = codes & ~racimo_scheme_get_mask (scheme);
  for (char c = 'A'; c <= 'Z'; c++)
    if (unknown & RACIMO_CODE_BIT (c))
      add_code_button (self, c, NULL);

  clear = gtk_button_new_with_mnemonic (_("C_lear Cell"));
  gtk_widget_set_margin_top (clear, 6);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_codes_clear), self);
  gtk_box_append (GTK_BOX (self->codes_box), clear);

  child = self->codes_box;
  gtk_popover_set_child (GTK_POPOVER (self->codes_popover), child);

  self->codes_row = row;
  self->codes_column = column;
  gtk_widget_set_visible (self->codes_popover, TRUE);
  _racimo_matrix_view_sync_codes_popover (self);
  present_at_cell (self, self->codes_popover, row, column);
  gtk_popover_popup (GTK_POPOVER (self->codes_popover));
  if (self->code_buttons->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->code_buttons, 0));
}

/* Renaming */

static void
on_rename_activate (GtkEntry         *entry,
                    RacimoMatrixView *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));
  RacimoItem *item = self->rename_item;

  if (item != NULL && g_strcmp0 (name, racimo_item_get_name (item)) != 0)
    racimo_project_rename (self->project, item, name);

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
}

/**
 * racimo_matrix_view_start_rename:
 * @initial_text: (nullable): text to start from instead of the name, such
 *   as the letter that was typed
 *
 * Opens an entry over the name of the activity, phase or role under the
 * cursor; Enter renames it.
 */
void
racimo_matrix_view_start_rename (RacimoMatrixView *self,
                                 const char       *initial_text)
{
  RacimoItem *item;

  g_return_if_fail (RACIMO_IS_MATRIX_VIEW (self));

  _racimo_matrix_view_ensure_rows (self);
  if (self->project == NULL)
    return;

  if (self->cursor_row == RACIMO_MATRIX_HEADER_ROW)
    item = RACIMO_ITEM (column_role (self, self->cursor_column));
  else if (self->cursor_row >= 0 && (guint) self->cursor_row < n_rows (self))
    item = get_row (self, (guint) self->cursor_row)->item;
  else
    item = NULL;

  if (item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  _racimo_matrix_view_popdown_all (self);

  if (self->rename_popover == NULL)
    {
      self->rename_popover = new_popover (self);
      self->rename_entry = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (self->rename_entry), 32);
      g_signal_connect (self->rename_entry, "activate", G_CALLBACK (on_rename_activate), self);
      gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
    }

  self->rename_item = item;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  RACIMO_IS_ROLE (item) ? _("Role name")
                                  : RACIMO_IS_PHASE (item) ? _("Phase name")
                                  : _("Activity name"),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry),
                         initial_text != NULL ? initial_text : racimo_item_get_name (item));

  gtk_widget_set_visible (self->rename_popover, TRUE);
  present_at_item (self, self->rename_popover, item);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  if (initial_text != NULL)
    gtk_editable_set_position (GTK_EDITABLE (self->rename_entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
}

/* Properties: name, abbreviation, person, description */

static char *
get_text_view_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_props_apply (GtkButton        *button,
                RacimoMatrixView *self)
{
  RacimoItem *item = self->props_item;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->props_name));
  g_autofree char *description = get_text_view_text (self->props_description);

  if (item == NULL)
    return;

  racimo_history_begin (_racimo_matrix_view_get_history (self), _("Change Properties"));

  if (g_strcmp0 (name, racimo_item_get_name (item)) != 0)
    racimo_project_rename (self->project, item, name);

  if (g_strcmp0 (description, racimo_item_get_description (item) ?: "") != 0)
    racimo_project_set_item_description (self->project, item, description);

  if (RACIMO_IS_ROLE (item))
    {
      RacimoRole *role = RACIMO_ROLE (item);
      const char *abbrev = gtk_editable_get_text (GTK_EDITABLE (self->props_abbrev));
      const char *person = gtk_editable_get_text (GTK_EDITABLE (self->props_person));

      if (g_strcmp0 (abbrev, racimo_role_get_abbrev (role) ?: "") != 0)
        racimo_project_set_role_abbrev (self->project, role, *abbrev ? abbrev : NULL);
      if (g_strcmp0 (person, racimo_role_get_person (role) ?: "") != 0)
        racimo_project_set_role_person (self->project, role, *person ? person : NULL);
    }

  racimo_history_end (_racimo_matrix_view_get_history (self));
  gtk_popover_popdown (GTK_POPOVER (self->props_popover));
}

static GtkWidget *
add_props_row (RacimoMatrixView *self,
               int               row,
               const char       *mnemonic,
               GtkWidget        *field,
               GtkWidget       **label_out)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (self->props_grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->props_grid), field, 1, row, 1, 1);

  if (label_out != NULL)
    *label_out = label;

  return field;
}

static void
ensure_props_popover (RacimoMatrixView *self)
{
  GtkWidget *box, *scroller, *apply;

  if (self->props_popover != NULL)
    return;

  self->props_popover = new_popover (self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->props_grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->props_grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->props_grid), 12);

  self->props_name = add_props_row (self, 0, _("_Name"), gtk_entry_new (), NULL);
  self->props_abbrev = add_props_row (self, 1, _("_Abbreviation"), gtk_entry_new (),
                                      &self->props_abbrev_label);
  gtk_entry_set_max_length (GTK_ENTRY (self->props_abbrev), 8);
  self->props_person = add_props_row (self, 2, _("_Person"), gtk_entry_new (),
                                      &self->props_person_label);

  self->props_description = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->props_description), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->props_description), FALSE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->props_description);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 280, 90);
  gtk_widget_add_css_class (scroller, "card");
  add_props_row (self, 3, _("_Description"), scroller, NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (self->props_grid),
                                                                   0, 3)),
                                 self->props_description);

  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_props_apply), self);

  for (GtkWidget *entry = self->props_name; entry != NULL;
       entry = entry == self->props_name ? self->props_abbrev
               : entry == self->props_abbrev ? self->props_person : NULL)
    gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);

  gtk_box_append (GTK_BOX (box), self->props_grid);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (GTK_POPOVER (self->props_popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->props_popover), apply);
}

void
_racimo_matrix_view_open_properties (RacimoMatrixView *self,
                                     RacimoItem       *item)
{
  gboolean is_role = RACIMO_IS_ROLE (item);
  const char *description = racimo_item_get_description (item);

  _racimo_matrix_view_popdown_all (self);
  ensure_props_popover (self);

  self->props_item = item;
  gtk_editable_set_text (GTK_EDITABLE (self->props_name), racimo_item_get_name (item) ?: "");
  gtk_widget_set_visible (self->props_abbrev, is_role);
  gtk_widget_set_visible (self->props_abbrev_label, is_role);
  gtk_widget_set_visible (self->props_person, is_role);
  gtk_widget_set_visible (self->props_person_label, is_role);
  if (is_role)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->props_abbrev),
                             racimo_role_get_abbrev (RACIMO_ROLE (item)) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->props_person),
                             racimo_role_get_person (RACIMO_ROLE (item)) ?: "");
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->props_description)),
                            description != NULL ? description : "", -1);

  gtk_widget_set_visible (self->props_popover, TRUE);
  present_at_item (self, self->props_popover, item);
  gtk_popover_popup (GTK_POPOVER (self->props_popover));
  gtk_widget_grab_focus (self->props_name);
}

/* Waivers */

void
_racimo_matrix_view_open_waive (RacimoMatrixView *self,
                                RacimoItem       *item,
                                const char       *check_id)
{
  RacimoCheck check;

  if (!racimo_check_from_id (check_id, &check))
    return;

  _racimo_matrix_view_popdown_all (self);
  if (self->waive_popover == NULL)
    self->waive_popover = adopt_popover (self, racimo_waiver_popover_new ());

  racimo_waiver_popover_set_finding (RACIMO_WAIVER_POPOVER (self->waive_popover), self->project,
                                     item, check);
  gtk_widget_set_visible (self->waive_popover, TRUE);
  present_at_item (self, self->waive_popover, item);
  gtk_popover_popup (GTK_POPOVER (self->waive_popover));
  racimo_waiver_popover_focus (RACIMO_WAIVER_POPOVER (self->waive_popover));
}
