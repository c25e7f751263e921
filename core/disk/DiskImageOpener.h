#pragma once

#include "disk/ByteSource.h"
#include "disk/DiskFormat.h"
#include "disk/DiskImage.h"

#include <memory>

namespace cvmi::disk {

// The one entry point to open a disk image file: probes every driver, refuses neighbouring
// formats with a helpful message, and opens companion files (VMDK extents) next to the image.
// `stats` (optional) counts every byte read from the image and its companions. `path` is bytes
// (a QString converts implicitly); see util/SafeOpen.h for what is refused.
std::unique_ptr<DiskImage> openDiskImage(const util::NativePath& path, Error* error,
                                         std::shared_ptr<ReadStats> stats = {});
inline std::unique_ptr<DiskImage> openDiskImage(const QString& path, Error* error,
                                                std::shared_ptr<ReadStats> stats = {})
{
    return openDiskImage(util::NativePath(path), error, std::move(stats));
}

// The same on an already opened source, for the fuzzers and tests.
std::unique_ptr<DiskImage> openDiskImage(std::unique_ptr<ByteSource> source,
                                         const OpenContext& context, Error* error);

} // namespace cvmi::disk
