#include "disk/ExtentMap.h"

namespace cvmi::disk {

void appendExtent(QList<Extent>* out, uint64_t offset, uint64_t length, bool data)
{
    if (length == 0)
        return;
    if (!out->isEmpty()) {
        Extent& last = out->last();
        if (last.data == data && last.offset + last.length == offset) {
            last.length += length;
            return;
        }
    }
    out->append(Extent{offset, length, data});
}

void appendShifted(QList<Extent>* out, const QList<Extent>& extents, int64_t shift)
{
    for (const Extent& extent : extents)
        appendExtent(out, extent.offset + uint64_t(shift), extent.length, extent.data);
}

} // namespace cvmi::disk
