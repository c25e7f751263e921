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

struct DiskLayout {
    QString partitionTable;     // "mbr" | "gpt" | "none"
    bool protectiveMbr = false; // a GPT disk's MBR holding a single 0xEE partition
    bool bootCode = false;      // the MBR's first 440 bytes are not all zero
    uint32_t sectorSize = 512;
    QList<PartitionInfo> partitions;
};

} // namespace cvmi::inspect
