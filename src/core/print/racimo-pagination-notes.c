/* racimo-pagination-notes.c: the notes on cells, as numbered footnotes
 *
 * A cell with a note gets a small number in its top right corner, and the
 * note, after the same number, goes under the table of the same page:
 * "1  QA, Deploy: Sign off in writing".  Numbers start from 1 on each
 * page, in the order of rows, then of roles.  Pagination keeps room for
 * the notes of the rows it puts on a page (racimo-pagination.c,
 * paginate_rows ()), so a note is never on another page than its cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "racimo-activity.h"
#include "racimo-pagination-private.h"
#include "racimo-role.h"

#define NUMBER_GAP 4.0   /* after a footnote's number */
#define NOTE_SPACE 1.5   /* between two footnotes */
/* Before a footnote's text: room for a number of three digits */
#define NUMBER_WIDTH_NOTE (3 * SMALL_SIZE * 0.6 + NUMBER_GAP)

static int
compare_notes (const void *a,
               const void *b)
{
  const Note *x = a, *y = b;

  return x->role < y->role ? -1 : x->role > y->role;
}

/* Adds the notes of @activity's cells, in the order of roles; returns how
 * many. */
guint
_racimo_pagination_add_notes (RacimoPagination *self,
                              RacimoActivity   *activity)
{
  const char *activity_name = racimo_item_get_name (RACIMO_ITEM (activity));
  guint first;
  GHashTableIter iter;
  gpointer role, index;

  if (racimo_activity_get_n_notes (activity) == 0)
    return 0;

  if (self->notes == NULL)
    self->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  first = self->notes->len;

  g_hash_table_iter_init (&iter, self->role_index);
  while (g_hash_table_iter_next (&iter, &role, &index))
    {
      const char *note = racimo_activity_get_note (activity, role);
      g_autofree char *role_name = NULL;
      g_autofree char *string = NULL;
      Note entry = { GPOINTER_TO_UINT (index), NULL };

      if (note == NULL || *note == '\0')
        continue;

      role_name = racimo_role_dup_short_name (role);
      /* Translators: a footnote under the printed matrix: the role, the
       * activity, and the note on their cell */
      string = g_strdup_printf (C_("printed note", "%s, %s: %s"),
                                *role_name != '\0' ? role_name : _("(unnamed)"),
                                *activity_name != '\0' ? activity_name : _("(unnamed)"),
                                note);
      entry.text = _racimo_pagination_add_text (self, FONT_SMALL, string, NULL);
      _racimo_text_wrap (entry.text, self->content_width - NUMBER_WIDTH_NOTE);
      g_array_append_val (self->notes, entry);
    }

  /* In the order of the roles, as the cells are: the hash table's order
   * is none. */
  if (self->notes->len > first)
    qsort (&g_array_index (self->notes, Note, first), self->notes->len - first, sizeof (Note),
           compare_notes);

  return self->notes->len - first;
}

/* The height, in points, that the notes of @row take under the table. */
double
_racimo_pagination_notes_height (RacimoPagination *self,
                                 const Row        *row)
{
  double height = 0.0;

  for (guint i = 0; i < row->n_notes; i++)
    height += g_array_index (self->notes, Note, row->notes + i).text->height + NOTE_SPACE;

  return height;
}

/* "1", "2"... made once, as far as a page needs */
static Text *
get_number_text (RacimoPagination *self,
                 guint             number)
{
  if (self->note_numbers == NULL)
    self->note_numbers = g_ptr_array_new ();

  while (self->note_numbers->len < number)
    {
      g_autofree char *string = g_strdup_printf ("%u", self->note_numbers->len + 1);

      g_ptr_array_add (self->note_numbers,
                       _racimo_pagination_add_text (self, FONT_SMALL, string, NULL));
    }

  return g_ptr_array_index (self->note_numbers, number - 1);
}

/* The numbers in the cells of the page's band and roles, and the notes
 * after the same numbers under its table. */
void
_racimo_pagination_draw_notes (RacimoPagination *self,
                               cairo_t          *cr,
                               guint             band_index,
                               guint             first_role,
                               guint             end_role)
{
  const Band *band = &g_array_index (self->bands, Band, band_index);
  g_autoptr(GPtrArray) shown = NULL; /* Note, of this page, in order */
  double y = self->header_height;
  double notes_y;

  if (self->notes == NULL)
    return;

  if (band->continued >= 0)
    y += _racimo_pagination_continued_height (self, band->continued);

  /* The numbers, in table units as the cells */
  shown = g_ptr_array_new ();
  cairo_save (cr);
  cairo_translate (cr, self->content_x, self->table_y);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  for (guint i = band->first; i < band->end; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      for (guint n = 0; n < row->n_notes; n++)
        {
          Note *note = &g_array_index (self->notes, Note, row->notes + n);
          Text *text;

          if (note->role < first_role || note->role >= end_role)
            continue;
          g_ptr_array_add (shown, note);
          text = get_number_text (self, shown->len);
          _racimo_pagination_show_text (self, cr, text,
                                        self->activity_width
                                        + (note->role - first_role + 1) * self->column_width
                                        - PAD / 2 - text->width,
                                        y + VPAD / 2);
        }
      y += row->height;
    }
  _racimo_pagination_flush_text (self, cr);
  cairo_restore (cr);

  /* The notes, in points, under the table, in grey as the header and
   * footer lines */
  notes_y = self->table_y + y * self->scale + GAP;
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  for (guint i = 0; i < shown->len; i++)
    {
      const Note *note = g_ptr_array_index (shown, i);
      Text *text = get_number_text (self, i + 1);

      _racimo_pagination_tag_begin (self, cr, "Note");
      _racimo_pagination_show_text (self, cr, text,
                                    self->content_x + NUMBER_WIDTH_NOTE - NUMBER_GAP - text->width,
                                    notes_y);
      _racimo_pagination_show_text (self, cr, note->text, self->content_x + NUMBER_WIDTH_NOTE,
                                    notes_y);
      _racimo_pagination_tag_end (self, cr, "Note");
      notes_y += note->text->height + NOTE_SPACE;
    }
}
