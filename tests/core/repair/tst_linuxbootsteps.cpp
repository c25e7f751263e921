// repair::linuxBootSteps and the sed escaping of guest values (SedText): escaped values match and
// replace only themselves (checked with sed itself), and a hostile root= or fstab value read from
// the guest stays inert when the generated script runs against a guest tree.
#include "repair/FixScript.h"
#include "repair/FixStep.h"
#include "repair/SedText.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::repair;

namespace {

QString sh(const QString& script, const QString& input = {})
{
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    p.write(input.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput());
}

const QString kPwned = QStringLiteral("/tmp/cvmi-boot-pwned");

inspect::ImageFacts facts(const QString& root, const QString& fstabSpec)
{
    inspect::ImageFacts f;
    f.path = QStringLiteral("/images/x.raw");
    f.layoutKnown = true;
    inspect::PartitionInfo p;
    p.index = 1;
    p.filesystem = QStringLiteral("ext4");
    p.uuid = QStringLiteral("b0070000-0000-4000-8000-000000000001");
    f.layout.partitions << p;
    auto& g = f.guest;
    g.searched = true;
    g.family = QStringLiteral("linux");
    g.rootPartition = 1;
    inspect::BootCommandLine c;
    c.source = QStringLiteral("/boot/grub/grub.conf");
    c.kind = QStringLiteral("menu.lst");
    c.line = 2;
    c.root = root;
    c.isDefault = true;
    g.bootCommandLines << c;
    g.bootConfigFiles << c.source;
    inspect::FstabEntry e;
    e.spec = fstabSpec;
    e.mountPoint = QStringLiteral("/data");
    e.options = QStringLiteral("defaults");
    e.line = 2;
    g.fstab << e;
    return f;
}

policy::RuleResult failed(const QString& id, const QString& check, const QString& evidence)
{
    policy::RuleResult r;
    r.id = id;
    r.check = check;
    r.verdict = policy::Verdict::Fail;
    r.evidence = evidence;
    return r;
}

} // namespace

