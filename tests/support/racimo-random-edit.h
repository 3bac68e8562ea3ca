/* racimo-random-edit.h: random edits of a project, through its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-project.h"

G_BEGIN_DECLS

/* A name from a short list that has empty names, blanks, duplicates. */
const char  *racimo_random_name  (void);
/* Zero to two codes, some that no scheme defines. */
RacimoCodes  racimo_random_codes (void);
/* One edit of any kind, an undo or a redo; needs g_test_init (). */
void         racimo_random_edit  (RacimoProject *project);

G_END_DECLS
