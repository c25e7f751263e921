// The inspection's budgets against hostile guests: decompression bombs shared by many kernels,
// xz stream padding that never unpacks, an initramfs declaring 32 GiB, and the deadline turning
// what is left into "unknown". Bombs are made at test time by the Debian tools; assertions are on
// outcomes and bytes counted, never on seconds (a loaded machine must not make them flaky).
#include "TestSupport.h"
#include "inspect/Initramfs.h"
#include "inspect/InspectionBudget.h"
#include "inspect/Inspector.h"
#include "inspect/LinuxKernels.h"
#include "inspect/MemoryGuestFs.h"
#include "policy/Policy.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

// `tool` (zstd, xz, gzip) compressing `zeros` bytes of zeros, streamed so no big buffer is held.
QByteArray compressedZeros(const QString& tool, qint64 zeros)
{
    QProcess p;
    p.start(QStringLiteral("sh"),
            {QStringLiteral("-c"),
             QStringLiteral("head -c %1 /dev/zero | %2 -c").arg(zeros).arg(tool)});
    if (!p.waitForFinished(120000))
        return {};
    return p.readAllStandardOutput();
}

// A CentOS root with `kernels` kernels whose initramfs files are all one bomb (symlinks resolve
// to the same node, as hard links do) or, with `distinct`, each a copy of it.
MemoryGuestFs bombGuest(const QByteArray& bomb, int kernels, bool distinct)
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/boot/bomb.img"), bomb);
    for (int i = 0; i < kernels; ++i) {
        const QString release = QStringLiteral("3.10.0-%1.el7.x86_64").arg(1000 + i);
        fs.addFile(QStringLiteral("/boot/vmlinuz-") + release, "kernel");
        const QString initramfs = QStringLiteral("/boot/initramfs-%1.img").arg(release);
        if (distinct)
            fs.addFile(initramfs, bomb);
        else
            fs.addSymlink(initramfs, QStringLiteral("bomb.img"));
    }
    return fs;
}

} // namespace

class TestInspectBudget : public QObject {
    Q_OBJECT

private slots:
    // One zstd bomb (1 GiB of zeros) as the initramfs of 40 kernels: decompressed once, not 40
    // times; the total stays within the shared budget.
    void bombLinkedAsInitramfsOf40Kernels()
    {
        const QByteArray bomb = compressedZeros(QStringLiteral("zstd -q"), 1ll << 30);
        QVERIFY(!bomb.isEmpty());
        MemoryGuestFs fs = bombGuest(bomb, 40, false);
        GuestFacts facts;
        facts.distro = QStringLiteral("centos");
        InspectOptions options;
        options.timeLimit = std::chrono::hours(1); // only the byte budgets are under test
        InspectionBudget budget(options);
        inspectLinuxKernels(fs, nullptr, &facts, &budget);
        QCOMPARE(facts.kernels.size(), 40);
        QCOMPARE(budget.kernelScans(), 1);
        QVERIFY(budget.decompressed() <= options.maxDecompressedBytes);
        for (const KernelFacts& k : facts.kernels) {
            QVERIFY(!k.initramfsRead);
            QVERIFY2(!k.initramfsNote.isEmpty(), qPrintable(k.version));
            QVERIFY(!k.initramfsTimedOut);
        }
    }

    // 40 distinct copies: the cap on scans and the shared total bound the work.
    void distinctBombsShareOneBudget()
    {
        const QByteArray bomb = compressedZeros(QStringLiteral("zstd -q"), 1ll << 30);
        MemoryGuestFs fs = bombGuest(bomb, 40, true);
        GuestFacts facts;
        facts.distro = QStringLiteral("centos");
        InspectOptions options;
        options.timeLimit = std::chrono::hours(1);
        InspectionBudget budget(options);
        inspectLinuxKernels(fs, nullptr, &facts, &budget);
        QVERIFY(budget.kernelScans() <= options.maxKernelScans);
        QVERIFY(budget.decompressed() <= options.maxDecompressedBytes);
        // The newest kernel (the one the rules judge) was scanned first.
        const auto newest = std::find_if(facts.kernels.cbegin(), facts.kernels.cend(), [](auto& k) {
            return k.version == QLatin1String("3.10.0-1039.el7.x86_64");
        });
        QVERIFY(newest != facts.kernels.cend());
        QVERIFY(newest->initramfsNote.contains(QStringLiteral("more than")));
    }

