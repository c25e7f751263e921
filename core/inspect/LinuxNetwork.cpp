#include "inspect/LinuxNetwork.h"

#include "inspect/GuestPath.h"
#include "inspect/network/ConfigText.h"

#include <QHash>
#include <QSet>

// Reading the guest: which files exist, in which order they count, and how their interfaces
// combine. The parsers, one per configuration format, are in inspect/network/.
namespace cvmi::inspect {

using namespace netcfg;

namespace {

// Bounds on what a hostile or damaged image can make us read: a configuration file is a few
// kilobytes, a configuration directory holds a handful of files.
constexpr size_t kMaxConfigFile = 1024 * 1024;
constexpr qsizetype kMaxDirectoryEntries = 256;
constexpr int kMaxIfupdownFiles = 64;
constexpr int kMaxIfupdownDepth = 8;

} // namespace

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
        if (iface.staticIpv4)
            iface.staticSource = path;
        for (NetInterface& known : m_facts->interfaces) {
            if (known.name != iface.name)
                continue;
            if (iface.staticIpv4 && !known.staticIpv4) {
                known.staticIpv4 = true;
                known.staticEvidence = iface.staticEvidence;
                known.staticSource = path;
            }
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
