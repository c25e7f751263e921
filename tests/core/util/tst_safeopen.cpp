// Opening hostile paths: a FIFO, a folder, a device as the image; VMDK descriptors naming a FIFO,
// an absolute path, a ".." path or a symbolic link leading out of their folder; a file name
// that is not UTF-8. Every fixture is made here. A FIFO must never block the open: each such
// open runs on a worker thread with a watchdog that, when it fires, unblocks the open by
// opening the FIFO's writing end, and fails the test ("hung").
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "util/NativePath.h"

#include <QFile>
#include <QTemporaryDir>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace cvmi;
using namespace cvmi::disk;

namespace {

constexpr auto kWatchdog = std::chrono::seconds(5);

struct Opened {
    bool hung = false;
    bool ok = false;
    Error error;
};

// Opens `path` on a worker; if that does not return within the watchdog, opens `fifo` for
// writing (which releases a reader blocked in open()) and reports the hang.
Opened openWithWatchdog(const util::NativePath& path, const QByteArray& fifo)
{
    auto result = std::async(std::launch::async, [path] {
        Opened o;
        o.ok = openDiskImage(path, &o.error) != nullptr;
        return o;
    });
    if (result.wait_for(kWatchdog) == std::future_status::ready)
        return result.get();
    const int writer = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    Opened o = result.get();
    if (writer >= 0)
        ::close(writer);
    o.hung = true;
    return o;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// A monolithicFlat descriptor whose only extent (2048 sectors, 1 MiB) is `extent`.
QByteArray descriptor(const QByteArray& extent)
{
    return "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n"
           "createType=\"monolithicFlat\"\n\n# Extent description\nRW 2048 FLAT \"" +
           extent + "\" 0\n";
}

} // namespace

class TestSafeOpen : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fifoAsImage();
    void folderAsImage();
    void deviceAsImage();
    void fifoAsExtent();
    void absoluteExtent();
    void dotDotExtent();
    void symlinkedExtentLeavingFolder();
    void symlinkedFolderOnTheWay();
    void extentInSubfolderStillOpens();
    void imageThroughSymlinkStillOpens();
    void nonUtf8FileName();
    void nonUtf8Display();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // A folder of its own holding `descriptorText` as disk.vmdk; returns the descriptor's path.
    QString vmdkFolder(const QString& name, const QByteArray& descriptorText);
    QTemporaryDir m_dir;
};

void TestSafeOpen::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestSafeOpen::vmdkFolder(const QString& name, const QByteArray& descriptorText)
{
    const QString dir = path(name);
    QDir().mkpath(dir);
    const QString vmdk = dir + QStringLiteral("/disk.vmdk");
    return writeFile(vmdk, descriptorText) ? vmdk : QString();
}

