#pragma once

// The import form: every ImportImage parameter as the user fills it in, offline. It converts to
// the request CvmClient sends (cloud::ImportImageRequest) and back; validation lives in
// FormValidation.h, drafts in Draft.h.
#include "cloud/CvmClient.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

namespace cvmi::importform {

// Field ids: the ImportImage parameter names, so a problem, a draft key and the API agree.
namespace field {
inline constexpr QLatin1String architecture("Architecture");
inline constexpr QLatin1String osType("OsType");
inline constexpr QLatin1String osVersion("OsVersion");
inline constexpr QLatin1String imageUrl("ImageUrl");
inline constexpr QLatin1String imageName("ImageName");
inline constexpr QLatin1String imageDescription("ImageDescription");
inline constexpr QLatin1String tags("TagSpecification");
inline constexpr QLatin1String licenseType("LicenseType");
inline constexpr QLatin1String bootMode("BootMode");
inline constexpr QLatin1String imageFamily("ImageFamily");
inline constexpr QLatin1String dataDisks("ImportImageDataDiskList");
} // namespace field

// The API's values (ImportImage request model; ../shared/spec/tencentcloud-api.md §1).
QStringList architectures(); // x86_64, i386, arm_64
QStringList licenseTypes();  // TencentCloud, BYOL
QStringList bootModes();     // "Legacy BIOS", UEFI
inline QString defaultLicenseType()
{
    return QStringLiteral("TencentCloud");
}
inline QString defaultBootMode()
{
    return QStringLiteral("Legacy BIOS");
}

class OsCatalogue;

// One thing wrong with one field, in words the user can act on: the limit and what to do.
struct FieldProblem {
    enum class Severity { Error, Warning }; // an Error blocks the import, a Warning informs

    QString field;  // a field id above
    int index = -1; // the tag or data disk concerned, -1 for the field as a whole
    QString code;   // stable, for scripts and tests: "image_name.too_long"
    // What is wrong and what to do, without the field's name, to be shown after it ("ImageName:
    // 61 characters, at most 60; shorten it by 1.").
    QString message;
    Severity severity = Severity::Error;

    bool isError() const { return severity == Severity::Error; }
};

bool hasErrors(const QList<FieldProblem>& problems);

struct ImportForm {
    QString architecture;
    QString osType;
    QString osVersion;
    QString imageUrl;
    QString imageName;
    QString imageDescription;
    bool dryRun = false;
    bool force = false;
    QList<cloud::CvmTag> tags; // one TagSpecification of ResourceType "image"
    QString licenseType = defaultLicenseType();
    QString bootMode = defaultBootMode();
    QString imageFamily;
    QStringList dataDiskUrls; // ImportImageDataDiskList[].ImageUrl

    // The request exactly as the form holds it (LicenseType and BootMode are always sent, so
    // the user's choice is explicit even where it equals the service's default).
    cloud::ImportImageRequest toRequest() const;
    static ImportForm fromRequest(const cloud::ImportImageRequest& request);

    // Every problem of every field (FormValidation.cpp). OsType, OsVersion and Architecture are
    // checked against `catalogue`; the bucket's region against `region` when it is not empty.
    QList<FieldProblem> validate(const OsCatalogue& catalogue, const QString& region = {}) const;

    bool operator==(const ImportForm& other) const;
};

} // namespace cvmi::importform