    // An xz stream followed by endless zero stream padding, declared as 32 GiB: the decoder
    // accepts the padding without output, so only the input bound stops it.
    void xzPaddingDeclaring32GiB()
    {
        const QByteArray empty = compressedZeros(QStringLiteral("xz --check=crc32"), 0);
        QVERIFY(empty.startsWith("\xfd"
                                 "7zXZ"));
        uint64_t served = 0;
        const uint64_t declared = 32ull << 30;
        const InitramfsScan scan = scanInitramfs(
            declared,
            [&](uint64_t offset, size_t length, QByteArray* out) {
                // Give up after 1 GiB (a read error), so the unfixed scan fails instead of hanging.
                if (served >= (1ull << 30))
                    return false;
                QByteArray chunk(qsizetype(length), '\0');
                for (qsizetype i = 0;
                     i < chunk.size() && offset + uint64_t(i) < uint64_t(empty.size()); ++i)
                    chunk[i] = empty[qsizetype(offset) + i];
                served += length;
                *out = chunk;
                return true;
            },
            {{QStringLiteral("virtio_blk.ko")}});
        QVERIFY(!scan.read);
        QVERIFY2(scan.note.contains(QStringLiteral("without unpacking")), qPrintable(scan.note));
        QVERIFY2(served <= InitramfsLimits{}.maxInputWithoutOutput + (4u << 20),
                 qPrintable(QString::number(served)));
    }

    // Concatenated xz streams of zeros (each decodes to 64 MiB): the per-file output bound and the
    // shared total stop it.
    void xzConcatenatedZeroStreams()
    {
        const QByteArray one = compressedZeros(QStringLiteral("xz --check=crc32"), 64ll << 20);
        QByteArray many;
        for (int i = 0; i < 64; ++i)
            many += one; // 4 GiB of output
        InspectOptions options;
        options.timeLimit = std::chrono::hours(1);
        InspectionBudget budget(options);
        InitramfsLimits limits;
        limits.budget = &budget;
        const InitramfsScan scan = scanInitramfs(
            uint64_t(many.size()),
            [&](uint64_t offset, size_t length, QByteArray* out) {
                *out = many.mid(qsizetype(offset), qsizetype(length));
                return true;
            },
            {{QStringLiteral("virtio_blk.ko")}}, limits);
        QVERIFY(!scan.read);
        QVERIFY(budget.decompressed() <= options.maxDecompressedBytes);
        QVERIFY2(scan.note.contains(QStringLiteral("together unpack")), qPrintable(scan.note));
    }

