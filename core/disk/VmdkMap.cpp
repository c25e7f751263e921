// The allocation map of a VMDK disk: each extent of the descriptor maps its own range. Sparse
// extents answer from their grain tables, flat extents with their file's holes (SEEK_DATA), ZERO
// extents are no data. The maps are joined in the descriptor's order.
#include "disk/ExtentMap.h"
#include "disk/VmdkImagePrivate.h"

#include <algorithm>

namespace cvmi::disk {

bool VmdkSparseExtent::map(ByteSource& file, uint64_t offset, uint64_t length, uint64_t guestOffset,
                           QList<Extent>* out, Error* error)
{
    const uint64_t end = offset + length;
    const uint64_t tableSpan = m_grainBytes * m_header.numGTEsPerGT;
    while (offset < end) {
        const uint64_t grain = offset / m_grainBytes;
        const uint64_t gdIndex = grain / m_header.numGTEsPerGT;
        uint32_t tableSector = 0;
        if (!gdEntry(file, gdIndex, &tableSector, error))
            return false;
        bool data = false;
        uint64_t runEnd = (gdIndex + 1) * tableSpan; // no table: the whole span is empty
        if (tableSector != 0) {
            uint32_t sector = 0;
            if (!grainSector(file, grain, &sector, error))
                return false;
            data = sector > 1; // 0: never written, 1: zeroed grain; read() gives zeros for both
            runEnd = (grain + 1) * m_grainBytes;
        }
        runEnd = std::min(runEnd, end);
        appendExtent(out, guestOffset + offset, runEnd - offset, data);
        offset = runEnd;
    }
    return true;
}

namespace vmdk {

bool VmdkImage::mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (!checkRange(offset, size_t(length), error))
        return false;
    const uint64_t end = offset + length;
    QList<Extent> fileMap;
    while (offset < end) {
        auto it = std::partition_point(m_extents.begin(), m_extents.end(),
                                       [offset](const VmdkExtent& e) { return e.end <= offset; });
        // checkRange guarantees an extent holds every offset below m_size.
        const size_t index = size_t(it - m_extents.begin());
        const uint64_t within = offset - it->start;
        const uint64_t n = std::min(end, it->end) - offset;
        bool ok = true;
        if (it->kind == VmdkExtent::Kind::Zero) {
            disk::appendExtent(out, offset, n, false);
        } else if (ByteSource* file = fileFor(index, error); !file) {
            ok = false;
        } else if (it->kind == VmdkExtent::Kind::Flat) {
            ok = file->mapData(it->fileOffset + within, n, &fileMap, error);
            if (ok)
                appendShifted(out, fileMap, int64_t(offset) - int64_t(it->fileOffset + within));
        } else {
            ok = it->sparse->map(*file, within, n, it->start, out, error);
        }
        if (!ok) {
            out->clear();
            return false;
        }
        offset += n;
    }
    return true;
}

} // namespace vmdk

} // namespace cvmi::disk
