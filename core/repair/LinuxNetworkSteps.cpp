// The Linux network steps: DHCP on eth0, the rename to eth0, IPv6 off. Each edits the one file the
// check named, in that file's own format.
#include "repair/LinuxSystemSupport.h"

#include <QRegularExpression>

namespace cvmi::repair::linuxsys {

bool plainName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._@:-]{1,64}$"));
    return re.match(name).hasMatch();
}

QString guestPath(const QString& path)
{
    return QStringLiteral("\"$ROOT\"") + shQuote(path);
}

QString sedLiteral(const QString& name)
{
    QString out = name;
    return out.replace(u'.', QStringLiteral("\\."));
}

QString fill(QString code, std::initializer_list<std::pair<const char*, QString>> values)
{
    for (const auto& [key, value] : values)
        code.replace(QLatin1Char('@') + QLatin1String(key) + QLatin1Char('@'), value);
    return code;
}

namespace {

// The interface that will be eth0 (as the network_dhcp check chose it).
const inspect::NetInterface* futureEth0(const inspect::GuestFacts& g)
{
    for (const auto& i : g.interfaces)
        if (i.name == QLatin1String("eth0"))
            return &i;
    return g.interfaces.size() == 1 ? &g.interfaces.first() : nullptr;
}

enum class Format { RedHat, Suse, Ifupdown, Netplan, Nm, Networkd, Other };

Format formatOf(const QString& path)
{
    if (path.startsWith(QLatin1String("/etc/sysconfig/network-scripts/ifcfg-")))
        return Format::RedHat;
    if (path.startsWith(QLatin1String("/etc/sysconfig/network/ifcfg-")))
        return Format::Suse;
    if (path.startsWith(QLatin1String("/etc/network/")))
        return Format::Ifupdown;
    if (path.startsWith(QLatin1String("/etc/netplan/")))
        return Format::Netplan;
    if (path.startsWith(QLatin1String("/etc/NetworkManager/")))
        return Format::Nm;
    if (path.startsWith(QLatin1String("/etc/systemd/network/")))
        return Format::Networkd;
    return Format::Other;
}

QString dhcpCode(Format format, const QString& path, const QString& name)
{
    const QString f = guestPath(path);
    switch (format) {
    case Format::RedHat:
    case Format::Suse:
        // SUSE's "dhcp" also starts DHCPv6, which the cloud does not serve: dhcp4 there.
        return fill(
            QStringLiteral(R"sh(f=@F@
set_conf "$f" BOOTPROTO @PROTO@
if grep -q -E '^[[:space:]]*(IPADDR|NETMASK|GATEWAY|PREFIX)[0-9_]*=' "$f"; then
    change "remove the static IPADDR/NETMASK/GATEWAY/PREFIX lines of ${f#"$ROOT"}" \
        sed_file "$f" '/^[[:space:]]*(IPADDR|NETMASK|GATEWAY|PREFIX)[0-9_]*=/d'
fi)sh"),
            {{"F", f},
             {"PROTO", format == Format::Suse ? QStringLiteral("dhcp4") : QStringLiteral("dhcp")}});
    case Format::Ifupdown:
        return fill(QStringLiteral(R"sh(f=@F@
if grep -q -E '^[[:space:]]*iface[[:space:]]+@N@[[:space:]]+inet[[:space:]]+static' "$f"; then
    change "iface @NAME@ inet static -> inet dhcp in ${f#"$ROOT"} (its address, netmask and gateway lines removed)" \
        sed_file "$f" '/^[[:space:]]*iface[[:space:]]+@N@[[:space:]]+inet[[:space:]]+static/,/^[[:space:]]*(iface|auto|allow-|mapping|source)/{/^[[:space:]]*(address|netmask|gateway|broadcast|network)[[:space:]]/d;}
s/^([[:space:]]*iface[[:space:]]+@N@[[:space:]]+inet[[:space:]]+)static/\1dhcp/'
else
    already "${f#"$ROOT"} has no static stanza for @NAME@"
fi)sh"),
                    {{"F", f}, {"N", sedLiteral(name)}, {"NAME", name}});
    case Format::Netplan:
        // YAML cannot be edited safely with sed: the old file is set aside (into the script's
        // backups, out of netplan's sight) and a minimal one takes its place.
        return fill(QStringLiteral(R"sh(f=@F@
new="$ROOT/etc/netplan/50-cvm-import-dhcp.yaml"
_cvmi_netplan() {
    printf 'network:\n  version: 2\n  ethernets:\n    %s:\n      dhcp4: true\n' @NAMEQ@ >"$1"
}
if [ -f "$f" ] && [ "$f" != "$new" ]; then
    set_aside "$f"
fi
if [ -f "$new" ]; then
    already "${new#"$ROOT"} configures @NAME@ by DHCP"
else
    change "write ${new#"$ROOT"}: @NAME@ by DHCP" _cvmi_netplan "$new"
fi
note "the new netplan file keeps no match:, routes or nameservers of the old one (see /var/backups/cvm-import${f#"$ROOT"})")sh"),
                    {{"F", f}, {"NAMEQ", shQuote(name)}, {"NAME", name}});
    case Format::Nm:
        return fill(QStringLiteral(R"sh(f=@F@
if sed -n '/^\[ipv4\]/,/^\[/p' "$f" | grep -q -E '^[[:space:]]*method=manual'; then
    change "[ipv4] method=manual -> method=auto in ${f#"$ROOT"} (its static addresses removed)" \
        sed_file "$f" '/^\[ipv4\]/,/^\[/{s/^[[:space:]]*method=manual/method=auto/;/^[[:space:]]*(address[0-9]*|addresses|gateway)=/d;}'
else
    already "${f#"$ROOT"} has [ipv4] method=auto"
fi)sh"),
                    {{"F", f}});
    case Format::Networkd:
        return fill(QStringLiteral(R"sh(f=@F@
if grep -q -E '^[[:space:]]*DHCP=[[:space:]]*(yes|true|on|1|ipv4|both)[[:space:]]*$' "$f"; then
    already "${f#"$ROOT"} has DHCP for IPv4"
elif grep -q -E '^[[:space:]]*DHCP=' "$f"; then
    change "DHCP=ipv4 in ${f#"$ROOT"} (IPv4 Address= lines removed)" \
        sed_file "$f" 's/^[[:space:]]*DHCP=.*/DHCP=ipv4/;/^[[:space:]]*(Address|Gateway)=[[:space:]]*[0-9]+\./d'
else
    change "DHCP=ipv4 in ${f#"$ROOT"} (IPv4 Address= lines removed)" \
        sed_file "$f" '/^\[Network\]/a DHCP=ipv4
/^[[:space:]]*(Address|Gateway)=[[:space:]]*[0-9]+\./d'
fi)sh"),
                    {{"F", f}});
    case Format::Other:
        break;
    }
    return {};
}

} // namespace

