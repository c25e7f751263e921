// The guest rules of the default rule file, judged on facts built by hand (what the detectors
// produce is tested against real disks in tst_linuxguest / tst_windowsinspector), and the form
// proposal.
#include "policy/Policy.h"
#include "policy/ReportJson.h"

#include <QJsonArray>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;
using namespace cvmi::policy;

namespace {

ImageFacts linuxFacts()
{
    ImageFacts f;
    f.path = QStringLiteral("/images/web server.qcow2");
    f.format = QStringLiteral("qcow2");
    f.virtualSize = 20ull << 30;
    f.layoutKnown = true;
    f.layout.partitionTable = QStringLiteral("mbr");
    f.layout.bootCode = true;
    PartitionInfo p;
    p.index = 1;
    p.bootable = true;
    p.filesystem = QStringLiteral("ext4");
    p.uuid = QStringLiteral("abc");
    // A clean ext4 with room to spare and the features e2fsprogs 1.42.9 knows (tst_fspolicy).
    p.ext.read = true;
    p.ext.state = 1;
    p.ext.blockSize = 4096;
    p.ext.blocks = 5ull << 18; // 5 GiB
    p.ext.freeBlocks = 1ull << 18;
    p.ext.reservedBlocks = 1ull << 16;
    p.ext.compat = 0x3c;
    p.ext.incompat = 0x2c2;
    p.ext.roCompat = 0x7b;
    f.layout.partitions << p;
    GuestFacts& g = f.guest;
    g.searched = true;
    g.family = QStringLiteral("linux");
    g.distro = QStringLiteral("centos");
    g.distroName = QStringLiteral("CentOS Linux");
    g.version = QStringLiteral("7.9.2009");
    g.prettyName = QStringLiteral("CentOS Linux 7 (Core)");
    g.architecture = QStringLiteral("x86_64");
    g.rootPartition = 1;
    g.rootFilesystem = QStringLiteral("ext4");
    g.evidence.insert(QStringLiteral("distro"),
                      Evidence{QStringLiteral("/etc/os-release"), QStringLiteral("ID=centos")});
    KernelFacts k;
    k.version = QStringLiteral("3.10.0-1160.el7.x86_64");
    k.imagePath = QStringLiteral("/boot/vmlinuz-") + k.version;
    k.modulesPath = QStringLiteral("/lib/modules/") + k.version;
    k.virtioModules = {QStringLiteral("virtio_blk"), QStringLiteral("virtio_net"),
                       QStringLiteral("virtio_pci")};
    k.initramfsPath = QStringLiteral("/boot/initramfs-%1.img").arg(k.version);
    k.initramfsRead = true;
    k.initramfsHasVirtioBlk = true;
    k.storageModules = {QStringLiteral("virtio_scsi"), QStringLiteral("nvme")};
    k.initramfsStorage = k.storageModules;
    k.native = true;
    g.kernels << k;
    g.interfaces << NetInterface{QStringLiteral("eth0"),
                                 QStringLiteral("/etc/sysconfig/network-scripts/ifcfg-eth0"),
                                 false,
                                 {},
                                 false,
                                 {},
                                 {}};
    g.fstab << FstabEntry{
        QStringLiteral("UUID=abc"), QStringLiteral("/"), QStringLiteral("ext4"), 1, {}};
    g.cloudInit = true;
    g.cloudInitEvidence = QStringLiteral("/etc/cloud/cloud.cfg");
    g.bootConfigFiles << QStringLiteral("/boot/grub2/grub.cfg");
    BootCommandLine boot;
    boot.source = g.bootConfigFiles.front();
    boot.line = 70;
    boot.kind = QStringLiteral("grub.cfg");
    boot.root = QStringLiteral("UUID=abc");
    boot.isDefault = true;
    g.bootCommandLines << boot;
    g.system.read = true;
    g.system.growpartPath = QStringLiteral("/usr/bin/growpart");
    return f;
}

ImageFacts windowsFacts()
{
    ImageFacts f = linuxFacts();
    f.layout.partitions[0].filesystem = QStringLiteral("ntfs");
    GuestFacts g;
    g.searched = true;
    g.family = QStringLiteral("windows");
    g.distro = QStringLiteral("windows");
    g.distroName = g.prettyName = QStringLiteral("Windows Server 2012 R2 Standard");
    g.architecture = QStringLiteral("x86_64");
    g.rootPartition = 1;
    g.rootFilesystem = QStringLiteral("ntfs");
    g.windows.productName = g.distroName;
    g.windows.drivers << WindowsDriver{QStringLiteral("viostor"),
                                       QStringLiteral("Windows/System32/drivers/viostor.sys"), true,
                                       0}
                      << WindowsDriver{QStringLiteral("netkvm"),
                                       QStringLiteral("Windows/System32/drivers/netkvm.sys"), true,
                                       3};
    g.windows.ipv6Known = true;
    g.windows.ipv6DisabledComponents = 0xFF;
    g.windows.networkAdapters = 1;
    f.guest = g;
    return f;
}

Verdict verdictOf(const Report& report, const QString& id)
{
    for (const auto& r : report.rules)
        if (r.id == id)
            return r.verdict;
    qWarning("no rule %s", qPrintable(id));
    return Verdict::Unknown;
}

const RuleResult* ruleOf(const Report& report, const QString& id)
{
    for (const auto& r : report.rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

} // namespace

class TestGuestPolicy : public QObject {
    Q_OBJECT

private slots:
    void compliantLinux()
    {
        const Report report = Policy::builtin().evaluate(linuxFacts());
        for (const auto& r : report.rules)
            QVERIFY2(r.verdict == Verdict::Pass, qPrintable(r.id + u' ' + r.evidence));
        QVERIFY(report.compliant());
        QCOMPARE(report.form.osType, QStringLiteral("CentOS"));
        QCOMPARE(report.form.osVersion, QStringLiteral("7.9"));
        QCOMPARE(report.form.architecture, QStringLiteral("x86_64"));
        QCOMPARE(report.form.bootMode, QStringLiteral("Legacy BIOS"));
        QCOMPARE(report.form.licenseType, QStringLiteral("TencentCloud"));
        QCOMPARE(report.form.imageName, QStringLiteral("centos-7.9-x86_64"));
    }

    void eachLinuxProblem_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("evidenceHas");
        const int fail = int(Verdict::Fail), warn = int(Verdict::Warn);
        QTest::newRow("arch") << "arm64"
                              << "os.architecture" << fail << "arm64";
        QTest::newRow("distro") << "arch-linux"
                                << "os.supported" << fail << "not among";
        QTest::newRow("virtio") << "no-virtio"
                                << "drivers.virtio" << fail << "virtio_blk";
        QTest::newRow("initramfs") << "initramfs"
                                   << "drivers.virtio" << fail << "initramfs";
        QTest::newRow("two nics") << "eth1"
                                  << "network.eth0_only" << fail << "eth1";
        QTest::newRow("ens3") << "ens3"
                              << "network.eth0_only" << fail << "ens3";
        QTest::newRow("ipv6") << "ipv6"
                              << "network.no_ipv6" << fail << "IPV6INIT=yes";
        QTest::newRow("kernel") << "custom-kernel"
                                << "kernel.native" << warn << "5.10.0-custom";
        QTest::newRow("rhel") << "rhel"
                              << "licence.rhel_byol" << warn << "BYOL";
        QTest::newRow("fstab") << "fstab"
                               << "practice.fstab_devices" << warn << "/dev/sda1";
        QTest::newRow("cloud-init") << "no-cloud-init"
                                    << "practice.cloud_init" << warn << "cloud-init";
        QTest::newRow("data disk") << "no-os"
                                   << "os.detected" << fail << "data disk";
        QTest::newRow("lvm") << "lvm"
                             << "os.detected" << fail << "LVM";
    }

    void eachLinuxProblem()
    {
        QFETCH(QString, change);
        QFETCH(QString, rule);
        QFETCH(int, verdict);
        QFETCH(QString, evidenceHas);
        ImageFacts f = linuxFacts();
        GuestFacts& g = f.guest;
        if (change == QLatin1String("arm64"))
            g.architecture = QStringLiteral("arm64");
        else if (change == QLatin1String("arch-linux"))
            g.distro = QStringLiteral("arch");
        else if (change == QLatin1String("no-virtio"))
            g.kernels[0].virtioModules = {QStringLiteral("virtio_net"),
                                          QStringLiteral("virtio_pci")};
        else if (change == QLatin1String("initramfs"))
            g.kernels[0].initramfsHasVirtioBlk = false;
        else if (change == QLatin1String("eth1"))
            g.interfaces << NetInterface{
                QStringLiteral("eth1"), QStringLiteral("ifcfg-eth1"), false, {}, false, {}, {}};
        else if (change == QLatin1String("ens3"))
            g.interfaces[0].name = QStringLiteral("ens3");
        else if (change == QLatin1String("ipv6"))
            g.interfaces[0].ipv6 = true,
            g.interfaces[0].ipv6Evidence = QStringLiteral("IPV6INIT=yes");
        else if (change == QLatin1String("custom-kernel"))
            g.kernels[0].version = QStringLiteral("5.10.0-custom"), g.kernels[0].native = false;
        else if (change == QLatin1String("rhel"))
            g.distro = QStringLiteral("rhel");
        else if (change == QLatin1String("fstab"))
            g.fstab << FstabEntry{QStringLiteral("/dev/sda1"),
                                  QStringLiteral("/boot"),
                                  QStringLiteral("ext4"),
                                  2,
                                  {}};
        else if (change == QLatin1String("no-cloud-init"))
            g.cloudInit = false;
        else if (change == QLatin1String("no-os"))
            g = GuestFacts{}, g.searched = true;
        else if (change == QLatin1String("lvm"))
            g = GuestFacts{}, g.searched = true, g.lvmRoot = true,
            g.obstacle = QStringLiteral("partition 2 is an LVM physical volume");
        const Report report = Policy::builtin().evaluate(f);
        const RuleResult* r = ruleOf(report, rule);
        QVERIFY(r);
        QCOMPARE(int(r->verdict), verdict);
        QVERIFY2(r->evidence.contains(evidenceHas), qPrintable(r->evidence));
        QVERIFY(!r->fix.isEmpty());
        QCOMPARE(report.compliant(), verdict != int(Verdict::Fail));
        if (change == QLatin1String("rhel"))
            QCOMPARE(report.form.licenseType, QStringLiteral("BYOL"));
        if (change == QLatin1String("no-os")) {
            // With no OS, the OS-dependent rules are unknown, not failed twice.
            QCOMPARE(verdictOf(report, QStringLiteral("drivers.virtio")), Verdict::Unknown);
            QVERIFY(!report.form.notes.isEmpty());
            QCOMPARE(report.form.imageName, QStringLiteral("web-server"));
        }
    }

    void windows()
    {
        ImageFacts f = windowsFacts();
        Report report = Policy::builtin().evaluate(f);
        QCOMPARE(verdictOf(report, QStringLiteral("os.supported")), Verdict::Pass);
        QCOMPARE(verdictOf(report, QStringLiteral("drivers.virtio")), Verdict::Pass);
        QCOMPARE(verdictOf(report, QStringLiteral("network.no_ipv6")), Verdict::Pass);
        QCOMPARE(verdictOf(report, QStringLiteral("licence.windows_activation")), Verdict::Warn);
        QCOMPARE(verdictOf(report, QStringLiteral("kernel.native")), Verdict::Pass); // n/a
        QVERIFY(report.compliant());
        QCOMPARE(report.form.osType, QStringLiteral("Windows Server 2012"));
        QCOMPARE(report.form.osVersion, QStringLiteral("-"));
        QCOMPARE(report.form.imageName, QStringLiteral("Windows-Server-2012-R2-Standard"));

        f.guest.windows.productName = QStringLiteral("Windows Server 2012 R2 Datacenter");
        f.guest.windows.drivers.removeFirst();
        f.guest.windows.ipv6DisabledComponents = 0;
        f.guest.architecture = QStringLiteral("i386");
        report = Policy::builtin().evaluate(f);
        QCOMPARE(verdictOf(report, QStringLiteral("os.supported")), Verdict::Fail);
        QCOMPARE(verdictOf(report, QStringLiteral("drivers.virtio")), Verdict::Fail);
        QVERIFY(ruleOf(report, QStringLiteral("drivers.virtio"))
                    ->fix.contains(QStringLiteral("InstallQCloud.exe")));
        QCOMPARE(verdictOf(report, QStringLiteral("network.no_ipv6")), Verdict::Warn);
        QCOMPARE(verdictOf(report, QStringLiteral("os.architecture")), Verdict::Fail);

        f.guest.windows.productName = QStringLiteral("Windows Server 2008 R2 Enterprise");
        report = Policy::builtin().evaluate(f);
        QCOMPARE(verdictOf(report, QStringLiteral("os.supported")), Verdict::Pass);
    }

    // A rule file can soften a rule without a code change.
    void severityIsData()
    {
        QFile builtin(QStringLiteral(":/policy/tencent-cvm-default.json"));
        QVERIFY(builtin.open(QIODevice::ReadOnly));
        QByteArray json = builtin.readAll();
        json.replace("\"allowed\": [\"eth0\"], \"severity\": \"fail\"",
                     "\"allowed\": [\"eth0\"], \"severity\": \"warn\"");
        Error error;
        const auto policy = Policy::fromJson(json, QStringLiteral("test"), &error);
        QVERIFY2(policy, qPrintable(error.message));
        ImageFacts f = linuxFacts();
        f.guest.interfaces[0].name = QStringLiteral("ens3");
        QCOMPARE(verdictOf(policy->evaluate(f), QStringLiteral("network.eth0_only")),
                 Verdict::Warn);
    }

    void jsonCarriesOsAndForm()
    {
        const ImageFacts f = linuxFacts();
        const Report report = Policy::builtin().evaluate(f);
        const QJsonObject json = checkResultToJson(f, report);
        const QJsonObject os = json[QStringLiteral("os")].toObject();
        QCOMPARE(os[QStringLiteral("family")].toString(), QStringLiteral("linux"));
        QCOMPARE(os[QStringLiteral("distro")].toString(), QStringLiteral("centos"));
        QCOMPARE(os[QStringLiteral("kernels")].toArray().size(), 1);
        QCOMPARE(
            json[QStringLiteral("form_suggestion")].toObject()[QStringLiteral("OsType")].toString(),
            QStringLiteral("CentOS"));
    }
};

QTEST_GUILESS_MAIN(TestGuestPolicy)
#include "tst_guestpolicy.moc"
