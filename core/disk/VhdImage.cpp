#include "disk/VhdImage.h"

#include "disk/VhdFooter.h"
#include "disk/VhdImagePrivate.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace cvmi::disk {

namespace {

using vhd::kSector;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::VhdImage)
};

// 256 MiB blocks; Hyper-V and qemu write 2 MiB. Bounds the bitmap one block needs (64 KiB).
constexpr uint32_t kMaxBlockSize = 256u * 1024 * 1024;
// A cap on the bitmap cache: past it the cache starts over, as VmdkSparseExtent's does (the
// BAT's own pages: PagedTable).
constexpr size_t kBitmapCacheBytes = 1 << 20; // sector bitmaps of recently read blocks

QString baseName(const ByteSource& file)
{
    return QFileInfo(file.name()).fileName();
}

bool corrupt(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("vhd_corrupt"),
        Text::tr("The VHD file %1 is damaged: %2 Copy it again from the original; if the "
                 "original is damaged too, repair it with Hyper-V Manager (Edit Disk > Compact) "
                 "or convert what is readable with `qemu-img convert -O vpc IN.vhd OUT.vhd`.")
            .arg(baseName(file), detail));
}

bool truncated(Error* error, const ByteSource& file, const QString& what, uint64_t offset)
{
    return fail(
        error, QStringLiteral("truncated"),
        Text::tr("The VHD file %1 ends too early: its %2 at offset %3 lies beyond the end of the "
                 "%4-byte file. It was probably cut off while copying or downloading; copy it "
                 "again.")
            .arg(baseName(file), what, QString::number(offset), QString::number(file.size())));
}

bool isPowerOfTwo(uint64_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

bool overlaps(uint64_t start, uint64_t end, uint64_t otherStart, uint64_t otherEnd)
{
    return start < otherEnd && otherStart < end;
}

} // namespace

