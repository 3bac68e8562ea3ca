/* racimo-person-pages.c: "One page per person" or "per role", on paper
 *
 * Each person's sheet is a heading (the name, the e-mail address, the
 * roles, the workload through all of them) and a table of lines: a
 * phase's name, then one line per activity and role of the person that
 * holds a code there (the activity, the codes, the role), with the
 * cell's note under it.  A role's sheet is the same for one role: its
 * name, who holds it, its workload, and its activities with, in the
 * last column, the other roles' codes there.  Only activities that apply are listed, as only
 * they count in a workload (src/core/checks/racimo-workload.c).  Lines
 * are laid out once, then cut into pages; a sheet always starts a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-activity.h"
#include "racimo-pagination-private.h"
#include "racimo-person-pages.h"
#include "racimo-phase.h"
#include "racimo-role.h"

#define CODES_WIDTH  54.0  /* the codes column */
#define ROLE_SHARE    0.32 /* the role column, of the table */
#define NOTE_INDENT  12.0
#define GREY         0.4

typedef struct
{
  PangoLayout *name;  /* the activity's, or a phase's heading */
  PangoLayout *codes; /* NULL on a phase's heading */
  PangoLayout *role;
  PangoLayout *note;  /* nullable */
  gboolean     first; /* the activity's first line: a rule above it */
  double       height;
} Line;

typedef struct
{
  PangoLayout *heading;   /* the name, and the e-mail address */
  PangoLayout *continued; /* the name, "(continued)" */
  PangoLayout *details;   /* the roles, the workload */
  GArray      *lines;     /* Line */
} Sheet;

typedef struct
{
  guint sheet;
  guint first; /* lines */
  guint end;
} Page;

struct _RacimoPersonPages
{
  GObject                  parent_instance;

  RacimoPaginationOptions *options;
  PangoContext            *context;
  PangoLayout             *title;
  PangoLayout             *header;  /* the options' lines; nullable */
  PangoLayout             *footer;
  PangoLayout             *columns[3];
  GArray                  *sheets;  /* Sheet */
  GArray                  *pages;   /* Page */

  double                   page_width;
  double                   page_height;
  double                   content_x;
  double                   content_y;
  double                   content_width;
  double                   content_height;
  double                   name_width;
  double                   role_width;
  double                   columns_height;
  gboolean                 per_role;  /* the last column: the other roles */
};

G_DEFINE_FINAL_TYPE (RacimoPersonPages, racimo_person_pages, G_TYPE_OBJECT)

static void
clear_line (gpointer data)
{
  Line *line = data;

  g_clear_object (&line->name);
  g_clear_object (&line->codes);
  g_clear_object (&line->role);
  g_clear_object (&line->note);
}

static void
clear_sheet (gpointer data)
{
  Sheet *sheet = data;

  g_clear_object (&sheet->heading);
  g_clear_object (&sheet->continued);
  g_clear_object (&sheet->details);
  g_clear_pointer (&sheet->lines, g_array_unref);
}

static void
racimo_person_pages_finalize (GObject *object)
{
  RacimoPersonPages *self = RACIMO_PERSON_PAGES (object);

  g_clear_pointer (&self->options, racimo_pagination_options_free);
  g_clear_object (&self->title);
  g_clear_object (&self->header);
  g_clear_object (&self->footer);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    g_clear_object (&self->columns[i]);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (racimo_person_pages_parent_class)->finalize (object);
}

static void
racimo_person_pages_class_init (RacimoPersonPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = racimo_person_pages_finalize;
}

static void
racimo_person_pages_init (RacimoPersonPages *self)
{
  self->sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_array_set_clear_func (self->sheets, clear_sheet);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));

  /* The metrics of the matrix's pages */
  self->context = _racimo_pagination_context_new ();
}

/* @text laid out @width wide (or on one line for 0), in the page's font
 * at @size, bold or not. */
