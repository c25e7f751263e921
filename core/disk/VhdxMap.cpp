// The block allocation table of a VHDX: reading and the allocation map. Payload block b has BAT
// entry b + b / chunkRatio (a sector bitmap entry follows every chunkRatio payload entries). A
// fully present block is read from its file offset; the states that hold nothing (not present,
// undefined, zero, unmapped) read as zeros and are "no data" in the map, as qemu reads them.
#include "disk/BlockReads.h"
#include "disk/ExtentMap.h"
#include "disk/VhdxImagePrivate.h"
#include "util/Endian.h"

#include <algorithm>
#include <cstring>

// The messages name their context in full: inside VhdxImage's member functions lupdate does not
// resolve a Q_DECLARE_TR_FUNCTIONS class, and would file them under its bare name.
namespace cvmi::disk {

namespace vhdx {

namespace {

constexpr uint64_t kOffsetMask = ~uint64_t(kMiB - 1);

} // namespace

bool VhdxImage::batEntry(uint64_t index, uint64_t* entry, Error* error)
{
    return m_bat.entry(*m_file, index, entry, error);
}

bool VhdxImage::payload(uint64_t block, uint64_t* state, uint64_t* fileOffset, Error* error)
{
    const Geometry& g = m_geometry;
    uint64_t entry = 0;
    if (!batEntry(block + block / g.chunkRatio, &entry, error))
        return false;
    *state = entry & 7;
    *fileOffset = entry & kOffsetMask;
    switch (*state) {
    case NotPresent:
    case Undefined:
    case Zero:
    case Unmapped:
    case UnmappedV095:
        return true;
    case FullyPresent:
        break;
    case PartiallyPresent:
        if (g.hasParent)
            return fail(error, QStringLiteral("vhdx_differencing"),
                        QCoreApplication::translate(
                            "cvmi::disk::VhdxImage",
                            "Block %1 of the differencing disk %2 holds only some of its sectors; "
                            "the others are in its parent. Merge the disk into its parent in "
                            "Hyper-V Manager (Edit Disk > Merge) and import the result.")
                            .arg(block)
                            .arg(m_file->name()));
        return corrupt(error, *m_file,
                       QCoreApplication::translate(
                           "cvmi::disk::VhdxImage",
                           "block %1 is marked partially present, which only a differencing disk "
                           "may be.")
                           .arg(block));
    default:
        return corrupt(error, *m_file,
                       QCoreApplication::translate(
                           "cvmi::disk::VhdxImage",
                           "block %1 has the invalid state %2 in its allocation table.")
                           .arg(block)
                           .arg(*state));
    }
    // The last block may be cut short by the end of the disk (qemu allows its file to be too).
    const uint64_t start = block * g.blockSize;
    const uint64_t needed = std::min<uint64_t>(g.blockSize, g.virtualSize - start);
    uint64_t end = 0;
    if (*fileOffset < kHeaderAreaSize)
        return corrupt(error, *m_file,
                       QCoreApplication::translate(
                           "cvmi::disk::VhdxImage",
                           "block %1 is mapped to offset %2, inside the file's headers.")
                           .arg(block)
                           .arg(*fileOffset));
    if (!addNoOverflow(*fileOffset, needed, &end) || end > m_file->size())
        return truncated(
            error, *m_file,
            QCoreApplication::translate("cvmi::disk::VhdxImage", "block %1").arg(block),
            *fileOffset);
    return true;
}

bool VhdxImage::read(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (!checkRange(offset, length, error))
        return false;
    return readByBlocks(*m_file, m_geometry.blockSize, offset, buffer, length, error,
                        [this](uint64_t block, bool* present, uint64_t* at, Error* e) {
                            uint64_t state = 0;
                            if (!payload(block, &state, at, e))
                                return false;
                            *present = state == FullyPresent;
                            return true;
                        });
}

// Reads only BAT pages and the file's own map, never data: absent blocks are empty, and so are
// the file's holes inside present ones (qemu-img and Hyper-V leave a block's unwritten zeros as
// holes, and a block is 32 MiB by default: without them a converted upload would read far more
// than the disk holds).
bool VhdxImage::mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (!checkRange(offset, size_t(length), error))
        return false;
    const uint64_t blockSize = m_geometry.blockSize;
    const uint64_t end = offset + length;
    while (offset < end) {
        const uint64_t block = offset / blockSize;
        const uint64_t runEnd = std::min(end, (block + 1) * blockSize);
        uint64_t state = 0;
        uint64_t at = 0;
        if (!payload(block, &state, &at, error)) {
            out->clear();
            return false;
        }
        if (state != FullyPresent) {
            appendExtent(out, offset, runEnd - offset, false);
        } else {
            const uint64_t fileStart = at + (offset - block * blockSize);
            QList<Extent> fileMap;
            if (!m_file->mapData(fileStart, runEnd - offset, &fileMap, error)) {
                out->clear();
                return false;
            }
            appendShifted(out, fileMap, int64_t(offset) - int64_t(fileStart));
        }
        offset = runEnd;
    }
    return true;
}

} // namespace vhdx

} // namespace cvmi::disk
