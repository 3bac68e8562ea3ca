#!/bin/bash
# test-debian13.sh: runs the whole test suite on a brand-new Debian 13
# (trixie), as a new user would: a minimal root made by debootstrap, a clean
# copy of this tree in it, and build-aux/test.sh run inside as root, which
# installs what is missing, builds and tests.  Arguments go to test.sh (and
# so to `meson test`).  Closes with test.sh's line
# "tests: N passed, N failed[, N skipped]" and fails when a test failed.
#
# Needs root and Debian's package mirror.  The bootstrapped root is kept as
# a tarball in $RACIMO_DEBIAN13_CACHE (/var/cache/racimo/debian13 unless
# set), with the packages apt downloads into it; every run starts from a
# fresh copy of that root all the same, so nothing installed by one run is
# seen by the next.  Remove the directory to bootstrap again.
# RACIMO_DEBIAN13_LOGS=DIR keeps meson's logs of the run in DIR (of the
# benchmarks' build with --benchmark).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mirror=${RACIMO_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${RACIMO_DEBIAN13_CACHE:-/var/cache/racimo/debian13}
tarball="$cache/minbase.tar"
archives="$cache/apt-archives"
# Inside the root: where the tree goes.
tree=/root/racimo

note ()
{
  printf '%s: %s\n' "${0##*/}" "$*" >&2
}

# The closing line when test.sh could not tell: the run counts as one
# failed test.
fail ()
{
  note "$*"
  echo "tests: 0 passed, 1 failed"
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  fail "needs root (debootstrap, chroot and mount): run it with sudo"
fi

start=$(date +%s)
root=
mounts=()

# Unmounts what was mounted, newest first, and removes the root.  Run on
# every exit path: the removal refuses to cross into a mount that is still
# there, so a busy mount can never cost the host's /dev or /sys.
cleanup ()
{
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null ||
      note "could not unmount ${mounts[i]}"
  done
  mounts=()
  if [ -n "$root" ] && [ -d "$root" ]; then
    if findmnt -rn -o TARGET | grep -q "^$root/"; then
      note "$root still has mounts; not removing it"
    else
      rm -rf --one-file-system "$root"
    fi
  fi
  root=
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bind ()
{
  local target="$root$1"
  mkdir -p "$target"
  mount --bind "${2:-$1}" "$target"
  mounts+=("$target")
}

mkdir -p "$cache" "$archives"
# One run at a time: they share the cache and apt's download directory.
exec 9>"$cache/lock"
if ! flock -n 9; then
  note "waiting for another run to finish"
  flock 9
fi

if [ ! -f "$tarball" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    note "installing debootstrap"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
  fi
  note "bootstrapping a minimal Debian 13 from $mirror (once; kept in $cache)"
  root=$(mktemp -d /var/tmp/racimo-debian13.XXXXXX)
  debootstrap --variant=minbase trixie "$root" "$mirror" ||
    fail "debootstrap failed"
  # Written beside, then renamed: an interrupted run leaves no half tarball.
  tar --numeric-owner -C "$root" -cpf "$tarball.part" . ||
    fail "could not store the root in $tarball"
  mv "$tarball.part" "$tarball"
  cleanup
fi

root=$(mktemp -d /var/tmp/racimo-debian13.XXXXXX)
tar --numeric-owner -C "$root" -xpf "$tarball" || fail "could not unpack $tarball"

# A clean copy of the tree: the files git knows, as they are in the work
# tree (with uncommitted changes, without build directories); without git,
# everything but the build directories.
mkdir -p "$root$tree"
if git -C "$source_dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$source_dir" &&
     git ls-files -z --cached --others --exclude-standard |
     while IFS= read -r -d '' file; do
       [ -e "$file" ] && printf '%s\0' "$file"
     done |
     tar --null -T - -cf -) | tar -C "$root$tree" -xf - ||
    fail "could not copy the tree"
else
  tar -C "$source_dir" --exclude='./_build*' -cf - . | tar -C "$root$tree" -xf - ||
    fail "could not copy the tree"
fi

cp -L /etc/resolv.conf "$root/etc/resolv.conf.host"
mv "$root/etc/resolv.conf.host" "$root/etc/resolv.conf"
# Packages must not start services in the root: there is no init in it.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

bind /proc
bind /sys
bind /dev
bind /dev/pts
bind /dev/shm
# The packages downloaded by earlier runs, so that only what changed on the
# mirror is fetched again.
bind /var/cache/apt/archives "$archives"

# A clean environment, as after a log-in; CI keeps warnings errors.
environment=(HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8
             PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
if [ -n "${CI:-}" ]; then
  environment+=(CI="$CI")
fi

note "running build-aux/test.sh $* in Debian 13"
log=$(mktemp)
status=0
# shellcheck disable=SC2016 # $1 and $@ are the inner shell's
chroot "$root" /usr/bin/env -i "${environment[@]}" \
  /bin/bash -c 'cd "$1" && shift && exec build-aux/test.sh "$@"' \
  test.sh "$tree" "$@" 2>&1 | tee "$log" || status=$?

closing=$(grep -E '^tests: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
rm -f "$log"
# meson's logs of the run, for reading after the root is gone: the
# benchmarks have a build directory of their own (see setup.sh).
if [ -n "${RACIMO_DEBIAN13_LOGS:-}" ]; then
  for logs in "$root$tree"/_build/meson-logs "$root$tree"/_build-benchmark/meson-logs; do
    if [ -d "$logs" ]; then
      mkdir -p "$RACIMO_DEBIAN13_LOGS"
      cp -r "$logs/." "$RACIMO_DEBIAN13_LOGS/"
    fi
  done
fi
cleanup

note "Debian 13 stage took $(( $(date +%s) - start )) s"
if [ -z "$closing" ]; then
  fail "build-aux/test.sh ended (status $status) before any test ran"
fi
echo "$closing"
if [ "$status" -eq 0 ] && ! [[ $closing =~ \ 0\ failed ]]; then
  status=1
fi
exit "$status"
