// The estimate of a converted upload against the real stream: close for a file system of real
// files, "not worth it" for random bytes, and free of data reads in the holes.
#include "ConvertSupport.h"
#include "convert/Qcow2Estimate.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::test;

class TestQcow2Estimate : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void closeToTheStream_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<double>("tolerance"); // the estimate within [actual/t, actual×t]
        QTest::newRow("raw ext4") << "fs.raw" << 1.25;
        QTest::newRow("qcow2") << "fs.qcow2" << 1.25;
        // A few MiB of data in 1.25 GiB: the sample sees few of its clusters.
        QTest::newRow("vhd mixed") << "mixed.vhd" << 2.0;
    }
    void closeToTheStream()
    {
        QFETCH(QString, source);
        QFETCH(double, tolerance);
        const QString src = convertFixture(source);
        Error error;
        auto image = disk::openDiskImage(src, &error);
        QVERIFY(image);
        const auto estimate =
            convert::estimateQcow2(*image, uint64_t(QFileInfo(src).size()), &error, 256);
        QVERIFY2(estimate, qPrintable(error.message));
        const qint64 actual =
            convertToFile(src, m_dir.filePath(source + QStringLiteral(".q")), &error);
        QVERIFY(actual > 0);
        qInfo("%s: estimated %llu, actual %lld, sampled %d (%d zero)", qPrintable(source),
              qulonglong(estimate->estimatedBytes), actual, estimate->sampledClusters,
              estimate->sampledZeroClusters);
        QCOMPARE(estimate->sampledClusters, 256);
        QVERIFY(estimate->mappedBytes > 0 && estimate->mappedBytes <= estimate->virtualSize);
        QVERIFY(double(estimate->estimatedBytes) > double(actual) / tolerance);
        QVERIFY(double(estimate->estimatedBytes) < double(actual) * tolerance);
    }

    void randomBytesAreNotWorthIt()
    {
        const QString path = m_dir.filePath(QStringLiteral("random.raw"));
        QByteArray stdOut;
        QVERIFY(runTool(QStringLiteral("sh"),
                        {QStringLiteral("-c"),
                         QStringLiteral("head -c 16777216 /dev/urandom > '%1'").arg(path)}));
        Error error;
        auto image = disk::openDiskImage(path, &error);
        QVERIFY(image);
        const auto estimate = convert::estimateQcow2(*image, 16 << 20, &error);
        QVERIFY(estimate);
        QVERIFY(!estimate->worthConverting());
        QVERIFY(estimate->estimatedBytes >= uint64_t(16) << 20);
    }

    void sparseRawIsWorthIt()
    {
        const QString src = convertFixture(QStringLiteral("mixed.raw"));
        Error error;
        auto image = disk::openDiskImage(src, &error);
        QVERIFY(image);
        const auto estimate =
            convert::estimateQcow2(*image, uint64_t(QFileInfo(src).size()), &error);
        QVERIFY(estimate);
        QVERIFY(estimate->worthConverting());
    }
};

QTEST_GUILESS_MAIN(TestQcow2Estimate)
#include "tst_qcow2estimate.moc"
