// The layouts CentOS and RHEL install by default, on disks built by
// tests/fixtures/make-el-disks.sh: a root on XFS, inside LVM2, a separate /boot on ext4 or XFS,
// and a root that cannot be read beside a /boot that can. Each is read whole by inspectImage()
// and judged by the default rules: the full OS report, the prefilled form, and a
// disk.filesystem verdict that names the root, not the first ext4 it meets.
#include "TestSupport.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

ImageFacts factsOf(const QString& name)
{
    const ImageFacts facts = inspectImage(test::fixtureDir() + QStringLiteral("/el/") + name);
    if (facts.error.isSet() || !facts.layoutKnown)
        qWarning("%s: %s %s", qPrintable(name), qPrintable(facts.error.message),
                 qPrintable(facts.layoutError.message));
    return facts;
}

const policy::RuleResult* ruleOf(const policy::Report& report, const char* id)
{
    for (const auto& r : report.rules)
        if (r.id == QLatin1String(id))
            return &r;
    return nullptr;
}

const LogicalVolumeInfo* volumeOf(const DiskLayout& layout, const QString& name)
{
    for (const auto& lv : layout.logicalVolumes)
        if (lv.name() == name)
            return &lv;
    return nullptr;
}

} // namespace

class TestElGuest : public QObject {
    Q_OBJECT

private slots:
    void centos7LvmXfs()
    {
        const ImageFacts f = factsOf(QStringLiteral("centos7-lvm.raw"));
        QVERIFY(f.layoutKnown);
        QCOMPARE(f.layout.volumeGroups.size(), 1);
        QCOMPARE(f.layout.volumeGroups[0].name, QStringLiteral("centos"));
        const LogicalVolumeInfo* root = volumeOf(f.layout, QStringLiteral("centos/root"));
        QVERIFY(root);
        QCOMPARE(root->filesystem, QStringLiteral("xfs"));
        QCOMPARE(root->size, uint64_t(64) << 20);
        QCOMPARE(root->fsUuid, QStringLiteral("2c7e1a00-0000-4000-8000-0000000000a1"));
        QVERIFY(volumeOf(f.layout, QStringLiteral("centos/swap")));
        QCOMPARE(volumeOf(f.layout, QStringLiteral("centos/swap"))->filesystem,
                 QStringLiteral("swap"));

        const GuestFacts& g = f.guest;
        QCOMPARE(g.family, QStringLiteral("linux"));
        QCOMPARE(g.distro, QStringLiteral("centos"));
        QCOMPARE(g.version, QStringLiteral("7.9.2009")); // /etc/redhat-release is more precise
        QCOMPARE(g.architecture, QStringLiteral("x86_64"));
        QCOMPARE(g.rootVolume, QStringLiteral("centos/root"));
        QCOMPARE(g.rootPartition, 2);
        QCOMPARE(g.rootFilesystem, QStringLiteral("xfs"));
        QCOMPARE(g.bootPartition, 1);
        QCOMPARE(g.bootFilesystem, QStringLiteral("ext4"));
        QVERIFY(!g.bootOnly);
        QCOMPARE(g.kernels.size(), 1);
        QCOMPARE(g.kernels[0].version, QStringLiteral("3.10.0-1160.el7.x86_64"));
        QVERIFY(g.kernels[0].native);
        QVERIFY(g.kernels[0].initramfsHasVirtioBlk);
        QVERIFY(g.kernels[0].virtioModules.contains(QStringLiteral("virtio_blk")));
        QCOMPARE(g.interfaces.size(), 1);
        QCOMPARE(g.interfaces[0].name, QStringLiteral("eth0"));
        QCOMPARE(g.fstab.size(), 3);

        const policy::Report report = policy::Policy::builtin().evaluate(f);
        const auto* fs = ruleOf(report, "disk.filesystem");
        QVERIFY(fs);
        QCOMPARE(fs->verdict, policy::Verdict::Fail);
        QVERIFY2(fs->evidence.contains(QStringLiteral("centos/root")), qPrintable(fs->evidence));
        QVERIFY2(fs->evidence.contains(QStringLiteral("xfs")), qPrintable(fs->evidence));
        // The ext4 /boot is not named as the system's file system.
        QVERIFY2(!fs->evidence.contains(QStringLiteral("partition 1")), qPrintable(fs->evidence));
        QVERIFY2(fs->fix.contains(QStringLiteral("partition 2")), qPrintable(fs->fix));
        QCOMPARE(ruleOf(report, "os.detected")->verdict, policy::Verdict::Pass);
        QCOMPARE(ruleOf(report, "drivers.virtio")->verdict, policy::Verdict::Pass);
        QCOMPARE(ruleOf(report, "kernel.native")->verdict, policy::Verdict::Pass);
        QCOMPARE(report.form.osType, QStringLiteral("CentOS"));
        QCOMPARE(report.form.architecture, QStringLiteral("x86_64"));
        QCOMPARE(report.form.detectedVersion, QStringLiteral("7.9.2009"));
    }

