#pragma once

#include "inspect/DiskLayout.h"
#include "inspect/GuestFacts.h"

#include <QString>

namespace cvmi::inspect {

// One home for how the check names the places a file system lives, in every report, rule and
// view: "partition 2", "the whole disk", "LVM volume centos/root (partition 2)".
QString partitionName(int index);
QString volumeName(const LogicalVolumeInfo& volume);
// A logical volume's line in a report, after its vg/lv name: "xfs · 27.0 GiB · partition 2", or
// why it cannot be read.
QString volumeDetails(const LogicalVolumeInfo& volume);
// Where the system's root is, as found by the OS search ("" when no root was read).
QString rootLocation(const GuestFacts& guest);
// Where the separate /boot is ("" when there is none).
QString bootLocation(const GuestFacts& guest);

} // namespace cvmi::inspect
