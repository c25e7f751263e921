#!/usr/bin/env bash
# Seed corpora for the fuzzers, made by the real tools: small images of every subformat.
# Usage: make-corpus.sh OUTDIR   → OUTDIR/<fuzzer name>/seed files
set -euo pipefail
out=${1:?usage: make-corpus.sh OUTDIR}
export PATH="$PATH:/usr/sbin:/sbin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"/{fuzz_qcow2,fuzz_vhd,fuzz_vmdk,fuzz_vmdk_descriptor,fuzz_fsprobes,fuzz_partitions}

# A 2 MiB disk: MBR, one ext4 partition, a little data in it.
raw=$tmp/small.raw
truncate -s 2M "$raw"
printf 'label: dos\nstart=64, type=83, bootable\n' | sfdisk -q "$raw"
mkdir -p "$tmp/tree" && echo hello >"$tmp/tree/hello.txt"
mkfs.ext4 -q -F -E offset=32768 -d "$tmp/tree" "$raw" 1984k
q() { qemu-img convert -O "$@"; }
q qcow2 -o compat=0.10 "$raw" "$out/fuzz_qcow2/v2.qcow2"
q qcow2 -o compat=1.1,cluster_size=4096 "$raw" "$out/fuzz_qcow2/v3-4k.qcow2"
q qcow2 -c -o cluster_size=4096 "$raw" "$out/fuzz_qcow2/deflate.qcow2"
q qcow2 -c -o compression_type=zstd,cluster_size=4096 "$raw" "$out/fuzz_qcow2/zstd.qcow2"
q qcow2 -o extended_l2=on,cluster_size=16384 "$raw" "$out/fuzz_qcow2/extl2.qcow2"
q vpc -o subformat=dynamic "$raw" "$out/fuzz_vhd/dynamic.vhd"
q vpc -o subformat=fixed "$raw" "$out/fuzz_vhd/fixed.vhd"
q vmdk -o subformat=monolithicSparse "$raw" "$out/fuzz_vmdk/sparse.vmdk"
q vmdk -o subformat=streamOptimized "$raw" "$out/fuzz_vmdk/stream.vmdk"
(cd "$tmp" && qemu-img convert -O vmdk -o subformat=monolithicFlat "$raw" flat.vmdk)
cp "$tmp/flat.vmdk" "$out/fuzz_vmdk/descriptor.vmdk"
cp "$tmp/flat.vmdk" "$out/fuzz_vmdk_descriptor/flat.txt"
(cd "$tmp" && qemu-img convert -O vmdk -o subformat=twoGbMaxExtentSparse "$raw" split.vmdk)
cp "$tmp/split.vmdk" "$out/fuzz_vmdk_descriptor/split.txt"
head -c 65536 "$raw" >"$out/fuzz_partitions/mbr.bin"
base=${CVMI_FIXTURE_DIR:-}/base
if [ -f "$base/gpt-ext4.raw" ]; then
    head -c 65536 "$base/gpt-ext4.raw" >"$out/fuzz_partitions/gpt.bin"
fi
# File-system probes look at the first 72 KiB of a partition.
dd if="$raw" of="$out/fuzz_fsprobes/ext4.bin" bs=1024 skip=32 count=72 status=none
for fs in xfs btrfs swap; do
    f=$tmp/$fs.img
    case $fs in
    xfs) truncate -s 300M "$f" && mkfs.xfs -q -f "$f" ;;
    btrfs) truncate -s 128M "$f" && mkfs.btrfs -q -f "$f" >/dev/null ;;
    swap) truncate -s 1M "$f" && mkswap -q -L sw "$f" >/dev/null ;;
    esac
    head -c 73728 "$f" >"$out/fuzz_fsprobes/$fs.bin"
done
