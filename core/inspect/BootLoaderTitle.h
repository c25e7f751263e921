#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

#include <QString>

namespace cvmi::inspect {

// The distribution as a separate /boot names it, for when the root file system cannot be read:
// the title of a Boot Loader Specification entry (/loader/entries/*.conf, RHEL 8 and later:
// "Red Hat Enterprise Linux (4.18.0-477.el8.x86_64) 8.8 (Ootpa)") or of GRUB's first menu entry
// (/grub2/grub.cfg, /grub/grub.cfg: "CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)").
// Fills distro, distroName, version and evidence["distro"] when a known name is found; the
// native-kernel rule needs the distribution. `boot` is the /boot file system itself.
bool distroFromBootLoader(GuestFs& boot, GuestFacts* facts);

// The same from one title line, for tests: false when the title names no known distribution.
bool distroFromTitle(const QString& title, GuestFacts* facts);

} // namespace cvmi::inspect
