/* racimo-pagination-private.h: what the files of src/core/print share
 *
 * A RacimoPagination is built in racimo-pagination.c from text shaped by
 * racimo-pagination-text.c, and drawn by racimo-pagination-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "racimo-pagination.h"

G_BEGIN_DECLS

/* Latin from Noto Sans or DejaVu Sans, whichever is installed; Japanese
 * from Noto Sans CJK JP before any other CJK font, so that kanji take
 * their Japanese forms; then whatever fontconfig has for the rest. */
#define FONT_FAMILY "Noto Sans, DejaVu Sans, Noto Sans CJK JP, sans-serif"

#define BASE_SIZE     9.0   /* matrix text at scale 1 */
#define MIN_SIZE      6.0   /* the smallest "fit to page width" goes before tiling */
#define SMALL_SIZE    7.5   /* descriptions, role names, the legend, the footer */
#define HEADING_SIZE 10.5
#define TITLE_SIZE   13.0

#define PAD            3.0  /* inside a cell, left and right */
#define VPAD           2.5  /* inside a cell, above and below */
#define GAP            8.0  /* between the page's title, the table and the footer */
#define CHIP_GAP      12.0  /* between two entries of the legend */
#define SWATCH_WIDTH  16.0
#define ACTIVITY_MIN 160.0  /* the narrowest activity column, before scaling */
#define ACTIVITY_WANT 260.0 /* what holds most names on one line */
#define ACTIVITY_SHARE 0.45 /* the widest it grows, as a share of the table */
#define COLUMN_MIN    16.0
#define COLUMN_MAX    90.0
#define HEADER_SHARE   0.4  /* the tallest rotated role headers grow, of the table */
#define NUMBER_WIDTH  44.0  /* a count in the workload table */
#define GRID_LINE      0.4

/* A code set drawn in a row that does not apply: same letters, in grey. */
#define NOT_APPLICABLE_BIT (1u << 31)

#define MARK_COLOR   "#a51d2d"
#define NO_OWNER_SYMBOL "\342\232\240"     /* U+26A0 WARNING SIGN */
#define MANY_OWNERS_SYMBOL "\342\200\274"  /* U+203C DOUBLE EXCLAMATION MARK */

/* Shaped text */

/* A run of glyphs in one font, as Pango draws it (racimo-pagination-text.c,
 * "Glyph runs"). */
typedef struct
{
  cairo_scaled_font_t  *font;
  gboolean              has_color;  /* else drawn in the source's colour */
  double                red, green, blue;
  double                x, y;       /* where its baseline starts, from the text's origin */
  cairo_glyph_t        *glyphs;     /* from there */
  int                   n_glyphs;
  cairo_text_cluster_t *clusters;   /* which glyphs show which bytes of text */
  int                   n_clusters;
  const char           *text;       /* unowned: in the layout's text, or the Text's string */
  int                   text_len;
} TextRun;

typedef struct
{
  PangoLayout *layout;    /* NULL for a line shaped a word at a time, */
  char        *string;    /* whose text this is */
  GArray      *runs;      /* TextRun: made when first drawn; the line's from the start */
  gboolean     unbatched; /* the layout needs Pango to draw it */
  GArray      *words;     /* KanaWord: the katakana words of a name, kept whole; nullable */
  double       width;     /* logical extents, in the units it is drawn in */
  double       height;
  double       baseline;  /* of the first line, from the top; the origin of a line */
} Text;

/* A word of a line shaped a word at a time: its glyphs, shared, and
 * where it starts in the line. */
typedef struct
{
  PangoGlyphString *glyphs;
  gsize             start;
} Word;

/* The pagination */

typedef enum
{
  FONT_BODY,    /* activity names, the summary */
  FONT_BOLD,    /* codes, phase names, role abbreviations */
  FONT_SMALL,   /* descriptions, role names, the legend, the footer */
  FONT_HEADING, /* the summary's sections */
  FONT_TITLE,   /* the project's title on every page */
  N_FONTS
} FontStyle;

typedef enum
{
  MARK_NONE,
  MARK_NO_OWNER,
  MARK_MANY_OWNERS,
} Mark;

