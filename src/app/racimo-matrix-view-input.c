/* racimo-matrix-view-input.c: the matrix.* actions and context menus, key bindings,
 * the mouse and drag and drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-matrix-view-private.h"

/* Each step of the zoom, larger or smaller */
#define ZOOM_STEP 1.1

/* Context menus and the view's actions */

static void
fill_dynamic_section (RacimoMatrixView *self,
                      GMenu            *section,
                      RacimoItem       *item)
{
  g_menu_remove_all (section);

  /* The quick fixes of its owners' findings, as the checks panel offers */
  if (RACIMO_IS_ACTIVITY (item) && self->checks != NULL)
    for (guint i = 0; i < RACIMO_N_CHECKS; i++)
      if (racimo_checks_item_has (self->checks, item, (RacimoCheck) i))
        racimo_fixes_append_items (section, self->project, RACIMO_ACTIVITY (item),
                                   (RacimoCheck) i, "matrix");

  if (RACIMO_IS_ACTIVITY (item))
    g_menu_append (section,
                   racimo_activity_get_applicable (RACIMO_ACTIVITY (item))
                   ? _("Mark _Not Applicable") : _("Mark _Applicable"),
                   "matrix.toggle-applicable");
  else if (RACIMO_IS_PHASE (item))
    g_menu_append (section,
                   _racimo_matrix_view_is_collapsed (self, item)
                   ? _("_Expand Phase") : _("_Collapse Phase"),
                   "matrix.toggle-collapsed");
  else if (RACIMO_IS_ROLE (item))
    {
      g_menu_append (section, _("_Hide Role"), "matrix.hide-role");
      if (g_hash_table_size (self->hidden_roles) > 0)
        g_menu_append (section, _("Show All _Roles"), "matrix.show-all-roles");
    }

  for (guint i = 0; i < RACIMO_N_CHECKS; i++)
    {
      const char *id = racimo_check_get_id ((RacimoCheck) i);
      const char *title = _(racimo_check_get_title ((RacimoCheck) i));
      gboolean waived = racimo_item_get_waiver_reason (item, id) != NULL;
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      if (waived)
        {
          /* Translators: %s is the title of a check, such as "No owner" */
          label = g_strdup_printf (_("Remove Waiver of “%s”"), title);
          action = g_strdup_printf ("matrix.unwaive::%s", id);
        }
      else if (self->checks != NULL
               && racimo_checks_item_has (self->checks, item, (RacimoCheck) i))
        {
          /* Translators: %s is the title of a check, such as "No owner" */
          label = g_strdup_printf (_("Waive “%s”…"), title);
          action = g_strdup_printf ("matrix.waive::%s", id);
        }
      else
        continue;

      g_menu_append (section, label, action);
    }
}

static void
open_context_menu (RacimoMatrixView   *self,
                   RacimoItem         *item,
                   const GdkRectangle *area)
{
  GMenuModel *model;
  GMenu *section;

  if (item == NULL)
    return;

  if (RACIMO_IS_ACTIVITY (item))
    {
      model = self->activity_menu;
      section = self->activity_section;
    }
  else if (RACIMO_IS_PHASE (item))
    {
      model = self->phase_menu;
      section = self->phase_section;
    }
  else
    {
      model = self->role_menu;
      section = self->role_section;
    }

  _racimo_matrix_view_popdown_all (self);
  self->menu_item = item;
  fill_dynamic_section (self, section, item);

  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      g_signal_connect (self->context_menu, "closed",
                        G_CALLBACK (_racimo_matrix_view_on_popover_closed), self);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), area);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* The item a keyboard command or a menu applies to. */
static RacimoItem *
cursor_item (RacimoMatrixView *self)
{
  if (self->cursor_row == RACIMO_MATRIX_HEADER_ROW)
    return RACIMO_ITEM (column_role (self, self->cursor_column));
  if (self->cursor_row >= 0 && (guint) self->cursor_row < n_rows (self))
    return get_row (self, (guint) self->cursor_row)->item;
  return NULL;
}

