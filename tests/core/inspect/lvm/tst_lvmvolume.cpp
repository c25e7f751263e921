// LvmVolume: reads through the extents scanLvm mapped, compared with the bytes the fixture writer
// put into each LV (an ext4 image, a counter across two segments and across two PVs); reads that
// straddle extents, leave the volume or fall in a hole.
#include "LvmTestDisks.h"
#include "inspect/lvm/LvmVolume.h"

#include <QFile>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

constexpr uint64_t kMiB = 1024 * 1024;

QByteArray fixtureBytes(const QString& name, uint64_t offset, uint64_t length)
{
    QFile f(test::lvmDisk(name));
    if (!f.open(QIODevice::ReadOnly) || !f.seek(qint64(offset)))
        return {};
    return f.read(qint64(length));
}

QByteArray readVolume(lvm::LvmVolume& volume, uint64_t offset, uint64_t length)
{
    QByteArray bytes(qsizetype(length), '\0');
    Error error;
    if (!volume.read(offset, bytes.data(), size_t(length), &error)) {
        qWarning("%s", qPrintable(error.message));
        return {};
    }
    return bytes;
}

// A small disk whose byte i is i % 251, for hand-made extents.
class CountingDisk final : public disk::DiskImage {
public:
    QString format() const override { return QStringLiteral("raw"); }
    QString subformat() const override { return {}; }
    uint64_t virtualSize() const override { return 4096; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (!checkRange(offset, length, error))
            return false;
        for (size_t i = 0; i < length; ++i)
            static_cast<char*>(buffer)[i] = char((offset + i) % 251);
        return true;
    }
};

} // namespace

class TestLvmVolume : public QObject {
    Q_OBJECT
private slots:
    void rootIsTheFileSystemImage()
    {
        auto image = test::openLvmDisk(QStringLiteral("lvm-mbr.raw"));
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        const LogicalVolumeInfo* root = test::findLv(layout, QStringLiteral("cvmilvmt_mbr/root"));
        QVERIFY(root);
        lvm::LvmVolume volume(*image, *root);
        QCOMPARE(volume.virtualSize(), 8 * kMiB);
        QCOMPARE(volume.subformat(), QStringLiteral("linear"));
        const QByteArray expected = fixtureBytes(QStringLiteral("root-fs.img"), 0, 8 * kMiB);
        QCOMPARE(expected.size(), qsizetype(8 * kMiB));
        QVERIFY(readVolume(volume, 0, 8 * kMiB) == expected);
        // The ext4 superblock magic, read through the volume.
        QCOMPARE(readVolume(volume, 1024 + 56, 2), QByteArray("\x53\xef"));
    }

    void readsStraddleSegments_data()
    {
        QTest::addColumn<QString>("disk");
        QTest::addColumn<QString>("lv");
        QTest::addColumn<QString>("source");
        QTest::addColumn<uint64_t>("offset");
        QTest::addColumn<uint64_t>("length");
        // data: two segments on one PV (extents 2 and 7); span root: PV 1 then PV 2 at 28 MiB.
        QTest::newRow("two segments") << "lvm-mbr.raw"
                                      << "cvmilvmt_mbr/data"
                                      << "data.bin" << 4 * kMiB - 1000 << uint64_t(5000);
        QTest::newRow("whole data") << "lvm-mbr.raw"
                                    << "cvmilvmt_mbr/data"
                                    << "data.bin" << uint64_t(0) << 8 * kMiB;
        QTest::newRow("two pvs") << "lvm-span.raw"
                                 << "cvmilvmt_span/root"
                                 << "span.bin" << 28 * kMiB - 77 << uint64_t(1 << 20);
        QTest::newRow("second pv") << "lvm-span.raw"
                                   << "cvmilvmt_span/root"
                                   << "span.bin" << 28 * kMiB << 4 * kMiB;
    }

    void readsStraddleSegments()
    {
        QFETCH(QString, disk);
        QFETCH(QString, lv);
        QFETCH(QString, source);
        QFETCH(uint64_t, offset);
        QFETCH(uint64_t, length);
        auto image = test::openLvmDisk(disk);
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        const LogicalVolumeInfo* info = test::findLv(layout, lv);
        QVERIFY(info && info->obstacle.isEmpty());
        lvm::LvmVolume volume(*image, *info);
        const QByteArray expected = fixtureBytes(source, offset, length);
        QCOMPARE(expected.size(), qsizetype(length));
        QVERIFY(readVolume(volume, offset, length) == expected);
    }

    void readsPastTheEndFail()
    {
        auto image = test::openLvmDisk(QStringLiteral("lvm-span.raw"));
        QVERIFY(image);
        const DiskLayout layout = test::scanLvmDisk(*image);
        const LogicalVolumeInfo* info = test::findLv(layout, QStringLiteral("cvmilvmt_span/root"));
        QVERIFY(info);
        lvm::LvmVolume volume(*image, *info);
        char buffer[32];
        Error error;
        QVERIFY(!volume.read(40 * kMiB - 16, buffer, sizeof buffer, &error));
        QCOMPARE(error.code, QStringLiteral("out_of_range"));
        QVERIFY(volume.read(40 * kMiB - 16, buffer, 16, &error));
        QVERIFY(volume.read(40 * kMiB, buffer, 0, &error));
    }

    void handMadeExtents()
    {
        CountingDisk disk;
        LogicalVolumeInfo info;
        info.vg = QStringLiteral("vg");
        info.lv = QStringLiteral("lv");
        info.size = 300;
        // Out of order on purpose; the middle one lies before the first on the disk.
        info.extents = {VolumeExtent{100, 100, 500}, VolumeExtent{0, 100, 1000},
                        VolumeExtent{200, 100, 3000}};
        lvm::LvmVolume volume(disk, info);
        QByteArray got(300, '\0');
        Error error;
        QVERIFY(volume.read(0, got.data(), 300, &error));
        for (int i = 0; i < 300; ++i) {
            const uint64_t at = i < 100 ? 1000 + i : i < 200 ? 500 + (i - 100) : 3000 + (i - 200);
            QCOMPARE(uint8_t(got[i]), uint8_t(at % 251));
        }
        // A hole in the extents is an error, not zeros.
        info.extents.removeAt(0);
        lvm::LvmVolume holed(disk, info);
        QVERIFY(!holed.read(50, got.data(), 100, &error));
        QCOMPARE(error.code, QStringLiteral("lvm_unmapped"));
        QVERIFY(error.message.contains(QLatin1String("vg/lv")));
    }
};

QTEST_GUILESS_MAIN(TestLvmVolume)
#include "tst_lvmvolume.moc"
