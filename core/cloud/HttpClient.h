#pragma once

// A small HTTP client over QNetworkAccessManager for the control plane (CVM JSON, COS XML):
// one request, one answer with status, headers and body. TLS is always verified (no SSL error is
// ever ignored), the system proxy is used (loopback excepted), redirects are not followed (a
// signed request must not wander), and every transfer has a timeout. The answer arrives as a
// QFuture, so the GUI never waits; waitFor() runs a local event loop for the command line.
#include <QByteArray>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace cvmi::cloud {

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url; // where to connect
    // Sent as given, in order. A "Host" entry replaces the URL's host in the Host header (the
    // real service host, while the URL may name an emulator or a gateway).
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 30000;
};

struct HttpResponse {
    int status = 0;                               // 0: no HTTP answer (see errorString)
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;
    QString errorString; // transport failure (DNS, TLS, timeout, reset), else empty
    bool timedOut = false;

    QByteArray header(const QByteArray& lowerName) const;
    bool transportFailed() const { return status == 0; }
};

class HttpClient : public QObject {
    Q_OBJECT
public:
    explicit HttpClient(QObject* parent = nullptr);
    ~HttpClient() override;

    // Calls `done` in this object's thread once the answer (or the failure) is complete.
    void send(const HttpRequest& request, std::function<void(const HttpResponse&)> done);
    QFuture<HttpResponse> send(const HttpRequest& request);

private:
    QNetworkAccessManager* m_manager;
};

// Blocks the calling thread in a local event loop until `future` is finished, for the CLI and
// the tests. Never call it from the GUI thread.
template <typename T> T waitFor(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

} // namespace cvmi::cloud
