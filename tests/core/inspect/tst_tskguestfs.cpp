// Files read through The Sleuth Kit equal what debugfs (e2fsprogs) reads from the same file system.
#include "TestSupport.h"
#include "inspect/GuestPath.h"
#include "inspect/TskGuestFs.h"

#include <tsk/libtsk.h>

using namespace cvmi;
using namespace cvmi::inspect;

class TestTskGuestFs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void filesMatchDebugfs_data();
    void filesMatchDebugfs();
    void symlinkInsideGuest();
    void listing();
    void allocatedSizeSkipsHoles();
    void notAFileSystem();

private:
    QByteArray debugfsCat(const QString& path);
    TSK_IMG_INFO* m_image = nullptr;
    std::unique_ptr<TskGuestFs> m_fs;
};

void TestTskGuestFs::initTestCase()
{
    const QByteArray path = test::baseDisk(QStringLiteral("whole-ext4.raw")).toUtf8();
    m_image = tsk_img_open_utf8_sing(path.constData(), TSK_IMG_TYPE_RAW, 0);
    QVERIFY(m_image);
    Error error;
    m_fs = TskGuestFs::open(m_image, 0, &error);
    QVERIFY2(m_fs, qPrintable(error.message));
    QCOMPARE(m_fs->typeName(), QStringLiteral("ext4"));
    QVERIFY(!m_fs->caseInsensitiveNames());
}

void TestTskGuestFs::cleanupTestCase()
{
    m_fs.reset();
    if (m_image)
        tsk_img_close(m_image);
}

QByteArray TestTskGuestFs::debugfsCat(const QString& path)
{
    QByteArray out;
    if (!test::runTool(QStringLiteral("/usr/sbin/debugfs"),
                       {QStringLiteral("-R"), QStringLiteral("cat ") + path,
                        test::baseDisk(QStringLiteral("whole-ext4.raw"))},
                       &out))
        return "debugfs failed";
    return out;
}

void TestTskGuestFs::filesMatchDebugfs_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("text") << QStringLiteral("/usr/lib/os-release");
    QTest::newRow("large") << QStringLiteral("/var/data/numbers.txt");
    QTest::newRow("random") << QStringLiteral("/var/data/random.bin");
    QTest::newRow("sparse") << QStringLiteral("/var/data/sparse.bin");
    QTest::newRow("fstab") << QStringLiteral("/etc/fstab");
}

void TestTskGuestFs::filesMatchDebugfs()
{
    QFETCH(QString, path);
    Error error;
    const auto ours = GuestPath::readFile(*m_fs, path, 64 * 1024 * 1024, &error);
    QVERIFY2(ours, qPrintable(error.message));
    const QByteArray truth = debugfsCat(path);
    QCOMPARE(ours->size(), truth.size());
    QVERIFY(*ours == truth);
}

void TestTskGuestFs::symlinkInsideGuest()
{
    // /etc/os-release -> ../usr/lib/os-release, resolved inside the guest.
    QCOMPARE(GuestPath::readLink(*m_fs, QStringLiteral("/etc/os-release")),
             QStringLiteral("../usr/lib/os-release"));
    const auto content = GuestPath::readFile(*m_fs, QStringLiteral("/etc/os-release"), 4096);
    QVERIFY(content);
    QVERIFY(content->contains("ID=fixture"));
}

void TestTskGuestFs::listing()
{
    QStringList names = GuestPath::list(*m_fs, QStringLiteral("/var/data"));
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("numbers.txt"), QStringLiteral("random.bin"),
                                 QStringLiteral("sparse.bin")}));
    QVERIFY(GuestPath::isDirectory(*m_fs, QStringLiteral("/etc")));
    QVERIFY(!GuestPath::exists(*m_fs, QStringLiteral("/etc/shadow")));
}

// The sparse fixture is a 5 MiB hole followed by "tail": one block is backed, not 5 MiB. A whole
// file is fully backed: its allocated size is its size rounded up to whole blocks.
void TestTskGuestFs::allocatedSizeSkipsHoles()
{
    Error error;
    const auto sparse =
        GuestPath::resolve(*m_fs, QStringLiteral("/var/data/sparse.bin"), true, &error);
    QVERIFY2(sparse, qPrintable(error.message));
    QCOMPARE(sparse->size, uint64_t(5 * 1024 * 1024 + 4));
    QVERIFY(sparse->allocatedSize > 0);
    QVERIFY2(sparse->allocatedSize <= 4096, qPrintable(QString::number(sparse->allocatedSize)));

    const auto whole =
        GuestPath::resolve(*m_fs, QStringLiteral("/var/data/numbers.txt"), true, &error);
    QVERIFY2(whole, qPrintable(error.message));
    QVERIFY(whole->size > 0);
    QVERIFY(whole->allocatedSize >= whole->size);
    QVERIFY(whole->allocatedSize < whole->size + 4096);
}

void TestTskGuestFs::notAFileSystem()
{
    Error error;
    // The first partition of the MBR disk starts at 1 MiB; byte 512 is inside the gap.
    const QByteArray path = test::baseDisk(QStringLiteral("mbr-ext4.raw")).toUtf8();
    TSK_IMG_INFO* image = tsk_img_open_utf8_sing(path.constData(), TSK_IMG_TYPE_RAW, 0);
    QVERIFY(image);
    QVERIFY(!TskGuestFs::open(image, 512, &error));
    QCOMPARE(error.code, QStringLiteral("fs_unreadable"));
    QVERIFY(TskGuestFs::open(image, 2048 * 512, &error));
    tsk_img_close(image);
}

QTEST_GUILESS_MAIN(TestTskGuestFs)
#include "tst_tskguestfs.moc"
