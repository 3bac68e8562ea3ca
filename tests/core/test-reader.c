/* test-reader.c: what a user gets from opening the files of tests/files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "racimo-checks.h"
#include "racimo-core-private.h"
#include "racimo-xml-gate-private.h"
#include "racimo-file.h"
#include "racimo-test.h"

static GFile *
good_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", name, NULL);

  return g_file_new_for_path (path);
}

static RacimoProject *
load_good (const char *name)
{
  g_autoptr(GFile) file = good_file (name);
  g_autoptr(GError) error = NULL;
  RacimoProject *project = racimo_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static RacimoItem *
lookup (RacimoProject *project,
        const char    *id)
{
  RacimoItem *item = racimo_project_lookup (project, id);

  g_assert_nonnull (item);
  return item;
}

static RacimoCodes
codes_of (RacimoProject *project,
          const char    *activity,
          const char    *role)
{
  return racimo_activity_get_codes (RACIMO_ACTIVITY (lookup (project, activity)),
                                    RACIMO_ROLE (lookup (project, role)));
}

/* The value of a kept attribute, or of the @n-th kept node of @parent
 * after @anchor when @qname is NULL. */
static const char *
find_foreign (GPtrArray  *foreign,
              const char *parent,
              const char *anchor,
              const char *qname,
              guint       n)
{
  for (guint i = 0; foreign != NULL && i < foreign->len; i++)
    {
      RacimoForeign *entry = g_ptr_array_index (foreign, i);

      if (g_strcmp0 (entry->parent, parent) != 0)
        continue;

      if (qname != NULL ? g_strcmp0 (entry->qname, qname) == 0
                        : entry->qname == NULL && g_strcmp0 (entry->anchor, anchor) == 0)
        {
          if (n == 0)
            return entry->value;
          n--;
        }
    }

  return NULL;
}

static guint
count_foreign (GPtrArray *foreign)
{
  return foreign != NULL ? foreign->len : 0;
}

static void
test_format_example (void)
{
  g_autoptr(RacimoProject) project = load_good ("format-example.raci");
  RacimoRole *manager;
  RacimoPhase *phase;
  RacimoActivity *legal;
  RacimoItem *pick;

  g_assert_cmpstr (racimo_project_get_title (project), ==, "ML system deployment");
  g_assert_cmpstr (racimo_project_get_description (project), ==,
                   "Who does what when a model moves from experiment to production.");
  g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, "RACI");
  g_assert_cmpuint (racimo_project_get_version_minor (project), ==, 0);

  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 2);
  manager = racimo_project_get_role (project, 0);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (manager)), ==, "account-manager");
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (manager)), ==, "Account manager");
  g_assert_cmpstr (racimo_role_get_abbrev (manager), ==, "AM");
  g_assert_cmpstr (racimo_role_get_person (manager), ==, "Sato Hanako");
  g_assert_cmpstr (racimo_item_get_description (RACIMO_ITEM (manager)), ==,
                   "Wins the go-ahead from management and the business side.");
  g_assert_cmpuint (racimo_item_get_line (RACIMO_ITEM (manager)), ==, 7);
  g_assert_null (racimo_role_get_person (racimo_project_get_role (project, 1)));

  g_assert_cmpuint (racimo_project_get_n_phases (project), ==, 1);
  phase = racimo_project_get_phase (project, 0);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (phase)), ==, "Requirements");
  g_assert_cmpuint (racimo_phase_get_n_activities (phase), ==, 3);
  g_assert_cmpuint (racimo_project_get_n_activities (project), ==, 3);
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (racimo_phase_get_activity (phase, 2))), ==,
                   "pick-model");

  g_assert_cmpuint (codes_of (project, "define-kpis", "account-manager"), ==,
                    racimo_test_codes ("RA"));
  g_assert_cmpuint (codes_of (project, "define-kpis", "data-scientist"), ==,
                    racimo_test_codes ("C"));
  g_assert_cmpuint (racimo_item_get_line (lookup (project, "define-kpis")), ==, 19);
  g_assert_cmpstr (racimo_item_get_description (lookup (project, "define-kpis")), ==,
                   "Optional, may span lines.");

  legal = RACIMO_ACTIVITY (lookup (project, "legal-review"));
  g_assert_false (racimo_activity_get_applicable (legal));
  g_assert_cmpuint (racimo_activity_get_all_codes (legal), ==, 0);
  pick = lookup (project, "pick-model");
  g_assert_true (racimo_activity_get_applicable (RACIMO_ACTIVITY (pick)));

  g_assert_cmpuint (racimo_item_get_n_waivers (pick), ==, 1);
  g_assert_cmpstr (racimo_item_get_waiver_reason (pick, "no-doer"), ==,
                   "The data scientist does this alone.");

  g_assert_cmpuint (count_foreign (_racimo_project_get_foreign (project)), ==, 0);
  g_assert_cmpuint (count_foreign (_racimo_item_get_foreign (pick)), ==, 0);
}

static void
test_schemes (void)
{
  static const struct { const char *file; const char *scheme; char code; } cases[] = {
    { "scheme-rasci.raci", "RASCI", 'S' },
    { "scheme-raci-vs.raci", "RACI-VS", 'V' },
    { "scheme-cairo.raci", "CAIRO", 'O' },
    { "scheme-daci.raci", "DACI", 'D' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RacimoProject) project = load_good (cases[i].file);
      const RacimoScheme *scheme = racimo_project_get_scheme (project);

      g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, cases[i].scheme);
      g_assert_cmpstr (scheme->id, ==, cases[i].scheme);
      g_assert_cmpuint (codes_of (project, "task", "helper"), ==, RACIMO_CODE_BIT (cases[i].code));
      g_assert_cmpint (racimo_scheme_code_index (scheme, cases[i].code), >=, 0);
    }

  {
    g_autoptr(RacimoProject) project = load_good ("scheme-default.raci");

    g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, "RACI");
    g_assert_cmpuint (codes_of (project, "plan", "lead"), ==, racimo_test_codes ("RA"));
  }
}

static void
test_multiple_codes (void)
{
  g_autoptr(RacimoProject) project = load_good ("multiple-codes.raci");

  /* The same code twice is one code. */
  g_assert_cmpuint (codes_of (project, "sign-off", "pm"), ==, racimo_test_codes ("RA"));
  g_assert_cmpuint (codes_of (project, "sign-off", "qa"), ==, racimo_test_codes ("CVS"));
}

static void
test_unknown_code (void)
{
  g_autoptr(RacimoProject) project = load_good ("unknown-code.raci");
  g_autoptr(RacimoChecks) checks = racimo_checks_new (project);

  g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, "RACI");
  g_assert_cmpuint (codes_of (project, "code", "dev"), ==, racimo_test_codes ("RASZ"));
  /* Kept, shown and reported by the unknown-code check. */
  g_assert_true (racimo_checks_item_has (checks, lookup (project, "code"),
                                         RACIMO_CHECK_UNKNOWN_CODE));
}

static void
test_not_applicable (void)
{
  g_autoptr(RacimoProject) project = load_good ("not-applicable.raci");

  g_assert_false (racimo_activity_get_applicable (RACIMO_ACTIVITY (lookup (project, "gdpr"))));
  g_assert_true (racimo_activity_get_applicable (RACIMO_ACTIVITY (lookup (project, "contract"))));
}

static void
test_waivers (void)
{
  g_autoptr(RacimoProject) project = load_good ("waivers.raci");
  RacimoItem *ship = lookup (project, "ship");

  g_assert_cmpstr (racimo_item_get_waiver_reason (lookup (project, "auditor"), "idle-role"), ==,
                   "Only reads the final report.");
  g_assert_cmpstr (racimo_item_get_waiver_reason (lookup (project, "phase-1"), "unnamed"), ==,
                   "One group only.");
  g_assert_cmpuint (racimo_item_get_n_waivers (ship), ==, 2);
  g_assert_cmpstr (racimo_item_get_waiver_reason (ship, "unknown-code"), ==, "");
  g_assert_cmpstr (racimo_item_get_waiver_reason (ship, "no-owner"), ==,
                   "The team owns it together.\nAgreed in the kick-off.");
  g_assert_null (racimo_item_get_waiver_reason (ship, "no-doer"));
}

