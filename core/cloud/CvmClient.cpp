#include "cloud/CvmClient.h"

#include "cloud/ClockSkew.h"
#include "cloud/HttpClient.h"
#include "cloud/Tc3Signer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace cvmi::cloud {

namespace {

QStringList strings(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out.append(v.toString());
    return out;
}

template <typename T, typename F>
QFuture<CloudResult<T>> mapResult(QFuture<CloudResult<QJsonObject>> future, F convert)
{
    return future.then([convert](const CloudResult<QJsonObject>& result) {
        if (!result.ok())
            return result.withValue(T{});
        return convert(result);
    });
}

} // namespace

QJsonObject ImportImageRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("Architecture"), architecture},
                  {QStringLiteral("OsType"), osType},
                  {QStringLiteral("OsVersion"), osVersion},
                  {QStringLiteral("ImageUrl"), imageUrl},
                  {QStringLiteral("ImageName"), imageName}};
    if (!imageDescription.isEmpty())
        o.insert(QStringLiteral("ImageDescription"), imageDescription);
    if (dryRun)
        o.insert(QStringLiteral("DryRun"), true);
    if (force)
        o.insert(QStringLiteral("Force"), true);
    if (!tags.isEmpty()) {
        QJsonArray tagArray;
        for (const CvmTag& tag : tags)
            tagArray.append(QJsonObject{{QStringLiteral("Key"), tag.key},
                                        {QStringLiteral("Value"), tag.value}});
        o.insert(QStringLiteral("TagSpecification"),
                 QJsonArray{QJsonObject{{QStringLiteral("ResourceType"), QStringLiteral("image")},
                                        {QStringLiteral("Tags"), tagArray}}});
    }
    if (!licenseType.isEmpty())
        o.insert(QStringLiteral("LicenseType"), licenseType);
    if (!bootMode.isEmpty())
        o.insert(QStringLiteral("BootMode"), bootMode);
    if (!imageFamily.isEmpty())
        o.insert(QStringLiteral("ImageFamily"), imageFamily);
    if (!dataDiskUrls.isEmpty()) {
        QJsonArray disks;
        for (const QString& url : dataDiskUrls)
            disks.append(QJsonObject{{QStringLiteral("ImageUrl"), url}});
        o.insert(QStringLiteral("ImportImageDataDiskList"), disks);
    }
    return o;
}

CvmClient::CvmClient(HttpClient* http, CloudEndpoints endpoints, Credentials credentials,
                     QObject* parent)
    : QObject(parent), m_http(http), m_endpoints(std::move(endpoints)),
      m_credentials(std::move(credentials)), m_region(m_credentials.region)
{
}

CvmClient::~CvmClient() = default;

CloudResult<QJsonObject> CvmClient::parseResponse(int httpStatus, const QByteArray& body)
{
    CloudResult<QJsonObject> result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject response = doc.object().value(QStringLiteral("Response")).toObject();
    if (!doc.isObject() || response.isEmpty()) {
        result.error = CloudErrors::networkError(
            QStringLiteral("Network.BadResponse"),
            QCoreApplication::translate("cvmi::cloud::CvmClient",
                                        "HTTP status %1, not a CVM API answer")
                .arg(httpStatus));
        result.error.httpStatus = httpStatus;
        return result;
    }
    result.requestId = response.value(QStringLiteral("RequestId")).toString();
    if (response.contains(QStringLiteral("Error"))) {
        const QJsonObject error = response.value(QStringLiteral("Error")).toObject();
        const QString code = error.value(QStringLiteral("Code")).toString();
        // An Error without a code is still a refusal, never a success with an empty answer.
        if (code.isEmpty()) {
            result.error = CloudErrors::networkError(
                QStringLiteral("Network.BadResponse"),
                QCoreApplication::translate("cvmi::cloud::CvmClient",
                                            "HTTP status %1, an error answer without a code")
                    .arg(httpStatus));
            result.error.requestId = result.requestId;
            result.error.httpStatus = httpStatus;
            return result;
        }
        result.error = CloudErrors::cvmError(
            code, error.value(QStringLiteral("Message")).toString(), result.requestId, httpStatus);
        return result;
    }
    if (httpStatus != 200) {
        result.error = CloudErrors::networkError(
            QStringLiteral("Network.BadResponse"),
            QCoreApplication::translate("cvmi::cloud::CvmClient", "HTTP status %1")
                .arg(httpStatus));
        result.error.requestId = result.requestId;
        result.error.httpStatus = httpStatus;
        return result;
    }
    result.value = response;
    return result;
}