static void
open_context_menu_at_cursor (RacimoMatrixView *self)
{
  RacimoItem *item = cursor_item (self);
  graphene_rect_t rect;
  GdkRectangle area;

  if (item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  _racimo_matrix_view_get_cell_rect (self, self->cursor_row,
                                     self->cursor_row < 0 ? self->cursor_column : -1, &rect);
  area = (GdkRectangle) { (int) rect.origin.x + self->pad,
                          (int) (rect.origin.y + rect.size.height), 1, 1 };
  open_context_menu (self, item, &area);
}

static RacimoItem *
menu_target (RacimoMatrixView *self)
{
  /* The item may have gone since the menu opened, with an undo. */
  if (self->menu_item == NULL || self->project == NULL)
    return NULL;

  _racimo_matrix_view_ensure_rows (self);
  if (RACIMO_IS_ROLE (self->menu_item)
        ? _racimo_matrix_view_lookup_column (self, self->menu_item) < 0
        : _racimo_matrix_view_lookup_row (self, self->menu_item) < 0)
    return NULL;

  return self->menu_item;
}

static void
focus_item (RacimoMatrixView *self,
            RacimoItem       *item)
{
  int row, column;

  _racimo_matrix_view_item_cell (self, item, &row, &column);
  if (row >= 0 || column >= 0)
    _racimo_matrix_view_set_cursor_full (self, row, column, FALSE);
}

static void
insert_next_to (RacimoMatrixView *self,
                RacimoItem       *item,
                int               after)
{
  if (RACIMO_IS_ACTIVITY (item))
    {
      RacimoPhase *phase = racimo_activity_get_phase (RACIMO_ACTIVITY (item));

      _racimo_matrix_view_insert_activity (
        self, phase, racimo_phase_index_of (phase, RACIMO_ACTIVITY (item)) + after);
    }
  else if (RACIMO_IS_PHASE (item))
    _racimo_matrix_view_insert_phase (
      self, racimo_project_index_of_phase (self->project, RACIMO_PHASE (item)) + after);
  else if (RACIMO_IS_ROLE (item))
    _racimo_matrix_view_insert_role (
      self, racimo_project_index_of_role (self->project, RACIMO_ROLE (item)) + after);
}

/* The actions of the context menu, on the item it opened for.  Renaming
 * and the properties put the cursor on the item first, as their popover
 * opens there.  Deleting or taking a waiver away asks nothing: undo brings
 * it back. */
static void
action_menu_item (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  RacimoItem *item = menu_target (self);

  if (item == NULL)
    return;

  if (g_str_equal (action_name, "matrix.insert-before"))
    insert_next_to (self, item, 0);
  else if (g_str_equal (action_name, "matrix.insert-after"))
    insert_next_to (self, item, 1);
  else if (g_str_equal (action_name, "matrix.add-to-phase"))
    {
      if (RACIMO_IS_PHASE (item))
        _racimo_matrix_view_insert_activity (self, RACIMO_PHASE (item), -1);
    }
  else if (g_str_equal (action_name, "matrix.rename"))
    {
      focus_item (self, item);
      racimo_matrix_view_start_rename (self, NULL);
    }
  else if (g_str_equal (action_name, "matrix.properties"))
    {
      focus_item (self, item);
      _racimo_matrix_view_open_properties (self, item);
    }
  else if (g_str_equal (action_name, "matrix.toggle-collapsed"))
    {
      if (RACIMO_IS_PHASE (item))
        _racimo_matrix_view_set_collapsed (self, RACIMO_PHASE (item),
                                           !_racimo_matrix_view_is_collapsed (self, item));
    }
  else if (g_str_equal (action_name, "matrix.hide-role"))
    {
      if (RACIMO_IS_ROLE (item))
        _racimo_matrix_view_set_role_hidden (self, RACIMO_ROLE (item), TRUE);
    }
  else if (g_str_equal (action_name, "matrix.show-all-roles"))
    _racimo_matrix_view_show_all_roles (self);
  else if (g_str_equal (action_name, "matrix.toggle-applicable"))
    {
      if (RACIMO_IS_ACTIVITY (item))
        racimo_project_set_applicable (self->project, RACIMO_ACTIVITY (item),
                                       !racimo_activity_get_applicable (RACIMO_ACTIVITY (item)));
    }
  else if (g_str_equal (action_name, "matrix.waive"))
    _racimo_matrix_view_open_waive (self, item, g_variant_get_string (parameter, NULL));
  else if (g_str_equal (action_name, "matrix.unwaive"))
    racimo_project_set_waiver (self->project, item, g_variant_get_string (parameter, NULL), NULL);
  else if (g_str_equal (action_name, "matrix.delete"))
    _racimo_matrix_view_delete_item (self, item);
}

/* matrix.make-owner and matrix.keep-owner (activity id, role id): the quick
 * fixes of the context menu */
static void
action_owner_fix (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  if (self->project != NULL)
    racimo_fixes_apply (self->project, action_name, parameter);
}

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _racimo_matrix_view_copy_to_clipboard (RACIMO_MATRIX_VIEW (widget),
                                         g_str_equal (action_name, "matrix.copy-with-headers"));
}

static void
action_paste (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _racimo_matrix_view_paste_from_clipboard (RACIMO_MATRIX_VIEW (widget));
}

/* matrix.zoom (step): larger (1), smaller (-1), or back to the normal
 * size (0) */
