#include "transfer/StoreDialect.h"

#include "cloud/CosClient.h"
#include "cloud/SigV4Signer.h"

namespace cvmi::transfer {

namespace {

// Every request names this client so that COS's logs (and a support ticket) can tell it apart.
const QByteArray userAgent = "User-Agent: cvm-import-wizard";

QByteArray connectUrl(const UploadDestination& d, const QString& host, const QString& encodedPath,
                      const QString& encodedQuery)
{
    // Built by hand: QUrl may re-encode a query that COS's signature covers byte by byte.
    QByteArray url = d.endpoints.cosConnectUrl(host, QStringLiteral("/"))
                         .toString(QUrl::RemovePath | QUrl::FullyEncoded)
                         .toUtf8();
    url += encodedPath.toUtf8();
    if (!encodedQuery.isEmpty())
        url += '?' + encodedQuery.toUtf8();
    return url;
}

QList<QByteArray> headerLines(const cloud::StringPairList& headers)
{
    QList<QByteArray> lines;
    for (const auto& [name, value] : headers)
        lines.append(name.toUtf8() + ": " + value.toUtf8());
    return lines;
}

class CosDialect final : public StoreDialect {
public:
    CosDialect(UploadDestination d, cloud::Credentials c) : m_d(std::move(d)), m_c(std::move(c)) {}

    PreparedRequest prepare(const StoreRequest& request, qint64 now) const override
    {
        const QString host = cloud::CosClient::bucketHost(m_d.bucket, m_d.region);
        const auto [start, end] =
            cloud::CosSigner::keyTimeFor(now, cloud::CosClient::requestSignSeconds);
        cloud::CosSignRequest s;
        s.secretId = m_c.secretId;
        s.secretKey = m_c.secretKey;
        s.token = m_c.token;
        s.method = QString::fromLatin1(request.method);
        s.host = host;
        s.key = request.key;
        s.headers = request.headers;
        s.headers.prepend({QStringLiteral("Host"), host});
        // Signed and sent: curl then sends this header instead of its own.
        if (request.contentLength >= 0 && (request.method == "PUT" || request.method == "POST"))
            s.headers.append(
                {QStringLiteral("Content-Length"), QString::number(request.contentLength)});
        s.params = request.query;
        s.keyTimeStart = start;
        s.keyTimeEnd = end;
        const cloud::CosSigned signature = cloud::CosSigner::sign(s);

        PreparedRequest p;
        p.method = request.method;
        p.host = host;
        p.url = connectUrl(m_d, host, cloud::CosSigner::encodeKeyPath(request.key),
                           encodeQuery(request.query));
        p.headerLines = headerLines(s.headers);
        p.headerLines += headerLines(signature.extraHeaders);
        p.headerLines.append("Authorization: " + signature.authorization.toUtf8());
        p.headerLines.append(userAgent);
        return p;
    }

    QString objectUrl() const override
    {
        return cloud::CosClient::objectUrl(m_d.bucket, m_d.region, m_d.key);
    }
    bool sendsContentMd5() const override { return false; }

private:
    UploadDestination m_d;
    cloud::Credentials m_c;
};

class S3Dialect final : public StoreDialect {
public:
    S3Dialect(UploadDestination d, cloud::Credentials c) : m_d(std::move(d)), m_c(std::move(c))
    {
        if (m_d.s3ServiceHost.isEmpty())
            m_d.s3ServiceHost =
                QStringLiteral("cos.") + m_d.region + QStringLiteral(".myqcloud.com");
    }

    QString host() const
    {
        return m_d.s3PathStyle ? m_d.s3ServiceHost : m_d.bucket + u'.' + m_d.s3ServiceHost;
    }
    QString path(const QString& key) const
    {
        const QString keyPath = u'/' + key;
        return m_d.s3PathStyle ? u'/' + m_d.bucket + (key.isEmpty() ? QString() : keyPath)
                               : keyPath;
    }

    PreparedRequest prepare(const StoreRequest& request, qint64 now) const override
    {
        cloud::SigV4Request s;
        s.accessKeyId = m_c.secretId;
        s.secretAccessKey = m_c.secretKey;
        s.sessionToken = m_c.token;
        s.region = m_d.region;
        s.method = QString::fromLatin1(request.method);
        s.host = host();
        s.path = path(request.key);
        s.query = request.query;
        s.headers = request.headers;
        s.timestamp = now;
        if (!request.payloadSha256.isEmpty())
            s.contentSha256 = request.payloadSha256;
        const cloud::SigV4Signed signature = cloud::SigV4Signer::sign(s);

        PreparedRequest p;
        p.method = request.method;
        p.host = s.host;
        // The connection URL: the host part without a port (cosConnectUrl adds the override's).
        QString urlHost = s.host;
        if (const qsizetype colon = urlHost.lastIndexOf(u':'); colon > 0 && !urlHost.endsWith(u']'))
            urlHost.truncate(colon);
        p.url = connectUrl(m_d, urlHost, signature.canonicalUri, encodeQuery(request.query));
        p.headerLines.append("Host: " + s.host.toUtf8());
        p.headerLines += headerLines(request.headers);
        p.headerLines += headerLines(signature.extraHeaders);
        p.headerLines.append(userAgent);
        return p;
    }

    QString objectUrl() const override
    {
        return QStringLiteral("https://") + host() + cloud::SigV4Signer::encodePath(path(m_d.key));
    }
    bool sendsContentMd5() const override { return true; }

private:
    UploadDestination m_d;
    cloud::Credentials m_c;
};

} // namespace

QString StoreDialect::encodeQuery(const cloud::StringPairList& query)
{
    QStringList parts;
    for (const auto& [name, value] : query) {
        QString part = QString::fromLatin1(name.toUtf8().toPercentEncoding());
        if (!value.isEmpty())
            part += u'=' + QString::fromLatin1(value.toUtf8().toPercentEncoding());
        parts.append(part);
    }
    return parts.join(u'&');
}

std::unique_ptr<StoreDialect> StoreDialect::create(const UploadDestination& destination,
                                                   const cloud::Credentials& credentials)
{
    if (destination.dialect == Dialect::S3)
        return std::make_unique<S3Dialect>(destination, credentials);
    return std::make_unique<CosDialect>(destination, credentials);
}

} // namespace cvmi::transfer
