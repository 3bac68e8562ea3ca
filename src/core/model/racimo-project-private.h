/* racimo-project-private.h: what the files of RacimoProject share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

/* racimo-project-ids.c */
char     *_racimo_project_make_id       (RacimoProject *self,
                                         const char    *name,
                                         const char    *fallback);
gboolean  _racimo_project_register_id   (RacimoProject *self,
                                         RacimoItem    *item);
void      _racimo_project_unregister_id (RacimoProject *self,
                                         RacimoItem    *item);

G_END_DECLS
