// libFuzzer target: COS's XML bodies — the <Error> document behind every failed call and GET
// Service's ListAllMyBucketsResult.
#include "cloud/CosClient.h"

#include <cstdint>

using namespace cvmi::cloud;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the HTTP status and whether a bare 404 means a missing key.
    static const int statuses[] = {400, 403, 404, 409, 500, 503};
    const int status = statuses[(data[0] >> 1) % (sizeof statuses / sizeof statuses[0])];
    const bool missingIsKey = (data[0] & 1) != 0;
    const QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    const CloudError error = CosClient::parseError(status, body, "fuzz-request-id", missingIsKey);
    if (!error.isSet() || error.userMessage.isEmpty() || error.remedy.isEmpty() ||
        error.requestId.isEmpty() || error.httpStatus != status)
        __builtin_trap();
    (void)error.toString();

    const QList<CosBucket> buckets = CosClient::parseBucketList(body);
    // Every bucket comes from a <Bucket> element of the input: no more of them than bytes.
    if (buckets.size() > body.size())
        __builtin_trap();
    return 0;
}
