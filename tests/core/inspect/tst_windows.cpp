// Windows guest detection on NTFS disks built by tests/fixtures/make-windows-disk.sh: every fact,
// read through our disk reader + The Sleuth Kit + hivex, and every registry value checked against
// hivexget / hivexsh (libhivex-bin) on the same hive files.
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "inspect/GuestPath.h"
#include "inspect/Inspector.h"
#include "inspect/MemoryGuestFs.h"
#include "inspect/PeHeader.h"
#include "inspect/RegistryHive.h"
#include "inspect/TskGuestFs.h"
#include "inspect/TskImage.h"
#include "inspect/WindowsInspector.h"
#include "policy/Policy.h"

#include <QFile>
#include <QtEndian>
#include <QtTest>

#include <cstring>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

QString windowsFixture(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/windows/") + name;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A disk opened the way the inspector opens it: container reader, TSK view, first partition.
struct OpenedDisk {
    std::unique_ptr<disk::DiskImage> disk;
    std::unique_ptr<TskImage> tsk;
    DiskLayout layout;
    std::unique_ptr<TskGuestFs> fs;
};

bool openDisk(const QString& name, OpenedDisk* opened)
{
    Error error;
    opened->disk = disk::openDiskImage(windowsFixture(name), &error);
    if (!opened->disk) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    opened->tsk = TskImage::open(*opened->disk, &error);
    if (!opened->tsk || !readDiskLayout(*opened->tsk, &opened->layout, &error) ||
        opened->layout.partitions.isEmpty()) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    const PartitionInfo& partition = opened->layout.partitions.first();
    opened->fs =
        TskGuestFs::open(opened->tsk->handle(), partition.start, &error, partition.filesystem);
    if (!opened->fs) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    return true;
}

// hivexget HIVE KEY VALUE: the value as hivex's own tool prints it (strings bare, DWORDs in
// decimal), without the final newline.
QString hivexget(const QString& hive, const QString& key, const QString& value)
{
    QByteArray out;
    if (!test::runTool(QStringLiteral("hivexget"), {hive, key, value}, &out))
        return QStringLiteral("<hivexget failed>");
    return QString::fromUtf8(out).chopped(out.endsWith('\n') ? 1 : 0);
}

// The subkeys of a key as hivexsh lists them.
QStringList hivexshList(const QString& hive, const QString& key)
{
    QProcess process;
    process.start(QStringLiteral("hivexsh"), {hive});
    process.write(QStringLiteral("cd %1\nls\n").arg(key).toUtf8());
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {QStringLiteral("<hivexsh failed>")};
    return QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

// A PE header as the linkers write it, for the parser tests: DOS header, e_lfanew = 0x80,
// "PE\0\0", COFF header with `machine`.
QByteArray peImage(uint16_t machine, uint32_t lfanew = 0x80)
{
    QByteArray bytes(512, '\0');
    bytes[0] = 'M';
    bytes[1] = 'Z';
    for (int i = 0; i < 4; ++i)
        bytes[0x3c + i] = char((lfanew >> (8 * i)) & 0xff);
    if (uint64_t(lfanew) + 24 <= uint64_t(bytes.size())) {
        std::memcpy(bytes.data() + lfanew, "PE\0\0", 4);
        bytes[int(lfanew) + 4] = char(machine & 0xff);
        bytes[int(lfanew) + 5] = char(machine >> 8);
    }
    return bytes;
}

// A guest file system with one file that claims to be huge and reads as zeros, counting what
// is read: proves an oversized hive is refused without being copied.
class HugeHiveFs final : public GuestFs {
public:
    static constexpr uint64_t kSize = RegistryHive::kMaxHiveBytes + 4096;
    uint64_t bytesRead = 0;

    GuestNode root() const override { return {0, GuestNode::Kind::Directory, 0}; }
    bool caseInsensitiveNames() const override { return true; }
    bool listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries, Error*) override
    {
        entries->clear();
        if (directory.id == 0)
            entries->append({QStringLiteral("SOFTWARE"), {1, GuestNode::Kind::File, 0}});
        return true;
    }
    bool readFile(const GuestNode&, uint64_t offset, size_t maxBytes, QByteArray* out,
                  Error*) override
    {
        const uint64_t n = offset >= kSize ? 0 : std::min<uint64_t>(maxBytes, kSize - offset);
        bytesRead += n;
        *out = QByteArray(qsizetype(n), '\0');
        return true;
    }
    bool readSymlink(const GuestNode&, QString*, Error*) override { return false; }
    bool stat(GuestNode* node, Error*) override
    {
        node->size = node->id == 1 ? kSize : 0;
        node->allocatedSize = node->size;
        return true;
    }
};

} // namespace

