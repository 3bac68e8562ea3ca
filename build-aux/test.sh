#!/bin/bash
# test.sh: installs what is missing, builds Racimo in _build and runs the
# whole test suite under a virtual screen.  Arguments go to `meson test`
# (a test name, --suite core, ...).  With --benchmark, what the benchmarks
# compare with is installed too (Gnumeric's ssconvert), and they run in a
# build of their own, _build-benchmark, optimized as users run Racimo
# (docs/design-targets.md, "How they are measured").  Closes with
# "tests: N passed, N failed[, N skipped]" and fails when a test failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

# shellcheck source=build-aux/setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

builddir="$RACIMO_SOURCE_DIR/_build"
options=()

if racimo_wants_benchmarks "$@"; then
  racimo_install_packages "${RACIMO_BENCHMARK_PACKAGES[@]}"
  builddir="$RACIMO_SOURCE_DIR/$RACIMO_BENCHMARK_BUILDDIR"
  options=("${RACIMO_BENCHMARK_OPTIONS[@]}")
else
  racimo_install_packages
fi
racimo_configure "$builddir" "${options[@]}"
meson compile -C "$builddir"

status=0
racimo_run_tests "$builddir" "$@" || status=$?
racimo_summary "$RACIMO_PASSED" "$RACIMO_FAILED" "$RACIMO_SKIPPED"
exit "$status"
