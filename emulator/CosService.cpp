#include "CosService.h"

#include "CosReplies.h"

#include <QRegularExpression>

namespace cvmi::emu {

namespace {

const QRegularExpression& virtualHostPattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^([a-z0-9][a-z0-9-]*-[0-9]+)\.cos\.([a-z0-9-]+)\.(?:myqcloud\.com|tencentcos\.cn)$)"));
    return re;
}

const QRegularExpression& regionHostPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^cos\.([a-z0-9-]+)\.myqcloud\.com$)"));
    return re;
}

} // namespace

CosService::CosService(CosStore& store, const SignatureVerifier& verifier, QString defaultRegion)
    : m_store(store), m_verifier(verifier), m_defaultRegion(std::move(defaultRegion))
{
}

CosService::Target CosService::targetOf(const EmuRequest& request) const
{
    Target t;
    const auto vhost = virtualHostPattern().match(request.host);
    if (vhost.hasMatch()) {
        t.bucket = vhost.captured(1);
        t.region = vhost.captured(2);
        t.key = request.path.mid(1);
        t.kind = t.key.isEmpty() ? Target::Kind::Bucket : Target::Kind::Object;
        return t;
    }
    if (request.host == QLatin1String("service.cos.myqcloud.com"))
        return t;
    const auto regional = regionHostPattern().match(request.host);
    if (regional.hasMatch())
        t.region = regional.captured(1);
    // Path style: the first segment names the bucket, the rest is the key.
    const QString path = request.path.mid(1);
    if (path.isEmpty())
        return t;
    const qsizetype slash = path.indexOf(u'/');
    t.bucket = slash < 0 ? path : path.left(slash);
    t.key = slash < 0 ? QString() : path.mid(slash + 1);
    t.kind = t.key.isEmpty() ? Target::Kind::Bucket : Target::Kind::Object;
    return t;
}

QString CosService::operationFor(const EmuRequest& request) const
{
    const Target t = targetOf(request);
    const QByteArray& m = request.method;
    switch (t.kind) {
    case Target::Kind::Service:
        return QStringLiteral("GetService");
    case Target::Kind::Bucket:
        if (m == "HEAD")
            return QStringLiteral("HeadBucket");
        if (m == "PUT")
            return QStringLiteral("PutBucket");
        if (m == "GET" && request.hasQuery(QStringLiteral("uploads")))
            return QStringLiteral("ListMultipartUploads");
        if (m == "GET")
            return QStringLiteral("GetBucket");
        return QStringLiteral("Bucket") + QString::fromLatin1(m);
    case Target::Kind::Object:
        break;
    }
    const bool hasUploadId = request.hasQuery(QStringLiteral("uploadId"));
    if (m == "HEAD")
        return QStringLiteral("HeadObject");
    if (m == "GET")
        return hasUploadId ? QStringLiteral("ListParts") : QStringLiteral("GetObject");
    if (m == "PUT")
        return hasUploadId ? QStringLiteral("UploadPart") : QStringLiteral("PutObject");
    if (m == "POST" && request.hasQuery(QStringLiteral("uploads")))
        return QStringLiteral("InitiateMultipartUpload");
    if (m == "POST" && hasUploadId)
        return QStringLiteral("CompleteMultipartUpload");
    if (m == "DELETE")
        return hasUploadId ? QStringLiteral("AbortMultipartUpload")
                           : QStringLiteral("DeleteObject");
    return QStringLiteral("Object") + QString::fromLatin1(m);
}

EmuResponse CosService::faultResponse(const EmuRequest& request, FaultKind kind) const
{
    if (kind == FaultKind::SlowDown)
        return cos::errorReply(request, 503, QStringLiteral("SlowDown"),
                               QStringLiteral("Please reduce your request rate."));
    return cos::errorReply(request, 500, QStringLiteral("InternalError"),
                           QStringLiteral("We encountered an internal error. Please try again."));
}

EmuResponse CosService::handle(const EmuRequest& request)
{
    const Target t = targetOf(request);
    const QString op = operationFor(request);
    const AuthResult auth = m_verifier.verifyCos(request);

    std::optional<BucketInfo> bucket;
    if (t.kind != Target::Kind::Service)
        bucket = m_store.bucket(t.bucket);

    if (!auth.ok) {
        // Anonymous reads of a public-read bucket's objects are the one unsigned access.
        const bool publicRead =
            auth.anonymous && bucket && bucket->publicRead &&
            (op == QLatin1String("GetObject") || op == QLatin1String("HeadObject"));
        if (!publicRead)
            return cos::errorReply(request, auth.httpStatus, auth.code, auth.message, &auth);
    }

    if (t.kind == Target::Kind::Service) {
        if (request.method != "GET")
            return cos::errorReply(request, 405, QStringLiteral("MethodNotAllowed"),
                                   QStringLiteral("The specified method is not allowed."));
        return getService(request, t, *auth.account);
    }
    if (op == QLatin1String("PutBucket"))
        return putBucket(request, t, *auth.account, auth.region);
    if (const auto refused = bucketRefusal(request, t, op, auth, bucket))
        return *refused;
    return dispatch(request, t, op, auth, *bucket);
}

