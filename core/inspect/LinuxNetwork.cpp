#include "inspect/LinuxNetwork.h"

#include "inspect/GuestPath.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <yaml-cpp/yaml.h>

#include <exception>
#include <string>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::LinuxNetwork)
};

// Bounds on what a hostile or damaged image can make us read: a configuration file is a few
// kilobytes, a configuration directory holds a handful of files.
constexpr size_t kMaxConfigFile = 1024 * 1024;
constexpr qsizetype kMaxDirectoryEntries = 256;
constexpr int kMaxIfupdownFiles = 64;
constexpr int kMaxIfupdownDepth = 8;

QStringList textLines(QByteArrayView text)
{
    return QString::fromUtf8(text).split(u'\n');
}

// Compiled once: building a QRegularExpression per line costs more than the parse itself.
const QRegularExpression& blanks()
{
    static const QRegularExpression re(QStringLiteral("\\s+"));
    return re;
}

bool isYes(const QString& value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("y") ||
           v == QLatin1String("t") || v == QLatin1String("1") || v == QLatin1String("on");
}

bool isNo(const QString& value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("n") ||
           v == QLatin1String("f") || v == QLatin1String("0") || v == QLatin1String("off");
}

// An interface alias ("eth0:1" in ifcfg and ifupdown) is an address on its NIC, not another NIC.
QString withoutAlias(const QString& name)
{
    return name.section(u':', 0, 0);
}

// ---- Shell-style KEY=value files (ifcfg-*, /etc/sysconfig/network, /etc/default/grub) ----

struct ShellVar {
    QString key;
    QString value;
    QString line; // as found, trimmed
};

// The value of a shell word: '...' and "..." quoting, backslash escapes, concatenation
// (a"b"'c'); it ends at the first unquoted blank. Expansions ($X) stay as written.
QString shellWord(QStringView s)
{
    QString out;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        if (c.isSpace())
            break;
        if (c == u'\'') {
            const qsizetype end = s.indexOf(u'\'', i + 1);
            const qsizetype stop = end < 0 ? s.size() : end;
            out += s.mid(i + 1, stop - i - 1);
            i = stop + 1;
        } else if (c == u'"') {
            ++i;
            while (i < s.size() && s[i] != u'"') {
                if (s[i] == u'\\' && i + 1 < s.size() && QStringView(u"\"\\$`").contains(s[i + 1]))
                    ++i;
                out += s[i];
                ++i;
            }
            ++i; // the closing quote (or past the end)
        } else if (c == u'\\' && i + 1 < s.size()) {
            out += s[i + 1];
            i += 2;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

QList<ShellVar> shellVars(QByteArrayView text)
{
    static const QRegularExpression assignment(
        QStringLiteral("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$"));
    QList<ShellVar> vars;
    for (const QString& raw : textLines(text)) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto m = assignment.match(line);
        if (m.hasMatch())
            vars.append(ShellVar{m.captured(1), shellWord(m.capturedView(2)), line});
    }
    return vars;
}

// The last assignment of each key wins, as when the shell sources the file.
QHash<QString, ShellVar> lastAssignments(QByteArrayView text)
{
    QHash<QString, ShellVar> byKey;
    for (ShellVar& var : shellVars(text))
        byKey.insert(var.key, std::move(var));
    return byKey;
}

// ---- INI-style files (NetworkManager keyfiles, systemd units) ----

struct IniEntry {
    QString section;
    QString key;
    QString value;
    QString line; // as found, trimmed
};

QList<IniEntry> iniEntries(QByteArrayView text)
{
    QList<IniEntry> entries;
    QString section;
    for (const QString& raw : textLines(text)) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            continue;
        entries.append(
            IniEntry{section, line.left(eq).trimmed(), line.mid(eq + 1).trimmed(), line});
    }
    return entries;
}

