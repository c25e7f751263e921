#include "transfer/MultipartXml.h"

#include <QDateTime>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace cvmi::transfer {

namespace {

// The root element's name, or empty when the document has none.
QString rootName(QXmlStreamReader& reader)
{
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement)
            return reader.name().toString();
    }
    return {};
}

bool finish(QXmlStreamReader& reader, QString* problem)
{
    if (reader.hasError()) {
        if (problem)
            *problem = QStringLiteral("malformed XML: ") + reader.errorString();
        return false;
    }
    return true;
}

// S3's documents end in "Result" (ListPartsResult); moto 5 names some "...Response" instead
// (ListPartsResponse, CompleteMultipartUploadResponse), and the AWS SDKs never look at the root's
// name, so such stores work with every SDK. Both spellings are accepted; nothing else is.
bool isRoot(const QString& root, const char* name)
{
    const QLatin1String expected(name);
    if (root == expected)
        return true;
    const QLatin1String result("Result");
    return expected.endsWith(result) &&
           root == expected.chopped(result.size()) + QLatin1String("Response");
}

bool expectRoot(QXmlStreamReader& reader, const char* name, QString* problem)
{
    const QString root = rootName(reader);
    if (isRoot(root, name))
        return true;
    if (problem)
        *problem = root.isEmpty()
                       ? QStringLiteral("no XML document")
                       : QStringLiteral("expected <%1>, got <%2>").arg(QLatin1String(name), root);
    return false;
}

bool tooMany(qsizetype count, QString* problem)
{
    if (count < MultipartXml::maxEntriesPerPage)
        return false;
    if (problem)
        *problem =
            QStringLiteral("more than %1 entries in one page").arg(MultipartXml::maxEntriesPerPage);
    return true;
}

} // namespace

std::optional<QString> MultipartXml::uploadId(const QByteArray& body, QString* problem)
{
    QXmlStreamReader reader(body);
    if (!expectRoot(reader, "InitiateMultipartUploadResult", problem))
        return std::nullopt;
    QString id;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement &&
            reader.name() == QLatin1String("UploadId"))
            id = reader.readElementText().trimmed();
    }
    if (!finish(reader, problem))
        return std::nullopt;
    if (id.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("no UploadId");
        return std::nullopt;
    }
    return id;
}

std::optional<PartsPage> MultipartXml::partsPage(const QByteArray& body, QString* problem)
{
    QXmlStreamReader reader(body);
    if (!expectRoot(reader, "ListPartsResult", problem))
        return std::nullopt;
    PartsPage page;
    ListedPart part;
    bool inPart = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            if (name == QLatin1String("Part")) {
                if (tooMany(page.parts.size(), problem))
                    return std::nullopt;
                inPart = true;
                part = {};
            } else if (inPart && name == QLatin1String("PartNumber")) {
                part.number = reader.readElementText().trimmed().toInt();
            } else if (inPart && name == QLatin1String("ETag")) {
                part.etag = reader.readElementText().trimmed();
            } else if (inPart && name == QLatin1String("Size")) {
                bool ok = false;
                part.size = reader.readElementText().trimmed().toLongLong(&ok);
                if (!ok)
                    part.size = -1;
            } else if (!inPart && name == QLatin1String("IsTruncated")) {
                page.truncated = reader.readElementText().trimmed() == QLatin1String("true");
            } else if (!inPart && name == QLatin1String("NextPartNumberMarker")) {
                page.nextMarker = reader.readElementText().trimmed().toInt();
            }
        } else if (token == QXmlStreamReader::EndElement &&
                   reader.name() == QLatin1String("Part")) {
            inPart = false;
            if (part.number < 1 || part.number > 10000) {
                if (problem)
                    *problem = QStringLiteral("a part number outside 1..10000");
                return std::nullopt;
            }
            page.parts.append(part);
        }
    }
    if (!finish(reader, problem))
        return std::nullopt;
    return page;
}

bool PendingUpload::mayBeStartedBy(const QString& ofKey, qint64 sentAt) const
{
    const QDateTime when = QDateTime::fromString(initiated, Qt::ISODateWithMs);
    return key == ofKey && when.isValid() && when.toSecsSinceEpoch() >= sentAt - 120;
}

std::optional<UploadsPage> MultipartXml::uploadsPage(const QByteArray& body, QString* problem)
{
    QXmlStreamReader reader(body);
    if (!expectRoot(reader, "ListMultipartUploadsResult", problem))
        return std::nullopt;
    UploadsPage page;
    PendingUpload upload;
    bool inUpload = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            if (name == QLatin1String("Upload")) {
                if (tooMany(page.uploads.size(), problem))
                    return std::nullopt;
                inUpload = true;
                upload = {};
            } else if (inUpload && name == QLatin1String("Key")) {
                upload.key = reader.readElementText();
            } else if (inUpload && name == QLatin1String("UploadId")) {
                upload.uploadId = reader.readElementText().trimmed();
            } else if (inUpload && name == QLatin1String("Initiated")) {
                upload.initiated = reader.readElementText().trimmed();
            } else if (!inUpload && name == QLatin1String("IsTruncated")) {
                page.truncated = reader.readElementText().trimmed() == QLatin1String("true");
            } else if (!inUpload && name == QLatin1String("NextKeyMarker")) {
                page.nextKeyMarker = reader.readElementText();
            } else if (!inUpload && name == QLatin1String("NextUploadIdMarker")) {
                page.nextUploadIdMarker = reader.readElementText().trimmed();
            }
        } else if (token == QXmlStreamReader::EndElement &&
                   reader.name() == QLatin1String("Upload")) {
            inUpload = false;
            page.uploads.append(upload);
        }
    }
    if (!finish(reader, problem))
        return std::nullopt;
    return page;
}

std::optional<QString> MultipartXml::completedEtag(const QByteArray& body, bool* errorBody,
                                                   QString* problem)
{
    *errorBody = false;
    QXmlStreamReader reader(body);
    const QString root = rootName(reader);
    if (root == QLatin1String("Error")) {
        *errorBody = true;
        return std::nullopt;
    }
    if (!isRoot(root, "CompleteMultipartUploadResult")) {
        if (problem)
            *problem = root.isEmpty() ? QStringLiteral("no XML document")
                                      : QStringLiteral("expected <CompleteMultipartUploadResult>, "
                                                       "got <%1>")
                                            .arg(root);
        return std::nullopt;
    }
    QString etag;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement &&
            reader.name() == QLatin1String("ETag"))
            etag = reader.readElementText().trimmed();
    }
    if (!finish(reader, problem))
        return std::nullopt;
    return etag;
}

QByteArray MultipartXml::completeBody(const QList<CompletedPart>& parts)
{
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartElement(QStringLiteral("CompleteMultipartUpload"));
    for (const CompletedPart& p : parts) {
        w.writeStartElement(QStringLiteral("Part"));
        w.writeTextElement(QStringLiteral("PartNumber"), QString::number(p.number));
        w.writeTextElement(QStringLiteral("ETag"), p.etag);
        w.writeEndElement();
    }
    w.writeEndElement();
    return body;
}

} // namespace cvmi::transfer
