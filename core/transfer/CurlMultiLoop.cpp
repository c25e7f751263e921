#include "transfer/CurlMultiLoop.h"

#include "transfer/UploadLimits.h"

#include <curl/curl.h>

namespace cvmi::transfer {

CurlMultiLoop::CurlMultiLoop()
{
    CurlTransfer::globalInit();
    m_multi = curl_multi_init();
}

namespace {
// One per part slot at the largest concurrency, plus the session's own calls: enough for every
// slot, and a bound on what a burst of transfers leaves behind.
constexpr size_t maxSpareHandles = UploadLimits::maxConcurrency + 4;
} // namespace

CurlMultiLoop::~CurlMultiLoop()
{
    removeAll();
    for (CURL* handle : m_spare)
        curl_easy_cleanup(handle);
    curl_multi_cleanup(m_multi);
}

CURL* CurlMultiLoop::spareHandle()
{
    if (m_spare.empty())
        return nullptr;
    CURL* handle = m_spare.back();
    m_spare.pop_back();
    return handle;
}

quint64 CurlMultiLoop::add(std::unique_ptr<CurlTransfer> transfer, Done done)
{
    const quint64 id = m_nextId++;
    curl_easy_setopt(transfer->handle(), CURLOPT_PRIVATE, reinterpret_cast<void*>(id));
    curl_multi_add_handle(m_multi, transfer->handle());
    m_transfers.emplace(id, Entry{std::move(transfer), std::move(done)});
    return id;
}

void CurlMultiLoop::remove(quint64 id)
{
    const auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    curl_multi_remove_handle(m_multi, it->second.transfer->handle());
    m_transfers.erase(it);
}

void CurlMultiLoop::removeAll()
{
    for (auto& [id, entry] : m_transfers)
        curl_multi_remove_handle(m_multi, entry.transfer->handle());
    m_transfers.clear();
}

qint64 CurlMultiLoop::bytesInFlight() const
{
    qint64 sum = 0;
    for (const auto& [id, entry] : m_transfers)
        sum += entry.transfer->bytesSent();
    return sum;
}

void CurlMultiLoop::step(int maxWaitMs)
{
    int running = 0;
    curl_multi_perform(m_multi, &running);
    int queued = 0;
    bool finished = false;
    while (CURLMsg* message = curl_multi_info_read(m_multi, &queued)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        void* privateData = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &privateData);
        const auto id = quint64(reinterpret_cast<quintptr>(privateData));
        const int code = int(message->data.result);
        const auto it = m_transfers.find(id);
        if (it == m_transfers.end())
            continue;
        curl_multi_remove_handle(m_multi, it->second.transfer->handle());
        Entry entry = std::move(it->second);
        m_transfers.erase(it);
        // The callback may add transfers (a retry, the next part): the entry is already out.
        const HttpAnswer answer = entry.transfer->finish(code);
        if (m_spare.size() < maxSpareHandles)
            m_spare.push_back(entry.transfer->releaseHandle());
        entry.transfer.reset();
        entry.done(answer);
        finished = true;
    }
    if (!finished)
        curl_multi_poll(m_multi, nullptr, 0, maxWaitMs, nullptr);
}

void CurlMultiLoop::wakeup()
{
    curl_multi_wakeup(m_multi);
}

} // namespace cvmi::transfer
