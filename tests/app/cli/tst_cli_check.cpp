// `cvm-import check` end to end: the real binary on fixture images, its JSON and exit codes.
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace cvmi;

namespace {

QString linuxDisk(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/linux/") + name;
}

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("CVMI_CLI"), arguments);
    CliRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Runs the CLI through sh, so that arguments can hold bytes QProcess would re-encode as UTF-8.
// `script` sees the binary as "$CVMI_CLI" and `folder` as "$DIR".
CliRun runShell(const QString& script, const QString& folder)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIR"), folder);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("sh"), {QStringLiteral("-c"), script});
    CliRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject checkJson(const QString& image, int expectedExit)
{
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--json"), image});
    if (run.exitCode != expectedExit)
        qWarning("exit %d, stderr: %s", run.exitCode, run.err.constData());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError || run.exitCode != expectedExit)
        return {};
    return doc.object();
}

QString verdict(const QJsonObject& result, const QString& id)
{
    for (const auto& v : result.value(QStringLiteral("rules")).toArray()) {
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject().value(QStringLiteral("verdict")).toString();
    }
    return {};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void compliantRawMbrDisk();
    void compliantThroughQcow2();
    void vhdxIsCheckedAndConverted();
    void gptDiskIsNotCompliant();
    void unusableFileExitsTwo();
    void readableTextReport();
    void readsOnlyMetadata();
    void lvmAndXfsLayouts();
    void inspectTimeout();
    void badArguments();
    void versionAndHelp();
    void nonUtf8FileName();
    void fifoImageExitsTwo();
    void folderArgument();
    void fixScript();

private:
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // No OS list cached by an earlier `import` of this user: `check` maps onto the built-in one.
    qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    QVERIFY2(QFile::exists(qEnvironmentVariable("CVMI_CLI")),
             "CVMI_CLI must name the cvm-import binary");
}

void TestCli::compliantRawMbrDisk()
{
    // Partitions and file systems are right, but its OS ("Fixture Linux", ID=fixture) is not a
    // supported distribution: exit 1.
    const QJsonObject j = checkJson(test::baseDisk(QStringLiteral("mbr-ext4.raw")), 1);
    QVERIFY(!j.isEmpty());
    QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("raw"));
    QCOMPARE(j.value(QStringLiteral("virtual_size")).toDouble(), 64.0 * 1024 * 1024);
    QCOMPARE(j.value(QStringLiteral("partition_table")).toString(), QStringLiteral("mbr"));
    QCOMPARE(j.value(QStringLiteral("compliant")).toBool(), false);
    QCOMPARE(verdict(j, QStringLiteral("os.detected")), QStringLiteral("pass"));
    QCOMPARE(verdict(j, QStringLiteral("os.supported")), QStringLiteral("fail"));
    const QJsonArray parts = j.value(QStringLiteral("partitions")).toArray();
    QCOMPARE(parts.size(), 2);
    const QJsonObject root = parts.at(0).toObject();
    QCOMPARE(root.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(root.value(QStringLiteral("start")).toDouble(), 2048.0 * 512);
    QCOMPARE(root.value(QStringLiteral("bootable")).toBool(), true);
    QCOMPARE(root.value(QStringLiteral("filesystem")).toString(), QStringLiteral("ext4"));
    QCOMPARE(root.value(QStringLiteral("label")).toString(), QStringLiteral("fixroot"));
    QCOMPARE(root.value(QStringLiteral("uuid")).toString(),
             QStringLiteral("0b2f7a3c-1111-4c5e-9a2b-5d9e0c7f1a01"));
    QCOMPARE(parts.at(1).toObject().value(QStringLiteral("filesystem")).toString(),
             QStringLiteral("ext3"));
    QCOMPARE(verdict(j, QStringLiteral("disk.partition_table")), QStringLiteral("pass"));
}

