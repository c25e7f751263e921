// libFuzzer target: the streaming qcow2 converter (Qcow2Stream → ClusterMap → ClusterCodec →
// Qcow2Layout) on a disk the input describes: a virtual size up to 3 GiB, data clusters of
// random, repeated, text, partly or wholly zero content, and an allocation map that also calls
// some zero clusters data. The stream is read back through our qcow2 reader (every described
// cluster and its neighbour must read as the disk does) and its refcounts are recounted from its
// L1/L2 tables the way `qemu-img check` counts them.
#include "convert/Qcow2Layout.h"
#include "convert/Qcow2Stream.h"
#include "disk/ByteSource.h"
#include "disk/DiskImageOpener.h"

#include <QtEndian>
#include <cstdlib>
#include <cstring>
#include <map>

using namespace cvmi;
using namespace cvmi::convert;

namespace {

constexpr uint64_t cs = Qcow2Layout::clusterSize;

struct Content {
    uint8_t kind = 0;
    uint8_t param = 0;
};

void fill(const Content& c, uint64_t cluster, char* out) // one whole cluster
{
    uint32_t state = uint32_t(cluster * 2654435761u) ^ c.param ^ 0x9e3779b9u;
    switch (c.kind % 5) {
    case 0: // zeros the map calls data
        std::memset(out, 0, cs);
        break;
    case 1: // random
        for (uint64_t i = 0; i < cs; ++i) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            out[i] = char(state);
        }
        break;
    case 2: // one byte repeated
        std::memset(out, c.param | 1, cs);
        break;
    case 3: // text
        for (uint64_t i = 0; i < cs; ++i)
            out[i] = char('a' + (i * c.param + i / 97) % 26);
        break;
    default: // a few bytes, then zeros
        std::memset(out, 0, cs);
        std::memset(out, c.param | 1, size_t(c.param) * 16);
    }
}

class FuzzDisk final : public disk::DiskImage {
public:
    FuzzDisk(uint64_t size, std::map<uint64_t, Content> clusters)
        : m_size(size), m_clusters(std::move(clusters))
    {
    }
    QString format() const override { return QStringLiteral("raw"); }
    QString subformat() const override { return {}; }
    uint64_t virtualSize() const override { return m_size; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (!checkRange(offset, length, error))
            return false;
        std::memset(buffer, 0, length);
        QByteArray c(qsizetype(cs), '\0');
        for (auto it = m_clusters.lower_bound(offset / cs);
             it != m_clusters.end() && it->first * cs < offset + length; ++it) {
            fill(it->second, it->first, c.data());
            const uint64_t from = std::max(offset, it->first * cs);
            const uint64_t to = std::min(offset + length, (it->first + 1) * cs);
            std::memcpy(static_cast<char*>(buffer) + (from - offset),
                        c.constData() + (from - it->first * cs), to - from);
        }
        return true;
    }
    bool mapExtents(uint64_t offset, uint64_t length, QList<disk::Extent>* out,
                    Error* error) override
    {
        out->clear();
        if (!checkRange(offset, length, error))
            return false;
        uint64_t at = offset;
        const uint64_t end = offset + length;
        auto add = [&](uint64_t to, bool data) {
            if (to <= at)
                return;
            if (!out->isEmpty() && out->back().data == data)
                out->back().length += to - at;
            else
                out->append(disk::Extent{at, to - at, data});
            at = to;
        };
        for (auto it = m_clusters.lower_bound(offset / cs); it != m_clusters.end() && at < end;
             ++it) {
            add(std::min(end, it->first * cs), false);
            add(std::min(end, (it->first + 1) * cs), true);
        }
        add(end, false);
        return true;
    }

private:
    uint64_t m_size;
    std::map<uint64_t, Content> m_clusters;
};

