#include "CosService.h"

#include "CosObjectListing.h"

#include "util/Crc64.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

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

QByteArray requestId()
{
    // COS's ids are base64 text; the content is opaque to clients.
    quint32 words[6];
    QRandomGenerator::global()->fillRange(words);
    return QByteArray(reinterpret_cast<const char*>(words), sizeof(words)).toBase64();
}

QString ownerId(const QString& appId)
{
    return QStringLiteral("qcs::cam::uin/%1:uin/%1").arg(appId);
}

void writeOwner(QXmlStreamWriter& w, const char* element, const QString& appId)
{
    w.writeStartElement(QLatin1String(element));
    w.writeTextElement(QStringLiteral("ID"), ownerId(appId));
    w.writeTextElement(QStringLiteral("DisplayName"), appId);
    w.writeEndElement();
}

QString unquote(QString etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith(u'"') && etag.endsWith(u'"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag.toLower();
}

QByteArray crcHeader(quint64 crc)
{
    return util::Crc64::toDecimal(crc).toLatin1();
}

struct RangeSpec {
    bool present = false;
    bool satisfiable = true;
    qint64 first = 0;
    qint64 last = 0;
};

// One "bytes=a-b", "bytes=a-" or "bytes=-n" range; anything else (several ranges, other units)
// is ignored and the whole object served, as S3 does.
RangeSpec parseRange(const QByteArray& header, qint64 size)
{
    RangeSpec r;
    static const QRegularExpression re(QStringLiteral(R"(^bytes=(\d*)-(\d*)$)"));
    const auto m = re.match(QString::fromLatin1(header).trimmed());
    if (!m.hasMatch() || (m.captured(1).isEmpty() && m.captured(2).isEmpty()))
        return r;
    r.present = true;
    if (m.captured(1).isEmpty()) {
        const qint64 suffix = m.captured(2).toLongLong();
        if (suffix == 0 || size == 0) {
            r.satisfiable = false;
            return r;
        }
        r.first = qMax<qint64>(0, size - suffix);
        r.last = size - 1;
        return r;
    }
    r.first = m.captured(1).toLongLong();
    r.last = m.captured(2).isEmpty() ? size - 1 : qMin(m.captured(2).toLongLong(), size - 1);
    r.satisfiable = r.first < size && r.first <= r.last;
    return r;
}

// Content-MD5, when sent, must be the base64 MD5 of the body.
std::optional<QString> contentMd5Problem(const EmuRequest& request)
{
    if (!request.hasHeader("content-md5"))
        return std::nullopt;
    const QByteArray sent = QByteArray::fromBase64(request.header("content-md5"));
    if (sent.size() != 16)
        return QStringLiteral("InvalidDigest");
    if (sent != QCryptographicHash::hash(request.body, QCryptographicHash::Md5))
        return QStringLiteral("BadDigest");
    return std::nullopt;
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

EmuResponse CosService::xml(const QByteArray& body) const
{
    EmuResponse r;
    r.setHeader("Content-Type", "application/xml");
    r.setHeader("Server", "tencent-cos");
    r.setHeader("x-cos-request-id", requestId());
    r.body = body;
    return r;
}

EmuResponse CosService::error(const EmuRequest& request, int status, const QString& code,
                              const QString& message, const AuthResult* auth) const
{
    const QByteArray id = requestId();
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("Error"));
    w.writeTextElement(QStringLiteral("Code"), code);
    w.writeTextElement(QStringLiteral("Message"), message);
    w.writeTextElement(QStringLiteral("Resource"), request.host + request.path);
    w.writeTextElement(QStringLiteral("RequestId"), QString::fromLatin1(id));
    w.writeTextElement(QStringLiteral("TraceId"), QString::fromLatin1(requestId() + requestId()));
    if (auth && !auth->stringToSign.isEmpty()) {
        w.writeTextElement(QStringLiteral("StringToSign"), auth->stringToSign);
        if (!auth->formatString.isEmpty())
            w.writeTextElement(QStringLiteral("FormatString"), auth->formatString);
        if (!auth->canonicalRequest.isEmpty())
            w.writeTextElement(QStringLiteral("CanonicalRequest"), auth->canonicalRequest);
    }
    w.writeEndElement();
    w.writeEndDocument();
    EmuResponse r = xml(request.method == "HEAD" ? QByteArray() : body);
    r.status = status;
    r.setHeader("x-cos-request-id", id);
    if (request.method == "HEAD")
        r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    return r;
}

EmuResponse CosService::faultResponse(const EmuRequest& request, FaultKind kind) const
{
    if (kind == FaultKind::SlowDown)
        return error(request, 503, QStringLiteral("SlowDown"),
                     QStringLiteral("Please reduce your request rate."));
    return error(request, 500, QStringLiteral("InternalError"),
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
            return error(request, auth.httpStatus, auth.code, auth.message, &auth);
    }

    if (t.kind == Target::Kind::Service) {
        if (request.method != "GET")
            return error(request, 405, QStringLiteral("MethodNotAllowed"),
                         QStringLiteral("The specified method is not allowed."));
        return getService(request, t, *auth.account);
    }
    if (op == QLatin1String("PutBucket"))
        return putBucket(request, t, *auth.account, auth.region);
    // A host that names another region reaches that region's COS, where the bucket does not
    // exist: COS answers it as it answers an absent bucket (404 NoSuchBucket, no redirect hint;
    // see docs/vendor-differences.md). Path style on a host without a region is not affected.
    if (!bucket || (!t.region.isEmpty() && bucket->region != t.region))
        return error(request, 404, QStringLiteral("NoSuchBucket"),
                     QStringLiteral("The specified bucket does not exist."));
    if (auth.ok && bucket->appId != auth.account->appId)
        return error(request, 403, QStringLiteral("AccessDenied"),
                     QStringLiteral("Access Denied."));

    if (const auto refused = lengthRequired(request, op))
        return *refused;

    if (op == QLatin1String("HeadBucket"))
        return headBucket(*bucket);
    if (op == QLatin1String("ListMultipartUploads"))
        return listUploads(request, t, *auth.account);
    if (op == QLatin1String("GetBucket"))
        return getBucket(request, *bucket);
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
    return error(request, 501, QStringLiteral("NotImplemented"),
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
    return error(request, 411, QStringLiteral("MissingContentLength"),
                 QStringLiteral("You must provide the Content-Length HTTP header."));
}

EmuResponse CosService::getService(const EmuRequest&, const Target& target,
                                   const EmulatorAccount& account) const
{
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("ListAllMyBucketsResult"));
    writeOwner(w, "Owner", account.appId);
    w.writeStartElement(QStringLiteral("Buckets"));
    for (const BucketInfo& b : m_store.buckets()) {
        if (b.appId != account.appId || (!target.region.isEmpty() && b.region != target.region))
            continue;
        w.writeStartElement(QStringLiteral("Bucket"));
        w.writeTextElement(QStringLiteral("Name"), b.name);
        w.writeTextElement(QStringLiteral("Location"), b.region);
        w.writeTextElement(QStringLiteral("CreationDate"), isoTime(b.createdMs));
        w.writeTextElement(QStringLiteral("BucketType"), QStringLiteral("cos"));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return xml(body);
}

EmuResponse CosService::putBucket(const EmuRequest& request, const Target& target,
                                  const EmulatorAccount& account, const QString& authRegion)
{
    static const QRegularExpression name(QStringLiteral(R"(^([a-z0-9][a-z0-9-]{0,49})-([0-9]+)$)"));
    const auto m = name.match(target.bucket);
    if (!m.hasMatch() || m.captured(1).endsWith(u'-'))
        return error(request, 400, QStringLiteral("InvalidBucketName"),
                     QStringLiteral("The specified bucket is not valid: use <name>-<APPID>, the "
                                    "name of lower-case letters, digits and '-', at most 50."));
    if (const auto existing = m_store.bucket(target.bucket)) {
        if (existing->appId == account.appId)
            return error(request, 409, QStringLiteral("BucketAlreadyOwnedByYou"),
                         QStringLiteral("Your previous request to create the named bucket "
                                        "succeeded and you already own it."));
        return error(request, 409, QStringLiteral("BucketAlreadyExists"),
                     QStringLiteral("The requested bucket name is not available."));
    }
    if (m.captured(2) != account.appId)
        return error(request, 403, QStringLiteral("AccessDenied"),
                     QStringLiteral("The bucket's APPID suffix %1 is not this account's (%2).")
                         .arg(m.captured(2), account.appId));
    const QByteArray acl =
        request.hasHeader("x-cos-acl") ? request.header("x-cos-acl") : request.header("x-amz-acl");
    BucketInfo b;
    b.name = target.bucket;
    b.appId = account.appId;
    b.region = !target.region.isEmpty() ? target.region
               : !authRegion.isEmpty()  ? authRegion
                                        : m_defaultRegion;
    b.createdMs = request.now * 1000;
    b.publicRead = acl == "public-read";
    QString problem;
    if (!m_store.createBucket(b, &problem))
        return error(request, 500, QStringLiteral("InternalError"), problem);
    EmuResponse r = xml({});
    r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    r.setHeader("Location", '/' + b.name.toUtf8());
    return r;
}

EmuResponse CosService::headBucket(const BucketInfo& bucket) const
{
    EmuResponse r = xml({});
    r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    r.setHeader("x-cos-bucket-region", bucket.region.toUtf8());
    r.setHeader("x-amz-bucket-region", bucket.region.toUtf8());
    r.headOnly = true;
    return r;
}

EmuResponse CosService::putObject(const EmuRequest& request, const Target& target)
{
    if (const auto problem = contentMd5Problem(request))
        return error(request, 400, *problem,
                     QStringLiteral("The Content-MD5 you specified did not match what we "
                                    "received."));
    QString problem;
    const auto info = m_store.putObject(target.bucket, target.key, request.body,
                                        QString::fromUtf8(request.header("content-type")),
                                        request.now * 1000, &problem);
    if (!info)
        return error(request, 500, QStringLiteral("InternalError"), problem);
    EmuResponse r = xml({});
    r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    r.setHeader("ETag", info->etag.toLatin1());
    r.setHeader("x-cos-hash-crc64ecma", crcHeader(info->crc64));
    return r;
}

EmuResponse CosService::getObject(const EmuRequest& request, const Target& target, bool head) const
{
    const auto info = m_store.object(target.bucket, target.key);
    if (!info)
        return error(request, 404, QStringLiteral("NoSuchKey"),
                     QStringLiteral("The specified key does not exist."));
    EmuResponse r = xml({});
    r.setHeader("Content-Type", info->contentType.isEmpty()
                                    ? QByteArrayLiteral("application/octet-stream")
                                    : info->contentType.toUtf8());
    r.setHeader("ETag", info->etag.toLatin1());
    r.setHeader("Last-Modified", httpDate(info->lastModifiedMs / 1000));
    r.setHeader("Accept-Ranges", "bytes");
    r.setHeader("x-cos-storage-class", "STANDARD");
    // The whole object's CRC, also on a ranged answer: it describes the object, not the bytes.
    r.setHeader("x-cos-hash-crc64ecma", crcHeader(info->crc64));
    const RangeSpec range = head ? RangeSpec{} : parseRange(request.header("range"), info->size);
    if (range.present && !range.satisfiable) {
        EmuResponse e = error(request, 416, QStringLiteral("InvalidRange"),
                              QStringLiteral("The requested range is not satisfiable."));
        e.setHeader("Content-Range", "bytes */" + QByteArray::number(info->size));
        return e;
    }
    if (head) {
        r.headOnly = true;
        r.headLength = info->size;
        return r;
    }
    if (range.present) {
        r.status = 206;
        r.setHeader("Content-Range", "bytes " + QByteArray::number(range.first) + '-' +
                                         QByteArray::number(range.last) + '/' +
                                         QByteArray::number(info->size));
        r.body = m_store.readObject(target.bucket, target.key, range.first,
                                    range.last - range.first + 1);
        return r;
    }
    r.body = m_store.readObject(target.bucket, target.key, 0, info->size);
    return r;
}

EmuResponse CosService::deleteObject(const Target& target)
{
    m_store.deleteObject(target.bucket, target.key);
    EmuResponse r = xml({});
    r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    r.status = 204;
    return r;
}

EmuResponse CosService::initiateUpload(const EmuRequest& request, const Target& target)
{
    QString problem;
    const auto upload = m_store.initiateUpload(target.bucket, target.key,
                                               QString::fromUtf8(request.header("content-type")),
                                               request.now * 1000, &problem);
    if (!upload)
        return error(request, 500, QStringLiteral("InternalError"), problem);
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("InitiateMultipartUploadResult"));
    w.writeTextElement(QStringLiteral("Bucket"), target.bucket);
    w.writeTextElement(QStringLiteral("Key"), target.key);
    w.writeTextElement(QStringLiteral("UploadId"), upload->uploadId);
    w.writeEndElement();
    w.writeEndDocument();
    return xml(body);
}

EmuResponse CosService::uploadPart(const EmuRequest& request, const Target& target)
{
    bool numberOk = false;
    const int number = request.queryValue(QStringLiteral("partNumber")).toInt(&numberOk);
    if (!numberOk || number < 1 || number > maxPartNumber)
        return error(request, 400, QStringLiteral("InvalidArgument"),
                     QStringLiteral("Part number must be an integer between 1 and 10000."));
    const auto upload = m_store.upload(request.queryValue(QStringLiteral("uploadId")));
    if (!upload || upload->bucket != target.bucket || upload->key != target.key)
        return error(request, 404, QStringLiteral("NoSuchUpload"),
                     QStringLiteral("The specified multipart upload does not exist."));
    if (const auto problem = contentMd5Problem(request))
        return error(request, 400, *problem,
                     QStringLiteral("The Content-MD5 you specified did not match what we "
                                    "received."));
    QString problem;
    const auto part =
        m_store.putPart(upload->uploadId, number, request.body, request.now * 1000, &problem);
    if (!part)
        return error(request, 500, QStringLiteral("InternalError"), problem);
    EmuResponse r = xml({});
    r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    r.setHeader("ETag", part->etag.toLatin1());
    r.setHeader("x-cos-hash-crc64ecma", crcHeader(part->crc64));
    return r;
}

EmuResponse CosService::completeUpload(const EmuRequest& request, const Target& target)
{
    const auto upload = m_store.upload(request.queryValue(QStringLiteral("uploadId")));
    if (!upload || upload->bucket != target.bucket || upload->key != target.key)
        return error(request, 404, QStringLiteral("NoSuchUpload"),
                     QStringLiteral("The specified multipart upload does not exist."));

    QList<QPair<int, QString>> listed;
    QXmlStreamReader reader(request.body);
    int number = 0;
    QString etag;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("Part")) {
            number = 0;
            etag.clear();
        } else if (reader.isStartElement() && reader.name() == QLatin1String("PartNumber")) {
            number = reader.readElementText().trimmed().toInt();
        } else if (reader.isStartElement() && reader.name() == QLatin1String("ETag")) {
            etag = reader.readElementText();
        } else if (reader.isEndElement() && reader.name() == QLatin1String("Part")) {
            listed.append({number, etag});
        }
    }
    if (reader.hasError() || listed.isEmpty())
        return error(request, 400, QStringLiteral("MalformedXML"),
                     QStringLiteral("The XML you provided was not well-formed or did not "
                                    "validate against our published schema."));

    const QList<PartInfo> stored = m_store.parts(upload->uploadId);
    QList<PartInfo> chosen;
    int previous = 0;
    for (const auto& [n, e] : listed) {
        if (n <= previous)
            return error(request, 400, QStringLiteral("InvalidPartOrder"),
                         QStringLiteral("The list of parts was not in ascending order. The parts "
                                        "list must be specified in order by part number."));
        previous = n;
        // A named copy: clang 14 cannot capture a structured binding.
        const int wanted = n;
        const auto found = std::find_if(stored.cbegin(), stored.cend(),
                                        [wanted](const PartInfo& p) { return p.number == wanted; });
        if (found == stored.cend() || unquote(found->etag) != unquote(e))
            return error(request, 400, QStringLiteral("InvalidPart"),
                         QStringLiteral("One or more of the specified parts could not be found. "
                                        "The part may not have been uploaded, or the specified "
                                        "entity tag may not match the part's entity tag (part "
                                        "%1).")
                             .arg(n));
        chosen.append(*found);
    }
    for (qsizetype i = 0; i + 1 < chosen.size(); ++i) {
        if (chosen.at(i).size < minPartSize)
            return error(request, 400, QStringLiteral("EntityTooSmall"),
                         QStringLiteral("Your proposed upload is smaller than the minimum allowed "
                                        "object size: part %1 has %2 bytes, each part but the "
                                        "last needs at least %3.")
                             .arg(chosen.at(i).number)
                             .arg(chosen.at(i).size)
                             .arg(minPartSize));
    }
    QString problem;
    const auto info = m_store.complete(*upload, chosen, request.now * 1000, &problem);
    if (!info)
        return error(request, 500, QStringLiteral("InternalError"), problem);

    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("CompleteMultipartUploadResult"));
    w.writeTextElement(QStringLiteral("Location"), request.host + u'/' + target.key);
    w.writeTextElement(QStringLiteral("Bucket"), target.bucket);
    w.writeTextElement(QStringLiteral("Key"), target.key);
    w.writeTextElement(QStringLiteral("ETag"), info->etag);
    w.writeEndElement();
    w.writeEndDocument();
    EmuResponse r = xml(body);
    r.setHeader("x-cos-hash-crc64ecma", crcHeader(info->crc64));
    return r;
}