static PangoLayout *
new_layout (RacimoPersonPages *self,
            const char        *text,
            double             size,
            gboolean           bold,
            double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      pango_layout_set_width (layout, (int) (self->content_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       grey)
{
  if (layout == NULL)
    return;
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* "Project manager (PM), Data scientist" */
static char *
describe_roles (GPtrArray *roles)
{
  g_autoptr(GString) string = g_string_new (NULL);

  for (guint i = 0; i < roles->len; i++)
    {
      RacimoRole *role = g_ptr_array_index (roles, i);
      const char *name = racimo_item_get_name (RACIMO_ITEM (role));
      const char *abbrev = racimo_role_get_abbrev (role);

      if (i > 0)
        g_string_append (string, ", ");
      g_string_append (string, *name != '\0' ? name : _("(unnamed)"));
      if (abbrev != NULL && *abbrev != '\0' && g_strcmp0 (abbrev, name) != 0)
        g_string_append_printf (string, " (%s)", abbrev);
    }

  return g_string_free (g_steal_pointer (&string), FALSE);
}

/* The codes the other roles hold in @activity, in the roles' order:
 * "PM A · QA C" */
static char *
describe_others (RacimoProject  *project,
                 RacimoActivity *activity,
                 RacimoRole     *role)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (project);
  g_autoptr(GString) string = g_string_new (NULL);

  for (guint r = 0; r < racimo_project_get_n_roles (project); r++)
    {
      RacimoRole *other = racimo_project_get_role (project, r);
      RacimoCodes codes = racimo_activity_get_codes (activity, other);
      g_autofree char *name = NULL;
      g_autofree char *letters = NULL;

      if (other == role || codes == 0)
        continue;
      name = racimo_role_dup_short_name (other);
      letters = racimo_scheme_format_codes (scheme, codes, "");
      if (string->len > 0)
        g_string_append (string, " · ");
      /* A no-break space: a role's codes stay on its line */
      g_string_append_printf (string, "%s\302\240%s", *name != '\0' ? name : _("(unnamed)"),
                              letters);
    }

  return g_string_free (g_steal_pointer (&string), FALSE);
}

static gboolean
prints_phase (RacimoPersonPages *self,
              RacimoPhase       *phase)
{
  return self->options->phases == NULL
         || g_strv_contains ((const char * const *) self->options->phases,
                             racimo_item_get_id (RACIMO_ITEM (phase)));
}

static void
add_line (RacimoPersonPages *self,
          Sheet             *sheet,
          RacimoProject     *project,
          RacimoActivity    *activity,
          RacimoRole        *role,
          gboolean           first_of_activity)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (project);
  g_autofree char *codes = racimo_scheme_format_codes (scheme, racimo_activity_get_codes (activity, role), " ");
  g_autofree char *role_name = racimo_role_dup_short_name (role);
  const char *activity_name = racimo_item_get_name (RACIMO_ITEM (activity));
  const char *note = racimo_activity_get_note (activity, role);
  g_autofree char *last = NULL;
  Line line = { 0, };

  line.first = first_of_activity;
  line.name = new_layout (self, first_of_activity ? activity_name : "", BASE_SIZE, FALSE,
                          self->name_width - 2 * PAD);
  line.codes = new_layout (self, codes, BASE_SIZE, TRUE, CODES_WIDTH - 2 * PAD);
  if (self->per_role)
    last = describe_others (project, activity, role);
  else if (g_strcmp0 (role_name, racimo_item_get_name (RACIMO_ITEM (role))) != 0)
    last = g_strdup_printf ("%s · %s", role_name, racimo_item_get_name (RACIMO_ITEM (role)));
  else
    last = g_strdup (role_name);
  line.role = new_layout (self, last, BASE_SIZE, FALSE, self->role_width - 2 * PAD);
  if (note != NULL && *note != '\0')
    line.note = new_layout (self, note, SMALL_SIZE, FALSE,
                            self->content_width - NOTE_INDENT - 2 * PAD);

  line.height = MAX (MAX (layout_height (line.name), layout_height (line.codes)),
                     layout_height (line.role))
                + layout_height (line.note) + 2 * VPAD;
  g_array_append_val (sheet->lines, line);
}

/* A sheet headed @heading, "@name (continued)" on its next pages, of
 * the activities where @roles hold a code; @holds is the first line of
 * its details: the roles a person holds, or who holds a role. */
static void
add_sheet (RacimoPersonPages *self,
           RacimoProject     *project,
           const char        *heading,
           const char        *name,
           GPtrArray         *roles,
           const char        *holds)
{
  const RacimoScheme *scheme = racimo_project_get_scheme (project);
  g_autoptr(GString) details = g_string_new (holds);
  g_autofree char *continued = NULL;
  guint counts[26] = { 0, };
  Sheet sheet = { 0, };

  /* Translators: the heading of a person's or a role's page when it goes
   * on to the next */
  continued = g_strdup_printf (_("%s (continued)"), name);
  sheet.heading = new_layout (self, heading, TITLE_SIZE, TRUE, 0);
  sheet.continued = new_layout (self, continued, HEADING_SIZE, TRUE, 0);
  sheet.lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (sheet.lines, clear_line);

  for (guint p = 0; p < racimo_project_get_n_phases (project); p++)
    {
      RacimoPhase *phase = racimo_project_get_phase (project, p);
      gboolean phase_shown = FALSE;

      if (!prints_phase (self, phase))
        continue;

      for (guint a = 0; a < racimo_phase_get_n_activities (phase); a++)
        {
          RacimoActivity *activity = racimo_phase_get_activity (phase, a);
          RacimoCodes all = 0;
          gboolean first = TRUE;

          if (!racimo_activity_get_applicable (activity))
            continue;

          for (guint r = 0; r < roles->len; r++)
            {
              RacimoRole *role = g_ptr_array_index (roles, r);
              RacimoCodes codes = racimo_activity_get_codes (activity, role);

              if (codes == 0)
                continue;
              if (!phase_shown)
                {
                  const char *phase_name = racimo_item_get_name (RACIMO_ITEM (phase));
                  Line line = { 0, };

                  line.name = new_layout (self, *phase_name != '\0' ? phase_name : _("(unnamed)"),
                                          BASE_SIZE, TRUE, self->content_width - 2 * PAD);
                  line.height = layout_height (line.name) + 2 * VPAD + GAP / 2;
                  g_array_append_val (sheet.lines, line);
                  phase_shown = TRUE;
                }
              add_line (self, &sheet, project, activity, role, first);
              first = FALSE;
              all |= codes;
            }

          /* An activity counts once per code, whichever roles give it. */
          for (guint i = 0; i < 26; i++)
            if (all & (1u << i))
              counts[i]++;
        }
    }

  g_string_append_c (details, '\n');
  if (sheet.lines->len == 0)
    g_string_append (details, _("Holds no code in an activity that applies."));
  else
    for (guint i = 0; i < scheme->n_codes; i++)
      {
        const RacimoCodeInfo *code = &scheme->codes[i];

        if (i > 0)
          g_string_append (details, " · ");
        /* Translators: a code's name and how many activities a person or
         * a role holds it on */
        g_string_append_printf (details, _("%s: %u"), _(code->name),
                                counts[code->letter - 'A']);
      }
  sheet.details = new_layout (self, details->str, SMALL_SIZE, FALSE, self->content_width);

  g_array_append_val (self->sheets, sheet);
}

/* A person's sheet: their activities through every role they hold */
static void
add_person_sheet (RacimoPersonPages *self,
                  RacimoProject     *project,
                  RacimoPerson      *person)
{
  g_autoptr(GPtrArray) roles = racimo_project_dup_roles_of (project, person);
  g_autofree char *heading = NULL;
  g_autofree char *holds = NULL;
  const char *name = racimo_item_get_name (RACIMO_ITEM (person));
  const char *email = racimo_person_get_email (person);

  if (*name == '\0')
    name = _("(unnamed)");
  heading = email != NULL && *email != '\0' ? g_strdup_printf ("%s  <%s>", name, email)
                                            : g_strdup (name);
  if (roles->len == 0)
    holds = g_strdup (_("Holds no role."));
  else
    {
      g_autofree char *list = describe_roles (roles);

      /* Translators: %s is a list of roles, separated by commas */
      holds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Role: %s", "Roles: %s",
                                            roles->len), list);
    }

  add_sheet (self, project, heading, name, roles, holds);
}

