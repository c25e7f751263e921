#include "inspect/lvm/LvmMapping.h"

#include "inspect/lvm/LvmLabel.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <tuple>

namespace cvmi::inspect::lvm {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::lvm::LvmMapping)
};

QString linearNote()
{
    return Text::tr("only linear volumes are read here");
}

bool isLinear(const LvmSegment& s)
{
    return (s.type == QLatin1String("striped") || s.type == QLatin1String("linear")) &&
           s.stripeCount == 1;
}

QString layoutName(const LvmSegment& s)
{
    return isLinear(s) ? QStringLiteral("linear") : s.type;
}

const PvOnDisk* findOnDisk(const LvmPv& pv, const QList<PvOnDisk>& pvsOnDisk)
{
    const QByteArray id = pv.id.toLatin1().replace('-', QByteArray());
    for (const PvOnDisk& p : pvsOnDisk)
        if (p.pvId == id)
            return &p;
    return nullptr;
}

QString missingPv(const LvmPv& pv)
{
    return Text::tr("its physical volume %1 (id %2) is not on this disk: a volume group spanning "
                    "disks cannot be imported as one system disk")
        .arg(pv.key, pv.id);
}

QString named(const QString& lv)
{
    return lv.isEmpty() ? Text::tr("(unnamed)") : lv;
}

// Why a segment that is not linear cannot be read, in the user's words.
QString kindObstacle(const LvmVg& vg, const QString& name, const LvmSegment& s)
{
    const QString& t = s.type;
    if (t == QLatin1String("striped"))
        return Text::tr("%1 is striped over %2 physical volumes; %3")
            .arg(name)
            .arg(s.stripeCount)
            .arg(linearNote());
    if (t == QLatin1String("thin")) {
        const LvmLv* pool = vg.lv(s.pool);
        const QString data = pool && !pool->segments.isEmpty() ? pool->segments[0].data : QString();
        return Text::tr("%1 is a thin volume in pool %2: its blocks are in the pool's hidden "
                        "volume %3 and placed by the pool's own metadata; %4")
            .arg(name, named(s.pool), data.isEmpty() ? Text::tr("(not found)") : data,
                 linearNote());
    }
    if (t == QLatin1String("thin-pool") || t == QLatin1String("cache-pool") ||
        t == QLatin1String("vdo-pool"))
        return Text::tr("%1 is a %2: it holds the blocks of other volumes, not a file system")
            .arg(name, t);
    if (t == QLatin1String("mirror") || t.startsWith(QLatin1String("raid")))
        return Text::tr("%1 is a %2 volume whose copies or parity are spread over hidden volumes; "
                        "%3")
            .arg(name, t, linearNote());
    if (t == QLatin1String("cache") || t == QLatin1String("writecache"))
        return Text::tr(
                   "%1 is cached (%2 with pool %3): part of its newest data may be only in the "
                   "cache; %4")
            .arg(name, t, named(s.pool), linearNote());
    if (t == QLatin1String("snapshot"))
        return Text::tr("%1 is a snapshot of %2: its blocks are the origin's plus a copy-on-write "
                        "store; %3")
            .arg(name, named(s.origin), linearNote());
    if (t == QLatin1String("vdo"))
        return Text::tr("%1 is a VDO volume (deduplicated and compressed in pool %2); %3")
            .arg(name, named(s.pool), linearNote());
    if (t == QLatin1String("error") || t == QLatin1String("zero"))
        return Text::tr("%1 has a segment of type \"%2\", which holds no data").arg(name, t);
    return Text::tr("%1 has a segment of type \"%2\", which this check does not know; %3")
        .arg(name, t, linearNote());
}

// Maps one linear segment; false with `obstacle` when it cannot be.
bool mapLinear(const LvmVg& vg, const QString& name, const LvmSegment& s, uint64_t volumeOffset,
               const QList<PvOnDisk>& pvsOnDisk, LogicalVolumeInfo* info, QString* obstacle)
{
    if (s.stripes.size() != 1) {
        *obstacle = Text::tr("%1 has a linear segment that lists %2 physical volumes (damaged "
                             "metadata)")
                        .arg(name)
                        .arg(s.stripes.size());
        return false;
    }
    const LvmPv* pv = vg.pv(s.stripes[0].pv);
    if (!pv) {
        *obstacle =
            Text::tr("%1 names a physical volume \"%2\" that its volume group does not list")
                .arg(name, s.stripes[0].pv);
        return false;
    }
    const PvOnDisk* onDisk = findOnDisk(*pv, pvsOnDisk);
    if (!onDisk) {
        *obstacle = name + QStringLiteral(": ") + missingPv(*pv);
        return false;
    }
    const uint64_t extentBytes = vg.extentSize * kSector; // checked by the caller
    uint64_t lastExtent = 0, pvOffset = 0, start = 0, length = 0, end = 0, diskOffset = 0;
    const bool fits =
        addNoOverflow(s.stripes[0].extent, s.extentCount, &lastExtent) &&
        lastExtent <= pv->peCount && mulNoOverflow(s.stripes[0].extent, extentBytes, &start) &&
        mulNoOverflow(s.extentCount, extentBytes, &length) &&
        mulNoOverflow(pv->peStart, kSector, &pvOffset) && addNoOverflow(pvOffset, start, &start) &&
        addNoOverflow(start, length, &end) && end <= onDisk->size &&
        addNoOverflow(onDisk->start, start, &diskOffset);
    if (!fits) {
        *obstacle = Text::tr("%1 has extents %2 to %3 on %4, past the end of that physical volume "
                             "(partition %5): the metadata is damaged")
                        .arg(name)
                        .arg(s.stripes[0].extent)
                        .arg(s.stripes[0].extent + s.extentCount)
                        .arg(pv->key)
                        .arg(onDisk->partition);
        return false;
    }
    info->extents.append(VolumeExtent{volumeOffset, length, diskOffset});
    if (!info->partitions.contains(onDisk->partition))
        info->partitions.append(onDisk->partition);
    return true;
}

