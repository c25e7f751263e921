#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <cstddef>

namespace cvmi::inspect {

// What sits at the start of a partition (or of a whole disk), told from on-disk signatures the way
// blkid does it: the type name, and the label and UUID formatted as blkid prints them.
struct FsSignature {
    // ext2|ext3|ext4|ntfs|vfat|exfat|iso9660|xfs|btrfs|lvm2|swap|luks, or empty when nothing
    // matched
    QString type;
    QString label;
    QString uuid;
};

// How many bytes from the start of a partition every probe needs: the Btrfs super block sits at
// 64 KiB and a swap signature at the end of a page of up to 64 KiB.
constexpr size_t kFsProbeBytes = 0x10000 + 4096;

// Pure function of the bytes: never reads past `head` (a shorter head simply rules out the
// signatures that lie beyond it).
FsSignature probeFileSystem(QByteArrayView head);

} // namespace cvmi::inspect
