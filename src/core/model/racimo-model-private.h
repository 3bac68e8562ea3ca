/* racimo-model-private.h: back doors into the model
 *
 * For the reader, the templates, history commands and the checks: they
 * change the model without recording history or emitting signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

/* Items */
void           _racimo_item_set_id             (RacimoItem  *self,
                                                const char  *id);
void           _racimo_item_set_name           (RacimoItem  *self,
                                                const char  *name);
void           _racimo_item_set_description    (RacimoItem  *self,
                                                const char  *description);
void           _racimo_item_set_line           (RacimoItem  *self,
                                                guint        line);
/* Sets, replaces (@reason non-NULL) or removes (@reason NULL) a waiver;
 * a new one goes after the others. */
void           _racimo_item_set_waiver         (RacimoItem  *self,
                                                const char  *check,
                                                const char  *reason);
void           _racimo_item_append_waiver      (RacimoItem  *self,
                                                const char  *check,
                                                const char  *reason);
GPtrArray     *_racimo_item_get_foreign        (RacimoItem  *self);
GPtrArray     *_racimo_item_get_conflicts      (RacimoItem  *self);

void           _racimo_person_set_email        (RacimoPerson *self,
                                                const char   *email);

void           _racimo_role_set_abbrev         (RacimoRole  *self,
                                                const char  *abbrev);
void           _racimo_role_insert_member      (RacimoRole   *self,
                                                guint         position,
                                                RacimoPerson *person);
void           _racimo_role_remove_member      (RacimoRole   *self,
                                                RacimoPerson *person);
/* After a member's name changed. */
void           _racimo_role_update_person      (RacimoRole   *self);

void           _racimo_phase_insert_activity   (RacimoPhase    *self,
                                                guint           position,
                                                RacimoActivity *activity);
void           _racimo_phase_remove_activity   (RacimoPhase    *self,
                                                RacimoActivity *activity);

void           _racimo_activity_set_codes      (RacimoActivity *self,
                                                RacimoRole     *role,
                                                RacimoCodes     codes);
void           _racimo_activity_set_applicable (RacimoActivity *self,
                                                gboolean        applicable);
/* @note NULL removes it. */
void           _racimo_activity_set_note       (RacimoActivity *self,
                                                RacimoRole     *role,
                                                const char     *note);
/* RacimoRole -> note, or NULL when the activity has none. */
GHashTable    *_racimo_activity_get_notes      (RacimoActivity *self);
void           _racimo_activity_set_phase      (RacimoActivity *self,
                                                RacimoPhase    *phase);
/* Every (role, codes) pair with codes set, in no particular order. */
GHashTable    *_racimo_activity_get_cells      (RacimoActivity *self);

/* Building a project without history, as the reader does.  Ids must be
 * unique: these return FALSE when @id is already taken. */
gboolean       _racimo_project_append_role     (RacimoProject  *self,
                                                RacimoRole     *role);
gboolean       _racimo_project_append_person   (RacimoProject  *self,
                                                RacimoPerson   *person);
/* A person with an id made from @name, as for racimo_project_make_id (). */
RacimoPerson  *_racimo_project_append_new_person (RacimoProject *self,
                                                  const char    *name);
gboolean       _racimo_project_append_phase    (RacimoProject  *self,
                                                RacimoPhase    *phase);
gboolean       _racimo_project_append_activity (RacimoProject  *self,
                                                RacimoPhase    *phase,
                                                RacimoActivity *activity);
void           _racimo_project_insert_activity (RacimoProject  *self,
                                                RacimoPhase    *phase,
                                                guint           position,
                                                RacimoActivity *activity);
/* With history, ids kept: taking another copy's role, phase (without its
 * activities) or person. */
void           _racimo_project_insert_role     (RacimoProject  *self,
                                                guint           position,
                                                RacimoRole     *role);
void           _racimo_project_insert_phase    (RacimoProject  *self,
                                                guint           position,
                                                RacimoPhase    *phase);
void           _racimo_project_insert_person   (RacimoProject  *self,
                                                guint           position,
                                                RacimoPerson   *person);
void           _racimo_project_set_title       (RacimoProject  *self,
                                                const char     *title);
void           _racimo_project_set_description (RacimoProject  *self,
                                                const char     *description);
/* An id that names no scheme of Racimo (a newer minor version's) is kept
 * and written back; checks then use RACI. */
void           _racimo_project_set_scheme_id   (RacimoProject  *self,
                                                const char     *scheme_id);
void           _racimo_project_set_version_minor (RacimoProject *self,
                                                  guint          minor);
GPtrArray     *_racimo_project_get_foreign     (RacimoProject  *self);
GPtrArray     *_racimo_project_get_conflicts   (RacimoProject  *self);

G_END_DECLS
