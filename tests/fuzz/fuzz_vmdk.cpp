// libFuzzer target: the whole VMDK opener on arbitrary bytes. Companion files are refused, so
// descriptor files exercise only their parsing and ZERO extents; sparse files run end to end.
#include "disk/ByteSource.h"
#include "disk/VmdkImage.h"

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace cvmi;
using namespace cvmi::disk;

namespace {

void readSome(DiskImage& image)
{
    const uint64_t size = image.virtualSize();
    // The start, a range straddling the middle, and the end: enough to walk tables and grains.
    const uint64_t offsets[] = {0, size / 2 > 3000 ? size / 2 - 3000 : 0,
                                size > 4096 ? size - 4096 : 0};
    std::vector<char> buffer(128 * 1024);
    for (uint64_t offset : offsets) {
        const size_t length = size_t(std::min<uint64_t>(buffer.size(), size - offset));
        Error error;
        image.read(offset, buffer.data(), length, &error);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto source = std::make_unique<MemoryByteSource>(bytes, QStringLiteral("fuzz.vmdk"));
    OpenContext context;
    context.openCompanion = [](const QString&, Error* error) -> std::unique_ptr<ByteSource> {
        fail(error, QStringLiteral("not_found"), QStringLiteral("Companions are not fuzzed."));
        return nullptr;
    };
    Error error;
    auto image = openVmdk(std::move(source), context, &error);
    if (image)
        readSome(*image);
    return 0;
}
