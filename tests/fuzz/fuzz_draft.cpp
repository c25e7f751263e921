// libFuzzer target: the import-form draft reader. Whatever it accepts must serialise and read
// back to the same form, and the written bytes must carry no signature parameter. The same bytes
// as an ImageUrl go through the COS object URL parser (signature expiry included).
#include "importform/CosObjectUrl.h"
#include "importform/Draft.h"

#include <cstdint>

using namespace cvmi;
using namespace cvmi::importform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    Error error;
    const auto url = parseCosObjectUrl(QString::fromUtf8(bytes), &error);
    if (!url && (error.code.isEmpty() || error.message.isEmpty()))
        __builtin_trap();
    if (url && url->signatureExpires.isValid() && url->signatureExpires.toSecsSinceEpoch() <= 0)
        __builtin_trap(); // only a real end time is reported
    error = {};
    const auto draft = parseDraft(bytes, &error);
    if (!draft) {
        if (error.code.isEmpty() || error.message.isEmpty())
            __builtin_trap(); // every refusal says why
        return 0;
    }
    const QByteArray written = serializeDraft(*draft);
    const auto again = parseDraft(written, &error);
    if (!again)
        __builtin_trap();
    // Stripping is idempotent: what was written holds no signature left to strip.
    bool stripped = false;
    (void)stripSignature(again->form.imageUrl, &stripped);
    if (stripped)
        __builtin_trap();
    if (serializeDraft(*again) != written)
        __builtin_trap();
    return 0;
}
