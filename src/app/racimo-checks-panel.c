/* racimo-checks-panel.c: the sidebar that lists every finding of the checks
 *
 * The findings are a RacimoFindingsModel, grouped by severity then check and
 * kept up to date edit by edit, drawn by a RacimoFindingView so that
 * thousands of findings cost only the rows in view, and an edit that
 * brings or settles a finding only the row that changed.  Selecting a
 * finding asks the window, through "finding-activated", to move the
 * grid's cursor to it.
 * Every change the panel makes goes through the project's history: a
 * waiver, its removal, and the quick fix for an activity without an owner;
 * the quick fix of an unstaffed role is the window's (win.staff-role).
 *
 * A second page shows one role's details (RacimoRoleDetails) when the
 * window asks for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "racimo-checks-panel.h"
#include "racimo-finding-view.h"
#include "racimo-focus.h"
#include "racimo-role-details.h"
#include "racimo-text-line.h"
#include "racimo-waiver-popover.h"

struct _RacimoChecksPanel
{
  GtkWidget          parent_instance;

  RacimoChecks      *checks;
  RacimoProject     *project;
  RacimoFindingsModel *rows;
  char              *summary;

  gboolean           selecting;  /* the panel itself is changing the selection */
  RacimoFindingRow  *selected;   /* the row selected last */

  guint              scroll_bar_timeout;

  GtkWidget         *row_menu;

  /* Template widgets */
  GtkWidget          *pages;
  GtkWidget          *summary_box;
  GtkImage           *summary_icon;
  RacimoTextLine     *summary_label;  /* new text redraws it; a label's lays out the window */
  GtkStack           *list_stack;
  GtkScrolledWindow  *list_scroller;
  RacimoFindingView  *list_view;
  GtkSingleSelection *selection;
  RacimoRoleDetails  *role_details;
  GtkWidget          *waive_popover;
};

G_DEFINE_FINAL_TYPE (RacimoChecksPanel, racimo_checks_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHECKS,
  PROP_SUMMARY,
  PROP_ROLE,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  FINDING_ENTERED,
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define NATURAL_WIDTH 340

static RacimoFindingRow *
row_at (RacimoChecksPanel *self,
        guint              position)
{
  g_autoptr(RacimoFindingRow) row = NULL;

  if (self->rows == NULL)
    return NULL;

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  /* The list keeps its rows; a borrowed pointer stays valid. */
  return row;
}

static gboolean
is_open_finding (RacimoFindingRow *row)
{
  return row != NULL
         && racimo_finding_row_get_kind (row) == RACIMO_FINDING_ROW_FINDING
         && racimo_finding_row_get_section (row) != RACIMO_FINDING_SECTION_WAIVED;
}

/* The summary */

/**
 * racimo_checks_panel_format_summary:
 *
 * Says how many problems there are, as the panel and the header bar show
 * it: "2 errors, 3 warnings", or "No problems found".  Waived findings are
 * not problems.
 *
 * Returns: (transfer full): the translated text
 */
char *
racimo_checks_panel_format_summary (guint n_errors,
                                    guint n_warnings)
{
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  if (n_errors == 0 && n_warnings == 0)
    return g_strdup (_("No problems found"));

  /* Translators: a count of error findings, in "2 errors, 3 warnings" */
  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  /* Translators: a count of warning findings, in "2 errors, 3 warnings" */
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

  if (n_warnings == 0)
    return g_steal_pointer (&errors);
  if (n_errors == 0)
    return g_steal_pointer (&warnings);

  /* Translators: errors, then warnings: "2 errors, 3 warnings" */
  return g_strdup_printf (C_("checks summary", "%s, %s"), errors, warnings);
}

static const char * const icon_classes[] = { "error", "warning", "success" };

/* Gives the summary @icon_name in the colour of @style, touching only what
 * changes: an image given its icon or a style anew, even the same, lays
 * out the whole window again. */
static void
set_summary_icon (RacimoChecksPanel *self,
                  const char        *icon_name,
                  const char        *style)
{
  if (g_strcmp0 (gtk_image_get_icon_name (self->summary_icon), icon_name) != 0)
    gtk_image_set_from_icon_name (self->summary_icon, icon_name);

  for (guint i = 0; i < G_N_ELEMENTS (icon_classes); i++)
    if (g_strcmp0 (icon_classes[i], style) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), icon_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), style);
}

