/* racimo-compat.c
 *
 * GTK 4.10 deprecated GtkStyleContext, and libadwaita 1.5 replaced
 * AdwAboutWindow with AdwAboutDialog.  Debian 12 has neither replacement,
 * so each call is branched here and nowhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "racimo-compat.h"

void
racimo_compat_show_about (GtkWindow *parent)
{
  const char *developers[] = { _("The Racimo authors"), NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();

  g_object_set (about,
                "application-name", _("Racimo"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Who is Responsible, Accountable, Consulted and Informed, "
                              "activity by activity"),
                "translator-credits", _("translator-credits"),
                NULL);
  adw_dialog_present (about, parent ? GTK_WIDGET (parent) : NULL);
#else
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "application-name", _("Racimo"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Who is Responsible, Accountable, Consulted and Informed, "
                              "activity by activity"),
                "translator-credits", _("translator-credits"),
                "transient-for", parent,
                "modal", parent != NULL,
                NULL);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

/**
 * racimo_compat_widget_get_color:
 *
 * The foreground colour of @widget's CSS style.
 */
void
racimo_compat_widget_get_color (GtkWidget *widget,
                                GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/**
 * racimo_compat_lookup_color:
 * @name: a colour named with `@define-color` in a style sheet
 *
 * Returns: %TRUE when @name is defined for @widget
 */
gboolean
racimo_compat_lookup_color (GtkWidget  *widget,
                            const char *name,
                            GdkRGBA    *color)
{
  /* GTK has no replacement for named colours yet; the call is only
   * deprecated, and the deprecation is silenced here, in one place. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
