// core/util/Units: the one home of how sizes and durations are written, for the wizard and the CLI.
#include "util/Units.h"

#include <QLocale>
#include <QTest>

using namespace cvmi;

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    // English figures whatever the machine: "53,687,091,200" as in the README.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void durationsInWords_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("negative is zero") << qint64(-5) << QStringLiteral("0 s");
        QTest::newRow("seconds") << qint64(42) << QStringLiteral("42 s");
        QTest::newRow("one minute") << qint64(60) << QStringLiteral("1 min 0 s");
        QTest::newRow("minutes") << qint64(247) << QStringLiteral("4 min 7 s");
        QTest::newRow("just under an hour") << qint64(3599) << QStringLiteral("59 min 59 s");
        QTest::newRow("hours drop the seconds") << qint64(7300) << QStringLiteral("2 h 1 min");
        QTest::newRow("a day") << qint64(90000) << QStringLiteral("25 h 0 min");
    }
    void durationsInWords()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(formatDuration(seconds), text);
    }

    void clocks_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("clock");
        QTest::addColumn<QString>("shortClock");
        QTest::newRow("unknown") << qint64(-1) << QStringLiteral("0:00:00")
                                 << QStringLiteral("--:--");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00:00") << QStringLiteral("0:00");
        QTest::newRow("seconds") << qint64(5) << QStringLiteral("0:00:05")
                                 << QStringLiteral("0:05");
        QTest::newRow("minutes") << qint64(247) << QStringLiteral("0:04:07")
                                 << QStringLiteral("4:07");
        QTest::newRow("an hour") << qint64(3600) << QStringLiteral("1:00:00")
                                 << QStringLiteral("1:00:00");
        QTest::newRow("hours") << qint64(3723) << QStringLiteral("1:02:03")
                               << QStringLiteral("1:02:03");
    }
    void clocks()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, clock);
        QFETCH(QString, shortClock);
        QCOMPARE(formatClock(seconds), clock);
        QCOMPARE(formatShortClock(seconds), shortClock);
    }

    void sizes()
    {
        QCOMPARE(formatBytes(0), QStringLiteral("0 bytes"));
        QCOMPARE(formatBytes(50ull << 30), QStringLiteral("50.0 GiB"));
        QCOMPARE(formatBytesExact(53687091200ull),
                 QStringLiteral("50.0 GiB (53,687,091,200 bytes)"));
    }

    // A moment names its zone and gives UTC beside it, wherever the user is.
    void moments()
    {
        const QByteArray savedTz = qgetenv("TZ");
        qputenv("TZ", "Asia/Shanghai");
        const QDateTime moment(QDate(2026, 12, 6), QTime(21, 45), Qt::UTC);
        const QString shanghai = formatMoment(moment);
        QVERIFY2(shanghai.contains(QStringLiteral("5:45")), qPrintable(shanghai));
        QVERIFY2(shanghai.contains(QStringLiteral("9:45")) && shanghai.endsWith(u"UTC)"),
                 qPrintable(shanghai));
        QVERIFY2(shanghai.contains(QStringLiteral("CST")) || shanghai.contains(u"+08"),
                 qPrintable(shanghai));
        qputenv("TZ", "UTC");
        const QString utc = formatMoment(moment);
        QVERIFY2(utc.contains(QStringLiteral("9:45")) && utc.contains(u"UTC") &&
                     !utc.contains(u'('),
                 qPrintable(utc));
        if (savedTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", savedTz);
        QCOMPARE(formatMoment(QDateTime()), QStringLiteral("—"));
    }

    void parsedSizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("perSecond");
        QTest::addColumn<qint64>("bytes"); // -1: refused
        QTest::newRow("plain") << QStringLiteral("1048576") << false << qint64(1048576);
        QTest::newRow("M") << QStringLiteral("8M") << false << qint64(8) * 1024 * 1024;
        QTest::newRow("MiB spaced") << QStringLiteral("64 MiB") << false << (qint64(64) << 20);
        QTest::newRow("fraction") << QStringLiteral("1.5G") << false
                                  << qint64(3) * 512 * 1024 * 1024;
        QTest::newRow("k") << QStringLiteral("512k") << false << qint64(512) * 1024;
        QTest::newRow("rate") << QStringLiteral("4M/s") << true << qint64(4) * 1024 * 1024;
        QTest::newRow("rate not allowed") << QStringLiteral("4M/s") << false << qint64(-1);
        QTest::newRow("word") << QStringLiteral("lots") << false << qint64(-1);
        QTest::newRow("beyond 2^62") << QStringLiteral("8388608T") << false << qint64(-1);
    }
    void parsedSizes()
    {
        QFETCH(QString, text);
        QFETCH(bool, perSecond);
        QFETCH(qint64, bytes);
        const std::optional<qint64> parsed = parseByteSize(text, perSecond);
        if (bytes < 0)
            QVERIFY2(!parsed, qPrintable(text));
        else
            QCOMPARE(parsed.value_or(-1), bytes);
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
