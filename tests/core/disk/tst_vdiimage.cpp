// The VDI reader against qemu-img: dynamic and static disks made by qemu-img create and convert,
// data at scattered offsets, a size that is no whole number of blocks, a disk size rounded up to
// whole sectors, discarded blocks, a 2 TiB dynamic disk read cheaply, differencing disks, and
// refusals of damaged files.
#include "QemuTruth.h"
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "disk/VdiImage.h"

#include <QFileInfo>
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

constexpr quint64 kMiB = 1024 * 1024;

// Header fields by their offset in the file (VirtualBox's VDIHEADER1 after the 72-byte
// pre-header).
enum Field : qsizetype {
    Signature = 0x40,
    Version = 0x44,
    HeaderSize = 0x48,
    ImageType = 0x4c,
    OffsetBmap = 0x154,
    OffsetData = 0x158,
    SectorSize = 0x168,
    DiskSize = 0x170,
    BlockSize = 0x178,
    BlockExtra = 0x17c,
    BlocksInImage = 0x180,
    BlocksAllocated = 0x184,
    UuidLink = 0x1a8,
};

struct VdiBytes {
    QByteArray data;
    quint32 get(Field f) const { return qFromLittleEndian<quint32>(data.constData() + f); }
    void put(Field f, quint32 v) { qToLittleEndian(v, data.data() + f); }
    void put64(Field f, quint64 v) { qToLittleEndian(v, data.data() + f); }
    quint32 entry(quint32 block) const
    {
        return qFromLittleEndian<quint32>(data.constData() + get(OffsetBmap) + block * 4);
    }
    void setEntry(quint32 block, quint32 v)
    {
        qToLittleEndian(v, data.data() + get(OffsetBmap) + block * 4);
    }
};

// The patterns the tests write, at offsets that start, straddle and end 1 MiB blocks.
const char* const kWrites = "-c 'write -P 0x11 0 4k' -c 'write -P 0x22 1048064 1k' "
                            "-c 'write -P 0x33 5246976 64k' -c 'write -P 0x44 7M 1M' "
                            "-c 'write -P 0x55 20M 3584'";
// 20 MiB and 3584 bytes: the last block is partly outside the disk.
constexpr quint64 kPatternSize = 20 * kMiB + 3584;

} // namespace

class TestVdi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesQemu_data();
    void matchesQemu();
    void oddDiskSizeRoundedUp();
    void discardedBlock();
    void hugeDynamicReadsLittle();
    void differencingIsBlocker();
    void linkedDynamicIsBlocker();
    void damagedHeader_data();
    void damagedHeader();
    void badSignature();
    void bmapEntryOutOfRange();
    void truncatedFile();
    void openerPicksVdi();
    void probe();

private:
    QString folder(const QString& name) { return test::scratchFolder(m_dir, name); }
    // A copy of the dynamic pattern disk in a folder of its own, for patching.
    QString dynamicCopy(const QString& name);

    QTemporaryDir m_dir;
    QString m_patterns; // raw, kPatternSize bytes, kWrites written
    QString m_dynamic;  // m_patterns converted to a dynamic VDI
};

void TestVdi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString dir = folder(QStringLiteral("sources"));
    QVERIFY(sh(dir, QStringLiteral("truncate -s %1 p.raw && qemu-io -f raw %2 p.raw >/dev/null && "
                                   "qemu-img convert -O vdi p.raw p.vdi")
                        .arg(kPatternSize)
                        .arg(QLatin1String(kWrites))));
    m_patterns = dir + QStringLiteral("/p.raw");
    m_dynamic = dir + QStringLiteral("/p.vdi");
}

QString TestVdi::dynamicCopy(const QString& name)
{
    const QString path = folder(name) + QStringLiteral("/d.vdi");
    return QFile::copy(m_dynamic, path) ? path : QString();
}

