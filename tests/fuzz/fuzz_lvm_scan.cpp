// libFuzzer target: scanLvm over a disk whose one partition (an LVM2 PV from byte 0) holds the
// input and then zeros: the label, the metadata areas and their circular buffers, the metadata
// text, the mapping of LVs; then reads through every LV that was mapped. Random bytes rarely
// carry right CRCs, so unless the first byte's low bit is set (sector 0 is not LVM's), the CRCs
// of the label, of the mda header at 4096 and of its texts are made right first: mutations then
// reach the text parser and the mapping instead of stopping at a checksum.
#include "FuzzReads.h"
#include "ZeroExtendedDisk.h"
#include "disk/DiskImage.h"
#include "inspect/lvm/LvmLabel.h"
#include "inspect/lvm/LvmScan.h"
#include "inspect/lvm/LvmVolume.h"
#include "util/Endian.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

using namespace cvmi;
using cvmi::fuzz::ZeroExtendedDisk;

namespace {

void putLe32(char* p, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = char(v >> (8 * i));
}

// The CRCs of make-lvm-pv.py's layout (label in any of sectors 0-3, one mda header at 4096 and
// the unwrapped texts it points to), recomputed over the input.
void fixChecksums(QByteArray& b)
{
    using inspect::lvm::lvmCrc;
    constexpr qsizetype kMda = 4096;
    if (b.size() >= kMda + 512) {
        char* mda = b.data() + kMda;
        for (int i = 0; i < inspect::lvm::kMaxRawLocns; ++i) {
            char* locn = mda + 40 + i * 24;
            const uint64_t offset = le64(locn), size = le64(locn + 8);
            if (offset < uint64_t(b.size()) && size <= uint64_t(b.size()) - kMda - offset &&
                offset <= uint64_t(b.size()) - kMda)
                putLe32(locn + 16, lvmCrc(mda + offset, size_t(size)));
        }
        putLe32(mda, lvmCrc(mda + 4, 508));
    }
    for (qsizetype label = 0; label + 512 <= std::min<qsizetype>(b.size(), 2048); label += 512)
        if (std::memcmp(b.constData() + label, "LABELONE", 8) == 0)
            putLe32(b.data() + label + 16, lvmCrc(b.constData() + label + 20, 492));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (size > 0 && (data[0] & 1) == 0)
        fixChecksums(bytes);
    ZeroExtendedDisk disk(bytes);
    inspect::DiskLayout layout;
    inspect::PartitionInfo pv;
    pv.index = 1;
    pv.start = 0;
    pv.size = ZeroExtendedDisk::kSize;
    pv.filesystem = QStringLiteral("lvm2");
    layout.partitions.append(pv);
    Error error;
    inspect::lvm::scanLvm(disk, &layout, &error);
    for (const inspect::LogicalVolumeInfo& lv : layout.logicalVolumes) {
        if (!lv.obstacle.isEmpty())
            continue;
        inspect::lvm::LvmVolume volume(disk, lv);
        fuzz::readSome(volume);
    }
    return 0;
}
