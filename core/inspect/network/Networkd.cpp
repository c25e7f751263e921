#include "inspect/LinuxNetwork.h"
#include "inspect/network/ConfigText.h"

// systemd-networkd .network units.
namespace cvmi::inspect {

using namespace netcfg;

QList<NetInterface> parseNetworkdUnit(QByteArrayView text)
{
    QStringList names;
    QString ipv6, ipv4Address;
    bool dhcp4 = false;
    bool loopback = false;
    for (const IniEntry& e : iniEntries(text)) {
        if (e.section == QLatin1String("Match")) {
            if (e.key == QLatin1String("Name")) {
                if (e.value.isEmpty())
                    names.clear(); // an empty assignment resets the list, as in systemd
                for (const QString& n : e.value.split(u' ', Qt::SkipEmptyParts))
                    if (!n.startsWith(u'!')) // "!eth1" excludes a name
                        names << n;
            } else if (e.key == QLatin1String("Type") && e.value == QLatin1String("loopback")) {
                loopback = true;
            }
            continue;
        }
        const QString v = e.value.toLower();
        const bool network = e.section == QLatin1String("Network");
        if (network && e.key == QLatin1String("DHCP"))
            dhcp4 = isYes(v) || v == QLatin1String("ipv4") || v == QLatin1String("both");
        else if ((network || e.section == QLatin1String("Address")) &&
                 e.key == QLatin1String("Address") && !v.isEmpty() && !isIpv6Address(v) &&
                 ipv4Address.isEmpty())
            ipv4Address = e.line;
        if (!ipv6.isEmpty())
            continue;
        if (network && e.key == QLatin1String("DHCP") &&
            (isYes(v) || v == QLatin1String("ipv6") || v == QLatin1String("both")))
            ipv6 = e.line;
        else if (network && e.key == QLatin1String("IPv6AcceptRA") && isYes(v))
            ipv6 = e.line;
        else if ((network || e.section == QLatin1String("Address")) &&
                 e.key == QLatin1String("Address") && isIpv6Address(v))
            ipv6 = e.line;
        else if ((network || e.section == QLatin1String("Route")) &&
                 e.key == QLatin1String("Gateway") && isIpv6Address(v))
            ipv6 = e.line;
    }
    if (loopback)
        return {};
    if (names.isEmpty())
        names << QStringLiteral("*");
    QList<NetInterface> out;
    names.removeDuplicates();
    for (const QString& n : std::as_const(names))
        if (n != QLatin1String("lo"))
            out.append(NetInterface{n,
                                    {},
                                    !ipv6.isEmpty(),
                                    ipv6,
                                    !ipv4Address.isEmpty() && !dhcp4,
                                    dhcp4 ? QString() : ipv4Address,
                                    {}});
    return out;
}

} // namespace cvmi::inspect
