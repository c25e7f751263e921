#pragma once

// What an UploadPart answer means for its part, judged the same way whether the part was read
// from the file as curl sent it (PartPump) or held in memory from a converted stream
// (StreamPump): stored (with its ETag and a matching CRC-64), to be sent again (a failed answer,
// or one cut short: a 2xx without an ETag, or before the whole body went), damaged on the way
// (COS's CRC-64 differs), or the end of the upload.
#include "transfer/RetryPolicy.h"
#include "transfer/UploadJob.h"
#include "util/Error.h"

namespace cvmi::transfer {

struct PartOutcome {
    enum class Kind { Stored, Retry, Damaged } kind = Kind::Stored;
    Verdict verdict; // Retry: why (Fatal in it: no retry will help)
    Error mismatch;  // Damaged: the CRC-64 comparison that failed
    QString etag;    // Stored
};

// `bodyComplete`: every byte of the part was handed to curl; `crc`: the part's CRC-64.
PartOutcome judgePartAnswer(const HttpAnswer& answer, qint64 signedOffset, bool bodyComplete,
                            int number, quint64 crc, Dialect dialect);

// The wait before retry number `attempts`: none after a clock correction (the next signature
// is right), else RetryPolicy's jittered backoff.
int partRetryDelayMs(const RetrySettings& settings, int attempts, const Verdict& verdict);

} // namespace cvmi::transfer
