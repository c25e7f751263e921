// The VMDK reader against qemu-img: every subformat qemu-img writes, split disks larger than
// 2 GiB, a 2 TiB sparse disk read cheaply, delta disks, and refusals of damaged or foreign files.
#include "QemuTruth.h"
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "disk/VmdkDescriptor.h"
#include "disk/VmdkImage.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace cvmi;
using namespace cvmi::disk;
using cvmi::test::openError;
using cvmi::test::readFile;
using cvmi::test::sh;
using cvmi::test::writeFile;

class TestVmdk : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void matchesQemu_data();
    void matchesQemu();
    void splitAcrossExtents_data();
    void splitAcrossExtents();
    void streamFooter();
    void zeroedGrains();
    void flatOffsetsAndZeroExtent();
    void hugeSparseReadsLittle();
    void deltaIsBlocker();
    void missingExtent();
    void truncatedSparse();
    void truncatedFlat();
    void absurdExtentSize();
    void unsupportedCreateType_data();
    void unsupportedCreateType();
    void cowdRefused();
    void descriptorParser();
    void descriptorLimits();
    void probe();

private:
    // A fresh folder per case, so extent files of different cases never meet.
    QString folder(const QString& name) { return test::scratchFolder(m_dir, name); }
    // A descriptor as VMware writes it; the DDB section keeps qemu-img's parser happy too.
    static QByteArray descriptor(const QByteArray& createType, const QByteArray& extents)
    {
        return "# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=ffffffff\ncreateType=\"" +
               createType + "\"\n\n# Extent description\n" + extents +
               "\n# The Disk Data Base\n#DDB\n\nddb.virtualHWVersion = \"4\"\n"
               "ddb.adapterType = \"lsilogic\"\n";
    }

    QTemporaryDir m_dir;
};

void TestVmdk::matchesQemu_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("subformat");
    QTest::addColumn<QString>("options");
    const char* bases[] = {"mbr-ext4.raw", "gpt-ext4.raw", "whole-ext4.raw"};
    const char* subformats[] = {"monolithicSparse", "streamOptimized", "monolithicFlat",
                                "twoGbMaxExtentSparse", "twoGbMaxExtentFlat"};
    for (const char* base : bases)
        for (const char* subformat : subformats)
            QTest::addRow("%s-%s", base, subformat)
                << QString::fromLatin1(base) << QString::fromLatin1(subformat) << QString();
    QTest::newRow("lsilogic-hw6") << QStringLiteral("mbr-ext4.raw")
                                  << QStringLiteral("monolithicSparse")
                                  << QStringLiteral(",adapter_type=lsilogic,hwversion=6");
    QTest::newRow("ide-hw4-stream")
        << QStringLiteral("gpt-ext4.raw") << QStringLiteral("streamOptimized")
        << QStringLiteral(",adapter_type=ide,hwversion=4");
    QTest::newRow("compat6-flat") << QStringLiteral("whole-ext4.raw")
                                  << QStringLiteral("monolithicFlat")
                                  << QStringLiteral(",compat6=on,adapter_type=buslogic");
}

