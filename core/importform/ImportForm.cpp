#include "importform/ImportForm.h"

namespace cvmi::importform {

QStringList architectures()
{
    return {QStringLiteral("x86_64"), QStringLiteral("i386"), QStringLiteral("arm_64")};
}

QStringList licenseTypes()
{
    return {QStringLiteral("TencentCloud"), QStringLiteral("BYOL")};
}

QStringList bootModes()
{
    return {QStringLiteral("Legacy BIOS"), QStringLiteral("UEFI")};
}

cloud::ImportImageRequest ImportForm::toRequest() const
{
    cloud::ImportImageRequest r;
    r.architecture = architecture;
    r.osType = osType;
    r.osVersion = osVersion;
    r.imageUrl = imageUrl;
    r.imageName = imageName;
    r.imageDescription = imageDescription;
    r.dryRun = dryRun;
    r.force = force;
    r.tags = tags;
    r.licenseType = licenseType;
    r.bootMode = bootMode;
    r.imageFamily = imageFamily;
    r.dataDiskUrls = dataDiskUrls;
    return r;
}

ImportForm ImportForm::fromRequest(const cloud::ImportImageRequest& r)
{
    ImportForm form;
    form.architecture = r.architecture;
    form.osType = r.osType;
    form.osVersion = r.osVersion;
    form.imageUrl = r.imageUrl;
    form.imageName = r.imageName;
    form.imageDescription = r.imageDescription;
    form.dryRun = r.dryRun;
    form.force = r.force;
    form.tags = r.tags;
    // The request leaves these empty when the service's default applies; the form says it.
    form.licenseType = r.licenseType.isEmpty() ? defaultLicenseType() : r.licenseType;
    form.bootMode = r.bootMode.isEmpty() ? defaultBootMode() : r.bootMode;
    form.imageFamily = r.imageFamily;
    form.dataDiskUrls = r.dataDiskUrls;
    return form;
}

bool ImportForm::operator==(const ImportForm& o) const
{
    if (tags.size() != o.tags.size())
        return false;
    for (qsizetype i = 0; i < tags.size(); ++i) {
        if (tags[i].key != o.tags[i].key || tags[i].value != o.tags[i].value)
            return false;
    }
    return architecture == o.architecture && osType == o.osType && osVersion == o.osVersion &&
           imageUrl == o.imageUrl && imageName == o.imageName &&
           imageDescription == o.imageDescription && dryRun == o.dryRun && force == o.force &&
           licenseType == o.licenseType && bootMode == o.bootMode && imageFamily == o.imageFamily &&
           dataDiskUrls == o.dataDiskUrls;
}

} // namespace cvmi::importform
