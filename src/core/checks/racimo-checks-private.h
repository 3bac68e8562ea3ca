/* racimo-checks-private.h: what the files of RacimoChecks share: the checks'
 * state, and the steps of computing findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-checks.h"

G_BEGIN_DECLS

/* Overloaded: R or A on more than half of the applicable activities, and on
 * at least this many. */
#define OVERLOAD_MIN 4

/* What the checks know about one person, role, phase or activity of the
 * project. */
typedef struct
{
  RacimoItem *item;      /* strong */
  GPtrArray  *findings;  /* RacimoFinding, NULL when there are none */
  guint       dup_count; /* items of its group named the same, itself included */

  /* Roles */
  guint       n_cells;   /* activities, applicable or not, where it holds a code: idle
                          * means no code at all, not an empty workload */
  guint       n_busy;    /* activities that count in the workload (racimo-workload.c)
                          * where it holds the doer or owner code; for a person,
                          * through any of their roles, each activity once */
  GPtrArray  *members;   /* roles: the members as last seen, to tell whose
                          * roles a change of members changed */

  /* Activities: as last seen, to tell what an applicability change changes;
   * whether it counts in the workload */
  gboolean    applicable;
} ItemState;

struct _RacimoChecks
{
  GObject        parent_instance;

  RacimoProject *project;

  GHashTable    *states;       /* RacimoItem -> ItemState, every item of the project */
  guint          n_applicable; /* activities that count in the workload */

  guint          n_errors;
  guint          n_warnings;
  guint          n_waived;

  /* The activity the user is creating, whose findings wait (unowned) */
  RacimoItem    *held;

  /* Items whose findings changed, emitted once the state is consistent */
  GPtrArray     *pending;     /* RacimoItem, strong */
  GHashTable    *pending_set; /* RacimoItem, unowned */
};

/* racimo-checks-findings.c */
void
_racimo_checks_add_finding (GPtrArray   **findings,
                            RacimoItem   *item,
                            RacimoCheck   check,
                            char         *message);
RacimoCodes
_racimo_checks_busy_mask (const RacimoScheme *scheme);
RacimoCodes
_racimo_checks_code_bit (char code);
GPtrArray *
_racimo_checks_compute_findings (RacimoChecks *self,
                                 ItemState    *state);
char *
_racimo_checks_dup_activity_subject (RacimoChecks   *self,
                                     RacimoActivity *activity);
char *
_racimo_checks_dup_phase_subject (RacimoChecks *self,
                                  RacimoPhase  *phase);
char *
_racimo_checks_dup_role_subject (RacimoChecks *self,
                                 RacimoRole   *role);
char *
_racimo_checks_dup_trimmed (const char *name);
gboolean
_racimo_checks_findings_equal (GPtrArray *a,
                               GPtrArray *b);
gboolean
_racimo_checks_name_is_empty (const char *name);

/* racimo-checks-people.c */
void
_racimo_checks_add_findings_1_1 (RacimoChecks  *self,
                                 ItemState     *state,
                                 GPtrArray    **findings);
GPtrArray *
_racimo_checks_copy_members (RacimoRole *role);
void
_racimo_checks_count_people (RacimoChecks   *self,
                             RacimoActivity *activity,
                             int             sign);
void
_racimo_checks_count_person (RacimoChecks *self,
                             ItemState    *state);
gboolean
_racimo_checks_person_busy_on (RacimoChecks   *self,
                               RacimoPerson   *person,
                               RacimoActivity *activity,
                               RacimoRole     *except);

/* racimo-checks.c */
void
_racimo_checks_finding_free (gpointer data);

G_END_DECLS
