// libFuzzer target: the whole VHD opener on arbitrary bytes, then reads that walk the block
// allocation table, the sector bitmaps and the data of fixed, dynamic and differencing disks,
// and map it (mapExtents).
#include "FuzzReads.h"
#include "disk/ByteSource.h"
#include "disk/VhdImage.h"

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
    auto source = std::make_unique<MemoryByteSource>(bytes, QStringLiteral("fuzz.vhd"));
    Error error;
    auto image = openVhd(std::move(source), OpenContext{}, &error);
    if (image) {
        mapSome(*image);
        readSome(*image);
    }
    return 0;
}
