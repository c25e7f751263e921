// libFuzzer target: the whole layout reader (our MBR/GPT parsing, The Sleuth Kit's volume code
// over our TskImage, the probes) on a disk whose first bytes are the input and the rest zeros,
// so partitions that point past the input are read as empty space rather than rejected.
#include "ZeroExtendedDisk.h"
#include "disk/DiskImage.h"
#include "inspect/Inspector.h"
#include "inspect/PartitionTableBytes.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

using namespace cvmi;
using cvmi::fuzz::ZeroExtendedDisk;

namespace {

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    // The byte parsers on their own, with exactly the input (ASan sees any overread)...
    const QByteArrayView view(bytes);
    const auto from = [&](qsizetype offset) {
        return view.sliced(std::min(offset, view.size()));
    };
    inspect::GptHeader header;
    inspect::parseMbr(view.first(std::min<qsizetype>(512, view.size())));
    if (inspect::parseGptHeader(from(512), &header))
        inspect::parseGptEntries(from(1024), header);
    // ...then everything together.
    ZeroExtendedDisk disk(bytes);
    inspect::DiskLayout layout;
    Error error;
    inspect::readDiskLayout(disk, &layout, &error);
    return 0;
}
