#!/usr/bin/env bash
# Seed corpora for the fuzzers, made by the real tools: small images of every subformat.
# Usage: make-corpus.sh OUTDIR   → OUTDIR/<fuzzer name>/seed files
set -euo pipefail
out=${1:?usage: make-corpus.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd) # absolute: some steps run in a temporary folder
export PATH="$PATH:/usr/sbin:/sbin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"/{fuzz_qcow2,fuzz_vhd,fuzz_vdi,fuzz_vhdx,fuzz_ova,fuzz_ovf,fuzz_vmdk,fuzz_vmdk_descriptor,fuzz_fsprobes,fuzz_extsuperblock,fuzz_partitions,fuzz_guestfiles,fuzz_pe,fuzz_linuxconfig,fuzz_cvm_response,fuzz_cos_xml,fuzz_draft,fuzz_coscli_config,fuzz_lvm_metadata,fuzz_lvm_scan,fuzz_windowsstate,fuzz_bootloaderconfig}

# A 2 MiB disk: MBR, one ext4 partition, a little data in it.
raw=$tmp/small.raw
truncate -s 2M "$raw"
printf 'label: dos\nstart=64, type=83, bootable\n' | sfdisk -q "$raw"
mkdir -p "$tmp/tree" && echo hello >"$tmp/tree/hello.txt"
mkfs.ext4 -q -F -E offset=32768 -d "$tmp/tree" "$raw" 1984k
q() { qemu-img convert -O "$@"; }
# Small clusters keep every qcow2 seed under the fuzzers' 256 KiB input limit.
q qcow2 -o compat=0.10,cluster_size=4096 "$raw" "$out/fuzz_qcow2/v2.qcow2"
q qcow2 -o compat=1.1,cluster_size=4096 "$raw" "$out/fuzz_qcow2/v3-4k.qcow2"
q qcow2 -c -o cluster_size=4096 "$raw" "$out/fuzz_qcow2/deflate.qcow2"
q qcow2 -c -o compression_type=zstd,cluster_size=4096 "$raw" "$out/fuzz_qcow2/zstd.qcow2"
q qcow2 -o extended_l2=on,cluster_size=16384 "$raw" "$out/fuzz_qcow2/extl2.qcow2"
q qcow2 -o cluster_size=512 "$raw" "$out/fuzz_qcow2/c512.qcow2"
# An overlay (backing file name and format extension) with a cluster of its own, and zero
# clusters and subclusters made by qemu-io.
(cd "$tmp" && qemu-img convert -O qcow2 -o cluster_size=4096 "$raw" base.qcow2 &&
    qemu-img create -q -f qcow2 -b base.qcow2 -F qcow2 -o cluster_size=4096 overlay.qcow2 &&
    qemu-io -f qcow2 -c 'write -P 0x5a 64k 4k' overlay.qcow2 >/dev/null &&
    cp base.qcow2 zero.qcow2 && qemu-io -f qcow2 -c 'write -z 32k 64k' zero.qcow2 >/dev/null &&
    cp "$out/fuzz_qcow2/extl2.qcow2" zero-l2.qcow2 &&
    qemu-io -f qcow2 -c 'write -z 33280 2048' -c 'write -P 0x11 1m 1k' zero-l2.qcow2 >/dev/null)
cp "$tmp/overlay.qcow2" "$tmp/zero.qcow2" "$tmp/zero-l2.qcow2" "$out/fuzz_qcow2/"
# VHD seeds of the first 128 KiB, under the fuzzers' input limit. qemu-img writes dynamic VHDs
# with 2 MiB blocks (one block would already pass the limit) and cannot make differencing ones,
# so its empty dynamic VHD is laid out again with 4 KiB blocks, one sector bitmap with clear bits,
# and a copy marked differencing with a parent name, as Hyper-V writes them.
head -c 128K "$raw" >"$tmp/vhd.raw"
q vpc -o subformat=fixed "$tmp/vhd.raw" "$out/fuzz_vhd/fixed.vhd"
q vpc -o subformat=fixed,force_size=on "$tmp/vhd.raw" "$out/fuzz_vhd/fixed-force.vhd"
q vpc -o subformat=dynamic "$tmp/vhd.raw" "$tmp/dynamic.vhd"
python3 - "$tmp/dynamic.vhd" "$tmp/vhd.raw" "$out/fuzz_vhd" <<'EOF'
import struct, sys
vhd, raw, out = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read(), sys.argv[3]
footer, header = vhd[:512], vhd[512:1536]
size = struct.unpack('>Q', footer[48:56])[0]
block, table = 4096, 1536
entries = (size + block - 1) // block
data = (table + entries * 4 + 511) // 512 * 512
def checksum(b, at):
    b[at:at + 4] = bytes(4)
    b[at:at + 4] = struct.pack('>I', ~sum(b) & 0xffffffff)
