// The allocation maps of every reader (DiskImage::mapExtents) against `qemu-img map`, on images
// made here by qemu-img, qemu-io, truncate and dd: the same data where the format's tables say
// it, never "no data" where qemu-img sees data, every "no data" extent reading as zeros, the
// contract (ordered, merged, covering exactly) whatever the size of the pieces asked, and only
// tables read. VHDX has a slot of its own: qemu 7.2 has no VHDX map to compare with.
#include "MapTruth.h"
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/ByteSource.h"
#include "disk/DiskImageOpener.h"
#include "disk/ExtentMap.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <vector>

using namespace cvmi;
using namespace cvmi::disk;
using cvmi::test::dataBytes;
using cvmi::test::dataRuns;
using cvmi::test::holesReadAsZeros;
using cvmi::test::mapInPieces;
using cvmi::test::qemuDataRuns;
using cvmi::test::readFile;
using cvmi::test::Runs;
using cvmi::test::sh;
using cvmi::test::showRuns;
using cvmi::test::Truth;
using cvmi::test::writeFile;

class TestDiskMaps : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesQemu_data();
    void matchesQemu();
    void vmdkZeroExtent();
    void vhdSectorBitmap();
    void vhdxBlocks_data();
    void vhdxBlocks();
    void hugeSparseReadsOnlyTables_data();
    void hugeSparseReadsOnlyTables();
    void memorySourceIsAllData();
    void rawShrinksUnderUs();
    void rangeChecked();

private:
    QString folder(const QString& name) { return test::scratchFolder(m_dir, name); }
    // Checks `image` against qemu-img map; *ours gets our map of the whole disk.
    void check(const QString& image, const QString& qemuFormat, Truth truth, QList<Extent>* ours);

    QTemporaryDir m_dir;
    QString m_raw; // 64 MiB, sparse: data at 1 MiB (64 KiB), 20 MiB + 4 KiB, the last 8 KiB
    QString m_big; // 5 GiB, sparse: data across the 2 GiB and 4 GiB extent boundaries
};

void TestDiskMaps::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString dir = folder(QStringLiteral("sources"));
    m_raw = dir + QStringLiteral("/sparse.raw");
    m_big = dir + QStringLiteral("/big.raw");
    // dd writes whole 4 KiB blocks, so the file system's holes fall exactly between them. The
    // zeros written at 30 MiB are allocated: data for the file system, zeros for qemu-img.
    QVERIFY(sh(dir, QStringLiteral(
                        "truncate -s 64M sparse.raw && "
                        "dd if=/dev/urandom of=sparse.raw bs=4096 seek=256 count=16 conv=notrunc "
                        "status=none && "
                        "dd if=/dev/urandom of=sparse.raw bs=4096 seek=5121 count=3 conv=notrunc "
                        "status=none && "
                        "dd if=/dev/zero of=sparse.raw bs=4096 seek=7680 count=16 conv=notrunc "
                        "status=none && "
                        "dd if=/dev/urandom of=sparse.raw bs=4096 seek=16382 count=2 conv=notrunc "
                        "status=none && "
                        "truncate -s 5G big.raw && "
                        "qemu-io -f raw -c 'write -P 0x11 0 64K' -c 'write -P 0x22 2047M 2M' "
                        "-c 'write -P 0x33 4095M 3M' -c 'write -P 0x44 5119M 1M' big.raw "
                        ">/dev/null")));
}

