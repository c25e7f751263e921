#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

#include <QByteArrayView>
#include <QString>

namespace cvmi::inspect {

// SELinux's boot-time state, the hardware clock's time scale and the online-resize tools of a
// Linux guest (GuestFacts::system): /etc/selinux/config and its policy directory, /.autorelabel,
// /etc/adjtime, growpart and cloud-init's growpart module in /etc/cloud/cloud.cfg.
void inspectLinuxSystem(GuestFs& fs, GuestFacts* facts);

// ---- Pure parsers (tests and fuzzing): bounded by their input, they never throw. ----

// /etc/selinux/config: SELINUX= and SELINUXTYPE= (the last assignment of each, as the shell and
// libselinux read it). Values are lower-cased; the lines are as found.
struct SelinuxConfig {
    QString mode;
    QString modeLine;
    QString type;
    QString typeLine;
};
SelinuxConfig parseSelinuxConfig(QByteArrayView text);

// /etc/adjtime (hwclock(8)): the third line says whether the hardware clock keeps UTC or LOCAL
// time; absent means UTC.
struct Adjtime {
    bool local = false;
    QString line; // the third line, trimmed; empty when the file has fewer than three lines
};
Adjtime parseAdjtime(QByteArrayView text);

// /etc/cloud/cloud.cfg: the entry that runs the growpart module in cloud_init_modules or
// cloud_config_modules ("cloud_init_modules: growpart"), or empty. A file that is not valid
// YAML yields empty and *error says why.
QString parseCloudCfgGrowpart(QByteArrayView text, QString* error = nullptr);

} // namespace cvmi::inspect