static void
update_summary (RacimoChecksPanel *self)
{
  guint n_errors = self->checks != NULL ? racimo_checks_get_n_errors (self->checks) : 0;
  guint n_warnings = self->checks != NULL ? racimo_checks_get_n_warnings (self->checks) : 0;
  g_autofree char *summary = racimo_checks_panel_format_summary (n_errors, n_warnings);

  racimo_text_line_set_text (self->summary_label, summary);

  if (n_errors > 0)
    set_summary_icon (self, "dialog-error-symbolic", "error");
  else if (n_warnings > 0)
    set_summary_icon (self, "dialog-warning-symbolic", "warning");
  else
    set_summary_icon (self, "object-select-symbolic", "success");

  if (g_strcmp0 (self->summary, summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

static void
update_empty (RacimoChecksPanel *self)
{
  gboolean empty = self->rows == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

/* A finding's menu */

static GMenuModel *
build_row_menu (RacimoChecksPanel *self,
                RacimoFindingRow  *row)
{
  RacimoItem *item = racimo_finding_row_get_item (row);
  RacimoCheck check = racimo_finding_row_get_check (row);
  const char *item_id = racimo_item_get_id (item);
  const char *check_id = racimo_check_get_id (check);
  gboolean waived = racimo_finding_row_get_section (row) == RACIMO_FINDING_SECTION_WAIVED;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) fixes = g_menu_new ();
  g_autoptr(GMenu) waivers = g_menu_new ();
  g_autoptr(GMenuItem) entry = NULL;

  if (!waived && RACIMO_IS_ACTIVITY (item))
    racimo_fixes_append_items (fixes, self->project, RACIMO_ACTIVITY (item), check, "checks");
  if (g_menu_model_get_n_items (G_MENU_MODEL (fixes)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (fixes));

  /* The quick fix of a role that no one holds: someone who does. */
  if (!waived && check == RACIMO_CHECK_UNSTAFFED_ROLE && RACIMO_IS_ROLE (item))
    {
      g_autoptr(GMenuItem) fix = g_menu_item_new (_("Add a _Person…"), NULL);

      g_menu_item_set_action_and_target (fix, "win.staff-role", "s", item_id);
      g_menu_append_item (fixes, fix);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (fixes));
    }

  entry = g_menu_item_new (waived ? _("Change _Reason…") : _("_Waive…"), NULL);
  g_menu_item_set_action_and_target (entry, "checks.waive", "(ss)", item_id, check_id);
  g_menu_append_item (waivers, entry);
  if (waived)
    {
      g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove Waiver"), NULL);

      g_menu_item_set_action_and_target (remove, "checks.unwaive", "(ss)", item_id, check_id);
      g_menu_append_item (waivers, remove);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (waivers));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* @x, @y: where the pointer was in the list, or -1 for the row as a whole */
static void
popup_row_menu (RacimoChecksPanel *self,
                guint              position,
                double             x,
                double             y)
{
  RacimoFindingRow *row = row_at (self, position);
  g_autoptr(GMenuModel) model = NULL;
  graphene_rect_t area;
  graphene_rect_t in_panel;

  if (row == NULL || racimo_finding_row_get_kind (row) != RACIMO_FINDING_ROW_FINDING)
    return;

  if (x >= 0)
    graphene_rect_init (&area, (float) x, (float) y, 1, 1);
  else if (!racimo_finding_view_get_row_area (self->list_view, position, &area))
    return;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->list_view), GTK_WIDGET (self), &in_panel))
    return;

  model = build_row_menu (self, row);
  gtk_popover_popdown (GTK_POPOVER (self->waive_popover));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu), &(GdkRectangle) {
                                 (int) (in_panel.origin.x + area.origin.x),
                                 (int) (in_panel.origin.y + area.origin.y),
                                 MAX (1, (int) area.size.width),
                                 MAX (1, (int) area.size.height) });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

static void
on_row_menu (RacimoChecksPanel *self,
             guint              position,
             double             x,
             double             y,
             RacimoFindingView *view)
{
  popup_row_menu (self, position, x, y);
}

