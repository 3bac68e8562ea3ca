# setup.sh: what run.sh, test.sh and .ci/run share.  Sourced, not run.
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Everything Racimo needs to build, run and test on Debian 12, Debian 13
# or Ubuntu: the one list of packages.
RACIMO_PACKAGES=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libxml2-dev
  libcairo2-dev libpango1.0-dev
  # spreadsheets: the zip of .xlsx and .ods workbooks, writing .xlsx.
  # Debian 13's xlsxwriter.pc requires minizip, whose -dev package
  # libxlsxwriter-dev does not pull in.
  libarchive-dev libxlsxwriter-dev libminizip-dev
  # run: the SVG loader of gdk-pixbuf.  GTK only recommends it, but Debian
  # 13's Adwaita icons are SVG files alone (12's had PNG copies too), and
  # the app's own icon is one: without it they show as missing images.
  librsvg2-common
  # tests: a screen and a session bus without a desktop
  xvfb xauth dbus dbus-x11 at-spi2-core python3-gi python3-pyatspi
  # tests: validating data files, reading PDFs (their text with poppler,
  # their structure with qpdf), screenshots
  libxml2-utils desktop-file-utils appstream poppler-utils qpdf imagemagick
  # tests: git running racimo --merge as its merge driver
  git
  # benchmarks: a window manager for their windows, as every X11 desktop has
  openbox
  # the user guide: built with itstool, validated with yelp-check
  itstool yelp-tools
  # Japanese on screen and on paper
  fonts-noto-cjk
)

# Only for `meson test --benchmark`: the export benchmark compares with
# Gnumeric's ssconvert, which brings a spreadsheet application and its
# libraries along; the test suite does not need it.
# shellcheck disable=SC2034 # read by test.sh
RACIMO_BENCHMARK_PACKAGES=(gnumeric)

# The benchmarks measure what users run: Debian's packages and the Flatpak
# are built with -O2, while the default build (_build, the test suite's) is
# -O0.  debugoptimized is -O2 and keeps the g_return checks and assertions
# of the default build (NDEBUG stays unset).
# shellcheck disable=SC2034 # read by test.sh (test-debian13.sh names it too)
RACIMO_BENCHMARK_BUILDDIR=_build-benchmark
# shellcheck disable=SC2034 # read by test.sh
RACIMO_BENCHMARK_OPTIONS=(--buildtype=debugoptimized)

RACIMO_SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

racimo_note ()
{
  printf '%s: %s\n' "${0##*/}" "$*" >&2
}

# racimo_install_packages [PACKAGE...]: installs the packages of
# RACIMO_PACKAGES, and those given, that are not installed yet, with apt,
# through sudo unless we are root.  Does nothing (not even apt-get update)
# when all are there.
racimo_install_packages ()
{
  local wanted=("${RACIMO_PACKAGES[@]}" "$@")
  local missing=() package status
  local sudo=()

  if ! command -v dpkg-query >/dev/null 2>&1; then
    racimo_note "not a Debian or Ubuntu system: install these yourself if the build fails:"
    racimo_note "${wanted[*]}"
    return 0
  fi

  for package in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    if [ "$status" != installed ]; then
      missing+=("$package")
    fi
  done

  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi

  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi

  racimo_note "installing ${missing[*]}"
  if [ -z "${RACIMO_APT_UPDATED:-}" ]; then
    "${sudo[@]}" apt-get update
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# racimo_wants_benchmarks [MESON-TEST-ARGUMENT...]: whether meson test
# is asked for the benchmarks.
racimo_wants_benchmarks ()
{
  local argument

  for argument in "$@"; do
    if [ "$argument" = --benchmark ]; then
      return 0
    fi
  done
  return 1
}

# racimo_configure BUILD-DIR [MESON-OPTION...]: sets up BUILD-DIR once.
# Under CI, warnings are errors.
racimo_configure ()
{
  local builddir=$1
  shift
  local options=("$@")

  if [ -n "${CI:-}" ]; then
    options+=(--werror)
  fi

  if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
    meson setup "${options[@]}" "$builddir" "$RACIMO_SOURCE_DIR"
  elif [ -n "${CI:-}" ]; then
    meson configure "$builddir" -Dwerror=true
  fi
}

# racimo_count_results TESTLOG: prints "PASSED FAILED SKIPPED" for one run
# of meson test, from its testlog.json (one JSON object per test and line).
racimo_count_results ()
{
  local testlog=$1

  if [ ! -f "$testlog" ]; then
    echo "0 0 0"
    return 0
  fi

  grep -o '"result": *"[A-Z]*"' "$testlog" | sed 's/.*"\([A-Z]*\)"$/\1/' |
    awk '
      $1 == "OK" || $1 == "EXPECTEDFAIL" { passed++ }
      $1 == "SKIP" { skipped++ }
      $1 == "FAIL" || $1 == "UNEXPECTEDPASS" || $1 == "TIMEOUT" || $1 == "ERROR" { failed++ }
      END { printf "%d %d %d\n", passed, failed, skipped }'
}

# racimo_summary PASSED FAILED SKIPPED: the closing line.
racimo_summary ()
{
  if [ "$3" -gt 0 ]; then
    echo "tests: $1 passed, $2 failed, $3 skipped"
  else
    echo "tests: $1 passed, $2 failed"
  fi
}

# racimo_run_tests BUILD-DIR [MESON-TEST-ARGUMENT...]: runs meson test with
# a virtual screen and a private session bus; sets RACIMO_PASSED,
# RACIMO_FAILED, RACIMO_SKIPPED to this run's counts and returns meson's
# status.
racimo_run_tests ()
{
  local builddir=$1
  shift
  local status=0 counts

  rm -f "$builddir/meson-logs/testlog.json"
  # Under Xvfb a UI test that cannot open the display fails: it must not
  # pass as skipped.
  RACIMO_TEST_NEED_DISPLAY=1 xvfb-run -a dbus-run-session -- \
    meson test -C "$builddir" --print-errorlogs "$@" || status=$?

  counts=$(racimo_count_results "$builddir/meson-logs/testlog.json")
  # shellcheck disable=SC2034 # read by the scripts that source this file
  read -r RACIMO_PASSED RACIMO_FAILED RACIMO_SKIPPED <<<"$counts"

  # meson failing with no test failed (a test that could not be built or
  # started) is a failure all the same.
  if [ "$status" -ne 0 ] && [ "$RACIMO_FAILED" -eq 0 ]; then
    RACIMO_FAILED=1
  fi
  return "$status"
}
