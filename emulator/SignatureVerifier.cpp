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

AuthResult success(const EmulatorAccount& account)
{
    AuthResult ok;
    ok.ok = true;
    ok.account = account;
    return ok;
}

// What the server computed from the request it received, to compare with what was sent and,
// when they differ, to show the client (COS and S3 put these in the error body).
struct Recomputed {
    QString signature;
    QString stringToSign;
    QString canonicalRequest; // TC3
    QString formatString;     // COS native
};

// X-TC-Timestamp present and within 300 s of the server's clock.
std::optional<AuthResult> tc3TimeRefusal(const EmuRequest& request, qint64* timestamp)
{
    bool timestampOk = false;
    *timestamp = request.header("x-tc-timestamp").toLongLong(&timestampOk);
    if (!timestampOk)
        return failure(QStringLiteral("MissingParameter"),
                       QStringLiteral("The X-TC-Timestamp header is missing or not a number."));
    if (qAbs(request.now - *timestamp) > SignatureVerifier::tc3MaxSkewSeconds)
        return failure(QStringLiteral("AuthFailure.SignatureExpire"),
                       QStringLiteral("The signature has expired: the request's timestamp %1 is "
                                      "more than %2 seconds from the server time %3.")
                           .arg(*timestamp)
                           .arg(SignatureVerifier::tc3MaxSkewSeconds)
                           .arg(request.now));
    return std::nullopt;
}

