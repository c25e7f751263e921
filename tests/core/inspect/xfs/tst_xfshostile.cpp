// XfsGuestFs on damaged copies of the fixture images: each damage ends in its own error code and
// words (what and where), never a crash, a hang or a wrong answer taken for a right one.
#include "XfsTestSupport.h"
#include "inspect/GuestPath.h"
#include "inspect/xfs/XfsGuestFs.h"
#include "util/Endian.h"

using namespace cvmi;
using namespace cvmi::inspect;
using namespace cvmi::test::xfs;

class TestXfsHostile : public QObject {
    Q_OBJECT
private slots:
    void hostile_data();
    void hostile();
    void directoryCycleIsFinite();
    void truncatedImage();
};

void TestXfsHostile::hostile_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("path"); // empty: open() itself must fail
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("words");
    const QString v5 = QStringLiteral("v5.img"), m = QStringLiteral("mounted.img");
    QTest::newRow("superblock magic") << v5 << "magic"
                                      << ""
                                      << "fs_unreadable"
                                      << "XFSB";
    QTest::newRow("unknown incompat") << v5 << "incompat"
                                      << ""
                                      << "fs_unsupported"
                                      << "0x80000000";
    QTest::newRow("ascii-ci") << v5 << "asciici"
                              << ""
                              << "fs_unsupported"
                              << "ascii-ci";
    QTest::newRow("root not a directory") << v5 << "rootmode"
                                          << ""
                                          << "fs_unreadable"
                                          << "root";
    QTest::newRow("inode magic") << v5 << "inodemagic"
                                 << "/etc"
                                 << "fs_read_error"
                                 << "IN magic";
    QTest::newRow("extent out of range") << v5 << "extent"
                                         << "/etc/os-release"
                                         << "fs_read_error"
                                         << "outside";
    QTest::newRow("declared size") << v5 << "size"
                                   << "/etc/os-release"
                                   << "file_too_large"
                                   << "";
    QTest::newRow("directory block magic") << v5 << "dirblock"
                                           << "/block"
                                           << "fs_read_error"
                                           << "magic";
    QTest::newRow("remote symlink header") << m << "symlink"
                                           << "/longlink"
                                           << "fs_read_error"
                                           << "symbolic link";
    QTest::newRow("inode number") << v5 << "ino"
                                  << "/etc"
                                  << "fs_read_error"
                                  << "says it is";
    QTest::newRow("B+tree cycle") << m << "cycle"
                                  << "/sparse.bin"
                                  << "fs_read_error"
                                  << "twice";
}

