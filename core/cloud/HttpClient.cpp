#include "cloud/HttpClient.h"

#include "cloud/CloudEndpoints.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <memory>

namespace cvmi::cloud {

namespace {

// The system's proxy settings, except for loopback: an emulator on this computer must not be
// reached through a corporate proxy named in http_proxy.
class SystemProxyFactory : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        if (CloudEndpoints::isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return systemProxyForQuery(query);
    }
};

} // namespace

QByteArray HttpResponse::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

HttpClient::HttpClient(QObject* parent)
    : QObject(parent), m_manager(new QNetworkAccessManager(this))
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    m_manager->setProxyFactory(new SystemProxyFactory);
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient() = default;

void HttpClient::send(const HttpRequest& request, std::function<void(const HttpResponse&)> done)
{
    QNetworkRequest r(request.url);
    r.setTransferTimeout(request.timeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    for (const auto& [name, value] : request.headers)
        r.setRawHeader(name, value);
    // HEAD through head(): as a custom verb, QNAM would wait for the Content-Length bytes.
    QNetworkReply* reply = nullptr;
    if (request.method == "HEAD")
        reply = m_manager->head(r);
    else if (request.body.isEmpty() && request.method != "PUT" && request.method != "POST")
        reply = m_manager->sendCustomRequest(r, request.method);
    else
        reply = m_manager->sendCustomRequest(r, request.method, request.body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        HttpResponse response;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        response.status = status.isValid() ? status.toInt() : 0;
        for (const auto& [name, value] : reply->rawHeaderPairs())
            response.headers.append({name.toLower(), value});
        response.body = reply->readAll();
        if (response.status == 0) {
            response.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                                reply->error() == QNetworkReply::TimeoutError;
            response.errorString = reply->errorString();
        }
        done(response);
    });
}

QFuture<HttpResponse> HttpClient::send(const HttpRequest& request)
{
    auto promise = std::make_shared<QPromise<HttpResponse>>();
    promise->start();
    QFuture<HttpResponse> future = promise->future();
    send(request, [promise](const HttpResponse& response) {
        promise->addResult(response);
        promise->finish();
    });
    return future;
}

} // namespace cvmi::cloud
