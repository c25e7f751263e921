#include "disk/VhdxHeader.h"

#include "util/Crc32c.h"
#include "util/Endian.h"

#include <algorithm>
#include <cstring>

namespace cvmi::disk::vhdx {

Guid guidAt(const unsigned char* p)
{
    Guid g;
    std::memcpy(g.data(), p, g.size());
    return g;
}

bool isNull(const Guid& g)
{
    return std::all_of(g.begin(), g.end(), [](unsigned char b) { return b == 0; });
}

QString guidText(const Guid& g)
{
    return QStringLiteral("{%1-%2-%3-%4-%5}")
        .arg(le32(g.data()), 8, 16, QLatin1Char('0'))
        .arg(le16(g.data() + 4), 4, 16, QLatin1Char('0'))
        .arg(le16(g.data() + 6), 4, 16, QLatin1Char('0'))
        .arg(
            QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(g.data() + 8), 2).toHex()),
            QString::fromLatin1(
                QByteArray(reinterpret_cast<const char*>(g.data() + 10), 6).toHex()))
        .toUpper();
}

uint32_t checksumWithoutField(const unsigned char* p, size_t length, size_t checksumAt)
{
    std::vector<unsigned char> copy(p, p + length);
    std::memset(copy.data() + checksumAt, 0, 4);
    return util::crc32c(copy.data(), copy.size());
}

Header decodeHeader(const unsigned char* p)
{
    Header h;
    h.signature = std::memcmp(p, "head", 4) == 0;
    h.checksum = le32(p + 4);
    h.checksumOk = checksumWithoutField(p, kHeaderSize, 4) == h.checksum;
    h.sequence = le64(p + 8);
    h.logGuid = guidAt(p + 48);
    h.logVersion = le16(p + 64);
    h.version = le16(p + 66);
    h.logLength = le32(p + 68);
    h.logOffset = le64(p + 72);
    return h;
}

RegionTable decodeRegionTable(const unsigned char* p)
{
    RegionTable t;
    t.signature = std::memcmp(p, "regi", 4) == 0;
    t.checksumOk = checksumWithoutField(p, kRegionTableSize, 4) == le32(p + 4);
    t.entryCount = le32(p + 8);
    if (t.entryCount > kMaxTableEntries)
        return t;
    for (uint32_t i = 0; i < t.entryCount; ++i) {
        const unsigned char* e = p + 16 + size_t(i) * 32;
        t.entries.push_back({guidAt(e), le64(e + 16), le32(e + 24), (le32(e + 28) & 1) != 0});
    }
    return t;
}

bool decodeMetadataTable(const unsigned char* p, std::vector<MetadataEntry>* out)
{
    out->clear();
    if (std::memcmp(p, "metadata", 8) != 0)
        return false;
    const uint16_t count = le16(p + 10);
    if (count > kMaxTableEntries)
        return false;
    for (uint16_t i = 0; i < count; ++i) {
        const unsigned char* e = p + 32 + size_t(i) * 32;
        const uint32_t flags = le32(e + 24);
        out->push_back({guidAt(e), le32(e + 16), le32(e + 20), (flags & 1) != 0, (flags & 4) != 0});
    }
    return true;
}

bool decodeParentLocator(const unsigned char* p, size_t length, std::vector<LocatorEntry>* out)
{
    out->clear();
    constexpr size_t kLocatorHeader = 20;
    if (length < kLocatorHeader)
        return false;
    const size_t count = le16(p + 18);
    if (count > (length - kLocatorHeader) / 12)
        return false;
    const auto text = [p, length](uint32_t offset, uint16_t bytes, QString* s) {
        if (offset > length || bytes > length - offset || bytes % 2 != 0)
            return false;
        std::vector<char16_t> units(bytes / 2);
        for (size_t i = 0; i < units.size(); ++i)
            units[i] = char16_t(le16(p + offset + i * 2));
        *s = QString::fromUtf16(units.data(), qsizetype(units.size()));
        return true;
    };
    for (size_t i = 0; i < count; ++i) {
        const unsigned char* e = p + kLocatorHeader + i * 12;
        LocatorEntry entry;
        if (!text(le32(e), le16(e + 8), &entry.key) ||
            !text(le32(e + 4), le16(e + 10), &entry.value))
            return false;
        out->push_back(std::move(entry));
    }
    return true;
}

} // namespace cvmi::disk::vhdx
