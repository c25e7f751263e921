// LvmConfig / LvmMetadata: the text format on what LVM 2.03.16 itself wrote (vgcfgbackup of a VG
// restored with vgcfgrestore: linear in two segments, a thin pool and a thin volume), and on
// hostile texts that must be refused with a reason, quickly and without crashing.
#include "TestSupport.h"
#include "inspect/lvm/LvmConfig.h"
#include "inspect/lvm/LvmLabel.h"
#include "inspect/lvm/LvmMapping.h"
#include "inspect/lvm/LvmMetadata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect::lvm;
using cvmi::inspect::VolumeGroupInfo;

namespace {

QByteArray dataFile(const QString& name)
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/core/inspect/lvm/data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qWarning("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

// A minimal VG around `lvs` (the text inside logical_volumes { }).
QByteArray vgWith(const QByteArray& lvs, const QByteArray& pvs = {})
{
    return "vg {\nid = \"x\"\nseqno = 3\nextent_size = 8192\nphysical_volumes {\npv0 {\n"
           "id = \"a\"\npe_start = 2048\npe_count = 10\n}\n" +
           pvs + "}\nlogical_volumes {\n" + lvs + "}\n}\n";
}

QByteArray linearLv(const QByteArray& name, int segments = 1)
{
    QByteArray lv = name + " {\nid = \"" + name +
                    "\"\nstatus = [\"VISIBLE\"]\nsegment_count = " + QByteArray::number(segments) +
                    "\n";
    for (int i = 1; i <= segments; ++i)
        lv += "segment" + QByteArray::number(i) + " { start_extent = " + QByteArray::number(i - 1) +
              " extent_count = 1 type = \"striped\" stripe_count = 1 stripes = [\"pv0\", " +
              QByteArray::number(i - 1) + "] }\n";
    return lv + "}\n";
}

} // namespace

class TestLvmMetadata : public QObject {
    Q_OBJECT
private slots:
    void crcIsLvms()
    {
        // The check value of "123456789" with LVM's initial value (computed independently).
        QCOMPARE(lvmCrc("123456789", 9), 0x4991cf02u);
        QCOMPARE(lvmCrc("", 0), kLvmCrcInitial);
    }

    void realBackupWithoutLvs()
    {
        LvmVg vg;
        QString problem;
        QVERIFY2(parseLvmMetadata(dataFile(QStringLiteral("vgcfgbackup-empty.txt")), &vg, &problem),
                 qPrintable(problem));
        QCOMPARE(vg.name, QStringLiteral("probevg_x1"));
        QCOMPARE(vg.id, QStringLiteral("EEvCjT-ADDr-w7Ew-5eRv-bDbz-ODwC-Gc3kvf"));
        QCOMPARE(vg.seqno, 1u);
        QCOMPARE(vg.extentSize, 8192u);
        QCOMPARE(vg.pvs.size(), 1);
        QCOMPARE(vg.pvs[0].key, QStringLiteral("pv0"));
        QCOMPARE(vg.pvs[0].id, QStringLiteral("P1DxRF-nb1e-KzxN-3Chw-Xe2O-ivDD-22OznD"));
        QCOMPARE(vg.pvs[0].device, QStringLiteral("/dev/loop0"));
        QCOMPARE(vg.pvs[0].peStart, 2048u);
        QCOMPARE(vg.pvs[0].peCount, 15u);
        QCOMPARE(vg.pvs[0].devSize, 131072u);
        QVERIFY(vg.lvs.isEmpty());
    }

    void realBackupWithThin()
    {
        LvmVg vg;
        QString problem;
        QVERIFY2(parseLvmMetadata(dataFile(QStringLiteral("vgcfgbackup-thin.txt")), &vg, &problem),
                 qPrintable(problem));
        QCOMPARE(vg.seqno, 2u);
        QCOMPARE(vg.lvs.size(), 5);
        const LvmLv* root = vg.lv(QStringLiteral("root"));
        QVERIFY(root && root->visible);
        QCOMPARE(root->segments.size(), 2);
        QCOMPARE(root->segments[1].startExtent, 2u);
        QCOMPARE(root->segments[1].extentCount, 1u);
        QCOMPARE(root->segments[1].type, QStringLiteral("striped"));
        QCOMPARE(root->segments[1].stripeCount, 1u);
        QCOMPARE(root->segments[1].stripes.size(), 1);
        QCOMPARE(root->segments[1].stripes[0].pv, QStringLiteral("pv0"));
        QCOMPARE(root->segments[1].stripes[0].extent, 5u);
        const LvmLv* thin = vg.lv(QStringLiteral("thinv"));
        QVERIFY(thin && thin->visible);
        QCOMPARE(thin->segments[0].type, QStringLiteral("thin"));
        QCOMPARE(thin->segments[0].pool, QStringLiteral("pool"));
        QCOMPARE(vg.lv(QStringLiteral("pool"))->segments[0].data, QStringLiteral("pool_tdata"));
        QVERIFY(!vg.lv(QStringLiteral("pool_tdata"))->visible);
    }

