#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

#include <QByteArrayView>
#include <QList>

namespace cvmi::inspect {

// Parsers of the boot loader configuration as the distributions write it. Each is pure and
// bounded by its input (and by kMaxCommandLines entries); `source` is the guest path recorded in
// every BootCommandLine. Guest bytes are hostile: nothing here trusts a length or a count.
namespace bootconfig {

inline constexpr int kMaxCommandLines = 256;
inline constexpr qsizetype kMaxCommandChars = 4096;

// The root= the kernel takes from a command line: the last root= wins, as in the kernel.
QString rootArgument(QStringView commandLine);

// GRUB 2 grub.cfg: `linux`/`linux16`/`linuxefi` lines inside `menuentry '...'` (the first entry
// is the default unless `set default=` names another by number), and RHEL 8's fallback
// `set kernelopts="..."`.
QList<BootCommandLine> parseGrubCfg(QByteArrayView text, const QString& source);
// grubenv: the `kernelopts=` line (RHEL/CentOS 8 BLS entries use `options $kernelopts`).
QList<BootCommandLine> parseGrubEnv(QByteArrayView text, const QString& source);
// A Boot Loader Specification entry (/boot/loader/entries/*.conf): its `title` and `options`;
// `$kernelopts` is replaced by `kernelopts` (from grubenv) when given.
QList<BootCommandLine> parseBlsEntry(QByteArrayView text, const QString& source,
                                     const QString& kernelopts);
// GRUB legacy menu.lst / grub.conf: `title` and `kernel /vmlinuz-... root=...`, `default N`.
QList<BootCommandLine> parseMenuLst(QByteArrayView text, const QString& source);
// /etc/default/grub: GRUB_CMDLINE_LINUX and GRUB_CMDLINE_LINUX_DEFAULT (quotes removed).
QList<BootCommandLine> parseDefaultGrub(QByteArrayView text, const QString& source);

} // namespace bootconfig

// Reads every boot loader configuration of a Linux guest into facts->bootCommandLines (and
// bootConfigFiles, bootConfigSearch). `boot` is the separate /boot file system when there is
// one (its files are at its own root), else nullptr: /boot is then read from `root`.
void inspectBootLoaderConfig(GuestFs& root, GuestFs* boot, GuestFacts* facts);

} // namespace cvmi::inspect