void TestCli::compliantThroughQcow2()
{
    const QString image = m_dir.filePath(QStringLiteral("mbr.qcow2"));
    QVERIFY(test::runTool(QStringLiteral("qemu-img"),
                          {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("qcow2"),
                           linuxDisk(QStringLiteral("centos7.raw")), image}));
    const QJsonObject j = checkJson(image, 0);
    QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("qcow2"));
    QCOMPARE(j.value(QStringLiteral("partitions")).toArray().size(), 2);
    QCOMPARE(j.value(QStringLiteral("compliant")).toBool(), true);
    const QJsonObject os = j.value(QStringLiteral("os")).toObject();
    QCOMPARE(os.value(QStringLiteral("distro")).toString(), QStringLiteral("centos"));
    QCOMPARE(os.value(QStringLiteral("version")).toString(), QStringLiteral("7.9.2009"));
    const QJsonObject form = j.value(QStringLiteral("form_suggestion")).toObject();
    QCOMPARE(form.value(QStringLiteral("OsType")).toString(), QStringLiteral("CentOS"));
    // 7.9.2009 onto the built-in (the vendor's) list, which offers the major: said so.
    QCOMPARE(form.value(QStringLiteral("OsVersion")).toString(), QStringLiteral("7"));
    QVERIFY2(form.value(QStringLiteral("notes"))
                 .toArray()
                 .contains(QJsonValue(
                     QStringLiteral("CentOS 7.9.2009 detected; the built-in OS list offers 7."))),
             QJsonDocument(form).toJson().constData());
}

// Issue 18: a VHDX is checked like any image; image.format warns that the upload converts it,
// the report stays compliant, and the JSON says what it becomes (`converted_to`).
void TestCli::vhdxIsCheckedAndConverted()
{
    const QString image = m_dir.filePath(QStringLiteral("centos7.vhdx"));
    QVERIFY(test::runTool(QStringLiteral("qemu-img"),
                          {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("vhdx"),
                           linuxDisk(QStringLiteral("centos7.raw")), image}));
    const QJsonObject j = checkJson(image, 0);
    QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("vhdx"));
    QCOMPARE(j.value(QStringLiteral("converted_to")).toString(), QStringLiteral("qcow2"));
    QCOMPARE(j.value(QStringLiteral("compliant")).toBool(), true);
    QCOMPARE(verdict(j, QStringLiteral("image.format")), QStringLiteral("warn"));
    QCOMPARE(j.value(QStringLiteral("os")).toObject().value(QStringLiteral("distro")).toString(),
             QStringLiteral("centos"));
    const CliRun text = runCli({QStringLiteral("check"), image});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("converted to qcow2 by the upload"), text.out.constData());
    QVERIFY2(text.out.contains("VHDX is not imported as is"), text.out.constData());
    // Formats sent as they are say so with a null.
    const QJsonObject raw = checkJson(linuxDisk(QStringLiteral("centos7.raw")), 0);
    QVERIFY(raw.contains(QStringLiteral("converted_to")));
    QVERIFY(raw.value(QStringLiteral("converted_to")).isNull());
}

void TestCli::gptDiskIsNotCompliant()
{
    const QJsonObject j = checkJson(test::baseDisk(QStringLiteral("gpt-ext4.raw")), 1);
    QVERIFY(!j.isEmpty());
    QCOMPARE(j.value(QStringLiteral("partition_table")).toString(), QStringLiteral("gpt"));
    QCOMPARE(j.value(QStringLiteral("compliant")).toBool(), false);
    QCOMPARE(verdict(j, QStringLiteral("disk.partition_table")), QStringLiteral("fail"));
    const QJsonArray parts = j.value(QStringLiteral("partitions")).toArray();
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).toObject().value(QStringLiteral("filesystem")).toString(),
             QStringLiteral("vfat"));
}

