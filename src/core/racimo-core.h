/* racimo-core.h: everything of src/core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-activity.h"
#include "racimo-check.h"
#include "racimo-checks.h"
#include "racimo-compare.h"
#include "racimo-fixes.h"
#include "racimo-cli.h"
#include "racimo-csv.h"
#include "racimo-xlsx.h"
#include "racimo-document.h"
#include "racimo-drafts.h"
#include "racimo-file.h"
#include "racimo-filter.h"
#include "racimo-history.h"
#include "racimo-item.h"
#include "racimo-person.h"
#include "racimo-pagination.h"
#include "racimo-person-pages.h"
#include "racimo-phase.h"
#include "racimo-project.h"
#include "racimo-role.h"
#include "racimo-scheme.h"
#include "racimo-templates.h"
#include "racimo-workload.h"
