#pragma once

// What the LVM tests share: the fixture disks of tests/fixtures/make-lvm-disks.sh, scanned.
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "inspect/Inspector.h"
#include "inspect/lvm/LvmScan.h"

#include <QMap>
#include <QtTest>

#include <cstring>
#include <memory>

namespace cvmi::test {

inline QString lvmDisk(const QString& name)
{
    return fixtureDir() + QStringLiteral("/lvm/") + name;
}

// A disk with some bytes replaced, to damage a fixture without copying it.
class PatchedDisk final : public disk::DiskImage {
public:
    explicit PatchedDisk(disk::DiskImage& base) : m_base(base) {}
    void patch(uint64_t offset, QByteArray bytes) { m_patches.insert(offset, std::move(bytes)); }
    QString format() const override { return m_base.format(); }
    QString subformat() const override { return m_base.subformat(); }
    uint64_t virtualSize() const override { return m_base.virtualSize(); }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (!m_base.read(offset, buffer, length, error))
            return false;
        for (auto it = m_patches.cbegin(); it != m_patches.cend(); ++it) {
            const uint64_t start = std::max(offset, it.key());
            const uint64_t end = std::min(offset + length, it.key() + uint64_t(it->size()));
            if (start < end)
                std::memcpy(static_cast<char*>(buffer) + (start - offset),
                            it->constData() + (start - it.key()), end - start);
        }
        return true;
    }

private:
    disk::DiskImage& m_base;
    QMap<uint64_t, QByteArray> m_patches;
};

inline std::unique_ptr<disk::DiskImage> openLvmDisk(const QString& name)
{
    Error error;
    auto image = disk::openDiskImage(lvmDisk(name), &error);
    if (!image)
        qWarning("%s: %s", qPrintable(error.code), qPrintable(error.message));
    return image;
}

// The partitions as the layout reader sees them, then scanLvm (the LVM fields cleared first, in
// case the layout reader already filled them).
inline inspect::DiskLayout scanLvmDisk(disk::DiskImage& image)
{
    inspect::DiskLayout layout;
    Error error;
    if (!inspect::readDiskLayout(image, &layout, &error))
        qWarning("layout: %s", qPrintable(error.message));
    layout.volumeGroups.clear();
    layout.logicalVolumes.clear();
    if (!inspect::lvm::scanLvm(image, &layout, &error))
        qWarning("scanLvm: %s", qPrintable(error.message));
    return layout;
}

inline const inspect::LogicalVolumeInfo* findLv(const inspect::DiskLayout& layout,
                                                const QString& name)
{
    for (const auto& lv : layout.logicalVolumes)
        if (lv.name() == name)
            return &lv;
    return nullptr;
}

inline const inspect::PartitionInfo* findPartition(const inspect::DiskLayout& layout, int index)
{
    for (const auto& p : layout.partitions)
        if (p.index == index)
            return &p;
    return nullptr;
}

} // namespace cvmi::test
