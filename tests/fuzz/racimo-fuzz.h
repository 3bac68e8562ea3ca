/* racimo-fuzz.h: what the fuzz targets and their replay share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* libFuzzer's entry point: each fuzz-NAME.c defines it, and fuzz-replay.c
 * calls it with every saved input. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* A refusal always says why, naming the file: @error names @name. */
static inline void
racimo_fuzz_assert_refusal (const GError *error,
                            const char   *name)
{
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, name));
}