void TestVmdk::matchesQemu()
{
    QFETCH(QString, base);
    QFETCH(QString, subformat);
    QFETCH(QString, options);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vmdk -o subformat=%1%2 %3 disk.vmdk")
                        .arg(subformat, options, test::baseDisk(base))));
    const QString image = dir + QStringLiteral("/disk.vmdk");
    const QString difference = test::compareWithQemu(image, QStringLiteral("vmdk"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    Error error;
    auto disk = openDiskImage(image, &error);
    QVERIFY2(disk, qPrintable(error.message));
    QCOMPARE(disk->subformat(), subformat);
    QVERIFY(disk->findings().isEmpty());
}

void TestVmdk::splitAcrossExtents_data()
{
    QTest::addColumn<QString>("subformat");
    QTest::newRow("sparse") << QStringLiteral("twoGbMaxExtentSparse");
    QTest::newRow("flat") << QStringLiteral("twoGbMaxExtentFlat");
}

// A 4.5 GiB disk split at 2 GiB: data straddling the first boundary and deep in the last piece.
void TestVmdk::splitAcrossExtents()
{
    QFETCH(QString, subformat);
    const QString dir = folder(QStringLiteral("split-") + subformat);
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vmdk -o subformat=%1 big.vmdk 4608M && "
                                   "qemu-io -f vmdk -c 'write -P 0x5a 2147450880 65536' "
                                   "-c 'write -P 0x6b 4294967296 131072' "
                                   "-c 'write -P 0x7c 4831772672 4096' big.vmdk >/dev/null")
                        .arg(subformat)));
    const QStringList pieces =
        QDir(dir).entryList({QStringLiteral("big-*.vmdk")}, QDir::Files, QDir::Name);
    QVERIFY2(pieces.size() >= 3, qPrintable(pieces.join(u' ')));
    const QString difference =
        test::compareWithQemu(dir + QStringLiteral("/big.vmdk"), QStringLiteral("vmdk"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// Stream-optimized files written front to back keep the grain directory in a footer: the header
// says GD_AT_END (-1). Rebuild qemu-img's output that way: footer marker, footer, end marker.
void TestVmdk::streamFooter()
{
    const QString dir = folder(QStringLiteral("footer"));
    QVERIFY(
        sh(dir, QStringLiteral("qemu-img convert -O vmdk -o subformat=streamOptimized %1 s.vmdk")
                    .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    QByteArray file = readFile(dir + QStringLiteral("/s.vmdk"));
    QVERIFY(file.size() % 512 == 0 && file.startsWith("KDMV"));
    QByteArray footerMarker(512, '\0');
    footerMarker[0] = 1;  // numSectors of the footer
    footerMarker[12] = 3; // type: footer
    const QByteArray footer = file.left(512);
    file.replace(56, 8, QByteArray(8, '\xff')); // header gdOffset = GD_AT_END
    file += footerMarker + footer + QByteArray(512, '\0');
    QVERIFY(writeFile(dir + QStringLiteral("/s.vmdk"), file));
    const QString difference =
        test::compareWithQemu(dir + QStringLiteral("/s.vmdk"), QStringLiteral("vmdk"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// Version 2 extents mark zeroed grains with the table entry 1: they must read as zeros even
// though the data was written before.
void TestVmdk::zeroedGrains()
{
    const QString dir = folder(QStringLiteral("zeroed"));
    const QString base = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vmdk -o zeroed_grain=on %1 z.vmdk && "
                                   "qemu-io -f vmdk -c 'write -z 1M 2M' z.vmdk >/dev/null")
                        .arg(base)));
    const QString path = dir + QStringLiteral("/z.vmdk");
    const QByteArray before = readFile(base).mid(1024 * 1024, 2 * 1024 * 1024);
    QVERIFY(before.count('\0') != before.size()); // the ext4 superblock was there
    Error error;
    auto image = openDiskImage(path, &error);
    QVERIFY2(image, qPrintable(error.message));
    QByteArray after(before.size(), 'x');
    QVERIFY(image->read(1024 * 1024, after.data(), size_t(after.size()), &error));
    QCOMPARE(after.count('\0'), after.size());
    const QString difference = test::compareWithQemu(path, QStringLiteral("vmdk"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// Hand-written descriptors: FLAT extents at sector offsets in two files, then ZERO and RDONLY
// extents, which the specification defines but qemu-img 7.2 skips (it reads only "RW" lines
// with a file name), so that expectation is built here.
void TestVmdk::flatOffsetsAndZeroExtent()
{
    const QString dir = folder(QStringLiteral("handmade"));
    const QByteArray disk = readFile(test::baseDisk(QStringLiteral("whole-ext4.raw")));
    QByteArray junk(1024 * 1024, '\0');
    for (qsizetype i = 0; i < junk.size(); ++i)
        junk[i] = char(i * 7 + 3);
    QVERIFY(writeFile(dir + QStringLiteral("/a.bin"), junk + disk));
    QVERIFY(writeFile(dir + QStringLiteral("/b.bin"), junk.left(512 * 1024)));
    const QString offsets = dir + QStringLiteral("/offsets.vmdk");
    QVERIFY(writeFile(offsets, descriptor("monolithicFlat", "RW 1024 FLAT \"b.bin\" 0\n"
                                                            "RW 49152 FLAT \"a.bin\" 2048\n")));
    const QString difference = test::compareWithQemu(offsets, QStringLiteral("vmdk"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));

    const QString zero = dir + QStringLiteral("/zero.vmdk");
    QVERIFY(writeFile(zero, descriptor("vmfs", "RW 2048 ZERO\nRDONLY 49152 VMFS \"a.bin\"\n")));
    Error error;
    auto image = openDiskImage(zero, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->subformat(), QStringLiteral("vmfs"));
    QCOMPARE(image->virtualSize(), quint64(2048 + 49152) * 512);
    QByteArray got(3 * 1024 * 1024, 'x');
    QVERIFY2(image->read(0, got.data(), size_t(got.size()), &error), qPrintable(error.message));
    const QByteArray expected = QByteArray(1024 * 1024, '\0') + junk + disk.left(1024 * 1024);
    QVERIFY(got == expected);
}

// 2 TiB of virtual disk: opening and reading a few grains must touch only their tables.
void TestVmdk::hugeSparseReadsLittle()
{
    const QString dir = folder(QStringLiteral("huge"));
    const quint64 tib = quint64(1) << 40;
    QVERIFY(sh(dir, QStringLiteral("qemu-img create -q -f vmdk -o subformat=monolithicSparse "
                                   "huge.vmdk 2T && qemu-io -f vmdk -c 'write -P 0x5a 1T 65536' "
                                   "-c 'write -P 0x6b %1 8192' huge.vmdk >/dev/null")
                        .arg(2 * tib - 8192)));
    const QString path = dir + QStringLiteral("/huge.vmdk");
    auto stats = std::make_shared<ReadStats>();
    Error error;
    auto image = openDiskImage(path, &error, stats);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->virtualSize(), 2 * tib);
    QCOMPARE(image->virtualSize(), test::qemuVirtualSize(path));
    char buffer[4096];
    QVERIFY(image->read(0, buffer, sizeof buffer, &error));
    QVERIFY(std::all_of(std::begin(buffer), std::end(buffer), [](char c) { return c == 0; }));
    QVERIFY(image->read(tib + 4096, buffer, sizeof buffer, &error));
    QVERIFY(std::all_of(std::begin(buffer), std::end(buffer), [](char c) { return c == 0x5a; }));
    QVERIFY(image->read(2 * tib - sizeof buffer, buffer, sizeof buffer, &error));
    QVERIFY(std::all_of(std::begin(buffer), std::end(buffer), [](char c) { return c == 0x6b; }));
    QVERIFY(image->read(tib / 2, buffer, sizeof buffer, &error));
    QVERIFY(std::all_of(std::begin(buffer), std::end(buffer), [](char c) { return c == 0; }));
    QVERIFY2(stats->bytesRead < 1024 * 1024, qPrintable(QString::number(stats->bytesRead)));
}

void TestVmdk::deltaIsBlocker()
{
    const QString dir = folder(QStringLiteral("delta"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vmdk %1 base.vmdk && qemu-img create -q -f "
                                   "vmdk -b base.vmdk -F vmdk child.vmdk")
                        .arg(test::baseDisk(QStringLiteral("whole-ext4.raw")))));
    Error error;
    auto image = openDiskImage(dir + QStringLiteral("/child.vmdk"), &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->virtualSize(), quint64(24) * 1024 * 1024);
    QCOMPARE(image->findings().size(), 1);
    const Finding& finding = image->findings().first();
    QCOMPARE(finding.severity, Finding::Severity::Blocker);
    QCOMPARE(finding.code, QStringLiteral("vmdk_delta"));
    QVERIFY2(finding.message.contains(QStringLiteral("base.vmdk")), qPrintable(finding.message));
    QVERIFY(finding.message.contains(QStringLiteral("onsolidate")));
}

void TestVmdk::missingExtent()
{
    const QString dir = folder(QStringLiteral("missing"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vmdk -o subformat=twoGbMaxExtentFlat %1 "
                                   "d.vmdk && rm d-f001.vmdk")
                        .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    const Error error = openError(dir + QStringLiteral("/d.vmdk"));
    QCOMPARE(error.code, QStringLiteral("vmdk_missing_extent"));
    QVERIFY2(error.message.contains(QStringLiteral("d-f001.vmdk")), qPrintable(error.message));
    QVERIFY(error.message.contains(QStringLiteral("same folder")));
}

void TestVmdk::truncatedSparse()
{
    const QString dir = folder(QStringLiteral("truncated"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vmdk %1 d.vmdk && cp d.vmdk half.vmdk && "
                                   "truncate -s 32K d.vmdk && truncate -s 1M half.vmdk")
                        .arg(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    // Cut inside the metadata: refused when opened.
    QCOMPARE(openError(dir + QStringLiteral("/d.vmdk")).code, QStringLiteral("truncated"));
    // Cut inside the data: opens (tables are read lazily), but reading the lost grains fails.
    Error error;
    auto image = openDiskImage(dir + QStringLiteral("/half.vmdk"), &error);
    QVERIFY2(image, qPrintable(error.message));
    std::vector<char> all(image->virtualSize());
    QVERIFY(!image->read(0, all.data(), all.size(), &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
}

void TestVmdk::truncatedFlat()
{
    const QString dir = folder(QStringLiteral("truncated-flat"));
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vmdk -o subformat=monolithicFlat %1 d.vmdk "
                                   "&& truncate -s 10M d-flat.vmdk")
                        .arg(test::baseDisk(QStringLiteral("whole-ext4.raw")))));
    const Error error = openError(dir + QStringLiteral("/d.vmdk"));
    QCOMPARE(error.code, QStringLiteral("truncated"));
    QVERIFY2(error.message.contains(QStringLiteral("d-flat.vmdk")), qPrintable(error.message));
}

void TestVmdk::absurdExtentSize()
{
    const QString dir = folder(QStringLiteral("absurd"));
    QVERIFY(writeFile(dir + QStringLiteral("/x-flat.vmdk"), QByteArray(4096, '\0')));
    const QString huge = dir + QStringLiteral("/huge.vmdk");
    QVERIFY(writeFile(
        huge, descriptor("monolithicFlat", "RW 18446744073709551615 FLAT \"x-flat.vmdk\" 0\n")));
    QCOMPARE(openError(huge).code, QStringLiteral("vmdk_bad_descriptor"));
    const QString sum = dir + QStringLiteral("/sum.vmdk");
    QByteArray lines;
    for (int i = 0; i < 600; ++i)
        lines += "RW 549755813888 ZERO\n"; // 256 TiB each: the sum is absurd
    QVERIFY(writeFile(sum, descriptor("monolithicFlat", lines)));
    QCOMPARE(openError(sum).code, QStringLiteral("vmdk_bad_descriptor"));
    const QString past = dir + QStringLiteral("/past.vmdk");
    QVERIFY(writeFile(past, descriptor("monolithicFlat", "RW 1000000 FLAT \"x-flat.vmdk\" 0\n")));
    QCOMPARE(openError(past).code, QStringLiteral("truncated"));
}

void TestVmdk::unsupportedCreateType_data()
{
    QTest::addColumn<QString>("createType");
    QTest::newRow("custom") << QStringLiteral("custom");
    QTest::newRow("vmfsSparse") << QStringLiteral("vmfsSparse");
    QTest::newRow("seSparse") << QStringLiteral("seSparse");
    QTest::newRow("vmfsRawDeviceMap") << QStringLiteral("vmfsRawDeviceMap");
}

void TestVmdk::unsupportedCreateType()
{
    QFETCH(QString, createType);
    const QString dir = folder(QStringLiteral("ct-") + createType);
    QVERIFY(sh(dir, QStringLiteral("qemu-img convert -O vmdk -o subformat=monolithicFlat %1 d.vmdk")
                        .arg(test::baseDisk(QStringLiteral("whole-ext4.raw")))));
    const QString path = dir + QStringLiteral("/d.vmdk");
    QByteArray text = readFile(path);
    QVERIFY(text.contains("createType=\"monolithicFlat\""));
    const QByteArray edited = "createType=\"" + createType.toLatin1() + '"';
    text.replace("createType=\"monolithicFlat\"", edited);
    QVERIFY(writeFile(path, text));
    const Error error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vmdk_unsupported"));
    QVERIFY2(error.message.contains(createType), qPrintable(error.message));
}

void TestVmdk::cowdRefused()
{
    const QString path = folder(QStringLiteral("cowd")) + QStringLiteral("/esx.vmdk");
    QByteArray file(4096, '\0');
    file.replace(0, 4, "COWD");
    QVERIFY(writeFile(path, file));
    const Error error = openError(path);
    QCOMPARE(error.code, QStringLiteral("vmdk_unsupported"));
    QVERIFY(error.message.contains(QStringLiteral("vmkfstools")));
}

void TestVmdk::descriptorParser()
{
    const QByteArray text =
        "# Disk DescriptorFile\r\nversion=1\r\n  createType = \"twoGbMaxExtentSparse\""
        "\r\nparentCID=FFFFFFFF\r\nunknown.key = \"whatever\"\r\nnonsense line\r\n"
        "RW 100 SPARSE \"my disk-s001.vmdk\"\r\nRDONLY 200 FLAT plain.vmdk 7\r\n"
        "RW 300 ZERO\r\nddb.adapterType = \"lsilogic\"\r\n";
    VmdkDescriptor d;
    Error error;
    QVERIFY2(parseVmdkDescriptor(text + QByteArray(300, '\0'), &d, &error),
             qPrintable(error.message));
    QCOMPARE(d.createType, QStringLiteral("twoGbMaxExtentSparse"));
    QCOMPARE(d.adapterType, QStringLiteral("lsilogic"));
    QVERIFY(!d.hasParent());
    QCOMPARE(d.extents.size(), 3);
    QCOMPARE(d.extents[0].fileName, QStringLiteral("my disk-s001.vmdk"));
    QCOMPARE(d.extents[0].type, VmdkExtentLine::Type::Sparse);
    QCOMPARE(d.extents[1].fileName, QStringLiteral("plain.vmdk"));
    QCOMPARE(d.extents[1].offset, quint64(7));
    QVERIFY(d.extents[1].readOnly);
    QCOMPARE(d.extents[2].type, VmdkExtentLine::Type::Zero);
    QCOMPARE(d.totalSectors(), quint64(600));

    QVERIFY(parseVmdkDescriptor("createType=\"monolithicSparse\"\nparentCID=1234abcd\n"
                                "parentFileNameHint=\"p.vmdk\"\nRW 8 SPARSE \"c.vmdk\"\n",
                                &d, &error));
    QVERIFY(d.hasParent());
    QCOMPARE(d.parentFileNameHint, QStringLiteral("p.vmdk"));
}

void TestVmdk::descriptorLimits()
{
    VmdkDescriptor d;
    Error error;
    const auto refused = [&](const QByteArray& text) {
        error = Error{};
        return !parseVmdkDescriptor(text, &d, &error) &&
               error.code == QLatin1String("vmdk_bad_descriptor") && error.message.size() > 30;
    };
    QVERIFY(refused("RW 100 FLAT \"a\" 0\n"));                         // no createType
    QVERIFY(refused("createType=\"monolithicFlat\"\n"));               // no extents
    QVERIFY(refused("createType=\"x\"\nRW -5 FLAT \"a\" 0\n"));        // signed size
    QVERIFY(refused("createType=\"x\"\nRW 0x10 FLAT \"a\" 0\n"));      // hex size
    QVERIFY(refused("createType=\"x\"\nRW 10 FLAT \"unterminated\n")); // open quote
    QVERIFY(refused("createType=\"x\"\nRW 10 FLAT \"a\" 12abc\n"));    // bad offset
    QVERIFY(refused("createType=\"x\"\nRW 0 ZERO\n"));                 // empty disk
    QByteArray big = "createType=\"x\"\nRW 10 ZERO\n";
    big += QByteArray(kVmdkMaxDescriptorBytes, '#');
    QVERIFY(refused(big));
    QVERIFY(!parseVmdkDescriptor("createType=\"x\"\nNOACCESS 10 FLAT \"a\" 0\n", &d, &error));
    QCOMPARE(error.code, QStringLiteral("vmdk_unsupported"));
}

void TestVmdk::probe()
{
    ProbeInput input;
    input.fileSize = 1 << 20;
    input.head = QByteArray("KDMV") + QByteArray(508, '\0');
    QCOMPARE(probeVmdk(input), 100);
    input.head = "# Disk DescriptorFile\nversion=1\n";
    input.fileSize = quint64(input.head.size());
    QCOMPARE(probeVmdk(input), 100);
    input.head = "version=1\ncreateType=\"monolithicFlat\"\n";
    QCOMPARE(probeVmdk(input), 100);
    input.fileSize = 100 * 1024 * 1024; // a large text file is not a descriptor
    QCOMPARE(probeVmdk(input), 0);
    input.head = "hello world\n";
    input.fileSize = 12;
    QCOMPARE(probeVmdk(input), 0);
}

QTEST_GUILESS_MAIN(TestVmdk)
#include "tst_vmdkimage.moc"
