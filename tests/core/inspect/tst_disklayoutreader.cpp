// DiskLayoutReader: partition tables and file systems, checked against sfdisk's layout and
// blkid's identification of the same fixtures (blkid is the truth for types, labels and UUIDs).
#include "QemuTruth.h"
#include "TestSupport.h"
#include "inspect/FsProbes.h"
#include "inspect/Inspector.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {
QString layoutDisk(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/layout/") + name;
}

// blkid's low-level probe of the bytes at `offset`, as KEY=value pairs.
QMap<QString, QString> blkid(const QString& file, uint64_t offset)
{
    QByteArray out;
    QProcess p;
    p.start(QStringLiteral("blkid"),
            {QStringLiteral("-p"), QStringLiteral("-o"), QStringLiteral("export"),
             QStringLiteral("-O"), QString::number(offset), file});
    p.waitForFinished();
    out = p.readAllStandardOutput();
    QMap<QString, QString> values;
    for (const QByteArray& line : out.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return values;
}

QString blkidType(const QMap<QString, QString>& values)
{
    const QString type = values.value(QStringLiteral("TYPE"));
    if (type == QLatin1String("crypto_LUKS"))
        return QStringLiteral("luks");
    if (type == QLatin1String("LVM2_member"))
        return QStringLiteral("lvm2");
    return type.isEmpty() ? QStringLiteral("unknown") : type;
}

DiskLayout layoutOf(const QString& path)
{
    const ImageFacts facts = inspectImage(path);
    if (!facts.error.code.isEmpty())
        qWarning("%s: %s", qPrintable(facts.error.code), qPrintable(facts.error.message));
    if (!facts.layoutKnown)
        qWarning("layout: %s", qPrintable(facts.layoutError.message));
    return facts.layout;
}

const PartitionInfo* partition(const DiskLayout& layout, int index)
{
    for (const auto& p : layout.partitions)
        if (p.index == index)
            return &p;
    return nullptr;
}

// Every partition's type, label and UUID equal what blkid says of the same bytes.
void compareWithBlkid(const QString& file, const DiskLayout& layout)
{
    for (const auto& p : layout.partitions) {
        const auto truth = blkid(file, p.start);
        QCOMPARE(p.filesystem, blkidType(truth));
        QCOMPARE(p.label, truth.value(QStringLiteral("LABEL")));
        QCOMPARE(p.uuid, truth.value(QStringLiteral("UUID")));
    }
}

} // namespace

