#pragma once

// Where every byte of the converted qcow2 goes, decided in stream order (see Qcow2Stream.h for
// the layout and why): the header region first (zeros until finish()), then for each 512 MiB
// guest range with data its clusters and its L2 table, then the refcount blocks. Single-threaded
// and pure: it is fed the encoded clusters in guest order and appends the stream's bytes to a
// buffer. The fuzzer drives it directly with random maps and contents.
#include "convert/ClusterCodec.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <vector>

namespace cvmi::convert {

class Qcow2Layout {
public:
    static constexpr int clusterBits = 16;
    static constexpr uint64_t clusterSize = uint64_t(1) << clusterBits;
    static constexpr uint64_t l2Entries = clusterSize / 8; // 8192: one L2 table maps 512 MiB
    static constexpr uint64_t chunkSize = l2Entries * clusterSize;
    static constexpr uint64_t refcountsPerBlock = clusterSize / 2; // 16-bit refcounts
    // The largest disk we convert: 64 TiB, four times Tencent Cloud's largest data disk. It keeps
    // the tables a hostile header could ask for small (the L1 table is then 1 MiB).
    static constexpr uint64_t maxVirtualSize = uint64_t(64) << 40;

    // The size the header gives the disk: the source's, rounded up to whole 512-byte sectors
    // (qemu counts the disk in sectors and would drop a partial one).
    static uint64_t qcow2Size(uint64_t virtualSize) { return (virtualSize + 511) & ~uint64_t(511); }

    explicit Qcow2Layout(uint64_t virtualSize);

    uint64_t headerSize() const { return m_headerClusters * clusterSize; }
    // Appends the header region (zeros: its bytes are known at the end, header()).
    void begin(QByteArray* out);
    // The next stored cluster, guest clusters strictly increasing; a Zero cluster adds nothing.
    void add(uint64_t guestCluster, EncodedCluster cluster, QByteArray* out);
    // Closes the last range and appends the refcount blocks: the stream is complete.
    void finish(QByteArray* out);
    // After finish(): the header region's bytes.
    QByteArray header() const;
    uint64_t length() const { return m_position; }

    // Upper bound of the refcount blocks any stream of this disk needs (see the .cpp).
    uint64_t maxRefcountBlocks() const;

private:
    void closeChunk(QByteArray* out);
    void flushPending(QByteArray* out);
    void pad(QByteArray* out);
    void placeRaw(uint64_t guestCluster, const QByteArray& bytes, QByteArray* out);
    void placeCompressed(uint64_t guestCluster, const QByteArray& bytes, QByteArray* out);
    void reference(uint64_t offset, uint64_t length);
    uint64_t claimCluster(QByteArray* out); // a whole, aligned cluster for metadata

    uint64_t m_virtualSize;
    uint64_t m_l1Entries;
    uint64_t m_l1Clusters;
    uint64_t m_refTableClusters;
    uint64_t m_headerClusters;
    uint64_t m_position = 0;
    std::vector<uint64_t> m_l1;
    std::vector<uint16_t> m_refcounts; // per host cluster
    // The range being filled: its index and its L2 table (big-endian entries, as written).
    int64_t m_chunk = -1;
    QByteArray m_l2;
    bool m_chunkHasData = false;
    // Clusters stored as they are wait here until the compressed bytes before them reach a
    // cluster boundary (or 16 of them wait), so that mixing compressible and incompressible
    // clusters costs at most one padding per 16 clusters, not one per cluster.
    struct Pending {
        uint64_t guestCluster;
        QByteArray bytes;
    };
    QList<Pending> m_pending;
    static constexpr int maxPending = 16;
    std::vector<uint64_t> m_refcountBlocks; // host offsets, after finish()
    bool m_finished = false;
};

} // namespace cvmi::convert
