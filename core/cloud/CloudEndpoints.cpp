#include "cloud/CloudEndpoints.h"

#include <QHostAddress>

namespace cvmi::cloud {

CloudEndpoints::CloudEndpoints()
    : m_cvm(QUrl(QStringLiteral("https://") + defaultCvmHost() + QStringLiteral("/")))
{
}

bool CloudEndpoints::isLoopbackHost(const QString& host)
{
    QString h = host;
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    if (h.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

std::optional<QUrl> CloudEndpoints::parse(const QString& text, Error* error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        fail(error, QStringLiteral("endpoint.invalid"),
             tr("The endpoint \"%1\" is not a usable address: write it as https://host[:port], "
                "for example https://cvm.tencentcloudapi.com.")
                 .arg(text));
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
        fail(error, QStringLiteral("endpoint.invalid"),
             tr("The endpoint \"%1\" must be only a scheme, a host and an optional port (no "
                "path, user name, query or fragment).")
                 .arg(text));
        return std::nullopt;
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        fail(error, QStringLiteral("endpoint.insecure"),
             tr("The endpoint \"%1\" uses plain http:// to another machine, which would expose "
                "your signed requests. Use https://, or http:// only for this computer "
                "(127.0.0.1, ::1, localhost).")
                 .arg(text));
        return std::nullopt;
    }
    QUrl clean;
    clean.setScheme(scheme);
    clean.setHost(url.host());
    clean.setPort(url.port());
    clean.setPath(QStringLiteral("/"));
    return clean;
}

bool CloudEndpoints::setCvmEndpoint(const QString& url, Error* error)
{
    if (url.trimmed().isEmpty()) {
        m_cvm = QUrl(QStringLiteral("https://") + defaultCvmHost() + QStringLiteral("/"));
        return true;
    }
    const std::optional<QUrl> parsed = parse(url, error);
    if (!parsed)
        return false;
    m_cvm = *parsed;
    return true;
}

bool CloudEndpoints::setCosEndpoint(const QString& url, Error* error)
{
    if (url.trimmed().isEmpty()) {
        m_cos.reset();
        return true;
    }
    const std::optional<QUrl> parsed = parse(url, error);
    if (!parsed)
        return false;
    m_cos = *parsed;
    return true;
}

QString CloudEndpoints::cvmServiceHost() const
{
    const QString host = m_cvm.host();
    if (isLoopbackHost(host) || !QHostAddress(host).isNull())
        return defaultCvmHost();
    return host.toLower();
}

QUrl CloudEndpoints::cosConnectUrl(const QString& serviceHost, const QString& encodedPath,
                                   const QString& encodedQuery) const
{
    QUrl url;
    if (m_cos) {
        url.setScheme(m_cos->scheme());
        url.setHost(m_cos->host());
        url.setPort(m_cos->port());
    } else {
        url.setScheme(QStringLiteral("https"));
        url.setHost(serviceHost);
    }
    url.setPath(encodedPath.isEmpty() ? QStringLiteral("/") : encodedPath, QUrl::StrictMode);
    if (!encodedQuery.isEmpty())
        url.setQuery(encodedQuery, QUrl::StrictMode);
    return url;
}

} // namespace cvmi::cloud
