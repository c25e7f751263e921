#pragma once

// The COS client for the control calls of the import: list buckets (GET Service), HEAD/PUT
// Bucket, list a bucket's objects (GET Bucket), HEAD Object, and pre-signed GET URLs. Requests are
// signed with COS's native signature (CosSigner) for the real virtual host
// (<bucket>.cos.<region>.myqcloud.com, or service.cos.myqcloud.com); with a COS endpoint override
// they are sent to the override with that Host header. Temporary credentials add
// x-cos-security-token. The XML error body is parsed; SignatureDoesNotMatch logs COS's StringToSign
// / FormatString with the token redacted; RequestTimeTooSkewed and AccessDenied "Request has
// expired" (ClockSkew::isCosClockError) are retried once with the offset of the server's Date
// header.
#include "cloud/CloudEndpoints.h"
#include "cloud/CloudResult.h"
#include "cloud/CosObjectPage.h"
#include "cloud/CosSigner.h"
#include "cloud/Credentials.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>
#include <memory>

namespace cvmi::cloud {

class HttpClient;
struct HttpRequest;
struct HttpResponse;

struct CosBucket {
    QString name;     // "<name>-<APPID>"
    QString location; // region, e.g. "ap-guangzhou"
    QString creationDate;
};

struct CosObjectInfo {
    qint64 size = -1;
    QString etag;      // as sent, quotes included
    QString crc64ecma; // x-cos-hash-crc64ecma, decimal; empty when COS did not send it
    QString lastModified;
    QString storageClass;
};

class CosClient : public QObject {
    Q_OBJECT
public:
    // Request signatures are valid this long (COS's key time; the SDK's default window).
    static constexpr qint64 requestSignSeconds = 600;

    CosClient(HttpClient* http, CloudEndpoints endpoints, Credentials credentials,
              QObject* parent = nullptr);
    ~CosClient() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    HttpClient* http() const { return m_http; }
    const CloudEndpoints& endpoints() const { return m_endpoints; }
    qint64 clockOffset() const { return m_clockOffset; } // server minus local, learnt on skew
    // An offset learnt elsewhere (the upload engine, the CVM client), for the signatures and
    // pre-signed URLs made from now on.
    void setClockOffset(qint64 seconds) { m_clockOffset = seconds; }

    static QString bucketHost(const QString& bucket, const QString& region);
    // https://<bucket>.cos.<region>.myqcloud.com/<encoded key>: the ImageUrl form.
    static QString objectUrl(const QString& bucket, const QString& region, const QString& key);

    QFuture<CloudResult<QList<CosBucket>>> listBuckets();
    // true: the bucket exists and these credentials may use it.
    QFuture<CloudResult<bool>> headBucket(const QString& bucket, const QString& region);
    QFuture<CloudResult<bool>> putBucket(const QString& bucket, const QString& region);
    // One page of the bucket's objects (CosObjectPage::parse reads it). Keys are asked for
    // URL-encoded (encoding-type=url) so that any key, control characters included, survives the
    // XML, and come back decoded.
    QFuture<CloudResult<CosObjectPage>> listObjects(const QString& bucket, const QString& region,
                                                    const CosListQuery& query);
    QFuture<CloudResult<CosObjectInfo>> headObject(const QString& bucket, const QString& region,
                                                   const QString& key);

    // A GET URL anyone can use until it expires (1 s .. CosSigner::maxPresignSeconds); the real
    // host, never the override. Corrected by a clock offset learnt earlier.
    std::optional<QString> presignedGetUrl(const QString& bucket, const QString& region,
                                           const QString& key, qint64 expireSeconds,
                                           Error* error) const;

    struct Call {
        QByteArray method;
        QString host; // the real service host, signed and sent as Host
        QString key;  // decoded object key, empty for service and bucket requests
        StringPairList headers;
        StringPairList params; // query parameters, decoded; signed and sent in this order
        QByteArray body;
        bool missingIsKey = false; // a bare 404 (HEAD) means NoSuchKey, else NoSuchBucket
    };
    struct Answer {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray& lowerName) const;
    };
    // One signed request; error set for a transport failure or a non-2xx answer.
    QFuture<CloudResult<Answer>> send(const Call& call);

    // Parses GET Service's ListAllMyBucketsResult body into its buckets (exposed for the tests
    // and the fuzzers).
    static QList<CosBucket> parseBucketList(const QByteArray& body);

    // The server's time of an answer: its Date header, else the <ServerTime> of its XML error
    // body (where the vendor's SDK also looks).
    static std::optional<qint64> serverTime(const QByteArray& dateHeader,
                                            const QByteArray& errorBody);

    // Parses COS's XML <Error> body (or a bare status for HEAD) into a CloudError.
    static CloudError parseError(int status, const QByteArray& body, const QByteArray& requestId,
                                 bool missingIsKey);

private:
    void sendImpl(const Call& call, bool retried,
                  std::shared_ptr<QPromise<CloudResult<Answer>>> promise);
    QString redact(QString text) const;
    // The call signed for the key time [keyStart, keyEnd], as the HTTP client sends it.
    HttpRequest signedRequest(const Call& call, qint64 keyStart, qint64 keyEnd) const;

    HttpClient* m_http;
    CloudEndpoints m_endpoints;
    Credentials m_credentials;
    int m_timeoutMs = 30000;
    qint64 m_clockOffset = 0;
};

} // namespace cvmi::cloud
