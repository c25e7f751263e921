// libFuzzer target: LVM2's text metadata parser (the config tree and the VG read from it) on
// arbitrary text; the input limit keeps each text under the 1 MiB a metadata area can hold.
#include "inspect/lvm/LvmMetadata.h"

#include <cstdint>

using namespace cvmi;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    inspect::lvm::LvmVg vg;
    QString problem;
    inspect::lvm::parseLvmMetadata(text, &vg, &problem);
    return 0;
}
