#include "inspect/lvm/LvmMetadata.h"

#include "inspect/lvm/LvmConfig.h"
#include "util/Endian.h"

#include <QCoreApplication>

#include <algorithm>

namespace cvmi::inspect::lvm {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::lvm::LvmMetadata)
};

using Kind = ConfigNode::Kind;

bool stringArray(const ConfigNode& section, QStringView key, QStringList* out)
{
    const ConfigNode* c = section.child(key);
    if (!c || c->kind != Kind::Array)
        return false;
    for (const ConfigNode& item : c->children)
        if (item.kind == Kind::String)
            out->append(item.text);
    return true;
}

bool parsePvs(const ConfigNode& vgNode, LvmVg* vg, QString* problem)
{
    const ConfigNode* pvs = vgNode.section(u"physical_volumes");
    if (!pvs) {
        *problem = Text::tr("it has no physical_volumes section");
        return false;
    }
    for (const ConfigNode& node : pvs->children) {
        if (node.kind != Kind::Section)
            continue;
        if (vg->pvs.size() >= kMaxPhysicalVolumes) {
            *problem = Text::tr("it lists more than %1 physical volumes").arg(kMaxPhysicalVolumes);
            return false;
        }
        LvmPv pv;
        pv.key = node.name;
        node.string(u"device", &pv.device);
        node.unsignedNumber(u"dev_size", &pv.devSize);
        if (!node.string(u"id", &pv.id) || !node.unsignedNumber(u"pe_start", &pv.peStart) ||
            !node.unsignedNumber(u"pe_count", &pv.peCount)) {
            *problem =
                Text::tr("physical volume %1 lacks its id, pe_start or pe_count").arg(pv.key);
            return false;
        }
        vg->pvs.append(pv);
    }
    return true;
}

// "segment7" → 7; 0 when the name is not a segment's.
uint64_t segmentNumber(const QString& name)
{
    if (!name.startsWith(QLatin1String("segment")))
        return 0;
    bool ok = false;
    const uint64_t n = name.mid(7).toULongLong(&ok);
    return ok ? n : 0;
}

bool parseStripes(const ConfigNode& node, const QString& arrayKey, LvmSegment* seg)
{
    const ConfigNode* list = node.child(arrayKey);
    if (!list || list->kind != Kind::Array)
        return true; // raid's "raids" and others name only LVs; absence is not damage
    const auto& items = list->children;
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].kind != Kind::String)
            return false;
        LvmStripe stripe{items[i].text, 0};
        if (i + 1 < items.size() && items[i + 1].kind == Kind::Number) {
            if (items[i + 1].number < 0)
                return false;
            stripe.extent = uint64_t(items[++i].number);
        }
        if (seg->stripes.size() >= kMaxStripes)
            return false;
        seg->stripes.append(stripe);
    }
    return true;
}

bool parseSegment(const ConfigNode& node, LvmSegment* seg)
{
    if (!node.unsignedNumber(u"start_extent", &seg->startExtent) ||
        !node.unsignedNumber(u"extent_count", &seg->extentCount) ||
        !node.string(u"type", &seg->type))
        return false;
    seg->stripeCount = 1;
    node.unsignedNumber(u"stripe_count", &seg->stripeCount);
    for (const char16_t* key : {u"thin_pool", u"cache_pool", u"vdo_pool"})
        node.string(key, &seg->pool);
    node.string(seg->type == QLatin1String("thin-pool") ? u"pool" : u"data", &seg->data);
    node.string(u"origin", &seg->origin);
    QString list = QStringLiteral("stripes");
    if (seg->type == QLatin1String("mirror"))
        list = QStringLiteral("mirrors");
    else if (seg->type.startsWith(QLatin1String("raid")))
        list = QStringLiteral("raids");
    return parseStripes(node, list, seg);
}

