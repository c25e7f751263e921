#pragma once

// Signing and addressing of object-store requests: COS's native dialect (q-sign signature,
// virtual host <bucket>.cos.<region>.myqcloud.com, x-cos-security-token) and S3's (SigV4, path
// style or virtual host, x-amz-security-token). Both connect to the destination's endpoint
// override when one is set while naming the real host. Pure computation given the time.
#include "transfer/StoreRequest.h"
#include "transfer/UploadJob.h"

#include <memory>

namespace cvmi::transfer {

class StoreDialect {
public:
    virtual ~StoreDialect() = default;
    // `now` is the local time corrected by the learnt clock offset (Unix seconds).
    virtual PreparedRequest prepare(const StoreRequest& request, qint64 now) const = 0;
    // The object's public address, for the result (COS: CosClient::objectUrl's form).
    virtual QString objectUrl() const = 0;
    virtual bool sendsContentMd5() const = 0;

    static std::unique_ptr<StoreDialect> create(const UploadDestination& destination,
                                                const cloud::Credentials& credentials);

    // "a=b&c" with RFC 3986 encoding of names and values, in the given order.
    static QString encodeQuery(const cloud::StringPairList& query);
};

} // namespace cvmi::transfer
