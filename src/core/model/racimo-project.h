/* racimo-project.h: a RACI matrix, and every way to change it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-activity.h"
#include "racimo-history.h"
#include "racimo-phase.h"
#include "racimo-role.h"
#include "racimo-scheme.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PROJECT (racimo_project_get_type ())

G_DECLARE_FINAL_TYPE (RacimoProject, racimo_project, RACIMO, PROJECT, GObject)

/* What changed on an item, as passed with RacimoProject::item-changed. */
typedef enum
{
  RACIMO_CHANGE_NAME,
  RACIMO_CHANGE_ABBREV,
  RACIMO_CHANGE_PERSON,
  RACIMO_CHANGE_DESCRIPTION,
  RACIMO_CHANGE_APPLICABLE,
  RACIMO_CHANGE_WAIVERS,
  RACIMO_CHANGE_EMAIL,     /* a person's e-mail address */
} RacimoChange;

RacimoProject      *racimo_project_new             (void);

const char         *racimo_project_get_title       (RacimoProject *self);
const char         *racimo_project_get_description (RacimoProject *self);
const RacimoScheme *racimo_project_get_scheme      (RacimoProject *self);
const char         *racimo_project_get_scheme_id   (RacimoProject *self);
guint               racimo_project_get_version_minor (RacimoProject *self);
RacimoHistory      *racimo_project_get_history     (RacimoProject *self);

guint               racimo_project_get_n_people    (RacimoProject *self);
RacimoPerson       *racimo_project_get_person      (RacimoProject *self,
                                                    guint          n);
int                 racimo_project_index_of_person (RacimoProject *self,
                                                    RacimoPerson  *person);
RacimoPerson       *racimo_project_find_person     (RacimoProject *self,
                                                    const char    *name);
guint               racimo_project_get_n_conflicts (RacimoProject *self);
const RacimoConflict *racimo_project_get_conflict  (RacimoProject *self,
                                                    guint          n);
GPtrArray          *racimo_project_dup_roles_of    (RacimoProject *self,
                                                    RacimoPerson  *person);
gboolean            racimo_project_needs_people    (RacimoProject *self);
guint               racimo_project_get_n_roles     (RacimoProject *self);
RacimoRole         *racimo_project_get_role        (RacimoProject *self,
                                                    guint          n);
int                 racimo_project_index_of_role   (RacimoProject *self,
                                                    RacimoRole    *role);
guint               racimo_project_get_n_phases    (RacimoProject *self);
RacimoPhase        *racimo_project_get_phase       (RacimoProject *self,
                                                    guint          n);
int                 racimo_project_index_of_phase  (RacimoProject *self,
                                                    RacimoPhase   *phase);
guint               racimo_project_get_n_activities (RacimoProject *self);
RacimoItem         *racimo_project_lookup          (RacimoProject *self,
                                                    const char    *id);
char               *racimo_project_make_id         (RacimoProject *self,
                                                    const char    *name);

/* Edits.  Each one is recorded in the project's history, and can be undone. */
void            racimo_project_set_title        (RacimoProject  *self,
                                                 const char     *title);
void            racimo_project_set_description  (RacimoProject  *self,
                                                 const char     *description);
void            racimo_project_set_scheme       (RacimoProject  *self,
                                                 const char     *scheme_id);

RacimoRole     *racimo_project_add_role         (RacimoProject  *self,
                                                 int             position,
                                                 const char     *name,
                                                 const char     *abbrev);
void            racimo_project_remove_role      (RacimoProject  *self,
                                                 RacimoRole     *role);
void            racimo_project_move_role        (RacimoProject  *self,
                                                 RacimoRole     *role,
                                                 guint           position);
void            racimo_project_set_role_abbrev  (RacimoProject  *self,
                                                 RacimoRole     *role,
                                                 const char     *abbrev);
void            racimo_project_set_role_person  (RacimoProject  *self,
                                                 RacimoRole     *role,
                                                 const char     *person);

RacimoPhase    *racimo_project_add_phase        (RacimoProject  *self,
                                                 int             position,
                                                 const char     *name);
void            racimo_project_remove_phase     (RacimoProject  *self,
                                                 RacimoPhase    *phase);
void            racimo_project_move_phase       (RacimoProject  *self,
                                                 RacimoPhase    *phase,
                                                 guint           position);

RacimoActivity *racimo_project_add_activity     (RacimoProject  *self,
                                                 RacimoPhase    *phase,
                                                 int             position,
                                                 const char     *name);
void            racimo_project_remove_activity  (RacimoProject  *self,
                                                 RacimoActivity *activity);
void            racimo_project_move_activity    (RacimoProject  *self,
                                                 RacimoActivity *activity,
                                                 RacimoPhase    *phase,
                                                 guint           position);
void            racimo_project_set_applicable   (RacimoProject  *self,
                                                 RacimoActivity *activity,
                                                 gboolean        applicable);

void            racimo_project_rename           (RacimoProject  *self,
                                                 RacimoItem     *item,
                                                 const char     *name);
void            racimo_project_set_item_description (RacimoProject *self,
                                                     RacimoItem    *item,
                                                     const char    *description);
void            racimo_project_set_waiver       (RacimoProject  *self,
                                                 RacimoItem     *item,
                                                 const char     *check,
                                                 const char     *reason);

void            racimo_project_set_codes        (RacimoProject  *self,
                                                 RacimoActivity *activity,
                                                 RacimoRole     *role,
                                                 RacimoCodes     codes);
void            racimo_project_toggle_code      (RacimoProject  *self,
                                                 RacimoActivity *activity,
                                                 RacimoRole     *role,
                                                 char            code);

RacimoPerson   *racimo_project_add_person       (RacimoProject  *self,
                                                 int             position,
                                                 const char     *name,
                                                 const char     *email);
void            racimo_project_remove_person    (RacimoProject  *self,
                                                 RacimoPerson   *person);
void            racimo_project_move_person      (RacimoProject  *self,
                                                 RacimoPerson   *person,
                                                 guint           position);
void            racimo_project_set_person_email (RacimoProject  *self,
                                                 RacimoPerson   *person,
                                                 const char     *email);
void            racimo_project_merge_people     (RacimoProject  *self,
                                                 RacimoPerson   *keep,
                                                 RacimoPerson   *other);
void            racimo_project_add_member       (RacimoProject  *self,
                                                 RacimoRole     *role,
                                                 RacimoPerson   *person);
void            racimo_project_remove_member    (RacimoProject  *self,
                                                 RacimoRole     *role,
                                                 RacimoPerson   *person);
void            racimo_project_set_note         (RacimoProject  *self,
                                                 RacimoActivity *activity,
                                                 RacimoRole     *role,
                                                 const char     *note);
void            racimo_project_resolve_conflict (RacimoProject  *self,
                                                 RacimoItem     *item,
                                                 guint           n);

G_END_DECLS
