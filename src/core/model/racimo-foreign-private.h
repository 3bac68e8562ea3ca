/* racimo-foreign-private.h: what a file holds that Racimo does not understand
 *
 * Kept by the reader on the items and the project, written back in place by
 * the writer (docs/file-format.md, "Canonical output").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Content of a file that Racimo does not understand (other namespaces,
 * comments, and what a newer minor version added), kept to be written back
 * in place.
 *
 * @parent says on which element it sits: NULL for the item's (or the
 * project's) own element, otherwise the key of a sub-element:
 *   "title", "description", "scheme", "name", "person", "roles", "phases",
 *   "assign ROLE-ID CODE", "waiver CHECK".
 * For an attribute, @qname is its name as written ("x:prio", "xmlns:x",
 * "xml:lang") and @value its unescaped value.
 * For a node (element, comment, processing instruction), @qname is NULL,
 * @value is the node serialised as in the file, and @anchor is the key of
 * the known child element it follows inside @parent ("" when it comes
 * first): "title", "description", "scheme", "roles", "phases", "name",
 * "person", "role ID", "phase ID", "activity ID", "assign ROLE-ID CODE",
 * "waiver CHECK"; inside the text of an element that holds text
 * ("title", "name", "waiver CHECK"...), "@N": after the first N bytes of
 * the text.  A node whose anchor is gone (or whose place an edit of the
 * text took away) is written at the end of its parent, so nothing is
 * lost. */
typedef struct
{
  char *parent;
  char *anchor;
  char *qname;
  char *value;
} RacimoForeign;

void           _racimo_foreign_free            (RacimoForeign *foreign);

G_END_DECLS
