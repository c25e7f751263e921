#include "policy/Check.h"

#include <QCoreApplication>

namespace cvmi::policy {

void pass(RuleResult* result, QString evidence)
{
    result->verdict = Verdict::Pass;
    result->evidence = std::move(evidence);
    result->fix.clear();
}

void warn(RuleResult* result, QString evidence, QString fix)
{
    result->verdict = Verdict::Warn;
    result->evidence = std::move(evidence);
    result->fix = std::move(fix);
}

void failRule(RuleResult* result, QString evidence, QString fix)
{
    result->verdict = Verdict::Fail;
    result->evidence = std::move(evidence);
    result->fix = std::move(fix);
}

void unknown(RuleResult* result, QString evidence, QString fix)
{
    result->verdict = Verdict::Unknown;
    result->evidence = std::move(evidence);
    result->fix = std::move(fix);
}

const CheckDefinition* findCheck(const QString& name)
{
    for (auto checks : {imageChecks(), layoutChecks(), osChecks(), guestSystemChecks()}) {
        for (const CheckDefinition& check : checks) {
            if (name == QLatin1String(check.name))
                return &check;
        }
    }
    return nullptr;
}

} // namespace cvmi::policy