// "2001:db8::1/64" and "fe80::1" hold a colon; IPv4 addresses never do.
bool isIpv6Address(const QString& address)
{
    return address.contains(u':');
}

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
            // An address is a scalar, or a one-key map {address: {lifetime: ..., label: ...}}.
            QString address;
            if (yamlIsMap(item) && item.size() > 0) {
                const YAML::Node first = item.begin()->first;
                yamlScalar(first, &address);
            } else {
                yamlScalar(item, &address);
            }
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
                iface.ipv6 = !iface.ipv6Evidence.isEmpty();
            }
            if (iface.name != QLatin1String("lo"))
                out->append(iface);
        }
    }
}

// ---- wicked XML ----

// wicked files are a sequence of top-level elements, not one document, and use "ipv4:dhcp" style
// names without declaring the prefixes: wrap them in one root and read names as written.
QByteArray wickedDocument(QByteArrayView text)
{
    QByteArrayView body = text;
    qsizetype start = 0;
    while (start < body.size() && (body[start] == ' ' || body[start] == '\t' ||
                                   body[start] == '\n' || body[start] == '\r'))
        ++start;
    body = body.sliced(start);
    if (body.startsWith("<?xml")) {
        const qsizetype end = body.indexOf("?>");
        body = end < 0 ? QByteArrayView() : body.sliced(end + 2);
    }
    QByteArray wrapped("<cvmi-wicked>");
    wrapped.append(body);
    wrapped.append("</cvmi-wicked>");
    return wrapped;
}

struct WickedInterface {
    NetInterface iface;
    bool skip = false;    // <control><mode>off|manual</mode>: not started at boot
    bool ipv6Off = false; // <ipv6><enabled>false</enabled></ipv6>
    QString pendingIpv6;  // the ipv6:* element being read, until its <enabled> is known
    bool pendingEnabled = true;
};

} // namespace

// ---- Pure parsers ----

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

IfupdownConfig parseIfupdown(QByteArrayView text)
{
    IfupdownConfig config;
    QString logical;
    const QStringList lines = textLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        // A backslash at the end of a line continues it.
        if (line.endsWith(u'\\') && i + 1 < lines.size()) {
            logical += line.left(line.size() - 1);
            continue;
        }
        logical += line;
        const QString trimmed = logical.trimmed();
        logical.clear();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const QStringList words = trimmed.split(blanks());
        const QString& keyword = words.first();
        if (keyword == QLatin1String("auto") || keyword.startsWith(QLatin1String("allow-"))) {
            config.started += words.mid(1);
        } else if (keyword == QLatin1String("iface") && words.size() >= 3) {
            NetInterface iface;
            iface.name = words[1];
            if (words[2] == QLatin1String("inet6")) {
                iface.ipv6 = true;
                iface.ipv6Evidence = trimmed;
            }
            config.stanzas.append(iface);
        } else if (keyword == QLatin1String("source") && words.size() >= 2) {
            config.sources.append(trimmed.mid(keyword.size()).trimmed());
        } else if (keyword == QLatin1String("source-directory") && words.size() >= 2) {
            config.sourceDirectories.append(trimmed.mid(keyword.size()).trimmed());
        }
    }
    return config;
}

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

std::optional<NetInterface> parseNmKeyfile(QByteArrayView text, const QString& fileName)
{
    QString interfaceName, id, type, method, methodLine;
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
    if (method == QLatin1String("auto") || method == QLatin1String("dhcp") ||
        method == QLatin1String("manual") || method == QLatin1String("shared")) {
        iface.ipv6 = true;
        iface.ipv6Evidence = QStringLiteral("[ipv6] %1").arg(methodLine);
    }
    return iface;
}

QList<NetInterface> parseNetworkdUnit(QByteArrayView text)
{
    QStringList names;
    QString ipv6;
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
        if (!ipv6.isEmpty())
            continue;
        const QString v = e.value.toLower();
        const bool network = e.section == QLatin1String("Network");
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
            out.append(NetInterface{n, {}, !ipv6.isEmpty(), ipv6});
    return out;
}

