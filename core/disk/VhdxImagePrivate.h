#pragma once

// The VHDX reader's class, shared by VhdxImage.cpp (opening: headers, log, regions, metadata) and
// VhdxMap.cpp (the block allocation table: reading and the allocation map). Other code opens VHDX
// files with openVhdx() (disk/VhdxImage.h).
#include "disk/DiskImage.h"
#include "disk/PagedTable.h"
#include "disk/VhdxHeader.h"
#include "util/Endian.h"

#include <QCoreApplication>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace cvmi::disk::vhdx {

// [MS-VHDX] 2.5.1: the state in the low 3 bits of a BAT entry, the file offset in MiB above bit 20.
enum PayloadState : uint64_t {
    NotPresent = 0,
    Undefined = 1,
    Zero = 2,
    Unmapped = 3,
    UnmappedV095 = 5, // what a draft of the specification called unmapped; qemu reads it so
    FullyPresent = 6,
    PartiallyPresent = 7,
};

struct Geometry {
    uint64_t virtualSize = 0;
    uint32_t blockSize = 0;
    uint32_t logicalSector = 0;
    uint32_t physicalSector = 0;
    bool leaveBlocksAllocated = false;
    bool hasParent = false;
    uint64_t chunkRatio = 0; // payload blocks per sector bitmap block
    uint64_t batOffset = 0;
    uint64_t batEntries = 0;
};

// Messages shared by VhdxImage.cpp and VhdxMap.cpp. (Each file declares its own
// Q_DECLARE_TR_FUNCTIONS(cvmi::disk::VhdxImage): lupdate does not see one declared here.)
bool corrupt(Error* error, const ByteSource& file, const QString& detail);
bool truncated(Error* error, const ByteSource& file, const QString& what, uint64_t offset);

class VhdxImage final : public DiskImage {
public:
    VhdxImage(std::unique_ptr<ByteSource> file, const Geometry& geometry)
        : m_file(std::move(file)), m_geometry(geometry),
          m_bat(geometry.batOffset, geometry.batEntries, le64)
    {
    }
    QString format() const override { return QStringLiteral("vhdx"); }
    QString subformat() const override;
    uint64_t virtualSize() const override { return m_geometry.virtualSize; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override;
    bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override;

    void reportParent(const std::vector<LocatorEntry>& locator);
    // A damaged header or region table whose other copy was used.
    void addNote(const QString& message)
    {
        addFinding(Finding::Severity::Warning, QStringLiteral("vhdx_damaged_copy"), message);
    }

private:
    // The BAT entry of payload block `block`, its state, and for a present block the file offset
    // of its data, checked against the file.
    bool payload(uint64_t block, uint64_t* state, uint64_t* fileOffset, Error* error);
    bool batEntry(uint64_t index, uint64_t* entry, Error* error);

    std::unique_ptr<ByteSource> m_file;
    Geometry m_geometry;
    PagedTable<uint64_t> m_bat;
};

} // namespace cvmi::disk::vhdx
