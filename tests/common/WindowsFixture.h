#pragma once

// The Windows fixture disks (tests/fixtures/make-windows-disk.sh) opened the way the inspector
// opens them, for the tests of the Windows readers (tst_registryhive, tst_windowsinspector).
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "inspect/Inspector.h"
#include "inspect/TskGuestFs.h"
#include "inspect/TskImage.h"

#include <QFile>

#include <memory>

namespace cvmi::test {

inline QString windowsFixture(const QString& name)
{
    return fixtureDir() + QStringLiteral("/windows/") + name;
}

inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A disk opened the way the inspector opens it: container reader, TSK view, first partition.
struct OpenedDisk {
    std::unique_ptr<disk::DiskImage> disk;
    std::unique_ptr<inspect::TskImage> tsk;
    inspect::DiskLayout layout;
    std::unique_ptr<inspect::TskGuestFs> fs;
};

inline bool openDisk(const QString& name, OpenedDisk* opened)
{
    Error error;
    opened->disk = disk::openDiskImage(windowsFixture(name), &error);
    if (!opened->disk) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    opened->tsk = inspect::TskImage::open(*opened->disk, &error);
    if (!opened->tsk || !inspect::readDiskLayout(*opened->tsk, &opened->layout, &error) ||
        opened->layout.partitions.isEmpty()) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    const inspect::PartitionInfo& partition = opened->layout.partitions.first();
    opened->fs = inspect::TskGuestFs::open(opened->tsk->handle(), partition.start, &error,
                                           partition.filesystem);
    if (!opened->fs) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    return true;
}

} // namespace cvmi::test
