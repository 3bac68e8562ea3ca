/* racimo-window-compare.c: compare mode, the changes of another copy of
 * the project marked in the grid and listed beside it
 *
 * "Compare With..." loads another file ("theirs"), or the unsaved changes
 * of the same file that a crash left (a draft), beside the project shown
 * ("mine").  racimo_differences_compare () finds what theirs changed; the grid
 * marks it and RacimoComparePanel lists it by group (the project, roles,
 * people, each phase).  Each change can be
 * taken (one step of mine's history, so Undo gives it back) or kept, which
 * only drops it from the list.  After every edit of mine the changes are
 * found again, once the main loop is idle.  Leaving compare mode, or
 * another project in the window, drops theirs and every mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-compare-panel.h"
#include "racimo-window-private.h"

struct _RacimoWindowCompare
{
  RacimoProject      *mine;  /* the project the handlers follow */
  RacimoProject      *theirs;
  char               *name;
  GPtrArray          *changes;  /* RacimoDifference, those not kept */
  GHashTable         *kept;     /* change_key () of the changes kept */
  char               *current;  /* change_key () of the change selected */
  GtkWidget          *sidebar;
  RacimoComparePanel *panel;
  gulong              handlers[14];
  guint               idle;
};

static char *
change_key (const RacimoDifference *change)
{
  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s", change->kind, change->activity_id,
                          change->role_id != NULL ? change->role_id : "", change->detail);
}

static int
find_key (RacimoWindowCompare *compare,
          const char          *key)
{
  for (guint i = 0; key != NULL && i < compare->changes->len; i++)
    {
      g_autofree char *other = change_key (g_ptr_array_index (compare->changes, i));

      if (g_str_equal (key, other))
        return (int) i;
    }

  return -1;
}

static void
select_change (RacimoWindow *self,
               int           index,
               gboolean      show)
{
  RacimoWindowCompare *compare = self->compare;
  const RacimoDifference *change;
  RacimoItem *item;

  racimo_compare_panel_select (compare->panel, index);
  g_clear_pointer (&compare->current, g_free);
  if (index < 0)
    return;

  change = g_ptr_array_index (compare->changes, index);
  compare->current = change_key (change);
  item = change->item_id != NULL ? racimo_project_lookup (self->project, change->item_id) : NULL;
  if (show && (RACIMO_IS_ROLE (item) || RACIMO_IS_PHASE (item)))
    {
      /* A role's header, a phase's row */
      if (!racimo_matrix_view_show_item (self->matrix_view, item))
        gtk_widget_error_bell (GTK_WIDGET (self));
    }
  else if (show && change->activity_id[0] != '\0')
    {
      RacimoItem *activity = racimo_project_lookup (self->project, change->activity_id);
      RacimoItem *role = change->role_id != NULL
                           ? racimo_project_lookup (self->project, change->role_id)
                           : NULL;
      RacimoPhase *phase;
      guint position;

      /* An activity only theirs has: where taking it puts it in mine, after
       * an activity or at the top of its phase */
      if (!RACIMO_IS_ACTIVITY (activity) &&
          racimo_difference_get_place (self->project, compare->theirs, change, &phase, &position))
        activity = position > 0 ? RACIMO_ITEM (racimo_phase_get_activity (phase, position - 1))
                                : RACIMO_ITEM (phase);
      if (activity != NULL &&
          !racimo_matrix_view_show_cell (self->matrix_view, activity,
                                         RACIMO_IS_ROLE (role) ? RACIMO_ROLE (role) : NULL))
        gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

/* The changes again, after an edit of mine or a change kept */
static void
refresh (RacimoWindow *self)
{
  RacimoWindowCompare *compare = self->compare;
  g_autoptr(GPtrArray) all = racimo_differences_compare (self->project, compare->theirs);
  g_autofree char *current = g_strdup (compare->current);
  g_autofree RacimoDifference **items = NULL;
  gsize n = 0;
  int index;

  /* The differences move to the list, but for those kept */
  g_ptr_array_set_free_func (all, NULL);
  items = (RacimoDifference **) g_ptr_array_steal (all, &n);
  g_ptr_array_set_size (compare->changes, 0);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *key = change_key (items[i]);

      if (g_hash_table_contains (compare->kept, key))
        racimo_difference_free (items[i]);
      else
        g_ptr_array_add (compare->changes, items[i]);
    }

  racimo_matrix_view_set_changes (self->matrix_view, compare->changes);
  racimo_compare_panel_set_changes (compare->panel, compare->name, compare->changes,
                                    self->project, compare->theirs);
  index = find_key (compare, current);
  select_change (self, index, FALSE);
  _racimo_window_update_actions (self);
}

static gboolean
refresh_idle (gpointer data)
{
  RacimoWindow *self = data;

  self->compare->idle = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
on_project_changed (RacimoWindow *self)
{
  if (self->compare->idle == 0)
    self->compare->idle = g_idle_add (refresh_idle, self);
}

static void
on_change_activated (RacimoWindow *self,
                     int           index)
{
  select_change (self, index, TRUE);
}

/**
 * _racimo_window_compare_start:
 * @theirs: the other copy
 * @name: its name, as the panel says it
 *
 * Enters compare mode with @theirs (or compares with @theirs instead of the
 * copy compared so far).
 */
void
_racimo_window_compare_start (RacimoWindow  *self,
                              RacimoProject *theirs,
                              const char    *name)
{
  static const char *signals[] = { "cell-changed", "item-added", "item-removed",
                                   "item-moved", "item-changed", "note-changed",
                                   "person-added", "person-removed", "person-moved",
                                   "person-changed", "conflicts-changed", "notify::title",
                                   "notify::description", "notify::scheme" };
  RacimoWindowCompare *compare;

  g_return_if_fail (RACIMO_IS_PROJECT (theirs));

  if (self->project == NULL)
    return;

  _racimo_window_compare_leave (self);
  compare = self->compare = g_new0 (RacimoWindowCompare, 1);
  compare->mine = g_object_ref (self->project);
  compare->theirs = g_object_ref (theirs);
  compare->name = g_strdup (name);
  compare->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) racimo_difference_free);
  compare->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  G_STATIC_ASSERT (G_N_ELEMENTS (signals) == G_N_ELEMENTS (compare->handlers));
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    compare->handlers[i] = g_signal_connect_swapped (compare->mine, signals[i],
                                                     G_CALLBACK (on_project_changed), self);

  compare->panel = RACIMO_COMPARE_PANEL (racimo_compare_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (compare->panel), 300, -1);
  g_signal_connect_swapped (compare->panel, "change-activated",
                            G_CALLBACK (on_change_activated), self);
  compare->sidebar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (compare->sidebar), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (compare->sidebar), GTK_WIDGET (compare->panel));
  gtk_box_append (GTK_BOX (self->content_box), compare->sidebar);

  refresh (self);
  if (compare->changes->len > 0)
    select_change (self, 0, TRUE);
}

