#include "cloud/CosClient.h"

#include "cloud/ClockSkew.h"
#include "cloud/HttpClient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace cvmi::cloud {

namespace {

struct CosXmlError {
    QString code;
    QString message;
    QString requestId;
    QString stringToSign;
    QString formatString;
    QString serverTime;
};

CosXmlError readXmlError(const QByteArray& body)
{
    CosXmlError e;
    QXmlStreamReader reader(body);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = reader.name();
        if (name == QLatin1String("Code"))
            e.code = reader.readElementText();
        else if (name == QLatin1String("Message"))
            e.message = reader.readElementText();
        else if (name == QLatin1String("RequestId"))
            e.requestId = reader.readElementText();
        else if (name == QLatin1String("StringToSign"))
            e.stringToSign = reader.readElementText();
        else if (name == QLatin1String("FormatString"))
            e.formatString = reader.readElementText();
        else if (name == QLatin1String("ServerTime"))
            e.serverTime = reader.readElementText();
    }
    return e;
}

// "a=b&c" with RFC 3986 encoding of names and values, in the given order (the signature covers
// the decoded pairs, so any correct encoding is accepted).
QString encodeQuery(const StringPairList& params)
{
    QStringList parts;
    for (const auto& [name, value] : params) {
        QString part = QString::fromLatin1(name.toUtf8().toPercentEncoding());
        if (!value.isEmpty())
            part += u'=' + QString::fromLatin1(value.toUtf8().toPercentEncoding());
        parts.append(part);
    }
    return parts.join(u'&');
}

template <typename T, typename F>
QFuture<CloudResult<T>> mapAnswer(QFuture<CloudResult<CosClient::Answer>> future, F convert)
{
    return future.then([convert](const CloudResult<CosClient::Answer>& result) {
        if (!result.ok())
            return result.withValue(T{});
        return result.withValue(convert(result.value));
    });
}

} // namespace

QByteArray CosClient::Answer::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

CosClient::CosClient(HttpClient* http, CloudEndpoints endpoints, Credentials credentials,
                     QObject* parent)
    : QObject(parent), m_http(http), m_endpoints(std::move(endpoints)),
      m_credentials(std::move(credentials))
{
}

CosClient::~CosClient() = default;

QString CosClient::bucketHost(const QString& bucket, const QString& region)
{
    return bucket + QStringLiteral(".cos.") + region + QStringLiteral(".myqcloud.com");
}

QString CosClient::objectUrl(const QString& bucket, const QString& region, const QString& key)
{
    return QStringLiteral("https://") + bucketHost(bucket, region) + CosSigner::encodeKeyPath(key);
}

CloudError CosClient::parseError(int status, const QByteArray& body, const QByteArray& requestId,
                                 bool missingIsKey)
{
    const CosXmlError xml = readXmlError(body);
    QString code = xml.code;
    if (code.isEmpty()) {
        switch (status) {
        case 403:
            code = QStringLiteral("AccessDenied");
            break;
        case 404:
            code = missingIsKey ? QStringLiteral("NoSuchKey") : QStringLiteral("NoSuchBucket");
            break;
        case 409:
            code = QStringLiteral("BucketAlreadyExists");
            break;
        case 503:
            code = QStringLiteral("ServiceUnavailable");
            break;
        default:
            code =
                status >= 500 ? QStringLiteral("InternalError") : QStringLiteral("InvalidRequest");
            break;
        }
    }
    const QString id = xml.requestId.isEmpty() ? QString::fromLatin1(requestId) : xml.requestId;
    return CloudErrors::cosError(code, xml.message, id, status);
}

std::optional<qint64> CosClient::serverTime(const QByteArray& dateHeader,
                                            const QByteArray& errorBody)
{
    if (const auto date = ClockSkew::parseHttpDate(dateHeader))
        return date;
    const QString text = readXmlError(errorBody).serverTime;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (text.isEmpty() || !time.isValid())
        return std::nullopt;
    return time.toSecsSinceEpoch();
}

QString CosClient::redact(QString text) const
{
    static const QRegularExpression tokenParam(QStringLiteral("(x-cos-security-token[=:])[^&\\n]*"),
                                               QRegularExpression::CaseInsensitiveOption);
    text.replace(tokenParam, QStringLiteral("\\1<redacted>"));
    if (!m_credentials.token.isEmpty())
        text.replace(m_credentials.token, QStringLiteral("<redacted>"));
    if (!m_credentials.secretKey.isEmpty())
        text.replace(m_credentials.secretKey, QStringLiteral("<redacted>"));
    return text;
}

