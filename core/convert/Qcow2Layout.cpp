#include "convert/Qcow2Layout.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace cvmi::convert {

namespace {

constexpr uint64_t copiedFlag = uint64_t(1) << 63;     // refcount exactly 1: written in place
constexpr uint64_t compressedFlag = uint64_t(1) << 62; // a compressed cluster descriptor
// Compressed descriptors with 64 KiB clusters: the host offset in bits 0..53, the count of
// further 512-byte sectors in bits 54..61 (qcow2.txt: x = 62 - (cluster_bits - 8)).
constexpr int sectorCountShift = 62 - (Qcow2Layout::clusterBits - 8);

uint64_t ceilDiv(uint64_t a, uint64_t b)
{
    return a / b + (a % b != 0);
}

void putBe64(char* at, uint64_t value)
{
    qToBigEndian(value, at);
}

} // namespace

Qcow2Layout::Qcow2Layout(uint64_t virtualSize)
    : m_virtualSize(qcow2Size(virtualSize)), m_l1Entries(ceilDiv(m_virtualSize, chunkSize)),
      m_l1Clusters(std::max<uint64_t>(1, ceilDiv(m_l1Entries * 8, clusterSize))),
      m_refTableClusters(1), m_headerClusters(0)
{
    m_refTableClusters = std::max<uint64_t>(1, ceilDiv(maxRefcountBlocks() * 8, clusterSize));
    m_headerClusters = 1 + m_l1Clusters + m_refTableClusters;
    m_l1.assign(m_l1Entries, 0);
}

uint64_t Qcow2Layout::maxRefcountBlocks() const
{
    // Host clusters at most: the header region (bounded by 1 + L1 + 64 table clusters), every
    // guest cluster stored as it is plus as much padding (a flush of waiting raw clusters pads
    // less than one cluster and places at least one), and per 512 MiB range an L2 table and its
    // padding. The blocks count themselves too: one more than the clusters alone need.
    const uint64_t guestClusters = ceilDiv(m_virtualSize, clusterSize);
    const uint64_t host = 1 + m_l1Clusters + 64 + 2 * guestClusters + 2 * m_l1Entries + 2;
    return ceilDiv(host, refcountsPerBlock - 1) + 1;
}

void Qcow2Layout::begin(QByteArray* out)
{
    out->append(QByteArray(qsizetype(headerSize()), '\0'));
    m_position = headerSize();
    m_refcounts.assign(m_headerClusters, 1);
    // An empty L1 table occupies no bytes, and qemu-img check counts none: its cluster is free.
    if (m_l1Entries == 0)
        m_refcounts[1] = 0;
}

void Qcow2Layout::reference(uint64_t offset, uint64_t length)
{
    const uint64_t last = (offset + length - 1) >> clusterBits;
    if (m_refcounts.size() <= last)
        m_refcounts.resize(last + 1, 0);
    for (uint64_t c = offset >> clusterBits; c <= last; ++c)
        ++m_refcounts[c];
}

void Qcow2Layout::pad(QByteArray* out)
{
    const uint64_t rest = m_position % clusterSize;
    if (rest == 0)
        return;
    out->append(QByteArray(qsizetype(clusterSize - rest), '\0'));
    m_position += clusterSize - rest;
}

uint64_t Qcow2Layout::claimCluster(QByteArray* out)
{
    pad(out);
    const uint64_t at = m_position;
    reference(at, clusterSize);
    return at;
}

void Qcow2Layout::add(uint64_t guestCluster, EncodedCluster cluster, QByteArray* out)
{
    if (cluster.kind == EncodedCluster::Kind::Zero)
        return;
    const int64_t chunk = int64_t(guestCluster / l2Entries);
    if (chunk != m_chunk) {
        closeChunk(out);
        m_chunk = chunk;
        m_l2 = QByteArray(qsizetype(clusterSize), '\0');
        m_chunkHasData = false;
    }
    m_chunkHasData = true;
    if (cluster.kind == EncodedCluster::Kind::Compressed)
        placeCompressed(guestCluster, cluster.bytes, out);
    else if (m_pending.isEmpty() && m_position % clusterSize == 0)
        placeRaw(guestCluster, cluster.bytes, out);
    else {
        m_pending.append(Pending{guestCluster, std::move(cluster.bytes)});
        if (m_pending.size() >= maxPending)
            flushPending(out);
    }
}

void Qcow2Layout::placeRaw(uint64_t guestCluster, const QByteArray& bytes, QByteArray* out)
{
    const uint64_t at = m_position; // aligned: the caller padded
    out->append(bytes);
    m_position += clusterSize;
    reference(at, clusterSize);
    putBe64(m_l2.data() + (guestCluster % l2Entries) * 8, at | copiedFlag);
}

