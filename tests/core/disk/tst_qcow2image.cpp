// The qcow2 reader against qemu-img: versions 2 and 3, every cluster size and compression,
// extended L2, zero clusters, preallocation, a 2 TiB sparse disk read cheaply, and the refusal
// of encrypted, external-data, truncated and damaged files.
#include "QemuTruth.h"
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "disk/Qcow2Image.h"

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

class TestQcow2 : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void matchesQemu_data();
    void matchesQemu();
    void oddSizes_data();
    void oddSizes();
    void preallocatedMetadata_data();
    void preallocatedMetadata();
    void zeroClusters();
    void zeroSubclusters();
    void hugeSparseReadsLittle();
    void backingFileIsBlocker();
    void dirtyIsWarning();
    void encryptedRefused_data();
    void encryptedRefused();
    void externalDataRefused();
    void truncatedFile();
    void truncatedCompressed();
    void damagedHeader_data();
    void damagedHeader();
    void unalignedL2Entry();
    void probeAndOpener();

private:
    QString folder(const QString& name) { return test::scratchFolder(m_dir, name); }
    // Reads the whole virtual disk; false with *error on the first failing read.
    static bool readAll(DiskImage& image, QByteArray* out, Error* error)
    {
        out->resize(qsizetype(image.virtualSize()));
        return image.read(0, out->data(), size_t(out->size()), error);
    }
    static QByteArray be32(quint32 v)
    {
        QByteArray b(4, '\0');
        qToBigEndian(v, b.data());
        return b;
    }
    static QByteArray be64(quint64 v)
    {
        QByteArray b(8, '\0');
        qToBigEndian(v, b.data());
        return b;
    }
    static quint64 be64At(const QByteArray& data, qsizetype offset)
    {
        return qFromBigEndian<quint64>(data.constData() + offset);
    }
    // A qcow2 v3 copy of mbr-ext4.raw, made once and copied for each damaging case.
    QString pristine()
    {
        const QString path = m_dir.filePath(QStringLiteral("pristine.qcow2"));
        if (!QFile::exists(path))
            sh(m_dir.path(), QStringLiteral("qemu-img convert -O qcow2 -o compat=1.1 %1 %2")
                                 .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")), path));
        return path;
    }

    QTemporaryDir m_dir;
};

void TestQcow2::matchesQemu_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("subformat");
    const char* bases[] = {"mbr-ext4.raw", "gpt-ext4.raw", "whole-ext4.raw"};
    struct Variant {
        const char* tag;
        const char* options;
        const char* subformat;
    };
    const Variant variants[] = {
        {"v2", "-o compat=0.10", "v2"},
        {"v3", "-o compat=1.1", "v3"},
        {"zlib", "-c", "v3"},
        {"zstd", "-c -o compression_type=zstd", "v3"},
        {"extl2", "-o extended_l2=on", "v3"},
        {"c512", "-o cluster_size=512", "v3"},
        {"c2M", "-o cluster_size=2M", "v3"},
    };
    for (const char* base : bases)
        for (const Variant& v : variants)
            QTest::addRow("%s-%s", base, v.tag)
                << QString::fromLatin1(base) << QString::fromLatin1(v.options)
                << QString::fromLatin1(v.subformat);
    const QString mbr = QStringLiteral("mbr-ext4.raw");
    QTest::newRow("v2-zlib") << mbr << QStringLiteral("-c -o compat=0.10") << QStringLiteral("v2");
    QTest::newRow("v2-c512") << mbr << QStringLiteral("-o compat=0.10,cluster_size=512")
                             << QStringLiteral("v2");
    QTest::newRow("zlib-c512") << mbr << QStringLiteral("-c -o cluster_size=512")
                               << QStringLiteral("v3");
    QTest::newRow("zlib-c2M") << mbr << QStringLiteral("-c -o cluster_size=2M")
                              << QStringLiteral("v3");
    QTest::newRow("zstd-c512") << mbr
                               << QStringLiteral("-c -o compression_type=zstd,cluster_size=512")
                               << QStringLiteral("v3");
    QTest::newRow("zstd-c2M") << mbr
                              << QStringLiteral("-c -o compression_type=zstd,cluster_size=2M")
                              << QStringLiteral("v3");
    QTest::newRow("extl2-c16k") << mbr << QStringLiteral("-o extended_l2=on,cluster_size=16K")
                                << QStringLiteral("v3");
    QTest::newRow("extl2-c2M") << mbr << QStringLiteral("-o extended_l2=on,cluster_size=2M")
                               << QStringLiteral("v3");
    QTest::newRow("extl2-zstd") << mbr
                                << QStringLiteral("-c -o extended_l2=on,compression_type=zstd")
                                << QStringLiteral("v3");
    QTest::newRow("lazy-refcounts")
        << mbr << QStringLiteral("-o lazy_refcounts=on,refcount_bits=64") << QStringLiteral("v3");
}