static void
test_empty_phase_name (void)
{
  g_autoptr(RacimoProject) project = load_good ("empty-phase-name.raci");
  RacimoPhase *phase = racimo_project_get_phase (project, 0);

  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (phase)), ==, "");
  g_assert_cmpuint (racimo_phase_get_n_activities (phase), ==, 2);
}

static void
test_multiline (void)
{
  g_autoptr(RacimoProject) project = load_good ("multiline.raci");

  g_assert_cmpstr (racimo_project_get_description (project), ==,
                   "First line.\n  Second line, indented.\n\nAfter an empty line.");
  g_assert_cmpstr (racimo_role_get_person (RACIMO_ROLE (lookup (project, "writer"))), ==,
                   "  Two spaces before, one after ");
  g_assert_cmpstr (racimo_item_get_description (lookup (project, "writer")), ==,
                   "\nStarts and ends with a line break.\n");
  g_assert_cmpstr (racimo_item_get_description (lookup (project, "draft")), ==,
                   "A phase may have a description.");
  g_assert_cmpstr (racimo_item_get_name (lookup (project, "write")), ==, "Write\twith a tab");
  g_assert_cmpstr (racimo_item_get_description (lookup (project, "write")), ==,
                   "Line one\nLine two");
}

static void
test_japanese (void)
{
  g_autoptr(RacimoProject) project = load_good ("japanese.raci");
  RacimoRole *manager = RACIMO_ROLE (lookup (project, "account-manager"));

  g_assert_cmpstr (racimo_project_get_title (project), ==, "機械学習システムの本番導入");
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (manager)), ==, "アカウントマネージャー");
  g_assert_cmpstr (racimo_role_get_abbrev (manager), ==, "営業");
  g_assert_cmpstr (racimo_role_get_person (manager), ==, "佐藤花子");
  g_assert_cmpstr (racimo_item_get_waiver_reason (lookup (project, "define-kpis"), "no-doer"), ==,
                   "担当者は後で決める。");
}

/* Every encoding and spelling of XML that a colleague's tool may use gives
 * the same project. */
static void
test_encodings (void)
{
  static const struct { const char *file; const char *what; } cases[] = {
    { "latin1.raci", "ISO-8859-1" },
    { "utf16.raci", "UTF-16" },
    { "crlf.raci", "CRLF line ends" },
    { "bom.raci", "UTF-8 byte order mark" },
    { "single-quotes.raci", "single quotes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RacimoProject) project = load_good (cases[i].file);
      g_autofree char *title = g_strconcat ("Café für Ærø: ", cases[i].what, NULL);
      RacimoRole *chef = RACIMO_ROLE (lookup (project, "chef"));

      g_test_message ("%s", cases[i].file);
      g_assert_cmpstr (racimo_project_get_title (project), ==, title);
      g_assert_cmpstr (racimo_role_get_person (chef), ==, "Zoë Müller");
      g_assert_cmpstr (racimo_role_get_abbrev (chef), ==, "Ch");
      g_assert_cmpstr (racimo_item_get_name (lookup (project, "menu")), ==, "Menü");
      g_assert_cmpstr (racimo_item_get_name (lookup (project, "soup")), ==, "Soupe à l'oignon");
      g_assert_cmpuint (codes_of (project, "soup", "chef"), ==, racimo_test_codes ("A"));
      g_assert_cmpuint (racimo_item_get_line (lookup (project, "soup")), ==, 14);
    }
}

static void
test_escaping (void)
{
  g_autoptr(RacimoProject) project = load_good ("escaping.raci");
  RacimoRole *role = RACIMO_ROLE (lookup (project, "r-and-d"));

  g_assert_cmpstr (racimo_project_get_title (project), ==,
                   "R&D <beta> \"quoted\" 'single' été 😀");
  g_assert_cmpstr (racimo_role_get_abbrev (role), ==, "R&D\"<>");
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (role)), ==, "Research & development");
  g_assert_cmpstr (racimo_role_get_person (role), ==, "<Sato & Suzuki>");
  g_assert_cmpstr (racimo_item_get_name (lookup (project, "p")), ==, "a > b");
  g_assert_cmpstr (racimo_item_get_name (lookup (project, "a")), ==, "Don't & won't");
}

static void
test_prefix (void)
{
  g_autoptr(RacimoProject) project = load_good ("prefix.raci");

  g_assert_cmpstr (racimo_project_get_title (project), ==, "Our namespace with a prefix");
  g_assert_cmpuint (codes_of (project, "monitor", "ops"), ==, racimo_test_codes ("RA"));
  /* Our namespace is declared once, as the default: whatever prefix the
   * file used is not kept (foreign content that uses it declares it). */
  g_assert_null (find_foreign (_racimo_project_get_foreign (project), NULL, NULL, "xmlns:r", 0));
}

/* docs/file-format.md, "Canonical output": the same project with our
 * namespace under a prefix or as the default one gives the same bytes. */
static void
test_prefix_round_trip (void)
{
  g_autoptr(RacimoProject) prefixed = load_good ("prefix.raci");
  g_autoptr(RacimoProject) unprefixed = load_good ("prefix-default.raci");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good",
                                                 "prefix-default.raci", NULL);
  g_autoptr(GBytes) prefixed_bytes = racimo_file_serialize (prefixed);
  g_autoptr(GBytes) unprefixed_bytes = racimo_file_serialize (unprefixed);
  g_autoptr(GBytes) canonical = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_bytes_equal (prefixed_bytes, unprefixed_bytes));

  /* And that form is the default-namespace file, which is canonical. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  canonical = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (unprefixed_bytes, canonical));
}

static void
test_no_declaration (void)
{
  g_autoptr(RacimoProject) project = load_good ("no-declaration.raci");

  g_assert_cmpstr (racimo_project_get_title (project), ==, "No XML declaration, one line");
  g_assert_cmpuint (codes_of (project, "x", "a"), ==, racimo_test_codes ("A"));
  /* Kept as written, not as character references */
  g_assert_cmpstr (find_foreign (_racimo_project_get_foreign (project), NULL, "title", NULL, 0),
                   ==, "<x:note x:who=\"Zoë\">日本語 &amp; ü</x:note>");
}

