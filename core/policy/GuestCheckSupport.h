#pragma once

// Shared helpers of the checks that judge the guest operating system.
#include "policy/Check.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace cvmi::policy {

// True (and the rule set to "unknown" or "not applicable") when there is no OS to judge.
// Rules that apply to one family pass `family`; others pass an empty string.
bool guestMissing(const CheckInput& in, RuleResult* r, const QString& family = {});
// As guestMissing(in, r, "linux"), but a /boot read while the root could not be
// (GuestFacts::bootOnly) is enough: the kernel rules judge its kernels.
bool linuxKernelsMissing(const CheckInput& in, RuleResult* r);

// "fail" or "warn", as the rule's params say (default given): lets a rule file soften or harden
// a rule without a code change.
Verdict severityParam(const QJsonObject& params, const char* key, Verdict fallback);
void judge(RuleResult* r, Verdict verdict, QString evidence, QString fix);

QStringList stringListParam(const QJsonObject& params, const char* key);

// "/etc/os-release: ID=centos" for a fact's evidence.
QString evidenceText(const inspect::GuestFacts& g, const QString& key);

// The kernel the guest boots by default: the newest release (version-aware comparison).
const inspect::KernelFacts* defaultKernel(const inspect::GuestFacts& g);

} // namespace cvmi::policy
