#include "cloud/CosSigner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMap>
#include <QMessageAuthenticationCode>

namespace cvmi::cloud {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::CosSigner)
};

QString hmacSha1Hex(const QByteArray& key, const QByteArray& message)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1).toHex());
}

// Percent-encoding of UTF-8 keeping only A-Z a-z 0-9 - _ . ~ (upper-case hex), as the SDK's
// quote(value, '-_.~') does.
QString encodeValue(const QString& value)
{
    return QString::fromLatin1(value.toUtf8().toPercentEncoding());
}

// Names are encoded first and lower-cased afterwards (so "%2F" becomes "%2f"), as the SDK does.
QString encodeName(const QString& name)
{
    return encodeValue(name).toLower();
}

// application/x-www-form-urlencoded as Python's urlencode (quote_plus): space becomes '+'.
QString formEncode(const QString& value)
{
    QByteArray encoded = value.toUtf8().toPercentEncoding(QByteArrayLiteral(" "));
    encoded.replace(' ', '+');
    return QString::fromLatin1(encoded);
}

struct Encoded {
    QString joined; // name=value&...
    QString names;  // name;name
};

// Encodes, de-duplicates (the last value of a name wins, as in the SDK's dict) and sorts.
Encoded encodeSorted(const StringPairList& pairs)
{
    QMap<QString, QString> sorted;
    for (const auto& [name, value] : pairs)
        sorted.insert(encodeName(name), encodeValue(value));
    Encoded out;
    for (auto it = sorted.cbegin(); it != sorted.cend(); ++it) {
        if (!out.joined.isEmpty()) {
            out.joined += u'&';
            out.names += u';';
        }
        out.joined += it.key() + u'=' + it.value();
        out.names += it.key();
    }
    return out;
}

} // namespace

bool CosSigner::signedHeader(const QString& name)
{
    static const QStringList listed = {QStringLiteral("cache-control"),
                                       QStringLiteral("content-disposition"),
                                       QStringLiteral("content-encoding"),
                                       QStringLiteral("content-type"),
                                       QStringLiteral("content-md5"),
                                       QStringLiteral("content-length"),
                                       QStringLiteral("expect"),
                                       QStringLiteral("expires"),
                                       QStringLiteral("host"),
                                       QStringLiteral("if-match"),
                                       QStringLiteral("if-modified-since"),
                                       QStringLiteral("if-none-match"),
                                       QStringLiteral("if-unmodified-since"),
                                       QStringLiteral("origin"),
                                       QStringLiteral("range"),
                                       QStringLiteral("transfer-encoding"),
                                       QStringLiteral("pic-operations")};
    const QString lower = name.toLower();
    return listed.contains(lower) || lower.startsWith(QLatin1String("x-cos-")) ||
           lower.startsWith(QLatin1String("x-ci-"));
}

QString CosSigner::encodeKeyPath(const QString& key)
{
    QString path = key.startsWith(u'/') ? key.mid(1) : key;
    QString encoded = QString::fromLatin1(path.toUtf8().toPercentEncoding(QByteArrayLiteral("/")));
    // Like the SDK: a "./" would be collapsed as a dot segment by URL normalisation on the way.
    encoded.replace(QLatin1String("./"), QLatin1String(".%2F"));
    return u'/' + encoded;
}

