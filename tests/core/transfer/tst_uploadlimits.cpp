// transfer::UploadLimits: the bounds of the upload's part size, concurrency and rate limit, the
// checks with the message they give, and that the planner and the engine's clamp keep to them.
#include "transfer/PartPlanner.h"
#include "transfer/UploadLimits.h"

#include <QTest>

using namespace cvmi;
using namespace cvmi::transfer;

class TestUploadLimits : public QObject {
    Q_OBJECT
private slots:
    void partSize_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<bool>("ok");
        const qint64 MiB = UploadLimits::MiB;
        QTest::newRow("auto") << qint64(0) << true;
        QTest::newRow("1 MiB") << MiB << true;
        QTest::newRow("just under 1 MiB") << MiB - 1 << false;
        QTest::newRow("8 MiB") << 8 * MiB << true;
        QTest::newRow("5 GiB") << 5 * 1024 * MiB << true;
        QTest::newRow("just over 5 GiB") << 5 * 1024 * MiB + 1 << false;
        QTest::newRow("negative") << qint64(-1) << false;
    }

    void partSize()
    {
        QFETCH(qint64, bytes);
        QFETCH(bool, ok);
        Error error;
        QCOMPARE(UploadLimits::checkPartSize(bytes, &error), ok);
        QCOMPARE(error.isSet(), !ok);
        if (!ok) {
            QCOMPARE(error.code, QStringLiteral("settings.part_size"));
            QVERIFY2(error.message.contains(QString::number(bytes)), qPrintable(error.message));
            QVERIFY2(error.message.contains(QLatin1String("1 MiB to 5 GiB")),
                     qPrintable(error.message));
        }
        // "auto" is a setting, not a size: the range alone refuses it.
        QCOMPARE(UploadLimits::partSizeInRange(bytes), ok && bytes != 0);
    }

    void concurrency()
    {
        for (int parts = -1; parts <= 40; ++parts) {
            Error error;
            const bool ok = parts >= 1 && parts <= 32;
            QCOMPARE(UploadLimits::checkConcurrency(parts, &error), ok);
            QCOMPARE(UploadLimits::concurrencyInRange(parts), ok);
            QCOMPARE(UploadLimits::boundedConcurrency(parts), qBound(1, parts, 32));
            if (!ok) {
                QCOMPARE(error.code, QStringLiteral("settings.concurrency"));
                QCOMPARE(error.message,
                         QStringLiteral("%1 parallel uploads is not possible: use 1 to 32 "
                                        "(default 4).")
                             .arg(parts));
            }
        }
        QCOMPARE(UploadLimits::defaultConcurrency, 4);
    }

    void rateLimit()
    {
        Error error;
        QVERIFY(UploadLimits::checkRateLimit(0, &error));
        QVERIFY(UploadLimits::checkRateLimit(UploadLimits::minUsefulRate, &error));
        QVERIFY(!error.isSet());
        QVERIFY(!UploadLimits::checkRateLimit(-5, &error));
        QCOMPARE(error.code, QStringLiteral("settings.rate_limit"));
        QVERIFY2(error.message.contains(QLatin1String("-5")), qPrintable(error.message));
        QCOMPARE(UploadLimits::minUsefulRate, qint64(1024));
    }

    // The planner cuts within the same bounds the settings and the CLI accept.
    void plannerKeepsToTheLimits()
    {
        const qint64 file = 100 * UploadLimits::maxPartSize;
        Error error;
        QVERIFY(PartPlanner::plan(file, UploadLimits::minPartSize * 1024, -1, &error));
        QVERIFY(PartPlanner::plan(file, UploadLimits::maxPartSize, -1, &error));
        QVERIFY(!PartPlanner::plan(file, UploadLimits::maxPartSize + 1, -1, &error));
        QCOMPARE(error.code, QStringLiteral("upload.part_size"));
        error = {};
        QVERIFY(!PartPlanner::plan(file, UploadLimits::minPartSize - 1, -1, &error));
        const auto automatic = PartPlanner::plan(100 * UploadLimits::MiB, 0, -1, &error);
        QVERIFY(automatic);
        QCOMPARE(automatic->partSize, UploadLimits::defaultPartSize);
    }
};

QTEST_GUILESS_MAIN(TestUploadLimits)
#include "tst_uploadlimits.moc"
