// PartVerifier: every part already sent read again and compared, and a stop on request.
#include "transfer/PartVerifier.h"
#include "util/Crc64.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <thread>

using namespace cvmi;
using namespace cvmi::transfer;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

} // namespace

class TestPartVerifier : public QObject {
    Q_OBJECT

private slots:
    void partVerifierReadsEveryPart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.bin"));
        QByteArray data(3 * 1024 * 1024 + 77, Qt::Uninitialized);
        QRandomGenerator(3).fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        const qint64 mib = 1024 * 1024;
        // Parts 1 and 3 (part 2 not reused) and the short last part.
        const QList<PartRange> ranges{{1, 0, mib}, {3, 2 * mib, mib}, {4, 3 * mib, 77}};
        std::atomic_int calls = 0;
        PartVerifier verifier(path, ranges, [&] { ++calls; });
        QTRY_VERIFY_WITH_TIMEOUT(verifier.finished(), 10000);
        QVERIFY(verifier.readError().isEmpty());
        QCOMPARE(verifier.partsRead(), 3);
        QCOMPARE(verifier.bytesRead(), 2 * mib + 77);
        const auto crcs = verifier.crcs();
        QCOMPARE(crcs.size(), 3);
        QCOMPARE(crcs.value(1), util::Crc64::compute(data.constData(), mib));
        QCOMPARE(crcs.value(3), util::Crc64::compute(data.constData() + 2 * mib, mib));
        QCOMPARE(crcs.value(4), util::Crc64::compute(data.constData() + 3 * mib, 77));
        QVERIFY(calls >= 4); // each part, and the end

        PartVerifier shrunk(path, {{1, 0, mib}, {5, 3 * mib, mib}}, [] {});
        QTRY_VERIFY_WITH_TIMEOUT(shrunk.finished(), 10000);
        QCOMPARE(shrunk.failedPart(), 5);
        QVERIFY(!shrunk.readError().isEmpty());
        QCOMPARE(shrunk.crcs().keys(), QList<int>{1});
    }
    void partVerifierStops()
    {
        // 64 GiB of holes: far more than can be read in the time this test allows, so the
        // verifier is still reading when it is told to stop, and must stop at once.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sparse.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const qint64 gib = 1024LL * 1024 * 1024;
        if (!f.resize(64 * gib))
            QSKIP("this file system has no sparse files");
        f.close();
        QList<PartRange> ranges;
        for (int n = 1; n <= 64; ++n)
            ranges.append({n, (n - 1) * gib, gib});
        PartVerifier verifier(path, ranges, [] {});
        QTRY_VERIFY_WITH_TIMEOUT(verifier.bytesRead() > 0, 10000);
        QElapsedTimer timer;
        timer.start();
        verifier.stop();
        QTRY_VERIFY_WITH_TIMEOUT(verifier.finished(), 2000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(verifier.partsRead() < 64);
    }
};

QTEST_GUILESS_MAIN(TestPartVerifier)
#include "tst_partverifier.moc"
