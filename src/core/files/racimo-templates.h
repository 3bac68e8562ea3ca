/* racimo-templates.h: the projects a user can start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;      /* "ml-system-deployment", "blank-raci", "blank-rasci" */
  const char *title;   /* untranslated */
  const char *summary; /* untranslated */
} RacimoTemplate;

guint                 racimo_templates_get_n   (void);
const RacimoTemplate *racimo_templates_get_nth (guint        n);
/* A new, unmodified project with an empty history, from the template with
 * @id; names are translated into the user's language. */
RacimoProject        *racimo_templates_create  (const char  *id,
                                                GError     **error);

/* The user's own templates: files in the user's data folder */
GFile                *racimo_templates_get_user_folder (void);
GPtrArray            *racimo_templates_list_user       (void);
GFile                *racimo_templates_save_user       (RacimoProject  *project,
                                                        GError        **error);
RacimoProject        *racimo_templates_create_from_user (GFile         *file,
                                                         GError       **error);

G_END_DECLS
