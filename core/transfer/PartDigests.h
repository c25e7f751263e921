#pragma once

// The Content-MD5 of the parts still to send, computed ahead on a thread of its own, for the
// stores that want it (the S3 dialect; COS proves each part with its CRC-64 instead and needs no
// pass before the send). A header must be known before the body goes out, so these parts are
// read twice: once here, through one small buffer, and once by curl's read callback; the
// second read finds the bytes in the page cache. Only digests are kept, never the bytes, and at
// most `ahead` of them, so memory does not depend on the part size.
#include "transfer/PartPlanner.h"
#include "transfer/RequestBody.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace cvmi::transfer {

struct PartDigest {
    int number = 0;
    QByteArray contentMd5; // base64
    QString readError;     // set: the part could not be read
};

class PartDigests {
public:
    // `ready` is called on the digest thread after each digest is queued (to wake the consumer).
    PartDigests(const SourceFile& file, QList<PartRange> parts, int ahead,
                std::function<void()> ready);
    ~PartDigests(); // stops and joins

    // The next part's digest, in the order given, or nullopt when it is not computed yet.
    std::optional<PartDigest> take();

    // One range's base64 MD5 on the calling thread (the single PUT's); empty with *error, or
    // empty when *stop became true.
    static QByteArray contentMd5(const SourceFile& file, const PartRange& range, QString* error,
                                 const std::atomic_bool* stop = nullptr);

private:
    void run();

    const SourceFile& m_file;
    QList<PartRange> m_parts;
    const size_t m_ahead;
    std::function<void()> m_ready;
    std::mutex m_mutex;
    std::condition_variable m_taken;
    std::deque<PartDigest> m_queue;
    bool m_stop = false;                    // under m_mutex, for the wait
    std::atomic_bool m_stopReading = false; // read without the lock, between chunks
    std::thread m_thread;
};

} // namespace cvmi::transfer
