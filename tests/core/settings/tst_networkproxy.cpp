// settings::applyApplicationProxy, read through what Qt's network stack will ask
// (QNetworkProxyFactory::proxyForQuery): "" leaves the system's configuration; a manual proxy is
// used for the cloud's hosts and never for loopback (127.0.0.1, localhost, ::1); a proxy setting
// that does not parse, and clearing the setting, go back to the system's configuration. The
// system's configuration is made recognisable by http_proxy / https_proxy in this process's
// environment, which Qt's generic Unix lookup reads on every query.
#include "settings/NetworkProxy.h"

#include <QNetworkProxyFactory>
#include <QTest>
#include <QUrl>

using namespace cvmi;

namespace {

const QString kSystemHost = QStringLiteral("system-proxy.test");
constexpr quint16 kSystemHttpsPort = 8443;
constexpr quint16 kSystemHttpPort = 8080;

QNetworkProxy proxyFor(const QString& url)
{
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(url)));
    return proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::DefaultProxy) : proxies.first();
}

bool isProxy(const QNetworkProxy& proxy, const QString& host, quint16 port)
{
    return proxy.type() == QNetworkProxy::HttpProxy && proxy.hostName() == host &&
           proxy.port() == port;
}

// What the system's configuration of this test answers: the environment's proxies.
bool usesTheSystemProxies()
{
    return QNetworkProxyFactory::usesSystemConfiguration() &&
           isProxy(proxyFor(QStringLiteral("https://cvm.tencentcloudapi.com/")), kSystemHost,
                   kSystemHttpsPort) &&
           isProxy(proxyFor(QStringLiteral("http://example.com/")), kSystemHost, kSystemHttpPort);
}

} // namespace

class TestNetworkProxy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("http_proxy", "http://system-proxy.test:8080");
        qputenv("https_proxy", "http://system-proxy.test:8443");
        qunsetenv("HTTP_PROXY");
        qunsetenv("HTTPS_PROXY");
        qunsetenv("all_proxy");
        qunsetenv("no_proxy");
        qunsetenv("NO_PROXY");
    }

    // Each case starts from a manual factory that is not the one under test, so that "goes
    // back to the system's configuration" is seen replacing something.
    void init()
    {
        QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
        settings::applyApplicationProxy(QStringLiteral("http://earlier.test:1111"));
        QVERIFY(!QNetworkProxyFactory::usesSystemConfiguration());
        QVERIFY(isProxy(proxyFor(QStringLiteral("https://cvm.tencentcloudapi.com/")),
                        QStringLiteral("earlier.test"), 1111));
    }

    void emptyMeansTheSystemConfiguration()
    {
        settings::applyApplicationProxy(QString());
        QVERIFY(usesTheSystemProxies());
    }

    void manualProxyForTheCloud_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("url") << QStringLiteral("http://proxy.example.com:3128")
                             << QStringLiteral("proxy.example.com") << 3128;
        // As AppSettings::parseProxy reads it: no scheme means http://, a trailing / is allowed.
        QTest::newRow("no scheme")
            << QStringLiteral("10.0.0.8:8080") << QStringLiteral("10.0.0.8") << 8080;
        QTest::newRow("slash and spaces")
            << QStringLiteral("  http://gw.corp:3129/ ") << QStringLiteral("gw.corp") << 3129;
    }

    void manualProxyForTheCloud()
    {
        QFETCH(QString, setting);
        QFETCH(QString, host);
        QFETCH(int, port);
        settings::applyApplicationProxy(setting);
        QVERIFY(!QNetworkProxyFactory::usesSystemConfiguration());
        for (const QString& url :
             {QStringLiteral("https://cvm.tencentcloudapi.com/"),
              QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/disk.qcow2"),
              QStringLiteral("http://example.com/")}) {
            const QNetworkProxy proxy = proxyFor(url);
            QVERIFY2(isProxy(proxy, host, quint16(port)),
                     qPrintable(url + QStringLiteral(" → ") + proxy.hostName() + u':' +
                                QString::number(proxy.port())));
        }
        // A query by host name only (a raw TCP connection) is proxied too.
        const QList<QNetworkProxy> tcp = QNetworkProxyFactory::proxyForQuery(
            QNetworkProxyQuery(QStringLiteral("cvm.tencentcloudapi.com"), 443));
        QVERIFY(!tcp.isEmpty() && isProxy(tcp.first(), host, quint16(port)));
    }

    void loopbackIsNeverProxied_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/");
        QTest::newRow("127.1.2.3") << QStringLiteral("http://127.1.2.3:8080/");
        QTest::newRow("localhost") << QStringLiteral("http://localhost:8080/");
        QTest::newRow("LocalHost") << QStringLiteral("https://LocalHost/");
        QTest::newRow("::1") << QStringLiteral("http://[::1]:8080/");
    }

    void loopbackIsNeverProxied()
    {
        // Qt 6.4's QNetworkProxyFactory::proxyForQuery answers NoProxy for these hosts before it
        // asks any factory, so this guards what the network stack does rather than the
        // factory's own loopback rule, which no public call reaches.
        QFETCH(QString, url);
        settings::applyApplicationProxy(QStringLiteral("http://proxy.example.com:3128"));
        QCOMPARE(proxyFor(url).type(), QNetworkProxy::NoProxy);
        QVERIFY(isProxy(proxyFor(QStringLiteral("http://example.com/")),
                        QStringLiteral("proxy.example.com"), 3128));
    }

    void unusableSettingMeansTheSystemConfiguration_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::newRow("no port") << QStringLiteral("http://proxy.example.com");
        QTest::newRow("socks") << QStringLiteral("socks5://proxy.example.com:1080");
        QTest::newRow("https scheme") << QStringLiteral("https://proxy.example.com:3128");
        QTest::newRow("path") << QStringLiteral("http://proxy.example.com:3128/pac");
        QTest::newRow("not an address") << QStringLiteral("http://:3128");
        QTest::newRow("spaces") << QStringLiteral("   ");
        // A user and password are refused (they would sit in the settings file in clear).
        QTest::newRow("user") << QStringLiteral("http://someone:pw@proxy.example.com:3128");
    }

    void unusableSettingMeansTheSystemConfiguration()
    {
        QFETCH(QString, setting);
        settings::applyApplicationProxy(setting);
        QVERIFY(usesTheSystemProxies());
    }
};

QTEST_GUILESS_MAIN(TestNetworkProxy)
#include "tst_networkproxy.moc"