QList<NetInterface> parseWickedXml(QByteArrayView text, QString* error)
{
    const QByteArray document = wickedDocument(text);
    QXmlStreamReader xml(document);
    xml.setNamespaceProcessing(false);
    QList<NetInterface> found;
    QStringList stack; // element names from the synthetic root down
    std::optional<WickedInterface> current;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.qualifiedName().toString();
            if (stack.size() == 1 && name == QLatin1String("interface"))
                current = WickedInterface{};
            else if (current && stack.size() == 2 && name.startsWith(QLatin1String("ipv6:"))) {
                current->pendingIpv6 = QStringLiteral("<%1>").arg(name);
                current->pendingEnabled = true;
            }
            stack.append(name);
        } else if (token == QXmlStreamReader::Characters && current && stack.size() >= 2) {
            const QString value = xml.text().toString().trimmed();
            const QString& element = stack.last();
            const QString& parent = stack[stack.size() - 2];
            if (element == QLatin1String("name") && parent == QLatin1String("interface")) {
                current->iface.name += value;
            } else if (element == QLatin1String("mode") && parent == QLatin1String("control")) {
                current->skip = value == QLatin1String("off") || value == QLatin1String("manual");
            } else if (element == QLatin1String("enabled") && stack.size() == 4) {
                if (parent == QLatin1String("ipv6"))
                    current->ipv6Off = isNo(value);
                else if (parent.startsWith(QLatin1String("ipv6:")))
                    current->pendingEnabled = !isNo(value);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (stack.isEmpty())
                break;
            const QString name = stack.takeLast();
            if (current && stack.size() == 2 && name.startsWith(QLatin1String("ipv6:"))) {
                if (current->pendingEnabled && !current->iface.ipv6) {
                    current->iface.ipv6 = true;
                    current->iface.ipv6Evidence = current->pendingIpv6;
                }
                current->pendingIpv6.clear();
            } else if (current && stack.size() == 1 && name == QLatin1String("interface")) {
                NetInterface iface = current->iface;
                iface.name = iface.name.trimmed();
                if (current->ipv6Off) {
                    iface.ipv6 = false;
                    iface.ipv6Evidence.clear();
                }
                if (!current->skip && !iface.name.isEmpty() && iface.name != QLatin1String("lo"))
                    found.append(iface);
                current.reset();
            }
        }
    }
    if (xml.hasError() && error)
        *error = Text::tr("Invalid XML at line %1, column %2: %3")
                     .arg(xml.lineNumber())
                     .arg(xml.columnNumber())
                     .arg(xml.errorString());
    return found;
}

SysctlIpv6 parseSysctlDisableIpv6(QByteArrayView text)
{
    SysctlIpv6 result;
    for (const QString& raw : textLines(text)) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            continue;
        QString key = line.left(eq).trimmed();
        if (key.startsWith(u'-')) // "-key = value": ignore a failure to set it
            key.remove(0, 1);
        // sysctl.d(5): when the first separator is a slash, slashes and dots swap roles.
        const qsizetype dot = key.indexOf(u'.');
        const qsizetype slash = key.indexOf(u'/');
        if (slash >= 0 && (dot < 0 || slash < dot)) {
            for (QChar& c : key)
                c = c == u'/' ? u'.' : (c == u'.' ? u'/' : c);
        }
        if (key != QLatin1String("net.ipv6.conf.all.disable_ipv6"))
            continue;
        bool ok = false;
        const qlonglong value = line.mid(eq + 1).trimmed().toLongLong(&ok);
        if (!ok)
            continue; // the kernel refuses what is not a number: the setting stays as it was
        result.value = value != 0 ? 1 : 0;
        result.line = line;
    }
    return result;
}

QString parseGrubIpv6Disable(QByteArrayView text)
{
    // Per variable, the line that leaves ipv6.disable=1 on the command line; a later plain
    // assignment replaces it, one that appends to "$GRUB_CMDLINE_LINUX" keeps it.
    QHash<QString, QString> disabling;
    QStringList order;
    for (const ShellVar& var : shellVars(text)) {
        if (!var.key.startsWith(QLatin1String("GRUB_CMDLINE_LINUX")))
            continue;
        const QStringList words = var.value.split(blanks(), Qt::SkipEmptyParts);
        const bool disables = words.contains(QLatin1String("ipv6.disable=1")) ||
                              words.contains(QLatin1String("ipv6.disable_ipv6=1"));
        const bool appends = var.value.contains(QLatin1Char('$') + var.key) ||
                             var.value.contains(QStringLiteral("${%1}").arg(var.key));
        if (!order.contains(var.key))
            order << var.key;
        if (disables)
            disabling.insert(var.key, var.line);
        else if (!appends)
            disabling.remove(var.key);
    }
    for (const QString& key : std::as_const(order))
        if (disabling.contains(key))
            return disabling.value(key);
    return {};
}

