#!/usr/bin/env bash
# Builds the Debian package from an already built build directory (cpack; nothing is recompiled),
# installs it with apt so that the dependencies it declares must resolve, and tries what was
# installed: cvm-import --version and check on a fixture made now by tests/fixtures (raw and
# qcow2), the desktop file, icon and AppStream metainfo where desktops look for them (validated),
# and the wizard itself under QT_QPA_PLATFORM=offscreen. Then removes the package again.
# Usage: scripts/check-package.sh BUILD_DIR     (as root, or with sudo; Debian 12)
# Prints one line, "check-package: ok ..." or "check-package: FAILED ..."; details in
# BUILD_DIR/check-package.log. Exit status 0 ok, 1 a check failed, 2 cannot run.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: check-package.sh BUILD_DIR}
build=$(cd "$build" 2>/dev/null && pwd) || {
    echo "check-package: no build directory '$1'" >&2
    exit 2
}
pkg=cvm-import-wizard
log=$build/check-package.log
: >"$log"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
export PATH="$PATH:/usr/sbin:/sbin"

for f in CPackConfig.cmake app/cli/cvm-import app/gui/cvm-import-wizard; do
    [ -e "$build/$f" ] || {
        echo "check-package: $build/$f is missing: configure with -DCVMI_BUILD_GUI=ON and build first" >&2
        exit 2
    }
done
for tool in cpack dpkg-shlibdeps desktop-file-validate appstreamcli qemu-img; do
    command -v "$tool" >/dev/null || {
        echo "check-package: $tool not found: run scripts/install-deps.sh build test" >&2
        exit 2
    }
done
# An installed copy is someone's: replacing and then removing it would not leave the machine as
# it was.
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    echo "check-package: $pkg is already installed here; remove it first (apt-get remove $pkg)" >&2
    exit 2
fi

work=$(mktemp -d)
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then
        $sudo apt-get remove -y -qq "$pkg" >>"$log" 2>&1 || echo "check-package: could not remove $pkg" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# apt reads the .deb as user _apt; a private temporary directory would make it warn.
chmod 755 "$work"

fail() {
    echo "check-package: FAILED: $*"
    echo "--- last lines of $log ---"
    tail -n 25 "$log"
    exit 1
}
step() { # description, command...: runs the command with its output in the log
    local what=$1
    shift
    echo "== $what: $*" >>"$log"
    "$@" >>"$log" 2>&1 || fail "$what (exit $?)"
}

# 1. The package, from the build as it is. cpack reads CPackConfig.cmake before its own
# up-to-date check would regenerate it, so that check runs first (nothing to do on a built tree).
step "build up to date" cmake --build "$build"
step "cpack" cpack -G DEB -B "$work/cpack" --config "$build/CPackConfig.cmake"
deb=$(find "$work/cpack" -maxdepth 1 -name "${pkg}_*.deb" | head -n 1)
[ -n "$deb" ] || fail "cpack made no ${pkg}_*.deb"
version=$(dpkg-deb -f "$deb" Version)
depends=$(dpkg-deb -f "$deb" Depends)
step "package contents" dpkg-deb -c "$deb"
step "package control" dpkg-deb -I "$deb"
for lib in libqt6widgets6 libqt6network6 libqt6svg6 libqt6dbus6 libqt6keychain1 libhivex0 libisal2 libcurl4; do
    grep -q "\b$lib\b" <<<"$depends" || fail "Depends does not name $lib: $depends"
done
# The Sleuth Kit comes from libtsk.a without its container-format libraries (cmake/CvmiTsk.cmake)
# unless the build chose libtsk.so (-DCVMI_STATIC_TSK=OFF, or no libtsk.a was found).
tsk_libs="libtsk19 libewf2 libafflib0v5 libvmdk1 libvhdi1 libbfio1 libsqlite3-0"
if grep -q '^CVMI_STATIC_TSK:BOOL=ON' "$build/CMakeCache.txt" &&
    ! grep -q '^CVMI_TSK_ARCHIVE:FILEPATH=.*NOTFOUND' "$build/CMakeCache.txt"; then
    for lib in $tsk_libs; do
        if grep -q "\b$lib\b" <<<"$depends"; then
            fail "Depends names $lib although The Sleuth Kit is linked statically: $depends"
        fi
    done
    static_tsk=1
else
    grep -q "\blibtsk19\b" <<<"$depends" || fail "Depends does not name libtsk19: $depends"
    static_tsk=0
fi

# 2. Installed by apt, so that every declared dependency must be found in the archive.
cp "$deb" "$work/"
deb=$work/$(basename "$deb")
installed=1
if ! $sudo apt-get install -y -qq "$deb" >>"$log" 2>&1; then
    # Stale package lists are the usual cause on a fresh machine.
    $sudo apt-get update -qq >>"$log" 2>&1
    step "apt-get install" $sudo apt-get install -y -qq "$deb"
fi
[ -x /usr/bin/cvm-import ] && [ -x /usr/bin/cvm-import-wizard ] ||
    fail "the package did not install /usr/bin/cvm-import and /usr/bin/cvm-import-wizard"

# 3. The command line, from the installed files only.
if [ "$static_tsk" -eq 1 ]; then
    loaded=$(ldd /usr/bin/cvm-import /usr/bin/cvm-import-wizard | grep -E 'lib(tsk|ewf|afflib|vmdk|vhdi|bfio|sqlite3)\.so')
    [ -z "$loaded" ] || fail "the installed programs still load The Sleuth Kit's format libraries: $loaded"
