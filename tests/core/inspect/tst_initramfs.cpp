// Initramfs: damaged or hostile initramfs bytes give a note, never a crash or a hang; the scan
// stops once its questions are answered and reads each byte of the file at most once. Archives
// are made by cpio and the real compressors.
#include "TestSupport.h"
#include "inspect/Initramfs.h"
#include "inspect/Inspector.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

// Scans bytes held in memory.
InitramfsScan scanBytes(const QByteArray& bytes, const QList<InitramfsQuestion>& questions)
{
    return scanInitramfs(
        uint64_t(bytes.size()),
        [&](uint64_t offset, size_t length, QByteArray* out) {
            *out = bytes.mid(qsizetype(offset), qsizetype(length));
            return true;
        },
        questions);
}

// An initramfs as initramfs-tools lays one out (entries sorted by path): virtio_blk.ko.xz early,
// then 16 MiB of incompressible firmware under usr/lib/x86_64-linux-gnu, made by cpio and
// `compressor` (a shell command; "cat" for none), after an uncompressed early-microcode archive
// when `early`.
QByteArray sortedInitramfs(const QString& compressor, bool early = false)
{
    QTemporaryDir dir;
    const QString tree = dir.path() + QStringLiteral("/tree");
    const QString script = QStringLiteral(
        "set -e; t=%1; mkdir -p $t/usr/lib/modules/k/kernel/drivers/block "
        "$t/usr/lib/modules/k/kernel/drivers/virtio $t/usr/lib/x86_64-linux-gnu $t/bin; "
        "cp /bin/dash $t/bin/sh; printf blk | xz >$t/usr/lib/modules/k/kernel/drivers/block/"
        "virtio_blk.ko.xz; printf pci >$t/usr/lib/modules/k/kernel/drivers/virtio/virtio_pci.ko; "
        "head -c 16777216 /dev/urandom >$t/usr/lib/x86_64-linux-gnu/zz-firmware.bin; "
        "if [ %3 = 1 ]; then mkdir -p %2/early/kernel/x86/microcode; head -c 70000 /dev/urandom "
        ">%2/early/kernel/x86/microcode/GenuineIntel.bin; (cd %2/early && find . | sort | cpio "
        "-o -H newc --quiet); fi; (cd $t && find . | LC_ALL=C sort | cpio -o -H newc --quiet) "
        "| %4");
    QByteArray out;
    if (!test::runTool(QStringLiteral("sh"),
                       {QStringLiteral("-c"),
                        script.arg(tree, dir.path(),
                                   early ? QStringLiteral("1") : QStringLiteral("0"), compressor)},
                       &out))
        return {};
    return out;
}

const InitramfsQuestion& virtioBlk()
{
    static const InitramfsQuestion kNames = {
        QStringLiteral("virtio_blk.ko"), QStringLiteral("virtio_blk.ko.xz"),
        QStringLiteral("virtio_blk.ko.zst"), QStringLiteral("virtio_blk.ko.gz")};
    return kNames;
}

} // namespace

class TestInitramfs : public QObject {
    Q_OBJECT

private slots:
    // Damaged or hostile initramfs bytes: a note, never a crash or a hang.
    void initramfsDamage()
    {
        const auto scan = [](const QByteArray& bytes, uint64_t maxOut = 1 << 30) {
            return scanInitramfs(
                uint64_t(bytes.size()),
                [&](uint64_t offset, size_t length, QByteArray* out) {
                    *out = bytes.mid(qsizetype(offset), qsizetype(length));
                    return true;
                },
                {{QStringLiteral("virtio_blk.ko")}}, maxOut);
        };
        QVERIFY(!scan(QByteArrayLiteral("\x1f\x8b garbage garbage")).read);
        QVERIFY(!scan(QByteArray("BZh91AY&SY")).read);
        QCOMPARE(scan(QByteArray("BZh91AY&SY")).compression, QStringLiteral("bzip2"));
        QVERIFY(!scan(QByteArray("070701zzzzzzzz")).read);
        QVERIFY(!scan(QByteArray("\x28\xb5\x2f\xfd\x00\x00", 6)).read);
        // A zstd bomb of zeros: stops at the output bound.
        QProcess zstd;
        zstd.start(QStringLiteral("zstd"), {QStringLiteral("-q"), QStringLiteral("-c")});
        zstd.write(QByteArray(8 * 1024 * 1024, '\0'));
        zstd.closeWriteChannel();
        QVERIFY(zstd.waitForFinished());
        const auto bomb = scan(zstd.readAllStandardOutput(), 1024 * 1024);
        QVERIFY(!bomb.read);
        QVERIFY(bomb.note.contains(QStringLiteral("more than")));
    }

