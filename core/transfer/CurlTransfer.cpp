#include "transfer/CurlTransfer.h"

#include <curl/curl.h>
#include <mutex>

namespace cvmi::transfer {

QByteArray HttpAnswer::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

struct CurlCallbacks {
    static size_t readBody(char* buffer, size_t size, size_t count, void* self);
    static int seekBody(void* self, curl_off_t offset, int origin);
    static size_t writeBody(char* data, size_t size, size_t count, void* self);
    static size_t writeHeader(char* data, size_t size, size_t count, void* self);
    static int progress(void* self, curl_off_t dlTotal, curl_off_t dlNow, curl_off_t ulTotal,
                        curl_off_t ulNow);
};

void CurlTransfer::globalInit()
{
    // curl_global_init is not thread-safe on every build; once per process, before any handle.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlTransfer::CurlTransfer(const PreparedRequest& request, RequestBody* body,
                           const TransferSettings& settings, CURL* reuse)
    : m_url(request.url), m_body(body)
{
    globalInit();
    m_easy = reuse ? reuse : curl_easy_init();
    const curl_off_t length = body ? curl_off_t(body->length()) : 0;
    for (const QByteArray& line : request.headerLines)
        m_headers = curl_slist_append(m_headers, line.constData());
    // No "Expect: 100-continue" round trip per part, and no Content-Type curl would invent.
    m_headers = curl_slist_append(m_headers, "Expect:");
    if (request.method == "POST" &&
        !request.headerLines.join('\n').toLower().contains("content-type:"))
        m_headers = curl_slist_append(m_headers, "Content-Type:");

    curl_easy_setopt(m_easy, CURLOPT_URL, m_url.constData());
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headers);
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_CONNECTTIMEOUT, long(settings.connectTimeoutSeconds));
    curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_TIME, long(settings.stallSeconds));
    curl_easy_setopt(m_easy, CURLOPT_TCP_KEEPALIVE, 1L);
    if (settings.maxSendBytesPerSecond > 0)
        curl_easy_setopt(m_easy, CURLOPT_MAX_SEND_SPEED_LARGE,
                         curl_off_t(settings.maxSendBytesPerSecond));
    // libcurl takes the proxy from http_proxy / https_proxy / all_proxy itself; setting
    // CURLOPT_NOPROXY replaces no_proxy, so it is kept and loopback added (a local emulator or
    // gateway must never go through a proxy).
    // Two variables read, not the whole environment copied: this runs once per part.
    QString noProxy = qEnvironmentVariable("no_proxy", qEnvironmentVariable("NO_PROXY"));
    if (!noProxy.isEmpty())
        noProxy += u',';
    m_noProxy = (noProxy + QStringLiteral("localhost,127.0.0.1,::1")).toUtf8();
    curl_easy_setopt(m_easy, CURLOPT_NOPROXY, m_noProxy.constData());
    // A manual proxy replaces the variables; NOPROXY above still keeps loopback direct.
    if (!settings.proxy.isEmpty())
        curl_easy_setopt(m_easy, CURLOPT_PROXY, settings.proxy.toUtf8().constData());

    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &CurlCallbacks::writeHeader);
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &CurlCallbacks::writeBody);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_XFERINFOFUNCTION, &CurlCallbacks::progress);
    curl_easy_setopt(m_easy, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(m_easy, CURLOPT_NOPROGRESS, 0L);

    if (request.method == "PUT") {
        curl_easy_setopt(m_easy, CURLOPT_UPLOAD, 1L);
        // Larger reads than libcurl's 64 KiB: an eighth of the callbacks and pread() calls per
        // part, each still small enough to stay in the cache between the read, the CRC and
        // the send. It is the only per-transfer buffer, so memory is concurrency × this.
        curl_easy_setopt(m_easy, CURLOPT_UPLOAD_BUFFERSIZE, uploadBufferBytes);
        curl_easy_setopt(m_easy, CURLOPT_INFILESIZE_LARGE, length);
        setBodyCallbacks();
    } else if (request.method == "POST") {
        curl_easy_setopt(m_easy, CURLOPT_POST, 1L);
        curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, length);
        setBodyCallbacks();
    } else if (request.method == "HEAD") {
        curl_easy_setopt(m_easy, CURLOPT_NOBODY, 1L);
    } else if (request.method != "GET") {
        curl_easy_setopt(m_easy, CURLOPT_CUSTOMREQUEST, request.method.constData());
    }
}

