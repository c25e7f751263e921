#pragma once

// The VHD reader's class, shared by VhdImage.cpp (opening and reading) and VhdMap.cpp (the
// allocation map). Other code opens VHD files with openVhd() (disk/VhdImage.h).
#include "disk/DiskImage.h"
#include "disk/PagedTable.h"
#include "disk/VhdFooter.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace cvmi::disk::vhd {

inline constexpr uint64_t kSector = 512;
inline constexpr uint32_t kUnallocated = 0xFFFFFFFF; // a BAT entry of a block never written

class VhdImage final : public DiskImage {
public:
    VhdImage(std::unique_ptr<ByteSource> file, const VhdFooter& footer, uint64_t dataLimit)
        : m_file(std::move(file)), m_footer(footer), m_size(footer.virtualSize()),
          m_dataLimit(dataLimit)
    {
    }
    QString format() const override { return QStringLiteral("vhd"); }
    QString subformat() const override;
    uint64_t virtualSize() const override { return m_size; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override;
    // VhdMap.cpp: a fixed disk's file map, or a dynamic disk's BAT and sector bitmaps.
    bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override;

    bool checkFixed(Error* error);
    bool openDynamicHeader(Error* error);
    void reportBackupFooter();
    void reportSavedState();
    void reportParent();

private:
    bool mapBlock(uint64_t offset, uint64_t end, QList<Extent>* out, Error* error);
    bool batEntry(uint64_t block, uint32_t* sector, Error* error);
    bool checkBlockLocation(uint64_t block, uint32_t sector, Error* error);
    bool blockBitmap(uint64_t block, uint32_t sector, const std::vector<unsigned char>** bitmap,
                     Error* error);
    bool readBlock(uint64_t block, uint64_t within, char* out, size_t n, Error* error);

    std::unique_ptr<ByteSource> m_file;
    VhdFooter m_footer;
    uint64_t m_size = 0;
    // Where data may end: before the footer at the end of the file, or the file's end when only
    // the footer copy at offset 0 survived.
    uint64_t m_dataLimit = 0;
    // Dynamic and differencing disks.
    VhdDynamicHeader m_header;
    uint64_t m_headerOffset = 0;
    uint64_t m_blockSize = 0;
    uint64_t m_bitmapBytes = 0;
    uint64_t m_batBytes = 0;
    PagedTable<uint32_t> m_bat;
    std::unordered_map<uint64_t, std::vector<unsigned char>> m_bitmaps;
};

} // namespace cvmi::disk::vhd
