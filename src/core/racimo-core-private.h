/* racimo-core-private.h: every internal header of src/core, for tests
 *
 * The files of src/core include the one they need:
 * racimo-model-private.h (back doors into the model),
 * racimo-foreign-private.h (content kept for the writer),
 * racimo-history-private.h (recording commands),
 * racimo-file-private.h (reading files, the schema's use) and
 * racimo-replace-private.h (writing a whole file or nothing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-file-private.h"
#include "racimo-foreign-private.h"
#include "racimo-history-private.h"
#include "racimo-model-private.h"
#include "racimo-replace-private.h"
