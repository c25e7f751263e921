#!/bin/sh
# Runs a test in a private D-Bus session with a freshly unlocked GNOME Keyring (a throw-away
# "login" keyring in a temporary home), so that the real Secret Service backend is exercised
# without touching the user's keyring. Without dbus-run-session or gnome-keyring-daemon the test
# runs as is and its keyring functions skip (CVMI_KEYRING_SESSION unset).
# With --bus-only, the session bus can start no service at all, so no Secret Service answers
# (CVMI_KEYRING_BUS_ONLY): the "no keyring" error is exercised instead.
# Usage: run-with-keyring.sh [--bus-only] TEST [ARGS...]
set -eu
bus_only=
if [ "${1:-}" = --bus-only ]; then
    bus_only=1
    shift
fi
test=$1
shift
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "run-with-keyring.sh: dbus-run-session or gnome-keyring-daemon missing (packages dbus, gnome-keyring); the keyring tests will skip" >&2
    exec "$test" "$@"
fi
home=$(mktemp -d)
# Not exec: the trap removes the temporary home afterwards.
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
if [ -n "$bus_only" ]; then
    export CVMI_KEYRING_BUS_ONLY=1
    dbus-run-session --config-file="$(dirname "$0")/dbus-no-services.conf" -- "$test" "$@"
    exit
fi
export CVMI_KEYRING_SESSION=1
# The password only unlocks the throw-away keyring above.
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" "$@"' "$test" "$@"
