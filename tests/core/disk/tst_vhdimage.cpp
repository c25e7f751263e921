// The VHD reader against qemu-img: fixed and dynamic disks with and without force_size, sizes
// that are and are not whole CHS geometries, a 2040 GiB dynamic disk read cheaply, sector
// bitmaps, differencing disks, the backup footer, and refusals of damaged files.
#include "QemuTruth.h"
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "disk/VhdImage.h"

#include <QDir>
#include <QFile>
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

constexpr qsizetype kFooter = 512;

// The specification's checksum: ones' complement of the byte sum, the checksum field skipped.
quint32 checksum(const QByteArray& bytes, qsizetype at, qsizetype length, qsizetype checksumAt)
{
    quint32 sum = 0;
    for (qsizetype i = 0; i < length; ++i)
        if (i < checksumAt || i >= checksumAt + 4)
            sum += uchar(bytes[at + i]);
    return ~sum;
}

void putBe32(QByteArray* bytes, qsizetype at, quint32 value)
{
    qToBigEndian(value, bytes->data() + at);
}
void putBe64(QByteArray* bytes, qsizetype at, quint64 value)
{
    qToBigEndian(value, bytes->data() + at);
}
quint64 be64At(const QByteArray& bytes, qsizetype at)
{
    return qFromBigEndian<quint64>(bytes.constData() + at);
}
quint32 be32At(const QByteArray& bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.constData() + at);
}

// A whole VHD file in memory, for patching: footers and dynamic header found through their
// offsets, and every checksum recomputed so that only the patched value is wrong.
struct VhdBytes {
    QByteArray data;
    qsizetype tail() const { return data.size() - kFooter; }
    qsizetype header() const { return qsizetype(be64At(data, tail() + 16)); }
    qsizetype table() const { return qsizetype(be64At(data, header() + 16)); }
    void fixChecksums()
    {
        putBe32(&data, tail() + 64, checksum(data, tail(), kFooter, 64));
        if (data.startsWith("conectix"))
            putBe32(&data, 64, checksum(data, 0, kFooter, 64));
        if (header() > 0 && header() + 1024 <= data.size() && data.mid(header(), 8) == "cxsparse")
            putBe32(&data, header() + 36, checksum(data, header(), 1024, 36));
    }
};

} // namespace

class TestVhd : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void matchesQemu_data();
    void matchesQemu();
    void sizes_data();
    void sizes();
    void hugeDynamicReadsLittle();
    void sectorBitmap();
    void differencingIsBlocker();
    void backupFooter();
    void savedState();
    void badFooterChecksum();
    void damagedHeader_data();
    void damagedHeader();
    void batEntryInMetadata();
    void batEntryBeyondFile();
    void truncatedFile();
    void openerPicksVhd();
    void probe();

private:
    QString folder(const QString& name) { return test::scratchFolder(m_dir, name); }
    static quint64 vpcVirtualSize(const QString& image)
    {
        QByteArray out;
        if (!test::runTool(QStringLiteral("qemu-img"),
                           {QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("vpc"),
                            QStringLiteral("--output=json"), image},
                           &out))
            return 0;
        return quint64(
            QJsonDocument::fromJson(out).object().value(QStringLiteral("virtual-size")).toDouble());
    }
    static QString compareWithVpc(const QString& image);
    // A dynamic VHD of the mbr-ext4 fixture made by qemu-img, for patching.
    QString dynamicCopy(const QString& name);

    QTemporaryDir m_dir;
};