// ---- Reading the guest ----

namespace {

bool ignoredBackup(const QString& name)
{
    // The suffixes initscripts, wicked and NetworkManager skip: editor and package backups.
    for (const char* suffix : {"~", ".bak", ".old", ".orig", ".rpmnew", ".rpmorig", ".rpmsave",
                               ".swp", ".save", ".dpkg-old", ".dpkg-dist", ".dpkg-new"})
        if (name.endsWith(QLatin1String(suffix)))
            return true;
    return name.startsWith(u'.');
}

QString joinPath(const QString& directory, const QString& name)
{
    if (directory.endsWith(u'/'))
        return directory + name;
    return directory + u'/' + name;
}

class NetworkReader {
public:
    NetworkReader(GuestFs& fs, GuestFacts* facts) : m_fs(fs), m_facts(facts) {}

    void readAll()
    {
        readRedHat();
        readSuse();
        readWicked();
        readIfupdown();
        readNetplan();
        readNetworkManager();
        readNetworkd();
        readGlobalIpv6();
    }

private:
    // The content of a configuration file, or nullopt when it is absent or not a file; any other
    // failure to read it is reported, since the interfaces it configures are then unknown.
    std::optional<QByteArray> read(const QString& path)
    {
        Error error;
        auto content = GuestPath::readFile(m_fs, path, kMaxConfigFile, &error);
        if (!content && error.code != QLatin1String("not_found") &&
            error.code != QLatin1String("not_a_file") &&
            error.code != QLatin1String("not_a_directory"))
            report(path, error.message);
        return content;
    }

    void report(const QString& path, const QString& why)
    {
        m_facts->networkConfigErrors.append(Evidence{path, why});
    }

    // Sorted names in a directory that `accept` keeps, at most kMaxDirectoryEntries of them.
    // Backups are skipped, as the network tools do, except where a shell glob picks the files.
    enum class Backups { Skip, Keep };
    template <typename Accept>
    QStringList names(const QString& directory, Accept accept, Backups backups = Backups::Skip)
    {
        QStringList kept;
        for (const QString& name : GuestPath::list(m_fs, directory))
            if ((backups == Backups::Keep || !ignoredBackup(name)) && accept(name))
                kept << name;
        kept.sort();
        if (kept.size() > kMaxDirectoryEntries)
            kept.resize(kMaxDirectoryEntries);
        return kept;
    }

    void add(NetInterface iface, const QString& path)
    {
        for (NetInterface& known : m_facts->interfaces) {
            if (known.name != iface.name)
                continue;
            if (iface.ipv6 && !known.ipv6) {
                known.ipv6 = true;
                known.ipv6Evidence = path == known.source
                                         ? iface.ipv6Evidence
                                         : QStringLiteral("%1: %2").arg(path, iface.ipv6Evidence);
            }
            return;
        }
        iface.source = path;
        m_facts->interfaces.append(iface);
    }

    void readRedHat()
    {
        const QString dir = QStringLiteral("/etc/sysconfig/network-scripts");
        const QStringList files = names(dir, [](const QString& n) {
            return n.startsWith(QLatin1String("ifcfg-")) && n != QLatin1String("ifcfg-lo");
        });
        if (files.isEmpty())
            return;
        QString ipv6Default;
        const QString globalPath = QStringLiteral("/etc/sysconfig/network");
        if (const auto global = read(globalPath)) {
            const QString line = parseSysconfigNetworkIpv6(*global);
            if (!line.isEmpty())
                ipv6Default = QStringLiteral("%1: %2").arg(globalPath, line);
        }
        for (const QString& name : files) {
            const QString path = joinPath(dir, name);
            if (const auto text = read(path))
                if (auto iface = parseIfcfg(*text, name, IfcfgFlavor::RedHat, ipv6Default))
                    add(*iface, path);
        }
    }