    // The deadline passing while the initramfs is read (an injected clock jumps when the bomb is
    // first read): that kernel's initramfs is "not read within the time limit", and the rule on
    // virtio drivers says unknown, not pass and not fail.
    void deadlineDuringInitramfsIsUnknown()
    {
        MemoryGuestFs fs;
        const QString release = QStringLiteral("3.10.0-1160.el7.x86_64");
        fs.addFile(QStringLiteral("/boot/vmlinuz-") + release, "kernel");
        fs.addFile(QStringLiteral("/boot/initramfs-%1.img").arg(release),
                   compressedZeros(QStringLiteral("gzip"), 64ll << 20));
        fs.addFile(
            QStringLiteral("/lib/modules/%1/kernel/drivers/block/virtio_blk.ko.xz").arg(release),
            "m");
        fs.addFile(
            QStringLiteral("/lib/modules/%1/kernel/drivers/net/virtio_net.ko.xz").arg(release),
            "m");
        fs.addFile(
            QStringLiteral("/lib/modules/%1/kernel/drivers/virtio/virtio_pci.ko.xz").arg(release),
            "m");
        auto now = std::chrono::steady_clock::time_point{};
        InspectOptions options;
        options.clock = [&] {
            return now;
        };
        InspectionBudget budget(options);
        // A reader that makes 20 s pass on its first read of the initramfs.
        struct SlowFs final : GuestFs {
            MemoryGuestFs& fs;
            std::chrono::steady_clock::time_point& now;
            SlowFs(MemoryGuestFs& f, std::chrono::steady_clock::time_point& n) : fs(f), now(n) {}
            GuestNode root() const override { return fs.root(); }
            bool caseInsensitiveNames() const override { return false; }
            bool listDirectory(const GuestNode& d, QList<GuestDirEntry>* e, Error* err) override
            {
                return fs.listDirectory(d, e, err);
            }
            bool readFile(const GuestNode& f, uint64_t o, size_t m, QByteArray* out,
                          Error* err) override
            {
                if (f.size > 10000)
                    now += std::chrono::seconds(20);
                return fs.readFile(f, o, m, out, err);
            }
            bool readSymlink(const GuestNode& l, QString* t, Error* err) override
            {
                return fs.readSymlink(l, t, err);
            }
            bool stat(GuestNode* n, Error* err) override { return fs.stat(n, err); }
        } slow(fs, now);
        ImageFacts facts;
        facts.layoutKnown = true;
        facts.guest.searched = true;
        facts.guest.family = QStringLiteral("linux");
        facts.guest.distro = QStringLiteral("centos");
        inspectLinuxKernels(slow, nullptr, &facts.guest, &budget);
        QCOMPARE(facts.guest.kernels.size(), 1);
        QVERIFY(facts.guest.kernels[0].initramfsTimedOut);
        QVERIFY(budget.notRead().contains(QLatin1String(part::kInitramfs)));
        facts.limits.timeLimitMs = 10000;
        facts.limits.notRead = budget.notRead();
        const policy::Report report = policy::Policy::builtin().evaluate(facts);
        bool seen = false;
        for (const policy::RuleResult& r : report.rules) {
            if (r.id != QLatin1String("drivers.virtio"))
                continue;
            seen = true;
            QCOMPARE(policy::verdictName(r.verdict), QStringLiteral("unknown"));
            QVERIFY2(r.evidence.contains(QStringLiteral("time limit of 10 s")),
                     qPrintable(r.evidence));
            QVERIFY(r.fix.contains(QStringLiteral("--inspect-timeout")));
        }
        QVERIFY(seen);
    }

    // No time at all: the image is opened, nothing else is read, and every rule that needs the
    // layout or the guest is unknown ("not read within the time limit"), none passes or fails.
    void zeroTimeLimitLeavesOnlyUnknowns()
    {
        InspectOptions options;
        options.timeLimit = std::chrono::milliseconds(0);
        const ImageFacts facts =
            inspectImage(test::fixtureDir() + QStringLiteral("/linux/centos7.raw"), options);
        QVERIFY(!facts.error.isSet());
        QVERIFY(facts.limits.notRead.contains(QStringLiteral("layout")));
        QCOMPARE(facts.limits.timeLimitMs, 0);
        const policy::Report report = policy::Policy::builtin().evaluate(facts);
        int unknownByTime = 0;
        for (const policy::RuleResult& r : report.rules) {
            if (r.group == QLatin1String("image") || r.id == QLatin1String("disk.size"))
                continue;
            QVERIFY2(r.verdict == policy::Verdict::Unknown, qPrintable(r.id + u' ' + r.evidence));
            QVERIFY2(r.evidence.contains(QStringLiteral("time limit")), qPrintable(r.evidence));
            ++unknownByTime;
        }
        QVERIFY(unknownByTime >= 10);
    }
};

QTEST_GUILESS_MAIN(TestInspectBudget)
#include "tst_inspectionbudget.moc"
