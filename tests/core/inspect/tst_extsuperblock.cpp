// ExtSuperblock: the parser against what e2fsprogs' own dumpe2fs -h prints of real file systems
// (made here by mkfs.ext4 and put in their states by debugfs, and the fsstate fixture disks),
// and against hostile bytes (cut short, absurd counts, unknown features).
#include "TestSupport.h"
#include "inspect/ExtSuperblock.h"
#include "inspect/Inspector.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

const QString kPartition = QStringLiteral("?offset=1048576"); // tree_disk's partition

QString fsstateDisk(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/fsstate/") + name;
}

// The "Key:   value" lines of `dumpe2fs -h`.
QHash<QString, QString> dumpe2fs(const QString& device)
{
    QByteArray out;
    QHash<QString, QString> fields;
    if (!test::runTool(QStringLiteral("/usr/sbin/dumpe2fs"), {QStringLiteral("-h"), device}, &out))
        return fields;
    for (const QByteArray& line : out.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            fields.insert(QString::fromUtf8(line.left(colon)),
                          QString::fromUtf8(line.mid(colon + 1)).trimmed());
    }
    return fields;
}

QByteArray head(const QString& file, qint64 offset)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(offset))
        return {};
    return f.read(4096);
}

// Every field the rules use, compared with dumpe2fs's reading of the same file system.
void compareWithDumpe2fs(const QString& file, qint64 offset)
{
    const QString device = offset ? file + QStringLiteral("?offset=%1").arg(offset) : file;
    const auto d = dumpe2fs(device);
    QVERIFY2(!d.isEmpty(), qPrintable(device));
    ExtFsState s;
    QVERIFY(parseExtSuperblock(head(file, offset), &s));
    QVERIFY(s.read);
    QVERIFY(s.countsSane);
    QCOMPARE(extFeatureNames(s).join(u' '), d.value(QStringLiteral("Filesystem features")));
    QCOMPARE(extStateText(s.state), d.value(QStringLiteral("Filesystem state")));
    QCOMPARE(QString::number(s.blocks), d.value(QStringLiteral("Block count")));
    QCOMPARE(QString::number(s.freeBlocks), d.value(QStringLiteral("Free blocks")));
    QCOMPARE(QString::number(s.reservedBlocks), d.value(QStringLiteral("Reserved block count")));
    QCOMPARE(QString::number(s.blockSize), d.value(QStringLiteral("Block size")));
    QCOMPARE(QString::number(s.mountCount), d.value(QStringLiteral("Mount count")));
    QCOMPARE(QString::number(s.maxMountCount), d.value(QStringLiteral("Maximum mount count")));
    QCOMPARE(QString::number(s.errorCount),
             d.value(QStringLiteral("FS Error count"), QStringLiteral("0")));
    if (d.contains(QStringLiteral("First error function")))
        QCOMPARE(s.firstErrorFunction, d.value(QStringLiteral("First error function")));
    QCOMPARE(s.firstErrorTime != 0, d.contains(QStringLiteral("First error time")));
    QCOMPARE(s.lastMountTime != 0,
             d.value(QStringLiteral("Last mount time")) != QLatin1String("n/a"));
}

void put32(QByteArray* b, int offset, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        (*b)[1024 + offset + i] = char((v >> (8 * i)) & 0xFF);
}

QByteArray minimalSuperblock()
{
    QByteArray b(2048, '\0');
    b[1024 + 56] = char(0x53);
    b[1024 + 57] = char(0xEF);
    put32(&b, 4, 1000); // blocks
    put32(&b, 8, 50);   // reserved
    put32(&b, 12, 400); // free
    put32(&b, 24, 2);   // 4 KiB blocks
    b[1024 + 58] = 1;   // clean
    return b;
}

} // namespace

class TestExtSuperblock : public QObject {
    Q_OBJECT

private slots:
    void fixtureDisksMatchDumpe2fs_data()
    {
        QTest::addColumn<QString>("disk");
        QTest::addColumn<qint64>("offset");
        for (const char* name : {"clean.raw", "errors.raw", "recovery.raw", "full.raw"})
            QTest::newRow(name) << fsstateDisk(QString::fromLatin1(name)) << qint64(1048576);
        QTest::newRow("twofs /boot") << fsstateDisk(QStringLiteral("twofs.raw")) << qint64(1048576);
        QTest::newRow("twofs /") << fsstateDisk(QStringLiteral("twofs.raw")) << qint64(34816 * 512);
    }
    void fixtureDisksMatchDumpe2fs()
    {
        QFETCH(QString, disk);
        QFETCH(qint64, offset);
        compareWithDumpe2fs(disk, offset);
    }

