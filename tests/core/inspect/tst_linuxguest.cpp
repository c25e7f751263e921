// The Linux guest flow on disks built by tests/fixtures/make-linux-disks.sh: distribution and
// version, architecture from ELF headers, kernels, virtio drivers, initramfs in every compression,
// a separate /boot found through fstab, and the obstacles that hide an OS, all read at once by
// inspectImage().
#include "TestSupport.h"
#include "inspect/Initramfs.h"
#include "inspect/Inspector.h"
#include "inspect/LinuxRelease.h"
#include "inspect/MemoryGuestFs.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {
QString linuxDisk(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/linux/") + name;
}

GuestFacts guestOf(const QString& name)
{
    const ImageFacts facts = inspectImage(linuxDisk(name));
    if (!facts.error.code.isEmpty() || !facts.layoutKnown)
        qWarning("%s: %s %s", qPrintable(name), qPrintable(facts.error.message),
                 qPrintable(facts.layoutError.message));
    return facts.guest;
}

} // namespace

class TestLinuxGuest : public QObject {
    Q_OBJECT

private slots:
    void centos7WithSeparateBoot()
    {
        const GuestFacts g = guestOf(QStringLiteral("centos7.raw"));
        QCOMPARE(g.family, QStringLiteral("linux"));
        QCOMPARE(g.distro, QStringLiteral("centos"));
        QCOMPARE(g.version, QStringLiteral("7.9.2009")); // refined from /etc/centos-release
        QCOMPARE(g.evidence.value(QStringLiteral("version")).path,
                 QStringLiteral("/etc/centos-release"));
        QCOMPARE(g.prettyName, QStringLiteral("CentOS Linux 7 (Core)"));
        QCOMPARE(g.architecture, QStringLiteral("x86_64"));
        QCOMPARE(g.evidence.value(QStringLiteral("architecture")).path, QStringLiteral("/bin/sh"));
        QCOMPARE(g.rootPartition, 2);
        QCOMPARE(g.rootFilesystem, QStringLiteral("ext4"));
        QCOMPARE(g.kernels.size(), 1);
        const KernelFacts& k = g.kernels[0];
        QCOMPARE(k.version, QStringLiteral("3.10.0-1160.el7.x86_64"));
        QCOMPARE(k.imagePath, QStringLiteral("/boot/vmlinuz-3.10.0-1160.el7.x86_64"));
        QCOMPARE(k.modulesPath, QStringLiteral("/lib/modules/3.10.0-1160.el7.x86_64"));
        QVERIFY(k.virtioModules.contains(QStringLiteral("virtio_blk")));
        QVERIFY(k.virtioModules.contains(QStringLiteral("virtio_net")));
        QVERIFY(k.virtioModules.contains(QStringLiteral("virtio_pci")));
        QCOMPARE(k.initramfsPath, QStringLiteral("/boot/initramfs-3.10.0-1160.el7.x86_64.img"));
        QVERIFY2(k.initramfsRead, qPrintable(k.initramfsNote));
        QCOMPARE(k.initramfsCompression, QStringLiteral("gzip")); // after the early microcode
        QVERIFY(k.initramfsHasVirtioBlk);
        QVERIFY(k.native);
    }
    void ubuntuMergedUsrAndBuiltinVirtio()
    {
        const GuestFacts g = guestOf(QStringLiteral("ubuntu2204.raw"));
        QCOMPARE(g.distro, QStringLiteral("ubuntu"));
        QCOMPARE(g.version, QStringLiteral("22.04")); // debian_version's "bookworm/sid" ignored
        QCOMPARE(g.evidence.value(QStringLiteral("distro")).path,
                 QStringLiteral("/etc/os-release"));
        QCOMPARE(g.architecture, QStringLiteral("x86_64"));
        QCOMPARE(g.kernels.size(), 1);
        const KernelFacts& k = g.kernels[0];
        QVERIFY(k.virtioModules.isEmpty());
        QCOMPARE(k.virtioBuiltin,
                 QStringList({QStringLiteral("virtio_blk"), QStringLiteral("virtio_net"),
                              QStringLiteral("virtio_pci")}));
        QCOMPARE(k.initramfsCompression, QStringLiteral("zstd"));
        QVERIFY(k.initramfsRead);
        QVERIFY(!k.initramfsHasVirtioBlk);
        QVERIFY(k.native);
    }
    void debian32Bit()
    {
        const GuestFacts g = guestOf(QStringLiteral("debian12-i386.raw"));
        QCOMPARE(g.distro, QStringLiteral("debian"));
        QCOMPARE(g.version, QStringLiteral("12.4"));
        QCOMPARE(g.architecture, QStringLiteral("i386"));
        QCOMPARE(g.kernels.size(), 1);
        QCOMPARE(g.kernels[0].initramfsCompression, QStringLiteral("xz"));
        QVERIFY(g.kernels[0].initramfsHasVirtioBlk);
        QVERIFY(g.kernels[0].native);
    }
    void slesFromLegacyReleaseFile()
    {
        const GuestFacts g = guestOf(QStringLiteral("sles11.raw"));
        QCOMPARE(g.distro, QStringLiteral("sles"));
        QCOMPARE(g.version, QStringLiteral("11.4"));
        QCOMPARE(g.rootFilesystem, QStringLiteral("ext3"));
        QCOMPARE(g.evidence.value(QStringLiteral("distro")).path,
                 QStringLiteral("/etc/SuSE-release"));
        QCOMPARE(g.kernels.size(), 1);
        QCOMPARE(g.kernels[0].initramfsCompression, QStringLiteral("lzma"));
        QVERIFY(g.kernels[0].initramfsRead);
        QVERIFY(!g.kernels[0].initramfsHasVirtioBlk);
        QVERIFY(g.kernels[0].native);
    }
    void rhelArm64CustomKernel()
    {
        const GuestFacts g = guestOf(QStringLiteral("rhel8-arm64.raw"));
        QCOMPARE(g.distro, QStringLiteral("rhel"));
        QCOMPARE(g.version, QStringLiteral("8.9"));
        QCOMPARE(g.architecture, QStringLiteral("arm64"));
        QCOMPARE(g.kernels.size(), 1);
        QVERIFY(!g.kernels[0].native);
        QVERIFY(g.kernels[0].nativeNote.contains(QStringLiteral(".el7.x86_64")));
        QCOMPARE(g.kernels[0].initramfsCompression, QStringLiteral("lz4"));
        QVERIFY2(g.kernels[0].initramfsRead, qPrintable(g.kernels[0].initramfsNote));
        QVERIFY(g.kernels[0].initramfsHasVirtioBlk);
        QCOMPARE(g.kernels[0].virtioModules, QStringList{QStringLiteral("virtio_net")});
    }
    // Network, fstab and cloud-init as the fixtures configure them, found through the whole
    // inspection (the parsers themselves are tested in tst_linuxnetwork).
    void networkAndPracticeFacts()
    {
        const GuestFacts centos = guestOf(QStringLiteral("centos7.raw"));
        QCOMPARE(centos.interfaces.size(), 1);
        QCOMPARE(centos.interfaces[0].name, QStringLiteral("eth0"));
        QVERIFY(!centos.interfaces[0].ipv6);
        QCOMPARE(centos.fstab.size(), 2);
        QCOMPARE(centos.fstab[1].mountPoint, QStringLiteral("/boot"));
        QVERIFY(!centos.cloudInit);

        const GuestFacts ubuntu = guestOf(QStringLiteral("ubuntu2204.raw"));
        QCOMPARE(ubuntu.interfaces.size(), 1);
        QCOMPARE(ubuntu.interfaces[0].name, QStringLiteral("ens3"));
        QVERIFY(ubuntu.interfaces[0].ipv6);
        QVERIFY(ubuntu.cloudInit);
        bool sdb = false;
        for (const auto& e : ubuntu.fstab)
            sdb = sdb || e.spec == QLatin1String("/dev/sdb1");
        QVERIFY(sdb);

        const GuestFacts debian = guestOf(QStringLiteral("debian12-i386.raw"));
        QCOMPARE(debian.interfaces.size(), 1);
        QCOMPARE(debian.interfaces[0].name, QStringLiteral("eth0"));
        QVERIFY(
            debian.interfaces[0].source.startsWith(QStringLiteral("/etc/network/interfaces.d/")));

        const GuestFacts sles = guestOf(QStringLiteral("sles11.raw"));
        QCOMPARE(sles.interfaces.size(), 1);
        QCOMPARE(sles.interfaces[0].name, QStringLiteral("eth0"));
    }
    void dataDiskHasNoOs()
    {
        const GuestFacts g = guestOf(QStringLiteral("data-disk.raw"));
        QVERIFY(g.searched);
        QVERIFY(g.family.isEmpty());
        QVERIFY(g.obstacle.isEmpty());
    }
    // XFS, LVM and an unreadable root beside /boot: tst_elguest.
};

QTEST_GUILESS_MAIN(TestLinuxGuest)
#include "tst_linuxguest.moc"
