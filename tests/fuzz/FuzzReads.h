#pragma once

// What the container fuzzers do with an image that opened: read the start, a range straddling
// the middle and the end, enough to walk the tables, cross block and grain boundaries and
// decompress a few clusters while keeping one input fast.
#include "disk/DiskImage.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace cvmi::fuzz {

inline void readSome(disk::DiskImage& image)
{
    const uint64_t size = image.virtualSize();
    const uint64_t offsets[] = {0, size / 2 > 3000 ? size / 2 - 3000 : 0,
                                size > 4096 ? size - 4096 : 0};
    std::vector<char> buffer(128 * 1024);
    for (uint64_t offset : offsets) {
        const size_t length = size_t(std::min<uint64_t>(buffer.size(), size - offset));
        Error error;
        image.read(offset, buffer.data(), length, &error);
    }
}

} // namespace cvmi::fuzz
