// libFuzzer target: the file-system signature probes on arbitrary partition heads. They must
// never read past the bytes given, whatever offsets and lengths the bytes claim.
#include "inspect/FsProbes.h"

#include <QByteArray>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A copy of exactly `size` bytes, so AddressSanitizer sees any read past the end.
    const QByteArray head(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto signature = cvmi::inspect::probeFileSystem(QByteArrayView(head));
    (void)signature;
    return 0;
}
