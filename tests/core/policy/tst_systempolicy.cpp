// The Linux network and system rules (network.dhcp, boot.selinux, practice.rtc_utc,
// drivers.storage, practice.growpart) on the disks of tests/fixtures/make-system-disks.sh, through
// the whole inspection and the default rule file; and the repair steps written for hostile guest
// values, which must stay inert in the script.
#include "TestSupport.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "repair/FixScript.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;
using namespace cvmi::policy;

namespace {

QString systemDisk(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/system/") + name + QStringLiteral(".raw");
}

Verdict verdictOf(const Report& report, const QString& id, QString* evidence)
{
    for (const RuleResult& r : report.rules) {
        if (r.id == id) {
            *evidence = r.evidence;
            return r.verdict;
        }
    }
    *evidence = QStringLiteral("no such rule");
    return Verdict::Unknown;
}

} // namespace

class TestSystemPolicy : public QObject {
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
    void rulesInDefaultPolicy();
    void hostileNamesStayInert();
};

void TestSystemPolicy::rules_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("evidence"); // a part of the evidence
    const auto row = [](const char* fixture, const char* rule, Verdict v, const char* evidence) {
        QTest::addRow("%s %s", fixture, rule)
            << QString::fromLatin1(fixture) << QString::fromLatin1(rule) << v
            << QString::fromLatin1(evidence);
    };
    for (const char* ok : {"centos7-ok", "debian-ok"}) {
        row(ok, "network.dhcp", Verdict::Pass, "by DHCP");
        row(ok, "practice.rtc_utc", Verdict::Pass, "UTC");
        row(ok, "drivers.storage", Verdict::Pass, "virtio_scsi (module), nvme (module)");
        row(ok, "practice.growpart", Verdict::Pass, "/usr/bin/growpart");
    }
    row("centos7-ok", "boot.selinux", Verdict::Pass, "enforcing with its targeted policy");
    row("debian-ok", "boot.selinux", Verdict::Pass, "not configured");
    row("centos7-ok", "practice.growpart", Verdict::Pass, "cloud_init_modules: growpart");
    row("centos7-static", "network.dhcp", Verdict::Fail,
        "/etc/sysconfig/network-scripts/ifcfg-eth0: BOOTPROTO=none, IPADDR=192.168.1.10");
    row("centos7-nm-static", "network.dhcp", Verdict::Fail,
        "/etc/NetworkManager/system-connections/eth0.nmconnection: [ipv4] method=manual");
    row("debian-static", "network.dhcp", Verdict::Fail,
        "/etc/network/interfaces: iface eth0 inet static");
    row("debian-networkd-static", "network.dhcp", Verdict::Fail,
        "/etc/systemd/network/10-eth0.network: Address=192.168.1.50/24");
    row("debian-netplan-static", "network.dhcp", Verdict::Fail,
        "/etc/netplan/00-installer-config.yaml: addresses: 192.168.1.30/24");
    row("centos7-selinux-nopolicy", "boot.selinux", Verdict::Fail,
        "/etc/selinux/targeted/policy is missing");
    row("centos7-autorelabel", "boot.selinux", Verdict::Warn, "/.autorelabel is pending");
    row("centos7-rtc-local", "practice.rtc_utc", Verdict::Warn, "/etc/adjtime: LOCAL");
    row("centos7-noscsi", "drivers.storage", Verdict::Warn,
        "virtio_scsi, nvme as modules, but its initramfs");
    row("debian-noscsi", "drivers.storage", Verdict::Warn, "/boot/initrd.img-6.1.0-13-amd64");
    row("centos7-novirtio", "drivers.storage", Verdict::Warn, "does not contain them");
    row("centos7-nogrowpart", "practice.growpart", Verdict::Warn, "Neither growpart");
}

void TestSystemPolicy::rules()
{
    QFETCH(QString, fixture);
    QFETCH(QString, rule);
    QFETCH(Verdict, verdict);
    QFETCH(QString, evidence);
    const ImageFacts facts = inspectImage(systemDisk(fixture));
    QCOMPARE(facts.guest.family, QStringLiteral("linux"));
    const Report report = Policy::builtin().evaluate(facts);
    QString found;
    const Verdict v = verdictOf(report, rule, &found);
    QVERIFY2(v == verdict, qPrintable(found));
    QVERIFY2(found.contains(evidence), qPrintable(found));
}

