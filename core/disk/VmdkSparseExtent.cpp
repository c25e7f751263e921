#include "disk/VmdkSparseExtent.h"

#include "disk/VmdkDescriptor.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <zlib.h>

namespace cvmi::disk {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::VmdkImage)
};

constexpr uint64_t kSector = 512;
constexpr uint64_t kGdAtEnd = UINT64_MAX;
constexpr uint32_t kFlagNewlineTest = 1u << 0;
constexpr uint32_t kFlagCompressed = 1u << 16;
constexpr uint16_t kCompressDeflate = 1;
// 8 MiB grains; VMware writes 64 KiB. Bounds the buffer one read may allocate.
constexpr uint64_t kMaxGrainSectors = 16384;
// VMware always writes 512; the bound keeps one table at most 16 KiB.
constexpr uint32_t kMaxGtes = 4096;
constexpr uint64_t kGdChunkEntries = 1024;
// Caps on cached tables (16 KiB each at most): past them the cache starts over.
constexpr size_t kMaxCachedTables = 2048;
constexpr size_t kMaxCachedGdChunks = 256;

bool corrupt(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(error, QStringLiteral("vmdk_corrupt"),
                Text::tr("The VMDK file %1 is damaged: %2 Copy it again from the original; if the "
                         "original is damaged too, repair it with `vmware-vdiskmanager -R`.")
                    .arg(QFileInfo(file.name()).fileName(), detail));
}

bool unsupported(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("vmdk_unsupported"),
        Text::tr("The VMDK file %1 uses a variant this program cannot read: %2 Convert it with "
                 "`qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` and "
                 "import the result.")
            .arg(QFileInfo(file.name()).fileName(), detail));
}

bool truncated(Error* error, const ByteSource& file, const QString& what)
{
    return fail(
        error, QStringLiteral("truncated"),
        Text::tr("The VMDK file %1 ends too early: its %2 lies beyond the end of the %3-byte "
                 "file. It was probably cut off while copying or downloading; copy it again.")
            .arg(QFileInfo(file.name()).fileName(), what, QString::number(file.size())));
}