class TestWindows : public QObject {
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
    void registryMatchesHivexget_data();
    void registryMatchesHivexget();
    void subkeysMatchHivexsh();
    void filesMatchNtfscat_data();
    void filesMatchNtfscat();
    void plainNtfsIsNotWindows();
    void incompleteSystemRootIsNotWindows();
    void damagedHive_data();
    void damagedHive();
    void oversizedHiveIsNotCopied();
    void dirtyHive();
    void architectureFromRegistryWithoutKernel();
    void peHeader_data();
    void peHeader();
    void peHeaderTruncated();
};

void TestWindows::initTestCase()
{
    QVERIFY2(QFile::exists(windowsFixture(QStringLiteral(".windows-done"))),
             "run the fixtures.windows test first (ctest -R fixtures.windows)");
}

void TestWindows::server2012r2()
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

void TestWindows::server2008r2()
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

void TestWindows::windows10x86()
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

void TestWindows::registryMatchesHivexget_data()
{
    QTest::addColumn<QString>("disk");
    QTest::addColumn<QString>("hivePath");
    QTest::addColumn<QString>("hiveFile");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("dword");
    const QString cv = QStringLiteral("Microsoft\\Windows NT\\CurrentVersion");
    const auto row = [](const char* name, const char* diskName, const char* hivePath,
                        const char* hiveFile, const QString& key, const char* value, bool dword) {
        QTest::newRow(name) << QString::fromLatin1(diskName) << QString::fromLatin1(hivePath)
                            << QString::fromLatin1(hiveFile) << key << QString::fromLatin1(value)
                            << dword;
    };
    const char* sw12 = "/Windows/System32/config/SOFTWARE";
    const char* sys12 = "/Windows/System32/config/SYSTEM";
    row("2012 ProductName", "win2012r2.raw", sw12, "win2012r2.SOFTWARE", cv, "ProductName", false);
    row("2012 EditionID", "win2012r2.raw", sw12, "win2012r2.SOFTWARE", cv, "EditionID", false);
    row("2012 CurrentBuild", "win2012r2.raw", sw12, "win2012r2.SOFTWARE", cv, "CurrentBuild",
        false);
    row("2012 SystemRoot", "win2012r2.raw", sw12, "win2012r2.SOFTWARE", cv, "SystemRoot", false);
    row("2012 Select", "win2012r2.raw", sys12, "win2012r2.SYSTEM", QStringLiteral("Select"),
        "Current", true);
    row("2012 viostor Start", "win2012r2.raw", sys12, "win2012r2.SYSTEM",
        QStringLiteral("ControlSet002\\Services\\viostor"), "Start", true);
    row("2012 viostor ImagePath", "win2012r2.raw", sys12, "win2012r2.SYSTEM",
        QStringLiteral("ControlSet002\\Services\\viostor"), "ImagePath", false);
    row("2012 DisabledComponents", "win2012r2.raw", sys12, "win2012r2.SYSTEM",
        QStringLiteral("ControlSet002\\Services\\Tcpip6\\Parameters"), "DisabledComponents", true);
    row("2012 stale DisabledComponents", "win2012r2.raw", sys12, "win2012r2.SYSTEM",
        QStringLiteral("ControlSet001\\Services\\Tcpip6\\Parameters"), "DisabledComponents", true);
    row("2008 ProductName (case)", "win2008r2.raw", "/windows/SYSTEM32/config/software",
        "win2008r2.SOFTWARE", QStringLiteral("MICROSOFT\\windows nt\\currentversion"),
        "productname", false);
    row("2008 Environment", "win2008r2.raw", "/WINDOWS/system32/CONFIG/system", "win2008r2.SYSTEM",
        QStringLiteral("ControlSet001\\Control\\Session Manager\\Environment"),
        "PROCESSOR_ARCHITECTURE", false);
    row("10 major", "win10-x86.raw", sw12, "win10-x86.SOFTWARE", cv, "CurrentMajorVersionNumber",
        true);
}