HttpRequest CosClient::signedRequest(const Call& call, qint64 keyStart, qint64 keyEnd) const
{
    CosSignRequest s;
    s.secretId = m_credentials.secretId;
    s.secretKey = m_credentials.secretKey;
    s.token = m_credentials.token;
    s.method = QString::fromLatin1(call.method);
    s.host = call.host;
    s.key = call.key;
    s.headers = call.headers;
    s.headers.prepend({QStringLiteral("Host"), call.host});
    s.params = call.params;
    s.keyTimeStart = keyStart;
    s.keyTimeEnd = keyEnd;
    const CosSigned signature = CosSigner::sign(s);

    HttpRequest request;
    request.method = call.method;
    request.url = m_endpoints.cosConnectUrl(call.host, CosSigner::encodeKeyPath(call.key),
                                            encodeQuery(call.params));
    for (const auto& [name, value] : s.headers)
        request.headers.append({name.toUtf8(), value.toUtf8()});
    for (const auto& [name, value] : signature.extraHeaders)
        request.headers.append({name.toUtf8(), value.toUtf8()});
    request.headers.append({"Authorization", signature.authorization.toUtf8()});
    request.body = call.body;
    request.timeoutMs = m_timeoutMs;
    return request;
}

QFuture<CloudResult<CosClient::Answer>> CosClient::send(const Call& call)
{
    auto promise = std::make_shared<QPromise<CloudResult<Answer>>>();
    promise->start();
    QFuture<CloudResult<Answer>> future = promise->future();
    sendImpl(call, false, promise);
    return future;
}

void CosClient::sendImpl(const Call& call, bool retried,
                         std::shared_ptr<QPromise<CloudResult<Answer>>> promise)
{
    const qint64 signedOffset = m_clockOffset;
    const qint64 now = QDateTime::currentSecsSinceEpoch() + signedOffset;
    const auto [start, end] = CosSigner::keyTimeFor(now, requestSignSeconds);
    const HttpRequest request = signedRequest(call, start, end);
    qCDebug(lcCloud).noquote() << "COS" << call.method << call.host << call.key << "to"
                               << request.url.host() << "key" << m_credentials.redacted();

    m_http->send(request, [this, call, retried, promise, signedOffset, start = start,
                           end = end](const HttpResponse& response) {
        CloudResult<Answer> result;
        result.value = {response.status, response.headers, response.body};
        result.requestId = QString::fromLatin1(response.header("x-cos-request-id"));
        if (response.transportFailed()) {
            result.error =
                CloudErrors::networkError(response.timedOut ? QStringLiteral("Network.Timeout")
                                                            : QStringLiteral("Network.Failure"),
                                          response.errorString);
        } else if (response.status < 200 || response.status > 299) {
            result.error = parseError(response.status, response.body,
                                      response.header("x-cos-request-id"), call.missingIsKey);
            const auto server = serverTime(response.header("date"), response.body);
            // A HEAD answer has no body: a 403 whose Date lies outside the signature's key time
            // is the same clock problem COS names RequestTimeTooSkewed in a body.
            if (response.status == 403 && response.body.isEmpty() && server &&
                (*server < start || *server > end))
                result.error = CloudErrors::cosError(QStringLiteral("RequestTimeTooSkewed"),
                                                     QString(), result.error.requestId, 403);
            if (result.error.code == QLatin1String("SignatureDoesNotMatch")) {
                const CosXmlError xml = readXmlError(response.body);
                qCWarning(lcCloud).noquote()
                    << "COS SignatureDoesNotMatch, RequestId" << result.error.requestId
                    << "server StringToSign:"
                    << redact(xml.stringToSign).replace(u'\n', QStringLiteral("\\n"))
                    << "server FormatString:"
                    << redact(xml.formatString).replace(u'\n', QStringLiteral("\\n"));
            }
            // Either of COS's clock answers, with the server's time well away from the one we
            // signed with: one retry with the server's offset (the vendor SDK's rule).
            const std::optional<qint64> corrected =
                !retried && server &&
                        ClockSkew::isCosClockError(result.error.code, result.error.message)
                    ? ClockSkew::correction(*server, QDateTime::currentSecsSinceEpoch(),
                                            signedOffset)
                    : std::nullopt;
            if (corrected) {
                m_clockOffset = *corrected;
                qCWarning(lcCloud).noquote()
                    << "COS" << result.error.code << result.error.message << "RequestId"
                    << result.error.requestId << "- retrying once with the server's clock offset"
                    << m_clockOffset << "s";
                auto retryPromise = std::make_shared<QPromise<CloudResult<Answer>>>();
                retryPromise->start();
                const qint64 offset = m_clockOffset;
                retryPromise->future().then([promise, offset](CloudResult<Answer> retry) {
                    retry.clockSkewSeconds = offset;
                    promise->addResult(retry);
                    promise->finish();
                });
                sendImpl(call, true, retryPromise);
                return;
            }
            qCInfo(lcCloud).noquote()
                << "COS" << call.method << call.host << "failed:" << result.error.code
                << "RequestId" << result.error.requestId << "HTTP" << response.status;
        }
        promise->addResult(result);
        promise->finish();
    });
}