// TC3-HMAC-SHA256 over what was received: the canonical request (a GET signs its query and an
// empty payload, a POST its body), the scope of the timestamp's UTC date, the derived key.
Recomputed tc3Signature(const EmuRequest& request, const QString& secretKey, const QString& service,
                        qint64 timestamp, const QString& signedHeaders)
{
    // Names and values lower-cased and trimmed, in the order the client listed them.
    QString canonicalHeaders;
    for (const QString& name : signedHeaders.split(u';')) {
        canonicalHeaders += name.toLower() + u':' +
                            QString::fromUtf8(request.header(name.toUtf8())).trimmed().toLower() +
                            u'\n';
    }
    const bool isGet = request.method == "GET";
    Recomputed r;
    r.canonicalRequest = QString::fromLatin1(request.method) + u'\n' +
                         QString::fromUtf8(request.rawPath) + u'\n' +
                         (isGet ? QString::fromUtf8(request.rawQuery) : QString()) + u'\n' +
                         canonicalHeaders + u'\n' + signedHeaders + u'\n' +
                         hexHash(isGet ? QByteArray() : request.body, QCryptographicHash::Sha256);
    const QString date =
        QDateTime::fromSecsSinceEpoch(timestamp, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
    const QString scope = date + u'/' + service + QLatin1String("/tc3_request");
    r.stringToSign = QLatin1String("TC3-HMAC-SHA256\n") + QString::number(timestamp) + u'\n' +
                     scope + u'\n' +
                     hexHash(r.canonicalRequest.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray kDate = hmacSha256("TC3" + secretKey.toUtf8(), date.toUtf8());
    const QByteArray kService = hmacSha256(kDate, service.toUtf8());
    const QByteArray kSigning = hmacSha256(kService, QByteArrayLiteral("tc3_request"));
    r.signature = QString::fromLatin1(hmacSha256(kSigning, r.stringToSign.toUtf8()).toHex());
    return r;
}

std::optional<AuthResult> cosTimeRefusal(const EmuRequest& request, bool presigned, qint64 start,
                                         qint64 end, const QString& signTime)
{
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
    return std::nullopt;
}

// The q-header-list or q-url-param-list part of COS's HttpString: "name=value&..." for each
// listed name, with the value of the last received item of that (encoded) name.
QString cosSignedList(const QString& list, const QueryItems& received)
{
    // The server signs exactly what the client listed, in the client's order: a listed header
    // or parameter that is missing signs as an empty value and so fails the comparison.
    QString out;
    for (const QString& name : list.split(u';', Qt::SkipEmptyParts)) {
        QString value;
        for (const auto& [n, v] : received) {
            if (cosEncodeName(n) == name)
                value = v;
        }
        if (!out.isEmpty())
            out += u'&';
        out += name + u'=' + cosEncodeValue(value);
    }
    return out;
}

// COS's q-sign-algorithm=sha1 over what was received: the HttpString (method, decoded path,
// listed parameters and headers), its SHA-1 in the StringToSign, the key from q-key-time.
Recomputed cosSignature(const EmuRequest& request, const QueryItems& fields,
                        const QString& secretKey)
{
    QueryItems headers;
    for (const auto& [n, v] : request.headers)
        headers.append({QString::fromUtf8(n), QString::fromUtf8(v).trimmed()});
    const QString httpHeaders =
        cosSignedList(valueOf(fields, QStringLiteral("q-header-list")), headers);
    const QString httpParameters =
        cosSignedList(valueOf(fields, QStringLiteral("q-url-param-list")), request.query);
    Recomputed r;
    r.formatString = QString::fromLatin1(request.method).toLower() + u'\n' + request.path + u'\n' +
                     httpParameters + u'\n' + httpHeaders + u'\n';
    r.stringToSign = QLatin1String("sha1\n") + valueOf(fields, QStringLiteral("q-sign-time")) +
                     u'\n' + hexHash(r.formatString.toUtf8(), QCryptographicHash::Sha1) + u'\n';
    const QString signKey =
        hmacSha1Hex(secretKey.toUtf8(), valueOf(fields, QStringLiteral("q-key-time")).toUtf8());
    r.signature = hmacSha1Hex(signKey.toLatin1(), r.stringToSign.toUtf8());
    return r;
}

// x-amz-date valid and within S3's 15 minutes of the server's clock.
std::optional<AuthResult> sigV4TimeRefusal(const EmuRequest& request, qint64* timestamp)
{
    const QString amzDate = QString::fromLatin1(request.header("x-amz-date"));
    QDateTime time = QDateTime::fromString(amzDate, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    if (!time.isValid())
        return failure(QStringLiteral("AccessDenied"),
                       QStringLiteral("AWS authentication requires a valid x-amz-date header."));
    *timestamp = time.toSecsSinceEpoch();
    if (qAbs(request.now - *timestamp) > SignatureVerifier::sigV4MaxSkewSeconds)
        return failure(QStringLiteral("RequestTimeTooSkewed"),
                       QStringLiteral("The difference between the request time and the current "
                                      "time is too large."));
    return std::nullopt;
}

// x-amz-content-sha256: required, not aws-chunked, and UNSIGNED-PAYLOAD or the body's hash.
std::optional<AuthResult> sigV4PayloadRefusal(const EmuRequest& request)
{
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
    return std::nullopt;
}

// What the product's own SigV4 signer needs to sign the received request again.
cloud::SigV4Request sigV4Request(const EmuRequest& request, const EmulatorAccount& account,
                                 const QStringList& credential, const QString& signedHeaders,
                                 qint64 timestamp)
{
    cloud::SigV4Request r;
    r.accessKeyId = account.secretId;
    r.secretAccessKey = account.secretKey;
    r.sessionToken = QString::fromUtf8(request.header("x-amz-security-token"));
    r.region = credential.at(2);
    r.service = credential.at(3);
    r.method = QString::fromLatin1(request.method);
    r.host = QString::fromUtf8(request.hostLine);
    r.path = request.path;
    r.query = request.query;
    r.timestamp = timestamp;
    r.contentSha256 = QString::fromLatin1(request.header("x-amz-content-sha256"));
    // The signer adds host, x-amz-date, x-amz-content-sha256 and the token itself; every other
    // header the client listed is signed with the value received.
    static const QStringList added = {QStringLiteral("host"), QStringLiteral("x-amz-date"),
                                      QStringLiteral("x-amz-content-sha256"),
                                      QStringLiteral("x-amz-security-token")};
    for (const QString& name : signedHeaders.split(u';')) {
        if (!added.contains(name))
            r.headers.append({name, QString::fromUtf8(request.header(name.toUtf8()))});
    }
    return r;
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
    qint64 timestamp = 0;
    if (const auto refused = tc3TimeRefusal(request, &timestamp))
        return *refused;
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

    const Recomputed computed =
        tc3Signature(request, account->secretKey, service, timestamp, signedHeaders);
    if (computed.signature != signature) {
        AuthResult r = failure(QStringLiteral("AuthFailure.SignatureFailure"),
                               QStringLiteral("The provided credentials could not be validated. "
                                              "Please check your signature is correct."));
        r.stringToSign = computed.stringToSign;
        r.canonicalRequest = computed.canonicalRequest;
        return r;
    }
    return success(*account);
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
    if (const auto refused = cosTimeRefusal(request, presigned, start, end, signTime))
        return *refused;
    const QString token = presigned ? request.queryValue(QStringLiteral("x-cos-security-token"))
                                    : QString::fromUtf8(request.header("x-cos-security-token"));
    if (token != account->token)
        return failure(QStringLiteral("InvalidToken"),
                       QStringLiteral("The security token is missing, invalid or expired."));

    const Recomputed computed = cosSignature(request, fields, account->secretKey);
    if (computed.signature != signature || keyTime != signTime) {
        AuthResult r = failure(QStringLiteral("SignatureDoesNotMatch"),
                               QStringLiteral("The Signature you specified is invalid."));
        r.stringToSign = computed.stringToSign;
        r.formatString = computed.formatString;
        return r;
    }
    return success(*account);
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
    qint64 timestamp = 0;
    if (const auto refused = sigV4TimeRefusal(request, &timestamp))
        return *refused;
    if (const auto refused = sigV4PayloadRefusal(request))
        return *refused;
    const QString token = QString::fromUtf8(request.header("x-amz-security-token"));
    if (token != account->token)
        return failure(QStringLiteral("InvalidToken"),
                       QStringLiteral("The provided token is malformed or otherwise invalid."));

    const cloud::SigV4Signed computed = cloud::SigV4Signer::sign(
        sigV4Request(request, *account, credential, signedHeaders, timestamp));
    const QString amzDate = QString::fromLatin1(request.header("x-amz-date"));
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
    AuthResult ok = success(*account);
    ok.region = credential.at(2);
    return ok;
}

} // namespace cvmi::emu
