// The driver table: add a line here when you add a format reader.
#include "disk/DiskFormat.h"

#include "disk/RawImage.h"
#include "disk/VmdkImage.h"

namespace cvmi::disk {

namespace {
const DiskFormatDriver kDrivers[] = {
    {"raw", probeRaw, openRaw},
    {"vmdk", probeVmdk, openVmdk},
};
} // namespace

std::span<const DiskFormatDriver> diskFormatDrivers()
{
    return kDrivers;
}

} // namespace cvmi::disk
