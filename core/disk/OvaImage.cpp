#include "disk/OvaImage.h"

#include "disk/OvfDescriptor.h"
#include "disk/SliceByteSource.h"
#include "disk/TarIndex.h"
#include "disk/VmdkImage.h"
#include "util/Units.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace cvmi::disk {

namespace {

// Qt's signature, so that lupdate reads the plural forms.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::OvaImage)
};

// Data disks named in the finding; an appliance with more is named by count past these.
constexpr qsizetype kMaxListedDisks = 16;

QString baseName(const QString& path)
{
    return QFileInfo(path).fileName();
}

QString shown(const QByteArray& memberName)
{
    return QString::fromUtf8(memberName.left(kOvfMaxText));
}

// The system disk read in place; everything else the appliance holds is reported.
class OvaImage final : public DiskImage {
public:
    explicit OvaImage(std::unique_ptr<DiskImage> disk) : m_disk(std::move(disk))
    {
        for (const Finding& finding : m_disk->findings())
            addFinding(finding.severity, finding.code, finding.message);
    }
    QString format() const override { return QStringLiteral("ova"); }
    QString subformat() const override { return m_disk->format() + u' ' + m_disk->subformat(); }
    uint64_t virtualSize() const override { return m_disk->virtualSize(); }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        return m_disk->read(offset, buffer, length, error);
    }
    bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override
    {
        return m_disk->mapExtents(offset, length, out, error);
    }
    void warn(QString code, QString message)
    {
        addFinding(Finding::Severity::Warning, std::move(code), std::move(message));
    }

private:
    std::unique_ptr<DiskImage> m_disk;
};

// One opening: the archive, its members and its descriptor, and the messages that name them.
class OvaOpening {
public:
    explicit OvaOpening(std::unique_ptr<ByteSource> file)
        : m_file(std::move(file)), m_name(baseName(m_file->name()))
    {
    }
    std::unique_ptr<DiskImage> open(Error* error);

private:
    bool readDescriptor(Error* error);
    const OvfDisk* systemDisk(Error* error) const;
    const TarMember* member(const QString& href) const;
    std::unique_ptr<DiskImage> openDisk(const OvfDisk& disk, const OvfFile& file, Error* error);
    void reportDiskOrder(OvaImage* image, const OvfDisk& system) const;
    void reportCapacity(OvaImage* image, const OvfDisk& system, const OvfFile& file) const;
    void reportDataDisks(OvaImage* image, const OvfDisk& system) const;

    std::shared_ptr<ByteSource> m_file;
    QString m_name;
    QList<TarMember> m_members;
    QString m_ovfName;
    OvfDescriptor m_ovf;
};

// The standard puts the descriptor first, so that an appliance can be read as it streams in;
// VirtualBox, ovftool and every importer write and expect it there.
bool OvaOpening::readDescriptor(Error* error)
{
    const TarMember* first = nullptr;
    const TarMember* ovf = nullptr;
    for (const TarMember& m : m_members) {
        if (!m.regular)
            continue;
        if (!first)
            first = &m;
        if (!ovf && m.name.toLower().endsWith(".ovf"))
            ovf = &m;
    }
    if (!ovf)
        return fail(
            error, QStringLiteral("ova_no_descriptor"),
            Text::tr("%1 is a tar archive without an OVF descriptor (.ovf file), so it is not "
                     "an OVA appliance. Extract the disk image inside it (`tar -xf %1`) and "
                     "choose that file.")
                .arg(m_name));
    if (ovf != first)
        return fail(
            error, QStringLiteral("ova_descriptor_not_first"),
            Text::tr("The OVA file %1 does not start with its OVF descriptor %2 (it starts "
                     "with %3), as the OVF standard requires, so it was not written by an "
                     "appliance exporter. Extract the disk (`tar -xf %1`) and choose the .vmdk "
                     "file, or pack the appliance again with the descriptor first: `tar "
                     "--format=ustar -cf fixed.ova %2 OTHER-FILES`.")
                .arg(m_name, shown(ovf->name), shown(first->name)));
    m_ovfName = shown(ovf->name);
    if (ovf->size > uint64_t(kOvfMaxBytes))
        return fail(error, QStringLiteral("ova_bad_descriptor"),
                    Text::tr("The OVF descriptor %1 in %2 is %3 bytes long, more than the %4 this "
                             "program reads. Extract the disk (`tar -xf %2`) and choose the .vmdk "
                             "file.")
                        .arg(m_ovfName, m_name, QString::number(ovf->size))
                        .arg(kOvfMaxBytes));
    QByteArray xml(qsizetype(ovf->size), Qt::Uninitialized);
    if (!m_file->readAt(ovf->dataOffset, xml.data(), size_t(xml.size()), error))
        return false;
    return parseOvf(xml, m_ovfName, &m_ovf, error);
}

