#pragma once

#include <QString>
#include <QStringList>

// Finding the disk images in a folder the user gave instead of a file (dropped on the wizard,
// or `cvm-import check DIR`). Only names and a few header bytes are read, within fixed bounds, so
// that a home folder or a network share dropped by mistake answers quickly.
namespace cvmi::disk {

struct ImageSearchLimits {
    int maxDepth = 3;    // the folder itself is depth 0
    int maxFiles = 2000; // files looked at, in all folders
    int maxImages = 50;  // images found before stopping
};

struct ImageSearch {
    QString folder;     // absolute
    QStringList images; // absolute paths, sorted, at most maxImages
    int filesLooked = 0;
    bool limitReached = false; // a bound stopped the search before every file was seen
};

// The extensions looked for, without the dot: qcow2, vmdk, vhd, vhdx, vdi, ova, raw, img.
QStringList diskImageExtensions();
// Whether `path` (a regular file) looks like a disk image: an image extension (but not a VMDK
// extent such as "disk-flat.vmdk", which its descriptor names), or a qcow2, VMDK, VHD, VHDX or
// VDI signature in its first or last bytes.
bool looksLikeDiskImage(const QString& path);
// Searches `folder` breadth first, not following symbolic links, skipping hidden entries.
ImageSearch findDiskImages(const QString& folder, const ImageSearchLimits& limits = {});
// "No disk image in FOLDER: looked for .qcow2 .vmdk .vhd .raw .img in N files." (and that the
// search stopped early, when it did).
QString noImageMessage(const ImageSearch& search);

} // namespace cvmi::disk