class TestLinuxBootSteps : public QObject {
    Q_OBJECT

private slots:
    void sedRegexMatchesOnlyItself_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("device") << QStringLiteral("root=/dev/sda1");
        QTest::newRow("metacharacters") << QStringLiteral("a.*[x]^$+?(){1}|\\/b");
        QTest::newRow("substitution") << QStringLiteral("$(touch /tmp/cvmi-boot-pwned)'\"`id`");
        QTest::newRow("ampersand") << QStringLiteral("UUID=a&b\\1");
    }
    void sedRegexMatchesOnlyItself()
    {
        QFETCH(QString, value);
        const QString script = QStringLiteral("s/^%1$/<&>/").arg(sedRegex(value));
        QCOMPARE(sh(QStringLiteral("sed -E -e ") + shQuote(script), value + u'\n'),
                 u'<' + value + QStringLiteral(">\n"));
        // The literal does not match a look-alike (".": any character).
        const QString other = QString(value).replace(u'.', u'x').replace(u'*', u'x');
        if (other != value)
            QCOMPARE(sh(QStringLiteral("sed -E -e ") + shQuote(script), other + u'\n'),
                     other + u'\n');
        const QString replace = QStringLiteral("s/X/%1/").arg(sedReplacement(value));
        QCOMPARE(sh(QStringLiteral("sed -E -e ") + shQuote(replace), QStringLiteral("X\n")),
                 value + u'\n');
        QVERIFY(!QFile::exists(kPwned));
    }

    void newlinesCannotEndTheSedCommand()
    {
        QVERIFY(!sedRegex(QStringLiteral("a\nb")).contains(u'\n'));
        QVERIFY(!sedReplacement(QStringLiteral("a\nb")).contains(u'\n'));
        QCOMPARE(sedRegex(QStringLiteral("a|b"), u'|'), QStringLiteral("a\\|b"));
        QCOMPARE(sedReplacement(QStringLiteral("a|b&"), u'|'), QStringLiteral("a\\|b\\&"));
    }

    // A hostile root= (matching nothing on the disk) becomes the root's UUID; a hostile fstab
    // spec gets nofail; nothing of either runs.
    void hostileValuesStayInert()
    {
        const QString root = QStringLiteral("UUID=$(touch /tmp/cvmi-boot-pwned)';x`id`.*");
        const QString spec = QStringLiteral("LABEL=it's$(touch /tmp/cvmi-boot-pwned)");
        const inspect::ImageFacts f = facts(root, spec);
        policy::Report report;
        report.rules << failed(QStringLiteral("boot.root_argument"),
                               QStringLiteral("boot_root_argument"),
                               QStringLiteral("/boot/grub/grub.conf:2: root=%1 (no file system on "
                                              "this disk has this UUID)")
                                   .arg(root))
                     << failed(QStringLiteral("boot.fstab_identifiers"),
                               QStringLiteral("fstab_identifiers"),
                               QStringLiteral("/etc/fstab:2: %1 /data defaults (x)").arg(spec));
        const FixScript script = buildFixScript(f, report, QStringLiteral("test"));
        QCOMPARE(script.fixedRules, QStringList({QStringLiteral("boot.root_argument"),
                                                 QStringLiteral("boot.fstab_identifiers")}));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tree = dir.path() + QStringLiteral("/tree");
        QVERIFY(QDir().mkpath(tree + QStringLiteral("/boot/grub")) &&
                QDir().mkpath(tree + QStringLiteral("/etc")));
        QFile conf(tree + QStringLiteral("/boot/grub/grub.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(
            QStringLiteral("title t\n\tkernel /vmlinuz ro root=%1 quiet\n").arg(root).toUtf8());
        conf.close();
        QFile fstab(tree + QStringLiteral("/etc/fstab"));
        QVERIFY(fstab.open(QIODevice::WriteOnly));
        fstab.write(QStringLiteral("UUID=b0070000-0000-4000-8000-000000000001 / ext4 defaults 1 1\n"
                                   "%1 /data ext4 defaults 0 2\n")
                        .arg(QString(spec).replace(u' ', QLatin1String("\\040")))
                        .toUtf8());
        fstab.close();
        QFile file(dir.path() + QStringLiteral("/fix.sh"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.text.toUtf8());
        file.close();
        const QString run =
            QStringLiteral("sh %1 --root %2").arg(shQuote(file.fileName()), shQuote(tree));
        const QString out = sh(run);
        QVERIFY2(out.contains(QLatin1String("2 change(s) made, 0 failed")), qPrintable(out));
        QVERIFY(!QFile::exists(kPwned));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(conf.readAll()),
                 QStringLiteral("title t\n\tkernel /vmlinuz ro "
                                "root=UUID=b0070000-0000-4000-8000-000000000001 quiet\n"));
        QVERIFY(fstab.open(QIODevice::ReadOnly));
        const QString fstabText = QString::fromUtf8(fstab.readAll());
        QVERIFY2(fstabText.endsWith(QString(spec).replace(u' ', QLatin1String("\\040")) +
                                    QStringLiteral(" /data ext4 defaults,nofail 0 2\n")),
                 qPrintable(fstabText + out));
        // Again: nothing left to change.
        QVERIFY(sh(run).contains(QLatin1String("0 change(s) made, 0 failed")));
    }

    // root= on /dev/sdb1 with no partition 1 UUID, or the / line of fstab: a manual note.
    void unfixableSaysWhy()
    {
        inspect::ImageFacts f = facts(QStringLiteral("/dev/sda3"), QStringLiteral("UUID=x"));
        f.guest.fstab[0].mountPoint = QStringLiteral("/");
        const StepDefinition* root = findSteps(QStringLiteral("boot_root_argument"), false);
        QVERIFY(root);
        QString manual;
        QVERIFY(root->steps(f, failed({}, {}, QStringLiteral("root=/dev/sda3 (x)")), &manual)
                    .isEmpty());
        QVERIFY(!manual.isEmpty());
        const StepDefinition* ids = findSteps(QStringLiteral("fstab_identifiers"), false);
        QVERIFY(ids);
        manual.clear();
        QVERIFY(ids->steps(f, failed({}, {}, QStringLiteral("/etc/fstab:2: UUID=x / (y)")), &manual)
                    .isEmpty());
        QVERIFY(manual.contains(QLatin1String("/")));
    }
};

QTEST_GUILESS_MAIN(TestLinuxBootSteps)
#include "tst_linuxbootsteps.moc"