    void readSuse()
    {
        const QString dir = QStringLiteral("/etc/sysconfig/network");
        for (const QString& name : names(dir, [](const QString& n) {
                 return n.startsWith(QLatin1String("ifcfg-")) && n != QLatin1String("ifcfg-lo");
             })) {
            const QString path = joinPath(dir, name);
            if (const auto text = read(path))
                if (auto iface = parseIfcfg(*text, name, IfcfgFlavor::Suse))
                    add(*iface, path);
        }
    }

    void readWicked()
    {
        const QString dir = QStringLiteral("/etc/wicked/ifconfig");
        for (const QString& name :
             names(dir, [](const QString& n) { return n.endsWith(QLatin1String(".xml")); })) {
            const QString path = joinPath(dir, name);
            const auto text = read(path);
            if (!text)
                continue;
            QString error;
            for (const NetInterface& iface : parseWickedXml(*text, &error))
                add(iface, path);
            if (!error.isEmpty())
                report(path, error);
        }
    }

    // /etc/network/interfaces and every file it sources, depth first in the order ifupdown reads
    // them; each file once, however often it is sourced.
    void readIfupdown()
    {
        QList<QPair<QString, IfupdownConfig>> files;
        QSet<QString> visited;
        readIfupdownFile(QStringLiteral("/etc/network/interfaces"), 0, &files, &visited);
        QSet<QString> started;
        for (const auto& file : std::as_const(files))
            for (const QString& name : file.second.started)
                started.insert(withoutAlias(name));
        // Only what `ifup -a` and hotplug start at boot counts; other stanzas are left for an
        // administrator to bring up by hand.
        for (const auto& file : std::as_const(files)) {
            for (NetInterface iface : file.second.stanzas) {
                iface.name = withoutAlias(iface.name);
                if (iface.name != QLatin1String("lo") && started.contains(iface.name))
                    add(iface, file.first);
            }
        }
    }

    void readIfupdownFile(const QString& path, int depth,
                          QList<QPair<QString, IfupdownConfig>>* files, QSet<QString>* visited)
    {
        if (depth > kMaxIfupdownDepth || files->size() >= kMaxIfupdownFiles ||
            visited->contains(path))
            return;
        visited->insert(path);
        const auto text = read(path);
        if (!text)
            return;
        const IfupdownConfig config = parseIfupdown(*text);
        files->append({path, config});
        const QString here = path.section(u'/', 0, -2);
        const auto absolute = [&](const QString& p) {
            return p.startsWith(u'/') ? p
                                      : joinPath(here.isEmpty() ? QStringLiteral("/") : here, p);
        };
        for (const QString& source : config.sources) {
            const QString pattern = absolute(source);
            const QString dir = pattern.section(u'/', 0, -2);
            const QString leaf = pattern.section(u'/', -1);
            static const QRegularExpression globChars(QStringLiteral("[*?\\[]"));
            if (dir.contains(globChars))
                continue; // a glob in a directory component: ifupdown setups never do this
            if (!leaf.contains(globChars)) {
                readIfupdownFile(pattern, depth + 1, files, visited);
                continue;
            }
            const QRegularExpression re = QRegularExpression::fromWildcard(leaf);
            if (!re.isValid())
                continue;
            const QString base = dir.isEmpty() ? QStringLiteral("/") : dir;
            // A shell glob skips dot files but not backups: ifupdown reads "eth0.bak" too.
            const auto matches = [&](const QString& n) {
                return !n.startsWith(u'.') && re.match(n).hasMatch();
            };
            for (const QString& name : names(base, matches, Backups::Keep))
                readIfupdownFile(joinPath(base, name), depth + 1, files, visited);
        }
        // source-directory reads the files run-parts would: letters, digits, '_' and '-' only.
        static const QRegularExpression runParts(QStringLiteral("^[A-Za-z0-9_-]+$"));
        for (const QString& source : config.sourceDirectories) {
            const QString dir = absolute(source);
            for (const QString& name :
                 names(dir, [](const QString& n) { return runParts.match(n).hasMatch(); }))
                readIfupdownFile(joinPath(dir, name), depth + 1, files, visited);
        }
    }