void TestXfsHostile::hostile()
{
    QFETCH(QString, image);
    QFETCH(QString, damage);
    QFETCH(QString, path);
    QFETCH(QString, code);
    QFETCH(QString, words);
    if (image == QLatin1String("mounted.img") &&
        QFile::exists(dir() + QStringLiteral("mounted.skip")))
        QSKIP("no image made through a loop mount (see mounted.skip)");
    QByteArray bytes = imageBytes(image);
    QVERIFY(!bytes.isEmpty());
    const uint64_t target = path.isEmpty() ? 0 : inodeByte(image, path);
    if (damage == QLatin1String("magic")) {
        bytes[0] = 'Y';
    } else if (damage == QLatin1String("incompat")) {
        bytes[216] = char(0x80);
    } else if (damage == QLatin1String("asciici")) {
        bytes[100] = char(bytes[100] | 0x40);
    } else if (damage == QLatin1String("rootmode")) {
        put16(&bytes, inodeByte(image, QStringLiteral("/")) + 2, 0100644);
    } else if (damage == QLatin1String("inodemagic")) {
        bytes[qsizetype(target)] = 'X';
    } else if (damage == QLatin1String("extent")) {
        bytes[qsizetype(target + 176 + 7)] = char(0xff); // start block bits 43..50: AG far away
    } else if (damage == QLatin1String("size")) {
        put64(&bytes, target + 56, uint64_t(1) << 40);
    } else if (damage == QLatin1String("dirblock") || damage == QLatin1String("symlink")) {
        bytes[qsizetype(firstBlockByte(image, path))] = 'Q';
    } else if (damage == QLatin1String("ino")) {
        put64(&bytes, target + 152, 12345); // di_ino, v3 inodes only
    } else if (damage == QLatin1String("cycle")) {
        // The root's second pointer made the first: the same leaf twice.
        const unsigned forkSize = unsigned(uchar(bytes[qsizetype(target + 82)])) * 8;
        const unsigned pointers = 176 + 4 + (forkSize - 4) / 16 * 8;
        put64(&bytes, target + pointers + 8, be64(bytes.constData() + target + pointers));
    }
    MemoryDisk disk(bytes);
    Error error;
    auto fs = XfsGuestFs::open(disk, 0, disk.virtualSize(), &error);
    if (!path.isEmpty()) {
        QVERIFY2(fs, qPrintable(error.message));
        const auto node = GuestPath::resolve(*fs, path, false, &error);
        if (node) {
            QList<GuestDirEntry> entries;
            QByteArray out;
            QString link;
            const bool ok = node->kind == GuestNode::Kind::Directory
                                ? fs->listDirectory(*node, &entries, &error)
                            : node->kind == GuestNode::Kind::Symlink
                                ? fs->readSymlink(*node, &link, &error)
                                : fs->readFile(*node, 0, 1 << 20, &out, &error);
            QVERIFY(!ok);
        }
    } else {
        QVERIFY(!fs);
    }
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(words, Qt::CaseInsensitive), qPrintable(error.message));
}

void TestXfsHostile::directoryCycleIsFinite()
{
    // /deep/a/b/c/d/e's only entry ("f") made to point back to /deep: a loop of directories.
    const QString image = QStringLiteral("v5.img");
    QByteArray bytes = imageBytes(image);
    const QByteArray out = xfsDb(image, {QStringLiteral("path /deep"), QStringLiteral("inode")});
    const uint32_t deep = out.mid(out.lastIndexOf(' ') + 1).trimmed().toUInt();
    // Short form: count, i8count, parent (4), then namelen, offset (2), "f", ftype, inumber (4).
    const uint64_t at = inodeByte(image, QStringLiteral("/deep/a/b/c/d/e")) + 176 + 6 + 3 + 1 + 1;
    for (int i = 0; i < 4; ++i)
        bytes[qsizetype(at + i)] = char(deep >> (24 - 8 * i));
    MemoryDisk disk(bytes);
    Error error;
    auto fs = XfsGuestFs::open(disk, 0, disk.virtualSize(), &error);
    QVERIFY(fs);
    const auto node =
        GuestPath::resolve(*fs, QStringLiteral("/deep/a/b/c/d/e/f/a/b/c/d/e/f/a"), true, &error);
    QVERIFY2(node, qPrintable(error.message));
    QCOMPARE(node->kind, GuestNode::Kind::Directory);
    QCOMPARE(listing(*fs, *node).keys(), QStringList{QStringLiteral("b")});
}

void TestXfsHostile::truncatedImage()
{
    QByteArray bytes = imageBytes(QStringLiteral("v5.img")).left(1 << 20);
    MemoryDisk disk(bytes);
    Error error;
    QVERIFY(!XfsGuestFs::open(disk, 0, disk.virtualSize(), &error));
    QCOMPARE(error.code, QStringLiteral("fs_unreadable"));
    QVERIFY2(error.message.contains(QLatin1String("truncated")), qPrintable(error.message));
    QVERIFY(!XfsGuestFs::open(disk, 4096, disk.virtualSize(), &error)); // past the disk's end
    QCOMPARE(error.code, QStringLiteral("fs_unreadable"));
    QVERIFY(!XfsGuestFs::open(disk, 0, 100, &error));
    QCOMPARE(error.code, QStringLiteral("fs_unreadable"));
}

QTEST_GUILESS_MAIN(TestXfsHostile)
#include "tst_xfshostile.moc"
