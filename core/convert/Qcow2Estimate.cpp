#include "convert/Qcow2Estimate.h"

#include "convert/ClusterCodec.h"
#include "convert/ClusterMap.h"
#include "convert/Qcow2Layout.h"
#include "convert/Qcow2Stream.h"

namespace cvmi::convert {

namespace {

// Walks the map once: the data clusters in all, and the 512 MiB ranges holding any (each gets
// an L2 table). `visit` sees every run with the count of data clusters before it.
bool walkMap(disk::DiskImage& image, uint64_t* clusters, uint64_t* chunksWithData, Error* error,
             const std::function<bool(const ClusterRun&, uint64_t before)>& visit = {})
{
    *clusters = 0;
    *chunksWithData = 0;
    std::vector<ClusterRun> runs;
    const uint64_t chunks = chunkCount(image.virtualSize());
    for (uint64_t chunk = 0; chunk < chunks; ++chunk) {
        if (!dataClusters(image, chunk, &runs, error))
            return false;
        if (!runs.empty())
            ++*chunksWithData;
        for (const ClusterRun& run : runs) {
            if (visit && !visit(run, *clusters))
                return false;
            *clusters += run.count;
        }
    }
    return true;
}

} // namespace

std::optional<Qcow2Estimate> estimateQcow2(disk::DiskImage& image, uint64_t fileSize, Error* error,
                                           int sampleClusters)
{
    Qcow2Estimate estimate;
    estimate.virtualSize = image.virtualSize();
    estimate.fileSize = fileSize;
    if (image.virtualSize() > Qcow2Layout::maxVirtualSize) {
        fail(error, QStringLiteral("convert.too_large"),
             Qcow2Stream::tr("The disk is too large to be converted to qcow2."));
        return std::nullopt;
    }
    uint64_t clusters = 0;
    uint64_t chunksWithData = 0;
    if (!walkMap(image, &clusters, &chunksWithData, error))
        return std::nullopt;
    const uint64_t size = image.virtualSize();
    const uint64_t cs = Qcow2Layout::clusterSize;

    // The sample: clusters spread evenly over the data clusters, in map order.
    const uint64_t samples = std::min<uint64_t>(uint64_t(std::max(0, sampleClusters)), clusters);
    ClusterCodec codec(Qcow2StreamSettings{}.compressionLevel);
    QByteArray buffer(qsizetype(cs), '\0');
    uint64_t next = 0; // the sample taken next
    uint64_t walked = 0;
    uint64_t walkedChunks = 0;
    bool ok =
        walkMap(image, &walked, &walkedChunks, error, [&](const ClusterRun& run, uint64_t before) {
            for (; next < samples; ++next) {
                const uint64_t index = next * clusters / samples; // among all data clusters
                if (index >= before + run.count)
                    return true;
                const uint64_t offset = (run.first + index - before) * cs;
                const uint64_t length = std::min<uint64_t>(cs, size - offset);
                buffer.fill('\0');
                if (!image.read(offset, buffer.data(), size_t(length), error))
                    return false;
                const EncodedCluster encoded = codec.encode(buffer.constData(), size_t(cs));
                ++estimate.sampledClusters;
                if (encoded.kind == EncodedCluster::Kind::Zero)
                    ++estimate.sampledZeroClusters;
                estimate.sampledBytesOut += uint64_t(encoded.bytes.size());
            }
            return true;
        });
    if (!ok)
        return std::nullopt;

    // Only the disk's last cluster can be short; it is data when the clusters reach the end.
    estimate.mappedBytes = clusters * cs;
    if (estimate.mappedBytes > size)
        estimate.mappedBytes = size;
    const double perCluster =
        estimate.sampledClusters ? double(estimate.sampledBytesOut) / estimate.sampledClusters : 0;
    const Qcow2Layout layout(size);
    const uint64_t data = uint64_t(perCluster * double(clusters));
    const uint64_t host = layout.headerSize() + chunksWithData * cs + data;
    const uint64_t blocks = host / (Qcow2Layout::refcountsPerBlock * cs) + 1;
    estimate.estimatedBytes = host + blocks * cs;
    return estimate;
}

} // namespace cvmi::convert
