// Quoting of guest values for the scripts: a hostile disk names its own files and interfaces,
// and those names end up in a script the user runs as root.
#include "repair/FixStep.h"

namespace cvmi::repair {

QString shQuote(const QString& text)
{
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        if (c == u'\'')
            out += QStringLiteral("'\\''");
        else
            out += c;
    }
    return out + u'\'';
}

QString psQuote(const QString& text)
{
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        // PowerShell ends a single-quoted string at ' and at the typographic single quotes.
        if (c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A) ||
            c == QChar(0x201B))
            out += c;
        out += c;
    }
    return out + u'\'';
}

QString comment(const QString& text)
{
    QStringList lines;
    for (QString line : text.split(u'\n')) {
        for (QChar& c : line) {
            // Any control character (and the Unicode line separators) could end the comment.
            if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029) ||
                c == QChar(0x85))
                c = u' ';
        }
        lines << (line.isEmpty() ? QStringLiteral("#") : QStringLiteral("# ") + line);
    }
    return lines.join(u'\n');
}

} // namespace cvmi::repair
