/* racimo-types.h: forward declarations of the core types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RacimoItem     RacimoItem;
typedef struct _RacimoRole     RacimoRole;
typedef struct _RacimoPerson   RacimoPerson;
typedef struct _RacimoPhase    RacimoPhase;
typedef struct _RacimoActivity RacimoActivity;
typedef struct _RacimoProject  RacimoProject;
typedef struct _RacimoHistory  RacimoHistory;
typedef struct _RacimoChecks   RacimoChecks;

/* Where a document's project came from (racimo-document.h); drafts record
 * it too. */
typedef enum
{
  RACIMO_DOCUMENT_SOURCE_NEW,   /* a template or a blank project, not saved yet */
  RACIMO_DOCUMENT_SOURCE_RACI,  /* read from, or saved to, a .raci file */
  RACIMO_DOCUMENT_SOURCE_CSV,   /* imported from a spreadsheet */
  RACIMO_DOCUMENT_SOURCE_DRAFT, /* restored from a draft after a crash */
} RacimoDocumentSource;

#define RACIMO_TYPE_DOCUMENT_SOURCE (racimo_document_source_get_type ())
GType racimo_document_source_get_type (void) G_GNUC_CONST;

G_END_DECLS
