// The allocation map of a VHD. A fixed disk is its file (minus the footer), so the file's own
// holes are the map. A dynamic or differencing disk has a block allocation table: a block never
// written (0xFFFFFFFF) is no data; in a written block the sector bitmap says which sectors were
// written, and read() returns zeros for the others, so they are no data either.
#include "disk/ExtentMap.h"
#include "disk/VhdImagePrivate.h"

#include <algorithm>

namespace cvmi::disk::vhd {

bool VhdImage::mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (!checkRange(offset, size_t(length), error))
        return false;
    if (m_footer.diskType == VhdFooter::Fixed)
        return m_file->mapData(offset, length, out, error);
    const uint64_t end = offset + length;
    while (offset < end) {
        const uint64_t blockEnd = (offset / m_blockSize + 1) * m_blockSize;
        const uint64_t runEnd = std::min(end, blockEnd);
        if (!mapBlock(offset, runEnd, out, error)) {
            out->clear();
            return false;
        }
        offset = runEnd;
    }
    return true;
}

// Maps [offset, end), which lies in one block. Reads the BAT page and the block's bitmap (512
// bytes for a 2 MiB block), both cached as read() caches them, never the block's data.
bool VhdImage::mapBlock(uint64_t offset, uint64_t end, QList<Extent>* out, Error* error)
{
    const uint64_t block = offset / m_blockSize;
    uint32_t sector = 0;
    if (!batEntry(block, &sector, error))
        return false;
    if (sector == kUnallocated) {
        appendExtent(out, offset, end - offset, false);
        return true;
    }
    const std::vector<unsigned char>* bitmap = nullptr;
    if (!checkBlockLocation(block, sector, error) || !blockBitmap(block, sector, &bitmap, error))
        return false;
    // Most significant bit first, one bit per sector of the block, as read() uses it.
    const auto written = [bitmap](uint64_t s) {
        return ((*bitmap)[s / 8] >> (7 - s % 8)) & 1;
    };
    const uint64_t blockStart = block * m_blockSize;
    uint64_t pos = offset;
    while (pos < end) {
        const uint64_t first = (pos - blockStart) / kSector;
        const bool present = written(first);
        uint64_t next = first + 1;
        while (blockStart + next * kSector < end && bool(written(next)) == present)
            ++next;
        const uint64_t runEnd = std::min(end, blockStart + next * kSector);
        appendExtent(out, pos, runEnd - pos, present);
        pos = runEnd;
    }
    return true;
}

} // namespace cvmi::disk::vhd
