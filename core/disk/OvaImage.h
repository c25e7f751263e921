#pragma once

// OVA appliances (DMTF DSP0243): a tar archive whose first file is an OVF descriptor, followed by
// the files it names, here the disks as stream-optimized VMDK files. The system disk is read in
// place inside the archive, never extracted; the other disks are reported, to import separately.
#include "disk/DiskFormat.h"

namespace cvmi::disk {

// 100 for a tar archive (ustar magic) whose first file ends in ".ovf", as the standard requires,
// and for another tar archive named *.ova, so that its open says what is wrong with it rather
// than the tar rejection's generic words (and a small one holding a VMDK descriptor near its
// start is not taken for that descriptor: this driver comes before vmdk in the table).
int probeOva(const ProbeInput& input);
std::unique_ptr<DiskImage> openOva(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                   Error* error);

} // namespace cvmi::disk
