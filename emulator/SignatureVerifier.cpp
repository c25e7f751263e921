#include "SignatureVerifier.h"

#include "cloud/SigV4Signer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

namespace cvmi::emu {

namespace {

QByteArray hmacSha256(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QString hmacSha1Hex(const QByteArray& key, const QByteArray& message)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1).toHex());
}

QString hexHash(const QByteArray& data, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

AuthResult failure(QString code, QString message, int status = 403)
{
    AuthResult r;
    r.code = std::move(code);
    r.message = std::move(message);
    r.httpStatus = status;
    return r;
}

// "k1=v1, k2=v2" (TC3, SigV4: after the algorithm name) into pairs; separators with or without
// a space, as both are seen on the wire.
QueryItems splitCommaPairs(const QString& text)
{
    QueryItems out;
    for (const QString& part : text.split(u',')) {
        const QString item = part.trimmed();
        const qsizetype eq = item.indexOf(u'=');
        if (eq > 0)
            out.append({item.left(eq), item.mid(eq + 1)});
    }
    return out;
}

QString valueOf(const QueryItems& items, const QString& name)
{
    for (const auto& [n, v] : items) {
        if (n == name)
            return v;
    }
    return {};
}

// COS's encoding: UTF-8 percent-encoded keeping only A-Z a-z 0-9 - _ . ~; names then lower-cased.
QString cosEncodeValue(const QString& value)
{
    return QString::fromLatin1(value.toUtf8().toPercentEncoding());
}

QString cosEncodeName(const QString& name)
{
    return cosEncodeValue(name).toLower();
}

} // namespace

