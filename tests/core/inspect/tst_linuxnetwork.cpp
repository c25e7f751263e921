// Network configuration, /etc/fstab and cloud-init of Linux guests, read from files written the
// way each distribution writes them, held in a MemoryGuestFs.
#include "inspect/LinuxFstab.h"
#include "inspect/LinuxNetwork.h"
#include "inspect/MemoryGuestFs.h"

#include <QTest>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {

GuestFacts readNetwork(MemoryGuestFs& fs)
{
    GuestFacts facts;
    inspectLinuxNetwork(fs, &facts);
    return facts;
}

const NetInterface* find(const GuestFacts& facts, const QString& name)
{
    for (const NetInterface& i : facts.interfaces)
        if (i.name == name)
            return &i;
    return nullptr;
}

QStringList names(const GuestFacts& facts)
{
    QStringList out;
    for (const NetInterface& i : facts.interfaces)
        out << i.name;
    return out;
}

const QString kIfcfgDir = QStringLiteral("/etc/sysconfig/network-scripts");

} // namespace

class TestLinuxNetwork : public QObject {
    Q_OBJECT
private slots:
    void centos7Ipv6Off();
    void centosTwoNicsAndIpv6();
    void redhatGlobalIpv6Default();
    void ubuntuNetplan();
    void netplanKindsAndAddresses();
    void brokenNetplan();
    void netplanOddDocuments();
    void debianIfupdownSourceDirectory();
    void ifupdownSourceGlobAndLoops();
    void symlinkedInterfaces();
    void opensuseIfcfg();
    void wickedXml();
    void networkManagerKeyfiles();
    void systemdNetworkd();
    void sysctlTurnsIpv6Off();
    void sysctlLastSettingWins();
    void grubCommandLine();
    void mergeKeepsFirstSourceAndAnyIpv6();
    void nothingConfigured();
    void fstabEntries();
    void fstabFromGuest();
    void cloudInitPresentAndAbsent();
};

void TestLinuxNetwork::centos7Ipv6Off()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/sysconfig/network"), "# Created by anaconda\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth0"),
               "TYPE=\"Ethernet\"\nBOOTPROTO=\"dhcp\"\nDEFROUTE=\"yes\"\nPEERDNS=\"yes\"\n"
               "PEERROUTES=\"yes\"\nIPV4_FAILURE_FATAL=\"no\"\nIPV6INIT=\"no\"\n"
               "NAME=\"eth0\"\nUUID=\"5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03\"\n"
               "DEVICE=\"eth0\"\nONBOOT=\"yes\"\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-lo"),
               "DEVICE=lo\nIPADDR=127.0.0.1\nNETMASK=255.0.0.0\nONBOOT=yes\nNAME=loopback\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifup-eth"), "#!/bin/bash\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), QStringList{QStringLiteral("eth0")});
    QCOMPARE(facts.interfaces[0].source, kIfcfgDir + QStringLiteral("/ifcfg-eth0"));
    QVERIFY(!facts.interfaces[0].ipv6);
    QVERIFY(facts.interfaces[0].ipv6Evidence.isEmpty());
    QVERIFY(!facts.ipv6Disabled);
    QVERIFY(facts.networkConfigErrors.isEmpty());
}

void TestLinuxNetwork::centosTwoNicsAndIpv6()
{
    MemoryGuestFs fs;
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth0"),
               "DEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=yes\nIPV6INIT=no\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth1"),
               "DEVICE=eth1\nBOOTPROTO=dhcp\nONBOOT=yes\nIPV6INIT=yes\nDHCPV6C=yes\n");
    // An alias is an address on eth0, a backup is ignored, and ONBOOT=no is not started at boot.
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth0:1"),
               "DEVICE=eth0:1\nIPADDR=10.0.0.9\nONBOOT=yes\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth3.bak"), "DEVICE=eth3\nONBOOT=yes\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth2"), "DEVICE=eth2\nONBOOT=no\n");
    // The name comes from DEVICE=, not from the file name.
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-System_ens5"),
               "NAME=\"System ens5\"\nDEVICE=ens5\nONBOOT=yes\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts),
             (QStringList{QStringLiteral("ens5"), QStringLiteral("eth0"), QStringLiteral("eth1")}));
    QVERIFY(!find(facts, QStringLiteral("eth0"))->ipv6);
    const NetInterface* eth1 = find(facts, QStringLiteral("eth1"));
    QVERIFY(eth1->ipv6);
    QCOMPARE(eth1->ipv6Evidence, QStringLiteral("IPV6INIT=yes, DHCPV6C=yes"));
    QCOMPARE(eth1->source, kIfcfgDir + QStringLiteral("/ifcfg-eth1"));

    const auto parsed =
        parseIfcfg("IPV6INIT=yes\n", QStringLiteral("ifcfg-eth7"), IfcfgFlavor::RedHat);
    QVERIFY(parsed);
    QCOMPARE(parsed->name, QStringLiteral("eth7")); // no DEVICE=: the file's name
}

