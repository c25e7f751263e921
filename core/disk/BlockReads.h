#pragma once

// The read() of a container that stores the disk in fixed-size blocks, each either somewhere in
// the file or absent (reading as zeros): VDI's block map, VHDX's BAT. The reader says where a
// block is; this walks the request block by block, so the lookup and the bounds live in one place.
#include "disk/ByteSource.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cvmi::disk {

// `locate(block, &present, &fileOffset, error)` gives block `block`'s place in `file`, checked
// against it. The range was checked against the disk by the caller (DiskImage::checkRange).
template <typename Locate>
bool readByBlocks(ByteSource& file, uint64_t blockSize, uint64_t offset, void* buffer,
                  size_t length, Error* error, Locate&& locate)
{
    auto* out = static_cast<char*>(buffer);
    while (length > 0) {
        const uint64_t block = offset / blockSize;
        const uint64_t within = offset % blockSize;
        const size_t n = size_t(std::min<uint64_t>(length, blockSize - within));
        bool present = false;
        uint64_t at = 0;
        if (!locate(block, &present, &at, error))
            return false;
        if (!present)
            std::memset(out, 0, n);
        else if (!file.readAt(at + within, out, n, error))
            return false;
        out += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace cvmi::disk
