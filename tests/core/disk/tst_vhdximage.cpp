// The VHDX reader against qemu-img: dynamic and fixed disks of several block sizes, 4096-byte
// logical sectors, a 2 TiB dynamic disk opened and mapped cheaply, and refusals of damaged files
// (headers, region tables, BAT entries, truncation, a log that needs replay, unknown required
// items), differencing disks, CRC-32C and the probe.
#include "MapTruth.h"
#include "QemuTruth.h"
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "disk/VhdxHeader.h"
#include "disk/VhdxImage.h"
#include "util/Crc32c.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <vector>

using namespace cvmi;
using namespace cvmi::disk;
using cvmi::test::openError;
using cvmi::test::readFile;
using cvmi::test::sh;
using cvmi::test::writeFile;

namespace {

constexpr qsizetype kKiB = 1024;
constexpr qsizetype kMiB = 1024 * 1024;

QByteArray guidBytes(const vhdx::Guid& g)
{
    return QByteArray(reinterpret_cast<const char*>(g.data()), qsizetype(g.size()));
}

// A whole VHDX file in memory, for patching: regions and metadata items found through their
// tables, and the checksums of headers and region tables recomputed so that only the patched
// value is wrong.
struct VhdxBytes {
    QByteArray data;

    quint32 u32(qsizetype at) const { return qFromLittleEndian<quint32>(data.constData() + at); }
    quint64 u64(qsizetype at) const { return qFromLittleEndian<quint64>(data.constData() + at); }
    void put16(qsizetype at, quint16 v) { qToLittleEndian(v, data.data() + at); }
    void put32(qsizetype at, quint32 v) { qToLittleEndian(v, data.data() + at); }
    void put64(qsizetype at, quint64 v) { qToLittleEndian(v, data.data() + at); }

    qsizetype region(const vhdx::Guid& id) const
    {
        const qsizetype table = 192 * kKiB;
        for (quint32 i = 0; i < u32(table + 8); ++i) {
            const qsizetype e = table + 16 + qsizetype(i) * 32;
            if (data.mid(e, 16) == guidBytes(id))
                return qsizetype(u64(e + 16));
        }
        return -1;
    }
    // The metadata table entry of `id`, or -1.
    qsizetype metadataEntry(const vhdx::Guid& id) const
    {
        const qsizetype table = region(vhdx::kMetadataRegion);
        for (quint16 i = 0; i < qFromLittleEndian<quint16>(data.constData() + table + 10); ++i) {
            const qsizetype e = table + 32 + qsizetype(i) * 32;
            if (data.mid(e, 16) == guidBytes(id))
                return e;
        }
        return -1;
    }
    qsizetype metadataItem(const vhdx::Guid& id) const
    {
        return region(vhdx::kMetadataRegion) + qsizetype(u32(metadataEntry(id) + 16));
    }
    void fixChecksum(qsizetype at, qsizetype length)
    {
        put32(at + 4, 0);
        put32(at + 4, util::crc32c(data.constData() + at, size_t(length)));
    }
    void fixHeaders()
    {
        fixChecksum(64 * kKiB, 4 * kKiB);
        fixChecksum(128 * kKiB, 4 * kKiB);
    }
    void fixRegionTables()
    {
        fixChecksum(192 * kKiB, 64 * kKiB);
        fixChecksum(256 * kKiB, 64 * kKiB);
    }
};

// What qemu-img says opening `image` fails with, or empty when it opens.
QString qemuOpenError(const QString& image)
{
    QProcess qemu;
    qemu.start(QStringLiteral("qemu-img"),
               {QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("vhdx"), image});
    if (!qemu.waitForFinished(60000))
        return QStringLiteral("timeout");
    return qemu.exitCode() == 0 ? QString() : QString::fromLocal8Bit(qemu.readAllStandardError());
}

} // namespace

class TestVhdx : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void crc32cVectors();
    void matchesQemu_data();
    void matchesQemu();
    void logicalSector4096();
    void hugeSparseOpensCheaply();
    void oneHeaderDamaged();
    void bothHeadersDamaged();
    void regionTableDamaged();
    void batEntryBeyondFile();
    void truncatedFile();
    void logNeedsReplay();
    void idleLogIsRead();
    void differencingIsBlocker();
    void unknownRequiredItems();
    void openerPicksVhdx();