bool parseLv(const ConfigNode& node, LvmLv* lv, int* segmentBudget, QString* problem)
{
    lv->name = node.name;
    uint64_t count = 0;
    if (!node.string(u"id", &lv->id) || !node.unsignedNumber(u"segment_count", &count)) {
        *problem = Text::tr("logical volume %1 lacks its id or segment_count").arg(lv->name);
        return false;
    }
    stringArray(node, u"status", &lv->status);
    lv->visible = lv->status.contains(QLatin1String("VISIBLE"));
    if (count == 0 || count > uint64_t(*segmentBudget)) {
        *problem = Text::tr("logical volume %1 has %2 segments (at most %3 in all are read)")
                       .arg(lv->name)
                       .arg(count)
                       .arg(kMaxSegments);
        return false;
    }
    *segmentBudget -= int(count);
    QList<bool> seen(qsizetype(count), false);
    lv->segments.resize(qsizetype(count));
    for (const ConfigNode& child : node.children) {
        const uint64_t n = child.kind == Kind::Section ? segmentNumber(child.name) : 0;
        if (n == 0)
            continue;
        if (n > count || seen[qsizetype(n - 1)] || !parseSegment(child, &lv->segments[n - 1])) {
            *problem = Text::tr("segment %1 of logical volume %2 is malformed or repeated")
                           .arg(n)
                           .arg(lv->name);
            return false;
        }
        seen[qsizetype(n - 1)] = true;
    }
    if (seen.contains(false)) {
        *problem = Text::tr("logical volume %1 says it has %2 segments but lists fewer")
                       .arg(lv->name)
                       .arg(count);
        return false;
    }
    std::stable_sort(
        lv->segments.begin(), lv->segments.end(),
        [](const LvmSegment& a, const LvmSegment& b) { return a.startExtent < b.startExtent; });
    return true;
}

bool parseLvs(const ConfigNode& vgNode, LvmVg* vg, QString* problem)
{
    const ConfigNode* lvs = vgNode.section(u"logical_volumes");
    if (!lvs)
        return true; // a VG without LVs
    int segmentBudget = kMaxSegments;
    for (const ConfigNode& node : lvs->children) {
        if (node.kind != Kind::Section)
            continue;
        if (vg->lvs.size() >= kMaxLogicalVolumes) {
            *problem = Text::tr("it lists more than %1 logical volumes").arg(kMaxLogicalVolumes);
            return false;
        }
        LvmLv lv;
        if (!parseLv(node, &lv, &segmentBudget, problem))
            return false;
        vg->lvs.append(lv);
    }
    return true;
}

} // namespace

const LvmPv* LvmVg::pv(const QString& key) const
{
    for (const LvmPv& p : pvs)
        if (p.key == key)
            return &p;
    return nullptr;
}

const LvmLv* LvmVg::lv(const QString& lvName) const
{
    for (const LvmLv& l : lvs)
        if (l.name == lvName)
            return &l;
    return nullptr;
}

bool parseLvmMetadata(QByteArrayView text, LvmVg* vg, QString* problem)
{
    *vg = LvmVg{};
    ConfigNode root;
    if (!parseConfig(text, &root, problem))
        return false;
    // The VG is the one top-level section with a seqno; the rest (contents, version,
    // description, creation_host...) says who wrote it.
    const ConfigNode* vgNode = nullptr;
    for (const ConfigNode& c : root.children) {
        if (c.kind == Kind::Section && c.child(u"seqno")) {
            if (vgNode) {
                *problem = Text::tr("it describes more than one volume group");
                return false;
            }
            vgNode = &c;
        }
    }
    if (!vgNode) {
        *problem = Text::tr("it describes no volume group");
        return false;
    }
    vg->name = vgNode->name;
    if (!vgNode->string(u"id", &vg->id) || !vgNode->unsignedNumber(u"seqno", &vg->seqno) ||
        !vgNode->unsignedNumber(u"extent_size", &vg->extentSize) || vg->extentSize == 0) {
        *problem = Text::tr("volume group %1 lacks its id, seqno or extent_size").arg(vg->name);
        return false;
    }
    return parsePvs(*vgNode, vg, problem) && parseLvs(*vgNode, vg, problem);
}

} // namespace cvmi::inspect::lvm