// Recounts every host cluster's references from the header, L1 and L2 tables (metadata once,
// data clusters once, compressed clusters once per cluster their sectors touch) and compares
// with the refcount blocks.
void checkRefcounts(const QByteArray& q)
{
    auto be64 = [&](uint64_t at) {
        return qFromBigEndian<uint64_t>(q.constData() + at);
    };
    auto be32 = [&](uint64_t at) {
        return qFromBigEndian<uint32_t>(q.constData() + at);
    };
    const uint64_t clusters = uint64_t(q.size()) / cs;
    if (uint64_t(q.size()) % cs)
        abort();
    std::vector<uint32_t> counted(clusters, 0);
    auto count = [&](uint64_t offset, uint64_t length) {
        if (length == 0)
            return;
        for (uint64_t c = offset / cs; c <= (offset + length - 1) / cs; ++c) {
            if (c >= clusters)
                abort(); // a reference past the end of the stream
            ++counted[c];
        }
    };
    const uint32_t l1Size = be32(36);
    const uint64_t l1 = be64(40), refTable = be64(48);
    const uint32_t refTableClusters = be32(56);
    count(0, cs);
    count(l1, uint64_t(l1Size) * 8);
    count(refTable, uint64_t(refTableClusters) * cs);
    for (uint32_t i = 0; i < l1Size; ++i) {
        const uint64_t l2 = be64(l1 + i * 8) & ((uint64_t(1) << 56) - 1) & ~(cs - 1);
        if (!l2)
            continue;
        count(l2, cs);
        for (uint64_t j = 0; j < cs / 8; ++j) {
            const uint64_t e = be64(l2 + j * 8);
            if (e & (uint64_t(1) << 62)) {
                const uint64_t host = e & ((uint64_t(1) << 54) - 1);
                const uint64_t sectors = ((e >> 54) & 0xff) + 1;
                count(host & ~uint64_t(511), sectors * 512);
            } else if (e & ((uint64_t(1) << 56) - 1)) {
                count(e & ((uint64_t(1) << 56) - 1) & ~(cs - 1), cs);
            }
        }
    }
    for (uint64_t b = 0; b < refTableClusters * cs / 8; ++b) {
        const uint64_t block = be64(refTable + b * 8);
        if (block)
            count(block, cs);
    }
    for (uint64_t c = 0; c < clusters; ++c) {
        const uint64_t block = be64(refTable + (c / (cs / 2)) * 8);
        const uint16_t stored =
            block ? qFromBigEndian<uint16_t>(q.constData() + block + (c % (cs / 2)) * 2) : 0;
        if (stored != counted[c])
            abort(); // what qemu-img check calls a leak or a refcount error
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 4)
        return 0;
    const uint64_t virtualSize = qFromBigEndian<uint32_t>(data) % (uint64_t(3) << 30);
    const uint64_t total = (virtualSize + cs - 1) / cs;
    std::map<uint64_t, Content> clusters;
    uint64_t at = 0;
    for (size_t i = 4; i + 4 <= size && clusters.size() < 48 && total > 0; i += 4) {
        at = (at + qFromBigEndian<uint16_t>(data + i)) % total;
        clusters[at] = Content{data[i + 2], data[i + 3]};
    }
    FuzzDisk disk(virtualSize, clusters);
    QByteArray stream;
    {
        Qcow2Stream converter(disk, Qcow2StreamSettings{1 + int(size % 9), 1 + int(size % 2)});
        QByteArray buffer(1 << 20, '\0');
        qint64 n;
        while ((n = converter.read(buffer.data(), buffer.size())) > 0)
            stream.append(buffer.constData(), n);
        if (n < 0 || !converter.atEnd() || converter.header().size() != converter.headerSize())
            abort();
        stream.replace(0, converter.header().size(), converter.header());
    }
    checkRefcounts(stream);
    Error error;
    auto image = disk::openDiskImage(std::make_unique<disk::MemoryByteSource>(stream),
                                     disk::OpenContext{}, &error);
    if (!image || image->virtualSize() != Qcow2Layout::qcow2Size(virtualSize))
        abort();
    QByteArray want(qsizetype(cs), '\0'), got(qsizetype(cs), '\0');
    for (const auto& [index, content] : clusters) {
        for (uint64_t c : {index, index + 1}) {
            if (c * cs >= virtualSize)
                continue;
            const size_t n = size_t(std::min<uint64_t>(cs, virtualSize - c * cs));
            if (!disk.read(c * cs, want.data(), n, &error) ||
                !image->read(c * cs, got.data(), n, &error) ||
                std::memcmp(want.constData(), got.constData(), n) != 0)
                abort();
        }
    }
    return 0;
}
