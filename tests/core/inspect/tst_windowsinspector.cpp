// Windows guest detection (WindowsInspector) on NTFS disks built by
// tests/fixtures/make-windows-disk.sh: every fact, read through our disk reader + The Sleuth Kit +
// hivex, from inspectImage() to the rules' verdicts; and the files read through TskGuestFs checked
// against ntfscat on the same disks.
#include "TestSupport.h"
#include "WindowsFixture.h"
#include "disk/DiskImageOpener.h"
#include "inspect/GuestPath.h"
#include "inspect/Inspector.h"
#include "inspect/MemoryGuestFs.h"
#include "inspect/TskGuestFs.h"
#include "inspect/TskImage.h"
#include "inspect/WindowsInspector.h"
#include "policy/Policy.h"

#include <QFile>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;
using test::fileBytes;
using test::openDisk;
using test::OpenedDisk;
using test::windowsFixture;

namespace {

} // namespace

class TestWindowsInspector : public QObject {
    Q_OBJECT

private slots:
    // The whole path a user's check takes: inspectImage finds Windows on its own, and the rules
    // judge it (virtio present, IPv6 off, an importable edition; activation is a warning).
    void throughInspectImage()
    {
        const inspect::ImageFacts facts =
            inspect::inspectImage(windowsFixture(QStringLiteral("win2012r2.raw")));
        QVERIFY2(facts.layoutKnown, qPrintable(facts.layoutError.message));
        QCOMPARE(facts.guest.family, QStringLiteral("windows"));
        QCOMPARE(facts.guest.rootFilesystem, QStringLiteral("ntfs"));
        QVERIFY(facts.guest.rootPartition >= 1);
        const policy::Report report = policy::Policy::builtin().evaluate(facts);
        for (const auto& r : report.rules) {
            if (r.id == QLatin1String("licence.windows_activation"))
                QCOMPARE(r.verdict, policy::Verdict::Warn);
            else if (r.id == QLatin1String("os.supported") ||
                     r.id == QLatin1String("drivers.virtio") ||
                     r.id == QLatin1String("network.no_ipv6") ||
                     r.id == QLatin1String("os.architecture"))
                QVERIFY2(r.verdict == policy::Verdict::Pass, qPrintable(r.id + u' ' + r.evidence));
        }
        QCOMPARE(report.form.osType, QStringLiteral("Windows Server 2012"));

        const inspect::ImageFacts old =
            inspect::inspectImage(windowsFixture(QStringLiteral("win2008r2.raw")));
        QCOMPARE(old.guest.family, QStringLiteral("windows"));
        const policy::Report oldReport = policy::Policy::builtin().evaluate(old);
        bool virtioFailed = false;
        for (const auto& r : oldReport.rules)
            virtioFailed = virtioFailed || (r.id == QLatin1String("drivers.virtio") &&
                                            r.verdict == policy::Verdict::Fail);
        QVERIFY(virtioFailed);
        QVERIFY(!oldReport.compliant());
    }
    void initTestCase();
    void server2012r2();
    void server2008r2();
    void windows10x86();
    void filesMatchNtfscat_data();
    void filesMatchNtfscat();
    void plainNtfsIsNotWindows();
    void incompleteSystemRootIsNotWindows();
    void architectureFromRegistryWithoutKernel();
};

void TestWindowsInspector::initTestCase()
{
    QVERIFY2(QFile::exists(windowsFixture(QStringLiteral(".windows-done"))),
             "run the fixtures.windows test first (ctest -R fixtures.windows)");
}

