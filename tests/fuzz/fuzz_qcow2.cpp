// libFuzzer target: the whole qcow2 opener and reader on arbitrary bytes: header, extensions,
// L1/L2 lookups, zero and subcluster maps, zlib and zstd clusters, and the allocation map.
#include "FuzzReads.h"
#include "disk/ByteSource.h"
#include "disk/Qcow2Image.h"

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace cvmi;
using namespace cvmi::disk;

using cvmi::fuzz::mapSome;
using cvmi::fuzz::readSome;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto source = std::make_unique<MemoryByteSource>(bytes, QStringLiteral("fuzz.qcow2"));
    Error error;
    auto image = openQcow2(std::move(source), OpenContext{}, &error);
    if (image) {
        mapSome(*image);
        readSome(*image);
    }
    return 0;
}
