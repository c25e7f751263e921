#pragma once

// TC3-HMAC-SHA256, the request signature of Tencent Cloud API 3.0 (CVM and the other JSON APIs).
// Pure computation: no clock, no network. Every intermediate string is returned so that tests can
// compare them with the official SDK's and so that a SignatureFailure can be diagnosed.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace cvmi::cloud {

using HttpHeaderList = QList<QPair<QByteArray, QByteArray>>;

struct Tc3Request {
    QString secretId;
    QString secretKey;
    QString token;        // session token of temporary credentials; empty for permanent keys
    qint64 timestamp = 0; // Unix seconds; the credential scope's date is its UTC date
    QString service;      // scope service, e.g. "cvm" (the host's first label)
    QString host;         // e.g. "cvm.tencentcloudapi.com"
    QString action;       // e.g. "ImportImage"
    QString version;      // e.g. "2017-03-12"
    QString region;       // empty for region-less actions: X-TC-Region is then not sent
    QString language = QStringLiteral("zh-CN"); // X-TC-Language; empty: not sent
    QString method = QStringLiteral("POST");    // "POST" (JSON body) or "GET" (form query)
    QByteArray body;                            // POST: the exact JSON bytes that will be sent
    QByteArray query; // GET: the query string exactly as sent, without '?'
};

struct Tc3Signed {
    QString payloadHash; // lower-hex SHA-256 of the body (of "" for GET)
    QString canonicalRequest;
    QString credentialScope; // <date>/<service>/tc3_request
    QString stringToSign;
    QString signature;
    QString authorization;
    // Every header to send, Authorization last, in the order the Python SDK sends them.
    HttpHeaderList headers;
};

class Tc3Signer {
public:
    static Tc3Signed sign(const Tc3Request& request);
    // The Content-Type that is signed: JSON for POST, form encoding for GET.
    static QByteArray contentType(const QString& method);
};

} // namespace cvmi::cloud
