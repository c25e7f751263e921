#include "disk/VhdxImage.h"

#include "disk/VhdxHeader.h"
#include "disk/VhdxImagePrivate.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <vector>

namespace cvmi::disk {

namespace {
// Declared in this file and outside `vhdx`, as VdiImage.cpp does: the only place where lupdate
// resolves it, also inside VhdxImage's member functions.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::VhdxImage)
};
} // namespace

namespace vhdx {

namespace {

QString baseName(const ByteSource& file)
{
    return QFileInfo(file.name()).fileName();
}

} // namespace

bool corrupt(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("vhdx_corrupt"),
        Text::tr("The VHDX file %1 is damaged: %2 Copy it again from the original; if the "
                 "original is damaged too, check it in Windows (mount it and run chkdsk, or "
                 "Inspect Disk in Hyper-V Manager), or run `qemu-img check -r all` on a copy.")
            .arg(baseName(file), detail));
}

bool truncated(Error* error, const ByteSource& file, const QString& what, uint64_t offset)
{
    return fail(
        error, QStringLiteral("truncated"),
        Text::tr("The VHDX file %1 ends too early: its %2 at offset %3 lies beyond the end of the "
                 "%4-byte file. It was probably cut off while copying or downloading; copy it "
                 "again.")
            .arg(baseName(file), what, QString::number(offset), QString::number(file.size())));
}

namespace {

// [MS-VHDX] 2.6.2: the limits of the format itself.
constexpr uint32_t kMinBlockSize = uint32_t(kMiB);
constexpr uint32_t kMaxBlockSize = uint32_t(256 * kMiB);
constexpr uint64_t kMaxVirtualSize = uint64_t(64) << 40; // 64 TiB
// Hyper-V and qemu make 1 MiB logs. A larger one is read whole to search it; past this we do
// not try and ask for the log to be replayed instead.
constexpr uint64_t kMaxLogLength = 32 * kMiB;

bool unsupported(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("vhdx_unsupported"),
        Text::tr("The VHDX file %1 uses a feature this program cannot read: %2 Convert it to a "
                 "new disk in Hyper-V Manager (Edit Disk > Convert) or with `Convert-VHD -Path "
                 "%1 -DestinationPath converted.vhdx` in PowerShell, and import the result.")
            .arg(baseName(file), detail));
}

bool needsReplay(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("vhdx_log_replay"),
        Text::tr("The VHDX file %1 was not closed cleanly: %2 Its last changes are still in "
                 "its log and must be written into the disk first. Start the virtual machine "
                 "in Hyper-V and shut it down cleanly (or mount the disk in Windows and eject "
                 "it), or run `qemu-img check -r all` on a copy of the file, then choose the "
                 "file again.")
            .arg(baseName(file), detail));
}

