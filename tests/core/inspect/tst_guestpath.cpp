// Path resolution inside a guest: symlinks resolved against the guest's root, loops stopped.
#include "inspect/GuestPath.h"
#include "inspect/MemoryGuestFs.h"

#include <QTest>

using namespace cvmi;
using namespace cvmi::inspect;

class TestGuestPath : public QObject {
    Q_OBJECT
private slots:
    void relativeAndAbsoluteLinks();
    void mergedUsr();
    void dotDotAtRootStaysInGuest();
    void loopsStop();
    void caseInsensitiveNames();
    void missing();
    void resolvedFilesCarryTheirSizes();
};

void TestGuestPath::relativeAndAbsoluteLinks()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/usr/lib/os-release"), "ID=debian\n");
    fs.addSymlink(QStringLiteral("/etc/os-release"), QStringLiteral("../usr/lib/os-release"));
    fs.addSymlink(QStringLiteral("/etc/abs-release"), QStringLiteral("/usr/lib/os-release"));
    QCOMPARE(GuestPath::readFile(fs, QStringLiteral("/etc/os-release"), 1024).value_or(""),
             QByteArray("ID=debian\n"));
    QCOMPARE(GuestPath::readFile(fs, QStringLiteral("/etc/abs-release"), 1024).value_or(""),
             QByteArray("ID=debian\n"));
    QCOMPARE(GuestPath::readLink(fs, QStringLiteral("/etc/os-release")),
             QStringLiteral("../usr/lib/os-release"));
    QCOMPARE(GuestPath::readFile(fs, QStringLiteral("/etc/os-release"), 4).value_or(""),
             QByteArray("ID=d"));
}

void TestGuestPath::mergedUsr()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/usr/bin/sh"), "ELF");
    fs.addSymlink(QStringLiteral("/bin"), QStringLiteral("usr/bin"));
    QVERIFY(GuestPath::exists(fs, QStringLiteral("/bin/sh")));
    QVERIFY(GuestPath::isDirectory(fs, QStringLiteral("/bin")));
    QCOMPARE(GuestPath::list(fs, QStringLiteral("/bin")), QStringList{QStringLiteral("sh")});
}

void TestGuestPath::dotDotAtRootStaysInGuest()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/passwd"), "guest");
    fs.addSymlink(QStringLiteral("/etc/escape"), QStringLiteral("../../../../etc/passwd"));
    QCOMPARE(GuestPath::readFile(fs, QStringLiteral("/etc/escape"), 100).value_or(""),
             QByteArray("guest"));
}

void TestGuestPath::loopsStop()
{
    MemoryGuestFs fs;
    fs.addSymlink(QStringLiteral("/a"), QStringLiteral("/b"));
    fs.addSymlink(QStringLiteral("/b"), QStringLiteral("/a"));
    fs.addSymlink(QStringLiteral("/self"), QStringLiteral("self/x"));
    Error error;
    QVERIFY(!GuestPath::resolve(fs, QStringLiteral("/a"), true, &error));
    QCOMPARE(error.code, QStringLiteral("symlink_loop"));
    QVERIFY(!GuestPath::resolve(fs, QStringLiteral("/self"), true, &error));
    QCOMPARE(error.code, QStringLiteral("symlink_loop"));
    QVERIFY(GuestPath::resolve(fs, QStringLiteral("/a"), false, &error)); // the link itself
}

void TestGuestPath::caseInsensitiveNames()
{
    MemoryGuestFs fs(true);
    fs.addFile(QStringLiteral("/Windows/System32/config/SOFTWARE"), "regf");
    QVERIFY(GuestPath::exists(fs, QStringLiteral("/WINDOWS/system32/Config/software")));
    MemoryGuestFs sensitive;
    sensitive.addFile(QStringLiteral("/Etc/x"), "1");
    QVERIFY(!GuestPath::exists(sensitive, QStringLiteral("/etc/x")));
}

void TestGuestPath::missing()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/hostname"), "h");
    Error error;
    QVERIFY(!GuestPath::readFile(fs, QStringLiteral("/etc/nothing"), 10, &error));
    QCOMPARE(error.code, QStringLiteral("not_found"));
    QVERIFY(!GuestPath::readFile(fs, QStringLiteral("/etc/hostname/x"), 10, &error));
    QCOMPARE(error.code, QStringLiteral("not_a_directory"));
    QVERIFY(!GuestPath::readFile(fs, QStringLiteral("/etc"), 10, &error));
    QCOMPARE(error.code, QStringLiteral("not_a_file"));
}

// A file found through a symlink carries its declared and allocated sizes (callers bound their
// reads by them); nothing in memory is sparse, so the two are equal.
void TestGuestPath::resolvedFilesCarryTheirSizes()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/boot/initrd.img-6.1"), QByteArray(5000, 'x'));
    fs.addSymlink(QStringLiteral("/initrd.img"), QStringLiteral("boot/initrd.img-6.1"));
    Error error;
    const auto node = GuestPath::resolve(fs, QStringLiteral("/initrd.img"), true, &error);
    QVERIFY2(node, qPrintable(error.message));
    QCOMPARE(node->size, uint64_t(5000));
    QCOMPARE(node->allocatedSize, uint64_t(5000));
}

QTEST_GUILESS_MAIN(TestGuestPath)
#include "tst_guestpath.moc"
