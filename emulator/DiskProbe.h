#pragma once

// What the import service finds when it opens an ImageUrl's object: a disk image of a format
// CVM imports (qcow2, VMDK, VHD, raw with an MBR) and its virtual size, or not a disk image.
// The magic numbers only; the product's real readers live in core/disk.
#include <QString>

namespace cvmi::emu {

struct DiskProbe {
    bool isDiskImage = false;
    QString format;         // "qcow2", "vmdk", "vhd", "raw"
    qint64 virtualSize = 0; // bytes
};

DiskProbe probeDiskImage(const QString& path);

} // namespace cvmi::emu
