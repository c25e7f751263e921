#include "inspect/lvm/LvmScan.h"

#include "inspect/lvm/LvmLabel.h"
#include "inspect/lvm/LvmMapping.h"
#include "inspect/lvm/LvmMetadata.h"

#include <QCoreApplication>

namespace cvmi::inspect::lvm {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::lvm::LvmScan)
};

// One PV found on this disk, with the newest VG metadata its own areas hold.
struct FoundPv {
    PvOnDisk where;
    bool hasMetadataAreas = false;
    bool hasVg = false;
    LvmVg vg;
    QStringList problems;
};

// Reads the label and every metadata copy of the PV in `p`; false only on a disk read error.
bool readPv(disk::DiskImage& disk, const PartitionInfo& p, QList<FoundPv>* found,
            QList<VolumeGroupInfo>* unreadable, Error* error)
{
    PvLabel label;
    LabelStatus status = LabelStatus::None;
    QString problem;
    if (!readPvLabel(disk, p.start, p.size, &label, &status, &problem, error))
        return false;
    if (status != LabelStatus::Found) {
        VolumeGroupInfo group;
        group.partitions.append(p.index);
        group.problem = status == LabelStatus::Damaged
                            ? Text::tr("Partition %1: %2").arg(p.index).arg(problem)
                            : Text::tr("Partition %1 looks like an LVM physical volume but has no "
                                       "LVM label in its first four sectors")
                                  .arg(p.index);
        unreadable->append(group);
        return true;
    }
    FoundPv pv;
    pv.where = PvOnDisk{p.index, p.start, p.size, label.pvId};
    pv.hasMetadataAreas = !label.metadataAreas.isEmpty();
    QList<QByteArray> texts;
    if (!readMetadataTexts(disk, p.start, p.size, label, &texts, &pv.problems, error))
        return false;
    for (const QByteArray& text : texts) {
        LvmVg vg;
        QString why;
        if (!parseLvmMetadata(text, &vg, &why)) {
            pv.problems.append(Text::tr("a metadata copy cannot be read: %1").arg(why));
        } else if (!pv.hasVg || vg.seqno > pv.vg.seqno) {
            pv.vg = vg;
            pv.hasVg = true;
        }
    }
    found->append(pv);
    return true;
}

bool namesPv(const LvmVg& vg, const QByteArray& pvId)
{
    for (const LvmPv& pv : vg.pvs)
        if (pv.id.toLatin1().replace('-', QByteArray()) == pvId)
            return true;
    return false;
}

} // namespace

bool scanLvm(disk::DiskImage& disk, DiskLayout* layout, Error* error)
{
    QList<FoundPv> found;
    QList<VolumeGroupInfo> unreadable;
    for (const PartitionInfo& p : layout->partitions)
        if (p.filesystem == QLatin1String("lvm2") && !readPv(disk, p, &found, &unreadable, error))
            return false;
    QList<PvOnDisk> onDisk;
    for (const FoundPv& pv : found)
        onDisk.append(pv.where);
    // One entry per VG id: the copy with the highest seqno, as LVM itself takes.
    QList<const LvmVg*> newest;
    for (const FoundPv& pv : found) {
        if (!pv.hasVg)
            continue;
        bool known = false;
        for (const LvmVg*& vg : newest)
            if (vg->id == pv.vg.id) {
                known = true;
                if (pv.vg.seqno > vg->seqno)
                    vg = &pv.vg;
            }
        if (!known)
            newest.append(&pv.vg);
    }
    for (const LvmVg* vg : newest) {
        VolumeGroupInfo group;
        mapVolumeGroup(*vg, onDisk, &group, &layout->logicalVolumes);
        layout->volumeGroups.append(group);
    }
    // PVs no readable metadata speaks for: their VG (if any) is unknown here.
    for (const FoundPv& pv : found) {
        bool claimed = false;
        for (const LvmVg* vg : newest)
            claimed = claimed || namesPv(*vg, pv.where.pvId);
        if (claimed)
            continue;
        VolumeGroupInfo group;
        group.partitions.append(pv.where.partition);
        group.problem =
            pv.problems.isEmpty()
                ? Text::tr("Partition %1 is an LVM physical volume that no volume group on this "
                           "disk names (it has %2 metadata copy of its own)")
                      .arg(pv.where.partition)
                      .arg(pv.hasMetadataAreas ? Text::tr("no readable") : Text::tr("no"))
                : Text::tr("Partition %1 is an LVM physical volume whose metadata cannot be read: "
                           "%2")
                      .arg(pv.where.partition)
                      .arg(pv.problems.join(QStringLiteral("; ")));
        unreadable.append(group);
    }
    layout->volumeGroups.append(unreadable);
    return true;
}

} // namespace cvmi::inspect::lvm
