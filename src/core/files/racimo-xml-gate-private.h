/* racimo-xml-gate-private.h: what a file must pass before it is built into a project
 *
 * racimo-xml-gate.c reads untrusted bytes (under a size cap, the
 * encoding, the attributes that libxml2 would take too long over), parses
 * them and validates the tree against the schema; racimo-reader.c builds
 * the project from the tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "racimo-reader.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* The first error libxml2 reported, copied: later ones are mostly
 * consequences of it ("premature end of data" after a mismatched tag). */
typedef struct
{
  gboolean set;
  int      code;
  int      line;
  int      column;
  int      int1;
  char    *str1;
  char    *str2;
  char    *message;
} RacimoXmlFirstError;

/* What the parser saw of the tree's shape. */
typedef struct
{
  guint    most_children;
  guint    most_attributes;
  /* An element or an attribute outside the format's namespace */
  gboolean foreign;
} RacimoXmlShape;

char *
_racimo_xml_excerpt (const char *value);

void
_racimo_xml_first_error_clear (RacimoXmlFirstError *first);

gboolean
_racimo_xml_is_blank (const char *text,
                      gsize       length);

gboolean
_racimo_xml_is_shape_for_schema (const RacimoXmlShape *shape);

long
_racimo_xml_line_of (xmlNode *node);

xmlDoc *
_racimo_xml_read (GBytes          *bytes,
                  const char      *display_name,
                  RacimoXmlShape  *shape,
                  GError         **error);

void
_racimo_xml_release_doc (xmlDoc *doc,
                         gsize   size);

void
_racimo_xml_set_error (GError          **error,
                       RacimoFileError   code,
                       const char       *name,
                       long              line,
                       long              column,
                       const char       *format,
                       ...) G_GNUC_PRINTF (6, 7);

gboolean
_racimo_xml_validate (xmlDoc               *doc,
                      const RacimoXmlShape *shape,
                      RacimoXmlFirstError  *first);

/* For tests: validates with the plain form of the schema, for files with
 * no foreign content, or the full one */
gboolean
_racimo_xml_validate_as (xmlDoc              *doc,
                         gboolean             plain,
                         RacimoXmlFirstError *first);

G_END_DECLS