static void
test_foreign (void)
{
  g_autoptr(RacimoProject) project = load_good ("foreign.raci");
  GPtrArray *foreign = _racimo_project_get_foreign (project);
  GPtrArray *am = _racimo_item_get_foreign (lookup (project, "am"));
  GPtrArray *kpis = _racimo_item_get_foreign (lookup (project, "kpis"));
  GPtrArray *phase = _racimo_item_get_foreign (lookup (project, "requirements"));

  /* Attributes and namespace declarations, on the element they sit on */
  g_assert_cmpstr (find_foreign (foreign, NULL, NULL, "xmlns:pt", 0), ==, "urn:example:plantool");
  g_assert_cmpstr (find_foreign (foreign, NULL, NULL, "pt:revision", 0), ==, "17");
  g_assert_cmpstr (find_foreign (foreign, "title", NULL, "xml:lang", 0), ==, "en");
  g_assert_cmpstr (find_foreign (foreign, "scheme", NULL, "pt:locked", 0), ==, "yes");
  g_assert_cmpstr (find_foreign (foreign, "roles", NULL, "pt:sorted", 0), ==, "no");
  g_assert_cmpstr (find_foreign (am, NULL, NULL, "pt:color", 0), ==, "#c01c28");
  g_assert_cmpstr (find_foreign (am, "person", NULL, "pt:email", 0), ==, "sato@example.com");
  g_assert_cmpstr (find_foreign (am, "waiver idle-role", NULL, "pt:by", 0), ==, "lead");
  g_assert_cmpstr (find_foreign (kpis, "assign am A", NULL, "pt:confirmed", 0), ==, "yes");
  g_assert_cmpstr (find_foreign (phase, NULL, NULL, "pt:weeks", 0), ==, "3");
  g_assert_cmpstr (find_foreign (_racimo_item_get_foreign (lookup (project, "data")), NULL, NULL,
                                 "pt:note", 0), ==, "two\nlines\tand a tab");

  /* Nodes, as they are in the file, after the known element before them */
  g_assert_cmpstr (find_foreign (foreign, NULL, "", NULL, 0), ==,
                   "<!-- Exported by PlanTool 4.2 -->");
  g_assert_cmpstr (find_foreign (foreign, NULL, "", NULL, 1), ==, "<?plantool mode=\"sync\"?>");
  g_assert_cmpstr (find_foreign (foreign, NULL, "", NULL, 2), ==,
                   "<pt:sync last=\"2024-05-01T10:00:00Z\" by=\"sato\">\n"
                   "    <pt:source>shared drive</pt:source>\n"
                   "  </pt:sync>");
  g_assert_cmpstr (find_foreign (foreign, NULL, "title", NULL, 0), ==,
                   "<dc:creator>Sato Hanako</dc:creator>");
  g_assert_cmpstr (find_foreign (foreign, NULL, "scheme", NULL, 0), ==,
                   "<!-- before the roles -->");
  g_assert_cmpstr (find_foreign (foreign, "roles", "", NULL, 0), ==,
                   "<pt:group name=\"business\"/>");
  g_assert_cmpstr (find_foreign (foreign, "roles", "role am", NULL, 0), ==,
                   "<pt:group name=\"engineering\"/>");
  g_assert_cmpstr (find_foreign (foreign, "roles", "role ds", NULL, 0), ==,
                   "<!-- after the last role -->");
  g_assert_cmpstr (find_foreign (foreign, NULL, NULL, "xmlns:q", 0), ==,
                   "http://example.org/ns?a=1&b=2");
  g_assert_cmpstr (find_foreign (foreign, NULL, "phases", NULL, 0), ==,
                   "<pt:footer q:kind=\"query &amp; more\"/>");
  g_assert_cmpstr (find_foreign (foreign, NULL, "phases", NULL, 1), ==,
                   "<!-- end of export -->");
  g_assert_cmpstr (find_foreign (am, NULL, "", NULL, 0), ==, "<pt:avatar href=\"am.png\"/>");
  g_assert_cmpstr (find_foreign (am, NULL, "name", NULL, 0), ==, "<pt:hours>20</pt:hours>");
  g_assert_cmpstr (find_foreign (am, NULL, "waiver idle-role", NULL, 0), ==, "<pt:end/>");
  g_assert_cmpstr (find_foreign (phase, NULL, "name", NULL, 0), ==,
                   "<pt:milestone date=\"2024-06-01\"/>");
  g_assert_cmpstr (find_foreign (phase, NULL, "activity kpis", NULL, 0), ==,
                   "<!-- between activities -->");
  g_assert_cmpstr (find_foreign (kpis, "assign ds R", "", NULL, 0), ==,
                   "<pt:note>Needs the data first.</pt:note>");
  /* Another default namespace is declared where it is used, since the
   * file is written back inside Racimo's. */
  g_assert_cmpstr (find_foreign (kpis, NULL, "assign ds R", NULL, 0), ==,
                   "<note xmlns=\"urn:example:notes\" level=\"2\">Default namespace of another "
                   "tool, <b>bold</b> and 日本語.</note>");
  g_assert_cmpstr (find_foreign (kpis, NULL, "assign ds R", NULL, 1), ==,
                   "<pt:raw><![CDATA[a < b && c > d]]></pt:raw>");

  /* Text around a comment in a text element is the text; the comment
   * keeps its place in it: after "Text ", 5 bytes. */
  g_assert_cmpstr (racimo_project_get_description (project), ==, "Text kept.");
  g_assert_cmpstr (find_foreign (foreign, "description", "@5", NULL, 0), ==,
                   "<!-- a comment inside text -->");

  /* and the project is what it would be without the foreign content */
  g_assert_cmpstr (racimo_project_get_title (project), ==, "Foreign content everywhere");
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 2);
  g_assert_cmpuint (codes_of (project, "kpis", "ds"), ==, racimo_test_codes ("R"));
  g_assert_cmpstr (racimo_role_get_person (RACIMO_ROLE (lookup (project, "am"))), ==,
                   "Sato Hanako");
}

static void
test_foreign_no_namespace (void)
{
  g_autoptr(RacimoProject) project = load_good ("foreign-no-namespace.raci");
  GPtrArray *foreign = _racimo_project_get_foreign (project);

  /* Written back under Racimo's default namespace, it says it has none. */
  g_assert_cmpstr (find_foreign (foreign, NULL, "title", NULL, 0), ==,
                   "<extra xmlns=\"\" kind=\"no namespace\">kept apart from Racimo's own</extra>");
  /* and so do the elements in no namespace inside one of a newer version */
  g_assert_cmpstr (find_foreign (foreign, NULL, "title", NULL, 1), ==,
                   "<r:later-thing xmlns=\"\">\n"
                   "    <part>In no namespace either, inside an element of a newer Racimo</part>\n"
                   "  </r:later-thing>");
}

static void
test_namespace_ampersand (void)
{
  g_autoptr(RacimoProject) project = load_good ("namespace-ampersand.raci");
  GPtrArray *foreign = _racimo_project_get_foreign (project);
  const char *thing = find_foreign (foreign, NULL, "title", NULL, 0);

  /* The declaration Racimo writes itself holds the real name */
  g_assert_cmpstr (find_foreign (foreign, NULL, NULL, "xmlns:q", 0), ==,
                   "http://example.org/ns?a=1&b=2");
  g_assert_cmpstr (find_foreign (foreign, NULL, NULL, "q:kind", 0), ==, "a & b");
  /* One inside foreign content is as libxml2 writes it, which reads back
   * the same: with a character reference in 2.9 */
  g_assert_true (g_strcmp0 (thing, "<z:thing xmlns:z=\"urn:example:z?x&#38;y\" z:n=\"&amp;\">"
                                   "&amp;</z:thing>") == 0
                 || g_strcmp0 (thing, "<z:thing xmlns:z=\"urn:example:z?x&amp;y\" "
                                      "z:n=\"&amp;\">&amp;</z:thing>") == 0);
}

static void
test_newer_minor (void)
{
  g_autoptr(RacimoProject) project = load_good ("newer-minor.raci");
  GPtrArray *foreign = _racimo_project_get_foreign (project);
  RacimoItem *lead = lookup (project, "lead");
  RacimoItem *a1 = lookup (project, "a1");

  g_assert_cmpuint (racimo_project_get_version_minor (project), ==, 3);
  g_assert_cmpstr (racimo_project_get_description (project), ==,
                   "Taken: the first one is empty.");
  /* An unknown scheme is kept; the checks use RACI. */
  g_assert_cmpstr (racimo_project_get_scheme_id (project), ==, "RAPID");
  g_assert_cmpstr (racimo_project_get_scheme (project)->id, ==, "RACI");

  g_assert_cmpstr (find_foreign (foreign, NULL, "description", NULL, 0), ==,
                   "<subtitle>An element that version 1.0 does not know</subtitle>");
  g_assert_cmpstr (find_foreign (foreign, "roles", "role lead", NULL, 0), ==,
                   "<team-member id=\"ghost\">\n      <name>Someone</name>\n    </team-member>");
  g_assert_null (racimo_project_lookup (project, "ghost"));
  g_assert_cmpstr (find_foreign (foreign, NULL, "roles", NULL, 0), ==,
                   "<roles>\n    <role id=\"second-list\">\n"
                   "      <name>A second list, kept after the first</name>\n"
                   "    </role>\n  </roles>");
  g_assert_null (racimo_project_lookup (project, "second-list"));
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 1);
  g_assert_cmpstr (find_foreign (foreign, "phases", "", NULL, 0), ==,
                   "Text where version 1.0 has only elements");
  g_assert_cmpstr (find_foreign (foreign, NULL, "phases", NULL, 0), ==,
                   "<history>\n    <entry date=\"2024-01-01\">Created</entry>\n  </history>");

  g_assert_cmpstr (find_foreign (_racimo_item_get_foreign (lead), NULL, NULL, "color", 0), ==,
                   "#1c71d8");
  g_assert_cmpstr (find_foreign (_racimo_item_get_foreign (lead), NULL, "name", NULL, 0), ==,
                   "<team>Platform</team>");
  g_assert_cmpstr (find_foreign (_racimo_item_get_foreign (lookup (project, "p1")), NULL, NULL,
                                 "deadline", 0), ==, "2025-01-31");

  /* A second name is kept, not taken */
  g_assert_cmpstr (racimo_item_get_name (a1), ==, "Do it");
  g_assert_cmpstr (racimo_item_get_description (a1), ==, "A description.");
  /* and stays after the first one */
  g_assert_cmpstr (find_foreign (_racimo_item_get_foreign (a1), NULL, "name", NULL, 0), ==,
                   "<name>A second name, kept and not taken</name>");
  g_assert_cmpstr (find_foreign (_racimo_item_get_foreign (a1), "assign lead D", NULL, "weight",
                                 0), ==, "2");
  g_assert_cmpuint (codes_of (project, "a1", "lead"), ==, racimo_test_codes ("D"));
  g_assert_cmpstr (racimo_item_get_waiver_reason (a1, "too-many-codes"), ==, "New in 1.3.");
  g_assert_cmpstr (racimo_item_get_waiver_reason (a1, "no-owner"), ==, "Accepted.");
}

