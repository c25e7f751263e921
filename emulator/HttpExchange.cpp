#include "HttpExchange.h"

#include <QDateTime>
#include <QUrl>

namespace cvmi::emu {

QByteArray EmuRequest::header(QByteArrayView name) const
{
    QByteArray value;
    bool found = false;
    for (const auto& [n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            value += ',';
        value += v;
        found = true;
    }
    return value;
}

bool EmuRequest::hasHeader(QByteArrayView name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool EmuRequest::hasQuery(const QString& name) const
{
    for (const auto& item : query) {
        if (item.first == name)
            return true;
    }
    return false;
}

QString EmuRequest::queryValue(const QString& name) const
{
    for (const auto& item : query) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

void EmuResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray EmuResponse::header(QByteArrayView name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 416:
        return "Requested Range Not Satisfiable";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray httpDate(qint64 unixSeconds)
{
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC);
    const QDate d = t.date();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " +
           QByteArray::number(d.day()).rightJustified(2, '0') + ' ' + months[d.month() - 1] + ' ' +
           QByteArray::number(d.year()) + ' ' +
           t.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " GMT";
}

QString isoTime(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QString decodeComponent(QByteArray encoded, bool plusIsSpace)
{
    if (plusIsSpace)
        encoded.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
}

QueryItems parseQuery(const QByteArray& rawQuery)
{
    QueryItems items;
    if (rawQuery.isEmpty())
        return items;
    for (const QByteArray& part : rawQuery.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            items.append({decodeComponent(part, true), QString()});
        else
            items.append(
                {decodeComponent(part.left(eq), true), decodeComponent(part.mid(eq + 1), true)});
    }
    return items;
}

} // namespace cvmi::emu