static void
action_zoom (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  int step = g_variant_get_int32 (parameter);

  if (step == 0)
    racimo_matrix_view_set_zoom (self, 1.0);
  else
    racimo_matrix_view_set_zoom (self, self->zoom * (step > 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
}

static void
action_edit_codes (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  _racimo_matrix_view_open_codes_popover (self, self->cursor_row, self->cursor_column);
}

static void
action_edit_note (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  /* From the codes' popover, its cell; from the keyboard, the cursor's. */
  if (self->codes_popover != NULL && gtk_widget_get_visible (self->codes_popover)
      && self->codes_row >= 0 && self->codes_column >= 0)
    _racimo_matrix_view_open_note (self, self->codes_row, self->codes_column);
  else
    _racimo_matrix_view_open_note (self, self->cursor_row, self->cursor_column);
}

/* The keyboard: bindings of the class, each activating a matrix.* action
 * or, where a key is left to the rest of the window when it does nothing
 * here, a binding callback that says whether it did.  Only typing a code's
 * letter or the first letter of a name is left to on_key_pressed(). */

typedef enum
{
  MOVE_ROWS,        /* by @count rows */
  MOVE_COLUMNS,     /* by @count columns */
  MOVE_PAGES,       /* by @count screens of rows */
  MOVE_ROW_ENDS,    /* to the first (@count < 0) or last column of the row */
  MOVE_COLUMN_ENDS, /* to the first (@count < 0) or last row of the column */
} MoveStep;

/* Whether the view shows a project to act on, its rows up to date */
static gboolean
ready_for_keys (RacimoMatrixView *self)
{
  if (self->project == NULL)
    return FALSE;

  _racimo_matrix_view_ensure_rows (self);
  return TRUE;
}

static void
select_all (RacimoMatrixView *self)
{
  int nr = (int) n_rows (self), nc = (int) n_columns (self);

  if (nr == 0 && nc == 0)
    return;

  _racimo_matrix_view_set_cursor_full (self, MAX (nr - 1, 0), nc - 1, FALSE);
  self->anchor_row = nc > 0 ? RACIMO_MATRIX_HEADER_ROW : 0;
  self->anchor_column = RACIMO_MATRIX_NAME_COLUMN;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_cursor (RacimoMatrixView *self,
             int               row,
             int               column,
             gboolean          extend)
{
  /* Nothing sits above the names: stay in the first row. */
  if (row == RACIMO_MATRIX_HEADER_ROW && column < 0)
    row = 0;
  if (row < RACIMO_MATRIX_HEADER_ROW)
    row = RACIMO_MATRIX_HEADER_ROW;

  _racimo_matrix_view_set_cursor_full (self, row, column, extend);
}

/* matrix.move-cursor (step, count, extend): arrows, Home, End, Page Up and
 * Page Down, with Shift extending the selection. */
static void
action_move_cursor (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  int row = self->cursor_row, column = self->cursor_column;
  int step, count, last_row, last_column, page;
  gboolean extend;

  if (!ready_for_keys (self))
    return;

  g_variant_get (parameter, "(iib)", &step, &count, &extend);
  last_row = (int) n_rows (self) - 1;
  last_column = (int) n_columns (self) - 1;
  page = MAX (_racimo_matrix_view_body_height (self) / MAX (self->row_height, 1) - 1, 1);

  switch ((MoveStep) step)
    {
    case MOVE_ROWS:
      move_cursor (self, count < 0 ? row - 1 : MIN (row + 1, last_row), column, extend);
      break;

    case MOVE_COLUMNS:
      if (count < 0)
        move_cursor (self, row, MAX (column - 1, row < 0 ? 0 : -1), extend);
      else
        move_cursor (self, row, MIN (column + 1, last_column), extend);
      break;

    case MOVE_PAGES:
      if (count < 0)
        move_cursor (self, MAX (row - page, 0), column, extend);
      else
        move_cursor (self, MIN (row + page, last_row), column, extend);
      break;

    case MOVE_ROW_ENDS:
      if (count < 0)
        move_cursor (self, row, row < 0 ? 0 : RACIMO_MATRIX_NAME_COLUMN, extend);
      else
        move_cursor (self, row, last_column, extend);
      break;

    case MOVE_COLUMN_ENDS:
      move_cursor (self, count < 0 ? 0 : last_row, column, extend);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* matrix.move-item (rows, columns): Alt+arrows move what is under the
 * cursor, the keyboard's drag and drop. */
static void
action_move_item (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  int drow, dcolumn;

  if (!ready_for_keys (self))
    return;

  g_variant_get (parameter, "(ii)", &drow, &dcolumn);

  /* An activity does not move sideways: on the names, Alt with Left or
   * Right narrows or widens them, as a spreadsheet does a column. */
  if (self->cursor_column == RACIMO_MATRIX_NAME_COLUMN && self->cursor_row >= 0 && drow == 0)
    {
      _racimo_matrix_view_resize_names (self, self->name_width + dcolumn * 4 * self->pad);
      return;
    }

  if (!_racimo_matrix_view_move_under_cursor (self, drow, dcolumn))
    gtk_widget_error_bell (widget);
}

/* The keys that act at the cursor: each waits, as the other keys do, until
 * the grid is ready for them.  Insert adds a role on the headers, an
 * activity anywhere else. */
static void
action_at_cursor (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  if (!ready_for_keys (self))
    return;

  if (g_str_equal (action_name, "matrix.rename-at-cursor"))
    racimo_matrix_view_start_rename (self, NULL);
  else if (g_str_equal (action_name, "matrix.enter"))
    {
      /* Enter on a name renames it; on a code cell, as in a spreadsheet,
       * it goes down a row and never touches the name. */
      if (self->cursor_row == RACIMO_MATRIX_HEADER_ROW || self->cursor_column < 0)
        racimo_matrix_view_start_rename (self, NULL);
      else
        move_cursor (self, MIN (self->cursor_row + 1, (int) n_rows (self) - 1),
                     self->cursor_column, FALSE);
    }
  else if (g_str_equal (action_name, "matrix.clear"))
    {
      if (!_racimo_matrix_view_clear_selection (self))
        gtk_widget_error_bell (widget);
    }
  else if (g_str_equal (action_name, "matrix.context-menu"))
    open_context_menu_at_cursor (self);
  else if (g_str_equal (action_name, "matrix.select-all"))
    select_all (self);
  else if (self->cursor_row == RACIMO_MATRIX_HEADER_ROW)  /* matrix.add-at-cursor */
    racimo_matrix_view_add_role (self);
  else
    racimo_matrix_view_add_activity (self);
}

/* Space opens the codes of a cell, and collapses or expands a phase on its
 * header; elsewhere it is not the grid's. */
static gboolean
on_space (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  Row *row;

  if (!ready_for_keys (self) || self->cursor_row < 0
      || (guint) self->cursor_row >= n_rows (self))
    return FALSE;

  row = get_row (self, (guint) self->cursor_row);
  if (row->is_phase)
    {
      _racimo_matrix_view_set_collapsed (self, RACIMO_PHASE (row->item),
                                         !_racimo_matrix_view_is_collapsed (self, row->item));
      return TRUE;
    }
  if (self->cursor_column < 0)
    return FALSE;

  _racimo_matrix_view_open_codes_popover (self, self->cursor_row, self->cursor_column);
  return TRUE;
}

/* Escape leaves a selection of several cells for the cursor's cell; with
 * none, it is the window's. */
static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);

  if (!ready_for_keys (self) || !_racimo_matrix_view_has_multiple_selection (self))
    return FALSE;

  _racimo_matrix_view_set_cursor_full (self, self->cursor_row, self->cursor_column, FALSE);
  return TRUE;
}

/* Tab goes right (Shift+Tab left) as in a spreadsheet; from the last
 * column (or the first, going left) the key is the window's, so that the
 * keyboard can still leave the grid. */
static gboolean
on_tab (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  RacimoMatrixView *self = RACIMO_MATRIX_VIEW (widget);
  int step = g_variant_get_int32 (args);
  int column, first;

  if (!ready_for_keys (self))
    return FALSE;

  column = self->cursor_column + step;
  first = self->cursor_row < 0 ? 0 : RACIMO_MATRIX_NAME_COLUMN;
  if (column < first || column >= (int) n_columns (self))
    return FALSE;

  move_cursor (self, self->cursor_row, column, FALSE);
  return TRUE;
}

/* A letter on a cell toggles that code; on a name or a header, it starts
 * renaming with that letter. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RacimoMatrixView      *self)
{
  gunichar c;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || !ready_for_keys (self))
    return FALSE;

  /* Space is a binding's (see on_space()), even where it does nothing. */
  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || c == ' ' || !g_unichar_isprint (c))
    return FALSE;

  if (self->cursor_row >= 0 && self->cursor_column >= 0)
    {
      char code = (char) g_unichar_toupper (c);
      gboolean is_code = c < 128 && RACIMO_CODE_IS_VALID (code)
                         && racimo_scheme_code_index (_racimo_matrix_view_get_scheme (self),
                                                      code) >= 0;

      if (is_code && _racimo_matrix_view_toggle_code (self, code))
        return TRUE;

      /* Left out, and said so: the window tells the user once. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_signal_emit (self, _racimo_matrix_view_signals[LETTER_NOT_TYPED], 0,
                     (guint) g_unichar_toupper (c),
                     row_activity (self, self->cursor_row) == NULL);
      return TRUE;
    }
  else
    {
      char text[7] = { 0 };

      g_unichar_to_utf8 (c, text);
      racimo_matrix_view_start_rename (self, text);
      return TRUE;
    }
}

/* @keyval and its keypad twin, @mods with and without Shift */
static void
add_key_bindings (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  guint            kp_keyval,
                  GdkModifierType  mods,
                  gboolean         shift_extends,
                  const char      *action,
                  const char      *format,
                  int              a,
                  int              b)
{
  guint keyvals[] = { keyval, kp_keyval };

  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    {
      if (keyvals[i] == 0)
        continue;

      if (shift_extends)
        {
          gtk_widget_class_add_binding_action (widget_class, keyvals[i], mods, action, format,
                                               a, b, FALSE);
          gtk_widget_class_add_binding_action (widget_class, keyvals[i], mods | GDK_SHIFT_MASK,
                                               action, format, a, b, TRUE);
        }
      else
        {
          gtk_widget_class_add_binding_action (widget_class, keyvals[i], mods, action, format,
                                               a, b);
          gtk_widget_class_add_binding_action (widget_class, keyvals[i], mods | GDK_SHIFT_MASK,
                                               action, format, a, b);
        }
    }
}

/* The cursor moves with Control held too, except where Control gives
 * Home and End another meaning. */
static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           kp_keyval,
                   MoveStep        step,
                   int             count,
                   gboolean        with_control)
{
  add_key_bindings (widget_class, keyval, kp_keyval, 0, TRUE,
                    "matrix.move-cursor", "(iib)", step, count);
  if (with_control)
    add_key_bindings (widget_class, keyval, kp_keyval, GDK_CONTROL_MASK, TRUE,
                      "matrix.move-cursor", "(iib)", step, count);
}

static void
add_bindings (GtkWidgetClass *widget_class)
{
  const struct
  {
    guint keyval, kp_keyval;
    int   rows, columns;
  } arrows[] = {
    { GDK_KEY_Up, GDK_KEY_KP_Up, -1, 0 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 1, 0 },
    { GDK_KEY_Left, GDK_KEY_KP_Left, 0, -1 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 0, 1 },
  };
  const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  const guint clear_keys[] = { GDK_KEY_Delete, GDK_KEY_KP_Delete, GDK_KEY_BackSpace };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      add_move_bindings (widget_class, arrows[i].keyval, arrows[i].kp_keyval,
                         arrows[i].rows != 0 ? MOVE_ROWS : MOVE_COLUMNS,
                         arrows[i].rows + arrows[i].columns, TRUE);
      add_key_bindings (widget_class, arrows[i].keyval, arrows[i].kp_keyval, GDK_ALT_MASK,
                        FALSE, "matrix.move-item", "(ii)", arrows[i].rows, arrows[i].columns);
      /* Control with Alt moves the cursor, as the arrows alone do. */
      add_key_bindings (widget_class, arrows[i].keyval, arrows[i].kp_keyval,
                        GDK_CONTROL_MASK | GDK_ALT_MASK, TRUE, "matrix.move-cursor", "(iib)",
                        arrows[i].rows != 0 ? MOVE_ROWS : MOVE_COLUMNS,
                        arrows[i].rows + arrows[i].columns);
    }
  add_move_bindings (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, MOVE_PAGES, -1, TRUE);
  add_move_bindings (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, MOVE_PAGES, 1,
                     TRUE);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, MOVE_ROW_ENDS, -1, FALSE);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, MOVE_ROW_ENDS, 1, FALSE);
  add_key_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, TRUE,
                    "matrix.move-cursor", "(iib)", MOVE_COLUMN_ENDS, -1);
  add_key_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, TRUE,
                    "matrix.move-cursor", "(iib)", MOVE_COLUMN_ENDS, 1);

  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], 0, "matrix.enter", NULL);
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], GDK_SHIFT_MASK,
                                           "matrix.move-cursor", "(iib)", MOVE_ROWS, -1, FALSE);
    }
  /* F2 alone: Shift+F2 is the note's */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "matrix.rename-at-cursor",
                                       NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, on_tab, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, on_tab, "i", 1);
  /* GTK matches Shift+Tab's ISO_Left_Tab to this one too. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, on_tab, "i", -1);
  for (guint i = 0; i < G_N_ELEMENTS (clear_keys); i++)
    add_key_bindings (widget_class, clear_keys[i], 0, 0, FALSE, "matrix.clear", NULL, 0, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, on_space, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, on_space, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, 0, on_space, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, GDK_SHIFT_MASK, on_escape, NULL);

  add_key_bindings (widget_class, GDK_KEY_Menu, 0, 0, FALSE, "matrix.context-menu", NULL, 0, 0);
  add_key_bindings (widget_class, GDK_KEY_Menu, 0, GDK_CONTROL_MASK, FALSE, "matrix.context-menu",
                    NULL, 0, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "matrix.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10,
                                       GDK_SHIFT_MASK | GDK_CONTROL_MASK,
                                       "matrix.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0,
                                       "matrix.add-at-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0,
                                       "matrix.add-at-cursor", NULL);

  /* Zoom, as in a browser: Control with plus (or equal, its key without
   * Shift), minus and 0, on the keypad too */
  {
    const struct
    {
      guint keyval;
      int   step;
    } zoom_keys[] = {
      { GDK_KEY_plus, 1 }, { GDK_KEY_equal, 1 }, { GDK_KEY_KP_Add, 1 },
      { GDK_KEY_minus, -1 }, { GDK_KEY_KP_Subtract, -1 },
      { GDK_KEY_0, 0 }, { GDK_KEY_KP_0, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
      add_key_bindings (widget_class, zoom_keys[i].keyval, 0, GDK_CONTROL_MASK, FALSE,
                        "matrix.zoom", "i", zoom_keys[i].step, 0);
  }

  /* With Shift too, as the keys of a terminal or a spreadsheet's. */
  add_key_bindings (widget_class, GDK_KEY_c, 0, GDK_CONTROL_MASK, FALSE, "matrix.copy", NULL,
                    0, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "matrix.copy-with-headers", NULL);
  add_key_bindings (widget_class, GDK_KEY_v, 0, GDK_CONTROL_MASK, FALSE, "matrix.paste", NULL,
                    0, 0);
  add_key_bindings (widget_class, GDK_KEY_a, 0, GDK_CONTROL_MASK, FALSE, "matrix.select-all",
                    NULL, 0, 0);
  /* As a comment on a spreadsheet's cell */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, GDK_SHIFT_MASK,
                                       "matrix.edit-note", NULL);
}