void TestLinuxNetwork::redhatGlobalIpv6Default()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/sysconfig/network"), "NETWORKING=yes\nNETWORKING_IPV6=yes\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth0"), "DEVICE=eth0\nONBOOT=yes\n");
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth1"), "DEVICE=eth1\nIPV6INIT=no\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(facts.interfaces.size(), 2);
    QVERIFY(find(facts, QStringLiteral("eth0"))->ipv6);
    QCOMPARE(find(facts, QStringLiteral("eth0"))->ipv6Evidence,
             QStringLiteral("/etc/sysconfig/network: NETWORKING_IPV6=yes"));
    QVERIFY(!find(facts, QStringLiteral("eth1"))->ipv6); // its own IPV6INIT=no wins
}

void TestLinuxNetwork::ubuntuNetplan()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/netplan/50-cloud-init.yaml"),
               "# This file is generated from information provided by the datasource.  Changes\n"
               "# to it will not persist across an instance reboot.  To disable cloud-init's\n"
               "# network configuration capabilities, write a file\n"
               "# /etc/cloud/cloud.cfg.d/99-disable-network-config.cfg with the following:\n"
               "# network: {config: disabled}\n"
               "network:\n"
               "    ethernets:\n"
               "        ens3:\n"
               "            dhcp4: true\n"
               "            dhcp6: true\n"
               "            match:\n"
               "                macaddress: 52:54:00:12:34:56\n"
               "            set-name: ens3\n"
               "    version: 2\n");
    fs.addFile(QStringLiteral("/etc/netplan/50-cloud-init.yaml.dpkg-old"), "not: [read\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), QStringList{QStringLiteral("ens3")});
    QCOMPARE(facts.interfaces[0].source, QStringLiteral("/etc/netplan/50-cloud-init.yaml"));
    QVERIFY(facts.interfaces[0].ipv6);
    QCOMPARE(facts.interfaces[0].ipv6Evidence, QStringLiteral("dhcp6: true"));
    QVERIFY(facts.networkConfigErrors.isEmpty());
}

