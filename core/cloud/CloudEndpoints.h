#pragma once

// Where the clients connect. The CVM endpoint defaults to https://cvm.tencentcloudapi.com; COS
// has no default override (each request goes to its real host). An override is an address to
// connect to: the request still names and signs the real service host (the Host header), so a
// local emulator or a private gateway that routes by Host sees exactly what the cloud would.
// Plain http:// is refused unless the host is loopback (127.0.0.0/8, ::1, localhost): secrets
// signed over cleartext to another machine are one packet capture away from anyone.
#include "util/Error.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>
#include <optional>

namespace cvmi::cloud {

class CloudEndpoints {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::CloudEndpoints)
public:
    static QString defaultCvmHost() { return QStringLiteral("cvm.tencentcloudapi.com"); }
    static QString cosServiceHost() { return QStringLiteral("service.cos.myqcloud.com"); }

    CloudEndpoints();

    // Validates and sets an override; an empty string restores the default. On failure the
    // previous value is kept and *error says why (code "endpoint.invalid" or "endpoint.insecure").
    bool setCvmEndpoint(const QString& url, Error* error);
    bool setCosEndpoint(const QString& url, Error* error);

    QUrl cvmEndpoint() const { return m_cvm; }
    std::optional<QUrl> cosEndpoint() const { return m_cos; }

    // The host the CVM requests name and sign: the endpoint's own host, unless it is a loopback
    // or literal address (an emulator or a tunnel), which then stands in for the default host.
    QString cvmServiceHost() const;

    // The URL to connect to for a request to `serviceHost` (scheme https): the override's
    // scheme, host and port when one is set, else https://serviceHost. `path` is already encoded.
    QUrl cosConnectUrl(const QString& serviceHost, const QString& encodedPath,
                       const QString& encodedQuery = {}) const;

    // Parses an endpoint URL: http or https, a host, no user info, query or fragment.
    static std::optional<QUrl> parse(const QString& url, Error* error);
    static bool isLoopbackHost(const QString& host);

private:
    QUrl m_cvm;
    std::optional<QUrl> m_cos;
};

} // namespace cvmi::cloud