void TestSafeOpen::fifoAsImage()
{
    const QByteArray fifo = QFile::encodeName(path(QStringLiteral("pipe.raw")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const Opened o = openWithWatchdog(util::NativePath::fromBytes(fifo), fifo);
    QVERIFY2(!o.hung, "opening a FIFO as the image blocked");
    QVERIFY(!o.ok);
    QCOMPARE(o.error.code, QStringLiteral("not_a_file"));
    QVERIFY2(o.error.message.contains(QStringLiteral("named pipe")), qPrintable(o.error.message));
    QVERIFY2(o.error.message.contains(QStringLiteral("pipe.raw")), qPrintable(o.error.message));
}

void TestSafeOpen::folderAsImage()
{
    Error error;
    QVERIFY(!openDiskImage(m_dir.path(), &error));
    QCOMPARE(error.code, QStringLiteral("not_a_file"));
    QVERIFY2(error.message.contains(QStringLiteral("folder")), qPrintable(error.message));
}

void TestSafeOpen::deviceAsImage()
{
    // /dev/null is a character device every system has; block devices take the same path.
    Error error;
    QVERIFY(!openDiskImage(QStringLiteral("/dev/null"), &error));
    QCOMPARE(error.code, QStringLiteral("not_a_file"));
    QVERIFY2(error.message.contains(QStringLiteral("device")), qPrintable(error.message));
}

void TestSafeOpen::fifoAsExtent()
{
    const QString vmdk = vmdkFolder(QStringLiteral("fifo-extent"), descriptor("pipe-flat.vmdk"));
    QVERIFY(!vmdk.isEmpty());
    const QByteArray fifo = QFile::encodeName(path(QStringLiteral("fifo-extent/pipe-flat.vmdk")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const Opened o = openWithWatchdog(vmdk, fifo);
    QVERIFY2(!o.hung, "opening a FIFO named as a VMDK extent blocked");
    QVERIFY(!o.ok);
    QCOMPARE(o.error.code, QStringLiteral("vmdk_bad_extent"));
    QVERIFY2(o.error.message.contains(QStringLiteral("named pipe")), qPrintable(o.error.message));
}

void TestSafeOpen::absoluteExtent()
{
    const QString vmdk = vmdkFolder(QStringLiteral("absolute"), descriptor("/etc/passwd"));
    Error error;
    QVERIFY(!openDiskImage(vmdk, &error));
    QCOMPARE(error.code, QStringLiteral("vmdk_extent_outside_folder"));
    // Names the line, the extent, and the fix.
    QVERIFY2(error.message.contains(QStringLiteral("Line 8")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("/etc/passwd")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("write just \"passwd\"")),
             qPrintable(error.message));
}

void TestSafeOpen::dotDotExtent()
{
    // The escaped-to file exists and is big enough: only the rule can refuse it.
    QVERIFY(writeFile(path(QStringLiteral("x")), QByteArray(1024 * 1024, 'x')));
    const QString vmdk = vmdkFolder(QStringLiteral("dotdot"), descriptor("../x"));
    Error error;
    QVERIFY(!openDiskImage(vmdk, &error));
    QCOMPARE(error.code, QStringLiteral("vmdk_extent_outside_folder"));
    QVERIFY2(error.message.contains(QStringLiteral("\"..\"")), qPrintable(error.message));
    const QString nested = vmdkFolder(QStringLiteral("dotdot2"), descriptor("sub/../../x"));
    QVERIFY(!openDiskImage(nested, &error));
    QCOMPARE(error.code, QStringLiteral("vmdk_extent_outside_folder"));
}

void TestSafeOpen::symlinkedExtentLeavingFolder()
{
    QVERIFY(writeFile(path(QStringLiteral("outside-flat.vmdk")), QByteArray(1024 * 1024, 'o')));
    const QString vmdk = vmdkFolder(QStringLiteral("link"), descriptor("disk-flat.vmdk"));
    QVERIFY(QFile::link(QStringLiteral("../outside-flat.vmdk"),
                        path(QStringLiteral("link/disk-flat.vmdk"))));
    Error error;
    QVERIFY(!openDiskImage(vmdk, &error));
    QCOMPARE(error.code, QStringLiteral("vmdk_bad_extent"));
    QVERIFY2(error.message.contains(QStringLiteral("symbolic link")), qPrintable(error.message));
}

void TestSafeOpen::symlinkedFolderOnTheWay()
{
    QDir().mkpath(path(QStringLiteral("elsewhere")));
    QVERIFY(writeFile(path(QStringLiteral("elsewhere/d-flat.vmdk")), QByteArray(1024 * 1024, 'e')));
    const QString vmdk = vmdkFolder(QStringLiteral("linkdir"), descriptor("sub/d-flat.vmdk"));
    QVERIFY(QFile::link(QStringLiteral("../elsewhere"), path(QStringLiteral("linkdir/sub"))));
    Error error;
    QVERIFY(!openDiskImage(vmdk, &error));
    QCOMPARE(error.code, QStringLiteral("vmdk_bad_extent"));
    QVERIFY2(error.message.contains(QStringLiteral("symbolic link")), qPrintable(error.message));
}

void TestSafeOpen::extentInSubfolderStillOpens()
{
    const QString vmdk = vmdkFolder(QStringLiteral("subdir"), descriptor("data/d-flat.vmdk"));
    QDir().mkpath(path(QStringLiteral("subdir/data")));
    QVERIFY(
        writeFile(path(QStringLiteral("subdir/data/d-flat.vmdk")), QByteArray(1024 * 1024, 's')));
    Error error;
    auto image = openDiskImage(vmdk, &error);
    QVERIFY2(image, qPrintable(error.message));
    char byte = 0;
    QVERIFY(image->read(4096, &byte, 1, &error));
    QCOMPARE(byte, 's');
}

void TestSafeOpen::imageThroughSymlinkStillOpens()
{
    // The user naming a link to their image is normal: the image path itself is followed.
    const QString vmdk = vmdkFolder(QStringLiteral("real"), descriptor("r-flat.vmdk"));
    QVERIFY(writeFile(path(QStringLiteral("real/r-flat.vmdk")), QByteArray(1024 * 1024, 'r')));
    QVERIFY(QFile::link(path(QStringLiteral("real/r-flat.vmdk")), path(QStringLiteral("r.raw"))));
    Error error;
    auto image = openDiskImage(path(QStringLiteral("r.raw")), &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("raw"));
}

void TestSafeOpen::nonUtf8FileName()
{
    const QByteArray name = QFile::encodeName(m_dir.path()) + "/img\xff.raw";
    QFile source(test::baseDisk(QStringLiteral("mbr-ext4.raw")));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray data = source.readAll();
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    QVERIFY(fd >= 0);
    QCOMPARE(::write(fd, data.constData(), size_t(data.size())), ssize_t(data.size()));
    ::close(fd);
    Error error;
    auto image = openDiskImage(util::NativePath::fromBytes(name), &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("raw"));
    // The lossy text Qt would make of the name does not open: the bytes are what matter.
    QVERIFY(!openDiskImage(QFile::decodeName(name), &error));
    QCOMPARE(error.code, QStringLiteral("not_found"));
    QVERIFY2(error.message.contains(QStringLiteral("img\uFFFD.raw")), qPrintable(error.message));
}

void TestSafeOpen::nonUtf8Display()
{
    const auto p = util::NativePath::fromBytes("/tmp/d\xc3\xa9j\xe0/img\xff.raw");
    QCOMPARE(p.display(), QStringLiteral("/tmp/d\u00e9j\\xe0/img\\xff.raw"));
    QCOMPARE(p.fileNameDisplay(), QStringLiteral("img\\xff.raw"));
    QVERIFY(!p.isValidUtf8());
    QCOMPARE(util::textWithReplacements(p.fileNameBytes()), QStringLiteral("img_.raw"));
    QCOMPARE(p.directory().bytes(), QByteArray("/tmp/d\xc3\xa9j\xe0"));
    QCOMPARE(util::NativePath::fromBytes("/a/./b/../c//d").absolute().bytes(),
             QByteArray("/a/c/d"));
    // Overlong forms and surrogates are not valid UTF-8 either.
    QCOMPARE(util::displayBytes("\xc0\xaf\xed\xa0\x80"),
             QStringLiteral("\\xc0\\xaf\\xed\\xa0\\x80"));
}

QTEST_GUILESS_MAIN(TestSafeOpen)
#include "tst_safeopen.moc"
