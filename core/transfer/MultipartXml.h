#pragma once

// The XML bodies of the multipart calls, read with QXmlStreamReader and bounded (a page holds at
// most 1,000 entries, as COS and S3 send; anything larger or malformed is a BadResponse rather
// than unbounded memory), and the one body we write, CompleteMultipartUpload's.
#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cvmi::transfer {

struct ListedPart {
    int number = 0;
    QString etag; // as sent, quotes included
    qint64 size = -1;
};

struct PartsPage {
    QList<ListedPart> parts;
    bool truncated = false;
    int nextMarker = 0;
};

struct PendingUpload {
    QString key;
    QString uploadId;
    QString initiated; // ISO 8601 as sent

    // Whether this may be the upload an InitiateMultipartUpload of `key` sent at `sentAt` (our
    // clock, seconds since the epoch) or later created: the same key, initiated no earlier than
    // that less two minutes for the difference between the server's clock and ours.
    bool mayBeStartedBy(const QString& key, qint64 sentAt) const;
};

struct UploadsPage {
    QList<PendingUpload> uploads;
    bool truncated = false;
    QString nextKeyMarker;
    QString nextUploadIdMarker;
};

struct CompletedPart {
    int number = 0;
    QString etag;
};

class MultipartXml {
public:
    static constexpr int maxEntriesPerPage = 1000;

    // Each returns nullopt (and *problem, a short English description for the log) when the
    // body is not the expected document.
    static std::optional<QString> uploadId(const QByteArray& body, QString* problem);
    static std::optional<PartsPage> partsPage(const QByteArray& body, QString* problem);
    static std::optional<UploadsPage> uploadsPage(const QByteArray& body, QString* problem);
    // CompleteMultipartUploadResult's ETag. S3 may answer 200 and still carry an <Error> body
    // (the failure came after the status was sent): *errorBody is then set and nullopt returned.
    static std::optional<QString> completedEtag(const QByteArray& body, bool* errorBody,
                                                QString* problem);

    static QByteArray completeBody(const QList<CompletedPart>& parts);
};

} // namespace cvmi::transfer
