// repair::FixScript: quoting of guest values (checked by running /bin/sh on them), comments that
// a hostile value cannot end, the script only from failed or warned rules, the manual notes in
// its header, the JSON summary, and the atomic, executable save.
#include "repair/FixScript.h"
#include "repair/FixStep.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::repair;

namespace {

// What /bin/sh makes of `quoted` as one word.
QString shellWord(const QString& quoted)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"),
             {QStringLiteral("-c"), QStringLiteral("printf '%s' ") + quoted});
    sh.waitForFinished();
    return QString::fromUtf8(sh.readAllStandardOutput());
}

policy::RuleResult rule(const QString& id, const QString& check, policy::Verdict verdict,
                        const QString& fix = {})
{
    policy::RuleResult r;
    r.id = id;
    r.check = check;
    r.verdict = verdict;
    r.evidence = QStringLiteral("evidence of ") + id;
    r.fix = fix;
    return r;
}

inspect::ImageFacts linuxFacts()
{
    inspect::ImageFacts facts;
    facts.path = QStringLiteral("/images/web.qcow2");
    facts.guest.family = QStringLiteral("linux");
    facts.guest.prettyName = QStringLiteral("CentOS Linux 7 (Core)");
    return facts;
}

} // namespace

class TestFixScript : public QObject {
    Q_OBJECT

private slots:
    void shQuoteKeepsHostileValuesInert_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("/etc/fstab");
        QTest::newRow("quote") << QStringLiteral("it's");
        QTest::newRow("substitution") << QStringLiteral("$(touch /tmp/cvmi-pwned) `id` ${HOME}");
        QTest::newRow("newline") << QStringLiteral("a\nrm -rf /\n");
        QTest::newRow("backslashes") << QStringLiteral("\\'\\\\'");
        QTest::newRow("empty") << QString();
        QTest::newRow("unicode") << QStringLiteral("网卡 eth0 ‘x’");
    }
    void shQuoteKeepsHostileValuesInert()
    {
        QFETCH(QString, value);
        QCOMPARE(shellWord(shQuote(value)), value);
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/cvmi-pwned")));
    }

    void psQuoteDoublesEveryQuotePowerShellKnows()
    {
        QCOMPARE(psQuote(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(psQuote(QStringLiteral("a\u2019b")), QStringLiteral("'a\u2019\u2019b'"));
        QCOMPARE(psQuote(QStringLiteral("$(Remove-Item C:\\)")),
                 QStringLiteral("'$(Remove-Item C:\\)'"));
    }

    void commentCannotBeEnded()
    {
        const QString text = comment(QStringLiteral("line one\nline\rtwo\u2028rm -rf /\x0b!"));
        for (const QString& line : text.split(u'\n'))
            QVERIFY2(line.startsWith(u'#'), qPrintable(line));
        QVERIFY(!text.contains(u'\r'));
        QVERIFY(!text.contains(QChar(0x2028)));
        QCOMPARE(text.count(u'\n'), 1);
    }

    void nothingFailedMeansNoScript()
    {
        policy::Report report;
        report.rules << rule(QStringLiteral("network.eth0_only"),
                             QStringLiteral("network_interfaces"), policy::Verdict::Pass)
                     << rule(QStringLiteral("os.detected"), QStringLiteral("os_detected"),
                             policy::Verdict::Unknown);
        const FixScript script = buildFixScript(linuxFacts(), report, QStringLiteral("1.0"));
        QVERIFY(script.isEmpty());
        QVERIFY(script.text.isEmpty());
        QVERIFY(script.manualRules.isEmpty());
        QCOMPARE(script.language, FixScript::Language::None);
        const QJsonObject json = fixScriptToJson(script);
        QVERIFY(json.value(QStringLiteral("language")).isNull());
        QCOMPARE(json.value(QStringLiteral("steps")).toInt(), 0);
    }

    void rulesWithoutStepsAreManual()
    {
        policy::Report report;
        report.rules << rule(QStringLiteral("disk.size"), QStringLiteral("max_virtual_size"),
                             policy::Verdict::Fail, QStringLiteral("Shrink the disk."))
                     << rule(QStringLiteral("kernel.native"), QStringLiteral("native_kernel"),
                             policy::Verdict::Warn, QStringLiteral("Use the distribution kernel."));
        const FixScript script = buildFixScript(linuxFacts(), report, QStringLiteral("1.0"));
        QVERIFY(script.isEmpty());
        QCOMPARE(script.manualRules,
                 QStringList({QStringLiteral("disk.size"), QStringLiteral("kernel.native")}));
        const QJsonObject json = fixScriptToJson(script);
        QCOMPARE(json.value(QStringLiteral("manual_rules")).toArray().size(), 2);
    }

    void preludesAreCompiledIn()
    {
        QFile sh(QStringLiteral(":/repair/prelude.sh"));
        QVERIFY(sh.open(QIODevice::ReadOnly));
        QVERIFY(sh.readAll().contains("DRY_RUN=0"));
        QFile ps(QStringLiteral(":/repair/prelude.ps1"));
        QVERIFY(ps.open(QIODevice::ReadOnly));
        QVERIFY(ps.readAll().contains("if ($DryRun)"));
    }

    void preludeIsShellcheckClean()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("shellcheck")).isEmpty())
            QFAIL("shellcheck is not installed (scripts/debian-packages.txt lists it)");
        QTemporaryDir dir;
        QFile prelude(QStringLiteral(":/repair/prelude.sh"));
        QVERIFY(prelude.open(QIODevice::ReadOnly));
        QFile out(dir.filePath(QStringLiteral("prelude.sh")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("#!/bin/sh\n" + prelude.readAll() + "finish\n");
        out.close();
        QProcess check;
        check.start(QStringLiteral("shellcheck"),
                    {QStringLiteral("-s"), QStringLiteral("sh"), out.fileName()});
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());
    }

    void saveIsAtomicAndExecutable()
    {
        QTemporaryDir dir;
        FixScript script;
        script.language = FixScript::Language::Shell;
        script.steps = 1;
        script.text = QStringLiteral("#!/bin/sh\necho hi\n");
        const QString path = dir.filePath(QStringLiteral("fix.sh"));
        Error error;
        QVERIFY(saveFixScript(script, path, &error));
        QVERIFY(QFileInfo(path).isExecutable());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("#!/bin/sh\necho hi\n"));
        QVERIFY(!saveFixScript(script, dir.filePath(QStringLiteral("no/such/dir/fix.sh")), &error));
        QCOMPARE(error.code, QStringLiteral("fix_script_unwritable"));
        QVERIFY(error.message.contains(QStringLiteral("no/such/dir")));
    }
};

QTEST_GUILESS_MAIN(TestFixScript)
#include "tst_fixscript.moc"
