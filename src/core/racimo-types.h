/* racimo-types.h: forward declarations of the core types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RacimoItem     RacimoItem;
typedef struct _RacimoRole     RacimoRole;
typedef struct _RacimoPhase    RacimoPhase;
typedef struct _RacimoActivity RacimoActivity;
typedef struct _RacimoProject  RacimoProject;
typedef struct _RacimoHistory  RacimoHistory;
typedef struct _RacimoChecks   RacimoChecks;

G_END_DECLS
