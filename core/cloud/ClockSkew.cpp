#include "cloud/ClockSkew.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

Q_LOGGING_CATEGORY(lcCloud, "cvmi.cloud")

namespace cvmi::cloud {

std::optional<qint64> ClockSkew::parseHttpDate(const QByteArray& value)
{
    QString text = QString::fromLatin1(value).simplified();
    for (const QLatin1String zone :
         {QLatin1String(" GMT"), QLatin1String(" UTC"), QLatin1String(" +0000")}) {
        if (text.endsWith(zone)) {
            text.chop(zone.size());
            break;
        }
    }
    const QLocale c = QLocale::c();
    for (const QLatin1String format :
         {QLatin1String("ddd, dd MMM yyyy HH:mm:ss"), QLatin1String("ddd, d MMM yyyy HH:mm:ss"),
          QLatin1String("dd MMM yyyy HH:mm:ss")}) {
        QDateTime time = c.toDateTime(text, QString(format));
        if (time.isValid()) {
            time.setTimeZone(QTimeZone::utc());
            return time.toSecsSinceEpoch();
        }
    }
    return std::nullopt;
}

bool ClockSkew::isCosClockError(const QString& code, const QString& message)
{
    return code == QLatin1String("RequestTimeTooSkewed") ||
           (code == QLatin1String("AccessDenied") &&
            message == QLatin1String("Request has expired"));
}

std::optional<qint64> ClockSkew::correction(qint64 serverTime, qint64 localNow, qint64 signedOffset)
{
    if (qAbs(serverTime - (localNow + signedOffset)) < minCorrectionSeconds)
        return std::nullopt;
    return serverTime - localNow;
}

QString ClockSkew::describe(qint64 serverMinusLocalSeconds)
{
    const qint64 magnitude = qAbs(serverMinusLocalSeconds);
    return serverMinusLocalSeconds > 0
               ? tr("Your clock is %1 s off: it is %1 s behind Tencent Cloud's. Requests were "
                    "corrected for this, but set the system clock right (automatic time / NTP).")
                     .arg(magnitude)
               : tr("Your clock is %1 s off: it is %1 s ahead of Tencent Cloud's. Requests were "
                    "corrected for this, but set the system clock right (automatic time / NTP).")
                     .arg(magnitude);
}

} // namespace cvmi::cloud
