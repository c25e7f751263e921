#pragma once

#include <QList>
#include <QString>

#include <cstdint>

namespace cvmi::inspect {

// The state an ext2/3/4 super block records (ExtSuperblock.h reads it; the policy judges it): what
// fsck at boot will make of the file system, and how much room is left on it.
struct ExtFsState {
    bool read = false;      // an ext super block was found and read
    bool countsSane = true; // block size and counts hold together (a hostile one may not)
    uint16_t state = 0;     // s_state: 1 cleanly unmounted, 2 errors detected, 4 orphans
    uint32_t compat = 0, incompat = 0, roCompat = 0; // s_feature_*
    uint32_t blockSize = 0;
    uint64_t blocks = 0, freeBlocks = 0, reservedBlocks = 0; // s_*blocks_count (64bit: hi too)
    uint32_t lastOrphan = 0;    // s_last_orphan: head of the orphan inode list
    uint32_t errorCount = 0;    // s_error_count (kernels since 2.6.36 keep it)
    int64_t firstErrorTime = 0; // seconds since 1970, 0 when none
    QString firstErrorFunction; // s_first_error_func: the kernel function that found it
    int64_t lastMountTime = 0, lastWriteTime = 0, lastCheckTime = 0;
    uint16_t mountCount = 0;
    int16_t maxMountCount = 0; // -1 (or 0): no mount-count-driven checks
    QString lastMountedOn;     // s_last_mounted
};

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
    ExtFsState ext; // when `filesystem` is ext2/3/4
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
    ExtFsState ext; // when `filesystem` is ext2/3/4

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