/* A role's sheet: its activities, and who else holds a code there */
static void
add_role_sheet (RacimoPersonPages *self,
                RacimoProject     *project,
                RacimoRole        *role)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autofree char *heading = NULL;
  g_autofree char *holds = NULL;
  const char *person = racimo_role_get_person (role);

  g_ptr_array_add (roles, role);
  heading = describe_roles (roles);
  /* Translators: %s is who holds a role: people's names, separated by
   * commas */
  holds = person != NULL && *person != '\0' ? g_strdup_printf (_("Held by: %s"), person)
                                            : g_strdup (_("Held by no one named."));

  add_sheet (self, project, heading, heading, roles, holds);
}

/* Cuts each sheet's lines into pages: the first page of a sheet has its
 * heading and details, the next ones the "(continued)" heading. */
static void
paginate (RacimoPersonPages *self)
{
  for (guint s = 0; s < self->sheets->len; s++)
    {
      Sheet *sheet = &g_array_index (self->sheets, Sheet, s);
      Page page = { s, 0, 0 };
      double top = layout_height (sheet->heading) + layout_height (sheet->details) + GAP * 1.5;
      double used = top + self->columns_height;

      while (page.end < sheet->lines->len)
        {
          Line *line = &g_array_index (sheet->lines, Line, page.end);

          /* A line taller than a page gets a page of its own. */
          if (used + line->height > self->content_height && page.end > page.first)
            {
              g_array_append_val (self->pages, page);
              page.first = page.end;
              used = layout_height (sheet->continued) + GAP + self->columns_height;
            }
          used += line->height;
          page.end++;
        }
      g_array_append_val (self->pages, page);
    }
}

