// libFuzzer target: the PE header parser on arbitrary file heads (ntoskrnl.exe comes straight
// from the guest). It must never read past the bytes given, whatever e_lfanew claims.
#include "inspect/PeHeader.h"

#include <QByteArray>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A copy of exactly `size` bytes, so AddressSanitizer sees any read past the end.
    const QByteArray head(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto info = cvmi::inspect::parsePeHeader(QByteArrayView(head));
    // Invalid bytes are "unknown" with no machine; a valid header always names one.
    const bool unknown = info.architecture == QLatin1String("unknown");
    if (info.valid == unknown || (!info.valid && info.machine != 0))
        __builtin_trap();
    return 0;
}
