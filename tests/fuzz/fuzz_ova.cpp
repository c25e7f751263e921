// libFuzzer target: the whole OVA opener on arbitrary bytes: the tar index (ustar, GNU and pax
// headers), the OVF descriptor, and the stream-optimized VMDK read in place inside the archive,
// through read() and mapExtents.
#include "FuzzReads.h"
#include "disk/ByteSource.h"
#include "disk/OvaImage.h"

#include <cstdint>

using namespace cvmi;
using namespace cvmi::disk;

using cvmi::fuzz::mapSome;
using cvmi::fuzz::readSome;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto source = std::make_unique<MemoryByteSource>(bytes, QStringLiteral("fuzz.ova"));
    Error error;
    auto image = openOva(std::move(source), OpenContext{}, &error);
    if (image) {
        mapSome(*image);
        readSome(*image);
    }
    return 0;
}
