#!/usr/bin/python3
# test-references.py SRCDIR: comments point at documents a contributor has.
#
# The code's comments cite the project's own documents in docs/, as
#   docs/file-format.md, "Canonical output"
# Every such citation must name a file that exists and, when it quotes a
# heading, a heading of that file.  Documents kept outside the repository
# (the design notes, format contract and platform notes the project was
# started from) must not be cited at all: nobody who clones the repository
# can follow them.
#
# Prints each bad citation as FILE:LINE: reason.
# Exit status: 0 passed, 1 failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

SOURCES = ('src', 'tests', 'data', 'ui', 'build-aux', 'flatpak', 'po')
SUFFIXES = ('.c', '.h', '.py', '.sh', '.rng', '.ui', '.xml', '.build', '.in', '.css')
OUTSIDE = re.compile(r'\b(FORMAT|DESIGN|PLATFORM|STYLE)\.md\b')
CITATION = re.compile(r'docs/([A-Za-z0-9_.-]+\.md)(?:,\s*"([^"]+)")?')


def headings(path):
    found = set()
    with open(path, encoding='utf-8') as f:
        in_code = False
        for line in f:
            if line.startswith('```'):
                in_code = not in_code
            elif not in_code and line.startswith('#'):
                found.add(line.lstrip('#').strip())
    return found


def source_files(srcdir):
    for top in SOURCES:
        for root, dirs, files in os.walk(os.path.join(srcdir, top)):
            dirs[:] = [d for d in dirs if not d.startswith(('_build', '.'))]
            for name in files:
                if name.endswith(SUFFIXES) or name == 'meson.build':
                    yield os.path.join(root, name)
    yield os.path.join(srcdir, '.clang-format')
    yield os.path.join(srcdir, 'meson.build')


def main():
    srcdir = sys.argv[1]
    cache = {}
    bad = 0
    for path in source_files(srcdir):
        if not os.path.isfile(path) or os.path.samefile(path, __file__):
            continue
        with open(path, encoding='utf-8', errors='replace') as f:
            # A citation may wrap: join each line with the next one.
            lines = f.read().split('\n')
        for number, line in enumerate(lines, 1):
            shown = os.path.relpath(path, srcdir)
            if OUTSIDE.search(line):
                print(f'{shown}:{number}: cites a document that is not in the repository')
                bad += 1
            joined = line + ' ' + (lines[number].strip(' */#<!-') if number < len(lines) else '')
            for match in CITATION.finditer(joined):
                if match.start() >= len(line):
                    break
                document, heading = match.group(1), match.group(2)
                target = os.path.join(srcdir, 'docs', document)
                if not os.path.isfile(target):
                    print(f'{shown}:{number}: docs/{document} does not exist')
                    bad += 1
                    continue
                if heading is not None:
                    if target not in cache:
                        cache[target] = headings(target)
                    if heading not in cache[target]:
                        print(f'{shown}:{number}: docs/{document} has no heading "{heading}"')
                        bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