QFuture<CloudResult<QJsonObject>> CvmClient::call(const QString& action, const QJsonObject& params,
                                                  const QString& region)
{
    auto promise = std::make_shared<QPromise<CloudResult<QJsonObject>>>();
    promise->start();
    QFuture<CloudResult<QJsonObject>> future = promise->future();
    send(action, QJsonDocument(params).toJson(QJsonDocument::Compact), region, false, promise);
    return future;
}

void CvmClient::send(const QString& action, const QByteArray& body, const QString& region,
                     bool retried, std::shared_ptr<QPromise<CloudResult<QJsonObject>>> promise)
{
    Tc3Request r;
    r.secretId = m_credentials.secretId;
    r.secretKey = m_credentials.secretKey;
    r.token = m_credentials.token;
    r.timestamp = QDateTime::currentSecsSinceEpoch() + m_clockOffset;
    r.host = m_endpoints.cvmServiceHost();
    r.service = r.host.section(u'.', 0, 0);
    r.action = action;
    r.version = QString::fromLatin1(apiVersion);
    r.region = region;
    r.language = m_language;
    r.body = body;
    const Tc3Signed signature = Tc3Signer::sign(r);

    HttpRequest request;
    request.method = "POST";
    request.url = m_endpoints.cvmEndpoint();
    request.headers = signature.headers;
    request.body = body;
    request.timeoutMs = m_timeoutMs;
    qCDebug(lcCloud).noquote() << "CVM" << action << "region"
                               << (region.isEmpty() ? QStringLiteral("-") : region) << "to"
                               << request.url.toString() << "as" << r.host << "key"
                               << m_credentials.redacted();

    m_http->send(request, [this, action, body, region, retried,
                           promise](const HttpResponse& response) {
        CloudResult<QJsonObject> result;
        if (response.transportFailed()) {
            result.error =
                CloudErrors::networkError(response.timedOut ? QStringLiteral("Network.Timeout")
                                                            : QStringLiteral("Network.Failure"),
                                          response.errorString);
        } else {
            result = parseResponse(response.status, response.body);
        }
        if (!retried && result.error.code == QLatin1String("AuthFailure.SignatureExpire")) {
            if (const auto server = ClockSkew::parseHttpDate(response.header("date"))) {
                m_clockOffset = *server - QDateTime::currentSecsSinceEpoch();
                qCWarning(lcCloud).noquote()
                    << "CVM" << action << "SignatureExpire, RequestId" << result.requestId
                    << "- retrying once with the server's clock offset" << m_clockOffset << "s";
                auto retryPromise = std::make_shared<QPromise<CloudResult<QJsonObject>>>();
                retryPromise->start();
                const qint64 offset = m_clockOffset;
                retryPromise->future().then([promise, offset](CloudResult<QJsonObject> retry) {
                    retry.clockSkewSeconds = offset;
                    promise->addResult(retry);
                    promise->finish();
                });
                send(action, body, region, true, retryPromise);
                return;
            }
        }
        if (result.ok())
            qCDebug(lcCloud).noquote() << "CVM" << action << "ok, RequestId" << result.requestId;
        else
            qCInfo(lcCloud).noquote()
                << "CVM" << action << "failed:" << result.error.code << "RequestId"
                << result.error.requestId << "HTTP" << response.status;
        promise->addResult(result);
        promise->finish();
    });
}

QFuture<CloudResult<QList<CvmRegion>>> CvmClient::describeRegions()
{
    return mapResult<QList<CvmRegion>>(
        call(QStringLiteral("DescribeRegions"), {}, QString()),
        [](const CloudResult<QJsonObject>& r) {
            QList<CvmRegion> regions;
            for (const QJsonValue& v : r.value.value(QStringLiteral("RegionSet")).toArray()) {
                const QJsonObject o = v.toObject();
                regions.append({o.value(QStringLiteral("Region")).toString(),
                                o.value(QStringLiteral("RegionName")).toString(),
                                o.value(QStringLiteral("RegionState")).toString()});
            }
            return r.withValue(regions);
        });
}