/* Version 1.1: people in several roles, a role with several people,
 * e-mail addresses, notes with line breaks and Japanese. */
static void
test_people (void)
{
  g_autoptr(RacimoProject) project = load_good ("people.raci");
  RacimoPerson *sato, *kimura;
  RacimoRole *engineer, *reviewer, *auditor;
  RacimoActivity *first, *check;

  g_assert_cmpuint (racimo_project_get_version_minor (project), ==, 0);
  g_assert_true (racimo_project_needs_people (project));
  g_assert_cmpuint (racimo_project_get_n_people (project), ==, 4);
  sato = racimo_project_get_person (project, 0);
  kimura = racimo_project_get_person (project, 2);
  g_assert_true (RACIMO_ITEM (sato) == lookup (project, "sato-hanako"));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (sato)), ==, "Sato Hanako");
  g_assert_cmpstr (racimo_person_get_email (sato), ==, "hanako.sato@example.com");
  g_assert_null (racimo_person_get_email (racimo_project_get_person (project, 1)));
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (kimura)), ==, "木村 葵");
  g_assert_cmpuint (racimo_item_get_line (RACIMO_ITEM (kimura)), ==, 12);
  g_assert_cmpstr (racimo_item_get_waiver_reason (RACIMO_ITEM (kimura), "overloaded-person"), ==,
                   "She leads the whole release.");

  engineer = RACIMO_ROLE (lookup (project, "ml-engineer"));
  g_assert_cmpuint (racimo_role_get_n_members (engineer), ==, 3);
  g_assert_true (racimo_role_get_member (engineer, 1) == sato);
  g_assert_cmpstr (racimo_role_get_person (engineer), ==, "Lee Min, Sato Hanako, 木村 葵");
  g_assert_cmpint (racimo_role_index_of_member (RACIMO_ROLE (lookup (project, "account-manager")),
                                                sato), ==, 0);
  reviewer = RACIMO_ROLE (lookup (project, "reviewer"));
  auditor = RACIMO_ROLE (lookup (project, "auditor"));
  g_assert_cmpuint (racimo_role_get_n_members (auditor), ==, 0);
  g_assert_null (racimo_role_get_person (auditor));

  first = RACIMO_ACTIVITY (lookup (project, "first-model"));
  g_assert_cmpstr (racimo_activity_get_note (first, engineer), ==,
                   "Baseline first;\nthe fancy model only if it beats it.");
  g_assert_cmpstr (racimo_activity_get_note (first, reviewer), ==,
                   "精度が基準を下回ったら差し戻す。");
  g_assert_null (racimo_activity_get_note (first, auditor));
  check = RACIMO_ACTIVITY (lookup (project, "data-check"));
  g_assert_cmpstr (racimo_activity_get_note (check, auditor), ==,
                   "Only the <personal> fields & their sources.");
}

/* An empty person text beside members, holding only foreign content (as
 * the writer keeps what was on and in a 1.0 person text), names no
 * member. */
static void
test_people_foreign_person_text (void)
{
  g_autoptr(RacimoProject) project = load_good ("people-foreign-person-text.raci");
  RacimoRole *lead = RACIMO_ROLE (lookup (project, "lead"));
  RacimoRole *reviewer = RACIMO_ROLE (lookup (project, "reviewer"));

  g_assert_cmpuint (racimo_project_get_n_people (project), ==, 2);
  g_assert_cmpuint (racimo_role_get_n_members (lead), ==, 2);
  g_assert_true (racimo_role_get_member (lead, 0) == racimo_project_get_person (project, 0));
  g_assert_true (racimo_role_get_member (lead, 1) == racimo_project_get_person (project, 1));
  g_assert_cmpuint (racimo_role_get_n_members (reviewer), ==, 1);
  g_assert_true (racimo_role_get_member (reviewer, 0) == racimo_project_get_person (project, 1));
  g_assert_true (racimo_project_needs_people (project));
}

/* Foreign content around and inside every 1.1 element is kept, and the
 * conflicts of every kind of item are read. */
static void
test_people_foreign (void)
{
  g_autoptr(RacimoProject) project = load_good ("people-foreign.raci");
  RacimoItem *sato = lookup (project, "sato-hanako");
  RacimoItem *train = lookup (project, "train");
  const RacimoConflict *conflict;

  /* The foreign element inside the name is not text */
  g_assert_cmpstr (racimo_item_get_name (sato), ==, "Sato ");
  g_assert_cmpuint (racimo_item_get_n_conflicts (sato), ==, 1);
  conflict = racimo_item_get_conflict (sato, 0);
  g_assert_null (conflict->role);
  g_assert_cmpstr (conflict->field, ==, "email");
  g_assert_cmpstr (conflict->ours, ==, "hanako.sato@example.com");
  g_assert_cmpstr (conflict->theirs, ==, "h.sato@example.com");
  g_assert_cmpuint (racimo_item_get_n_conflicts (lookup (project, "lead")), ==, 1);
  g_assert_cmpuint (racimo_item_get_n_conflicts (lookup (project, "build")), ==, 1);
  g_assert_cmpuint (racimo_item_get_n_conflicts (train), ==, 1);
  conflict = racimo_item_get_conflict (train, 0);
  g_assert_cmpstr (conflict->role, ==, "lead");
  g_assert_null (conflict->field);
  g_assert_cmpstr (conflict->base, ==, "R");
  g_assert_cmpstr (conflict->ours, ==, "RA");
  g_assert_cmpstr (conflict->theirs, ==, "C");
  g_assert_cmpuint (racimo_project_get_n_conflicts (project), ==, 1);
  g_assert_cmpstr (racimo_project_get_conflict (project, 0)->theirs, ==,
                   "A description added by theirs.");
  g_assert_cmpstr (racimo_activity_get_note (RACIMO_ACTIVITY (train),
                                             RACIMO_ROLE (lookup (project, "lead"))),
                   ==, "See  first.");
  g_assert_cmpuint (racimo_role_get_n_members (RACIMO_ROLE (lookup (project, "lead"))), ==, 2);
}

/* A 1.0 person text is one member; a name in two roles is one person,
 * whose id takes no id of the file. */
static void
test_people_from_person_texts (void)
{
  g_autoptr(RacimoProject) project = load_good ("people-from-person-texts.raci");
  RacimoRole *lead = RACIMO_ROLE (lookup (project, "lead"));
  RacimoRole *reviewer = RACIMO_ROLE (lookup (project, "reviewer"));
  RacimoPerson *sato;

  g_assert_cmpuint (racimo_project_get_n_people (project), ==, 2);
  sato = racimo_project_get_person (project, 0);
  g_assert_cmpstr (racimo_item_get_name (RACIMO_ITEM (sato)), ==, "Sato Hanako");
  g_assert_cmpstr (racimo_item_get_id (RACIMO_ITEM (sato)), ==, "sato-hanako-2");
  g_assert_cmpuint (racimo_item_get_line (RACIMO_ITEM (sato)), ==, 8);
  g_assert_true (racimo_role_get_member (lead, 0) == sato);
  g_assert_true (racimo_role_get_member (reviewer, 0) == sato);
  g_assert_cmpstr (racimo_role_get_person (reviewer), ==, "Sato Hanako");
  g_assert_false (racimo_project_needs_people (project));
}