void TestWindowsInspector::server2012r2()
{
    OpenedDisk d;
    QVERIFY(openDisk(QStringLiteral("win2012r2.raw"), &d));
    QCOMPARE(d.layout.partitionTable, QStringLiteral("mbr"));
    QCOMPARE(d.layout.partitions.first().filesystem, QStringLiteral("ntfs"));
    GuestFacts facts;
    Error error;
    QVERIFY2(inspectWindows(*d.fs, &facts, &error), qPrintable(error.message));
    QVERIFY(!error.isSet());
    QCOMPARE(facts.family, QStringLiteral("windows"));
    QCOMPARE(facts.distro, QStringLiteral("windows"));
    QCOMPARE(facts.distroName, QStringLiteral("Windows Server 2012 R2 Standard"));
    QCOMPARE(facts.prettyName, QStringLiteral("Windows Server 2012 R2 Standard"));
    QCOMPARE(facts.version, QStringLiteral("6.3.9600"));
    QCOMPARE(facts.architecture, QStringLiteral("x86_64"));

    const WindowsFacts& w = facts.windows;
    QCOMPARE(w.systemRoot, QStringLiteral("/Windows"));
    QCOMPARE(w.productName, QStringLiteral("Windows Server 2012 R2 Standard"));
    QCOMPARE(w.editionId, QStringLiteral("ServerStandard"));
    QCOMPARE(w.installationType, QStringLiteral("Server"));
    QCOMPARE(w.currentVersion, QStringLiteral("6.3"));
    QCOMPARE(w.currentBuild, QStringLiteral("9600"));
    // Select\Current = 2: ControlSet001 (no virtio, IPv6 on) is stale and must not be read.
    QCOMPARE(w.controlSet, QStringLiteral("ControlSet002"));
    QCOMPARE(w.drivers.size(), 3);
    QCOMPARE(w.drivers[0].name, QStringLiteral("viostor"));
    QCOMPARE(w.drivers[0].filePath, QStringLiteral("Windows/System32/drivers/viostor.sys"));
    QVERIFY(w.drivers[0].service);
    QCOMPARE(w.drivers[0].start, 0);
    QCOMPARE(w.drivers[1].name, QStringLiteral("vioscsi"));
    QVERIFY(w.drivers[1].filePath.isEmpty());
    QVERIFY(!w.drivers[1].service);
    QCOMPARE(w.drivers[1].start, -1);
    QCOMPARE(w.drivers[2].name, QStringLiteral("netkvm"));
    QCOMPARE(w.drivers[2].filePath, QStringLiteral("Windows/System32/drivers/netkvm.sys"));
    QVERIFY(w.drivers[2].service);
    QCOMPARE(w.drivers[2].start, 3);
    QVERIFY(w.ipv6Known);
    QCOMPARE(w.ipv6DisabledComponents, 0xffu);
    QCOMPARE(w.networkAdapters, 1);
    QVERIFY(w.dirtyHives.isEmpty());
    QVERIFY(!facts.evidence.contains(QStringLiteral("registry")));

    const QString cv = QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
    QCOMPARE(facts.evidence.value(QStringLiteral("distro")).path, cv);
    QCOMPARE(facts.evidence.value(QStringLiteral("distro")).value,
             QStringLiteral("ProductName=\"Windows Server 2012 R2 Standard\""));
    QCOMPARE(facts.evidence.value(QStringLiteral("version")).value,
             QStringLiteral("CurrentVersion=\"6.3\" CurrentBuild=\"9600\""));
    QCOMPARE(facts.evidence.value(QStringLiteral("edition")).value,
             QStringLiteral("EditionID=\"ServerStandard\" InstallationType=\"Server\""));
    QCOMPARE(facts.evidence.value(QStringLiteral("architecture")).path,
             QStringLiteral("/Windows/System32/ntoskrnl.exe"));
    QCOMPARE(facts.evidence.value(QStringLiteral("architecture")).value,
             QStringLiteral("PE Machine=0x8664 (x86_64)"));
    QCOMPARE(facts.evidence.value(QStringLiteral("controlSet")).value, QStringLiteral("Current=2"));
    QCOMPARE(facts.evidence.value(QStringLiteral("driver.viostor")).path,
             QStringLiteral("/Windows/System32/drivers/viostor.sys"));
    QCOMPARE(facts.evidence.value(QStringLiteral("driver.viostor")).value,
             QStringLiteral("viostor.sys present; Services\\viostor Start=0 (boot)"));
    QCOMPARE(facts.evidence.value(QStringLiteral("driver.vioscsi")).path,
             QStringLiteral("HKLM\\SYSTEM\\ControlSet002\\Services\\vioscsi"));
    QCOMPARE(facts.evidence.value(QStringLiteral("driver.vioscsi")).value,
             QStringLiteral("vioscsi.sys absent; no Services\\vioscsi key"));
    QCOMPARE(facts.evidence.value(QStringLiteral("ipv6")).path,
             QStringLiteral("HKLM\\SYSTEM\\ControlSet002\\Services\\Tcpip6\\Parameters"));
    QCOMPARE(facts.evidence.value(QStringLiteral("ipv6")).value,
             QStringLiteral("DisabledComponents=0x000000ff"));
    QVERIFY(facts.evidence.contains(QStringLiteral("network")));
    QVERIFY(facts.evidence.contains(QStringLiteral("driver.netkvm")));
}

