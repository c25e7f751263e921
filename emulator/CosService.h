#pragma once

// The COS XML API subset the wizard and the upload engine use, over virtual-host addressing
// (Host: <bucket>-<appid>.cos.<region>.myqcloud.com) and path style (/<bucket>-<appid>/<key>,
// for S3-compatible clients), with COS's error bodies and x-cos-hash-crc64ecma on every object
// response. As strict as COS where it matters to a client: a host whose region is not the
// bucket's finds no bucket, and a body COS needs the length of must come with Content-Length.
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

    EmuResponse error(const EmuRequest& request, int status, const QString& code,
                      const QString& message, const AuthResult* auth = nullptr) const;
    EmuResponse xml(const QByteArray& body) const;
    // 411 MissingContentLength for a body COS needs the length of, else nothing.
    std::optional<EmuResponse> lengthRequired(const EmuRequest& request, const QString& op) const;

    EmuResponse getService(const EmuRequest& request, const Target& target,
                           const EmulatorAccount& account) const;
    EmuResponse putBucket(const EmuRequest& request, const Target& target,
                          const EmulatorAccount& account, const QString& authRegion);
    EmuResponse headBucket(const BucketInfo& bucket) const;
    EmuResponse putObject(const EmuRequest& request, const Target& target);
    EmuResponse getObject(const EmuRequest& request, const Target& target, bool head) const;
    EmuResponse deleteObject(const Target& target);
    EmuResponse initiateUpload(const EmuRequest& request, const Target& target);
    EmuResponse uploadPart(const EmuRequest& request, const Target& target);
    EmuResponse completeUpload(const EmuRequest& request, const Target& target);
    EmuResponse listParts(const EmuRequest& request, const Target& target,
                          const EmulatorAccount& account) const;
    EmuResponse listUploads(const EmuRequest& request, const Target& target,
                            const EmulatorAccount& account) const;
    EmuResponse getBucket(const EmuRequest& request, const BucketInfo& bucket) const;
    EmuResponse abortUpload(const EmuRequest& request, const Target& target);

    CosStore& m_store;
    const SignatureVerifier& m_verifier;
    QString m_defaultRegion;
};

} // namespace cvmi::emu