/* Selection */

static void
scroll_to (RacimoChecksPanel *self,
           guint              position)
{
  racimo_finding_view_scroll_to (self->list_view, position);
}

static void
on_selection_changed (RacimoChecksPanel  *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  RacimoFindingRow *row = gtk_single_selection_get_selected_item (selection);

  /* The list changing under the selection keeps the same row, or none. */
  if (row == self->selected)
    return;

  g_set_object (&self->selected, row);

  if (!self->selecting && row != NULL
      && racimo_finding_row_get_kind (row) == RACIMO_FINDING_ROW_FINDING)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0,
                   racimo_finding_row_get_item (row),
                   (guint) racimo_finding_row_get_check (row));
}

static void
on_activate (RacimoChecksPanel *self,
             guint              position,
             RacimoFindingView *list_view)
{
  RacimoFindingRow *row = row_at (self, position);

  if (row == NULL || racimo_finding_row_get_kind (row) != RACIMO_FINDING_ROW_FINDING)
    return;

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0,
                 racimo_finding_row_get_item (row),
                 (guint) racimo_finding_row_get_check (row));
  g_signal_emit (self, signals[FINDING_ENTERED], 0);
}

static void
select_position (RacimoChecksPanel *self,
                 guint              position)
{
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  g_set_object (&self->selected, gtk_single_selection_get_selected_item (self->selection));
  scroll_to (self, position);
}

static RacimoItem *
select_step (RacimoChecksPanel *self,
             int                step,
             RacimoCheck       *check)
{
  guint n, selected;
  gint64 start;

  if (self->rows == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n == 0)
    return NULL;

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= n)
    start = step > 0 ? -1 : (gint64) n;
  else
    start = selected;

  /* Round the list, from the one after the selection; waived findings are
   * not problems to go to. */
  for (guint i = 1; i <= n; i++)
    {
      guint position = (guint) (((start + step * (gint64) i) % n + n) % n);
      RacimoFindingRow *row = row_at (self, position);

      if (!is_open_finding (row))
        continue;

      select_position (self, position);
      if (check != NULL)
        *check = racimo_finding_row_get_check (row);
      return racimo_finding_row_get_item (row);
    }

  return NULL;
}

/* Role details */

static void
on_owned_activated (RacimoChecksPanel *self,
                    RacimoActivity    *activity,
                    RacimoRoleDetails *details)
{
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, activity);
}

static void
on_details_role (RacimoChecksPanel *self,
                 GParamSpec        *pspec,
                 RacimoRoleDetails *details)
{
  /* The role left the project. */
  if (racimo_role_details_get_role (details) == NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->pages), "findings");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/* Waivers and the quick fix */

static void
point_at_finding (RacimoChecksPanel *self,
                  GtkWidget         *popover,
                  RacimoItem        *item,
                  RacimoCheck        check)
{
  int position = racimo_findings_model_find (self->rows, item, check);
  graphene_rect_t area, list;
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (position >= 0 && gtk_widget_get_mapped (GTK_WIDGET (self->list_view))
      && racimo_finding_view_get_row_area (self->list_view, (guint) position, &area)
      && gtk_widget_compute_bounds (GTK_WIDGET (self->list_view), GTK_WIDGET (self), &list))
    graphene_rect_init (&bounds, list.origin.x + area.origin.x, list.origin.y + area.origin.y,
                        area.size.width, area.size.height);
  /* Not in view: under the summary, at the top of the list. */
  else if (!gtk_widget_compute_bounds (self->summary_box, GTK_WIDGET (self), &bounds))
    graphene_rect_init (&bounds, 0, 0, 1, 1);

  rect.x = (int) bounds.origin.x;
  rect.y = (int) bounds.origin.y;
  rect.width = MAX (1, (int) bounds.size.width);
  rect.height = MAX (1, (int) bounds.size.height);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
}

