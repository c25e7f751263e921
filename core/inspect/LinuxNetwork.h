#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cvmi::inspect {

// The network interfaces a Linux guest configures at boot, and whether IPv6 is on, read from every
// configuration system a supported distribution may use: Red Hat and SUSE ifcfg-* files, wicked
// XML, ifupdown (/etc/network/interfaces and what it sources), netplan YAML, NetworkManager
// keyfiles and systemd-networkd units; IPv6 switched off globally by sysctl or by the kernel
// command line in /etc/default/grub. Each interface appears once in facts->interfaces (the first
// file that configures it is its source; IPv6 counts as on when any file turns it on). A file that
// cannot be parsed is listed in facts->networkConfigErrors; the other files still count.
void inspectLinuxNetwork(GuestFs& fs, GuestFacts* facts);

// ---- Pure parsers, one per file format (for tests and fuzzing). The NetInterface results leave
// `source` empty: the caller knows the path. Each is bounded by its input and never throws.

// Red Hat keeps the name in DEVICE= (the file name as a fallback) and turns IPv6 on with
// IPV6INIT=yes; SUSE takes the name from the file name, and BOOTPROTO=dhcp means DHCPv4 and
// DHCPv6 there.
enum class IfcfgFlavor { RedHat, Suse };

// One ifcfg-* file: nullopt for the loopback and for interfaces not started at boot (ONBOOT=no,
// STARTMODE=manual|off). `ipv6Default` is the evidence of a global IPv6 default (Red Hat's
// /etc/sysconfig/network), applied when the file itself does not set IPV6INIT.
std::optional<NetInterface> parseIfcfg(QByteArrayView text, const QString& fileName,
                                       IfcfgFlavor flavor, const QString& ipv6Default = {});

// The global IPv6 default of /etc/sysconfig/network (NETWORKING_IPV6=yes or IPV6INIT=yes): the
// line as found, or empty.
QString parseSysconfigNetworkIpv6(QByteArrayView text);

// One ifupdown file (interfaces(5)). Which interfaces start at boot is only known once every
// sourced file is read, so this returns the parts and the caller combines them.
struct IfupdownConfig {
    QList<NetInterface> stanzas;   // one per `iface` line; ipv6 set for `inet6`, in file order
    QStringList started;           // names on `auto` and `allow-*` lines
    QStringList sources;           // `source` arguments, as written (may hold a glob)
    QStringList sourceDirectories; // `source-directory` arguments, as written
};
IfupdownConfig parseIfupdown(QByteArrayView text);

// One netplan YAML file: an interface per ethernets/wifis/bonds/bridges/vlans entry, named by
// set-name, match: name or the entry's id. A file that is not valid YAML yields nothing and
// *error says why.
QList<NetInterface> parseNetplan(QByteArrayView text, QString* error);

// One NetworkManager keyfile: nullopt for the loopback and for profiles that do not autoconnect.
std::optional<NetInterface> parseNmKeyfile(QByteArrayView text, const QString& fileName);

// One systemd-networkd .network unit: an interface per [Match] Name= (a glob stays as written;
// "*" when the unit matches without a name).
QList<NetInterface> parseNetworkdUnit(QByteArrayView text);

// One wicked ifconfig XML file (it may hold several <interface> elements).
QList<NetInterface> parseWickedXml(QByteArrayView text, QString* error);

// The last assignment of net.ipv6.conf.all.disable_ipv6 in one sysctl.conf file.
struct SysctlIpv6 {
    int value = -1; // 0 or 1 (any other number counts as 1, as the kernel does); -1 when absent
    QString line;   // as found
};
SysctlIpv6 parseSysctlDisableIpv6(QByteArrayView text);

// The GRUB_CMDLINE_LINUX* line of /etc/default/grub (or grub.d/*.cfg) that puts ipv6.disable=1 on
// the kernel command line, as found; empty when none does.
QString parseGrubIpv6Disable(QByteArrayView text);

} // namespace cvmi::inspect
