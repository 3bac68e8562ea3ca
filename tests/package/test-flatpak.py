#!/usr/bin/python3
# test-flatpak.py: the Flatpak manifest builds what meson builds, on a GNOME
# runtime that has the GTK the newer branches of racimo-compat.c are
# tested with, and asks for no more than a sandboxed editor needs.
#
#   test-flatpak.py MANIFEST SRCDIR APP-ID EXECUTABLE
#
# Offline: building the Flatpak needs the network (the SDK and runtime
# come from Flathub), so this reads the manifest and the files it must
# agree with.  TAP output, one line per check.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# What the GNOME SDK of each version offers of Racimo's dependencies.
# GNOME 48 is the first with GTK 4.18 and libadwaita 1.7, what Debian 13
# ships and what the newer branches of racimo-compat.c are tested with.
GNOME_SDK = {
    48: {'gtk4': '4.18', 'libadwaita-1': '1.7', 'glib-2.0': '2.84'},
    49: {'gtk4': '4.20', 'libadwaita-1': '1.8', 'glib-2.0': '2.86'},
}
MIN_RUNTIME = min(GNOME_SDK)
# Also in every GNOME SDK, their versions well above what meson asks for
SDK_ALSO = {'gobject-2.0', 'gio-2.0', 'gmodule-2.0', 'libxml-2.0', 'cairo', 'pangocairo',
            'libarchive'}

# Portals serve a sandboxed editor's files (open, save, export, print,
# open a URI): no file system access beyond its own.
FORBIDDEN_FILESYSTEMS = ('host', 'host-os', 'host-etc', 'home', '/')
REQUIRED_ARGS = ('--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri')
FORBIDDEN_ARGS = ('--socket=x11', '--socket=session-bus', '--socket=system-bus',
                  '--share=network', '--device=all', '--talk-name=org.freedesktop.Flatpak')

results = []


def check(ok, what, *details):
    results.append((ok, what, details))


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r'\d+', text))


def meson_dependencies(meson_build):
    """{name: minimum version or None} of the dependency() calls"""
    deps = {}
    for match in re.finditer(r"dependency\(\s*'([^']+)'(?:\s*,\s*version:\s*'>=\s*([^']+)')?",
                              meson_build):
        deps[match.group(1)] = match.group(2)
    return deps


def meson_options(text):
    """{name: list of choices or None}"""
    options = {}
    for match in re.finditer(r"option\(\s*'([^']+)'(.*?)\)\s*$", text, re.S | re.M):
        choices = re.search(r"choices:\s*\[([^\]]*)\]", match.group(2))
        options[match.group(1)] = (re.findall(r"'([^']*)'", choices.group(1))
                                   if choices else None)
    return options


