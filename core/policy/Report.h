#pragma once

#include "policy/FormSuggestion.h"

#include <QList>
#include <QString>

namespace cvmi::policy {

enum class Verdict { Pass, Warn, Fail, Unknown };
QString verdictName(Verdict verdict); // "pass" | "warn" | "fail" | "unknown"

// One line of the compliance checklist.
struct RuleResult {
    QString id;    // stable, from the policy file: "image.format", "disk.size", ...
    QString group; // "image" | "layout" | "os" | "boot" | "drivers" | "network" | ... (Policy.cpp)
    QString title; // "Image format", translated
    Verdict verdict = Verdict::Unknown;
    QString evidence; // what was found, and where
    QString fix;      // what to do; empty on pass
    QString check;    // the check that judged it, as the policy file names it ("max_virtual_size")
};

struct Report {
    QString policyId;      // "tencent-cvm-import"
    QString policyVersion; // the rule file's version
    QList<RuleResult> rules;
    FormSuggestion form; // proposed ImportImage values, from the facts
    // No rule failed. Unknown rules do not make an image non-compliant, but are shown.
    bool compliant() const;
    // The report in one word: Fail when a rule failed, else Warn when one warned, else Unknown
    // when one could not be judged, else Pass (also for no rules).
    Verdict overall() const;
};

} // namespace cvmi::policy