typedef struct
{
  gboolean  is_phase;
  guint     phase;       /* into self->phases */
  Text     *name;        /* unowned, like every Text below: self->texts owns them */
  Text     *description; /* activities; nullable */
  Text     *number;      /* activities, with row numbers: nullable */
  Mark      mark;
  gboolean  waived;      /* the mark's finding was waived: no hatching */
  gboolean  applicable;
  gboolean  continued;   /* the rest of an activity too tall for a page */
  guint     codes;       /* activities: index of the first role's codes in self->codes */
  guint     notes;       /* activities: index of the first of its notes in self->notes */
  guint     n_notes;
  double    height;      /* in table units */
} Row;

/* The note on a cell, printed as a footnote (racimo-pagination-notes.c) */
typedef struct
{
  guint  role;  /* into self->roles */
  Text  *text;  /* "Role, Activity: note", wrapped to the page */
} Note;

typedef struct
{
  Text   *header;     /* the name, and the description when asked for */
  Text   *continued;  /* "Name (continued)", at the top of the next page */
} PhaseInfo;

typedef struct
{
  Text   *horizontal; /* abbreviation over name over person, centred */
  Text   *rotated;    /* the same on one line */
  double  min_width;  /* of horizontal: its longest word */
} RoleInfo;

/* A run of rows on one page, or of summary items. */
typedef struct
{
  guint first;
  guint end;
  int   continued; /* -1, or what repeats on top: a phase's header, or
                    * the summary item that heads the workload table */
} Band;

typedef enum
{
  CHIP_PLAIN,
  CHIP_HATCHED,
  CHIP_STRUCK,
  /* Compare mode (racimo-pagination-compare.c) */
  CHIP_CHANGED_CELL,
  CHIP_CHANGED_ROW,
  CHIP_MOVED_ROW,
  CHIP_REMOVED_ROW,
} ChipKind;

/* One entry of the legend. */
typedef struct
{
  ChipKind  kind;
  Text     *text;
  double    x;      /* from the legend's top left */
  double    y;
} Chip;

typedef enum
{
  ITEM_HEADING,
  ITEM_PARAGRAPH,
  ITEM_WORKLOAD_HEADER,
  ITEM_WORKLOAD,
} ItemKind;

/* A line of the summary pages. */
typedef struct
{
  ItemKind   kind;
  Text      *text;
  GPtrArray *numbers; /* workload: Text, one per code then the total; unowned */
  double     space_before;
  double     height;
} SummaryItem;

/* A code letter as a glyph.  The cells of a page are drawn with one
 * cairo_show_glyphs() per letter rather than one text per cell: a PDF
 * surface pays for every drawing call when it writes the page. */
typedef struct
{
  cairo_scaled_font_t *font;
  unsigned long        glyph;
  double               advance;
  PangoColor           color;
  GArray              *batch; /* cairo_glyph_t of the page being drawn */
} Letter;

/* The letters of a set of codes, in order, and their total advance. */
typedef struct
{
  guint   n;
  Letter *letters[26];
  double  width;
} Cell;

struct _RacimoPagination
{
  GObject               parent_instance;

  RacimoPaginationOptions *options;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  GPtrArray            *texts;      /* Text, owned */
  GHashTable           *name_cache; /* string -> Text */
  GHashTable           *word_cache; /* word -> PangoGlyphString */
  GArray               *words;      /* Word: scratch of add_words_text () */
  PangoAnalysis         word_analysis;
  guint8                word_coverage[0x250]; /* 0: unknown, 1: covered, 2: not */
  int                   digits_apart; /* 0: not tried, 1: numbers from their digits, 2: not */
  double                word_height;
  double                word_baseline;
  GHashTable           *code_cache; /* RacimoCodes (| NOT_APPLICABLE_BIT) -> Text */
  Letter                letters[2][26]; /* [not applicable][letter - 'A'] */
  GHashTable           *cell_cache;     /* RacimoCodes (| NOT_APPLICABLE_BIT) -> Cell */
  GArray               *batch_glyphs;   /* the runs kept back to be drawn in one call: */
  GArray               *batch_clusters; /* cairo_glyph_t, cairo_text_cluster_t */
  GString              *batch_text;
  cairo_scaled_font_t  *batch_font;     /* unowned: a run's */
  double                batch_red, batch_green, batch_blue;
  cairo_pattern_t      *hatch;