QFuture<CloudResult<ImportImageOsList>> CvmClient::describeImportImageOs()
{
    return mapResult<ImportImageOsList>(
        // The current API page marks Region as required here (older pages: optional); the
        // region is sent whenever one is known, which the service accepts either way.
        call(QStringLiteral("DescribeImportImageOs"), {}, m_region),
        [](const CloudResult<QJsonObject>& r) {
            ImportImageOsList list;
            const QJsonObject supported =
                r.value.value(QStringLiteral("ImportImageOsListSupported")).toObject();
            list.linuxOs = strings(supported.value(QStringLiteral("Linux")));
            list.windowsOs = strings(supported.value(QStringLiteral("Windows")));
            for (const QJsonValue& v :
                 r.value.value(QStringLiteral("ImportImageOsVersionSet")).toArray()) {
                const QJsonObject o = v.toObject();
                list.versions.append({o.value(QStringLiteral("OsName")).toString(),
                                      strings(o.value(QStringLiteral("OsVersions"))),
                                      strings(o.value(QStringLiteral("Architecture")))});
            }
            return r.withValue(list);
        });
}

QFuture<CloudResult<ImportImageResult>> CvmClient::importImage(const ImportImageRequest& request)
{
    const bool dryRun = request.dryRun;
    return call(QStringLiteral("ImportImage"), request.toJson(), m_region)
        .then([dryRun](const CloudResult<QJsonObject>& r) {
            ImportImageResult out;
            if (dryRun && r.error.code == QLatin1String("DryRunOperation")) {
                out.dryRunAllowed = true;
                CloudResult<ImportImageResult> allowed;
                allowed.value = out;
                allowed.requestId = r.error.requestId;
                allowed.clockSkewSeconds = r.clockSkewSeconds;
                return allowed;
            }
            if (!r.ok())
                return r.withValue(out);
            out.imageId = r.value.value(QStringLiteral("ImageId")).toString();
            out.dryRunAllowed = dryRun;
            return r.withValue(out);
        });
}

QFuture<CloudResult<QList<CvmImage>>> CvmClient::describeImages(const QStringList& imageIds)
{
    return describeImagesWith(
        {{QStringLiteral("ImageIds"), QJsonArray::fromStringList(imageIds)},
         {QStringLiteral("Limit"), qMin(100, qMax(1, int(imageIds.size())))}});
}

QFuture<CloudResult<QList<CvmImage>>> CvmClient::describeImages(const QList<CvmFilter>& filters,
                                                                int limit)
{
    QJsonArray list;
    for (const CvmFilter& f : filters)
        list.append(QJsonObject{{QStringLiteral("Name"), f.name},
                                {QStringLiteral("Values"), QJsonArray::fromStringList(f.values)}});
    return describeImagesWith(
        {{QStringLiteral("Filters"), list}, {QStringLiteral("Limit"), qBound(1, limit, 100)}});
}

QFuture<CloudResult<QList<CvmImage>>> CvmClient::describeImagesWith(const QJsonObject& params)
{
    return mapResult<QList<CvmImage>>(
        call(QStringLiteral("DescribeImages"), params, m_region),
        [](const CloudResult<QJsonObject>& r) {
            QList<CvmImage> images;
            for (const QJsonValue& v : r.value.value(QStringLiteral("ImageSet")).toArray()) {
                const QJsonObject o = v.toObject();
                CvmImage image;
                image.imageId = o.value(QStringLiteral("ImageId")).toString();
                image.imageName = o.value(QStringLiteral("ImageName")).toString();
                image.imageState = o.value(QStringLiteral("ImageState")).toString();
                image.osName = o.value(QStringLiteral("OsName")).toString();
                image.architecture = o.value(QStringLiteral("Architecture")).toString();
                image.platform = o.value(QStringLiteral("Platform")).toString();
                image.imageSource = o.value(QStringLiteral("ImageSource")).toString();
                image.createdTime = o.value(QStringLiteral("CreatedTime")).toString();
                image.imageSizeGiB = o.value(QStringLiteral("ImageSize")).toInteger();
                image.raw = o;
                images.append(image);
            }
            return r.withValue(images);
        });
}

} // namespace cvmi::cloud