static void
open_waive (RacimoChecksPanel *self,
            RacimoItem        *item,
            RacimoCheck        check)
{
  int position;

  gtk_popover_popdown (GTK_POPOVER (self->row_menu));

  position = racimo_findings_model_find (self->rows, item, check);
  if (position >= 0)
    scroll_to (self, (guint) position);

  racimo_waiver_popover_set_finding (RACIMO_WAIVER_POPOVER (self->waive_popover), self->project,
                                     item, check);
  point_at_finding (self, self->waive_popover, item, check);
  gtk_popover_popup (GTK_POPOVER (self->waive_popover));
  racimo_waiver_popover_focus (RACIMO_WAIVER_POPOVER (self->waive_popover));
}

static gboolean
lookup_target (RacimoChecksPanel  *self,
               GVariant           *parameter,
               RacimoItem        **item,
               const char        **second)
{
  const char *id;

  if (self->project == NULL)
    return FALSE;

  g_variant_get (parameter, "(&s&s)", &id, second);
  *item = racimo_project_lookup (self->project, id);

  return *item != NULL;
}

/* checks.waive and checks.unwaive: the same finding, looked up the same
 * way, then a waiver asked for or taken away. */
static void
waiver_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (widget);
  RacimoItem *item;
  const char *check_id;
  RacimoCheck check;

  if (!lookup_target (self, parameter, &item, &check_id)
      || !racimo_check_from_id (check_id, &check))
    return;

  if (g_str_equal (action_name, "checks.waive"))
    open_waive (self, item, check);
  else
    racimo_project_set_waiver (self->project, item, check_id, NULL);
}

/* checks.make-owner and checks.keep-owner: the quick fixes of a finding
 * about an activity's owners, each one step named for what was chosen */
static void
owner_fix_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (widget);

  if (self->project != NULL)
    racimo_fixes_apply (self->project, action_name, parameter);
}

static void
show_findings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  racimo_checks_panel_show_role (RACIMO_CHECKS_PANEL (widget), NULL);
}

/* GtkWidget */

static void
racimo_checks_panel_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (widget);

  gtk_widget_measure (self->pages, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);

  /* Wide enough for a finding's message in two lines when there is room;
   * the findings' text wraps, and asks for no width of its own. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*natural, NATURAL_WIDTH);
}

static void
racimo_checks_panel_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (widget);

  gtk_widget_allocate (self->pages, width, height, baseline, NULL);

  /* Only those shown: presenting a popover asks the display about its
   * monitor, round trips that a hidden one does not need. */
  if (gtk_widget_get_visible (self->waive_popover))
    gtk_popover_present (GTK_POPOVER (self->waive_popover));
  if (gtk_widget_get_visible (self->row_menu))
    gtk_popover_present (GTK_POPOVER (self->row_menu));
}

/* GObject */

static void
disconnect_checks (RacimoChecksPanel *self)
{
  if (self->checks != NULL)
    g_signal_handlers_disconnect_by_data (self->checks, self);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  g_clear_object (&self->selected);
  g_clear_object (&self->rows);
  g_clear_object (&self->project);
  g_clear_object (&self->checks);
}

/* The findings list's scroll bar */

/* How long the scroll bar stays after the pointer last moved or the list
 * last scrolled: longer than GTK takes to fade it out. */
#define SCROLL_BAR_SECONDS 2

static gboolean
overlay_scroll_bars (RacimoChecksPanel *self)
{
  gboolean overlay = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-overlay-scrolling", &overlay,
                NULL);
  return overlay && gtk_scrolled_window_get_overlay_scrolling (self->list_scroller);
}

static gboolean
on_scroll_bar_timeout (gpointer data)
{
  RacimoChecksPanel *self = data;
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (GTK_WIDGET (self)));
  GdkDevice *pointer = seat != NULL ? gdk_seat_get_pointer (seat) : NULL;

  /* Not while a button is down: the scroll bar may be being dragged. */
  if (pointer != NULL
      && (gdk_device_get_modifier_state (pointer) & (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK
                                                     | GDK_BUTTON3_MASK)) != 0)
    return G_SOURCE_CONTINUE;

  self->scroll_bar_timeout = 0;
  gtk_scrolled_window_set_policy (self->list_scroller, GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL);
  return G_SOURCE_REMOVE;
}

