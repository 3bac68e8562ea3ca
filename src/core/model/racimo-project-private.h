/* racimo-project-private.h: what the files of RacimoProject share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-history-private.h"
#include "racimo-project.h"

G_BEGIN_DECLS

struct _RacimoProject
{
  GObject parent_instance;

  char          *title;
  char          *description;
  char          *scheme_id;
  const RacimoScheme *scheme;
  guint          version_minor;

  GPtrArray     *people; /* RacimoPerson, strong */
  GPtrArray     *roles;  /* RacimoRole, strong */
  GPtrArray     *phases; /* RacimoPhase, strong */
  GHashTable    *ids;    /* id -> RacimoItem, unowned */
  /* base of an id made from a name -> the lowest suffix that may be free:
   * every suffix from 2 below it is taken.  Without it, 10,000 roles of
   * one name try 2, 3, ... each time: quadratic. */
  GHashTable    *next_suffix;
  guint          n_activities;

  GPtrArray     *foreign; /* RacimoForeign */
  GPtrArray     *conflicts; /* RacimoConflict on the project itself, or NULL */
  RacimoHistory *history;
};

/* The signals of RacimoProject, emitted by all its files */
enum {
  CELL_CHANGED,
  ITEM_ADDED,
  ITEM_REMOVED,
  ITEM_MOVED,
  ITEM_CHANGED,
  PERSON_ADDED,
  PERSON_REMOVED,
  PERSON_MOVED,
  PERSON_CHANGED,
  NOTE_CHANGED,
  CONFLICTS_CHANGED,
  N_SIGNALS
};

extern guint _racimo_project_signals[N_SIGNALS];

/* racimo-project-ids.c */
char     *_racimo_project_make_id       (RacimoProject *self,
                                         const char    *name,
                                         const char    *fallback);
gboolean  _racimo_project_register_id   (RacimoProject *self,
                                         RacimoItem    *item);
void      _racimo_project_unregister_id (RacimoProject *self,
                                         RacimoItem    *item);

/* racimo-project.c */
const char *
_racimo_project_empty_to_null (const char *s);
void
_racimo_project_move_item (RacimoProject *self,
                           RacimoItem    *item,
                           guint          from,
                           guint          to,
                           const char    *label);
gboolean
_racimo_project_owns_item (RacimoProject *self,
                           RacimoItem    *item);
void
_racimo_project_push (RacimoProject    *self,
                      const char       *label,
                      RacimoCommandFunc func,
                      gpointer          data,
                      GDestroyNotify    free_data);
void
_racimo_project_set_item_field (RacimoProject *self,
                                RacimoItem    *item,
                                RacimoChange   change,
                                const char    *check,
                                const char    *old_value,
                                const char    *new_value,
                                const char    *label);

G_END_DECLS
