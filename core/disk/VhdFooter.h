#pragma once

// The two fixed-size structures of a VHD file, as described in Microsoft's "Virtual Hard Disk
// Image Format Specification" (2006): the 512-byte hard disk footer, at the end of every VHD and
// copied at offset 0 of dynamic and differencing disks, and the 1024-byte dynamic disk header.
// Both are big-endian. Decoding only; VhdImage decides what to trust.
#include <QString>

#include <array>
#include <cstdint>

namespace cvmi::disk {

constexpr uint64_t kVhdFooterSize = 512;
constexpr uint64_t kVhdDynamicHeaderSize = 1024;
// The format's limit, as enforced by qemu's vpc driver: 0xff000000 sectors (2040 GiB).
constexpr uint64_t kVhdMaxSectors = 0xff000000;

struct VhdFooter {
    enum Type : uint32_t { Fixed = 2, Dynamic = 3, Differencing = 4 };
    uint32_t features = 0;
    uint32_t version = 0;
    uint64_t dataOffset = 0; // the dynamic disk header; all ones for fixed disks
    uint32_t timestamp = 0;
    std::array<char, 4> creatorApp{}; // "vpc ", "qemu", "win ", ...
    uint64_t originalSize = 0;
    uint64_t currentSize = 0;
    uint16_t cylinders = 0;
    uint8_t heads = 0;
    uint8_t sectorsPerTrack = 0;
    uint32_t diskType = 0;
    uint32_t checksum = 0;
    bool savedState = false;

    // The guest-visible size in bytes, computed the way qemu's vpc driver does so that both agree:
    // Virtual PC and qemu (without force_size) size the disk by its CHS geometry, which is often
    // a little smaller than currentSize; Hyper-V, Disk2vhd, XenServer, XenConverter and qemu with
    // force_size use currentSize. A disk with the maximum geometry is always sized by currentSize,
    // since the geometry cannot describe it.
    uint64_t virtualSize() const;
    QString creatorAppText() const;
};

struct VhdDynamicHeader {
    uint64_t dataOffset = 0;
    uint64_t tableOffset = 0;
    uint32_t version = 0;
    uint32_t maxTableEntries = 0;
    uint32_t blockSize = 0;
    uint32_t checksum = 0;
    QString parentName; // UTF-16BE in the file, empty when none
};

// True when the 512 bytes start with the "conectix" cookie.
bool hasVhdCookie(const unsigned char* p);
// The ones' complement of the byte sum of `length` bytes, the checksum field at `checksumAt`
// counted as zeros.
uint32_t vhdChecksum(const unsigned char* p, size_t length, size_t checksumAt);
// Decodes a footer; `valid` tells whether its checksum matches.
VhdFooter decodeVhdFooter(const unsigned char* p, bool* valid);
// Decodes a dynamic disk header (1024 bytes) whose "cxsparse" cookie the caller has checked.
VhdDynamicHeader decodeVhdDynamicHeader(const unsigned char* p, bool* checksumValid);

} // namespace cvmi::disk