bool isPowerOfTwo(uint64_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

bool overlaps(uint64_t start, uint64_t length, uint64_t otherStart, uint64_t otherLength)
{
    return start < otherStart + otherLength && otherStart < start + length;
}

// Fits in the file: [offset, offset+length) without overflow.
bool inFile(const ByteSource& file, uint64_t offset, uint64_t length)
{
    uint64_t end = 0;
    return addNoOverflow(offset, length, &end) && end <= file.size();
}

class Opener {
public:
    explicit Opener(ByteSource& file) : m_file(file) {}

    bool headers(Error* error);
    bool log(Error* error);
    bool regions(Error* error);
    bool metadata(Error* error);
    bool table(Error* error);

    Geometry geometry;
    std::vector<LocatorEntry> locator;
    QStringList notes; // warnings for findings: a damaged copy of a header or region table

private:
    bool readItem(const MetadataEntry& entry, std::vector<unsigned char>* out, Error* error);

    ByteSource& m_file;
    Header m_header;
    RegionEntry m_bat;
    RegionEntry m_metadata;
};

bool Opener::headers(Error* error)
{
    if (m_file.size() < kHeaderAreaSize)
        return truncated(error, m_file, Text::tr("header area"), 0);
    unsigned char identifier[8];
    if (!m_file.readAt(0, identifier, sizeof identifier, error))
        return false;
    if (std::memcmp(identifier, "vhdxfile", 8) != 0)
        return corrupt(error, m_file,
                       Text::tr("it does not start with the \"vhdxfile\" identifier."));
    std::vector<unsigned char> raw[2];
    Header h[2];
    for (int i = 0; i < 2; ++i) {
        raw[i].resize(kHeaderSize);
        if (!m_file.readAt(kHeaderOffsets[i], raw[i].data(), kHeaderSize, error))
            return false;
        h[i] = decodeHeader(raw[i].data());
    }
    int current = -1;
    if (h[0].valid() && h[1].valid()) {
        // As qemu: the higher sequence number wins; equal ones must be the same header (as
        // Disk2VHD writes them).
        if (h[0].sequence != h[1].sequence)
            current = h[0].sequence > h[1].sequence ? 0 : 1;
        else if (raw[0] == raw[1])
            current = 0;
        else
            return corrupt(error, m_file,
                           Text::tr("its two headers differ but have the same sequence number %1.")
                               .arg(h[0].sequence));
    } else if (h[0].valid() || h[1].valid()) {
        current = h[0].valid() ? 0 : 1;
        notes << Text::tr("The header at offset %1 of %2 is damaged, so its other copy was used. "
                          "Verify the imported disk, or copy the file again from the original.")
                     .arg(kHeaderOffsets[1 - current])
                     .arg(QFileInfo(m_file.name()).fileName());
    } else {
        const auto why = [](const Header& x) {
            if (!x.signature)
                return Text::tr("no \"head\" signature");
            if (!x.checksumOk)
                return Text::tr("wrong CRC-32C checksum %1")
                    .arg(x.checksum, 8, 16, QLatin1Char('0'));
            return Text::tr("version %1 rather than 1").arg(x.version);
        };
        return corrupt(error, m_file,
                       Text::tr("neither of its headers is usable (at 64 KiB: %1; at 128 KiB: %2).")
                           .arg(why(h[0]), why(h[1])));
    }
    m_header = h[current];
    return true;
}

bool Opener::log(Error* error)
{
    const Header& h = m_header;
    // qemu refuses these whether or not a log is in use.
    if (h.logOffset < kHeaderAreaSize || h.logOffset % kMiB != 0)
        return corrupt(error, m_file, Text::tr("its log offset %1 is invalid.").arg(h.logOffset));
    if (h.logVersion != 0)
        return unsupported(error, m_file, Text::tr("log version %1.").arg(h.logVersion));
    if (isNull(h.logGuid) || h.logLength == 0)
        return true; // no log in use
    if (h.logLength % kMiB != 0)
        return corrupt(error, m_file, Text::tr("its log length %1 is invalid.").arg(h.logLength));
    if (!inFile(m_file, h.logOffset, h.logLength))
        return truncated(error, m_file, Text::tr("log"), h.logOffset);
    if (h.logLength > kMaxLogLength)
        return needsReplay(
            error, m_file,
            Text::tr("its log of %1 bytes is in use and too large to check.").arg(h.logLength));
    std::vector<unsigned char> bytes(h.logLength);
    if (!m_file.readAt(h.logOffset, bytes.data(), bytes.size(), error))
        return false;
    switch (searchLog(bytes, h.logGuid)) {
    case LogState::Empty:
        return true;
    case LogState::NeedsReplay:
        return needsReplay(
            error, m_file,
            Text::tr("its log at offset %1 holds entries that were not applied.").arg(h.logOffset));
    case LogState::Damaged:
        return needsReplay(
            error, m_file,
            Text::tr("its log at offset %1 holds an entry that cannot be read.").arg(h.logOffset));
    }
    return true;
}

bool Opener::regions(Error* error)
{
    std::vector<unsigned char> raw(kRegionTableSize);
    RegionTable t[2];
    for (int i = 0; i < 2; ++i) {
        if (!m_file.readAt(kRegionTableOffsets[i], raw.data(), raw.size(), error))
            return false;
        t[i] = decodeRegionTable(raw.data());
    }
    if (!t[0].valid() && !t[1].valid())
        return corrupt(error, m_file,
                       Text::tr("neither of its region tables (at 192 KiB and 256 KiB) is valid."));
    if (!t[0].valid())
        notes << Text::tr("The region table at offset %1 of %2 is damaged, so its copy was used. "
                          "Verify the imported disk, or copy the file again from the original.")
                     .arg(kRegionTableOffsets[0])
                     .arg(QFileInfo(m_file.name()).fileName());
    const RegionTable& table = t[0].valid() ? t[0] : t[1];
    bool haveBat = false;
    bool haveMetadata = false;
    for (size_t i = 0; i < table.entries.size(); ++i) {
        const RegionEntry& e = table.entries[i];
        if (e.offset < kHeaderAreaSize || e.offset % kMiB != 0 || e.length == 0 ||
            e.length % kMiB != 0)
            return corrupt(error, m_file,
                           Text::tr("its region %1 has the invalid offset %2 or length %3.")
                               .arg(guidText(e.id))
                               .arg(e.offset)
                               .arg(e.length));
        if (!inFile(m_file, e.offset, e.length))
            return truncated(error, m_file, Text::tr("region %1").arg(guidText(e.id)), e.offset);
        for (size_t j = 0; j < i; ++j)
            if (overlaps(e.offset, e.length, table.entries[j].offset, table.entries[j].length))
                return corrupt(error, m_file,
                               Text::tr("its regions at offsets %1 and %2 overlap.")
                                   .arg(e.offset)
                                   .arg(table.entries[j].offset));
        if (!isNull(m_header.logGuid) &&
            overlaps(e.offset, e.length, m_header.logOffset, m_header.logLength))
            return corrupt(error, m_file,
                           Text::tr("its region at offset %1 overlaps its log.").arg(e.offset));
        bool* seen = e.id == kBatRegion        ? &haveBat
                     : e.id == kMetadataRegion ? &haveMetadata
                                               : nullptr;
        if (!seen) {
            if (e.required)
                return unsupported(
                    error, m_file,
                    Text::tr("the required region %1 is unknown.").arg(guidText(e.id)));
            continue;
        }
        if (*seen)
            return corrupt(error, m_file,
                           Text::tr("its region table lists region %1 twice.").arg(guidText(e.id)));
        *seen = true;
        (e.id == kBatRegion ? m_bat : m_metadata) = e;
    }
    if (!haveBat || !haveMetadata)
        return corrupt(error, m_file,
                       haveBat ? Text::tr("its region table has no metadata region.")
                               : Text::tr("its region table has no block allocation table."));
    return true;
}

bool Opener::readItem(const MetadataEntry& entry, std::vector<unsigned char>* out, Error* error)
{
    // Items follow the 64 KiB table, inside the region; the region lies in the file.
    uint64_t end = 0;
    if (entry.offset < kMetadataTableSize || entry.length > kMaxMetadataItem ||
        !addNoOverflow(entry.offset, entry.length, &end) || end > m_metadata.length)
        return corrupt(
            error, m_file,
            Text::tr("its metadata item %1 lies outside the metadata region (offset %2, %3 "
                     "bytes).")
                .arg(guidText(entry.id))
                .arg(entry.offset)
                .arg(entry.length));
    out->resize(entry.length);
    return m_file.readAt(m_metadata.offset + entry.offset, out->data(), out->size(), error);
}

bool Opener::metadata(Error* error)
{
    if (m_metadata.length < kMetadataTableSize)
        return corrupt(error, m_file, Text::tr("its metadata region is too small for its table."));
    std::vector<unsigned char> raw(kMetadataTableSize);
    if (!m_file.readAt(m_metadata.offset, raw.data(), raw.size(), error))
        return false;
    std::vector<MetadataEntry> entries;
    if (!decodeMetadataTable(raw.data(), &entries))
        return corrupt(error, m_file,
                       Text::tr("its metadata table at offset %1 lacks its signature or claims too "
                                "many entries.")
                           .arg(m_metadata.offset));
    struct Known {
        const Guid* id;
        size_t minLength;
        std::vector<unsigned char> bytes;
        bool seen = false;
    };
    Known known[] = {{&kFileParameters, 8, {}},    {&kVirtualDiskSize, 8, {}},
                     {&kLogicalSectorSize, 4, {}}, {&kPhysicalSectorSize, 4, {}},
                     {&kPage83Data, 16, {}},       {&kParentLocator, 20, {}}};
    for (const MetadataEntry& e : entries) {
        Known* k = nullptr;
        for (Known& candidate : known)
            if (!e.isUser && *candidate.id == e.id)
                k = &candidate;
        if (!k) {
            if (e.required)
                return unsupported(
                    error, m_file,
                    Text::tr("the required metadata item %1 is unknown.").arg(guidText(e.id)));
            continue;
        }
        if (k->seen)
            return corrupt(error, m_file,
                           Text::tr("its metadata table lists item %1 twice.").arg(guidText(e.id)));
        k->seen = true;
        if (!readItem(e, &k->bytes, error))
            return false;
        if (k->bytes.size() < k->minLength)
            return corrupt(error, m_file,
                           Text::tr("its metadata item %1 is too short (%2 bytes).")
                               .arg(guidText(e.id))
                               .arg(k->bytes.size()));
    }
    for (size_t i = 0; i < 5; ++i)
        if (!known[i].seen)
            return corrupt(
                error, m_file,
                Text::tr("its metadata lacks the required item %1.").arg(guidText(*known[i].id)));
    Geometry& g = geometry;
    g.blockSize = le32(known[0].bytes.data());
    const uint32_t flags = le32(known[0].bytes.data() + 4);
    g.leaveBlocksAllocated = (flags & 1) != 0;
    g.hasParent = (flags & 2) != 0;
    g.virtualSize = le64(known[1].bytes.data());
    g.logicalSector = le32(known[2].bytes.data());
    g.physicalSector = le32(known[3].bytes.data());
    if (!isPowerOfTwo(g.blockSize) || g.blockSize < kMinBlockSize || g.blockSize > kMaxBlockSize)
        return corrupt(error, m_file,
                       Text::tr("its block size of %1 bytes is invalid.").arg(g.blockSize));
    for (uint32_t sector : {g.logicalSector, g.physicalSector})
        if (sector != 512 && sector != 4096)
            return corrupt(error, m_file,
                           Text::tr("its sector size of %1 bytes is invalid.").arg(sector));
    if (g.virtualSize > kMaxVirtualSize || g.virtualSize % g.logicalSector != 0)
        return corrupt(error, m_file,
                       Text::tr("its virtual size of %1 bytes is invalid (at most 64 TiB, in whole "
                                "%2-byte sectors).")
                           .arg(g.virtualSize)
                           .arg(g.logicalSector));
    if (g.hasParent) {
        if (!known[5].seen)
            return corrupt(error, m_file,
                           Text::tr("it is a differencing disk without a parent locator."));
        if (!decodeParentLocator(known[5].bytes.data(), known[5].bytes.size(), &locator))
            return corrupt(error, m_file, Text::tr("its parent locator is damaged."));
    }
    return true;
}

bool Opener::table(Error* error)
{
    Geometry& g = geometry;
    // [MS-VHDX] 2.5: one sector bitmap block covers 2^23 sectors; its entry follows every
    // chunkRatio payload entries. 16 to 4096 here, as the sizes above are bounded.
    g.chunkRatio = (uint64_t(1) << 23) * g.logicalSector / g.blockSize;
    const uint64_t dataBlocks = (g.virtualSize + g.blockSize - 1) / g.blockSize;
    const uint64_t bitmapBlocks = (dataBlocks + g.chunkRatio - 1) / g.chunkRatio;
    g.batEntries = g.hasParent ? bitmapBlocks * (g.chunkRatio + 1)
                               : dataBlocks + (dataBlocks ? (dataBlocks - 1) / g.chunkRatio : 0);
    g.batOffset = m_bat.offset;
    if (g.batEntries > m_bat.length / 8)
        return corrupt(
            error, m_file,
            Text::tr("its block allocation table of %1 bytes is too small for %2 entries.")
                .arg(m_bat.length)
                .arg(g.batEntries));
    return true;
}

} // namespace

