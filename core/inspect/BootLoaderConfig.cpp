// The boot loader configuration of a Linux guest: which root= each kernel command line gives.
// A root=/dev/sda1 or a root=UUID= of a file system that is not on the disk is the commonest
// reason an imported image never boots, and the boot loader files say it before the boot does.
#include "inspect/BootLoaderConfig.h"

#include "inspect/GuestPath.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace cvmi::inspect {

namespace bootconfig {

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\v' || c == u'\f';
}

// The lines of a file, each with its 1-based number; a NUL ends nothing (it is just a byte).
template <typename F> void forEachLine(QByteArrayView text, F&& f)
{
    int number = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        ++number;
        f(QString::fromUtf8(text.sliced(pos, end - pos)).trimmed(), number);
        pos = end + 1;
    }
}

// The first word of a line and the rest, split at blanks (or at '=' when allowed).
std::pair<QString, QString> keyAndRest(const QString& line, bool equalsSplits = false)
{
    qsizetype i = 0;
    while (i < line.size() && !isBlank(line[i]) && !(equalsSplits && line[i] == u'='))
        ++i;
    qsizetype j = i;
    while (j < line.size() && (isBlank(line[j]) || (equalsSplits && j == i && line[j] == u'=')))
        ++j;
    return {line.left(i), line.mid(j).trimmed()};
}

// A shell-style value: surrounding single or double quotes removed.
QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') &&
        value.back() == value.front())
        return value.mid(1, value.size() - 2);
    return value;
}

// The first quoted (or bare) word after `menuentry`/`submenu`/`title`: the entry's title.
QString grubTitle(const QString& rest)
{
    if (rest.isEmpty())
        return {};
    const QChar quote = rest.front();
    if (quote == u'\'' || quote == u'"') {
        const qsizetype end = rest.indexOf(quote, 1);
        return end < 0 ? rest.mid(1) : rest.mid(1, end - 1);
    }
    return keyAndRest(rest).first;
}

BootCommandLine commandLine(const QString& source, int line, const QString& entry,
                            const QString& kind, const QString& command)
{
    BootCommandLine out;
    out.source = source;
    out.line = line;
    out.entry = entry.left(256);
    out.kind = kind;
    out.command = command.left(kMaxCommandChars);
    out.root = rootArgument(out.command);
    return out;
}

int numberOr(const QString& text, int fallback)
{
    bool ok = false;
    const int n = unquoted(text).toInt(&ok);
    return ok && n >= 0 ? n : fallback;
}

} // namespace

QString rootArgument(QStringView commandLine)
{
    QString root;
    qsizetype i = 0;
    while (i < commandLine.size()) {
        while (i < commandLine.size() && isBlank(commandLine[i]))
            ++i;
        // The kernel keeps blanks inside double quotes in one argument (root="LABEL=my root").
        const qsizetype start = i;
        bool quoted = false;
        while (i < commandLine.size() && (quoted || !isBlank(commandLine[i])))
            quoted = commandLine[i++] == u'"' ? !quoted : quoted;
        const QStringView word = commandLine.sliced(start, i - start);
        if (word.startsWith(u"root="))
            root = unquoted(word.mid(5).toString()).remove(u'"');
    }
    return root;
}

QList<BootCommandLine> parseGrubCfg(QByteArrayView text, const QString& source)
{
    QList<BootCommandLine> out;
    QString title;
    int depth = 0, topIndex = -1, entryTop = -1, defaultIndex = 0;
    bool defaultGiven = false;
    forEachLine(text, [&](const QString& line, int number) {
        if (line.startsWith(u'#') || out.size() >= kMaxCommandLines)
            return;
        const auto [key, rest] = keyAndRest(line);
        if (key == QLatin1String("menuentry") || key == QLatin1String("submenu")) {
            if (depth == 0)
                ++topIndex;
            if (key == QLatin1String("menuentry")) {
                title = grubTitle(rest);
                entryTop = topIndex;
            }
        } else if (key == QLatin1String("set") && depth == 0 &&
                   rest.startsWith(QLatin1String("default="))) {
            defaultIndex = numberOr(rest.mid(8), 0); // ${saved_entry}: the first
            defaultGiven = true;
        } else if (key == QLatin1String("set") && rest.startsWith(QLatin1String("kernelopts="))) {
            out << commandLine(source, number, QStringLiteral("kernelopts"),
                               QStringLiteral("grub.cfg"), unquoted(rest.mid(11)));
        } else if (depth > 0 && (key == QLatin1String("linux") || key == QLatin1String("linux16") ||
                                 key == QLatin1String("linuxefi"))) {
            BootCommandLine c = commandLine(source, number, title, QStringLiteral("grub.cfg"),
                                            keyAndRest(rest).second);
            c.isDefault = entryTop == (defaultGiven ? defaultIndex : 0) &&
                          std::none_of(out.cbegin(), out.cend(),
                                       [](const BootCommandLine& b) { return b.isDefault; });
            out << c;
        }
        // Braces open and close blocks (menuentry ... { and the lone }).
        if (line.endsWith(u'{'))
            ++depth;
        if (line == QLatin1String("}") && depth > 0)
            --depth;
    });
    return out;
}

