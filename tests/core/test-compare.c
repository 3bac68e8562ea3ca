/* test-compare.c: the diff of two copies and the three-way merge
 *
 * The merge cases of issue 21, each with the merged project and the
 * number of conflicts a user gets, then the properties of the merge and
 * the diff over random projects with random edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "racimo-compare.h"
#include "racimo-file.h"
#include "racimo-large-project.h"
#include "racimo-random-edit.h"
#include "racimo-test.h"

#define HEAD(title) "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.1\"><title>" title \
                    "</title>"
#define ROLES "<roles><role id=\"ds\"><name>Data scientist</name></role>" \
              "<role id=\"mle\"><name>ML engineer</name></role></roles>"
#define A1(cells) "<activity id=\"a1\"><name>Train</name>" cells "</activity>"
#define A2(cells) "<activity id=\"a2\"><name>Deploy</name>" cells "</activity>"
#define A3(cells) "<activity id=\"a3\"><name>Watch</name>" cells "</activity>"
#define P1(acts) "<phase id=\"p1\"><name>Build</name>" acts "</phase>"
#define P2(acts) "<phase id=\"p2\"><name>Run</name>" acts "</phase>"
#define PROJECT(phases) HEAD ("Release") ROLES "<phases>" phases "</phases></raci-project>"
#define DS(code) "<assign role=\"ds\" code=\"" code "\"/>"
#define MLE(code) "<assign role=\"mle\" code=\"" code "\"/>"
#define WAIVER(check, reason) "<waiver check=\"" check "\">" reason "</waiver>"
#define SCHEME_PROJECT(scheme) \
  HEAD ("Release") "<scheme>" scheme "</scheme>" ROLES \
  "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>"
#define MLE_WAIVED_PROJECT(reason) \
  HEAD ("Release") "<roles><role id=\"ds\"><name>Data scientist</name></role>" \
  "<role id=\"mle\"><name>ML engineer</name>" WAIVER ("idle-role", reason) "</role></roles>" \
  "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>"

static const char base_raci[] = PROJECT (P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")));

typedef struct
{
  const char *name;
  const char *ours;
  const char *theirs;
  const char *merged;
  guint       n_conflicts;
  const char *base;  /* base_raci when NULL */
  /* What both sides changed differently and no conflict can record, as
   * racimo_merge_unrecorded () says it, a line each; NULL for nothing */
  const char *unrecorded;
} MergeCase;

