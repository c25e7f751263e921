#include "inspect/GuestVolumes.h"

#include "inspect/TskGuestFs.h"
#include "inspect/lvm/LvmVolume.h"
#include "inspect/xfs/XfsGuestFs.h"

#include <QCoreApplication>

namespace cvmi::inspect {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::GuestVolumes)
};
} // namespace

// A logical volume seen as a disk, and The Sleuth Kit's view of it, made on first use.
struct GuestVolumes::Mapped {
    std::unique_ptr<lvm::LvmVolume> volume;
    std::unique_ptr<TskImage> tsk;
};

GuestVolumes::GuestVolumes(TskImage& disk, const DiskLayout& layout)
    : m_disk(disk), m_layout(layout)
{
    for (const PartitionInfo& p : layout.partitions)
        m_volumes.append(GuestVolume{p.index, {}, p.filesystem, p.uuid, p.label, p.start, p.size});
    for (const LogicalVolumeInfo& lv : layout.logicalVolumes) {
        if (!lv.obstacle.isEmpty())
            continue;
        m_volumes.append(GuestVolume{lv.partitions.isEmpty() ? -1 : lv.partitions.first(),
                                     lv.name(), lv.filesystem, lv.fsUuid, lv.label, 0, lv.size});
    }
}

GuestVolumes::~GuestVolumes() = default;

bool GuestVolumes::readable(const QString& filesystem)
{
    return filesystem.startsWith(QLatin1String("ext")) || filesystem == QLatin1String("ntfs") ||
           filesystem == QLatin1String("vfat") || filesystem == QLatin1String("xfs");
}

GuestVolumes::Mapped* GuestVolumes::mapped(const GuestVolume& volume, Error* error)
{
    auto found = m_mapped.find(volume.lv);
    if (found != m_mapped.end())
        return found->second.get();
    for (const LogicalVolumeInfo& lv : m_layout.logicalVolumes) {
        if (lv.name() != volume.lv)
            continue;
        auto entry = std::make_unique<Mapped>();
        entry->volume = std::make_unique<lvm::LvmVolume>(m_disk.disk(), lv);
        if (!volume.filesystem.startsWith(QLatin1String("xfs"))) {
            entry->tsk = TskImage::open(*entry->volume, error);
            if (!entry->tsk)
                return nullptr;
        }
        return m_mapped.emplace(volume.lv, std::move(entry)).first->second.get();
    }
    fail(error, QStringLiteral("lvm_volume"),
         Text::tr("The logical volume %1 is not in the volume group's metadata.").arg(volume.lv));
    return nullptr;
}

std::unique_ptr<GuestFs> GuestVolumes::open(const GuestVolume& volume, Error* error)
{
    disk::DiskImage* disk = &m_disk.disk();
    TskImage* tsk = &m_disk;
    if (!volume.lv.isEmpty()) {
        Mapped* lv = mapped(volume, error);
        if (!lv)
            return nullptr;
        disk = lv->volume.get();
        tsk = lv->tsk.get();
    }
    if (volume.filesystem == QLatin1String("xfs"))
        return XfsGuestFs::open(*disk, volume.start, volume.size, error);
    if (!tsk)
        return nullptr;
    return TskGuestFs::open(tsk->handle(), volume.start, error, volume.filesystem);
}

const GuestVolume* GuestVolumes::bySpec(const QString& spec) const
{
    for (const GuestVolume& v : m_volumes) {
        if ((spec.startsWith(QLatin1String("UUID=")) && !v.uuid.isEmpty() &&
             spec.mid(5).compare(v.uuid, Qt::CaseInsensitive) == 0) ||
            (spec.startsWith(QLatin1String("LABEL=")) && !v.label.isEmpty() &&
             spec.mid(6) == v.label))
            return &v;
        // An LV named as the device mapper names it: /dev/mapper/centos-root, /dev/centos/root.
        if (!v.lv.isEmpty()) {
            const QString vg = v.lv.section(QLatin1Char('/'), 0, 0);
            const QString name = v.lv.section(QLatin1Char('/'), 1);
            QString dmVg = vg, dmName = name;
            dmVg.replace(QLatin1Char('-'), QLatin1String("--"));
            dmName.replace(QLatin1Char('-'), QLatin1String("--"));
            if (spec == QLatin1String("/dev/") + v.lv ||
                spec == QStringLiteral("/dev/mapper/%1-%2").arg(dmVg, dmName))
                return &v;
        }
    }
    return nullptr;
}

} // namespace cvmi::inspect