    void rhel8LvmXfsWithXfsBoot()
    {
        const ImageFacts f = factsOf(QStringLiteral("rhel8-lvm.raw"));
        QVERIFY(f.layoutKnown);
        QCOMPARE(f.layout.partitions.size(), 2);
        QCOMPARE(f.layout.partitions[0].filesystem, QStringLiteral("xfs"));
        const GuestFacts& g = f.guest;
        QCOMPARE(g.family, QStringLiteral("linux"));
        QCOMPARE(g.distro, QStringLiteral("rhel"));
        QCOMPARE(g.version, QStringLiteral("8.8"));
        QCOMPARE(g.rootVolume, QStringLiteral("rhel/root"));
        QCOMPARE(g.bootPartition, 1);
        QCOMPARE(g.bootFilesystem, QStringLiteral("xfs"));
        QCOMPARE(g.kernels.size(), 1);
        QCOMPARE(g.kernels[0].version, QStringLiteral("4.18.0-477.10.1.el8_8.x86_64"));
        QVERIFY(g.kernels[0].initramfsRead);
        QVERIFY(g.kernels[0].initramfsHasVirtioBlk);

        const policy::Report report = policy::Policy::builtin().evaluate(f);
        const auto* fs = ruleOf(report, "disk.filesystem");
        QCOMPARE(fs->verdict, policy::Verdict::Fail);
        QVERIFY2(fs->evidence.contains(QStringLiteral("rhel/root")), qPrintable(fs->evidence));
        // The XFS /boot must be converted too: it is named, as /boot.
        QVERIFY2(fs->evidence.contains(QStringLiteral("partition 1 (/boot): xfs")),
                 qPrintable(fs->evidence));
        QCOMPARE(ruleOf(report, "licence.rhel_byol")->verdict, policy::Verdict::Warn);
        QCOMPARE(report.form.osType, QStringLiteral("Redhat"));
        QCOMPARE(report.form.licenseType, QStringLiteral("BYOL"));
    }

    void ubuntuExt4InLvm()
    {
        const ImageFacts f = factsOf(QStringLiteral("ubuntu-lvm.raw"));
        const GuestFacts& g = f.guest;
        QCOMPARE(g.family, QStringLiteral("linux"));
        QCOMPARE(g.distro, QStringLiteral("ubuntu"));
        QCOMPARE(g.rootVolume, QStringLiteral("ubuntu-vg/ubuntu-lv"));
        QCOMPARE(g.rootFilesystem, QStringLiteral("ext4"));
        QCOMPARE(g.bootPartition, 1);
        const policy::Report report = policy::Policy::builtin().evaluate(f);
        const auto* fs = ruleOf(report, "disk.filesystem");
        // ext4, but inside LVM: the fix moves it out, naming the physical volume.
        QCOMPARE(fs->verdict, policy::Verdict::Fail);
        QVERIFY2(fs->evidence.contains(QStringLiteral("LVM")), qPrintable(fs->evidence));
        QVERIFY2(fs->fix.contains(QStringLiteral("partition 2")), qPrintable(fs->fix));
    }

    void xfsRootOnAPartition()
    {
        const ImageFacts f = factsOf(QStringLiteral("xfs-plain.raw"));
        const GuestFacts& g = f.guest;
        QCOMPARE(g.family, QStringLiteral("linux"));
        QCOMPARE(g.distro, QStringLiteral("centos"));
        QCOMPARE(g.rootPartition, 2);
        QVERIFY(g.rootVolume.isEmpty());
        QCOMPARE(g.rootFilesystem, QStringLiteral("xfs"));
        QCOMPARE(g.bootPartition, 1); // by fstab's UUID=
        const policy::Report report = policy::Policy::builtin().evaluate(f);
        const auto* fs = ruleOf(report, "disk.filesystem");
        QCOMPARE(fs->verdict, policy::Verdict::Fail);
        QVERIFY2(fs->evidence.contains(QStringLiteral("xfs on partition 2")),
                 qPrintable(fs->evidence));
        QVERIFY2(fs->fix.contains(QStringLiteral("partition 2")), qPrintable(fs->fix));
    }

    void unreadableRootStillReadsBoot()
    {
        const ImageFacts f = factsOf(QStringLiteral("luks-root.raw"));
        const GuestFacts& g = f.guest;
        QVERIFY(g.family.isEmpty());
        QVERIFY2(g.obstacle.contains(QStringLiteral("LUKS")), qPrintable(g.obstacle));
        QVERIFY(g.bootOnly);
        QCOMPARE(g.bootPartition, 1);
        QCOMPARE(g.distro, QStringLiteral("rhel")); // from the BLS entry's title
        QCOMPARE(g.evidence.value(QStringLiteral("distro")).path.left(20),
                 QStringLiteral("/boot/loader/entries"));
        QCOMPARE(g.kernels.size(), 1);
        QVERIFY(g.kernels[0].native);
        QVERIFY(g.kernels[0].initramfsHasVirtioBlk);
        const policy::Report report = policy::Policy::builtin().evaluate(f);
        QCOMPARE(ruleOf(report, "os.detected")->verdict, policy::Verdict::Fail);
        QVERIFY(ruleOf(report, "os.detected")->evidence.contains(QStringLiteral("/boot")));
        QCOMPARE(ruleOf(report, "drivers.virtio")->verdict, policy::Verdict::Pass);
        QCOMPARE(ruleOf(report, "kernel.native")->verdict, policy::Verdict::Pass);
        const auto* fs = ruleOf(report, "disk.filesystem");
        // The XFS /boot is not called the system file system.
        QVERIFY2(!fs->evidence.contains(QStringLiteral("System file system")),
                 qPrintable(fs->evidence));
    }
};

QTEST_GUILESS_MAIN(TestElGuest)
#include "tst_elguest.moc"
