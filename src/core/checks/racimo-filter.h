/* racimo-filter.h: which activities of a project a search shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-checks.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_FILTER (racimo_filter_get_type ())

G_DECLARE_FINAL_TYPE (RacimoFilter, racimo_filter, RACIMO, FILTER, GObject)

RacimoFilter  *racimo_filter_new                     (RacimoChecks   *checks);

RacimoProject *racimo_filter_get_project             (RacimoFilter   *self);
RacimoChecks  *racimo_filter_get_checks              (RacimoFilter   *self);

const char    *racimo_filter_get_search_text         (RacimoFilter   *self);
void           racimo_filter_set_search_text         (RacimoFilter   *self,
                                                      const char     *text);
gboolean       racimo_filter_get_only_findings       (RacimoFilter   *self);
void           racimo_filter_set_only_findings       (RacimoFilter   *self,
                                                      gboolean        only_findings);
RacimoRole    *racimo_filter_get_role                (RacimoFilter   *self);
void           racimo_filter_set_role                (RacimoFilter   *self,
                                                      RacimoRole     *role);
RacimoPerson  *racimo_filter_get_person              (RacimoFilter   *self);
void           racimo_filter_set_person              (RacimoFilter   *self,
                                                      RacimoPerson   *person);
gboolean       racimo_filter_get_hide_not_applicable (RacimoFilter   *self);
void           racimo_filter_set_hide_not_applicable (RacimoFilter   *self,
                                                      gboolean        hide);
void           racimo_filter_clear                   (RacimoFilter   *self);

gboolean       racimo_filter_is_active               (RacimoFilter   *self);
gboolean       racimo_filter_matches                 (RacimoFilter   *self,
                                                      RacimoActivity *activity);
guint          racimo_filter_get_n_shown             (RacimoFilter   *self);
guint          racimo_filter_get_n_total             (RacimoFilter   *self);
char          *racimo_filter_dup_summary             (RacimoFilter   *self);

char          *racimo_filter_fold_text               (const char     *text);

G_END_DECLS
