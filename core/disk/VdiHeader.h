#pragma once

// The fixed part of a VDI file: the pre-header (a text line, the signature, the version) and the
// version 1.1 header after it, all little-endian. Decoding only; VdiImage.cpp checks the values.
#include <QString>

#include <array>
#include <cstdint>

namespace cvmi::disk::vdi {

inline constexpr uint32_t kSignature = 0xbeda107f;
inline constexpr uint32_t kVersion11 = 0x00010001; // major 1, minor 1
// The pre-header (72 bytes) and the version 1.1 header's fields (384 bytes). VirtualBox writes
// 16 bytes more (the "1.1+" logical geometry), qemu pads to 512; neither matters for reading.
inline constexpr uint64_t kPreHeaderSize = 0x48;
inline constexpr uint32_t kMinHeaderSize = 0x180;
inline constexpr uint64_t kFieldsEnd = kPreHeaderSize + kMinHeaderSize;

inline constexpr uint32_t kSectorSize = 512;
inline constexpr uint32_t kBlockSize = 1024 * 1024; // the only block size qemu reads
// Block map entries that point at no data: never written, and written as zeros (discarded).
inline constexpr uint32_t kUnallocated = 0xffffffff;
inline constexpr uint32_t kZeroBlock = 0xfffffffe;

enum ImageType : uint32_t { Dynamic = 1, Static = 2, Undo = 3, Differencing = 4 };

using Uuid = std::array<unsigned char, 16>;

struct VdiHeader {
    uint32_t signature = 0;
    uint32_t version = 0;
    uint32_t headerSize = 0;
    uint32_t imageType = 0;
    uint32_t offsetBmap = 0;
    uint32_t offsetData = 0;
    uint32_t sectorSize = 0;
    uint64_t diskSize = 0;
    uint32_t blockSize = 0;
    uint32_t blockExtra = 0; // bytes of private data before each block; VirtualBox writes 0
    uint32_t blocksInImage = 0;
    uint32_t blocksAllocated = 0;
    Uuid uuidImage{};
    Uuid uuidLastSnap{};
    Uuid uuidLink{};   // a differencing disk's parent: the parent's image UUID
    Uuid uuidParent{}; // the parent's modification UUID when the child was made
};

// `p` holds the first kFieldsEnd bytes of the file.
VdiHeader decodeVdiHeader(const unsigned char* p);

bool isNullUuid(const Uuid& uuid);
// As VirtualBox prints it ("VBoxManage showmediuminfo"): the first three fields are stored
// little-endian.
QString uuidText(const Uuid& uuid);

} // namespace cvmi::disk::vdi
