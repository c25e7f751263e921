#pragma once

// The CVM API 3.0 client (version 2017-03-12) for the import: DescribeRegions,
// DescribeImportImageOs, ImportImage (DryRun included) and DescribeImages. Requests are
// TC3-HMAC-SHA256 signed for the real service host (CloudEndpoints::cvmServiceHost) and sent to
// the configured endpoint. Answers are parsed from the JSON envelope; an error keeps the service's
// code, message and RequestId and gains plain words and a remedy (CloudErrors). A timestamp
// rejected as AuthFailure.SignatureExpire is retried once, corrected by the HTTP Date header's
// offset, which the result reports and later calls keep using.
#include "cloud/CloudEndpoints.h"
#include "cloud/CloudResult.h"
#include "cloud/Credentials.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QStringList>
#include <memory>

namespace cvmi::cloud {

class HttpClient;
struct HttpResponse;

struct CvmRegion {
    QString region; // "ap-guangzhou"
    QString name;   // "South China (Guangzhou)"
    QString state;  // "AVAILABLE"
};

struct ImportImageOsVersion {
    QString osName;
    QStringList osVersions;
    QStringList architectures;
};

struct ImportImageOsList {
    QStringList linuxOs;
    QStringList windowsOs;
    QList<ImportImageOsVersion> versions;
};

struct CvmTag {
    QString key;
    QString value;
};

struct ImportImageRequest {
    QString architecture; // x86_64, i386, arm_64
    QString osType;
    QString osVersion;
    QString imageUrl;
    QString imageName; // ≤ 60 characters
    QString imageDescription;
    bool dryRun = false;
    bool force = false;
    QList<CvmTag> tags;  // sent as one TagSpecification of ResourceType "image"
    QString licenseType; // empty: not sent (TencentCloud)
    QString bootMode;    // empty: not sent (Legacy BIOS)
    QString imageFamily;
    QStringList dataDiskUrls; // ImportImageDataDiskList

    QJsonObject toJson() const;
};

struct ImportImageResult {
    QString imageId; // empty for a dry run
    // A dry run the service accepted: "DryRunOperation", or a success envelope (both mean the
    // import would be allowed; which one the real service answers is unconfirmed).
    bool dryRunAllowed = false;
};

struct CvmImage {
    QString imageId;
    QString imageName;
    QString imageState; // IMPORTING, NORMAL, IMPORTFAILED, ...
    QString osName;
    QString architecture;
    QString platform;
    QString imageSource;
    QString createdTime;
    qint64 imageSizeGiB = 0;
    QJsonObject raw;
};

// A DescribeImages filter: "image-name" (fuzzy: a part of the name matches), "image-type"
// (PRIVATE_IMAGE, ...), "image-id", "platform", "tag-key", ...; up to 5 values each.
struct CvmFilter {
    QString name;
    QStringList values;
};

class CvmClient : public QObject {
    Q_OBJECT
public:
    static constexpr const char* apiVersion = "2017-03-12";

    CvmClient(HttpClient* http, CloudEndpoints endpoints, Credentials credentials,
              QObject* parent = nullptr);
    ~CvmClient() override;

    void setRegion(const QString& region) { m_region = region; }
    QString region() const { return m_region; }
    void setLanguage(const QString& language) { m_language = language; } // zh-CN / en-US
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Server minus local seconds, learnt from a SignatureExpire answer (0 until then).
    qint64 clockOffset() const { return m_clockOffset; }

    // One action: the Response object (RequestId included) or the error. `region` empty: the
    // action is sent without X-TC-Region.
    QFuture<CloudResult<QJsonObject>> call(const QString& action, const QJsonObject& params,
                                           const QString& region);

    QFuture<CloudResult<QList<CvmRegion>>> describeRegions();
    // In region() when one is set (X-TC-Region), else without.
    QFuture<CloudResult<ImportImageOsList>> describeImportImageOs();
    QFuture<CloudResult<ImportImageResult>> importImage(const ImportImageRequest& request);
    QFuture<CloudResult<QList<CvmImage>>> describeImages(const QStringList& imageIds);
    // DescribeImages by Filters (at most 10) instead of ImageIds: the service refuses the two
    // together. Up to `limit` (1..100) images, in the service's order.
    QFuture<CloudResult<QList<CvmImage>>> describeImages(const QList<CvmFilter>& filters,
                                                         int limit);

    // Parses an API 3.0 answer (exposed for the tests and the fuzzers).
    static CloudResult<QJsonObject> parseResponse(int httpStatus, const QByteArray& body);

private:
    QFuture<CloudResult<QList<CvmImage>>> describeImagesWith(const QJsonObject& params);
    void send(const QString& action, const QByteArray& body, const QString& region, bool retried,
              std::shared_ptr<QPromise<CloudResult<QJsonObject>>> promise);

    HttpClient* m_http;
    CloudEndpoints m_endpoints;
    Credentials m_credentials;
    QString m_region;
    QString m_language = QStringLiteral("en-US");
    int m_timeoutMs = 30000;
    qint64 m_clockOffset = 0;
};

} // namespace cvmi::cloud