void Qcow2Layout::placeCompressed(uint64_t guestCluster, const QByteArray& bytes, QByteArray* out)
{
    const uint64_t size = uint64_t(bytes.size());
    // A host cluster's refcount is 16 bits; tiny compressed clusters could in theory pile up
    // past it in one host cluster. Never in practice (a cluster deflates to 50 bytes at best,
    // so about 1,300 per host cluster), but a step to the next cluster keeps it impossible.
    if (m_refcounts.size() > (m_position >> clusterBits) &&
        m_refcounts[m_position >> clusterBits] == UINT16_MAX)
        pad(out);
    const uint64_t at = m_position;
    out->append(bytes);
    m_position += size;
    // qemu reads and counts whole 512-byte sectors from the one holding the first byte to the
    // one holding the last; those sectors' clusters are the ones this cluster references.
    const uint64_t extraSectors = ((at + size - 1) >> 9) - (at >> 9);
    reference(at & ~uint64_t(511), (extraSectors + 1) * 512);
    putBe64(m_l2.data() + (guestCluster % l2Entries) * 8,
            compressedFlag | (extraSectors << sectorCountShift) | at);
    if (!m_pending.isEmpty() && m_position % clusterSize == 0)
        flushPending(out);
}

void Qcow2Layout::flushPending(QByteArray* out)
{
    if (m_pending.isEmpty())
        return;
    pad(out);
    const QList<Pending> pending = std::move(m_pending);
    m_pending.clear();
    for (const Pending& p : pending)
        placeRaw(p.guestCluster, p.bytes, out);
}

void Qcow2Layout::closeChunk(QByteArray* out)
{
    if (m_chunk < 0 || !m_chunkHasData)
        return;
    flushPending(out);
    const uint64_t at = claimCluster(out);
    out->append(m_l2);
    m_position += clusterSize;
    m_l1[uint64_t(m_chunk)] = at | copiedFlag;
    m_chunkHasData = false;
}

void Qcow2Layout::finish(QByteArray* out)
{
    closeChunk(out);
    m_chunk = -1;
    pad(out);
    // The blocks go after everything else and count themselves: find the smallest count that
    // covers the clusters before them plus their own.
    const uint64_t before = m_position >> clusterBits;
    uint64_t blocks = 1;
    while (blocks * refcountsPerBlock < before + blocks)
        ++blocks;
    m_refcounts.resize(before + blocks, 0);
    for (uint64_t b = 0; b < blocks; ++b) {
        m_refcountBlocks.push_back(m_position + b * clusterSize);
        m_refcounts[before + b] = 1;
    }
    QByteArray block(qsizetype(clusterSize), '\0');
    for (uint64_t b = 0; b < blocks; ++b) {
        block.fill('\0');
        const uint64_t first = b * refcountsPerBlock;
        const uint64_t end = std::min<uint64_t>(m_refcounts.size(), first + refcountsPerBlock);
        for (uint64_t c = first; c < end; ++c)
            qToBigEndian(m_refcounts[c], block.data() + (c - first) * 2);
        out->append(block);
    }
    m_position += blocks * clusterSize;
    m_finished = true;
}

QByteArray Qcow2Layout::header() const
{
    QByteArray bytes(qsizetype(headerSize()), '\0');
    char* h = bytes.data();
    const uint64_t l1Offset = clusterSize;
    const uint64_t refTableOffset = (1 + m_l1Clusters) * clusterSize;
    std::memcpy(h, "QFI\xfb", 4);
    qToBigEndian<uint32_t>(3, h + 4);            // version
    qToBigEndian<uint32_t>(clusterBits, h + 20); // no backing file (8..19 zero)
    qToBigEndian<uint64_t>(m_virtualSize, h + 24);
    qToBigEndian<uint32_t>(uint32_t(m_l1Entries), h + 36); // crypt_method 0 at 32
    qToBigEndian<uint64_t>(l1Offset, h + 40);
    qToBigEndian<uint64_t>(refTableOffset, h + 48);
    qToBigEndian<uint32_t>(uint32_t(m_refTableClusters), h + 56);
    // No snapshots, no feature bits (72..95 zero): a plain image every qemu-img since 1.1 reads.
    qToBigEndian<uint32_t>(4, h + 96);    // refcount_order: 16-bit refcounts
    qToBigEndian<uint32_t>(104, h + 100); // header_length; the extension list ends at 104 (zeros)
    for (uint64_t i = 0; i < m_l1Entries; ++i)
        putBe64(h + l1Offset + i * 8, m_l1[i]);
    for (size_t b = 0; b < m_refcountBlocks.size(); ++b)
        putBe64(h + refTableOffset + b * 8, m_refcountBlocks[b]);
    return bytes;
}

} // namespace cvmi::convert
