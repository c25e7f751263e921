#include "FaultInjector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cvmi::emu {

namespace {

struct KindName {
    FaultKind kind;
    const char* name;
};

constexpr KindName kinds[] = {
    {FaultKind::Reset, "reset"},        {FaultKind::InternalError, "internal-error"},
    {FaultKind::SlowDown, "slow-down"}, {FaultKind::Stall, "stall"},
    {FaultKind::Truncate, "truncate"},  {FaultKind::Skew, "skew"},
    {FaultKind::BadCrc, "bad-crc"}};

FaultKind kindFromName(const QString& name)
{
    for (const auto& k : kinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return FaultKind::None;
}

} // namespace

FaultInjector::FaultInjector()
{
    clear();
}

QString FaultInjector::kindName(FaultKind kind)
{
    for (const auto& k : kinds) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return QStringLiteral("none");
}

void FaultInjector::clear()
{
    m_rules.clear();
    m_injected.clear();
    for (const auto& k : kinds)
        m_injected.insert(QLatin1String(k.name), 0);
    m_state = 0;
}

bool FaultInjector::configure(const QJsonObject& config, QString* error)
{
    QList<Rule> rules;
    for (const QJsonValue& value : config.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject o = value.toObject();
        Rule rule;
        rule.operation = o.value(QStringLiteral("operation")).toString(QStringLiteral("*"));
        rule.kind = kindFromName(o.value(QStringLiteral("fault")).toString());
        if (rule.kind == FaultKind::None) {
            if (error)
                *error = QStringLiteral("unknown fault kind \"%1\" (reset, internal-error, "
                                        "slow-down, stall, truncate, skew, bad-crc)")
                             .arg(o.value(QStringLiteral("fault")).toString());
            return false;
        }
        rule.every = o.value(QStringLiteral("every")).toInt(0);
        rule.probability = o.value(QStringLiteral("probability")).toDouble(-1);
        rule.times = o.value(QStringLiteral("times")).toInt(-1);
        rule.after = o.value(QStringLiteral("when")).toString() == QLatin1String("after");
        rule.stallMs = o.value(QStringLiteral("ms")).toInt(1000);
        rule.skewSeconds = o.value(QStringLiteral("seconds")).toInteger(0);
        if (o.contains(QStringLiteral("value")))
            rule.crcValue = o.value(QStringLiteral("value")).toString().toLatin1();
        if (rule.probability > 1 || (rule.every < 0)) {
            if (error)
                *error = QStringLiteral("a rule needs every >= 1 or 0 <= probability <= 1");
            return false;
        }
        rules.append(rule);
    }
    clear();
    m_rules = rules;
    // splitmix64 is seeded from the configuration alone, so a run replays exactly.
    m_state = static_cast<quint64>(config.value(QStringLiteral("seed")).toInteger(1));
    return true;
}

bool FaultInjector::configureFromFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error =
                QStringLiteral("%1 is not a JSON object: %2").arg(path, parseError.errorString());
        return false;
    }
    return configure(doc.object(), error);
}

double FaultInjector::nextUniform()
{
    // splitmix64: tiny, and the same sequence on every platform (std::uniform_real_distribution
    // is not specified bit for bit).
    quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
}

FaultDecision FaultInjector::decide(const QString& service, const QString& operation)
{
    FaultDecision decision;
    for (Rule& rule : m_rules) {
        const bool matches = rule.operation == QLatin1String("*") || rule.operation == operation ||
                             rule.operation == service + QLatin1String(":*") ||
                             rule.operation == service + u':' + operation;
        if (!matches)
            continue;
        ++rule.matched;
        if (rule.times >= 0 && rule.injected >= rule.times)
            continue;
        bool fires = true;
        if (rule.every > 0)
            fires = rule.matched % rule.every == 0;
        else if (rule.probability >= 0)
            fires = nextUniform() < rule.probability;
        if (!fires)
            continue;
        if (rule.kind == FaultKind::Skew) {
            decision.skewSeconds += rule.skewSeconds;
        } else if (decision.kind == FaultKind::None) {
            decision.kind = rule.kind;
            decision.afterProcessing = rule.after;
            decision.stallMs = rule.stallMs;
            decision.crcValue = rule.crcValue;
        } else {
            continue; // one transport fault per request; this rule did not act
        }
        ++rule.injected;
        ++m_injected[kindName(rule.kind)];
    }
    return decision;
}

QJsonObject FaultInjector::counters() const
{
    QJsonObject out;
    for (auto it = m_injected.cbegin(); it != m_injected.cend(); ++it)
        out.insert(it.key(), it.value());
    QJsonArray rules;
    for (const Rule& rule : m_rules) {
        rules.append(QJsonObject{{QStringLiteral("operation"), rule.operation},
                                 {QStringLiteral("fault"), kindName(rule.kind)},
                                 {QStringLiteral("matched"), rule.matched},
                                 {QStringLiteral("injected"), rule.injected}});
    }
    out.insert(QStringLiteral("rules"), rules);
    return out;
}

} // namespace cvmi::emu
