#pragma once

#include "inspect/DiskLayout.h"
#include "inspect/lvm/LvmMetadata.h"

#include <QByteArray>
#include <QList>

// From a VG's metadata to what the check shows: each visible LV's byte ranges on this disk, or
// the reason they cannot be read here.
namespace cvmi::inspect::lvm {

struct PvOnDisk {
    int partition = 0;  // PartitionInfo::index
    uint64_t start = 0; // bytes from the start of the disk
    uint64_t size = 0;  // bytes
    QByteArray pvId;    // the label's 32 characters
};

// Fills `group` (name, uuid, extent size, PV count, the partitions that hold its PVs, and the
// problem of PVs missing from this disk) and appends one LogicalVolumeInfo per visible LV.
void mapVolumeGroup(const LvmVg& vg, const QList<PvOnDisk>& pvsOnDisk, VolumeGroupInfo* group,
                    QList<LogicalVolumeInfo>* volumes);

} // namespace cvmi::inspect::lvm