std::optional<EmuResponse> CosService::bucketRefusal(const EmuRequest& request, const Target& t,
                                                     const QString& op, const AuthResult& auth,
                                                     const std::optional<BucketInfo>& bucket) const
{
    // A host that names another region reaches that region's COS, where the bucket does not
    // exist: COS answers it as it answers an absent bucket (404 NoSuchBucket, no redirect hint;
    // see docs/vendor-differences.md). Path style on a host without a region is not affected.
    if (!bucket || (!t.region.isEmpty() && bucket->region != t.region))
        return cos::errorReply(request, 404, QStringLiteral("NoSuchBucket"),
                               QStringLiteral("The specified bucket does not exist."));
    if (auth.ok && bucket->appId != auth.account->appId)
        return cos::errorReply(request, 403, QStringLiteral("AccessDenied"),
                               QStringLiteral("Access Denied."));
    return lengthRequired(request, op);
}

EmuResponse CosService::dispatch(const EmuRequest& request, const Target& t, const QString& op,
                                 const AuthResult& auth, const BucketInfo& bucket)
{
    if (op == QLatin1String("HeadBucket"))
        return headBucket(bucket);
    if (op == QLatin1String("ListMultipartUploads"))
        return listUploads(request, t, *auth.account);
    if (op == QLatin1String("GetBucket"))
        return getBucket(request, bucket);
    if (op == QLatin1String("HeadObject"))
        return getObject(request, t, true);
    if (op == QLatin1String("GetObject"))
        return getObject(request, t, false);
    if (op == QLatin1String("PutObject"))
        return putObject(request, t);
    if (op == QLatin1String("DeleteObject"))
        return deleteObject(t);
    if (op == QLatin1String("InitiateMultipartUpload"))
        return initiateUpload(request, t);
    if (op == QLatin1String("UploadPart"))
        return uploadPart(request, t);
    if (op == QLatin1String("CompleteMultipartUpload"))
        return completeUpload(request, t);
    if (op == QLatin1String("ListParts"))
        return listParts(request, t, *auth.account);
    if (op == QLatin1String("AbortMultipartUpload"))
        return abortUpload(request, t);
    return cos::errorReply(request, 501, QStringLiteral("NotImplemented"),
                           QStringLiteral("The emulator does not implement %1.").arg(op));
}

std::optional<EmuResponse> CosService::lengthRequired(const EmuRequest& request,
                                                      const QString& op) const
{
    // Upload Part lists Content-Length as required; PUT Object also takes a chunked body
    // (Transfer-Encoding: chunked, then without Content-Length), as its API page says. Anything
    // else without a length is refused the way S3 and COS refuse it: 411 MissingContentLength.
    const bool chunked =
        request.header("transfer-encoding").toLower().split(',').last().trimmed() == "chunked";
    const bool needsLength =
        op == QLatin1String("UploadPart") || (op == QLatin1String("PutObject") && !chunked);
    if (!needsLength || request.hasHeader("content-length"))
        return std::nullopt;
    return cos::errorReply(request, 411, QStringLiteral("MissingContentLength"),
                           QStringLiteral("You must provide the Content-Length HTTP header."));
}

QString CosService::objectFilePath(const QString& bucket, const QString& key) const
{
    return m_store.object(bucket, key) ? m_store.objectPath(bucket, key) : QString();
}

ImportSource CosService::resolveImportUrl(const QString& url, const EmulatorAccount& caller,
                                          qint64 now) const
{
    ImportSource source;
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
        return source;
    const auto m = virtualHostPattern().match(u.host().toLower());
    if (!m.hasMatch())
        return source;
    EmuRequest fetch;
    fetch.method = "GET";
    fetch.host = u.host().toLower();
    fetch.hostLine = u.host().toUtf8();
    fetch.rawPath = u.path(QUrl::FullyEncoded).toUtf8();
    fetch.path = decodeComponent(fetch.rawPath, true);
    fetch.rawQuery = u.query(QUrl::FullyEncoded).toUtf8();
    fetch.query = parseQuery(fetch.rawQuery);
    fetch.headers.append({"Host", fetch.hostLine});
    fetch.now = now;
    const auto bucket = m_store.bucket(m.captured(1));
    source.bucket = m.captured(1);
    source.key = fetch.path.mid(1);
    // A URL naming another region than the bucket's reaches no bucket (see handle()).
    if (!bucket || bucket->region != m.captured(2) || source.key.isEmpty())
        return source;
    source.validUrl = true;
    if (fetch.hasQuery(QStringLiteral("q-sign-algorithm"))) {
        const AuthResult auth = m_verifier.verifyCos(fetch);
        source.readable = auth.ok && auth.account->appId == bucket->appId;
        source.reason = auth.ok ? QStringLiteral("the URL was signed by another account")
                                : auth.code + QStringLiteral(": ") + auth.message;
    } else {
        // Whether CVM reads a private object through a service role is not documented; the
        // emulator lets the bucket's own account import from it, and anyone from public-read.
        source.readable = bucket->publicRead || bucket->appId == caller.appId;
        source.reason = QStringLiteral("AccessDenied: the object is private to another account");
    }
    if (source.readable)
        source.reason.clear();
    return source;
}

} // namespace cvmi::emu
