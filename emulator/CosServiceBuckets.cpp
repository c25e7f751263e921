// CosService's service- and bucket-level operations: GET Service (the account's buckets),
// PUT Bucket (COS's naming and ownership rules), HEAD Bucket (where a client learns the region)
// and GET Bucket (the object listing, whose paging lives in CosObjectListing).
#include "CosService.h"

#include "CosObjectListing.h"
#include "CosReplies.h"

#include <QRegularExpression>

namespace cvmi::emu {

EmuResponse CosService::getService(const EmuRequest&, const Target& target,
                                   const EmulatorAccount& account) const
{
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("ListAllMyBucketsResult"));
    cos::writeOwner(w, "Owner", account.appId);
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
    return cos::xmlReply(body);
}

EmuResponse CosService::putBucket(const EmuRequest& request, const Target& target,
                                  const EmulatorAccount& account, const QString& authRegion)
{
    static const QRegularExpression name(QStringLiteral(R"(^([a-z0-9][a-z0-9-]{0,49})-([0-9]+)$)"));
    const auto m = name.match(target.bucket);
    if (!m.hasMatch() || m.captured(1).endsWith(u'-'))
        return cos::errorReply(
            request, 400, QStringLiteral("InvalidBucketName"),
            QStringLiteral("The specified bucket is not valid: use <name>-<APPID>, the "
                           "name of lower-case letters, digits and '-', at most 50."));
    if (const auto existing = m_store.bucket(target.bucket)) {
        if (existing->appId == account.appId)
            return cos::errorReply(
                request, 409, QStringLiteral("BucketAlreadyOwnedByYou"),
                QStringLiteral("Your previous request to create the named bucket "
                               "succeeded and you already own it."));
        return cos::errorReply(request, 409, QStringLiteral("BucketAlreadyExists"),
                               QStringLiteral("The requested bucket name is not available."));
    }
    if (m.captured(2) != account.appId)
        return cos::errorReply(
            request, 403, QStringLiteral("AccessDenied"),
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
        return cos::errorReply(request, 500, QStringLiteral("InternalError"), problem);
    EmuResponse r = cos::emptyReply();
    r.setHeader("Location", '/' + b.name.toUtf8());
    return r;
}

EmuResponse CosService::headBucket(const BucketInfo& bucket) const
{
    EmuResponse r = cos::emptyReply();
    r.setHeader("x-cos-bucket-region", bucket.region.toUtf8());
    r.setHeader("x-amz-bucket-region", bucket.region.toUtf8());
    r.headOnly = true;
    return r;
}

EmuResponse CosService::getBucket(const EmuRequest& request, const BucketInfo& bucket) const
{
    QString problem;
    const auto query = CosObjectListing::parseQuery(request, &problem);
    if (!query)
        return cos::errorReply(request, 400, QStringLiteral("InvalidArgument"), problem);
    return cos::xmlReply(
        CosObjectListing::resultXml(bucket.name, bucket.appId, *query,
                                    CosObjectListing::page(m_store.objects(bucket.name), *query)));
}
} // namespace cvmi::emu
