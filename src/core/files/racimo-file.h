/* racimo-file.h: reading and writing .raci files (docs/file-format.md)
 *
 * The reader (racimo-reader.h), the writer (racimo-writer.h) and the
 * errors of a save (racimo-replace.h), for the code that does both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-reader.h"
#include "racimo-replace.h"
#include "racimo-writer.h"
