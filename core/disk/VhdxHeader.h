#pragma once

// The fixed structures of a VHDX file ([MS-VHDX] 2.2): the file type identifier, the two headers,
// the region tables, the metadata table and its items, decoded from bytes the caller has read and
// sized. Nothing here trusts a field: the reader (VhdxImage.cpp) checks every offset it uses.
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cvmi::disk::vhdx {

inline constexpr uint64_t kKiB = 1024;
inline constexpr uint64_t kMiB = 1024 * 1024;
// [MS-VHDX] 2.1: the first MiB holds the identifier, two headers and two region tables.
inline constexpr uint64_t kHeaderOffsets[2] = {64 * kKiB, 128 * kKiB};
inline constexpr size_t kHeaderSize = 4 * kKiB;
inline constexpr uint64_t kRegionTableOffsets[2] = {192 * kKiB, 256 * kKiB};
inline constexpr size_t kRegionTableSize = 64 * kKiB;
inline constexpr uint64_t kHeaderAreaSize = kMiB;
// Both tables are 64 KiB with 32-byte entries after a 16- or 32-byte header: 2047 at most.
inline constexpr uint32_t kMaxTableEntries = 2047;
inline constexpr size_t kMetadataTableSize = 64 * kKiB;
// [MS-VHDX] 2.6.1.2: an item is at most 1 MiB; we read only small known items.
inline constexpr uint32_t kMaxMetadataItem = uint32_t(kMiB);

// A GUID as the file stores it (the first three fields little-endian).
using Guid = std::array<unsigned char, 16>;

// "2DC27766-F623-4200-9D64-115E9BFD4A08" in the file's byte order, at compile time.
constexpr Guid guid(const char (&text)[37])
{
    constexpr int order[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    const auto nibble = [](char c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    };
    Guid out{};
    int byte = 0;
    for (int i = 0; i < 36 && byte < 16;) {
        if (text[i] == '-') {
            ++i;
            continue;
        }
        out[size_t(order[byte])] =
            static_cast<unsigned char>(nibble(text[i]) << 4 | nibble(text[i + 1]));
        i += 2;
        ++byte;
    }
    return out;
}

inline constexpr Guid kBatRegion = guid("2DC27766-F623-4200-9D64-115E9BFD4A08");
inline constexpr Guid kMetadataRegion = guid("8B7CA206-4790-4B9A-B8FE-575F050F886E");
inline constexpr Guid kFileParameters = guid("CAA16737-FA36-4D43-B3B6-33F0AA44E76B");
inline constexpr Guid kVirtualDiskSize = guid("2FA54224-CD1B-4876-B211-5DBED83BF4B8");
inline constexpr Guid kPage83Data = guid("BECA12AB-B2E6-4523-93EF-C309E000C746");
inline constexpr Guid kLogicalSectorSize = guid("8141BF1D-A96F-4709-BA47-F233A8FAAB5F");
inline constexpr Guid kPhysicalSectorSize = guid("CDA348C7-445D-4471-9CC9-E9885251C556");
inline constexpr Guid kParentLocator = guid("A8D35F2D-B30B-454D-ABF7-D3D84834AB0C");

Guid guidAt(const unsigned char* p);
bool isNull(const Guid& g);
QString guidText(const Guid& g); // "{2DC27766-F623-4200-9D64-115E9BFD4A08}"

// CRC-32C of `length` bytes with the 4-byte checksum field at `checksumAt` taken as zero, as the
// headers, region tables and log entries are summed.
uint32_t checksumWithoutField(const unsigned char* p, size_t length, size_t checksumAt);

struct Header {
    bool signature = false;  // "head"
    bool checksumOk = false; // CRC-32C over the 4 KiB
    uint32_t checksum = 0;
    uint64_t sequence = 0;
    Guid logGuid{};
    uint16_t logVersion = 0;
    uint16_t version = 0;
    uint32_t logLength = 0;
    uint64_t logOffset = 0;
    // Usable as the current header, as qemu decides: signature, checksum and version 1.
    bool valid() const { return signature && checksumOk && version == 1; }
};
Header decodeHeader(const unsigned char* p); // kHeaderSize bytes

struct RegionEntry {
    Guid id{};
    uint64_t offset = 0;
    uint32_t length = 0;
    bool required = false;
};
struct RegionTable {
    bool signature = false; // "regi"
    bool checksumOk = false;
    uint32_t entryCount = 0;
    std::vector<RegionEntry> entries; // filled only when the count is within kMaxTableEntries
    bool valid() const { return signature && checksumOk && entryCount <= kMaxTableEntries; }
};
RegionTable decodeRegionTable(const unsigned char* p); // kRegionTableSize bytes

struct MetadataEntry {
    Guid id{};
    uint32_t offset = 0; // from the start of the metadata region
    uint32_t length = 0;
    bool isUser = false;
    bool required = false;
};
// False when the table lacks its "metadata" signature or claims more than kMaxTableEntries.
bool decodeMetadataTable(const unsigned char* p, std::vector<MetadataEntry>* out);

// The parent locator item ([MS-VHDX] 2.6.2.6): UTF-16LE key/value pairs; false on any entry
// outside the item.
struct LocatorEntry {
    QString key;
    QString value;
};
bool decodeParentLocator(const unsigned char* p, size_t length, std::vector<LocatorEntry>* out);

} // namespace cvmi::disk::vhdx

namespace cvmi::disk::vhdx {

// [MS-VHDX] 2.3: the log, a ring of 4 KiB sectors. What qemu's vhdx_parse_log finds in it when
// the header's LogGuid is not zero: no valid entry (nothing to replay), a valid entry (the log
// must be replayed before the file is read), or an entry whose header is valid but whose
// descriptors are not (qemu refuses the file).
enum class LogState { Empty, NeedsReplay, Damaged };
inline constexpr size_t kLogSector = 4 * kKiB;
LogState searchLog(const std::vector<unsigned char>& log, const Guid& logGuid);

} // namespace cvmi::disk::vhdx