QFuture<CloudResult<QList<CosBucket>>> CosClient::listBuckets()
{
    Call call;
    call.method = "GET";
    call.host = CloudEndpoints::cosServiceHost();
    return mapAnswer<QList<CosBucket>>(
        send(call), [](const Answer& answer) { return parseBucketList(answer.body); });
}

QList<CosBucket> CosClient::parseBucketList(const QByteArray& body)
{
    QList<CosBucket> buckets;
    QXmlStreamReader reader(body);
    CosBucket current;
    bool inBucket = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            if (name == QLatin1String("Bucket")) {
                inBucket = true;
                current = {};
            } else if (inBucket && name == QLatin1String("Name")) {
                current.name = reader.readElementText();
            } else if (inBucket && name == QLatin1String("Location")) {
                current.location = reader.readElementText();
            } else if (inBucket && name == QLatin1String("CreationDate")) {
                current.creationDate = reader.readElementText();
            }
        } else if (token == QXmlStreamReader::EndElement &&
                   reader.name() == QLatin1String("Bucket")) {
            inBucket = false;
            buckets.append(current);
        }
    }
    return buckets;
}

QFuture<CloudResult<bool>> CosClient::headBucket(const QString& bucket, const QString& region)
{
    Call call;
    call.method = "HEAD";
    call.host = bucketHost(bucket, region);
    return mapAnswer<bool>(send(call), [](const Answer&) { return true; });
}

QFuture<CloudResult<bool>> CosClient::putBucket(const QString& bucket, const QString& region)
{
    Call call;
    call.method = "PUT";
    call.host = bucketHost(bucket, region);
    call.headers.append({QStringLiteral("x-cos-acl"), QStringLiteral("private")});
    return mapAnswer<bool>(send(call), [](const Answer&) { return true; });
}

QFuture<CloudResult<CosObjectPage>>
CosClient::listObjects(const QString& bucket, const QString& region, const CosListQuery& query)
{
    Call call;
    call.method = "GET";
    call.host = bucketHost(bucket, region);
    if (!query.delimiter.isEmpty())
        call.params.append({QStringLiteral("delimiter"), query.delimiter});
    call.params.append({QStringLiteral("encoding-type"), QStringLiteral("url")});
    if (!query.marker.isEmpty())
        call.params.append({QStringLiteral("marker"), query.marker});
    call.params.append({QStringLiteral("max-keys"),
                        QString::number(qBound(1, query.maxKeys, CosObjectPage::maxKeys))});
    if (!query.prefix.isEmpty())
        call.params.append({QStringLiteral("prefix"), query.prefix});
    return send(call).then([](const CloudResult<Answer>& result) {
        if (!result.ok())
            return result.withValue(CosObjectPage{});
        QString problem;
        std::optional<CosObjectPage> page = CosObjectPage::parse(result.value.body, &problem);
        CloudResult<CosObjectPage> out = result.withValue(page.value_or(CosObjectPage{}));
        if (!page) {
            qCWarning(lcCloud).noquote() << "COS GET Bucket: unreadable answer," << problem
                                         << "RequestId" << result.requestId;
            out.error = CloudErrors::networkError(QStringLiteral("Network.BadResponse"), problem);
            out.error.requestId = result.requestId;
            out.error.httpStatus = result.value.status;
        }
        return out;
    });
}

QFuture<CloudResult<CosObjectInfo>> CosClient::headObject(const QString& bucket,
                                                          const QString& region, const QString& key)
{
    Call call;
    call.method = "HEAD";
    call.host = bucketHost(bucket, region);
    call.key = key;
    call.missingIsKey = true;
    return mapAnswer<CosObjectInfo>(send(call), [](const Answer& answer) {
        CosObjectInfo info;
        bool ok = false;
        const qint64 size = answer.header("content-length").toLongLong(&ok);
        info.size = ok ? size : -1;
        info.etag = QString::fromLatin1(answer.header("etag"));
        info.crc64ecma = QString::fromLatin1(answer.header("x-cos-hash-crc64ecma"));
        info.lastModified = QString::fromLatin1(answer.header("last-modified"));
        info.storageClass = QString::fromLatin1(answer.header("x-cos-storage-class"));
        return info;
    });
}

std::optional<QString> CosClient::presignedGetUrl(const QString& bucket, const QString& region,
                                                  const QString& key, qint64 expireSeconds,
                                                  Error* error) const
{
    CosPresignRequest r;
    r.secretId = m_credentials.secretId;
    r.secretKey = m_credentials.secretKey;
    r.token = m_credentials.token;
    r.host = bucketHost(bucket, region);
    r.key = key;
    r.now = QDateTime::currentSecsSinceEpoch() + m_clockOffset;
    r.expireSeconds = expireSeconds;
    return CosSigner::presignedUrl(r, error);
}

} // namespace cvmi::cloud
