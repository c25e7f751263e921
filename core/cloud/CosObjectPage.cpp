#include "cloud/CosObjectPage.h"

#include <QXmlStreamReader>

namespace cvmi::cloud {

namespace {

bool fail(QString* problem, const QString& text)
{
    if (problem)
        *problem = text;
    return false;
}

QString urlDecoded(const QString& text)
{
    // COS encodes a space as %20 and '+' as %2B (the official Python SDK decodes with unquote,
    // not unquote_plus): a '+' stays a '+'.
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

enum class In { Page, Contents, CommonPrefixes };

// Whether the element just started (at `depth` below the root, inside `in`) is a field read
// here. The page's fields are at depth 1, an entry's at depth 2; Owner's ID and DisplayName
// (depth 3) and everything else are skipped.
bool wanted(In in, int depth, const QString& name)
{
    static const QStringList pageFields{QStringLiteral("EncodingType"),
                                        QStringLiteral("IsTruncated"),
                                        QStringLiteral("NextMarker")};
    static const QStringList objectFields{QStringLiteral("Key"), QStringLiteral("Size"),
                                          QStringLiteral("LastModified"), QStringLiteral("ETag"),
                                          QStringLiteral("StorageClass")};
    switch (in) {
    case In::Page:
        return depth == 1 && pageFields.contains(name);
    case In::Contents:
        return depth == 2 && objectFields.contains(name);
    case In::CommonPrefixes:
        return depth == 2 && name == QLatin1String("Prefix");
    }
    return false;
}

// The text of the element just started; false (the reader's error set) when it has children.
bool readText(QXmlStreamReader& reader, QString* text)
{
    *text = reader.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
    return !reader.hasError();
}

} // namespace

std::optional<CosObjectPage> CosObjectPage::parse(const QByteArray& body, QString* problem)
{
    if (body.size() > maxBodyBytes) {
        fail(problem,
             QStringLiteral("an answer of %1 bytes, more than a page can be").arg(body.size()));
        return std::nullopt;
    }
    QXmlStreamReader reader(body);
    QString root;
    while (!reader.atEnd() && root.isEmpty()) {
        if (reader.readNext() == QXmlStreamReader::StartElement)
            root = reader.name().toString();
    }
    if (root != QLatin1String("ListBucketResult")) {
        fail(problem, root.isEmpty()
                          ? QStringLiteral("no XML document")
                          : QStringLiteral("expected <ListBucketResult>, got <%1>").arg(root));
        return std::nullopt;
    }
    CosObjectPage page;
    bool urlEncoded = false;
    bool truncatedSeen = false;
    CosListedObject object;
    In in = In::Page;
    int depth = 0; // below the root
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            const auto name = reader.name();
            if (depth == 1 && name == QLatin1String("Contents"))
                page.objects.append(object);
            if (depth == 1)
                in = In::Page;
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        const QString name = reader.name().toString();
        QString text;
        if (depth == 1 &&
            (name == QLatin1String("Contents") || name == QLatin1String("CommonPrefixes"))) {
            if (page.objects.size() + page.commonPrefixes.size() >= maxKeys) {
                fail(problem, QStringLiteral("more than %1 entries in one page").arg(maxKeys));
                return std::nullopt;
            }
            in = name == QLatin1String("Contents") ? In::Contents : In::CommonPrefixes;
            object = {};
            continue;
        }
        if (!wanted(in, depth, name))
            continue; // Name, Prefix, Marker, MaxKeys, Delimiter, Owner, ...: not needed here
        if (!readText(reader, &text))
            break;
        --depth; // readElementText consumed the end element
        if (in == In::Page) {
            if (name == QLatin1String("EncodingType")) {
                urlEncoded = text.trimmed() == QLatin1String("url");
            } else if (name == QLatin1String("IsTruncated")) {
                truncatedSeen = true;
                page.isTruncated = text.trimmed() == QLatin1String("true");
            } else {
                page.nextMarker = text;
            }
        } else if (in == In::CommonPrefixes) {
            page.commonPrefixes.append(text);
        } else if (name == QLatin1String("Key")) {
            object.key = text;
        } else if (name == QLatin1String("Size")) {
            bool ok = false;
            object.size = text.trimmed().toLongLong(&ok);
            if (!ok || object.size < 0) {
                fail(problem,
                     QStringLiteral("an object size that is not a number: %1").arg(text.left(40)));
                return std::nullopt;
            }
        } else if (name == QLatin1String("LastModified")) {
            object.lastModified = text.trimmed();
        } else if (name == QLatin1String("ETag")) {
            object.etag = text.trimmed();
        } else {
            object.storageClass = text.trimmed();
        }
    }
    if (reader.hasError()) {
        fail(problem, QStringLiteral("malformed XML: ") + reader.errorString());
        return std::nullopt;
    }
    if (!truncatedSeen) {
        fail(problem, QStringLiteral("no IsTruncated"));
        return std::nullopt;
    }
    if (urlEncoded) {
        page.nextMarker = urlDecoded(page.nextMarker);
        for (QString& prefix : page.commonPrefixes)
            prefix = urlDecoded(prefix);
        for (CosListedObject& o : page.objects)
            o.key = urlDecoded(o.key);
    }
    for (const CosListedObject& o : std::as_const(page.objects)) {
        if (o.key.isEmpty()) {
            fail(problem, QStringLiteral("an object without a key"));
            return std::nullopt;
        }
        // COS states every object's size; an entry without one would be listed as -1 bytes.
        if (o.size < 0) {
            fail(problem, QStringLiteral("an object without a size: %1").arg(o.key.left(80)));
            return std::nullopt;
        }
    }
    // COS sends NextMarker on a truncated page; an answer without one still leads on from its
    // last entry (S3's rule), and one with neither would ask the same page forever.
    if (page.isTruncated && page.nextMarker.isEmpty()) {
        QString last;
        if (!page.objects.isEmpty())
            last = page.objects.last().key;
        if (!page.commonPrefixes.isEmpty() && page.commonPrefixes.last().toUtf8() > last.toUtf8())
            last = page.commonPrefixes.last();
        if (last.isEmpty()) {
            fail(problem, QStringLiteral("a truncated page without NextMarker or entries"));
            return std::nullopt;
        }
        page.nextMarker = last;
    }
    return page;
}

} // namespace cvmi::cloud