// test::compareWithQemu lets qemu-img probe the format, and qemu's vpc probe only looks for the
// cookie at offset 0: a fixed VHD (footer at the end only) is taken for a raw disk, footer and
// all. This is the same comparison with the format forced to vpc.
QString TestVhd::compareWithVpc(const QString& image)
{
    QTemporaryDir tmp;
    const QString raw = tmp.filePath(QStringLiteral("truth.raw"));
    if (!test::runTool(QStringLiteral("qemu-img"),
                       {QStringLiteral("convert"), QStringLiteral("-f"), QStringLiteral("vpc"),
                        QStringLiteral("-O"), QStringLiteral("raw"), image, raw}))
        return QStringLiteral("qemu-img convert failed");
    Error error;
    auto disk = openDiskImage(image, &error);
    if (!disk)
        return QStringLiteral("open failed: %1: %2").arg(error.code, error.message);
    if (disk->format() != QLatin1String("vhd"))
        return QStringLiteral("format %1").arg(disk->format());
    const quint64 qemuSize = vpcVirtualSize(image);
    if (disk->virtualSize() != qemuSize)
        return QStringLiteral("virtual size %1, qemu-img says %2")
            .arg(disk->virtualSize())
            .arg(qemuSize);
    QFile truth(raw);
    if (!truth.open(QIODevice::ReadOnly) || quint64(truth.size()) != qemuSize)
        return QStringLiteral("qemu-img raw output unusable");
    constexpr qsizetype kChunk = 1024 * 1024 + 4096 + 512;
    std::vector<char> ours(kChunk);
    for (quint64 offset = 0; offset < qemuSize; offset += kChunk) {
        const qsizetype n = qsizetype(qMin<quint64>(kChunk, qemuSize - offset));
        const QByteArray expected = truth.read(n);
        if (!disk->read(offset, ours.data(), size_t(n), &error))
            return QStringLiteral("read at %1 failed: %2").arg(offset).arg(error.message);
        if (std::memcmp(expected.constData(), ours.data(), size_t(n)) != 0)
            return QStringLiteral("bytes differ in the chunk at %1").arg(offset);
    }
    return {};
}

QString TestVhd::dynamicCopy(const QString& name)
{
    const QString dir = folder(name);
    if (!sh(dir, QStringLiteral("qemu-img convert -O vpc -o subformat=dynamic %1 d.vhd")
                     .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))))
        return {};
    return dir + QStringLiteral("/d.vhd");
}

void TestVhd::matchesQemu_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("options");
    const char* bases[] = {"mbr-ext4.raw", "gpt-ext4.raw", "whole-ext4.raw"};
    const char* options[] = {"subformat=fixed", "subformat=dynamic",
                             "subformat=fixed,force_size=on", "subformat=dynamic,force_size=on"};
    for (const char* base : bases)
        for (const char* option : options)
            QTest::addRow("%s-%s", base, option)
                << QString::fromLatin1(base) << QString::fromLatin1(option);
}

void TestVhd::matchesQemu()
{
    QFETCH(QString, base);
    QFETCH(QString, options);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vpc -o %1 %2 disk.vhd")
                        .arg(options, test::baseDisk(base))));
    const QString image = dir + QStringLiteral("/disk.vhd");
    QString difference = compareWithVpc(image);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    const bool fixed = options.contains(QLatin1String("fixed"));
    if (!fixed) {
        // qemu-img finds the footer copy at offset 0 of a dynamic disk by itself.
        difference = test::compareWithQemu(image, QStringLiteral("vhd"));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
    Error error;
    auto disk = openDiskImage(image, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->subformat(), fixed ? QStringLiteral("fixed") : QStringLiteral("dynamic"));
    QVERIFY(disk->findings().isEmpty());
}

void TestVhd::sizes_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<quint64>("size");
    const quint64 mib = 1024 * 1024;
    const quint64 sizes[] = {64 * mib, 100 * mib, 1024 * mib + 512, 130 * 1024 * mib};
    // Named rows built as strings: GCC's -Wformat-overflow cannot see that the options are never
    // null when they go through addRow's printf-style format.
    const QStringList options = {QStringLiteral("subformat=fixed"),
                                 QStringLiteral("subformat=dynamic"),
                                 QStringLiteral("subformat=fixed,force_size=on"),
                                 QStringLiteral("subformat=dynamic,force_size=on")};
    for (const QString& option : options)
        for (quint64 size : sizes)
            QTest::newRow(qPrintable(QStringLiteral("%1-%2").arg(option).arg(size)))
                << option << size;
}