void TestLinuxNetwork::netplanKindsAndAddresses()
{
    QString error;
    const QList<NetInterface> found = parseNetplan("network:\n"
                                                   "  version: 2\n"
                                                   "  renderer: networkd\n"
                                                   "  ethernets:\n"
                                                   "    nic0:\n"
                                                   "      match:\n"
                                                   "        name: enp*\n"
                                                   "      dhcp4: yes\n"
                                                   "      dhcp6: no\n"
                                                   "    eth1:\n"
                                                   "      addresses:\n"
                                                   "        - 10.0.0.5/24\n"
                                                   "        - \"2001:db8::5/64\":\n"
                                                   "            lifetime: 0\n"
                                                   "    eth2:\n"
                                                   "      accept-ra: true\n"
                                                   "    eth3:\n"
                                                   "      routes:\n"
                                                   "        - to: default\n"
                                                   "          via: \"2001:db8::1\"\n"
                                                   "  bonds:\n"
                                                   "    bond0:\n"
                                                   "      interfaces: [nic0, eth1]\n"
                                                   "      addresses: [192.168.1.2/24]\n"
                                                   "  vlans:\n"
                                                   "    vlan10:\n"
                                                   "      id: 10\n"
                                                   "      link: bond0\n"
                                                   "      gateway6: fe80::1\n",
                                                   &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(found.size(), 6);
    QCOMPARE(found[0].name, QStringLiteral("enp*")); // match: name without set-name
    QVERIFY(!found[0].ipv6);
    QCOMPARE(found[1].ipv6Evidence, QStringLiteral("addresses: 2001:db8::5/64"));
    QCOMPARE(found[2].ipv6Evidence, QStringLiteral("accept-ra: true"));
    QCOMPARE(found[3].ipv6Evidence, QStringLiteral("routes: via: 2001:db8::1"));
    QCOMPARE(found[4].name, QStringLiteral("bond0"));
    QVERIFY(!found[4].ipv6);
    QCOMPARE(found[5].name, QStringLiteral("vlan10"));
    QCOMPARE(found[5].ipv6Evidence, QStringLiteral("gateway6: fe80::1"));
}

void TestLinuxNetwork::brokenNetplan()
{
    MemoryGuestFs fs;
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth0"), "DEVICE=eth0\nONBOOT=yes\n");
    // A tab in the indentation and an unclosed flow sequence: both are invalid YAML.
    fs.addFile(QStringLiteral("/etc/netplan/01-netcfg.yaml"),
               "network:\n  ethernets:\n\teth1:\n      dhcp4: true\n");
    fs.addFile(QStringLiteral("/etc/netplan/02-more.yaml"), "network:\n  ethernets: [eth2\n");
    fs.addFile(QStringLiteral("/etc/netplan/60-ok.yaml"),
               "network:\n  ethernets:\n    eth0:\n      dhcp6: true\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), QStringList{QStringLiteral("eth0")});
    QVERIFY(facts.interfaces[0].ipv6); // the readable netplan file still counts
    QCOMPARE(facts.networkConfigErrors.size(), 2);
    QCOMPARE(facts.networkConfigErrors[0].path, QStringLiteral("/etc/netplan/01-netcfg.yaml"));
    QVERIFY(facts.networkConfigErrors[0].value.contains(QStringLiteral("line")));
    QCOMPARE(facts.networkConfigErrors[1].path, QStringLiteral("/etc/netplan/02-more.yaml"));
}

void TestLinuxNetwork::netplanOddDocuments()
{
    QString error;
    QVERIFY(parseNetplan("", &error).isEmpty());
    QVERIFY(error.isEmpty()); // an empty file is valid and configures nothing
    QVERIFY(parseNetplan("# only a comment\n", &error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(parseNetplan("network:\n", &error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(parseNetplan("just a string\n", &error).isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(parseNetplan("network: 3\n", &error).isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(parseNetplan("network: {ethernets: {\n", nullptr).isEmpty());
    // Wrong shapes everywhere: a list of ethernets, a scalar device, complex keys, aliases.
    const auto odd = parseNetplan("network:\n"
                                  "  ethernets: [eth0]\n"
                                  "  wifis:\n"
                                  "    wlan0: scalar\n"
                                  "    ? [a, b]\n"
                                  "    : {dhcp6: true}\n"
                                  "  bridges: &b\n"
                                  "    br0: {dhcp6: [1], addresses: {x: 1}, match: [1]}\n"
                                  "  vlans: *b\n",
                                  &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(odd.size(), 3);
    QCOMPARE(odd[0].name, QStringLiteral("wlan0"));
    QCOMPARE(odd[1].name, QStringLiteral("br0"));
    QVERIFY(!odd[1].ipv6);
    QCOMPARE(odd[2].name, QStringLiteral("br0"));
    // Deep nesting must not exhaust the stack.
    QVERIFY(parseNetplan(QByteArray(100000, '['), &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestLinuxNetwork::debianIfupdownSourceDirectory()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/network/interfaces"),
               "# This file describes the network interfaces available on your system\n"
               "# and how to activate them. For more information, see interfaces(5).\n"
               "\n"
               "source-directory /etc/network/interfaces.d\n"
               "\n"
               "# The loopback network interface\n"
               "auto lo\n"
               "iface lo inet loopback\n"
               "\n"
               "# The primary network interface\n"
               "allow-hotplug eth0\n"
               "iface eth0 inet dhcp\n"
               "# This is an autoconfigured IPv6 interface\n"
               "iface eth0 inet6 auto\n");
    fs.addFile(QStringLiteral("/etc/network/interfaces.d/ens4"),
               "auto ens4\niface ens4 inet static\n    address 10.1.0.2/24\n");
    // run-parts names only: a file with a dot is not read by source-directory.
    fs.addFile(QStringLiteral("/etc/network/interfaces.d/ens5.cfg"),
               "auto ens5\niface ens5 inet dhcp\n");
    // Declared but not started at boot.
    fs.addFile(QStringLiteral("/etc/network/interfaces.d/spare"), "iface ens6 inet dhcp\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), (QStringList{QStringLiteral("eth0"), QStringLiteral("ens4")}));
    const NetInterface* eth0 = find(facts, QStringLiteral("eth0"));
    QCOMPARE(eth0->source, QStringLiteral("/etc/network/interfaces"));
    QVERIFY(eth0->ipv6);
    QCOMPARE(eth0->ipv6Evidence, QStringLiteral("iface eth0 inet6 auto"));
    QCOMPARE(find(facts, QStringLiteral("ens4"))->source,
             QStringLiteral("/etc/network/interfaces.d/ens4"));
    QVERIFY(!find(facts, QStringLiteral("ens4"))->ipv6);
}

void TestLinuxNetwork::ifupdownSourceGlobAndLoops()
{
    MemoryGuestFs fs;
    // Ubuntu 16.04 cloud images; the file also sources itself and a relative path, both harmless.
    fs.addFile(QStringLiteral("/etc/network/interfaces"),
               "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*.cfg\n"
               "source interfaces\nsource extra/more\n");
    fs.addFile(QStringLiteral("/etc/network/interfaces.d/50-cloud-init.cfg"),
               "auto lo\niface lo inet loopback\n\nauto ens3\niface ens3 inet dhcp\n"
               "source /etc/network/interfaces.d/50-cloud-init.cfg\n");
    fs.addFile(QStringLiteral("/etc/network/interfaces.d/README"),
               "auto bad0\niface bad0 inet dhcp\n");
    fs.addFile(QStringLiteral("/etc/network/extra/more"),
               "auto eth0:1 \\\n  eth9\niface eth0:1 inet6 static\n  address 2001:db8::2/64\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), (QStringList{QStringLiteral("ens3"), QStringLiteral("eth0")}));
    QCOMPARE(find(facts, QStringLiteral("eth0"))->source,
             QStringLiteral("/etc/network/extra/more"));
    QCOMPARE(find(facts, QStringLiteral("eth0"))->ipv6Evidence,
             QStringLiteral("iface eth0:1 inet6 static"));

    // A glob reads what the shell would: backups too, dot files not.
    MemoryGuestFs globbed;
    globbed.addFile(QStringLiteral("/etc/network/interfaces"), "source interfaces.d/*\n");
    globbed.addFile(QStringLiteral("/etc/network/interfaces.d/eth5.bak"),
                    "auto eth5\niface eth5 inet dhcp\n");
    globbed.addFile(QStringLiteral("/etc/network/interfaces.d/.hidden"),
                    "auto eth6\niface eth6 inet dhcp\n");
    QCOMPARE(names(readNetwork(globbed)), QStringList{QStringLiteral("eth5")});

    const IfupdownConfig parsed = parseIfupdown("auto a b\nallow-hotplug c\niface a inet6 dhcp\n"
                                                "source-directory d\nmapping x\n  script y\n");
    QCOMPARE(parsed.started,
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(parsed.stanzas.size(), 1);
    QCOMPARE(parsed.sourceDirectories, QStringList{QStringLiteral("d")});
}

void TestLinuxNetwork::symlinkedInterfaces()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/usr/share/netconf/interfaces"),
               "auto eth0\niface eth0 inet dhcp\nsource-directory interfaces.d\n");
    fs.addFile(QStringLiteral("/etc/network/interfaces.d/eth1"),
               "auto eth1\niface eth1 inet dhcp\n");
    fs.addSymlink(QStringLiteral("/etc/network/interfaces"),
                  QStringLiteral("../../../../usr/share/netconf/interfaces"));
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), (QStringList{QStringLiteral("eth0"), QStringLiteral("eth1")}));
    QCOMPARE(facts.interfaces[0].source, QStringLiteral("/etc/network/interfaces"));

    MemoryGuestFs loop;
    loop.addSymlink(QStringLiteral("/etc/network/interfaces"), QStringLiteral("interfaces"));
    const GuestFacts none = readNetwork(loop);
    QVERIFY(none.interfaces.isEmpty());
    QCOMPARE(none.networkConfigErrors.size(), 1); // a loop is reported, not followed forever
}

void TestLinuxNetwork::opensuseIfcfg()
{
    MemoryGuestFs fs;
    const QString dir = QStringLiteral("/etc/sysconfig/network");
    fs.addFile(dir + QStringLiteral("/ifcfg-eth0"),
               "BOOTPROTO='dhcp'\nSTARTMODE='auto'\nDHCLIENT_SET_DEFAULT_ROUTE='yes'\n");
    fs.addFile(dir + QStringLiteral("/ifcfg-eth1"),
               "BOOTPROTO='static'\nSTARTMODE='auto'\nIPADDR='192.168.1.5/24'\n"
               "IPADDR_1='2001:db8::5/64'\n");
    fs.addFile(dir + QStringLiteral("/ifcfg-eth2"), "BOOTPROTO='dhcp4'\nSTARTMODE='hotplug'\n");
    fs.addFile(dir + QStringLiteral("/ifcfg-eth3"), "BOOTPROTO='dhcp'\nSTARTMODE='off'\n");
    fs.addFile(dir + QStringLiteral("/ifcfg-lo"),
               "IPADDR=127.0.0.1\nNETMASK=255.0.0.0\nNETWORK=127.0.0.0\nSTARTMODE=nfsroot\n");
    fs.addFile(dir + QStringLiteral("/config"), "NETCONFIG_MODULES_ORDER=\"dns-resolver\"\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts),
             (QStringList{QStringLiteral("eth0"), QStringLiteral("eth1"), QStringLiteral("eth2")}));
    QCOMPARE(find(facts, QStringLiteral("eth0"))->ipv6Evidence, QStringLiteral("BOOTPROTO='dhcp'"));
    QCOMPARE(find(facts, QStringLiteral("eth1"))->ipv6Evidence,
             QStringLiteral("IPADDR_1='2001:db8::5/64'"));
    QVERIFY(!find(facts, QStringLiteral("eth2"))->ipv6);
    QCOMPARE(find(facts, QStringLiteral("eth0"))->source, dir + QStringLiteral("/ifcfg-eth0"));
}

void TestLinuxNetwork::wickedXml()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/wicked/ifconfig/eth0.xml"),
               "<?xml version=\"1.0\"?>\n"
               "<interface>\n"
               "  <name>eth0</name>\n"
               "  <control><mode>boot</mode></control>\n"
               "  <ipv4:dhcp><enabled>true</enabled></ipv4:dhcp>\n"
               "  <ipv6:dhcp><enabled>false</enabled></ipv6:dhcp>\n"
               "</interface>\n"
               "<interface>\n"
               "  <name>eth1</name>\n"
               "  <ipv6:static><address><local>2001:db8::7/64</local></address></ipv6:static>\n"
               "</interface>\n"
               "<interface>\n"
               "  <name>eth2</name>\n"
               "  <ipv6><enabled>false</enabled></ipv6>\n"
               "  <ipv6:auto><enabled>true</enabled></ipv6:auto>\n"
               "</interface>\n"
               "<interface><name>eth3</name><control><mode>off</mode></control></interface>\n");
    fs.addFile(QStringLiteral("/etc/wicked/ifconfig/broken.xml"),
               "<interface><name>eth4</name></interface>\n<interface><name>eth5");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), (QStringList{QStringLiteral("eth4"), QStringLiteral("eth0"),
                                        QStringLiteral("eth1"), QStringLiteral("eth2")}));
    QVERIFY(!find(facts, QStringLiteral("eth0"))->ipv6);
    QCOMPARE(find(facts, QStringLiteral("eth1"))->ipv6Evidence, QStringLiteral("<ipv6:static>"));
    QVERIFY(!find(facts, QStringLiteral("eth2"))->ipv6);
    QCOMPARE(facts.networkConfigErrors.size(), 1);
    QCOMPARE(facts.networkConfigErrors[0].path, QStringLiteral("/etc/wicked/ifconfig/broken.xml"));
}

void TestLinuxNetwork::networkManagerKeyfiles()
{
    MemoryGuestFs fs;
    const QString dir = QStringLiteral("/etc/NetworkManager/system-connections");
    fs.addFile(dir + QStringLiteral("/cloud-init-eth0.nmconnection"),
               "# Generated by cloud-init. Changes will be lost.\n\n"
               "[connection]\nid=cloud-init eth0\nuuid=1dd9a779-d327-56e1-8454-c65e2556c12c\n"
               "autoconnect-priority=120\ntype=ethernet\ninterface-name=eth0\n\n"
               "[user]\norg.freedesktop.NetworkManager.origin=cloud-init\n\n"
               "[ethernet]\n\n[ipv4]\nmethod=auto\nmay-fail=false\n\n"
               "[ipv6]\naddr-gen-mode=default\nmethod=auto\n\n[proxy]\n");
    fs.addFile(dir + QStringLiteral("/Wired connection 1"),
               "[connection]\nid=Wired connection 1\ntype=ethernet\n"
               "[ipv4]\nmethod=auto\n[ipv6]\nmethod=disabled\n");
    fs.addFile(dir + QStringLiteral("/spare.nmconnection"),
               "[connection]\nid=spare\ntype=ethernet\ninterface-name=eth1\nautoconnect=false\n");
    fs.addFile(dir + QStringLiteral("/eth0.nmconnection.bak"), "[connection]\ninterface-name=x\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts),
             (QStringList{QStringLiteral("Wired connection 1"), QStringLiteral("eth0")}));
    const NetInterface* eth0 = find(facts, QStringLiteral("eth0"));
    QVERIFY(eth0->ipv6);
    QCOMPARE(eth0->ipv6Evidence, QStringLiteral("[ipv6] method=auto"));
    QCOMPARE(eth0->source, dir + QStringLiteral("/cloud-init-eth0.nmconnection"));
    QVERIFY(!find(facts, QStringLiteral("Wired connection 1"))->ipv6);

    QVERIFY(!parseNmKeyfile("[connection]\ntype=loopback\ninterface-name=lo\n",
                            QStringLiteral("lo.nmconnection")));
    QVERIFY(!parseNmKeyfile("[ipv6]\nmethod=ignore\n", QStringLiteral("x.nmconnection"))->ipv6);
}

void TestLinuxNetwork::systemdNetworkd()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/systemd/network/20-wired.network"),
               "[Match]\nName=en*\n\n[Network]\nDHCP=yes\n");
    fs.addFile(QStringLiteral("/etc/systemd/network/30-static.network"),
               "[Match]\nName=eth0 eth1 !eth2\n\n[Network]\nDHCP=ipv4\nAddress=10.0.0.2/24\n"
               "Gateway=10.0.0.1\n\n[Address]\nAddress=2001:db8::9/64\n");
    fs.addFile(QStringLiteral("/etc/systemd/network/40-any.network"),
               "[Match]\nMACAddress=52:54:00:aa:bb:cc\n[Network]\nDHCP=ipv4\n");
    fs.addFile(QStringLiteral("/etc/systemd/network/10-lo.network"), "[Match]\nName=lo\n");
    fs.addFile(QStringLiteral("/etc/systemd/network/eth0.link"), "[Match]\nName=eth0\n");
    const GuestFacts facts = readNetwork(fs);
    QCOMPARE(names(facts), (QStringList{QStringLiteral("en*"), QStringLiteral("eth0"),
                                        QStringLiteral("eth1"), QStringLiteral("*")}));
    QCOMPARE(find(facts, QStringLiteral("en*"))->ipv6Evidence, QStringLiteral("DHCP=yes"));
    QCOMPARE(find(facts, QStringLiteral("eth1"))->ipv6Evidence,
             QStringLiteral("Address=2001:db8::9/64"));
    QVERIFY(!find(facts, QStringLiteral("*"))->ipv6);
}

void TestLinuxNetwork::sysctlTurnsIpv6Off()
{
    MemoryGuestFs fs;
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth0"), "DEVICE=eth0\nIPV6INIT=yes\n");
    fs.addFile(QStringLiteral("/etc/sysctl.conf"),
               "# System default settings live in /usr/lib/sysctl.d/00-system.conf.\n"
               "net.ipv6.conf.all.disable_ipv6 = 1\n"
               "net.ipv6.conf.default.disable_ipv6 = 1\n");
    const GuestFacts facts = readNetwork(fs);
    QVERIFY(facts.ipv6Disabled);
    QCOMPARE(facts.ipv6DisabledEvidence,
             QStringLiteral("/etc/sysctl.conf: net.ipv6.conf.all.disable_ipv6 = 1"));
    QVERIFY(facts.interfaces[0].ipv6); // the interface's own setting is still reported
}

void TestLinuxNetwork::sysctlLastSettingWins()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/usr/lib/sysctl.d/50-default.conf"),
               "net.ipv6.conf.all.disable_ipv6=1\n");
    fs.addFile(QStringLiteral("/etc/sysctl.d/99-ipv6.conf"),
               "; comment\n-net/ipv6/conf/all/disable_ipv6 = 0\n");
    GuestFacts facts = readNetwork(fs);
    QVERIFY(!facts.ipv6Disabled);
    QCOMPARE(facts.ipv6DisabledEvidence,
             QStringLiteral("/etc/sysctl.d/99-ipv6.conf: -net/ipv6/conf/all/disable_ipv6 = 0"));

    // An /etc file of the same name replaces the vendor's; /etc/sysctl.conf comes last.
    fs.addFile(QStringLiteral("/etc/sysctl.d/50-default.conf"), "kernel.sysrq = 16\n");
    fs.addFile(QStringLiteral("/etc/sysctl.conf"), "net.ipv6.conf.all.disable_ipv6 = 2\n");
    facts = readNetwork(fs);
    QVERIFY(facts.ipv6Disabled);
    QCOMPARE(facts.ipv6DisabledEvidence,
             QStringLiteral("/etc/sysctl.conf: net.ipv6.conf.all.disable_ipv6 = 2"));

    QCOMPARE(parseSysctlDisableIpv6("net.ipv6.conf.all.disable_ipv6 = yes\n").value, -1);
    QCOMPARE(parseSysctlDisableIpv6("net.ipv6.conf.eth0.disable_ipv6 = 1\n").value, -1);
}

void TestLinuxNetwork::grubCommandLine()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/default/grub"),
               "GRUB_TIMEOUT=5\n"
               "GRUB_DISTRIBUTOR=\"$(sed 's, release .*$,,g' /etc/system-release)\"\n"
               "GRUB_CMDLINE_LINUX=\"crashkernel=auto rd.lvm.lv=centos/root rhgb quiet "
               "ipv6.disable=1\"\n"
               "GRUB_DISABLE_RECOVERY=\"true\"\n");
    fs.addFile(QStringLiteral("/etc/sysctl.conf"), "net.ipv6.conf.all.disable_ipv6 = 0\n");
    const GuestFacts facts = readNetwork(fs);
    QVERIFY(facts.ipv6Disabled);
    QCOMPARE(facts.ipv6DisabledEvidence,
             QStringLiteral("/etc/default/grub: GRUB_CMDLINE_LINUX=\"crashkernel=auto "
                            "rd.lvm.lv=centos/root rhgb quiet ipv6.disable=1\""));

    QCOMPARE(parseGrubIpv6Disable("#GRUB_CMDLINE_LINUX=\"ipv6.disable=1\"\n"), QString());
    QCOMPARE(
        parseGrubIpv6Disable("GRUB_CMDLINE_LINUX=\"ipv6.disable=1\"\nGRUB_CMDLINE_LINUX=\"\"\n"),
        QString());
    QCOMPARE(
        parseGrubIpv6Disable("GRUB_CMDLINE_LINUX_DEFAULT=ipv6.disable=1\n"
                             "GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT quiet\"\n"),
        QStringLiteral("GRUB_CMDLINE_LINUX_DEFAULT=ipv6.disable=1"));
    QCOMPARE(parseGrubIpv6Disable("GRUB_CMDLINE_LINUX=\"ipv6.disable=0\"\n"), QString());
}

