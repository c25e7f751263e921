// The allocation map of a qcow2 image, from its L1 and L2 tables: what read() returns as zeros
// without reading the file (no L2 table, an unallocated entry, the zero flag, unallocated or zero
// subclusters) is "no data"; normal and compressed clusters are data.
#include "disk/ExtentMap.h"
#include "disk/Qcow2ImagePrivate.h"

#include <algorithm>

namespace cvmi::disk::qcow2 {

bool Qcow2Image::mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (!checkRange(offset, size_t(length), error))
        return false;
    const uint64_t end = offset + length;
    while (offset < end) {
        bool data = true;
        uint64_t runEnd = end;
        if (!mapRun(offset, &data, &runEnd, error)) {
            out->clear();
            return false;
        }
        runEnd = std::min(runEnd, end);
        appendExtent(out, offset, runEnd - offset, data);
        offset = runEnd;
    }
    return true;
}

// The run starting at `offset` that one table entry describes: the span of an empty L1 entry,
// one cluster, or a run of alike subclusters. Entries read() refuses as corrupt are called data
// here (always safe): read() then reports them.
bool Qcow2Image::mapRun(uint64_t offset, bool* data, uint64_t* runEnd, Error* error)
{
    const uint64_t cluster = offset >> m_header.clusterBits;
    const uint64_t l1Index = cluster >> m_l2Bits;
    if (l1Index >= m_l1.size() || (m_l1[l1Index] & kOffsetMask) == 0) {
        // No L2 table: the whole span reads as zeros. At most 2^22 entries of 2^39 bytes each,
        // so the end cannot overflow.
        *data = false;
        *runEnd = (l1Index + 1) << (m_l2Bits + m_header.clusterBits);
        return true;
    }
    uint64_t entry = 0;
    uint64_t bitmap = 0;
    if (!lookup(cluster, &entry, &bitmap, error))
        return false;
    const uint64_t clusterStart = cluster << m_header.clusterBits;
    *runEnd = clusterStart + m_clusterSize;
    *data = true;
    if (entry & kCompressedFlag)
        return true;
    if (m_header.extendedL2()) {
        // Bit i: subcluster i allocated; bit 32+i: reads as zeros. Only allocated subclusters
        // are read from the file; the rest are zeros whether the zero bit is set or not.
        const uint32_t allocated = uint32_t(bitmap);
        const uint32_t zero = uint32_t(bitmap >> 32);
        const uint64_t host = entry & kOffsetMask;
        if ((allocated & zero) || (host == 0 && allocated))
            return true;
        const uint64_t subclusterSize = m_clusterSize / kSubclusters;
        uint32_t index = uint32_t((offset - clusterStart) / subclusterSize);
        *data = (allocated >> index) & 1;
        while (index + 1 < kSubclusters && bool((allocated >> (index + 1)) & 1) == *data)
            ++index;
        *runEnd = clusterStart + (index + 1) * subclusterSize;
        return true;
    }
    if (entry & kZeroFlag) {
        *data = m_header.version < 3; // version 2 has no zero flag: read() refuses the entry
        return true;
    }
    // Unallocated reads as zeros: a backing file, reported as a blocker, is not read.
    *data = (entry & kOffsetMask) != 0;
    return true;
}

} // namespace cvmi::disk::qcow2
