#pragma once

#include "disk/DiskImage.h"
#include "inspect/DiskLayout.h"

namespace cvmi::inspect::lvm {

// One logical volume seen as a disk of its own: reads are mapped through its extents into the
// disk that holds the physical volumes, so The Sleuth Kit and XfsGuestFs read a file system
// inside LVM as they read one in a partition. `disk` must outlive it; one thread at a time.
class LvmVolume final : public disk::DiskImage {
public:
    // `volume.extents` must cover [0, volume.size) (scanLvm guarantees it when obstacle is empty).
    LvmVolume(disk::DiskImage& disk, LogicalVolumeInfo volume);

    QString format() const override { return QStringLiteral("lvm2"); }
    QString subformat() const override { return m_volume.layout; }
    uint64_t virtualSize() const override { return m_volume.size; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override;

    const LogicalVolumeInfo& info() const { return m_volume; }

private:
    disk::DiskImage& m_disk;
    LogicalVolumeInfo m_volume;
};

} // namespace cvmi::inspect::lvm
