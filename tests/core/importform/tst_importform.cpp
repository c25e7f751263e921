// The import form (core/importform): every field limit at its boundary (at the limit passes, one
// over fails with a message naming the limit), the COS URL forms, the OS catalogue (built-in,
// cache preferred, bad cache ignored with a warning), prefill from the inspection's suggestion,
// drafts (round trip of every field, newer version refused, malformed drafts named by line or
// field) and that no signature or token can reach a draft file.
#include "cloud/CosClient.h"
#include "importform/CosObjectUrl.h"
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

const OsCatalogue& catalogue()
{
    static const OsCatalogue c = OsCatalogueStore::builtIn();
    return c;
}

// The same list as if the service had just answered it: its word is final.
const OsCatalogue& liveCatalogue()
{
    static const OsCatalogue c(OsCatalogueStore::builtIn().list(), OsCatalogue::Origin::Live,
                               QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC));
    return c;
}

QList<FieldProblem> problemsOf(const ImportForm& f, const QString& region = {})
{
    return f.validate(catalogue(), region);
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

QString describe(const QList<FieldProblem>& all)
{
    QStringList lines;
    for (const auto& p : all)
        lines << p.field + u'[' + QString::number(p.index) + u"] " + p.code + u": " + p.message;
    return lines.join(u'\n');
}

QList<cloud::CvmTag> tagsOf(int n)
{
    QList<cloud::CvmTag> tags;
    for (int i = 0; i < n; ++i)
        tags.append({QStringLiteral("key%1").arg(i), QStringLiteral("value")});
    return tags;
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

class TestImportForm : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    }

    void validFormHasNoProblem()
    {
        const auto problems = problemsOf(validForm(), QStringLiteral("ap-guangzhou"));
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    }

    void imageName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code"); // empty: no problem
        QTest::addColumn<QString>("says");
        QTest::newRow("60 ASCII") << QString(60, u'a') << QString() << QString();
        QTest::newRow("61 ASCII") << QString(61, u'a') << "image_name.too_long"
                                  << "61 characters";
        QTest::newRow("60 CJK") << QString(60, QChar(0x955C)) << QString() << QString();
        QTest::newRow("61 CJK") << QString(61, QChar(0x955C)) << "image_name.too_long"
                                << "the limit is 60";
        // Characters, not UTF-16 units: 60 emoji are 120 units and still 60 characters.
        QTest::newRow("60 non-BMP") << QString::fromUcs4(std::u32string(60, U'\U0001F5BC').c_str())
                                    << QString() << QString();
        QTest::newRow("empty") << QString() << "image_name.required"
                               << "required";
        QTest::newRow("blank") << QStringLiteral("   ") << "image_name.required"
                               << "required";
        QTest::newRow("tab") << QStringLiteral("a\tb") << "image_name.characters"
                             << "control";
        QTest::newRow("line break") << QStringLiteral("a\nb") << "image_name.characters"
                                    << "line break";
        QTest::newRow("leading space") << QStringLiteral(" name") << "image_name.spaces"
                                       << "space";
        QTest::newRow("spaces inside")
            << QStringLiteral("My CentOS image") << QString() << QString();
    }
    void imageName()
    {
        QFETCH(QString, name);
        QFETCH(QString, code);
        QFETCH(QString, says);
        ImportForm f = validForm();
        f.imageName = name;
        const auto problems = problemsOf(f);
        if (code.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
            return;
        }
        const auto hits = withCode(problems, code);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].field, QStringLiteral("ImageName"));
        QVERIFY(hits[0].isError());
        QVERIFY2(hits[0].message.contains(says), qPrintable(hits[0].message));
    }

    void description()
    {
        ImportForm f = validForm();
        f.imageDescription = QString(256, u'd');
        QVERIFY(problemsOf(f).isEmpty());
        f.imageDescription = QStringLiteral("line one\nline two");
        QVERIFY(problemsOf(f).isEmpty());
        f.imageDescription = QString(257, u'd');
        const auto hits = withCode(problemsOf(f), QStringLiteral("image_description.too_long"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits[0].message.contains(QStringLiteral("257")));
        QVERIFY(hits[0].message.contains(QStringLiteral("256")));
        f.imageDescription = QStringLiteral("bell\a");
        QCOMPARE(withCode(problemsOf(f), QStringLiteral("image_description.characters")).size(), 1);
    }

    void tagCount()
    {
        ImportForm f = validForm();
        f.tags = tagsOf(limits::tagsMax);
        QVERIFY2(problemsOf(f).isEmpty(), qPrintable(describe(problemsOf(f))));
        f.tags = tagsOf(limits::tagsMax + 1);
        const auto hits = withCode(problemsOf(f), QStringLiteral("tags.too_many"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits[0].message.contains(QStringLiteral("51")));
        QVERIFY(hits[0].message.contains(QStringLiteral("50")));
        QCOMPARE(hits[0].field, QStringLiteral("TagSpecification"));
    }

    void tag_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("key at limit") << QString(127, u'k') << "v" << QString();
        QTest::newRow("key over") << QString(128, u'k') << "v"
                                  << "tag.key_too_long";
        QTest::newRow("value at limit") << "k" << QString(127, u'v') << QString();
        QTest::newRow("value over") << "k" << QString(128, u'v') << "tag.value_too_long";
        QTest::newRow("empty value") << "k" << QString() << QString();
        QTest::newRow("symbols") << "team/app:env=prod@a+b_c.d-e f"
                                 << "x:y" << QString();
        QTest::newRow("chinese") << QStringLiteral("部门") << QStringLiteral("电商") << QString();
        QTest::newRow("empty key") << QString() << "v"
                                   << "tag.key_required";
        QTest::newRow("qcloud prefix") << "qcloud:owner"
                                       << "v"
                                       << "tag.key_reserved";
        QTest::newRow("Tencent prefix") << "Tencent-x"
                                        << "v"
                                        << "tag.key_reserved";
        QTest::newRow("project prefix") << "project"
                                        << "v"
                                        << "tag.key_reserved";
        QTest::newRow("key character") << "a#b"
                                       << "v"
                                       << "tag.key_characters";
        QTest::newRow("value character") << "k"
                                         << "a*b"
                                         << "tag.value_characters";
    }
    void tag()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, code);
        ImportForm f = validForm();
        f.tags = {{QStringLiteral("first"), QStringLiteral("1")}, {key, value}};
        const auto problems = problemsOf(f);
        if (code.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
            return;
        }
        const auto hits = withCode(problems, code);
        QVERIFY2(hits.size() == 1, qPrintable(describe(problems)));
        QCOMPARE(hits[0].index, 1);
        QVERIFY(hits[0].isError());
        if (code.endsWith(u"too_long"))
            QVERIFY2(hits[0].message.contains(QStringLiteral("127")), qPrintable(hits[0].message));
    }

    void tagDuplicateKey()
    {
        ImportForm f = validForm();
        f.tags = {{QStringLiteral("env"), QStringLiteral("a")},
                  {QStringLiteral("env"), QStringLiteral("b")}};
        const auto hits = withCode(problemsOf(f), QStringLiteral("tag.key_duplicate"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].index, 1);
    }

    void url_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::newRow("virtual host") << kUrl << QString();
        QTest::newRow("encoded key")
            << QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/a/"
                              "Windows%20Server.vmdk")
            << QString();
        QTest::newRow("tencentcos alias")
            << QStringLiteral("https://images-1250000000.cos.ap-guangzhou.tencentcos.cn/d.vhd")
            << QString();
        QTest::newRow("objectUrl")
            << cloud::CosClient::objectUrl(QStringLiteral("images-1250000000"),
                                           QStringLiteral("ap-guangzhou"),
                                           QStringLiteral("镜像/a b+c.qcow2"))
            << QString();
        QTest::newRow("empty") << QString() << "url.empty";
        QTest::newRow("http")
            << QStringLiteral("http://images-1250000000.cos.ap-guangzhou.myqcloud.com/d.qcow2")
            << "url.not_https";
        QTest::newRow("path style")
            << QStringLiteral("https://cos.ap-guangzhou.myqcloud.com/images-1250000000/d.qcow2")
            << "url.not_cos";
        QTest::newRow("old cosd domain")
            << QStringLiteral("https://111-1251233127.cosd.myqcloud.com/d.vmdk") << "url.not_cos";
        QTest::newRow("no appid") << QStringLiteral(
                                         "https://images.cos.ap-guangzhou.myqcloud.com/d.qcow2")
                                  << "url.not_cos";
        QTest::newRow("other cloud")
            << QStringLiteral("https://bucket.s3.amazonaws.com/d.qcow2") << "url.not_cos";
        QTest::newRow("lookalike host")
            << QStringLiteral(
                   "https://images-1250000000.cos.ap-guangzhou.myqcloud.com.evil.example/d.qcow2")
            << "url.not_cos";
        QTest::newRow("no key") << QStringLiteral(
                                       "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/")
                                << "url.no_key";
        QTest::newRow("folder")
            << QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/dir/")
            << "url.no_key";
        QTest::newRow("user info")
            << QStringLiteral(
                   "https://AKID:secret@images-1250000000.cos.ap-guangzhou.myqcloud.com/d.qcow2")
            << "url.user_info";
        QTest::newRow("port")
            << QStringLiteral(
                   "https://images-1250000000.cos.ap-guangzhou.myqcloud.com:8443/d.qcow2")
            << "url.port";
        QTest::newRow("not a url") << QStringLiteral("centos7.qcow2") << "url.invalid";
        QTest::newRow("other region")
            << QStringLiteral("https://images-1250000000.cos.ap-shanghai.myqcloud.com/d.qcow2")
            << "url.region";
    }
    void url()
    {
        QFETCH(QString, url);
        QFETCH(QString, code);
        ImportForm f = validForm();
        f.imageUrl = url;
        const auto problems = problemsOf(f, QStringLiteral("ap-guangzhou"));
        if (code.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
            return;
        }
        const auto hits = withCode(problems, code);
        QVERIFY2(hits.size() == 1, qPrintable(describe(problems)));
        QCOMPARE(hits[0].field, QStringLiteral("ImageUrl"));
        QVERIFY(hits[0].isError());
        QVERIFY2(!hits[0].message.contains(QStringLiteral("secret")), qPrintable(hits[0].message));
    }

    void urlParts()
    {
        Error error;
        const auto parsed = parseCosObjectUrl(
            QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/"
                           "a/Windows%20Server.vmdk?q-sign-algorithm=sha1&q-signature=ab"),
            &error);
        QVERIFY2(parsed, qPrintable(error.message));
        QCOMPARE(parsed->bucket, QStringLiteral("images-1250000000"));
        QCOMPARE(parsed->appId, QStringLiteral("1250000000"));
        QCOMPARE(parsed->region, QStringLiteral("ap-guangzhou"));
        QCOMPARE(parsed->key, QStringLiteral("a/Windows Server.vmdk"));
        QVERIFY(parsed->presigned);
        QVERIFY(!parsed->signatureExpires.isValid()); // not stated
    }

    // When a pre-signed URL stops working: COS's key time (the earlier of key and sign time),
    // or SigV4's date plus expiry; nothing for an unsigned or malformed one.
    void urlSignatureExpiry()
    {
        const QString base =
            QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/d.qcow2");
        const auto expiry = [&](const QString& query) {
            Error error;
            const auto parsed = parseCosObjectUrl(base + query, &error);
            return parsed ? parsed->signatureExpires : QDateTime();
        };
        QCOMPARE(expiry(QStringLiteral("?q-sign-algorithm=sha1&q-key-time=1700000000%3B1700086400"
                                       "&q-sign-time=1700000000%3B1700003600&q-signature=ab")),
                 QDateTime::fromSecsSinceEpoch(1700003600, Qt::UTC));
        QCOMPARE(expiry(QStringLiteral("?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date="
                                       "20261203T180000Z&X-Amz-Expires=600&X-Amz-Signature=ab")),
                 QDateTime(QDate(2026, 12, 3), QTime(18, 10), Qt::UTC));
        QVERIFY(!expiry(QString()).isValid());
        QVERIFY(!expiry(QStringLiteral("?q-key-time=garbage&q-signature=ab")).isValid());
        QVERIFY(!expiry(QStringLiteral("?q-key-time=1%3B99999999999999999999")).isValid());
        QVERIFY(!expiry(QStringLiteral("?X-Amz-Date=20261203T180000Z&X-Amz-Expires=-5")).isValid());
        // Found by fuzz_draft: a signing date before 1970 is no end time at all.
        QVERIFY(!expiry(QStringLiteral("?X-Amz-Date=10130601T180000Z&X-Amz-Expires=600"
                                       "&X-Amz-Signature=ab"))
                     .isValid());
    }

    void presignedUrlWarns()
    {
        ImportForm f = validForm();
        f.imageUrl = kUrl + QStringLiteral("?q-sign-algorithm=sha1&q-ak=AKIDx&q-signature=ab");
        const auto problems = problemsOf(f, QStringLiteral("ap-guangzhou"));
        QVERIFY(!hasErrors(problems));
        const auto hits = withCode(problems, QStringLiteral("url.presigned"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(!hits[0].isError());
    }

    void osCatalogueChecks_data()
    {
        QTest::addColumn<QString>("osType");
        QTest::addColumn<QString>("osVersion");
        QTest::addColumn<QString>("architecture");
        QTest::addColumn<QString>("code");
        QTest::newRow("windows") << "Windows Server 2012"
                                 << "-"
                                 << "x86_64" << QString();
        QTest::newRow("ubuntu i386") << "Ubuntu"
                                     << "16"
                                     << "i386" << QString();
        QTest::newRow("other linux") << "Other Linux"
                                     << "-"
                                     << "x86_64" << QString();
        QTest::newRow("unknown os") << "Gentoo"
                                    << "1"
                                    << "x86_64"
                                    << "os_type.unknown";
        QTest::newRow("no os") << ""
                               << "7"
                               << "x86_64"
                               << "os_type.required";
        QTest::newRow("unknown version") << "CentOS"
                                         << "7.9.2009"
                                         << "x86_64"
                                         << "os_version.unknown";
        QTest::newRow("no version") << "CentOS"
                                    << ""
                                    << "x86_64"
                                    << "os_version.required";
        QTest::newRow("arch for os") << "OpenSUSE"
                                     << "12"
                                     << "arm_64"
                                     << "architecture.not_for_os";
        QTest::newRow("bad arch") << "CentOS"
                                  << "7"
                                  << "aarch64"
                                  << "architecture.invalid";
        QTest::newRow("no arch") << "CentOS"
                                 << "7"
                                 << ""
                                 << "architecture.required";
    }
    void osCatalogueChecks()
    {
        QFETCH(QString, osType);
        QFETCH(QString, osVersion);
        QFETCH(QString, architecture);
        QFETCH(QString, code);
        ImportForm f = validForm();
        f.osType = osType;
        f.osVersion = osVersion;
        f.architecture = architecture;
        if (architecture == u"arm_64")
            f.bootMode = QStringLiteral("UEFI");
        const auto problems = f.validate(liveCatalogue());
        if (code.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
            QVERIFY2(problemsOf(f).isEmpty(), qPrintable(describe(problemsOf(f))));
            return;
        }
        const auto hits = withCode(problems, code);
        QVERIFY2(hits.size() == 1, qPrintable(describe(problems)));
        QVERIFY(hits[0].isError()); // the live list is the service's word
        // A value missing from the built-in (or a cached) list may be stale: only a warning,
        // and the service decides; a missing or impossible value stays an error.
        const bool offListOnly = code.endsWith(u".unknown") || code.endsWith(u".not_for_os");
        const auto offline = withCode(problemsOf(f), code);
        QCOMPARE(offline.size(), 1);
        QCOMPARE(offline[0].isError(), !offListOnly);
        if (offListOnly)
            QVERIFY2(offline[0].message.contains(QStringLiteral("the service decides")),
                     qPrintable(offline[0].message));
    }

    void vendorMajorVersionsAccepted()
    {
        // The vendor's published DescribeImportImageOs answer: majors, Redhat, "-" for Windows.
        const OsCatalogue& c = catalogue();
        QCOMPARE(c.versions(QStringLiteral("CentOS")),
                 (QStringList{QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7")}));
        QCOMPARE(c.versions(QStringLiteral("Ubuntu")),
                 (QStringList{QStringLiteral("10"), QStringLiteral("12"), QStringLiteral("14"),
                              QStringLiteral("16")}));
        QVERIFY(c.hasOsType(QStringLiteral("Redhat")));
        QVERIFY(!c.hasOsType(QStringLiteral("RedHat")));
        QCOMPARE(c.offeredOsType(QStringLiteral("REDHAT")), QStringLiteral("Redhat"));
        QCOMPARE(c.offeredOsType(QStringLiteral("Gentoo")), QString());
        ImportForm f = validForm();
        QVERIFY2(f.validate(liveCatalogue()).isEmpty(), qPrintable(describe(problemsOf(f))));
        f.osVersion = QStringLiteral("7.9");
        QVERIFY(withCode(f.validate(liveCatalogue()), QStringLiteral("os_version.unknown"))
                    .value(0)
                    .isError());
    }

    void versionSetNamesAreOffered()
    {
        // The vendor's example lists Redhat in ImportImageOsVersionSet only: still offered.
        cloud::ImportImageOsList list;
        list.linuxOs = {QStringLiteral("CentOS")};
        list.windowsOs = {QStringLiteral("Windows Server 2016")};
        list.versions = {
            {QStringLiteral("CentOS"), {QStringLiteral("7")}, {QStringLiteral("x86_64")}},
            {QStringLiteral("Redhat"), {QStringLiteral("7")}, {QStringLiteral("x86_64")}}};
        const OsCatalogue c(list, OsCatalogue::Origin::Live, QDateTime::currentDateTimeUtc());
        QCOMPARE(c.osTypes(),
                 (QStringList{QStringLiteral("CentOS"), QStringLiteral("Windows Server 2016"),
                              QStringLiteral("Redhat")}));
        QVERIFY(c.hasOsType(QStringLiteral("Redhat")));
        QVERIFY(!c.isWindows(QStringLiteral("Redhat")));
        ImportForm f = validForm();
        f.osType = QStringLiteral("Redhat");
        f.licenseType = QStringLiteral("BYOL");
        QVERIFY2(f.validate(c).isEmpty(), qPrintable(describe(f.validate(c))));
    }

    void unknownVersionListsTheChoices()
    {
        ImportForm f = validForm();
        f.osVersion = QStringLiteral("7.99");
        const auto hits = withCode(problemsOf(f), QStringLiteral("os_version.unknown"));
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits[0].message.contains(QStringLiteral("\"5\", \"6\", \"7\"")),
                 qPrintable(hits[0].message));
        QVERIFY(hits[0].message.contains(QStringLiteral("built-in")));
        QVERIFY(!hits[0].isError()); // the built-in list may be stale
    }

    void licence()
    {
        ImportForm f = validForm();
        f.licenseType = QStringLiteral("Own");
        QCOMPARE(withCode(problemsOf(f), QStringLiteral("license.invalid")).size(), 1);
        f.licenseType = QStringLiteral("BYOL");
        auto hits = withCode(problemsOf(f), QStringLiteral("license.byol_unusual"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(!hits[0].isError());
        f.osType = QStringLiteral("Redhat"); // the vendor's spelling
        f.osVersion = QStringLiteral("7");
        QVERIFY2(problemsOf(f).isEmpty(), qPrintable(describe(problemsOf(f))));
        f.licenseType = QStringLiteral("TencentCloud");
        hits = withCode(problemsOf(f), QStringLiteral("license.rhel_needs_byol"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(!hits[0].isError());
        f.osType = QStringLiteral("RedHat"); // another spelling: named, and still RHEL
        QCOMPARE(withCode(problemsOf(f), QStringLiteral("license.rhel_needs_byol")).size(), 1);
        hits = withCode(f.validate(liveCatalogue()), QStringLiteral("os_type.unknown"));
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits[0].message.contains(QStringLiteral("spells it \"Redhat\"")),
                 qPrintable(hits[0].message));
        f.licenseType = QStringLiteral("BYOL");
        f.osType = QStringLiteral("Windows Server 2016");
        f.osVersion = QStringLiteral("-");
        f.licenseType = QStringLiteral("BYOL");
        QVERIFY2(problemsOf(f).isEmpty(), qPrintable(describe(problemsOf(f))));
    }

    void bootMode()
    {
        ImportForm f = validForm();
        f.bootMode = QStringLiteral("UEFI");
        QVERIFY(problemsOf(f).isEmpty());
        f.bootMode = QStringLiteral("BIOS");
        QCOMPARE(withCode(problemsOf(f), QStringLiteral("boot_mode.invalid")).size(), 1);
        f.bootMode = QStringLiteral("Legacy BIOS");
        f.architecture = QStringLiteral("arm_64");
        const auto hits = withCode(problemsOf(f), QStringLiteral("boot_mode.arm_bios"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(!hits[0].isError());
    }

    void imageFamily()
    {
        ImportForm f = validForm();
        f.imageFamily = QStringLiteral("business-daily-update");
        QVERIFY(problemsOf(f).isEmpty());
        f.imageFamily = QString(limits::imageFamilyMax, u'f');
        QVERIFY(problemsOf(f).isEmpty());
        f.imageFamily = QString(limits::imageFamilyMax + 1, u'f');
        QCOMPARE(withCode(problemsOf(f), QStringLiteral("image_family.format")).size(), 1);
        f.imageFamily = QStringLiteral("my family!");
        const auto hits = withCode(problemsOf(f), QStringLiteral("image_family.format"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(!hits[0].isError()); // the format is undocumented: a warning, not a refusal
    }

    void dataDisks()
    {
        ImportForm f = validForm();
        for (int i = 0; i < limits::dataDisksMax; ++i)
            f.dataDiskUrls.append(
                QStringLiteral(
                    "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/data%1.qcow2")
                    .arg(i));
        QVERIFY2(problemsOf(f).isEmpty(), qPrintable(describe(problemsOf(f))));
        f.dataDiskUrls.append(f.dataDiskUrls.first() + u'x');
        QCOMPARE(withCode(problemsOf(f), QStringLiteral("data_disks.too_many")).size(), 1);
        f.dataDiskUrls = {kUrl, QStringLiteral("http://x/y")};
        const auto problems = problemsOf(f);
        auto hits = withCode(problems, QStringLiteral("data_disks.same_as_system"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].index, 0);
        hits = withCode(problems, QStringLiteral("url.not_https"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].index, 1);
        QCOMPARE(hits[0].field, QStringLiteral("ImportImageDataDiskList"));
    }

    void toRequest()
    {
        ImportForm f = validForm();
        f.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
        f.dataDiskUrls = {kUrl + QStringLiteral(".data")};
        f.imageFamily = QStringLiteral("fam");
        f.dryRun = true;
        const QJsonObject json = f.toRequest().toJson();
        QCOMPARE(json.value(QStringLiteral("OsType")).toString(), QStringLiteral("CentOS"));
        QCOMPARE(json.value(QStringLiteral("LicenseType")).toString(),
                 QStringLiteral("TencentCloud"));
        QCOMPARE(json.value(QStringLiteral("BootMode")).toString(), QStringLiteral("Legacy BIOS"));
        QCOMPARE(json.value(QStringLiteral("DryRun")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("TagSpecification"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("Tags"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(ImportForm::fromRequest(f.toRequest()), f);
        cloud::ImportImageRequest bare;
        QCOMPARE(ImportForm::fromRequest(bare).licenseType, QStringLiteral("TencentCloud"));
        QCOMPARE(ImportForm::fromRequest(bare).bootMode, QStringLiteral("Legacy BIOS"));
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

    void prefillFromSuggestion()
    {
        policy::FormSuggestion s;
        s.osType = QStringLiteral("RedHat");
        s.osVersion = QStringLiteral("7.9");
        s.detectedVersion = QStringLiteral("7.9");
        s.architecture = QStringLiteral("x86_64");
        s.bootMode = QStringLiteral("UEFI");
        s.licenseType = QStringLiteral("BYOL");
        s.imageName = QStringLiteral("rhel-7.9-x86_64");
        ImportForm f;
        QString note;
        applySuggestion(&f, s, QStringLiteral("/images/rhel.qcow2"), catalogue(), &note);
        applyUploadUrl(&f, cloud::CosClient::objectUrl(QStringLiteral("images-1250000000"),
                                                       QStringLiteral("ap-guangzhou"),
                                                       QStringLiteral("up/rhel.qcow2")));
        QCOMPARE(f.osType, QStringLiteral("Redhat")); // the offered spelling
        QCOMPARE(f.osVersion, QStringLiteral("7"));   // the offered version
        QCOMPARE(note,
                 QStringLiteral("RedHat 7.9 detected; the built-in OS list offers Redhat 7."));
        QCOMPARE(f.architecture, QStringLiteral("x86_64"));
        QCOMPARE(f.bootMode, QStringLiteral("UEFI"));
        QCOMPARE(f.licenseType, QStringLiteral("BYOL"));
        QCOMPARE(f.imageName, QStringLiteral("rhel-7.9-x86_64"));
        QCOMPARE(f.imageUrl,
                 QStringLiteral(
                     "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/up/rhel.qcow2"));
        const auto problems = f.validate(catalogue(), QStringLiteral("ap-guangzhou"));
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    }

    void chooseOsMapsOntoOffered_data()
    {
        QTest::addColumn<QStringList>("offered"); // CentOS's versions; empty: the built-in list
        QTest::addColumn<bool>("live");
        QTest::addColumn<QString>("osType");
        QTest::addColumn<QString>("detected");
        QTest::addColumn<QString>("proposed"); // FormSuggestion::osVersion (major.minor)
        QTest::addColumn<QString>("wantType");
        QTest::addColumn<QString>("wantVersion");
        QTest::addColumn<QString>("note"); // empty: no note
        const QStringList none;
        QTest::newRow("vendor majors")
            << none << false << "CentOS"
            << "7.9.2009"
            << "7.9"
            << "CentOS"
            << "7"
            << "CentOS 7.9.2009 detected; the built-in OS list offers 7.";
        QTest::newRow("longest prefix")
            << QStringList{QStringLiteral("7"), QStringLiteral("7.9"), QStringLiteral("8")} << true
            << "CentOS"
            << "7.9.2009"
            << "7.9"
            << "CentOS"
            << "7.9"
            << "CentOS 7.9.2009 detected; the service offers 7.9.";
        QTest::newRow("dot boundary")
            << QStringList{QStringLiteral("7"), QStringLiteral("7.92")} << true << "CentOS"
            << "7.9.2009"
            << "7.9"
            << "CentOS"
            << "7"
            << "CentOS 7.9.2009 detected; the service offers 7.";
        QTest::newRow("exact") << none << false << "CentOS"
                               << "7"
                               << "7"
                               << "CentOS"
                               << "7" << QString();
        QTest::newRow("spelling") << none << false << "RedHat"
                                  << "7.9"
                                  << "7.9"
                                  << "Redhat"
                                  << "7"
                                  << "RedHat 7.9 detected; the built-in OS list offers Redhat 7.";
        QTest::newRow("dash only")
            << none << false << "Other Linux"
            << "15.1"
            << "15.1"
            << "Other Linux"
            << "-"
            << "Other Linux 15.1 detected; the built-in OS list offers no version "
               "for Other Linux (\"-\").";
        QTest::newRow("windows") << none << false << "Windows Server 2016"
                                 << ""
                                 << "-"
                                 << "Windows Server 2016"
                                 << "-" << QString();
        QTest::newRow("no match") << none << false << "CentOS"
                                  << "8.5.2111"
                                  << "8.5"
                                  << "CentOS"
                                  << "8.5"
                                  << "CentOS 8.5.2111 detected; the built-in OS list offers only "
                                     "5, 6, 7 for CentOS: 8.5 is proposed, choose the nearest.";
        QTest::newRow("unknown os") << none << false << "Gentoo"
                                    << "2.15"
                                    << "2.15"
                                    << "Gentoo"
                                    << "2.15" << QString();
    }
    void chooseOsMapsOntoOffered()
    {
        QFETCH(QStringList, offered);
        QFETCH(bool, live);
        QFETCH(QString, osType);
        QFETCH(QString, detected);
        QFETCH(QString, proposed);
        QFETCH(QString, wantType);
        QFETCH(QString, wantVersion);
        QFETCH(QString, note);
        OsCatalogue c = catalogue();
        if (!offered.isEmpty()) {
            cloud::ImportImageOsList list;
            list.linuxOs = {QStringLiteral("CentOS")};
            list.versions = {{QStringLiteral("CentOS"), offered, {QStringLiteral("x86_64")}}};
            c = OsCatalogue(list, live ? OsCatalogue::Origin::Live : OsCatalogue::Origin::Cache,
                            QDateTime::currentDateTimeUtc());
        }
        policy::FormSuggestion s;
        s.osType = osType;
        s.osVersion = proposed;
        s.detectedVersion = detected;
        const OsChoice choice = chooseOs(s, c);
        QCOMPARE(choice.osType, wantType);
        QCOMPARE(choice.osVersion, wantVersion);
        QCOMPARE(choice.note, note);
    }

    void prefillNameFromFile_data()
    {
        QTest::addColumn<QString>("suggested");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("name");
        QTest::newRow("suggestion wins") << "centos-7.9-x86_64"
                                         << "/x/disk.qcow2"
                                         << "centos-7.9-x86_64";
        QTest::newRow("file name") << ""
                                   << "/x/My Disk (copy).qcow2"
                                   << "My-Disk-copy";
        QTest::newRow("double extension") << ""
                                          << "/x/web.server.vmdk"
                                          << "web.server";
        QTest::newRow("long file name")
            << "" << QStringLiteral("/x/") + QString(80, u'n') + QStringLiteral(".raw")
            << QString(60, u'n');
        QTest::newRow("nothing usable")
            << "" << QStringLiteral("/x/镜像.qcow2") << "imported-image";
        QTest::newRow("suggestion sanitised") << "Windows Server 2012 R2 (x64)"
                                              << "/x/a.vhd"
                                              << "Windows-Server-2012-R2-x64";
    }
    void prefillNameFromFile()
    {
        QFETCH(QString, suggested);
        QFETCH(QString, path);
        QFETCH(QString, name);
        policy::FormSuggestion s;
        s.imageName = suggested;
        ImportForm f = validForm();
        applySuggestion(&f, s, path, catalogue());
        QCOMPARE(f.imageName, name);
        QCOMPARE(f.osType, QStringLiteral("CentOS")); // empty suggestions keep the form's values
        QVERIFY(withCode(problemsOf(f), QStringLiteral("image_name.too_long")).isEmpty());
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

QTEST_GUILESS_MAIN(TestImportForm)
#include "tst_importform.moc"
