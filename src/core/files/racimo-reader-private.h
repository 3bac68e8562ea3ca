/* racimo-reader-private.h: what the files of the reader share
 * (racimo-reader.c builds the project from the tree; the other files each
 * take one concern of it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "racimo-file.h"
#include "racimo-repairs.h"
#include "racimo-xml-gate-private.h"

G_BEGIN_DECLS

/* Building the project */

typedef struct
{
  RacimoProject *project;
  const char    *name;     /* the file, for messages */
  xmlDoc        *doc;
  /* Version 1.0: what is unknown in our namespace is an error.  A newer
   * minor version may have added it: it is kept, as foreign content. */
  gboolean       strict;
  guint          minor;    /* the file's minor version: which elements it may hold */
  GHashTable    *ids;      /* id -> line where it was first used */
  GHashTable    *roles;    /* id -> RacimoRole, unowned */
  GHashTable    *people;   /* id -> RacimoPerson, unowned */
  GPtrArray     *person_texts; /* PersonText: 1.0 person texts, made people at the end */
  GPtrArray     *members;  /* PendingMember: members read before their person */
  /* The checks waived so far on @waived_item: a newer minor version may
   * put any number of waivers on one item. */
  RacimoItem    *waived_item;
  GHashTable    *waived_checks;
  xmlBuffer     *buffer;
  GError       **error;
  /* Repair mode (racimo_file_repair ()): each rule break is repaired and
   * recorded here instead of refused; NULL otherwise.  What is removed
   * from the tree goes only when foreign content is next written out. */
  RacimoRepairs *repairs;
  RacimoItem    *item;     /* being read, the place of its repairs; unowned */
  GPtrArray     *doomed_nodes;
  GPtrArray     *doomed_attributes;
  GPtrArray     *made_ids;
} Builder;

/* The known children of an element, in the order of version 1.0. */
typedef enum
{
  KIND_TITLE,
  KIND_DESCRIPTION,
  KIND_SCHEME,
  KIND_ROLES,
  KIND_PHASES,
  KIND_NAME,
  KIND_PERSON,
  KIND_ASSIGN,
  KIND_WAIVER,
  KIND_ACTIVITY,
  KIND_PEOPLE,
  KIND_MEMBER,
  KIND_NOTE,
  KIND_CONFLICT,
} Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  gboolean    repeats;
  guint       since;   /* the minor version that brought it */
} Child;

/* racimo-reader-cells.c */
gboolean
_racimo_reader_read_assign (Builder        *b,
                            RacimoActivity *activity,
                            GPtrArray      *foreign,
                            xmlNode        *node);
gboolean
_racimo_reader_read_waiver (Builder    *b,
                            RacimoItem *item,
                            GPtrArray  *foreign,
                            xmlNode    *node,
                            gboolean   *kept);

/* racimo-reader-foreign.c */
gboolean
_racimo_reader_has_other_attributes (xmlNode            *node,
                                     const char * const *known);
gboolean
_racimo_reader_is_known (const char         *name,
                         const char * const *known);
gboolean
_racimo_reader_keep_attributes (Builder            *b,
                                GPtrArray          *foreign,
                                const char         *parent,
                                xmlNode            *node,
                                const char * const *known);
void
_racimo_reader_keep_node (Builder    *b,
                          GPtrArray  *foreign,
                          const char *parent,
                          xmlNode    *anchor,
                          xmlNode    *node);
gboolean
_racimo_reader_keep_other (Builder    *b,
                           GPtrArray  *foreign,
                           const char *parent,
                           xmlNode    *anchor,
                           xmlNode    *container,
                           xmlNode    *node);
char *
_racimo_reader_key_of (xmlNode *node);

/* racimo-reader-people.c */
gboolean
_racimo_reader_finish_people (Builder *b);
void
_racimo_reader_keep_person_text (Builder    *b,
                                 RacimoRole *role,
                                 xmlNode    *node,
                                 const char *text);
char *
_racimo_reader_key_of_1_1 (xmlNode *node);
void
_racimo_reader_person_text_free (gpointer data);
gboolean
_racimo_reader_read_conflict (Builder    *b,
                              RacimoItem *item,
                              GPtrArray  *conflicts,
                              GPtrArray  *foreign,
                              xmlNode    *node);
gboolean
_racimo_reader_read_member (Builder    *b,
                            RacimoRole *role,
                            GPtrArray  *foreign,
                            xmlNode    *node);
gboolean
_racimo_reader_read_note (Builder        *b,
                          RacimoActivity *activity,
                          GPtrArray      *foreign,
                          xmlNode        *node);

/* racimo-reader.c */
const char *
_racimo_reader_attribute (xmlNode    *node,
                          const char *name);
RacimoProject *
_racimo_reader_build (xmlDoc                *doc,
                      const char            *name,
                      const RacimoXmlShape  *shape,
                      RacimoRepairs         *repairs,
                      GError               **error);
void
_racimo_reader_bury_doomed (Builder *b);
const char *
_racimo_reader_describe_element (xmlNode *node);
void
_racimo_reader_doom_attribute (Builder *b,
                               xmlAttr *attr);
void
_racimo_reader_doom_node (Builder *b,
                          xmlNode *node);
gboolean
_racimo_reader_is_named (xmlNode    *node,
                         const char *name);
gboolean
_racimo_reader_is_ours (xmlNode *node);
const char *
_racimo_reader_make_repair_id (Builder    *b,
                               const char *from);
char *
_racimo_reader_read_text (Builder            *b,
                          GPtrArray          *foreign,
                          const char         *key,
                          xmlNode            *node,
                          const char * const *known);
gboolean
_racimo_reader_repair_or_refuse (Builder         *b,
                                 RacimoFileError  code,
                                 xmlNode         *node,
                                 const char      *item_id,
                                 const char      *action,
                                 const char      *format,
                                 ...);

G_END_DECLS
