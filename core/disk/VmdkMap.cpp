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
    const uint64_t perTable = m_header.numGTEsPerGT;
    while (offset < end) {
        // One grain table at a time, its entries walked in place: qemu-img and VMware create
        // every table of a sparse extent (65536 for 2 TiB), each of which would otherwise cost
        // 512 lookups.
        const uint64_t gdIndex = offset / m_grainBytes / perTable;
        const uint64_t spanEnd = std::min(end, (gdIndex + 1) * perTable * m_grainBytes);
        const std::vector<uint32_t>* table = nullptr;
        if (!grainTable(file, gdIndex, &table, error))
            return false;
        if (!table) { // no table: the whole span is empty
            appendExtent(out, guestOffset + offset, spanEnd - offset, false);
            offset = spanEnd;
            continue;
        }
        // Runs of alike grains (0: never written and 1: zeroed grain read as zeros) in one go.
        const uint64_t spanStart = gdIndex * perTable * m_grainBytes;
        uint64_t grain = (offset - spanStart) / m_grainBytes;
        const uint64_t lastGrain = (spanEnd - 1 - spanStart) / m_grainBytes;
        while (offset < spanEnd) {
            const bool data = (*table)[grain] > 1;
            while (grain < lastGrain && ((*table)[grain + 1] > 1) == data)
                ++grain;
            ++grain;
            const uint64_t runEnd = std::min(spanEnd, spanStart + grain * m_grainBytes);
            appendExtent(out, guestOffset + offset, runEnd - offset, data);
            offset = runEnd;
        }
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
