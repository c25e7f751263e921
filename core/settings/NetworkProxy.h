#pragma once

// The proxy setting applied to Qt's network stack (the CVM and COS control calls through
// QNetworkAccessManager). The upload engine is libcurl and gets the same URL in UploadJob::proxy.
#include <QString>

namespace cvmi::settings {

// "" = the system's proxy configuration; else a manual proxy as AppSettings::proxy() stores it,
// used for every host except loopback (a local emulator or gateway is never proxied, as in
// CurlTransfer). A URL that does not parse falls back to the system configuration.
void applyApplicationProxy(const QString& proxyUrl);

} // namespace cvmi::settings