/* The mouse */

/* Whether @x is on the edge between the names and the codes, which a drag
 * moves */
static gboolean
on_names_edge (RacimoMatrixView *self,
               double            x)
{
  return fabs (x - self->name_width) <= MAX (self->pad / 2, 3);
}


static gboolean
in_selection (RacimoMatrixView *self,
              int               row,
              int               column)
{
  int r0, c0, r1, c1;

  _racimo_matrix_view_get_selection (self, &r0, &c0, &r1, &c1);
  return row >= r0 && row <= r1 && column >= c0 && column <= c1;
}

static void
on_click_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  RacimoMatrixView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  int row, column;
  HitArea area;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (self->project == NULL)
    return;

  /* On the edge of the names, a press starts resizing them, nothing else. */
  self->edge_pressed = button == GDK_BUTTON_PRIMARY && on_names_edge (self, x);
  if (self->edge_pressed)
    return;

  _racimo_matrix_view_ensure_rows (self);
  area = _racimo_matrix_view_hit_test (self, x, y, &row, &column);
  if (area != HIT_CELL && area != HIT_NAME && area != HIT_HEADER)
    return;

  if (button == GDK_BUTTON_SECONDARY)
    {
      GdkRectangle point = { (int) x, (int) y, 1, 1 };

      if (!in_selection (self, row, column))
        _racimo_matrix_view_set_cursor_full (self, row, column, FALSE);
      open_context_menu (self, area == HIT_HEADER ? RACIMO_ITEM (column_role (self, column))
                                                  : get_row (self, (guint) row)->item,
                         &point);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  _racimo_matrix_view_set_cursor_full (self, row, column, (state & GDK_SHIFT_MASK) != 0);

  if (n_press == 2 && (area == HIT_NAME || area == HIT_HEADER))
    racimo_matrix_view_start_rename (self, NULL);
}

