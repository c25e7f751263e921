// libFuzzer target: the parsers of Linux guest files that are fed untrusted bytes: os-release,
// ELF headers, and the initramfs walker (cpio + every decompressor) with a small output bound.
#include "inspect/ElfHeader.h"
#include "inspect/Initramfs.h"
#include "inspect/LinuxRelease.h"

#include <QByteArray>

#include <cstdint>

using namespace cvmi::inspect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    parseOsRelease(bytes);
    elfArchitecture(bytes);
    // Half the runs pretend the size is unknown, as for files listed without their size.
    const uint64_t told = (size % 2) ? uint64_t(size) : UINT64_MAX;
    scanInitramfs(
        told,
        [&](uint64_t offset, size_t length, QByteArray* out) {
            *out = offset < uint64_t(bytes.size()) ? bytes.mid(qsizetype(offset), qsizetype(length))
                                                   : QByteArray();
            return true;
        },
        {{QStringLiteral("virtio_blk.ko"), QStringLiteral("virtio_blk.ko.xz")},
         {QStringLiteral("virtio_net.ko")}},
        16 * 1024 * 1024);
    return 0;
}