static void
test_etag (void)
{
  g_autoptr(GFile) file = good_file ("format-example.raci");
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  project = racimo_file_load (file, &etag, NULL, &error);
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  g_assert_cmpstr (etag, ==, g_file_info_get_etag (info));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GFile) file = good_file ("japanese.raci");
  g_autoptr(GFile) missing = good_file ("not-there.raci");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *name = g_file_get_parse_name (missing);
  g_autofree char *message = g_strconcat (name, ": the file does not exist", NULL);

  racimo_file_load_async (file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  project = racimo_file_load_finish (result, &etag, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  g_assert_cmpstr (racimo_project_get_title (project), ==, "機械学習システムの本番導入");
  g_clear_object (&result);

  racimo_file_load_async (missing, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (racimo_file_load_finish (result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, message);
}

/* Files opened at once, each in its thread, share the schema. */
static void
test_threads (void)
{
  static const char * const names[] = {
    "format-example.raci", "canonical.raci", "foreign.raci", "japanese.raci",
    "latin1.raci", "utf16.raci", "waivers.raci", "canonical-foreign.raci",
  };
  GAsyncResult *results[G_N_ELEMENTS (names)] = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = good_file (names[i]);

      racimo_file_load_async (file, NULL, on_loaded, &results[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RacimoProject) project = NULL;
      g_autoptr(GError) error = NULL;

      while (results[i] == NULL)
        g_main_context_iteration (NULL, TRUE);

      project = racimo_file_load_finish (results[i], NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (project);
      g_clear_object (&results[i]);
    }
}

static void
test_load_bytes (void)
{
  static const char text[] =
    "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\">\n"
    "  <title>From memory</title>\n"
    "  <roles>\n"
    "    <role id=\"a\"/>\n"
    "  </roles>\n"
    "</raci-project>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;

  project = racimo_file_load_bytes (bytes, "plan.raci", &error);
  g_assert_null (project);
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "plan.raci:4: the role “a” has no name");
}

static void
assert_io_error (GFile      *file,
                 GIOErrorEnum code,
                 const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = g_strconcat (name, ": ", what, NULL);
  g_autofree char *etag = NULL;

  g_assert_null (racimo_file_load (file, &etag, NULL, &error));
  g_assert_error (error, G_IO_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (etag);
}

static void
test_io_errors (void)
{
  g_autoptr(GFile) missing = good_file ("not-there.raci");
  g_autofree char *folder_path = g_test_build_filename (G_TEST_DIST, "files", "good", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

  assert_io_error (missing, G_IO_ERROR_NOT_FOUND, "the file does not exist");
  assert_io_error (folder, G_IO_ERROR_IS_DIRECTORY, "this is a folder, not a file");
}

/* A sparse file, so that the test writes no 64 MiB; never committed. */
static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("racimo-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(RacimoProject) project = NULL;
  static const char start[] = "<?xml version=\"1.0\"?>\n<raci-project";

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.raci", NULL);
  file = g_file_new_for_path (path);
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), start, sizeof start - 1, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), RACIMO_FILE_MAX_SIZE + 1, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  project = racimo_file_load (file, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_TOO_LARGE);
  message = g_strconcat (path, ": the file is larger than 64 MiB", NULL);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Linear loading (issue 17) */

static GBytes *
bytes_of_string (GString *text)
{
  return g_bytes_new (text->str, text->len);
}

static void
append_role (GString *text,
             guint    n,
             guint    n_foreign)
{
  g_string_append_printf (text, "    <role id=\"r%u\"", n);
  for (guint i = 0; i < n_foreign; i++)
    g_string_append_printf (text, " x:a%u=\"%u\"", i, i);
  g_string_append_printf (text, ">\n      <name>Role %u</name>\n    </role>\n", n);
}

/* A version 1.0 project with @n_roles roles, each with @n_foreign foreign
 * attributes, and @extra inside <roles> after them. */
static GBytes *
wide_project (guint       n_roles,
              guint       n_foreign,
              const char *extra)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<raci-project xmlns=\"urn:x-racimo:raci:1\" "
                                          "xmlns:x=\"urn:example:x\" version=\"1.0\">\n"
                                          "  <title>Wide</title>\n  <roles>\n");

  for (guint i = 0; i < n_roles; i++)
    append_role (text, i, n_foreign);
  g_string_append (text, extra);
  g_string_append (text, "  </roles>\n</raci-project>\n");

  return bytes_of_string (text);
}

/* What libxml2's RELAX NG validator takes more than linear time over
 * (many children of one parent, many attributes on one element) is
 * checked by the builder alone: the same refusals, with no validation. */
static void
test_wide_skips_schema (void)
{
  g_autoptr(GBytes) small = wide_project (10, 2, "");
  g_autoptr(GBytes) many_roles = wide_project (3000, 0, "");
  g_autoptr(GBytes) many_attributes = wide_project (10, 200, "");
  g_autoptr(GBytes) bad = wide_project (3000, 0,
                                        "    <x:wrap>\n      <role id=\"in\"><name>In</name>"
                                        "</role>\n    </x:wrap>\n");
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  before = _racimo_file_get_n_validations ();
  project = racimo_file_load_bytes (small, "small.raci", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (_racimo_file_get_n_validations (), ==, before + 1);
  g_clear_object (&project);

  before = _racimo_file_get_n_validations ();
  project = racimo_file_load_bytes (many_roles, "many-roles.raci", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 3000);
  g_clear_object (&project);

  project = racimo_file_load_bytes (many_attributes, "many-attributes.raci", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racimo_project_get_n_roles (project), ==, 10);
  g_clear_object (&project);
  g_assert_cmpuint (_racimo_file_get_n_validations (), ==, before);

  /* What only the schema used to catch, in a file too wide for it. */
  project = racimo_file_load_bytes (bad, "bad.raci", &error);
  g_assert_null (project);
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "bad.raci:9006: a role is inside content that belongs to another program "
                   "(“x:wrap”), where Racimo does not read it");
  g_assert_cmpuint (_racimo_file_get_n_validations (), ==, before);
}

/* libxml2 2.9 parses the attributes of one element in quadratic time:
 * too many are refused before it reads them, wherever they are. */
static void
test_too_many_attributes (void)
{
  g_autoptr(GString) root = g_string_new ("<?xml version=\"1.0\"?>\n<!-- <a b=\"1\" c=\"2\"> -->\n"
                                          "<raci-project xmlns=\"urn:x-racimo:raci:1\"\n"
                                          "  xmlns:x=\"urn:example:x\" version=\"1.0\"");
  g_autoptr(GBytes) limit = wide_project (3, 255, ""); /* and the id */
  g_autoptr(GBytes) over = wide_project (3, 256, "");
  g_autoptr(GBytes) wide_root = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint before = _racimo_file_get_n_validations ();

  project = racimo_file_load_bytes (limit, "limit.raci", &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  g_assert_cmpuint (_racimo_file_get_n_validations (), ==, before);

  project = racimo_file_load_bytes (over, "over.raci", &error);
  g_assert_null (project);
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "over.raci:5: <role> has more than 256 attributes; Racimo reads at most 256 "
                   "on one element");
  g_clear_error (&error);

  /* The same in UTF-16 */
  {
    g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (over, NULL),
                                                (gssize) g_bytes_get_size (over));
    g_autofree char *utf16 = NULL;
    g_autoptr(GBytes) bytes = NULL;
    gsize length = 0;

    g_string_replace (text, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
    g_string_prepend (text, "\xef\xbb\xbf");
    utf16 = g_convert (text->str, (gssize) text->len, "UTF-16LE", "UTF-8", NULL, &length, NULL);
    g_assert_nonnull (utf16);
    bytes = g_bytes_new (utf16, length);
    project = racimo_file_load_bytes (bytes, "over16.raci", &error);
    g_assert_null (project);
    g_assert_cmpstr (error->message, ==,
                     "over16.raci:5: <role> has more than 256 attributes; Racimo reads at most "
                     "256 on one element");
    g_clear_error (&error);
  }

  /* 20,000 on the root took libxml2 20 s; values hold ">" and quotes. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (root, "%sx:a%u='>\"%u'", i % 100 == 0 ? "\n  " : " ", i, i);
  g_string_append (root, ">\n  <title>t</title>\n</raci-project>\n");
  wide_root = bytes_of_string (root);
  project = racimo_file_load_bytes (wide_root, "wide.raci", &error);
  g_assert_null (project);
  g_assert_error (error, RACIMO_FILE_ERROR, RACIMO_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "wide.raci:3: <raci-project> has more than 256 attributes; Racimo reads at "
                   "most 256 on one element");
}

/* Loads @path with the schema always (in the form the file calls for, and
 * in the full form) and never: the builder's checks alone must refuse what
 * the schema refuses. */
static void
assert_same_without_schema (const char *path)
{
  static const RacimoSchemaUse uses[] = { RACIMO_SCHEMA_ALWAYS, RACIMO_SCHEMA_FULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) without_error = NULL;
  g_autoptr(RacimoProject) without = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);

  _racimo_file_set_schema_use (RACIMO_SCHEMA_NEVER);
  without = racimo_file_load_bytes (bytes, path, &without_error);

  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    {
      g_autoptr(GError) with_error = NULL;
      g_autoptr(RacimoProject) with = NULL;

      _racimo_file_set_schema_use (uses[i]);
      with = racimo_file_load_bytes (bytes, path, &with_error);

      if ((with == NULL) != (without == NULL))
        g_error ("%s: with the schema: %s; without: %s", path,
                 with_error != NULL ? with_error->message : "opens",
                 without_error != NULL ? without_error->message : "opens");
      if (with_error != NULL)
        g_assert_cmpstr (with_error->message, ==, without_error->message);
    }

  _racimo_file_set_schema_use (RACIMO_SCHEMA_AUTO);
}

/* The test corpus: the good and the bad files, and the fuzz inputs of the
 * reader and of repairs. */
static const char * const corpus_folders[][2] = {
  { "files", "good" },
  { "files", "bad" },
  { "fuzz", "corpus/reader" },
  { "fuzz", "corpus/repair" },
};

/* The paths of the files of corpus_folders[@folder]. */
static GPtrArray *
corpus_files (guint folder)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, corpus_folders[folder][0],
                                                 corpus_folders[folder][1], NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *file = g_build_filename (path, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, file);
      else
        g_free (file);
    }

  return files;
}

