// XfsGuestFs reads what mkfs.xfs (from a protofile) and the kernel (through a loop mount) wrote:
// every file, listing and link equals the source tree, and listings, inode numbers and sizes
// equal what xfs_db (xfsprogs) reads. Damaged copies end in a specific error, never a crash.
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "inspect/GuestPath.h"
#include "inspect/xfs/XfsGuestFs.h"
#include "util/Endian.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <cstring>

#include <unistd.h>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

// A disk held in memory, for the damaged copies.
class MemoryDisk final : public disk::DiskImage {
public:
    explicit MemoryDisk(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    QString format() const override { return QStringLiteral("raw"); }
    QString subformat() const override { return {}; }
    uint64_t virtualSize() const override { return uint64_t(m_bytes.size()); }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (!checkRange(offset, length, error))
            return false;
        std::memcpy(buffer, m_bytes.constData() + offset, length);
        return true;
    }

private:
    QByteArray m_bytes;
};

QString dir()
{
    return test::fixtureDir() + QStringLiteral("/xfs/");
}

QByteArray xfsDb(const QString& image, const QStringList& commands)
{
    QStringList arguments{QStringLiteral("-r")};
    for (const QString& command : commands)
        arguments << QStringLiteral("-c") << command;
    arguments << dir() + image;
    QByteArray out;
    if (!test::runTool(QStringLiteral("/usr/sbin/xfs_db"), arguments, &out))
        return "xfs_db failed";
    return out;
}

// name -> inode number, as xfs_db's `ls` prints them ("offset inode type hash namelen name").
QMap<QString, uint64_t> xfsDbListing(const QString& image, const QString& path)
{
    QMap<QString, uint64_t> names;
    const QByteArray out = xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("ls")});
    for (const QByteArray& line : out.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 7 && fields[5] != "." && fields[5] != "..")
            names.insert(QString::fromUtf8(fields[5]), fields[1].toULongLong());
    }
    return names;
}

uint64_t xfsDbValue(const QString& image, const QString& path, const QString& field)
{
    const QByteArray out =
        xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("p ") + field});
    return out.mid(out.indexOf('=') + 1).trimmed().split(' ').first().toULongLong(); // "1 (local)"
}

QMap<QString, uint64_t> listing(GuestFs& fs, const GuestNode& node)
{
    QMap<QString, uint64_t> names;
    QList<GuestDirEntry> entries;
    Error error;
    if (!fs.listDirectory(node, &entries, &error))
        qWarning("listing failed: %s", qPrintable(error.message));
    for (const GuestDirEntry& entry : entries)
        names.insert(entry.name, entry.node.id);
    return names;
}

QByteArray readAll(GuestFs& fs, const QString& path)
{
    Error error;
    const std::optional<QByteArray> bytes = GuestPath::readFile(fs, path, 64 << 20, &error);
    return bytes ? *bytes : "failed: " + error.message.toUtf8();
}

} // namespace

class TestXfsGuestFs : public QObject {
    Q_OBJECT
private slots:
    void treeMatchesSource_data();
    void treeMatchesSource();
    void listingsMatchXfsDb_data();
    void listingsMatchXfsDb();
    void readsAtOffsets();
    void mountedBtreeForks();
    void hostile_data();
    void hostile();
    void directoryCycleIsFinite();
    void truncatedImage();

private:
    std::unique_ptr<disk::DiskImage> m_disk; // what open() returned last reads from it
    std::unique_ptr<XfsGuestFs> open(const QString& image);
};

std::unique_ptr<XfsGuestFs> TestXfsGuestFs::open(const QString& image)
{
    Error error;
    m_disk = disk::openDiskImage(dir() + image, &error);
    if (!m_disk) {
        qWarning("%s: %s", qPrintable(image), qPrintable(error.message));
        return nullptr;
    }
    auto fs = XfsGuestFs::open(*m_disk, 0, m_disk->virtualSize(), &error);
    if (!fs)
        qWarning("%s: %s", qPrintable(image), qPrintable(error.message));
    return fs;
}