void TestDiskMaps::matchesQemu_data()
{
    QTest::addColumn<QString>("script"); // makes disk.img in the case's folder from $RAW/$BIG
    QTest::addColumn<QString>("format"); // qemu-img's name
    QTest::addColumn<bool>("byFiles");   // Truth::Files rather than Truth::Tables
    QTest::newRow("raw") << QStringLiteral("cp --sparse=always $RAW disk.img")
                         << QStringLiteral("raw") << true;
    // Zero writes: the zero flag (v3), zero subclusters (extended L2), real zeros (v2).
    const QString writes = QStringLiteral(
        "qemu-io -f qcow2 -c 'write -P 1 1M 64K' -c 'write -z 3M 128K' -c 'write -P 2 8M 300K' "
        "-c 'write -z 8M 64K' -c 'write -P 3 20M 4K' -c 'write -z 20M 2K' -c 'write -P 4 63M 1M' "
        "disk.img >/dev/null");
    const char* qcow2Options[][2] = {
        {"v3", "compat=1.1"},
        {"v2", "compat=0.10"},
        {"extl2", "extended_l2=on"},
        {"extl2-c2M", "extended_l2=on,cluster_size=2M"},
        {"c512", "cluster_size=512"},
        {"c2M", "cluster_size=2M"},
        {"prealloc", "preallocation=metadata"},
    };
    for (const auto& [tag, options] : qcow2Options)
        QTest::addRow("qcow2-%s", tag)
            << QStringLiteral("qemu-img create -q -f qcow2 -o %1 disk.img 64M && %2")
                   .arg(QLatin1String(options), writes)
            << QStringLiteral("qcow2") << false;
    QTest::newRow("qcow2-zlib") << QStringLiteral("qemu-img convert -c -O qcow2 $RAW disk.img")
                                << QStringLiteral("qcow2") << false;
    QTest::newRow("qcow2-zstd")
        << QStringLiteral("qemu-img convert -c -O qcow2 -o compression_type=zstd $RAW disk.img")
        << QStringLiteral("qcow2") << false;
    QTest::newRow("qcow2-ext4") << QStringLiteral("qemu-img convert -c -O qcow2 %1 disk.img")
                                       .arg(test::baseDisk(QStringLiteral("gpt-ext4.raw")))
                                << QStringLiteral("qcow2") << false;
    const char* vmdkSparse[] = {"monolithicSparse", "streamOptimized", "twoGbMaxExtentSparse"};
    for (const char* subformat : vmdkSparse) {
        QTest::addRow("vmdk-%s", subformat)
            << QStringLiteral("qemu-img convert -O vmdk -o subformat=%1 $RAW disk.img")
                   .arg(QLatin1String(subformat))
            << QStringLiteral("vmdk") << false;
        QTest::addRow("vmdk-%s-5G", subformat)
            << QStringLiteral("qemu-img convert -O vmdk -o subformat=%1 $BIG disk.img")
                   .arg(QLatin1String(subformat))
            << QStringLiteral("vmdk") << false;
    }
    QTest::newRow("vmdk-zeroed-grain")
        << QStringLiteral("qemu-img create -q -f vmdk -o zeroed_grain=on disk.img 64M && "
                          "qemu-io -f vmdk -c 'write -P 1 0 1M' -c 'write -z 0 512K' "
                          "-c 'write -P 2 40M 64K' -c 'write -z 40M 64K' disk.img >/dev/null")
        << QStringLiteral("vmdk") << false;
    QTest::newRow("vmdk-monolithicFlat")
        << QStringLiteral("qemu-img convert -O vmdk -o subformat=monolithicFlat $RAW disk.img")
        << QStringLiteral("vmdk") << true;
    QTest::newRow("vmdk-twoGbMaxExtentFlat-5G")
        << QStringLiteral("qemu-img convert -O vmdk -o subformat=twoGbMaxExtentFlat $BIG disk.img")
        << QStringLiteral("vmdk") << true;
    QTest::newRow("vhd-dynamic")
        << QStringLiteral("qemu-img convert -O vpc -o subformat=dynamic $RAW disk.img")
        << QStringLiteral("vpc") << false;
    QTest::newRow("vhd-fixed") << QStringLiteral(
                                      "qemu-img convert -O vpc -o subformat=fixed $RAW disk.img")
                               << QStringLiteral("vpc") << true;
    // VDI: 1 MiB blocks, allocated in the order written; a static disk's blocks are all
    // allocated, its file's holes are the map. Block 20 (data at 20 MiB + 4 KiB) discarded by
    // hand as VirtualBox does on a trim: qemu reads it as zeros, "data": false.
    QTest::newRow("vdi-dynamic") << QStringLiteral("qemu-img convert -O vdi $RAW disk.img")
                                 << QStringLiteral("vdi") << false;
    QTest::newRow("vdi-dynamic-5G") << QStringLiteral("qemu-img convert -O vdi $BIG disk.img")
                                    << QStringLiteral("vdi") << false;
    QTest::newRow("vdi-static") << QStringLiteral(
                                       "qemu-img convert -O vdi -o static=on $RAW disk.img")
                                << QStringLiteral("vdi") << true;
    QTest::newRow("vdi-written")
        << QStringLiteral("qemu-img create -q -f vdi disk.img 9437696 && qemu-io -f vdi "
                          "-c 'write -P 1 8M 4k' -c 'write -P 2 2M 1M' -c 'write -P 3 9437184 "
                          "512' disk.img >/dev/null")
        << QStringLiteral("vdi") << false;
    QTest::newRow("vdi-discarded")
        << QStringLiteral("qemu-img convert -O vdi $RAW disk.img && printf '\\376\\377\\377\\377' "
                          "| dd of=disk.img bs=1 seek=592 conv=notrunc status=none")
        << QStringLiteral("vdi") << false;
}