  const RacimoScheme   *scheme;
  Text                 *title;
  Text                 *date;
  Text                 *header;    /* the options' lines on every page; nullable */
  Text                 *footer;
  Text                 *activity_header;
  Text                 *marks[3];            /* by Mark, in the gutter */
  Text                 *waived_marks[3];

  guint                 n_roles;
  RoleInfo             *roles;
  GHashTable           *role_index; /* RacimoRole -> its index in roles */
  GArray               *phases;    /* PhaseInfo */
  GArray               *rows;      /* Row */
  GArray               *codes;     /* RacimoCodes, n_roles per activity */
  GArray               *notes;     /* Note, in the order of rows then roles; nullable */
  GPtrArray            *note_numbers; /* Text: "1", "2"... as far as a page needs; nullable */
  gboolean              show_phases;
  gboolean              any_mark;

  struct _RacimoPaginationCompare *compare; /* compare mode's marks; nullable */

  GArray               *chips;     /* Chip */
  double                legend_height;

  GArray               *summary;   /* SummaryItem */
  GArray               *summary_bands;
  double                workload_width;      /* the role column */
  double                workload_last_width; /* the "Activities" column */

  /* On the page, in points */
  double                page_width;
  double                page_height;
  double                content_x;
  double                content_y;
  double                content_width;
  double                content_height;
  double                title_height;
  double                footer_height;  /* matrix pages: the legend and the page number */
  double                number_height;  /* the page number block alone */
  double                table_y;
  double                table_height;

  /* The matrix, in table units */
  double                scale;
  double                max_scale;  /* 1, or less to fit one page down too */
  double                max_growth; /* the most it may grow on larger paper */
  guint                 n_numbered; /* activities numbered so far */
  gboolean              fitted;     /* the pages across and down asked for were reached */
  double                gutter;
  double                code_height; /* the tallest cell */
  double                activity_width;
  double                column_width;
  double                header_height;
  gboolean              rotated;
  guint                 roles_per_page;
  guint                 n_across;
  GArray               *bands;     /* Band */
  guint                 n_pages;

  /* What every page repeats, recorded once: a PDF then holds it once */
  cairo_surface_t      *title_surface;
  cairo_surface_t      *legend_surface;
  cairo_surface_t     **column_headers;  /* per page across, in table units */
};

/* racimo-pagination-text.c */

PangoContext *
_racimo_pagination_context_new (void);

char *
_racimo_pagination_language_of_catalog (const char *header);

const char *
_racimo_pagination_get_language (void);

char *
_racimo_pagination_format_date (GDateTime  *date,
                                const char *format,
                                const char *page_language,
                                const char *time_language);

Text *
_racimo_pagination_add_text (RacimoPagination *self,
                             FontStyle         style,
                             const char       *string,
                             PangoAttrList    *attrs);

Text *
_racimo_pagination_add_name_text (RacimoPagination *self,
                                  FontStyle         style,
                                  const char       *string,
                                  PangoAttrList    *attrs);

void
_racimo_pagination_attrs_add (PangoAttrList  *attrs,
                              PangoAttribute *attr,
                              gsize           start,
                              gsize           end);

PangoAttribute *
_racimo_pagination_color_attr_new (const char *spec);

const char *
_racimo_pagination_ink (RacimoPagination *self,
                        const char       *spec);

Text *
_racimo_pagination_get_code_text (RacimoPagination *self,
                                  RacimoCodes       codes,
                                  gboolean          applicable);

Text *
_racimo_pagination_get_mark_text (RacimoPagination *self,
                                  Mark              mark,
                                  gboolean          waived);

Text *
_racimo_pagination_get_name_text (RacimoPagination *self,
                                  const char       *name,
                                  gboolean          applicable);

void
_racimo_pagination_queue_codes (RacimoPagination *self,
                                RacimoCodes       codes,
                                gboolean          applicable,
                                double            x,
                                double            width,
                                double            baseline);

void
_racimo_pagination_set_source_color (cairo_t    *cr,
                                     const char *spec);

void
_racimo_pagination_show_queued_codes (RacimoPagination *self,
                                      cairo_t          *cr);

void
_racimo_pagination_show_codes (RacimoPagination *self,
                               cairo_t          *cr,
                               RacimoCodes       codes,
                               gboolean          applicable,
                               double            x,
                               double            width,
                               double            baseline);