/* The list has a scroll bar while the pointer moves over it or it is
 * scrolled, as an overlay scroll bar shows then, and none when it would
 * have faded out anyway.  The list still scrolls without one.
 *
 * What this spares: in GTK 4.8, a scroll bar whose range changes has the
 * whole window laid out again, and on X11 that asks the X server for the
 * window's screen and work area, a few round trips.  An edit that adds or
 * settles a finding changes the range: about half a millisecond of each
 * edit, while the user works in the grid.  GTK 4.18 (Debian 13) lays the
 * window out again the same way: there an edit with the panel shown took
 * 1.39 ms without this against 1.00 ms with it (1.54 against 0.93 ms on
 * 4.8, medians of the matrix benchmark), so it stays for both. */
static void
show_scroll_bar (RacimoChecksPanel *self)
{
  GtkPolicyType vertical;

  g_clear_handle_id (&self->scroll_bar_timeout, g_source_remove);

  /* The pointer may cross into the list while the panel is taken apart. */
  if (self->list_scroller == NULL)
    return;

  gtk_scrolled_window_get_policy (self->list_scroller, NULL, &vertical);
  if (vertical != GTK_POLICY_AUTOMATIC)
    gtk_scrolled_window_set_policy (self->list_scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  /* Scroll bars that take room stay: that is what the user chose. */
  if (overlay_scroll_bars (self))
    self->scroll_bar_timeout = g_timeout_add_seconds (SCROLL_BAR_SECONDS,
                                                      on_scroll_bar_timeout, self);
}

static void
on_list_pointer_moved (RacimoChecksPanel *self)
{
  show_scroll_bar (self);
}

static gboolean
on_list_scrolled (RacimoChecksPanel *self)
{
  show_scroll_bar (self);
  return GDK_EVENT_PROPAGATE;
}

static void
on_scroll_settings_changed (RacimoChecksPanel *self)
{
  if (!overlay_scroll_bars (self))
    show_scroll_bar (self);
}

static void
racimo_checks_panel_dispose (GObject *object)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (object);
  GtkWidget *child;

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  disconnect_checks (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RACIMO_TYPE_CHECKS_PANEL);
  self->row_menu = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  /* Last: the pointer crossing into the list as its widgets go would
   * start the timeout again. */
  g_clear_handle_id (&self->scroll_bar_timeout, g_source_remove);

  G_OBJECT_CLASS (racimo_checks_panel_parent_class)->dispose (object);
}

static void
racimo_checks_panel_finalize (GObject *object)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (object);

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (racimo_checks_panel_parent_class)->finalize (object);
}