private:
    QString folder(const QString& name) { return test::scratchFolder(m_dir, name); }
    // A dynamic VHDX of the patterned raw disk, read into memory for patching.
    bool dynamicCopy(const QString& name, VhdxBytes* bytes, QString* path);

    QTemporaryDir m_dir;
    QString m_raw; // 64 MiB, sparse, patterns at scattered offsets across block boundaries
};

void TestVhdx::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString dir = folder(QStringLiteral("sources"));
    m_raw = dir + QStringLiteral("/pattern.raw");
    QVERIFY(sh(dir, QStringLiteral("truncate -s 64M pattern.raw && qemu-io -f raw "
                                   "-c 'write -P 0x11 0 64K' -c 'write -P 0x22 1536K 4K' "
                                   "-c 'write -P 0x33 8388096 1024' -c 'write -P 0x44 31M 2M' "
                                   "-c 'write -P 0x55 40M 512' -c 'write -P 0x66 63M 1M' "
                                   "pattern.raw >/dev/null")));
}

bool TestVhdx::dynamicCopy(const QString& name, VhdxBytes* bytes, QString* path)
{
    const QString dir = folder(name);
    if (!sh(dir, QStringLiteral("qemu-img convert -O vhdx -o block_size=1M %1 d.vhdx").arg(m_raw)))
        return false;
    *path = dir + QStringLiteral("/d.vhdx");
    bytes->data = readFile(*path);
    return bytes->data.size() > 4 * kMiB;
}

void TestVhdx::crc32cVectors()
{
    QCOMPARE(util::crc32c("123456789", 9), 0xE3069283u);
    QCOMPARE(util::crc32c("", 0), 0u);
    // RFC 3720 B.4: 32 bytes of zeros, of ones.
    const QByteArray zeros(32, '\0');
    const QByteArray ones(32, '\xff');
    QCOMPARE(util::crc32c(zeros.constData(), 32), 0x8A9136AAu);
    QCOMPARE(util::crc32c(ones.constData(), 32), 0x62A8AB43u);
}

void TestVhdx::matchesQemu_data()
{
    QTest::addColumn<QString>("script"); // makes d.vhdx from $RAW (the patterned disk)
    QTest::addColumn<QString>("subformat");
    QTest::newRow("dynamic") << QStringLiteral("qemu-img convert -O vhdx $RAW d.vhdx")
                             << QStringLiteral("dynamic");
    QTest::newRow("fixed") << QStringLiteral("qemu-img convert -O vhdx -o subformat=fixed $RAW "
                                             "d.vhdx")
                           << QStringLiteral("fixed");
    QTest::newRow("block-1M") << QStringLiteral("qemu-img convert -O vhdx -o block_size=1M $RAW "
                                                "d.vhdx")
                              << QStringLiteral("dynamic");
    QTest::newRow("block-32M") << QStringLiteral("qemu-img convert -O vhdx -o block_size=32M "
                                                 "$RAW d.vhdx")
                               << QStringLiteral("dynamic");
    QTest::newRow("block-state-zero-off")
        << QStringLiteral("qemu-img convert -O vhdx -o block_state_zero=off $RAW d.vhdx")
        << QStringLiteral("dynamic");
    QTest::newRow("created-and-written")
        << QStringLiteral("qemu-img create -q -f vhdx -o block_size=8M d.vhdx 100M && "
                          "qemu-io -f vhdx -c 'write -P 7 3M 5M' -c 'write -z 4M 1M' "
                          "-c 'write -P 9 99M 1M' d.vhdx >/dev/null")
        << QStringLiteral("dynamic");
    QTest::newRow("fixed-created")
        << QStringLiteral("qemu-img create -q -f vhdx -o subformat=fixed d.vhdx 24M && "
                          "qemu-io -f vhdx -c 'write -P 5 1M 1M' d.vhdx >/dev/null")
        << QStringLiteral("fixed");
    QTest::newRow("ext4") << QStringLiteral("qemu-img convert -O vhdx %1 d.vhdx")
                                 .arg(test::baseDisk(QStringLiteral("gpt-ext4.raw")))
                          << QStringLiteral("dynamic");
}

