#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <span>

namespace cvmi::policy {

// What a check sees: the facts, and the rule's parameters from the policy file.
struct CheckInput {
    const inspect::ImageFacts& facts;
    const QJsonObject& params;
};

// One check implementation. The policy file says which checks run, in which order, with which
// parameters; the code says how each is judged. `run` fills verdict, evidence and fix.
struct CheckDefinition {
    const char* name;  // as written in the policy file: "max_virtual_size"
    const char* title; // QT_TRANSLATE_NOOP("cvmi::policy::Check", ...)
    // false when the check cannot say anything until the image was readable (then "unknown")
    bool needsReadableImage;
    void (*run)(const CheckInput& input, RuleResult* result);
    // The parts of the inspection the check judges, space-separated (inspect::part: "os kernels"):
    // when the inspection's deadline left one unread, the check is not run and says so ("unknown")
    // rather than judging facts that were never read. Empty: needs nothing time-limited.
    const char* reads;
};

std::span<const CheckDefinition> imageChecks();
std::span<const CheckDefinition> layoutChecks();
std::span<const CheckDefinition> osChecks();
std::span<const CheckDefinition> guestSystemChecks();
std::span<const CheckDefinition> bootChecks();        // BootChecks.cpp: boot loader, fstab
std::span<const CheckDefinition> filesystemChecks();  // FilesystemChecks.cpp: ext state, space
std::span<const CheckDefinition> guestConfigChecks(); // GuestConfigChecks.cpp: DHCP, SELinux, ...
std::span<const CheckDefinition> windowsChecks();     // WindowsChecks.cpp: RDP, SAN policy, ...
const CheckDefinition* findCheck(const QString& name);

// The translation context of every check's texts (lupdate reads Check::tr calls).
struct Check {
    Q_DECLARE_TR_FUNCTIONS(cvmi::policy::Check)
};

// Helpers for check implementations.
void pass(RuleResult* result, QString evidence);
void warn(RuleResult* result, QString evidence, QString fix);
void failRule(RuleResult* result, QString evidence, QString fix);
void unknown(RuleResult* result, QString evidence, QString fix = {});
// "unknown" because the inspection's deadline left `what` unread: names the limit and how to
// raise it.
void notReadInTime(const CheckInput& input, RuleResult* result, const QString& what);
// The parts in `reads` (CheckDefinition::reads) that the inspection did not read in time.
QStringList partsNotRead(const char* reads, const inspect::ImageFacts& facts);

} // namespace cvmi::policy
