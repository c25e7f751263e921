#include "inspect/LinuxNetwork.h"
#include "inspect/network/ConfigText.h"

// IPv6 switched off for the whole system: sysctl.conf and the kernel command line in
// /etc/default/grub.
namespace cvmi::inspect {

using namespace netcfg;

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

} // namespace cvmi::inspect
