#include "inspect/LinuxNetwork.h"
#include "inspect/network/ConfigText.h"

// Debian's ifupdown: /etc/network/interfaces and the files it sources.
namespace cvmi::inspect {

using namespace netcfg;

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
            } else if (words[2] == QLatin1String("inet") && words.size() >= 4 &&
                       words[3] == QLatin1String("static")) {
                iface.staticIpv4 = true;
                iface.staticEvidence = trimmed;
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

} // namespace cvmi::inspect
