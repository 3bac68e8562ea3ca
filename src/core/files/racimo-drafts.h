/* racimo-drafts.h: unsaved changes kept on disk, for crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "racimo-project.h"

G_BEGIN_DECLS

/* One draft found at start-up: the unsaved state of a project whose
 * process is gone. */
typedef struct _RacimoDraft RacimoDraft;

#define RACIMO_TYPE_DRAFT (racimo_draft_get_type ())

GType                 racimo_draft_get_type         (void) G_GNUC_CONST;
RacimoDraft          *racimo_draft_ref              (RacimoDraft   *draft);
void                  racimo_draft_unref            (RacimoDraft   *draft);
const char           *racimo_draft_get_id           (RacimoDraft   *draft);
const char           *racimo_draft_get_title        (RacimoDraft   *draft);
GFile                *racimo_draft_get_file         (RacimoDraft   *draft);
RacimoDocumentSource  racimo_draft_get_source       (RacimoDraft   *draft);
GDateTime            *racimo_draft_get_time         (RacimoDraft   *draft);
char                 *racimo_draft_get_display_name (RacimoDraft   *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoDraft, racimo_draft_unref)

#define RACIMO_TYPE_DRAFTS (racimo_drafts_get_type ())

G_DECLARE_FINAL_TYPE (RacimoDrafts, racimo_drafts, RACIMO, DRAFTS, GObject)

RacimoDrafts   *racimo_drafts_new             (const char     *directory);
RacimoDrafts   *racimo_drafts_get_default     (void);
const char     *racimo_drafts_get_directory   (RacimoDrafts   *self);

gboolean        racimo_drafts_remove          (RacimoDrafts   *self,
                                               const char     *id,
                                               GError        **error);

/* At start-up; racimo_document_new_from_draft () restores one */
GPtrArray      *racimo_drafts_list            (RacimoDrafts   *self);
GFile          *racimo_drafts_get_project_file (RacimoDrafts  *self,
                                               RacimoDraft    *draft);
gboolean        racimo_drafts_discard         (RacimoDrafts   *self,
                                               RacimoDraft    *draft,
                                               GError        **error);

G_END_DECLS
