#include "ImportRequest.h"

#include <QRegularExpression>

namespace cvmi::emu {

namespace {

qsizetype characters(const QString& s)
{
    return s.toUcs4().size();
}

std::optional<ParamProblem> checkPresenceAndTypes(const QJsonObject& params)
{
    for (const char* name : {"Architecture", "OsType", "OsVersion", "ImageUrl", "ImageName"}) {
        if (!params.contains(QLatin1String(name)))
            return ParamProblem{QStringLiteral("MissingParameter"),
                                QStringLiteral("The request is missing a required parameter `%1`.")
                                    .arg(QLatin1String(name))};
    }
    for (const char* name : {"Architecture", "OsType", "OsVersion", "ImageUrl", "ImageName",
                             "ImageDescription", "LicenseType", "BootMode", "ImageFamily"}) {
        if (params.contains(QLatin1String(name)) && !params.value(QLatin1String(name)).isString())
            return ParamProblem{
                QStringLiteral("InvalidParameter"),
                QStringLiteral("The parameter `%1` should be a String.").arg(QLatin1String(name))};
    }
    for (const char* name : {"DryRun", "Force"}) {
        if (params.contains(QLatin1String(name)) && !params.value(QLatin1String(name)).isBool())
            return ParamProblem{
                QStringLiteral("InvalidParameter"),
                QStringLiteral("The parameter `%1` should be a Boolean.").arg(QLatin1String(name))};
    }
    return std::nullopt;
}

std::optional<ParamProblem> checkNameAndDescription(const QString& name, const QString& description)
{
    if (name.trimmed().isEmpty())
        return ParamProblem{QStringLiteral("InvalidParameterValue"),
                            QStringLiteral("ImageName must not be empty.")};
    if (characters(name) > ImportRequest::maxName)
        return ParamProblem{QStringLiteral("InvalidParameterValue.TooLarge"),
                            QStringLiteral("ImageName has %1 characters; at most %2 are allowed.")
                                .arg(characters(name))
                                .arg(ImportRequest::maxName)};
    if (characters(description) > ImportRequest::maxDescription)
        return ParamProblem{QStringLiteral("InvalidParameterValue.TooLarge"),
                            QStringLiteral("ImageDescription has %1 characters; at most %2 are "
                                           "allowed.")
                                .arg(characters(description))
                                .arg(ImportRequest::maxDescription)};
    return std::nullopt;
}

// OsType, then OsVersion, then Architecture, each against DescribeImportImageOs' answer.
std::optional<ParamProblem> checkOs(const ImportRequest& r, const QJsonObject& osList)
{
    const QJsonObject supported =
        osList.value(QStringLiteral("ImportImageOsListSupported")).toObject();
    const bool knownOs =
        supported.value(QStringLiteral("Linux")).toArray().contains(QJsonValue(r.osType)) ||
        supported.value(QStringLiteral("Windows")).toArray().contains(QJsonValue(r.osType));
    if (!knownOs)
        return ParamProblem{QStringLiteral("InvalidImageOsType.Unsupported"),
                            QStringLiteral("The OsType `%1` is not supported for import; see "
                                           "DescribeImportImageOs.")
                                .arg(r.osType)};
    QJsonObject versions;
    for (const QJsonValue& v : osList.value(QStringLiteral("ImportImageOsVersionSet")).toArray()) {
        if (v.toObject().value(QStringLiteral("OsName")).toString() == r.osType)
            versions = v.toObject();
    }
    if (!versions.value(QStringLiteral("OsVersions")).toArray().contains(QJsonValue(r.osVersion)))
        return ParamProblem{QStringLiteral("InvalidImageOsVersion.Unsupported"),
                            QStringLiteral("The OsVersion `%1` of `%2` is not supported for "
                                           "import; see DescribeImportImageOs.")
                                .arg(r.osVersion, r.osType)};
    static const QStringList architectures = {QStringLiteral("x86_64"), QStringLiteral("i386"),
                                              QStringLiteral("arm_64")};
    if (!architectures.contains(r.architecture) || !versions.value(QStringLiteral("Architecture"))
                                                        .toArray()
                                                        .contains(QJsonValue(r.architecture)))
        return ParamProblem{QStringLiteral("InvalidParameterValue"),
                            QStringLiteral("The Architecture `%1` is not supported for %2 "
                                           "(x86_64, i386 or arm_64, as DescribeImportImageOs "
                                           "lists).")
                                .arg(r.architecture, r.osType)};
    return std::nullopt;
}

// BootMode, LicenseType and ImageFamily: the values the API documents.
std::optional<ParamProblem> checkOptions(const ImportRequest& r, bool familyGiven)
{
    if (r.bootMode != QLatin1String("Legacy BIOS") && r.bootMode != QLatin1String("UEFI"))
        return ParamProblem{
            QStringLiteral("InvalidParameterValue.InvalidBootMode"),
            QStringLiteral("BootMode must be `Legacy BIOS` or `UEFI`, not `%1`.").arg(r.bootMode)};
    if (r.licenseType != QLatin1String("TencentCloud") && r.licenseType != QLatin1String("BYOL"))
        return ParamProblem{
            QStringLiteral("InvalidParameterValue.InvalidLicenseType"),
            QStringLiteral("LicenseType must be `TencentCloud` or `BYOL`, not `%1`.")
                .arg(r.licenseType)};
    static const QRegularExpression familyPattern(QStringLiteral("^[A-Za-z0-9_-]{1,60}$"));
    if (familyGiven && !familyPattern.match(r.family).hasMatch())
        return ParamProblem{
            QStringLiteral("InvalidParameterValue.InvalidImageFamily"),
            QStringLiteral("ImageFamily must be 1 to 60 letters, digits, '-' or '_'.")};
    return std::nullopt;
}

std::optional<ParamProblem> readTags(const QJsonObject& params, QJsonArray* tags)
{
    for (const QJsonValue& spec : params.value(QStringLiteral("TagSpecification")).toArray()) {
        for (const QJsonValue& tag : spec.toObject().value(QStringLiteral("Tags")).toArray()) {
            if (tag.toObject().value(QStringLiteral("Key")).toString().isEmpty())
                return ParamProblem{QStringLiteral("InvalidParameter"),
                                    QStringLiteral("Every tag in TagSpecification needs a Key.")};
            tags->append(tag);
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<ParamProblem> readImportRequest(const QJsonObject& params, const QJsonObject& osList,
                                              ImportRequest* out)
{
    if (const auto problem = checkPresenceAndTypes(params))
        return problem;
    auto str = [&params](const char* name) {
        return params.value(QLatin1String(name)).toString();
    };
    ImportRequest& r = *out;
    r.name = str("ImageName");
    r.description = str("ImageDescription");
    if (const auto problem = checkNameAndDescription(r.name, r.description))
        return problem;
    r.osType = str("OsType");
    r.osVersion = str("OsVersion");
    r.architecture = str("Architecture");
    if (const auto problem = checkOs(r, osList))
        return problem;
    r.bootMode = params.contains(QStringLiteral("BootMode")) ? str("BootMode")
                                                             : QStringLiteral("Legacy BIOS");
    r.licenseType = params.contains(QStringLiteral("LicenseType")) ? str("LicenseType")
                                                                   : QStringLiteral("TencentCloud");
    r.family = str("ImageFamily");
    if (const auto problem = checkOptions(r, params.contains(QStringLiteral("ImageFamily"))))
        return problem;
    if (const auto problem = readTags(params, &r.tags))
        return problem;
    r.url = str("ImageUrl");
    r.urls = QStringList{r.url};
    for (const QJsonValue& disk : params.value(QStringLiteral("ImportImageDataDiskList")).toArray())
        r.urls.append(disk.toObject().value(QStringLiteral("ImageUrl")).toString());
    r.dryRun = params.value(QStringLiteral("DryRun")).toBool();
    return std::nullopt;
}

} // namespace cvmi::emu