void TestVhdx::matchesQemu()
{
    QFETCH(QString, script);
    QFETCH(QString, subformat);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("RAW='%1' && %2").arg(m_raw, script)));
    const QString image = dir + QStringLiteral("/d.vhdx");
    const QString difference = test::compareWithQemu(image, QStringLiteral("vhdx"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    Error error;
    auto disk = openDiskImage(image, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->subformat(), subformat);
    QVERIFY(disk->findings().isEmpty());
    // The map keeps its contract in odd pieces, and what it calls empty reads as zeros.
    QList<Extent> map;
    const QString pieces = test::mapInPieces(*disk, kMiB + 4096 + 512, &map);
    QVERIFY2(pieces.isEmpty(), qPrintable(pieces));
    const QString zeros = test::holesReadAsZeros(*disk, map);
    QVERIFY2(zeros.isEmpty(), qPrintable(zeros));
}

// qemu 7.2 refuses 4096-byte logical sectors, so this disk is checked against itself with
// 512-byte sectors: a 40 GiB disk of 1 MiB blocks written by qemu-io, then its BAT laid out again
// for the larger chunk ratio (a sector bitmap entry after every 32768 payload entries rather than
// 4096) and the sector size patched. Both must read the same and map the same.
void TestVhdx::logicalSector4096()
{
    const QString dir = folder(QStringLiteral("logical-4096"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vhdx -o block_size=1M d.vhdx 40G && "
                                   "qemu-io -f vhdx -c 'write -P 0x71 4095M 2M' "
                                   "-c 'write -P 0x72 36G 1M' -c 'write -P 0x73 40959M 1M' "
                                   "d.vhdx >/dev/null")));
    VhdxBytes v;
    v.data = readFile(dir + QStringLiteral("/d.vhdx"));
    const qsizetype bat = v.region(vhdx::kBatRegion);
    constexpr quint64 blocks = 40 * 1024;
    std::vector<quint64> payload(blocks);
    for (quint64 b = 0; b < blocks; ++b)
        payload[b] = v.u64(bat + qsizetype(b + b / 4096) * 8);
    v.data.replace(bat, kMiB, QByteArray(kMiB, '\0'));
    for (quint64 b = 0; b < blocks; ++b)
        v.put64(bat + qsizetype(b + b / 32768) * 8, payload[b]);
    v.put32(v.metadataItem(vhdx::kLogicalSectorSize), 4096);
    QVERIFY(writeFile(dir + QStringLiteral("/d4k.vhdx"), v.data));

    Error error;
    auto small = openDiskImage(dir + QStringLiteral("/d.vhdx"), &error);
    QVERIFY2(small, qPrintable(error.message));
    auto large = openDiskImage(dir + QStringLiteral("/d4k.vhdx"), &error);
    QVERIFY2(large, qPrintable(error.message));
    QList<Extent> smallMap;
    QList<Extent> largeMap;
    QVERIFY(small->mapExtents(0, small->virtualSize(), &smallMap, &error));
    QVERIFY(large->mapExtents(0, large->virtualSize(), &largeMap, &error));
    const QString runs = test::showRuns(test::dataRuns(largeMap));
    QCOMPARE(runs, test::showRuns(test::dataRuns(smallMap)));
    QCOMPARE(runs, QStringLiteral("[4293918720,4296015872) [38654705664,38655754240) "
                                  "[42948624384,42949672960)"));
    std::vector<char> a(3 * kMiB);
    std::vector<char> b(3 * kMiB);
    for (quint64 at : {quint64(4094) * kMiB, quint64(36) << 30, quint64(40957) * kMiB}) {
        QVERIFY(small->read(at, a.data(), a.size(), &error));
        QVERIFY(large->read(at, b.data(), b.size(), &error));
        QVERIFY(a == b);
        QVERIFY(std::any_of(a.begin(), a.end(), [](char c) { return c != 0; }));
    }
}