static void
test_schema_and_builder_agree (void)
{
  /* The good and bad files and the reader's fuzz inputs */
  for (guint f = 0; f < 3; f++)
    {
      g_autoptr(GPtrArray) files = corpus_files (f);

      for (guint i = 0; i < files->len; i++)
        assert_same_without_schema (g_ptr_array_index (files, i));
    }
}

/* Validates @doc with both forms of the schema, which must agree; counts
 * the refusals in @n_refused.  Their messages may differ: the full form,
 * trying foreign content at each place, often names the first place where
 * something else could have been ("Expecting element conflict, got
 * roles"), the plain one the element at fault. */
static void
assert_schema_forms_agree (xmlDoc     *doc,
                           const char *what,
                           guint      *n_refused)
{
  RacimoXmlFirstError full = { 0 };
  RacimoXmlFirstError plain = { 0 };
  gboolean full_valid = _racimo_xml_validate_as (doc, FALSE, &full);
  gboolean plain_valid = _racimo_xml_validate_as (doc, TRUE, &plain);

  if (full_valid != plain_valid)
    g_error ("%s: the full schema %s it, the plain one %s it", what,
             full_valid ? "accepts" : "refuses", plain_valid ? "accepts" : "refuses");
  *n_refused += !full_valid;

  _racimo_xml_first_error_clear (&full);
  _racimo_xml_first_error_clear (&plain);
}

static xmlNode *
first_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;

  return node;
}

/* The element after @node in document order, within @node's root. */
static xmlNode *
next_element (xmlNode *node)
{
  xmlNode *child = first_element (node->children);

  if (child != NULL)
    return child;

  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    {
      xmlNode *sibling = first_element (node->next);

      if (sibling != NULL)
        return sibling;
    }

  return NULL;
}

/* Each element of @doc's tree but the root removed in turn, then doubled
 * in turn: the shapes that the schema refuses and the corpus lacks. */
static void
assert_schema_forms_agree_on_edits (xmlDoc     *doc,
                                    const char *what,
                                    guint      *n_compared,
                                    guint      *n_refused)
{
  guint n_elements = 0;

  for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL; node = next_element (node))
    n_elements++;

  for (guint edit = 1; edit < 2 * n_elements; edit++)
    {
      g_autoptr(xmlDoc) copy = xmlCopyDoc (doc, 1);
      g_autofree char *edited = g_strdup_printf ("%s, edit %u", what, edit);
      xmlNode *node = xmlDocGetRootElement (copy);

      if (edit % n_elements == 0)
        continue;
      for (guint i = 0; i < edit % n_elements; i++)
        node = next_element (node);

      if (edit < n_elements)
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
        }
      else
        xmlAddNextSibling (node, xmlCopyNode (node, 1));

      assert_schema_forms_agree (copy, edited, n_refused);
      (*n_compared)++;
    }
}

/* The plain form of the schema, for files with no foreign content, says
 * what the full form says of them. */
static void
test_schema_forms_agree (void)
{
  guint n_compared = 0;
  guint n_refused = 0;
  guint n_foreign = 0;

  for (guint f = 0; f < G_N_ELEMENTS (corpus_folders); f++)
    {
      g_autoptr(GPtrArray) files = corpus_files (f);

      for (guint i = 0; i < files->len; i++)
        {
          const char *file = g_ptr_array_index (files, i);
          g_autofree char *contents = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(xmlDoc) doc = NULL;
          RacimoXmlShape shape = { 0, 0, FALSE };
          gsize length;

          g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
          bytes = g_bytes_new (contents, length);
          doc = _racimo_xml_read (bytes, file, &shape, NULL);
          if (doc == NULL)
            continue;
          if (shape.foreign)
            {
              n_foreign++;
              continue;
            }

          assert_schema_forms_agree (doc, file, &n_refused);
          n_compared++;
          /* The good and bad files */
          if (f < 2)
            assert_schema_forms_agree_on_edits (doc, file, &n_compared, &n_refused);
        }
    }

  g_test_message ("%u trees compared, %u refused; %u with foreign content", n_compared,
                  n_refused, n_foreign);
  g_assert_cmpuint (n_refused, >, 100);
  g_assert_cmpuint (n_compared - n_refused, >, 100);
  g_assert_cmpuint (n_foreign, >, 10);
}

/* A file with no foreign content is validated with the plain form, one
 * with any with the full form. */
static void
test_foreign_content_seen (void)
{
  static const struct
  {
    const char *root;
    const char *content;
    gboolean    foreign;
  } cases[] = {
    { "", "<title>t</title>", FALSE },
    { "", "<title>t<!-- x --><?x y?></title>", FALSE },
    { " xmlns:x=\"urn:example:x\"", "<title>t</title>", FALSE },
    { " xmlns:x=\"urn:example:x\"", "<title>t</title><x:y/>", TRUE },
    { " xmlns:x=\"urn:example:x\"", "<title x:a=\"1\">t</title>", TRUE },
    { "", "<title>t<y xmlns=\"\"/></title>", TRUE },
    { " xmlns:r=\"urn:x-racimo:raci:1\"", "<title r:a=\"1\">t</title>", TRUE },
    { "", "<title xml:lang=\"en\">t</title>", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("<raci-project xmlns=\"urn:x-racimo:raci:1\"%s "
                                               "version=\"1.0\">%s</raci-project>",
                                               cases[i].root, cases[i].content);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      RacimoXmlShape shape = { 0, 0, FALSE };
      g_autoptr(xmlDoc) doc = _racimo_xml_read (bytes, "t.raci", &shape, &error);

      g_assert_no_error (error);
      g_assert_cmpint (shape.foreign, ==, cases[i].foreign);
    }
}

/* libxml2 2.9 keeps lines up to 65,535 in its nodes; past it, an element's
 * line was read from its first child: one too many. */
static void
test_big_line_numbers (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<raci-project xmlns=\"urn:x-racimo:raci:1\" "
                                          "version=\"1.0\">\n  <title>Long</title>\n  <!--");
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint line;

  /* Lines 4 to 70,003 are one comment. */
  for (guint i = 0; i < 70000; i++)
    g_string_append (text, "\n");
  g_string_append (text, "-->\n"
                         "  <phases>\n"                        /* 70,005 */
                         "    <phase id=\"p\">\n"
                         "      <name>P</name>\n"
                         "      <activity id=\"a\">\n");       /* 70,008 */
  line = 70008;
  good = g_bytes_new (text->str, text->len);
  {
    g_autoptr(GString) copy = g_string_new (text->str);

    g_string_append (copy, "        <name>A</name>\n      </activity>\n    </phase>\n"
                           "  </phases>\n</raci-project>\n");
    g_bytes_unref (good);
    good = bytes_of_string (copy);
  }
  project = racimo_file_load_bytes (good, "long.raci", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racimo_item_get_line (racimo_project_lookup (project, "a")), ==, line);
  g_assert_cmpuint (racimo_item_get_line (racimo_project_lookup (project, "p")), ==, line - 2);

  g_string_append (text, "        <name>A</name>\n"
                         "        <assign role=\"nobody\" code=\"R\"/>\n" /* 70,010 */
                         "      </activity>\n    </phase>\n  </phases>\n</raci-project>\n");
  bad = bytes_of_string (text);
  g_clear_object (&project);
  g_clear_error (&error);
  project = racimo_file_load_bytes (bad, "long.raci", &error);
  g_assert_null (project);
  g_assert_cmpstr (error->message, ==,
                   "long.raci:70010: a cell of the activity “A” names the role “nobody”, which the file "
                   "does not list");
}