static void
racimo_checks_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKS:
      g_value_set_object (value, self->checks);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_ROLE:
      g_value_set_object (value, racimo_checks_panel_get_role (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_checks_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RacimoChecksPanel *self = RACIMO_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKS:
      racimo_checks_panel_set_checks (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_checks_panel_class_init (RacimoChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = racimo_checks_panel_dispose;
  object_class->finalize = racimo_checks_panel_finalize;
  object_class->get_property = racimo_checks_panel_get_property;
  object_class->set_property = racimo_checks_panel_set_property;
  widget_class->measure = racimo_checks_panel_measure;
  widget_class->size_allocate = racimo_checks_panel_size_allocate;

  properties[PROP_CHECKS] =
    g_param_spec_object ("checks", NULL, NULL, RACIMO_TYPE_CHECKS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RacimoChecksPanel:summary:
   *
   * How many problems there are, for the header bar: "2 errors, 3
   * warnings", or "No problems found".
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, RACIMO_TYPE_ROLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RacimoChecksPanel::finding-activated:
   * @item: the person, role, phase or activity the finding is on
   * @check: the #RacimoCheck of the finding
   *
   * Emitted when the user selects or activates a finding (a click, the
   * arrow keys, Enter), for the window to move the grid's cursor to @item.
   * Not emitted for racimo_checks_panel_select() and the like, whose
   * caller moves the cursor itself.
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RACIMO_TYPE_ITEM, G_TYPE_UINT);

  /**
   * RacimoChecksPanel::finding-entered:
   *
   * Emitted after #RacimoChecksPanel::finding-activated when the user
   * activated the finding (Enter, a double click) rather than only
   * selected it, for the window to give the grid the keyboard focus: the
   * user goes there to fix it.
   */
  signals[FINDING_ENTERED] =
    g_signal_new ("finding-entered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RacimoChecksPanel::item-activated:
   * @item: an activity
   *
   * Emitted when the user picks an activity in a role's details, for the
   * window to move the grid's cursor to it.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RACIMO_TYPE_ITEM);

  gtk_widget_class_set_css_name (widget_class, "checkspanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (RACIMO_TYPE_FINDING_VIEW);
  g_type_ensure (RACIMO_TYPE_TEXT_LINE);
  g_type_ensure (RACIMO_TYPE_ROLE_DETAILS);
  g_type_ensure (RACIMO_TYPE_WAIVER_POPOVER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/racimo-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, pages);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, summary_box);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, selection);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, role_details);
  gtk_widget_class_bind_template_child (widget_class, RacimoChecksPanel, waive_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_owned_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_details_role);

  /* Targets are ids, which stay valid across undo, unlike positions. */
  gtk_widget_class_install_action (widget_class, "checks.waive", "(ss)", waiver_action);
  gtk_widget_class_install_action (widget_class, "checks.keep-owner", "(ss)", owner_fix_action);
  gtk_widget_class_install_action (widget_class, "checks.unwaive", "(ss)", waiver_action);
  gtk_widget_class_install_action (widget_class, "checks.make-owner", "(ss)", owner_fix_action);
  gtk_widget_class_install_action (widget_class, "checks.show-findings", NULL,
                                   show_findings_action);
}

static void
racimo_checks_panel_init (RacimoChecksPanel *self)
{
  GtkEventController *motion, *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self));
  /* After a quick fix or a waiver, the keys are the list's again. */
  racimo_focus_return_after (GTK_POPOVER (self->row_menu), GTK_WIDGET (self->list_view));
  racimo_focus_return_after (GTK_POPOVER (self->waive_popover), GTK_WIDGET (self->list_view));

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_name (motion, "racimo-scroll-bar-motion");
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_list_pointer_moved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_list_pointer_moved), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_scroller), motion);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_list_scrolled), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_scroller), scroll);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)),
                           "notify::gtk-overlay-scrolling",
                           G_CALLBACK (on_scroll_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_scroller, "notify::overlay-scrolling",
                           G_CALLBACK (on_scroll_settings_changed), self, G_CONNECT_SWAPPED);
  on_scroll_settings_changed (self);

  update_summary (self);
  update_empty (self);
}

/**
 * racimo_checks_panel_new:
 *
 * Returns: (transfer floating): a panel that shows no findings until
 *   racimo_checks_panel_set_checks() is called
 */
GtkWidget *
racimo_checks_panel_new (void)
{
  return g_object_new (RACIMO_TYPE_CHECKS_PANEL, NULL);
}

/**
 * racimo_checks_panel_set_checks:
 * @checks: (nullable): the findings to list, or %NULL for none
 *
 * Lists @checks' findings and follows them, and shows the findings page.
 */
void
racimo_checks_panel_set_checks (RacimoChecksPanel *self,
                                RacimoChecks      *checks)
{
  g_return_if_fail (RACIMO_IS_CHECKS_PANEL (self));
  g_return_if_fail (checks == NULL || RACIMO_IS_CHECKS (checks));

  if (self->checks == checks)
    return;

  gtk_popover_popdown (GTK_POPOVER (self->waive_popover));
  gtk_popover_popdown (GTK_POPOVER (self->row_menu));
  gtk_single_selection_set_model (self->selection, NULL);
  disconnect_checks (self);

  racimo_role_details_set_checks (self->role_details, checks);
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), "findings");

  if (checks != NULL)
    {
      self->checks = g_object_ref (checks);
      self->project = g_object_ref (racimo_checks_get_project (checks));
      self->rows = racimo_findings_model_new (checks);

      g_signal_connect_swapped (checks, "notify::n-errors", G_CALLBACK (update_summary), self);
      g_signal_connect_swapped (checks, "notify::n-warnings", G_CALLBACK (update_summary), self);
      g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (update_empty), self);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
    }

  update_summary (self);
  update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKS]);
}

/**
 * racimo_checks_panel_get_checks:
 *
 * Returns: (transfer none) (nullable): the checks listed
 */
RacimoChecks *
racimo_checks_panel_get_checks (RacimoChecksPanel *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), NULL);

  return self->checks;
}

