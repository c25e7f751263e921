#include "CvmService.h"

#include "CvmParams.h"
#include "DiskProbe.h"
#include "ImageQuery.h"
#include "ImportRequest.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
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
            m_images.append(imageFromStateJson(v.toObject()));
    }
    return true;
}

bool CvmService::save() const
{
    QJsonArray array;
    for (const ImageRecord& r : m_images)
        array.append(stateJson(r));
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
    if (request.method != "GET" && request.method != "POST")
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
    const EmulatorAccount& account = *auth.account;
    if (const auto refused = actionRefusal(request, action, account))
        return apiError(request, refused->code, refused->message);
    QJsonObject params;
    if (const auto problem = readParams(request, action, &params))
        return apiError(request, problem->code, problem->message);

    const QString region = QString::fromUtf8(request.header("x-tc-region"));
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

std::optional<CvmService::ApiError> CvmService::actionRefusal(const EmuRequest& request,
                                                              const QString& action,
                                                              const EmulatorAccount& account) const
{
    if (QString::fromUtf8(request.header("x-tc-version")) != kVersion)
        return ApiError{
            QStringLiteral("InvalidAction"),
            QStringLiteral("The API version `%1` of action `%2` does not exist; CVM is %3.")
                .arg(QString::fromUtf8(request.header("x-tc-version")), action, kVersion)};
    static const QStringList actions = {
        QStringLiteral("DescribeRegions"), QStringLiteral("DescribeImportImageOs"),
        QStringLiteral("ImportImage"), QStringLiteral("DescribeImages")};
    if (!actions.contains(action))
        return ApiError{QStringLiteral("InvalidAction"),
                        QStringLiteral("The action `%1` does not exist.").arg(action)};
    const QString region = QString::fromUtf8(request.header("x-tc-region"));
    const bool regionless = action == QLatin1String("DescribeRegions") ||
                            action == QLatin1String("DescribeImportImageOs");
    if (!regionless && region.isEmpty())
        return ApiError{QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing the X-TC-Region header.")};
    if (!region.isEmpty() && !account.regions.contains(region))
        return ApiError{
            QStringLiteral("UnsupportedRegion"),
            QStringLiteral("The region `%1` is not supported for this account.").arg(region)};
    return std::nullopt;
}

std::optional<CvmService::ApiError>
CvmService::readParams(const EmuRequest& request, const QString& action, QJsonObject* params) const
{
    const ParamType& schema = *actionParams(action);
    if (request.method == "GET") {
        if (const auto problem = paramsFromQuery(request.query, schema, params))
            return problem;
    } else if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (!doc.isObject())
            return ApiError{QStringLiteral("InvalidParameter"),
                            QStringLiteral("The request body is not a JSON object: %1")
                                .arg(parseError.errorString())};
        *params = doc.object();
    }
    // ImportImage asks CAM first and looks at its parameters after (see importImage()); a GET's
    // query cannot even be read without knowing the names, so there an unknown one comes first.
    if (action != QLatin1String("ImportImage"))
        return findUnknownParameter(*params, schema);
    return std::nullopt;
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
        return problem;
    ImportRequest request;
    if (const auto problem = readImportRequest(params, m_osList, &request))
        return problem;
    if (const auto problem = importRefusal(request, account, region, nowMs))
        return problem;
    const ImageRecord image = addImage(request, account, region, nowMs);
    if (!m_omitImportImageId)
        out->insert(QStringLiteral("ImageId"), image.imageId);
    return std::nullopt;
}

std::optional<CvmService::ApiError> CvmService::importRefusal(const ImportRequest& request,
                                                              const EmulatorAccount& account,
                                                              const QString& region,
                                                              qint64 nowMs) const
{
    for (const QString& u : request.urls) {
        if (!m_cos.resolveImportUrl(u, account, nowMs / 1000).validUrl)
            return ApiError{QStringLiteral("InvalidParameter.InvalidParameterUrlError"),
                            QStringLiteral("The ImageUrl `%1` is not the URL of an object in an "
                                           "existing COS bucket "
                                           "(https://<bucket>-<appid>.cos.<region>.myqcloud.com/"
                                           "<key>).")
                                .arg(u)};
    }
    for (const ImageRecord& image : m_images) {
        if (image.appId == account.appId && image.region == region && image.name == request.name)
            return ApiError{
                QStringLiteral("InvalidImageName.Duplicate"),
                QStringLiteral("An image named `%1` already exists.").arg(request.name)};
    }
    // DryRun answers with an error even when everything would succeed, as API 3.0 does.
    if (request.dryRun)
        return ApiError{QStringLiteral("DryRunOperation"),
                        QStringLiteral("Request would have succeeded, but DryRun flag is set.")};
    return std::nullopt;
}

ImageRecord CvmService::addImage(const ImportRequest& request, const EmulatorAccount& account,
                                 const QString& region, qint64 nowMs)
{
    ImageRecord image;
    image.imageId = newImageId();
    image.appId = account.appId;
    image.region = region;
    image.name = request.name;
    image.description = request.description;
    image.osType = request.osType;
    image.osVersion = request.osVersion;
    image.architecture = request.architecture;
    image.bootMode = request.bootMode;
    image.licenseType = request.licenseType;
    image.imageFamily = request.family;
    image.imageUrl = request.url;
    image.tags = request.tags;
    image.state = QStringLiteral("IMPORTING");
    image.createdMs = nowMs;
    image.readyAtMs = image.createdMs + m_importDelayMs;
    m_images.append(image);
    save();
    return image;
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

std::optional<CvmService::ApiError> CvmService::describeImages(const QJsonObject& params,
                                                               const EmulatorAccount& account,
                                                               const QString& region, qint64 nowMs,
                                                               QJsonObject* out)
{
    ImageQuery query;
    if (const auto problem = readImageQuery(params, &query))
        return problem;
    QJsonArray matching;
    for (ImageRecord& image : m_images) {
        if (image.appId != account.appId || image.region != region)
            continue;
        if (!query.ids.isEmpty() && !query.ids.contains(QJsonValue(image.imageId)))
            continue;
        if (nowMs < image.createdMs + m_imageListingDelayMs)
            continue;
        if (!passesFilters(image, query.filters))
            continue;
        // Only what is listed settles: the timeline is judged when the image is looked at.
        settle(image, nowMs);
        matching.append(describedImage(image));
    }
    QJsonArray page;
    for (int i = query.offset; i < matching.size() && page.size() < query.limit; ++i)
        page.append(matching.at(i));
    out->insert(QStringLiteral("ImageSet"), page);
    out->insert(QStringLiteral("TotalCount"), matching.size());
    return std::nullopt;
}

} // namespace cvmi::emu