static const MergeCase merge_cases[] = {
  { "ours-changes-a-cell",
    PROJECT (P1 (A1 (DS ("R") MLE ("A")) A2 ("")) P2 (A3 (""))),
    base_raci,
    PROJECT (P1 (A1 (DS ("R") MLE ("A")) A2 ("")) P2 (A3 (""))), 0 },
  { "theirs-changes-a-cell",
    base_raci,
    PROJECT (P1 (A1 (DS ("R") MLE ("C")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") MLE ("C")) A2 ("")) P2 (A3 (""))), 0 },
  { "both-the-same",
    PROJECT (P1 (A1 (DS ("R") MLE ("A")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") MLE ("A")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") MLE ("A")) A2 ("")) P2 (A3 (""))), 0 },
  { "both-different",
    PROJECT (P1 (A1 (DS ("R") MLE ("A")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") MLE ("C")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") MLE ("A")
                     "<conflict role=\"mle\" base=\"\" ours=\"A\" theirs=\"C\"/>") A2 (""))
             P2 (A3 (""))), 1 },
  { "both-different-codes-of-one-cell",
    PROJECT (P1 (A1 (DS ("R") DS ("A")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 ("") A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") DS ("A")
                     "<conflict role=\"ds\" base=\"R\" ours=\"RA\" theirs=\"\"/>") A2 (""))
             P2 (A3 (""))), 1 },
  { "rename-vs-rename",
    PROJECT (P1 ("<activity id=\"a1\"><name>Train model</name>" DS ("R") "</activity>" A2 (""))
             P2 (A3 (""))),
    PROJECT (P1 ("<activity id=\"a1\"><name>Train it</name>" DS ("R") "</activity>" A2 (""))
             P2 (A3 (""))),
    PROJECT (P1 ("<activity id=\"a1\"><name>Train model</name>" DS ("R")
                 "<conflict field=\"name\" base=\"Train\" ours=\"Train model\" "
                 "theirs=\"Train it\"/></activity>" A2 (""))
             P2 (A3 (""))), 1 },
  { "rename-vs-edit",
    PROJECT (P1 ("<activity id=\"a1\"><name>Train model</name>" DS ("R") "</activity>" A2 (""))
             P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") MLE ("C")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 ("<activity id=\"a1\"><name>Train model</name>" DS ("R") MLE ("C")
                 "</activity>" A2 (""))
             P2 (A3 (""))), 0 },
  { "delete-vs-edit",
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (MLE ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (MLE ("R") "<conflict field=\"removed\" base=\"Deploy\" "
                                  "ours=\"\" theirs=\"Deploy\"/>"))
             P2 (A3 (""))), 1 },
  { "edit-vs-delete",
    PROJECT (P1 (A1 (DS ("R")) A2 (MLE ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (MLE ("R") "<conflict field=\"removed\" base=\"Deploy\" "
                                  "ours=\"Deploy\" theirs=\"\"/>"))
             P2 (A3 (""))), 1 },
  { "delete-vs-nothing",
    base_raci,
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 (""))), 0 },
  { "move-vs-edit",
    PROJECT (P1 (A1 (DS ("R")) A2 ("") A3 ("")) P2 ("")),
    PROJECT (P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (DS ("A")))),
    PROJECT (P1 (A1 (DS ("R")) A2 ("") A3 (DS ("A"))) P2 ("")), 0 },
  { "move-vs-move",
    PROJECT (P1 (A2 ("") A1 (DS ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 ("") A2 (""))),
    PROJECT (P1 (A2 ("<conflict field=\"position\" base=\"p1\" ours=\"p1\" theirs=\"p2\"/>")
                 A1 (DS ("R"))) P2 (A3 (""))), 1 },
  { "phase-moved",
    base_raci,
    PROJECT (P2 (A3 ("")) P1 (A1 (DS ("R")) A2 (""))),
    PROJECT (P2 (A3 ("")) P1 (A1 (DS ("R")) A2 (""))), 0 },
  { "both-add-the-same-activity",
    PROJECT (P1 (A1 (DS ("R")) A2 ("") "<activity id=\"review\"><name>Review</name>" DS ("R")
                 "</activity>") P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 ("") "<activity id=\"review\"><name>Review</name>" MLE ("A")
                 "</activity>") P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 ("") "<activity id=\"review\"><name>Review</name>" DS ("R")
                 MLE ("A") "</activity>") P2 (A3 (""))), 0 },
  { "both-add-other-activities",
    PROJECT (P1 (A1 (DS ("R")) A2 ("") "<activity id=\"review\"><name>Review</name>"
                 "</activity>") P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 ("") "<activity id=\"audit\"><name>Audit</name>"
                 "</activity>") P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 ("") "<activity id=\"audit\"><name>Audit</name></activity>"
                 "<activity id=\"review\"><name>Review</name></activity>") P2 (A3 (""))), 0 },
  { "scheme-vs-code",
    HEAD ("Release") "<scheme>RASCI</scheme>" ROLES
    "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>",
    PROJECT (P1 (A1 (DS ("R") MLE ("S")) A2 ("")) P2 (A3 (""))),
    HEAD ("Release") "<scheme>RASCI</scheme>" ROLES
    "<phases>" P1 (A1 (DS ("R") MLE ("S")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>", 0 },
  { "title-vs-title",
    HEAD ("Ours") ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>",
    HEAD ("Theirs") ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>",
    HEAD ("Ours") ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (""))
    "</phases><conflict field=\"name\" base=\"Release\" ours=\"Ours\" theirs=\"Theirs\"/>"
    "</raci-project>", 1 },
  { "note-vs-member",
    PROJECT (P1 (A1 (DS ("R") "<note role=\"ds\">On the GPU box.</note>") A2 (""))
             P2 (A3 (""))),
    HEAD ("Release") "<people><person id=\"sato\"><name>Sato</name></person></people>"
    "<roles><role id=\"ds\"><name>Data scientist</name><member person=\"sato\"/></role>"
    "<role id=\"mle\"><name>ML engineer</name></role></roles>"
    "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>",
    HEAD ("Release") "<people><person id=\"sato\"><name>Sato</name></person></people>"
    "<roles><role id=\"ds\"><name>Data scientist</name><member person=\"sato\"/></role>"
    "<role id=\"mle\"><name>ML engineer</name></role></roles>"
    "<phases>" P1 (A1 (DS ("R") "<note role=\"ds\">On the GPU box.</note>") A2 ("")) P2 (A3 (""))
    "</phases></raci-project>", 0 },
  { "note-vs-note",
    PROJECT (P1 (A1 (DS ("R") "<note role=\"ds\">GPU</note>") A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") "<note role=\"ds\">CPU</note>") A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") "<note role=\"ds\">GPU</note>"
                     "<conflict role=\"ds\" field=\"note\" base=\"\" ours=\"GPU\" theirs=\"CPU\"/>")
                 A2 ("")) P2 (A3 (""))), 1 },
  { "email-vs-email",
    HEAD ("Release") "<people><person id=\"sato\" email=\"a@example.com\"><name>Sato</name>"
    "</person></people>" ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (""))
    "</phases></raci-project>",
    HEAD ("Release") "<people><person id=\"sato\" email=\"b@example.com\"><name>Sato</name>"
    "</person></people>" ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (""))
    "</phases></raci-project>",
    HEAD ("Release") "<people><person id=\"sato\" email=\"a@example.com\"><name>Sato</name>"
    "<conflict field=\"email\" base=\"\" ours=\"a@example.com\" theirs=\"b@example.com\"/>"
    "</person></people>" ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (""))
    "</phases></raci-project>", 1,
    HEAD ("Release") "<people><person id=\"sato\"><name>Sato</name>"
    "</person></people>" ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (""))
    "</phases></raci-project>" },
  { "role-removed-vs-column-edited",
    HEAD ("Release") "<roles><role id=\"ds\"><name>Data scientist</name></role></roles>"
    "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>",
    PROJECT (P1 (A1 (DS ("R")) A2 (MLE ("I"))) P2 (A3 (""))),
    HEAD ("Release") "<roles><role id=\"ds\"><name>Data scientist</name></role>"
    "<role id=\"mle\"><name>ML engineer</name>"
    "<conflict field=\"removed\" base=\"ML engineer\" ours=\"\" theirs=\"ML engineer\"/>"
    "</role></roles>"
    "<phases>" P1 (A1 (DS ("R")) A2 (MLE ("I"))) P2 (A3 ("")) "</phases></raci-project>", 1 },
  /* The format has no conflict for a scheme or a waiver: ours stays, and
   * the merge says so rather than pass for clean. */
  { "scheme-vs-scheme",
    SCHEME_PROJECT ("RASCI"),
    SCHEME_PROJECT ("DACI"),
    SCHEME_PROJECT ("RASCI"), 0, NULL,
    "Scheme changed from RACI to RASCI here and to DACI there; RASCI is kept" },
  { "scheme-vs-same-scheme",
    SCHEME_PROJECT ("RASCI"),
    SCHEME_PROJECT ("RASCI"),
    SCHEME_PROJECT ("RASCI"), 0 },
  { "scheme-vs-nothing",
    base_raci,
    SCHEME_PROJECT ("CAIRO"),
    SCHEME_PROJECT ("CAIRO"), 0 },
  { "waiver-vs-waiver",
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Never."))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))), 0, NULL,
    "Activity “Deploy” (Build): both sides changed the waiver of no-owner differently; "
    "ours is kept" },
  { "waiver-changed-vs-taken-back",
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Next week."))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Next week."))) P2 (A3 (""))), 0,
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))),
    "Activity “Deploy” (Build): both sides changed the waiver of no-owner differently; "
    "ours is kept" },
  { "waiver-vs-same-waiver",
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))), 0 },
  { "waiver-vs-nothing",
    base_raci,
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 (""))), 0 },
  { "role-waiver-vs-role-waiver",
    MLE_WAIVED_PROJECT ("A new hire starts in May."),
    MLE_WAIVED_PROJECT ("A contractor covers it."),
    MLE_WAIVED_PROJECT ("A new hire starts in May."), 0, NULL,
    "Role “ML engineer”: both sides changed the waiver of idle-role differently; ours is kept" },
  { "scheme-and-waiver-vs-both",
    HEAD ("Release") "<scheme>RASCI</scheme>" ROLES
    "<phases>" P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 ("")) "</phases>"
    "</raci-project>",
    HEAD ("Release") "<scheme>DACI</scheme>" ROLES
    "<phases>" P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Never."))) P2 (A3 ("")) "</phases>"
    "</raci-project>",
    HEAD ("Release") "<scheme>RASCI</scheme>" ROLES
    "<phases>" P1 (A1 (DS ("R")) A2 (WAIVER ("no-owner", "Later."))) P2 (A3 ("")) "</phases>"
    "</raci-project>", 0, NULL,
    "Scheme changed from RACI to RASCI here and to DACI there; RASCI is kept\n"
    "Activity “Deploy” (Build): both sides changed the waiver of no-owner differently; "
    "ours is kept" },
};

