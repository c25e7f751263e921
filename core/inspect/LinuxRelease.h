#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

#include <QByteArrayView>
#include <QMap>

namespace cvmi::inspect {

// os-release(5): KEY=value lines with shell-style quoting. Pure; bounded by the input.
QMap<QString, QString> parseOsRelease(QByteArrayView text);

// Distribution, version and name from /etc/os-release (or /usr/lib/os-release), made more precise
// by, or replaced on old systems with, /etc/redhat-release, /etc/centos-release,
// /etc/SuSE-release, /etc/lsb-release and /etc/debian_version. False when none of them exists.
bool detectLinuxRelease(GuestFs& fs, GuestFacts* facts);

// The guest's own architecture, from the ELF headers of its binaries (/bin/sh, /usr/bin/ls,
// /sbin/init), resolved inside the guest.
void detectLinuxArchitecture(GuestFs& fs, GuestFacts* facts);

} // namespace cvmi::inspect
