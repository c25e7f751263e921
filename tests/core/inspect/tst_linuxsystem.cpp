// The readers of the Linux network and system rules (issue 17): a static IPv4 address in each
// network configuration format, /etc/selinux/config, /etc/adjtime and cloud-init's growpart module,
// from files written the way the distributions write them.
#include "inspect/LinuxNetwork.h"
#include "inspect/LinuxSystem.h"
#include "inspect/MemoryGuestFs.h"

#include <QTest>

using namespace cvmi::inspect;

class TestLinuxSystem : public QObject {
    Q_OBJECT
private slots:
    void ifcfgStatic_data();
    void ifcfgStatic();
    void ifupdownStatic();
    void netplanStatic_data();
    void netplanStatic();
    void nmKeyfileStatic();
    void networkdStatic_data();
    void networkdStatic();
    void readerNamesTheStaticFile();
    void selinuxConfig();
    void adjtime();
    void cloudCfgGrowpart_data();
    void cloudCfgGrowpart();
    void systemFromGuest();
};

void TestLinuxSystem::ifcfgStatic_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("suse");
    QTest::addColumn<QString>("evidence"); // empty: not static
    QTest::newRow("anaconda none")
        << QByteArray("BOOTPROTO=none\nDEVICE=eth0\nIPADDR=192.168.1.10\n"
                      "PREFIX=24\nGATEWAY=192.168.1.1\n")
        << false << QStringLiteral("BOOTPROTO=none, IPADDR=192.168.1.10");
    QTest::newRow("static quoted")
        << QByteArray("BOOTPROTO=\"static\"\nIPADDR0=\"10.0.0.5\"\n") << false
        << QStringLiteral("BOOTPROTO=\"static\", IPADDR0=\"10.0.0.5\"");
    QTest::newRow("no BOOTPROTO") << QByteArray("DEVICE=eth0\nIPADDR=10.0.0.5\n") << false
                                  << QStringLiteral("IPADDR=10.0.0.5");
    QTest::newRow("dhcp") << QByteArray("BOOTPROTO=dhcp\nDEVICE=eth0\n") << false << QString();
    QTest::newRow("dhcp with a stale IPADDR")
        << QByteArray("BOOTPROTO=dhcp\nIPADDR=10.0.0.5\n") << false << QString();
    QTest::newRow("none without address") << QByteArray("BOOTPROTO=none\n") << false << QString();
    QTest::newRow("suse static") << QByteArray("BOOTPROTO='static'\nSTARTMODE='auto'\n"
                                               "IPADDR='10.0.0.5/24'\n")
                                 << true
                                 << QStringLiteral("BOOTPROTO='static', IPADDR='10.0.0.5/24'");
    QTest::newRow("suse static IPv6 only")
        << QByteArray("BOOTPROTO='static'\nIPADDR='2001:db8::5/64'\n") << true << QString();
    QTest::newRow("suse dhcp4") << QByteArray("BOOTPROTO='dhcp4'\n") << true << QString();
}

void TestLinuxSystem::ifcfgStatic()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, suse);
    QFETCH(QString, evidence);
    const auto iface = parseIfcfg(text, QStringLiteral("ifcfg-eth0"),
                                  suse ? IfcfgFlavor::Suse : IfcfgFlavor::RedHat);
    QVERIFY(iface);
    QCOMPARE(iface->staticIpv4, !evidence.isEmpty());
    QCOMPARE(iface->staticEvidence, evidence);
}

void TestLinuxSystem::ifupdownStatic()
{
    const IfupdownConfig config = parseIfupdown("auto lo\niface lo inet loopback\n\n"
                                                "allow-hotplug eth0\niface eth0 inet static\n"
                                                "\taddress 192.168.1.20/24\n\tgateway 192.168.1.1\n"
                                                "iface eth0 inet6 auto\n"
                                                "iface eth1 inet dhcp\n");
    QCOMPARE(config.stanzas.size(), 4);
    QVERIFY(!config.stanzas[0].staticIpv4);
    QVERIFY(config.stanzas[1].staticIpv4);
    QCOMPARE(config.stanzas[1].staticEvidence, QStringLiteral("iface eth0 inet static"));
    QVERIFY(!config.stanzas[2].staticIpv4); // inet6: not IPv4
    QVERIFY(!config.stanzas[3].staticIpv4);
}