void TestWindowsInspector::server2008r2()
{
    OpenedDisk d;
    QVERIFY(openDisk(QStringLiteral("win2008r2.raw"), &d));
    GuestFacts facts;
    Error error;
    QVERIFY2(inspectWindows(*d.fs, &facts, &error), qPrintable(error.message));
    QCOMPARE(facts.family, QStringLiteral("windows"));
    QCOMPARE(facts.distroName, QStringLiteral("Windows Server 2008 R2 Enterprise"));
    QCOMPARE(facts.version, QStringLiteral("6.1.7601"));
    QCOMPARE(facts.architecture, QStringLiteral("x86_64"));

    const WindowsFacts& w = facts.windows;
    // Spelt WINDOWS/system32/CONFIG/software on the volume: found anyway, reported as spelt.
    QCOMPARE(w.systemRoot, QStringLiteral("/WINDOWS"));
    QCOMPARE(w.editionId, QStringLiteral("ServerEnterprise"));
    QCOMPARE(w.installationType, QStringLiteral("Server"));
    QCOMPARE(w.currentVersion, QStringLiteral("6.1"));
    QCOMPARE(w.currentBuild, QStringLiteral("7601"));
    QCOMPARE(w.controlSet, QStringLiteral("ControlSet001"));
    QCOMPARE(w.drivers.size(), 3);
    for (const WindowsDriver& driver : w.drivers) {
        QVERIFY2(driver.filePath.isEmpty(), qPrintable(driver.name));
        QVERIFY2(!driver.service, qPrintable(driver.name));
        QCOMPARE(driver.start, -1);
    }
    QVERIFY(w.ipv6Known);
    QCOMPARE(w.ipv6DisabledComponents, 0u);
    QCOMPARE(facts.evidence.value(QStringLiteral("ipv6")).value,
             QStringLiteral("DisabledComponents not set (IPv6 enabled)"));
    QCOMPARE(w.networkAdapters, 2);
    QCOMPARE(facts.evidence.value(QStringLiteral("architecture")).path,
             QStringLiteral("/WINDOWS/system32/ntoskrnl.exe"));
    QCOMPARE(facts.evidence.value(QStringLiteral("driver.viostor")).value,
             QStringLiteral("viostor.sys absent; no Services\\viostor key"));
}

void TestWindowsInspector::windows10x86()
{
    OpenedDisk d;
    QVERIFY(openDisk(QStringLiteral("win10-x86.raw"), &d));
    GuestFacts facts;
    Error error;
    QVERIFY2(inspectWindows(*d.fs, &facts, &error), qPrintable(error.message));
    QCOMPARE(facts.distroName, QStringLiteral("Windows 10 Pro"));
    // CurrentVersion says 6.3 for old programs; the major/minor numbers say what it is.
    QCOMPARE(facts.version, QStringLiteral("10.0.19045"));
    QCOMPARE(facts.windows.currentVersion, QStringLiteral("10.0"));
    QCOMPARE(facts.windows.currentBuild, QStringLiteral("19045"));
    QCOMPARE(facts.evidence.value(QStringLiteral("version")).value,
             QStringLiteral("CurrentMajorVersionNumber=10 CurrentMinorVersionNumber=0 "
                            "CurrentBuildNumber=\"19045\""));
    QCOMPARE(facts.windows.installationType, QStringLiteral("Client"));
    QCOMPARE(facts.architecture, QStringLiteral("i386"));
    QCOMPARE(facts.evidence.value(QStringLiteral("architecture")).value,
             QStringLiteral("PE Machine=0x014c (i386)"));
    QCOMPARE(facts.windows.drivers[1].name, QStringLiteral("vioscsi"));
    QCOMPARE(facts.windows.drivers[1].filePath,
             QStringLiteral("Windows/System32/drivers/vioscsi.sys"));
    QVERIFY(!facts.windows.drivers[1].service);
    QCOMPARE(facts.windows.ipv6DisabledComponents, 0x20u);
    // No Interfaces key at all: unknown, not zero.
    QCOMPARE(facts.windows.networkAdapters, -1);
}

void TestWindowsInspector::filesMatchNtfscat_data()
{
    QTest::addColumn<QString>("disk");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("hostCopy"); // the file ntfscp copied in, when kept
    QTest::newRow("2012 SOFTWARE")
        << QStringLiteral("win2012r2") << QStringLiteral("/Windows/System32/config/SOFTWARE")
        << QStringLiteral("win2012r2.SOFTWARE");
    QTest::newRow("2012 SYSTEM") << QStringLiteral("win2012r2")
                                 << QStringLiteral("/Windows/System32/config/SYSTEM")
                                 << QStringLiteral("win2012r2.SYSTEM");
    QTest::newRow("2012 viostor.sys")
        << QStringLiteral("win2012r2") << QStringLiteral("/Windows/System32/drivers/viostor.sys")
        << QString();
    QTest::newRow("2008 software")
        << QStringLiteral("win2008r2") << QStringLiteral("/WINDOWS/system32/CONFIG/software")
        << QStringLiteral("win2008r2.SOFTWARE");
    QTest::newRow("2008 ntoskrnl.exe")
        << QStringLiteral("win2008r2") << QStringLiteral("/WINDOWS/system32/ntoskrnl.exe")
        << QString();
}