/* The pages' frame, with no sheet yet: per person, or per role. */
static RacimoPersonPages *
pages_new (RacimoProject                 *project,
           const RacimoPaginationOptions *options,
           gboolean                       per_role)
{
  RacimoPersonPages *self;
  const char *title;
  double table_width;

  self = g_object_new (RACIMO_TYPE_PERSON_PAGES, NULL);
  self->per_role = per_role;
  self->options = options != NULL ? racimo_pagination_options_copy (options)
                                  : racimo_pagination_options_new ();
  racimo_pagination_options_get_page_size (self->options, &self->page_width, &self->page_height);
  self->content_x = self->options->margin_left;
  self->content_y = self->options->margin_top;
  self->content_width = MAX (self->page_width - self->options->margin_left
                             - self->options->margin_right, 144.0);
  self->content_height = MAX (self->page_height - self->options->margin_top
                              - self->options->margin_bottom, 144.0);

  title = racimo_project_get_title (project);
  self->title = new_layout (self, *title != '\0' ? title : _("Untitled project"), SMALL_SIZE,
                            FALSE, 0);
  /* The title and the page number take their room first. */
  self->content_height -= 2 * (layout_height (self->title) + GAP);
  if (self->options->header != NULL && *self->options->header != '\0')
    {
      self->header = new_layout (self, self->options->header, SMALL_SIZE, FALSE, 0);
      self->content_height -= layout_height (self->header) + GAP / 2;
    }
  if (self->options->footer != NULL && *self->options->footer != '\0')
    {
      self->footer = new_layout (self, self->options->footer, SMALL_SIZE, FALSE, 0);
      self->content_height -= layout_height (self->footer) + GAP / 2;
    }
  self->content_height = MAX (self->content_height, 72.0);

  table_width = self->content_width - CODES_WIDTH;
  self->role_width = table_width * ROLE_SHARE;
  self->name_width = table_width - self->role_width;
  self->columns[0] = new_layout (self, _("Activity"), SMALL_SIZE, TRUE, self->name_width - 2 * PAD);
  self->columns[1] = new_layout (self, _("Codes"), SMALL_SIZE, TRUE, CODES_WIDTH - 2 * PAD);
  /* Translators: over the codes that the other roles hold in each
   * activity of a role's page */
  self->columns[2] = new_layout (self, per_role ? _("Other roles") : _("Through the role"),
                                 SMALL_SIZE, TRUE, self->role_width - 2 * PAD);
  self->columns_height = MAX (MAX (layout_height (self->columns[0]),
                                   layout_height (self->columns[1])),
                              layout_height (self->columns[2])) + 2 * VPAD;

  return self;
}

