// RegistryHive on the hives of the Windows fixture disks (tests/fixtures/make-windows-disk.sh):
// every value and subkey list checked against hivexget / hivexsh (libhivex-bin) on the same hive
// files, and damaged, oversized and dirty hives.
#include "TestSupport.h"
#include "WindowsFixture.h"
#include "disk/DiskImageOpener.h"
#include "inspect/GuestPath.h"
#include "inspect/Inspector.h"
#include "inspect/MemoryGuestFs.h"
#include "inspect/RegistryHive.h"
#include "inspect/TskGuestFs.h"
#include "inspect/TskImage.h"
#include "inspect/WindowsInspector.h"

#include <QFile>
#include <QtTest>
#include <cstring>

using namespace cvmi;
using namespace cvmi::inspect;
using test::fileBytes;
using test::openDisk;
using test::OpenedDisk;
using test::windowsFixture;

namespace {

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

class TestRegistryHive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void registryMatchesHivexget_data();
    void registryMatchesHivexget();
    void subkeysMatchHivexsh();
    void damagedHive_data();
    void damagedHive();
    void oversizedHiveIsNotCopied();
    void dirtyHive();
};

void TestRegistryHive::initTestCase()
{
    QVERIFY2(QFile::exists(windowsFixture(QStringLiteral(".windows-done"))),
             "run the fixtures.windows test first (ctest -R fixtures.windows)");
}

void TestRegistryHive::registryMatchesHivexget_data()
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

void TestRegistryHive::registryMatchesHivexget()
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

void TestRegistryHive::subkeysMatchHivexsh()
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

void TestRegistryHive::damagedHive_data()
{
    QTest::addColumn<int>("keep"); // bytes of the SYSTEM hive kept; -1 = garbage
    QTest::newRow("empty") << 0;
    QTest::newRow("base block only") << 4096;
    QTest::newRow("cut inside a bin") << 6000;
    QTest::newRow("garbage") << -1;
}

void TestRegistryHive::damagedHive()
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

void TestRegistryHive::oversizedHiveIsNotCopied()
{
    HugeHiveFs fs;
    Error error;
    QVERIFY(!RegistryHive::open(fs, QStringLiteral("/SOFTWARE"), &error));
    QCOMPARE(error.code, QStringLiteral("hive_too_large"));
    QVERIFY2(error.message.contains(QStringLiteral("256 MiB")), qPrintable(error.message));
    QVERIFY(fs.bytesRead <= 1);
}

void TestRegistryHive::dirtyHive()
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

QTEST_GUILESS_MAIN(TestRegistryHive)
#include "tst_registryhive.moc"
