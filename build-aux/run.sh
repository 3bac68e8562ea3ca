#!/bin/bash
# run.sh: installs what is missing, builds Racimo in _build and starts it
# from there.  Arguments go to racimo: files to open, --check, --export.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

# shellcheck source=build-aux/setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

builddir="$RACIMO_SOURCE_DIR/_build"

racimo_install_packages >&2
racimo_configure "$builddir" >&2
# Everything, not only the program: the settings schema is compiled too.
meson compile -C "$builddir" >&2

# The settings schema is not installed system-wide by an uninstalled build.
if [ -f "$builddir/data/gschemas.compiled" ]; then
  export GSETTINGS_SCHEMA_DIR="$builddir/data"
fi

program="$builddir/src/racimo"
if [ ! -x "$program" ]; then
  racimo_note "the build made no racimo program"
  exit 1
fi

exec "$program" "$@"
