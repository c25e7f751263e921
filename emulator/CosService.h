#pragma once

// The COS XML API subset the wizard and the upload engine use, over virtual-host addressing
// (Host: <bucket>-<appid>.cos.<region>.myqcloud.com) and path style (/<bucket>-<appid>/<key>,
// for S3-compatible clients), with COS's error bodies and x-cos-hash-crc64ecma on every object
// response. As strict as COS where it matters to a client: a host whose region is not the
// bucket's finds no bucket, and a body COS needs the length of must come with Content-Length.
// This file routes a request to its operation (CosService.cpp); the operations are implemented
// by concern in CosServiceBuckets.cpp, CosServiceObjects.cpp and CosServiceMultipart.cpp, and
// the shape of every answer is CosReplies.h's.
#include "CosStore.h"
#include "FaultInjector.h"
#include "HttpExchange.h"
#include "SignatureVerifier.h"

#include <QUrl>

namespace cvmi::emu {

// What ImportImage can reach through an ImageUrl.
struct ImportSource {
    bool validUrl = false; // a COS object URL of an existing bucket
    QString bucket;
    QString key;
    bool readable = false; // signature, expiry and ACL allow the import service to read it
    QString reason;        // why not readable
};

class CosService {
public:
    CosService(CosStore& store, const SignatureVerifier& verifier, QString defaultRegion);

    // The operation's name for fault rules and logs: "PutObject", "UploadPart", ...
    QString operationFor(const EmuRequest& request) const;
    EmuResponse handle(const EmuRequest& request);
    // What an injected 500 / 503 looks like: COS's XML error.
    EmuResponse faultResponse(const EmuRequest& request, FaultKind kind) const;

    ImportSource resolveImportUrl(const QString& url, const EmulatorAccount& caller,
                                  qint64 now) const;

    // The object's file when it exists, else empty: what the import service reads.
    QString objectFilePath(const QString& bucket, const QString& key) const;

    static constexpr qint64 minPartSize = 1024 * 1024; // COS: 1 MB, except the last part
    static constexpr int maxPartNumber = 10000;
    static constexpr int maxListEntries = 1000;

private:
    struct Target {
        enum class Kind { Service, Bucket, Object } kind = Kind::Service;
        QString bucket;
        QString key;
        QString region; // from the host name; empty in plain path style
    };
    Target targetOf(const EmuRequest& request) const;

    // Before an operation on a bucket or its objects: 404 NoSuchBucket (also for a host naming
    // another region), 403 for another account's bucket, 411 for a body without its length.
    std::optional<EmuResponse> bucketRefusal(const EmuRequest& request, const Target& target,
                                             const QString& op, const AuthResult& auth,
                                             const std::optional<BucketInfo>& bucket) const;
    EmuResponse dispatch(const EmuRequest& request, const Target& target, const QString& op,
                         const AuthResult& auth, const BucketInfo& bucket);
    // 411 MissingContentLength for a body COS needs the length of, else nothing.
    std::optional<EmuResponse> lengthRequired(const EmuRequest& request, const QString& op) const;

    // CosServiceBuckets.cpp
    EmuResponse getService(const EmuRequest& request, const Target& target,
                           const EmulatorAccount& account) const;
    EmuResponse putBucket(const EmuRequest& request, const Target& target,
                          const EmulatorAccount& account, const QString& authRegion);
    EmuResponse headBucket(const BucketInfo& bucket) const;
    EmuResponse getBucket(const EmuRequest& request, const BucketInfo& bucket) const;

    // CosServiceObjects.cpp
    EmuResponse putObject(const EmuRequest& request, const Target& target);
    EmuResponse getObject(const EmuRequest& request, const Target& target, bool head) const;
    EmuResponse deleteObject(const Target& target);

    // CosServiceMultipart.cpp
    // The upload the request's uploadId names, when it is one of this target's.
    std::optional<UploadInfo> uploadOf(const EmuRequest& request, const Target& target) const;
    EmuResponse initiateUpload(const EmuRequest& request, const Target& target);
    EmuResponse uploadPart(const EmuRequest& request, const Target& target);
    EmuResponse completeUpload(const EmuRequest& request, const Target& target);
    // Complete's list checked against the stored parts: the parts to join, or COS's refusal.
    std::optional<EmuResponse> chooseParts(const EmuRequest& request, const UploadInfo& upload,
                                           const QList<QPair<int, QString>>& listed,
                                           QList<PartInfo>* chosen) const;
    EmuResponse listParts(const EmuRequest& request, const Target& target,
                          const EmulatorAccount& account) const;
    EmuResponse listUploads(const EmuRequest& request, const Target& target,
                            const EmulatorAccount& account) const;
    EmuResponse abortUpload(const EmuRequest& request, const Target& target);

    CosStore& m_store;
    const SignatureVerifier& m_verifier;
    QString m_defaultRegion;
};

} // namespace cvmi::emu
