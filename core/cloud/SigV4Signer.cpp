#include "cloud/SigV4Signer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QStringList>

#include <algorithm>

namespace cvmi::cloud {

namespace {

QByteArray hmacSha256(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QString sha256Hex(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString encodeComponent(const QString& value)
{
    return QString::fromLatin1(value.toUtf8().toPercentEncoding());
}

// SigV4's Trimall: no leading or trailing white space, inner runs collapsed to one space.
QString trimAll(const QString& value)
{
    return value.simplified();
}

bool neverSigned(const QString& lowerName)
{
    // botocore's list: hop-by-hop headers a proxy may rewrite, plus User-Agent and trace ids.
    static const QStringList names = {QStringLiteral("authorization"),
                                      QStringLiteral("connection"),
                                      QStringLiteral("expect"),
                                      QStringLiteral("keep-alive"),
                                      QStringLiteral("proxy-authenticate"),
                                      QStringLiteral("proxy-authorization"),
                                      QStringLiteral("te"),
                                      QStringLiteral("trailer"),
                                      QStringLiteral("transfer-encoding"),
                                      QStringLiteral("upgrade"),
                                      QStringLiteral("user-agent"),
                                      QStringLiteral("x-amzn-trace-id")};
    return names.contains(lowerName);
}

} // namespace

QString SigV4Signer::payloadHash(const QByteArray& body)
{
    return sha256Hex(body);
}

QString SigV4Signer::encodePath(const QString& path)
{
    if (path.isEmpty())
        return QStringLiteral("/");
    const QString absolute = path.startsWith(u'/') ? path : u'/' + path;
    return QString::fromLatin1(absolute.toUtf8().toPercentEncoding(QByteArrayLiteral("/")));
}

SigV4Signed SigV4Signer::sign(const SigV4Request& request)
{
    SigV4Signed out;
    const QDateTime time = QDateTime::fromSecsSinceEpoch(request.timestamp, Qt::UTC);
    out.amzDate = time.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString date = out.amzDate.left(8);

    out.extraHeaders.append({QStringLiteral("x-amz-date"), out.amzDate});
    out.extraHeaders.append({QStringLiteral("x-amz-content-sha256"), request.contentSha256});
    if (!request.sessionToken.isEmpty())
        out.extraHeaders.append({QStringLiteral("x-amz-security-token"), request.sessionToken});

    // Repeated headers sign as one, values joined by ',' in the order given.
    QMap<QString, QStringList> headers;
    headers[QStringLiteral("host")] = QStringList{request.host};
    for (const auto& [name, value] : request.headers + out.extraHeaders) {
        const QString lower = name.trimmed().toLower();
        if (neverSigned(lower))
            continue;
        if (lower == QLatin1String("host"))
            headers[lower] = QStringList{trimAll(value)};
        else
            headers[lower].append(trimAll(value));
    }
    QStringList names;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        out.canonicalHeaders += it.key() + u':' + it.value().join(u',') + u'\n';
        names.append(it.key());
    }
    out.signedHeaders = names.join(u';');

    out.canonicalUri = encodePath(request.path);
    QList<QPair<QString, QString>> query;
    for (const auto& [name, value] : request.query)
        query.append({encodeComponent(name), encodeComponent(value)});
    std::sort(query.begin(), query.end());
    QStringList queryParts;
    for (const auto& [name, value] : query)
        queryParts.append(name + u'=' + value);
    out.canonicalQuery = queryParts.join(u'&');

    out.canonicalRequest = request.method.toUpper() + u'\n' + out.canonicalUri + u'\n' +
                           out.canonicalQuery + u'\n' + out.canonicalHeaders + u'\n' +
                           out.signedHeaders + u'\n' + request.contentSha256;
    out.credentialScope =
        date + u'/' + request.region + u'/' + request.service + QLatin1String("/aws4_request");
    out.stringToSign = QLatin1String("AWS4-HMAC-SHA256\n") + out.amzDate + u'\n' +
                       out.credentialScope + u'\n' + sha256Hex(out.canonicalRequest.toUtf8());

    const QByteArray kDate = hmacSha256("AWS4" + request.secretAccessKey.toUtf8(), date.toUtf8());
    const QByteArray kRegion = hmacSha256(kDate, request.region.toUtf8());
    const QByteArray kService = hmacSha256(kRegion, request.service.toUtf8());
    const QByteArray kSigning = hmacSha256(kService, QByteArrayLiteral("aws4_request"));
    out.signature = QString::fromLatin1(hmacSha256(kSigning, out.stringToSign.toUtf8()).toHex());
    // ", " separators as botocore writes them; S3 accepts them with or without the space.
    out.authorization = QLatin1String("AWS4-HMAC-SHA256 Credential=") + request.accessKeyId + u'/' +
                        out.credentialScope + QLatin1String(", SignedHeaders=") +
                        out.signedHeaders + QLatin1String(", Signature=") + out.signature;
    out.extraHeaders.append({QStringLiteral("Authorization"), out.authorization});
    return out;
}

} // namespace cvmi::cloud
