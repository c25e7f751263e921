#include "inspect/lvm/LvmVolume.h"

#include <QCoreApplication>

#include <algorithm>

namespace cvmi::inspect::lvm {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::lvm::LvmVolume)
};

} // namespace

LvmVolume::LvmVolume(disk::DiskImage& disk, LogicalVolumeInfo volume)
    : m_disk(disk), m_volume(std::move(volume))
{
    std::sort(m_volume.extents.begin(), m_volume.extents.end(),
              [](const VolumeExtent& a, const VolumeExtent& b) {
                  return a.volumeOffset < b.volumeOffset;
              });
}

bool LvmVolume::read(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (!checkRange(offset, length, error))
        return false;
    auto* out = static_cast<char*>(buffer);
    while (length > 0) {
        // The last extent starting at or before `offset`.
        auto it =
            std::upper_bound(m_volume.extents.cbegin(), m_volume.extents.cend(), offset,
                             [](uint64_t o, const VolumeExtent& e) { return o < e.volumeOffset; });
        if (it == m_volume.extents.cbegin() || offset - (it - 1)->volumeOffset >= (it - 1)->length)
            return fail(error, QStringLiteral("lvm_unmapped"),
                        Text::tr("Byte %1 of logical volume %2 lies in no extent of it on this "
                                 "disk.")
                            .arg(offset)
                            .arg(m_volume.name()));
        const VolumeExtent& e = *(it - 1);
        const uint64_t within = offset - e.volumeOffset;
        const size_t n = size_t(std::min<uint64_t>(length, e.length - within));
        if (!m_disk.read(e.diskOffset + within, out, n, error))
            return false;
        out += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace cvmi::inspect::lvm
