#include "util/ByteSize.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace cvmi {

QString formatBytes(uint64_t bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString formatBytesExact(uint64_t bytes)
{
    return QStringLiteral("%1 (%2 bytes)")
        .arg(formatBytes(bytes), QLocale().toString(qulonglong(bytes)));
}

std::optional<qint64> parseByteSize(QString text, bool perSecond)
{
    static const QRegularExpression shape(
        QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*(?:([kmgt])(?:i?b)?|b)?$"),
        QRegularExpression::CaseInsensitiveOption);
    text = text.trimmed();
    if (perSecond && text.endsWith(QLatin1String("/s"), Qt::CaseInsensitive))
        text.chop(2);
    const QRegularExpressionMatch m = shape.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    static const QString units = QStringLiteral("kmgt");
    const QString unit = m.captured(2).toLower();
    const int shift = unit.isEmpty() ? 0 : 10 * int(units.indexOf(unit.at(0)) + 1);
    bool ok = false;
    const double bytes = std::round(m.captured(1).toDouble(&ok) * std::ldexp(1.0, shift));
    // 2^62 bytes is far beyond any disk or line; the bound keeps the conversion defined.
    if (!ok || !std::isfinite(bytes) || bytes > std::ldexp(1.0, 62))
        return std::nullopt;
    return qint64(bytes);
}

} // namespace cvmi
