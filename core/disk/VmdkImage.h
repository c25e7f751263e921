#pragma once

// VMware VMDK disks: a descriptor (a text file, or text embedded in a sparse extent) listing
// extents (FLAT, SPARSE, ZERO) whose sizes add up to the virtual disk. Written from VMware's
// "Virtual Disk Format 5.0" technical note.
#include "disk/DiskFormat.h"

namespace cvmi::disk {

// 100 for a KDMV sparse extent, a small descriptor text file, or a COWD (ESX sparse) extent,
// which openVmdk then refuses with "vmdk_unsupported".
int probeVmdk(const ProbeInput& input);
std::unique_ptr<DiskImage> openVmdk(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                    Error* error);

} // namespace cvmi::disk