void TestCli::unusableFileExitsTwo()
{
    const QString gz = m_dir.filePath(QStringLiteral("disk.raw.gz"));
    QProcess gzip;
    gzip.setStandardOutputFile(gz);
    gzip.start(QStringLiteral("gzip"),
               {QStringLiteral("-c"), test::baseDisk(QStringLiteral("whole-ext4.raw"))});
    QVERIFY(gzip.waitForFinished());
    const QJsonObject j = checkJson(gz, 2);
    QCOMPARE(j.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("gzip"));
    QVERIFY(j.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("gunzip")));
    QCOMPARE(j.value(QStringLiteral("compliant")).toBool(), false);
    QCOMPARE(
        runCli({QStringLiteral("check"), m_dir.filePath(QStringLiteral("missing.qcow2"))}).exitCode,
        2);
}

void TestCli::readableTextReport()
{
    const CliRun run =
        runCli({QStringLiteral("check"), test::baseDisk(QStringLiteral("gpt-ext4.raw"))});
    QCOMPARE(run.exitCode, 1);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QStringLiteral("[FAIL] MBR partition table")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Fix: ")));
    QVERIFY(text.contains(QStringLiteral("NOT importable")));
}

void TestCli::readsOnlyMetadata()
{
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--stats"),
                               QStringLiteral("--json"), linuxDisk(QStringLiteral("centos7.raw"))});
    QCOMPARE(run.exitCode, 0);
    const QByteArray line = run.err.trimmed();
    QVERIFY2(line.startsWith("bytes_read="), line.constData());
    const qulonglong bytes = line.mid(11).toULongLong();
    QVERIFY(bytes > 0);
    QVERIFY2(bytes < 4 * 1024 * 1024, line.constData()); // the disk is 64 MiB
}

// CentOS 7's default layout (LVM, root on XFS): the text report lists the logical volumes and
// names the root; --json carries them; still only metadata is read.
void TestCli::lvmAndXfsLayouts()
{
    const QString image = test::fixtureDir() + QStringLiteral("/el/centos7-lvm.raw");
    const CliRun text = runCli({QStringLiteral("check"), image});
    QCOMPARE(text.exitCode, 1); // disk.filesystem fails
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(QStringLiteral("Logical volumes:")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("centos/root")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("on LVM volume centos/root (partition 2)")),
             qPrintable(out));

    const CliRun run = runCli(
        {QStringLiteral("check"), QStringLiteral("--stats"), QStringLiteral("--json"), image});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    const QJsonObject os = result.value(QStringLiteral("os")).toObject();
    QCOMPARE(os.value(QStringLiteral("family")).toString(), QStringLiteral("linux"));
    QCOMPARE(os.value(QStringLiteral("root_volume")).toString(), QStringLiteral("centos/root"));
    QCOMPARE(os.value(QStringLiteral("boot_partition")).toInt(), 1);
    QStringList names;
    for (const auto& v : result.value(QStringLiteral("logical_volumes")).toArray())
        names << v.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(names, (QStringList{QStringLiteral("centos/root"), QStringLiteral("centos/swap")}));
    QCOMPARE(result.value(QStringLiteral("volume_groups")).toArray().size(), 1);
    QCOMPARE(verdict(result, QStringLiteral("disk.filesystem")), QStringLiteral("fail"));
    const QByteArray line = run.err.trimmed();
    QVERIFY2(line.startsWith("bytes_read="), line.constData());
    QVERIFY2(line.mid(11).toULongLong() < 4 * 1024 * 1024, line.constData()); // of 97 MiB

    // An encrypted root beside an XFS /boot: no OS, but the kernels /boot holds are reported.
    const QJsonObject luks = checkJson(test::fixtureDir() + QStringLiteral("/el/luks-root.raw"), 1);
    const QJsonObject bootOnly = luks.value(QStringLiteral("os")).toObject();
    QCOMPARE(bootOnly.value(QStringLiteral("family")).toString(), QStringLiteral("none"));
    QVERIFY(bootOnly.value(QStringLiteral("boot_only")).toBool());
    QCOMPARE(bootOnly.value(QStringLiteral("kernels")).toArray().size(), 1);
    QCOMPARE(verdict(luks, QStringLiteral("drivers.virtio")), QStringLiteral("pass"));
}

