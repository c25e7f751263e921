#pragma once

// One HTTP exchange as a libcurl easy handle: the signed request, a body the caller keeps alive
// (RequestBody: memory or a range of the file, read as curl asks), the answer's status, headers and
// a bounded body. Settings every request shares live here: TLS always verified, the system's proxy
// variables (http_proxy, https_proxy, no_proxy, as libcurl reads them; loopback is never proxied),
// the stall detector (CURLOPT_LOW_SPEED_LIMIT/TIME) and the per-handle share of the rate limit.
#include "transfer/RequestBody.h"
#include "transfer/StoreRequest.h"

#include <QByteArray>
#include <QList>
#include <QPair>

typedef void CURL;
struct curl_slist;

namespace cvmi::transfer {

struct HttpAnswer {
    int curlCode = 0; // CURLcode; 0 when the exchange completed
    QString curlError;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;
    bool bodyTooLarge = false;

    bool transportFailed() const { return curlCode != 0; }
    QByteArray header(const QByteArray& lowerName) const;
};

struct TransferSettings {
    int connectTimeoutSeconds = 30;
    int stallSeconds = 60;
    qint64 maxSendBytesPerSecond = 0; // 0: unlimited
    QString proxy;                    // empty: the environment's proxy variables
};

class CurlTransfer {
public:
    // Answers larger than this are refused: no multipart answer comes near it.
    static constexpr qsizetype maxAnswerBytes = 8 * 1024 * 1024;

    // `body` (nullptr: none) must stay valid until the transfer is destroyed. `reuse`: an easy
    // handle of a finished transfer (releaseHandle()), or nullptr for a new one.
    CurlTransfer(const PreparedRequest& request, RequestBody* body,
                 const TransferSettings& settings, CURL* reuse = nullptr);
    ~CurlTransfer();
    CurlTransfer(const CurlTransfer&) = delete;
    CurlTransfer& operator=(const CurlTransfer&) = delete;

    CURL* handle() const { return m_easy; }
    qint64 bytesSent() const { return m_sent; } // of the body, so far
    // Called when curl reports the transfer done (code: its CURLcode).
    HttpAnswer finish(int code);
    // Runs the whole exchange on this thread (curl_easy_perform), for the one-off calls.
    HttpAnswer perform();
    // After finish(): the easy handle, reset to its defaults, for the next transfer; this
    // transfer no longer owns it. Reusing it spares a handle's set-up per part.
    CURL* releaseHandle();

    static void globalInit();

private:
    friend struct CurlCallbacks; // libcurl's C callbacks, in the .cpp
    static constexpr long uploadBufferBytes = 512L * 1024L;
    void setBodyCallbacks();

    CURL* m_easy = nullptr;
    curl_slist* m_headers = nullptr;
    QByteArray m_url;
    QByteArray m_noProxy;
    RequestBody* m_body = nullptr;
    qint64 m_sent = 0;
    char m_errorBuffer[256] = {};
    HttpAnswer m_answer;
};

} // namespace cvmi::transfer
