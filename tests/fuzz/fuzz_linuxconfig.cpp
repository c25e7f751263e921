// libFuzzer target: the parsers of Linux guest configuration files, each fed the same arbitrary
// bytes as if they were that kind of file (ifcfg, /etc/sysconfig/network, ifupdown, netplan YAML,
// NetworkManager keyfile, systemd-networkd unit, wicked XML, sysctl.conf, /etc/default/grub,
// fstab, /etc/selinux/config, /etc/adjtime, /etc/cloud/cloud.cfg), and then the whole reader over a
// guest holding those bytes in every such file, so that includes, merging and error reporting run
// too. Nothing may crash, hang or throw.
#include "inspect/LinuxFstab.h"
#include "inspect/LinuxNetwork.h"
#include "inspect/LinuxSystem.h"
#include "inspect/MemoryGuestFs.h"

#include <QByteArray>

#include <cstdint>

using namespace cvmi::inspect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A copy of exactly `size` bytes, so AddressSanitizer sees any read past the end.
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString name = QStringLiteral("ifcfg-eth0");
    (void)parseIfcfg(bytes, name, IfcfgFlavor::RedHat, QStringLiteral("default"));
    (void)parseIfcfg(bytes, name, IfcfgFlavor::Suse);
    (void)parseSysconfigNetworkIpv6(bytes);
    (void)parseIfupdown(bytes);
    QString error;
    (void)parseNetplan(bytes, &error);
    (void)parseNmKeyfile(bytes, QStringLiteral("x.nmconnection"));
    (void)parseNetworkdUnit(bytes);
    (void)parseWickedXml(bytes, &error);
    (void)parseSysctlDisableIpv6(bytes);
    (void)parseGrubIpv6Disable(bytes);
    (void)parseFstab(bytes);
    (void)parseSelinuxConfig(bytes);
    (void)parseAdjtime(bytes);
    (void)parseCloudCfgGrowpart(bytes, &error);

    MemoryGuestFs fs;
    for (const char* path :
         {"/etc/sysconfig/network", "/etc/sysconfig/network-scripts/ifcfg-eth0",
          "/etc/sysconfig/network/ifcfg-eth1", "/etc/wicked/ifconfig/a.xml",
          "/etc/network/interfaces", "/etc/network/interfaces.d/a", "/etc/netplan/a.yaml",
          "/etc/NetworkManager/system-connections/a.nmconnection", "/etc/systemd/network/a.network",
          "/etc/sysctl.conf", "/etc/sysctl.d/a.conf", "/etc/default/grub", "/etc/fstab",
          "/etc/selinux/config", "/etc/adjtime", "/etc/cloud/cloud.cfg"})
        fs.addFile(QLatin1String(path), bytes);
    GuestFacts facts;
    inspectLinuxNetwork(fs, &facts);
    inspectFstab(fs, &facts);
    inspectCloudInit(fs, &facts);
    inspectLinuxSystem(fs, &facts);
    return 0;
}