EmuResponse CosService::listParts(const EmuRequest& request, const Target& target,
                                  const EmulatorAccount& account) const
{
    const auto upload = m_store.upload(request.queryValue(QStringLiteral("uploadId")));
    if (!upload || upload->bucket != target.bucket || upload->key != target.key)
        return error(request, 404, QStringLiteral("NoSuchUpload"),
                     QStringLiteral("The specified multipart upload does not exist."));
    int maxParts = maxListEntries;
    if (request.hasQuery(QStringLiteral("max-parts"))) {
        bool ok = false;
        maxParts = request.queryValue(QStringLiteral("max-parts")).toInt(&ok);
        if (!ok || maxParts < 0)
            return error(request, 400, QStringLiteral("InvalidArgument"),
                         QStringLiteral("max-parts must be a non-negative integer."));
        maxParts = qMin(maxParts, maxListEntries);
    }
    bool markerOk = true;
    const int marker =
        request.hasQuery(QStringLiteral("part-number-marker"))
            ? request.queryValue(QStringLiteral("part-number-marker")).toInt(&markerOk)
            : 0;
    if (!markerOk || marker < 0)
        return error(request, 400, QStringLiteral("InvalidArgument"),
                     QStringLiteral("part-number-marker must be a non-negative integer."));

    QList<PartInfo> page;
    bool truncated = false;
    for (const PartInfo& p : m_store.parts(upload->uploadId)) {
        if (p.number <= marker)
            continue;
        if (page.size() == maxParts) {
            truncated = true;
            break;
        }
        page.append(p);
    }
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("ListPartsResult"));
    w.writeTextElement(QStringLiteral("Bucket"), target.bucket);
    w.writeTextElement(QStringLiteral("Key"), target.key);
    w.writeTextElement(QStringLiteral("UploadId"), upload->uploadId);
    writeOwner(w, "Initiator", account.appId);
    writeOwner(w, "Owner", account.appId);
    w.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
    w.writeTextElement(QStringLiteral("PartNumberMarker"), QString::number(marker));
    w.writeTextElement(QStringLiteral("NextPartNumberMarker"),
                       QString::number(page.isEmpty() ? marker : page.last().number));
    w.writeTextElement(QStringLiteral("MaxParts"), QString::number(maxParts));
    w.writeTextElement(QStringLiteral("IsTruncated"),
                       truncated ? QStringLiteral("true") : QStringLiteral("false"));
    for (const PartInfo& p : page) {
        w.writeStartElement(QStringLiteral("Part"));
        w.writeTextElement(QStringLiteral("PartNumber"), QString::number(p.number));
        w.writeTextElement(QStringLiteral("LastModified"), isoTime(p.lastModifiedMs));
        w.writeTextElement(QStringLiteral("ETag"), p.etag);
        w.writeTextElement(QStringLiteral("Size"), QString::number(p.size));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return xml(body);
}