    void segmentsInAnyOrderAndEscapes()
    {
        const QByteArray text = vgWith(
            "a {\nid = \"q\\\"x\\\\\"\nstatus = [\"READ\", \"VISIBLE\"] # comment \"}\n"
            "segment_count = 2\nsegment2 { start_extent = 1 extent_count = 1 type = \"linear\" "
            "stripes = [\"pv0\", 4] }\nsegment1 { start_extent = 0 extent_count = 1 type = "
            "\"striped\" stripe_count = 1 stripes = [\"pv0\", 0] }\n}\n");
        LvmVg vg;
        QString problem;
        QVERIFY2(parseLvmMetadata(text, &vg, &problem), qPrintable(problem));
        QCOMPARE(vg.lvs[0].id, QStringLiteral("q\"x\\"));
        QCOMPARE(vg.lvs[0].segments[0].startExtent, 0u);
        QCOMPARE(vg.lvs[0].segments[1].type, QStringLiteral("linear"));
        QCOMPARE(vg.lvs[0].segments[1].stripes[0].extent, 4u);
    }

    void limitsThatStillPass()
    {
        // 16 nested sections are allowed; so are 1024 LVs.
        QByteArray deep = vgWith(linearLv("a"));
        for (int i = 0; i < 12; ++i)
            deep = "s" + QByteArray::number(i) + " {\n" + deep + "}\n";
        ConfigNode root;
        QString problem;
        QVERIFY2(parseConfig(deep, &root, &problem), qPrintable(problem));
        QByteArray many;
        for (int i = 0; i < kMaxLogicalVolumes; ++i)
            many += linearLv("lv" + QByteArray::number(i));
        LvmVg vg;
        QVERIFY2(parseLvmMetadata(vgWith(many), &vg, &problem), qPrintable(problem));
        QCOMPARE(vg.lvs.size(), kMaxLogicalVolumes);
    }

    // mapVolumeGroup on texts: what maps, and each obstacle's reason.
    void mapping_data()
    {
        QTest::addColumn<QByteArray>("lvs");
        QTest::addColumn<QString>("obstacle"); // of LV "a"; empty: mapped
        const QByteArray seg = "segment_count = 1 segment1 { start_extent = 0 extent_count = 1 ";
        QTest::newRow("linear") << linearLv("a", 3) << QString();
        QTest::newRow("linear type") << "a { id = \"a\" status = [\"VISIBLE\"] " + seg +
                                            "type = \"linear\" stripes = [\"pv0\", 9] } }\n"
                                     << QString();
        QTest::newRow("gap")
            << QByteArray("a { id = \"a\" status = [\"VISIBLE\"] segment_count = 2 segment1 { "
                          "start_extent = 0 extent_count = 1 type = \"linear\" stripes = [\"pv0\", "
                          "0] } segment2 { start_extent = 2 extent_count = 1 type = \"linear\" "
                          "stripes = [\"pv0\", 1] } }\n")
            << "gap or an overlap at extent 1";
        QTest::newRow("past pv end")
            << "a { id = \"a\" status = [\"VISIBLE\"] " + seg +
                   "type = \"striped\" stripe_count = 1 stripes = [\"pv0\", 10] } }\n"
            << "past the end of that physical volume";
        QTest::newRow("huge extent")
            << "a { id = \"a\" status = [\"VISIBLE\"] " + seg +
                   "type = \"striped\" stripe_count = 1 stripes = [\"pv0\", "
                   "9223372036854775807] } }\n"
            << "past the end";
        QTest::newRow("unknown pv")
            << "a { id = \"a\" status = [\"VISIBLE\"] " + seg +
                   "type = \"striped\" stripe_count = 1 stripes = [\"pv9\", 0] } }\n"
            << "does not list";
        QTest::newRow("other disk")
            << "a { id = \"a\" status = [\"VISIBLE\"] " + seg +
                   "type = \"striped\" stripe_count = 1 stripes = [\"pv1\", 0] } }\n"
            << "pv1 (id b) is not on this disk";
        QTest::newRow("overlap") << linearLv("a", 2) + linearLv("b", 1)
                                 << "shares extents of pv0 with vg/b";
        QTest::newRow("overlap hidden")
            << linearLv("a", 1) + "h { id = \"h\" status = [\"READ\"] " + seg +
                   "type = \"striped\" stripe_count = 1 stripes = [\"pv0\", 0] } }\n"
            << "shares extents of pv0 with vg/h";
        QTest::newRow("striped")
            << "a { id = \"a\" status = [\"VISIBLE\"] " + seg +
                   "type = \"striped\" stripe_count = 2 stripes = [\"pv0\", 0, \"pv1\", 0] } }\n"
            << "vg/a is striped over 2 physical volumes";
        for (const char* type : {"mirror", "raid1", "raid5", "cache", "snapshot", "vdo", "error",
                                 "zero", "thin-pool", "cache-pool", "vdo-pool", "frobnicate"})
            QTest::newRow(type) << "a { id = \"a\" status = [\"VISIBLE\"] " + seg + "type = \"" +
                                       type + "\" } }\n"
                                << QString::fromLatin1(type);
    }

