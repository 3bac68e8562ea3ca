/* racimo-text-line.c: a line of text that keeps what it drew
 *
 * Counts and summaries change with most edits: the header bar's errors and
 * warnings, the checks panel's summary.  A label given new text lays out
 * the whole window again; an inscription does not, but lays out its text
 * anew for every change.  A text line is as wide as it is told, in
 * characters, and keeps the drawing of the last texts it showed: a count
 * that goes from 12 to 13 and back, as an edit and its undo make it, is
 * laid out once each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "racimo-compat.h"
#include "racimo-drawn-text.h"
#include "racimo-text-line.h"

/* Texts whose drawing is kept: more are rare, and all are let go then. */
#define MAX_KEPT 32

struct _RacimoTextLine
{
  GtkWidget   parent_instance;

  char       *text;
  guint       chars;     /* how wide it is, in characters */
  gboolean    ellipsize; /* narrower if need be, its text cut short */
  float       xalign;

  GHashTable *drawn;     /* text -> RacimoDrawnText, for the width drawn_width */
  int         drawn_width;
};

G_DEFINE_FINAL_TYPE (RacimoTextLine, racimo_text_line, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_CHARS,
  PROP_ELLIPSIZE,
  PROP_XALIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_drawn (RacimoTextLine *self)
{
  g_hash_table_remove_all (self->drawn);
}

static PangoLayout *
make_layout (RacimoTextLine *self,
             const char     *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Digits all as wide, as the "numeric" style asks of a label */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

static const RacimoDrawnText *
get_drawn (RacimoTextLine *self,
           int             width)
{
  const char *text = self->text != NULL ? self->text : "";
  g_autoptr(PangoLayout) layout = NULL;
  RacimoDrawnText *drawn;
  GdkRGBA color;

  if (width != self->drawn_width || g_hash_table_size (self->drawn) >= MAX_KEPT)
    {
      forget_drawn (self);
      self->drawn_width = width;
    }

  drawn = g_hash_table_lookup (self->drawn, text);
  if (drawn != NULL)
    return drawn;

  layout = make_layout (self, text);
  if (self->ellipsize)
    {
      pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  racimo_compat_widget_get_color (GTK_WIDGET (self), &color);
  drawn = racimo_drawn_text_new (layout, &color);
  g_hash_table_insert (self->drawn, g_strdup (text), drawn);

  return drawn;
}

static void
racimo_text_line_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RacimoTextLine *self = RACIMO_TEXT_LINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const RacimoDrawnText *drawn = get_drawn (self, width);
  float xalign = self->xalign;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;

  racimo_drawn_text_append (drawn, snapshot,
                            floorf (xalign * (float) MAX (width - drawn->width, 0)),
                            floorf ((float) (height - drawn->height) / 2), NULL);
}

static void
racimo_text_line_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RacimoTextLine *self = RACIMO_TEXT_LINE (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));

      *natural = PANGO_PIXELS_CEIL ((int) self->chars * char_width);
      *minimum = self->ellipsize ? 0 : *natural;
    }
  else
    {
      int ascent = pango_font_metrics_get_ascent (metrics);
      int descent = pango_font_metrics_get_descent (metrics);

      *minimum = *natural = PANGO_PIXELS_CEIL (ascent + descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (ascent);
    }

  pango_font_metrics_unref (metrics);
}

static void
racimo_text_line_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  RacimoTextLine *self = RACIMO_TEXT_LINE (widget);

  GTK_WIDGET_CLASS (racimo_text_line_parent_class)->css_changed (widget, change);

  /* The font or the colour may be another. */
  forget_drawn (self);
  gtk_widget_queue_resize (widget);
}

static void
racimo_text_line_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  forget_drawn (RACIMO_TEXT_LINE (widget));
  gtk_widget_queue_draw (widget);
}

static void
racimo_text_line_finalize (GObject *object)
{
  RacimoTextLine *self = RACIMO_TEXT_LINE (object);

  g_clear_pointer (&self->drawn, g_hash_table_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (racimo_text_line_parent_class)->finalize (object);
}

static void
racimo_text_line_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RacimoTextLine *self = RACIMO_TEXT_LINE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CHARS:
      g_value_set_uint (value, self->chars);
      break;

    case PROP_ELLIPSIZE:
      g_value_set_boolean (value, self->ellipsize);
      break;

    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_text_line_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RacimoTextLine *self = RACIMO_TEXT_LINE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      racimo_text_line_set_text (self, g_value_get_string (value));
      break;

    case PROP_CHARS:
      if (self->chars != g_value_get_uint (value))
        {
          self->chars = g_value_get_uint (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_ELLIPSIZE:
      if (self->ellipsize != g_value_get_boolean (value))
        {
          self->ellipsize = g_value_get_boolean (value);
          forget_drawn (self);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_XALIGN:
      self->xalign = g_value_get_float (value);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
racimo_text_line_class_init (RacimoTextLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = racimo_text_line_finalize;
  object_class->get_property = racimo_text_line_get_property;
  object_class->set_property = racimo_text_line_set_property;
  widget_class->snapshot = racimo_text_line_snapshot;
  widget_class->measure = racimo_text_line_measure;
  widget_class->css_changed = racimo_text_line_css_changed;
  widget_class->direction_changed = racimo_text_line_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHARS] =
    g_param_spec_uint ("chars", NULL, NULL, 0, 1000, 1,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ELLIPSIZE] =
    g_param_spec_boolean ("ellipsize", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0, 1, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
racimo_text_line_init (RacimoTextLine *self)
{
  self->chars = 1;
  self->drawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, racimo_drawn_text_free);
  self->drawn_width = -1;
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (forget_drawn), NULL);
}

GtkWidget *
racimo_text_line_new (void)
{
  return g_object_new (RACIMO_TYPE_TEXT_LINE, NULL);
}

const char *
racimo_text_line_get_text (RacimoTextLine *self)
{
  g_return_val_if_fail (RACIMO_IS_TEXT_LINE (self), NULL);

  return self->text;
}

/**
 * racimo_text_line_set_text:
 *
 * Shows @text, drawn again only if it was not among the last shown.  The
 * line keeps its width: nothing else is laid out again.
 */
void
racimo_text_line_set_text (RacimoTextLine *self,
                           const char     *text)
{
  g_return_if_fail (RACIMO_IS_TEXT_LINE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);

  /* What a screen reader says of it, as of a label */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text, -1);
}

/**
 * racimo_text_line_set_count:
 *
 * Shows @count, the line as wide as its digits.
 */
void
racimo_text_line_set_count (RacimoTextLine *self,
                            guint           count)
{
  char text[16];
  guint digits;

  g_return_if_fail (RACIMO_IS_TEXT_LINE (self));

  digits = (guint) g_snprintf (text, sizeof text, "%u", count);
  g_object_set (self, "chars", digits, NULL);
  racimo_text_line_set_text (self, text);
}
