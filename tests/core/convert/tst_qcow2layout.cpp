// Qcow2Layout on its own: clusters chosen by the test (compressed, stored, left out, in one or
// several 512 MiB ranges, pending behind compressed ones), the stream checked by qemu-img and
// read back through our qcow2 reader.
#include "ConvertSupport.h"
#include "convert/ClusterCodec.h"
#include "convert/Qcow2Layout.h"
#include "disk/DiskImageOpener.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace cvmi;
using namespace cvmi::convert;
using namespace cvmi::test;

namespace {

using Disk = std::map<uint64_t, QByteArray>; // guest cluster → its 64 KiB

QByteArray cluster(int kind, QRandomGenerator& random)
{
    QByteArray c(qsizetype(Qcow2Layout::clusterSize), '\0');
    switch (kind) {
    case 0: // random: stored as it is
        for (qsizetype i = 0; i < c.size(); i += 4) {
            const quint32 v = random.generate();
            std::memcpy(c.data() + i, &v, 4);
        }
        break;
    case 1: // one byte repeated: a tiny compressed cluster
        c.fill(char(1 + random.bounded(200)));
        break;
    case 2: // text
        for (qsizetype i = 0; i < c.size(); ++i)
            c[i] = char('a' + (i * 7 + i / 100) % 26);
        break;
    default: // zeros: left out
        break;
    }
    return c;
}

QByteArray layOut(uint64_t virtualSize, const Disk& disk, uint64_t* headerSize)
{
    Qcow2Layout layout(virtualSize);
    ClusterCodec codec(6);
    QByteArray out;
    layout.begin(&out);
    for (const auto& [index, bytes] : disk)
        layout.add(index, codec.encode(bytes.constData(), size_t(bytes.size())), &out);
    layout.finish(&out);
    const QByteArray header = layout.header();
    *headerSize = layout.headerSize();
    out.replace(0, header.size(), header);
    if (uint64_t(out.size()) != layout.length())
        return {};
    return out;
}

} // namespace

class TestQcow2Layout : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    void verify(uint64_t virtualSize, const Disk& disk)
    {
        uint64_t headerSize = 0;
        const QByteArray bytes = layOut(virtualSize, disk, &headerSize);
        QVERIFY(!bytes.isEmpty());
        const QString path = m_dir.filePath(QStringLiteral("layout.qcow2"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        const ToolResult check = runQemuImg({QStringLiteral("check"), path});
        QVERIFY2(check.exitCode == 0 && check.output.contains("No errors were found"),
                 check.output.constData());
        QVERIFY2(!check.output.contains("leaked"), check.output.constData());

        Error error;
        auto image = disk::openDiskImage(path, &error);
        QVERIFY2(image, qPrintable(error.message));
        QCOMPARE(image->virtualSize(), Qcow2Layout::qcow2Size(virtualSize));
        QByteArray got(qsizetype(Qcow2Layout::clusterSize), '\0');
        const QByteArray zeros(got.size(), '\0');
        // Every stored cluster, and the clusters around them, read as they should.
        for (const auto& [index, want] : disk) {
            for (uint64_t c : {index, index + 1}) {
                const uint64_t at = c * Qcow2Layout::clusterSize;
                if (at >= virtualSize)
                    continue;
                const size_t n = size_t(std::min<uint64_t>(got.size(), virtualSize - at));
                QVERIFY2(image->read(at, got.data(), n, &error), qPrintable(error.message));
                const auto it = disk.find(c);
                const QByteArray& expected = it == disk.end() ? zeros : it->second;
                QVERIFY2(std::memcmp(got.constData(), expected.constData(), n) == 0,
                         qPrintable(QStringLiteral("cluster %1").arg(c)));
            }
        }
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void emptyDisk() { verify(64 << 20, {}); }
    void zeroSizedDisk() { verify(0, {}); }
    void onlyZeroClusters()
    {
        QRandomGenerator random(1);
        verify(64 << 20, {{0, cluster(3, random)}, {5, cluster(3, random)}});
    }

    // Random, tiny and text clusters mixed: stored clusters wait behind compressed bytes and
    // go out 16 at a time or at a cluster boundary; several ranges, each with its L2 table.
    void mixedClustersAcrossRanges_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 6; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }
    void mixedClustersAcrossRanges()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const uint64_t virtualSize = (uint64_t(3) << 30) + 4096 + 512 * random.bounded(7);
        const uint64_t clusters = (virtualSize + 65535) / 65536;
        Disk disk;
        for (int i = 0; i < 300; ++i)
            disk[random.bounded(quint64(clusters))] = cluster(random.bounded(4), random);
        for (uint64_t c = 100; c < 140; ++c) // a run, mostly incompressible
            disk[c] = cluster(c % 5 == 0 ? 1 : 0, random);
        disk[clusters - 1] = cluster(2, random); // the disk's short last cluster
        verify(virtualSize, disk);
    }

    // Thousands of tiny compressed clusters share host clusters: their refcounts add up.
    void manyTinyCompressedClusters()
    {
        QRandomGenerator random(7);
        Disk disk;
        for (uint64_t c = 0; c < 3000; ++c)
            disk[c] = cluster(1, random);
        verify(uint64_t(3000) * 65536, disk);
    }

    // The refcount table reserved in the header region holds every block a disk can need.
    void refcountTableBound()
    {
        for (uint64_t size : {uint64_t(1) << 20, uint64_t(1) << 40, Qcow2Layout::maxVirtualSize}) {
            Qcow2Layout layout(size);
            // Worst case: every guest cluster stored as it is, with as much padding.
            const uint64_t clusters = 2 * (size >> 16) + 1024;
            QVERIFY(layout.maxRefcountBlocks() * Qcow2Layout::refcountsPerBlock >= clusters);
            QVERIFY(layout.headerSize() <= (uint64_t(4) << 20));
        }
    }
};

QTEST_GUILESS_MAIN(TestQcow2Layout)
#include "tst_qcow2layout.moc"
