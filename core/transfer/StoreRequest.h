#pragma once

// One object-store request in the two dialects the engine speaks, before and after signing.
// The dialects (StoreDialect) turn what the multipart calls need (method, key, query, headers)
// into a URL to connect to and the complete header list, signed.
#include "cloud/CosSigner.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace cvmi::transfer {

struct StoreRequest {
    QByteArray method;             // "PUT", "POST", "GET", "DELETE", "HEAD"
    QString key;                   // decoded object key; empty for a bucket request
    cloud::StringPairList query;   // decoded; an empty value is a bare name ("?uploads")
    cloud::StringPairList headers; // signed and sent (Content-Type, Content-MD5, ...)
    // The lower-hex SHA-256 of a small body (SigV4 signs it); empty: UNSIGNED-PAYLOAD, as for
    // the parts, whose integrity Content-MD5 and the CRC-64 check instead.
    QString payloadSha256;
    // The body's size, for PUT and POST: COS's dialect then signs and sends Content-Length, as
    // the vendor's SDK does (buckets in strict signature mode require it). -1: not given.
    qint64 contentLength = -1;
};

struct PreparedRequest {
    QByteArray method;
    QByteArray url;                // fully encoded, to connect to
    QList<QByteArray> headerLines; // "Name: value", Host and Authorization included
    QString host;                  // the service host named in the request, for messages
};

} // namespace cvmi::transfer
