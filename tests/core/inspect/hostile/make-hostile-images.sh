#!/usr/bin/env bash
# Builds the hostile-image corpus of issue 11 with real tools only (mke2fs -d, debugfs sif,
# xz, zstd): small sparse raw disks whose guests declare impossible sizes or carry
# decompression bombs. Each is a whole-disk file system holding an Ubuntu-like root.
# Usage: make-hostile-images.sh OUTDIR      (idempotent)
set -euo pipefail
out=${1:?usage: make-hostile-images.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
export PATH="$PATH:/usr/sbin:/sbin"
[ -f "$out/.hostile-done" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# root TREE: the files Linux detection reads.
root() {
    mkdir -p "$1/etc/netplan" "$1/usr/lib" "$1/boot"
    printf 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\nPRETTY_NAME="Ubuntu 22.04.3 LTS"\n' \
        >"$1/usr/lib/os-release"
    ln -s ../usr/lib/os-release "$1/etc/os-release"
    printf 'LABEL=root / ext4 defaults 0 1\n' >"$1/etc/fstab"
    echo 'bookworm/sid' >"$1/etc/debian_version"
    printf 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\n' >"$1/etc/lsb-release"
    printf 'network:\n  version: 2\n' >"$1/etc/netplan/50-cloud-init.yaml"
}
# fs TYPE SIZE TREE OUT [mkfs options...]
fs() {
    local type=$1 size=$2 tree=$3 img=$4
    shift 4
    rm -f "$img" && truncate -s "$size" "$img"
    "mkfs.$type" -q -F -b 4096 "$@" -d "$tree" "$img"
}
sif() { debugfs -w -R "sif $2 size $3" "$1" >/dev/null 2>&1; }

t=$work/plain && root "$t"
# A well-formed image of the same size: the benchmark's baseline.
fs ext4 64M "$t" "$out/baseline.raw"

# ext2: os-release declares 8 TiB (TSK walked the indirect map for minutes).
fs ext2 64M "$t" "$out/ext2-8tib.raw"
sif "$out/ext2-8tib.raw" usr/lib/os-release 0x80000000000

# ext3: five files detection reads declare 1, 2, 4, 6 and 8 TiB.
fs ext3 64M "$t" "$out/ext3-five-huge.raw"
i=0
for f in usr/lib/os-release etc/fstab etc/debian_version etc/lsb-release etc/netplan/50-cloud-init.yaml; do
    sizes=(0x10000000000 0x20000000000 0x40000000000 0x60000000000 0x80000000000)
    sif "$out/ext3-five-huge.raw" "$f" "${sizes[$i]}"
    i=$((i + 1))
done

# ext4: /etc declares 4 GiB (the listing reads it block by block: 1.5 GiB took 10-40 s); with inline
# data, TSK allocated a buffer of the declared size.
fs ext4 64M "$t" "$out/ext4-huge-dir.raw"
sif "$out/ext4-huge-dir.raw" etc 0xfffff000
fs ext4 64M "$t" "$out/ext4-inline-huge-dir.raw" -O inline_data
sif "$out/ext4-inline-huge-dir.raw" etc 0xfffff000

# zstd bomb: a cpio header of a 3 GiB member, then 48 frames of 64 MiB of zeros (a frame is
# compressed once and repeated: the decoder reads concatenated frames as one stream).
python3 - "$work/header.cpio" <<'PY'
import sys
name = b"big\0"
hdr = b"070701" + b"".join(b"%08X" % v for v in (1, 0o100644, 0, 0, 1, 0, 3 << 30, 0, 0, 0, 0, len(name), 0))
rec = hdr + name
rec += b"\0" * (-len(rec) % 4)
open(sys.argv[1], "wb").write(rec)
PY
head -c 64M /dev/zero | zstd -q -1 >"$work/zeros.zst"
zstd -q -1 <"$work/header.cpio" >"$work/bomb.zst"
for _ in $(seq 48); do cat "$work/zeros.zst"; done >>"$work/bomb.zst"
# boom KERNELS OUT: one bomb hard-linked as the initramfs of every kernel under /boot.
boom() {
    local b=$work/bomb-$1 && rm -rf "$b" && cp -a "$t" "$b"
    cp "$work/bomb.zst" "$b/boot/bomb"
    for k in $(seq "$1"); do
        printf 'kernel' >"$b/boot/vmlinuz-5.15.0-$k-generic"
        ln "$b/boot/bomb" "$b/boot/initrd.img-5.15.0-$k-generic"
    done
    rm "$b/boot/bomb"
    fs ext4 64M "$b" "$2"
}
boom 40 "$out/zstd-bomb-40-kernels.raw"
boom 160 "$out/zstd-bomb-160-kernels.raw"

# xz: 32 concatenated streams of 64 MiB of zeros, 2 GiB decoded.
b=$work/xz && rm -rf "$b" && cp -a "$t" "$b"
head -c 64M /dev/zero | xz -1 --check=crc32 >"$work/zeros.xz"
printf 'kernel' >"$b/boot/vmlinuz-5.15.0-1-generic"
for _ in $(seq 32); do cat "$work/zeros.xz"; done >"$b/boot/initrd.img-5.15.0-1-generic"
fs ext4 64M "$b" "$out/xz-zero-streams.raw"

# An initramfs inode declaring 32 GiB: a small xz stream, then holes that read as zeros, which
# xz accepts as stream padding. The file system is 40 GiB (sparse) so the size is possible.
b=$work/pad && rm -rf "$b" && cp -a "$t" "$b"
printf 'kernel' >"$b/boot/vmlinuz-5.15.0-1-generic"
printf 'x' | xz --check=crc32 >"$b/boot/initrd.img-5.15.0-1-generic"
fs ext4 40G "$b" "$out/xz-padding-32gib.raw" -E lazy_itable_init=1,lazy_journal_init=1
sif "$out/xz-padding-32gib.raw" boot/initrd.img-5.15.0-1-generic 0x800000000

# XFS (issue 14, our own reader): os-release and /etc declare 8 TiB; /etc's directory data is
# then read within its extents, the file within the read limit.
# shellcheck source=../../../fixtures/guest-tree-lib.sh
. "$(dirname "$0")/../../../fixtures/guest-tree-lib.sh"
mkxfs "$t" 64 11111111-0000-4000-8000-000000000001 root "$out/xfs-8tib.raw"
xfs_db -x -c 'path /usr/lib/os-release' -c 'write core.size 8796093022208' "$out/xfs-8tib.raw" >/dev/null
mkxfs "$t" 64 11111111-0000-4000-8000-000000000002 root "$out/xfs-huge-dir.raw"
xfs_db -x -c 'path /etc' -c 'write core.size 8796093022208' "$out/xfs-huge-dir.raw" >/dev/null

touch "$out/.hostile-done"
