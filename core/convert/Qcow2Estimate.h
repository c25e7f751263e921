#pragma once

// How much a converted upload (Qcow2Stream.h) would send, told before the upload: the source's
// allocation map gives the data extents without reading data, and a small sample of their
// clusters, spread evenly, is read and compressed as the stream would. An estimate, and said to
// be one: the sample may miss a region that compresses differently.
#include "disk/DiskImage.h"
#include "util/Error.h"

#include <optional>

namespace cvmi::convert {

struct Qcow2Estimate {
    uint64_t virtualSize = 0;
    uint64_t fileSize = 0;        // the image file as it is (what a plain upload sends)
    uint64_t mappedBytes = 0;     // the data extents of the map: what the converter reads
    int sampledClusters = 0;      // clusters read for the sample
    int sampledZeroClusters = 0;  // of those, all zeros (left out of the stream)
    uint64_t sampledBytesOut = 0; // what the sampled clusters became (compressed or not)
    uint64_t estimatedBytes = 0;  // the stream's estimated length, metadata included

    // The saving is worth the conversion: the stream is estimated at least 10 % smaller.
    bool worthConverting() const { return estimatedBytes * 10 < fileSize * 9; }
};

// Reads the whole map (tables only) and `sampleClusters` clusters (64 KiB each) of data. Time
// bounded by the map's size and the sample: a few milliseconds for a sparse 50 GB image.
std::optional<Qcow2Estimate> estimateQcow2(disk::DiskImage& image, uint64_t fileSize, Error* error,
                                           int sampleClusters = 64);

} // namespace cvmi::convert