// The system disk is the first disk in the DiskSection's order that has a file: both VirtualBox
// and VMware (ovftool, vSphere) write the boot disk first, and their hardware sections attach
// it first too (reportDiskOrder says when they disagree). A disk without a file is a blank disk
// the importer creates, which holds no system.
const OvfDisk* OvaOpening::systemDisk(Error* error) const
{
    for (const OvfDisk& disk : m_ovf.disks)
        if (!disk.fileRef.isEmpty())
            return &disk;
    fail(error, QStringLiteral("ova_no_disks"),
         Text::tr("The OVF descriptor %1 of %2 lists no virtual disk with data, so the appliance "
                  "holds no disk to import. Export the virtual machine again with its disks.")
             .arg(m_ovfName, m_name));
    return nullptr;
}

// The member an href names: hrefs are relative URLs, so a percent-encoded one is tried decoded.
const TarMember* OvaOpening::member(const QString& href) const
{
    QByteArray name = href.toUtf8();
    while (name.startsWith("./"))
        name.remove(0, 2);
    const QByteArray decoded = QByteArray::fromPercentEncoding(name);
    for (const QByteArray& wanted : {name, decoded})
        for (const TarMember& m : m_members)
            if (m.name == wanted)
                return &m;
    return nullptr;
}

std::unique_ptr<DiskImage> OvaOpening::openDisk(const OvfDisk& disk, const OvfFile& file,
                                                Error* error)
{
    const QString compression = file.compression.toLower();
    if (!compression.isEmpty() && compression != QLatin1StringView("identity")) {
        fail(
            error, QStringLiteral("ova_compressed"),
            Text::tr("The system disk %2 in %1 is compressed inside the appliance (compression "
                     "\"%3\"), which this program cannot read in place. Extract and decompress it: "
                     "`tar -xOf %1 %2 | gunzip > %4`, then choose %4.")
                .arg(m_name, file.href, file.compression, baseName(file.href)));
        return nullptr;
    }
    if (file.chunked) {
        fail(error, QStringLiteral("ova_chunked"),
             Text::tr(
                 "The system disk %2 in %1 is split into chunks (%2.000000000, ...), which this "
                 "program cannot read in place. Extract and join them: `tar -xf %1 && cat "
                 "%2.[0-9]* > %3`, then choose %3.")
                 .arg(m_name, file.href, baseName(file.href)));
        return nullptr;
    }
    const TarMember* found = member(file.href);
    if (!found || !found->regular) {
        fail(error, QStringLiteral("ova_missing_disk"),
             Text::tr("The OVF descriptor %1 names the system disk file %2, but %3 holds no such "
                      "file. The appliance is incomplete or damaged: export it again.")
                 .arg(m_ovfName, file.href, m_name));
        return nullptr;
    }
    auto slice = std::make_unique<SliceByteSource>(m_file, found->dataOffset, found->size,
                                                   m_file->name() + u'/' + shown(found->name));
    char magic[4] = {};
    if (found->size < sizeof magic || !slice->readAt(0, magic, sizeof magic, error) ||
        std::memcmp(magic, "KDMV", 4) != 0) {
        if (error && error->code == QLatin1StringView("io_error"))
            return nullptr;
        fail(error, QStringLiteral("ova_disk_not_vmdk"),
             Text::tr(
                 "The system disk %2 in %1 is not a VMDK disk (the descriptor gives its format "
                 "as \"%3\"). This program reads appliances whose disks are VMDK files, as "
                 "VirtualBox and VMware export them. Extract it (`tar -xf %1 %2`) and choose it "
                 "if it is a format this program reads, or convert it with `qemu-img convert -O "
                 "qcow2 %2 disk.qcow2`.")
                 .arg(m_name, file.href, disk.format));
        return nullptr;
    }
    // An appliance's disks are monolithic stream-optimized files: one never names another.
    OpenContext inner;
    inner.openCompanion = [](const QByteArray&, Error* why) -> std::unique_ptr<ByteSource> {
        fail(why, QStringLiteral("ova_companion"),
             Text::tr("a disk inside an OVA appliance must be one self-contained VMDK file."));
        return nullptr;
    };
    return openVmdk(std::move(slice), inner, error);
}

