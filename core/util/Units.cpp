#include "util/Units.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace cvmi {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::Units)
};

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString formatDuration(qint64 seconds)
{
    const qint64 s = qMax<qint64>(0, seconds);
    if (s < 60)
        return Text::tr("%1 s").arg(s);
    if (s < 3600)
        return Text::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return Text::tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

QString formatClock(qint64 seconds)
{
    const qint64 s = qMax<qint64>(0, seconds);
    return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(twoDigits(s / 60 % 60), twoDigits(s % 60));
}

QString formatShortClock(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    if (seconds >= 3600)
        return formatClock(seconds);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(twoDigits(seconds % 60));
}

QString formatMoment(const QDateTime& moment)
{
    if (!moment.isValid())
        return QStringLiteral("—");
    const QLocale locale;
    const QDateTime local = moment.toLocalTime();
    const QDateTime utc = moment.toUTC();
    QString zone = local.timeZoneAbbreviation();
    if (zone.isEmpty() || zone.startsWith(u'+') || zone.startsWith(u'-'))
        zone = local.timeZone().displayName(local, QTimeZone::OffsetName); // "UTC+08:00"
    const QString localText = locale.toString(local, QLocale::ShortFormat) + u' ' + zone;
    if (local.offsetFromUtc() == 0)
        return localText;
    const QString utcText = utc.date() == local.date()
                                ? locale.toString(utc.time(), QLocale::ShortFormat)
                                : locale.toString(utc, QLocale::ShortFormat);
    return Text::tr("%1 (%2 UTC)").arg(localText, utcText);
}

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
