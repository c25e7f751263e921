// libFuzzer target: the OVF descriptor parser alone (XML, namespaces, hrefs, capacities).
#include "disk/OvfDescriptor.h"

#include <cstdint>

using namespace cvmi;
using namespace cvmi::disk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray xml(reinterpret_cast<const char*>(data), qsizetype(size));
    OvfDescriptor descriptor;
    Error error;
    if (parseOvf(xml, QStringLiteral("fuzz.ovf"), &descriptor, &error)) {
        for (const OvfDisk& disk : descriptor.disks)
            if (!disk.fileRef.isEmpty())
                (void)descriptor.file(disk.fileRef);
    }
    return 0;
}