/* The sheets of @only, or of every person or role, the options' roles
 * only; then the pages. */
static void
add_sheets (RacimoPersonPages *self,
            RacimoProject     *project,
            RacimoItem        *only)
{
  guint n = self->per_role ? racimo_project_get_n_roles (project)
                           : racimo_project_get_n_people (project);
  char **ids = self->options->roles;

  for (guint i = 0; i < n; i++)
    {
      RacimoItem *item = self->per_role ? RACIMO_ITEM (racimo_project_get_role (project, i))
                                        : RACIMO_ITEM (racimo_project_get_person (project, i));

      if (only != NULL ? item != only
                       : self->per_role && ids != NULL
                         && !g_strv_contains ((const char * const *) ids,
                                              racimo_item_get_id (item)))
        continue;
      if (self->per_role)
        add_role_sheet (self, project, RACIMO_ROLE (item));
      else
        add_person_sheet (self, project, RACIMO_PERSON (item));
    }
  paginate (self);
}

/**
 * racimo_person_pages_new:
 * @project: the project
 * @person: (nullable): the one person to print, or %NULL for everyone, in
 *   the order of the project's people
 * @options: (nullable): the paper, margins, phases, header and footer, or
 *   %NULL for the defaults
 *
 * Lays out the pages of each person, their first page on a page of its own.
 *
 * Returns: (transfer full): the pages
 */
RacimoPersonPages *
racimo_person_pages_new (RacimoProject                 *project,
                         RacimoPerson                  *person,
                         const RacimoPaginationOptions *options)
{
  RacimoPersonPages *self;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (person == NULL || RACIMO_IS_PERSON (person), NULL);

  self = pages_new (project, options, FALSE);
  add_sheets (self, project, (RacimoItem *) person);

  return self;
}

/**
 * racimo_person_pages_new_per_role:
 * @project: the project
 * @role: (nullable): the one role to print, or %NULL for every role that
 *   the options' roles name (all when they name none), in the project's
 *   order
 * @options: (nullable): the paper, margins, phases, roles, header and
 *   footer, or %NULL for the defaults
 *
 * Lays out the pages of each role as racimo_person_pages_new () does for
 * people: who holds the role, its workload, and each activity that applies
 * where it holds a code, with the codes, the other roles' codes and the
 * note of the cell.
 *
 * Returns: (transfer full): the pages
 */
RacimoPersonPages *
racimo_person_pages_new_per_role (RacimoProject                 *project,
                                  RacimoRole                    *role,
                                  const RacimoPaginationOptions *options)
{
  RacimoPersonPages *self;

  g_return_val_if_fail (RACIMO_IS_PROJECT (project), NULL);
  g_return_val_if_fail (role == NULL || RACIMO_IS_ROLE (role), NULL);

  self = pages_new (project, options, TRUE);
  add_sheets (self, project, (RacimoItem *) role);

  return self;
}

