#pragma once

// Microsoft Virtual Hard Disks (VHD, qemu's "vpc"): fixed, dynamic and differencing disks, read
// as described in the "Virtual Hard Disk Image Format Specification" and sized the way qemu's vpc
// driver sizes them. Dynamic disks load their block allocation table in pages, on first use.
#include "disk/DiskFormat.h"

namespace cvmi::disk {

// 100 when the "conectix" cookie starts the last 512 bytes (every VHD) or the file (the footer
// copy of dynamic and differencing disks): a fixed VHD is otherwise a valid raw disk.
int probeVhd(const ProbeInput& input);
std::unique_ptr<DiskImage> openVhd(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                   Error* error);

} // namespace cvmi::disk
