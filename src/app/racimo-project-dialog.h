/* racimo-project-dialog.h: the project's title, description, scheme and people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PROJECT_DIALOG (racimo_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RacimoProjectDialog, racimo_project_dialog, RACIMO, PROJECT_DIALOG,
                      AdwPreferencesWindow)

RacimoProjectDialog *racimo_project_dialog_new        (GtkWindow           *parent,
                                                       RacimoProject       *project);
void                 racimo_project_dialog_show_people (RacimoProjectDialog *self);
void                 racimo_project_dialog_show_person (RacimoProjectDialog *self,
                                                        RacimoPerson        *person);
/* The row of @person in the list of people, for the tests */
GtkWidget           *racimo_project_dialog_get_person_row (RacimoProjectDialog *self,
                                                           RacimoPerson        *person);

G_END_DECLS