def main():
    manifest_path, srcdir, app_id, executable = sys.argv[1:5]
    data = os.path.join(srcdir, 'data')

    # Well-formed JSON, named after the app
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
        check(True, 'the manifest is well-formed JSON')
    except (OSError, ValueError) as e:
        check(False, 'the manifest is well-formed JSON', str(e))
        return
    manifest_id = manifest.get('id', manifest.get('app-id'))
    check(manifest_id == app_id, 'its id is the app id of meson.build',
          f'manifest: {manifest_id!r}, meson.build: {app_id!r}')
    check(os.path.basename(manifest_path) == app_id + '.json',
          'the manifest is named after the app id', os.path.basename(manifest_path))

    # The app id of the data files
    desktop_in = os.path.join(data, app_id + '.desktop.in')
    metainfo_in = os.path.join(data, app_id + '.metainfo.xml.in')
    gschema = os.path.join(data, app_id + '.gschema.xml')
    service_in = os.path.join(data, app_id + '.service.in')
    for path in (desktop_in, metainfo_in, gschema, service_in):
        check(os.path.isfile(path), f'data/{os.path.basename(path)} exists')
    if os.path.isfile(metainfo_in):
        root = ET.parse(metainfo_in).getroot()
        ids = [e.text for e in root.findall('id')]
        launchables = [e.text for e in root.findall('launchable')]
        check(ids == ['@app_id@'], 'the metainfo takes its id from meson', ids)
        check(launchables == ['@app_id@.desktop'], 'the metainfo launches the desktop file',
              launchables)
    if os.path.isfile(gschema):
        schema_ids = [e.get('id') for e in ET.parse(gschema).getroot().findall('schema')]
        check(app_id in schema_ids, 'the settings schema has the app id', schema_ids)

    # The command is the program meson installs, as the desktop file runs it
    command = manifest.get('command')
    check(command == executable, 'the command is the executable meson builds',
          f'manifest: {command!r}, meson: {executable!r}')
    if os.path.isfile(desktop_in):
        desktop = configparser.ConfigParser(interpolation=None)
        desktop.optionxform = str
        desktop.read(desktop_in, encoding='utf-8')
        exec_line = desktop.get('Desktop Entry', 'Exec', fallback='')
        check(exec_line.split()[:1] == [command], 'the desktop file runs the command',
              exec_line)
    if os.path.isfile(service_in):
        with open(service_in, encoding='utf-8') as f:
            service_exec = re.search(r'^Exec=(\S+)', f.read(), re.M)
        check(service_exec is not None
              and os.path.basename(service_exec.group(1)) == command,
              'the D-Bus service runs the command',
              service_exec.group(1) if service_exec else 'no Exec=')

    # A GNOME runtime with GTK 4.18 or newer, the SDK of the same
    runtime = manifest.get('runtime')
    sdk = manifest.get('sdk')
    version = str(manifest.get('runtime-version', ''))
    check(runtime == 'org.gnome.Platform', 'the runtime is GNOME\'s', runtime)
    check(sdk == 'org.gnome.Sdk', 'the SDK is GNOME\'s', sdk)
    number = int(version) if version.isdigit() else 0
    check(number >= MIN_RUNTIME,
          f'the runtime version is {MIN_RUNTIME} or newer (GTK 4.18, libadwaita 1.7)',
          repr(version))
    sdk_offers = GNOME_SDK.get(number, GNOME_SDK[max(GNOME_SDK)]) if number >= MIN_RUNTIME else {}

    # Every dependency of meson.build is in the SDK, new enough, or built
    with open(os.path.join(srcdir, 'meson.build'), encoding='utf-8') as f:
        meson_build = f.read()
    modules = manifest.get('modules', [])
    module_names = [m.get('name') for m in modules if isinstance(m, dict)]
    for dep, minimum in sorted(meson_dependencies(meson_build).items()):
        if dep in sdk_offers:
            ok = minimum is None or version_tuple(sdk_offers[dep]) >= version_tuple(minimum)
            check(ok, f'{dep} {">= " + minimum if minimum else ""} is in the SDK',
                  f'GNOME {number} has {sdk_offers[dep]}')
        else:
            check(dep in SDK_ALSO or dep in module_names,
                  f'{dep} is in the SDK or built by a module', module_names)

    # A library the SDK lacks is built from a release pinned by its tag and
    # a checksum: the commit of a git source, the sha256 of an archive
    for module in modules[:-1]:
        if not isinstance(module, dict):
            continue
        for source in module.get('sources', []):
            pinned = ((source.get('type') == 'git' and source.get('tag')
                       and re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')))
                      or (source.get('type') == 'archive'
                          and re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', ''))))
            check(bool(pinned), f'module {module.get("name")} is pinned by tag and checksum',
                  source)

    # The last module is Racimo, built with meson from this tree, with
    # options meson knows
    app_module = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    check(app_module.get('name') == 'racimo' and app_module.get('buildsystem') == 'meson',
          'the last module builds racimo with meson',
          app_module.get('name'), app_module.get('buildsystem'))
    with open(os.path.join(srcdir, 'meson_options.txt'), encoding='utf-8') as f:
        options = meson_options(f.read())
    for opt in app_module.get('config-opts', []):
        match = re.fullmatch(r'-D([^=]+)=(.*)', opt)
        if not match:
            check(False, f'config option {opt} is a -Dname=value', opt)
            continue
        name, value = match.groups()
        known = name in options
        check(known and (options[name] is None or value in options[name]),
              f'config option {opt} is one meson_options.txt offers',
              options.get(name))
        if name == 'profile':
            check((value == 'development') == manifest_id.endswith('.Devel'),
                  'the profile matches the id (".Devel" for development)', value)
    dirs = [s for s in app_module.get('sources', []) if s.get('type') == 'dir']
    tree = (os.path.normpath(os.path.join(os.path.dirname(manifest_path), dirs[0]['path']))
            if dirs else None)
    check(tree is not None and os.path.samefile(tree, srcdir),
          'the module is built from this source tree', tree)

    # Sandbox: portals for files, no host file system, a display
    finish_args = manifest.get('finish-args', [])
    for arg in REQUIRED_ARGS:
        check(arg in finish_args, f'finish-args has {arg}')
    for arg in finish_args:
        fs = re.fullmatch(r'--filesystem=([^:]+)(:.*)?', arg)
        if fs:
            place = fs.group(1)
            check(not (place in FORBIDDEN_FILESYSTEMS or place.startswith(('~', '/', 'xdg-'))),
                  f'{arg}: no file system access where portals serve')
        else:
            check(arg not in FORBIDDEN_ARGS, f'{arg}: not more than an editor needs')


if __name__ == '__main__':
    if len(sys.argv) != 5:
        print(__doc__ or 'usage: test-flatpak.py MANIFEST SRCDIR APP-ID EXECUTABLE',
              file=sys.stderr)
        sys.exit(2)
    main()
    print(f'1..{len(results)}')
    failed = 0
    for n, (ok, what, details) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {n} {what}')
        if not ok:
            failed += 1
            for detail in details:
                print(f'# {detail}')
    sys.exit(1 if failed else 0)