/**
 * racimo_person_pages_get_n_pages:
 *
 * Returns: the number of pages, 0 for a project without people
 */
guint
racimo_person_pages_get_n_pages (RacimoPersonPages *self)
{
  g_return_val_if_fail (RACIMO_IS_PERSON_PAGES (self), 0);

  return self->pages->len;
}

/**
 * racimo_person_pages_get_page_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
racimo_person_pages_get_page_size (RacimoPersonPages *self,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (RACIMO_IS_PERSON_PAGES (self));
  g_return_if_fail (width != NULL && height != NULL);

  *width = self->page_width;
  *height = self->page_height;
}

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width)
{
  cairo_set_source_rgb (cr, GREY, GREY, GREY);
  cairo_set_line_width (cr, GRID_LINE);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

/**
 * racimo_person_pages_draw_page:
 * @cr: a cairo context whose units are points, on the whole sheet
 * @page: from 0
 *
 * Draws @page as racimo_pagination_draw_page() draws the matrix's.
 */
void
racimo_person_pages_draw_page (RacimoPersonPages *self,
                               cairo_t           *cr,
                               guint              page_nr)
{
  const Page *page;
  const Sheet *sheet;
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) number_layout = NULL;
  double x, y, width;
  /* The foot of the page's margins: the footer, then the page number above it */
  double bottom = MAX (self->page_height - self->options->margin_bottom,
                       self->content_y + self->content_height);

  g_return_if_fail (RACIMO_IS_PERSON_PAGES (self));
  g_return_if_fail (page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);
  sheet = &g_array_index (self->sheets, Sheet, page->sheet);
  x = self->content_x;
  y = self->content_y;
  width = self->content_width;

  cairo_save (cr);

  if (self->header != NULL)
    {
      show_layout (cr, self->header, x, y, GREY);
      y += layout_height (self->header) + GAP / 2;
    }
  show_layout (cr, self->title, x, y, GREY);
  y += layout_height (self->title) + GAP;

  if (page->first == 0)
    {
      show_layout (cr, sheet->heading, x, y, 0);
      y += layout_height (sheet->heading) + GAP / 2;
      show_layout (cr, sheet->details, x, y, 0);
      y += layout_height (sheet->details) + GAP;
    }
  else
    {
      show_layout (cr, sheet->continued, x, y, 0);
      y += layout_height (sheet->continued) + GAP;
    }

  if (page->end > page->first)
    {
      show_layout (cr, self->columns[0], x + PAD, y + VPAD, GREY);
      show_layout (cr, self->columns[1], x + self->name_width + PAD, y + VPAD, GREY);
      show_layout (cr, self->columns[2], x + self->name_width + CODES_WIDTH + PAD, y + VPAD, GREY);
      y += self->columns_height;
      draw_rule (cr, x, y, width);
    }

  for (guint i = page->first; i < page->end; i++)
    {
      const Line *line = &g_array_index (sheet->lines, Line, i);
      double row_top = y;

      if (line->codes == NULL)
        {
          /* A phase's heading */
          y += GAP / 2;
          show_layout (cr, line->name, x + PAD, y + VPAD, 0);
          y += line->height - GAP / 2;
          draw_rule (cr, x, y, width);
          continue;
        }

      show_layout (cr, line->name, x + PAD, y + VPAD, 0);
      show_layout (cr, line->codes, x + self->name_width + PAD, y + VPAD, 0);
      show_layout (cr, line->role, x + self->name_width + CODES_WIDTH + PAD, y + VPAD, 0);
      if (line->note != NULL)
        {
          double note_y = row_top + line->height - VPAD - layout_height (line->note);

          show_layout (cr, line->note, x + NOTE_INDENT + PAD, note_y, GREY);
        }
      /* Under the column headers and a phase's heading is a rule already. */
      if (line->first && i > page->first
          && g_array_index (sheet->lines, Line, i - 1).codes != NULL)
        draw_rule (cr, x, row_top, width);
      y += line->height;
    }
  if (page->end > page->first)
    draw_rule (cr, x, y, width);

  /* The page number of the whole document, as on the matrix's pages */
  /* Translators: the number of a printed page, and how many there are */
  number = g_strdup_printf (_("Page %u of %u"), page_nr + 1, self->pages->len);
  number_layout = new_layout (self, number, SMALL_SIZE, FALSE, 0);
  pango_layout_set_alignment (number_layout, PANGO_ALIGN_RIGHT);
  if (self->footer != NULL)
    {
      bottom -= layout_height (self->footer);
      show_layout (cr, self->footer, x, bottom, GREY);
      bottom -= GAP / 2;
    }
  show_layout (cr, number_layout, x, bottom - layout_height (number_layout), GREY);

  cairo_restore (cr);
}

