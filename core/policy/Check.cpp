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

void notReadInTime(const CheckInput& input, RuleResult* result, const QString& what)
{
    const double seconds = double(input.facts.limits.timeLimitMs) / 1000.0;
    unknown(
        result,
        Check::tr("Not read within the time limit of %1 s: %2.")
            .arg(QString::number(seconds, 'g', 6), what),
        Check::tr(
            "Check again with a longer limit: `cvm-import check --inspect-timeout "
            "SECONDS IMAGE`, or Settings… > Image check > Inspection time limit in the wizard."));
}

QStringList partsNotRead(const char* reads, const inspect::ImageFacts& facts)
{
    QStringList missing;
    if (!reads)
        return missing;
    for (const QString& needed : QString::fromLatin1(reads).split(u' ', Qt::SkipEmptyParts))
        if (facts.limits.notRead.contains(needed))
            missing << needed;
    return missing;
}

const CheckDefinition* findCheck(const QString& name)
{
    for (auto checks : {imageChecks(), layoutChecks(), osChecks(), guestSystemChecks(),
                        bootChecks(), filesystemChecks(), guestConfigChecks(), windowsChecks()}) {
        for (const CheckDefinition& check : checks) {
            if (name == QLatin1String(check.name))
                return &check;
        }
    }
    return nullptr;
}

} // namespace cvmi::policy
