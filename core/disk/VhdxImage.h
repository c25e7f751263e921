#pragma once

// Microsoft Hyper-V virtual hard disks (VHDX, [MS-VHDX]): fixed and dynamic disks, read through
// their block allocation table, which is loaded in pages on first use. Files whose log must be
// replayed are refused; differencing disks open with a blocker naming the parent.
#include "disk/DiskFormat.h"

namespace cvmi::disk {

// 100 when the file starts with the "vhdxfile" identifier.
int probeVhdx(const ProbeInput& input);
std::unique_ptr<DiskImage> openVhdx(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                    Error* error);

} // namespace cvmi::disk