    void mapping()
    {
        QFETCH(QByteArray, lvs);
        QFETCH(QString, obstacle);
        LvmVg vg;
        QString problem;
        const QByteArray pv1 = "pv1 { id = \"b\" pe_start = 2048 pe_count = 10 }\n";
        QVERIFY2(parseLvmMetadata(vgWith(lvs, pv1), &vg, &problem), qPrintable(problem));
        // pv0 (id "a") is partition 3 at 1 MiB, 1 MiB + 10 extents of 4 MiB long.
        const QList<PvOnDisk> onDisk = {PvOnDisk{3, 1 << 20, (1 << 20) + 40 * (1 << 20), "a"}};
        VolumeGroupInfo group;
        QList<inspect::LogicalVolumeInfo> volumes;
        mapVolumeGroup(vg, onDisk, &group, &volumes);
        QCOMPARE(group.partitions, QList<int>{3});
        QVERIFY(group.problem.contains(QLatin1String("pv1 (id b) is not on this disk")));
        QVERIFY(!volumes.isEmpty());
        const inspect::LogicalVolumeInfo& a = volumes[0];
        QCOMPARE(a.name(), QStringLiteral("vg/a"));
        if (obstacle.isEmpty()) {
            QVERIFY2(a.obstacle.isEmpty(), qPrintable(a.obstacle));
            QVERIFY(!a.extents.isEmpty());
            uint64_t covered = 0;
            for (const inspect::VolumeExtent& e : a.extents) {
                QCOMPARE(e.volumeOffset, covered);
                QVERIFY(e.diskOffset >= 2u << 20);
                covered += e.length;
            }
            QCOMPARE(covered, a.size);
        } else {
            QVERIFY2(a.obstacle.contains(obstacle, Qt::CaseInsensitive), qPrintable(a.obstacle));
            QVERIFY(a.extents.isEmpty());
        }
    }