/**
 * _racimo_window_compare_leave:
 *
 * Leaves compare mode: the grid shows the project as it is, with no mark.
 */
void
_racimo_window_compare_leave (RacimoWindow *self)
{
  RacimoWindowCompare *compare = self->compare;

  if (compare == NULL)
    return;

  self->compare = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (compare->handlers); i++)
    g_clear_signal_handler (&compare->handlers[i], compare->mine);
  g_clear_handle_id (&compare->idle, g_source_remove);
  if (compare->sidebar != NULL)
    gtk_box_remove (GTK_BOX (self->content_box), compare->sidebar);
  racimo_matrix_view_set_changes (self->matrix_view, NULL);
  g_clear_object (&compare->mine);
  g_clear_object (&compare->theirs);
  g_clear_pointer (&compare->name, g_free);
  g_clear_pointer (&compare->changes, g_ptr_array_unref);
  g_clear_pointer (&compare->kept, g_hash_table_unref);
  g_clear_pointer (&compare->current, g_free);
  g_free (compare);
  _racimo_window_update_actions (self);
}

/* The changes as they are now, after an edit not yet seen by the idle */
static RacimoWindowCompare *
current_compare (RacimoWindow *self)
{
  if (self->compare != NULL && self->compare->idle != 0)
    {
      g_clear_handle_id (&self->compare->idle, g_source_remove);
      refresh (self);
    }

  return self->compare;
}

/* Another copy being loaded: what compare mode calls it, and the heading
 * of the alert when it cannot be read */
typedef struct
{
  RacimoWindow *window;
  char         *name;
  char         *heading;
} CompareLoad;

static void
compare_load_free (CompareLoad *load)
{
  g_object_unref (load->window);
  g_free (load->name);
  g_free (load->heading);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CompareLoad, compare_load_free)