namespace vhd {

QString VhdImage::subformat() const
{
    switch (m_footer.diskType) {
    case VhdFooter::Fixed:
        return QStringLiteral("fixed");
    case VhdFooter::Differencing:
        return QStringLiteral("differencing");
    default:
        return QStringLiteral("dynamic");
    }
}

bool VhdImage::checkFixed(Error* error)
{
    // The data is the file minus its footer; the guest sees the first virtualSize() bytes of it.
    if (m_size > m_dataLimit)
        return truncated(error, *m_file, Text::tr("last data sector"), m_size - kSector);
    return true;
}

bool VhdImage::openDynamicHeader(Error* error)
{
    ByteSource& file = *m_file;
    m_headerOffset = m_footer.dataOffset;
    if (m_headerOffset == UINT64_MAX)
        return corrupt(
            error, file,
            Text::tr("its footer says it is a dynamic disk but does not locate the dynamic "
                     "disk header."));
    if (m_headerOffset > m_dataLimit || kVhdDynamicHeaderSize > m_dataLimit - m_headerOffset)
        return truncated(error, file, Text::tr("dynamic disk header"), m_headerOffset);
    unsigned char raw[kVhdDynamicHeaderSize];
    if (!file.readAt(m_headerOffset, raw, sizeof raw, error))
        return false;
    if (std::memcmp(raw, "cxsparse", 8) != 0)
        return corrupt(
            error, file,
            Text::tr("the dynamic disk header at offset %1 lacks the \"cxsparse\" cookie.")
                .arg(m_headerOffset));
    bool checksumValid = false;
    m_header = decodeVhdDynamicHeader(raw, &checksumValid);
    if (!checksumValid)
        addFinding(
            Finding::Severity::Warning, QStringLiteral("vhd_header_checksum"),
            Text::tr("The dynamic disk header of %1 has a wrong checksum, so it may have been "
                     "altered; its values passed every other check and were used. Verify the "
                     "imported disk, or copy the file again from the original.")
                .arg(baseName(file)));

    const uint32_t blockSize = m_header.blockSize;
    if (!isPowerOfTwo(blockSize) || blockSize < kSector || blockSize > kMaxBlockSize)
        return corrupt(error, file,
                       Text::tr("the block size of %1 bytes is invalid.").arg(blockSize));
    m_blockSize = blockSize;
    // One bit per sector, rounded up to whole sectors.
    const uint64_t bitmapBits = m_blockSize / kSector;
    m_bitmapBytes = ((bitmapBits + 7) / 8 + kSector - 1) / kSector * kSector;

    const uint64_t blocksNeeded = (m_size + m_blockSize - 1) / m_blockSize;
    const uint64_t blocksAllowed = (kVhdMaxSectors * kSector + m_blockSize - 1) / m_blockSize;
    const uint64_t entries = m_header.maxTableEntries;
    if (entries < blocksNeeded)
        return corrupt(
            error, file,
            Text::tr("its block allocation table has %1 entries, too few for a %2-byte disk.")
                .arg(entries)
                .arg(m_size));
    if (entries > blocksAllowed)
        return corrupt(
            error, file,
            Text::tr("its block allocation table claims %1 entries, more than a VHD of the "
                     "maximum size (2040 GiB) can have.")
                .arg(entries));
    m_batBytes = entries * 4;
    const uint64_t table = m_header.tableOffset;
    if (table > m_dataLimit || m_batBytes > m_dataLimit - table)
        return truncated(error, file, Text::tr("block allocation table"), table);
    if (overlaps(table, table + m_batBytes, 0, kVhdFooterSize) ||
        overlaps(table, table + m_batBytes, m_headerOffset, m_headerOffset + kVhdDynamicHeaderSize))
        return corrupt(
            error, file,
            Text::tr("its block allocation table at offset %1 overlaps its headers.").arg(table));
    m_bat = PagedTable<uint32_t>(table, entries, be32);
    return true;
}

void VhdImage::reportBackupFooter()
{
    addFinding(
        Finding::Severity::Warning, QStringLiteral("vhd_backup_footer"),
        Text::tr("The footer at the end of %1 is missing or damaged, so its copy at the start of "
                 "the file was used. The file may have been cut off while copying: copy it again "
                 "from the original if the disk does not look complete.")
            .arg(baseName(*m_file)));
}

void VhdImage::reportSavedState()
{
    if (!m_footer.savedState)
        return;
    addFinding(
        Finding::Severity::Warning, QStringLiteral("vhd_saved_state"),
        Text::tr("%1 belongs to a virtual machine that was saved rather than shut down, so the "
                 "guest's last writes may still be in the saved memory. Start the virtual "
                 "machine, shut it down cleanly, then export the disk again.")
            .arg(baseName(*m_file)));
}

void VhdImage::reportParent()
{
    const QString child = baseName(*m_file);
    const QString parent = m_header.parentName.isEmpty()
                               ? Text::tr("a parent disk the header does not name")
                               : m_header.parentName;
    addFinding(
        Finding::Severity::Blocker, QStringLiteral("vhd_differencing"),
        Text::tr("%1 is a differencing disk: it holds only the changes made since it was "
                 "created, and the rest of the data is in its parent, %2. Put the parent beside "
                 "it and merge them with `qemu-img convert -O vpc -o subformat=dynamic %1 "
                 "merged.vhd`, or merge the disk in Hyper-V (Edit Disk > Merge), and import the "
                 "result.")
            .arg(child, parent));
}

bool VhdImage::batEntry(uint64_t block, uint32_t* sector, Error* error)
{
    return m_bat.entry(*m_file, block, sector, error);
}

bool VhdImage::checkBlockLocation(uint64_t block, uint32_t sector, Error* error)
{
    // sector < 2^32 and the block below 2^29 bytes: no overflow.
    const uint64_t start = uint64_t(sector) * kSector;
    const uint64_t end = start + m_bitmapBytes + m_blockSize;
    const uint64_t table = m_header.tableOffset;
    if (overlaps(start, end, 0, kVhdFooterSize) ||
        overlaps(start, end, m_headerOffset, m_headerOffset + kVhdDynamicHeaderSize) ||
        overlaps(start, end, table, table + m_batBytes))
        return corrupt(
            error, *m_file,
            Text::tr("block %1 of the disk is mapped to offset %2, inside the file's headers "
                     "or block allocation table.")
                .arg(block)
                .arg(start));
    if (end > m_dataLimit)
        return truncated(error, *m_file, Text::tr("block %1").arg(block), start);
    return true;
}

bool VhdImage::blockBitmap(uint64_t block, uint32_t sector,
                           const std::vector<unsigned char>** bitmap, Error* error)
{
    auto it = m_bitmaps.find(block);
    if (it == m_bitmaps.end()) {
        std::vector<unsigned char> bits(m_bitmapBytes);
        if (!m_file->readAt(uint64_t(sector) * kSector, bits.data(), bits.size(), error))
            return false;
        if ((m_bitmaps.size() + 1) * m_bitmapBytes > kBitmapCacheBytes)
            m_bitmaps.clear();
        it = m_bitmaps.emplace(block, std::move(bits)).first;
    }
    *bitmap = &it->second;
    return true;
}

bool VhdImage::readBlock(uint64_t block, uint64_t within, char* out, size_t n, Error* error)
{
    uint32_t sector = 0;
    if (!batEntry(block, &sector, error))
        return false;
    if (sector == kUnallocated) {
        // Never written: zeros (a differencing disk's parent data, reported as a blocker).
        std::memset(out, 0, n);
        return true;
    }
    const std::vector<unsigned char>* bitmap = nullptr;
    if (!checkBlockLocation(block, sector, error) || !blockBitmap(block, sector, &bitmap, error))
        return false;
    // The bitmap says which sectors of the block were written (most significant bit first);
    // the others read as zeros. Consecutive sectors with the same bit are handled in one go.
    const auto written = [bitmap](uint64_t s) {
        return ((*bitmap)[s / 8] >> (7 - s % 8)) & 1;
    };
    const uint64_t data = uint64_t(sector) * kSector + m_bitmapBytes;
    const uint64_t end = within + n;
    uint64_t pos = within;
    while (pos < end) {
        const uint64_t first = pos / kSector;
        const bool present = written(first);
        uint64_t next = first + 1;
        while (next * kSector < end && bool(written(next)) == present)
            ++next;
        const uint64_t runEnd = std::min(end, next * kSector);
        char* target = out + (pos - within);
        const size_t count = size_t(runEnd - pos);
        if (!present)
            std::memset(target, 0, count);
        else if (!m_file->readAt(data + pos, target, count, error))
            return false;
        pos = runEnd;
    }
    return true;
}

bool VhdImage::read(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (!checkRange(offset, length, error))
        return false;
    if (m_footer.diskType == VhdFooter::Fixed)
        return m_file->readAt(offset, buffer, length, error);
    auto* out = static_cast<char*>(buffer);
    while (length > 0) {
        const uint64_t block = offset / m_blockSize;
        const uint64_t within = offset % m_blockSize;
        const size_t n = size_t(std::min<uint64_t>(length, m_blockSize - within));
        if (!readBlock(block, within, out, n, error))
            return false;
        out += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace vhd

namespace {

struct FooterCandidate {
    bool cookie = false;
    bool valid = false;
    VhdFooter footer;
};

FooterCandidate decodeCandidate(const unsigned char* p)
{
    FooterCandidate c;
    c.cookie = hasVhdCookie(p);
    if (c.cookie)
        c.footer = decodeVhdFooter(p, &c.valid);
    return c;
}

bool sparseType(uint32_t type)
{
    return type == VhdFooter::Dynamic || type == VhdFooter::Differencing;
}

} // namespace

int probeVhd(const ProbeInput& input)
{
    const QByteArrayView cookie("conectix");
    if (input.tail.size() == qsizetype(kVhdFooterSize) && input.tail.startsWith(cookie))
        return 100;
    return input.head.startsWith(cookie) ? 100 : 0;
}

std::unique_ptr<DiskImage> openVhd(std::unique_ptr<ByteSource> file, const OpenContext&,
                                   Error* error)
{
    const uint64_t fileSize = file->size();
    if (fileSize < kVhdFooterSize) {
        truncated(error, *file, Text::tr("footer"), 0);
        return nullptr;
    }
    unsigned char tailBytes[kVhdFooterSize];
    unsigned char headBytes[kVhdFooterSize];
    if (!file->readAt(fileSize - kVhdFooterSize, tailBytes, kVhdFooterSize, error) ||
        !file->readAt(0, headBytes, kVhdFooterSize, error))
        return nullptr;
    const FooterCandidate tail = decodeCandidate(tailBytes);
    const FooterCandidate head = decodeCandidate(headBytes);

    VhdFooter footer;
    bool backupUsed = false;
    if (tail.valid) {
        footer = tail.footer;
    } else if (head.valid && sparseType(head.footer.diskType)) {
        // Dynamic and differencing disks keep a copy of the footer at offset 0 for this case.
        footer = head.footer;
        backupUsed = true;
    } else if (tail.cookie || head.cookie) {
        const FooterCandidate& seen = tail.cookie ? tail : head;
        corrupt(error, *file,
                seen.valid
                    ? Text::tr("its footer is missing from the end of the file, and the copy "
                               "at its start belongs to a fixed disk, which has none.")
                    : Text::tr("the checksum of its footer does not match (stored %1), and "
                               "there is no valid copy of the footer at the start of the file.")
                          .arg(seen.footer.checksum, 8, 16, QLatin1Char('0')));
        return nullptr;
    } else {
        corrupt(error, *file, Text::tr("it has no VHD footer (\"conectix\") at its end or start."));
        return nullptr;
    }

    const uint32_t type = footer.diskType;
    if (type != VhdFooter::Fixed && !sparseType(type)) {
        corrupt(error, *file, Text::tr("its footer gives the unknown disk type %1.").arg(type));
        return nullptr;
    }
    if (footer.virtualSize() > kVhdMaxSectors * kSector) {
        corrupt(error, *file,
                Text::tr("its footer gives a size of %1 bytes (geometry %2/%3/%4, creator \"%5\"), "
                         "more than the 2040 GiB a VHD can hold.")
                    .arg(footer.virtualSize())
                    .arg(footer.cylinders)
                    .arg(footer.heads)
                    .arg(footer.sectorsPerTrack)
                    .arg(footer.creatorAppText()));
        return nullptr;
    }
    // Data ends where the footer at the end begins, whenever one is there (even a damaged one).
    const uint64_t dataLimit = tail.cookie ? fileSize - kVhdFooterSize : fileSize;
    auto image = std::make_unique<vhd::VhdImage>(std::move(file), footer, dataLimit);
    if (type == VhdFooter::Fixed) {
        if (!image->checkFixed(error))
            return nullptr;
    } else if (!image->openDynamicHeader(error)) {
        return nullptr;
    }
    if (backupUsed)
        image->reportBackupFooter();
    image->reportSavedState();
    if (type == VhdFooter::Differencing)
        image->reportParent();
    return image;
}

} // namespace cvmi::disk
