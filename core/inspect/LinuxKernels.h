#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"
#include "inspect/InspectionBudget.h"

namespace cvmi::inspect {

// The kernels a Linux guest can boot: /boot/vmlinuz-* (read from `boot` when /boot is a separate
// file system, else from the root's /boot) and /lib/modules/*; per kernel the virtio drivers as
// modules or built in, whether its initramfs carries virtio_blk, and whether the kernel is the
// distribution's own build. Needs facts->distro to judge "native".
// Within `budget` (a default one when null): the kernels are listed as the step part::kKernels;
// then the initramfs files are scanned newest kernel first (the one the guest boots, and the one
// the rules judge), each distinct file once however many kernels name it (hard links, symlinks),
// at most budget->maxKernelScans() files, sharing its deadline and decompressed total. A scan
// the deadline stops sets the kernel's initramfsTimedOut and marks part::kInitramfs.
void inspectLinuxKernels(GuestFs& root, GuestFs* boot, GuestFacts* facts,
                         InspectionBudget* budget = nullptr);

// Whether a kernel release string looks like the distribution's own packaging, and what was
// expected (for the report): "3.10.0-1160.el7.x86_64" is native for CentOS 7.
bool isNativeKernel(const QString& distro, const QString& release, QString* expectation);

} // namespace cvmi::inspect