// --inspect-timeout: validated; a limit too short for the image gives "unknown" rules that say
// so, the JSON names what was not read, and the exit status is 2, never 0 (compliant).
void TestCli::inspectTimeout()
{
    const QString image = linuxDisk(QStringLiteral("centos7.raw"));
    for (const char* bad : {"abc", "0", "-5", "1e9"}) {
        const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--inspect-timeout"),
                                   QLatin1String(bad), image});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--inspect-timeout"), run.err.constData());
    }
    const CliRun run =
        runCli({QStringLiteral("check"), QStringLiteral("--json"),
                QStringLiteral("--inspect-timeout"), QStringLiteral("0.001"), image});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("ran out of time"), run.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(run.out).object();
    const QJsonObject inspection = j.value(QStringLiteral("inspection")).toObject();
    QCOMPARE(inspection.value(QStringLiteral("time_limit_seconds")).toDouble(), 0.001);
    QVERIFY(inspection.value(QStringLiteral("timed_out")).toBool());
    QVERIFY(!inspection.value(QStringLiteral("not_read")).toArray().isEmpty());
    QCOMPARE(verdict(j, QStringLiteral("os.detected")), QStringLiteral("unknown"));
    QCOMPARE(verdict(j, QStringLiteral("drivers.virtio")), QStringLiteral("unknown"));
    // The default limit reads this small disk whole.
    const QJsonObject full = checkJson(image, 0);
    QVERIFY(!full.value(QStringLiteral("inspection"))
                 .toObject()
                 .value(QStringLiteral("timed_out"))
                 .toBool(true));
}

void TestCli::badArguments()
{
    QCOMPARE(runCli({}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("check")}).exitCode, 2);
    QCOMPARE(
        runCli({QStringLiteral("check"), QStringLiteral("--no-such-option"), QStringLiteral("x")})
            .exitCode,
        2);
    const CliRun badPolicy = runCli({QStringLiteral("check"), QStringLiteral("--policy"),
                                     m_dir.filePath(QStringLiteral("none.json")),
                                     test::baseDisk(QStringLiteral("mbr-ext4.raw"))});
    QCOMPARE(badPolicy.exitCode, 2);
    QVERIFY(badPolicy.err.contains("none.json"));
}

void TestCli::versionAndHelp()
{
    const CliRun version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("cvm-import "));
    const CliRun help = runCli({QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--json"));
}

// Qt decodes argv lossily (U+FFFD): the path must reach open() as argv's bytes.
void TestCli::nonUtf8FileName()
{
    const QString image = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
    QVERIFY(test::runTool(QStringLiteral("sh"),
                          {QStringLiteral("-c"),
                           QStringLiteral("cp \"$1\" \"$2/$(printf 'img\\377.raw')\""),
                           QStringLiteral("sh"), image, m_dir.path()}));
    const CliRun run = runShell(
        QStringLiteral("exec \"$CVMI_CLI\" check --json \"$DIR/$(printf 'img\\377.raw')\""),
        m_dir.path());
    QVERIFY2(run.exitCode == 1, run.err.constData()); // read, and not compliant (as above)
    const QJsonObject j = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("raw"));
    // Shown with the odd byte escaped, not as U+FFFD.
    QCOMPARE(j.value(QStringLiteral("path")).toString(),
             m_dir.path() + QStringLiteral("/img\\xff.raw"));
}

// A FIFO as the image: refused at once (exit 2), never a hang.
void TestCli::fifoImageExitsTwo()
{
    const CliRun run = runShell(
        QStringLiteral(
            "mkfifo \"$DIR/pipe.raw\" && exec timeout 20 \"$CVMI_CLI\" check \"$DIR/pipe.raw\""),
        m_dir.path());
    QVERIFY2(run.exitCode == 2,
             qPrintable(QStringLiteral("exit %1 (124: hung until the timeout)").arg(run.exitCode)));
    QVERIFY2(run.err.contains("named pipe") || run.out.contains("named pipe"), run.out.constData());
}

