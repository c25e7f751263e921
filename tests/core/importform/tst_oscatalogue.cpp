// OsCatalogue and its store: the built-in list (the vendor's example answer), the cache
// preferred when present, a bad cache ignored with a warning.
#include "importform/FormPrefill.h"
#include "importform/ImportForm.h"
#include "importform/OsCatalogue.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::importform;

namespace {
const QString kUrl =
    QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/centos7.qcow2");

ImportForm validForm()
{
    ImportForm f;
    f.osType = QStringLiteral("CentOS");
    f.osVersion = QStringLiteral("7"); // the vendor's lists name majors
    f.architecture = QStringLiteral("x86_64");
    f.imageUrl = kUrl;
    f.imageName = QStringLiteral("centos-7-x86_64");
    return f;
}

// The problems with this code; fails the test when a problem has no message.
QList<FieldProblem> withCode(const QList<FieldProblem>& all, const QString& code)
{
    QList<FieldProblem> out;
    for (const auto& p : all) {
        if (p.message.isEmpty())
            qWarning("problem %s has no message", qPrintable(p.code));
        if (p.code == code)
            out.append(p);
    }
    return out;
}

} // namespace

class TestOsCatalogue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    }
    void builtInCatalogueIsTheVendorsExample()
    {
        // resources/import-os/default.json, which the emulator serves too (one home).
        const OsCatalogue c = OsCatalogueStore::builtIn();
        QCOMPARE(c.origin(), OsCatalogue::Origin::BuiltIn);
        QVERIFY(!c.fetched().isValid());
        QVERIFY(!QFile::exists(qEnvironmentVariable("CVMI_SOURCE_DIR") +
                               QStringLiteral("/tests/emulator/import-image-os.json")));
        QVERIFY(c.isWindows(QStringLiteral("Windows Server 2012")));
        QVERIFY(!c.isWindows(QStringLiteral("CentOS")));
        QCOMPARE(c.versions(QStringLiteral("Windows Server 2012")),
                 QStringList{QStringLiteral("-")});
        QCOMPARE(c.versions(QStringLiteral("Other Linux")), QStringList{QStringLiteral("-")});
        QCOMPARE(c.versions(QStringLiteral("Debian")),
                 (QStringList{QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"),
                              QStringLiteral("9")}));
        QCOMPARE(c.versions(QStringLiteral("Redhat")),
                 (QStringList{QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7")}));
        QCOMPARE(c.architectures(QStringLiteral("CentOS")),
                 (QStringList{QStringLiteral("x86_64"), QStringLiteral("i386")}));
        QCOMPARE(c.osTypes().size(), 12);
    }
    void catalogueCachePreferred()
    {
        QTemporaryDir dir;
        const OsCatalogueStore store(dir.path() + QStringLiteral("/cache"));
        QStringList warnings;
        QCOMPARE(store.load(&warnings).origin(), OsCatalogue::Origin::BuiltIn); // no cache yet
        QVERIFY(warnings.isEmpty());
        cloud::ImportImageOsList live;
        live.linuxOs = {QStringLiteral("TencentOS")};
        live.versions = {
            {QStringLiteral("TencentOS"), {QStringLiteral("3.1")}, {QStringLiteral("x86_64")}}};
        const QDateTime fetched(QDate(2026, 11, 25), QTime(8, 30), Qt::UTC);
        Error error;
        QVERIFY2(store.save(live, fetched, &error), qPrintable(error.message));
        const OsCatalogue c = store.load(&warnings);
        QVERIFY(warnings.isEmpty());
        QCOMPARE(c.origin(), OsCatalogue::Origin::Cache);
        QCOMPARE(c.fetched(), fetched);
        QCOMPARE(c.osTypes(), QStringList{QStringLiteral("TencentOS")});
        ImportForm f = validForm();
        f.osType = QStringLiteral("TencentOS");
        f.osVersion = QStringLiteral("3.1");
        QVERIFY(f.validate(c).isEmpty());
        f.osType = QStringLiteral("CentOS"); // in the built-in list, not in the cached one
        const auto hits = withCode(f.validate(c), QStringLiteral("os_type.unknown"));
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits[0].message.contains(QStringLiteral("2026-11-25")),
                 qPrintable(hits[0].message));
    }
    void badCacheIgnored_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("\x00\xff not json", 12);
        QTest::newRow("truncated") << QByteArray("{\"format\": \"cvm-import-os-cache\", \"vers");
        QTest::newRow("other format") << QByteArray("{\"format\": \"x\", \"version\": 1}");
        QTest::newRow("newer version")
            << QByteArray("{\"format\": \"cvm-import-os-cache\", \"version\": 2, \"fetched\": "
                          "\"2026-11-25T08:30:00Z\"}");
        QTest::newRow("no date") << QByteArray(
            "{\"format\": \"cvm-import-os-cache\", \"version\": 1, \"ImportImageOsListSupported\": "
            "{\"Linux\": [\"A\"], \"Windows\": []}, \"ImportImageOsVersionSet\": []}");
        QTest::newRow("wrong types") << QByteArray(
            "{\"format\": \"cvm-import-os-cache\", \"version\": 1, \"fetched\": "
            "\"2026-11-25T08:30:00Z\", \"ImportImageOsListSupported\": {\"Linux\": [1], "
            "\"Windows\": []}, \"ImportImageOsVersionSet\": []}");
        QTest::newRow("empty list") << QByteArray(
            "{\"format\": \"cvm-import-os-cache\", \"version\": 1, \"fetched\": "
            "\"2026-11-25T08:30:00Z\", \"ImportImageOsListSupported\": {\"Linux\": [], "
            "\"Windows\": []}, \"ImportImageOsVersionSet\": []}");
    }
    void badCacheIgnored()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const OsCatalogueStore store(dir.path());
        QFile file(store.cacheFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is ignored")));
        QStringList warnings;
        const OsCatalogue c = store.load(&warnings);
        QCOMPARE(c.origin(), OsCatalogue::Origin::BuiltIn);
        QVERIFY(c.hasOsType(QStringLiteral("CentOS")));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("built-in")), qPrintable(warnings[0]));
    }
};

QTEST_GUILESS_MAIN(TestOsCatalogue)
#include "tst_oscatalogue.moc"