static RacimoProject *
load (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_file_load_bytes (bytes, "test.raci", &error);

  g_assert_no_error (error);
  return project;
}

static char *
canonical (RacimoProject *project)
{
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static RacimoProject *
copy (RacimoProject *project)
{
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);
  g_autoptr(GError) error = NULL;
  RacimoProject *result = racimo_file_load_bytes (bytes, "copy.raci", &error);

  g_assert_no_error (error);
  return result;
}

static void
test_merge_case (gconstpointer data)
{
  const MergeCase *test = data;
  g_autoptr(RacimoProject) base = load (test->base != NULL ? test->base : base_raci);
  g_autoptr(RacimoProject) ours = load (test->ours);
  g_autoptr(RacimoProject) theirs = load (test->theirs);
  g_autoptr(RacimoProject) expected = load (test->merged);
  g_autofree char *expected_text = canonical (expected);
  g_autofree char *merged_text = NULL;
  g_autoptr(GPtrArray) unrecorded = racimo_merge_unrecorded (base, ours, theirs);
  g_autofree char *unrecorded_text = NULL;
  guint n_conflicts;

  g_ptr_array_add (unrecorded, NULL);
  unrecorded_text = g_strjoinv ("\n", (char **) unrecorded->pdata);
  g_assert_cmpstr (unrecorded_text, ==, test->unrecorded != NULL ? test->unrecorded : "");

  n_conflicts = racimo_merge (base, ours, theirs);
  merged_text = canonical (ours);
  g_assert_cmpstr (merged_text, ==, expected_text);
  g_assert_cmpuint (n_conflicts, ==, test->n_conflicts);
}