void TestVdi::matchesQemu_data()
{
    QTest::addColumn<QString>("script"); // makes disk.vdi from $RAW (the patterns) or $BASE
    QTest::addColumn<QString>("subformat");
    const QString base = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
    QTest::newRow("base-dynamic") << QStringLiteral("qemu-img convert -O vdi $BASE disk.vdi")
                                  << QStringLiteral("dynamic");
    QTest::newRow("base-static") << QStringLiteral(
                                        "qemu-img convert -O vdi -o static=on $BASE disk.vdi")
                                 << QStringLiteral("static");
    QTest::newRow("patterns-dynamic")
        << QStringLiteral("qemu-img convert -O vdi $RAW disk.vdi") << QStringLiteral("dynamic");
    QTest::newRow("patterns-static")
        << QStringLiteral("qemu-img convert -O vdi -o static=on $RAW disk.vdi")
        << QStringLiteral("static");
    QTest::newRow("created-dynamic")
        << QStringLiteral("qemu-img create -q -f vdi disk.vdi 16M") << QStringLiteral("dynamic");
    QTest::newRow("created-static")
        << QStringLiteral("qemu-img create -q -f vdi -o static=on disk.vdi 3M")
        << QStringLiteral("static");
    // qemu-io writes into a created disk: blocks allocated in the order written, not the
    // order of the disk.
    QTest::newRow("written-out-of-order")
        << QStringLiteral("qemu-img create -q -f vdi disk.vdi 9437696 && qemu-io -f vdi "
                          "-c 'write -P 0x61 8M 4k' -c 'write -P 0x62 2M 1M' -c 'write -P 0x63 "
                          "9437184 512' -c 'write -P 0x64 0 512' disk.vdi >/dev/null")
        << QStringLiteral("dynamic");
}

