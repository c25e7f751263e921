#pragma once

// libcurl's multi interface driven from one thread: transfers are added with a completion
// callback, step() performs what is ready, hands finished transfers to their callbacks and,
// when none finished, sleeps in curl_multi_poll until a socket is ready, the timeout passes or
// another thread calls wakeup(). Everything but wakeup() belongs to the loop's thread.
#include "transfer/CurlTransfer.h"

#include <functional>
#include <map>
#include <memory>

#include <vector>

typedef void CURLM;

namespace cvmi::transfer {

class CurlMultiLoop {
public:
    using Done = std::function<void(const HttpAnswer&)>;

    CurlMultiLoop();
    ~CurlMultiLoop();
    CurlMultiLoop(const CurlMultiLoop&) = delete;
    CurlMultiLoop& operator=(const CurlMultiLoop&) = delete;

    // Returns an id for remove().
    quint64 add(std::unique_ptr<CurlTransfer> transfer, Done done);
    // Drops a transfer without calling its callback (pause with drop, cancel, shutdown).
    void remove(quint64 id);
    void removeAll();
    int active() const { return int(m_transfers.size()); }
    // Bytes of request bodies sent so far by the transfers in flight.
    qint64 bytesInFlight() const;

    // One round: perform and dispatch finished transfers; only if none finished, wait up to
    // maxWaitMs. A finished transfer returns at once, so that the caller can start the next
    // one without sleeping first: with one part in flight that sleep idled the connection
    // after every part.
    void step(int maxWaitMs);
    // Any thread: ends the current wait at once.
    void wakeup();
    // The easy handle of a finished transfer, reset, for the next one (nullptr: none spare):
    // each part slot reuses one handle instead of setting up a new one per part.
    CURL* spareHandle();

private:
    struct Entry {
        std::unique_ptr<CurlTransfer> transfer;
        Done done;
    };
    CURLM* m_multi = nullptr;
    std::map<quint64, Entry> m_transfers;
    std::vector<CURL*> m_spare;
    quint64 m_nextId = 1;
};

} // namespace cvmi::transfer
