/* racimo-repairs.h: what was repaired in a file that almost opened
 *
 * A file that passed every safety gate but breaks a rule of the format
 * can be built leniently (racimo_file_repair ()): each rule break is
 * repaired and recorded here, with its line, in plain words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RACIMO_TYPE_REPAIRS (racimo_repairs_get_type ())

typedef struct _RacimoRepairs RacimoRepairs;

GType           racimo_repairs_get_type     (void) G_GNUC_CONST;
RacimoRepairs  *racimo_repairs_new          (void);
RacimoRepairs  *racimo_repairs_ref          (RacimoRepairs *self);
void            racimo_repairs_unref        (RacimoRepairs *self);

void            racimo_repairs_add          (RacimoRepairs *self,
                                             guint          line,
                                             const char    *item_id,
                                             const char    *problem,
                                             const char    *action);
guint           racimo_repairs_get_n_repairs (RacimoRepairs *self);
guint           racimo_repairs_get_line     (RacimoRepairs *self,
                                             guint          n);
const char     *racimo_repairs_get_item_id  (RacimoRepairs *self,
                                             guint          n);
const char     *racimo_repairs_get_problem  (RacimoRepairs *self,
                                             guint          n);
const char     *racimo_repairs_get_action   (RacimoRepairs *self,
                                             guint          n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoRepairs, racimo_repairs_unref)

G_END_DECLS
