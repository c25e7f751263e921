#pragma once

// Which failures are worth another try and how long to wait first. Transient: timeouts and
// stalls, refused or reset connections, truncated answers, 5xx (SlowDown included), 429,
// RequestTimeout and BadDigest (the bytes were damaged on the way). COS's clock answers
// (RequestTimeTooSkewed, AccessDenied "Request has expired": ClockSkew::isCosClockError) are
// retried at once with the clock offset read from the answer, when that offset differs from the
// one the request was signed with; otherwise they are permanent. Everything else (AccessDenied,
// NoSuchBucket, InvalidAccessKeyId, SignatureDoesNotMatch, a certificate that does not verify,
// ...) is permanent: retrying cannot help and would only delay the message the user needs.
#include "cloud/CloudError.h"
#include "transfer/CurlTransfer.h"
#include "transfer/UploadJob.h"

#include <optional>

namespace cvmi::transfer {

struct Verdict {
    enum class Kind { Success, Retry, Fatal } kind = Kind::Success;
    cloud::CloudError error; // set unless Success
    // A clock answer: server minus local seconds, to sign with from now on; retry without delay.
    std::optional<qint64> clockOffset;
};

class RetryPolicy {
public:
    // localNow: Unix seconds when the answer arrived, to measure the offset; signedOffset: the
    // clock offset the request was signed with.
    static Verdict judge(const HttpAnswer& answer, qint64 localNow, qint64 signedOffset = 0);
    // The wait before retry number `retry` (1, 2, ...): uniform in [0, min(max, base·2^(retry-1))],
    // "full jitter", so that parts failing together do not come back together. random01 in [0,1).
    static int delayMs(const RetrySettings& settings, int retry, double random01);
};

} // namespace cvmi::transfer
