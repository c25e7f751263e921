// libFuzzer target: scanLvm over a disk whose one partition (an LVM2 PV from byte 0) holds the
// input and then zeros: the label, the metadata areas and their circular buffers, the metadata
// text, the mapping of LVs; then reads through every LV that was mapped.
#include "FuzzReads.h"
#include "disk/DiskImage.h"
#include "inspect/lvm/LvmScan.h"
#include "inspect/lvm/LvmVolume.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

using namespace cvmi;

namespace {

class ZeroExtendedDisk final : public disk::DiskImage {
public:
    explicit ZeroExtendedDisk(QByteArrayView bytes) : m_bytes(bytes) {}
    QString format() const override { return QStringLiteral("raw"); }
    QString subformat() const override { return {}; }
    uint64_t virtualSize() const override { return kSize; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (!checkRange(offset, length, error))
            return false;
        std::memset(buffer, 0, length);
        if (offset < uint64_t(m_bytes.size())) {
            const size_t n = size_t(std::min<uint64_t>(length, uint64_t(m_bytes.size()) - offset));
            std::memcpy(buffer, m_bytes.data() + offset, n);
        }
        return true;
    }
    static constexpr uint64_t kSize = 64ull * 1024 * 1024;

private:
    QByteArrayView m_bytes;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ZeroExtendedDisk disk(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
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