void TestSystemPolicy::rulesInDefaultPolicy()
{
    // The new rules sit where the rule file puts them: DHCP after IPv6, SELinux before the
    // virtio drivers, the storage drivers after them.
    QStringList ids;
    for (const RuleResult& r : Policy::builtin().evaluate(ImageFacts{}).rules)
        ids << r.id;
    QCOMPARE(ids.indexOf(QStringLiteral("network.dhcp")),
             ids.indexOf(QStringLiteral("network.no_ipv6")) + 1);
    QCOMPARE(ids.indexOf(QStringLiteral("boot.selinux")) + 1,
             ids.indexOf(QStringLiteral("drivers.virtio")));
    QCOMPARE(ids.indexOf(QStringLiteral("drivers.storage")),
             ids.indexOf(QStringLiteral("drivers.virtio")) + 1);
    QVERIFY(ids.contains(QStringLiteral("practice.rtc_utc")));
    QVERIFY(ids.contains(QStringLiteral("practice.growpart")));
}

void TestSystemPolicy::hostileNamesStayInert()
{
    // A guest whose interface and file names try to break out of the script: the steps either
    // quote them or leave the change to the user; running the script in a dry run creates nothing.
    const QString evil = QStringLiteral("x'$(touch /tmp/cvmi-pwned)`id`\"\nrm -rf /");
    ImageFacts facts = inspectImage(systemDisk(QStringLiteral("centos7-static")));
    QVERIFY(!facts.guest.interfaces.isEmpty() && !facts.guest.kernels.isEmpty());
    auto& iface = facts.guest.interfaces.first();
    iface.staticSource = QStringLiteral("/etc/sysconfig/network-scripts/ifcfg-") + evil;
    facts.guest.kernels.first().initramfsPath = QStringLiteral("/boot/") + evil;
    facts.guest.kernels.first().version = evil;
    facts.guest.kernels.first().initramfsStorage.clear();
    Report report = Policy::builtin().evaluate(facts);
    const repair::FixScript script = repair::buildFixScript(facts, report, QStringLiteral("test"));
    QVERIFY(script.fixedRules.contains(QStringLiteral("network.dhcp")));
    QVERIFY(script.fixedRules.contains(QStringLiteral("drivers.storage")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("fix.sh")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script.text.toUtf8());
    file.close();
    QDir(dir.path()).mkpath(QStringLiteral("root/etc"));
    const QString marker = QStringLiteral("/tmp/cvmi-pwned");
    QFile::remove(marker);
    QProcess sh;
    sh.start(QStringLiteral("sh"),
             {file.fileName(), QStringLiteral("--dry-run"), QStringLiteral("--root"),
              dir.filePath(QStringLiteral("root"))});
    QVERIFY(sh.waitForFinished(30000));
    QVERIFY2(!QFile::exists(marker), "a guest value was run as code");
    const QString out = QString::fromUtf8(sh.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("would change")) || out.contains(QStringLiteral("NOTE")),
             qPrintable(out));
    QVERIFY(QDir(dir.filePath(QStringLiteral("root/etc"))).isEmpty());
    // shellcheck, when the host has it, finds nothing either (but the notes that the quoted $(...)
    // does not expand, SC2016: exactly what the quoting is for).
    QProcess check;
    check.start(QStringLiteral("shellcheck"),
                {QStringLiteral("-s"), QStringLiteral("sh"), QStringLiteral("-S"),
                 QStringLiteral("warning"), file.fileName()});
    if (check.waitForStarted(5000)) {
        QVERIFY(check.waitForFinished(30000));
        const QByteArray problems = check.readAllStandardOutput();
        QVERIFY2(check.exitCode() == 0, problems.constData());
    }
}

QTEST_GUILESS_MAIN(TestSystemPolicy)
#include "tst_systempolicy.moc"