/* A huge bad value is quoted in a short excerpt, not copied whole. */
static void
test_huge_value_excerpt (void)
{
  /* Before and after the value */
  static const char * const templates[][2] = {
    { "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\"><title>t</title>"
      "<roles><role id=\"r\" abbrev=\"",
      "\"><name>R</name></role></roles></raci-project>" },
    { "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\"><title>t</title>"
      "<roles><role id=\"r\"><name>R</name></role></roles><phases><phase id=\"p\"><name/>"
      "<activity id=\"a\"><name/><assign role=\"r\" code=\"",
      "\"/></activity></phase></phases></raci-project>" },
    { "<raci-project xmlns=\"urn:x-racimo:raci:1\" version=\"1.0\"><title>t</title>"
      "<scheme>", "</scheme></raci-project>" },
  };
  static const char * const starts[] = {
    "huge.raci:1: the abbreviation “ÉÉÉÉ",
    "huge.raci:1: the cell of the role “R” in the activity “a” holds “ÉÉÉÉ",
    "huge.raci:1: “ÉÉÉÉ",
  };
  g_autoptr(GString) value = g_string_new (NULL);

  /* 5 MB of a two-byte character: a cut in the middle would not be UTF-8. */
  while (value->len < 5 * 1000 * 1000)
    g_string_append (value, "É");

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RacimoProject) project = NULL;
      g_autofree char *quoted = NULL;

      g_string_append (text, templates[i][0]);
      g_string_append (text, value->str);
      g_string_append (text, templates[i][1]);
      bytes = bytes_of_string (text);
      project = racimo_file_load_bytes (bytes, "huge.raci", &error);
      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, starts[i]));
      g_assert_cmpuint (strlen (error->message), <, 300);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* 39 characters of the value and an ellipsis */
      quoted = g_strconcat ("“", "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ…”", NULL);
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

/* Each refusal of docs/file-format.md, "Refusals": the error and the exact message a user reads
 * after the file's name. */