static void
on_compare_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CompareLoad) load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) theirs = racimo_file_load_finish (result, NULL, &error);

  if (theirs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _racimo_window_show_error (load->window, load->heading, error->message);
      return;
    }

  _racimo_window_compare_start (load->window, theirs, load->name);
}

/* Takes @name and @heading */
static void
load_and_compare (RacimoWindow *self,
                  GFile        *file,
                  char         *name,
                  char         *heading)
{
  CompareLoad *load = g_new0 (CompareLoad, 1);

  load->window = g_object_ref (self);
  load->name = name;
  load->heading = heading;
  racimo_file_load_async (file, self->cancellable, on_compare_loaded, load);
}

/**
 * _racimo_window_compare_with_file:
 *
 * Loads @file and compares the project with it; an error is an alert.
 */
void
_racimo_window_compare_with_file (RacimoWindow *self,
                                  GFile        *file)
{
  char *basename = g_file_get_basename (file);
  g_autofree char *name = _racimo_window_heading_name (basename);

  load_and_compare (self, file, basename,
                    g_strdup_printf (_("Could Not Compare With “%s”"), name));
}

static void
on_compare_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RacimoWindow) self = user_data;
  g_autoptr(GFile) file = racimo_compat_open_file_finish (result, NULL);

  if (file != NULL)
    _racimo_window_compare_with_file (self, file);
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  GFile *file = racimo_window_get_file (self);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  racimo_compat_open_file (GTK_WINDOW (self), _("Compare With"),
                           RACIMO_FILE_FILTER_RACI | RACIMO_FILE_FILTER_ALL, folder,
                           self->cancellable, on_compare_chosen, g_object_ref (self));
}

/* The drafts of the window's file that a crash left (racimo_drafts_list
 * () lists only those), each offered in the project menu under "Compare
 * With…", but the one the document took back.  Listed again only when
 * the window shows another document or file. */
static void
fill_drafts_menu (RacimoWindow *self)
{
  GFile *file = self->project != NULL ? racimo_window_get_file (self) : NULL;
  GObject *menu = G_OBJECT (self->compare_drafts_menu);
  GFile *listed = g_object_get_data (menu, "racimo-file");
  const char *own = self->document != NULL ? racimo_document_get_draft_id (self->document) : NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  /* The document is compared by address only, never used */
  if (g_object_get_data (menu, "racimo-document") == self->document &&
      (file == listed || (file != NULL && listed != NULL && g_file_equal (file, listed))))
    return;

  g_object_set_data (menu, "racimo-document", self->document);
  if (file != NULL)
    g_object_set_data_full (menu, "racimo-file", g_object_ref (file), g_object_unref);
  else
    g_object_set_data (menu, "racimo-file", NULL);
  g_menu_remove_all (self->compare_drafts_menu);
  if (file == NULL)
    return;

  drafts = racimo_drafts_list (racimo_drafts_get_default ());
  for (guint i = 0; i < drafts->len; i++)
    {
      RacimoDraft *draft = g_ptr_array_index (drafts, i);
      GFile *draft_file = racimo_draft_get_file (draft);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *time = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (draft_file == NULL || !g_file_equal (draft_file, file) ||
          g_strcmp0 (racimo_draft_get_id (draft), own) == 0)
        continue;

      local = g_date_time_to_local (racimo_draft_get_time (draft));
      /* TRANSLATORS: a date and time for g_date_time_format (), as in:
       * 3 Mar 14:05 */
      /* xgettext:no-c-format */
      time = g_date_time_format (local, _("%-d %b %H:%M"));
      /* TRANSLATORS: a menu item: compare with the unsaved changes a crash
       * left, kept at that date and time */
      label = g_strdup_printf (_("Compare With Unsaved Changes of %s"), time);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.compare-with-draft", "s",
                                         racimo_draft_get_id (draft));
      g_menu_append_item (self->compare_drafts_menu, item);
    }
}

/* @parameter: the id of a draft of racimo_drafts_list (), read as a file:
 * restoring it would take it from the drafts offered after a crash */
static void
compare_with_draft_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  RacimoDrafts *drafts = racimo_drafts_get_default ();
  g_autoptr(GPtrArray) list = racimo_drafts_list (drafts);

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (racimo_draft_get_id (g_ptr_array_index (list, i)), id))
      {
        g_autoptr(GFile) file = racimo_drafts_get_project_file (drafts,
                                                                g_ptr_array_index (list, i));

        load_and_compare (self, file,
                          /* TRANSLATORS: compare mode's heading names the other copy so */
                          g_strdup (_("Unsaved changes")),
                          g_strdup (_("Could Not Compare With the Unsaved Changes")));
        return;
      }

  gtk_widget_error_bell (widget);
}

