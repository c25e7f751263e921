// libFuzzer target: COS's XML bodies — the <Error> document behind every failed call, GET
// Service's ListAllMyBucketsResult and GET Bucket's ListBucketResult.
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

    QString problem;
    const std::optional<CosObjectPage> page = CosObjectPage::parse(body, &problem);
    if (page) {
        // Bounded, and a truncated page always leads on.
        if (page->objects.size() + page->commonPrefixes.size() > CosObjectPage::maxKeys ||
            (page->isTruncated && page->nextMarker.isEmpty()))
            __builtin_trap();
        for (const CosListedObject& o : page->objects) {
            if (o.key.isEmpty() || o.size < 0)
                __builtin_trap();
        }
    } else if (problem.isEmpty()) {
        __builtin_trap(); // every refusal says why
    }
    return 0;
}
