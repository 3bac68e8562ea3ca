/* fuzz-merge.c: three projects -> merges and diffs that keep their promises
 *
 * The input is up to three .raci files separated by a line "%%": base,
 * ours, theirs (a missing one is the base).  Whatever the reader takes
 * back, merge (B, X, B) says what X says, merge (B, B, Y) what Y says,
 * merge (B, X, X) what X says, the diff of a project with itself is empty,
 * and merge (B, X, Y) is a project that the strict reader takes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "racimo-compare.h"
#include "racimo-file.h"
#include "racimo-fuzz.h"

static const guint8 *
find_separator (const guint8 *start,
                const guint8 *end)
{
  for (const guint8 *p = start; p + 4 <= end; p++)
    if (memcmp (p, "\n%%\n", 4) == 0)
      return p;

  return NULL;
}

static RacimoProject *
read_part (const guint8 *data,
           size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(RacimoRepairs) repairs = NULL;

  return racimo_file_repair_bytes (bytes, "fuzz.raci", &repairs, NULL);
}

static RacimoProject *
copy (RacimoProject *project)
{
  g_autoptr(GBytes) bytes = racimo_file_serialize (project);
  g_autoptr(GError) error = NULL;
  RacimoProject *result = racimo_file_load_bytes (bytes, "copy.raci", &error);

  if (result == NULL)
    g_error ("the reader refused a written project: %s\n%.*s", error->message,
             (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));

  return result;
}

static void
assert_same (RacimoProject *merged,
             RacimoProject *expected)
{
  g_autoptr(GPtrArray) lines = racimo_diff (expected, merged);

  if (lines->len > 0)
    g_error ("the merge says “%s”", (const char *) g_ptr_array_index (lines, 0));
}

/* merge (@base, @ours, @theirs) on copies, so that the three stay as read. */
static RacimoProject *
merged (RacimoProject *base,
        RacimoProject *ours,
        RacimoProject *theirs,
        guint         *n_conflicts)
{
  RacimoProject *result = copy (ours);
  g_autoptr(RacimoProject) other = copy (theirs);

  *n_conflicts = racimo_merge (base, result, other);
  return result;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  RacimoProject *projects[3] = { NULL, NULL, NULL };
  const guint8 *start = data;
  const guint8 *end = data + size;
  guint n = 0;
  guint n_conflicts;

  while (n < 3)
    {
      const guint8 *cut = n < 2 ? find_separator (start, end) : NULL;
      const guint8 *stop = cut != NULL ? cut : end;

      projects[n] = read_part (start, (size_t) (stop - start));
      if (projects[n] == NULL)
        goto out;
      n++;
      if (cut == NULL)
        break;
      start = cut + 4;
    }

  for (guint i = n; i < 3; i++)
    projects[i] = g_object_ref (projects[0]);

  {
    g_autoptr(RacimoProject) result = merged (projects[0], projects[1], projects[0], &n_conflicts);

    g_assert_cmpuint (n_conflicts, ==, 0);
    assert_same (result, projects[1]);
  }
  {
    g_autoptr(RacimoProject) result = merged (projects[0], projects[0], projects[2], &n_conflicts);

    g_assert_cmpuint (n_conflicts, ==, 0);
    assert_same (result, projects[2]);
  }
  {
    g_autoptr(RacimoProject) result = merged (projects[0], projects[1], projects[1], &n_conflicts);

    g_assert_cmpuint (n_conflicts, ==, 0);
    assert_same (result, projects[1]);
  }
  {
    g_autoptr(GPtrArray) same = racimo_diff (projects[1], projects[1]);
    g_autoptr(RacimoProject) result = merged (projects[0], projects[1], projects[2], &n_conflicts);
    g_autoptr(RacimoProject) reread = copy (result);

    g_assert_cmpuint (same->len, ==, 0);
  }

out:
  for (guint i = 0; i < 3; i++)
    g_clear_object (&projects[i]);
  return 0;
}
