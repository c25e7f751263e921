#include "disk/VdiImage.h"

#include "disk/BlockReads.h"
#include "disk/VdiHeader.h"
#include "disk/VdiImagePrivate.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <vector>

namespace cvmi::disk {

namespace {

using namespace vdi;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::VdiImage)
};

// qemu's limit: a block map of at most 4 GiB (0x3fffffff entries), so at most that many 1 MiB
// blocks (almost 1 PiB). VirtualBox's own limit is lower.
constexpr uint64_t kMaxBlocks = 0x3fffffff;

QString baseName(const ByteSource& file)
{
    return QFileInfo(file.name()).fileName();
}

bool corrupt(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("vdi_corrupt"),
        Text::tr("The VDI file %1 is damaged: %2 Copy it again from the original; if the "
                 "original is damaged too, `qemu-img check -f vdi %1` lists the damage, and "
                 "cloning it in VirtualBox (`VBoxManage clonemedium disk %1 copy.vdi`) may "
                 "save what is readable.")
            .arg(baseName(file), detail));
}

bool unsupported(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("vdi_unsupported"),
        Text::tr("The VDI file %1 %2 This program, like qemu, reads VDI files of version 1.1 "
                 "with 1 MiB blocks, as VirtualBox writes them by default. Clone the disk in "
                 "VirtualBox (`VBoxManage clonemedium disk %1 copy.vdi`), which writes that "
                 "kind, and import the copy.")
            .arg(baseName(file), detail));
}

bool truncated(Error* error, const ByteSource& file, const QString& what, uint64_t offset)
{
    return fail(
        error, QStringLiteral("truncated"),
        Text::tr("The VDI file %1 ends too early: its %2 at offset %3 lies beyond the end of the "
                 "%4-byte file. It was probably cut off while copying or downloading; copy it "
                 "again.")
            .arg(baseName(file), what, QString::number(offset), QString::number(file.size())));
}

bool hasParent(const VdiHeader& h)
{
    return h.imageType == Differencing || !isNullUuid(h.uuidLink);
}

// Version, image type and the sizes of sectors and blocks: what the rest of the checks assume.
bool checkKind(const VdiHeader& h, const ByteSource& file, Error* error)
{
    if (h.signature != kSignature)
        return corrupt(error, file,
                       Text::tr("it lacks the VDI signature (0xbeda107f) at offset 0x40."));
    if (h.version != kVersion11)
        return unsupported(
            error, file,
            Text::tr("has header version %1.%2.").arg(h.version >> 16).arg(h.version & 0xffff));
    if (h.headerSize < kMinHeaderSize)
        return corrupt(
            error, file,
            Text::tr("its header claims %1 bytes, fewer than the %2 of a version 1.1 header.")
                .arg(h.headerSize)
                .arg(kMinHeaderSize));
    if (h.imageType == Undo)
        return unsupported(error, file,
                           Text::tr("is an \"undo\" disk, an early VirtualBox kind this "
                                    "program cannot read."));
    if (h.imageType != Dynamic && h.imageType != Static && h.imageType != Differencing)
        return corrupt(error, file,
                       Text::tr("its header gives the unknown image type %1.").arg(h.imageType));
    if (h.sectorSize != kSectorSize)
        return unsupported(error, file,
                           Text::tr("has sectors of %1 bytes instead of 512.").arg(h.sectorSize));
    if (h.blockSize < kSectorSize || (h.blockSize & (h.blockSize - 1)) != 0)
        return corrupt(error, file,
                       Text::tr("its block size of %1 bytes is invalid.").arg(h.blockSize));
    if (h.blockSize != kBlockSize)
        return unsupported(
            error, file,
            Text::tr("uses blocks of %1 bytes instead of 1 MiB (1048576 bytes).").arg(h.blockSize));
    if (h.blockExtra != 0)
        return unsupported(
            error, file,
            Text::tr("keeps %1 bytes of private data before each block.").arg(h.blockExtra));
    return true;
}

// The disk size against the block count, rounded up to whole sectors as qemu rounds it
// (`VBoxManage convertfromraw` can write any size).
bool checkSize(const VdiHeader& h, const ByteSource& file, uint64_t* size, Error* error)
{
    if (h.blocksInImage > kMaxBlocks)
        return corrupt(
            error, file,
            Text::tr("its block map claims %1 blocks, more than the %2 a VDI file can have.")
                .arg(h.blocksInImage)
                .arg(kMaxBlocks));
    const uint64_t room = uint64_t(h.blocksInImage) * h.blockSize; // below 2^50
    if (h.diskSize > room)
        return corrupt(error, file,
                       Text::tr("its disk size of %1 bytes is more than its %2 blocks can hold.")
                           .arg(h.diskSize)
                           .arg(h.blocksInImage));
    if (h.blocksAllocated > h.blocksInImage)
        return corrupt(error, file,
                       Text::tr("its header counts %1 allocated blocks, more than the disk's %2.")
                           .arg(h.blocksAllocated)
                           .arg(h.blocksInImage));
    *size = (h.diskSize + kSectorSize - 1) / kSectorSize * kSectorSize; // at most `room`
    return true;
}

