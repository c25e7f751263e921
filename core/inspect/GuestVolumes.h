#pragma once

#include "inspect/DiskLayout.h"
#include "inspect/GuestFs.h"
#include "inspect/TskImage.h"

#include <map>
#include <memory>

namespace cvmi::inspect {

namespace lvm {
class LvmVolume;
}

// A file system the OS search can open: a partition, the whole disk, or an LVM logical volume.
struct GuestVolume {
    int partition = -1; // PartitionInfo::index; for a logical volume, its first partition
    QString lv;         // "centos/root" for a logical volume, else empty
    QString filesystem; // ext4 | xfs | ntfs | vfat | ...
    QString uuid;
    QString label;
    uint64_t start = 0; // in the disk (a partition) or in the logical volume (0)
    uint64_t size = 0;
};

// The file systems of one disk, partitions first, then the logical volumes of its volume
// groups, and a way to open each: The Sleuth Kit for ext2/3/4, NTFS and FAT, our XfsGuestFs for
// XFS. A logical volume is opened through an LvmVolume (and a TskImage over it) kept here, so
// the GuestFs returned by open() must not outlive this object. One thread at a time.
class GuestVolumes {
public:
    GuestVolumes(TskImage& disk, const DiskLayout& layout);
    ~GuestVolumes();
    GuestVolumes(const GuestVolumes&) = delete;
    GuestVolumes& operator=(const GuestVolumes&) = delete;

    const QList<GuestVolume>& all() const { return m_volumes; }
    // A file system we can read the files of.
    static bool readable(const QString& filesystem);
    std::unique_ptr<GuestFs> open(const GuestVolume& volume, Error* error);
    // The one whose UUID= or LABEL= spec (from fstab) matches, or nullptr.
    const GuestVolume* bySpec(const QString& spec) const;

private:
    struct Mapped;
    Mapped* mapped(const GuestVolume& volume, Error* error);

    TskImage& m_disk;
    const DiskLayout& m_layout;
    QList<GuestVolume> m_volumes;
    std::map<QString, std::unique_ptr<Mapped>> m_mapped; // by LV name
};

} // namespace cvmi::inspect
