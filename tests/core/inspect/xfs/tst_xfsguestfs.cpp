// XfsGuestFs reads what mkfs.xfs (from a protofile) and the kernel (through a loop mount) wrote:
// every file, listing and link equals the source tree, and listings, inode numbers and sizes
// equal what xfs_db (xfsprogs) reads. (Damaged copies: tst_xfshostile.)
#include "XfsTestSupport.h"
#include "disk/DiskImageOpener.h"
#include "inspect/GuestPath.h"
#include "inspect/xfs/XfsGuestFs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <unistd.h>

using namespace cvmi;
using namespace cvmi::inspect;

using namespace cvmi::test::xfs;

class TestXfsGuestFs : public QObject {
    Q_OBJECT
private slots:
    void treeMatchesSource_data();
    void treeMatchesSource();
    void listingsMatchXfsDb_data();
    void listingsMatchXfsDb();
    void readsAtOffsets();
    void mountedBtreeForks();

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

QTEST_GUILESS_MAIN(TestXfsGuestFs)
#include "tst_xfsguestfs.moc"