    void readNetplan()
    {
        const QString dir = QStringLiteral("/etc/netplan");
        for (const QString& name :
             names(dir, [](const QString& n) { return n.endsWith(QLatin1String(".yaml")); })) {
            const QString path = joinPath(dir, name);
            const auto text = read(path);
            if (!text)
                continue;
            QString error;
            for (const NetInterface& iface : parseNetplan(*text, &error))
                add(iface, path);
            if (!error.isEmpty())
                report(path, error);
        }
    }

    void readNetworkManager()
    {
        const QString dir = QStringLiteral("/etc/NetworkManager/system-connections");
        // Keyfiles are *.nmconnection, or (older releases) files with no extension at all.
        for (const QString& name : names(dir, [](const QString& n) {
                 return n.endsWith(QLatin1String(".nmconnection")) || !n.contains(u'.');
             })) {
            const QString path = joinPath(dir, name);
            if (const auto text = read(path))
                if (auto iface = parseNmKeyfile(*text, name))
                    add(*iface, path);
        }
    }

    void readNetworkd()
    {
        const QString dir = QStringLiteral("/etc/systemd/network");
        for (const QString& name :
             names(dir, [](const QString& n) { return n.endsWith(QLatin1String(".network")); })) {
            const QString path = joinPath(dir, name);
            if (const auto text = read(path))
                for (const NetInterface& iface : parseNetworkdUnit(*text))
                    add(iface, path);
        }
    }

    void readGlobalIpv6()
    {
        // The kernel command line wins: with ipv6.disable=1 no sysctl can turn IPv6 back on.
        QStringList grubFiles{QStringLiteral("/etc/default/grub")};
        const QString grubDir = QStringLiteral("/etc/default/grub.d");
        for (const QString& name :
             names(grubDir, [](const QString& n) { return n.endsWith(QLatin1String(".cfg")); }))
            grubFiles << joinPath(grubDir, name);
        for (const QString& path : std::as_const(grubFiles)) {
            const auto text = read(path);
            if (!text)
                continue;
            const QString line = parseGrubIpv6Disable(*text);
            if (!line.isEmpty()) {
                m_facts->ipv6Disabled = true;
                m_facts->ipv6DisabledEvidence = QStringLiteral("%1: %2").arg(path, line);
                return;
            }
        }

        // sysctl.d files by name, /etc overriding a vendor file of the same name, then
        // /etc/sysctl.conf last, as `sysctl --system` applies them; the last setting wins.
        QMap<QString, QString> byName;
        for (const char* dir : {"/usr/lib/sysctl.d", "/etc/sysctl.d"}) {
            const QString d = QLatin1String(dir);
            for (const QString& name :
                 names(d, [](const QString& n) { return n.endsWith(QLatin1String(".conf")); }))
                byName.insert(name, joinPath(d, name));
        }
        QStringList sysctlFiles = byName.values();
        sysctlFiles << QStringLiteral("/etc/sysctl.conf");
        SysctlIpv6 last;
        QString lastPath;
        for (const QString& path : std::as_const(sysctlFiles)) {
            const auto text = read(path);
            if (!text)
                continue;
            const SysctlIpv6 found = parseSysctlDisableIpv6(*text);
            if (found.value >= 0) {
                last = found;
                lastPath = path;
            }
        }
        if (last.value >= 0) {
            m_facts->ipv6Disabled = last.value == 1;
            m_facts->ipv6DisabledEvidence = QStringLiteral("%1: %2").arg(lastPath, last.line);
        }
    }

    GuestFs& m_fs;
    GuestFacts* m_facts;
};

} // namespace

void inspectLinuxNetwork(GuestFs& fs, GuestFacts* facts)
{
    NetworkReader(fs, facts).readAll();
}

} // namespace cvmi::inspect