void TestDiskMaps::check(const QString& image, const QString& qemuFormat, Truth truth,
                         QList<Extent>* ours)
{
    Error error;
    auto disk = openDiskImage(image, &error);
    QVERIFY2(disk, qPrintable(error.message));
    // One call for the whole disk, then odd pieces that cut clusters, grains, blocks and
    // extents: the joined answers must be the same map.
    QVERIFY2(disk->mapExtents(0, disk->virtualSize(), ours, &error), qPrintable(error.message));
    const QString problem = extentMapProblem(*ours, 0, disk->virtualSize());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (quint64 piece : {quint64(512 * 1024 * 1024), quint64(1024 * 1024 + 4096 + 512)}) {
        QList<Extent> joined;
        const QString pieces = mapInPieces(*disk, piece, &joined);
        QVERIFY2(pieces.isEmpty(), qPrintable(pieces));
        QCOMPARE(showRuns(dataRuns(joined)), showRuns(dataRuns(*ours)));
    }
    Runs qemu;
    quint64 covered = 0;
    QVERIFY(qemuDataRuns(image, qemuFormat, truth, &qemu, &covered));
    QCOMPARE(covered, disk->virtualSize());
    QCOMPARE(showRuns(dataRuns(*ours)), showRuns(qemu));
    const QString zeros = holesReadAsZeros(*disk, *ours);
    QVERIFY2(zeros.isEmpty(), qPrintable(zeros));
}

void TestDiskMaps::matchesQemu()
{
    QFETCH(QString, script);
    QFETCH(QString, format);
    QFETCH(bool, byFiles);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("RAW='%1' BIG='%2' && %3").arg(m_raw, m_big, script)));
    QList<Extent> ours;
    check(dir + QStringLiteral("/disk.img"), format, byFiles ? Truth::Files : Truth::Tables, &ours);
    if (QTest::currentTestFailed())
        return;
    // Not vacuous: every image here has both data and empty space.
    QVERIFY(std::any_of(ours.begin(), ours.end(), [](const Extent& e) { return e.data; }));
    QVERIFY(std::any_of(ours.begin(), ours.end(), [](const Extent& e) { return !e.data; }));
}

