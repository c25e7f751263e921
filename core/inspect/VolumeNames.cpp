#include "inspect/VolumeNames.h"

#include "util/Units.h"

#include <QCoreApplication>

namespace cvmi::inspect {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::VolumeNames)
};

QString partitionsText(const QList<int>& indexes)
{
    QStringList names;
    for (int index : indexes)
        names << partitionName(index);
    return names.join(QStringLiteral(", "));
}

QString located(int partition, const QString& volume)
{
    if (!volume.isEmpty())
        return partition > 0 ? Text::tr("LVM volume %1 (%2)").arg(volume, partitionName(partition))
                             : Text::tr("LVM volume %1").arg(volume);
    return partition < 0 ? QString() : partitionName(partition);
}
} // namespace

QString partitionName(int index)
{
    return index == 0 ? Text::tr("the whole disk") : Text::tr("partition %1").arg(index);
}

QString volumeName(const LogicalVolumeInfo& volume)
{
    return volume.partitions.isEmpty() ? Text::tr("LVM volume %1").arg(volume.name())
                                       : Text::tr("LVM volume %1 (%2)")
                                             .arg(volume.name(), partitionsText(volume.partitions));
}

QString volumeDetails(const LogicalVolumeInfo& volume)
{
    QStringList details{volume.filesystem.isEmpty() ? Text::tr("unknown") : volume.filesystem,
                        formatBytes(volume.size)};
    if (!volume.label.isEmpty())
        details << Text::tr("“%1”").arg(volume.label);
    if (!volume.partitions.isEmpty())
        details << partitionsText(volume.partitions);
    if (!volume.obstacle.isEmpty())
        details = QStringList{formatBytes(volume.size),
                              Text::tr("not readable: %1").arg(volume.obstacle)};
    return details.join(QStringLiteral(" · "));
}

QString rootLocation(const GuestFacts& guest)
{
    return located(guest.rootPartition, guest.rootVolume);
}

QString bootLocation(const GuestFacts& guest)
{
    return located(guest.bootPartition, guest.bootVolume);
}

} // namespace cvmi::inspect
