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

/* A place where a three-way merge found two different changes
 * (docs/file-format.md, "Conflicts"): what it is about is @role (a cell,
 * or that role's note) or @field; the values are as written in the file,
 * "" when absent. */
typedef struct
{
  char *role;   /* a role id, or NULL */
  char *field;  /* "name", "description", "note", ..., or NULL */
  char *base;
  char *ours;
  char *theirs;
} RacimoConflict;

RacimoConflict *racimo_conflict_copy (const RacimoConflict *conflict);
void            racimo_conflict_free (RacimoConflict       *conflict);

guint                 racimo_item_get_n_conflicts (RacimoItem *self);
const RacimoConflict *racimo_item_get_conflict    (RacimoItem *self,
                                                   guint       n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoConflict, racimo_conflict_free)

G_END_DECLS