AuthResult SignatureVerifier::verifyTc3(const EmuRequest& request, const QString& service) const
{
    const QString authorization = QString::fromUtf8(request.header("authorization"));
    const QString prefix = QStringLiteral("TC3-HMAC-SHA256 ");
    if (!authorization.startsWith(prefix))
        return failure(QStringLiteral("AuthFailure.InvalidAuthorization"),
                       QStringLiteral("The Authorization header is missing or is not a "
                                      "TC3-HMAC-SHA256 signature."));
    const QueryItems fields = splitCommaPairs(authorization.mid(prefix.size()));
    const QStringList credential = valueOf(fields, QStringLiteral("Credential")).split(u'/');
    const QString signedHeaders = valueOf(fields, QStringLiteral("SignedHeaders"));
    const QString signature = valueOf(fields, QStringLiteral("Signature"));
    if (credential.size() != 4 || credential.at(3) != QLatin1String("tc3_request") ||
        signedHeaders.isEmpty() || signature.isEmpty())
        return failure(QStringLiteral("AuthFailure.InvalidAuthorization"),
                       QStringLiteral("The Authorization header is malformed: it needs "
                                      "Credential=<SecretId>/<date>/<service>/tc3_request, "
                                      "SignedHeaders and Signature."));

    const std::optional<EmulatorAccount> account = m_accounts.find(credential.at(0));
    if (!account)
        return failure(QStringLiteral("AuthFailure.SecretIdNotFound"),
                       QStringLiteral("The SecretId %1 does not exist.").arg(credential.at(0)));

    bool timestampOk = false;
    const qint64 timestamp = request.header("x-tc-timestamp").toLongLong(&timestampOk);
    if (!timestampOk)
        return failure(QStringLiteral("MissingParameter"),
                       QStringLiteral("The X-TC-Timestamp header is missing or not a number."));
    if (qAbs(request.now - timestamp) > tc3MaxSkewSeconds)
        return failure(QStringLiteral("AuthFailure.SignatureExpire"),
                       QStringLiteral("The signature has expired: the request's timestamp %1 is "
                                      "more than %2 seconds from the server time %3.")
                           .arg(timestamp)
                           .arg(tc3MaxSkewSeconds)
                           .arg(request.now));

    const QString token = QString::fromUtf8(request.header("x-tc-token"));
    if (token != account->token)
        return failure(QStringLiteral("AuthFailure.TokenFailure"),
                       account->token.isEmpty()
                           ? QStringLiteral("A token was sent with a permanent SecretId.")
                           : QStringLiteral("The token is missing, invalid or expired."));

    const QString date =
        QDateTime::fromSecsSinceEpoch(timestamp, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
    if (credential.at(1) != date || credential.at(2) != service)
        return failure(QStringLiteral("AuthFailure.SignatureFailure"),
                       QStringLiteral("The credential scope %1/%2 does not match the request: "
                                      "expected %3/%4 (the UTC date of X-TC-Timestamp and the "
                                      "service).")
                           .arg(credential.at(1), credential.at(2), date, service));

    const QStringList headerNames = signedHeaders.split(u';');
    if (!headerNames.contains(QLatin1String("content-type")) ||
        !headerNames.contains(QLatin1String("host")))
        return failure(QStringLiteral("AuthFailure.SignatureFailure"),
                       QStringLiteral("SignedHeaders must include content-type and host."));
    // Names and values lower-cased and trimmed, in the order the client listed them.
    QString canonicalHeaders;
    for (const QString& name : headerNames) {
        canonicalHeaders += name.toLower() + u':' +
                            QString::fromUtf8(request.header(name.toUtf8())).trimmed().toLower() +
                            u'\n';
    }
    const bool isGet = request.method == "GET";
    const QString canonicalRequest =
        QString::fromLatin1(request.method) + u'\n' + QString::fromUtf8(request.rawPath) + u'\n' +
        (isGet ? QString::fromUtf8(request.rawQuery) : QString()) + u'\n' + canonicalHeaders +
        u'\n' + signedHeaders + u'\n' +
        hexHash(isGet ? QByteArray() : request.body, QCryptographicHash::Sha256);
    const QString scope = date + u'/' + service + QLatin1String("/tc3_request");
    const QString stringToSign = QLatin1String("TC3-HMAC-SHA256\n") + QString::number(timestamp) +
                                 u'\n' + scope + u'\n' +
                                 hexHash(canonicalRequest.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray kDate = hmacSha256("TC3" + account->secretKey.toUtf8(), date.toUtf8());
    const QByteArray kService = hmacSha256(kDate, service.toUtf8());
    const QByteArray kSigning = hmacSha256(kService, QByteArrayLiteral("tc3_request"));
    const QString expected =
        QString::fromLatin1(hmacSha256(kSigning, stringToSign.toUtf8()).toHex());
    if (expected != signature) {
        AuthResult r = failure(QStringLiteral("AuthFailure.SignatureFailure"),
                               QStringLiteral("The provided credentials could not be validated. "
                                              "Please check your signature is correct."));
        r.stringToSign = stringToSign;
        r.canonicalRequest = canonicalRequest;
        return r;
    }
    AuthResult ok;
    ok.ok = true;
    ok.account = account;
    return ok;
}

AuthResult SignatureVerifier::verifyCos(const EmuRequest& request) const
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("q-sign-algorithm="))
        return verifyCosNative(request, parseQuery(authorization), false);
    if (authorization.startsWith("AWS4-HMAC-SHA256 "))
        return verifySigV4(request);
    if (!authorization.isEmpty())
        return failure(QStringLiteral("AccessDenied"),
                       QStringLiteral("The Authorization header is not a signature this service "
                                      "understands."));
    if (request.hasQuery(QStringLiteral("q-sign-algorithm")))
        return verifyCosNative(request, request.query, true);
    if (request.hasQuery(QStringLiteral("X-Amz-Algorithm")))
        return failure(QStringLiteral("NotImplemented"),
                       QStringLiteral("The emulator does not implement SigV4 query "
                                      "(pre-signed) authentication; use the COS form."),
                       501);
    AuthResult anonymous = failure(QStringLiteral("AccessDenied"),
                                   QStringLiteral("Access Denied: the request is not signed."));
    anonymous.anonymous = true;
    return anonymous;
}

