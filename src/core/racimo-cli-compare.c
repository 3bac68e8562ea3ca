/* racimo-cli-compare.c: racimo --diff and racimo --merge
 *
 * --merge is what git runs as a merge driver (README.md, "Keeping a matrix
 * in git"): `racimo --merge %O %A %B` writes the merge over %A and says
 * with its exit status whether conflicts remain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "racimo-cli-private.h"
#include "racimo-cli.h"
#include "racimo-compare.h"
#include "racimo-differences.h"
#include "racimo-file.h"

/**
 * racimo_cli_diff:
 * @old_path: the copy before
 * @new_path: the copy after
 *
 * Prints every difference, one per line, in the order of @new_path.
 *
 * Returns: 0 when the two say the same, 1 when they differ, 2 when one
 *   could not be read
 */
int
racimo_cli_diff (const char *old_path,
                 const char *new_path)
{
  const char *paths[] = { old_path, new_path };
  RacimoProject *projects[G_N_ELEMENTS (paths)];
  g_autoptr(RacimoProject) old_project = NULL;
  g_autoptr(RacimoProject) new_project = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (!_racimo_cli_load_all (paths, projects, G_N_ELEMENTS (paths)))
    return RACIMO_EXIT_UNREADABLE;
  old_project = projects[0];
  new_project = projects[1];

  lines = racimo_diff (old_project, new_project);
  for (guint i = 0; i < lines->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (lines, i));

  return lines->len > 0 ? RACIMO_EXIT_FINDINGS : RACIMO_EXIT_OK;
}

/**
 * racimo_cli_merge:
 * @base_path: the copy both sides started from
 * @ours_path: our copy
 * @theirs_path: their copy
 * @out_path: (nullable): where to write the merge; %NULL for @ours_path
 *
 * Writes the merge of the three, atomically, and nothing when one of them
 * could not be read.
 *
 * Returns: 0 for a clean merge, 1 when conflicts were written or when
 *   both sides changed the scheme or a waiver differently, which the file
 *   cannot record (docs/file-format.md, "Conflicts"), 2 when a file could
 *   not be read or the merge could not be written
 */
int
racimo_cli_merge (const char *base_path,
                  const char *ours_path,
                  const char *theirs_path,
                  const char *out_path)
{
  const char *paths[] = { base_path, ours_path, theirs_path };
  RacimoProject *projects[G_N_ELEMENTS (paths)];
  g_autoptr(RacimoProject) base = NULL;
  g_autoptr(RacimoProject) ours = NULL;
  g_autoptr(RacimoProject) theirs = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unrecorded = NULL;
  guint n_conflicts;

  if (!_racimo_cli_load_all (paths, projects, G_N_ELEMENTS (paths)))
    return RACIMO_EXIT_UNREADABLE;
  base = projects[0];
  ours = projects[1];
  theirs = projects[2];

  unrecorded = racimo_merge_unrecorded (base, ours, theirs);
  n_conflicts = racimo_merge (base, ours, theirs);

  if (out_path == NULL)
    out_path = ours_path;
  out = g_file_new_for_commandline_arg (out_path);
  /* No entity tag: racimo_file_save () renames a complete temporary file
   * over OUT, so a failure leaves OUT as it was. */
  if (!racimo_file_save (ours, out, NULL, NULL, NULL, &error))
    {
      g_printerr ("racimo: %s: %s\n", out_path, error->message);
      return RACIMO_EXIT_UNREADABLE;
    }

  if (n_conflicts > 0)
    g_printerr (ngettext ("racimo: %s: %u conflict written; open the file to resolve it\n",
                          "racimo: %s: %u conflicts written; open the file to resolve them\n",
                          n_conflicts),
                out_path, n_conflicts);
  /* Not a clean merge either: git must not commit it unseen. */
  for (guint i = 0; i < unrecorded->len; i++)
    /* Translators: %s is the merged file, then a change both sides made,
     * such as "Scheme changed from RACI to RASCI here and to DACI there;
     * RASCI is kept" */
    g_printerr (_("racimo: %s: %s (a conflict that the file cannot record)\n"), out_path,
                (const char *) g_ptr_array_index (unrecorded, i));

  return n_conflicts > 0 || unrecorded->len > 0 ? RACIMO_EXIT_FINDINGS : RACIMO_EXIT_OK;
}

int
_racimo_cli_handle_compare (GVariantDict       *options,
                            const char * const *files)
{
  guint n_files = files != NULL ? g_strv_length ((char **) files) : 0;
  const char *out_path = NULL;

  g_variant_dict_lookup (options, "output", "^&ay", &out_path);

  if (g_variant_dict_contains (options, "merge"))
    {
      if (g_variant_dict_contains (options, "diff") || g_variant_dict_contains (options, "check") ||
          g_variant_dict_contains (options, "export"))
        {
          g_printerr (_("racimo: --merge goes with no --diff, --check or --export\n"));
          return RACIMO_EXIT_UNREADABLE;
        }
      if (n_files != 3)
        {
          g_printerr (_("racimo: --merge needs three files: BASE OURS THEIRS\n"));
          return RACIMO_EXIT_UNREADABLE;
        }
      return racimo_cli_merge (files[0], files[1], files[2], out_path);
    }

  if (out_path != NULL || g_variant_dict_contains (options, "check") ||
      g_variant_dict_contains (options, "export"))
    {
      g_printerr (_("racimo: --diff goes with no --output, --check or --export\n"));
      return RACIMO_EXIT_UNREADABLE;
    }
  if (n_files != 2)
    {
      g_printerr (_("racimo: --diff needs two files: OLD NEW\n"));
      return RACIMO_EXIT_UNREADABLE;
    }

  return racimo_cli_diff (files[0], files[1]);
}

/* --compare OTHER with --export OUT.pdf: the changes OTHER makes to the
 * project, marked on its pages as the window's compare mode prints them.
 * FALSE, with the reason on standard error, when OTHER cannot be read. */
gboolean
_racimo_cli_compare_layout (GVariantDict            *options,
                            RacimoProject           *project,
                            RacimoPaginationOptions *layout)
{
  const char *other_path = NULL;
  g_autoptr(RacimoProject) other = NULL;

  if (options == NULL || !g_variant_dict_lookup (options, "compare", "^&ay", &other_path))
    return TRUE;

  other = _racimo_cli_load (other_path);
  if (other == NULL)
    return FALSE;

  layout->changes = racimo_differences_compare (project, other);
  layout->compared_with = g_filename_display_basename (other_path);

  return TRUE;
}