// qemu-img 7.2 does not read ZERO extents, so this map is written out by hand: the flat file's
// data and holes, and the ZERO extent between its two halves.
void TestDiskMaps::vmdkZeroExtent()
{
    const QString dir = folder(QStringLiteral("zero-extent"));
    QVERIFY(sh(dir, QStringLiteral("truncate -s 2M a-flat.vmdk && "
                                   "dd if=/dev/urandom of=a-flat.vmdk bs=4096 count=16 "
                                   "conv=notrunc status=none && "
                                   "dd if=/dev/urandom of=a-flat.vmdk bs=4096 seek=384 count=4 "
                                   "conv=notrunc status=none")));
    QVERIFY(writeFile(dir + QStringLiteral("/disk.vmdk"),
                      "# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=ffffffff\n"
                      "createType=\"monolithicFlat\"\n\nRW 2048 FLAT \"a-flat.vmdk\" 0\n"
                      "RW 4096 ZERO\nRW 2048 FLAT \"a-flat.vmdk\" 2048\n"));
    Error error;
    auto disk = openDiskImage(dir + QStringLiteral("/disk.vmdk"), &error);
    QVERIFY2(disk, qPrintable(error.message));
    QList<Extent> map;
    QVERIFY2(disk->mapExtents(0, disk->virtualSize(), &map, &error), qPrintable(error.message));
    constexpr quint64 kMiB = 1024 * 1024;
    QCOMPARE(showRuns(dataRuns(map)),
             showRuns({{0, 64 * 1024}, {3 * kMiB + kMiB / 2, 3 * kMiB + kMiB / 2 + 16384}}));
    // A piece inside the ZERO extent, and one across its end.
    QVERIFY(disk->mapExtents(kMiB + 512, kMiB, &map, &error));
    QCOMPARE(map.size(), 1);
    QVERIFY(!map[0].data);
    QVERIFY(disk->mapExtents(3 * kMiB - 512, kMiB, &map, &error));
    QCOMPARE(extentMapProblem(map, 3 * kMiB - 512, kMiB), QString());
    QCOMPARE(map.size(), 3);
    const QString zeros = holesReadAsZeros(*disk, map);
    QVERIFY2(zeros.isEmpty(), qPrintable(zeros));
}

// qemu ignores a dynamic VHD's sector bitmaps; we read the sectors whose bit is clear as zeros,
// so the map must call them "no data". The bitmap of block 0 is patched as Hyper-V leaves it.
void TestDiskMaps::vhdSectorBitmap()
{
    const QString dir = folder(QStringLiteral("vhd-bitmap"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vpc -o subformat=dynamic d.vhd 64M && "
                                   "qemu-io -f vpc -c 'write -P 0x77 0 2M' d.vhd >/dev/null")));
    const QString path = dir + QStringLiteral("/d.vhd");
    QByteArray vhd = readFile(path);
    // Footer copy at 0 → dynamic header (data offset, byte 16) → BAT (table offset, byte 16).
    const auto header = qFromBigEndian<quint64>(vhd.constData() + 16);
    const auto table = qFromBigEndian<quint64>(vhd.constData() + header + 16);
    const auto sector = qFromBigEndian<quint32>(vhd.constData() + table);
    QVERIFY(sector != 0xFFFFFFFF);
    const qsizetype bitmap = qsizetype(sector) * 512;
    vhd[bitmap] = char(0x5f);     // sectors 0 and 2 unwritten (most significant bit first)
    vhd[bitmap + 1] = char(0x00); // sectors 8..15 unwritten
    QVERIFY(writeFile(path, vhd));
    Error error;
    auto disk = openDiskImage(path, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QList<Extent> map;
    QVERIFY2(disk->mapExtents(0, disk->virtualSize(), &map, &error), qPrintable(error.message));
    QCOMPARE(showRuns(dataRuns(map)), showRuns({{512, 1024}, {1536, 4096}, {8192, 2 << 20}}));
    // Unaligned pieces start and end inside runs of sectors.
    QVERIFY(disk->mapExtents(700, 4000, &map, &error));
    QCOMPARE(extentMapProblem(map, 700, 4000), QString());
    QCOMPARE(showRuns(dataRuns(map)), showRuns({{700, 1024}, {1536, 4096}}));
    const QString zeros = holesReadAsZeros(*disk, map);
    QVERIFY2(zeros.isEmpty(), qPrintable(zeros));
}

