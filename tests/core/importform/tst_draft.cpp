// Draft: the round trip of every field, a newer version refused, malformed drafts named by line
// or field, unknown fields ignored, and that no signature or token can reach a draft file.
#include "cloud/CosClient.h"
#include "importform/Draft.h"
#include "importform/FormLimits.h"
#include "importform/FormPrefill.h"
#include "importform/ImportForm.h"
#include "importform/OsCatalogue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QByteArray draftText(const QJsonObject& root)
{
    return QJsonDocument(root).toJson();
}

QJsonObject minimalDraft()
{
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("cvm-import-draft")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("created"), QStringLiteral("2026-11-25T10:00:00Z")},
                       {QStringLiteral("app_version"), QStringLiteral("0.1.0")},
                       {QStringLiteral("form"), QJsonObject{}}};
}

} // namespace

class TestDraft : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    }
    void draftRoundTrip()
    {
        Draft d;
        d.created = QDateTime(QDate(2026, 11, 25), QTime(10, 11, 12), Qt::UTC);
        d.appVersion = QStringLiteral("0.1.0");
        d.region = QStringLiteral("ap-guangzhou");
        d.form.architecture = QStringLiteral("arm_64");
        d.form.osType = QStringLiteral("Ubuntu");
        d.form.osVersion = QStringLiteral("22.04");
        d.form.imageUrl = kUrl + QStringLiteral("?versionId=MTg0NDUx");
        d.form.imageName = QStringLiteral("镜像 ubuntu \U0001F5BC");
        d.form.imageDescription = QStringLiteral("two\nlines, \"quoted\" \\ and\ttab");
        d.form.dryRun = true;
        d.form.force = true;
        d.form.tags = {{QStringLiteral("部门"), QStringLiteral("电商")},
                       {QStringLiteral("empty"), QString()}};
        d.form.licenseType = QStringLiteral("BYOL");
        d.form.bootMode = QStringLiteral("UEFI");
        d.form.imageFamily = QStringLiteral("daily");
        d.form.dataDiskUrls = {kUrl + QStringLiteral(".d1"), kUrl + QStringLiteral(".d2")};
        d.source.imagePath = QStringLiteral("/home/u/ubuntu 22.04.qcow2");
        d.source.imageSize = 54'000'000'000LL;
        d.source.verdict = QStringLiteral("warn");

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("draft.json"));
        Error error;
        bool stripped = true;
        QVERIFY2(writeDraft(path, d, &error, &stripped), qPrintable(error.message));
        QVERIFY(!stripped);
        const auto back = readDraft(path, &error);
        QVERIFY2(back, qPrintable(error.message));
        QCOMPARE(back->form, d.form);
        QCOMPARE(back->created, d.created);
        QCOMPARE(back->appVersion, d.appVersion);
        QCOMPARE(back->region, d.region);
        QCOMPARE(back->source.imagePath, d.source.imagePath);
        QCOMPARE(back->source.imageSize, d.source.imageSize);
        QCOMPARE(back->source.verdict, d.source.verdict);

        // The file says what docs/draft-format.md says.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("cvm-import-draft"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("created")).toString(),
                 QStringLiteral("2026-11-25T10:11:12Z"));
        QCOMPARE(root.value(QStringLiteral("form")).toObject().value(QStringLiteral("OsType")),
                 QJsonValue(QStringLiteral("Ubuntu")));

        // Overwriting keeps one file (QSaveFile renames over it).
        QVERIFY(writeDraft(path, d, &error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("draft.json")});
    }
    void noSecretReachesADraft()
    {
        const QString signature = QStringLiteral("5f1a0c6d9e3b7a2c4d8e6f0a1b3c5d7e9f2a4b6c");
        const QString token = QStringLiteral("SESSIONTOKENvalue123");
        const QString secretId = QStringLiteral("AKIDsecretIdExample");
        Draft d;
        d.created = QDateTime::currentDateTimeUtc();
        d.appVersion = QStringLiteral("0.1.0");
        d.form = validForm();
        d.form.imageUrl = kUrl + QStringLiteral("?q-sign-algorithm=sha1&q-ak=") + secretId +
                          QStringLiteral("&q-sign-time=1764000000%3B1764021600&q-key-time="
                                         "1764000000%3B1764021600&q-header-list=host&"
                                         "q-url-param-list=&q-signature=") +
                          signature + QStringLiteral("&x-cos-security-token=") + token +
                          QStringLiteral("&response-content-type=application%2Foctet-stream");
        d.form.dataDiskUrls = {
            kUrl + QStringLiteral(".data?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=") +
                secretId + QStringLiteral("%2F20261125&X-Amz-Signature=") + signature +
                QStringLiteral("&X-Amz-Security-Token=") + token,
            QStringLiteral("https://") + secretId + QStringLiteral(":") + token +
                QStringLiteral("@images-1250000000.cos.ap-guangzhou.myqcloud.com/d2?Sign=") +
                signature,
            kUrl + QStringLiteral("#x?q-signature=") + signature};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret.json"));
        Error error;
        bool stripped = false;
        QVERIFY2(writeDraft(path, d, &error, &stripped), qPrintable(error.message));
        QVERIFY(stripped);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QString& secret : {signature, token, secretId})
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
        for (const char* name :
             {"q-signature", "q-ak", "q-sign", "x-cos-security-token", "X-Amz-", "Sign="})
            QVERIFY2(!bytes.contains(name), name);
        // What is not secret stays, so the URL still names the object.
        const auto back = parseDraft(bytes, &error);
        QVERIFY2(back, qPrintable(error.message));
        QCOMPARE(back->form.imageUrl,
                 kUrl + QStringLiteral("?response-content-type=application%2Foctet-stream"));
        QCOMPARE(back->form.dataDiskUrls[0], kUrl + QStringLiteral(".data"));
        QCOMPARE(back->form.dataDiskUrls[1],
                 QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/d2"));
    }
    void newerVersionRefused()
    {
        QJsonObject root = minimalDraft();
        root.insert(QStringLiteral("version"), 2);
        root.insert(QStringLiteral("app_version"), QStringLiteral("3.0.0"));
        Error error;
        QVERIFY(!parseDraft(draftText(root), &error));
        QCOMPARE(error.code, QStringLiteral("draft.newer_version"));
        QVERIFY2(error.message.contains(QStringLiteral("format version 2")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("format version 1")),
                 qPrintable(error.message));
        QVERIFY(error.message.contains(QStringLiteral("3.0.0")));
        QVERIFY(error.message.contains(QStringLiteral("0.1.0")));
    }
    void malformedDraft_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        auto with = [](const QString& key, const QJsonValue& value) {
            QJsonObject root = minimalDraft();
            root.insert(key, value);
            return draftText(root);
        };
        auto withForm = [](const QString& key, const QJsonValue& value) {
            QJsonObject root = minimalDraft();
            root.insert(QStringLiteral("form"), QJsonObject{{key, value}});
            return draftText(root);
        };
        QTest::newRow("bad json") << QByteArray("{\n  \"format\": \"cvm-import-draft\",\n  "
                                                "\"version\": 1,,\n}")
                                  << "draft.json"
                                  << "line 3";
        QTest::newRow("empty file") << QByteArray() << "draft.json"
                                    << "line 1";
        QTest::newRow("array") << QByteArray("[1]") << "draft.not_a_draft"
                               << "cvm-import-draft";
        QTest::newRow("other format")
            << with(QStringLiteral("format"), QStringLiteral("x")) << "draft.not_a_draft"
            << "Save draft";
        QTest::newRow("version string")
            << with(QStringLiteral("version"), QStringLiteral("1")) << "draft.field"
            << "\"version\"";
        QTest::newRow("version 0") << with(QStringLiteral("version"), 0) << "draft.field"
                                   << "\"version\"";
        QTest::newRow("version 1.5") << with(QStringLiteral("version"), 1.5) << "draft.field"
                                     << "\"version\"";
        QTest::newRow("version huge") << with(QStringLiteral("version"), 1e300) << "draft.field"
                                      << "\"version\"";
        QTest::newRow("no created") <<
            [] {
                QJsonObject root = minimalDraft();
                root.remove(QStringLiteral("created"));
                return draftText(root);
            }() << "draft.field"
                                    << "\"created\" is missing";
        QTest::newRow("bad created")
            << with(QStringLiteral("created"), QStringLiteral("yesterday")) << "draft.field"
            << "ISO 8601";
        QTest::newRow("form list") << with(QStringLiteral("form"), QJsonArray()) << "draft.field"
                                   << "\"form\" must be an object";
        QTest::newRow("name number") << withForm(QStringLiteral("ImageName"), 5) << "draft.field"
                                     << "\"form.ImageName\" must be a string, not a number";
        QTest::newRow("dry run string")
            << withForm(QStringLiteral("DryRun"), QStringLiteral("yes")) << "draft.field"
            << "form.DryRun";
        QTest::newRow("tag resource type")
            << withForm(QStringLiteral("TagSpecification"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("ResourceType"), QStringLiteral("instance")},
                            {QStringLiteral("Tags"), QJsonArray()}}})
            << "draft.field"
            << "form.TagSpecification[0].ResourceType";
        QTest::newRow("tag no key")
            << withForm(
                   QStringLiteral("TagSpecification"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("ResourceType"), QStringLiteral("image")},
                       {QStringLiteral("Tags"),
                        QJsonArray{QJsonObject{{QStringLiteral("Value"), QStringLiteral("v")}}}}}})
            << "draft.field"
            << "form.TagSpecification[0].Tags[0].Key\" is missing";
        QTest::newRow("disk string") << withForm(QStringLiteral("ImportImageDataDiskList"),
                                                 QJsonArray{QStringLiteral("https://x")})
                                     << "draft.field"
                                     << "form.ImportImageDataDiskList[0]";
        QTest::newRow("size negative")
            << with(QStringLiteral("source"), QJsonObject{{QStringLiteral("image_size"), -1}})
            << "draft.field"
            << "source.image_size";
        QTest::newRow("size fraction")
            << with(QStringLiteral("source"), QJsonObject{{QStringLiteral("image_size"), 1.5}})
            << "draft.field"
            << "source.image_size";
        QTest::newRow("verdict") << with(QStringLiteral("source"),
                                         QJsonObject{
                                             {QStringLiteral("verdict"), QStringLiteral("great")}})
                                 << "draft.field"
                                 << "source.verdict";
        QTest::newRow("huge string")
            << withForm(QStringLiteral("ImageDescription"), QString(9000, u'x')) << "draft.field"
            << "longer than";
        QTest::newRow("too large") << QByteArray(Draft::maxFileBytes + 1, ' ') << "draft.too_large"
                                   << "1048576";
    }
    void malformedDraft()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        QFETCH(QString, says);
        Error error;
        QVERIFY(!parseDraft(bytes, &error));
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(says), qPrintable(error.message));
    }
    void unknownFieldsIgnored()
    {
        QJsonObject root = minimalDraft();
        root.insert(QStringLiteral("comment"), QStringLiteral("added by a later 1.x"));
        root.insert(QStringLiteral("form"),
                    QJsonObject{{QStringLiteral("ImageName"), QStringLiteral("n")},
                                {QStringLiteral("FutureParameter"), QJsonArray{1, 2}}});
        Error error;
        const auto d = parseDraft(draftText(root), &error);
        QVERIFY2(d, qPrintable(error.message));
        QCOMPARE(d->form.imageName, QStringLiteral("n"));
        QCOMPARE(d->form.licenseType, QStringLiteral("TencentCloud")); // absent: the default
        QCOMPARE(d->source.imageSize, -1);
    }
    void draftFiles()
    {
        QTemporaryDir dir;
        Error error;
        QVERIFY(!readDraft(dir.filePath(QStringLiteral("missing.json")), &error));
        QCOMPARE(error.code, QStringLiteral("draft.read"));
        const QString big = dir.filePath(QStringLiteral("big.json"));
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(Draft::maxFileBytes + 1));
        file.close();
        QVERIFY(!readDraft(big, &error));
        QCOMPARE(error.code, QStringLiteral("draft.too_large"));
        QVERIFY(error.message.contains(QStringLiteral("big.json")));
        Draft d;
        d.created = QDateTime::currentDateTimeUtc();
        QVERIFY(!writeDraft(dir.filePath(QStringLiteral("no/such/dir/d.json")), d, &error));
        QCOMPARE(error.code, QStringLiteral("draft.write"));
    }
};

QTEST_GUILESS_MAIN(TestDraft)
#include "tst_draft.moc"
