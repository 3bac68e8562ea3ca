/* racimo-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_APPLICATION (racimo_application_get_type ())

G_DECLARE_FINAL_TYPE (RacimoApplication, racimo_application,
                      RACIMO, APPLICATION, AdwApplication)

RacimoApplication *racimo_application_new             (void);
void               racimo_application_new_from_template (RacimoApplication *self,
                                                        GtkWindow         *parent,
                                                        const char        *template_id);
void               racimo_application_offer_drafts    (RacimoApplication *self);
void               racimo_application_offer_draft     (RacimoApplication *self,
                                                       RacimoDraft       *draft);

/* The entry point of the module that src/main.c loads for the window. */
int                racimo_application_main            (int                argc,
                                                        char              *argv[]);

G_END_DECLS
