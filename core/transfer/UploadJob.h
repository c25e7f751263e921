#pragma once

// What the upload engine is asked to do (UploadJob), and what it reports back (UploadProgress,
// UploadResult). Plain values: the CLI and the upload page fill a job, hand it to UploadEngine
// and read the results from its signals.
#include "cloud/CloudEndpoints.h"
#include "cloud/CloudError.h"
#include "cloud/Credentials.h"
#include "transfer/UploadLimits.h"
#include "util/Error.h"
#include "util/NativePath.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace cvmi::transfer {

// Which signature and addressing the store speaks. Cos: COS's native q-sign signature, virtual
// host <bucket>.cos.<region>.myqcloud.com, CRC-64 checked on every part. S3: AWS SigV4 (COS's
// S3-compatible face, or any S3 store such as moto), path style or virtual host, Content-MD5 on
// every part because S3 stores check it where they have no CRC-64.
enum class Dialect { Cos, S3 };

struct UploadDestination {
    Dialect dialect = Dialect::Cos;
    QString bucket; // COS: "<name>-<APPID>"
    QString key;    // decoded object key, e.g. "images/centos7.qcow2"
    QString region; // "ap-guangzhou"; also the SigV4 credential scope's region
    // Where to connect: endpoints.cosEndpoint() when set (an emulator, a gateway, moto), else the
    // real host. The request always names and signs the real host (see CloudEndpoints).
    cloud::CloudEndpoints endpoints;
    // S3 only: the service host the requests name ("cos.<region>.myqcloud.com" when empty; for a
    // local moto "127.0.0.1:5000"), and whether the bucket goes into the path or the host name.
    QString s3ServiceHost;
    bool s3PathStyle = true;
};

struct RetrySettings {
    int maxAttempts = 8;    // per request (a part, Initiate, Complete...), first try included
    int baseDelayMs = 500;  // the backoff before the n-th retry is up to base × 2^(n-1)...
    int maxDelayMs = 30000; // ... capped here, with full jitter
    int stallSeconds = 60;  // below 1 byte/s for this long: the request is dropped and retried
    int connectTimeoutSeconds = 30;
};

// How the file goes up: its bytes as they are, or converted on the way into a compressed, sparse
// qcow2 (convert/Qcow2Stream.h): the file is opened as a disk image (any format we read) and the
// stream is cut into parts as it is produced, its first part (holding the header) sent last.
enum class Conversion { None, Qcow2 };

struct UploadJob {
    util::NativePath filePath; // bytes: the name need not be UTF-8 (absolute from the CLI)
    Conversion conversion = Conversion::None;
    UploadDestination destination;
    cloud::Credentials credentials;

    qint64 partSize = UploadLimits::autoPartSize; // 0: chosen from the file size (PartPlanner)
    int concurrency = UploadLimits::defaultConcurrency; // parts in flight at once, 1..32
    qint64 singlePutThreshold = -1;     // files up to this size go in one PUT; -1: up to one part
    qint64 rateLimitBytesPerSecond = 0; // 0: unlimited; shared by all parts in flight
    // "http://host:port" (AppSettings::proxy): every request but loopback goes through it.
    // Empty: libcurl's own http_proxy / https_proxy / all_proxy variables.
    QString proxy;
    // A checkpoint of an earlier run of this file to this destination is used (only the missing
    // parts are sent) unless restart is set: then its multipart upload is aborted and the upload
    // starts over. A checkpoint whose file changed is refused unless restart is set.
    bool restart = false;
    QString checkpointDir; // empty: <shared data dir>/uploads
    RetrySettings retry;
    // COS refuses parts below 1 MiB except the last; tests of the planner may lower this.
    qint64 minPartSize = UploadLimits::minPartSize;
};

// Verifying: a resumed upload reads the parts the server already holds again, to compare them
// with the file as it is now (UploadProgress::partsToCheck...).
enum class UploadState { Preparing, Verifying, Uploading, Pausing, Paused, Completing, Finished };

struct UploadProgress {
    qint64 bytesSent = 0; // confirmed parts plus the bytes of parts in flight
    qint64 totalBytes = 0;
    int partsDone = 0;
    int partsTotal = 0;
    double bytesPerSecond = 0; // smoothed over the last seconds
    qint64 etaSeconds = -1;    // -1: unknown yet
    UploadState state = UploadState::Preparing;
    // A resumed upload's check of the parts already sent (0 when nothing is reused): how many
    // and how many bytes to read, how far it got, and the parts found changed (sent again).
    int partsToCheck = 0;
    int partsChecked = 0;
    qint64 bytesToCheck = 0;
    qint64 bytesChecked = 0;
    QList<int> partsChanged;
    // A converted upload: the object's length is known only when the stream ends, so totalBytes
    // is -1 until then and front ends show the source's progress (read of total) beside the
    // bytes sent.
    bool converting = false;
    qint64 sourceBytesRead = 0;   // of the image's data extents (holes are not read)
    qint64 sourceBytesTotal = -1; // -1 until the image's map has been walked
};

struct UploadResult {
    bool ok = false;
    bool cancelled = false; // cancel(): the multipart upload was aborted, the checkpoint removed
    QString objectUrl;      // https://<bucket>.cos.<region>.myqcloud.com/<key> (CosClient form)
    quint64 crc64 = 0;      // CRC-64/ECMA of the whole file, as COS's x-cos-hash-crc64ecma
    QString etag;
    qint64 size = 0;        // the object's length: the bytes sent (the stream's, when converted)
    QString format;         // the object's format: the source's ("raw", "qcow2"...) or "qcow2"
    qint64 sourceBytes = 0; // the file's size
    qint64 virtualSize = 0; // the disk's size as the guest sees it (the file's for raw)
    int partsUploaded = 0;  // parts sent by this run (a resumed run sends only the missing ones)
    int partsReused = 0;    // parts already on the server from an earlier run
    // Of the parts on the server, those read again and compared (every one a resume reuses),
    // and those whose bytes in the file no longer match what was sent: these were sent again.
    int partsChecked = 0;
    QList<int> partsChanged;
    Error error;                  // set when !ok: code "upload.*", a full sentence
    cloud::CloudError cloudError; // the service's error behind `error`, when there was one
    // Server minus local seconds, when COS said the clock is off and the requests were signed
    // with the server's time (ClockSkew::describe tells the user).
    std::optional<qint64> clockSkewSeconds;
};

} // namespace cvmi::transfer

Q_DECLARE_METATYPE(cvmi::transfer::UploadProgress)
Q_DECLARE_METATYPE(cvmi::transfer::UploadResult)
