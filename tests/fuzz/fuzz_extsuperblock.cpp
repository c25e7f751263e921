// libFuzzer target: the ext2/3/4 super block parser (state, counts, features) on arbitrary file
// system heads, and what the rules compute from it. It must never read past the bytes given, and
// no count it reports may overflow when turned into bytes.
#include "inspect/ExtSuperblock.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A copy of exactly `size` bytes, so AddressSanitizer sees any read past the end.
    const QByteArray head(reinterpret_cast<const char*>(data), qsizetype(size));
    cvmi::inspect::ExtFsState state;
    if (!cvmi::inspect::parseExtSuperblock(QByteArrayView(head), &state))
        return 0;
    const uint64_t total = cvmi::inspect::extTotalBytes(state);
    const uint64_t free = cvmi::inspect::extFreeBytes(state);
    const uint64_t avail = cvmi::inspect::extAvailableBytes(state);
    // Sane counts give free <= total and avail <= free; anything else is a parser bug.
    if (free > total || avail > free)
        std::abort();
    const QStringList names = cvmi::inspect::extFeatureNames(state);
    const QString text = cvmi::inspect::extStateText(state.state);
    (void)names;
    (void)text;
    return 0;
}
