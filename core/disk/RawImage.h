#pragma once

#include "disk/DiskFormat.h"

namespace cvmi::disk {

// A raw image is the disk itself. Recognised by a boot-sector signature, a file system at offset
// 0, or a .raw/.img name on a whole number of sectors; anything else is "unknown", not raw.
int probeRaw(const ProbeInput& input);
std::unique_ptr<DiskImage> openRaw(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                   Error* error);

} // namespace cvmi::disk
