// CosService's multipart uploads: Initiate, Upload Part, Complete (with COS's checks of the part
// list: ascending, each part uploaded with that ETag, each but the last at least 1 MB), List
// Parts, List Multipart Uploads (S3's key / upload-id markers) and Abort.
#include "CosService.h"

#include "CosReplies.h"

#include <QXmlStreamReader>

namespace cvmi::emu {

namespace {

using PartList = QList<QPair<int, QString>>; // (PartNumber, ETag) as the client listed them

QString unquote(QString etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith(u'"') && etag.endsWith(u'"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag.toLower();
}

EmuResponse noSuchUpload(const EmuRequest& request)
{
    return cos::errorReply(request, 404, QStringLiteral("NoSuchUpload"),
                           QStringLiteral("The specified multipart upload does not exist."));
}

// Complete's body: <CompleteMultipartUpload><Part><PartNumber/><ETag/></Part>...; nothing when
// it is not XML or lists no part.
std::optional<PartList> readPartList(const QByteArray& body)
{
    PartList listed;
    QXmlStreamReader reader(body);
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
        return std::nullopt;
    return listed;
}

// max-parts / max-uploads: absent gives the service's maximum, a larger value is cut to it;
// nothing for a value that is not a non-negative integer.
std::optional<int> listLimit(const EmuRequest& request, const QString& name)
{
    if (!request.hasQuery(name))
        return CosService::maxListEntries;
    bool ok = false;
    const int limit = request.queryValue(name).toInt(&ok);
    if (!ok || limit < 0)
        return std::nullopt;
    return qMin(limit, CosService::maxListEntries);
}

EmuResponse notNonNegativeInteger(const EmuRequest& request, const QString& name)
{
    return cos::errorReply(request, 400, QStringLiteral("InvalidArgument"),
                           QStringLiteral("%1 must be a non-negative integer.").arg(name));
}

template <typename T> struct Page {
    QList<T> items;
    bool truncated = false; // an entry `wanted` accepts was left out
};

// The first `max` entries of `all` that `wanted` accepts: one listing page, as S3 and COS cut it.
template <typename T, typename Wanted>
Page<T> firstPage(const QList<T>& all, int max, Wanted wanted)
{
    Page<T> page;
    for (const T& item : all) {
        if (!wanted(item))
            continue;
        if (page.items.size() == max) {
            page.truncated = true;
            break;
        }
        page.items.append(item);
    }
    return page;
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

std::optional<UploadInfo> CosService::uploadOf(const EmuRequest& request,
                                               const Target& target) const
{
    // An upload id of another object is as unknown as one never issued.
    const auto upload = m_store.upload(request.queryValue(QStringLiteral("uploadId")));
    if (!upload || upload->bucket != target.bucket || upload->key != target.key)
        return std::nullopt;
    return upload;
}

EmuResponse CosService::initiateUpload(const EmuRequest& request, const Target& target)
{
    QString problem;
    const auto upload = m_store.initiateUpload(target.bucket, target.key,
                                               QString::fromUtf8(request.header("content-type")),
                                               request.now * 1000, &problem);
    if (!upload)
        return cos::errorReply(request, 500, QStringLiteral("InternalError"), problem);
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("InitiateMultipartUploadResult"));
    w.writeTextElement(QStringLiteral("Bucket"), target.bucket);
    w.writeTextElement(QStringLiteral("Key"), target.key);
    w.writeTextElement(QStringLiteral("UploadId"), upload->uploadId);
    w.writeEndElement();
    w.writeEndDocument();
    return cos::xmlReply(body);
}

EmuResponse CosService::uploadPart(const EmuRequest& request, const Target& target)
{
    bool numberOk = false;
    const int number = request.queryValue(QStringLiteral("partNumber")).toInt(&numberOk);
    if (!numberOk || number < 1 || number > maxPartNumber)
        return cos::errorReply(
            request, 400, QStringLiteral("InvalidArgument"),
            QStringLiteral("Part number must be an integer between 1 and 10000."));
    const auto upload = uploadOf(request, target);
    if (!upload)
        return noSuchUpload(request);
    if (const auto refused = cos::contentMd5Refusal(request))
        return *refused;
    QString problem;
    const auto part =
        m_store.putPart(upload->uploadId, number, request.body, request.now * 1000, &problem);
    if (!part)
        return cos::errorReply(request, 500, QStringLiteral("InternalError"), problem);
    EmuResponse r = cos::emptyReply();
    r.setHeader("ETag", part->etag.toLatin1());
    r.setHeader("x-cos-hash-crc64ecma", cos::crcHeader(part->crc64));
    return r;
}

EmuResponse CosService::completeUpload(const EmuRequest& request, const Target& target)
{
    const auto upload = uploadOf(request, target);
    if (!upload)
        return noSuchUpload(request);
    const std::optional<PartList> listed = readPartList(request.body);
    if (!listed)
        return cos::errorReply(request, 400, QStringLiteral("MalformedXML"),
                               QStringLiteral("The XML you provided was not well-formed or did "
                                              "not validate against our published schema."));
    QList<PartInfo> chosen;
    if (const auto refused = chooseParts(request, *upload, *listed, &chosen))
        return *refused;
    QString problem;
    const auto info = m_store.complete(*upload, chosen, request.now * 1000, &problem);
    if (!info)
        return cos::errorReply(request, 500, QStringLiteral("InternalError"), problem);

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
    EmuResponse r = cos::xmlReply(body);
    r.setHeader("x-cos-hash-crc64ecma", cos::crcHeader(info->crc64));
    return r;
}

std::optional<EmuResponse> CosService::chooseParts(const EmuRequest& request,
                                                   const UploadInfo& upload,
                                                   const QList<QPair<int, QString>>& listed,
                                                   QList<PartInfo>* chosen) const
{
    const QList<PartInfo> stored = m_store.parts(upload.uploadId);
    int previous = 0;
    for (const auto& [n, e] : listed) {
        if (n <= previous)
            return cos::errorReply(request, 400, QStringLiteral("InvalidPartOrder"),
                                   QStringLiteral("The list of parts was not in ascending order. "
                                                  "The parts list must be specified in order by "
                                                  "part number."));
        previous = n;
        // A named copy: clang 14 cannot capture a structured binding.
        const int wanted = n;
        const auto found = std::find_if(stored.cbegin(), stored.cend(),
                                        [wanted](const PartInfo& p) { return p.number == wanted; });
        if (found == stored.cend() || unquote(found->etag) != unquote(e))
            return cos::errorReply(
                request, 400, QStringLiteral("InvalidPart"),
                QStringLiteral("One or more of the specified parts could not be found. The part "
                               "may not have been uploaded, or the specified entity tag may not "
                               "match the part's entity tag (part %1).")
                    .arg(n));
        chosen->append(*found);
    }
    for (qsizetype i = 0; i + 1 < chosen->size(); ++i) {
        if (chosen->at(i).size < minPartSize)
            return cos::errorReply(request, 400, QStringLiteral("EntityTooSmall"),
                                   QStringLiteral("Your proposed upload is smaller than the "
                                                  "minimum allowed object size: part %1 has %2 "
                                                  "bytes, each part but the last needs at least "
                                                  "%3.")
                                       .arg(chosen->at(i).number)
                                       .arg(chosen->at(i).size)
                                       .arg(minPartSize));
    }
    return std::nullopt;
}

EmuResponse CosService::listParts(const EmuRequest& request, const Target& target,
                                  const EmulatorAccount& account) const
{
    const auto upload = uploadOf(request, target);
    if (!upload)
        return noSuchUpload(request);
    const std::optional<int> maxParts = listLimit(request, QStringLiteral("max-parts"));
    if (!maxParts)
        return notNonNegativeInteger(request, QStringLiteral("max-parts"));
    bool markerOk = true;
    const int marker =
        request.hasQuery(QStringLiteral("part-number-marker"))
            ? request.queryValue(QStringLiteral("part-number-marker")).toInt(&markerOk)
            : 0;
    if (!markerOk || marker < 0)
        return notNonNegativeInteger(request, QStringLiteral("part-number-marker"));

    const auto [page, truncated] =
        firstPage(m_store.parts(upload->uploadId), *maxParts,
                  [marker](const PartInfo& p) { return p.number > marker; });
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("ListPartsResult"));
    w.writeTextElement(QStringLiteral("Bucket"), target.bucket);
    w.writeTextElement(QStringLiteral("Key"), target.key);
    w.writeTextElement(QStringLiteral("UploadId"), upload->uploadId);
    cos::writeOwner(w, "Initiator", account.appId);
    cos::writeOwner(w, "Owner", account.appId);
    w.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
    w.writeTextElement(QStringLiteral("PartNumberMarker"), QString::number(marker));
    w.writeTextElement(QStringLiteral("NextPartNumberMarker"),
                       QString::number(page.isEmpty() ? marker : page.last().number));
    w.writeTextElement(QStringLiteral("MaxParts"), QString::number(*maxParts));
    w.writeTextElement(QStringLiteral("IsTruncated"), boolText(truncated));
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
    return cos::xmlReply(body);
}

EmuResponse CosService::listUploads(const EmuRequest& request, const Target& target,
                                    const EmulatorAccount& account) const
{
    const QString prefix = request.queryValue(QStringLiteral("prefix"));
    const QString keyMarker = request.queryValue(QStringLiteral("key-marker"));
    const QString idMarker = request.queryValue(QStringLiteral("upload-id-marker"));
    const std::optional<int> maxUploads = listLimit(request, QStringLiteral("max-uploads"));
    if (!maxUploads)
        return notNonNegativeInteger(request, QStringLiteral("max-uploads"));
    const auto wanted = [&](const UploadInfo& u) {
        if (!u.key.startsWith(prefix))
            return false;
        // S3's markers: after key-marker, or within it after upload-id-marker.
        if (keyMarker.isEmpty())
            return true;
        return idMarker.isEmpty()
                   ? u.key > keyMarker
                   : (u.key > keyMarker || (u.key == keyMarker && u.uploadId > idMarker));
    };
    const auto [page, truncated] = firstPage(m_store.uploads(target.bucket), *maxUploads, wanted);
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
    w.writeTextElement(QStringLiteral("MaxUploads"), QString::number(*maxUploads));
    w.writeTextElement(QStringLiteral("IsTruncated"), boolText(truncated));
    for (const UploadInfo& u : page) {
        w.writeStartElement(QStringLiteral("Upload"));
        w.writeTextElement(QStringLiteral("Key"), u.key);
        w.writeTextElement(QStringLiteral("UploadId"), u.uploadId);
        w.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
        cos::writeOwner(w, "Initiator", account.appId);
        cos::writeOwner(w, "Owner", account.appId);
        w.writeTextElement(QStringLiteral("Initiated"), isoTime(u.initiatedMs));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return cos::xmlReply(body);
}

EmuResponse CosService::abortUpload(const EmuRequest& request, const Target& target)
{
    const auto upload = uploadOf(request, target);
    if (!upload || !m_store.abortUpload(upload->uploadId))
        return noSuchUpload(request);
    EmuResponse r = cos::emptyReply();
    r.status = 204;
    return r;
}

} // namespace cvmi::emu
