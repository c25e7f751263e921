// core/cloud/Regions: the one home of region ids, the default, the shipped list and the names
// shown for a region (ours, translated, rather than DescribeRegions' English ones).
#include "TestSupport.h"
#include "cloud/Regions.h"

#include "util/Translations.h"

#include <QSet>
#include <QTest>
#include <QTranslator>

using cvmi::cloud::KnownRegion;
using cvmi::cloud::Regions;

class TestRegions : public QObject {
    Q_OBJECT
private slots:
    void ids_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("guangzhou") << QStringLiteral("ap-guangzhou") << true;
        QTest::newRow("silicon valley") << QStringLiteral("na-siliconvalley") << true;
        QTest::newRow("finance zone") << QStringLiteral("ap-shanghai-fsi") << true;
        QTest::newRow("four parts") << QStringLiteral("ap-shanghai-fsi-a") << true;
        QTest::newRow("five parts") << QStringLiteral("ap-shanghai-fsi-a-b") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no dash") << QStringLiteral("guangzhou") << false;
        QTest::newRow("upper case") << QStringLiteral("AP-guangzhou") << false;
        QTest::newRow("a host") << QStringLiteral("ap-guangzhou.evil.com") << false;
        QTest::newRow("a path") << QStringLiteral("ap-guangzhou/x") << false;
        QTest::newRow("a space") << QStringLiteral("ap- guangzhou") << false;
        QTest::newRow("too long") << (QStringLiteral("ap-") + QString(62, u'a')) << false;
    }
    void ids()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(Regions::isValidId(id), valid);
    }

    void shippedList()
    {
        const QList<KnownRegion> regions = Regions::importRegions();
        QVERIFY(regions.size() >= 10);
        QSet<QString> ids;
        for (const KnownRegion& region : regions) {
            QVERIFY2(Regions::isValidId(region.id), qPrintable(region.id));
            QVERIFY2(!region.name.isEmpty(), qPrintable(region.id));
            QVERIFY2(!ids.contains(region.id), qPrintable(region.id));
            ids.insert(region.id);
        }
        // The default is one of them, and first: the list starts where a new user starts.
        QVERIFY(Regions::isValidId(Regions::defaultRegion()));
        QCOMPARE(regions.first().id, Regions::defaultRegion());
    }

    void displayNames()
    {
        // Ours win over the service's (which lacks a space and is always English).
        QCOMPARE(Regions::displayName(QStringLiteral("ap-guangzhou"),
                                      QStringLiteral("South China(Guangzhou)")),
                 QStringLiteral("South China (Guangzhou)"));
        QCOMPARE(Regions::displayName(QStringLiteral("ap-shanghai-fsi")),
                 QStringLiteral("East China (Shanghai Finance)"));
        // A region we do not know: the service's name, else the id.
        QCOMPARE(Regions::displayName(QStringLiteral("ap-newtown"), QStringLiteral(" New Town ")),
                 QStringLiteral("New Town"));
        QCOMPARE(Regions::displayName(QStringLiteral("ap-newtown")), QStringLiteral("ap-newtown"));
        QCOMPARE(Regions::label(QStringLiteral("ap-guangzhou")),
                 QStringLiteral("ap-guangzhou — South China (Guangzhou)"));
        QCOMPARE(Regions::label(QStringLiteral("ap-newtown")), QStringLiteral("ap-newtown"));
        // The shipped list uses the same names.
        for (const KnownRegion& region : Regions::importRegions())
            QCOMPARE(Regions::displayName(region.id), region.name);
    }

    void displayNamesInChinese()
    {
        QCOMPARE(cvmi::util::installTranslations(*qApp, QStringLiteral("zh_CN")),
                 QStringLiteral("zh_CN"));
        QCOMPARE(Regions::displayName(QStringLiteral("ap-guangzhou"),
                                      QStringLiteral("South China(Guangzhou)")),
                 QStringLiteral("华南地区（广州）"));
        QCOMPARE(Regions::importRegions().first().name, QStringLiteral("华南地区（广州）"));
        // Every known region has its Chinese name (none left in English).
        for (const KnownRegion& region : Regions::importRegions())
            QVERIFY2(!region.name.contains(u'('), qPrintable(region.name));
        cvmi::test::removeTranslations();
    }
};

QTEST_GUILESS_MAIN(TestRegions)
#include "tst_regions.moc"
