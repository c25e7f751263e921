#include "inspect/LinuxFstab.h"

#include "inspect/GuestPath.h"

namespace cvmi::inspect {

namespace {

constexpr size_t kMaxFstab = 1024 * 1024;
constexpr qsizetype kMaxDirectoryEntries = 256;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}

// fstab writes a blank inside a field as \040 (and a tab as \011, a backslash as \134).
QString decodeField(QByteArrayView field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size() && isOctal(field[i + 1]) &&
            isOctal(field[i + 2]) && isOctal(field[i + 3])) {
            const int value =
                (field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0');
            out.append(char(value & 0xFF));
            i += 3;
        } else {
            out.append(field[i]);
        }
    }
    return QString::fromUtf8(out);
}

QList<QByteArrayView> fields(QByteArrayView line)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && isBlank(line[i]))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && !isBlank(line[i]))
            ++i;
        if (i > start)
            out.append(line.sliced(start, i - start));
    }
    return out;
}

} // namespace

QList<FstabEntry> parseFstab(QByteArrayView text)
{
    QList<FstabEntry> entries;
    int lineNumber = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        const QList<QByteArrayView> f = fields(line);
        if (f.size() < 2 || f[0].startsWith('#'))
            continue;
        FstabEntry entry;
        entry.spec = decodeField(f[0]);
        entry.mountPoint = decodeField(f[1]);
        if (f.size() > 2)
            entry.type = decodeField(f[2]);
        if (f.size() > 3)
            entry.options = decodeField(f[3]);
        entry.line = lineNumber;
        entries.append(entry);
    }
    return entries;
}

void inspectFstab(GuestFs& fs, GuestFacts* facts)
{
    if (const auto text = GuestPath::readFile(fs, QStringLiteral("/etc/fstab"), kMaxFstab))
        facts->fstab = parseFstab(*text);
}

void inspectCloudInit(GuestFs& fs, GuestFacts* facts)
{
    // A path counts only when it resolves inside the guest: a dangling link is no installation.
    const auto present = [&](const QString& path) {
        return GuestPath::resolve(fs, path, true, nullptr).has_value();
    };
    QStringList candidates{QStringLiteral("/etc/cloud/cloud.cfg"),
                           QStringLiteral("/usr/bin/cloud-init"),
                           QStringLiteral("/usr/local/bin/cloud-init")};
    // The Python package, for any Python (python2.7 on CentOS 7, python3.x elsewhere).
    QStringList pythons;
    for (const QString& name : GuestPath::list(fs, QStringLiteral("/usr/lib")))
        if (name.startsWith(QLatin1String("python")))
            pythons << name;
    pythons.sort();
    if (pythons.size() > kMaxDirectoryEntries)
        pythons.resize(kMaxDirectoryEntries);
    for (const QString& python : std::as_const(pythons))
        for (const char* packages : {"site-packages", "dist-packages"})
            candidates
                << QStringLiteral("/usr/lib/%1/%2/cloudinit").arg(python, QLatin1String(packages));
    for (const QString& path : std::as_const(candidates)) {
        if (present(path)) {
            facts->cloudInit = true;
            facts->cloudInitEvidence = path;
            return;
        }
    }
    facts->cloudInit = false;
    facts->cloudInitEvidence.clear();
}

} // namespace cvmi::inspect
