#!/bin/sh
# test-install.sh BUILD-DIR APP-ID PREFIX MODULE: installs the build into a
# temporary folder with `meson install --destdir` and checks that every
# file is where GNOME looks for it, and the window's module (MODULE, below
# PREFIX) where the program looks for it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build_dir=$1
app_id=$2
prefix=$3
module=$4
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

echo "1..1"
if ! meson install -C "$build_dir" --destdir "$dest" --no-rebuild --quiet --skip-subprojects \
     > "$dest.log" 2>&1; then
  cat "$dest.log" >&2
  rm -f "$dest.log"
  echo "not ok 1 meson install failed"
  exit 1
fi
rm -f "$dest.log"

root=$dest$prefix
missing=0
for path in \
  bin/racimo \
  share/applications/$app_id.desktop \
  share/metainfo/$app_id.metainfo.xml \
  share/dbus-1/services/$app_id.service \
  share/mime/packages/$app_id.xml \
  share/glib-2.0/schemas/io.github.racimo.Racimo.gschema.xml \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/locale/ja/LC_MESSAGES/racimo.mo \
  share/help/C/racimo/index.page \
  share/racimo/raci-1.rng \
  "$module"
do
  if [ ! -e "$root/$path" ]; then
    echo "# missing: $path" >&2
    missing=1
  fi
done

if [ ! -x "$root/bin/racimo" ]; then
  echo "# bin/racimo is not executable" >&2
  missing=1
# The command line runs from the installed program alone.
elif ! "$root/bin/racimo" --version >/dev/null; then
  echo "# bin/racimo --version failed" >&2
  missing=1
fi

if [ "$missing" -ne 0 ]; then
  echo "not ok 1 installed files are where GNOME looks for them"
  exit 1
fi
echo "ok 1 installed files are where GNOME looks for them"
