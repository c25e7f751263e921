// FormPrefill: the form filled from the inspection's suggestion, the detected OS version mapped
// onto one the catalogue offers, and the image name from the file's name.
#include "cloud/CosClient.h"
#include "importform/Draft.h"
#include "importform/FormPrefill.h"
#include "importform/ImportForm.h"
#include "importform/OsCatalogue.h"

#include <QStandardPaths>
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

} // namespace

class TestFormPrefill : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
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

    // The whole proposal: after a check, the fields the suggestion has (and the name); without
    // one, only the name from the file; the URL when there is one; the rest of `current` kept.
    void proposeSaysWhichFields()
    {
        policy::FormSuggestion s;
        s.osType = QStringLiteral("CentOS");
        s.osVersion = QStringLiteral("7.9.2009");
        s.detectedVersion = QStringLiteral("7.9.2009");
        s.bootMode = QStringLiteral("UEFI");
        ImportForm current = validForm();
        current.imageFamily = QStringLiteral("web");
        const QString path = QStringLiteral("/images/web front.qcow2");

        Proposal p = propose(current, &s, path, kUrl, catalogue());
        const QSet<QString> checked{field::osType, field::osVersion, field::bootMode,
                                    field::imageName, field::imageUrl};
        QCOMPARE(p.fields, checked);
        QCOMPARE(p.form.osVersion, QStringLiteral("7")); // mapped onto the offered one
        QVERIFY2(p.osNote.contains(QLatin1String("7.9.2009")), qPrintable(p.osNote));
        QCOMPARE(p.form.bootMode, QStringLiteral("UEFI"));
        QCOMPARE(p.form.architecture, current.architecture); // not suggested: kept, not proposed
        QCOMPARE(p.form.imageName, QStringLiteral("web-front"));
        QCOMPARE(p.form.imageFamily, QStringLiteral("web"));

        p = propose(current, nullptr, path, {}, catalogue());
        QCOMPARE(p.fields, QSet<QString>{field::imageName});
        QCOMPARE(p.form.imageName, QStringLiteral("web-front"));
        QCOMPARE(p.form.osType, current.osType);
        QVERIFY(p.osNote.isEmpty());

        p = propose(current, nullptr, {}, QStringLiteral(" ") + kUrl, catalogue());
        QCOMPARE(p.fields, QSet<QString>{field::imageUrl});
        QCOMPARE(p.form.imageUrl, kUrl);
        QCOMPARE(p.form.imageName, current.imageName);
        QVERIFY(propose(current, nullptr, {}, {}, catalogue()).fields.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFormPrefill)
#include "tst_formprefill.moc"
