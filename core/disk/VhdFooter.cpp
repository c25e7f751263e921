#include "disk/VhdFooter.h"

#include "util/Endian.h"

#include <cstring>

namespace cvmi::disk {

namespace {

constexpr size_t kFooterChecksumAt = 64;
constexpr size_t kHeaderChecksumAt = 36;
constexpr size_t kParentNameAt = 64;
constexpr size_t kParentNameBytes = 512;
// The geometry qemu treats as "too small to describe the disk": 65535 cylinders, 16 heads, 255
// sectors per track.
constexpr uint64_t kMaxGeometrySectors = 65535ull * 16 * 255;

} // namespace

bool hasVhdCookie(const unsigned char* p)
{
    return std::memcmp(p, "conectix", 8) == 0;
}

uint32_t vhdChecksum(const unsigned char* p, size_t length, size_t checksumAt)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < length; ++i)
        if (i < checksumAt || i >= checksumAt + 4)
            sum += p[i];
    return ~sum;
}

VhdFooter decodeVhdFooter(const unsigned char* p, bool* valid)
{
    VhdFooter f;
    f.features = be32(p + 8);
    f.version = be32(p + 12);
    f.dataOffset = be64(p + 16);
    f.timestamp = be32(p + 24);
    std::memcpy(f.creatorApp.data(), p + 28, 4);
    f.originalSize = be64(p + 40);
    f.currentSize = be64(p + 48);
    f.cylinders = be16(p + 56);
    f.heads = p[58];
    f.sectorsPerTrack = p[59];
    f.diskType = be32(p + 60);
    f.checksum = be32(p + kFooterChecksumAt);
    f.savedState = p[84] != 0;
    *valid = vhdChecksum(p, kVhdFooterSize, kFooterChecksumAt) == f.checksum;
    return f;
}

VhdDynamicHeader decodeVhdDynamicHeader(const unsigned char* p, bool* checksumValid)
{
    VhdDynamicHeader h;
    h.dataOffset = be64(p + 8);
    h.tableOffset = be64(p + 16);
    h.version = be32(p + 24);
    h.maxTableEntries = be32(p + 28);
    h.blockSize = be32(p + 32);
    h.checksum = be32(p + kHeaderChecksumAt);
    *checksumValid = vhdChecksum(p, kVhdDynamicHeaderSize, kHeaderChecksumAt) == h.checksum;
    // Up to 256 UTF-16BE code units, NUL-terminated when shorter.
    QString name;
    for (size_t i = 0; i + 1 < kParentNameBytes; i += 2) {
        const char16_t unit = char16_t(be16(p + kParentNameAt + i));
        if (unit == 0)
            break;
        name.append(QChar(unit));
    }
    h.parentName = name;
    return h;
}

uint64_t VhdFooter::virtualSize() const
{
    static const char kCurrentSizeCreators[][4] = {{'w', 'i', 'n', ' '},
                                                   {'q', 'e', 'm', '2'},
                                                   {'d', '2', 'v', ' '},
                                                   {'C', 'T', 'X', 'S'},
                                                   {'t', 'a', 'p', '\0'}};
    bool useCurrentSize = false;
    for (const auto& creator : kCurrentSizeCreators)
        useCurrentSize = useCurrentSize || std::memcmp(creatorApp.data(), creator, 4) == 0;
    const uint64_t chsSectors = uint64_t(cylinders) * heads * sectorsPerTrack;
    if (useCurrentSize || chsSectors == kMaxGeometrySectors)
        return currentSize / 512 * 512; // qemu counts whole sectors
    return chsSectors * 512;
}

QString VhdFooter::creatorAppText() const
{
    QString text;
    for (char c : creatorApp)
        text.append(c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : QChar(u'?'));
    return text;
}

} // namespace cvmi::disk
