#include "convert/ClusterMap.h"

#include "convert/Qcow2Layout.h"

namespace cvmi::convert {

uint64_t chunkCount(uint64_t virtualSize)
{
    return (virtualSize + Qcow2Layout::chunkSize - 1) / Qcow2Layout::chunkSize;
}

bool dataClusters(disk::DiskImage& image, uint64_t chunk, std::vector<ClusterRun>* runs,
                  Error* error)
{
    runs->clear();
    const uint64_t size = image.virtualSize();
    const uint64_t start = chunk * Qcow2Layout::chunkSize;
    if (start >= size)
        return true;
    const uint64_t length = std::min<uint64_t>(Qcow2Layout::chunkSize, size - start);
    QList<disk::Extent> extents;
    if (!image.mapExtents(start, length, &extents, error))
        return false;
    constexpr int bits = Qcow2Layout::clusterBits;
    for (const disk::Extent& e : extents) {
        if (!e.data || e.length == 0)
            continue;
        // Clip to the range asked: a reader's map must not make us read outside it.
        const uint64_t from = std::max(e.offset, start);
        const uint64_t to = std::min(e.offset + e.length, start + length);
        if (from >= to)
            continue;
        uint64_t first = from >> bits;
        const uint64_t last = (to - 1) >> bits;
        if (!runs->empty()) {
            ClusterRun& previous = runs->back();
            const uint64_t previousEnd = previous.first + previous.count;
            if (first < previousEnd) // two extents share a cluster, or the map went backwards
                first = previousEnd;
            if (first > last)
                continue;
            if (first == previousEnd) {
                previous.count += last - first + 1;
                continue;
            }
        }
        runs->push_back(ClusterRun{first, last - first + 1});
    }
    return true;
}

} // namespace cvmi::convert