bool isPowerOfTwo(uint64_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

// The SparseExtentHeader layout (packed, little-endian), Virtual Disk Format 5.0.
VmdkSparseHeader decodeHeader(const unsigned char* p)
{
    VmdkSparseHeader h;
    h.version = le32(p + 4);
    h.flags = le32(p + 8);
    h.capacity = le64(p + 12);
    h.grainSize = le64(p + 20);
    h.descriptorOffset = le64(p + 28);
    h.descriptorSize = le64(p + 36);
    h.numGTEsPerGT = le32(p + 44);
    h.rgdOffset = le64(p + 48);
    h.gdOffset = le64(p + 56);
    h.overHead = le64(p + 64);
    h.uncleanShutdown = p[72] != 0;
    h.compressAlgorithm = le16(p + 77);
    return h;
}

bool readHeaderAt(ByteSource& file, uint64_t offset, VmdkSparseHeader* out, Error* error)
{
    unsigned char sector[kSector];
    if (!file.readAt(offset, sector, sizeof sector, error))
        return false;
    if (std::memcmp(sector, "COWD", 4) == 0)
        return unsupported(error, file,
                           Text::tr("it is an ESX Server sparse extent (COWD), an old ESX snapshot "
                                    "format."));
    if (std::memcmp(sector, "KDMV", 4) != 0)
        return corrupt(error, file,
                       Text::tr("the header at offset %1 lacks the KDMV signature.").arg(offset));
    *out = decodeHeader(sector);
    // Text-mode FTP rewrites line endings; VMware stores probe characters to detect that.
    const bool newlinesMangled =
        (out->flags & kFlagNewlineTest) &&
        !(sector[73] == '\n' && sector[74] == ' ' && sector[75] == '\r' && sector[76] == '\n');
    if (newlinesMangled)
        return corrupt(
            error, file,
            Text::tr("its line-ending check bytes were altered, which happens when a file is "
                     "transferred in text (ASCII) mode. Transfer it again in binary mode."));
    return true;
}

bool checkGeometry(const VmdkSparseHeader& h, ByteSource& file, Error* error)
{
    if (h.version < 1 || h.version > 3)
        return unsupported(error, file, Text::tr("sparse extent version %1.").arg(h.version));
    if ((h.flags & kFlagCompressed) && h.compressAlgorithm != kCompressDeflate)
        return unsupported(error, file,
                           Text::tr("compression algorithm %1 (only deflate is defined).")
                               .arg(h.compressAlgorithm));
    if (h.compressAlgorithm > kCompressDeflate)
        return unsupported(error, file,
                           Text::tr("compression algorithm %1.").arg(h.compressAlgorithm));
    if (!isPowerOfTwo(h.grainSize) || h.grainSize > kMaxGrainSectors)
        return corrupt(error, file,
                       Text::tr("the grain size of %1 sectors is invalid.").arg(h.grainSize));
    if (h.numGTEsPerGT == 0 || h.numGTEsPerGT > kMaxGtes)
        return corrupt(error, file,
                       Text::tr("a grain table of %1 entries is invalid.").arg(h.numGTEsPerGT));
    if (h.capacity == 0 || h.capacity > kVmdkMaxSectors)
        return corrupt(error, file,
                       Text::tr("the capacity of %1 sectors is invalid.").arg(h.capacity));
    return true;
}

// Every region the header points at must lie inside the file.
bool checkRegions(const VmdkSparseHeader& h, uint64_t gdEntries, ByteSource& file, Error* error)
{
    if (h.gdOffset == 0)
        return corrupt(error, file, Text::tr("its header does not locate the grain directory."));
    const uint64_t fileSectors = file.size() / kSector;
    if (h.gdOffset > fileSectors || gdEntries * 4 > file.size() ||
        h.gdOffset * kSector + gdEntries * 4 > file.size())
        return truncated(error, file, Text::tr("grain directory"));
    if (h.overHead > fileSectors)
        return truncated(error, file, Text::tr("metadata area"));
    return true;
}

// Stream-optimized files written front to back put the grain directory last; the header then
// says GD_AT_END and a copy of it, the footer, sits just before the end-of-stream marker.
bool readFooter(ByteSource& file, VmdkSparseHeader* header, Error* error)
{
    if (file.size() < 3 * kSector)
        return truncated(error, file, Text::tr("footer"));
    VmdkSparseHeader footer;
    if (!readHeaderAt(file, file.size() - 2 * kSector, &footer, error))
        return false;
    if (footer.gdOffset == kGdAtEnd)
        return corrupt(error, file, Text::tr("its footer does not locate the grain directory."));
    *header = footer;
    return true;
}

// zlib streams start with a checksummed two-byte header; anything else is taken as raw deflate.
bool looksLikeZlib(const unsigned char* p, size_t n)
{
    return n >= 2 && (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 && ((p[0] << 8) | p[1]) % 31 == 0;
}

bool inflateGrain(const QByteArray& in, std::vector<char>* out)
{
    const auto* src = reinterpret_cast<const unsigned char*>(in.constData());
    z_stream zs{};
    const int windowBits = looksLikeZlib(src, size_t(in.size())) ? 15 : -15;
    if (inflateInit2(&zs, windowBits) != Z_OK)
        return false;
    zs.next_in = const_cast<unsigned char*>(src);
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<unsigned char*>(out->data());
    zs.avail_out = uInt(out->size());
    const int ret = inflate(&zs, Z_FINISH);
    const size_t produced = out->size() - zs.avail_out;
    inflateEnd(&zs);
    if (ret != Z_STREAM_END && !(zs.avail_out == 0 && (ret == Z_OK || ret == Z_BUF_ERROR)))
        return false;
    // A writer may compress only the bytes up to the capacity in the last grain.
    std::fill(out->begin() + qsizetype(produced), out->end(), 0);
    return true;
}

} // namespace

VmdkSparseExtent::VmdkSparseExtent(const VmdkSparseHeader& header)
    : m_header(header), m_grainBytes(header.grainSize * kSector)
{
    const uint64_t coverage = header.grainSize * header.numGTEsPerGT; // sectors per table
    m_gdEntries = (header.capacity + coverage - 1) / coverage;
}

std::unique_ptr<VmdkSparseExtent> VmdkSparseExtent::open(ByteSource& file, Error* error)
{
    VmdkSparseHeader header;
    if (!readHeaderAt(file, 0, &header, error))
        return nullptr;
    if (header.gdOffset == kGdAtEnd && !readFooter(file, &header, error))
        return nullptr;
    if (!checkGeometry(header, file, error))
        return nullptr;
    std::unique_ptr<VmdkSparseExtent> extent(new VmdkSparseExtent(header));
    if (!checkRegions(header, extent->m_gdEntries, file, error))
        return nullptr;
    return extent;
}

QByteArray VmdkSparseExtent::readEmbeddedDescriptor(ByteSource& file, Error* error) const
{
    const uint64_t offset = m_header.descriptorOffset;
    if (offset == 0 || m_header.descriptorSize == 0)
        return {};
    // The reserved area may be large; the text itself never exceeds the parser's limit.
    const uint64_t maxSectors = uint64_t(kVmdkMaxDescriptorBytes) / kSector + 1;
    const uint64_t sectors = std::min(m_header.descriptorSize, maxSectors);
    if (offset > file.size() / kSector || sectors * kSector > file.size() - offset * kSector) {
        truncated(error, file, Text::tr("embedded descriptor"));
        return {};
    }
    QByteArray text(qsizetype(sectors * kSector), Qt::Uninitialized);
    if (!file.readAt(offset * kSector, text.data(), size_t(text.size()), error))
        return {};
    return text.left(text.indexOf('\0') < 0 ? text.size() : text.indexOf('\0'));
}

bool VmdkSparseExtent::gdEntry(ByteSource& file, uint64_t gdIndex, uint32_t* entry, Error* error)
{
    const uint64_t chunk = gdIndex / kGdChunkEntries;
    auto it = m_gdChunks.find(chunk);
    if (it == m_gdChunks.end()) {
        const uint64_t first = chunk * kGdChunkEntries;
        const uint64_t count = std::min(kGdChunkEntries, m_gdEntries - first);
        std::vector<unsigned char> raw(count * 4);
        if (!file.readAt(m_header.gdOffset * kSector + first * 4, raw.data(), raw.size(), error))
            return false;
        std::vector<uint32_t> entries(count);
        for (uint64_t i = 0; i < count; ++i)
            entries[i] = le32(raw.data() + i * 4);
        if (m_gdChunks.size() >= kMaxCachedGdChunks)
            m_gdChunks.clear();
        it = m_gdChunks.emplace(chunk, std::move(entries)).first;
    }
    *entry = it->second[gdIndex - chunk * kGdChunkEntries];
    return true;
}

// The grain table of grain directory entry `gdIndex`, or null (and true) when the entry is 0: no
// table, the whole span was never written.
bool VmdkSparseExtent::grainTable(ByteSource& file, uint64_t gdIndex,
                                  const std::vector<uint32_t>** out, Error* error)
{
    *out = nullptr;
    auto it = m_tables.find(gdIndex);
    if (it == m_tables.end()) {
        uint32_t tableSector = 0;
        if (!gdEntry(file, gdIndex, &tableSector, error))
            return false;
        if (tableSector == 0)
            return true;
        std::vector<unsigned char> raw(size_t(m_header.numGTEsPerGT) * 4);
        if (!file.readAt(uint64_t(tableSector) * kSector, raw.data(), raw.size(), error))
            return false;
        std::vector<uint32_t> table(m_header.numGTEsPerGT);
        for (size_t i = 0; i < table.size(); ++i)
            table[i] = le32(raw.data() + i * 4);
        if (m_tables.size() >= kMaxCachedTables)
            m_tables.clear();
        it = m_tables.emplace(gdIndex, std::move(table)).first;
    }
    *out = &it->second;
    return true;
}

bool VmdkSparseExtent::grainSector(ByteSource& file, uint64_t grain, uint32_t* sector, Error* error)
{
    const std::vector<uint32_t>* table = nullptr;
    if (!grainTable(file, grain / m_header.numGTEsPerGT, &table, error))
        return false;
    *sector = table ? (*table)[grain % m_header.numGTEsPerGT] : 0;
    return true;
}

bool VmdkSparseExtent::loadCompressedGrain(ByteSource& file, uint64_t grain, uint32_t sector,
                                           Error* error)
{
    if (m_cachedGrain == grain)
        return true;
    // A compressed grain starts with its marker: the grain's LBA (u64) and the data size (u32).
    unsigned char marker[12];
    const uint64_t at = uint64_t(sector) * kSector;
    if (!file.readAt(at, marker, sizeof marker, error))
        return false;
    const uint32_t size = le32(marker + 8);
    const uint64_t maxSize = compressBound(uLong(m_grainBytes)) + kSector;
    if (size == 0 || size > maxSize)
        return corrupt(
            error, file,
            Text::tr("the compressed grain at sector %1 claims %2 bytes.").arg(sector).arg(size));
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    if (!file.readAt(at + sizeof marker, data.data(), size, error))
        return false;
    m_grainData.resize(size_t(m_grainBytes));
    m_cachedGrain = UINT64_MAX;
    if (!inflateGrain(data, &m_grainData))
        return corrupt(
            error, file,
            Text::tr("the compressed grain at sector %1 does not decompress.").arg(sector));
    m_cachedGrain = grain;
    return true;
}

bool VmdkSparseExtent::read(ByteSource& file, uint64_t offset, void* buffer, size_t length,
                            Error* error)
{
    auto* out = static_cast<char*>(buffer);
    while (length > 0) {
        const uint64_t grain = offset / m_grainBytes;
        const uint64_t within = offset % m_grainBytes;
        const size_t n = size_t(std::min<uint64_t>(length, m_grainBytes - within));
        uint32_t sector = 0;
        if (!grainSector(file, grain, &sector, error))
            return false;
        if (sector <= 1) {
            // 0: never written; 1: the "zeroed grain" of version 2+. Both read as zeros (a delta
            // disk's unwritten grains belong to its parent, which findings report as a blocker).
            std::memset(out, 0, n);
        } else if (compressed()) {
            if (!loadCompressedGrain(file, grain, sector, error))
                return false;
            std::memcpy(out, m_grainData.data() + within, n);
        } else if (!file.readAt(uint64_t(sector) * kSector + within, out, n, error)) {
            return false;
        }
        out += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace cvmi::disk