// Fills size, layout, extents and partitions of one LV, or its obstacle.
LogicalVolumeInfo mapLv(const LvmVg& vg, const LvmLv& lv, const QList<PvOnDisk>& pvsOnDisk)
{
    LogicalVolumeInfo info;
    info.vg = vg.name;
    info.lv = lv.name;
    info.uuid = lv.id;
    const QString name = info.name();
    QStringList layouts;
    uint64_t nextExtent = 0;
    for (const LvmSegment& s : lv.segments) {
        if (!layouts.contains(layoutName(s)))
            layouts.append(layoutName(s));
        uint64_t volumeOffset = 0, end = 0;
        const bool sized = mulNoOverflow(s.startExtent, vg.extentSize * kSector, &volumeOffset) &&
                           addNoOverflow(s.startExtent, s.extentCount, &end) &&
                           mulNoOverflow(end, vg.extentSize * kSector, &info.size);
        if (!info.obstacle.isEmpty())
            continue;
        if (!sized)
            info.obstacle = Text::tr("%1 is larger than 16 EiB: the metadata is damaged").arg(name);
        else if (s.startExtent != nextExtent || s.extentCount == 0)
            info.obstacle =
                Text::tr("%1 has a gap or an overlap at extent %2 between its segments: "
                         "the metadata is damaged")
                    .arg(name)
                    .arg(std::min(s.startExtent, nextExtent));
        else if (!isLinear(s))
            info.obstacle = kindObstacle(vg, name, s);
        else
            mapLinear(vg, name, s, volumeOffset, pvsOnDisk, &info, &info.obstacle);
        nextExtent = end;
    }
    info.layout = layouts.join(QLatin1Char('+'));
    if (!info.obstacle.isEmpty())
        info.extents.clear();
    return info;
}

// Two LVs (hidden ones too) claiming the same extents of a PV: neither can be trusted.
void markOverlaps(const LvmVg& vg, QList<LogicalVolumeInfo>* infos, qsizetype first)
{
    using Range = std::tuple<QString, uint64_t, uint64_t, QString>; // pv, start, end, lv
    std::vector<Range> ranges;
    for (const LvmLv& lv : vg.lvs)
        for (const LvmSegment& s : lv.segments)
            if (s.type == QLatin1String("striped") || s.type == QLatin1String("linear"))
                for (const LvmStripe& stripe : s.stripes) {
                    const uint64_t len = s.extentCount / std::max<uint64_t>(s.stripeCount, 1);
                    uint64_t end = 0;
                    if (addNoOverflow(stripe.extent, len, &end))
                        ranges.emplace_back(stripe.pv, stripe.extent, end, lv.name);
                }
    std::sort(ranges.begin(), ranges.end());
    QHash<QString, qsizetype> listed; // LV name → its entry in `infos` (hidden LVs have none)
    for (qsizetype i = first; i < infos->size(); ++i)
        listed.insert((*infos)[i].lv, i);
    const auto mark = [&](const QString& lv, const QString& other, const QString& pv) {
        const auto it = listed.constFind(lv);
        if (it == listed.cend() || !(*infos)[*it].obstacle.isEmpty())
            return;
        LogicalVolumeInfo& info = (*infos)[*it];
        info.obstacle = Text::tr("%1 shares extents of %2 with %3/%4: the metadata is damaged")
                            .arg(info.name(), pv, vg.name, other);
        info.extents.clear();
    };
    for (size_t i = 1; i < ranges.size(); ++i) {
        const auto& [pv, start, end, lv] = ranges[i];
        const auto& [prevPv, prevStart, prevEnd, prevLv] = ranges[i - 1];
        if (pv == prevPv && start < prevEnd) {
            mark(lv, prevLv, pv);
            mark(prevLv, lv, pv);
        }
    }
}

} // namespace

void mapVolumeGroup(const LvmVg& vg, const QList<PvOnDisk>& pvsOnDisk, VolumeGroupInfo* group,
                    QList<LogicalVolumeInfo>* volumes)
{
    group->name = vg.name;
    group->uuid = vg.id;
    group->pvCount = int(vg.pvs.size());
    uint64_t extentBytes = 0;
    const bool sane = mulNoOverflow(vg.extentSize, kSector, &extentBytes);
    group->extentSize = extentBytes;
    QStringList missing;
    for (const LvmPv& pv : vg.pvs) {
        if (const PvOnDisk* onDisk = findOnDisk(pv, pvsOnDisk)) {
            if (!group->partitions.contains(onDisk->partition))
                group->partitions.append(onDisk->partition);
        } else {
            missing.append(missingPv(pv));
        }
    }
    if (!missing.isEmpty())
        group->problem =
            Text::tr("Volume group %1: %2").arg(vg.name, missing.join(QStringLiteral("; ")));
    if (!sane) {
        group->problem = Text::tr("Volume group %1 has an extent size of %2 sectors: the metadata "
                                  "is damaged")
                             .arg(vg.name)
                             .arg(vg.extentSize);
        return;
    }
    const qsizetype first = volumes->size();
    for (const LvmLv& lv : vg.lvs)
        if (lv.visible)
            volumes->append(mapLv(vg, lv, pvsOnDisk));
    markOverlaps(vg, volumes, first);
}

} // namespace cvmi::inspect::lvm