void TestWindows::registryMatchesHivexget()
{
    QFETCH(QString, disk);
    QFETCH(QString, hivePath);
    QFETCH(QString, hiveFile);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, dword);
    OpenedDisk d;
    QVERIFY(openDisk(disk, &d));
    Error error;
    const auto hive = RegistryHive::open(*d.fs, hivePath, &error);
    QVERIFY2(hive, qPrintable(error.message));
    const QString truth = hivexget(windowsFixture(hiveFile), key, value);
    if (dword) {
        const std::optional<uint32_t> ours = hive->getDword(key, value);
        QVERIFY(ours);
        QCOMPARE(QString::number(*ours), truth);
        QVERIFY(!hive->getString(key, value)); // a DWORD is not a string
    } else {
        const std::optional<QString> ours = hive->getString(key, value);
        QVERIFY(ours);
        QCOMPARE(*ours, truth);
        QVERIFY(!hive->getDword(key, value));
    }
    QVERIFY(!hive->getString(key, QStringLiteral("NoSuchValue")));
    QVERIFY(!hive->getDword(key + QStringLiteral("\\NoSuchKey"), value));
}

void TestWindows::subkeysMatchHivexsh()
{
    OpenedDisk d;
    QVERIFY(openDisk(QStringLiteral("win2008r2.raw"), &d));
    Error error;
    const auto hive =
        RegistryHive::open(*d.fs, QStringLiteral("/WINDOWS/system32/CONFIG/system"), &error);
    QVERIFY2(hive, qPrintable(error.message));
    for (const QString& key :
         {QStringLiteral("ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces"),
          QStringLiteral("ControlSet001\\Services"), QString()}) {
        const std::optional<QStringList> ours = hive->subkeys(key);
        QVERIFY(ours);
        QCOMPARE(*ours, hivexshList(windowsFixture(QStringLiteral("win2008r2.SYSTEM")),
                                    key.isEmpty() ? QStringLiteral("\\") : key));
    }
    QVERIFY(!hive->subkeys(QStringLiteral("ControlSet009")));
    QVERIFY(hive->hasKey(QStringLiteral("controlset001\\SERVICES")));
    QVERIFY(!hive->hasKey(QStringLiteral("ControlSet001\\Services\\viostor")));
}

void TestWindows::filesMatchNtfscat_data()
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

void TestWindows::filesMatchNtfscat()
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

void TestWindows::plainNtfsIsNotWindows()
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

void TestWindows::incompleteSystemRootIsNotWindows()
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

void TestWindows::damagedHive_data()
{
    QTest::addColumn<int>("keep"); // bytes of the SYSTEM hive kept; -1 = garbage
    QTest::newRow("empty") << 0;
    QTest::newRow("base block only") << 4096;
    QTest::newRow("cut inside a bin") << 6000;
    QTest::newRow("garbage") << -1;
}

void TestWindows::damagedHive()
{
    QFETCH(int, keep);
    const QByteArray software = fileBytes(windowsFixture(QStringLiteral("win2012r2.SOFTWARE")));
    const QByteArray system = fileBytes(windowsFixture(QStringLiteral("win2012r2.SYSTEM")));
    QVERIFY(system.size() > 8192);
    QByteArray damaged = keep < 0 ? QByteArray(system.size(), 'x') : system.left(keep);
    if (keep < 0)
        std::memcpy(damaged.data(), "regf", 4);
    MemoryGuestFs fs(true);
    fs.addFile(QStringLiteral("/Windows/System32/config/SOFTWARE"), software);
    fs.addFile(QStringLiteral("/Windows/System32/config/SYSTEM"), damaged);
    GuestFacts facts;
    Error error;
    QVERIFY(!inspectWindows(fs, &facts, &error));
    QCOMPARE(error.code, QStringLiteral("hive_invalid"));
    QVERIFY2(error.message.contains(QStringLiteral("/Windows/System32/config/SYSTEM")),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("damaged")), qPrintable(error.message));
    // It is Windows, and the caller can say which system root could not be read.
    QCOMPARE(facts.family, QStringLiteral("windows"));
    QCOMPARE(facts.windows.systemRoot, QStringLiteral("/Windows"));

    Error bytesError;
    QVERIFY(!RegistryHive::fromBytes(damaged, QStringLiteral("SYSTEM"), &bytesError));
    QCOMPARE(bytesError.code, QStringLiteral("hive_invalid"));
}

void TestWindows::oversizedHiveIsNotCopied()
{
    HugeHiveFs fs;
    Error error;
    QVERIFY(!RegistryHive::open(fs, QStringLiteral("/SOFTWARE"), &error));
    QCOMPARE(error.code, QStringLiteral("hive_too_large"));
    QVERIFY2(error.message.contains(QStringLiteral("256 MiB")), qPrintable(error.message));
    QVERIFY(fs.bytesRead <= 1);
}