class TestDiskLayoutReader : public QObject {
    Q_OBJECT

private slots:
    void mbrWithTwoPrimaries()
    {
        const QString file = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
        const DiskLayout layout = layoutOf(file);
        QCOMPARE(layout.partitionTable, QStringLiteral("mbr"));
        QVERIFY(layout.bootCode);
        QVERIFY(!layout.protectiveMbr);
        QCOMPARE(layout.partitions.size(), 2);
        const auto* p1 = partition(layout, 1);
        QVERIFY(p1);
        QCOMPARE(p1->start, 2048ull * 512);
        QCOMPARE(p1->size, 90112ull * 512);
        QCOMPARE(p1->type, QStringLiteral("0x83"));
        QCOMPARE(p1->typeName, QStringLiteral("Linux"));
        QVERIFY(p1->bootable);
        QCOMPARE(p1->filesystem, QStringLiteral("ext4"));
        QCOMPARE(p1->label, QStringLiteral("fixroot"));
        QCOMPARE(p1->uuid, QStringLiteral("0b2f7a3c-1111-4c5e-9a2b-5d9e0c7f1a01"));
        const auto* p2 = partition(layout, 2);
        QVERIFY(p2);
        QVERIFY(!p2->bootable);
        QCOMPARE(p2->filesystem, QStringLiteral("ext3"));
        QCOMPARE(p2->label, QStringLiteral("fixdata"));
        compareWithBlkid(file, layout);
        // PARTUUID= (root=PARTUUID=...): sfdisk's disk identifier and the partition number.
        QByteArray id;
        QVERIFY(test::runTool(QStringLiteral("sfdisk"), {QStringLiteral("--disk-id"), file}, &id));
        const QString diskId = QString::fromUtf8(id).trimmed().mid(2).rightJustified(8, u'0');
        QCOMPARE(p1->partUuid, diskId + QStringLiteral("-01"));
        QCOMPARE(p2->partUuid, diskId + QStringLiteral("-02"));
    }
    void gptWithEfiPartition()
    {
        const QString file = test::baseDisk(QStringLiteral("gpt-ext4.raw"));
        const DiskLayout layout = layoutOf(file);
        QCOMPARE(layout.partitionTable, QStringLiteral("gpt"));
        QVERIFY(layout.protectiveMbr);
        QCOMPARE(layout.partitions.size(), 2);
        QCOMPARE(layout.partitions[0].index, 1);
        QCOMPARE(layout.partitions[0].type, QStringLiteral("C12A7328-F81F-11D2-BA4B-00A0C93EC93B"));
        QCOMPARE(layout.partitions[0].typeName, QStringLiteral("EFI System"));
        QCOMPARE(layout.partitions[0].filesystem, QStringLiteral("vfat"));
        QCOMPARE(layout.partitions[0].label, QStringLiteral("ESP"));
        QCOMPARE(layout.partitions[1].typeName, QStringLiteral("Linux filesystem"));
        QCOMPARE(layout.partitions[1].filesystem, QStringLiteral("ext4"));
        compareWithBlkid(file, layout);
        // sgdisk's own view of where the partitions are.
        QByteArray info;
        QVERIFY(test::runTool(QStringLiteral("sgdisk"),
                              {QStringLiteral("-i"), QStringLiteral("2"), file}, &info));
        QVERIFY(info.contains(
            QStringLiteral("First sector: %1 ").arg(layout.partitions[1].start / 512).toUtf8()));
        QCOMPARE(layout.partitions[1].partUuid.size(), 36);
        QVERIFY2(info.toLower().contains(QStringLiteral("partition unique guid: %1")
                                             .arg(layout.partitions[1].partUuid)
                                             .toUtf8()),
                 info.constData());
    }
    void logicalPartitionsAndEveryFileSystem()
    {
        const QString file = layoutDisk(QStringLiteral("mbr-logical.raw"));
        const DiskLayout layout = layoutOf(file);
        QCOMPARE(layout.partitionTable, QStringLiteral("mbr"));
        QVERIFY(!layout.bootCode); // sfdisk writes no boot code
        // sfdisk -J is the truth for numbering, starts and sizes (the extended container is
        // not a partition with a file system, so we do not list it).
        QByteArray json;
        QVERIFY(test::runTool(QStringLiteral("sfdisk"), {QStringLiteral("-J"), file}, &json));
        const auto table = QJsonDocument::fromJson(json)
                               .object()[QStringLiteral("partitiontable")]
                               .toObject()[QStringLiteral("partitions")]
                               .toArray();
        int compared = 0;
        for (const auto& v : table) {
            const auto o = v.toObject();
            const QString node = o[QStringLiteral("node")].toString();
            const int index = node.mid(node.lastIndexOf(QLatin1String(".raw")) + 4).toInt();
            const QString type = o[QStringLiteral("type")].toString();
            if (type == QLatin1String("5"))
                continue;
            const auto* p = partition(layout, index);
            QVERIFY2(p, qPrintable(node));
            QCOMPARE(p->start, uint64_t(o[QStringLiteral("start")].toDouble()) * 512);
            QCOMPARE(p->size, uint64_t(o[QStringLiteral("size")].toDouble()) * 512);
            QCOMPARE(p->type,
                     QStringLiteral("0x%1").arg(type.toInt(nullptr, 16), 2, 16, QLatin1Char('0')));
            QCOMPARE(p->bootable, o[QStringLiteral("bootable")].toBool());
            QCOMPARE(p->logical, index >= 5);
            ++compared;
        }
        QCOMPARE(compared, 7);
        QCOMPARE(layout.partitions.size(), 7);
        QCOMPARE(partition(layout, 1)->filesystem, QStringLiteral("ext2"));
        QCOMPARE(partition(layout, 3)->filesystem, QStringLiteral("vfat"));
        QCOMPARE(partition(layout, 4)->filesystem, QStringLiteral("luks"));
        QCOMPARE(partition(layout, 5)->filesystem, QStringLiteral("swap"));
        QCOMPARE(partition(layout, 6)->filesystem, QStringLiteral("xfs"));
        QCOMPARE(partition(layout, 7)->filesystem, QStringLiteral("btrfs"));
        QCOMPARE(partition(layout, 8)->filesystem, QStringLiteral("ntfs"));
        QCOMPARE(partition(layout, 8)->label, QStringLiteral("winlab"));
        QCOMPARE(partition(layout, 5)->typeName, QStringLiteral("Linux swap / Solaris"));
        compareWithBlkid(file, layout);
    }
    void wholeDiskFileSystems_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("filesystem");
        QTest::addColumn<QString>("label");
        QTest::newRow("ext4") << test::baseDisk(QStringLiteral("whole-ext4.raw")) << "ext4"
                              << "wholefs";
        QTest::newRow("ntfs") << layoutDisk(QStringLiteral("whole-ntfs.raw")) << "ntfs"
                              << "wholentfs";
        QTest::newRow("vfat") << layoutDisk(QStringLiteral("whole-vfat.raw")) << "vfat"
                              << "WHOLEFAT";
    }
    void wholeDiskFileSystems()
    {
        QFETCH(QString, file);
        QFETCH(QString, filesystem);
        QFETCH(QString, label);
        const DiskLayout layout = layoutOf(file);
        QCOMPARE(layout.partitionTable, QStringLiteral("none"));
        QCOMPARE(layout.partitions.size(), 1);
        QCOMPARE(layout.partitions[0].index, 0);
        QCOMPARE(layout.partitions[0].type, QStringLiteral("whole-disk"));
        QCOMPARE(layout.partitions[0].start, 0ull);
        QCOMPARE(layout.partitions[0].size, uint64_t(QFileInfo(file).size()));
        QCOMPARE(layout.partitions[0].filesystem, filesystem);
        QCOMPARE(layout.partitions[0].label, label);
        compareWithBlkid(file, layout);
    }
    void emptyDisks()
    {
        DiskLayout layout = layoutOf(layoutDisk(QStringLiteral("empty.raw")));
        QCOMPARE(layout.partitionTable, QStringLiteral("none"));
        QVERIFY(layout.partitions.isEmpty());
        layout = layoutOf(layoutDisk(QStringLiteral("mbr-empty.raw")));
        QCOMPARE(layout.partitionTable, QStringLiteral("mbr"));
        QVERIFY(layout.partitions.isEmpty());
    }
    void isoInsideAPartition()
    {
        const QString file = layoutDisk(QStringLiteral("mbr-iso.raw"));
        const DiskLayout layout = layoutOf(file);
        QCOMPARE(layout.partitions.size(), 1);
        QCOMPARE(layout.partitions[0].filesystem, QStringLiteral("iso9660"));
        QCOMPARE(layout.partitions[0].label, QStringLiteral("ISOLAB"));
        compareWithBlkid(file, layout);
    }
    // The layout is read through the container reader, not the file: a VMDK of the same disk
    // gives the same answer.
    void layoutThroughAContainer()
    {
        QTemporaryDir tmp;
        const QString raw = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
        const QString vmdk = tmp.filePath(QStringLiteral("disk.vmdk"));
        QVERIFY(test::runTool(QStringLiteral("qemu-img"),
                              {QStringLiteral("convert"), QStringLiteral("-O"),
                               QStringLiteral("vmdk"), QStringLiteral("-o"),
                               QStringLiteral("subformat=streamOptimized"), raw, vmdk}));
        const ImageFacts facts = inspectImage(vmdk);
        QVERIFY2(facts.error.code.isEmpty(), qPrintable(facts.error.message));
        QCOMPARE(facts.format, QStringLiteral("vmdk"));
        QVERIFY(facts.layoutKnown);
        const DiskLayout direct = layoutOf(raw);
        QCOMPARE(facts.layout.partitions.size(), direct.partitions.size());
        for (qsizetype i = 0; i < direct.partitions.size(); ++i) {
            QCOMPARE(facts.layout.partitions[i].start, direct.partitions[i].start);
            QCOMPARE(facts.layout.partitions[i].filesystem, direct.partitions[i].filesystem);
            QCOMPARE(facts.layout.partitions[i].uuid, direct.partitions[i].uuid);
        }
    }
    // Inspection reads metadata only: a 1 GiB disk with seven file systems costs well under 4 MiB.
    void readsMetadataOnly()
    {
        const ImageFacts facts = inspectImage(layoutDisk(QStringLiteral("mbr-logical.raw")));
        QVERIFY(facts.layoutKnown);
        QVERIFY2(facts.bytesRead < 4ull * 1024 * 1024,
                 qPrintable(QString::number(facts.bytesRead)));
        QVERIFY(facts.bytesRead > 0);
    }
    void damagedContainerIsALayoutError()
    {
        QTemporaryDir tmp;
        const QString vmdk = tmp.filePath(QStringLiteral("cut.vmdk"));
        QVERIFY(
            test::runTool(QStringLiteral("qemu-img"),
                          {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("vmdk"),
                           test::baseDisk(QStringLiteral("mbr-ext4.raw")), vmdk}));
        // Cut the file in the middle of the data: the header and tables stay, the grains go.
        QFile f(vmdk);
        QVERIFY(f.resize(f.size() / 3));
        const ImageFacts facts = inspectImage(vmdk);
        if (facts.error.code.isEmpty()) {
            // Opened: the damage shows when the partitions' file systems are read.
            QVERIFY(!facts.layoutKnown || facts.layout.partitions.size() <= 2);
            if (!facts.layoutKnown)
                QVERIFY(!facts.layoutError.message.isEmpty());
        }
    }
    void notAnImageAndCancel()
    {
        QTemporaryDir tmp;
        const QString text = tmp.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are not the bytes you are looking for\n");
        f.close();
        ImageFacts facts = inspectImage(text);
        QVERIFY(!facts.error.code.isEmpty());
        QVERIFY(!facts.layoutKnown);

        CancelToken cancel;
        cancel.cancel();
        facts = inspectImage(test::baseDisk(QStringLiteral("mbr-ext4.raw")), cancel);
        QCOMPARE(facts.error.code, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestDiskLayoutReader)
#include "tst_disklayoutreader.moc"
