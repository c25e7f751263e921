// scanLvm on the fixture disks of tests/fixtures/make-lvm-disks.sh: what it maps, what becomes an
// obstacle, damaged labels and metadata; and the writer of those disks proven against LVM's own
// pvs and lvs on loop devices (read-only; skipped where a loop device cannot be attached).
#include "LvmTestDisks.h"
#include "LvmTools.h"
#include "inspect/lvm/LvmLabel.h"
#include "util/Endian.h"

#include <QTemporaryDir>

#include <unistd.h>

using namespace cvmi;
using namespace cvmi::inspect;
using test::findLv;
using test::findPartition;
using test::LoopDevices;

namespace {

constexpr uint64_t kMiB = 1024 * 1024;
constexpr uint64_t kExtent = 4 * kMiB;
constexpr uint64_t kMbrPv = 18432 * 512; // partition 2 of lvm-mbr.raw
constexpr uint64_t kPeStart = kMiB;

const VolumeGroupInfo* findVg(const DiskLayout& layout, const QString& name)
{
    for (const auto& vg : layout.volumeGroups)
        if (vg.name == name)
            return &vg;
    return nullptr;
}

QStringList lvNames(const DiskLayout& layout)
{
    QStringList names;
    for (const auto& lv : layout.logicalVolumes)
        names.append(lv.name());
    names.sort();
    return names;
}

} // namespace

class TestLvmScan : public QObject {
    Q_OBJECT
private slots:
    void mbrDisk()
    {
        auto image = test::openLvmDisk(QStringLiteral("lvm-mbr.raw"));
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        QCOMPARE(layout.volumeGroups.size(), 1);
        const VolumeGroupInfo& vg = layout.volumeGroups[0];
        QCOMPARE(vg.name, QStringLiteral("cvmilvmt_mbr"));
        QCOMPARE(vg.extentSize, kExtent);
        QCOMPARE(vg.pvCount, 1);
        QCOMPARE(vg.partitions, QList<int>{2});
        QVERIFY2(vg.problem.isEmpty(), qPrintable(vg.problem));
        // The newest copy (it wraps around the end of the area) lists data; the older one not.
        // Hidden pool_tdata and pool_tmeta are not listed.
        QCOMPARE(
            lvNames(layout),
            QStringList({QStringLiteral("cvmilvmt_mbr/data"), QStringLiteral("cvmilvmt_mbr/pool"),
                         QStringLiteral("cvmilvmt_mbr/root"), QStringLiteral("cvmilvmt_mbr/swap"),
                         QStringLiteral("cvmilvmt_mbr/thinv")}));
        const LogicalVolumeInfo* root = findLv(layout, QStringLiteral("cvmilvmt_mbr/root"));
        QVERIFY(root->obstacle.isEmpty());
        QCOMPARE(root->layout, QStringLiteral("linear"));
        QCOMPARE(root->size, 8 * kMiB);
        QCOMPARE(root->partitions, QList<int>{2});
        QCOMPARE(root->extents.size(), 1);
        QCOMPARE(root->extents[0].diskOffset, kMbrPv + kPeStart);
        QCOMPARE(root->extents[0].length, 8 * kMiB);
        const LogicalVolumeInfo* data = findLv(layout, QStringLiteral("cvmilvmt_mbr/data"));
        QVERIFY2(data->obstacle.isEmpty(), qPrintable(data->obstacle));
        QCOMPARE(data->extents.size(), 2);
        QCOMPARE(data->extents[0].diskOffset, kMbrPv + kPeStart + 2 * kExtent);
        QCOMPARE(data->extents[1].volumeOffset, kExtent);
        QCOMPARE(data->extents[1].diskOffset, kMbrPv + kPeStart + 7 * kExtent);
        const LogicalVolumeInfo* thin = findLv(layout, QStringLiteral("cvmilvmt_mbr/thinv"));
        QCOMPARE(thin->layout, QStringLiteral("thin"));
        QVERIFY2(thin->obstacle.contains(QLatin1String("thin volume in pool pool")) &&
                     thin->obstacle.contains(QLatin1String("pool_tdata")),
                 qPrintable(thin->obstacle));
        QVERIFY(thin->extents.isEmpty());
        QVERIFY(!findLv(layout, QStringLiteral("cvmilvmt_mbr/pool"))->obstacle.isEmpty());
    }