void TestWindows::dirtyHive()
{
    // SYSTEM as Windows leaves it when the disk is copied mid-write: primary sequence number
    // ahead of the secondary, checksum still right. hivex reads it; we say it may be stale.
    const QByteArray software = fileBytes(windowsFixture(QStringLiteral("win2012r2.SOFTWARE")));
    QByteArray system = fileBytes(windowsFixture(QStringLiteral("win2012r2.SYSTEM")));
    QVERIFY(system.size() > 4096);
    auto* base = reinterpret_cast<uchar*>(system.data());
    qToLittleEndian<quint32>(qFromLittleEndian<quint32>(base + 8) + 1, base + 4);
    quint32 checksum = 0;
    for (int i = 0; i < 0x1fc; i += 4)
        checksum ^= qFromLittleEndian<quint32>(base + i);
    qToLittleEndian<quint32>(checksum, base + 0x1fc);
    MemoryGuestFs fs(true);
    fs.addFile(QStringLiteral("/Windows/System32/config/SOFTWARE"), software);
    fs.addFile(QStringLiteral("/Windows/System32/config/SYSTEM"), system);
    GuestFacts facts;
    Error error;
    QVERIFY2(inspectWindows(fs, &facts, &error), qPrintable(error.message));
    QCOMPARE(facts.windows.dirtyHives, QStringList{QStringLiteral("SYSTEM")});
    QCOMPARE(facts.evidence.value(QStringLiteral("registry")).path,
             QStringLiteral("/Windows/System32/config"));
    QVERIFY(facts.evidence.value(QStringLiteral("registry"))
                .value.startsWith(QStringLiteral("SYSTEM: sequence numbers differ")));
    QCOMPARE(facts.windows.controlSet, QStringLiteral("ControlSet002")); // read all the same
}

void TestWindows::architectureFromRegistryWithoutKernel()
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

void TestWindows::peHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("architecture");
    QTest::newRow("x86_64") << peImage(0x8664) << true << QStringLiteral("x86_64");
    QTest::newRow("i386") << peImage(0x14c) << true << QStringLiteral("i386");
    QTest::newRow("arm64") << peImage(0xaa64) << true << QStringLiteral("arm64");
    QTest::newRow("armnt") << peImage(0x1c4) << true << QStringLiteral("arm");
    QTest::newRow("other") << peImage(0x5064) << true << QStringLiteral("other:0x5064");
    QTest::newRow("lfanew past the end")
        << peImage(0x8664, 0x1000) << false << QStringLiteral("unknown");
    QTest::newRow("lfanew overflowing")
        << peImage(0x8664, 0xfffffff0u) << false << QStringLiteral("unknown");
    QByteArray noSignature = peImage(0x8664);
    noSignature[0x81] = 'X';
    QTest::newRow("no PE signature") << noSignature << false << QStringLiteral("unknown");
    QTest::newRow("ELF") << QByteArray("\x7f"
                                       "ELF\x02\x01\x01",
                                       7)
                                .leftJustified(512, '\0')
                         << false << QStringLiteral("unknown");
    QTest::newRow("empty") << QByteArray() << false << QStringLiteral("unknown");
    QTest::newRow("garbage") << QByteArray(4096, '\xff') << false << QStringLiteral("unknown");
    // The real thing, as lld-link wrote it into the fixture.
    QTest::newRow("fixture ntoskrnl (i386)") << QByteArray() << true << QStringLiteral("i386");
}

void TestWindows::peHeader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(QString, architecture);
    if (QByteArrayView(QTest::currentDataTag()).startsWith("fixture")) {
        OpenedDisk d;
        QVERIFY(openDisk(QStringLiteral("win10-x86.raw"), &d));
        const auto kernel =
            GuestPath::readFile(*d.fs, QStringLiteral("/Windows/System32/ntoskrnl.exe"), 4096);
        QVERIFY(kernel);
        bytes = *kernel;
    }
    const PeHeaderInfo info = parsePeHeader(bytes);
    QCOMPARE(info.valid, valid);
    QCOMPARE(info.architecture, architecture);
}

void TestWindows::peHeaderTruncated()
{
    // Every prefix of a valid header: unknown until the whole COFF Machine field is there, and
    // never a read past the end (ASan builds check that).
    const QByteArray full = peImage(0x8664);
    const int needed = 0x80 + 4 + 20;
    for (int length = 0; length <= full.size(); ++length) {
        const QByteArray prefix = full.left(length); // a copy, so ASan sees its real end
        const PeHeaderInfo info = parsePeHeader(prefix);
        QCOMPARE(info.valid, length >= needed);
        QCOMPARE(info.architecture,
                 length >= needed ? QStringLiteral("x86_64") : QStringLiteral("unknown"));
    }
}

QTEST_GUILESS_MAIN(TestWindows)
#include "tst_windows.moc"
