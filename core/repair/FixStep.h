#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <span>

namespace cvmi::repair {

// One guarded, idempotent change a repair script makes inside the source VM. `code` is the
// step's body in the script's language (POSIX sh for Linux, PowerShell for Windows), written
// with the prelude's helpers (resources/repair/prelude.sh, prelude.ps1): it checks whether the
// change is still needed, says "already done" when not, and changes through helpers that honour
// the dry run. Every value taken from the guest must pass through shQuote()/psQuote(): the
// disk is untrusted and its strings end up in a program the user runs as root.
struct FixStep {
    QString title; // one line, translated: what the step changes ("root= by UUID in grub.cfg")
    QString code;
};

// The steps one check (by its name in the rule file, RuleResult::check) contributes when its
// rule failed or warned. Returns no steps when the problem cannot be fixed inside the VM
// (a full disk, a file system with errors); `manual` then says, in one translated line, why
// and what to do instead (it is written into the script's header).
struct StepDefinition {
    const char* check;
    QList<FixStep> (*steps)(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                            QString* manual);
};

// The step tables, one per area (each in its own file).
std::span<const StepDefinition> linuxBootSteps();   // LinuxBootSteps.cpp: root=, fstab
std::span<const StepDefinition> linuxSystemSteps(); // LinuxSystemSteps.cpp: drivers, network, ...
std::span<const StepDefinition> filesystemSteps();  // FilesystemSteps.cpp: fsck, free space
std::span<const StepDefinition> windowsSteps();     // WindowsSteps.cpp (PowerShell)
// The steps of `check` for a Windows or a Linux guest: each table is in one script language, so a
// check judged on both (network_ipv6) has a Linux definition and a Windows one.
const StepDefinition* findSteps(const QString& check, bool windows);

// The translation context of the steps' titles and manual notes.
struct Fix {
    Q_DECLARE_TR_FUNCTIONS(cvmi::repair::Fix)
};

// 'text' for a POSIX shell: single quotes, a single quote written as '\''. Control characters
// (a newline in a hostile file name) are kept, inside the quotes, where the shell takes them
// literally.
QString shQuote(const QString& text);
// 'text' for PowerShell: single quotes doubled; the typographic quotes PowerShell also treats as
// quotes are doubled too.
QString psQuote(const QString& text);
// A comment of one or more lines ("# " before each): control characters become spaces, so a
// value read from the guest cannot end the comment and start code.
QString comment(const QString& text);

} // namespace cvmi::repair