void TestVdi::matchesQemu()
{
    QFETCH(QString, script);
    QFETCH(QString, subformat);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("RAW='%1' BASE='%2' && %3")
                        .arg(m_patterns, test::baseDisk(QStringLiteral("mbr-ext4.raw")), script)));
    const QString image = dir + QStringLiteral("/disk.vdi");
    const QString difference = test::compareWithQemu(image, QStringLiteral("vdi"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    Error error;
    auto disk = openDiskImage(image, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->format(), QStringLiteral("vdi"));
    QCOMPARE(disk->subformat(), subformat);
    QVERIFY(disk->findings().isEmpty());
}

// `VBoxManage convertfromraw` writes any size; qemu rounds it up to whole sectors, and so do we.
void TestVdi::oddDiskSizeRoundedUp()
{
    const QString path = dynamicCopy(QStringLiteral("odd-size"));
    QVERIFY(!path.isEmpty());
    VdiBytes vdi{readFile(path)};
    vdi.put64(DiskSize, kPatternSize - 612);
    QVERIFY(writeFile(path, vdi.data));
    QCOMPARE(test::qemuVirtualSize(path), kPatternSize - 512);
    const QString difference = test::compareWithQemu(path, QStringLiteral("vdi"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// qemu-img never writes discarded blocks (0xfffffffe); VirtualBox does when a guest trims. They
// read as zeros, whatever their old data was.
void TestVdi::discardedBlock()
{
    const QString path = dynamicCopy(QStringLiteral("discarded"));
    QVERIFY(!path.isEmpty());
    VdiBytes vdi{readFile(path)};
    QVERIFY(vdi.entry(7) < 0xfffffffe);
    vdi.setEntry(7, 0xfffffffe);
    QVERIFY(writeFile(path, vdi.data));
    const QString difference = test::compareWithQemu(path, QStringLiteral("vdi"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    Error error;
    auto disk = openDiskImage(path, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QByteArray block(qsizetype(kMiB), 'x');
    QVERIFY(disk->read(7 * kMiB, block.data(), kMiB, &error));
    QCOMPARE(block.count('\0'), block.size());
}

// A 2 TiB dynamic disk: opening it and reading a few places touches a few 4 KiB pages of its
// 8 MiB block map.
void TestVdi::hugeDynamicReadsLittle()
{
    const QString dir = folder(QStringLiteral("huge"));
    const quint64 size = quint64(2) << 40;
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vdi big.vdi 2T && qemu-io -f vdi -c "
                                   "'write -P 0xab 1T 64k' -c 'write -P 0xcd %1 8192' big.vdi "
                                   ">/dev/null")
                        .arg(size - 8192)));
    const QString path = dir + QStringLiteral("/big.vdi");
    auto stats = std::make_shared<ReadStats>();
    Error error;
    auto image = openDiskImage(path, &error, stats);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("vdi"));
    QCOMPARE(image->virtualSize(), size);
    QCOMPARE(image->virtualSize(), test::qemuVirtualSize(path));
    QVERIFY2(stats->bytesRead < 128 * 1024, qPrintable(QString::number(stats->bytesRead)));
    const auto all = [](const std::vector<char>& b, char c) {
        return std::all_of(b.begin(), b.end(), [c](char x) { return x == c; });
    };
    const quint64 tib = quint64(1) << 40;
    std::vector<char> buffer(4096);
    QVERIFY(image->read(0, buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, 0));
    QVERIFY(image->read(tib + 8192, buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, char(0xab)));
    QVERIFY(image->read(size - buffer.size(), buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, char(0xcd)));
    QVERIFY(image->read(tib / 2, buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, 0));
    // Across the end of the written range: data, then the zeros qemu wrote around it.
    QVERIFY(image->read(tib + 65536 - 2048, buffer.data(), buffer.size(), &error));
    QVERIFY(std::all_of(buffer.begin(), buffer.begin() + 2048, [](char c) { return c == '\xab'; }));
    QVERIFY(std::all_of(buffer.begin() + 2048, buffer.end(), [](char c) { return c == 0; }));
    QVERIFY2(stats->bytesRead < 1024 * 1024, qPrintable(QString::number(stats->bytesRead)));
}

// qemu-img cannot make differencing VDIs (and refuses to read them), so one is made from a
// dynamic disk the way VirtualBox lays a snapshot out: image type 4 and the parent's UUID in the
// link field.
void TestVdi::differencingIsBlocker()
{
    const QString path = dynamicCopy(QStringLiteral("differencing"));
    QVERIFY(!path.isEmpty());
    VdiBytes vdi{readFile(path)};
    vdi.put(ImageType, 4);
    const QByteArray parent = QByteArray::fromHex("13ffe13a6e29bc42b9acf8fd159788d5");
    vdi.data.replace(UuidLink, 16, parent);
    const QString child = QFileInfo(path).path() + QStringLiteral("/snap child.vdi");
    QVERIFY(writeFile(child, vdi.data));
    Error error;
    auto image = openDiskImage(child, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("vdi"));
    QCOMPARE(image->subformat(), QStringLiteral("differencing"));
    QCOMPARE(image->findings().size(), 1);
    const Finding& finding = image->findings().first();
    QCOMPARE(finding.severity, Finding::Severity::Blocker);
    QCOMPARE(finding.code, QStringLiteral("vdi_differencing"));
    // As VirtualBox prints it: the first three fields are little-endian in the file.
    QVERIFY2(finding.message.contains(QStringLiteral("3ae1ff13-296e-42bc-b9ac-f8fd159788d5")),
             qPrintable(finding.message));
    QVERIFY2(finding.message.contains(
                 QStringLiteral("VBoxManage clonemedium disk snap child.vdi full.vdi")),
             qPrintable(finding.message));
    // Its own blocks read as written, the rest as zeros (the parent's part is not available).
    auto dynamic = openDiskImage(path, &error);
    QVERIFY(dynamic);
    QCOMPARE(image->virtualSize(), dynamic->virtualSize());
    std::vector<char> a(image->virtualSize()), b(dynamic->virtualSize());
    QVERIFY(image->read(0, a.data(), a.size(), &error));
    QVERIFY(dynamic->read(0, b.data(), b.size(), &error));
    QVERIFY(a == b);
}

// A normal disk that names a parent all the same: qemu refuses it ("non-NULL link UUID"); its
// data may be in that parent, so it is a blocker too.
void TestVdi::linkedDynamicIsBlocker()
{
    const QString path = dynamicCopy(QStringLiteral("linked"));
    QVERIFY(!path.isEmpty());
    VdiBytes vdi{readFile(path)};
    vdi.data[UuidLink + 15] = 1;
    QVERIFY(writeFile(path, vdi.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->subformat(), QStringLiteral("dynamic"));
    QCOMPARE(image->findings().size(), 1);
    QCOMPARE(image->findings().first().code, QStringLiteral("vdi_differencing"));
}

void TestVdi::damagedHeader_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<quint32>("value"); // beyond the file's end when 0xffffffff for offsets
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("says"); // part of the message
    const auto row = [](const char* tag, Field f, quint32 v, const char* code, const char* says) {
        QTest::newRow(tag) << int(f) << v << QString::fromLatin1(code) << QString::fromLatin1(says);
    };
    row("version 1.0", Version, 0x00010000, "vdi_unsupported", "version 1.0");
    row("version 0.0", Version, 0, "vdi_unsupported", "version 0.0");
    row("version 2.1", Version, 0x00020001, "vdi_unsupported", "version 2.1");
    row("header size 100", HeaderSize, 100, "vdi_corrupt", "100 bytes");
    row("undo disk", ImageType, 3, "vdi_unsupported", "undo");
    row("image type 0", ImageType, 0, "vdi_corrupt", "image type 0");
    row("image type 7", ImageType, 7, "vdi_corrupt", "image type 7");
    row("sector size 4096", SectorSize, 4096, "vdi_unsupported", "4096");
    row("block size 2M", BlockSize, 2 * 1024 * 1024, "vdi_unsupported", "2097152");
    row("block size 4096", BlockSize, 4096, "vdi_unsupported", "4096");
    row("block size 0", BlockSize, 0, "vdi_corrupt", "block size of 0");
    row("block size 3000", BlockSize, 3000, "vdi_corrupt", "block size of 3000");
    row("block extra", BlockExtra, 512, "vdi_unsupported", "512 bytes of private data");
    row("blocks too many", BlocksInImage, 0x40000000, "vdi_corrupt", "1073741824 blocks");
    row("blocks too few", BlocksInImage, 3, "vdi_corrupt", "3 blocks can hold");
    row("allocated too many", BlocksAllocated, 22, "vdi_corrupt", "22 allocated blocks");
    row("bmap unaligned", OffsetBmap, 0x300, "vdi_corrupt", "block map offset 768");
    row("bmap on header", OffsetBmap, 0, "vdi_corrupt", "block map offset 0");
    row("bmap beyond file", OffsetBmap, 0xffffffff, "truncated", "block map");
    row("data unaligned", OffsetData, 0x401, "vdi_corrupt", "data offset 1025");
    row("data on bmap", OffsetData, 0x200, "vdi_corrupt", "data offset 512");
    row("data beyond file", OffsetData, 0xffffffff, "truncated", "block 4 of data");
}

// Each value patched into the dynamic pattern disk (21 blocks, 5 of them allocated), so that only
// the value itself is wrong: each refusal is its own, and names the file.
void TestVdi::damagedHeader()
{
    QFETCH(int, field);
    QFETCH(quint32, value);
    QFETCH(QString, code);
    QFETCH(QString, says);
    const QString path =
        dynamicCopy(QStringLiteral("damaged-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(!path.isEmpty());
    VdiBytes vdi{readFile(path)};
    QCOMPARE(vdi.get(BlocksInImage), quint32(21));
    QCOMPARE(vdi.get(BlocksAllocated), quint32(5));
    if (value == 0xffffffff) // a sector-aligned offset past the file's end
        value = quint32(vdi.data.size() + 4096) & ~511u;
    vdi.put(Field(field), value);
    QVERIFY(writeFile(path, vdi.data));
    const Error error = openError(path);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(QStringLiteral("d.vdi")), qPrintable(error.message));
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
}

// Without its signature the file is no VDI to the opener (a raw disk, then); openVdi itself
// refuses it.
void TestVdi::badSignature()
{
    const QString path = dynamicCopy(QStringLiteral("signature"));
    QVERIFY(!path.isEmpty());
    VdiBytes vdi{readFile(path)};
    vdi.put(Signature, 0xbeda1070);
    QVERIFY(writeFile(path, vdi.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY(!image || image->format() != QLatin1String("vdi"));
    QVERIFY(!openVdi(std::make_unique<MemoryByteSource>(vdi.data, QStringLiteral("d.vdi")),
                     OpenContext{}, &error));
    QCOMPARE(error.code, QStringLiteral("vdi_corrupt"));
    QVERIFY2(error.message.contains(QStringLiteral("signature")), qPrintable(error.message));
}

// Entries are checked when first used: one past the allocated data is refused with the block's
// number, as VirtualBox refuses it; the other blocks still read.
void TestVdi::bmapEntryOutOfRange()
{
    const QString path = dynamicCopy(QStringLiteral("entry"));
    QVERIFY(!path.isEmpty());
    VdiBytes vdi{readFile(path)};
    vdi.setEntry(5, vdi.get(BlocksAllocated));
    vdi.setEntry(9, 0x7fffffff);
    QVERIFY(writeFile(path, vdi.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    char buffer[4096];
    QVERIFY(image->read(0, buffer, sizeof buffer, &error));
    QVERIFY(image->read(7 * kMiB, buffer, sizeof buffer, &error));
    for (quint64 block : {5, 9}) {
        QVERIFY(!image->read(block * kMiB + 100, buffer, sizeof buffer, &error));
        QCOMPARE(error.code, QStringLiteral("vdi_corrupt"));
        QVERIFY2(error.message.contains(QStringLiteral("block %1 ").arg(block)),
                 qPrintable(error.message));
        QList<Extent> map;
        QVERIFY(!image->mapExtents(0, image->virtualSize(), &map, &error));
        QCOMPARE(error.code, QStringLiteral("vdi_corrupt"));
        QVERIFY(map.isEmpty());
    }
}

void TestVdi::truncatedFile()
{
    const QString path = dynamicCopy(QStringLiteral("truncated"));
    QVERIFY(!path.isEmpty());
    const qint64 full = QFileInfo(path).size();
    // Inside the last block of data, inside the block map, inside the header.
    for (qint64 size : {full - 4096, qint64(550), qint64(300)}) {
        QVERIFY(QFile::resize(path, size));
        const Error error = openError(path);
        QCOMPARE(error.code, QStringLiteral("truncated"));
        QVERIFY2(error.message.contains(QString::number(size)), qPrintable(error.message));
    }
    // A static disk cut short.
    const QString dir = QFileInfo(path).path();
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vdi -o static=on s.vdi 8M && "
                                   "truncate -s 5M s.vdi")));
    const Error error = openError(dir + QStringLiteral("/s.vdi"));
    QCOMPARE(error.code, QStringLiteral("truncated"));
    QVERIFY2(error.message.contains(QStringLiteral("block 7 of data")), qPrintable(error.message));
}

void TestVdi::openerPicksVdi()
{
    const QString dir = folder(QStringLiteral("opener"));
    QVERIFY(sh(dir, QStringLiteral("cp '%1' disk.vdi && cp '%1' disk.img && qemu-img convert -O "
                                   "vdi -o static=on '%2' static.raw")
                        .arg(m_dynamic, m_patterns)));
    for (const char* name : {"disk.vdi", "disk.img", "static.raw"}) {
        Error error;
        auto image = openDiskImage(dir + u'/' + QLatin1String(name), &error);
        QVERIFY2(image, qPrintable(error.message));
        QCOMPARE(image->format(), QStringLiteral("vdi"));
        QCOMPARE(image->virtualSize(), kPatternSize);
    }
}

void TestVdi::probe()
{
    ProbeInput input;
    input.fileSize = 1 << 20;
    input.head = QByteArray(4096, '\0');
    QCOMPARE(probeVdi(input), 0);
    input.head.replace(0x40, 4, QByteArray("\x7f\x10\xda\xbe", 4));
    QCOMPARE(probeVdi(input), 100);
    input.head = input.head.left(0x43);
    QCOMPARE(probeVdi(input), 0);
    input.head = QByteArray("<<< Oracle VM VirtualBox Disk Image >>>\n").leftJustified(512, '\0');
    QCOMPARE(probeVdi(input), 0);
}

QTEST_GUILESS_MAIN(TestVdi)
#include "tst_vdiimage.moc"
