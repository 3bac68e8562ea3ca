/* racimo-item.h: what roles, phases and activities have in common
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "racimo-types.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_ITEM (racimo_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (RacimoItem, racimo_item, RACIMO, ITEM, GObject)

struct _RacimoItemClass
{
  GObjectClass parent_class;
};

/* A waiver: the finding of @check on an item was looked at and accepted. */
typedef struct
{
  char *check;  /* a check id of docs/file-format.md, "Checks", such as "no-doer" */
  char *reason;
} RacimoWaiver;

const char *racimo_item_get_id          (RacimoItem *self);
const char *racimo_item_get_name        (RacimoItem *self);
const char *racimo_item_get_description (RacimoItem *self);
guint       racimo_item_get_line        (RacimoItem *self);
guint       racimo_item_get_n_waivers   (RacimoItem *self);
const RacimoWaiver *racimo_item_get_waiver (RacimoItem *self,
                                            guint       n);
const char *racimo_item_get_waiver_reason (RacimoItem *self,
                                           const char *check);

G_END_DECLS