typedef struct
{
  const char *name;  /* a case of merge_cases */
  const char *item;  /* the id of the item with the conflict, NULL for the project */
  const char *mine;  /* the project after Keep Mine */
  const char *theirs; /* after Take Theirs */
} ResolveCase;

static const ResolveCase resolve_cases[] = {
  { "both-different", "a1",
    PROJECT (P1 (A1 (DS ("R") MLE ("A")) A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") MLE ("C")) A2 ("")) P2 (A3 (""))) },
  { "rename-vs-rename", "a1",
    PROJECT (P1 ("<activity id=\"a1\"><name>Train model</name>" DS ("R") "</activity>" A2 (""))
             P2 (A3 (""))),
    PROJECT (P1 ("<activity id=\"a1\"><name>Train it</name>" DS ("R") "</activity>" A2 (""))
             P2 (A3 (""))) },
  { "delete-vs-edit", "a2",
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R")) A2 (MLE ("R"))) P2 (A3 (""))) },
  { "edit-vs-delete", "a2",
    PROJECT (P1 (A1 (DS ("R")) A2 (MLE ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 (""))) },
  { "move-vs-move", "a2",
    PROJECT (P1 (A2 ("") A1 (DS ("R"))) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R"))) P2 (A3 ("") A2 (""))) },
  { "note-vs-note", "a1",
    PROJECT (P1 (A1 (DS ("R") "<note role=\"ds\">GPU</note>") A2 ("")) P2 (A3 (""))),
    PROJECT (P1 (A1 (DS ("R") "<note role=\"ds\">CPU</note>") A2 ("")) P2 (A3 (""))) },
  { "title-vs-title", NULL,
    HEAD ("Ours") ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 ("")) "</phases></raci-project>",
    HEAD ("Theirs") ROLES "<phases>" P1 (A1 (DS ("R")) A2 ("")) P2 (A3 (""))
    "</phases></raci-project>" },
};

/* Keep Mine and Take Theirs on a conflict a merge wrote, each one step
 * that undo takes back. */
static void
test_resolve_case (gconstpointer data)
{
  const ResolveCase *test = data;
  const MergeCase *merge_case = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    if (g_str_equal (merge_cases[i].name, test->name))
      merge_case = &merge_cases[i];
  g_assert_nonnull (merge_case);

  for (guint take = 0; take < 2; take++)
    {
      g_autoptr(RacimoProject) project = load (merge_case->merged);
      g_autoptr(RacimoProject) expected = load (take ? test->theirs : test->mine);
      g_autofree char *before = canonical (project);
      g_autofree char *expected_text = canonical (expected);
      g_autofree char *resolved = NULL;
      g_autofree char *undone = NULL;
      RacimoItem *item = test->item != NULL ? racimo_project_lookup (project, test->item) : NULL;

      if (take)
        racimo_merge_take_theirs (project, item, 0);
      else
        racimo_merge_keep_mine (project, item, 0);
      resolved = canonical (project);
      g_assert_cmpstr (resolved, ==, expected_text);

      racimo_history_undo (racimo_project_get_history (project));
      undone = canonical (project);
      g_assert_cmpstr (undone, ==, before);
    }
}

static void
assert_diff (RacimoProject      *old_project,
             RacimoProject      *new_project,
             const char * const *lines)
{
  g_autoptr(GPtrArray) diff = racimo_diff (old_project, new_project);
  g_autofree char *got = NULL;
  g_autofree char *want = g_strjoinv ("\n", (char **) lines);

  g_ptr_array_add (diff, NULL);
  got = g_strjoinv ("\n", (char **) diff->pdata);
  g_assert_cmpstr (got, ==, want);
}

static void
test_diff_words (void)
{
  g_autoptr(RacimoProject) old_project = load (base_raci);
  g_autoptr(RacimoProject) new_project = load (
    HEAD ("Release 2") "<scheme>RASCI</scheme>"
    "<roles><role id=\"mle\"><name>ML engineer</name></role>"
    "<role id=\"ds\" abbrev=\"DS\"><name>Product scientist</name>"
    "<description>Owns the model.</description></role>"
    "<role id=\"ux\"><name>UX designer</name></role></roles>"
    "<phases>" P2 (A3 ("")) P1 ("<activity id=\"a1\" applicable=\"no\"><name>Train</name>"
                                DS ("R") DS ("A") "<note role=\"ds\">GPU</note>"
                                "<waiver check=\"no-owner\">Later.</waiver></activity>"
                                "<activity id=\"legal\"><name>Legal review</name>"
                                MLE ("C") "</activity>")
    "</phases></raci-project>");
  static const char * const expected[] = {
    "Title changed from “Release” to “Release 2”",
    "Scheme changed from RACI to RASCI",
    "Role “ML engineer” moved to the top",
    "Role “Data scientist” renamed to “Product scientist”",
    "Role “Product scientist”: abbreviation set to “DS”",
    "Role “Product scientist”: description changed",
    "Role “UX designer” added",
    "Phase “Run” moved to the top",
    "Activity “Train” (Build) marked as not applicable",
    "Activity “Train” (Build): finding no-owner waived",
    "Activity “Train” (Build): Product scientist R → R A",
    "Activity “Train” (Build): note for Product scientist added",
    "Activity “Legal review” added to phase “Build”",
    "Activity “Legal review” (Build): ML engineer nothing → C",
    "Activity “Deploy” removed from phase “Build”",
    NULL
  };
  static const char * const nothing[] = { NULL };

  assert_diff (old_project, new_project, expected);
  assert_diff (old_project, old_project, nothing);
  assert_diff (new_project, new_project, nothing);
}

/* merge (@base, @ours, @theirs), on copies, is clean and says @expected. */
static void
assert_merges_to (RacimoProject *base,
                  RacimoProject *ours,
                  RacimoProject *theirs,
                  const char    *expected)
{
  g_autoptr(RacimoProject) merged = copy (ours);
  g_autoptr(RacimoProject) other = copy (theirs);
  g_autofree char *text = NULL;

  g_assert_cmpuint (racimo_merge (base, merged, other), ==, 0);
  text = canonical (merged);
  g_assert_cmpstr (text, ==, expected);
}

/* The properties of the merge: merge (B, X, B) = X, merge (B, B, Y) = Y,
 * merge (B, X, X) = X, the diff of a copy with itself is empty and an
 * empty diff means the same file, over random projects and random edits. */
static void
test_merge_properties (void)
{
  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(RacimoProject) generated = racimo_large_project_new (
        (guint) g_test_rand_int_range (2, 12), (guint) g_test_rand_int_range (1, 4),
        (guint) g_test_rand_int_range (1, 5), (guint32) g_test_rand_int ());
      g_autoptr(RacimoProject) base = copy (generated);
      g_autoptr(RacimoProject) x = copy (base);
      g_autoptr(RacimoProject) y = copy (base);
      g_autofree char *x_text = NULL;
      g_autofree char *y_text = NULL;
      g_autofree char *base_text = canonical (base);
      int n_edits = g_test_rand_int_range (1, 10);

      for (int i = 0; i < n_edits; i++)
        {
          racimo_random_edit (x);
          racimo_random_edit (y);
        }
      x_text = canonical (x);
      y_text = canonical (y);

      assert_merges_to (base, x, base, x_text);
      assert_merges_to (base, base, y, y_text);
      assert_merges_to (base, x, x, x_text);
      {
        g_autoptr(GPtrArray) same = racimo_diff (x, x);
        g_autoptr(GPtrArray) changes = racimo_diff (base, x);

        g_assert_cmpuint (same->len, ==, 0);
        /* Not the other way round: a model can differ in what its file
         * cannot say (a member whose name is empty). */
        if (changes->len == 0)
          g_assert_cmpstr (base_text, ==, x_text);
      }
      {
        /* Both sides' edits: whatever the conflicts, the result is a
         * project the reader takes back. */
        g_autoptr(RacimoProject) ours = copy (x);
        g_autoptr(RacimoProject) reread = NULL;

        racimo_merge (base, ours, y);
        reread = copy (ours);
        g_assert_nonnull (reread);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/merge/case/%s", merge_cases[i].name);

      g_test_add_data_func (path, &merge_cases[i], test_merge_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (resolve_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/merge/resolve/%s", resolve_cases[i].name);

      g_test_add_data_func (path, &resolve_cases[i], test_resolve_case);
    }
  g_test_add_func ("/merge/properties", test_merge_properties);
  g_test_add_func ("/diff/words", test_diff_words);

  return g_test_run ();
}
