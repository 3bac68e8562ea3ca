/* racimo-window-menus.c: the header bar's menus: a new project from each
 * template or from the user's own templates, and switching the scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-focus.h"
#include "racimo-window-private.h"

/* The header bar's menus: a new project from each template, each scheme */
void
_racimo_window_fill_menus (RacimoWindow *self)
{
  for (guint i = 0; i < racimo_templates_get_n (); i++)
    {
      const RacimoTemplate *template = racimo_templates_get_nth (i);
      g_autoptr(GMenuItem) item = g_menu_item_new (_(template->title), NULL);

      g_menu_item_set_action_and_target (item, "app.new-from-template", "s", template->id);
      g_menu_append_item (self->template_menu, item);
    }

  for (guint i = 0; i < racimo_scheme_get_n_schemes (); i++)
    {
      const RacimoScheme *scheme = racimo_scheme_get_nth (i);
      g_autoptr(GMenuItem) item = g_menu_item_new (_(scheme->title), NULL);

      g_menu_item_set_action_and_target (item, "win.scheme", "s", scheme->id);
      g_menu_append_item (self->scheme_menu, item);
    }
}

/* A scheme chosen from the menu: where the old scheme's doer has another
 * letter in the new one (RACI's R, DACI's D), the user is offered to carry
 * the codes over with the switch, in one step. */
static void
on_scheme_response (GObject    *owner,
                    const char *response)
{
  RacimoWindow *self = RACIMO_WINDOW (owner);
  g_autofree char *id = g_steal_pointer (&self->pending_scheme);

  if (self->project == NULL || id == NULL)
    return;

  if (g_str_equal (response, "map"))
    racimo_fixes_switch_scheme (self->project, id);
  else if (g_str_equal (response, "keep"))
    racimo_project_set_scheme (self->project, id);
}

void
_racimo_window_switch_scheme (RacimoWindow *self,
                              const char   *id)
{
  const RacimoScheme *now = racimo_project_get_scheme (self->project);
  const RacimoScheme *next = racimo_scheme_lookup (id);
  guint n = racimo_fixes_count_unmapped (self->project, id);
  const RacimoCodeInfo *old_code, *new_code;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *map_label = NULL;
  g_autofree char *keep_label = NULL;

  if (n == 0)
    {
      racimo_project_set_scheme (self->project, id);
      return;
    }

  old_code = racimo_scheme_get_code (now, now->doer);
  new_code = racimo_scheme_get_code (next, next->doer);
  /* Translators: %s is a scheme, such as "DACI" */
  heading = g_strdup_printf (_("Switch to %s?"), id);
  body = g_strdup_printf (ngettext (
    /* Translators: %u is a number of cells, then a scheme, a letter and its
     * name, and the same in the new scheme: "1 cell holds R (Responsible),
     * which DACI does not define: it can become D (Driver)." */
    "%u cell holds %c (%s), which %s does not define: it can become %c (%s).",
    "%u cells hold %c (%s), which %s does not define: they can become %c (%s).", n),
    n, now->doer, _(old_code->name), id, next->doer, _(new_code->name));
  /* Translators: a button: the codes become the new scheme's, such as
   * "Change R to D" */
  map_label = g_strdup_printf (_("_Change %c to %c"), now->doer, next->doer);
  /* Translators: a button: the codes stay as they are, such as "Keep R" */
  keep_label = g_strdup_printf (_("_Keep %c"), now->doer);

  {
    const RacimoAlertResponse responses[] = {
      { "cancel", _("_Cancel"), RACIMO_RESPONSE_DEFAULT },
      { "keep", keep_label, RACIMO_RESPONSE_DEFAULT },
      { "map", map_label, RACIMO_RESPONSE_SUGGESTED },
    };

    g_free (self->pending_scheme);
    self->pending_scheme = g_strdup (id);
    _racimo_window_show_alert (self, heading, body, responses, G_N_ELEMENTS (responses), "map",
                               "cancel", on_scheme_response);
  }
}

/* The user's own templates: a project kept in the user's data folder,
 * listed on the start page, where it can be removed. */

static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->project == NULL)
    return;

  file = racimo_templates_save_user (self->project, &error);
  if (file == NULL)
    {
      _racimo_window_show_error (self, _("The Template Was Not Saved"), error->message);
      return;
    }

  name = g_file_get_basename (file);
  name[strlen (name) - strlen (".raci")] = '\0';
  /* Translators: %s is the name of a template the user saved */
  title = g_strdup_printf (_("Saved as the template “%s”, on the start page"), name);
  _racimo_window_show_toast (self, adw_toast_new (title));
  racimo_start_page_update_user_templates (self->start_page);
}

static void
user_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RacimoWindow *self = RACIMO_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  RacimoWindow *target = self;

  if (g_str_equal (action_name, "win.remove-user-template"))
    {
      if (!g_file_delete (file, NULL, &error))
        _racimo_window_show_error (self, _("The Template Was Not Removed"), error->message);
      racimo_start_page_update_user_templates (self->start_page);
      return;
    }

  project = racimo_templates_create_from_user (file, &error);
  if (project == NULL)
    {
      _racimo_window_show_error (self, _("The Template Could Not Be Opened"), error->message);
      return;
    }

  /* A window at work keeps its project: the new one gets its own. */
  if (!racimo_window_is_empty (self))
    {
      target = racimo_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  racimo_window_set_project (target, project);
}

void
_racimo_window_menus_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-as-template", NULL,
                                   save_as_template_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-user-template", "s",
                                   user_template_action);
  gtk_widget_class_install_action (widget_class, "win.remove-user-template", "s",
                                   user_template_action);
}