    void stopsAtTheAnswer_data()
    {
        QTest::addColumn<QString>("compressor");
        QTest::addColumn<QString>("compression");
        QTest::addColumn<quint64>("maxRead");
        QTest::addColumn<quint64>("maxUnpacked");
        const quint64 small = 512 * 1024, mib = 1024 * 1024;
        QTest::newRow("zstd") << QStringLiteral("zstd -q -c") << QStringLiteral("zstd") << small
                              << 2 * mib;
        QTest::newRow("gzip") << QStringLiteral("gzip -1") << QStringLiteral("gzip") << small
                              << 2 * mib;
        QTest::newRow("xz") << QStringLiteral("xz -0 --check=crc32") << QStringLiteral("xz")
                            << small << 2 * mib;
        // lz4 frames hold blocks of 4 MiB (the lz4 tool's default), decoded only when whole.
        QTest::newRow("lz4 frame")
            << QStringLiteral("lz4 -q -c") << QStringLiteral("lz4") << 5 * mib << 4 * mib;
        // The kernel's legacy lz4 decodes whole blocks of 8 MiB output: the first block is read.
        QTest::newRow("lz4 legacy")
            << QStringLiteral("lz4 -l -q") << QStringLiteral("lz4") << 9 * mib << 8 * mib;
        QTest::newRow("none") << QStringLiteral("cat") << QStringLiteral("none") << small
                              << 0 * mib;
    }

    // One question with four names (the module under each compression) is answered by the first
    // of them: nothing after virtio_blk is read or unpacked, though the archive goes on for 16 MiB.
    void stopsAtTheAnswer()
    {
        QFETCH(QString, compressor);
        QFETCH(QString, compression);
        QFETCH(quint64, maxRead);
        QFETCH(quint64, maxUnpacked);
        const QByteArray bytes = sortedInitramfs(compressor);
        QVERIFY(bytes.size() > 16'000'000);
        const InitramfsScan scan = scanBytes(bytes, {virtioBlk()});
        QVERIFY2(scan.read, qPrintable(scan.note));
        QCOMPARE(scan.compression, compression);
        QCOMPARE(scan.found, QStringList{QStringLiteral(
                                 "usr/lib/modules/k/kernel/drivers/block/virtio_blk.ko.xz")});
        QVERIFY2(scan.bytesRead <= maxRead, qPrintable(QString::number(scan.bytesRead)));
        QVERIFY2(scan.bytesUnpacked <= maxUnpacked,
                 qPrintable(QString::number(scan.bytesUnpacked)));
    }

    // Two questions: the walk goes on until both are answered; a question without an answer makes
    // it walk to the end, where the answers found so far are reported.
    void everyQuestionAnswered()
    {
        const QByteArray bytes = sortedInitramfs(QStringLiteral("zstd -q -c"));
        const InitramfsQuestion virtioPci = {QStringLiteral("virtio_pci.ko"),
                                             QStringLiteral("virtio_pci.ko.xz")};
        const InitramfsScan both = scanBytes(bytes, {virtioBlk(), virtioPci});
        QVERIFY2(both.read, qPrintable(both.note));
        QCOMPARE(both.found.size(), 2);
        QVERIFY(both.found.at(1).endsWith(QLatin1String("/virtio_pci.ko")));
        QVERIFY(both.bytesRead < uint64_t(bytes.size()) / 2);

        const InitramfsScan open =
            scanBytes(bytes, {virtioBlk(), {QStringLiteral("virtio_scsi.ko")}});
        QVERIFY2(open.read, qPrintable(open.note));
        QCOMPARE(open.found.size(), 1);
        QCOMPARE(open.bytesRead, uint64_t(bytes.size()));
        // Every entry `cpio -t` lists, plus the trailer.
        QProcess cpio;
        cpio.start(QStringLiteral("sh"),
                   {QStringLiteral("-c"), QStringLiteral("zstd -dc | cpio -t --quiet | wc -l")});
        cpio.write(bytes);
        cpio.closeWriteChannel();
        QVERIFY(cpio.waitForFinished(60000));
        QCOMPARE(open.entries, cpio.readAllStandardOutput().trimmed().toULongLong() + 1);
    }

    // dracut's layout: an uncompressed early-microcode cpio, then the compressed main archive.
    // The bytes read past the early archive are the start of the compressed one: none is read
    // twice, so a scan that must walk everything reads exactly the file's size.
    void earlyArchiveReadOnce()
    {
        const QByteArray bytes = sortedInitramfs(QStringLiteral("zstd -q -c"), true);
        const InitramfsScan all = scanBytes(bytes, {{QStringLiteral("not_there.ko")}});
        QVERIFY2(all.read, qPrintable(all.note));
        QCOMPARE(all.compression, QStringLiteral("zstd"));
        QVERIFY(all.found.isEmpty());
        QCOMPARE(all.bytesRead, uint64_t(bytes.size()));
        const InitramfsScan blk = scanBytes(bytes, {virtioBlk()});
        QVERIFY2(blk.read, qPrintable(blk.note));
        QCOMPARE(blk.found.size(), 1);
        QVERIFY(blk.bytesRead <= 768 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestInitramfs)
#include "tst_initramfs.moc"
