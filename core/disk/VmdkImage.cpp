#include "disk/VmdkImage.h"

#include "disk/VmdkDescriptor.h"
#include "disk/VmdkImagePrivate.h"
#include "disk/VmdkSparseExtent.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <deque>
#include <vector>

namespace cvmi::disk {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::VmdkImage)
};

using vmdk::kSector;
// A twoGbMaxExtent disk may have thousands of pieces; keep only this many open at once.
constexpr size_t kMaxOpenCompanions = 32;

QString baseName(const QString& path)
{
    return QFileInfo(path).fileName();
}

bool truncatedExtent(Error* error, const QString& extentName, uint64_t needed, uint64_t size)
{
    return fail(
        error, QStringLiteral("truncated"),
        Text::tr("The VMDK extent file %1 ends too early: the descriptor needs %2 bytes of it, "
                 "but it has only %3. It was probably cut off while copying; copy it again.")
            .arg(extentName, QString::number(needed), QString::number(size)));
}

// The descriptor promises more sectors than the sparse extent's header can map.
bool capacityMismatch(Error* error, const QString& extentName, uint64_t sectors, uint64_t capacity)
{
    return fail(
        error, QStringLiteral("vmdk_corrupt"),
        Text::tr("The VMDK extent %1 is damaged: the descriptor gives it %2 sectors, but its "
                 "header only %3. Copy the disk again from the original.")
            .arg(extentName, QString::number(sectors), QString::number(capacity)));
}

bool unsupportedCreateType(Error* error, const QString& createType)
{
    static const char* const kSnapshotTypes[] = {"vmfsSparse", "seSparse", "vsanSparse"};
    static const char* const kDeviceTypes[] = {"fullDevice", "partitionedDevice", "vmfsRaw",
                                               "vmfsRawDeviceMap", "vmfsPassthroughRawDeviceMap"};
    const auto matches = [&](const auto& list) {
        return std::any_of(std::begin(list), std::end(list), [&](const char* t) {
            return createType.compare(QLatin1String(t), Qt::CaseInsensitive) == 0;
        });
    };
    QString why;
    if (matches(kSnapshotTypes))
        why = Text::tr(
                  "This is an ESXi sparse or snapshot disk (createType \"%1\"), which only ESXi "
                  "can read. Clone it to a thin disk on the host with `vmkfstools -i disk.vmdk -d "
                  "thin clone.vmdk`, or export the virtual machine as an OVF template, and import "
                  "the result.")
                  .arg(createType);
    else if (matches(kDeviceTypes))
        why =
            Text::tr("This VMDK (createType \"%1\") maps a physical disk or LUN instead of holding "
                     "the data. Clone the virtual machine to a regular virtual disk, or image the "
                     "physical disk, and import that.")
                .arg(createType);
    else
        why = Text::tr(
                  "This VMDK has createType \"%1\", which this program cannot read. Convert it "
                  "with `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` "
                  "and import the result.")
                  .arg(createType);
    return fail(error, QStringLiteral("vmdk_unsupported"), why);
}

bool checkCreateType(const QString& createType, Error* error)
{
    static const char* const kSupported[] = {"monolithicSparse",   "streamOptimized",
                                             "monolithicFlat",     "twoGbMaxExtentSparse",
                                             "twoGbMaxExtentFlat", "vmfs"};
    for (const char* type : kSupported)
        if (createType.compare(QLatin1String(type), Qt::CaseInsensitive) == 0)
            return true;
    return unsupportedCreateType(error, createType);
}

bool unsupportedExtent(Error* error, const VmdkExtentLine& line)
{
    return fail(
        error, QStringLiteral("vmdk_unsupported"),
        Text::tr("The VMDK descriptor lists an extent of type %1 (%2), which this program "
                 "cannot read. Clone the disk to a monolithicSparse or streamOptimized VMDK "
                 "with VMware or `qemu-img convert` and import the result.")
            .arg(line.typeName, line.fileName));
}

} // namespace

