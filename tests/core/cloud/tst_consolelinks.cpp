// core/cloud/ConsoleLinks: the console's image list for a region, with the console's region
// number only where it is known, and nothing of the region id leaking into the host or path.
#include "cloud/ConsoleLinks.h"

#include <QTest>
#include <QUrlQuery>

using cvmi::cloud::ConsoleLinks;

class TestConsoleLinks : public QObject {
    Q_OBJECT
private slots:
    void knownNumbers_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<int>("number");
        QTest::newRow("guangzhou") << QStringLiteral("ap-guangzhou") << 1;
        QTest::newRow("shanghai") << QStringLiteral("ap-shanghai") << 4;
        QTest::newRow("beijing") << QStringLiteral("ap-beijing") << 8;
        QTest::newRow("nanjing") << QStringLiteral("ap-nanjing") << 33;
    }
    void knownNumbers()
    {
        QFETCH(QString, region);
        QFETCH(int, number);
        QCOMPARE(ConsoleLinks::regionNumber(region), std::optional<int>(number));
        const QUrl url = ConsoleLinks::imageList(region);
        QCOMPARE(url.scheme(), QStringLiteral("https"));
        QCOMPARE(url.host(), QStringLiteral("console.cloud.tencent.com"));
        QCOMPARE(url.path(), QStringLiteral("/cvm/image"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("rid")), QString::number(number));
        QCOMPARE(query.queryItemValue(QStringLiteral("imageType")),
                 QStringLiteral("PRIVATE_IMAGE"));
    }

    // An unknown number, or a region that is not one: the list without rid, never a wrong
    // region and never the text in the URL.
    void unknownRegionsOpenTheListWithoutNumber_data()
    {
        QTest::addColumn<QString>("region");
        QTest::newRow("not confirmed") << QStringLiteral("eu-frankfurt");
        QTest::newRow("empty") << QString();
        QTest::newRow("made up") << QStringLiteral("xx-nowhere");
        QTest::newRow("hostile") << QStringLiteral("ap-guangzhou&rid=9#x");
        QTest::newRow("case") << QStringLiteral("AP-GUANGZHOU");
    }
    void unknownRegionsOpenTheListWithoutNumber()
    {
        QFETCH(QString, region);
        QVERIFY(!ConsoleLinks::regionNumber(region));
        const QUrl url = ConsoleLinks::imageList(region);
        QVERIFY(url.isValid());
        QCOMPARE(url.host(), QStringLiteral("console.cloud.tencent.com"));
        QCOMPARE(url.path(), QStringLiteral("/cvm/image"));
        QVERIFY(!QUrlQuery(url).hasQueryItem(QStringLiteral("rid")));
        QVERIFY(url.fragment().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsoleLinks)
#include "tst_consolelinks.moc"
