/* racimo-differences.h: what another copy changed, row by row and cell by cell,
 * for the window's compare mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

/* What the other copy ("theirs") did to a row or a cell of the copy shown
 * ("mine"). */
typedef enum
{
  RACIMO_DIFFERENCE_ADDED,    /* an activity theirs has and mine lacks */
  RACIMO_DIFFERENCE_REMOVED,  /* an activity mine has and theirs lacks */
  RACIMO_DIFFERENCE_MOVED,    /* an activity in another phase or place */
  RACIMO_DIFFERENCE_CHANGED,  /* an activity's name, description or applicability, or a cell */
} RacimoDifferenceKind;

typedef struct
{
  RacimoDifferenceKind kind;
  char *activity_id;
  char *role_id;     /* a cell's role, or NULL for the row itself */
  char *phase_id;    /* the group: the phase the activity is in (mine's, else theirs') */
  char *phase_name;
  char *title;       /* the activity's name */
  char *detail;      /* what changed, in plain words */
} RacimoDifference;

void        racimo_difference_free          (RacimoDifference  *change);
RacimoDifference *racimo_difference_copy    (const RacimoDifference *change);
GPtrArray  *racimo_differences_compare      (RacimoProject *mine,
                                         RacimoProject *theirs);
gboolean    racimo_difference_can_take      (RacimoProject *mine,
                                         RacimoProject *theirs,
                                         const RacimoDifference *change);
gboolean    racimo_difference_take_theirs   (RacimoProject *mine,
                                         RacimoProject *theirs,
                                         const RacimoDifference *change);
guint       racimo_differences_take_theirs  (RacimoProject *mine,
                                         RacimoProject *theirs,
                                         GPtrArray     *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoDifference, racimo_difference_free)

G_END_DECLS
