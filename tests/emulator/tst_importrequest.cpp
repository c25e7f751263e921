// ImportRequest (emulator/ImportRequest.cpp): ImportImage's parameters read with their defaults,
// and each refusal the service documents, in the service's order, against the product's own
// DescribeImportImageOs answer. What needs the service's state (CAM, URLs, duplicates, DryRun's
// answer) is tst_emulator's.
#include "ImportRequest.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace cvmi::emu;

class TestImportRequest : public QObject {
    Q_OBJECT

    QJsonObject m_osList;

    static QJsonObject valid()
    {
        return {{QStringLiteral("ImageName"), QStringLiteral("web")},
                {QStringLiteral("OsType"), QStringLiteral("CentOS")},
                {QStringLiteral("OsVersion"), QStringLiteral("7")},
                {QStringLiteral("Architecture"), QStringLiteral("x86_64")},
                {QStringLiteral("ImageUrl"), QStringLiteral("https://b-1.cos.x.myqcloud.com/a")}};
    }

private slots:
    void initTestCase()
    {
        QFile os(QStringLiteral(":/import-os/default.json"));
        QVERIFY(os.open(QIODevice::ReadOnly));
        m_osList = QJsonDocument::fromJson(os.readAll()).object();
    }

    void readsValuesAndDefaults()
    {
        QJsonObject params = valid();
        params.insert(QStringLiteral("DryRun"), true);
        params.insert(QStringLiteral("ImportImageDataDiskList"),
                      QJsonArray{QJsonObject{{QStringLiteral("ImageUrl"), QStringLiteral("d1")}}});
        params.insert(
            QStringLiteral("TagSpecification"),
            QJsonArray{QJsonObject{
                {QStringLiteral("Tags"),
                 QJsonArray{QJsonObject{{QStringLiteral("Key"), QStringLiteral("k")},
                                        {QStringLiteral("Value"), QStringLiteral("v")}}}}}});
        ImportRequest r;
        QVERIFY(!readImportRequest(params, m_osList, &r));
        QCOMPARE(r.name, QStringLiteral("web"));
        QCOMPARE(r.bootMode, QStringLiteral("Legacy BIOS"));
        QCOMPARE(r.licenseType, QStringLiteral("TencentCloud"));
        QCOMPARE(r.urls, (QStringList{QStringLiteral("https://b-1.cos.x.myqcloud.com/a"),
                                      QStringLiteral("d1")}));
        QCOMPARE(r.tags.size(), 1);
        QVERIFY(r.dryRun);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // undefined: the field is removed
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << "OsVersion" << QJsonValue(QJsonValue::Undefined)
                                 << "MissingParameter";
        QTest::newRow("not a string") << "ImageName" << QJsonValue(3) << "InvalidParameter";
        QTest::newRow("not a boolean")
            << "Force" << QJsonValue(QStringLiteral("yes")) << "InvalidParameter";
        QTest::newRow("blank name")
            << "ImageName" << QJsonValue(QStringLiteral("  ")) << "InvalidParameterValue";
        // Characters, not bytes: 60 Chinese characters are allowed.
        QTest::newRow("name 61") << "ImageName" << QJsonValue(QString(61, u'名'))
                                 << "InvalidParameterValue.TooLarge";
        QTest::newRow("description 257") << "ImageDescription" << QJsonValue(QString(257, u'd'))
                                         << "InvalidParameterValue.TooLarge";
        QTest::newRow("os type") << "OsType" << QJsonValue(QStringLiteral("Gentoo"))
                                 << "InvalidImageOsType.Unsupported";
        QTest::newRow("os version") << "OsVersion" << QJsonValue(QStringLiteral("8"))
                                    << "InvalidImageOsVersion.Unsupported";
        QTest::newRow("architecture not listed for the OS")
            << "Architecture" << QJsonValue(QStringLiteral("arm_64")) << "InvalidParameterValue";
        QTest::newRow("boot mode") << "BootMode" << QJsonValue(QStringLiteral("BIOS"))
                                   << "InvalidParameterValue.InvalidBootMode";
        QTest::newRow("licence") << "LicenseType" << QJsonValue(QStringLiteral("Free"))
                                 << "InvalidParameterValue.InvalidLicenseType";
        QTest::newRow("family") << "ImageFamily" << QJsonValue(QStringLiteral("a b"))
                                << "InvalidParameterValue.InvalidImageFamily";
        QTest::newRow("tag without key")
            << "TagSpecification"
            << QJsonValue(QJsonArray{QJsonObject{
                   {QStringLiteral("Tags"),
                    QJsonArray{QJsonObject{{QStringLiteral("Value"), QStringLiteral("v")}}}}}})
            << "InvalidParameter";
    }

    void refusals()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QJsonObject params = valid();
        if (value.isUndefined())
            params.remove(field);
        else
            params.insert(field, value);
        ImportRequest r;
        const auto problem = readImportRequest(params, m_osList, &r);
        QVERIFY(problem);
        QCOMPARE(problem->code, code);
    }

    void sixtyCharactersAreAllowed()
    {
        QJsonObject params = valid();
        params.insert(QStringLiteral("ImageName"), QString(ImportRequest::maxName, u'名'));
        ImportRequest r;
        QVERIFY(!readImportRequest(params, m_osList, &r));
    }

    void typesComeBeforeValues()
    {
        // A wrong type is reported even when a value elsewhere is also wrong, as the service does.
        QJsonObject params = valid();
        params.insert(QStringLiteral("OsType"), QStringLiteral("Gentoo"));
        params.insert(QStringLiteral("DryRun"), QStringLiteral("true"));
        ImportRequest r;
        const auto problem = readImportRequest(params, m_osList, &r);
        QVERIFY(problem);
        QCOMPARE(problem->code, QStringLiteral("InvalidParameter"));
    }
};

QTEST_GUILESS_MAIN(TestImportRequest)
#include "tst_importrequest.moc"