static void
on_click_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   RacimoMatrixView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  int row, column;

  if (self->edge_pressed)
    {
      self->edge_pressed = FALSE;
      return;
    }

  if (self->project == NULL || button != GDK_BUTTON_PRIMARY || n_press != 1
      || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0
      || (self->drag_mode != DRAG_NONE && self->drag_mode != DRAG_PENDING))
    return;

  /* A click on a cell offers its codes. */
  if (_racimo_matrix_view_hit_test (self, x, y, &row, &column) == HIT_CELL
      && row_activity (self, row) != NULL)
    _racimo_matrix_view_open_codes_popover (self, row, column);
}

/* Dragging: activities, phases and roles move; over cells, it selects. */

static int
activity_drop_index (RacimoMatrixView *self,
                     double            y)
{
  double rows = (y - self->header_height + _racimo_matrix_view_vvalue (self)) / self->row_height;
  int index = (int) floor (rows + 0.5);

  /* Below a phase's header is the start of that phase. */
  index = CLAMP (index, 0, (int) n_rows (self));
  if (index == 0 && n_rows (self) > 0 && get_row (self, 0)->is_phase)
    index = 1;

  return index;
}

/* The row of the phase header a phase would be dropped before, or the
 * end: the phase boundary nearest to @y. */
static int
phase_drop_index (RacimoMatrixView *self,
                  double            y)
{
  int row = (int) floor ((y - self->header_height + _racimo_matrix_view_vvalue (self))
                         / self->row_height);
  int start, end;

  row = CLAMP (row, 0, (int) n_rows (self) - 1);
  start = row;
  while (start > 0 && !get_row (self, (guint) start)->is_phase)
    start--;
  end = row + 1;
  while (end < (int) n_rows (self) && !get_row (self, (guint) end)->is_phase)
    end++;

  return (double) (row - start) < (double) (end - start) / 2 ? start : end;
}