// Sizes that are not whole CHS geometries are rounded up by qemu-img unless force_size is on;
// 130 GiB is past the largest geometry, so the footer's current size counts either way.
void TestVhd::sizes()
{
    QFETCH(QString, options);
    QFETCH(quint64, size);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vpc -o %1 s.vhd %2 && qemu-io -f vpc -c "
                                   "'write -P 0x3c 0 4096' -c 'write -P 0x4d %3 512' s.vhd "
                                   ">/dev/null")
                        .arg(options)
                        .arg(size)
                        .arg(size - 512)));
    const QString path = dir + QStringLiteral("/s.vhd");
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("vhd"));
    QCOMPARE(image->virtualSize(), vpcVirtualSize(path));
    QVERIFY(image->virtualSize() >= size);
    if (options.contains(QLatin1String("force_size")))
        QCOMPARE(image->virtualSize(), size);
    QByteArray got(4096, 'x');
    QVERIFY2(image->read(0, got.data(), 4096, &error), qPrintable(error.message));
    QCOMPARE(got, QByteArray(4096, '\x3c'));
    QVERIFY2(image->read(size - 512, got.data(), 512, &error), qPrintable(error.message));
    QCOMPARE(got.left(512), QByteArray(512, '\x4d'));
    const quint64 rest = image->virtualSize() - size;
    if (rest > 0) {
        QByteArray tail(qsizetype(rest), 'x');
        QVERIFY(image->read(size, tail.data(), size_t(rest), &error));
        QCOMPARE(tail.count('\0'), tail.size());
    }
    QVERIFY(!image->read(image->virtualSize() - 511, got.data(), 512, &error));
    QCOMPARE(error.code, QStringLiteral("out_of_range"));
}

// The largest dynamic VHD: opening it and reading a few places touches only a few pages of its
// 4 MiB block allocation table.
void TestVhd::hugeDynamicReadsLittle()
{
    const QString dir = folder(QStringLiteral("huge"));
    const quint64 gib = quint64(1) << 30;
    const quint64 size = 2040 * gib;
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vpc -o subformat=dynamic big.vhd 2040G "
                                   "&& qemu-io -f vpc -c 'write -P 0xab 1T 64k' -c 'write -P 0xcd "
                                   "%1 8192' big.vhd >/dev/null")
                        .arg(size - 8192)));
    const QString path = dir + QStringLiteral("/big.vhd");
    auto stats = std::make_shared<ReadStats>();
    Error error;
    auto image = openDiskImage(path, &error, stats);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("vhd"));
    QCOMPARE(image->virtualSize(), size);
    QCOMPARE(image->virtualSize(), test::qemuVirtualSize(path));
    const quint64 tib = quint64(1) << 40;
    const auto all = [](const std::vector<char>& b, char c) {
        return std::all_of(b.begin(), b.end(), [c](char x) { return x == c; });
    };
    std::vector<char> buffer(4096);
    QVERIFY(image->read(0, buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, 0));
    QVERIFY(image->read(tib + 8192, buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, char(0xab)));
    QVERIFY(image->read(size - buffer.size(), buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, char(0xcd)));
    QVERIFY(image->read(tib / 2, buffer.data(), buffer.size(), &error));
    QVERIFY(all(buffer, 0));
    // A read straddling the written range's end: data then zeros.
    QVERIFY(image->read(tib + 65536 - 2048, buffer.data(), buffer.size(), &error));
    QVERIFY(std::all_of(buffer.begin(), buffer.begin() + 2048, [](char c) { return c == '\xab'; }));
    QVERIFY(std::all_of(buffer.begin() + 2048, buffer.end(), [](char c) { return c == 0; }));
    QVERIFY2(stats->bytesRead < 1024 * 1024, qPrintable(QString::number(stats->bytesRead)));
}