CosSigned CosSigner::sign(const CosSignRequest& request)
{
    CosSigned out;
    StringPairList headers;
    bool hasHost = false;
    for (const auto& header : request.headers) {
        if (!signedHeader(header.first))
            continue;
        hasHost = hasHost || header.first.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0;
        headers.append(header);
    }
    if (!hasHost && !request.host.isEmpty())
        headers.append({QStringLiteral("host"), request.host});
    if (!request.token.isEmpty()) {
        const QPair<QString, QString> token{QStringLiteral("x-cos-security-token"), request.token};
        headers.append(token);
        out.extraHeaders.append(token);
    }

    const Encoded params = encodeSorted(request.params);
    const Encoded signedHeaders = encodeSorted(headers);
    out.httpParameters = params.joined;
    out.urlParamList = params.names;
    out.httpHeaders = signedHeaders.joined;
    out.headerList = signedHeaders.names;

    // The path is signed decoded (raw UTF-8), unlike the one sent on the wire.
    const QString path = request.key.startsWith(u'/') ? request.key : u'/' + request.key;
    out.httpString = request.method.toLower() + u'\n' + path + u'\n' + out.httpParameters + u'\n' +
                     out.httpHeaders + u'\n';

    out.keyTime =
        QString::number(request.keyTimeStart) + u';' + QString::number(request.keyTimeEnd);
    const QString httpStringSha1 = QString::fromLatin1(
        QCryptographicHash::hash(out.httpString.toUtf8(), QCryptographicHash::Sha1).toHex());
    out.stringToSign = QLatin1String("sha1\n") + out.keyTime + u'\n' + httpStringSha1 + u'\n';
    // The sign key's hex string, not its raw digest, is the key of the second HMAC.
    out.signKey = hmacSha1Hex(request.secretKey.toUtf8(), out.keyTime.toUtf8());
    out.signature = hmacSha1Hex(out.signKey.toLatin1(), out.stringToSign.toUtf8());
    out.authorization =
        QLatin1String("q-sign-algorithm=sha1&q-ak=") + request.secretId +
        QLatin1String("&q-sign-time=") + out.keyTime + QLatin1String("&q-key-time=") + out.keyTime +
        QLatin1String("&q-header-list=") + out.headerList + QLatin1String("&q-url-param-list=") +
        out.urlParamList + QLatin1String("&q-signature=") + out.signature;
    return out;
}

std::optional<QString> CosSigner::presignedUrl(const CosPresignRequest& request, Error* error,
                                               CosSigned* details)
{
    if (request.expireSeconds <= 0 || request.expireSeconds > maxPresignSeconds) {
        fail(error, QStringLiteral("presign_expiry"),
             Text::tr("A pre-signed URL must expire within 1 second to 7 days (%1 seconds); %2 "
                      "seconds was asked. Choose a shorter validity: anyone holding the URL can "
                      "download the image until it expires.")
                 .arg(maxPresignSeconds)
                 .arg(request.expireSeconds));
        return std::nullopt;
    }
    if (request.host.isEmpty()) {
        fail(error, QStringLiteral("presign_host"),
             Text::tr("A pre-signed URL needs the bucket's host name."));
        return std::nullopt;
    }

    StringPairList params = request.params;
    if (!request.token.isEmpty())
        params.append({QStringLiteral("x-cos-security-token"), request.token});

    CosSignRequest sign;
    sign.secretId = request.secretId;
    sign.secretKey = request.secretKey;
    sign.method = request.method;
    sign.host = request.host;
    sign.key = request.key;
    sign.params = params;
    const auto [start, end] = keyTimeFor(request.now, request.expireSeconds);
    sign.keyTimeStart = start;
    sign.keyTimeEnd = end;
    const CosSigned signedRequest = CosSigner::sign(sign);

    const StringPairList authPairs = {
        {QStringLiteral("q-sign-algorithm"), QStringLiteral("sha1")},
        {QStringLiteral("q-ak"), request.secretId},
        {QStringLiteral("q-sign-time"), signedRequest.keyTime},
        {QStringLiteral("q-key-time"), signedRequest.keyTime},
        {QStringLiteral("q-header-list"), signedRequest.headerList},
        {QStringLiteral("q-url-param-list"), signedRequest.urlParamList},
        {QStringLiteral("q-signature"), signedRequest.signature}};
    QString query;
    for (const auto& [name, value] : authPairs + params) {
        if (!query.isEmpty())
            query += u'&';
        query += formEncode(name) + u'=' + formEncode(value);
    }
    if (details)
        *details = signedRequest;
    return request.scheme + QLatin1String("://") + request.host + encodeKeyPath(request.key) +
           u'?' + query;
}

} // namespace cvmi::cloud