def build(disk_type, parent):
    f = bytearray(footer)
    f[60:64] = struct.pack('>I', disk_type)
    checksum(f, 64)
    h = bytearray(header)
    h[16:24] = struct.pack('>Q', table)
    h[28:36] = struct.pack('>II', entries, block)
    h[64:576] = parent.encode('utf-16-be').ljust(512, b'\0')
    checksum(h, 36)
    bat, blocks = bytearray(b'\xff' * (entries * 4)), bytearray()
    for i in range(entries):
        chunk = raw[i * block:(i + 1) * block]
        if chunk.strip(b'\0'):
            bat[i * 4:i * 4 + 4] = struct.pack('>I', (data + len(blocks)) // 512)
            bitmap = bytes([0xa5 if i == 1 else 0xff]) + bytes(511)
            blocks += bitmap + chunk.ljust(block, b'\0')
    return (bytes(f) + bytes(h) + bytes(bat)).ljust(data, b'\0') + bytes(blocks) + bytes(f)
open(out + '/dynamic-4k.vhd', 'wb').write(build(3, ''))
open(out + '/differencing.vhd', 'wb').write(build(4, 'parent.vhd'))
EOF
# VDI seeds: qemu-img's dynamic and static disks of the small disk, cut to their first 256 KiB
# (fuzz_vdi reads the rest of 8 MiB as zeros), blocks written out of order by qemu-io, and copies
# patched as VirtualBox writes them: a differencing disk with its parent's UUID, a discarded
# block (0xfffffffe), an odd disk size.
(cd "$tmp" && qemu-img create -q -f vdi empty.vdi 4M && q vdi "$raw" dynamic.vdi &&
    q vdi -o static=on "$raw" static.vdi && qemu-img create -q -f vdi order.vdi 5M &&
    qemu-io -f vdi -c 'write -P 0x61 4M 4k' -c 'write -P 0x62 1M 512' order.vdi >/dev/null)
for f in empty dynamic static order; do head -c 256K "$tmp/$f.vdi" >"$out/fuzz_vdi/$f.vdi"; done
python3 - "$out/fuzz_vdi" <<'EOF'
import struct, sys
out = sys.argv[1]
base = open(out + '/dynamic.vdi', 'rb').read()
bmap = struct.unpack('<I', base[0x154:0x158])[0]
def patched(name, *edits):
    b = bytearray(base)
    for at, value in edits:
        b[at:at + len(value)] = value
    open(out + '/' + name, 'wb').write(bytes(b))
patched('differencing.vdi', (0x4c, struct.pack('<I', 4)), (0x1a8, bytes(range(1, 17))))
patched('discarded.vdi', (bmap, struct.pack('<I', 0xfffffffe)))
size = struct.unpack('<Q', base[0x170:0x178])[0]
patched('odd-size.vdi', (0x170, struct.pack('<Q', size - 700)))
EOF
# VHDX seeds in fuzz_vhdx's sparse form (an 8-byte file size, then a 4-byte page number and the
# 4096 bytes of each page that is not all zeros): dynamic with 1 MiB blocks, fixed, and 32 MiB
# blocks with a block written by qemu-io.
q vhdx -o block_size=1M "$raw" "$tmp/dynamic.vhdx"
q vhdx -o subformat=fixed "$raw" "$tmp/fixed.vhdx"
(cd "$tmp" && qemu-img create -q -f vhdx -o block_size=32M big.vhdx 100M &&
    qemu-io -f vhdx -c 'write -P 0x5a 40M 8k' big.vhdx >/dev/null)
# And the dynamic one with a log entry to replay ([MS-VHDX] 2.3: LogGuid in both headers, one
# entry of a descriptor sector and a data sector, CRC-32C over it), so the log search is fuzzed.
python3 - "$tmp/dynamic.vhdx" "$tmp/log.vhdx" <<'EOF'
import struct, sys
def crc32c(b):
    crc = 0xffffffff
    for x in b:
        crc ^= x
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82f63b78 if crc & 1 else 0)
    return crc ^ 0xffffffff
def fix(d, at, n):
    d[at + 4:at + 8] = bytes(4)
    d[at + 4:at + 8] = struct.pack('<I', crc32c(bytes(d[at:at + n])))
