#include "inspect/LinuxNetwork.h"
#include "inspect/network/ConfigText.h"

// Red Hat and SUSE ifcfg-* files, and /etc/sysconfig/network's IPv6 default.
namespace cvmi::inspect {

using namespace netcfg;

namespace {

// BOOTPROTO=static|none (or absent: initscripts then configure what IPADDR says) with an IPv4
// IPADDR, IPADDR0, IPADDR_x: the interface comes up with that fixed address, not from DHCP.
void ifcfgStatic(const QHash<QString, ShellVar>& vars, NetInterface* iface)
{
    const auto proto = vars.constFind(QStringLiteral("BOOTPROTO"));
    const QString method = proto == vars.constEnd() ? QString() : proto->value.trimmed().toLower();
    if (!method.isEmpty() && method != QLatin1String("static") && method != QLatin1String("none"))
        return;
    QStringList keys = vars.keys();
    keys.sort();
    for (const QString& key : std::as_const(keys)) {
        if (!key.startsWith(QLatin1String("IPADDR")))
            continue;
        const QString suffix = key.mid(6);
        if (!suffix.isEmpty() && !suffix.startsWith(u'_') && !suffix.at(0).isDigit())
            continue;
        const ShellVar& address = vars[key];
        if (address.value.trimmed().isEmpty() || isIpv6Address(address.value))
            continue;
        iface->staticIpv4 = true;
        iface->staticEvidence = proto == vars.constEnd()
                                    ? address.line
                                    : QStringLiteral("%1, %2").arg(proto->line, address.line);
        return;
    }
}

} // namespace

std::optional<NetInterface> parseIfcfg(QByteArrayView text, const QString& fileName,
                                       IfcfgFlavor flavor, const QString& ipv6Default)
{
    const QHash<QString, ShellVar> vars = lastAssignments(text);
    const auto value = [&](const char* key) {
        return vars.value(QLatin1String(key)).value;
    };
    const auto has = [&](const char* key) {
        return vars.contains(QLatin1String(key));
    };

    QString name = fileName.startsWith(QLatin1String("ifcfg-")) ? fileName.mid(6) : fileName;
    if (flavor == IfcfgFlavor::RedHat && !value("DEVICE").trimmed().isEmpty())
        name = value("DEVICE").trimmed();
    name = withoutAlias(name);
    if (name.isEmpty() || name == QLatin1String("lo") ||
        value("TYPE").compare(QLatin1String("Loopback"), Qt::CaseInsensitive) == 0)
        return std::nullopt;

    NetInterface iface;
    iface.name = name;
    ifcfgStatic(vars, &iface);
    if (flavor == IfcfgFlavor::RedHat) {
        // initscripts and NetworkManager both start every interface but those with ONBOOT=no.
        if (has("ONBOOT") && isNo(value("ONBOOT")))
            return std::nullopt;
        if (has("IPV6INIT")) {
            if (isYes(value("IPV6INIT"))) {
                QStringList found{vars.value(QStringLiteral("IPV6INIT")).line};
                for (const char* key : {"IPV6_AUTOCONF", "DHCPV6C", "IPV6ADDR"})
                    if (has(key))
                        found << vars.value(QLatin1String(key)).line;
                iface.ipv6 = true;
                iface.ipv6Evidence = found.join(QStringLiteral(", "));
            }
        } else if (!ipv6Default.isEmpty()) {
            iface.ipv6 = true;
            iface.ipv6Evidence = ipv6Default;
        }
        return iface;
    }

    const QString startMode = value("STARTMODE").trimmed().toLower();
    if (startMode == QLatin1String("manual") || startMode == QLatin1String("off"))
        return std::nullopt;
    // BOOTPROTO may combine methods ("dhcp+autoip"); "dhcp" means DHCPv4 and DHCPv6 on SUSE.
    const QStringList protos = value("BOOTPROTO").trimmed().toLower().split(u'+');
    for (const QString& proto : protos) {
        if (proto == QLatin1String("dhcp") || proto == QLatin1String("dhcp6") ||
            proto == QLatin1String("auto6") || proto == QLatin1String("6to4")) {
            iface.ipv6 = true;
            iface.ipv6Evidence = vars.value(QStringLiteral("BOOTPROTO")).line;
            return iface;
        }
    }
    // IPADDR, IPADDR_0, IPADDR_x: an address with a colon is IPv6. Sorted, for a stable report.
    QStringList keys = vars.keys();
    keys.sort();
    for (const QString& key : keys) {
        if ((key == QLatin1String("IPADDR") || key.startsWith(QLatin1String("IPADDR_"))) &&
            isIpv6Address(vars.value(key).value)) {
            iface.ipv6 = true;
            iface.ipv6Evidence = vars.value(key).line;
            break;
        }
    }
    return iface;
}

QString parseSysconfigNetworkIpv6(QByteArrayView text)
{
    const QHash<QString, ShellVar> vars = lastAssignments(text);
    for (const char* key : {"IPV6INIT", "NETWORKING_IPV6"}) {
        const auto it = vars.constFind(QLatin1String(key));
        if (it != vars.constEnd() && isYes(it->value))
            return it->line;
    }
    return {};
}

} // namespace cvmi::inspect