QList<FixStep> dhcpSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                         QString* manual)
{
    const auto* eth0 = futureEth0(facts.guest);
    if (!eth0 || !eth0->staticIpv4) {
        *manual =
            Fix::tr("Keep one interface, eth0, configured by DHCP (which one is your choice).");
        return {};
    }
    const Format format = formatOf(eth0->staticSource);
    if (format == Format::Other || !plainName(eth0->name)) {
        *manual = Fix::tr("Configure %1 by DHCP in %2.").arg(eth0->name, eth0->staticSource);
        return {};
    }
    return {FixStep{Fix::tr("%1 by DHCP in %2").arg(eth0->name, eth0->staticSource),
                    dhcpCode(format, eth0->staticSource, eth0->name)}};
}

namespace {

// net.ifnames=0 biosdevname=0 on GRUB_CMDLINE_LINUX, and grub.cfg made again with the guest's tool.
const char kKernelNames[] = R"sh(g="$ROOT/etc/default/grub"
regen=0
if [ ! -f "$g" ]; then
    note "no /etc/default/grub: add net.ifnames=0 biosdevname=0 to the kernel command line by hand"
elif grep -q -E '^[[:space:]]*GRUB_CMDLINE_LINUX=.*net\.ifnames=0' "$g"; then
    already "GRUB_CMDLINE_LINUX has net.ifnames=0"
elif grep -q -E '^[[:space:]]*GRUB_CMDLINE_LINUX="' "$g"; then
    change "add net.ifnames=0 biosdevname=0 to GRUB_CMDLINE_LINUX in /etc/default/grub" \
        sed_file "$g" 's/^([[:space:]]*GRUB_CMDLINE_LINUX="[^"]*)"/\1 net.ifnames=0 biosdevname=0"/' && regen=1
else
    note "GRUB_CMDLINE_LINUX is not a double-quoted line in /etc/default/grub: add net.ifnames=0 biosdevname=0 by hand"
fi
if [ "$regen" = 1 ]; then
    if guest_has grub2-mkconfig && [ -d "$ROOT/boot/grub2" ]; then
        change "regenerate /boot/grub2/grub.cfg" guest_run grub2-mkconfig -o /boot/grub2/grub.cfg
    elif guest_has update-grub; then
        change "regenerate /boot/grub/grub.cfg" guest_run update-grub
    elif guest_has grub-mkconfig && [ -d "$ROOT/boot/grub" ]; then
        change "regenerate /boot/grub/grub.cfg" guest_run grub-mkconfig -o /boot/grub/grub.cfg
    else
        note "regenerate grub.cfg (grub2-mkconfig or update-grub) so the kernel gets net.ifnames=0"
    fi
fi)sh";

