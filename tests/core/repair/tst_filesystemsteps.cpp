// repair/FilesystemSteps: the steps of the file system state rules in the script written for the
// fsstate fixture disks: /forcefsck only when errors are recorded (a journal to replay is a manual
// note), the package cache of the guest's own manager, features a manual note; shellcheck-clean,
// and run against a copy of a fixture tree (dry run changes nothing, a second run nothing more).
#include "TestSupport.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "repair/FixScript.h"
#include "repair/FixStep.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::repair;

namespace {

QString fsDisk(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/fsstate/") + name;
}

FixScript scriptFor(const QString& name, inspect::ImageFacts* factsOut = nullptr)
{
    const inspect::ImageFacts facts = inspect::inspectImage(fsDisk(name));
    const policy::Report report = policy::Policy::builtin().evaluate(facts);
    if (factsOut)
        *factsOut = facts;
    return buildFixScript(facts, report, QStringLiteral("test"));
}

// Runs `sh script args...`; returns its standard output (and whether it exited 0).
bool runScript(const QString& script, const QStringList& args, QString* out)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), QStringList{script} + args);
    if (!sh.waitForFinished(60000))
        return false;
    *out = QString::fromUtf8(sh.readAllStandardOutput() + sh.readAllStandardError());
    return sh.exitStatus() == QProcess::NormalExit && sh.exitCode() == 0;
}

bool saveScript(const FixScript& script, const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(script.text.toUtf8()) > 0;
}

} // namespace

class TestFilesystemSteps : public QObject {
    Q_OBJECT

private slots:
    void errorsScheduleACheck()
    {
        const FixScript script = scriptFor(QStringLiteral("errors.raw"));
        QVERIFY(script.fixedRules.contains(QStringLiteral("boot.fs_clean")));
        QVERIFY(script.text.contains(QStringLiteral("touch \"$ROOT/forcefsck\"")));
        QVERIFY(script.text.contains(QStringLiteral("fsck.mode=force")));
        // metadata_csum warns, and only a manual note can fix it
        QVERIFY(script.manualRules.contains(QStringLiteral("practice.ext4_features")));
        QVERIFY(script.text.contains(QStringLiteral("tune2fs -O ^FEATURE")));
    }

    void journalToReplayIsManual()
    {
        const FixScript script = scriptFor(QStringLiteral("recovery.raw"));
        QVERIFY(!script.fixedRules.contains(QStringLiteral("boot.fs_clean")));
        QVERIFY(script.manualRules.contains(QStringLiteral("boot.fs_clean")));
        QVERIFY(!script.text.contains(QStringLiteral("forcefsck\"")));
    }

    void fullRootCleansTheYumCache()
    {
        const FixScript script = scriptFor(QStringLiteral("full.raw"));
        QVERIFY(script.fixedRules.contains(QStringLiteral("practice.root_free_space")));
        QVERIFY(script.text.contains(QStringLiteral("guest_run 'yum' 'clean' 'all'")));
        QVERIFY(!script.text.contains(QStringLiteral("apt-get"))); // CentOS: not Debian's tool
    }

    void cleanDiskHasNothingToFix()
    {
        const FixScript script = scriptFor(QStringLiteral("clean.raw"));
        QVERIFY(!script.fixedRules.contains(QStringLiteral("boot.fs_clean")));
        QVERIFY(!script.fixedRules.contains(QStringLiteral("practice.root_free_space")));
    }

    void scriptsAreShellcheckClean_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("errors") << QStringLiteral("errors.raw");
        QTest::newRow("full") << QStringLiteral("full.raw");
    }
    void scriptsAreShellcheckClean()
    {
        QFETCH(QString, name);
        if (QStandardPaths::findExecutable(QStringLiteral("shellcheck")).isEmpty())
            QFAIL("shellcheck is not installed (scripts/debian-packages.txt lists it)");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fix.sh"));
        QVERIFY(saveScript(scriptFor(name), path));
        QProcess check;
        check.start(QStringLiteral("shellcheck"),
                    {QStringLiteral("-s"), QStringLiteral("sh"), path});
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());
    }

    // The script against a copy of the fixture's tree, the guest's yum run by the chroot
    // stand-in: the dry run changes nothing, the run empties the cache, a second run finds it
    // empty.
    void fullRootRunAgainstTheTree()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("fix.sh"));
        QVERIFY(saveScript(scriptFor(QStringLiteral("full.raw")), script));
        const QString tree = dir.filePath(QStringLiteral("tree"));
        QVERIFY(
            test::runTool(QStringLiteral("cp"),
                          {QStringLiteral("-a"), fsDisk(QStringLiteral("full.raw.tree")), tree}));
        const QString rpm = tree + QStringLiteral("/var/cache/yum/x86_64/7/base/packages/"
                                                  "kernel-3.10.0-1160.el7.x86_64.rpm");
        qputenv("CVMI_CHROOT",
                (test::sourceDir() + QStringLiteral("/tests/repair/fake-chroot.sh")).toUtf8());
        QString out;
        QVERIFY2(
            runScript(script, {QStringLiteral("--dry-run"), QStringLiteral("--root"), tree}, &out),
            qPrintable(out));
        QVERIFY(QFile::exists(rpm));
        QVERIFY2(runScript(script, {QStringLiteral("--root"), tree}, &out), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("changed: empty the package cache (yum clean all)")),
                 qPrintable(out));
        QVERIFY(!QFile::exists(rpm));
        QVERIFY2(runScript(script, {QStringLiteral("--root"), tree}, &out), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("changed:")), qPrintable(out));
    }

    void forcefsckIsIdempotent()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("fix.sh"));
        QVERIFY(saveScript(scriptFor(QStringLiteral("errors.raw")), script));
        const QString tree = dir.filePath(QStringLiteral("tree"));
        QVERIFY(QDir().mkpath(tree + QStringLiteral("/etc")));
        QString out;
        QVERIFY2(runScript(script, {QStringLiteral("--root"), tree}, &out), qPrintable(out));
        QVERIFY(QFile::exists(tree + QStringLiteral("/forcefsck")));
        QVERIFY2(runScript(script, {QStringLiteral("--root"), tree}, &out), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("already done: /forcefsck exists")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestFilesystemSteps)
#include "tst_filesystemsteps.moc"