void TestVhdx::hugeSparseOpensCheaply()
{
    const QString dir = folder(QStringLiteral("huge"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vhdx d.vhdx 2T && qemu-io -f vhdx "
                                   "-c 'write -P 0xab 1T 64K' -c 'write -P 0xcd 2000G 1M' "
                                   "d.vhdx >/dev/null")));
    auto stats = std::make_shared<ReadStats>();
    Error error;
    QElapsedTimer timer;
    timer.start();
    auto disk = openDiskImage(dir + QStringLiteral("/d.vhdx"), &error, stats);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->virtualSize(), quint64(2) << 40);
    const quint64 opened = stats->bytesRead;
    QVERIFY2(opened < 512 * quint64(kKiB), qPrintable(QString::number(opened)));
    QList<Extent> map;
    const QString problem = test::mapInPieces(*disk, 512 * kMiB, &map);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The two blocks written, less the file's holes in them: at least what qemu-io wrote.
    const test::Runs runs = test::dataRuns(map);
    const QString within =
        test::runsWithin(runs, {{quint64(1) << 40, (quint64(1) << 40) + 32 * kMiB},
                                {quint64(2000) << 30, (quint64(2000) << 30) + 32 * kMiB}});
    QVERIFY2(within.isEmpty(), qPrintable(within));
    QCOMPARE(test::runsWithin({{quint64(1) << 40, (quint64(1) << 40) + 64 * kKiB},
                               {quint64(2000) << 30, (quint64(2000) << 30) + kMiB}},
                              runs),
             QString());
    // The BAT (about 512 KiB), read once in pages, and no data.
    QVERIFY2(stats->bytesRead - opened <= quint64(kMiB),
             qPrintable(QString::number(stats->bytesRead - opened)));
    std::vector<char> buffer(kMiB);
    QVERIFY(disk->read(quint64(2000) << 30, buffer.data(), buffer.size(), &error));
    QVERIFY(std::all_of(buffer.begin(), buffer.end(), [](char c) { return c == char(0xcd); }));
    QVERIFY(disk->read((quint64(1) << 40) + 60 * kKiB, buffer.data(), 8 * kKiB, &error));
    QCOMPARE(buffer[4 * kKiB - 1], char(0xab));
    QCOMPARE(buffer[4 * kKiB], char(0));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestVhdx::oneHeaderDamaged()
{
    for (qsizetype header : {64 * kKiB, 128 * kKiB}) {
        VhdxBytes v;
        QString path;
        QVERIFY(dynamicCopy(QStringLiteral("header-%1").arg(header), &v, &path));
        v.data[header + 1000] = char(0x5a); // reserved bytes: only the CRC notices
        QVERIFY(writeFile(path, v.data));
        Error error;
        auto disk = openDiskImage(path, &error);
        QVERIFY2(disk, qPrintable(error.message));
        QCOMPARE(disk->findings().size(), 1);
        QCOMPARE(disk->findings()[0].code, QStringLiteral("vhdx_damaged_copy"));
        QVERIFY(disk->findings()[0].message.contains(QString::number(header)));
        const QString difference = test::compareWithQemu(path, QStringLiteral("vhdx"));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
}

void TestVhdx::bothHeadersDamaged()
{
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("headers"), &v, &path));
    v.data[64 * kKiB + 1000] = char(0x5a);
    v.data[128 * kKiB] = 'X'; // signature
    QVERIFY(writeFile(path, v.data));
    const Error error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vhdx_corrupt"));
    QVERIFY2(error.message.contains(QLatin1String("CRC-32C")) &&
                 error.message.contains(QLatin1String("\"head\"")),
             qPrintable(error.message));
    // Version 2 with a right checksum is no better.
    VhdxBytes fresh;
    QString other;
    QVERIFY(dynamicCopy(QStringLiteral("headers-v2"), &fresh, &other));
    fresh.put16(64 * kKiB + 66, 2);
    fresh.put16(128 * kKiB + 66, 2);
    fresh.fixHeaders();
    QVERIFY(writeFile(other, fresh.data));
    const Error v2 = openError(other);
    QCOMPARE(v2.code, QStringLiteral("vhdx_corrupt"));
    QVERIFY2(v2.message.contains(QLatin1String("version 2")), qPrintable(v2.message));
}

