#pragma once

#include <QList>
#include <QString>

#include <cstdint>

namespace cvmi::inspect {

struct PartitionInfo {
    int index = 0;         // 1-based as Linux names it (sda1, sda5 for the first logical);
                           // 0 for a file system that fills the whole disk
    uint64_t start = 0;    // bytes from the start of the disk
    uint64_t size = 0;     // bytes
    QString type;          // MBR: "0x83"; GPT: the type GUID; none: "whole-disk"
    QString typeName;      // "Linux", "HPFS/NTFS/exFAT", "EFI System", ...
    bool bootable = false; // MBR active flag (GPT: legacy BIOS bootable attribute)
    bool logical = false;  // an MBR logical partition inside an extended one
    // ext2|ext3|ext4|ntfs|vfat|xfs|btrfs|lvm2|swap|luks|iso9660|unknown
    QString filesystem;
    QString label;
    QString uuid;
};

// Where a stretch of a logical volume lies on this disk (LVM "linear" segments, in bytes).
struct VolumeExtent {
    uint64_t volumeOffset = 0; // from the start of the logical volume
    uint64_t length = 0;
    uint64_t diskOffset = 0; // from the start of the disk
};

// An LVM2 logical volume found in the metadata of a volume group on this disk.
struct LogicalVolumeInfo {
    QString vg;   // "centos"
    QString lv;   // "root"
    QString uuid; // the LV's id in the metadata
    uint64_t size = 0;
    QList<int> partitions; // PartitionInfo::index of the physical volumes holding its extents
    // linear | striped | mirror | raid1 | raid5 | thin | thin-pool | cache | snapshot | ...:
    // the segment types, joined by "+" when they differ
    QString layout;
    // Why its bytes cannot be read here (striped, thin, a PV on another disk...); empty when
    // `extents` maps every byte of it.
    QString obstacle;
    QList<VolumeExtent> extents;
    // What it holds, as PartitionInfo says of a partition (ext4|xfs|swap|unknown|...).
    QString filesystem;
    QString label;
    QString fsUuid;

    QString name() const { return vg + QLatin1Char('/') + lv; }
};

// An LVM2 volume group whose metadata was found on a physical volume of this disk.
struct VolumeGroupInfo {
    QString name;
    QString uuid;
    uint64_t extentSize = 0; // bytes
    int pvCount = 0;         // physical volumes the metadata lists
    QList<int> partitions;   // those found on this disk (PartitionInfo::index)
    // What keeps the group from being read whole (a PV on another disk, damaged metadata);
    // empty when every logical volume could be mapped or has its own obstacle.
    QString problem;
};

struct DiskLayout {
    QString partitionTable;     // "mbr" | "gpt" | "none"
    bool protectiveMbr = false; // a GPT disk's MBR holding a single 0xEE partition
    bool bootCode = false;      // the MBR's first 440 bytes are not all zero
    uint32_t sectorSize = 512;
    QList<PartitionInfo> partitions;
    // LVM2, read from the physical volumes among `partitions` (filesystem "lvm2").
    QList<VolumeGroupInfo> volumeGroups;
    QList<LogicalVolumeInfo> logicalVolumes;
};

} // namespace cvmi::inspect
