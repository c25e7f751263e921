#include "inspect/LinuxRelease.h"

#include "inspect/ElfHeader.h"
#include "inspect/GuestPath.h"

#include <QRegularExpression>

namespace cvmi::inspect {

namespace {

constexpr size_t kMaxReleaseFile = 64 * 1024;

QString firstLine(const QByteArray& text)
{
    return QString::fromUtf8(text.left(text.indexOf('\n') < 0 ? text.size() : text.indexOf('\n')))
        .trimmed();
}

// "CentOS Linux release 7.9.2009 (Core)" → 7.9.2009; "Red Hat Enterprise Linux Server release 6.10
// (Santiago)" → 6.10.
QString releaseNumber(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("release\\s+([0-9][0-9.]*)"));
    const auto m = re.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

void setEvidence(GuestFacts* facts, const QString& key, const QString& path, const QString& value)
{
    facts->evidence.insert(key, Evidence{path, value});
}

// The precise version from the legacy file, when it agrees with os-release's major version:
// os-release says "7" where /etc/centos-release says "7.9.2009".
void refineVersion(GuestFacts* facts, const QString& precise, const QString& path,
                   const QString& line)
{
    if (precise.isEmpty())
        return;
    if (facts->version.isEmpty() || precise == facts->version ||
        precise.startsWith(facts->version + u'.')) {
        facts->version = precise;
        setEvidence(facts, QStringLiteral("version"), path, line);
    }
}

bool fromRedHatRelease(GuestFs& fs, GuestFacts* facts, bool haveOsRelease)
{
    for (const char* path : {"/etc/centos-release", "/etc/redhat-release"}) {
        const auto text = GuestPath::readFile(fs, QLatin1String(path), kMaxReleaseFile);
        if (!text)
            continue;
        const QString line = firstLine(*text);
        const QString number = releaseNumber(line);
        if (haveOsRelease) {
            if (facts->distro == QLatin1String("centos") || facts->distro == QLatin1String("rhel"))
                refineVersion(facts, number, QLatin1String(path), line);
            return true;
        }
        if (line.startsWith(QLatin1String("CentOS"))) {
            facts->distro = QStringLiteral("centos");
            facts->distroName = QStringLiteral("CentOS");
        } else if (line.startsWith(QLatin1String("Red Hat Enterprise Linux"))) {
            facts->distro = QStringLiteral("rhel");
            facts->distroName = QStringLiteral("Red Hat Enterprise Linux");
        } else if (line.startsWith(QLatin1String("Fedora"))) {
            facts->distro = QStringLiteral("fedora");
            facts->distroName = QStringLiteral("Fedora");
        } else {
            facts->distro = QStringLiteral("redhat-like");
            facts->distroName = line.section(QLatin1String(" release"), 0, 0);
        }
        facts->version = number;
        facts->prettyName = line;
        setEvidence(facts, QStringLiteral("distro"), QLatin1String(path), line);
        setEvidence(facts, QStringLiteral("version"), QLatin1String(path), line);
        return true;
    }
    return false;
}

bool fromSuseRelease(GuestFs& fs, GuestFacts* facts, bool haveOsRelease)
{
    const QString path = QStringLiteral("/etc/SuSE-release");
    const auto text = GuestPath::readFile(fs, path, kMaxReleaseFile);
    if (!text || haveOsRelease)
        return bool(text);
    // "SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 4"
    const QString line = firstLine(*text);
    QString version, patch;
    for (const QByteArray& raw : text->split('\n')) {
        const QString l = QString::fromUtf8(raw).trimmed();
        if (l.startsWith(QLatin1String("VERSION")))
            version = l.section(u'=', 1).trimmed();
        else if (l.startsWith(QLatin1String("PATCHLEVEL")))
            patch = l.section(u'=', 1).trimmed();
    }
    const bool opensuse = line.contains(QLatin1String("openSUSE"), Qt::CaseInsensitive);
    facts->distro = opensuse ? QStringLiteral("opensuse") : QStringLiteral("sles");
    facts->distroName =
        opensuse ? QStringLiteral("openSUSE") : QStringLiteral("SUSE Linux Enterprise Server");
    facts->version =
        patch.isEmpty() || patch == QLatin1String("0") ? version : version + u'.' + patch;
    facts->prettyName = line;
    setEvidence(facts, QStringLiteral("distro"), path, line);
    setEvidence(facts, QStringLiteral("version"), path,
                QStringLiteral("VERSION = %1, PATCHLEVEL = %2").arg(version, patch));
    return true;
}

bool fromLsbRelease(GuestFs& fs, GuestFacts* facts, bool haveOsRelease)
{
    const QString path = QStringLiteral("/etc/lsb-release");
    const auto text = GuestPath::readFile(fs, path, kMaxReleaseFile);
    if (!text || haveOsRelease)
        return bool(text);
    const auto values = parseOsRelease(*text);
    const QString id = values.value(QStringLiteral("DISTRIB_ID"));
    if (id.isEmpty())
        return false;
    facts->distro = id.toLower();
    facts->distroName = id;
    facts->version = values.value(QStringLiteral("DISTRIB_RELEASE"));
    facts->prettyName = values.value(QStringLiteral("DISTRIB_DESCRIPTION"));
    setEvidence(facts, QStringLiteral("distro"), path, QStringLiteral("DISTRIB_ID=") + id);
    setEvidence(facts, QStringLiteral("version"), path,
                QStringLiteral("DISTRIB_RELEASE=") + facts->version);
    return true;
}

bool fromDebianVersion(GuestFs& fs, GuestFacts* facts, bool haveRelease)
{
    const QString path = QStringLiteral("/etc/debian_version");
    const auto text = GuestPath::readFile(fs, path, kMaxReleaseFile);
    if (!text)
        return false;
    const QString line = firstLine(*text);
    if (haveRelease) {
        // "12.4" refines os-release's VERSION_ID="12"; Ubuntu's "bookworm/sid" does not.
        if (facts->distro == QLatin1String("debian"))
            refineVersion(facts, line, path, line);
        return true;
    }
    facts->distro = QStringLiteral("debian");
    facts->distroName = QStringLiteral("Debian GNU/Linux");
    facts->version = !line.isEmpty() && line.front().isDigit() ? line : QString();
    facts->prettyName = QStringLiteral("Debian GNU/Linux %1").arg(line);
    setEvidence(facts, QStringLiteral("distro"), path, line);
    setEvidence(facts, QStringLiteral("version"), path, line);
    return true;
}

} // namespace

QMap<QString, QString> parseOsRelease(QByteArrayView text)
{
    QMap<QString, QString> values;
    const QString all = QString::fromUtf8(text.data(), text.size());
    for (const QString& rawLine : all.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        // Shell quoting as os-release(5) allows it: "double" (with \" \\ \$ \` escapes) or
        // 'single' quotes.
        if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') &&
            value.back() == value.front()) {
            const QChar quote = value.front();
            value = value.mid(1, value.size() - 2);
            if (quote == u'"') {
                QString unescaped;
                for (qsizetype i = 0; i < value.size(); ++i) {
                    if (value[i] == u'\\' && i + 1 < value.size())
                        ++i;
                    unescaped += value[i];
                }
                value = unescaped;
            }
        }
        values.insert(key, value);
    }
    return values;
}

