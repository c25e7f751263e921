#include "inspect/BootLoaderTitle.h"

#include "inspect/GuestPath.h"

#include <QRegularExpression>

namespace cvmi::inspect {

namespace {

// A grub.cfg of a few kernels is 5-10 KiB; a BLS entry a few hundred bytes.
constexpr size_t kMaxConfigBytes = 256 * 1024;
// Entries looked at in /loader/entries: one per installed kernel, a handful in practice.
constexpr int kMaxEntries = 32;

struct KnownName {
    const char* prefix;
    const char* id;
};
// The names the distributions' installers put in boot menu titles, and their os-release IDs.
constexpr KnownName kNames[] = {
    {"Red Hat Enterprise Linux", "rhel"},
    {"CentOS Stream", "centos"},
    {"CentOS Linux", "centos"},
    {"CentOS", "centos"},
    {"Rocky Linux", "rocky"},
    {"AlmaLinux", "almalinux"},
    {"Oracle Linux", "ol"},
    {"Fedora", "fedora"},
    {"openSUSE Leap", "opensuse-leap"},
    {"SLES", "sles"},
    {"SUSE Linux Enterprise Server", "sles"},
    {"Ubuntu", "ubuntu"},
    {"Debian GNU/Linux", "debian"},
};

QString firstMenuEntryTitle(const QByteArray& config)
{
    static const QRegularExpression entry(QStringLiteral(R"(^\s*menuentry\s+(['"])([^'"]*)\1)"),
                                          QRegularExpression::MultilineOption);
    const auto match = entry.match(QString::fromUtf8(config));
    return match.hasMatch() ? match.captured(2) : QString();
}

QString blsTitle(const QByteArray& entry)
{
    for (const QByteArray& line : entry.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith("title ") || trimmed.startsWith("title\t"))
            return QString::fromUtf8(trimmed.mid(6).trimmed());
    }
    return {};
}

bool useTitle(const QString& path, const QString& title, GuestFacts* facts)
{
    if (title.isEmpty() || !distroFromTitle(title, facts))
        return false;
    facts->evidence.insert(QStringLiteral("distro"), Evidence{path, title});
    return true;
}

} // namespace

bool distroFromTitle(const QString& title, GuestFacts* facts)
{
    for (const KnownName& known : kNames) {
        const QString prefix = QLatin1String(known.prefix);
        if (!title.startsWith(prefix))
            continue;
        facts->distro = QLatin1String(known.id);
        facts->distroName = prefix;
        // "… (KERNEL) 8.8 (Ootpa)": the version follows the kernel in parentheses.
        static const QRegularExpression version(QStringLiteral(R"(\)\s+(\d+(?:\.\d+)*))"));
        const auto match = version.match(title);
        facts->version = match.hasMatch() ? match.captured(1) : QString();
        facts->prettyName = title;
        return true;
    }
    return false;
}

bool distroFromBootLoader(GuestFs& boot, GuestFacts* facts)
{
    QStringList entries = GuestPath::list(boot, QStringLiteral("/loader/entries"))
                              .filter(QRegularExpression(QStringLiteral(R"(\.conf$)")));
    entries.sort();
    for (const QString& name : entries.mid(0, kMaxEntries)) {
        const QString path = QStringLiteral("/loader/entries/") + name;
        if (const auto entry = GuestPath::readFile(boot, path, kMaxConfigBytes);
            entry && useTitle(QStringLiteral("/boot") + path, blsTitle(*entry), facts))
            return true;
    }
    for (const char* path : {"/grub2/grub.cfg", "/grub/grub.cfg"}) {
        if (const auto config = GuestPath::readFile(boot, QLatin1String(path), kMaxConfigBytes);
            config && useTitle(QStringLiteral("/boot") + QLatin1String(path),
                               firstMenuEntryTitle(*config), facts))
            return true;
    }
    return false;
}

} // namespace cvmi::inspect
