#pragma once

// VirtualBox Virtual Disk Images (VDI): dynamic and static (fixed) disks of header version 1.1
// with 1 MiB blocks, read the way qemu's vdi driver reads them. The block map is loaded in pages
// on first use; differencing disks (snapshots) open with a blocker finding.
#include "disk/DiskFormat.h"

namespace cvmi::disk {

// 100 when the VDI signature 0xbeda107f is at offset 0x40 (after the 64-byte text line).
int probeVdi(const ProbeInput& input);
std::unique_ptr<DiskImage> openVdi(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                   Error* error);

} // namespace cvmi::disk