bool detectLinuxRelease(GuestFs& fs, GuestFacts* facts)
{
    bool haveOsRelease = false;
    for (const char* path : {"/etc/os-release", "/usr/lib/os-release"}) {
        const auto text = GuestPath::readFile(fs, QLatin1String(path), kMaxReleaseFile);
        if (!text)
            continue;
        const auto values = parseOsRelease(*text);
        QString id = values.value(QStringLiteral("ID")).toLower();
        if (id.isEmpty())
            continue;
        // Fedora CoreOS says ID=fedora, VARIANT_ID=coreos.
        if (id == QLatin1String("fedora") &&
            values.value(QStringLiteral("VARIANT_ID")) == QLatin1String("coreos"))
            id = QStringLiteral("fedora-coreos");
        facts->distro = id;
        facts->distroName = values.value(QStringLiteral("NAME"), id);
        facts->version = values.value(QStringLiteral("VERSION_ID"));
        facts->prettyName = values.value(QStringLiteral("PRETTY_NAME"), facts->distroName);
        setEvidence(facts, QStringLiteral("distro"), QLatin1String(path),
                    QStringLiteral("ID=%1").arg(values.value(QStringLiteral("ID"))));
        setEvidence(facts, QStringLiteral("version"), QLatin1String(path),
                    QStringLiteral("VERSION_ID=\"%1\"").arg(facts->version));
        haveOsRelease = true;
        break;
    }
    bool found = haveOsRelease;
    found = fromRedHatRelease(fs, facts, found) || found;
    found = fromSuseRelease(fs, facts, found) || found;
    found = fromLsbRelease(fs, facts, found) || found;
    found = fromDebianVersion(fs, facts, found) || found;
    return found;
}

void detectLinuxArchitecture(GuestFs& fs, GuestFacts* facts)
{
    for (const char* path : {"/bin/sh", "/usr/bin/ls", "/bin/ls", "/sbin/init", "/usr/bin/bash"}) {
        const auto head = GuestPath::readFile(fs, QLatin1String(path), 64);
        if (!head)
            continue;
        const QString arch = elfArchitecture(*head);
        if (arch.isEmpty())
            continue; // a script (some /sbin/init are), keep looking
        facts->architecture = arch;
        setEvidence(facts, QStringLiteral("architecture"), QLatin1String(path),
                    QStringLiteral("ELF %1").arg(arch));
        return;
    }
    facts->architecture = QStringLiteral("unknown");
}

} // namespace cvmi::inspect