void TestLinuxSystem::netplanStatic_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("subiquity static")
        << QByteArray("network:\n  ethernets:\n    ens3:\n      addresses:\n      - "
                      "192.168.1.30/24\n      routes:\n      - to: default\n        via: "
                      "192.168.1.1\n  version: 2\n")
        << QStringLiteral("addresses: 192.168.1.30/24");
    QTest::newRow("address with lifetime")
        << QByteArray("network:\n  ethernets:\n    eth0:\n      addresses:\n        - "
                      "10.1.2.3/24:\n            lifetime: 0\n")
        << QStringLiteral("addresses: 10.1.2.3/24");
    QTest::newRow("dhcp4 and an address")
        << QByteArray("network:\n  ethernets:\n    eth0:\n      dhcp4: true\n      addresses: "
                      "[10.0.0.9/24]\n")
        << QString();
    QTest::newRow("IPv6 only") << QByteArray("network:\n  ethernets:\n    eth0:\n      addresses: "
                                             "['2001:db8::1/64']\n")
                               << QString();
    QTest::newRow("cloud-init dhcp")
        << QByteArray("network:\n  version: 2\n  ethernets:\n    ens3:\n      dhcp4: true\n")
        << QString();
}

void TestLinuxSystem::netplanStatic()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, evidence);
    QString error;
    const QList<NetInterface> found = parseNetplan(yaml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().staticIpv4, !evidence.isEmpty());
    QCOMPARE(found.first().staticEvidence, evidence);
}

void TestLinuxSystem::nmKeyfileStatic()
{
    const QByteArray manual("[connection]\nid=eth0\ntype=ethernet\ninterface-name=eth0\n\n"
                            "[ipv4]\naddress1=192.168.1.40/24,192.168.1.1\nmethod=manual\n\n"
                            "[ipv6]\nmethod=disabled\n");
    auto iface = parseNmKeyfile(manual, QStringLiteral("eth0.nmconnection"));
    QVERIFY(iface);
    QVERIFY(iface->staticIpv4);
    QCOMPARE(iface->staticEvidence, QStringLiteral("[ipv4] method=manual"));
    QVERIFY(!iface->ipv6);
    // method=manual under [ipv6] is not an IPv4 address; method=auto is DHCP.
    iface = parseNmKeyfile("[connection]\nid=eth0\n[ipv4]\nmethod=auto\n[ipv6]\nmethod=manual\n",
                           QStringLiteral("eth0"));
    QVERIFY(iface);
    QVERIFY(!iface->staticIpv4);
}

void TestLinuxSystem::networkdStatic_data()
{
    QTest::addColumn<QByteArray>("unit");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("Address in [Network]")
        << QByteArray("[Match]\nName=eth0\n\n[Network]\nAddress=192.168.1.50/24\n"
                      "Gateway=192.168.1.1\n")
        << QStringLiteral("Address=192.168.1.50/24");
    QTest::newRow("[Address] section")
        << QByteArray("[Match]\nName=eth0\n[Address]\nAddress=10.0.0.2/8\n")
        << QStringLiteral("Address=10.0.0.2/8");
    QTest::newRow("DHCP=ipv4 after the address")
        << QByteArray("[Match]\nName=eth0\n[Network]\nAddress=10.0.0.2/8\nDHCP=ipv4\n")
        << QString();
    QTest::newRow("DHCP=yes") << QByteArray("[Match]\nName=eth0\n[Network]\nDHCP=yes\n")
                              << QString();
    QTest::newRow("DHCP=ipv6 keeps the IPv4 static")
        << QByteArray("[Match]\nName=eth0\n[Network]\nDHCP=ipv6\nAddress=10.0.0.2/8\n")
        << QStringLiteral("Address=10.0.0.2/8");
}

void TestLinuxSystem::networkdStatic()
{
    QFETCH(QByteArray, unit);
    QFETCH(QString, evidence);
    const QList<NetInterface> found = parseNetworkdUnit(unit);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().staticIpv4, !evidence.isEmpty());
    QCOMPARE(found.first().staticEvidence, evidence);
}

void TestLinuxSystem::readerNamesTheStaticFile()
{
    // The interface is first configured by DHCP in ifcfg, then given an address by networkd:
    // the static evidence names the networkd file, the source stays the first file.
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/sysconfig/network-scripts/ifcfg-eth0"),
               "DEVICE=eth0\nBOOTPROTO=dhcp\n");
    fs.addFile(QStringLiteral("/etc/systemd/network/10-eth0.network"),
               "[Match]\nName=eth0\n[Network]\nAddress=10.0.0.7/24\n");
    GuestFacts facts;
    inspectLinuxNetwork(fs, &facts);
    QCOMPARE(facts.interfaces.size(), 1);
    const NetInterface& eth0 = facts.interfaces.first();
    QCOMPARE(eth0.source, QStringLiteral("/etc/sysconfig/network-scripts/ifcfg-eth0"));
    QVERIFY(eth0.staticIpv4);
    QCOMPARE(eth0.staticSource, QStringLiteral("/etc/systemd/network/10-eth0.network"));
    QCOMPARE(eth0.staticEvidence, QStringLiteral("Address=10.0.0.7/24"));
}

