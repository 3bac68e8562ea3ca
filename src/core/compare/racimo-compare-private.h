/* racimo-compare-private.h: what the diff and the merge share
 *
 * Items of two projects are the same item when they have the same id
 * (docs/file-format.md, "Identifiers"): an id never changes on a rename.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-differences.h"
#include "racimo-project.h"

G_BEGIN_DECLS

/* The lists of a project that have an order of their own. */
typedef enum
{
  RACIMO_COMPARE_PEOPLE,
  RACIMO_COMPARE_ROLES,
  RACIMO_COMPARE_PHASES,
} RacimoCompareList;

/* The items of @list (or, with @phase non-NULL, the activities of
 * @phase), in order, unowned.  @project may be NULL: an empty list. */
GPtrArray   *_racimo_compare_items          (RacimoProject     *project,
                                             RacimoCompareList  list,
                                             RacimoPhase       *phase);
/* The ids of @side's items that @side put where they are: those @base does
 * not have, and those out of the longest run @side kept in @base's order.
 * The keys are the ids of @side's items. */
GHashTable  *_racimo_compare_placed         (GPtrArray         *base,
                                             GPtrArray         *side);
/* NULL and "" are the same text. */
gboolean     _racimo_compare_text_equal     (const char        *a,
                                             const char        *b);
/* The item of @project with the id of @item, of the same type, or NULL. */
RacimoItem  *_racimo_compare_find           (RacimoProject     *project,
                                             RacimoItem        *item);
/* The codes of the cell, 0 when @project lacks the activity or the role. */
RacimoCodes  _racimo_compare_codes          (RacimoProject     *project,
                                             const char        *activity_id,
                                             const char        *role_id);
/* The note of the cell, NULL when there is none. */
const char  *_racimo_compare_note           (RacimoProject     *project,
                                             const char        *activity_id,
                                             const char        *role_id);
/* The waiver of @check on the item, NULL for none; @item may be NULL. */
const char  *_racimo_compare_waiver         (RacimoItem        *item,
                                             const char        *check);
/* Every check id that @a or @b waives, each once, in the order of the
 * check table (unknown ids last). */
GPtrArray   *_racimo_compare_waived_checks  (RacimoItem        *a,
                                             RacimoItem        *b);
/* The ids of the members of @role, in order; empty for NULL. */
GPtrArray   *_racimo_compare_members        (RacimoRole        *role);
gboolean     _racimo_compare_conflict_equal (const RacimoConflict *a,
                                             const RacimoConflict *b);
gboolean     _racimo_compare_conflicts_equal (RacimoItem       *a,
                                              RacimoItem       *b);
/* A person, a role, a phase or an activity (without its cells) that
 * differs in what it says of itself. */
gboolean     _racimo_compare_own_equal      (RacimoItem        *a,
                                             RacimoItem        *b);
/* Every cell and note of @activity_id equal in @a and @b, over the roles
 * of both. */
gboolean     _racimo_compare_row_equal      (RacimoProject     *a,
                                             RacimoProject     *b,
                                             const char        *activity_id);
/* Every cell and note of @role_id equal, over the activities of both. */
gboolean     _racimo_compare_column_equal   (RacimoProject     *a,
                                             RacimoProject     *b,
                                             const char        *role_id);

/* "Role “Lead”", "Activity “Train” (Build)": how the diff's lines name
 * an item. */
char        *_racimo_compare_label          (RacimoItem        *item);
/* The item's name, or its id when it has none. */
const char  *_racimo_compare_name_of        (RacimoItem        *item);
/* "R A", or "nothing" for no codes. */
char        *_racimo_compare_codes_text     (RacimoProject     *project,
                                             RacimoCodes        codes);

/* One line of racimo_diff (), and what it is about: its item (in the new
 * copy, or the old one for a removal; NULL for the project itself), the
 * kind and field of the change, and its key: the check of a waiver, the
 * person of a membership, the role of a cell or a note. */
typedef struct
{
  char                  *text;
  RacimoItem            *item;
  RacimoDifferenceKind   kind;
  RacimoDifferenceField  field;
  char                  *key;
} RacimoDiffLine;

void         _racimo_diff_line_free         (RacimoDiffLine    *line);
/* racimo_diff ()'s lines with what each is about: the one source of the
 * sentences of `racimo --diff` and of compare mode; without @cells, none
 * of the lines of cells and notes (compare mode finds those its way). */
GPtrArray   *_racimo_diff_lines             (RacimoProject     *old_project,
                                             RacimoProject     *new_project,
                                             gboolean           cells);

/* A copy of @item of another project, its id kept, without its place,
 * members or cells. */
RacimoItem  *_racimo_compare_copy_item      (RacimoItem        *item);

/* Removes a person, a role, a phase or an activity, with history. */
void         _racimo_compare_remove         (RacimoProject     *project,
                                             RacimoItem        *item);

G_END_DECLS