// A folder as IMAGE: its one disk image is checked; none or several end with exit 2 and a
// message that says what was looked for, or which images there are.
void TestCli::folderArgument()
{
    const QString folder = m_dir.filePath(QStringLiteral("images"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/exports")));
    QFile notes(folder + QStringLiteral("/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a disk\n");
    notes.close();
    CliRun run = runCli({QStringLiteral("check"), folder});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("No disk image in") &&
                 run.err.contains(".qcow2 .vmdk .vhd .vhdx .vdi .ova .raw .img in 1 files"),
             run.err.constData());

    // One, two folders down and without an image extension: found by its qcow2 signature.
    const QString image = folder + QStringLiteral("/exports/system-disk");
    QVERIFY(test::runTool(QStringLiteral("qemu-img"),
                          {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("qcow2"),
                           test::baseDisk(QStringLiteral("gpt-ext4.raw")), image}));
    run = runCli({QStringLiteral("check"), QStringLiteral("--json"), folder});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject j = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("qcow2"));
    QCOMPARE(j.value(QStringLiteral("path")).toString(), image);
    QVERIFY2(run.err.contains("system-disk"), run.err.constData());

    // Two: none is chosen for the user.
    QFile second(folder + QStringLiteral("/old.vhd"));
    QVERIFY(second.open(QIODevice::WriteOnly));
    second.write(QByteArray(4096, '\0'));
    second.close();
    run = runCli({QStringLiteral("check"), folder});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("holds several disk images (2)") && run.err.contains("old.vhd") &&
                 run.err.contains("system-disk"),
             run.err.constData());
}

// Issue 17: --fix-script writes the repair script (stdout stays the report), says what it fixes
// and leaves on stderr, and writes nothing when nothing can be fixed inside the VM.
void TestCli::fixScript()
{
    const QString script = m_dir.filePath(QStringLiteral("fix.sh"));
    const CliRun run =
        runCli({QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--fix-script"),
                script, linuxDisk(QStringLiteral("ubuntu2204.raw"))});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QJsonObject summary = json.value(QStringLiteral("fix_script")).toObject();
    QCOMPARE(summary.value(QStringLiteral("language")).toString(), QStringLiteral("sh"));
    QVERIFY(summary.value(QStringLiteral("rules"))
                .toArray()
                .contains(QJsonValue(QStringLiteral("network.eth0_only"))));
    QVERIFY2(run.err.contains("Repair script written to"), run.err.constData());
    QVERIFY(QFileInfo(script).isExecutable());
    QFile file(script);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("#!/bin/sh\n"));
    QVERIFY(text.contains("step 'network.eth0_only'"));
    QVERIFY(text.contains("ubuntu2204.raw"));
    // Its dry run, as root or not, changes nothing and says what it would change.
    QProcess dry;
    dry.start(QStringLiteral("sh"), {script, QStringLiteral("--dry-run")});
    QVERIFY(dry.waitForFinished(60000));
    QCOMPARE(dry.exitCode(), 0);
    QVERIFY(dry.readAllStandardOutput().contains("Dry run: nothing was changed."));

    // The text report points to the option.
    const CliRun report =
        runCli({QStringLiteral("check"), linuxDisk(QStringLiteral("ubuntu2204.raw"))});
    QVERIFY(report.out.contains("--fix-script"));

    // Windows Server 2012 R2 whose only warnings (boot code, activation) no script can fix: no
    // script, and no file.
    const QString none = m_dir.filePath(QStringLiteral("none.ps1"));
    const CliRun clean = runCli({QStringLiteral("check"), QStringLiteral("--fix-script"), none,
                                 test::fixtureDir() + QStringLiteral("/windows/win2012r2.raw")});
    QCOMPARE(clean.exitCode, 0);
    QVERIFY2(clean.err.contains("No repair script written"), clean.err.constData());
    QVERIFY(!QFile::exists(none));

    // A folder that does not exist: exit 2, saying where.
    const CliRun bad = runCli({QStringLiteral("check"), QStringLiteral("--fix-script"),
                               m_dir.filePath(QStringLiteral("no/such/fix.sh")),
                               linuxDisk(QStringLiteral("ubuntu2204.raw"))});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("no/such/fix.sh"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli_check.moc"