AuthResult SignatureVerifier::verifyCosNative(const EmuRequest& request, const QueryItems& fields,
                                              bool presigned) const
{
    const QString algorithm = valueOf(fields, QStringLiteral("q-sign-algorithm"));
    const QString secretId = valueOf(fields, QStringLiteral("q-ak"));
    const QString signTime = valueOf(fields, QStringLiteral("q-sign-time"));
    const QString keyTime = valueOf(fields, QStringLiteral("q-key-time"));
    const QString headerList = valueOf(fields, QStringLiteral("q-header-list"));
    const QString paramList = valueOf(fields, QStringLiteral("q-url-param-list"));
    const QString signature = valueOf(fields, QStringLiteral("q-signature"));
    const QStringList times = signTime.split(u';');
    bool startOk = false;
    bool endOk = false;
    const qint64 start = times.value(0).toLongLong(&startOk);
    const qint64 end = times.value(1).toLongLong(&endOk);
    if (algorithm != QLatin1String("sha1") || secretId.isEmpty() || signature.isEmpty() ||
        times.size() != 2 || !startOk || !endOk)
        return failure(QStringLiteral("AccessDenied"),
                       QStringLiteral("The signature is malformed: q-sign-algorithm=sha1, q-ak, "
                                      "q-sign-time=<start>;<end> and q-signature are required."));

    const std::optional<EmulatorAccount> account = m_accounts.find(secretId);
    if (!account)
        return failure(QStringLiteral("InvalidAccessKeyId"),
                       QStringLiteral("The access key Id format you provided is invalid or does "
                                      "not exist."));
    if (presigned && (request.now > end || request.now < start))
        return failure(QStringLiteral("AccessDenied"),
                       request.now > end ? QStringLiteral("Request has expired")
                                         : QStringLiteral("Request is not yet valid"));
    // A header signature whose key time has ended gets COS's AccessDenied "Request has
    // expired" (what a client whose clock is behind meets); one not yet valid gets
    // RequestTimeTooSkewed.
    if (!presigned && request.now > end)
        return failure(QStringLiteral("AccessDenied"), QStringLiteral("Request has expired"));
    if (!presigned && request.now < start)
        return failure(QStringLiteral("RequestTimeTooSkewed"),
                       QStringLiteral("The difference between the request time and the server's "
                                      "time is too large: q-sign-time %1 does not include the "
                                      "server time %2.")
                           .arg(signTime)
                           .arg(request.now));

    const QString token = presigned ? request.queryValue(QStringLiteral("x-cos-security-token"))
                                    : QString::fromUtf8(request.header("x-cos-security-token"));
    if (token != account->token)
        return failure(QStringLiteral("InvalidToken"),
                       QStringLiteral("The security token is missing, invalid or expired."));

    // The server signs exactly what the client listed, in the client's order: a listed header
    // or parameter that is missing signs as an empty value and so fails the comparison.
    QString httpHeaders;
    for (const QString& name : headerList.split(u';', Qt::SkipEmptyParts)) {
        QString value;
        for (const auto& [n, v] : request.headers) {
            if (cosEncodeName(QString::fromUtf8(n)) == name)
                value = QString::fromUtf8(v).trimmed();
        }
        if (!httpHeaders.isEmpty())
            httpHeaders += u'&';
        httpHeaders += name + u'=' + cosEncodeValue(value);
    }
    QString httpParameters;
    for (const QString& name : paramList.split(u';', Qt::SkipEmptyParts)) {
        QString value;
        for (const auto& [n, v] : request.query) {
            if (cosEncodeName(n) == name)
                value = v;
        }
        if (!httpParameters.isEmpty())
            httpParameters += u'&';
        httpParameters += name + u'=' + cosEncodeValue(value);
    }
    const QString formatString = QString::fromLatin1(request.method).toLower() + u'\n' +
                                 request.path + u'\n' + httpParameters + u'\n' + httpHeaders +
                                 u'\n';
    const QString stringToSign = QLatin1String("sha1\n") + signTime + u'\n' +
                                 hexHash(formatString.toUtf8(), QCryptographicHash::Sha1) + u'\n';
    const QString signKey = hmacSha1Hex(account->secretKey.toUtf8(), keyTime.toUtf8());
    const QString expected = hmacSha1Hex(signKey.toLatin1(), stringToSign.toUtf8());
    if (expected != signature || keyTime != signTime) {
        AuthResult r = failure(QStringLiteral("SignatureDoesNotMatch"),
                               QStringLiteral("The Signature you specified is invalid."));
        r.stringToSign = stringToSign;
        r.formatString = formatString;
        return r;
    }
    AuthResult ok;
    ok.ok = true;
    ok.account = account;
    return ok;
}