void OvaOpening::reportDiskOrder(OvaImage* image, const OvfDisk& system) const
{
    for (const QString& attached : m_ovf.attachedDisks) {
        const auto it = std::find_if(m_ovf.disks.begin(), m_ovf.disks.end(),
                                     [&](const OvfDisk& d) { return d.diskId == attached; });
        if (it == m_ovf.disks.end() || it->fileRef.isEmpty())
            continue;
        if (it->diskId == system.diskId)
            return;
        const OvfFile* file = m_ovf.file(it->fileRef);
        const QString other = file ? file->href : it->diskId;
        image->warn(
            QStringLiteral("ova_disk_order"),
            Text::tr("The OVF descriptor %1 lists the disk %2 first but attaches %3 first to "
                     "the virtual machine; %2 is imported as the system disk. If the system is "
                     "on %3, extract it (`tar -xf %4 %3`) and import that file instead.")
                .arg(m_ovfName, m_ovf.file(system.fileRef)->href, other, m_name));
        return;
    }
}

void OvaOpening::reportCapacity(OvaImage* image, const OvfDisk& system, const OvfFile& file) const
{
    if (system.capacityBytes == 0 || system.capacityBytes == image->virtualSize())
        return;
    image->warn(
        QStringLiteral("ova_capacity_mismatch"),
        Text::tr("The OVF descriptor %1 gives the system disk %2 a capacity of %3, but the "
                 "disk file holds %4. The disk file's size is used; check that the imported "
                 "disk has the size you expect.")
            .arg(m_ovfName, file.href, formatBytes(system.capacityBytes),
                 formatBytes(image->virtualSize())));
}

void OvaOpening::reportDataDisks(OvaImage* image, const OvfDisk& system) const
{
    QStringList others;
    qsizetype unnamed = 0;
    for (const OvfDisk& disk : m_ovf.disks) {
        if (&disk == &system)
            continue;
        if (others.size() >= kMaxListedDisks) {
            ++unnamed;
            continue;
        }
        const OvfFile* file = disk.fileRef.isEmpty() ? nullptr : m_ovf.file(disk.fileRef);
        QString entry = file ? file->href : Text::tr("a blank disk (%1)").arg(disk.diskId);
        if (disk.capacityBytes > 0)
            entry += QStringLiteral(" (%1)").arg(formatBytes(disk.capacityBytes));
        others << entry;
    }
    if (others.isEmpty())
        return;
    const int count = int(others.size() + unnamed);
    if (unnamed > 0)
        others << Text::tr("%n more", nullptr, int(unnamed));
    image->warn(
        QStringLiteral("ova_data_disks"),
        Text::tr("%1 holds %n more disk(s) besides the system disk %2: %3. They are not "
                 "imported with the system disk: import each separately as a data disk "
                 "(extract it with `tar -xf %1 FILE`).",
                 nullptr, count)
            .arg(m_name, m_ovf.file(system.fileRef)->href, others.join(QStringLiteral("; "))));
}

std::unique_ptr<DiskImage> OvaOpening::open(Error* error)
{
    if (!indexTar(*m_file, &m_members, error) || !readDescriptor(error))
        return nullptr;
    const OvfDisk* system = systemDisk(error);
    if (!system)
        return nullptr;
    const OvfFile* file = m_ovf.file(system->fileRef);
    if (!file) {
        fail(error, QStringLiteral("ova_bad_descriptor"),
             Text::tr(
                 "The OVF descriptor %1 of %2 gives the disk %3 the file \"%4\", which its list "
                 "of files does not hold. Export the appliance again.")
                 .arg(m_ovfName, m_name, system->diskId, system->fileRef));
        return nullptr;
    }
    std::unique_ptr<DiskImage> disk = openDisk(*system, *file, error);
    if (!disk)
        return nullptr;
    auto image = std::make_unique<OvaImage>(std::move(disk));
    reportCapacity(image.get(), *system, *file);
    reportDiskOrder(image.get(), *system);
    reportDataDisks(image.get(), *system);
    return image;
}

} // namespace

int probeOva(const ProbeInput& input)
{
    if (firstTarFileName(input.head, input.fileSize).toLower().endsWith(".ovf"))
        return 100;
    const bool tar = input.head.size() >= 262 && input.head.mid(257, 5) == "ustar";
    if (tar && input.fileName.endsWith(QLatin1StringView(".ova"), Qt::CaseInsensitive))
        return 100;
    return 0;
}

std::unique_ptr<DiskImage> openOva(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                   Error* error)
{
    Q_UNUSED(context); // every file of an appliance is inside it
    OvaOpening opening(std::move(file));
    return opening.open(error);
}

} // namespace cvmi::disk