fi
out=$(/usr/bin/cvm-import --version 2>&1) || fail "cvm-import --version: $out"
grep -q "$version" <<<"$out" || fail "cvm-import --version printed '$out', not $version"
# cvm-import runs `check` without the network libraries and hands the cloud commands to its
# companion (app/cli/CompanionCommand.h): the companion must be installed where it looks, and
# cvm-import itself must not load libcurl, Qt Network or OpenSSL.
companion=/usr/libexec/cvm-import-wizard/cvm-import-cloud
[ -x "$companion" ] || fail "the package did not install $companion"
loaded=$(ldd /usr/bin/cvm-import | grep -E 'lib(curl|Qt6Network|ssl|crypto)\.so')
[ -z "$loaded" ] || fail "cvm-import loads network libraries it needs only in $companion: $loaded"
out=$(HOME="$work/home" XDG_DATA_HOME="$work/home/data" /usr/bin/cvm-import uploads 2>&1) ||
    fail "cvm-import uploads (through $companion): $out"
step "fixture" "$root/tests/fixtures/make-base-disks.sh" "$work/fixtures"
step "qcow2 fixture" qemu-img convert -f raw -O qcow2 "$work/fixtures/mbr-ext4.raw" "$work/mbr-ext4.qcow2"
checked=0
for image in "$work/fixtures/mbr-ext4.raw" "$work/mbr-ext4.qcow2"; do
    /usr/bin/cvm-import check --json "$image" >"$work/check.json" 2>>"$log"
    rc=$?
    cat "$work/check.json" >>"$log"
    # The fixture's "Fixture Linux" is no supported distribution: 1, not compliant, is the answer;
    # 2 would be an unusable image or an error.
    [ "$rc" -eq 1 ] || fail "cvm-import check $(basename "$image") exited $rc, not 1 (not compliant)"
    python3 - "$work/check.json" "$image" >>"$log" 2>&1 <<'EOF' || fail "cvm-import check $(basename "$image") did not read the fixture's disk (see the log)"
import json, sys
r = json.load(open(sys.argv[1]))
# make-base-disks.sh: MBR, partition 1 ext4 "fixroot" holding os-release NAME="Fixture Linux".
want = {
    "format": "qcow2" if sys.argv[2].endswith(".qcow2") else "raw",
    "partition_table": "mbr",
    "compliant": False,
    "partition 1": ("ext4", "fixroot"),
    "os": "Fixture Linux",
    "rules": True,
}
got = {
    "format": r.get("format"),
    "partition_table": r.get("partition_table"),
    "compliant": r.get("compliant"),
    "partition 1": tuple((r.get("partitions") or [{}])[0].get(k) for k in ("filesystem", "label")),
    "os": (r.get("os") or {}).get("name"),
    "rules": bool(r.get("rules")),
}
bad = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
if bad:
    sys.exit("got, wanted: " + repr(bad))
print("report as expected:", want["format"])
EOF
    checked=$((checked + 1))
done

# 4. What desktops read: the launcher, its icon and the software-centre metadata.
desktop=/usr/share/applications/$pkg.desktop
icon=/usr/share/icons/hicolor/scalable/apps/$pkg.svg
metainfo=$(ls /usr/share/metainfo/*.metainfo.xml 2>/dev/null | xargs -r grep -l "<launchable type=\"desktop-id\">$pkg.desktop<" | head -n 1)
[ -f "$desktop" ] || fail "no $desktop"
[ -f "$icon" ] || fail "no $icon"
[ -n "$metainfo" ] || fail "no metainfo in /usr/share/metainfo launching $pkg.desktop"
step "desktop-file-validate" desktop-file-validate "$desktop"
step "appstreamcli validate" appstreamcli validate --no-net "$metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || fail "$metainfo has no release $version"
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ "$(command -v "$exec_bin")" = /usr/bin/cvm-import-wizard ] || fail "Exec=$exec_bin is not the installed wizard"
[ "$(sed -n 's/^Icon=//p' "$desktop")" = "$(basename "$icon" .svg)" ] || fail "Icon= does not name $icon"

# 5. The wizard: its version, then a real window on the fixture, rendered offscreen to a PNG.
export QT_QPA_PLATFORM=offscreen
# Its own home and runtime directory: settings and sockets stay in $work.
gui_home=$work/home
mkdir -p "$gui_home/run"
chmod 700 "$gui_home/run"
export XDG_RUNTIME_DIR=$gui_home/run
out=$(HOME=$gui_home XDG_CONFIG_HOME=$gui_home/.config timeout 60 /usr/bin/cvm-import-wizard --version 2>&1) ||
    fail "cvm-import-wizard --version: $out"
grep -q "$version" <<<"$out" || fail "cvm-import-wizard --version printed '$out', not $version"
step "wizard screenshot" env HOME="$gui_home" XDG_CONFIG_HOME="$gui_home/.config" timeout 90 \
    /usr/bin/cvm-import-wizard --screenshot "$work/wizard.png" "$work/mbr-ext4.qcow2"
[ "$(head -c 8 "$work/wizard.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "the wizard wrote no PNG"

# 6. Removed again: the machine is left as it was found.
step "apt-get remove" $sudo apt-get remove -y -qq "$pkg"
installed=0
[ ! -e /usr/bin/cvm-import ] && [ ! -e "$desktop" ] || fail "files left after apt-get remove $pkg"

files=$(dpkg-deb -c "$deb" | grep -vc '/$')
size=$(($(stat -c %s "$deb") / 1024))
echo "check-package: ok $(basename "$deb") ($files files, $size KiB): installed by apt," \
    "cvm-import --version and check ($checked images), desktop file, icon and metainfo valid," \
    "wizard --version and an offscreen window, removed"
