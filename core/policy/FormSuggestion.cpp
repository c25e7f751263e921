#include "policy/FormSuggestion.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace cvmi::policy {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::policy::FormSuggestion)
};

constexpr int kMaxImageName = 60;

// "7.9.2009" → "7.9"; "22.04" stays; "11.4" stays.
QString majorMinor(const QString& version)
{
    const QStringList parts = version.split(u'.');
    return parts.size() > 2 ? parts[0] + u'.' + parts[1] : version;
}

QString imageNameFor(const inspect::ImageFacts& facts, const QString& osVersion)
{
    const auto& g = facts.guest;
    QString name;
    if (!g.family.isEmpty() && g.family != QLatin1String("windows"))
        name = QStringLiteral("%1-%2-%3").arg(g.distro, osVersion, g.architecture);
    else if (g.family == QLatin1String("windows"))
        name = g.windows.productName;
    else
        name = QFileInfo(facts.path).completeBaseName();
    // Letters, digits and - _ . only; spaces become dashes.
    name.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral("-"));
    name.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")));
    if (name.isEmpty())
        name = QStringLiteral("imported-image");
    return name.left(kMaxImageName);
}

} // namespace

FormSuggestion suggestForm(const inspect::ImageFacts& facts, const QJsonObject& rules)
{
    FormSuggestion form;
    const auto& g = facts.guest;
    form.bootMode = QStringLiteral("Legacy BIOS");
    if (facts.layout.partitionTable == QLatin1String("gpt")) {
        for (const auto& p : facts.layout.partitions)
            if (p.typeName == QLatin1String("EFI System"))
                form.bootMode = QStringLiteral("UEFI");
    }
    form.licenseType = QStringLiteral("TencentCloud");

    if (g.family == QLatin1String("windows")) {
        for (const auto& v : rules.value(QLatin1String("windows_os_types")).toArray()) {
            const QJsonObject o = v.toObject();
            if (g.windows.productName.startsWith(o.value(QLatin1String("product")).toString(),
                                                 Qt::CaseInsensitive))
                form.osType = o.value(QLatin1String("os_type")).toString();
        }
        form.osVersion = QStringLiteral("-");
        if (form.osType.isEmpty())
            form.notes << Text::tr("No OsType is known for %1.").arg(g.windows.productName);
    } else if (g.family == QLatin1String("linux")) {
        const QJsonObject types = rules.value(QLatin1String("os_types")).toObject();
        form.osType =
            types.value(g.distro).toString(types.value(QLatin1String("other-linux")).toString());
        form.osVersion = majorMinor(g.version);
        form.detectedVersion = g.version;
        const QJsonArray byol = rules.value(QLatin1String("byol_distros")).toArray();
        if (byol.contains(QJsonValue(g.distro))) {
            form.licenseType = QStringLiteral("BYOL");
            form.notes
                << Text::tr("%1 is imported with your own licence (BYOL).").arg(g.distroName);
        }
    } else {
        form.notes << Text::tr(
            "No operating system was found: choose OsType and OsVersion by hand.");
    }
    if (!g.architecture.isEmpty() && g.architecture != QLatin1String("unknown"))
        form.architecture =
            rules.value(QLatin1String("architectures")).toObject().value(g.architecture).toString();
    form.imageName = imageNameFor(facts, form.osVersion);
    return form;
}

} // namespace cvmi::policy