void TestDiskMaps::vhdxBlocks_data()
{
    QTest::addColumn<QString>("options"); // qemu-img convert -O vhdx -o OPTIONS $RAW
    QTest::addColumn<quint64>("blockSize");
    QTest::newRow("dynamic") << QStringLiteral("subformat=dynamic") << (quint64(8) << 20);
    QTest::newRow("block-1M") << QStringLiteral("block_size=1M") << (quint64(1) << 20);
    QTest::newRow("block-32M") << QStringLiteral("block_size=32M") << (quint64(32) << 20);
    QTest::newRow("zero-state-off") << QStringLiteral("block_state_zero=off") << (quint64(8) << 20);
    QTest::newRow("fixed") << QStringLiteral("subformat=fixed") << (quint64(8) << 20);
}

// qemu 7.2's vhdx driver has no block status: `qemu-img map` calls a whole VHDX data, so it
// cannot be the truth here (it is checked to say so, which our map never contradicts wrongly:
// our holes read as zeros, and tst_vhdximage compares every byte with qemu-img). The truth is
// the BAT qemu-img convert writes: a block is present where the source has a non-zero byte,
// and not present or ZERO elsewhere (even in a fixed VHDX, whose zero blocks qemu marks ZERO).
void TestDiskMaps::vhdxBlocks()
{
    QFETCH(QString, options);
    QFETCH(quint64, blockSize);
    const QString dir =
        folder(QStringLiteral("vhdx-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(
        dir, QStringLiteral("qemu-img convert -O vhdx -o %1 '%2' disk.vhdx").arg(options, m_raw)));
    const QString image = dir + QStringLiteral("/disk.vhdx");
    Error error;
    auto disk = openDiskImage(image, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QList<Extent> ours;
    QVERIFY2(disk->mapExtents(0, disk->virtualSize(), &ours, &error), qPrintable(error.message));
    QCOMPARE(extentMapProblem(ours, 0, disk->virtualSize()), QString());
    for (quint64 piece : {quint64(512 * 1024 * 1024), quint64(1024 * 1024 + 4096 + 512)}) {
        QList<Extent> joined;
        const QString pieces = mapInPieces(*disk, piece, &joined);
        QVERIFY2(pieces.isEmpty(), qPrintable(pieces));
        QCOMPARE(showRuns(dataRuns(joined)), showRuns(dataRuns(ours)));
    }
    const QByteArray raw = readFile(m_raw);
    const qsizetype block = qsizetype(blockSize);
    Runs expected;
    for (qsizetype at = 0; at < raw.size(); at += block) {
        const QByteArray chunk = raw.mid(at, block);
        if (chunk.count('\0') != chunk.size())
            test::addRun(&expected, quint64(at), quint64(at + chunk.size()));
    }
    // Within the blocks holding data, the file's holes are empty too (VhdxMap.cpp): our runs lie
    // within those blocks, and every byte left out reads as zeros (below).
    const QString within = test::runsWithin(dataRuns(ours), expected);
    QVERIFY2(within.isEmpty(), qPrintable(within + QStringLiteral(": ") + showRuns(expected)));
    QVERIFY(!dataRuns(ours).empty());
    Runs qemu;
    quint64 covered = 0;
    QVERIFY(qemuDataRuns(image, QStringLiteral("vhdx"), Truth::Tables, &qemu, &covered));
    QCOMPARE(covered, disk->virtualSize());
    QCOMPARE(showRuns(qemu), showRuns({{0, disk->virtualSize()}}));
    const QString zeros = holesReadAsZeros(*disk, ours);
    QVERIFY2(zeros.isEmpty(), qPrintable(zeros));
}

void TestDiskMaps::hugeSparseReadsOnlyTables_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<quint64>("maxRead"); // bytes the whole map may read
    const QString writes = QStringLiteral("-c 'write -P 0xab 1T 64K' -c 'write -P 0xcd 2000G 1M'");
    QTest::newRow("raw")
        << QStringLiteral("truncate -s 2T disk.img && qemu-io -f raw %1 disk.img").arg(writes)
        << quint64(0);
    QTest::newRow("qcow2") << QStringLiteral("qemu-img create -q -f qcow2 disk.img 2T && "
                                             "qemu-io -f qcow2 %1 disk.img")
                                  .arg(writes)
                           << quint64(2 * 64 * 1024); // the two L2 tables
    QTest::newRow("vmdk") << QStringLiteral("qemu-img create -q -f vmdk disk.img 2T && "
                                            "qemu-io -f vmdk %1 disk.img")
                                 .arg(writes)
                          << quint64(65536 * 4 + 65536 * 2048); // GD and every GT
    QTest::newRow("vhd") << QStringLiteral("qemu-img create -q -f vpc -o subformat=dynamic "
                                           "disk.img 2040G && qemu-io -f vpc %1 disk.img")
                                .arg(writes)
                         << quint64(5 * 1024 * 1024);
    QTest::newRow("vdi") << QStringLiteral("qemu-img create -q -f vdi disk.img 2T && "
                                           "qemu-io -f vdi %1 disk.img")
                                .arg(writes)
                         << quint64(8 * 1024 * 1024); // its whole block map, 4 KiB at a time
    // 4 MiB blocks (the 32 MiB default would make 64 MiB of data): a BAT of 512 Ki payload
    // entries and 512 sector bitmap entries, 4 MiB read once in 4 KiB pages.
    QTest::newRow("vhdx") << QStringLiteral("qemu-img create -q -f vhdx -o block_size=4M disk.img "
                                            "2T && qemu-io -f vhdx %1 disk.img")
                                 .arg(writes)
                          << quint64(5 * 1024 * 1024);
}

