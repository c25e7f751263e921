// CosService's single-object operations: PUT Object, GET / HEAD Object (with one byte range,
// as S3 serves it) and DELETE Object.
#include "CosService.h"

#include "CosReplies.h"

#include <QRegularExpression>

namespace cvmi::emu {

namespace {

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

} // namespace

EmuResponse CosService::putObject(const EmuRequest& request, const Target& target)
{
    if (const auto refused = cos::contentMd5Refusal(request))
        return *refused;
    QString problem;
    const auto info = m_store.putObject(target.bucket, target.key, request.body,
                                        QString::fromUtf8(request.header("content-type")),
                                        request.now * 1000, &problem);
    if (!info)
        return cos::errorReply(request, 500, QStringLiteral("InternalError"), problem);
    EmuResponse r = cos::emptyReply();
    r.setHeader("ETag", info->etag.toLatin1());
    r.setHeader("x-cos-hash-crc64ecma", cos::crcHeader(info->crc64));
    return r;
}

EmuResponse CosService::getObject(const EmuRequest& request, const Target& target, bool head) const
{
    const auto info = m_store.object(target.bucket, target.key);
    if (!info)
        return cos::errorReply(request, 404, QStringLiteral("NoSuchKey"),
                               QStringLiteral("The specified key does not exist."));
    EmuResponse r = cos::xmlReply({});
    r.setHeader("Content-Type", info->contentType.isEmpty()
                                    ? QByteArrayLiteral("application/octet-stream")
                                    : info->contentType.toUtf8());
    r.setHeader("ETag", info->etag.toLatin1());
    r.setHeader("Last-Modified", httpDate(info->lastModifiedMs / 1000));
    r.setHeader("Accept-Ranges", "bytes");
    r.setHeader("x-cos-storage-class", "STANDARD");
    // The whole object's CRC, also on a ranged answer: it describes the object, not the bytes.
    r.setHeader("x-cos-hash-crc64ecma", cos::crcHeader(info->crc64));
    const RangeSpec range = head ? RangeSpec{} : parseRange(request.header("range"), info->size);
    if (range.present && !range.satisfiable) {
        EmuResponse e = cos::errorReply(request, 416, QStringLiteral("InvalidRange"),
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
    EmuResponse r = cos::emptyReply();
    r.status = 204;
    return r;
}
} // namespace cvmi::emu
