// The driver table: add a line here when you add a format reader.
#include "disk/DiskFormat.h"

#include "disk/OvaImage.h"
#include "disk/Qcow2Image.h"
#include "disk/RawImage.h"
#include "disk/VdiImage.h"
#include "disk/VhdImage.h"
#include "disk/VhdxImage.h"
#include "disk/VmdkImage.h"

namespace cvmi::disk {

namespace {
// One line per driver (clang-format would pack them into columns).
// clang-format off
const DiskFormatDriver kDrivers[] = {
    {"raw", probeRaw, openRaw},
    {"qcow2", probeQcow2, openQcow2},
    // Before vmdk: a small OVA may hold "createType" in its first KiB, which vmdk also claims.
    {"ova", probeOva, openOva},
    {"vmdk", probeVmdk, openVmdk},
    {"vhd", probeVhd, openVhd},
    {"vdi", probeVdi, openVdi},
    {"vhdx", probeVhdx, openVhdx},
};
// clang-format on
} // namespace

std::span<const DiskFormatDriver> diskFormatDrivers()
{
    return kDrivers;
}

} // namespace cvmi::disk