    // The worst a text within the limits can ask: 1024 LVs of 9 segments (9216 in all), every
    // one on the same extents of the PV, near 1 MiB of text. Parsed and mapped in well under a
    // second in a release build; 10 s is the hang guard for debug and sanitizer builds.
    void largestTextIsQuick()
    {
        QByteArray lvs;
        for (int i = 0; i < kMaxLogicalVolumes; ++i) {
            const QByteArray name = "lv" + QByteArray::number(i);
            lvs += name + " {\nid = \"" + name + "\"\nstatus = [\"VISIBLE\"]\nsegment_count = 9\n";
            for (int k = 1; k <= 9; ++k)
                lvs += "segment" + QByteArray::number(k) +
                       " { start_extent = " + QByteArray::number(k - 1) +
                       " extent_count = 1 type = \"striped\" stripe_count = 1 stripes = [\"pv0\", "
                       "0] }\n";
            lvs += "}\n";
        }
        const QByteArray text = vgWith(lvs);
        QVERIFY(text.size() < 1024 * 1024);
        QElapsedTimer timer;
        timer.start();
        LvmVg vg;
        QString problem;
        QVERIFY2(parseLvmMetadata(text, &vg, &problem), qPrintable(problem));
        VolumeGroupInfo group;
        QList<inspect::LogicalVolumeInfo> volumes;
        mapVolumeGroup(vg, {PvOnDisk{1, 0, 1ull << 40, "a"}}, &group, &volumes);
        QCOMPARE(volumes.size(), kMaxLogicalVolumes);
        for (const auto& v : volumes)
            QVERIFY(!v.obstacle.isEmpty()); // out of pv0's 10 extents, or sharing extent 0
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        qInfo("parsed and mapped in %lld ms", qint64(timer.elapsed()));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QByteArray deep = "x = 1\n";
        for (int i = 0; i <= kMaxConfigDepth + 1; ++i)
            deep = "s {\n" + deep + "}\n";
        QByteArray manyLvs, manyPvs, manySegments;
        for (int i = 0; i <= kMaxLogicalVolumes; ++i)
            manyLvs += linearLv("lv" + QByteArray::number(i));
        for (int i = 1; i <= kMaxPhysicalVolumes; ++i)
            manyPvs += "pv" + QByteArray::number(i) + " { id = \"b\" pe_start = 1 pe_count = 1 }\n";
        for (int i = 0; i < 11; ++i)
            manySegments += linearLv("lv" + QByteArray::number(i), 1000);
        QTest::newRow("empty") << QByteArray() << "no volume group";
        QTest::newRow("unclosed section") << QByteArray("vg {\nseqno = 1\n") << "not closed";
        QTest::newRow("stray brace") << QByteArray("}\n") << "closes no section";
        QTest::newRow("unclosed string") << QByteArray("vg { id = \"abc") << "not closed";
        QTest::newRow("too deep") << deep << "deeper than 16";
        QTest::newRow("number overflow") << QByteArray("a = 99999999999999999999\n") << "too large";
        QTest::newRow("malformed number") << QByteArray("a = 12abc\n") << "malformed number";
        QTest::newRow("nested array") << QByteArray("a = [[1]]\n") << "inside an array";
        QTest::newRow("array without comma") << QByteArray("a = [1 2]\n") << "\",\" or \"]\"";
        QTest::newRow("long name") << QByteArray(200, 'n') + " = 1\n"
                                   << "longer than 128";
        QTest::newRow("long string") << "a = \"" + QByteArray(kMaxConfigString + 1, 'x') + "\"\n"
                                     << "longer than 65536";
        QTest::newRow("no equals") << QByteArray("a 1\n") << "\"=\" or \"{\"";
        QTest::newRow("two vgs") << vgWith({}) + vgWith({}) << "more than one volume group";
        QTest::newRow("no extent size")
            << QByteArray("vg { id = \"x\" seqno = 1 physical_volumes { } }") << "extent_size";
        QTest::newRow("zero extent size")
            << QByteArray("vg { id = \"x\" seqno = 1 extent_size = 0 physical_volumes { } }")
            << "extent_size";
        QTest::newRow("no pvs") << QByteArray("vg { id = \"x\" seqno = 1 extent_size = 8 }")
                                << "physical_volumes";
        QTest::newRow("negative pe_start")
            << vgWith({}, "pv1 { id = \"b\" pe_start = -1 pe_count = 1 }\n") << "pe_start";
        QTest::newRow("too many lvs") << vgWith(manyLvs) << "more than 1024 logical volumes";
        QTest::newRow("too many pvs") << vgWith({}, manyPvs) << "more than 64 physical volumes";
        QTest::newRow("too many segments") << vgWith(manySegments) << "at most 10000";
        QTest::newRow("segment_count too big")
            << vgWith("a { id = \"a\" segment_count = 99999999999 }\n") << "at most 10000";
        QTest::newRow("segment missing")
            << vgWith("a { id = \"a\" segment_count = 2 segment1 { start_extent = 0 extent_count "
                      "= 1 type = \"striped\" } }\n")
            << "lists fewer";
        QTest::newRow("segment repeated")
            << vgWith("a { id = \"a\" segment_count = 1 segment1 { start_extent = 0 extent_count "
                      "= 1 type = \"zero\" } segment1 { start_extent = 0 extent_count = 1 type = "
                      "\"zero\" } }\n")
            << "malformed or repeated";
        QTest::newRow("segment out of range")
            << vgWith("a { id = \"a\" segment_count = 1 segment2 { start_extent = 0 extent_count "
                      "= 1 type = \"zero\" } }\n")
            << "malformed or repeated";
        QTest::newRow("stripe extent negative")
            << vgWith("a { id = \"a\" segment_count = 1 segment1 { start_extent = 0 extent_count "
                      "= 1 type = \"striped\" stripes = [\"pv0\", -4] } }\n")
            << "malformed or repeated";
    }

    void hostile()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        LvmVg vg;
        QString problem;
        QVERIFY(!parseLvmMetadata(text, &vg, &problem));
        QVERIFY2(problem.contains(reason), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestLvmMetadata)
#include "tst_lvmmetadata.moc"
