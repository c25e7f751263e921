#pragma once

#include "disk/DiskImage.h"
#include "inspect/DiskLayout.h"
#include "util/Error.h"

namespace cvmi::inspect::lvm {

// Reads LVM2 from the physical volumes of one disk: each PV's label and the newest text
// metadata in its metadata area (CRCs checked, wrap-around of the circular buffer followed),
// groups the PVs by volume group, and maps each logical volume to byte ranges of this disk.
// Only linear segments (type "striped" with stripe_count 1) are mapped; other segment types,
// PVs the metadata names that are not on this disk, and damaged metadata become an obstacle or
// a problem with the reason, never a guess. Partitions whose filesystem is "lvm2" are read;
// `layout->volumeGroups` and `layout->logicalVolumes` are filled (file-system fields empty).
// Returns false only when the disk itself fails to read (error set); bad LVM bytes are reported
// in the layout, not as a failure. Bounded: see the limits in LvmLabel.h and LvmMetadata.h.
bool scanLvm(disk::DiskImage& disk, DiskLayout* layout, Error* error);

} // namespace cvmi::inspect::lvm
