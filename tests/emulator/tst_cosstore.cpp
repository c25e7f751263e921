// CosStore, the emulator's COS state on disk: objects under any key COS takes, listed with
// their keys as given.
#include "CosStore.h"

#include <QTemporaryDir>
#include <QTest>

using cvmi::emu::BucketInfo;
using cvmi::emu::CosStore;

class TestCosStore : public QObject {
    Q_OBJECT
private slots:
    void keysUpToCosLimit_data();
    void keysUpToCosLimit();
};

void TestCosStore::keysUpToCosLimit_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("plain") << QStringLiteral("centos7.qcow2");
    QTest::newRow("dot-dot and slashes") << QStringLiteral("../images/./a/../b.vmdk");
    // 850 bytes, COS's limit, in three-byte characters: its hex would be 1700 characters, far
    // over a file name's 255.
    QTest::newRow("850 bytes") << QStringLiteral("镜").repeated(283) + QStringLiteral("a");
}

void TestCosStore::keysUpToCosLimit()
{
    QFETCH(QString, key);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CosStore store(dir.path());
    QString error;
    QVERIFY2(store.load(&error), qPrintable(error));
    QVERIFY2(store.createBucket(BucketInfo{QStringLiteral("images-1250000000"),
                                           QStringLiteral("1250000000"),
                                           QStringLiteral("ap-guangzhou"), 0, false},
                                &error),
             qPrintable(error));
    const QString bucket = QStringLiteral("images-1250000000");
    const QByteArray data("disk bytes");
    QVERIFY2(
        store.putObject(bucket, key, data, QStringLiteral("application/octet-stream"), 1, &error),
        qPrintable(error));

    // A second store on the same folder: what a restarted emulator sees.
    CosStore again(dir.path());
    QVERIFY2(again.load(&error), qPrintable(error));
    const auto listed = again.objects(bucket);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().key, key);
    QCOMPARE(listed.first().size, data.size());
    QCOMPARE(again.readObject(bucket, key, 0, 100), data);
    QVERIFY(again.deleteObject(bucket, key));
    QVERIFY(again.objects(bucket).isEmpty());
}

QTEST_GUILESS_MAIN(TestCosStore)
#include "tst_cosstore.moc"