QString renameCode(Format format, const QString& path, const QString& name)
{
    const QString f = guestPath(path);
    const QString n = sedLiteral(name);
    switch (format) {
    case Format::RedHat:
    case Format::Suse: {
        QString to = path;
        to.replace(QRegularExpression(QStringLiteral("ifcfg-[^/]*$")),
                   QStringLiteral("ifcfg-eth0"));
        return fill(QStringLiteral(R"sh(f=@F@
to=@TO@
if [ -f "$f" ] && [ ! -e "$to" ]; then
    change "rename ${f#"$ROOT"} to ${to#"$ROOT"}" mv "$f" "$to"
fi
if [ -f "$to" ]; then
    if [ -n "$(conf_value "$to" DEVICE)" ]; then set_conf "$to" DEVICE eth0; fi
    if [ -n "$(conf_value "$to" NAME)" ]; then set_conf "$to" NAME eth0; fi
else
    note "${f#"$ROOT"} is gone and ${to#"$ROOT"} does not exist"
fi)sh"),
                    {{"F", f}, {"TO", guestPath(to)}});
    }
    case Format::Ifupdown:
        return fill(QStringLiteral(R"sh(f=@F@
if grep -q -E '^[[:space:]]*(auto|allow-[a-z-]+|iface)[[:space:]](.*[[:space:]])?@N@([[:space:]]|$)' "$f"; then
    change "@NAME@ -> eth0 in ${f#"$ROOT"}" \
        sed_file "$f" '/^[[:space:]]*(auto|allow-[a-z-]+|iface)[[:space:]]/{s/([[:space:]])@N@([[:space:]]|$)/\1eth0\2/g;}'
else
    already "${f#"$ROOT"} names eth0"
fi)sh"),
                    {{"F", f}, {"N", n}, {"NAME", name}});
    case Format::Netplan:
        return fill(QStringLiteral(R"sh(f=@F@
if grep -q -E '^[[:space:]]+(@N@:|(set-name|name):[[:space:]]*["'"'"']?@N@["'"'"']?)[[:space:]]*$' "$f"; then
    change "@NAME@ -> eth0 in ${f#"$ROOT"}" \
        sed_file "$f" 's/^([[:space:]]+)@N@:[[:space:]]*$/\1eth0:/;s/^([[:space:]]+(set-name|name):[[:space:]]*)["'"'"']?@N@["'"'"']?[[:space:]]*$/\1eth0/'
else
    already "${f#"$ROOT"} names eth0"
fi)sh"),
                    {{"F", f}, {"N", n}, {"NAME", name}});
    case Format::Nm:
    case Format::Networkd: {
        const QString key =
            format == Format::Nm ? QStringLiteral("interface-name") : QStringLiteral("Name");
        return fill(QStringLiteral(R"sh(f=@F@
if grep -q -E '^[[:space:]]*@KEY@=[[:space:]]*@N@[[:space:]]*$' "$f"; then
    change "@KEY@=eth0 in ${f#"$ROOT"}" sed_file "$f" 's/^[[:space:]]*@KEY@=[[:space:]]*@N@[[:space:]]*$/@KEY@=eth0/'
else
    already "${f#"$ROOT"} names eth0"
fi)sh"),
                    {{"F", f}, {"N", n}, {"NAME", name}, {"KEY", key}});
    }
    case Format::Other:
        break;
    }
    return {};
}

} // namespace

