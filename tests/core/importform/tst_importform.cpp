// ImportForm (core/importform): every field limit at its boundary (at the limit passes, one over
// fails with a message naming the limit), the image URL, the OS and version checked against the
// catalogue, and the ImportImage request the form becomes.
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
    // A message follows its field's name, which each front end writes its own way ("ImageName:"
    // in the command line, "Image name:" in the wizard): it never names a field by its API name.
    void messagesNameNoField()
    {
        ImportForm f;
        f.architecture = QStringLiteral("sparc");
        f.licenseType = QStringLiteral("Free");
        f.bootMode = QStringLiteral("Floppy");
        f.imageUrl = QStringLiteral("ftp://example.com/d.qcow2");
        f.imageName = QString(61, u'n') + u'\t';
        f.imageDescription = QString(257, u'd') + u'\a';
        f.imageFamily = QStringLiteral("-bad family");
        f.tags = tagsOf(limits::tagsMax + 1);
        f.tags.append({QString(), QStringLiteral("v")});
        f.dataDiskUrls = {QStringLiteral("https://example.com/x")};
        QList<FieldProblem> problems = problemsOf(f, QStringLiteral("ap-guangzhou"));
        f.osType = QStringLiteral("Gentoo");
        f.osVersion = QStringLiteral("2");
        problems += problemsOf(f);
        QVERIFY(problems.size() >= 15);
        static const QRegularExpression apiName(
            QStringLiteral("\\b(OsType|OsVersion|Architecture|ImageUrl|ImageName|ImageDescription|"
                           "LicenseType|BootMode|ImageFamily|TagSpecification|"
                           "ImportImageDataDiskList|ImportImage)\\b"));
        for (const FieldProblem& p : std::as_const(problems)) {
            QVERIFY2(!p.message.isEmpty(), qPrintable(p.code));
            QVERIFY2(!apiName.match(p.message).hasMatch(), qPrintable(p.code + u": " + p.message));
        }
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
                                << "at most 60";
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
};

QTEST_GUILESS_MAIN(TestImportForm)
#include "tst_importform.moc"
