// libFuzzer target: the whole VMDK opener on arbitrary bytes. Companion files are refused, so
// descriptor files exercise only their parsing and ZERO extents; sparse files run end to end,
// through read() and mapExtents.
#include "FuzzReads.h"
#include "disk/ByteSource.h"
#include "disk/VmdkImage.h"

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
    auto source = std::make_unique<MemoryByteSource>(bytes, QStringLiteral("fuzz.vmdk"));
    OpenContext context;
    context.openCompanion = [](const QByteArray&, Error* error) -> std::unique_ptr<ByteSource> {
        fail(error, QStringLiteral("not_found"), QStringLiteral("Companions are not fuzzed."));
        return nullptr;
    };
    Error error;
    auto image = openVmdk(std::move(source), context, &error);
    if (image) {
        mapSome(*image);
        readSome(*image);
    }
    return 0;
}
