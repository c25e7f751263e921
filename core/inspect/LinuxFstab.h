#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

#include <QByteArrayView>
#include <QList>

namespace cvmi::inspect {

// fstab(5): one entry per line that is neither blank nor a comment, with its device spec, mount
// point and type (octal escapes such as \040 decoded) and its 1-based line number. An entry
// needs at least a spec and a mount point. Pure; bounded by the input.
QList<FstabEntry> parseFstab(QByteArrayView text);

// Every entry of the guest's /etc/fstab into facts->fstab (the policy flags /dev/sdX, /dev/xvdX
// and /dev/hdX names, which change when the disk becomes /dev/vda).
void inspectFstab(GuestFs& fs, GuestFacts* facts);

// Whether cloud-init is installed: /etc/cloud/cloud.cfg, /usr/bin/cloud-init, or its Python
// package under /usr/lib/python*/{site,dist}-packages/cloudinit. The path found is the evidence.
void inspectCloudInit(GuestFs& fs, GuestFacts* facts);

} // namespace cvmi::inspect
