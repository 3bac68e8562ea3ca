#!/usr/bin/python3
# test-potfiles.py: the translation inputs are complete.
#
#   test-potfiles.py potfiles SRCDIR
#     Every file with translatable strings is in po/POTFILES.in, and every
#     entry of POTFILES.in exists.  A C file counts when its code (not its
#     comments) calls _(), N_(), C_(), NC_(), ngettext() or a g_d*gettext()
#     function; a .ui file when it has translatable="yes"; every template
#     in data/templates, the desktop file, the metainfo and a GSettings
#     schema with a summary or description count too.
#
#   test-potfiles.py templates SRCDIR
#     xgettext with po/its extracts from the .raci templates exactly the
#     texts that racimo-templates.c translates (title, descriptions, names,
#     abbreviations, byte for byte as the reader returns them), and the same
#     rules leave the extraction of the .ui files as it is without them.
#
#   test-potfiles.py linguas SRCDIR
#     Every language of po/LINGUAS has a .po file that msgfmt --check
#     accepts, that has a message for every string of the sources, none of
#     them untranslated or fuzzy.
#
#   test-potfiles.py help SRCDIR
#     The same for the translations of the user guide, data/help/LL/LL.po,
#     against what itstool extracts from data/help/C.
#
# Prints what is wrong, naming the files and strings.
# Exit status: 0 passed, 1 failed, 77 skipped (xgettext, itstool or msgfmt
# missing).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
RACI_NS = '{urn:x-racimo:raci:1}'

# The keywords of meson's i18n 'glib' preset, which po/meson.build uses.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
]

GETTEXT_CALL = re.compile(
    r'(?<![A-Za-z0-9_])'
    r'(_|N_|C_|NC_|ngettext|dngettext|dcngettext|g_dgettext|g_dcgettext|g_dngettext'
    r'|g_dpgettext|g_dpgettext2)\s*\(')


