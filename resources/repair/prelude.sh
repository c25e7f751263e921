# ---- The helpers every step uses (the same in every script cvm-import writes) ----
# ROOT is the guest's root: empty for this system, or the directory given by --root (a disk
# mounted elsewhere, or a copy of its tree). Every guest path below is "$ROOT/etc/...".
ROOT=
DRY_RUN=0
CHANGES=0
FAILURES=0
CURRENT_RULE=

usage() {
    printf 'Usage: %s [--dry-run] [--root DIR]\n' "$0"
    printf '  --dry-run   say what would change, change nothing\n'
    printf '  --root DIR  fix the guest system whose root is DIR instead of this one\n'
}

while [ $# -gt 0 ]; do
    case $1 in
    --dry-run) DRY_RUN=1 ;;
    --root)
        [ $# -ge 2 ] || { usage >&2; exit 2; }
        ROOT=${2%/}
        shift
        ;;
    --root=*) ROOT=${1#--root=}; ROOT=${ROOT%/} ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
    esac
    shift
done

if [ -n "$ROOT" ] && [ ! -d "$ROOT/etc" ]; then
    printf 'ERROR: %s has no etc directory: not the root of a Linux system.\n' "$ROOT" >&2
    exit 2
fi
if [ -z "$ROOT" ] && [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then
    printf 'ERROR: run this as root (or with --dry-run to see what it would change).\n' >&2
    exit 2
fi

# step RULE TITLE: starts a step.
step() {
    CURRENT_RULE=$1
    printf '\n[%s] %s\n' "$1" "$2"
}
# already MESSAGE: the step found nothing left to change.
already() { printf '  already done: %s\n' "$*"; }
# note MESSAGE: something the step could not do and the user must (printed, not fatal).
note() { printf '  NOTE: %s\n' "$*"; }
# failed MESSAGE: a change that was attempted and did not work.
failed() {
    FAILURES=$((FAILURES + 1))
    printf '  FAILED (%s): %s\n' "$CURRENT_RULE" "$*" >&2
}

# change MESSAGE COMMAND [ARG...]: runs COMMAND unless this is a dry run, and says so.
change() {
    _msg=$1
    shift
    if [ "$DRY_RUN" = 1 ]; then
        printf '  would change: %s\n' "$_msg"
        return 0
    fi
    if "$@"; then
        CHANGES=$((CHANGES + 1))
        printf '  changed: %s\n' "$_msg"
    else
        failed "$_msg"
        return 1
    fi
}

# backup FILE: keeps the file as it was before this script's first change, under
# /var/backups/cvm-import/ with its whole path (a copy beside it, ifcfg-eth0.orig, would be read by
# the network tools as one more configuration).
BACKUPS="$ROOT/var/backups/cvm-import"
backup() {
    _kept="$BACKUPS${1#"$ROOT"}"
    if [ -e "$1" ] && [ ! -e "$_kept" ]; then
        mkdir -p "$(dirname "$_kept")" && cp -p "$1" "$_kept"
    fi
}

# set_aside FILE: moves a guest file out of the way, into the backups (or drops it when the backup
# holds it already).
_set_aside() {
    backup "$1" && rm -f "$1"
}
set_aside() {
    if [ ! -e "$1" ]; then
        already "${1#"$ROOT"} is absent"
        return 0
    fi
    change "move ${1#"$ROOT"} to /var/backups/cvm-import${1#"$ROOT"}" _set_aside "$1"
}

# sed_file FILE SCRIPT: edits FILE in place with sed (extended regular expressions), after a
# backup; the file keeps its owner and mode.
sed_file() {
    backup "$1" && sed -E -i -e "$2" "$1"
}

# conf_value FILE KEY: the value of the last KEY=VALUE line (shell-style configuration files:
# ifcfg-*, /etc/selinux/config, /etc/default/grub), quotes removed; empty when absent.
conf_value() {
    [ -f "$1" ] || return 0
    sed -n -E "s/^[[:space:]]*$2=[\"']?([^\"']*)[\"']?[[:space:]]*\$/\\1/p" "$1" | tail -n 1
}

# set_conf FILE KEY VALUE: makes KEY=VALUE the line for KEY in FILE (replaces every KEY= line,
# or appends one).
_set_conf() {
    backup "$1" || return 1
    if grep -q -E "^[[:space:]]*$2=" "$1" 2>/dev/null; then
        _v=$(printf '%s' "$3" | sed -e 's/[\\&|]/\\&/g')
        sed -E -i -e "s|^[[:space:]]*$2=.*\$|$2=$_v|" "$1"
    else
        printf '%s=%s\n' "$2" "$3" >>"$1"
    fi
}
set_conf() {
    if [ -f "$1" ] && [ "$(conf_value "$1" "$2")" = "$3" ]; then
        already "$2=$3 in ${1#"$ROOT"}"
        return 0
    fi
    change "$2=$3 in ${1#"$ROOT"}" _set_conf "$1" "$2" "$3"
}

# append_line FILE LINE: adds LINE to FILE unless FILE already has exactly that line.
_append_line() { backup "$1" && printf '%s\n' "$2" >>"$1"; }
append_line() {
    if [ -f "$1" ] && grep -q -x -F -e "$2" "$1"; then
        already "${1#"$ROOT"} has: $2"
        return 0
    fi
    change "add to ${1#"$ROOT"}: $2" _append_line "$1" "$2"
}

# guest_has PROGRAM: the guest system has PROGRAM in its usual directories.
guest_has() {
    for _d in /usr/sbin /usr/bin /sbin /bin; do
        [ -x "$ROOT$_d/$1" ] && return 0
    done
    return 1
}

# guest_run PROGRAM [ARG...]: runs one of the guest's own programs: directly on this system,
# or inside ROOT with chroot (CVMI_CHROOT names another runner, for tests).
guest_run() {
    if [ -z "$ROOT" ]; then
        "$@"
    else
        "${CVMI_CHROOT:-chroot}" "$ROOT" "$@"
    fi
}

# finish: the summary, and the exit status (1 when a change failed).
finish() {
    printf '\n'
    if [ "$DRY_RUN" = 1 ]; then
        printf 'Dry run: nothing was changed.\n'
    else
        printf '%s change(s) made, %s failed.\n' "$CHANGES" "$FAILURES"
        [ "$CHANGES" -gt 0 ] && printf 'Shut the system down cleanly, then export the disk again and check it.\n'
    fi
    [ "$FAILURES" -eq 0 ]
}
