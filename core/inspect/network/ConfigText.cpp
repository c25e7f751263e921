#include "inspect/network/ConfigText.h"

namespace cvmi::inspect::netcfg {

QStringList textLines(QByteArrayView text)
{
    return QString::fromUtf8(text).split(u'\n');
}

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

QString withoutAlias(const QString& name)
{
    return name.section(u':', 0, 0);
}

// ---- Shell-style KEY=value files (ifcfg-*, /etc/sysconfig/network, /etc/default/grub) ----

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

QHash<QString, ShellVar> lastAssignments(QByteArrayView text)
{
    QHash<QString, ShellVar> byKey;
    for (ShellVar& var : shellVars(text))
        byKey.insert(var.key, std::move(var));
    return byKey;
}

// ---- INI-style files (NetworkManager keyfiles, systemd units) ----

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

bool isIpv6Address(const QString& address)
{
    return address.contains(u':');
}

} // namespace cvmi::inspect::netcfg
