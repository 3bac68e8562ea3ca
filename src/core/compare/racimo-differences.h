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

/* Which part of the project a change is listed under. */
typedef enum
{
  RACIMO_DIFFERENCE_GROUP_PHASE,    /* a phase, its activities and cells */
  RACIMO_DIFFERENCE_GROUP_PROJECT,  /* the title, description, scheme */
  RACIMO_DIFFERENCE_GROUP_ROLES,
  RACIMO_DIFFERENCE_GROUP_PEOPLE,
} RacimoDifferenceGroup;

/* What of an item (or of the project) a change is about. */
typedef enum
{
  RACIMO_DIFFERENCE_FIELD_EXISTS,       /* added or removed */
  RACIMO_DIFFERENCE_FIELD_PLACE,        /* moved */
  RACIMO_DIFFERENCE_FIELD_NAME,
  RACIMO_DIFFERENCE_FIELD_DESCRIPTION,
  RACIMO_DIFFERENCE_FIELD_ABBREV,
  RACIMO_DIFFERENCE_FIELD_EMAIL,
  RACIMO_DIFFERENCE_FIELD_MEMBER,       /* key: the person */
  RACIMO_DIFFERENCE_FIELD_WAIVER,       /* key: the check */
  RACIMO_DIFFERENCE_FIELD_APPLICABLE,
  RACIMO_DIFFERENCE_FIELD_CONFLICTS,
  RACIMO_DIFFERENCE_FIELD_CELL,         /* key: the role */
  RACIMO_DIFFERENCE_FIELD_NOTE,         /* key: the role */
  RACIMO_DIFFERENCE_FIELD_TITLE,
  RACIMO_DIFFERENCE_FIELD_SCHEME,
} RacimoDifferenceField;

/* A change of the project, a role, a phase or a person (not of an
 * activity) has "" for activity_id; one of the project, a role or a person
 * has "" for phase_id too, and its group's heading as phase_name. */
typedef struct
{
  RacimoDifferenceKind kind;
  char *activity_id;
  char *role_id;     /* a cell's role, or NULL for the row itself */
  char *phase_id;    /* the group: the phase the activity is in (mine's, else theirs') */
  char *phase_name;
  char *title;       /* the activity's name (or the item's, the project's title) */
  char *detail;      /* what changed, in plain words */
  RacimoDifferenceGroup group;
  char *item_id;     /* the role, phase or person of a line of racimo_diff (), or the
                      * activity of a waiver's; NULL for the project and the rest */
  RacimoDifferenceField field;  /* for an item_id or the project: what changed */
  char *key;         /* the check of a waiver, the person of a membership, or NULL */
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
const char *racimo_difference_get_group_key (const RacimoDifference *change);
gboolean    racimo_difference_get_place     (RacimoProject           *mine,
                                             RacimoProject           *theirs,
                                             const RacimoDifference  *change,
                                             RacimoPhase            **phase,
                                             guint                   *position);
guint       racimo_differences_take_theirs  (RacimoProject *mine,
                                         RacimoProject *theirs,
                                         GPtrArray     *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoDifference, racimo_difference_free)

G_END_DECLS