EmuResponse CosService::listUploads(const EmuRequest& request, const Target& target,
                                    const EmulatorAccount& account) const
{
    const QString prefix = request.queryValue(QStringLiteral("prefix"));
    const QString keyMarker = request.queryValue(QStringLiteral("key-marker"));
    const QString idMarker = request.queryValue(QStringLiteral("upload-id-marker"));
    int maxUploads = maxListEntries;
    if (request.hasQuery(QStringLiteral("max-uploads"))) {
        bool ok = false;
        maxUploads = request.queryValue(QStringLiteral("max-uploads")).toInt(&ok);
        if (!ok || maxUploads < 0)
            return error(request, 400, QStringLiteral("InvalidArgument"),
                         QStringLiteral("max-uploads must be a non-negative integer."));
        maxUploads = qMin(maxUploads, maxListEntries);
    }
    QList<UploadInfo> page;
    bool truncated = false;
    for (const UploadInfo& u : m_store.uploads(target.bucket)) {
        if (!u.key.startsWith(prefix))
            continue;
        // S3's markers: after key-marker, or within it after upload-id-marker.
        if (!keyMarker.isEmpty()) {
            const bool after = idMarker.isEmpty() ? u.key > keyMarker
                                                  : (u.key > keyMarker ||
                                                     (u.key == keyMarker && u.uploadId > idMarker));
            if (!after)
                continue;
        }
        if (page.size() == maxUploads) {
            truncated = true;
            break;
        }
        page.append(u);
    }
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("ListMultipartUploadsResult"));
    w.writeTextElement(QStringLiteral("Bucket"), target.bucket);
    w.writeTextElement(QStringLiteral("KeyMarker"), keyMarker);
    w.writeTextElement(QStringLiteral("UploadIdMarker"), idMarker);
    w.writeTextElement(QStringLiteral("NextKeyMarker"),
                       truncated && !page.isEmpty() ? page.last().key : QString());
    w.writeTextElement(QStringLiteral("NextUploadIdMarker"),
                       truncated && !page.isEmpty() ? page.last().uploadId : QString());
    w.writeTextElement(QStringLiteral("Prefix"), prefix);
    w.writeTextElement(QStringLiteral("MaxUploads"), QString::number(maxUploads));
    w.writeTextElement(QStringLiteral("IsTruncated"),
                       truncated ? QStringLiteral("true") : QStringLiteral("false"));
    for (const UploadInfo& u : page) {
        w.writeStartElement(QStringLiteral("Upload"));
        w.writeTextElement(QStringLiteral("Key"), u.key);
        w.writeTextElement(QStringLiteral("UploadId"), u.uploadId);
        w.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
        writeOwner(w, "Initiator", account.appId);
        writeOwner(w, "Owner", account.appId);
        w.writeTextElement(QStringLiteral("Initiated"), isoTime(u.initiatedMs));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return xml(body);
}

EmuResponse CosService::getBucket(const EmuRequest& request, const BucketInfo& bucket) const
{
    QString problem;
    const auto query = CosObjectListing::parseQuery(request, &problem);
    if (!query)
        return error(request, 400, QStringLiteral("InvalidArgument"), problem);
    return xml(
        CosObjectListing::resultXml(bucket.name, bucket.appId, *query,
                                    CosObjectListing::page(m_store.objects(bucket.name), *query)));
}

EmuResponse CosService::abortUpload(const EmuRequest& request, const Target& target)
{
    const auto upload = m_store.upload(request.queryValue(QStringLiteral("uploadId")));
    if (!upload || upload->bucket != target.bucket || upload->key != target.key ||
        !m_store.abortUpload(upload->uploadId))
        return error(request, 404, QStringLiteral("NoSuchUpload"),
                     QStringLiteral("The specified multipart upload does not exist."));
    EmuResponse r = xml({});
    r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    r.status = 204;
    return r;
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