QList<BootCommandLine> parseGrubEnv(QByteArrayView text, const QString& source)
{
    QList<BootCommandLine> out;
    forEachLine(text, [&](const QString& line, int number) {
        if (out.isEmpty() && line.startsWith(QLatin1String("kernelopts=")))
            out << commandLine(source, number, QStringLiteral("kernelopts"),
                               QStringLiteral("grubenv"), line.mid(11));
    });
    return out;
}

QList<BootCommandLine> parseBlsEntry(QByteArrayView text, const QString& source,
                                     const QString& kernelopts)
{
    QString title, options;
    int optionsLine = 0;
    forEachLine(text, [&](const QString& line, int number) {
        const auto [key, rest] = keyAndRest(line);
        if (key == QLatin1String("title") && title.isEmpty())
            title = rest;
        else if (key == QLatin1String("options") && options.size() < kMaxCommandChars) {
            options += (options.isEmpty() ? QString() : QStringLiteral(" ")) + rest;
            optionsLine = optionsLine ? optionsLine : number;
        }
    });
    if (!optionsLine)
        return {};
    const bool substituted =
        !kernelopts.isEmpty() && options.contains(QLatin1String("$kernelopts"));
    const bool ownRoot = !rootArgument(options).isEmpty();
    if (substituted)
        options.replace(QLatin1String("$kernelopts"), kernelopts.left(kMaxCommandChars));
    BootCommandLine c = commandLine(source, optionsLine, title, QStringLiteral("bls"), options);
    c.fromKernelopts = substituted && !ownRoot;
    return {c};
}

QList<BootCommandLine> parseMenuLst(QByteArrayView text, const QString& source)
{
    QList<BootCommandLine> out;
    QString title;
    int index = -1, defaultIndex = 0;
    forEachLine(text, [&](const QString& line, int number) {
        if (line.startsWith(u'#') || out.size() >= kMaxCommandLines)
            return;
        const auto [key, rest] = keyAndRest(line, true);
        if (key == QLatin1String("default") && index < 0) {
            defaultIndex = numberOr(rest, 0);
        } else if (key == QLatin1String("title")) {
            title = rest;
            ++index;
        } else if (key == QLatin1String("kernel") && index >= 0) {
            BootCommandLine c = commandLine(source, number, title, QStringLiteral("menu.lst"),
                                            keyAndRest(rest).second);
            c.isDefault = index == defaultIndex;
            out << c;
        }
    });
    return out;
}

QList<BootCommandLine> parseDefaultGrub(QByteArrayView text, const QString& source)
{
    QList<BootCommandLine> out;
    forEachLine(text, [&](const QString& line, int number) {
        const qsizetype eq = line.indexOf(u'=');
        const QString key = line.left(eq);
        if (eq > 0 && out.size() < kMaxCommandLines &&
            (key == QLatin1String("GRUB_CMDLINE_LINUX") ||
             key == QLatin1String("GRUB_CMDLINE_LINUX_DEFAULT")))
            out << commandLine(source, number, key, QStringLiteral("default-grub"),
                               unquoted(line.mid(eq + 1)));
    });
    return out;
}

} // namespace bootconfig

namespace {

constexpr size_t kMaxConfigBytes = 1024 * 1024;
constexpr qsizetype kMaxDirectoryEntries = 64;

// Reads guest paths under /boot from the separate /boot file system when there is one.
struct BootReader {
    GuestFs& root;
    GuestFs* boot;
    GuestFacts* facts;

