// libFuzzer target: the VMDK text descriptor parser alone.
#include "disk/VmdkDescriptor.h"

#include <cstdint>

using namespace cvmi;
using namespace cvmi::disk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    VmdkDescriptor descriptor;
    Error error;
    if (parseVmdkDescriptor(text, &descriptor, &error)) {
        // The parser promises a bounded total; use it as the reader would.
        if (descriptor.totalSectors() > kVmdkMaxSectors || descriptor.extents.isEmpty())
            __builtin_trap();
        (void)descriptor.hasParent();
        // No accepted extent may lead out of the descriptor's folder.
        for (const VmdkExtentLine& extent : descriptor.extents) {
            if (extent.nativeName.startsWith('/') || extent.nativeName.split('/').contains(".."))
                __builtin_trap();
        }
    }
    return 0;
}
