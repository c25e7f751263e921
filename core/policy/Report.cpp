#include "policy/Report.h"

#include <algorithm>

namespace cvmi::policy {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Warn:
        return QStringLiteral("warn");
    case Verdict::Fail:
        return QStringLiteral("fail");
    case Verdict::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool Report::compliant() const
{
    return !rules.isEmpty() && std::none_of(rules.cbegin(), rules.cend(), [](const RuleResult& r) {
        return r.verdict == Verdict::Fail;
    });
}

Verdict Report::overall() const
{
    const auto any = [this](Verdict v) {
        return std::any_of(rules.cbegin(), rules.cend(),
                           [v](const RuleResult& r) { return r.verdict == v; });
    };
    for (Verdict v : {Verdict::Fail, Verdict::Warn, Verdict::Unknown}) {
        if (any(v))
            return v;
    }
    return Verdict::Pass;
}

} // namespace cvmi::policy
