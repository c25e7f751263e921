#include "ImageRecord.h"

#include <QDateTime>

namespace cvmi::emu {

QJsonObject stateJson(const ImageRecord& r)
{
    return {{QStringLiteral("imageId"), r.imageId},
            {QStringLiteral("appId"), r.appId},
            {QStringLiteral("region"), r.region},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("description"), r.description},
            {QStringLiteral("osType"), r.osType},
            {QStringLiteral("osVersion"), r.osVersion},
            {QStringLiteral("architecture"), r.architecture},
            {QStringLiteral("bootMode"), r.bootMode},
            {QStringLiteral("licenseType"), r.licenseType},
            {QStringLiteral("imageFamily"), r.imageFamily},
            {QStringLiteral("imageUrl"), r.imageUrl},
            {QStringLiteral("tags"), r.tags},
            {QStringLiteral("state"), r.state},
            {QStringLiteral("created"), r.createdMs},
            {QStringLiteral("readyAt"), r.readyAtMs},
            {QStringLiteral("sizeGiB"), r.sizeGiB},
            {QStringLiteral("failReason"), r.failReason}};
}

ImageRecord imageFromStateJson(const QJsonObject& o)
{
    ImageRecord r;
    auto s = [&o](const char* name) {
        return o.value(QLatin1String(name)).toString();
    };
    r.imageId = s("imageId");
    r.appId = s("appId");
    r.region = s("region");
    r.name = s("name");
    r.description = s("description");
    r.osType = s("osType");
    r.osVersion = s("osVersion");
    r.architecture = s("architecture");
    r.bootMode = s("bootMode");
    r.licenseType = s("licenseType");
    r.imageFamily = s("imageFamily");
    r.imageUrl = s("imageUrl");
    r.tags = o.value(QStringLiteral("tags")).toArray();
    r.state = s("state");
    r.createdMs = o.value(QStringLiteral("created")).toInteger();
    r.readyAtMs = o.value(QStringLiteral("readyAt")).toInteger();
    r.sizeGiB = o.value(QStringLiteral("sizeGiB")).toInteger();
    r.failReason = s("failReason");
    return r;
}

QJsonObject describedImage(const ImageRecord& image)
{
    const bool windows = image.osType.startsWith(QLatin1String("Windows"));
    const QString bits = image.architecture == QLatin1String("i386") ? QStringLiteral("32bit")
                                                                     : QStringLiteral("64bit");
    const QString osName = windows ? QString(image.osType + u' ' + bits)
                                   : QString(image.osType + u' ' + image.osVersion + u' ' + bits);
    QJsonArray tags;
    for (const QJsonValue& t : image.tags)
        tags.append(
            QJsonObject{{QStringLiteral("Key"), t.toObject().value(QStringLiteral("Key"))},
                        {QStringLiteral("Value"), t.toObject().value(QStringLiteral("Value"))}});
    return {
        {QStringLiteral("ImageId"), image.imageId},
        {QStringLiteral("OsName"), osName},
        {QStringLiteral("ImageType"), QStringLiteral("PRIVATE_IMAGE")},
        {QStringLiteral("CreatedTime"), QDateTime::fromMSecsSinceEpoch(image.createdMs, Qt::UTC)
                                            .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"))},
        {QStringLiteral("ImageName"), image.name},
        {QStringLiteral("ImageDescription"), image.description},
        {QStringLiteral("ImageSize"), image.sizeGiB},
        // DescribeImages says "arm" where ImportImage took "arm_64".
        {QStringLiteral("Architecture"), image.architecture == QLatin1String("arm_64")
                                             ? QStringLiteral("arm")
                                             : image.architecture},
        {QStringLiteral("ImageState"), image.state},
        {QStringLiteral("Platform"), image.osType},
        {QStringLiteral("ImageCreator"), image.appId},
        {QStringLiteral("ImageSource"), QStringLiteral("EXTERNAL_IMPORT")},
        {QStringLiteral("SyncPercent"), QJsonValue::Null},
        {QStringLiteral("IsSupportCloudinit"), false},
        {QStringLiteral("SnapshotSet"), QJsonArray()},
        {QStringLiteral("Tags"), tags},
        {QStringLiteral("LicenseType"), image.licenseType},
        {QStringLiteral("ImageFamily"), image.imageFamily},
        {QStringLiteral("ImageDeprecated"), false},
        {QStringLiteral("CdcCacheStatus"), QString()}};
}

} // namespace cvmi::emu