void CurlTransfer::setBodyCallbacks()
{
    curl_easy_setopt(m_easy, CURLOPT_READFUNCTION, &CurlCallbacks::readBody);
    curl_easy_setopt(m_easy, CURLOPT_READDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_SEEKFUNCTION, &CurlCallbacks::seekBody);
    curl_easy_setopt(m_easy, CURLOPT_SEEKDATA, this);
}

CurlTransfer::~CurlTransfer()
{
    if (m_easy)
        curl_easy_cleanup(m_easy);
    curl_slist_free_all(m_headers);
}

CURL* CurlTransfer::releaseHandle()
{
    // The reset drops every option (our header list and callbacks among them) but keeps the
    // handle's allocations; connections live in the multi handle's cache either way.
    curl_easy_reset(m_easy);
    CURL* handle = m_easy;
    m_easy = nullptr;
    return handle;
}

size_t CurlCallbacks::readBody(char* buffer, size_t size, size_t count, void* self)
{
    auto* t = static_cast<CurlTransfer*>(self);
    if (!t->m_body)
        return 0;
    const qint64 n = t->m_body->read(buffer, qint64(size * count));
    // A read error ends the transfer (CURLE_ABORTED_BY_CALLBACK); the body keeps the reason.
    return n < 0 ? size_t(CURL_READFUNC_ABORT) : size_t(n);
}

int CurlCallbacks::seekBody(void* self, curl_off_t offset, int origin)
{
    auto* t = static_cast<CurlTransfer*>(self);
    // curl only ever asks to start a body over; anything else it can do without us.
    if (!t->m_body || origin != SEEK_SET || offset != 0)
        return CURL_SEEKFUNC_CANTSEEK;
    t->m_body->rewind();
    return CURL_SEEKFUNC_OK;
}

size_t CurlCallbacks::writeBody(char* data, size_t size, size_t count, void* self)
{
    auto* t = static_cast<CurlTransfer*>(self);
    const size_t n = size * count;
    if (t->m_answer.body.size() + qsizetype(n) > CurlTransfer::maxAnswerBytes) {
        t->m_answer.bodyTooLarge = true;
        return 0; // aborts with CURLE_WRITE_ERROR
    }
    t->m_answer.body.append(data, qsizetype(n));
    return n;
}

size_t CurlCallbacks::writeHeader(char* data, size_t size, size_t count, void* self)
{
    auto* t = static_cast<CurlTransfer*>(self);
    const size_t n = size * count;
    const QByteArray line = QByteArray(data, qsizetype(n)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new status line (after a redirect or 100 Continue) starts a new header set.
        t->m_answer.headers.clear();
        return n;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0 && t->m_answer.headers.size() < 200)
        t->m_answer.headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    return n;
}

int CurlCallbacks::progress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t ulNow)
{
    static_cast<CurlTransfer*>(self)->m_sent = ulNow;
    return 0;
}

HttpAnswer CurlTransfer::finish(int code)
{
    m_answer.curlCode = code;
    if (code != CURLE_OK)
        m_answer.curlError = QString::fromUtf8(
            m_errorBuffer[0] ? m_errorBuffer : curl_easy_strerror(CURLcode(code)));
    long status = 0;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
    m_answer.status = int(status);
    return m_answer;
}

HttpAnswer CurlTransfer::perform()
{
    return finish(curl_easy_perform(m_easy));
}

} // namespace cvmi::transfer