void TestWindowsInspector::filesMatchNtfscat()
{
    // What the inspector reads through our disk reader and TSK is byte for byte what ntfs-3g
    // reads from the same volume, and what ntfscp put there.
    QFETCH(QString, disk);
    QFETCH(QString, path);
    QFETCH(QString, hostCopy);
    OpenedDisk d;
    QVERIFY(openDisk(disk + QStringLiteral(".raw"), &d));
    const auto ours = GuestPath::readFile(*d.fs, path, 1 << 20);
    QVERIFY(ours);
    QByteArray truth;
    QVERIFY(test::runTool(QStringLiteral("ntfscat"),
                          {windowsFixture(disk + QStringLiteral(".ntfs")), path}, &truth));
    QVERIFY(!truth.isEmpty());
    QCOMPARE(ours->size(), truth.size());
    QVERIFY(*ours == truth);
    if (!hostCopy.isEmpty())
        QVERIFY(*ours == fileBytes(windowsFixture(hostCopy)));
}

void TestWindowsInspector::plainNtfsIsNotWindows()
{
    OpenedDisk d;
    QVERIFY(openDisk(QStringLiteral("plain-ntfs.raw"), &d));
    QVERIFY(GuestPath::isDirectory(*d.fs, QStringLiteral("/Windows/System32")));
    GuestFacts facts;
    Error error;
    QVERIFY(!inspectWindows(*d.fs, &facts, &error));
    QVERIFY(!error.isSet());
    QVERIFY(facts.family.isEmpty());
    QVERIFY(facts.evidence.isEmpty());
}

void TestWindowsInspector::incompleteSystemRootIsNotWindows()
{
    const QByteArray software = fileBytes(windowsFixture(QStringLiteral("win2012r2.SOFTWARE")));
    QVERIFY(!software.isEmpty());
    for (int variant = 0; variant < 4; ++variant) {
        MemoryGuestFs fs(true);
        switch (variant) {
        case 0: // an empty volume
            break;
        case 1: // SOFTWARE without SYSTEM
            fs.addFile(QStringLiteral("/Windows/System32/config/SOFTWARE"), software);
            break;
        case 2: // hives somewhere else than the system root
            fs.addFile(QStringLiteral("/Backup/System32/config/SOFTWARE"), software);
            fs.addFile(QStringLiteral("/Backup/System32/config/SYSTEM"), software);
            break;
        case 3: // SYSTEM is a directory
            fs.addFile(QStringLiteral("/Windows/System32/config/SOFTWARE"), software);
            fs.addDirectory(QStringLiteral("/Windows/System32/config/SYSTEM"));
            break;
        }
        GuestFacts facts;
        Error error;
        QVERIFY2(!inspectWindows(fs, &facts, &error), qPrintable(QString::number(variant)));
        QVERIFY(!error.isSet());
        QVERIFY(facts.family.isEmpty());
    }
}

void TestWindowsInspector::architectureFromRegistryWithoutKernel()
{
    const QByteArray software = fileBytes(windowsFixture(QStringLiteral("win2008r2.SOFTWARE")));
    const QByteArray system = fileBytes(windowsFixture(QStringLiteral("win2008r2.SYSTEM")));
    for (const bool garbageKernel : {false, true}) {
        MemoryGuestFs fs(true);
        fs.addFile(QStringLiteral("/Windows/System32/config/SOFTWARE"), software);
        fs.addFile(QStringLiteral("/Windows/System32/config/SYSTEM"), system);
        if (garbageKernel)
            fs.addFile(QStringLiteral("/Windows/System32/ntoskrnl.exe"), "MZ not really");
        GuestFacts facts;
        Error error;
        QVERIFY2(inspectWindows(fs, &facts, &error), qPrintable(error.message));
        QCOMPARE(facts.architecture, QStringLiteral("x86_64"));
        QCOMPARE(facts.evidence.value(QStringLiteral("architecture")).value,
                 QStringLiteral("PROCESSOR_ARCHITECTURE=\"AMD64\""));
        // No drivers folder at all: every driver absent, nothing read wrongly.
        QCOMPARE(facts.windows.drivers.size(), 3);
        QVERIFY(facts.windows.drivers[0].filePath.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestWindowsInspector)
#include "tst_windowsinspector.moc"