    std::pair<GuestFs*, QString> locate(const QString& path) const
    {
        if (boot && path.startsWith(QLatin1String("/boot/")))
            return {boot, path.mid(5)};
        return {&root, path};
    }
    std::optional<QByteArray> read(const QString& path) const
    {
        const auto [fs, inside] = locate(path);
        auto text = GuestPath::readFile(*fs, inside, kMaxConfigBytes);
        if (text)
            facts->bootConfigFiles << path;
        return text;
    }
    QStringList list(const QString& dir) const
    {
        const auto [fs, inside] = locate(dir);
        QStringList names = GuestPath::list(*fs, inside);
        names.sort();
        if (names.size() > kMaxDirectoryEntries)
            names.resize(kMaxDirectoryEntries);
        return names;
    }
    void add(const QList<BootCommandLine>& lines) const
    {
        for (const BootCommandLine& c : lines)
            if (facts->bootCommandLines.size() < bootconfig::kMaxCommandLines)
                facts->bootCommandLines << c;
    }
};

void readGrub2(const BootReader& r)
{
    QStringList configs{QStringLiteral("/boot/grub2/grub.cfg"),
                        QStringLiteral("/boot/grub/grub.cfg")};
    for (const QString& vendor : r.list(QStringLiteral("/boot/efi/EFI")))
        configs << QStringLiteral("/boot/efi/EFI/%1/grub.cfg").arg(vendor);
    for (const QString& path : std::as_const(configs))
        if (const auto text = r.read(path))
            r.add(bootconfig::parseGrubCfg(*text, path));

    QString kernelopts;
    for (const QString& path :
         {QStringLiteral("/boot/grub2/grubenv"), QStringLiteral("/boot/grub/grubenv")}) {
        if (const auto text = r.read(path)) {
            const auto env = bootconfig::parseGrubEnv(*text, path);
            r.add(env);
            if (!env.isEmpty() && kernelopts.isEmpty())
                kernelopts = env.front().command;
        }
    }
    // grub2's blscfg starts the entry with the newest version: the names sort that way.
    QStringList entries = r.list(QStringLiteral("/boot/loader/entries"));
    std::reverse(entries.begin(), entries.end());
    bool first = true;
    for (const QString& name : std::as_const(entries)) {
        if (!name.endsWith(QLatin1String(".conf")))
            continue;
        const QString path = QStringLiteral("/boot/loader/entries/") + name;
        if (const auto text = r.read(path)) {
            auto lines = bootconfig::parseBlsEntry(*text, path, kernelopts);
            for (BootCommandLine& c : lines)
                c.isDefault = std::exchange(first, false);
            r.add(lines);
        }
    }
}

} // namespace

void inspectBootLoaderConfig(GuestFs& root, GuestFs* boot, GuestFacts* facts)
{
    facts->bootCommandLines.clear();
    facts->bootConfigFiles.clear();
    facts->bootConfigSearch = {
        QStringLiteral("/boot/grub2/grub.cfg"),        QStringLiteral("/boot/grub/grub.cfg"),
        QStringLiteral("/boot/efi/EFI/*/grub.cfg"),    QStringLiteral("/boot/grub2/grubenv"),
        QStringLiteral("/boot/loader/entries/*.conf"), QStringLiteral("/boot/grub/grub.conf"),
        QStringLiteral("/boot/grub/menu.lst"),         QStringLiteral("/etc/default/grub")};
    const BootReader r{root, boot, facts};
    readGrub2(r);
    // CentOS 6 keeps grub.conf and links menu.lst to it: read the one file once.
    if (const auto text = r.read(QStringLiteral("/boot/grub/grub.conf")))
        r.add(bootconfig::parseMenuLst(*text, QStringLiteral("/boot/grub/grub.conf")));
    else if (const auto legacy = r.read(QStringLiteral("/boot/grub/menu.lst")))
        r.add(bootconfig::parseMenuLst(*legacy, QStringLiteral("/boot/grub/menu.lst")));
    // /etc/default/grub is always on the root file system.
    if (const auto text =
            GuestPath::readFile(root, QStringLiteral("/etc/default/grub"), kMaxConfigBytes)) {
        facts->bootConfigFiles << QStringLiteral("/etc/default/grub");
        r.add(bootconfig::parseDefaultGrub(*text, QStringLiteral("/etc/default/grub")));
    }
}

} // namespace cvmi::inspect
