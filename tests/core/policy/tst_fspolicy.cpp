// The file system state rules (boot.fs_clean, practice.root_free_space, practice.ext4_features)
// of the default rule file on the fsstate fixture disks (tests/fixtures/make-fsstate-disks.sh),
// read by inspectImage(), plus hand-made facts for what no fixture has (a warned free space, an
// XFS root, a root in LVM, a super block that was not read).
#include "TestSupport.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;
using namespace cvmi::policy;

namespace {

ImageFacts inspected(const QString& name)
{
    return inspectImage(test::fixtureDir() + QStringLiteral("/fsstate/") + name);
}

RuleResult ruleOf(const ImageFacts& facts, const QString& id)
{
    for (const RuleResult& r : Policy::builtin().evaluate(facts).rules)
        if (r.id == id)
            return r;
    return {};
}

// A Linux guest whose root is partition 1, ext4, with the given super block state.
ImageFacts handMade(const ExtFsState& ext)
{
    ImageFacts f;
    f.layoutKnown = true;
    f.layout.partitionTable = QStringLiteral("mbr");
    PartitionInfo p;
    p.index = 1;
    p.filesystem = QStringLiteral("ext4");
    p.ext = ext;
    f.layout.partitions << p;
    f.guest.searched = true;
    f.guest.family = QStringLiteral("linux");
    f.guest.distro = QStringLiteral("ubuntu");
    f.guest.rootPartition = 1;
    f.guest.rootFilesystem = QStringLiteral("ext4");
    return f;
}

ExtFsState cleanExt()
{
    ExtFsState e;
    e.read = true;
    e.state = 1;
    e.blockSize = 4096;
    e.blocks = 262144; // 1 GiB
    e.freeBlocks = 131072;
    e.reservedBlocks = 13107;
    e.compat = 0x3c;
    e.incompat = 0x2c2;
    e.roCompat = 0x7b;
    return e;
}

} // namespace

class TestFsPolicy : public QObject {
    Q_OBJECT

private slots:
    void fixtureVerdicts_data()
    {
        QTest::addColumn<QString>("disk");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("evidence"); // a part of the evidence
        const auto row = [](const char* name, const char* disk, const char* rule,
                            const char* verdict, const char* evidence) {
            QTest::newRow(name) << QString::fromLatin1(disk) << QString::fromLatin1(rule)
                                << QString::fromLatin1(verdict) << QString::fromUtf8(evidence);
        };
        row("clean fs_clean", "clean.raw", "boot.fs_clean", "pass", "/ (partition 1, ext4): clean");
        row("errors fs_clean", "errors.raw", "boot.fs_clean", "fail",
            "state \"clean with errors\", 3 error(s) recorded, the first on 2026-12-01T12:00:00Z "
            "in ext4_lookup");
        row("recovery fs_clean", "recovery.raw", "boot.fs_clean", "warn",
            "the journal needs recovery (needs_recovery)");
        row("twofs /boot errors", "twofs.raw", "boot.fs_clean", "fail",
            "/boot (partition 1, ext4): state \"not clean with errors\", 1 error(s)");
        row("clean free", "clean.raw", "practice.root_free_space", "pass", "MiB free of 100 MiB");
        row("full free", "full.raw", "practice.root_free_space", "fail", "8 MiB free of 40 MiB");
        row("clean features", "clean.raw", "practice.ext4_features", "pass",
            "No feature newer than e2fsprogs 1.42.9");
        row("errors features", "errors.raw", "practice.ext4_features", "warn",
            "/ (partition 1, ext4) has orphan_file");
        row("twofs features", "twofs.raw", "practice.ext4_features", "pass", "/boot (partition 1");
    }
    void fixtureVerdicts()
    {
        QFETCH(QString, disk);
        QFETCH(QString, rule);
        QFETCH(QString, verdict);
        QFETCH(QString, evidence);
        const ImageFacts facts = inspected(disk);
        QCOMPARE(facts.guest.family, QStringLiteral("linux"));
        const RuleResult r = ruleOf(facts, rule);
        QCOMPARE(r.id, rule);
        QVERIFY2(r.evidence.contains(evidence), qPrintable(r.evidence));
        QCOMPARE(verdictName(r.verdict), verdict);
        if (r.verdict != Verdict::Pass)
            QVERIFY(!r.fix.isEmpty());
    }

    // The rules sit where the report reads well: fs_clean among the first boot rules, the
    // others at the end of the practice group.
    void ruleOrder()
    {
        const Report report = Policy::builtin().evaluate(inspected(QStringLiteral("clean.raw")));
        QStringList ids;
        for (const RuleResult& r : report.rules)
            ids << r.id;
        // With the other boot rules, after the boot loader and fstab ones (the Boot group comes
        // after the Operating system in the report).
        QCOMPARE(ids.indexOf(QStringLiteral("boot.fs_clean")),
                 ids.indexOf(QStringLiteral("boot.fstab_nofail")) + 1);
        // The last two of the practice group (the windows.* rules of issue 17 come after it).
        const qsizetype at = ids.indexOf(QStringLiteral("practice.root_free_space"));
        QCOMPARE(ids.mid(at, 2), (QStringList{QStringLiteral("practice.root_free_space"),
                                              QStringLiteral("practice.ext4_features")}));
        QCOMPARE(ids.lastIndexOf(QRegularExpression(QStringLiteral("practice\\..*"))), at + 1);
    }