AuthResult SignatureVerifier::verifySigV4(const EmuRequest& request) const
{
    const QString authorization = QString::fromUtf8(request.header("authorization"));
    const QueryItems fields =
        splitCommaPairs(authorization.mid(QLatin1String("AWS4-HMAC-SHA256 ").size()));
    const QStringList credential = valueOf(fields, QStringLiteral("Credential")).split(u'/');
    const QString signedHeaders = valueOf(fields, QStringLiteral("SignedHeaders"));
    const QString signature = valueOf(fields, QStringLiteral("Signature"));
    if (credential.size() != 5 || credential.at(4) != QLatin1String("aws4_request") ||
        signedHeaders.isEmpty() || signature.isEmpty())
        return failure(QStringLiteral("AuthorizationHeaderMalformed"),
                       QStringLiteral("The authorization header is malformed."), 400);
    const std::optional<EmulatorAccount> account = m_accounts.find(credential.at(0));
    if (!account)
        return failure(QStringLiteral("InvalidAccessKeyId"),
                       QStringLiteral("The AWS Access Key Id you provided does not exist in our "
                                      "records."));

    const QString amzDate = QString::fromLatin1(request.header("x-amz-date"));
    QDateTime time = QDateTime::fromString(amzDate, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    if (!time.isValid())
        return failure(QStringLiteral("AccessDenied"),
                       QStringLiteral("AWS authentication requires a valid x-amz-date header."));
    const qint64 timestamp = time.toSecsSinceEpoch();
    if (qAbs(request.now - timestamp) > sigV4MaxSkewSeconds)
        return failure(QStringLiteral("RequestTimeTooSkewed"),
                       QStringLiteral("The difference between the request time and the current "
                                      "time is too large."));

    const QString contentSha256 = QString::fromLatin1(request.header("x-amz-content-sha256"));
    if (contentSha256.isEmpty())
        return failure(QStringLiteral("InvalidRequest"),
                       QStringLiteral("Missing required header for this request: "
                                      "x-amz-content-sha256"),
                       400);
    if (contentSha256.startsWith(QLatin1String("STREAMING-")))
        return failure(QStringLiteral("NotImplemented"),
                       QStringLiteral("aws-chunked payloads are not implemented by the emulator."),
                       501);
    if (contentSha256 != cloud::SigV4Signer::unsignedPayload() &&
        contentSha256 != cloud::SigV4Signer::payloadHash(request.body))
        return failure(QStringLiteral("XAmzContentSHA256Mismatch"),
                       QStringLiteral("The provided 'x-amz-content-sha256' header does not match "
                                      "what was computed."),
                       400);
    const QString token = QString::fromUtf8(request.header("x-amz-security-token"));
    if (token != account->token)
        return failure(QStringLiteral("InvalidToken"),
                       QStringLiteral("The provided token is malformed or otherwise invalid."));

    cloud::SigV4Request r;
    r.accessKeyId = account->secretId;
    r.secretAccessKey = account->secretKey;
    r.sessionToken = token;
    r.region = credential.at(2);
    r.service = credential.at(3);
    r.method = QString::fromLatin1(request.method);
    r.host = QString::fromUtf8(request.hostLine);
    r.path = request.path;
    r.query = request.query;
    r.timestamp = timestamp;
    r.contentSha256 = contentSha256;
    // The signer adds host, x-amz-date, x-amz-content-sha256 and the token itself; every other
    // header the client listed is signed with the value received.
    static const QStringList added = {QStringLiteral("host"), QStringLiteral("x-amz-date"),
                                      QStringLiteral("x-amz-content-sha256"),
                                      QStringLiteral("x-amz-security-token")};
    for (const QString& name : signedHeaders.split(u';')) {
        if (!added.contains(name))
            r.headers.append({name, QString::fromUtf8(request.header(name.toUtf8()))});
    }
    const cloud::SigV4Signed computed = cloud::SigV4Signer::sign(r);
    if (credential.at(1) != amzDate.left(8) || computed.signedHeaders != signedHeaders ||
        computed.signature != signature) {
        AuthResult failed = failure(QStringLiteral("SignatureDoesNotMatch"),
                                    QStringLiteral("The request signature we calculated does not "
                                                   "match the signature you provided. Check your "
                                                   "key and signing method."));
        failed.stringToSign = computed.stringToSign;
        failed.canonicalRequest = computed.canonicalRequest;
        return failed;
    }
    AuthResult ok;
    ok.ok = true;
    ok.account = account;
    ok.region = credential.at(2);
    return ok;
}

} // namespace cvmi::emu