namespace vmdk {

void VmdkImage::reportParent(const VmdkDescriptor& descriptor)
{
    if (!descriptor.hasParent())
        return;
    const QString parent =
        descriptor.parentFileNameHint.isEmpty()
            ? Text::tr("a parent disk with content ID %1").arg(descriptor.parentCid)
            : descriptor.parentFileNameHint;
    addFinding(
        Finding::Severity::Blocker, QStringLiteral("vmdk_delta"),
        Text::tr("%1 is a snapshot (delta) disk: it holds only the changes made after a "
                 "snapshot, and the rest of the data is in its parent, %2. Consolidate the "
                 "snapshots (VMware: Snapshot Manager > Delete All; vSphere: Snapshots > "
                 "Consolidate), or convert the whole chain with `qemu-img convert -O vmdk -o "
                 "subformat=streamOptimized %3 full.vmdk`, and import the result.")
            .arg(baseName(m_file->name()), parent, baseName(m_file->name())));
}

void VmdkImage::reportUncleanShutdown(const VmdkSparseExtent& sparse, const QString& fileName)
{
    if (!sparse.header().uncleanShutdown)
        return;
    addFinding(
        Finding::Severity::Warning, QStringLiteral("vmdk_unclean_shutdown"),
        Text::tr("%1 was not closed cleanly (the virtual machine or program using it stopped "
                 "abruptly), so its last writes may be missing. Start and shut down the virtual "
                 "machine cleanly, then export the disk again.")
            .arg(baseName(fileName)));
}

void VmdkImage::appendExtent(VmdkExtent extent, uint64_t length)
{
    // Lengths are below 2^48 each and their sum was checked by the descriptor parser.
    extent.start = m_size;
    extent.end = m_size + length;
    m_size = extent.end;
    m_extents.push_back(std::move(extent));
}

void VmdkImage::reportExtentOnly()
{
    addFinding(
        Finding::Severity::Warning, QStringLiteral("vmdk_extent_only"),
        Text::tr("%1 has no disk descriptor of its own, so it may be one piece of a disk split "
                 "into several files (-s001, -s002, ...). If so, open the small descriptor .vmdk "
                 "file beside it instead; otherwise only this piece is imported.")
            .arg(baseName(m_file->name())));
}

bool VmdkImage::addOwnSparseExtent(std::unique_ptr<VmdkSparseExtent> sparse, uint64_t sectors,
                                   Error* error)
{
    if (sectors > sparse->header().capacity)
        return capacityMismatch(error, baseName(m_file->name()), sectors,
                                sparse->header().capacity);
    reportUncleanShutdown(*sparse, m_file->name());
    VmdkExtent extent;
    extent.kind = VmdkExtent::Kind::Sparse;
    extent.ownFile = true;
    extent.sparse = std::move(sparse);
    appendExtent(std::move(extent), sectors * kSector);
    return true;
}

std::unique_ptr<ByteSource> VmdkImage::openCompanion(const VmdkExtent& extent, Error* error)
{
    const QString& name = extent.fileName;
    Error why;
    std::unique_ptr<ByteSource> file = m_open ? m_open(extent.nativeName, &why) : nullptr;
    if (file)
        return file;
    if (why.message.isEmpty())
        why.message = Text::tr("opening companion files is not possible here.");
    if (why.code != QLatin1String("not_found") && !why.code.isEmpty()) {
        // A folder, FIFO, device, link or a path out of the folder: moving files will not help.
        fail(error, QStringLiteral("vmdk_bad_extent"),
             Text::tr(
                 "The VMDK disk %1 stores its data in %2, which is refused: %3 The extents of a "
                 "disk must be regular files in the descriptor's folder.")
                 .arg(baseName(m_file->name()), name, why.message));
        return nullptr;
    }
    fail(error, QStringLiteral("vmdk_missing_extent"),
         Text::tr(
             "The VMDK disk %1 stores its data in %2, which cannot be opened: %3 Keep all the "
             "files of the disk (the -s001, -s002, ... or -flat .vmdk files) in the same folder "
             "as the descriptor %1, then open it again.")
             .arg(baseName(m_file->name()), name, why.message));
    return nullptr;
}

void VmdkImage::keepOpen(size_t index)
{
    m_openCompanions.push_back(index);
    // First in, first out: sequential reads walk the extents in order, so the oldest is the
    // least likely to be needed again.
    while (m_openCompanions.size() > kMaxOpenCompanions) {
        m_extents[m_openCompanions.front()].file.reset();
        m_openCompanions.pop_front();
    }
}

bool VmdkImage::addExtent(const VmdkExtentLine& line, Error* error)
{
    using T = VmdkExtentLine::Type;
    VmdkExtent extent;
    const uint64_t length = line.sectors * kSector;
    extent.fileName = line.fileName;
    extent.nativeName = line.nativeName;
    if (line.type == T::Zero) {
        appendExtent(std::move(extent), length);
        return true;
    }
    if (line.type != T::Flat && line.type != T::Vmfs && line.type != T::Sparse)
        return unsupportedExtent(error, line);
    extent.file = openCompanion(extent, error);
    if (!extent.file)
        return false;
    if (line.type == T::Sparse) {
        extent.kind = VmdkExtent::Kind::Sparse;
        extent.sparse = VmdkSparseExtent::open(*extent.file, error);
        if (!extent.sparse)
            return false;
        if (line.sectors > extent.sparse->header().capacity)
            return capacityMismatch(error, line.fileName, line.sectors,
                                    extent.sparse->header().capacity);
        reportUncleanShutdown(*extent.sparse, line.fileName);
    } else {
        extent.kind = VmdkExtent::Kind::Flat;
        extent.fileOffset = line.offset * kSector;
        const uint64_t needed = extent.fileOffset + length; // both below 2^48: no overflow
        if (needed > extent.file->size())
            return truncatedExtent(error, line.fileName, needed, extent.file->size());
    }
    appendExtent(std::move(extent), length);
    keepOpen(m_extents.size() - 1);
    return true;
}

ByteSource* VmdkImage::fileFor(size_t index, Error* error)
{
    VmdkExtent& extent = m_extents[index];
    if (extent.ownFile)
        return m_file.get();
    if (!extent.file) {
        extent.file = openCompanion(extent, error);
        if (!extent.file)
            return nullptr;
        keepOpen(index);
    }
    return extent.file.get();
}

bool VmdkImage::readExtent(size_t index, uint64_t within, char* out, size_t n, Error* error)
{
    VmdkExtent& extent = m_extents[index];
    if (extent.kind == VmdkExtent::Kind::Zero) {
        std::memset(out, 0, n);
        return true;
    }
    ByteSource* file = fileFor(index, error);
    if (!file)
        return false;
    if (extent.kind == VmdkExtent::Kind::Flat)
        return file->readAt(extent.fileOffset + within, out, n, error);
    return extent.sparse->read(*file, within, out, n, error);
}

bool VmdkImage::read(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (!checkRange(offset, length, error))
        return false;
    auto* out = static_cast<char*>(buffer);
    while (length > 0) {
        auto it = std::partition_point(m_extents.begin(), m_extents.end(),
                                       [offset](const VmdkExtent& e) { return e.end <= offset; });
        // checkRange guarantees an extent holds every offset below m_size.
        const uint64_t within = offset - it->start;
        const size_t n = size_t(std::min<uint64_t>(length, it->end - offset));
        if (!readExtent(size_t(it - m_extents.begin()), within, out, n, error))
            return false;
        out += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace vmdk

namespace {

using vmdk::VmdkImage;

// A descriptor text file (monolithicFlat, twoGbMaxExtent*, vmfs): every extent is a companion.
std::unique_ptr<DiskImage> openDescriptorFile(std::unique_ptr<ByteSource> file,
                                              const OpenContext& context, Error* error)
{
    if (file->size() > uint64_t(kVmdkMaxDescriptorBytes)) {
        fail(error, QStringLiteral("vmdk_bad_descriptor"),
             Text::tr("%1 looks like a VMDK descriptor but is %2 bytes long, more than any real "
                      "descriptor. Choose the disk's small descriptor .vmdk file.")
                 .arg(baseName(file->name()), QString::number(file->size())));
        return nullptr;
    }
    const QByteArray text = file->readUpTo(0, size_t(kVmdkMaxDescriptorBytes), error);
    if (error && error->isSet())
        return nullptr;
    VmdkDescriptor descriptor;
    if (!parseVmdkDescriptor(text, &descriptor, error) ||
        !checkCreateType(descriptor.createType, error))
        return nullptr;
    auto image =
        std::make_unique<VmdkImage>(std::move(file), context.openCompanion, descriptor.createType);
    image->reportParent(descriptor);
    for (const VmdkExtentLine& line : descriptor.extents)
        if (!image->addExtent(line, error))
            return nullptr;
    return image;
}

// A sparse file holding its own descriptor (monolithicSparse, streamOptimized), or an extent
// without one (a piece of a split disk opened on its own).
std::unique_ptr<DiskImage> openSparseFile(std::unique_ptr<ByteSource> file,
                                          const OpenContext& context, Error* error)
{
    std::unique_ptr<VmdkSparseExtent> sparse = VmdkSparseExtent::open(*file, error);
    if (!sparse)
        return nullptr;
    const QByteArray text = sparse->readEmbeddedDescriptor(*file, error);
    if (error && error->isSet())
        return nullptr;
    if (text.trimmed().isEmpty()) {
        const QString subformat = sparse->compressed() ? QStringLiteral("streamOptimized")
                                                       : QStringLiteral("monolithicSparse");
        auto image = std::make_unique<VmdkImage>(std::move(file), context.openCompanion, subformat);
        const uint64_t capacity = sparse->header().capacity;
        if (!image->addOwnSparseExtent(std::move(sparse), capacity, error))
            return nullptr;
        image->reportExtentOnly();
        return image;
    }
    VmdkDescriptor descriptor;
    if (!parseVmdkDescriptor(text, &descriptor, error) ||
        !checkCreateType(descriptor.createType, error))
        return nullptr;
    // The embedded descriptor of a monolithic sparse disk names exactly one extent: this file.
    if (descriptor.extents.size() != 1 ||
        descriptor.extents.front().type != VmdkExtentLine::Type::Sparse) {
        fail(error, QStringLiteral("vmdk_unsupported"),
             Text::tr(
                 "The descriptor inside %1 lists %2 extents instead of the file itself. Convert "
                 "the disk with `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk "
                 "OUT.vmdk` and import the result.")
                 .arg(baseName(file->name()), QString::number(descriptor.extents.size())));
        return nullptr;
    }
    auto image =
        std::make_unique<VmdkImage>(std::move(file), context.openCompanion, descriptor.createType);
    image->reportParent(descriptor);
    if (!image->addOwnSparseExtent(std::move(sparse), descriptor.extents.front().sectors, error))
        return nullptr;
    return image;
}

bool startsWith(const QByteArray& bytes, const char* magic)
{
    return bytes.startsWith(QByteArrayView(magic));
}

} // namespace

int probeVmdk(const ProbeInput& input)
{
    const QByteArray& head = input.head;
    if (startsWith(head, "KDMV") || startsWith(head, "COWD"))
        return 100;
    if (input.fileSize > uint64_t(kVmdkMaxDescriptorBytes))
        return 0;
    if (startsWith(head, "# Disk DescriptorFile") || head.left(4096).contains("createType"))
        return 100;
    return 0;
}

std::unique_ptr<DiskImage> openVmdk(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                    Error* error)
{
    const QByteArray magic = file->readUpTo(0, 4, error);
    if (error && error->isSet())
        return nullptr;
    if (magic == "COWD") {
        fail(error, QStringLiteral("vmdk_unsupported"),
             Text::tr("%1 is an ESX Server sparse extent (COWD), an old ESX snapshot format this "
                      "program cannot read. Clone the disk on the ESXi host with `vmkfstools -i "
                      "disk.vmdk -d thin clone.vmdk` and import the clone.")
                 .arg(baseName(file->name())));
        return nullptr;
    }
    if (magic == "KDMV")
        return openSparseFile(std::move(file), context, error);
    return openDescriptorFile(std::move(file), context, error);
}

} // namespace cvmi::disk