void TestLinuxSystem::selinuxConfig()
{
    SelinuxConfig c = parseSelinuxConfig("# SELINUX= can take one of these three values:\n"
                                         "SELINUX=enforcing\n# SELINUXTYPE=mls\n"
                                         "SELINUXTYPE=targeted\n");
    QCOMPARE(c.mode, QStringLiteral("enforcing"));
    QCOMPARE(c.modeLine, QStringLiteral("SELINUX=enforcing"));
    QCOMPARE(c.type, QStringLiteral("targeted"));
    c = parseSelinuxConfig("SELINUX=enforcing\nSELINUX=\"Permissive\"\n");
    QCOMPARE(c.mode, QStringLiteral("permissive")); // the last assignment wins, any case
    QVERIFY(c.type.isEmpty());
    QVERIFY(parseSelinuxConfig("").mode.isEmpty());
}

void TestLinuxSystem::adjtime()
{
    Adjtime a = parseAdjtime("0.000000 1700000000 0.000000\n1700000000\nLOCAL\n");
    QVERIFY(a.local);
    QCOMPARE(a.line, QStringLiteral("LOCAL"));
    a = parseAdjtime("0.0 0 0.0\n0\nUTC\n");
    QVERIFY(!a.local);
    QCOMPARE(a.line, QStringLiteral("UTC"));
    a = parseAdjtime("0.0 0 0.0\n0\n"); // no third line: UTC, as hwclock reads it
    QVERIFY(!a.local);
    QVERIFY(a.line.isEmpty());
    QVERIFY(!parseAdjtime("LOCAL\n").local); // only the third line counts
}

void TestLinuxSystem::cloudCfgGrowpart_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("line");
    QTest::newRow("centos 7") << QByteArray("cloud_init_modules:\n - migrator\n - growpart\n"
                                            " - resizefs\n")
                              << QStringLiteral("cloud_init_modules: growpart");
    QTest::newRow("ubuntu config list")
        << QByteArray("cloud_config_modules:\n  - [growpart, always]\n")
        << QStringLiteral("cloud_config_modules: growpart");
    QTest::newRow("map entry") << QByteArray("cloud_init_modules:\n  - name: cc_growpart\n")
                               << QStringLiteral("cloud_init_modules: growpart");
    QTest::newRow("final modules only")
        << QByteArray("cloud_final_modules:\n - growpart\n") << QString();
    QTest::newRow("no growpart") << QByteArray("cloud_init_modules:\n - resizefs\n") << QString();
    QTest::newRow("not YAML") << QByteArray("cloud_init_modules: [growpart\n") << QString();
}

void TestLinuxSystem::cloudCfgGrowpart()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, line);
    QCOMPARE(parseCloudCfgGrowpart(yaml), line);
}

void TestLinuxSystem::systemFromGuest()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/selinux/config"), "SELINUX=enforcing\nSELINUXTYPE=targeted\n");
    fs.addFile(QStringLiteral("/etc/adjtime"), "0.0 0 0.0\n0\nLOCAL\n");
    fs.addFile(QStringLiteral("/.autorelabel"), "");
    fs.addFile(QStringLiteral("/usr/bin/growpart"), "#!/bin/sh\n");
    GuestFacts facts;
    inspectLinuxSystem(fs, &facts);
    QVERIFY(facts.system.read);
    QCOMPARE(facts.system.selinuxMode, QStringLiteral("enforcing"));
    QVERIFY(!facts.system.selinuxPolicyPresent);
    QVERIFY(facts.system.autorelabel);
    QVERIFY(facts.system.rtcLocal);
    QCOMPARE(facts.system.growpartPath, QStringLiteral("/usr/bin/growpart"));
    QVERIFY(!facts.system.cloudInitGrowpart);

    fs.addDirectory(QStringLiteral("/etc/selinux/targeted/policy"));
    inspectLinuxSystem(fs, &facts);
    QVERIFY(facts.system.selinuxPolicyPresent);

    // A type that climbs out of /etc/selinux names no policy of its own.
    MemoryGuestFs hostile;
    hostile.addFile(QStringLiteral("/etc/selinux/config"),
                    "SELINUX=enforcing\nSELINUXTYPE=../..\n");
    hostile.addDirectory(QStringLiteral("/policy"));
    GuestFacts h;
    inspectLinuxSystem(hostile, &h);
    QVERIFY(!h.system.selinuxPolicyPresent);
}

QTEST_GUILESS_MAIN(TestLinuxSystem)
#include "tst_linuxsystem.moc"
