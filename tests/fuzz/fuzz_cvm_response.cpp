// libFuzzer target: the CVM API 3.0 JSON envelope (success, error, anything else) and the
// per-action readers that walk the Response object, fed with whatever the envelope yields.
#include "cloud/CvmClient.h"

#include <cstdint>

using namespace cvmi::cloud;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The first byte picks the HTTP status, so error bodies under 4xx/5xx are explored too.
    if (size == 0)
        return 0;
    static const int statuses[] = {200, 400, 403, 500, 502, 503};
    const int status = statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
    const QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const CloudResult<QJsonObject> result = CvmClient::parseResponse(status, body);
    // An answer is a value or an error, never both, and an error always has a code and words.
    if (result.ok() == result.error.isSet())
        __builtin_trap();
    if (result.error.isSet() &&
        (result.error.userMessage.isEmpty() || result.error.remedy.isEmpty()))
        __builtin_trap();
    // Success only for a 200 envelope without an Error member.
    if (result.ok() && (status != 200 || result.value.contains(QStringLiteral("Error"))))
        __builtin_trap();
    (void)result.error.toString();
    return 0;
}