static void variants()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("version");
    for (const char* name : {"v5", "v4", "v4-noftype", "v5-i2048-dir16k", "v4-i512-dir16k"})
        QTest::newRow(name) << QString::fromLatin1(name) + QStringLiteral(".img")
                            << (name[1] == '5' ? 5 : 4);
}

void TestXfsGuestFs::treeMatchesSource_data()
{
    variants();
}

void TestXfsGuestFs::treeMatchesSource()
{
    QFETCH(QString, image);
    QFETCH(int, version);
    auto fs = open(image);
    QVERIFY(fs);
    QCOMPARE(fs->formatVersion(), version);
    QVERIFY(!fs->caseInsensitiveNames());
    const QByteArray uuid = xfsDb(image, {QStringLiteral("uuid")});
    QCOMPARE(QByteArray("UUID = " + fs->uuid().toLatin1() + "\n"), uuid);
    const bool full = image == QLatin1String("v5.img") || image == QLatin1String("v4.img");
    const QString tree = dir() + QStringLiteral("tree");
    int files = 0;
    QHash<QString, QHash<QString, GuestNode>> listings;
    QDirIterator it(tree, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString path = info.filePath().mid(tree.size());
        if ((!full && path == QLatin1String("/multi.bin")) ||
            (version == 5 && path == QLatin1String("/longlink"))) // see make-xfs-images.sh
            continue;
        Error error;
        // The 2050 small files through their directory's listing, once; the rest by path.
        std::optional<GuestNode> node;
        if (path.contains(QLatin1String("/entry-"))) {
            const QString parent = path.section(u'/', 0, -2);
            if (!listings.contains(parent)) {
                const auto dirNode = GuestPath::resolve(*fs, parent, true, &error);
                QVERIFY(dirNode);
                QList<GuestDirEntry> entries;
                QVERIFY(fs->listDirectory(*dirNode, &entries, &error));
                for (const GuestDirEntry& entry : entries)
                    listings[parent].insert(entry.name, entry.node);
            }
            if (listings[parent].contains(info.fileName()))
                node = listings[parent].value(info.fileName());
        } else {
            node = GuestPath::resolve(*fs, path, false, &error);
        }
        QVERIFY2(node, qPrintable(path + QStringLiteral(": ") + error.message));
        if (info.isSymLink()) {
            QCOMPARE(node->kind, GuestNode::Kind::Symlink);
            QString target;
            QVERIFY2(fs->readSymlink(*node, &target, &error), qPrintable(error.message));
            char raw[4096];
            const ssize_t length =
                ::readlink(info.filePath().toUtf8().constData(), raw, sizeof raw);
            QVERIFY(length > 0);
            QCOMPARE(target.toUtf8(), QByteArray(raw, qsizetype(length)));
        } else if (info.isDir()) {
            QCOMPARE(node->kind, GuestNode::Kind::Directory);
            QStringList expected = QDir(info.filePath())
                                       .entryList(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                  QDir::Hidden | QDir::System);
            if (!full && path.isEmpty())
                expected.removeAll(QStringLiteral("multi.bin"));
            if (version == 5 && path.isEmpty())
                expected.removeAll(QStringLiteral("longlink"));
            QCOMPARE(listing(*fs, *node).keys(), expected);
        } else {
            QCOMPARE(node->kind, GuestNode::Kind::File);
            QFile source(info.filePath());
            QVERIFY(source.open(QIODevice::ReadOnly));
            QByteArray content;
            QVERIFY(fs->readFile(*node, 0, 64 << 20, &content, &error));
            QCOMPARE(content, source.readAll());
            GuestNode stated = *node;
            QVERIFY(fs->stat(&stated, &error));
            QCOMPARE(stated.size, uint64_t(info.size()));
            if (!path.contains(QLatin1String("entry-"))) // one xfs_db run each: the few others
                QCOMPARE(stated.size, xfsDbValue(image, path, QStringLiteral("core.size")));
            ++files;
        }
    }
    QVERIFY(files > 2050);
}

void TestXfsGuestFs::listingsMatchXfsDb_data()
{
    variants();
}

