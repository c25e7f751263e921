#include "inspect/LinuxNetwork.h"
#include "inspect/network/ConfigText.h"

// NetworkManager keyfiles (/etc/NetworkManager/system-connections).
namespace cvmi::inspect {

using namespace netcfg;

std::optional<NetInterface> parseNmKeyfile(QByteArrayView text, const QString& fileName)
{
    QString interfaceName, id, type, method, methodLine, ipv4Line;
    bool autoconnect = true;
    for (const IniEntry& e : iniEntries(text)) {
        if (e.section == QLatin1String("connection")) {
            if (e.key == QLatin1String("interface-name"))
                interfaceName = e.value;
            else if (e.key == QLatin1String("id"))
                id = e.value;
            else if (e.key == QLatin1String("type"))
                type = e.value;
            else if (e.key == QLatin1String("autoconnect"))
                autoconnect = !isNo(e.value);
        } else if (e.section == QLatin1String("ipv4") && e.key == QLatin1String("method")) {
            ipv4Line = e.value.toLower() == QLatin1String("manual") ? e.line : QString();
        } else if (e.section == QLatin1String("ipv6") && e.key == QLatin1String("method")) {
            method = e.value.toLower();
            methodLine = e.line;
        }
    }
    // A profile bound to no interface applies to any matching device: name it by its id.
    QString name = interfaceName;
    if (name.isEmpty())
        name = id;
    if (name.isEmpty()) {
        name = fileName;
        if (name.endsWith(QLatin1String(".nmconnection")))
            name.chop(int(sizeof(".nmconnection") - 1));
    }
    if (!autoconnect || type == QLatin1String("loopback") || name == QLatin1String("lo") ||
        name.isEmpty())
        return std::nullopt;
    NetInterface iface;
    iface.name = name;
    if (!ipv4Line.isEmpty()) {
        iface.staticIpv4 = true;
        iface.staticEvidence = QStringLiteral("[ipv4] %1").arg(ipv4Line);
    }
    if (method == QLatin1String("auto") || method == QLatin1String("dhcp") ||
        method == QLatin1String("manual") || method == QLatin1String("shared")) {
        iface.ipv6 = true;
        iface.ipv6Evidence = QStringLiteral("[ipv6] %1").arg(methodLine);
    }
    return iface;
}

} // namespace cvmi::inspect