d = bytearray(open(sys.argv[1], 'rb').read())
guid = bytes(range(1, 17))
for h in (65536, 131072):
    d[h + 48:h + 64] = guid
    fix(d, h, 4096)
log = struct.unpack('<Q', d[65536 + 72:65536 + 80])[0]
e = bytearray(8192)
e[0:4] = b'loge'
struct.pack_into('<IIQI', e, 8, 8192, 0, 1, 1)
e[32:48] = guid
struct.pack_into('<QQ', e, 48, len(d), len(d))
e[64:68] = b'desc'
struct.pack_into('<QQ', e, 80, 4096, 1)
e[4096:4100] = b'data'
struct.pack_into('<I', e, 8188, 1)
fix(e, 0, 8192)
d[log:log + 8192] = e
open(sys.argv[2], 'wb').write(d)
EOF
for f in dynamic fixed big log; do
    python3 - "$tmp/$f.vhdx" "$out/fuzz_vhdx/$f.bin" <<'EOF'
import struct, sys
data = open(sys.argv[1], 'rb').read()
out = bytearray(struct.pack('<Q', len(data)))
for page in range(0, len(data) // 4096):
    chunk = data[page * 4096:(page + 1) * 4096]
    if chunk.strip(b'\0'):
        out += struct.pack('<I', page) + chunk
open(sys.argv[2], 'wb').write(out)
EOF
done
q vmdk -o subformat=monolithicSparse "$raw" "$out/fuzz_vmdk/sparse.vmdk"
q vmdk -o subformat=streamOptimized "$raw" "$out/fuzz_vmdk/stream.vmdk"
(cd "$tmp" && qemu-img convert -O vmdk -o subformat=monolithicFlat "$raw" flat.vmdk)
cp "$tmp/flat.vmdk" "$out/fuzz_vmdk/descriptor.vmdk"
cp "$tmp/flat.vmdk" "$out/fuzz_vmdk_descriptor/flat.txt"
(cd "$tmp" && qemu-img convert -O vmdk -o subformat=twoGbMaxExtentSparse "$raw" split.vmdk)
cp "$tmp/split.vmdk" "$out/fuzz_vmdk_descriptor/split.txt"
# Extents that lead out of the descriptor's folder (issue 11): the parser must refuse them.
for extent in /etc/shadow ../x sub/../../x /dev/zero; do
    name=$(printf '%s' "$extent" | tr -c 'a-z' '_')
    printf '# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType="monolithicFlat"\nRW 2048 FLAT "%s" 0\n' \
        "$extent" >"$out/fuzz_vmdk_descriptor/outside$name.txt"
    cp "$out/fuzz_vmdk_descriptor/outside$name.txt" "$out/fuzz_vmdk/outside$name.vmdk"
done
# OVA appliances (fuzz_ova) as ovftool and VirtualBox pack them: the OVF descriptor first, then
# a manifest and the stream-optimized disk, in tar's ustar, GNU and pax formats, one with a long
# member name; the descriptors alone seed fuzz_ovf, with an OVF 2.0 one.
o=$tmp/ova
mkdir -p "$o"
cp "$out/fuzz_vmdk/stream.vmdk" "$o/vm-disk1.vmdk"
ovf() { # ovf NAMESPACE-VERSION DISK-FILE
    cat <<OVF
<?xml version="1.0" encoding="UTF-8"?>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/$1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/$1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:vmw="http://www.vmware.com/schema/ovf">
  <References>
    <File ovf:href="$2" ovf:id="file1" ovf:size="$(stat -c %s "$o/vm-disk1.vmdk")"/>
    <File ovf:href="vm-disk2.vmdk" ovf:id="file2"/>
  </References>
  <DiskSection>
    <Info>Virtual disk information</Info>
    <Disk ovf:capacity="2" ovf:capacityAllocationUnits="byte * 2^20" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
    <Disk ovf:capacity="1" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="vmdisk2" ovf:fileRef="file2" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
  </DiskSection>
  <VirtualSystem ovf:id="vm">
    <Info>A virtual machine</Info>
    <Name>vm</Name>
    <OperatingSystemSection ovf:id="107" vmw:osType="centos7_64Guest">
      <Info>The kind of installed guest operating system</Info>
      <Description>CentOS 7 (64-bit)</Description>
    </OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements</Info>
      <Item>
        <rasd:HostResource>ovf:/disk/vmdisk1</rasd:HostResource>
        <rasd:InstanceID>8</rasd:InstanceID>
        <rasd:ResourceType>17</rasd:ResourceType>
      </Item>
    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>
OVF
}
long=a-folder-with-a-long-name-0123456789/a-system-disk-with-a-long-name-0123456789-0123456789-0123456789.vmdk
(
    cd "$o"
    ovf 1 vm-disk1.vmdk >vm.ovf
    printf 'SHA256(vm-disk1.vmdk)= %s\n' "$(sha256sum vm-disk1.vmdk | cut -d' ' -f1)" >vm.mf
    for format in ustar gnu pax; do
        tar --format=$format -cf "$out/fuzz_ova/$format.ova" vm.ovf vm.mf vm-disk1.vmdk
    done
    mkdir -p "$(dirname "$long")" && cp vm-disk1.vmdk "$long"
    ovf 1 "$long" >long.ovf
    ovf 2 vm-disk1.vmdk >vm2.ovf
    cp long.ovf vm.ovf && tar --format=gnu -cf "$out/fuzz_ova/long-gnu.ova" vm.ovf "$long"
    cp vm2.ovf vm.ovf && tar --format=pax -cf "$out/fuzz_ova/ovf2-pax.ova" vm.ovf vm-disk1.vmdk
)
cp "$o/long.ovf" "$out/fuzz_ovf/vmware.ovf"
cp "$o/vm2.ovf" "$out/fuzz_ovf/ovf2.ovf"
head -c 65536 "$raw" >"$out/fuzz_partitions/mbr.bin"
base=${CVMI_FIXTURE_DIR:-}/base
if [ -f "$base/gpt-ext4.raw" ]; then
    head -c 65536 "$base/gpt-ext4.raw" >"$out/fuzz_partitions/gpt.bin"
fi
# Primaries and a chain of logical partitions within the first 256 KiB (the fuzzers' limit).
truncate -s 256K "$tmp/logical.raw"
printf 'label: dos\nstart=8, size=32, type=83, bootable\nstart=48, size=400, type=5\nstart=56, size=40, type=82\nstart=104, size=40, type=8e\nstart=152, size=40, type=7\n' |
    sfdisk -q "$tmp/logical.raw"
cp "$tmp/logical.raw" "$out/fuzz_partitions/logical.bin"
# File-system probes look at the first 68 KiB of a partition.
dd if="$raw" of="$out/fuzz_fsprobes/ext4.bin" bs=1024 skip=32 count=72 status=none
# The ext super block (its first 2 KiB hold it): ext4 as made, with errors recorded, with a
# journal to replay, and ext2/ext3 without the newer fields.
e=$out/fuzz_extsuperblock
head -c 2048 "$out/fuzz_fsprobes/ext4.bin" >"$e/ext4.bin"
for variant in errors recover ext2 ext3; do
    f=$tmp/sb-$variant.img
    truncate -s 4M "$f"
    case $variant in
    ext2 | ext3) mkfs.ext4 -q -F -t "$variant" "$f" ;;
    *) mkfs.ext4 -q -F -O 64bit,metadata_csum "$f" ;;
    esac
    case $variant in
    errors) debugfs -w -R "ssv state 2" "$f" 2>/dev/null
            debugfs -w -R "ssv error_count 7" "$f" 2>/dev/null ;;
    recover) debugfs -w -R "feature needs_recovery" "$f" >/dev/null 2>&1 ;;
    esac
    head -c 2048 "$f" >"$e/$variant.bin"
