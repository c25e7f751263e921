#pragma once

// GET Bucket (List Objects) as the client sees it: what one request asks for, and the page COS
// answers (ListBucketResult), read with QXmlStreamReader and bounded like the multipart
// listings: COS sends at most 1,000 entries a page, so anything larger, or not that document, is
// refused rather than held in memory.
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cvmi::cloud {

// One object of a page.
struct CosListedObject {
    QString key; // decoded
    qint64 size = -1;
    QString lastModified; // ISO 8601 as sent, e.g. "2026-05-01T10:00:00.000Z"
    QString etag;         // as sent, quotes included
    QString storageClass;
};

// Keys under `prefix` after `marker` (exclusive), rolled up at `delimiter` when one is given, at
// most `maxKeys` entries (1 .. CosObjectPage::maxKeys).
struct CosListQuery {
    QString prefix;
    QString marker;
    QString delimiter;
    int maxKeys = 1000;
};

// The objects and, with a delimiter, the common prefixes ("folders"), in key order. Another page
// follows when isTruncated: ask again with nextMarker as the marker.
struct CosObjectPage {
    // COS's maximum (and default) max-keys: objects and common prefixes together.
    static constexpr int maxKeys = 1000;
    // 1,000 entries of the longest keys (850 bytes, URL-encoded: three times that) and their
    // fields stay far below this.
    static constexpr qsizetype maxBodyBytes = 16 * 1024 * 1024;

    QList<CosListedObject> objects;
    QStringList commonPrefixes;
    bool isTruncated = false;
    QString nextMarker;

    // Reads a ListBucketResult body, decoding keys, prefixes and the marker when it says
    // <EncodingType>url</EncodingType>. nullopt with *problem (a short English description for
    // the log) when the body is not that document, is malformed, is larger than maxBodyBytes or
    // holds more than maxKeys entries, or is truncated without a way on (no NextMarker and no
    // entry).
    static std::optional<CosObjectPage> parse(const QByteArray& body, QString* problem);
};

} // namespace cvmi::cloud
