#pragma once

// The VDI reader's class, shared by VdiImage.cpp (opening and reading) and VdiMap.cpp (the
// allocation map). Other code opens VDI files with openVdi() (disk/VdiImage.h).
#include "disk/DiskImage.h"
#include "disk/PagedTable.h"
#include "disk/VdiHeader.h"
#include "util/Endian.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace cvmi::disk::vdi {

class VdiImage final : public DiskImage {
public:
    VdiImage(std::unique_ptr<ByteSource> file, const VdiHeader& header, uint64_t size)
        : m_file(std::move(file)), m_header(header), m_size(size),
          m_bmap(header.offsetBmap, header.blocksInImage, le32)
    {
    }
    QString format() const override { return QStringLiteral("vdi"); }
    QString subformat() const override;
    uint64_t virtualSize() const override { return m_size; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override;
    // VdiMap.cpp: the block map; a static disk's blocks also through the file's own holes.
    bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override;

    void reportParent();

private:
    // The block map entry of `block`, read in pages on first use.
    bool bmapEntry(uint64_t block, uint32_t* entry, Error* error);
    // Whether `block` has data in the file, and where its data starts (checked against the
    // allocated count, the bound VirtualBox itself enforces).
    bool locateBlock(uint64_t block, bool* present, uint64_t* fileOffset, Error* error);
    bool mapBlock(uint64_t offset, uint64_t end, QList<Extent>* out, Error* error);

    std::unique_ptr<ByteSource> m_file;
    VdiHeader m_header;
    uint64_t m_size = 0;
    PagedTable<uint32_t> m_bmap;
};

} // namespace cvmi::disk::vdi