void TestLinuxNetwork::mergeKeepsFirstSourceAndAnyIpv6()
{
    MemoryGuestFs fs;
    fs.addFile(kIfcfgDir + QStringLiteral("/ifcfg-eth0"), "DEVICE=eth0\nIPV6INIT=no\n");
    fs.addFile(QStringLiteral("/etc/netplan/50-cloud-init.yaml"),
               "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp6: true\n");
    fs.addFile(QStringLiteral("/etc/NetworkManager/system-connections/eth0.nmconnection"),
               "[connection]\ninterface-name=eth0\n[ipv6]\nmethod=manual\n");
    GuestFacts facts;
    facts.interfaces << NetInterface{
        QStringLiteral("eth9"), QStringLiteral("earlier"), false, {}, false, {}, {}};
    inspectLinuxNetwork(fs, &facts);
    QCOMPARE(names(facts), (QStringList{QStringLiteral("eth9"), QStringLiteral("eth0")}));
    const NetInterface* eth0 = find(facts, QStringLiteral("eth0"));
    QCOMPARE(eth0->source, kIfcfgDir + QStringLiteral("/ifcfg-eth0"));
    QVERIFY(eth0->ipv6);
    // The evidence names its own file, since it is not the interface's source.
    QCOMPARE(eth0->ipv6Evidence, QStringLiteral("/etc/netplan/50-cloud-init.yaml: dhcp6: true"));
}

