#pragma once

// The emulator's own view of one HTTP exchange, copied out of Qt HttpServer's request object
// (which Qt reuses for the next request on the connection, so nothing may point into it once a
// fault delays the answer).
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace cvmi::emu {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;
using QueryItems = QList<QPair<QString, QString>>;

struct EmuRequest {
    QByteArray method;   // upper-case, e.g. "PUT"
    QByteArray hostLine; // the Host header exactly as received, port included
    QString host;        // lower-case, without the port
    QByteArray rawPath;  // percent-encoded, as sent
    QString path;        // decoded; a raw '+' decodes to a space, as COS does
    QByteArray rawQuery; // without '?', as sent
    QueryItems query;    // decoded in order; "uploads" (no '=') gives ("uploads", "")
    RawHeaders headers;  // as received
    QByteArray body;
    // The server's clock for this request (faults may skew it): Unix seconds and milliseconds.
    qint64 now = 0;
    qint64 nowMs = 0;

    QByteArray header(QByteArrayView name) const; // case-insensitive; repeated ones joined by ','
    bool hasHeader(QByteArrayView name) const;
    bool hasQuery(const QString& name) const;
    QString queryValue(const QString& name) const;
};

struct EmuResponse {
    int status = 200;
    RawHeaders headers;
    QByteArray body;
    // HEAD: Content-Length announces this many bytes but no body is sent (RFC 9110 9.3.2).
    bool headOnly = false;
    qint64 headLength = 0;

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;
};

QByteArray reasonPhrase(int status);
// RFC 7231 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT", independent of the locale.
QByteArray httpDate(qint64 unixSeconds);
// "2026-05-01T10:00:00.000Z", the form COS and S3 use in XML bodies.
QString isoTime(qint64 unixMs);
// Decodes a URL component; with plusIsSpace a '+' means a space (query strings, COS paths).
QString decodeComponent(QByteArray encoded, bool plusIsSpace);
QueryItems parseQuery(const QByteArray& rawQuery);

} // namespace cvmi::emu
