#include "disk/Qcow2Image.h"

#include "disk/Qcow2Header.h"
#include "disk/Qcow2ImagePrivate.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <list>
#include <unordered_map>
#include <vector>
#include <zlib.h>
#include <zstd.h>

namespace cvmi::disk {

namespace {

using qcow2::corrupt;
using qcow2::fileNameOf;
using qcow2::truncated;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::Qcow2Image)
};

constexpr uint64_t kSector = 512;
// L2 tables are cached in slices, as QEMU's l2-cache-entry-size does: with 2 MiB clusters a
// whole table is 2 MiB, and a lookup needs one entry of it. 512 slices keep at most 2 MiB.
constexpr uint64_t kMaxSliceBytes = 4096;
constexpr size_t kMaxCachedSlices = 512;
// A 2 MiB cluster needs at most a 4 MiB window; the bound stops a hostile frame from making
// zstd allocate its 128 MiB default.
constexpr int kZstdWindowLogMax = 23;
// QEMU writes raw deflate with a 4 KiB window and reads with the same; matching it means we
// accept exactly the compressed clusters qemu-img does.
constexpr int kDeflateWindowBits = -12;

} // namespace

namespace qcow2 {

Qcow2Image::Qcow2Image(std::unique_ptr<ByteSource> file, Qcow2Header header,
                       std::vector<uint64_t> l1)
    : m_file(std::move(file)), m_header(std::move(header)), m_l1(std::move(l1)),
      m_clusterSize(m_header.clusterSize()), m_l2Bits(m_header.l2Bits()),
      m_entryBytes(m_header.extendedL2() ? 16 : 8),
      m_sliceBytes(std::min(kMaxSliceBytes, m_clusterSize))
{
}

void Qcow2Image::reportFindings()
{
    const QString name = fileNameOf(*m_file);
    if (!m_header.backingFile.isEmpty()) {
        const QString backing =
            m_header.backingFormat.isEmpty()
                ? m_header.backingFile
                : Text::tr("%1 (format %2)").arg(m_header.backingFile, m_header.backingFormat);
        addFinding(
            Finding::Severity::Blocker, QStringLiteral("backing_file"),
            Text::tr("%1 is an overlay: it holds only the changes made on top of its backing "
                     "file %2, and the rest of the disk is in that file. Merge them into one "
                     "self-contained image with `qemu-img convert -O qcow2 %1 flattened.qcow2` "
                     "(run where %3 can be found) and import flattened.qcow2.")
                .arg(name, backing, m_header.backingFile));
    }
    if (m_header.dirty())
        addFinding(
            Finding::Severity::Warning, QStringLiteral("qcow2_dirty"),
            Text::tr("%1 was not closed cleanly (its dirty flag is set): the program using it "
                     "stopped abruptly, so its reference counts may be stale. Repair it with "
                     "`qemu-img check -r all %1` before importing.")
                .arg(name));
}

const std::vector<uint64_t>* Qcow2Image::slice(uint64_t hostOffset, Error* error)
{
    auto found = m_sliceIndex.find(hostOffset);
    if (found != m_sliceIndex.end()) {
        m_slices.splice(m_slices.begin(), m_slices, found->second);
        return &found->second->words;
    }
    // hostOffset < 2^56 and a slice is at most 4 KiB: no overflow.
    if (hostOffset + m_sliceBytes > m_file->size()) {
        truncated(error, *m_file, Text::tr("L2 table"), hostOffset);
        return nullptr;
    }
    std::vector<unsigned char> raw(m_sliceBytes);
    if (!m_file->readAt(hostOffset, raw.data(), raw.size(), error))
        return nullptr;
    if (m_slices.size() >= kMaxCachedSlices) {
        m_sliceIndex.erase(m_slices.back().hostOffset);
        m_slices.pop_back();
    }
    L2Slice loaded;
    loaded.hostOffset = hostOffset;
    loaded.words.resize(m_sliceBytes / 8);
    for (size_t i = 0; i < loaded.words.size(); ++i)
        loaded.words[i] = be64(raw.data() + i * 8);
    m_slices.push_front(std::move(loaded));
    m_sliceIndex.emplace(hostOffset, m_slices.begin());
    return &m_slices.front().words;
}

// The L2 entry (and, with extended L2, the subcluster bitmap) of a guest cluster; 0 when no
// L2 table covers it.
bool Qcow2Image::lookup(uint64_t cluster, uint64_t* entry, uint64_t* bitmap, Error* error)
{
    *entry = 0;
    *bitmap = 0;
    const uint64_t l1Index = cluster >> m_l2Bits;
    // The header check made the L1 table cover the virtual size; this guards the index anyway.
    if (l1Index >= m_l1.size())
        return true;
    const uint64_t table = m_l1[l1Index] & kOffsetMask;
    if (table == 0)
        return true;
    if (table & (m_clusterSize - 1))
        return corrupt(error, *m_file,
                       Text::tr("L1 entry %1 points at offset %2, which is not a cluster boundary.")
                           .arg(QString::number(l1Index), QString::number(table)));
    const uint64_t byte = (cluster & ((uint64_t(1) << m_l2Bits) - 1)) * m_entryBytes;
    const uint64_t sliceStart = byte & ~(m_sliceBytes - 1);
    const std::vector<uint64_t>* words = slice(table + sliceStart, error);
    if (!words)
        return false;
    const size_t word = size_t((byte - sliceStart) / 8);
    *entry = (*words)[word];
    if (m_entryBytes == 16)
        *bitmap = (*words)[word + 1];
    return true;
}

bool Qcow2Image::readData(uint64_t guestOffset, uint64_t hostOffset, char* out, size_t n,
                          Error* error)
{
    uint64_t end = 0;
    if (!addNoOverflow(hostOffset, n, &end) || end > m_file->size())
        return truncated(error, *m_file, Text::tr("data for guest offset %1").arg(guestOffset),
                         hostOffset);
    return m_file->readAt(hostOffset, out, n, error);
}

bool Qcow2Image::inflateDeflate(size_t inputBytes)
{
    z_stream zs{};
    if (inflateInit2(&zs, kDeflateWindowBits) != Z_OK)
        return false;
    zs.next_in = reinterpret_cast<unsigned char*>(m_compressed.data());
    zs.avail_in = uInt(inputBytes);
    zs.next_out = reinterpret_cast<unsigned char*>(m_clusterData.data());
    zs.avail_out = uInt(m_clusterData.size());
    const int ret = inflate(&zs, Z_FINISH);
    inflateEnd(&zs);
    // The stream must fill the cluster; what follows it in the last sector is padding.
    return (ret == Z_STREAM_END || ret == Z_BUF_ERROR) && zs.avail_out == 0;
}

bool Qcow2Image::inflateZstd(size_t inputBytes)
{
    if (!m_zstd) {
        m_zstd.reset(ZSTD_createDCtx());
        if (!m_zstd || ZSTD_isError(ZSTD_DCtx_setParameter(m_zstd.get(), ZSTD_d_windowLogMax,
                                                           kZstdWindowLogMax)))
            return false;
    }
    ZSTD_DCtx_reset(m_zstd.get(), ZSTD_reset_session_only);
    ZSTD_inBuffer input{m_compressed.data(), inputBytes, 0};
    ZSTD_outBuffer output{m_clusterData.data(), m_clusterData.size(), 0};
    // Streaming, because the compressed size is rounded up to whole sectors: the frame may be
    // followed by padding, and stops once the cluster is full.
    while (output.pos < output.size) {
        const size_t inBefore = input.pos;
        const size_t outBefore = output.pos;
        if (ZSTD_isError(ZSTD_decompressStream(m_zstd.get(), &output, &input)))
            return false;
        if (input.pos == inBefore && output.pos == outBefore)
            return false; // input exhausted before the cluster was full
    }
    return true;
}

bool Qcow2Image::readCompressed(uint64_t entry, uint64_t within, char* out, size_t n, Error* error)
{
    // Descriptor layout: x = 62 - (cluster_bits - 8) bits of host offset, then the number of
    // additional 512-byte sectors; the data ends at a sector boundary.
    const uint32_t sizeBits = m_header.clusterBits - 8;
    const uint32_t offsetBits = 62 - sizeBits;
    const uint64_t descriptor = entry & ~kFlagBits;
    if (descriptor != m_cachedDescriptor) {
        const uint64_t host = descriptor & ((uint64_t(1) << offsetBits) - 1);
        const uint64_t sectors = ((descriptor >> offsetBits) & ((uint64_t(1) << sizeBits) - 1)) + 1;
        const uint64_t bytes = sectors * kSector - (host % kSector);
        if (host >= m_file->size())
            return truncated(error, *m_file, Text::tr("compressed cluster"), host);
        // The last sector may reach past the end of the file; QEMU reads it as zeros, and the
        // stream ends before it anyway.
        const size_t available = size_t(std::min(bytes, m_file->size() - host));
        m_compressed.resize(available);
        if (!m_file->readAt(host, m_compressed.data(), available, error))
            return false;
        m_clusterData.resize(m_clusterSize);
        m_cachedDescriptor = UINT64_MAX;
        const bool ok = m_header.compressionType == kQcow2CompressionZstd
                            ? inflateZstd(available)
                            : inflateDeflate(available);
        if (!ok)
            return corrupt(error, *m_file,
                           Text::tr("the compressed cluster at offset %1 does not decompress.")
                               .arg(QString::number(host)));
        m_cachedDescriptor = descriptor;
    }
    std::memcpy(out, m_clusterData.data() + within, n);
    return true;
}

// Extended L2: each of the 32 subclusters is allocated (bit i), reads as zeros (bit 32+i), or
// is unallocated. Reads one run of subclusters that are alike and shortens *n to it.
bool Qcow2Image::readSubclusters(uint64_t offset, uint64_t entry, uint64_t bitmap, char* out,
                                 size_t* n, Error* error)
{
    const uint64_t host = entry & kOffsetMask;
    const uint32_t allocated = uint32_t(bitmap);
    const uint32_t zero = uint32_t(bitmap >> 32);
    if (allocated & zero)
        return corrupt(error, *m_file,
                       Text::tr("the subclusters of guest offset %1 are both allocated and zero.")
                           .arg(offset));
    if (host == 0 && allocated)
        return corrupt(
            error, *m_file,
            Text::tr("guest offset %1 has allocated subclusters but no cluster.").arg(offset));
    const uint64_t subclusterSize = m_clusterSize / kSubclusters;
    const uint64_t within = offset & (m_clusterSize - 1);
    const uint32_t first = uint32_t(within / subclusterSize);
    const bool data = (allocated >> first) & 1;
    uint32_t last = first;
    while (last + 1 < kSubclusters && bool((allocated >> (last + 1)) & 1) == data)
        ++last;
    *n = size_t(std::min<uint64_t>(*n, (last + 1) * subclusterSize - within));
    if (!data) { // zero, or unallocated without a backing file we read
        std::memset(out, 0, *n);
        return true;
    }
    if (host & (m_clusterSize - 1))
        return corrupt(
            error, *m_file,
            Text::tr("the L2 entry of guest offset %1 points at offset %2, which is not a "
                     "cluster boundary.")
                .arg(QString::number(offset), QString::number(host)));
    return readData(offset, host + within, out, *n, error);
}

// Reads from one guest cluster; *n may shrink (subclusters), never grow.
bool Qcow2Image::readCluster(uint64_t offset, uint64_t entry, uint64_t bitmap, char* out, size_t* n,
                             Error* error)
{
    const uint64_t within = offset & (m_clusterSize - 1);
    if (entry & kCompressedFlag)
        return readCompressed(entry, within, out, *n, error);
    // With extended L2 entries, bit 0 is reserved: the bitmap says what reads as zeros.
    if (m_header.extendedL2())
        return readSubclusters(offset, entry, bitmap, out, n, error);
    const uint64_t host = entry & kOffsetMask;
    if (entry & kZeroFlag) {
        if (m_header.version < 3)
            return corrupt(
                error, *m_file,
                Text::tr("the L2 entry of guest offset %1 is a zero cluster, which version 2 "
                         "does not have.")
                    .arg(offset));
        std::memset(out, 0, *n);
        return true;
    }
    if (host == 0) { // unallocated: zeros, as we do not read a backing file
        std::memset(out, 0, *n);
        return true;
    }
    if (host & (m_clusterSize - 1))
        return corrupt(
            error, *m_file,
            Text::tr("the L2 entry of guest offset %1 points at offset %2, which is not a "
                     "cluster boundary.")
                .arg(QString::number(offset), QString::number(host)));
    return readData(offset, host + within, out, *n, error);
}

bool Qcow2Image::read(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (!checkRange(offset, length, error))
        return false;
    auto* out = static_cast<char*>(buffer);
    while (length > 0) {
        const uint64_t within = offset & (m_clusterSize - 1);
        size_t n = size_t(std::min<uint64_t>(length, m_clusterSize - within));
        uint64_t entry = 0;
        uint64_t bitmap = 0;
        if (!lookup(offset >> m_header.clusterBits, &entry, &bitmap, error) ||
            !readCluster(offset, entry, bitmap, out, &n, error))
            return false;
        out += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace qcow2

namespace {

bool readL1(ByteSource& file, const Qcow2Header& header, std::vector<uint64_t>* l1, Error* error)
{
    // readQcow2Header checked the size (at most 32 MiB) and that the table lies in the file.
    std::vector<unsigned char> raw(size_t(header.l1Size) * 8);
    if (!raw.empty() && !file.readAt(header.l1TableOffset, raw.data(), raw.size(), error))
        return false;
    l1->resize(header.l1Size);
    for (size_t i = 0; i < l1->size(); ++i)
        (*l1)[i] = be64(raw.data() + i * 8);
    return true;
}

} // namespace

int probeQcow2(const ProbeInput& input)
{
    return input.head.startsWith(QByteArrayView("QFI\xfb", 4)) ? 100 : 0;
}

std::unique_ptr<DiskImage> openQcow2(std::unique_ptr<ByteSource> file, const OpenContext&,
                                     Error* error)
{
    Qcow2Header header;
    std::vector<uint64_t> l1;
    if (!readQcow2Header(*file, &header, error) || !readL1(*file, header, &l1, error))
        return nullptr;
    auto image =
        std::make_unique<qcow2::Qcow2Image>(std::move(file), std::move(header), std::move(l1));
    image->reportFindings();
    return image;
}

} // namespace cvmi::disk