QString VhdxImage::subformat() const
{
    if (m_geometry.hasParent)
        return QStringLiteral("differencing");
    return m_geometry.leaveBlocksAllocated ? QStringLiteral("fixed") : QStringLiteral("dynamic");
}

// The context written out: see VhdxMap.cpp.
void VhdxImage::reportParent(const std::vector<LocatorEntry>& locator)
{
    QString parent;
    for (const char* key : {"relative_path", "absolute_win32_path", "volume_path"})
        for (const LocatorEntry& e : locator)
            if (parent.isEmpty() && e.key == QLatin1String(key))
                parent = e.value;
    if (parent.isEmpty())
        parent = QCoreApplication::translate("cvmi::disk::VhdxImage",
                                             "a parent disk the file does not name");
    addFinding(Finding::Severity::Blocker, QStringLiteral("vhdx_differencing"),
               QCoreApplication::translate(
                   "cvmi::disk::VhdxImage",
                   "%1 is a differencing disk: it holds only the changes made since it was "
                   "created, and the rest of the data is in its parent, %2. Merge it into its "
                   "parent in Hyper-V Manager (Edit Disk > Merge, to a new disk) or with "
                   "`Convert-VHD -Path %1 -DestinationPath merged.vhdx` in PowerShell, and "
                   "import the result.")
                   .arg(QFileInfo(m_file->name()).fileName(), parent));
}

} // namespace vhdx

int probeVhdx(const ProbeInput& input)
{
    return input.head.startsWith(QByteArrayView("vhdxfile")) ? 100 : 0;
}

std::unique_ptr<DiskImage> openVhdx(std::unique_ptr<ByteSource> file, const OpenContext&,
                                    Error* error)
{
    vhdx::Opener opener(*file);
    if (!opener.headers(error) || !opener.log(error) || !opener.regions(error) ||
        !opener.metadata(error) || !opener.table(error))
        return nullptr;
    auto image = std::make_unique<vhdx::VhdxImage>(std::move(file), opener.geometry);
    for (const QString& note : opener.notes)
        image->addNote(note);
    if (opener.geometry.hasParent)
        image->reportParent(opener.locator);
    return image;
}

} // namespace cvmi::disk
