#pragma once

// QEMU's qcow2 disks, versions 2 and 3: two-level cluster tables (L1, then L2 tables loaded on
// demand), zero clusters, zlib and zstd compressed clusters and extended L2 entries with
// subclusters. Written from QEMU's docs/interop/qcow2.txt.
#include "disk/DiskFormat.h"

namespace cvmi::disk {

// 100 for the "QFI\xfb" signature (qcow version 1 too, which openQcow2 then refuses).
int probeQcow2(const ProbeInput& input);
// Reads the header and the L1 table; L2 tables and data load on first read. A backing file is
// not opened: its clusters read as zeros and a "backing_file" blocker is reported.
std::unique_ptr<DiskImage> openQcow2(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                     Error* error);

} // namespace cvmi::disk