    void spanningTwoPartitions()
    {
        auto image = test::openLvmDisk(QStringLiteral("lvm-span.raw"));
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        QCOMPARE(layout.volumeGroups.size(), 1);
        const VolumeGroupInfo& vg = layout.volumeGroups[0];
        QCOMPARE(vg.pvCount, 2);
        QCOMPARE(vg.partitions, QList<int>({1, 2}));
        QVERIFY2(vg.problem.isEmpty(), qPrintable(vg.problem));
        // The second PV holds only an older copy (without root): the newer one wins.
        const LogicalVolumeInfo* root = findLv(layout, QStringLiteral("cvmilvmt_span/root"));
        QVERIFY(root);
        QVERIFY2(root->obstacle.isEmpty(), qPrintable(root->obstacle));
        QCOMPARE(root->size, 40 * kMiB);
        QCOMPARE(root->partitions, QList<int>({1, 2}));
        QCOMPARE(root->extents.size(), 2);
        QCOMPARE(root->extents[0].diskOffset, 2048 * 512 + kPeStart);
        QCOMPARE(root->extents[0].length, 7 * kExtent);
        QCOMPARE(root->extents[1].volumeOffset, 7 * kExtent);
        QCOMPARE(root->extents[1].diskOffset, 67584 * 512 + kPeStart);
        QCOMPARE(root->extents[1].length, 3 * kExtent);
    }

    void missingPhysicalVolume()
    {
        auto image = test::openLvmDisk(QStringLiteral("lvm-missing.raw"));
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        const VolumeGroupInfo* vg = findVg(layout, QStringLiteral("cvmilvmt_miss"));
        QVERIFY(vg);
        QCOMPARE(vg->pvCount, 2);
        QCOMPARE(vg->partitions, QList<int>{1});
        QVERIFY2(vg->problem.contains(QLatin1String("pv1")) &&
                     vg->problem.contains(QLatin1String("is not on this disk")),
                 qPrintable(vg->problem));
        QVERIFY(findLv(layout, QStringLiteral("cvmilvmt_miss/boot"))->obstacle.isEmpty());
        const QString st = findLv(layout, QStringLiteral("cvmilvmt_miss/st"))->obstacle;
        QVERIFY2(st.contains(QLatin1String("cvmilvmt_miss/st is striped over 2 physical volumes")),
                 qPrintable(st));
        const LogicalVolumeInfo* home = findLv(layout, QStringLiteral("cvmilvmt_miss/home"));
        QVERIFY2(home->obstacle.contains(QLatin1String("spanning disks")),
                 qPrintable(home->obstacle));
        QVERIFY(home->extents.isEmpty());
        QCOMPARE(home->size, 24 * kMiB);
    }

    void damage_data()
    {
        QTest::addColumn<uint64_t>("offset");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // in the VG problem, or "older" for the fallback
        const uint64_t label = kMbrPv + 512, mda = kMbrPv + 4096;
        QTest::newRow("label crc") << label + 100 << QByteArray("X") << "label checksum";
        QTest::newRow("label sector number") << label + 8 << QByteArray("\7") << "sector 7";
        QTest::newRow("pv header offset") << label + 20 << QByteArray("\xf0\x01", 2) << "";
        QTest::newRow("mda magic") << mda + 6 << QByteArray("Q") << "metadata area header";
        // The newest text starts near the end of the area (it wraps): damage its first byte, and
        // the older copy, which raw_locn[1] still points to, is read instead (no data LV).
        QTest::newRow("newest text") << uint64_t(0) << QByteArray() << "older";
    }

    void damage()
    {
        QFETCH(uint64_t, offset);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        auto image = test::openLvmDisk(QStringLiteral("lvm-mbr.raw"));
        QVERIFY(image);
        test::PatchedDisk disk(*image);
        if (bytes.isEmpty()) {
            QByteArray mda(512, '\0');
            QVERIFY(image->read(kMbrPv + 4096, mda.data(), 512, nullptr));
            const uint64_t textAt = le64(mda.constData() + 40);
            disk.patch(kMbrPv + 4096 + textAt, QByteArray("Z"));
        } else {
            disk.patch(offset, bytes);
        }
        const DiskLayout layout = test::scanLvmDisk(disk);
        if (expected == QLatin1String("older")) {
            QVERIFY(findLv(layout, QStringLiteral("cvmilvmt_mbr/root")));
            QVERIFY(!findLv(layout, QStringLiteral("cvmilvmt_mbr/data")));
            return;
        }
        QVERIFY(layout.logicalVolumes.isEmpty());
        QCOMPARE(layout.volumeGroups.size(), 1);
        QCOMPARE(layout.volumeGroups[0].partitions, QList<int>{2});
        const QString problem = layout.volumeGroups[0].problem;
        QVERIFY2(problem.startsWith(QLatin1String("Partition 2")) && problem.contains(expected),
                 qPrintable(problem));
    }

    // The writer of the fixtures against LVM itself: pvs and lvs read the same PVs, labels,
    // metadata, sizes and extents that scanLvm reports.
    void againstLvmTools_data()
    {
        QTest::addColumn<QString>("disk");
        QTest::newRow("mbr") << QStringLiteral("lvm-mbr.raw");
        QTest::newRow("span") << QStringLiteral("lvm-span.raw");
    }

