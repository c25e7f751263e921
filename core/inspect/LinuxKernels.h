#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

namespace cvmi::inspect {

// The kernels a Linux guest can boot: /boot/vmlinuz-* (read from `boot` when /boot is a separate
// file system, else from the root's /boot) and /lib/modules/*; per kernel the virtio drivers as
// modules or built in, whether its initramfs carries virtio_blk, and whether the kernel is the
// distribution's own build. Needs facts->distro to judge "native".
void inspectLinuxKernels(GuestFs& root, GuestFs* boot, GuestFacts* facts);

// Whether a kernel release string looks like the distribution's own packaging, and what was
// expected (for the report): "3.10.0-1160.el7.x86_64" is native for CentOS 7.
bool isNativeKernel(const QString& distro, const QString& release, QString* expectation);

} // namespace cvmi::inspect
