#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

// One volume group as LVM2's text metadata describes it (the parts the check needs).
namespace cvmi::inspect::lvm {

// Logical volumes in one VG: LVM's own default max is unlimited, but 1024 is far beyond any
// system disk and keeps a hostile text's work small.
inline constexpr int kMaxLogicalVolumes = 1024;
// Physical volumes in one VG: a system disk has one or two.
inline constexpr int kMaxPhysicalVolumes = 64;
// Segments over all LVs of a VG: fragmented LVs have a few dozen; 10000 bounds the mapping work.
inline constexpr int kMaxSegments = 10000;
// Stripes (and mirror/raid legs) in one segment.
inline constexpr int kMaxStripes = 64;

struct LvmPv {
    QString key;          // "pv0": how segments name it
    QString id;           // "P1DxRF-nb1e-..." (the label's pv_uuid with dashes)
    QString device;       // a hint only: the device node when the metadata was written
    uint64_t peStart = 0; // sectors from the start of the PV
    uint64_t peCount = 0;
    uint64_t devSize = 0; // sectors
};

struct LvmStripe {
    QString pv; // a PV key ("pv0"), or an LV name for mirror/raid legs
    uint64_t extent = 0;
};

struct LvmSegment {
    uint64_t startExtent = 0;
    uint64_t extentCount = 0;
    QString type; // "striped", "linear", "thin", "thin-pool", "raid1", ...
    uint64_t stripeCount = 0;
    QList<LvmStripe> stripes;
    QString pool;   // thin_pool / cache_pool / vdo_pool
    QString data;   // a pool's hidden data LV (thin-pool "pool", vdo-pool "vdo_pool"... )
    QString origin; // snapshot / cache origin
};

struct LvmLv {
    QString name;
    QString id;
    QStringList status;
    bool visible = false;
    QList<LvmSegment> segments; // in the order of their start extent
};

struct LvmVg {
    QString name;
    QString id;
    uint64_t seqno = 0;
    uint64_t extentSize = 0; // sectors
    QList<LvmPv> pvs;
    QList<LvmLv> lvs;

    const LvmPv* pv(const QString& key) const;
    const LvmLv* lv(const QString& name) const;
};

// The VG in one metadata text. False with `problem` in words (what is missing or malformed,
// which limit was passed) when the text does not describe a VG this reader can trust.
bool parseLvmMetadata(QByteArrayView text, LvmVg* vg, QString* problem);

} // namespace cvmi::inspect::lvm