    void againstLvmTools()
    {
        QFETCH(QString, disk);
        if (geteuid() != 0)
            QSKIP("attaching loop devices needs root");
        if (QStandardPaths::findExecutable(QStringLiteral("lvs"),
                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                .isEmpty())
            QSKIP("the LVM tools (pvs, lvs) are not installed");
        auto image = test::openLvmDisk(disk);
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        LoopDevices loops;
        QMap<QString, int> partitionOf;
        for (const PartitionInfo& p : layout.partitions) {
            if (p.filesystem != QLatin1String("lvm2"))
                continue;
            QString why;
            const QString dev = loops.attach(test::lvmDisk(disk), p.start, p.size, &why);
            if (dev.isEmpty())
                QSKIP(qPrintable(QStringLiteral("no loop device: ") + why));
            partitionOf.insert(dev, p.index);
        }
        const VolumeGroupInfo& vg = layout.volumeGroups.value(0);
        const QJsonArray pvs =
            test::lvmReport(QStringLiteral("pvs"),
                            {QStringLiteral("pv_name"), QStringLiteral("vg_name"),
                             QStringLiteral("pv_uuid"), QStringLiteral("pe_start")},
                            loops.devices(), QStringLiteral("pv"));
        QCOMPARE(pvs.size(), partitionOf.size());
        for (const QJsonValue& v : pvs) {
            const QJsonObject row = v.toObject();
            QCOMPARE(row.value(QStringLiteral("vg_name")).toString(), vg.name);
            QCOMPARE(test::bytesField(row, "pe_start"), kPeStart);
            QVERIFY(partitionOf.contains(row.value(QStringLiteral("pv_name")).toString()));
            const PartitionInfo* p = findPartition(
                layout, partitionOf.value(row.value(QStringLiteral("pv_name")).toString()));
            // The layout reader's probe shows the label's PV id the way blkid and pvs do.
            QCOMPARE(p->uuid, row.value(QStringLiteral("pv_uuid")).toString());
        }
        test::compareWithLvs(layout, partitionOf, loops.devices());
    }
    // Metadata LVM itself wrote: pvcreate and vgcreate on a loop device, logical volumes added
    // with vgcfgrestore (which needs no device-mapper), then scanLvm on the file against lvs.
    void writtenByLvm()
    {
        if (geteuid() != 0)
            QSKIP("attaching loop devices needs root");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pv.raw"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(qint64(64 * kMiB)));
        f.close();
        LoopDevices loops;
        QString why;
        QProcess attach;
        attach.start(QStringLiteral("losetup"),
                     {QStringLiteral("-f"), QStringLiteral("--show"), file});
        if (!attach.waitForFinished() || attach.exitCode() != 0)
            QSKIP(qPrintable(QStringLiteral("no loop device: ") +
                             QString::fromLocal8Bit(attach.readAllStandardError())));
        const QString dev = QString::fromLocal8Bit(attach.readAllStandardOutput()).trimmed();
        loops.adopt(dev);
        const QString vgName = QStringLiteral("cvmilvmt_real%1").arg(getpid());
        const QString backup = dir.filePath(QStringLiteral("backup.txt"));
        QString failed = test::runLvm(QStringLiteral("pvcreate"), {QStringLiteral("-q"), dev}, dev);
        if (failed.isEmpty())
            failed =
                test::runLvm(QStringLiteral("vgcreate"), {QStringLiteral("-q"), vgName, dev}, dev);
        if (failed.isEmpty())
            failed = test::runLvm(QStringLiteral("vgcfgbackup"),
                                  {QStringLiteral("-f"), backup, vgName}, dev);
        if (!failed.isEmpty())
            QSKIP(qPrintable(failed));
        QFile b(backup);
        QVERIFY(b.open(QIODevice::ReadOnly));
        QByteArray text = b.readAll();
        b.close();
        text.insert(text.lastIndexOf('}'), test::restoredLvs());
        QVERIFY(b.open(QIODevice::WriteOnly | QIODevice::Truncate) && b.write(text) == text.size());
        b.close();
        failed =
            test::runLvm(QStringLiteral("vgcfgrestore"),
                         {QStringLiteral("--force"), QStringLiteral("-f"), backup, vgName}, dev);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        auto image = disk::openDiskImage(file, nullptr);
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        QCOMPARE(layout.partitions.size(), 1);
        QCOMPARE(layout.volumeGroups.size(), 1);
        QCOMPARE(layout.volumeGroups[0].name, vgName);
        QVERIFY2(layout.volumeGroups[0].problem.isEmpty(),
                 qPrintable(layout.volumeGroups[0].problem));
        QCOMPARE(
            lvNames(layout),
            QStringList({vgName + QStringLiteral("/pool"), vgName + QStringLiteral("/root"),
                         vgName + QStringLiteral("/swap"), vgName + QStringLiteral("/thinv")}));
        const LogicalVolumeInfo* root = findLv(layout, vgName + QStringLiteral("/root"));
        QCOMPARE(root->extents.size(), 2);
        QCOMPARE(root->extents[1].diskOffset, kPeStart + 5 * kExtent);
        test::compareWithLvs(layout, {{dev, layout.partitions[0].index}}, {dev});
    }
};

QTEST_GUILESS_MAIN(TestLvmScan)
#include "tst_lvmscan.moc"
