#include "CvmService.h"

#include "CvmParams.h"
#include "DiskProbe.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

namespace cvmi::emu {

namespace {

const QString kVersion = QStringLiteral("2017-03-12");
const QString kService = QStringLiteral("cvm");

struct RegionName {
    const char* region;
    const char* name;
};

// DescribeRegions' RegionName, in English (the emulator answers in one language).
constexpr RegionName regionNames[] = {
    {"ap-guangzhou", "South China(Guangzhou)"},
    {"ap-shanghai", "East China(Shanghai)"},
    {"ap-nanjing", "East China(Nanjing)"},
    {"ap-beijing", "North China(Beijing)"},
    {"ap-chengdu", "Southwest China(Chengdu)"},
    {"ap-chongqing", "Southwest China(Chongqing)"},
    {"ap-hongkong", "Hong Kong, Macau and Taiwan (China)(Hong Kong, China)"},
    {"ap-singapore", "Southeast Asia(Singapore)"},
    {"ap-tokyo", "Northeast Asia(Tokyo)"},
    {"na-siliconvalley", "West US(Silicon Valley)"},
    {"eu-frankfurt", "Europe(Frankfurt)"}};

QString regionName(const QString& region)
{
    for (const auto& r : regionNames) {
        if (region == QLatin1String(r.region))
            return QLatin1String(r.name);
    }
    return region;
}

QString newImageId()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id = QStringLiteral("img-");
    for (int i = 0; i < 8; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
    return id;
}

qsizetype characters(const QString& s)
{
    return s.toUcs4().size();
}

QJsonObject recordToJson(const ImageRecord& r)
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

ImageRecord recordFromJson(const QJsonObject& o)
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

} // namespace

CvmService::CvmService(QString stateFile, const SignatureVerifier& verifier, CosService& cos,
                       const AccountStore& accounts)
    : m_stateFile(std::move(stateFile)), m_verifier(verifier), m_cos(cos), m_accounts(accounts)
{
}

bool CvmService::load(QString* error)
{
    // The product's own offline default (resources/import-os/default.json, compiled into
    // cvmi_core): one home for the vendor's published DescribeImportImageOs answer.
    QFile os(QStringLiteral(":/import-os/default.json"));
    if (!os.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("the OS list resource is missing");
        return false;
    }
    m_osList = QJsonDocument::fromJson(os.readAll()).object();
    m_osList.remove(QStringLiteral("_source"));
    m_images.clear();
    QFile file(m_stateFile);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QJsonValue& v : QJsonDocument::fromJson(file.readAll()).array())
            m_images.append(recordFromJson(v.toObject()));
    }
    return true;
}

bool CvmService::save() const
{
    QJsonArray array;
    for (const ImageRecord& r : m_images)
        array.append(recordToJson(r));
    QSaveFile file(m_stateFile);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(array).toJson()) >= 0 &&
           file.commit();
}

QString CvmService::operationFor(const EmuRequest& request) const
{
    return QString::fromUtf8(request.header("x-tc-action"));
}

EmuResponse CvmService::envelope(const EmuRequest&, QJsonObject response) const
{
    response.insert(QStringLiteral("RequestId"),
                    QUuid::createUuid().toString(QUuid::WithoutBraces));
    EmuResponse r;
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("Response"), response}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

EmuResponse CvmService::apiError(const EmuRequest& request, const QString& code,
                                 const QString& message) const
{
    return envelope(request,
                    {{QStringLiteral("Error"), QJsonObject{{QStringLiteral("Code"), code},
                                                           {QStringLiteral("Message"), message}}}});
}

EmuResponse CvmService::faultResponse(const EmuRequest& request, FaultKind kind) const
{
    // API 3.0 reports these inside a 200 like every other error.
    if (kind == FaultKind::SlowDown)
        return apiError(request, QStringLiteral("RequestLimitExceeded"),
                        QStringLiteral("The number of requests exceeds the frequency limit."));
    return apiError(request, QStringLiteral("InternalError"),
                    QStringLiteral("An internal error occurred. Please try again later."));
}

