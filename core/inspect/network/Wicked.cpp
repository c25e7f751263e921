#include "inspect/LinuxNetwork.h"
#include "inspect/network/ConfigText.h"

#include <QXmlStreamReader>

// SUSE's wicked ifconfig XML.
namespace cvmi::inspect {

using namespace netcfg;

namespace {

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

} // namespace cvmi::inspect
