// The initramfs scan on a real distribution initramfs: a Debian 12 guest disk built by
// tests/fixtures/make-distro-disk.sh around the host's Debian kernel and an initramfs made by
// initramfs-tools' mkinitramfs (zstd, ~35 MB, ~140 MB unpacked). What it finds is checked against
// cpio and zstd themselves; what it reads is checked with the inspection's byte counters (never a
// time): the check stops once virtio_blk is found, a few MB into the archive.
#include "TestSupport.h"
#include "inspect/Initramfs.h"
#include "inspect/Inspector.h"

#include <QFile>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

QString distroFile(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/distro/") + name;
}

QString kernelRelease()
{
    QFile file(distroFile(QStringLiteral("kernel-release")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

// `command` run by sh on the fixture's initrd.img (as "$1"); its output.
QByteArray onInitrd(const QString& command)
{
    QByteArray out;
    if (!test::runTool(QStringLiteral("sh"),
                       {QStringLiteral("-c"), command, QStringLiteral("sh"),
                        distroFile(QStringLiteral("initrd.img"))},
                       &out))
        return {};
    return out;
}

InitramfsScan scanFile(QFile& file, const QList<InitramfsQuestion>& questions)
{
    return scanInitramfs(
        uint64_t(file.size()),
        [&](uint64_t offset, size_t length, QByteArray* out) {
            if (!file.seek(qint64(offset)))
                return false;
            *out = file.read(qint64(length));
            return true;
        },
        questions);
}

const InitramfsQuestion kVirtioBlk = {
    QStringLiteral("virtio_blk.ko"), QStringLiteral("virtio_blk.ko.xz"),
    QStringLiteral("virtio_blk.ko.zst"), QStringLiteral("virtio_blk.ko.gz")};

} // namespace

class TestInitramfsDistro : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(!kernelRelease().isEmpty()); }

    // The whole check of the guest disk: the kernel, its modules, and virtio_blk in its initramfs.
    void debianGuest()
    {
        const ImageFacts facts = inspectImage(distroFile(QStringLiteral("debian12-distro.raw")));
        const GuestFacts& g = facts.guest;
        QCOMPARE(g.distro, QStringLiteral("debian"));
        QCOMPARE(g.kernels.size(), 1);
        const KernelFacts& k = g.kernels[0];
        QCOMPARE(k.version, kernelRelease());
        QVERIFY(k.native);
        QCOMPARE(k.initramfsPath, QStringLiteral("/boot/initrd.img-") + kernelRelease());
        QVERIFY2(k.initramfsRead, qPrintable(k.initramfsNote));
        QCOMPARE(k.initramfsCompression, QStringLiteral("zstd"));
        QVERIFY(k.initramfsHasVirtioBlk);
        QVERIFY(!k.initramfsTimedOut);
        for (const char* module : {"virtio_blk", "virtio_net", "virtio_pci", "virtio_scsi"})
            QVERIFY2(k.virtioModules.contains(QLatin1String(module)), module);
        QVERIFY(facts.limits.notRead.isEmpty());
        QCOMPARE(facts.limits.kernelScans, 1);

        // virtio_scsi and nvme (drivers.storage) are looked for in the same scan.
        QVERIFY(k.initramfsStorage.contains(QStringLiteral("virtio_scsi")));
        QVERIFY(k.initramfsStorage.contains(QStringLiteral("nvme")));

        // What the check read: the disk's metadata, a few guest files, and the initramfs up to
        // the last of virtio_blk, nvme and virtio_scsi (kernel/drivers/scsi/, about 60 % into the
        // archive, where the scan stops). Reading the whole initramfs was 38 MB and 146 MB
        // unpacked; before drivers.storage the scan stopped at virtio_blk (8.6 MB unpacked).
        const uint64_t unpackedWhole =
            onInitrd(QStringLiteral("zstd -dc \"$1\" | wc -c")).trimmed().toULongLong();
        QVERIFY(unpackedWhole > 0);
        QVERIFY2(facts.limits.decompressedBytes < unpackedWhole * 3 / 4,
                 qPrintable(QString::number(facts.limits.decompressedBytes)));
        QVERIFY2(facts.bytesRead < 32ull * 1024 * 1024,
                 qPrintable(QString::number(facts.bytesRead)));
    }

    // The scanner walks the whole real archive when the question has no answer: every entry cpio
    // lists, every byte zstd unpacks, every byte of the file read once.
    void wholeArchiveAgainstCpio()
    {
        QFile file(distroFile(QStringLiteral("initrd.img")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const InitramfsScan scan = scanFile(file, {{QStringLiteral("no_such_module.ko")}});
        QVERIFY2(scan.read, qPrintable(scan.note));
        QVERIFY(scan.found.isEmpty());
        QCOMPARE(scan.compression, QStringLiteral("zstd"));
        const uint64_t listed =
            onInitrd(QStringLiteral("zstd -dc \"$1\" | cpio -t --quiet | wc -l"))
                .trimmed()
                .toULongLong();
        QCOMPARE(scan.entries, listed + 1); // and the trailer
        QCOMPARE(scan.bytesUnpacked,
                 onInitrd(QStringLiteral("zstd -dc \"$1\" | wc -c")).trimmed().toULongLong());
        QCOMPARE(scan.bytesRead, uint64_t(file.size()));
    }

    // Asked for virtio_blk, it stops at the entry cpio lists for it, with the entries before it.
    void stopsAtVirtioBlk()
    {
        QFile file(distroFile(QStringLiteral("initrd.img")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const InitramfsScan scan = scanFile(file, {kVirtioBlk});
        QVERIFY2(scan.read, qPrintable(scan.note));
        const QList<QByteArray> listing =
            onInitrd(QStringLiteral("zstd -dc \"$1\" | cpio -t --quiet")).trimmed().split('\n');
        qsizetype index = -1;
        for (qsizetype i = 0; i < listing.size() && index < 0; ++i)
            if (listing[i].endsWith("/virtio_blk.ko") || listing[i].endsWith("/virtio_blk.ko.xz") ||
                listing[i].endsWith("/virtio_blk.ko.zst"))
                index = i;
        QVERIFY(index >= 0);
        QCOMPARE(scan.found, QStringList{QString::fromUtf8(listing[index])});
        QCOMPARE(scan.entries, uint64_t(index + 1));
        QVERIFY2(scan.bytesRead < uint64_t(file.size()) / 4,
                 qPrintable(QString::number(scan.bytesRead)));
    }
};

QTEST_GUILESS_MAIN(TestInitramfsDistro)
#include "tst_initramfsdistro.moc"
