#include "policy/GuestCheckSupport.h"

#include <QCollator>

namespace cvmi::policy {

bool guestMissing(const CheckInput& in, RuleResult* r, const QString& family)
{
    const auto& g = in.facts.guest;
    if (!in.facts.layoutKnown || !g.searched) {
        unknown(r, Check::tr("Not checked: the partitions could not be read."));
        return true;
    }
    if (g.family.isEmpty()) {
        unknown(r, Check::tr("Not checked: no operating system was found."));
        return true;
    }
    if (!family.isEmpty() && g.family != family) {
        pass(r, Check::tr("Not applicable to this operating system."));
        return true;
    }
    return false;
}

bool linuxKernelsMissing(const CheckInput& in, RuleResult* r)
{
    const auto& g = in.facts.guest;
    if (g.family.isEmpty() && g.bootOnly && in.facts.layoutKnown && g.searched)
        return false;
    return guestMissing(in, r, QStringLiteral("linux"));
}

Verdict severityParam(const QJsonObject& params, const char* key, Verdict fallback)
{
    const QString value = params.value(QLatin1String(key)).toString();
    if (value == QLatin1String("fail"))
        return Verdict::Fail;
    if (value == QLatin1String("warn"))
        return Verdict::Warn;
    return fallback;
}

void judge(RuleResult* r, Verdict verdict, QString evidence, QString fix)
{
    if (verdict == Verdict::Fail)
        failRule(r, std::move(evidence), std::move(fix));
    else
        warn(r, std::move(evidence), std::move(fix));
}

QStringList stringListParam(const QJsonObject& params, const char* key)
{
    QStringList out;
    for (const auto& v : params.value(QLatin1String(key)).toArray())
        out << v.toString();
    return out;
}

QString evidenceText(const inspect::GuestFacts& g, const QString& key)
{
    const auto e = g.evidence.value(key);
    return e.path.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(e.path, e.value);
}

const inspect::KernelFacts* defaultKernel(const inspect::GuestFacts& g)
{
    if (g.kernels.isEmpty())
        return nullptr;
    QCollator collator;
    collator.setNumericMode(true);
    const inspect::KernelFacts* best = &g.kernels.front();
    for (const auto& k : g.kernels)
        if (collator.compare(k.version, best->version) > 0)
            best = &k;
    return best;
}

} // namespace cvmi::policy