// The block map after the header, the data after the block map, and every allocated block
// inside the file: after this, an entry below the allocated count is always readable.
bool checkLayout(const VdiHeader& h, const ByteSource& file, Error* error)
{
    const uint64_t fileSize = file.size();
    const uint64_t bmap = h.offsetBmap;
    const uint64_t bmapEnd = bmap + uint64_t(h.blocksInImage) * 4; // below 2^33
    if (bmap % kSectorSize != 0 || bmap < kFieldsEnd)
        return corrupt(
            error, file,
            Text::tr("its block map offset %1 is not a whole sector after the header.").arg(bmap));
    if (bmapEnd > fileSize)
        return truncated(error, file, Text::tr("block map"), bmap);
    const uint64_t data = h.offsetData;
    if (data % kSectorSize != 0 || data < bmapEnd)
        return corrupt(
            error, file,
            Text::tr("its data offset %1 is not a whole sector after the block map, which "
                     "ends at offset %2.")
                .arg(data)
                .arg(bmapEnd));
    const uint64_t dataEnd = data + uint64_t(h.blocksAllocated) * h.blockSize; // below 2^51
    if (h.blocksAllocated > 0 && dataEnd > fileSize)
        return truncated(error, file, Text::tr("block %1 of data").arg(h.blocksAllocated - 1),
                         dataEnd - h.blockSize);
    return true;
}

} // namespace

namespace vdi {

QString VdiImage::subformat() const
{
    switch (m_header.imageType) {
    case Static:
        return QStringLiteral("static");
    case Differencing:
        return QStringLiteral("differencing");
    default:
        return QStringLiteral("dynamic");
    }
}

void VdiImage::reportParent()
{
    const QString child = baseName(*m_file);
    const QString parent = isNullUuid(m_header.uuidLink)
                               ? Text::tr("a parent disk the header does not name")
                               : Text::tr("the disk with UUID %1").arg(uuidText(m_header.uuidLink));
    addFinding(
        Finding::Severity::Blocker, QStringLiteral("vdi_differencing"),
        Text::tr("%1 is a differencing disk (a VirtualBox snapshot): it holds only the changes "
                 "made since the snapshot was taken, and the rest of the data is in its parent, "
                 "%2 (a VDI file names its parent by UUID only; `VBoxManage list hdds` shows "
                 "which file has it). Delete the snapshots in VirtualBox to merge them into one "
                 "disk, or, with the parent registered in VirtualBox, clone the whole chain "
                 "with `VBoxManage clonemedium disk %1 full.vdi`, and import the result.")
            .arg(child, parent));
}

bool VdiImage::bmapEntry(uint64_t block, uint32_t* entry, Error* error)
{
    return m_bmap.entry(*m_file, block, entry, error);
}

bool VdiImage::locateBlock(uint64_t block, bool* present, uint64_t* fileOffset, Error* error)
{
    uint32_t entry = 0;
    if (!bmapEntry(block, &entry, error))
        return false;
    *present = entry != kUnallocated && entry != kZeroBlock;
    if (!*present)
        return true;
    if (entry >= m_header.blocksAllocated)
        return corrupt(
            error, *m_file,
            Text::tr("block %1 of the disk is mapped to data block %2, but the file holds "
                     "only %3 blocks of data.")
                .arg(block)
                .arg(entry)
                .arg(m_header.blocksAllocated));
    *fileOffset = m_header.offsetData + uint64_t(entry) * m_header.blockSize;
    return true;
}

bool VdiImage::read(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (!checkRange(offset, length, error))
        return false;
    // Unallocated and discarded blocks read as zeros (a differencing disk's parent data,
    // reported as a blocker).
    return readByBlocks(*m_file, m_header.blockSize, offset, buffer, length, error,
                        [this](uint64_t block, bool* present, uint64_t* at, Error* e) {
                            return locateBlock(block, present, at, e);
                        });
}

} // namespace vdi

int probeVdi(const ProbeInput& input)
{
    const QByteArray& head = input.head;
    if (head.size() < qsizetype(kPreHeaderSize))
        return 0;
    return le32(head.constData() + 0x40) == kSignature ? 100 : 0;
}

std::unique_ptr<DiskImage> openVdi(std::unique_ptr<ByteSource> file, const OpenContext&,
                                   Error* error)
{
    if (file->size() < kFieldsEnd) {
        truncated(error, *file, Text::tr("header"), 0);
        return nullptr;
    }
    unsigned char raw[kFieldsEnd];
    if (!file->readAt(0, raw, sizeof raw, error))
        return nullptr;
    const VdiHeader header = decodeVdiHeader(raw);
    uint64_t size = 0;
    if (!checkKind(header, *file, error) || !checkSize(header, *file, &size, error) ||
        !checkLayout(header, *file, error))
        return nullptr;
    auto image = std::make_unique<vdi::VdiImage>(std::move(file), header, size);
    if (hasParent(header))
        image->reportParent();
    return image;
}

} // namespace cvmi::disk