// A 2 TiB disk mapped in the converter's 512 MiB pieces: two small runs of data found, the
// rest empty, and only tables read: raw nothing, qcow2 the two L2 tables, VHD its 4 MiB BAT and
// two bitmaps, VDI its 8 MiB block map, VMDK its grain directory and every grain table (qemu-img
// creates them all: 2 KiB for each 32 MiB), VHDX its BAT.
void TestDiskMaps::hugeSparseReadsOnlyTables()
{
    QFETCH(QString, script);
    QFETCH(quint64, maxRead);
    const QString dir =
        folder(QStringLiteral("huge-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, script + QStringLiteral(" >/dev/null")));
    auto stats = std::make_shared<ReadStats>();
    Error error;
    auto disk = openDiskImage(dir + QStringLiteral("/disk.img"), &error, stats);
    QVERIFY2(disk, qPrintable(error.message));
    const quint64 opened = stats->bytesRead;
    QList<Extent> map;
    QElapsedTimer timer;
    timer.start();
    const QString problem = mapInPieces(*disk, 512 * 1024 * 1024, &map);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const quint64 read = stats->bytesRead - opened;
    qInfo("%s: %llu bytes read, %lld ms", QTest::currentDataTag(), read, timer.elapsed());
    QVERIFY2(read <= maxRead, qPrintable(QString::number(read)));
    const Runs runs = dataRuns(map);
    QCOMPARE(runs.size(), size_t(2));
    constexpr quint64 kTiB = quint64(1) << 40;
    QVERIFY(runs[0].first <= kTiB && runs[0].second >= kTiB + 65536);
    constexpr quint64 kAt2000G = 2000 * (kTiB >> 10);
    QVERIFY(runs[1].first <= kAt2000G && runs[1].second >= kAt2000G + 1024 * 1024);
    QVERIFY2(dataBytes(map) <= 8 * 1024 * 1024, qPrintable(QString::number(dataBytes(map))));
}

// A source with no map of its own (the fuzzers' memory) says "all data": never wrong.
void TestDiskMaps::memorySourceIsAllData()
{
    QByteArray bytes(1 << 20, '\0');
    bytes[510] = char(0x55);
    bytes[511] = char(0xaa);
    Error error;
    auto disk = openDiskImage(std::make_unique<MemoryByteSource>(bytes, QStringLiteral("m.raw")),
                              OpenContext{}, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->format(), QStringLiteral("raw"));
    QList<Extent> map;
    QVERIFY(disk->mapExtents(4096, 8192, &map, &error));
    QCOMPARE(map.size(), 1);
    QCOMPARE(map[0].offset, quint64(4096));
    QCOMPARE(map[0].length, quint64(8192));
    QVERIFY(map[0].data);
}

// The file is cut short after it was opened: the holes before the new end are still holes, and
// what lies past it is called data (read() then reports the truncation), never a hole.
void TestDiskMaps::rawShrinksUnderUs()
{
    const QString path = folder(QStringLiteral("shrinks")) + QStringLiteral("/s.raw");
    QVERIFY(sh(QFileInfo(path).path(), QStringLiteral("cp --sparse=always '%1' s.raw").arg(m_raw)));
    Error error;
    auto disk = openDiskImage(path, &error);
    QVERIFY2(disk, qPrintable(error.message));
    constexpr quint64 kMiB = 1024 * 1024;
    QVERIFY(QFile::resize(path, qint64(20 * kMiB + 8192)));
    QList<Extent> map;
    QVERIFY2(disk->mapExtents(0, disk->virtualSize(), &map, &error), qPrintable(error.message));
    QCOMPARE(extentMapProblem(map, 0, disk->virtualSize()), QString());
    QCOMPARE(showRuns(dataRuns(map)),
             showRuns({{kMiB, kMiB + 65536}, {20 * kMiB + 4096, 64 * kMiB}}));
}

void TestDiskMaps::rangeChecked()
{
    const QString dir = folder(QStringLiteral("range"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O qcow2 '%1' r.qcow2 && "
                                   "qemu-img convert -O vmdk '%1' r.vmdk && "
                                   "qemu-img convert -O vpc -o force_size=on '%1' r.vhd && "
                                   "qemu-img convert -O vdi '%1' r.vdi && "
                                   "qemu-img convert -O vhdx '%1' r.vhdx")
                        .arg(m_raw)));
    const QStringList images{m_raw,
                             dir + QStringLiteral("/r.qcow2"),
                             dir + QStringLiteral("/r.vmdk"),
                             dir + QStringLiteral("/r.vhd"),
                             dir + QStringLiteral("/r.vdi"),
                             dir + QStringLiteral("/r.vhdx")};
    for (const QString& name : images) {
        Error error;
        auto disk = openDiskImage(name, &error);
        QVERIFY2(disk, qPrintable(error.message));
        const quint64 size = disk->virtualSize();
        QList<Extent> map{Extent{1, 2, true}};
        QVERIFY(disk->mapExtents(size, 0, &map, &error));
        QVERIFY(map.isEmpty());
        QVERIFY(!disk->mapExtents(size - 512, 1024, &map, &error));
        QCOMPARE(error.code, QStringLiteral("out_of_range"));
        QVERIFY(!disk->mapExtents(UINT64_MAX - 10, 100, &map, &error));
        QCOMPARE(error.code, QStringLiteral("out_of_range"));
        QVERIFY(map.isEmpty());
        QVERIFY(disk->mapExtents(size - 1, 1, &map, &error));
        QCOMPARE(map.size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestDiskMaps)
#include "tst_diskmaps.moc"