/**
 * racimo_checks_panel_get_rows:
 *
 * Returns: (transfer none) (nullable): the #RacimoFindingRow list shown,
 *   headers included
 */
GListModel *
racimo_checks_panel_get_rows (RacimoChecksPanel *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), NULL);

  return self->rows != NULL ? G_LIST_MODEL (self->rows) : NULL;
}

/**
 * racimo_checks_panel_get_summary:
 *
 * Returns: what #RacimoChecksPanel:summary says
 */
const char *
racimo_checks_panel_get_summary (RacimoChecksPanel *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), NULL);

  return self->summary;
}

/**
 * racimo_checks_panel_get_selected:
 * @check: (out) (optional): the check of the finding selected
 *
 * Returns: (transfer none) (nullable): the item of the finding selected
 */
RacimoItem *
racimo_checks_panel_get_selected (RacimoChecksPanel *self,
                                  RacimoCheck       *check)
{
  RacimoFindingRow *row;

  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL || racimo_finding_row_get_kind (row) != RACIMO_FINDING_ROW_FINDING)
    return NULL;

  if (check != NULL)
    *check = racimo_finding_row_get_check (row);
  return racimo_finding_row_get_item (row);
}

/**
 * racimo_checks_panel_select:
 * @item: a role, phase or activity
 * @check: a check
 *
 * Selects the finding of @check on @item and scrolls it into view, as when
 * the grid's cursor comes to it.  Does not emit
 * #RacimoChecksPanel::finding-activated.
 *
 * Returns: %TRUE when there is such a finding
 */
gboolean
racimo_checks_panel_select (RacimoChecksPanel *self,
                            RacimoItem        *item,
                            RacimoCheck        check)
{
  int position;

  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), FALSE);
  g_return_val_if_fail (RACIMO_IS_ITEM (item), FALSE);

  if (self->rows == NULL)
    return FALSE;

  position = racimo_findings_model_find (self->rows, item, check);
  if (position < 0)
    return FALSE;

  select_position (self, (guint) position);
  return TRUE;
}

/**
 * racimo_checks_panel_select_next:
 * @check: (out) (optional): the check of the finding selected
 *
 * Selects the next problem after the one selected, round to the first
 * after the last, skipping waived findings: what Ctrl+. does from the grid.
 * Does not emit #RacimoChecksPanel::finding-activated.
 *
 * Returns: (transfer none) (nullable): the item to move the cursor to, or
 *   %NULL when there is no problem
 */
RacimoItem *
racimo_checks_panel_select_next (RacimoChecksPanel *self,
                                 RacimoCheck       *check)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), NULL);

  return select_step (self, +1, check);
}

/**
 * racimo_checks_panel_select_previous:
 * @check: (out) (optional): the check of the finding selected
 *
 * Like racimo_checks_panel_select_next(), backwards: what Ctrl+, does.
 *
 * Returns: (transfer none) (nullable): the item to move the cursor to
 */
RacimoItem *
racimo_checks_panel_select_previous (RacimoChecksPanel *self,
                                     RacimoCheck       *check)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), NULL);

  return select_step (self, -1, check);
}

/**
 * racimo_checks_panel_show_role:
 * @role: (nullable): a role of the project, or %NULL
 *
 * Shows @role's details in place of the findings, or the findings again
 * for %NULL.
 */
void
racimo_checks_panel_show_role (RacimoChecksPanel *self,
                               RacimoRole        *role)
{
  g_return_if_fail (RACIMO_IS_CHECKS_PANEL (self));
  g_return_if_fail (role == NULL || RACIMO_IS_ROLE (role));
  g_return_if_fail (role == NULL || self->checks != NULL);

  /* Details of no role follow no edits. */
  racimo_role_details_set_role (self->role_details, role);
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), role != NULL ? "role" : "findings");
}

/**
 * racimo_checks_panel_get_role:
 *
 * Returns: (transfer none) (nullable): the role whose details are shown
 */
RacimoRole *
racimo_checks_panel_get_role (RacimoChecksPanel *self)
{
  g_return_val_if_fail (RACIMO_IS_CHECKS_PANEL (self), NULL);

  return racimo_role_details_get_role (self->role_details);
}
