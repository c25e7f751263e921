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

QString extentMapProblem(const QList<Extent>& map, uint64_t offset, uint64_t length)
{
    uint64_t pos = offset;
    for (qsizetype i = 0; i < map.size(); ++i) {
        const Extent& e = map[i];
        if (e.offset != pos)
            return QStringLiteral("extent %1 starts at %2, expected %3")
                .arg(i)
                .arg(e.offset)
                .arg(pos);
        if (e.length == 0)
            return QStringLiteral("extent %1 at %2 is empty").arg(i).arg(e.offset);
        if (i > 0 && map[i - 1].data == e.data)
            return QStringLiteral("extents %1 and %2 are alike but not merged").arg(i - 1).arg(i);
        if (e.length > offset + length - pos)
            return QStringLiteral("extent %1 ends at %2, past the range's end %3")
                .arg(i)
                .arg(e.offset + e.length)
                .arg(offset + length);
        pos += e.length;
    }
    if (pos != offset + length)
        return QStringLiteral("the extents end at %1, the range at %2")
            .arg(pos)
            .arg(offset + length);
    return {};
}

} // namespace cvmi::disk
