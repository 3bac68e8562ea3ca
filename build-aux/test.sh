#!/bin/bash
# test.sh: installs what is missing, builds Racimo in _build and runs the
# whole test suite under a virtual screen.  Arguments go to `meson test`
# (a test name, --suite core, ...); with --benchmark, what the benchmarks
# compare with is installed too (Gnumeric's ssconvert).  Closes with
# "tests: N passed, N failed[, N skipped]" and fails when a test failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

# shellcheck source=build-aux/setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

builddir="$RACIMO_SOURCE_DIR/_build"

if racimo_wants_benchmarks "$@"; then
  racimo_install_packages "${RACIMO_BENCHMARK_PACKAGES[@]}"
else
  racimo_install_packages
fi
racimo_configure "$builddir"
meson compile -C "$builddir"

status=0
racimo_run_tests "$builddir" "$@" || status=$?
racimo_summary "$RACIMO_PASSED" "$RACIMO_FAILED" "$RACIMO_SKIPPED"
exit "$status"
