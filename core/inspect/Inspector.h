#pragma once

#include "disk/DiskImage.h"
#include "inspect/DiskLayout.h"
#include "inspect/ImageFacts.h"
#include "inspect/InspectionBudget.h"
#include "inspect/TskImage.h"
#include "util/CancelToken.h"
#include "util/NativePath.h"

#include <memory>

namespace cvmi::inspect {

// Reads the partition table and identifies each partition's file system. Uses The Sleuth Kit for
// MBR/GPT and ext/NTFS/FAT/ISO, and small probes of our own for XFS, Btrfs, LVM2, swap and LUKS.
bool readDiskLayout(disk::DiskImage& image, DiskLayout* layout, Error* error);

// readDiskLayout() over an already open TSK view of the image (inspectImage reuses it for the
// guest OS search).
bool readDiskLayout(TskImage& image, DiskLayout* layout, Error* error);

// The whole first step: open the container, read the layout, then find the guest OS. Never throws;
// problems land in ImageFacts::error / layoutError. Safe to run on a worker thread; checks `cancel`
// between steps. Spends at most what `options` allow (one deadline for everything, a shared
// initramfs budget); what the deadline left unread is listed in ImageFacts::limits.notRead.
// `path` is bytes (see util/NativePath.h); ImageFacts::path is its display form.
ImageFacts inspectImage(const util::NativePath& path, const InspectOptions& options,
                        const CancelToken& cancel = {});
// The same with the default InspectOptions.
ImageFacts inspectImage(const util::NativePath& path, const CancelToken& cancel = {});
inline ImageFacts inspectImage(const QString& path, const InspectOptions& options,
                               const CancelToken& cancel = {})
{
    return inspectImage(util::NativePath(path), options, cancel);
}
inline ImageFacts inspectImage(const QString& path, const CancelToken& cancel = {})
{
    return inspectImage(util::NativePath(path), cancel);
}

} // namespace cvmi::inspect