EmuResponse CvmService::handle(const EmuRequest& request)
{
    // API 3.0 takes POST with a JSON body, or GET with the parameters form-encoded in the query
    // (signed with that query and the hash of an empty payload).
    const bool isGet = request.method == "GET";
    if (!isGet && request.method != "POST")
        return apiError(request, QStringLiteral("InvalidParameter"),
                        QStringLiteral("API 3.0 calls are POST with a JSON body or GET with the "
                                       "parameters in the query, not %1.")
                            .arg(QString::fromLatin1(request.method)));
    const QString action = operationFor(request);
    if (action.isEmpty())
        return apiError(request, QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing the X-TC-Action header."));
    const AuthResult auth = m_verifier.verifyTc3(request, kService);
    if (!auth.ok)
        return apiError(request, auth.code, auth.message);
    if (QString::fromUtf8(request.header("x-tc-version")) != kVersion)
        return apiError(
            request, QStringLiteral("InvalidAction"),
            QStringLiteral("The API version `%1` of action `%2` does not exist; CVM "
                           "is %3.")
                .arg(QString::fromUtf8(request.header("x-tc-version")), action, kVersion));
    static const QStringList actions = {
        QStringLiteral("DescribeRegions"), QStringLiteral("DescribeImportImageOs"),
        QStringLiteral("ImportImage"), QStringLiteral("DescribeImages")};
    if (!actions.contains(action))
        return apiError(request, QStringLiteral("InvalidAction"),
                        QStringLiteral("The action `%1` does not exist.").arg(action));

    const EmulatorAccount& account = *auth.account;
    const QString region = QString::fromUtf8(request.header("x-tc-region"));
    const bool regionless = action == QLatin1String("DescribeRegions") ||
                            action == QLatin1String("DescribeImportImageOs");
    if (!regionless && region.isEmpty())
        return apiError(request, QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing the X-TC-Region header."));
    if (!region.isEmpty() && !account.regions.contains(region))
        return apiError(
            request, QStringLiteral("UnsupportedRegion"),
            QStringLiteral("The region `%1` is not supported for this account.").arg(region));

    QJsonObject params;
    const ParamType& schema = *actionParams(action);
    if (isGet) {
        if (const auto problem = paramsFromQuery(request.query, schema, &params))
            return apiError(request, problem->code, problem->message);
    } else if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (!doc.isObject())
            return apiError(request, QStringLiteral("InvalidParameter"),
                            QStringLiteral("The request body is not a JSON object: %1")
                                .arg(parseError.errorString()));
        params = doc.object();
    }
    // ImportImage asks CAM first and looks at its parameters after (see importImage()); a GET's
    // query cannot even be read without knowing the names, so there an unknown one comes first.
    if (action != QLatin1String("ImportImage")) {
        if (const auto problem = findUnknownParameter(params, schema))
            return apiError(request, problem->code, problem->message);
    }

    if (action == QLatin1String("DescribeRegions"))
        return envelope(request, describeRegions(account));
    if (action == QLatin1String("DescribeImportImageOs"))
        return envelope(request, describeImportImageOs());
    QJsonObject out;
    const std::optional<ApiError> failed =
        action == QLatin1String("ImportImage")
            ? importImage(params, account, region, request.nowMs, &out)
            : describeImages(params, account, region, request.nowMs, &out);
    if (failed)
        return apiError(request, failed->code, failed->message);
    return envelope(request, out);
}

QJsonObject CvmService::describeRegions(const EmulatorAccount& account) const
{
    QJsonArray set;
    for (const QString& region : account.regions) {
        set.append(QJsonObject{{QStringLiteral("Region"), region},
                               {QStringLiteral("RegionName"), regionName(region)},
                               {QStringLiteral("RegionState"), QStringLiteral("AVAILABLE")}});
    }
    return {{QStringLiteral("TotalCount"), set.size()}, {QStringLiteral("RegionSet"), set}};
}

QJsonObject CvmService::describeImportImageOs() const
{
    return m_osList;
}

std::optional<CvmService::ApiError> CvmService::importImage(const QJsonObject& params,
                                                            const EmulatorAccount& account,
                                                            const QString& region, qint64 nowMs,
                                                            QJsonObject* out)
{
    // CAM is asked before the parameters are looked at, as on the real service.
    if (!account.mayImport)
        return ApiError{QStringLiteral("UnauthorizedOperation.PermissionDenied"),
                        QStringLiteral("You are not authorized to perform operation "
                                       "(cvm:ImportImage) on resource "
                                       "(qcs::cvm:%1:uin/%2:image/*): the CAM policy does not "
                                       "grant it.")
                            .arg(region, account.appId)};
    if (const auto problem =
            findUnknownParameter(params, *actionParams(QStringLiteral("ImportImage"))))
        return ApiError{problem->code, problem->message};
    for (const char* name : {"Architecture", "OsType", "OsVersion", "ImageUrl", "ImageName"}) {
        if (!params.contains(QLatin1String(name)))
            return ApiError{QStringLiteral("MissingParameter"),
                            QStringLiteral("The request is missing a required parameter `%1`.")
                                .arg(QLatin1String(name))};
    }
    for (const char* name : {"Architecture", "OsType", "OsVersion", "ImageUrl", "ImageName",
                             "ImageDescription", "LicenseType", "BootMode", "ImageFamily"}) {
        if (params.contains(QLatin1String(name)) && !params.value(QLatin1String(name)).isString())
            return ApiError{
                QStringLiteral("InvalidParameter"),
                QStringLiteral("The parameter `%1` should be a String.").arg(QLatin1String(name))};
    }
    for (const char* name : {"DryRun", "Force"}) {
        if (params.contains(QLatin1String(name)) && !params.value(QLatin1String(name)).isBool())
            return ApiError{
                QStringLiteral("InvalidParameter"),
                QStringLiteral("The parameter `%1` should be a Boolean.").arg(QLatin1String(name))};
    }
    auto str = [&params](const char* name) {
        return params.value(QLatin1String(name)).toString();
    };
    const QString name = str("ImageName");
    const QString description = str("ImageDescription");
    if (name.trimmed().isEmpty())
        return ApiError{QStringLiteral("InvalidParameterValue"),
                        QStringLiteral("ImageName must not be empty.")};
    if (characters(name) > maxImageName)
        return ApiError{QStringLiteral("InvalidParameterValue.TooLarge"),
                        QStringLiteral("ImageName has %1 characters; at most %2 are allowed.")
                            .arg(characters(name))
                            .arg(maxImageName)};
    if (characters(description) > maxImageDescription)
        return ApiError{QStringLiteral("InvalidParameterValue.TooLarge"),
                        QStringLiteral("ImageDescription has %1 characters; at most %2 are "
                                       "allowed.")
                            .arg(characters(description))
                            .arg(maxImageDescription)};

    const QString osType = str("OsType");
    const QString osVersion = str("OsVersion");
    const QString architecture = str("Architecture");
    const QJsonObject supported =
        m_osList.value(QStringLiteral("ImportImageOsListSupported")).toObject();
    const bool knownOs =
        supported.value(QStringLiteral("Linux")).toArray().contains(QJsonValue(osType)) ||
        supported.value(QStringLiteral("Windows")).toArray().contains(QJsonValue(osType));
    if (!knownOs)
        return ApiError{QStringLiteral("InvalidImageOsType.Unsupported"),
                        QStringLiteral("The OsType `%1` is not supported for import; see "
                                       "DescribeImportImageOs.")
                            .arg(osType)};
    QJsonObject versions;
    for (const QJsonValue& v :
         m_osList.value(QStringLiteral("ImportImageOsVersionSet")).toArray()) {
        if (v.toObject().value(QStringLiteral("OsName")).toString() == osType)
            versions = v.toObject();
    }
    if (!versions.value(QStringLiteral("OsVersions")).toArray().contains(QJsonValue(osVersion)))
        return ApiError{QStringLiteral("InvalidImageOsVersion.Unsupported"),
                        QStringLiteral("The OsVersion `%1` of `%2` is not supported for import; "
                                       "see DescribeImportImageOs.")
                            .arg(osVersion, osType)};
    static const QStringList architectures = {QStringLiteral("x86_64"), QStringLiteral("i386"),
                                              QStringLiteral("arm_64")};
    if (!architectures.contains(architecture) || !versions.value(QStringLiteral("Architecture"))
                                                      .toArray()
                                                      .contains(QJsonValue(architecture)))
        return ApiError{QStringLiteral("InvalidParameterValue"),
                        QStringLiteral("The Architecture `%1` is not supported for %2 (x86_64, "
                                       "i386 or arm_64, as DescribeImportImageOs lists).")
                            .arg(architecture, osType)};
    const QString bootMode = params.contains(QStringLiteral("BootMode"))
                                 ? str("BootMode")
                                 : QStringLiteral("Legacy BIOS");
    if (bootMode != QLatin1String("Legacy BIOS") && bootMode != QLatin1String("UEFI"))
        return ApiError{
            QStringLiteral("InvalidParameterValue.InvalidBootMode"),
            QStringLiteral("BootMode must be `Legacy BIOS` or `UEFI`, not `%1`.").arg(bootMode)};
    const QString licenseType = params.contains(QStringLiteral("LicenseType"))
                                    ? str("LicenseType")
                                    : QStringLiteral("TencentCloud");
    if (licenseType != QLatin1String("TencentCloud") && licenseType != QLatin1String("BYOL"))
        return ApiError{QStringLiteral("InvalidParameterValue.InvalidLicenseType"),
                        QStringLiteral("LicenseType must be `TencentCloud` or `BYOL`, not `%1`.")
                            .arg(licenseType)};
    const QString family = str("ImageFamily");
    static const QRegularExpression familyPattern(QStringLiteral("^[A-Za-z0-9_-]{1,60}$"));
    if (params.contains(QStringLiteral("ImageFamily")) && !familyPattern.match(family).hasMatch())
        return ApiError{QStringLiteral("InvalidParameterValue.InvalidImageFamily"),
                        QStringLiteral("ImageFamily must be 1 to 60 letters, digits, '-' or '_'.")};

    QJsonArray tags;
    for (const QJsonValue& spec : params.value(QStringLiteral("TagSpecification")).toArray()) {
        for (const QJsonValue& tag : spec.toObject().value(QStringLiteral("Tags")).toArray()) {
            if (tag.toObject().value(QStringLiteral("Key")).toString().isEmpty())
                return ApiError{QStringLiteral("InvalidParameter"),
                                QStringLiteral("Every tag in TagSpecification needs a Key.")};
            tags.append(tag);
        }
    }

    const QString url = str("ImageUrl");
    QStringList urls{url};
    for (const QJsonValue& disk : params.value(QStringLiteral("ImportImageDataDiskList")).toArray())
        urls.append(disk.toObject().value(QStringLiteral("ImageUrl")).toString());
    for (const QString& u : urls) {
        if (!m_cos.resolveImportUrl(u, account, nowMs / 1000).validUrl)
            return ApiError{QStringLiteral("InvalidParameter.InvalidParameterUrlError"),
                            QStringLiteral("The ImageUrl `%1` is not the URL of an object in an "
                                           "existing COS bucket "
                                           "(https://<bucket>-<appid>.cos.<region>.myqcloud.com/"
                                           "<key>).")
                                .arg(u)};
    }
    for (const ImageRecord& image : m_images) {
        if (image.appId == account.appId && image.region == region && image.name == name)
            return ApiError{QStringLiteral("InvalidImageName.Duplicate"),
                            QStringLiteral("An image named `%1` already exists.").arg(name)};
    }
    if (params.value(QStringLiteral("DryRun")).toBool())
        return ApiError{QStringLiteral("DryRunOperation"),
                        QStringLiteral("Request would have succeeded, but DryRun flag is set.")};

    ImageRecord image;
    image.imageId = newImageId();
    image.appId = account.appId;
    image.region = region;
    image.name = name;
    image.description = description;
    image.osType = osType;
    image.osVersion = osVersion;
    image.architecture = architecture;
    image.bootMode = bootMode;
    image.licenseType = licenseType;
    image.imageFamily = family;
    image.imageUrl = url;
    image.tags = tags;
    image.state = QStringLiteral("IMPORTING");
    image.createdMs = nowMs;
    image.readyAtMs = image.createdMs + m_importDelayMs;
    m_images.append(image);
    save();
    if (!m_omitImportImageId)
        out->insert(QStringLiteral("ImageId"), image.imageId);
    return std::nullopt;
}

void CvmService::settle(ImageRecord& image, qint64 nowMs)
{
    if (image.state != QLatin1String("IMPORTING") || nowMs < image.readyAtMs)
        return;
    EmulatorAccount caller;
    caller.appId = image.appId;
    // The service reads the object when the import starts, so a pre-signed URL only has to be
    // valid then.
    const ImportSource source =
        m_cos.resolveImportUrl(image.imageUrl, caller, image.createdMs / 1000);
    DiskProbe probe;
    if (!source.validUrl) {
        image.failReason = QStringLiteral("the bucket no longer exists");
    } else if (!source.readable) {
        image.failReason = source.reason;
    } else {
        const QString file = m_cos.objectFilePath(source.bucket, source.key);
        probe = file.isEmpty() ? DiskProbe{} : probeDiskImage(file);
        if (file.isEmpty())
            image.failReason = QStringLiteral("NoSuchKey: the object does not exist");
        else if (!probe.isDiskImage)
            image.failReason = QStringLiteral("the object is not a qcow2, VMDK, VHD or raw disk");
    }
    if (image.failReason.isEmpty()) {
        image.state = QStringLiteral("NORMAL");
        const qint64 gib = qint64(1) << 30;
        image.sizeGiB = qMax<qint64>(1, (probe.virtualSize + gib - 1) / gib);
    } else {
        image.state = QStringLiteral("IMPORTFAILED");
    }
    save();
}

QJsonObject CvmService::imageJson(const ImageRecord& image) const
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

std::optional<CvmService::ApiError> CvmService::describeImages(const QJsonObject& params,
                                                               const EmulatorAccount& account,
                                                               const QString& region, qint64 nowMs,
                                                               QJsonObject* out)
{
    if (params.contains(QStringLiteral("ImageIds")) && params.contains(QStringLiteral("Filters")))
        return ApiError{QStringLiteral("InvalidParameter.InvalidParameterCoexistImageIdsFilters"),
                        QStringLiteral("ImageIds and Filters cannot be given together.")};
    static const QRegularExpression idPattern(QStringLiteral("^img-[a-z0-9]{8}$"));
    const QJsonArray ids = params.value(QStringLiteral("ImageIds")).toArray();
    for (const QJsonValue& id : ids) {
        if (!idPattern.match(id.toString()).hasMatch())
            return ApiError{QStringLiteral("InvalidImageId.Malformed"),
                            QStringLiteral("The image id `%1` is malformed.").arg(id.toString())};
    }
    const QJsonArray filters = params.value(QStringLiteral("Filters")).toArray();
    if (filters.size() > 10)
        return ApiError{QStringLiteral("InvalidParameterValue.LimitExceeded"),
                        QStringLiteral("At most 10 filters are allowed.")};
    static const QStringList filterNames = {
        QStringLiteral("image-id"), QStringLiteral("image-name"), QStringLiteral("image-type"),
        QStringLiteral("platform"), QStringLiteral("tag-key"),    QStringLiteral("tag-value")};
    for (const QJsonValue& f : filters) {
        const QString name = f.toObject().value(QStringLiteral("Name")).toString();
        if (!filterNames.contains(name) && !name.startsWith(QLatin1String("tag:")))
            return ApiError{QStringLiteral("InvalidFilter"),
                            QStringLiteral("The filter `%1` is not supported.").arg(name)};
        if (f.toObject().value(QStringLiteral("Values")).toArray().size() > 5)
            return ApiError{QStringLiteral("InvalidParameterValue.LimitExceeded"),
                            QStringLiteral("A filter takes at most 5 values.")};
    }
    const int offset = params.value(QStringLiteral("Offset")).toInt(0);
    const int limit = params.value(QStringLiteral("Limit")).toInt(20);
    if (offset < 0 || limit < 0 || limit > 100)
        return ApiError{QStringLiteral("InvalidParameterValue"),
                        QStringLiteral("Offset must be >= 0 and Limit between 0 and 100.")};

    auto tagMatches = [](const ImageRecord& image, const QString& key, const QString& value,
                         bool byKey, bool byValue) {
        for (const QJsonValue& t : image.tags) {
            const QJsonObject o = t.toObject();
            if ((!byKey || o.value(QStringLiteral("Key")).toString() == key) &&
                (!byValue || o.value(QStringLiteral("Value")).toString() == value))
                return true;
        }
        return false;
    };
    QJsonArray matching;
    for (ImageRecord& image : m_images) {
        if (image.appId != account.appId || image.region != region)
            continue;
        if (!ids.isEmpty() && !ids.contains(QJsonValue(image.imageId)))
            continue;
        if (nowMs < image.createdMs + m_imageListingDelayMs)
            continue;
        bool keep = true;
        for (const QJsonValue& f : filters) {
            const QString name = f.toObject().value(QStringLiteral("Name")).toString();
            bool any = false;
            for (const QJsonValue& v : f.toObject().value(QStringLiteral("Values")).toArray()) {
                const QString value = v.toString();
                if (name == QLatin1String("image-id"))
                    any = any || image.imageId == value;
                else if (name == QLatin1String("image-name"))
                    any = any || image.name.contains(value); // fuzzy, as documented
                else if (name == QLatin1String("image-type"))
                    any = any || value == QLatin1String("PRIVATE_IMAGE");
                else if (name == QLatin1String("platform"))
                    any = any || image.osType == value;
                else if (name == QLatin1String("tag-key"))
                    any = any || tagMatches(image, value, {}, true, false);
                else if (name == QLatin1String("tag-value"))
                    any = any || tagMatches(image, {}, value, false, true);
                else
                    any = any || tagMatches(image, name.mid(4), value, true, true);
            }
            keep = keep && any;
        }
        if (!keep)
            continue;
        settle(image, nowMs);
        matching.append(imageJson(image));
    }
    QJsonArray page;
    for (int i = offset; i < matching.size() && page.size() < limit; ++i)
        page.append(matching.at(i));
    out->insert(QStringLiteral("ImageSet"), page);
    out->insert(QStringLiteral("TotalCount"), matching.size());
    return std::nullopt;
}

} // namespace cvmi::emu