void TestLinuxNetwork::nothingConfigured()
{
    MemoryGuestFs fs;
    fs.addDirectory(QStringLiteral("/etc/netplan"));
    fs.addDirectory(QStringLiteral("/etc/sysconfig/network-scripts/ifcfg-eth0")); // a directory
    const GuestFacts facts = readNetwork(fs);
    QVERIFY(facts.interfaces.isEmpty());
    QVERIFY(!facts.ipv6Disabled);
    QVERIFY(facts.ipv6DisabledEvidence.isEmpty());
    QVERIFY(facts.networkConfigErrors.isEmpty());
}

void TestLinuxNetwork::fstabEntries()
{
    const QList<FstabEntry> entries = parseFstab(
        "\n"
        "#\n"
        "# /etc/fstab\n"
        "# Created by anaconda on Tue Mar  5 10:00:00 2024\n"
        "#\n"
        "UUID=6c3a1f2e-1b5d-4a7e-9f0c-2d8e4b6a1c3f /                       xfs     defaults        "
        "0 0\n"
        "LABEL=boot\t/boot\text4\tdefaults\t1 2\n"
        "/dev/sda1 /data ext4 defaults 0 2\r\n"
        "   # indented comment\n"
        "/dev/xvdb1 /mnt/my\\040disk ext3\n"
        "/dev/hdc2 /old\n"
        "onlyonefield\n");
    QCOMPARE(entries.size(), 5);
    QCOMPARE(entries[0].spec, QStringLiteral("UUID=6c3a1f2e-1b5d-4a7e-9f0c-2d8e4b6a1c3f"));
    QCOMPARE(entries[0].mountPoint, QStringLiteral("/"));
    QCOMPARE(entries[0].type, QStringLiteral("xfs"));
    QCOMPARE(entries[0].line, 6);
    QCOMPARE(entries[1].spec, QStringLiteral("LABEL=boot"));
    QCOMPARE(entries[1].mountPoint, QStringLiteral("/boot"));
    QCOMPARE(entries[1].line, 7);
    QCOMPARE(entries[2].spec, QStringLiteral("/dev/sda1"));
    QCOMPARE(entries[2].type, QStringLiteral("ext4"));
    QCOMPARE(entries[2].line, 8);
    QCOMPARE(entries[3].mountPoint, QStringLiteral("/mnt/my disk"));
    QCOMPARE(entries[3].line, 10);
    QCOMPARE(entries[4].spec, QStringLiteral("/dev/hdc2"));
    QVERIFY(entries[4].type.isEmpty());
    QVERIFY(parseFstab("").isEmpty());
    QCOMPARE(parseFstab("a\\04 b\\").value(0).spec, QStringLiteral("a\\04"));
}