// qemu-img sets every bit of a block's sector bitmap; other writers (Virtual PC, Hyper-V) leave
// unwritten sectors' bits clear, and those sectors must read as zeros whatever the block holds.
// qemu ignores the bitmap, so the expectation is built here.
void TestVhd::sectorBitmap()
{
    const QString path = dynamicCopy(QStringLiteral("bitmap"));
    QVERIFY(!path.isEmpty());
    QVERIFY(sh(QFileInfo(path).path(), QStringLiteral("qemu-io -f vpc -c 'write -P 0x77 0 2M' "
                                                      "d.vhd >/dev/null")));
    VhdBytes vhd{readFile(path)};
    const quint32 sector = be32At(vhd.data, vhd.table());
    QVERIFY(sector != 0xFFFFFFFF);
    const qsizetype bitmap = qsizetype(sector) * 512;
    QCOMPARE(vhd.data.mid(bitmap, 512), QByteArray(512, '\xff'));
    vhd.data[bitmap] = char(0x5f);     // sectors 0 and 2 unwritten (most significant bit first)
    vhd.data[bitmap + 1] = char(0x00); // sectors 8..15 unwritten
    QVERIFY(writeFile(path, vhd.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QByteArray got(20 * 512, 'x');
    QVERIFY(image->read(0, got.data(), size_t(got.size()), &error));
    for (int s = 0; s < 20; ++s) {
        const bool zero = s == 0 || s == 2 || (s >= 8 && s < 16);
        QCOMPARE(got.mid(s * 512, 512), QByteArray(512, zero ? '\0' : '\x77'));
    }
    // Unaligned reads inside a run and across a change of bit.
    QByteArray part(700, 'x');
    QVERIFY(image->read(512 + 100, part.data(), 700, &error));
    QCOMPARE(part.left(412), QByteArray(412, '\x77'));
    QCOMPARE(part.mid(412), QByteArray(288, '\0'));
}

// qemu-img 7.2 cannot create differencing VHDs ("Backing file not supported for file format
// 'vpc'"), so one is made from a qemu-img dynamic disk the way Hyper-V lays it out: disk type 4
// in both footers and the parent's name (UTF-16BE) in the dynamic header, checksums recomputed.
void TestVhd::differencingIsBlocker()
{
    const QString path = dynamicCopy(QStringLiteral("differencing"));
    QVERIFY(!path.isEmpty());
    QVERIFY(sh(QFileInfo(path).path(), QStringLiteral("qemu-io -f vpc -c 'write -P 0x42 4M 64k' "
                                                      "d.vhd >/dev/null")));
    VhdBytes vhd{readFile(path)};
    putBe32(&vhd.data, 60, 4);
    putBe32(&vhd.data, vhd.tail() + 60, 4);
    const QString parent = QStringLiteral("Base Disk é.vhd");
    for (qsizetype i = 0; i < parent.size(); ++i)
        qToBigEndian(quint16(parent[i].unicode()), vhd.data.data() + vhd.header() + 64 + i * 2);
    vhd.fixChecksums();
    const QString child = QFileInfo(path).path() + QStringLiteral("/child.vhd");
    QVERIFY(writeFile(child, vhd.data));
    Error error;
    auto image = openDiskImage(child, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("vhd"));
    QCOMPARE(image->subformat(), QStringLiteral("differencing"));
    QCOMPARE(image->findings().size(), 1);
    const Finding& finding = image->findings().first();
    QCOMPARE(finding.severity, Finding::Severity::Blocker);
    QCOMPARE(finding.code, QStringLiteral("vhd_differencing"));
    QVERIFY2(finding.message.contains(parent), qPrintable(finding.message));
    QVERIFY(finding.message.contains(
        QStringLiteral("qemu-img convert -O vpc -o subformat=dynamic child.vhd merged.vhd")));
    QVERIFY(finding.message.contains(QStringLiteral("Hyper-V")));
    // Its own blocks read as written, the rest as zeros (the parent's part is not available).
    Error readError;
    auto dynamic = openDiskImage(path, &readError);
    QVERIFY(dynamic);
    QCOMPARE(image->virtualSize(), dynamic->virtualSize());
    const size_t span = 8 * 1024 * 1024;
    std::vector<char> a(span), b(span);
    QVERIFY(image->read(0, a.data(), span, &error));
    QVERIFY(dynamic->read(0, b.data(), span, &readError));
    QVERIFY(a == b);
    QCOMPARE(a[4 * 1024 * 1024], '\x42');
}

// A damaged footer at the end of a dynamic disk: the copy at offset 0 serves, with a warning.
void TestVhd::backupFooter()
{
    const QString path = dynamicCopy(QStringLiteral("backup"));
    QVERIFY(!path.isEmpty());
    const QString good = QFileInfo(path).path() + QStringLiteral("/good.vhd");
    QVERIFY(QFile::copy(path, good));
    VhdBytes vhd{readFile(path)};
    vhd.data[vhd.tail() + 48] = char(vhd.data[vhd.tail() + 48] ^ 0x10); // current size, unfixed
    QVERIFY(writeFile(path, vhd.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->findings().size(), 1);
    QCOMPARE(image->findings().first().severity, Finding::Severity::Warning);
    QCOMPARE(image->findings().first().code, QStringLiteral("vhd_backup_footer"));
    auto original = openDiskImage(good, &error);
    QVERIFY(original);
    QCOMPARE(image->virtualSize(), original->virtualSize());
    std::vector<char> a(image->virtualSize()), b(original->virtualSize());
    QVERIFY(image->read(0, a.data(), a.size(), &error));
    QVERIFY(original->read(0, b.data(), b.size(), &error));
    QVERIFY(a == b);

    // Both copies damaged: refused.
    vhd.data[48] = char(vhd.data[48] ^ 0x10);
    QVERIFY(writeFile(path, vhd.data));
    const Error both = openError(path);
    QCOMPARE(both.code, QStringLiteral("vhd_corrupt"));
    QVERIFY2(both.message.contains(QStringLiteral("checksum")), qPrintable(both.message));
}

void TestVhd::savedState()
{
    const QString path = dynamicCopy(QStringLiteral("saved"));
    QVERIFY(!path.isEmpty());
    VhdBytes vhd{readFile(path)};
    vhd.data[84] = 1;
    vhd.data[vhd.tail() + 84] = 1;
    vhd.fixChecksums();
    QVERIFY(writeFile(path, vhd.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->findings().size(), 1);
    QCOMPARE(image->findings().first().code, QStringLiteral("vhd_saved_state"));
}

// A fixed disk has no second footer: a wrong checksum is fatal.
void TestVhd::badFooterChecksum()
{
    const QString dir = folder(QStringLiteral("checksum"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vpc -o subformat=fixed %1 f.vhd")
                        .arg(test::baseDisk(QStringLiteral("whole-ext4.raw")))));
    const QString path = dir + QStringLiteral("/f.vhd");
    VhdBytes vhd{readFile(path)};
    vhd.data[vhd.tail() + 67] = char(vhd.data[vhd.tail() + 67] ^ 1);
    QVERIFY(writeFile(path, vhd.data));
    const Error error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vhd_corrupt"));
    QVERIFY2(error.message.contains(QStringLiteral("f.vhd")), qPrintable(error.message));
}

void TestVhd::damagedHeader_data()
{
    QTest::addColumn<int>("field"); // offset in the dynamic header, or -1 for the footer type
    QTest::addColumn<quint64>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("block size 0") << 32 << quint64(0) << QStringLiteral("vhd_corrupt");
    QTest::newRow("block size 3000") << 32 << quint64(3000) << QStringLiteral("vhd_corrupt");
    QTest::newRow("block size 256") << 32 << quint64(256) << QStringLiteral("vhd_corrupt");
    QTest::newRow("block size 512M")
        << 32 << quint64(512) * 1024 * 1024 << QStringLiteral("vhd_corrupt");
    QTest::newRow("max entries huge") << 28 << quint64(0xFFFFFFFF) << QStringLiteral("vhd_corrupt");
    QTest::newRow("max entries too few") << 28 << quint64(1) << QStringLiteral("vhd_corrupt");
    QTest::newRow("table beyond file") << 16 << quint64(1) << QStringLiteral("truncated");
    QTest::newRow("table far beyond")
        << 16 << quint64(0xFFFFFFFFFFFFFE00) << QStringLiteral("truncated");
    QTest::newRow("table on header") << 16 << quint64(512) << QStringLiteral("vhd_corrupt");
    QTest::newRow("table on footer copy") << 16 << quint64(0) << QStringLiteral("vhd_corrupt");
    QTest::newRow("disk type 7") << -1 << quint64(7) << QStringLiteral("vhd_corrupt");
}

// Each value patched into a qemu-img dynamic disk, checksums made right again, so that only the
// value itself is wrong.
void TestVhd::damagedHeader()
{
    QFETCH(int, field);
    QFETCH(quint64, value);
    QFETCH(QString, code);
    const QString path =
        dynamicCopy(QStringLiteral("damaged-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(!path.isEmpty());
    VhdBytes vhd{readFile(path)};
    if (field < 0) {
        putBe32(&vhd.data, 60, quint32(value));
        putBe32(&vhd.data, vhd.tail() + 60, quint32(value));
    } else if (field == 16) {
        // The value is in units of the file's size beyond its end when small.
        putBe64(&vhd.data, vhd.header() + 16, value == 1 ? quint64(vhd.data.size()) + 4096 : value);
    } else {
        putBe32(&vhd.data, vhd.header() + field, quint32(value));
    }
    vhd.fixChecksums();
    QVERIFY(writeFile(path, vhd.data));
    const Error error = openError(path);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(QStringLiteral("d.vhd")), qPrintable(error.message));
}

// Table entries are checked when first used: a block inside the headers is refused.
void TestVhd::batEntryInMetadata()
{
    const QString path = dynamicCopy(QStringLiteral("bat-metadata"));
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::copy(path, path + QStringLiteral(".orig")));
    VhdBytes vhd{readFile(path)};
    putBe32(&vhd.data, vhd.table() + 4, 1); // block 1 at sector 1: on the dynamic header
    QVERIFY(writeFile(path, vhd.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    char buffer[4096];
    QVERIFY(image->read(0, buffer, sizeof buffer, &error));
    QVERIFY(!image->read(2 * 1024 * 1024, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("vhd_corrupt"));

    // A table claiming so many entries that it runs over the first data block.
    VhdBytes grown{readFile(path + QStringLiteral(".orig"))};
    putBe32(&grown.data, grown.header() + 28, 200000);
    grown.fixChecksums();
    QVERIFY(writeFile(path, grown.data));
    error = Error{}; // the opener takes a set error for one of its own
    image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QVERIFY(!image->read(0, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("vhd_corrupt"));
}

void TestVhd::batEntryBeyondFile()
{
    const QString path = dynamicCopy(QStringLiteral("bat-beyond"));
    QVERIFY(!path.isEmpty());
    VhdBytes vhd{readFile(path)};
    putBe32(&vhd.data, vhd.table() + 4, 0xFFFFFF00);
    QVERIFY(writeFile(path, vhd.data));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    char buffer[4096];
    QVERIFY(!image->read(2 * 1024 * 1024 + 4096, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
    QVERIFY2(error.message.contains(QString::number(quint64(0xFFFFFF00) * 512)),
             qPrintable(error.message));
}

void TestVhd::truncatedFile()
{
    const QString path = dynamicCopy(QStringLiteral("truncated"));
    QVERIFY(!path.isEmpty());
    const QString cut = QFileInfo(path).path() + QStringLiteral("/cut.vhd");
    QVERIFY(QFile::copy(path, cut));
    // Cut inside the data: the footer copy at the start still opens it, reading the lost blocks
    // fails.
    QVERIFY(QFile::resize(cut, 4 * 1024 * 1024));
    Error error;
    auto image = openDiskImage(cut, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->findings().size(), 1);
    QCOMPARE(image->findings().first().code, QStringLiteral("vhd_backup_footer"));
    std::vector<char> all(image->virtualSize());
    QVERIFY(!image->read(0, all.data(), all.size(), &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
    // Cut inside the table: refused when opened.
    QVERIFY(QFile::resize(cut, 1600));
    QCOMPARE(openError(cut).code, QStringLiteral("truncated"));
    // Cut inside the dynamic header.
    QVERIFY(QFile::resize(cut, 1000));
    QCOMPARE(openError(cut).code, QStringLiteral("truncated"));
    // A fixed disk whose footer promises more than the file holds.
    const QString dir = QFileInfo(path).path();
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vpc -o subformat=fixed f.vhd 8M && "
                                   "tail -c 512 f.vhd >footer && truncate -s 4M f.vhd && "
                                   "cat footer >>f.vhd")));
    const Error fixed = openError(dir + QStringLiteral("/f.vhd"));
    QCOMPARE(fixed.code, QStringLiteral("truncated"));
}

void TestVhd::openerPicksVhd()
{
    const QString dir = folder(QStringLiteral("opener"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vpc -o subformat=fixed %1 disk.vhd && cp "
                                   "disk.vhd disk.img && qemu-img convert -O vpc %1 dyn.img")
                        .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    for (const char* name : {"disk.vhd", "disk.img", "dyn.img"}) {
        Error error;
        auto image = openDiskImage(dir + u'/' + QLatin1String(name), &error);
        QVERIFY2(image, qPrintable(error.message));
        QCOMPARE(image->format(), QStringLiteral("vhd"));
    }
}

void TestVhd::probe()
{
    ProbeInput input;
    input.fileSize = 1 << 20;
    input.head = QByteArray(4096, '\0');
    input.tail = QByteArray("conectix") + QByteArray(504, '\0');
    QCOMPARE(probeVhd(input), 100);
    input.tail = QByteArray(512, '\0');
    QCOMPARE(probeVhd(input), 0);
    input.head = QByteArray("conectix") + QByteArray(504, '\0');
    QCOMPARE(probeVhd(input), 100);
    input.head = "vhdxfile";
    QCOMPARE(probeVhd(input), 0);
}

QTEST_GUILESS_MAIN(TestVhd)
#include "tst_vhdimage.moc"