QList<FixStep> renameSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                           QString* manual)
{
    const auto& g = facts.guest;
    if (g.family != QLatin1String("linux") || g.interfaces.size() != 1) {
        *manual = Fix::tr("Several interfaces are configured: keep one (your choice), name it "
                          "eth0 and remove the configuration of the others.");
        return {};
    }
    const auto& i = g.interfaces.first();
    const Format format = formatOf(i.source);
    if (format == Format::Other || !plainName(i.name)) {
        *manual = Fix::tr("Rename %1 to eth0 in %2, and add net.ifnames=0 biosdevname=0 to the "
                          "kernel command line.")
                      .arg(i.name, i.source);
        return {};
    }
    return {FixStep{Fix::tr("Kernel names (net.ifnames=0 biosdevname=0)"),
                    QString::fromUtf8(kKernelNames)},
            FixStep{Fix::tr("%1 renamed to eth0 in %2").arg(i.name, i.source),
                    renameCode(format, i.source, i.name)}};
}

// sysctl.d files are applied by name and /etc/sysctl.conf last: ours comes late by name, and a
// "= 0" in sysctl.conf, which would win over it, is turned to 1.
const char kIpv6Sysctl[] = R"sh(f="$ROOT/etc/sysctl.d/99-cvm-import-ipv6.conf"
if [ ! -d "$ROOT/etc/sysctl.d" ]; then change "create /etc/sysctl.d" mkdir -p "$ROOT/etc/sysctl.d"; fi
append_line "$f" 'net.ipv6.conf.all.disable_ipv6 = 1'
append_line "$f" 'net.ipv6.conf.default.disable_ipv6 = 1'
c="$ROOT/etc/sysctl.conf"
if [ -f "$c" ] && grep -q -E '^[[:space:]]*-?net[./]ipv6[./]conf[./]all[./]disable_ipv6[[:space:]]*=[[:space:]]*0[[:space:]]*$' "$c"; then
    change "net.ipv6.conf.all.disable_ipv6 = 0 -> 1 in /etc/sysctl.conf" \
        sed_file "$c" 's/^([[:space:]]*-?net[./]ipv6[./]conf[./]all[./]disable_ipv6[[:space:]]*=[[:space:]]*)0/\11/'
fi
)sh";

QList<FixStep> ipv6Steps(const inspect::ImageFacts& facts, const policy::RuleResult&, QString*)
{
    QString code = QString::fromUtf8(kIpv6Sysctl);
    for (const auto& i : facts.guest.interfaces) {
        if (i.ipv6 && formatOf(i.source) == Format::RedHat &&
            i.ipv6Evidence.contains(QLatin1String("IPV6INIT=yes")))
            code +=
                fill(QStringLiteral("set_conf @F@ IPV6INIT no\n"), {{"F", guestPath(i.source)}});
    }
    return {FixStep{Fix::tr("IPv6 off (sysctl)"), code}};
}

} // namespace cvmi::repair::linuxsys