void TestQcow2::matchesQemu()
{
    QFETCH(QString, base);
    QFETCH(QString, options);
    QFETCH(QString, subformat);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O qcow2 %1 %2 disk.qcow2")
                        .arg(options, test::baseDisk(base))));
    const QString image = dir + QStringLiteral("/disk.qcow2");
    const QString difference = test::compareWithQemu(image, QStringLiteral("qcow2"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    Error error;
    auto disk = openDiskImage(image, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->subformat(), subformat);
    QVERIFY(disk->findings().isEmpty());
}

void TestQcow2::oddSizes_data()
{
    QTest::addColumn<QString>("options");
    QTest::newRow("plain") << QStringLiteral("-o cluster_size=64K");
    QTest::newRow("zlib") << QStringLiteral("-c");
    QTest::newRow("zstd") << QStringLiteral("-c -o compression_type=zstd");
    QTest::newRow("extl2") << QStringLiteral("-o extended_l2=on");
}

// A virtual size that is not a whole number of clusters: the last cluster is partly outside
// the disk (and compressed as a whole, zero-padded).
void TestQcow2::oddSizes()
{
    QFETCH(QString, options);
    const QString dir =
        folder(QStringLiteral("odd-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f raw odd.raw 1000960 && "
                                   "qemu-io -f raw -c 'write -P 0x3c 0 200000' "
                                   "-c 'write -P 0xc3 990000 10960' odd.raw >/dev/null && "
                                   "qemu-img convert -O qcow2 %1 odd.raw odd.qcow2")
                        .arg(options)));
    const QString difference =
        test::compareWithQemu(dir + QStringLiteral("/odd.qcow2"), QStringLiteral("qcow2"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestQcow2::preallocatedMetadata_data()
{
    QTest::addColumn<QString>("compat");
    QTest::newRow("v2") << QStringLiteral("0.10");
    QTest::newRow("v3") << QStringLiteral("1.1");
}

// Metadata preallocation maps every cluster to host space that was never written.
void TestQcow2::preallocatedMetadata()
{
    QFETCH(QString, compat);
    const QString dir = folder(QStringLiteral("prealloc-") + compat);
    QVERIFY(
        sh(dir, QStringLiteral("qemu-img create -q -f qcow2 -o preallocation=metadata,compat=%1 "
                               "pre.qcow2 64M && qemu-io -f qcow2 -c 'write -P 0x33 5M 65536' "
                               "-c 'write -P 0x44 12345678 1000' pre.qcow2 >/dev/null")
                    .arg(compat)));
    const QString difference =
        test::compareWithQemu(dir + QStringLiteral("/pre.qcow2"), QStringLiteral("qcow2"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// `write -z` on a v3 image marks clusters as zero (keeping or dropping their host cluster).
void TestQcow2::zeroClusters()
{
    const QString dir = folder(QStringLiteral("zero"));
    const QString base = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O qcow2 -o compat=1.1 %1 z.qcow2 && "
                                   "qemu-io -f qcow2 -c 'write -z 1M 2M' -c 'write -z -u 4M 1M' "
                                   "z.qcow2 >/dev/null && qemu-img map --output=json z.qcow2 "
                                   ">map.json")
                        .arg(base)));
    // The map proves qemu-io made zero clusters rather than writing zeros.
    const QByteArray map = readFile(dir + QStringLiteral("/map.json"));
    QVERIFY2(map.contains("\"zero\": true, \"data\": false"), map.constData());
    const QByteArray before = readFile(base).mid(1024 * 1024, 2 * 1024 * 1024);
    QVERIFY(before.count('\0') != before.size()); // the ext4 superblock was there
    Error error;
    auto image = openDiskImage(dir + QStringLiteral("/z.qcow2"), &error);
    QVERIFY2(image, qPrintable(error.message));
    QByteArray after(before.size(), 'x');
    QVERIFY(image->read(1024 * 1024, after.data(), size_t(after.size()), &error));
    QCOMPARE(after.count('\0'), after.size());
    const QString difference =
        test::compareWithQemu(dir + QStringLiteral("/z.qcow2"), QStringLiteral("qcow2"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// Extended L2: zeroing and writing single 2 KiB subclusters of 64 KiB clusters, inside
// allocated clusters and in clusters that were never written.
void TestQcow2::zeroSubclusters()
{
    const QString dir = folder(QStringLiteral("subclusters"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O qcow2 -o extended_l2=on %1 s.qcow2 && "
                                   "qemu-io -f qcow2 -c 'write -z 1050624 4096' "
                                   "-c 'write -P 0x11 41945088 2048' "
                                   "-c 'write -P 0x22 50333696 6144' "
                                   "-c 'write -z 50335744 2048' s.qcow2 >/dev/null")
                        .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    const QString path = dir + QStringLiteral("/s.qcow2");
    const QString difference = test::compareWithQemu(path, QStringLiteral("qcow2"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QByteArray got(8192, 'x');
    QVERIFY(image->read(41945088 - 2048, got.data(), size_t(got.size()), &error));
    QCOMPARE(got.mid(0, 2048), QByteArray(2048, '\0'));
    QCOMPARE(got.mid(2048, 2048), QByteArray(2048, '\x11'));
    QCOMPARE(got.mid(4096), QByteArray(4096, '\0'));
}

// 2 TiB of virtual disk: opening and reading a few clusters must touch only their tables.
void TestQcow2::hugeSparseReadsLittle()
{
    const QString dir = folder(QStringLiteral("huge"));
    const quint64 tib = quint64(1) << 40;
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f qcow2 huge.qcow2 2T && qemu-io -f qcow2 "
                                   "-c 'write -P 0x5a 1T 65536' -c 'write -P 0x6b %1 8192' "
                                   "huge.qcow2 >/dev/null")
                        .arg(2 * tib - 8192)));
    const QString path = dir + QStringLiteral("/huge.qcow2");
    auto stats = std::make_shared<ReadStats>();
    Error error;
    auto image = openDiskImage(path, &error, stats);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("qcow2"));
    QCOMPARE(image->virtualSize(), 2 * tib);
    QCOMPARE(image->virtualSize(), test::qemuVirtualSize(path));
    char buffer[4096];
    const auto all = [&](char c) {
        return std::all_of(std::begin(buffer), std::end(buffer), [c](char b) { return b == c; });
    };
    QVERIFY(image->read(0, buffer, sizeof buffer, &error));
    QVERIFY(all(0));
    QVERIFY(image->read(tib + 4096, buffer, sizeof buffer, &error));
    QVERIFY(all(0x5a));
    QVERIFY(image->read(2 * tib - sizeof buffer, buffer, sizeof buffer, &error));
    QVERIFY(all(0x6b));
    QVERIFY(image->read(tib / 2, buffer, sizeof buffer, &error));
    QVERIFY(all(0));
    // A read straddling the written cluster's end: pattern, then zeros.
    QVERIFY(image->read(tib + 65536 - 2048, buffer, sizeof buffer, &error));
    QVERIFY(std::all_of(buffer, buffer + 2048, [](char b) { return b == 0x5a; }));
    QVERIFY(std::all_of(buffer + 2048, std::end(buffer), [](char b) { return b == 0; }));
    QVERIFY(!image->read(2 * tib - 100, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("out_of_range"));
    QVERIFY2(stats->bytesRead < 1024 * 1024, qPrintable(QString::number(stats->bytesRead)));
}

void TestQcow2::backingFileIsBlocker()
{
    const QString dir = folder(QStringLiteral("backing"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O qcow2 %1 base.qcow2 && qemu-img create -q "
                                   "-f qcow2 -b base.qcow2 -F qcow2 child.qcow2 && qemu-io -f "
                                   "qcow2 -c 'write -P 0x77 8M 65536' child.qcow2 >/dev/null")
                        .arg(test::baseDisk(QStringLiteral("whole-ext4.raw")))));
    Error error;
    auto image = openDiskImage(dir + QStringLiteral("/child.qcow2"), &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("qcow2"));
    QCOMPARE(image->virtualSize(), test::qemuVirtualSize(dir + QStringLiteral("/base.qcow2")));
    QCOMPARE(image->findings().size(), 1);
    const Finding& finding = image->findings().first();
    QCOMPARE(finding.severity, Finding::Severity::Blocker);
    QCOMPARE(finding.code, QStringLiteral("backing_file"));
    QVERIFY2(finding.message.contains(QStringLiteral("base.qcow2")), qPrintable(finding.message));
    QVERIFY2(finding.message.contains(QStringLiteral("qemu-img convert -O qcow2 child.qcow2")),
             qPrintable(finding.message));
    // Our own clusters read as written, the backing file's as zeros: it is never opened.
    QByteArray got(65536 * 2, 'x');
    QVERIFY(image->read(8 * 1024 * 1024, got.data(), size_t(got.size()), &error));
    QCOMPARE(got.left(65536), QByteArray(65536, '\x77'));
    QCOMPARE(got.mid(65536), QByteArray(65536, '\0'));
    QVERIFY(image->read(0, got.data(), size_t(got.size()), &error));
    QCOMPARE(got.count('\0'), got.size());
}

// The dirty flag only means stale refcounts: the image opens, reads the same, and warns.
void TestQcow2::dirtyIsWarning()
{
    const QString path = m_dir.filePath(QStringLiteral("dirty.qcow2"));
    QByteArray file = readFile(pristine());
    QVERIFY(file.size() > 4096);
    Error error;
    QByteArray clean;
    {
        auto image = openDiskImage(pristine(), &error);
        QVERIFY2(image, qPrintable(error.message));
        QVERIFY(readAll(*image, &clean, &error));
    }
    file.replace(72, 8, be64(be64At(file, 72) | 1));
    QVERIFY(writeFile(path, file));
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->findings().size(), 1);
    QCOMPARE(image->findings().first().severity, Finding::Severity::Warning);
    QCOMPARE(image->findings().first().code, QStringLiteral("qcow2_dirty"));
    QVERIFY(image->findings().first().message.contains(QStringLiteral("qemu-img check -r all")));
    QByteArray dirty;
    QVERIFY(readAll(*image, &dirty, &error));
    QVERIFY(dirty == clean);
}

void TestQcow2::encryptedRefused_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("method");
    QTest::newRow("luks") << QStringLiteral("luks") << QStringLiteral("LUKS");
    QTest::newRow("legacy aes") << QStringLiteral("aes") << QStringLiteral("AES");
}

void TestQcow2::encryptedRefused()
{
    QFETCH(QString, format);
    QFETCH(QString, method);
    const QString dir = folder(QStringLiteral("encrypted-") + format);
    const QString create =
        QStringLiteral("qemu-img create -q -f qcow2 --object secret,id=sec0,data=abc "
                       "-o encrypt.format=%1,encrypt.key-secret=sec0 enc.qcow2 16M")
            .arg(format);
    // qemu-img times a PBKDF2 run to size a LUKS key slot and gives up with "Unable to get
    // accurate CPU usage" when the thread CPU clock has not ticked yet; on this hardware that is
    // about one call in four, so a few attempts make the fixture dependable.
    bool created = false;
    for (int attempt = 0; attempt < 8 && !created; ++attempt)
        created = sh(dir, create);
    QVERIFY(created);
    const Error error = openError(dir + QStringLiteral("/enc.qcow2"));
    QCOMPARE(error.code, QStringLiteral("qcow2_encrypted"));
    QVERIFY2(error.message.contains(method), qPrintable(error.message));
    QVERIFY(error.message.contains(QStringLiteral("qemu-img convert")));
}

void TestQcow2::externalDataRefused()
{
    const QString dir = folder(QStringLiteral("external"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f qcow2 -o data_file=data.raw ext.qcow2 "
                                   "16M")));
    const Error error = openError(dir + QStringLiteral("/ext.qcow2"));
    QCOMPARE(error.code, QStringLiteral("qcow2_external_data"));
    QVERIFY2(error.message.contains(QStringLiteral("data.raw")), qPrintable(error.message));
    QVERIFY(error.message.contains(QStringLiteral("qemu-img convert -O qcow2 ext.qcow2")));
}

void TestQcow2::truncatedFile()
{
    const QString dir = folder(QStringLiteral("truncated"));
    const QString half = dir + QStringLiteral("/half.qcow2");
    const QString head = dir + QStringLiteral("/head.qcow2");
    const QString tiny = dir + QStringLiteral("/tiny.qcow2");
    for (const QString& path : {half, head, tiny})
        QVERIFY(QFile::copy(pristine(), path));
    const qint64 size = QFileInfo(half).size();
    QVERIFY(QFile::resize(half, size / 2));
    QVERIFY(QFile::resize(head, 4096)); // the L1 table, at cluster 3, is gone
    QVERIFY(QFile::resize(tiny, 90));   // inside the header
    // Cut inside the data: opens (tables load lazily), but reading the lost clusters fails.
    Error error;
    auto image = openDiskImage(half, &error);
    QVERIFY2(image, qPrintable(error.message));
    QByteArray all;
    QVERIFY(!readAll(*image, &all, &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
    QVERIFY2(error.message.contains(QStringLiteral("half.qcow2")), qPrintable(error.message));
    QCOMPARE(openError(head).code, QStringLiteral("truncated"));
    QCOMPARE(openError(tiny).code, QStringLiteral("truncated"));
}

void TestQcow2::truncatedCompressed()
{
    const QString dir = folder(QStringLiteral("truncated-compressed"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O qcow2 -c %1 c.qcow2")
                        .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    const QString path = dir + QStringLiteral("/c.qcow2");
    QVERIFY(QFile::resize(path, QFileInfo(path).size() * 2 / 3));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QByteArray all;
    QVERIFY(!readAll(*image, &all, &error));
    QVERIFY2(error.code == QLatin1String("truncated") ||
                 error.code == QLatin1String("qcow2_corrupt"),
             qPrintable(error.code));
}

void TestQcow2::damagedHeader_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    // A second patch, for the case that needs two fields changed (-1: none).
    QTest::addColumn<int>("offset2");
    QTest::addColumn<QByteArray>("bytes2");
    const auto row = [](const char* tag, int offset, const QByteArray& bytes, const char* code,
                        const char* mentions, int offset2 = -1, const QByteArray& bytes2 = {}) {
        QTest::newRow(tag) << offset << bytes << QString::fromLatin1(code)
                           << QString::fromLatin1(mentions) << offset2 << bytes2;
    };
    const QByteArray bit = QByteArray(1, '\x01');
    row("cluster_bits 40", 20, be32(40), "qcow2_corrupt", "cluster size");
    row("cluster_bits 8", 20, be32(8), "qcow2_corrupt", "cluster size");
    row("L1 beyond file", 40, be64(quint64(1) << 40), "truncated", "L1 table");
    row("L1 unaligned", 40, be64(0x30200), "qcow2_corrupt", "L1 table offset");
    row("huge L1", 36, be32(0x10000000), "qcow2_corrupt", "32 MiB");
    row("L1 too small", 36, be32(0), "qcow2_corrupt", "needs 1");
    row("huge size", 24, be64(~quint64(0)), "qcow2_corrupt", "L1 table");
    row("unknown feature", 79, QByteArray(1, '\x80'), "qcow2_unsupported_feature", "bit 7");
    row("unknown high feature", 72, QByteArray(1, '\x40'), "qcow2_unsupported_feature", "bit 62");
    row("corrupt bit", 79, QByteArray(1, '\x02'), "qcow2_corrupt", "marked");
    row("version 4", 4, be32(4), "qcow2_unsupported_version", "version 4");
    row("version 1", 4, be32(1), "qcow2_unsupported_version", "version 1");
    row("header too short", 100, be32(64), "qcow2_corrupt", "64 bytes");
    row("header past cluster", 100, be32(0x20000), "qcow2_corrupt", "first cluster");
    row("extension overrun", 116, be32(0x7fffffff), "qcow2_corrupt", "extension");
    row("unflagged compression type", 104, bit, "qcow2_corrupt", "compression type 1");
    row("compression type 5", 79, QByteArray(1, '\x08'), "qcow2_unsupported_feature",
        "compression type 5", 104, QByteArray(1, '\x05'));
    row("compression flag, short header", 79, QByteArray(1, '\x08'), "qcow2_corrupt",
        "compression type", 100, be32(104));
    row("crypt method 1", 32, be32(1), "qcow2_encrypted", "AES");
    row("external data bit", 79, QByteArray(1, '\x04'), "qcow2_external_data", "data file");
    row("backing name too long", 8, be64(1024) + be32(4000), "qcow2_corrupt", "backing file name");
    row("backing name outside cluster", 8, be64(70000) + be32(10), "qcow2_corrupt",
        "first cluster");
    row("extended L2, small clusters", 79, QByteArray(1, '\x10'), "qcow2_corrupt", "16 KiB", 20,
        be32(12));
    row("bad magic", 0, QByteArray("QFI\xfa"), "opened", "opened");
}

// Each case patches a few bytes of a real qemu-img file: the refusal must be specific.
void TestQcow2::damagedHeader()
{
    QFETCH(int, offset);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    QFETCH(int, offset2);
    QFETCH(QByteArray, bytes2);
    QByteArray file = readFile(pristine());
    QVERIFY(file.startsWith("QFI\xfb"));
    QCOMPARE(qFromBigEndian<quint32>(file.constData() + 100), quint32(112)); // qemu-img 7.2
    file.replace(offset, bytes.size(), bytes);
    if (offset2 >= 0)
        file.replace(offset2, bytes2.size(), bytes2);
    const QString path = m_dir.filePath(
        QStringLiteral("damaged-%1.qcow2").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(writeFile(path, file));
    if (code == QLatin1String("opened")) {
        // Without the signature it is no qcow2, whatever the rest of the header says.
        Error error;
        auto image = openDiskImage(path, &error);
        QVERIFY(!image || image->format() != QLatin1String("qcow2"));
        ProbeInput input;
        input.head = file.left(4096);
        QCOMPARE(probeQcow2(input), 0);
        return;
    }
    const Error error = openError(path);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("damaged-")), qPrintable(error.message));
}

// An L2 entry moved off its cluster boundary: reading that cluster fails, nothing else does.
void TestQcow2::unalignedL2Entry()
{
    QByteArray file = readFile(pristine());
    const quint64 l1Offset = be64At(file, 40);
    const quint64 l2Offset = be64At(file, qsizetype(l1Offset)) & 0x00fffffffffffe00ULL;
    QVERIFY(l2Offset > 0 && l2Offset + 65536 <= quint64(file.size()));
    qsizetype index = 0;
    while (index < 8192 && be64At(file, qsizetype(l2Offset) + index * 8) == 0)
        ++index;
    QVERIFY(index < 8192);
    const qsizetype at = qsizetype(l2Offset) + index * 8;
    file.replace(at, 8, be64(be64At(file, at) + 512));
    const QString path = m_dir.filePath(QStringLiteral("unaligned.qcow2"));
    QVERIFY(writeFile(path, file));
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    char buffer[512];
    QVERIFY(!image->read(quint64(index) * 65536, buffer, sizeof buffer, &error));
    QCOMPARE(error.code, QStringLiteral("qcow2_corrupt"));
    QVERIFY2(error.message.contains(QStringLiteral("cluster boundary")), qPrintable(error.message));
}

void TestQcow2::probeAndOpener()
{
    ProbeInput input;
    input.fileSize = 1 << 20;
    input.head = QByteArray("QFI\xfb") + be32(3) + QByteArray(504, '\0');
    QCOMPARE(probeQcow2(input), 100);
    input.head = QByteArray("QFI");
    QCOMPARE(probeQcow2(input), 0);
    input.head = QByteArray(512, '\0');
    QCOMPARE(probeQcow2(input), 0);
    // A qcow2 named like a raw disk, holding an MBR disk, is still a qcow2.
    const QString dir = folder(QStringLiteral("opener"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O qcow2 %1 disk.img")
                        .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    Error error;
    auto image = openDiskImage(dir + QStringLiteral("/disk.img"), &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("qcow2"));
    QCOMPARE(image->subformat(), QStringLiteral("v3"));
    QCOMPARE(image->virtualSize(), quint64(64) * 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestQcow2)
#include "tst_qcow2image.moc"