done
for fs in xfs btrfs swap ntfs vfat luks iso; do
    f=$tmp/$fs.img
    case $fs in
    xfs) truncate -s 300M "$f" && mkfs.xfs -q -f "$f" ;;
    btrfs) truncate -s 128M "$f" && mkfs.btrfs -q -f "$f" >/dev/null ;;
    swap) truncate -s 1M "$f" && mkswap -q -L sw "$f" >/dev/null ;;
    ntfs) truncate -s 8M "$f" && mkntfs -q -F -Q -s 512 -L nt "$f" >/dev/null 2>&1 ;;
    vfat) truncate -s 8M "$f" && mkfs.vfat -n FAT "$f" >/dev/null ;;
    luks) truncate -s 20M "$f" && cryptsetup luksFormat -q --type luks2 --pbkdf pbkdf2 \
        --pbkdf-force-iterations 1000 "$f" <(printf 'x') ;;
    iso) xorriso -as mkisofs -quiet -V ISO -o "$f" "$tmp/tree" 2>/dev/null ;;
    esac
    head -c 73728 "$f" >"$out/fuzz_fsprobes/$fs.bin"
done
# Guest files: release files, an ELF header, and small initramfs archives in each compression.
g=$out/fuzz_guestfiles
printf 'NAME="CentOS Linux"\nID="centos"\nVERSION_ID="7"\n' >"$g/os-release"
head -c 64 /bin/dash >"$g/elf"
mkdir -p "$tmp/initrd/usr/lib/modules" && echo blk >"$tmp/initrd/usr/lib/modules/virtio_blk.ko.xz"
(cd "$tmp/initrd" && find . | cpio -o -H newc --quiet) >"$tmp/initrd.cpio"
cp "$tmp/initrd.cpio" "$g/cpio"
gzip -c "$tmp/initrd.cpio" >"$g/gzip"
xz -c --check=crc32 "$tmp/initrd.cpio" >"$g/xz"
zstd -q -c "$tmp/initrd.cpio" >"$g/zstd"
lz4 -l -q -c "$tmp/initrd.cpio" >"$g/lz4"
lzma -c "$tmp/initrd.cpio" >"$g/lzma"
cat "$tmp/initrd.cpio" "$g/gzip" >"$g/early-gzip"
# The scan hands the bytes read past the early archive to the decoder: early + zstd and lz4 frame,
# and an archive holding both modules the target asks for, so it stops before the trailer.
cat "$tmp/initrd.cpio" "$g/zstd" >"$g/early-zstd"
lz4 -q -c "$tmp/initrd.cpio" >"$tmp/initrd.lz4f" && cat "$tmp/initrd.cpio" "$tmp/initrd.lz4f" >"$g/early-lz4frame"
echo net >"$tmp/initrd/usr/lib/modules/virtio_net.ko"
(cd "$tmp/initrd" && find . | cpio -o -H newc --quiet) | zstd -q -c >"$g/zstd-both"
# The bombs that hung the inspection before its budgets (issue 11), kept small for the fuzzers'
# 256 KiB input limit: zstd and xz of 64 MiB of zeros, xz stream padding after an empty stream,
# and concatenated xz streams.
head -c 64M /dev/zero | zstd -q -19 -c >"$g/bomb-zstd"
head -c 64M /dev/zero | xz -c --check=crc32 >"$g/bomb-xz"
{ xz -c --check=crc32 </dev/null; head -c 200K /dev/zero; } >"$g/xz-padding"
for i in 1 2 3 4; do cat "$g/bomb-xz"; done >"$g/xz-concatenated"
# The shapes of issue 11's bombs, small: concatenated xz streams of zeros, an xz stream followed
# by zero stream padding, a zstd cpio header of a 3 GiB member followed by frames of zeros.
head -c 1M /dev/zero | xz -c --check=crc32 >"$tmp/z.xz"
cat "$tmp/z.xz" "$tmp/z.xz" "$tmp/z.xz" "$tmp/z.xz" >"$g/xz-zero-streams"
{ xz -c --check=crc32 "$tmp/initrd.cpio"; head -c 65536 /dev/zero; } >"$g/xz-zero-padding"
printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
    1 33188 0 0 1 0 3221225472 0 0 0 0 4 0 >"$tmp/big.cpio"
