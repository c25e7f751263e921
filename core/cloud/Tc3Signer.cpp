#include "cloud/Tc3Signer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

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

} // namespace

QByteArray Tc3Signer::contentType(const QString& method)
{
    return method.compare(QLatin1String("GET"), Qt::CaseInsensitive) == 0
               ? QByteArrayLiteral("application/x-www-form-urlencoded")
               : QByteArrayLiteral("application/json");
}

Tc3Signed Tc3Signer::sign(const Tc3Request& request)
{
    Tc3Signed out;
    const QString method = request.method.toUpper();
    const bool isGet = method == QLatin1String("GET");
    const QByteArray type = contentType(method);

    // The SDK hashes the body for POST and the empty string for GET (the query carries the data).
    out.payloadHash = sha256Hex(isGet ? QByteArray() : request.body);
    // Only content-type and host are signed, exactly as the SDK does; the X-TC-* headers travel
    // unsigned (the action, timestamp and region are still bound through the scope and the body).
    const QString canonicalHeaders = QLatin1String("content-type:") + QString::fromLatin1(type) +
                                     QLatin1String("\nhost:") + request.host + u'\n';
    const QString signedHeaders = QStringLiteral("content-type;host");
    out.canonicalRequest = method + u'\n' + u'/' + u'\n' +
                           (isGet ? QString::fromUtf8(request.query) : QString()) + u'\n' +
                           canonicalHeaders + u'\n' + signedHeaders + u'\n' + out.payloadHash;

    const QString date = QDateTime::fromSecsSinceEpoch(request.timestamp, Qt::UTC)
                             .toString(QStringLiteral("yyyy-MM-dd"));
    const QString timestamp = QString::number(request.timestamp);
    out.credentialScope = date + u'/' + request.service + QLatin1String("/tc3_request");
    out.stringToSign = QLatin1String("TC3-HMAC-SHA256\n") + timestamp + u'\n' +
                       out.credentialScope + u'\n' + sha256Hex(out.canonicalRequest.toUtf8());

    // Raw digests are chained; only the last one is hex-encoded.
    const QByteArray kDate = hmacSha256("TC3" + request.secretKey.toUtf8(), date.toUtf8());
    const QByteArray kService = hmacSha256(kDate, request.service.toUtf8());
    const QByteArray kSigning = hmacSha256(kService, QByteArrayLiteral("tc3_request"));
    out.signature = QString::fromLatin1(hmacSha256(kSigning, out.stringToSign.toUtf8()).toHex());
    out.authorization = QLatin1String("TC3-HMAC-SHA256 Credential=") + request.secretId + u'/' +
                        out.credentialScope + QLatin1String(", SignedHeaders=") + signedHeaders +
                        QLatin1String(", Signature=") + out.signature;

    out.headers.append({QByteArrayLiteral("Content-Type"), type});
    out.headers.append({QByteArrayLiteral("Host"), request.host.toUtf8()});
    out.headers.append({QByteArrayLiteral("X-TC-Action"), request.action.toUtf8()});
    out.headers.append({QByteArrayLiteral("X-TC-Timestamp"), timestamp.toLatin1()});
    out.headers.append({QByteArrayLiteral("X-TC-Version"), request.version.toUtf8()});
    if (!request.region.isEmpty())
        out.headers.append({QByteArrayLiteral("X-TC-Region"), request.region.toUtf8()});
    if (!request.token.isEmpty())
        out.headers.append({QByteArrayLiteral("X-TC-Token"), request.token.toUtf8()});
    if (!request.language.isEmpty())
        out.headers.append({QByteArrayLiteral("X-TC-Language"), request.language.toUtf8()});
    out.headers.append({QByteArrayLiteral("Authorization"), out.authorization.toUtf8()});
    return out;
}

} // namespace cvmi::cloud
