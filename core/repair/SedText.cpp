// Escaping of guest values for the sed scripts of the repair steps (see SedText.h).
#include "repair/SedText.h"

namespace cvmi::repair {

QString sedRegex(const QString& text, QChar delimiter)
{
    static const QString meta = QStringLiteral(".[]\\*^$+?(){}|");
    QString out;
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r')
            out += u'.';
        else if (meta.contains(c) || c == delimiter)
            out += u'\\' + QString(c);
        else
            out += c;
    }
    return out;
}

QString sedReplacement(const QString& text, QChar delimiter)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\\' || c == u'&' || c == delimiter)
            out += u'\\' + QString(c);
        else
            out += c;
    }
    return out;
}

} // namespace cvmi::repair