    // Feature sets and block sizes mkfs.ext4 makes, one file system each.
    void mkfsVariantsMatchDumpe2fs_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("ext2") << QStringList{QStringLiteral("-t"), QStringLiteral("ext2")};
        QTest::newRow("ext3 4k") << QStringList{QStringLiteral("-t"), QStringLiteral("ext3"),
                                                QStringLiteral("-b"), QStringLiteral("4096")};
        QTest::newRow("no metadata_csum")
            << QStringList{QStringLiteral("-O"), QStringLiteral("^metadata_csum")};
        QTest::newRow("newest features")
            << QStringList{QStringLiteral("-O"),
                           QStringLiteral("metadata_csum_seed,orphan_file,large_dir,ea_inode,"
                                          "inline_data,encrypt,casefold,verity,project,quota")};
        QTest::newRow("sparse_super2 fast_commit stable_inodes")
            << QStringList{QStringLiteral("-O"),
                           QStringLiteral("fast_commit,stable_inodes,sparse_super2,^resize_inode")};
        QTest::newRow("bigalloc 64bit")
            << QStringList{QStringLiteral("-O"), QStringLiteral("bigalloc,64bit"),
                           QStringLiteral("-C"), QStringLiteral("16384")};
    }
    void mkfsVariantsMatchDumpe2fs()
    {
        QFETCH(QStringList, options);
        QTemporaryDir dir;
        const QString img = dir.filePath(QStringLiteral("fs.img"));
        QVERIFY(test::runTool(QStringLiteral("truncate"),
                              {QStringLiteral("-s"), QStringLiteral("64M"), img}));
        QVERIFY(test::runTool(QStringLiteral("/usr/sbin/mkfs.ext4"),
                              QStringList{QStringLiteral("-q"), QStringLiteral("-F")} + options +
                                  QStringList{img}));
        compareWithDumpe2fs(img, 0);
    }

    void fixtureStatesAsTheRulesNeedThem()
    {
        ExtFsState s;
        QVERIFY(parseExtSuperblock(head(fsstateDisk(QStringLiteral("errors.raw")), 1048576), &s));
        QVERIFY(s.state & kExtStateErrors);
        QCOMPARE(s.errorCount, 3u);
        QCOMPARE(s.firstErrorFunction, QStringLiteral("ext4_lookup"));
        QVERIFY(parseExtSuperblock(head(fsstateDisk(QStringLiteral("recovery.raw")), 1048576), &s));
        QVERIFY(s.incompat & kExtIncompatRecover);
        QVERIFY(!(s.state & kExtStateErrors));
        QVERIFY(parseExtSuperblock(head(fsstateDisk(QStringLiteral("full.raw")), 1048576), &s));
        QVERIFY(extFreeBytes(s) < (16u << 20));
        QVERIFY(extAvailableBytes(s) < extFreeBytes(s));
    }

    // The layout reader fills the state in for each ext partition.
    void layoutCarriesTheState()
    {
        const ImageFacts facts = inspectImage(fsstateDisk(QStringLiteral("twofs.raw")));
        QVERIFY(facts.layoutKnown);
        QCOMPARE(facts.layout.partitions.size(), 2);
        QVERIFY(facts.layout.partitions[0].ext.read);
        QVERIFY(facts.layout.partitions[0].ext.state & kExtStateErrors);
        QVERIFY(facts.layout.partitions[1].ext.read);
        QCOMPARE(facts.layout.partitions[1].ext.state, kExtStateValid);
    }

    void hostileBytes()
    {
        ExtFsState s;
        QVERIFY(!parseExtSuperblock({}, &s));
        QVERIFY(!s.read);
        QByteArray b = minimalSuperblock();
        QVERIFY(parseExtSuperblock(b, &s));
        QVERIFY(s.countsSane);
        QCOMPARE(extFreeBytes(s), 400ull * 4096);
        QCOMPARE(extAvailableBytes(s), 350ull * 4096);
        QVERIFY(!parseExtSuperblock(b.left(2047), &s)); // the super block cut short
        QVERIFY(!s.read);
        QByteArray noMagic = b;
        noMagic[1024 + 56] = 0;
        QVERIFY(!parseExtSuperblock(noMagic, &s));

        QByteArray moreFree = b;
        put32(&moreFree, 12, 5000); // more free blocks than blocks
        QVERIFY(parseExtSuperblock(moreFree, &s));
        QVERIFY(!s.countsSane);
        QCOMPARE(extFreeBytes(s), 0ull);
        QCOMPARE(extTotalBytes(s), 0ull);

        QByteArray hugeBlocks = b;
        put32(&hugeBlocks, 24, 40); // 1024 << 40: no block size
        QVERIFY(parseExtSuperblock(hugeBlocks, &s));
        QVERIFY(!s.countsSane);
        QCOMPARE(s.blockSize, 0u);

        QByteArray wide = b;
        put32(&wide, 96, 0x80);        // 64bit
        put32(&wide, 336, 0xFFFFFFFF); // blocks_count_hi: bytes beyond 2^64
        put32(&wide, 24, 6);           // 64 KiB blocks
        QVERIFY(parseExtSuperblock(wide, &s));
        QVERIFY(!s.countsSane);
        QCOMPARE(extAvailableBytes(s), 0ull);

        QByteArray reservedAll = b;
        put32(&reservedAll, 8, 900); // reserve above free: nothing for other users, no underflow
        QVERIFY(parseExtSuperblock(reservedAll, &s));
        QCOMPARE(extAvailableBytes(s), 0ull);

        QByteArray unknown = b;
        put32(&unknown, 92, 0x80000000u);
        put32(&unknown, 96, 0x40000000u);
        put32(&unknown, 100, 0x00100000u);
        QVERIFY(parseExtSuperblock(unknown, &s));
        QCOMPARE(extFeatureNames(s),
                 (QStringList{QStringLiteral("FEATURE_C31"), QStringLiteral("FEATURE_I30"),
                              QStringLiteral("FEATURE_R20")}));

        QByteArray text = b; // names without their terminating NUL stay inside their field
        for (int i = 0; i < 64; ++i)
            text[1024 + 136 + i] = 'm';
        for (int i = 0; i < 32; ++i)
            text[1024 + 424 + i] = 'f';
        QVERIFY(parseExtSuperblock(text, &s));
        QCOMPARE(s.lastMountedOn.size(), 64);
        QCOMPARE(s.firstErrorFunction.size(), 32);
    }
};

QTEST_GUILESS_MAIN(TestExtSuperblock)
#include "tst_extsuperblock.moc"
