// PartPlanner: the part size and count within COS's limits (10,000 parts, 5 GiB a part), the
// single-PUT threshold, and the sizes it refuses.
#include "transfer/PartPlanner.h"

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
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

} // namespace

class TestPartPlanner : public QObject {
    Q_OBJECT

private slots:
    void plan_data()
    {
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<qint64>("threshold");
        QTest::addColumn<bool>("single");
        QTest::addColumn<qint64>("partSize");
        QTest::addColumn<int>("parts");
        QTest::newRow("empty") << 0LL << 0LL << -1LL << true << 1LL << 1;
        QTest::newRow("small") << 100LL << 0LL << -1LL << true << 100LL << 1;
        QTest::newRow("exactly one part") << 8 * MiB << 0LL << -1LL << true << 8 * MiB << 1;
        QTest::newRow("one byte over") << 8 * MiB + 1 << 0LL << -1LL << false << 8 * MiB << 2;
        QTest::newRow("2 GiB auto") << 2 * GiB << 0LL << -1LL << false << 8 * MiB << 256;
        QTest::newRow("50 GiB auto") << 50 * GiB << 0LL << -1LL << false << 8 * MiB << 6400;
        // 100 GiB / 10,000 = 10.24 MiB: rounded up to 11 MiB.
        QTest::newRow("100 GiB auto") << 100 * GiB << 0LL << -1LL << false << 11 * MiB << 9310;
        QTest::newRow("max object") << 10000 * 5 * GiB << 0LL << -1LL << false << 5 * GiB << 10000;
        QTest::newRow("requested 1 MiB") << 5 * MiB << MiB << -1LL << false << MiB << 5;
        QTest::newRow("threshold 0 forces multipart")
            << 3 * MiB << 2 * MiB << 0LL << false << 2 * MiB << 2;
        QTest::newRow("threshold above part")
            << 20 * MiB << 8 * MiB << 32 * MiB << true << 20 * MiB << 1;
    }
    void plan()
    {
        QFETCH(qint64, fileSize);
        QFETCH(qint64, requested);
        QFETCH(qint64, threshold);
        QFETCH(bool, single);
        QFETCH(qint64, partSize);
        QFETCH(int, parts);
        Error error;
        const auto p = PartPlanner::plan(fileSize, requested, threshold, &error);
        QVERIFY2(p, qPrintable(error.message));
        QCOMPARE(p->singlePut, single);
        QCOMPARE(p->partSize, partSize);
        QCOMPARE(p->partCount, parts);
        QVERIFY(p->partCount <= PartPlanner::maxParts);
        if (!single) {
            const int last = p->partCount;
            QCOMPARE(p->offsetOf(last) + p->lengthOf(last), fileSize);
            QVERIFY(p->lengthOf(last) > 0 && p->lengthOf(last) <= p->partSize);
        }
    }
    void planRefusals_data()
    {
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<QString>("code");
        QTest::newRow("part below 1 MiB") << 10 * MiB << MiB - 1 << "upload.part_size";
        QTest::newRow("part above 5 GiB") << 10 * GiB << 5 * GiB + 1 << "upload.part_size";
        QTest::newRow("too many parts") << 20000 * MiB << MiB << "upload.part_size";
        QTest::newRow("too large") << 10000 * 5 * GiB + 1 << 0LL << "upload.too_large";
    }
    void planRefusals()
    {
        QFETCH(qint64, fileSize);
        QFETCH(qint64, requested);
        QFETCH(QString, code);
        Error error;
        QVERIFY(!PartPlanner::plan(fileSize, requested, 0, &error));
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
    }
    void planMinimumOverride()
    {
        Error error;
        const auto p = PartPlanner::plan(1000, 100, 0, &error, 64);
        QVERIFY(p);
        QCOMPARE(p->partCount, 10);
    }

    // A converted upload: the part size from the disk's worst case, at least the header region.
    void streamPartSize_data()
    {
        QTest::addColumn<qint64>("maxLength");
        QTest::addColumn<qint64>("headerSize");
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<qint64>("expected"); // -1: refused
        QTest::newRow("small disk: 8 MiB") << 2 * GiB << 192 * KiB << qint64(0) << 8 * MiB;
        QTest::newRow("2 TiB disk: fits 10,000 parts")
            << 2048 * GiB << 4 * MiB << qint64(0) << 210 * MiB;
        QTest::newRow("requested, fits") << 2 * GiB << 192 * KiB << 16 * MiB << 16 * MiB;
        QTest::newRow("requested, too small for the disk")
            << 2048 * GiB << 192 * KiB << 8 * MiB << qint64(-1);
        QTest::newRow("requested, below the header")
            << 64 * MiB << 3 * MiB << 2 * MiB << qint64(-1);
        QTest::newRow("automatic, above the header") << 64 * MiB << 9 * MiB << qint64(0) << 9 * MiB;
        QTest::newRow("over COS's limit")
            << 10000 * 5 * GiB + 1 << 192 * KiB << qint64(0) << qint64(-1);
    }
    void streamPartSize()
    {
        QFETCH(qint64, maxLength);
        QFETCH(qint64, headerSize);
        QFETCH(qint64, requested);
        QFETCH(qint64, expected);
        Error error;
        const auto size = PartPlanner::streamPartSize(maxLength, headerSize, requested, &error);
        if (expected < 0) {
            QVERIFY(!size);
            QVERIFY(error.code.startsWith(QLatin1String("upload.")));
            return;
        }
        QVERIFY2(size, qPrintable(error.message));
        QCOMPARE(*size, expected);
        QVERIFY((maxLength + *size - 1) / *size <= PartPlanner::maxParts);
    }
};

QTEST_GUILESS_MAIN(TestPartPlanner)
#include "tst_partplanner.moc"