void
_racimo_pagination_show_text (RacimoPagination *self,
                              cairo_t          *cr,
                              Text             *text,
                              double            x,
                              double            y);

void
_racimo_pagination_flush_text (RacimoPagination *self,
                               cairo_t          *cr);

void
_racimo_text_ellipsize (Text   *text,
                        double  width);

void
_racimo_text_free (gpointer data);

double
_racimo_text_get_min_width (Text *text);

void
_racimo_text_make_layout (RacimoPagination *self,
                          Text             *text);

void
_racimo_text_show (cairo_t    *cr,
                   const Text *text,
                   double      x,
                   double      y);

void
_racimo_text_wrap (Text   *text,
                   double  width);


/* racimo-pagination-draw.c */

/* The most cells (a row's name and each of its codes) of a matrix tagged
 * as a table in a PDF; above, each page's is one Div (see "The matrix's
 * structure" in racimo-pagination-draw.c). */
#define TABLE_MAX_CELLS 20000

gboolean
_racimo_pagination_is_table (RacimoPagination *self);

void
_racimo_pagination_tag_begin (RacimoPagination *self,
                              cairo_t          *cr,
                              const char       *tag);

void
_racimo_pagination_tag_end (RacimoPagination *self,
                            cairo_t          *cr,
                            const char       *tag);

void
_racimo_pagination_add_language (GByteArray *pdf,
                                 const char *language);

typedef void (*RacimoDrawPageFunc) (gpointer  source,
                                    cairo_t  *cr,
                                    guint     page);

gboolean
_racimo_pagination_write_pdf (const char          *title,
                              double               width,
                              double               height,
                              guint                n_pages,
                              RacimoDrawPageFunc   draw_page,
                              gpointer             source,
                              const char          *path,
                              GCancellable        *cancellable,
                              GError             **error);

/* racimo-pagination-notes.c */

guint
_racimo_pagination_add_notes (RacimoPagination *self,
                              RacimoActivity   *activity);

double
_racimo_pagination_notes_height (RacimoPagination *self,
                                 const Row        *row);

void
_racimo_pagination_draw_notes (RacimoPagination *self,
                               cairo_t          *cr,
                               guint             band_index,
                               guint             first_role,
                               guint             end_role);

/* racimo-pagination-compare.c: the changes of compare mode marked */

typedef struct _RacimoPaginationCompare RacimoPaginationCompare;

/* A mark of compare mode on a page, in points from the page's top left:
 * a changed cell's box, or a row's sign. */
typedef struct
{
  int     kind;   /* RacimoDifferenceKind */
  guint   row;    /* into self->rows */
  int     role;   /* into self->roles, or -1 for the row itself */
  double  x, y, width, height;
} RacimoPrintedChange;

void
_racimo_pagination_compare_free (RacimoPaginationCompare *compare);

void
_racimo_pagination_compare_build_title (RacimoPagination *self,
                                        RacimoProject    *project);

void
_racimo_pagination_compare_add_row (RacimoPagination *self,
                                    RacimoActivity   *activity);

void
_racimo_pagination_compare_insert_row (RacimoPagination *self,
                                       guint             index);

double
_racimo_pagination_compare_reserve (RacimoPagination *self);

void
_racimo_pagination_compare_add_chips (RacimoPagination *self);

void
_racimo_pagination_compare_draw_title (RacimoPagination *self,
                                       cairo_t          *cr);

double
_racimo_pagination_compare_draw_chip (RacimoPagination *self,
                                      cairo_t          *cr,
                                      ChipKind          kind,
                                      double            x,
                                      double            middle);

void
_racimo_pagination_compare_draw_band (RacimoPagination *self,
                                      cairo_t          *cr,
                                      guint             band_index,
                                      guint             first_role,
                                      guint             end_role);

GArray *
_racimo_pagination_compare_get_marks (RacimoPagination *self,
                                      guint             page);

/* racimo-pagination.c */

double
_racimo_pagination_continued_height (RacimoPagination *self,
                                     guint             phase);

void
_racimo_pagination_fill_hatched (RacimoPagination *self,
                                 cairo_t          *cr,
                                 double            x,
                                 double            y,
                                 double            width,
                                 double            height);


G_END_DECLS