static void
draw_person_page (gpointer  source,
                  cairo_t  *cr,
                  guint     page)
{
  racimo_person_pages_draw_page (source, cr, page);
}

/* Writes the pages of @only, or of every person or role, or says why
 * there is none. */
static gboolean
export_pages (RacimoProject                  *project,
              gboolean                        per_role,
              RacimoItem                     *only,
              const char                     *path,
              const RacimoPaginationOptions  *options,
              GCancellable                   *cancellable,
              GError                        **error)
{
  g_autoptr(RacimoPersonPages) pages = pages_new (project, options, per_role);

  add_sheets (pages, project, only);
  if (pages->pages->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           per_role ? _("The project has no roles, so there is no page per role")
                                    : _("The project lists no people, so there is no page per "
                                        "person"));
      return FALSE;
    }

  return _racimo_pagination_write_pdf (racimo_project_get_title (project), pages->page_width,
                                       pages->page_height, pages->pages->len, draw_person_page,
                                       pages, path, cancellable, error);
}

/**
 * racimo_person_pages_export_pdf:
 * @project: the project
 * @person: (nullable): the one person, or %NULL for everyone
 * @path: the PDF file to write, in the file system's encoding
 * @options: (nullable): how, or %NULL for the defaults
 * @cancellable: (nullable): checked between pages
 * @error: a G_IO_ERROR
 *
 * Writes the pages of racimo_person_pages_new() as a PDF, whole or not at
 * all, as racimo_pagination_export_pdf() does.  A project without people
 * has no page: %G_IO_ERROR_INVALID_DATA.
 *
 * Returns: %TRUE on success
 */
gboolean
racimo_person_pages_export_pdf (RacimoProject                  *project,
                                RacimoPerson                   *person,
                                const char                     *path,
                                const RacimoPaginationOptions  *options,
                                GCancellable                   *cancellable,
                                GError                        **error)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (person == NULL || RACIMO_IS_PERSON (person), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_pages (project, FALSE, (RacimoItem *) person, path, options, cancellable, error);
}

/**
 * racimo_person_pages_export_roles_pdf:
 * @project: the project
 * @role: (nullable): the one role, or %NULL for every role the options
 *   name
 * @path: the PDF file to write, in the file system's encoding
 * @options: (nullable): how, or %NULL for the defaults
 * @cancellable: (nullable): checked between pages
 * @error: a G_IO_ERROR
 *
 * Writes the pages of racimo_person_pages_new_per_role() as a PDF, whole
 * or not at all.  A project without roles has no page:
 * %G_IO_ERROR_INVALID_DATA.
 *
 * Returns: %TRUE on success
 */
gboolean
racimo_person_pages_export_roles_pdf (RacimoProject                  *project,
                                      RacimoRole                     *role,
                                      const char                     *path,
                                      const RacimoPaginationOptions  *options,
                                      GCancellable                   *cancellable,
                                      GError                        **error)
{
  g_return_val_if_fail (RACIMO_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (role == NULL || RACIMO_IS_ROLE (role), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_pages (project, TRUE, (RacimoItem *) role, path, options, cancellable, error);
}
