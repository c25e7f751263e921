// The allocation map of a VDI. A block never written (0xffffffff) or discarded (0xfffffffe) is
// no data. An allocated block of a dynamic or differencing disk is data, as qemu-img map says.
// A static disk is preallocated: every block is allocated, and where its file has holes (qemu
// creates static disks by extending the file) the file's own map says so, as for a fixed VHD.
#include "disk/ExtentMap.h"
#include "disk/VdiImagePrivate.h"

#include <algorithm>

namespace cvmi::disk::vdi {

bool VdiImage::mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (!checkRange(offset, size_t(length), error))
        return false;
    const uint64_t end = offset + length;
    while (offset < end) {
        const uint64_t blockEnd = (offset / m_header.blockSize + 1) * m_header.blockSize;
        const uint64_t runEnd = std::min(end, blockEnd);
        if (!mapBlock(offset, runEnd, out, error)) {
            out->clear();
            return false;
        }
        offset = runEnd;
    }
    return true;
}

// Maps [offset, end), which lies in one block: its block map entry (a cached page), and for a
// static disk the file's map of the block, never its data.
bool VdiImage::mapBlock(uint64_t offset, uint64_t end, QList<Extent>* out, Error* error)
{
    const uint64_t block = offset / m_header.blockSize;
    bool present = false;
    uint64_t at = 0;
    if (!locateBlock(block, &present, &at, error))
        return false;
    if (!present || m_header.imageType != Static) {
        appendExtent(out, offset, end - offset, present);
        return true;
    }
    const uint64_t fileStart = at + (offset - block * m_header.blockSize);
    QList<Extent> fileMap;
    if (!m_file->mapData(fileStart, end - offset, &fileMap, error))
        return false;
    appendShifted(out, fileMap, int64_t(offset) - int64_t(fileStart));
    return true;
}

} // namespace cvmi::disk::vdi
