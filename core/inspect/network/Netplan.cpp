#include "inspect/LinuxNetwork.h"
#include "inspect/network/ConfigText.h"

#include <yaml-cpp/yaml.h>

#include <exception>
#include <string>

// netplan YAML (Ubuntu), read with yaml-cpp.
namespace cvmi::inspect {

using namespace netcfg;

namespace {

// ---- netplan ----

// A missing key yields an invalid node whose Type() throws: ask IsDefined() first, every time.
bool yamlIsMap(const YAML::Node& node)
{
    return node.IsDefined() && node.IsMap();
}

bool yamlIsSequence(const YAML::Node& node)
{
    return node.IsDefined() && node.IsSequence();
}

bool yamlScalar(const YAML::Node& node, QString* out)
{
    if (!node.IsDefined() || !node.IsScalar())
        return false;
    *out = QString::fromStdString(node.Scalar());
    return true;
}

bool yamlTrue(const YAML::Node& node, QString* written)
{
    return yamlScalar(node, written) && isYes(*written);
}

// One entry of `addresses:`: a scalar, or a one-key map {address: {lifetime: ..., label: ...}}.
QString addressOf(const YAML::Node& item)
{
    QString address;
    if (yamlIsMap(item) && item.size() > 0) {
        const YAML::Node first = item.begin()->first;
        yamlScalar(first, &address);
    } else {
        yamlScalar(item, &address);
    }
    return address;
}

// The first IPv6 setting of one netplan device, as "key: value"; empty when none.
QString netplanIpv6(const YAML::Node& device)
{
    QString value;
    for (const char* key : {"dhcp6", "accept-ra", "ipv6-privacy"}) {
        if (yamlTrue(device[key], &value))
            return QStringLiteral("%1: %2").arg(QLatin1String(key), value);
    }
    if (yamlScalar(device["gateway6"], &value))
        return QStringLiteral("gateway6: %1").arg(value);
    const YAML::Node addresses = device["addresses"];
    if (yamlIsSequence(addresses)) {
        for (const auto& item : addresses) {
            const QString address = addressOf(item);
            if (isIpv6Address(address))
                return QStringLiteral("addresses: %1").arg(address);
        }
    }
    const YAML::Node routes = device["routes"];
    if (yamlIsSequence(routes)) {
        for (const auto& route : routes) {
            if (!yamlIsMap(route))
                continue;
            for (const char* key : {"to", "via"}) {
                if (yamlScalar(route[key], &value) && isIpv6Address(value) &&
                    value != QLatin1String("default"))
                    return QStringLiteral("routes: %1: %2").arg(QLatin1String(key), value);
            }
        }
    }
    return {};
}

// The first IPv4 address of a device that does not also take one by DHCP ("addresses:
// 10.0.0.5/24"); empty when the device uses DHCP or has no IPv4 address.
QString netplanStaticIpv4(const YAML::Node& device)
{
    QString value;
    if (yamlTrue(device["dhcp4"], &value))
        return {};
    const YAML::Node addresses = device["addresses"];
    if (!yamlIsSequence(addresses))
        return {};
    for (const auto& item : addresses) {
        const QString address = addressOf(item);
        if (!address.isEmpty() && !isIpv6Address(address))
            return QStringLiteral("addresses: %1").arg(address);
    }
    return {};
}

void netplanDevices(const YAML::Node& network, QList<NetInterface>* out)
{
    for (const char* kind : {"ethernets", "wifis", "bonds", "bridges", "vlans"}) {
        const YAML::Node devices = network[kind];
        if (!yamlIsMap(devices))
            continue;
        for (auto it = devices.begin(); it != devices.end(); ++it) {
            // Copies: the iterator hands out a temporary pair, whose members die with it.
            const YAML::Node id = it->first;
            const YAML::Node device = it->second;
            NetInterface iface;
            if (!yamlScalar(id, &iface.name))
                continue;
            if (yamlIsMap(device)) {
                // The kernel name: set-name renames the matched device; otherwise a name match
                // (possibly a glob) is the name; otherwise the id is.
                QString name;
                if (yamlScalar(device["set-name"], &name) && !name.isEmpty())
                    iface.name = name;
                else if (yamlIsMap(device["match"]) && yamlScalar(device["match"]["name"], &name) &&
                         !name.isEmpty())
                    iface.name = name;
                iface.ipv6Evidence = netplanIpv6(device);
                iface.staticEvidence = netplanStaticIpv4(device);
                iface.staticIpv4 = !iface.staticEvidence.isEmpty();
                iface.ipv6 = !iface.ipv6Evidence.isEmpty();
            }
            if (iface.name != QLatin1String("lo"))
                out->append(iface);
        }
    }
}

} // namespace

QList<NetInterface> parseNetplan(QByteArrayView text, QString* error)
{
    QString unused;
    if (!error)
        error = &unused;
    QList<NetInterface> found;
    // yaml-cpp reports bad YAML (and a few bad lookups) by throwing: none of that may leave here.
    try {
        const YAML::Node root = YAML::Load(std::string(text.data(), size_t(text.size())));
        // An empty file, or one without "network:", configures nothing; any other shape is not
        // netplan, and netplan itself would refuse it.
        if (!root.IsDefined() || root.IsNull())
            return found;
        const YAML::Node network = yamlIsMap(root) ? root["network"] : YAML::Node();
        if (yamlIsMap(network))
            netplanDevices(network, &found);
        else if (!yamlIsMap(root) || (network.IsDefined() && !network.IsNull()))
            *error = Text::tr("The file does not hold a netplan \"network:\" map.");
    } catch (const YAML::Exception& e) {
        const QString why = QString::fromStdString(e.msg);
        *error = e.mark.is_null() ? Text::tr("Invalid YAML: %1").arg(why)
                                  : Text::tr("Invalid YAML at line %1, column %2: %3")
                                        .arg(e.mark.line + 1)
                                        .arg(e.mark.column + 1)
                                        .arg(why);
        return {};
    } catch (const std::exception& e) {
        *error = Text::tr("The YAML could not be read: %1").arg(QString::fromUtf8(e.what()));
        return {};
    } catch (...) {
        *error = Text::tr("The YAML could not be read.");
        return {};
    }
    return found;
}

} // namespace cvmi::inspect
