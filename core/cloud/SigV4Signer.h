#pragma once

// AWS Signature Version 4 in the form S3 uses (header authentication), so the transfer engine can
// talk to COS's S3-compatible endpoint or any other S3-compatible store. Pure computation: the
// caller supplies the time; every intermediate string is returned.
#include "cloud/CosSigner.h"

#include <QByteArray>
#include <QString>

namespace cvmi::cloud {

struct SigV4Request {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // sent and signed as x-amz-security-token when set
    QString region;
    QString service = QStringLiteral("s3");
    QString method;
    QString host;
    QString path = QStringLiteral("/"); // decoded ("/photos/a b.jpg"); encoded once when signed
    StringPairList query;               // decoded; an empty value signs as "name="
    // Further headers to sign (Range, Content-Type, x-amz-storage-class, ...). Hop-by-hop
    // headers and User-Agent are never signed, as in botocore, since proxies may change them.
    StringPairList headers;
    qint64 timestamp = 0; // Unix seconds, the x-amz-date
    // x-amz-content-sha256: the lower-hex SHA-256 of the body (payloadHash()), or
    // UNSIGNED-PAYLOAD when streaming a large body over TLS.
    QString contentSha256 = QStringLiteral("UNSIGNED-PAYLOAD");
};

struct SigV4Signed {
    QString amzDate; // yyyyMMddTHHmmssZ
    QString canonicalUri;
    QString canonicalQuery;
    QString canonicalHeaders; // each "name:value\n"
    QString signedHeaders;
    QString canonicalRequest;
    QString credentialScope; // <yyyyMMdd>/<region>/<service>/aws4_request
    QString stringToSign;
    QString signature;
    QString authorization;
    // Headers the caller must add: x-amz-date, x-amz-content-sha256, x-amz-security-token,
    // Authorization.
    StringPairList extraHeaders;
};

class SigV4Signer {
public:
    static SigV4Signed sign(const SigV4Request& request);

    static QString payloadHash(const QByteArray& body);
    static QString unsignedPayload() { return QStringLiteral("UNSIGNED-PAYLOAD"); }

    // S3's canonical URI: UTF-8 percent-encoded once, keeping A-Z a-z 0-9 - _ . ~ and '/'.
    static QString encodePath(const QString& path);
};

} // namespace cvmi::cloud
