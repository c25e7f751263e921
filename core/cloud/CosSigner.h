#pragma once

// COS's native request signature (q-sign-algorithm=sha1), for the Authorization header and for
// pre-signed URLs. Pure computation: the caller supplies the key time, so results are repeatable
// and testable against the SDK's vectors; every intermediate string is returned for diagnosis
// (COS answers SignatureDoesNotMatch with its own StringToSign and FormatString to compare).
#include "util/Error.h"

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace cvmi::cloud {

using StringPairList = QList<QPair<QString, QString>>;

struct CosSignRequest {
    QString secretId;
    QString secretKey;
    QString token;  // temporary credentials: sent and signed as x-cos-security-token
    QString method; // "GET", "PUT", ...; signed lower-case
    QString host;   // e.g. "images-1250000000.cos.ap-guangzhou.myqcloud.com"
    QString key;    // the object key, decoded ("disks/a b.vhd"); empty or "/" for bucket/service
    // All headers the request will carry; the signer picks the ones COS signs (see signedHeader).
    StringPairList headers;
    StringPairList params; // query parameters, decoded; an empty value signs as "name="
    qint64 keyTimeStart = 0;
    qint64 keyTimeEnd = 0;
};

struct CosSigned {
    QString keyTime;        // "<start>;<end>", both q-sign-time and q-key-time
    QString signKey;        // hex HMAC-SHA1(secretKey, keyTime)
    QString httpParameters; // encoded, sorted name=value&...
    QString httpHeaders;
    QString urlParamList; // encoded names joined by ';'
    QString headerList;
    QString httpString;
    QString stringToSign;
    QString signature;
    QString authorization;
    // Headers the caller must add to the request: x-cos-security-token when a token is used.
    StringPairList extraHeaders;
};

struct CosPresignRequest {
    QString secretId;
    QString secretKey;
    QString token; // added as a signed x-cos-security-token query parameter
    QString scheme = QStringLiteral("https");
    QString host;
    QString key;
    QString method = QStringLiteral("GET");
    StringPairList params;
    qint64 now = 0;           // Unix seconds
    qint64 expireSeconds = 0; // 1 .. maxPresignSeconds
};

class CosSigner {
public:
    // Anyone holding a pre-signed URL can download the disk image until it expires, and an import
    // needs hours, not weeks: refuse more than 7 days (also S3's SigV4 limit for such URLs).
    static constexpr qint64 maxPresignSeconds = 7 * 24 * 3600;

    static CosSigned sign(const CosSignRequest& request);

    // The SDK's window: starts a minute early to tolerate a slightly slow local clock.
    static QPair<qint64, qint64> keyTimeFor(qint64 now, qint64 expireSeconds)
    {
        return {now - 60, now + expireSeconds};
    }

    // Whether COS signs a header of this name (host, a fixed list, x-cos-*, x-ci-*).
    static bool signedHeader(const QString& name);

    // The URL path for a key: '/' + percent-encoded UTF-8, keeping A-Z a-z 0-9 - _ . ~ and '/';
    // '+' becomes %2B because COS decodes a raw '+' in the path as a space.
    static QString encodeKeyPath(const QString& key);

    // A pre-signed URL: the seven q-* pairs form-encoded as query parameters, then the signed
    // parameters. Fails (nullopt, *error set) for an expiry outside 1 .. maxPresignSeconds.
    static std::optional<QString> presignedUrl(const CosPresignRequest& request, Error* error,
                                               CosSigned* details = nullptr);
};

} // namespace cvmi::cloud
