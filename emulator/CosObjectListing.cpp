#include "CosObjectListing.h"

#include <QXmlStreamWriter>

#include <algorithm>

namespace cvmi::emu {

namespace {

// COS orders keys by their UTF-8 bytes; QString's own order (UTF-16 code units) differs for
// characters beyond the BMP, so every comparison goes through the bytes.
bool before(const QString& a, const QString& b)
{
    return a.toUtf8() < b.toUtf8();
}

} // namespace

std::optional<ObjectListingQuery> CosObjectListing::parseQuery(const EmuRequest& request,
                                                               QString* problem)
{
    ObjectListingQuery q;
    q.prefix = request.queryValue(QStringLiteral("prefix"));
    q.marker = request.queryValue(QStringLiteral("marker"));
    q.delimiter = request.queryValue(QStringLiteral("delimiter"));
    if (request.hasQuery(QStringLiteral("max-keys"))) {
        bool ok = false;
        const qint64 value = request.queryValue(QStringLiteral("max-keys")).toLongLong(&ok);
        if (!ok || value < 0) {
            *problem = QStringLiteral("max-keys must be an integer between 0 and %1.").arg(maxKeys);
            return std::nullopt;
        }
        q.maxKeys = int(qMin<qint64>(value, maxKeys)); // more than the maximum gets the maximum
    }
    if (request.hasQuery(QStringLiteral("encoding-type"))) {
        if (request.queryValue(QStringLiteral("encoding-type")) != QLatin1String("url")) {
            *problem = QStringLiteral("encoding-type must be url.");
            return std::nullopt;
        }
        q.urlEncoded = true;
    }
    return q;
}

ObjectListingPage CosObjectListing::page(QList<ObjectInfo> objects, const ObjectListingQuery& q)
{
    std::sort(objects.begin(), objects.end(),
              [](const ObjectInfo& a, const ObjectInfo& b) { return before(a.key, b.key); });
    ObjectListingPage page;
    if (q.maxKeys == 0)
        return page; // nothing asked for, nothing cut off
    int count = 0;
    for (const ObjectInfo& o : std::as_const(objects)) {
        if (!o.key.startsWith(q.prefix) || (!q.marker.isEmpty() && !before(q.marker, o.key)))
            continue;
        QString rolledUp;
        if (!q.delimiter.isEmpty()) {
            const qsizetype at = o.key.indexOf(q.delimiter, q.prefix.size());
            if (at >= 0)
                rolledUp = o.key.left(at + q.delimiter.size());
        }
        // A common prefix ending a previous page is its marker: its keys come after it, and
        // must not open the next page with the same prefix again.
        if (!rolledUp.isEmpty() &&
            ((!page.commonPrefixes.isEmpty() && page.commonPrefixes.last() == rolledUp) ||
             (!q.marker.isEmpty() && !before(q.marker, rolledUp))))
            continue;
        if (count == q.maxKeys) {
            page.truncated = true;
            break;
        }
        ++count;
        if (rolledUp.isEmpty()) {
            page.contents.append(o);
            page.nextMarker = o.key;
        } else {
            page.commonPrefixes.append(rolledUp);
            page.nextMarker = rolledUp;
        }
    }
    if (!page.truncated)
        page.nextMarker.clear();
    return page;
}

QByteArray CosObjectListing::resultXml(const QString& bucket, const QString& appId,
                                       const ObjectListingQuery& q, const ObjectListingPage& page)
{
    const auto text = [&q](const QString& value) {
        return q.urlEncoded ? QString::fromLatin1(value.toUtf8().toPercentEncoding("/")) : value;
    };
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("ListBucketResult"));
    w.writeTextElement(QStringLiteral("Name"), bucket);
    if (q.urlEncoded)
        w.writeTextElement(QStringLiteral("EncodingType"), QStringLiteral("url"));
    w.writeTextElement(QStringLiteral("Prefix"), text(q.prefix));
    w.writeTextElement(QStringLiteral("Marker"), text(q.marker));
    w.writeTextElement(QStringLiteral("MaxKeys"), QString::number(q.maxKeys));
    if (!q.delimiter.isEmpty())
        w.writeTextElement(QStringLiteral("Delimiter"), text(q.delimiter));
    w.writeTextElement(QStringLiteral("IsTruncated"),
                       page.truncated ? QStringLiteral("true") : QStringLiteral("false"));
    if (page.truncated)
        w.writeTextElement(QStringLiteral("NextMarker"), text(page.nextMarker));
    for (const QString& prefix : page.commonPrefixes) {
        w.writeStartElement(QStringLiteral("CommonPrefixes"));
        w.writeTextElement(QStringLiteral("Prefix"), text(prefix));
        w.writeEndElement();
    }
    for (const ObjectInfo& o : page.contents) {
        w.writeStartElement(QStringLiteral("Contents"));
        w.writeTextElement(QStringLiteral("Key"), text(o.key));
        w.writeTextElement(QStringLiteral("LastModified"), isoTime(o.lastModifiedMs));
        w.writeTextElement(QStringLiteral("ETag"), o.etag);
        w.writeTextElement(QStringLiteral("Size"), QString::number(o.size));
        // The listing names the owner by APPID (the SDK's documented answer), not by CAM uin.
        w.writeStartElement(QStringLiteral("Owner"));
        w.writeTextElement(QStringLiteral("ID"), appId);
        w.writeTextElement(QStringLiteral("DisplayName"), appId);
        w.writeEndElement();
        w.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return body;
}

} // namespace cvmi::emu
