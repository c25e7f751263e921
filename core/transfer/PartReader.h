#pragma once

// Reads the parts still to send, in order, on its own thread, into buffers of the pool: the
// disk works ahead while the network sends. Each part's CRC-64 (and MD5 when asked) is computed
// chunk by chunk as the bytes arrive, while they are still in the CPU's cache: there is no
// second pass over the file.
#include "transfer/BufferPool.h"
#include "util/NativePath.h"

#include <QList>
#include <QString>
#include <deque>
#include <functional>
#include <thread>

namespace cvmi::transfer {

struct PartRange {
    int number = 0;
    qint64 offset = 0;
    qint64 length = 0;
};

class PartReader {
public:
    // `ready` is called on the reader's thread after each part is queued (to wake the consumer).
    PartReader(util::NativePath path, QList<PartRange> parts, BufferPool& pool, bool md5,
               std::function<void()> ready);
    ~PartReader(); // stops and joins

    // The next read part, or nullptr when none is ready yet. The caller releases it to the pool.
    PartBuffer* take();
    void stop();

private:
    void run();

    util::NativePath m_path;
    QList<PartRange> m_parts;
    BufferPool& m_pool;
    bool m_md5;
    std::function<void()> m_ready;
    std::mutex m_mutex;
    std::deque<PartBuffer*> m_queue;
    std::atomic_bool m_stop = false;
    std::thread m_thread;
};

} // namespace cvmi::transfer
