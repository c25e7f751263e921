#pragma once

// Which guest clusters the converted stream reads: those that any data extent of the image's
// map touches, in order, one 512 MiB range at a time (the span of one L2 table, so a range's
// list is at most 8192 entries however the map is fragmented). One home for this rule: the
// stream and the estimate count the same clusters.
#include "disk/DiskImage.h"

#include <functional>
#include <vector>

namespace cvmi::convert {

// The data clusters of guest range [chunk × 512 MiB, +512 MiB) clipped to the disk: first cluster
// indexes of runs and their lengths, in order.
struct ClusterRun {
    uint64_t first = 0;
    uint64_t count = 0;
};
bool dataClusters(disk::DiskImage& image, uint64_t chunk, std::vector<ClusterRun>* runs,
                  Error* error);

uint64_t chunkCount(uint64_t virtualSize);

} // namespace cvmi::convert