static void
leave_compare_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);

  _racimo_window_compare_leave (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix_view));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  RacimoWindowCompare *compare = current_compare (self);
  int n, index;

  if (compare == NULL || compare->changes->len == 0)
    return;

  n = (int) compare->changes->len;
  index = racimo_compare_panel_get_selected (compare->panel);
  if (g_str_equal (action_name, "win.next-change"))
    index = index < 0 ? 0 : (index + 1) % n;
  else
    index = index < 0 ? n - 1 : (index + n - 1) % n;
  select_change (self, index, TRUE);
}

/* Take Theirs or Keep Mine of one change; the next change takes its place */
static void
decide_change_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  RacimoWindowCompare *compare = current_compare (self);
  guint index = g_variant_get_uint32 (parameter);
  RacimoDifference *change;

  if (compare == NULL || index >= compare->changes->len)
    return;

  change = g_ptr_array_index (compare->changes, index);
  if (g_str_equal (action_name, "win.keep-change"))
    g_hash_table_add (compare->kept, change_key (change));
  else if (!racimo_difference_take_theirs (self->project, compare->theirs, change))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_clear_handle_id (&compare->idle, g_source_remove);
  refresh (self);
  if (compare->changes->len > 0)
    select_change (self, (int) MIN (index, compare->changes->len - 1), TRUE);
}

static void
take_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  RacimoWindowCompare *compare = current_compare (self);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) group = g_ptr_array_new ();

  if (compare == NULL)
    return;

  for (guint i = 0; i < compare->changes->len; i++)
    {
      RacimoDifference *change = g_ptr_array_index (compare->changes, i);

      if (g_str_equal (racimo_difference_get_group_key (change), key))
        g_ptr_array_add (group, change);
    }
  if (group->len == 0 || racimo_differences_take_theirs (self->project, compare->theirs, group) == 0)
    gtk_widget_error_bell (widget);
}

/* Called by _racimo_window_update_actions () */
void
_racimo_window_compare_update_actions (RacimoWindow *self)
{
  gboolean comparing = self->compare != NULL;
  gboolean any = comparing && self->compare->changes->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with-draft",
                                 self->project != NULL);
  fill_drafts_menu (self);
  /* Ctrl+. and Ctrl+, step through the changes instead of the findings */
  if (comparing)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-finding", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-finding", FALSE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-compare", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-change", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-change", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.take-change", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-change", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.take-group", any);
}

void
_racimo_window_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with-draft", "s",
                                   compare_with_draft_action);
  gtk_widget_class_install_action (widget_class, "win.leave-compare", NULL,
                                   leave_compare_action);
  gtk_widget_class_install_action (widget_class, "win.next-change", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-change", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.take-change", "u", decide_change_action);
  gtk_widget_class_install_action (widget_class, "win.keep-change", "u", decide_change_action);
  gtk_widget_class_install_action (widget_class, "win.take-group", "s", take_group_action);
}

static gpointer
copy_difference (gconstpointer src,
                 gpointer      data)
{
  return racimo_difference_copy (src);
}

/**
 * _racimo_window_compare_print_options:
 *
 * Sets what the printout and the PDF mark: while the window compares, the
 * changes listed (not those kept) and the other copy's name; else none.
 * The options get a copy, which a PDF made in a thread can read.
 */
void
_racimo_window_compare_print_options (RacimoWindow            *self,
                                      RacimoPaginationOptions *options)
{
  RacimoWindowCompare *compare = current_compare (self);

  g_clear_pointer (&options->changes, g_ptr_array_unref);
  g_clear_pointer (&options->compared_with, g_free);
  if (compare == NULL)
    return;

  options->changes = g_ptr_array_copy (compare->changes, copy_difference, NULL);
  g_ptr_array_set_free_func (options->changes, (GDestroyNotify) racimo_difference_free);
  options->compared_with = g_strdup (compare->name);
}

/* For the tests */

GPtrArray *
_racimo_window_get_changes (RacimoWindow *self)
{
  RacimoWindowCompare *compare = current_compare (self);

  return compare != NULL ? compare->changes : NULL;
}

GtkWidget *
_racimo_window_get_compare_panel (RacimoWindow *self)
{
  return self->compare != NULL ? GTK_WIDGET (self->compare->panel) : NULL;
}
