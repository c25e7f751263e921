// The driver table: add a line here when you add a format reader.
#include "disk/DiskFormat.h"

#include "disk/RawImage.h"

namespace cvmi::disk {

namespace {
const DiskFormatDriver kDrivers[] = {
    {"raw", probeRaw, openRaw},
};
} // namespace

std::span<const DiskFormatDriver> diskFormatDrivers()
{
    return kDrivers;
}

} // namespace cvmi::disk
