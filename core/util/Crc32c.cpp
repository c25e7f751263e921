#include "util/Crc32c.h"

#include <isa-l/crc.h>

#include <algorithm>
#include <climits>

namespace cvmi::util {

uint32_t crc32c(const void* data, size_t length)
{
    // ISA-L keeps the register as given and does not invert the result: start from all ones and
    // invert at the end for the standard value. Its length is an int, so feed long inputs in parts.
    auto* bytes = static_cast<unsigned char*>(const_cast<void*>(data));
    uint32_t crc = 0xFFFFFFFFu;
    while (length > 0) {
        const size_t n = std::min<size_t>(length, size_t(1) << 30);
        crc = crc32_iscsi(bytes, int(n), crc);
        bytes += n;
        length -= n;
    }
    return ~crc;
}

} // namespace cvmi::util
