/* racimo-finding-view.h: the checks panel's findings, drawn as one list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-findings-model.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_FINDING_VIEW (racimo_finding_view_get_type ())

G_DECLARE_FINAL_TYPE (RacimoFindingView, racimo_finding_view, RACIMO, FINDING_VIEW, GtkWidget)

GtkWidget          *racimo_finding_view_new           (void);

void                racimo_finding_view_set_model     (RacimoFindingView  *self,
                                                       GtkSingleSelection *model);
GtkSingleSelection *racimo_finding_view_get_model     (RacimoFindingView  *self);

void                racimo_finding_view_scroll_to     (RacimoFindingView  *self,
                                                       guint               position);
gboolean            racimo_finding_view_get_row_area  (RacimoFindingView  *self,
                                                       guint               position,
                                                       graphene_rect_t    *area);

char               *racimo_finding_view_describe_row  (RacimoFindingRow   *row);

G_END_DECLS