def c_code_without_comments_and_strings(text):
    """The C source with comments removed and string and character literals
    emptied, so that a comment saying "wrap it in _()" counts for nothing."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
            out.append(' ')
        elif text.startswith('//', i):
            end = text.find('\n', i)
            i = n if end < 0 else end
        elif c in '"\'':
            out.append(c)
            i += 1
            while i < n and text[i] != c:
                i += 2 if text[i] == '\\' else 1
            out.append(c)
            i += 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def has_strings_c(path):
    with open(path, encoding='utf-8') as f:
        return GETTEXT_CALL.search(c_code_without_comments_and_strings(f.read())) is not None


def has_strings_ui(path):
    with open(path, encoding='utf-8') as f:
        return re.search(r'translatable\s*=\s*["\']yes["\']', f.read()) is not None


def has_strings_gschema(path):
    root = ET.parse(path).getroot()
    return any(e.tag in ('summary', 'description') and (e.text or '').strip()
               for e in root.iter())


def walk(srcdir, top, suffixes):
    """Files under srcdir/top ending in one of suffixes, as paths relative to
    srcdir with '/' separators, skipping build directories."""
    found = []
    base = os.path.join(srcdir, top)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(('_build', 'build', '.')))
        for name in sorted(filenames):
            if name.endswith(suffixes):
                rel = os.path.relpath(os.path.join(dirpath, name), srcdir)
                found.append(rel.replace(os.sep, '/'))
    return found


def needed_files(srcdir):
    needed = []
    for rel in walk(srcdir, 'src', ('.c',)):
        if has_strings_c(os.path.join(srcdir, rel)):
            needed.append(rel)
    for rel in walk(srcdir, 'ui', ('.ui',)):
        if has_strings_ui(os.path.join(srcdir, rel)):
            needed.append(rel)
    needed += walk(srcdir, 'data/templates', ('.raci',))
    for rel in walk(srcdir, 'data', ('.desktop.in', '.metainfo.xml.in')):
        if '/' not in rel[len('data/'):]:
            needed.append(rel)
    for rel in walk(srcdir, 'data', ('.gschema.xml',)):
        if has_strings_gschema(os.path.join(srcdir, rel)):
            needed.append(rel)
    return needed


def read_list(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def check_potfiles(srcdir):
    potfiles_in = os.path.join(srcdir, 'po', 'POTFILES.in')
    listed = read_list(potfiles_in)
    needed = needed_files(srcdir)
    failed = False

    for rel in needed:
        if rel not in listed:
            print(f'po/POTFILES.in: missing {rel}, which has translatable strings')
            failed = True
    for rel in listed:
        if not os.path.isfile(os.path.join(srcdir, rel)):
            print(f'po/POTFILES.in: {rel} does not exist')
            failed = True
    seen = set()
    for rel in listed:
        if rel in seen:
            print(f'po/POTFILES.in: {rel} is listed twice')
            failed = True
        seen.add(rel)

    if not failed:
        print(f'po/POTFILES.in lists all {len(needed)} files with translatable strings')
    return 1 if failed else 0


def run(args, env=None):
    result = subprocess.run(args, env=env, capture_output=True, text=True, encoding='utf-8')
    if result.returncode != 0:
        print(result.stderr, end='')
        sys.exit(f'{args[0]} failed with exit status {result.returncode}')
    return result


def msgids(srcdir, files, datadirs):
    """The msgids xgettext extracts from files, with po/its found or not."""
    env = dict(os.environ)
    env.pop('GETTEXTDATADIRS', None)
    if datadirs:
        env['GETTEXTDATADIRS'] = os.path.join(srcdir, 'po')
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'out.pot')
        # Not --omit-header: without the header's charset, xgettext drops
        # every character that is not ASCII.
        run(['xgettext', *XGETTEXT_ARGS, '-D', srcdir, '-o', pot, *files], env=env)
        if not os.path.exists(pot):
            return set()
        return {key for key in po_messages(pot) if key != (None, '')}


def po_unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    body = s[1:-1]
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r'}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), '\\' + m.group(1)), body)


def po_messages(path):
    """{(msgctxt, msgid): (msgstrs, fuzzy)} of a .po or .pot file, without
    obsolete entries."""
    messages = {}
    entry = {}
    field = None

    def flush():
        if 'msgid' in entry:
            key = (entry.get('msgctxt'), entry['msgid'])
            strs = [v for k, v in sorted(entry.items()) if k.startswith('msgstr')]
            messages[key] = (strs, entry.get('fuzzy', False))
        entry.clear()

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#~'):
                continue
            if not line.strip():
                flush()
                field = None
                continue
            if line.startswith('#,'):
                if 'msgid' in entry:
                    flush()
                if 'fuzzy' in line:
                    entry['fuzzy'] = True
                continue
            if line.startswith('#'):
                if 'msgid' in entry:
                    flush()
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                field = m.group(1)
                if field in ('msgctxt', 'msgid') and 'msgid' in entry:
                    flush()
                entry[field] = po_unquote(m.group(2))
            elif line.startswith('"') and field:
                entry[field] += po_unquote(line)
        flush()
    return messages


def template_texts(path):
    """The texts racimo-templates.c passes to g_dgettext()."""
    root = ET.parse(path).getroot()
    texts = []

    def add(text):
        if text:
            texts.append(text)

    add(root.findtext(RACI_NS + 'title'))
    add(root.findtext(RACI_NS + 'description'))
    for role in root.iter(RACI_NS + 'role'):
        add(role.get('abbrev'))
        add(role.findtext(RACI_NS + 'name'))
        add(role.findtext(RACI_NS + 'description'))
    for tag in ('phase', 'activity'):
        for item in root.iter(RACI_NS + tag):
            add(item.findtext(RACI_NS + 'name'))
            add(item.findtext(RACI_NS + 'description'))
    return texts


def check_templates(srcdir):
    if shutil.which('xgettext') is None:
        print('SKIP: xgettext is not installed')
        return SKIP

    failed = False
    templates = walk(srcdir, 'data/templates', ('.raci',))
    if not templates:
        print('no templates found in data/templates')
        return 1

    extracted = {msgid for _ctx, msgid in msgids(srcdir, templates, datadirs=True)}
    expected = set()
    for rel in templates:
        for text in template_texts(os.path.join(srcdir, rel)):
            expected.add(text)
            if text not in extracted:
                print(f'{rel}: "{text}" is not extracted for translation')
                failed = True
    for text in sorted(extracted - expected):
        print(f'data/templates: "{text}" is extracted but never translated by the program')
        failed = True

    uis = walk(srcdir, 'ui', ('.ui',))
    with_rules = msgids(srcdir, uis, datadirs=True)
    without_rules = msgids(srcdir, uis, datadirs=False)
    if with_rules != without_rules or (not with_rules and any(
            has_strings_ui(os.path.join(srcdir, u)) for u in uis)):
        print('po/its changes what xgettext extracts from the .ui files:')
        for ctx, text in sorted(without_rules - with_rules, key=str):
            print(f'  lost: "{text}"')
        for ctx, text in sorted(with_rules - without_rules, key=str):
            print(f'  gained: "{text}"')
        failed = True

    if not failed:
        print(f'{len(expected)} template texts and {len(with_rules)} .ui strings extracted')
    return 1 if failed else 0


def read_linguas(path):
    languages = []
    for entry in read_list(path):
        languages += entry.split()
    return languages


def check_catalogs(srcdir, wanted, po_paths, update_target):
    """Each .po file of po_paths passes msgfmt --check and translates every
    message of wanted, with nothing fuzzy or untranslated left over."""
    failed = False

    for rel in po_paths:
        po = os.path.join(srcdir, rel)
        if not os.path.isfile(po):
            print(f'{rel}: missing, but its language is in LINGUAS')
            failed = True
            continue

        result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                                capture_output=True, text=True, encoding='utf-8')
        print(f'{rel}: {result.stderr.strip()}')
        if result.returncode != 0:
            failed = True

        messages = po_messages(po)
        for key, (strs, fuzzy) in messages.items():
            if key == (None, '') or key in wanted:
                continue
            if fuzzy or not strs or any(s == '' for s in strs):
                print(f'{rel}: "{key[1]}" is no longer in the sources and is '
                      f'untranslated or fuzzy: update the file (meson compile {update_target})')
                failed = True
        for key in sorted(wanted, key=lambda k: (k[0] or '', k[1])):
            ctx, text = key
            shown = f'"{text}"' if ctx is None else f'"{text}" (context "{ctx}")'
            if key not in messages:
                print(f'{rel}: no message for {shown}')
                failed = True
                continue
            strs, fuzzy = messages[key]
            if fuzzy:
                print(f'{rel}: fuzzy translation of {shown}')
                failed = True
            elif not strs or any(s == '' for s in strs):
                print(f'{rel}: untranslated {shown}')
                failed = True

    return 1 if failed else 0


def check_linguas(srcdir):
    if shutil.which('xgettext') is None or shutil.which('msgfmt') is None:
        print('SKIP: xgettext or msgfmt is not installed')
        return SKIP

    podir = os.path.join(srcdir, 'po')
    languages = read_linguas(os.path.join(podir, 'LINGUAS'))
    if not languages:
        print('po/LINGUAS names no language')
        return 1

    # A missing entry is po-potfiles' to report; xgettext would stop on it.
    sources = [rel for rel in read_list(os.path.join(podir, 'POTFILES.in'))
               if os.path.isfile(os.path.join(srcdir, rel))]
    wanted = msgids(srcdir, sources, datadirs=True)

    return check_catalogs(srcdir, wanted, [f'po/{lang}.po' for lang in languages],
                          'racimo-update-po')


def check_help(srcdir):
    """The translations of the user guide in data/help are complete."""
    if shutil.which('itstool') is None or shutil.which('msgfmt') is None:
        print('SKIP: itstool or msgfmt is not installed')
        return SKIP

    helpdir = os.path.join(srcdir, 'data', 'help')
    linguas = os.path.join(helpdir, 'LINGUAS')
    languages = read_linguas(linguas) if os.path.exists(linguas) else []
    pages = sorted(os.path.join(helpdir, 'C', name)
                   for name in os.listdir(os.path.join(helpdir, 'C'))
                   if name.endswith(('.page', '.xml')))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'help.pot')
        run(['itstool', '-o', pot, *pages])
        wanted = {key for key in po_messages(pot) if key != (None, '')}

    return check_catalogs(srcdir, wanted,
                          [f'data/help/{lang}/{lang}.po' for lang in languages],
                          'help-racimo-update-po')


def main(argv):
    if len(argv) != 3 or argv[1] not in ('potfiles', 'templates', 'linguas', 'help'):
        print(f'usage: {argv[0]} potfiles|templates|linguas|help SRCDIR', file=sys.stderr)
        return 2
    srcdir = os.path.abspath(argv[2])
    return {'potfiles': check_potfiles,
            'templates': check_templates,
            'linguas': check_linguas,
            'help': check_help}[argv[1]](srcdir)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
