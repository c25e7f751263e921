#include "settings/NetworkProxy.h"

#include "cloud/CloudEndpoints.h"
#include "settings/AppSettings.h"

#include <QNetworkProxyFactory>

namespace cvmi::settings {

namespace {

// A factory rather than QNetworkProxy::setApplicationProxy: the application proxy would also
// take requests to 127.0.0.1, and the demo's emulator or a tunnel must be reached directly.
class ManualProxyFactory : public QNetworkProxyFactory {
public:
    explicit ManualProxyFactory(const QNetworkProxy& proxy) : m_proxy(proxy) {}

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        if (cloud::CloudEndpoints::isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return {m_proxy};
    }

private:
    QNetworkProxy m_proxy;
};

} // namespace

void applyApplicationProxy(const QString& proxyUrl)
{
    const std::optional<QUrl> url =
        proxyUrl.isEmpty() ? std::nullopt : AppSettings::parseProxy(proxyUrl, nullptr);
    if (!url) {
        // Also replaces a manual factory installed before (the setting was cleared).
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return;
    }
    QNetworkProxyFactory::setApplicationProxyFactory(new ManualProxyFactory(
        QNetworkProxy(QNetworkProxy::HttpProxy, url->host(), quint16(url->port()))));
}

} // namespace cvmi::settings
