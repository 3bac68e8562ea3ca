/* racimo-person-pages.h: "One page per person" or "per role", what each owns, on paper
 *
 * A handout for a meeting: for each person, the activities where they hold
 * a code, which codes and through which of their roles, with the notes of
 * those cells.  A person whose list is longer than a page goes on to the
 * next.  The same for each role (`racimo --export OUT.pdf --per-role`).
 * Used by the print dialog, the PDF export and
 * `racimo --export OUT.pdf --per-person` alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "racimo-pagination-options.h"
#include "racimo-person.h"
#include "racimo-project.h"
#include "racimo-role.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PERSON_PAGES (racimo_person_pages_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPersonPages, racimo_person_pages, RACIMO, PERSON_PAGES, GObject)

RacimoPersonPages *racimo_person_pages_new           (RacimoProject                 *project,
                                                      RacimoPerson                  *person,
                                                      const RacimoPaginationOptions *options);
RacimoPersonPages *racimo_person_pages_new_per_role  (RacimoProject                 *project,
                                                      RacimoRole                    *role,
                                                      const RacimoPaginationOptions *options);
guint              racimo_person_pages_get_n_pages   (RacimoPersonPages *self);
void               racimo_person_pages_get_page_size (RacimoPersonPages *self,
                                                      double            *width,
                                                      double            *height);
void               racimo_person_pages_draw_page     (RacimoPersonPages *self,
                                                      cairo_t           *cr,
                                                      guint              page);

gboolean           racimo_person_pages_export_pdf    (RacimoProject                  *project,
                                                      RacimoPerson                   *person,
                                                      const char                     *path,
                                                      const RacimoPaginationOptions  *options,
                                                      GCancellable                   *cancellable,
                                                      GError                        **error);
gboolean           racimo_person_pages_export_roles_pdf
                                                     (RacimoProject                  *project,
                                                      RacimoRole                     *role,
                                                      const char                     *path,
                                                      const RacimoPaginationOptions  *options,
                                                      GCancellable                   *cancellable,
                                                      GError                        **error);

G_END_DECLS