    void freeSpaceThresholds()
    {
        ExtFsState e = cleanExt();
        QCOMPARE(ruleOf(handMade(e), QStringLiteral("practice.root_free_space")).verdict,
                 Verdict::Pass);
        e.reservedBlocks = 20000; // 78 MiB kept for root
        e.freeBlocks = 22000;     // 85 MiB free, 7.8 MiB (0.8%) above the reserve
        const RuleResult warned = ruleOf(handMade(e), QStringLiteral("practice.root_free_space"));
        QCOMPARE(warned.verdict, Verdict::Warn);
        QVERIFY2(warned.evidence.contains(QStringLiteral("85 MiB free of 1024 MiB")),
                 qPrintable(warned.evidence));
        QVERIFY2(warned.fix.contains(QStringLiteral("apt-get clean")), qPrintable(warned.fix));
        e.freeBlocks = 1000; // 3 MiB: even root cannot write
        QCOMPARE(ruleOf(handMade(e), QStringLiteral("practice.root_free_space")).verdict,
                 Verdict::Fail);
        e.countsSane = false; // what the parser says of counts that do not hold together
        QCOMPARE(ruleOf(handMade(e), QStringLiteral("practice.root_free_space")).verdict,
                 Verdict::Unknown);
    }

    void notExtNotReadAndLvm()
    {
        ImageFacts xfs = handMade({});
        xfs.layout.partitions[0].filesystem = xfs.guest.rootFilesystem = QStringLiteral("xfs");
        const RuleResult clean = ruleOf(xfs, QStringLiteral("boot.fs_clean"));
        QCOMPARE(clean.verdict, Verdict::Pass);
        QVERIFY(clean.evidence.startsWith(QStringLiteral("Not applicable")));
        QCOMPARE(ruleOf(xfs, QStringLiteral("practice.ext4_features")).verdict, Verdict::Pass);
        QCOMPARE(ruleOf(xfs, QStringLiteral("practice.root_free_space")).verdict, Verdict::Unknown);

        QCOMPARE(ruleOf(handMade({}), QStringLiteral("boot.fs_clean")).verdict, Verdict::Unknown);

        ImageFacts lvm = handMade({});
        lvm.layout.partitions[0].filesystem = QStringLiteral("lvm2");
        LogicalVolumeInfo lv;
        lv.vg = QStringLiteral("centos");
        lv.lv = QStringLiteral("root");
        lv.filesystem = QStringLiteral("ext4");
        lv.ext = cleanExt();
        lv.ext.state = 2;
        lvm.layout.logicalVolumes << lv;
        lvm.guest.rootVolume = QStringLiteral("centos/root");
        const RuleResult r = ruleOf(lvm, QStringLiteral("boot.fs_clean"));
        QCOMPARE(r.verdict, Verdict::Fail);
        QVERIFY2(r.evidence.contains(QStringLiteral("LVM volume centos/root")),
                 qPrintable(r.evidence));
    }

    // A root in LVM (make-el-disks.sh's Ubuntu): the super block read through the logical volume.
    void lvmRootOnARealDisk()
    {
        const ImageFacts facts =
            inspectImage(test::fixtureDir() + QStringLiteral("/el/ubuntu-lvm.raw"));
        QCOMPARE(facts.guest.rootVolume, QStringLiteral("ubuntu-vg/ubuntu-lv"));
        const RuleResult clean = ruleOf(facts, QStringLiteral("boot.fs_clean"));
        QCOMPARE(clean.verdict, Verdict::Pass);
        QVERIFY2(clean.evidence.contains(QStringLiteral("/ (LVM volume ubuntu-vg/ubuntu-lv, ext4): "
                                                        "clean")),
                 qPrintable(clean.evidence));
        const RuleResult space = ruleOf(facts, QStringLiteral("practice.root_free_space"));
        QCOMPARE(space.verdict, Verdict::Pass);
        QVERIFY2(space.evidence.contains(QStringLiteral("LVM volume ubuntu-vg/ubuntu-lv")),
                 qPrintable(space.evidence));
    }

    void windowsIsNotApplicable()
    {
        ImageFacts w = handMade({});
        w.layout.partitions[0].filesystem = w.guest.rootFilesystem = QStringLiteral("ntfs");
        w.guest.family = QStringLiteral("windows");
        for (const char* id :
             {"boot.fs_clean", "practice.root_free_space", "practice.ext4_features"})
            QCOMPARE(ruleOf(w, QString::fromLatin1(id)).verdict, Verdict::Pass);
    }
};

QTEST_GUILESS_MAIN(TestFsPolicy)
#include "tst_fspolicy.moc"
