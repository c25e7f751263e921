#!/bin/sh
# A stand-in for chroot(8) in the repair trials, which must not need root: runs the guest's own
# program ROOT/<dir>/PROG with GUEST_ROOT=ROOT. The fixture trees' programs (dracut, yum, ...) are
# small shell scripts that make the change the real tool would make under GUEST_ROOT.
root=$1
prog=$2
shift 2
for d in /usr/sbin /usr/bin /sbin /bin; do
    if [ -x "$root$d/$prog" ]; then
        GUEST_ROOT=$root exec "$root$d/$prog" "$@"
    fi
done
printf 'fake-chroot: %s: no %s in the guest\n' "$root" "$prog" >&2
exit 127