void TestXfsGuestFs::listingsMatchXfsDb()
{
    QFETCH(QString, image);
    auto fs = open(image);
    QVERIFY(fs);
    for (const char* raw : {"/", "/small", "/block", "/big", "/etc", "/deep/a/b"}) {
        const QString path = QString::fromLatin1(raw);
        Error error;
        const auto node = GuestPath::resolve(*fs, path, true, &error);
        QVERIFY2(node, qPrintable(error.message));
        const QMap<QString, uint64_t> expected = xfsDbListing(image, path);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(listing(*fs, *node), expected);
    }
    // The directory forms are the ones meant: short form, one block, and more.
    QCOMPARE(xfsDbValue(image, QStringLiteral("/small"), QStringLiteral("core.format")), 1u);
    QVERIFY(xfsDbValue(image, QStringLiteral("/big"), QStringLiteral("core.format")) >= 2);
    QCOMPARE(listing(*fs, fs->root()).size(), xfsDbListing(image, QStringLiteral("/")).size());
}

void TestXfsGuestFs::readsAtOffsets()
{
    auto fs = open(QStringLiteral("v5.img"));
    QVERIFY(fs);
    QFile source(dir() + QStringLiteral("tree/multi.bin"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray whole = source.readAll();
    Error error;
    auto node = GuestPath::resolve(*fs, QStringLiteral("/multi.bin"), true, &error);
    QVERIFY(node);
    for (uint64_t offset :
         {0ull, 4095ull, 4096ull, 12345ull, (3ull << 20) - 10, 3ull << 20, (3ull << 20) + 5}) {
        QByteArray out;
        QVERIFY(fs->readFile(*node, offset, 8192, &out, &error));
        QCOMPARE(out, whole.mid(qsizetype(offset), 8192));
    }
    QVERIFY(fs->stat(&*node, &error));
    QCOMPARE(node->allocatedSize, uint64_t(whole.size()));
    auto empty = GuestPath::resolve(*fs, QStringLiteral("/empty"), true, &error);
    QVERIFY(empty && fs->stat(&*empty, &error));
    QCOMPARE(empty->size, 0u);
    QCOMPARE(empty->allocatedSize, 0u);
    QByteArray out = "x";
    QVERIFY(fs->readFile(*empty, 0, 100, &out, &error));
    QVERIFY(out.isEmpty());
    QCOMPARE(fs->label(), QString());
}

void TestXfsGuestFs::mountedBtreeForks()
{
    QFile skip(dir() + QStringLiteral("mounted.skip"));
    if (skip.open(QIODevice::ReadOnly))
        QSKIP(qPrintable(QStringLiteral("no image made through a loop mount: ") +
                         QString::fromUtf8(skip.readAll().trimmed())));
    const QString image = QStringLiteral("mounted.img");
    auto fs = open(image);
    QVERIFY(fs);
    QCOMPARE(xfsDbValue(image, QStringLiteral("/sparse.bin"), QStringLiteral("core.format")), 3u);
    QByteArray sparse(1999 * 4096, '\0');
    for (int i = 0; i < 2000; i += 2)
        sparse.replace(i * 4096, 4096, QByteArray(4096, char(i % 251 + 1)));
    QCOMPARE(readAll(*fs, QStringLiteral("/sparse.bin")), sparse);
    // Allocated bytes are the written extents xfs_db's bmap lists ("... count N flag 0").
    uint64_t written = 0;
    const QByteArray bmap =
        xfsDb(image, {QStringLiteral("path /sparse.bin"), QStringLiteral("bmap")});
    for (const QByteArray& line : bmap.split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 10 && f[9] == "0")
            written += f[7].toULongLong() * 4096;
    }
    Error error;
    auto node = GuestPath::resolve(*fs, QStringLiteral("/sparse.bin"), true, &error);
    QVERIFY(node && fs->stat(&*node, &error));
    QCOMPARE(node->allocatedSize, written);
    QByteArray span;
    for (uint32_t i = 0; i < 20 * 256; ++i) {
        const char be[4] = {char(i >> 24), char(i >> 16), char(i >> 8), char(i)};
        span += QByteArray(be, 4).repeated(1024);
    }
    QVERIFY(xfsDbValue(image, QStringLiteral("/span.bin"), QStringLiteral("core.nextents")) > 1);
    QCOMPARE(readAll(*fs, QStringLiteral("/span.bin")), span);
    QByteArray few(11 * 4096, '\0');
    for (int i = 0; i < 12; i += 2)
        few.replace(i * 4096, 4096, QByteArray(4096, char(i + 1)));
    QCOMPARE(readAll(*fs, QStringLiteral("/few.bin")), few);
    // Unwritten extents (xfs_db's "flag 1") read as zeros and cost nothing to read.
    QVERIFY(xfsDb(image, {QStringLiteral("path /prealloc.bin"), QStringLiteral("bmap")})
                .contains("flag 1"));
    QByteArray prealloc(65536, '\0');
    prealloc.replace(8192, 4096, QByteArray(4096, 'p'));
    QCOMPARE(readAll(*fs, QStringLiteral("/prealloc.bin")), prealloc);
    auto pre = GuestPath::resolve(*fs, QStringLiteral("/prealloc.bin"), true, &error);
    QVERIFY(pre && fs->stat(&*pre, &error));
    QCOMPARE(pre->allocatedSize, 4096u);
    for (int d = 0; d < 4; ++d) {
        const QString path = QStringLiteral("/frag%1").arg(d);
        QCOMPARE(xfsDbValue(image, path, QStringLiteral("core.format")), 3u);
        auto frag = GuestPath::resolve(*fs, path, true, &error);
        QVERIFY(frag);
        const QMap<QString, uint64_t> names = listing(*fs, *frag);
        QCOMPARE(names.size(), 1500);
        QCOMPARE(names, xfsDbListing(image, path));
    }
    QCOMPARE(readAll(*fs, QStringLiteral("/etc/os-release")), QByteArray("ID=\"rhel\"\n"));
    QCOMPARE(xfsDbValue(image, QStringLiteral("/longlink"), QStringLiteral("core.format")), 2u);
    QStringList segments;
    for (int i = 0; i < 90; ++i)
        segments << QStringLiteral("segment%1").arg(i, 2, 10, QLatin1Char('0'));
    QCOMPARE(GuestPath::readLink(*fs, QStringLiteral("/longlink")), segments.join(u'/'));
}

namespace {

// xfs_db's "0x10600 (67072)": the number in parentheses.
uint64_t xfsDbConvert(const QString& image, const QString& what)
{
    const QByteArray out =
        xfsDb(image, {QStringLiteral("convert ") + what + QStringLiteral(" byte")});
    return out.mid(out.indexOf('(') + 1).split(')').first().toULongLong();
}

uint64_t inodeByte(const QString& image, const QString& path)
{
    const QByteArray out = xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("inode")});
    // "current inode number is N"
    const uint64_t ino = out.mid(out.lastIndexOf(' ') + 1).trimmed().toULongLong();
    return xfsDbConvert(image, QStringLiteral("ino %1").arg(ino));
}

uint64_t firstBlockByte(const QString& image, const QString& path)
{
    const QByteArray out = xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("bmap")});
    const uint64_t fsblock =
        out.mid(out.indexOf("startblock ") + 11).split(' ').first().toULongLong();
    return xfsDbConvert(image, QStringLiteral("fsblock %1").arg(fsblock));
}

QByteArray imageBytes(const QString& image)
{
    QFile file(dir() + image);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void put16(QByteArray* bytes, uint64_t at, uint16_t value)
{
    (*bytes)[qsizetype(at)] = char(value >> 8);
    (*bytes)[qsizetype(at + 1)] = char(value);
}

void put64(QByteArray* bytes, uint64_t at, uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        (*bytes)[qsizetype(at + i)] = char(value >> (56 - 8 * i));
}

} // namespace

void TestXfsGuestFs::hostile_data()
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

void TestXfsGuestFs::hostile()
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

void TestXfsGuestFs::directoryCycleIsFinite()
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

void TestXfsGuestFs::truncatedImage()
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

QTEST_GUILESS_MAIN(TestXfsGuestFs)
#include "tst_xfsguestfs.moc"
