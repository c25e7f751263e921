#include "policy/Policy.h"

#include "policy/Check.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace cvmi::policy {

namespace {

constexpr int kSchemaVersion = 1;
constexpr qint64 kMaxPolicyBytes = 1024 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("cvmi::policy::Policy", text);
}

bool invalid(Error* error, const QString& origin, const QString& what)
{
    return fail(error, QStringLiteral("policy_invalid"),
                tr("The rule file %1 is not valid: %2").arg(origin, what));
}

const QSet<QString>& knownGroups()
{
    static const QSet<QString> groups{QStringLiteral("image"),   QStringLiteral("layout"),
                                      QStringLiteral("os"),      QStringLiteral("drivers"),
                                      QStringLiteral("network"), QStringLiteral("kernel"),
                                      QStringLiteral("licence"), QStringLiteral("practice"),
                                      QStringLiteral("boot"),    QStringLiteral("windows")};
    return groups;
}

bool validateRules(const QJsonArray& rules, const QString& origin, Error* error)
{
    if (rules.isEmpty())
        return invalid(error, origin, tr("it has no rules."));
    QSet<QString> ids;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject rule = rules.at(i).toObject();
        const QString id = rule.value(QLatin1String("id")).toString();
        const QString check = rule.value(QLatin1String("check")).toString();
        const QString where = tr("rule %1").arg(i + 1);
        if (id.isEmpty() || ids.contains(id))
            return invalid(error, origin, tr("%1 has a missing or repeated \"id\".").arg(where));
        ids.insert(id);
        if (!findCheck(check))
            return invalid(error, origin,
                           tr("%1 (%2) names the check \"%3\", which this version does not know. "
                              "Update the program or remove the rule.")
                               .arg(where, id, check));
        if (!knownGroups().contains(rule.value(QLatin1String("group")).toString()))
            return invalid(error, origin, tr("%1 (%2) has an unknown \"group\".").arg(where, id));
        if (rule.contains(QLatin1String("params")) &&
            !rule.value(QLatin1String("params")).isObject())
            return invalid(error, origin,
                           tr("%1 (%2): \"params\" must be an object.").arg(where, id));
    }
    return true;
}

// What each inspection part is, for "Not read within the time limit: ...".
QString partDescriptions(const QStringList& parts)
{
    QStringList out;
    for (const QString& partName : parts) {
        if (partName == QLatin1String("layout"))
            out << Check::tr("the partition table");
        else if (partName == QLatin1String("os"))
            out << Check::tr("the search for the operating system");
        else if (partName == QLatin1String("architecture"))
            out << Check::tr("the system's binaries (architecture)");
        else if (partName == QLatin1String("kernels"))
            out << Check::tr("the kernels and their modules");
        else if (partName == QLatin1String("initramfs"))
            out << Check::tr("the initramfs");
        else if (partName == QLatin1String("drivers"))
            out << Check::tr("the Windows drivers");
        else if (partName == QLatin1String("network"))
            out << Check::tr("the network configuration");
        else if (partName == QLatin1String("fstab"))
            out << Check::tr("/etc/fstab");
        else if (partName == QLatin1String("boot_loader"))
            out << Check::tr("the boot loader configuration");
        else if (partName == QLatin1String("cloud_init"))
            out << Check::tr("the cloud-init installation");
        else if (partName == QLatin1String("system"))
            out << Check::tr("the SELinux, clock and resize configuration");
        else if (partName == QLatin1String("windows_state"))
            out << Check::tr("the Windows remote access and setup state");
        else
            out << partName;
    }
    return out.join(QStringLiteral(", "));
}

} // namespace

std::optional<Policy> Policy::fromJson(const QByteArray& json, const QString& origin, Error* error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        invalid(
            error, origin,
            tr("JSON error at byte %1: %2.").arg(parseError.offset).arg(parseError.errorString()));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    const int schema = root.value(QLatin1String("schema")).toInt(-1);
    if (schema != kSchemaVersion) {
        invalid(error, origin,
                tr("it uses schema %1, but this version reads schema %2.")
                    .arg(schema)
                    .arg(kSchemaVersion));
        return std::nullopt;
    }
    Policy policy;
    policy.m_id = root.value(QLatin1String("id")).toString();
    policy.m_version = root.value(QLatin1String("version")).toString();
    if (policy.m_id.isEmpty() || policy.m_version.isEmpty()) {
        invalid(error, origin, tr("\"id\" and \"version\" are required."));
        return std::nullopt;
    }
    if (!validateRules(root.value(QLatin1String("rules")).toArray(), origin, error))
        return std::nullopt;
    policy.m_document = root;
    return policy;
}

std::optional<Policy> Policy::fromFile(const QString& path, Error* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("policy_unreadable"),
             tr("Cannot read the rule file %1: %2.").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > kMaxPolicyBytes) {
        invalid(error, path, tr("it is larger than 1 MiB."));
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error);
}

Policy Policy::builtin()
{
    static const Policy policy = [] {
        const QString path = QStringLiteral(":/policy/tencent-cvm-default.json");
        Error error;
        auto loaded = fromFile(path, &error);
        // The built-in file is tested; failing here means a broken build, not bad user input.
        Q_ASSERT_X(loaded, "Policy::builtin", qPrintable(error.message));
        return loaded ? *loaded : Policy{};
    }();
    return policy;
}

Report Policy::evaluate(const inspect::ImageFacts& facts) const
{
    Report report;
    report.policyId = m_id;
    report.policyVersion = m_version;
    const QJsonArray rules = m_document.value(QLatin1String("rules")).toArray();
    for (const auto& value : rules) {
        const QJsonObject rule = value.toObject();
        const CheckDefinition* check = findCheck(rule.value(QLatin1String("check")).toString());
        if (!check)
            continue; // rejected at load time; defensive for default-constructed policies
        RuleResult result;
        result.id = rule.value(QLatin1String("id")).toString();
        result.check = QString::fromLatin1(check->name);
        result.group = rule.value(QLatin1String("group")).toString();
        result.title = Check::tr(check->title);
        const QJsonObject params = rule.value(QLatin1String("params")).toObject();
        const QStringList notRead = partsNotRead(check->reads, facts);
        if (check->needsReadableImage && facts.error.isSet())
            unknown(&result, Check::tr("Not checked: the image could not be read."));
        else if (!notRead.isEmpty())
            notReadInTime(CheckInput{facts, params}, &result, partDescriptions(notRead));
        else
            check->run(CheckInput{facts, params}, &result);
        report.rules.append(result);
    }
    report.form = suggestForm(facts, m_document.value(QLatin1String("form")).toObject());
    return report;
}

} // namespace cvmi::policy