printf 'big\0' >>"$tmp/big.cpio"
head -c 1M /dev/zero | zstd -q -c >"$tmp/z.zst"
{ zstd -q -c "$tmp/big.cpio"; cat "$tmp/z.zst" "$tmp/z.zst" "$tmp/z.zst"; } >"$g/zstd-bomb"
# PE headers: the Windows fixtures' kernels (clang + lld-link made them), read out of their NTFS
# volumes with ntfscat, when the fixtures exist.
win=${CVMI_FIXTURE_DIR:-}/windows
for vol in "$win"/*.ntfs; do
    [ -f "$vol" ] || continue
    ntfscat "$vol" Windows/System32/ntoskrnl.exe 2>/dev/null | head -c 4096 \
        >"$out/fuzz_pe/$(basename "$vol" .ntfs).exe" || true
done
head -c 4096 /bin/dash >"$out/fuzz_pe/not-pe.elf"
# State.ini as Windows writes it (8-bit and UTF-16LE), and a FirewallRules string.
printf '[State]\r\nImageState=IMAGE_STATE_COMPLETE\r\n' >"$out/fuzz_windowsstate/state.ini"
printf '[State]\r\nImageState=IMAGE_STATE_UNDEPLOYABLE\r\n' | iconv -f UTF-8 -t UTF-16LE |
    { printf '\377\376'; cat; } >"$out/fuzz_windowsstate/state-utf16.ini"
printf 'v2.22|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=3389|' >"$out/fuzz_windowsstate/rule"
# Cloud answers (the shapes of ../shared/spec/tencentcloud-api.md). The first byte picks the HTTP
# status the fuzzer pretends: CVM \x00 = 200, \x03 = 500; COS \x02 = 403, \x04 = 404 (a bare 404
# means NoSuchBucket), \x05 = 404 with a missing key.
c=$out/fuzz_cvm_response
printf '\000{"Response":{"RegionSet":[{"Region":"ap-guangzhou","RegionName":"South China(Guangzhou)","RegionState":"AVAILABLE"}],"TotalCount":1,"RequestId":"6ef60bec-0242-43af-bb20-270359fb54a7"}}' >"$c/regions"
printf '\000{"Response":{"Error":{"Code":"UnauthorizedOperation.PermissionDenied","Message":"You are not authorized (cvm:ImportImage)"},"RequestId":"b5b41468-520d-4192-b42f-595cc34b6c1c"}}' >"$c/error"
printf '\000{"Response":{"ImageId":"img-8toqc6s3","DeprecatedWarning":["x"],"RequestId":"r"}}' >"$c/import"
printf '\003{"Response":{"RequestId":"r-500"}}' >"$c/status500"
printf '\000{"Response":{"Error":{"Message":"no code"},"RequestId":"r"}}' >"$c/error-without-code"
printf '\004<html><body>502 Bad Gateway</body></html>' >"$c/html"
x=$out/fuzz_cos_xml
printf '\000<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult><Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner><Buckets><Bucket><Name>images-1250000000</Name><Location>ap-guangzhou</Location><CreationDate>2026-01-02T03:04:05Z</CreationDate><BucketType>cos</BucketType></Bucket><Bucket><Name>logs-1250000000</Name><Location>ap-shanghai</Location><CreationDate>2025-12-01T00:00:00Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>' >"$x/buckets"
printf '\002<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The Signature you specified is invalid.</Message><Resource>service.cos.myqcloud.com/</Resource><RequestId>NjA4ZTJh</RequestId><TraceId>OGVmYzZi</TraceId><StringToSign>sha1\n1700000000;1700000600\nabc\n</StringToSign><FormatString>get\n/\n\nhost=service.cos.myqcloud.com\n</FormatString></Error>' >"$x/signature"
printf '\004<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>NjA4</RequestId></Error>' >"$x/nosuchbucket"
printf '\005' >"$x/bare-404-key"
printf '\000<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>images-1250000000</Name><EncodingType>url</EncodingType><Prefix>disks/</Prefix><Marker></Marker><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated><NextMarker>disks/b%%20b.vhd</NextMarker><CommonPrefixes><Prefix>disks/old/</Prefix></CommonPrefixes><Contents><Key>disks/b%%20b.vhd</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>"0cc175b9c0f1b6a831c399e269772661"</ETag><Size>1073741824</Size><Owner><ID>1250000000</ID><DisplayName>1250000000</DisplayName></Owner><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>' >"$x/objects"
# Drafts (docs/draft-format.md) and ImageUrls, plain and pre-signed (COS and SigV4).
d=$out/fuzz_draft
printf '{"format":"cvm-import-draft","version":1,"created":"2026-11-25T10:11:12Z","region":"ap-guangzhou","form":{"Architecture":"x86_64","OsType":"CentOS","OsVersion":"7","ImageUrl":"https://images-1250000000.cos.ap-guangzhou.myqcloud.com/centos7.qcow2","ImageName":"centos","TagSpecification":[{"ResourceType":"image","Tags":[{"Key":"env","Value":"prod"}]}],"BootMode":"Legacy BIOS"}}' >"$d/draft"
printf 'https://images-1250000000.cos.ap-guangzhou.myqcloud.com/a/Windows%%20Server.vmdk' >"$d/url"
printf 'https://images-1250000000.cos.ap-guangzhou.myqcloud.com/d.qcow2?q-sign-algorithm=sha1&q-ak=AKIDx&q-sign-time=1700000000%%3B1700086400&q-key-time=1700000000%%3B1700086400&q-header-list=host&q-url-param-list=&q-signature=ab' >"$d/url-cos-signed"
printf 'https://images-1250000000.cos.ap-guangzhou.myqcloud.com/d.qcow2?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261203T180000Z&X-Amz-Expires=600&X-Amz-Signature=ab' >"$d/url-sigv4"
# coscli's ~/.cos.yaml as coscli writes it (values encrypted, then plain with the flag).
y=$out/fuzz_coscli_config
printf 'cos:\n  base:\n    secretid: 3K1pmtYDr1v+4XgFsu1o5Q==\n    secretkey: "3K1pmtYDr1v+4XgFsu1o5Q=="\n    sessiontoken: \x27\x27\n    protocol: https\n    mode: ""\n  buckets:\n  - name: images-1250000000\n    alias: images\n    region: ap-guangzhou\n    endpoint: cos.ap-guangzhou.myqcloud.com\n    ofs: false\n' >"$y/coscli"
printf '# by hand\ncos:\n  base:\n    SecretId: AKIDplain # comment\n    secretkey: \x27it\x27\x27s\x27\n    disableencryption: "true"\n    mode: |\n      CvmRole\n' >"$y/plain"
# XFS (fuzz_xfs): tiny v5, v4 and v4 without ftype made by mkfs.xfs -p, cut to their first
# 256 KiB: the AG 0 headers, the root inode chunk, the directories and small files all lie there
# (the fuzzer reads the rest of the 32 MiB as zeros). A long symlink only on v4, whose remote
# blocks mkfs writes right (not on v5: see tests/fixtures/make-xfs-images.sh).
xt=$tmp/xfs-tree
mkdir -p "$xt/etc" "$xt/small" "$xt/block" "$xt/leaf"
printf 'NAME="CentOS Linux"\nID="centos"\nVERSION_ID="7"\n' >"$xt/etc/os-release"
for i in 1 2 3; do echo "$i" >"$xt/small/f$i"; done
for i in $(seq 1 40); do : >"$xt/block/entry-$i"; done
for i in $(seq 1 300); do : >"$xt/leaf/a-longer-name-for-entry-$i"; done
head -c 20000 /bin/dash >"$xt/etc/file"
xproto() { # xproto WITH_LONGLINK
    echo "proto"; echo "0 0"; echo "d--755 0 0"
    echo " link l--777 0 0 etc/os-release"
    [ "$1" = yes ] && echo " longlink l--777 0 0 $(printf 'segment%.0s/' $(seq 1 60))end"
    # mkfs places new directories in the allocation groups in turn: an empty one before each keeps
    # these (and their files) in AG 0.
    for d in etc small block leaf; do
        echo " pad-$d d--755 0 0"; echo " \$"
        echo " $d d--755 0 0"
        for f in "$xt/$d"/*; do echo "  $(basename "$f") ---644 0 0 $f"; done
        echo " \$"
    done
    echo "\$"
}
xfsseed() { # xfsseed NAME WITH_LONGLINK MKFS_OPTIONS...
    local name=$1 long=$2
    shift 2
    xproto "$long" >"$tmp/xfs.proto"
    truncate -s 32M "$tmp/xfs.img"
    TEST_DIR=1 TEST_DEV=1 QA_CHECK_FS=1 mkfs.xfs -q -f -p "$tmp/xfs.proto" -d agsize=16m "$@" \
        "$tmp/xfs.img" 2>/dev/null
    head -c 256K "$tmp/xfs.img" >"$out/fuzz_xfs/$name"
    rm -f "$tmp/xfs.img"
}
mkdir -p "$out/fuzz_xfs"
xfsseed v5.xfs no
xfsseed v4.xfs yes -m crc=0
xfsseed v4-noftype-i512.xfs yes -m crc=0 -n ftype=0 -i size=512
xfsseed v5-dir16k.xfs no -n size=16384
# B+tree forks (a sparse file of 150 extents, a fragmented directory) exist only when written
# through the kernel: made where a loop mount works (as root), skipped quietly elsewhere.
truncate -s 32M "$tmp/xfs.img"
TEST_DIR=1 TEST_DEV=1 QA_CHECK_FS=1 mkfs.xfs -q -f -d agsize=16m "$tmp/xfs.img" 2>/dev/null
mkdir -p "$tmp/xfs-mnt"
if mount -o loop "$tmp/xfs.img" "$tmp/xfs-mnt" 2>/dev/null; then
    python3 - "$tmp/xfs-mnt" <<'PY' || true
import os, sys
m = sys.argv[1]
with open(f"{m}/sparse", "wb") as f:
    for i in range(0, 300, 2):
        f.seek(i * 4096)
        f.write(b"x" * 4096)
        f.flush()
        os.fsync(f.fileno())
for d in ("a", "b"):
    os.makedirs(f"{m}/{d}")
for i in range(300):
    for d in ("a", "b"):
        open(f"{m}/{d}/entry-{i:04d}-" + "y" * 30, "w").close()
    os.sync()
PY
    umount "$tmp/xfs-mnt"
    head -c 256K "$tmp/xfs.img" >"$out/fuzz_xfs/mounted-btree.xfs"
fi
rm -f "$tmp/xfs.img"
# LVM2: PVs by the fixtures' writer (proven against pvs/lvs in tst_lvmscan), each PV's first
# 64 KiB (label, mda header, metadata texts; a 60 KiB area so the wrapped text fits), and the
# metadata texts alone, with the vgcfgbackup files LVM 2.03.16 wrote.
lvmpv() { python3 "$(dirname "$0")/../fixtures/make-lvm-pv.py" "$@" --size-mib 16 --extent-mib 1 --mda-kib 60; }
ls=$out/fuzz_lvm_scan
lvmpv "$tmp/lvm-a" --vg fza --lv root:4 --split-lv data:2 --thin tv:2 --old-copy
lvmpv "$tmp/lvm-b" --vg fzb --lv root:3 --lv swap:1 --wrap
lvmpv "$tmp/lvm-c" --vg fzc --extra-pv --lv boot:1 --striped st:2 --lv home:14
lvmpv "$tmp/lvm-d0" "$tmp/lvm-d1" --vg fzd --lv root:20 --stale-second
for pv in lvm-a lvm-b lvm-c lvm-d0 lvm-d1; do
    head -c 64K "$tmp/$pv" >"$ls/$pv.bin"
done
python3 - "$tmp" "$out/fuzz_lvm_metadata" <<'EOF2'
import struct, sys
tmp, out = sys.argv[1], sys.argv[2]
for pv in ("lvm-a", "lvm-b", "lvm-c"):
    d = open(f"{tmp}/{pv}", "rb").read(1 << 20)
    mda, size = 4096, struct.unpack("<Q", d[4096 + 32:4096 + 40])[0]
    offset, length = struct.unpack("<QQ", d[mda + 40:mda + 56])
    first = min(length, size - offset)
    text = d[mda + offset:mda + offset + first] + d[mda + 512:mda + 512 + length - first]
    open(f"{out}/{pv}.txt", "wb").write(text)
EOF2
cp "$(dirname "$0")"/../core/inspect/lvm/data/*.txt "$out/fuzz_lvm_metadata/"

# The converter's disks: a size, then (cluster step, kind, parameter) records. One small disk of
# each content kind, one spanning three 512 MiB ranges, one of an odd size.
mkdir -p "$out/fuzz_qcow2stream"
printf '\x00\x40\x00\x00\x00\x01\x01\x07\x00\x01\x02\x09\x00\x01\x03\x05\x00\x02\x04\x30' \
    >"$out/fuzz_qcow2stream/kinds"
printf '\x60\x00\x00\x00\x00\x10\x01\x01\x22\x00\x03\x02\x22\x00\x01\x00\x30\x00\x02\x01' \
    >"$out/fuzz_qcow2stream/ranges"
printf '\x00\x21\x3a\x11\x00\x00\x03\x03\x00\x01\x01\x01\x00\x01\x01\x02\x00\x01\x02\x02' \
    >"$out/fuzz_qcow2stream/odd"
# Boot loader configurations as the distributions write them (fuzz_bootloaderconfig).
mkdir -p "$out/fuzz_bootloaderconfig"
printf "set default=\"\${saved_entry}\"\nmenuentry 'CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)' --class centos {\n\tset root='hd0,msdos1'\n\tlinux16 /vmlinuz-3.10.0-1160.el7.x86_64 root=UUID=b0070000-0000-4000-8000-000000000001 ro crashkernel=auto rhgb quiet\n}\nsubmenu 'Advanced' {\n\tmenuentry 'x' {\n\t\tlinux\t/boot/vmlinuz root=/dev/sda1 ro\n\t}\n}\nset kernelopts=\"root=/dev/mapper/rhel-root ro \"\n" \
    >"$out/fuzz_bootloaderconfig/grub.cfg"
# shellcheck disable=SC2016 # $kernelopts is the BLS entry's own text
printf '# GRUB Environment Block\nkernelopts=root=/dev/sda1 ro crashkernel=auto\ntitle RHEL 8\noptions $kernelopts $tuned_params\n' \
    >"$out/fuzz_bootloaderconfig/grubenv-bls"
printf 'default=0\ntitle CentOS 6\n\troot (hd0,0)\n\tkernel /vmlinuz ro root="LABEL=my root" quiet\nGRUB_CMDLINE_LINUX="crashkernel=auto root=/dev/hda1"\n' \
    >"$out/fuzz_bootloaderconfig/menu.lst"