static int
role_drop_index (RacimoMatrixView *self,
                 double            x)
{
  double columns = (x - self->name_width + _racimo_matrix_view_hvalue (self)) / self->column_width;

  return CLAMP ((int) floor (columns + 0.5), 0, (int) n_columns (self));
}

static void
update_drop (RacimoMatrixView *self)
{
  switch (self->drag_mode)
    {
    case DRAG_ACTIVITY:
      self->drop_index = activity_drop_index (self, self->drag_y);
      break;
    case DRAG_PHASE:
      self->drop_index = phase_drop_index (self, self->drag_y);
      break;
    case DRAG_ROLE:
      self->drop_index = role_drop_index (self, self->drag_x);
      break;
    case DRAG_SELECT:
      {
        int row, column;
        HitArea area = _racimo_matrix_view_hit_test (
          self,
          CLAMP (self->drag_x, self->name_width, gtk_widget_get_width (GTK_WIDGET (self)) - 1),
          CLAMP (self->drag_y, self->header_height, _racimo_matrix_view_footer_y (self) - 1), &row,
          &column);

        if (area == HIT_CELL)
          _racimo_matrix_view_set_cursor_full (self, row, column, TRUE);
      }
      break;
    case DRAG_NAMES_WIDTH:
      _racimo_matrix_view_resize_names (self, (int) self->drag_x);
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
autoscroll_tick (gpointer data)
{
  RacimoMatrixView *self = data;
  double dy = 0, dx = 0;
  double edge_top = self->header_height + self->row_height / 2.0;
  double edge_bottom = _racimo_matrix_view_footer_y (self) - self->row_height / 2.0;
  double edge_left = self->name_width + self->column_width / 2.0;
  double edge_right = gtk_widget_get_width (GTK_WIDGET (self)) - self->column_width / 2.0;

  if (self->drag_mode != DRAG_ROLE)
    {
      if (self->drag_y < edge_top)
        dy = -(edge_top - self->drag_y) / 2 - 2;
      else if (self->drag_y > edge_bottom)
        dy = (self->drag_y - edge_bottom) / 2 + 2;
    }
  if (self->drag_mode == DRAG_ROLE || self->drag_mode == DRAG_SELECT)
    {
      if (self->drag_x < edge_left && self->drag_mode == DRAG_ROLE)
        dx = -(edge_left - self->drag_x) / 2 - 2;
      else if (self->drag_x > edge_right)
        dx = (self->drag_x - edge_right) / 2 + 2;
    }

  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment) + dy);
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) + dx);
  if (dx != 0 || dy != 0)
    update_drop (self);

  return G_SOURCE_CONTINUE;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           RacimoMatrixView         *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->project != NULL && on_names_edge (self, x)
                                   ? "col-resize" : NULL);
}