void TestLinuxNetwork::fstabFromGuest()
{
    MemoryGuestFs fs;
    fs.addFile(QStringLiteral("/etc/fstab.real"), "/dev/vda1 / ext4 errors=remount-ro 0 1\n");
    fs.addSymlink(QStringLiteral("/etc/fstab"), QStringLiteral("fstab.real"));
    GuestFacts facts;
    inspectFstab(fs, &facts);
    QCOMPARE(facts.fstab.size(), 1);
    QCOMPARE(facts.fstab[0].spec, QStringLiteral("/dev/vda1"));
    QCOMPARE(facts.fstab[0].line, 1);

    MemoryGuestFs empty;
    GuestFacts none;
    inspectFstab(empty, &none);
    QVERIFY(none.fstab.isEmpty());
}

void TestLinuxNetwork::cloudInitPresentAndAbsent()
{
    {
        MemoryGuestFs fs;
        fs.addFile(QStringLiteral("/etc/cloud/cloud.cfg"), "datasource_list: [ NoCloud ]\n");
        GuestFacts facts;
        inspectCloudInit(fs, &facts);
        QVERIFY(facts.cloudInit);
        QCOMPARE(facts.cloudInitEvidence, QStringLiteral("/etc/cloud/cloud.cfg"));
    }
    {
        MemoryGuestFs fs;
        fs.addDirectory(QStringLiteral("/usr/lib/python3/dist-packages/cloudinit"));
        fs.addSymlink(QStringLiteral("/lib"), QStringLiteral("usr/lib"));
        GuestFacts facts;
        inspectCloudInit(fs, &facts);
        QVERIFY(facts.cloudInit);
        QCOMPARE(facts.cloudInitEvidence,
                 QStringLiteral("/usr/lib/python3/dist-packages/cloudinit"));
    }
    {
        MemoryGuestFs fs;
        fs.addDirectory(QStringLiteral("/usr/lib/python2.7/site-packages/cloudinit"));
        GuestFacts facts;
        inspectCloudInit(fs, &facts);
        QCOMPARE(facts.cloudInitEvidence,
                 QStringLiteral("/usr/lib/python2.7/site-packages/cloudinit"));
    }
    {
        MemoryGuestFs fs;
        fs.addFile(QStringLiteral("/usr/bin/bash"), "ELF");
        fs.addDirectory(QStringLiteral("/usr/lib/python3.11/site-packages/yaml"));
        fs.addSymlink(QStringLiteral("/usr/bin/cloud-init"), QStringLiteral("/nowhere"));
        GuestFacts facts;
        inspectCloudInit(fs, &facts);
        QVERIFY(!facts.cloudInit);
        QVERIFY(facts.cloudInitEvidence.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestLinuxNetwork)
#include "tst_linuxnetwork.moc"