void TestVhdx::regionTableDamaged()
{
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("regions"), &v, &path));
    v.data[192 * kKiB + 40 * kKiB] = char(1);
    QVERIFY(writeFile(path, v.data));
    Error error;
    auto disk = openDiskImage(path, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->findings().size(), 1);
    QCOMPARE(disk->findings()[0].code, QStringLiteral("vhdx_damaged_copy"));
    disk.reset();
    v.data[256 * kKiB + 40 * kKiB] = char(1);
    QVERIFY(writeFile(path, v.data));
    error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vhdx_corrupt"));
    QVERIFY2(error.message.contains(QLatin1String("region tables")), qPrintable(error.message));
}

void TestVhdx::batEntryBeyondFile()
{
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("bat"), &v, &path));
    const qsizetype bat = v.region(vhdx::kBatRegion);
    QCOMPARE(v.u64(bat) & 7, quint64(6)); // block 0 holds the 0x11 pattern
    v.put64(bat, (quint64(1) << 40) | 6); // 1 TiB into a file of a few MiB
    v.put64(bat + 8, 6);                  // block 1 at offset 0, in the headers
    v.put64(bat + 16, 4);                 // block 2: a state that does not exist
    QVERIFY(writeFile(path, v.data));
    Error error;
    auto disk = openDiskImage(path, &error);
    QVERIFY2(disk, qPrintable(error.message)); // the BAT is read lazily
    char buffer[4096];
    QVERIFY(!disk->read(0, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
    QVERIFY2(error.message.contains(QLatin1String("block 0")), qPrintable(error.message));
    QList<Extent> map;
    QVERIFY(!disk->mapExtents(0, 4096, &map, &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
    QVERIFY(!disk->read(kMiB, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("vhdx_corrupt"));
    QVERIFY2(error.message.contains(QLatin1String("headers")), qPrintable(error.message));
    QVERIFY(!disk->read(2 * kMiB, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("vhdx_corrupt"));
    QVERIFY2(error.message.contains(QLatin1String("state 4")), qPrintable(error.message));
}

void TestVhdx::truncatedFile()
{
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("truncated"), &v, &path));
    for (qsizetype size : {qsizetype(100 * kKiB), qsizetype(kMiB + kMiB / 2)}) {
        QVERIFY(writeFile(path, v.data.left(size)));
        const Error error = openError(path);
        QCOMPARE(error.code, QStringLiteral("truncated"));
        QVERIFY2(error.message.contains(QString::number(size)), qPrintable(error.message));
    }
    // Cut inside the data: opens, and the last block's read says where.
    QVERIFY(writeFile(path, v.data.left(v.data.size() - 512 * kKiB)));
    Error error;
    auto disk = openDiskImage(path, &error);
    QVERIFY2(disk, qPrintable(error.message));
    std::vector<char> buffer(kMiB);
    QVERIFY(!disk->read(63 * kMiB, buffer.data(), buffer.size(), &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
}

// A log entry written as [MS-VHDX] 2.3.1 describes it, with the header's LogGuid set: qemu-img
// refuses to open the file read-only, and so do we, saying how to replay the log.
void TestVhdx::logNeedsReplay()
{
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("log"), &v, &path));
    const qsizetype header = 64 * kKiB;
    const qsizetype log = qsizetype(v.u64(header + 72));
    QVERIFY(log >= kMiB && v.u32(header + 68) >= kMiB);
    const QByteArray logGuid = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    for (qsizetype h : {64 * kKiB, 128 * kKiB})
        v.data.replace(h + 48, 16, logGuid);
    v.fixHeaders();
    QByteArray entry(8 * kKiB, '\0');
    const auto put32 = [&](qsizetype at, quint32 x) {
        qToLittleEndian(x, entry.data() + at);
    };
    const auto put64 = [&](qsizetype at, quint64 x) {
        qToLittleEndian(x, entry.data() + at);
    };
    entry.replace(0, 4, "loge");
    put32(8, 8 * kKiB); // entry length: the descriptor sector and one data sector
    put64(16, 1);       // sequence number
    put32(24, 1);       // one descriptor
    entry.replace(32, 16, logGuid);
    put64(48, quint64(v.data.size())); // flushed file offset
    put64(56, quint64(v.data.size())); // last file offset
    entry.replace(64, 4, "desc");
    put64(64 + 16, 4 * kKiB); // file offset the sector goes to (the file type identifier)
    put64(64 + 24, 1);
    entry.replace(4 * kKiB, 4, "data");
    put32(4 * kKiB + 4, 0); // sequence high
    put32(8 * kKiB - 4, 1); // sequence low
    put32(4, util::crc32c(entry.constData(), size_t(entry.size())));
    v.data.replace(log, entry.size(), entry);
    QVERIFY(writeFile(path, v.data));
    const QString qemu = qemuOpenError(path);
    QVERIFY2(qemu.contains(QLatin1String("replayed")), qPrintable(qemu));
    const Error error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vhdx_log_replay"));
    QVERIFY2(error.message.contains(QLatin1String("Hyper-V")) &&
                 error.message.contains(QLatin1String("qemu-img check -r all")),
             qPrintable(error.message));
    // A wrong checksum makes the entry invalid: nothing to replay, for qemu and for us.
    v.data[log + 4 * kKiB + 100] = char(0x42);
    QVERIFY(writeFile(path, v.data));
    QCOMPARE(qemuOpenError(path), QString());
    QCOMPARE(openError(path).code, QStringLiteral("opened"));
}

// A LogGuid with no valid entry in the log (Hyper-V leaves this after a clean close on some
// versions): nothing to replay.
void TestVhdx::idleLogIsRead()
{
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("idle-log"), &v, &path));
    for (qsizetype h : {64 * kKiB, 128 * kKiB})
        v.data.replace(h + 48, 16, QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10"));
    v.fixHeaders();
    QVERIFY(writeFile(path, v.data));
    const QString difference = test::compareWithQemu(path, QStringLiteral("vhdx"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // A log version qemu does not know is refused by both.
    v.put16(64 * kKiB + 64, 1);
    v.put16(128 * kKiB + 64, 1);
    v.fixHeaders();
    QVERIFY(writeFile(path, v.data));
    QVERIFY(!qemuOpenError(path).isEmpty());
    QCOMPARE(openError(path).code, QStringLiteral("vhdx_unsupported"));
}

void TestVhdx::differencingIsBlocker()
{
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("differencing"), &v, &path));
    const qsizetype params = v.metadataItem(vhdx::kFileParameters);
    v.put32(params + 4, v.u32(params + 4) | 2); // HasParent
    // A parent locator item after the others, 128 KiB into the metadata region.
    const qsizetype table = v.region(vhdx::kMetadataRegion);
    const quint16 count = qFromLittleEndian<quint16>(v.data.constData() + table + 10);
    const qsizetype entry = table + 32 + qsizetype(count) * 32;
    v.data.replace(entry, 16, guidBytes(vhdx::kParentLocator));
    v.put32(entry + 16, 128 * kKiB);
    v.put32(entry + 24, 2 | 4); // virtual disk, required
    v.put16(table + 10, quint16(count + 1));
    const auto utf16 = [](const QString& s) {
        return QByteArray(reinterpret_cast<const char*>(s.utf16()), s.size() * 2);
    };
    const QByteArray keys[2] = {utf16(QStringLiteral("parent_linkage")),
                                utf16(QStringLiteral("relative_path"))};
    const QByteArray values[2] = {utf16(QStringLiteral("{01234567-89ab-cdef-0123-456789abcdef}")),
                                  utf16(QStringLiteral(".\\base-parent.vhdx"))};
    QByteArray locator(20 + 2 * 12, '\0');
    locator.replace(0, 16, guidBytes(vhdx::guid("B04AEFB7-D19E-4A81-B789-25B8E9445913")));
    qToLittleEndian(quint16(2), locator.data() + 18);
    // Entries written by offset: appending the keys and values reallocates the buffer.
    for (int i = 0; i < 2; ++i) {
        const qsizetype e = 20 + i * 12;
        qToLittleEndian(quint32(locator.size()), locator.data() + e);
        locator += keys[i];
        qToLittleEndian(quint32(locator.size()), locator.data() + e + 4);
        locator += values[i];
        qToLittleEndian(quint16(keys[i].size()), locator.data() + e + 8);
        qToLittleEndian(quint16(values[i].size()), locator.data() + e + 10);
    }
    v.data.replace(table + 128 * kKiB, locator.size(), locator);
    v.put32(entry + 20, quint32(locator.size()));
    QVERIFY(writeFile(path, v.data));
    QVERIFY(!qemuOpenError(path).isEmpty()); // qemu reads no differencing VHDX either
    Error error;
    auto disk = openDiskImage(path, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->subformat(), QStringLiteral("differencing"));
    QCOMPARE(disk->findings().size(), 1);
    const Finding& finding = disk->findings()[0];
    QCOMPARE(finding.severity, Finding::Severity::Blocker);
    QCOMPARE(finding.code, QStringLiteral("vhdx_differencing"));
    QVERIFY2(finding.message.contains(QLatin1String(".\\base-parent.vhdx")) &&
                 finding.message.contains(QLatin1String("Merge")) &&
                 finding.message.contains(QLatin1String("Convert-VHD")),
             qPrintable(finding.message));
    // A damaged locator is refused.
    v.put16(table + 128 * kKiB + 20 + 8, 0xfff0);
    QVERIFY(writeFile(path, v.data));
    const Error damaged = openError(path);
    QCOMPARE(damaged.code, QStringLiteral("vhdx_corrupt"));
    QVERIFY2(damaged.message.contains(QLatin1String("parent locator")),
             qPrintable(damaged.message));
}

void TestVhdx::unknownRequiredItems()
{
    const vhdx::Guid unknown = vhdx::guid("DEADBEEF-0000-4000-8000-000000000001");
    VhdxBytes v;
    QString path;
    QVERIFY(dynamicCopy(QStringLiteral("unknown-item"), &v, &path));
    const qsizetype page83 = v.metadataEntry(vhdx::kPage83Data);
    v.data.replace(page83, 16, guidBytes(unknown));
    v.put32(page83 + 24, v.u32(page83 + 24) | 4);
    QVERIFY(writeFile(path, v.data));
    Error error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vhdx_unsupported"));
    QVERIFY2(error.message.contains(QLatin1String("{DEADBEEF-0000-4000-8000-000000000001}")),
             qPrintable(error.message));
    // The same item not required is skipped; Page 83 data is then missing.
    v.put32(page83 + 24, v.u32(page83 + 24) & ~4u);
    QVERIFY(writeFile(path, v.data));
    error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vhdx_corrupt"));
    QVERIFY2(error.message.contains(QLatin1String("BECA12AB")), qPrintable(error.message));

    VhdxBytes r;
    QVERIFY(dynamicCopy(QStringLiteral("unknown-region"), &r, &path));
    const qsizetype entries = 192 * kKiB + 16;
    const quint32 count = r.u32(192 * kKiB + 8);
    const qsizetype added = entries + qsizetype(count) * 32;
    r.data.replace(added, 16, guidBytes(unknown));
    r.put64(added + 16, quint64(r.data.size() - kMiB)); // the last MiB of the file
    r.put32(added + 24, quint32(kMiB));
    r.put32(added + 28, 1); // required
    r.put32(192 * kKiB + 8, count + 1);
    r.data.replace(256 * kKiB, 64 * kKiB, r.data.mid(192 * kKiB, 64 * kKiB));
    r.fixRegionTables();
    QVERIFY(writeFile(path, r.data));
    error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vhdx_unsupported"));
    QVERIFY2(error.message.contains(QLatin1String("required region")), qPrintable(error.message));
}

void TestVhdx::openerPicksVhdx()
{
    ProbeInput input;
    input.head = QByteArray("vhdxfile") + QByteArray(100, '\0');
    QCOMPARE(probeVhdx(input), 100);
    input.head = QByteArray(4096, '\0');
    QCOMPARE(probeVhdx(input), 0);
    // Whatever its name: the identifier decides, and the old rejection of VHDX is gone.
    const QString dir = folder(QStringLiteral("opener"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vhdx %1 disk.img").arg(m_raw)));
    Error error;
    auto disk = openDiskImage(dir + QStringLiteral("/disk.img"), &error);
    QVERIFY2(disk, qPrintable(error.code + QLatin1Char(' ') + error.message));
    QCOMPARE(disk->format(), QStringLiteral("vhdx"));
    QCOMPARE(disk->virtualSize(), quint64(64 * kMiB));
}

QTEST_GUILESS_MAIN(TestVhdx)
#include "tst_vhdximage.moc"