/* Control with the wheel zooms, as in a browser. */
static gboolean
on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           RacimoMatrixView         *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  racimo_matrix_view_set_zoom (self, self->zoom * (dy < 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               RacimoMatrixView *self)
{
  int row, column;

  self->drag_mode = DRAG_NONE;
  if (self->project == NULL
      || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture))
         != GDK_BUTTON_PRIMARY)
    return;

  _racimo_matrix_view_ensure_rows (self);
  self->drag_area = _racimo_matrix_view_hit_test (self, x, y, &row, &column);
  self->drag_row = row;
  self->drag_column = column;
  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;

  if (on_names_edge (self, x))
    {
      self->drag_mode = DRAG_NAMES_WIDTH;
      return;
    }
  if (self->drag_area == HIT_NAME || self->drag_area == HIT_HEADER || self->drag_area == HIT_CELL)
    self->drag_mode = DRAG_PENDING;
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                RacimoMatrixView *self)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  self->drag_x = self->drag_start_x + dx;
  self->drag_y = self->drag_start_y + dy;

  if (self->drag_mode == DRAG_NAMES_WIDTH)
    {
      update_drop (self);
      return;
    }

  if (self->drag_mode == DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_start_x,
                                     (int) self->drag_start_y, (int) self->drag_x,
                                     (int) self->drag_y))
        return;

      if (self->drag_area == HIT_HEADER)
        self->drag_mode = DRAG_ROLE;
      else if (self->drag_area == HIT_CELL)
        self->drag_mode = DRAG_SELECT;
      else if (get_row (self, (guint) self->drag_row)->is_phase)
        self->drag_mode = DRAG_PHASE;
      else
        self->drag_mode = DRAG_ACTIVITY;

      _racimo_matrix_view_popdown_all (self);
      if (self->autoscroll_id == 0)
        self->autoscroll_id = g_timeout_add (30, autoscroll_tick, self);
    }

  update_drop (self);
}