static const struct
{
  const char      *file;
  RacimoFileError  code;
  const char      *message;
} bad_files[] = {
  { "malformed.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":6:21: </nmae> does not close <name> from line 6" },
  { "truncated.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":25:1: the file ends before <activity> from line 19 is closed; it may have been cut short" },
  { "binary.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":1:1: the file is not XML: it does not start with an element" },
  { "empty.raci", RACIMO_FILE_ERROR_MALFORMED, ": the file is empty" },
  { "blank.raci", RACIMO_FILE_ERROR_MALFORMED, ": the file is empty" },
  { "not-utf8.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":3:13: the text is not UTF-8, and the XML declaration names no other encoding" },
  { "control-character.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":3:17: the character U+0007 cannot be in an XML file" },
  { "bare-ampersand.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":3:13: a plain \"&\" is written \"&amp;\"" },
  { "undefined-entity.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":3:30: \"&nbsp;\" is not defined; a plain \"&\" is written \"&amp;\"" },
  { "undeclared-prefix.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":4:11: the prefix \"pt\" of <pt:note> is not declared" },
  { "doctype-entities.raci", RACIMO_FILE_ERROR_DOCTYPE,
    ":2: this file contains a document type declaration, which Racimo never reads, "
    "for safety: it can expand entities or fetch other files" },
  { "billion-laughs.raci", RACIMO_FILE_ERROR_DOCTYPE,
    ":2: this file contains a document type declaration, which Racimo never reads, "
    "for safety: it can expand entities or fetch other files" },
  { "external-entity.raci", RACIMO_FILE_ERROR_DOCTYPE,
    ":2: this file contains a document type declaration, which Racimo never reads, "
    "for safety: it can expand entities or fetch other files" },
  { "external-dtd.raci", RACIMO_FILE_ERROR_DOCTYPE,
    ":2: this file contains a document type declaration, which Racimo never reads, "
    "for safety: it can expand entities or fetch other files" },
  { "html5.raci", RACIMO_FILE_ERROR_DOCTYPE,
    ":1: this file contains a document type declaration, which Racimo never reads, "
    "for safety: it can expand entities or fetch other files" },
  { "deep-nesting.raci", RACIMO_FILE_ERROR_TOO_DEEP,
    ":4: the elements are nested more than 64 levels deep, deeper than a Racimo file can be" },
  { "wrong-root.raci", RACIMO_FILE_ERROR_NOT_RACI,
    ":2: the file is not a Racimo project: the root element is <html>" },
  { "wrong-root-xhtml.raci", RACIMO_FILE_ERROR_NOT_RACI,
    ":2: the file is not a Racimo project: the root element is <html>" },
  { "wrong-namespace.raci", RACIMO_FILE_ERROR_NOT_RACI,
    ":2: the file is not a Racimo project: <raci-project> is in the namespace "
    "\"urn:x-racimo:raci:2\" instead of \"urn:x-racimo:raci:1\"" },
  { "no-namespace.raci", RACIMO_FILE_ERROR_NOT_RACI,
    ":2: the file is not a Racimo project: <raci-project> is not in the namespace "
    "\"urn:x-racimo:raci:1\"" },
  { "version-2.raci", RACIMO_FILE_ERROR_NEWER_MAJOR,
    ": made by a newer version of Racimo (format 2.0); this version reads format 1.x" },
  { "version-abc.raci", RACIMO_FILE_ERROR_INVALID,
    ":2: \"abc\" is not a format version; Racimo writes version=\"1.0\"" },
  { "version-missing.raci", RACIMO_FILE_ERROR_INVALID,
    ":2: the file does not say which version of the format it follows" },
  { "missing-title.raci", RACIMO_FILE_ERROR_INVALID,
    ":2: the project has no title" },
  { "second-title.raci", RACIMO_FILE_ERROR_INVALID,
    ":4: the title appears a second time (the first is on line 3)" },
  { "missing-role-name.raci", RACIMO_FILE_ERROR_INVALID,
    ":8: the role “ml-engineer” has no name" },
  { "missing-phase-name.raci", RACIMO_FILE_ERROR_INVALID,
    ":5: the phase “design” has no name" },
  { "missing-id.raci", RACIMO_FILE_ERROR_INVALID,
    ":7: an activity has no id" },
  { "bad-id.raci", RACIMO_FILE_ERROR_INVALID,
    ":5: “2nd role” is not an id: an id is made of letters, digits, “-”, “_” and "
    "“.”, and starts with a letter or “_”" },
  { "duplicate-id.raci", RACIMO_FILE_ERROR_DUPLICATE_ID,
    ":12: the id “data” is used twice (first on line 5)" },
  { "unknown-role.raci", RACIMO_FILE_ERROR_UNKNOWN_ROLE,
    ":15: a cell of the activity “Test” names the role “qa”, which the file does not list" },
  { "assign-to-phase.raci", RACIMO_FILE_ERROR_UNKNOWN_ROLE,
    ":14: a cell of the activity “A” names the role “p”, which the file does not list" },
  { "bad-code-two-letters.raci", RACIMO_FILE_ERROR_BAD_CODE,
    ":14: the cell of the role “Developer” in the activity “Build” holds “AR”, which "
    "is not a code (codes are single capital letters such as R or A)" },
  { "bad-code-spelled.raci", RACIMO_FILE_ERROR_BAD_CODE,
    ":17: the cell of the role “Developer” in the activity “Build” holds “ar”, which is not a "
    "code (codes are single capital letters such as R or A)" },
  { "bad-code-lower-case.raci", RACIMO_FILE_ERROR_BAD_CODE,
    ":14: the cell of the role “Developer” in the activity “Build” holds “r”, which "
    "is not a code (codes are single capital letters such as R or A)" },
  { "bad-code-empty.raci", RACIMO_FILE_ERROR_BAD_CODE,
    ":14: the cell of the role “dev” in the activity “Build” has no code" },
  { "applicable-maybe.raci", RACIMO_FILE_ERROR_INVALID,
    ":7: “maybe” does not say whether the activity applies: it is “yes” or “no”" },
  { "unknown-scheme.raci", RACIMO_FILE_ERROR_INVALID,
    ":4: “RAPID” is not a scheme; the schemes are RACI, RASCI, RACI-VS, CAIRO, DACI" },
  { "unknown-check.raci", RACIMO_FILE_ERROR_INVALID,
    ":7: a waiver names “too-busy”, which is not a check; the checks are no-owner, "
    "many-owners, no-doer, idle-role, overloaded-role, unnamed, duplicate-name, "
    "unknown-code" },
  { "abbrev-too-long.raci", RACIMO_FILE_ERROR_INVALID,
    ":5: the abbreviation “ENGINEERING” is longer than 8 characters" },
  { "unknown-element.raci", RACIMO_FILE_ERROR_INVALID,
    ":7: “team” is not part of a Racimo project and has no place in a role" },
  { "unknown-attribute.raci", RACIMO_FILE_ERROR_INVALID,
    ":5: a role has an attribute “color” that Racimo does not know" },
  { "our-prefixed-attribute.raci", RACIMO_FILE_ERROR_INVALID,
    ":3: the title has an attribute “r:lang” that Racimo does not know" },
  { "out-of-order.raci", RACIMO_FILE_ERROR_INVALID,
    ":7: a name is out of order: it goes before a person" },
  { "text-in-roles.raci", RACIMO_FILE_ERROR_INVALID,
    ":6: the list of roles holds the text “Stray text” where only its parts belong" },
  { "bom-utf8-declared-latin1.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":1: the file starts with the byte order mark of UTF-8 but declares "
    "encoding=\"ISO-8859-1\"; the two contradict each other, and Racimo does not guess "
    "which is right (XML 1.0, appendix F)" },
  { "bom-utf16-declared-utf8.raci", RACIMO_FILE_ERROR_MALFORMED,
    ":1: the file starts with the byte order mark of UTF-16 but declares "
    "encoding=\"UTF-8\"; the two contradict each other, and Racimo does not guess "
    "which is right (XML 1.0, appendix F)" },
  { "member-no-person.raci", RACIMO_FILE_ERROR_INVALID,
    ":12: the role “Lead” names the person “suzuki”, which the file does not list" },
  { "person-id-collides.raci", RACIMO_FILE_ERROR_DUPLICATE_ID,
    ":10: the id “lead” is used twice (first on line 5)" },
  { "two-notes.raci", RACIMO_FILE_ERROR_INVALID,
    ":15: the cell of the role “Lead” in the activity “Plan” has a second note, and a cell "
    "has at most one" },
  { "people-in-1-0.raci", RACIMO_FILE_ERROR_INVALID,
    ":4: “people” is not part of a Racimo project and has no place in the project" },
  { "note-no-role.raci", RACIMO_FILE_ERROR_UNKNOWN_ROLE,
    ":9: a note of the activity “Plan” names the role “qa”, which the file does not list" },
  { "conflict-bad-field.raci", RACIMO_FILE_ERROR_INVALID,
    ":9: a merge conflict is about “colour”, which is not a field; the fields are name, "
    "description, note, applicable, abbrev, email, removed, position" },
  { "waiver-1-1-check-in-1-0.raci", RACIMO_FILE_ERROR_INVALID,
    ":7: a waiver names “unstaffed-role”, a check of format 1.1, in a file of format 1.0; its "
    "checks are no-owner, many-owners, no-doer, idle-role, overloaded-role, unnamed, "
    "duplicate-name, unknown-code" },
  { "schema-only.raci", RACIMO_FILE_ERROR_INVALID,
    ":5: a role is inside content that belongs to another program (“x:wrap”), where "
    "Racimo does not read it" },
};

static void
test_bad (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "bad", bad_files[i].file,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = g_strconcat (name, bad_files[i].message, NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RacimoProject) project = NULL;
  g_autofree char *etag = NULL;

  before = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  project = racimo_file_load (file, &etag, NULL, &error);
  g_assert_null (project);
  g_assert_null (etag);
  g_assert_error (error, RACIMO_FILE_ERROR, (int) bad_files[i].code);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* The file on disk is as it was. */
  after = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));
}

/* Every file of bad/ is in the table, and nothing leaks out of a refused
 * external entity. */
static void
test_bad_corpus (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "bad", NULL);
  g_auto(GStrv) names = racimo_test_folder_names (path);
  guint n = 0;

  for (guint k = 0; names[k] != NULL; k++)
    {
      gboolean listed = FALSE;

      if (!g_str_has_suffix (names[k], ".raci"))
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        listed |= strcmp (bad_files[i].file, names[k]) == 0;

      g_assert_true (listed);
      n++;
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_files));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/good/format-example", test_format_example);
  g_test_add_func ("/reader/good/schemes", test_schemes);
  g_test_add_func ("/reader/good/multiple-codes", test_multiple_codes);
  g_test_add_func ("/reader/good/unknown-code", test_unknown_code);
  g_test_add_func ("/reader/good/not-applicable", test_not_applicable);
  g_test_add_func ("/reader/good/waivers", test_waivers);
  g_test_add_func ("/reader/good/empty-phase-name", test_empty_phase_name);
  g_test_add_func ("/reader/good/multiline", test_multiline);
  g_test_add_func ("/reader/good/japanese", test_japanese);
  g_test_add_func ("/reader/good/encodings", test_encodings);
  g_test_add_func ("/reader/good/escaping", test_escaping);
  g_test_add_func ("/reader/good/prefix", test_prefix);
  g_test_add_func ("/reader/good/prefix-round-trip", test_prefix_round_trip);
  g_test_add_func ("/reader/good/no-declaration", test_no_declaration);
  g_test_add_func ("/reader/good/foreign", test_foreign);
  g_test_add_func ("/reader/good/foreign-no-namespace", test_foreign_no_namespace);
  g_test_add_func ("/reader/good/namespace-ampersand", test_namespace_ampersand);
  g_test_add_func ("/reader/good/newer-minor", test_newer_minor);
  g_test_add_func ("/reader/good/people", test_people);
  g_test_add_func ("/reader/good/people-foreign", test_people_foreign);
  g_test_add_func ("/reader/good/people-foreign-person-text", test_people_foreign_person_text);
  g_test_add_func ("/reader/good/people-from-person-texts", test_people_from_person_texts);
  g_test_add_func ("/reader/etag", test_etag);
  g_test_add_func ("/reader/async", test_async);
  g_test_add_func ("/reader/threads", test_threads);
  g_test_add_func ("/reader/load-bytes", test_load_bytes);
  g_test_add_func ("/reader/io-errors", test_io_errors);
  g_test_add_func ("/reader/too-large", test_too_large);
  g_test_add_func ("/reader/bad-corpus", test_bad_corpus);
  g_test_add_func ("/reader/wide-skips-schema", test_wide_skips_schema);
  g_test_add_func ("/reader/too-many-attributes", test_too_many_attributes);
  g_test_add_func ("/reader/schema-and-builder-agree", test_schema_and_builder_agree);
  g_test_add_func ("/reader/schema-forms-agree", test_schema_forms_agree);
  g_test_add_func ("/reader/foreign-content-seen", test_foreign_content_seen);
  g_test_add_func ("/reader/big-line-numbers", test_big_line_numbers);
  g_test_add_func ("/reader/huge-value-excerpt", test_huge_value_excerpt);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *test = g_strdup_printf ("/reader/bad/%s", bad_files[i].file);

      g_test_add_data_func (test, GUINT_TO_POINTER (i), test_bad);
    }

  return g_test_run ();
}