static void
drop_activity (RacimoMatrixView *self,
               RacimoActivity   *activity,
               int               index)
{
  RacimoPhase *phase;
  RacimoPhase *old_phase = racimo_activity_get_phase (activity);
  int position;

  if (index > 0 && get_row (self, (guint) index - 1)->is_phase)
    {
      phase = RACIMO_PHASE (get_row (self, (guint) index - 1)->item);
      position = 0;
    }
  else if (index > 0)
    {
      RacimoActivity *before = RACIMO_ACTIVITY (get_row (self, (guint) index - 1)->item);

      if (before == activity)
        return;
      phase = racimo_activity_get_phase (before);
      position = racimo_phase_index_of (phase, before) + 1;
    }
  else
    {
      phase = racimo_project_get_phase (self->project, 0);
      position = 0;
    }

  /* Positions count without the activity in its old place. */
  if (phase == old_phase && position > racimo_phase_index_of (phase, activity))
    position--;

  racimo_project_move_activity (self->project, activity, phase, (guint) position);
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             RacimoMatrixView *self)
{
  DragMode mode = self->drag_mode;
  RacimoItem *item = NULL;

  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (mode == DRAG_ACTIVITY || mode == DRAG_PHASE)
    item = get_row (self, (guint) self->drag_row)->item;
  else if (mode == DRAG_ROLE)
    item = RACIMO_ITEM (column_role (self, self->drag_column));

  switch (mode)
    {
    case DRAG_ACTIVITY:
      drop_activity (self, RACIMO_ACTIVITY (item), self->drop_index);
      break;

    case DRAG_PHASE:
      {
        int from = racimo_project_index_of_phase (self->project, RACIMO_PHASE (item));
        int to = (int) racimo_project_get_n_phases (self->project);

        /* Before the phase whose header is there: phases a search hides
         * have no header to count. */
        if (self->drop_index < (int) n_rows (self))
          to = racimo_project_index_of_phase (
            self->project, _racimo_matrix_view_phase_of_row (self, self->drop_index));
        if (to > from)
          to--;
        racimo_project_move_phase (self->project, RACIMO_PHASE (item), (guint) to);
      }
      break;

    case DRAG_ROLE:
      {
        int to = self->drop_index > self->drag_column ? self->drop_index - 1 : self->drop_index;

        racimo_project_move_role (self->project, RACIMO_ROLE (item), (guint) to);
      }
      break;

    case DRAG_SELECT:
    case DRAG_NAMES_WIDTH:
    case DRAG_PENDING:
    case DRAG_NONE:
    default:
      return;
    }

  _racimo_matrix_view_ensure_rows (self);
  focus_item (self, item);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                RacimoMatrixView *self)
{
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Set up from racimo_matrix_view_class_init() and _init() */

void
_racimo_matrix_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "matrix.insert-before", NULL, action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.insert-after", NULL, action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.add-to-phase", NULL, action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.rename", NULL, action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.properties", NULL, action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.toggle-applicable", NULL,
                                   action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.toggle-collapsed", NULL,
                                   action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.hide-role", NULL, action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.show-all-roles", NULL,
                                   action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.waive", "s", action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.unwaive", "s", action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.delete", NULL, action_menu_item);
  gtk_widget_class_install_action (widget_class, "matrix.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "matrix.make-owner", "(ss)", action_owner_fix);
  gtk_widget_class_install_action (widget_class, "matrix.keep-owner", "(ss)", action_owner_fix);
  gtk_widget_class_install_action (widget_class, "matrix.copy-with-headers", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "matrix.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "matrix.edit-codes", NULL, action_edit_codes);
  gtk_widget_class_install_action (widget_class, "matrix.zoom", "i", action_zoom);
  gtk_widget_class_install_action (widget_class, "matrix.edit-note", NULL, action_edit_note);
  gtk_widget_class_install_action (widget_class, "matrix.select-all", NULL, action_at_cursor);
  gtk_widget_class_install_action (widget_class, "matrix.move-cursor", "(iib)",
                                   action_move_cursor);
  gtk_widget_class_install_action (widget_class, "matrix.move-item", "(ii)", action_move_item);
  gtk_widget_class_install_action (widget_class, "matrix.rename-at-cursor", NULL,
                                   action_at_cursor);
  gtk_widget_class_install_action (widget_class, "matrix.enter", NULL, action_at_cursor);
  gtk_widget_class_install_action (widget_class, "matrix.clear", NULL, action_at_cursor);
  gtk_widget_class_install_action (widget_class, "matrix.context-menu", NULL,
                                   action_at_cursor);
  gtk_widget_class_install_action (widget_class, "matrix.add-at-cursor", NULL,
                                   action_at_cursor);
  add_bindings (widget_class);
}

void
_racimo_matrix_view_init_input (RacimoMatrixView *self)
{
  GtkEventController *keys, *motion, *scroll;
  GtkGesture *click, *drag;

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_group (click, drag);
}
